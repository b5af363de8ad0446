//! The golden vaults (`tests/data/golden/`, see its README): one per contents schema, each made once and
//! kept as a file. Each must open in every later version, with the same contents field by field. If a
//! test here fails after a change of the contents' schema, the change breaks old vaults: add fields with
//! `#[serde(default)]` instead (or a migration), never edit or remake a golden file.

use std::path::{Path, PathBuf};

use crate::common::{PASSPHRASE, create_vault_with};
use vigie::practice_file::{JournalEvent, PracticeFile};
use vigie::vault::Unlock;

fn golden() -> PathBuf {
    golden_file("vault-v1.vigie")
}

fn golden_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/golden")
        .join(name)
}

/// The golden file `name`, copied into a fresh folder (opening never writes, but a test must not lock
/// or touch the repository's file) and opened with the test passphrase.
fn open_golden(name: &str) -> (tempfile::TempDir, PracticeFile) {
    let dir = crate::common::temp_dir();
    let copy = dir.path().join(name);
    std::fs::copy(golden_file(name), &copy).expect("copy");
    let v = PracticeFile::open(&copy, Unlock::Passphrase(PASSPHRASE)).expect("opens");
    (dir, v)
}

/// Makes the golden file (run once, by hand: `cargo test --test it golden:: -- --ignored`); never run
/// again for an existing version: the file is the test.
#[test]
#[expect(
    clippy::print_stdout,
    reason = "run by hand: it prints what the check must be given"
)]
#[ignore = "writes tests/data/golden/vault-v1.vigie; run by hand only for a new format version"]
fn make_the_golden_vault_v1() {
    let path = golden();
    assert!(!path.exists(), "the golden file exists: it is never remade");
    let mut contents = vigie::demo::demo_contents();
    for event in [
        JournalEvent::Scanned,
        JournalEvent::PassphraseChanged,
        JournalEvent::UnlockedWithRecoveryCode,
    ] {
        contents.record(event);
    }
    drop(create_vault_with(&path, contents));
    let v = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("opens");
    // What the check below must then be given.
    println!("{:#?}", v.contents());
}

#[test]
fn the_golden_vault_v1_opens_with_its_contents() {
    let path = golden();
    let info = vigie::vault::inspect(&path).expect("a vault");
    assert_eq!(info.version, 1);
    // A copy: opening never writes, but the test must not lock or touch the repository's file.
    let dir = crate::common::temp_dir();
    let copy = dir.path().join("vault-v1.vigie");
    std::fs::copy(&path, &copy).expect("copy");
    let v = PracticeFile::open(&copy, Unlock::Passphrase(PASSPHRASE)).expect("opens");
    assert_eq!(v.format_version(), 1);
    let c = v.contents();
    assert_eq!(c.schema, 1);
    assert_eq!(c.practice.name.as_str(), GOLDEN_PRACTICE);
    assert!(c.demo);
    assert_eq!(c.created_at.to_string(), GOLDEN_CREATED_AT);

    // The journal, in order.
    let events: Vec<&JournalEvent> = c.journal.iter().map(|e| &e.event).collect();
    assert_eq!(events, GOLDEN_JOURNAL.iter().collect::<Vec<_>>());

    // The answers, given on catalog v1, brought to this catalog when opened: every one kept; the split
    // questions answered twice, "to review" with the reason; the moved ones under their new ids.
    assert_eq!(c.checklist.migrated_from, Some(1));
    assert_eq!(
        c.checklist.answered_on(),
        vigie::checklist::catalog::CATALOG_VERSION
    );
    assert_eq!(
        c.checklist.answers.len(),
        GOLDEN_ANSWERS + GOLDEN_SPLIT_ANSWERS
    );
    for id in c.checklist.answers.keys() {
        assert!(vigie::checklist::catalog().item(id).is_some(), "{id}");
    }
    for (id, value) in GOLDEN_MIGRATED {
        let a = &c.checklist.answers[*id];
        assert_eq!(format!("{:?}", a.value), *value, "answer to {id}");
        assert!(a.to_review && a.review_reason.is_some(), "{id} to review");
    }
    for a in &c.checklist.actions {
        assert!(
            vigie::checklist::catalog().item(&a.item).is_some(),
            "{}",
            a.item
        );
    }
    for (id, value) in GOLDEN_SOME_ANSWERS {
        assert_eq!(
            format!("{:?}", c.checklist.answers[*id].value),
            *value,
            "answer to {id}"
        );
    }
    assert_eq!(c.checklist.actions.len(), GOLDEN_ACTIONS);

    // The evidence files: names, hashes, and bytes that still hash to them.
    let evidence: Vec<(&str, &str)> = c
        .checklist
        .evidence
        .iter()
        .map(|e| (e.name.as_str(), e.sha256.as_str()))
        .collect();
    assert_eq!(evidence, GOLDEN_EVIDENCE);
    for e in &c.checklist.evidence {
        assert_eq!(vigie::digest::sha256_hex(&e.content), e.sha256);
    }

    // The last scan: its counts and findings.
    let scan = c.scans.last.as_ref().expect("a scan");
    let counts = scan.counts();
    assert_eq!(
        (counts.high, counts.medium, counts.low, counts.none),
        GOLDEN_SCAN_COUNTS
    );
    assert_eq!(scan.findings.len(), GOLDEN_SCAN_FINDINGS);
    assert_eq!(scan.summary.files_seen, GOLDEN_SCAN_FILES_SEEN);
}

