//! Property tests (issue 35, `proptest`): every single-byte change and every truncation of a vault, a
//! signed document, a bundle, an archive and a breach register is detected (positions and masks drawn
//! by proptest: the exhaustive sweeps are elsewhere, slower); round trips of the records (vault
//! contents, settings, the archive's manifest and record, the breach events). Each property runs a
//! bounded number of cases so that the whole set stays within seconds in a debug build.

use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use proptest::prelude::*;

use vigie::archive::{ArchiveKey, ArchiveRecord, Manifest, ManifestFile, Origin};
use vigie::assessment::bundle::FileSet;
use vigie::assessment::verify::verify;
use vigie::practice_file::PracticeFile;
use vigie::settings::Settings;
use vigie::vault::Unlock;

use crate::common::{PASSPHRASE, create_vault_with, temp_dir};

/// `cases` cases, or `PROPTEST_CASES` when set (a longer run by hand: `PROPTEST_CASES=2000`).
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        // A failure is reported with its inputs; no file of regressions is written into the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A single-byte change: a position (a fraction of the length) and a non-zero mask.
fn change() -> impl Strategy<Value = (f64, u8)> {
    (0.0..1.0f64, 1u8..=255)
}

fn changed(bytes: &[u8], (at, mask): (f64, u8)) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let i = ((bytes.len() as f64 * at) as usize).min(bytes.len() - 1);
    out[i] ^= mask;
    out
}

fn cut(bytes: &[u8], at: f64) -> Vec<u8> {
    bytes[..((bytes.len() as f64 * at) as usize).min(bytes.len().saturating_sub(1))].to_vec()
}

/// The demo practice's vault file (cheap key derivation), made once.
fn vault_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let dir = temp_dir();
        let path = dir.path().join("cabinet.vigie");
        create_vault_with(&path, vigie::demo::demo_contents());
        std::fs::read(&path).expect("vault")
    })
}

fn vault_opens(bytes: &[u8]) -> bool {
    let dir = temp_dir();
    let path = dir.path().join("cabinet.vigie");
    std::fs::write(&path, bytes).expect("write");
    PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).is_ok()
}

/// The demo's signed assessment, exported as its files (document, PDF, signatures, signers).
fn signed_files() -> &'static (FileSet, String) {
    static FILES: OnceLock<(FileSet, String)> = OnceLock::new();
    FILES.get_or_init(|| {
        let contents = vigie::demo::demo_contents();
        let set = contents
            .assessments
            .last()
            .expect("the demo has one")
            .signature_set();
        let doctor = contents
            .assessments
            .doctor_key
            .as_ref()
            .and_then(vigie::assessment::DoctorKey::signer)
            .expect("doctor key");
        let files =
            vigie::report::signed::export_files(&set, None, Some(&doctor), vigie::i18n::Lang::Fr)
                .expect("export");
        (files, set.document_name())
    })
}

/// A small archive made with a practice key, once: its bytes and its key.
fn archive() -> &'static (Vec<u8>, ArchiveKey) {
    static ARCHIVE: OnceLock<(Vec<u8>, ArchiveKey)> = OnceLock::new();
    ARCHIVE.get_or_init(|| {
        let dir = temp_dir();
        let src = dir.path().join("examens");
        std::fs::create_dir_all(&src).expect("src");
        std::fs::write(src.join("a.dcm"), vec![7u8; 70 * 1024]).expect("file");
        std::fs::write(src.join("b.txt"), b"compte rendu").expect("file");
        let key =
            ArchiveKey::practice(&vigie::archive::PracticeArchiveKey::generate()).expect("key");
        let plan = vigie::archive::plan(&[src]).expect("plan");
        let out = dir.path().join("a.age");
        let origin = Origin {
            practice: "Cabinet".to_owned(),
            at: jiff::Timestamp::now(),
        };
        vigie::archive::encrypt(
            &plan,
            &key,
            &out,
            &origin,
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .expect("archive");
        (std::fs::read(&out).expect("read"), key)
    })
}

fn archive_verifies(bytes: &[u8], key: &ArchiveKey) -> bool {
    let dir = temp_dir();
    let path = dir.path().join("a.age");
    std::fs::write(&path, bytes).expect("write");
    vigie::archive::verify(&path, key, &AtomicBool::new(false), &mut |_| {}).is_ok()
}

/// The demo's breach register as the vault keeps it (RON), once.
fn register_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let register = vigie::demo::demo_contents().breaches;
        assert!(!register.events.is_empty(), "the demo has breach events");
        ron::to_string(&register.events).expect("ron")
    })
}

