//! The app's reactive state, shared through context. One signal per point so
//! that tagging a point re-renders only what shows that point and the tally.
//!
//! The state starts empty, the same for every reader, and the reader's own
//! state (saved tags, name, the link's fragment) is applied by `start` once
//! the page is on screen: so a prerendered page and the first render agree.

use crate::browser;
use leptos::prelude::*;
use plan_core::class::ClassCounts;
use plan_core::class_link::ClassLinkError;
use plan_core::share::{self, ShareError, Shared};
use plan_core::tags::merge;
use plan_core::tally::{category_index, Tally, CATEGORIES};
use plan_core::ui::ui;
use plan_core::words;
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

/// Which view the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Story,
    /// A teacher gathers students' links (`#class`).
    Class,
    /// A class's result opened from a link (`#result=…`), read-only.
    ClassResult,
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
            LinkProblem::Unrecognized => ui().link_unrecognized,
            LinkProblem::BadClassLabel => ui().link_bad_class,
        }
    }
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
    /// Per point: notified whenever its tag changes other than by a click on
    /// its own radio (keys, Clear, undo, another tab, a shared view), so its
    /// radios re-read the tag. A click leaves them alone: the browser has
    /// already checked the radio, and the click path stays short.
    resync: [Trigger; POINT_COUNT],
    /// Kept in step with `own` by O(1) shifts, so a click does not re-read every point.
    own_tally: StoredValue<Tally>,
    /// One signal per category (in `CATEGORIES`): a click changes two of
    /// them, so only those two counts are written to the page.
    own_counts: [RwSignal<usize>; 4],
    pub page: RwSignal<Page>,
    pub shared: RwSignal<Option<SharedView>>,
    /// A class result opened from a link: counts and class label.
    pub class_result: RwSignal<Option<(ClassCounts, Option<String>)>>,
    /// The class label this reader's share links carry (from a teacher's `#join=` address).
    pub joined_class: RwSignal<Option<String>>,
    /// Said once after a `#join=` address: the label the links now carry.
    pub joined_notice: RwSignal<bool>,
    pub step: RwSignal<Step>,
    pub announcement: RwSignal<String>,
    pub storage_notice: RwSignal<Option<StorageNotice>>,
    pub link_problem: RwSignal<Option<LinkProblem>>,
    pub undo: RwSignal<Option<Undo>>,
    /// The reader's own choice of motion (None: follow the system setting).
    motion_choice: RwSignal<Option<bool>>,
    /// The system's `prefers-reduced-motion`, followed live.
    pub system_reduced_motion: RwSignal<bool>,
    pub help_open: RwSignal<bool>,
    /// "Show the full draft on every card".
    pub full_draft_everywhere: RwSignal<bool>,
    pub name: RwSignal<String>,
    /// A newer version of the page is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// False until `start` has applied the reader's own state.
    pub started: RwSignal<bool>,
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
    /// What this tab last read from or wrote to storage: the base of the
    /// three-way merge with another tab's saves.
    synced: StoredValue<Tags>,
    storage_ok: StoredValue<bool>,
}

impl AppState {
    /// The state every reader starts from: nothing tagged, no link, the top of the story.
    pub fn new() -> Self {
        let empty = Tally::of(&Tags::default());
        AppState {
            own: std::array::from_fn(|_| RwSignal::new(None)),
            resync: std::array::from_fn(|_| Trigger::new()),
            own_tally: StoredValue::new(empty),
            own_counts: CATEGORIES.map(|c| RwSignal::new(empty.get(c))),
            page: RwSignal::new(Page::Story),
            shared: RwSignal::new(None),
            class_result: RwSignal::new(None),
            joined_class: RwSignal::new(None),
            joined_notice: RwSignal::new(false),
            step: RwSignal::new(Step::Story(0)),
            announcement: RwSignal::new(String::new()),
            storage_notice: RwSignal::new(None),
            link_problem: RwSignal::new(None),
            undo: RwSignal::new(None),
            motion_choice: RwSignal::new(None),
            system_reduced_motion: RwSignal::new(false),
            help_open: RwSignal::new(false),
            full_draft_everywhere: RwSignal::new(false),
            name: RwSignal::new(String::new()),
            started: RwSignal::new(false),
            update_ready: RwSignal::new(false),
            scroll_lock_until: StoredValue::new(0.0),
            settled: RwSignal::new(Tags::default()),
            settle_pending: StoredValue::new(false),
            settle_task: StoredValue::new_local(None),
            pending_announcement: StoredValue::new(None),
            synced: StoredValue::new(Tags::default()),
            storage_ok: StoredValue::new(true),
        }
    }

