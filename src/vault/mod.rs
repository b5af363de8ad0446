//! Encrypted storage: one file per practice. The vault stores bytes: what they mean (the practice's
//! records, their schema) is [`crate::practice_file`]'s business, and the vault knows nothing of it.
//!
//! A random 256-bit data key encrypts the plaintext (AES-256-GCM). The data key is stored twice, wrapped by
//! a key derived from the passphrase and by one derived from the recovery code (Argon2id). Saving is atomic
//! and keeps three previous generations. The format is described in `docs/vault-format.md`.
//!
//! The API is synchronous and slow on purpose (key derivation takes about half a second): the GUI calls it
//! from background jobs.

mod atomic;
pub mod copy;
mod crypto;
mod error;
pub mod format;
pub mod lock;
pub mod passphrase;
pub mod recovery;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use atomic::{BACKUP_GENERATIONS, FaultPoint, backup_path, existing_backups};

pub use crypto::KdfParams;
pub use error::VaultError;
pub use lock::{Holder, VaultLock, lock_path};
pub use passphrase::{NewPassphrase, PassphraseProblem, Strength};
pub use recovery::{RecoveryCode, RecoveryCodeError};

use crypto::Key;
use format::{Header, TRAILER_LEN};

/// Associated data of the passphrase wrapping (domain separation between the two wrappings).
const LABEL_PASSPHRASE: &[u8] = b"vigie/v1/key-by-passphrase";
/// Associated data of the recovery-code wrapping.
const LABEL_RECOVERY: &[u8] = b"vigie/v1/key-by-recovery-code";

/// The secret that unlocks a vault.
#[derive(Debug, Clone, Copy)]
pub enum Unlock<'a> {
    /// The passphrase, as typed.
    Passphrase(&'a str),
    /// The recovery code, already checked for typos.
    RecoveryCode(&'a RecoveryCode),
}

/// What can be learned about a vault file without its passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    /// Format version.
    pub version: u16,
    /// Size in bytes.
    pub size: u64,
}

/// An open vault: the key to save it again and what is known of the file on disk. The plaintext is
/// handed to the caller when opening ([`Vault::open`] returns it) and taken back at each write
/// ([`PreparedWrite::write`]): the vault keeps no copy of it.
pub struct Vault {
    path: PathBuf,
    header: Header,
    data_key: Key,
    /// The format version of the file as last read or written.
    version: u16,
    /// SHA-256 trailer of the file as last read or written: a save refuses to replace anything else.
    on_disk: [u8; TRAILER_LEN],
    /// The writer's lock, held while this vault is open for writing ([`Vault::open_for_writing`],
    /// [`Vault::create`]); a vault opened with [`Vault::open`] takes it for each save.
    lock: Option<Arc<VaultLock>>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// A vault's decrypted bytes, wiped from memory when dropped.
pub type Plaintext = zeroize::Zeroizing<Vec<u8>>;

/// The largest vault file Vigie opens. Vigie's own are far smaller (a few megabytes with evidence, tens
/// with a scan of 100,000 findings): anything larger is refused before it is read.
pub const MAX_VAULT_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads a vault file by looking first: only a regular file, only if its size is plausible and its first
/// bytes are a vault's frame announcing that very size, and never more than that size. A device
/// (`/dev/zero`), a pipe (which would block) or a folder is refused before it is opened.
///
/// On Windows, a file being replaced by another process's save (its rename over the vault) is briefly
/// refused with "access denied" or a sharing violation: that is retried for about a second
/// ([`crate::fs::busy_on_windows`]), so that a reader racing a save reads one whole version or the
/// other, as it does on Unix.
fn read_file(path: &Path) -> Result<Vec<u8>, VaultError> {
    crate::io_guard::check("reading a vault");
    crate::fs::retry_while_busy_with(
        || read_file_once(path),
        |e| match e {
            VaultError::Io { source, .. } => Some(source),
            _ => None,
        },
    )
}

fn read_file_once(path: &Path) -> Result<Vec<u8>, VaultError> {
    let io = |e| VaultError::io("reading", path, e);
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(VaultError::NotAFile(path.to_path_buf()));
    }
    if meta.len() > MAX_VAULT_BYTES {
        return Err(VaultError::TooLarge {
            size: meta.len(),
            max: MAX_VAULT_BYTES,
        });
    }
    // Never blocked by a FIFO swapped in since the look above.
    let (mut file, _) = crate::fs::open_regular(path).map_err(|e| {
        if crate::fs::is_not_a_regular_file(&e) {
            VaultError::NotAFile(path.to_path_buf())
        } else {
            io(e)
        }
    })?;
    // The same file as the one looked at (not swapped for something else in between).
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(VaultError::NotAFile(path.to_path_buf()));
    }
    let size = meta.len();
    let mut prefix = Vec::with_capacity(format::PREFIX_LEN);
    (&mut file)
        .take(format::PREFIX_LEN as u64)
        .read_to_end(&mut prefix)
        .map_err(io)?;
    format::check_prefix(&prefix, size)?;
    // Bounded by the size just checked (plus one byte, to notice a file that grows meanwhile).
    let mut bytes = prefix;
    bytes.reserve_exact(
        usize::try_from(size)
            .unwrap_or(0)
            .saturating_sub(bytes.len()),
    );
    file.take(size + 1 - bytes.len() as u64)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok(bytes)
}

