//! Weigh the Plan: the browser app. Pure logic lives in `plan-core`; this
//! crate is the Leptos UI (one component per file) and the browser glue.

mod browser;
mod class_state;
mod components;
mod navigation;
mod state;

fn main() {
    browser::install_panic_message();
    leptos::mount::mount_to_body(components::app::App);
}
