//! The encrypted vault: round trips, every kind of bad input, atomic saves and backups.

use crate::common::{OTHER_PASSPHRASE, PASSPHRASE, create_vault, new_passphrase, temp_dir};
use vigie::practice_file::{JournalEvent, PracticeFile};
use vigie::vault::{self, FaultPoint, RecoveryCode, RecoveryCodeError, Unlock, VaultError, format};

/// The other tests use cheap key-derivation parameters (`common::TEST_KDF`); this one checks that a vault
/// made the normal way declares the production ones, and opens with them.
#[test]
fn new_vaults_use_the_production_key_derivation() {
    let dir = temp_dir();
    let path = dir.path().join("prod.vigie");
    let profile = vigie::practice::Profile::named(
        vigie::practice::PracticeName::parse("Cabinet du Dr Martin").expect("name"),
    );
    let (vault, _) = PracticeFile::create(
        &path,
        &new_passphrase(PASSPHRASE),
        vigie::practice_file::VaultContents::new(profile),
    )
    .expect("create");
    drop(vault);
    let bytes = std::fs::read(&path).expect("read");
    let parsed = format::parse(&bytes).expect("parse");
    assert_eq!(parsed.header.kdf, vigie::vault::KdfParams::DEFAULT);
    // docs/vault-format.md: the version-1 header is 177 bytes.
    assert_eq!(
        u32::from_le_bytes([bytes[10], bytes[11], bytes[12], bytes[13]]),
        177
    );
    assert_eq!(format::HEADER_V1_LEN, 177);
    assert_eq!(
        vigie::vault::KdfParams::DEFAULT,
        vigie::vault::KdfParams {
            m_cost_kib: 64 * 1024,
            t_cost: 3,
            p_cost: 1
        }
    );
    let reopened = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("open");
    assert_eq!(
        reopened.contents().practice.name.as_str(),
        "Cabinet du Dr Martin"
    );
    assert!(matches!(
        PracticeFile::open(&path, Unlock::Passphrase(OTHER_PASSPHRASE)),
        Err(VaultError::WrongPassphrase)
    ));
}

#[test]
fn round_trip_with_passphrase() {
    let dir = temp_dir();
    let (path, mut vault, _) = create_vault(dir.path());
    vault.contents_mut().practice.practitioner = "Dr Hélène Martin".into();
    vault.save().expect("save");

    let reopened = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("open");
    assert_eq!(reopened.contents(), vault.contents());
    assert_eq!(
        reopened.contents().practice.practitioner,
        "Dr Hélène Martin"
    );
    assert_eq!(
        reopened.contents().practice.name.as_str(),
        "Cabinet du Dr Martin"
    );
    assert_eq!(
        vault::inspect(&path).expect("inspect").version,
        format::CURRENT_VERSION
    );
}

#[test]
fn the_file_holds_nothing_in_clear() {
    let dir = temp_dir();
    let (path, mut vault, _) = create_vault(dir.path());
    vault.contents_mut().practice.practitioner = "Hélène Martin".into();
    vault.save().expect("save");
    let bytes = std::fs::read(&path).expect("read");
    for needle in ["Martin", "Cabinet", "practice", "Hélène"] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle} found in clear"
        );
    }
}

#[cfg(unix)]
#[test]
fn files_are_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir();
    let (path, mut vault, _) = create_vault(dir.path());
    vault.save().expect("save");
    for p in [path.clone(), vault::backup_path(&path, 1)] {
        let mode = std::fs::metadata(&p)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{}", p.display());
    }
}

#[test]
fn wrong_passphrase_is_refused_and_changes_nothing() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let before = std::fs::read(&path).expect("read");
    let err =
        PracticeFile::open(&path, Unlock::Passphrase("not-the-passphrase")).expect_err("wrong");
    assert!(matches!(err, VaultError::WrongPassphrase), "{err:?}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn recovery_code_unlocks_and_typos_are_caught() {
    let dir = temp_dir();
    let (path, _, code) = create_vault(dir.path());
    let typed = code.to_text().to_lowercase();
    let parsed = RecoveryCode::parse(&typed).expect("well formed");
    let vault = PracticeFile::open(&path, Unlock::RecoveryCode(&parsed))
        .expect("unlock with recovery code");
    assert_eq!(
        vault.contents().practice.name.as_str(),
        "Cabinet du Dr Martin"
    );

    // One wrong character in group 3.
    let mut chars: Vec<char> = code.to_text().chars().collect();
    let pos = 2 * 5 + 1;
    chars[pos] = if chars[pos] == 'A' { 'B' } else { 'A' };
    let typo: String = chars.into_iter().collect();
    assert_eq!(
        RecoveryCode::parse(&typo),
        Err(RecoveryCodeError::GroupMistyped(3))
    );

    // A well-formed code of another vault.
    let other = RecoveryCode::generate().expect("rng");
    let err = PracticeFile::open(&path, Unlock::RecoveryCode(&other)).expect_err("other code");
    assert!(matches!(err, VaultError::WrongRecoveryCode), "{err:?}");
}

