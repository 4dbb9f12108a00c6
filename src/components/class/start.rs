//! Start: the address students open (with the class label, if one is set),
//! as text and as a QR code large enough to project.

use crate::browser;
use crate::components::class::state::use_class;
use crate::components::qr_code::QrCode;
use crate::components::qr_dialog::{QrDialog, QrWords};
use leptos::prelude::*;
use plan_core::route::join_fragment;
use plan_core::ui;

#[component]
pub fn ClassStart() -> impl IntoView {
    let class = use_class();
    // The page's own address, never a link with the teacher's tags.
    let address = Memo::new(move |_| {
        let base = browser::base_url();
        match join_fragment(&class.label()) {
            Some(fragment) => format!("{base}{fragment}"),
            None => base,
        }
    });
    view! {
        <section class="class-start" aria-labelledby="start-heading">
            <h3 id="start-heading">{ui::cv_start_heading()}</h3>
            <div class="field">
                <label for="class-label">{ui::cv_label_field()}</label>
                <input
                    id="class-label"
                    type="text"
                    autocomplete="off"
                    aria-describedby="class-label-hint"
                    prop:value=move || class.label()
                    on:input=move |ev| class.set_label(&event_target_value(&ev))
                />
                <p id="class-label-hint" class="field-note">{ui::cv_label_hint()}</p>
            </div>
            <p class="address-label">{ui::cv_address_label()}</p>
            <p class="address"><a href=move || address.get()>{move || address.get()}</a></p>
            <QrCode text=Signal::from(address) label=ui::cv_qr_label().to_string()/>
            <QrDialog
                link=Signal::from(address)
                words=QrWords { button: ui::cv_project_qr(), title: ui::cv_qr_title(), label: ui::cv_qr_label() }
                title_id="project-title"
                class="qr-dialog project"
            />
        </section>
    }
}
