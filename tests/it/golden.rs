//! The golden vault of format version 1 (`tests/data/golden/vault-v1.vigie`, see its README): made once
//! by the code of its time, it must open in every later version, with the same contents field by field.
//! If this test fails after a change of the contents' schema, the change breaks old vaults: add fields
//! with `#[serde(default)]` instead (or a migration), never edit the golden file.

use std::path::{Path, PathBuf};

use crate::common::{PASSPHRASE, create_vault_with};
use vigie::practice_file::{JournalEvent, PracticeFile};
use vigie::vault::Unlock;

fn golden() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden/vault-v1.vigie")
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
        assert_eq!(vigie::checklist::record::sha256_hex(&e.content), e.sha256);
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