    /// Applies what this reader brings: saved tags and name, and the system's motion setting.
    /// In the browser only, after the first render (the prerendered page has none of it).
    pub fn load_reader_state(&self) {
        let state = *self;
        self.settle_task.set_value(Some(browser::Task::new(move || state.settle())));
        self.system_reduced_motion.set(browser::prefers_reduced_motion());
        self.name.set(browser::load_name());
        self.joined_class.set(browser::load_text(browser::JOINED_CLASS_KEY).as_deref().and_then(share::clean_class));
        match browser::load_tags() {
            browser::Loaded::Nothing => {}
            browser::Loaded::Tags(tags) => {
                self.synced.set_value(tags);
                self.write_own(&tags);
                self.settled.set(tags);
            }
            browser::Loaded::SetAside { key } => self.storage_notice.set(Some(StorageNotice::SetAside { key })),
            browser::Loaded::Unavailable => self.storage_failed(),
        }
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

    /// What a point's radios must show. Subscribes only to changes that did
    /// not come from a click on those radios (see `resync`).
    pub fn radio_tag(&self, number: u8) -> Option<Tag> {
        if let Some(trigger) = self.resync.get(usize::from(number).wrapping_sub(1)) {
            trigger.track();
        }
        self.shared.track();
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

    /// The sharer's name, if the shared view shows a named link (tracked).
    pub fn sharer_name(&self) -> Option<String> {
        self.shared.with(|s| s.as_ref().and_then(|v| v.shared.name.clone()))
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

    /// A click on a point's radio: the browser has checked it already.
    pub fn tag_from_radio(&self, number: u8, tag: Tag) {
        self.change_tag(number, Some(tag));
    }

    /// Any other change of one point's tag (keys, Clear): its radios follow.
    pub fn set_tag(&self, number: u8, tag: Option<Tag>) {
        if self.change_tag(number, tag) {
            self.resync_point(number);
        }
    }

    fn resync_point(&self, number: u8) {
        if let Some(trigger) = self.resync.get(usize::from(number).wrapping_sub(1)) {
            trigger.notify();
        }
    }

    /// Only the point's signal and two counts change in this task; saving,
    /// the spoken sentence and the slower views follow in the next one (`settle`).
    fn change_tag(&self, number: u8, tag: Option<Tag>) -> bool {
        if self.in_shared_view() {
            return false;
        }
        let Some(slot) = self.slot(number) else { return false };
        let old = slot.get_untracked();
        if old == tag {
            return false;
        }
        slot.set(tag);
        // An undo offered before this change would now throw it away.
        if self.undo.with_untracked(Option::is_some) {
            self.undo.set(None);
        }
        self.own_tally.update_value(|t| t.shift(old, tag));
        self.publish_count(old);
        self.publish_count(tag);
        self.pending_announcement.set_value(Some((number, tag)));
        self.schedule_settle();
        true
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
            self.announcement.set(ui().announce_undone.into());
        }
    }

    /// Sets every point that differs, and resyncs exactly those radios.
    fn write_own(&self, tags: &Tags) {
        for ((n, slot), tag) in (1u8..).zip(self.own.iter()).zip(tags.as_array()) {
            if slot.get_untracked() != *tag {
                slot.set(*tag);
                self.resync_point(n);
            }
        }
        self.own_tally.set_value(Tally::of(tags));
        for c in CATEGORIES {
            self.publish_count(c);
        }
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

    /// Writes the tags, unless another tab saved since this one last looked:
    /// then its changes are merged in first, so nothing newer is overwritten.
    fn save(&self, tags: &Tags) {
        if !self.storage_ok.get_value() {
            return;
        }
        let mut tags = *tags;
        if let browser::Loaded::Tags(stored) = browser::load_tags_quietly() {
            if stored != self.synced.get_value() {
                tags = self.take_in(stored);
            }
        }
        if browser::save_tags(&tags) {
            self.synced.set_value(tags);
        } else {
            self.storage_failed();
        }
    }

    /// Another tab saved `theirs`: take in the points it changed, keep this
    /// tab's other points, and return the merged tags (now shown).
    fn take_in(&self, theirs: Tags) -> Tags {
        let mine = self.own_tags_untracked();
        let merged = merge(&self.synced.get_value(), &mine, &theirs);
        self.synced.set_value(theirs);
        if merged != mine {
            self.write_own(&merged);
            self.schedule_settle();
        }
        merged
    }

    /// The `storage` event: another tab saved. Its newer tags are taken in,
    /// and this tab saves the merge only if it holds changes of its own.
    pub fn other_tab_saved(&self, tags: Tags) {
        if tags == self.synced.get_value() {
            return;
        }
        let before = self.own_tags_untracked();
        let merged = self.take_in(tags);
        if merged != tags {
            self.save(&merged);
        }
        if merged != before {
            self.announcement.set(words::other_tab_announcement(&Tally::of(&merged)));
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
            let tags = self.own_tags_untracked();
            self.announcement.set(words::announcement(number, tag, &Tally::of(&tags)));
        }
        self.settled.set(self.own_tags_untracked());
    }

    /// From now on, work in memory only and say so once.
    fn storage_failed(&self) {
        self.storage_ok.set_value(false);
        self.storage_notice.set(Some(StorageNotice::Unavailable));
    }

    /// The name typed for share links, cut to what a link carries (in characters).
    pub fn set_name(&self, typed: &str) {
        let name: String = typed.chars().take(share::MAX_NAME_CHARS).collect();
        if self.storage_ok.get_value() {
            browser::save_name(&name);
        }
        self.name.set(name);
    }

    /// A teacher's `#join=` address: from now on this reader's links carry the label.
    pub fn join_class(&self, label: Option<String>) {
        match label {
            Some(label) => {
                browser::save_text(browser::JOINED_CLASS_KEY, &label);
                self.joined_class.set(Some(label));
                self.joined_notice.set(true);
            }
            None => self.link_problem.set(Some(LinkProblem::BadClassLabel)),
        }
    }

    pub fn leave_class(&self) {
        browser::save_text(browser::JOINED_CLASS_KEY, "");
        self.joined_class.set(None);
        self.joined_notice.set(false);
    }

    /// The link that carries the reader's own tags (tracked).
    pub fn share_link(&self) -> String {
        let tags = self.own_settled();
        let (name, class) = (self.name.get(), self.joined_class.get());
        link_for(&tags, &name, class.as_deref())
    }

    /// The link for the tags as they are this instant (for Copy and Share,
    /// which must never lag behind the last click).
    pub fn share_link_now(&self) -> String {
        let class = self.joined_class.get_untracked();
        link_for(&self.own_tags_untracked(), &self.name.get_untracked(), class.as_deref())
    }
}

fn link_for(tags: &Tags, name: &str, class: Option<&str>) -> String {
    format!("{}#{}", browser::base_url(), share::fragment(tags, Some(name), class))
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
