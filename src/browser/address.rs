//! The page's address: its fragment (the router's input) and base.

use leptos::prelude::window;
use wasm_bindgen::JsValue;

/// The current fragment, including its `#` (empty when there is none).
pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The page's public address, origin and path: the base of every link the
/// page hands out (share, class, embed). The query is left out, so that a
/// link made inside an embed does not carry `?embed` to a full-page reader.
pub fn base_url() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// Rewrites the fragment without adding a history entry (scrolling must not
/// fill the back button with one entry per card). The query stays: an
/// embedded page stays embedded.
pub fn replace_hash(fragment: &str) {
    let href = window().location().href().unwrap_or_default();
    let url = format!("{}{}", href.split('#').next().unwrap_or_default(), fragment);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
