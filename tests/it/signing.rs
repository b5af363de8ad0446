//! The signed self-assessment: export and verify through the program, every kind of tampering refused,
//! the document's encoding stable (a golden file), a countersignature's round trip, and OpenSSH's
//! `ssh-keygen` agreeing with Vigie both ways.

use std::path::{Path, PathBuf};
use std::process::Output;

use vigie::assessment::bundle::{self, FileSet, SignatureSet};
use vigie::assessment::document::{self, AssessmentDocument, FreezeInput, NAMESPACE};
use vigie::assessment::verify::{Problem, SignerStatus, Subject, verify};
use vigie::assessment::{Identity, Role, Signer, StoredSignature};
use vigie::i18n::Lang;

use crate::common::{PASSPHRASE, create_vault_with, temp_dir, vigie_command};

fn run(data: &Path, args: &[&str]) -> Output {
    vigie_command(data, args, &[("VIGIE_PASSPHRASE", PASSPHRASE)])
        .output()
        .expect("run vigie")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The demo's signed assessment (doctor and consultant) and its exported files, in memory.
fn demo_files() -> (SignatureSet, FileSet, Signer) {
    let contents = vigie::demo::demo_contents();
    let signed = contents.assessments.last().expect("the demo has one");
    let set = signed.signature_set();
    let doctor = contents
        .assessments
        .doctor_key
        .as_ref()
        .and_then(vigie::assessment::DoctorKey::signer)
        .expect("doctor key");
    let files =
        vigie::report::signed::export_files(&set, None, Some(&doctor), Lang::Fr).expect("export");
    (set, files, doctor)
}

fn pdf_name(files: &FileSet) -> String {
    files
        .files
        .iter()
        .map(|(n, _)| n.clone())
        .find(|n| {
            Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        })
        .expect("a pdf")
}

#[test]
fn the_demo_exported_then_verified_names_both_signers() {
    let dir = temp_dir();
    let vault = dir.path().join("demo.vigie");
    create_vault_with(&vault, vigie::demo::demo_contents());
    let out = dir.path().join("signed");
    let o = run(
        dir.path(),
        &[
            "--lang",
            "fr",
            "export",
            "--vault",
            vault.to_str().expect("utf-8"),
            "--kind",
            "signed-assessment",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let names: Vec<String> = std::fs::read_dir(&out)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    for wanted in [
        "allowed_signers",
        "signers.json",
        "HOW-TO-VERIFY.txt",
        ".json.camille-lefevre.sig",
        ".json.consultant-julien-moreau.sig",
        ".pdf.camille-lefevre.sig",
        ".vigie-assessment",
    ] {
        assert!(
            names.iter().any(|n| n.ends_with(wanted)),
            "{wanted} missing from {names:?}"
        );
    }
    // The document itself, not `signers.json` beside it (which also ends in `.json`: the folder's
    // listing order, which differs from one file system to another, must not decide).
    let find = |suffix: &str| -> PathBuf {
        out.join(
            names
                .iter()
                .find(|n| n.ends_with(suffix) && n.as_str() != "signers.json")
                .expect("exported"),
        )
    };
    for file in [find(".vigie-assessment"), find(".json"), find(".pdf")] {
        let o = run(
            dir.path(),
            &["--lang", "fr", "verify", file.to_str().expect("utf-8")],
        );
        let t = text(&o);
        assert_eq!(o.status.code(), Some(0), "{t}");
        assert!(t.contains("Dr Camille Lefèvre"), "{t}");
        assert!(t.contains("SHA256:"), "{t}");
        if !file.to_string_lossy().ends_with(".pdf") {
            assert!(t.contains("Julien Moreau — DPO / consultant"), "{t}");
            assert!(t.contains("Cabinet de radiologie du Dr Lefèvre"), "{t}");
        }
    }

    // One changed byte in the document: exit 2, the signatures named as not valid.
    let doc = find(".json");
    let mut bytes = std::fs::read(&doc).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(&doc, &bytes).expect("write");
    let o = run(
        dir.path(),
        &["--lang", "en", "verify", doc.to_str().expect("utf-8")],
    );
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("NOT VALID"), "{t}");
    assert!(t.contains("verification FAILED"), "{t}");
}

#[test]
fn a_changed_byte_anywhere_in_the_document_the_report_or_a_signature_is_refused() {
    let (set, files, _) = demo_files();
    let doc = set.document_name();
    let pdf = pdf_name(&files);
    assert!(verify(&files, &doc).is_valid());
    assert!(verify(&files, &pdf).is_valid());
    for target in [doc.clone(), pdf.clone()] {
        let len = files.get(&target).expect("file").len();
        for i in (0..len).step_by(len / 97 + 1).chain([len - 1]) {
            let mut bad = files.clone();
            let mut bytes = bad.get(&target).expect("file").to_vec();
            bytes[i] ^= 0x01;
            bad.put(&target, bytes);
            let v = verify(&bad, &target);
            assert!(!v.is_valid(), "{target}: a flip at byte {i} went unnoticed");
            assert!(
                v.signers
                    .iter()
                    .any(|s| matches!(s.status, SignerStatus::Mismatch)),
                "{target}: {v:?}"
            );
        }
    }
    // A signature file: every byte of its base64 body.
    let sig_name = bundle::signature_name(&doc, "consultant-julien-moreau");
    let sig = files.get(&sig_name).expect("sig").to_vec();
    let body_start = sig.iter().position(|&b| b == b'\n').expect("armor") + 1;
    let body_end = sig.len() - "-----END SSH SIGNATURE-----\n".len() - 1;
    for i in body_start..body_end {
        if sig[i] == b'\n' || sig[i] == b'=' {
            continue;
        }
        let mut bad = files.clone();
        let mut bytes = sig.clone();
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        // Version 0 is read as version 1 by OpenSSH (only later versions are refused) and the
        // version is not signed: the same signature to ssh-keygen, hence to Vigie.
        let blob = |b: &[u8]| {
            let text: String = String::from_utf8_lossy(b)
                .lines()
                .filter(|l| !l.starts_with("-----"))
                .collect();
            base64::Engine::decode(&base64::engine::general_purpose::STANDARD, text).ok()
        };
        if let (Some(mut was), Some(now)) = (blob(&sig), blob(&bytes))
            && now.get(6..10) == Some(&[0, 0, 0, 0])
        {
            was[9] = 0;
            if was == now {
                continue;
            }
        }
        bad.put(&sig_name, bytes);
        assert!(
            !verify(&bad, &doc).is_valid(),
            "signature byte {i} changed, still valid"
        );
    }
}

#[test]
fn a_removed_signature_an_unknown_key_and_a_swapped_signer_are_refused() {
    let (set, files, _) = demo_files();
    let doc = set.document_name();
    let consultant_sig = bundle::signature_name(&doc, "consultant-julien-moreau");
    let doctor_sig = bundle::signature_name(&doc, "camille-lefevre");

    // The consultant's signature removed: still listed, reported missing.
    let mut removed = files.clone();
    removed.files.retain(|(n, _)| *n != consultant_sig);
    let v = verify(&removed, &doc);
    assert!(!v.is_valid());
    assert!(
        v.signers
            .iter()
            .any(|s| s.status == SignerStatus::Missing && s.principal.contains("julien")),
        "{v:?}"
    );

    // The doctor's removed along with every mention of them: the document still names them.
    let mut erased = files.clone();
    erased.files.retain(|(n, _)| *n != doctor_sig);
    let consultant_only: Vec<&Identity> = set
        .signatures
        .iter()
        .map(|s| &s.identity)
        .filter(|i| i.role == Role::Consultant)
        .collect();
    erased.put(
        bundle::ALLOWED_SIGNERS,
        bundle::allowed_signers(&consultant_only).into_bytes(),
    );
    erased.put(bundle::SIGNERS_JSON, b"[]".to_vec());
    let v = verify(&erased, &doc);
    assert!(!v.is_valid());
    assert!(
        v.problems.contains(&Problem::DoctorSignatureMissing),
        "{v:?}"
    );

    // Another key in allowed_signers for the consultant: their signature is by an unknown key.
    let intruder = Signer::from_seed(&[42; 32], "Julien Moreau", Role::Consultant, "");
    let mut swapped_list = files.clone();
    let doctor_identity = &set.signatures[0].identity;
    swapped_list.put(
        bundle::ALLOWED_SIGNERS,
        bundle::allowed_signers(&[doctor_identity, &intruder.identity]).into_bytes(),
    );
    let v = verify(&swapped_list, &doc);
    assert!(!v.is_valid());
    assert!(
        v.signers
            .iter()
            .any(|s| s.status == SignerStatus::UnknownKey),
        "{v:?}"
    );

    // The doctor's signature replaced by someone else's, listed everywhere: the document names the
    // doctor's key, so it is still refused.
    let forger = Signer::from_seed(&[7; 32], "Dr Camille Lefèvre", Role::Doctor, "");
    let mut forged_set = set.clone();
    forged_set.signatures[0] = StoredSignature {
        identity: forger.identity.clone(),
        signed_at: jiff::Timestamp::now(),
        armored: forger.sign(NAMESPACE, &set.document),
        statement: None,
    };
    let forged = forged_set.files();
    let v = verify(&forged, &doc);
    assert!(!v.is_valid());
    assert!(
        v.problems.contains(&Problem::DoctorSignatureMissing),
        "{v:?}"
    );

    // No allowed_signers at all.
    let mut bare = files.clone();
    bare.files.retain(|(n, _)| n != bundle::ALLOWED_SIGNERS);
    assert!(
        verify(&bare, &doc)
            .problems
            .contains(&Problem::NoAllowedSigners)
    );
}

#[test]
fn a_changed_answer_is_refused_even_when_the_json_is_rewritten_cleanly() {
    let (set, files, _) = demo_files();
    let doc_name = set.document_name();
    let mut doc = AssessmentDocument::parse(&set.document).expect("parse");
    let item = doc
        .items
        .iter_mut()
        .find(|i| {
            i.answer
                .as_ref()
                .is_some_and(|a| a.value == vigie::checklist::AnswerValue::No)
        })
        .expect("a no");
    if let Some(a) = item.answer.as_mut() {
        a.value = vigie::checklist::AnswerValue::Yes;
    }
    let mut bad = files;
    bad.put(&doc_name, doc.to_bytes());
    let v = verify(&bad, &doc_name);
    assert!(!v.is_valid());
    // The document still reads: the changed answer is shown, and refused.
    assert!(matches!(v.subject, Subject::Assessment(_)));
    assert!(
        v.signers.iter().all(|s| s.status == SignerStatus::Mismatch),
        "{v:?}"
    );
}

pub fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/golden")
        .join(name)
}

/// A document frozen from fixed inputs: a fixed practice, fixed answers and times, a fixed key.
fn golden_document() -> (Vec<u8>, Signer) {
    let mut practice = vigie::practice::Profile::named(
        vigie::practice::PracticeName::parse("Cabinet du Dr Martin").expect("name"),
    );
    practice.practitioner = "Dr Anne Martin".into();
    practice.rpps = vigie::practice::Rpps::parse("10100000017").ok();
    let at: jiff::Timestamp = "2026-03-29T00:30:00Z".parse().expect("time");
    let mut record = vigie::checklist::ChecklistRecord::default();
    let catalog = vigie::checklist::catalog();
    for (i, item) in catalog.items.iter().enumerate().take(6) {
        let value = vigie::checklist::AnswerValue::ALL[i % 5];
        record.answer(&item.id, value, vigie::checklist::Respondent::Doctor, at);
    }
    vigie::checklist::plan::sync(catalog, &practice, &mut record, at);
    let signer = Signer::from_seed(&[1; 32], "Dr Anne Martin", Role::Doctor, "RPPS 10100000017");
    let doc = document::freeze(&FreezeInput {
        practice: &practice,
        record: &record,
        scans: &vigie::scan::record::ScanHistory::default(),
        signer: &signer.identity,
        previous: None,
        now: at,
        nonce: 0x0123_abcd,
        witnessed: None,
        binder: None,
    });
    (doc.to_bytes(), signer)
}

/// The version-2 golden document: the version-1 golden inputs, witnessing the golden breach register's
/// head (`tests/data/golden/breach-register/`, 14 events) and fixed record digests.
pub fn golden_document_v2() -> (Vec<u8>, Signer) {
    let (v1, signer) = golden_document();
    let mut doc = AssessmentDocument::parse(&v1).expect("parse");
    let at: jiff::Timestamp = "2026-03-28T18:00:00Z".parse().expect("time");
    doc.version = 2;
    doc.witnessed = Some(document::Witnessed {
        breach_register: document::RegisterHeadDoc {
            count: 14,
            hash: "afc874ec79caa67bc81144ec50af288b789e460fb28f3a1aeca40bf186ff2e36".into(),
        },
        scan: Some(document::RecordDigestDoc {
            at,
            sha256: "11".repeat(32),
        }),
        system_checks: Some(document::RecordDigestDoc {
            at,
            sha256: "22".repeat(32),
        }),
        box_reading: None,
    });
    (doc.to_bytes(), signer)
}

/// Makes the version-2 golden document (by hand, once: `cargo test --test it
/// make_the_golden_assessment_v2 -- --ignored`).
#[test]
#[ignore = "writes tests/data/golden/assessment-v2.json; run by hand only for a new document version"]
fn make_the_golden_assessment_v2() {
    let (bytes, signer) = golden_document_v2();
    std::fs::write(golden_path("assessment-v2.json"), &bytes).expect("write");
    std::fs::write(
        golden_path("assessment-v2.json.anne-martin.sig"),
        signer.sign(NAMESPACE, &bytes),
    )
    .expect("write");
}

#[test]
fn the_golden_document_v2_reads_re_encodes_byte_for_byte_and_verifies() {
    let golden = std::fs::read(golden_path("assessment-v2.json")).expect("golden");
    let doc = AssessmentDocument::parse(&golden).expect("the golden document reads");
    assert_eq!(doc.version, 2);
    let w = doc.witnessed.clone().expect("witnessed");
    assert_eq!(w.breach_register.count, 14);
    assert!(w.box_reading.is_none());
    assert_eq!(
        doc.to_bytes(),
        golden,
        "what this version reads, it writes the same"
    );
    let text = String::from_utf8(golden.clone()).expect("utf-8");
    assert!(
        text.contains("\n  \"witnessed\": {\n    \"breach_register\": {\n      \"count\": 14,\n")
    );
    assert!(text.ends_with("    \"box\": null\n  }\n}\n"), "{text}");
    let mut set = FileSet::default();
    set.put("assessment-v2.json", golden);
    set.put(
        "assessment-v2.json.anne-martin.sig",
        std::fs::read(golden_path("assessment-v2.json.anne-martin.sig")).expect("sig"),
    );
    set.put(
        bundle::ALLOWED_SIGNERS,
        bundle::allowed_signers(&[&doc.signer]).into_bytes(),
    );
    let v = verify(&set, "assessment-v2.json");
    assert!(v.is_valid(), "{v:?}");
    // Version 2 without `witnessed`, or version 1 with it: not a Vigie document.
    let mut bare = doc.clone();
    bare.witnessed = None;
    assert!(AssessmentDocument::parse(&bare.to_bytes()).is_err());
    let mut v1 = doc;
    v1.version = 1;
    assert!(AssessmentDocument::parse(&v1.to_bytes()).is_err());
}

/// Makes the golden document (by hand, for a new document version only:
/// `cargo test --test it signing:: -- --ignored`).
#[test]
#[ignore = "writes tests/data/golden/assessment-v1.json; run by hand only for a new document version"]
fn make_the_golden_assessment_v1() {
    let (bytes, signer) = golden_document();
    std::fs::write(golden_path("assessment-v1.json"), &bytes).expect("write");
    std::fs::write(
        golden_path("assessment-v1.json.anne-martin.sig"),
        signer.sign(NAMESPACE, &bytes),
    )
    .expect("write");
}

#[test]
fn the_golden_document_reads_re_encodes_byte_for_byte_and_verifies() {
    let golden = std::fs::read(golden_path("assessment-v1.json")).expect("golden");
    let doc = AssessmentDocument::parse(&golden).expect("the golden document reads");
    assert_eq!(doc.version, 1);
    assert_eq!(doc.signer.name, "Dr Anne Martin");
    // The layout is stable: what this version reads, it writes the same.
    assert_eq!(
        String::from_utf8(doc.to_bytes()).expect("utf-8"),
        String::from_utf8(golden.clone()).expect("utf-8")
    );
    // Freezing the same inputs gives the same bytes, as long as the embedded catalog is the one the
    // golden document names (a new catalog changes the questions, not the layout).
    let (fresh, _) = golden_document();
    let fresh_doc = AssessmentDocument::parse(&fresh).expect("parse");
    if fresh_doc.catalog == doc.catalog && fresh_doc.software == doc.software {
        assert_eq!(fresh, golden, "same inputs, same bytes");
    }
    let mut set = FileSet::default();
    set.put("assessment-v1.json", golden);
    set.put(
        "assessment-v1.json.anne-martin.sig",
        std::fs::read(golden_path("assessment-v1.json.anne-martin.sig")).expect("sig"),
    );
    set.put(
        bundle::ALLOWED_SIGNERS,
        bundle::allowed_signers(&[&doc.signer]).into_bytes(),
    );
    let v = verify(&set, "assessment-v1.json");
    assert!(v.is_valid(), "{v:?}");
}

#[test]
fn a_countersignature_goes_to_the_consultant_and_back_through_the_program() {
    let dir = temp_dir();
    let vault = dir.path().join("cabinet.vigie");
    let mut contents = vigie::demo::demo_contents();
    contents.assessments = vigie::assessment::AssessmentHistory::default();
    create_vault_with(&vault, contents);
    let v = vault.to_str().expect("utf-8");
    let o = run(
        dir.path(),
        &["--lang", "en", "assessment", "sign", "--vault", v],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let out = dir.path().join("out");
    let o = run(
        dir.path(),
        &[
            "export",
            "--vault",
            v,
            "--kind",
            "signed-assessment",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let bundle_path = std::fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().ends_with(".vigie-assessment"))
        .expect("bundle");

    // The consultant, on their own PC: a key file, then the countersignature.
    let key = dir.path().join("julien.vigie-key");
    let key_env = [("VIGIE_KEY_PASSPHRASE", "clef-conseil-rgpd-sante-42")];
    let o = vigie_command(
        dir.path(),
        &[
            "assessment",
            "new-key",
            "--out",
            key.to_str().expect("utf-8"),
            "--name",
            "Julien Moreau",
            "--organisation",
            "Conseil RGPD",
        ],
        &key_env,
    )
    .output()
    .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let countersigned = dir.path().join("back.vigie-assessment");
    let o = vigie_command(
        dir.path(),
        &[
            "assessment",
            "countersign",
            bundle_path.to_str().expect("utf-8"),
            "--key",
            key.to_str().expect("utf-8"),
            "--out",
            countersigned.to_str().expect("utf-8"),
        ],
        &key_env,
    )
    .output()
    .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // A wrong key passphrase: refused, nothing written.
    let again = dir.path().join("again.vigie-assessment");
    let o = vigie_command(
        dir.path(),
        &[
            "assessment",
            "countersign",
            countersigned.to_str().expect("utf-8"),
            "--key",
            key.to_str().expect("utf-8"),
            "--out",
            again.to_str().expect("utf-8"),
        ],
        &[("VIGIE_KEY_PASSPHRASE", "pas-la-bonne-phrase-du-tout")],
    )
    .output()
    .expect("run");
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(!again.exists());

    // Back at the practice.
    let back = countersigned.to_str().expect("utf-8");
    let o = run(dir.path(), &["assessment", "import", "--vault", v, back]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = run(
        dir.path(),
        &["--lang", "en", "assessment", "list", "--vault", v],
    );
    let t = text(&o);
    assert!(t.contains("Julien Moreau (DPO / consultant"), "{t}");
    // Importing the same file again brings nothing new.
    let o = run(
        dir.path(),
        &["--lang", "en", "assessment", "import", "--vault", v, back],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("no new valid signature"), "{}", text(&o));
    let o = run(dir.path(), &["verify", back]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));

    // On the practice's PC, with the key file: the same consultant cannot sign twice; the vault is
    // left as it was.
    let before = std::fs::read(&vault).expect("read");
    let o = vigie_command(
        dir.path(),
        &[
            "--lang",
            "en",
            "assessment",
            "countersign",
            "--vault",
            v,
            "--key",
            key.to_str().expect("utf-8"),
        ],
        &[key_env[0], ("VIGIE_PASSPHRASE", PASSPHRASE)],
    )
    .output()
    .expect("run");
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("already signed"), "{}", text(&o));
    assert_eq!(std::fs::read(&vault).expect("read"), before);
}

#[test]
fn a_consultant_countersigns_on_the_practices_pc_with_their_key_file() {
    let dir = temp_dir();
    let vault = dir.path().join("cabinet.vigie");
    let mut contents = vigie::demo::demo_contents();
    // Only the doctor's signature on last year's assessment.
    if let Some(last) = contents.assessments.signed.last_mut() {
        last.signatures.truncate(1);
    }
    create_vault_with(&vault, contents);
    let key = dir.path().join("dpo.vigie-key");
    let seed_signer = Signer::from_seed(&[3; 32], "Julie Roux", Role::Consultant, "DPO Santé");
    vigie::assessment::KeyFile::write_new(
        &key,
        &crate::common::new_passphrase("clef-de-julie-roux-dpo"),
        &seed_signer,
    )
    .expect("key file");
    let v = vault.to_str().expect("utf-8");
    let o = vigie_command(
        dir.path(),
        &[
            "assessment",
            "countersign",
            "--vault",
            v,
            "--key",
            key.to_str().expect("utf-8"),
        ],
        &[
            ("VIGIE_KEY_PASSPHRASE", "clef-de-julie-roux-dpo"),
            ("VIGIE_PASSPHRASE", PASSPHRASE),
        ],
    )
    .output()
    .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = run(
        dir.path(),
        &["--lang", "en", "assessment", "list", "--vault", v],
    );
    assert!(
        text(&o).contains("Julie Roux (DPO / consultant"),
        "{}",
        text(&o)
    );
}

#[test]
fn verify_refuses_what_is_not_a_signed_file_in_one_line() {
    let dir = temp_dir();
    let random = dir.path().join("notes.json");
    std::fs::write(&random, b"{\"hello\": 1}").expect("write");
    let o = run(
        dir.path(),
        &["--lang", "en", "verify", random.to_str().expect("utf-8")],
    );
    assert_eq!(o.status.code(), Some(2));
    let t = text(&o);
    assert!(t.contains("not a self-assessment signed by Vigie"), "{t}");
    let zip = dir.path().join("fake.vigie-assessment");
    std::fs::write(&zip, b"PK\x03\x04 not really a zip").expect("write");
    let o = run(
        dir.path(),
        &["--lang", "en", "verify", zip.to_str().expect("utf-8")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).lines().count(),
        1,
        "{}",
        text(&o)
    );
    let o = run(
        dir.path(),
        &[
            "verify",
            dir.path().join("absent.pdf").to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}

pub fn ssh_keygen() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("ssh-keygen"))
            .find(|p| p.is_file())
    });
    // CI installs OpenSSH (.ci/run): there, a missing ssh-keygen is a failure, not a skip.
    assert!(
        found.is_some() || !cfg!(unix) || std::env::var_os("CI").is_none(),
        "ssh-keygen is required in CI (openssh-client)"
    );
    found
}

