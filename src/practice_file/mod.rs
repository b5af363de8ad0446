//! The practice's file: a [`Vault`] (encrypted bytes) holding the practice's records ([`VaultContents`]),
//! serialized as RON. This layer sits above the vault and the domain modules it stores (checklist,
//! practice, scan): it decodes the contents, checks their schema version, and encodes them again at each
//! save. The vault below knows nothing of what it stores.
//!
//! The method names are the ones the rest of Vigie used on the vault, so that the window, the commands
//! and the tests read the same.

mod contents;
mod proposals;
mod use_cases;

use std::path::{Path, PathBuf};

pub use crate::vault::Saved;
use crate::vault::{
    FaultPoint, KdfParams, NewPassphrase, PreparedWrite, RecoveryCode, Unlock, Vault, VaultError,
};
pub use contents::{
    Counts, Drafts, JournalEntry, JournalEvent, SCHEMA_VERSION, VaultContents,
    register_against_assessment,
};
pub use proposals::{DoneByArchive, ProposalRow, ProposalState, STRAY_IMAGES_ITEM};
pub use use_cases::{
    EvidenceFile, PendingArchiveCheck, PendingArchiveOutcome, PracticeArchiveKeyInUse,
    check_pending_archive,
};

/// An open practice file: the vault and its decoded contents.
#[derive(Debug)]
pub struct PracticeFile {
    vault: Vault,
    contents: VaultContents,
}

/// A save prepared on the UI thread — a cheap snapshot of the contents (their large parts are shared,
/// behind `Arc`) and the vault's prepared write (a fresh nonce) — and carried out by a background job:
/// serialization, encryption, then the disk writes and flushes ([`PreparedSave::write`]).
pub struct PreparedSave {
    contents: VaultContents,
    write: PreparedWrite,
}

impl std::fmt::Debug for PreparedSave {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the contents.
        f.debug_struct("PreparedSave")
            .field("write", &self.write)
            .finish_non_exhaustive()
    }
}

impl PreparedSave {
    /// Serializes, encrypts and writes the file atomically, refusing if the file on disk is not the one
    /// the practice file last saw.
    pub fn write(self) -> Result<Saved, VaultError> {
        self.write_with_fault(None)
    }

    /// Like [`PreparedSave::write`], failing at `fault` (for tests that prove nothing is lost).
    #[doc(hidden)]
    pub fn write_with_fault(self, fault: Option<FaultPoint>) -> Result<Saved, VaultError> {
        let bytes = encode(&self.contents)?;
        self.write.write_with_fault(&bytes, fault)
    }
}

/// The contents as the vault's plaintext: compact RON (nobody reads it in clear), wiped when dropped.
pub fn encode(contents: &VaultContents) -> Result<zeroize::Zeroizing<Vec<u8>>, VaultError> {
    let text = ron::to_string(contents).map_err(|e| VaultError::Contents(e.to_string()))?;
    Ok(zeroize::Zeroizing::new(text.into_bytes()))
}

/// The contents from the vault's plaintext. A schema newer than this build's is reported as such
/// ([`VaultError::NewerContents`], with the contents' own schema number), before the rest is decoded.
pub fn decode(plaintext: &[u8]) -> Result<VaultContents, VaultError> {
    let text = std::str::from_utf8(plaintext).map_err(|e| VaultError::Contents(e.to_string()))?;
    /// Only the schema number: every other field is skipped, whatever its shape.
    #[derive(serde::Deserialize)]
    struct Schema {
        schema: u32,
    }
    if let Ok(Schema { schema }) = ron::from_str::<Schema>(text)
        && schema > SCHEMA_VERSION
    {
        return Err(VaultError::NewerContents {
            found: schema,
            supported: SCHEMA_VERSION,
        });
    }
    let mut contents: VaultContents =
        ron::from_str(text).map_err(|e| VaultError::Contents(e.to_string()))?;
    if contents.schema > SCHEMA_VERSION {
        return Err(VaultError::NewerContents {
            found: contents.schema,
            supported: SCHEMA_VERSION,
        });
    }
    // Answers given on an earlier catalog are brought to this one, in memory (opening never writes):
    // kept, renamed or split by the catalog's table, "to review" where the meaning changed.
    let _ =
        crate::checklist::migrate::migrate(crate::checklist::catalog(), &mut contents.checklist);
    Ok(contents)
}

