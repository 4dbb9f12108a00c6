//! The class module's root (`src/bin/class_view.rs`): the class view at
//! `#class`, or a class result from a link. It has its own copy of the
//! reader's state, read from storage, for "you and the class"; it never
//! writes the reader's tags.

use crate::browser;
use crate::components::{class_result_page::ClassResultPage, class_view::ClassView};
use crate::state::AppState;
use leptos::ev;
use leptos::prelude::*;
use plan_core::route::{self, Route};

#[derive(Clone, Copy, PartialEq, Eq)]
enum ClassPage {
    Gather,
    Result,
    Elsewhere,
}

#[component]
pub fn ClassRoot() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let page = RwSignal::new(ClassPage::Elsewhere);
    let follow = move || {
        let next = match route::parse(&browser::hash()) {
            Route::Class => ClassPage::Gather,
            Route::ClassResult(result) => match *result {
                Ok(result) => {
                    state.class_result.set(Some(result));
                    ClassPage::Result
                }
                Err(_) => ClassPage::Elsewhere,
            },
            _ => ClassPage::Elsewhere,
        };
        // The reader may have tagged in the story since: read their tags again.
        if next != ClassPage::Elsewhere {
            state.load_reader_state();
        }
        page.set(next);
    };
    follow();
    window_event_listener(ev::hashchange, move |_| follow());
    move || match page.get() {
        ClassPage::Gather => view! { <ClassView/> }.into_any(),
        ClassPage::Result => view! { <ClassResultPage/> }.into_any(),
        ClassPage::Elsewhere => ().into_any(),
    }
}
