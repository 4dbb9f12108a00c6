//! A plan point as a card (static): its text, where it comes from, what the
//! fuller wording adds, what an outlet reported became of it later (where one
//! compared), and the reader's choice (an island).

use crate::components::choices::Choices;
use crate::components::page::{cite::Cite, draft_layer::DraftLayer, territory_map::TerritoryMap};
use crate::islands::{Island, IslandHost};
use leptos::prelude::*;
use plan_core::content::{content, Change, PartKind, PlanPoint};
use plan_core::step::Step;
use plan_core::territory::territory;
use plan_core::ui;

#[component]
pub fn PointCard(point: &'static PlanPoint) -> impl IntoView {
    let n = point.number;
    let id = Step::Point(n).to_string();
    let theme = content().theme_of(point).label;
    let provenance = if point.in_afp_list() {
        view! { <p class="provenance">{ui::provenance_afp()}</p> }.into_any()
    } else {
        view! {
            <p class="provenance provenance-extra">
                <span class="badge">{ui::not_in_afp()}</span>
                " "
                {point.source()}
            </p>
        }
        .into_any()
    };
    view! {
        <article id=id.clone() class="card" data-step=id.clone() tabindex="-1" aria-labelledby=format!("{id}-heading")>
            <div class="card-head">
                <h3 id=format!("{id}-heading")>{ui::point_heading(n)}</h3>
                <span class="theme-chip">{theme}</span>
            </div>
            <p class="point-text">{point.text}</p>
            {provenance}
            {marker(point)}
            <DraftLayer point=point/>
            {point.later.as_ref().map(|change| view! { <LaterLine change=change/> })}
            // The territory map, for phones and paper (wide screens show it in the graphic).
            {(n == territory().words.card_point).then(|| view! { <TerritoryMap place="card"/> })}
            <IslandHost island=Island::Choices(n)><Choices n=n/></IslandHost>
        </article>
    }
}

/// On the card itself: how AFP's line compares with the draft, or that the
/// draft's own wording could not be checked (every part unverified).
fn marker(point: &'static PlanPoint) -> Option<impl IntoView> {
    let unchecked = point.draft.parts.iter().all(|p| p.kind == PartKind::Unverified);
    let (class, text) = match point.marker {
        Some(m) => ("marker", m.label()),
        None if unchecked => ("marker marker-unchecked", ui::unchecked_marker()),
        None => return None,
    };
    Some(view! { <p class=class>{text}</p> })
}

/// One line: what an outlet reported happened to the point in the 20-point framework, in
/// its words and its name, with the date; a fact, not a verdict.
#[component]
fn LaterLine(change: &'static Change) -> impl IntoView {
    let r = &change.report;
    view! {
        <div class="later-line">
            <p><strong>{ui::later_label()}</strong> " " {change.text}</p>
            <p class="draft-cite">"— " <Cite outlet=r.outlet date=r.date via=r.via url=Some(r.url)/></p>
        </div>
    }
}
