//! The frozen assessment: what an assessment rests on, as one deterministic JSON document whose exact
//! bytes are signed. `docs/signed-assessment-format.md` documents every field.
//!
//! The bytes are produced once, when the assessment is completed ([`AssessmentDocument::to_bytes`]),
//! and kept as they are: signatures, verification and the report all use the kept bytes, never a
//! re-serialization.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::identity::Identity;
use crate::binder::processors::{Clause, ClauseAnswer, ProcessorKind, Processors};
use crate::binder::{ActivityKind, ActivityView, Origin, Register, RegisterField, SecurityMeasure};
use crate::checklist::applicability::applies;
use crate::checklist::record::Evidence;
use crate::checklist::{
    self, Action, ActionKind, ActionStatus, Answer, AnswerValue, ChecklistRecord, Respondent,
    scoring,
};
use crate::digest::sha256_hex;
use crate::locale::Lang;
use crate::practice::{Known, Profile};
use crate::scan::record::{RiskCounts, ScanHistory};

/// The `format` field of every signed assessment.
pub const FORMAT: &str = "vigie-signed-assessment";
/// The newest version of the document's layout this build writes and reads: version 2 adds
/// `witnessed` (the breach register's head and the digests of the last records), version 3 adds
/// `binder` (the record of processing activities as frozen); a document without them is written, and
/// read, as the version it is.
pub const VERSION: u32 = 3;
/// The SSHSIG namespace of the document's signatures.
pub const NAMESPACE: &str = "vigie-assessment";
/// The SSHSIG namespace of the report PDF's signatures.
pub const REPORT_NAMESPACE: &str = "vigie-report";
/// The largest document read (a full catalog with long notes is about 200 KB).
pub const MAX_DOCUMENT_BYTES: usize = 8 * 1024 * 1024;

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

impl From<&checklist::Text> for Bilingual {
    fn from(t: &checklist::Text) -> Self {
        Self {
            fr: t.fr.clone(),
            en: t.en.clone(),
        }
    }
}

/// The assessment this one follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousRef {
    /// Its id.
    pub id: String,
    /// When it was completed.
    pub completed_at: Timestamp,
    /// SHA-256 of its document's bytes, hexadecimal.
    pub sha256: String,
}

/// Which catalog the answers refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogRef {
    /// The catalog's version.
    pub version: u32,
    /// SHA-256 of the catalog file embedded in this Vigie.
    pub sha256: String,
}

/// A score per theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeScoreDoc {
    /// The theme's id.
    pub id: String,
    /// Its title.
    pub title: Bilingual,
    /// Applicable items answered.
    pub answered: usize,
    /// Items that apply.
    pub applicable: usize,
    /// Whole percentage, `null` when nothing is answered.
    pub percent: Option<u32>,
}

/// The scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoresDoc {
    /// Overall whole percentage.
    pub overall_percent: Option<u32>,
    /// Applicable items answered.
    pub answered: usize,
    /// Items that apply.
    pub applicable: usize,
    /// Per theme, in catalog order.
    pub themes: Vec<ThemeScoreDoc>,
}

/// An answer as frozen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerDoc {
    /// `Yes`, `Partly`, `No`, `NotApplicable` or `DontKnow`.
    pub value: AnswerValue,
    /// The note.
    pub note: String,
    /// `Doctor` or `Consultant`.
    pub by: Respondent,
    /// When it was given.
    pub at: Timestamp,
    /// Carried over from the previous assessment and not reviewed since.
    pub carried_over: bool,
}

/// One item of the catalog with its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDoc {
    /// The item's id.
    pub id: String,
    /// Its theme's id.
    pub theme: String,
    /// The question.
    pub question: Bilingual,
    /// Whether it applies to the practice, by its profile.
    pub applies: bool,
    /// The answer, `null` if not answered.
    pub answer: Option<AnswerDoc>,
}

/// An evidence file, by its fingerprint (its content stays in the vault).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceDoc {
    /// Its id in the vault.
    pub id: u32,
    /// The item it supports.
    pub item: String,
    /// The file's name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// SHA-256 of its content, hexadecimal.
    pub sha256: String,
    /// When it was attached.
    pub added_at: Timestamp,
}

/// An action of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDoc {
    /// The item concerned.
    pub item: String,
    /// `Fix` or `FindOut`.
    pub kind: ActionKind,
    /// Who does it.
    pub owner: String,
    /// By when (a calendar date).
    pub due: Option<jiff::civil::Date>,
    /// `Todo`, `InProgress` or `Done`.
    pub status: ActionStatus,
    /// When it was created.
    pub created_at: Timestamp,
    /// When it was done.
    pub done_at: Option<Timestamp>,
}

