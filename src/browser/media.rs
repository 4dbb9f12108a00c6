//! The page's surroundings: the system's motion setting, attributes on
//! `<html>` (the stylesheet's hooks), embedding, printing, CSS variables, the
//! screen kept awake while a student shows their code.

use leptos::prelude::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const REDUCED_MOTION_QUERY: &str = "(prefers-reduced-motion: reduce)";

pub fn prefers_reduced_motion() -> bool {
    window().match_media(REDUCED_MOTION_QUERY).ok().flatten().is_some_and(|m| m.matches())
}

/// Calls `on_change` with the new value whenever the system's reduced-motion setting changes.
pub fn watch_reduced_motion(on_change: impl Fn(bool) + 'static) {
    let Some(query) = window().match_media(REDUCED_MOTION_QUERY).ok().flatten() else { return };
    let callback = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |ev: web_sys::MediaQueryListEvent| {
        on_change(ev.matches());
    });
    let _ = query.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    callback.forget();
}

/// Sets an attribute on `<html>`: the stylesheet's hooks for app-wide state
/// (`data-motion`, `data-app`).
/// Writes nothing when the value is already there: a write restyles what
/// the stylesheet keys on it (for `data-motion`, every element).
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = document().document_element() {
        if root.get_attribute(name).as_deref() != Some(value) {
            let _ = root.set_attribute(name, value);
        }
    }
}

/// Whether the page runs embedded (`?embed`): an inline script in index.html
/// has already marked `<html data-embed>` before the first paint.
pub fn is_embedded() -> bool {
    document().document_element().is_some_and(|root| root.has_attribute("data-embed"))
}

/// In an embed, tells the embedding page the document's height whenever it
/// changes (only a number leaves the frame), so its iframe can fit it.
pub fn post_height_to_parent() {
    let Ok(Some(parent)) = window().parent() else { return };
    let send = Closure::<dyn FnMut()>::new(move || {
        let Some(root) = document().document_element() else { return };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"weigh-the-plan:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(root.scroll_height()));
        let _ = parent.post_message(&message, "*");
    });
    if let (Ok(observer), Some(root)) =
        (web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()), document().document_element())
    {
        observer.observe(&root);
    }
    send.forget();
}

/// Opens the browser's print dialog.
pub fn print() {
    let _ = window().print();
}

thread_local! {
    /// The screen wake lock while a code is shown to the teacher, and whether it is still wanted
    /// (the lock may arrive after the code was closed).
    static WAKE_LOCK: std::cell::RefCell<(bool, Option<JsValue>)> = const { std::cell::RefCell::new((false, None)) };
}

/// Keeps the screen on while a student holds up their code, where the
/// browser allows it (`navigator.wakeLock`); otherwise nothing happens.
pub fn keep_screen_awake() {
    WAKE_LOCK.with(|w| w.borrow_mut().0 = true);
    let navigator = window().navigator();
    let Ok(lock) = js_sys::Reflect::get(&navigator, &"wakeLock".into()) else { return };
    let request =
        js_sys::Reflect::get(&lock, &"request".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = request.and_then(|f| f.call1(&lock, &"screen".into()).ok()) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(sentinel) = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await else { return };
        WAKE_LOCK.with(|w| w.borrow_mut().1 = Some(sentinel));
        let wanted = WAKE_LOCK.with(|w| w.borrow().0);
        if !wanted {
            let_screen_sleep();
        }
    });
}

/// The code was closed: the screen may sleep again.
pub fn let_screen_sleep() {
    let sentinel = WAKE_LOCK.with(|w| {
        let mut w = w.borrow_mut();
        w.0 = false;
        w.1.take()
    });
    let release = sentinel.as_ref().and_then(|s| js_sys::Reflect::get(s, &"release".into()).ok());
    if let (Some(sentinel), Some(release)) = (sentinel, release.and_then(|f| f.dyn_into::<js_sys::Function>().ok())) {
        let _ = release.call0(&sentinel);
    }
}
