//! The build script's checks (`core/build.rs`, `build_ui.rs`), fed bad content: each must
//! refuse it, saying what is wrong. The content that ships has passed them already, or this
//! crate would not have compiled; so the tests here change one thing in it and watch the
//! check refuse, which a test of the shipped content alone could never do.

#[allow(dead_code)] // its `main` and the baking are the build's, not the tests'
#[path = "../build.rs"]
mod build_script;

use build_script::build_ui::{generate, UiValue};
use build_script::{check, parse};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, UnwindSafe};

const PLAN: &str = include_str!("../../content/plan.json");

/// The content file as JSON, to change before checking.
fn plan() -> Value {
    serde_json::from_str(PLAN).expect("content/plan.json is JSON")
}

/// The message `f` panicked with, or `None` if it did not panic.
fn refusal(f: impl FnOnce() + UnwindSafe) -> Option<String> {
    let payload = catch_unwind(f).err()?;
    Some(match payload.downcast::<String>() {
        Ok(message) => *message,
        Err(payload) => payload.downcast_ref::<&str>().map(|s| s.to_string()).unwrap_or_default(),
    })
}

/// `check` refuses the changed content, with a message that contains `why`.
#[track_caller]
fn refused(json: Value, why: &str) {
    let (_, content) = parse(&json.to_string()).expect("the change keeps the schema");
    let message = refusal(move || check(&content)).unwrap_or_else(|| panic!("accepted; expected a refusal: {why}"));
    assert!(message.contains(why), "refused, but not for {why:?}: {message}");
}

/// The same file with one change: `edit` gets the whole JSON.
fn with(edit: impl FnOnce(&mut Value)) -> Value {
    let mut json = plan();
    edit(&mut json);
    json
}

#[test]
fn points_out_of_order_are_refused() {
    refused(
        with(|j| {
            j["points"][0]["number"] = json!(2);
            j["points"][1]["number"] = json!(1);
        }),
        "points must be numbered 1..=N in order",
    );
}

#[test]
fn a_card_without_sourced_wording_is_refused() {
    refused(with(|j| j["points"][0]["draft"]["parts"] = json!([])), "point 1 has no layer of draft wording");
    refused(with(|j| j["points"][0]["draft"]["parts"][0]["outlet"] = Value::Null), "names no outlet");
    refused(with(|j| j["points"][0]["draft"]["parts"][0]["outlet"] = json!("Sweden Herald")), "allowed list");
    refused(
        with(|j| j["points"][0]["draft"]["parts"][0]["url"] = json!("https://italy.news-pravda.com/a.html")),
        "banned site",
    );
    refused(with(|j| j["points"][0]["draft"]["parts"][0]["date"] = json!("yesterday")), "is not written like");
    refused(
        with(|j| j["points"][0]["draft"]["parts"][0]["text"] = json!("1. Ukraine's sovereignty (our translation).")),
        "reads like a translation",
    );
}

#[test]
fn a_marker_without_its_sentence_or_backing_is_refused() {
    refused(with(|j| j["points"][1]["leaves_out"] = Value::Null), "point 2 has a marker but no leaves_out sentence");
    // Card 22's wording could not be checked: no marker may compare AFP's line with it.
    refused(
        with(|j| {
            j["points"][21]["marker"] = json!("shorter");
            j["points"][21]["leaves_out"] = json!("AFP's line leaves out a clause.");
        }),
        "a marker needs an allowed outlet's text",
    );
    refused(with(|j| j["points"][12]["marker"] = json!("shorter")), "use \"reported\"");
}

#[test]
fn could_not_be_checked_said_twice_is_refused() {
    refused(
        with(|j| {
            j["points"][21]["draft"]["parts"][0]["text"] = json!("The full wording of this point could not be checked.")
        }),
        "repeats the card's marker",
    );
}

#[test]
fn parties_out_of_order_or_labelled_as_the_eu_are_refused() {
    refused(
        with(|j| {
            let parties = j["parties"].as_array_mut().unwrap();
            parties.swap(0, 1);
        }),
        "parties must be listed once each",
    );
    refused(with(|j| j["parties"][3]["label"] = json!("EU")), "must not be labelled as Europe or the EU");
    refused(with(|j| j["parties"][0]["mark"] = json!("USA")), "must be two characters");
}

#[test]
fn a_quote_dated_by_its_report_or_from_a_banned_site_is_refused() {
    refused(with(|j| j["story"][0]["quotes"][0]["date"] = json!("22 November 2025")), "the report cannot come first");
    refused(with(|j| j["story"][0]["quotes"][0]["reported"]["via"] = json!("news-pravda.com")), "never cites");
}

