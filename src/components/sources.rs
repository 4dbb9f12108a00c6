//! Sources, with outlet and date.

use leptos::prelude::*;
use plan_core::content;

#[component]
pub fn Sources() -> impl IntoView {
    view! {
        <section class="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading" class="section-title">"Sources"</h2>
            <ul>
                {content()
                    .sources
                    .iter()
                    .map(|s| {
                        view! {
                            <li>
                                <strong>{s.outlet}</strong>
                                {format!(": {}. {}.", s.detail, s.date)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
