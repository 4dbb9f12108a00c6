//! Where the class view appears in the story page. The class view is a
//! separate, smaller wasm module (`src/bin/class_view.rs`), loaded the first
//! time a reader opens `#class` or a class result link: readers of the story
//! never download it.

use crate::browser;
use crate::state::{use_state, Page};
use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::ui::ui;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Module {
    NotYet,
    Loading,
    Loaded,
    Failed,
}

#[component]
pub fn ClassHost() -> impl IntoView {
    let state = use_state();
    let shown = move || matches!(state.page.get(), Page::Class | Page::ClassResult);
    let loading = RwSignal::new(Module::NotYet);
    Effect::new(move |_| {
        if shown() && loading.get_untracked() == Module::NotYet {
            loading.set(Module::Loading);
            spawn_local(async move {
                let loaded = browser::load_class_view().await;
                loading.set(if loaded { Module::Loaded } else { Module::Failed });
            });
        }
    });
    view! {
        <div class="class-host" hidden=move || !shown()>
            <p class="class-loading" role="status">
                {move || match loading.get() {
                    Module::Loading => ui().cv_loading,
                    Module::Failed => ui().cv_load_failed,
                    Module::NotYet | Module::Loaded => "",
                }}
            </p>
            // The class module renders here; this app never touches what is inside.
            <div id="class-root"></div>
        </div>
    }
}
