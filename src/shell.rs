//! What the page does around its islands, once they are alive: the reader's
//! own state, the router, keys, other tabs, the step observer, the offline
//! worker. Runs once, in the islands' reactive root (`islands::start`).

use crate::browser;
use crate::navigation;
use crate::stores::{Page, Stores};
use leptos::ev;
use leptos::prelude::*;
use plan_core::step::Step;
use plan_core::Tag;
use std::time::Duration;

/// Applies the reader's own state and starts listening: saved tags and name,
/// the link's fragment, other tabs, the system's motion setting, keys.
pub fn start(s: Stores) {
    let settle = browser::Task::new(move || s.reader.settle());
    s.reader.set_scheduler(move || settle.schedule());
    s.reader.set_clock(|| browser::now() as u64);
    // The saved tags, and the choices made on the live radios before now.
    s.reader.start(browser::now() as u64, &browser::take_early_choices());
    s.profile.load();
    s.prefs.follow_system_motion(browser::prefers_reduced_motion());
    navigation::follow_fragment(&s);

    Effect::new(move |_| navigation::sync_fragment(&s));
    // The stylesheet's hooks for app-wide state.
    Effect::new(move |_| {
        browser::set_root_attribute("data-motion", if s.prefs.reduce_motion() { "reduced" } else { "full" })
    });
    Effect::new(move |_| browser::set_root_attribute("data-page", s.nav.page().id()));
    Effect::new(move |_| {
        browser::set_root_attribute("data-details-open", if s.prefs.details_open() { "true" } else { "false" })
    });
    Effect::new(move |_| browser::mark_step_panels(&s.nav.step().to_string()));

    // Listeners live as long as the page: their handles are not kept.
    window_event_listener(ev::hashchange, move |_| navigation::fragment_changed(&s));
    window_event_listener(ev::keydown, move |ev| on_global_key(&s, &ev));
    // A click's save waits a task; leaving the page must not lose it.
    window_event_listener(ev::pagehide, move |_| s.reader.settle());
    window_event_listener_untyped("scrollend", move |_| s.nav.unlock_steps());
    browser::on_other_tab(move |change| match change {
        browser::OtherTab::Tags => s.reader.other_tab_saved(),
        browser::OtherTab::Name(name) => s.profile.name_from_other_tab(name),
        browser::OtherTab::Class(class) => s.profile.class_from_other_tab(class),
    });
    browser::watch_reduced_motion(move |reduced| s.prefs.follow_system_motion(reduced));
    browser::track_sticky_heights();

    // The observer needs the cards laid out: start it on the next frame.
    request_animation_frame(move || {
        let observer = browser::StepObserver::new(move |key| {
            if let Ok(step) = key.parse::<Step>() {
                s.nav.observed_step(step);
            }
        });
        let reporter = observer.clone();
        Effect::new(move |started: Option<()>| {
            s.nav.track_hold_lifted();
            if started.is_some() {
                reporter.report();
            }
        });
        // `debounce` gives an FnMut; the listener wants an Fn.
        let rebuild = std::cell::RefCell::new(debounce(Duration::from_millis(150), move |()| observer.observe()));
        window_event_listener(ev::resize, move |_| (rebuild.borrow_mut())(()));
    });

    browser::register_service_worker(move || s.notices.offer_update());
    if browser::is_embedded() {
        browser::post_height_to_parent();
    }

    s.nav.mark_started();
    browser::set_root_attribute("data-app", "ready");
}

/// Page-wide shortcuts. Typing in a text field, or using modifier keys, is left alone.
fn on_global_key(s: &Stores, ev: &ev::KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() || browser::typing_in_field(ev) {
        return;
    }
    let key = ev.key();
    if key == "?" {
        ev.prevent_default();
        s.prefs.open_help();
        return;
    }
    if s.nav.page_untracked() != Page::Story {
        return;
    }
    match key.as_str() {
        "j" | "J" => {
            ev.prevent_default();
            navigation::next_point(s);
        }
        "k" | "K" => {
            ev.prevent_default();
            navigation::previous_point(s);
        }
        // R, U, N tag the focused card; 0 or Backspace clears it.
        _ => {
            let Some(n) = browser::focused_point() else { return };
            let tag = match key.as_str() {
                "0" | "Backspace" => None,
                k => match Tag::from_key(k) {
                    Some(tag) => Some(tag),
                    None => return,
                },
            };
            ev.prevent_default();
            s.reader.set_tag(n, tag);
        }
    }
}
