//! Form fields, files and dialogs: what components hand over through their `NodeRef`s.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// Whether a key event comes from typing in a text field (shortcuts stay out of its way).
pub fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|el| {
        let tag = el.tag_name();
        tag == "TEXTAREA" || (tag == "INPUT" && el.get_attribute("type").as_deref() == Some("text"))
    })
}

/// The text in a text area, read when needed (the class view's big input is
/// not mirrored into a signal: that would copy it on every keystroke).
pub fn textarea_value(area: &web_sys::HtmlTextAreaElement) -> String {
    area.value()
}

pub fn set_textarea_value(area: &web_sys::HtmlTextAreaElement, value: &str) {
    area.set_value(value);
}

/// Where the caret is in `text` (the area's value), as a byte offset.
pub fn caret(area: &web_sys::HtmlTextAreaElement, text: &str) -> Option<usize> {
    let units = area.selection_end().ok()?? as usize;
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if seen >= units {
            return Some(i);
        }
        seen += c.len_utf16();
    }
    Some(text.len())
}

/// Puts the caret at byte `at` of `text` (the area's value): the browser
/// counts in UTF-16 units.
pub fn set_caret(area: &web_sys::HtmlTextAreaElement, text: &str, at: usize) {
    let units = text.get(..at).map_or(0, |t| t.encode_utf16().count()) as u32;
    let _ = area.set_selection_range(units, units);
}

/// Reads a file the reader picked or dropped, as UTF-8 text (invalid bytes
/// become U+FFFD, so a binary file is read, reported line by line, and harmless).
pub async fn read_file(file: web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?.as_string()
}

/// The first file of a drop, or of a file input's selection.
pub fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files?.get(0)
}

pub fn file_name(file: &web_sys::File) -> String {
    file.name()
}

pub fn file_size(file: &web_sys::File) -> f64 {
    file.size()
}

/// Focuses a text field and selects its text (so Ctrl+C or a long press copies it).
pub fn select_text(input: &web_sys::HtmlInputElement) {
    let _ = input.focus();
    input.select();
}

pub fn show_modal(dialog: &web_sys::HtmlDialogElement) {
    if !dialog.open() {
        let _ = dialog.show_modal();
    }
}

pub fn close_dialog(dialog: &web_sys::HtmlDialogElement) {
    if dialog.open() {
        dialog.close();
    }
}