/// The last folder scan, without any path or file name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanDoc {
    /// When it started.
    pub started_at: Timestamp,
    /// How many folders were scanned.
    pub folders: usize,
    /// Files looked at.
    pub files_seen: u64,
    /// Paths that could not be read.
    pub errors: u64,
    /// Stopped before the end.
    pub cancelled: bool,
    /// Findings by risk.
    pub findings: RiskCounts,
}

/// One result of the PC checks, when this Vigie has them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemCheckDoc {
    /// The check's id.
    pub id: String,
    /// `pass`, `fail`, `warning` or `unknown`.
    pub status: String,
    /// What was seen, and where.
    pub evidence: String,
    /// When.
    pub at: Timestamp,
}

/// The breach register's head as signed: how many events, and the last one's hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterHeadDoc {
    /// Number of events.
    pub count: u64,
    /// The last event's hash, 64 lower-case hex digits (64 zeros for an empty register).
    pub hash: String,
}

/// A record of the vault witnessed by its digest: when it was made, and the SHA-256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordDigestDoc {
    /// When the record was made (the scan's start, the checks' run, the box's reading).
    pub at: Timestamp,
    /// SHA-256 of the record's bytes as the vault held them, 64 lower-case hex digits.
    pub sha256: String,
}

/// What a version-2 document witnesses beyond the checklist: the signatures of the document cover
/// them, so a register cut or rewritten after the signature, or a record replaced, no longer matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Witnessed {
    /// The breach register's head when the document was signed.
    pub breach_register: RegisterHeadDoc,
    /// The last folder scan's record, if any.
    pub scan: Option<RecordDigestDoc>,
    /// The last PC checks' record, if any.
    pub system_checks: Option<RecordDigestDoc>,
    /// The last reading of the Internet box, if the vault holds one.
    #[serde(rename = "box")]
    pub box_reading: Option<RecordDigestDoc>,
}

/// The whole frozen assessment, field order as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentDocument {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`].
    pub version: u32,
    /// Unique id: completion date and random hex (`2026-12-01-3f9a1c2e`).
    pub id: String,
    /// When it was completed (UTC).
    pub completed_at: Timestamp,
    /// `Vigie 0.1.0`.
    pub software: String,
    /// The assessment it follows, if any.
    pub previous: Option<PreviousRef>,
    /// The practice profile.
    pub practice: Profile,
    /// The practitioner who completes and signs it.
    pub signer: Identity,
    /// Which catalog.
    pub catalog: CatalogRef,
    /// The scores.
    pub scores: ScoresDoc,
    /// Every item of the catalog, in order.
    pub items: Vec<ItemDoc>,
    /// Evidence files by fingerprint.
    pub evidence: Vec<EvidenceDoc>,
    /// The action plan.
    pub actions: Vec<ActionDoc>,
    /// The last folder scan, if any.
    pub scan: Option<ScanDoc>,
    /// The PC checks' results; empty in this version of Vigie, which has none.
    pub system_checks: Vec<SystemCheckDoc>,
    /// Version 2: the register's head and the last records' digests (absent from version 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub witnessed: Option<Witnessed>,
    /// Version 3: the inspection binder's documents as frozen (absent from versions 1 and 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binder: Option<BinderDoc>,
}

/// What a version-3 document freezes of the inspection binder: the record of processing activities
/// as the binder's PDF prints it, so that the signature covers it like the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BinderDoc {
    /// The record of processing activities (GDPR art. 30).
    pub register: RegisterDoc,
    /// The processors (GDPR art. 28), in the binder's order.
    pub processors: Vec<ProcessorDoc>,
}

/// A processor as frozen: what the doctor entered over what the profile says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessorDoc {
    /// `SoftwareVendor`, `Host`, `ItProvider`, `Teleradiology` or `Other`.
    pub kind: ProcessorKind,
    /// Its role for the practice.
    pub role: Bilingual,
    /// Its name ("nom non renseigné" / "name not given" when no one gave it).
    pub name: Bilingual,
    /// What it processes.
    pub processes: Bilingual,
    /// Whether it keeps the practice's health data: `Yes`, `No` or `Unknown`.
    pub hosts_health_data: Known,
    /// The HDS certificate's number (empty: not given).
    pub hds_number: String,
    /// The HDS certificate's expiry, a calendar date, or `null`.
    pub hds_expires: Option<jiff::civil::Date>,
    /// The clauses of art. 28, in the article's order, each `Present`, `Absent` or `Unknown`.
    pub clauses: Vec<ClauseDoc>,
    /// The contract attached, by fingerprint (its content stays in the vault), or `null`.
    pub contract: Option<ContractDoc>,
    /// The doctor's note.
    pub note: String,
}

