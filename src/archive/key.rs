//! The two ways an archive's key is held: the practice's own X25519 identity (kept in the vault, its
//! `AGE-SECRET-KEY-1…` also printed for the records), or a passphrase (age's scrypt recipient, for
//! archives handed to someone else).

use std::fmt;
use std::str::FromStr as _;

use age::secrecy::{ExposeSecret as _, SecretString};
use age::x25519;
use serde::{Deserialize, Serialize};

use super::ArchiveError;

/// The scrypt work factor of passphrase archives: `N = 2^18` (256 MiB of memory, about one second on a
/// 2020 office PC). Fixed, not the age crate's calibration to this PC: an archive made on a fast PC at
/// a calibrated 2^21 would need 2 GiB and long seconds on the colleague's old laptop, or be refused by
/// its age tool.
pub const SCRYPT_LOG_N: u8 = 18;

/// The largest scrypt work factor accepted when opening a passphrase archive: `N = 2^20` (1 GiB of
/// memory, a few seconds). A hostile file cannot make Vigie work for hours or exhaust memory; archives
/// made by the `age` tool on ordinary PCs (its calibration gives 2^17 to 2^20) open.
pub const SCRYPT_MAX_LOG_N: u8 = 20;

/// The practice's archive identity, as kept in the vault (encrypted with it): the `AGE-SECRET-KEY-1…`
/// text. Wiped from memory when dropped; never printed by `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PracticeArchiveKey(String);

impl fmt::Debug for PracticeArchiveKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PracticeArchiveKey")
            .field(&self.recipient())
            .finish()
    }
}

impl Drop for PracticeArchiveKey {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl PracticeArchiveKey {
    /// A new random identity.
    pub fn generate() -> Self {
        Self(
            x25519::Identity::generate()
                .to_string()
                .expose_secret()
                .to_owned(),
        )
    }

    /// Reads an identity from its `AGE-SECRET-KEY-1…` text (spaces and a trailing newline ignored).
    pub fn parse(text: &str) -> Result<Self, ArchiveError> {
        // A mistyped key is a secret too: wiped from memory when refused.
        let text: zeroize::Zeroizing<String> =
            zeroize::Zeroizing::new(text.split_whitespace().collect());
        x25519::Identity::from_str(&text).map_err(|_secret| ArchiveError::BadIdentity)?;
        Ok(Self(text.as_str().to_owned()))
    }

    /// Whether the text is a valid identity (a vault's record may have been edited by hand).
    pub fn is_valid(&self) -> bool {
        x25519::Identity::from_str(&self.0).is_ok()
    }

    /// The public half (`age1…`), which anyone may know: archives are encrypted to it.
    pub fn recipient(&self) -> String {
        x25519::Identity::from_str(&self.0)
            .map(|i| i.to_public().to_string())
            .unwrap_or_default()
    }

    /// The secret text (`AGE-SECRET-KEY-1…`), for the sheet kept with the recovery code.
    pub fn secret_text(&self) -> &str {
        &self.0
    }

    /// An age identity file: a comment and the key, as `age-keygen` writes it (`age -d -i FILE`).
    pub fn identity_file(&self) -> String {
        format!(
            "# Vigie: clé des archives du cabinet / practice archive key\n# public key: {}\n{}\n",
            self.recipient(),
            self.0
        )
    }
}

/// The key of one archive.
pub enum ArchiveKey {
    /// The practice's own identity (encrypts to its public key; opens with its secret key).
    Practice(x25519::Identity),
    /// A passphrase (scrypt, work factor [`SCRYPT_LOG_N`]).
    Passphrase(SecretString),
    /// Identities read from an age identity file (`age-keygen`'s format): opening only.
    Identities(Vec<x25519::Identity>),
}

impl fmt::Debug for ArchiveKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Practice(_) => "ArchiveKey::Practice",
            Self::Passphrase(_) => "ArchiveKey::Passphrase",
            Self::Identities(_) => "ArchiveKey::Identities",
        })
    }
}

/// Which kind of key an archive needs, as its header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyKind {
    /// An X25519 identity (the practice's, or any age key).
    Identity,
    /// A passphrase.
    Passphrase,
}

impl ArchiveKey {
    /// The practice's key from its vault record.
    pub fn practice(key: &PracticeArchiveKey) -> Result<Self, ArchiveError> {
        x25519::Identity::from_str(key.secret_text())
            .map(Self::Practice)
            .map_err(|_secret| ArchiveError::BadIdentity)
    }

    /// A passphrase key.
    pub fn passphrase(passphrase: &str) -> Self {
        Self::Passphrase(SecretString::from(passphrase.to_owned()))
    }

    /// Identities from an age identity file's text (lines of `AGE-SECRET-KEY-1…`, `#` comments).
    pub fn identity_file(text: &str) -> Result<Self, ArchiveError> {
        let mut identities = Vec::new();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            identities.push(
                x25519::Identity::from_str(line).map_err(|_secret| ArchiveError::BadIdentity)?,
            );
        }
        if identities.is_empty() {
            return Err(ArchiveError::BadIdentity);
        }
        Ok(Self::Identities(identities))
    }

    /// The kind of key.
    pub fn kind(&self) -> KeyKind {
        match self {
            Self::Practice(_) | Self::Identities(_) => KeyKind::Identity,
            Self::Passphrase(_) => KeyKind::Passphrase,
        }
    }

    /// An encryptor for a new archive.
    pub(super) fn encryptor(&self) -> Result<age::Encryptor, ArchiveError> {
        match self {
            Self::Practice(identity) => {
                let recipient = identity.to_public();
                age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                    .map_err(|_unusable| ArchiveError::BadIdentity)
            }
            Self::Passphrase(passphrase) => {
                let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
                recipient.set_work_factor(SCRYPT_LOG_N);
                age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                    .map_err(|_unusable| ArchiveError::BadIdentity)
            }
            Self::Identities(identities) => {
                // To the public halves of the identities (the practice key's sheet encrypts as the
                // vault's key does).
                let recipients: Vec<x25519::Recipient> =
                    identities.iter().map(x25519::Identity::to_public).collect();
                age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
                    .map_err(|_unusable| ArchiveError::NoRecipient)
            }
        }
    }

    /// The identities that open an archive.
    pub(super) fn identities(&self) -> Vec<Box<dyn age::Identity>> {
        match self {
            Self::Practice(identity) => vec![Box::new(identity.clone())],
            Self::Identities(ids) => ids
                .iter()
                .map(|i| Box::new(i.clone()) as Box<dyn age::Identity>)
                .collect(),
            Self::Passphrase(passphrase) => {
                let mut identity = age::scrypt::Identity::new(passphrase.clone());
                identity.set_max_work_factor(SCRYPT_MAX_LOG_N);
                vec![Box::new(identity)]
            }
        }
    }
}
