//! Islands: the page is rendered whole at build time (`ssr`), and in the
//! browser only its interactive parts come alive. Each island sits in a host
//! element, `<div class="island" data-island="choices-5">`, and hydrates on
//! its own; the story, the cards' text, the fuller wording and the sources
//! are plain HTML that the browser build does not contain (their components
//! are compiled with `ssr` only: `components::page`).
//!
//! A page changed before the app starts (a browser's translation wraps text
//! in `<font>`; an extension; a proxy) would make hydration fail beyond
//! repair. So an inline script in `index.html` records each host's shape
//! (its tree of tags, text and comments) while the page is parsed; before
//! hydrating, the shape is measured again, and an island whose markup was
//! changed gets the markup it was rendered with back (the copy the inline
//! script kept), then hydrates like every other island. The page says so once.
//!
//! All islands share one reactive root, which provides the stores.

use std::fmt;
use std::str::FromStr;

/// Every island of the page, as written into its host's `data-island`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Island {
    SkipLink,
    MastheadTools,
    Notices,
    DraftSwitch,
    /// A card's tag fieldset (and its compare line), by point number.
    Choices(u8),
    Summary,
    SharePanel,
    GraphicControls,
    Speakers,
    Overview,
    Tally,
    ClassHost,
    HelpDialog,
}

const NAMED: [(Island, &str); 12] = [
    (Island::SkipLink, "skip-link"),
    (Island::MastheadTools, "masthead-tools"),
    (Island::Notices, "notices"),
    (Island::DraftSwitch, "draft-switch"),
    (Island::Summary, "summary"),
    (Island::SharePanel, "share-panel"),
    (Island::GraphicControls, "graphic-controls"),
    (Island::Speakers, "speakers"),
    (Island::Overview, "overview"),
    (Island::Tally, "tally"),
    (Island::ClassHost, "class-host"),
    (Island::HelpDialog, "help-dialog"),
];

impl fmt::Display for Island {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Island::Choices(n) => write!(f, "choices-{n}"),
            other => f.write_str(NAMED.iter().find(|(i, _)| i == other).map_or("", |(_, name)| name)),
        }
    }
}

impl FromStr for Island {
    type Err = ();

    fn from_str(id: &str) -> Result<Self, ()> {
        if let Some(n) = id.strip_prefix("choices-") {
            let n: u8 = n.parse().map_err(|_| ())?;
            return (1..=plan_core::POINT_COUNT as u8).contains(&n).then_some(Island::Choices(n)).ok_or(());
        }
        NAMED.iter().find(|(_, name)| *name == id).map(|(i, _)| *i).ok_or(())
    }
}

/// The host of an island in the prerendered page (`ssr` only).
#[cfg(feature = "ssr")]
#[leptos::component]
pub fn IslandHost(island: Island, children: leptos::children::Children) -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! { <div class="island" data-island=island.to_string()>{children()}</div> }
}

#[cfg(feature = "hydrate")]
pub use browser_side::start;

#[cfg(feature = "hydrate")]
mod browser_side {
    use super::Island;
    use crate::browser;
    use crate::components::{
        choices::Choices, class_host::ClassHost, draft_switch::DraftSwitch, graphic_controls::GraphicControls,
        help_dialog::HelpDialog, masthead_tools::MastheadTools, notices::Notices, overview::Overview,
        share_panel::SharePanel, skip_link::SkipLink, speakers::Speakers, summary::Summary, tally::TallyPanel,
    };
    use crate::stores::Stores;
    use leptos::prelude::*;
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{PositionState, RenderHtml};
    use std::collections::VecDeque;
    use std::sync::Arc;
    use wasm_bindgen::JsCast;
    use web_sys::HtmlElement;

    /// Calls `hydrate(host, view)` with the island's view: one generic
    /// instance per island kind, so no view is type-erased, and one render
    /// path (an island whose markup was changed gets its parsed markup back
    /// first, then hydrates like every other).
    macro_rules! each_island {
        ($island:expr, $host:expr) => {
            match $island {
                Island::SkipLink => hydrate($host, SkipLink),
                Island::MastheadTools => hydrate($host, MastheadTools),
                Island::Notices => hydrate($host, Notices),
                Island::DraftSwitch => hydrate($host, DraftSwitch),
                Island::Choices(n) => hydrate($host, move || view! { <Choices n=n/> }),
                Island::Summary => hydrate($host, Summary),
                Island::SharePanel => hydrate($host, SharePanel),
                Island::GraphicControls => hydrate($host, GraphicControls),
                Island::Speakers => hydrate($host, Speakers),
                Island::Overview => hydrate($host, Overview),
                Island::Tally => hydrate($host, TallyPanel),
                Island::ClassHost => hydrate($host, ClassHost),
                Island::HelpDialog => hydrate($host, HelpDialog),
            }
        };
    }

    /// Brings the islands to life under one reactive root that provides the
    /// stores, a few at a time: each slice of work is a short task of its
    /// own (see `browser::in_slices`), the islands in view first, so no long
    /// task stands between the reader and the page while it loads. Then runs
    /// `then` (the reader's own state, listeners) in the root.
    pub fn start(then: impl FnOnce(Stores) + 'static) {
        use hydration_context::{HydrateSharedContext, SharedContext};
        // Effects and resources run on wasm-bindgen's executor (an error here
        // means it is already set up, which is fine).
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let context = Arc::new(HydrateSharedContext::new());
        let root = Owner::new_root(Some(context.clone() as Arc<dyn SharedContext + Send + Sync>));
        let stores = root.with(|| {
            let stores = Stores::new(Box::new(browser::LocalStore));
            provide_context(stores);
            stores
        });
        // The parts that are on screen wherever the reader is (the notices,
        // the tally and its controls) first, then the cards in order. Asking
        // the layout where each island is would itself be a long task.
        let (first, rest): (Vec<_>, Vec<_>) = browser::island_hosts()
            .into_iter()
            .filter_map(|(host, id)| Some((host, id.parse::<Island>().ok()?)))
            .partition(|(_, island)| island.always_in_view());
        let mut queue: VecDeque<(HtmlElement, Island)> = first.into_iter().chain(rest).collect();
        let mut rebuilt = 0;
        let mut then = Some(then);
        browser::in_slices(move || {
            let Some((host, island)) = queue.pop_front() else {
                context.hydration_complete();
                root.with(|| {
                    stores.notices.mark_rebuilt(rebuilt);
                    if let Some(then) = then.take() {
                        then(stores);
                    }
                });
                return false;
            };
            root.with(|| {
                if !browser::island_unchanged(&host) && browser::restore_island(&host) {
                    rebuilt += 1;
                }
                if let Island::Choices(n) = island {
                    // A choice made before the app started: the radios hydrate showing it.
                    if let Some(choice) = browser::early_choice(n) {
                        stores.reader.hold_early(n, choice.tag);
                    }
                }
                each_island!(island, &host);
            });
            true
        });
    }

    impl Island {
        /// On screen wherever the reader is in the story (sticky or fixed).
        fn always_in_view(self) -> bool {
            matches!(
                self,
                Island::Notices | Island::Tally | Island::GraphicControls | Island::MastheadTools | Island::SkipLink
            )
        }
    }

    fn hydrate<V: IntoView + 'static>(host: &HtmlElement, view: impl FnOnce() -> V) {
        let owner = Owner::new();
        owner.with(|| {
            let cursor = Cursor::new(host.clone().unchecked_into());
            let state = view().into_view().hydrate::<true>(&cursor, &PositionState::default());
            // The island lives as long as the page.
            std::mem::forget(state);
        });
        std::mem::forget(owner);
    }
}
