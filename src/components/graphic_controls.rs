//! The graphic's controls (an island): progress, Previous and Next, and on
//! phones the toggle that opens the bar's details.

use crate::components::progress::Progress;
use crate::navigation;
use crate::stores::stores;
use leptos::prelude::*;
use plan_core::ui;
use plan_core::POINT_COUNT;

#[component]
pub fn GraphicControls() -> impl IntoView {
    let s = stores();
    let reached = move || s.nav.step().point_reached();
    let at_last = move || usize::from(reached()) >= POINT_COUNT;
    let open = move || s.prefs.details_open();
    view! {
        <div class="graphic-top">
            <Progress/>
            <div class="stepper">
                <button
                    type="button"
                    class="button step-button"
                    prop:disabled=move || reached() <= 1
                    on:click=move |_| navigation::previous_point(&s)
                >
                    <span aria-hidden="true">"↑ "</span>
                    {ui::previous()}
                    <span class="narrow-hidden">{ui::point_suffix()}</span>
                </button>
                <button type="button" class="button step-button" prop:disabled=at_last on:click=move |_| navigation::next_point(&s)>
                    <span aria-hidden="true">"↓ "</span>
                    {ui::next()}
                    <span class="narrow-hidden">{ui::point_suffix()}</span>
                </button>
                <button
                    type="button"
                    class="button ghost more-toggle"
                    aria-expanded=move || open().to_string()
                    aria-controls="graphic-details"
                    on:click=move |_| s.prefs.toggle_details()
                >
                    <span aria-hidden="true">{move || if open() { "▾ " } else { "▴ " }}</span>
                    {ui::overview_toggle()}
                </button>
            </div>
        </div>
    }
}
