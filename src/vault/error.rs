//! Everything that can go wrong with a vault, each case distinct so that the user gets the right advice.

use std::path::PathBuf;

/// An error while creating, opening or saving a vault.
///
/// Every variant leaves the files on disk as they were: errors are raised before anything is written, or
/// while writing a temporary file that is then removed.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The passphrase does not unlock this vault.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The recovery code is well formed but does not unlock this vault.
    #[error("wrong recovery code")]
    WrongRecoveryCode,
    /// The recovery code as typed has a mistake that its check characters caught.
    #[error("the recovery code has a typo: {0}")]
    RecoveryCodeTypo(#[from] super::recovery::RecoveryCodeError),
    /// The new passphrase is too weak or too short.
    #[error("the new passphrase is too weak: {0}")]
    WeakPassphrase(#[from] super::passphrase::PassphraseProblem),
    /// The file's checksum or authentication failed: it was damaged or modified outside Vigie.
    #[error("the vault file is damaged or was modified outside Vigie")]
    Corrupt,
    /// The file is shorter than its header says: an interrupted copy or a full disk.
    #[error("the vault file is incomplete (truncated: {actual} of {expected} bytes)")]
    Truncated {
        /// Bytes the header announces.
        expected: u64,
        /// Bytes actually present.
        actual: u64,
    },
    /// The file is not a Vigie vault at all.
    #[error("this file is not a Vigie vault")]
    NotAVault,
    /// The vault was written by a newer Vigie, with a format this version cannot read.
    #[error("the vault uses format version {found}; this Vigie reads up to version {supported}")]
    NewerVersion {
        /// The version in the file.
        found: u16,
        /// The newest version this build understands.
        supported: u16,
    },
    /// Creating a vault where a file already exists: Vigie never overwrites a file it did not open.
    #[error("a file already exists at {0}")]
    AlreadyExists(PathBuf),
    /// Another Vigie (a window, a command) has the vault open for writing.
    #[error("the vault is open elsewhere{}", holder_text(.holder.as_ref()))]
    Locked {
        /// Who, when its lock file could be read.
        holder: Option<super::lock::Holder>,
    },
    /// The path is not a regular file (a folder, a device, a pipe…).
    #[error("{0} is not a regular file")]
    NotAFile(PathBuf),
    /// The file is far larger than any vault Vigie writes: refused before reading it.
    #[error("the file is {size} bytes, more than a vault can be ({max} bytes)")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The largest vault Vigie opens.
        max: u64,
    },
    /// The vault file changed on disk since it was opened (another Vigie window, a sync tool…).
    #[error("the vault file was changed by another program since it was opened")]
    ChangedOnDisk,
    /// The decrypted contents announce a schema newer than this build reads (checked by the layer that
    /// decodes them, [`crate::practice_file`]): a newer Vigie saved them.
    #[error(
        "the vault contents use schema version {found}; this Vigie reads up to version {supported}"
    )]
    NewerContents {
        /// The contents' schema version.
        found: u32,
        /// The newest schema this build understands.
        supported: u32,
    },
    /// The decrypted contents could not be understood (should not happen for an authentic file).
    #[error("the vault contents could not be read: {0}")]
    Contents(String),
    /// The operating system refused a read or a write.
    #[error("{action} {path}: {source}")]
    Io {
        /// What Vigie was doing ("reading", "writing", …).
        action: &'static str,
        /// The file concerned.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// The system's random number generator failed.
    #[error("the system's random number generator failed")]
    Random,
    /// A copy read back differs from its original (a failing USB stick).
    #[error("the copy {0} differs from the original")]
    CopyDiffers(PathBuf),
}

fn holder_text(holder: Option<&super::lock::Holder>) -> String {
    holder.map_or_else(String::new, |h| {
        format!(" (process {}, since {})", h.pid, h.since)
    })
}

impl From<crate::fs::FsError> for VaultError {
    fn from(e: crate::fs::FsError) -> Self {
        match e {
            crate::fs::FsError::Io {
                action,
                path,
                source,
            } => Self::Io {
                action,
                path,
                source,
            },
            crate::fs::FsError::Random => Self::Random,
        }
    }
}

impl VaultError {
    pub(crate) fn io(action: &'static str, path: &std::path::Path, source: std::io::Error) -> Self {
        Self::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}
