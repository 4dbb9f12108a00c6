//! localStorage: the core's `Store` for the reader's tags, small texts
//! (name, class label, the class box), and other tabs' saves.

use leptos::prelude::window;
use plan_core::reader::{Refused, Store};

pub use plan_core::reader::{SET_ASIDE_PREFIX, TAGS_KEY, TIMES_KEY};
pub const NAME_KEY: &str = "weigh-the-plan:name:v1";
/// The class label a student's links carry (set by a teacher's `#join=` address).
pub const JOINED_CLASS_KEY: &str = "weigh-the-plan:joined-class:v1";
/// The class view's pasted links, kept apart from the reader's own tags.
pub const CLASS_INPUT_KEY: &str = "weigh-the-plan:class-input:v1";
/// The teacher's class label.
pub const CLASS_LABEL_KEY: &str = "weigh-the-plan:class-label:v1";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The browser's localStorage as the core's [`Store`]: every call asks the
/// browser again, so storage turned off (or full) mid-session, and on
/// again, is noticed at the next save.
pub struct LocalStore;

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, Refused> {
        storage().ok_or(Refused)?.get_item(key).map_err(|_| Refused)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        storage().ok_or(Refused)?.set_item(key, value).map_err(|_| Refused)
    }

    fn remove(&mut self, key: &str) -> Result<(), Refused> {
        storage().ok_or(Refused)?.remove_item(key).map_err(|_| Refused)
    }
}

pub fn load_name() -> String {
    load_text(NAME_KEY).unwrap_or_default()
}

pub fn save_name(name: &str) -> bool {
    save_text(NAME_KEY, name)
}

/// A stored text, if storage works and holds one.
pub fn load_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores a text (an empty one removes the key); false when the browser refuses.
pub fn save_text(key: &str, value: &str) -> bool {
    let Some(store) = storage() else { return false };
    if value.is_empty() {
        store.remove_item(key).is_ok()
    } else {
        store.set_item(key, value).is_ok()
    }
}

/// What another tab saved, from a `storage` event.
pub enum OtherTab {
    /// The reader's tags (either of their two keys): read them from storage.
    Tags,
    /// Empty when the name was cleared.
    Name(String),
    /// The class joined through a `#join=` address; `None` when left.
    Class(Option<String>),
}

/// Calls `on_change` whenever another tab of this page saves tags, a name or a joined class
/// (the browser fires `storage` only in the other tabs). The tags are read
/// from storage, not from the event, so both of their keys are read together.
pub fn on_other_tab(on_change: impl Fn(OtherTab) + 'static) -> leptos::prelude::WindowListenerHandle {
    leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
        // An empty text is saved by removing its key (`save_text`): no value is "".
        let value = ev.new_value();
        match ev.key().as_deref() {
            Some(TAGS_KEY | TIMES_KEY) => on_change(OtherTab::Tags),
            Some(NAME_KEY) => on_change(OtherTab::Name(value.unwrap_or_default())),
            Some(JOINED_CLASS_KEY) => on_change(OtherTab::Class(value.filter(|v| !v.is_empty()))),
            _ => {}
        }
    })
}