/// Checks a vault file's integrity and version without unlocking it.
pub fn inspect(path: &Path) -> Result<FileInfo, VaultError> {
    let bytes = read_file(path)?;
    let parsed = format::parse(&bytes)?;
    Ok(FileInfo {
        version: parsed.version,
        size: bytes.len() as u64,
    })
}

/// A write prepared on the calling thread (a fresh nonce, the header, the key, what the file on disk
/// must still be) and carried out later, possibly by a background job, with the plaintext to encrypt.
pub struct PreparedWrite {
    path: PathBuf,
    header: format::Header,
    data_key: Key,
    expected_on_disk: Option<[u8; TRAILER_LEN]>,
    lock: Option<Arc<VaultLock>>,
}

impl std::fmt::Debug for PreparedWrite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the key.
        f.debug_struct("PreparedWrite")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// The result of a written [`PreparedWrite`], to give back to the [`Vault`] ([`Vault::saved`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    trailer: [u8; TRAILER_LEN],
}

impl PreparedWrite {
    /// Encrypts `plaintext` with the header as associated data; returns the file's bytes and trailer.
    fn seal(&self, plaintext: &[u8]) -> (Vec<u8>, [u8; TRAILER_LEN]) {
        let prefix = format::encode_prefix(&self.header, plaintext.len() + crypto::TAG_LEN);
        let payload = crypto::seal(
            &self.data_key,
            &self.header.payload_nonce,
            plaintext,
            &prefix,
        );
        format::finish(prefix, &payload)
    }

    /// Encrypts `plaintext` and writes the file atomically, refusing if the file on disk is not the one
    /// the vault last saw.
    pub fn write(self, plaintext: &[u8]) -> Result<Saved, VaultError> {
        self.write_with_fault(plaintext, None)
    }

    /// Like [`PreparedWrite::write`], failing at `fault` (for tests that prove nothing is lost).
    #[doc(hidden)]
    pub fn write_with_fault(
        self,
        plaintext: &[u8],
        fault: Option<FaultPoint>,
    ) -> Result<Saved, VaultError> {
        let (bytes, new_trailer) = self.seal(plaintext);
        // The compare-and-replace under the writer's lock: the vault's own, else one taken for this save.
        let _held = match &self.lock {
            Some(lock) => Arc::clone(lock),
            None => Arc::new(VaultLock::acquire(&self.path)?),
        };
        if let Some(expected) = self.expected_on_disk {
            let current = trailer_on_disk(&self.path)?;
            if current != Some(expected) {
                return Err(VaultError::ChangedOnDisk);
            }
            atomic::remove_stale_temporaries(&self.path);
            atomic::write(&self.path, &bytes, true, fault)?;
        } else {
            if std::fs::symlink_metadata(&self.path).is_ok() {
                return Err(VaultError::AlreadyExists(self.path));
            }
            atomic::write(&self.path, &bytes, false, fault)?;
        }
        Ok(Saved {
            trailer: new_trailer,
        })
    }
}

/// The SHA-256 trailer of the file at `path` (its last 32 bytes), read without reading the file; `None`
/// when the file is shorter than a trailer.
fn trailer_on_disk(path: &Path) -> Result<Option<[u8; TRAILER_LEN]>, VaultError> {
    use std::io::{Seek as _, SeekFrom};
    let io = |e| VaultError::io("reading", path, e);
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(VaultError::NotAFile(path.to_path_buf()));
    }
    let (mut file, len) = crate::fs::open_regular(path).map_err(|e| {
        if crate::fs::is_not_a_regular_file(&e) {
            VaultError::NotAFile(path.to_path_buf())
        } else {
            io(e)
        }
    })?;
    if len < TRAILER_LEN as u64 {
        return Ok(None);
    }
    file.seek(SeekFrom::Start(len - TRAILER_LEN as u64))
        .map_err(io)?;
    let mut trailer = [0u8; TRAILER_LEN];
    file.read_exact(&mut trailer).map_err(io)?;
    Ok(Some(trailer))
}

