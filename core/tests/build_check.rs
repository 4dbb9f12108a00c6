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
