//! The folder scanner: finds medical images by content, tells whether they identify a patient and
//! whether they are protected, and rates the risk. Synchronous and egui-free:
//! [`scan`]`(roots, &options, &cancel, on_event)`. Results hold paths and flags, never patient data.
//!
//! - `sniff`: recognising formats from the first 4 KiB;
//! - `dicom`: reading headers with dicom-rs up to the pixel data;
//! - `archive`: looking into gzip and zip in memory, 7-Zip header encryption;
//! - `context`: where a file sits (cloud-synced folder) and the risk rule;
//!
//! Their presentation (texts, the command line's formats) is in [`crate::present::scan`].

mod archive;
pub mod context;
pub mod dicom;
pub mod header;
pub mod places;
pub mod record;
pub mod sniff;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use serde::{Deserialize, Serialize};

pub use context::{CloudService, Risk};
pub use sniff::{EncryptedFormat, ImageFormat};

use sniff::{SNIFF_LEN, Sniffed};

/// How to scan.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Files read at once. The disk sets the right number, not the cores: reads wait on the disk. The
    /// default, 32, was chosen by measurement on a cold cache (README, "Scanner benchmark").
    pub threads: usize,
    /// Follow symbolic links (loops are detected and reported).
    pub follow_symlinks: bool,
    /// A file of this name makes its examination panic: for the tests that prove a panic in one file's
    /// classification is caught, reported as that file's error, and the scan goes on.
    #[doc(hidden)]
    pub fault_on_name: Option<std::ffi::OsString>,
}

/// The message of a file whose examination failed inside Vigie (a bug, caught): the scan goes on, the
/// file is listed among the unreadable paths with this message, and the panic's place is in the log.
pub const INTERNAL_ERROR: &str = "internal error in Vigie while examining this file";

/// The most files read at once (`--threads`): more only adds contention on the disk.
pub const MAX_THREADS: usize = 256;

impl Default for ScanOptions {
    fn default() -> Self {
        Self {
            // Chosen by measurement on the realistic tree, cold cache (README, "Scanner benchmark"):
            // faster than 16 in every paired round, no slower warm, no more memory.
            threads: 32,
            follow_symlinks: false,
            fault_on_name: None,
        }
    }
}

/// The order of findings and errors by path: exactly [`Path`]'s own comparison (a folder's files
/// before a sibling whose name extends the folder's: `a/z` before `a-b`), found without splitting
/// both paths into components where that is safe. The bytes they share are skipped; the names in which
/// they part decide, as `Path` would: by the byte where they part, or, where one name ends there, the
/// shorter first. Anything else — paths that part in their first name, in a Windows prefix (`c:` and
/// `C:` are one drive to `Path`), where a name is empty, `.` or `..`, or where one path goes on from the
/// other's end with a separator — is left to `Path`. A large output's sort spent most of its time
/// splitting paths into components (issue 20: 15 % of a scan's CPU on a folder of 3,500 files).
pub fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let (x, y) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    let same = common_prefix(x, y);
    if same == x.len() && same == y.len() {
        return Equal;
    }
    let sep = |byte: u8| std::path::is_separator(char::from(byte));
    // Where the names in which they part begin.
    let Some(start) = x[..same].iter().rposition(|&c| sep(c)).map(|p| p + 1) else {
        return a.cmp(b);
    };
    #[cfg(windows)]
    {
        let prefix = |p: &Path| match p.components().next() {
            Some(std::path::Component::Prefix(prefix)) => prefix.as_os_str().len(),
            _ => 0,
        };
        if start <= prefix(a).max(prefix(b)) {
            return a.cmp(b);
        }
    }
    // A name that is empty (a doubled separator), `.` or `..`: not compared as `Path` would by bytes.
    let unusual = |p: &[u8]| {
        let name = p.get(start..).unwrap_or_default();
        let ends = |i: usize| name.get(i).is_none_or(|&c| sep(c));
        ends(0) || (name[0] == b'.' && (ends(1) || (name.get(1) == Some(&b'.') && ends(2))))
    };
    if unusual(x) || unusual(y) {
        return a.cmp(b);
    }
    match (x.get(same).copied(), y.get(same).copied()) {
        (Some(p), Some(q)) => match (sep(p), sep(q)) {
            (false, false) => p.cmp(&q),
            // One name ends where the other goes on: the shorter first.
            (true, false) => Less,
            (false, true) => Greater,
            // Two spellings of the separator (Windows): the rest decides.
            (true, true) => a.cmp(b),
        },
        // One path ends inside the other's last name: the shorter first.
        (None, Some(q)) if !sep(q) => Less,
        (Some(p), None) if !sep(p) => Greater,
        // One path goes on from the other's end (`dir` and `dir/x`, or `dir/`).
        _ => a.cmp(b),
    }
}

