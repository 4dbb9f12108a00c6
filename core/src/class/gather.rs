//! Reading what a teacher pasted: student share links, one a line, though
//! rarely that tidy. The text may be a chat log, a list, or a spreadsheet
//! export (a Google Forms CSV with a header row and quoted cells).
//!
//! How a line is read:
//! 1. The text is split at `\n` (a `\r` before it is dropped), and each line
//!    keeps its 1-based number in the original text, which is never changed.
//! 2. A line is cut into *tokens*: runs of characters that can stand in a
//!    link (ASCII letters and digits, `- . _ ~ % & = # : / ? +`, and letters
//!    of other scripts). Everything else separates links: spaces, tabs,
//!    commas, semicolons, quotes of every kind, brackets, `<` `>`, emoji.
//!    `percent_encode` escapes all of these in a name, so no real link is
//!    cut by them. Trailing `.` `:` `?` `!` are dropped (end of a sentence;
//!    so a name that ends the link loses a final period: "Ana B." → "Ana B").
//! 3. A token is cut again before every `#` and every `http://` or
//!    `https://`, so links pasted without a space between them are apart.
//! 4. A piece holding `share=` (at its start or after `?` `&` `/`) is a link:
//!    what follows goes to [`share::parse_link`] (`#share` alone is a link
//!    cut before its code: `ShareError::Empty`). A token with no `share=`
//!    but `share%3D` is a link whose fragment was escaped once more (a
//!    redirect or a form did it): `%23 %3D %26 %3F %2F %3A %25` are unescaped
//!    once and the token read again.
//! 5. A bare code is a piece of exactly `CODE_LEN` base64url characters that
//!    starts with a digit 1–9 and has a letter in it (a spreadsheet column of
//!    codes); it goes to [`share::parse_link`] too (a bare version 2 code is
//!    a link whose reasons were left behind: `ReasonsUnreadable::Missing`).
//!
//! Every link on a line counts on its own. What each link becomes:
//! - tags with at least one point tagged: an [`Entry`], unless its key was
//!   seen before (a [`Duplicate`]); a link whose reasons could not be read
//!   is an entry all the same, its `reasons` saying why (the report lists it);
//! - tags with no point tagged: an `empty` line, not counted;
//! - an error: an [`Invalid`] line with the error `share.rs` gave.
//!
//! Lines without any link: no letter or digit at all (blank, or only commas
//! of an empty CSV row) → ignored; the first line with text, if it has no
//! link and names a column (`timestamp`, `name`, `link`, `url`, `email`,
//! `class`, `student`, in any case, even inside a longer word or sentence)
//! → the `header`, and the text is read as CSV from then on (a quoted cell
//! may then run over several lines: they are one record, reported at its
//! first line); any other line (or record) with text → invalid, `NotACode`.

use super::ClassCounts;
use crate::reasons::{Reasons, ReasonsUnreadable};
use crate::share::{self, ShareError, CODE_LEN};
use crate::tags::Tags;
use std::collections::HashMap;

/// One student's tags, read from a link that was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub tags: Tags,
    /// The name in the link (cleaned by `share::clean_name`).
    pub name: Option<String>,
    /// The class label in the link (cleaned by `share::clean_class`).
    pub class: Option<String>,
    /// 1-based line of the pasted text the link was on.
    pub line: usize,
    /// What makes two links the same student: see [`entry_key`].
    pub key: String,
    /// The reasons in the link (none in a version 1 link), or why they could
    /// not be read: the tags count either way.
    pub reasons: Result<Reasons, ReasonsUnreadable>,
}

/// A link skipped because an earlier one had the same key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub line: usize,
    pub first_line: usize,
}

/// A line (or one link on it) that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub line: usize,
    /// At most [`EXCERPT_CHARS`] characters of the link (or of the line when
    /// it has no link), control characters shown as spaces.
    pub excerpt: String,
    /// The UI shows `error.message()`.
    pub error: ShareError,
}

/// Everything read from the pasted text. Lists are in line order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gathered {
    /// The teacher's class label, cleaned; `None` when not set.
    pub class_label: Option<String>,
    /// Students of the teacher's class: links with the teacher's label, and
    /// links with no label at all (see [`gather`]). Every link when the
    /// teacher set no label.
    pub entries: Vec<Entry>,
    /// Links labelled with another class than the teacher's.
    pub other_class: Vec<Entry>,
    pub duplicates: Vec<Duplicate>,
    pub invalid: Vec<Invalid>,
    /// Lines of links that carry no tag at all (not counted).
    pub empty: Vec<usize>,
    /// The CSV header row, if the text started with one.
    pub header: Option<usize>,
}

/// Longest excerpt of a bad line, in characters.
pub const EXCERPT_CHARS: usize = 60;

/// Words that mark the first line as a spreadsheet's header row.
const HEADER_WORDS: [&str; 7] = ["timestamp", "name", "link", "url", "email", "class", "student"];

