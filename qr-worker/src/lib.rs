//! QR codes off the page's main module, in a Web Worker (trunk builds it as a
//! "worker" asset): the class view's decoder (`src/browser/camera.rs` starts
//! it when scanning starts), and the encoder that draws a link's code
//! (`src/browser/qr.rs`, when a QR dialog opens). The encoder's tables cost
//! the story's module about 11 KB brotli, for a code only a reader who opens
//! a QR dialog needs.
//!
//! Protocol: once ready, the worker posts `"ready"`. Then, one message at a
//! time, each answered in order:
//! - a camera frame, an `ImageData` (RGBA): the reply is an array of the texts
//!   of the QR codes found in it (often empty). The camera sends the next frame
//!   after the reply: one in flight, so a slow frame never piles up work.
//!   Frames are grey-scaled and decoded here, then dropped: nothing is kept.
//! - a text: the reply is `[path, side]`, the code drawn as an SVG path
//!   (`qr_path`), or null if the text is too long for a code.

use qrcode::{Color, EcLevel, QrCode};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A text's QR code as the page shows it (error correction M: a code held up
/// across a room still reads with some of it blurred or in glare); None if the
/// text is too long for any code.
pub fn encode(text: &str) -> Option<QrCode> {
    QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()
}

/// The SVG path of a text's code, one `h1v1h-1z` square a dark module, and the
/// side of the code in modules, its quiet zone of 4 included. The page builds
/// the `<svg>` itself (no markup from strings, so nothing a reader typed can
/// become markup): the path holds only numbers and the letters of the path.
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    const QUIET: usize = 4;
    let code = encode(text)?;
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

/// Draws one text posted by the page: `[path, side]`, or null.
fn on_text(text: &str) -> JsValue {
    match qr_path(text) {
        Some((d, side)) => js_sys::Array::of2(&JsValue::from(d), &JsValue::from(side as u32)).into(),
        None => JsValue::NULL,
    }
}

/// Luma of an RGBA buffer, one byte a pixel (ITU-R BT.601 weights, in
/// integers: the decoder only needs light and dark apart).
pub fn grey(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8)
        .collect()
}

/// The texts of the QR codes readable in a grey image `width` pixels wide.
pub fn decode(grey: &[u8], width: usize) -> Vec<String> {
    if width == 0 || grey.len() < width {
        return Vec::new();
    }
    let height = grey.len() / width;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| grey[y * width + x]);
    image.detect_grids().into_iter().filter_map(|grid| grid.decode().ok().map(|(_, text)| text)).collect()
}

/// Decodes one frame posted by the page.
fn on_frame(frame: &web_sys::ImageData) -> js_sys::Array {
    let rgba = frame.data();
    decode(&grey(&rgba), frame.width() as usize).into_iter().map(JsValue::from).collect()
}

#[wasm_bindgen(start)]
pub fn start() {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else { return };
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data();
        let reply = if let Some(text) = data.as_string() {
            on_text(&text)
        } else {
            match data.dyn_into::<web_sys::ImageData>() {
                Ok(frame) => on_frame(&frame).into(),
                Err(_) => js_sys::Array::new().into(),
            }
        };
        let _ = reply_to.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An RGBA frame `side` pixels square with `text`'s code drawn `scale`
    /// pixels a module, grey background and a white quiet zone, as a camera might see it.
    fn frame(text: &str, side: usize, scale: usize) -> Vec<u8> {
        let code = encode(text).unwrap();
        let w = code.width();
        let colors = code.to_colors();
        let origin = (side - (w + 8) * scale) / 2;
        let mut rgba = vec![0u8; side * side * 4];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (
                    (x as isize - origin as isize) / scale as isize - 4,
                    (y as isize - origin as isize) / scale as isize - 4,
                );
                let inside_zone =
                    x >= origin && y >= origin && x < origin + (w + 8) * scale && y < origin + (w + 8) * scale;
                let value = if !inside_zone {
                    140
                } else if mx >= 0
                    && my >= 0
                    && (mx as usize) < w
                    && (my as usize) < w
                    && colors[my as usize * w + mx as usize] == Color::Dark
                {
                    20
                } else {
                    235
                };
                rgba[(y * side + x) * 4..][..4].copy_from_slice(&[value, value, value, 255]);
            }
        }
        rgba
    }

    #[test]
    fn reads_a_share_link_from_a_frame() {
        let link = "https://example.org/plan/#share=1VVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVQ&name=Ana&class=9B";
        let rgba = frame(link, 480, 6);
        assert_eq!(decode(&grey(&rgba), 480), vec![link.to_owned()]);
    }

    #[test]
    fn a_blank_frame_reads_nothing() {
        assert!(decode(&grey(&vec![200u8; 64 * 64 * 4]), 64).is_empty());
        assert!(decode(&[], 0).is_empty());
    }

    #[test]
    fn grey_weights_light_and_dark() {
        assert_eq!(grey(&[255, 255, 255, 255, 0, 0, 0, 255]), vec![255, 0]);
    }

    /// The path the page draws, filled in module by module (each `M x y` is
    /// one dark square), reads back as the text.
    #[test]
    fn the_drawn_path_reads_back_as_the_text() {
        let link = "https://example.org/plan/#share=2VVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVQ&why=abc&name=Ана";
        let (d, side) = qr_path(link).unwrap();
        let scale = 6;
        let px = side * scale;
        let mut grey_image = vec![255u8; px * px];
        for square in d.split('M').filter(|s| !s.is_empty()) {
            let square = square.strip_suffix("h1v1h-1z").expect("every square is one module");
            let (x, y) = square.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            assert!(x >= 4 && y >= 4 && x < side - 4 && y < side - 4, "dark modules stay out of the quiet zone");
            for dy in 0..scale {
                for dx in 0..scale {
                    grey_image[(y * scale + dy) * px + x * scale + dx] = 0;
                }
            }
        }
        assert_eq!(decode(&grey_image, px), vec![link.to_owned()]);
    }

    #[test]
    fn a_text_too_long_for_any_code_gives_none() {
        assert!(qr_path(&"x".repeat(3000)).is_none());
        assert!(qr_path("short").is_some());
    }
}