/// How many bytes two slices share at their start, sixteen at a time while they are equal.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 16 <= n && a[i..i + 16] == b[i..i + 16] {
        i += 16;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// What was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Kind {
    /// A DICOM file (Part 10, with or without preamble, or a raw data set).
    Dicom {
        /// How it is stored.
        storage: DicomStorage,
    },
    /// A DICOMDIR (directory of a CD or USB medium).
    Dicomdir,
    /// A gzip file holding DICOM.
    GzipDicom,
    /// A zip archive holding DICOM entries.
    ZipDicom {
        /// How many.
        dicom_entries: usize,
    },
    /// An image export (JPEG, PNG, TIFF, BMP, JPEG 2000).
    ImageExport {
        /// Its format.
        format: ImageFormat,
    },
    /// A container known to be encrypted.
    Encrypted {
        /// Its format.
        format: EncryptedFormat,
    },
}

/// How a DICOM file is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DicomStorage {
    /// Part 10 with its 128-byte preamble.
    Part10,
    /// Part 10 file meta without preamble.
    NoPreamble,
    /// A raw data set, no file meta.
    RawDataset,
}

/// Which identifying fields carry a value (never the values themselves).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identifying {
    /// PatientName.
    pub name: bool,
    /// PatientID.
    pub id: bool,
    /// PatientBirthDate.
    pub birth_date: bool,
}

impl Identifying {
    /// Any of them.
    pub fn any(&self) -> bool {
        self.name || self.id || self.birth_date
    }
}

/// One finding: a path and flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The file (kept in the vault as text: a name that is not valid Unicode is shown with `�`).
    #[serde(with = "lossy_path")]
    pub path: PathBuf,
    /// What it is.
    pub kind: Kind,
    /// Identifying fields present (all false when not DICOM or unreadable).
    pub identifying: Identifying,
    /// The header says the identity was removed.
    pub deidentified: bool,
    /// The header could not be read (still a DICOM finding).
    pub header_unreadable: bool,
    /// Modality, when known (a valid code string only: see [`dicom::valid_modality`]).
    #[serde(default, deserialize_with = "checked::modality")]
    pub modality: Option<dicom::Modality>,
    /// Study date (YYYYMMDD), for retention (a valid date only: see [`dicom::valid_study_date`]).
    #[serde(default, deserialize_with = "checked::study_date")]
    pub study_date: Option<dicom::StudyDate>,
    /// The file itself is an encrypted container.
    pub encrypted: bool,
    /// Whether the volume is encrypted; `None` when unknown.
    pub volume_encrypted: Option<bool>,
    /// In a cloud-synced folder.
    pub cloud_sync: Option<CloudService>,
    /// On a removable medium (USB stick, external disk, memory card).
    #[serde(default)]
    pub removable: bool,
    /// The risk.
    pub risk: Risk,
    /// Size in bytes.
    pub size: u64,
}

/// A path that could not be read; the scan went on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanError {
    /// The path.
    #[serde(with = "lossy_path")]
    pub path: PathBuf,
    /// The system's reason.
    pub message: String,
}

/// Counts and timing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Files looked at.
    pub files_seen: u64,
    /// Folders entered.
    pub dirs_seen: u64,
    /// Paths that could not be read.
    pub errors: u64,
    /// Duration.
    pub elapsed_ms: u64,
    /// The scan was cancelled before the end.
    pub cancelled: bool,
}

