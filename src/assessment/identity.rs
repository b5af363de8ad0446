//! Who signs: an Ed25519 key pair with a name, a role and an RPPS number or an organisation.
//!
//! The doctor's secret key lives in the practice's vault ([`DoctorKey`]). The consultant's lives in the
//! consultant's own key file ([`KeyFile`]), a Vigie vault container (Argon2id, AES-256-GCM, atomic
//! saves, a recovery code) holding only the key, so that it can be carried from one practice's PC to the
//! next.

use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::pins::{PinChange, PinSubject, Pins};
use super::sshsig::{self, AllowedSigner, PublicKey};
use crate::vault::{NewPassphrase, RecoveryCode, Unlock, Vault, VaultError};

/// What a signer is to the assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The practitioner, responsible for the processing: signs the assessment.
    Doctor,
    /// The DPO or IT consultant: countersigns.
    Consultant,
}

/// A signer as shown on every signature: name, role, RPPS or organisation, and the public key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// The name `ssh-keygen -Y verify -I` expects, in the `allowed_signers` file: ASCII, no spaces.
    pub principal: String,
    /// Full name, as typed.
    pub name: String,
    /// Doctor or consultant.
    pub role: Role,
    /// RPPS number (a doctor) or organisation (a consultant); may be empty.
    pub affiliation: String,
    /// `ssh-ed25519 AAAA…`.
    pub public_key: String,
}

impl Identity {
    /// The public key, read back.
    pub fn key(&self) -> Result<PublicKey, sshsig::SshSigError> {
        PublicKey::parse_openssh(&self.public_key)
    }

    /// The fingerprint as `ssh-keygen -l` prints it, or an empty string for a damaged key.
    pub fn fingerprint(&self) -> String {
        self.key().map(|k| k.fingerprint()).unwrap_or_default()
    }

    /// This signer's line for an `allowed_signers` file.
    pub fn allowed_signer(&self, namespaces: &[&str]) -> Option<AllowedSigner> {
        Some(AllowedSigner {
            principal: self.principal.clone(),
            namespaces: namespaces.iter().map(|&n| n.to_owned()).collect(),
            key: self.key().ok()?,
        })
    }
}

/// The principal for a name: `"Dr Élise Lefèvre"` → `"elise-lefevre"`, prefixed by the role for a
/// consultant (`"consultant-jean-martin"`) so that a doctor and a consultant of the same name differ.
pub fn principal_for(name: &str, role: Role) -> String {
    let base = crate::paths::slug(name.trim_start_matches("Dr ").trim_start_matches("Dr. "));
    let base = if base == "cabinet" {
        "signataire".to_owned()
    } else {
        base
    };
    match role {
        Role::Doctor => base,
        Role::Consultant => format!("consultant-{base}"),
    }
}

/// A secret key and whose it is. The key is wiped from memory when dropped.
pub struct Signer {
    /// Who.
    pub identity: Identity,
    key: SigningKey,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("identity", &self.identity)
            .finish_non_exhaustive()
    }
}

/// A key could not be made: the system's random source failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the system's random number source failed")]
pub struct RandomError;

impl Signer {
    /// A new key pair for `name`, from the system's random source.
    pub fn generate(name: &str, role: Role, affiliation: &str) -> Result<Self, RandomError> {
        let mut seed = Zeroizing::new([0u8; 32]);
        getrandom::fill(seed.as_mut_slice()).or(Err(RandomError))?;
        Ok(Self::from_seed(&seed, name, role, affiliation))
    }

    /// The key pair of a 32-byte seed (the demo practice's fixed keys, the tests).
    pub fn from_seed(seed: &[u8; 32], name: &str, role: Role, affiliation: &str) -> Self {
        let key = SigningKey::from_bytes(seed);
        let identity = Identity {
            principal: principal_for(name, role),
            name: name.trim().to_owned(),
            role,
            affiliation: affiliation.trim().to_owned(),
            public_key: PublicKey(key.verifying_key()).openssh(),
        };
        Self { identity, key }
    }

    /// Signs `message` for `namespace`: an armored OpenSSH signature.
    pub fn sign(&self, namespace: &str, message: &[u8]) -> String {
        sshsig::sign(&self.key, namespace, message)
    }

