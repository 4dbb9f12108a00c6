//! One step of the narrative (static): a heading, the facts, and attributed quotes.
//! Each quote's caption gives who said it, where, and the day they said it;
//! a second line names the report it was read in, with that report's own date.

use leptos::prelude::*;
use plan_core::content::{Quote, Step};
use plan_core::ui;

#[component]
pub fn StoryStep(index: usize, step: &'static Step) -> impl IntoView {
    let heading_id = format!("story-{}-heading", step.id);
    view! {
        <div class="story-step" data-step=plan_core::step::Step::Story(index).to_string()>
            <p class="step-party">{step.party_label}</p>
            <h3 id=heading_id>{step.heading}</h3>
            {step.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            {step
                .quotes
                .iter()
                .map(|q| {
                    view! {
                        <figure class="quote">
                            <blockquote>
                                <p>{format!("“{}”", q.text)}</p>
                            </blockquote>
                            <figcaption>
                                <strong>{q.speaker}</strong>
                                {said(q)}
                                <span class="quote-source">{source(q)}</span>
                            </figcaption>
                        </figure>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// ", US Secretary of State, on X, 20 November 2025"
fn said(q: &Quote) -> String {
    match q.said {
        Some(how) => format!(", {}, {how}, {}", q.role, q.date),
        None => format!(", {}, {}", q.role, q.date),
    }
}

/// "Source: BBC, 21 November 2025" or "Source: AFP (read via Voz.us), 21 November 2025".
fn source(q: &Quote) -> String {
    let r = &q.reported;
    let report = match r.via {
        Some(via) => ui::cite_via(r.date, r.outlet, via),
        None => ui::cite(r.date, r.outlet),
    };
    ui::quote_source(&report)
}
