//! The masthead's tools (an island): the class view, keyboard help, motion.

use crate::stores::stores;
use leptos::prelude::*;
use plan_core::ui;

#[component]
pub fn MastheadTools() -> impl IntoView {
    let s = stores();
    view! {
        <div class="masthead-tools">
            <a href="#class" class="button ghost teach-link">{ui::cv_teach()}</a>
            <button type="button" class="button ghost" on:click=move |_| s.prefs.open_help()>
                {ui::help_button()} " " <kbd aria-hidden="true">"?"</kbd>
            </button>
            <button
                type="button"
                class="button ghost"
                aria-pressed=move || s.prefs.reduce_motion().to_string()
                on:click=move |_| s.prefs.toggle_motion()
            >
                {ui::reduce_motion()}
            </button>
        </div>
    }
}
