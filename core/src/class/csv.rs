//! Spreadsheet exports of a class: one row per point, or one per student.
//!
//! RFC 4180, with the separator the teacher's spreadsheet expects: a comma,
//! or a semicolon (Excel in German, French, Russian, Ukrainian and other
//! locales whose decimal mark is a comma reads `;`). Cells holding either
//! separator, a quote, CR or LF are quoted, quotes doubled; rows end in CRLF.
//!
//! Formula guard: a spreadsheet runs a cell that starts with `=`, `+`, `-`
//! or `@` (and some run a tab or CR start), full-width forms `＝＋－＠`
//! included (Excel folds them to ASCII). A student's name and a class label
//! come from links and are not to be trusted, and a file is not always opened
//! with the separator it was written with: a comma file opened where `;` is
//! the separator is split at every `;`, inside quotes too when the quote does
//! not open the cell (a quote in the middle of a cell is plain text to a
//! spreadsheet). So the guard applies wherever a cell can begin, whichever
//! separator splits the file: at the start of the text, and after each `,`,
//! `;`, quote, tab, CR or LF in it. A formula start there gets an apostrophe
//! before it, so it shows as text.

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

/// Characters after which a spreadsheet may begin a new cell inside a cell's
/// text: either separator (the file opened with the other one), a quote (one
/// that opens a cell split off that way, or closes it at once), a tab (a
/// paste or an import that splits on tabs), and a line break.
const CELL_BREAKS: [char; 6] = [',', ';', '"', '\t', '\r', '\n'];

/// Characters that make a cell need quotes, with either separator: so a file
/// opened with the other separator still reads a quoted cell as one.
const NEEDS_QUOTES: [char; 5] = [',', ';', '"', '\r', '\n'];

