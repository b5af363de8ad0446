//! Each use case: what it records, the journal entry it writes, the action plan kept in step.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use jiff::Timestamp;

use super::*;
use crate::archive::{self, Origin};
use crate::assessment::Role;
use crate::checklist::{ActionKind, ActionStatus};
use crate::practice::PracticeName;
use crate::practice_file::VaultContents;
use crate::scan::{DicomStorage, Identifying, Kind, Risk, Summary};
use crate::system::{CheckId, CheckResult, Status};
use crate::vault::{KdfParams, NewPassphrase};

/// The cheapest key derivation a vault may declare: these tests are about the records.
const CHEAP: KdfParams = KdfParams {
    m_cost_kib: 8 * 1024,
    t_cost: 1,
    p_cost: 1,
};

/// A practice file for "Cabinet du Dr Martin", Dr Martin practising, in `dir`.
fn practice_file(dir: &Path) -> PracticeFile {
    let mut profile = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
    profile.practitioner = "Dr Claire Martin".to_owned();
    let passphrase = NewPassphrase::parse("cheval-agrafe-lune-27", "cheval-agrafe-lune-27", &[])
        .expect("passphrase");
    PracticeFile::create_with_params(
        &dir.join("cabinet.vigie"),
        &passphrase,
        VaultContents::new(profile),
        CHEAP,
    )
    .expect("create")
    .0
}

fn last_event(v: &PracticeFile) -> &JournalEvent {
    &v.contents().journal.last().expect("an entry").event
}

/// An item that applies to every practice.
fn some_item() -> ItemId {
    ItemId::from("workstation.screen-lock")
}

#[test]
fn an_answer_keeps_the_plan_in_step_and_the_note() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = practice_file(dir.path());
    let item = some_item();
    assert!(checklist::catalog().item(item.as_str()).is_some());
    let journal = v.contents().journal.len();
    v.answer(&item, AnswerValue::No, Respondent::Doctor, Timestamp::now());
    let action = |v: &PracticeFile| {
        v.contents()
            .checklist
            .actions
            .iter()
            .find(|a| a.item == item.as_str())
            .cloned()
    };
    let fix = action(&v).expect("a 'no' puts an action on the plan");
    assert_eq!(fix.kind, ActionKind::Fix);
    assert_eq!(fix.status, ActionStatus::Todo);

    v.contents_mut()
        .checklist
        .answers
        .get_mut(item.as_str())
        .expect("answer")
        .note = "Écran verrouillé après 5 min".to_owned();
    v.answer(
        &item,
        AnswerValue::DontKnow,
        Respondent::Doctor,
        Timestamp::now(),
    );
    assert_eq!(action(&v).expect("action").kind, ActionKind::FindOut);

    v.answer(
        &item,
        AnswerValue::Yes,
        Respondent::Doctor,
        Timestamp::now(),
    );
    assert_eq!(
        action(&v).expect("action").status,
        ActionStatus::Done,
        "a 'yes' closes the action"
    );
    let answer = &v.contents().checklist.answers[item.as_str()];
    assert_eq!(answer.value, AnswerValue::Yes);
    assert_eq!(
        answer.note, "Écran verrouillé après 5 min",
        "the note stays"
    );
    assert_eq!(
        v.contents().journal.len(),
        journal,
        "answers are dated in the checklist, not journaled"
    );
}

#[test]
fn an_opening_with_the_recovery_code_is_journaled() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = practice_file(dir.path());
    v.unlocked_with_recovery_code();
    assert_eq!(last_event(&v), &JournalEvent::UnlockedWithRecoveryCode);
}

#[test]
fn a_profile_update_is_journaled_and_the_plan_follows_applicability() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = practice_file(dir.path());
    let item = some_item();
    // An answer given before the plan was brought in step.
    v.contents_mut().checklist.answer(
        item.as_str(),
        AnswerValue::No,
        Respondent::Doctor,
        Timestamp::now(),
    );
    assert!(v.contents().checklist.actions.is_empty());
    let mut profile = v.contents().practice.clone();
    profile.address = "1 rue de la Paix, Paris".to_owned();
    v.update_profile(profile, Timestamp::now());
    assert_eq!(v.contents().practice.address, "1 rue de la Paix, Paris");
    assert!(v.contents().profile_confirmed);
    assert_eq!(last_event(&v), &JournalEvent::ProfileUpdated);
    assert!(
        v.contents()
            .checklist
            .actions
            .iter()
            .any(|a| a.item == item.as_str()),
        "the plan is brought in step"
    );
}

