//! The class view's own wasm module, fetched on demand by the story page
//! (`components::class_host`), which calls these exports: the page's router
//! decides what shows; the module only renders it.

use plan_core::share::decode_tags;
use wasm_bindgen::prelude::*;
use weigh_the_plan::components::class::root::{self, Showing};

fn main() {
    weigh_the_plan::browser::install_panic_message();
}

/// The class view (`#class`) in the element `root_id`.
#[wasm_bindgen]
pub fn show_gather(root_id: &str, reader_tags: &str) {
    root::show(root_id, Showing::Gather, decode_tags(reader_tags).unwrap_or_default());
}

/// A class result (the canonical payload of a result link) in the element `root_id`.
#[wasm_bindgen]
pub fn show_result(root_id: &str, result: &str, reader_tags: &str) {
    let Some(Ok((counts, label))) = plan_core::class_link::parse_fragment(result) else { return };
    root::show(root_id, Showing::Result(Box::new(counts), label), decode_tags(reader_tags).unwrap_or_default());
}

#[wasm_bindgen]
pub fn set_reader_tags(reader_tags: &str) {
    if let Ok(tags) = decode_tags(reader_tags) {
        root::set_reader_tags(tags);
    }
}

#[wasm_bindgen]
pub fn hide() {
    root::hide();
}
