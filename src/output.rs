//! The one safe way to write an output file (a PDF, the recovery sheet, a CSV, an archive…), from the
//! command line and from the window alike.
//!
//! An output never lands on a vault, a vault's backup or its lock file (recognised by their first bytes,
//! whatever their name), never on something that is not a regular file (a folder, a device, a pipe, a
//! link), and never in a folder that does not exist (Vigie does not create folders on its own). An
//! existing file is replaced only when it is a document of the same kind (a PDF by a PDF) or when the
//! user said so (`--force`, or confirming in the window). The write itself is atomic: a temporary file
//! beside the target, flushed, then renamed.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::vault::{self, VaultError};

/// What kind of document is written: it decides which existing file may be replaced without asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// A PDF document: replaces an existing PDF.
    Pdf,
    /// Any other file (text, CSV, JSON, an archive): replaces nothing unless forced.
    Other,
}

impl OutputKind {
    /// Whether an existing file starting with `head` is a document of this kind.
    fn is_same_kind(self, head: &[u8]) -> bool {
        match self {
            Self::Pdf => head.starts_with(b"%PDF-"),
            Self::Other => false,
        }
    }

    /// The kind's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Other => "",
        }
    }
}

/// Why an output was refused or failed. Nothing was changed on disk in any case.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The target is a vault, a vault backup or a vault's lock file.
    #[error("{0} is a Vigie vault or one of its backups")]
    IsVault(PathBuf),
    /// The target exists and is not a document of the same kind; `--force` replaces it.
    #[error("{path} already exists")]
    Exists {
        /// The target.
        path: PathBuf,
        /// What was to be written.
        kind: OutputKind,
    },
    /// The target is a folder, a device, a pipe, a link…
    #[error("{0} is not a regular file")]
    NotAFile(PathBuf),
    /// The target's folder does not exist.
    #[error("the folder {0} does not exist")]
    NoFolder(PathBuf),
    /// The system refused the write (disk full, permission…).
    #[error(transparent)]
    Write(#[from] VaultError),
}

/// What writing to a path would do, once checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Nothing there yet.
    New,
    /// An existing document of the same kind (or any regular file when forced) is replaced.
    Replaces,
}

/// Checks that `path` may receive a document of `kind`: see the module's rules. `force` allows
/// replacing an existing regular file of another kind — never a vault, never a non-file.
pub fn check(path: &Path, kind: OutputKind, force: bool) -> Result<Target, OutputError> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let dir = folder_of(path);
            match std::fs::metadata(&dir) {
                Ok(m) if m.is_dir() => Ok(Target::New),
                Ok(_) => Err(OutputError::NotAFile(dir)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    Err(OutputError::NoFolder(dir))
                }
                Err(e) => Err(VaultError::Io {
                    action: "reading",
                    path: dir,
                    source: e,
                }
                .into()),
            }
        }
        // A file where the path wants a folder (`notes.txt/rapport.pdf`).
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            Err(OutputError::NotAFile(folder_of(path)))
        }
        Err(e) => Err(VaultError::Io {
            action: "reading",
            path: path.to_path_buf(),
            source: e,
        }
        .into()),
        Ok(meta) if !meta.is_file() => Err(OutputError::NotAFile(path.to_path_buf())),
        Ok(_) => {
            let head = head_of(path)?;
            if head.starts_with(vault::format::MAGIC) || head.starts_with(vault::lock::LOCK_MAGIC) {
                Err(OutputError::IsVault(path.to_path_buf()))
            } else if force || kind.is_same_kind(&head) {
                Ok(Target::Replaces)
            } else {
                Err(OutputError::Exists {
                    path: path.to_path_buf(),
                    kind,
                })
            }
        }
    }
}

/// Writes `bytes` to `path` atomically after [`check`]; on any error, nothing was changed.
pub fn write(path: &Path, bytes: &[u8], kind: OutputKind, force: bool) -> Result<(), OutputError> {
    check(path, kind, force)?;
    crate::fs::write_atomic(path, bytes).map_err(VaultError::from)?;
    Ok(())
}

/// The folder a path's file goes in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The first bytes of a regular file (enough to recognise it).
fn head_of(path: &Path) -> Result<Vec<u8>, OutputError> {
    let io = |e| VaultError::Io {
        action: "reading",
        path: path.to_path_buf(),
        source: e,
    };
    let (file, _) = crate::fs::open_regular(path).map_err(io)?;
    let mut head = Vec::with_capacity(16);
    file.take(16).read_to_end(&mut head).map_err(io)?;
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        let new = d.join("rapport.pdf");
        assert_eq!(check(&new, OutputKind::Pdf, false).ok(), Some(Target::New));

        std::fs::write(d.join("old.pdf"), b"%PDF-1.7 old").expect("write");
        assert_eq!(
            check(&d.join("old.pdf"), OutputKind::Pdf, false).ok(),
            Some(Target::Replaces)
        );

        std::fs::write(d.join("notes.txt"), b"mes notes").expect("write");
        assert!(matches!(
            check(&d.join("notes.txt"), OutputKind::Pdf, false),
            Err(OutputError::Exists { .. })
        ));
        assert!(matches!(
            check(&d.join("notes.txt"), OutputKind::Other, false),
            Err(OutputError::Exists { .. })
        ));
        assert_eq!(
            check(&d.join("notes.txt"), OutputKind::Pdf, true).ok(),
            Some(Target::Replaces)
        );

        // A vault, whatever its name, even forced.
        let mut fake_vault = vault::format::MAGIC.to_vec();
        fake_vault.extend_from_slice(b"rest");
        std::fs::write(d.join("x.pdf"), &fake_vault).expect("write");
        assert!(matches!(
            check(&d.join("x.pdf"), OutputKind::Pdf, true),
            Err(OutputError::IsVault(_))
        ));
        std::fs::write(d.join("c.vigie.lock"), vault::lock::LOCK_MAGIC).expect("write");
        assert!(matches!(
            check(&d.join("c.vigie.lock"), OutputKind::Other, true),
            Err(OutputError::IsVault(_))
        ));

        assert!(matches!(
            check(d, OutputKind::Pdf, true),
            Err(OutputError::NotAFile(_))
        ));
        assert!(matches!(
            check(&d.join("absent").join("r.pdf"), OutputKind::Pdf, true),
            Err(OutputError::NoFolder(_))
        ));
        assert!(!d.join("absent").exists(), "no folder created");
        assert!(matches!(
            check(&d.join("notes.txt").join("r.pdf"), OutputKind::Pdf, true),
            Err(OutputError::NotAFile(_))
        ));
    }

    #[test]
    fn a_refused_write_changes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("notes.txt");
        std::fs::write(&target, b"mes notes").expect("write");
        assert!(write(&target, b"%PDF-1.7", OutputKind::Pdf, false).is_err());
        assert_eq!(std::fs::read(&target).expect("read"), b"mes notes");
        assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
        write(&target, b"%PDF-1.7", OutputKind::Pdf, true).expect("forced");
        assert_eq!(std::fs::read(&target).expect("read"), b"%PDF-1.7");
    }
}
