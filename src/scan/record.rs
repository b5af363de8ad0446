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

/// What became of a finding since its scan: the one answer every page and document reads
/// ([`ScanRecord::remediation`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remediation {
    /// Nothing recorded: still where it was found.
    InPlace,
    /// Put into a verified encrypted archive at `at`; its original may still be where it was found
    /// (not deleted, or not known to be: a partial deletion does not say which ones went).
    Archived {
        /// When the archive was made.
        at: Timestamp,
    },
    /// Archived at `at` and its original deleted: nothing of it remains where it was found.
    Removed {
        /// When the archive was made.
        at: Timestamp,
    },
}

impl Remediation {
    /// The original is known to be gone.
    pub fn is_removed(self) -> bool {
        matches!(self, Self::Removed { .. })
    }

    /// The archive's date, if archived.
    pub fn archived_at(self) -> Option<Timestamp> {
        match self {
            Self::InPlace => None,
            Self::Archived { at } | Self::Removed { at } => Some(at),
        }
    }
}

impl ScanRecord {
    /// What became of each kept finding (same order as [`Self::findings`]), from the archive notes:
    /// a note whose originals were all deleted marks its findings removed; otherwise archived only.
    /// A later scan starts afresh: a file found again is shown again.
    pub fn remediations(&self) -> Vec<Remediation> {
        let mut out = vec![Remediation::InPlace; self.findings.len()];
        for note in &self.archived {
            let all_removed = note.originals_removed >= note.findings.len() as u64;
            for &i in &note.findings {
                let Some(slot) = out.get_mut(i as usize) else {
                    continue;
                };
                *slot = match (*slot, all_removed) {
                    (Remediation::Removed { at }, _) => Remediation::Removed { at },
                    (_, true) => Remediation::Removed { at: note.at },
                    (_, false) => Remediation::Archived { at: note.at },
                };
            }
        }
        out
    }

    /// What became of finding `index` (see [`Self::remediations`]).
    pub fn remediation(&self, index: usize) -> Remediation {
        self.remediations()
            .get(index)
            .copied()
            .unwrap_or(Remediation::InPlace)
    }

    /// The findings still where they were found, by risk: the scan's counts less the findings whose
    /// originals were archived and deleted. The dashboard, the scan page and the scan PDF count this.
    pub fn remaining(&self) -> RiskCounts {
        let mut c = self.counts();
        for (f, r) in self.findings.iter().zip(self.remediations()) {
            if r.is_removed() {
                let n = match f.risk {
                    Risk::High => &mut c.high,
                    Risk::Medium => &mut c.medium,
                    Risk::Low => &mut c.low,
                    Risk::None => &mut c.none,
                };
                *n = n.saturating_sub(1);
            }
        }
        c
    }

    /// Findings archived whose originals were deleted, and those archived whose originals may remain.
    pub fn remediated(&self) -> (u64, u64) {
        self.remediations()
            .into_iter()
            .fold((0, 0), |(removed, archived), r| match r {
                Remediation::Removed { .. } => (removed + 1, archived),
                Remediation::Archived { .. } => (removed, archived + 1),
                Remediation::InPlace => (removed, archived),
            })
    }

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

    /// Archived and deleted: no longer counted as remaining; archived only: still counted, marked.
    #[test]
    fn remediation_is_one_answer_for_every_page() {
        let mut record = ScanRecord::new(
            Timestamp::UNIX_EPOCH,
            &[PathBuf::from("/scan")],
            Summary::default(),
            vec![
                finding("/a.dcm", Risk::High, true),
                finding("/b.dcm", Risk::High, true),
                finding("/c.dcm", Risk::Medium, false),
            ],
            Vec::new(),
        );
        assert_eq!(record.remaining(), record.counts());
        let at = Timestamp::from_second(1_800_000_000).expect("ts");
        record.archived.push(ArchivedNote {
            at,
            findings: vec![0, 1],
            originals_removed: 0,
        });
        assert_eq!(record.remediation(0), Remediation::Archived { at });
        assert_eq!(record.remediation(2), Remediation::InPlace);
        assert_eq!(record.remaining().high, 2, "the originals are still there");
        assert_eq!(record.remediated(), (0, 2));
        record.archived[0].originals_removed = 1;
        assert_eq!(record.remaining().high, 2, "which one went is not known");
        record.archived[0].originals_removed = 2;
        assert_eq!(record.remediation(1), Remediation::Removed { at });
        assert_eq!(
            record.remaining(),
            RiskCounts {
                medium: 1,
                ..RiskCounts::default()
            }
        );
        assert_eq!(record.remediated(), (2, 0));
        assert_eq!(record.counts().high, 2, "what was found stays on record");
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
