//! "Reset all", behind a confirmation; the undo lives in the notices.

use crate::browser;
use crate::state::use_state;
use leptos::html;
use leptos::prelude::*;
use plan_core::Tags;

#[component]
pub fn ResetAll() -> impl IntoView {
    let state = use_state();
    let dialog = NodeRef::<html::Dialog>::new();
    let nothing_to_reset = move || state.in_shared_view() || state.own_settled().is_empty();
    let confirm = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
        state.replace_all(Tags::default(), "All your tags were cleared.".into());
        state.announcement.set("All tags cleared.".into());
    };
    view! {
        <div class="reset">
            <button
                type="button"
                class="button danger"
                prop:disabled=nothing_to_reset
                on:click=move |_| {
                    if let Some(d) = dialog.get() {
                        browser::show_modal(&d);
                    }
                }
            >
                "Reset all tags…"
            </button>
            <dialog node_ref=dialog class="dialog" aria-labelledby="reset-title">
                <h2 id="reset-title">"Clear all your tags?"</h2>
                <p>"All 28 points go back to untagged. You can undo this right after."</p>
                <div class="dialog-actions">
                    <button type="button" class="button danger" on:click=confirm>"Clear all tags"</button>
                    <button
                        type="button"
                        class="button"
                        autofocus
                        on:click=move |_| {
                            if let Some(d) = dialog.get() {
                                d.close();
                            }
                        }
                    >
                        "Cancel"
                    </button>
                </div>
            </dialog>
        </div>
    }
}
