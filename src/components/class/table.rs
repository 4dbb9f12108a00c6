//! Per-point class counts as a table: a row per point (header "Point N"),
//! a column per answer, each cell the count and its share of the class.

use leptos::prelude::*;
use plan_core::class::ClassCounts;
use plan_core::tally::CATEGORIES;
use plan_core::ui;
use plan_core::words::category_label;

#[component]
pub fn ClassTable(counts: Signal<ClassCounts>, shown: Memo<Vec<u8>>) -> impl IntoView {
    view! {
        // Focusable, so a keyboard can scroll a table wider than a phone.
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="class-table-caption">
            <table class="class-table">
                <caption id="class-table-caption">{ui::cv_table_caption()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{ui::cv_point_column()}</th>
                        {CATEGORIES.map(|c| view! { <th scope="col">{category_label(c)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        counts.with(|c| {
                            c.iter()
                                .filter(|(n, _)| shown.with(|s| s.contains(n)))
                                .map(|(n, _)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{ui::point_heading(n)}</th>
                                            {CATEGORIES
                                                .map(|cat| {
                                                    let count = c.point(n).map_or(0, |t| t.get(cat));
                                                    let pct = c.percent(n, cat);
                                                    view! {
                                                        <td translate="no">
                                                            {count}
                                                            <span class="pct">{format!(" ({pct}%)")}</span>
                                                        </td>
                                                    }
                                                })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
        </div>
    }
}
