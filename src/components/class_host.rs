//! Where the class view appears in the story page (an island). The class
//! view is a module of its own (`src/bin/class_view.rs`), fetched the first
//! time a reader opens `#class` or a class result link: readers of the story
//! never download it. This page's router decides what it shows and hands it
//! the reader's tags; the module has no router and no copy of the stores.

use crate::browser;
use crate::stores::{stores, Page};
use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::ui;
use wasm_bindgen::JsValue;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Module {
    NotYet,
    Loading,
    Loaded,
    Failed,
}

/// Where the class module renders (see `class::root`).
pub const CLASS_ROOT_ID: &str = "class-root";

#[component]
pub fn ClassHost() -> impl IntoView {
    let s = stores();
    let page = move || s.nav.page();
    let shown = move || matches!(page(), Page::Class | Page::ClassResult);
    let loading = RwSignal::new(Module::NotYet);
    // Loading is the first visit's cost (and a failed load's retry, on the
    // next visit): started here, and nothing is shown from here.
    Effect::new(move |_| {
        if !shown() || !matches!(loading.get_untracked(), Module::NotYet | Module::Failed) {
            return;
        }
        loading.set(Module::Loading);
        spawn_local(async move {
            let loaded = browser::load_class_view().await;
            loading.set(if loaded { Module::Loaded } else { Module::Failed });
        });
    });
    // What the module shows follows the router, read when it runs: once the
    // module has arrived, it shows where the reader is then, not where they
    // were when the download began (they may have switched between `#class`
    // and a result link meanwhile).
    Effect::new(move |_| {
        let page = page();
        let result = s.nav.class_result();
        if loading.get() != Module::Loaded {
            return;
        }
        let tags = || JsValue::from_str(&plan_core::share::encode_tags(&s.reader.own_settled_untracked()));
        match (page, result) {
            (Page::ClassResult, Some((counts, label))) => {
                let code = JsValue::from_str(&plan_core::class_link::encode(&counts, label.as_deref()));
                browser::call_class_view("show_result", &[JsValue::from_str(CLASS_ROOT_ID), code, tags()]);
            }
            (Page::Class | Page::ClassResult, _) => {
                browser::call_class_view("show_gather", &[JsValue::from_str(CLASS_ROOT_ID), tags()])
            }
            _ => browser::call_class_view("hide", &[]),
        }
    });
    // "You and the class" compares with the reader's own tags, as they are now.
    Effect::new(move |_| {
        let tags = s.reader.own_settled();
        if loading.get() == Module::Loaded {
            browser::call_class_view("set_reader_tags", &[JsValue::from_str(&plan_core::share::encode_tags(&tags))]);
        }
    });
    view! {
        <div class="class-host" hidden=move || !shown()>
            <p class="class-loading" role="status">
                {move || match loading.get() {
                    Module::Loading => ui::cv_loading(),
                    Module::Failed => ui::cv_load_failed(),
                    Module::NotYet | Module::Loaded => "",
                }}
            </p>
            // The class module renders here; this page never touches what is inside.
            <div id=CLASS_ROOT_ID></div>
        </div>
    }
}
