//! A leaf: the one hexadecimal SHA-256 of the crate (evidence files, breach attachments, signed
//! documents' verification codes, archive manifests).

use sha2::{Digest as _, Sha256};

/// The SHA-256 of `bytes`, as 64 lower-case hexadecimal digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
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
mod tests {
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