/// A clause of art. 28 and whether the contract holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseDoc {
    /// Which clause.
    pub clause: Clause,
    /// As the doctor read the contract.
    pub answer: ClauseAnswer,
}

/// A processor's contract, by fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractDoc {
    /// The file's name when attached.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// SHA-256 of its content, hexadecimal.
    pub sha256: String,
}

/// The record of processing activities as frozen: every activity in the register, each field's text
/// in both languages and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterDoc {
    /// When the doctor last changed the register (`null`: never, all pre-filled).
    pub updated_at: Option<Timestamp>,
    /// The activities, in the register's order.
    pub activities: Vec<ActivityDoc>,
    /// The paragraph the doctor adds to the patients' notice (empty: none).
    pub notice_note: String,
}

/// One activity as frozen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityDoc {
    /// Which activity (`PatientCare`, `Appointments`, `Billing`, `Teleconsultation`, `Imaging`,
    /// `Staff`, `VideoSurveillance`).
    pub kind: ActivityKind,
    /// Its name.
    pub name: Bilingual,
    /// Its fields, in the register's order.
    pub fields: Vec<FieldDoc>,
    /// The checklist items that are its security measures (their answers are the document's `items`).
    pub measures: Vec<String>,
    /// The sources of the pre-filled texts.
    pub sources: Vec<String>,
}

/// One field of an activity as frozen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDoc {
    /// `Purpose`, `LegalBasis`, `Data`, `People`, `Recipients`, `Processors`, `Transfers` or
    /// `Retention`.
    pub field: RegisterField,
    /// `Reference` (the CNIL's framework), `Profile` (the practice's profile) or `Edited` (the
    /// doctor's text, the same in both languages).
    pub origin: Origin,
    /// The text.
    pub text: Bilingual,
}

/// Freezes the register and the processors as the binder shows them on `today`: the doctor's texts
/// where written, else the profile's facts and the reference's texts, in both languages.
pub fn freeze_binder(
    register: &Register,
    processors: &Processors,
    practice: &Profile,
    record: &ChecklistRecord,
    today: jiff::civil::Date,
) -> BinderDoc {
    let fr = processors.list(practice, today, Lang::Fr);
    let en = processors.list(practice, today, Lang::En);
    let frozen = fr
        .iter()
        .zip(&en)
        .map(|(f, e)| ProcessorDoc {
            kind: f.kind,
            role: Bilingual {
                fr: f.role.clone(),
                en: e.role.clone(),
            },
            name: Bilingual {
                fr: f.display_name(Lang::Fr),
                en: e.display_name(Lang::En),
            },
            processes: Bilingual {
                fr: f.processes.clone(),
                en: e.processes.clone(),
            },
            hosts_health_data: f.hosts_health_data,
            hds_number: f.hds_number.clone(),
            hds_expires: f.hds_expires,
            clauses: f
                .clauses
                .iter()
                .map(|(clause, answer)| ClauseDoc {
                    clause: *clause,
                    answer: *answer,
                })
                .collect(),
            contract: f.contract.as_ref().map(|c| ContractDoc {
                name: c.name.clone(),
                size: c.size,
                sha256: c.sha256.clone(),
            }),
            note: f.note.clone(),
        })
        .collect();
    BinderDoc {
        register: freeze_register(register, processors, practice, record),
        processors: frozen,
    }
}

fn freeze_register(
    register: &Register,
    processors: &Processors,
    practice: &Profile,
    record: &ChecklistRecord,
) -> RegisterDoc {
    let fr = register.activities(practice, processors, record, Lang::Fr);
    let en = register.activities(practice, processors, record, Lang::En);
    let activities = fr
        .iter()
        .zip(&en)
        .map(|(f, e)| ActivityDoc {
            kind: f.kind,
            name: Bilingual {
                fr: f.name.clone(),
                en: e.name.clone(),
            },
            fields: f
                .fields
                .iter()
                .zip(&e.fields)
                .map(|((field, tf, origin), (_, te, _))| FieldDoc {
                    field: *field,
                    origin: *origin,
                    text: Bilingual {
                        fr: tf.clone(),
                        en: te.clone(),
                    },
                })
                .collect(),
            measures: f.security.iter().map(|m| m.item.clone()).collect(),
            sources: f.sources.clone(),
        })
        .collect();
    RegisterDoc {
        updated_at: register.updated_at,
        activities,
        notice_note: register.notice_note.clone(),
    }
}

