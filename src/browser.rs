//! Browser glue, all in one place: storage and its events, clipboard, Web
//! Share, history, focus and scrolling, dialogs, media queries, the step
//! observer. Components and navigation call these small functions and never
//! touch `web_sys` or `js_sys` themselves (event handlers read their typed
//! events through Leptos, which is not glue of ours).

use leptos::prelude::{document, window};
use plan_core::reader::{Refused, Store};
use plan_core::share;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

pub use plan_core::reader::{SET_ASIDE_PREFIX, TAGS_KEY};
pub const NAME_KEY: &str = "weigh-the-plan:name:v1";
/// The class label a student's links carry (set by a teacher's `#join=` address).
pub const JOINED_CLASS_KEY: &str = "weigh-the-plan:joined-class:v1";
/// The class view's pasted links, kept apart from the reader's own tags.
pub const CLASS_INPUT_KEY: &str = "weigh-the-plan:class-input:v1";
/// The teacher's class label.
pub const CLASS_LABEL_KEY: &str = "weigh-the-plan:class-label:v1";

/// In debug builds a panic is printed to the console with its message and
/// place, instead of wasm's bare "unreachable executed".
pub fn install_panic_message() {
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
}

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The browser's localStorage as the core's [`Store`]: every call asks the
/// browser again, so storage turned off (or full) mid-session, and on
/// again, is noticed at the next save.
pub struct LocalStore;

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, Refused> {
        storage().ok_or(Refused)?.get_item(key).map_err(|_| Refused)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        storage().ok_or(Refused)?.set_item(key, value).map_err(|_| Refused)
    }

    fn remove(&mut self, key: &str) -> Result<(), Refused> {
        storage().ok_or(Refused)?.remove_item(key).map_err(|_| Refused)
    }
}

pub fn load_name() -> String {
    load_text(NAME_KEY).unwrap_or_default()
}

pub fn save_name(name: &str) -> bool {
    save_text(NAME_KEY, name)
}

/// A stored text, if storage works and holds one.
pub fn load_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores a text (an empty one removes the key); false when the browser refuses.
pub fn save_text(key: &str, value: &str) -> bool {
    let Some(store) = storage() else { return false };
    if value.is_empty() {
        store.remove_item(key).is_ok()
    } else {
        store.set_item(key, value).is_ok()
    }
}

/// What another tab saved, from a `storage` event.
pub enum OtherTab {
    Tags(plan_core::Tags),
    /// Empty when the name was cleared.
    Name(String),
    /// The class joined through a `#join=` address; `None` when left.
    Class(Option<String>),
}

/// Calls `on_change` whenever another tab of this page saves tags, a name or a joined class
/// (the browser fires `storage` only in the other tabs). Unreadable values
/// are ignored: they can only come from a damaged store, not a newer save.
pub fn on_other_tab(on_change: impl Fn(OtherTab) + 'static) -> leptos::prelude::WindowListenerHandle {
    leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
        // An empty text is saved by removing its key (`save_text`): no value is "".
        let value = ev.new_value();
        match ev.key().as_deref() {
            Some(TAGS_KEY) => {
                if let Some(Ok(tags)) = value.as_deref().map(share::decode_tags) {
                    on_change(OtherTab::Tags(tags));
                }
            }
            Some(NAME_KEY) => on_change(OtherTab::Name(value.unwrap_or_default())),
            Some(JOINED_CLASS_KEY) => on_change(OtherTab::Class(value.filter(|v| !v.is_empty()))),
            _ => {}
        }
    })
}

