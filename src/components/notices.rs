//! Notices at the top of the story: damaged links (alert), storage problems,
//! undo offers and the shared view (status).

use crate::components::shared_banner::SharedBanner;
use crate::state::{use_state, StorageNotice};
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="notices">
            <SharedBanner/>
            <div role="alert" class="notice-slot">
                {move || {
                    state
                        .link_error
                        .get()
                        .map(|e| {
                            view! {
                                <div class="notice notice-error">
                                    <p>
                                        <strong>{e.message()}</strong>
                                        " You are seeing your own tags, which are unchanged."
                                    </p>
                                    <button type="button" class="button ghost" on:click=move |_| state.link_error.set(None)>
                                        "Dismiss"
                                    </button>
                                </div>
                            }
                        })
                }}
            </div>
            <div role="status" class="notice-slot">
                {move || state.storage_notice.get().map(|n| view! { <StorageMessage notice=n/> })}
            </div>
            <div role="status" class="notice-slot">
                {move || {
                    state
                        .undo
                        .get()
                        .map(|u| {
                            view! {
                                <div class="notice">
                                    <p>{u.message}</p>
                                    <button type="button" class="button" on:click=move |_| state.undo()>"Undo"</button>
                                    <button type="button" class="button ghost" on:click=move |_| state.undo.set(None)>
                                        "Dismiss"
                                    </button>
                                </div>
                            }
                        })
                }}
            </div>
        </div>
    }
}

#[component]
fn StorageMessage(notice: StorageNotice) -> impl IntoView {
    let state = use_state();
    let text = match notice {
        StorageNotice::Unavailable => "This browser is not letting the page save, so your tags will be lost when you close it. Copy your share link to keep them.".to_string(),
        StorageNotice::SetAside { key } => format!(
            "Your saved tags could not be read, so the page started with none. The unreadable copy is kept in this browser's storage under “{key}”."
        ),
    };
    view! {
        <div class="notice notice-warning">
            <p>{text}</p>
            <button type="button" class="button ghost" on:click=move |_| state.storage_notice.set(None)>"Dismiss"</button>
        </div>
    }
}
