//! A QR code of the share link, large enough to project in a classroom.

use crate::browser;
use leptos::html;
use leptos::prelude::*;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// SVG markup of the QR code for `text` (None if it is too long to encode).
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .quiet_zone(true)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    )
}

#[component]
pub fn QrDialog(link: Memo<String>) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let open = RwSignal::new(false);
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    view! {
        <button
            type="button"
            class="button"
            on:click=move |_| {
                open.set(true);
                if let Some(d) = dialog.get() {
                    browser::show_modal(&d);
                }
            }
        >
            "Show QR code"
        </button>
        <dialog node_ref=dialog class="dialog qr-dialog" aria-labelledby="qr-title" on:close=move |_| open.set(false)>
            <h2 id="qr-title">"Scan to open these tags"</h2>
            // Rendered only while open: encoding is cheap, but not free on every tag change.
            <Show when=move || open.get()>
                <div class="qr" role="img" aria-label="QR code of your share link" inner_html=move || qr_svg(&link.get()).unwrap_or_default()></div>
            </Show>
            <p class="qr-link">{move || link.get()}</p>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=close>"Close"</button>
            </div>
        </dialog>
    }
}