/// The current fragment, including its `#` (empty when there is none).
pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The page's public address, origin and path: the base of every link the
/// page hands out (share, class, embed). The query is left out, so that a
/// link made inside an embed does not carry `?embed` to a full-page reader.
pub fn base_url() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// Rewrites the fragment without adding a history entry (scrolling must not
/// fill the back button with one entry per card). The query stays: an
/// embedded page stays embedded.
pub fn replace_hash(fragment: &str) {
    let href = window().location().href().unwrap_or_default();
    let url = format!("{}{}", href.split('#').next().unwrap_or_default(), fragment);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

const REDUCED_MOTION_QUERY: &str = "(prefers-reduced-motion: reduce)";

pub fn prefers_reduced_motion() -> bool {
    window().match_media(REDUCED_MOTION_QUERY).ok().flatten().is_some_and(|m| m.matches())
}

/// Calls `on_change` with the new value whenever the system's reduced-motion setting changes.
pub fn watch_reduced_motion(on_change: impl Fn(bool) + 'static) {
    let Some(query) = window().match_media(REDUCED_MOTION_QUERY).ok().flatten() else { return };
    let callback = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |ev: web_sys::MediaQueryListEvent| {
        on_change(ev.matches());
    });
    let _ = query.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    callback.forget();
}

/// Sets an attribute on `<html>`: the stylesheet's hooks for app-wide state
/// (`data-motion`, `data-app`).
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute(name, value);
    }
}

pub fn element_by_id(id: &str) -> Option<HtmlElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// Whether a fragment names an element of the page (the skip link's `#points`, say).
pub fn element_exists(id: &str) -> bool {
    !id.is_empty() && document().get_element_by_id(id).is_some()
}

/// Brings the element to the middle of the view and gives it focus, so
/// keyboard and screen-reader users land where sighted readers look.
pub fn scroll_and_focus(id: &str, smooth: bool) {
    if let Some(el) = element_by_id(id) {
        focus_and_bring(&el, web_sys::ScrollLogicalPosition::Center, smooth);
    }
}

/// Focus first, without the browser's own scroll (which would fight ours),
/// then one scroll to where the reader should look.
fn focus_and_bring(el: &HtmlElement, block: web_sys::ScrollLogicalPosition, smooth: bool) {
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    let _ = el.focus_with_options(&opts);
    let scroll = web_sys::ScrollIntoViewOptions::new();
    scroll.set_block(block);
    scroll.set_behavior(if smooth { web_sys::ScrollBehavior::Smooth } else { web_sys::ScrollBehavior::Instant });
    el.scroll_into_view_with_scroll_into_view_options(&scroll);
}

/// Scrolls an element to the top of the view, as following its fragment would.
pub fn scroll_to_element(id: &str) {
    if let Some(el) = element_by_id(id) {
        el.scroll_into_view();
    }
}

/// What a skip link does, without touching the address: the fragment is a
/// route here (a changed one would close a shared view), so the link moves
/// focus and scroll itself, at once, to the target's top. The target needs `tabindex="-1"`.
pub fn skip_to(id: &str) {
    if let Some(el) = element_by_id(id) {
        focus_and_bring(&el, web_sys::ScrollLogicalPosition::Start, false);
    }
}

/// Scrolls to the top of the page (opening another view).
pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// The number of the point card that holds focus (or contains it), if any.
pub fn focused_point() -> Option<u8> {
    let active = document().active_element()?;
    let card = active.closest("article[id^='point-']").ok()??;
    card.id().strip_prefix("point-")?.parse().ok()
}

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

#[wasm_bindgen(inline_js = "export function import_and_init(path) { \
    return import(new URL(path, document.baseURI).href).then((module) => module.default()); }")]
extern "C" {
    /// Imports an ES module (relative to the page) and runs its wasm-bindgen initializer.
    fn import_and_init(path: &str) -> js_sys::Promise;
}

/// The `<meta name="class-view-module">` trunk's post-build hook writes: the
/// class module's file, hashed like every other asset.
const CLASS_MODULE_META: &str = "meta[name='class-view-module']";

/// Loads and starts the class module; false if it could not be loaded (offline, say).
pub async fn load_class_view() -> bool {
    let Some(path) =
        document().query_selector(CLASS_MODULE_META).ok().flatten().and_then(|m| m.get_attribute("content"))
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(import_and_init(&path)).await.is_ok()
}

