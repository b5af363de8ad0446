//! Encrypted archives in the standard age format (age-encryption.org/v1), holding a tar stream of the
//! chosen files and a manifest. Anyone can open them without Vigie: `age -d -i key.txt X.age | tar -x`.
//!
//! - [`plan`] lists the files under the chosen paths (links and special files are left out and counted);
//! - [`encrypt`] streams them into a temporary file beside the destination, reads it back, decrypts it and
//!   compares every file with the manifest, and only then renames it to its name: an interrupted run never
//!   leaves a file that looks like a complete archive, and never touches the originals;
//! - [`verify`], [`list`] and [`restore`] read an archive (Vigie's, or any age file holding a tar);
//! - [`remove_originals`], after a verified archive and the user's explicit confirmation, deletes the
//!   originals that still match the manifest.
//!
//! No egui here; the work is streaming (64 KiB age chunks, memory flat in the archive's size),
//! cancellable and reports its progress. The layout is in `docs/archive-format.md`.

mod hash;
mod key;
mod manifest;
mod read;
mod record;
mod write;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use key::{ArchiveKey, KeyKind, PracticeArchiveKey, SCRYPT_LOG_N, SCRYPT_MAX_LOG_N};
pub use manifest::{FORMAT, MANIFEST_NAME, Manifest, ManifestFile, SUMS_NAME};
pub use read::{
    ListedFile, Listing, RestoreSummary, Verification, list, open_kind, restore, verify,
};
pub use record::{ArchiveRecord, ArchiveRegister, ArchiveSource, PendingArchive};
pub use write::{
    Archived, Plan, PlannedFile, Removal, Skipped, encrypt, encrypt_with, plan, plan_files,
    remove_originals,
};

/// What an archive operation is doing, for its progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Listing the files to archive.
    Listing,
    /// Reading the originals into the archive.
    Encrypting,
    /// Reading the archive back and comparing every file with the manifest.
    Verifying,
    /// Writing restored files.
    Restoring,
    /// Removing the originals.
    Removing,
}

/// Progress of an archive operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The current phase.
    pub phase: Phase,
    /// Files done in this phase.
    pub files_done: u64,
    /// Files in this phase (0 when not known yet).
    pub files_total: u64,
    /// Bytes done in this phase.
    pub bytes_done: u64,
    /// Bytes in this phase (0 when not known yet).
    pub bytes_total: u64,
}

impl Progress {
    /// The fraction done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        if self.bytes_total > 0 {
            (self.bytes_done as f64 / self.bytes_total as f64).clamp(0.0, 1.0) as f32
        } else if self.files_total > 0 {
            (self.files_done as f64 / self.files_total as f64).clamp(0.0, 1.0) as f32
        } else {
            0.0
        }
    }
}

/// What went wrong. Messages in the user's language come from `i18n` (`Localize`); none of them names a
/// file inside the archive (file names are often patients' names), only the archive or folder the user
/// chose.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The system refused a step on a file the user chose (the archive, the restore folder).
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done.
        action: IoAction,
        /// The archive or folder.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// One of the files to archive could not be read (its position in the plan, not its name).
    #[error("a file to archive could not be read: {source}")]
    Source {
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// A file changed while it was being archived (its size is not the one listed).
    #[error("a file changed while it was being archived")]
    SourceChanged,
    /// The destination exists: archives are never overwritten.
    #[error("{0} exists")]
    Exists(PathBuf),
    /// Nothing to archive under the chosen paths.
    #[error("nothing to archive")]
    Nothing,
    /// The operation was cancelled; nothing was left behind.
    #[error("cancelled")]
    Cancelled,
    /// Not an age file.
    #[error("not an age file")]
    NotAge,
    /// The archive needs a passphrase and an identity was given, or the other way round.
    #[error("this archive needs a {0:?}")]
    WrongKeyKind(KeyKind),
    /// No given identity opens the archive.
    #[error("wrong key")]
    WrongKey,
    /// The passphrase does not open the archive.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The passphrase archive asks for more work than [`SCRYPT_MAX_LOG_N`].
    #[error("excessive scrypt work factor {0}")]
    ExcessiveWork(u8),
    /// The archive is truncated or altered (age's authentication failed), or its tar stream is broken.
    #[error("the archive is damaged: {0}")]
    Damaged(String),
    /// The archive's manifest is of a format this version of Vigie does not know (a newer one).
    #[error("unknown archive format {0}")]
    UnknownFormat(String),
    /// The archive holds two `MANIFEST.json` at its top: which one to believe cannot be told.
    #[error("two manifests")]
    TwoManifests,
    /// An entry's path would leave the restore folder (`..`, absolute, a drive) or is a link.
    #[error("an entry's path is not safe to restore")]
    UnsafeEntry,
    /// The files read back do not match the manifest.
    #[error("{missing} missing, {differing} different, {extra} not listed")]
    Mismatch {
        /// Files of the manifest not found.
        missing: u64,
        /// Files whose size or digest differ.
        differing: u64,
        /// Files found that the manifest does not list.
        extra: u64,
    },
    /// Files of the restore folder would be overwritten.
    #[error("{0} files would be overwritten")]
    WouldOverwrite(u64),
    /// An identity text is not an `AGE-SECRET-KEY-1…` key.
    #[error("not an age identity")]
    BadIdentity,
    /// An identity file cannot encrypt (it holds secret keys to open archives with).
    #[error("no recipient to encrypt to")]
    NoRecipient,
    /// The practice has no archive key yet (no archive was ever made with it).
    #[error("the practice has no archive key")]
    NoPracticeKey,
}

/// Steps on the user's own files, for [`ArchiveError::Io`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    /// Creating the archive.
    Create,
    /// Writing the archive.
    Write,
    /// Reading the archive.
    Read,
    /// Naming the finished archive.
    Rename,
    /// Writing a restored file or folder.
    Restore,
    /// Listing a chosen folder.
    List,
    /// Removing an original.
    Remove,
}

impl std::fmt::Display for IoAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Create => "creating",
            Self::Write => "writing",
            Self::Read => "reading",
            Self::Rename => "renaming",
            Self::Restore => "restoring into",
            Self::List => "listing",
            Self::Remove => "removing from",
        })
    }
}

impl ArchiveError {
    fn io(action: IoAction, path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Who made an archive and when, for its manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The practice's name.
    pub practice: String,
    /// When.
    pub at: jiff::Timestamp,
}

/// The read size when streaming files: age's chunk size, so that each read fills one chunk.
const CHUNK: usize = 64 * 1024;