/// Whether the register's events, read from `text`, pass the chain's verification.
fn register_verifies(text: &[u8]) -> Option<Vec<vigie::breach::chain::Event>> {
    let events: Vec<vigie::breach::chain::Event> =
        ron::from_str(std::str::from_utf8(text).ok()?).ok()?;
    vigie::breach::chain::verify(&events).ok().map(|_| events)
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn a_changed_or_cut_vault_never_opens(c in change(), at in 0.0..1.0f64) {
        let bytes = vault_bytes();
        prop_assert!(!vault_opens(&changed(bytes, c)));
        prop_assert!(!vault_opens(&cut(bytes, at)));
    }

    #[test]
    fn a_changed_or_cut_signed_document_is_not_valid(c in change(), at in 0.0..1.0f64) {
        let (files, doc) = signed_files();
        let original = files.get(doc).expect("document");
        for bytes in [changed(original, c), cut(original, at)] {
            let mut bad = files.clone();
            bad.put(doc, bytes);
            prop_assert!(!verify(&bad, doc).is_valid());
        }
    }

    /// A bundle (the `.vigie-assessment` zip) changed anywhere is refused, or not valid, or vouches for
    /// nothing new: the same document, only keys the original already proved, only identities the
    /// original's signatures covered. (A change in a file's name in the zip's directory can drop a
    /// countersignature or its signed statement, as deleting the file would: detached signatures cannot
    /// prevent their own removal; the signers shown, and "not verified" beside a declared name, say
    /// what is proved.)
    #[test]
    fn a_changed_or_cut_bundle_vouches_for_nothing_new(c in change(), at in 0.0..1.0f64) {
        let (files, doc) = signed_files();
        let mut bundle = FileSet::default();
        for (name, bytes) in &files.files {
            if !std::path::Path::new(name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
            {
                bundle.put(name, bytes.clone());
            }
        }
        let original = verify(&bundle, doc);
        prop_assert!(original.is_valid());
        // What a verification proves: the keys with a valid signature, and the identities a valid
        // signature covers (a name only declared in `signers.json` is shown apart, "not verified").
        let proved = |v: &vigie::assessment::verify::Verification| -> Vec<(String, Option<String>)> {
            v.signers
                .iter()
                .filter(|s| s.status == vigie::assessment::verify::SignerStatus::Valid)
                .flat_map(|s| {
                    let signed = s.identity_signed.then(|| s.name.clone());
                    [(s.fingerprint.clone(), None), (s.fingerprint.clone(), signed)]
                })
                .collect()
        };
        let zip = bundle.to_zip();
        for bytes in [changed(&zip, c), cut(&zip, at)] {
            if let Ok(read) = FileSet::from_zip(&bytes) {
                let v = verify(&read, doc);
                if v.is_valid() {
                    prop_assert_eq!(&v.sha256, &original.sha256, "another document verifies");
                    let before = proved(&original);
                    prop_assert!(
                        proved(&v).iter().all(|p| before.contains(p)),
                        "a changed bundle proves a signer the original did not"
                    );
                }
            }
        }
    }

    #[test]
    fn a_changed_or_cut_archive_never_verifies(c in change(), at in 0.0..1.0f64) {
        let (bytes, key) = archive();
        prop_assert!(!archive_verifies(&changed(bytes, c), key));
        prop_assert!(!archive_verifies(&cut(bytes, at), key));
    }

    /// The register's events changed anywhere (a byte of their stored form) fail to read or break the
    /// chain, unless the change reads back as the very same events (a RON spacing).
    #[test]
    fn a_changed_or_cut_breach_register_breaks_its_chain(c in change(), at in 0.0..1.0f64) {
        let text = register_text().as_bytes();
        let original: Vec<vigie::breach::chain::Event> =
            ron::from_str(register_text()).expect("ron");
        prop_assert!(register_verifies(text).is_some());
        for bytes in [changed(text, c), cut(text, at)] {
            if let Some(events) = register_verifies(&bytes) {
                prop_assert_eq!(events, original.clone(), "a changed register verifies");
            }
        }
    }
}

/// Whether every file of a register export matches its `SHA256SUMS` line, as `sha256sum -c` checks it
/// (docs/breach-register-format.md, "The export").
fn export_checks(files: &[(String, Vec<u8>)]) -> bool {
    let Some((_, sums)) = files
        .iter()
        .find(|(n, _)| n == vigie::breach::export::SUMS_FILE)
    else {
        return false;
    };
    let sums = String::from_utf8_lossy(sums);
    let listed: Vec<(&str, &str)> = sums.lines().filter_map(|l| l.split_once("  ")).collect();
    files
        .iter()
        .filter(|(n, _)| n != vigie::breach::export::SUMS_FILE)
        .all(|(n, b)| listed.contains(&(vigie::digest::sha256_hex(b).as_str(), n.as_str())))
        && listed.len() + 1 == files.len()
}

proptest! {
    #![proptest_config(config(64))]

    /// A register export with one of its files changed or cut fails its `SHA256SUMS` check.
    #[test]
    fn a_changed_or_cut_register_export_fails_its_check(which in any::<prop::sample::Index>(),
                                                        c in change(), at in 0.0..1.0f64) {
        let register = vigie::demo::demo_contents().breaches;
        let files = vigie::breach::export::with_sums(vigie::breach::export::files(&register, jiff::Timestamp::now()));
        prop_assert!(export_checks(&files));
        let i = which.index(files.len());
        let lines = |text: &[u8]| -> Vec<String> {
            String::from_utf8_lossy(text).lines().map(str::to_owned).collect()
        };
        for bytes in [changed(&files[i].1, c), cut(&files[i].1, at)] {
            let mut bad = files.clone();
            bad[i].1 = bytes;
            // The list itself, signed by nobody, may lose its last line end: `sha256sum -c` reads
            // the same list, and so does this check.
            let same_list = files[i].0 == vigie::breach::export::SUMS_FILE
                && lines(&bad[i].1) == lines(&files[i].1);
            prop_assert!(
                !export_checks(&bad) || same_list,
                "{} changed, still checks",
                files[i].0
            );
        }
    }
}

/// Text without the characters a practice name refuses, and with those RON and JSON must escape.
fn free_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Zàéèçœ0-9 \"'\\\\()«»’—-]{1,40}").expect("regex")
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn vault_contents_round_trip(practitioner in any::<String>(), address in free_text(),
                                 it in any::<String>(), name in free_text()) {
        let mut contents = vigie::demo::demo_contents();
        contents.practice.practitioner = practitioner;
        contents.practice.address = address;
        contents.practice.it_provider = it;
        if let Ok(n) = vigie::practice::PracticeName::parse(&name) {
            contents.practice.name = n;
        }
        let plaintext = vigie::practice_file::encode(&contents).expect("encode");
        prop_assert_eq!(vigie::practice_file::decode(&plaintext).expect("decode"), contents);
    }

    #[test]
    fn settings_round_trip(recent in proptest::collection::vec(any::<String>(), 0..4),
                           names in proptest::collection::btree_map(any::<String>(), any::<String>(), 0..3),
                           page in proptest::option::of(any::<String>()),
                           lock in proptest::sample::select(vigie::settings::AUTO_LOCK_CHOICES.to_vec())) {
        let settings = Settings {
            recent_vaults: recent.into_iter().map(Into::into).collect(),
            vault_names: names.into_iter().map(|(k, v)| (k.into(), v)).collect(),
            last_page: page,
            auto_lock_minutes: lock,
            ..Settings::default()
        };
        let dir = temp_dir();
        let path = dir.path().join("settings.ron");
        settings.save(&path).expect("save");
        prop_assert_eq!(Settings::load(&path), settings);
    }

    #[test]
    fn archive_manifest_and_record_round_trip(practice in any::<String>(),
                                              paths in proptest::collection::vec(any::<String>(), 0..5),
                                              size in any::<u64>(), at in 0i64..4_000_000_000) {
        let files: Vec<ManifestFile> = paths
            .into_iter()
            .map(|path| ManifestFile {
                path,
                size,
                sha256: "ab".repeat(32),
                modified: jiff::Timestamp::from_second(at).ok(),
            })
            .collect();
        let manifest = Manifest {
            format: vigie::archive::FORMAT.to_owned(),
            created_at: jiff::Timestamp::from_second(at).expect("time"),
            practice,
            vigie_version: env!("CARGO_PKG_VERSION").to_owned(),
            key: "practice-key".to_owned(),
            file_count: files.len() as u64,
            total_bytes: size,
            files,
        };
        prop_assert_eq!(Manifest::parse(&manifest.to_bytes()), Some(manifest.clone()));
        let record = ArchiveRecord::of_verified("/a/b.age", &manifest, size, vigie::archive::KeyKind::Identity);
        let text = ron::to_string(&record).expect("ron");
        prop_assert_eq!(ron::from_str::<ArchiveRecord>(&text).expect("ron"), record);
    }
}

/// The breach events round-trip through the vault's form, and the demo's register verifies.
#[test]
fn breach_events_round_trip() {
    let text = register_text();
    let events: Vec<vigie::breach::chain::Event> = ron::from_str(text).expect("ron");
    assert_eq!(ron::to_string(&events).expect("ron"), text);
    assert!(vigie::breach::chain::verify(&events).is_ok());
}
