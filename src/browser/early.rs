//! Choices made before the app started. The prerendered radios are live from
//! the first paint; the boot script in `index.html` keeps each choice (or
//! Clear) with the time it was made, in `window.__wtpEarly`, until the app
//! takes them over.

use leptos::prelude::window;
use plan_core::reader::{Change, Millis};
use plan_core::Tag;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn boot() -> Option<JsValue> {
    js_sys::Reflect::get(&window(), &JsValue::from_str("__wtpEarly")).ok().filter(|v| v.is_object())
}

fn call(method: &str, arg: Option<&JsValue>) -> Option<JsValue> {
    let boot = boot()?;
    let f = js_sys::Reflect::get(&boot, &JsValue::from_str(method)).ok()?.dyn_into::<js_sys::Function>().ok()?;
    match arg {
        Some(arg) => f.call1(&boot, arg).ok(),
        None => f.call0(&boot).ok(),
    }
}

/// `{ tag: "russia" | null, at: 1765… }` as a choice of point `number`.
fn read_choice(number: u8, value: &JsValue) -> Option<Change> {
    if !value.is_object() {
        return None;
    }
    let tag = js_sys::Reflect::get(value, &JsValue::from_str("tag")).ok()?;
    let at = js_sys::Reflect::get(value, &JsValue::from_str("at")).ok()?.as_f64()?;
    let tag = match tag.as_string() {
        Some(id) => Some(Tag::from_id(&id)?),
        None => None,
    };
    Some(Change { number, tag, at: at as Millis })
}

/// The choice made so far on point `number`, if any (the boot script keeps taking them).
pub fn early_choice(number: u8) -> Option<Change> {
    read_choice(number, &call("peek", Some(&JsValue::from(number)))?)
}

/// Every choice made before now; from here on the app's own handlers take
/// the radios (the boot script stops keeping choices, and clears its "held" line).
pub fn take_early_choices() -> Vec<Change> {
    let Some(choices) = call("take", None) else { return Vec::new() };
    let Ok(keys) = js_sys::Reflect::own_keys(&choices) else { return Vec::new() };
    keys.iter()
        .filter_map(|key| {
            let number: u8 = key.as_string()?.parse().ok()?;
            read_choice(number, &js_sys::Reflect::get(&choices, &key).ok()?)
        })
        .collect()
}
