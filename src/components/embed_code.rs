//! The embed snippet for other sites (docs/EMBED.md), in a closed disclosure
//! under the share link.

use crate::browser;
use crate::stores::stores;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::embed::snippet;
use plan_core::ui::ui;

#[component]
pub fn EmbedCode() -> impl IntoView {
    let s = stores();
    let u = ui();
    let copied = RwSignal::new(false);
    // The page's own address is known in the browser only (not when prerendering).
    let code = move || if s.nav.started() { snippet(&browser::base_url(), u.embed_title) } else { String::new() };
    let copy = move |_| {
        let text = code();
        spawn_local(async move { copied.set(browser::copy_text(text).await) });
    };
    view! {
        <details class="embed">
            <summary>{u.embed_heading}</summary>
            <p class="field-note">{u.embed_intro}</p>
            <div class="field">
                <label for="embed-code">{u.embed_label}</label>
                <textarea id="embed-code" readonly rows="7" prop:value=code></textarea>
            </div>
            <button type="button" class="button" on:click=copy>{u.embed_copy}</button>
            <p class="copy-feedback" aria-live="polite">{move || if copied.get() { u.cv_copied } else { "" }}</p>
        </details>
    }
}
