//! The class view's state: the teacher's pasted links (kept in their own
//! storage key, never mixed with the teacher's own tags, until the teacher
//! forgets the class), what was read from them, whether names show on
//! screen, the reasons the teacher hid (kept in a key of their own), and the
//! camps (a task later for large classes, so no single task runs long). Like
//! the page's stores (`src/stores/`), it owns its signals: components read
//! them and change them through its methods.

use crate::browser;
use leptos::html;
use leptos::prelude::*;
use plan_core::class::camps::{CampSearch, Camps};
use plan_core::class::mask::{mask_names, Masked};
use plan_core::class::reasons::{reasons_by_point, ClassReasons, HiddenReasons, ReasonId};
use plan_core::class::{gather, ClassCounts, Entry, Gathered};
use plan_core::ui;
use std::sync::Arc;
use std::time::Duration;

/// How many distinguishing points each camp lists.
const DISTINCTIVE: usize = 5;
/// Up to this many students the camps are found in the same task as the
/// counts (a few milliseconds); beyond it, in slices over later tasks.
const CAMPS_IN_ONE_TASK: usize = 2000;
/// How long one slice of a large class's camp search may run, in milliseconds.
const SLICE_MS: f64 = 25.0;
/// Typing pauses this long before the links are read again
/// (tests/e2e/class.spec.js names it too: `READ_PAUSE_MS`).
const READ_PAUSE: Duration = Duration::from_millis(700);
/// Larger files are not read: no class export comes near this.
const MAX_FILE_MB: u32 = 4;

/// The reasons the teacher hid, as `HiddenReasons::to_text` writes them: in
/// this browser only, apart from the pasted links.
pub const HIDDEN_REASONS_KEY: &str = "weigh-the-plan:class-hidden-reasons:v1";

thread_local! {
    static RESTORE_SAID: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The hidden reasons as last set on this page load: when the browser
    /// refuses to store them, leaving the class view and coming back (a new
    /// `ClassState`) must not show them again.
    static HIDDEN_THIS_PAGE: std::cell::RefCell<Option<HiddenReasons>> = const { std::cell::RefCell::new(None) };
}

#[derive(Clone, Copy)]
pub struct ClassState {
    /// The "Student links" box. Its text is not mirrored into a signal:
    /// a megabyte re-rendered on every keystroke would make typing lag.
    area: NodeRef<html::Textarea>,
    /// The box's real text, names included: what is read, saved and exported.
    real: StoredValue<String>,
    /// What the box shows while names are hidden (the real text, masked).
    shown: StoredValue<Masked>,
    /// Names on screen: off by default, so a projected class view shows none.
    show_names: RwSignal<bool>,
    /// The teacher's class label (empty: none).
    label: RwSignal<String>,
    /// What the last read found (None: nothing read, or an empty box).
    gathered: RwSignal<Option<Arc<Gathered>>>,
    /// Count the links from other classes too.
    include_other: RwSignal<bool>,
    camps: RwSignal<Option<Arc<Camps>>>,
    /// A message about the input (a file read, too large, storage refused).
    input_notice: RwSignal<Option<String>>,
    /// The reasons hidden from the projected screen and the handout.
    hidden: RwSignal<HiddenReasons>,
    /// The browser refused to store the hidden reasons (they stay hidden on this page).
    hidden_unsaved: RwSignal<bool>,
    /// The text and hidden reasons removed by "Forget this class", for its undo.
    cleared: RwSignal<Option<(String, HiddenReasons)>>,
    read_generation: StoredValue<u64>,
    pending_read: StoredValue<Option<TimeoutHandle>>,
}

impl ClassState {
    pub fn new() -> Self {
        ClassState {
            area: NodeRef::new(),
            real: StoredValue::new(String::new()),
            shown: StoredValue::new(Masked::default()),
            show_names: RwSignal::new(false),
            label: RwSignal::new(browser::load_text(browser::CLASS_LABEL_KEY).unwrap_or_default()),
            gathered: RwSignal::new(None),
            include_other: RwSignal::new(false),
            camps: RwSignal::new(None),
            input_notice: RwSignal::new(None),
            hidden: RwSignal::new(load_hidden()),
            hidden_unsaved: RwSignal::new(false),
            cleared: RwSignal::new(None),
            read_generation: StoredValue::new(0),
            pending_read: StoredValue::new(None),
        }
    }

