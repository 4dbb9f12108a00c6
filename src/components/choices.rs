//! A card's choice (an island): the tag fieldset with its three radios and
//! Clear, and in compare mode the reader's tag beside the sharer's.

use crate::components::why_field::WhyField;
use crate::stores::stores;
use leptos::prelude::*;
use plan_core::tags::{agreement, Agreement};
use plan_core::ui;
use plan_core::words::compare_line;
use plan_core::Tag;

#[component]
pub fn Choices(n: u8) -> impl IntoView {
    let s = stores();
    view! {
        // Live from the first paint: before the app starts, the boot script
        // in index.html keeps the reader's choices and the app adopts them
        // (Reader::start). Disabled only while someone else's tags are shown.
        // Described by the page's boot line, which is empty unless the app
        // could not start or a choice was held: then it says why.
        <fieldset class="choices" aria-describedby="app-failed" disabled=move || s.shared.is_open()>
            <legend>{ui::legend(n)}</legend>
            <div class="choice-row">
                {Tag::ALL.map(|tag| view! { <Choice n=n tag=tag/> }).collect_view()}
                <button type="button" class="clear" on:click=move |_| s.reader.set_tag(n, None)>
                    {ui::clear()} <span class="sr-only">{ui::clear_which(n)}</span>
                </button>
            </div>
            <WhyField n=n/>
        </fieldset>
        <CompareLine n=n/>
        <SharedReasons n=n/>
    }
}

/// In the shared view: the sharer's reason for this point, and in compare
/// mode the reader's own beside it. Always in the page, hidden while there
/// is none (a fixed structure hydrates with less code than a conditional one).
#[component]
fn SharedReasons(n: u8) -> impl IntoView {
    let s = stores();
    let theirs = move || s.shared.reason(n);
    let mine = move || s.shared.comparing().then(|| s.reader.own_reason(n)).flatten();
    let whose = move || match s.shared.name() {
        Some(name) => ui::why_theirs(&name),
        None => ui::why_theirs_anonymous().to_owned(),
    };
    view! {
        <div class="why-shared" hidden=move || theirs().is_none() && mine().is_none()>
            <p class="why-quote" hidden=move || theirs().is_none()>
                <span class="why-who">{whose}</span> " " <q dir="auto">{theirs}</q>
            </p>
            <p class="why-quote" hidden=move || mine().is_none()>
                <span class="why-who">{ui::why_yours()}</span> " " <q dir="auto">{mine}</q>
            </p>
        </div>
    }
}

/// One radio. A click checks it natively and tells the store it came from
/// here, so nothing is written back to it; every other change of the tag
/// (keys, Clear, undo, another tab, a shared view) resyncs it (`radio_tag`).
#[component]
fn Choice(n: u8, tag: Tag) -> impl IntoView {
    let s = stores();
    view! {
        <label class=format!("choice tag-{}", tag.id())>
            <input
                type="radio"
                name=format!("point-{n}-tag")
                value=tag.id()
                prop:checked=move || s.reader.radio_tag(n) == Some(tag)
                on:change=move |_| s.reader.tag_from_radio(n, tag)
            />
            <span class="letter" aria-hidden="true">{tag.letter()}</span>
            <span class="choice-label">{tag.label()}</span>
        </label>
    }
}

/// In compare mode: the reader's own tag beside the sharer's, and whether they agree.
#[component]
fn CompareLine(n: u8) -> impl IntoView {
    let s = stores();
    move || {
        if !s.shared.comparing() {
            return None;
        }
        let theirs = s.shared.tag(n).flatten();
        let mine = s.reader.own_tag(n);
        let (class, verdict) = match agreement(mine, theirs) {
            Agreement::Same => ("compare same", ui::compare_same()),
            Agreement::Different => ("compare different", ui::compare_different()),
            Agreement::Incomparable => ("compare", ui::compare_none()),
        };
        Some(view! {
            <p class=class>
                <strong>{verdict}</strong>
                {compare_line(mine, theirs)}
            </p>
        })
    }
}
