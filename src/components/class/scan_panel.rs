//! The scan panel: the camera's preview, large enough to project, a counter
//! readable from the back of the room, the last few scans, Mute and Stop.
//! Each code read goes into the class box as one line (`ClassState::append`),
//! so the report, the result and the exports read it as they read a paste.
//! The camera stops with the panel: Stop, leaving the class view (the panel
//! is unmounted), or the page hidden.

use crate::browser::{self, Beeper, CameraProblem, ScanEvent, Scanner};
use crate::components::class::state::use_class;
use leptos::html;
use leptos::prelude::*;
use plan_core::class::scan::{classify, repeats_ignored, scan_sentence, scanned_count, Scanned, Sightings};
use plan_core::ui;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// How many scans the panel lists.
const RECENT: usize = 5;
/// How long a scan's flash of confirmation lasts.
const FLASH: Duration = Duration::from_millis(700);

#[component]
pub fn ScanPanel(
    /// Called when scanning ends, with the problem that ended it, if any.
    ended: impl Fn(Option<CameraProblem>) + Copy + 'static,
) -> impl IntoView {
    let class = use_class();
    let video = NodeRef::<html::Video>::new();
    let live = RwSignal::new(false);
    let added = RwSignal::new(0usize);
    let repeats = RwSignal::new(0usize);
    // The last scans, newest first (their sentences follow the names switch).
    let recent = RwSignal::new(Vec::<Scanned>::new());
    let flash = RwSignal::new(None::<bool>);
    let muted = RwSignal::new(false);
    let scanner = StoredValue::new_local(None::<Scanner>);
    // Made now, within the click that opened the panel: browsers allow sound only after one.
    let beeper = StoredValue::new_local(Beeper::new());
    let sightings = Rc::new(RefCell::new(Sightings::default()));
    // Tells a newer scan's flash from an older one's.
    let next_id = StoredValue::new(0u64);

    let on_code = move |text: String| {
        if !sightings.borrow_mut().shown(&text, browser::now()) {
            return;
        }
        let label = class.label_untracked();
        let scanned = class.with_gathered_untracked(|g| classify(&text, g, Some(label.as_str())));
        let good = matches!(scanned, Scanned::New { .. });
        match &scanned {
            Scanned::New { line, .. } => {
                class.append(line);
                added.update(|n| *n += 1);
            }
            Scanned::Already { .. } => repeats.update(|n| *n += 1),
            _ => {}
        }
        if !muted.get_untracked() {
            beeper.with_value(|b| b.beep(good));
        }
        let id = next_id.get_value() + 1;
        next_id.set_value(id);
        recent.update(|list| {
            list.insert(0, scanned);
            list.truncate(RECENT);
        });
        flash.set(Some(good));
        set_timeout(
            move || {
                if next_id.try_get_value() == Some(id) {
                    flash.set(None)
                }
            },
            FLASH,
        );
    };
    let stop = move |why: Option<CameraProblem>| {
        if let Some(s) = scanner.try_update_value(Option::take).flatten() {
            s.stop();
        }
        ended(why);
    };
    Effect::new(move |_| {
        let Some(el) = video.get() else { return };
        let on_code = on_code.clone();
        let started = Scanner::start(el, move |event| match event {
            ScanEvent::Started => live.set(true),
            ScanEvent::Codes(texts) => texts.into_iter().for_each(&on_code),
            ScanEvent::Problem(problem) => stop(Some(problem)),
            ScanEvent::Hidden => stop(None),
        });
        scanner.set_value(Some(started));
        browser::skip_to("scan-heading");
    });
    // Unmounted (Stop, leaving the class view): the camera goes off.
    on_cleanup(move || {
        if let Some(s) = scanner.try_update_value(Option::take).flatten() {
            s.stop();
        }
    });

    let status = move || recent.with(|r| r.first().map(|s| scan_sentence(s, class.show_names())));
    view! {
        <section
            class="scan-panel"
            aria-labelledby="scan-heading"
            data-flash=move || flash.get().map(|good| if good { "good" } else { "other" })
        >
            <h4 id="scan-heading" tabindex="-1">{ui::cv_scan_heading()}</h4>
            <p class="field-note">{ui::cv_scan_hint()}</p>
            <div class="scan-body">
                <div class="scan-preview">
                    <video node_ref=video muted=true playsinline=true autoplay=true aria-label=ui::cv_scan_preview()></video>
                    <p class="scan-starting" hidden=move || live.get()>{ui::cv_scan_starting()}</p>
                </div>
                <div class="scan-side">
                    <p class="scan-count">{move || scanned_count(added.get())}</p>
                    <p class="scan-repeats" hidden=move || repeats.get() == 0>{move || repeats_ignored(repeats.get())}</p>
                    <p role="status" class="scan-status">{status}</p>
                    <h5 id="scan-recent-heading">{ui::cv_scan_recent()}</h5>
                    <ol class="scan-recent" aria-labelledby="scan-recent-heading">
                        {move || {
                            let show = class.show_names();
                            recent
                                .with(|list| {
                                    list.iter()
                                        .map(|scanned| {
                                            let kind = if matches!(scanned, Scanned::New { .. }) { "new" } else { "other" };
                                            view! { <li data-kind=kind>{scan_sentence(scanned, show)}</li> }
                                        })
                                        .collect_view()
                                })
                        }}
                    </ol>
                    <div class="scan-actions">
                        <label class="check">
                            <input type="checkbox" prop:checked=move || muted.get() on:change=move |ev| muted.set(event_target_checked(&ev))/>
                            {ui::cv_scan_mute()}
                        </label>
                        <button type="button" class="button primary" on:click=move |_| stop(None)>{ui::cv_scan_stop()}</button>
                    </div>
                </div>
            </div>
        </section>
    }
}