#[test]
fn a_lesson_plan_without_three_timed_phases_is_refused() {
    refused(with(|j| j["classroom"]["steps"][1]["minutes"] = json!(0)), "three timed phases");
}

#[test]
fn a_file_off_the_schema_is_refused_by_name() {
    let unknown = with(|j| j["points"][0]["favors"] = json!("russia")).to_string();
    assert!(parse(&unknown).err().is_some_and(|e| e.contains("unknown field `favors`")));
    let marker = with(|j| j["points"][1]["marker"] = json!("longer")).to_string();
    assert!(parse(&marker).err().is_some_and(|e| e.contains("unknown variant `longer`")));
}

/// What `build_ui::generate` does with one `ui` entry: the generated code, or its refusal.
fn ui_wording(key: &str, text: &str) -> Result<String, String> {
    let ui = BTreeMap::from([(key.to_owned(), UiValue::Text(text.to_owned()))]);
    catch_unwind(|| generate(&ui)).map_err(|payload| {
        payload.downcast::<String>().map(|message| *message).unwrap_or_else(|_| "a panic without a message".into())
    })
}

#[test]
fn interface_wording_with_a_typo_in_its_template_is_refused() {
    let refused = |key: &str, text: &str, why: &str| {
        let message = ui_wording(key, text).expect_err(text);
        assert!(message.contains(why), "{text:?} refused, but not for {why:?}: {message}");
    };
    refused("tally", "  ", "ui.tally is empty");
    refused("tally", "{n} of {total", "unclosed");
    refused("tally", "{n} of total}", "stray");
    refused("tally", "{N} of {total}", "bad placeholder {N}");
    refused("tally", "{} tagged", "bad placeholder {}");
    refused("Tally-Line", "Tally", "must be lower_snake_case");
}

#[test]
fn every_placeholder_becomes_a_typed_argument() {
    // What makes an unfilled placeholder impossible: each one is an argument the caller must
    // give (numbers for the names in NUMBERS, text otherwise, alphabetical), and no brace is
    // left in the text the function writes.
    let code = ui_wording("progress", "Point {n} of {total}, {name}: {n}").unwrap();
    assert!(code.contains("pub fn progress(n: impl Number, name: &str, total: impl Number) -> String"), "{code}");
    let body = code.split_once("-> String {").and_then(|(_, rest)| rest.split_once("\n}\n")).unwrap().0;
    assert!(!body.contains('{'), "{body}");
    assert_eq!(body.matches("n.push_to(&mut s)").count(), 2);
    assert!(body.contains("s.push_str(name)") && body.contains("total.push_to(&mut s)"));
    // A text without placeholders is a plain function.
    assert!(ui_wording("copy_link", "Copy link").unwrap().contains("pub fn copy_link() -> &'static str"));
}

#[test]
fn content_without_its_checked_dates_is_refused() {
    for missing in ["latest_event", "content_checked"] {
        let json = with(|j| {
            j["checked"].as_object_mut().unwrap().remove(missing);
        });
        let error = parse(&json.to_string()).err().unwrap_or_else(|| panic!("accepted without checked.{missing}"));
        assert!(error.contains(&format!("missing field `{missing}`")), "{error}");
    }
    let none = with(|j| {
        j.as_object_mut().unwrap().remove("checked");
    });
    assert!(parse(&none.to_string()).err().is_some_and(|e| e.contains("missing field `checked`")));
    refused(with(|j| j["checked"]["latest_event"] = json!("March 2026")), "is not one day");
    refused(with(|j| j["checked"]["content_checked"] = json!("2026-12-07")), "is not one day");
    refused(
        with(|j| j["checked"]["latest_event"] = json!("8 December 2026")),
        "latest_event comes after checked.content_checked",
    );
}

#[test]
fn a_date_after_the_latest_checked_event_is_refused() {
    // A source, a quote or a card dated after "checked up to" would make the page seem more
    // current than its checking.
    let later = |j: &mut Value| {
        let day = j["checked"]["latest_event"].as_str().unwrap().to_owned();
        let (d, rest) = day.split_once(' ').unwrap();
        format!("{} {rest}", d.parse::<u32>().unwrap() + 1)
    };
    refused(
        with(|j| {
            let day = later(j);
            j["sources"][0]["date"] = json!(day);
        }),
        "after checked.latest_event",
    );
    refused(
        with(|j| {
            let day = later(j);
            j["story"][0]["quotes"][0]["reported"]["date"] = json!(day);
        }),
        "after checked.latest_event",
    );
}

