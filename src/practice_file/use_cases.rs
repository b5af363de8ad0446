//! One use case per action on the practice's file: what an action changes in the records, the journal
//! entry it writes, and what must follow it (the action plan kept in step with the answers, the evidence
//! attached with an archive). The window and the command line call these same methods, so that an action
//! leaves the same records whichever way it was done; they only choose when to save.
//!
//! Texts are not made here (this layer sits below the texts): what a use case stores in words — an
//! archive's evidence file, a proposal's note — is made by the caller in its language and handed in.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use jiff::Timestamp;

use super::{JournalEvent, PracticeFile};
use crate::archive::{
    ArchiveError, ArchiveKey, ArchiveRecord, ArchiveSource, Archived, KeyKind, PendingArchive,
    Removal,
};
use crate::assessment::bundle::SignatureSet;
use crate::assessment::{SignError, SignedAssessment, Signer};
use crate::binder::processors::ProcessorError;
use crate::binder::{
    ActivityKind, ProcessorEdit, ProcessorId, ProcessorKind, RegisterField, Source,
};
use crate::checklist::record::EvidenceError;
use crate::checklist::{self, AnswerValue, ItemId, Respondent};
use crate::practice::Profile;
use crate::scan::record::{ArchivedNote, ScanRecord};
use crate::system::catalog::ARCHIVE_EVIDENCE_ITEM;
use crate::system::{Finding, Reason, SystemReport};

/// What [`PracticeFile::settle_pending_archive`] found of an archive a run left unrecorded.
#[derive(Debug)]
pub enum PendingArchiveOutcome {
    /// Its file is under its name, intact and matching its manifest: it is recorded now (the result of
    /// attaching its evidence to the checklist, as [`PracticeFile::record_archive`]).
    Recorded {
        /// The archive.
        path: PathBuf,
        /// Its files.
        files: u64,
        /// The evidence's id, or why it was refused.
        evidence: Result<u32, EvidenceError>,
    },
    /// Nothing under its name: the run ended before the archive was complete (its temporary file is
    /// removed by the next archive run into that folder). Nothing to record.
    NotWritten {
        /// Where it was to be.
        path: PathBuf,
    },
    /// A file under its name does not open or check with the practice key: left alone, not recorded.
    NotVerified {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: ArchiveError,
    },
    /// A file under its name is another archive (another creation time): left alone, not recorded.
    Another {
        /// The file.
        path: PathBuf,
    },
}

/// What reading the file of an archive a run left unrecorded found, before anything changes in the
/// vault: [`check_pending_archive`] reads it (slow: a background job in the window),
/// [`PracticeFile::settle_checked_pending_archive`] then records it or not.
#[derive(Debug)]
pub enum PendingArchiveCheck {
    /// It is that archive, intact: its manifest and its size.
    Verified {
        /// Its manifest.
        manifest: Box<crate::archive::Manifest>,
        /// Its size.
        archive_bytes: u64,
    },
    /// Nothing under its name.
    NotWritten,
    /// A file under its name does not open or check with the practice key.
    NotVerified(ArchiveError),
    /// A file under its name is another archive (another creation time).
    Another,
}

/// Reads and checks whole the file of the pending archive `pending` with the practice key `key` (none:
/// [`ArchiveError::NoPracticeKey`]); changes nothing.
pub fn check_pending_archive(
    pending: &PendingArchive,
    key: Option<&crate::archive::PracticeArchiveKey>,
    cancel: &AtomicBool,
) -> PendingArchiveCheck {
    let path = Path::new(&pending.path);
    if std::fs::symlink_metadata(path).is_err() {
        return PendingArchiveCheck::NotWritten;
    }
    let checked = key
        .ok_or(ArchiveError::NoPracticeKey)
        .and_then(ArchiveKey::practice)
        .and_then(|key| crate::archive::verify(path, &key, cancel, &mut |_| {}));
    match checked {
        Err(reason) => PendingArchiveCheck::NotVerified(reason),
        Ok(listing) => match listing.manifest {
            Some(m) if m.created_at == pending.created_at => PendingArchiveCheck::Verified {
                manifest: Box::new(m),
                archive_bytes: listing.archive_bytes,
            },
            _ => PendingArchiveCheck::Another,
        },
    }
}

/// A file to attach as evidence, made by the caller in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFile {
    /// Its name.
    pub name: String,
    /// Its content.
    pub content: Vec<u8>,
}

