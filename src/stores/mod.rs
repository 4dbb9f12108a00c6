//! The app's state, in small stores with narrow write access: each store
//! owns its signals and exposes methods, never a signal to set. They live in
//! one reactive root (see `islands`) and reach the islands through context.
//!
//! | store | holds | written by |
//! |---|---|---|
//! | [`Reader`] | the reader's own tags and reasons, their tally, saving and the two-tab merge, undo, the spoken sentence, the choices made before start | the choices, the "Why?" fields, keys, Reset, Undo, "Make these mine", other tabs, the start |
//! | [`SharedView`] | someone else's tags and reasons opened from a link, and compare mode | the router, the shared banner |
//! | [`Nav`] | which view shows, the active step, the router's last fragment | the router, the step observer, navigation |
//! | [`Prefs`] | motion, "show the fuller wording on every card", the help dialog | the masthead tools, the switch, `?` |
//! | [`Notices`] | storage problems, damaged links, an update, a rebuilt page | the other stores, the router, the islands, the offline worker |
//! | [`Profile`] | the name and class label the reader's links carry | the share panel, `#join=`, other tabs |
//!
//! Storage, merge and undo logic live in the core (`plan_core::reader`),
//! tested natively; the stores put that logic in signals.

mod nav;
mod notices;
mod prefs;
mod profile;
mod reader;
mod shared;

pub use nav::{Nav, Page};
pub use notices::{LinkProblem, Notices, StorageNotice};
pub use prefs::Prefs;
pub use profile::Profile;
pub use reader::Reader;
pub use shared::SharedView;

use crate::browser;
use leptos::prelude::*;
use plan_core::reasons::Reasons;
use plan_core::share;
use plan_core::Tags;

#[derive(Clone, Copy)]
pub struct Stores {
    pub reader: Reader,
    pub shared: SharedView,
    pub nav: Nav,
    pub prefs: Prefs,
    pub notices: Notices,
    pub profile: Profile,
}

impl Stores {
    /// Every store, empty: the same for every reader (the prerendered page's state).
    pub fn new(store: Box<dyn plan_core::reader::Store>) -> Self {
        let shared = SharedView::new();
        let notices = Notices::new();
        Stores {
            reader: Reader::new(shared, notices, store),
            shared,
            nav: Nav::new(),
            prefs: Prefs::new(),
            notices,
            profile: Profile::new(notices),
        }
    }

    /// The link that carries the reader's own tags and reasons (tracked; follows the settled tags).
    pub fn share_link(&self) -> String {
        let tags = self.reader.own_settled();
        let reasons = self.reader.own_link_reasons();
        link_for(&tags, reasons.as_ref().ok(), &self.profile.name(), self.profile.joined_class().as_deref())
    }

    /// The link for the tags as they are this instant (for Copy and Share,
    /// which must never lag behind the last click).
    pub fn share_link_now(&self) -> String {
        let class = self.profile.joined_class_untracked();
        let reasons = self.reader.own_link_reasons_untracked();
        link_for(
            &self.reader.own_tags_untracked(),
            reasons.as_ref().ok(),
            &self.profile.name_untracked(),
            class.as_deref(),
        )
    }
}

/// The link for `tags`, with their reasons when a link can carry them (the
/// share panel says so when it cannot: more reasons than a link's budget).
fn link_for(tags: &Tags, reasons: Option<&Reasons>, name: &str, class: Option<&str>) -> String {
    let fragment = reasons
        .and_then(|r| share::fragment_with_reasons(tags, r, Some(name), class).ok())
        .unwrap_or_else(|| share::fragment(tags, Some(name), class));
    format!("{}#{}", browser::base_url(), fragment)
}

/// The stores of the page (every island runs under the root that provides them).
pub fn stores() -> Stores {
    expect_context::<Stores>()
}
