//! Title block (static), with the page-wide tools as an island. Compact
//! outside the story (`html[data-page]`), so the class view's first box is in view at once.

use crate::components::masthead_tools::MastheadTools;
use crate::islands::{Island, IslandHost};
use leptos::prelude::*;
use plan_core::content;

#[component]
pub fn Masthead() -> impl IntoView {
    let c = content();
    view! {
        <header class="masthead">
            <div class="masthead-inner">
                <p class="kicker">{c.kicker}</p>
                <h1>{c.title}</h1>
                <p class="dek">{c.dek}</p>
                <p class="time-frame">{c.time_frame}</p>
                <IslandHost island=Island::MastheadTools><MastheadTools/></IslandHost>
            </div>
        </header>
    }
}
