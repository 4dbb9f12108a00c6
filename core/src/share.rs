//! The share code: a reader's 28 tags (and an optional display name) in a
//! URL fragment, so they never reach a server.
//!
//! Version 1 code, 12 characters: `1` (version) + 10 base64url characters of
//! 7 bytes (2 bits per point, point 1 in the high bits of byte 0) + 1 check
//! character (the body's sextets times odd weights, summed mod 64: odd
//! weights are invertible mod 64, so any single changed character shows). The version lets links made today
//! keep opening after the format changes; the check character turns most
//! typos into a clear "damaged" message instead of silently different tags.

use crate::base64url;
use crate::tags::{Tag, Tags};
use crate::ui;
use crate::POINT_COUNT;

pub const VERSION: char = '1';
/// Version characters kept for later formats (a second draft of the plan, say):
/// a link that starts with one of these was made by a newer page. Any other
/// first character means the text is not a share code at all.
pub const RESERVED_VERSIONS: std::ops::RangeInclusive<char> = '2'..='9';
/// Version 1 is the 28-point draft of November 2025. A plan with another
/// number of points needs its own version (and v1 links must keep reading as
/// this draft), so a change of count stops the build here.
const V1_POINTS: usize = 28;
const _: () = assert!(POINT_COUNT == V1_POINTS, "share code v1 encodes the 28-point draft: add a version");
const PACKED_BYTES: usize = POINT_COUNT.div_ceil(4);
const BODY_CHARS: usize = (PACKED_BYTES * 8).div_ceil(6);
pub const CODE_LEN: usize = 1 + BODY_CHARS + 1;
pub const MAX_NAME_CHARS: usize = 40;
/// A class label ("9B") that a teacher sets and students' links carry.
pub const MAX_CLASS_CHARS: usize = 40;
/// Longer input is rejected before any work: no real link comes close.
pub const MAX_INPUT_LEN: usize = 2048;

/// Tags read from a link, with the sharer's name and class label if the link has them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub tags: Tags,
    pub name: Option<String>,
    pub class: Option<String>,
}

/// Why a link could not be read. Every variant has a plain-words message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    Empty,
    Incomplete,
    TooLong,
    UnknownVersion,
    NotACode,
    Damaged,
    BadName,
    BadClass,
}

impl ShareError {
    /// One plain sentence for the reader (wording in `content/plan.json`).
    pub fn message(self) -> &'static str {
        match self {
            ShareError::Empty => ui::error_empty(),
            ShareError::Incomplete => ui::error_incomplete(),
            ShareError::TooLong => ui::error_too_long(),
            ShareError::UnknownVersion => ui::error_unknown_version(),
            ShareError::NotACode => ui::error_not_a_code(),
            ShareError::Damaged => ui::error_damaged(),
            ShareError::BadName => ui::error_bad_name(),
            ShareError::BadClass => ui::error_bad_class(),
        }
    }
}

fn pack(tags: &Tags) -> [u8; PACKED_BYTES] {
    let mut bytes = [0u8; PACKED_BYTES];
    for (i, tag) in tags.as_array().iter().enumerate() {
        bytes[i / 4] |= Tag::to_bits(*tag) << (6 - 2 * (i % 4));
    }
    bytes
}

fn unpack(bytes: &[u8]) -> Tags {
    let mut tags = [None; POINT_COUNT];
    for (i, slot) in tags.iter_mut().enumerate() {
        *slot = Tag::from_bits(bytes[i / 4] >> (6 - 2 * (i % 4)));
    }
    Tags::from_array(tags)
}

fn check_char(body: &str) -> char {
    let sum: u32 =
        body.chars().filter_map(base64url::value_of).enumerate().map(|(i, v)| (2 * i as u32 + 1) * u32::from(v)).sum();
    base64url::char_of((sum % 64) as u8)
}

pub fn encode_tags(tags: &Tags) -> String {
    let body = base64url::encode(&pack(tags));
    let mut code = String::with_capacity(CODE_LEN);
    code.push(VERSION);
    code.push_str(&body);
    code.push(check_char(&body));
    code
}

