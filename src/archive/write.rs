//! Making an archive: list the files, stream them through tar and age into a temporary file, read it
//! back and check it, then give it its name. And, after that and an explicit confirmation, removing the
//! originals that still match.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

use jiff::Timestamp;
use sha2::{Digest as _, Sha256};

use super::manifest::{FORMAT, MANIFEST_NAME, Manifest, ManifestFile, SUMS_NAME};
use super::{ArchiveError, ArchiveKey, CHUNK, IoAction, KeyKind, Origin, Phase, Progress};

/// A file to archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFile {
    /// Where it is.
    pub source: PathBuf,
    /// Its path in the archive.
    pub name: String,
    /// Its size when listed.
    pub size: u64,
}

/// What was left out of a plan, counted (never named: names are often patients').
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Symbolic links (not followed: what they point to may be anywhere).
    pub links: u64,
    /// Devices, pipes, sockets.
    pub special: u64,
    /// Files or folders the system would not list or describe.
    pub unreadable: u64,
    /// Names that are not valid Unicode (they could not be restored faithfully on another system).
    pub bad_names: u64,
}

impl Skipped {
    /// The total left out.
    pub fn total(&self) -> u64 {
        self.links + self.special + self.unreadable + self.bad_names
    }
}

/// The files under the chosen paths.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// The files, in the order they go into the archive.
    pub files: Vec<PlannedFile>,
    /// The folders (archive paths), so that empty ones are kept.
    pub folders: Vec<String>,
    /// What was left out.
    pub skipped: Skipped,
    /// The files' total size.
    pub total_bytes: u64,
}

/// The last part of `path` as the top name in the archive (`files` for a root such as `/` or `C:\`).
fn top_name(path: &Path) -> Option<String> {
    match path.file_name() {
        Some(name) => name.to_str().map(str::to_owned),
        None => Some("files".to_owned()),
    }
}

/// `base`, or `base (2)`, `base (3)`… : the first not yet in `taken`, which then holds it.
fn unique_name(taken: &mut HashSet<String>, base: &str) -> String {
    let mut name = base.to_owned();
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{base} ({n})");
        n += 1;
    }
    name
}

/// Lists the files under `paths` (files or folders). Links are not followed. A path that does not
/// exist is an error; what cannot be read under a folder is counted in [`Plan::skipped`].
pub fn plan(paths: &[PathBuf]) -> Result<Plan, ArchiveError> {
    crate::io_guard::check("listing files to archive");
    let mut plan = Plan::default();
    let mut tops: HashSet<String> = HashSet::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut roots: HashSet<PathBuf> = HashSet::new();
    for root in paths {
        let meta =
            fs::symlink_metadata(root).map_err(|e| ArchiveError::io(IoAction::List, root, e))?;
        // The same path chosen twice is taken once.
        if !roots.insert(fs::canonicalize(root).unwrap_or_else(|_| root.clone())) {
            continue;
        }
        let Some(base) = top_name(root) else {
            plan.skipped.bad_names += 1;
            continue;
        };
        // Two chosen folders with the same name: the second is "name (2)".
        let top = unique_name(&mut tops, &base);
        if meta.file_type().is_symlink() {
            plan.skipped.links += 1;
        } else if meta.is_file() {
            add_file(&mut plan, &mut seen, root, top, meta.len());
        } else if meta.is_dir() {
            plan.folders.push(top.clone());
            walk_folder(&mut plan, &mut seen, root, &top);
        } else {
            plan.skipped.special += 1;
        }
    }
    plan.total_bytes = plan.files.iter().map(|f| f.size).sum();
    Ok(plan)
}

