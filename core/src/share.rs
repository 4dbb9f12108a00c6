//! The share code: a reader's 28 tags (and an optional display name) in a
//! URL fragment, so they never reach a server.
//!
//! Version 1 code, 12 characters: `1` (version) + 10 base64url characters of
//! 7 bytes (2 bits per point, point 1 in the high bits of byte 0) + 1 check
//! character (the body's sextets times odd weights, summed mod 64: odd
//! weights are invertible mod 64, so any single changed character shows). The version lets links made today
//! keep opening after the format changes; the check character turns most
//! typos into a clear "damaged" message instead of silently different tags.
//!
//! Version 2 code, for a link that carries reasons too: `2`, the same 10
//! characters of tags, and a check character 32 away from version 1's (so a
//! version character changed from one to the other shows as damage). The
//! reasons are the link's `why=` parameter (`reasons.rs`), written last, so a
//! link cut short in a chat loses its reasons before its name or class. A
//! link is version 2 only when it has a reason: without one it is version 1,
//! exactly as before, and pages made before reasons read it as ever.
//!
//! ```text
//! params  = code *("&" param)
//! code    = "1" tags check1 | "2" tags check2          (12 characters)
//! param   = "name=" pct-encoded | "class=" pct-encoded
//!         | "why=" base64url                        (version 2 only; others ignored)
//! ```

use crate::base64url;
use crate::reasons::{self, ReasonRefused, Reasons, ReasonsUnreadable};
use crate::tags::{Tag, Tags};
use crate::ui;
use crate::POINT_COUNT;

pub const VERSION: char = '1';
/// The code of a link that carries reasons (read by [`parse_link`]).
pub const VERSION_2: char = '2';
/// Version characters kept for later formats (a second draft of the plan, say):
/// a link that starts with one of these was made by a newer page. Any other
/// first character means the text is not a share code at all. ([`decode_tags`]
/// reads version 1 only, as it always did: for it `2` is another version too.)
pub const RESERVED_VERSIONS: std::ops::RangeInclusive<char> = '2'..='9';
/// The parameter that carries the reasons in a version 2 link.
pub const REASONS_PARAM: &str = "why=";
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

/// A whole share link as read: its tags, name and class, and its reasons,
/// or why they could not be read (the rest of the link counts all the same).
/// A version 1 link has no reasons: `Ok` with none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedLink {
    pub shared: Shared,
    pub reasons: Result<Reasons, ReasonsUnreadable>,
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

/// The check character, `offset` sextets away (0 for version 1, 32 for version 2).
fn check_char_of(body: &str, offset: u32) -> char {
    let sum: u32 =
        body.chars().filter_map(base64url::value_of).enumerate().map(|(i, v)| (2 * i as u32 + 1) * u32::from(v)).sum();
    base64url::char_of(((sum + offset) % 64) as u8)
}

/// Version 2's check characters are this far from version 1's.
const V2_CHECK_OFFSET: u32 = 32;

pub fn encode_tags(tags: &Tags) -> String {
    code_of(tags, VERSION, 0)
}

fn code_of(tags: &Tags, version: char, offset: u32) -> String {
    let body = base64url::encode(&pack(tags));
    let mut code = String::with_capacity(CODE_LEN);
    code.push(version);
    code.push_str(&body);
    code.push(check_char_of(&body, offset));
    code
}

/// A version 2 code's tags; its errors are version 1's, in the same order.
fn decode_tags_v2(code: &str) -> Result<Tags, ShareError> {
    let rest = code.strip_prefix(VERSION_2).ok_or(ShareError::NotACode)?;
    decode_body(rest, V2_CHECK_OFFSET)
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
    decode_body(chars.as_str(), 0)
}