fn check(id: CheckId, status: Status, finding: Finding) -> CheckResult {
    CheckResult {
        id,
        status,
        finding,
        evidence: Vec::new(),
        checked_at: Timestamp::now(),
    }
}

fn report(results: Vec<CheckResult>) -> SystemReport {
    SystemReport {
        checked_at: Timestamp::now(),
        system: "Linux".to_owned(),
        results,
    }
}

#[test]
fn pc_checks_are_journaled_and_a_network_check_not_asked_keeps_its_last_result() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = practice_file(dir.path());
    let exposed = check(
        CheckId::BoxMappings,
        Status::Pass,
        Finding::Unknown {
            reason: Reason::NoGateway,
        },
    );
    v.record_system_checks(report(vec![
        check(
            CheckId::Firewall,
            Status::Fail,
            Finding::FirewallOff {
                name: "ufw".to_owned(),
            },
        ),
        exposed.clone(),
    ]));
    assert_eq!(last_event(&v), &JournalEvent::SystemChecked);
    let not_asked = Finding::Unknown {
        reason: Reason::NotRequested,
    };
    v.record_system_checks(report(vec![
        check(
            CheckId::Firewall,
            Status::Pass,
            Finding::FirewallOn {
                name: "ufw".to_owned(),
            },
        ),
        check(CheckId::BoxMappings, Status::Unknown, not_asked),
    ]));
    let system = &v.contents().system;
    let last = system.last.as_ref().expect("last run");
    assert_eq!(
        last.result(CheckId::Firewall).expect("firewall").finding,
        Finding::FirewallOn {
            name: "ufw".to_owned(),
        }
    );
    assert_eq!(
        last.result(CheckId::BoxMappings).expect("box"),
        &exposed,
        "kept from the run that asked"
    );
    assert_eq!(system.earlier.len(), 1, "the first run kept as counts");
    let checked = v
        .contents()
        .journal
        .iter()
        .filter(|e| e.event == JournalEvent::SystemChecked)
        .count();
    assert_eq!(checked, 2);
}

#[test]
fn a_confirmed_proposal_is_answered_noted_settled_and_planned() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = practice_file(dir.path());
    let item = ItemId::from("box.local-firewall");
    assert!(
        !v.confirm_proposal(&item, AnswerValue::No, "note", Timestamp::now()),
        "nothing to confirm before a PC check"
    );
    assert!(v.contents().checklist.answers.is_empty());

    v.record_system_checks(report(vec![check(
        CheckId::Firewall,
        Status::Fail,
        Finding::FirewallOff {
            name: "ufw".to_owned(),
        },
    )]));
    assert!(v.confirm_proposal(
        &item,
        AnswerValue::No,
        "D'après le contrôle du PC",
        Timestamp::now()
    ));
    let c = v.contents();
    let answer = &c.checklist.answers[item.as_str()];
    assert_eq!(answer.value, AnswerValue::No);
    assert_eq!(answer.by, Respondent::Doctor);
    assert_eq!(answer.note, "D'après le contrôle du PC");
    assert!(c.system.settled.contains_key(item.as_str()));
    assert!(c.checklist.actions.iter().any(|a| a.item == item.as_str()));

    // A note already written is kept.
    v.contents_mut()
        .checklist
        .answers
        .get_mut(item.as_str())
        .expect("answer")
        .note = "Pare-feu du fournisseur".to_owned();
    v.confirm_proposal(&item, AnswerValue::Yes, "autre note", Timestamp::now());
    assert_eq!(
        v.contents().checklist.answers[item.as_str()].note,
        "Pare-feu du fournisseur"
    );
}

fn finding(path: &Path) -> crate::scan::Finding {
    crate::scan::Finding {
        path: path.to_path_buf(),
        kind: Kind::Dicom {
            storage: DicomStorage::Part10,
        },
        identifying: Identifying {
            name: true,
            ..Identifying::default()
        },
        deidentified: false,
        header_unreadable: false,
        modality: None,
        study_date: None,
        encrypted: false,
        volume_encrypted: None,
        cloud_sync: None,
        removable: false,
        risk: Risk::High,
        size: 4,
    }
}

