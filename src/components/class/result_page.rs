//! A class result opened from a link (`#result=…`): read-only, counts only.
//! Opening it touches neither the reader's tags nor a class they gathered.

use crate::components::class::result::ClassResult;
use leptos::prelude::*;
use plan_core::class::ClassCounts;
use plan_core::ui;

#[component]
pub fn ClassResultPage(counts: ClassCounts, label: Option<String>) -> impl IntoView {
    let counts = Signal::stored(Some(counts));
    let label = Signal::stored(label);
    view! {
        <main id="class-main" class="class-view" aria-labelledby="class-result-page-heading">
            <div class="class-head">
                <h2 id="class-result-page-heading" class="section-title">{ui::cv_result_heading()}</h2>
                <div role="status" class="notice-slot">
                    <div class="notice notice-shared">
                        <p>{ui::cv_readonly()}</p>
                    </div>
                </div>
                <p class="class-head-links">
                    <a href="#class" class="button ghost">{ui::cv_open_class_view()}</a>
                    " "
                    <a href="#" class="button ghost">{ui::cv_back()}</a>
                </p>
            </div>
            <ClassResult counts=counts label=label/>
        </main>
    }
}
