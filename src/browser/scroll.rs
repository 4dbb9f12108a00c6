//! Focus and scrolling, and the step observer (which card or story step is in view).

use leptos::prelude::{document, window};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

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

/// Gives the element focus where it is, without scrolling: for a control that
/// went away under the reader's pointer (a hidden reason's Hide button), the
/// focus moves to the nearest thing left, and the page stays still.
/// Whether the element was there.
pub fn focus_in_place(id: &str) -> bool {
    let Some(el) = element_by_id(id) else { return false };
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    el.focus_with_options(&opts).is_ok()
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
    /// The bottom bar's height when the observer was built (excluded from the root).
    bar: Rc<std::cell::Cell<i32>>,
}

impl StepObserver {
    pub fn new(on_step: impl Fn(String) + 'static) -> Rc<Self> {
        let me = Rc::new(StepObserver {
            observer: RefCell::new(None),
            visible: Rc::new(RefCell::new(HashMap::new())),
            on_step: Rc::new(on_step),
            callback: RefCell::new(None),
            bar: Rc::new(std::cell::Cell::new(0)),
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
        self.bar.set(bar);
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
            report_most_in_view(&visible, bar, &*on_step);
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

    /// Reports the step most in view now. Entries only arrive at threshold
    /// crossings: one that arrived while a jump held the step is not sent
    /// again, so whoever lifts that hold asks for a fresh report.
    pub fn report(&self) {
        report_most_in_view(&self.visible.borrow(), self.bar.get(), &*self.on_step);
    }
}

/// Measures the few intersecting candidates now, rather than trusting what
/// their entries reported, and names the one most in view.
fn report_most_in_view(visible: &HashMap<String, Element>, bar: i32, on_step: &dyn Fn(String)) {
    let root = viewport_height() - f64::from(bar);
    let best = visible
        .iter()
        .map(|(step, el)| (step, in_view_score(&el.get_bounding_client_rect(), root)))
        .filter(|(_, score)| score.0 > 0.0)
        .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0).then(b.1 .1.total_cmp(&a.1 .1)));
    if let Some((step, _)) = best {
        on_step(step.clone());
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

/// Keeps `<html>`'s `scroll-padding` clear of what sticks to the top of the
/// view (the notices on wide screens, the boot line) and to its bottom (the
/// phone's tally bar), so whatever scrolls an element into view (tabbing,
/// the skip link, a point link) leaves it clear of them (WCAG 2.2, 2.4.11).
/// Followed by a `ResizeObserver`, as notices come and go and the bar opens.
/// Written as `scroll-padding` itself, and only when it changes: a custom
/// property on `<html>` is inherited, so changing one restyled the whole
/// page (about 100 ms at 4× throttling, during load).
pub fn track_sticky_heights() {
    let selectors = [".notices", "#app-failed", ".graphic"];
    let mut written = (u32::MAX, u32::MAX);
    let measure = Closure::<dyn FnMut()>::new(move || {
        let (mut top, mut bottom) = (0.0, 0.0);
        for selector in selectors {
            let Some(el) = document().query_selector(selector).ok().flatten() else { continue };
            let Some(position) =
                window().get_computed_style(&el).ok().flatten().and_then(|s| s.get_property_value("position").ok())
            else {
                continue;
            };
            let rect = el.get_bounding_client_rect();
            match position.as_str() {
                "sticky" => top += rect.height(),
                "fixed"
                    if rect.bottom() >= window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0) - 1.0 =>
                {
                    bottom += rect.height()
                }
                _ => {}
            }
        }
        // Whole pixels, as integers: formatting a float would pull the float
        // printer into the module for two numbers.
        let heights = (top.ceil() as u32, bottom.ceil() as u32);
        if heights == written {
            return;
        }
        written = heights;
        if let Some(root) = document().document_element().and_then(|r| r.dyn_into::<HtmlElement>().ok()) {
            let style = root.style();
            let _ = style.set_property("scroll-padding-top", &format!("calc({}px + 0.5rem)", heights.0));
            let _ = style.set_property("scroll-padding-bottom", &format!("calc({}px + 0.5rem)", heights.1));
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) {
        for selector in selectors {
            if let Some(el) = document().query_selector(selector).ok().flatten() {
                observer.observe(&el);
            }
        }
    }
    // Lives as long as the page.
    measure.forget();
}
