//! The class module's root and its entry points. The story page's router
//! decides what it shows (`components::class_host` calls these through the
//! module's exports in `src/bin/class_view.rs`) and hands it the reader's own
//! tags: the module has no router, and reads no copy of the reader's state.

use crate::components::class::{result_page::ClassResultPage, view::ClassView};
use leptos::prelude::*;
use plan_core::class::ClassCounts;
use plan_core::Tags;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// What the class module shows.
pub enum Showing {
    /// The class view (`#class`).
    Gather,
    /// A class result from a link: counts and class label.
    Result(Box<ClassCounts>, Option<String>),
}

/// The reader's own tags, as the story page last said (for "you and the class").
#[derive(Clone, Copy)]
struct ReaderTags(RwSignal<Tags>);

pub fn reader_tags() -> Signal<Tags> {
    expect_context::<ReaderTags>().0.into()
}

thread_local! {
    /// The view on screen; dropping it unmounts it and disposes its state.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    static READER: RefCell<Option<RwSignal<Tags>>> = const { RefCell::new(None) };
}

/// Shows `showing` in the element with id `root_id`, replacing what was there.
pub fn show(root_id: &str, showing: Showing, tags: Tags) {
    hide();
    let Some(root) = document().get_element_by_id(root_id) else { return };
    let handle = leptos::mount::mount_to(root.unchecked_into(), move || {
        let reader = RwSignal::new(tags);
        READER.with(|r| *r.borrow_mut() = Some(reader));
        provide_context(ReaderTags(reader));
        match showing {
            Showing::Gather => view! { <ClassView/> }.into_any(),
            Showing::Result(counts, label) => view! { <ClassResultPage counts=*counts label=label/> }.into_any(),
        }
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

/// The reader left the class view: it goes, and with it its state (a
/// camera, a read waiting for a pause: see `ClassState::leave`).
pub fn hide() {
    READER.with(|r| r.borrow_mut().take());
    let mounted = MOUNTED.with(|m| m.borrow_mut().take());
    drop(mounted);
}

/// The reader's tags changed in the story page.
pub fn set_reader_tags(tags: Tags) {
    READER.with(|r| {
        if let Some(reader) = *r.borrow() {
            reader.set(tags);
        }
    });
}
