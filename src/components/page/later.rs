//! "What became of the plan" (static), after the cards: how far the page's checking
//! reaches, a dated timeline from the 20-point framework of December 2025 (each entry
//! naming the outlet that reported it, each quote the day it was said), and that
//! framework's points as outlets rendered them, each item naming whose words it shows.

use crate::components::page::cite::Cite;
use crate::components::page::quote::QuoteFigure;
use leptos::prelude::*;
use plan_core::content::{content, Citation, Event, FrameworkItem};
use plan_core::ui;

#[component]
pub fn Later() -> impl IntoView {
    let c = content();
    let (l, checked) = (&c.later, &c.checked);
    let f = &l.framework;
    view! {
        <section id="later" class="later" aria-labelledby="later-heading" tabindex="-1">
            <h2 id="later-heading" class="section-title">{l.heading}</h2>
            <p class="checked-line">{ui::checked_up_to(checked.content_checked, checked.latest_event)}</p>
            <p class="later-intro">{l.intro}</p>
            <h3 id="timeline-heading">{l.timeline_heading}</h3>
            <ol class="timeline" aria-labelledby="timeline-heading">
                {l.events.iter().map(|e| view! { <TimelineEvent event=e/> }).collect_view()}
            </ol>
            <p class="later-end">{ui::later_end(checked.latest_event)}</p>
            <h3 id="framework">{f.heading}</h3>
            <p class="later-intro">{f.intro}</p>
            // Not an <ol>: an item's number is the framework's, and only where an outlet gives it.
            <ul class="framework" aria-labelledby="framework">
                {f.items.iter().map(|item| view! { <Item item=item/> }).collect_view()}
            </ul>
            <p class="framework-missing">{f.missing}</p>
        </section>
    }
}

#[component]
fn TimelineEvent(event: &'static Event) -> impl IntoView {
    let e = event;
    view! {
        <li class="event">
            <p class="event-date">{e.date}</p>
            <p class="event-text">{e.text}</p>
            {e.quotes.iter().map(|q| view! { <QuoteFigure quote=q/> }).collect_view()}
            <p class="event-cite">"— " {cites(e.reports)}</p>
        </li>
    }
}

/// "AFP (read via TAG24), 24 December 2025 · Source; Meduza, 24 December 2025 · Source".
fn cites(reports: &'static [Citation]) -> impl IntoView {
    reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            view! { {(i > 0).then_some("; ")} <Cite outlet=r.outlet date=r.date via=r.via url=Some(r.url)/> }
        })
        .collect_view()
}

/// One point of the framework, in one outlet's words.
#[component]
fn Item(item: &'static FrameworkItem) -> impl IntoView {
    let r = &item.rendering;
    let label = match (item.number, item.described) {
        (Some(n), false) => ui::framework_point(n, r.outlet),
        (Some(n), true) => ui::framework_point_described(n, r.outlet),
        (None, false) => ui::framework_unnumbered(r.outlet),
        (None, true) => ui::framework_unnumbered_described(r.outlet),
    };
    let last = item.passages.len() - 1;
    view! {
        <li class="framework-item">
            <p class="framework-label">
                <strong>{label}</strong>
                {item.no_consensus.is_some().then(|| view! { " " <span class="badge">{ui::framework_no_consensus()}</span> })}
            </p>
            <blockquote class="framework-text">
                {item
                    .passages
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let cut = item.cut && i == last;
                        view! { <p>{if cut { format!("{p} …") } else { p.to_string() }}</p> }
                    })
                    .collect_view()}
            </blockquote>
            {item.cut.then(|| view! { <p class="framework-note">{ui::framework_cut()}</p> })}
            {item.no_consensus.map(|s| view! { <p class="framework-note">{s}</p> })}
            <p class="event-cite">"— " <Cite outlet=r.outlet date=r.date via=r.via url=Some(r.url)/></p>
        </li>
    }
}
