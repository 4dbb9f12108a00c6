//! The end of the story: the reader's result, point lists and theme breakdown.

use crate::components::reset::ResetAll;
use crate::components::tally::{category_label, Counts, StackedBar};
use crate::components::theme_breakdown::ThemeBreakdown;
use crate::state::use_state;
use leptos::prelude::*;
use plan_core::tally::CATEGORIES;
use plan_core::{Tally, POINT_COUNT};

#[component]
pub fn Summary() -> impl IntoView {
    let state = use_state();
    let tags = Memo::new(move |_| state.shown_settled());
    let tally = Memo::new(move |_| Tally::of(&tags.get()));
    let counts = CATEGORIES.map(|c| Signal::from(Memo::new(move |_| tally.with(|t| t.get(c)))));
    let heading = move || match state.shared.get() {
        Some(v) => format!("Summary of {}'s tags", v.shared.name.unwrap_or_else(|| "the shared".into())),
        None => "Summary of your tags".to_string(),
    };
    view! {
        <section class="summary" data-step="end" aria-labelledby="summary-heading">
            <h2 id="summary-heading" class="section-title">{heading}</h2>
            <p class="summary-lead">
                {move || format!("{} of {POINT_COUNT} points tagged.", tally.get().tagged())}
            </p>
            <Counts counts=counts/>
            <StackedBar counts=counts/>
            <div class="summary-lists">
                {CATEGORIES
                    .map(|c| {
                        // A memo per category: a change re-renders only the lists it touched.
                        let numbers = Memo::new(move |_| tags.get().numbers_with(c));
                        view! {
                            <div class="summary-group">
                                <h3>{move || format!("{} ({})", category_label(c), numbers.with(Vec::len))}</h3>
                                {move || {
                                    let list = numbers.get();
                                    if list.is_empty() {
                                        view! { <p class="muted">"None"</p> }.into_any()
                                    } else if c.is_none() {
                                        // Untagged points link back to their cards.
                                        view! {
                                            <ul class="point-links">
                                                {list
                                                    .into_iter()
                                                    .map(|n| view! { <li><a href=format!("#point-{n}")>{format!("Point {n}")}</a></li> })
                                                    .collect_view()}
                                            </ul>
                                        }
                                            .into_any()
                                    } else {
                                        let text = list.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
                                        let noun = if list.len() == 1 { "Point" } else { "Points" };
                                        view! { <p>{format!("{noun} {text}")}</p> }.into_any()
                                    }
                                }}
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            <h3>"By theme"</h3>
            <ThemeBreakdown/>
            <ResetAll/>
        </section>
    }
}
