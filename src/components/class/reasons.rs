//! The class's reasons, point by point (issue 27): for each point a student
//! gave a reason for, the reasons grouped by tag, with how many students
//! chose each tag; the point the class is most divided on first, so the
//! lesson plan's "read its reasons aloud" starts at the top.
//!
//! Projected as it is: names show as "Student 3" until the teacher turns on
//! "Show names", and any reason can be hidden first (kept hidden in this
//! browser: `ClassState::hide_reason`). A reason is the student's own text:
//! always a text node (never markup), its direction isolated (`dir="auto"`
//! on the element holding it, inside the quotes; the name in `<bdi>`), so
//! right-to-left writing cannot reorder the line around it.
//!
//! The same section is the printable handout: its Print button marks it
//! (`data-printing`, every reason shown) and `style/print.css` prints it alone.
//!
//! A button that goes when pressed (Hide, Show hidden reasons, Show more)
//! hands the focus on: to its tag's heading, or to the section's heading.

use crate::browser;
use crate::components::class::state::use_class;
use leptos::ev;
use leptos::prelude::*;
use plan_core::class::reasons::{ClassReason, ClassReasons, PointReasons, TagReasons};
use plan_core::class::words::{reason_whose, reasons_hidden, reasons_more, reasons_none, reasons_tag, reasons_unread};
use plan_core::content;
use plan_core::tags::category_info;
use plan_core::ui;
use plan_core::Tag;
use std::time::Duration;

/// Reasons a tag shows before "Show N more": a class's worth (with at most
/// 2 reasons a student, a class of 30 rarely gives one tag of one point more),
/// while a pasted school year puts at most 28 × 3 × 8 on the screen at once
/// (each costs about 0.06 ms to show). Printing shows all.
const SHOWN_PER_TAG: usize = 8;

/// The heading a Hide button's focus falls back to when its point goes.
const HEADING_ID: &str = "reasons-heading";

/// Points put on the screen a task, after the first (the most divided, shown
/// with the counts): a point shows up to 3 × `SHOWN_PER_TAG` reasons, 2–4 ms
/// of work unthrottled, so a slice stays within about 25 ms and the class's
/// first reasons never wait for the last point's.
const POINTS_PER_SLICE: usize = 7;

/// All points at once: after a button press (its focus needs its point on the
/// screen) and for printing.
const ALL_POINTS: usize = usize::MAX;

