//! The reader's own tags in storage: loading, saving with what other tabs
//! saved, what a failed save means, and undoing a replacement. Storage is
//! behind the [`Store`] trait, so all of it is tested natively; the
//! browser's localStorage implements it in `src/`.
//!
//! Two tabs: every point carries the time it was last changed
//! ([`TimedTags`]), and a save or another tab's `storage` event merges point
//! by point, the later change winning. So the click a reader has just made
//! wins over whatever an older save holds, even in a tab that missed the
//! other tab's `storage` event (one restored from the back/forward cache, or
//! suspended by the browser): "whose save came last" never decides.
//!
//! Two keys: `TAGS_KEY` keeps the tags as a share code, as every earlier
//! version of the page wrote them (a tab of an older deploy still open beside
//! a newer one reads and writes it); `TIMES_KEY` holds the change times
//! beside a copy of the tags they describe. Where the two disagree, an older
//! page changed the point after the times were written, and that change
//! counts as newer than every time recorded.
//!
//! Failed saves: storage can refuse one write (quota) and take the next, or
//! be turned off mid-session and on again. A failed save changes nothing but
//! the status the page shows; every later change is saved again in full, so
//! the first save that works catches up with everything before it.

use crate::reasons::{self, ReasonRefused, Reasons};
use crate::share;
use crate::tags::{merge, Tag, Tags};
use crate::POINT_COUNT;

/// Versioned key: the value is a share code, so its own version travels with it.
pub const TAGS_KEY: &str = "weigh-the-plan:tags:v1";
/// The change time of every point, beside the tags they belong to (see [`TimedTags::to_record`]).
pub const TIMES_KEY: &str = "weigh-the-plan:tags:v1:times";
/// Where an unreadable stored value is moved (with a timestamp), never deleted.
pub const SET_ASIDE_PREFIX: &str = "weigh-the-plan:tags:v1:set-aside:";

/// Milliseconds since the Unix epoch. 0: no known time (a tag saved by a
/// page too old to record one), older than any change this page makes.
pub type Millis = u64;

/// Storage refused: it is turned off, blocked, full, or throws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused;

/// A key-value store of texts (the browser's localStorage).
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, Refused>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused>;
    fn remove(&mut self, key: &str) -> Result<(), Refused>;
}

/// One point changed to a tag (None: cleared) at a time: a choice made
/// before the app started, kept by the page's boot script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub number: u8,
    pub tag: Option<Tag>,
    pub at: Millis,
}

/// The reader's tags, the reasons given with them, and for every point when
/// it was last changed (clearing a tag is a change too; so is a reason).
/// A point's tag and reason travel together: the later change of the pair wins.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimedTags {
    tags: Tags,
    at: [Millis; POINT_COUNT],
    /// A reason only ever sits beside a tag (clearing the tag removes it).
    reasons: [Option<String>; POINT_COUNT],
}

impl TimedTags {
    /// Tags with no known times (an older page's save, a share link).
    pub fn untimed(tags: Tags) -> Self {
        TimedTags { tags, ..Default::default() }
    }

    pub fn tags(&self) -> Tags {
        self.tags
    }

    pub fn get(&self, number: u8) -> Option<Tag> {
        self.tags.get(number)
    }

    /// The reason given with point `number`'s tag.
    pub fn reason(&self, number: u8) -> Option<&str> {
        index(number).and_then(|i| self.reasons[i].as_deref())
    }