    fn seed(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.key.to_bytes())
    }

    fn from_stored(identity: Identity, secret_b64: &str) -> Option<Self> {
        let bytes = Zeroizing::new(STANDARD.decode(secret_b64).ok()?);
        let seed: Zeroizing<[u8; 32]> = Zeroizing::new(bytes.as_slice().try_into().ok()?);
        let key = SigningKey::from_bytes(&seed);
        // The stored identity must be this key's: a mismatch is a damaged record.
        (PublicKey(key.verifying_key()).openssh() == identity.public_key)
            .then_some(Self { identity, key })
    }
}

/// The doctor's signing key as kept in the practice's vault (encrypted with it).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoctorKey {
    /// Whose.
    pub identity: Identity,
    /// The 32-byte Ed25519 seed, base64.
    secret: String,
}

impl std::fmt::Debug for DoctorKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DoctorKey")
            .field("identity", &self.identity)
            .finish_non_exhaustive()
    }
}

impl Drop for DoctorKey {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.secret);
    }
}

impl DoctorKey {
    /// Keeps `signer`'s key for the vault.
    pub fn keep(signer: &Signer) -> Self {
        Self {
            identity: signer.identity.clone(),
            secret: STANDARD.encode(signer.seed().as_slice()),
        }
    }

    /// The same key under a name and affiliation (the profile's, which may have changed since), or
    /// `None` when the record is damaged.
    pub fn signer_named(&self, name: &str, affiliation: &str) -> Option<Signer> {
        let kept = self.signer()?;
        Some(Signer::from_seed(
            &kept.seed(),
            name,
            self.identity.role,
            affiliation,
        ))
    }

    /// The signer, or `None` when the record is damaged.
    pub fn signer(&self) -> Option<Signer> {
        Signer::from_stored(self.identity.clone(), &self.secret)
    }
}

/// Why a consultant's key file could not be made or opened.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    /// From the vault container: wrong passphrase, damaged file, I/O…
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// A vault that holds something else (a practice's vault).
    #[error("this file is not a Vigie signing key")]
    NotAKeyFile,
    /// No random numbers.
    #[error(transparent)]
    Random(#[from] RandomError),
    /// The practice's doctor key is not the one pinned at the first countersignature, and no reason
    /// was given to accept the change.
    #[error(transparent)]
    KeyChanged(#[from] super::pins::KeyChanged),
}

/// The consultant's key file: a vault container whose contents are this JSON.
#[derive(Serialize, Deserialize)]
struct KeyFileContents {
    format: String,
    version: u32,
    identity: Identity,
    secret: String,
    /// The doctor's key of each practice countersigned ([`super::pins`]); absent in older files.
    #[serde(default, skip_serializing_if = "Pins::is_empty")]
    pins: Pins,
}

impl Drop for KeyFileContents {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.secret);
    }
}

const KEY_FILE_FORMAT: &str = "vigie-signing-key";

/// A consultant's key file (`.vigie-key`).
pub struct KeyFile;

impl KeyFile {
    /// The extension of key files.
    pub const EXTENSION: &'static str = "vigie-key";

    /// Creates a key file for a new key pair at `path` (never over an existing file); returns the
    /// signer and the file's recovery code, to show once.
    pub fn create(
        path: &Path,
        passphrase: &NewPassphrase,
        name: &str,
        organisation: &str,
    ) -> Result<(Signer, RecoveryCode), KeyFileError> {
        let signer = Signer::generate(name, Role::Consultant, organisation)?;
        let recovery = Self::write_new(path, passphrase, &signer)?;
        Ok((signer, recovery))
    }

    /// Writes `signer` into a new key file at `path`.
    pub fn write_new(
        path: &Path,
        passphrase: &NewPassphrase,
        signer: &Signer,
    ) -> Result<RecoveryCode, KeyFileError> {
        let contents = KeyFileContents {
            format: KEY_FILE_FORMAT.to_owned(),
            version: 1,
            identity: signer.identity.clone(),
            secret: STANDARD.encode(signer.seed().as_slice()),
            pins: Pins::default(),
        };
        // `contents` wipes its secret when dropped, on the error path too.
        let json = Zeroizing::new(
            serde_json::to_vec(&contents).map_err(|e| VaultError::Contents(e.to_string()))?,
        );
        drop(contents);
        let (_vault, recovery) = Vault::create(path, passphrase, &json)?;
        Ok(recovery)
    }

