//! Tags per theme, as a small table.

use crate::components::tally::category_label;
use crate::state::use_state;
use leptos::prelude::*;
use plan_core::content;
use plan_core::tally::{by_theme, CATEGORIES};

#[component]
pub fn ThemeBreakdown() -> impl IntoView {
    let state = use_state();
    let rows = Memo::new(move |_| by_theme(content(), &state.shown_settled()));
    view! {
        <table class="theme-table">
            <caption class="sr-only">"Tags by theme"</caption>
            <thead>
                <tr>
                    <th scope="col">"Theme"</th>
                    {CATEGORIES.map(|c| view! { <th scope="col">{category_label(c)}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                // Rows are fixed; only the numbers change, each on its own.
                {content()
                    .themes
                    .iter()
                    .enumerate()
                    .map(|(i, theme)| {
                        view! {
                            <tr>
                                <th scope="row">{theme.label}</th>
                                {CATEGORIES
                                    .map(|c| view! { <td>{move || rows.with(|r| r[i].tally.get(c))}</td> })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
