//! A quote (static): the words, then who said them, in what role, where and on which day;
//! a second line names the report they were read in, with that report's own date.

use crate::components::page::cite::cite_words;
use leptos::prelude::*;
use plan_core::content::Quote;
use plan_core::ui;

#[component]
pub fn QuoteFigure(quote: &'static Quote) -> impl IntoView {
    let q = quote;
    view! {
        <figure class="quote">
            <blockquote>
                <p>{format!("“{}”", q.text)}</p>
            </blockquote>
            <figcaption>
                <strong>{q.speaker}</strong>
                {said(q)}
                <span class="quote-source">{source(q)}</span>
            </figcaption>
        </figure>
    }
}

/// ", US Secretary of State, on X, 20 November 2025"
fn said(q: &Quote) -> String {
    match q.said {
        Some(how) => format!(", {}, {how}, {}", q.role, q.date),
        None => format!(", {}, {}", q.role, q.date),
    }
}

/// "Source: BBC, 21 November 2025" or "Source: AFP (read via Voz.us), 21 November 2025".
fn source(q: &Quote) -> String {
    let r = &q.reported;
    ui::quote_source(&cite_words(r.outlet, r.date, r.via))
}
