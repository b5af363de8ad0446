//! What kind of failure an error is, for the log: a word from a fixed list, never the error's text
//! (which names files, and sometimes what the user typed).

use std::error::Error;

use crate::archive::ArchiveError;
use crate::fs::FsError;
use crate::output::OutputError;
use crate::vault::VaultError;

/// The kind of a failure, as the log writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCategory {
    /// A passphrase, recovery code or key that does not open what it should.
    WrongSecret,
    /// A file damaged, truncated, altered, or not of the expected kind.
    Damaged,
    /// A file written by a newer Vigie.
    NewerFormat,
    /// Open elsewhere (a vault's lock, a busy file).
    InUse,
    /// Changed on disk by another program since it was opened.
    ChangedOnDisk,
    /// A file or folder not found.
    NotFound,
    /// Something already there that is never replaced.
    AlreadyExists,
    /// The system refused access.
    PermissionDenied,
    /// The disk or the quota is full.
    DiskFull,
    /// A read-only disk.
    ReadOnly,
    /// Another refusal of the system on a read or a write.
    Io,
    /// The output was closed by its reader (`vigie … | head`).
    OutputClosed,
    /// Refused by Vigie's own rules: a weak passphrase, an output that would replace a vault, an
    /// unsafe archive entry, nothing to do.
    Refused,
    /// The system's random number generator failed.
    Randomness,
    /// Stopped on request.
    Cancelled,
    /// A panic (a bug).
    Panic,
    /// None of the above.
    Other,
}

impl ErrorCategory {
    /// The word the log writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::WrongSecret => "wrong-secret",
            Self::Damaged => "damaged",
            Self::NewerFormat => "newer-format",
            Self::InUse => "in-use",
            Self::ChangedOnDisk => "changed-on-disk",
            Self::NotFound => "not-found",
            Self::AlreadyExists => "already-exists",
            Self::PermissionDenied => "permission-denied",
            Self::DiskFull => "disk-full",
            Self::ReadOnly => "read-only",
            Self::Io => "io",
            Self::OutputClosed => "output-closed",
            Self::Refused => "refused",
            Self::Randomness => "randomness",
            Self::Cancelled => "cancelled",
            Self::Panic => "panic",
            Self::Other => "other",
        }
    }

    /// The category of an error: the first error of its chain (itself, then its sources) that Vigie
    /// knows — a [`Described`] error, the vault's, the archives', the file writers', a system error.
    /// For an `anyhow::Error` `e`, pass `e.as_ref()`.
    pub fn of(error: &(dyn Error + 'static)) -> Self {
        let mut next = Some(error);
        while let Some(e) = next {
            if let Some(c) = known(e) {
                return c;
            }
            next = e.source();
        }
        Self::Other
    }

    /// The category of a system error.
    pub fn of_io(e: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::NotFound => Self::NotFound,
            K::PermissionDenied => Self::PermissionDenied,
            K::AlreadyExists => Self::AlreadyExists,
            K::StorageFull | K::QuotaExceeded => Self::DiskFull,
            K::ReadOnlyFilesystem => Self::ReadOnly,
            K::ResourceBusy => Self::InUse,
            K::BrokenPipe => Self::OutputClosed,
            K::UnexpectedEof | K::InvalidData => Self::Damaged,
            _ => Self::Io,
        }
    }

    /// The category of a vault error.
    pub fn of_vault(e: &VaultError) -> Self {
        match e {
            VaultError::WrongPassphrase
            | VaultError::WrongRecoveryCode
            | VaultError::RecoveryCodeTypo(_) => Self::WrongSecret,
            VaultError::WeakPassphrase(_)
            | VaultError::TooLarge { .. }
            | VaultError::NotAFile(_) => Self::Refused,
            VaultError::Corrupt
            | VaultError::Truncated { .. }
            | VaultError::NotAVault
            | VaultError::Contents(_)
            | VaultError::CopyDiffers(_) => Self::Damaged,
            VaultError::NewerVersion { .. } | VaultError::NewerContents { .. } => Self::NewerFormat,
            VaultError::AlreadyExists(_) => Self::AlreadyExists,
            VaultError::Locked { .. } => Self::InUse,
            VaultError::ChangedOnDisk => Self::ChangedOnDisk,
            VaultError::Io { source, .. } => Self::of_io(source),
            VaultError::Random => Self::Randomness,
        }
    }

    fn of_archive(e: &ArchiveError) -> Self {
        match e {
            ArchiveError::Io { source, .. } | ArchiveError::Source { source } => {
                Self::of_io(source)
            }
            ArchiveError::SourceChanged => Self::ChangedOnDisk,
            ArchiveError::Exists(_) | ArchiveError::WouldOverwrite(_) => Self::AlreadyExists,
            ArchiveError::Cancelled => Self::Cancelled,
            ArchiveError::WrongKey
            | ArchiveError::WrongPassphrase
            | ArchiveError::WrongKeyKind(_) => Self::WrongSecret,
            ArchiveError::NotAge | ArchiveError::Damaged(_) | ArchiveError::Mismatch { .. } => {
                Self::Damaged
            }
            ArchiveError::Nothing
            | ArchiveError::ExcessiveWork(_)
            | ArchiveError::UnsafeEntry
            | ArchiveError::UnknownFormat(_)
            | ArchiveError::TwoManifests
            | ArchiveError::BadIdentity
            | ArchiveError::NoRecipient
            | ArchiveError::NoPracticeKey => Self::Refused,
        }
    }
}

