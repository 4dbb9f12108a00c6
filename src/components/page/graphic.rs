//! The sticky graphic (static frame): beside the text on wide screens, a bar
//! at the bottom on phones (its details open on demand there). Its panels
//! belong to steps (`data-steps`; the step observer marks the active ones):
//! the speakers during the story (an island), the territory map at points 21-23 (wide
//! screens), the overview otherwise. Controls, overview and tally are islands.

use crate::components::page::territory_map::TerritoryMap;
use crate::components::{graphic_controls::GraphicControls, overview::Overview, speakers::Speakers, tally::TallyPanel};
use crate::islands::{Island, IslandHost};
use leptos::prelude::*;
use plan_core::content;
use plan_core::step::Step;
use plan_core::territory::territory;
use plan_core::ui;

/// A panel shown while one of `steps` is active; the page starts at the first story step.
#[component]
fn Panel(steps: Vec<Step>, class: &'static str, children: Children) -> impl IntoView {
    let active = steps.contains(&Step::Story(0));
    view! {
        <div class=format!("step-panel {class}") data-steps=Step::list(steps) data-active=active.to_string()>
            {children()}
        </div>
    }
}

#[component]
pub fn Graphic() -> impl IntoView {
    let story: Vec<Step> = (0..content().story.len()).map(Step::Story).collect();
    let map: Vec<Step> = Step::points().filter(|s| territory().shown_at(s.point_reached())).collect();
    // On wide screens the map takes the overview's place (main.css); on phones the map is in card 21.
    let overview: Vec<Step> = Step::points().chain([Step::End]).collect();
    view! {
        <aside class="graphic" aria-label=ui::graphic_label()>
            <div class="graphic-inner">
                <IslandHost island=Island::GraphicControls><GraphicControls/></IslandHost>
                <Panel steps=map class="territory-slot">
                    <TerritoryMap place="graphic"/>
                </Panel>
                <div id="graphic-details" class="graphic-details">
                    <Panel steps=story class="speakers-panel">
                        <IslandHost island=Island::Speakers><Speakers/></IslandHost>
                    </Panel>
                    <Panel steps=overview class="overview-panel">
                        <IslandHost island=Island::Overview><Overview/></IslandHost>
                    </Panel>
                </div>
                <IslandHost island=Island::Tally><TallyPanel/></IslandHost>
            </div>
        </aside>
    }
}