/// The passphrase forms to try when opening: as typed, then its Unicode NFC form when that differs
/// (new passphrases are stored in NFC; a vault made before that opens with the form it was made with).
fn passphrase_forms(typed: &str) -> Vec<zeroize::Zeroizing<String>> {
    let mut forms = vec![zeroize::Zeroizing::new(typed.to_owned())];
    let nfc = passphrase::nfc(typed);
    if *nfc != typed {
        forms.push(nfc);
    }
    forms
}

impl Vault {
    /// Creates a new vault file at `path` holding `plaintext` (never over an existing file) and returns
    /// it open, with the recovery code to show the user once. The returned vault holds the writer's lock.
    pub fn create(
        path: &Path,
        passphrase: &NewPassphrase,
        plaintext: &[u8],
    ) -> Result<(Self, RecoveryCode), VaultError> {
        Self::create_with_params(path, passphrase, plaintext, KdfParams::DEFAULT)
    }

    /// [`Vault::create`] with explicit key-derivation parameters.
    pub fn create_with_params(
        path: &Path,
        passphrase: &NewPassphrase,
        plaintext: &[u8],
        kdf: KdfParams,
    ) -> Result<(Self, RecoveryCode), VaultError> {
        // Something there already is said as such; then the lock: of two creations racing for the same
        // path, one is refused here, and the other checks again that nothing exists while holding it.
        let exists = || std::fs::symlink_metadata(path).is_ok();
        if exists() {
            return Err(VaultError::AlreadyExists(path.to_path_buf()));
        }
        let lock = Arc::new(VaultLock::acquire(path)?);
        if exists() {
            return Err(VaultError::AlreadyExists(path.to_path_buf()));
        }
        let recovery = RecoveryCode::generate().or(Err(VaultError::Random))?;
        let data_key = crypto::random_key()?;
        let header = Header {
            kdf,
            by_passphrase: crypto::WrappedKey::wrap(
                &data_key,
                passphrase.expose().as_bytes(),
                kdf,
                LABEL_PASSPHRASE,
            )?,
            by_recovery: crypto::WrappedKey::wrap(
                &data_key,
                recovery.to_text().as_bytes(),
                kdf,
                LABEL_RECOVERY,
            )?,
            payload_nonce: [0; crypto::NONCE_LEN],
        };
        let mut vault = Self {
            path: path.to_path_buf(),
            header,
            data_key,
            version: format::CURRENT_VERSION,
            on_disk: [0; TRAILER_LEN],
            lock: Some(lock),
        };
        let prepared = vault.prepare(None)?;
        let saved = prepared.write(plaintext)?;
        vault.saved(saved);
        Ok((vault, recovery))
    }

    /// Opens and decrypts a vault, to read it (a check, an export): the vault and its plaintext. Its
    /// saves, if any, each take the writer's lock for their duration.
    pub fn open(path: &Path, unlock: Unlock<'_>) -> Result<(Self, Plaintext), VaultError> {
        Self::open_with_lock(path, unlock, None)
    }

    /// Opens a vault to work in it (the window, a command that writes): takes the writer's lock first
    /// and holds it until the vault is dropped. Another writer gets [`VaultError::Locked`].
    pub fn open_for_writing(
        path: &Path,
        unlock: Unlock<'_>,
    ) -> Result<(Self, Plaintext), VaultError> {
        let lock = match VaultLock::acquire(path) {
            Ok(lock) => Some(Arc::new(lock)),
            // A vault on a read-only medium (a CD, a write-protected share) still opens, to be read:
            // nothing can be saved there anyway, and each save says why.
            Err(VaultError::Io { source, .. })
                if matches!(
                    source.kind(),
                    std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
                ) =>
            {
                None
            }
            Err(e) => return Err(e),
        };
        Self::open_with_lock(path, unlock, lock)
    }

    fn open_with_lock(
        path: &Path,
        unlock: Unlock<'_>,
        lock: Option<Arc<VaultLock>>,
    ) -> Result<(Self, Plaintext), VaultError> {
        let bytes = read_file(path)?;
        let parsed = format::parse(&bytes)?;
        let header = parsed.header.clone();
        let data_key = match unlock {
            Unlock::Passphrase(p) => {
                let mut found = None;
                for form in passphrase_forms(p) {
                    found = header.by_passphrase.unwrap_key(
                        form.as_bytes(),
                        header.kdf,
                        LABEL_PASSPHRASE,
                    )?;
                    if found.is_some() {
                        break;
                    }
                }
                found.ok_or(VaultError::WrongPassphrase)?
            }
            Unlock::RecoveryCode(code) => header
                .by_recovery
                .unwrap_key(code.to_text().as_bytes(), header.kdf, LABEL_RECOVERY)?
                .ok_or(VaultError::WrongRecoveryCode)?,
        };
        let plain = crypto::open(&data_key, &header.payload_nonce, parsed.payload, parsed.aad)
            .ok_or(VaultError::Corrupt)?;
        let vault = Self {
            path: path.to_path_buf(),
            version: parsed.version,
            on_disk: parsed.trailer,
            header,
            data_key,
            lock,
        };
        Ok((vault, plain))
    }

