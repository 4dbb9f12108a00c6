//! The reader's reasons: an optional short text beside a point's tag ("why
//! point 21 favors Russia, in your words"), carried in the share link.
//!
//! Budget: at most [`MAX_REASONS`] reasons of at most [`MAX_REASON_CHARS`]
//! characters (Unicode scalar values) each. Nothing is ever cut: a reason
//! over the budget is refused with a [`ReasonRefused`], and [`chars_left`]
//! tells the field how far it is from the limit.
//!
//! Why 2 × 36 and not the 3 × 120 the issue proposed: the class view's
//! camera reads codes with `rqrr` from 640×480 frames, and how often it reads
//! a code held up falls steeply with the code's QR version
//! (`qr-worker/tests/full_budget.rs`, a code 370–440 px wide, hand-held
//! poses): 91 poses in 100 at version 9 (today's link with a Cyrillic name),
//! 83 at version 12, 67 at 13, 35 at version 20, which a link with 3 reasons
//! of 120 characters needs. A link with two reasons of 36 characters, a 15-letter Cyrillic
//! name and a class label stays within version 12 (today's link with that
//! name is version 9), and at under 300 characters it pastes into any chat
//! (links of 2,000 characters and more travel whole in the usual chat apps
//! and mail; a long link is more likely cut by a person copying by hand).
//!
//! Cleaning ([`clean_reason`]) is the names' (`share::clean_label`): bidi
//! controls and invisible characters stripped, control characters dropped,
//! trimmed, and a reason with nothing visible left is no reason. Two
//! differences: a line break or tab becomes a space (a pasted note must not
//! glue two words together), and control characters go before the invisible
//! ones are judged, so that cleaning twice changes nothing.
//!
//! # In the link: the `why=` parameter
//! base64url (unpadded) of these bytes:
//!
//! ```text
//! blob   = window reason* crc
//! window = LEB128 varint: the first character of a 128-character window
//! reason = point text-byte*        point: one byte, 1..=28
//! text-byte:
//!   0x20..=0x7E   that ASCII character
//!   0x80..=0xFF   the character window + (byte - 0x80)
//!   0x1D byte     the character U+2000 + byte (punctuation: ’ “ ” „ – — …, € ₴)
//!   0x1E byte     the character U+0080 + byte (Latin-1 and Latin Extended-A: « » é ł)
//!   0x1F varint   any other character, its scalar value (at most 3 bytes)
//! crc    = CRC-24 (OpenPGP's, inverted) of everything before it, 3 bytes, high byte first
//! ```
//!
//! Bytes 0x00 and 0x7F are never written. Cleaned text holds no
//! control character, so a byte below 0x20 in a text is always a point.
//! The window is the 128 code points that cover most of the text's non-ASCII
//! characters: for Ukrainian the Cyrillic letters, for German the umlauts,
//! so every letter of those is one byte (as in Unicode's SCSU, simplified to
//! one window a link). On realistic reasons at the page's budget this is
//! shorter than raw deflate in Ukrainian and German and as short in English
//! (short texts do not pay for deflate's tables; `core/examples/reasons_budget.rs`
//! prints the figures), and it needs no crate: a deflate crate (miniz_oxide)
//! adds about 13.6 kB brotli to a wasm module, three times the issue's 4 kB
//! budget for the whole feature.
//!
//! Decoding is total: any input gives reasons or a [`ReasonsUnreadable`],
//! never a panic; an input longer than any budget allows is refused before
//! any work.

use crate::base64url;
use crate::share::is_hidden;
use crate::tags::Tags;
use crate::ui;
use crate::POINT_COUNT;

/// At most this many points carry a reason.
pub const MAX_REASONS: usize = 2;
/// At most this many characters (Unicode scalar values) a reason.
pub const MAX_REASON_CHARS: usize = 36;

