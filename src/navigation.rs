//! Moving through the story and the fragment router's browser half: what
//! happens when the page opens at, or is sent to, a `#...` fragment.

use crate::browser;
use crate::state::{AppState, SharedView, Step};
use leptos::prelude::*;
use plan_core::route::{self, Route};
use plan_core::POINT_COUNT;

/// Scrolls to a point's card and focuses it.
pub fn go_to_point(state: &AppState, number: u8) {
    let number = number.clamp(1, POINT_COUNT as u8);
    state.step.set(Step::Point(number));
    browser::scroll_and_focus(&format!("point-{number}"), !state.reduce_motion.get_untracked());
}

pub fn next_point(state: &AppState) {
    let reached = state.step.get_untracked().point_reached();
    if reached < POINT_COUNT as u8 {
        go_to_point(state, reached + 1);
    }
}

pub fn previous_point(state: &AppState) {
    let reached = state.step.get_untracked().point_reached();
    if reached > 1 {
        go_to_point(state, reached - 1);
    }
}

/// Acts on the current fragment: on load, and whenever it changes.
pub fn follow_fragment(state: &AppState) {
    match route::parse(&browser::hash()) {
        Route::Start | Route::Class => {}
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