/// Reads pasted text; `class_label` is the label the teacher set, if any.
///
/// Duplicates: two links are the same student when their tags are identical
/// and their names are equal ignoring case, or both have no name (a link with
/// a name and one without are two students). The class label plays no part.
/// The first link is kept; later ones are listed with the first one's line.
///
/// Other classes: when the teacher set a label, a link whose label differs
/// (ignoring case and spaces: "9 b" is "9B") goes to `other_class`; a link
/// with no label counts as the teacher's class, because students may have
/// opened the page before the label was set. Duplicates are found across
/// both lists.
pub fn gather(text: &str, class_label: Option<&str>) -> Gathered {
    let class_label = class_label.and_then(share::clean_class);
    let mut reader = Reader {
        teacher: class_label.as_deref().map(label_key),
        gathered: Gathered { class_label, ..Gathered::default() },
        seen: HashMap::new(),
        csv: false,
        quote_open: false,
        record: None,
        read_text: false,
    };
    for (i, line) in text.split('\n').enumerate() {
        reader.line(i + 1, line.strip_suffix('\r').unwrap_or(line));
    }
    reader.end_record();
    reader.gathered
}

/// The duplicate key: the canonical share code, then a space and the
/// lower-cased name when there is one (codes have a fixed length and no
/// spaces, so no two different pairs share a key).
pub fn entry_key(tags: &Tags, name: Option<&str>) -> String {
    let code = share::encode_tags(tags);
    match name {
        Some(name) => format!("{code} {}", name.to_lowercase()),
        None => code,
    }
}

/// Class labels compare ignoring case and white space.
pub fn label_key(label: &str) -> String {
    label.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

impl Gathered {
    /// How many lines hold a link that could not be read (a line with two
    /// broken links is one line).
    pub fn unreadable_lines(&self) -> usize {
        self.invalid.iter().map(|i| i.line).collect::<std::collections::BTreeSet<_>>().len()
    }

    /// The students the class view counts: the teacher's class, and the
    /// other classes' links too when `include_other_class`; in line order.
    pub fn included(&self, include_other_class: bool) -> Vec<&Entry> {
        let mut all: Vec<&Entry> = self.entries.iter().collect();
        if include_other_class {
            all.extend(&self.other_class);
            all.sort_by_key(|e| e.line); // stable: links on one line keep their order
        }
        all
    }

    /// Counts of the students `included` gives.
    pub fn counts(&self, include_other_class: bool) -> ClassCounts {
        ClassCounts::count(self.included(include_other_class).into_iter().map(|e| &e.tags))
    }

    /// Tags of the students `included` gives (for `camps::find_camps`).
    pub fn tags(&self, include_other_class: bool) -> Vec<Tags> {
        self.included(include_other_class).into_iter().map(|e| e.tags).collect()
    }

    /// Counted links whose reasons could not be read (line, why), the
    /// teacher's class and the others, in line order: their tags count.
    pub fn reasons_unread(&self) -> Vec<(usize, ReasonsUnreadable)> {
        let mut unread: Vec<(usize, ReasonsUnreadable)> = self
            .entries
            .iter()
            .chain(&self.other_class)
            .filter_map(|e| e.reasons.clone().err().map(|r| (e.line, r)))
            .collect();
        unread.sort_by_key(|(line, _)| *line);
        unread
    }

    /// The other classes' labels as first written, with how many links each,
    /// in order of first appearance.
    pub fn other_labels(&self) -> Vec<(String, usize)> {
        let mut order: Vec<(String, usize)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for label in self.other_class.iter().filter_map(|e| e.class.as_deref()) {
            let i = *index.entry(label_key(label)).or_insert_with(|| {
                order.push((label.to_owned(), 0));
                order.len() - 1
            });
            order[i].1 += 1;
        }
        order
    }
}

/// A record: one line, or several when a CSV quoted cell spans lines.
struct Record {
    line: usize,
    excerpt: String,
    has_text: bool,
    found_link: bool,
}

struct Reader {
    teacher: Option<String>,
    gathered: Gathered,
    /// Entry key → line of its first link: O(1) duplicate checks.
    seen: HashMap<String, usize>,
    /// Read as CSV (after a header row): quoted cells may span lines.
    csv: bool,
    quote_open: bool,
    record: Option<Record>,
    /// A line with text or a link was read: a header can no longer come.
    read_text: bool,
}

impl Reader {
    fn line(&mut self, number: usize, line: &str) {
        let continues = self.csv && self.quote_open;
        if self.csv {
            self.quote_open = quote_open_after(line, self.quote_open);
        }
        let links = links_in(line);
        let has_text = line.chars().any(char::is_alphanumeric);
        if !continues {
            self.end_record();
            let first = !self.read_text;
            self.read_text |= has_text || !links.is_empty();
            if first && has_text && links.is_empty() && looks_like_header(line) {
                self.gathered.header = Some(number);
                self.csv = true;
                self.quote_open = quote_open_after(line, false);
                return;
            }
            self.record = Some(Record { line: number, excerpt: excerpt(line), has_text, found_link: false });
        }
        if let Some(record) = &mut self.record {
            record.has_text |= has_text;
            record.found_link |= !links.is_empty();
        }
        for link in links {
            self.link(number, link);
        }
    }

    fn end_record(&mut self) {
        if let Some(r) = self.record.take() {
            if r.has_text && !r.found_link {
                self.gathered.invalid.push(Invalid { line: r.line, excerpt: r.excerpt, error: ShareError::NotACode });
            }
        }
    }

    fn link(&mut self, line: usize, link: Found) {
        let (shared, reasons) = match share::parse_link(&link.params) {
            Ok(link) => (link.shared, link.reasons),
            Err(error) => {
                self.gathered.invalid.push(Invalid { line, excerpt: excerpt(link.raw), error });
                return;
            }
        };
        if shared.tags.is_empty() {
            self.gathered.empty.push(line);
            return;
        }
        let key = entry_key(&shared.tags, shared.name.as_deref());
        if let Some(&first_line) = self.seen.get(&key) {
            self.gathered.duplicates.push(Duplicate { line, first_line });
            return;
        }
        self.seen.insert(key.clone(), line);
        let other = match (&self.teacher, &shared.class) {
            (Some(teacher), Some(class)) => label_key(class) != *teacher,
            _ => false,
        };
        let entry = Entry { tags: shared.tags, name: shared.name, class: shared.class, line, key, reasons };
        if other {
            self.gathered.other_class.push(entry);
        } else {
            self.gathered.entries.push(entry);
        }
    }
}

/// A link or bare code found on a line.
struct Found<'a> {
    /// The token it came from, for the excerpt.
    raw: &'a str,
    /// What follows `share=`, or the bare code (a code alone is a link's parameters too).
    params: String,
}