fn scan_of(files: &[PathBuf]) -> ScanRecord {
    ScanRecord::new(
        Timestamp::now(),
        &[],
        Summary::default(),
        files.iter().map(|f| finding(f)).collect(),
        Vec::new(),
    )
}

#[test]
fn a_scan_is_journaled_and_the_one_before_kept_as_a_digest() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = practice_file(dir.path());
    v.record_scan(scan_of(&[dir.path().join("a.dcm")]));
    assert_eq!(last_event(&v), &JournalEvent::Scanned);
    v.record_scan(scan_of(&[]));
    let scans = &v.contents().scans;
    assert_eq!(scans.last.as_ref().expect("last").findings.len(), 0);
    assert_eq!(scans.earlier.len(), 1);
    assert_eq!(scans.earlier[0].counts.high, 1);
}

#[test]
fn signing_is_journaled_and_refused_without_random_numbers_or_a_practitioner() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = practice_file(dir.path());
    let before = v.contents().clone();
    assert!(matches!(
        v.sign_with_nonce(Timestamp::now(), None),
        Err(SignError::Random)
    ));
    assert_eq!(v.contents(), &before, "nothing changed");

    let signed = v.sign_assessment(Timestamp::now()).expect("signed");
    assert_eq!(signed.signatures.len(), 1, "the doctor's signature");
    assert_eq!(last_event(&v), &JournalEvent::AssessmentSigned);
    assert_eq!(v.contents().assessments.signed.len(), 1);

    let mut nameless = v.contents().practice.clone();
    nameless.practitioner = String::new();
    v.contents_mut().practice = nameless;
    let journal = v.contents().journal.len();
    assert!(matches!(
        v.sign_assessment(Timestamp::now()),
        Err(SignError::NoPractitioner)
    ));
    assert_eq!(v.contents().journal.len(), journal);
    assert_eq!(v.contents().assessments.signed.len(), 1);
}

#[test]
fn countersigning_and_importing_are_journaled_once_each() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = practice_file(dir.path());
    let id = v
        .sign_assessment(Timestamp::now())
        .expect("signed")
        .id
        .clone();
    let dpo = Signer::generate("Jean Dupont", Role::Consultant, "DPO Conseil").expect("key");
    let missing = v.countersign_assessment("no-such-id", &dpo, Timestamp::now());
    assert!(matches!(missing, Err(SignError::NoSuchAssessment)));
    v.countersign_assessment(&id, &dpo, Timestamp::now())
        .expect("countersigned");
    assert_eq!(last_event(&v), &JournalEvent::AssessmentCountersigned);
    let journal = v.contents().journal.len();
    assert!(matches!(
        v.countersign_assessment(&id, &dpo, Timestamp::now()),
        Err(SignError::AlreadySigned)
    ));
    assert_eq!(
        v.contents().journal.len(),
        journal,
        "a refusal is not journaled"
    );

    // A second consultant's signature, brought back in a bundle.
    let other = Signer::generate("Anne Roux", Role::Consultant, "Infogérance").expect("key");
    let mut set = v
        .contents()
        .assessments
        .last()
        .expect("signed")
        .signature_set();
    set.countersign(&other, Timestamp::now())
        .expect("countersigned");
    assert_eq!(v.import_countersignatures(&set).expect("imported"), 1);
    assert_eq!(last_event(&v), &JournalEvent::AssessmentCountersigned);
    assert_eq!(v.contents().journal.len(), journal + 1);
    assert_eq!(
        v.contents()
            .assessments
            .last()
            .expect("signed")
            .signatures
            .len(),
        3
    );
    assert!(v.import_countersignatures(&set).is_err(), "nothing new");
    assert_eq!(v.contents().journal.len(), journal + 1);
    set.id = "other".to_owned();
    assert!(matches!(
        v.import_countersignatures(&set),
        Err(SignError::OtherAssessment)
    ));
}

fn evidence_of(record: &ArchiveRecord) -> EvidenceFile {
    EvidenceFile {
        name: format!("archive-{}.txt", record.files),
        content: record.manifest_sha256.clone().into_bytes(),
    }
}

