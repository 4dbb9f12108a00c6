//! During the narrative (an island): who is speaking (parties, not photos).

use crate::stores::stores;
use leptos::prelude::*;
use plan_core::content::{content, Party};
use plan_core::step::Step;
use plan_core::ui;

#[component]
pub fn Speakers() -> impl IntoView {
    let s = stores();
    let step = move || match s.nav.step() {
        Step::Story(i) => content().story.get(i),
        _ => None,
    };
    let current = move || step().map(|s| s.party);
    view! {
        <figure class="speakers">
            <figcaption class="speakers-caption">
                {move || step().map(|s| ui::speaking_now(s.party_label))}
            </figcaption>
            <ul class="speaker-list">
                {Party::SPEAKERS
                    .map(|p| {
                        let active = move || current() == Some(p) || current() == Some(Party::Debate);
                        view! {
                            <li class=format!("speaker speaker-{}", p.id()) class:active=active>
                                <span class="speaker-mark" aria-hidden="true">{p.mark()}</span>
                                <span class="speaker-name">{p.label()}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </figure>
    }
}
