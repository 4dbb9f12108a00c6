//! Turns `content/plan.json` into Rust statics at compile time, so the page
//! ships its text as plain data and the wasm carries no JSON parser.
//! The JSON is checked here too: a broken content file fails the build.

#[path = "build_ui.rs"]
mod build_ui;

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Content {
    title: String,
    kicker: String,
    dek: String,
    story: Vec<Step>,
    points_intro: String,
    themes: Vec<Theme>,
    afp_source: String,
    points: Vec<Point>,
    classroom: Classroom,
    sources: Vec<Source>,
    ui: BTreeMap<String, build_ui::UiValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    id: String,
    heading: String,
    party: String,
    party_label: String,
    paragraphs: Vec<String>,
    quotes: Vec<Quote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Quote {
    text: String,
    speaker: String,
    role: String,
    outlet: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Theme {
    id: String,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Point {
    number: u8,
    theme: String,
    text: String,
    #[serde(default)]
    not_in_afp: bool,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Classroom {
    heading: String,
    intro: String,
    steps: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    outlet: String,
    detail: String,
    date: String,
}

fn strs(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", inner.join(", "))
}

fn party(id: &str) -> &'static str {
    match id {
        "us" => "Party::UnitedStates",
        "russia" => "Party::Russia",
        "ukraine" => "Party::Ukraine",
        "europe" => "Party::Europe",
        "both" => "Party::Debate",
        other => panic!("content: unknown party {other:?}"),
    }
}

fn generate(c: &Content) -> String {
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "pub static CONTENT: Content = Content {{").unwrap();
    writeln!(w, "    title: {:?}, kicker: {:?}, dek: {:?},", c.title, c.kicker, c.dek).unwrap();
    writeln!(w, "    story: &[").unwrap();
    for s in &c.story {
        let quotes: Vec<String> = s
            .quotes
            .iter()
            .map(|q| {
                format!(
                    "Quote {{ text: {:?}, speaker: {:?}, role: {:?}, outlet: {:?} }}",
                    q.text, q.speaker, q.role, q.outlet
                )
            })
            .collect();
        writeln!(
            w,
            "        Step {{ id: {:?}, heading: {:?}, party: {}, party_label: {:?}, paragraphs: {}, quotes: &[{}] }},",
            s.id,
            s.heading,
            party(&s.party),
            s.party_label,
            strs(&s.paragraphs),
            quotes.join(", ")
        )
        .unwrap();
    }
    writeln!(w, "    ],\n    points_intro: {:?},", c.points_intro).unwrap();
    writeln!(w, "    themes: &[").unwrap();
    for t in &c.themes {
        writeln!(w, "        Theme {{ id: {:?}, label: {:?} }},", t.id, t.label).unwrap();
    }
    writeln!(w, "    ],\n    points: &[").unwrap();
    for p in &c.points {
        let theme = c
            .themes
            .iter()
            .position(|t| t.id == p.theme)
            .unwrap_or_else(|| panic!("content: point {} has unknown theme {:?}", p.number, p.theme));
        let source = p.source.as_deref().unwrap_or(&c.afp_source);
        writeln!(
            w,
            "        PlanPoint {{ number: {}, theme: {theme}, text: {:?}, in_afp_list: {}, source: {:?} }},",
            p.number, p.text, !p.not_in_afp, source
        )
        .unwrap();
    }
    writeln!(w, "    ],").unwrap();
    writeln!(
        w,
        "    classroom: Classroom {{ heading: {:?}, intro: {:?}, steps: {} }},",
        c.classroom.heading,
        c.classroom.intro,
        strs(&c.classroom.steps)
    )
    .unwrap();
    writeln!(w, "    sources: &[").unwrap();
    for s in &c.sources {
        writeln!(w, "        Source {{ outlet: {:?}, detail: {:?}, date: {:?} }},", s.outlet, s.detail, s.date)
            .unwrap();
    }
    writeln!(w, "    ],\n}};").unwrap();
    out
}

fn main() {
    let path = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("../content/plan.json");
    println!("cargo:rerun-if-changed={}", path.display());
    println!("cargo:rerun-if-changed=build_ui.rs");
    let json = fs::read_to_string(&path).expect("read content/plan.json");
    let content: Content = serde_json::from_str(&json).expect("content/plan.json does not match the schema");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("content.rs");
    fs::write(out, generate(&content)).expect("write generated content");
    let ui_out = Path::new(&env::var("OUT_DIR").unwrap()).join("ui.rs");
    fs::write(ui_out, build_ui::generate(&content.ui)).expect("write generated ui wording");
}