/// The practice's archive key, ready to encrypt to.
#[derive(Debug)]
pub struct PracticeArchiveKeyInUse {
    /// The key.
    pub key: ArchiveKey,
    /// Whether it was made just now: the file must then be saved before anything is encrypted to it.
    pub made_now: bool,
}

impl PracticeFile {
    /// Journals that the file was opened with the recovery code (the passphrase was lost or forgotten).
    pub fn unlocked_with_recovery_code(&mut self) {
        self.contents.record(JournalEvent::UnlockedWithRecoveryCode);
    }

    /// Answers `item` and keeps the action plan in step (an action for a "no", a "partly" or a "don't
    /// know"; none for a "yes" or "not applicable"). The note already written stays. Each answer is
    /// dated and signed by its respondent in the checklist itself: no journal entry.
    pub fn answer(&mut self, item: &ItemId, value: AnswerValue, by: Respondent, at: Timestamp) {
        let c = &mut self.contents;
        c.checklist.answer(item.as_str(), value, by, at);
        checklist::plan::sync(checklist::catalog(), &c.practice, &mut c.checklist, at);
    }

    /// Confirms a PC check's proposed answer for `item`, by the doctor: answered as
    /// [`PracticeFile::answer`] does, `note` written where the answer has none yet (where the answer
    /// came from, made by the caller), and the proposal settled. Returns false, changing nothing, when
    /// no PC check has been recorded.
    pub fn confirm_proposal(
        &mut self,
        item: &ItemId,
        value: AnswerValue,
        note: &str,
        at: Timestamp,
    ) -> bool {
        if self.contents.system.last.is_none() {
            return false;
        }
        let c = &mut self.contents;
        c.checklist
            .answer(item.as_str(), value, Respondent::Doctor, at);
        if let Some(a) = c.checklist.answers.get_mut(item.as_str())
            && a.note.trim().is_empty()
        {
            note.clone_into(&mut a.note);
        }
        checklist::plan::sync(checklist::catalog(), &c.practice, &mut c.checklist, at);
        c.system.settle(item.as_str());
        true
    }

    /// Saves the practice profile (and that the first run's profile step is done), journals it, and
    /// keeps the action plan in step: which items apply may have changed.
    pub fn update_profile(&mut self, profile: Profile, at: Timestamp) {
        let c = &mut self.contents;
        c.practice = profile;
        c.profile_confirmed = true;
        c.record(JournalEvent::ProfileUpdated);
        checklist::plan::sync(checklist::catalog(), &c.practice, &mut c.checklist, at);
    }

    /// Writes `text` in `field` of the register's activity `kind` (an empty text goes back to the
    /// pre-filled one), and journals it.
    pub fn edit_register(
        &mut self,
        kind: ActivityKind,
        field: RegisterField,
        text: &str,
        at: Timestamp,
    ) {
        let c = &mut self.contents;
        c.register.edit(kind, field, text, at);
        c.record(JournalEvent::RegisterEdited);
    }

    /// Adds (`Some(true)`) or removes (`Some(false)`) the activity `kind` from the register against what
    /// the profile says, or goes back to the profile (`None`), and journals it.
    pub fn include_register_activity(
        &mut self,
        kind: ActivityKind,
        included: Option<bool>,
        at: Timestamp,
    ) {
        let c = &mut self.contents;
        c.register.include(kind, included, at);
        c.record(JournalEvent::RegisterEdited);
    }

    /// Sets the paragraph the doctor adds to the patients' notice (empty: none), and journals it.
    pub fn set_notice_note(&mut self, note: &str, at: Timestamp) {
        let c = &mut self.contents;
        note.trim().clone_into(&mut c.register.notice_note);
        c.register.updated_at = Some(at);
        c.record(JournalEvent::RegisterEdited);
    }

    /// Changes one processor (its name, its facts, a clause of its contract) and journals it. Refused,
    /// changing nothing and journaling nothing, for a processor that does not exist or an added one's
    /// name emptied.
    pub fn edit_processor(
        &mut self,
        id: ProcessorId,
        edit: ProcessorEdit,
        at: Timestamp,
    ) -> Result<(), ProcessorError> {
        let c = &mut self.contents;
        c.processors.edit(id, edit, at)?;
        c.record(JournalEvent::ProcessorsEdited);
        Ok(())
    }

    /// Adds a processor the profile does not name, and journals it.
    pub fn add_processor(
        &mut self,
        kind: ProcessorKind,
        name: &str,
        at: Timestamp,
    ) -> Result<ProcessorId, ProcessorError> {
        let c = &mut self.contents;
        let id = c.processors.add(kind, name, at)?;
        c.record(JournalEvent::ProcessorsEdited);
        Ok(id)
    }