#[test]
fn ssh_keygen_accepts_vigies_signatures_and_vigie_accepts_ssh_keygens() {
    // Without OpenSSH (a developer's Windows, Wine), nothing to compare with: CI has it.
    let Some(keygen) = ssh_keygen() else {
        return;
    };
    let dir = temp_dir();
    let (set, files, _) = demo_files();
    for (name, bytes) in &files.files {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    let doc = set.document_name();
    let pdf = pdf_name(&files);
    let check = |target: &str, principal: &str, namespace: &str| -> Output {
        let sig = bundle::signature_name(target, principal);
        std::process::Command::new(&keygen)
            .current_dir(dir.path())
            .args([
                "-Y",
                "verify",
                "-f",
                "allowed_signers",
                "-I",
                principal,
                "-n",
                namespace,
                "-s",
            ])
            .arg(&sig)
            .stdin(std::fs::File::open(dir.path().join(target)).expect("open"))
            .output()
            .expect("ssh-keygen")
    };
    for (target, principal, namespace) in [
        (doc.as_str(), "camille-lefevre", "vigie-assessment"),
        (doc.as_str(), "consultant-julien-moreau", "vigie-assessment"),
        (pdf.as_str(), "camille-lefevre", "vigie-report"),
    ] {
        let o = check(target, principal, namespace);
        assert!(o.status.success(), "{target} by {principal}: {}", text(&o));
        assert!(text(&o).contains("Good \""), "{}", text(&o));
    }
    // One changed byte: ssh-keygen refuses too.
    let path = dir.path().join(&doc);
    let mut bytes = std::fs::read(&path).expect("read");
    bytes[100] ^= 0x01;
    std::fs::write(&path, &bytes).expect("write");
    assert!(
        !check(&doc, "camille-lefevre", "vigie-assessment")
            .status
            .success()
    );

    // The other way: a key and a signature made by ssh-keygen, checked by Vigie.
    let key = dir.path().join("id_ed25519");
    let o = std::process::Command::new(&keygen)
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "dpo@example", "-f"])
        .arg(&key)
        .output()
        .expect("keygen");
    assert!(o.status.success(), "{}", text(&o));
    let message = dir.path().join("minutes.txt");
    std::fs::write(&message, "Compte rendu de visite, 1er décembre 2026\n").expect("write");
    let o = std::process::Command::new(&keygen)
        .args(["-Y", "sign", "-n", "vigie-report", "-f"])
        .arg(&key)
        .arg(&message)
        .output()
        .expect("sign");
    assert!(o.status.success(), "{}", text(&o));
    let public = std::fs::read_to_string(key.with_extension("pub")).expect("pub");
    let mut set = FileSet::default();
    set.put("minutes.txt", std::fs::read(&message).expect("read"));
    set.put(
        "minutes.txt.sig",
        std::fs::read(dir.path().join("minutes.txt.sig")).expect("sig"),
    );
    set.put(
        bundle::ALLOWED_SIGNERS,
        format!("dpo@example namespaces=\"vigie-report\" {public}").into_bytes(),
    );
    let v = verify(&set, "minutes.txt");
    assert!(v.is_valid(), "{v:?}");
    let key = vigie::assessment::sshsig::PublicKey::parse_openssh(&public).expect("key");
    assert_eq!(v.signers[0].fingerprint, key.fingerprint());
    // ssh-keygen -l prints the same fingerprint.
    let o = std::process::Command::new(&keygen)
        .args(["-l", "-f"])
        .arg(dir.path().join("id_ed25519.pub"))
        .output()
        .expect("-l");
    assert!(text(&o).contains(&key.fingerprint()), "{}", text(&o));
    let mut tampered = set.clone();
    tampered.put(
        "minutes.txt",
        b"Compte rendu de visite, 2 decembre 2026\n".to_vec(),
    );
    assert!(!verify(&tampered, "minutes.txt").is_valid());
}

