//! A card's "Why?" line (part of the choices island): once the point is
//! tagged, an optional short reason in the reader's words, saved with the
//! tag. The field counts down; a text over the budget is refused, never cut:
//! it stays in the field, and a line says what to change.

use crate::stores::stores;
use leptos::prelude::*;
use plan_core::reasons::{clean_reason, counter, ReasonRefused, MAX_REASONS, MAX_REASON_CHARS};
use plan_core::{ui, Tag};

#[component]
pub fn WhyField(n: u8, tag: Tag) -> impl IntoView {
    let s = stores();
    let id = format!("why-{n}");
    let count_id = format!("why-{n}-count");
    let note_id = format!("why-{n}-note");
    // The text as typed: the store keeps it cleaned (trimmed), and writing
    // that back while the reader types would eat the space after a word.
    let text = RwSignal::new(s.reader.own_reason(n).unwrap_or_default());
    let refused = RwSignal::new(None::<ReasonRefused>);
    // A change from elsewhere (another tab, undo) shows in the field.
    Effect::new(move |_| {
        let saved = s.reader.own_reason(n);
        if clean_reason(&text.get_untracked()) != saved && refused.get_untracked().is_none() {
            text.set(saved.unwrap_or_default());
        }
    });
    let full = move || s.reader.own_reason(n).is_none() && s.reader.reason_count() >= MAX_REASONS;
    let label = match tag {
        Tag::Neutral => ui::why_neutral(n),
        _ => ui::why_favors(n, tag.label()),
    };
    view! {
        <div class="why">
            <label for=id.clone() class="why-label">
                <span aria-hidden="true">{ui::why_visible()}</span>
                <span class="sr-only">{label}</span>
            </label>
            <input
                id=id
                class="why-input"
                type="text"
                dir="auto"
                autocomplete="off"
                aria-describedby=format!("{count_id} {note_id}")
                aria-invalid=move || refused.get().is_some().then_some("true")
                disabled=full
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    refused.set(s.reader.give_reason(n, &value).err());
                    text.set(value);
                }
            />
            <span id=count_id class="why-count" class:over=move || refused.get().is_some()>
                {move || counter(&text.get())}
            </span>
            // The budget is said while the field has focus (and always to a
            // screen reader, through aria-describedby); a refusal, or a full
            // budget, is said at once.
            <p id=note_id class="why-note" class:hint=move || refused.get().is_none() && !full() role="status">
                {move || match refused.get() {
                    Some(refused) => refused.message(),
                    None if full() => ui::why_full(MAX_REASONS),
                    None => ui::why_budget(MAX_REASON_CHARS, MAX_REASONS),
                }}
            </p>
        </div>
    }
}