    /// Removes a processor (one added is deleted, one of the profile set aside), and journals it.
    pub fn remove_processor(
        &mut self,
        id: ProcessorId,
        at: Timestamp,
    ) -> Result<(), ProcessorError> {
        let c = &mut self.contents;
        c.processors.remove(id, at)?;
        c.record(JournalEvent::ProcessorsEdited);
        Ok(())
    }

    /// Brings back a processor of the profile that was removed, and journals it.
    pub fn restore_processor(&mut self, source: Source, at: Timestamp) {
        let c = &mut self.contents;
        if c.processors.removed.contains(&source) {
            c.processors.restore(source, at);
            c.record(JournalEvent::ProcessorsEdited);
        }
    }

    /// Attaches the contract of a processor (hashed where it was read, off the window's thread),
    /// replacing any earlier one, and journals it. A refused file changes nothing.
    pub fn attach_processor_contract(
        &mut self,
        id: ProcessorId,
        name: &str,
        file: crate::digest::Hashed,
        at: Timestamp,
    ) -> Result<(), ProcessorError> {
        let c = &mut self.contents;
        c.processors.attach_contract(id, name, file, at)?;
        c.record(JournalEvent::ProcessorsEdited);
        Ok(())
    }

    /// Removes the contract of a processor, and journals it.
    pub fn detach_processor_contract(
        &mut self,
        id: ProcessorId,
        at: Timestamp,
    ) -> Result<(), ProcessorError> {
        let c = &mut self.contents;
        c.processors.detach_contract(id, at)?;
        c.record(JournalEvent::ProcessorsEdited);
        Ok(())
    }

    /// Records a finished (or stopped) folder scan, the earlier one kept as a digest, and journals it.
    pub fn record_scan(&mut self, record: ScanRecord) {
        self.contents.scans.push(record);
        self.contents.record(JournalEvent::Scanned);
    }

    /// Records a run of the PC checks and journals it. A network check not asked for this time keeps the
    /// result of the last time it ran.
    pub fn record_system_checks(&mut self, mut report: SystemReport) {
        let c = &mut self.contents;
        if let Some(previous) = &c.system.last {
            for r in &mut report.results {
                if matches!(
                    r.finding,
                    Finding::Unknown {
                        reason: Reason::NotRequested
                    }
                ) && let Some(old) = previous.result(r.id)
                {
                    *r = old.clone();
                }
            }
        }
        c.system.record(report);
        c.record(JournalEvent::SystemChecked);
    }

    /// Records a reading of the box's rules (`system::boxes::risk::result` or `failed`) in the PC
    /// checks, and journals it. What was read is kept, never a password or a token.
    pub fn record_box_check(&mut self, result: crate::system::CheckResult) {
        let c = &mut self.contents;
        c.system.record_box(result);
        c.record(JournalEvent::SystemChecked);
    }

    /// Completes the self-assessment and signs it with the doctor's key (made now if there is none),
    /// freezing the answers and the last scan, and journals it. Refused, changing nothing, when the
    /// system's random source fails (the nonce keeps two assessments of the same second apart) or the
    /// profile names no practitioner.
    pub fn sign_assessment(&mut self, at: Timestamp) -> Result<&SignedAssessment, SignError> {
        self.sign_with_nonce(at, getrandom::u32().ok())
    }

    fn sign_with_nonce(
        &mut self,
        at: Timestamp,
        nonce: Option<u32>,
    ) -> Result<&SignedAssessment, SignError> {
        let nonce = nonce.ok_or(SignError::Random)?;
        let c = &mut self.contents;
        let signer = c.assessments.doctor_signer(&c.practice)?;
        let witnessed = c.witnessed();
        let binder = crate::assessment::document::freeze_binder(
            &c.register,
            &c.processors,
            &c.practice,
            &c.checklist,
            crate::locale::date_of(at),
        );
        c.assessments.complete_witnessing(
            &c.practice,
            &mut c.checklist,
            &c.scans,
            (Some(witnessed), Some(binder)),
            &signer,
            at,
            nonce,
        );
        c.record(JournalEvent::AssessmentSigned);
        c.assessments.last().ok_or(SignError::NoSuchAssessment)
    }

    /// Countersigns the signed assessment `id` with `signer` (a consultant's key) and journals it.
    pub fn countersign_assessment(
        &mut self,
        id: &str,
        signer: &Signer,
        at: Timestamp,
    ) -> Result<(), SignError> {
        self.countersign_assessment_noted(id, signer, None, at)
    }

