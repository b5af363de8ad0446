//! Issue 32, deliverable 3: heads that cannot be rewritten quietly. A signed self-assessment witnesses
//! the breach register's head; `vigie verify REGISTER --assessment SIGNED` says whether a register
//! export still extends it, and names what differs when events were cut off or rewritten.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::{PASSPHRASE, create_vault_with, temp_dir, vigie_command};
use vigie::practice_file::PracticeFile;
use vigie::vault::Unlock;

fn vigie(data: &Path, args: &[&str]) -> Output {
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
    .replace(['\u{a0}', '\u{202f}'], " ")
}

/// The demo practice, its assessment signed now by this Vigie, its register exported: (vault, the
/// signed bundle, the register export folder).
fn signed_and_exported(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let vault = dir.join("cabinet.vigie");
    create_vault_with(&vault, vigie::demo::demo_contents());
    let v = vault.to_str().expect("utf-8");
    let o = vigie(dir, &["--lang", "fr", "assessment", "sign", "--vault", v]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let signed = dir.join("signé");
    let o = vigie(
        dir,
        &[
            "--lang",
            "fr",
            "export",
            "--vault",
            v,
            "--kind",
            "signed-assessment",
            "--out",
            signed.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let bundle = std::fs::read_dir(&signed)
        .expect("out")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().ends_with(".vigie-assessment"))
        .expect("bundle");
    let register = dir.join("registre");
    let o = vigie(
        dir,
        &[
            "--lang",
            "fr",
            "export",
            "--vault",
            v,
            "--kind",
            "breach-register",
            "--out",
            register.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    (vault, bundle, register)
}

fn check(dir: &Path, register: &Path, signed: &Path) -> Output {
    vigie(
        dir,
        &[
            "--lang",
            "fr",
            "verify",
            register.to_str().expect("utf-8"),
            "--assessment",
            signed.to_str().expect("utf-8"),
        ],
    )
}

/// An event line of `events.jsonl`, its hash computed here from the format document alone.
fn line(seq: u64, prev: [u8; 32], body: &str) -> (String, [u8; 32]) {
    use sha2::{Digest as _, Sha256};
    let mut h = Sha256::new();
    h.update(b"vigie/breach-register/event/v1\n");
    h.update(prev);
    h.update((body.len() as u64).to_be_bytes());
    h.update(body.as_bytes());
    let hash: [u8; 32] = h.finalize().into();
    let v = serde_json::json!({
        "seq": seq,
        "breach": serde_json::from_str::<serde_json::Value>(body).expect("body")["breach"],
        "prev": hex::encode(prev),
        "hash": hex::encode(hash),
        "body": body,
    });
    (format!("{v}\n"), hash)
}

/// The bodies of an export's events.
fn bodies(register: &Path) -> Vec<String> {
    std::fs::read_to_string(register.join("events.jsonl"))
        .expect("events")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            v["body"].as_str().expect("body").to_owned()
        })
        .collect()
}

/// Writes `bodies` as a fresh, internally consistent `events.jsonl` (every hash recomputed): what
/// someone holding the passphrase could produce.
fn rechain(register: &Path, bodies: &[String]) {
    let mut prev = [0u8; 32];
    let mut out = String::new();
    for (i, b) in bodies.iter().enumerate() {
        let (l, h) = line(i as u64 + 1, prev, b);
        out.push_str(&l);
        prev = h;
    }
    std::fs::write(register.join("events.jsonl"), out).expect("write");
}

#[test]
fn the_signed_document_witnesses_the_register_head_and_the_last_records() {
    let dir = temp_dir();
    let (vault, _, _) = signed_and_exported(dir.path());
    let v = PracticeFile::open(&vault, Unlock::Passphrase(PASSPHRASE)).expect("open");
    let c = v.contents();
    let doc = c
        .assessments
        .last()
        .expect("signed")
        .parsed()
        .expect("reads");
    // Version 3: version 2's `witnessed`, and the register frozen beside it.
    assert_eq!(doc.version, 3);
    assert!(doc.binder.is_some(), "version 3 freezes the register");
    let w = doc.witnessed.expect("version 2 witnesses");
    let head = c.breaches.head();
    assert_eq!(
        (w.breach_register.count, w.breach_register.hash.as_str()),
        (head.count, head.hash_hex().as_str())
    );
    let scan = w.scan.expect("the demo has a scan");
    assert_eq!(scan.sha256.len(), 64);
    assert_eq!(Some(scan.at), c.scans.last.as_ref().map(|s| s.started_at));
    assert!(w.system_checks.is_some(), "the demo has PC checks");
    assert!(w.box_reading.is_some(), "the demo has read its box");
    // The bytes name every field, in the documented order, after `system_checks`.
    let bytes =
        String::from_utf8(c.assessments.last().expect("signed").document.to_vec()).expect("utf-8");
    let at = bytes.find("\"witnessed\": {").expect("witnessed");
    assert!(bytes[..at].contains("\"system_checks\": []"));
    let rest = &bytes[at..];
    let order = [
        "\"breach_register\"",
        "\"count\"",
        "\"hash\"",
        "\"scan\"",
        "\"system_checks\"",
        "\"box\"",
    ];
    let mut from = 0;
    for key in order {
        let i = rest[from..]
            .find(key)
            .unwrap_or_else(|| panic!("{key} in order"));
        from += i;
    }
    // The window's own check agrees: the register extends what was just signed.
    assert!(
        c.register_against_last_assessment()
            .expect("compared")
            .holds()
    );
}

#[test]
fn a_register_export_that_still_extends_the_signed_head_verifies_even_with_new_events() {
    let dir = temp_dir();
    let (vault, bundle, register) = signed_and_exported(dir.path());
    let o = check(dir.path(), &register, &bundle);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let head = PracticeFile::open(&vault, Unlock::Passphrase(PASSPHRASE))
        .expect("open")
        .contents()
        .breaches
        .head();
    assert!(
        text(&o).contains("Registre cohérent avec l'auto-évaluation signée le"),
        "{}",
        text(&o)
    );
    assert!(text(&o).contains(&head.hash_hex()), "{}", text(&o));
    // An event recorded after the signature: the register still extends the signed head.
    let mut b = bodies(&register);
    let next = b.len() + 1;
    b.push(format!(
        "{{\"seq\":{next},\"breach\":1,\"at\":\"2026-12-08T10:00:00Z\",\"by\":\"Dr Camille Lefèvre\",\"change\":{{\"Note\":\"Visite du DPO.\"}}}}"
    ));
    rechain(&register, &b);
    let o = check(dir.path(), &register, &bundle);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains(&format!("le registre en compte {next} aujourd'hui")),
        "{}",
        text(&o)
    );
}

#[test]
fn a_register_truncated_after_the_signed_assessment_is_caught_and_named() {
    let dir = temp_dir();
    let (_, bundle, register) = signed_and_exported(dir.path());
    let b = bodies(&register);
    let signed = b.len();
    // The last two events cut off; the rest is intact and chained.
    let events = std::fs::read_to_string(register.join("events.jsonl")).expect("events");
    let cut: String = events.split_inclusive('\n').take(signed - 2).collect();
    std::fs::write(register.join("events.jsonl"), cut).expect("write");
    let o = check(dir.path(), &register, &bundle);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("ne prolonge pas la tête"), "{t}");
    assert!(
        t.contains(&format!("{signed} événements signés"))
            && t.contains(&format!("{} seulement trouvés", signed - 2)),
        "{t}"
    );
    assert!(t.contains("retirés"), "{t}");
}