fn make_archive(v: &mut PracticeFile, plan: &archive::Plan, out: &Path) -> Archived {
    let in_use = v.practice_archive_key().expect("key");
    let origin = Origin {
        practice: "Cabinet du Dr Martin".to_owned(),
        at: Timestamp::now(),
    };
    archive::encrypt(
        plan,
        &in_use.key,
        out,
        &origin,
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .expect("archive")
}

#[test]
fn an_archive_is_recorded_with_its_evidence_and_the_scans_note() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = practice_file(dir.path());
    assert!(
        checklist::catalog().item(ARCHIVE_EVIDENCE_ITEM).is_some(),
        "the evidence's item is in the catalog"
    );
    let key = v.contents().archives.key.clone();
    let in_use = v.practice_archive_key().expect("key");
    assert!(!in_use.made_now, "a new vault has its key");
    assert_eq!(v.contents().archives.key, key);

    let images = dir.path().join("Examens");
    std::fs::create_dir_all(&images).expect("mkdir");
    let files = [images.join("IM1.dcm"), images.join("IM2.dcm")];
    for f in &files {
        std::fs::write(f, b"DICM").expect("write");
    }
    std::fs::write(images.join("notes.txt"), b"rien").expect("write");
    v.record_scan(scan_of(&files));
    let scan_started_at = v.contents().scans.last.as_ref().expect("scan").started_at;

    // The scan's findings, as the window picks them.
    let archived = make_archive(
        &mut v,
        &archive::plan_files(&files),
        &dir.path().join("a.age"),
    );
    let evidence = v
        .record_archive(&archived, KeyKind::Identity, evidence_of)
        .expect("evidence attached");
    let c = v.contents();
    let record = c.archives.last().expect("record");
    assert_eq!(
        record.source,
        ArchiveSource::ScanFindings { scan_started_at }
    );
    assert_eq!((record.files, record.key), (2, KeyKind::Identity));
    let attached = c
        .checklist
        .evidence
        .iter()
        .find(|e| e.id == evidence)
        .expect("evidence");
    assert_eq!(attached.item, ARCHIVE_EVIDENCE_ITEM);
    assert_eq!(attached.name, "archive-2.txt");
    assert_eq!(&*attached.content, record.manifest_sha256.as_bytes());
    let notes = &c.scans.last.as_ref().expect("scan").archived;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].findings, vec![0, 1]);
    assert_eq!(notes[0].at, record.created_at);
    assert_eq!(last_event(&v), &JournalEvent::ArchiveCreated);

    // The folder, as chosen on the command line: more than the findings.
    let archived = make_archive(
        &mut v,
        &archive::plan(std::slice::from_ref(&images)).expect("plan"),
        &dir.path().join("b.age"),
    );
    v.record_archive(&archived, KeyKind::Identity, evidence_of)
        .expect("evidence");
    let c = v.contents();
    let record = c.archives.last().expect("record");
    assert_eq!(record.source, ArchiveSource::Chosen);
    assert_eq!(record.files, 3);
    let notes = &c.scans.last.as_ref().expect("scan").archived;
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[1].findings, vec![0, 1], "the findings it holds");
    assert_eq!(c.checklist.evidence.len(), 2);

    // The removal of the originals, on the record and on the note.
    let removal = archive::remove_originals(&archived, &AtomicBool::new(false), &mut |_| {})
        .expect("removed");
    assert_eq!(removal.removed, 3);
    v.record_originals_removed(archived.manifest.created_at, &removal);
    let c = v.contents();
    assert_eq!(c.archives.last().expect("record").originals_removed, 3);
    assert_eq!(c.archives.records[0].originals_removed, 0);
    let notes = &c.scans.last.as_ref().expect("scan").archived;
    assert_eq!(
        (notes[0].originals_removed, notes[1].originals_removed),
        (0, 3)
    );
    assert_eq!(last_event(&v), &JournalEvent::ArchiveOriginalsRemoved);
}

#[test]
fn an_archive_without_a_scan_is_of_chosen_files_and_a_broken_key_is_made_again() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = practice_file(dir.path());
    v.contents_mut().archives.key = None;
    let in_use = v.practice_archive_key().expect("key");
    assert!(in_use.made_now, "made now: to save before encrypting to it");
    assert!(!v.practice_archive_key().expect("key").made_now);

    let file = dir.path().join("lettre.pdf");
    std::fs::write(&file, b"%PDF").expect("write");
    let archived = make_archive(
        &mut v,
        &archive::plan(std::slice::from_ref(&file)).expect("plan"),
        &dir.path().join("c.age"),
    );
    v.record_archive(&archived, KeyKind::Identity, evidence_of)
        .expect("evidence");
    let c = v.contents();
    assert_eq!(
        c.archives.last().expect("record").source,
        ArchiveSource::Chosen
    );
    assert!(c.scans.last.is_none());
    assert_eq!(c.checklist.evidence.len(), 1);
}