    /// Every (point, reason), in point order.
    pub fn reasons(&self) -> impl Iterator<Item = (u8, &str)> + '_ {
        (1u8..).zip(self.reasons.iter()).filter_map(|(n, r)| Some((n, r.as_deref()?)))
    }

    /// The reasons as a link carries them: refused (nothing dropped) when
    /// there are more, or longer, than a link's budget (two tabs may each
    /// have added some).
    pub fn link_reasons(&self) -> Result<Reasons, ReasonRefused> {
        let mut reasons = Reasons::default();
        for (n, text) in self.reasons() {
            reasons.set(n, text)?;
        }
        Ok(reasons)
    }

    /// When point `number` was last changed (0 when unknown or out of range).
    pub fn changed_at(&self, number: u8) -> Millis {
        index(number).map_or(0, |i| self.at[i])
    }

    /// The latest change time of any point.
    pub fn newest(&self) -> Millis {
        self.at.iter().copied().max().unwrap_or(0)
    }

    /// Point `number` changed to `tag` at `at`; its reason stays with a tag
    /// and goes with none. Out-of-range numbers are ignored.
    pub fn set(&mut self, number: u8, tag: Option<Tag>, at: Millis) {
        if let Some(i) = index(number) {
            self.at[i] = at;
            self.tags.set(number, tag);
            if tag.is_none() {
                self.reasons[i] = None;
            }
        }
    }

    /// Point `number`'s reason changed at `at` (None: removed). A point
    /// without a tag takes no reason: false, and nothing changes.
    pub fn set_reason(&mut self, number: u8, reason: Option<String>, at: Millis) -> bool {
        let Some(i) = index(number).filter(|_| self.tags.get(number).is_some()) else { return false };
        self.at[i] = at;
        self.reasons[i] = reason;
        true
    }

    /// The reader writes `text` as point `number`'s reason, at `at`: cleaned
    /// (nothing visible removes the reason), and refused, with nothing
    /// changed or cut, when it is over the length budget, when the point has
    /// no tag, or when it would be one reason too many. Ok(false): the same as before.
    pub fn give_reason(&mut self, number: u8, text: &str, at: Millis) -> Result<bool, ReasonRefused> {
        let i = index(number).ok_or(ReasonRefused::NoSuchPoint(number))?;
        if self.tags.get(number).is_none() {
            return Err(ReasonRefused::Untagged(number));
        }
        let cleaned = reasons::clean_reason(text);
        if let Some(text) = &cleaned {
            let over = reasons::reason_chars(text).saturating_sub(reasons::MAX_REASON_CHARS);
            if over > 0 {
                return Err(ReasonRefused::TooLong { over });
            }
            let others = self.reasons().filter(|(n, _)| *n != number).count();
            if self.reasons[i].is_none() && others >= reasons::MAX_REASONS {
                return Err(ReasonRefused::TooMany);
            }
        }
        if self.reasons[i] == cleaned {
            return Ok(false);
        }
        self.at[i] = at;
        self.reasons[i] = cleaned;
        Ok(true)
    }

    /// Point `number` as `other` has it (tag, reason and time).
    fn take_point(&mut self, number: u8, other: &TimedTags) {
        if let Some(i) = index(number) {
            self.tags.set(number, other.get(number));
            self.at[i] = other.at[i];
            self.reasons[i] = other.reasons[i].clone();
        }
    }

    /// Every point where `tags` differs from these, changed to it at `at`.
    pub fn set_all(&mut self, tags: &Tags, at: Millis) {
        for (n, tag) in tags.iter() {
            if self.tags.get(n) != tag {
                self.set(n, tag, at);
            }
        }
    }

    /// Point by point, the later change wins. Equal times with different
    /// contents (two tabs in the same millisecond) are settled by a fixed
    /// order of the tags, then of the reasons, so that two tabs merging
    /// each other's saves end equal: the merge is commutative, associative
    /// and idempotent.
    pub fn merge(&self, other: &TimedTags) -> TimedTags {
        let mut out = self.clone();
        for n in 1..=POINT_COUNT as u8 {
            let order = |t: &TimedTags| (t.changed_at(n), Tag::to_bits(t.get(n)), t.reason(n).map(str::to_owned));
            if order(other) > order(self) {
                out.take_point(n, other);
            }
        }
        out
    }

    /// The stored form: `2|<share code of the tags>|<times>|<reasons>`, the
    /// times in base 36, comma-separated, point 1 first; the reasons as
    /// `n=text` pairs, percent-encoded, joined by `&`. The copy of the tags
    /// shows which tags the times belong to (see the module's note on two keys).
    pub fn to_record(&self) -> String {
        let times: Vec<String> = self.at.iter().map(|&t| base36(t)).collect();
        let reasons: Vec<String> = self.reasons().map(|(n, r)| format!("{n}={}", share::percent_encode(r))).collect();
        format!("2|{}|{}|{}", share::encode_tags(&self.tags), times.join(","), reasons.join("&"))
    }

    /// Reads [`TimedTags::to_record`]'s form (without reasons, as the first
    /// version of this record was written); None if it is not one. Parts
    /// after the fourth are left for later versions to add, and ignored.
    pub fn from_record(record: &str) -> Option<TimedTags> {
        let mut parts = record.split('|');
        let (Some("2"), Some(code), Some(times)) = (parts.next(), parts.next(), parts.next()) else {
            return None;
        };
        let tags = share::decode_tags(code).ok()?;
        let times: Vec<Millis> = times.split(',').map(from_base36).collect::<Option<_>>()?;
        let mut timed = TimedTags { tags, at: times.try_into().ok()?, ..Default::default() };
        for pair in parts.next().unwrap_or_default().split('&').filter(|p| !p.is_empty()) {
            let (n, text) = pair.split_once('=')?;
            let i = index(n.parse().ok()?).filter(|_| n.bytes().all(|b| b.is_ascii_digit()))?;
            let text = share::percent_decode(text)?;
            // A reason on an untagged point, or one that cleans to nothing, was never written by this page.
            timed.tags.get(i as u8 + 1)?;
            timed.reasons[i] = Some(reasons::clean_reason(&text)?);
        }
        Some(timed)
    }

    /// What storage means when it holds `tags` (the key every version writes)
    /// and `times`: where they disagree an older page changed the point after
    /// the times were written, so that change is newer than all of them.
    fn reconcile(tags: Option<Tags>, times: Option<TimedTags>) -> Option<TimedTags> {
        match (tags, times) {
            (None, None) => None,
            (Some(tags), None) => Some(TimedTags::untimed(tags)),
            (None, Some(timed)) => Some(timed),
            (Some(tags), Some(mut timed)) => {
                let later = timed.newest() + 1;
                timed.set_all(&tags, later);
                Some(timed)
            }
        }
    }
}

