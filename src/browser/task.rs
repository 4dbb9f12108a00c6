//! Time and tasks: the clock, work scheduled after the current task, panics.

use leptos::prelude::window;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// In debug builds a panic is printed to the console with its message and
/// place, instead of wasm's bare "unreachable executed".
pub fn install_panic_message() {
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
}

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A callback made once and run as a task of its own each time it is
/// scheduled: a click then schedules work without building a JS closure.
pub struct Task {
    callback: js_sys::Function,
}

impl Task {
    pub fn new(f: impl Fn() + 'static) -> Self {
        let callback = Closure::<dyn Fn()>::new(f).into_js_value().unchecked_into();
        Task { callback }
    }

    /// Runs the callback after the current task (and its paint) is done.
    pub fn schedule(&self) {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&self.callback, 0);
    }
}

/// Longest stretch of work in one slice (wall time, so a slow or throttled
/// machine gets the same short tasks): a click waits at most this long.
const SLICE_MS: f64 = 8.0;

/// Runs `step` again and again, in slices of at most `SLICE_MS` (plus one
/// step), each slice a task of its own, until it returns false. Between
/// slices the browser paints and handles input. The next slice is posted
/// through a message channel: a timer would be clamped to 4 ms after a few rounds.
pub fn in_slices(mut step: impl FnMut() -> bool + 'static) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        while step() {}
        return;
    };
    let (port, next) = (channel.port1(), channel.port2());
    let done = port.clone();
    let performance = window().performance();
    let clock = move || performance.as_ref().map_or(0.0, |p| p.now());
    // Lives as long as the page (one closure, once): it owns what `step` captured.
    let on_message = Closure::<dyn FnMut()>::new(move || {
        let start = clock();
        loop {
            if !step() {
                done.set_onmessage(None);
                return;
            }
            if clock() - start >= SLICE_MS {
                let _ = next.post_message(&JsValue::NULL);
                return;
            }
        }
    });
    port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = channel.port2().post_message(&JsValue::NULL);
}
