//! A button that opens a link as a QR code, large enough to project in a
//! classroom: the reader's share link, or the address a class's students open.
//! The reader's own code can also go full screen, black on white, for the
//! teacher's camera to read (the class view's "Scan students' codes").

use crate::components::dialog::{Dialog, DialogActions};
use crate::components::qr_code::QrCode;
use crate::components::teacher_code::TeacherCode;
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
    let teacher = RwSignal::new(false);
    let class = if class.is_empty() { "qr-dialog" } else { class };
    let label = words.label;
    view! {
        <button type="button" class="button" on:click=move |_| open.set(true)>{words.button}</button>
        <Dialog open=open title_id=title_id title=words.title class=class>
            <QrCode text=link label=label.to_string()/>
            <p class="qr-link">{move || link.get()}</p>
            <DialogActions open=open close_label=ui::close()>
                {for_teacher
                    .then(|| {
                        view! {
                            <button type="button" class="button primary" on:click=move |_| teacher.set(true)>
                                {ui::qr_show_teacher()}
                            </button>
                        }
                    })}
            </DialogActions>
            {for_teacher.then(|| view! { <TeacherCode open=teacher link=link label=label/> })}
        </Dialog>
    }
}
