//! The vault file's bytes: a frame that every version keeps, and the version-1 header inside it.
//! The authoritative description is `docs/vault-format.md`.
//!
//! ```text
//! magic "VIGIEVLT" | version u16 | header_len u32 | payload_len u64 | header | payload | SHA-256
//! ```
//! All integers are little-endian. The SHA-256 trailer covers everything before it: it tells accidental
//! damage (a flipped byte, a truncated copy) apart from a wrong passphrase before any key is derived.
//! The AES-GCM tag of the payload, whose associated data is everything before the payload, then proves
//! that nobody who lacked the key changed anything.

use sha2::{Digest as _, Sha256};

use super::VaultError;
use super::crypto::{KdfParams, NONCE_LEN, SALT_LEN, WRAPPED_LEN, WrappedKey};

/// First bytes of every vault file.
pub const MAGIC: &[u8; 8] = b"VIGIEVLT";
/// The format version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u16 = 1;
/// Bytes before the header: magic, version, header length, payload length.
pub const PREFIX_LEN: usize = 8 + 2 + 4 + 8;
/// Bytes of the SHA-256 trailer.
pub const TRAILER_LEN: usize = 32;
/// Identifier of Argon2id version 0x13 in the header.
const KDF_ARGON2ID: u8 = 1;
/// Bytes of a version-1 header.
pub const HEADER_V1_LEN: usize = 1 + 12 + 2 * (SALT_LEN + NONCE_LEN + WRAPPED_LEN) + NONCE_LEN;

/// The version-1 header: how to derive the keys, the data key wrapped twice, the payload's nonce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Argon2id parameters for both wrappings.
    pub kdf: KdfParams,
    /// The data key wrapped by the passphrase.
    pub by_passphrase: WrappedKey,
    /// The data key wrapped by the recovery code.
    pub by_recovery: WrappedKey,
    /// Nonce of the payload encryption, fresh at every save.
    pub payload_nonce: [u8; NONCE_LEN],
}

impl Header {
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_V1_LEN);
        out.push(KDF_ARGON2ID);
        out.extend_from_slice(&self.kdf.m_cost_kib.to_le_bytes());
        out.extend_from_slice(&self.kdf.t_cost.to_le_bytes());
        out.extend_from_slice(&self.kdf.p_cost.to_le_bytes());
        for w in [&self.by_passphrase, &self.by_recovery] {
            out.extend_from_slice(&w.salt);
            out.extend_from_slice(&w.nonce);
            out.extend_from_slice(&w.wrapped);
        }
        out.extend_from_slice(&self.payload_nonce);
        out
    }

    fn decode(bytes: &[u8]) -> Result<Self, VaultError> {
        if bytes.len() != HEADER_V1_LEN || bytes[0] != KDF_ARGON2ID {
            return Err(VaultError::Corrupt);
        }
        let mut r = Reader(&bytes[1..]);
        let kdf = KdfParams {
            m_cost_kib: r.u32(),
            t_cost: r.u32(),
            p_cost: r.u32(),
        };
        if !kdf.is_sane() {
            return Err(VaultError::Corrupt);
        }
        let mut wrapped = || WrappedKey {
            salt: r.array(),
            nonce: r.array(),
            wrapped: r.array(),
        };
        let by_passphrase = wrapped();
        let by_recovery = wrapped();
        Ok(Self {
            kdf,
            by_passphrase,
            by_recovery,
            payload_nonce: r.array(),
        })
    }
}

/// Reads fixed-size fields from a slice whose length was checked beforehand.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        out.copy_from_slice(&self.0[..N]);
        self.0 = &self.0[N..];
        out
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.array())
    }
}

/// A decoded vault file, its payload still encrypted.
#[derive(Debug)]
pub struct Parsed<'a> {
    /// The format version found.
    pub version: u16,
    /// The header.
    pub header: Header,
    /// Everything before the payload: the associated data of its encryption.
    pub aad: &'a [u8],
    /// The encrypted payload.
    pub payload: &'a [u8],
    /// The file's SHA-256 trailer, which identifies this exact file.
    pub trailer: [u8; TRAILER_LEN],
}

fn read_u16(b: &[u8]) -> u16 {
    u16::from_le_bytes([b[0], b[1]])
}

