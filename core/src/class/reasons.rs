//! The class's reasons side by side: for each point, the reasons its
//! students gave, grouped by the tag they go with, and how many students
//! chose each tag (with a reason or without).
//!
//! Names stay with each reason, so the view masks them as it masks the
//! names table ("Student 3" while names are hidden: [`ClassReason::who`]),
//! numbering students in the order of the entries it is given (pass the same
//! list as the names table, `Gathered::included`).
//!
//! The teacher can hide a reason before projecting: [`HiddenReasons`] is the
//! set of hidden reasons' [`ReasonId`]s, kept by the view in this browser
//! (its [`HiddenReasons::to_text`] is what it stores). A reason's id is a hash
//! of the student's key, the point and the text, stable across page loads,
//! browsers and versions of Rust, so the same link pasted again is hidden
//! again, and a student who sends a new reason is not hidden by the old one.
//!
//! Reasons never reach the counts, the measures, the camps or the class
//! result link: those are made from tags only.

use super::gather::Entry;
use super::measures::normalised_entropy;
use super::words::student_label;
use crate::base64url;
use crate::tags::Tag;
use crate::POINT_COUNT;
use std::collections::BTreeSet;

/// A reason's stable id (see the module notes). Written as 11 base64url characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReasonId(u64);

impl ReasonId {
    /// The id of student `key`'s reason `text` for point `number`: 64-bit
    /// FNV-1a, written out here so that no library or compiler update changes it.
    pub fn of(key: &str, number: u8, text: &str) -> ReasonId {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        // 0xFF never occurs in UTF-8: the three parts cannot run into each other.
        for &b in key.as_bytes().iter().chain(&[0xFF, number, 0xFF]).chain(text.as_bytes()) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        ReasonId(hash)
    }

    pub fn to_text(self) -> String {
        base64url::encode(&self.0.to_be_bytes())
    }

    /// Reads what [`ReasonId::to_text`] wrote; anything else is `None`.
    pub fn parse(text: &str) -> Option<ReasonId> {
        let bytes: [u8; 8] = base64url::decode(text).ok()?.try_into().ok()?;
        Some(ReasonId(u64::from_be_bytes(bytes)))
    }
}

/// The reasons the teacher hid, kept in this browser.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HiddenReasons(BTreeSet<ReasonId>);

impl HiddenReasons {
    pub fn hide(&mut self, id: ReasonId) {
        self.0.insert(id);
    }

    pub fn show(&mut self, id: ReasonId) {
        self.0.remove(&id);
    }

    /// "Show hidden reasons": every reason comes back.
    pub fn show_all(&mut self) {
        self.0.clear();
    }

    pub fn is_hidden(&self, id: ReasonId) -> bool {
        self.0.contains(&id)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// What the view stores: the ids, separated by spaces.
    pub fn to_text(&self) -> String {
        self.0.iter().map(|id| id.to_text()).collect::<Vec<_>>().join(" ")
    }

    /// Reads a stored value; a piece that is not an id (a value written by
    /// something else) is skipped, so a damaged value hides less, never fails.
    pub fn from_text(text: &str) -> HiddenReasons {
        HiddenReasons(text.split_whitespace().filter_map(ReasonId::parse).collect())
    }
}

/// One student's reason for a point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassReason {
    pub id: ReasonId,
    pub text: String,
    /// The student's number, 1-based, in the order of the entries given.
    pub position: usize,
    /// The student's name in their link, if any: shown only while names are.
    pub name: Option<String>,
    /// The line of the pasted text the link was on.
    pub line: usize,
    pub hidden: bool,
}

impl ClassReason {
    /// "Ana" while names are shown, "Student 3" otherwise (or with no name).
    pub fn who(&self, show_names: bool) -> String {
        match (&self.name, show_names) {
            (Some(name), true) => name.clone(),
            _ => student_label(self.position),
        }
    }
}

/// A point's reasons for one tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagReasons {
    pub tag: Tag,
    /// How many students chose this tag for the point, with a reason or without.
    pub students: usize,
    /// Their reasons, hidden ones included (marked), in student order.
    pub reasons: Vec<ClassReason>,
}

impl TagReasons {
    /// The reasons to show: those not hidden.
    pub fn visible(&self) -> impl Iterator<Item = &ClassReason> + '_ {
        self.reasons.iter().filter(|r| !r.hidden)
    }
}