/// The index of point `number` (1-based) in the per-point arrays.
fn index(number: u8) -> Option<usize> {
    usize::from(number).checked_sub(1).filter(|&i| i < POINT_COUNT)
}

fn base36(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

fn from_base36(text: &str) -> Option<u64> {
    // `from_str_radix` alone would take a leading "+".
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric())).then(|| u64::from_str_radix(text, 36).ok())?
}

/// What loading the saved tags found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    /// The saved tags (all untagged when there were none).
    pub tags: TimedTags,
    pub problem: Option<LoadProblem>,
}

/// Why loading did not simply work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadProblem {
    /// A stored value did not parse; it now lives under `key`.
    SetAside { key: String },
    /// Storage is turned off or throws: the page works in memory until a save works.
    Unavailable,
}

/// Whether the reader's latest change is in storage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SaveStatus {
    /// Every change so far was saved (or there was none).
    #[default]
    Saved,
    /// The latest save was refused: the tags on the page are newer than storage.
    Failed,
}

/// The result of one save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saving {
    /// The tags written (or that failed to be): the reader's own, with other tabs' later changes merged in.
    pub tags: TimedTags,
    pub status: SaveStatus,
}

/// Loads the saved tags. An unreadable value is moved aside (copied
/// first, then removed), never deleted; `now_ms` names the copy.
pub fn load(store: &mut dyn Store, now_ms: Millis) -> Loaded {
    let (Ok(raw_tags), Ok(raw_times)) = (store.get(TAGS_KEY), store.get(TIMES_KEY)) else {
        return Loaded { tags: TimedTags::default(), problem: Some(LoadProblem::Unavailable) };
    };
    let mut problem = None;
    let tags = raw_tags.and_then(|raw| {
        let tags = share::decode_tags(&raw).ok();
        if tags.is_none() {
            problem = Some(set_aside(store, TAGS_KEY, &raw, &format!("{SET_ASIDE_PREFIX}{now_ms}")));
        }
        tags
    });
    let times = raw_times.and_then(|raw| {
        let times = TimedTags::from_record(&raw);
        if times.is_none() {
            problem = Some(set_aside(store, TIMES_KEY, &raw, &format!("{SET_ASIDE_PREFIX}times:{now_ms}")));
        }
        times
    });
    Loaded { tags: TimedTags::reconcile(tags, times).unwrap_or_default(), problem }
}

