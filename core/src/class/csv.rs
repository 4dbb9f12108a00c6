//! Spreadsheet exports of a class: one row per point, or one per student.
//!
//! RFC 4180, with the separator the teacher's spreadsheet expects: a comma,
//! or a semicolon (Excel in German, French, Russian, Ukrainian and other
//! locales whose decimal mark is a comma reads `;`). Cells holding the
//! separator, a quote, CR or LF are quoted, quotes doubled; rows end in CRLF.
//!
//! Formula guard: a spreadsheet runs a cell that starts with `=`, `+`, `-`
//! or `@` (and some run a tab or CR start), full-width forms `＝＋－＠`
//! included (Excel folds them to ASCII). Any such cell, in any column, gets a
//! leading apostrophe, so it shows as text: a student's name and a class
//! label come from links and are not to be trusted.

use super::measures::measure;
use super::{ClassCounts, Entry};
use crate::content::Content;
use crate::tags::Tag;
use crate::tally::CATEGORIES;
use crate::ui;
use crate::words::category_label;

/// Byte order mark to put before the text when saving a file: without it,
/// Excel reads UTF-8 as another encoding and garbles accented names.
pub const UTF8_BOM: &str = "\u{FEFF}";

/// What separates the cells of a row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Separator {
    #[default]
    Comma,
    Semicolon,
}

impl Separator {
    pub const ALL: [Separator; 2] = [Separator::Comma, Separator::Semicolon];

