//! "Reset all", behind a confirmation; the undo lives in the notices.

use crate::components::dialog::{Dialog, DialogActions};
use crate::stores::stores;
use leptos::prelude::*;
use plan_core::ui::ui;
use plan_core::words::with_point_count;

#[component]
pub fn ResetAll() -> impl IntoView {
    let s = stores();
    let open = RwSignal::new(false);
    let u = ui();
    let nothing_to_reset = move || s.shared.is_open() || s.reader.own_settled().is_empty();
    let confirm = move |_| {
        open.set(false);
        s.reader.reset_all();
    };
    view! {
        <div class="reset">
            <button type="button" class="button danger" prop:disabled=nothing_to_reset on:click=move |_| open.set(true)>
                {u.reset_button}
            </button>
            <Dialog open=open title_id="reset-title" title=u.reset_title>
                <p>{with_point_count(u.reset_body)}</p>
                <DialogActions open=open close_label=u.cancel>
                    <button type="button" class="button danger" on:click=confirm>{u.reset_confirm}</button>
                </DialogActions>
            </Dialog>
        </div>
    }
}