/// Saves `mine`, merged point by point with what storage holds (another
/// tab may have saved since): `tags` is then what the page must show.
pub fn save(store: &mut dyn Store, mine: &TimedTags) -> Saving {
    let tags = stored(store).map_or_else(|| mine.clone(), |theirs| mine.merge(&theirs));
    // The tags first: a tab reading between the two writes sees the new
    // tags as an older page's change, newer than every recorded time,
    // which is what they are.
    let written =
        store.set(TAGS_KEY, &share::encode_tags(&tags.tags)).and_then(|()| store.set(TIMES_KEY, &tags.to_record()));
    let status = if written.is_ok() { SaveStatus::Saved } else { SaveStatus::Failed };
    Saving { tags, status }
}

/// Another tab saved (a `storage` event on either key). Returns the
/// merge of this tab's `mine` with what storage now holds, and whether
/// this tab must save that merge (it holds later changes of its own).
/// None: nothing new.
pub fn other_tab_saved(store: &dyn Store, mine: &TimedTags) -> Option<(TimedTags, bool)> {
    let theirs = stored(store)?;
    let merged = mine.merge(&theirs);
    let save_back = merged.tags != theirs.tags;
    (merged != *mine || save_back).then_some((merged, save_back))
}

/// Moves an unreadable value to `aside` (copied first, then removed).
fn set_aside(store: &mut dyn Store, key: &str, raw: &str, aside: &str) -> LoadProblem {
    if store.set(aside, raw).is_err() || store.remove(key).is_err() {
        return LoadProblem::Unavailable;
    }
    LoadProblem::SetAside { key: aside.to_owned() }
}

/// What storage holds, if it works and holds anything readable.
pub fn stored(store: &dyn Store) -> Option<TimedTags> {
    let tags = store.get(TAGS_KEY).ok()?.and_then(|raw| share::decode_tags(&raw).ok());
    let times = store.get(TIMES_KEY).ok()?.and_then(|raw| TimedTags::from_record(&raw));
    TimedTags::reconcile(tags, times)
}

/// A replacement of all tags (Reset, "Make these mine") that can be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    /// The tags (and their reasons) before the replacement.
    pub previous: TimedTags,
    /// The tags the replacement wrote.
    pub applied: Tags,
    /// The notice that offers the undo.
    pub message: String,
}

impl Undo {
    /// What undoing gives when the tags are now `current`: the earlier tags
    /// and their reasons come back (changed at `at`), except on points
    /// changed since the replacement (another tab may have tagged one; this
    /// tab's own changes withdraw the offer).
    pub fn restore(&self, current: &TimedTags, at: Millis) -> TimedTags {
        let tags = merge(&self.applied, &self.previous.tags(), &current.tags());
        let mut out = current.clone();
        for n in 1..=POINT_COUNT as u8 {
            let back = current.get(n) == self.applied.get(n);
            if back && (out.get(n) != tags.get(n) || out.reason(n) != self.previous.reason(n)) {
                out.set(n, tags.get(n), at);
                let reason = self.previous.reason(n).map(str::to_owned);
                if reason.is_some() {
                    out.set_reason(n, reason, at);
                }
            }
        }
        out
    }
}

