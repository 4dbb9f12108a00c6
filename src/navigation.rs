//! Moving through the story, and the fragment router's browser half: what
//! happens when the page opens at, or is sent to, a `#...` fragment. The
//! router's pure half (what a fragment means) is `plan_core::route`; this is
//! the one router of the page (the class module is told what to show).

use crate::browser;
use crate::stores::{LinkProblem, Page, Stores};
use leptos::prelude::*;
use plan_core::route::{self, Route};
use plan_core::step::Step;
use plan_core::POINT_COUNT;

/// The longest the observer waits after a jump; `scrollend` usually ends the wait sooner.
const JUMP_LOCK_MS: f64 = 3000.0;

/// Scrolls to a point's card and focuses it: the one way every control
/// (Next, Previous, J/K, overview cells, summary links) moves to a point.
pub fn go_to_point(s: &Stores, number: u8) {
    let number = number.clamp(1, POINT_COUNT as u8);
    let smooth = !s.prefs.reduce_motion_untracked();
    s.nav.lock_steps_for(JUMP_LOCK_MS);
    s.nav.set_step(Step::Point(number));
    browser::scroll_and_focus(&route::point_id(number), smooth);
}

/// The point the reader is at: the card holding focus, else the active step.
fn current_point(s: &Stores) -> u8 {
    browser::focused_point().unwrap_or_else(|| s.nav.step_untracked().point_reached())
}

pub fn next_point(s: &Stores) {
    let at = current_point(s);
    if usize::from(at) < POINT_COUNT {
        go_to_point(s, at + 1);
    }
}

pub fn previous_point(s: &Stores) {
    let at = current_point(s);
    if at > 1 {
        go_to_point(s, at - 1);
    }
}

/// Acts on the current fragment: on start, and whenever it changes (a link
/// followed, Back, a fragment typed). Only a share link keeps (or opens) the
/// shared view; anything else leaves it.
pub fn follow_fragment(s: &Stores) {
    let hash = browser::hash();
    let route = route::parse(&hash);
    s.nav.remember_fragment(hash);
    if !matches!(route, Route::Shared(Ok(_))) {
        s.shared.close();
    }
    match route {
        Route::Start => s.nav.show_page(Page::Story),
        Route::Class => s.nav.show_page(Page::Class),
        Route::Point(n) => {
            s.nav.show_page(Page::Story);
            // Set now so the address bar is not rewritten before we arrive.
            s.nav.set_step(Step::Point(n));
            let s = *s;
            // Wait a frame so the cards exist and have their size.
            request_animation_frame(move || go_to_point(&s, n));
        }
        Route::Shared(Ok(link)) => {
            s.nav.show_page(Page::Story);
            s.notices.clear_link();
            s.shared.open(link.shared, link.reasons);
        }
        Route::Shared(Err(error)) => {
            s.nav.show_page(Page::Story);
            s.notices.report_link(LinkProblem::Share(error));
        }
        Route::ClassResult(result) => match *result {
            Ok(result) => {
                s.notices.clear_link();
                s.nav.show_class_result(result);
            }
            Err(error) => {
                s.nav.show_page(Page::Story);
                s.notices.report_link(LinkProblem::ClassResult(error));
            }
        },
        Route::Join(label) => {
            s.nav.show_page(Page::Story);
            s.profile.join_class(label);
            // The address did its job: the reader's own link takes its place.
            rewrite_fragment(s, "");
        }
        // An element of the page (the skip link's target, say). After a
        // click the browser has scrolled to it; on opening, it may not have
        // existed yet when the browser looked.
        Route::Unknown(id) if browser::element_exists(&id) => {
            request_animation_frame(move || browser::scroll_to_element(&id));
        }
        Route::Unknown(_) => {
            s.nav.show_page(Page::Story);
            s.notices.report_link(LinkProblem::Unrecognized);
        }
    }
}

/// Keeps the address bar on the active point, replacing the entry (never one
/// history entry per card). A shared view keeps its own link in the bar, the
/// class view its `#class`, and a fragment the page could not read stays for
/// the reader to see.
pub fn sync_fragment(s: &Stores) {
    let step = s.nav.step();
    if s.shared.is_open() || s.nav.page() != Page::Story || s.notices.link_problem().is_some() {
        return;
    }
    // A link arrived (a share link opened in this tab, say) and its
    // `hashchange` is still queued: follow it now. Writing the point's
    // fragment over it would lose the link: the event would then find the
    // point's fragment instead (the shared view that did not open).
    if untrack(browser::hash) != s.nav.known_fragment() {
        untrack(|| follow_fragment(s));
        return;
    }
    match step {
        Step::Point(n) => rewrite_fragment(s, &format!("#{}", route::point_id(n))),
        Step::Story(_) | Step::End => rewrite_fragment(s, ""),
    }
}

/// The `hashchange` event: follows the new fragment, unless it was already
/// followed (see `sync_fragment`).
pub fn fragment_changed(s: &Stores) {
    if browser::hash() != s.nav.known_fragment() {
        follow_fragment(s);
    }
}

/// Replaces the fragment (no history entry) and remembers it as the router's own.
fn rewrite_fragment(s: &Stores, fragment: &str) {
    if browser::hash() != fragment {
        browser::replace_hash(fragment);
    }
    s.nav.remember_fragment(browser::hash());
}