/// Any character by its scalar value. The escape bytes sit above the point
/// bytes (1 to 28) and below the first ASCII character a text can hold.
const ESCAPE: u8 = 0x1F;
/// Two bytes for the punctuation and Latin letters outside the window that
/// texts use most (a Ukrainian apostrophe, a German quote, a dash).
const PUNCTUATION: u8 = 0x1D;
const PUNCTUATION_BASE: u32 = 0x2000;
const LATIN: u8 = 0x1E;
const LATIN_BASE: u32 = 0x80;
const _: () = assert!(POINT_COUNT < PUNCTUATION as usize, "a point must fit below the escape bytes");
const WINDOW: u32 = 128;
const CRC_BYTES: usize = 3;
/// Longest blob the budget allows: a 3-byte window, then each reason's point
/// and every character escaped (1 + 3 bytes), then the check.
const MAX_BLOB_BYTES: usize = 3 + MAX_REASONS * (1 + MAX_REASON_CHARS * 4) + CRC_BYTES;
/// Longest `why=` value any link within the budget has (395 characters,
/// every character escaped): longer is refused before it is decoded.
pub const MAX_PARAM_LEN: usize = (MAX_BLOB_BYTES * 8).div_ceil(6);

/// A reader's reasons: at most [`MAX_REASONS`], each cleaned, non-empty and
/// within [`MAX_REASON_CHARS`], in point order. Only [`Reasons::set`] and the
/// decoder make one, so a value of this type is always within the budget.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Reasons(Vec<(u8, String)>);

/// Why a reason was not taken. Nothing is cut or dropped: the reader's text
/// stays in the field and the message says what to change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReasonRefused {
    /// Longer than [`MAX_REASON_CHARS`] by `over` characters (after cleaning).
    TooLong { over: usize },
    /// [`MAX_REASONS`] other points have a reason already.
    TooMany,
    /// The point has no tag: a reason goes with a tag (building a link).
    Untagged(u8),
    /// Not a point of the plan.
    NoSuchPoint(u8),
}

impl ReasonRefused {
    /// One plain sentence for the reader (wording in `content/plan.json`).
    pub fn message(self) -> String {
        match self {
            ReasonRefused::TooLong { over: 1 } => ui::reason_too_long_one(MAX_REASON_CHARS, 1usize),
            ReasonRefused::TooLong { over } => ui::reason_too_long_other(MAX_REASON_CHARS, over),
            ReasonRefused::TooMany => ui::reason_too_many(MAX_REASONS),
            ReasonRefused::Untagged(n) => ui::reason_untagged(n),
            ReasonRefused::NoSuchPoint(n) => ui::reason_no_such_point(n),
        }
    }
}

/// Why a link's reasons could not be read. The link's tags, name and class
/// are read all the same: these say only that its reasons are not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReasonsUnreadable {
    /// A link of the version that carries reasons, without its reasons part
    /// (cut off in a chat, say).
    Missing,
    /// The reasons part is longer than any link within the budget: refused
    /// before it is read.
    TooLong,
    /// The reasons part is damaged: cut short, or some characters changed.
    Damaged,
    /// Well formed, but more reasons, or longer ones, than this page reads.
    OverBudget,
}

impl ReasonsUnreadable {
    /// One plain sentence (wording in `content/plan.json`).
    pub fn message(self) -> &'static str {
        match self {
            ReasonsUnreadable::Missing => ui::reasons_missing(),
            ReasonsUnreadable::TooLong => ui::reasons_too_long(),
            ReasonsUnreadable::Damaged => ui::reasons_damaged(),
            ReasonsUnreadable::OverBudget => ui::reasons_over_budget(),
        }
    }

    /// The notice for a shared link: the message, then that its tags were read.
    pub fn notice(self) -> String {
        ui::reasons_tags_read(self.message())
    }
}

/// The reason as it is kept and sent (see the module notes); `None` when
/// nothing visible is left.
pub fn clean_reason(text: &str) -> Option<String> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    let visible: String = chars.iter().enumerate().filter(|&(i, _)| !is_hidden(&chars, i)).map(|(_, &c)| c).collect();
    let trimmed = visible.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// How many characters `text` counts for the budget (after cleaning).
