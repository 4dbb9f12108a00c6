//! A modal dialog (the native `<dialog>`): the one component behind the
//! help, QR code and confirmation dialogs. `open` drives it both ways: set
//! it to show the dialog; closing (Esc, a button) sets it back.

use crate::browser;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Dialog<V: IntoView + 'static>(
    open: RwSignal<bool>,
    /// The heading's id, which names the dialog.
    title_id: &'static str,
    title: &'static str,
    #[prop(optional)] class: &'static str,
    // Typed, not `ChildrenFn`: no type-erased view machinery in the wasm.
    children: TypedChildrenFn<V>,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        if open.get() {
            browser::show_modal(&d);
        } else {
            browser::close_dialog(&d);
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class=format!("dialog {class}")
            aria-labelledby=title_id
            on:close=move |_| open.set(false)
        >
            <h2 id=title_id>{title}</h2>
            // Rendered only while open: a closed dialog costs nothing.
            {move || open.get().then(|| children.clone().into_inner()())}
        </dialog>
    }
}

/// A dialog's row of buttons: its own actions, then the one that closes it.
#[component]
pub fn DialogActions(
    open: RwSignal<bool>,
    close_label: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="dialog-actions">
            {children.map(|c| c())}
            <button type="button" class="button" on:click=move |_| open.set(false)>{close_label}</button>
        </div>
    }
}