    /// Opens a key file.
    pub fn open(path: &Path, unlock: Unlock<'_>) -> Result<Signer, KeyFileError> {
        let (_vault, plaintext) = Vault::open(path, unlock)?;
        let contents: KeyFileContents =
            serde_json::from_slice(&plaintext).or(Err(KeyFileError::NotAKeyFile))?;
        let signer = (contents.format == KEY_FILE_FORMAT && contents.version == 1)
            .then(|| Signer::from_stored(contents.identity.clone(), &contents.secret))
            .flatten();
        signer.ok_or(KeyFileError::NotAKeyFile)
    }

    /// Opens a key file to countersign `subject`'s document: checks the practice's doctor key against
    /// the key pinned in the file ([`Pins::accept`]: pinned at the first countersignature, a changed
    /// key refused with [`KeyFileError::KeyChanged`] unless `reason` says why), saves the pins
    /// atomically when they change, and returns the signer and the change accepted, if any (to sign
    /// in the countersignature's statement).
    pub fn open_pinned(
        path: &Path,
        unlock: Unlock<'_>,
        subject: &PinSubject,
        reason: Option<&str>,
        now: jiff::Timestamp,
    ) -> Result<(Signer, Option<PinChange>), KeyFileError> {
        let (mut vault, plaintext) = Vault::open_for_writing(path, unlock)?;
        let mut contents: KeyFileContents =
            serde_json::from_slice(&plaintext).or(Err(KeyFileError::NotAKeyFile))?;
        drop(plaintext);
        let signer = (contents.format == KEY_FILE_FORMAT && contents.version == 1)
            .then(|| Signer::from_stored(contents.identity.clone(), &contents.secret))
            .flatten();
        let result = match signer {
            None => Err(KeyFileError::NotAKeyFile),
            Some(signer) => match contents.pins.accept(subject, reason, now) {
                Err(e) => Err(e.into()),
                Ok((change, false)) => Ok((signer, change)),
                Ok((change, true)) => serde_json::to_vec(&contents)
                    .map_err(|e| KeyFileError::Vault(VaultError::Contents(e.to_string())))
                    .map(Zeroizing::new)
                    .and_then(|json| vault.save(&json).map_err(KeyFileError::Vault))
                    .map(|()| (signer, change)),
            },
        };
        zeroize::Zeroize::zeroize(&mut contents.secret);
        result
    }

    /// The pins of a key file (to show them).
    pub fn pins(path: &Path, unlock: Unlock<'_>) -> Result<Pins, KeyFileError> {
        let (_vault, plaintext) = Vault::open(path, unlock)?;
        let mut contents: KeyFileContents =
            serde_json::from_slice(&plaintext).or(Err(KeyFileError::NotAKeyFile))?;
        zeroize::Zeroize::zeroize(&mut contents.secret);
        Ok(std::mem::take(&mut contents.pins))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn principals_are_plain_ascii() {
        assert_eq!(
            principal_for("Dr Élise Lefèvre", Role::Doctor),
            "elise-lefevre"
        );
        assert_eq!(
            principal_for("Jean Martin", Role::Consultant),
            "consultant-jean-martin"
        );
        assert_eq!(principal_for("  ", Role::Doctor), "signataire");
    }

    #[test]
    fn a_doctor_key_round_trips_and_a_mismatched_record_is_refused() {
        let s = Signer::from_seed(&[9; 32], "Dr A B", Role::Doctor, "10001234567");
        let kept = DoctorKey::keep(&s);
        let back = kept.signer().expect("signer");
        assert_eq!(back.identity, s.identity);
        let mut other = kept.clone();
        other.identity.public_key = Signer::from_seed(&[8; 32], "x", Role::Doctor, "")
            .identity
            .public_key;
        assert!(other.signer().is_none());
    }
}
