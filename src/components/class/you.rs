//! You and the class: whether the reader's own tags match the class's most
//! common answer, point by point. A comparison, never a grade: the panel repeats
//! the lesson plan's caution and keeps the comparison closed until asked for.

use crate::components::class::root::reader_tags;
use leptos::prelude::*;
use plan_core::class::compare::{compare_with_class, summarize};
use plan_core::class::words::{point_vs_class, you_vs_class};
use plan_core::class::ClassCounts;
use plan_core::ui;

#[component]
pub fn ClassYou(counts: Signal<ClassCounts>) -> impl IntoView {
    let reader = reader_tags();
    let compared = Memo::new(move |_| {
        let own = reader.get();
        (!own.is_empty()).then(|| counts.with(|c| compare_with_class(&own, c)))
    });
    view! {
        <div class="class-you">
            <h4>{ui::cv_you_heading()}</h4>
            <p class="muted">{ui::cv_you_hint()}</p>
            {move || match compared.get() {
                None => view! { <p class="muted">{ui::cv_you_none()}</p> }.into_any(),
                // Closed by default, so a projected class result shows no teacher's tags
                // beside the class's answers until the teacher asks for them.
                Some(points) => {
                    view! {
                        <details class="you-compare">
                            <summary>{ui::cv_you_compare()}</summary>
                            <p>{you_vs_class(&summarize(&points))}</p>
                            <details>
                                <summary>{ui::cv_you_details()}</summary>
                                <ul class="you-list">{points.iter().map(|p| view! { <li>{point_vs_class(p)}</li> }).collect_view()}</ul>
                            </details>
                        </details>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
