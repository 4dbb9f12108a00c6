//! Keyboard help, opened with `?` or the masthead button.

use crate::browser;
use crate::state::use_state;
use leptos::html;
use leptos::prelude::*;

const KEYS: [(&str, &str); 6] = [
    ("J", "Next point"),
    ("K", "Previous point"),
    ("R, U, N", "Tag the focused point Russia, Ukraine or Neutral"),
    ("0 or Backspace", "Clear the focused point's tag"),
    ("?", "Open this help"),
    ("Esc", "Close a dialog"),
];

#[component]
pub fn HelpDialog() -> impl IntoView {
    let state = use_state();
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        if state.help_open.get() {
            if let Some(d) = dialog.get() {
                browser::show_modal(&d);
            }
        }
    });
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="help-title" on:close=move |_| state.help_open.set(false)>
            <h2 id="help-title">"Keyboard shortcuts"</h2>
            <p>"Every control also works with Tab and Enter. Scrolling is optional: the Previous and Next buttons move card by card."</p>
            <dl class="keys">
                {KEYS
                    .map(|(k, what)| {
                        view! {
                            <div>
                                <dt><kbd>{k}</kbd></dt>
                                <dd>{what}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            <div class="dialog-actions">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        if let Some(d) = dialog.get() {
                            d.close();
                        }
                    }
                >
                    "Close"
                </button>
            </div>
        </dialog>
    }
}
