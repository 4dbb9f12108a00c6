//! During the narrative: who is speaking (parties, not photos).

use crate::state::{use_state, Step};
use leptos::prelude::*;
use plan_core::content::{content, Party};
use plan_core::ui::{fill, ui};

#[component]
pub fn Speakers() -> impl IntoView {
    let state = use_state();
    let current = move || match state.step.get() {
        Step::Story(i) => content().story.get(i).map(|s| s.party),
        _ => None,
    };
    view! {
        <figure class="speakers">
            <figcaption class="speakers-caption">
                {move || match current() {
                    Some(Party::Debate) => ui().debate_caption.to_string(),
                    Some(p) => fill(ui().speaking_now, &[("party", p.label())]),
                    None => String::new(),
                }}
            </figcaption>
            <ul class="speaker-list">
                {Party::SPEAKERS
                    .map(|p| {
                        let active = move || current() == Some(p) || current() == Some(Party::Debate);
                        view! {
                            <li class=format!("speaker speaker-{}", party_class(p)) class:active=active>
                                <span class="speaker-mark" aria-hidden="true">{initials(p)}</span>
                                <span class="speaker-name">{p.label()}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </figure>
    }
}

fn party_class(p: Party) -> &'static str {
    match p {
        Party::UnitedStates => "us",
        Party::Russia => "russia",
        Party::Ukraine => "ukraine",
        Party::Europe => "europe",
        Party::Debate => "debate",
    }
}

fn initials(p: Party) -> &'static str {
    match p {
        Party::UnitedStates => "US",
        Party::Russia => "RU",
        Party::Ukraine => "UA",
        Party::Europe => "EU",
        Party::Debate => "··",
    }
}
