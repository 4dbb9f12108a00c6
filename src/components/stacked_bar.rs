//! The four counts as one bar: each segment's `flex-grow` is its count, so a
//! click rewrites only the two segments it changed.

use crate::components::counts::{category_id, CategoryCounts};
use leptos::prelude::*;
use plan_core::tally::CATEGORIES;

#[component]
pub fn StackedBar(counts: CategoryCounts) -> impl IntoView {
    view! {
        <div class="stacked-bar" aria-hidden="true">
            {CATEGORIES
                .into_iter()
                .zip(counts)
                .map(|(c, count)| {
                    view! {
                        <span
                            class=format!("segment tag-{}", category_id(c))
                            style:flex-grow=move || count.get().to_string()
                        ></span>
                    }
                })
                .collect_view()}
        </div>
    }
}
