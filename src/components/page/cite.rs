//! Who published a text and when, with a link to where it was read: "BBC, 21 November 2025 ·
//! Source", or "AFP (read via TAG24), 24 December 2025 · Source". The cards' layer of draft
//! wording, the timeline and the 20-point framework all say it this way.

use leptos::prelude::*;
use plan_core::ui;

/// "AFP (read via TAG24), 24 December 2025".
pub fn cite_words(outlet: &str, date: &str, via: Option<&str>) -> String {
    match via {
        Some(via) => ui::cite_via(date, outlet, via),
        None => ui::cite(date, outlet),
    }
}

/// The words, then " · Source" linking to the page that was read (if the text has one).
#[component]
pub fn Cite(
    outlet: &'static str,
    date: &'static str,
    via: Option<&'static str>,
    url: Option<&'static str>,
) -> impl IntoView {
    view! {
        {cite_words(outlet, date, via)}
        {url.map(|url| view! { " · " <a href=url rel="noreferrer">{ui::source_link()}</a> })}
    }
}
