//! The class view's camera: the preview, the QR decoder's worker, and the
//! beep. A `Scanner` owns the camera stream and the worker from start to
//! stop; stopping ends every track (so the camera's light goes off) and
//! ends the worker. Frames go from the preview to a canvas that is never on
//! the page, to the worker, and are dropped there: nothing is kept or sent.

use leptos::prelude::{document, window};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Frames are read at most this wide: enough for a code held up a metre or
/// two away, and the decoder keeps above ten frames a second.
const FRAME_WIDTH: u32 = 640;

/// Why the camera is not scanning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraProblem {
    /// The reader or the browser refused the camera (`NotAllowedError`).
    Denied,
    /// No camera (`NotFoundError`, `OverconstrainedError`).
    Missing,
    /// The camera is held by another app or tab (`NotReadableError`).
    Busy,
    /// No camera API here (an insecure address), or another failure.
    Failed,
    /// The decoder could not be loaded (offline before it was cached).
    ReaderFailed,
}

/// What a `Scanner` reports.
pub enum ScanEvent {
    /// The preview is live.
    Started,
    /// The texts of the codes found in one frame (often none).
    Codes(Vec<String>),
    /// Scanning stopped because of this; everything is released.
    Problem(CameraProblem),
    /// The page was hidden: scanning stopped, everything is released.
    Hidden,
}

type OnEvent = Rc<dyn Fn(ScanEvent)>;

struct Inner {
    stopped: bool,
    video: web_sys::HtmlVideoElement,
    stream: Option<web_sys::MediaStream>,
    worker: Option<web_sys::Worker>,
    /// The decoder said it is ready (frames sent before would be lost).
    ready: bool,
    /// A frame is with the decoder: no other goes until it answers.
    in_flight: bool,
    canvas: web_sys::HtmlCanvasElement,
    context: Option<web_sys::CanvasRenderingContext2d>,
    frame_request: Option<i32>,
    on_event: OnEvent,
    // Callbacks the browser holds; kept here so they live exactly as long as the scanner.
    on_message: Option<Closure<dyn Fn(web_sys::MessageEvent)>>,
    on_error: Option<Closure<dyn Fn(web_sys::Event)>>,
    on_visibility: Option<Closure<dyn Fn()>>,
    on_frame: Option<Closure<dyn Fn()>>,
}

/// A camera scanning for QR codes, from `start` to `stop` (or to a problem).
#[derive(Clone)]
pub struct Scanner(Rc<RefCell<Inner>>);