// What the golden file holds (the demo practice of its time, and three more journal events).
const GOLDEN_PRACTICE: &str = "Cabinet de radiologie du Dr Lefèvre (démonstration)";
const GOLDEN_CREATED_AT: &str = "2026-12-01T12:07:52.2391323Z";
const GOLDEN_JOURNAL: &[JournalEvent] = &[
    JournalEvent::Created,
    JournalEvent::ProfileUpdated,
    JournalEvent::Scanned,
    JournalEvent::PassphraseChanged,
    JournalEvent::UnlockedWithRecoveryCode,
];
const GOLDEN_ANSWERS: usize = 47;
const GOLDEN_SOME_ANSWERS: &[(&str, &str)] = &[
    ("accounts.default-passwords", "Yes"),
    ("accounts.leavers-review", "Partly"),
    ("accounts.named-accounts", "Yes"),
];
const GOLDEN_ACTIONS: usize = 21;
/// The v1 questions split in two in v2 and answered in the golden vault (box.admin-password, box.wifi,
/// box.local-firewall, workstation.usb, workstation.mobile-devices, accounts.password-policy,
/// accounts.leavers-review, physical.premises, workstation.disposal, updates.software-updates,
/// updates.access-logs, physical.alarm-equipment); governance.it-charter is not answered there.
const GOLDEN_SPLIT_ANSWERS: usize = 12;
/// Answers carried to a new or changed item, "to review", with the v1 value.
const GOLDEN_MIGRATED: &[(&str, &str)] = &[
    ("box.admin-password", "Yes"),
    ("box.remote-admin", "Yes"),
    ("box.wifi", "Yes"),
    ("box.guest-wifi", "Yes"),
    ("workstation.usb", "No"),
    ("workstation.autoplay", "No"),
    ("accounts.lockout", "Partly"),
    ("workstation.remote-maintenance", "Yes"),
    ("hosting.it-provider-contract", "Yes"),
    ("hosting.hds", "Yes"),
];
const GOLDEN_EVIDENCE: &[(&str, &str)] = &[(
    "certificat-hds-demo.txt",
    "6af26476329fc741cf4b9aa78c6c66dc695fc78ba0df245861be828c3d3dcb1c",
)];
const GOLDEN_SCAN_COUNTS: (u64, u64, u64, u64) = (6, 2, 0, 1);
const GOLDEN_SCAN_FINDINGS: usize = 9;
const GOLDEN_SCAN_FILES_SEEN: u64 = 48213;

// ---- Schemas 2 and 3 ------------------------------------------------------------------------------

/// The golden vault of schema 2 (signed assessments and the breach register, no archive key, answers on
/// catalog v1).
const SCHEMA_2: &str = "vault-v1-schema2.vigie";
/// The golden vault of schema 3 (catalog v2, archives, PC checks).
const SCHEMA_3: &str = "vault-v1-schema3.vigie";

