//! Title block (static), with the page-wide tools as an island. Compact
//! outside the story (`html[data-page]`), so the class view's first box is in view at once.
//! Under the time frame, how far the page's checking reaches ("Checked up to").

use crate::components::masthead_tools::MastheadTools;
use crate::islands::{Island, IslandHost};
use leptos::prelude::*;
use plan_core::content;
use plan_core::ui;

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
                <p class="checked-line">
                    {ui::checked_up_to(c.checked.content_checked, c.checked.latest_event)}
                    " "
                    <a href="#later">{ui::later_link()}</a>
                </p>
                <IslandHost island=Island::MastheadTools><MastheadTools/></IslandHost>
            </div>
        </header>
    }
}