/// Characters that can stand in a link: see the module notes.
fn is_link_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~%&=#:/?+".contains(c) || (!c.is_ascii() && c.is_alphanumeric())
}

fn links_in(line: &str) -> Vec<Found<'_>> {
    let mut found = Vec::new();
    for token in line.split(|c| !is_link_char(c)).filter(|t| !t.is_empty()) {
        let token = token.trim_end_matches(['.', ':', '?', '!']);
        if token.contains("share=") {
            links_in_token(token, token, &mut found);
        } else if contains_ignoring_ascii_case(token, "share%3d") {
            let unescaped = unescape_structure(token);
            links_in_token(token, &unescaped, &mut found);
        } else {
            links_in_token(token, token, &mut found);
        }
    }
    found
}

/// Finds the links in one token (`text` is the token, or its unescaped form).
fn links_in_token<'a>(raw: &'a str, text: &str, found: &mut Vec<Found<'a>>) {
    for (after_hash, piece) in pieces(text) {
        if after_hash && piece == "share" {
            // `#share` and nothing more: a link cut before its code.
            found.push(Found { raw, params: String::new() });
        } else if let Some(params) = params_after_share(piece) {
            found.push(Found { raw, params: params.to_owned() });
        } else if is_bare_code(piece) {
            found.push(Found { raw, params: piece.to_owned() });
        }
    }
}

/// Cuts a token before every `#` and every `http://` or `https://`; says
/// whether each piece came right after a `#`.
fn pieces(token: &str) -> impl Iterator<Item = (bool, &str)> {
    token.split('#').enumerate().flat_map(|(i, part)| {
        let mut starts: Vec<usize> = part.match_indices("http").map(|(i, _)| i).filter(|&i| i > 0).collect();
        starts.retain(|&i| part[i..].starts_with("http://") || part[i..].starts_with("https://"));
        starts.push(part.len());
        let mut from = 0;
        starts.into_iter().map(move |to| {
            let piece = (i > 0 && from == 0, &part[from..to]);
            from = to;
            piece
        })
    })
}

/// What follows `share=` at the start of `piece` or after `?`, `&` or `/`.
fn params_after_share(piece: &str) -> Option<&str> {
    piece.match_indices("share=").find_map(|(i, m)| {
        let boundary = i == 0 || matches!(piece.as_bytes()[i - 1], b'?' | b'&' | b'/');
        boundary.then(|| &piece[i + m.len()..])
    })
}

