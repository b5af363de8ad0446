//! Reading an archive: decrypt (age authenticates every 64 KiB chunk and the end of the stream), walk the
//! tar entries with their digests, compare with the manifest; and restoring into a folder without ever
//! overwriting a file or writing outside it.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufReader, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use jiff::Timestamp;

use super::manifest::{MANIFEST_NAME, MAX_MANIFEST_BYTES, Manifest, SUMS_NAME};
use super::{ArchiveError, ArchiveKey, CHUNK, IoAction, KeyKind, Phase, Progress};

/// A file found in an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedFile {
    /// Its path in the archive.
    pub path: String,
    /// Its size.
    pub size: u64,
    /// The SHA-256 of its bytes as read, lower-case hexadecimal.
    pub sha256: String,
    /// Its modification time in the tar header.
    pub modified: Option<Timestamp>,
}

/// An archive's contents, read and authenticated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The manifest, when the archive has one (every Vigie archive does; an age file made over a plain
    /// tar does not).
    pub manifest: Option<Manifest>,
    /// The files, in the stream's order (the manifest not included).
    pub files: Vec<ListedFile>,
    /// The folders.
    pub folders: Vec<String>,
    /// Which kind of key opened it.
    pub key_kind: KeyKind,
    /// The archive's size.
    pub archive_bytes: u64,
}

/// The result of [`verify`]: the archive decrypted to its end, and every file matched its manifest.
pub type Verification = Listing;

/// What a restore wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreSummary {
    /// Files written.
    pub files: u64,
    /// Their bytes.
    pub bytes: u64,
    /// Whether they were checked against a manifest (otherwise only age's authentication held).
    pub manifest_checked: bool,
}

/// Which kind of key `path` needs, from its header alone.
pub fn open_kind(path: &Path) -> Result<KeyKind, ArchiveError> {
    crate::io_guard::check("reading an archive header");
    let (file, _) =
        crate::fs::open_regular(path).map_err(|e| ArchiveError::io(IoAction::Read, path, e))?;
    let decryptor =
        age::Decryptor::new_buffered(BufReader::new(file)).map_err(|e| header_error(e, path))?;
    Ok(if decryptor.is_scrypt() {
        KeyKind::Passphrase
    } else {
        KeyKind::Identity
    })
}

/// The largest extension entry read (a GNU long name, a PAX header): a path is at most a few kilobytes.
const MAX_EXTENSION_BYTES: u64 = 64 * 1024;

/// An extension entry's bytes, refused beyond [`MAX_EXTENSION_BYTES`] before any is held.
fn read_extension(entry: &mut impl Read) -> Result<Vec<u8>, ArchiveError> {
    let mut data = Vec::new();
    entry
        .take(MAX_EXTENSION_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(|e| ArchiveError::Damaged(e.to_string()))?;
    if data.len() as u64 > MAX_EXTENSION_BYTES {
        return Err(ArchiveError::UnsafeEntry);
    }
    Ok(data)
}

/// The `path` record of a PAX extended header (`LENGTH path=VALUE\n` records).
fn pax_path(data: &[u8]) -> Option<Vec<u8>> {
    let mut rest = data;
    let mut path = None;
    while !rest.is_empty() {
        let space = rest.iter().position(|&b| b == b' ')?;
        let len: usize = std::str::from_utf8(&rest[..space]).ok()?.parse().ok()?;
        let record = rest.get(space + 1..len)?;
        let record = record.strip_suffix(b"\n")?;
        if let Some(value) = record.strip_prefix(b"path=") {
            path = Some(value.to_vec());
        }
        rest = &rest[len..];
    }
    path
}

fn header_error(e: age::DecryptError, path: &Path) -> ArchiveError {
    match e {
        age::DecryptError::Io(e) if e.kind() != io::ErrorKind::UnexpectedEof => {
            ArchiveError::io(IoAction::Read, path, e)
        }
        age::DecryptError::InvalidHeader
        | age::DecryptError::UnknownFormat
        | age::DecryptError::Io(_) => ArchiveError::NotAge,
        age::DecryptError::InvalidMac => ArchiveError::Damaged("header MAC".to_owned()),
        e => ArchiveError::Damaged(e.to_string()),
    }
}

/// Hashes what passes through (on the hashing thread).
struct Hashing<'a, R> {
    inner: R,
    hasher: &'a mut super::hash::ParallelHash,
    bytes: u64,
}

