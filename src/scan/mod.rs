//! The folder scanner: finds medical images by content, tells whether they identify a patient and
//! whether they are protected, and rates the risk. Synchronous and egui-free:
//! [`scan`]`(roots, &options, &cancel, on_event)`. Results hold paths and flags, never patient data.
//!
//! - `sniff`: recognising formats from the first 4 KiB;
//! - `dicom`: reading headers with dicom-rs up to the pixel data;
//! - `archive`: looking into gzip and zip in memory, 7-Zip header encryption;
//! - `context`: where a file sits (cloud-synced folder) and the risk rule;
//! - `output`: text, JSON and CSV renderings for the command line.

mod archive;
pub mod context;
pub mod dicom;
pub mod output;
pub mod places;
pub mod record;
pub mod sniff;

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
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
    /// Files read at once. The disk sets the right number, not the cores: reads wait on the disk.
    pub threads: usize,
    /// Follow symbolic links (loops are detected and reported).
    pub follow_symlinks: bool,
}

impl Default for ScanOptions {
    fn default() -> Self {
        Self {
            threads: 8,
            follow_symlinks: false,
        }
    }
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
    /// Modality, when known.
    pub modality: Option<String>,
    /// Study date (YYYYMMDD), for retention.
    pub study_date: Option<String>,
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

/// Classifies one file. `Ok(None)` for files that are not of interest.
pub fn classify(path: &Path) -> std::io::Result<Option<Finding>> {
    let mut file = File::open(path)?;
    let mut head = Vec::with_capacity(SNIFF_LEN);
    (&mut file).take(SNIFF_LEN as u64).read_to_end(&mut head)?;
    // A short read reached the end: the length is known without asking the file system (most files
    // of a practice tree are small, and every system call counts when there are 100,000 of them).
    let len = if head.len() < SNIFF_LEN {
        head.len() as u64
    } else {
        file.metadata()?.len()
    };
    let sniffed = sniff::sniff(&head, len);
    let mut facts = None;
    let mut unreadable = false;
    let kind = match sniffed {
        Sniffed::DicomPart10 | Sniffed::DicomNoPreamble | Sniffed::DicomRaw(..) => {
            let storage = match sniffed {
                Sniffed::DicomPart10 => DicomStorage::Part10,
                Sniffed::DicomNoPreamble => DicomStorage::NoPreamble,
                _ => DicomStorage::RawDataset,
            };
            let whole = head.len() as u64 == len;
            let read = match sniffed {
                Sniffed::DicomRaw(enc, skip) if whole => {
                    Some(dicom::read_raw(&head[..], enc, skip))
                }
                Sniffed::DicomRaw(enc, skip) => {
                    file.seek(SeekFrom::Start(0))?;
                    Some(dicom::read_raw(BufReader::new(&mut file), enc, skip))
                }
                _ => match part10_check(&mut file, &mut head, len)? {
                    // The structure check failed: still a DICOM finding, with its header unreadable.
                    dicom::Check::Broken => None,
                    dicom::Check::Plausible { in_buffer } => {
                        let preamble = storage == DicomStorage::Part10;
                        // Parse from the bytes already read when they hold the whole header; from the
                        // file otherwise (or if that fails, in case the parser wanted a little more).
                        match in_buffer
                            .then(|| dicom::read_part10(&head[..], preamble))
                            .and_then(Result::ok)
                        {
                            Some(facts) => Some(Ok(facts)),
                            None => {
                                file.seek(SeekFrom::Start(0))?;
                                Some(dicom::read_part10(BufReader::new(&mut file), preamble))
                            }
                        }
                    }
                },
            };
            match read {
                Some(Ok(f)) => {
                    let dir = f.dicomdir;
                    facts = Some(f);
                    if dir {
                        Kind::Dicomdir
                    } else {
                        Kind::Dicom { storage }
                    }
                }
                Some(Err(_)) | None => {
                    unreadable = true;
                    Kind::Dicom { storage }
                }
            }
        }
        Sniffed::Gzip => {
            let inside = archive::gzip(&mut file)?;
            if inside.dicom_entries == 0 {
                return Ok(None);
            }
            unreadable = inside.facts.is_none();
            facts = inside.facts;
            Kind::GzipDicom
        }
        Sniffed::Zip => match archive::zip(&mut file) {
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
    let volume = context::volume_facts(path);
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
        modality: facts.as_ref().and_then(|f| f.modality.clone()),
        study_date: facts.as_ref().and_then(|f| f.study_date.clone()),
        encrypted,
        volume_encrypted,
        cloud_sync,
        removable: volume.removable,
        risk,
        size: len,
    }))
}

/// How much of a DICOM file is checked before parsing its header.
const HEADER_CHECK_LEN: u64 = 64 * 1024;

/// Checks the Part 10 structure on what was read, reading more of the file into `head` (up to
/// [`HEADER_CHECK_LEN`]) only when the header goes on past it.
fn part10_check(file: &mut File, head: &mut Vec<u8>, len: u64) -> std::io::Result<dicom::Check> {
    let first = dicom::part10_check(head, len);
    if first != (dicom::Check::Plausible { in_buffer: false })
        || head.len() as u64 >= len.min(HEADER_CHECK_LEN)
    {
        return Ok(first);
    }
    file.seek(SeekFrom::Start(head.len() as u64))?;
    let more = HEADER_CHECK_LEN - head.len() as u64;
    (&mut *file).take(more).read_to_end(head)?;
    Ok(dicom::part10_check(head, len))
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
        .threads(options.threads.max(1));
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
            match classify(entry.path()) {
                Ok(Some(finding)) => on_event(Event::Finding(finding)),
                Ok(None) => {}
                Err(e) => report_error(entry.path().to_path_buf(), e.to_string()),
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

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&path.to_string_lossy())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
        String::deserialize(d).map(PathBuf::from)
    }
}
