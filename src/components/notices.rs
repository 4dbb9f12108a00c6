//! Notices at the top of the story (an island): links the page could not
//! follow (alert), storage problems, undo offers, a page rebuilt after it was
//! changed, and the shared view (status).

use crate::browser;
use crate::components::shared_banner::SharedBanner;
use crate::stores::{stores, StorageNotice};
use leptos::prelude::*;
use plan_core::ui;
use plan_core::words::joined_class;

#[component]
pub fn Notices() -> impl IntoView {
    let s = stores();
    view! {
        <div class="notices">
            <SharedBanner/>
            <div role="status" class="notice-slot">
                {move || s.notices.update_ready().then(|| view! {
                    <div class="notice">
                        <p>{ui::update_ready()}</p>
                        <button type="button" class="button" on:click=move |_| browser::activate_update()>{ui::update_reload()}</button>
                        <button type="button" class="button ghost" on:click=move |_| s.notices.dismiss_update()>
                            {ui::update_later()}
                        </button>
                    </div>
                })}
            </div>
            <div role="alert" class="notice-slot">
                {move || {
                    s.notices
                        .link_problem()
                        .map(|problem| {
                            view! {
                                <div class="notice notice-error">
                                    <p>
                                        <strong>{problem.message()}</strong>
                                        {ui::own_unchanged()}
                                    </p>
                                    <button type="button" class="button ghost" on:click=move |_| s.notices.clear_link()>
                                        {ui::dismiss()}
                                    </button>
                                </div>
                            }
                        })
                }}
            </div>
            <div role="status" class="notice-slot">
                {move || s.notices.storage().map(|n| view! { <StorageMessage notice=n/> })}
            </div>
            <div role="status" class="notice-slot">
                {move || {
                    let label = s.profile.joined_class().filter(|_| s.notices.joined_shown())?;
                    Some(view! {
                        <div class="notice notice-shared">
                            <p>{joined_class(&label)}</p>
                            <button type="button" class="button ghost" on:click=move |_| s.profile.leave_class()>{ui::cv_leave_class()}</button>
                            <button type="button" class="button ghost" on:click=move |_| s.notices.show_joined(false)>{ui::dismiss()}</button>
                        </div>
                    })
                }}
            </div>
            <div role="status" class="notice-slot">
                {move || {
                    s.reader
                        .undo_offer()
                        .map(|message| {
                            view! {
                                <div class="notice">
                                    <p>{message}</p>
                                    <button type="button" class="button" on:click=move |_| s.reader.undo()>{ui::undo()}</button>
                                    <button type="button" class="button ghost" on:click=move |_| s.reader.dismiss_undo()>
                                        {ui::dismiss()}
                                    </button>
                                </div>
                            }
                        })
                }}
            </div>
            // One quiet line: parts of the page were changed before it started
            // (a translation, an extension) and were built afresh.
            <p role="status" class="notice-quiet">
                {move || (s.notices.rebuilt() > 0).then_some(ui::page_rebuilt())}
            </p>
        </div>
    }
}

#[component]
fn StorageMessage(notice: StorageNotice) -> impl IntoView {
    let s = stores();
    let retry = matches!(notice, StorageNotice::SaveFailed);
    let text = match notice {
        StorageNotice::Unavailable => ui::storage_unavailable().to_string(),
        StorageNotice::SetAside { key } => ui::storage_set_aside(&key),
        StorageNotice::SaveFailed => ui::storage_save_failed().to_string(),
    };
    view! {
        <div class="notice notice-warning">
            <p>{text}</p>
            {retry.then(|| view! { <button type="button" class="button" on:click=move |_| s.reader.retry_save()>{ui::storage_retry()}</button> })}
            <button type="button" class="button ghost" on:click=move |_| s.notices.dismiss_storage()>
                {ui::dismiss()}
            </button>
        </div>
    }
}
