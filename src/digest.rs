//! A leaf: the one hexadecimal SHA-256 of the crate (evidence files, breach attachments, signed
//! documents' verification codes, archive manifests).

use sha2::{Digest as _, Sha256};

/// The SHA-256 of `bytes`, as 64 lower-case hexadecimal digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The name of a checksum list as `sha256sum` writes it.
pub const SUMS_FILE: &str = "SHA256SUMS";

/// A `SHA256SUMS` list of `files` as `sha256sum` writes it and `sha256sum -c` reads it: one line a
/// file, `<64 hex digits>` two spaces `<name>`, sorted by name (names with `/` for sub-folders).
pub fn sums<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> String {
    sums_of_hashes(files.into_iter().map(|(n, b)| (n, sha256_hex(b))))
}

/// A `SHA256SUMS` list of names and their hexadecimal SHA-256 already computed (see [`sums`]). A name
/// holding a backslash, a line feed or a carriage return is written as GNU `sha256sum` does: the line
/// starts with a backslash and those characters are escaped (`\\`, `\n`, `\r`).
pub fn sums_of_hashes<'a>(files: impl IntoIterator<Item = (&'a str, String)>) -> String {
    let mut lines: Vec<(&str, String)> = files.into_iter().collect();
    lines.sort_unstable();
    lines.iter().fold(String::new(), |mut out, (n, h)| {
        if n.contains(['\\', '\n', '\r']) {
            out.push('\\');
            out.push_str(h);
            out.push_str("  ");
            out.push_str(
                &n.replace('\\', "\\\\")
                    .replace('\n', "\\n")
                    .replace('\r', "\\r"),
            );
        } else {
            out.push_str(h);
            out.push_str("  ");
            out.push_str(n);
        }
        out.push('\n');
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_are_sorted_two_spaced_and_escape_as_gnu_sha256sum_does() {
        let text = sums([("b.txt", &b"b"[..]), ("a/x", &b""[..])]);
        assert_eq!(
            text,
            format!("{}  a/x\n{}  b.txt\n", sha256_hex(b""), sha256_hex(b"b"))
        );
        let odd = sums_of_hashes([("a\\b\nc", "00".to_owned())]);
        assert_eq!(odd, "\\00  a\\\\b\\nc\n");
    }
}

/// Bytes with their SHA-256, computed where the bytes were read (a background job), so that taking them
/// into a record (an evidence file, a breach attachment) costs no hashing on the window's thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hashed {
    bytes: Vec<u8>,
    sha256: String,
}

impl Hashed {
    /// `bytes`, hashed now.
    pub fn new(bytes: Vec<u8>) -> Self {
        let sha256 = sha256_hex(&bytes);
        Self { bytes, sha256 }
    }

    /// The bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Their SHA-256, in hexadecimal.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// The bytes and their SHA-256.
    pub fn into_parts(self) -> (Vec<u8>, String) {
        (self.bytes, self.sha256)
    }
}

#[cfg(test)]
mod sums_tests {
    #[test]
    fn hashed_bytes_carry_their_digest() {
        let h = super::Hashed::new(b"abc".to_vec());
        assert_eq!(h.bytes(), b"abc");
        assert_eq!(h.sha256(), super::sha256_hex(b"abc"));
    }

    #[test]
    fn the_sha256_of_abc_is_the_standard_one() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
