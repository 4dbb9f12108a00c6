//! The figures behind the reasons' encoding and budget (issue 27), on
//! realistic reasons in English, Ukrainian and German: `core/fixtures/`
//! holds them at the proposed budget (3 reasons of 120 characters)
//! and at the page's (2 of 36).
//!
//! - the `why=` value's length three ways: plain UTF-8 in base64url, raw
//!   deflate (miniz_oxide, best level) in base64url, and the window encoding
//!   the page uses (`reasons.rs`); each with the same point bytes and a
//!   3-byte check;
//! - the whole link's length, with a realistic address, name and class;
//! - a timing sanity check: the class view reading 1,000 links with reasons
//!   (a native figure: the browser is slower, and its budget is 100 ms).
//!
//! `cargo run -p plan-core --release --example reasons_budget`
//! (How often the camera reads each length: `qr-worker/tests/full_budget.rs`.)

use plan_core::class::gather;
use plan_core::class::reasons::{reasons_by_point, HiddenReasons};
use plan_core::reasons::{self, Reasons};
use plan_core::share::{fragment, fragment_with_reasons};
use plan_core::tags::{Tag, Tags};
use std::time::Instant;

/// A realistic address the page may be served from, and a realistic student.
const PAGE: &str = "https://weigh-the-plan.example.org/";
const NAME: &str = "Олена Коваленко";
const CLASS: &str = "9-Б";
const CHECK_BYTES: usize = 3;

type Texts = Vec<(u8, &'static str)>;

/// (language, its reasons) from a fixture file.
fn read(fixture: &'static str) -> Vec<(&'static str, Texts)> {
    let mut out: Vec<(&'static str, Texts)> = Vec::new();
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.splitn(3, ' ');
        let (Some(lang), Some(point), Some(text)) = (parts.next(), parts.next(), parts.next()) else { continue };
        if out.last().is_none_or(|(l, _)| *l != lang) {
            out.push((lang, Vec::new()));
        }
        out.last_mut().expect("pushed above").1.push((point.parse().expect("a point number"), text));
    }
    for (_, texts) in &mut out {
        texts.sort_by_key(|(n, _)| *n);
    }
    out
}

fn b64_len(bytes: usize) -> usize {
    (bytes * 8).div_ceil(6)
}

/// The reasons framed as the link frames them (a point byte before each
/// text), in plain UTF-8.
fn plain(texts: &Texts) -> Vec<u8> {
    texts.iter().flat_map(|(n, t)| std::iter::once(*n).chain(t.bytes())).collect()
}

fn tags_for(texts: &Texts) -> Tags {
    let mut tags = Tags::default();
    for (i, (n, _)) in texts.iter().enumerate() {
        tags.set(*n, Some(Tag::ALL[i % 3]));
    }
    tags
}

/// The whole link with `texts` as its reasons (the page's format, whatever the budget).
fn link(texts: &Texts, name: Option<&str>, class: Option<&str>) -> String {
    let tags = tags_for(texts);
    let mut placeholder = Reasons::default();
    placeholder.set(texts[0].0, "x").expect("a short reason");
    let f = fragment_with_reasons(&tags, &placeholder, name, class).expect("tagged");
    let (before, _) = f.rsplit_once("why=").expect("reasons last");
    format!("{PAGE}#{before}why={}", reasons::encode_texts(texts))
}

fn main() {
    for (budget, fixture) in [
        ("the issue's 3 × 120", include_str!("../fixtures/reasons-3x120.txt")),
        ("the page's 2 × 36", include_str!("../fixtures/reasons.txt")),
    ] {
        let samples = read(fixture);
        println!("At {budget} characters, every reason filled:");
        println!("  the why= value, in characters:");
        println!("  {:8} {:>8} {:>8} {:>8} {:>12}", "language", "UTF-8", "deflate", "window", "UTF-8 bytes");
        for (lang, texts) in &samples {
            let utf8 = plain(texts);
            let deflated = miniz_oxide::deflate::compress_to_vec(&utf8, 10);
            println!(
                "  {lang:8} {:>8} {:>8} {:>8} {:>12}",
                b64_len(utf8.len() + CHECK_BYTES),
                b64_len(deflated.len() + CHECK_BYTES),
                reasons::encode_texts(texts).len(),
                utf8.len()
            );
        }
        println!("  the whole link ({PAGE}), in characters:");
        for (lang, texts) in &samples {
            println!(
                "  {lang}: {} with the name {NAME:?} and class {CLASS:?}, {} with neither (without reasons: {} and {})",
                link(texts, Some(NAME), Some(CLASS)).len(),
                link(texts, None, None).len(),
                PAGE.len() + 1 + fragment(&tags_for(texts), Some(NAME), Some(CLASS)).len(),
                PAGE.len() + 1 + fragment(&tags_for(texts), None, None).len(),
            );
        }
        println!();
    }
    timing();
}

/// 1,000 students, each with every reason filled (the three languages in
/// turn), pasted as one text: gathered, then grouped by point and tag.
fn timing() {
    let samples = read(include_str!("../fixtures/reasons.txt"));
    let text: String = (0..1000)
        .map(|i| {
            let texts = &samples[i % samples.len()].1;
            let mut r = Reasons::default();
            for (n, t) in texts {
                r.set(*n, t).expect("within the budget");
            }
            let mut tags = tags_for(texts);
            // Distinct students: points 22 to 28 spell i.
            for (k, n) in (22..=28u8).enumerate() {
                tags.set(n, Tag::from_bits((i >> (2 * k)) as u8));
            }
            let f = fragment_with_reasons(&tags, &r, Some(&format!("Student {i}")), Some(CLASS)).expect("tagged");
            format!("{PAGE}#{f}\n")
        })
        .collect();
    for round in 1..=3 {
        let t = Instant::now();
        let g = gather::gather(&text, Some(CLASS));
        let gathered = t.elapsed();
        let t = Instant::now();
        let by_point = reasons_by_point(g.included(false), &HiddenReasons::default());
        let grouped = t.elapsed();
        println!(
            "round {round}: 1,000 links with reasons ({} KB) gathered in {:.1} ms, their reasons grouped in {:.2} ms \
             ({} students, {} reasons, {} unread)",
            text.len() / 1024,
            gathered.as_secs_f64() * 1e3,
            grouped.as_secs_f64() * 1e3,
            g.entries.len(),
            by_point.total,
            g.reasons_unread().len()
        );
    }
}