/// Makes the golden file of schema 2 (run once, by hand, like the v1 one). Its contents are written as
/// a Vigie of schema 2 wrote them: the schema-1 RON of `vault-v1.vigie` exactly as it is stored (the
/// answers on catalog v1, no catalog version, no archive or PC-check field), with `schema:2` and the
/// two fields schema 2 added, `assessments` and `breaches` (the demo's signed assessment and breach
/// register, whose types and serialization have not changed since schema 2), appended in their
/// place. A Vigie of schema 2 saving the v1 golden vault writes these same bytes.
#[test]
#[ignore = "writes tests/data/golden/vault-v1-schema2.vigie; run by hand only for a new schema"]
fn make_the_golden_vault_schema_2() {
    let path = golden_file(SCHEMA_2);
    assert!(!path.exists(), "the golden file exists: it is never remade");
    let dir = crate::common::temp_dir();
    let v1 = dir.path().join("vault-v1.vigie");
    std::fs::copy(golden(), &v1).expect("copy");
    let (_, plaintext) =
        vigie::vault::Vault::open(&v1, Unlock::Passphrase(PASSPHRASE)).expect("opens");
    let text = std::str::from_utf8(&plaintext).expect("RON");
    let body = text
        .strip_prefix("(schema:1,")
        .and_then(|t| t.strip_suffix(')'))
        .expect("the schema-1 RON");
    let demo = vigie::demo::demo_contents();
    let assessments = ron::to_string(&demo.assessments).expect("RON");
    let breaches = ron::to_string(&demo.breaches).expect("RON");
    let schema_2 = format!("(schema:2,{body},assessments:{assessments},breaches:{breaches})");
    drop(
        vigie::vault::Vault::create_with_params(
            &path,
            &crate::common::new_passphrase(PASSPHRASE),
            schema_2.as_bytes(),
            crate::common::TEST_KDF,
        )
        .expect("create"),
    );
    let (_, v) = open_golden(SCHEMA_2);
    print_facts(v.contents());
}

/// Makes the golden file of schema 3 (run once, by hand): the demo practice as this build makes it.
#[test]
#[ignore = "writes tests/data/golden/vault-v1-schema3.vigie; run by hand only for a new schema"]
fn make_the_golden_vault_schema_3() {
    let path = golden_file(SCHEMA_3);
    assert!(!path.exists(), "the golden file exists: it is never remade");
    drop(create_vault_with(&path, vigie::demo::demo_contents()));
    let (_, v) = open_golden(SCHEMA_3);
    print_facts(v.contents());
}

/// The golden vault of schema 4 (the record of processing activities: the doctor's edits).
const SCHEMA_4: &str = "vault-v1-schema4.vigie";

/// Makes the golden file of schema 4 (run once, by hand): the demo practice as this build makes it,
/// with edits to its record of processing activities (what schema 4 added).
#[test]
#[ignore = "writes tests/data/golden/vault-v1-schema4.vigie; run by hand only for a new schema"]
fn make_the_golden_vault_schema_4() {
    use vigie::binder::{ActivityKind, RegisterField};
    let path = golden_file(SCHEMA_4);
    assert!(!path.exists(), "the golden file exists: it is never remade");
    let mut c = vigie::demo::demo_contents();
    c.register
        .edits
        .entry(ActivityKind::Appointments)
        .or_default()
        .insert(RegisterField::Purpose, SCHEMA_4_EDIT.to_owned());
    c.register
        .included
        .insert(ActivityKind::VideoSurveillance, false);
    c.register.notice_note = SCHEMA_4_NOTE.to_owned();
    c.register.updated_at = Some("2026-12-07T06:00:00Z".parse().expect("time"));
    drop(create_vault_with(&path, c));
    let (_, v) = open_golden(SCHEMA_4);
    print_facts(v.contents());
}

