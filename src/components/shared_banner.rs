//! The shared view: whose tags these are, and the reader's three choices.

use crate::state::use_state;
use leptos::prelude::*;
use plan_core::tags::compare;

#[component]
pub fn SharedBanner() -> impl IntoView {
    let state = use_state();
    let sharer =
        move || state.shared.with(|s| s.as_ref().and_then(|v| v.shared.name.clone())).map(|n| format!("{n}'s tags"));
    let compare_text = move || {
        let view = state.shared.get().filter(|v| v.compare)?;
        let c = compare(&state.own_settled(), &view.shared.tags);
        let both = c.same + c.different;
        Some(format!("You agree on {} of the {both} points you both tagged; you differ on {}.", c.same, c.different))
    };
    let make_mine = move |_| {
        let Some(view) = state.shared.get_untracked() else { return };
        let whose = sharer().unwrap_or_else(|| "the shared tags".into());
        state.shared.set(None);
        state.replace_all(view.shared.tags, format!("Your tags were replaced by {whose}."));
    };
    view! {
        <div role="status" class="notice-slot shared-slot">
            <Show when=move || state.in_shared_view()>
                <div class="notice notice-shared">
                    <p>
                        <strong>
                            {move || match sharer() {
                                Some(whose) => format!("You are looking at {whose}, from a shared link."),
                                None => "You are looking at tags from a shared link.".to_string(),
                            }}
                        </strong>
                        " Your own tags are saved and unchanged."
                    </p>
                    <p class="compare-summary">{compare_text}</p>
                    <div class="notice-actions">
                        <button
                            type="button"
                            class="button"
                            aria-pressed=move || state.shared.with(|s| s.as_ref().is_some_and(|v| v.compare)).to_string()
                            on:click=move |_| state.shared.update(|s| if let Some(v) = s { v.compare = !v.compare })
                        >
                            "Compare with mine"
                        </button>
                        <button type="button" class="button" on:click=make_mine>"Make these mine"</button>
                        <button type="button" class="button primary" on:click=move |_| state.shared.set(None)>
                            "Back to mine"
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