/// A point's reasons, by tag in the page's order (Russia, Ukraine, Neutral:
/// all three, so a tag no one explained still shows its count).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointReasons {
    pub number: u8,
    pub by_tag: Vec<TagReasons>,
}

impl PointReasons {
    /// How many students chose Russia, Ukraine and Neutral on the point.
    pub fn answers(&self) -> [usize; 3] {
        let mut answers = [0; 3];
        for t in &self.by_tag {
            answers[tag_index(t.tag)] = t.students;
        }
        answers
    }

    /// How divided the class is on the point, among the students who tagged
    /// it: the split measure's normalised entropy (`measures`), 0 when they
    /// all chose one answer, 1 for a third each.
    pub fn division(&self) -> f64 {
        normalised_entropy(self.answers())
    }

    /// Whether any of its reasons is not hidden.
    pub fn has_visible(&self) -> bool {
        self.by_tag.iter().any(|t| t.visible().next().is_some())
    }
}

/// The class's reasons: the points at least one student gave a reason for
/// (hidden or not), in point order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassReasons {
    pub points: Vec<PointReasons>,
    /// How many reasons there are in all, and how many of them are hidden.
    pub total: usize,
    pub hidden: usize,
}

impl ClassReasons {
    /// A point's reasons, if any student gave one.
    pub fn point(&self, number: u8) -> Option<&PointReasons> {
        self.points.iter().find(|p| p.number == number)
    }

    /// The points with a reason to show (one not hidden) among `shown`, the
    /// point the class is most divided on first ([`PointReasons::division`]),
    /// then in point order: the lesson plan has the first one's reasons read aloud.
    pub fn most_divided_first(&self, shown: &[u8]) -> Vec<&PointReasons> {
        let mut points: Vec<&PointReasons> =
            self.points.iter().filter(|p| shown.contains(&p.number) && p.has_visible()).collect();
        // Stable, and the points are in point order: ties keep it.
        points.sort_by(|a, b| b.division().total_cmp(&a.division()));
        points
    }
}

/// Groups the reasons of `entries` (in the order the view numbers its
/// students) by point and tag. Entries whose reasons could not be read give
/// none; their tags still count in `students`.
pub fn reasons_by_point<'a>(entries: impl IntoIterator<Item = &'a Entry>, hidden: &HiddenReasons) -> ClassReasons {
    let mut counts = [[0usize; 3]; POINT_COUNT];
    let mut given: Vec<(u8, usize, ClassReason)> = Vec::new();
    for (i, entry) in entries.into_iter().enumerate() {
        for (number, tag) in entry.tags.iter() {
            if let Some(tag) = tag {
                counts[usize::from(number) - 1][tag_index(tag)] += 1;
            }
        }
        let Ok(reasons) = &entry.reasons else { continue };
        for (number, text) in reasons.iter() {
            // The link reader refuses reasons on untagged points: skip any all the same.
            let Some(tag) = entry.tags.get(number) else { continue };
            let id = ReasonId::of(&entry.key, number, text);
            let reason = ClassReason {
                id,
                text: text.to_owned(),
                position: i + 1,
                name: entry.name.clone(),
                line: entry.line,
                hidden: hidden.is_hidden(id),
            };
            given.push((number, tag_index(tag), reason));
        }
    }
    // Stable: each tag's reasons stay in student order.
    given.sort_by_key(|(number, tag, _)| (*number, *tag));
    let mut out =
        ClassReasons { total: given.len(), hidden: given.iter().filter(|g| g.2.hidden).count(), points: vec![] };
    for (number, tag, reason) in given {
        if out.points.last().is_none_or(|p| p.number != number) {
            let by_tag = Tag::ALL
                .iter()
                .map(|&t| TagReasons {
                    tag: t,
                    students: counts[usize::from(number) - 1][tag_index(t)],
                    reasons: vec![],
                })
                .collect();
            out.points.push(PointReasons { number, by_tag });
        }
        if let Some(point) = out.points.last_mut() {
            point.by_tag[tag].reasons.push(reason);
        }
    }
    out
}

