//! The class view's QR decoder, run in a Web Worker (trunk builds it as a
//! "worker" asset; `src/browser/camera.rs` starts it when scanning starts).
//!
//! Protocol: once ready, the worker posts `"ready"`. The page then posts one
//! camera frame at a time, an `ImageData` (RGBA), and waits for the reply,
//! an array of the texts of the QR codes found in it (often empty) before it
//! sends the next: one frame in flight, so a slow frame never piles up work.
//! Frames are grey-scaled and decoded here, then dropped: nothing is kept.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
        let texts = match event.data().dyn_into::<web_sys::ImageData>() {
            Ok(frame) => on_frame(&frame),
            Err(_) => js_sys::Array::new(),
        };
        let _ = reply_to.post_message(&texts);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcode::{Color, EcLevel, QrCode};

    /// An RGBA frame `side` pixels square with `text`'s code drawn `scale`
    /// pixels a module, grey background and a white quiet zone, as a camera might see it.
    fn frame(text: &str, side: usize, scale: usize) -> Vec<u8> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
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
}
