//! A verified copy of a vault and its backups into another folder (a USB stick, for a backup kept
//! elsewhere): each file is written atomically into a new folder of its own (nothing there is ever
//! replaced), read back, compared with the original byte for byte, and checked as a vault (frame and
//! checksum). The copy is encrypted as the vault is: the same passphrase and recovery code open it.

use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use super::{VaultError, existing_backups, format, read_file};

/// What was copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// The new folder holding the copy.
    pub folder: PathBuf,
    /// The files written there: the vault, then its backups.
    pub files: Vec<PathBuf>,
}

/// Copies `vault` and its backups into a new folder `vigie-copie-<stamp>` of `dest`, each file read
/// back and checked. Slow (a USB stick): call it from a background job.
pub fn copy_verified(vault: &Path, dest: &Path, stamp: &str) -> Result<Copied, VaultError> {
    let folder = dest.join(format!("vigie-copie-{stamp}"));
    std::fs::create_dir(&folder).map_err(|e| VaultError::io("creating", &folder, e))?;
    let mut sources = vec![vault.to_path_buf()];
    sources.extend(existing_backups(vault));
    let mut files = Vec::new();
    for source in sources {
        let bytes = read_file(&source)?;
        let Some(name) = source.file_name() else {
            continue;
        };
        let target = folder.join(name);
        crate::fs::write_atomic(&target, &bytes)?;
        let back = std::fs::read(&target).map_err(|e| VaultError::io("reading", &target, e))?;
        if Sha256::digest(&back) != Sha256::digest(&bytes) {
            return Err(VaultError::CopyDiffers(target));
        }
        format::parse(&back)?;
        files.push(target);
    }
    Ok(Copied { folder, files })
}
