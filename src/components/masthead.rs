//! Title block, with the page-wide help and motion controls.

use crate::state::{use_state, Page};
use leptos::prelude::*;
use plan_core::content;
use plan_core::ui::ui;

#[component]
pub fn Masthead() -> impl IntoView {
    let state = use_state();
    let c = content();
    let u = ui();
    view! {
        // Compact outside the story, so the class view's first box is in view at once.
        <header class="masthead" class:compact=move || state.page.get() != Page::Story>
            <div class="masthead-inner">
                <p class="kicker">{c.kicker}</p>
                <h1>{c.title}</h1>
                <p class="dek">{c.dek}</p>
                <p class="time-frame">{c.time_frame}</p>
                <div class="masthead-tools">
                    <a href="#class" class="button ghost teach-link">{u.cv_teach}</a>
                    <button type="button" class="button ghost" on:click=move |_| state.help_open.set(true)>
                        {u.help_button} " " <kbd aria-hidden="true">"?"</kbd>
                    </button>
                    <button
                        type="button"
                        class="button ghost"
                        aria-pressed=move || state.reduce_motion().to_string()
                        on:click=move |_| state.toggle_motion()
                    >
                        {u.reduce_motion}
                    </button>
                </div>
            </div>
        </header>
    }
}