/// What lies between `start` and `end` (included) in the text of a PDF, its lines trimmed.
fn between(text: &str, start: &str, end: &str) -> String {
    let from = text.find(start).expect("start");
    let to = from + text[from..].find(end).expect("end") + end.len();
    text[from..to]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_breach_registers_head_is_signed_on_paper_and_checks_from_what_is_printed() {
    let contents = vigie::demo::demo_contents();
    let pdf = vigie::report::breach::register_pdf(&contents, Lang::Fr).expect("pdf");
    let doc = lopdf::Document::load_mem(&pdf).expect("pdf");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    let head = contents.breaches.verify().expect("intact");
    // Typed again from the paper: the four lines (the head dated when it was signed), the signature,
    // the key line.
    let signed = format!("{}\n", between(&text, "vigie/breach-register/head/v2", "Z"));
    let (printed, at) = vigie::breach::chain::parse_head(signed.as_bytes()).expect("a dated head");
    assert_eq!(printed, head);
    assert!(at.is_some());
    let sig = format!(
        "{}\n",
        between(
            &text,
            "-----BEGIN SSH SIGNATURE-----",
            "-----END SSH SIGNATURE-----"
        )
    );
    let key_line = between(&text, "camille-lefevre namespaces=", "Signature OpenSSH")
        .trim_end_matches("Signature OpenSSH :")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut set = FileSet::default();
    set.put("head.txt", signed.clone().into_bytes());
    set.put("head.txt.sig", sig.into_bytes());
    set.put(bundle::ALLOWED_SIGNERS, key_line.into_bytes());
    let signature = vigie::assessment::sshsig::SshSignature::parse(&String::from_utf8_lossy(
        set.get("head.txt.sig").expect("sig"),
    ))
    .expect("the printed signature reads");
    assert_eq!(
        signature.verify("vigie-breach-register", signed.as_bytes()),
        Ok(())
    );
    // A head changed on paper (one event fewer) does not match the signature.
    let fewer = signed.replace(
        &format!("count: {}", head.count),
        &format!("count: {}", head.count - 1),
    );
    assert!(
        signature
            .verify("vigie-breach-register", fewer.as_bytes())
            .is_err()
    );
}

/// `signers.json` rewritten by someone: another RPPS for the doctor, signing dates in 2020, the
/// consultant renamed. Its content is signed by nobody.
fn edited_signers_json(files: &FileSet) -> Vec<u8> {
    let mut entries: Vec<serde_json::Value> =
        serde_json::from_slice(files.get(bundle::SIGNERS_JSON).expect("signers.json"))
            .expect("json");
    for e in &mut entries {
        e["signed_at"] = serde_json::Value::from("2020-03-01T10:00:00Z");
        if e["role"] == "doctor" {
            e["affiliation"] = serde_json::Value::from("RPPS 99999999999");
        } else {
            e["name"] = serde_json::Value::from("Pr Jean Autorité");
            e["affiliation"] = serde_json::Value::from("DPO — CNIL");
        }
    }
    serde_json::to_vec_pretty(&entries).expect("json")
}

#[test]
fn an_edited_signers_json_is_never_shown_as_verified_nor_imported() {
    let (set, files, _) = demo_files();
    let doc = set.document_name();
    let mut edited = files.clone();
    edited.put(bundle::SIGNERS_JSON, edited_signers_json(&files));

    // The signatures themselves still hold: the names shown are the signed ones.
    let v = verify(&edited, &doc);
    assert!(v.is_valid(), "{v:?}");
    for s in &v.signers {
        assert!(s.identity_signed, "{s:?}");
        assert!(!s.name.contains("Autorité") && !s.affiliation.contains("9999"));
        assert!(s.signed_at.is_none_or(|t| t.to_string().as_str() > "2021"));
        assert!(
            s.declared.is_none(),
            "nothing unsigned beside a signed identity"
        );
    }
    let shown = vigie::present::signed::text(&v, Lang::Fr);
    assert!(!shown.contains("Autorité"), "{shown}");
    assert!(!shown.contains("99999999999"), "{shown}");
    assert!(!shown.contains("2020"), "{shown}");
    assert!(shown.contains("Julien Moreau"), "{shown}");

    // Without the consultant's signed statement, what signers.json says is shown apart, never with ✓.
    let mut unsigned = edited.clone();
    unsigned
        .files
        .retain(|(n, _)| !n.starts_with("countersignature-"));
    let v = verify(&unsigned, &doc);
    let consultant = v
        .signers
        .iter()
        .find(|s| s.principal.starts_with("consultant-"))
        .expect("consultant");
    assert!(!consultant.identity_signed);
    assert!(consultant.name.is_empty() && consultant.role.is_none());
    assert_eq!(
        consultant.declared.as_ref().map(|d| d.name.as_str()),
        Some("Pr Jean Autorité")
    );
    let shown = vigie::present::signed::text(&v, Lang::Fr);
    for line in shown.lines().filter(|l| l.contains('✓')) {
        assert!(
            !line.contains("Autorité") && !line.contains("2020"),
            "{line}"
        );
    }
    assert!(shown.contains("signé par personne"), "{shown}");

    // Imported into the practice's vault: the renamed consultant never enters it.
    let doctor_only = || vigie::assessment::SignedAssessment {
        id: set.id.clone(),
        completed_at: jiff::Timestamp::UNIX_EPOCH,
        document: std::sync::Arc::clone(&set.document),
        signatures: set.signatures[..1].to_vec(),
    };
    let mut mine = doctor_only();
    let renamed = unsigned.signature_set().expect("set");
    assert_eq!(
        mine.import(&renamed),
        Err(vigie::assessment::SignError::NothingNew)
    );
    // With the signed statement, the identity imported is the statement's, whatever signers.json says.
    assert_eq!(mine.import(&edited.signature_set().expect("set")), Ok(1));
    let imported = &mine.signatures[1].identity;
    assert_eq!(imported.name, "Julien Moreau");
    assert!(
        mine.signatures
            .iter()
            .all(|s| !s.identity.name.contains("Autorité"))
    );

    // A statement edited to rename the consultant no longer verifies.
    let mut forged = edited.clone();
    let (st_name, st_bytes) = forged
        .files
        .iter()
        .find(|(n, _)| n.starts_with("countersignature-") && bundle::is_json(n))
        .cloned()
        .expect("statement");
    let text = String::from_utf8(st_bytes)
        .expect("utf-8")
        .replace("Julien Moreau", "Jean Autorité");
    forged.put(&st_name, text.into_bytes());
    let v = verify(&forged, &doc);
    assert!(v.signers.iter().all(|s| !s.name.contains("Autorité")));
    let mut mine = doctor_only();
    assert!(mine.import(&forged.signature_set().expect("set")).is_err());
}

#[test]
fn ssh_keygen_checks_the_consultants_statement() {
    let Some(keygen) = ssh_keygen() else {
        return;
    };
    let dir = temp_dir();
    let (_, files, _) = demo_files();
    for (name, bytes) in &files.files {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    let statement = files
        .files
        .iter()
        .map(|(n, _)| n.clone())
        .find(|n| n.starts_with("countersignature-") && bundle::is_json(n))
        .expect("statement exported");
    let o = std::process::Command::new(&keygen)
        .current_dir(dir.path())
        .args([
            "-Y",
            "verify",
            "-f",
            "allowed_signers",
            "-I",
            "consultant-julien-moreau",
            "-n",
            vigie::assessment::STATEMENT_NAMESPACE,
            "-s",
        ])
        .arg(format!("{statement}.sig"))
        .stdin(std::fs::File::open(dir.path().join(&statement)).expect("open"))
        .output()
        .expect("ssh-keygen");
    assert!(o.status.success(), "{}", text(&o));
}

/// One case of the differential corpus: an `allowed_signers` text, a principal, a namespace, a
/// signature file and a message.
struct Case {
    what: String,
    allowed: Vec<u8>,
    principal: String,
    namespace: String,
    sig: Vec<u8>,
    message: Vec<u8>,
}

#[test]
fn vigie_and_ssh_keygen_agree_on_every_variant_of_signature_and_allowed_signers() {
    let Some(keygen) = ssh_keygen() else {
        return;
    };
    let dir = temp_dir();
    let key = dir.path().join("id_ed25519");
    let o = std::process::Command::new(&keygen)
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "dr@example", "-f"])
        .arg(&key)
        .output()
        .expect("keygen");
    assert!(o.status.success(), "{}", text(&o));
    let other = dir.path().join("id_other");
    let o = std::process::Command::new(&keygen)
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&other)
        .output()
        .expect("keygen");
    assert!(o.status.success(), "{}", text(&o));
    let message = b"{\"format\":\"vigie-signed-assessment\"}\n".to_vec();
    let msg_path = dir.path().join("doc.json");
    std::fs::write(&msg_path, &message).expect("write");
    let o = std::process::Command::new(&keygen)
        .args(["-Y", "sign", "-n", "vigie-assessment", "-f"])
        .arg(&key)
        .arg(&msg_path)
        .output()
        .expect("sign");
    assert!(o.status.success(), "{}", text(&o));
    let sig = std::fs::read_to_string(dir.path().join("doc.json.sig")).expect("sig");
    let public = std::fs::read_to_string(key.with_extension("pub")).expect("pub");
    let public = public.trim();
    let other_public = std::fs::read_to_string(other.with_extension("pub")).expect("pub");
    let other_public = other_public.trim();

    let principal = "camille-lefevre";
    let ns = "vigie-assessment";
    let base_allowed = format!("{principal} namespaces=\"{ns}\" {public}\n");
    let mut cases = Vec::new();
    let mut case =
        |what: String, allowed: String, principal: &str, namespace: &str, sig: String| {
            cases.push(Case {
                what,
                allowed: allowed.into_bytes(),
                principal: principal.to_owned(),
                namespace: namespace.to_owned(),
                sig: sig.into_bytes(),
                message: message.clone(),
            });
        };

    // The armour.
    let armour: Vec<(&str, String)> = vec![
        ("original", sig.clone()),
        ("CRLF", sig.replace('\n', "\r\n")),
        ("CRLF body only", {
            let mut lines: Vec<&str> = sig.lines().collect();
            let last = lines.pop().expect("footer");
            format!("{}\n{last}\n", lines.join("\r\n"))
        }),
        ("leading blank line", format!("\n{sig}")),
        ("leading space", format!(" {sig}")),
        (
            "trailing garbage",
            format!("{sig}garbage after the footer\n"),
        ),
        ("no final newline", sig.trim_end().to_owned()),
        ("blank line in body", sig.replacen('\n', "\n\n", 2)),
        ("spaces in body", sig.replacen('\n', "\n  ", 2)),
        ("tab in body", {
            let b = sig.find('\n').expect("nl") + 10;
            format!("{}\t{}", &sig[..b], &sig[b..])
        }),
        (
            "lowercase header",
            sig.replace("BEGIN SSH SIGNATURE", "begin ssh signature"),
        ),
        ("short header", sig.replacen("-----BEGIN", "----BEGIN", 1)),
        ("short footer", sig.replace("-----END", "----END")),
        (
            "no footer",
            sig.replace("-----END SSH SIGNATURE-----\n", ""),
        ),
        ("footer on body line", sig.replace("\n-----END", "-----END")),
        ("padding removed", sig.replace('=', "")),
        ("padding added", sig.replace("\n-----END", "==\n-----END")),
        (
            "header twice",
            format!("-----BEGIN SSH SIGNATURE-----\n{sig}"),
        ),
        ("empty", String::new()),
    ];
    for (what, s) in armour {
        case(
            format!("armour: {what}"),
            base_allowed.clone(),
            principal,
            ns,
            s,
        );
    }
    // Every character of the base64 changed to another.
    let header_end = sig.find('\n').expect("header") + 1;
    let footer = sig.find("\n-----END").expect("footer");
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (n, i) in (header_end..footer).enumerate() {
        let c = sig.as_bytes()[i];
        if c == b'\n' {
            continue;
        }
        let pos = alphabet.iter().position(|&a| a == c).unwrap_or(0);
        let replacement = alphabet[(pos + 1 + n % 7) % alphabet.len()];
        let mut bytes = sig.clone().into_bytes();
        bytes[i] = replacement;
        case(
            format!("base64 char {i} {} -> {}", c as char, replacement as char),
            base_allowed.clone(),
            principal,
            ns,
            String::from_utf8(bytes).expect("ascii"),
        );
    }

    // The allowed_signers file.
    let allowed: Vec<(&str, String)> = vec![
        ("plain", format!("{principal} {public}\n")),
        ("changed principal", format!("elise-martin {public}\n")),
        ("principal list", format!("a,{principal},b {public}\n")),
        ("principal pattern", format!("camille-* {public}\n")),
        ("principal ?", format!("camille-lefevr? {public}\n")),
        ("principal pattern, no match", format!("elise-* {public}\n")),
        (
            "principal pattern, too short",
            format!("camille-lefevr {public}\n"),
        ),
        ("star", format!("* {public}\n")),
        ("negated", format!("*,!{principal} {public}\n")),
        ("quoted principal", format!("\"{principal}\" {public}\n")),
        (
            "quoted principals with space",
            format!("\"x y,{principal}\" {public}\n"),
        ),
        ("case of principal", format!("Camille-Lefevre {public}\n")),
        (
            "namespace listed",
            format!("{principal} namespaces=\"{ns}\" {public}\n"),
        ),
        (
            "other namespace",
            format!("{principal} namespaces=\"git\" {public}\n"),
        ),
        (
            "namespace pattern",
            format!("{principal} namespaces=\"vigie-*\" {public}\n"),
        ),
        (
            "namespace pattern, no match",
            format!("{principal} namespaces=\"git*\" {public}\n"),
        ),
        (
            "namespace list",
            format!("{principal} namespaces=\"git,{ns}\" {public}\n"),
        ),
        (
            "namespace negated",
            format!("{principal} namespaces=\"*,!{ns}\" {public}\n"),
        ),
        (
            "uppercase option",
            format!("{principal} NAMESPACES=\"{ns}\" {public}\n"),
        ),
        (
            "unquoted namespaces",
            format!("{principal} namespaces={ns} {public}\n"),
        ),
        (
            "two namespaces options",
            format!("{principal} namespaces=\"{ns}\",namespaces=\"{ns}\" {public}\n"),
        ),
        (
            "cert-authority",
            format!("{principal} cert-authority {public}\n"),
        ),
        (
            "unknown option",
            format!("{principal} no-touch-required {public}\n"),
        ),
        (
            "trailing comma",
            format!("{principal} namespaces=\"{ns}\", {public}\n"),
        ),
        (
            "expired",
            format!("{principal} valid-before=\"20200101\" {public}\n"),
        ),
        (
            "not yet valid",
            format!("{principal} valid-after=\"29990101Z\" {public}\n"),
        ),
        (
            "valid window",
            format!("{principal} valid-after=\"20200101\",valid-before=\"29990101\" {public}\n"),
        ),
        (
            "window reversed",
            format!("{principal} valid-after=\"29990101\",valid-before=\"20200101\" {public}\n"),
        ),
        (
            "bad time",
            format!("{principal} valid-after=\"2020\" {public}\n"),
        ),
        (
            "time with Z and seconds",
            format!("{principal} valid-after=\"20200101120000Z\" {public}\n"),
        ),
        (
            "comment and blank lines",
            format!("# comment\n\n   \n{principal} {public}\n"),
        ),
        ("indented", format!("  \t{principal} {public}\n")),
        (
            "tabs",
            format!("{principal}\t{public}\n").replace(' ', "\t"),
        ),
        ("CRLF", format!("# c\r\n{principal} {public}\r\n")),
        (
            "key comment",
            format!("{principal} {public} with a comment\n"),
        ),
        ("other key", format!("{principal} {other_public}\n")),
        (
            "both keys",
            format!("{principal} {other_public}\n{principal} {public}\n"),
        ),
        (
            "bad line then good",
            format!("{principal} garbage\n{principal} {public}\n"),
        ),
        ("principal only", format!("{principal}\n")),
        ("no newline", format!("{principal} {public}")),
        ("key type only", format!("{principal} ssh-ed25519\n")),
        ("empty", String::new()),
    ];
    for (what, a) in allowed {
        case(
            format!("allowed_signers: {what}"),
            a,
            principal,
            ns,
            sig.clone(),
        );
    }
    case(
        "namespace asked: git".into(),
        base_allowed.clone(),
        principal,
        "git",
        sig.clone(),
    );
    case(
        "principal asked: other".into(),
        base_allowed.clone(),
        "other",
        ns,
        sig.clone(),
    );
    let now = jiff::Timestamp::now().as_second();
    case(
        "changed message".into(),
        base_allowed.clone(),
        principal,
        ns,
        sig.clone(),
    );
    if let Some(last) = cases.last_mut() {
        last.message = b"{\"format\":\"vigie-signed-assessment\"} \n".to_vec();
    }

    assert!(cases.len() >= 300, "{} cases", cases.len());
    let mut disagreements = Vec::new();
    let mut good = 0;
    for c in &cases {
        let allowed_path = dir.path().join("allowed");
        let sig_path = dir.path().join("case.sig");
        std::fs::write(&allowed_path, &c.allowed).expect("write");
        std::fs::write(&sig_path, &c.sig).expect("write");
        std::fs::write(&msg_path, &c.message).expect("write");
        let o = std::process::Command::new(&keygen)
            .args(["-Y", "verify", "-f"])
            .arg(&allowed_path)
            .args(["-I", &c.principal, "-n", &c.namespace, "-s"])
            .arg(&sig_path)
            .stdin(std::fs::File::open(&msg_path).expect("open"))
            .output()
            .expect("ssh-keygen");
        let theirs = o.status.success();
        let ours = vigie::assessment::sshsig::verify_like_ssh_keygen(
            &String::from_utf8_lossy(&c.allowed),
            &c.principal,
            &c.namespace,
            &String::from_utf8_lossy(&c.sig),
            &c.message,
            now,
        );
        good += usize::from(theirs);
        if theirs != ours {
            disagreements.push(format!(
                "{}: ssh-keygen {theirs}, Vigie {ours} ({})",
                c.what,
                text(&o).trim()
            ));
        }
    }
    assert!(
        good >= 15,
        "the corpus holds cases ssh-keygen accepts: {good}"
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreements of {}:\n{}",
        disagreements.len(),
        cases.len(),
        disagreements.join("\n")
    );
}

