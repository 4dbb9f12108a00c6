//! Where the class agrees and where it is split, with each measure named.

use leptos::prelude::*;
use plan_core::class::measures::{agreed_points, split_points};
use plan_core::class::words::{agreed_point, explain_agreement, explain_split, split_point};
use plan_core::class::ClassCounts;
use plan_core::ui;

/// How many points each list shows at most.
const LISTED: usize = 5;

#[component]
pub fn ClassMeasures(counts: Signal<ClassCounts>) -> impl IntoView {
    let agreed = Memo::new(move |_| counts.with(|c| agreed_points(c, LISTED)));
    let split = Memo::new(move |_| counts.with(|c| split_points(c, LISTED)));
    view! {
        <div class="class-measures">
            <div>
                <h4>{ui::cv_agrees_heading()}</h4>
                <p class="measure-note">{explain_agreement()}</p>
                {move || list(agreed.get().iter().map(agreed_point).collect())}
            </div>
            <div>
                <h4>{ui::cv_split_heading()}</h4>
                <p class="measure-note">{explain_split()}</p>
                {move || list(split.get().iter().map(split_point).collect())}
            </div>
        </div>
    }
}

fn list(items: Vec<String>) -> impl IntoView {
    if items.is_empty() {
        view! { <p class="muted">{ui::cv_none_yet()}</p> }.into_any()
    } else {
        view! { <ol class="measure-list">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ol> }
            .into_any()
    }
}
