//! Spreadsheet exports of a class: one row per point, or one per student.
//!
//! RFC 4180: cells holding a comma, a quote, CR or LF are quoted, quotes
//! doubled; rows end in CRLF. A cell that starts with `=`, `+`, `-`, `@`, tab
//! or CR gets a leading apostrophe, so a spreadsheet shows it as text instead
//! of running it as a formula (a student's name is not to be trusted).

use super::measures::measure;
use super::{ClassCounts, Entry};
use crate::content::Content;
use crate::tags::Tag;
use crate::tally::CATEGORIES;
use crate::ui::{fill, ui};
use crate::words::category_label;

/// Byte order mark to put before the text when saving a file: without it,
/// Excel reads UTF-8 as another encoding and garbles accented names.
pub const UTF8_BOM: &str = "\u{FEFF}";

/// A cell's text, guarded against formulas and quoted if it needs to be.
pub fn cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// One row: cells joined by commas, ended by CRLF.
pub fn row<S: AsRef<str>>(cells: impl IntoIterator<Item = S>) -> String {
    let mut line = cells.into_iter().map(|c| cell(c.as_ref())).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// Header and one row per point: its theme, the counts of each answer and
/// of untagged, the same as whole percentages of the class, whether the
/// class agrees or is split (see `measures`), and the point's text.
pub fn csv_per_point(counts: &ClassCounts, content: &Content) -> String {
    let u = ui();
    let mut header = vec![u.class_csv_point.to_owned(), u.class_csv_theme.to_owned(), u.class_csv_students.to_owned()];
    header.extend(CATEGORIES.iter().map(|&c| category_label(c).to_owned()));
    header.extend(CATEGORIES.iter().map(|&c| fill(u.class_csv_percent, &[("category", category_label(c))])));
    header.extend([u.class_csv_agrees_on, u.class_csv_is_split, u.class_csv_text].map(str::to_owned));
    let mut out = row(header);
    for (number, tally) in counts.iter() {
        let point = content.point(number);
        let m = measure(number, tally);
        let mut cells = vec![
            number.to_string(),
            point.map_or("", |p| content.theme_of(p).label).to_owned(),
            counts.students().to_string(),
        ];
        cells.extend(CATEGORIES.iter().map(|&c| tally.get(c).to_string()));
        cells.extend(CATEGORIES.iter().map(|&c| tally.percent(c).to_string()));
        cells.push(m.agreed.map_or("", Tag::label).to_owned());
        cells.push(if m.split { u.class_csv_yes } else { "" }.to_owned());
        cells.push(point.map_or("", |p| p.text).to_owned());
        out.push_str(&row(cells));
    }
    out
}

/// Header and one row per student, in the given order: a label (the name
/// from the link when `include_names` and there is one, else "Student 1",
/// "Student 2", … by position), the class label, how many points they gave
/// each answer, then their answer on each point (empty when untagged).
pub fn csv_per_student<'a>(entries: impl IntoIterator<Item = &'a Entry>, include_names: bool) -> String {
    let u = ui();
    let mut header = vec![u.class_csv_student.to_owned(), u.class_csv_class.to_owned()];
    header.extend(CATEGORIES.iter().map(|&c| category_label(c).to_owned()));
    header.extend((1..=crate::POINT_COUNT).map(|n| fill(u.class_csv_point_n, &[("n", &n.to_string())])));
    let mut out = row(header);
    for (i, entry) in entries.into_iter().enumerate() {
        let label = match (&entry.name, include_names) {
            (Some(name), true) => name.clone(),
            _ => super::words::student_label(i + 1),
        };
        let tally = crate::Tally::of(&entry.tags);
        let mut cells = vec![label, entry.class.clone().unwrap_or_default()];
        cells.extend(CATEGORIES.iter().map(|&c| tally.get(c).to_string()));
        cells.extend(entry.tags.iter().map(|(_, t)| t.map_or("", Tag::label).to_owned()));
        out.push_str(&row(cells));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::gather;
    use crate::share::fragment;
    use crate::tags::Tags;
    use crate::{content, POINT_COUNT};

    #[test]
    fn cells_are_quoted_by_rfc_4180() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell(""), "");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(cell("Ana María"), "Ana María");
        assert_eq!(row(["a", "b,c", ""]), "a,\"b,c\",\r\n");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("+33 6"), "'+33 6");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assert_eq!(cell("a=b"), "a=b");
    }

    fn class_text() -> String {
        let mut a = Tags::default();
        a.set(1, Some(Tag::Russia));
        a.set(2, Some(Tag::Ukraine));
        let mut b = Tags::default();
        b.set(1, Some(Tag::Russia));
        b.set(POINT_COUNT as u8, Some(Tag::Neutral));
        [
            fragment(&a, Some("=cmd|' /C calc'!A0"), Some("9B")),
            fragment(&b, Some("Bo, Jr"), None),
            fragment(&a, None, None),
        ]
        .map(|f| format!("#{f}"))
        .join("\n")
    }

    #[test]
    fn per_point_rows() {
        let g = gather(&class_text(), None);
        let counts = ClassCounts::count(g.entries.iter().map(|e| &e.tags));
        let csv = csv_per_point(&counts, content());
        let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 1 + POINT_COUNT);
        assert_eq!(
            lines[0],
            "Point,Theme,Students,Russia,Ukraine,Neutral,Untagged,Russia %,Ukraine %,Neutral %,Untagged %,\
             Class agrees on,Class is split,Text"
        );
        let theme = content().theme_of(content().point(1).unwrap()).label;
        assert!(lines[1].starts_with(&format!("1,{},3,3,0,0,0,100,0,0,0,,,", cell(theme))), "{}", lines[1]);
        assert!(lines[2].starts_with(&format!("2,{},3,0,2,0,1,0,67,0,33,,,", cell(theme_of(2)))), "{}", lines[2]);
        assert!(csv.ends_with("\r\n"));
        // Each row has the point's text as its last cell.
        assert!(lines[1].ends_with(&cell(content().point(1).unwrap().text)));
    }

    fn theme_of(n: u8) -> &'static str {
        content().theme_of(content().point(n).unwrap()).label
    }

    #[test]
    fn per_point_flags_agreement() {
        let mut t = Tags::default();
        t.set(5, Some(Tag::Ukraine));
        let counts = ClassCounts::count(&[t; 4]);
        let csv = csv_per_point(&counts, content());
        let line = csv.split("\r\n").nth(5).unwrap();
        assert!(line.starts_with(&format!("5,{},4,0,4,0,0,0,100,0,0,Ukraine,,", cell(theme_of(5)))), "{line}");
    }

    #[test]
    fn per_student_rows_with_and_without_names() {
        let g = gather(&class_text(), None);
        let named = csv_per_student(&g.entries, true);
        let lines: Vec<&str> = named.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("Student,Class,Russia,Ukraine,Neutral,Untagged,Point 1,Point 2,"));
        assert!(lines[0].ends_with(&format!(",Point {POINT_COUNT}")));
        let rest = ",".repeat(POINT_COUNT - 2);
        assert_eq!(lines[1], format!("'=cmd|' /C calc'!A0,9B,1,1,0,{},Russia,Ukraine{rest}", POINT_COUNT - 2));
        assert_eq!(
            lines[2],
            format!("\"Bo, Jr\",,1,0,1,{},Russia,{}Neutral", POINT_COUNT - 2, ",".repeat(POINT_COUNT - 2))
        );
        assert!(lines[3].starts_with("Student 3,,1,1,0,"));
        let anonymous = csv_per_student(&g.entries, false);
        assert!(!anonymous.contains("cmd") && !anonymous.contains("Bo"));
        let firsts: Vec<&str> = anonymous.split("\r\n").skip(1).filter_map(|l| l.split(',').next()).collect();
        assert_eq!(firsts, vec!["Student 1", "Student 2", "Student 3", ""]);
        assert_eq!(csv_per_student(&[], false).matches("\r\n").count(), 1);
    }
}
