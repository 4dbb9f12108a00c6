//! Tags per theme, as a small table, for whatever tallies it is given.

use leptos::prelude::*;
use plan_core::content;
use plan_core::tally::{ThemeTally, CATEGORIES};
use plan_core::ui;
use plan_core::words::category_label;

/// `rows` holds one tally per theme, in the content's theme order.
#[component]
pub fn ThemeBreakdown(rows: Memo<Vec<ThemeTally>>) -> impl IntoView {
    view! {
        <table class="theme-table">
            <caption class="sr-only">{ui::themes_caption()}</caption>
            <thead>
                <tr>
                    <th scope="col">{ui::theme_column()}</th>
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
                                    .map(|c| view! { <td translate="no">{move || rows.with(|r| r.get(i).map(|t| t.tally.get(c)))}</td> })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