#[test]
fn a_register_rewritten_with_recomputed_hashes_is_caught_and_named() {
    let dir = temp_dir();
    let (_, bundle, register) = signed_and_exported(dir.path());
    let mut b = bodies(&register);
    let signed = b.len();
    // The facts rewritten (23 people become 2), every hash recomputed: intact on its own.
    let facts = b
        .iter()
        .position(|x| x.contains("\"people\":23"))
        .expect("the demo's facts");
    b[facts] = b[facts].replacen("\"people\":23", "\"people\":2", 1);
    rechain(&register, &b);
    let o = check(dir.path(), &register, &bundle);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("ne prolonge pas la tête"), "{t}");
    assert!(
        t.contains(&format!("l'événement n° {signed} a été signé")),
        "{t}"
    );
    assert!(t.contains("réécrit"), "{t}");
    // The new head is named beside the signed one.
    let found = std::fs::read_to_string(register.join("events.jsonl")).expect("events");
    let last: serde_json::Value =
        serde_json::from_str(found.lines().last().expect("a line")).expect("json");
    assert!(t.contains(last["hash"].as_str().expect("hash")), "{t}");
}

#[test]
fn an_assessment_signed_before_heads_were_witnessed_says_so() {
    // The golden version-1 document and its signature: nothing witnessed, nothing to compare.
    let dir = temp_dir();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden");
    let doc = dir.path().join("assessment-v1.json");
    std::fs::copy(golden.join("assessment-v1.json"), &doc).expect("copy");
    std::fs::copy(
        golden.join("assessment-v1.json.anne-martin.sig"),
        dir.path().join("assessment-v1.json.anne-martin.sig"),
    )
    .expect("copy");
    let signer = vigie::assessment::document::AssessmentDocument::parse(
        &std::fs::read(&doc).expect("golden"),
    )
    .expect("reads")
    .signer;
    std::fs::write(
        dir.path().join("allowed_signers"),
        vigie::assessment::bundle::allowed_signers(&[&signer]),
    )
    .expect("write");
    let register = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden/breach-register");
    let o = check(dir.path(), &register, &doc);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("version antérieure de Vigie"),
        "{}",
        text(&o)
    );
}

