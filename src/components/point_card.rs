//! A plan point as a card: its text, where it comes from, and the reader's choice.

use crate::components::{draft_layer::DraftLayer, territory_map::TerritoryMap};
use crate::state::use_state;
use leptos::ev;
use leptos::prelude::*;
use plan_core::content::{content, PartKind, PlanPoint};
use plan_core::route::point_id;
use plan_core::tags::{agreement, Agreement};
use plan_core::territory::territory;
use plan_core::ui::ui;
use plan_core::words::{compare_line, with_point};
use plan_core::Tag;

#[component]
pub fn PointCard(point: &'static PlanPoint) -> impl IntoView {
    let state = use_state();
    let u = ui();
    let n = point.number;
    let id = point_id(n);
    let theme = content().theme_of(point).label;
    let on_key = move |ev: ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        if let Some(tag) = Tag::from_key(&key) {
            ev.prevent_default();
            state.set_tag(n, Some(tag));
        } else if key == "0" || key == "Backspace" {
            ev.prevent_default();
            state.set_tag(n, None);
        }
    };
    let provenance = if point.in_afp_list {
        view! { <p class="provenance">{u.provenance_afp}</p> }.into_any()
    } else {
        view! {
            <p class="provenance provenance-extra">
                <span class="badge">{u.not_in_afp}</span>
                " "
                {point.source}
            </p>
        }
        .into_any()
    };
    view! {
        <article
            id=id.clone()
            class="card"
            class:not-afp=!point.in_afp_list
            data-step=id.clone()
            tabindex="-1"
            aria-labelledby=format!("{id}-heading")
            on:keydown=on_key
        >
            <div class="card-head">
                <h3 id=format!("{id}-heading")>{with_point(u.point_heading, n)}</h3>
                <span class="theme-chip">{theme}</span>
            </div>
            <p class="point-text">{point.text}</p>
            {provenance}
            {marker(point)}
            <DraftLayer point=point open_all=state.full_draft_everywhere.into()/>
            // The territory map, for phones and paper (wide screens show it in the graphic).
            {(n == territory().card_point).then(|| view! { <TerritoryMap place="card"/> })}
            // An attribute, not a property, so the prerendered HTML carries it: the
            // radios stay disabled until the app has started.
            // Described by the page's one-line notice, which is empty unless the
            // app could not start: then the disabled radios say why.
            <fieldset
                class="choices"
                aria-describedby="app-failed"
                disabled=move || !state.started.get() || state.in_shared_view()
            >
                <legend>{with_point(u.legend, n)}</legend>
                <div class="choice-row">
                    {Tag::ALL.map(|tag| view! { <Choice n=n tag=tag/> }).collect_view()}
                    <button type="button" class="clear" on:click=move |_| state.set_tag(n, None)>
                        {u.clear} <span class="sr-only">{with_point(u.clear_which, n)}</span>
                    </button>
                </div>
            </fieldset>
            <CompareLine n=n/>
        </article>
    }
}

/// On the card itself: how AFP's line compares with the draft, or that the
/// draft's own wording could not be checked (every part unverified).
fn marker(point: &'static PlanPoint) -> Option<impl IntoView> {
    let unchecked = point.draft.parts.iter().all(|p| p.kind == PartKind::Unverified);
    let (class, text) = match point.marker {
        Some(m) => ("marker", m.label()),
        None if unchecked => ("marker marker-unchecked", ui().unchecked_marker),
        None => return None,
    };
    Some(view! { <p class=class>{text}</p> })
}

/// One radio. A click checks it natively and tells the state it came from
/// here, so nothing is written back to it; every other change of the tag
/// (keys, Clear, undo, another tab, a shared view) resyncs it (`radio_tag`).
#[component]
fn Choice(n: u8, tag: Tag) -> impl IntoView {
    let state = use_state();
    view! {
        <label class=format!("choice tag-{}", tag.id())>
            <input
                type="radio"
                name=format!("point-{n}-tag")
                value=tag.id()
                prop:checked=move || state.radio_tag(n) == Some(tag)
                on:change=move |_| state.tag_from_radio(n, tag)
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
    let u = ui();
    move || {
        let view = state.shared.get().filter(|v| v.compare)?;
        let theirs = view.shared.tags.get(n);
        let mine = state.own_tag(n);
        let (class, verdict) = match agreement(mine, theirs) {
            Agreement::Same => ("compare same", u.compare_same),
            Agreement::Different => ("compare different", u.compare_different),
            Agreement::Incomparable => ("compare", u.compare_none),
        };
        Some(view! {
            <p class=class>
                <strong>{verdict}</strong>
                {compare_line(mine, theirs)}
            </p>
        })
    }
}