#[component]
pub fn ReasonsByPoint(
    /// The points the theme filter shows.
    shown: Memo<Vec<u8>>,
) -> impl IntoView {
    let class = use_class();
    // A class of a thousand puts nearly a thousand reasons on the screen: the
    // most divided point's come with the counts, the others' in the tasks after
    // (the benchmark times the first and the last).
    let reasons = RwSignal::new(ClassReasons::default());
    // Where focus goes once the view shows the reasons a pressed button changed.
    let focus_next = StoredValue::new(None::<String>);
    // How many points (most divided first) are on the screen: a new read puts
    // the first one there at once and the rest a slice at a time.
    let upto = RwSignal::new(ALL_POINTS);
    // Each new read's slices are its own: a newer read stops the older one's.
    let read_number = StoredValue::new(0u32);
    Effect::new(move |_| {
        let read = class.reasons();
        let focus = focus_next.try_update_value(Option::take).flatten();
        let Some(number) = read_number.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        let points = read.points.len();
        upto.set(if focus.is_some() { ALL_POINTS } else { 1 });
        reasons.set(read);
        match focus {
            Some(id) => focus_when_shown(id),
            None => show_more_points(upto, read_number, number, points),
        }
    });
    // Tag groups opened past SHOWN_PER_TAG: (point, tag).
    let expanded = RwSignal::new(Vec::<(u8, Tag)>::new());
    let printing = RwSignal::new(false);
    let unread = Memo::new(move |_| {
        let include = class.include_other();
        class.with_gathered(|g| g.map_or(0, |g| g.included(include).iter().filter(|e| e.reasons.is_err()).count()))
    });
    // Printed once the section is marked and every reason is on the page; unmarked when the print is over.
    let print = move |_| {
        upto.set(ALL_POINTS);
        printing.set(true);
        request_animation_frame(browser::print);
    };
    let after_print = window_event_listener(ev::afterprint, move |_| printing.set(false));
    on_cleanup(move || after_print.remove());
    let hide = move |reason: &ClassReason, point: u8, tag: Tag| {
        focus_next.set_value(Some(group_id(point, tag)));
        class.hide_reason(reason.id);
    };
    view! {
        <section
            class="class-reasons"
            aria-labelledby=HEADING_ID
            data-printing=move || printing.get().then_some("true")
        >
            <h4 id=HEADING_ID tabindex="-1">{ui::cv_reasons_heading()}</h4>
            {move || {
                if reasons.with(|r| r.total) == 0 {
                    return view! { <p class="muted">{reasons_none()}</p> }.into_any();
                }
                view! {
                    <p class="measure-note">{ui::cv_reasons_intro()}</p>
                    <p class="measure-note reasons-screen-only">{ui::cv_reasons_hide_hint()}</p>
                }
                    .into_any()
            }}
            {move || (unread.get() > 0).then(|| view! { <p class="measure-note reasons-screen-only">{reasons_unread(unread.get())}</p> })}
            <div role="status" class="notice-slot reasons-screen-only">
                {move || {
                    class
                        .hidden_unsaved()
                        .then(|| view! { <div class="notice notice-warning"><p>{ui::cv_reasons_hide_failed()}</p></div> })
                }}
            </div>
            <div class="reasons-actions reasons-screen-only">
                {move || {
                    let hidden = reasons.with(|r| r.hidden);
                    (hidden > 0)
                        .then(|| {
                            view! {
                                <p class="reasons-hidden">{reasons_hidden(hidden)}</p>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| {
                                        focus_next.set_value(Some(HEADING_ID.to_owned()));
                                        class.show_hidden_reasons();
                                    }
                                >
                                    {ui::cv_reasons_show_hidden()}
                                </button>
                            }
                        })
                }}
                {move || {
                    reasons
                        .with(|r| r.total > r.hidden)
                        .then(|| {
                            view! {
                                <button type="button" class="button" on:click=print>{ui::cv_reasons_print()}</button>
                            }
                        })
                }}
            </div>
            {move || {
                let show_names = class.show_names();
                let all = printing.get();
                let open = expanded.get();
                reasons.with(|r| shown.with(|s| points_view(r, s, show_names, all, &open, expanded, hide, upto, reasons)))
            }}
        </section>
    }
}

/// After a new read, puts `POINTS_PER_SLICE` more points on the screen a task
/// at a time until all `points` are, unless a newer read (`number` no longer the
/// latest) has taken over.
fn show_more_points(upto: RwSignal<usize>, read_number: StoredValue<u32>, number: u32, points: usize) {
    set_timeout(
        move || {
            if read_number.try_get_value() != Some(number) {
                return;
            }
            let Some(more) = upto.try_update(|u| {
                *u = u.saturating_add(POINTS_PER_SLICE);
                *u < points
            }) else {
                return;
            };
            if more {
                show_more_points(upto, read_number, number, points);
            }
        },
        Duration::ZERO,
    );
}

/// The points with a reason to show, most divided first (those past `upto`
/// are put on the screen when it reaches them, each on its own); a sentence
/// when there are reasons but none to show here (all hidden, or another theme).
#[allow(clippy::too_many_arguments)]
fn points_view(
    r: &ClassReasons,
    shown: &[u8],
    show_names: bool,
    all: bool,
    open: &[(u8, Tag)],
    expanded: RwSignal<Vec<(u8, Tag)>>,
    hide: impl Fn(&ClassReason, u8, Tag) + Copy + Send + Sync + 'static,
    upto: RwSignal<usize>,
    reasons: RwSignal<ClassReasons>,
) -> AnyView {
    if r.total == 0 {
        return ().into_any();
    }
    let points = r.most_divided_first(shown);
    if points.is_empty() {
        return view! { <p class="muted">{ui::cv_reasons_none_shown()}</p> }.into_any();
    }
    points
        .into_iter()
        .enumerate()
        .map(|(i, point)| {
            // The first is the most divided, if the class's answers differ on it at all.
            let most_divided = i == 0 && point.division() > 0.0;
            // Changes only when `upto` passes this point: the point is put on the screen once.
            let on_screen = Memo::new(move |_| upto.get() > i);
            let (number, open) = (point.number, open.to_vec());
            // Read when it goes on the screen: a class of 10,000 is not copied point by point up front.
            move || {
                on_screen.get().then(|| {
                    reasons.with_untracked(|r| {
                        r.points
                            .iter()
                            .find(|p| p.number == number)
                            .map(|point| point_view(point, most_divided, show_names, all, &open, expanded, hide))
                    })
                })
            }
        })
        .collect_view()
        .into_any()
}