#[test]
fn verify_refuses_a_changed_principal_a_crlf_signature_and_damaged_armour_as_ssh_keygen_does() {
    let (set, files, _) = demo_files();
    let doc = set.document_name();
    assert!(verify(&files, &doc).is_valid());
    // The doctor's principal changed in allowed_signers: `-I camille-lefevre` finds no line.
    let mut renamed = files.clone();
    let text = String::from_utf8(files.get(bundle::ALLOWED_SIGNERS).expect("a").to_vec())
        .expect("utf-8")
        .replace("\ncamille-lefevre ", "\nelise-martin ");
    renamed.put(bundle::ALLOWED_SIGNERS, text.into_bytes());
    let v = verify(&renamed, &doc);
    assert!(!v.is_valid());
    assert!(
        v.signers
            .iter()
            .any(|s| s.principal == "camille-lefevre" && s.status == SignerStatus::UnknownKey),
        "{v:?}"
    );
    // The doctor's signature saved with CRLF line ends, or with its armour damaged.
    let sig_name = bundle::signature_name(&doc, "camille-lefevre");
    let sig = String::from_utf8(files.get(&sig_name).expect("sig").to_vec()).expect("utf-8");
    for bad in [
        sig.replace('\n', "\r\n"),
        format!("\n{sig}"),
        sig.replace("-----END", "----END"),
        sig.replacen("-----BEGIN", "-----BEGlN", 1),
    ] {
        let mut damaged = files.clone();
        damaged.put(&sig_name, bad.into_bytes());
        let v = verify(&damaged, &doc);
        assert!(!v.is_valid());
        assert!(
            v.signers
                .iter()
                .any(|s| s.file == sig_name && s.status == SignerStatus::Malformed),
            "{v:?}"
        );
    }
}