impl PracticeFile {
    /// Creates a new practice file at `path` (never over an existing file) and returns it open, with the
    /// recovery code to show the user once. It holds the writer's lock.
    pub fn create(
        path: &Path,
        passphrase: &NewPassphrase,
        contents: VaultContents,
    ) -> Result<(Self, RecoveryCode), VaultError> {
        Self::create_with_params(path, passphrase, contents, KdfParams::DEFAULT)
    }

    /// [`PracticeFile::create`] with explicit key-derivation parameters.
    pub fn create_with_params(
        path: &Path,
        passphrase: &NewPassphrase,
        contents: VaultContents,
        kdf: KdfParams,
    ) -> Result<(Self, RecoveryCode), VaultError> {
        let bytes = encode(&contents)?;
        let (vault, code) = Vault::create_with_params(path, passphrase, &bytes, kdf)?;
        Ok((Self { vault, contents }, code))
    }

    /// Opens and decodes a practice file, to read it (a check, an export). Its saves, if any, each take
    /// the writer's lock for their duration.
    pub fn open(path: &Path, unlock: Unlock<'_>) -> Result<Self, VaultError> {
        let (vault, plaintext) = Vault::open(path, unlock)?;
        Ok(Self {
            contents: decode(&plaintext)?,
            vault,
        })
    }

    /// Opens a practice file to work in it (the window, a command that writes): the vault's writer's
    /// lock is taken first and held until this is dropped ([`Vault::open_for_writing`]).
    pub fn open_for_writing(path: &Path, unlock: Unlock<'_>) -> Result<Self, VaultError> {
        let (vault, plaintext) = Vault::open_for_writing(path, unlock)?;
        Ok(Self {
            contents: decode(&plaintext)?,
            vault,
        })
    }

    /// The vault underneath.
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// Whether this practice file holds the writer's lock.
    pub fn holds_lock(&self) -> bool {
        self.vault.holds_lock()
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        self.vault.path()
    }

    /// The decoded contents.
    pub fn contents(&self) -> &VaultContents {
        &self.contents
    }

    /// The contents, to change before a save.
    pub fn contents_mut(&mut self) -> &mut VaultContents {
        &mut self.contents
    }

    /// The vault format version of the file as read (or as last written).
    pub fn format_version(&self) -> u16 {
        self.vault.format_version()
    }

    /// The backups that exist beside the file, most recent first.
    pub fn backups(&self) -> Vec<PathBuf> {
        self.vault.backups()
    }

    /// Prepares a save of the current contents, cheaply (see [`PreparedSave`]).
    pub fn prepare_save(&mut self) -> Result<PreparedSave, VaultError> {
        Ok(PreparedSave {
            write: self.vault.prepare_save()?,
            contents: self.contents.clone(),
        })
    }

    /// Records that a prepared save was written.
    pub fn saved(&mut self, saved: Saved) {
        self.vault.saved(saved);
    }

    /// Saves now (prepare and write on the calling thread).
    pub fn save(&mut self) -> Result<(), VaultError> {
        let prepared = self.prepare_save()?;
        let saved = prepared.write()?;
        self.saved(saved);
        Ok(())
    }

    /// Whether `passphrase` is this file's passphrase (a key derivation: about half a second).
    pub fn verify_passphrase(&self, passphrase: &str) -> Result<bool, VaultError> {
        self.vault.verify_passphrase(passphrase)
    }

    /// Replaces the recovery code (the passphrase stays) and saves at once; returns the new code, to
    /// show once. On failure the old code still opens the file.
    pub fn new_recovery_code(&mut self) -> Result<crate::vault::RecoveryCode, VaultError> {
        let bytes = encode(&self.contents)?;
        self.vault.new_recovery_code(&bytes)
    }

    /// Changes the passphrase (the recovery code stays), journals it, and saves at once. On failure,
    /// memory stays in line with the file: old passphrase, no journal entry.
    pub fn change_passphrase(&mut self, new: &NewPassphrase) -> Result<(), VaultError> {
        self.contents.record(JournalEvent::PassphraseChanged);
        // The journal entry goes again if the change fails or panics: the contents stay as they were.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let bytes = encode(&self.contents)?;
            self.vault.change_passphrase(new, &bytes)
        }));
        match result {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => {
                self.contents.journal.pop();
                Err(e)
            }
            Err(panic) => {
                self.contents.journal.pop();
                std::panic::resume_unwind(panic)
            }
        }
    }
}
