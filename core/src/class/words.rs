//! Every sentence the class view shows, built here so the UI formats none
//! (and singulars and plurals are right in one place). Short status items
//! ("5 student links read") have no final period; sentences do.

use super::camps::{CommonGround, Distinctive, MIN_CAMP, MIN_CAMP_TAGGED, MIN_STUDENTS, MIN_TAGS, SILHOUETTE_AT, Z_AT};
use super::compare::{ComparisonSummary, PointComparison, Verdict};
use super::gather::{Duplicate, Gathered, Invalid};
use super::measures::{Leading, PointMeasure, AGREE_DEN, AGREE_NUM, MIN_TAGGED, SPLIT_AT};
use crate::tags::Tag;
use crate::tally::percent;

/// `1 link`, `2 links`: the count and the right form of the noun.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn students(n: usize) -> String {
    count(n, "student", "students")
}

// --- Reading the pasted links -------------------------------------------

/// "5 student links read".
pub fn links_read(n: usize) -> String {
    format!("{} read", count(n, "student link", "student links"))
}

/// "1 duplicate skipped".
pub fn duplicates_skipped(n: usize) -> String {
    format!("{} skipped", count(n, "duplicate", "duplicates"))
}

/// "2 links from another class (9C)", "3 links from other classes (9C, 10A)".
pub fn other_class(labels: &[(String, usize)]) -> String {
    let n: usize = labels.iter().map(|(_, c)| c).sum();
    let which = if labels.len() == 1 { "another class" } else { "other classes" };
    let names: Vec<&str> = labels.iter().map(|(l, _)| l.as_str()).collect();
    format!("{} from {which} ({})", count(n, "link", "links"), names.join(", "))
}

/// The switch that counts them too: "Include the 2 links from other classes".
pub fn include_other_class(n: usize) -> String {
    if n == 1 {
        "Include the link from another class".to_owned()
    } else {
        format!("Include the {n} links from other classes")
    }
}

/// "1 link with no tags, not counted".
pub fn empty_links(n: usize) -> String {
    format!("{} with no tags, not counted", count(n, "link", "links"))
}

/// "2 lines could not be read".
pub fn unreadable(n: usize) -> String {
    format!("{} could not be read", count(n, "line", "lines"))
}

/// The status items for what was read, zero counts left out (but the
/// number read is always there).
pub fn gathered_summary(g: &Gathered) -> Vec<String> {
    let mut items = vec![links_read(g.entries.len() + g.other_class.len())];
    if !g.duplicates.is_empty() {
        items.push(duplicates_skipped(g.duplicates.len()));
    }
    if !g.other_class.is_empty() {
        items.push(other_class(&g.other_labels()));
    }
    if !g.empty.is_empty() {
        items.push(empty_links(g.empty.len()));
    }
    if !g.invalid.is_empty() {
        items.push(unreadable(g.invalid.len()));
    }
    items
}

/// "Line 7: This link is damaged: …" (the error's own message).
pub fn invalid_line(i: &Invalid) -> String {
    format!("Line {}: {}", i.line, i.error.message())
}

/// "Line 9: the same link as line 2, skipped."
pub fn duplicate_line(d: &Duplicate) -> String {
    if d.line == d.first_line {
        format!("Line {}: the same link twice on this line, counted once.", d.line)
    } else {
        format!("Line {}: the same link as line {}, skipped.", d.line, d.first_line)
    }
}

/// "Line 4: this link has no tags yet, so it is not counted."
pub fn empty_line(line: usize) -> String {
    format!("Line {line}: this link has no tags yet, so it is not counted.")
}

/// "Line 1: a spreadsheet's header row, skipped."
pub fn header_line(line: usize) -> String {
    format!("Line {line}: a spreadsheet's header row, skipped.")
}

/// Every line that was not simply read, in line order (ties: header, bad, empty, duplicate).
pub fn gathered_details(g: &Gathered) -> Vec<String> {
    let mut lines: Vec<(usize, u8, String)> = Vec::new();
    lines.extend(g.header.map(|l| (l, 0, header_line(l))));
    lines.extend(g.invalid.iter().map(|i| (i.line, 1, invalid_line(i))));
    lines.extend(g.empty.iter().map(|&l| (l, 2, empty_line(l))));
    lines.extend(g.duplicates.iter().map(|d| (d.line, 3, duplicate_line(d))));
    lines.sort_by_key(|(line, kind, _)| (*line, *kind)); // stable: a line's items keep their order
    lines.into_iter().map(|(_, _, s)| s).collect()
}

// --- Agreement and split --------------------------------------------------

/// "Point 3: 90% chose Ukraine (9 of 10 who tagged it)."
pub fn agreed_point(m: &PointMeasure) -> String {
    let answer = match m.leading {
        Leading::Answer(t) => t.label(),
        _ => "no single answer",
    };
    format!(
        "Point {}: {}% chose {answer} ({} of {} who tagged it).",
        m.number,
        percent(m.top, m.tagged),
        m.top,
        m.tagged
    )
}