#[test]
fn truncation_is_reported_as_such() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let bytes = std::fs::read(&path).expect("read");
    for keep in [bytes.len() - 1, bytes.len() / 2, 30, 5] {
        std::fs::write(&path, &bytes[..keep]).expect("write");
        let err = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect_err("truncated");
        assert!(
            matches!(err, VaultError::Truncated { .. }),
            "kept {keep}: {err:?}"
        );
    }
}

#[test]
fn every_single_byte_flip_is_detected() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let original = std::fs::read(&path).expect("read");
    for i in 0..original.len() {
        for mask in [0x01u8, 0x80, 0xff] {
            let mut damaged = original.clone();
            damaged[i] ^= mask;
            std::fs::write(&path, &damaged).expect("write");
            let err = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE))
                .expect_err("flip must be detected");
            assert!(
                matches!(
                    err,
                    VaultError::Corrupt | VaultError::Truncated { .. } | VaultError::NotAVault
                ),
                "byte {i} mask {mask:#x}: {err:?}"
            );
            assert_eq!(
                std::fs::read(&path).expect("read"),
                damaged,
                "opening must not write"
            );
        }
    }
}

#[test]
fn deliberate_tampering_with_a_recomputed_checksum_is_detected() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let original = std::fs::read(&path).expect("read");
    // Change one byte of the encrypted payload and recompute the SHA-256 trailer, as an attacker would.
    let body_len = original.len() - format::TRAILER_LEN;
    let mut body = original[..body_len].to_vec();
    body[body_len - 5] ^= 0x20;
    let (tampered, _) = format::finish(body, &[]);
    std::fs::write(&path, &tampered).expect("write");
    let err = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect_err("tampered");
    assert!(matches!(err, VaultError::Corrupt), "{err:?}");
}

#[test]
fn a_newer_format_is_refused_with_its_own_error() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let bytes = std::fs::read(&path).expect("read");
    std::fs::write(&path, format::with_version_for_tests(&bytes, 7)).expect("write");
    let err = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect_err("newer");
    assert!(
        matches!(
            err,
            VaultError::NewerVersion {
                found: 7,
                supported: 1
            }
        ),
        "{err:?}"
    );
}

#[test]
fn not_a_vault() {
    let dir = temp_dir();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "Ceci est un fichier texte ordinaire, pas un coffre Vigie.",
    )
    .expect("write");
    let err = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect_err("not a vault");
    assert!(matches!(err, VaultError::NotAVault), "{err:?}");
}

#[test]
fn a_save_that_fails_half_way_leaves_the_previous_vault_readable() {
    for fault in [
        FaultPoint::HalfWritten,
        FaultPoint::BeforeSync,
        FaultPoint::BeforeRename,
    ] {
        let dir = temp_dir();
        let (path, mut vault, _) = create_vault(dir.path());
        let before = std::fs::read(&path).expect("read");

        vault.contents_mut().practice.practitioner = "Changed".into();
        let prepared = vault.prepare_save().expect("prepare");
        let err = prepared
            .write_with_fault(Some(fault))
            .expect_err("injected");
        assert!(matches!(err, VaultError::Io { .. }), "{err:?}");
        // The error names the vault the user knows, not the temporary file.
        if let VaultError::Io { path: named, .. } = &err {
            assert_eq!(named, &path, "{fault:?}");
        }
        let said = vigie::i18n::Localize::localize(&err, vigie::i18n::Lang::Fr);
        assert!(!said.contains(".tmp-"), "{said}");

        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "{fault:?}: vault untouched"
        );
        let reopened = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE))
            .expect("previous vault opens");
        assert_eq!(reopened.contents().practice.practitioner, "");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "{fault:?}: temporary files left: {leftovers:?}"
        );

        // The same vault can still save once the problem is gone.
        vault.save().expect("save after the failure");
        let reopened = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("open");
        assert_eq!(reopened.contents().practice.practitioner, "Changed");
    }
}

#[test]
fn passphrase_change_rewraps_only_the_key() {
    let dir = temp_dir();
    let (path, mut vault, code) = create_vault(dir.path());
    vault
        .change_passphrase(&new_passphrase(OTHER_PASSPHRASE))
        .expect("change");

    assert!(matches!(
        PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)),
        Err(VaultError::WrongPassphrase)
    ));
    let reopened =
        PracticeFile::open(&path, Unlock::Passphrase(OTHER_PASSPHRASE)).expect("new passphrase");
    assert_eq!(
        reopened.contents().journal.last().map(|e| &e.event),
        Some(&JournalEvent::PassphraseChanged)
    );
    // The recovery code written down at creation still works.
    PracticeFile::open(&path, Unlock::RecoveryCode(&code)).expect("recovery code unchanged");
}

