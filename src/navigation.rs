//! Moving through the story, and the fragment router's browser half: what
//! happens when the page opens at, or is sent to, a `#...` fragment.

use crate::browser;
use crate::state::{AppState, LinkProblem, Page, SharedView, Step};
use leptos::prelude::*;
use plan_core::route::{self, Route};
use plan_core::POINT_COUNT;

/// The longest the observer waits after a jump; `scrollend` usually ends the wait sooner.
const JUMP_LOCK_MS: f64 = 3000.0;

/// Scrolls to a point's card and focuses it: the one way every control
/// (Next, Previous, J/K, overview cells, summary links) moves to a point.
pub fn go_to_point(state: &AppState, number: u8) {
    let number = number.clamp(1, POINT_COUNT as u8);
    let smooth = !state.reduce_motion_untracked();
    // Cards passed on the way must not become the step while the scroll runs.
    state.scroll_lock_until.set_value(browser::now() + JUMP_LOCK_MS);
    state.step.set(Step::Point(number));
    browser::scroll_and_focus(&route::point_id(number), smooth);
}

/// The point the reader is at: the card holding focus, else the active step.
fn current_point(state: &AppState) -> u8 {
    browser::focused_point().unwrap_or_else(|| state.step.get_untracked().point_reached())
}

pub fn next_point(state: &AppState) {
    let at = current_point(state);
    if usize::from(at) < POINT_COUNT {
        go_to_point(state, at + 1);
    }
}

pub fn previous_point(state: &AppState) {
    let at = current_point(state);
    if at > 1 {
        go_to_point(state, at - 1);
    }
}

/// A scroll came to rest: the jump (if any) has arrived, so the observer may speak again.
pub fn scroll_ended(state: &AppState) {
    state.scroll_lock_until.set_value(0.0);
}

/// The observer's report of the most-in-view step, unless a jump is under way.
pub fn observed_step(state: &AppState, step: Step) {
    if browser::now() < state.scroll_lock_until.get_value() {
        return;
    }
    if state.step.get_untracked() != step {
        state.step.set(step);
    }
}

/// Acts on the current fragment: on start, and whenever it changes (a link
/// followed, Back, a fragment typed). Only a share link keeps (or opens) the
/// shared view; anything else leaves it.
pub fn follow_fragment(state: &AppState) {
    let route = route::parse(&browser::hash());
    if !matches!(route, Route::Shared(Ok(_))) && state.shared.get_untracked().is_some() {
        state.shared.set(None);
    }
    match route {
        Route::Start => show_page(state, Page::Story),
        Route::Class => show_page(state, Page::Class),
        Route::Point(n) => {
            show_page(state, Page::Story);
            // Set now so the address bar is not rewritten before we arrive.
            state.step.set(Step::Point(n));
            let state = *state;
            // Wait a frame so the cards exist and have their size.
            request_animation_frame(move || go_to_point(&state, n));
        }
        Route::Shared(Ok(shared)) => {
            show_page(state, Page::Story);
            state.link_problem.set(None);
            state.shared.set(Some(SharedView { shared, compare: false }));
        }
        Route::Shared(Err(error)) => {
            show_page(state, Page::Story);
            state.link_problem.set(Some(LinkProblem::Share(error)));
        }
        Route::ClassResult(result) => match *result {
            Ok(result) => {
                state.link_problem.set(None);
                state.class_result.set(Some(result));
                show_page(state, Page::ClassResult);
            }
            Err(error) => {
                show_page(state, Page::Story);
                state.link_problem.set(Some(LinkProblem::ClassResult(error)));
            }
        },
        Route::Join(label) => {
            show_page(state, Page::Story);
            state.join_class(label);
            // The address did its job: the reader's own link takes its place.
            browser::replace_hash("");
        }
        // An element of the page (the skip link's target, say). After a
        // click the browser has scrolled to it; on opening, it may not have
        // existed yet when the browser looked.
        Route::Unknown(id) if browser::element_exists(&id) => {
            request_animation_frame(move || browser::scroll_to_element(&id));
        }
        Route::Unknown(_) => {
            show_page(state, Page::Story);
            state.link_problem.set(Some(LinkProblem::Unrecognized));
        }
    }
}

fn show_page(state: &AppState, page: Page) {
    if state.page.get_untracked() != page {
        state.page.set(page);
        browser::scroll_to_top();
    }
}

/// Keeps the address bar on the active point, replacing the entry (never one
/// history entry per card). A shared view keeps its own link in the bar, the
/// class view its `#class`, and a fragment the page could not read stays for
/// the reader to see.
pub fn sync_fragment(state: &AppState) {
    let step = state.step.get();
    if state.in_shared_view() || state.page.get() != Page::Story || state.link_problem.get().is_some() {
        return;
    }
    match step {
        Step::Point(n) => browser::replace_hash(&format!("#{}", route::point_id(n))),
        Step::Story(_) | Step::End => {
            if !browser::hash().is_empty() {
                browser::replace_hash("");
            }
        }
    }
}
