//! How a teacher can use the page: the lesson plan's steps. (The class view work redoes this.)

use leptos::prelude::*;
use plan_core::class::words::lesson_minutes;
use plan_core::content;

#[component]
pub fn Classroom() -> impl IntoView {
    let c = &content().classroom;
    view! {
        <section class="classroom" aria-labelledby="classroom-heading">
            <h2 id="classroom-heading" class="section-title">{c.heading}</h2>
            <p>{c.intro}</p>
            <ol class="class-steps">
                {c
                    .steps
                    .iter()
                    .map(|s| {
                        view! {
                            <li>
                                <strong>{s.title}</strong>
                                {lesson_minutes(s.minutes).map(|m| view! { <p class="step-minutes">{m}</p> })}
                                <p>{s.text}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
