//! A class result opened from a link (`#result=…`): read-only, counts only.
//! Opening it touches neither the reader's tags nor a class they gathered.

use crate::components::class_result::ClassResult;
use crate::state::use_state;
use leptos::prelude::*;
use plan_core::ui::ui;

#[component]
pub fn ClassResultPage() -> impl IntoView {
    let state = use_state();
    let u = ui();
    let counts = Signal::derive(move || state.class_result.with(|r| r.as_ref().map(|(c, _)| c.clone())));
    let label = Signal::derive(move || state.class_result.with(|r| r.as_ref().and_then(|(_, l)| l.clone())));
    view! {
        <main id="class-main" class="class-view" aria-labelledby="class-result-page-heading">
            <div class="class-head">
                <h2 id="class-result-page-heading" class="section-title">{u.cv_result_heading}</h2>
                <div role="status" class="notice-slot">
                    <div class="notice notice-shared">
                        <p>{u.cv_readonly}</p>
                    </div>
                </div>
                <p class="class-head-links">
                    <a href="#class" class="button ghost">{u.cv_open_class_view}</a>
                    " "
                    <a href="#" class="button ghost">{u.cv_back}</a>
                </p>
            </div>
            <ClassResult counts=counts label=label/>
        </main>
    }
}