impl Scanner {
    /// Starts the decoder (fetched now, while the camera permission is
    /// asked) and the camera, shown in `video`; `on_event` hears the rest.
    pub fn start(video: web_sys::HtmlVideoElement, on_event: impl Fn(ScanEvent) + 'static) -> Scanner {
        let canvas: web_sys::HtmlCanvasElement =
            document().create_element("canvas").expect("a canvas").unchecked_into();
        let options = js_sys::Object::new();
        // The canvas is read back every frame: keep it in memory, not on the GPU.
        let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE);
        let context =
            canvas.get_context_with_context_options("2d", &options).ok().flatten().and_then(|c| c.dyn_into().ok());
        let scanner = Scanner(Rc::new(RefCell::new(Inner {
            stopped: false,
            video,
            stream: None,
            worker: None,
            ready: false,
            in_flight: false,
            canvas,
            context,
            frame_request: None,
            on_event: Rc::new(on_event),
            on_message: None,
            on_error: None,
            on_visibility: None,
            on_frame: None,
        })));
        scanner.listen_for_hiding();
        if !scanner.start_worker() {
            scanner.fail(CameraProblem::ReaderFailed);
            return scanner;
        }
        let weak = Rc::downgrade(&scanner.0);
        wasm_bindgen_futures::spawn_local(async move {
            let result = open_camera().await;
            let Some(inner) = weak.upgrade() else {
                if let Ok(stream) = result {
                    stop_tracks(&stream);
                }
                return;
            };
            Scanner(inner).camera_opened(result);
        });
        scanner
    }

    /// Stops the camera (every track), the decoder and the frame loop.
    pub fn stop(&self) {
        let mut inner = self.0.borrow_mut();
        if inner.stopped {
            return;
        }
        inner.stopped = true;
        if let Some(stream) = inner.stream.take() {
            stop_tracks(&stream);
        }
        inner.video.set_src_object(None);
        if let Some(worker) = inner.worker.take() {
            worker.terminate();
        }
        if let Some(id) = inner.frame_request.take() {
            let _ = window().cancel_animation_frame(id);
        }
        if let Some(listener) = &inner.on_visibility {
            let _ =
                document().remove_event_listener_with_callback("visibilitychange", listener.as_ref().unchecked_ref());
        }
    }

    fn emit(&self, event: ScanEvent) {
        // Not while borrowed: the listener may stop the scanner.
        let on_event = self.0.borrow().on_event.clone();
        on_event(event);
    }

    fn fail(&self, problem: CameraProblem) {
        if self.0.borrow().stopped {
            return;
        }
        self.stop();
        self.emit(ScanEvent::Problem(problem));
    }

    fn weak(&self) -> Weak<RefCell<Inner>> {
        Rc::downgrade(&self.0)
    }

    /// A hidden page stops scanning: no camera runs in a background tab.
    fn listen_for_hiding(&self) {
        let weak = self.weak();
        let listener = Closure::<dyn Fn()>::new(move || {
            let Some(inner) = weak.upgrade() else { return };
            let scanner = Scanner(inner);
            if document().hidden() && !scanner.0.borrow().stopped {
                scanner.stop();
                scanner.emit(ScanEvent::Hidden);
            }
        });
        let _ = document().add_event_listener_with_callback("visibilitychange", listener.as_ref().unchecked_ref());
        self.0.borrow_mut().on_visibility = Some(listener);
    }

    /// Starts the decoder's worker; false if the page does not name it.
    fn start_worker(&self) -> bool {
        let Some(worker) = super::start_qr_worker() else { return false };
        let weak = self.weak();
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Some(inner) = weak.upgrade() else { return };
            Scanner(inner).worker_said(event.data());
        });
        let weak = self.weak();
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            if let Some(inner) = weak.upgrade() {
                Scanner(inner).fail(CameraProblem::ReaderFailed);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut inner = self.0.borrow_mut();
        inner.worker = Some(worker);
        inner.on_message = Some(on_message);
        inner.on_error = Some(on_error);
        true
    }

    fn worker_said(&self, data: JsValue) {
        if self.0.borrow().stopped {
            return;
        }
        self.0.borrow_mut().in_flight = false;
        if data.as_string().as_deref() == Some("ready") {
            self.0.borrow_mut().ready = true;
        } else if let Ok(texts) = data.dyn_into::<js_sys::Array>() {
            let texts: Vec<String> = texts.iter().filter_map(|t| t.as_string()).collect();
            if !texts.is_empty() {
                self.emit(ScanEvent::Codes(texts));
            }
        }
        // The reply frees the one frame in flight: the next one may go.
        self.next_frame();
    }

    fn camera_opened(&self, result: Result<web_sys::MediaStream, CameraProblem>) {
        let stream = match result {
            Ok(stream) => stream,
            Err(problem) => return self.fail(problem),
        };
        if self.0.borrow().stopped {
            stop_tracks(&stream);
            return;
        }
        {
            let mut inner = self.0.borrow_mut();
            inner.video.set_src_object(Some(&stream));
            // Muted and inline in the markup too; play() can still be refused (no autoplay): frames then wait.
            if let Ok(playing) = inner.video.play() {
                // A refusal is not an error to report: frames then simply wait.
                let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
                let _ = playing.catch(&ignore);
                ignore.forget();
            }
            inner.stream = Some(stream);
        }
        self.emit(ScanEvent::Started);
        self.next_frame();
    }

    /// Asks for the next frame at the next paint (nothing while the page is hidden).
    fn next_frame(&self) {
        let mut inner = self.0.borrow_mut();
        if inner.stopped || inner.in_flight || inner.frame_request.is_some() {
            return;
        }
        if inner.on_frame.is_none() {
            let weak = self.weak();
            inner.on_frame = Some(Closure::<dyn Fn()>::new(move || {
                if let Some(inner) = weak.upgrade() {
                    Scanner(inner).send_frame();
                }
            }));
        }
        let callback = inner.on_frame.as_ref().map(|c| c.as_ref().unchecked_ref::<js_sys::Function>().clone());
        inner.frame_request = callback.and_then(|c| window().request_animation_frame(&c).ok());
    }

    /// Sends the preview's current picture to the decoder, once it is ready
    /// and the camera gives pictures; otherwise waits for the next paint.
    fn send_frame(&self) {
        let sent = {
            let mut inner = self.0.borrow_mut();
            inner.frame_request = None;
            let sent = inner.stopped || (inner.ready && inner.stream.is_some() && post_frame(&inner));
            inner.in_flight = sent && !inner.stopped;
            sent
        };
        if !sent {
            self.next_frame();
        }
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        // A scanner forgotten without `stop` still lets the camera go.
        if let Some(stream) = self.stream.take() {
            stop_tracks(&stream);
        }
        if let Some(worker) = self.worker.take() {
            worker.terminate();
        }
        if let Some(listener) = &self.on_visibility {
            let _ =
                document().remove_event_listener_with_callback("visibilitychange", listener.as_ref().unchecked_ref());
        }
    }
}