/// The tags and check character after the version character.
fn decode_body(rest: &str, check_offset: u32) -> Result<Tags, ShareError> {
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
    if !check.starts_with(check_char_of(body, check_offset)) {
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
/// optional class label: a version 1 link.
pub fn fragment(tags: &Tags, name: Option<&str>, class: Option<&str>) -> String {
    with_name_and_class(format!("share={}", encode_tags(tags)), name, class)
}

fn with_name_and_class(mut f: String, name: Option<&str>, class: Option<&str>) -> String {
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

/// The fragment for `tags` with their `reasons`: version 2, the reasons
/// last; with no reason, exactly [`fragment`] (version 1). Refused when a
/// reason's point has no tag (the reader store clears a reason with its tag).
pub fn fragment_with_reasons(
    tags: &Tags,
    reasons: &Reasons,
    name: Option<&str>,
    class: Option<&str>,
) -> Result<String, ReasonRefused> {
    if reasons.is_empty() {
        return Ok(fragment(tags, name, class));
    }
    if let Some(n) = reasons.first_untagged(tags) {
        return Err(ReasonRefused::Untagged(n));
    }
    let mut f = with_name_and_class(format!("share={}", code_of(tags, VERSION_2, V2_CHECK_OFFSET)), name, class);
    f.push('&');
    f.push_str(REASONS_PARAM);
    f.push_str(&reasons::encode(reasons));
    Ok(f)
}

/// Reads the parameters after `share=`: the code, then optional `&name=`,
/// `&class=` and, in a version 2 link, `&why=`. Unknown parameters are
/// ignored so later versions can add some.
///
/// A version 1 link reads exactly as before reasons existed. In a version 2
/// link the reasons part is weighed and read on its own: one that is missing,
/// too long, damaged or over the budget leaves the tags, name and class read,
/// with `reasons` saying why (a [`ReasonsUnreadable`]); and the rest of the
/// link is held to version 1's length limit without it.
pub fn parse_link(params: &str) -> Result<SharedLink, ShareError> {
    if !params.starts_with(VERSION_2) {
        let shared = parse_v1(params)?;
        return Ok(SharedLink { shared, reasons: Ok(Reasons::default()) });
    }
    let mut parts = params.split('&');
    let code = parts.next().unwrap_or_default();
    let (mut why, mut whys, mut rest_len) = (None, 0, code.len());
    for part in parts.clone() {
        match part.strip_prefix(REASONS_PARAM) {
            Some(value) => (why, whys) = (Some(value), whys + 1),
            None => rest_len += 1 + part.len(),
        }
    }
    if rest_len > MAX_INPUT_LEN {
        return Err(ShareError::TooLong);
    }
    let tags = decode_tags_v2(code)?;
    let (mut name, mut class) = (None, None);
    for part in parts {
        read_param(part, &mut name, &mut class)?;
    }
    let reasons = match (whys, why) {
        (1, Some(value)) => reasons::decode(value).and_then(|r| match r.first_untagged(&tags) {
            // A reason goes with a tag: the page never writes one without.
            Some(_) => Err(ReasonsUnreadable::Damaged),
            None => Ok(r),
        }),
        (0, _) => Err(ReasonsUnreadable::Missing),
        _ => Err(ReasonsUnreadable::Damaged),
    };
    Ok(SharedLink { shared: Shared { tags, name, class }, reasons })
}

/// A version 1 link's parameters, read as they always were.
fn parse_v1(params: &str) -> Result<Shared, ShareError> {
    if params.len() > MAX_INPUT_LEN {
        return Err(ShareError::TooLong);
    }
    let mut parts = params.split('&');
    let tags = decode_tags(parts.next().unwrap_or_default())?;
    let (mut name, mut class) = (None, None);
    for part in parts {
        read_param(part, &mut name, &mut class)?;
    }
    Ok(Shared { tags, name, class })
}

/// Reads one parameter if it is the name or the class label (a later one
/// replaces an earlier one); any other parameter is left alone.
fn read_param(part: &str, name: &mut Option<String>, class: &mut Option<String>) -> Result<(), ShareError> {
    if let Some(raw) = part.strip_prefix("name=") {
        *name = clean_name(&percent_decode(raw).ok_or(ShareError::BadName)?);
    } else if let Some(raw) = part.strip_prefix("class=") {
        *class = clean_class(&percent_decode(raw).ok_or(ShareError::BadClass)?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategies::{any_reasons, any_tags};
    use proptest::prelude::*;

    /// What a link gives without its reasons (every link of these tests is version 1).
    fn shared_of(params: &str) -> Result<Shared, ShareError> {
        parse_link(params).map(|l| l.shared)
    }

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
        let shared = shared_of(f.strip_prefix("share=").unwrap()).unwrap();
        assert_eq!(shared.name.as_deref(), Some(name));
    }

    #[test]
    fn name_encoding_errors_are_typed() {
        let code = encode_tags(&sample());
        assert_eq!(shared_of(&format!("{code}&name=%E2%28")), Err(ShareError::BadName));
        assert_eq!(shared_of(&format!("{code}&name=%4")), Err(ShareError::BadName));
        assert_eq!(shared_of(&format!("{code}&name=A+B&x=1")).unwrap().name.as_deref(), Some("A B"));
        // A sign is not a hex digit: "%+F" is not byte 0x0F.
        assert_eq!(shared_of(&format!("{code}&name=%+F")), Err(ShareError::BadName));
        assert_eq!(shared_of(&format!("{code}&name=%-1")), Err(ShareError::BadName));
        assert_eq!(shared_of(&format!("{code}&class=%ZZ")), Err(ShareError::BadClass));
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
        let shared = shared_of(f.strip_prefix("share=").unwrap()).unwrap();
        assert_eq!(shared.class.as_deref(), Some("9B"));
        assert_eq!(shared.name.as_deref(), Some("Ana"));
        let long = "x".repeat(60);
        assert_eq!(clean_class(&long).unwrap().chars().count(), MAX_CLASS_CHARS);
        assert_eq!(shared_of(&encode_tags(&sample())).unwrap().class, None);
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
        assert_eq!(shared_of(&f).unwrap().name, None);
    }

    #[test]
    fn names_are_counted_in_characters_not_utf16_units() {
        // 40 emoji are 80 UTF-16 units: all 40 are kept.
        let emoji = "😀".repeat(45);
        assert_eq!(clean_name(&emoji).unwrap().chars().count(), MAX_NAME_CHARS);
    }

    /// `parse_params` and `decode_tags` as they were before reasons (commit
    /// 2dd9cf1), frozen: version 1 links must read exactly as they did.
    fn v1_as_of_2dd9cf1(params: &str) -> Result<Shared, ShareError> {
        fn decode_tags(code: &str) -> Result<Tags, ShareError> {
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
            let sum: u32 = body
                .chars()
                .filter_map(base64url::value_of)
                .enumerate()
                .map(|(i, v)| (2 * i as u32 + 1) * u32::from(v))
                .sum();
            if !check.starts_with(base64url::char_of((sum % 64) as u8)) {
                return Err(ShareError::Damaged);
            }
            let bytes = base64url::decode(body).map_err(|_| ShareError::Damaged)?;
            if bytes.len() != PACKED_BYTES {
                return Err(ShareError::Damaged);
            }
            Ok(unpack(&bytes))
        }
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

    fn v1_link(shared: Shared) -> Result<SharedLink, ShareError> {
        Ok(SharedLink { shared, reasons: Ok(Reasons::default()) })
    }

    fn shared(tags: Tags, name: Option<&str>, class: Option<&str>) -> Shared {
        Shared { tags, name: name.map(Into::into), class: class.map(Into::into) }
    }

    #[test]
    fn version_1_links_read_as_before() {
        use crate::strategies::tags_of;
        use Tag::*;
        let none = Tags::default();
        let first = tags_of(&[(1, Russia)]);
        let mut cycle = Tags::default();
        for n in 1..=POINT_COUNT as u8 {
            cycle.set(n, Tag::from_bits(n % 4));
        }
        let neutral = tags_of(&(1..=POINT_COUNT as u8).map(|n| (n, Neutral)).collect::<Vec<_>>());
        let three = tags_of(&[(21, Russia), (6, Ukraine), (19, Neutral)]);
        let ok = |t: Tags, name: Option<&str>, class: Option<&str>| Ok(shared(t, name, class));
        // Decodes recorded with the page before reasons (commit 2dd9cf1).
        let table: Vec<(String, Result<Shared, ShareError>)> = vec![
            ("1AAAAAAAAAAA".into(), ok(none, None, None)),
            ("1QAAAAAAAAAQ".into(), ok(first, None, None)),
            ("1bGxsbGxsbAn".into(), ok(cycle, None, None)),
            ("1_________w_".into(), ok(neutral, None, None)),
            ("1ACAAAAxAAAD".into(), ok(three, None, None)),
            ("1ACAAAAxAAAD&name=Ana".into(), ok(three, Some("Ana"), None)),
            ("1ACAAAAxAAAD&name=Ana%20Mar%C3%ADa&class=9B".into(), ok(three, Some("Ana María"), Some("9B"))),
            (
                "1ACAAAAxAAAD&class=9-%D0%91&name=%D0%9E%D0%BB%D0%B5%D0%BD%D0%B0".into(),
                ok(three, Some("Олена"), Some("9-Б")),
            ),
            // A `why=` in a version 1 link is an unknown parameter, ignored as ever.
            ("1ACAAAAxAAAD&name=A+B&x=1&why=AAAA".into(), ok(three, Some("A B"), None)),
            ("1ACAAAAxAAAD&why=garbage&name=Bo".into(), ok(three, Some("Bo"), None)),
            ("1ACAAAAxAAAD&name=%E2%80%AE%E2%80%8B".into(), ok(three, None, None)),
            ("1ACAAAAxAAAD&name=%E2%28".into(), Err(ShareError::BadName)),
            ("1ACAAAAxAAAD&class=%ZZ".into(), Err(ShareError::BadClass)),
            ("1ACAAAAxAAAD&name=".into(), ok(three, None, None)),
            ("1ACAAAAxAAAD&name=Ana&name=Bo".into(), ok(three, Some("Bo"), None)),
            ("1ACAAAAxAAA".into(), Err(ShareError::Incomplete)),
            ("1ACAAAAxAAADA".into(), Err(ShareError::Damaged)),
            ("1ACAAAAxAAAE".into(), Err(ShareError::Damaged)),
            ("1BCAAAAxAAAD".into(), Err(ShareError::Damaged)),
            ("".into(), Err(ShareError::Empty)),
            ("1".into(), Err(ShareError::Incomplete)),
            ("9ACAAAAxAAAD".into(), Err(ShareError::UnknownVersion)),
            ("0ACAAAAxAAAD".into(), Err(ShareError::NotACode)),
            ("hello".into(), Err(ShareError::NotACode)),
            ("1ACAAAAxAA+D".into(), Err(ShareError::NotACode)),
            ("&name=Ana".into(), Err(ShareError::Empty)),
            (format!("1ACAAAAxAAAD&name={}", "a".repeat(3000)), Err(ShareError::TooLong)),
        ];
        for (link, expected) in table {
            assert_eq!(v1_as_of_2dd9cf1(&link), expected, "the frozen reader, {link}");
            assert_eq!(parse_link(&link), expected.map(|s| SharedLink { shared: s, reasons: Ok(Reasons::default()) }));
        }
    }

    /// Tags and reasons that go together: every point with a reason is tagged.
    fn tags_and_reasons() -> impl Strategy<Value = (Tags, Reasons)> {
        (any_tags(), any_reasons(), 1u8..4).prop_map(|(mut tags, reasons, bits)| {
            for (n, _) in reasons.iter() {
                if tags.get(n).is_none() {
                    tags.set(n, Tag::from_bits(bits));
                }
            }
            (tags, reasons)
        })
    }

    /// `sample()`'s tags with reasons on two of its points.
    fn one_reason() -> (Tags, Reasons) {
        let mut r = Reasons::default();
        r.set(2, "It rewards the invasion.").unwrap();
        r.set(28, "Пора вже, «нарешті».").unwrap();
        (sample(), r)
    }

    #[test]
    fn a_link_with_reasons_is_version_2_and_reads_back() {
        let (tags, reasons) = one_reason();
        let f = fragment_with_reasons(&tags, &reasons, Some("Олена"), Some("9-Б")).unwrap();
        assert!(f.starts_with("share=2"), "{f}");
        let why = f.rfind("&why=").unwrap();
        assert!(f[..why].ends_with("&class=9-%D0%91"), "the reasons come last: {f}");
        assert!(f[why + 5..].chars().all(|c| base64url::value_of(c).is_some()));
        let link = parse_link(f.strip_prefix("share=").unwrap()).unwrap();
        assert_eq!(link.shared, shared(tags, Some("Олена"), Some("9-Б")));
        assert_eq!(link.reasons, Ok(reasons));
        // No reason: version 1, the very link the page made before.
        assert_eq!(
            fragment_with_reasons(&tags, &Reasons::default(), Some("Ana"), None),
            Ok(fragment(&tags, Some("Ana"), None))
        );
        // A reason on an untagged point is refused, not dropped.
        let mut stray = Reasons::default();
        stray.set(9, "Why not").unwrap();
        assert_eq!(fragment_with_reasons(&tags, &stray, None, None), Err(ReasonRefused::Untagged(9)));
    }

    #[test]
    fn pages_before_reasons_call_a_version_2_link_newer() {
        let (tags, reasons) = one_reason();
        let f = fragment_with_reasons(&tags, &reasons, None, None).unwrap();
        assert_eq!(v1_as_of_2dd9cf1(f.strip_prefix("share=").unwrap()), Err(ShareError::UnknownVersion));
        assert_eq!(decode_tags(&f["share=".len()..][..CODE_LEN]), Err(ShareError::UnknownVersion));
    }

    #[test]
    fn a_version_2_code_changed_to_version_1_is_damaged() {
        let (tags, reasons) = one_reason();
        let f = fragment_with_reasons(&tags, &reasons, None, None).unwrap();
        let as_v1 = f.replacen("share=2", "1", 1);
        assert_eq!(parse_link(&as_v1), Err(ShareError::Damaged));
        let v1 = encode_tags(&tags);
        assert_eq!(parse_link(&format!("2{}", &v1[1..])), Err(ShareError::Damaged));
    }

    #[test]
    fn damaged_reasons_leave_the_tags_name_and_class() {
        let (tags, reasons) = one_reason();
        let f = fragment_with_reasons(&tags, &reasons, Some("Ana"), Some("9B")).unwrap();
        let params = f.strip_prefix("share=").unwrap();
        let (before, why) = params.split_at(params.rfind("&why=").unwrap());
        let expect = |p: &str, e: ReasonsUnreadable| {
            assert_eq!(
                parse_link(p),
                Ok(SharedLink { shared: shared(tags, Some("Ana"), Some("9B")), reasons: Err(e) }),
                "{p}"
            );
        };
        expect(before, ReasonsUnreadable::Missing);
        expect(&format!("{before}&why="), ReasonsUnreadable::Missing);
        expect(&params[..params.len() - 3], ReasonsUnreadable::Damaged);
        expect(&format!("{before}&why=hello%20there"), ReasonsUnreadable::Damaged);
        expect(&format!("{params}{why}"), ReasonsUnreadable::Damaged);
        expect(&format!("{before}&why={}", "A".repeat(100 * 1024)), ReasonsUnreadable::TooLong);
        // Forged: a reason on a point the link leaves untagged.
        let mut stray = Reasons::default();
        stray.set(9, "no tag").unwrap();
        expect(&format!("{before}&why={}", reasons::encode(&stray)), ReasonsUnreadable::Damaged);
        // The reasons may come anywhere; anything else long is the whole link's problem.
        let moved = format!("{}{why}&name=Ana&class=9B", &before[..CODE_LEN]);
        assert_eq!(parse_link(&moved).unwrap().reasons, Ok(reasons));
        let junk = format!("{before}&x={}{why}", "a".repeat(MAX_INPUT_LEN));
        assert_eq!(parse_link(&junk), Err(ShareError::TooLong));
        assert_eq!(parse_link(&format!("{}&name=%E2%28{why}", &before[..CODE_LEN])), Err(ShareError::BadName));
    }

    #[test]
    fn full_budget_links_stay_short() {
        // The realistic samples of core/fixtures/reasons.txt, every reason filled, a Cyrillic name.
        for lang in ["en", "uk", "de"] {
            let r = crate::reasons::tests::sample(lang);
            let mut tags = Tags::default();
            for (n, _) in r.iter() {
                tags.set(n, Some(Tag::Neutral));
            }
            let f = fragment_with_reasons(&tags, &r, Some("Олена Коваленко"), Some("9-Б")).unwrap();
            // 235-239 characters: with the page's address, well inside QR version 12 (287 bytes).
            assert!(f.len() < 245, "{lang}: {} characters", f.len());
            assert_eq!(parse_link(&f["share=".len()..]).unwrap().reasons, Ok(r));
        }
    }

    proptest! {
        #[test]
        fn every_tag_state_round_trips(tags in any_tags()) {
            prop_assert_eq!(decode_tags(&encode_tags(&tags)), Ok(tags));
        }

        #[test]
        fn fragments_round_trip_with_names(tags in any_tags(), name in "\\PC{0,60}") {
            let f = fragment(&tags, Some(&name), None);
            let shared = shared_of(f.strip_prefix("share=").unwrap()).unwrap();
            prop_assert_eq!(shared.tags, tags);
            prop_assert_eq!(shared.name, clean_name(&name));
        }

        #[test]
        fn arbitrary_text_never_panics(text in ".{0,200}") {
            let _ = shared_of(&text);
            let _ = decode_tags(&text);
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let text = String::from_utf8_lossy(&bytes);
            let _ = shared_of(&text);
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
        fn version_1_reads_as_the_frozen_reader(
            tags in any_tags(),
            name in proptest::option::of("\\PC{0,50}"),
            class in proptest::option::of("[9A-Z %]{0,12}"),
            edits in proptest::collection::vec((0usize..200, prop_oneof![
                Just(String::new()), Just("&".to_owned()), Just("=".to_owned()), Just("%".to_owned()),
                Just("%E2%28".to_owned()), Just("&why=AAAA".to_owned()), Just("&name=".to_owned()),
                Just("2".to_owned()), "[A-Za-z0-9_-]{1,3}", ".{1,2}",
            ]), 0..4),
            cut in proptest::option::of(0usize..200),
        ) {
            let mut p: Vec<char> = fragment(&tags, name.as_deref(), class.as_deref())["share=".len()..].chars().collect();
            for (at, text) in edits {
                let at = at.min(p.len());
                let end = (at + 1).min(p.len());
                p.splice(at..end, text.chars());
            }
            if let Some(cut) = cut {
                p.truncate(cut);
            }
            let p: String = p.into_iter().collect();
            if !p.starts_with(VERSION_2) {
                prop_assert_eq!(parse_link(&p), v1_as_of_2dd9cf1(&p).map(|s| SharedLink { shared: s, reasons: Ok(Reasons::default()) }));
            }
        }

        #[test]
        fn any_text_not_starting_with_2_reads_as_the_frozen_reader(text in "(?s).{0,300}") {
            if !text.starts_with(VERSION_2) {
                let expected = v1_as_of_2dd9cf1(&text).and_then(v1_link);
                prop_assert_eq!(parse_link(&text), expected);
            }
        }

        #[test]
        fn version_2_round_trips((tags, reasons) in tags_and_reasons(), name in "\\PC{0,50}", class in "\\PC{0,12}") {
            let f = fragment_with_reasons(&tags, &reasons, Some(&name), Some(&class)).unwrap();
            let link = parse_link(f.strip_prefix("share=").unwrap()).unwrap();
            prop_assert_eq!(link.shared, Shared { tags, name: clean_name(&name), class: clean_class(&class) });
            prop_assert_eq!(link.reasons, Ok(reasons));
        }

        #[test]
        fn a_changed_reasons_character_leaves_the_rest(
            (tags, reasons) in tags_and_reasons(), pos in 0usize..10_000, delta in 1u8..64,
        ) {
            prop_assume!(!reasons.is_empty());
            let f = fragment_with_reasons(&tags, &reasons, Some("Ana"), None).unwrap();
            let start = f.rfind(REASONS_PARAM).unwrap() + REASONS_PARAM.len();
            let mut chars: Vec<char> = f.chars().collect();
            let pos = start + pos % (chars.len() - start);
            chars[pos] = base64url::char_of(base64url::value_of(chars[pos]).unwrap().wrapping_add(delta) % 64);
            let damaged: String = chars.into_iter().collect();
            let link = parse_link(damaged.strip_prefix("share=").unwrap()).unwrap();
            prop_assert_eq!(link.shared, Shared { tags, name: Some("Ana".into()), class: None });
            prop_assert_eq!(link.reasons, Err(ReasonsUnreadable::Damaged));
        }

        #[test]
        fn a_cut_version_2_link_never_panics_and_keeps_what_it_can((tags, reasons) in tags_and_reasons(), cut in 0usize..2000) {
            let f = fragment_with_reasons(&tags, &reasons, Some("Ana"), Some("9B")).unwrap();
            let p = f.strip_prefix("share=").unwrap();
            let cut = cut % (p.len() + 1);
            match parse_link(&p[..cut]) {
                Ok(link) => {
                    prop_assert_eq!(link.shared.tags, tags);
                    if cut < p.len() && !reasons.is_empty() {
                        prop_assert!(link.reasons.is_err(), "a cut link's reasons must not read as whole");
                    }
                }
                Err(e) => prop_assert!(matches!(e, ShareError::Empty | ShareError::Incomplete | ShareError::BadName | ShareError::BadClass), "{:?}", e),
            }
        }

        #[test]
        fn random_version_2_text_never_panics(body in "[A-Za-z0-9_&=%-]{0,400}") {
            let _ = parse_link(&format!("2{body}"));
            let _ = parse_link(&format!("2ACAAAAxAAAj&why={body}"));
        }

        #[test]
        fn every_truncation_is_rejected(tags in any_tags(), cut in 0usize..CODE_LEN) {
            let code = encode_tags(&tags);
            let err = decode_tags(&code[..cut]).unwrap_err();
            prop_assert!(matches!(err, ShareError::Empty | ShareError::Incomplete));
        }
    }
}