/// Lists chosen files (a scan's findings), keeping their folders: their paths in the archive are
/// relative to the closest folder that holds them all, under that folder's name. Files that are no
/// longer there, or are no longer plain files, are counted in [`Plan::skipped`].
pub fn plan_files(files: &[PathBuf]) -> Plan {
    crate::io_guard::check("listing files to archive");
    let mut plan = Plan::default();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut present: Vec<(&PathBuf, u64)> = Vec::new();
    for file in files {
        match fs::symlink_metadata(file) {
            Ok(meta) if meta.is_file() => present.push((file, meta.len())),
            Ok(meta) if meta.file_type().is_symlink() => plan.skipped.links += 1,
            _ => plan.skipped.unreadable += 1,
        }
    }
    let base = present
        .iter()
        .filter_map(|(f, _)| f.parent())
        .map(Path::to_path_buf)
        .reduce(|common, next| {
            let mut common = common;
            while !next.starts_with(&common) {
                if !common.pop() {
                    break;
                }
            }
            common
        })
        .filter(|b| b.parent().is_some() || b.file_name().is_some());
    let top = base.as_deref().and_then(top_name);
    let mut tops: HashSet<String> = HashSet::new();
    for (file, size) in present {
        let relative = base.as_deref().zip(top.as_deref()).and_then(|(b, t)| {
            let rel = file.strip_prefix(b).ok()?;
            let parts: Option<Vec<&str>> = rel.iter().map(|p| p.to_str()).collect();
            Some(format!("{t}/{}", parts?.join("/")))
        });
        let name = if let Some(name) = relative {
            name
        } else {
            // No common folder (files on two drives): each under its own name.
            let Some(base_name) = top_name(file) else {
                plan.skipped.bad_names += 1;
                continue;
            };
            unique_name(&mut tops, &base_name)
        };
        add_file(&mut plan, &mut seen, file, name, size);
    }
    plan.total_bytes = plan.files.iter().map(|f| f.size).sum();
    plan
}

fn add_file(plan: &mut Plan, seen: &mut HashSet<PathBuf>, source: &Path, name: String, size: u64) {
    // A file chosen twice (a folder inside another chosen folder) goes in once.
    let key = fs::canonicalize(source).unwrap_or_else(|_| source.to_path_buf());
    if seen.insert(key) {
        plan.files.push(PlannedFile {
            source: source.to_path_buf(),
            name,
            size,
        });
    }
}

fn walk_folder(plan: &mut Plan, seen: &mut HashSet<PathBuf>, root: &Path, top: &str) {
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .follow_links(false)
        .sort_by_file_name(Ord::cmp)
        .build();
    for entry in walker {
        let Ok(entry) = entry else {
            plan.skipped.unreadable += 1;
            continue;
        };
        if entry.depth() == 0 {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(root) else {
            plan.skipped.unreadable += 1;
            continue;
        };
        let parts: Option<Vec<&str>> = relative.iter().map(|p| p.to_str()).collect();
        let Some(parts) = parts else {
            plan.skipped.bad_names += 1;
            continue;
        };
        let name = format!("{top}/{}", parts.join("/"));
        let Some(kind) = entry.file_type() else {
            plan.skipped.unreadable += 1;
            continue;
        };
        if kind.is_symlink() {
            plan.skipped.links += 1;
        } else if kind.is_dir() {
            plan.folders.push(name);
        } else if kind.is_file() {
            match entry.metadata() {
                Ok(meta) => add_file(plan, seen, entry.path(), name, meta.len()),
                Err(_) => plan.skipped.unreadable += 1,
            }
        } else {
            plan.skipped.special += 1;
        }
    }
}

/// A finished, verified archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archived {
    /// Where it is.
    pub path: PathBuf,
    /// Its manifest (as written, and as read back).
    pub manifest: Manifest,
    /// Its size in bytes.
    pub archive_bytes: u64,
    /// The originals, in the manifest's order: `sources[i]` is `manifest.files[i]`.
    pub sources: Vec<PathBuf>,
    /// What the plan left out.
    pub skipped: Skipped,
}

