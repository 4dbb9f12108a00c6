//! "Reset all", behind a confirmation; the undo lives in the notices.

use crate::components::dialog::{Dialog, DialogActions};
use crate::stores::stores;
use leptos::prelude::*;
use plan_core::ui;

#[component]
pub fn ResetAll() -> impl IntoView {
    let s = stores();
    let open = RwSignal::new(false);
    let nothing_to_reset = move || s.shared.is_open() || s.reader.own_settled().is_empty();
    let confirm = move |_| {
        open.set(false);
        s.reader.reset_all();
    };
    view! {
        <div class="reset">
            <button type="button" class="button danger" prop:disabled=nothing_to_reset on:click=move |_| open.set(true)>
                {ui::reset_button()}
            </button>
            <Dialog open=open title_id="reset-title" title=ui::reset_title()>
                <p>{ui::reset_body(plan_core::POINT_COUNT)}</p>
                <DialogActions open=open close_label=ui::cancel()>
                    <button type="button" class="button danger" on:click=confirm>{ui::reset_confirm()}</button>
                </DialogActions>
            </Dialog>
        </div>
    }
}
