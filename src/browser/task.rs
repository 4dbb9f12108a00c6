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
