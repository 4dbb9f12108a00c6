//! The `ui` section of `content/plan.json`: the page's interface wording
//! (labels, notices, sentence templates). Each key becomes a function of
//! `plan_core::ui`: a plain text returns `&'static str`; a template with
//! `{placeholders}` takes one typed argument per placeholder, in alphabetical
//! order of their names (a number for the names in `NUMBERS`, text for the
//! others), and returns the filled sentence. So a missing key, or a wrong or missing placeholder, fails to
//! compile; and a text no code uses is not in the binary that does not use it.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Deserialize)]
#[serde(untagged)]
pub enum UiValue {
    Text(String),
    /// Pairs such as (keys, what they do) for the keyboard help.
    Pairs(Vec<(String, String)>),
}

/// Placeholders that stand for a count or a number (the others stand for text).
const NUMBERS: &[&str] = &[
    "n",
    "count",
    "total",
    "tagged",
    "line",
    "first",
    "lines",
    "max",
    "chars",
    "min",
    "min_tags",
    "min_tagged",
    "min_camp",
    "min_students",
    "min_camp_tagged",
    "matches",
    "both",
    "same",
    "different",
    "top",
    "percent",
    "share",
    "camp_share",
    "rest_share",
    "russia",
    "ukraine",
    "neutral",
];

/// A template's parts: literal text and placeholder names, in order.
enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// Splits a template; placeholders must be `{lower_snake}` and any other brace is a typo.
fn pieces<'a>(key: &str, text: &'a str) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or_else(|| panic!("content: ui.{key} has an unclosed '{{'"));
        let name = &after[..close];
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "content: ui.{key} has a bad placeholder {{{name}}}"
        );
        out.push(Piece::Slot(name));
        rest = &after[close + 1..];
    }
    assert!(!rest.contains('}'), "content: ui.{key} has a stray '}}'");
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

fn template_fn(key: &str, text: &str, pieces: &[Piece]) -> String {
    // In alphabetical order, not the wording's: rewording a sentence (or
    // translating it) must never swap the meaning of its callers' arguments.
    let mut params: Vec<&str> = Vec::new();
    for p in pieces {
        if let Piece::Slot(name) = p {
            if !params.contains(name) {
                params.push(name);
            }
        }
    }
    params.sort_unstable();
    let args: Vec<String> = params
        .iter()
        .map(|p| if NUMBERS.contains(p) { format!("{p}: impl Number") } else { format!("{p}: &str") })
        .collect();
    let mut body = format!("    let mut s = String::with_capacity({});\n", text.len() + 16);
    for p in pieces {
        match p {
            Piece::Text(t) if t.chars().count() == 1 => {
                writeln!(body, "    s.push({:?});", t.chars().next().unwrap()).unwrap()
            }
            Piece::Text(t) => writeln!(body, "    s.push_str({t:?});").unwrap(),
            Piece::Slot(name) if NUMBERS.contains(name) => writeln!(body, "    {name}.push_to(&mut s);").unwrap(),
            Piece::Slot(name) => writeln!(body, "    s.push_str({name});").unwrap(),
        }
    }
    format!("/// {text:?}\npub fn {key}({}) -> String {{\n{body}    s\n}}\n", args.join(", "))
}

pub fn generate(ui: &BTreeMap<String, UiValue>) -> String {
    let mut out = String::from(
        "// The page's interface wording, generated from `content/plan.json` (`ui`) by `build_ui.rs`.\n\n",
    );
    let mut texts = String::new();
    for (key, value) in ui {
        assert!(
            key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "content: ui key {key:?} must be lower_snake_case"
        );
        match value {
            UiValue::Text(text) => {
                assert!(!text.trim().is_empty(), "content: ui.{key} is empty");
                let pieces = pieces(key, text);
                if pieces.iter().any(|p| matches!(p, Piece::Slot(_))) {
                    out.push_str(&template_fn(key, text, &pieces));
                } else {
                    writeln!(out, "#[inline]\npub fn {key}() -> &'static str {{\n    {text:?}\n}}").unwrap();
                }
                writeln!(texts, "    ({key:?}, {text:?}),").unwrap();
            }
            UiValue::Pairs(pairs) => {
                let items: Vec<String> = pairs.iter().map(|(a, b)| format!("({a:?}, {b:?})")).collect();
                writeln!(
                    out,
                    "pub fn {key}() -> &'static [(&'static str, &'static str)] {{\n    &[{}]\n}}",
                    items.join(", ")
                )
                .unwrap();
            }
        }
    }
    writeln!(
        out,
        "\n/// Every text key and its wording, as written (templates unfilled), for the tests that read all of the page's words.\n\
         #[cfg(test)]\npub static UI_TEXTS: &[(&str, &str)] = &[\n{texts}];"
    )
    .unwrap();
    out
}
