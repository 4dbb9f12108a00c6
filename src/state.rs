//! The app's reactive state, shared through context. One signal per point so
//! that tagging a point re-renders only that card and the tally.

use crate::browser;
use leptos::prelude::*;
use plan_core::share::{ShareError, Shared};
use plan_core::tally::{announcement, category_index, Tally, CATEGORIES};
use plan_core::{Tag, Tags, POINT_COUNT};

/// Where the reader is in the story (chosen by the step observer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Story(usize),
    Point(u8),
    End,
}

impl Step {
    pub fn from_key(key: &str) -> Option<Step> {
        if let Some(i) = key.strip_prefix("story-") {
            return i.parse().ok().map(Step::Story);
        }
        if let Some(n) = key.strip_prefix("point-") {
            return n.parse().ok().map(Step::Point);
        }
        (key == "end").then_some(Step::End)
    }

    /// The point this step is at or past (0 before the first point).
    pub fn point_reached(self) -> u8 {
        match self {
            Step::Story(_) => 0,
            Step::Point(n) => n,
            Step::End => POINT_COUNT as u8,
        }
    }
}

/// Someone else's tags, opened from a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedView {
    pub shared: Shared,
    pub compare: bool,
}

/// A notice about storage; shown once, in a status region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    Unavailable,
    SetAside { key: String },
}

/// What "Undo" restores, and the message that offers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    pub previous: Tags,
    pub message: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    own: [RwSignal<Option<Tag>>; POINT_COUNT],
    /// Kept in step with `own` by O(1) shifts, so a click does not re-read 28 signals.
    own_tally: StoredValue<Tally>,
    /// One signal per category (in `CATEGORIES`): a click changes two of
    /// them, so only those two counts are written to the page.
    own_counts: [RwSignal<usize>; 4],
    /// Bumped when many tags change at once (load, replace, undo): radios,
    /// which follow the reader's clicks by themselves, resync only then.
    pub bulk_change: RwSignal<u32>,
    pub shared: RwSignal<Option<SharedView>>,
    pub step: RwSignal<Step>,
    pub announcement: RwSignal<String>,
    pub storage_notice: RwSignal<Option<StorageNotice>>,
    pub link_error: RwSignal<Option<ShareError>>,
    pub undo: RwSignal<Option<Undo>>,
    pub reduce_motion: RwSignal<bool>,
    pub help_open: RwSignal<bool>,
    pub name: RwSignal<String>,
    /// Until this time (ms since epoch) a programmatic scroll is under way and
    /// the step observer must not override the step it is heading for.
    pub scroll_lock_until: StoredValue<f64>,
    /// The reader's own tags, updated just after each change has been painted.
    /// The slower views (summary, theme tables, share link) follow this, so a
    /// click updates only its card, its overview cell and the tally at once.
    settled: RwSignal<Tags>,
    settle_pending: StoredValue<bool>,
    settle_task: StoredValue<Option<browser::Task>, LocalStorage>,
    /// Spoken with the settle step: a polite live region loses nothing by waiting a task.
    pending_announcement: StoredValue<Option<(u8, Option<Tag>)>>,
    storage_ok: StoredValue<bool>,
}

impl AppState {
    pub fn new() -> Self {
        let own = std::array::from_fn(|_| RwSignal::new(None));
        let empty = Tally::of(&Tags::default());
        let state = AppState {
            own,
            own_tally: StoredValue::new(empty),
            own_counts: CATEGORIES.map(|c| RwSignal::new(empty.get(c))),
            bulk_change: RwSignal::new(0),
            shared: RwSignal::new(None),
            step: RwSignal::new(Step::Story(0)),
            announcement: RwSignal::new(String::new()),
            storage_notice: RwSignal::new(None),
            link_error: RwSignal::new(None),
            undo: RwSignal::new(None),
            reduce_motion: RwSignal::new(browser::prefers_reduced_motion()),
            help_open: RwSignal::new(false),
            name: RwSignal::new(browser::load_name()),
            scroll_lock_until: StoredValue::new(0.0),
            settled: RwSignal::new(Tags::default()),
            settle_pending: StoredValue::new(false),
            settle_task: StoredValue::new_local(None),
            pending_announcement: StoredValue::new(None),
            storage_ok: StoredValue::new(true),
        };
        state.settle_task.set_value(Some(browser::Task::new(move || state.settle())));
        match browser::load_tags() {
            browser::Loaded::Nothing => {}
            browser::Loaded::Tags(tags) => {
                state.write_own(&tags);
                state.settled.set(tags);
            }
            browser::Loaded::SetAside { key } => state.storage_notice.set(Some(StorageNotice::SetAside { key })),
            browser::Loaded::Unavailable => state.storage_failed(),
        }
        state
    }

    fn slot(&self, number: u8) -> Option<RwSignal<Option<Tag>>> {
        self.own.get(usize::from(number).checked_sub(1)?).copied()
    }

    /// The reader's own tag of one point (tracked).
    pub fn own_tag(&self, number: u8) -> Option<Tag> {
        self.slot(number).and_then(|s| s.get())
    }

    pub fn own_tags_untracked(&self) -> Tags {
        Tags::from_array(self.own.map(|s| s.get_untracked()))
    }

    /// What the page shows for a point: the sharer's tag in the shared view, else the reader's.
    pub fn shown_tag(&self, number: u8) -> Option<Tag> {
        let shared = self.shared.with(|s| s.as_ref().map(|v| v.shared.tags.get(number)));
        shared.unwrap_or_else(|| self.own_tag(number))
    }

