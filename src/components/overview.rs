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
                        let tag = move || state.shown_tag(n);
                        let active = move || state.step.get() == Step::Point(n);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="cell"
                                    data-tag=move || tag().map(Tag::id).unwrap_or("none")
                                    aria-current=move || active().then_some("step")
                                    aria-label=move || {
                                        format!("Point {n}, {}", tag().map(Tag::label).unwrap_or("untagged"))
                                    }
                                    on:click=move |_| {
                                        on_jump();
                                        navigation::go_to_point(&state, n);
                                    }
                                >
                                    <span class="cell-number">{n}</span>
                                    <span class="cell-letter">{move || tag().map(Tag::letter).unwrap_or("")}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
