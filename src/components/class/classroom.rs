//! The lesson plan in the class view: timed steps, what Neutral means,
//! discussion prompts, a debrief and two cautions (all from the content file).

use leptos::prelude::*;
use plan_core::class::words::lesson_minutes;
use plan_core::content;
use plan_core::ui;

#[component]
pub fn Classroom() -> impl IntoView {
    let c = &content().classroom;
    let list = |items: &'static [&'static str]| items.iter().map(|i| view! { <li>{*i}</li> }).collect_view();
    view! {
        <section class="classroom" aria-labelledby="classroom-heading">
            <h3 id="classroom-heading">{ui::cv_lesson_heading()}</h3>
            <ol class="class-steps">
                {c
                    .steps
                    .iter()
                    .map(|s| {
                        view! {
                            <li>
                                <strong>{s.title}</strong>
                                {lesson_minutes(s.minutes).map(|m| view! { <span class="step-minutes">{format!(" · {m}")}</span> })}
                                <p>{s.text}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <div class="lesson-extra">
                <div>
                    <h4>{ui::cv_lesson_neutral()}</h4>
                    <p>{c.neutral}</p>
                    <h4>{ui::cv_lesson_cautions()}</h4>
                    <ul>{list(c.cautions)}</ul>
                </div>
                <div>
                    <h4>{ui::cv_lesson_prompts()}</h4>
                    <ul>{list(c.prompts)}</ul>
                    <h4>{ui::cv_lesson_debrief()}</h4>
                    <p>{c.debrief}</p>
                </div>
            </div>
        </section>
    }
}
