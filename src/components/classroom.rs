//! How a teacher can use the page, in three steps.

use leptos::prelude::*;
use plan_core::content;

#[component]
pub fn Classroom() -> impl IntoView {
    let c = &content().classroom;
    view! {
        <section class="classroom" aria-labelledby="classroom-heading">
            <h2 id="classroom-heading" class="section-title">{c.heading}</h2>
            <p>{c.intro}</p>
            <ol class="class-steps">{c.steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
        </section>
    }
}