pub fn decode_tags(code: &str) -> Result<Tags, ShareError> {
    if code.len() > MAX_INPUT_LEN {
        return Err(ShareError::TooLong);
    }
    let mut chars = code.chars();
    match chars.next() {
        None => return Err(ShareError::Empty),
        Some(VERSION) => {}
        Some(c) if RESERVED_VERSIONS.contains(&c) => return Err(ShareError::UnknownVersion),
        Some(_) => return Err(ShareError::NotACode),
    }
    let rest = chars.as_str();
    if rest.chars().any(|c| base64url::value_of(c).is_none()) {
        return Err(ShareError::NotACode);
    }
    let n = rest.chars().count();
    if n < BODY_CHARS + 1 {
        return Err(ShareError::Incomplete);
    }
    if n > BODY_CHARS + 1 {
        return Err(ShareError::Damaged);
    }
    let (body, check) = rest.split_at(BODY_CHARS);
    if !check.starts_with(check_char(body)) {
        return Err(ShareError::Damaged);
    }
    let bytes = base64url::decode(body).map_err(|_| ShareError::Damaged)?;
    if bytes.len() != PACKED_BYTES {
        return Err(ShareError::Damaged);
    }
    Ok(unpack(&bytes))
}

/// Trimmed, control and hidden characters dropped (see [`is_hidden`]), then
/// at most `max` characters (Unicode scalar values, not UTF-16 units); a
/// label with nothing visible left → None ("no name").
pub fn clean_label(text: &str, max: usize) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let visible = chars.iter().enumerate().filter(|&(i, &c)| !c.is_control() && !is_hidden(&chars, i)).map(|(_, &c)| c);
    // Dropped first, cut second: 40 hidden characters must not push a real name out.
    let cleaned: String = visible.collect::<String>().trim().chars().take(max).collect();
    let cleaned = cleaned.trim_end().to_owned();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// Whether `chars[i]` changes how a name looks without being seen: bidi
/// controls (which can turn the rest of a line around on a projected list, so
/// one name shows as another), zero-width and other invisible characters
/// (which make two different names look alike, or a name look empty), and
/// line separators. A zero-width joiner between two symbols is kept: it
/// joins emoji ("👩‍💻"); between letters or at an end it only hides.
pub(crate) fn is_hidden(chars: &[char], i: usize) -> bool {
    let symbol = |c: Option<&char>| {
        c.is_some_and(|&c| {
            c != '\u{200D}' && !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace() && !always_hidden(c)
        })
    };
    match chars[i] {
        '\u{200D}' => !(i > 0 && symbol(chars.get(i - 1)) && symbol(chars.get(i + 1))),
        c => always_hidden(c),
    }
}

fn always_hidden(c: char) -> bool {
    matches!(c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
            | '\u{200B}' | '\u{200C}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}' | '\u{00AD}'
            | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2028}' | '\u{2029}'
            | '\u{E0000}'..='\u{E007F}')
}

/// A sharer's display name: see `clean_label`, at most 40 characters.
pub fn clean_name(name: &str) -> Option<String> {
    clean_label(name, MAX_NAME_CHARS)
}

