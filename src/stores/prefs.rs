//! How the reader wants the page: motion, every card's fuller wording open,
//! the keyboard help, the phone bar's details.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Prefs {
    /// The reader's own choice of motion (None: follow the system setting).
    motion_choice: RwSignal<Option<bool>>,
    /// The system's `prefers-reduced-motion`, followed live.
    system_reduced_motion: RwSignal<bool>,
    /// "Show the fuller wording on every card".
    full_draft_everywhere: RwSignal<bool>,
    help_open: RwSignal<bool>,
    /// The phone's bottom bar: its details (overview, speakers) open.
    details_open: RwSignal<bool>,
}

impl Prefs {
    pub fn new() -> Self {
        Prefs {
            motion_choice: RwSignal::new(None),
            system_reduced_motion: RwSignal::new(false),
            full_draft_everywhere: RwSignal::new(false),
            help_open: RwSignal::new(false),
            details_open: RwSignal::new(false),
        }
    }

    pub fn reduce_motion(&self) -> bool {
        self.motion_choice.get().unwrap_or_else(|| self.system_reduced_motion.get())
    }

    pub fn reduce_motion_untracked(&self) -> bool {
        self.motion_choice.get_untracked().unwrap_or_else(|| self.system_reduced_motion.get_untracked())
    }

    /// The "Reduce motion" toggle: from now on the reader's choice, not the system's, decides.
    pub fn toggle_motion(&self) {
        let reduced = self.reduce_motion_untracked();
        self.motion_choice.set(Some(!reduced));
    }

    /// The system's setting changed (or was read at start).
    pub fn follow_system_motion(&self, reduced: bool) {
        self.system_reduced_motion.set(reduced);
    }

    pub fn full_draft_everywhere(&self) -> bool {
        self.full_draft_everywhere.get()
    }

    pub fn set_full_draft_everywhere(&self, open: bool) {
        self.full_draft_everywhere.set(open);
    }

    pub fn help_open(&self) -> bool {
        self.help_open.get()
    }

    pub fn open_help(&self) {
        self.help_open.set(true);
    }

    pub fn close_help(&self) {
        self.help_open.set(false);
    }

    pub fn details_open(&self) -> bool {
        self.details_open.get()
    }

    pub fn toggle_details(&self) {
        self.details_open.update(|o| *o = !*o);
    }

    pub fn close_details(&self) {
        self.details_open.set(false);
    }
}

impl Default for Prefs {
    fn default() -> Self {
        Self::new()
    }
}