/// A cell's text, guarded against formulas and quoted if it needs to be.
pub fn cell(text: &str) -> String {
    let guarded = guard(text);
    if guarded.contains(NEEDS_QUOTES) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The text with an apostrophe before every formula start where a cell can begin.
fn guard(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    let mut cell_can_begin = true;
    for c in text.chars() {
        if cell_can_begin && FORMULA_STARTS.contains(&c) {
            out.push('\'');
        }
        out.push(c);
        cell_can_begin = CELL_BREAKS.contains(&c);
    }
    out
}

/// One row: cells joined by the separator, ended by CRLF.
pub fn row<S: AsRef<str>>(cells: impl IntoIterator<Item = S>, sep: Separator) -> String {
    let cells: Vec<String> = cells.into_iter().map(|c| cell(c.as_ref())).collect();
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
/// each answer, their answer on each point (empty when untagged), then their
/// reason for each point (empty when none, or when the link's reasons could
/// not be read). The reasons' columns come after the answers', so the columns
/// a file had before reasons existed keep their places. Every reason is in
/// the file, those the teacher hid on screen too: the file is the teacher's
/// record of what the students sent; hiding is for the projected screen.
pub fn csv_per_student<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
    include_names: bool,
    sep: Separator,
) -> String {
    let mut header = vec![ui::class_csv_student().to_owned(), ui::class_csv_class().to_owned()];
    header.extend(CATEGORIES.iter().map(|&c| category_label(c).to_owned()));
    header.extend((1..=crate::POINT_COUNT).map(ui::class_csv_point_n));
    header.extend((1..=crate::POINT_COUNT).map(ui::class_csv_point_reason));
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
        let reasons = entry.reasons.as_ref().ok();
        cells.extend((1..=crate::POINT_COUNT as u8).map(|n| reasons.and_then(|r| r.get(n)).unwrap_or("").to_owned()));
        out.push_str(&row(cells, sep));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::{gather, Gathered};
    use crate::reasons::{Reasons, ReasonsUnreadable, MAX_REASON_CHARS};
    use crate::share::{fragment, fragment_with_reasons};
    use crate::tags::Tags;
    use crate::{content, POINT_COUNT};
    use proptest::prelude::*;

    const C: Separator = Separator::Comma;
    const S: Separator = Separator::Semicolon;

    #[test]
    fn cells_are_quoted_by_rfc_4180() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell(""), "");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(cell("Ana María"), "Ana María");
        assert_eq!(row(["a", "b,c", ""], C), "a,\"b,c\",\r\n");
    }

    #[test]
    fn a_cell_holding_either_separator_is_quoted_in_both_files() {
        for text in ["a;b", "a,b"] {
            assert_eq!(cell(text), format!("\"{text}\""));
        }
        assert_eq!(row(["a", "b;c", "d,e"], S), "a;\"b;c\";\"d,e\"\r\n");
        assert_eq!(row(["a", "b;c", "d,e"], C), "a,\"b;c\",\"d,e\"\r\n");
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

    #[test]
    fn formulas_are_defused_where_the_other_separator_would_start_a_cell() {
        // Issue 25: the comma file wrote these unquoted, and `;` split them into live formulas.
        assert_eq!(cell("a;=1+1;"), "\"a;'=1+1;\"");
        assert_eq!(cell(";=2+2;"), "\";'=2+2;\"");
        assert_eq!(cell("Bo,-1"), "\"Bo,'-1\"");
        // After a quote (a cell split off there may open with it) and a line break.
        assert_eq!(cell("x;\"=1"), "\"x;\"\"'=1\"");
        assert_eq!(cell("x\n@y"), "\"x\n'@y\"");
        // Elsewhere the text is left alone.
        assert_eq!(cell("a = b; c - d"), "\"a = b; c - d\"");
    }

    /// How a spreadsheet reads a file with `sep`: a cell that opens with a
    /// quote runs to the closing quote (`""` is one quote), and what follows
    /// up to the separator is added as it is; in any other cell a quote is
    /// plain text. Rows end at CR, LF or CRLF outside quotes.
    fn spreadsheet_rows(text: &str, sep: Separator) -> Vec<Vec<String>> {
        let (mut rows, mut cells, mut cur) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut at_cell_start = true;
        let mut in_quotes = false;
        while let Some(c) = chars.next() {
            if in_quotes {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        cur.push('"');
                        chars.next();
                    }
                    '"' => in_quotes = false,
                    c => cur.push(c),
                }
                continue;
            }
            match c {
                '"' if at_cell_start => in_quotes = true,
                c if c == sep.char() => cells.push(std::mem::take(&mut cur)),
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    cells.push(std::mem::take(&mut cur));
                    rows.push(std::mem::take(&mut cells));
                }
                c => cur.push(c),
            }
            at_cell_start = c == sep.char() || c == '\r' || c == '\n';
        }
        if !cur.is_empty() || !cells.is_empty() || in_quotes {
            cells.push(cur);
            rows.push(cells);
        }
        rows
    }

    /// How a tool that knows nothing of quotes splits a file: at every line
    /// break and separator, one opening quote dropped.
    fn naive_cells(text: &str, sep: Separator) -> Vec<String> {
        text.split(['\r', '\n'])
            .flat_map(|line| line.split(sep.char()))
            .map(|c| c.strip_prefix('"').unwrap_or(c).to_owned())
            .collect()
    }

    /// Every cell of the file, read with either separator, either way.
    fn every_reading(file: &str) -> Vec<String> {
        Separator::ALL
            .into_iter()
            .flat_map(|read_with| {
                spreadsheet_rows(file, read_with).into_iter().flatten().chain(naive_cells(file, read_with))
            })
            .collect()
    }

    /// Whether a spreadsheet could run the cell: it starts with a formula
    /// start, or does once leading tabs and line breaks are dropped (as some
    /// spreadsheets do). The one cell that may start with a line break is the
    /// runaway a reading with the other separator makes of a quote that closed
    /// a cell: it then holds the rest of the file, whose cells are guarded.
    fn runs_as_formula(cell: &str) -> bool {
        let rest = cell.trim_start_matches(['\t', '\r', '\n']);
        rest.starts_with(FORMULA_STARTS) || (cell.starts_with(FORMULA_STARTS) && !cell.starts_with("\r\n"))
    }

    #[test]
    fn the_spreadsheet_reading_follows_rfc_4180() {
        let rows = spreadsheet_rows("a,\"b,\"\"c\"\"\",\r\n\"x\ny\"z,w\n", C);
        assert_eq!(rows, vec![vec!["a", "b,\"c\"", ""], vec!["x\nyz", "w"]]);
        // A quote inside a cell is plain text; the other separator splits
        // there; a quote that opens a cell and never closes runs to the end.
        let rows = spreadsheet_rows("Student 1,\";=2+2;\",1\r\n", S);
        assert_eq!(rows, vec![vec!["Student 1,\"", "=2+2", ",1\r\n"]]);
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
        let csv = csv_per_point(&counts, content(), C);
        let line = csv.split("\r\n").nth(5).unwrap();
        assert!(line.starts_with(&format!("5,{},4,0,4,0,0,0,100,0,0,Ukraine,,", cell(theme_of(5)))), "{line}");
    }

    #[test]
    fn per_student_rows_with_and_without_names() {
        let g = gather(&class_text(), None);
        let named = csv_per_student(&g.entries, true, C);
        let lines: Vec<&str> = named.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("Student,Class,Russia,Ukraine,Neutral,Untagged,Point 1,Point 2,"));
        assert!(lines[0].contains(&format!(",Point {POINT_COUNT},Point 1 reason,Point 2 reason,")));
        assert!(lines[0].ends_with(&format!(",Point {POINT_COUNT} reason")));
        // No reasons in these links: their columns are empty.
        let (rest, no_reasons) = (",".repeat(POINT_COUNT - 2), ",".repeat(POINT_COUNT));
        assert_eq!(
            lines[1],
            format!("'=cmd|' /C calc'!A0,9B,1,1,0,{},Russia,Ukraine{rest}{no_reasons}", POINT_COUNT - 2)
        );
        assert_eq!(
            lines[2],
            format!("\"Bo, Jr\",,1,0,1,{},Russia,{}Neutral{no_reasons}", POINT_COUNT - 2, ",".repeat(POINT_COUNT - 2))
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

    /// A per-student file with one student of this name and class label.
    fn one_student(name: &str, label: &str, sep: Separator) -> (String, Gathered) {
        with_reasons(name, label, &[], sep)
    }

    /// The same, the student giving these reasons (each point tagged Russia).
    fn with_reasons(name: &str, label: &str, given: &[(u8, &str)], sep: Separator) -> (String, Gathered) {
        let mut t = Tags::default();
        t.set(1, Some(Tag::Russia));
        let mut reasons = Reasons::default();
        for &(n, text) in given {
            t.set(n, Some(Tag::Russia));
            reasons.set(n, text).unwrap();
        }
        let link = fragment_with_reasons(&t, &reasons, Some(name), Some(label)).unwrap();
        let g = gather(&format!("#{link}"), None);
        assert_eq!(g.entries[0].reasons, Ok(reasons), "{link}");
        (csv_per_student(&g.entries, true, sep), g)
    }

    /// Columns of a per-student row: the student, the class, four counts, an answer a point, a reason a point.
    const COLUMNS: usize = 2 + CATEGORIES.len() + 2 * POINT_COUNT;

    /// The column of point `n`'s reason.
    fn reason_column(n: u8) -> usize {
        2 + CATEGORIES.len() + POINT_COUNT + usize::from(n) - 1
    }

    #[test]
    fn names_and_class_labels_read_back_guarded_with_the_files_own_separator() {
        for sep in Separator::ALL {
            for start in DANGEROUS {
                let (csv, g) = one_student(&format!("{start}cmd|' /C calc'!A0"), &format!("{start}9B;x,y"), sep);
                let rows = spreadsheet_rows(&csv, sep);
                assert_eq!(rows.len(), 2, "{sep:?} {start:?}: {csv}");
                let cells = &rows[1];
                assert_eq!(cells.len(), COLUMNS, "{sep:?} {start:?}: {csv}");
                // The cleaned name and label (control characters such as tab and CR are dropped from them).
                let (name, label) = (g.entries[0].name.clone().unwrap(), g.entries[0].class.clone().unwrap());
                assert_eq!(cells[0], guard(&name), "{sep:?} {start:?}");
                assert_eq!(cells[1], guard(&label), "{sep:?} {start:?}");
                assert!(!runs_as_formula(&cells[0]) && !runs_as_formula(&cells[1]), "{sep:?} {start:?}");
            }
        }
    }

    #[test]
    fn a_file_opened_with_the_other_separator_holds_no_formula() {
        // The issue's name and class label, and every formula start after either separator.
        let mut cases = vec![("a;=1+1;".to_owned(), ";=2+2;".to_owned())];
        for start in DANGEROUS {
            cases.push((format!("Ana;{start}1+1"), format!("9B,{start}2+2;{start}3")));
        }
        for (name, label) in cases {
            for sep in Separator::ALL {
                let (csv, _) = one_student(&name, &label, sep);
                for cell in every_reading(&csv) {
                    assert!(
                        !runs_as_formula(&cell),
                        "{sep:?} file, name {name:?}, label {label:?}: cell {cell:?} in {csv}"
                    );
                }
            }
        }
    }

    #[test]
    fn reasons_have_a_column_a_point_after_the_answers() {
        let mut a = Tags::default();
        a.set(21, Some(Tag::Russia));
        a.set(6, Some(Tag::Ukraine));
        let mut reasons = Reasons::default();
        reasons.set(21, "It rewards the invasion.").unwrap();
        reasons.set(6, "Армія, \"обмежена\"; так").unwrap();
        let good = format!("#{}", fragment_with_reasons(&a, &reasons, Some("Ana"), None).unwrap());
        // The same student's reasons, damaged: the tags count, the reasons' cells stay empty.
        let damaged = good.replace("&name=Ana", "&name=Bo").replace("&why=", "&why=A");
        let g = gather(&format!("{good}\n{damaged}"), None);
        assert_eq!(g.entries[1].reasons, Err(ReasonsUnreadable::Damaged));
        for sep in Separator::ALL {
            let rows = spreadsheet_rows(&csv_per_student(&g.entries, false, sep), sep);
            assert_eq!(rows.len(), 3);
            assert!(rows.iter().all(|r| r.len() == COLUMNS), "{sep:?}");
            assert_eq!(rows[0][reason_column(21)], "Point 21 reason");
            assert_eq!(rows[1][reason_column(21)], "It rewards the invasion.");
            assert_eq!(rows[1][reason_column(6)], "Армія, \"обмежена\"; так");
            assert_eq!(rows[1][reason_column(5)], "");
            assert_eq!(rows[1][2 + CATEGORIES.len() + 20], "Russia", "the answers keep their columns");
            assert_eq!(rows[2][2 + CATEGORIES.len() + 20], "Russia");
            assert!(rows[2][reason_column(1)..].iter().all(String::is_empty), "{sep:?}");
        }
    }

    #[test]
    fn reasons_that_start_like_formulas_read_back_guarded_with_either_separator() {
        for start in DANGEROUS {
            // Tab and CR are spaces in a reason (then trimmed): what the link carries is the cleaned text.
            let given = [(5, format!("{start}1+1;x,\"q\"")), (9, format!("ok; {start}cmd|' /C calc'!A0"))];
            let given: Vec<(u8, &str)> = given.iter().map(|(n, t)| (*n, t.as_str())).collect();
            for sep in Separator::ALL {
                let (csv, g) = with_reasons("Ana", "9B", &given, sep);
                let reasons = g.entries[0].reasons.clone().unwrap();
                let rows = spreadsheet_rows(&csv, sep);
                assert_eq!(rows.len(), 2, "{sep:?} {start:?}: {csv}");
                for n in [5, 9] {
                    let cell = &rows[1][reason_column(n)];
                    assert_eq!(*cell, guard(reasons.get(n).unwrap()), "{sep:?} {start:?}");
                    assert!(!runs_as_formula(cell), "{sep:?} {start:?}: {cell:?}");
                }
                for cell in every_reading(&csv) {
                    assert!(!runs_as_formula(&cell), "{sep:?} file, start {start:?}: cell {cell:?} in {csv}");
                }
            }
        }
    }

    #[test]
    fn per_point_rows_split_into_the_same_cells_with_either_separator() {
        let g = gather(&class_text(), None);
        let counts = ClassCounts::count(g.entries.iter().map(|e| &e.tags));
        let (comma, semi) = (csv_per_point(&counts, content(), C), csv_per_point(&counts, content(), S));
        assert_eq!(spreadsheet_rows(&comma, C), spreadsheet_rows(&semi, S));
        for file in [comma, semi] {
            assert!(every_reading(&file).iter().all(|c| !runs_as_formula(c)), "{file}");
        }
    }

    /// Texts heavy in what matters here: formula starts, separators, quotes, line breaks.
    fn tricky_text() -> impl Strategy<Value = String> {
        prop_oneof!["[=+@a;,\"'\t\r\n ＝＋－＠-]{0,12}", any::<String>(),]
    }

    /// A reason as a student could write it: heavy in formula starts, separators and quotes.
    fn tricky_reason() -> impl Strategy<Value = String> {
        prop_oneof!["[=+@a;,\"'\t\r\n ＝＋－＠-]{1,36}", "[=+@-][a-z;,\" ]{0,20}", "\\PC{1,36}",]
    }

    proptest! {
        #[test]
        fn reasons_in_a_file_read_with_either_separator_never_start_a_formula_and_read_back(
            first in tricky_reason(),
            second in tricky_reason(),
            points in (1u8..=POINT_COUNT as u8, 1u8..=POINT_COUNT as u8),
        ) {
            let mut given: Vec<(u8, String)> = vec![(points.0, first)];
            if points.1 != points.0 {
                given.push((points.1, second));
            }
            // Within the budget, as the page allows (a reason with nothing visible is none).
            let given: Vec<(u8, String)> =
                given.into_iter().map(|(n, t)| (n, t.chars().take(MAX_REASON_CHARS).collect())).collect();
            let given: Vec<(u8, &str)> = given.iter().map(|(n, t)| (*n, t.as_str())).collect();
            for sep in Separator::ALL {
                let (file, g) = with_reasons("Ana", "9B", &given, sep);
                for read in every_reading(&file) {
                    prop_assert!(!runs_as_formula(&read), "{:?} file {:?}: cell {:?}", sep, file, read);
                }
                // With its own separator each reason reads back in its column, guarded.
                let rows = spreadsheet_rows(&file, sep);
                prop_assert_eq!(rows.len(), 2);
                prop_assert_eq!(rows[1].len(), COLUMNS);
                let reasons = g.entries[0].reasons.clone().unwrap();
                for n in 1..=POINT_COUNT as u8 {
                    prop_assert_eq!(&rows[1][reason_column(n)], &guard(reasons.get(n).unwrap_or("")));
                }
            }
        }

        #[test]
        fn any_cells_in_any_file_read_with_either_separator_never_start_a_formula(
            texts in proptest::collection::vec(tricky_text(), 1..5),
            numbers in proptest::collection::vec(0u32..1000, 0..3),
        ) {
            // Text cells among number cells, as in the exports.
            let cells: Vec<String> =
                texts.iter().cloned().chain(numbers.iter().map(u32::to_string)).collect();
            for sep in Separator::ALL {
                let file = row(&cells, sep);
                for read in every_reading(&file) {
                    prop_assert!(!runs_as_formula(&read), "{:?} file {:?}: cell {:?}", sep, file, read);
                }
                // With its own separator the row reads back as its cells, guarded.
                let rows = spreadsheet_rows(&file, sep);
                prop_assert_eq!(rows.len(), 1);
                let want: Vec<String> = cells.iter().map(|c| guard(c)).collect();
                prop_assert_eq!(&rows[0], &want);
            }
        }
    }
}
