//! The 28-cell overview: one button per point, coloured (and lettered) by tag.

use crate::navigation;
use crate::state::{use_state, Step};
use leptos::prelude::*;
use plan_core::Tag;

#[component]
pub fn Overview(on_jump: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    view! {
        <nav class="overview" aria-label="Plan overview">
            <ol class="cells">
                {(1..=28u8)
                    .map(|n| {
                        let active = move || state.step.get() == Step::Point(n);
                        // One attribute carries the tag: the stylesheet draws the colour
                        // and the letter from it, and adds the tag's name for screen
                        // readers (generated content with alternative text), so a
                        // click writes one attribute here, not three.
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="cell"
                                    data-tag=move || state.shown_tag(n).map(Tag::id).unwrap_or("none")
                                    aria-current=move || active().then_some("step")
                                    on:click=move |_| {
                                        on_jump();
                                        navigation::go_to_point(&state, n);
                                    }
                                >
                                    <span class="sr-only">"Point "</span>
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