    /// Whether this vault holds the writer's lock.
    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// The vault file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The format version of the file as last read (or written: a save writes the current version).
    pub fn format_version(&self) -> u16 {
        self.version
    }

    /// The backups that exist beside the vault, most recent first.
    pub fn backups(&self) -> Vec<PathBuf> {
        existing_backups(&self.path)
    }

    fn prepare(
        &mut self,
        expected_on_disk: Option<[u8; TRAILER_LEN]>,
    ) -> Result<PreparedWrite, VaultError> {
        // A fresh nonce for every save: a nonce is never reused with the same key.
        self.header.payload_nonce = crypto::random()?;
        Ok(PreparedWrite {
            path: self.path.clone(),
            header: self.header.clone(),
            data_key: self.data_key.clone(),
            expected_on_disk,
            lock: self.lock.clone(),
        })
    }

    /// Prepares a save (cheap: a fresh nonce and copies of the header and key) that a background job
    /// will carry out with the plaintext ([`PreparedWrite::write`]).
    pub fn prepare_save(&mut self) -> Result<PreparedWrite, VaultError> {
        self.prepare(Some(self.on_disk))
    }

    /// Records that a prepared save was written.
    pub fn saved(&mut self, saved: Saved) {
        self.on_disk = saved.trailer;
        self.version = format::CURRENT_VERSION;
    }

    /// Saves `plaintext` now (prepare and write on the calling thread).
    pub fn save(&mut self, plaintext: &[u8]) -> Result<(), VaultError> {
        let prepared = self.prepare_save()?;
        let saved = prepared.write(plaintext)?;
        self.saved(saved);
        Ok(())
    }

    /// Whether `passphrase` is this vault's passphrase (a key derivation: about half a second).
    pub fn verify_passphrase(&self, passphrase: &str) -> Result<bool, VaultError> {
        for form in passphrase_forms(passphrase) {
            if self
                .header
                .by_passphrase
                .unwrap_key(form.as_bytes(), self.header.kdf, LABEL_PASSPHRASE)?
                .is_some()
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Replaces the recovery code: a new code wraps the data key and the old one no longer opens the
    /// file (a code written on a lost sheet, or seen by someone). Saved at once, with `plaintext`; on
    /// failure the vault keeps the old code, as the file does.
    pub fn new_recovery_code(&mut self, plaintext: &[u8]) -> Result<RecoveryCode, VaultError> {
        let code = RecoveryCode::generate().or(Err(VaultError::Random))?;
        let previous = self.header.by_recovery.clone();
        self.header.by_recovery = crypto::WrappedKey::wrap(
            &self.data_key,
            code.to_text().as_bytes(),
            self.header.kdf,
            LABEL_RECOVERY,
        )?;
        let saved = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.save(plaintext)));
        match saved {
            Ok(Ok(())) => Ok(code),
            Ok(Err(e)) => {
                self.header.by_recovery = previous;
                Err(e)
            }
            Err(panic) => {
                self.header.by_recovery = previous;
                std::panic::resume_unwind(panic)
            }
        }
    }

    /// Changes the passphrase: only the passphrase's wrapping of the data key changes; the recovery code
    /// stays as it is. Saved at once, with `plaintext`; on failure the vault keeps the old passphrase,
    /// as the file does.
    pub fn change_passphrase(
        &mut self,
        new: &NewPassphrase,
        plaintext: &[u8],
    ) -> Result<(), VaultError> {
        let previous = self.header.by_passphrase.clone();
        self.header.by_passphrase = crypto::WrappedKey::wrap(
            &self.data_key,
            new.expose().as_bytes(),
            self.header.kdf,
            LABEL_PASSPHRASE,
        )?;
        // Keep memory in line with the file, which still has the old passphrase, when the save fails —
        // and when it panics, so that a caller who catches the panic holds the vault as it was.
        let saved = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.save(plaintext)));
        match saved {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => {
                self.header.by_passphrase = previous;
                Err(e)
            }
            Err(panic) => {
                self.header.by_passphrase = previous;
                std::panic::resume_unwind(panic)
            }
        }
    }
}
