//! Atomic replacement of a file: the one way Vigie writes a file it cares about (a vault, the settings,
//! a document).
//!
//! The new bytes go to a temporary file in the same folder (`NAME.tmp-` and 12 random hexadecimal
//! digits, readable by its owner only), which is flushed to disk (`fsync`) and then renamed over `NAME`;
//! the folder is flushed too, so that the rename itself survives a power cut. At every instant `NAME`
//! holds either the old or the new complete file. An interrupted write leaves at most a temporary file,
//! which [`remove_stale_temporaries`] recognises by its name.
//!
//! A leaf module: it imports nothing from the crate (`tests/it/architecture.rs` checks it).

use std::ffi::{OsStr, OsString};
use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// A failed atomic write. The file at the destination is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum FsError {
    /// The operating system refused a step.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done ("creating", "writing", "flushing", "renaming", "replacing", …).
        action: &'static str,
        /// The file the user knows (the destination, never the temporary file), or its folder.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// The system's random number generator failed (for the temporary file's name).
    #[error("the system's random number generator failed")]
    Random,
}

impl FsError {
    /// An [`FsError::Io`].
    pub fn io(action: &'static str, path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The steps of [`write_atomic_with`] at which its caller is called back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Half of the bytes are written to the temporary file.
    HalfWritten,
    /// All the bytes are written, not yet flushed.
    Written,
    /// The temporary file is flushed and closed; the destination is about to be replaced.
    BeforeRename,
}

/// Replaces `path` with `bytes` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    crate::io_guard::check("writing a file");
    write_atomic_with(path, bytes, |_| Ok(()))
}