impl ActivityDoc {
    /// The activity as the register's PDF shows it, in `lang`, its measures answered as in `doc`.
    /// The notice is never drawn from a frozen register: its plain texts are left empty.
    pub fn view(&self, doc: &AssessmentDocument, lang: Lang) -> ActivityView {
        let pick = |b: &Bilingual| match lang {
            Lang::Fr => b.fr.clone(),
            Lang::En => b.en.clone(),
        };
        ActivityView {
            kind: self.kind,
            name: pick(&self.name),
            fields: self
                .fields
                .iter()
                .map(|f| (f.field, pick(&f.text), f.origin))
                .collect(),
            plain: None,
            plain_basis: String::new(),
            security: self
                .measures
                .iter()
                .map(|id| SecurityMeasure {
                    item: id.clone(),
                    answer: doc.answer(id).map(|a| a.value),
                })
                .collect(),
            sources: self.sources.clone(),
        }
    }
}

/// Why bytes are not a signed assessment this Vigie can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// Not JSON of the expected shape.
    #[error("not a Vigie assessment document")]
    NotADocument,
    /// A newer layout.
    #[error("assessment document version {0} is newer than this Vigie reads")]
    Newer(u32),
    /// Over [`MAX_DOCUMENT_BYTES`].
    #[error("the file is too large to be an assessment document")]
    TooLarge,
}

/// What a document is frozen from.
pub struct FreezeInput<'a> {
    /// The practice profile.
    pub practice: &'a Profile,
    /// Answers, evidence, plan.
    pub record: &'a ChecklistRecord,
    /// The scans.
    pub scans: &'a ScanHistory,
    /// The signer.
    pub signer: &'a Identity,
    /// The assessment this one follows.
    pub previous: Option<PreviousRef>,
    /// When.
    pub now: Timestamp,
    /// The id's random part.
    pub nonce: u32,
    /// What the document witnesses (version 2); `None` writes a version-1 document.
    pub witnessed: Option<Witnessed>,
    /// The binder's frozen documents (version 3, with `witnessed`).
    pub binder: Option<BinderDoc>,
}

fn percent(score: Option<f64>) -> Option<u32> {
    score.map(scoring::percent)
}

/// Freezes the current state into a document.
pub fn freeze(input: &FreezeInput<'_>) -> AssessmentDocument {
    let catalog = checklist::catalog();
    let scores = scoring::compute(catalog, input.practice, input.record);
    let themes = catalog
        .themes
        .iter()
        .zip(&scores.themes)
        .map(|(t, s)| ThemeScoreDoc {
            id: t.id.clone(),
            title: (&t.title).into(),
            answered: s.answered,
            applicable: s.applicable,
            percent: percent(s.score),
        })
        .collect();
    let items = catalog
        .themes
        .iter()
        .flat_map(|t| catalog.items_of(&t.id))
        .map(|item| ItemDoc {
            id: item.id.clone(),
            theme: item.theme.clone(),
            question: (&item.question).into(),
            applies: applies(&item.applies, input.practice),
            answer: input.record.answers.get(&item.id).map(|a| AnswerDoc {
                value: a.value,
                note: a.note.clone(),
                by: a.by,
                at: a.at,
                carried_over: a.to_review,
            }),
        })
        .collect();
    let evidence = input
        .record
        .evidence
        .iter()
        .map(|e| EvidenceDoc {
            id: e.id,
            item: e.item.clone(),
            name: e.name.clone(),
            size: e.content.len() as u64,
            sha256: e.sha256.clone(),
            added_at: e.added_at,
        })
        .collect();
    let actions = checklist::plan::ordered(catalog, input.record)
        .into_iter()
        .map(|a| ActionDoc {
            item: a.item.clone(),
            kind: a.kind,
            owner: a.owner.clone(),
            due: a.due,
            status: a.status,
            created_at: a.created_at,
            done_at: a.done_at,
        })
        .collect();
    let scan = input.scans.last.as_ref().map(|s| ScanDoc {
        started_at: s.started_at,
        folders: s.roots.len(),
        files_seen: s.summary.files_seen,
        errors: s.summary.errors,
        cancelled: s.summary.cancelled,
        findings: s.counts,
    });
    let date = crate::locale::date_of(input.now);
    AssessmentDocument {
        format: FORMAT.to_owned(),
        version: match (&input.witnessed, &input.binder) {
            (Some(_), Some(_)) => 3,
            (Some(_), None) => 2,
            (None, _) => 1,
        },
        id: format!("{date}-{:08x}", input.nonce),
        completed_at: input.now,
        software: format!("Vigie {}", env!("CARGO_PKG_VERSION")),
        previous: input.previous.clone(),
        practice: input.practice.clone(),
        signer: input.signer.clone(),
        catalog: CatalogRef {
            version: catalog.version,
            sha256: sha256_hex(checklist::catalog::CATALOG_RON.as_bytes()),
        },
        scores: ScoresDoc {
            overall_percent: percent(scores.overall),
            answered: scores.answered,
            applicable: scores.applicable,
            themes,
        },
        items,
        evidence,
        actions,
        scan,
        system_checks: Vec::new(),
        witnessed: input.witnessed.clone(),
        binder: input.witnessed.as_ref().and_then(|_| input.binder.clone()),
    }
}

