//! What a practice file holds once decrypted: the practice's records, serialized as RON.
//!
//! Later features add their records here as new fields with `#[serde(default)]`, so that older vaults
//! keep opening; [`VaultContents::schema`] counts incompatible changes.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::archive::ArchiveRegister;
use crate::assessment::AssessmentHistory;
use crate::binder::{Processors, Register};
use crate::breach::BreachRegister;
use crate::checklist::ChecklistRecord;
use crate::practice::Profile;
use crate::scan::record::ScanHistory;
use crate::system::SystemRecord;

/// Version of the contents' schema written by this build.
///
/// 2: signed assessments (`assessments`) and the breach register (`breaches`). A Vigie that reads only
/// schema 1 would drop them at its next save, so it refuses these contents as written by a newer Vigie.
/// 3: encrypted archives (`archives`: the practice's archive key and the archives made); the checklist's
/// catalog version (`checklist.catalog_version`, `checklist.migrated_from`) and the reason an answer is to
/// review (`review_reason`): answers given on catalog v1 are migrated to v2 when opened
/// (`checklist::migrate`), and a Vigie reading schema 2 would show v2 ids it does not know.
/// Also the PC checks (`system`: the last run, earlier runs' counts, the proposals settled).
/// 4: the record of processing activities (`register`: the doctor's edits of the pre-filled register and
/// the notice's note) and the journal's `RegisterEdited`: a Vigie reading schema 3 would drop the edits
/// at its next save and does not know the journal event.
/// 5: the processors (`processors`: what the doctor entered about each processor — art. 28 clauses, HDS
/// certificate, the contract attached) and the journal's `ProcessorsEdited`: a Vigie reading schema 4
/// would drop them, the contracts included, at its next save.
pub const SCHEMA_VERSION: u32 = 5;

/// A dated event of the vault's own history: the vault's journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// When it happened.
    pub at: Timestamp,
    /// What happened.
    pub event: JournalEvent,
}

/// Events of the journal. They record actions, never patient data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum JournalEvent {
    /// The vault was created.
    Created,
    /// The practice profile was saved.
    ProfileUpdated,
    /// The passphrase was changed (the data key and the recovery code stay).
    PassphraseChanged,
    /// The vault was unlocked with the recovery code.
    UnlockedWithRecoveryCode,
    /// A folder scan was recorded (its findings are in `scans`).
    Scanned,
    /// A self-assessment was completed and signed (it is in `assessments`).
    AssessmentSigned,
    /// A countersignature was added to a signed self-assessment.
    AssessmentCountersigned,
    /// An encrypted archive was made and verified (it is in `archives`).
    ArchiveCreated,
    /// The originals of a verified archive were removed.
    ArchiveOriginalsRemoved,
    /// The PC checks ran (their results are in `system`).
    SystemChecked,
    /// The record of processing activities or the patients' notice was edited (it is in `register`).
    RegisterEdited,
    /// A processor was added, changed or removed, or its contract attached (it is in `processors`).
    ProcessorsEdited,
}

/// Everything the vault holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaultContents {
    /// Schema version of these contents.
    pub schema: u32,
    /// When the vault was created.
    pub created_at: Timestamp,
    /// The practice profile.
    pub practice: Profile,
    /// Whether the profile step of the first run was completed.
    #[serde(default)]
    pub profile_confirmed: bool,
    /// Whether this is the fictional demo practice.
    #[serde(default)]
    pub demo: bool,
    /// The vault's history.
    #[serde(default)]
    pub journal: Vec<JournalEntry>,
    /// The security checklist: answers, evidence, action plan.
    #[serde(default)]
    pub checklist: ChecklistRecord,
    /// Folder scans: the last one whole (paths and flags), earlier ones as digests.
    #[serde(default)]
    pub scans: ScanHistory,
    /// Signed assessments and the doctor's signing key.
    #[serde(default)]
    pub assessments: AssessmentHistory,
    /// The breach register (art. 33(5)): hash-chained events and the files attached.
    #[serde(default)]
    pub breaches: BreachRegister,
    /// Encrypted archives: the practice's archive key and one record per verified archive.
    #[serde(default)]
    pub archives: ArchiveRegister,
    /// The PC checks: the last run whole (evidence), earlier ones as counts.
    #[serde(default)]
    pub system: SystemRecord,
    /// The record of processing activities (GDPR art. 30): what the doctor changed in the pre-filled
    /// register, and the note added to the patients' notice. Left out while nothing was changed (schema 4).
    #[serde(default, skip_serializing_if = "Register::is_empty")]
    pub register: Register,
    /// The processors (GDPR art. 28): what the doctor entered about each (the contract's clauses, the
    /// HDS certificate, the contract itself). Left out while nothing was entered (schema 5).
    #[serde(default, skip_serializing_if = "Processors::is_empty")]
    pub processors: Processors,
    /// Text typed in the window and not applied (yet): kept here, in the vault, so that nothing typed
    /// is lost on a page change, a lock or closing.
    #[serde(default, skip_serializing_if = "Drafts::is_empty")]
    pub drafts: Drafts,
}

