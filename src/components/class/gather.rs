//! Gather: the "Student links" box, a file picker and drop zone, scanning
//! students' codes with the camera, the names switch, and the report of what was read, line by line. The pasted text is
//! never altered: files are added at its end, names are only hidden on
//! screen, and "Forget this class" asks first and can be undone.

use crate::browser;
use crate::components::class::report::ClassReport;
use crate::components::class::scan::ClassScan;
use crate::components::class::state::use_class;
use crate::components::dialog::{Dialog, DialogActions};
use leptos::ev;
use leptos::prelude::*;
use plan_core::ui;

#[component]
pub fn ClassGather() -> impl IntoView {
    let class = use_class();
    let confirming = RwSignal::new(false);
    let load = move |file: Option<web_sys::File>| {
        if let Some(file) = file {
            class.add_file(file);
        }
    };
    let confirm_clear = move |_| {
        confirming.set(false);
        class.clear();
    };
    view! {
        <section class="class-gather" aria-labelledby="gather-heading">
            <h3 id="gather-heading">{ui::cv_gather_heading()}</h3>
            <div
                class="field drop-zone"
                on:dragover=move |ev: ev::DragEvent| ev.prevent_default()
                on:drop=move |ev: ev::DragEvent| {
                    ev.prevent_default();
                    load(browser::first_file(ev.data_transfer().and_then(|d| d.files())));
                }
            >
                <label for="student-links">{ui::cv_links_label()}</label>
                <p id="student-links-hint" class="field-note">{ui::cv_links_hint()}</p>
                <textarea
                    id="student-links"
                    node_ref=class.area()
                    rows="9"
                    spellcheck="false"
                    autocomplete="off"
                    aria-describedby="student-links-hint student-links-kept"
                    on:input=move |_| class.edited()
                ></textarea>
                <p id="student-links-kept" class="field-note">{ui::cv_kept_note()}</p>
            </div>
            <label class="switch">
                <input
                    type="checkbox"
                    role="switch"
                    aria-describedby="show-names-hint"
                    prop:checked=move || class.show_names()
                    on:change=move |ev| class.set_show_names(event_target_checked(&ev))
                />
                {ui::cv_show_names()}
            </label>
            <p id="show-names-hint" class="field-note">
                {move || if class.show_names() { ui::cv_names_shown_hint() } else { ui::cv_names_hidden_hint() }}
            </p>
            <div class="gather-actions">
                <button type="button" class="button primary" on:click=move |_| class.read_now()>{ui::cv_read()}</button>
                <label class="button file-button">
                    {ui::cv_file()}
                    <input
                        type="file"
                        class="sr-only"
                        accept=".txt,.csv,text/plain,text/csv"
                        on:change=move |ev| load(browser::first_file(event_target::<web_sys::HtmlInputElement>(&ev).files()))
                    />
                </label>
                <button type="button" class="button danger" on:click=move |_| confirming.set(true)>{ui::cv_clear()}</button>
            </div>
            <p class="field-note">{ui::cv_drop()}</p>
            <ClassScan/>
            <div role="status" class="notice-slot">
                {move || {
                    class
                        .input_notice()
                        .map(|text| {
                            view! {
                                <div class="notice notice-warning">
                                    <p>{text}</p>
                                    <button type="button" class="button ghost" on:click=move |_| class.dismiss_input_notice()>
                                        {ui::dismiss()}
                                    </button>
                                </div>
                            }
                        })
                }}
            </div>
            <div role="status" class="notice-slot">
                <Show when=move || class.can_undo_clear()>
                    <div class="notice">
                        <p>{ui::cv_cleared()}</p>
                        <button type="button" class="button" on:click=move |_| class.undo_clear()>{ui::undo()}</button>
                        <button type="button" class="button ghost" on:click=move |_| class.dismiss_undo_clear()>{ui::dismiss()}</button>
                    </div>
                </Show>
            </div>
            <ClassReport/>
            <Dialog open=confirming title_id="clear-class-title" title=ui::cv_clear_title()>
                <p>{ui::cv_clear_body()}</p>
                <DialogActions open=confirming close_label=ui::cancel()>
                    <button type="button" class="button danger" on:click=confirm_clear>{ui::cv_clear_confirm()}</button>
                </DialogActions>
            </Dialog>
        </section>
    }
}
