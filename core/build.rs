//! Turns `content/plan.json` (and the map's `content/territory.json`) into
//! Rust statics at compile time, so the page ships its text as plain data and
//! the wasm carries no JSON parser. The schema is declared once, in
//! `src/schema.rs`: here its types deserialize the JSON (unknown fields are
//! errors) and bake themselves into Rust; `content.rs` reads the same
//! declarations as the page's data types. The JSON is checked here too: a
//! broken content file fails the build, and so does a full-draft layer that
//! breaks the sourcing rules (`src/draft_rules.rs`).
//!
//! Text only the prerendered page shows (`Prose`) is baked only with the
//! `prose` feature (the build that renders the page); without it the statics
//! hold `Absent` in its place, so the browser build carries none of it.

#[path = "build_ui.rs"]
pub mod build_ui;

use std::collections::BTreeMap;
use std::{env, fs, path::Path};

include!("src/draft_rules.rs");

/// The build flavour of the schema: owned types that deserialize and bake.
pub mod schema {
    use serde::Deserialize;
    use std::ops::Deref;

    pub type Text = String;
    pub type List<T> = Vec<T>;

    /// Text only the prerendered page shows.
    #[derive(Deserialize)]
    #[serde(transparent)]
    pub struct Prose<T>(pub T);

    impl<T> Deref for Prose<T> {
        type Target = T;
        fn deref(&self) -> &T {
            &self.0
        }
    }

    /// Writes a value as a Rust expression of the page's data types.
    pub trait Bake {
        fn bake(&self, out: &mut String);
    }

    /// Whether this build renders the page (and so keeps its prose).
    pub fn with_prose() -> bool {
        std::env::var_os("CARGO_FEATURE_PROSE").is_some()
    }

    impl<T: Bake> Bake for Prose<T> {
        fn bake(&self, out: &mut String) {
            if with_prose() {
                self.0.bake(out);
            } else {
                out.push_str("Absent::A");
            }
        }
    }

    /// Text only the class view shows (and the prerendered page).
    #[derive(Deserialize)]
    #[serde(transparent)]
    pub struct ClassText<T>(pub T);

    impl<T> Deref for ClassText<T> {
        type Target = T;
        fn deref(&self) -> &T {
            &self.0
        }
    }

    impl<T: Bake> Bake for ClassText<T> {
        fn bake(&self, out: &mut String) {
            if std::env::var_os("CARGO_FEATURE_CLASS_TEXT").is_some() {
                self.0.bake(out);
            } else {
                out.push_str("Absent::A");
            }
        }
    }

    impl Bake for String {
        fn bake(&self, out: &mut String) {
            out.push_str(&format!("{self:?}"));
        }
    }

    macro_rules! bake_number {
        ($($t:ty),*) => { $(impl Bake for $t { fn bake(&self, out: &mut String) { out.push_str(&self.to_string()); } })* };
    }
    bake_number!(bool, u8, u32, i32);

    impl<T: Bake> Bake for Option<T> {
        fn bake(&self, out: &mut String) {
            match self {
                Some(value) => {
                    out.push_str("Some(");
                    value.bake(out);
                    out.push(')');
                }
                None => out.push_str("None"),
            }
        }
    }

    impl<T: Bake> Bake for Vec<T> {
        fn bake(&self, out: &mut String) {
            out.push_str("&[");
            for item in self {
                item.bake(out);
                out.push_str(", ");
            }
            out.push(']');
        }
    }

    fn yes() -> bool {
        true
    }