/// Checks a file's first bytes (up to [`PREFIX_LEN`]) against its size, before the rest is read: a file
/// that does not start as a vault, or whose lengths do not add up to its size, is refused without reading
/// it (a large unrelated file costs nothing).
pub fn check_prefix(prefix: &[u8], size: u64) -> Result<(), VaultError> {
    let n = prefix.len().min(MAGIC.len());
    if n == 0 || prefix[..n] != MAGIC[..n] {
        return Err(VaultError::NotAVault);
    }
    if prefix.len() < PREFIX_LEN || size < (PREFIX_LEN + TRAILER_LEN) as u64 {
        return Err(VaultError::Truncated {
            expected: (PREFIX_LEN + TRAILER_LEN) as u64,
            actual: size,
        });
    }
    let header_len = u64::from(u32::from_le_bytes([
        prefix[10], prefix[11], prefix[12], prefix[13],
    ]));
    let mut payload_len = [0u8; 8];
    payload_len.copy_from_slice(&prefix[14..22]);
    let expected = (PREFIX_LEN as u64 + TRAILER_LEN as u64)
        .saturating_add(header_len)
        .saturating_add(u64::from_le_bytes(payload_len));
    if size < expected {
        return Err(VaultError::Truncated {
            expected,
            actual: size,
        });
    }
    if size > expected {
        return Err(VaultError::Corrupt);
    }
    Ok(())
}

/// Checks the frame and decodes the header, without any key.
pub fn parse(bytes: &[u8]) -> Result<Parsed<'_>, VaultError> {
    let actual = bytes.len() as u64;
    if bytes.len() < PREFIX_LEN + TRAILER_LEN {
        let n = bytes.len().min(MAGIC.len());
        return Err(if bytes[..n] == MAGIC[..n] && !bytes.is_empty() {
            VaultError::Truncated {
                expected: (PREFIX_LEN + TRAILER_LEN) as u64,
                actual,
            }
        } else {
            VaultError::NotAVault
        });
    }
    if &bytes[..8] != MAGIC {
        return Err(VaultError::NotAVault);
    }
    let version = read_u16(&bytes[8..10]);
    let header_len = u64::from(u32::from_le_bytes([
        bytes[10], bytes[11], bytes[12], bytes[13],
    ]));
    let mut payload_len = [0u8; 8];
    payload_len.copy_from_slice(&bytes[14..22]);
    let payload_len = u64::from_le_bytes(payload_len);
    let expected = (PREFIX_LEN as u64 + TRAILER_LEN as u64)
        .saturating_add(header_len)
        .saturating_add(payload_len);

    let (body, trailer) = bytes.split_at(bytes.len() - TRAILER_LEN);
    let intact = Sha256::digest(body).as_slice() == trailer;
    if !intact {
        return Err(if actual < expected {
            VaultError::Truncated { expected, actual }
        } else {
            VaultError::Corrupt
        });
    }
    if actual != expected || version == 0 {
        return Err(VaultError::Corrupt);
    }
    if version > CURRENT_VERSION {
        return Err(VaultError::NewerVersion {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    // Both lengths fit in the file (checked just above), so they fit in usize.
    let header_end = PREFIX_LEN + header_len as usize;
    let header = Header::decode(&bytes[PREFIX_LEN..header_end])?;
    let mut trailer_bytes = [0u8; TRAILER_LEN];
    trailer_bytes.copy_from_slice(trailer);
    Ok(Parsed {
        version,
        header,
        aad: &bytes[..header_end],
        payload: &body[header_end..],
        trailer: trailer_bytes,
    })
}

/// The bytes before the payload for `header` and a payload of `payload_len` bytes: the associated data.
pub fn encode_prefix(header: &Header, payload_len: usize) -> Vec<u8> {
    let header_bytes = header.encode();
    let mut out = Vec::with_capacity(PREFIX_LEN + header_bytes.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&CURRENT_VERSION.to_le_bytes());
    out.extend_from_slice(&(header_bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(&(payload_len as u64).to_le_bytes());
    out.extend_from_slice(&header_bytes);
    out
}

/// Completes a file: prefix, payload, and the SHA-256 trailer. Returns the bytes and the trailer.
pub fn finish(mut prefix: Vec<u8>, payload: &[u8]) -> (Vec<u8>, [u8; TRAILER_LEN]) {
    prefix.extend_from_slice(payload);
    let digest: [u8; TRAILER_LEN] = Sha256::digest(&prefix).into();
    prefix.extend_from_slice(&digest);
    (prefix, digest)
}

/// Rewrites the version field and the trailer of a file: only for tests of the newer-version refusal.
#[doc(hidden)]
pub fn with_version_for_tests(bytes: &[u8], version: u16) -> Vec<u8> {
    let mut body = bytes[..bytes.len() - TRAILER_LEN].to_vec();
    body[8..10].copy_from_slice(&version.to_le_bytes());
    finish(body, &[]).0
}