/// Text typed in the window that is not (yet) part of any record: a date that does not exist, a count
/// being typed. Kept as typed, field by field, and shown again with its error beside it. Not a record:
/// never exported, signed or journaled. A Vigie older than this field drops it at its next save (the
/// records themselves are untouched), so it needs no new schema version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drafts {
    /// The breach form's fields, by breach, then by field (the form's own keys).
    #[serde(default)]
    pub breach_forms: std::collections::BTreeMap<
        crate::breach::BreachId,
        std::collections::BTreeMap<String, String>,
    >,
}

impl Drafts {
    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.breach_forms.is_empty()
    }
}

/// SHA-256 of a record as Vigie encodes it in JSON (compact), the digest a signed assessment witnesses.
fn record_digest<T: Serialize>(
    at: Timestamp,
    record: &T,
) -> crate::assessment::document::RecordDigestDoc {
    // Plain records of strings, numbers and timestamps always serialize.
    let bytes = serde_json::to_vec(record).unwrap_or_default();
    crate::assessment::document::RecordDigestDoc {
        at,
        sha256: crate::assessment::document::verification_code(&bytes),
    }
}

/// `register` compared with the head `signed` witnessed; `None` when its document does not read or
/// the register's own chain is broken.
pub fn register_against_assessment(
    register: &BreachRegister,
    signed: &crate::assessment::SignedAssessment,
) -> Option<crate::breach::export::AgainstSigned> {
    use crate::breach::export::{AgainstSigned, events_of, extends};
    let doc = signed.parsed().ok()?;
    let Some(w) = doc.witnessed else {
        return Some(AgainstSigned::NotWitnessed {
            signed_at: doc.completed_at,
        });
    };
    let head = crate::breach::ChainHead {
        count: w.breach_register.count,
        hash: crate::breach::chain::parse_hex32(&w.breach_register.hash)?,
    };
    let events = events_of(register)?;
    Some(AgainstSigned::Compared {
        signed_at: doc.completed_at,
        signed: head,
        outcome: extends(&events, head),
    })
}

impl VaultContents {
    /// What a signed assessment witnesses now (`docs/signed-assessment-format.md`, version 2): the breach
    /// register's head, and the digests of the last scan, the last PC checks and the last box reading.
    pub fn witnessed(&self) -> crate::assessment::document::Witnessed {
        let head = self.breaches.head();
        let system = self.system.last.as_ref();
        let box_reading = system.and_then(|r| {
            r.results
                .iter()
                .find(|x| x.id == crate::system::catalog::CheckId::BoxRules)
        });
        crate::assessment::document::Witnessed {
            breach_register: crate::assessment::document::RegisterHeadDoc {
                count: head.count,
                hash: head.hash_hex(),
            },
            scan: self
                .scans
                .last
                .as_ref()
                .map(|s| record_digest(s.started_at, s)),
            system_checks: system.map(|r| record_digest(r.checked_at, r)),
            box_reading: box_reading.map(|r| record_digest(r.checked_at, r)),
        }
    }

    /// The register compared with the head the last signed self-assessment witnessed; `None` with no
    /// signed assessment, a document that does not read, or a register whose own chain is broken (the
    /// Breaches page names that break).
    pub fn register_against_last_assessment(&self) -> Option<crate::breach::export::AgainstSigned> {
        register_against_assessment(&self.breaches, self.assessments.last()?)
    }

    /// Fresh contents for a new practice.
    pub fn new(practice: Profile) -> Self {
        let now = Timestamp::now();
        Self {
            schema: SCHEMA_VERSION,
            created_at: now,
            practice,
            profile_confirmed: false,
            demo: false,
            journal: vec![JournalEntry {
                at: now,
                event: JournalEvent::Created,
            }],
            checklist: ChecklistRecord::new(),
            scans: ScanHistory::default(),
            assessments: AssessmentHistory::default(),
            breaches: BreachRegister::default(),
            // The archive key is made with the vault, so that the recovery sheet carries it.
            archives: ArchiveRegister::with_new_key(),
            system: SystemRecord::default(),
            register: Register::default(),
            processors: Processors::default(),
            drafts: Drafts::default(),
        }
    }

    /// Appends an event to the journal, dated now.
    pub fn record(&mut self, event: JournalEvent) {
        self.journal.push(JournalEntry {
            at: Timestamp::now(),
            event,
        });
    }

    /// Counts of what the vault holds, for summaries.
    pub fn counts(&self) -> Counts {
        Counts {
            journal_entries: self.journal.len(),
            answers: self.checklist.answers.len(),
            evidence_files: self.checklist.evidence.len(),
            actions: self.checklist.actions.len(),
        }
    }
}

/// Counts of records held, shown by `vigie vault check` and the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Entries in the vault's journal.
    pub journal_entries: usize,
    /// Checklist answers.
    pub answers: usize,
    /// Evidence files attached.
    pub evidence_files: usize,
    /// Actions of the plan.
    pub actions: usize,
}
