//! What leaves the page at the reader's request: the clipboard, the system
//! share sheet, downloads (CSV, PNG).

use leptos::prelude::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Copies text with the async Clipboard API; false if it is missing or refused.
pub async fn copy_text(text: String) -> bool {
    let Some(clipboard) = clipboard() else { return false };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.is_ok()
}

fn clipboard() -> Option<web_sys::Clipboard> {
    let nav = window().navigator();
    // Not every context has one (plain http on a LAN address, old browsers).
    let present = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard")).ok()?;
    (!present.is_undefined()).then(|| nav.clipboard())
}

pub fn can_web_share() -> bool {
    js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("share")).is_ok_and(|f| f.is_function())
}

/// Opens the system share sheet; a cancelled share is not an error worth showing.
pub async fn web_share(title: &str, url: &str) {
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let _ = wasm_bindgen_futures::JsFuture::from(window().navigator().share_with_data(&data)).await;
}

/// Offers `content` as a download named `filename`.
pub fn download_text(filename: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    click_download(&url, filename);
    // Not at once: a browser may start reading the address after this task.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
}

fn click_download(href: &str, filename: &str) {
    let Ok(a) = document().create_element("a") else { return };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(href);
    a.set_download(filename);
    a.click();
}

/// The value of a CSS custom property on `<html>` (the tag colours, for drawing).
pub fn css_var(name: &str) -> String {
    document()
        .document_element()
        .and_then(|root| window().get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value(name).ok())
        .map(|v| v.trim().to_owned())
        .unwrap_or_default()
}

/// A rectangle or a text to draw on the PNG of the class strip.
pub enum Draw {
    Rect { x: f64, y: f64, w: f64, h: f64, color: String },
    Text { x: f64, y: f64, text: String, color: String, size: u32, bold: bool },
}

/// Draws `shapes` on a canvas of `width`×`height` and offers it as a PNG.
pub fn download_png(filename: &str, width: u32, height: u32, shapes: &[Draw]) {
    let Ok(canvas) = document().create_element("canvas") else { return };
    let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let Some(ctx) = canvas.get_context("2d").ok().flatten() else { return };
    let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
    for shape in shapes {
        match shape {
            Draw::Rect { x, y, w, h, color } => {
                ctx.set_fill_style_str(color);
                ctx.fill_rect(*x, *y, *w, *h);
            }
            Draw::Text { x, y, text, color, size, bold } => {
                ctx.set_fill_style_str(color);
                ctx.set_font(&format!("{}{size}px system-ui, sans-serif", if *bold { "bold " } else { "" }));
                let _ = ctx.fill_text(text, *x, *y);
            }
        }
    }
    if let Ok(url) = canvas.to_data_url_with_type("image/png") {
        click_download(&url, filename);
    }
}
