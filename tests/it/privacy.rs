//! Secrets and privacy after a full run of the command line with recognisable names and passphrases
//! (issue 35): the data folder holds nothing in clear but the settings and the diagnostic log, and
//! neither holds anything of the practice or its patients; no passphrase, recovery code or secret key
//! reaches any output (the recovery code only the one `vault init` prints, by design); no temporary file
//! is left. (`diag.rs` checks the log's contents in detail.)

use std::path::{Path, PathBuf};

use crate::common::{temp_dir, vigie_command};

const PRACTICE: &str = "Cabinet Zébulon-Quincampoix";
const PASSPHRASE: &str = "Xylophone-Quincampoix-pass-9814";
const NEW_PASSPHRASE: &str = "Wagonnet-Zebulon-nouvelle-5527";
const KEY_PASSPHRASE: &str = "Kumquat-consultant-cle-3306";
const ARCHIVE_PASSPHRASE: &str = "Ornithorynque-archive-7741";

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The recovery code `vault init` printed: 8 groups of 4 characters joined by dashes.
fn recovery_code(stdout: &str) -> Option<String> {
    stdout
        .split_whitespace()
        .find(|w| {
            let groups: Vec<&str> = w.split('-').collect();
            groups.len() == 8
                && groups
                    .iter()
                    .all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_alphanumeric()))
        })
        .map(str::to_owned)
}