#[test]
fn a_re_keyed_forgery_is_refused_against_the_expected_fingerprint_and_never_countersigned() {
    let dir = temp_dir();
    let (set, files, doctor) = demo_files();
    let real_fp = doctor.identity.fingerprint();
    let real = dir.path().join("real.vigie-assessment");
    std::fs::write(&real, set.files().to_zip()).expect("write");

    // Two fresh keys' worth of forgery: the score raised, the document re-signed by a new key under
    // the doctor's name, with an allowed_signers of its own. ssh-keygen would say "Good".
    let mut doc = AssessmentDocument::parse(&set.document).expect("parse");
    doc.scores.overall_percent = Some(97);
    let forger = Signer::from_seed(&[77; 32], &doc.signer.name, Role::Doctor, "");
    doc.signer = forger.identity.clone();
    let bytes = doc.to_bytes();
    let forged_set = SignatureSet {
        id: set.id.clone(),
        signatures: vec![StoredSignature {
            identity: forger.identity.clone(),
            signed_at: jiff::Timestamp::now(),
            armored: forger.sign(NAMESPACE, &bytes),
            statement: None,
        }],
        document: bytes.into(),
    };
    let forged = dir.path().join("forged.vigie-assessment");
    std::fs::write(&forged, forged_set.files().to_zip()).expect("write");
    let f = forged.to_str().expect("utf-8");

    // Without an anchor: valid as ssh-keygen says, and plainly not proof of anything.
    let o = run(dir.path(), &["--lang", "fr", "verify", f]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(t.contains("ne prouve rien"), "{t}");
    // With the doctor's fingerprint from the recovery sheet: refused, and said why.
    let o = run(
        dir.path(),
        &[
            "--lang",
            "fr",
            "verify",
            "--expect-fingerprint",
            &real_fp,
            f,
        ],
    );
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("n'est PAS celle attendue"), "{t}");
    assert!(t.contains(&forger.identity.fingerprint()), "{t}");
    // The real one matches (the prefix is optional).
    let bare = real_fp.trim_start_matches("SHA256:");
    let o = run(
        dir.path(),
        &[
            "--lang",
            "en",
            "verify",
            "--expect-fingerprint",
            bare,
            real.to_str().expect("utf-8"),
        ],
    );
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(t.contains("is the one expected"), "{t}");

    // The consultant: shown what they countersign, and a forgery refused.
    let key = dir.path().join("julien.vigie-key");
    let key_env = [("VIGIE_KEY_PASSPHRASE", "clef-conseil-rgpd-sante-42")];
    let o = vigie_command(
        dir.path(),
        &[
            "assessment",
            "new-key",
            "--out",
            key.to_str().expect("utf-8"),
            "--name",
            "Julien Moreau",
            "--organisation",
            "Conseil RGPD",
        ],
        &key_env,
    )
    .output()
    .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let countersign = |bundle: &Path, out: &Path, expect: Option<&str>| -> Output {
        let mut args = vec![
            "--lang",
            "fr",
            "assessment",
            "countersign",
            bundle.to_str().expect("utf-8"),
            "--key",
            key.to_str().expect("utf-8"),
            "--out",
            out.to_str().expect("utf-8"),
        ];
        if let Some(fp) = expect {
            args.extend(["--expect-fingerprint", fp]);
        }
        vigie_command(dir.path(), &args, &key_env)
            .output()
            .expect("run")
    };
    let out = dir.path().join("forged-countersigned.vigie-assessment");
    let o = countersign(&forged, &out, Some(&real_fp));
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(!out.exists());
    // A document changed after the doctor signed: refused even without an anchor.
    let mut broken = files.clone();
    let doc_name = set.document_name();
    let mut changed = broken.get(&doc_name).expect("doc").to_vec();
    changed[200] ^= 1;
    broken.put(&doc_name, changed);
    let broken_path = dir.path().join("broken.vigie-assessment");
    std::fs::write(&broken_path, broken.to_zip()).expect("write");
    let out = dir.path().join("broken-countersigned.vigie-assessment");
    let o = countersign(&broken_path, &out, None);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(!out.exists());
    // The real one: what is countersigned is printed — practice, score, code, the doctor's key.
    let out = dir.path().join("real-countersigned.vigie-assessment");
    let o = countersign(&real, &out, Some(&real_fp));
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    let score = doc_score(&set);
    for wanted in [
        "Cabinet de radiologie du Dr Lefèvre".to_owned(),
        format!("Score global\u{a0}: {score}"),
        document::grouped(&vigie::digest::sha256_hex(&set.document)),
        real_fp.clone(),
        "bien celle attendue".to_owned(),
    ] {
        assert!(t.contains(&wanted), "{wanted} not in {t}");
    }
}

