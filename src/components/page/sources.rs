//! Sources, with outlet, date and address.

use leptos::prelude::*;
use plan_core::content;
use plan_core::ui;

#[component]
pub fn Sources() -> impl IntoView {
    view! {
        <section class="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading" class="section-title">{ui::sources_heading()}</h2>
            <ul>
                {content()
                    .sources
                    .iter()
                    .map(|s| {
                        view! {
                            <li>
                                <strong>{s.outlet}</strong>
                                {format!(": {}. {}. ", s.detail, s.date)}
                                <a href=s.url rel="noreferrer" class="source-url">{s.url}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