/// Registers the service worker (offline use) and calls `on_update` once a
/// newer version has been installed and waits to take over. Skipped where
/// the browser has none (an insecure origin, say): the page works without it.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    let navigator = window().navigator();
    let has_workers = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !has_workers {
        return;
    }
    let container = navigator.service_worker();
    let on_update: Rc<dyn Fn()> = Rc::new(on_update);
    let registered = Closure::<dyn FnMut(JsValue)>::new(move |registration: JsValue| {
        // Some environments resolve without a registration (workers blocked by policy).
        if !registration.is_object() {
            return;
        }
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        watch_for_update(&registration, Rc::clone(&on_update));
    });
    let _ = container.register("./sw.js").then(&registered);
    registered.forget();
}

/// A worker that is installed while another controls the page is a newer version.
fn watch_for_update(registration: &web_sys::ServiceWorkerRegistration, on_update: Rc<dyn Fn()>) {
    let controlled = || window().navigator().service_worker().controller().is_some();
    if registration.waiting().is_some() && controlled() {
        on_update();
        return;
    }
    let registration_for_found = registration.clone();
    let found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = registration_for_found.installing() else { return };
        let worker = installing.clone();
        let on_update = Rc::clone(&on_update);
        let changed = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                on_update();
            }
        });
        installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
    });
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
}

/// The reader chose the newer version: let it take over, then reload into it.
pub fn activate_update() {
    let container = window().navigator().service_worker();
    let reload = Closure::<dyn FnMut()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let ask = Closure::<dyn FnMut(JsValue)>::new(|registration: JsValue| {
        if !registration.is_object() {
            return;
        }
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        match registration.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
            // Another tab took the update first: the new version already
            // controls this page, and no change of controller is coming.
            None => {
                let _ = window().location().reload();
            }
        }
    });
    let _ = container.get_registration().then(&ask);
    ask.forget();
}

/// Whether the page runs embedded (`?embed`): an inline script in index.html
/// has already marked `<html data-embed>` before the first paint.
pub fn is_embedded() -> bool {
    document().document_element().is_some_and(|root| root.has_attribute("data-embed"))
}

/// In an embed, tells the embedding page the document's height whenever it
/// changes (only a number leaves the frame), so its iframe can fit it.
pub fn post_height_to_parent() {
    let Ok(Some(parent)) = window().parent() else { return };
    let send = Closure::<dyn FnMut()>::new(move || {
        let Some(root) = document().document_element() else { return };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"weigh-the-plan:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(root.scroll_height()));
        let _ = parent.post_message(&message, "*");
    });
    if let (Ok(observer), Some(root)) =
        (web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()), document().document_element())
    {
        observer.observe(&root);
    }
    send.forget();
}

/// Opens the browser's print dialog.
pub fn print() {
    let _ = window().print();
}

/// Focuses a text field and selects its text (so Ctrl+C or a long press copies it).
pub fn select_text(input: &web_sys::HtmlInputElement) {
    let _ = input.focus();
    input.select();
}

/// A callback made once and run as a task of its own each time it is
/// scheduled: a click then schedules work without building a JS closure.
pub struct Task {
    callback: js_sys::Function,
}

impl Task {
    pub fn new(f: impl Fn() + 'static) -> Self {
        let callback = Closure::<dyn Fn()>::new(f).into_js_value().unchecked_into();
        Task { callback }
    }

    /// Runs the callback after the current task (and its paint) is done.
    pub fn schedule(&self) {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&self.callback, 0);
    }
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

/// The observer's callback, kept alive as long as the observer.
type EntriesCallback = Closure<dyn FnMut(js_sys::Array)>;

/// Watches every element with a `data-step` attribute and reports the one
/// most in view. Rebuilt on resize, since the bottom bar's height (excluded
/// from the root) changes with the layout.
pub struct StepObserver {
    observer: RefCell<Option<IntersectionObserver>>,
    /// The step elements currently intersecting the root, by their `data-step`.
    visible: Rc<RefCell<HashMap<String, Element>>>,
    on_step: Rc<dyn Fn(String)>,
    callback: RefCell<Option<EntriesCallback>>,
}

