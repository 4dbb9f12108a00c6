//! "Point 7 of 28" and a progress bar.

use crate::stores::stores;
use leptos::prelude::*;
use plan_core::step::Step;
use plan_core::ui;
use plan_core::words::progress_point;
use plan_core::POINT_COUNT;

#[component]
pub fn Progress() -> impl IntoView {
    let s = stores();
    let text = move || match s.nav.step() {
        Step::Story(_) => ui::progress_intro().to_string(),
        Step::Point(n) => progress_point(n),
        Step::End => ui::progress_summary().to_string(),
    };
    // Tenths of a percent in integers: formatting an f64 would pull ~10 KB of float code into the wasm.
    let width = move || {
        let tenths = usize::from(s.nav.step().point_reached()) * 1000 / POINT_COUNT;
        format!("{}.{}%", tenths / 10, tenths % 10)
    };
    view! {
        <div class="progress">
            // A new element per step, not a text node rewritten: a browser's
            // translation replaces text nodes, and a rewritten one would be gone.
            <p class="progress-text">{move || view! { <span>{text()}</span> }}</p>
            <div class="progress-track" aria-hidden="true">
                <div class="progress-fill" style:width=width></div>
            </div>
        </div>
    }
}