/// [`write_atomic`], calling `at` at each [`Step`]: an error from it stops the write (the temporary file
/// is removed and the destination is untouched). The vault rotates its backups at
/// [`Step::BeforeRename`]; tests inject failures.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    mut at: impl FnMut(Step) -> Result<(), FsError>,
) -> Result<(), FsError> {
    let dir = folder_of(path);
    let tmp = temp_path(path)?;
    let result = write_via(&tmp, path, &dir, bytes, &mut at);
    if result.is_err() {
        // The temporary file is ours and incomplete: remove it; the destination was not touched.
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_via(
    tmp: &Path,
    path: &Path,
    dir: &Path,
    bytes: &[u8],
    at: &mut dyn FnMut(Step) -> Result<(), FsError>,
) -> Result<(), FsError> {
    // Errors name the file the user knows, not the temporary one.
    let io = |action| move |e| FsError::io(action, path, e);
    let mut file = create_private(tmp).map_err(io("creating"))?;
    let half = bytes.len() / 2;
    file.write_all(&bytes[..half]).map_err(io("writing"))?;
    injected_disk_full().map_err(io("writing"))?;
    at(Step::HalfWritten)?;
    file.write_all(&bytes[half..]).map_err(io("writing"))?;
    at(Step::Written)?;
    file.sync_all().map_err(io("flushing"))?;
    drop(file);
    at(Step::BeforeRename)?;
    retry_while_busy(|| fs::rename(tmp, path)).map_err(io("replacing"))?;
    sync_dir(dir).map_err(|e| FsError::io("flushing", dir, e))?;
    Ok(())
}

/// The environment variable of the tests' full-disk fault point, honoured by debug builds only (a
/// release build compiles [`injected_disk_full`] to nothing): `N` makes the `N`-th file written by this
/// process (counted from 1: every atomic replacement, every backup copy, every archive) fail half-way
/// with the error of a full disk. The integration tests run the debug `vigie` with it to prove that a
/// full disk at each write of each command leaves the previous state intact and is said.
pub const DISK_FULL_ENV: &str = "VIGIE_TEST_DISK_FULL";

/// The tests' full-disk fault point ([`DISK_FULL_ENV`]): called once per file written, half-way
/// through. Always `Ok` in a release build, and when the variable is not set.
pub fn injected_disk_full() -> std::io::Result<()> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static WRITES: AtomicU64 = AtomicU64::new(0);
    if !cfg!(debug_assertions) {
        return Ok(());
    }
    let Some(fail_at) = std::env::var(DISK_FULL_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
    else {
        return Ok(());
    };
    if WRITES.fetch_add(1, Ordering::Relaxed) + 1 == fail_at {
        return Err(std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "no space left on device (injected by VIGIE_TEST_DISK_FULL)",
        ));
    }
    Ok(())
}

/// How many times, 25 ms apart, [`retry_while_busy`] tries again: about a second.
const BUSY_RETRIES: u32 = 40;

/// Whether `e` is what Windows says, for an instant, of a file that another process has open without
/// sharing it or is replacing (`ERROR_ACCESS_DENIED` while the old file is pending deletion,
/// `ERROR_SHARING_VIOLATION`, `ERROR_LOCK_VIOLATION`). Never true elsewhere: on Unix these do not happen
/// and "permission denied" is final.
pub fn busy_on_windows(e: &std::io::Error) -> bool {
    cfg!(windows)
        && (e.kind() == std::io::ErrorKind::PermissionDenied
            || matches!(e.raw_os_error(), Some(32 | 33)))
}

/// Runs `f`, and on Windows runs it again for about a second while the file is busy
/// ([`busy_on_windows`]): another Vigie reading the vault, or an antivirus scanning a file just written,
/// holds it for milliseconds. Go's `robustio` and npm's `graceful-fs` do the same.
pub fn retry_while_busy<T>(f: impl FnMut() -> std::io::Result<T>) -> std::io::Result<T> {
    retry_while_busy_with(f, |e| Some(e))
}

/// [`retry_while_busy`] for an operation with its own error type, `io_of` telling which of its errors
/// is a system error (the vault's read).
pub fn retry_while_busy_with<T, E>(
    mut f: impl FnMut() -> Result<T, E>,
    io_of: impl Fn(&E) -> Option<&std::io::Error>,
) -> Result<T, E> {
    let mut tries = 0;
    loop {
        match f() {
            Err(e) if tries < BUSY_RETRIES && io_of(&e).is_some_and(busy_on_windows) => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            other => return other,
        }
    }
}

/// The folder a path's file goes in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Creates a new file readable by its owner only (0600 on Unix), failing if it exists.
pub fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path)
}

/// Random bytes in a temporary file's name (as 12 hexadecimal digits).
const TEMP_RANDOM_BYTES: usize = 6;

/// A fresh temporary file name beside `path`: `NAME.tmp-` and 12 random lower-case hexadecimal digits.
pub fn temp_path(path: &Path) -> Result<PathBuf, FsError> {
    let mut suffix = [0u8; TEMP_RANDOM_BYTES];
    getrandom::fill(&mut suffix).or(Err(FsError::Random))?;
    let hex = hex::encode(suffix);
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp-{hex}"));
    Ok(path.with_file_name(name))
}

