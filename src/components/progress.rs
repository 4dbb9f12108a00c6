//! "Point 7 of 28" and a progress bar.

use crate::state::{use_state, Step};
use leptos::prelude::*;
use plan_core::ui::ui;
use plan_core::words::progress_point;
use plan_core::POINT_COUNT;

#[component]
pub fn Progress() -> impl IntoView {
    let state = use_state();
    let text = move || match state.step.get() {
        Step::Story(_) => ui().progress_intro.to_string(),
        Step::Point(n) => progress_point(n),
        Step::End => ui().progress_summary.to_string(),
    };
    // Tenths of a percent in integers: formatting an f64 would pull ~10 KB of float code into the wasm.
    let width = move || {
        let tenths = usize::from(state.step.get().point_reached()) * 1000 / POINT_COUNT;
        format!("{}.{}%", tenths / 10, tenths % 10)
    };
    view! {
        <div class="progress">
            <p class="progress-text">{text}</p>
            <div class="progress-track" aria-hidden="true">
                <div class="progress-fill" style:width=width></div>
            </div>
        </div>
    }
}