/// Removes the temporary files of archive runs that were killed (`NAME.age.tmp-` and 12 hexadecimal
/// digits, see [`crate::fs::temp_path`]) from `dir`: only those no live run holds locked (a run holds
/// its temporary file locked until it is renamed; a killed run's lock is gone with it), only regular
/// files. Called at the start of every run that writes an archive into `dir`, as the vault's temporaries
/// are cleaned when a vault is opened for writing. Best effort.
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(text) = name.to_str() else {
            continue;
        };
        let Some((base, _)) = text.rsplit_once(".tmp-") else {
            continue;
        };
        let is_archive = Path::new(base)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("age"));
        if !is_archive
            || !crate::fs::is_temporary_of(&name, std::ffi::OsStr::new(base))
            || !entry.file_type().is_ok_and(|t| t.is_file())
        {
            continue;
        }
        let path = entry.path();
        // Free to lock: no run is writing it.
        if let Ok(file) = fs::File::open(&path)
            && file.try_lock().is_ok()
        {
            drop(file);
            let _ = fs::remove_file(&path);
        }
    }
}

/// Makes an archive of `plan` at `out` (which must not exist), encrypted with `key`, then reads it back
/// and checks every file against the manifest. Only then does `out` appear.
pub fn encrypt(
    plan: &Plan,
    key: &ArchiveKey,
    out: &Path,
    origin: &Origin,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Archived, ArchiveError> {
    encrypt_with(plan, key, out, origin, cancel, progress, &mut |_| Ok(()))
}

/// [`encrypt`], calling `before_write(bytes_written_so_far)` before each write to the temporary file:
/// an error from it stops the run as a full disk would (tests inject failures with it).
pub fn encrypt_with(
    plan: &Plan,
    key: &ArchiveKey,
    out: &Path,
    origin: &Origin,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
    before_write: &mut dyn FnMut(u64) -> io::Result<()>,
) -> Result<Archived, ArchiveError> {
    crate::io_guard::check("writing an archive");
    if plan.files.is_empty() {
        return Err(ArchiveError::Nothing);
    }
    if fs::symlink_metadata(out).is_ok() {
        return Err(ArchiveError::Exists(out.to_path_buf()));
    }
    let encryptor = key.encryptor()?;
    remove_stale_temporaries(&crate::fs::folder_of(out));
    let tmp = crate::fs::temp_path(out)
        .map_err(|e| ArchiveError::io(IoAction::Create, out, io::Error::other(e.to_string())))?;
    let file =
        crate::fs::create_private(&tmp).map_err(|e| ArchiveError::io(IoAction::Create, out, e))?;
    // The temporary file is held locked while this run writes and checks it: another run's clean-up
    // ([`remove_stale_temporaries`]) leaves it alone; the lock goes with this process if it is killed.
    let _ = file.try_lock();
    let result = (|| {
        let manifest = write_stream(
            plan,
            key,
            encryptor,
            file,
            out,
            origin,
            cancel,
            progress,
            before_write,
        )?;
        // The writer's handle is closed: a shared lock (reads allowed) until the rename.
        let _live = fs::File::open(&tmp)
            .ok()
            .filter(|f| f.try_lock_shared().is_ok());
        let check = super::read::check_written(&tmp, key, &manifest, cancel, progress)?;
        if fs::symlink_metadata(out).is_ok() {
            return Err(ArchiveError::Exists(out.to_path_buf()));
        }
        fs::rename(&tmp, out).map_err(|e| ArchiveError::io(IoAction::Rename, out, e))?;
        let _ = crate::fs::sync_dir(&crate::fs::folder_of(out));
        Ok(Archived {
            path: out.to_path_buf(),
            manifest,
            archive_bytes: check.archive_bytes,
            sources: plan.files.iter().map(|f| f.source.clone()).collect(),
            skipped: plan.skipped,
        })
    })();
    if result.is_err() {
        // Ours and incomplete (or unverified): it goes; the originals were only read.
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Counts what is written and lets a test fail a write.
struct Counted<'a> {
    file: File,
    written: u64,
    before_write: &'a mut dyn FnMut(u64) -> io::Result<()>,
    /// Whether the tests' full-disk fault point ([`crate::fs::injected_disk_full`]) was passed.
    fault_point_passed: bool,
}

impl Write for Counted<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        (self.before_write)(self.written)?;
        if self.written > 0 && !self.fault_point_passed {
            // Once per archive, after its first bytes: the tests' full disk (debug builds only).
            self.fault_point_passed = true;
            crate::fs::injected_disk_full()?;
        }
        let n = self.file.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// What stopped a source read: the user, or a file that changed.
#[derive(Debug)]
enum Stop {
    Cancelled,
    Changed,
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for Stop {}

/// Reads exactly `left` bytes of a source, hashing them; fails if the file is shorter, or when
/// cancelled.
struct Source<'a> {
    file: File,
    left: u64,
    hasher: &'a mut super::hash::ParallelHash,
    cancel: &'a AtomicBool,
    done: &'a mut u64,
}

impl Read for Source<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Ok(0);
        }
        if self.cancel.load(Ordering::Relaxed) {
            return Err(io::Error::other(Stop::Cancelled));
        }
        let want = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.file.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::Error::other(Stop::Changed));
        }
        self.hasher.update(&buf[..n]);
        self.left -= n as u64;
        *self.done += n as u64;
        Ok(n)
    }
}

