//! The embed snippet for other sites (docs/EMBED.md), in a closed disclosure
//! under the share link.

use crate::browser;
use crate::stores::stores;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::embed::snippet;
use plan_core::ui;

#[component]
pub fn EmbedCode() -> impl IntoView {
    let s = stores();
    let copied = RwSignal::new(false);
    // The page's own address is known in the browser only (not when prerendering).
    let code = move || if s.nav.started() { snippet(&browser::base_url(), ui::embed_title()) } else { String::new() };
    let copy = move |_| {
        let text = code();
        spawn_local(async move { copied.set(browser::copy_text(text).await) });
    };
    view! {
        <details class="embed">
            <summary>{ui::embed_heading()}</summary>
            <p class="field-note">{ui::embed_intro()}</p>
            <div class="field">
                <label for="embed-code">{ui::embed_label()}</label>
                <textarea id="embed-code" readonly rows="7" prop:value=code></textarea>
            </div>
            <button type="button" class="button" on:click=copy>{ui::embed_copy()}</button>
            <p class="copy-feedback" aria-live="polite">{move || if copied.get() { ui::cv_copied() } else { "" }}</p>
        </details>
    }
}
