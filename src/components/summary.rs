//! The end of the story (an island): the tags shown summed up, point lists
//! by tag (untagged points link to their cards), the theme breakdown, Reset.

use crate::components::counts::Counts;
use crate::components::reset::ResetAll;
use crate::components::stacked_bar::StackedBar;
use crate::components::theme_breakdown::ThemeBreakdown;
use crate::navigation;
use crate::stores::stores;
use leptos::either::Either;
use leptos::prelude::*;
use plan_core::route::point_id;
use plan_core::step::Step;
use plan_core::tally::{by_theme, CATEGORIES};
use plan_core::ui;
use plan_core::words::{category_label, point_list, summary_heading, tagged_of_total, Whose};
use plan_core::{content, Tally};

#[component]
pub fn Summary() -> impl IntoView {
    let s = stores();
    let tags = Signal::derive(move || s.reader.shown_settled());
    let heading = move || {
        let name = s.shared.name();
        summary_heading(if s.shared.is_open() { Whose::Shared(name.as_deref()) } else { Whose::Own })
    };
    let tally = Memo::new(move |_| Tally::of(&tags.get()));
    let counts = CATEGORIES.map(|c| Signal::from(Memo::new(move |_| tally.with(|t| t.get(c)))));
    let total = Signal::derive(move || tally.with(Tally::total));
    let themes = Memo::new(move |_| by_theme(content(), &tags.get()));
    view! {
        <section class="summary" data-step=Step::End.to_string() aria-labelledby="summary-heading">
            <h2 id="summary-heading" class="section-title">{heading}</h2>
            <p class="summary-lead">{move || tally.with(|t| tagged_of_total(t.tagged(), t.total()))}</p>
            <Counts counts=counts total=total/>
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
                                    if c.is_none() && numbers.with(|n| !n.is_empty()) {
                                        Either::Left(view! { <PointLinks numbers=numbers/> })
                                    } else {
                                        Either::Right(view! { <p class:muted=numbers.with(Vec::is_empty)>{numbers.with(|n| point_list(n))}</p> })
                                    }
                                }}
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            <h3>{ui::by_theme()}</h3>
            <ThemeBreakdown rows=themes/>
            <ResetAll/>
        </section>
    }
}

/// Untagged points, each a link to its card. The links move like Next and
/// Previous (one scroll, no new history entry); their `href` stays for
/// opening in a new tab.
#[component]
fn PointLinks(numbers: Memo<Vec<u8>>) -> impl IntoView {
    let s = stores();
    view! {
        <ul class="point-links">
            {move || {
                numbers
                    .get()
                    .into_iter()
                    .map(|n| {
                        view! {
                            <li>
                                <a
                                    href=format!("#{}", point_id(n))
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        navigation::go_to_point(&s, n);
                                    }
                                >
                                    {ui::point_heading(n)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
