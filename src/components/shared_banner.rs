//! The shared view: whose tags these are, and the reader's three choices.

use crate::stores::stores;
use leptos::prelude::*;
use plan_core::reader::SaveStatus;
use plan_core::tags::compare;
use plan_core::ui;
use plan_core::words::{comparison, replaced_by, shared_notice};

#[component]
pub fn SharedBanner() -> impl IntoView {
    let s = stores();
    let compare_text = move || {
        let theirs = s.shared.tags().filter(|_| s.shared.comparing())?;
        Some(comparison(compare(&s.reader.own_settled(), &theirs)))
    };
    let make_mine = move |_| {
        let Some(shared) = s.shared.take() else { return };
        s.reader.replace_all(shared.tags, replaced_by(shared.name.as_deref()));
    };
    view! {
        <div role="status" class="notice-slot shared-slot">
            {move || s.shared.is_open().then(|| view! {
                <div class="notice notice-shared">
                    <p>
                        <strong>{move || shared_notice(s.shared.name().as_deref())}</strong>
                        // "Saved" only while it is true: a refused save is not hidden here either.
                        {move || match s.reader.save_status() {
                            SaveStatus::Saved => ui::shared_unchanged(),
                            SaveStatus::Failed => ui::shared_unchanged_unsaved(),
                        }}
                    </p>
                    // A link whose reasons could not be read: its tags were, and the page says so.
                    {move || s.shared.reasons_unreadable().map(|why| view! { <p class="reasons-unread">{why.notice()}</p> })}
                    <p class="compare-summary">{compare_text}</p>
                    <div class="notice-actions">
                        <button
                            type="button"
                            class="button"
                            aria-pressed=move || s.shared.comparing().to_string()
                            on:click=move |_| s.shared.toggle_compare()
                        >
                            {ui::compare_button()}
                        </button>
                        <button type="button" class="button" on:click=make_mine>{ui::make_mine()}</button>
                        <button type="button" class="button primary" on:click=move |_| s.shared.close()>
                            {ui::back_to_mine()}
                        </button>
                    </div>
                </div>
            })}
        </div>
    }
}
