//! The page: layout, keyboard shortcuts, and starting the reader's state.

use crate::browser;
use crate::components::{
    class_host::ClassHost, class_teaser::ClassTeaser, graphic::Graphic, help_dialog::HelpDialog, masthead::Masthead,
    notices::Notices, point_card::PointCard, share_panel::SharePanel, sources::Sources, story_step::StoryStep,
    summary::Summary,
};
use crate::navigation;
use crate::state::{AppState, Page, Step};
use leptos::ev;
use leptos::prelude::*;
use plan_core::content;
use plan_core::ui::ui;
use plan_core::words::{summary_heading, with_point_count, Whose};
use std::time::Duration;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    // Runs once, after the first render: the page everyone gets is on
    // screen, and now this reader's own state is applied to it.
    Effect::new(move |started: Option<()>| {
        if started.is_none() {
            untrack(|| start(state));
        }
    });

    let c = content();
    let u = ui();
    let story_hidden = move || state.page.get() != Page::Story;
    let summary_tags = Signal::derive(move || state.shown_settled());
    let summary_title = Signal::derive(move || {
        let name = state.sharer_name();
        summary_heading(if state.in_shared_view() { Whose::Shared(name.as_deref()) } else { Whose::Own })
    });
    view! {
        // The href serves readers without scripts; with them, the click is
        // handled in place. Outside the story there are no points to skip to.
        <a
            class="skip-link"
            href="#points"
            hidden=story_hidden
            on:click=move |ev| {
                ev.prevent_default();
                browser::skip_to("points");
            }
        >
            {with_point_count(u.skip_link)}
        </a>
        <Masthead/>
        <div class="layout" hidden=story_hidden>
            <main id="main" class="column">
                <Notices/>
                <section class="narrative" aria-labelledby="story-heading">
                    <h2 id="story-heading" class="section-title">{u.story_heading}</h2>
                    {c.story.iter().enumerate().map(|(i, step)| view! { <StoryStep index=i step=step/> }).collect_view()}
                </section>
                <section id="points" class="points" aria-labelledby="points-heading" tabindex="-1">
                    <h2 id="points-heading" class="section-title">{with_point_count(u.points_heading)}</h2>
                    <p class="points-intro">{c.points_intro}</p>
                    <p class="neutral-definition">{c.neutral_definition}</p>
                    <label class="switch">
                        <input
                            type="checkbox"
                            role="switch"
                            prop:checked=move || state.full_draft_everywhere.get()
                            on:change=move |ev| state.full_draft_everywhere.set(event_target_checked(&ev))
                        />
                        {u.show_full_draft}
                    </label>
                    {c.points.iter().map(|p| view! { <PointCard point=p/> }).collect_view()}
                </section>
                <Summary tags=summary_tags heading=summary_title/>
                <SharePanel/>
                <ClassTeaser/>
                <Sources/>
            </main>
            <Graphic/>
        </div>
        <ClassHost/>
        <footer class="site-footer">
            <p>{u.footer}</p>
        </footer>
        <HelpDialog/>
    }
}

/// Applies the reader's own state and starts listening: saved tags and name,
/// the link's fragment, other tabs, the system's motion setting, keys.
fn start(state: AppState) {
    state.load_reader_state();
    navigation::follow_fragment(&state);

    Effect::new(move |_| navigation::sync_fragment(&state));
    Effect::new(move |_| {
        browser::set_root_attribute("data-motion", if state.reduce_motion() { "reduced" } else { "full" })
    });

    // Listeners live as long as the page: their handles are not kept.
    window_event_listener(ev::hashchange, move |_| navigation::fragment_changed(&state));
    window_event_listener(ev::keydown, move |ev| on_global_key(&state, &ev));
    // A click's save waits a task; leaving the page must not lose it.
    window_event_listener(ev::pagehide, move |_| state.settle());
    window_event_listener_untyped("scrollend", move |_| navigation::scroll_ended(&state));
    browser::on_other_tab(move |change| match change {
        browser::OtherTab::Tags(tags) => state.other_tab_saved(tags),
        browser::OtherTab::Name(name) => state.name.set(name),
        browser::OtherTab::Class(class) => state.joined_class.set(class),
    });
    browser::watch_reduced_motion(move |reduced| state.system_reduced_motion.set(reduced));

    // The observer needs the cards laid out: start it on the next frame.
    request_animation_frame(move || {
        let observer = browser::StepObserver::new(move |key| {
            if let Some(step) = Step::from_key(&key) {
                navigation::observed_step(&state, step);
            }
        });
        // `debounce` gives an FnMut; the listener wants an Fn.
        let rebuild = std::cell::RefCell::new(debounce(Duration::from_millis(150), move |()| observer.observe()));
        window_event_listener(ev::resize, move |_| (rebuild.borrow_mut())(()));
    });

    browser::register_service_worker(move || state.update_ready.set(true));
    if browser::is_embedded() {
        browser::post_height_to_parent();
    }

    state.started.set(true);
    browser::set_root_attribute("data-app", "ready");
}

/// Page-wide shortcuts. Typing in a text field, or using modifier keys, is left alone.
fn on_global_key(state: &AppState, ev: &ev::KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() || browser::typing_in_field(ev) {
        return;
    }
    if state.page.get_untracked() != Page::Story && ev.key() != "?" {
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
