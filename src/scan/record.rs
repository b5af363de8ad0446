//! Scans kept in the vault: the last scan whole (paths and flags, never patient data), and a digest of
//! each earlier one, so that the practice can show it looked, when, and what it found.

use std::sync::Arc;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{Finding, Kind, Risk, ScanError, Summary};

/// At most this many unreadable paths are kept with a scan (the count is always exact).
pub const MAX_KEPT_ERRORS: usize = 1_000;
/// At most this many findings are kept with a scan, riskiest first (the counts are always exact). A
/// scan of an imaging server's storage can find millions of images: the vault keeps the proof, not a
/// copy of the server's index.
pub const MAX_KEPT_FINDINGS: usize = 100_000;

/// Findings by risk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskCounts {
    /// Identifiable images, unprotected.
    pub high: u64,
    /// De-identified images or exports, unprotected.
    pub medium: u64,
    /// On an encrypted volume.
    pub low: u64,
    /// Encrypted containers.
    pub none: u64,
}

impl RiskCounts {
    /// Counts the findings.
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Self {
        let mut c = Self::default();
        for f in findings {
            c.add(f.risk);
        }
        c
    }

    /// One more finding of `risk`.
    pub fn add(&mut self, risk: Risk) {
        match risk {
            Risk::High => self.high += 1,
            Risk::Medium => self.medium += 1,
            Risk::Low => self.low += 1,
            Risk::None => self.none += 1,
        }
    }

    /// All findings.
    pub fn total(&self) -> u64 {
        self.high + self.medium + self.low + self.none
    }
}

/// One scan, whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanRecord {
    /// When it started.
    pub started_at: Timestamp,
    /// The folders scanned.
    pub roots: Vec<String>,
    /// Counts and timing.
    pub summary: Summary,
    /// What was found, highest risk first (the first [`MAX_KEPT_FINDINGS`]). Shared (`Arc`), so that a
    /// copy of the vault's contents for a save costs nothing; serialized as a plain list.
    pub findings: Arc<Vec<Finding>>,
    /// Findings by risk, all of them counted.
    #[serde(default)]
    pub counts: RiskCounts,
    /// Paths that could not be read (the first [`MAX_KEPT_ERRORS`]).
    #[serde(default)]
    pub errors: Vec<ScanError>,
    /// Findings put into verified encrypted archives since the scan.
    #[serde(default)]
    pub archived: Vec<ArchivedNote>,
}

/// Findings of a scan put into a verified encrypted archive (the archive itself is recorded with the
/// vault's archives).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedNote {
    /// When.
    pub at: Timestamp,
    /// The findings (indices into [`ScanRecord::findings`]).
    pub findings: Vec<u32>,
    /// How many of their originals were deleted afterwards.
    #[serde(default)]
    pub originals_removed: u64,
}

impl ScanRecord {
    /// A record of a finished (or cancelled) scan; findings are put in risk order, then by path.
    pub fn new(
        started_at: Timestamp,
        roots: &[std::path::PathBuf],
        summary: Summary,
        mut findings: Vec<Finding>,
        mut errors: Vec<ScanError>,
    ) -> Self {
        findings.sort_by(|a, b| {
            b.risk
                .cmp(&a.risk)
                .then_with(|| super::path_order(&a.path, &b.path))
        });
        let counts = RiskCounts::of(&findings);
        findings.truncate(MAX_KEPT_FINDINGS);
        errors.truncate(MAX_KEPT_ERRORS);
        Self {
            started_at,
            roots: roots
                .iter()
                .map(|r| r.to_string_lossy().into_owned())
                .collect(),
            summary,
            findings: Arc::new(findings),
            counts,
            errors,
            archived: Vec::new(),
        }
    }

    /// Findings by risk (all of them, kept or not).
    pub fn counts(&self) -> RiskCounts {
        self.counts
    }

    /// Findings found but not kept, beyond [`MAX_KEPT_FINDINGS`].
    pub fn not_kept(&self) -> u64 {
        self.counts
            .total()
            .saturating_sub(self.findings.len() as u64)
    }

    /// Identifiable findings (a DICOM header with a patient's name, ID or birth date) of any risk.
    pub fn identifying(&self) -> usize {
        self.findings.iter().filter(|f| f.identifying.any()).count()
    }

    /// Findings in cloud-synced folders.
    pub fn in_cloud(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.cloud_sync.is_some())
            .count()
    }

    /// Findings on removable media.
    pub fn on_removable(&self) -> usize {
        self.findings.iter().filter(|f| f.removable).count()
    }

    /// The oldest study date among the DICOM findings (YYYYMMDD), for retention.
    pub fn oldest_study(&self) -> Option<&str> {
        self.findings
            .iter()
            .filter_map(|f| f.study_date.as_deref())
            .filter(|d| d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))
            .min()
    }

    /// DICOM files (and archives or directories of them) among the findings.
    pub fn dicom(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| !matches!(f.kind, Kind::ImageExport { .. } | Kind::Encrypted { .. }))
            .count()
    }

    /// The short form kept for history.
    pub fn digest(&self) -> ScanDigest {
        ScanDigest {
            started_at: self.started_at,
            roots: self.roots.clone(),
            files_seen: self.summary.files_seen,
            errors: self.summary.errors,
            cancelled: self.summary.cancelled,
            counts: self.counts(),
        }
    }
}

