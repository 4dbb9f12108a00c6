//! "Reset all", behind a confirmation; the undo lives in the notices.

use crate::components::dialog::{Dialog, DialogActions};
use crate::state::use_state;
use leptos::prelude::*;
use plan_core::ui::ui;
use plan_core::words::with_point_count;
use plan_core::Tags;

#[component]
pub fn ResetAll() -> impl IntoView {
    let state = use_state();
    let open = RwSignal::new(false);
    let u = ui();
    let nothing_to_reset = move || state.in_shared_view() || state.own_settled().is_empty();
    let confirm = move |_| {
        open.set(false);
        state.replace_all(Tags::default(), u.reset_done.into());
        state.announcement.set(u.announce_all_cleared.into());
    };
    view! {
        <div class="reset">
            <button type="button" class="button danger" prop:disabled=nothing_to_reset on:click=move |_| open.set(true)>
                {u.reset_button}
            </button>
            <Dialog open=open title_id="reset-title" title=u.reset_title.to_string()>
                <p>{with_point_count(u.reset_body)}</p>
                <DialogActions open=open close_label=u.cancel>
                    <button type="button" class="button danger" on:click=confirm>{u.reset_confirm}</button>
                </DialogActions>
            </Dialog>
        </div>
    }
}