pub fn reason_chars(text: &str) -> usize {
    clean_reason(text).map_or(0, |t| t.chars().count())
}

/// How many characters are left for `text` in the budget: negative when it
/// is over (the field counts down, then says how many are too many).
pub fn chars_left(text: &str) -> isize {
    MAX_REASON_CHARS as isize - reason_chars(text) as isize
}

/// The field's counter: "12 characters left", "1 character too many".
pub fn counter(text: &str) -> String {
    match chars_left(text) {
        1 => ui::reason_chars_left_one(1usize),
        -1 => ui::reason_chars_over_one(1usize),
        n if n >= 0 => ui::reason_chars_left_other(n.unsigned_abs()),
        n => ui::reason_chars_over_other(n.unsigned_abs()),
    }
}

impl Reasons {
    /// The reason given for point `number`.
    pub fn get(&self, number: u8) -> Option<&str> {
        self.0.iter().find(|(n, _)| *n == number).map(|(_, t)| t.as_str())
    }

    /// Sets point `number`'s reason to `text`, cleaned; a text with nothing
    /// visible removes it. Refused, and nothing changed, when the text is
    /// over the budget or the point would be one reason too many.
    pub fn set(&mut self, number: u8, text: &str) -> Result<(), ReasonRefused> {
        if !(1..=POINT_COUNT).contains(&usize::from(number)) {
            return Err(ReasonRefused::NoSuchPoint(number));
        }
        let Some(text) = clean_reason(text) else {
            self.remove(number);
            return Ok(());
        };
        let chars = text.chars().count();
        if chars > MAX_REASON_CHARS {
            return Err(ReasonRefused::TooLong { over: chars - MAX_REASON_CHARS });
        }
        match self.0.binary_search_by_key(&number, |(n, _)| *n) {
            Ok(i) => self.0[i].1 = text,
            Err(_) if self.0.len() >= MAX_REASONS => return Err(ReasonRefused::TooMany),
            Err(i) => self.0.insert(i, (number, text)),
        }
        Ok(())
    }

    /// Removes point `number`'s reason (when its tag is cleared), and returns it.
    pub fn remove(&mut self, number: u8) -> Option<String> {
        let i = self.0.iter().position(|(n, _)| *n == number)?;
        Some(self.0.remove(i).1)
    }

