//! One writer at a time: an advisory lock on a lock file beside the vault (`NAME.vigie.lock`).
//!
//! The window holds it while a vault is open; every command that writes holds it for its duration; a
//! save by anyone else takes it for the compare-and-replace. The lock is the operating system's
//! (`flock` on Unix, `LockFileEx` on Windows, through `std::fs::File::try_lock`), so it is released
//! when its holder ends, however it ends: a crash never leaves a vault locked. The lock file itself
//! stays beside the vault (deleting it would let two writers lock two different files) and holds only
//! who has the lock: a process number and a time.

use std::fs::{File, OpenOptions};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};

use super::VaultError;

/// First bytes of a lock file, so that no export ever replaces one (see `crate::output`).
pub const LOCK_MAGIC: &[u8; 8] = b"VIGIELCK";

/// The lock file of the vault at `vault`.
pub fn lock_path(vault: &Path) -> PathBuf {
    let mut name = vault.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    vault.with_file_name(name)
}

/// Who holds a lock, as its lock file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// The holder's process number.
    pub pid: u32,
    /// Since when.
    pub since: jiff::Timestamp,
}

impl Holder {
    fn current() -> Self {
        Self {
            pid: std::process::id(),
            since: jiff::Timestamp::now(),
        }
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = LOCK_MAGIC.to_vec();
        out.extend_from_slice(format!("\npid={}\nsince={}\n", self.pid, self.since).as_bytes());
        out
    }

    fn decode(bytes: &[u8]) -> Option<Self> {
        let text = std::str::from_utf8(bytes.strip_prefix(LOCK_MAGIC.as_slice())?).ok()?;
        let mut pid = None;
        let mut since = None;
        for line in text.lines() {
            if let Some(v) = line.strip_prefix("pid=") {
                pid = v.parse().ok();
            } else if let Some(v) = line.strip_prefix("since=") {
                since = v.parse().ok();
            }
        }
        Some(Self {
            pid: pid?,
            since: since?,
        })
    }
}

/// A held lock on a vault; released when dropped.
#[derive(Debug)]
pub struct VaultLock {
    file: File,
    path: PathBuf,
}

impl VaultLock {
    /// Takes the lock of the vault at `vault`, or says who has it. Never waits.
    pub fn acquire(vault: &Path) -> Result<Self, VaultError> {
        let path = lock_path(vault);
        let mut options = OpenOptions::new();
        // Not truncated on opening: the holder's details stay readable until the lock is ours.
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        let mut file = options
            .open(&path)
            .map_err(|e| VaultError::io("locking", vault, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(VaultError::Locked {
                    holder: read_holder(&mut file),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(VaultError::io("locking", vault, e));
            }
        }
        // Ours now: say who we are (best effort: the lock itself is what counts).
        let holder = Holder::current().encode();
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(&holder))
            .and_then(|()| file.flush());
        Ok(Self { file, path })
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for VaultLock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; unlocking first makes it immediate.
        let _ = self.file.unlock();
    }
}

/// The holder's details, where the system lets another process read them (Windows does not, while the
/// file is locked).
fn read_holder(file: &mut File) -> Option<Holder> {
    let mut bytes = Vec::new();
    file.take(256).read_to_end(&mut bytes).ok()?;
    Holder::decode(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_with_the_holder_and_released_on_drop() {
        let dir = tempfile::tempdir().expect("tempdir");
        let vault = dir.path().join("cabinet.vigie");
        let first = VaultLock::acquire(&vault).expect("first");
        assert_eq!(first.path(), dir.path().join("cabinet.vigie.lock"));
        match VaultLock::acquire(&vault) {
            Err(VaultError::Locked { holder }) => {
                if cfg!(unix) {
                    let holder = holder.expect("readable on Unix");
                    assert_eq!(holder.pid, std::process::id());
                }
            }
            other => panic!("expected Locked, got {other:?}"),
        }
        drop(first);
        let again = VaultLock::acquire(&vault).expect("free again");
        drop(again);
        let bytes = std::fs::read(lock_path(&vault)).expect("lock file stays");
        assert!(bytes.starts_with(LOCK_MAGIC));
    }

    #[test]
    fn holder_round_trip() {
        let h = Holder {
            pid: 4242,
            since: "2026-12-01T10:42:00Z".parse().expect("ts"),
        };
        assert_eq!(Holder::decode(&h.encode()), Some(h));
        assert_eq!(Holder::decode(b"junk"), None);
    }
}
