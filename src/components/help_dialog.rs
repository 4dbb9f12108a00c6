//! Keyboard help (an island), opened with `?` or the masthead button.

use crate::components::dialog::{Dialog, DialogActions};
use crate::stores::stores;
use leptos::prelude::*;
use plan_core::ui;

#[component]
pub fn HelpDialog() -> impl IntoView {
    let s = stores();
    // The dialog's own open state, following the page's requests both ways.
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        if s.prefs.help_open() {
            open.set(true);
        }
    });
    Effect::new(move |_| {
        if !open.get() {
            s.prefs.close_help();
        }
    });
    view! {
        <Dialog open=open title_id="help-title" title=ui::help_title()>
            <p>{ui::help_intro()}</p>
            <dl class="keys">
                {ui::help_keys()
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
            <DialogActions open=open close_label=ui::close()/>
        </Dialog>
    }
}
