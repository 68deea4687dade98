//! `#code=` links: the program's UTF-8 source in base64url without padding
//! (RFC 4648 section 5), in the URL's fragment so that it never reaches a
//! server. Reading accepts padding and the standard alphabet's `+` and `/`
//! too (links pasted through tools that "fix" them), and says what is wrong
//! with a link it cannot read.

/// The longest program a link may carry, in bytes of source.
pub const MAX_SOURCE: usize = 64 * 1024;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `source` as base64url, no padding.
pub fn encode(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// The source a link's base64url text carries.
///
/// # Errors
/// A sentence saying what is wrong: a character outside the alphabet, a
/// truncated text, bytes that are not UTF-8, a program too long.
pub fn decode(text: &str) -> Result<String, String> {
    let text = text.trim().trim_end_matches('=');
    if text.len() / 4 * 3 > MAX_SOURCE + 3 {
        return Err(format!("the program is longer than {} KB", MAX_SOURCE / 1024));
    }
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut acc = 0u32;
    let mut bits = 0;
    for (i, c) in text.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => {
                let shown = text[i..].chars().next().unwrap_or('?');
                return Err(format!("{shown:?} at position {} is not a base64url character", i + 1));
            }
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if text.len() % 4 == 1 {
        return Err("the text is cut short (its length is not a whole number of bytes)".to_string());
    }
    if bytes.len() > MAX_SOURCE {
        return Err(format!("the program is longer than {} KB", MAX_SOURCE / 1024));
    }
    String::from_utf8(bytes).map_err(|_| "the program is not UTF-8 text".to_string())
}

/// The `code=` value of a URL fragment (`location.hash`, with or without
/// its `#`), if it has one.
pub fn fragment_code(hash: &str) -> Option<&str> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&').find_map(|part| part.strip_prefix("code="))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length_and_unicode() {
        for source in ["", "a", "ab", "abc", "abcd", "print('héllo 世界 🎉')\n", "x = 1\n\tif x:\n  pass"]
        {
            let text = encode(source);
            assert!(!text.contains('='), "{text}");
            assert_eq!(decode(&text).unwrap(), source);
        }
        let long: String = (0..8192).map(|i| char::from(b' ' + (i % 90) as u8)).collect();
        assert_eq!(decode(&encode(&long)).unwrap(), long);
    }

    #[test]
    fn matches_the_standard_encoding() {
        // RFC 4648's test vectors, url alphabet, unpadded.
        assert_eq!(encode("f"), "Zg");
        assert_eq!(encode("fo"), "Zm8");
        assert_eq!(encode("foo"), "Zm9v");
        assert_eq!(encode("foobar"), "Zm9vYmFy");
        assert_eq!(encode("\u{fb}\u{ff}"), "w7vDvw");
        assert_eq!(decode("Zm9vYg==").unwrap(), "foob");
        assert_eq!(decode("w7v+").unwrap_err(), "the program is not UTF-8 text");
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(decode("ab!c").unwrap_err(), "'!' at position 3 is not a base64url character");
        assert!(decode("Zm9vY").unwrap_err().contains("cut short"));
        assert!(decode(&"A".repeat(100_000)).unwrap_err().contains("longer than 64 KB"));
        assert!(decode("_w").unwrap_err().contains("UTF-8"));
    }

    #[test]
    fn finds_the_code_in_a_fragment() {
        assert_eq!(fragment_code("#code=Zm9v"), Some("Zm9v"));
        assert_eq!(fragment_code("code=Zm9v&x=1"), Some("Zm9v"));
        assert_eq!(fragment_code("#run"), None);
        assert_eq!(fragment_code(""), None);
    }
}
