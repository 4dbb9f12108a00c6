//! Sharing the reader's own tags: name, link, copy, system share, QR code.

use crate::browser;
use crate::components::qr_dialog::QrDialog;
use crate::state::use_state;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::share::MAX_NAME_CHARS;

#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    SelectToCopy,
}

#[component]
pub fn SharePanel() -> impl IntoView {
    let state = use_state();
    let link = Memo::new(move |_| state.share_link());
    let field = NodeRef::<html::Input>::new();
    let copied = RwSignal::new(CopyState::Idle);
    let copy = move |_| {
        let text = state.share_link_now();
        spawn_local(async move {
            if browser::copy_text(text).await {
                copied.set(CopyState::Copied);
            } else {
                // No clipboard access: select the text so Ctrl+C / long-press works.
                if let Some(input) = field.get_untracked() {
                    let _ = input.focus();
                    input.select();
                }
                copied.set(CopyState::SelectToCopy);
            }
        });
    };
    let share = move |_| {
        let url = state.share_link_now();
        spawn_local(async move { browser::web_share("Weigh the Plan: my tags", &url).await });
    };
    Effect::new(move |_| {
        link.track();
        copied.set(CopyState::Idle);
    });
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading" class="section-title">"Share your tags"</h2>
            <p>"The link below carries your tags in its last part, after the #. Nothing is sent to a server; whoever opens it sees your tags without losing their own."</p>
            <div class="field">
                <label for="share-name">"Your name (optional, shown to whoever opens the link)"</label>
                <input
                    id="share-name"
                    type="text"
                    maxlength=MAX_NAME_CHARS.to_string()
                    autocomplete="off"
                    prop:value=move || state.name.get()
                    on:input=move |ev| state.set_name(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="share-link">"Share link"</label>
                <div class="link-row">
                    <input
                        id="share-link"
                        node_ref=field
                        type="text"
                        readonly
                        prop:value=move || link.get()
                        on:focus=move |_| {
                            if let Some(input) = field.get_untracked() {
                                input.select();
                            }
                        }
                    />
                    <button type="button" class="button primary" on:click=copy>"Copy link"</button>
                </div>
                <p class="copy-feedback" aria-live="polite">
                    {move || match copied.get() {
                        CopyState::Idle => "",
                        CopyState::Copied => "Copied. Paste it anywhere to share.",
                        CopyState::SelectToCopy => "The link is selected: press Ctrl+C (or ⌘+C) to copy it.",
                    }}
                </p>
            </div>
            <div class="share-actions">
                <Show when=browser::can_web_share>
                    <button type="button" class="button" on:click=share>"Share…"</button>
                </Show>
                <QrDialog link=link/>
            </div>
        </section>
    }
}