    /// Countersigns the signed assessment `id` with `signer`, with the doctor's key change the
    /// consultant accepted (their pins), if any, signed in their statement; journals it.
    pub fn countersign_assessment_noted(
        &mut self,
        id: &str,
        signer: &Signer,
        key_change: Option<crate::assessment::KeyChange>,
        at: Timestamp,
    ) -> Result<(), SignError> {
        let c = &mut self.contents;
        c.assessments
            .get_mut(id)
            .ok_or(SignError::NoSuchAssessment)?
            .countersign_noted(signer, key_change, at)?;
        c.record(JournalEvent::AssessmentCountersigned);
        Ok(())
    }

    /// Takes the new valid signatures of `set` (a countersigned bundle brought back) into the assessment
    /// it is of, and journals it; returns how many were added.
    pub fn import_countersignatures(&mut self, set: &SignatureSet) -> Result<usize, SignError> {
        let c = &mut self.contents;
        let added = c
            .assessments
            .get_mut(&set.id)
            .ok_or(SignError::OtherAssessment)?
            .import(set)?;
        c.record(JournalEvent::AssessmentCountersigned);
        Ok(added)
    }

    /// The practice's archive key, made now if there is none or the one kept does not read.
    pub fn practice_archive_key(&mut self) -> Result<PracticeArchiveKeyInUse, ArchiveError> {
        let had = self
            .contents
            .archives
            .key
            .as_ref()
            .is_some_and(crate::archive::PracticeArchiveKey::is_valid);
        let key = ArchiveKey::practice(self.contents.archives.key_or_make())?;
        Ok(PracticeArchiveKeyInUse {
            key,
            made_now: !had,
        })
    }

    /// Records a verified archive, and journals it: its record; the evidence file `evidence` makes from
    /// that record, attached to the checklist item on encryption at rest
    /// ([`ARCHIVE_EVIDENCE_ITEM`]); and, when it holds findings of the last scan, a note on that scan
    /// naming them. The record says the files came from that scan when every file archived is one of
    /// its findings. The archive is recorded in any case; the result is the evidence's id, or why it
    /// was refused.
    pub fn record_archive(
        &mut self,
        archived: &Archived,
        key: KeyKind,
        evidence: impl FnOnce(&ArchiveRecord) -> EvidenceFile,
    ) -> Result<u32, EvidenceError> {
        let c = &mut self.contents;
        let (found, every_file_found) = c
            .scans
            .last
            .as_ref()
            .map(|last| findings_in(last, &archived.sources))
            .unwrap_or_default();
        let source = match &c.scans.last {
            Some(last) if every_file_found => ArchiveSource::ScanFindings {
                scan_started_at: last.started_at,
            },
            _ => ArchiveSource::Chosen,
        };
        let record = ArchiveRecord::of(archived, key, source);
        let file = evidence(&record);
        c.archives.records.push(record);
        c.record(JournalEvent::ArchiveCreated);
        if c.archives
            .pending
            .as_ref()
            .is_some_and(|p| p.created_at == archived.manifest.created_at)
        {
            c.archives.pending = None;
        }
        if !found.is_empty()
            && let Some(last) = c.scans.last.as_mut()
        {
            last.archived.push(ArchivedNote {
                at: archived.manifest.created_at,
                findings: found,
                originals_removed: 0,
            });
        }
        c.checklist
            .attach(ARCHIVE_EVIDENCE_ITEM, &file.name, file.content)
    }

    /// Notes, before its file is written, the archive about to be made at `path` with the practice key
    /// and the creation time `created_at` its manifest will carry ([`ArchiveRegister::pending`]); the
    /// caller saves the vault before writing the archive. [`PracticeFile::record_archive`] clears it;
    /// [`PracticeFile::forget_pending_archive`] too, when the run fails.
    ///
    /// [`ArchiveRegister::pending`]: crate::archive::ArchiveRegister::pending
    pub fn note_pending_archive(&mut self, path: &Path, created_at: Timestamp) {
        self.contents.archives.pending = Some(PendingArchive {
            path: path.display().to_string(),
            created_at,
        });
    }

    /// Clears the pending archive (its run failed and removed what it wrote). Whether there was one.
    pub fn forget_pending_archive(&mut self) -> bool {
        self.contents.archives.pending.take().is_some()
    }