/// What the scan reports while it runs.
#[derive(Debug, Clone)]
pub enum Event {
    /// Counts so far, sent in batches (every 1,000 files or so), with the folder being read.
    Progress {
        /// Files so far.
        files_seen: u64,
        /// Folders so far.
        dirs_seen: u64,
        /// A folder being read now.
        current: PathBuf,
    },
    /// A finding.
    Finding(Finding),
    /// A path that could not be read.
    Error(ScanError),
}

/// How often progress is reported.
const PROGRESS_EVERY: u64 = 1024;

/// Opens a file to read it, without ever blocking: a FIFO put in place of a regular file between the
/// listing and the opening would block an ordinary open forever. `Ok(None)` for anything that is not a
/// regular file.
fn open_regular(path: &Path) -> std::io::Result<Option<(File, u64)>> {
    match crate::fs::open_regular(path) {
        Ok(opened) => Ok(Some(opened)),
        Err(e)
            if crate::fs::is_not_a_regular_file(&e)
                || e.kind() == std::io::ErrorKind::IsADirectory =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Reads up to `n` bytes of `reader` into `buf` (appended), stopping early only at its end: one read
/// call for most files.
fn read_up_to(reader: &mut impl Read, buf: &mut Vec<u8>, n: usize) -> std::io::Result<()> {
    let start = buf.len();
    buf.resize(start + n, 0);
    let mut filled = 0;
    while filled < n {
        match reader.read(&mut buf[start + filled..]) {
            Ok(0) => break,
            Ok(k) => filled += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                buf.truncate(start + filled);
                return Err(e);
            }
        }
    }
    buf.truncate(start + filled);
    Ok(())
}

std::thread_local! {
    /// Each reading thread's buffer, reused from file to file (no allocation per file).
    static BUFFER: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(Vec::with_capacity(SNIFF_LEN));
}

/// Classifies one file. `Ok(None)` for files that are not of interest. The removable media and volumes
/// are looked up now (a scan looks them up once, at its start).
pub fn classify(path: &Path) -> std::io::Result<Option<Finding>> {
    classify_on(path, &context::Volumes::read())
}

/// Classifies one file, with the volumes as the scan found them, in the thread's reused buffer.
fn classify_on(path: &Path, volumes: &context::Volumes) -> std::io::Result<Option<Finding>> {
    BUFFER.with(|cell| {
        let Ok(mut buf) = cell.try_borrow_mut() else {
            // Not reentrant; a fresh buffer should it ever be.
            return classify_in(path, volumes, &mut Vec::new());
        };
        buf.clear();
        let result = classify_in(path, volumes, &mut buf);
        // A header read to its budget leaves a large buffer: give most of it back.
        if buf.capacity() > SNIFF_LEN * 16 {
            buf.clear();
            buf.shrink_to(SNIFF_LEN * 16);
        }
        result
    })
}

fn classify_in(
    path: &Path,
    volumes: &context::Volumes,
    head: &mut Vec<u8>,
) -> std::io::Result<Option<Finding>> {
    let Some((mut file, len)) = open_regular(path)? else {
        return Ok(None);
    };
    read_up_to(
        &mut file,
        head,
        usize::try_from(len).unwrap_or(SNIFF_LEN).min(SNIFF_LEN),
    )?;
    let sniffed = sniff::sniff(head, len);
    let mut facts = None;
    let mut unreadable = false;
    let kind = match sniffed {
        Sniffed::DicomPart10 | Sniffed::DicomNoPreamble | Sniffed::DicomRaw(..) => {
            let storage = match sniffed {
                Sniffed::DicomPart10 => DicomStorage::Part10,
                Sniffed::DicomNoPreamble => DicomStorage::NoPreamble,
                _ => DicomStorage::RawDataset,
            };
            // The rest of the header from where the first read stopped, never past the real size.
            let whole = head.len() as u64 >= len;
            let rest = len.saturating_sub(head.len() as u64);
            if let Ok(f) = header::facts_from(&mut (&mut file).take(rest), head, whole, sniffed)? {
                let dir = f.dicomdir;
                facts = Some(f);
                if dir {
                    Kind::Dicomdir
                } else {
                    Kind::Dicom { storage }
                }
            } else {
                // Still a DICOM finding, with its header unreadable (and so at high risk).
                unreadable = true;
                Kind::Dicom { storage }
            }
        }
        Sniffed::Gzip => {
            let inside = archive::gzip(&mut file, head)?;
            if inside.dicom_entries == 0 {
                return Ok(None);
            }
            unreadable = inside.facts.is_none();
            facts = inside.facts;
            Kind::GzipDicom
        }
        Sniffed::Zip => match archive::zip(&file, len, head) {
            Ok(inside) if inside.dicom_entries > 0 => {
                unreadable = inside.facts.is_none();
                facts = inside.facts;
                Kind::ZipDicom {
                    dicom_entries: inside.dicom_entries,
                }
            }
            Ok(inside) if inside.entries > 0 && inside.encrypted_entries == inside.entries => {
                Kind::Encrypted {
                    format: EncryptedFormat::ZipEncrypted,
                }
            }
            _ => return Ok(None),
        },
        Sniffed::SevenZip => {
            if archive::seven_zip_header_encrypted(&mut file).unwrap_or(false) {
                Kind::Encrypted {
                    format: EncryptedFormat::SevenZipEncrypted,
                }
            } else {
                return Ok(None);
            }
        }
        Sniffed::Image(format) => Kind::ImageExport { format },
        Sniffed::Encrypted(format) => Kind::Encrypted { format },
        Sniffed::Other => return Ok(None),
    };
    let identifying = facts
        .as_ref()
        .map_or_else(Identifying::default, |f| f.identifying);
    let encrypted = matches!(kind, Kind::Encrypted { .. });
    let cloud_sync = context::cloud_service(path);
    let volume = volumes.facts(path);
    let volume_encrypted = volume.encrypted;
    let deidentified = facts.as_ref().is_some_and(|f| f.identity_removed);
    let risk = context::risk(
        &kind,
        identifying,
        unreadable,
        encrypted,
        volume_encrypted,
        cloud_sync.is_some(),
    );
    Ok(Some(Finding {
        path: path.to_path_buf(),
        kind,
        identifying,
        deidentified,
        header_unreadable: unreadable,
        modality: facts.as_mut().and_then(|f| f.modality.take()),
        study_date: facts.as_mut().and_then(|f| f.study_date.take()),
        encrypted,
        volume_encrypted,
        cloud_sync,
        removable: volume.removable,
        risk,
        size: len,
    }))
}

/// Scans `roots`, calling `on_event` from the reading threads. Stops early when `cancel` is set.
pub fn scan(
    roots: &[PathBuf],
    options: &ScanOptions,
    cancel: &AtomicBool,
    on_event: &(dyn Fn(Event) + Sync),
) -> Summary {
    let start = Instant::now();
    let files = AtomicU64::new(0);
    let dirs = AtomicU64::new(0);
    let errors = AtomicU64::new(0);
    let Some((first, rest)) = roots.split_first() else {
        return Summary::default();
    };
    let mut builder = ignore::WalkBuilder::new(first);
    for r in rest {
        builder.add(r);
    }
    builder
        .standard_filters(false)
        .hidden(false)
        .follow_links(options.follow_symlinks)
        .threads(options.threads.clamp(1, MAX_THREADS));
    if options.follow_symlinks {
        // Links can lead into the same folder many ways without any loop (31 folders each linking
        // twice to the next make 2³⁰ paths): each folder is walked once, the first way it is reached.
        let visited = std::sync::Arc::new(Mutex::new(std::collections::HashSet::new()));
        if let Ok(mut v) = visited.lock() {
            v.extend(roots.iter().filter_map(|r| folder_key(r)));
        }
        builder.filter_entry(move |entry| {
            if !entry.file_type().is_some_and(|t| t.is_dir()) {
                return true;
            }
            let Some(key) = folder_key(entry.path()) else {
                return true;
            };
            let first = visited.lock().map(|mut v| v.insert(key)).unwrap_or(true);
            // Seen before: a link back to one of its own ancestors is a loop, left to the walker, which
            // reports it; any other is a second way into a folder already walked, skipped.
            first || (entry.path_is_symlink() && links_to_an_ancestor(entry.path()))
        });
    }
    // Removable media and mounted volumes as they are now: a USB stick plugged in since the last scan
    // is seen.
    let volumes = if options.follow_symlinks {
        context::Volumes::read()
    } else {
        context::Volumes::read().walking(roots)
    };
    let report_error = |path: PathBuf, message: String| {
        errors.fetch_add(1, Ordering::Relaxed);
        on_event(Event::Error(ScanError { path, message }));
    };
    let last_dir = Mutex::new(PathBuf::new());
    builder.build_parallel().run(|| {
        Box::new(|entry| {
            if cancel.load(Ordering::Relaxed) {
                return ignore::WalkState::Quit;
            }
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = error_path(&err).unwrap_or_default();
                    report_error(path, err.to_string());
                    return ignore::WalkState::Continue;
                }
            };
            let Some(file_type) = entry.file_type() else {
                return ignore::WalkState::Continue;
            };
            if file_type.is_dir() {
                dirs.fetch_add(1, Ordering::Relaxed);
                if let Ok(mut d) = last_dir.lock() {
                    *d = entry.path().to_path_buf();
                }
                return ignore::WalkState::Continue;
            }
            if !file_type.is_file() {
                return ignore::WalkState::Continue;
            }
            let n = files.fetch_add(1, Ordering::Relaxed) + 1;
            // One file's examination is caught on its own: a bug on one hostile file costs that file,
            // never the scan (the walker's threads would take the whole scan down with them).
            let classified = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                if options
                    .fault_on_name
                    .as_deref()
                    .is_some_and(|name| entry.file_name() == name)
                {
                    panic!("fault injected into a file's classification");
                }
                classify_on(entry.path(), &volumes)
            }));
            match classified {
                Ok(Ok(Some(finding))) => on_event(Event::Finding(finding)),
                Ok(Ok(None)) => {}
                Ok(Err(e)) => report_error(entry.path().to_path_buf(), e.to_string()),
                Err(_) => report_error(entry.path().to_path_buf(), INTERNAL_ERROR.to_owned()),
            }
            if n.is_multiple_of(PROGRESS_EVERY) {
                let current = last_dir.lock().map(|d| d.clone()).unwrap_or_default();
                on_event(Event::Progress {
                    files_seen: n,
                    dirs_seen: dirs.load(Ordering::Relaxed),
                    current,
                });
            }
            ignore::WalkState::Continue
        })
    });
    Summary {
        files_seen: files.load(Ordering::Relaxed),
        dirs_seen: dirs.load(Ordering::Relaxed),
        errors: errors.load(Ordering::Relaxed),
        elapsed_ms: start.elapsed().as_millis() as u64,
        cancelled: cancel.load(Ordering::Relaxed),
    }
}

