//! The live tally (the `Tally` landmark): counts, percentages, a stacked bar,
//! the per-theme breakdown, and a polite one-sentence announcement.

use crate::components::theme_breakdown::ThemeBreakdown;
use crate::state::use_state;
use leptos::prelude::*;
use plan_core::tally::{percent, CATEGORIES};
use plan_core::{Tag, POINT_COUNT};

/// One count per category, in `CATEGORIES` order.
pub type CategoryCounts = [Signal<usize>; 4];

pub fn category_label(c: Option<Tag>) -> &'static str {
    c.map(Tag::label).unwrap_or("Untagged")
}

pub fn category_id(c: Option<Tag>) -> &'static str {
    c.map(Tag::id).unwrap_or("none")
}

#[component]
pub fn TallyPanel() -> impl IntoView {
    let state = use_state();
    // Each count follows its own signal: a click rewrites only the two it changed.
    let counts = CATEGORIES.map(|c| Signal::derive(move || state.shown_count(c)));
    let whose = move || match state.shared.get() {
        Some(v) => format!("{}'s tags", v.shared.name.unwrap_or_else(|| "Shared".into())),
        None => "Your tags".to_string(),
    };
    view! {
        <section class="tally" aria-label="Tally">
            <p class="tally-title" class:shared=move || state.in_shared_view()>{whose}</p>
            <Counts counts=counts/>
            <StackedBar counts=counts/>
            <details class="tally-themes">
                <summary>"By theme"</summary>
                <ThemeBreakdown/>
            </details>
            <p class="sr-only" aria-live="polite" aria-atomic="true">{move || state.announcement.get()}</p>
        </section>
    }
}

/// "Russia 3 (11%)" for each category, with the letter cue.
#[component]
pub fn Counts(counts: CategoryCounts) -> impl IntoView {
    view! {
        <ul class="counts">
            {CATEGORIES
                .into_iter()
                .zip(counts)
                .map(|(c, count)| {
                    view! {
                        <li class=format!("count tag-{}", category_id(c))>
                            <span class="letter" aria-hidden="true">{c.map(Tag::letter).unwrap_or("–")}</span>
                            <span class="count-text">
                                <span class="count-label">{category_label(c)}</span>
                                " "
                                <strong>{count}</strong>
                            </span>
                            <span class="pct">{move || format!(" ({}%)", percent(count.get(), POINT_COUNT))}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The four counts as one bar: each segment's `flex-grow` is its count, so a
/// click rewrites the two segments it changed.
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
