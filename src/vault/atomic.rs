//! The vault's saves: an atomic replacement ([`crate::fs`]) that keeps the previous generations as
//! backups, and the fault points tests use to prove nothing is lost.
//!
//! At every instant the vault path holds either the old or the new complete file. Before the rename, the
//! current file is copied to `NAME.bak1` (older backups shift to `bak2`, `bak3`; the oldest is dropped).

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::VaultError;
use crate::fs::{FsError, Step};

/// How many previous generations are kept.
pub const BACKUP_GENERATIONS: usize = 3;

/// The points where a test can make a save fail, to prove that nothing is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultPoint {
    /// After half of the new file was written (a full disk).
    HalfWritten,
    /// After writing, before the flush to disk.
    BeforeSync,
    /// After the backups rotated, just before the rename.
    BeforeRename,
}

/// The path of backup `generation` (1 = the most recent) of `path`.
pub fn backup_path(path: &Path, generation: usize) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".bak{generation}"));
    path.with_file_name(name)
}

/// The backups of `path` that exist, most recent first.
pub fn existing_backups(path: &Path) -> Vec<PathBuf> {
    (1..=BACKUP_GENERATIONS)
        .map(|g| backup_path(path, g))
        .filter(|p| p.is_file())
        .collect()
}

fn injected(
    fault: Option<FaultPoint>,
    at: FaultPoint,
    action: &'static str,
    path: &Path,
) -> Result<(), FsError> {
    if fault == Some(at) {
        let e = std::io::Error::other(format!("injected fault: {at:?}"));
        return Err(FsError::io(action, path, e));
    }
    Ok(())
}

/// Removes the temporary files that an interrupted save of the vault at `path` left beside it (a kill,
/// a power cut): only Vigie's own names for this vault and its backups, only regular files. Called
/// under the writer's lock, so no save of this vault is writing one now. Best effort.
pub fn remove_stale_temporaries(path: &Path) {
    let mut bases = vec![path.file_name().unwrap_or_default().to_os_string()];
    bases.extend((1..=BACKUP_GENERATIONS).map(|g| {
        backup_path(path, g)
            .file_name()
            .unwrap_or_default()
            .to_os_string()
    }));
    crate::fs::remove_stale_temporaries(&crate::fs::folder_of(path), &bases);
}

/// Writes `bytes` to `path` atomically ([`crate::fs::write_atomic_with`]). When `keep_backups` and the
/// file exists, it is first copied to backup 1 and older backups shift, just before the rename. `fault`
/// makes the write fail at a given point (tests only).
pub fn write(
    path: &Path,
    bytes: &[u8],
    keep_backups: bool,
    fault: Option<FaultPoint>,
) -> Result<(), VaultError> {
    crate::fs::write_atomic_with(path, bytes, |step| match step {
        Step::HalfWritten => injected(fault, FaultPoint::HalfWritten, "writing", path),
        Step::Written => injected(fault, FaultPoint::BeforeSync, "writing", path),
        Step::BeforeRename => {
            if keep_backups && path.is_file() {
                rotate_backups(path)?;
            }
            injected(fault, FaultPoint::BeforeRename, "renaming", path)
        }
    })?;
    Ok(())
}

/// Shifts `bak1 → bak2 → bak3` and copies the current file to `bak1` (through its own temporary file, so
/// that a crash never leaves a half-written backup).
fn rotate_backups(path: &Path) -> Result<(), FsError> {
    for g in (1..BACKUP_GENERATIONS).rev() {
        let from = backup_path(path, g);
        if from.is_file() {
            let to = backup_path(path, g + 1);
            crate::fs::retry_while_busy(|| fs::rename(&from, &to))
                .map_err(|e| FsError::io("renaming", &from, e))?;
        }
    }
    let current = fs::read(path).map_err(|e| FsError::io("reading", path, e))?;
    let backup = backup_path(path, 1);
    let tmp = crate::fs::temp_path(&backup)?;
    let copy = (|| {
        let mut f = crate::fs::create_private(&tmp)?;
        f.write_all(&current)?;
        crate::fs::injected_disk_full()?;
        f.sync_all()?;
        crate::fs::retry_while_busy(|| fs::rename(&tmp, &backup))
    })();
    if let Err(e) = copy {
        let _ = fs::remove_file(&tmp);
        return Err(FsError::io("writing", &backup, e));
    }
    Ok(())
}