/// Header values read back from a scan record kept in a vault go through the same checks as when they
/// were read from a file: a record written by an earlier version, before values were checked against
/// their VR, may hold a value that swallowed a patient's name; it is dropped on reading.
mod checked {
    use serde::{Deserialize as _, Deserializer};

    use super::dicom::{Modality, StudyDate};

    pub fn modality<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Modality>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.and_then(|m| Modality::parse(&m)))
    }

    pub fn study_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<StudyDate>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.and_then(|v| StudyDate::parse(&v)))
    }
}

/// What identifies a folder whatever the path to it: its device and inode on Unix, its canonical path
/// elsewhere.
#[cfg(unix)]
fn folder_key(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn folder_key(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// Whether the link at `path` leads to a folder that contains it (a loop).
fn links_to_an_ancestor(path: &Path) -> bool {
    let (Ok(target), Some(Ok(parent))) = (
        std::fs::canonicalize(path),
        path.parent().map(std::fs::canonicalize),
    ) else {
        return false;
    };
    parent.starts_with(target)
}

/// The path an error of the walker is about.
fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::Partial(errs) => errs.first().and_then(error_path),
        _ => None,
    }
}

/// Paths kept as text in the vault and the reports: a name that is not valid Unicode (possible on Linux)
/// is kept with `�` in place of the bad bytes rather than making the whole save fail.
mod lossy_path {
    use std::path::{Path, PathBuf};

    use serde::{Deserialize as _, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&path.to_string_lossy())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
        String::deserialize(d).map(PathBuf::from)
    }
}
