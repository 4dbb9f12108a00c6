//! At the end of the story: the way into the class view.

use leptos::prelude::*;
use plan_core::content;
use plan_core::ui;

#[component]
pub fn ClassTeaser() -> impl IntoView {
    let c = &content().classroom;
    view! {
        <section class="classroom-teaser" aria-labelledby="teaser-heading">
            <h2 id="teaser-heading" class="section-title">{c.heading}</h2>
            <p>{c.intro}</p>
            <p><a href="#class" class="button primary">{ui::cv_teach()}</a></p>
        </section>
    }
}
