//! Someone else's tags, opened from a share link: shown instead of the
//! reader's own until the reader goes back (or makes them their own).

use leptos::prelude::*;
use plan_core::reasons::{Reasons, ReasonsUnreadable};
use plan_core::share::Shared;
use plan_core::{Tag, Tags};

#[derive(Clone, Debug, PartialEq, Eq)]
struct Opened {
    shared: Shared,
    /// The sharer's reasons, or why the link's reasons part could not be read.
    reasons: Result<Reasons, ReasonsUnreadable>,
    compare: bool,
}

#[derive(Clone, Copy)]
pub struct SharedView {
    view: RwSignal<Option<Opened>>,
}

impl SharedView {
    pub fn new() -> Self {
        SharedView { view: RwSignal::new(None) }
    }

    /// Opens a shared link (compare mode off) with its reasons, or why they could not be read.
    pub fn open(&self, shared: Shared, reasons: Result<Reasons, ReasonsUnreadable>) {
        self.view.set(Some(Opened { shared, reasons, compare: false }));
    }

    /// The sharer's reason for point `number`, while the view is open (tracked).
    pub fn reason(&self, number: u8) -> Option<String> {
        self.view.with(|v| v.as_ref()?.reasons.as_ref().ok()?.get(number).map(str::to_owned))
    }

    /// Why the link's reasons could not be read, if they could not (tracked).
    pub fn reasons_unreadable(&self) -> Option<ReasonsUnreadable> {
        self.view.with(|v| v.as_ref()?.reasons.as_ref().err().copied())
    }

    pub fn close(&self) {
        if self.view.with_untracked(Option::is_some) {
            self.view.set(None);
        }
    }

    /// Closes the view and hands over what it showed ("Make these mine").
    pub fn take(&self) -> Option<Shared> {
        let taken = self.view.try_update(Option::take).flatten();
        taken.map(|o| o.shared)
    }

    pub fn is_open(&self) -> bool {
        self.view.with(Option::is_some)
    }

    pub fn is_open_untracked(&self) -> bool {
        self.view.with_untracked(Option::is_some)
    }

    pub fn toggle_compare(&self) {
        self.view.update(|v| {
            if let Some(v) = v {
                v.compare = !v.compare;
            }
        });
    }

    pub fn comparing(&self) -> bool {
        self.view.with(|v| v.as_ref().is_some_and(|v| v.compare))
    }

    /// The shared tags, while the view is open (tracked).
    pub fn tags(&self) -> Option<Tags> {
        self.view.with(|v| v.as_ref().map(|v| v.shared.tags))
    }

    /// The shared tag of one point, while the view is open (tracked).
    pub fn tag(&self, number: u8) -> Option<Option<Tag>> {
        self.view.with(|v| v.as_ref().map(|v| v.shared.tags.get(number)))
    }

    pub fn tag_untracked(&self, number: u8) -> Option<Option<Tag>> {
        self.view.with_untracked(|v| v.as_ref().map(|v| v.shared.tags.get(number)))
    }

    /// The sharer's name, if the link carries one (tracked).
    pub fn name(&self) -> Option<String> {
        self.view.with(|v| v.as_ref().and_then(|v| v.shared.name.clone()))
    }

    /// Subscribes to any change of the view (the radios re-read their tag).
    pub fn track(&self) {
        self.view.track();
    }
}

impl Default for SharedView {
    fn default() -> Self {
        Self::new()
    }
}