#[test]
fn backups_rotate_and_keep_three_generations() {
    let dir = temp_dir();
    let (path, mut vault, _) = create_vault(dir.path());
    assert!(vault.backups().is_empty());
    for n in 1..=5 {
        vault.contents_mut().practice.practitioner = format!("generation {n}");
        vault.save().expect("save");
    }
    let backups = vault.backups();
    assert_eq!(backups.len(), vault::BACKUP_GENERATIONS);
    // bak1 is the state before the last save, bak3 the oldest kept.
    let expected = ["generation 4", "generation 3", "generation 2"];
    for (backup, want) in backups.iter().zip(expected) {
        let v = PracticeFile::open(backup, Unlock::Passphrase(PASSPHRASE)).expect("backup opens");
        assert_eq!(v.contents().practice.practitioner, want);
    }
    assert!(!vault::backup_path(&path, 4).exists());
}

#[test]
fn creation_never_overwrites_and_saves_never_clobber_foreign_changes() {
    let dir = temp_dir();
    let (path, vault, _) = create_vault(dir.path());
    let err = PracticeFile::create(&path, &new_passphrase(PASSPHRASE), vault.contents().clone())
        .expect_err("exists");
    assert!(matches!(err, VaultError::AlreadyExists(_)), "{err:?}");

    drop(vault);

    // Another program replaces the file (a copy from a sync tool, a backup put back): Vigie refuses to
    // overwrite what it did not read. Two readers here, each saving under the lock in turn.
    let mut first = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("open");
    let mut other = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("open twice");
    other.contents_mut().practice.practitioner = "Other program".into();
    other.save().expect("other saves");
    first.contents_mut().practice.practitioner = "First window".into();
    let err = first.save().expect_err("stale");
    assert!(matches!(err, VaultError::ChangedOnDisk), "{err:?}");
    let on_disk = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("open");
    assert_eq!(on_disk.contents().practice.practitioner, "Other program");
}

/// Contents saved by a newer Vigie (a higher schema number) are refused with the contents' own schema
/// version, not the frame's.
#[test]
fn a_newer_contents_schema_is_refused_with_its_own_version() {
    let dir = temp_dir();
    let path = dir.path().join("newer.vigie");
    let profile = vigie::practice::Profile::named(
        vigie::practice::PracticeName::parse("Cabinet du futur").expect("name"),
    );
    let mut contents = vigie::practice_file::VaultContents::new(profile);
    contents.schema = vigie::practice_file::SCHEMA_VERSION + 41;
    drop(crate::common::create_vault_with(&path, contents));
    let err = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect_err("newer");
    let expected = vigie::practice_file::SCHEMA_VERSION + 41;
    assert!(
        matches!(err, VaultError::NewerContents { found, supported } if found == expected && supported == vigie::practice_file::SCHEMA_VERSION),
        "{err:?}"
    );
    let message = vigie::i18n::Localize::localize(&err, vigie::i18n::Lang::En);
    assert!(message.contains(&expected.to_string()), "{message}");
    assert!(message.contains("newer Vigie"), "{message}");
}

/// The format version is the one of the file as read.
#[test]
fn the_format_version_is_the_files() {
    let dir = temp_dir();
    let (path, vault, _) = create_vault(dir.path());
    assert_eq!(vault.format_version(), format::CURRENT_VERSION);
    drop(vault);
    let opened = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("open");
    assert_eq!(opened.format_version(), 1);
    assert_eq!(opened.vault().format_version(), 1);
}

/// A save's preparation is a cheap snapshot: the large parts (evidence bytes, scan findings) are shared
/// with the open file, not copied; the snapshot is what gets written.
#[test]
fn a_prepared_save_shares_the_large_parts_and_writes_the_snapshot() {
    let dir = temp_dir();
    let (path, mut vault, _) = create_vault(dir.path());
    vault
        .contents_mut()
        .checklist
        .attach("item", "preuve.pdf", b"%PDF-1.4 preuve".to_vec())
        .expect("attach");
    let before = std::sync::Arc::clone(&vault.contents().checklist.evidence[0].content);
    let prepared = vault.prepare_save().expect("prepare");
    // Changed after the preparation: not in this save.
    vault.contents_mut().record(JournalEvent::ProfileUpdated);
    assert_eq!(
        std::sync::Arc::strong_count(&before),
        3,
        "shared, not copied"
    );
    let saved = prepared.write().expect("write");
    vault.saved(saved);
    drop(vault);
    let reopened = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("open");
    assert_eq!(reopened.contents().journal.len(), 1);
    assert_eq!(
        &*reopened.contents().checklist.evidence[0].content,
        b"%PDF-1.4 preuve"
    );
}
