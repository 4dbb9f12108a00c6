//! Unpadded base64url (RFC 4648 §5): the share code's alphabet, safe in a
//! URL fragment without escaping. Small enough not to need a crate.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn char_of(sextet: u8) -> char {
    char::from(ALPHABET[usize::from(sextet & 63)])
}

pub fn value_of(c: char) -> Option<u8> {
    match c {
        'A'..='Z' => Some(c as u8 - b'A'),
        'a'..='z' => Some(c as u8 - b'a' + 26),
        '0'..='9' => Some(c as u8 - b'0' + 52),
        '-' => Some(62),
        '_' => Some(63),
        _ => None,
    }
}

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(char_of((n >> (18 - 6 * i)) as u8));
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// A character outside the alphabet.
    BadCharacter,
    /// A length no encoder produces (4k + 1), or non-zero padding bits.
    NotCanonical,
}

pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    let values: Vec<u8> = text.chars().map(value_of).collect::<Option<_>>().ok_or(DecodeError::BadCharacter)?;
    if values.len() % 4 == 1 {
        return Err(DecodeError::NotCanonical);
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &v)| n | u32::from(v) << (18 - 6 * i));
        let bytes = chunk.len() - 1;
        // Bits beyond the last whole byte must be zero, or two texts would decode alike.
        if n & (0x00ff_ffff >> (8 * bytes)) != 0 {
            return Err(DecodeError::NotCanonical);
        }
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_vectors() {
        // RFC 4648 test vectors, unpadded.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn rejects_what_no_encoder_writes() {
        assert_eq!(decode("Zh"), Err(DecodeError::NotCanonical));
        assert_eq!(decode("Zm9vY"), Err(DecodeError::NotCanonical));
        assert_eq!(decode("Zm+v"), Err(DecodeError::BadCharacter));
        assert_eq!(decode("Zm9v="), Err(DecodeError::BadCharacter));
    }

    proptest! {
        #[test]
        fn round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let text = encode(&bytes);
            prop_assert!(text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
            prop_assert_eq!(decode(&text).unwrap(), bytes);
        }

        #[test]
        fn never_panics(text in ".{0,80}") {
            let _ = decode(&text);
        }
    }
}
