//! "Show the fuller wording on every card" (an island): opens or closes
//! every card's static disclosure at once.

use crate::browser;
use crate::stores::stores;
use leptos::prelude::*;
use plan_core::ui;

#[component]
pub fn DraftSwitch() -> impl IntoView {
    let s = stores();
    // Only a change of the switch touches the cards: the first run leaves any
    // disclosure the reader opened before the app started as it is.
    Effect::new(move |first: Option<()>| {
        let open = s.prefs.full_draft_everywhere();
        if first.is_some() {
            browser::set_all_open("details.draft", open);
        }
    });
    view! {
        <label class="switch">
            <input
                type="checkbox"
                role="switch"
                prop:checked=move || s.prefs.full_draft_everywhere()
                on:change=move |ev| s.prefs.set_full_draft_everywhere(event_target_checked(&ev))
            />
            {ui::show_full_draft()}
        </label>
    }
}
