//! The page: layout, keyboard shortcuts, routing and step tracking.

use crate::browser;
use crate::components::{
    classroom::Classroom, graphic::Graphic, help_dialog::HelpDialog, masthead::Masthead, notices::Notices,
    point_card::PointCard, share_panel::SharePanel, sources::Sources, story_step::StoryStep, summary::Summary,
};
use crate::navigation;
use crate::state::{AppState, Step};
use leptos::ev;
use leptos::prelude::*;
use plan_core::content;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    navigation::follow_fragment(&state);

    Effect::new(move |_| navigation::sync_fragment(&state));
    Effect::new(move |_| {
        let reduced = if state.reduce_motion.get() { "reduced" } else { "full" };
        let _ = browser::document().document_element().map(|el| el.set_attribute("data-motion", reduced));
    });

    let hash_listener = window_event_listener(ev::hashchange, move |_| navigation::follow_fragment(&state));
    let key_listener = window_event_listener(ev::keydown, move |ev| on_global_key(&state, &ev));
    // A click's save waits a task; leaving the page must not lose it.
    let leave_listener = window_event_listener(ev::pagehide, move |_| state.settle());
    let scroll_end_listener = window_event_listener_untyped("scrollend", move |_| navigation::scroll_ended(&state));
    on_cleanup(move || {
        hash_listener.remove();
        key_listener.remove();
        leave_listener.remove();
        scroll_end_listener.remove();
    });

    // The observer needs the cards in the DOM: start it after the first frame.
    browser::next_frame(move || {
        let observer = browser::StepObserver::new(move |key| {
            if let Some(step) = Step::from_key(&key) {
                navigation::observed_step(&state, step);
            }
        });
        let resize = window_event_listener(ev::resize, move |_| observer.observe());
        std::mem::forget(resize);
    });

    let c = content();
    view! {
        <a class="skip-link" href="#points">"Skip to the 28 points"</a>
        <Masthead/>
        <div class="layout">
            <main id="main" class="column">
                <Notices/>
                <section class="narrative" aria-labelledby="story-heading">
                    <h2 id="story-heading" class="section-title">"What happened"</h2>
                    {c.story.iter().enumerate().map(|(i, step)| view! { <StoryStep index=i step=step/> }).collect_view()}
                </section>
                <section id="points" class="points" aria-labelledby="points-heading" tabindex="-1">
                    <h2 id="points-heading" class="section-title">"The 28 points"</h2>
                    <p class="points-intro">{c.points_intro}</p>
                    {c.points.iter().map(|p| view! { <PointCard point=p/> }).collect_view()}
                </section>
                <Summary/>
                <SharePanel/>
                <Classroom/>
                <Sources/>
            </main>
            <Graphic/>
        </div>
        <footer class="site-footer">
            <p>"Weigh the Plan runs entirely in your browser: your tags are stored on this device and travel only in links you choose to share."</p>
        </footer>
        <HelpDialog/>
    }
}

/// Page-wide shortcuts. Typing in a text field, or using modifier keys, is left alone.
fn on_global_key(state: &AppState, ev: &ev::KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() || typing_in_field(ev) {
        return;
    }
    match ev.key().as_str() {
        "?" => {
            ev.prevent_default();
            state.help_open.set(true);
        }
        "j" | "J" => {
            ev.prevent_default();
            navigation::next_point(state);
        }
        "k" | "K" => {
            ev.prevent_default();
            navigation::previous_point(state);
        }
        _ => {}
    }
}

fn typing_in_field(ev: &ev::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        el.tag_name() == "TEXTAREA" || (el.tag_name() == "INPUT" && el.get_attribute("type").as_deref() == Some("text"))
    })
}