fn tag_index(tag: Tag) -> usize {
    Tag::ALL.iter().position(|&t| t == tag).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::gather::gather;
    use crate::class::ClassCounts;
    use crate::class_link;
    use crate::reasons::{Reasons, ReasonsUnreadable};
    use crate::share::fragment_with_reasons;
    use crate::strategies::tags_of;
    use crate::tags::Tags;
    use proptest::prelude::*;

    fn link(tags: &Tags, reasons: &[(u8, &str)], name: Option<&str>, with_reasons: bool) -> String {
        let mut r = Reasons::default();
        for &(n, t) in reasons.iter().filter(|_| with_reasons) {
            r.set(n, t).unwrap();
        }
        format!("https://example.org/plan/#{}", fragment_with_reasons(tags, &r, name, Some("9B")).unwrap())
    }

    /// Six students, one with damaged reasons: three on point 21 (two Russia, one Ukraine), one without a reason.
    fn class() -> String {
        class_of(true)
    }

    fn class_of(with_reasons: bool) -> String {
        use Tag::*;
        let w = with_reasons;
        [
            link(
                &tags_of(&[(21, Russia), (6, Ukraine)]),
                &[(21, "It rewards the invasion."), (6, "One-sided cap.")],
                Some("Ana"),
                w,
            ),
            link(&tags_of(&[(21, Russia)]), &[(21, "Nobody asked the people there.")], Some("Bo"), w),
            link(&tags_of(&[(21, Ukraine)]), &[(21, "It ends the fighting.")], None, w),
            link(&tags_of(&[(21, Russia), (1, Neutral)]), &[], Some("Cy"), w),
            link(&tags_of(&[(21, Neutral), (6, Ukraine)]), &[(6, "Армія обмежена лише в України.")], Some("Дмитро"), w),
            link(&tags_of(&[(21, Russia), (2, Ukraine)]), &[(21, "<b>markup</b> is text")], Some("Eve"), w)
                .replace("&why=", "&why=A"),
        ]
        .join("\n")
    }

    #[test]
    fn reasons_grouped_by_point_and_tag_with_the_count_behind_each_tag() {
        let g = gather(&class(), Some("9B"));
        assert_eq!(g.entries.len(), 6);
        assert_eq!(g.entries[5].reasons, Err(ReasonsUnreadable::Damaged));
        let r = reasons_by_point(g.included(false), &HiddenReasons::default());
        assert_eq!(r.points.iter().map(|p| p.number).collect::<Vec<_>>(), vec![6, 21]);
        assert_eq!((r.total, r.hidden), (5, 0));
        let p21 = r.point(21).unwrap();
        let russia = &p21.by_tag[0];
        assert_eq!((russia.tag, russia.students), (Tag::Russia, 4), "Ana, Bo, Cy and Eve chose Russia");
        let texts: Vec<&str> = russia.reasons.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, vec!["It rewards the invasion.", "Nobody asked the people there."]);
        assert_eq!(russia.reasons[1].who(true), "Bo");
        assert_eq!(russia.reasons[1].who(false), "Student 2");
        let ukraine = &p21.by_tag[1];
        assert_eq!((ukraine.students, ukraine.reasons[0].who(true)), (1, "Student 3".to_owned()));
        assert_eq!((p21.by_tag[2].tag, p21.by_tag[2].students, p21.by_tag[2].reasons.len()), (Tag::Neutral, 1, 0));
        let p6 = &r.point(6).unwrap().by_tag[1];
        assert_eq!((p6.students, p6.reasons.len()), (2, 2));
        assert_eq!(p6.reasons[1].who(true), "Дмитро");
        assert_eq!(p6.reasons[1].line, 5);
    }

    #[test]
    fn a_hidden_reason_stays_hidden_until_shown() {
        let g = gather(&class(), None);
        let all = reasons_by_point(g.included(true), &HiddenReasons::default());
        let bo = all.point(21).unwrap().by_tag[0].reasons[1].id;
        let mut hidden = HiddenReasons::default();
        hidden.hide(bo);
        // Stored and read back, as the view keeps it in this browser.
        let stored = hidden.to_text();
        assert_eq!(stored.len(), 11);
        let hidden = HiddenReasons::from_text(&format!("  {stored} junk !! "));
        let r = reasons_by_point(g.included(true), &hidden);
        assert_eq!((r.total, r.hidden), (5, 1));
        let russia = &r.point(21).unwrap().by_tag[0];
        assert!(russia.reasons[1].hidden);
        assert_eq!(russia.visible().map(|r| r.who(true)).collect::<Vec<_>>(), vec!["Ana"]);
        assert_eq!(russia.students, 4, "hiding a reason leaves the count");
        // The same link pasted again in another order: still hidden.
        let text = class();
        let reversed: Vec<&str> = text.lines().rev().collect();
        let g2 = gather(&reversed.join("\n"), None);
        let again = reasons_by_point(g2.included(true), &hidden);
        assert_eq!(again.hidden, 1);
        let mut shown = hidden.clone();
        shown.show_all();
        assert_eq!(reasons_by_point(g.included(true), &shown).hidden, 0);
        shown.hide(bo);
        shown.show(bo);
        assert!(shown.is_empty());
    }

    #[test]
    fn the_most_divided_point_comes_first_and_points_with_nothing_to_show_go() {
        let g = gather(&class(), None);
        let all: Vec<u8> = (1..=POINT_COUNT as u8).collect();
        let r = reasons_by_point(g.included(true), &HiddenReasons::default());
        // Point 21: 4 Russia, 1 Ukraine, 1 Neutral; point 6: 2 Ukraine, no division.
        assert_eq!(r.point(21).unwrap().answers(), [4, 1, 1]);
        assert!(r.point(21).unwrap().division() > 0.7 && r.point(6).unwrap().division() == 0.0);
        let order = |r: &ClassReasons, shown: &[u8]| -> Vec<u8> {
            r.most_divided_first(shown).iter().map(|p| p.number).collect()
        };
        assert_eq!(order(&r, &all), vec![21, 6]);
        // The theme filter's points only.
        assert_eq!(order(&r, &[1, 2, 6]), vec![6]);
        // A point whose every reason is hidden has nothing to show.
        let mut hidden = HiddenReasons::default();
        for t in &r.point(21).unwrap().by_tag {
            t.reasons.iter().for_each(|reason| hidden.hide(reason.id));
        }
        let r = reasons_by_point(g.included(true), &hidden);
        assert_eq!((r.total, r.hidden), (5, 3));
        assert_eq!(order(&r, &all), vec![6]);
        // Equally divided points keep their order.
        let ties = [
            link(&tags_of(&[(3, Tag::Russia)]), &[(3, "c")], None, true),
            link(&tags_of(&[(2, Tag::Neutral)]), &[(2, "b")], None, true),
        ];
        let g = gather(&ties.join("\n"), None);
        assert_eq!(order(&reasons_by_point(g.included(true), &HiddenReasons::default()), &all), vec![2, 3]);
    }

    #[test]
    fn the_lesson_plan_says_why_within_the_budget_and_the_time_it_borrows() {
        use crate::reasons::{MAX_REASONS, MAX_REASON_CHARS};
        use crate::ui;
        let room = &crate::content().classroom;
        let at = |title: &str| room.steps.iter().position(|s| s.title == title).expect(title);
        let step = &room.steps[at("Say why")];
        // The budget the page enforces, and the field, the view and the switch as the page labels them.
        assert!(step
            .text
            .contains(&format!("at most {MAX_REASONS} points, in up to {MAX_REASON_CHARS} characters each")));
        for label in [ui::why_visible(), ui::cv_reasons_heading(), ui::cv_show_names()] {
            assert!(step.text.contains(&format!("“{label}”")), "{label}");
        }
        // After tagging, before the links are sent and gathered: the links carry the reasons.
        assert!(at("Tag the points") < at("Say why") && at("Say why") < at("Gather the links"));
        assert!(
            step.text.contains("copies their share link")
                && !room.steps[at("Tag the points")].text.contains("share link")
        );
        // No class time of its own: a minute or two of the tagging, the reading aloud in the discussion.
        assert_eq!(step.minutes, 0);
        assert!(step.text.contains("a minute or two of its time") && step.text.contains("of the discussion time"));
        // "Even a class of 30 … about two minutes": every student's reason for one point, as long as
        // the budget allows (in the words of the full-length samples), read aloud at 150 words a minute.
        assert!(step.text.contains("a class of 30 gives at most 30 short lines on one point: about two minutes"));
        let words =
            crate::reasons::tests::sample("en").iter().map(|(_, t)| t.split_whitespace().count()).max().unwrap();
        assert!(30 * words <= 2 * 150, "{words} words a reason");
        assert!(room.steps[at("Discuss")].text.contains("most divided point"));
    }

    #[test]
    fn ids_are_stable_and_tell_students_points_and_texts_apart() {
        let id = ReasonId::of("1QAAAAAAAAAQ ana", 21, "Because.");
        // Fixed forever: a teacher's hidden reasons must survive an update of the page.
        assert_eq!(id.to_text(), ReasonId::of("1QAAAAAAAAAQ ana", 21, "Because.").to_text());
        assert_eq!(ReasonId::parse(&id.to_text()), Some(id));
        assert_ne!(id, ReasonId::of("1QAAAAAAAAAQ ana", 20, "Because."));
        assert_ne!(id, ReasonId::of("1QAAAAAAAAAQ bo", 21, "Because."));
        assert_ne!(id, ReasonId::of("1QAAAAAAAAAQ ana", 21, "Because!"));
        assert_eq!(ReasonId::of("", 0, "").to_text(), "-SA0G-QU1K8");
        for bad in ["", "abc", "-SA0G-QU1K", "-SA0G-QU1K81", "-SA0G-QU1K+", "-SA0G-QU1K9"] {
            assert_eq!(ReasonId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_class_result_link_never_carries_a_reason() {
        let g = gather(&class(), Some("9B"));
        let without = gather(&class_of(false), Some("9B"));
        assert!(without.entries.iter().all(|e| e.reasons.as_ref().is_ok_and(Reasons::is_empty)));
        let link = class_link::encode(&g.counts(false), Some("9B"));
        assert_eq!(link, class_link::encode(&without.counts(false), Some("9B")));
        assert!(!link.contains("why") && !link.contains("name"));
        // Nothing of a reason's text or code is in it.
        for e in &g.entries {
            for (_, text) in e.reasons.as_ref().map(|r| r.iter().collect::<Vec<_>>()).unwrap_or_default() {
                assert!(!link.contains(text));
                assert!(!link.contains(&crate::reasons::encode(e.reasons.as_ref().unwrap())[..8]));
            }
        }
    }

    fn student(i: usize, reasons: &[(u8, String)]) -> (Tags, Reasons) {
        let mut tags = Tags::default();
        tags.set(1 + (i % POINT_COUNT) as u8, Some(Tag::Neutral));
        let mut r = Reasons::default();
        for (n, t) in reasons {
            tags.set(*n, Tag::from_bits((i % 3 + 1) as u8));
            r.set(*n, t).unwrap();
        }
        (tags, r)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn the_result_link_is_the_same_with_or_without_reasons(
            class in proptest::collection::vec(proptest::collection::vec((1u8..=28, "[a-zA-Zа-я ]{1,30}"), 0..4), 1..12)
        ) {
            let (mut with, mut without) = (String::new(), String::new());
            for (i, reasons) in class.iter().enumerate() {
                let mut distinct: Vec<(u8, String)> = Vec::new();
                for (n, t) in reasons {
                    if !distinct.iter().any(|(m, _)| m == n) && distinct.len() < crate::reasons::MAX_REASONS {
                        distinct.push((*n, t.clone()));
                    }
                }
                let (tags, r) = student(i, &distinct);
                let name = format!("S{i}");
                with.push_str(&format!("#{}\n", fragment_with_reasons(&tags, &r, Some(&name), None).unwrap()));
                without.push_str(&format!("#{}\n", crate::share::fragment(&tags, Some(&name), None)));
            }
            let (a, b) = (gather(&with, None), gather(&without, None));
            prop_assert_eq!(a.counts(true), b.counts(true));
            prop_assert_eq!(class_link::encode(&a.counts(true), None), class_link::encode(&b.counts(true), None));
            let counts = ClassCounts::count(a.entries.iter().map(|e| &e.tags));
            let r = reasons_by_point(&a.entries, &HiddenReasons::default());
            let given: usize = a.entries.iter().map(|e| e.reasons.as_ref().map_or(0, Reasons::len)).sum();
            prop_assert_eq!(r.total, given);
            for p in &r.points {
                let tally = counts.point(p.number).unwrap();
                prop_assert_eq!(
                    p.by_tag.iter().map(|t| t.students).collect::<Vec<_>>(),
                    vec![tally.russia, tally.ukraine, tally.neutral]
                );
                prop_assert!(p.by_tag.iter().all(|t| t.reasons.len() <= t.students));
            }
        }
    }
}