/// The golden vault of schema 4 opens with its register's edits, and the rest as schema 3 holds it.
#[test]
fn the_golden_vault_of_schema_4_opens_with_its_contents() {
    use vigie::binder::{ActivityKind, RegisterField};
    let (_dir, v) = open_golden(SCHEMA_4);
    assert_eq!(v.format_version(), 1);
    let c = v.contents();
    assert_eq!(c.schema, 4);
    assert_eq!(c.practice.name.as_str(), GOLDEN_PRACTICE);
    assert!(c.demo && c.profile_confirmed);
    assert_eq!(c.checklist.catalog_version, 3);
    for id in c.checklist.answers.keys() {
        assert!(vigie::checklist::catalog().item(id).is_some(), "{id}");
    }
    let head = c.breaches.verify().expect("the chain holds");
    assert_eq!(head.count, SCHEMA_4_EVENTS);
    assert!(c.archives.key.is_some());
    assert!(c.system.last.is_some());
    // What schema 4 added.
    assert_eq!(
        c.register
            .edits
            .get(&ActivityKind::Appointments)
            .and_then(|e| e.get(&RegisterField::Purpose))
            .map(String::as_str),
        Some(SCHEMA_4_EDIT)
    );
    assert_eq!(
        c.register.included.get(&ActivityKind::VideoSurveillance),
        Some(&false)
    );
    assert_eq!(c.register.notice_note, SCHEMA_4_NOTE);
    assert_eq!(
        c.register.updated_at.map(|t| t.to_string()).as_deref(),
        Some("2026-12-07T06:00:00Z")
    );
}

const SCHEMA_4_EDIT: &str = "Prise de rendez-vous par téléphone et en ligne (éditeur de l'agenda)";
const SCHEMA_4_EVENTS: u64 = 14;
const SCHEMA_4_NOTE: &str = "Le cabinet ne filme pas la salle d'attente.";

/// The golden vault of schema 5 (the processors: what the doctor entered, their contracts).
const SCHEMA_5: &str = "vault-v1-schema5.vigie";

/// Makes the golden file of schema 5 (run once, by hand): the demo practice as this build makes it,
/// its processors completed from the contracts (what schema 5 added).
#[test]
#[ignore = "writes tests/data/golden/vault-v1-schema5.vigie; run by hand only for a new schema"]
#[expect(
    clippy::print_stdout,
    reason = "run by hand: says what the check must be given"
)]
fn make_the_golden_vault_schema_5() {
    let path = golden_file(SCHEMA_5);
    assert!(!path.exists(), "the golden file exists: it is never remade");
    drop(create_vault_with(&path, vigie::demo::demo_contents()));
    let (_, v) = open_golden(SCHEMA_5);
    print_facts(v.contents());
    println!("{:#?}", v.contents().processors);
}

/// The golden vault of schema 5 opens with its processors as entered, the contract's bytes matching
/// their SHA-256.
#[test]
fn the_golden_vault_of_schema_5_opens_with_its_processors() {
    use sha2::Digest as _;
    let (_dir, v) = open_golden(SCHEMA_5);
    assert_eq!(v.format_version(), 1);
    let c = v.contents();
    assert_eq!(c.schema, 5);
    assert_eq!(c.practice.name.as_str(), GOLDEN_PRACTICE);
    c.breaches.verify().expect("the chain holds");
    let p = &c.processors;
    assert_eq!(p.entries.len(), SCHEMA_5_ENTRIES, "{p:#?}");
    let host = p
        .entries
        .iter()
        .find(|e| e.hds_number == SCHEMA_5_HDS)
        .expect("the host's HDS certificate");
    assert_eq!(
        host.hds_expires.map(|d| d.to_string()).as_deref(),
        Some(SCHEMA_5_HDS_EXPIRES)
    );
    let contract = host.contract.as_ref().expect("the host's contract");
    assert_eq!(contract.sha256, SCHEMA_5_CONTRACT);
    assert_eq!(
        hex::encode(sha2::Sha256::digest(&contract.content[..])),
        contract.sha256,
        "the contract's bytes are the ones hashed"
    );
    assert!(!host.clauses.is_empty(), "the clauses ticked");
}

const SCHEMA_5_ENTRIES: usize = 2;
const SCHEMA_5_HDS: &str = "HDS-FICTIF-2024-017";
const SCHEMA_5_HDS_EXPIRES: &str = "2027-02-05";
const SCHEMA_5_CONTRACT: &str = "dfbaae0610083ffb3250b040d0f8910873a6d47f0f253e11d0e4e60d9e993291";