#[test]
fn a_full_run_leaves_no_secret_in_any_output_and_nothing_in_clear_in_the_data_folder() {
    let home = temp_dir();
    let data = home.path().join("data");
    let work = home.path().join("travail");
    let files_dir = work.join("ZEBULON Quentin");
    std::fs::create_dir_all(&files_dir).expect("folders");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/dicom/pydicom/test_files/CT_small.dcm"),
        files_dir.join("IRM ZEBULON Quentin.dcm"),
    )
    .expect("sample");
    std::fs::write(
        files_dir.join("compte rendu ZEBULON.txt"),
        "Patient ZEBULON",
    )
    .expect("file");
    let w = |name: &str| work.join(name).to_str().expect("utf-8").to_owned();
    let own = w("zebulon.vigie");
    let demo = w("demo.vigie");
    let demo_pass = vigie::demo::DEMO_PASSPHRASE;

    // (arguments, environment, expected status)
    type Run<'a> = (Vec<String>, Vec<(&'a str, &'a str)>, i32);
    let args = |a: &[&str]| a.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let runs: Vec<Run<'_>> = vec![
        (
            args(&["vault", "init", "--vault", &own, "--practice", PRACTICE]),
            vec![("VIGIE_PASSPHRASE", PASSPHRASE)],
            0,
        ),
        (
            args(&["vault", "passwd", "--vault", &own]),
            vec![
                ("VIGIE_PASSPHRASE", PASSPHRASE),
                ("VIGIE_NEW_PASSPHRASE", NEW_PASSPHRASE),
            ],
            0,
        ),
        (
            args(&["vault", "check", "--vault", &own]),
            vec![("VIGIE_PASSPHRASE", NEW_PASSPHRASE)],
            0,
        ),
        // The old passphrase no longer opens it.
        (
            args(&["vault", "check", "--vault", &own]),
            vec![("VIGIE_PASSPHRASE", PASSPHRASE)],
            2,
        ),
        (
            args(&["demo", "--vault", &demo]),
            vec![("VIGIE_PASSPHRASE", demo_pass)],
            0,
        ),
        (
            args(&[
                "assessment",
                "new-key",
                "--out",
                &w("consultant.key"),
                "--name",
                "Quentin Zébulon-Conseil",
            ]),
            vec![("VIGIE_KEY_PASSPHRASE", KEY_PASSPHRASE)],
            0,
        ),
        (
            args(&["assessment", "sign", "--vault", &demo]),
            vec![("VIGIE_PASSPHRASE", demo_pass)],
            0,
        ),
        (
            args(&[
                "export",
                "--vault",
                &demo,
                "--kind",
                "signed-assessment",
                "--out",
                &w("signee"),
            ]),
            vec![("VIGIE_PASSPHRASE", demo_pass)],
            0,
        ),
        (
            args(&[
                "assessment",
                "countersign",
                "--vault",
                &demo,
                "--key",
                &w("consultant.key"),
            ]),
            vec![
                ("VIGIE_PASSPHRASE", demo_pass),
                ("VIGIE_KEY_PASSPHRASE", KEY_PASSPHRASE),
            ],
            0,
        ),
        (
            args(&[
                "archive",
                "key",
                "--vault",
                &demo,
                "--out",
                &w("cle-archives.txt"),
            ]),
            vec![("VIGIE_PASSPHRASE", demo_pass)],
            0,
        ),
        (
            args(&[
                "archive",
                "encrypt",
                "--vault",
                &demo,
                "--out",
                &w("cabinet.age"),
                files_dir.to_str().expect("utf-8"),
            ]),
            vec![("VIGIE_PASSPHRASE", demo_pass)],
            0,
        ),
        (
            args(&[
                "archive",
                "encrypt",
                "--passphrase",
                "--out",
                &w("pour-confrere.age"),
                files_dir.to_str().expect("utf-8"),
            ]),
            vec![("VIGIE_ARCHIVE_PASSPHRASE", ARCHIVE_PASSPHRASE)],
            0,
        ),
        (
            args(&[
                "archive",
                "decrypt",
                "--to",
                &w("restaure"),
                &w("pour-confrere.age"),
            ]),
            vec![("VIGIE_ARCHIVE_PASSPHRASE", ARCHIVE_PASSPHRASE)],
            0,
        ),
        (
            args(&[
                "archive",
                "verify",
                "--identity",
                &w("cle-archives.txt"),
                &w("cabinet.age"),
            ]),
            vec![],
            0,
        ),
        (
            args(&["breach", "list", "--vault", &demo]),
            vec![("VIGIE_PASSPHRASE", demo_pass)],
            0,
        ),
        (
            args(&["breach", "verify", "--vault", &demo]),
            vec![("VIGIE_PASSPHRASE", demo_pass)],
            0,
        ),
        (
            args(&[
                "export",
                "--vault",
                &demo,
                "--kind",
                "breach-register",
                "--out",
                &w("registre"),
            ]),
            vec![("VIGIE_PASSPHRASE", demo_pass)],
            0,
        ),
        (
            args(&[
                "export",
                "--vault",
                &demo,
                "--kind",
                "patient-letter",
                "--breach",
                "2",
                "--out",
                &w("lettre.pdf"),
            ]),
            vec![("VIGIE_PASSPHRASE", demo_pass)],
            0,
        ),
        (
            args(&["scan", files_dir.to_str().expect("utf-8")]),
            vec![],
            0,
        ),
    ];

    let mut outputs = Vec::new();
    let mut recovery = None;
    for (a, env, status) in &runs {
        let mut all = vec!["--data-dir", data.to_str().expect("utf-8"), "--lang", "fr"];
        all.extend(a.iter().map(String::as_str));
        let o = vigie_command(&data, &all, env).output().expect("run vigie");
        let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(*status), "{a:?}: {stderr}");
        if a[..2] == ["vault", "init"] {
            // The one place the recovery code is printed, by design: it is written down from there.
            recovery = recovery_code(&stdout);
        } else {
            outputs.push((format!("{a:?} stdout"), stdout));
        }
        outputs.push((format!("{a:?} stderr"), stderr));
    }
    let recovery = recovery.expect("vault init prints the recovery code");

    // No secret in any output.
    let archive_key = std::fs::read_to_string(work.join("cle-archives.txt")).expect("key file");
    let archive_secret = archive_key
        .split_whitespace()
        .find(|w| w.starts_with("AGE-SECRET-KEY-1"))
        .expect("the archive key's secret")
        .to_owned();
    let secrets = [
        PASSPHRASE,
        NEW_PASSPHRASE,
        KEY_PASSPHRASE,
        ARCHIVE_PASSPHRASE,
        demo_pass,
        recovery.as_str(),
        archive_secret.as_str(),
        "AGE-SECRET-KEY",
    ];
    for (what, text) in &outputs {
        for secret in secrets {
            assert!(!text.contains(secret), "{secret:?} in {what}:\n{text}");
        }
    }

    // The data folder: the settings and the log, and nothing else in clear.
    let found = files(&data);
    assert!(!found.is_empty(), "the log was written");
    let profile = vigie::demo::demo_profile();
    let mut never: Vec<String> = vec![
        PRACTICE.into(),
        "Zébulon".into(),
        "Quincampoix".into(),
        "ZEBULON".into(),
        "Quentin".into(),
        "CompressedSamples".into(),
        profile.name.as_str().to_owned(),
        profile.practitioner.clone(),
        profile.address.clone(),
        "travail".into(),
        home.path().to_str().expect("utf-8").into(),
    ];
    never.extend(secrets.iter().map(|s| (*s).to_owned()));
    for file in &found {
        let rel = file.strip_prefix(&data).expect("inside");
        let bytes = std::fs::read(file).expect("read");
        let is_log = rel.starts_with("logs");
        let is_settings = rel == Path::new("settings.ron");
        let is_vault = bytes.starts_with(b"VIGIEVLT");
        assert!(
            is_log || is_settings || is_vault,
            "{} in the data folder is neither the settings, the log nor a vault",
            rel.display()
        );
        if is_vault {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        for word in never.iter().filter(|w| !w.is_empty()) {
            assert!(
                !text.contains(word.as_str()),
                "{word:?} in {}:\n{text}",
                rel.display()
            );
        }
    }

    // No temporary file left beside the vaults, the archives or the exports; the lock files, which
    // stay by design (`vault::lock`), hold a process number and a time, nothing else.
    for file in files(&work).iter().chain(found.iter()) {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        assert!(
            !name.contains(".tmp"),
            "temporary file left: {}",
            file.display()
        );
        if file.extension().is_some_and(|e| e == "lock") {
            let bytes = std::fs::read(file).expect("read");
            assert!(bytes.starts_with(vigie::vault::lock::LOCK_MAGIC), "{name}");
            let text = String::from_utf8_lossy(&bytes);
            for word in never.iter().filter(|w| !w.is_empty()) {
                assert!(!text.contains(word.as_str()), "{word:?} in {name}");
            }
        }
    }
}