/// Whether `name` is one of Vigie's temporary files for `base` (a file name): `BASE.tmp-` followed by
/// exactly 12 lower-case hexadecimal digits.
pub fn is_temporary_of(name: &OsStr, base: &OsStr) -> bool {
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

/// Removes the temporary files that interrupted writes (a kill, a power cut) left in `dir` for the file
/// names `bases`: only Vigie's own names, only regular files. The caller makes sure no write of those
/// files is under way (the vault holds its writer's lock). Best effort: a file that cannot be removed
/// stays.
pub fn remove_stale_temporaries(dir: &Path, bases: &[OsString]) {
    let Ok(entries) = fs::read_dir(dir) else {
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
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
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

/// Why a file Vigie was given to read is refused before a byte of it is read: it is not a regular file
/// (a FIFO would block the reader forever, a device would never end). Carried inside a
/// [`std::io::Error`] of kind [`std::io::ErrorKind::InvalidInput`]; [`is_not_a_regular_file`] recognises
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a regular file")]
pub struct NotARegularFile;

/// Whether `e` is the refusal of [`open_regular`] for something that is not a regular file.
pub fn is_not_a_regular_file(e: &std::io::Error) -> bool {
    e.get_ref()
        .is_some_and(|inner| inner.is::<NotARegularFile>())
}

/// The error of a file larger than the budget of its reader (kind
/// [`std::io::ErrorKind::FileTooLarge`]).
pub fn too_large() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::FileTooLarge, "file too large")
}

/// Opens `path` to read it, without ever blocking (a FIFO put in its place would block an ordinary open
/// forever), and refuses anything that is not a regular file, looked at on the opened file itself (not
/// swapped in between). Returns the file and its size. The one way Vigie opens a file it is given.
pub fn open_regular(path: &Path) -> std::io::Result<(File, u64)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(std::io::Error::from(std::io::ErrorKind::IsADirectory));
    }
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            NotARegularFile,
        ));
    }
    Ok((file, meta.len()))
}

/// Reads the whole of the regular file `path` ([`open_regular`]) when it holds at most `max` bytes: a
/// larger file (a sparse file of gigabytes, say) is refused by its size before anything is allocated,
/// and a file that grows while it is read is refused too. The read budget of every reader of a file
/// given to Vigie outside the scanner and the vault.
pub fn read_bounded(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let (file, size) = open_regular(path)?;
    if size > max {
        return Err(too_large());
    }
    let mut data = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max.saturating_add(1)).read_to_end(&mut data)?;
    if data.len() as u64 > max {
        return Err(too_large());
    }
    Ok(data)
}

/// The read budget of the small text files Vigie reads to learn about the system (Orthanc's
/// configuration, `/etc/os-release`, `/proc/net/tcp`, …): far above what any of them holds.
pub const MAX_TEXT_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// [`read_bounded`], as text (invalid UTF-8 replaced).
pub fn read_bounded_to_string(path: &Path, max: u64) -> std::io::Result<String> {
    read_bounded(path, max).map(|b| String::from_utf8_lossy(&b).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_vigies_own_temporary_names_are_stale_temporaries() {
        let base = OsStr::new("cabinet.vigie");
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
            assert!(is_temporary_of(OsStr::new(n), base), "{n}");
        }
        for n in no {
            assert!(!is_temporary_of(OsStr::new(n), base), "{n}");
        }
    }

    #[test]
    fn writes_replace_and_failures_leave_the_file_and_no_temporary() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("f.ron");
        write_atomic(&path, b"one").expect("write");
        write_atomic(&path, b"two").expect("replace");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        for step in [Step::HalfWritten, Step::Written, Step::BeforeRename] {
            let err = write_atomic_with(&path, b"three", |s| {
                if s == step {
                    Err(FsError::io("testing", &path, std::io::Error::other("x")))
                } else {
                    Ok(())
                }
            })
            .expect_err("fails");
            assert!(matches!(err, FsError::Io { .. }), "{err}");
            assert_eq!(fs::read(&path).expect("read"), b"two");
            let names: Vec<_> = fs::read_dir(dir.path())
                .expect("dir")
                .flatten()
                .map(|e| e.file_name())
                .collect();
            assert_eq!(names, vec![OsString::from("f.ron")], "{step:?}");
        }
    }

    #[test]
    fn stale_temporaries_are_removed_and_others_kept() {
        let dir = tempfile::tempdir().expect("tmp");
        let stale = dir.path().join("f.ron.tmp-0123456789ab");
        let other = dir.path().join("f.ron.tmp-mine");
        fs::write(&stale, b"x").expect("write");
        fs::write(&other, b"x").expect("write");
        remove_stale_temporaries(dir.path(), &[OsString::from("f.ron")]);
        assert!(!stale.exists());
        assert!(other.exists());
    }
}