/// The golden version-2 document witnesses the golden register export's head: the export verifies
/// against it, and the same export cut by one event does not — with files written once, not by the
/// code under test.
#[test]
fn the_golden_register_extends_the_head_the_golden_document_signed() {
    let dir = temp_dir();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden");
    let doc = dir.path().join("assessment-v2.json");
    std::fs::copy(golden.join("assessment-v2.json"), &doc).expect("copy");
    std::fs::copy(
        golden.join("assessment-v2.json.anne-martin.sig"),
        dir.path().join("assessment-v2.json.anne-martin.sig"),
    )
    .expect("copy");
    let signer = vigie::assessment::document::AssessmentDocument::parse(
        &std::fs::read(&doc).expect("golden"),
    )
    .expect("reads")
    .signer;
    std::fs::write(
        dir.path().join("allowed_signers"),
        vigie::assessment::bundle::allowed_signers(&[&signer]),
    )
    .expect("write");
    let register = golden.join("breach-register");
    let o = check(dir.path(), &register, &doc);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("les 14 événements signés (tête afc874ec79caa67bc81144ec50af288b789e460fb28f3a1aeca40bf186ff2e36)"), "{}", text(&o));
    let cut = dir.path().join("cut");
    std::fs::create_dir(&cut).expect("dir");
    let events = std::fs::read_to_string(register.join("events.jsonl")).expect("events");
    let kept: String = events.split_inclusive('\n').take(13).collect();
    std::fs::write(cut.join("events.jsonl"), kept).expect("write");
    let o = check(dir.path(), &cut, &doc);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("14 événements signés"), "{}", text(&o));
    assert!(text(&o).contains("13 seulement trouvés"), "{}", text(&o));
}

/// The demo practice with an assessment signed now (witnessing the register), then `after` done to
/// the register by someone holding the passphrase.
fn signed_vault(dir: &Path, after: impl FnOnce(&mut vigie::breach::BreachRegister)) -> PathBuf {
    let vault = dir.join("cabinet.vigie");
    create_vault_with(&vault, vigie::demo::demo_contents());
    let mut v =
        PracticeFile::open_for_writing(&vault, Unlock::Passphrase(PASSPHRASE)).expect("opens");
    v.sign_assessment(jiff::Timestamp::now()).expect("signed");
    after(&mut v.contents_mut().breaches);
    v.save().expect("saved");
    vault
}

