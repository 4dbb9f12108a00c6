//! The share link as a QR code, large enough to project in a classroom.

use crate::components::dialog::{Dialog, DialogActions};
use crate::components::qr_code::QrCode;
use leptos::prelude::*;
use plan_core::ui::ui;

#[component]
pub fn QrDialog(link: Memo<String>) -> impl IntoView {
    let open = RwSignal::new(false);
    let u = ui();
    view! {
        <button type="button" class="button" on:click=move |_| open.set(true)>{u.qr_button}</button>
        <Dialog open=open title_id="qr-title" title=u.qr_title.to_string() class="qr-dialog">
            <QrCode text=Signal::from(link) label=u.qr_label.to_string()/>
            <p class="qr-link">{move || link.get()}</p>
            <DialogActions open=open close_label=u.close/>
        </Dialog>
    }
}
