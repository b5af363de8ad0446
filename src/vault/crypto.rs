//! Key derivation (Argon2id), key wrapping and payload sealing (AES-256-GCM).

use aes_gcm::aead::{Aead as _, KeyInit as _, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use zeroize::Zeroizing;

use super::VaultError;

/// Length of a data key or key-encryption key.
pub const KEY_LEN: usize = 32;
/// Length of a salt.
pub const SALT_LEN: usize = 16;
/// Length of an AES-GCM nonce.
pub const NONCE_LEN: usize = 12;
/// Length of an AES-GCM tag.
pub const TAG_LEN: usize = 16;
/// Length of a wrapped key (the key plus its tag).
pub const WRAPPED_LEN: usize = KEY_LEN + TAG_LEN;

/// A 256-bit key, wiped from memory when dropped.
pub type Key = Zeroizing<[u8; KEY_LEN]>;

/// Argon2id cost parameters, stored in the vault header so that later versions can raise them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_cost_kib: u32,
    /// Passes over memory.
    pub t_cost: u32,
    /// Lanes.
    pub p_cost: u32,
}

impl KdfParams {
    /// What new vaults use: 64 MiB, 3 passes, 1 lane (about half a second on an ordinary office PC).
    pub const DEFAULT: Self = Self {
        m_cost_kib: 64 * 1024,
        t_cost: 3,
        p_cost: 1,
    };

    /// The most a vault may declare: four times the memory and passes Vigie writes, four lanes — room for
    /// a later version to raise the cost, and at most a few seconds and 256 MiB to refuse a tampered
    /// header (its SHA-256 trailer is no protection: anyone can recompute it).
    pub const MAX: Self = Self {
        m_cost_kib: 256 * 1024,
        t_cost: 12,
        p_cost: 4,
    };

    /// The least a vault may declare (8 MiB, one pass): a tampered header cannot weaken the derivation
    /// below it.
    pub const MIN: Self = Self {
        m_cost_kib: 8 * 1024,
        t_cost: 1,
        p_cost: 1,
    };

    /// Whether the parameters are within [`KdfParams::MIN`] and [`KdfParams::MAX`], checked before any
    /// derivation; anything else is refused as a damaged or modified file.
    pub fn is_sane(&self) -> bool {
        (Self::MIN.m_cost_kib..=Self::MAX.m_cost_kib).contains(&self.m_cost_kib)
            && (Self::MIN.t_cost..=Self::MAX.t_cost).contains(&self.t_cost)
            && (Self::MIN.p_cost..=Self::MAX.p_cost).contains(&self.p_cost)
    }
}

/// Fills a fresh array with random bytes.
pub fn random<const N: usize>() -> Result<[u8; N], VaultError> {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).or(Err(VaultError::Random))?;
    Ok(out)
}

/// A fresh random data key.
pub fn random_key() -> Result<Key, VaultError> {
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    getrandom::fill(key.as_mut_slice()).or(Err(VaultError::Random))?;
    Ok(key)
}

/// Derives a key-encryption key from a secret (passphrase or recovery code) with Argon2id.
#[expect(
    clippy::map_err_ignore,
    reason = "parameters argon2 refuses come from a damaged file; its detail would tell the user nothing"
)]
pub fn derive(secret: &[u8], salt: &[u8; SALT_LEN], params: KdfParams) -> Result<Key, VaultError> {
    let argon_params = argon2::Params::new(
        params.m_cost_kib,
        params.t_cost,
        params.p_cost,
        Some(KEY_LEN),
    )
    .map_err(|_| VaultError::Corrupt)?;
    let argon = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon_params,
    );
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    argon
        .hash_password_into(secret, salt, out.as_mut_slice())
        .map_err(|_| VaultError::Corrupt)?;
    Ok(out)
}

fn cipher(key: &[u8; KEY_LEN]) -> Aes256Gcm {
    // A 32-byte slice is always a valid AES-256 key: new_from_slice only fails on a wrong length.
    #[expect(clippy::expect_used)]
    Aes256Gcm::new_from_slice(key).expect("32-byte key")
}

/// Encrypts `plaintext` with `key`, authenticating `aad` too.
pub fn seal(key: &[u8; KEY_LEN], nonce: &[u8; NONCE_LEN], plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
    // Encryption with AES-GCM only fails for messages over 64 GiB, far beyond any vault.
    #[expect(clippy::expect_used)]
    cipher(key)
        .encrypt(
            &Nonce::from(*nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .expect("message shorter than 64 GiB")
}

/// Decrypts and authenticates; `None` if the key is wrong or anything was modified.
pub fn open(
    key: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    ciphertext: &[u8],
    aad: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    cipher(key)
        .decrypt(
            &Nonce::from(*nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .ok()
        .map(Zeroizing::new)
}

/// A data key wrapped (encrypted) by a key-encryption key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedKey {
    /// Salt of the derivation that produced the key-encryption key.
    pub salt: [u8; SALT_LEN],
    /// Nonce of the wrapping.
    pub nonce: [u8; NONCE_LEN],
    /// The encrypted data key and its tag.
    pub wrapped: [u8; WRAPPED_LEN],
}

impl WrappedKey {
    /// Wraps `data_key` under a key derived from `secret` with a fresh salt and nonce.
    pub fn wrap(
        data_key: &Key,
        secret: &[u8],
        params: KdfParams,
        label: &[u8],
    ) -> Result<Self, VaultError> {
        let salt = random::<SALT_LEN>()?;
        let nonce = random::<NONCE_LEN>()?;
        let kek = derive(secret, &salt, params)?;
        let sealed = seal(&kek, &nonce, data_key.as_slice(), label);
        let mut wrapped = [0u8; WRAPPED_LEN];
        wrapped.copy_from_slice(&sealed);
        Ok(Self {
            salt,
            nonce,
            wrapped,
        })
    }

    /// Unwraps the data key; `None` when `secret` is not the one it was wrapped with.
    pub fn unwrap_key(
        &self,
        secret: &[u8],
        params: KdfParams,
        label: &[u8],
    ) -> Result<Option<Key>, VaultError> {
        let kek = derive(secret, &self.salt, params)?;
        Ok(
            open(&kek, &self.nonce, &self.wrapped, label).and_then(|plain| {
                let bytes: [u8; KEY_LEN] = plain.as_slice().try_into().ok()?;
                Some(Zeroizing::new(bytes))
            }),
        )
    }
}
