//! Turns `content/plan.json` into Rust statics at compile time, so the page
//! ships its text as plain data and the wasm carries no JSON parser.
//! The JSON is checked here too: a broken content file fails the build, and so
//! does a full-draft layer that breaks the sourcing rules (`src/draft_rules.rs`).

#[path = "build_ui.rs"]
mod build_ui;

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

include!("src/draft_rules.rs");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Content {
    title: String,
    kicker: String,
    dek: String,
    time_frame: String,
    neutral_definition: String,
    parties: Vec<PartyEntry>,
    marker_labels: MarkerLabels,
    story: Vec<Step>,
    points_intro: String,
    themes: Vec<Theme>,
    afp_source: String,
    points: Vec<Point>,
    classroom: Classroom,
    territory: Territory,
    sources: Vec<Source>,
    ui: BTreeMap<String, build_ui::UiValue>,
}

/// The map beside points 21-23: its wording (`territory` in plan.json).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Territory {
    heading: String,
    intro: String,
    points: Vec<usize>,
    card_point: usize,
    terms: Vec<Term>,
    elsewhere: String,
    caption: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    id: String,
    places: String,
    text: String,
    regions: Vec<TermRegion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermRegion {
    id: String,
    name: String,
    #[serde(default = "yes")]
    label: bool,
}

fn yes() -> bool {
    true
}

/// The map's boundaries: `content/territory.json`, written by `scripts/territory.py`.
#[derive(Deserialize)]
struct Geo {
    source: GeoSource,
    view_box: [u32; 4],
    regions: Vec<GeoRegion>,
}

