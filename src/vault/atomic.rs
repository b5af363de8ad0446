//! Atomic replacement of a file, keeping the previous generations as backups.
//!
//! The new bytes go to a temporary file in the same folder, which is flushed to disk (`fsync`) and then
//! renamed over the vault; the folder is flushed too, so that the rename itself survives a power cut. At
//! every instant the vault path holds either the old or the new complete file. Before the rename, the
//! current file is copied to `NAME.bak1` (older backups shift to `bak2`, `bak3`; the oldest is dropped).

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::VaultError;

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

fn injected(fault: Option<FaultPoint>, at: FaultPoint) -> Result<(), std::io::Error> {
    if fault == Some(at) {
        return Err(std::io::Error::other(format!("injected fault: {at:?}")));
    }
    Ok(())
}

/// Creates a new file readable by its owner only (0600 on Unix), failing if it exists.
pub fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Random bytes in a temporary file's name (as 12 hexadecimal digits).
const TEMP_RANDOM_BYTES: usize = 6;

fn temp_path(path: &Path) -> Result<PathBuf, VaultError> {
    let suffix: [u8; TEMP_RANDOM_BYTES] = super::crypto::random()?;
    let hex: String = suffix.iter().map(|b| format!("{b:02x}")).collect();
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp-{hex}"));
    Ok(path.with_file_name(name))
}

/// Whether `name` is one of Vigie's temporary files for `base` (the vault's or a backup's file name):
/// `BASE.tmp-` followed by exactly 12 lower-case hexadecimal digits.
fn is_temporary_of(name: &std::ffi::OsStr, base: &std::ffi::OsStr) -> bool {
    let (Some(name), Some(base)) = (name.to_str(), base.to_str()) else {
        return false;
    };
    name.strip_prefix(base)
        .and_then(|rest| rest.strip_prefix(".tmp-"))
        .is_some_and(|hex| {
            hex.len() == 2 * TEMP_RANDOM_BYTES
                && hex
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

/// Removes the temporary files that an interrupted save of the vault at `path` left beside it (a kill,
/// a power cut): only Vigie's own names for this vault and its backups, only regular files. Called
/// under the writer's lock, so no save of this vault is writing one now. Best effort: a file that
/// cannot be removed stays.
pub fn remove_stale_temporaries(path: &Path) {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut bases = vec![path.file_name().unwrap_or_default().to_os_string()];
    bases.extend((1..=BACKUP_GENERATIONS).map(|g| {
        backup_path(path, g)
            .file_name()
            .unwrap_or_default()
            .to_os_string()
    }));
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if bases.iter().any(|b| is_temporary_of(&name, b))
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Flushes a folder's entry list, so that a rename in it is durable. Windows has no such call: its
/// `MoveFileEx` is durable once it returns when the volume is NTFS.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically. When `keep_backups` and the file exists, it is first copied to
/// backup 1 and older backups shift. `fault` makes the write fail at a given point (tests only).
pub fn write(
    path: &Path,
    bytes: &[u8],
    keep_backups: bool,
    fault: Option<FaultPoint>,
) -> Result<(), VaultError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = temp_path(path)?;
    let result = write_via(&tmp, path, &dir, bytes, keep_backups, fault);
    if result.is_err() {
        // The temporary file is ours and incomplete: remove it; the vault itself was not touched.
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_via(
    tmp: &Path,
    path: &Path,
    dir: &Path,
    bytes: &[u8],
    keep_backups: bool,
    fault: Option<FaultPoint>,
) -> Result<(), VaultError> {
    // Errors name the file the user knows, not the temporary one.
    let io = |action| move |e| VaultError::io(action, path, e);
    let mut file = create_private(tmp).map_err(io("creating"))?;
    let half = bytes.len() / 2;
    file.write_all(&bytes[..half]).map_err(io("writing"))?;
    injected(fault, FaultPoint::HalfWritten).map_err(io("writing"))?;
    file.write_all(&bytes[half..]).map_err(io("writing"))?;
    injected(fault, FaultPoint::BeforeSync).map_err(io("writing"))?;
    file.sync_all().map_err(io("flushing"))?;
    drop(file);

    if keep_backups && path.is_file() {
        rotate_backups(path)?;
    }
    injected(fault, FaultPoint::BeforeRename).map_err(io("renaming"))?;
    fs::rename(tmp, path).map_err(|e| VaultError::io("replacing", path, e))?;
    sync_dir(dir).map_err(|e| VaultError::io("flushing", dir, e))?;
    Ok(())
}

/// Shifts `bak1 → bak2 → bak3` and copies the current file to `bak1` (through its own temporary file, so
/// that a crash never leaves a half-written backup).
fn rotate_backups(path: &Path) -> Result<(), VaultError> {
    for g in (1..BACKUP_GENERATIONS).rev() {
        let from = backup_path(path, g);
        if from.is_file() {
            let to = backup_path(path, g + 1);
            fs::rename(&from, &to).map_err(|e| VaultError::io("renaming", &from, e))?;
        }
    }
    let current = fs::read(path).map_err(|e| VaultError::io("reading", path, e))?;
    let backup = backup_path(path, 1);
    let tmp = temp_path(&backup)?;
    let copy = (|| {
        let mut f = create_private(&tmp)?;
        f.write_all(&current)?;
        f.sync_all()?;
        fs::rename(&tmp, &backup)
    })();
    if let Err(e) = copy {
        let _ = fs::remove_file(&tmp);
        return Err(VaultError::io("writing", &backup, e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_vigies_own_temporary_names_are_stale_temporaries() {
        let base = std::ffi::OsStr::new("cabinet.vigie");
        let yes = [
            "cabinet.vigie.tmp-0123456789ab",
            "cabinet.vigie.tmp-ffffffffffff",
        ];
        let no = [
            "cabinet.vigie",
            "cabinet.vigie.tmp-0123456789a",
            "cabinet.vigie.tmp-0123456789abc",
            "cabinet.vigie.tmp-0123456789AB",
            "cabinet.vigie.tmp-01234567890g",
            "autre.vigie.tmp-0123456789ab",
            "cabinet.vigie.bak1",
            "Dupont Marie.dcm",
        ];
        for n in yes {
            assert!(is_temporary_of(std::ffi::OsStr::new(n), base), "{n}");
        }
        for n in no {
            assert!(!is_temporary_of(std::ffi::OsStr::new(n), base), "{n}");
        }
    }
}