#[test]
fn a_timeline_entry_without_its_outlet_date_or_address_is_refused() {
    let event = |j: &mut Value| j["later"]["events"][0].clone();
    refused(with(|j| j["later"]["events"][0]["reports"] = json!([])), "needs a text and a report");
    refused(
        with(|j| j["later"]["events"][0]["reports"][0]["outlet"] = json!("Sweden Herald")),
        "is not in the allowed list",
    );
    refused(
        with(|j| j["later"]["events"][0]["reports"][0]["url"] = json!("https://tass.com/world/2091267")),
        "never cites",
    );
    refused(with(|j| j["later"]["events"][0]["reports"][0]["date"] = json!("undated")), "is not one day");
    refused(with(|j| j["later"]["events"][0]["reports"][0]["date"] = json!("22 December 2025")), "before it happened");
    refused(
        with(|j| j["later"]["events"][0]["reports"][0]["url"] = json!("https://www.tag24.com/elsewhere")),
        "not in the sources list with that date and address",
    );
    // The text names no outlet, and no quote's source line does.
    refused(
        with(|j| {
            let mut e = event(j);
            e["text"] = json!("Talks took place.");
            e["quotes"] = json!([]);
            j["later"]["events"][0] = e;
        }),
        "neither the text nor a quote's source line names",
    );
    refused(
        with(|j| {
            let events = j["later"]["events"].as_array_mut().unwrap();
            events.swap(0, 1);
        }),
        "out of date order",
    );
}

#[test]
fn a_later_quote_not_dated_by_the_day_it_was_said_is_refused() {
    refused(
        with(|j| j["later"]["events"][0]["quotes"][0]["date"] = json!("22 December 2025")),
        "outside the event's days",
    );
    // Ryabkov's words, carried by a report the entry does not cite.
    refused(
        with(|j| j["later"]["events"][2]["quotes"][0]["reported"]["date"] = json!("27 December 2025")),
        "is not among the event's reports",
    );
}

#[test]
fn the_timeline_must_reach_the_checked_date_and_no_further() {
    refused(
        with(|j| {
            let last = j["later"]["events"].as_array().unwrap().len() - 1;
            let event = &mut j["later"]["events"][last];
            event["date"] = json!("6 March 2026");
            event["quotes"] = json!([]);
            event["reports"][0]["date"] = json!("6 March 2026");
            let mut source = j["sources"].as_array().unwrap().last().unwrap().clone();
            source["date"] = json!("6 March 2026");
            j["sources"].as_array_mut().unwrap().push(source);
        }),
        "after checked.latest_event",
    );
    refused(with(|j| j["checked"]["latest_event"] = json!("6 March 2026")), "no report in the timeline is dated");
}

#[test]
fn a_framework_item_numbered_without_an_outlet_or_mixing_outlets_is_refused() {
    let item_of = |j: &Value, outlet: &str| {
        j["later"]["framework"]["items"].as_array().unwrap().iter().position(|i| i["rendering"]["outlet"] == outlet)
    };
    refused(with(|j| j["later"]["framework"]["items"][0]["number"] = json!(21)), "is not in 1..=20");
    refused(with(|j| j["later"]["framework"]["items"][1]["number"] = json!(1)), "out of order");
    refused(
        with(|j| {
            let i = item_of(j, "RBC-Ukraine").unwrap();
            j["later"]["framework"]["items"][i]["no_consensus"] = json!("AFP quoted Zelensky: “…”.");
        }),
        "its no-consensus sentence must be RBC-Ukraine's",
    );
    refused(
        with(|j| j["later"]["framework"]["items"][0]["passages"][0] = json!("Суверенітет України буде підтверджено.")),
        "reads like a translation",
    );
    refused(with(|j| j["later"]["framework"]["items"][0]["rendering"]["date"] = json!("recently")), "is not one day");
}

#[test]
fn a_cards_later_line_without_its_outlet_is_refused() {
    // Card 7's line, in AFP's name: it must name AFP, cite an allowed outlet, and be in the sources list.
    refused(
        with(|j| j["points"][6]["later"]["text"] = json!("The framework dropped the NATO clause.")),
        "must name its outlet (AFP)",
    );
    refused(with(|j| j["points"][6]["later"]["report"]["outlet"] = json!("Sweden Herald")), "allowed list");
    refused(
        with(|j| j["points"][6]["later"]["report"]["date"] = json!("25 December 2025")),
        "not in the sources list with that date and address",
    );
}