#[test]
fn register_edits_are_kept_and_journaled() {
    use crate::binder::{ActivityKind, RegisterField};
    let dir = tempfile::tempdir().expect("tmp");
    let mut v = practice_file(dir.path());
    let at = Timestamp::UNIX_EPOCH;
    v.edit_register(
        ActivityKind::Billing,
        RegisterField::Retention,
        "10 ans",
        at,
    );
    assert_eq!(last_event(&v), &JournalEvent::RegisterEdited);
    v.include_register_activity(ActivityKind::Teleconsultation, Some(true), at);
    v.set_notice_note("  Affiché en salle d'attente.  ", at);
    let r = &v.contents().register;
    assert_eq!(
        r.edits[&ActivityKind::Billing][&RegisterField::Retention],
        "10 ans"
    );
    assert_eq!(r.included.get(&ActivityKind::Teleconsultation), Some(&true));
    assert_eq!(r.notice_note, "Affiché en salle d'attente.");
    let registered = v
        .contents()
        .journal
        .iter()
        .filter(|e| e.event == JournalEvent::RegisterEdited)
        .count();
    assert_eq!(registered, 3);
    // Kept through the vault's encoding.
    let back =
        crate::practice_file::decode(&crate::practice_file::encode(v.contents()).expect("encode"))
            .expect("decode");
    assert_eq!(back.register, v.contents().register);
}

#[test]
fn processor_changes_are_kept_journaled_and_a_refusal_changes_nothing() {
    use crate::binder::processors::ProcessorError;
    use crate::binder::{Clause, ClauseAnswer};
    use crate::checklist::record::EvidenceError;
    let dir = tempfile::tempdir().expect("tmp");
    let mut v = practice_file(dir.path());
    let at = Timestamp::UNIX_EPOCH;
    let soft = ProcessorId::Profile(Source::RecordsSoftware);
    v.edit_processor(
        soft,
        ProcessorEdit::Clause(Clause::Instructions, ClauseAnswer::Present),
        at,
    )
    .expect("clause");
    assert_eq!(last_event(&v), &JournalEvent::ProcessorsEdited);
    let added = v
        .add_processor(ProcessorKind::Teleradiology, "Télérad Exemple", at)
        .expect("add");
    v.attach_processor_contract(
        added,
        "contrat.pdf",
        crate::digest::Hashed::new(b"%PDF contrat".to_vec()),
        at,
    )
    .expect("attach");
    let journaled = |v: &PracticeFile| {
        v.contents()
            .journal
            .iter()
            .filter(|e| e.event == JournalEvent::ProcessorsEdited)
            .count()
    };
    assert_eq!(journaled(&v), 3);
    // Refused: nothing changes, nothing is journaled.
    let before = v.contents().processors.clone();
    assert_eq!(
        v.attach_processor_contract(soft, "vide.pdf", crate::digest::Hashed::new(Vec::new()), at),
        Err(ProcessorError::Contract(EvidenceError::Empty))
    );
    assert_eq!(
        v.edit_processor(ProcessorId::Added(9), ProcessorEdit::Note("x".into()), at),
        Err(ProcessorError::NoSuchProcessor)
    );
    assert_eq!(
        v.add_processor(ProcessorKind::Other, " ", at),
        Err(ProcessorError::EmptyName)
    );
    assert_eq!(v.contents().processors, before);
    assert_eq!(journaled(&v), 3);
    // Removed and restored.
    v.remove_processor(soft, at).expect("remove");
    v.restore_processor(Source::RecordsSoftware, at);
    v.restore_processor(Source::RecordsSoftware, at);
    assert_eq!(journaled(&v), 5, "restoring what is there journals nothing");
    // Kept through the vault's encoding, the contract's bytes included.
    let back =
        crate::practice_file::decode(&crate::practice_file::encode(v.contents()).expect("encode"))
            .expect("decode");
    assert_eq!(back.processors, v.contents().processors);
    assert_eq!(
        back.processors.contract(added).map(|c| &c.content[..]),
        Some(&b"%PDF contrat"[..])
    );
    assert_eq!(back.schema, crate::practice_file::SCHEMA_VERSION);
}
