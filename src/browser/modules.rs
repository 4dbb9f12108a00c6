//! Code that arrives later: the class module (imported at `#class`) and the
//! service worker (offline use, updates).

use leptos::prelude::{document, window};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = "export function import_and_init(path) { \
    return import(new URL(path, document.baseURI).href).then((module) => module.default().then(() => module)); }")]
extern "C" {
    /// Imports an ES module (relative to the page), runs its wasm-bindgen
    /// initializer, and resolves to the module (its exported functions).
    fn import_and_init(path: &str) -> js_sys::Promise;
}

/// The `<meta name="class-view-module">` trunk's post-build hook writes: the
/// class module's file, hashed like every other asset.
const CLASS_MODULE_META: &str = "meta[name='class-view-module']";

thread_local! {
    /// The class module once loaded: its exported functions, called by name.
    static CLASS_MODULE: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// Loads the class module (once); false if it could not be loaded (offline, say).
pub async fn load_class_view() -> bool {
    if class_view_loaded() {
        return true;
    }
    let Some(path) =
        document().query_selector(CLASS_MODULE_META).ok().flatten().and_then(|m| m.get_attribute("content"))
    else {
        return false;
    };
    match wasm_bindgen_futures::JsFuture::from(import_and_init(&path)).await {
        Ok(module) => {
            CLASS_MODULE.with(|m| *m.borrow_mut() = Some(module));
            true
        }
        Err(_) => false,
    }
}

pub fn class_view_loaded() -> bool {
    CLASS_MODULE.with(|m| m.borrow().is_some())
}

/// Calls one of the class module's exported functions (if it is loaded).
pub fn call_class_view(name: &str, args: &[JsValue]) {
    CLASS_MODULE.with(|m| {
        let Some(module) = m.borrow().clone() else { return };
        let Some(f) = js_sys::Reflect::get(&module, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        else {
            return;
        };
        let _ = f.apply(&JsValue::NULL, &args.iter().collect::<js_sys::Array>());
    });
}

/// Registers the service worker (offline use) and calls `on_update` once a
/// newer version has been installed and waits to take over. Skipped where
/// the browser has none (an insecure origin, say): the page works without it.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    let navigator = window().navigator();
    let has_workers = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !has_workers {
        return;
    }
    let container = navigator.service_worker();
    let on_update: Rc<dyn Fn()> = Rc::new(on_update);
    let registered = Closure::<dyn FnMut(JsValue)>::new(move |registration: JsValue| {
        // Some environments resolve without a registration (workers blocked by policy).
        if !registration.is_object() {
            return;
        }
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        watch_for_update(&registration, Rc::clone(&on_update));
    });
    let _ = container.register("./sw.js").then(&registered);
    registered.forget();
}

/// A worker that is installed while another controls the page is a newer version.
fn watch_for_update(registration: &web_sys::ServiceWorkerRegistration, on_update: Rc<dyn Fn()>) {
    let controlled = || window().navigator().service_worker().controller().is_some();
    if registration.waiting().is_some() && controlled() {
        on_update();
        return;
    }
    let registration_for_found = registration.clone();
    let found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = registration_for_found.installing() else { return };
        let worker = installing.clone();
        let on_update = Rc::clone(&on_update);
        let changed = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                on_update();
            }
        });
        installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
    });
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
}

/// The reader chose the newer version: let it take over, then reload into it.
pub fn activate_update() {
    let container = window().navigator().service_worker();
    let reload = Closure::<dyn FnMut()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let ask = Closure::<dyn FnMut(JsValue)>::new(|registration: JsValue| {
        if !registration.is_object() {
            return;
        }
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        match registration.waiting() {
            Some(waiting) => {
                // Reload when it is active, too: the change of controller is the
                // usual signal, and a page that misses it must not sit there.
                let worker = waiting.clone();
                let activated = Closure::<dyn FnMut()>::new(move || {
                    if worker.state() == web_sys::ServiceWorkerState::Activated {
                        let _ = window().location().reload();
                    }
                });
                waiting.set_onstatechange(Some(activated.as_ref().unchecked_ref()));
                activated.forget();
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
            // Another tab took the update first: the new version already
            // controls this page, and no change of controller is coming.
            None => {
                let _ = window().location().reload();
            }
        }
    });
    let _ = container.get_registration().then(&ask);
    ask.forget();
}
