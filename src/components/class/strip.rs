//! The class's shape at a glance: one column per point, its parts the shares
//! of each answer. The table below has the same numbers for screen readers.

use crate::components::counts::category_id;
use leptos::prelude::*;
use plan_core::class::ClassCounts;
use plan_core::tally::CATEGORIES;
use plan_core::ui;

#[component]
pub fn ClassStrip(counts: Signal<ClassCounts>, shown: Memo<Vec<u8>>) -> impl IntoView {
    view! {
        <figure class="strip-figure">
            <figcaption>
                <strong>{ui::cv_strip_heading()}</strong>
                " "
                {ui::cv_strip_label()}
            </figcaption>
            <ol class="strip" aria-hidden="true">
                {move || {
                    counts.with(|c| {
                        c.iter()
                            .map(|(n, tally)| {
                                let dimmed = !shown.with(|s| s.contains(&n));
                                view! {
                                    <li class="strip-cell" class:dimmed=dimmed>
                                        <span class="strip-bar">
                                            {CATEGORIES
                                                .map(|cat| {
                                                    view! {
                                                        <span
                                                            class=format!("segment tag-{}", category_id(cat))
                                                            style:flex-grow=tally.get(cat).to_string()
                                                        ></span>
                                                    }
                                                })
                                                .collect_view()}
                                        </span>
                                        <span class="strip-number">{n}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ol>
        </figure>
    }
}
