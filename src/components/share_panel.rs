//! Sharing the reader's own tags (an island): name, link, copy, system share, QR code.

use crate::browser;
use crate::components::embed_code::EmbedCode;
use crate::components::qr_dialog::{QrDialog, QrWords};
use crate::stores::stores;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::reasons::MAX_REASONS;
use plan_core::share::MAX_NAME_CHARS;
use plan_core::ui;

#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    SelectToCopy,
}

#[component]
pub fn SharePanel() -> impl IntoView {
    let s = stores();
    let link = Memo::new(move |_| s.share_link());
    let field = NodeRef::<html::Input>::new();
    let copied = RwSignal::new(CopyState::Idle);
    // The name as typed; the link carries at most MAX_NAME_CHARS characters of it.
    let typed = RwSignal::new(None::<String>);
    let copy = move |_| {
        let text = s.share_link_now();
        spawn_local(async move {
            if browser::copy_text(text).await {
                copied.set(CopyState::Copied);
            } else if let Some(input) = field.get_untracked() {
                // No clipboard access: select the text so Ctrl+C / long-press works.
                browser::select_text(&input);
                copied.set(CopyState::SelectToCopy);
            }
        });
    };
    let share = move |_| {
        let url = s.share_link_now();
        spawn_local(async move { browser::web_share(ui::web_share_title(), &url).await });
    };
    Effect::new(move |_| {
        link.track();
        copied.set(CopyState::Idle);
    });
    let trimmed_note = move || {
        let typed = typed.get()?;
        (typed.chars().count() > MAX_NAME_CHARS).then(|| ui::name_trimmed(MAX_NAME_CHARS, &s.profile.name()))
    };
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading" class="section-title">{ui::share_heading()}</h2>
            <p>{ui::share_intro()}</p>
            <div class="field">
                <label for="share-name">{ui::name_label()}</label>
                // No `maxlength`: it counts UTF-16 units, the link counts characters.
                <input
                    id="share-name"
                    type="text"
                    autocomplete="off"
                    aria-describedby="share-name-note"
                    prop:value=move || s.profile.name()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        s.profile.set_name(&value);
                        typed.set(Some(value));
                    }
                />
                <p id="share-name-note" class="field-note" aria-live="polite">{trimmed_note}</p>
            </div>
            <div class="field">
                <label for="share-link">{ui::link_label()}</label>
                <div class="link-row">
                    <input
                        id="share-link"
                        node_ref=field
                        type="text"
                        readonly
                        prop:value=move || link.get()
                        on:focus=move |_| {
                            if let Some(input) = field.get_untracked() {
                                browser::select_text(&input);
                            }
                        }
                    />
                    <button type="button" class="button primary" on:click=copy>{ui::copy_link()}</button>
                </div>
                // More reasons than a link carries (two tabs may each have added some): said, not dropped.
                <p class="field-note" role="status">
                    {move || s.reader.own_link_reasons().is_err().then(|| ui::share_reasons_over(s.reader.reason_count(), MAX_REASONS))}
                </p>
                <p class="copy-feedback" aria-live="polite">
                    {move || match copied.get() {
                        CopyState::Idle => "",
                        CopyState::Copied => ui::copied(),
                        CopyState::SelectToCopy => ui::select_to_copy(),
                    }}
                </p>
            </div>
            <EmbedCode/>
            <div class="share-actions">
                {move || {
                    (s.nav.started() && browser::can_web_share())
                        .then(|| view! { <button type="button" class="button" on:click=share>{ui::web_share()}</button> })
                }}
                <QrDialog link=Signal::from(link) words=QrWords { button: ui::qr_button(), title: ui::qr_title(), label: ui::qr_label() } title_id="qr-title" for_teacher=true/>
            </div>
        </section>
    }
}