    /// (point, reason) in point order.
    pub fn iter(&self) -> impl Iterator<Item = (u8, &str)> + '_ {
        self.0.iter().map(|(n, t)| (*n, t.as_str()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many more points can get a reason.
    pub fn left(&self) -> usize {
        MAX_REASONS - self.0.len()
    }

    /// Whether point `number` can take a reason now: it has one, or there is room.
    pub fn can_give(&self, number: u8) -> bool {
        self.get(number).is_some() || self.left() > 0
    }

    /// The first point with a reason but no tag in `tags`, if any.
    pub fn first_untagged(&self, tags: &Tags) -> Option<u8> {
        self.0.iter().map(|(n, _)| *n).find(|&n| tags.get(n).is_none())
    }
}

/// The `why=` value for `reasons` (see the module notes).
pub fn encode(reasons: &Reasons) -> String {
    encode_texts(&reasons.iter().collect::<Vec<_>>())
}

/// The `why=` value for any (point, text) pairs, in the order given, within
/// the budget or not: for measurements (`core/examples/reasons_budget.rs`)
/// and tests. The page writes [`Reasons`] only, with [`encode`].
#[doc(hidden)]
pub fn encode_texts(texts: &[(u8, &str)]) -> String {
    let base = window_for(texts);
    let mut bytes = Vec::with_capacity(8 + texts.iter().map(|(_, t)| t.len() + 1).sum::<usize>());
    push_varint(&mut bytes, base);
    for &(number, text) in texts {
        bytes.push(number);
        for c in text.chars() {
            let v = u32::from(c);
            match v {
                0x20..=0x7E => bytes.push(v as u8),
                _ if (base..base + WINDOW).contains(&v) && base >= WINDOW => bytes.push(0x80 + (v - base) as u8),
                _ if (PUNCTUATION_BASE..PUNCTUATION_BASE + 256).contains(&v) => {
                    bytes.extend([PUNCTUATION, (v - PUNCTUATION_BASE) as u8]);
                }
                _ if (LATIN_BASE..LATIN_BASE + 256).contains(&v) => bytes.extend([LATIN, (v - LATIN_BASE) as u8]),
                _ => {
                    bytes.push(ESCAPE);
                    push_varint(&mut bytes, v);
                }
            }
        }
    }
    let crc = crc24(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes()[1..]);
    base64url::encode(&bytes)
}

/// Reads a `why=` value (see the module notes). Reasons whose text cleans to
/// nothing count as none; anything else wrong is a [`ReasonsUnreadable`].
pub fn decode(text: &str) -> Result<Reasons, ReasonsUnreadable> {
    if text.len() > MAX_PARAM_LEN {
        return Err(ReasonsUnreadable::TooLong);
    }
    if text.is_empty() {
        return Err(ReasonsUnreadable::Missing);
    }
    let bytes = base64url::decode(text).map_err(|_| ReasonsUnreadable::Damaged)?;
    let body_len = bytes.len().checked_sub(CRC_BYTES).ok_or(ReasonsUnreadable::Damaged)?;
    let (body, check) = bytes.split_at(body_len);
    if crc24(body).to_be_bytes()[1..] != *check {
        return Err(ReasonsUnreadable::Damaged);
    }
    let mut at = 0;
    let base = read_varint(body, &mut at).ok_or(ReasonsUnreadable::Damaged)?;
    let mut read: Vec<(u8, String)> = Vec::new();
    while at < body.len() {
        let number = body[at];
        at += 1;
        if !(1..=POINT_COUNT as u8).contains(&number) || read.last().is_some_and(|(n, _)| *n >= number) {
            return Err(ReasonsUnreadable::Damaged);
        }
        if read.len() == MAX_REASONS {
            return Err(ReasonsUnreadable::OverBudget);
        }
        let mut text = String::new();
        while let Some(&b) = body.get(at).filter(|&&b| b > POINT_COUNT as u8) {
            at += 1;
            let c = match b {
                0x20..=0x7E => Some(char::from(b)),
                0x80..=0xFF => char::from_u32(base + u32::from(b - 0x80)),
                PUNCTUATION | LATIN => {
                    let base = if b == PUNCTUATION { PUNCTUATION_BASE } else { LATIN_BASE };
                    let offset = body.get(at).copied();
                    at += 1;
                    offset.and_then(|o| char::from_u32(base + u32::from(o)))
                }
                ESCAPE => read_varint(body, &mut at).and_then(char::from_u32),
                _ => None,
            }
            .ok_or(ReasonsUnreadable::Damaged)?;
            text.push(c);
        }
        read.push((number, text));
    }
    let mut reasons = Reasons::default();
    for (number, text) in read {
        let Some(text) = clean_reason(&text) else { continue };
        if text.chars().count() > MAX_REASON_CHARS {
            return Err(ReasonsUnreadable::OverBudget);
        }
        reasons.0.push((number, text));
    }
    Ok(reasons)
}

/// The start of the 128-character window holding most of the texts'
/// non-ASCII characters (the smallest such start on a tie); 0 when there are
/// none (0 is no window: ASCII is written as itself). Each character is
/// tried as the start: quadratic, but a link holds at most 72 characters,
/// and no sort is needed (a sort costs the page's wasm 2 kB).
fn window_for(texts: &[(u8, &str)]) -> u32 {
    let in_window = |start: u32| -> usize {
        texts.iter().map(|(_, t)| t.chars().filter(|&c| (start..start + WINDOW).contains(&u32::from(c))).count()).sum()
    };
    let mut best = (0, 0);
    for (_, text) in texts {
        for start in text.chars().map(u32::from).filter(|&v| v >= WINDOW) {
            let count = in_window(start);
            if count > best.1 || (count == best.1 && start < best.0) {
                best = (start, count);
            }
        }
    }
    best.0
}

/// LEB128: 7 bits a byte, low bits first.
fn push_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value & 0x7F) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A varint of at most 3 bytes (21 bits: every scalar value), read from `at`.
fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut value = 0u32;
    for i in 0..3 {
        let b = *bytes.get(*at)?;
        *at += 1;
        value |= u32::from(b & 0x7F) << (7 * i);
        if b & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// CRC-24 with OpenPGP's polynomial and start value (RFC 4880 §6.1), its
/// result inverted: catches every change of up to 24 consecutive bits (any
/// one changed character), and all but one in 16 million other damages.
/// (Not inverted, a CRC followed by a zero byte checks again, and a base64
/// character added to the end of a link makes just that byte.)
fn crc24(bytes: &[u8]) -> u32 {
    let mut crc: u32 = 0x00B7_04CE;
    for &b in bytes {
        crc ^= u32::from(b) << 16;
        for _ in 0..8 {
            crc <<= 1;
            if crc & 0x0100_0000 != 0 {
                crc ^= 0x0186_4CFB;
            }
        }
    }
    !crc & 0x00FF_FFFF
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::strategies::any_reasons;
    use proptest::prelude::*;

    /// The realistic full-budget reasons of `core/fixtures/reasons.txt` for
    /// a language ("en", "uk", "de"): every reason filled to the last character.
    pub(crate) fn sample(language: &str) -> Reasons {
        let mut reasons = Reasons::default();
        for line in include_str!("../fixtures/reasons.txt").lines().filter(|l| !l.starts_with('#')) {
            let mut parts = line.splitn(3, ' ');
            let (Some(lang), Some(point), Some(text)) = (parts.next(), parts.next(), parts.next()) else { continue };
            if lang == language {
                reasons.set(point.parse().unwrap(), text).unwrap();
            }
        }
        reasons
    }

    fn of(pairs: &[(u8, &str)]) -> Reasons {
        let mut r = Reasons::default();
        for &(n, t) in pairs {
            r.set(n, t).unwrap();
        }
        r
    }

    #[test]
    fn the_samples_fill_the_budget() {
        for lang in ["en", "uk", "de"] {
            let r = sample(lang);
            assert_eq!(r.len(), MAX_REASONS, "{lang}");
            assert!(r.iter().all(|(_, t)| t.chars().count() == MAX_REASON_CHARS), "{lang}");
            assert_eq!(decode(&encode(&r)), Ok(r.clone()), "{lang}");
        }
    }

    #[test]
    fn one_byte_a_letter_in_english_ukrainian_and_german() {
        // A byte a character, one a point, the window (2 bytes) and the check;
        // each punctuation character outside the window (– and ’ in the samples) takes 2.
        for (lang, outside) in [("en", 0), ("uk", 2), ("de", 1)] {
            let bytes = base64url::decode(&encode(&sample(lang))).unwrap();
            let expected = MAX_REASONS * (1 + MAX_REASON_CHARS) + outside + 2 + CRC_BYTES;
            assert!(bytes.len() <= expected, "{lang}: {} bytes", bytes.len());
        }
        // In UTF-8 the Ukrainian sample is almost twice as long.
        let uk: usize = sample("uk").iter().map(|(_, t)| t.len()).sum();
        assert!(uk > 125, "{uk}");
    }

    #[test]
    fn cleaning_is_the_names_and_keeps_words_apart() {
        assert_eq!(clean_reason("  It is\nunfair\t "), Some("It is unfair".into()));
        assert_eq!(clean_reason("a\u{0}b"), Some("ab".into()));
        assert_eq!(clean_reason("\u{202E}\u{200B} \u{2066}"), None);
        assert_eq!(clean_reason("\u{3164}"), None);
        assert_eq!(clean_reason("left \u{202E}thgir"), Some("left thgir".into()));
        assert_eq!(clean_reason("👩\u{200D}💻 yes"), Some("👩\u{200D}💻 yes".into()));
        assert_eq!(clean_reason("<b>markup</b> stays text"), Some("<b>markup</b> stays text".into()));
        assert_eq!(clean_reason("מרים אמרה"), Some("מרים אמרה".into()));
        // A joiner between two control characters does not survive them.
        assert_eq!(clean_reason("a\u{80}\u{200D}\u{80}"), Some("a".into()));
    }

    #[test]
    fn the_budget_is_counted_in_characters_and_never_cut() {
        let emoji = "😀".repeat(MAX_REASON_CHARS);
        assert_eq!(chars_left(&emoji), 0);
        let mut r = Reasons::default();
        assert_eq!(r.set(1, &emoji), Ok(()));
        assert_eq!(r.set(2, &format!("{emoji}!!")), Err(ReasonRefused::TooLong { over: 2 }));
        assert_eq!(r.get(2), None);
        // Hidden characters do not count; spaces at the ends are trimmed first.
        assert_eq!(chars_left(&format!("  {}\u{200B}\u{200B}  ", "a".repeat(MAX_REASON_CHARS))), 0);
        assert_eq!(chars_left(&"a".repeat(MAX_REASON_CHARS + 5)), -5);
        assert_eq!(chars_left(""), MAX_REASON_CHARS as isize);
        assert_eq!(counter(&"a".repeat(MAX_REASON_CHARS - 1)), ui::reason_chars_left_one(1usize));
        assert_eq!(counter(""), ui::reason_chars_left_other(MAX_REASON_CHARS));
        assert_eq!(counter(&"a".repeat(MAX_REASON_CHARS + 1)), ui::reason_chars_over_one(1usize));
        assert_eq!(counter(&"a".repeat(MAX_REASON_CHARS + 10)), ui::reason_chars_over_other(10usize));
    }

    #[test]
    fn at_most_two_points_and_an_empty_text_removes() {
        let mut r = of(&[(5, "a"), (1, "b")]);
        assert_eq!(r.iter().map(|(n, _)| n).collect::<Vec<_>>(), vec![1, 5]);
        assert_eq!((r.left(), r.can_give(5), r.can_give(6)), (0, true, false));
        assert_eq!(r.set(6, "d"), Err(ReasonRefused::TooMany));
        assert_eq!(r.set(5, "changed"), Ok(()));
        assert_eq!(r.get(5), Some("changed"));
        assert_eq!(r.set(5, " \u{200B} "), Ok(()));
        assert_eq!((r.get(5), r.len(), r.left()), (None, 1, 1));
        assert_eq!(r.set(6, "d"), Ok(()));
        assert_eq!(r.remove(6), Some("d".into()));
        assert_eq!(r.remove(6), None);
        assert_eq!(r.set(0, "x"), Err(ReasonRefused::NoSuchPoint(0)));
        assert_eq!(r.set(POINT_COUNT as u8 + 1, "x"), Err(ReasonRefused::NoSuchPoint(29)));
        let mut tags = Tags::default();
        tags.set(1, Some(crate::Tag::Russia));
        assert_eq!(r.first_untagged(&tags), None);
        r.set(9, "c").unwrap();
        assert_eq!(r.first_untagged(&tags), Some(9));
    }

    #[test]
    fn messages_are_plain_sentences() {
        use ReasonsUnreadable::*;
        for e in [Missing, TooLong, Damaged, OverBudget] {
            let m = e.message();
            assert!(m.ends_with('.') && m.starts_with(char::is_uppercase) && m.len() < 160, "{m}");
        }
        for e in [
            ReasonRefused::TooLong { over: 3 },
            ReasonRefused::TooMany,
            ReasonRefused::Untagged(4),
            ReasonRefused::NoSuchPoint(40),
        ] {
            let m = e.message();
            assert!(m.ends_with('.') && m.starts_with(char::is_uppercase), "{m}");
        }
        assert!(ReasonRefused::TooLong { over: 3 }.message().contains(&MAX_REASON_CHARS.to_string()));
        assert!(ReasonRefused::TooMany.message().contains(&MAX_REASONS.to_string()));
    }

    #[test]
    fn other_scripts_are_escaped_and_read_back() {
        for r in [of(&[(2, "Ґрунт і ґудзик"), (3, "ß и ä – “quoted” 😀 日本")]), of(&[(28, "ok 👩\u{200D}💻")])]
        {
            assert_eq!(decode(&encode(&r)), Ok(r));
        }
        // Two bytes for punctuation and Latin letters outside the window.
        let bytes = |text: &str| base64url::decode(&encode(&of(&[(1, text)]))).unwrap().len();
        let cyrillic = bytes("пам'ять і серце");
        assert_eq!(bytes("пам’ять і серце"), cyrillic + 1);
        assert_eq!(bytes("«пам'ять і серце"), cyrillic + 2);
        assert_eq!(bytes("пам'ять і серце 😀"), cyrillic + 1 + 4);
    }

    #[test]
    fn what_no_encoder_writes_is_damaged() {
        let good = encode(&of(&[(4, "Fair enough")]));
        assert_eq!(decode(""), Err(ReasonsUnreadable::Missing));
        assert_eq!(decode("A"), Err(ReasonsUnreadable::Damaged));
        assert_eq!(decode("AAAA"), Err(ReasonsUnreadable::Damaged));
        assert_eq!(decode(&good[..good.len() - 2]), Err(ReasonsUnreadable::Damaged));
        assert_eq!(decode(&format!("{good}A")), Err(ReasonsUnreadable::Damaged));
        assert_eq!(decode(&format!("{good}AA")), Err(ReasonsUnreadable::Damaged));
        assert_eq!(decode(&format!("{good}AAAA")), Err(ReasonsUnreadable::Damaged));
        assert_eq!(decode(&good.replace('A', "+")), Err(ReasonsUnreadable::Damaged));
        // Each malformed body, with a correct check so that only the body is wrong.
        let sealed = |body: &[u8]| {
            let mut b = body.to_vec();
            b.extend_from_slice(&crc24(body).to_be_bytes()[1..]);
            base64url::encode(&b)
        };
        assert_eq!(decode(&sealed(&[0, 4, b'o', b'k'])), Ok(of(&[(4, "ok")])));
        for body in [
            &[0x80, 0x80, 0x80, 0x80][..],     // a window varint longer than 3 bytes
            &[0, 0, b'a'],                     // point 0
            &[0, 29, b'a'],                    // point 29
            &[0, 5, b'a', 4, b'b'],            // points out of order
            &[0, 5, b'a', 5, b'b'],            // a point twice
            &[0, 5, 0x1E],                     // a Latin escape cut short
            &[0, 5, 0x1D],                     // a punctuation escape cut short
            &[0, 5, 0x7F],                     // an unused byte
            &[0, 5, ESCAPE],                   // an escape cut short
            &[0, 5, ESCAPE, 0x80, 0xB0, 0x03], // a surrogate
            &[0, 5, ESCAPE, 0xFF, 0xFF, 0x7F], // beyond Unicode
            &[0xFF, 0xFF, 0x7F, 5, 0x80],      // a window past Unicode
        ] {
            assert_eq!(decode(&sealed(body)), Err(ReasonsUnreadable::Damaged), "{body:?}");
        }
        let one_too_many: Vec<u8> =
            std::iter::once(0).chain((1..=MAX_REASONS as u8 + 1).flat_map(|n| [n, b'x'])).collect();
        assert_eq!(decode(&sealed(&one_too_many)), Err(ReasonsUnreadable::OverBudget));
        let long: Vec<u8> = [0, 1].into_iter().chain([b'a'; MAX_REASON_CHARS + 1]).collect();
        assert_eq!(decode(&sealed(&long)), Err(ReasonsUnreadable::OverBudget));
        // Hidden characters and reasons with nothing visible are cleaned away.
        let hidden = [0, 2, ESCAPE, 0x8B, 0xC0, 0x00, 3, b' ', b'h', b'i', b' '];
        assert_eq!(decode(&sealed(&hidden)), Ok(of(&[(3, "hi")])));
    }

    #[test]
    fn a_hundred_kilobytes_is_refused_before_any_work() {
        assert_eq!(decode(&"A".repeat(100 * 1024)), Err(ReasonsUnreadable::TooLong));
        assert_eq!(decode(&"é".repeat(MAX_PARAM_LEN)), Err(ReasonsUnreadable::TooLong));
        assert_eq!(MAX_PARAM_LEN, 395);
        // The longest reasons the budget allows still fit.
        let widest = "\u{10FFFF}".repeat(MAX_REASON_CHARS);
        let mut r = Reasons::default();
        for n in 1..=MAX_REASONS as u8 {
            r.set(n, &widest).unwrap();
        }
        assert!(encode(&r).len() <= MAX_PARAM_LEN);
        assert_eq!(decode(&encode(&r)), Ok(r));
    }

    proptest! {
        #[test]
        fn every_reasons_round_trip(r in any_reasons()) {
            prop_assert_eq!(decode(&encode(&r)), Ok(r));
        }

        #[test]
        fn any_changed_character_is_caught(r in any_reasons(), pos in 0usize..10_000, delta in 1u8..64) {
            let code = encode(&r);
            let mut chars: Vec<char> = code.chars().collect();
            let pos = pos % chars.len();
            chars[pos] = base64url::char_of(base64url::value_of(chars[pos]).unwrap().wrapping_add(delta) % 64);
            let damaged: String = chars.into_iter().collect();
            prop_assert_eq!(decode(&damaged), Err(ReasonsUnreadable::Damaged));
        }

        #[test]
        fn every_cut_is_caught(r in any_reasons(), cut in 0usize..10_000) {
            let code = encode(&r);
            let cut = cut % code.len();
            let err = decode(&code[..cut]).unwrap_err();
            prop_assert!(matches!(err, ReasonsUnreadable::Damaged | ReasonsUnreadable::Missing), "{:?}", err);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "(?s).{0,400}") {
            let _ = decode(&text);
        }

        #[test]
        fn arbitrary_sealed_bodies_never_panic(body in proptest::collection::vec(any::<u8>(), 0..600)) {
            // Past the check, so the body's own reading is what is tried.
            let mut b = body.clone();
            b.extend_from_slice(&crc24(&body).to_be_bytes()[1..]);
            if let Ok(r) = decode(&base64url::encode(&b)) {
                prop_assert!(r.len() <= MAX_REASONS);
                prop_assert!(r.iter().all(|(_, t)| clean_reason(t).as_deref() == Some(t)));
                prop_assert!(r.iter().all(|(_, t)| t.chars().count() <= MAX_REASON_CHARS));
            }
        }

        #[test]
        fn cleaning_twice_changes_nothing(text in "\\PC{0,40}|(?s).{0,40}") {
            let once = clean_reason(&text);
            prop_assert_eq!(once.as_deref().and_then(clean_reason), once.clone());
        }

        #[test]
        fn set_takes_what_fits_and_refuses_the_rest(n in 1u8..=POINT_COUNT as u8, text in "\\PC{0,130}") {
            let mut r = Reasons::default();
            let chars = reason_chars(&text);
            match r.set(n, &text) {
                Ok(()) => prop_assert_eq!(r.get(n).map(|t| t.chars().count()).unwrap_or(0), chars),
                Err(e) => {
                    prop_assert_eq!(e, ReasonRefused::TooLong { over: chars - MAX_REASON_CHARS });
                    prop_assert!(r.is_empty());
                }
            }
        }
    }
}