fn breaches_page_text(vault: &Path, data: &Path) -> String {
    use egui_kittest::kittest::Queryable as _;
    let mut h = crate::gui::harness(data, vigie::i18n::Lang::Fr);
    crate::gui::unlock(&mut h, vault);
    let ctx = h.ctx.clone();
    h.state_mut().run_command(
        &ctx,
        vigie::ui::command::Command::Navigate(vigie::ui::breaches::PAGE),
    );
    crate::gui::run_until(&mut h, "the comparison with the signed head", |app| {
        !app.jobs
            .is_running(vigie::ui::jobs::JobKind::CheckSignedHead)
    });
    h.run();
    let found = h
        .query_all_by_label_contains("auto-évaluation signée le")
        .map(|n| {
            use egui_kittest::kittest::NodeT as _;
            let node = n.accesskit_node();
            node.label().or_else(|| node.value()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("\n");
    found.replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn the_breaches_page_says_the_register_is_consistent_with_the_signed_assessment() {
    let dir = temp_dir();
    let vault = signed_vault(dir.path(), |_| {});
    let text = breaches_page_text(&vault, dir.path());
    assert!(
        text.contains("Registre cohérent avec l'auto-évaluation signée le"),
        "{text:?}"
    );
}

#[test]
fn the_breaches_page_names_what_differs_when_the_register_was_cut_after_the_signature() {
    let dir = temp_dir();
    let vault = signed_vault(dir.path(), |r| {
        let n = r.events.len();
        r.events.truncate(n - 2);
    });
    let text = breaches_page_text(&vault, dir.path());
    assert!(text.contains("ne prolonge pas la tête"), "{text:?}");
    assert!(text.contains("14 événements signés"), "{text:?}");
    assert!(text.contains("12 seulement trouvés"), "{text:?}");
}

/// The signed report prints what the signatures witness: the register's count and head, each digest
/// shortened, then the full values, each on one line.
#[test]
fn the_signed_report_shows_the_register_head_and_the_digests() {
    let dir = temp_dir();
    let (vault, bundle, _) = signed_and_exported(dir.path());
    let folder = bundle.parent().expect("folder");
    let pdf = std::fs::read_dir(folder)
        .expect("out")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("the report");
    let doc = lopdf::Document::load_mem(&std::fs::read(pdf).expect("pdf")).expect("reads");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc
        .extract_text(&pages)
        .expect("text")
        .replace(['\u{a0}', '\u{202f}'], " ");
    let c = PracticeFile::open(&vault, Unlock::Passphrase(PASSPHRASE))
        .expect("open")
        .contents()
        .clone();
    let head = c.breaches.head();
    let w = c
        .assessments
        .last()
        .expect("signed")
        .parsed()
        .expect("reads")
        .witnessed
        .expect("witnessed");
    assert!(
        text.contains("Ce que les signatures attestent aussi"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Registre des violations : {} événements",
            head.count
        )),
        "{text}"
    );
    let hash = head.hash_hex();
    assert!(
        text.contains(&format!("{}…{}", &hash[..16], &hash[56..])),
        "the head shortened: {text}"
    );
    // Every full value on a line of its own, whole.
    for full in [
        Some(hash.clone()),
        w.scan.map(|s| s.sha256),
        w.system_checks.map(|s| s.sha256),
        w.box_reading.map(|s| s.sha256),
    ]
    .into_iter()
    .flatten()
    {
        assert!(
            text.lines().any(|l| l.contains(&full)),
            "{full} whole on one line: {text}"
        );
    }
}

/// The consultant countersigns the register's head alone (a visit between two assessments): the
/// statement names the head, its date, the consultant and the doctor's key; `vigie verify` checks a
/// register export against it, and catches a register cut after it or a changed statement.
#[test]
fn the_consultant_countersigns_the_head_alone_and_verify_checks_it() {
    let dir = temp_dir();
    let (vault, _, register) = signed_and_exported(dir.path());
    let doctor = PracticeFile::open(&vault, Unlock::Passphrase(PASSPHRASE))
        .expect("open")
        .contents()
        .assessments
        .doctor_key
        .as_ref()
        .and_then(vigie::assessment::DoctorKey::signer)
        .expect("the doctor's key")
        .identity
        .fingerprint();
    let key = dir.path().join("julien.vigie-key");
    let key_env = [("VIGIE_KEY_PASSPHRASE", "clef-conseil-rgpd-sante-42")];
    let k = key.to_str().expect("utf-8");
    let r = register.to_str().expect("utf-8");
    let run = |args: &[&str]| {
        vigie_command(dir.path(), args, &key_env)
            .output()
            .expect("run")
    };
    let o = run(&[
        "assessment",
        "new-key",
        "--out",
        k,
        "--name",
        "Julien Moreau",
        "--organisation",
        "Conseil RGPD",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // Another doctor's key expected: refused, nothing written.
    let o = run(&[
        "--lang",
        "fr",
        "breach",
        "countersign-head",
        r,
        "--key",
        k,
        "--expect-fingerprint",
        "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let statement = register.join("head-countersignature-consultant-julien-moreau.json");
    assert!(!statement.exists());
    let o = run(&[
        "--lang",
        "fr",
        "breach",
        "countersign-head",
        r,
        "--key",
        k,
        "--expect-fingerprint",
        &doctor,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains(&doctor), "{}", text(&o));
    let bytes = std::fs::read_to_string(&statement).expect("the statement");
    let head = std::fs::read_to_string(register.join("head.txt")).expect("head");
    let (count, hash) = {
        let mut l = head.lines().skip(1);
        (
            l.next()
                .expect("count")
                .trim_start_matches("count: ")
                .to_owned(),
            l.next()
                .expect("hash")
                .trim_start_matches("hash: ")
                .to_owned(),
        )
    };
    assert!(
        bytes.contains("\"format\": \"vigie-head-countersignature\""),
        "{bytes}"
    );
    assert!(bytes.contains(&format!("\"count\": {count}")), "{bytes}");
    assert!(bytes.contains(&hash), "{bytes}");
    assert!(bytes.contains("\"name\": \"Julien Moreau\""), "{bytes}");
    assert!(
        bytes.contains("\"affiliation\": \"Conseil RGPD\""),
        "{bytes}"
    );
    assert!(
        bytes.contains(&format!("\"doctor_fingerprint\": \"{doctor}\"")),
        "{bytes}"
    );
    let s = statement.to_str().expect("utf-8");
    let o = run(&["--lang", "fr", "verify", r, "--countersigned-head", s]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("Contre-signature valable de Julien Moreau"),
        "{}",
        text(&o)
    );
    assert!(
        text(&o).contains("Registre cohérent avec la tête contre-signée par Julien Moreau le"),
        "{}",
        text(&o)
    );
    // OpenSSH agrees, with the consultant's key.
    if let Ok(o) = std::process::Command::new("ssh-keygen")
        .args([
            "-Y",
            "check-novalidate",
            "-n",
            "vigie-countersignature",
            "-s",
        ])
        .arg(format!("{s}.sig"))
        .stdin(std::fs::File::open(&statement).expect("open"))
        .output()
    {
        assert!(o.status.success(), "{}", text(&o));
    }
    // The register cut by one event: caught and named.
    let events = std::fs::read_to_string(register.join("events.jsonl")).expect("events");
    let n = events.lines().count();
    let cut: String = events.split_inclusive('\n').take(n - 1).collect();
    std::fs::write(register.join("events.jsonl"), cut).expect("write");
    let o = run(&["--lang", "fr", "verify", r, "--countersigned-head", s]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains(&format!("{n} événements signés"))
            && text(&o).contains(&format!("{} seulement trouvés", n - 1)),
        "{}",
        text(&o)
    );
    // The statement edited to match the cut register: its signature no longer holds.
    std::fs::write(
        &statement,
        bytes.replace(
            &format!("\"count\": {count}"),
            &format!("\"count\": {}", n - 1),
        ),
    )
    .expect("write");
    let o = run(&["--lang", "fr", "verify", r, "--countersigned-head", s]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("contre-signature de tête valable"),
        "{}",
        text(&o)
    );
}
