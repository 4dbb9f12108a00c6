//! Browser glue, all in one place: storage, clipboard, history, focus and
//! scrolling, media queries, the step observer. Components call these small
//! functions and never touch `web_sys` for these jobs themselves.

use plan_core::share;
use plan_core::Tags;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Versioned key: the value is a share code, so its own version travels with it.
pub const TAGS_KEY: &str = "weigh-the-plan:tags:v1";
/// Where an unreadable stored value is moved (with a timestamp), never deleted.
pub const SET_ASIDE_PREFIX: &str = "weigh-the-plan:tags:v1:set-aside:";
pub const NAME_KEY: &str = "weigh-the-plan:name:v1";

fn window() -> web_sys::Window {
    web_sys::window().expect("no window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("no document")
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// What loading the saved tags found.
pub enum Loaded {
    Nothing,
    Tags(Tags),
    /// The stored value did not parse; it now lives under `key`.
    SetAside {
        key: String,
    },
    /// Storage is disabled or throws: work in memory only.
    Unavailable,
}

pub fn load_tags() -> Loaded {
    let Some(store) = storage() else { return Loaded::Unavailable };
    let raw = match store.get_item(TAGS_KEY) {
        Err(_) => return Loaded::Unavailable,
        Ok(None) => return Loaded::Nothing,
        Ok(Some(raw)) => raw,
    };
    match share::decode_tags(&raw) {
        Ok(tags) => Loaded::Tags(tags),
        Err(_) => {
            let key = format!("{SET_ASIDE_PREFIX}{}", js_sys::Date::now() as u64);
            // Only drop the original once its copy is safely stored.
            if store.set_item(&key, &raw).is_err() || store.remove_item(TAGS_KEY).is_err() {
                return Loaded::Unavailable;
            }
            Loaded::SetAside { key }
        }
    }
}

/// Saves the tags; false when the browser refuses (disabled, quota, private mode).
pub fn save_tags(tags: &Tags) -> bool {
    storage().is_some_and(|s| s.set_item(TAGS_KEY, &share::encode_tags(tags)).is_ok())
}

pub fn load_name() -> String {
    storage().and_then(|s| s.get_item(NAME_KEY).ok().flatten()).unwrap_or_default()
}

pub fn save_name(name: &str) -> bool {
    storage().is_some_and(|s| s.set_item(NAME_KEY, name).is_ok())
}

/// The current fragment, including its `#` (empty when there is none).
pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The page's address without fragment: the base of every share link.
pub fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// Rewrites the fragment without adding a history entry (scrolling must not
/// fill the back button with one entry per card).
pub fn replace_hash(fragment: &str) {
    let url = format!("{}{}", base_url(), fragment);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

pub fn prefers_reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

pub fn element_by_id(id: &str) -> Option<HtmlElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// Brings the element to the middle of the view and gives it focus, so
/// keyboard and screen-reader users land where sighted readers look.
pub fn scroll_and_focus(id: &str, smooth: bool) {
    let Some(el) = element_by_id(id) else { return };
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    let _ = el.focus_with_options(&opts);
    let scroll = web_sys::ScrollIntoViewOptions::new();
    scroll.set_block(web_sys::ScrollLogicalPosition::Center);
    scroll.set_behavior(if smooth { web_sys::ScrollBehavior::Smooth } else { web_sys::ScrollBehavior::Instant });
    el.scroll_into_view_with_scroll_into_view_options(&scroll);
}

/// The number of the point card that holds focus (or contains it), if any.
pub fn focused_point() -> Option<u8> {
    let active = document().active_element()?;
    let card = active.closest("article[id^='point-']").ok()??;
    card.id().strip_prefix("point-")?.parse().ok()
}

/// A callback made once and run as a task of its own each time it is
/// scheduled: a click then schedules work without building a JS closure.
pub struct Task {
    callback: js_sys::Function,
    window: web_sys::Window,
}

impl Task {
    pub fn new(f: impl Fn() + 'static) -> Self {
        let callback = Closure::<dyn Fn()>::new(f).into_js_value().unchecked_into();
        Task { callback, window: window() }
    }

    /// Runs the callback after the current task (and its paint) is done.
    pub fn schedule(&self) {
        let _ = self.window.set_timeout_with_callback_and_timeout_and_arguments_0(&self.callback, 0);
    }
}

/// Runs `f` on the next animation frame (after Leptos has put the DOM in place).
pub fn next_frame(f: impl FnOnce() + 'static) {
    let cb = Closure::once_into_js(f);
    let _ = window().request_animation_frame(cb.unchecked_ref());
}

pub fn show_modal(dialog: &web_sys::HtmlDialogElement) {
    if !dialog.open() {
        let _ = dialog.show_modal();
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

/// Watches every element with a `data-step` attribute and reports the one
/// with the most visible height (most-in-view). Rebuilt on resize, since the
/// bottom bar's height (excluded from the root) changes with the layout.
/// The observer's callback, kept alive as long as the observer.
type EntriesCallback = Closure<dyn FnMut(js_sys::Array)>;

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
