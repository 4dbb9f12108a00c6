//! "Show my code to the teacher": the reader's share link as a QR code
//! filling the screen, for the class view's camera to read across a room.

use crate::browser;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::qr_code::QrCode;
use leptos::prelude::*;
use plan_core::ui;

/// The reader's code filling the screen, black on white even in dark mode,
/// the screen kept awake while it shows; Escape or Close ends it.
#[component]
pub fn TeacherCode(open: RwSignal<bool>, link: Signal<String>, label: &'static str) -> impl IntoView {
    Effect::new(move |_| {
        if open.get() {
            browser::keep_screen_awake();
        } else {
            browser::let_screen_sleep();
        }
    });
    on_cleanup(browser::let_screen_sleep);
    view! {
        <Dialog open=open title_id="qr-teacher-title" title=ui::qr_teacher_title() class="qr-teacher">
            <QrCode text=link label=label.to_string()/>
            <DialogActions open=open close_label=ui::close()/>
        </Dialog>
    }
}