    /// The "Student links" box, for the view to bind (`node_ref`).
    pub fn area(&self) -> NodeRef<html::Textarea> {
        self.area
    }

    /// Whether names show on screen (tracked).
    pub fn show_names(&self) -> bool {
        self.show_names.get()
    }

    /// The teacher's class label, as typed (tracked).
    pub fn label(&self) -> String {
        self.label.get()
    }

    pub fn label_untracked(&self) -> String {
        self.label.get_untracked()
    }

    /// Whether anything was read from the box (tracked).
    pub fn has_read(&self) -> bool {
        self.gathered.with(Option::is_some)
    }

    /// What the last read found, if anything (tracked).
    pub fn with_gathered<R>(&self, f: impl FnOnce(Option<&Gathered>) -> R) -> R {
        self.gathered.with(|g| f(g.as_deref()))
    }

    pub fn with_gathered_untracked<R>(&self, f: impl FnOnce(Option<&Gathered>) -> R) -> R {
        self.gathered.with_untracked(|g| f(g.as_deref()))
    }

    /// Whether links from other classes are counted (tracked).
    pub fn include_other(&self) -> bool {
        self.include_other.get()
    }

    /// The camps, once found (tracked).
    pub fn camps(&self) -> Option<Arc<Camps>> {
        self.camps.get()
    }

    /// The message about the input, if any (tracked).
    pub fn input_notice(&self) -> Option<String> {
        self.input_notice.get()
    }

    pub fn dismiss_input_notice(&self) {
        self.input_notice.set(None);
    }

    /// Whether "Forget this class" can still be undone (tracked).
    pub fn can_undo_clear(&self) -> bool {
        self.cleared.with(Option::is_some)
    }

    /// The teacher dismissed the undo: the forgotten text goes for good.
    pub fn dismiss_undo_clear(&self) {
        self.cleared.set(None);
    }

    fn text(&self) -> String {
        self.real.get_value()
    }

    fn set_text(&self, text: &str) {
        self.real.set_value(text.to_owned());
        self.show_text();
    }

    /// Puts the real text in the box, or its masked copy while names are hidden.
    fn show_text(&self) {
        let Some(area) = self.area.get_untracked() else { return };
        if self.show_names.get_untracked() {
            self.real.with_value(|real| browser::set_textarea_value(&area, real));
        } else {
            let masked = self.real.with_value(|real| mask_names(real));
            browser::set_textarea_value(&area, &masked.text);
            self.shown.set_value(masked);
        }
    }

    /// The teacher typed, pasted or cut in the box: the edit reaches the real
    /// text (through the mask while names are hidden), and a name that came
    /// with a paste is hidden at once.
    pub fn edited(&self) {
        let Some(area) = self.area.get_untracked() else { return };
        let value = browser::textarea_value(&area);
        if self.show_names.get_untracked() {
            self.real.set_value(value);
        } else {
            let caret = browser::caret(&area, &value);
            let (real, typed_end) =
                self.shown.with_value(|shown| self.real.with_value(|real| shown.apply_edit_at(real, &value, caret)));
            let masked = mask_names(&real);
            if masked.text != value {
                browser::set_textarea_value(&area, &masked.text);
                browser::set_caret(&area, &masked.text, masked.to_masked(typed_end));
            }
            self.real.set_value(real);
            self.shown.set_value(masked);
        }
        self.read_after_pause();
    }

    /// The names switch: the box shows the real text or the masked one.
    pub fn set_show_names(&self, show: bool) {
        self.show_names.set(show);
        self.show_text();
    }

    /// Puts back what was pasted before (saved in this browser) and reads it,
    /// and says so: older text never comes back without a word.
    pub fn restore(&self) {
        if let Some(saved) = browser::load_text(browser::CLASS_INPUT_KEY) {
            self.set_text(&saved);
            self.read_now();
            // Said once a page load: coming back to the class view from the story is not a new visit.
            if !RESTORE_SAID.with(|said| said.replace(true)) {
                let lines = saved.lines().filter(|l| !l.trim().is_empty()).count();
                self.input_notice.set(Some(ui::cv_restored(lines)));
            }
        }
    }

    /// Whether the class view was left: its signals are gone, and a timer
    /// or a file read that finishes later must not touch them.
    fn gone(&self) -> bool {
        self.gathered.is_disposed()
    }

    /// Cancels a read waiting for a pause in typing; whether there was one.
    fn cancel_pending(&self) -> bool {
        let pending = self.pending_read.try_update_value(Option::take).flatten();
        pending.as_ref().map(TimeoutHandle::clear).is_some()
    }