impl StepObserver {
    pub fn new(on_step: impl Fn(String) + 'static) -> Rc<Self> {
        let me = Rc::new(StepObserver {
            observer: RefCell::new(None),
            visible: Rc::new(RefCell::new(HashMap::new())),
            on_step: Rc::new(on_step),
            callback: RefCell::new(None),
        });
        me.observe();
        me
    }

    /// (Re)creates the observer for the current layout.
    pub fn observe(&self) {
        if let Some(old) = self.observer.borrow_mut().take() {
            old.disconnect();
        }
        self.visible.borrow_mut().clear();
        let bar = bottom_bar_height();
        let visible = Rc::clone(&self.visible);
        let on_step = Rc::clone(&self.on_step);
        let callback = EntriesCallback::new(move |entries: js_sys::Array| {
            let mut visible = visible.borrow_mut();
            for entry in entries.iter() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                let target = entry.target();
                let Some(step) = target.get_attribute("data-step") else { continue };
                if entry.is_intersecting() {
                    visible.insert(step, target);
                } else {
                    visible.remove(&step);
                }
            }
            // Entries only arrive at threshold crossings, so measure the few
            // candidates now rather than trusting what they reported.
            let root = viewport_height() - f64::from(bar);
            let best = visible
                .iter()
                .map(|(step, el)| (step, in_view_score(&el.get_bounding_client_rect(), root)))
                .filter(|(_, score)| score.0 > 0.0)
                .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0).then(b.1 .1.total_cmp(&a.1 .1)));
            if let Some((step, _)) = best {
                on_step(step.clone());
            }
        });
        let init = IntersectionObserverInit::new();
        let thresholds = js_sys::Array::new();
        for t in 0..=10 {
            thresholds.push(&JsValue::from_f64(f64::from(t) / 10.0));
        }
        init.set_threshold(&thresholds);
        init.set_root_margin(&format!("0px 0px -{bar}px 0px"));
        let Ok(observer) = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init) else {
            return;
        };
        if let Ok(nodes) = document().query_selector_all("[data-step]") {
            for i in 0..nodes.length() {
                if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    observer.observe(&el);
                }
            }
        }
        *self.observer.borrow_mut() = Some(observer);
        *self.callback.borrow_mut() = Some(callback);
    }
}

/// How much an element is "in view": the larger of the share of itself that
/// is visible and the share of the view it fills (so a card taller than the
/// screen can still win), then, for ties, its centre's distance from the
/// view's centre (smaller is better).
fn in_view_score(r: &web_sys::DomRect, root: f64) -> (f64, f64) {
    let visible = (r.bottom().min(root) - r.top().max(0.0)).max(0.0);
    let share = if r.height() > 0.0 { visible / r.height() } else { 0.0 };
    let fill = if root > 0.0 { visible / root } else { 0.0 };
    // Rounded so that near-equal scores count as ties.
    let score = (share.max(fill) * 50.0).round() / 50.0;
    let distance = ((r.top() + r.bottom()) / 2.0 - root / 2.0).abs();
    (score, distance)
}

fn viewport_height() -> f64 {
    window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
}

/// Must match the breakpoint in style/main.css where the graphic becomes a bottom bar.
const BOTTOM_BAR_QUERY: &str = "(max-width: 959.98px)";

/// Height of the phone's sticky bottom bar (0 on wide screens, where the graphic sits beside the text).
fn bottom_bar_height() -> i32 {
    let narrow = window().match_media(BOTTOM_BAR_QUERY).ok().flatten().is_some_and(|m| m.matches());
    let bar = document().query_selector(".graphic").ok().flatten();
    match bar {
        Some(bar) if narrow => bar.get_bounding_client_rect().height() as i32,
        _ => 0,
    }
}
