//! Drawing a link's QR code in the QR worker (`qr-worker/`), not in this
//! module: the encoder's tables cost the story's module about 11 KB brotli,
//! and only a reader who opens a QR dialog needs them. The worker is started
//! at the first code asked for and kept for the page's life; the service
//! worker keeps its files for offline use like every other build file.

use leptos::prelude::document;
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `<meta name="qr-worker">`, written by scripts/post_build.py: the worker's
/// loader, hashed like every other asset.
const QR_WORKER_META: &str = "meta[name='qr-worker']";

/// Starts the QR worker (a module worker); None if the page does not name it
/// or the browser refuses it.
pub fn start_qr_worker() -> Option<web_sys::Worker> {
    let path = document().query_selector(QR_WORKER_META).ok().flatten()?.get_attribute("content")?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    web_sys::Worker::new_with_options(&path, &options).ok()
}

/// A code drawn: its SVG path and its side in modules (quiet zone included).
pub type DrawnQr = (String, usize);

/// Why no code is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QrProblem {
    /// The text is too long for any QR code.
    TooLong,
    /// The worker could not be started or loaded (offline before it was cached).
    NoWorker,
}

/// The worker that draws, and the codes asked of it. It answers in order, so
/// each reply settles the oldest code in flight.
struct Drawer {
    worker: web_sys::Worker,
    ready: bool,
    /// Asked before the worker said it was ready: posted once it is.
    queued: Vec<(String, js_sys::Function)>,
    in_flight: VecDeque<js_sys::Function>,
    // Kept alive with the worker.
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static DRAWER: RefCell<Option<Drawer>> = const { RefCell::new(None) };
}

/// Draws `text` as a QR code.
pub async fn draw_qr(text: String) -> Result<DrawnQr, QrProblem> {
    let mut ask = |resolve: js_sys::Function, _reject: js_sys::Function| ask_drawer(text.clone(), resolve);
    let reply =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut ask)).await.unwrap_or(JsValue::UNDEFINED);
    if reply.is_null() {
        return Err(QrProblem::TooLong);
    }
    let drawn =
        reply.dyn_into::<js_sys::Array>().ok().and_then(|a| Some((a.get(0).as_string()?, a.get(1).as_f64()? as usize)));
    drawn.ok_or(QrProblem::NoWorker)
}

/// Hands one text to the worker (started if need be); `resolve` gets its reply,
/// or `undefined` if the worker fails.
fn ask_drawer(text: String, resolve: js_sys::Function) {
    DRAWER.with(|cell| {
        let mut drawer = cell.borrow_mut();
        if drawer.is_none() {
            *drawer = new_drawer();
        }
        let Some(d) = drawer.as_mut() else {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
            return;
        };
        if d.ready {
            let _ = d.worker.post_message(&JsValue::from(text));
            d.in_flight.push_back(resolve);
        } else {
            d.queued.push((text, resolve));
        }
    });
}

fn new_drawer() -> Option<Drawer> {
    let worker = start_qr_worker()?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
        worker_said(event.data());
    });
    // A worker that cannot load (offline before it was cached, say) settles
    // every code asked of it as not drawn, and the next code asked starts afresh.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_| {
        let Some(failed) = DRAWER.with(|cell| cell.borrow_mut().take()) else { return };
        let Drawer { worker, queued, in_flight, _on_message, _on_error, .. } = failed;
        worker.set_onmessage(None);
        worker.set_onerror(None);
        worker.terminate();
        // This very handler is running: it must not be dropped under itself.
        std::mem::forget(_on_error);
        for resolve in queued.into_iter().map(|(_, resolve)| resolve).chain(in_flight) {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Drawer {
        worker,
        ready: false,
        queued: Vec::new(),
        in_flight: VecDeque::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The worker's first message says it is ready; each later one answers the
/// oldest code in flight.
fn worker_said(data: JsValue) {
    let settled = DRAWER.with(|cell| {
        let mut drawer = cell.borrow_mut();
        let d = drawer.as_mut()?;
        if !d.ready && data.as_string().as_deref() == Some("ready") {
            d.ready = true;
            for (text, resolve) in std::mem::take(&mut d.queued) {
                let _ = d.worker.post_message(&JsValue::from(text));
                d.in_flight.push_back(resolve);
            }
            return None;
        }
        d.in_flight.pop_front()
    });
    // Settled once the drawer is no longer borrowed.
    if let Some(resolve) = settled {
        let _ = resolve.call1(&JsValue::NULL, &data);
    }
}