/// Draws the preview into the canvas, at most `FRAME_WIDTH` wide, and hands
/// its pixels to the worker (transferred, not copied). False if there is no picture yet.
fn post_frame(inner: &Inner) -> bool {
    let (video, canvas) = (&inner.video, &inner.canvas);
    let (Some(context), Some(worker)) = (&inner.context, &inner.worker) else { return false };
    let (vw, vh) = (video.video_width(), video.video_height());
    if vw == 0 || vh == 0 || video.ready_state() < 2 {
        return false;
    }
    let width = vw.min(FRAME_WIDTH);
    let height = (f64::from(vh) * f64::from(width) / f64::from(vw)).round().max(1.0) as u32;
    if canvas.width() != width || canvas.height() != height {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    let (w, h) = (f64::from(width), f64::from(height));
    if context.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w, h).is_err() {
        return false;
    }
    let Ok(frame) = context.get_image_data(0.0, 0.0, w, h) else { return false };
    let buffer = js_sys::Reflect::get(&frame, &"data".into())
        .ok()
        .and_then(|d| d.dyn_into::<js_sys::Uint8ClampedArray>().ok())
        .map(|d| d.buffer());
    let transfer = buffer.map(|b| js_sys::Array::of1(&b)).unwrap_or_default();
    worker.post_message_with_transfer(&frame, &transfer).is_ok()
}

/// Asks for the camera: video only, about 640×480.
async fn open_camera() -> Result<web_sys::MediaStream, CameraProblem> {
    let devices = window().navigator().media_devices().map_err(|_| CameraProblem::Failed)?;
    if devices.is_undefined() {
        return Err(CameraProblem::Failed);
    }
    let video = js_sys::Object::new();
    for (key, ideal) in [("width", 640), ("height", 480)] {
        let value = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&value, &"ideal".into(), &JsValue::from(ideal));
        let _ = js_sys::Reflect::set(&video, &key.into(), &value);
    }
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_video(&video);
    constraints.set_audio_bool(false);
    let promise = devices.get_user_media_with_constraints(&constraints).map_err(|e| problem(&e))?;
    match JsFuture::from(promise).await {
        Ok(stream) => stream.dyn_into().map_err(|_| CameraProblem::Failed),
        Err(error) => Err(problem(&error)),
    }
}

/// The camera's refusal, by the `DOMException`'s name.
fn problem(error: &JsValue) -> CameraProblem {
    let name = js_sys::Reflect::get(error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" | "PermissionDeniedError" => CameraProblem::Denied,
        "NotFoundError" | "OverconstrainedError" | "DevicesNotFoundError" => CameraProblem::Missing,
        "NotReadableError" | "AbortError" | "TrackStartError" => CameraProblem::Busy,
        _ => CameraProblem::Failed,
    }
}

fn stop_tracks(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// A short beep for each code read; made at a click (browsers allow sound
/// only after one), closed with the scan.
pub struct Beeper(Option<web_sys::AudioContext>);

impl Beeper {
    pub fn new() -> Self {
        Beeper(web_sys::AudioContext::new().ok())
    }

    /// A high tone for a new student, a low one for anything else.
    pub fn beep(&self, good: bool) {
        let Some(audio) = &self.0 else { return };
        let (Ok(tone), Ok(gain)) = (audio.create_oscillator(), audio.create_gain()) else { return };
        tone.frequency().set_value(if good { 880.0 } else { 330.0 });
        gain.gain().set_value(0.08);
        let now = audio.current_time();
        let _ = tone.connect_with_audio_node(&gain).and_then(|_| gain.connect_with_audio_node(&audio.destination()));
        let _ = tone.start();
        let _ = tone.stop_with_when(now + 0.09);
    }
}

impl Default for Beeper {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Beeper {
    fn drop(&mut self) {
        if let Some(audio) = self.0.take() {
            let _ = audio.close();
        }
    }
}
