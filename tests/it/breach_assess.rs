//! `vigie breach assess` through the built program: the template (every field unknown) read back,
//! a facts file per 2020 CNIL case (SAN-2020-014, the CNIL told the doctor; SAN-2020-015, here with
//! its disk encrypted), their "don't know" variants, an encrypted lost stick and what unknown changes,
//! the JSON output, both languages, and bad input named with exit status 2.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::{temp_dir, vigie_command};

fn vigie(dir: &Path, args: &[&str]) -> Output {
    vigie_command(dir, args, &[]).output().expect("run vigie")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).replace(['\u{a0}', '\u{202f}'], " ")
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).replace(['\u{a0}', '\u{202f}'], " ")
}

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/breach")
        .join(name)
}

/// The advice as JSON: (CNIL advice, people advice, reason codes of the people's advice).
fn assess_json(dir: &Path, facts: &Path) -> (String, String, Vec<String>, serde_json::Value) {
    let o = vigie(
        dir,
        &[
            "--lang",
            "en",
            "breach",
            "assess",
            facts.to_str().expect("utf-8"),
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    let reasons = v["inform_people"]["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .map(|r| {
            let code = r["code"].as_str().expect("code");
            r["fact"]
                .as_str()
                .map_or_else(|| code.to_owned(), |f| format!("{code}:{f}"))
        })
        .collect();
    (
        v["notify_cnil"]["advice"]
            .as_str()
            .expect("advice")
            .to_owned(),
        v["inform_people"]["advice"]
            .as_str()
            .expect("advice")
            .to_owned(),
        reasons,
        v,
    )
}

/// `base` with `changes` applied (each a field and its new value), written to `dir`.
fn variant(dir: &Path, base: &Path, name: &str, changes: &[(&str, &str)]) -> PathBuf {
    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(base).expect("read")).expect("json");
    for (field, value) in changes {
        v[*field] = serde_json::Value::String((*value).to_owned());
    }
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(&v).expect("json")).expect("write");
    path
}

#[test]
fn the_template_is_every_field_unknown_and_calls_for_notifying_and_informing() {
    let dir = temp_dir();
    let o = vigie(dir.path(), &["breach", "assess", "--template"]);
    assert!(o.status.success(), "{}", err(&o));
    let template: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let fields = template.as_object().expect("an object");
    assert!(fields.len() >= 20, "{template}");
    assert!(fields.values().all(|v| v == "unknown"), "{template}");
    let path = dir.path().join("template.json");
    std::fs::write(&path, &o.stdout).expect("write");
    let (cnil, people, reasons, _) = assess_json(dir.path(), &path);
    assert_eq!((cnil.as_str(), people.as_str()), ("notify", "inform"));
    assert!(
        reasons.contains(&"not_yet_known:nature".to_owned()),
        "{reasons:?}"
    );
}

#[test]
fn san_2020_014_the_cnil_told_the_doctor_the_patients_must_still_be_told() {
    let dir = temp_dir();
    let facts = case("san-2020-014.json");
    let (cnil, people, reasons, v) = assess_json(dir.path(), &facts);
    assert_eq!(
        (cnil.as_str(), people.as_str()),
        ("cnil_already_knows", "inform")
    );
    assert!(reasons.contains(&"not_encrypted".to_owned()), "{reasons:?}");
    // Others reached the server: the police complaint (Code pénal, 323-1).
    let reminders = v["reminders"].to_string();
    assert!(reminders.contains("police_complaint"), "{reminders}");
    assert!(reminders.contains("323-1"), "{reminders}");
    // The same in French, as text.
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "fr",
            "breach",
            "assess",
            facts.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    assert!(text.contains("Notifier la CNIL ?"), "{text}");
    assert!(text.contains("Conseil d'État, 22 juillet 2022"), "{text}");
    assert!(text.contains("Informer les patients ?"), "{text}");
    assert!(
        text.contains("Recommandation : informer les patients concernés sans tarder"),
        "{text}"
    );
    assert!(
        text.contains("Pas encore connu : si des données ont été copiées"),
        "{text}"
    );
    // Don't know whether the images were encrypted, nor whether the CNIL told him: no less.
    for (name, changes) in [
        (
            "014-encryption-unknown.json",
            vec![("encrypted", "unknown")],
        ),
        (
            "014-all-unknown.json",
            vec![
                ("encrypted", "unknown"),
                ("told_by_cnil", "unknown"),
                ("data_health", "unknown"),
                ("data_images", "unknown"),
                ("data_identity", "unknown"),
            ],
        ),
    ] {
        let path = variant(dir.path(), &facts, name, &changes);
        let (cnil, people, _, _) = assess_json(dir.path(), &path);
        assert_ne!(cnil, "not_required", "{name}");
        assert_eq!(people, "inform", "{name}");
    }
}

