//! A button that opens a link as a QR code, large enough to project in a
//! classroom: the reader's share link, or the address a class's students open.
//! The reader's own code can also fill the screen, black on white, for the
//! teacher's camera to read across a room (the class view's "Scan students'
//! codes"), in a plain native dialog: the story module carries as little
//! for it as it can.

use crate::browser;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::qr_code::QrCode;
use leptos::html;
use leptos::prelude::*;
use plan_core::ui;

/// The wording of one QR dialog: its button, its heading and the code's label.
pub struct QrWords {
    pub button: &'static str,
    pub title: &'static str,
    pub label: &'static str,
}

#[component]
pub fn QrDialog(
    link: Signal<String>,
    words: QrWords,
    /// The heading's id, which names the dialog (unique on the page).
    title_id: &'static str,
    #[prop(optional)] class: &'static str,
    /// Offer "Show my code to the teacher" (the reader's own share link).
    #[prop(optional)]
    for_teacher: bool,
) -> impl IntoView {
    let open = RwSignal::new(false);
    // Full screen for the teacher: a native modal dialog of its own (Escape
    // and Close end it, focus comes back to the button), no state of ours.
    let full = NodeRef::<html::Dialog>::new();
    let class = if class.is_empty() { "qr-dialog" } else { class };
    view! {
        <button type="button" class="button" on:click=move |_| open.set(true)>{words.button}</button>
        <Dialog open=open title_id=title_id title=words.title class=class>
            <QrCode text=link label=words.label.to_string()/>
            <p class="qr-link">{move || link.get()}</p>
            <DialogActions open=open close_label=ui::close()>
                <button
                    type="button"
                    class="button primary"
                    hidden=!for_teacher
                    on:click=move |_| {
                        if let Some(full) = full.get_untracked() {
                            browser::show_modal(&full);
                            browser::keep_screen_awake();
                        }
                    }
                >
                    {ui::qr_show_teacher()}
                </button>
            </DialogActions>
            <dialog
                node_ref=full
                class="dialog qr-teacher"
                aria-labelledby="qr-teacher-title"
                on:close=move |_| browser::let_screen_sleep()
            >
                <h2 id="qr-teacher-title">{ui::qr_teacher_title()}</h2>
                <QrCode text=link label=words.label.to_string()/>
                <button
                    type="button"
                    class="button"
                    autofocus
                    on:click=move |_| {
                        if let Some(full) = full.get_untracked() {
                            browser::close_dialog(&full);
                        }
                    }
                >
                    {ui::close()}
                </button>
            </dialog>
        </Dialog>
    }
}