    macro_rules! content_schema {
        (
            structs { $(
                $(#[doc = $sdoc:literal])*
                pub struct $name:ident { $(
                    $(#[doc = $fdoc:literal])*
                    $(#[serde($($serde:tt)*)])*
                    pub $field:ident : $ty:ty,
                )* }
            )* }
            enums { $(
                $(#[doc = $edoc:literal])*
                pub enum $ename:ident { $(
                    $(#[doc = $vdoc:literal])*
                    $variant:ident = $json:literal,
                )* }
            )* }
        ) => {
            $(
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                pub struct $name { $( $(#[serde($($serde)*)])* pub $field: $ty, )* }

                impl Bake for $name {
                    fn bake(&self, out: &mut String) {
                        out.push_str(concat!(stringify!($name), " { "));
                        $(
                            out.push_str(concat!(stringify!($field), ": "));
                            self.$field.bake(out);
                            out.push_str(", ");
                        )*
                        out.push('}');
                    }
                }
            )*
            $(
                #[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
                pub enum $ename { $( #[serde(rename = $json)] $variant, )* }

                #[allow(dead_code)] // not every enum needs both
                impl $ename {
                    pub const ALL: &[$ename] = &[$($ename::$variant),*];

                    /// Its id in the JSON.
                    pub fn json(self) -> &'static str {
                        match self { $( $ename::$variant => $json, )* }
                    }
                }

                impl Bake for $ename {
                    fn bake(&self, out: &mut String) {
                        out.push_str(match self {
                            $( $ename::$variant => concat!(stringify!($ename), "::", stringify!($variant)), )*
                        });
                    }
                }
            )*
        };
    }

    include!("src/schema.rs");
}

use schema::*;

/// Bakes one static: `pub static NAME: Type = value;`.
fn bake_static(name: &str, ty: &str, value: &impl Bake) -> String {
    let mut out = format!("pub static {name}: {ty} = ");
    value.bake(&mut out);
    out.push_str(";\n");
    out
}

/// `content/plan.json` read: its `ui` wording apart, the rest as the schema's types.
pub fn parse(text: &str) -> Result<(BTreeMap<String, build_ui::UiValue>, Content), String> {
    let mut json: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("content/plan.json is not JSON: {e}"))?;
    let ui = serde_json::from_value(json["ui"].take())
        .map_err(|e| format!("content/plan.json: ui does not match the schema: {e}"))?;
    json.as_object_mut().ok_or("content/plan.json is not an object")?.remove("ui");
    let content =
        serde_json::from_value(json).map_err(|e| format!("content/plan.json does not match the schema: {e}"))?;
    Ok((ui, content))
}

/// Every check that is not a matter of the JSON's shape. Panics with a clear message.
/// (`tests/build_check.rs` feeds it bad content and reads the messages.)
pub fn check(c: &Content) {
    for (i, p) in c.points.iter().enumerate() {
        assert_eq!(
            usize::from(p.number),
            i + 1,
            "content: points must be numbered 1..=N in order; found {} at position {}",
            p.number,
            i + 1
        );
    }
    let ids: Vec<Party> = c.parties.iter().map(|p| p.id).collect();
    assert_eq!(ids, Party::ALL, "content: parties must be listed once each, in this order");
    for p in &c.parties {
        assert!(
            !p.label.trim().is_empty() && !p.mark.trim().is_empty(),
            "content: party {:?} needs a label and a mark",
            p.id.json()
        );
        assert!(
            p.mark.chars().count() == 2,
            "content: party {:?} mark {:?} must be two characters",
            p.id.json(),
            p.mark
        );
        let label = p.label.to_lowercase();
        assert!(
            !(p.id == Party::Europe
                && (label == "europe" || label.split(|c: char| !c.is_alphanumeric()).any(|w| w == "eu"))),
            "content: the France/Germany/UK party must not be labelled as Europe or the EU"
        );
    }
    for p in &c.points {
        let n = p.number;
        assert!(c.themes.iter().any(|t| t.id == p.theme), "content: point {n} has unknown theme {:?}", p.theme);
        assert!(!p.draft.parts.is_empty(), "content: point {n} has no layer of draft wording (draft.parts is empty)");
        let sourced = p.draft.parts.iter().any(|part| part.kind != PartKind::Unverified);
        let unverified = p.draft.parts.iter().any(|part| part.kind == PartKind::Unverified);
        for part in &p.draft.parts {
            let checked = check_part(
                part.kind.json(),
                &part.text,
                part.outlet.as_deref(),
                part.date.as_deref(),
                part.url.as_deref(),
                part.via.as_deref(),
            )
            .and_then(|()| match part.kind {
                PartKind::Unverified => check_unverified(&part.text, !sourced),
                _ => Ok(()),
            });
            if let Err(why) = checked {
                panic!("content: point {n}, draft wording: {why}");
            }
        }
        assert!(
            p.marker.is_none() || p.leaves_out.is_some(),
            "content: point {n} has a marker but no leaves_out sentence"
        );
        if let Err(why) = check_marker(p.marker.map(Marker::json), unverified, sourced) {
            panic!("content: point {n}, marker: {why}");
        }
        if let Some(change) = &*p.later {
            let at = format!("point {n}'s later line");
            check_citation(&change.report, true).unwrap_or_else(|why| panic!("content: {at}: {why}"));
            assert!(
                change.text.contains(change.report.outlet.as_str()),
                "content: {at} must name its outlet ({}) in its sentence",
                change.report.outlet
            );
            in_sources(c, &change.report, &at);
        }
    }
    for s in &c.story {
        for q in s.quotes.iter() {
            check_quote(q).unwrap_or_else(|why| panic!("content: step {:?}, quote by {}: {why}", s.id, q.speaker));
        }
    }
    check_classroom(&c.classroom);
    for s in c.sources.iter() {
        assert!(s.url.starts_with("https://"), "content: source {:?} needs an https url", s.outlet);
        assert!(
            !names_uncitable(&s.url) && !names_uncitable(&s.outlet),
            "content: source {:?} is a site the page never cites",
            s.outlet
        );
    }
    check_checked(&c.checked);
    check_later(c);
    check_nothing_after(c);
}

/// "Checked up to": the day of the latest event and the day of the last check, in that order.
fn check_checked(k: &Checked) {
    let event = day_of(&k.latest_event).unwrap_or_else(|| {
        panic!("content: checked.latest_event {:?} is not one day like \"5 March 2026\"", k.latest_event)
    });
    let checked = day_of(&k.content_checked).unwrap_or_else(|| {
        panic!("content: checked.content_checked {:?} is not one day like \"7 December 2026\"", k.content_checked)
    });
    assert!(event <= checked, "content: checked.latest_event comes after checked.content_checked");
}

/// Nothing on the page is dated after `checked.latest_event`, so nothing seems current
/// beyond what was checked. Dates that name no day ("late 2025") count by their year.
fn check_nothing_after(c: &Content) {
    let latest = day_of(&c.checked.latest_event).expect("checked by check_checked");
    let after = |date: &str| match days_of(date) {
        Some((_, last)) => last > latest,
        None => date.rsplit(' ').next().and_then(|y| y.parse::<u32>().ok()).is_some_and(|y| y > latest.0),
    };
    let mut dates: Vec<(String, &str)> = Vec::new();
    dates.extend(c.sources.iter().map(|s| (format!("source {:?}", s.outlet), s.date.as_str())));
    for s in &c.story {
        for q in s.quotes.iter() {
            dates.push((format!("the quote by {}", q.speaker), q.date.as_str()));
            dates.push((format!("the report of {}'s words", q.speaker), q.reported.date.as_str()));
        }
    }
    for p in &c.points {
        let parts = p.draft.parts.iter().filter_map(|part| part.date.as_deref());
        dates.extend(parts.map(|d| (format!("point {}", p.number), d)));
        dates.extend(p.later.iter().map(|ch| (format!("point {}'s later line", p.number), ch.report.date.as_str())));
    }
    for e in c.later.events.iter() {
        dates.push((format!("the event of {}", e.date), e.date.as_str()));
        dates.extend(e.reports.iter().map(|r| (format!("{}'s report", r.outlet), r.date.as_str())));
        dates.extend(e.quotes.iter().map(|q| (format!("the quote by {}", q.speaker), q.date.as_str())));
    }
    for (what, date) in dates {
        assert!(
            !after(date),
            "content: {what} is dated {date}, after checked.latest_event ({}): \
             the page must not seem current beyond what it checked",
            c.checked.latest_event
        );
    }
}

/// A report "What became of the plan" cites: an allowed outlet, a date written as the page
/// writes it (one day where `one_day`), an https address, and no site the page never cites.
fn check_citation(r: &Citation, one_day: bool) -> Result<(), String> {
    if !LATER_OUTLETS.contains(&r.outlet.as_str()) {
        return Err(format!("outlet {:?} is not in the allowed list {LATER_OUTLETS:?}", r.outlet));
    }
    if [Some(&r.outlet), Some(&r.url), r.via.as_ref()].into_iter().flatten().any(|t| names_uncitable(t)) {
        return Err(format!("{} ({}) names a site the page never cites", r.outlet, r.url));
    }
    if !r.url.starts_with("https://") {
        return Err(format!("url {:?} is not an https address", r.url));
    }
    if day_of(&r.date).is_none() && (one_day || r.date != "undated") {
        return Err(format!("{}'s date {:?} is not one day like \"24 December 2025\"", r.outlet, r.date));
    }
    Ok(())
}

/// A report the page cites is in the sources list with the same outlet, date and address.
fn in_sources(c: &Content, r: &Citation, what: &str) {
    assert!(
        c.sources.iter().any(|s| s.outlet == r.outlet && s.date == r.date && s.url == r.url),
        "content: {what} cites {} ({}, {}), which is not in the sources list with that date and address",
        r.outlet,
        r.date,
        r.url
    );
}

/// The timeline and the framework: dated, in order, every line naming who said or reported
/// it, every quote dated by the day it was said and carried by a report the entry cites.
fn check_later(c: &Content) {
    let l = &*c.later;
    for (what, text) in [("heading", &l.heading), ("intro", &l.intro), ("timeline_heading", &l.timeline_heading)] {
        assert!(!text.trim().is_empty(), "content: later.{what} is empty");
    }
    assert!(!l.events.is_empty(), "content: later.events is empty");
    let mut previous = None;
    for e in &l.events {
        let at = format!("the later event of {}", e.date);
        let (first, last) = days_of(&e.date)
            .unwrap_or_else(|| panic!("content: {at}: the date is not a day or days like \"4–5 February 2026\""));
        assert!(previous <= Some(first), "content: {at} is out of date order");
        previous = Some(first);
        assert!(!e.text.trim().is_empty() && !e.reports.is_empty(), "content: {at} needs a text and a report");
        for r in &e.reports {
            check_citation(r, true).unwrap_or_else(|why| panic!("content: {at}: {why}"));
            assert!(
                day_of(&r.date) >= Some(first),
                "content: {at}: {} reports it on {}, before it happened",
                r.outlet,
                r.date
            );
            let named = e.text.contains(r.outlet.as_str())
                || e.quotes.iter().any(|q| q.reported.outlet == r.outlet && q.reported.date == r.date);
            assert!(named, "content: {at}: neither the text nor a quote's source line names {}", r.outlet);
            in_sources(c, r, &at);
        }
        for q in &e.quotes {
            check_quote(q).unwrap_or_else(|why| panic!("content: {at}, quote by {}: {why}", q.speaker));
            let said = day_of(&q.date);
            assert!(
                said >= Some(first) && said <= Some(last),
                "content: {at}: {} said it on {}, outside the event's days",
                q.speaker,
                q.date
            );
            assert!(
                e.reports.iter().any(|r| r.outlet == q.reported.outlet && r.date == q.reported.date),
                "content: {at}: the report of {}'s words ({}, {}) is not among the event's reports",
                q.speaker,
                q.reported.outlet,
                q.reported.date
            );
        }
    }
    let latest = day_of(&c.checked.latest_event);
    assert!(
        l.events.iter().flat_map(|e| &e.reports).any(|r| day_of(&r.date) == latest),
        "content: no report in the timeline is dated checked.latest_event ({})",
        c.checked.latest_event
    );
    let f = &l.framework;
    for (what, text) in [("heading", &f.heading), ("intro", &f.intro), ("missing", &f.missing)] {
        assert!(!text.trim().is_empty(), "content: later.framework.{what} is empty");
    }
    assert!(!f.items.is_empty(), "content: later.framework.items is empty");
    let mut last_number = 0;
    for (i, item) in f.items.iter().enumerate() {
        let at = format!("later.framework.items[{i}]");
        if let Some(n) = item.number {
            assert!(
                (1..=20).contains(&n) && n > last_number,
                "content: {at}: point {n} is not in 1..=20 or out of order"
            );
            last_number = n;
        }
        assert!(
            !item.passages.is_empty() && item.passages.iter().all(|p| !p.trim().is_empty()),
            "content: {at} has no passage, or an empty one"
        );
        for p in item.passages.iter() {
            assert!(!looks_translated(p), "content: {at}: a passage reads like a translation: {p:?}");
        }
        check_citation(&item.rendering, false).unwrap_or_else(|why| panic!("content: {at}: {why}"));
        in_sources(c, &item.rendering, &at);
        if let Some(status) = &item.no_consensus {
            // One outlet an item: the status is in the words of the outlet whose rendering it is.
            assert!(
                status.contains(item.rendering.outlet.as_str()),
                "content: {at}: its no-consensus sentence must be {}'s, and name it",
                item.rendering.outlet
            );
        }
    }
}

/// One date convention for every quote: `date` is the day the words were said, and the
/// report that carried them (outlet, its own date, the site it was read on) is `reported`.
fn check_quote(q: &Quote) -> Result<(), String> {
    if q.speaker.trim().is_empty() || q.role.trim().is_empty() || q.reported.outlet.trim().is_empty() {
        return Err("a quote needs a speaker, a role and the outlet that reported it".into());
    }
    if names_uncitable(&q.reported.outlet) || q.reported.via.as_deref().is_some_and(names_uncitable) {
        return Err("the report is from a site the page never cites".into());
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
fn check_territory(t: &MapWords, geo: &Geo, point_count: usize) {
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
        !t.points.is_empty() && t.points.iter().all(|&n| (1..=point_count).contains(&usize::from(n))),
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
                geo.map.regions.iter().any(|g| g.id == r.id),
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
    assert!(
        geo.map.view_box.len() == 4 && geo.map.view_box[..2] == [0, 0],
        "content/territory.json: the view box starts at 0 0"
    );
    for g in &geo.map.regions {
        assert_eq!(g.label.len(), 2, "content/territory.json: {} has no label point", g.id);
        assert!(
            g.path.starts_with('M') && g.path.ends_with('z'),
            "content/territory.json: {} ({}) has no closed path",
            g.id,
            g.name
        );
    }
}

/// The map's boundaries: `content/territory.json`, written by `scripts/territory.py`
/// (its `source` is read for the checks; `view_box` and `regions` are shipped).
struct Geo {
    source: GeoSource,
    map: MapData,
}

#[derive(serde::Deserialize)]
struct GeoSource {
    dataset_version: String,
    package: String,
}

fn read_geo(text: &str) -> Geo {
    let mut value: serde_json::Value = serde_json::from_str(text).expect("content/territory.json is not JSON");
    let source = serde_json::from_value(value["source"].take()).expect("content/territory.json: source");
    let map = serde_json::json!({ "view_box": value["view_box"].take(), "regions": value["regions"].take() });
    let map = serde_json::from_value(map)
        .expect("content/territory.json does not match the schema (run scripts/territory.py)");
    Geo { source, map }
}

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).to_path_buf();
    let out_dir = Path::new(&env::var("OUT_DIR").unwrap()).to_path_buf();
    let path = dir.join("../content/plan.json");
    for watched in [path.clone(), dir.join("src/draft_rules.rs"), dir.join("src/schema.rs"), dir.join("build_ui.rs")] {
        println!("cargo:rerun-if-changed={}", watched.display());
    }
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_PROSE");
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_CLASS_TEXT");
    // The sources the content is checked against live beside the repository,
    // not in it: tests that read them run only where they are.
    let shared = dir.join("../../shared/source");
    println!("cargo::rustc-check-cfg=cfg(shared_sources)");
    println!("cargo:rerun-if-changed={}", shared.display());
    if ["article.txt", "full-draft.md", "then-and-now.md"].iter().all(|f| shared.join(f).is_file()) {
        println!("cargo:rustc-cfg=shared_sources");
    }
    let (ui, content) =
        parse(&fs::read_to_string(&path).expect("read content/plan.json")).unwrap_or_else(|e| panic!("{e}"));
    check(&content);
    let geo_path = dir.join("../content/territory.json");
    println!("cargo:rerun-if-changed={}", geo_path.display());
    let geo = read_geo(&fs::read_to_string(&geo_path).expect("read content/territory.json"));
    check_territory(&content.territory, &geo, content.points.len());

    let mut generated = format!(
        "/// Number of points in `content/plan.json`; the whole app is sized by this.\npub const POINT_COUNT: usize = {};\n",
        content.points.len()
    );
    generated.push_str(&bake_static("CONTENT", "Content", &content));
    fs::write(out_dir.join("content.rs"), generated).expect("write generated content");
    // The map is the prerendered page's alone: without `prose` there is no `territory` module.
    let map = if with_prose() { bake_static("MAP", "MapData", &geo.map) } else { String::new() };
    fs::write(out_dir.join("territory.rs"), map).expect("write generated map");
    fs::write(out_dir.join("ui.rs"), build_ui::generate(&ui)).expect("write generated ui wording");
}