#[test]
fn san_2020_015_a_server_reachable_from_the_internet_with_its_disk_encrypted() {
    let dir = temp_dir();
    let facts = case("san-2020-015-disk-encrypted.json");
    let (cnil, people, reasons, _) = assess_json(dir.path(), &facts);
    // The disk encrypted and its key safe: the running server serves the images decrypted.
    assert_eq!((cnil.as_str(), people.as_str()), ("notify", "inform"));
    assert!(
        reasons.contains(&"encryption_does_not_protect".to_owned()),
        "{reasons:?}"
    );
    assert!(
        !reasons.contains(&"unintelligible".to_owned()),
        "{reasons:?}"
    );
    // Whatever is said of the exposure or the key.
    for (name, changes) in [
        ("015-at-rest.json", vec![("exposure", "at_rest")]),
        ("015-key-unknown.json", vec![("key_compromised", "unknown")]),
        ("015-cause-unknown.json", vec![("cause", "unknown")]),
        (
            "015-nothing-but-encrypted.json",
            vec![
                ("cause", "unknown"),
                ("copied_out", "unknown"),
                ("backup", "unknown"),
                ("data_health", "unknown"),
                ("data_images", "unknown"),
            ],
        ),
    ] {
        let path = variant(dir.path(), &facts, name, &changes);
        let (cnil, people, _, _) = assess_json(dir.path(), &path);
        assert_eq!(
            (cnil.as_str(), people.as_str()),
            ("notify", "inform"),
            "{name}"
        );
    }
    // The text in English names it plainly.
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "en",
            "breach",
            "assess",
            facts.to_str().expect("utf-8"),
            "--format",
            "text",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    assert!(
        text.contains("the encryption does not protect them here"),
        "{text}"
    );
    // Aware at 09:00 Paris time on 1 December: the complaint is due 72 hours later.
    assert!(
        text.contains("Police complaint for the cyber insurance: before"),
        "{text}"
    );
}

#[test]
fn an_encrypted_lost_stick_is_not_notified_until_something_is_unknown() {
    let dir = temp_dir();
    let facts = case("lost-encrypted-usb-stick.json");
    let (cnil, people, reasons, _) = assess_json(dir.path(), &facts);
    assert_eq!(
        (cnil.as_str(), people.as_str()),
        ("not_required", "not_required")
    );
    assert!(
        reasons.contains(&"unintelligible".to_owned()),
        "{reasons:?}"
    );
    for (field, value) in [
        ("key_compromised", "unknown"),
        ("key_compromised", "yes"),
        ("encrypted", "unknown"),
        ("exposure", "running_system"),
        ("cause", "misdirected"),
    ] {
        let path = variant(dir.path(), &facts, "variant.json", &[(field, value)]);
        let (cnil, people, reasons, _) = assess_json(dir.path(), &path);
        assert_eq!(
            (cnil.as_str(), people.as_str()),
            ("notify", "inform"),
            "{field}: {value}"
        );
        assert!(
            !reasons.contains(&"unintelligible".to_owned()),
            "{reasons:?}"
        );
    }
}

#[test]
fn bad_facts_files_are_named_with_exit_status_2() {
    let dir = temp_dir();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    let missing = dir.path().join("absent.json");
    let cases = [
        (missing, "Impossible d'accéder à"),
        (
            write("broken.json", "{\n\"encrypted\": \"yes\"\n"),
            "n'est pas un fichier JSON valide (ligne 3",
        ),
        (write("list.json", "[]"), "un objet JSON est attendu"),
        (
            write("typo.json", r#"{"encripted": "yes"}"#),
            "champ inconnu « encripted »",
        ),
        (
            write("value.json", r#"{"encrypted": "peut-être"}"#),
            "valeur \"peut-être\" refusée pour « encrypted » ; valeurs permises : yes, no, unknown",
        ),
        (
            write(
                "late.json",
                r#"{"processor_alert_at": "2026-12-01T08:00:00Z", "aware_at": "2026-12-02T08:00:00Z"}"#,
            ),
            "dès que son sous-traitant l'en informe",
        ),
    ];
    for (path, expected) in cases {
        let o = vigie(
            dir.path(),
            &[
                "--lang",
                "fr",
                "breach",
                "assess",
                path.to_str().expect("utf-8"),
            ],
        );
        assert_eq!(o.status.code(), Some(2), "{}", path.display());
        assert!(o.stdout.is_empty(), "{}", out(&o));
        let e = err(&o);
        assert!(e.contains(expected), "{e}");
        assert_eq!(e.trim().lines().count(), 1, "{e}");
    }
    // The same in English; and no file at all is a usage error.
    let o = vigie(
        dir.path(),
        &["--lang", "en", "breach", "assess", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("FACTS"), "{}", err(&o));
    let typo = dir.path().join("typo.json");
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "en",
            "breach",
            "assess",
            typo.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("unknown field “encripted”"), "{}", err(&o));
}