/// A store in memory, for tests: it can be made to refuse writes, or everything.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub items: std::collections::BTreeMap<String, String>,
    pub refuse_writes: bool,
    pub refuse_all: bool,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, Refused> {
        if self.refuse_all {
            return Err(Refused);
        }
        Ok(self.items.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        if self.refuse_all || self.refuse_writes {
            return Err(Refused);
        }
        self.items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), Refused> {
        if self.refuse_all {
            return Err(Refused);
        }
        self.items.remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategies::{any_tags, tags_of as tags};
    use crate::tags::Tag;
    use proptest::prelude::*;

    fn timed(pairs: &[(u8, Tag)], at: Millis) -> TimedTags {
        let mut t = TimedTags::default();
        t.set_all(&tags(pairs), at);
        t
    }

    fn stored_tags(store: &MemoryStore) -> Option<Tags> {
        stored(store).map(|t| t.tags())
    }

    /// Any tags with any times (small, so that equal times happen), and on
    /// some tagged points one of a few reasons (so that equal times with
    /// equal tags and different reasons happen too).
    fn any_timed() -> impl Strategy<Value = TimedTags> {
        let reasons = proptest::collection::vec(0usize..4, POINT_COUNT);
        (any_tags(), proptest::collection::vec(0u64..6, POINT_COUNT), reasons).prop_map(|(tags, times, reasons)| {
            let mut t = TimedTags::default();
            for (((n, tag), at), r) in tags.iter().zip(times).zip(reasons) {
                t.set(n, tag, at);
                if r > 0 {
                    t.set_reason(n, Some(["Land", "Армія", "Frieden über alles"][r - 1].to_owned()), at);
                }
            }
            t
        })
    }

    #[test]
    fn loads_nothing_tags_or_sets_aside_what_it_cannot_read() {
        let mut store = MemoryStore::default();
        assert_eq!(load(&mut store, 1), Loaded::default());
        let t = tags(&[(1, Tag::Russia)]);
        store.items.insert(TAGS_KEY.into(), share::encode_tags(&t));
        assert_eq!(load(&mut store, 1), Loaded { tags: TimedTags::untimed(t), problem: None });
        store.items.insert(TAGS_KEY.into(), "garbage".into());
        let loaded = load(&mut store, 42);
        let key = format!("{SET_ASIDE_PREFIX}42");
        assert_eq!(loaded.problem, Some(LoadProblem::SetAside { key: key.clone() }));
        assert_eq!(store.items.get(&key).map(String::as_str), Some("garbage"));
        assert!(!store.items.contains_key(TAGS_KEY));
        store.refuse_all = true;
        assert_eq!(load(&mut store, 1).problem, Some(LoadProblem::Unavailable));
    }

    #[test]
    fn unreadable_times_are_set_aside_and_the_tags_still_load() {
        let mut store = MemoryStore::default();
        let t = tags(&[(2, Tag::Neutral)]);
        store.items.insert(TAGS_KEY.into(), share::encode_tags(&t));
        store.items.insert(TIMES_KEY.into(), "2|nonsense".into());
        let loaded = load(&mut store, 7);
        assert_eq!(loaded.tags.tags(), t);
        let key = format!("{SET_ASIDE_PREFIX}times:7");
        assert_eq!(loaded.problem, Some(LoadProblem::SetAside { key: key.clone() }));
        assert_eq!(store.items.get(&key).map(String::as_str), Some("2|nonsense"));
    }

    #[test]
    fn the_record_round_trips_and_refuses_what_is_not_one() {
        let t = timed(&[(1, Tag::Russia), (28, Tag::Neutral)], 1_765_000_000_000);
        assert_eq!(TimedTags::from_record(&t.to_record()), Some(t.clone()));
        for bad in ["", "2", "1|1AAAAAAAAAAA|0", "2|1AAAAAAAAAAA|0,0", "2|1AAAAAAAAAAA|+1", "2|x|0", "2|1AAAAAAAAAAA"] {
            assert_eq!(TimedTags::from_record(bad), None, "{bad:?}");
        }
        // A later version may add parts: this one still reads its own.
        assert_eq!(TimedTags::from_record(&format!("{}|more", t.to_record())), Some(t));
    }

    /// Issue 25, failure 1: tab B missed tab A's `storage` event (restored
    /// from the back/forward cache, or suspended). A tags point 5 Russia; B,
    /// still showing point 5 untagged, then tags it Ukraine. B's newer click
    /// must win, in storage and on B's page, and A's tag on point 7 is kept.
    #[test]
    fn a_click_in_a_tab_that_missed_a_save_wins_over_the_older_save() {
        let mut store = MemoryStore::default();
        let a_tags = timed(&[(5, Tag::Russia), (7, Tag::Neutral)], 100);
        save(&mut store, &a_tags);
        // B never heard of it: its page still has point 5 untagged.
        let b_tags = timed(&[(5, Tag::Ukraine)], 200);
        let saving = save(&mut store, &b_tags);
        assert_eq!(saving.tags.get(5), Some(Tag::Ukraine), "the newer click wins on B's page");
        assert_eq!(saving.tags.get(7), Some(Tag::Neutral), "A's other tag is kept");
        assert_eq!(stored_tags(&store), Some(saving.tags.tags()));
        // A hears of B's save: it shows B's newer tag, and has nothing to save back.
        let (merged, save_back) = other_tab_saved(&store, &a_tags).unwrap();
        assert_eq!(merged.tags(), saving.tags.tags());
        assert!(!save_back);
    }

    #[test]
    fn an_older_click_loses_to_a_newer_save() {
        let mut store = MemoryStore::default();
        save(&mut store, &timed(&[(5, Tag::Russia)], 300));
        let saving = save(&mut store, &timed(&[(5, Tag::Ukraine)], 200));
        assert_eq!(saving.tags.get(5), Some(Tag::Russia));
    }

    /// A tab of an older deploy, still open, writes only the tags: its
    /// change is newer than every recorded time, and older than a click made after it.
    #[test]
    fn an_older_pages_save_counts_as_newer_than_the_recorded_times() {
        let mut store = MemoryStore::default();
        save(&mut store, &timed(&[(5, Tag::Russia), (6, Tag::Russia)], 300));
        store.items.insert(TAGS_KEY.into(), share::encode_tags(&tags(&[(5, Tag::Ukraine), (6, Tag::Russia)])));
        let now = stored(&store).unwrap();
        assert_eq!((now.get(5), now.changed_at(5)), (Some(Tag::Ukraine), 301));
        assert_eq!((now.get(6), now.changed_at(6)), (Some(Tag::Russia), 300));
        let mine = timed(&[(5, Tag::Neutral)], 200);
        assert_eq!(save(&mut store, &mine).tags.get(5), Some(Tag::Ukraine));
        let mine = timed(&[(5, Tag::Neutral)], 400);
        assert_eq!(save(&mut store, &mine).tags.get(5), Some(Tag::Neutral));
        // And the older page reads what this one wrote, as it always did.
        assert_eq!(share::decode_tags(&store.items[TAGS_KEY]).ok().and_then(|t| t.get(5)), Some(Tag::Neutral));
    }

    #[test]
    fn one_refused_save_does_not_stop_saving_and_the_next_catches_up() {
        let mut store = MemoryStore::default();
        let mut saved = load(&mut store, 0).tags;
        saved.set(1, Some(Tag::Russia), 1);
        assert_eq!(save(&mut store, &saved).status, SaveStatus::Saved);
        let one = saved.tags();
        // Quota: this save is refused, and says so.
        store.refuse_writes = true;
        saved.set(2, Some(Tag::Ukraine), 2);
        assert_eq!(save(&mut store, &saved).status, SaveStatus::Failed);
        assert_eq!(stored_tags(&store), Some(one));
        // Room again: the next change is saved with the one that failed.
        store.refuse_writes = false;
        saved.set(3, Some(Tag::Neutral), 3);
        assert_eq!(save(&mut store, &saved), Saving { tags: saved.clone(), status: SaveStatus::Saved });
        assert_eq!(stored(&store), Some(saved));
    }

    #[test]
    fn storage_turned_off_and_on_again_mid_session() {
        let mut store = MemoryStore { refuse_all: true, ..Default::default() };
        let t = timed(&[(4, Tag::Neutral)], 1);
        assert_eq!(save(&mut store, &t).status, SaveStatus::Failed);
        store.refuse_all = false;
        assert_eq!(save(&mut store, &t).status, SaveStatus::Saved);
        assert_eq!(stored(&store), Some(t));
    }

    #[test]
    fn another_tabs_save_is_taken_in_and_saved_back_only_with_changes_of_our_own() {
        let mut store = MemoryStore::default();
        let theirs = timed(&[(1, Tag::Russia)], 10);
        save(&mut store, &theirs);
        assert_eq!(other_tab_saved(&store, &TimedTags::default()), Some((theirs.clone(), false)));
        assert_eq!(other_tab_saved(&store, &theirs), None);
        let mut mine = theirs;
        mine.set(5, Some(Tag::Neutral), 20);
        assert_eq!(other_tab_saved(&store, &mine), Some((mine, true)));
    }

    #[test]
    fn undo_keeps_a_tag_another_tab_made_after_the_replacement() {
        let mut before = timed(&[(1, Tag::Ukraine), (5, Tag::Neutral)], 1);
        before.set_reason(1, Some("It keeps the army".into()), 2);
        // Reset: everything cleared.
        let undo = Undo { previous: before.clone(), applied: Tags::default(), message: String::new() };
        // Then another tab tags point 5 Russia, and this tab takes it in.
        let current = timed(&[(5, Tag::Russia)], 10);
        let restored = undo.restore(&current, 20);
        assert_eq!(restored.tags(), tags(&[(1, Tag::Ukraine), (5, Tag::Russia)]));
        assert_eq!(restored.reason(1), Some("It keeps the army"), "the reason comes back with its tag");
        assert_eq!(restored.changed_at(1), 20);
        // "Make these mine": the shared tags replaced the reader's.
        let shared = tags(&[(2, Tag::Russia)]);
        let undo = Undo { previous: before, applied: shared, message: String::new() };
        let current = timed(&[(2, Tag::Russia), (3, Tag::Neutral)], 10);
        assert_eq!(undo.restore(&current, 20).tags(), tags(&[(1, Tag::Ukraine), (3, Tag::Neutral), (5, Tag::Neutral)]));
    }

    #[test]
    fn a_reason_is_refused_not_cut_over_the_budget() {
        use crate::reasons::{MAX_REASONS, MAX_REASON_CHARS};
        let mut t = timed(&[(1, Tag::Russia), (2, Tag::Ukraine), (3, Tag::Neutral)], 1);
        assert_eq!(t.give_reason(4, "Untagged", 2), Err(ReasonRefused::Untagged(4)));
        let long = "x".repeat(MAX_REASON_CHARS + 3);
        assert_eq!(t.give_reason(1, &long, 2), Err(ReasonRefused::TooLong { over: 3 }));
        assert_eq!(t.reason(1), None, "nothing was kept, nothing cut");
        assert_eq!(t.give_reason(1, " \u{200B}Fair\u{202E} trade ", 3), Ok(true));
        assert_eq!(t.reason(1), Some("Fair trade"), "cleaned as names are");
        assert_eq!(t.changed_at(1), 3);
        assert_eq!(t.give_reason(1, "Fair trade", 4), Ok(false));
        assert_eq!(MAX_REASONS, 2, "the test below fills the budget with two");
        assert_eq!(t.give_reason(2, "Keeps its army", 5), Ok(true));
        assert_eq!(t.give_reason(3, "Both gain", 6), Err(ReasonRefused::TooMany));
        // Editing one already given is fine; an invisible text removes it, and makes room.
        assert_eq!(t.give_reason(2, "Keeps an army", 7), Ok(true));
        assert_eq!(t.give_reason(2, "\u{200B}", 8), Ok(true));
        assert_eq!(t.reason(2), None);
        assert_eq!(t.give_reason(3, "Both gain", 9), Ok(true));
    }

    #[test]
    fn a_reason_goes_with_its_tag() {
        let mut t = timed(&[(4, Tag::Russia)], 1);
        assert!(t.set_reason(4, Some("Land for peace".into()), 2));
        assert!(!t.set_reason(5, Some("No tag here".into()), 3), "an untagged point takes no reason");
        t.set(4, Some(Tag::Neutral), 4);
        assert_eq!(t.reason(4), Some("Land for peace"), "changing the tag keeps the reason");
        t.set(4, None, 5);
        assert_eq!(t.reason(4), None, "clearing the tag removes it");
    }

    #[test]
    fn the_reasons_travel_in_the_record_and_a_link_refuses_more_than_its_budget() {
        let mut t = timed(&[(3, Tag::Russia), (9, Tag::Ukraine), (12, Tag::Neutral)], 5);
        t.set_reason(3, Some("Crimea & Donbas | for \"peace\"".into()), 6);
        t.set_reason(9, Some("Армія обмежена".into()), 7);
        assert_eq!(TimedTags::from_record(&t.to_record()), Some(t.clone()));
        assert_eq!(t.link_reasons().map(|r| r.len()), Ok(2));
        // A third, as two tabs may give: kept here, refused for a link.
        t.set_reason(12, Some("Neither".into()), 8);
        assert_eq!(TimedTags::from_record(&t.to_record()), Some(t.clone()));
        assert_eq!(t.link_reasons(), Err(ReasonRefused::TooMany));
        // A record with a reason on an untagged point was not written by this page.
        let bad = t.to_record().replace("3=", "4=");
        assert_eq!(TimedTags::from_record(&bad), None);
    }

    proptest! {
        #[test]
        fn undo_with_nothing_changed_since_gives_the_earlier_tags(previous in any_timed(), applied in any_tags()) {
            let undo = Undo { previous: previous.clone(), applied, message: String::new() };
            let mut current = previous.clone();
            current.set_all(&applied, 100);
            prop_assert_eq!(undo.restore(&current, 200).tags(), previous.tags());
        }

        #[test]
        fn undo_never_drops_a_change_made_after_the_replacement(
            previous in any_timed(), applied in any_tags(), current in any_timed(),
        ) {
            let restored = Undo { previous: previous.clone(), applied, message: String::new() }.restore(&current, 200);
            for n in 1..=POINT_COUNT as u8 {
                let changed = current.get(n) != applied.get(n);
                prop_assert_eq!(restored.get(n), if changed { current.get(n) } else { previous.get(n) });
            }
        }

        /// Every tab that hears of every save ends with the same tags,
        /// whatever the order: the merge is a join.
        #[test]
        fn merging_is_commutative_associative_and_idempotent(a in any_timed(), b in any_timed(), c in any_timed()) {
            prop_assert_eq!(a.merge(&b), b.merge(&a));
            prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
            prop_assert_eq!(a.merge(&a), a);
        }

        /// Per point, the merge holds the later change of the two.
        #[test]
        fn the_later_change_of_each_point_wins(a in any_timed(), b in any_timed()) {
            let m = a.merge(&b);
            for n in 1..=POINT_COUNT as u8 {
                let later = if b.changed_at(n) > a.changed_at(n) { Some(&b) } else if a.changed_at(n) > b.changed_at(n) { Some(&a) } else { None };
                if let Some(later) = later {
                    prop_assert_eq!((m.get(n), m.reason(n)), (later.get(n), later.reason(n)), "tag and reason travel together");
                }
                prop_assert!((m.get(n), m.reason(n)) == (a.get(n), a.reason(n)) || (m.get(n), m.reason(n)) == (b.get(n), b.reason(n)));
                prop_assert_eq!(m.changed_at(n), a.changed_at(n).max(b.changed_at(n)));
            }
        }

        #[test]
        fn saving_ends_with_storage_holding_what_the_page_shows(
            other in any_timed(), mine in any_timed(), refuse in any::<bool>(),
        ) {
            let mut store = MemoryStore::default();
            save(&mut store, &other);
            store.refuse_writes = refuse;
            let saving = save(&mut store, &mine);
            prop_assert_eq!(&saving.tags, &mine.merge(&other));
            if refuse {
                prop_assert_eq!(saving.status, SaveStatus::Failed);
                prop_assert_eq!(stored(&store), Some(other));
            } else {
                prop_assert_eq!(stored(&store), Some(saving.tags));
            }
        }

        /// A newer click (a time later than any stored) always survives the save, on its point.
        #[test]
        fn a_newer_click_always_survives_the_save(other in any_timed(), mut mine in any_timed(), n in 1u8..=28, tag in crate::strategies::any_tag()) {
            let mut store = MemoryStore::default();
            save(&mut store, &other);
            mine.set(n, tag, 1_000);
            prop_assert_eq!(save(&mut store, &mine).tags.get(n), tag);
        }

        #[test]
        fn the_record_round_trips(t in any_timed()) {
            prop_assert_eq!(TimedTags::from_record(&t.to_record()), Some(t));
        }
    }
}
