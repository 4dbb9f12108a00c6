//! One QR code read by the class view's camera: what it is for the class
//! being gathered, and whether it is the code still held up to the camera.
//!
//! A scanned link is read exactly as a pasted line is (`gather`), so the
//! camera and the "Student links" box never disagree on what a link is, who
//! is a duplicate, or which class it belongs to.

use super::gather::{gather, Entry, Gathered};
use super::words::student_label;
use crate::reasons::ReasonsUnreadable;
use crate::share::ShareError;
use crate::ui;
use std::collections::HashMap;

/// What one scanned code is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scanned {
    /// A student not in the class yet: `line` is what goes into the box.
    /// `reasons_unread`: the code's reasons could not be read (its tags count).
    New { line: String, student: Student, reasons_unread: Option<ReasonsUnreadable> },
    /// A student whose link is in the box already (the same tags and name).
    Already { student: Student },
    /// A share link with no point tagged: not counted, as in the box.
    NoTags,
    /// A share link that could not be read (the reason is the paste report's).
    Broken(ShareError),
    /// Any other code: not a share link of this page.
    NotALink,
}

/// A scanned student, as the scan panel names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Student {
    /// 1-based, in the order of the links in the box (as in the names table).
    pub position: usize,
    pub name: Option<String>,
    /// The link's class label when it is another class's (counted apart).
    pub other_class: Option<String>,
}

impl Student {
    /// "Ana" while names are shown, "Student 3" otherwise (or with no name).
    pub fn label(&self, show_names: bool) -> String {
        match (&self.name, show_names) {
            (Some(name), true) => name.clone(),
            _ => student_label(self.position),
        }
    }
}

/// Reads `text` (a QR code's content) against the class read so far.
pub fn classify(text: &str, class: Option<&Gathered>, class_label: Option<&str>) -> Scanned {
    // One code is one line in the box, whatever it holds.
    let line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let read = gather(&line, class_label);
    let Some((entry, other)) =
        read.entries.first().map(|e| (e, false)).or_else(|| read.other_class.first().map(|e| (e, true)))
    else {
        return match read.invalid.first() {
            _ if !read.empty.is_empty() => Scanned::NoTags,
            Some(invalid) if invalid.error != ShareError::NotACode => Scanned::Broken(invalid.error),
            _ => Scanned::NotALink,
        };
    };
    let known = class.map(in_line_order).unwrap_or_default();
    let student = |position: usize, e: &Entry, other: bool| Student {
        position,
        name: e.name.clone(),
        other_class: if other { e.class.clone() } else { None },
    };
    match known.iter().position(|(e, _)| e.key == entry.key) {
        Some(i) => Scanned::Already { student: student(i + 1, known[i].0, known[i].1) },
        None => Scanned::New {
            student: student(known.len() + 1, entry, other),
            reasons_unread: entry.reasons.clone().err(),
            line,
        },
    }
}

/// Every student in the box, the teacher's class and the others, in line order.
fn in_line_order(g: &Gathered) -> Vec<(&Entry, bool)> {
    let mut all: Vec<(&Entry, bool)> =
        g.entries.iter().map(|e| (e, false)).chain(g.other_class.iter().map(|e| (e, true))).collect();
    all.sort_by_key(|(e, _)| e.line);
    all
}

/// A code held up to the camera is read in frame after frame: it counts
/// once, and says "already scanned" only when it comes back after being out
/// of sight for this long (a code that only flickers out for a few frames,
/// as codes on phone screens do, is still the same showing).
pub const GONE_MS: f64 = 2000.0;

/// When each code was last in sight.
#[derive(Default)]
pub struct Sightings {
    last_seen: HashMap<String, f64>,
}

impl Sightings {
    /// Records a sighting at `now_ms`; true when the code is newly shown
    /// (never seen, or out of sight for at least [`GONE_MS`]).
    pub fn shown(&mut self, text: &str, now_ms: f64) -> bool {
        let before = self.last_seen.insert(text.to_owned(), now_ms);
        before.is_none_or(|t| now_ms - t >= GONE_MS)
    }
}

// --- What the scan panel says ---------------------------------------------

/// "17 students scanned".
pub fn scanned_count(n: usize) -> String {
    if n == 1 {
        ui::cv_scan_count_one(n)
    } else {
        ui::cv_scan_count_other(n)
    }
}

/// "2 codes already scanned, ignored".
pub fn repeats_ignored(n: usize) -> String {
    if n == 1 {
        ui::cv_scan_repeats_one(n)
    } else {
        ui::cv_scan_repeats_other(n)
    }
}

