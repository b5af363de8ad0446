//! What the vault keeps about archives: the practice's archive key, and one record per verified
//! archive — evidence for the "images encrypted at rest" item. A record holds counts, sizes, digests and
//! the archive's own path (which the user chose), never the names of the files inside.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{Archived, KeyKind, PracticeArchiveKey, Removal};

/// Where an archive's files came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArchiveSource {
    /// Files found by the scan of that date.
    ScanFindings {
        /// When that scan started.
        scan_started_at: Timestamp,
    },
    /// Files and folders the user chose.
    Chosen,
}

/// One verified archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveRecord {
    /// When it was made (and verified).
    pub created_at: Timestamp,
    /// Where it was written (the path the user chose).
    pub path: String,
    /// How it is encrypted.
    pub key: KeyKind,
    /// Where its files came from.
    pub source: ArchiveSource,
    /// Files archived.
    pub files: u64,
    /// Their total size.
    pub bytes: u64,
    /// The archive file's size.
    pub archive_bytes: u64,
    /// The SHA-256 of its manifest as written: identifies the archive's contents (`vigie archive list`
    /// shows the manifest; the archive file itself is not hashed, which would cost one more pass).
    pub manifest_sha256: String,
    /// Originals removed afterwards, if the user asked.
    #[serde(default)]
    pub originals_removed: u64,
    /// Originals kept because they changed since.
    #[serde(default)]
    pub originals_kept: u64,
}

impl ArchiveRecord {
    /// The record of a just-made archive.
    pub fn of(archived: &Archived, key: KeyKind, source: ArchiveSource) -> Self {
        Self {
            created_at: archived.manifest.created_at,
            path: archived.path.display().to_string(),
            key,
            source,
            files: archived.manifest.file_count,
            bytes: archived.manifest.total_bytes,
            archive_bytes: archived.archive_bytes,
            manifest_sha256: crate::digest::sha256_hex(&archived.manifest.to_bytes()),
            originals_removed: 0,
            originals_kept: 0,
        }
    }

    /// The record of an archive found complete and verified after its run ended without recording it
    /// ([`ArchiveRegister::pending`]): the originals it came from are not known any more, so its source
    /// is [`ArchiveSource::Chosen`].
    pub fn of_verified(
        path: &str,
        manifest: &super::Manifest,
        archive_bytes: u64,
        key: KeyKind,
    ) -> Self {
        Self {
            created_at: manifest.created_at,
            path: path.to_owned(),
            key,
            source: ArchiveSource::Chosen,
            files: manifest.file_count,
            bytes: manifest.total_bytes,
            archive_bytes,
            manifest_sha256: crate::digest::sha256_hex(&manifest.to_bytes()),
            originals_removed: 0,
            originals_kept: 0,
        }
    }

    /// Notes the removal of the originals.
    pub fn note_removal(&mut self, removal: &Removal) {
        self.originals_removed += removal.removed;
        self.originals_kept += removal.kept_changed + removal.failed;
    }
}

/// The archives part of the vault.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveRegister {
    /// The practice's archive key, made with the first archive (or the vault).
    #[serde(default)]
    pub key: Option<PracticeArchiveKey>,
    /// Whether the key's sheet (its secret text, for the records) was saved or printed since the key was
    /// made.
    #[serde(default)]
    pub key_sheet_saved: bool,
    /// The archives made, oldest first.
    #[serde(default)]
    pub records: Vec<ArchiveRecord>,
    /// The archive being made with the practice key: noted (and saved) before its file is written,
    /// cleared when its record is saved. Still there at the next opening, it says that a run ended
    /// (killed, a power cut, a full disk at the vault's save) between the two: the archive may be
    /// complete under its name with no record. `PracticeFile::settle_pending_archive` settles it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<PendingArchive>,
}

/// An archive whose run has not recorded it yet ([`ArchiveRegister::pending`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingArchive {
    /// Where it is being written (the path the user chose).
    pub path: String,
    /// The creation time its manifest carries: which archive it is.
    pub created_at: Timestamp,
}

impl ArchiveRegister {
    /// A register with a fresh practice key (a new vault's).
    pub fn with_new_key() -> Self {
        Self {
            key: Some(PracticeArchiveKey::generate()),
            key_sheet_saved: false,
            records: Vec::new(),
            pending: None,
        }
    }

    /// The practice key, made now if there is none yet.
    pub fn key_or_make(&mut self) -> &PracticeArchiveKey {
        if self.key.as_ref().is_none_or(|k| !k.is_valid()) {
            self.key = Some(PracticeArchiveKey::generate());
            self.key_sheet_saved = false;
        }
        self.key.get_or_insert_with(PracticeArchiveKey::generate)
    }

    /// The last archive made.
    pub fn last(&self) -> Option<&ArchiveRecord> {
        self.records.last()
    }
}
