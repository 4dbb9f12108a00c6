//! The reader's own tags in storage: loading, saving with a merge of what
//! other tabs saved, what a failed save means, and undoing a replacement.
//! Storage is behind the [`Store`] trait, so all of it is tested natively;
//! the browser's localStorage implements it in `src/`.
//!
//! Two tabs: each remembers what it last read from or wrote to storage
//! (`synced`). Before a save it reads storage again; if another tab wrote in
//! between, that tab's changes are merged in first (see [`merge`]), so no tab
//! writes an older state over a newer one.
//!
//! Failed saves: storage can refuse one write (quota) and take the next, or
//! be turned off mid-session and on again. A failed save changes nothing but
//! the status the page shows; every later change is saved again in full, so
//! the first save that works catches up with everything before it.

use crate::share;
use crate::tags::{merge, Tags};

/// Versioned key: the value is a share code, so its own version travels with it.
pub const TAGS_KEY: &str = "weigh-the-plan:tags:v1";
/// Where an unreadable stored value is moved (with a timestamp), never deleted.
pub const SET_ASIDE_PREFIX: &str = "weigh-the-plan:tags:v1:set-aside:";

/// Storage refused: it is turned off, blocked, full, or throws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused;

/// A key-value store of texts (the browser's localStorage).
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, Refused>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused>;
    fn remove(&mut self, key: &str) -> Result<(), Refused>;
}

/// What loading the saved tags found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    Nothing,
    Tags(Tags),
    /// The stored value did not parse; it now lives under `key`.
    SetAside {
        key: String,
    },
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saving {
    /// The tags written (or that failed to be): the reader's own, with another tab's newer changes merged in.
    pub tags: Tags,
    pub status: SaveStatus,
}

/// This tab's view of the stored tags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SavedTags {
    /// What this tab last read from or wrote to storage: the base of the merge.
    synced: Tags,
    status: SaveStatus,
}

impl SavedTags {
    /// Loads the saved tags. An unreadable value is moved aside (copied
    /// first, then removed), never deleted; `now_ms` names the copy.
    pub fn load(store: &mut dyn Store, now_ms: u64) -> (SavedTags, Loaded) {
        let raw = match store.get(TAGS_KEY) {
            Err(Refused) => return (SavedTags::default(), Loaded::Unavailable),
            Ok(None) => return (SavedTags::default(), Loaded::Nothing),
            Ok(Some(raw)) => raw,
        };
        match share::decode_tags(&raw) {
            Ok(tags) => (SavedTags { synced: tags, status: SaveStatus::Saved }, Loaded::Tags(tags)),
            Err(_) => {
                let key = format!("{SET_ASIDE_PREFIX}{now_ms}");
                if store.set(&key, &raw).is_err() || store.remove(TAGS_KEY).is_err() {
                    return (SavedTags::default(), Loaded::Unavailable);
                }
                (SavedTags::default(), Loaded::SetAside { key })
            }
        }
    }

    /// Saves `mine`. If another tab saved since this one last looked, the
    /// points it changed are merged in first: `tags` is then what the page must show.
    pub fn save(&mut self, store: &mut dyn Store, mine: &Tags) -> Saving {
        let mut tags = *mine;
        if let Some(theirs) = stored_tags(store) {
            if theirs != self.synced {
                tags = merge(&self.synced, mine, &theirs);
                self.synced = theirs;
            }
        }
        self.status = match store.set(TAGS_KEY, &share::encode_tags(&tags)) {
            Ok(()) => {
                self.synced = tags;
                SaveStatus::Saved
            }
            Err(Refused) => SaveStatus::Failed,
        };
        Saving { tags, status: self.status }
    }

    /// Another tab saved `theirs` (a `storage` event). Returns the merge of
    /// this tab's `mine` with it, and whether this tab must save that merge
    /// (it holds changes of its own that storage lacks). None: nothing new.
    pub fn other_tab_saved(&mut self, mine: &Tags, theirs: &Tags) -> Option<(Tags, bool)> {
        if *theirs == self.synced {
            return None;
        }
        let merged = merge(&self.synced, mine, theirs);
        self.synced = *theirs;
        Some((merged, merged != *theirs))
    }