fn doc_score(set: &SignatureSet) -> u32 {
    AssessmentDocument::parse(&set.document)
        .expect("parse")
        .scores
        .overall_percent
        .expect("a score")
}

#[test]
fn the_consultants_vigie_pins_the_doctors_key_and_refuses_a_re_keyed_forgery_without_a_reason() {
    let dir = temp_dir();
    let (set, _files, doctor) = demo_files();
    let real_fp = doctor.identity.fingerprint();
    let real = dir.path().join("real.vigie-assessment");
    std::fs::write(&real, set.files().to_zip()).expect("write");
    // The forgery: the score raised, re-signed by a fresh key under the doctor's name.
    let mut doc = AssessmentDocument::parse(&set.document).expect("parse");
    doc.scores.overall_percent = Some(97);
    let forger = Signer::from_seed(&[78; 32], &doc.signer.name, Role::Doctor, "");
    doc.signer = forger.identity.clone();
    let bytes = doc.to_bytes();
    let forged_set = SignatureSet {
        id: set.id.clone(),
        signatures: vec![StoredSignature {
            identity: forger.identity.clone(),
            signed_at: jiff::Timestamp::now(),
            armored: forger.sign(NAMESPACE, &bytes),
            statement: None,
        }],
        document: bytes.into(),
    };
    let forged = dir.path().join("forged.vigie-assessment");
    std::fs::write(&forged, forged_set.files().to_zip()).expect("write");

    let key = dir.path().join("julien.vigie-key");
    let key_pass = "clef-conseil-rgpd-sante-42";
    let key_env = [("VIGIE_KEY_PASSPHRASE", key_pass)];
    let o = vigie_command(
        dir.path(),
        &[
            "assessment",
            "new-key",
            "--out",
            key.to_str().expect("utf-8"),
            "--name",
            "Julien Moreau",
            "--organisation",
            "Conseil RGPD",
        ],
        &key_env,
    )
    .output()
    .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let countersign = |bundle: &Path, out: &Path, reason: Option<&str>| -> Output {
        let mut args = vec![
            "--lang",
            "fr",
            "assessment",
            "countersign",
            bundle.to_str().expect("utf-8"),
            "--key",
            key.to_str().expect("utf-8"),
            "--out",
            out.to_str().expect("utf-8"),
        ];
        if let Some(r) = reason {
            args.extend(["--accept-key-change", r]);
        }
        vigie_command(dir.path(), &args, &key_env)
            .output()
            .expect("run")
    };
    let pins = || {
        vigie::assessment::KeyFile::pins(&key, vigie::vault::Unlock::Passphrase(key_pass))
            .expect("pins")
    };
    assert!(pins().is_empty());

    // The first countersignature pins the practice's doctor key, in the key file.
    let out = dir.path().join("real-countersigned.vigie-assessment");
    let o = countersign(&real, &out, None);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let pinned = pins();
    assert_eq!(pinned.all().len(), 1);
    assert_eq!(pinned.all()[0].fingerprint, real_fp);
    assert!(
        pinned.all()[0]
            .practice
            .starts_with("Cabinet de radiologie du Dr Lefèvre")
    );

    // The re-keyed forgery: refused, the two fingerprints named, nothing written, the pin unchanged.
    let out = dir.path().join("forged-countersigned.vigie-assessment");
    let o = countersign(&forged, &out, None);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("a changé"), "{t}");
    assert!(t.contains(&real_fp), "{t}");
    assert!(t.contains(&forger.identity.fingerprint()), "{t}");
    assert!(!out.exists());
    assert_eq!(pins(), pinned);
    // A blank reason is no reason.
    let o = countersign(&forged, &out, Some("   "));
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(!out.exists());

    // Confirmed with a reason: accepted, the reason kept in the key file and signed in the statement.
    let reason = "Nouveau poste du Dr Lefèvre, empreinte vérifiée par téléphone";
    let o = countersign(&forged, &out, Some(reason));
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(t.contains(reason), "{t}");
    let after = pins();
    assert_eq!(after.all()[0].fingerprint, forger.identity.fingerprint());
    let change = after.all()[0].changes.last().expect("a change kept");
    assert_eq!(change.previous, real_fp);
    assert_eq!(change.reason, reason);
    let written = FileSet::from_zip(&std::fs::read(&out).expect("read"))
        .expect("zip")
        .signature_set()
        .expect("set");
    let statement = written
        .signatures
        .last()
        .and_then(|s| s.statement.as_ref())
        .expect("a statement");
    let st: vigie::assessment::Statement =
        serde_json::from_slice(&statement.bytes).expect("statement");
    let kc = st.key_change.expect("the change is signed");
    assert_eq!(kc.previous_fingerprint, real_fp);
    assert_eq!(kc.reason, reason);
    // And `vigie verify` prints it, as signed.
    let o = run(
        dir.path(),
        &["--lang", "fr", "verify", out.to_str().expect("utf-8")],
    );
    let t = text(&o);
    assert!(t.contains(reason), "{t}");
    assert!(t.contains("raison signée par le contre-signataire"), "{t}");

    // The pin follows: the old key is now the changed one.
    let out = dir.path().join("real-again.vigie-assessment");
    let o = countersign(&real, &out, None);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

