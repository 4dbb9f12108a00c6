//! The page's static parts, as the islands and the router see them: island
//! hosts and their recorded shapes, panels that belong to steps, the cards'
//! fuller-wording disclosures.

use leptos::prelude::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Every island host in the page, with its `data-island` id, in document order.
pub fn island_hosts() -> Vec<(HtmlElement, String)> {
    elements("[data-island]")
        .filter_map(|el| {
            let id = el.get_attribute("data-island")?;
            Some((el.dyn_into::<HtmlElement>().ok()?, id))
        })
        .collect()
}

fn elements(selector: &str) -> impl Iterator<Item = Element> {
    let list = document().query_selector_all(selector).ok();
    let len = list.as_ref().map_or(0, |l| l.length());
    (0..len).filter_map(move |i| list.as_ref()?.item(i)?.dyn_into::<Element>().ok())
}

/// Whether a host's markup is as it was when the page was parsed: the shape
/// the inline script in `index.html` recorded (`data-shape`) against the
/// same measure now. Without a record (the script did not run) the markup
/// is taken as it is.
pub fn island_unchanged(host: &HtmlElement) -> bool {
    let Some(recorded) = host.get_attribute("data-shape") else { return true };
    let measure = js_sys::Reflect::get(&window(), &JsValue::from_str("__wtpShape")).ok();
    let Some(measure) = measure.and_then(|m| m.dyn_into::<js_sys::Function>().ok()) else { return true };
    measure.call1(&JsValue::NULL, host).ok().and_then(|s| s.as_string()).is_none_or(|now| now == recorded)
}

/// Puts back a host's markup as it was parsed (the inline script in
/// `index.html` kept a copy), before a translation or an extension changed
/// it; false when there is no copy.
pub fn restore_island(host: &HtmlElement) -> bool {
    let restore = js_sys::Reflect::get(&window(), &JsValue::from_str("__wtpRestore")).ok();
    let Some(restore) = restore.and_then(|r| r.dyn_into::<js_sys::Function>().ok()) else { return false };
    restore.call1(&JsValue::NULL, host).ok().and_then(|done| done.as_bool()).unwrap_or(false)
}

/// Shows the panels that belong to `step` and hides the others: every
/// element with a `data-steps` list gets `data-active` (the stylesheet hides
/// inactive panels and marks active speakers).
pub fn mark_step_panels(step: &str) {
    for el in elements("[data-steps]") {
        let active =
            el.get_attribute("data-steps").is_some_and(|list| list.split_ascii_whitespace().any(|s| s == step));
        let value = if active { "true" } else { "false" };
        if el.get_attribute("data-active").as_deref() != Some(value) {
            let _ = el.set_attribute("data-active", value);
        }
    }
}

/// Opens or closes every element matching `selector` that is a `<details>`.
pub fn set_all_open(selector: &str, open: bool) {
    for el in elements(selector) {
        if let Ok(details) = el.dyn_into::<web_sys::HtmlDetailsElement>() {
            details.set_open(open);
        }
    }
}
