//! The sticky graphic: beside the text on wide screens, a bar at the bottom
//! on phones (its overview and details open on demand there). While points
//! 21-23 are active it shows the territory map (wide screens).

use crate::components::{
    overview::Overview, progress::Progress, speakers::Speakers, tally::TallyPanel, territory_map::TerritoryMap,
};
use crate::navigation;
use crate::state::{use_state, Step};
use leptos::prelude::*;
use plan_core::territory::territory;
use plan_core::ui::ui;
use plan_core::POINT_COUNT;

#[component]
pub fn Graphic() -> impl IntoView {
    let state = use_state();
    let u = ui();
    let open = RwSignal::new(false);
    let in_story = move || matches!(state.step.get(), Step::Story(_));
    let reached = move || state.step.get().point_reached();
    let at_last = move || usize::from(reached()) >= POINT_COUNT;
    // The map, while a territory point is the active step (wide screens only:
    // on phones and on paper it is in the card, see `PointCard`).
    let map_shown = move || matches!(state.step.get(), Step::Point(n) if territory().shown_at(n));
    view! {
        <aside class="graphic" aria-label=u.graphic_label data-open=move || open.get().to_string()>
            <div class="graphic-inner">
                <div class="graphic-top">
                    <Progress/>
                    <div class="stepper">
                        <button
                            type="button"
                            class="button step-button"
                            prop:disabled=move || reached() <= 1
                            on:click=move |_| navigation::previous_point(&state)
                        >
                            <span aria-hidden="true">"↑ "</span>
                            {u.previous}
                            <span class="narrow-hidden">{u.point_suffix}</span>
                        </button>
                        <button
                            type="button"
                            class="button step-button"
                            prop:disabled=at_last
                            on:click=move |_| navigation::next_point(&state)
                        >
                            <span aria-hidden="true">"↓ "</span>
                            {u.next}
                            <span class="narrow-hidden">{u.point_suffix}</span>
                        </button>
                        <button
                            type="button"
                            class="button ghost more-toggle"
                            aria-expanded=move || open.get().to_string()
                            aria-controls="graphic-details"
                            on:click=move |_| open.update(|o| *o = !*o)
                        >
                            <span aria-hidden="true">{move || if open.get() { "▾ " } else { "▴ " }}</span>
                            {u.overview_toggle}
                        </button>
                    </div>
                </div>
                <div class="territory-slot" hidden=move || !map_shown()>
                    <TerritoryMap place="graphic"/>
                </div>
                <div id="graphic-details" class="graphic-details">
                    <Show when=in_story fallback=move || view! { <Overview on_jump=move || open.set(false)/> }>
                        <Speakers/>
                    </Show>
                </div>
                <TallyPanel/>
            </div>
        </aside>
    }
}