/// `sha256sum -c SHA256SUMS` in `dir` when the tool exists; the same check recomputed in Rust from the
/// list's text in any case. Returns the names listed.
#[expect(
    clippy::print_stderr,
    reason = "a test that skips the tool's half says so (CI has coreutils and fails without it)"
)]
pub fn check_sums(dir: &Path) -> Vec<String> {
    let list = std::fs::read_to_string(dir.join("SHA256SUMS")).expect("SHA256SUMS");
    let mut names = Vec::new();
    for line in list.lines() {
        let (hash, name) = line.split_once("  ").expect("<hash>  <name>");
        let bytes = std::fs::read(dir.join(name)).expect("a listed file");
        assert_eq!(vigie::digest::sha256_hex(&bytes), hash, "{name}");
        names.push(name.to_owned());
    }
    match std::process::Command::new("sha256sum")
        .args(["-c", "--strict", "SHA256SUMS"])
        .current_dir(dir)
        .output()
    {
        Ok(o) => assert!(o.status.success(), "{}", text(&o)),
        Err(e) => {
            assert!(
                !cfg!(unix) || std::env::var_os("CI").is_none(),
                "sha256sum is required in CI (coreutils): {e}"
            );
            eprintln!("sha256sum not found ({e}): checked in Rust only");
        }
    }
    names
}