/// What the checks below must be given.
#[expect(clippy::print_stdout, reason = "run by hand by the makers above")]
fn print_facts(c: &vigie::practice_file::VaultContents) {
    println!(
        "schema {} created {} journal {}",
        c.schema,
        c.created_at,
        c.journal.len()
    );
    println!(
        "answers {} actions {} catalog {} migrated {:?}",
        c.checklist.answers.len(),
        c.checklist.actions.len(),
        c.checklist.catalog_version,
        c.checklist.migrated_from
    );
    for s in &c.assessments.signed {
        let set = s.signature_set();
        println!(
            "signed {} code {} signers {}",
            s.id,
            vigie::assessment::document::verification_code(&set.document),
            s.signatures.len()
        );
    }
    if let Some(k) = &c.assessments.doctor_key {
        println!("doctor key {}", k.identity.fingerprint());
    }
    let head = c.breaches.verify().expect("the chain holds");
    println!(
        "breaches {} events {} head {}",
        c.breaches.breaches().len(),
        head.count,
        head.hash_hex()
    );
    for b in c.breaches.breaches() {
        println!("breach {} {}", b.id, b.title);
    }
    println!(
        "archive key {:?} archives {}",
        c.archives
            .key
            .as_ref()
            .map(vigie::archive::PracticeArchiveKey::recipient),
        c.archives.records.len()
    );
    println!(
        "system {:?}",
        c.system.last.as_ref().map(|r| r.results.len())
    );
    if let Some(scan) = &c.scans.last {
        let n = scan.counts();
        println!(
            "scan {} {} {} {} findings {} archived {}",
            n.high,
            n.medium,
            n.low,
            n.none,
            scan.findings.len(),
            scan.archived.len()
        );
    }
}

/// Every signed assessment of `c` verifies with the keys it lists; their verification codes.
fn verified_codes(c: &vigie::practice_file::VaultContents) -> Vec<String> {
    c.assessments
        .signed
        .iter()
        .map(|s| {
            let set = s.signature_set();
            let check = vigie::assessment::verify::verify(&set.files(), &set.document_name());
            assert!(check.is_valid(), "{:?}", check.problems);
            vigie::assessment::document::verification_code(&set.document)
        })
        .collect()
}

#[test]
fn the_golden_vault_of_schema_2_opens_with_its_contents() {
    let (_dir, v) = open_golden(SCHEMA_2);
    assert_eq!(v.format_version(), 1);
    let c = v.contents();
    assert_eq!(c.schema, 2);
    // The schema-1 part, as in vault-v1.vigie.
    assert_eq!(c.practice.name.as_str(), GOLDEN_PRACTICE);
    assert_eq!(c.created_at.to_string(), GOLDEN_CREATED_AT);
    let events: Vec<&JournalEvent> = c.journal.iter().map(|e| &e.event).collect();
    assert_eq!(events, GOLDEN_JOURNAL.iter().collect::<Vec<_>>());
    // Answers on catalog v1 (schema 2 knew no other), brought to this catalog when opened.
    assert_eq!(c.checklist.migrated_from, Some(1));
    assert_eq!(
        c.checklist.answers.len(),
        GOLDEN_ANSWERS + GOLDEN_SPLIT_ANSWERS
    );
    for (id, value) in GOLDEN_MIGRATED {
        assert_eq!(
            format!("{:?}", c.checklist.answers[*id].value),
            *value,
            "{id}"
        );
    }
    // What schema 2 added: the signed assessment, still valid, and the breach register, its chain whole.
    assert_eq!(verified_codes(c), SCHEMA_2_CODES);
    let key = c.assessments.doctor_key.as_ref().expect("the doctor's key");
    assert_eq!(key.identity.fingerprint(), SCHEMA_2_DOCTOR_KEY);
    assert!(key.signer().is_some(), "the doctor's key still signs");
    let head = c.breaches.verify().expect("the chain holds");
    assert_eq!((head.count, head.hash_hex().as_str()), SCHEMA_2_HEAD);
    let titles: Vec<String> = c.breaches.breaches().into_iter().map(|b| b.title).collect();
    assert_eq!(titles, SCHEMA_BREACH_TITLES);
    // Nothing of schema 3.
    assert!(c.archives.key.is_none() && c.archives.records.is_empty());
    assert!(c.system.last.is_none());
}