fn open_source(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Not through a link swapped in since the listing; never blocked by a FIFO.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

fn mtime_of(time: Option<SystemTime>) -> (u64, Option<Timestamp>) {
    let Some(time) = time else {
        return (0, None);
    };
    let stamp = Timestamp::try_from(time).ok();
    let secs = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (secs, stamp)
}

fn stop_of(e: io::Error, out: &Path) -> ArchiveError {
    match e.get_ref().and_then(|inner| inner.downcast_ref::<Stop>()) {
        Some(Stop::Cancelled) => ArchiveError::Cancelled,
        Some(Stop::Changed) => ArchiveError::SourceChanged,
        None => ArchiveError::io(IoAction::Write, out, e),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one call site; a struct would only rename them"
)]
fn write_stream(
    plan: &Plan,
    key: &ArchiveKey,
    encryptor: age::Encryptor,
    file: File,
    out: &Path,
    origin: &Origin,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
    before_write: &mut dyn FnMut(u64) -> io::Result<()>,
) -> Result<Manifest, ArchiveError> {
    let counted = Counted {
        file,
        written: 0,
        before_write,
        fault_point_passed: false,
    };
    let buffered = BufWriter::with_capacity(4 * CHUNK, counted);
    let encrypted = encryptor
        .wrap_output(buffered)
        .map_err(|e| stop_of(e, out))?;
    let mut tar = tar::Builder::new(encrypted);
    tar.follow_symlinks(false);
    let created = (origin.at.as_second().max(0)) as u64;

    for folder in &plan.folders {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(tar::EntryType::Directory);
        header.set_size(0);
        header.set_mode(0o755);
        header.set_mtime(created);
        tar.append_data(&mut header, format!("{folder}/"), io::empty())
            .map_err(|e| stop_of(e, out))?;
    }

    let total = Progress {
        phase: Phase::Encrypting,
        files_done: 0,
        files_total: plan.files.len() as u64,
        bytes_done: 0,
        bytes_total: plan.total_bytes,
    };
    progress(total);
    let mut files = Vec::with_capacity(plan.files.len());
    let mut bytes_done = 0u64;
    let mut hasher = super::hash::ParallelHash::new();
    for (i, planned) in plan.files.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Err(ArchiveError::Cancelled);
        }
        let source =
            open_source(&planned.source).map_err(|e| ArchiveError::Source { source: e })?;
        let meta = source
            .metadata()
            .map_err(|e| ArchiveError::Source { source: e })?;
        if !meta.is_file() {
            return Err(ArchiveError::SourceChanged);
        }
        let size = meta.len();
        let (secs, modified) = mtime_of(meta.modified().ok());
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(tar::EntryType::Regular);
        header.set_size(size);
        header.set_mode(0o644);
        header.set_mtime(secs);
        let mut reader = Source {
            file: source,
            left: size,
            hasher: &mut hasher,
            cancel,
            done: &mut bytes_done,
        };
        tar.append_data(&mut header, &planned.name, &mut reader)
            .map_err(|e| stop_of(e, out))?;
        let digest = hasher.finish().map(hex::encode).unwrap_or_default();
        files.push(ManifestFile {
            path: planned.name.clone(),
            size,
            sha256: digest,
            modified,
        });
        progress(Progress {
            files_done: i as u64 + 1,
            bytes_done,
            bytes_total: total.bytes_total.max(bytes_done),
            ..total
        });
    }

    let manifest = Manifest {
        format: FORMAT.to_owned(),
        created_at: origin.at,
        practice: origin.practice.clone(),
        vigie_version: env!("CARGO_PKG_VERSION").to_owned(),
        key: match key.kind() {
            KeyKind::Identity => "practice-key".to_owned(),
            KeyKind::Passphrase => "passphrase".to_owned(),
        },
        file_count: files.len() as u64,
        total_bytes: files.iter().map(|f| f.size).sum(),
        files,
    };
    let bytes = manifest.to_bytes();
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::Regular);
    header.set_size(bytes.len() as u64);
    header.set_mode(0o644);
    header.set_mtime(created);
    tar.append_data(&mut header, MANIFEST_NAME, bytes.as_slice())
        .map_err(|e| stop_of(e, out))?;
    // Then the checksum list, for `sha256sum -c SHA256SUMS` once extracted without Vigie.
    let sums = manifest.sums(&bytes).into_bytes();
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::Regular);
    header.set_size(sums.len() as u64);
    header.set_mode(0o644);
    header.set_mtime(created);
    tar.append_data(&mut header, SUMS_NAME, sums.as_slice())
        .map_err(|e| stop_of(e, out))?;
    let encrypted = tar.into_inner().map_err(|e| stop_of(e, out))?;
    let buffered = encrypted.finish().map_err(|e| stop_of(e, out))?;
    let counted = buffered
        .into_inner()
        .map_err(|e| stop_of(e.into_error(), out))?;
    counted
        .file
        .sync_all()
        .map_err(|e| ArchiveError::io(IoAction::Write, out, e))?;
    Ok(manifest)
}