/// "Point 7: 4 chose Russia, 3 Ukraine, 3 Neutral."
pub fn split_point(m: &PointMeasure) -> String {
    let [russia, ukraine, neutral] = m.answers;
    format!("Point {}: {russia} chose Russia, {ukraine} Ukraine, {neutral} Neutral.", m.number)
}

pub fn explain_agreement() -> String {
    format!(
        "The class agrees on a point when one answer clearly leads among the students who tagged it. \
         We count as if two more students had tagged it, one of them with that answer, so that a few \
         students cannot look unanimous; the answer must then hold at least {}% of the answers, and at \
         least {MIN_TAGGED} students must have tagged the point. So 4 of 4 or 6 of 8 is agreement, \
         but 3 of 3 or 3 of 4 is not.",
        100 * AGREE_NUM / AGREE_DEN
    )
}

pub fn explain_split() -> String {
    format!(
        "The class is split on a point when its answers are spread out rather than agreeing, among the \
         students who tagged it (at least {MIN_TAGGED}). The spread is measured from 0 (everyone gave the \
         same answer) to 1 (a third each); a point counts as split from {SPLIT_AT}, about as spread as an \
         even split between two answers."
    )
}

// --- Camps ----------------------------------------------------------------

/// "Add 3 more links to look for camps." (and why some links do not count).
pub fn camps_not_enough(needed: usize, left_out: usize) -> String {
    let mut s = format!("Add {} to look for camps.", count(needed, "more link", "more links"));
    if left_out > 0 {
        s.push(' ');
        s.push_str(&left_out_of_camps(left_out));
    }
    s
}

/// "2 students tagged fewer than 7 points and are in no camp."
pub fn left_out_of_camps(n: usize) -> String {
    let verb = if n == 1 { "is" } else { "are" };
    format!("{} tagged fewer than {MIN_TAGS} points and {verb} in no camp.", students(n))
}

pub fn no_clear_camps() -> &'static str {
    "No clear camps: the class does not fall into groups that tagged alike."
}

/// "The class falls into 2 camps."
pub fn camps_found(n: usize) -> String {
    format!("The class falls into {}.", count(n, "camp", "camps"))
}

/// 'A', 'B', 'C' for camps 0, 1, 2.
pub fn camp_letter(index: usize) -> char {
    char::from(b'A' + (index % 26) as u8)
}

/// "Camp A: 6 students".
pub fn camp_heading(index: usize, size: usize) -> String {
    format!("Camp {}: {}", camp_letter(index), students(size))
}

/// "Point 5: 83% of this camp chose Russia, against 10% of the rest of the class."
pub fn distinctive_point(d: &Distinctive) -> String {
    format!(
        "Point {}: {}% of this camp chose {}, against {}% of the rest of the class.",
        d.number,
        d.camp_share,
        d.answer.label(),
        d.rest_share
    )
}

/// "Point 12: every camp leans Neutral (at least 75% in each)."
pub fn common_ground_point(c: &CommonGround) -> String {
    format!("Point {}: every camp leans {} (at least {}% in each).", c.number, c.answer.label(), c.lowest_share)
}

pub fn explain_camps() -> String {
    format!(
        "Camps are groups of students who tagged alike. The page tries two and three groups and keeps a \
         grouping only if its students are clearly closer to their own group than to the next (a \
         silhouette score of at least {SILHOUETTE_AT}, where 1 is perfectly apart and 0 not at all) and \
         every group has at least {MIN_CAMP} students. It needs {MIN_STUDENTS} students who tagged at \
         least {MIN_TAGS} points each; points a student left untagged count neither way. Nothing is left \
         to chance: the same links always give the same camps."
    )
}

pub fn explain_distinctive() -> String {
    format!(
        "What sets a camp apart: answers its members chose much more often than the rest of the class, \
         among those who tagged the point. An answer is listed only when the gap is unlikely to be chance \
         (a one-sided test at 95%, z of at least {Z_AT}), strongest first."
    )
}

pub fn explain_common_ground() -> String {
    format!(
        "Common ground: points on which every camp leans the same way, that is the same answer is chosen \
         by more than half of each camp's members who tagged the point (at least {MIN_CAMP_TAGGED} of them)."
    )
}

// --- You and your class ---------------------------------------------------

/// "You chose the class's most common answer on 12 of the 20 points you both tagged."
pub fn you_vs_class(s: &ComparisonSummary) -> String {
    let both = s.comparable();
    if both == 0 {
        return "There is no point that both you and the class tagged yet.".to_owned();
    }
    let mut text = format!(
        "You chose the class's most common answer on {} of the {} you both tagged.",
        s.matches,
        count(both, "point", "points")
    );
    if s.in_tie > 0 {
        text.push_str(&format!(" On {} more, your answer was tied for first.", s.in_tie));
    }
    text
}

