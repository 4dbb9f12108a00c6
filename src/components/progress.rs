//! "Point 7 of 28" and a progress bar.

use crate::state::{use_state, Step};
use leptos::prelude::*;
use plan_core::POINT_COUNT;

#[component]
pub fn Progress() -> impl IntoView {
    let state = use_state();
    let text = move || match state.step.get() {
        Step::Story(_) => "Introduction".to_string(),
        Step::Point(n) => format!("Point {n} of {POINT_COUNT}"),
        Step::End => "Summary".to_string(),
    };
    let percent = move || f64::from(state.step.get().point_reached()) * 100.0 / POINT_COUNT as f64;
    view! {
        <div class="progress">
            <p class="progress-text">{text}</p>
            <div class="progress-track" aria-hidden="true">
                <div class="progress-fill" style:width=move || format!("{percent:.1}%", percent = percent())></div>
            </div>
        </div>
    }
}