/// What [`remove_originals`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Removal {
    /// Originals removed.
    pub removed: u64,
    /// Originals kept because they changed since they were archived (or could not be read).
    pub kept_changed: u64,
    /// Originals the system would not remove.
    pub failed: u64,
}

/// Removes the originals of a verified archive, each only if it still has the size and digest the
/// manifest records (a file changed since is kept). Folders stay. Deleting a file does not wipe its
/// blocks on an SSD or a journaled file system: full-disk encryption is the real protection.
pub fn remove_originals(
    archived: &Archived,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Removal, ArchiveError> {
    crate::io_guard::check("removing archived originals");
    // The archive must still be there: the originals go only while a checked copy exists.
    if !archived.path.is_file() {
        return Err(ArchiveError::io(
            IoAction::Read,
            &archived.path,
            io::Error::from(io::ErrorKind::NotFound),
        ));
    }
    let mut removal = Removal::default();
    let total = archived.sources.len() as u64;
    let mut buffer = vec![0u8; CHUNK];
    for (i, (source, listed)) in archived
        .sources
        .iter()
        .zip(&archived.manifest.files)
        .enumerate()
    {
        if cancel.load(Ordering::Relaxed) {
            return Err(ArchiveError::Cancelled);
        }
        if same_as_listed(source, listed, &mut buffer) {
            match fs::remove_file(source) {
                Ok(()) => removal.removed += 1,
                Err(_) => removal.failed += 1,
            }
        } else {
            removal.kept_changed += 1;
        }
        progress(Progress {
            phase: Phase::Removing,
            files_done: i as u64 + 1,
            files_total: total,
            bytes_done: 0,
            bytes_total: 0,
        });
    }
    Ok(removal)
}

fn same_as_listed(source: &Path, listed: &ManifestFile, buffer: &mut [u8]) -> bool {
    let Ok(mut file) = open_source(source) else {
        return false;
    };
    if file.metadata().map(|m| m.len()).ok() != Some(listed.size) {
        return false;
    }
    let mut hasher = Sha256::new();
    loop {
        match file.read(buffer) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buffer[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
    hex::encode(hasher.finalize()) == listed.sha256
}