fn is_bare_code(piece: &str) -> bool {
    let bytes = piece.as_bytes();
    bytes.len() == CODE_LEN
        && matches!(bytes[0], b'1'..=b'9')
        && bytes.iter().any(u8::is_ascii_alphabetic)
        && bytes.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn contains_ignoring_ascii_case(haystack: &str, needle: &str) -> bool {
    haystack.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Undoes one level of escaping of a link's structure (`# = & ? / : %`), and
/// nothing else: a name inside keeps its own escapes for `parse_params`.
fn unescape_structure(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    let mut rest = token;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let escaped = rest.get(i + 1..i + 3).and_then(|hex| match hex.to_ascii_uppercase().as_str() {
            "23" => Some('#'),
            "3D" => Some('='),
            "26" => Some('&'),
            "3F" => Some('?'),
            "2F" => Some('/'),
            "3A" => Some(':'),
            "25" => Some('%'),
            _ => None,
        });
        match escaped {
            Some(c) => {
                out.push(c);
                rest = &rest[i + 3..];
            }
            None => {
                out.push('%');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a CSV quoted cell is open at the end of `line`, given whether one
/// was open at its start. A quote opens a cell only at the cell's start; `""`
/// inside a quoted cell is a quote character.
fn quote_open_after(line: &str, mut open: bool) -> bool {
    let mut cell_start = !open;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if open {
            if c == '"' && chars.next_if_eq(&'"').is_none() {
                open = false;
            }
            continue;
        }
        match c {
            ',' | ';' | '\t' => cell_start = true,
            '"' if cell_start => open = true,
            ' ' => {}
            _ => cell_start = false,
        }
    }
    open
}

fn looks_like_header(line: &str) -> bool {
    let lower = line.to_lowercase();
    HEADER_WORDS.iter().any(|w| lower.contains(w))
}

/// At most `EXCERPT_CHARS` characters of `text`, trimmed, control characters
/// as spaces, `…` at the end when cut. Reads no further than it needs.
pub fn excerpt(text: &str) -> String {
    let mut chars = text.trim().chars().map(|c| if c.is_control() { ' ' } else { c });
    let mut out: String = chars.by_ref().take(EXCERPT_CHARS).collect();
    if chars.next().is_some() {
        out.pop();
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reasons::{Reasons, ReasonsUnreadable};
    use crate::share::{encode_tags, fragment};
    use crate::tags::Tag;
    use proptest::prelude::*;

    const PAGE: &str = "https://example.org/weigh-the-plan/";

    /// Distinct tags for every student number `i`: point 1 is Russia, the
    /// next points spell `i` in base 4.
    fn tags(i: usize) -> Tags {
        let mut t = Tags::default();
        t.set(1, Some(Tag::Russia));
        for n in 2..=crate::POINT_COUNT as u8 {
            t.set(n, Tag::from_bits((i >> (2 * (n - 2))) as u8));
        }
        t
    }

    fn link(i: usize, name: Option<&str>, class: Option<&str>) -> String {
        format!("{PAGE}#{}", fragment(&tags(i), name, class))
    }

    /// Student `i`'s link with reasons on point 1 and the next point `tags(i)` tags, if any.
    fn link_with_reasons(i: usize, name: Option<&str>, class: Option<&str>) -> String {
        format!("{PAGE}#{}", share::fragment_with_reasons(&tags(i), &reasons(i), name, class).unwrap())
    }

    fn reasons(i: usize) -> Reasons {
        let mut r = Reasons::default();
        r.set(1, &format!("Reason {i}: “unfair”, isn't it?")).unwrap();
        if let Some(n) = (2..=crate::POINT_COUNT as u8).find(|&n| tags(i).get(n).is_some()) {
            r.set(n, "Бо так, справді & без сумніву = 100%").unwrap();
        }
        r
    }

    fn lines_of(v: &[Invalid]) -> Vec<(usize, ShareError)> {
        v.iter().map(|i| (i.line, i.error)).collect()
    }

    #[test]
    fn one_link_a_line() {
        let text = format!("{}\n{}\n{}", link(0, Some("Ana"), None), link(1, Some("Bo"), None), link(2, None, None));
        let g = gather(&text, None);
        assert_eq!(g.entries.len(), 3);
        assert_eq!(g.entries[0].name.as_deref(), Some("Ana"));
        assert_eq!(g.entries[0].tags, tags(0));
        assert_eq!(g.entries.iter().map(|e| e.line).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert_eq!(g.entries[2].key, encode_tags(&tags(2)));
        assert_eq!(g.entries[0].key, format!("{} ana", encode_tags(&tags(0))));
        assert!(g.invalid.is_empty() && g.duplicates.is_empty() && g.empty.is_empty() && g.header.is_none());
    }

    #[test]
    fn links_inside_sentences_and_punctuation() {
        let text = format!(
            "here is mine: {} thanks\r\n\r\n(see {}).\r\n<{}>, \"{}\"; «{}»\r\n",
            link(0, Some("Ana"), None),
            link(1, None, None),
            link(2, None, None),
            link(3, None, None),
            link(4, None, None),
        );
        let g = gather(&text, None);
        assert_eq!(g.invalid, vec![]);
        assert_eq!(g.entries.iter().map(|e| e.line).collect::<Vec<_>>(), vec![1, 3, 4, 4, 4]);
        assert_eq!(g.entries.iter().map(|e| e.tags).collect::<Vec<_>>(), (0..5).map(tags).collect::<Vec<_>>());
        assert_eq!(g.entries[0].name.as_deref(), Some("Ana"));
    }

    #[test]
    fn a_sentence_ending_on_a_link_keeps_its_class() {
        let text = format!("Mine is {}. And {}.", link(0, None, Some("9B")), link(1, Some("Ana B."), None));
        let g = gather(&text, Some("9B"));
        assert_eq!(g.entries.len(), 2);
        assert_eq!(g.entries[0].class.as_deref(), Some("9B"));
        assert_eq!(g.entries[1].name.as_deref(), Some("Ana B"));
    }

    #[test]
    fn several_links_on_a_line_even_without_spaces() {
        let text = format!(
            "{},{};{}\t{}{}",
            link(0, None, None),
            link(1, None, None),
            link(2, None, None),
            link(3, Some("Dee"), None),
            link(4, None, None)
        );
        let g = gather(&text, None);
        assert_eq!(g.invalid, vec![]);
        assert_eq!(g.entries.len(), 5);
        assert_eq!(g.entries[3].name.as_deref(), Some("Dee"));
        // Glued by '#' only.
        let glued = format!("#{}#{}", fragment(&tags(5), None, None), fragment(&tags(6), None, None));
        assert_eq!(gather(&glued, None).entries.len(), 2);
    }

    #[test]
    fn bare_codes_and_query_style_links() {
        let text = format!(
            "{}\n  {}  \nshare={}\n{PAGE}?share={}",
            encode_tags(&tags(0)),
            encode_tags(&tags(1)),
            encode_tags(&tags(2)),
            encode_tags(&tags(3))
        );
        let g = gather(&text, None);
        assert_eq!(g.invalid, vec![]);
        assert_eq!(g.entries.len(), 4);
        // Not bare codes: too short, no letter, other characters.
        let g = gather("1234567890123\n2025\n1AbC", None);
        assert_eq!(
            lines_of(&g.invalid),
            vec![(1, ShareError::NotACode), (2, ShareError::NotACode), (3, ShareError::NotACode)]
        );
        // A word is not a link even with "share" in it.
        assert_eq!(lines_of(&gather("myshare=1AAAAAAAAAAA", None).invalid), vec![(1, ShareError::NotACode)]);
    }

    #[test]
    fn percent_encoded_fragments() {
        let f = fragment(&tags(0), Some("Ana María"), Some("9B"));
        let once = share::percent_encode(&format!("{PAGE}#{f}"));
        assert!(once.contains("%23share%3D"), "{once}");
        let g = gather(&format!("https://redirect.example/?u={once}"), None);
        assert_eq!(g.invalid, vec![]);
        assert_eq!(g.entries.len(), 1);
        assert_eq!(g.entries[0].name.as_deref(), Some("Ana María"));
        assert_eq!(g.entries[0].class.as_deref(), Some("9B"));
        // A search engine's redirect with its own parameters after the fragment.
        let google = format!("https://www.google.com/url?q={}&sa=D&ust=1", once.replace("%3A%2F%2F", "://"));
        assert_eq!(gather(&google, None).entries.len(), 1, "{google}");
        // Markdown and chat formatting around a link.
        let md = format!("[my link]({}) *{}*", link(1, None, None), link(2, None, None));
        assert_eq!(gather(&md, None).entries.len(), 2);
        // Lower-case escapes too.
        let lower = format!("%23share%3d{}%26name%3dBo", encode_tags(&tags(1)));
        assert_eq!(gather(&lower, None).entries[0].name.as_deref(), Some("Bo"));
    }

    #[test]
    fn csv_export_with_header_and_quoted_cells() {
        let text = format!(
            "\"Timestamp\",\"Your name\",\"Paste your link\",\"Comments\"\r\n\
             \"2025/11/24 10:01:00\",\"Ana\",\"{}\",\"\"\r\n\
             \"2025/11/24 10:02:00\",\"Bo, Jr.\",\"{}\",\"I think\r\n\
             point 5 is \"\"unfair\"\"\r\n\
             really\"\r\n\
             \"2025/11/24 10:03:00\",\"Cy\",\"\",\"forgot\"\r\n\
             ,,,\r\n\
             \"2025/11/24 10:04:00\",\"Di\",\"{}\",\"\"\r\n",
            link(0, Some("Ana"), None),
            link(1, None, None),
            encode_tags(&tags(2))
        );
        let g = gather(&text, None);
        assert_eq!(g.header, Some(1));
        assert_eq!(g.entries.iter().map(|e| e.line).collect::<Vec<_>>(), vec![2, 3, 8]);
        // Line 6 has text and no link; the comment's lines 4-5 belong to line 3's record.
        assert_eq!(lines_of(&g.invalid), vec![(6, ShareError::NotACode)]);
        assert!(g.invalid[0].excerpt.starts_with("\"2025/11/24 10:03:00\""));
    }

    #[test]
    fn a_header_only_counts_as_the_first_line() {
        let text = format!("{}\nname\n", link(0, None, None));
        let g = gather(&text, None);
        assert_eq!(g.header, None);
        assert_eq!(lines_of(&g.invalid), vec![(2, ShareError::NotACode)]);
        // Blank lines may come before it.
        let g = gather(&format!("\n \r\nName,Link\n{}", link(0, None, None)), None);
        assert_eq!((g.header, g.entries[0].line), (Some(3), 4));
        // Without the CSV header, quotes do not join lines.
        let g = gather(&format!("\"open\n{}\nhello", link(0, None, None)), None);
        assert_eq!(lines_of(&g.invalid), vec![(1, ShareError::NotACode), (3, ShareError::NotACode)]);
    }

    #[test]
    fn bad_links_get_their_own_errors_and_excerpts() {
        let good = encode_tags(&tags(0));
        let text = format!(
            "{PAGE}#share={}\n\n   \n{PAGE}#share=9{}\nhello there\n#share=\n{PAGE}#share={}&name=%E2%28\n{PAGE}#share={}X\n{}",
            &good[..6],
            &good[1..],
            good,
            &good[..11],
            "é".repeat(100)
        );
        let g = gather(&text, None);
        assert_eq!(
            lines_of(&g.invalid),
            vec![
                (1, ShareError::Incomplete),
                (4, ShareError::UnknownVersion),
                (5, ShareError::NotACode),
                (6, ShareError::Empty),
                (7, ShareError::BadName),
                (8, ShareError::Damaged),
                (9, ShareError::NotACode),
            ]
        );
        assert_eq!(g.invalid[2].excerpt, "hello there");
        assert_eq!(lines_of(&gather("https://example.org/#share", None).invalid), vec![(1, ShareError::Empty)]);
        assert_eq!(g.invalid[6].excerpt.chars().count(), EXCERPT_CHARS);
        assert!(g.invalid[6].excerpt.ends_with('…'));
        assert!(g.invalid[0].excerpt.starts_with("https://example.org/"));
        assert!(g.entries.is_empty());
    }

    #[test]
    fn empty_links_are_reported_not_counted() {
        let text = format!("{PAGE}#share=1AAAAAAAAAAA&name=Ana\n1AAAAAAAAAAA\n{}", link(0, None, None));
        let g = gather(&text, None);
        assert_eq!(g.empty, vec![1, 2]);
        assert_eq!(g.entries.len(), 1);
        assert!(g.invalid.is_empty());
    }

    #[test]
    fn duplicates_follow_the_documented_rule() {
        let text = [
            link(0, Some("Ana"), None),       // 1: kept
            link(0, Some("ANA"), Some("9B")), // 2: same tags, same name ignoring case: duplicate
            link(0, Some("Bo"), None),        // 3: same tags, another name: kept
            link(0, None, None),              // 4: same tags, no name: kept (a name and none differ)
            encode_tags(&tags(0)),            // 5: no name again: duplicate of 4
            link(1, Some("Ana"), None),       // 6: other tags: kept
        ]
        .join("\n");
        let g = gather(&text, None);
        assert_eq!(g.entries.iter().map(|e| e.line).collect::<Vec<_>>(), vec![1, 3, 4, 6]);
        assert_eq!(g.duplicates, vec![Duplicate { line: 2, first_line: 1 }, Duplicate { line: 5, first_line: 4 }]);
    }

    #[test]
    fn other_classes_are_kept_apart_and_unlabelled_links_count_as_ours() {
        let text = [
            link(0, None, Some("9B")),
            link(1, None, Some("9 b")),
            link(2, None, None),
            link(3, None, Some("9C")),
            link(4, None, Some("10A")),
            link(5, None, Some("9c")),
            link(3, None, Some("9B")),
        ]
        .join("\n");
        let g = gather(&text, Some(" 9B "));
        assert_eq!(g.class_label.as_deref(), Some("9B"));
        assert_eq!(g.entries.iter().map(|e| e.line).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert_eq!(g.other_class.iter().map(|e| e.line).collect::<Vec<_>>(), vec![4, 5, 6]);
        assert_eq!(g.other_labels(), vec![("9C".to_owned(), 2), ("10A".to_owned(), 1)]);
        assert_eq!(g.duplicates, vec![Duplicate { line: 7, first_line: 4 }]);
        assert_eq!(g.included(false).len(), 3);
        assert_eq!(g.counts(false).students(), 3);
        assert_eq!(g.counts(true).students(), 6);
        assert_eq!(g.tags(true)[3], tags(3));
        assert_eq!(g.included(true).iter().map(|e| e.line).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5, 6]);
        // No label set: everyone counts.
        let g = gather(&text, Some("   "));
        assert_eq!((g.class_label, g.entries.len(), g.other_class.len()), (None, 6, 0));
    }

    #[test]
    fn ten_thousand_lines_and_duplicates() {
        let text: String = (0..10_000).map(|i| link(i % 25, None, None) + "\n").collect();
        let g = gather(&text, None);
        assert_eq!(g.entries.len(), 25);
        assert_eq!(g.duplicates.len(), 9_975);
        assert_eq!(g.duplicates[0], Duplicate { line: 26, first_line: 1 });
        let same = format!("{}\n", link(7, Some("Ana"), None)).repeat(10_000);
        let g = gather(&same, None);
        assert_eq!((g.entries.len(), g.duplicates.len()), (1, 9_999));
        assert_eq!(g.duplicates.last(), Some(&Duplicate { line: 10_000, first_line: 1 }));
    }

    #[test]
    fn ten_thousand_distinct_students() {
        let text: String =
            (0..10_000).map(|i| format!("{}\r\n", link(i, Some(&format!("Student {i}")), Some("9B")))).collect();
        let g = gather(&text, Some("9b"));
        assert_eq!(g.entries.len(), 10_000);
        assert!(g.invalid.is_empty() && g.duplicates.is_empty());
    }

    #[test]
    fn a_megabyte_of_text_and_one_long_line() {
        let mut text = "x".repeat(1 << 20);
        text.push('\n');
        text.push_str(&link(0, None, None));
        let g = gather(&text, None);
        assert_eq!(g.entries[0].line, 2);
        assert_eq!(g.invalid.len(), 1);
        assert_eq!(g.invalid[0].error, ShareError::NotACode);
        assert_eq!(g.invalid[0].excerpt.chars().count(), EXCERPT_CHARS);
        let spaced = format!("{} {}", "word ".repeat(200_000), link(0, None, None));
        let g = gather(&spaced, None);
        assert_eq!((g.entries.len(), g.invalid.len()), (1, 0));
        let long = format!("{PAGE}#share={}", "A".repeat(1 << 20));
        assert_eq!(lines_of(&gather(&long, None).invalid), vec![(1, ShareError::TooLong)]);
    }

    #[test]
    fn binary_garbage_is_reported_not_fatal() {
        let bytes: Vec<u8> = (0..1_000_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let g = gather(&text, None);
        assert!(g.entries.is_empty());
        assert!(g.invalid.iter().all(|i| i.excerpt.chars().count() <= EXCERPT_CHARS));
        assert!(g.invalid.iter().all(|i| !i.excerpt.chars().any(char::is_control)));
    }

    #[test]
    fn excerpts_are_char_safe() {
        assert_eq!(excerpt("  abc\t\u{0}d  "), "abc  d");
        assert_eq!(excerpt(&"😀".repeat(61)).chars().count(), 60);
        assert_eq!(excerpt(&"😀".repeat(60)), "😀".repeat(60));
    }

    #[test]
    fn csv_quote_state() {
        assert!(!quote_open_after("a,\"b\",c", false));
        assert!(quote_open_after("a,\"b", false));
        assert!(!quote_open_after("still \"\"quoted\"\" end\",x", true));
        assert!(!quote_open_after("it\"s", false));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn arbitrary_text_never_panics(text in "(?s).{0,400}", label in proptest::option::of(".{0,10}")) {
            let g = gather(&text, label.as_deref());
            let lines = text.split('\n').count();
            prop_assert!(g.invalid.iter().all(|i| i.line >= 1 && i.line <= lines));
            prop_assert!(g.entries.iter().all(|e| !e.tags.is_empty()));
        }

        #[test]
        fn link_shaped_noise_never_panics(parts in proptest::collection::vec(prop_oneof![
            Just("share=".to_owned()), Just("#".to_owned()), Just("%23share%3D".to_owned()), Just("%3d".to_owned()),
            Just("&name=".to_owned()), Just("&class=".to_owned()), Just("%".to_owned()), Just("%E2%28".to_owned()),
            Just("https://x.org/".to_owned()), Just("\"".to_owned()), Just(",".to_owned()), Just("\n".to_owned()),
            Just("\r\n".to_owned()), Just(" ".to_owned()), Just(".".to_owned()), Just("Timestamp".to_owned()),
            (0usize..50).prop_map(|i| encode_tags(&tags(i))), "[a-zA-Z0-9_-]{0,14}", ".{0,3}",
        ], 0..40), label in proptest::option::of("9[A-C]")) {
            let text = parts.concat();
            let g = gather(&text, label.as_deref());
            let lines = text.split('\n').count();
            let mut keys = std::collections::HashSet::new();
            for e in g.entries.iter().chain(&g.other_class) {
                prop_assert!(e.line >= 1 && e.line <= lines);
                prop_assert!(keys.insert(e.key.clone()), "duplicate key {}", e.key);
            }
            prop_assert!(g.duplicates.iter().all(|d| d.first_line <= d.line && d.line <= lines));
            prop_assert!(g.invalid.iter().all(|i| i.excerpt.chars().count() <= EXCERPT_CHARS));
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = gather(&String::from_utf8_lossy(&bytes), Some("9B"));
        }

        #[test]
        fn links_survive_any_surrounding_text(
            before in "[ a-z,;:()<>\"']{0,20}",
            after in "[ a-z,;:()<>\"'.!?]{0,20}",
            i in 0usize..1000,
        ) {
            let text = format!("{before} {} {after}", link(i, Some("Ana"), None));
            let g = gather(&text, None);
            prop_assert_eq!(g.entries.len(), 1);
            prop_assert_eq!(g.entries[0].tags, tags(i));
            prop_assert_eq!(g.entries[0].name.as_deref(), Some("Ana"));
            let text = format!("{before} {} {after}", link_with_reasons(i, Some("Ana"), None));
            let g = gather(&text, None);
            prop_assert_eq!(g.entries.len(), 1);
            prop_assert_eq!(&g.entries[0].reasons, &Ok(reasons(i)));
        }

        #[test]
        fn mutated_reason_links_never_panic_and_always_count_their_tags(
            i in 0usize..1000, pos in 0usize..2000, with in ".{0,3}",
        ) {
            let good = link_with_reasons(i, Some("Ana"), Some("9B"));
            let why = good.rfind("&why=").unwrap() + 5;
            let at = why + pos % (good.len() - why);
            let mutated = format!("{}{with}{}", &good[..at], &good[at + 1..]);
            let g = gather(&mutated, Some("9B"));
            // The tags are before the reasons: whatever happens to the reasons,
            // the student is counted, with reasons read whole or not at all.
            prop_assert_eq!(g.entries.len() + g.other_class.len() + g.invalid.len() >= 1, true);
            if let Some(e) = g.entries.first() {
                prop_assert_eq!(e.tags, tags(i));
                prop_assert!(e.reasons.as_ref().map_or(true, |r| *r == reasons(i)));
            }
        }
    }

    #[test]
    fn links_with_reasons_read_like_any_link() {
        let escaped = share::percent_encode(&link_with_reasons(3, Some("Ana María"), Some("9B")));
        let text = format!(
            "mine: {}. thanks\n\"{}\", {}\nhttps://redirect.example/?u={escaped}\n{}{}\n{}",
            link_with_reasons(0, Some("Ana"), None),
            link_with_reasons(1, None, Some("9B")),
            link(2, Some("Bo"), None),
            link_with_reasons(4, None, None),
            link_with_reasons(5, Some("Cy"), None),
            link(6, None, None),
        );
        let g = gather(&text, Some("9B"));
        assert_eq!(g.invalid, vec![]);
        assert_eq!(g.entries.iter().map(|e| e.line).collect::<Vec<_>>(), vec![1, 2, 2, 3, 4, 4, 5]);
        let read: Vec<Reasons> = g.entries.iter().map(|e| e.reasons.clone().unwrap()).collect();
        assert_eq!(
            read,
            vec![reasons(0), reasons(1), Reasons::default(), reasons(3), reasons(4), reasons(5), Reasons::default()]
        );
        assert_eq!(g.entries[3].name.as_deref(), Some("Ana María"));
        assert_eq!(g.entries[5].name.as_deref(), Some("Cy"));
        assert!(g.reasons_unread().is_empty());
        // A student's link with reasons and without is the same student (tags and name).
        let both = format!("{}\n{}", link(0, Some("Ana"), None), link_with_reasons(0, Some("ana"), None));
        assert_eq!(gather(&both, None).duplicates, vec![Duplicate { line: 2, first_line: 1 }]);
    }

    #[test]
    fn damaged_reasons_leave_the_student_counted() {
        let good = link_with_reasons(0, Some("Ana"), None);
        let text = [
            good[..good.len() - 5].to_owned(),                           // cut in the reasons
            link_with_reasons(1, None, None).replace("&why=", "&why=x"), // changed
            link_with_reasons(2, None, None).split("&why=").next().unwrap().to_owned(), // reasons lost
            format!("{}{}", link_with_reasons(3, None, None), "A".repeat(100 * 1024)), // 100 KB
            encode_tags(&tags(4)).replacen('1', "2", 1),                 // a damaged bare code
            share::fragment_with_reasons(&tags(5), &reasons(5), None, None).unwrap()[6..][..CODE_LEN].to_owned(),
        ]
        .join("\n");
        let g = gather(&text, None);
        assert_eq!(
            g.entries.iter().map(|e| e.tags).collect::<Vec<_>>(),
            vec![tags(0), tags(1), tags(2), tags(3), tags(5)]
        );
        use ReasonsUnreadable::*;
        assert_eq!(g.reasons_unread(), vec![(1, Damaged), (2, Damaged), (3, Missing), (4, TooLong), (6, Missing)]);
        assert_eq!(lines_of(&g.invalid), vec![(5, ShareError::Damaged)]);
        assert_eq!(g.counts(false).students(), 5);
    }

    #[test]
    fn two_broken_links_on_one_line_are_one_unreadable_line() {
        let g = gather(&format!("{PAGE}#share=1AB {PAGE}#share=1CD\nno link here"), None);
        assert_eq!(g.invalid.len(), 3);
        assert_eq!(g.unreadable_lines(), 2);
    }
}
