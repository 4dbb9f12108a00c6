//! You and the class: whether the reader's own tags match the class's most
//! common answer, point by point.

use crate::components::class::root::reader_tags;
use leptos::prelude::*;
use plan_core::class::compare::{compare_with_class, summarize};
use plan_core::class::words::{point_vs_class, you_vs_class};
use plan_core::class::ClassCounts;
use plan_core::ui::ui;

#[component]
pub fn ClassYou(counts: Signal<ClassCounts>) -> impl IntoView {
    let u = ui();
    let reader = reader_tags();
    let compared = Memo::new(move |_| {
        let own = reader.get();
        (!own.is_empty()).then(|| counts.with(|c| compare_with_class(&own, c)))
    });
    view! {
        <div class="class-you">
            <h4>{u.cv_you_heading}</h4>
            {move || match compared.get() {
                None => view! { <p class="muted">{u.cv_you_none}</p> }.into_any(),
                Some(points) => {
                    view! {
                        <p>{you_vs_class(&summarize(&points))}</p>
                        <details>
                            <summary>{u.cv_you_details}</summary>
                            <ul class="you-list">{points.iter().map(|p| view! { <li>{point_vs_class(p)}</li> }).collect_view()}</ul>
                        </details>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