/// "Point 4: you and most of the class chose Ukraine."
pub fn point_vs_class(p: &PointComparison) -> String {
    let n = p.number;
    match (p.verdict, p.yours, p.class) {
        (Verdict::NotComparable, None, _) => format!("Point {n}: you left it untagged."),
        (Verdict::NotComparable, Some(_), _) => format!("Point {n}: nobody in the class tagged it."),
        (Verdict::Matches, Some(t), _) => format!("Point {n}: you and most of the class chose {}.", t.label()),
        (Verdict::InTie, Some(t), _) => format!("Point {n}: you chose {}, tied for first in the class.", t.label()),
        (_, Some(t), Leading::Answer(a)) => {
            format!("Point {n}: you chose {}; most of the class chose {}.", t.label(), a.label())
        }
        (_, Some(t), Leading::Tie(a, b, c)) => {
            let tied: Vec<&str> = [Some(a), Some(b), c].into_iter().flatten().map(Tag::label).collect();
            format!("Point {n}: you chose {}; the class was tied between {}.", t.label(), and_list(&tied))
        }
        _ => format!("Point {n}: nobody in the class tagged it."),
    }
}

/// "A and B", "A, B and C".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The heading of a class result opened from a link: "Class 9B: 24 students".
pub fn result_heading(label: Option<&str>, n: usize) -> String {
    match label {
        Some(label) => format!("Class {label}: {}", students(n)),
        None => format!("A class of {}", students(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::camps::Camps;
    use crate::class::compare::{compare_with_class, summarize};
    use crate::class::measures::{agreed_points, measure, split_points};
    use crate::class::{gather, ClassCounts};
    use crate::share::{encode_tags, fragment, ShareError};
    use crate::tags::Tags;
    use crate::Tally;

    #[test]
    fn singular_and_plural() {
        assert_eq!(links_read(5), "5 student links read");
        assert_eq!(links_read(1), "1 student link read");
        assert_eq!(links_read(0), "0 student links read");
        assert_eq!(duplicates_skipped(1), "1 duplicate skipped");
        assert_eq!(duplicates_skipped(2), "2 duplicates skipped");
        assert_eq!(other_class(&[("9C".into(), 2)]), "2 links from another class (9C)");
        assert_eq!(other_class(&[("9C".into(), 1)]), "1 link from another class (9C)");
        assert_eq!(other_class(&[("9C".into(), 2), ("10A".into(), 1)]), "3 links from other classes (9C, 10A)");
        assert_eq!(include_other_class(1), "Include the link from another class");
        assert_eq!(include_other_class(3), "Include the 3 links from other classes");
        assert_eq!(empty_links(1), "1 link with no tags, not counted");
        assert_eq!(unreadable(2), "2 lines could not be read");
        assert_eq!(camps_not_enough(3, 0), "Add 3 more links to look for camps.");
        assert_eq!(camps_not_enough(1, 0), "Add 1 more link to look for camps.");
        assert_eq!(
            camps_not_enough(2, 1),
            "Add 2 more links to look for camps. 1 student tagged fewer than 7 points and is in no camp."
        );
        assert_eq!(left_out_of_camps(2), "2 students tagged fewer than 7 points and are in no camp.");
        assert_eq!(camp_heading(0, 6), "Camp A: 6 students");
        assert_eq!(camp_heading(2, 1), "Camp C: 1 student");
        assert_eq!(camps_found(2), "The class falls into 2 camps.");
        assert_eq!(result_heading(Some("9B"), 24), "Class 9B: 24 students");
        assert_eq!(result_heading(None, 1), "A class of 1 student");
    }

    #[test]
    fn what_was_read_is_summed_up_and_detailed() {
        let mut t = Tags::default();
        t.set(1, Some(Tag::Russia));
        let mut u = t;
        u.set(2, Some(Tag::Ukraine));
        let text = [
            "Timestamp,Name,Link".to_owned(),
            format!("#{}", fragment(&t, Some("Ana"), Some("9B"))),
            format!("#{}", fragment(&t, Some("ana"), None)),
            format!("#{}", fragment(&u, None, Some("9C"))),
            "hello".to_owned(),
            "#share=1AAAAAAAAAAA".to_owned(),
            encode_tags(&u),
        ]
        .join("\n");
        let g = gather(&text, Some("9B"));
        assert_eq!(
            gathered_summary(&g),
            vec![
                "2 student links read",
                "2 duplicates skipped",
                "1 link from another class (9C)",
                "1 link with no tags, not counted",
                "1 line could not be read",
            ]
        );
        assert_eq!(
            gathered_details(&g),
            vec![
                "Line 1: a spreadsheet's header row, skipped.".to_owned(),
                "Line 3: the same link as line 2, skipped.".to_owned(),
                format!("Line 5: {}", ShareError::NotACode.message()),
                "Line 6: this link has no tags yet, so it is not counted.".to_owned(),
                "Line 7: the same link as line 4, skipped.".to_owned(),
            ]
        );
        let twice = format!("{0} {0}", encode_tags(&u));
        assert_eq!(
            gathered_details(&gather(&twice, None)),
            vec!["Line 1: the same link twice on this line, counted once."]
        );
    }

    #[test]
    fn agreement_and_split_sentences() {
        let m = measure(3, &Tally { russia: 0, ukraine: 9, neutral: 1, untagged: 2 });
        assert_eq!(agreed_point(&m), "Point 3: 90% chose Ukraine (9 of 10 who tagged it).");
        let m = measure(7, &Tally { russia: 4, ukraine: 3, neutral: 3, untagged: 0 });
        assert_eq!(split_point(&m), "Point 7: 4 chose Russia, 3 Ukraine, 3 Neutral.");
        let counts = ClassCounts::count(&[Tags::default()]);
        assert!(agreed_points(&counts, 3).is_empty() && split_points(&counts, 3).is_empty());
    }

    #[test]
    fn explanations_quote_the_thresholds() {
        let a = explain_agreement();
        assert!(a.contains("70%") && a.contains(&format!("at least {MIN_TAGGED} students")), "{a}");
        assert!(explain_split().contains("0.6"));
        let c = explain_camps();
        assert!(c.contains("0.3") && c.contains(&format!("{MIN_STUDENTS} students")) && c.contains("7 points"), "{c}");
        assert!(explain_distinctive().contains("1.645"));
        assert!(explain_common_ground().contains("more than half"));
        for s in [a, explain_split(), c, explain_distinctive(), explain_common_ground()] {
            assert!(s.ends_with('.') && !s.contains("  "), "{s}");
        }
    }

    #[test]
    fn camp_sentences() {
        let d = Distinctive { number: 5, answer: Tag::Russia, camp_share: 83, rest_share: 10, ratio: 4.0, z: 3.0 };
        assert_eq!(
            distinctive_point(&d),
            "Point 5: 83% of this camp chose Russia, against 10% of the rest of the class."
        );
        let c = CommonGround { number: 12, answer: Tag::Neutral, lowest_share: 75 };
        assert_eq!(common_ground_point(&c), "Point 12: every camp leans Neutral (at least 75% in each).");
        assert!(matches!(crate::class::camps::find_camps(&[], 3), Camps::NotEnough { needed: 8, .. }));
        assert!(no_clear_camps().ends_with('.'));
    }

    #[test]
    fn you_and_your_class() {
        let mut a = Tags::default();
        a.set(1, Some(Tag::Russia));
        a.set(2, Some(Tag::Russia));
        a.set(3, Some(Tag::Ukraine));
        let mut b = Tags::default();
        b.set(1, Some(Tag::Russia));
        b.set(2, Some(Tag::Ukraine));
        b.set(3, Some(Tag::Ukraine));
        b.set(4, Some(Tag::Neutral));
        let class = ClassCounts::count(&[a, b]);
        let mut me = Tags::default();
        me.set(1, Some(Tag::Russia));
        me.set(2, Some(Tag::Neutral));
        me.set(3, Some(Tag::Ukraine));
        me.set(5, Some(Tag::Neutral));
        let points = compare_with_class(&me, &class);
        let s = summarize(&points);
        assert_eq!(you_vs_class(&s), "You chose the class's most common answer on 2 of the 3 points you both tagged.");
        assert_eq!(point_vs_class(&points[0]), "Point 1: you and most of the class chose Russia.");
        assert_eq!(
            point_vs_class(&points[1]),
            "Point 2: you chose Neutral; the class was tied between Russia and Ukraine."
        );
        assert_eq!(point_vs_class(&points[3]), "Point 4: you left it untagged.");
        assert_eq!(point_vs_class(&points[4]), "Point 5: nobody in the class tagged it.");
        me.set(2, Some(Tag::Ukraine));
        me.set(3, Some(Tag::Russia));
        let points = compare_with_class(&me, &class);
        assert_eq!(point_vs_class(&points[1]), "Point 2: you chose Ukraine, tied for first in the class.");
        assert_eq!(point_vs_class(&points[2]), "Point 3: you chose Russia; most of the class chose Ukraine.");
        assert_eq!(
            you_vs_class(&summarize(&points)),
            "You chose the class's most common answer on 1 of the 3 points you both tagged. \
             On 1 more, your answer was tied for first."
        );
        assert_eq!(
            you_vs_class(&ComparisonSummary::default()),
            "There is no point that both you and the class tagged yet."
        );
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
    }
}
