//! Export and share a class result: CSV files, a PNG of the strip for
//! slides, print, and the class result link (counts only, never names).

use crate::browser::{self, Draw};
use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::class::csv::{csv_per_point, csv_per_student, Separator, UTF8_BOM};
use plan_core::class::words::result_heading;
use plan_core::class::{ClassCounts, Entry};
use plan_core::content;
use plan_core::tally::CATEGORIES;
use plan_core::ui;

/// A class result link for fewer students would come close to showing one student's tags.
pub const MIN_RESULT_STUDENTS: usize = 5;

#[component]
pub fn ClassExport(
    counts: Signal<ClassCounts>,
    label: Signal<Option<String>>,
    entries: Option<Signal<Vec<Entry>>>,
) -> impl IntoView {
    let include_names = RwSignal::new(false);
    let separator = RwSignal::new(Separator::Comma);
    let copied = RwSignal::new(false);
    let link = Memo::new(move |_| {
        let c = counts.get();
        (c.students() >= MIN_RESULT_STUDENTS)
            .then(|| format!("{}#{}", browser::base_url(), plan_core::class_link::encode(&c, label.get().as_deref())))
    });
    // "Copied." speaks of the link as it was: a changed link was not copied.
    Effect::new(move |_| {
        link.track();
        copied.set(false);
    });
    let per_point = move |_| {
        let csv = counts.with(|c| csv_per_point(c, content(), separator.get_untracked()));
        browser::download_text("class-result-per-point.csv", "text/csv", &format!("{UTF8_BOM}{csv}"));
    };
    let copy = move |_| {
        let Some(text) = link.get_untracked() else { return };
        spawn_local(async move { copied.set(browser::copy_text(text).await) });
    };
    let png = move |_| {
        let title = counts.with(|c| result_heading(label.get_untracked().as_deref(), c.students()));
        let (w, h, shapes) = counts.with(|c| strip_drawing(c, &ui::cv_png_title(&title)));
        browser::download_png("class-strip.png", w, h, &shapes);
    };
    view! {
        <div class="class-export">
            <h4>{ui::cv_export_heading()}</h4>
            <div class="export-actions">
                <button type="button" class="button" on:click=per_point>{ui::cv_csv_points()}</button>
                {entries
                    .map(|entries| {
                        let per_student = move |_| {
                            let csv = entries.with(|e| {
                                csv_per_student(e.iter(), include_names.get_untracked(), separator.get_untracked())
                            });
                            browser::download_text("class-result-per-student.csv", "text/csv", &format!("{UTF8_BOM}{csv}"));
                        };
                        view! {
                            <button type="button" class="button" on:click=per_student>{ui::cv_csv_students()}</button>
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || include_names.get()
                                    on:change=move |ev| include_names.set(event_target_checked(&ev))
                                />
                                {ui::cv_include_names()}
                            </label>
                        }
                    })}
                <fieldset class="csv-separator">
                    <legend>{ui::cv_csv_separator()}</legend>
                    {Separator::ALL
                        .map(|sep| {
                            view! {
                                <label class="check">
                                    <input
                                        type="radio"
                                        name="csv-separator"
                                        prop:checked=move || separator.get() == sep
                                        on:change=move |_| separator.set(sep)
                                    />
                                    {sep.label()}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <button type="button" class="button" on:click=png>{ui::cv_png()}</button>
                <button type="button" class="button" on:click=move |_| browser::print()>{ui::cv_print()}</button>
            </div>
            <div class="field">
                {move || match link.get() {
                    Some(link) => {
                        view! {
                            <label for="result-link">{ui::cv_result_link_label()}</label>
                            <p id="result-link-hint" class="field-note">{ui::cv_result_link_hint()}</p>
                            <div class="link-row">
                                <input id="result-link" type="text" readonly aria-describedby="result-link-hint" prop:value=link/>
                                <button type="button" class="button primary" on:click=copy>{ui::cv_copy_result()}</button>
                            </div>
                            <p class="copy-feedback" aria-live="polite">{move || if copied.get() { ui::cv_copied() } else { "" }}</p>
                        }
                            .into_any()
                    }
                    None => {
                        view! { <p class="muted">{ui::cv_result_link_small(MIN_RESULT_STUDENTS)}</p> }.into_any()
                    }
                }}
            </div>
        </div>
    }
}

/// The strip as shapes for a PNG: a title, one column per point, its parts
/// the shares of each answer (colours from the stylesheet), numbers below.
fn strip_drawing(counts: &ClassCounts, title: &str) -> (u32, u32, Vec<Draw>) {
    const COL: f64 = 36.0;
    const GAP: f64 = 8.0;
    const TOP: f64 = 70.0;
    const BAR: f64 = 260.0;
    const LEFT: f64 = 40.0;
    let points = counts.tallies().len() as f64;
    let width = (LEFT * 2.0 + points * COL + (points - 1.0) * GAP) as u32;
    let height = (TOP + BAR + 60.0) as u32;
    let ink = browser::css_var("--ink");
    let mut shapes = vec![
        Draw::Rect { x: 0.0, y: 0.0, w: f64::from(width), h: f64::from(height), color: browser::css_var("--paper") },
        Draw::Text { x: LEFT, y: 44.0, text: title.to_owned(), color: ink.clone(), size: 24, bold: true },
    ];
    let colors = plan_core::tags::CATEGORY_TABLE.map(|row| browser::css_var(row.color_var));
    let students = counts.students().max(1) as f64;
    for (i, (number, tally)) in counts.iter().enumerate() {
        let x = LEFT + i as f64 * (COL + GAP);
        let mut y = TOP;
        for (cat, color) in CATEGORIES.iter().zip(&colors) {
            let h = BAR * tally.get(*cat) as f64 / students;
            shapes.push(Draw::Rect { x, y, w: COL, h, color: color.clone() });
            y += h;
        }
        shapes.push(Draw::Text {
            x: x + 8.0,
            y: TOP + BAR + 26.0,
            text: number.to_string(),
            color: ink.clone(),
            size: 16,
            bold: false,
        });
    }
    (width, height, shapes)
}