    /// Whether the latest change could not be saved.
    pub fn status(&self) -> SaveStatus {
        self.status
    }
}

/// The stored tags, if storage works and holds a readable value.
fn stored_tags(store: &dyn Store) -> Option<Tags> {
    share::decode_tags(&store.get(TAGS_KEY).ok()??).ok()
}

/// A replacement of all tags (Reset, "Make these mine") that can be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    /// The tags before the replacement.
    pub previous: Tags,
    /// The tags the replacement wrote.
    pub applied: Tags,
    /// The notice that offers the undo.
    pub message: String,
}

impl Undo {
    /// What undoing gives when the tags are now `current`: the earlier tags
    /// come back, except on points changed since the replacement (another
    /// tab may have tagged one; this tab's own changes withdraw the offer).
    pub fn restore(&self, current: &Tags) -> Tags {
        merge(&self.applied, &self.previous, current)
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
    use crate::strategies::any_tags;
    use crate::tags::Tag;
    use proptest::prelude::*;

    fn tags(pairs: &[(u8, Tag)]) -> Tags {
        let mut t = Tags::default();
        for &(n, tag) in pairs {
            t.set(n, Some(tag));
        }
        t
    }

    fn stored(store: &MemoryStore) -> Option<Tags> {
        stored_tags(store)
    }

    #[test]
    fn loads_nothing_tags_or_sets_aside_what_it_cannot_read() {
        let mut store = MemoryStore::default();
        assert_eq!(SavedTags::load(&mut store, 1).1, Loaded::Nothing);
        let t = tags(&[(1, Tag::Russia)]);
        store.items.insert(TAGS_KEY.into(), share::encode_tags(&t));
        assert_eq!(SavedTags::load(&mut store, 1).1, Loaded::Tags(t));
        store.items.insert(TAGS_KEY.into(), "garbage".into());
        let (_, loaded) = SavedTags::load(&mut store, 42);
        let key = format!("{SET_ASIDE_PREFIX}42");
        assert_eq!(loaded, Loaded::SetAside { key: key.clone() });
        assert_eq!(store.items.get(&key).map(String::as_str), Some("garbage"));
        assert!(!store.items.contains_key(TAGS_KEY));
        store.refuse_all = true;
        assert_eq!(SavedTags::load(&mut store, 1).1, Loaded::Unavailable);
    }

    #[test]
    fn one_refused_save_does_not_stop_saving_and_the_next_catches_up() {
        let mut store = MemoryStore::default();
        let (mut saved, _) = SavedTags::load(&mut store, 0);
        let one = tags(&[(1, Tag::Russia)]);
        assert_eq!(saved.save(&mut store, &one).status, SaveStatus::Saved);
        // Quota: this save is refused, and says so.
        store.refuse_writes = true;
        let two = tags(&[(1, Tag::Russia), (2, Tag::Ukraine)]);
        assert_eq!(saved.save(&mut store, &two).status, SaveStatus::Failed);
        assert_eq!(saved.status(), SaveStatus::Failed);
        assert_eq!(stored(&store), Some(one));
        // Room again: the next change is saved with the one that failed.
        store.refuse_writes = false;
        let three = tags(&[(1, Tag::Russia), (2, Tag::Ukraine), (3, Tag::Neutral)]);
        assert_eq!(saved.save(&mut store, &three), Saving { tags: three, status: SaveStatus::Saved });
        assert_eq!(stored(&store), Some(three));
        assert_eq!(saved.status(), SaveStatus::Saved);
    }

    #[test]
    fn storage_turned_off_and_on_again_mid_session() {
        let mut store = MemoryStore::default();
        let (mut saved, _) = SavedTags::load(&mut store, 0);
        store.refuse_all = true;
        let t = tags(&[(4, Tag::Neutral)]);
        assert_eq!(saved.save(&mut store, &t).status, SaveStatus::Failed);
        store.refuse_all = false;
        assert_eq!(saved.save(&mut store, &t).status, SaveStatus::Saved);
        assert_eq!(stored(&store), Some(t));
    }

    #[test]
    fn a_save_merges_another_tabs_newer_save_first() {
        let mut store = MemoryStore::default();
        let (mut a, _) = SavedTags::load(&mut store, 0);
        let (mut b, _) = SavedTags::load(&mut store, 0);
        b.save(&mut store, &tags(&[(1, Tag::Russia)]));
        // Tab A has not heard of B's save yet, and tags point 2.
        let saving = a.save(&mut store, &tags(&[(2, Tag::Ukraine)]));
        let both = tags(&[(1, Tag::Russia), (2, Tag::Ukraine)]);
        assert_eq!(saving.tags, both);
        assert_eq!(stored(&store), Some(both));
    }

    #[test]
    fn another_tabs_save_is_taken_in_and_saved_back_only_with_changes_of_our_own() {
        let mut store = MemoryStore::default();
        let (mut a, _) = SavedTags::load(&mut store, 0);
        let theirs = tags(&[(1, Tag::Russia)]);
        assert_eq!(a.other_tab_saved(&Tags::default(), &theirs), Some((theirs, false)));
        assert_eq!(a.other_tab_saved(&theirs, &theirs), None);
        let mine = tags(&[(1, Tag::Russia), (5, Tag::Neutral)]);
        let newer = tags(&[(1, Tag::Ukraine)]);
        assert_eq!(a.other_tab_saved(&mine, &newer), Some((tags(&[(1, Tag::Ukraine), (5, Tag::Neutral)]), true)));
    }

    #[test]
    fn undo_keeps_a_tag_another_tab_made_after_the_replacement() {
        let before = tags(&[(1, Tag::Ukraine), (5, Tag::Neutral)]);
        // Reset: everything cleared.
        let undo = Undo { previous: before, applied: Tags::default(), message: String::new() };
        // Then another tab tags point 5 Russia, and this tab takes it in.
        let current = tags(&[(5, Tag::Russia)]);
        assert_eq!(undo.restore(&current), tags(&[(1, Tag::Ukraine), (5, Tag::Russia)]));
        // "Make these mine": the shared tags replaced the reader's.
        let shared = tags(&[(2, Tag::Russia)]);
        let undo = Undo { previous: before, applied: shared, message: String::new() };
        let current = tags(&[(2, Tag::Russia), (3, Tag::Neutral)]);
        assert_eq!(undo.restore(&current), tags(&[(1, Tag::Ukraine), (3, Tag::Neutral), (5, Tag::Neutral)]));
    }

    proptest! {
        #[test]
        fn undo_with_nothing_changed_since_gives_the_earlier_tags(previous in any_tags(), applied in any_tags()) {
            let undo = Undo { previous, applied, message: String::new() };
            prop_assert_eq!(undo.restore(&applied), previous);
        }

        #[test]
        fn undo_never_drops_a_change_made_after_the_replacement(
            previous in any_tags(), applied in any_tags(), current in any_tags(),
        ) {
            let restored = Undo { previous, applied, message: String::new() }.restore(&current);
            for n in 1..=crate::POINT_COUNT as u8 {
                let changed = current.get(n) != applied.get(n);
                prop_assert_eq!(restored.get(n), if changed { current.get(n) } else { previous.get(n) });
            }
        }

        #[test]
        fn saving_ends_with_storage_holding_what_the_page_shows(
            first in any_tags(), other in any_tags(), mine in any_tags(), refuse in any::<bool>(),
        ) {
            let mut store = MemoryStore::default();
            let (mut a, _) = SavedTags::load(&mut store, 0);
            a.save(&mut store, &first);
            let (mut b, _) = SavedTags::load(&mut store, 0);
            b.save(&mut store, &other);
            store.refuse_writes = refuse;
            let saving = a.save(&mut store, &mine);
            if refuse {
                prop_assert_eq!(saving.status, SaveStatus::Failed);
                prop_assert_eq!(stored(&store), Some(other));
            } else {
                prop_assert_eq!(stored(&store), Some(saving.tags));
            }
        }
    }
}
