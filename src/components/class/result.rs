//! The class result: the overall tally, the strip, where the class agrees
//! and splits, the students' reasons point by point, camps, you and the
//! class, the per-point table, names (closed), and export. It takes its data
//! as props: the class view passes what was gathered; a class result link
//! passes counts alone (no reasons, camps or names).

use crate::components::class::camps::ClassCamps;
use crate::components::class::export::ClassExport;
use crate::components::class::measures::ClassMeasures;
use crate::components::class::names::ClassNames;
use crate::components::class::reasons::ReasonsByPoint;
use crate::components::class::strip::ClassStrip;
use crate::components::class::table::ClassTable;
use crate::components::class::you::ClassYou;
use crate::components::counts::Counts;
use crate::components::stacked_bar::StackedBar;
use leptos::prelude::*;
use plan_core::class::camps::Camps;
use plan_core::class::words::result_heading;
use plan_core::class::{ClassCounts, Entry};
use plan_core::content;
use plan_core::tally::CATEGORIES;
use plan_core::ui;
use std::sync::Arc;

#[component]
pub fn ClassResult(
    counts: Signal<Option<ClassCounts>>,
    label: Signal<Option<String>>,
    /// The students' links (the class view); none for a result link.
    #[prop(optional)]
    entries: Option<Signal<Vec<Entry>>>,
    #[prop(optional)] camps: Option<Signal<Option<Arc<Camps>>>>,
) -> impl IntoView {
    // The theme filter: None shows every point.
    let theme = RwSignal::new(None::<usize>);
    let shown_points = Memo::new(move |_| {
        let t = theme.get();
        content()
            .points
            .iter()
            .filter(|p| t.is_none_or(|t| content().theme_index(p) == t))
            .map(|p| p.number)
            .collect::<Vec<u8>>()
    });
    let overall =
        Memo::new(move |_| counts.with(|c| c.as_ref().map(|c| c.overall_of(shown_points.get())).unwrap_or_default()));
    let overall_counts = CATEGORIES.map(|c| Signal::derive(move || overall.with(|t| t.get(c))));
    let overall_total = Signal::derive(move || overall.with(|t| t.total()));
    let heading =
        move || counts.with(|c| result_heading(label.get().as_deref(), c.as_ref().map_or(0, ClassCounts::students)));
    let present = Memo::new(move |_| counts.with(Option::is_some));
    let counts_now = Signal::derive(move || counts.get().unwrap_or_default());
    view! {
        <section class="class-result" aria-labelledby="result-heading">
            <h3 id="result-heading">{ui::cv_result_heading()}</h3>
            <Show when=move || present.get() fallback=move || view! { <p class="muted">{ui::cv_result_empty()}</p> }>
                <p class="result-title">{heading}</p>
                <p class="not-a-poll">{ui::cv_not_a_poll()}</p>
                <div class="field theme-filter">
                    <label for="theme-filter">{ui::cv_theme_filter()}</label>
                    <select
                        id="theme-filter"
                        on:change=move |ev| theme.set(event_target_value(&ev).parse::<usize>().ok())
                    >
                        // The filter outlives this block (clear, then undo, rebuilds it):
                        // each option follows it, so the box never shows another theme.
                        <option value="" prop:selected=move || theme.get().is_none()>{ui::cv_all_themes()}</option>
                        {content()
                            .themes
                            .iter()
                            .enumerate()
                            .map(|(i, t)| {
                                view! {
                                    <option value=i.to_string() prop:selected=move || theme.get() == Some(i)>
                                        {t.label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <h4>{ui::cv_overall_heading()}</h4>
                <Counts counts=overall_counts total=overall_total/>
                <StackedBar counts=overall_counts/>
                <ClassStrip counts=counts_now shown=shown_points/>
                <ClassMeasures counts=counts_now/>
                // The students' reasons: the class view only (a result link carries none).
                {entries.map(|_| view! { <ReasonsByPoint shown=shown_points/> })}
                {match camps {
                    Some(camps) => view! { <ClassCamps camps=camps/> }.into_any(),
                    None => {
                        view! {
                            <h4>{ui::cv_camps_heading()}</h4>
                            <p class="muted">{ui::cv_camps_need_links()}</p>
                        }
                            .into_any()
                    }
                }}
                <ClassYou counts=counts_now/>
                <ClassTable counts=counts_now shown=shown_points/>
                {entries.map(|entries| view! { <ClassNames entries=entries/> })}
                <ClassExport counts=counts_now label=label entries=entries/>
            </Show>
        </section>
    }
}
