//! "The territory at a glance": Ukraine's regions, shaded by what point 21 of
//! the draft says about them, with a legend in words that is also the map's
//! text alternative (the drawing itself is hidden from screen readers).
//!
//! Shaded with neutral hatching in the ink colour, never the tag colours: the
//! map shows terms, not whom they favor. Static: rendered at build time only
//! (the browser build holds none of it; the step observer shows or hides it).

use leptos::prelude::*;
use plan_core::territory::{territory, Term};

/// The hatchings, by a term's position in the legend: diagonal lines,
/// crossed lines, dots, then horizontal lines. All read in greyscale. One
/// element shape for all four keeps the wasm small.
fn hatch(place: &'static str, index: usize) -> impl IntoView {
    let (class, d, turn) = match index % 4 {
        0 => ("hatch-ink", "M0 0V10", "rotate(45)"),
        1 => ("hatch-ink", "M0 0V10M0 5H10", "rotate(45)"),
        2 => ("hatch-dot", "M5 2.8a2.2 2.2 0 1 0 .01 0z", "rotate(0)"),
        _ => ("hatch-ink", "M0 5H10", "rotate(0)"),
    };
    view! {
        <pattern id=pattern_id(place, index) patternUnits="userSpaceOnUse" width="10" height="10" patternTransform=turn>
            <rect class="hatch-ground" width="10" height="10"></rect>
            <path class=class d=d></path>
        </pattern>
    }
}

fn pattern_id(place: &'static str, index: usize) -> String {
    format!("{place}-hatch-{index}")
}

fn fill_of(place: &'static str, term: Option<&'static Term>) -> Option<String> {
    let id = term?.id;
    let index = territory().words.terms.iter().position(|t| t.id == id)?;
    Some(format!("url(#{})", pattern_id(place, index)))
}

/// `place` tells the two copies apart ("graphic", "card"): it prefixes the
/// pattern ids, which must be unique in the page. CSS shows one copy at a time.
#[component]
pub fn TerritoryMap(place: &'static str) -> impl IntoView {
    let t = territory();
    let (w, h) = t.size();
    let regions = t
        .map
        .regions
        .iter()
        .map(|r| {
            let term = t.term_of(r.id);
            let class = match term {
                Some(term) => format!("region term-{}", term.id),
                None => "region".to_owned(),
            };
            view! { <path class=class fill=fill_of(place, term) data-region=r.id d=r.path></path> }
        })
        .collect_view();
    let labels = t
        .words
        .terms
        .iter()
        .flat_map(|term| term.regions.iter().filter(|r| r.label))
        .filter_map(|r| t.region(r.id).map(|m| (r.name, (m.label[0], m.label[1]))))
        .map(|(name, (x, y))| {
            // A name near the east edge ends there rather than running past it.
            let (x, anchor) = if x > w as i32 * 17 / 20 { (w as i32 - 2, "end") } else { (x, "middle") };
            view! { <text class="region-label" x=x y=y text-anchor=anchor dominant-baseline="middle">{name}</text> }
        })
        .collect_view();
    let legend = t
        .words
        .terms
        .iter()
        .enumerate()
        .map(|(i, term)| {
            view! {
                <li data-term=term.id>
                    <svg class="swatch" viewBox="0 0 36 24" aria-hidden="true">
                        <rect class="swatch-box" width="36" height="24" fill=format!("url(#{})", pattern_id(place, i))></rect>
                    </svg>
                    <span>
                        <strong>{term.places}</strong>
                        ": "
                        {term.text}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class=format!("territory territory-{place}")>
            <p class="territory-title">{t.words.heading}</p>
            <svg class="territory-map" viewBox=format!("0 0 {w} {h}") aria-hidden="true">
                <defs>{(0..t.words.terms.len()).map(|i| hatch(place, i)).collect_view()}</defs>
                <g class="regions">{regions}</g>
                <g class="labels">{labels}</g>
            </svg>
            <p class="territory-intro">{t.words.intro}</p>
            <ul class="territory-legend">
                {legend}
                // No swatch: the plain land is not a term, and a key would read on every unshaded region.
                <li data-term="elsewhere">
                    <span>{t.words.elsewhere}</span>
                </li>
            </ul>
            <figcaption>
                <p class="territory-caption">{t.words.caption}</p>
                <p class="territory-source">{t.words.source}</p>
            </figcaption>
        </figure>
    }
}
