//! What the page has to tell the reader: storage problems, a link it could
//! not follow, a newer version, a class joined, parts rebuilt after the page
//! was changed before it started.

use leptos::prelude::*;
use plan_core::class_link::ClassLinkError;
use plan_core::share::ShareError;
use plan_core::ui;

/// A notice about storage; shown once, in a status region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage was refused when the page opened: nothing could be read.
    Unavailable,
    SetAside {
        key: String,
    },
    /// The latest change could not be saved; the page tries again with the next one.
    SaveFailed,
}

/// A link the page could not follow; the reader's own tags are shown instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    Share(ShareError),
    ClassResult(ClassLinkError),
    /// A fragment that is no route and no element of the page: cut or garbled on the way.
    Unrecognized,
    /// A `#join=` address whose class label is empty or undecodable.
    BadClassLabel,
}

impl LinkProblem {
    pub fn message(self) -> &'static str {
        match self {
            LinkProblem::Share(e) => e.message(),
            LinkProblem::ClassResult(e) => e.message(),
            LinkProblem::Unrecognized => ui::link_unrecognized(),
            LinkProblem::BadClassLabel => ui::link_bad_class(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Notices {
    storage: RwSignal<Option<StorageNotice>>,
    link: RwSignal<Option<LinkProblem>>,
    update_ready: RwSignal<bool>,
    joined: RwSignal<bool>,
    /// How many parts of the page were rebuilt instead of taken over.
    rebuilt: RwSignal<usize>,
}

impl Notices {
    pub fn new() -> Self {
        Notices {
            storage: RwSignal::new(None),
            link: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            joined: RwSignal::new(false),
            rebuilt: RwSignal::new(0),
        }
    }

    pub fn storage(&self) -> Option<StorageNotice> {
        self.storage.get()
    }

    pub fn set_storage(&self, notice: StorageNotice) {
        if self.storage.with_untracked(|n| n.as_ref() != Some(&notice)) {
            self.storage.set(Some(notice));
        }
    }

    /// A save worked again: a notice about a failed one no longer holds.
    pub fn saved_again(&self) {
        if self.storage.with_untracked(|n| n == &Some(StorageNotice::SaveFailed)) {
            self.storage.set(None);
        }
    }

    pub fn dismiss_storage(&self) {
        self.storage.set(None);
    }

    pub fn link_problem(&self) -> Option<LinkProblem> {
        self.link.get()
    }

    pub fn has_link_problem_untracked(&self) -> bool {
        self.link.with_untracked(Option::is_some)
    }

    pub fn report_link(&self, problem: LinkProblem) {
        self.link.set(Some(problem));
    }

    pub fn clear_link(&self) {
        if self.link.with_untracked(Option::is_some) {
            self.link.set(None);
        }
    }

    pub fn update_ready(&self) -> bool {
        self.update_ready.get()
    }

    pub fn offer_update(&self) {
        self.update_ready.set(true);
    }

    pub fn dismiss_update(&self) {
        self.update_ready.set(false);
    }

    pub fn joined_shown(&self) -> bool {
        self.joined.get()
    }

    pub fn show_joined(&self, shown: bool) {
        self.joined.set(shown);
    }

    pub fn rebuilt(&self) -> usize {
        self.rebuilt.get()
    }

    pub fn mark_rebuilt(&self, parts: usize) {
        self.rebuilt.set(parts);
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}
