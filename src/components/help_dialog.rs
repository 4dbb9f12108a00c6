//! Keyboard help, opened with `?` or the masthead button.

use crate::components::dialog::{Dialog, DialogActions};
use crate::state::use_state;
use leptos::prelude::*;
use plan_core::ui::ui;

#[component]
pub fn HelpDialog() -> impl IntoView {
    let state = use_state();
    let u = ui();
    view! {
        <Dialog open=state.help_open title_id="help-title" title=u.help_title.to_string()>
            <p>{u.help_intro}</p>
            <dl class="keys">
                {u
                    .help_keys
                    .iter()
                    .map(|(keys, what)| {
                        view! {
                            <div>
                                <dt><kbd>{*keys}</kbd></dt>
                                <dd>{*what}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            <DialogActions open=state.help_open close_label=u.close/>
        </Dialog>
    }
}