    /// The view is being left (its state goes with it): a read still waiting
    /// for a pause does its saving now, so nothing typed is lost.
    pub fn leave(&self) {
        if self.cancel_pending() {
            self.save(&self.text());
        }
    }

    /// Reads the box now: saves the text as it is, then gathers the links.
    pub fn read_now(&self) {
        if self.gone() {
            return;
        }
        self.cancel_pending();
        let text = self.text();
        // Undoing "Clear the class" would now throw away what came since.
        if !text.is_empty() && self.cleared.with_untracked(Option::is_some) {
            self.cleared.set(None);
        }
        self.save(&text);
        let label = self.label.get_untracked();
        let gathered = (!text.trim().is_empty()).then(|| Arc::new(gather(&text, Some(label.as_str()))));
        self.gathered.set(gathered);
        self.schedule_camps();
    }

    /// After a pause in typing, never on each keystroke.
    pub fn read_after_pause(&self) {
        let state = *self;
        self.cancel_pending();
        let handle = set_timeout_with_handle(move || state.read_now(), READ_PAUSE).ok();
        self.pending_read.set_value(handle);
    }

    /// Saves the box. When the browser refuses, the copy saved earlier is
    /// removed too, so that an older class never comes back on the next
    /// visit as if it were this one; the notice says which happened.
    fn save(&self, text: &str) {
        if browser::save_text(browser::CLASS_INPUT_KEY, text) {
            let failed = self
                .input_notice
                .with_untracked(|n| n.as_deref().is_some_and(|n| n.starts_with(ui::cv_saving_failed())));
            if failed {
                self.input_notice.set(None);
            }
            return;
        }
        let old_removed = browser::save_text(browser::CLASS_INPUT_KEY, "");
        let then = if old_removed { ui::cv_saving_failed_removed() } else { ui::cv_saving_failed_kept() };
        self.input_notice.set(Some(format!("{} {then}", ui::cv_saving_failed())));
    }

    /// The students counted: the teacher's class, and other classes if asked (tracked).
    pub fn included(&self) -> Vec<Entry> {
        let include = self.include_other.get();
        self.gathered
            .with(|g| g.as_ref().map(|g| g.included(include).into_iter().cloned().collect()).unwrap_or_default())
    }

    /// The class label all counted links share, when they agree on one (tracked).
    pub fn common_label(&self) -> Option<String> {
        let entries = self.included();
        let first = entries.first()?.class.clone()?;
        let key = plan_core::class::gather::label_key(&first);
        entries
            .iter()
            .all(|e| e.class.as_deref().map(plan_core::class::gather::label_key) == Some(key.clone()))
            .then_some(first)
    }

    /// The class's counts, once at least one student is counted (tracked).
    pub fn counts(&self) -> Option<ClassCounts> {
        let include = self.include_other.get();
        self.gathered.with(|g| g.as_ref().map(|g| g.counts(include)).filter(|c| c.students() > 0))
    }

    /// Camps take the longest: for a large class the search runs in slices
    /// (`CampSearch`), a few milliseconds of work per task, after the counts
    /// are on screen, so no task runs long. A newer read makes an older
    /// search moot.
    fn schedule_camps(&self) {
        let generation = self.read_generation.get_value() + 1;
        self.read_generation.set_value(generation);
        let tags = self
            .gathered
            .with_untracked(|g| g.as_ref().map(|g| g.tags(self.include_other.get_untracked())).unwrap_or_default());
        let mut search = CampSearch::new(tags.iter(), DISTINCTIVE);
        if search.students() <= CAMPS_IN_ONE_TASK {
            let camps = loop {
                if let Some(camps) = search.step() {
                    break camps;
                }
            };
            self.camps.set(Some(Arc::new(camps)));
            return;
        }
        self.camps.set(None);
        let state = *self;
        let search = std::rc::Rc::new(std::cell::RefCell::new(search));
        slice_of_camps(state, search, generation);
    }

    pub fn set_include_other(&self, include: bool) {
        self.include_other.set(include);
        self.schedule_camps();
    }

    pub fn set_label(&self, label: &str) {
        let label: String = label.chars().take(plan_core::share::MAX_CLASS_CHARS).collect();
        browser::save_text(browser::CLASS_LABEL_KEY, label.trim());
        self.label.set(label);
        if self.gathered.with_untracked(Option::is_some) {
            self.read_after_pause();
        }
    }