fn point_view(
    point: &PointReasons,
    most_divided: bool,
    show_names: bool,
    all: bool,
    open: &[(u8, Tag)],
    expanded: RwSignal<Vec<(u8, Tag)>>,
    hide: impl Fn(&ClassReason, u8, Tag) + Copy + 'static,
) -> impl IntoView {
    let n = point.number;
    let heading_id = format!("reasons-point-{n}");
    let labelled_by = heading_id.clone();
    let text = content().point(n).map_or("", |p| p.text);
    view! {
        <section class="reason-point" aria-labelledby=labelled_by>
            <div class="reason-point-head">
                <h5 id=heading_id>{ui::point_heading(n)}</h5>
                {most_divided.then(|| view! { <span class="reason-badge">{ui::cv_reasons_most_divided()}</span> })}
            </div>
            <p class="reason-point-text">{text}</p>
            <div class="reason-tags">
                {point
                    .by_tag
                    .iter()
                    .map(|group| {
                        let whole = all || open.contains(&(n, group.tag));
                        tag_view(n, group, show_names, whole, expanded, hide)
                    })
                    .collect_view()}
            </div>
        </section>
    }
}

/// One tag's group: how many students chose it, and their reasons not hidden.
fn tag_view(
    n: u8,
    group: &TagReasons,
    show_names: bool,
    whole: bool,
    expanded: RwSignal<Vec<(u8, Tag)>>,
    hide: impl Fn(&ClassReason, u8, Tag) + Copy + 'static,
) -> impl IntoView {
    let tag = group.tag;
    let visible: Vec<&ClassReason> = group.visible().collect();
    let limit = if whole { visible.len() } else { SHOWN_PER_TAG.min(visible.len()) };
    let more = visible.len() - limit;
    let items = visible
        .into_iter()
        .take(limit)
        .map(|reason| {
            let who = reason.who(show_names);
            let whose = format!(" {}", reason_whose(&who, n));
            let reason_for_click = reason.clone();
            view! {
                <li>
                    // The quotes stay in the page's direction; the text inside keeps its own.
                    <q class="reason-text"><span dir="auto">{reason.text.clone()}</span></q>
                    " "
                    <span class="reason-who">"—\u{a0}"<bdi>{who}</bdi></span>
                    " "
                    <button
                        type="button"
                        class="button ghost reason-hide reasons-screen-only"
                        on:click=move |_| hide(&reason_for_click, n, tag)
                    >
                        {ui::cv_reason_hide()}
                        <span class="sr-only">{whose}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let empty = limit == 0;
    view! {
        <div class="reason-tag" data-tag=category_info(Some(tag)).id>
            <h6 id=group_id(n, tag) tabindex="-1">{reasons_tag(tag, group.students)}</h6>
            {if empty {
                view! { <p class="muted">{ui::cv_reasons_tag_empty()}</p> }.into_any()
            } else {
                view! { <ul class="reason-list">{items}</ul> }.into_any()
            }}
            {(more > 0)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button ghost reasons-screen-only"
                            on:click=move |_| {
                                expanded.update(|open| open.push((n, tag)));
                                focus_when_shown(group_id(n, tag));
                            }
                        >
                            {reasons_more(more)}
                        </button>
                    }
                })}
        </div>
    }
}

/// Once the view shows the change (the next frame), focuses the element
/// `id`, or, if it went with the change (a point whose reasons were all
/// hidden), the section's heading.
fn focus_when_shown(id: String) {
    request_animation_frame(move || {
        if !browser::focus_in_place(&id) {
            browser::focus_in_place(HEADING_ID);
        }
    });
}

/// The id of a point's tag group heading: "reasons-21-russia".
fn group_id(n: u8, tag: Tag) -> String {
    format!("reasons-{n}-{}", category_info(Some(tag)).id)
}
