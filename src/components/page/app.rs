//! The whole page, rendered at build time: static HTML with the islands in
//! their hosts. What differs by reader is applied in the browser after the
//! islands have hydrated (`shell::start`), so the HTML is the same for everyone.

use crate::components::page::{
    class_teaser::ClassTeaser, graphic::Graphic, later::Later, masthead::Masthead, point_card::PointCard,
    sources::Sources, story_step::StoryStep,
};
use crate::components::{
    class_host::ClassHost, draft_switch::DraftSwitch, help_dialog::HelpDialog, notices::Notices,
    share_panel::SharePanel, skip_link::SkipLink, summary::Summary,
};
use crate::islands::{Island, IslandHost};
use crate::stores::Stores;
use leptos::prelude::*;
use plan_core::content;
use plan_core::ui;

#[component]
pub fn App() -> impl IntoView {
    // The islands read the stores while they render, here as in the browser.
    provide_context(Stores::new(Box::<plan_core::reader::MemoryStore>::default()));
    let c = content();
    view! {
        <IslandHost island=Island::SkipLink><SkipLink/></IslandHost>
        <Masthead/>
        <div class="layout">
            <main id="main" class="column">
                <IslandHost island=Island::Notices><Notices/></IslandHost>
                <section class="narrative" aria-labelledby="story-heading">
                    <h2 id="story-heading" class="section-title">{ui::story_heading()}</h2>
                    {c.story.iter().enumerate().map(|(i, step)| view! { <StoryStep index=i step=step/> }).collect_view()}
                </section>
                <section id="points" class="points" aria-labelledby="points-heading" tabindex="-1">
                    <h2 id="points-heading" class="section-title">{ui::points_heading(plan_core::POINT_COUNT)}</h2>
                    <p class="points-intro">{c.points_intro}</p>
                    <p class="neutral-definition">{c.neutral_definition}</p>
                    <IslandHost island=Island::DraftSwitch><DraftSwitch/></IslandHost>
                    {c.points.iter().map(|p| view! { <PointCard point=p/> }).collect_view()}
                </section>
                <IslandHost island=Island::Summary><Summary/></IslandHost>
                <IslandHost island=Island::SharePanel><SharePanel/></IslandHost>
                <Later/>
                <ClassTeaser/>
                <Sources/>
            </main>
            <Graphic/>
        </div>
        <IslandHost island=Island::ClassHost><ClassHost/></IslandHost>
        <footer class="site-footer">
            <p>{ui::footer()}</p>
        </footer>
        <IslandHost island=Island::HelpDialog><HelpDialog/></IslandHost>
    }
}