impl<R: Read> Read for Hashing<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Counts the archive file's bytes as the decryptor pulls them.
struct Tap<'a, R> {
    inner: R,
    bytes: &'a mut u64,
}

impl<R: Read> Read for Tap<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        *self.bytes += n as u64;
        Ok(n)
    }
}

/// A checked path inside an archive: its parts, each a plain name.
fn safe_parts(raw: &[u8]) -> Option<Vec<String>> {
    let text = std::str::from_utf8(raw).ok()?;
    if text.starts_with('/') || text.starts_with('\\') {
        return None;
    }
    let mut parts = Vec::new();
    for part in text.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains(':') || p.contains('\0') => return None,
            p => parts.push(p.to_owned()),
        }
    }
    if parts.is_empty() {
        return None;
    }
    // What this system makes of it must be plain names too (a Windows drive or root, for instance).
    let joined: PathBuf = parts.iter().collect();
    joined
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then_some(parts)
}

/// What the walk hands to its caller for each file.
pub(super) struct EntryFile<'a> {
    pub parts: &'a [String],
    pub modified: Option<Timestamp>,
}

/// Decrypts `path` to its end, walking every entry: files go through `on_file` (which must read its
/// reader to the end) and are hashed; the manifest is kept; anything but files and folders is refused.
fn walk(
    path: &Path,
    key: &ArchiveKey,
    cancel: &AtomicBool,
    phase: Phase,
    progress: &mut dyn FnMut(Progress),
    on_file: &mut dyn FnMut(&EntryFile<'_>, &mut dyn Read) -> Result<(), ArchiveError>,
    on_folder: &mut dyn FnMut(&[String]) -> Result<(), ArchiveError>,
) -> Result<Listing, ArchiveError> {
    // Never blocked by a FIFO given as the archive.
    let (file, archive_total) =
        crate::fs::open_regular(path).map_err(|e| ArchiveError::io(IoAction::Read, path, e))?;
    let mut archive_bytes = 0u64;
    let outer = Tap {
        inner: file,
        bytes: &mut archive_bytes,
    };
    let decryptor = age::Decryptor::new_buffered(BufReader::with_capacity(4 * CHUNK, outer))
        .map_err(|e| header_error(e, path))?;
    let key_kind = if decryptor.is_scrypt() {
        KeyKind::Passphrase
    } else {
        KeyKind::Identity
    };
    if key_kind != key.kind() {
        return Err(ArchiveError::WrongKeyKind(key_kind));
    }
    let identities = key.identities();
    let reader = decryptor
        .decrypt(identities.iter().map(|i| i.as_ref()))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => ArchiveError::WrongKey,
            age::DecryptError::DecryptionFailed | age::DecryptError::KeyDecryptionFailed
                if key_kind == KeyKind::Passphrase =>
            {
                ArchiveError::WrongPassphrase
            }
            age::DecryptError::ExcessiveWork { required, .. } => {
                ArchiveError::ExcessiveWork(required)
            }
            e => header_error(e, path),
        })?;
    let damaged = |e: io::Error| ArchiveError::Damaged(e.to_string());

    let mut listing = Listing {
        manifest: None,
        files: Vec::new(),
        folders: Vec::new(),
        key_kind,
        archive_bytes: 0,
    };
    // The manifest's own SHA-256, and the `SHA256SUMS` that follows it (archives before it have none).
    let mut manifest_sha: Option<String> = None;
    let mut sums: Option<Vec<u8>> = None;
    let mut archive = tar::Archive::new(reader);
    let mut done = Progress {
        phase,
        files_done: 0,
        files_total: 0,
        bytes_done: 0,
        bytes_total: archive_total,
    };
    let mut buffer = vec![0u8; CHUNK];
    let mut manifest_entries = 0u32;
    let mut parallel = super::hash::ParallelHash::new();
    {
        // Raw entries: the extension entries (GNU long names, PAX headers) are read here within
        // [`MAX_EXTENSION_BYTES`]; the tar crate would hold any size of them in memory.
        let entries = archive.entries().map_err(damaged)?.raw(true);
        let mut long_name: Option<Vec<u8>> = None;
        for entry in entries {
            if cancel.load(Ordering::Relaxed) {
                return Err(ArchiveError::Cancelled);
            }
            let mut entry = entry.map_err(damaged)?;
            let kind = entry.header().entry_type();
            if matches!(
                kind,
                tar::EntryType::GNULongName
                    | tar::EntryType::GNULongLink
                    | tar::EntryType::XHeader
                    | tar::EntryType::XGlobalHeader
            ) {
                let data = read_extension(&mut entry)?;
                let name = match kind {
                    tar::EntryType::GNULongName => {
                        Some(data.split(|&b| b == 0).next().unwrap_or_default().to_vec())
                    }
                    tar::EntryType::XHeader => pax_path(&data),
                    _ => None,
                };
                if let Some(name) = name {
                    if long_name.is_some() {
                        return Err(ArchiveError::Damaged(
                            "two long names for one entry".to_owned(),
                        ));
                    }
                    long_name = Some(name);
                }
                continue;
            }
            let raw = long_name
                .take()
                .unwrap_or_else(|| entry.path_bytes().into_owned());
            match kind {
                tar::EntryType::Directory => {
                    let parts = safe_parts(&raw).ok_or(ArchiveError::UnsafeEntry)?;
                    on_folder(&parts)?;
                    listing.folders.push(parts.join("/"));
                }
                tar::EntryType::Regular | tar::EntryType::Continuous => {
                    let parts = safe_parts(&raw).ok_or(ArchiveError::UnsafeEntry)?;
                    let size = entry.size();
                    let top_manifest = parts.len() == 1 && parts[0] == MANIFEST_NAME;
                    if top_manifest {
                        // Two of them: which one the archive means cannot be told.
                        if manifest_entries > 0 {
                            return Err(ArchiveError::TwoManifests);
                        }
                        manifest_entries += 1;
                    }
                    // After a Vigie manifest, the top-level `SHA256SUMS` is the archive's own list.
                    let top_sums = parts.len() == 1
                        && parts[0] == SUMS_NAME
                        && manifest_sha.is_some()
                        && size <= MAX_MANIFEST_BYTES;
                    if top_sums {
                        if sums.is_some() {
                            return Err(ArchiveError::Damaged("two SHA256SUMS".to_owned()));
                        }
                        let mut bytes = Vec::with_capacity(size as usize);
                        entry.read_to_end(&mut bytes).map_err(damaged)?;
                        sums = Some(bytes);
                        continue;
                    }
                    if top_manifest && size <= MAX_MANIFEST_BYTES {
                        let mut bytes = Vec::with_capacity(size as usize);
                        entry.read_to_end(&mut bytes).map_err(damaged)?;
                        if let Some(format) = Manifest::unknown_format(&bytes) {
                            return Err(ArchiveError::UnknownFormat(format));
                        }
                        if let Some(manifest) = Manifest::parse(&bytes) {
                            listing.manifest = Some(manifest);
                            manifest_sha = Some(crate::digest::sha256_hex(&bytes));
                            continue;
                        }
                        // A file of that name that is not a manifest is a file like the others.
                        let entry_file = EntryFile {
                            parts: &parts,
                            modified: None,
                        };
                        let mut reader = Hashing {
                            inner: bytes.as_slice(),
                            hasher: &mut parallel,
                            bytes: 0,
                        };
                        on_file(&entry_file, &mut reader)?;
                        listing.files.push(ListedFile {
                            path: parts.join("/"),
                            size,
                            sha256: parallel.finish().map(hex::encode).unwrap_or_default(),
                            modified: None,
                        });
                        continue;
                    }
                    let modified = entry
                        .header()
                        .mtime()
                        .ok()
                        .and_then(|s| Timestamp::from_second(s as i64).ok());
                    let entry_file = EntryFile {
                        parts: &parts,
                        modified,
                    };
                    let mut reader = Hashing {
                        inner: &mut entry,
                        hasher: &mut parallel,
                        bytes: 0,
                    };
                    on_file(&entry_file, &mut reader)?;
                    // Whatever the caller left unread is hashed too.
                    loop {
                        match reader.read(&mut buffer) {
                            Ok(0) => break,
                            Ok(_) => {}
                            Err(e) => return Err(damaged(e)),
                        }
                    }
                    let read = reader.bytes;
                    let digest = parallel.finish().map(hex::encode).unwrap_or_default();
                    if read != size {
                        return Err(ArchiveError::Damaged("short entry".to_owned()));
                    }
                    listing.files.push(ListedFile {
                        path: parts.join("/"),
                        size,
                        sha256: digest,
                        modified,
                    });
                    done.files_done += 1;
                    done.bytes_done = done.bytes_done.saturating_add(size).min(archive_total);
                    progress(done);
                }
                // Extended headers are read by the tar crate itself; a global one changes nothing here.
                tar::EntryType::XGlobalHeader => {}
                _ => return Err(ArchiveError::UnsafeEntry),
            }
        }
    }
    // Read the stream to its very end: age checks the last chunk there, so a cut archive is caught
    // even when the cut falls in the tar's padding.
    let mut rest = archive.into_inner();
    loop {
        match rest.read(&mut buffer) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return Err(damaged(e)),
        }
    }
    drop(rest);
    listing.archive_bytes = archive_bytes;
    if let Some(manifest) = &listing.manifest {
        compare(manifest, &listing.files)?;
        // The list says what the manifest says, and names the manifest's own bytes.
        if let (Some(found), Some(sha)) = (&sums, &manifest_sha) {
            let expected = crate::digest::sums_of_hashes(
                manifest
                    .files
                    .iter()
                    .map(|f| (f.path.as_str(), f.sha256.clone()))
                    .chain(std::iter::once((MANIFEST_NAME, sha.clone()))),
            );
            if found.as_slice() != expected.as_bytes() {
                return Err(ArchiveError::Damaged(
                    "SHA256SUMS does not match the manifest".to_owned(),
                ));
            }
        }
    }
    Ok(listing)
}

