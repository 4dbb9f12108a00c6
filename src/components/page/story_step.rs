//! One step of the narrative (static): a heading, the facts, and attributed quotes.

use crate::components::page::quote::QuoteFigure;
use leptos::prelude::*;
use plan_core::content::Step;

#[component]
pub fn StoryStep(index: usize, step: &'static Step) -> impl IntoView {
    let heading_id = format!("story-{}-heading", step.id);
    view! {
        <div class="story-step" data-step=plan_core::step::Step::Story(index).to_string()>
            <p class="step-party">{step.party_label}</p>
            <h3 id=heading_id>{step.heading}</h3>
            {step.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            {step.quotes.iter().map(|q| view! { <QuoteFigure quote=q/> }).collect_view()}
        </div>
    }
}
