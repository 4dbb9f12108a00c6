//! The live tally (an island; the `Tally` landmark): counts, percentages, a stacked bar,
//! the per-theme breakdown, and a polite one-sentence announcement.

use crate::components::counts::Counts;
use crate::components::stacked_bar::StackedBar;
use crate::components::theme_breakdown::ThemeBreakdown;
use crate::stores::stores;
use leptos::prelude::*;
use plan_core::content;
use plan_core::tally::{by_theme, CATEGORIES};
use plan_core::ui;
use plan_core::words::{whose_tags, Whose};
use plan_core::POINT_COUNT;

#[component]
pub fn TallyPanel() -> impl IntoView {
    let s = stores();
    // Each count follows its own signal: a click rewrites only the two it changed.
    let counts = CATEGORIES.map(|c| Signal::derive(move || s.reader.shown_count(c)));
    let themes = Memo::new(move |_| by_theme(content(), &s.reader.shown_settled()));
    let whose = move || {
        let name = s.shared.name();
        whose_tags(if s.shared.is_open() { Whose::Shared(name.as_deref()) } else { Whose::Own })
    };
    view! {
        <section class="tally" aria-label=ui::tally_label()>
            <p class="tally-title" class:shared=move || s.shared.is_open()>{whose}</p>
            <Counts counts=counts total=Signal::stored(POINT_COUNT)/>
            <StackedBar counts=counts/>
            <details class="tally-themes">
                <summary>{ui::by_theme()}</summary>
                <ThemeBreakdown rows=themes/>
            </details>
            <p class="sr-only" aria-live="polite" aria-atomic="true" translate="no">{move || s.reader.announcement()}</p>
        </section>
    }
}
