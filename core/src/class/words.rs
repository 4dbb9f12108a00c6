//! Every sentence the class view shows, built here so the UI formats none
//! (and singulars and plurals are right in one place). Short status items
//! ("5 student links read") have no final period; sentences do. The wording
//! itself lives in `content/plan.json` (`ui`, the `class_` keys); numbers
//! (counts, percentages, thresholds) are computed here and filled in.

use super::camps::{CommonGround, Distinctive, MIN_CAMP, MIN_CAMP_TAGGED, MIN_STUDENTS, MIN_TAGS, SILHOUETTE_AT, Z_AT};
use super::compare::{ComparisonSummary, PointComparison, Verdict};
use super::gather::{Duplicate, Gathered, Invalid};
use super::measures::{Leading, PointMeasure, AGREE_DEN, AGREE_NUM, MIN_TAGGED, SPLIT_AT};
use crate::reasons::ReasonsUnreadable;
use crate::tags::Tag;
use crate::tally::percent;
use crate::ui;

/// `1 link`, `2 links`: the count and the right form of the noun.
pub fn count(n: usize, one: &str, many: &str) -> String {
    ui::class_count(n, if n == 1 { one } else { many })
}

pub fn students(n: usize) -> String {
    if n == 1 {
        ui::class_students_one(n)
    } else {
        ui::class_students_other(n)
    }
}

// --- Reading the pasted links -------------------------------------------

/// "5 student links read".
pub fn links_read(n: usize) -> String {
    if n == 1 {
        ui::class_links_read_one(n)
    } else {
        ui::class_links_read_other(n)
    }
}

/// "1 duplicate skipped".
pub fn duplicates_skipped(n: usize) -> String {
    if n == 1 {
        ui::class_duplicates_skipped_one(n)
    } else {
        ui::class_duplicates_skipped_other(n)
    }
}

/// "2 links from another class (9C)", "3 links from other classes (9C, 10A)".
pub fn other_class(labels: &[(String, usize)]) -> String {
    let n: usize = labels.iter().map(|(_, c)| c).sum();
    let names: Vec<&str> = labels.iter().map(|(l, _)| l.as_str()).collect();
    let names = names.join(ui::class_list_separator());
    match (labels.len() == 1, n == 1) {
        (true, true) => ui::class_other_class_one(&names, n),
        (true, false) => ui::class_other_class_other(&names, n),
        (false, true) => ui::class_other_classes_one(&names, n),
        (false, false) => ui::class_other_classes_other(&names, n),
    }
}

/// The switch that counts them too: "Include the 2 links from other classes".
pub fn include_other_class(n: usize) -> String {
    if n == 1 {
        ui::class_include_other_class_one().to_owned()
    } else {
        ui::class_include_other_class_other(n)
    }
}

/// "1 link with no tags, not counted".
pub fn empty_links(n: usize) -> String {
    if n == 1 {
        ui::class_empty_links_one(n)
    } else {
        ui::class_empty_links_other(n)
    }
}

/// "2 lines could not be read".
pub fn unreadable(n: usize) -> String {
    if n == 1 {
        ui::class_unreadable_one(n)
    } else {
        ui::class_unreadable_other(n)
    }
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
        items.push(unreadable(g.unreadable_lines()));
    }
    let unread = g.reasons_unread().len();
    if unread > 0 {
        items.push(reasons_unread(unread));
    }
    items
}

/// "2 links' reasons could not be read (their tags count)".
pub fn reasons_unread(n: usize) -> String {
    if n == 1 {
        ui::class_reasons_unread_one(n)
    } else {
        ui::class_reasons_unread_other(n)
    }
}

/// "Line 4: the tags count, but not the reasons. The reasons part of this link is damaged: …"
pub fn reasons_unread_line(line: usize, why: ReasonsUnreadable) -> String {
    ui::class_reasons_unread_line(line, why.message())
}

/// The counted links whose reasons could not be read, one sentence each, in line order.
pub fn reasons_unread_lines(g: &Gathered) -> Vec<String> {
    g.reasons_unread().into_iter().map(|(line, why)| reasons_unread_line(line, why)).collect()
}