    /// Like `shown_tag`, without subscribing to anything.
    pub fn shown_tag_untracked(&self, number: u8) -> Option<Tag> {
        let shared = self.shared.with_untracked(|s| s.as_ref().map(|v| v.shared.tags.get(number)));
        shared.unwrap_or_else(|| self.slot(number).and_then(|s| s.get_untracked()))
    }

    /// The tags the page shows: the sharer's, or the settled copy of the reader's own.
    pub fn shown_settled(&self) -> Tags {
        match self.shared.with(|s| s.as_ref().map(|v| v.shared.tags)) {
            Some(tags) => tags,
            None => self.settled.get(),
        }
    }

    /// The reader's own tags, settled copy (tracked).
    pub fn own_settled(&self) -> Tags {
        self.settled.get()
    }

    pub fn in_shared_view(&self) -> bool {
        self.shared.with(Option::is_some)
    }

    /// The reader tags (or clears) one point. Only the card, its overview cell
    /// and the tally change in this task; saving, the spoken sentence and the
    /// slower views follow in the next one (`settle`).
    pub fn set_tag(&self, number: u8, tag: Option<Tag>) {
        if self.in_shared_view() {
            return;
        }
        let Some(slot) = self.slot(number) else { return };
        let old = slot.get_untracked();
        if old == tag {
            return;
        }
        slot.set(tag);
        self.own_tally.update_value(|t| t.shift(old, tag));
        self.publish_count(old);
        self.publish_count(tag);
        self.pending_announcement.set_value(Some((number, tag)));
        self.schedule_settle();
    }

    /// Replaces all own tags, keeping the old ones for an undo.
    pub fn replace_all(&self, tags: Tags, message: String) {
        let previous = self.own_tags_untracked();
        self.write_own(&tags);
        self.persist(&tags);
        self.undo.set(Some(Undo { previous, message }));
    }

    pub fn undo(&self) {
        if let Some(undo) = self.undo.get_untracked() {
            self.write_own(&undo.previous);
            self.persist(&undo.previous);
            self.undo.set(None);
            self.announcement.set("Your previous tags are back.".into());
        }
    }

    fn write_own(&self, tags: &Tags) {
        for (slot, tag) in self.own.iter().zip(tags.as_array()) {
            if slot.get_untracked() != *tag {
                slot.set(*tag);
            }
        }
        self.own_tally.set_value(Tally::of(tags));
        for c in CATEGORIES {
            self.publish_count(c);
        }
        self.bulk_change.update(|n| *n += 1);
    }

    /// Copies one category's count from the tally to its signal, if it changed.
    fn publish_count(&self, category: Option<Tag>) {
        let count = self.own_tally.with_value(|t| t.get(category));
        let signal = self.own_counts[category_index(category)];
        if signal.get_untracked() != count {
            signal.set(count);
        }
    }

    /// How many points the page shows in one category: the sharer's, or the reader's own (tracked).
    pub fn shown_count(&self, category: Option<Tag>) -> usize {
        match self.shared.with(|s| s.as_ref().map(|v| Tally::of(&v.shared.tags).get(category))) {
            Some(count) => count,
            None => self.own_counts[category_index(category)].get(),
        }
    }

    /// Saves at once, then lets the slower views catch up after the paint.
    fn persist(&self, tags: &Tags) {
        self.save(tags);
        self.schedule_settle();
    }

    fn save(&self, tags: &Tags) {
        if self.storage_ok.get_value() && !browser::save_tags(tags) {
            self.storage_failed();
        }
    }

    fn schedule_settle(&self) {
        if self.settle_pending.get_value() {
            return;
        }
        self.settle_pending.set_value(true);
        self.settle_task.with_value(|task| task.as_ref().map(browser::Task::schedule));
    }

    /// Saves a pending click and brings the slower views up to date. Runs in
    /// the task after a click, or at once when the page is being left.
    pub fn settle(&self) {
        if !self.settle_pending.get_value() {
            return;
        }
        self.settle_pending.set_value(false);
        let tags = self.own_tags_untracked();
        if let Some((number, tag)) = self.pending_announcement.try_update_value(Option::take).flatten() {
            self.save(&tags);
            self.announcement.set(announcement(number, tag, &self.own_tally.get_value()));
        }
        self.settled.set(tags);
    }

    /// From now on, work in memory only and say so once.
    fn storage_failed(&self) {
        self.storage_ok.set_value(false);
        self.storage_notice.set(Some(StorageNotice::Unavailable));
    }

    pub fn set_name(&self, name: String) {
        if self.storage_ok.get_value() {
            browser::save_name(&name);
        }
        self.name.set(name);
    }

    /// The link that carries the reader's own tags (tracked).
    pub fn share_link(&self) -> String {
        let tags = self.own_settled();
        let name = self.name.get();
        link_for(&tags, &name)
    }

    /// The link for the tags as they are this instant (for Copy and Share,
    /// which must never lag behind the last click).
    pub fn share_link_now(&self) -> String {
        link_for(&self.own_tags_untracked(), &self.name.get_untracked())
    }
}

fn link_for(tags: &Tags, name: &str) -> String {
    format!("{}#{}", browser::base_url(), plan_core::share::fragment(tags, Some(name), None))
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
