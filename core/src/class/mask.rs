//! Hiding students' names on a projected screen. While the class view's
//! names are off, the "Student links" box shows every link's `name=` value
//! as `•••`; the real text (what is read, saved and exported) keeps them.
//!
//! The box stays editable: an edit of the masked text is carried over to the
//! real text by [`Masked::apply_edit`] (the changed stretch between the
//! common start and end of the two texts). An edit that touches a hidden
//! name replaces that whole name, since its letters are not on screen.

use std::ops::Range;

/// What a hidden name shows as (the same for every name: no length leaks).
pub const HIDDEN: &str = "•••";

/// A text with its names hidden, and where each hidden name lies in both texts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Masked {
    /// What the box shows.
    pub text: String,
    /// Byte ranges of each hidden name: in `text`, and in the real text.
    spans: Vec<(Range<usize>, Range<usize>)>,
}

/// Hides the value of every `name=` parameter of a link in `real`.
pub fn mask_names(real: &str) -> Masked {
    let mut out = Masked { text: String::with_capacity(real.len()), spans: Vec::new() };
    let mut copied = 0;
    for value in name_values(real) {
        out.text.push_str(&real[copied..value.start]);
        let start = out.text.len();
        out.text.push_str(HIDDEN);
        out.spans.push((start..out.text.len(), value.clone()));
        copied = value.end;
    }
    out.text.push_str(&real[copied..]);
    out
}

/// Whether `real` holds any name the mask would hide.
pub fn has_names(real: &str) -> bool {
    name_values(real).next().is_some()
}

/// The byte ranges of the non-empty values of `name=` (or `name%3D`, a link
/// escaped once more) right after `?`, `&` or `%26`, up to the next `&`,
/// `#`, `%26` or a character that cannot be in a link (space, quote, comma…).
fn name_values(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let at = from + find_ascii_ci(&text[from..], "name")?;
        from = at + 4;
        let after_sep =
            at >= 1 && matches!(bytes[at - 1], b'&' | b'?') || at >= 3 && text[at - 3..at].eq_ignore_ascii_case("%26");
        let value_start = if text[from..].starts_with('=') {
            from + 1
        } else if text.get(from..from + 3).is_some_and(|s| s.eq_ignore_ascii_case("%3D")) {
            from + 3
        } else {
            continue;
        };
        if !after_sep {
            continue;
        }
        let end = value_start + value_len(&text[value_start..]);
        from = end.max(from);
        if end > value_start {
            return Some(value_start..end);
        }
    })
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// How far a name's value runs: the characters a link can carry (as the
/// class reader cuts tokens), stopping at the next parameter or fragment.
fn value_len(rest: &str) -> usize {
    let mut len = 0;
    for c in rest.chars() {
        let link_char = c.is_alphanumeric() || "-._~%=:/?+".contains(c);
        if !link_char || rest[len..].get(..3).is_some_and(|s| s.eq_ignore_ascii_case("%26")) {
            break;
        }
        len += c.len_utf8();
    }
    len
}

impl Masked {
    /// The real text after the box's text went from `self.text` to `edited`,
    /// given the `real` text `self` was made from.
    pub fn apply_edit(&self, real: &str, edited: &str) -> String {
        self.apply_edit_at(real, edited, None).0
    }

    /// [`Masked::apply_edit`], given where the caret is in `edited` (byte
    /// offset; typing and pasting end there, which settles where an edit
    /// was when the text around it repeats), and where the typed or pasted
    /// text ends in the new real text (where the caret belongs).
    pub fn apply_edit_at(&self, real: &str, edited: &str, caret: Option<usize>) -> (String, usize) {
        let (start, end_old, end_new) = changed_stretch(&self.text, edited, caret);
        let (real_start, real_end) = (self.to_real(start, false), self.to_real(end_old, true));
        let inserted = &edited[start..end_new];
        let mut out = String::with_capacity(real.len() + inserted.len());
        out.push_str(&real[..real_start]);
        out.push_str(inserted);
        out.push_str(&real[real_end..]);
        (out, real_start + inserted.len())
    }

    /// The position in the real text of position `at` of the masked text.
    /// Inside a hidden name it is the name's start, or its end when `end`.
    fn to_real(&self, at: usize, end: bool) -> usize {
        let mut shift: isize = 0;
        for (masked, real) in &self.spans {
            if at <= masked.start {
                break;
            }
            if at < masked.end {
                return if end { real.end } else { real.start };
            }
            shift += real.len() as isize - masked.len() as isize;
        }
        (at as isize + shift) as usize
    }

    /// The position in the masked text of position `at` of the real text
    /// (inside a hidden name: the end of its `•••`), for the caret.
    pub fn to_masked(&self, at: usize) -> usize {
        let mut shift: isize = 0;
        for (masked, real) in &self.spans {
            if at <= real.start {
                break;
            }
            if at < real.end {
                return masked.end;
            }
            shift += masked.len() as isize - real.len() as isize;
        }
        (at as isize + shift) as usize
    }
}

