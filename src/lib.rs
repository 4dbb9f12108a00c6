//! Weigh the Plan: the Leptos UI (one component per file), its stores and
//! the browser glue. Pure logic lives in `plan-core`. The page is rendered
//! whole at build time (`ssr`, `src/bin/prerender.rs`); in the browser only
//! its islands hydrate (`hydrate`, `src/main.rs`, see `islands`). The class
//! view is a module of its own (`src/bin/class_view.rs`).

#![recursion_limit = "256"]

pub mod browser;
pub mod components;
pub mod islands;
pub mod navigation;
#[cfg(feature = "hydrate")]
pub mod shell;
pub mod stores;

/// The id of the element the page is rendered into (in `index.html`).
pub const ROOT_ID: &str = "app";

/// The page as HTML, the same for every reader: rendered at build time.
#[cfg(feature = "ssr")]
pub fn render_page() -> String {
    use leptos::prelude::*;
    use std::sync::Arc;
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    owner.with(|| components::page::app::App().to_html())
}

/// Brings the prerendered page to life: its islands hydrate, then the
/// reader's own state is applied and the page starts listening.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    browser::install_panic_message();
    islands::start(shell::start);
}
