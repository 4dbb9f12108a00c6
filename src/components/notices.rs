//! Notices at the top of the story: links the page could not follow (alert),
//! storage problems, undo offers and the shared view (status).

use crate::browser;
use crate::components::shared_banner::SharedBanner;
use crate::state::{use_state, StorageNotice};
use leptos::prelude::*;
use plan_core::ui::{fill, ui};
use plan_core::words::joined_class;

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_state();
    let u = ui();
    view! {
        <div class="notices">
            <SharedBanner/>
            <div role="status" class="notice-slot">
                <Show when=move || state.update_ready.get()>
                    <div class="notice">
                        <p>{u.update_ready}</p>
                        <button type="button" class="button" on:click=move |_| browser::activate_update()>{u.update_reload}</button>
                        <button type="button" class="button ghost" on:click=move |_| state.update_ready.set(false)>
                            {u.update_later}
                        </button>
                    </div>
                </Show>
            </div>
            <div role="alert" class="notice-slot">
                {move || {
                    state
                        .link_problem
                        .get()
                        .map(|problem| {
                            view! {
                                <div class="notice notice-error">
                                    <p>
                                        <strong>{problem.message()}</strong>
                                        {u.own_unchanged}
                                    </p>
                                    <button type="button" class="button ghost" on:click=move |_| state.link_problem.set(None)>
                                        {u.dismiss}
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
                    let label = state.joined_class.get().filter(|_| state.joined_notice.get())?;
                    Some(view! {
                        <div class="notice notice-shared">
                            <p>{joined_class(&label)}</p>
                            <button type="button" class="button ghost" on:click=move |_| state.leave_class()>{u.cv_leave_class}</button>
                            <button type="button" class="button ghost" on:click=move |_| state.joined_notice.set(false)>{u.dismiss}</button>
                        </div>
                    })
                }}
            </div>
            <div role="status" class="notice-slot">
                {move || {
                    state
                        .undo
                        .get()
                        .map(|undo| {
                            view! {
                                <div class="notice">
                                    <p>{undo.message}</p>
                                    <button type="button" class="button" on:click=move |_| state.undo()>{u.undo}</button>
                                    <button type="button" class="button ghost" on:click=move |_| state.undo.set(None)>
                                        {u.dismiss}
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
    let u = ui();
    let retry = matches!(notice, StorageNotice::SaveFailed);
    let text = match notice {
        StorageNotice::Unavailable => u.storage_unavailable.to_string(),
        StorageNotice::SetAside { key } => fill(u.storage_set_aside, &[("key", &key)]),
        StorageNotice::SaveFailed => u.storage_save_failed.to_string(),
    };
    view! {
        <div class="notice notice-warning">
            <p>{text}</p>
            {retry.then(|| view! { <button type="button" class="button" on:click=move |_| state.retry_save()>{u.storage_retry}</button> })}
            <button type="button" class="button ghost" on:click=move |_| state.storage_notice.set(None)>
                {u.dismiss}
            </button>
        </div>
    }
}