    /// Settles the archive a run left pending when it ended between writing the archive and saving its
    /// record (killed, a power cut, a full disk at the save): when a file is under its name, it is read
    /// and checked whole with the practice key, and recorded (with its evidence, as
    /// [`PracticeFile::record_archive`]) only if it is that archive, intact; otherwise it is left alone
    /// and not recorded. The pending note is cleared in every case; `None` when there was none. The
    /// caller saves the vault and tells the user. Reads the whole archive: a background job in the
    /// window.
    pub fn settle_pending_archive(
        &mut self,
        cancel: &AtomicBool,
        evidence: impl FnOnce(&ArchiveRecord) -> EvidenceFile,
    ) -> Option<PendingArchiveOutcome> {
        let pending = self.contents.archives.pending.clone()?;
        let check = check_pending_archive(&pending, self.contents.archives.key.as_ref(), cancel);
        self.settle_checked_pending_archive(&pending, check, evidence)
    }

    /// Settles the pending archive `pending` with what [`check_pending_archive`] found of its file:
    /// recorded (with its evidence) when it is that archive, intact; not recorded otherwise. The pending
    /// note is cleared in every case. `None`, and nothing changed, when the vault's pending archive is
    /// no longer `pending` (settled or forgotten meanwhile). The caller saves the vault and tells the
    /// user.
    pub fn settle_checked_pending_archive(
        &mut self,
        pending: &PendingArchive,
        check: PendingArchiveCheck,
        evidence: impl FnOnce(&ArchiveRecord) -> EvidenceFile,
    ) -> Option<PendingArchiveOutcome> {
        if self.contents.archives.pending.as_ref() != Some(pending) {
            return None;
        }
        self.contents.archives.pending = None;
        let path = PathBuf::from(&pending.path);
        let (manifest, archive_bytes) = match check {
            PendingArchiveCheck::NotWritten => {
                return Some(PendingArchiveOutcome::NotWritten { path });
            }
            PendingArchiveCheck::NotVerified(reason) => {
                return Some(PendingArchiveOutcome::NotVerified { path, reason });
            }
            PendingArchiveCheck::Another => return Some(PendingArchiveOutcome::Another { path }),
            PendingArchiveCheck::Verified {
                manifest,
                archive_bytes,
            } => (manifest, archive_bytes),
        };
        let record =
            ArchiveRecord::of_verified(&pending.path, &manifest, archive_bytes, KeyKind::Identity);
        let files = record.files;
        let file = evidence(&record);
        let c = &mut self.contents;
        c.archives.records.push(record);
        c.record(JournalEvent::ArchiveCreated);
        let evidence = c
            .checklist
            .attach(ARCHIVE_EVIDENCE_ITEM, &file.name, file.content);
        Some(PendingArchiveOutcome::Recorded {
            path,
            files,
            evidence,
        })
    }

    /// Records that the originals of the archive made at `archive_created_at` were removed (on its
    /// record and on the scan's note), and journals it.
    pub fn record_originals_removed(&mut self, archive_created_at: Timestamp, removal: &Removal) {
        let c = &mut self.contents;
        if let Some(record) = c
            .archives
            .records
            .iter_mut()
            .rev()
            .find(|r| r.created_at == archive_created_at)
        {
            record.note_removal(removal);
        }
        if let Some(note) = c.scans.last.as_mut().and_then(|l| {
            l.archived
                .iter_mut()
                .rev()
                .find(|n| n.at == archive_created_at)
        }) {
            note.originals_removed += removal.removed;
        }
        c.record(JournalEvent::ArchiveOriginalsRemoved);
    }
}

/// A path made absolute against the current folder (without touching the disk), so that a file named
/// relatively on the command line matches the scan's finding of it.
fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
    }
}

/// The findings of `scan` (their indices) whose file is among `sources`, and whether every source is
/// one of its findings.
fn findings_in(scan: &ScanRecord, sources: &[PathBuf]) -> (Vec<u32>, bool) {
    let sources: HashSet<PathBuf> = sources.iter().map(|s| absolute(s)).collect();
    let mut matched: HashSet<PathBuf> = HashSet::new();
    let mut found = Vec::new();
    for (i, finding) in scan.findings.iter().enumerate() {
        let path = absolute(&finding.path);
        if sources.contains(&path)
            && let Ok(i) = u32::try_from(i)
        {
            found.push(i);
            matched.insert(path);
        }
    }
    let every = !sources.is_empty() && matched.len() == sources.len();
    (found, every)
}

#[cfg(test)]
mod tests;