// --- The reasons, point by point --------------------------------------------

/// "Russia: 4 students": a tag and how many students chose it on the point.
pub fn reasons_tag(tag: Tag, n: usize) -> String {
    ui::class_reasons_tag(&students(n), tag.label())
}

/// "Ana's reason for point 21" (after "Hide", for screen readers).
pub fn reason_whose(who: &str, point: u8) -> String {
    ui::class_reason_hide_whose(point, who)
}

/// "2 reasons are hidden in this browser."
pub fn reasons_hidden(n: usize) -> String {
    if n == 1 {
        ui::class_reasons_hidden_one(n)
    } else {
        ui::class_reasons_hidden_other(n)
    }
}

/// "Show 3 more reasons".
pub fn reasons_more(n: usize) -> String {
    if n == 1 {
        ui::class_reasons_more_one(n)
    } else {
        ui::class_reasons_more_other(n)
    }
}

/// When no counted link carries a reason: what students can write, and where.
pub fn reasons_none() -> String {
    ui::cv_reasons_none(crate::reasons::MAX_REASON_CHARS, crate::reasons::MAX_REASONS)
}

/// "Line 7, “#share=1AB…&name=•••”: This link is damaged: …" (the error's
/// own message); names in the excerpt hidden unless `show_names`.
pub fn invalid_line(i: &Invalid, show_names: bool) -> String {
    let text = if show_names { i.excerpt.clone() } else { super::mask::mask_names(&i.excerpt).text };
    ui::class_invalid_line(i.line, i.error.message(), &text)
}

/// The lines that could not be read, for the report to show without a click.
pub fn failed_lines(g: &Gathered, show_names: bool) -> Vec<String> {
    g.invalid.iter().map(|i| invalid_line(i, show_names)).collect()
}

/// "Line 9: the same link as line 2, skipped."
pub fn duplicate_line(d: &Duplicate) -> String {
    if d.line == d.first_line {
        ui::class_duplicate_same_line(d.line)
    } else {
        ui::class_duplicate_line(d.first_line, d.line)
    }
}

/// "Line 4: this link has no tags yet, so it is not counted."
pub fn empty_line(line: usize) -> String {
    ui::class_empty_line(line)
}

/// "Line 1: a spreadsheet's header row, skipped."
pub fn header_line(line: usize) -> String {
    ui::class_header_line(line)
}

/// Every line that was not simply read, in line order (ties: header, bad,
/// empty, duplicate, reasons unread); names in excerpts hidden unless `show_names`.
pub fn gathered_details(g: &Gathered, show_names: bool) -> Vec<String> {
    let mut lines: Vec<(usize, u8, String)> = Vec::new();
    lines.extend(g.header.map(|l| (l, 0, header_line(l))));
    lines.extend(g.invalid.iter().map(|i| (i.line, 1, invalid_line(i, show_names))));
    lines.extend(g.empty.iter().map(|&l| (l, 2, empty_line(l))));
    lines.extend(g.duplicates.iter().map(|d| (d.line, 3, duplicate_line(d))));
    lines.extend(g.reasons_unread().into_iter().map(|(l, why)| (l, 4, reasons_unread_line(l, why))));
    lines.sort_by_key(|(line, kind, _)| (*line, *kind)); // stable: a line's items keep their order
    lines.into_iter().map(|(_, _, s)| s).collect()
}

// --- Agreement and split --------------------------------------------------

/// "Point 3: 90% chose Ukraine (9 of 10 who tagged it)."
pub fn agreed_point(m: &PointMeasure) -> String {
    let answer = match m.leading {
        Leading::Answer(t) => t.label(),
        _ => ui::class_no_single_answer(),
    };
    ui::class_agreed_point(answer, m.number, percent(m.top, m.tagged), m.tagged, m.top)
}

/// "Point 7: 4 chose Russia, 3 Ukraine, 3 Neutral."
pub fn split_point(m: &PointMeasure) -> String {
    let [russia, ukraine, neutral] = m.answers;
    ui::class_split_point(
        m.number,
        neutral,
        russia,
        Tag::Neutral.label(),
        Tag::Russia.label(),
        Tag::Ukraine.label(),
        ukraine,
    )
}