impl AssessmentDocument {
    /// The document's bytes: JSON, UTF-8, two-space indentation, fields in declaration order, one final
    /// line feed. Called once, when freezing; the bytes are then kept as they are.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing plain structs, strings, numbers and timestamps to memory cannot fail.
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// Reads a document's bytes.
    pub fn parse(bytes: &[u8]) -> Result<Self, DocumentError> {
        if bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(DocumentError::TooLarge);
        }
        #[derive(Deserialize)]
        struct Head {
            format: String,
            version: u32,
        }
        let head: Head = serde_json::from_slice(bytes).or(Err(DocumentError::NotADocument))?;
        if head.format != FORMAT {
            return Err(DocumentError::NotADocument);
        }
        if head.version > VERSION {
            return Err(DocumentError::Newer(head.version));
        }
        let doc: Self = serde_json::from_slice(bytes).or(Err(DocumentError::NotADocument))?;
        // Version 2 is version 1 and `witnessed`, version 3 is version 2 and `binder`: one without the
        // other is not a Vigie document.
        if (doc.version >= 2) != doc.witnessed.is_some()
            || (doc.version >= 3) != doc.binder.is_some()
        {
            return Err(DocumentError::NotADocument);
        }
        Ok(doc)
    }

    /// The answers, evidence (without content) and plan, as the checklist's record: what the report
    /// draws from.
    pub fn record(&self) -> ChecklistRecord {
        ChecklistRecord {
            answers: self
                .items
                .iter()
                .filter_map(|i| {
                    let a = i.answer.as_ref()?;
                    Some((
                        i.id.clone(),
                        Answer {
                            value: a.value,
                            note: a.note.clone(),
                            by: a.by,
                            at: a.at,
                            to_review: a.carried_over,
                            review_reason: None,
                        },
                    ))
                })
                .collect(),
            evidence: self
                .evidence
                .iter()
                .map(|e| Evidence {
                    id: e.id,
                    item: e.item.clone(),
                    name: e.name.clone(),
                    sha256: e.sha256.clone(),
                    added_at: e.added_at,
                    content: std::sync::Arc::from(Vec::new()),
                })
                .collect(),
            actions: self
                .actions
                .iter()
                .map(|a| Action {
                    item: a.item.clone(),
                    kind: a.kind,
                    owner: a.owner.clone(),
                    due: a.due,
                    status: a.status,
                    created_at: a.created_at,
                    done_at: a.done_at,
                })
                .collect(),
            catalog_version: self.catalog.version,
            migrated_from: None,
        }
    }

    /// The answer to an item, if any.
    pub fn answer(&self, item: &str) -> Option<&AnswerDoc> {
        self.items
            .iter()
            .find(|i| i.id == item)
            .and_then(|i| i.answer.as_ref())
    }

    /// How many answers were carried over and not reviewed.
    pub fn carried_over(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.answer.as_ref().is_some_and(|a| a.carried_over))
            .count()
    }
}

/// The SHA-256 of a document's bytes, in hexadecimal: its verification code.
pub fn verification_code(bytes: &[u8]) -> String {
    sha256_hex(bytes)
}

/// The verification code grouped for reading aloud or comparing on paper: 16 groups of 4.
pub fn grouped(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}