/// A class label: see `clean_label`, at most 40 characters.
pub fn clean_class(label: &str) -> Option<String> {
    clean_label(label, MAX_CLASS_CHARS)
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Inverse of `percent_encode`; also reads `+` as a space, as some apps write it.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                // Two hex digits exactly: `from_str_radix` alone would take "+F".
                let hex = text.get(i + 1..i + 3).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The fragment (without `#`) that carries `tags`, an optional name and an
/// optional class label.
pub fn fragment(tags: &Tags, name: Option<&str>, class: Option<&str>) -> String {
    let mut f = format!("share={}", encode_tags(tags));
    if let Some(name) = name.and_then(clean_name) {
        f.push_str("&name=");
        f.push_str(&percent_encode(&name));
    }
    if let Some(class) = class.and_then(clean_class) {
        f.push_str("&class=");
        f.push_str(&percent_encode(&class));
    }
    f
}

/// Reads the parameters after `share=`: the code, then optional `&name=` and
/// `&class=`. Unknown parameters are ignored so later versions can add some.
pub fn parse_params(params: &str) -> Result<Shared, ShareError> {
    if params.len() > MAX_INPUT_LEN {
        return Err(ShareError::TooLong);
    }
    let mut parts = params.split('&');
    let tags = decode_tags(parts.next().unwrap_or_default())?;
    let (mut name, mut class) = (None, None);
    for part in parts {
        if let Some(raw) = part.strip_prefix("name=") {
            name = clean_name(&percent_decode(raw).ok_or(ShareError::BadName)?);
        } else if let Some(raw) = part.strip_prefix("class=") {
            class = clean_class(&percent_decode(raw).ok_or(ShareError::BadClass)?);
        }
    }
    Ok(Shared { tags, name, class })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategies::any_tags;
    use proptest::prelude::*;

    fn sample() -> Tags {
        let mut t = Tags::default();
        t.set(1, Some(Tag::Russia));
        t.set(2, Some(Tag::Ukraine));
        t.set(3, Some(Tag::Neutral));
        t.set(28, Some(Tag::Russia));
        t
    }

    #[test]
    fn code_is_short_and_url_safe() {
        let code = encode_tags(&sample());
        assert_eq!(code.len(), CODE_LEN);
        assert_eq!(CODE_LEN, 12);
        assert!(code.starts_with('1'));
        assert!(code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(encode_tags(&Tags::default()), "1AAAAAAAAAAA");
    }

    #[test]
    fn each_bad_input_has_its_own_error() {
        let good = encode_tags(&sample());
        assert_eq!(decode_tags(""), Err(ShareError::Empty));
        assert_eq!(decode_tags(&good[..7]), Err(ShareError::Incomplete));
        assert_eq!(decode_tags(&format!("2{}", &good[1..])), Err(ShareError::UnknownVersion));
        assert_eq!(decode_tags("<script>alert(1)</script>"), Err(ShareError::NotACode));
        assert_eq!(decode_tags(&format!("{good}AA")), Err(ShareError::Damaged));
        assert_eq!(decode_tags(&"1".repeat(10_000)), Err(ShareError::TooLong));
        // One changed character is caught by the check character.
        let mut typo: Vec<char> = good.chars().collect();
        typo[3] = if typo[3] == 'B' { 'C' } else { 'B' };
        assert_eq!(decode_tags(&typo.into_iter().collect::<String>()), Err(ShareError::Damaged));
    }

    #[test]
    fn messages_are_plain_sentences() {
        use ShareError::*;
        for e in [Empty, Incomplete, TooLong, UnknownVersion, NotACode, Damaged, BadName, BadClass] {
            let m = e.message();
            assert!(m.ends_with('.') && m.len() < 120, "{m}");
        }
        assert!(Incomplete.message().contains("incomplete"));
    }

    #[test]
    fn names_are_cleaned_and_bounded() {
        assert_eq!(clean_name("  Ana  "), Some("Ana".into()));
        assert_eq!(clean_name("   "), None);
        assert_eq!(clean_name("a\u{0}b\nc"), Some("abc".into()));
        assert_eq!(clean_name(&"é".repeat(50)).unwrap().chars().count(), 40);
    }

    #[test]
    fn markup_in_a_name_survives_as_text() {
        let name = "<img src=x onerror=alert(1)>";
        let f = fragment(&sample(), Some(name), None);
        assert!(!f.contains('<') && !f.contains(' '));
        let shared = parse_params(f.strip_prefix("share=").unwrap()).unwrap();
        assert_eq!(shared.name.as_deref(), Some(name));
    }

    #[test]
    fn name_encoding_errors_are_typed() {
        let code = encode_tags(&sample());
        assert_eq!(parse_params(&format!("{code}&name=%E2%28")), Err(ShareError::BadName));
        assert_eq!(parse_params(&format!("{code}&name=%4")), Err(ShareError::BadName));
        assert_eq!(parse_params(&format!("{code}&name=A+B&x=1")).unwrap().name.as_deref(), Some("A B"));
        // A sign is not a hex digit: "%+F" is not byte 0x0F.
        assert_eq!(parse_params(&format!("{code}&name=%+F")), Err(ShareError::BadName));
        assert_eq!(parse_params(&format!("{code}&name=%-1")), Err(ShareError::BadName));
        assert_eq!(parse_params(&format!("{code}&class=%ZZ")), Err(ShareError::BadClass));
    }

    #[test]
    fn only_known_or_reserved_versions_are_other_versions() {
        let body = &encode_tags(&sample())[1..];
        assert_eq!(decode_tags(&format!("9{body}")), Err(ShareError::UnknownVersion));
        assert_eq!(decode_tags(&format!("2{body}")), Err(ShareError::UnknownVersion));
        // "hello" was once reported as "made by a different version".
        assert_eq!(decode_tags("hello"), Err(ShareError::NotACode));
        assert_eq!(decode_tags(&format!("a{body}")), Err(ShareError::NotACode));
        assert_eq!(decode_tags(&format!("0{body}")), Err(ShareError::NotACode));
    }

    #[test]
    fn class_labels_travel_with_the_link() {
        let f = fragment(&sample(), Some("Ana"), Some("  9B "));
        assert!(f.ends_with("&name=Ana&class=9B"), "{f}");
        let shared = parse_params(f.strip_prefix("share=").unwrap()).unwrap();
        assert_eq!(shared.class.as_deref(), Some("9B"));
        assert_eq!(shared.name.as_deref(), Some("Ana"));
        let long = "x".repeat(60);
        assert_eq!(clean_class(&long).unwrap().chars().count(), MAX_CLASS_CHARS);
        assert_eq!(parse_params(&encode_tags(&sample())).unwrap().class, None);
    }

    #[test]
    fn bidi_controls_and_invisible_characters_are_dropped_before_the_cut() {
        let hidden = [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
            '\u{200E}', '\u{200F}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
        ];
        for c in hidden {
            // Around, inside and alone: each is dropped; alone it leaves no name.
            assert_eq!(clean_name(&format!("{c}An{c}a{c}")), Some("Ana".into()), "U+{:04X}", c as u32);
            assert_eq!(clean_name(&c.to_string()), None, "U+{:04X}", c as u32);
            assert_eq!(clean_name(&format!(" {c} {c} ")), None, "U+{:04X}", c as u32);
            assert_eq!(clean_class(&format!("9{c}B")), Some("9B".into()), "U+{:04X}", c as u32);
            // 40 of them before a name do not push it out of the 40-character cut.
            let padded = format!("{}Ana", c.to_string().repeat(MAX_NAME_CHARS));
            assert_eq!(clean_name(&padded), Some("Ana".into()), "U+{:04X}", c as u32);
        }
        // The classic spoof: "Ana" then a right-to-left override, showing "gnp.exe" reversed.
        assert_eq!(clean_name("Ana\u{202E}exe.gnp"), Some("Anaexe.gnp".into()));
        // Hangul fillers are used as "blank" names.
        assert_eq!(clean_name("\u{3164}\u{3164}"), None);
        // A joiner inside an emoji sequence stays; next to letters it goes.
        assert_eq!(clean_name("Ana 👩\u{200D}💻"), Some("Ana 👩\u{200D}💻".into()));
        assert_eq!(clean_name("\u{200D}👩"), Some("👩".into()));
        // Arabic, Hebrew and other scripts are not touched.
        assert_eq!(clean_name("מרים"), Some("מרים".into()));
        assert_eq!(clean_name("فاطمة"), Some("فاطمة".into()));
    }

    #[test]
    fn a_link_whose_name_is_only_hidden_characters_has_no_name() {
        let f = format!("{}&name=%E2%80%AE%E2%80%8B", encode_tags(&sample()));
        assert_eq!(parse_params(&f).unwrap().name, None);
    }

    #[test]
    fn names_are_counted_in_characters_not_utf16_units() {
        // 40 emoji are 80 UTF-16 units: all 40 are kept.
        let emoji = "😀".repeat(45);
        assert_eq!(clean_name(&emoji).unwrap().chars().count(), MAX_NAME_CHARS);
    }

    proptest! {
        #[test]
        fn every_tag_state_round_trips(tags in any_tags()) {
            prop_assert_eq!(decode_tags(&encode_tags(&tags)), Ok(tags));
        }

        #[test]
        fn fragments_round_trip_with_names(tags in any_tags(), name in "\\PC{0,60}") {
            let f = fragment(&tags, Some(&name), None);
            let shared = parse_params(f.strip_prefix("share=").unwrap()).unwrap();
            prop_assert_eq!(shared.tags, tags);
            prop_assert_eq!(shared.name, clean_name(&name));
        }

        #[test]
        fn arbitrary_text_never_panics(text in ".{0,200}") {
            let _ = parse_params(&text);
            let _ = decode_tags(&text);
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let text = String::from_utf8_lossy(&bytes);
            let _ = parse_params(&text);
        }

        #[test]
        fn any_single_changed_character_is_caught(tags in any_tags(), pos in 1usize..CODE_LEN, delta in 1u8..64) {
            let code = encode_tags(&tags);
            let mut chars: Vec<char> = code.chars().collect();
            chars[pos] = base64url::char_of(base64url::value_of(chars[pos]).unwrap().wrapping_add(delta) % 64);
            let damaged: String = chars.into_iter().collect();
            prop_assert_eq!(decode_tags(&damaged), Err(ShareError::Damaged));
        }

        #[test]
        fn every_truncation_is_rejected(tags in any_tags(), cut in 0usize..CODE_LEN) {
            let code = encode_tags(&tags);
            let err = decode_tags(&code[..cut]).unwrap_err();
            prop_assert!(matches!(err, ShareError::Empty | ShareError::Incomplete));
        }
    }
}
