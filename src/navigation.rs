//! Moving through the story and the fragment router's browser half: what
//! happens when the page opens at, or is sent to, a `#...` fragment.

use crate::browser;
use crate::state::{AppState, SharedView, Step};
use leptos::prelude::*;
use plan_core::route::{self, Route};
use plan_core::POINT_COUNT;

/// The longest the observer waits after a jump; `scrollend` usually ends the wait sooner.
const JUMP_LOCK_MS: f64 = 3000.0;

/// Scrolls to a point's card and focuses it.
pub fn go_to_point(state: &AppState, number: u8) {
    let number = number.clamp(1, POINT_COUNT as u8);
    let smooth = !state.reduce_motion.get_untracked();
    // Cards passed on the way must not become the step while the scroll runs.
    state.scroll_lock_until.set_value(js_sys::Date::now() + JUMP_LOCK_MS);
    state.step.set(Step::Point(number));
    browser::scroll_and_focus(&format!("point-{number}"), smooth);
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
    if js_sys::Date::now() < state.scroll_lock_until.get_value() {
        return;
    }
    if state.step.get_untracked() != step {
        state.step.set(step);
    }
}

/// Acts on the current fragment: on load, and whenever it changes.
pub fn follow_fragment(state: &AppState) {
    match route::parse(&browser::hash()) {
        Route::Start | Route::Class | Route::Unknown(_) => {}
        Route::Point(n) => {
            // Set now so the address bar is not rewritten before we arrive.
            state.step.set(Step::Point(n));
            let state = *state;
            // Wait a frame so the cards exist and have their size.
            browser::next_frame(move || go_to_point(&state, n));
        }
        Route::Shared(Ok(shared)) => {
            state.link_error.set(None);
            state.shared.set(Some(SharedView { shared, compare: false }));
        }
        Route::Shared(Err(error)) => {
            state.shared.set(None);
            state.link_error.set(Some(error));
        }
    }
}

/// Keeps the address bar on the active point, replacing the entry (never one
/// history entry per card). A shared view keeps its own link in the bar.
pub fn sync_fragment(state: &AppState) {
    if state.in_shared_view() {
        return;
    }
    match state.step.get() {
        Step::Point(n) => browser::replace_hash(&route::point_fragment(n)),
        Step::Story(_) | Step::End => {
            if !browser::hash().is_empty() && !matches!(route::parse(&browser::hash()), Route::Class) {
                browser::replace_hash("");
            }
        }
    }
}
