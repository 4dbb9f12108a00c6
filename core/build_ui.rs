//! The `ui` section of `content/plan.json`: the page's interface wording
//! (labels, notices, sentence templates). Generates a `Ui` struct with one
//! field per key, so Rust code that names a missing key fails to compile, and
//! checks each template's `{placeholders}` here, at build time.

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

/// Placeholders must be `{lower_snake}`; any other brace is a typo.
fn check_template(key: &str, text: &str) {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or_else(|| panic!("content: ui.{key} has an unclosed '{{'"));
        let name = &after[..close];
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "content: ui.{key} has a bad placeholder {{{name}}}"
        );
        rest = &after[close + 1..];
    }
    assert!(!rest.contains('}'), "content: ui.{key} has a stray '}}'");
}

pub fn generate(ui: &BTreeMap<String, UiValue>) -> String {
    let mut fields = String::new();
    let mut values = String::new();
    let mut texts = String::new();
    for (key, value) in ui {
        assert!(
            key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "content: ui key {key:?} must be lower_snake_case"
        );
        match value {
            UiValue::Text(text) => {
                assert!(!text.trim().is_empty(), "content: ui.{key} is empty");
                check_template(key, text);
                writeln!(fields, "    pub {key}: &'static str,").unwrap();
                writeln!(values, "    {key}: {text:?},").unwrap();
                writeln!(texts, "    ({key:?}, {text:?}),").unwrap();
            }
            UiValue::Pairs(pairs) => {
                let items: Vec<String> = pairs.iter().map(|(a, b)| format!("({a:?}, {b:?})")).collect();
                writeln!(fields, "    pub {key}: &'static [(&'static str, &'static str)],").unwrap();
                writeln!(values, "    {key}: &[{}],", items.join(", ")).unwrap();
            }
        }
    }
    format!(
        "/// The page's interface wording, generated from `content/plan.json` (`ui`).\n\
         #[derive(Debug)]\npub struct Ui {{\n{fields}}}\n\npub static UI: Ui = Ui {{\n{values}}};\n\n\
         /// Every text key and its wording, for the tests that read all of the page's words.\n\
         #[cfg(test)]\npub static UI_TEXTS: &[(&str, &str)] = &[\n{texts}];\n"
    )
}
