//! The class-result link: a class's per-point counts (and its label) in a
//! URL fragment, `#result=<code>[&class=<label>]`, so a teacher can show or
//! send the class's result. It carries counts only: no student's tags, no
//! name. (A class of one student is that student's tags, of course: the UI
//! may want a minimum before offering the link.)
//!
//! Version 1 code: `1` (version), then base64url of the body, then one check
//! character (the body's sextets times odd weights, summed mod 64, as in
//! `share.rs`: any single changed character shows).
//! The body: the number of students `s` as an LEB128 varint (7 bits a byte,
//! low bits first, canonical: no needless trailing zero byte), then for each
//! point in order the Russia, Ukraine and Neutral counts, each in exactly
//! `w` bits (most significant first), where `w` is the bit length of `s`,
//! zero bits to the end of the last byte. Untagged is `s` minus the three.
//! The code's length follows from `s`, so a cut-off code is told apart from
//! a damaged one. A class of 30 is a 74-character code.

use crate::base64url;
use crate::class::ClassCounts;
use crate::share::{clean_class, percent_decode, percent_encode};
use crate::ui;
use crate::POINT_COUNT;

pub const VERSION: char = '1';
/// Version characters kept for later formats; any other first character is not a result code.
pub const RESERVED_VERSIONS: std::ops::RangeInclusive<char> = '2'..='9';
/// Longer input is rejected before any work (a class of 2⁶⁴ students needs under 1,000 characters).
pub const MAX_INPUT_LEN: usize = 2048;
/// No class is larger. The cap keeps every sum the page makes (28 points of
/// a million students) inside 32 bits, the wasm target's `usize`.
pub const MAX_STUDENTS: u64 = 1_000_000;
/// The fragment's key.
pub const PREFIX: &str = "result=";

/// Why a class-result link could not be read. Every variant has a plain-words message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassLinkError {
    Incomplete,
    TooLong,
    UnknownVersion,
    NotAResult,
    Damaged,
    CountsDoNotAddUp,
    BadClass,
}

impl ClassLinkError {
    pub fn message(self) -> &'static str {
        match self {
            ClassLinkError::Incomplete => ui::class_error_incomplete(),
            ClassLinkError::TooLong => ui::class_error_too_long(),
            ClassLinkError::UnknownVersion => ui::class_error_unknown_version(),
            ClassLinkError::NotAResult => ui::class_error_not_a_result(),
            ClassLinkError::Damaged => ui::class_error_damaged(),
            ClassLinkError::CountsDoNotAddUp => ui::class_error_counts_do_not_add_up(),
            ClassLinkError::BadClass => ui::class_error_bad_class(),
        }
    }
}

/// The fragment (without `#`): `result=<code>` and `&class=<label>` when a label is given.
pub fn encode(counts: &ClassCounts, label: Option<&str>) -> String {
    let mut f = format!("{PREFIX}{}", encode_counts(counts));
    if let Some(label) = label.and_then(clean_class) {
        f.push_str("&class=");
        f.push_str(&percent_encode(&label));
    }
    f
}

/// Reads what follows `result=`: the code, then an optional `&class=`.
/// Unknown parameters are ignored so later versions can add some.
pub fn parse_params(params: &str) -> Result<(ClassCounts, Option<String>), ClassLinkError> {
    if params.len() > MAX_INPUT_LEN {
        return Err(ClassLinkError::TooLong);
    }
    let mut parts = params.split('&');
    let counts = decode_counts(parts.next().unwrap_or_default())?;
    let mut label = None;
    for part in parts {
        if let Some(raw) = part.strip_prefix("class=") {
            label = clean_class(&percent_decode(raw).ok_or(ClassLinkError::BadClass)?);
        }
    }
    Ok((counts, label))
}

