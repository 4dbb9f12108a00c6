//! Camps: groups of students who tag alike, what sets each apart, and the
//! common ground of all camps. No student is named here.

use leptos::prelude::*;
use plan_core::class::camps::Camps;
use plan_core::class::words::{
    camp_heading, camps_found, camps_not_enough, common_ground_point, distinctive_point, explain_camps,
    explain_common_ground, explain_distinctive, left_out_of_camps, no_clear_camps,
};
use plan_core::ui;
use std::sync::Arc;

#[component]
pub fn ClassCamps(camps: Signal<Option<Arc<Camps>>>) -> impl IntoView {
    view! {
        <div class="class-camps">
            <h4>{ui::cv_camps_heading()}</h4>
            <p class="measure-note">{explain_camps()}</p>
            // Camps are computed a task after the counts: this appears when they are done.
            {move || camps.get().map(|camps| view! { <div class="camps-result"><CampsFound camps=camps/></div> })}
        </div>
    }
}

#[component]
fn CampsFound(camps: Arc<Camps>) -> impl IntoView {
    match &*camps {
        Camps::NotEnough { needed, left_out, .. } => view! { <p>{camps_not_enough(*needed, *left_out)}</p> }.into_any(),
        Camps::NoClearCamps { .. } => view! { <p>{no_clear_camps()}</p> }.into_any(),
        Camps::Found(found) => {
            let left_out =
                (found.left_out > 0).then(|| view! { <p class="muted">{left_out_of_camps(found.left_out)}</p> });
            view! {
                <p>{camps_found(found.camps.len())}</p>
                {left_out}
                <p class="measure-note">{explain_distinctive()}</p>
                <div class="camp-list">
                    {found
                        .camps
                        .iter()
                        .enumerate()
                        .map(|(i, camp)| {
                            view! {
                                <div class="camp">
                                    <h5>{camp_heading(i, camp.size)}</h5>
                                    <ul>{camp.distinctive.iter().map(|d| view! { <li>{distinctive_point(d)}</li> }).collect_view()}</ul>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
                <h5>{ui::cv_common_ground()}</h5>
                <p class="measure-note">{explain_common_ground()}</p>
                {if found.common_ground.is_empty() {
                    view! { <p class="muted">{ui::cv_no_common_ground()}</p> }.into_any()
                } else {
                    view! { <ul>{found.common_ground.iter().map(|c| view! { <li>{common_ground_point(c)}</li> }).collect_view()}</ul> }
                        .into_any()
                }}
            }
                .into_any()
        }
    }
}