/// Where two texts differ: the byte offset where they stop agreeing from the
/// start, and where the changed stretch ends in the old and the new text
/// (after the longest common end that does not overlap the start). With the
/// caret known, the stretch ends at the caret whenever that fits.
pub fn changed_stretch(old: &str, new: &str, caret: Option<usize>) -> (usize, usize, usize) {
    if let Some(c) = caret.filter(|&c| new.is_char_boundary(c) && old.ends_with(&new[c..])) {
        let end_old = old.len() - (new.len() - c);
        let prefix: usize =
            old[..end_old].chars().zip(new[..c].chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
        return (prefix, end_old, c);
    }
    let prefix: usize = old.chars().zip(new.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    let room = old.len().min(new.len()) - prefix;
    let mut suffix = 0;
    for (a, b) in old[prefix..].chars().rev().zip(new[prefix..].chars().rev()) {
        if a != b || suffix + a.len_utf8() > room {
            break;
        }
        suffix += a.len_utf8();
    }
    (prefix, old.len() - suffix, new.len() - suffix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TWO: &str = "https://x.org/plan/#share=1AAAAAAAAA&name=Ana%20B&class=9B\n#share=1BBB&name=Bo";

    #[test]
    fn names_are_hidden_and_nothing_else() {
        let m = mask_names(TWO);
        assert_eq!(m.text, "https://x.org/plan/#share=1AAAAAAAAA&name=•••&class=9B\n#share=1BBB&name=•••");
        assert_eq!(mask_names("no links here, name=Ana").text, "no links here, name=Ana");
        assert_eq!(mask_names("#share=1A&name=").text, "#share=1A&name=");
        // Escaped once more by a form or a redirect.
        assert_eq!(
            mask_names("%23share%3D1A%26name%3DAna%26class%3D9B").text,
            "%23share%3D1A%26name%3D•••%26class%3D9B"
        );
        // In a chat line: the name ends where the link does.
        assert_eq!(mask_names("Ana: #share=1A&name=Ana, thanks").text, "Ana: #share=1A&name=•••, thanks");
        assert_eq!(mask_names("#share=1A&NAME=Олена").text, "#share=1A&NAME=•••");
        assert!(has_names(TWO) && !has_names("#share=1A&class=9B"));
    }

    #[test]
    fn typing_outside_a_name_reaches_the_real_text() {
        let m = mask_names(TWO);
        let edited = format!("{}\n#share=1CCC", m.text);
        assert_eq!(m.apply_edit(TWO, &edited), format!("{TWO}\n#share=1CCC"));
        let edited = m.text.replacen("9B", "9C", 1);
        assert_eq!(m.apply_edit(TWO, &edited), TWO.replacen("9B", "9C", 1));
    }

    #[test]
    fn a_pasted_link_keeps_its_name() {
        let m = mask_names(TWO);
        let pasted = "\n#share=1DDD&name=Cara";
        let edited = format!("{}{pasted}", m.text);
        assert_eq!(m.apply_edit(TWO, &edited), format!("{TWO}{pasted}"));
    }

    #[test]
    fn deleting_a_line_deletes_its_hidden_name() {
        let m = mask_names(TWO);
        let first_line = m.text.split('\n').next().unwrap();
        assert_eq!(m.apply_edit(TWO, first_line), TWO.split('\n').next().unwrap());
        assert_eq!(m.apply_edit(TWO, ""), "");
    }

    #[test]
    fn an_edit_inside_a_hidden_name_replaces_the_name() {
        let m = mask_names("#share=1A&name=Ana&class=9B");
        assert_eq!(
            m.apply_edit("#share=1A&name=Ana&class=9B", "#share=1A&name=Bo&class=9B"),
            "#share=1A&name=Bo&class=9B"
        );
    }

    #[test]
    fn a_paste_in_the_middle_puts_the_caret_after_it() {
        let m = mask_names(TWO);
        let at = m.text.find('\n').unwrap();
        let edited = format!("{}\n#share=1E&name=Eve{}", &m.text[..at], &m.text[at..]);
        let caret_in_box = at + "\n#share=1E&name=Eve".len();
        let (real, caret) = m.apply_edit_at(TWO, &edited, Some(caret_in_box));
        // Without the caret the edit is ambiguous (the pasted line starts like the next one); the text is right either way.
        assert_eq!(m.apply_edit_at(TWO, &edited, None).0, real);
        assert_eq!(&real[..caret], format!("{}\n#share=1E&name=Eve", TWO.split('\n').next().unwrap()));
        let after = mask_names(&real);
        assert_eq!(&after.text[..after.to_masked(caret)], format!("{}\n#share=1E&name=•••", &m.text[..at]));
    }

    #[test]
    fn the_caret_lands_after_what_was_typed() {
        let real = "#share=1A&name=Ana\n";
        let m = mask_names(real);
        assert_eq!(m.to_masked(real.len()), m.text.len());
        assert_eq!(m.to_masked(0), 0);
        assert_eq!(m.to_masked(real.find("Ana").unwrap() + 1), m.text.find('\n').unwrap());
    }

    proptest! {
        #[test]
        fn an_edit_away_from_names_is_the_same_edit_of_the_real_text(
            names in proptest::collection::vec("[A-Za-zé ]{0,8}", 0..4),
            insert in "[ -~\n]{0,12}",
            at in 0usize..100,
        ) {
            let real: String = names.iter().map(|n| format!("#share=1A&name={}&class=9\n", n.replace(' ', "%20"))).collect();
            let m = mask_names(&real);
            // Insert at a line start of the masked text (never inside a name).
            let starts: Vec<usize> = std::iter::once(0).chain(m.text.match_indices('\n').map(|(i, _)| i + 1)).collect();
            let pos = starts[at % starts.len()];
            let edited = format!("{}{insert}{}", &m.text[..pos], &m.text[pos..]);
            let real_pos = m.to_real(pos, false);
            prop_assert_eq!(m.apply_edit(&real, &edited), format!("{}{insert}{}", &real[..real_pos], &real[real_pos..]));
        }

        #[test]
        fn masking_never_panics_and_unmasked_text_is_unchanged(text in "\\PC{0,80}") {
            let m = mask_names(&text);
            if !has_names(&text) {
                prop_assert_eq!(&m.text, &text);
            }
            prop_assert_eq!(m.apply_edit(&text, &m.text), text.clone());
            let (a, b, c) = changed_stretch(&text, &m.text, None);
            prop_assert!(a <= b && a <= c);
        }
    }
}