/// A whole fragment (with or without `#`): `None` when it is not a class
/// result at all, so the router can try it as something else.
pub fn parse_fragment(fragment: &str) -> Option<Result<(ClassCounts, Option<String>), ClassLinkError>> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    f.strip_prefix(PREFIX).map(parse_params)
}

/// The code alone.
pub fn encode_counts(counts: &ClassCounts) -> String {
    let students = counts.students() as u64;
    let width = bit_length(students);
    let mut bits = BitWriter::default();
    for tally in counts.tallies() {
        for count in [tally.russia, tally.ukraine, tally.neutral] {
            bits.push(count as u64, width);
        }
    }
    let mut bytes = leb128(students);
    bytes.extend(bits.bytes);
    let body = base64url::encode(&bytes);
    let mut code = String::with_capacity(body.len() + 2);
    code.push(VERSION);
    code.push_str(&body);
    code.push(check_char(&body));
    code
}

pub fn decode_counts(code: &str) -> Result<ClassCounts, ClassLinkError> {
    if code.len() > MAX_INPUT_LEN {
        return Err(ClassLinkError::TooLong);
    }
    let mut chars = code.chars();
    match chars.next() {
        None => return Err(ClassLinkError::Incomplete),
        Some(VERSION) => {}
        Some(c) if RESERVED_VERSIONS.contains(&c) => return Err(ClassLinkError::UnknownVersion),
        Some(_) => return Err(ClassLinkError::NotAResult),
    }
    let rest = chars.as_str();
    let sextets: Vec<u8> =
        rest.chars().map(base64url::value_of).collect::<Option<_>>().ok_or(ClassLinkError::NotAResult)?;
    let students = students_from_sextets(&sextets)?;
    if students > MAX_STUDENTS {
        return Err(ClassLinkError::Damaged);
    }
    let expected = base64_len(leb128(students).len() + body_bits(students).div_ceil(8));
    // The length follows from the student count: shorter is a cut-off code
    // (or a damaged count, which no one can tell apart), longer is damaged.
    if sextets.len() < expected + 1 {
        return Err(ClassLinkError::Incomplete);
    }
    if sextets.len() > expected + 1 {
        return Err(ClassLinkError::Damaged);
    }
    let (body, check) = rest.split_at(expected);
    if !check.starts_with(check_char(body)) {
        return Err(ClassLinkError::Damaged);
    }
    let bytes = base64url::decode(body).map_err(|_| ClassLinkError::Damaged)?;
    let head = leb128(students).len();
    let mut reader = BitReader { bytes: &bytes[head..], at: 0 };
    let width = bit_length(students);
    let mut tagged = Vec::with_capacity(POINT_COUNT);
    for _ in 0..POINT_COUNT {
        let mut triple = [0usize; 3];
        for count in &mut triple {
            *count = usize::try_from(reader.take(width)).map_err(|_| ClassLinkError::Damaged)?;
        }
        tagged.push(triple);
    }
    if !reader.rest_is_zero() {
        return Err(ClassLinkError::Damaged);
    }
    let students = usize::try_from(students).map_err(|_| ClassLinkError::Damaged)?;
    ClassCounts::from_tagged(students, &tagged).ok_or(ClassLinkError::CountsDoNotAddUp)
}

/// The student count from the first sextets: `Incomplete` when they end
/// inside it, `Damaged` when it is not a canonical varint of at most 64 bits.
fn students_from_sextets(sextets: &[u8]) -> Result<u64, ClassLinkError> {
    let mut reader = SextetBytes { sextets, at: 0 };
    let mut value = 0u64;
    for i in 0..10 {
        let byte = reader.next().ok_or(ClassLinkError::Incomplete)?;
        let low = u64::from(byte & 0x7f);
        if i == 9 && low > 1 {
            return Err(ClassLinkError::Damaged); // beyond 64 bits
        }
        value |= low << (7 * i);
        if byte & 0x80 == 0 {
            // Canonical: a last byte of zero only when it is the only byte.
            return if byte == 0 && i > 0 { Err(ClassLinkError::Damaged) } else { Ok(value) };
        }
    }
    Err(ClassLinkError::Damaged)
}