pub fn explain_agreement() -> String {
    ui::class_explain_agreement(MIN_TAGGED, 100 * AGREE_NUM / AGREE_DEN)
}

pub fn explain_split() -> String {
    ui::class_explain_split(MIN_TAGGED, &SPLIT_AT.to_string())
}

// --- Camps ----------------------------------------------------------------

/// "Add 3 more links to look for camps." (and why some links do not count).
pub fn camps_not_enough(needed: usize, left_out: usize) -> String {
    let mut s =
        if needed == 1 { ui::class_camps_not_enough_one(needed) } else { ui::class_camps_not_enough_other(needed) };
    if left_out > 0 {
        s.push(' ');
        s.push_str(&left_out_of_camps(left_out));
    }
    s
}

/// "2 students tagged fewer than 7 points and are in no camp."
pub fn left_out_of_camps(n: usize) -> String {
    if n == 1 {
        ui::class_left_out_one(MIN_TAGS, n)
    } else {
        ui::class_left_out_other(MIN_TAGS, n)
    }
}

pub fn no_clear_camps() -> &'static str {
    ui::class_no_clear_camps()
}

/// "The class falls into 2 camps."
pub fn camps_found(n: usize) -> String {
    if n == 1 {
        ui::class_camps_found_one(n)
    } else {
        ui::class_camps_found_other(n)
    }
}

/// 'A', 'B', 'C' for camps 0, 1, 2.
pub fn camp_letter(index: usize) -> char {
    char::from(b'A' + (index % 26) as u8)
}

/// "Camp A: 6 students".
pub fn camp_heading(index: usize, size: usize) -> String {
    ui::class_camp_heading(&camp_letter(index).to_string(), &students(size))
}

/// "Point 5: 83% of this camp chose Russia, against 10% of the rest of the class."
pub fn distinctive_point(d: &Distinctive) -> String {
    ui::class_distinctive_point(d.answer.label(), d.camp_share, d.number, d.rest_share)
}

/// "Point 12: every camp leans Neutral (at least 75% in each)."
pub fn common_ground_point(c: &CommonGround) -> String {
    ui::class_common_ground_point(c.answer.label(), c.number, c.lowest_share)
}

pub fn explain_camps() -> String {
    ui::class_explain_camps(MIN_CAMP, MIN_STUDENTS, MIN_TAGS, &SILHOUETTE_AT.to_string())
}

pub fn explain_distinctive() -> String {
    ui::class_explain_distinctive(&Z_AT.to_string())
}

pub fn explain_common_ground() -> String {
    ui::class_explain_common_ground(MIN_CAMP_TAGGED)
}

// --- You and your class ---------------------------------------------------

/// "Your tag was the class's most common answer on 12 of the 20 points you both tagged."
pub fn you_vs_class(s: &ComparisonSummary) -> String {
    let both = s.comparable();
    if both == 0 {
        return ui::class_you_vs_class_none().to_owned();
    }
    if both == 1 {
        // "1 of the 1 point" reads as a form, not a sentence.
        return match (s.matches, s.in_tie) {
            (1, _) => ui::class_you_vs_class_one_match(),
            (_, 1) => ui::class_you_vs_class_one_tie(),
            _ => ui::class_you_vs_class_one_differs(),
        }
        .to_owned();
    }
    let mut text = ui::class_you_vs_class_other(both, s.matches);
    if s.in_tie > 0 {
        text.push_str(&ui::class_you_vs_class_tied(s.in_tie));
    }
    text
}

