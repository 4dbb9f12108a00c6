//! The shared view: whose tags these are, and the reader's three choices.

use crate::state::use_state;
use leptos::prelude::*;
use plan_core::reader::SaveStatus;
use plan_core::tags::compare;
use plan_core::ui::ui;
use plan_core::words::{comparison, replaced_by, shared_notice};

#[component]
pub fn SharedBanner() -> impl IntoView {
    let state = use_state();
    let u = ui();
    let compare_text = move || {
        let view = state.shared.get().filter(|v| v.compare)?;
        Some(comparison(compare(&state.own_settled(), &view.shared.tags)))
    };
    let make_mine = move |_| {
        let Some(view) = state.shared.get_untracked() else { return };
        state.shared.set(None);
        state.replace_all(view.shared.tags, replaced_by(view.shared.name.as_deref()));
    };
    view! {
        <div role="status" class="notice-slot shared-slot">
            <Show when=move || state.in_shared_view()>
                <div class="notice notice-shared">
                    <p>
                        <strong>{move || shared_notice(state.sharer_name().as_deref())}</strong>
                        // "Saved" only while it is true: a refused save is not hidden here either.
                        {move || match state.save_status.get() {
                            SaveStatus::Saved => u.shared_unchanged,
                            SaveStatus::Failed => u.shared_unchanged_unsaved,
                        }}
                    </p>
                    <p class="compare-summary">{compare_text}</p>
                    <div class="notice-actions">
                        <button
                            type="button"
                            class="button"
                            aria-pressed=move || state.shared.with(|s| s.as_ref().is_some_and(|v| v.compare)).to_string()
                            on:click=move |_| state.shared.update(|s| if let Some(v) = s { v.compare = !v.compare })
                        >
                            {u.compare_button}
                        </button>
                        <button type="button" class="button" on:click=make_mine>{u.make_mine}</button>
                        <button type="button" class="button primary" on:click=move |_| state.shared.set(None)>
                            {u.back_to_mine}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
