//! Students × points, with names: closed by default, and built only when the
//! teacher opens it. Names are shown as text only.

use crate::components::class::state::use_class;
use leptos::prelude::*;
use plan_core::class::Entry;
use plan_core::ui;
use plan_core::{Tag, POINT_COUNT};

#[component]
pub fn ClassNames(entries: Signal<Vec<Entry>>) -> impl IntoView {
    let class = use_class();
    let open = RwSignal::new(false);
    view! {
        <details class="class-names" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{move || if class.show_names() { ui::cv_names_heading() } else { ui::cv_names_hidden_heading() }}</summary>
            <p class="measure-note">{move || if class.show_names() { ui::cv_names_hint() } else { ui::cv_names_hidden_table_hint() }}</p>
            <Show when=move || open.get()>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="names-caption">
                    <table class="names-table">
                        <caption id="names-caption" class="sr-only">
                            {move || if class.show_names() { ui::cv_names_heading() } else { ui::cv_names_hidden_heading() }}
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">{ui::cv_student_column()}</th>
                                {(1..=POINT_COUNT as u8)
                                    .map(|n| {
                                        view! {
                                            <th scope="col">
                                                <span class="sr-only">{ui::point_heading(n)}</span>
                                                <span aria-hidden="true">{n}</span>
                                            </th>
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let show = class.show_names();
                                entries
                                    .get()
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, e)| {
                                        let name = e.name.clone().filter(|_| show);
                                        let who = name.unwrap_or_else(|| plan_core::class::words::student_label(i + 1));
                                        view! {
                                            <tr>
                                                <th scope="row">{who}</th>
                                                {(1..=POINT_COUNT as u8).map(|n| cell(e.tags.get(n))).collect_view()}
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
        </details>
    }
}

/// One answer: its letter (with the label for screen readers) on its colour.
fn cell(tag: Option<Tag>) -> impl IntoView {
    let info = plan_core::tags::category_info(tag);
    view! {
        <td class=format!("answer tag-{}", info.id)>
            <span aria-hidden="true">{info.letter}</span>
            <span class="sr-only">{plan_core::words::category_label(tag)}</span>
        </td>
    }
}
