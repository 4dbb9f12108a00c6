//! A QR code as inline SVG, drawn from the code's modules (no markup built
//! from strings, so nothing a reader typed can become markup).

use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode as Code};

/// The SVG path of the dark modules, one `h1v1h-1z` square each, and the
/// side of the code in modules (quiet zone included). None if `text` is too long.
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    const QUIET: usize = 4;
    let code = Code::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let mut d = String::with_capacity(width * width * 4);
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some((d, width + 2 * QUIET))
}

#[component]
pub fn QrCode(text: Signal<String>, label: String) -> impl IntoView {
    let drawn = Memo::new(move |_| qr_path(&text.get()));
    view! {
        <div class="qr" role="img" aria-label=label>
            {move || {
                drawn
                    .get()
                    .map(|(d, side)| {
                        view! {
                            <svg viewBox=format!("0 0 {side} {side}") xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges">
                                <rect width="100%" height="100%" fill="#ffffff"></rect>
                                <path d=d fill="#000000"></path>
                            </svg>
                        }
                    })
            }}
        </div>
    }
}
