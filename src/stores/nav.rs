//! Where the reader is: which view shows, the active step, and what the
//! router last followed or wrote.

use crate::browser;
use leptos::prelude::*;
use plan_core::class::ClassCounts;
use plan_core::step::Step;

/// Which view the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Story,
    /// A teacher gathers students' links (`#class`).
    Class,
    /// A class's result opened from a link (`#result=…`), read-only.
    ClassResult,
}

impl Page {
    /// Its name on `<html data-page>`, the stylesheet's hook for what is hidden.
    pub fn id(self) -> &'static str {
        match self {
            Page::Story => "story",
            Page::Class => "class",
            Page::ClassResult => "class-result",
        }
    }
}

/// A class result opened from a link: counts and class label.
pub type ClassResult = (ClassCounts, Option<String>);

#[derive(Clone, Copy)]
pub struct Nav {
    page: RwSignal<Page>,
    step: RwSignal<Step>,
    class_result: RwSignal<Option<ClassResult>>,
    /// Until this time (ms since epoch) a programmatic scroll is under way and
    /// the step observer must not override the step it is heading for.
    scroll_lock_until: StoredValue<f64>,
    /// Counts the times a jump's hold on the step was lifted; the observer
    /// then reports afresh (what it saw during the hold was not acted on).
    hold_lifted: RwSignal<u32>,
    /// The fragment the router last followed or wrote. Another one in the
    /// address bar means a link arrived whose `hashchange` has not been
    /// handled yet: the fragment must then be followed, never written over.
    known_fragment: StoredValue<String>,
    /// False until the reader's own state has been applied.
    started: RwSignal<bool>,
}

impl Nav {
    pub fn new() -> Self {
        Nav {
            page: RwSignal::new(Page::Story),
            step: RwSignal::new(Step::Story(0)),
            class_result: RwSignal::new(None),
            scroll_lock_until: StoredValue::new(0.0),
            hold_lifted: RwSignal::new(0),
            known_fragment: StoredValue::new(String::new()),
            started: RwSignal::new(false),
        }
    }

    pub fn page(&self) -> Page {
        self.page.get()
    }

    pub fn page_untracked(&self) -> Page {
        self.page.get_untracked()
    }

    /// Shows another view, from its top.
    pub fn show_page(&self, page: Page) {
        if self.page.get_untracked() != page {
            self.page.set(page);
            browser::scroll_to_top();
        }
    }

    pub fn step(&self) -> Step {
        self.step.get()
    }

    pub fn step_untracked(&self) -> Step {
        self.step.get_untracked()
    }

    /// Moves the active step (a jump, a followed link).
    pub fn set_step(&self, step: Step) {
        self.step.set(step);
    }

    /// The observer's report of the most-in-view step, unless a jump is under way.
    pub fn observed_step(&self, step: Step) {
        if browser::now() < self.scroll_lock_until.get_value() {
            return;
        }
        if self.step.get_untracked() != step {
            self.step.set(step);
        }
    }

    /// A jump starts: cards passed on the way must not become the step. The
    /// hold ends when the scroll comes to rest, or after `ms` if it never says so.
    pub fn lock_steps_for(&self, ms: f64) {
        self.scroll_lock_until.set_value(browser::now() + ms);
        let me = *self;
        set_timeout(
            move || {
                let until = me.scroll_lock_until.get_value();
                if until > 0.0 && browser::now() >= until {
                    me.unlock_steps();
                }
            },
            std::time::Duration::from_millis(ms as u64 + 20),
        );
    }

    /// A scroll came to rest: the observer may speak again, about where the
    /// page is now (the reader may have scrolled on during the jump).
    pub fn unlock_steps(&self) {
        if self.scroll_lock_until.get_value() > 0.0 {
            self.scroll_lock_until.set_value(0.0);
            self.hold_lifted.update(|n| *n = n.wrapping_add(1));
        }
    }

    /// Tracks the lifting of a jump's hold (see `hold_lifted`).
    pub fn track_hold_lifted(&self) {
        self.hold_lifted.track();
    }

    pub fn known_fragment(&self) -> String {
        self.known_fragment.get_value()
    }

    pub fn remember_fragment(&self, fragment: String) {
        self.known_fragment.set_value(fragment);
    }

    pub fn class_result(&self) -> Option<ClassResult> {
        self.class_result.get()
    }

    pub fn show_class_result(&self, result: ClassResult) {
        self.class_result.set(Some(result));
        self.show_page(Page::ClassResult);
    }

    pub fn started(&self) -> bool {
        self.started.get()
    }

    pub fn mark_started(&self) {
        self.started.set(true);
    }
}

impl Default for Nav {
    fn default() -> Self {
        Self::new()
    }
}