#[test]
fn the_signed_set_carries_its_evidence_its_checksums_and_names_each_code_apart() {
    let dir = temp_dir();
    let vault = dir.path().join("demo.vigie");
    let contents = vigie::demo::demo_contents();
    let evidence = contents.checklist.evidence.clone();
    let doc = AssessmentDocument::parse(&contents.assessments.last().expect("signed").document)
        .expect("doc");
    assert!(
        !doc.evidence.is_empty(),
        "the demo's assessment names evidence"
    );
    create_vault_with(&vault, contents);
    let out = dir.path().join("signed");
    let o = run(
        dir.path(),
        &[
            "--lang",
            "fr",
            "export",
            "--vault",
            vault.to_str().expect("utf-8"),
            "--kind",
            "signed-assessment",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let listed = check_sums(&out);
    // Every file of the folder is listed, the evidence files among them, named by their hash.
    let mut on_disk = Vec::new();
    for e in std::fs::read_dir(&out).expect("dir") {
        let p = e.expect("entry").path();
        let name = p.file_name().expect("name").to_string_lossy().into_owned();
        if p.is_dir() {
            for f in std::fs::read_dir(&p).expect("dir") {
                let f = f.expect("entry").file_name().to_string_lossy().into_owned();
                on_disk.push(format!("{name}/{f}"));
            }
        } else if name != "SHA256SUMS" {
            on_disk.push(name);
        }
    }
    on_disk.sort();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(sorted, on_disk);
    for named in &doc.evidence {
        let file = format!("evidence/{}", named.sha256);
        assert!(listed.contains(&file), "{file} in {listed:?}");
        let kept = evidence
            .iter()
            .find(|e| e.sha256 == named.sha256)
            .expect("kept");
        assert_eq!(
            std::fs::read(out.join(&file)).expect("read"),
            kept.content.to_vec()
        );
    }
    // HOW-TO-VERIFY.txt: the statement's exact command, signers.json said to be signed by nobody,
    // the checksums.
    let howto = std::fs::read_to_string(out.join("HOW-TO-VERIFY.txt")).expect("howto");
    for wanted in [
        "ssh-keygen -Y verify -f allowed_signers -I consultant-julien-moreau -n vigie-countersignature -s countersignature-consultant-julien-moreau.json.sig < countersignature-consultant-julien-moreau.json",
        "signers.json n'est couvert par AUCUNE signature",
        "signers.json is covered by NO signature",
        "sha256sum -c SHA256SUMS",
        "Code du document",
        "code du PDF",
        "PDF's code",
    ] {
        assert!(howto.contains(wanted), "{wanted} not in {howto}");
    }
    // The statement's command works with ssh-keygen itself.
    if let Some(keygen) = ssh_keygen() {
        let st = "countersignature-consultant-julien-moreau.json";
        let o = std::process::Command::new(keygen)
            .args([
                "-Y",
                "verify",
                "-f",
                "allowed_signers",
                "-I",
                "consultant-julien-moreau",
                "-n",
                "vigie-countersignature",
                "-s",
                &format!("{st}.sig"),
            ])
            .current_dir(&out)
            .stdin(std::fs::File::open(out.join(st)).expect("statement"))
            .output()
            .expect("ssh-keygen");
        assert!(o.status.success(), "{}", text(&o));
    }
    // `vigie verify`: the document's code and the PDF's code under different names; the PDF's own date.
    let find = |suffix: &str| {
        listed
            .iter()
            .find(|n| n.ends_with(suffix) && !n.contains('/') && n.as_str() != "signers.json")
            .expect("exported")
            .clone()
    };
    let pdf = out.join(find(".pdf"));
    let o = run(
        dir.path(),
        &["--lang", "fr", "verify", pdf.to_str().expect("utf-8")],
    );
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    let pdf_code = document::grouped(&vigie::digest::sha256_hex(
        &std::fs::read(&pdf).expect("pdf"),
    ));
    assert!(
        t.contains(&format!(
            "Code du PDF (SHA-256 de ce fichier PDF, pas le code du document)\u{a0}: {pdf_code}"
        )),
        "{t}"
    );
    assert!(t.contains("PDF établi le"), "{t}");
    assert!(!t.contains("Code du document"), "{t}");
    // signers.json dates the document's signatures: never shown as the PDF's.
    assert!(!t.contains("Signé le"), "{t}");
    let json = out.join(find(".json"));
    let o = run(
        dir.path(),
        &["--lang", "fr", "verify", json.to_str().expect("utf-8")],
    );
    let t = text(&o);
    assert!(
        t.contains("Code du document (SHA-256 du document signé)"),
        "{t}"
    );
    assert!(!t.contains("Code du PDF"), "{t}");
}

/// A text string of a PDF's information dictionary (`/Subject`, `/Keywords`), UTF-16BE with its BOM
/// or PDFDocEncoding (ASCII here).
fn pdf_info(pdf: &[u8], key: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF lopdf reads");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("an information dictionary");
    let bytes = info
        .get(key)
        .and_then(lopdf::Object::as_str)
        .expect("the key")
        .to_vec();
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16(
            &utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
                .collect::<Vec<_>>(),
        )
        .expect("utf-16"),
        None => String::from_utf8(bytes).expect("ascii"),
    }
}

#[test]
fn the_assessment_and_register_pdfs_carry_their_codes_in_their_metadata() {
    let (set, files, _) = demo_files();
    let pdf = files.get(&pdf_name(&files)).expect("the report").to_vec();
    let code = vigie::digest::sha256_hex(&set.document);
    assert!(pdf_info(&pdf, b"Subject").contains(&code));
    assert!(pdf_info(&pdf, b"Keywords").contains(&format!("sha256:{code}")));

    let contents = vigie::demo::demo_contents();
    let head = contents.breaches.head();
    let register = vigie::report::Document::BreachRegister
        .render(Some(&contents), Lang::En)
        .expect("the register");
    let subject = pdf_info(&register, b"Subject");
    assert!(subject.contains(&head.hash_hex()), "{subject}");
    assert!(
        subject.contains(&format!("{} events", head.count)),
        "{subject}"
    );
    assert!(pdf_info(&register, b"Keywords").contains(&format!("head-sha256:{}", head.hash_hex())));
}