/// The one short sentence said (and announced) for a code.
pub fn scan_sentence(scanned: &Scanned, show_names: bool) -> String {
    match scanned {
        Scanned::New { student, reasons_unread, .. } => {
            let added = match &student.other_class {
                Some(label) => ui::cv_scan_added_other(label, &student.label(show_names)),
                None => ui::cv_scan_added(&student.label(show_names)),
            };
            match reasons_unread {
                Some(_) => format!("{added} {}", ui::cv_scan_reasons_unread()),
                None => added,
            }
        }
        Scanned::Already { student } => ui::cv_scan_already(&student.label(show_names)),
        Scanned::NoTags => ui::cv_scan_no_tags().to_owned(),
        Scanned::Broken(error) => ui::cv_scan_broken(error.message()),
        Scanned::NotALink => ui::cv_scan_not_a_link().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::fragment;
    use crate::tags::{Tag, Tags};

    fn link(first: Tag, name: Option<&str>, class: Option<&str>) -> String {
        let mut tags = Tags::default();
        tags.set(1, Some(first));
        format!("https://example.org/plan/#{}", fragment(&tags, name, class))
    }

    #[test]
    fn a_new_student_then_the_same_one_again() {
        let ana = link(Tag::Russia, Some("Ana"), None);
        let Scanned::New { line, student, .. } = classify(&ana, None, None) else { panic!("not new") };
        assert_eq!(line, ana);
        assert_eq!(student, Student { position: 1, name: Some("Ana".into()), other_class: None });
        let class = gather(&format!("{}\n{ana}", link(Tag::Ukraine, None, None)), None);
        let again = classify(&ana, Some(&class), None);
        assert_eq!(
            again,
            Scanned::Already { student: Student { position: 2, name: Some("Ana".into()), other_class: None } }
        );
        assert_eq!(scan_sentence(&again, false), ui::cv_scan_already("Student 2"));
        assert_eq!(scan_sentence(&again, true), ui::cv_scan_already("Ana"));
    }

    #[test]
    fn another_class_is_new_but_apart() {
        let ben = link(Tag::Neutral, Some("Ben"), Some("9C"));
        let Scanned::New { student, .. } = classify(&ben, None, Some("9B")) else { panic!("not new") };
        assert_eq!(student.other_class.as_deref(), Some("9C"));
        assert!(matches!(classify(&ben, None, None), Scanned::New { student: Student { other_class: None, .. }, .. }));
    }

    #[test]
    fn other_codes_and_untagged_or_broken_links() {
        assert_eq!(classify("https://example.com/", None, None), Scanned::NotALink);
        assert_eq!(classify("hello", None, None), Scanned::NotALink);
        let untagged = format!("https://example.org/#{}", fragment(&Tags::default(), None, None));
        assert_eq!(classify(&untagged, None, None), Scanned::NoTags);
        let damaged = link(Tag::Russia, None, None).replace("#share=1", "#share=1A");
        assert!(matches!(classify(&damaged, None, None), Scanned::Broken(_)));
    }

    #[test]
    fn a_code_with_reasons_is_read_like_a_pasted_line() {
        let mut tags = Tags::default();
        tags.set(21, Some(Tag::Russia));
        let mut reasons = crate::reasons::Reasons::default();
        reasons.set(21, "It rewards the invasion.").unwrap();
        let f = crate::share::fragment_with_reasons(&tags, &reasons, Some("Ana"), None).unwrap();
        let code = format!("https://example.org/plan/#{f}");
        let Scanned::New { line, student, reasons_unread } = classify(&code, None, None) else { panic!("not new") };
        assert_eq!((line.as_str(), reasons_unread), (code.as_str(), None));
        let pasted = gather(&line, None);
        assert_eq!(pasted.entries[0].reasons, Ok(reasons));
        assert_eq!(scan_sentence(&classify(&code, None, None), true), ui::cv_scan_added("Ana"));
        // Once in the box, the same code is a student already scanned.
        assert!(matches!(classify(&code, Some(&pasted), None), Scanned::Already { .. }));
        // A code whose reasons are damaged adds the student and says so.
        let damaged = &code[..code.len() - 3];
        let scanned = classify(damaged, None, None);
        assert!(matches!(scanned, Scanned::New { reasons_unread: Some(ReasonsUnreadable::Damaged), .. }));
        assert_eq!(
            scan_sentence(&scanned, false),
            format!("{} {}", ui::cv_scan_added("Student 1"), ui::cv_scan_reasons_unread())
        );
        assert_eq!(student.name.as_deref(), Some("Ana"));
    }

    #[test]
    fn a_code_with_line_breaks_stays_one_line() {
        let ana = link(Tag::Russia, Some("Ana"), None);
        let Scanned::New { line, .. } = classify(&format!("{ana}\nmore"), None, None) else { panic!("not new") };
        assert!(!line.contains('\n'));
    }

    #[test]
    fn a_code_held_up_counts_once_until_it_was_gone() {
        let mut seen = Sightings::default();
        assert!(seen.shown("a", 0.0));
        assert!(!seen.shown("a", 100.0));
        assert!(!seen.shown("a", 1500.0));
        assert!(seen.shown("b", 1600.0));
        assert!(seen.shown("a", 1500.0 + GONE_MS));
    }
}
