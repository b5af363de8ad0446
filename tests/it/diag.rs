//! The diagnostic log after a full demo run through the built program: each command's outcome is
//! there, and nothing of the practice, its patients, the passphrase or the paths used.

use std::path::Path;

use crate::common::{temp_dir, vigie_command};

/// Every log file of the data folder `data`, one text.
fn log_text(data: &Path) -> String {
    let dir = data.join("logs");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("the log folder exists")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no log file in {}", dir.display());
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a log file is UTF-8"))
        .collect()
}

#[test]
fn a_full_demo_run_leaves_outcomes_and_nothing_of_the_practice_in_the_log() {
    let home = temp_dir();
    let data = home.path().join("Données du Dr Lefèvre");
    let work = home.path().join("Cabinet Lefèvre");
    let patients = work.join("DUPONT Jean");
    std::fs::create_dir_all(&patients).expect("folders");
    // A real DICOM file whose patient name is "CompressedSamples^CT1".
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/dicom/pydicom/test_files/CT_small.dcm"),
        patients.join("IRM genou DUPONT.dcm"),
    )
    .expect("sample");
    let passphrase = vigie::demo::DEMO_PASSPHRASE;
    let vault = work.join("cabinet-lefevre.vigie");
    let v = vault.to_str().expect("utf-8");
    let w = |name: &str| work.join(name).to_str().expect("utf-8").to_owned();
    let p = patients.to_str().expect("utf-8").to_owned();

    let runs: Vec<(Vec<String>, Option<i32>)> = vec![
        (vec!["demo".into(), "--vault".into(), v.into()], Some(0)),
        (
            vec!["vault".into(), "check".into(), "--vault".into(), v.into()],
            Some(0),
        ),
        (
            vec![
                "assessment".into(),
                "list".into(),
                "--vault".into(),
                v.into(),
            ],
            Some(0),
        ),
        (
            vec!["breach".into(), "list".into(), "--vault".into(), v.into()],
            Some(0),
        ),
        (
            vec![
                "breach".into(),
                "show".into(),
                "2".into(),
                "--vault".into(),
                v.into(),
            ],
            Some(0),
        ),
        (
            vec!["breach".into(), "verify".into(), "--vault".into(), v.into()],
            Some(0),
        ),
        (
            ["export", "--vault", v, "--kind", "assessment", "--out"]
                .into_iter()
                .map(String::from)
                .chain([w("rapport Lefèvre.pdf")])
                .collect(),
            Some(0),
        ),
        (
            ["export", "--vault", v, "--kind", "breaches", "--out"]
                .into_iter()
                .map(String::from)
                .chain([w("violations Lefèvre.pdf")])
                .collect(),
            Some(0),
        ),
        (
            [
                "export",
                "--vault",
                v,
                "--kind",
                "patient-letter",
                "--breach",
                "2",
                "--out",
            ]
            .into_iter()
            .map(String::from)
            .chain([w("lettre DUPONT.pdf")])
            .collect(),
            Some(0),
        ),
        (
            [
                "export",
                "--vault",
                v,
                "--kind",
                "signed-assessment",
                "--out",
            ]
            .into_iter()
            .map(String::from)
            .chain([w("signée Lefèvre")])
            .collect(),
            Some(0),
        ),
        (
            vec!["scan".into(), "--fail-on".into(), "high".into(), p.clone()],
            Some(1),
        ),
        (
            ["archive", "encrypt", "--vault", v, "--out"]
                .into_iter()
                .map(String::from)
                .chain([w("DUPONT Jean.age"), p.clone()])
                .collect(),
            Some(0),
        ),
        (
            ["archive", "verify", "--vault", v]
                .into_iter()
                .map(String::from)
                .chain([w("DUPONT Jean.age")])
                .collect(),
            Some(0),
        ),
    ];
    for (args, status) in &runs {
        let mut all = vec!["--data-dir", data.to_str().expect("utf-8")];
        all.extend(args.iter().map(String::as_str));
        let o = vigie_command(home.path(), &all, &[("VIGIE_PASSPHRASE", passphrase)])
            .output()
            .expect("run vigie");
        assert_eq!(
            o.status.code(),
            *status,
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // A wrong passphrase: a failure, by its category.
    let o = vigie_command(
        home.path(),
        &[
            "--data-dir",
            data.to_str().expect("utf-8"),
            "vault",
            "check",
            "--vault",
            v,
        ],
        &[("VIGIE_PASSPHRASE", "pas-la-bonne-phrase-DUPONT")],
    )
    .output()
    .expect("run vigie");
    assert_eq!(o.status.code(), Some(2));

    let log = log_text(&data);
    // What support needs: one start and one outcome per run.
    assert_eq!(log.matches("INFO started").count(), runs.len() + 1, "{log}");
    assert!(log.contains(env!("CARGO_PKG_VERSION")), "{log}");
    for expected in [
        "command=\"demo\" outcome=\"ok\"",
        "command=\"vault check\" outcome=\"ok\"",
        "command=\"breach show\" outcome=\"ok\"",
        "command=\"export assessment\" outcome=\"ok\"",
        "command=\"export patient-letter\" outcome=\"ok\"",
        "command=\"export signed-assessment\" outcome=\"ok\"",
        "command=\"scan\" outcome=\"flagged\"",
        "command=\"archive encrypt\" outcome=\"ok\"",
        "command=\"archive verify\" outcome=\"ok\"",
        "command=\"vault check\" outcome=\"failed\" category=\"wrong-secret\"",
    ] {
        assert!(log.contains(expected), "{expected} missing from:\n{log}");
    }
    assert_eq!(
        log.matches(" command command=").count(),
        runs.len() + 1,
        "{log}"
    );

    // Nothing of the practice, its patients, the secrets or the paths.
    let profile = vigie::demo::demo_profile();
    let mut never: Vec<String> = vec![
        profile.name.as_str().to_owned(),
        profile.practitioner.clone(),
        profile.address.clone(),
        profile.it_provider.clone(),
        "Lefèvre".into(),
        "Lefevre".into(),
        "lefevre".into(),
        "Tilleuls".into(),
        "Clé USB".into(),
        "DUPONT".into(),
        "CompressedSamples".into(),
        "1CT1".into(),
        passphrase.into(),
        "pas-la-bonne-phrase".into(),
        home.path().to_str().expect("utf-8").into(),
        data.to_str().expect("utf-8").into(),
        "Données".into(),
        "/tmp".into(),
        ".vigie".into(),
        ".pdf".into(),
        ".age".into(),
        ".dcm".into(),
    ];
    never.extend(profile.rpps.as_ref().map(|r| r.as_str().to_owned()));
    never.extend(profile.siret.as_ref().map(|s| s.as_str().to_owned()));
    never.extend(profile.email.as_ref().map(|e| e.as_str().to_owned()));
    if let Some(dpo) = &profile.dpo {
        never.push(dpo.name.clone());
        never.extend(dpo.email.as_ref().map(|e| e.as_str().to_owned()));
    }
    if let Some(tmp) = home.path().file_name().and_then(|n| n.to_str()) {
        never.push(tmp.to_owned());
    }
    for word in never.iter().filter(|w| !w.is_empty()) {
        assert!(!log.contains(word.as_str()), "{word:?} in the log:\n{log}");
    }
}

#[test]
fn an_unwritable_data_folder_turns_the_log_off_and_the_command_still_runs() {
    let home = temp_dir();
    // A file where the data folder should be: its `logs` folder cannot be made.
    let data = home.path().join("data");
    std::fs::write(&data, b"not a folder").expect("file");
    let o = vigie_command(
        &data,
        &[
            "--lang",
            "en",
            "scan",
            "--format",
            "json",
            home.path().to_str().expect("utf-8"),
        ],
        &[],
    )
    .output()
    .expect("run vigie");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(std::fs::read(&data).expect("read"), b"not a folder");
}
