//! What was read from the pasted links: counts, the switch for other
//! classes, the lines that could not be read (at once, with their text),
//! and every line that was skipped (folded). Names stay hidden unless the
//! teacher shows them.

use crate::components::class::state::use_class;
use leptos::prelude::*;
use plan_core::class::words::{failed_lines, gathered_details, gathered_summary, include_other_class};
use plan_core::ui;

/// Failed lines listed without a click; more are in "Line by line".
const MAX_FAILED_SHOWN: usize = 20;

#[component]
pub fn ClassReport() -> impl IntoView {
    let class = use_class();
    let details_open = RwSignal::new(false);
    view! {
        <div class="class-report">
            <Show when=move || class.has_read()>
                <h4 id="report-heading">{ui::cv_report_heading()}</h4>
                <div role="status" aria-labelledby="report-heading">
                <ul class="report-items">
                    {move || {
                        class
                            .with_gathered(|g| g.map(gathered_summary).unwrap_or_default())
                            .into_iter()
                            .map(|item| view! { <li>{item}</li> })
                            .collect_view()
                    }}
                </ul>
                </div>
                {move || {
                    let show = class.show_names();
                    let failed = class.with_gathered(|g| g.map(|g| failed_lines(g, show)).unwrap_or_default());
                    (!failed.is_empty())
                        .then(|| {
                            view! {
                                <div class="report-failed">
                                    <h5 id="failed-heading">{ui::cv_failed_heading()}</h5>
                                    <ul aria-labelledby="failed-heading">
                                        {failed
                                            .into_iter()
                                            .take(MAX_FAILED_SHOWN)
                                            .map(|line| view! { <li>{line}</li> })
                                            .collect_view()}
                                    </ul>
                                </div>
                            }
                        })
                }}
                {move || {
                    let others = class.with_gathered(|g| g.map_or(0, |g| g.other_class.len()));
                    (others > 0)
                        .then(|| {
                            view! {
                                <label class="switch">
                                    <input
                                        type="checkbox"
                                        role="switch"
                                        prop:checked=move || class.include_other()
                                        on:change=move |ev| class.set_include_other(event_target_checked(&ev))
                                    />
                                    {include_other_class(others)}
                                </label>
                            }
                        })
                }}
                <details
                    class="report-lines"
                    on:toggle=move |ev| details_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
                >
                    <summary>{ui::cv_details()}</summary>
                    // Rendered only when opened: 10,000 reported lines cost nothing until then.
                    <Show when=move || details_open.get()>
                        <ol class="line-list">
                            {move || {
                                class
                                    .with_gathered(|g| g.map(|g| gathered_details(g, class.show_names())).unwrap_or_default())
                                    .into_iter()
                                    .map(|line| view! { <li>{line}</li> })
                                    .collect_view()
                            }}
                        </ol>
                    </Show>
                </details>
            </Show>
        </div>
    }
}
