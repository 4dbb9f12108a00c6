//! The reader's own tags and the reasons given with them: one signal per
//! point (a click re-renders only what shows that point and the tally), the
//! tally's counts, saving with the two-tab merge, undo, and the sentence a
//! screen reader hears.
//!
//! A click changes its point's signal and two counts at once; saving, the
//! spoken sentence and the slower views (summary, theme tables, share link)
//! follow one task later (`settle`), so the click path stays short.

use super::notices::{Notices, StorageNotice};
use super::shared::SharedView;
use leptos::prelude::*;
use plan_core::reader::{self as saved, Change, LoadProblem, Millis, SaveStatus, Store, TimedTags, Undo};
use plan_core::reasons::{ReasonRefused, Reasons};
use plan_core::tally::{category_index, Tally, CATEGORIES};
use plan_core::ui;
use plan_core::words;
use plan_core::{Tag, Tags, POINT_COUNT};

#[derive(Clone, Copy)]
pub struct Reader {
    own: [RwSignal<Option<Tag>>; POINT_COUNT],
    /// The reason given with each point's tag (the "Why?" field's saved text).
    reason: [RwSignal<Option<String>>; POINT_COUNT],
    /// Per point: notified whenever its tag changes other than by a click on
    /// its own radio (keys, Clear, undo, another tab, a shared view), so its
    /// radios re-read the tag. A click leaves them alone: the browser has
    /// already checked the radio.
    resync: [Trigger; POINT_COUNT],
    /// Before the app has started, a choice the reader made on the
    /// prerendered radios (kept by the boot script): what those radios show
    /// while the app hydrates, so hydration never unchecks them.
    early: StoredValue<[Option<Option<Tag>>; POINT_COUNT]>,
    /// False until the app has adopted the choices made before it started:
    /// until then the boot script, not the app, keeps every click.
    accepting: StoredValue<bool>,
    /// Kept in step with `own` by O(1) shifts, so a click does not re-read every point.
    tally: StoredValue<Tally>,
    /// One signal per category (in `CATEGORIES`): a click changes two of them.
    counts: [RwSignal<usize>; 4],
    /// The reader's tags, updated just after each change has been painted:
    /// what the slower views follow.
    settled: RwSignal<Tags>,
    /// Notified when the settled reasons change (the link follows them).
    reasons_settled: Trigger,
    /// The reasons as of the last settle step.
    settled_reasons: StoredValue<Vec<(u8, String)>>,
    settle_pending: StoredValue<bool>,
    /// A change (a click, a reason) waits for the settle step to be saved.
    save_pending: StoredValue<bool>,
    /// Runs `settle` in a task of its own (the browser's; none in native tests).
    scheduler: StoredValue<Option<Box<dyn Fn()>>, LocalStorage>,
    /// Spoken with the settle step: a polite live region loses nothing by waiting a task.
    pending_announcement: StoredValue<Option<u8>>,
    announcement: RwSignal<String>,
    /// The reader's tags with each point's change time: what a save merges
    /// point by point with what other tabs saved (the later change wins).
    timed: StoredValue<TimedTags>,
    /// The time a change is stamped with (the browser's clock; a counter in native tests).
    clock: StoredValue<Box<dyn Fn() -> Millis>, LocalStorage>,
    save_status: RwSignal<SaveStatus>,
    store: StoredValue<Box<dyn Store>, LocalStorage>,
    undo: RwSignal<Option<Undo>>,
    shared: SharedView,
    notices: Notices,
}

impl Reader {
    /// Nothing tagged: the state every reader starts from.
    pub fn new(shared: SharedView, notices: Notices, store: Box<dyn Store>) -> Self {
        let empty = Tally::of(&Tags::default());
        Reader {
            own: std::array::from_fn(|_| RwSignal::new(None)),
            reason: std::array::from_fn(|_| RwSignal::new(None)),
            resync: std::array::from_fn(|_| Trigger::new()),
            early: StoredValue::new([None; POINT_COUNT]),
            accepting: StoredValue::new(false),
            tally: StoredValue::new(empty),
            counts: CATEGORIES.map(|c| RwSignal::new(empty.get(c))),
            settled: RwSignal::new(Tags::default()),
            reasons_settled: Trigger::new(),
            settled_reasons: StoredValue::new(Vec::new()),
            settle_pending: StoredValue::new(false),
            save_pending: StoredValue::new(false),
            scheduler: StoredValue::new_local(None),
            pending_announcement: StoredValue::new(None),
            announcement: RwSignal::new(String::new()),
            timed: StoredValue::new(TimedTags::default()),
            clock: StoredValue::new_local(Box::new(counter())),
            save_status: RwSignal::new(SaveStatus::Saved),
            store: StoredValue::new_local(store),
            undo: RwSignal::new(None),
            shared,
            notices,
        }
    }

