//! The live tally (the `Tally` landmark): counts, percentages, a stacked bar,
//! the per-theme breakdown, and a polite one-sentence announcement.

use crate::components::theme_breakdown::ThemeBreakdown;
use crate::state::use_state;
use leptos::prelude::*;
use plan_core::tally::percent;
use plan_core::{Tag, Tally, POINT_COUNT};

/// The four categories in display order: the three tags, then untagged.
pub const CATEGORIES: [Option<Tag>; 4] = [Some(Tag::Russia), Some(Tag::Ukraine), Some(Tag::Neutral), None];

pub fn category_label(c: Option<Tag>) -> &'static str {
    c.map(Tag::label).unwrap_or("Untagged")
}

pub fn category_id(c: Option<Tag>) -> &'static str {
    c.map(Tag::id).unwrap_or("none")
}

#[component]
pub fn TallyPanel() -> impl IntoView {
    let state = use_state();
    let tally = Memo::new(move |_| state.shown_tally());
    let whose = move || match state.shared.get() {
        Some(v) => format!("{}'s tags", v.shared.name.unwrap_or_else(|| "Shared".into())),
        None => "Your tags".to_string(),
    };
    view! {
        <section class="tally" aria-label="Tally">
            <p class="tally-title" class:shared=move || state.in_shared_view()>{whose}</p>
            <Counts tally=tally/>
            <StackedBar tally=tally/>
            <details class="tally-themes">
                <summary>"By theme"</summary>
                <ThemeBreakdown/>
            </details>
            <p class="sr-only" aria-live="polite" aria-atomic="true">{move || state.announcement.get()}</p>
        </section>
    }
}

/// One memo per category: a click re-runs only the views of the two counts it changed.
fn category_counts(tally: Memo<Tally>) -> [(Option<Tag>, Memo<usize>); 4] {
    CATEGORIES.map(|c| (c, Memo::new(move |_| tally.get().get(c))))
}

/// "Russia 3 (11%)" for each category, with the letter cue.
#[component]
pub fn Counts(tally: Memo<Tally>) -> impl IntoView {
    view! {
        <ul class="counts">
            {category_counts(tally)
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

#[component]
pub fn StackedBar(tally: Memo<Tally>) -> impl IntoView {
    view! {
        <div class="stacked-bar" aria-hidden="true">
            {category_counts(tally)
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
