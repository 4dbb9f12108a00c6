//! "The draft's wording, as outlets published it": a card's second layer (static), closed
//! by default (opened on every card by the `DraftSwitch` island, and always in print). What
//! established outlets published of the point's own wording, each part with its source.

use crate::components::page::cite::Cite;
use leptos::prelude::*;
use plan_core::content::{DraftPart, PartKind, PlanPoint};
use plan_core::ui;

#[component]
pub fn DraftLayer(point: &'static PlanPoint) -> impl IntoView {
    view! {
        <details class="draft">
            <summary>{ui::draft_heading()}</summary>
            <div class="draft-body">
                {point.leaves_out.map(|text| view! { <p class="leaves-out">{text}</p> })}
                {point.draft.parts.iter().map(|part| view! { <Part part=part/> }).collect_view()}
                {unchecked(point).then(|| {
                    view! {
                        <details class="why">
                            <summary>{ui::unverified_why_summary()}</summary>
                            <p>{ui::unverified_why()}</p>
                        </details>
                    }
                })}
            </div>
        </details>
    }
}

#[component]
fn Part(part: &'static DraftPart) -> impl IntoView {
    let text = match part.kind {
        PartKind::Quote => {
            view! { <blockquote class="draft-quote"><p>{format!("“{}”", part.text)}</p></blockquote> }.into_any()
        }
        PartKind::Summary | PartKind::Unverified => view! { <p class="draft-summary">{part.text}</p> }.into_any(),
    };
    view! {
        <div class=format!("draft-part part-{}", kind_class(part.kind))>
            {text}
            {citation(part)}
        </div>
    }
}

/// No outlet's wording of the point could be checked: the card's one short sentence
/// says so, and why sits behind a disclosure, the same on every such card.
fn unchecked(point: &PlanPoint) -> bool {
    point.draft.parts.iter().all(|p| p.kind == PartKind::Unverified)
}

fn kind_class(kind: PartKind) -> &'static str {
    match kind {
        PartKind::Quote => "quote",
        PartKind::Summary => "summary",
        PartKind::Unverified => "unverified",
    }
}

/// "— BBC, 21 November 2025 · Source" (with the site it was read on, if any).
fn citation(part: &'static DraftPart) -> Option<impl IntoView> {
    let (outlet, date) = (part.outlet?, part.date?);
    Some(view! { <p class="draft-cite">"— " <Cite outlet=outlet date=date via=part.via url=part.url/></p> })
}
