//! A card's "Why?" line (part of the choices island): once the point is
//! tagged, an optional short reason in the reader's words, saved with the
//! tag. The field counts down; a text over the budget is refused, never cut:
//! it stays in the field, and a line says what to change.

use crate::stores::stores;
use leptos::prelude::*;
use plan_core::reasons::{chars_left, clean_reason, counter, ReasonRefused, MAX_REASONS, MAX_REASON_CHARS};
use plan_core::{ui, Tag};

/// Always in the card, hidden until the reader's own tag is set (a fixed
/// structure hydrates with less code than a conditional one).
#[component]
pub fn WhyField(n: u8) -> impl IntoView {
    let s = stores();
    let id = format!("why-{n}");
    let count_id = format!("why-{n}-count");
    let note_id = format!("why-{n}-note");
    // The text as typed: the store keeps it cleaned (trimmed), and writing
    // that back while the reader types would eat the space after a word.
    let text = RwSignal::new(s.reader.own_reason(n).unwrap_or_default());
    let over = move || text.with(|t| chars_left(t)) < 0;
    // Two points have a reason already, and this one none: the budget is spent.
    let full = move || s.reader.own_reason(n).is_none() && s.reader.reason_count() >= MAX_REASONS;
    // A change from elsewhere (another tab, undo) shows in the field.
    Effect::new(move |_| {
        let saved = s.reader.own_reason(n);
        if !over() && clean_reason(&text.get_untracked()) != saved {
            text.set(saved.unwrap_or_default());
        }
    });
    let tag = move || s.reader.own_tag(n).filter(|_| !s.shared.is_open());
    let label = move || match tag() {
        Some(Tag::Neutral) => ui::why_neutral(n),
        Some(tag) => ui::why_favors(n, tag.label()),
        None => String::new(),
    };
    // One attribute carries the state the stylesheet shows (over the
    // length, budget spent); the note says it in words.
    let state = move || {
        if over() {
            "over"
        } else if full() {
            "full"
        } else {
            ""
        }
    };
    let note = move || {
        let over = -text.with(|t| chars_left(t));
        if over > 0 {
            ReasonRefused::TooLong { over: over.unsigned_abs() }.message()
        } else if full() {
            ui::why_full(MAX_REASONS)
        } else {
            ui::why_budget(MAX_REASON_CHARS, MAX_REASONS)
        }
    };
    view! {
        <div class="why" data-state=state hidden=move || tag().is_none()>
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
                aria-invalid=move || over().then_some("true")
                disabled=full
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    // Refused when over the length: the field keeps the text and says so.
                    let _ = s.reader.give_reason(n, &value);
                    text.set(value);
                }
            />
            <span id=count_id class="why-count">{move || text.with(|t| counter(t))}</span>
            // The budget is said while the field has focus (and always to a
            // screen reader, through aria-describedby); a refusal, or a full
            // budget, is said at once.
            <p id=note_id class="why-note" role="status">{note}</p>
        </div>
    }
}
