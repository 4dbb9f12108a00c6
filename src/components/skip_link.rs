//! The skip link (an island). Its href serves readers without scripts; with
//! them, the click is handled in place, without touching the address (the
//! fragment is a route: a changed one would close a shared view). Hidden
//! outside the story, where there are no points to skip to (`html[data-page]`).

use crate::browser;
use leptos::prelude::*;
use plan_core::ui;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#points"
            on:click=move |ev| {
                ev.prevent_default();
                browser::skip_to("points");
            }
        >
            {ui::skip_link(plan_core::POINT_COUNT)}
        </a>
    }
}