/// What is kept of an earlier scan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanDigest {
    /// When it started.
    pub started_at: Timestamp,
    /// The folders scanned.
    pub roots: Vec<String>,
    /// Files looked at.
    pub files_seen: u64,
    /// Paths that could not be read.
    pub errors: u64,
    /// Stopped before the end.
    pub cancelled: bool,
    /// Findings by risk.
    pub counts: RiskCounts,
}

/// The scans of a practice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScanHistory {
    /// The last scan, whole.
    pub last: Option<ScanRecord>,
    /// Earlier scans, oldest first.
    pub earlier: Vec<ScanDigest>,
}

impl ScanHistory {
    /// Keeps `record` as the last scan; the previous one goes to history as a digest.
    pub fn push(&mut self, record: ScanRecord) {
        if let Some(previous) = self.last.replace(record) {
            self.earlier.push(previous.digest());
        }
    }

    /// Every scan's digest, newest first.
    pub fn digests(&self) -> Vec<ScanDigest> {
        let mut all: Vec<ScanDigest> = self.last.iter().map(ScanRecord::digest).collect();
        all.extend(self.earlier.iter().rev().cloned());
        all
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::scan::{DicomStorage, Identifying};

    fn finding(path: &str, risk: Risk, name: bool) -> Finding {
        Finding {
            path: PathBuf::from(path),
            kind: Kind::Dicom {
                storage: DicomStorage::Part10,
            },
            identifying: Identifying {
                name,
                ..Identifying::default()
            },
            deidentified: false,
            header_unreadable: false,
            modality: crate::scan::dicom::Modality::parse("US"),
            study_date: crate::scan::dicom::StudyDate::parse("20190412"),
            encrypted: false,
            volume_encrypted: None,
            cloud_sync: None,
            removable: false,
            risk,
            size: 1234,
        }
    }

    /// A record kept by an earlier version, whose header values had swallowed a patient's name: the
    /// values are dropped on reading, never shown again.
    #[test]
    fn leaked_header_values_in_a_kept_record_are_dropped_on_reading() {
        let record = ScanRecord::new(
            Timestamp::UNIX_EPOCH,
            &[PathBuf::from("/scan")],
            Summary::default(),
            vec![
                finding("/a.dcm", Risk::High, true),
                finding("/b.dcm", Risk::High, true),
            ],
            Vec::new(),
        );
        // The values as that version wrote them (this one cannot even hold them).
        let text = ron::to_string(&record).expect("ser").replacen(
            "modality:Some(\"US\"),study_date:Some(\"20190412\")",
            "modality:Some(\"CT Dupont^Marie\"),study_date:Some(\"20200101\\u{10}\\u{10}PNDupont^Marie\")",
            1,
        );
        assert!(text.contains("Dupont"), "the old record held it");
        let read = ron::from_str::<ScanRecord>(&text).expect("de");
        assert!(!ron::to_string(&read).expect("ser").contains("Dupont"));
        let a = read.findings.iter().find(|f| f.path == Path::new("/a.dcm"));
        assert_eq!(a.and_then(|f| f.study_date), None);
        assert_eq!(a.and_then(|f| f.modality), None);
        let b = read.findings.iter().find(|f| f.path == Path::new("/b.dcm"));
        assert_eq!(b.and_then(|f| f.study_date).as_deref(), Some("20190412"));
    }

    #[test]
    fn record_orders_counts_and_round_trips_through_ron() {
        let record = ScanRecord::new(
            Timestamp::UNIX_EPOCH,
            &[PathBuf::from("/home/dr/Documents")],
            Summary {
                files_seen: 10,
                ..Summary::default()
            },
            vec![
                finding("/b.dcm", Risk::Medium, false),
                finding("/a.dcm", Risk::High, true),
                finding("/c.dcm", Risk::High, true),
            ],
            Vec::new(),
        );
        let order: Vec<_> = record.findings.iter().map(|f| f.path.clone()).collect();
        assert_eq!(
            order,
            [
                PathBuf::from("/a.dcm"),
                PathBuf::from("/c.dcm"),
                PathBuf::from("/b.dcm")
            ]
        );
        assert_eq!(
            record.counts(),
            RiskCounts {
                high: 2,
                medium: 1,
                ..RiskCounts::default()
            }
        );
        assert_eq!(record.identifying(), 2);
        assert_eq!(record.oldest_study(), Some("20190412"));
        let text = ron::to_string(&record).expect("ser");
        assert_eq!(ron::from_str::<ScanRecord>(&text).expect("de"), record);

        let mut history = ScanHistory::default();
        history.push(record.clone());
        history.push(record);
        assert_eq!(history.earlier.len(), 1);
        assert_eq!(history.digests().len(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_unicode_does_not_break_the_save() {
        use std::os::unix::ffi::OsStrExt as _;
        let mut f = finding("/x", Risk::High, true);
        f.path = PathBuf::from(std::ffi::OsStr::from_bytes(b"/images/caf\xe9.dcm"));
        let text = ron::to_string(&f).expect("ser");
        let back: Finding = ron::from_str(&text).expect("de");
        assert_eq!(back.path, PathBuf::from("/images/caf\u{fffd}.dcm"));
    }
}
