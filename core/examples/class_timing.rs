//! How long the class view's work takes for large classes, natively:
//!
//! ```sh
//! cargo run -p plan-core --release --example class_timing
//! ```
//!
//! 1. The camp search alone, for 1,000 and 10,000 students, in two camps
//!    and answering at random.
//! 2. End to end, from pasted links: gather, counts and measures, camps,
//!    both CSV exports, the class result link.
//!
//! It prints figures to read (BENCHMARKS.md measures the page itself).

use plan_core::class::camps::{find_camps, Camps};
use plan_core::class::measures::{agreed_points, split_points};
use plan_core::class::{csv, gather, ClassCounts};
use plan_core::{class_link, content, share, Tag, Tags, POINT_COUNT};
use std::time::Instant;

#[path = "../src/class/camps/synthetic.rs"]
mod synthetic;
use synthetic::{random_class, two_camps, Lcg};

fn main() {
    camps_alone();
    end_to_end();
}

fn camps_alone() {
    let mut rng = Lcg(9);
    for n in [1_000, 10_000] {
        let two = two_camps(&mut rng, n * 3 / 5, n - n * 3 / 5, 10, 20);
        let random = random_class(&mut rng, n, 20);
        for (what, class) in [("two camps", &two), ("random", &random)] {
            let start = Instant::now();
            let found = matches!(find_camps(class.iter(), 5), Camps::Found(_));
            println!("{n:6} students, {what:9}: {:7.1} ms (camps found: {found})", ms(start));
        }
    }
}

fn end_to_end() {
    let mut rng = Lcg(13);
    for n in [1_000, 10_000] {
        let text: String = two_camps(&mut rng, n * 3 / 5, n - n * 3 / 5, 10, 15)
            .iter()
            .enumerate()
            .map(|(i, tags)| {
                format!("https://example.org/#{}\r\n", share::fragment(tags, Some(&format!("S{i}")), Some("9B")))
            })
            .collect();
        let t = Instant::now();
        let g = gather(&text, Some("9B"));
        let gathered = ms(t);
        assert_eq!(g.entries.len(), n, "every pasted link is read");
        let tags: Vec<Tags> = g.entries.iter().map(|e| e.tags).collect();
        let t = Instant::now();
        let counts = ClassCounts::count(&tags);
        let _ = (agreed_points(&counts, 5), split_points(&counts, 5));
        let counted = ms(t);
        let t = Instant::now();
        let camps = match find_camps(&tags, 5) {
            Camps::Found(f) => format!("{} camps", f.camps.len()),
            _ => "none".into(),
        };
        let grouped = ms(t);
        let t = Instant::now();
        let _ = (
            csv::csv_per_point(&counts, content(), csv::Separator::Comma),
            csv::csv_per_student(&g.entries, true, csv::Separator::Semicolon),
        );
        let exported = ms(t);
        let link = class_link::encode(&counts, Some("9B"));
        println!(
            "{n:6} students ({} KB pasted): gather {gathered:.1} ms, counts+measures {counted:.2} ms, \
             camps {grouped:.1} ms ({camps}), CSV {exported:.1} ms, result link {} chars",
            text.len() / 1024,
            link.len()
        );
    }
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}