/// Every file of the manifest found once with its size and digest, and nothing else.
fn compare(manifest: &Manifest, files: &[ListedFile]) -> Result<(), ArchiveError> {
    let mut found: HashMap<&str, &ListedFile> = HashMap::with_capacity(files.len());
    let mut extra = 0u64;
    for f in files {
        if found.insert(f.path.as_str(), f).is_some() {
            extra += 1;
        }
    }
    let (mut missing, mut differing) = (0u64, 0u64);
    for listed in &manifest.files {
        match found.remove(listed.path.as_str()) {
            None => missing += 1,
            Some(f) if f.size != listed.size || f.sha256 != listed.sha256 => differing += 1,
            Some(_) => {}
        }
    }
    extra += found.len() as u64;
    if missing + differing + extra > 0 {
        return Err(ArchiveError::Mismatch {
            missing,
            differing,
            extra,
        });
    }
    Ok(())
}

/// Lists an archive's files; the archive is decrypted and authenticated to its end, and checked against
/// its manifest.
pub fn list(path: &Path, key: &ArchiveKey, cancel: &AtomicBool) -> Result<Listing, ArchiveError> {
    verify(path, key, cancel, &mut |_| {})
}

/// Checks an archive: decrypted to its end (every chunk authenticated, no cut), every entry a plain
/// file or folder with a safe path, every file matching the manifest.
pub fn verify(
    path: &Path,
    key: &ArchiveKey,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Verification, ArchiveError> {
    crate::io_guard::check("reading an archive");
    walk(
        path,
        key,
        cancel,
        Phase::Verifying,
        progress,
        &mut |_, _| Ok(()),
        &mut |_| Ok(()),
    )
}

/// What [`check_written`] found.
pub(super) struct Written {
    pub archive_bytes: u64,
}

/// Reads a just-written archive back and checks it holds exactly `manifest`.
pub(super) fn check_written(
    path: &Path,
    key: &ArchiveKey,
    manifest: &Manifest,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Written, ArchiveError> {
    let listing = verify(path, key, cancel, progress)?;
    if listing.manifest.as_ref() != Some(manifest) {
        return Err(ArchiveError::Damaged(
            "manifest read back differs".to_owned(),
        ));
    }
    Ok(Written {
        archive_bytes: listing.archive_bytes,
    })
}

/// Restores an archive into `to` (created if missing). The files are first written into a private
/// folder inside `to` and checked; only when the whole archive is good, and no file of `to` would be
/// overwritten, are they moved into place. On any error `to` is left as it was.
pub fn restore(
    path: &Path,
    key: &ArchiveKey,
    to: &Path,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<RestoreSummary, ArchiveError> {
    crate::io_guard::check("restoring an archive");
    let io_to = |e| ArchiveError::io(IoAction::Restore, to, e);
    // The folders this restore creates (the deepest first): a refused restore removes them again.
    let created: Vec<&Path> = to
        .ancestors()
        .filter(|p| !p.as_os_str().is_empty())
        .take_while(|p| fs::symlink_metadata(p).is_err())
        .collect();
    fs::create_dir_all(to).map_err(io_to)?;
    let result = staging_dir(to).and_then(|staging| {
        let result = restore_via(path, key, to, &staging, cancel, progress);
        let _ = fs::remove_dir_all(&staging);
        result
    });
    if result.is_err() {
        // Only folders still empty: `remove_dir` never removes anything else.
        for folder in created {
            let _ = fs::remove_dir(folder);
        }
    }
    result
}

fn staging_dir(to: &Path) -> Result<PathBuf, ArchiveError> {
    let probe = crate::fs::temp_path(&to.join(".vigie-restore"))
        .map_err(|e| ArchiveError::io(IoAction::Restore, to, io::Error::other(e.to_string())))?;
    fs::create_dir(&probe).map_err(|e| ArchiveError::io(IoAction::Restore, to, e))?;
    Ok(probe)
}

fn restore_via(
    path: &Path,
    key: &ArchiveKey,
    to: &Path,
    staging: &Path,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<RestoreSummary, ArchiveError> {
    let io_to = |e| ArchiveError::io(IoAction::Restore, to, e);
    let mut written: Vec<(Vec<String>, bool)> = Vec::new();
    let mut folders: Vec<Vec<String>> = Vec::new();
    let mut bytes = 0u64;
    let listing = walk(
        path,
        key,
        cancel,
        Phase::Restoring,
        progress,
        &mut |entry, reader| {
            let target: PathBuf = staging.join(entry.parts.iter().collect::<PathBuf>());
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(io_to)?;
            }
            let mut file = crate::fs::create_private(&target).map_err(|e| {
                if e.kind() == io::ErrorKind::AlreadyExists {
                    // The same path twice in one archive.
                    ArchiveError::Mismatch {
                        missing: 0,
                        differing: 0,
                        extra: 1,
                    }
                } else {
                    io_to(e)
                }
            })?;
            let n = io::copy(reader, &mut file).map_err(|e| {
                if e.kind() == io::ErrorKind::InvalidData || e.kind() == io::ErrorKind::Other {
                    ArchiveError::Damaged(e.to_string())
                } else {
                    io_to(e)
                }
            })?;
            if let Some(when) = entry.modified {
                let time = SystemTime::UNIX_EPOCH
                    + Duration::from_secs(u64::try_from(when.as_second()).unwrap_or(0));
                let _ = file.set_modified(time);
            }
            file.sync_all().map_err(io_to)?;
            bytes += n;
            written.push((entry.parts.to_vec(), true));
            Ok(())
        },
        &mut |parts| {
            folders.push(parts.to_vec());
            Ok(())
        },
    )?;
    written.extend(folders.into_iter().map(|parts| (parts, false)));

    // Nothing of `to` is overwritten, and nothing is written through a link found there.
    let mut conflicts = 0u64;
    for (parts, is_file) in &written {
        if *is_file && fs::symlink_metadata(to.join(parts.iter().collect::<PathBuf>())).is_ok() {
            conflicts += 1;
        }
        check_parents(to, parts)?;
    }
    if conflicts > 0 {
        return Err(ArchiveError::WouldOverwrite(conflicts));
    }
    let mut moved: Vec<PathBuf> = Vec::new();
    let outcome = (|| {
        for (parts, is_file) in &written {
            let relative: PathBuf = parts.iter().collect();
            let target = to.join(&relative);
            if !is_file {
                fs::create_dir_all(&target).map_err(io_to)?;
                continue;
            }
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(io_to)?;
            }
            if fs::symlink_metadata(&target).is_ok() {
                return Err(ArchiveError::WouldOverwrite(1));
            }
            fs::rename(staging.join(&relative), &target).map_err(io_to)?;
            moved.push(target);
        }
        Ok(())
    })();
    if let Err(e) = outcome {
        for target in moved {
            let _ = fs::remove_file(target);
        }
        return Err(e);
    }
    let _ = crate::fs::sync_dir(to);
    Ok(RestoreSummary {
        files: listing.files.len() as u64,
        bytes,
        manifest_checked: listing.manifest.is_some(),
    })
}

/// Every existing folder on the way from `to` to `parts` is a real folder (not a link).
fn check_parents(to: &Path, parts: &[String]) -> Result<(), ArchiveError> {
    let mut at = to.to_path_buf();
    for part in &parts[..parts.len().saturating_sub(1)] {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() || !meta.is_dir() => {
                return Err(ArchiveError::UnsafeEntry);
            }
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
    Ok(())
}
