//! A plan point as a card: its text, where it comes from, and the reader's choice.

use crate::state::use_state;
use leptos::ev;
use leptos::prelude::*;
use plan_core::content::{content, PlanPoint};
use plan_core::tags::{agreement, Agreement};
use plan_core::Tag;

#[component]
pub fn PointCard(point: &'static PlanPoint) -> impl IntoView {
    let state = use_state();
    let n = point.number;
    let theme = content().theme_of(point).label;
    // Bumped when this point's tag changes without a click on its radio.
    let resync = RwSignal::new(0u32);
    let set_without_click = move |tag: Option<Tag>| {
        state.set_tag(n, tag);
        resync.update(|v| *v += 1);
    };
    let on_key = move |ev: ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        if let Some(tag) = Tag::from_key(&key) {
            ev.prevent_default();
            set_without_click(Some(tag));
        } else if key == "0" || key == "Backspace" {
            ev.prevent_default();
            set_without_click(None);
        }
    };
    let provenance = if point.in_afp_list {
        view! { <p class="provenance">"AFP's summary of the draft"</p> }.into_any()
    } else {
        view! {
            <p class="provenance provenance-extra">
                <span class="badge">"Not in AFP's list"</span>
                " "
                {point.source}
            </p>
        }
        .into_any()
    };
    view! {
        <article
            id=format!("point-{n}")
            class="card"
            class:not-afp=!point.in_afp_list
            data-step=format!("point-{n}")
            tabindex="-1"
            aria-labelledby=format!("point-{n}-heading")
            on:keydown=on_key
        >
            <div class="card-head">
                <h3 id=format!("point-{n}-heading")>{format!("Point {n}")}</h3>
                <span class="theme-chip">{theme}</span>
            </div>
            <p class="point-text">{point.text}</p>
            {provenance}
            <fieldset class="choices" prop:disabled=move || state.in_shared_view()>
                <legend>{format!("Who does point {n} favor?")}</legend>
                <div class="choice-row">
                    {Tag::ALL.map(|tag| view! { <Choice n=n tag=tag resync=resync/> }).collect_view()}
                    <button type="button" class="clear" on:click=move |_| set_without_click(None)>
                        "Clear" <span class="sr-only">{format!(" point {n}")}</span>
                    </button>
                </div>
            </fieldset>
            <CompareLine n=n/>
        </article>
    }
}

/// One radio. A click checks it natively, so its `checked` property is
/// written only when the tag changes some other way (keys, Clear, a shared
/// view, a bulk change): a click re-renders nothing here.
#[component]
fn Choice(n: u8, tag: Tag, resync: RwSignal<u32>) -> impl IntoView {
    let state = use_state();
    let checked = move || {
        resync.track();
        state.bulk_change.track();
        state.shared.track();
        state.shown_tag_untracked(n) == Some(tag)
    };
    view! {
        <label class=format!("choice tag-{}", tag.id())>
            <input
                type="radio"
                name=format!("point-{n}-tag")
                value=tag.id()
                prop:checked=checked
                on:change=move |_| state.set_tag(n, Some(tag))
            />
            <span class="letter" aria-hidden="true">{tag.letter()}</span>
            <span class="choice-label">{tag.label()}</span>
        </label>
    }
}

/// In compare mode: the reader's own tag beside the sharer's, and whether they agree.
#[component]
fn CompareLine(n: u8) -> impl IntoView {
    let state = use_state();
    move || {
        let view = state.shared.get().filter(|v| v.compare)?;
        let theirs = view.shared.tags.get(n);
        let mine = state.own_tag(n);
        let label = |t: Option<Tag>| t.map(Tag::label).unwrap_or("untagged");
        let (class, verdict) = match agreement(mine, theirs) {
            Agreement::Same => ("compare same", "Same"),
            Agreement::Different => ("compare different", "Different"),
            Agreement::Incomparable => ("compare", "Not comparable"),
        };
        Some(view! {
            <p class=class>
                <strong>{verdict}</strong>
                {format!(" · Yours: {} · Shared: {}", label(mine), label(theirs))}
            </p>
        })
    }
}
