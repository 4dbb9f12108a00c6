//! "Russia 3 (11%)" for each category, with the letter cue: the counts of
//! the reader's tally, a shared link's, or a class's.

use leptos::prelude::*;
use plan_core::tally::{percent, CATEGORIES};
use plan_core::ui;
use plan_core::words::category_label;
use plan_core::Tag;

/// One count per category, in `CATEGORIES` order.
pub type CategoryCounts = [Signal<usize>; 4];

pub fn category_id(c: Option<Tag>) -> &'static str {
    plan_core::tags::category_info(c).id
}

/// `total` is what the percentages are shares of (points, or answers in a class).
#[component]
pub fn Counts(counts: CategoryCounts, total: Signal<usize>) -> impl IntoView {
    view! {
        <ul class="counts">
            {CATEGORIES
                .into_iter()
                .zip(counts)
                .map(|(c, count)| {
                    view! {
                        <li class=format!("count tag-{}", category_id(c))>
                            <span class="letter" aria-hidden="true">{plan_core::tags::category_info(c).letter}</span>
                            <span class="count-text">
                                <span class="count-label">{category_label(c)}</span>
                                " "
                                // Numbers are data, not prose: a browser's translation must not freeze them.
                                <strong translate="no">{count}</strong>
                                {c.is_none().then(|| view! { <span class="count-suffix">{ui::left_suffix()}</span> })}
                            </span>
                            <span class="pct" translate="no">{move || format!(" ({}%)", percent(count.get(), total.get()))}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