#[test]
fn the_golden_vault_of_schema_3_opens_with_its_contents() {
    let (_dir, v) = open_golden(SCHEMA_3);
    assert_eq!(v.format_version(), 1);
    let c = v.contents();
    assert_eq!(c.schema, 3);
    assert_eq!(c.practice.name.as_str(), GOLDEN_PRACTICE);
    assert!(c.demo && c.profile_confirmed);
    assert_eq!(c.created_at.to_string(), SCHEMA_3_CREATED_AT);
    // Answered on catalog v2: brought to v3 on opening (split answers added, none lost).
    assert_eq!(c.checklist.catalog_version, 3);
    assert_eq!(c.checklist.migrated_from, Some(2));
    assert!(c.checklist.answers.len() >= SCHEMA_3_ANSWERS_ACTIONS.0);
    assert_eq!(c.checklist.actions.len(), SCHEMA_3_ANSWERS_ACTIONS.1);
    for id in c.checklist.answers.keys() {
        assert!(vigie::checklist::catalog().item(id).is_some(), "{id}");
    }
    for e in &c.checklist.evidence {
        assert_eq!(vigie::digest::sha256_hex(&e.content), e.sha256);
    }
    assert_eq!(verified_codes(c), SCHEMA_3_CODES);
    let head = c.breaches.verify().expect("the chain holds");
    assert_eq!((head.count, head.hash_hex().as_str()), SCHEMA_3_HEAD);
    let titles: Vec<String> = c.breaches.breaches().into_iter().map(|b| b.title).collect();
    assert_eq!(titles, SCHEMA_BREACH_TITLES);
    // What schema 3 added: the archive key, the PC checks, the scan's archive notes.
    let key = c.archives.key.as_ref().expect("the archive key");
    assert_eq!(key.recipient(), SCHEMA_3_ARCHIVE_RECIPIENT);
    assert_eq!(
        c.system.last.as_ref().map(|r| r.results.len()),
        Some(SCHEMA_3_SYSTEM_RESULTS)
    );
    let scan = c.scans.last.as_ref().expect("a scan");
    let n = scan.counts();
    assert_eq!(
        (
            n.high,
            n.medium,
            n.low,
            n.none,
            scan.findings.len(),
            scan.archived.len()
        ),
        SCHEMA_3_SCAN
    );
}

// What the golden files of schemas 2 and 3 hold (printed by their makers).
const SCHEMA_2_CODES: &[&str] =
    &["e6d45cdc21ebf6bbd84aeb4d70260a56c35f86508a90c4259742f5114c2c81d8"];
const SCHEMA_2_DOCTOR_KEY: &str = "SHA256:+ybQ8Vu8UZMGVPE5Rkg8qhSMMFe6coxT3TlLiBqPQTs";
const SCHEMA_2_HEAD: (u64, &str) = (
    12,
    "02f041c9c1e34f96e0226fcda51f0dc35d500580099869fe461f5ab2b592b735",
);
const SCHEMA_BREACH_TITLES: &[&str] = &[
    "Clé USB d'échographies perdue",
    "Serveur d'images accessible depuis Internet",
];
const SCHEMA_3_CREATED_AT: &str = "2026-12-07T01:58:58.211552587Z";
const SCHEMA_3_ANSWERS_ACTIONS: (usize, usize) = (59, 31);
const SCHEMA_3_CODES: &[&str] =
    &["528c4a41b1ef7b8d604f8dea71d37776e4d32a8d729bdd923eb2df33d742b3c7"];
const SCHEMA_3_HEAD: (u64, &str) = (
    12,
    "a311baa24cfc5eeafb12f58ff0f19abd518bc731cd173bfd25f08813b5ff721b",
);
const SCHEMA_3_ARCHIVE_RECIPIENT: &str =
    "age1s0j82crgr4vjdde7k6gu4umzrdn30rekvfrwwzwag2c0cef0k98srmrj8h";
const SCHEMA_3_SYSTEM_RESULTS: usize = 13;
const SCHEMA_3_SCAN: (u64, u64, u64, u64, usize, usize) = (6, 2, 0, 1, 9, 0);
