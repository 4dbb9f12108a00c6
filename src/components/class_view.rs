//! The class view at `#class`: a teacher gathers students' links and reads
//! the class result. (Filled in by the classroom work.)

use crate::components::classroom::Classroom;
use leptos::prelude::*;

#[component]
pub fn ClassView() -> impl IntoView {
    view! {
        <main id="class-main" class="class-view layout-single">
            <Classroom/>
        </main>
    }
}