/// Bytes read from base64url sextets, without decoding the whole code.
struct SextetBytes<'a> {
    sextets: &'a [u8],
    at: usize,
}

impl SextetBytes<'_> {
    fn next(&mut self) -> Option<u8> {
        let mut byte = 0u8;
        for _ in 0..8 {
            let sextet = *self.sextets.get(self.at / 6)?;
            byte = byte << 1 | (sextet >> (5 - self.at % 6)) & 1;
            self.at += 1;
        }
        Some(byte)
    }
}

fn leb128(mut value: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(3);
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

/// Bits needed to write `n` (0 for 0).
fn bit_length(n: u64) -> u32 {
    u64::BITS - n.leading_zeros()
}

/// Bits of the counts: three per point, `bit_length(students)` each.
fn body_bits(students: u64) -> usize {
    3 * POINT_COUNT * bit_length(students) as usize
}

/// Characters of unpadded base64url for `bytes` bytes.
fn base64_len(bytes: usize) -> usize {
    (bytes * 8).div_ceil(6)
}

/// As in `share.rs`: sextets times odd weights, summed mod 64.
fn check_char(body: &str) -> char {
    let sum: u64 =
        body.chars().filter_map(base64url::value_of).enumerate().map(|(i, v)| (2 * i as u64 + 1) * u64::from(v)).sum();
    base64url::char_of((sum % 64) as u8)
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    bits: usize,
}

impl BitWriter {
    /// The low `width` bits of `value`, most significant first.
    fn push(&mut self, value: u64, width: u32) {
        for i in (0..width).rev() {
            if self.bits.is_multiple_of(8) {
                self.bytes.push(0);
            }
            let bit = (value >> i) as u8 & 1;
            if let Some(last) = self.bytes.last_mut() {
                *last |= bit << (7 - self.bits % 8);
            }
            self.bits += 1;
        }
    }
}

struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl BitReader<'_> {
    /// The next `width` bits as a number; missing bits read as zero (the
    /// length was checked before reading).
    fn take(&mut self, width: u32) -> u64 {
        let mut value = 0u64;
        for _ in 0..width {
            let bit = self.bytes.get(self.at / 8).map_or(0, |b| b >> (7 - self.at % 8) & 1);
            value = value << 1 | u64::from(bit);
            self.at += 1;
        }
        value
    }

    /// Whether the padding after the counts is all zero bits (else two codes would read alike).
    fn rest_is_zero(&self) -> bool {
        let byte = self.at / 8;
        let partial =
            self.bytes.get(byte).is_none_or(|b| self.at.is_multiple_of(8) || b & (0xff >> (self.at % 8)) == 0);
        partial && self.bytes.iter().skip(byte + 1).all(|&b| b == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategies::any_class_counts;
    use crate::tags::{Tag, Tags};
    use proptest::prelude::*;

    fn sample(students: usize) -> ClassCounts {
        let class: Vec<Tags> = (0..students)
            .map(|i| {
                let mut t = Tags::default();
                for n in 1..=POINT_COUNT as u8 {
                    t.set(n, Tag::from_bits(((i + usize::from(n)) % 4) as u8));
                }
                t
            })
            .collect();
        ClassCounts::count(&class)
    }

    #[test]
    fn a_class_of_30_makes_a_short_link() {
        let f = encode(&sample(30), Some("9B"));
        let code = f.strip_prefix(PREFIX).unwrap().split('&').next().unwrap();
        assert_eq!(code.len(), 74);
        assert!(f.len() < 100, "{} characters: {f}", f.len());
        assert!(code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert!(f.ends_with("&class=9B"));
        assert_eq!(parse_params(f.strip_prefix(PREFIX).unwrap()), Ok((sample(30), Some("9B".into()))));
        assert_eq!(parse_fragment(&format!("#{f}")), Some(Ok((sample(30), Some("9B".into())))));
        assert_eq!(parse_fragment("#share=1AAAAAAAAAAA"), None);
    }

    #[test]
    fn empty_and_large_classes() {
        let empty = ClassCounts::default();
        assert_eq!(encode_counts(&empty).len(), 4);
        assert_eq!(decode_counts(&encode_counts(&empty)), Ok(empty));
        for n in [1, 2, 127, 128, 1000] {
            assert_eq!(decode_counts(&encode_counts(&sample(n))), Ok(sample(n)), "{n}");
        }
        let largest = MAX_STUDENTS as usize;
        let largest = ClassCounts::from_tagged(largest, &vec![[largest, 0, 0]; POINT_COUNT]).unwrap();
        assert_eq!(decode_counts(&encode_counts(&largest)), Ok(largest));
        // Beyond the cap the code is still short, and read as damaged.
        let huge = ClassCounts::from_tagged(usize::MAX, &vec![[usize::MAX, 0, 0]; POINT_COUNT]).unwrap();
        let code = encode_counts(&huge);
        assert!(code.len() < MAX_INPUT_LEN);
        assert_eq!(decode_counts(&code), Err(ClassLinkError::Damaged));
    }

    #[test]
    fn each_bad_input_has_its_own_error() {
        let good = encode_counts(&sample(30));
        assert_eq!(decode_counts(""), Err(ClassLinkError::Incomplete));
        assert_eq!(decode_counts("1"), Err(ClassLinkError::Incomplete));
        assert_eq!(decode_counts(&good[..40]), Err(ClassLinkError::Incomplete));
        assert_eq!(decode_counts(&format!("2{}", &good[1..])), Err(ClassLinkError::UnknownVersion));
        assert_eq!(decode_counts(&format!("a{}", &good[1..])), Err(ClassLinkError::NotAResult));
        assert_eq!(decode_counts("<b>hi</b>"), Err(ClassLinkError::NotAResult));
        assert_eq!(decode_counts(&format!("{good}.")), Err(ClassLinkError::NotAResult));
        assert_eq!(decode_counts(&format!("{good}AA")), Err(ClassLinkError::Damaged));
        assert_eq!(decode_counts(&"1".repeat(5000)), Err(ClassLinkError::TooLong));
        assert_eq!(parse_params(&"A".repeat(5000)), Err(ClassLinkError::TooLong));
        assert_eq!(parse_params(&format!("{good}&class=%ZZ")), Err(ClassLinkError::BadClass));
        assert_eq!(parse_params(&format!("{good}&x=1")).map(|(_, l)| l), Ok(None));
    }

    /// Writes a code by hand, as a forger or a buggy page would.
    fn forge(students: u64, counts: &[u64]) -> String {
        let mut bits = BitWriter::default();
        for &c in counts {
            bits.push(c, bit_length(students));
        }
        let mut bytes = leb128(students);
        bytes.extend(bits.bytes);
        let body = base64url::encode(&bytes);
        format!("1{body}{}", check_char(&body))
    }

    #[test]
    fn a_class_beyond_the_cap_is_damaged() {
        let counts = vec![0u64; 3 * POINT_COUNT];
        assert!(decode_counts(&forge(MAX_STUDENTS, &counts)).is_ok());
        assert_eq!(decode_counts(&forge(MAX_STUDENTS + 1, &counts)), Err(ClassLinkError::Damaged));
        assert_eq!(decode_counts(&forge(u64::MAX, &counts)), Err(ClassLinkError::Damaged));
    }

    #[test]
    fn counts_that_do_not_add_up_are_rejected() {
        let mut counts = vec![0u64; 3 * POINT_COUNT];
        counts[0] = 3;
        counts[1] = 3; // 6 tagged answers in a class of 5
        assert_eq!(decode_counts(&forge(5, &counts)), Err(ClassLinkError::CountsDoNotAddUp));
        counts[1] = 2;
        assert_eq!(decode_counts(&forge(5, &counts)).unwrap().point(1).unwrap().untagged, 0);
        // A count above the class size fits in the bits but not in the class.
        counts[1] = 7;
        counts[0] = 0;
        assert_eq!(decode_counts(&forge(5, &counts)), Err(ClassLinkError::CountsDoNotAddUp));
    }

    #[test]
    fn only_canonical_codes_are_read() {
        // A padded varint (0 written as 0x80 0x00) is another way to write a count.
        let body = base64url::encode(&[0x80, 0x00]);
        assert_eq!(decode_counts(&format!("1{body}{}", check_char(&body))), Err(ClassLinkError::Damaged));
        // Non-zero padding after the counts.
        let mut bytes = leb128(1);
        bytes.extend(vec![0u8; (3 * POINT_COUNT).div_ceil(8)]);
        *bytes.last_mut().unwrap() |= 1;
        let body = base64url::encode(&bytes);
        assert_eq!(decode_counts(&format!("1{body}{}", check_char(&body))), Err(ClassLinkError::Damaged));
    }

    #[test]
    fn messages_are_plain_sentences() {
        use ClassLinkError::*;
        for e in [Incomplete, TooLong, UnknownVersion, NotAResult, Damaged, CountsDoNotAddUp, BadClass] {
            let m = e.message();
            assert!(m.ends_with('.') && m.len() < 120 && m.starts_with(char::is_uppercase), "{m}");
        }
    }

    #[test]
    fn carries_counts_and_label_only() {
        // Two classes with the same counts but different students give the same link.
        let mut a = Tags::default();
        a.set(1, Some(Tag::Russia));
        let mut b = Tags::default();
        b.set(2, Some(Tag::Ukraine));
        let mut c = Tags::default();
        c.set(1, Some(Tag::Russia));
        c.set(2, Some(Tag::Ukraine));
        assert_eq!(
            encode(&ClassCounts::count(&[a, b]), None),
            encode(&ClassCounts::count(&[c, Tags::default()]), None)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn round_trips(counts in any_class_counts(), label in proptest::option::of("\\PC{0,50}")) {
            let f = encode(&counts, label.as_deref());
            let params = f.strip_prefix(PREFIX).unwrap();
            prop_assert_eq!(parse_params(params), Ok((counts, label.as_deref().and_then(clean_class))));
        }

        #[test]
        fn every_truncation_is_rejected(counts in any_class_counts(), cut in 0usize..1000) {
            let code = encode_counts(&counts);
            let cut = cut % code.len();
            prop_assert_eq!(decode_counts(&code[..cut]), Err(ClassLinkError::Incomplete));
        }

        #[test]
        fn any_single_changed_character_is_caught(counts in any_class_counts(), pos in 1usize..1000, delta in 1u8..64) {
            let code = encode_counts(&counts);
            let mut chars: Vec<char> = code.chars().collect();
            let pos = 1 + pos % (chars.len() - 1);
            chars[pos] = base64url::char_of(base64url::value_of(chars[pos]).unwrap().wrapping_add(delta) % 64);
            let damaged: String = chars.into_iter().collect();
            let err = decode_counts(&damaged).unwrap_err();
            prop_assert!(matches!(err, ClassLinkError::Damaged | ClassLinkError::Incomplete), "{:?}", err);
        }

        #[test]
        fn arbitrary_text_never_panics(text in ".{0,300}") {
            let _ = parse_params(&text);
            let _ = parse_fragment(&text);
            let _ = decode_counts(&format!("1{text}"));
        }

        #[test]
        fn arbitrary_codes_never_panic(body in "[A-Za-z0-9_-]{0,200}") {
            let _ = decode_counts(&format!("1{body}"));
        }
    }
}