#[derive(Deserialize)]
struct GeoSource {
    dataset_version: String,
    package: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GeoRegion {
    id: String,
    name: String,
    label: [i32; 2],
    path: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartyEntry {
    id: String,
    label: String,
    mark: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkerLabels {
    shorter: String,
    reworded: String,
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
    /// Where or how it was said ("on X", "at the UN Security Council"), if the report says.
    said: Option<String>,
    /// The day the words were said (not the day of the report).
    date: String,
    reported: Reported,
}

/// The report the quote was read in: its outlet, the day it was published, and the
/// site that carried it where that is not the outlet's own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reported {
    outlet: String,
    date: String,
    via: Option<String>,
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
    number: usize,
    theme: String,
    text: String,
    #[serde(default)]
    not_in_afp: bool,
    source: Option<String>,
    marker: Option<String>,
    leaves_out: Option<String>,
    draft: Draft,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Draft {
    parts: Vec<Part>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Part {
    kind: String,
    text: String,
    outlet: Option<String>,
    date: Option<String>,
    url: Option<String>,
    via: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Classroom {
    heading: String,
    intro: String,
    /// What Neutral means, in words for students.
    neutral: String,
    steps: Vec<LessonStep>,
    prompts: Vec<String>,
    debrief: String,
    cautions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonStep {
    title: String,
    /// Class time; 0 for a step done outside the timed phases (setting up, gathering links).
    minutes: u32,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    outlet: String,
    detail: String,
    date: String,
    url: String,
}

/// The parties the app knows, in `Party`'s order: (JSON id, Rust variant).
const PARTIES: [(&str, &str); 5] = [
    ("us", "Party::UnitedStates"),
    ("russia", "Party::Russia"),
    ("ukraine", "Party::Ukraine"),
    ("europe", "Party::Europe"),
    ("both", "Party::Debate"),
];

fn strs(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", inner.join(", "))
}

fn party(id: &str) -> &'static str {
    PARTIES
        .iter()
        .find(|(json, _)| *json == id)
        .map(|(_, rust)| *rust)
        .unwrap_or_else(|| panic!("content: unknown party {id:?}"))
}

/// Every check that is not a matter of the JSON's shape. Panics with a clear message.
fn check(c: &Content) {
    for (i, p) in c.points.iter().enumerate() {
        assert_eq!(
            p.number,
            i + 1,
            "content: points must be numbered 1..=N in order; found {} at position {}",
            p.number,
            i + 1
        );
    }
    let ids: Vec<&str> = c.parties.iter().map(|p| p.id.as_str()).collect();
    let known: Vec<&str> = PARTIES.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, known, "content: parties must be listed once each, in this order");
    for p in &c.parties {
        assert!(
            !p.label.trim().is_empty() && !p.mark.trim().is_empty(),
            "content: party {:?} needs a label and a mark",
            p.id
        );
        assert!(p.mark.chars().count() == 2, "content: party {:?} mark {:?} must be two characters", p.id, p.mark);
        let label = p.label.to_lowercase();
        assert!(
            !(p.id == "europe"
                && (label == "europe" || label.split(|c: char| !c.is_alphanumeric()).any(|w| w == "eu"))),
            "content: the France/Germany/UK party must not be labelled as Europe or the EU"
        );
    }
    for p in &c.points {
        let n = p.number;
        assert!(!p.draft.parts.is_empty(), "content: point {n} has no full-draft layer (draft.parts is empty)");
        for part in &p.draft.parts {
            if let Err(why) = check_part(
                &part.kind,
                &part.text,
                part.outlet.as_deref(),
                part.date.as_deref(),
                part.url.as_deref(),
                part.via.as_deref(),
            ) {
                panic!("content: point {n}, full-draft layer: {why}");
            }
        }
        match (p.marker.as_deref(), &p.leaves_out) {
            (None, _) | (Some("shorter" | "reworded"), Some(_)) => {}
            (Some("shorter" | "reworded"), None) => {
                panic!("content: point {n} has a marker but no leaves_out sentence")
            }
            (Some(other), _) => {
                panic!("content: point {n} has unknown marker {other:?} (null, \"shorter\" or \"reworded\")")
            }
        }
        if p.marker.is_some() {
            assert!(
                p.draft.parts.iter().any(|part| part.kind != "unverified"),
                "content: point {n} has a marker, so an allowed outlet must support it (a quote or summary part)"
            );
        }
    }
    for s in &c.story {
        for q in &s.quotes {
            check_quote(q).unwrap_or_else(|why| panic!("content: step {:?}, quote by {}: {why}", s.id, q.speaker));
        }
    }
    check_classroom(&c.classroom);
    for s in &c.sources {
        assert!(s.url.starts_with("https://"), "content: source {:?} needs an https url", s.outlet);
        assert!(
            !names_banned_source(&s.url) && !names_banned_source(&s.outlet),
            "content: source {:?} is a banned site",
            s.outlet
        );
    }
}

/// One date convention for every quote: `date` is the day the words were said, and the
/// report that carried them (outlet, its own date, the site it was read on) is `reported`.
fn check_quote(q: &Quote) -> Result<(), String> {
    if q.speaker.trim().is_empty() || q.role.trim().is_empty() || q.reported.outlet.trim().is_empty() {
        return Err("a quote needs a speaker, a role and the outlet that reported it".into());
    }
    if names_banned_source(&q.reported.outlet) || q.reported.via.as_deref().is_some_and(names_banned_source) {
        return Err("the report is from a banned site".into());
    }
    quote_dates_in_order(&q.date, &q.reported.date)
}

/// The lesson plan: no empty text, and minutes for exactly three timed phases
/// (read the story, tag, discuss); other steps take no class time of their own.
fn check_classroom(c: &Classroom) {
    let filled = |what: &str, text: &str| assert!(!text.trim().is_empty(), "content: classroom.{what} is empty");
    filled("heading", &c.heading);
    filled("intro", &c.intro);
    filled("neutral", &c.neutral);
    filled("debrief", &c.debrief);
    for (what, list) in [("steps", c.steps.len()), ("prompts", c.prompts.len()), ("cautions", c.cautions.len())] {
        assert!(list > 0, "content: classroom.{what} is empty");
    }
    for (i, step) in c.steps.iter().enumerate() {
        filled(&format!("steps[{i}].title"), &step.title);
        filled(&format!("steps[{i}].text"), &step.text);
    }
    for (i, prompt) in c.prompts.iter().enumerate() {
        filled(&format!("prompts[{i}]"), prompt);
    }
    for (i, caution) in c.cautions.iter().enumerate() {
        filled(&format!("cautions[{i}]"), caution);
    }
    let timed = c.steps.iter().filter(|s| s.minutes > 0).count();
    assert_eq!(
        timed, 3,
        "content: classroom.steps needs minutes for the three timed phases (read the story, tag, discuss); \
         {timed} steps have minutes"
    );
}

/// The map's wording against its boundaries: every region a term names has a
/// path, term ids are plain (they name CSS classes and pattern ids), the
/// points exist, and the page's source line names the data's version.
fn check_territory(t: &Territory, geo: &Geo, point_count: usize) {
    let filled = |what: &str, text: &str| assert!(!text.trim().is_empty(), "content: territory.{what} is empty");
    for (what, text) in [
        ("heading", &t.heading),
        ("intro", &t.intro),
        ("elsewhere", &t.elsewhere),
        ("caption", &t.caption),
        ("source", &t.source),
    ] {
        filled(what, text);
    }
    assert!(
        !t.points.is_empty() && t.points.iter().all(|&n| (1..=point_count).contains(&n)),
        "content: territory.points must name points 1..={point_count}"
    );
    assert!(t.points.contains(&t.card_point), "content: territory.card_point must be one of territory.points");
    assert!(!t.terms.is_empty(), "content: territory.terms is empty");
    let mut seen = Vec::new();
    for term in &t.terms {
        assert!(
            !term.id.is_empty() && term.id.bytes().all(|b| b.is_ascii_lowercase()),
            "content: territory term id {:?} must be lowercase letters",
            term.id
        );
        filled(&format!("terms.{}.places", term.id), &term.places);
        filled(&format!("terms.{}.text", term.id), &term.text);
        assert!(!term.regions.is_empty(), "content: territory term {:?} names no region", term.id);
        for r in &term.regions {
            assert!(
                geo.regions.iter().any(|g| g.id == r.id),
                "content: territory term {:?} names {} ({}), which content/territory.json does not draw",
                term.id,
                r.id,
                r.name
            );
            assert!(!seen.contains(&&r.id), "content: territory region {} is in two terms", r.id);
            seen.push(&r.id);
            filled(&format!("terms.{}.regions.{}.name", term.id, r.id), &r.name);
        }
    }
    let version = geo.source.dataset_version.split_whitespace().next().unwrap_or_default();
    let package = geo.source.package.split_whitespace().next().unwrap_or_default().replace('@', " ");
    assert!(
        t.source.contains(&format!("version {version}")) && t.source.contains(&package),
        "content: territory.source must name the data's version ({version}) and package ({package}), \
         as content/territory.json does"
    );
    assert_eq!(geo.view_box[..2], [0, 0], "content/territory.json: the view box starts at 0 0");
    for g in &geo.regions {
        assert!(
            g.path.starts_with('M') && g.path.ends_with('z'),
            "content/territory.json: {} ({}) has no closed path",
            g.id,
            g.name
        );
    }
}

/// With the `prerendered` feature (the browser build), text that only the
/// prerendered HTML shows is left out of the binary: the story, the full-draft
/// layer, the sources. Hydration keeps the server's text nodes and never
/// renders these again, so the wasm need not carry them. Text the browser
/// renders itself (the class view, labels, the lesson plan, point texts for
/// the CSV export) stays.
fn prerendered_only(text: &str) -> &str {
    if env::var_os("CARGO_FEATURE_PRERENDERED").is_some() {
        ""
    } else {
        text
    }
}

fn prerendered_opt(text: &Option<String>) -> String {
    match text {
        Some(t) => format!("Some({:?})", prerendered_only(t)),
        None => "None".to_owned(),
    }
}

fn generate(c: &Content) -> String {
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "/// Number of points in `content/plan.json`; the whole app is sized by this.").unwrap();
    writeln!(w, "pub const POINT_COUNT: usize = {};", c.points.len()).unwrap();
    writeln!(w, "pub static PARTIES: [PartyInfo; {}] = [", PARTIES.len()).unwrap();
    for p in &c.parties {
        writeln!(
            w,
            "    PartyInfo {{ party: {}, id: {:?}, label: {:?}, mark: {:?} }},",
            party(&p.id),
            p.id,
            p.label,
            p.mark
        )
        .unwrap();
    }
    writeln!(w, "];").unwrap();
    writeln!(
        w,
        "pub static MARKER_LABELS: [&str; 2] = [{:?}, {:?}];",
        c.marker_labels.shorter, c.marker_labels.reworded
    )
    .unwrap();
    writeln!(w, "pub static POINTS: [PlanPoint; POINT_COUNT] = [").unwrap();
    for p in &c.points {
        let theme = c
            .themes
            .iter()
            .position(|t| t.id == p.theme)
            .unwrap_or_else(|| panic!("content: point {} has unknown theme {:?}", p.number, p.theme));
        let source = p.source.as_deref().unwrap_or(&c.afp_source);
        let marker = match p.marker.as_deref() {
            Some("shorter") => "Some(Marker::Shorter)",
            Some("reworded") => "Some(Marker::Reworded)",
            _ => "None",
        };
        let parts: Vec<String> = p
            .draft
            .parts
            .iter()
            .map(|part| {
                let kind = match part.kind.as_str() {
                    "quote" => "PartKind::Quote",
                    "summary" => "PartKind::Summary",
                    _ => "PartKind::Unverified",
                };
                format!(
                    "DraftPart {{ kind: {kind}, text: {:?}, outlet: {}, date: {}, url: {}, via: {} }}",
                    prerendered_only(&part.text),
                    prerendered_opt(&part.outlet),
                    prerendered_opt(&part.date),
                    prerendered_opt(&part.url),
                    prerendered_opt(&part.via)
                )
            })
            .collect();
        writeln!(
            w,
            "    PlanPoint {{ number: {}, theme: {theme}, text: {:?}, in_afp_list: {}, source: {:?}, marker: {marker}, leaves_out: {}, draft: Draft {{ parts: &[{}] }} }},",
            p.number,
            p.text,
            !p.not_in_afp,
            prerendered_only(source),
            prerendered_opt(&p.leaves_out),
            parts.join(", ")
        )
        .unwrap();
    }
    writeln!(w, "];").unwrap();
    writeln!(w, "pub static CONTENT: Content = Content {{").unwrap();
    writeln!(w, "    title: {:?}, kicker: {:?}, dek: {:?},", c.title, c.kicker, prerendered_only(&c.dek)).unwrap();
    writeln!(
        w,
        "    time_frame: {:?}, neutral_definition: {:?},",
        prerendered_only(&c.time_frame),
        prerendered_only(&c.neutral_definition)
    )
    .unwrap();
    writeln!(w, "    parties: &PARTIES,").unwrap();
    writeln!(w, "    story: &[").unwrap();
    for s in &c.story {
        let quotes: Vec<String> = s
            .quotes
            .iter()
            .map(|q| {
                format!(
                    "Quote {{ text: {:?}, speaker: {:?}, role: {:?}, said: {}, date: {:?}, reported: Reported {{ outlet: {:?}, date: {:?}, via: {} }} }}",
                    prerendered_only(&q.text),
                    prerendered_only(&q.speaker),
                    prerendered_only(&q.role),
                    prerendered_opt(&q.said),
                    prerendered_only(&q.date),
                    prerendered_only(&q.reported.outlet),
                    prerendered_only(&q.reported.date),
                    prerendered_opt(&q.reported.via)
                )
            })
            .collect();
        writeln!(
            w,
            "        Step {{ id: {:?}, heading: {:?}, party: {}, party_label: {:?}, paragraphs: {}, quotes: &[{}] }},",
            s.id,
            prerendered_only(&s.heading),
            party(&s.party),
            s.party_label,
            strs(&s.paragraphs.iter().map(|p| prerendered_only(p).to_owned()).collect::<Vec<_>>()),
            quotes.join(", ")
        )
        .unwrap();
    }
    writeln!(w, "    ],\n    points_intro: {:?},", prerendered_only(&c.points_intro)).unwrap();
    writeln!(w, "    themes: &[").unwrap();
    for t in &c.themes {
        writeln!(w, "        Theme {{ id: {:?}, label: {:?} }},", t.id, t.label).unwrap();
    }
    writeln!(w, "    ],\n    points: &POINTS,").unwrap();
    let room = &c.classroom;
    let steps: Vec<String> = room
        .steps
        .iter()
        .map(|s| format!("LessonStep {{ title: {:?}, minutes: {}, text: {:?} }}", s.title, s.minutes, s.text))
        .collect();
    writeln!(
        w,
        "    classroom: Classroom {{ heading: {:?}, intro: {:?}, neutral: {:?}, steps: &[{}], prompts: {}, debrief: {:?}, cautions: {} }},",
        room.heading,
        room.intro,
        room.neutral,
        steps.join(", "),
        strs(&room.prompts),
        room.debrief,
        strs(&room.cautions)
    )
    .unwrap();
    writeln!(w, "    sources: &[").unwrap();
    for s in &c.sources {
        writeln!(
            w,
            "        Source {{ outlet: {:?}, detail: {:?}, date: {:?}, url: {:?} }},",
            prerendered_only(&s.outlet),
            prerendered_only(&s.detail),
            prerendered_only(&s.date),
            prerendered_only(&s.url)
        )
        .unwrap();
    }
    writeln!(w, "    ],\n}};").unwrap();
    out
}

/// The map: wording, which region each term covers, and the boundaries. The
/// browser build keeps the structure (hydration walks the same elements) and
/// leaves out the text. Not the path data: Leptos sets an SVG element's
/// attributes again when it hydrates (they are "custom" attributes to it, with
/// no static key on stable Rust), so a blank `d` would erase the drawing.
fn generate_territory(t: &Territory, geo: &Geo) -> String {
    let mut out = String::new();
    let w = &mut out;
    let terms: Vec<String> = t
        .terms
        .iter()
        .map(|term| {
            let regions: Vec<String> = term
                .regions
                .iter()
                .map(|r| {
                    format!(
                        "TermRegion {{ id: {:?}, name: {:?}, label: {} }}",
                        r.id,
                        prerendered_only(&r.name),
                        r.label
                    )
                })
                .collect();
            format!(
                "Term {{ id: {:?}, places: {:?}, text: {:?}, regions: &[{}] }}",
                term.id,
                prerendered_only(&term.places),
                prerendered_only(&term.text),
                regions.join(", ")
            )
        })
        .collect();
    let regions: Vec<String> = geo
        .regions
        .iter()
        .map(|g| {
            format!("MapRegion {{ id: {:?}, label_at: ({}, {}), path: {:?} }}", g.id, g.label[0], g.label[1], g.path)
        })
        .collect();
    let points: Vec<String> = t.points.iter().map(|n| n.to_string()).collect();
    writeln!(
        w,
        "pub static TERRITORY: Territory = Territory {{ heading: {:?}, intro: {:?}, points: &[{}], card_point: {}, \
         terms: &[{}], elsewhere: {:?}, caption: {:?}, source: {:?}, view_box: ({}, {}), regions: &[{}] }};",
        prerendered_only(&t.heading),
        prerendered_only(&t.intro),
        points.join(", "),
        t.card_point,
        terms.join(", "),
        prerendered_only(&t.elsewhere),
        prerendered_only(&t.caption),
        prerendered_only(&t.source),
        geo.view_box[2],
        geo.view_box[3],
        regions.join(", ")
    )
    .unwrap();
    out
}

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).to_path_buf();
    let path = dir.join("../content/plan.json");
    println!("cargo:rerun-if-changed={}", path.display());
    println!("cargo:rerun-if-changed={}", dir.join("src/draft_rules.rs").display());
    println!("cargo:rerun-if-changed={}", dir.join("build_ui.rs").display());
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_PRERENDERED");
    // The sources the content is checked against live beside the repository,
    // not in it: tests that read them run only where they are.
    let shared = dir.join("../../shared/source");
    println!("cargo::rustc-check-cfg=cfg(shared_sources)");
    println!("cargo:rerun-if-changed={}", shared.display());
    if shared.join("article.txt").is_file() && shared.join("full-draft.md").is_file() {
        println!("cargo:rustc-cfg=shared_sources");
    }
    let json = fs::read_to_string(&path).expect("read content/plan.json");
    let content: Content = serde_json::from_str(&json).expect("content/plan.json does not match the schema");
    check(&content);
    let geo_path = dir.join("../content/territory.json");
    println!("cargo:rerun-if-changed={}", geo_path.display());
    let geo: Geo = serde_json::from_str(&fs::read_to_string(&geo_path).expect("read content/territory.json"))
        .expect("content/territory.json does not match the schema (run scripts/territory.py)");
    check_territory(&content.territory, &geo, content.points.len());
    let territory_out = Path::new(&env::var("OUT_DIR").unwrap()).join("territory.rs");
    fs::write(territory_out, generate_territory(&content.territory, &geo)).expect("write generated territory");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("content.rs");
    fs::write(out, generate(&content)).expect("write generated content");
    let ui_out = Path::new(&env::var("OUT_DIR").unwrap()).join("ui.rs");
    fs::write(ui_out, build_ui::generate(&content.ui)).expect("write generated ui wording");
}