    pub fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }

    /// The choice's label in the export options.
    pub fn label(self) -> &'static str {
        match self {
            Separator::Comma => ui::cv_csv_comma(),
            Separator::Semicolon => ui::cv_csv_semicolon(),
        }
    }
}

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// A cell's text, guarded against formulas and quoted if it needs to be.
pub fn cell(text: &str, sep: Separator) -> String {
    let guarded = if text.starts_with(FORMULA_STARTS) { format!("'{text}") } else { text.to_owned() };
    if guarded.contains([sep.char(), '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// One row: cells joined by the separator, ended by CRLF.
pub fn row<S: AsRef<str>>(cells: impl IntoIterator<Item = S>, sep: Separator) -> String {
    let cells: Vec<String> = cells.into_iter().map(|c| cell(c.as_ref(), sep)).collect();
    let mut line = cells.join(&sep.char().to_string());
    line.push_str("\r\n");
    line
}

/// Header and one row per point: its theme, the counts of each answer and
/// of untagged, the same as whole percentages of the class, whether the
/// class agrees or is split (see `measures`), and the point's text.
pub fn csv_per_point(counts: &ClassCounts, content: &Content, sep: Separator) -> String {
    let mut header =
        vec![ui::class_csv_point().to_owned(), ui::class_csv_theme().to_owned(), ui::class_csv_students().to_owned()];
    header.extend(CATEGORIES.iter().map(|&c| category_label(c).to_owned()));
    header.extend(CATEGORIES.iter().map(|&c| ui::class_csv_percent(category_label(c))));
    header.extend([ui::class_csv_agrees_on(), ui::class_csv_is_split(), ui::class_csv_text()].map(str::to_owned));
    let mut out = row(header, sep);
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
        cells.push(if m.split { ui::class_csv_yes() } else { "" }.to_owned());
        cells.push(point.map_or("", |p| p.text).to_owned());
        out.push_str(&row(cells, sep));
    }
    out
}

/// Header and one row per student, in the given order: a label (the name
/// from the link when `include_names` and there is one, else "Student 1",
/// "Student 2", … by position), the class label, how many points they gave
/// each answer, then their answer on each point (empty when untagged).
pub fn csv_per_student<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
    include_names: bool,
    sep: Separator,
) -> String {
    let mut header = vec![ui::class_csv_student().to_owned(), ui::class_csv_class().to_owned()];
    header.extend(CATEGORIES.iter().map(|&c| category_label(c).to_owned()));
    header.extend((1..=crate::POINT_COUNT).map(ui::class_csv_point_n));
    let mut out = row(header, sep);
    for (i, entry) in entries.into_iter().enumerate() {
        let label = match (&entry.name, include_names) {
            (Some(name), true) => name.clone(),
            _ => super::words::student_label(i + 1),
        };
        let tally = crate::Tally::of(&entry.tags);
        let mut cells = vec![label, entry.class.clone().unwrap_or_default()];
        cells.extend(CATEGORIES.iter().map(|&c| tally.get(c).to_string()));
        cells.extend(entry.tags.iter().map(|(_, t)| t.map_or("", Tag::label).to_owned()));
        out.push_str(&row(cells, sep));
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

    const C: Separator = Separator::Comma;
    const S: Separator = Separator::Semicolon;

    #[test]
    fn cells_are_quoted_by_rfc_4180() {
        assert_eq!(cell("plain", C), "plain");
        assert_eq!(cell("", C), "");
        assert_eq!(cell("a,b", C), "\"a,b\"");
        assert_eq!(cell("say \"hi\"", C), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines", C), "\"two\nlines\"");
        assert_eq!(cell("cr\rhere", C), "\"cr\rhere\"");
        assert_eq!(cell("Ana María", C), "Ana María");
        assert_eq!(row(["a", "b,c", ""], C), "a,\"b,c\",\r\n");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(cell("=1+1", C), "'=1+1");
        assert_eq!(cell("+33 6", C), "'+33 6");
        assert_eq!(cell("-2", C), "'-2");
        assert_eq!(cell("@SUM(A1)", C), "'@SUM(A1)");
        assert_eq!(cell("\tx", C), "'\tx");
        assert_eq!(cell("\rx", C), "\"'\rx\"");
        assert_eq!(cell("=HYPERLINK(\"http://x\",\"y\")", C), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assert_eq!(cell("a=b", C), "a=b");
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
        let csv = csv_per_point(&counts, content(), C);
        let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 1 + POINT_COUNT);
        assert_eq!(
            lines[0],
            "Point,Theme,Students,Russia,Ukraine,Neutral,Untagged,Russia %,Ukraine %,Neutral %,Untagged %,\
             Class agrees on,Class is split,Text"
        );
        let theme = content().theme_of(content().point(1).unwrap()).label;
        assert!(lines[1].starts_with(&format!("1,{},3,3,0,0,0,100,0,0,0,,,", cell(theme, C))), "{}", lines[1]);
        assert!(lines[2].starts_with(&format!("2,{},3,0,2,0,1,0,67,0,33,,,", cell(theme_of(2), C))), "{}", lines[2]);
        assert!(csv.ends_with("\r\n"));
        // Each row has the point's text as its last cell.
        assert!(lines[1].ends_with(&cell(content().point(1).unwrap().text, C)));
    }

    fn theme_of(n: u8) -> &'static str {
        content().theme_of(content().point(n).unwrap()).label
    }

    #[test]
    fn per_point_flags_agreement() {
        let mut t = Tags::default();
        t.set(5, Some(Tag::Ukraine));
        let counts = ClassCounts::count(&[t; 4]);
        let csv = csv_per_point(&counts, content(), C);
        let line = csv.split("\r\n").nth(5).unwrap();
        assert!(line.starts_with(&format!("5,{},4,0,4,0,0,0,100,0,0,Ukraine,,", cell(theme_of(5), C))), "{line}");
    }

    #[test]
    fn per_student_rows_with_and_without_names() {
        let g = gather(&class_text(), None);
        let named = csv_per_student(&g.entries, true, C);
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
        let anonymous = csv_per_student(&g.entries, false, C);
        assert!(!anonymous.contains("cmd") && !anonymous.contains("Bo"));
        let firsts: Vec<&str> = anonymous.split("\r\n").skip(1).filter_map(|l| l.split(',').next()).collect();
        assert_eq!(firsts, vec!["Student 1", "Student 2", "Student 3", ""]);
        assert_eq!(csv_per_student(&[], false, C).matches("\r\n").count(), 1);
    }

    /// Every formula start, ASCII and full-width, alone and before text.
    const DANGEROUS: [&str; 10] = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"];

    #[test]
    fn every_formula_start_is_guarded_with_either_separator() {
        for sep in Separator::ALL {
            for start in DANGEROUS {
                let text = format!("{start}HYPERLINK(\"http://x\")");
                let out = cell(&text, sep);
                // The cell, unquoted, starts with the apostrophe.
                let unquoted = out.strip_prefix('"').unwrap_or(&out);
                assert!(unquoted.starts_with('\''), "{sep:?} {start:?} → {out}");
            }
        }
        assert_eq!(cell("Ana", S), "Ana");
        assert_eq!(cell("a;b", S), "\"a;b\"");
        assert_eq!(cell("a,b", S), "a,b");
        assert_eq!(cell("a;b", C), "a;b");
        assert_eq!(row(["a", "b;c", "d,e"], S), "a;\"b;c\";d,e\r\n");
    }

    /// Reads one row back the way a spreadsheet splits it (quotes honoured).
    fn split_row(line: &str, sep: Separator) -> Vec<String> {
        let (mut cells, mut cur, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    cur.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                c if c == sep.char() && !quoted => cells.push(std::mem::take(&mut cur)),
                c => cur.push(c),
            }
        }
        cells.push(cur);
        cells
    }

    #[test]
    fn names_and_class_labels_are_guarded_in_every_column_with_either_separator() {
        for sep in Separator::ALL {
            for start in DANGEROUS {
                let name = format!("{start}cmd|' /C calc'!A0");
                let label = format!("{start}9B;x,y");
                let mut t = Tags::default();
                t.set(1, Some(Tag::Russia));
                let text = format!("#{}", fragment(&t, Some(&name), Some(&label)));
                let g = gather(&text, None);
                let csv = csv_per_student(&g.entries, true, sep);
                let line = csv.split("\r\n").nth(1).unwrap();
                let cells = split_row(line, sep);
                assert_eq!(cells.len(), 2 + CATEGORIES.len() + POINT_COUNT, "{sep:?} {start:?}: {line}");
                // The cleaned name and label (control characters such as tab and CR are dropped from them).
                let (want_name, want_label) = (g.entries[0].name.clone().unwrap(), g.entries[0].class.clone().unwrap());
                for (cell, want) in [(&cells[0], want_name), (&cells[1], want_label)] {
                    assert!(!cell.starts_with(FORMULA_STARTS), "{sep:?} {start:?}: {cell}");
                    let shown = if want.starts_with(FORMULA_STARTS) { format!("'{want}") } else { want };
                    assert_eq!(cell, &shown, "{sep:?} {start:?}");
                }
            }
        }
    }

    #[test]
    fn per_point_rows_split_into_the_same_cells_with_either_separator() {
        let g = gather(&class_text(), None);
        let counts = ClassCounts::count(g.entries.iter().map(|e| &e.tags));
        let (comma, semi) = (csv_per_point(&counts, content(), C), csv_per_point(&counts, content(), S));
        for (a, b) in comma.split("\r\n").zip(semi.split("\r\n")) {
            let cells = split_row(a, C);
            assert_eq!(cells, split_row(b, S));
            assert!(cells.iter().all(|c| !c.starts_with(FORMULA_STARTS)), "{a}");
        }
    }
}
