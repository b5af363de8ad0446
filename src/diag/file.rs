//! The log files: `vigie.log`, then `vigie.1.log` and `vigie.2.log` (older), each at most
//! [`super::FILE_MAX`] bytes, so that the log never takes more than [`super::FILES`] × that.
//!
//! Rotation is by size, written here: `tracing-appender` 0.2 rotates by time only (minutes, hours,
//! days), which does not bound the size on a PC left on for months, and the crates that rotate by size
//! for `tracing` are one-person crates with few users. The rule is twenty lines; its test is below.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// The current file's name; the older ones are `vigie.N.log`.
const CURRENT: &str = "vigie.log";

/// The name of the `n`th file (0: the current one).
pub(super) fn file_name(n: usize) -> String {
    if n == 0 {
        CURRENT.to_owned()
    } else {
        format!("vigie.{n}.log")
    }
}

/// Appends to the current file; before a write would make it larger than the limit, the files move
/// down one place (the oldest is dropped) and a new current file starts. A failure to write turns the
/// log off, silently: logging never fails the program.
#[derive(Debug)]
pub(super) struct RotatingFile {
    dir: PathBuf,
    files: usize,
    max: u64,
    file: Option<std::fs::File>,
    len: u64,
}

impl RotatingFile {
    /// Opens (or creates) the current file in `dir`, creating the folder.
    pub(super) fn open(dir: &Path, files: usize, max: u64) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let file = open_append(&dir.join(CURRENT))?;
        let len = file.metadata()?.len();
        Ok(Self {
            dir: dir.to_path_buf(),
            files: files.max(1),
            max,
            file: Some(file),
            len,
        })
    }

    fn rotate(&mut self) {
        // Closed first: Windows does not rename an open file.
        self.file = None;
        for n in (1..self.files).rev() {
            let from = self.dir.join(file_name(n - 1));
            if from.exists() {
                // `rename` replaces the older file on every system (MoveFileEx with replace on Windows).
                let _ = std::fs::rename(&from, self.dir.join(file_name(n)));
            }
        }
        if self.files == 1 {
            let _ = std::fs::remove_file(self.dir.join(CURRENT));
        }
        self.file = open_append(&self.dir.join(CURRENT)).ok();
        self.len = 0;
    }

    fn append(&mut self, buf: &[u8]) {
        if self.file.is_none() {
            return;
        }
        if self.len > 0 && self.len + buf.len() as u64 > self.max {
            self.rotate();
        }
        if let Some(file) = &mut self.file {
            if file.write_all(buf).is_ok() {
                self.len += buf.len() as u64;
            } else {
                self.file = None;
            }
        }
    }
}

fn open_append(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
}

/// The rotating file shared by the background writer and the panic hook (which writes at once: the
/// program may end right after).
#[derive(Debug, Clone)]
pub(super) struct Shared(Arc<Mutex<RotatingFile>>);

impl Shared {
    pub(super) fn new(file: RotatingFile) -> Self {
        Self(Arc::new(Mutex::new(file)))
    }
}

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // A panic while the lock was held left nothing half-done that matters: keep writing.
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .append(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let mut file = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(f) = &mut file.file {
            let _ = f.flush();
        }
        Ok(())
    }
}

/// The panic hook's writer: it never waits long for the file, in case the panic happened while the
/// file was held (a lost line is better than a hook that never returns).
#[derive(Debug, Clone)]
pub(super) struct PanicWriter(pub(super) Shared);

impl Write for PanicWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for _ in 0..200 {
            match self.0.0.try_lock() {
                Ok(mut file) => {
                    file.append(buf);
                    return Ok(buf.len());
                }
                Err(std::sync::TryLockError::Poisoned(p)) => {
                    p.into_inner().append(buf);
                    return Ok(buf.len());
                }
                Err(std::sync::TryLockError::WouldBlock) => {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for PanicWriter {
    type Writer = Self;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Shared {
    type Writer = Self;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(dir: &Path) -> Vec<u64> {
        (0..4)
            .map(|n| std::fs::metadata(dir.join(file_name(n))).map_or(0, |m| m.len()))
            .collect()
    }

    #[test]
    fn files_rotate_by_size_and_the_oldest_is_dropped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let logs = dir.path().join("logs");
        let mut file = Shared::new(RotatingFile::open(&logs, 3, 100).expect("open"));
        let line = [b'a'; 40];
        // 40 + 40 fit in 100; the third write starts a new file.
        for _ in 0..3 {
            file.write_all(&line).expect("write");
        }
        assert_eq!(sizes(&logs), vec![40, 80, 0, 0], "one rotation");
        for _ in 0..20 {
            file.write_all(&line).expect("write");
        }
        let s = sizes(&logs);
        assert!(s.iter().all(|&n| n <= 100), "{s:?}");
        assert_eq!(s[3], 0, "never a fourth file: {s:?}");
        assert!(s[0] > 0 && s[1] == 80 && s[2] == 80, "{s:?}");
        // The total stays under files × max, however much is written.
        assert!(s.iter().sum::<u64>() <= 300);
    }

    #[test]
    fn reopening_appends_to_the_current_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut a = Shared::new(RotatingFile::open(dir.path(), 3, 1000).expect("open"));
        a.write_all(b"one\n").expect("write");
        drop(a);
        let mut b = Shared::new(RotatingFile::open(dir.path(), 3, 1000).expect("open"));
        b.write_all(b"two\n").expect("write");
        let text = std::fs::read_to_string(dir.path().join(CURRENT)).expect("read");
        assert_eq!(text, "one\ntwo\n");
    }

    #[cfg(unix)]
    #[test]
    fn an_unwritable_folder_is_an_error_at_opening_not_later() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("tempdir");
        let ro = dir.path().join("ro");
        std::fs::create_dir(&ro).expect("mkdir");
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o500)).expect("chmod");
        // Root ignores permissions: nothing to check then.
        if std::fs::write(ro.join("probe"), b"").is_ok() {
            return;
        }
        assert!(RotatingFile::open(&ro.join("logs"), 3, 100).is_err());
        assert!(RotatingFile::open(&ro, 3, 100).is_err());
    }
}
