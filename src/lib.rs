//! Weigh the Plan: the Leptos UI (one component per file) and the browser
//! glue. Pure logic lives in `plan-core`. The same components render twice:
//! at build time into `index.html` (`ssr`, see `src/bin/prerender.rs`), and
//! in the browser, where they hydrate that HTML (`hydrate`, `src/main.rs`).

#![recursion_limit = "256"]

pub mod browser;
pub mod class_state;
pub mod components;
pub mod navigation;
pub mod state;

/// The id of the element the app renders into (in `index.html`).
pub const ROOT_ID: &str = "app";

/// The page as HTML, the same for every reader: rendered at build time.
#[cfg(feature = "ssr")]
pub fn render_page() -> String {
    use leptos::prelude::*;
    use std::sync::Arc;
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    owner.with(|| components::app::App().to_html())
}

/// Where the class module renders (inside the story page's class host).
pub const CLASS_ROOT_ID: &str = "class-root";

/// The class module: renders the class view into the story page's host element.
pub fn start_class_view() {
    use wasm_bindgen::JsCast;
    browser::install_panic_message();
    let Some(root) = leptos::prelude::document().get_element_by_id(CLASS_ROOT_ID) else { return };
    leptos::mount::mount_to(root.unchecked_into(), components::class_root::ClassRoot).forget();
}

/// Takes over the prerendered page: the DOM stays, the app attaches to it.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    use wasm_bindgen::JsCast;
    browser::install_panic_message();
    let Some(root) = leptos::prelude::document().get_element_by_id(ROOT_ID) else { return };
    leptos::mount::hydrate_from(root.unchecked_into(), components::app::App).forget();
}
