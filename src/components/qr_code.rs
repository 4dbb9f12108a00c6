//! A QR code as inline SVG, drawn from the path the QR worker makes of the
//! text (`browser::draw_qr`; no markup built from strings, so nothing a reader
//! typed can become markup). Until it comes, the code's square says it is
//! being drawn; if the worker cannot load, it says so.

use crate::browser::{self, DrawnQr, QrProblem};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_core::ui;

#[component]
pub fn QrCode(text: Signal<String>, label: String) -> impl IntoView {
    // None while the worker draws the current text.
    let drawn = RwSignal::new(None::<Result<DrawnQr, QrProblem>>);
    Effect::new(move |_| {
        let asked = text.get();
        drawn.set(None);
        spawn_local(async move {
            let result = browser::draw_qr(asked.clone()).await;
            // A reply for a text since changed (or a code no longer shown) is dropped.
            if text.try_get_untracked().as_deref() == Some(asked.as_str()) {
                drawn.try_set(Some(result));
            }
        });
    });
    view! {
        {move || match drawn.get() {
            Some(Ok((d, side))) => {
                Either::Left(
                    view! {
                        <div class="qr" role="img" aria-label=label.clone()>
                            <svg viewBox=format!("0 0 {side} {side}") xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges">
                                <rect width="100%" height="100%" fill="#ffffff"></rect>
                                <path d=d fill="#000000"></path>
                            </svg>
                        </div>
                    },
                )
            }
            Some(Err(problem)) => Either::Right(pending(note(problem))),
            None => Either::Right(pending(ui::qr_drawing())),
        }}
    }
}

/// The code's square, holding a line instead of the code.
fn pending(note: &'static str) -> impl IntoView {
    view! {
        <div class="qr qr-pending">
            <p role="status">{note}</p>
        </div>
    }
}

fn note(problem: QrProblem) -> &'static str {
    match problem {
        QrProblem::TooLong => ui::qr_too_long(),
        QrProblem::NoWorker => ui::qr_failed(),
    }
}