fn known(e: &(dyn Error + 'static)) -> Option<ErrorCategory> {
    if let Some(d) = e.downcast_ref::<Described>() {
        return Some(d.category);
    }
    if let Some(v) = e.downcast_ref::<VaultError>() {
        return Some(ErrorCategory::of_vault(v));
    }
    if let Some(a) = e.downcast_ref::<ArchiveError>() {
        return Some(ErrorCategory::of_archive(a));
    }
    if let Some(f) = e.downcast_ref::<FsError>() {
        return Some(match f {
            FsError::Io { source, .. } => ErrorCategory::of_io(source),
            FsError::Random => ErrorCategory::Randomness,
        });
    }
    if let Some(o) = e.downcast_ref::<OutputError>() {
        return Some(match o {
            OutputError::Write(v) => ErrorCategory::of_vault(v),
            OutputError::NoFolder(_) => ErrorCategory::NotFound,
            OutputError::IsVault(_) | OutputError::Exists { .. } | OutputError::NotAFile(_) => {
                ErrorCategory::Refused
            }
        });
    }
    e.downcast_ref::<std::io::Error>().map(ErrorCategory::of_io)
}

/// An error already put in words for the user, its category kept for the log. Its text is shown to
/// the user and never logged; [`ErrorCategory::of`] finds the category anywhere in a chain.
#[derive(Debug)]
pub struct Described {
    message: String,
    category: ErrorCategory,
}

impl Described {
    /// A message for the user, and the category of the error it describes.
    pub fn new(message: String, category: ErrorCategory) -> Self {
        Self { message, category }
    }
}

impl std::fmt::Display for Described {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl Error for Described {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_are_found_through_the_chain() {
        let e = anyhow::Error::new(VaultError::WrongPassphrase);
        assert_eq!(ErrorCategory::of(e.as_ref()), ErrorCategory::WrongSecret);
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let e = anyhow::Error::new(FsError::io("writing", std::path::Path::new("/x"), io));
        assert_eq!(
            ErrorCategory::of(e.as_ref()),
            ErrorCategory::PermissionDenied
        );
        // A context above a known error does not hide it.
        let e = anyhow::Error::new(VaultError::Corrupt).context("opening");
        assert_eq!(ErrorCategory::of(e.as_ref()), ErrorCategory::Damaged);
        // Words alone: other.
        assert_eq!(
            ErrorCategory::of(anyhow::anyhow!("something").as_ref()),
            ErrorCategory::Other
        );
    }

    #[test]
    fn a_described_error_shows_its_words_and_keeps_its_category() {
        let e = anyhow::Error::new(Described::new(
            "Phrase de passe incorrecte.".to_owned(),
            ErrorCategory::WrongSecret,
        ));
        assert_eq!(format!("{e:#}"), "Phrase de passe incorrecte.");
        assert_eq!(ErrorCategory::of(e.as_ref()), ErrorCategory::WrongSecret);
    }
}
