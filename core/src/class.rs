//! The class view's pure half: a teacher pastes the share links their
//! students sent, and the page shows the class as a whole.
//!
//! - [`mod@gather`]: reads pasted text (one link a line, links inside sentences,
//!   CSV exports) into entries, and says what it skipped and why;
//! - [`counts`]: per-point counts of the class (`ClassCounts`);
//! - [`measures`]: where the class agrees and where it is split;
//! - [`camps`]: groups of students who tagged alike, and what sets each apart;
//! - [`compare`]: a reader's own tags beside the class's most common answers;
//! - [`csv`]: spreadsheet exports;
//! - [`scan`]: one QR code read by the camera, against the class read so far;
//! - [`mod@reasons`]: the students' reasons side by side, point by point and tag by tag;
//! - [`mask`]: names hidden on a projected screen, in the box that keeps them;
//! - [`words`]: every sentence the class view shows, so the UI formats none.
//!
//! Names stay in [`gather::Entry`], the reasons' view and the per-student
//! export only: counts, measures and camps never carry them, nor any reason.

pub mod camps;
pub mod compare;
pub mod counts;
// The exports: the class module only (they carry the points' texts).
#[cfg(feature = "class-text")]
pub mod csv;
pub mod gather;
pub mod mask;
pub mod measures;
pub mod reasons;
pub mod scan;
pub mod words;

pub use counts::ClassCounts;
pub use gather::{gather, Entry, Gathered};

#[cfg(test)]
mod tests {
    use super::camps::{find_camps, Camps};
    use super::measures::{agreed_points, split_points};
    use super::*;
    use crate::share::fragment;
    use crate::tags::{Tag, Tags};
    use crate::{class_link, content, POINT_COUNT};

    /// Student `i` of a two-camp class: the first `a` lean Russia on points
    /// 1–10, the others Ukraine; all say Neutral on the rest. Every seventh
    /// answer (by a fixed pattern) is Neutral instead, so rows differ.
    fn student(i: usize, a: usize) -> Tags {
        let mut t = Tags::default();
        for p in 1..=POINT_COUNT as u8 {
            let lean = if i < a { Tag::Russia } else { Tag::Ukraine };
            let mut tag = if p <= 10 { lean } else { Tag::Neutral };
            if (i * 31 + usize::from(p) * 17).is_multiple_of(7) {
                tag = Tag::Neutral;
            }
            t.set(p, Some(tag));
        }
        t
    }

    fn pasted(n: usize, a: usize) -> String {
        (0..n)
            .map(|i| {
                format!("https://example.org/#{}\r\n", fragment(&student(i, a), Some(&format!("S{i}")), Some("9B")))
            })
            .collect()
    }

    #[test]
    fn from_pasted_links_to_camps_and_a_result_link() {
        let mut text = String::from("Here are the links:\r\n\r\n");
        text.push_str(&pasted(10, 6));
        text.push_str("oops, wrong one: https://example.org/#share=1AB\r\n");
        let g = gather(&text, Some("9B"));
        assert_eq!((g.header, g.entries.len(), g.invalid.len()), (Some(1), 10, 1));
        let tags: Vec<Tags> = g.included(false).iter().map(|e| e.tags).collect();
        let counts = ClassCounts::count(&tags);
        assert_eq!(counts.students(), 10);
        // Point 1: six Russia, four Ukraine, but for the Neutral pattern.
        let neutral1 = (0..10usize).filter(|i| (i * 31 + 17).is_multiple_of(7)).count();
        let p1 = counts.point(1).unwrap();
        assert_eq!(p1.russia + p1.ukraine + p1.neutral, 10);
        assert_eq!(p1.neutral, neutral1);
        // The class agrees on Neutral for the points after 10; it is split on some of 1–10.
        let agreed = agreed_points(&counts, POINT_COUNT);
        assert_eq!(agreed.len(), POINT_COUNT - 10);
        assert!(agreed.iter().all(|m| m.number > 10 && m.agreed == Some(Tag::Neutral)));
        let split = split_points(&counts, POINT_COUNT);
        assert!(!split.is_empty() && split.iter().all(|m| m.number <= 10));
        // Two camps of 6 and 4.
        let Camps::Found(found) = find_camps(&tags, 3) else { panic!("no camps") };
        assert_eq!(found.camps.iter().map(|c| c.size).collect::<Vec<_>>(), vec![6, 4]);
        assert!(found.camps[0].distinctive.iter().all(|d| d.answer == Tag::Russia && d.number <= 10));
        // The result link carries the counts and the label.
        let link = class_link::encode(&counts, g.class_label.as_deref());
        assert!(link.len() < 100, "{link}");
        assert_eq!(class_link::parse_fragment(&link), Some(Ok((counts.clone(), Some("9B".into())))));
        // Exports: a header and a row each.
        assert_eq!(
            csv::csv_per_point(&counts, content(), csv::Separator::Comma).matches("\r\n").count(),
            1 + POINT_COUNT
        );
        assert_eq!(csv::csv_per_student(g.included(false), false, csv::Separator::Comma).matches("\r\n").count(), 11);
    }
}