/// "Point 4: you and most of the class chose Ukraine."
pub fn point_vs_class(p: &PointComparison) -> String {
    let n = p.number;
    match (p.verdict, p.yours, p.class) {
        (Verdict::NotComparable, None, _) => ui::class_point_untagged(n),
        (Verdict::NotComparable, Some(_), _) => ui::class_point_nobody(n),
        (Verdict::Matches, Some(t), _) => ui::class_point_matches(n, t.label()),
        (Verdict::InTie, Some(t), _) => ui::class_point_in_tie(n, t.label()),
        (_, Some(t), Leading::Answer(a)) => ui::class_point_differs(a.label(), n, t.label()),
        (_, Some(t), Leading::Tie(a, b, c)) => {
            let tied: Vec<&str> = [Some(a), Some(b), c].into_iter().flatten().map(Tag::label).collect();
            ui::class_point_differs_tie(n, &and_list(&tied), t.label())
        }
        _ => ui::class_point_nobody(n),
    }
}

/// "A and B", "A, B and C".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => ui::class_list_and(last, &init.join(ui::class_list_separator())),
    }
}

/// The heading of a class result opened from a link: "Class 9B: 24 students".
pub fn result_heading(label: Option<&str>, n: usize) -> String {
    match label {
        Some(label) => ui::class_result_heading_named(label, &students(n)),
        None => ui::class_result_heading_anonymous(&students(n)),
    }
}

// --- The lesson plan --------------------------------------------------------

/// A student without a name (or whose name is not shown), by position: "Student 3".
pub fn student_label(position: usize) -> String {
    ui::class_csv_student_n(position)
}

