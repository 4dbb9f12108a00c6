//! Gather by camera: the "Scan students' codes" button, the scan panel
//! while it is open, and, when the camera cannot be used, why (paste and
//! file still work: the panel adds nothing they need).

use crate::browser::{self, CameraProblem};
use crate::components::class::scan_panel::ScanPanel;
use leptos::prelude::*;
use plan_core::ui;

fn problem_message(problem: CameraProblem) -> &'static str {
    match problem {
        CameraProblem::Denied => ui::cv_camera_denied(),
        CameraProblem::Missing => ui::cv_camera_missing(),
        CameraProblem::Busy => ui::cv_camera_busy(),
        CameraProblem::Failed => ui::cv_camera_failed(),
        CameraProblem::ReaderFailed => ui::cv_scan_reader_failed(),
    }
}

#[component]
pub fn ClassScan() -> impl IntoView {
    let scanning = RwSignal::new(false);
    let problem = RwSignal::new(None::<CameraProblem>);
    let start = move |_| {
        problem.set(None);
        scanning.set(true);
    };
    // The panel closed (Stop, a problem, the page hidden): back to the button.
    let ended = move |why: Option<CameraProblem>| {
        problem.set(why);
        scanning.set(false);
        // Once the button is shown again (the view updates after this task).
        request_animation_frame(|| browser::scroll_and_focus("scan-start", false));
    };
    view! {
        <div class="class-scan">
            <button id="scan-start" type="button" class="button" hidden=move || scanning.get() on:click=start>
                {ui::cv_scan_button()}
            </button>
            <div role="alert" class="notice-slot">
                {move || {
                    problem
                        .get()
                        .map(|p| view! { <div class="notice notice-error"><p>{problem_message(p)}</p></div> })
                }}
            </div>
            <Show when=move || scanning.get()>
                <ScanPanel ended=ended/>
            </Show>
        </div>
    }
}