    /// How `settle` gets its own task (the browser's `setTimeout`).
    pub fn set_scheduler(&self, schedule: impl Fn() + 'static) {
        self.scheduler.set_value(Some(Box::new(schedule)));
    }

    /// Where change times come from (the browser's `Date.now`).
    pub fn set_clock(&self, clock: impl Fn() -> Millis + 'static) {
        self.clock.set_value(Box::new(clock));
    }

    /// The time a change made now is stamped with: never earlier than a
    /// change this tab already knows of, so a click always counts as the newest.
    fn stamp(&self) -> Millis {
        let now = self.clock.with_value(|clock| clock());
        now.max(self.timed.with_value(TimedTags::newest) + 1)
    }

    /// A choice made on point `number`'s radios before the app started:
    /// they hydrate showing it.
    pub fn hold_early(&self, number: u8, tag: Option<Tag>) {
        if let Some(slot) = usize::from(number).checked_sub(1) {
            self.early.update_value(|early| {
                if let Some(e) = early.get_mut(slot) {
                    *e = Some(tag);
                }
            });
        }
    }

    /// Applies the saved tags and adopts the choices made before the app
    /// started (in the browser, once the islands are alive). A choice made
    /// before start is newer than the saved tag of its point (its time says
    /// so), so it wins; it is saved, counted and announced once. Radios
    /// already showing what they must are left alone.
    pub fn start(&self, now_ms: Millis, early: &[Change]) {
        let loaded = self
            .store
            .try_update_value(|store| saved::load(store.as_mut(), now_ms))
            .unwrap_or_else(|| saved::Loaded { problem: Some(LoadProblem::Unavailable), ..Default::default() });
        let mut mine = loaded.tags;
        for change in early {
            let mut choice = TimedTags::default();
            choice.set(change.number, change.tag, change.at);
            mine = mine.merge(&choice);
        }
        let shown = self.early.get_value().map(Option::flatten);
        self.early.set_value([None; POINT_COUNT]);
        self.timed.set_value(mine.clone());
        self.show(&mine);
        for (n, tag) in mine.tags().iter() {
            // `show` resynced every point it changed; a radio the reader
            // set before start already shows it, and must not be set again.
            if tag != shown[usize::from(n) - 1] {
                self.resync_point(n);
            }
        }
        self.settled.set(mine.tags());
        self.settle_reasons();
        self.accepting.set_value(true);
        match loaded.problem {
            None => {}
            Some(LoadProblem::SetAside { key }) => self.notices.set_storage(StorageNotice::SetAside { key }),
            Some(LoadProblem::Unavailable) => self.notices.set_storage(StorageNotice::Unavailable),
        }
        if !early.is_empty() {
            self.save();
            self.announce(words::early_announcement(early.len(), &Tally::of(&self.own_tags_untracked())));
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
        self.shared.tag(number).unwrap_or_else(|| self.own_tag(number))
    }

    /// What a point's radios must show. Subscribes only to changes that did
    /// not come from a click on those radios (see `resync`).
    pub fn radio_tag(&self, number: u8) -> Option<Tag> {
        if let Some(trigger) = self.resync.get(usize::from(number).wrapping_sub(1)) {
            trigger.track();
        }
        self.shared.track();
        let shared = self.shared.tag_untracked(number);
        let early = self.early.with_value(|early| early.get(usize::from(number).wrapping_sub(1)).copied().flatten());
        shared.or(early).unwrap_or_else(|| self.slot(number).and_then(|s| s.get_untracked()))
    }

    /// The tags the page shows: the sharer's, or the settled copy of the reader's own.
    pub fn shown_settled(&self) -> Tags {
        self.shared.tags().unwrap_or_else(|| self.settled.get())
    }

    /// The reason the reader gave with point `number`'s tag (tracked).
    pub fn own_reason(&self, number: u8) -> Option<String> {
        self.reason.get(usize::from(number).checked_sub(1)?).and_then(|r| r.get())
    }

    /// The reasons the reader's link carries, settled copy (tracked): refused
    /// when there are more than a link's budget (two tabs may each have added some).
    pub fn own_link_reasons(&self) -> Result<Reasons, ReasonRefused> {
        self.reasons_settled.track();
        let mut reasons = Reasons::default();
        self.settled_reasons.with_value(|settled| settled.iter().try_for_each(|(n, text)| reasons.set(*n, text)))?;
        Ok(reasons)
    }

    pub fn own_link_reasons_untracked(&self) -> Result<Reasons, ReasonRefused> {
        self.timed.with_value(TimedTags::link_reasons)
    }

    /// How many points carry a reason now (tracked).
    pub fn reason_count(&self) -> usize {
        self.reason.iter().filter(|r| r.with(Option::is_some)).count()
    }

    /// The reader writes `text` in point `number`'s "Why?" field. Saved with
    /// the tag (the point's change time moves), or refused, with nothing
    /// cut or changed, when it is over the budget: the field keeps the
    /// text and says why.
    pub fn give_reason(&self, number: u8, text: &str) -> Result<(), ReasonRefused> {
        if !self.accepting.get_value() || self.shared.is_open_untracked() {
            return Ok(());
        }
        let at = self.stamp();
        let changed = self.timed.try_update_value(|t| t.give_reason(number, text, at)).unwrap_or(Ok(false))?;
        if changed {
            let now = self.timed.with_value(|t| t.reason(number).map(str::to_owned));
            if let Some(signal) = self.reason.get(usize::from(number) - 1) {
                signal.set(now);
            }
            self.withdraw_undo();
            self.save_pending.set_value(true);
            self.schedule_settle();
        }
        Ok(())
    }

    /// The reader's own tags, settled copy (tracked).
    pub fn own_settled(&self) -> Tags {
        self.settled.get()
    }

    pub fn own_settled_untracked(&self) -> Tags {
        self.settled.get_untracked()
    }

    /// How many points the page shows in one category: the sharer's, or the reader's own (tracked).
    pub fn shown_count(&self, category: Option<Tag>) -> usize {
        match self.shared.tags() {
            Some(tags) => Tally::of(&tags).get(category),
            None => self.counts[category_index(category)].get(),
        }
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

    /// Only the point's signal and two counts change in this task.
    fn change_tag(&self, number: u8, tag: Option<Tag>) -> bool {
        if !self.accepting.get_value() || self.shared.is_open_untracked() {
            return false;
        }
        let Some(slot) = self.slot(number) else { return false };
        let old = slot.get_untracked();
        if old == tag {
            return false;
        }
        slot.set(tag);
        let at = self.stamp();
        self.timed.update_value(|t| t.set(number, tag, at));
        if tag.is_none() {
            // A reason goes with its tag.
            self.reason[usize::from(number) - 1].set(None);
        }
        self.withdraw_undo();
        self.tally.update_value(|t| t.shift(old, tag));
        self.publish_count(old);
        self.publish_count(tag);
        self.pending_announcement.set_value(Some(number));
        self.save_pending.set_value(true);
        self.schedule_settle();
        true
    }

    /// An undo offered before a change of the reader's own would now throw it away.
    fn withdraw_undo(&self) {
        if self.undo.with_untracked(Option::is_some) {
            self.undo.set(None);
        }
    }

    /// Replaces all own tags (Reset, "Make these mine"), keeping the old ones for an undo.
    pub fn replace_all(&self, tags: Tags, message: String) {
        let previous = self.timed.get_value();
        self.write_changes(&tags);
        self.persist();
        // What the replacement left (another tab's save may have been merged in).
        let applied = self.own_tags_untracked();
        self.undo.set(Some(Undo { previous, applied, message }));
    }

    /// "Reset all": every tag cleared, with an undo.
    pub fn reset_all(&self) {
        self.replace_all(Tags::default(), ui::reset_done().into());
        self.announce(ui::announce_all_cleared().into());
    }

    /// The notice that offers an undo, if there is one (tracked).
    pub fn undo_offer(&self) -> Option<String> {
        self.undo.with(|u| u.as_ref().map(|u| u.message.clone()))
    }

    pub fn dismiss_undo(&self) {
        self.undo.set(None);
    }

    /// Brings back the tags from before the replacement, except on points
    /// another tab changed since: those keep their newer tag.
    pub fn undo(&self) {
        if let Some(undo) = self.undo.get_untracked() {
            let restored = undo.restore(&self.timed.get_value(), self.stamp());
            self.timed.set_value(restored.clone());
            self.show(&restored);
            self.persist();
            self.undo.set(None);
            self.announce(ui::announce_undone().into());
        }
    }

    /// Changes every point where `tags` differs, now (Reset, "Make these mine").
    fn write_changes(&self, tags: &Tags) {
        let at = self.stamp();
        self.timed.update_value(|t| t.set_all(tags, at));
        self.show(&self.timed.get_value());
    }

    /// Shows `timed`: sets every point's tag and reason that differ, and
    /// resyncs exactly the radios whose tag changed.
    fn show(&self, timed: &TimedTags) {
        let tags = timed.tags();
        for ((n, slot), tag) in (1u8..).zip(self.own.iter()).zip(tags.as_array()) {
            if slot.get_untracked() != *tag {
                slot.set(*tag);
                self.resync_point(n);
            }
            let reason = &self.reason[usize::from(n) - 1];
            if reason.with_untracked(|r| r.as_deref() != timed.reason(n)) {
                reason.set(timed.reason(n).map(str::to_owned));
            }
        }
        self.tally.set_value(Tally::of(&tags));
        for c in CATEGORIES {
            self.publish_count(c);
        }
    }

    /// Copies one category's count from the tally to its signal, if it changed.
    fn publish_count(&self, category: Option<Tag>) {
        let count = self.tally.with_value(|t| t.get(category));
        let signal = self.counts[category_index(category)];
        if signal.get_untracked() != count {
            signal.set(count);
        }
    }

    /// Saves at once, then lets the slower views catch up after the paint.
    fn persist(&self) {
        self.save();
        self.schedule_settle();
    }

    /// Writes the tags, merged point by point with whatever another tab
    /// saved since (see `plan_core::reader`): the later change of each point
    /// wins. A refused save is said, not hidden, and does not stop the next one.
    fn save(&self) {
        let mine = self.timed.get_value();
        let Some(saving) = self.store.try_update_value(|store| saved::save(store.as_mut(), &mine)) else { return };
        self.show_merged(&saving.tags);
        if self.save_status.get_untracked() != saving.status {
            self.save_status.set(saving.status);
        }
        match saving.status {
            SaveStatus::Failed => self.notices.set_storage(StorageNotice::SaveFailed),
            SaveStatus::Saved => self.notices.saved_again(),
        }
    }

    /// Shows tags that another tab's later changes were merged into.
    fn show_merged(&self, merged: &TimedTags) {
        let before = self.timed.get_value();
        self.timed.set_value(merged.clone());
        if *merged != before {
            self.show(merged);
            self.schedule_settle();
        }
    }

    /// Whether the reader's latest change is in storage (what the page may claim).
    pub fn save_status(&self) -> SaveStatus {
        self.save_status.get()
    }

    /// The reader's "Try saving again" after a refused save.
    pub fn retry_save(&self) {
        self.persist();
    }

    /// The `storage` event: another tab saved. Its later changes are taken
    /// in, and this tab saves the merge only if it holds later ones of its own.
    pub fn other_tab_saved(&self) {
        let before = self.own_tags_untracked();
        let mine = self.timed.get_value();
        let Some(Some((merged, save_back))) =
            self.store.try_with_value(|store| saved::other_tab_saved(store.as_ref(), &mine))
        else {
            return;
        };
        self.show_merged(&merged);
        if save_back {
            self.save();
        }
        if merged.tags() != before {
            self.announce(words::other_tab_announcement(&Tally::of(&merged.tags())));
        }
    }

    fn schedule_settle(&self) {
        if self.settle_pending.get_value() {
            return;
        }
        self.settle_pending.set_value(true);
        self.scheduler.with_value(|schedule| schedule.as_ref().map(|s| s()));
    }

    /// Saves a pending click and brings the slower views up to date. Runs in
    /// the task after a click, or at once when the page is being left.
    pub fn settle(&self) {
        if !self.settle_pending.get_value() {
            return;
        }
        self.settle_pending.set_value(false);
        if self.save_pending.get_value() {
            self.save_pending.set_value(false);
            self.save();
        }
        if let Some(number) = self.pending_announcement.try_update_value(Option::take).flatten() {
            // Said from what the page shows after the save, so the sentence
            // always matches the radio.
            let tags = self.own_tags_untracked();
            self.announce(words::announcement(number, tags.get(number), &Tally::of(&tags)));
        }
        self.settled.set(self.own_tags_untracked());
        self.settle_reasons();
    }

    /// The slower views (the link) follow the reasons, if they changed.
    fn settle_reasons(&self) {
        let now: Vec<(u8, String)> = self.timed.with_value(|t| t.reasons().map(|(n, r)| (n, r.to_owned())).collect());
        if self.settled_reasons.with_value(|settled| *settled != now) {
            self.settled_reasons.set_value(now);
            self.reasons_settled.notify();
        }
    }

    /// The polite one-sentence announcement (tracked).
    pub fn announcement(&self) -> String {
        self.announcement.get()
    }

    pub fn announce(&self, sentence: String) {
        self.announcement.set(sentence);
    }
}

/// A clock that only counts: each call one later (native tests, the prerender).
fn counter() -> impl Fn() -> Millis {
    let last = std::cell::Cell::new(0);
    move || {
        last.set(last.get() + 1);
        last.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_core::reader::{MemoryStore, TAGS_KEY};
    use plan_core::reasons::ReasonRefused;
    use plan_core::share;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// A store two readers (two tabs) share, and that can refuse writes.
    #[derive(Clone, Default)]
    struct Shared(Rc<RefCell<MemoryStore>>);

    impl Store for Shared {
        fn get(&self, key: &str) -> Result<Option<String>, plan_core::reader::Refused> {
            self.0.borrow().get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), plan_core::reader::Refused> {
            self.0.borrow_mut().set(key, value)
        }
        fn remove(&mut self, key: &str) -> Result<(), plan_core::reader::Refused> {
            self.0.borrow_mut().remove(key)
        }
    }

    thread_local! {
        /// One clock for every tab of a test, as one browser has.
        static NOW: std::cell::Cell<Millis> = const { std::cell::Cell::new(1_000) };
    }

    fn reader(store: &Shared) -> Reader {
        let r = Reader::new(SharedView::new(), Notices::new(), Box::new(store.clone()));
        r.set_clock(|| NOW.with(|now| now.replace(now.get() + 1)));
        r.start(0, &[]);
        r
    }

    fn stored(store: &Shared) -> Option<Tags> {
        share::decode_tags(store.0.borrow().items.get(TAGS_KEY)?).ok()
    }

    fn tags(pairs: &[(u8, Tag)]) -> Tags {
        let mut t = Tags::default();
        for &(n, tag) in pairs {
            t.set(n, Some(tag));
        }
        t
    }

    #[test]
    fn a_click_saves_after_settling_and_counts_at_once() {
        let _owner = Owner::new();
        let store = Shared::default();
        let r = reader(&store);
        r.tag_from_radio(3, Tag::Russia);
        assert_eq!(r.shown_count(Some(Tag::Russia)), 1);
        assert_eq!(stored(&store), None);
        r.settle();
        assert_eq!(stored(&store), Some(tags(&[(3, Tag::Russia)])));
        assert!(r.announcement().contains('3'));
    }

    /// Issue 25, failure 1, in the store: tab B missed tab A's `storage`
    /// event. A tags point 5 Russia (and 7 Neutral); B, still showing point 5
    /// untagged, tags it Ukraine. B's click wins on B's page and in storage,
    /// B says what its radio shows, and A's tag on point 7 is kept.
    #[test]
    fn the_newest_click_wins_in_a_tab_that_missed_a_save() {
        let _owner = Owner::new();
        let store = Shared::default();
        let (a, b) = (reader(&store), reader(&store));
        a.tag_from_radio(5, Tag::Russia);
        a.tag_from_radio(7, Tag::Neutral);
        a.settle();
        b.tag_from_radio(5, Tag::Ukraine);
        b.settle();
        assert_eq!(b.own_tag(5), Some(Tag::Ukraine));
        assert_eq!(b.own_tag(7), Some(Tag::Neutral));
        assert_eq!(stored(&store), Some(tags(&[(5, Tag::Ukraine), (7, Tag::Neutral)])));
        let said =
            words::announcement(5, Some(Tag::Ukraine), &Tally::of(&tags(&[(5, Tag::Ukraine), (7, Tag::Neutral)])));
        assert_eq!(b.announcement(), said);
        // A hears of it and shows B's newer tag.
        a.other_tab_saved();
        assert_eq!(a.own_tags_untracked(), tags(&[(5, Tag::Ukraine), (7, Tag::Neutral)]));
    }

    /// Issue 28: choices made on the live radios before the app started are
    /// adopted: each wins over the saved tag of its point (it is newer), the
    /// saved tags of other points come back, all is saved, and said once.
    #[test]
    fn choices_made_before_start_win_over_the_saved_ones_and_the_rest_come_back() {
        let _owner = Owner::new();
        let store = Shared::default();
        let earlier = reader(&store);
        earlier.tag_from_radio(3, Tag::Russia);
        earlier.tag_from_radio(9, Tag::Neutral);
        earlier.settle();
        // A returning reader: the page starts, the reader tags 3 and 4 before the app does.
        let r = Reader::new(SharedView::new(), Notices::new(), Box::new(store.clone()));
        r.set_clock(|| NOW.with(|now| now.replace(now.get() + 1)));
        let at = NOW.with(|now| now.get()) + 10;
        r.hold_early(3, Some(Tag::Ukraine));
        r.hold_early(4, Some(Tag::Neutral));
        // What the radios hydrate with: the reader's choices, nothing else yet.
        assert_eq!((r.radio_tag(3), r.radio_tag(4), r.radio_tag(9)), (Some(Tag::Ukraine), Some(Tag::Neutral), None));
        // The app's handlers are alive but the boot script still keeps the clicks.
        r.tag_from_radio(5, Tag::Russia);
        assert_eq!(r.own_tag(5), None);
        let early = [
            Change { number: 3, tag: Some(Tag::Ukraine), at },
            Change { number: 4, tag: Some(Tag::Neutral), at: at + 1 },
        ];
        r.start(0, &early);
        let want = tags(&[(3, Tag::Ukraine), (4, Tag::Neutral), (9, Tag::Neutral)]);
        assert_eq!(r.own_tags_untracked(), want);
        assert_eq!(stored(&store), Some(want));
        assert_eq!(r.shown_count(Some(Tag::Neutral)), 2);
        assert_eq!(r.announcement(), words::early_announcement(2, &Tally::of(&want)));
        // From now on a click is the app's.
        r.tag_from_radio(5, Tag::Russia);
        assert_eq!(r.own_tag(5), Some(Tag::Russia));
    }

    /// A choice made before start, then Clear before start: the point ends
    /// untagged, even where a tag was saved.
    #[test]
    fn a_clear_before_start_clears_a_saved_tag() {
        let _owner = Owner::new();
        let store = Shared::default();
        let earlier = reader(&store);
        earlier.tag_from_radio(6, Tag::Russia);
        earlier.settle();
        let r = Reader::new(SharedView::new(), Notices::new(), Box::new(store.clone()));
        let at = NOW.with(|now| now.get()) + 10;
        r.start(0, &[Change { number: 6, tag: None, at }]);
        assert_eq!(r.own_tag(6), None);
        assert_eq!(stored(&store), Some(Tags::default()));
    }

    fn stored_reason(store: &Shared, n: u8) -> Option<String> {
        plan_core::reader::stored(&*store.0.borrow()).and_then(|t| t.reason(n).map(str::to_owned))
    }

    /// Issue 27: a reason is saved with its tag, comes back on reload, is
    /// cleared with the tag, follows the per-point rule in two tabs, and
    /// comes back with an undo.
    #[test]
    fn a_reason_is_kept_with_its_tag_through_reload_two_tabs_and_undo() {
        let _owner = Owner::new();
        let store = Shared::default();
        let (a, b) = (reader(&store), reader(&store));
        assert_eq!(a.give_reason(21, "No tag yet"), Err(ReasonRefused::Untagged(21)));
        a.tag_from_radio(21, Tag::Russia);
        assert_eq!(a.give_reason(21, "It rewards the invasion."), Ok(()));
        a.settle();
        assert_eq!(stored_reason(&store, 21).as_deref(), Some("It rewards the invasion."));
        assert_eq!(a.own_link_reasons().map(|r| r.len()), Ok(1));
        // Reload.
        let again = reader(&store);
        assert_eq!(again.own_reason(21).as_deref(), Some("It rewards the invasion."));
        // Another tab edits it later: the later change wins here too.
        b.other_tab_saved();
        b.give_reason(21, "It rewards force.").unwrap();
        b.settle();
        a.other_tab_saved();
        assert_eq!(a.own_reason(21).as_deref(), Some("It rewards force."));
        // Reset, then undo: the tag and its reason come back.
        a.reset_all();
        assert_eq!(a.own_reason(21), None);
        a.undo();
        assert_eq!((a.own_tag(21), a.own_reason(21).as_deref()), (Some(Tag::Russia), Some("It rewards force.")));
        // Clear: the reason goes with the tag.
        a.set_tag(21, None);
        a.settle();
        assert_eq!(a.own_reason(21), None);
        assert_eq!(stored_reason(&store, 21), None);
    }

    #[test]
    fn undo_after_reset_keeps_what_another_tab_tagged_since() {
        let _owner = Owner::new();
        let store = Shared::default();
        let (a, b) = (reader(&store), reader(&store));
        a.set_tag(1, Some(Tag::Ukraine));
        a.set_tag(5, Some(Tag::Neutral));
        a.settle();
        a.reset_all();
        assert_eq!(stored(&store), Some(Tags::default()));
        b.start(0, &[]);
        b.set_tag(5, Some(Tag::Russia));
        b.settle();
        a.other_tab_saved();
        assert!(a.undo_offer().is_some(), "another tab's change does not withdraw the offer");
        a.undo();
        let want = tags(&[(1, Tag::Ukraine), (5, Tag::Russia)]);
        assert_eq!(a.own_tags_untracked(), want);
        assert_eq!(stored(&store), Some(want));
    }

    #[test]
    fn a_refused_save_is_said_and_the_next_one_catches_up() {
        let _owner = Owner::new();
        let store = Shared::default();
        let notices = Notices::new();
        let r = Reader::new(SharedView::new(), notices, Box::new(store.clone()));
        r.start(0, &[]);
        store.0.borrow_mut().refuse_writes = true;
        r.set_tag(2, Some(Tag::Ukraine));
        r.settle();
        assert_eq!(r.save_status(), SaveStatus::Failed);
        assert_eq!(notices.storage(), Some(StorageNotice::SaveFailed));
        store.0.borrow_mut().refuse_writes = false;
        r.set_tag(3, Some(Tag::Neutral));
        r.settle();
        assert_eq!(stored(&store), Some(tags(&[(2, Tag::Ukraine), (3, Tag::Neutral)])));
        assert_eq!(r.save_status(), SaveStatus::Saved);
        assert_eq!(notices.storage(), None);
    }

    #[test]
    fn nothing_changes_while_a_shared_view_is_open() {
        let _owner = Owner::new();
        let store = Shared::default();
        let shared = SharedView::new();
        let r = Reader::new(shared, Notices::new(), Box::new(store.clone()));
        r.start(0, &[]);
        shared.open(
            plan_core::share::Shared { tags: tags(&[(1, Tag::Russia)]), name: None, class: None },
            Ok(Default::default()),
        );
        r.set_tag(2, Some(Tag::Neutral));
        assert_eq!(r.own_tags_untracked(), Tags::default());
        assert_eq!(r.shown_tag(1), Some(Tag::Russia));
        assert_eq!(r.shown_count(Some(Tag::Russia)), 1);
    }
}
