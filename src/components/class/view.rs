//! The class view at `#class`: a teacher gathers students' links and reads
//! the class result, all in this browser. Gather comes first, so the
//! "Student links" box is in view at once; Start (the address and QR code
//! students open) sits beside it on wide screens; the result follows.

use crate::components::class::state::ClassState;
use crate::components::class::{classroom::Classroom, gather::ClassGather, result::ClassResult, start::ClassStart};
use leptos::prelude::*;
use plan_core::ui;

#[component]
pub fn ClassView() -> impl IntoView {
    let class = ClassState::new();
    provide_context(class);
    // Leaving the view disposes its state: a read still waiting must not fire.
    on_cleanup(move || class.leave());
    // Once the box is on the page, put back what was pasted before.
    Effect::new(move |restored: Option<()>| {
        if restored.is_none() {
            untrack(|| class.restore());
        }
    });
    let counts = Signal::derive(move || class.counts());
    // The teacher's label, else the one label every counted link carries.
    let label = Signal::derive(move || plan_core::share::clean_class(&class.label()).or_else(|| class.common_label()));
    let entries = Signal::derive(move || class.included());
    let camps = Signal::derive(move || class.camps());
    view! {
        <main id="class-main" class="class-view" aria-labelledby="class-heading">
            <div class="class-head">
                <h2 id="class-heading" class="section-title">{ui::cv_heading()}</h2>
                <p>{ui::cv_intro()}</p>
                <p><a href="#" class="button ghost">{ui::cv_back()}</a></p>
            </div>
            <div class="class-columns">
                <ClassGather/>
                <ClassStart/>
            </div>
            <ClassResult counts=counts label=label entries=entries camps=camps/>
            <Classroom/>
        </main>
    }
}
