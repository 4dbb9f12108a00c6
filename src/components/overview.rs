//! The overview (an island): one button per point, coloured (and lettered) by tag.

use crate::navigation;
use crate::stores::stores;
use leptos::prelude::*;
use plan_core::step::Step;
use plan_core::ui;
use plan_core::POINT_COUNT;

/// Columns of the overview grid: four rows, as many columns as that takes.
const COLUMNS: usize = POINT_COUNT.div_ceil(4);

#[component]
pub fn Overview() -> impl IntoView {
    let s = stores();
    view! {
        <nav class="overview" aria-label=ui::overview_label()>
            <ol class="cells" style:--columns=COLUMNS.to_string()>
                {(1..=POINT_COUNT as u8)
                    .map(|n| {
                        let active = move || s.nav.step() == Step::Point(n);
                        // One attribute carries the tag: the stylesheet draws the colour
                        // and the letter from it, and adds the tag's name for screen
                        // readers (generated content with alternative text), so a
                        // click writes one attribute here, not three.
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="cell"
                                    data-tag=move || plan_core::tags::category_info(s.reader.shown_tag(n)).id
                                    aria-current=move || active().then_some("step")
                                    on:click=move |_| {
                                        s.prefs.close_details();
                                        navigation::go_to_point(&s, n);
                                    }
                                >
                                    <span class="sr-only">{ui::cell_prefix()}</span>
                                    <span class="cell-number">{n}</span>
                                    <span class="cell-letter"></span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