/// A lesson step's class time, "5 minutes"; `None` for a step that takes none
/// of its own (setting up, gathering links).
pub fn lesson_minutes(minutes: u32) -> Option<String> {
    (minutes > 0).then(|| {
        if minutes == 1 {
            ui::class_lesson_minutes_one(minutes)
        } else {
            ui::class_lesson_minutes_other(minutes)
        }
    })
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
        assert_eq!(lesson_minutes(0), None);
        assert_eq!(lesson_minutes(1).as_deref(), Some("1 minute"));
        assert_eq!(lesson_minutes(20).as_deref(), Some("20 minutes"));
        assert_eq!(reasons_tag(Tag::Russia, 4), "Russia: 4 students");
        assert_eq!(reasons_tag(Tag::Neutral, 1), "Neutral: 1 student");
        assert_eq!(reasons_tag(Tag::Ukraine, 0), "Ukraine: 0 students");
        assert_eq!(reason_whose("Student 2", 21), "Student 2's reason for point 21");
        assert_eq!(reasons_hidden(1), "1 reason is hidden in this browser.");
        assert_eq!(reasons_hidden(3), "3 reasons are hidden in this browser.");
        assert_eq!(reasons_more(1), "Show 1 more reason");
        assert_eq!(reasons_more(12), "Show 12 more reasons");
        assert!(reasons_none().contains("up to 2 points, in up to 36 characters each"), "{}", reasons_none());
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
            gathered_details(&g, true),
            vec![
                "Line 1: a spreadsheet's header row, skipped.".to_owned(),
                "Line 3: the same link as line 2, skipped.".to_owned(),
                format!("Line 5, “hello”: {}", ShareError::NotACode.message()),
                "Line 6: this link has no tags yet, so it is not counted.".to_owned(),
                "Line 7: the same link as line 4, skipped.".to_owned(),
            ]
        );
        let twice = format!("{0} {0}", encode_tags(&u));
        assert_eq!(
            gathered_details(&gather(&twice, None), false),
            vec!["Line 1: the same link twice on this line, counted once."]
        );
    }

    #[test]
    fn links_whose_reasons_could_not_be_read_are_counted_and_reported() {
        let mut t = Tags::default();
        t.set(1, Some(Tag::Russia));
        let mut r = crate::reasons::Reasons::default();
        r.set(1, "Sovereignty first.").unwrap();
        let with = format!("#{}", crate::share::fragment_with_reasons(&t, &r, Some("Ana"), None).unwrap());
        let cut = with[..with.len() - 4].replace("Ana", "Bo");
        let bare = &with["#share=".len()..][..crate::share::CODE_LEN];
        let g = gather(&format!("{with}\n{cut}\n{bare}"), None);
        assert_eq!(g.entries.len(), 3, "every student's tags count");
        assert_eq!(
            gathered_summary(&g),
            vec!["3 student links read", "2 links' reasons could not be read (their tags count)"]
        );
        let damaged = ReasonsUnreadable::Damaged.message();
        let missing = ReasonsUnreadable::Missing.message();
        assert_eq!(
            gathered_details(&g, false),
            vec![
                format!("Line 2: the tags count, but not the reasons. {damaged}"),
                format!("Line 3: the tags count, but not the reasons. {missing}"),
            ]
        );
        assert_eq!(reasons_unread_lines(&g), gathered_details(&g, false));
        assert_eq!(reasons_unread(1), "1 link's reasons could not be read (its tags count)");
    }

    #[test]
    fn failed_lines_show_their_text_with_names_hidden_unless_shown() {
        let mut t = Tags::default();
        t.set(1, Some(Tag::Russia));
        let good = format!("#{}", fragment(&t, Some("Ana"), None));
        let damaged = "#share=1AAAAAAAAAAB&name=Bohdan";
        let g = gather(&format!("{good}\n{damaged}\nlol"), None);
        let hidden = failed_lines(&g, false);
        assert_eq!(hidden.len(), 2);
        assert!(hidden[0].starts_with("Line 2, “#share=1AAAAAAAAAAB&name=•••”: "), "{}", hidden[0]);
        assert!(hidden.iter().all(|l| !l.contains("Bohdan")));
        assert!(hidden[1].starts_with("Line 3, “lol”: "), "{}", hidden[1]);
        assert!(failed_lines(&g, true)[0].contains("name=Bohdan"));
        assert!(gathered_details(&g, false).iter().all(|l| !l.contains("Bohdan")));
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
        assert_eq!(
            you_vs_class(&s),
            "Your tag was the class's most common answer on 2 of the 3 points you both tagged."
        );
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
            "Your tag was the class's most common answer on 1 of the 3 points you both tagged. \
             On 1 more, your tag was tied for first."
        );
        assert_eq!(
            you_vs_class(&ComparisonSummary::default()),
            "There is no point that both you and the class tagged yet."
        );
        let one = |matches, in_tie, differs| ComparisonSummary { matches, in_tie, differs, not_comparable: 0 };
        assert_eq!(
            you_vs_class(&one(1, 0, 0)),
            "On the one point you both tagged, your tag was the class's most common answer."
        );
        assert_eq!(
            you_vs_class(&one(0, 1, 0)),
            "On the one point you both tagged, your tag was tied for first in the class."
        );
        assert_eq!(
            you_vs_class(&one(0, 0, 1)),
            "On the one point you both tagged, your tag was not the class's most common answer."
        );
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
    }

    /// "You and the class" compares; it never grades. None of its wording, nor the point
    /// lines it shows, calls a reader's tag right or wrong (the lesson plan's caution).
    #[test]
    fn you_and_the_class_is_not_an_answer_key() {
        let texts = [
            ui::cv_you_heading(),
            ui::cv_you_hint(),
            ui::cv_you_compare(),
            ui::cv_you_none(),
            ui::cv_you_details(),
            ui::class_you_vs_class_none(),
            ui::class_you_vs_class_one_match(),
            ui::class_you_vs_class_one_tie(),
            ui::class_you_vs_class_one_differs(),
            crate::ui::raw("class_you_vs_class_other"),
            crate::ui::raw("class_you_vs_class_tied"),
            crate::ui::raw("class_point_untagged"),
            crate::ui::raw("class_point_nobody"),
            crate::ui::raw("class_point_matches"),
            crate::ui::raw("class_point_in_tie"),
            crate::ui::raw("class_point_differs"),
            crate::ui::raw("class_point_differs_tie"),
        ];
        for text in texts {
            let words: Vec<String> =
                text.to_lowercase().split(|c: char| !c.is_alphanumeric()).map(str::to_owned).collect();
            for graded in ["right", "wrong", "correct", "incorrect", "mistake", "score", "marks"] {
                assert!(!words.iter().any(|w| w == graded), "{graded:?} in {text:?}");
            }
        }
        assert!(ui::cv_you_hint().contains("not an answer key"), "the panel repeats the lesson plan's caution");
    }
}