    /// A file picked or dropped: its text is added at the end of the box,
    /// and the notice says so (or why it was not read).
    pub fn add_file(&self, file: web_sys::File) {
        let name = browser::file_name(&file);
        if browser::file_size(&file) > f64::from(MAX_FILE_MB) * 1024.0 * 1024.0 {
            self.input_notice.set(Some(ui::cv_file_too_large(&name, MAX_FILE_MB)));
            return;
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            let text = browser::read_file(file).await;
            if state.gone() {
                return;
            }
            match text {
                Some(text) => {
                    state.append(&text);
                    state.input_notice.set(Some(ui::cv_file_read(&name)));
                }
                None => state.input_notice.set(Some(ui::cv_file_failed(&name))),
            }
        });
    }

    /// Adds a file's text at the end of the box (the text already there stays).
    pub fn append(&self, more: &str) {
        if self.gone() {
            return;
        }
        let mut text = self.text();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(more);
        self.set_text(&text);
        self.read_now();
    }

    /// Empties the box and its saved copy, and forgets the hidden reasons,
    /// keeping both for an undo.
    pub fn clear(&self) {
        let text = self.text();
        self.cleared.set(Some((text, self.hidden.get_untracked())));
        self.set_hidden(HiddenReasons::default());
        self.set_text("");
        self.read_now();
    }

    pub fn undo_clear(&self) {
        if let Some((text, hidden)) = self.cleared.try_update(Option::take).flatten() {
            self.set_hidden(hidden);
            self.set_text(&text);
            self.read_now();
        }
    }

    /// The counted students' reasons by point and tag, hidden ones marked
    /// (tracked: the read, other classes counted or not, the hidden reasons).
    /// Students are numbered as in `included`, so "Student 3" is the same
    /// student here, in the names table and in the CSV.
    pub fn reasons(&self) -> ClassReasons {
        let include = self.include_other.get();
        self.hidden.with(|hidden| {
            self.gathered
                .with(|g| g.as_ref().map(|g| reasons_by_point(g.included(include), hidden)).unwrap_or_default())
        })
    }

    /// Hides a reason from the projected screen and the handout.
    pub fn hide_reason(&self, id: ReasonId) {
        let mut hidden = self.hidden.get_untracked();
        hidden.hide(id);
        self.set_hidden(hidden);
    }

    /// "Show hidden reasons": every reason comes back.
    pub fn show_hidden_reasons(&self) {
        self.set_hidden(HiddenReasons::default());
    }

    /// Whether the browser refused to store the hidden reasons (tracked).
    pub fn hidden_unsaved(&self) -> bool {
        self.hidden_unsaved.get()
    }

    /// Sets the hidden reasons, keeps them for this page load, and stores
    /// them; a refusal is said (`hidden_unsaved`), and nothing is lost: they
    /// stay hidden until the page is reloaded or closed.
    fn set_hidden(&self, hidden: HiddenReasons) {
        let saved = browser::save_text(HIDDEN_REASONS_KEY, &hidden.to_text());
        HIDDEN_THIS_PAGE.with(|page| *page.borrow_mut() = Some(hidden.clone()));
        self.hidden.set(hidden);
        if self.hidden_unsaved.get_untracked() == saved {
            self.hidden_unsaved.set(!saved);
        }
    }
}

/// The hidden reasons: as set earlier on this page load, else as stored.
fn load_hidden() -> HiddenReasons {
    HIDDEN_THIS_PAGE.with(|page| page.borrow().clone()).unwrap_or_else(|| {
        browser::load_text(HIDDEN_REASONS_KEY).map(|text| HiddenReasons::from_text(&text)).unwrap_or_default()
    })
}

/// Runs the camp search for a while, then hands the rest to the next task.
fn slice_of_camps(state: ClassState, search: std::rc::Rc<std::cell::RefCell<CampSearch>>, generation: u64) {
    set_timeout(
        move || {
            if state.gone() || state.read_generation.get_value() != generation {
                return;
            }
            let until = browser::now() + SLICE_MS;
            loop {
                if let Some(camps) = search.borrow_mut().step() {
                    state.camps.set(Some(Arc::new(camps)));
                    return;
                }
                if browser::now() >= until {
                    return slice_of_camps(state, search, generation);
                }
            }
        },
        Duration::ZERO,
    );
}

impl Default for ClassState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_class() -> ClassState {
    expect_context::<ClassState>()
}
