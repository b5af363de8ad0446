//! The command line through the built binary: exit statuses, messages, and files left untouched on error.

use std::path::Path;
use std::process::Output;

use crate::common::{OTHER_PASSPHRASE, PASSPHRASE, create_vault_with, temp_dir, vigie_command};

/// The demo practice's contents in a vault at `path` (cheap key derivation: see `common::TEST_KDF`).
/// `vigie demo` itself is tested by `demo_then_check_prints_the_practice`.
fn demo_vault(path: &Path) {
    create_vault_with(path, vigie::demo::demo_contents());
}

/// A new vault's contents for "Cabinet du Dr Martin", as `vigie vault init` makes them.
fn martin() -> vigie::practice_file::VaultContents {
    vigie::practice_file::VaultContents::new(vigie::practice::Profile::named(
        vigie::practice::PracticeName::parse("Cabinet du Dr Martin").expect("name"),
    ))
}

fn vigie(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    vigie_command(data, args, env).output().expect("run vigie")
}

fn stdout(o: &Output) -> String {
    // French typography's no-break spaces read as spaces here.
    String::from_utf8_lossy(&o.stdout).replace(['\u{a0}', '\u{202f}'], " ")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).replace(['\u{a0}', '\u{202f}'], " ")
}

/// An error is exit status 2 and exactly one line on standard error.
fn assert_error(o: &Output, contains: &str) {
    assert_eq!(
        o.status.code(),
        Some(2),
        "stdout: {}\nstderr: {}",
        stdout(o),
        stderr(o)
    );
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(
        err.contains(contains),
        "{err:?} should contain {contains:?}"
    );
}

#[test]
fn demo_then_check_prints_the_practice() {
    let dir = temp_dir();
    let vault = dir.path().join("d.vigie");
    let v = vault.to_str().expect("utf-8");
    let o = vigie(
        dir.path(),
        &["--lang", "fr", "demo", "--vault", v],
        &[("VIGIE_PASSPHRASE", PASSPHRASE)],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Cabinet de démonstration écrit dans"));

    let o = vigie(
        dir.path(),
        &["--lang", "fr", "vault", "check", "--vault", v],
        &[("VIGIE_PASSPHRASE", PASSPHRASE)],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("Cabinet : Cabinet de radiologie du Dr Lefèvre (démonstration)"),
        "{out}"
    );
    assert!(out.contains("Format du coffre : version 1"), "{out}");
    assert!(out.contains("Créé le : "), "{out}");
    // Created, profile, and the demo's signed and countersigned assessment.
    assert!(out.contains("Journal : 4 événements"), "{out}");

    let o = vigie(
        dir.path(),
        &["--lang", "en", "vault", "check", "--vault", v],
        &[("VIGIE_PASSPHRASE", PASSPHRASE)],
    );
    assert!(
        stdout(&o).contains("Vault format: version 1"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_flipped_byte_makes_check_fail_and_leaves_the_file_as_it_was() {
    let dir = temp_dir();
    let vault = dir.path().join("d.vigie");
    let v = vault.to_str().expect("utf-8");
    let env = [("VIGIE_PASSPHRASE", PASSPHRASE)];
    demo_vault(&vault);
    let mut bytes = std::fs::read(&vault).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&vault, &bytes).expect("write");

    let o = vigie(
        dir.path(),
        &["--lang", "fr", "vault", "check", "--vault", v],
        &env,
    );
    assert_error(&o, "endommagé");
    assert_eq!(
        std::fs::read(&vault).expect("read"),
        bytes,
        "file left as it was"
    );

    let o = vigie(
        dir.path(),
        &["--lang", "en", "vault", "check", "--vault", v],
        &env,
    );
    assert_error(&o, "damaged or was modified outside Vigie");
}

#[test]
fn wrong_passphrase_and_missing_passphrase_are_errors() {
    let dir = temp_dir();
    let vault = dir.path().join("c.vigie");
    let v = vault.to_str().expect("utf-8");
    create_vault_with(&vault, martin());
    let before = std::fs::read(&vault).expect("read");

    let o = vigie(
        dir.path(),
        &["--lang", "fr", "vault", "check", "--vault", v],
        &[("VIGIE_PASSPHRASE", "mauvaise")],
    );
    assert_error(&o, "Phrase de passe incorrecte");
    let o = vigie(
        dir.path(),
        &["--lang", "en", "vault", "check", "--vault", v],
        &[],
    );
    assert_error(&o, "VIGIE_PASSPHRASE");
    assert_eq!(std::fs::read(&vault).expect("read"), before);
}

#[test]
fn init_never_overwrites_and_refuses_weak_passphrases() {
    let dir = temp_dir();
    let vault = dir.path().join("c.vigie");
    let v = vault.to_str().expect("utf-8");
    std::fs::write(&vault, b"precious").expect("write");
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "fr",
            "vault",
            "init",
            "--vault",
            v,
            "--practice",
            "Cabinet",
        ],
        &[("VIGIE_PASSPHRASE", PASSPHRASE)],
    );
    assert_error(&o, "Vigie ne l'écrase pas");
    assert_eq!(std::fs::read(&vault).expect("read"), b"precious");

    let other = dir.path().join("new.vigie");
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "en",
            "vault",
            "init",
            "--vault",
            other.to_str().expect("utf-8"),
            "--practice",
            "Cabinet",
        ],
        &[("VIGIE_PASSPHRASE", "short")],
    );
    assert_error(&o, "at least 12 are needed");
    assert!(!other.exists());
}

#[test]
fn passwd_with_the_passphrase_or_the_recovery_code() {
    let dir = temp_dir();
    let vault = dir.path().join("sub").join("c.vigie");
    let v = vault.to_str().expect("utf-8");
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "en",
            "vault",
            "init",
            "--vault",
            v,
            "--practice",
            "Cabinet du Dr Martin",
        ],
        &[("VIGIE_PASSPHRASE", PASSPHRASE)],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let code = out
        .lines()
        .skip_while(|l| !l.starts_with("Recovery code"))
        .nth(1)
        .expect("recovery code line")
        .trim()
        .to_owned();
    assert_eq!(code.len(), 39, "{code}");

    let o = vigie(
        dir.path(),
        &["vault", "passwd", "--vault", v],
        &[
            ("VIGIE_PASSPHRASE", PASSPHRASE),
            ("VIGIE_NEW_PASSPHRASE", OTHER_PASSPHRASE),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = vigie(
        dir.path(),
        &["vault", "check", "--vault", v],
        &[("VIGIE_PASSPHRASE", PASSPHRASE)],
    );
    assert_eq!(o.status.code(), Some(2));
    let o = vigie(
        dir.path(),
        &["vault", "check", "--vault", v],
        &[("VIGIE_PASSPHRASE", OTHER_PASSPHRASE)],
    );
    assert!(o.status.success(), "{}", stderr(&o));

    // Forgotten passphrase: the recovery code sets a new one. A typo is caught first.
    let typo = code.replacen(&code[0..1], if &code[0..1] == "7" { "8" } else { "7" }, 1);
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "fr",
            "vault",
            "passwd",
            "--recovery",
            "--vault",
            v,
        ],
        &[
            ("VIGIE_RECOVERY_CODE", &typo),
            ("VIGIE_NEW_PASSPHRASE", PASSPHRASE),
        ],
    );
    assert_error(
        &o,
        "Le groupe 1 du code de secours contient une faute de frappe",
    );
    let o = vigie(
        dir.path(),
        &["vault", "passwd", "--recovery", "--vault", v],
        &[
            ("VIGIE_RECOVERY_CODE", &code.to_lowercase()),
            ("VIGIE_NEW_PASSPHRASE", PASSPHRASE),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = vigie(
        dir.path(),
        &["vault", "check", "--vault", v],
        &[("VIGIE_PASSPHRASE", PASSPHRASE)],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_with_status_2() {
    let dir = temp_dir();
    let o = vigie(dir.path(), &["vault", "frobnicate"], &[]);
    assert_eq!(o.status.code(), Some(2));
    let o = vigie(dir.path(), &["--help"], &[]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("vault"));
}

#[test]
fn export_writes_the_assessment_and_the_action_plan() {
    let dir = temp_dir();
    let vault = dir.path().join("d.vigie");
    let v = vault.to_str().expect("utf-8");
    let env = [("VIGIE_PASSPHRASE", PASSPHRASE)];
    demo_vault(&vault);
    std::fs::create_dir(dir.path().join("exports")).expect("mkdir");

    for (kind, name) in [
        ("assessment", "rapport.pdf"),
        ("action-plan", "plan.pdf"),
        ("scan", "analyse.pdf"),
    ] {
        let out = dir.path().join("exports").join(name);
        let o = vigie(
            dir.path(),
            &[
                "--lang",
                "fr",
                "export",
                "--vault",
                v,
                "--kind",
                kind,
                "--out",
                out.to_str().expect("utf-8"),
            ],
            &env,
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("PDF écrit"));
        let bytes = std::fs::read(&out).expect("pdf written");
        assert!(bytes.starts_with(b"%PDF-") && bytes.len() < 300 * 1024);
    }

    let out = dir.path().join("refused.pdf");
    let o = vigie(
        dir.path(),
        &[
            "export",
            "--vault",
            v,
            "--kind",
            "assessment",
            "--out",
            out.to_str().expect("utf-8"),
        ],
        &[("VIGIE_PASSPHRASE", "wrong")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists(), "nothing written on error");

    let o = vigie(dir.path(), &["vault", "check", "--vault", v], &env);
    assert!(stdout(&o).contains("4 événements") || stdout(&o).contains("4 events"));
}

#[test]
fn the_scan_report_needs_a_recorded_scan() {
    let dir = temp_dir();
    let vault = dir.path().join("c.vigie");
    let v = vault.to_str().expect("utf-8");
    let env = [("VIGIE_PASSPHRASE", PASSPHRASE)];
    create_vault_with(&vault, martin());
    let out = dir.path().join("analyse.pdf");
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "fr",
            "export",
            "--vault",
            v,
            "--kind",
            "scan",
            "--out",
            out.to_str().expect("utf-8"),
        ],
        &env,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("aucune analyse des dossiers"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

/// A breach named with `--breach` must exist, whatever the document: the register is not written in
/// its place (issue 35), and a breach that exists still gives its documents.
#[test]
fn an_export_naming_a_breach_that_does_not_exist_is_refused_and_writes_nothing() {
    let dir = temp_dir();
    let vault = dir.path().join("demo.vigie");
    let v = vault.to_str().expect("utf-8");
    let env = [("VIGIE_PASSPHRASE", PASSPHRASE)];
    demo_vault(&vault);
    let export = |kind: &str, breach: &str, name: &str| {
        let out = dir.path().join(name);
        let o = vigie(
            dir.path(),
            &[
                "--lang",
                "fr",
                "export",
                "--vault",
                v,
                "--kind",
                kind,
                "--breach",
                breach,
                "--out",
                out.to_str().expect("utf-8"),
            ],
            &env,
        );
        (o, out)
    };
    for kind in ["breaches", "notification", "patient-letter", "assessment"] {
        let (o, out) = export(kind, "99", &format!("{kind}-99.pdf"));
        assert_eq!(o.status.code(), Some(2), "{kind}: {}", stdout(&o));
        assert!(
            stderr(&o).contains("Aucune violation n° 99 dans ce registre"),
            "{kind}: {}",
            stderr(&o)
        );
        assert!(!out.exists(), "{kind}: nothing written");
    }
    for kind in ["breaches", "notification"] {
        let (o, out) = export(kind, "1", &format!("{kind}-1.pdf"));
        assert!(o.status.success(), "{kind}: {}", stderr(&o));
        assert!(std::fs::read(&out).expect("written").starts_with(b"%PDF-"));
    }
}

/// The register and the notice (issue 36), for a GP without images: the same `Document` the window
/// will use, through `vigie export`.
#[test]
fn export_writes_the_register_and_the_notice() {
    let dir = temp_dir();
    let vault = dir.path().join("gp.vigie");
    let v = vault.to_str().expect("utf-8");
    let env = [("VIGIE_PASSPHRASE", PASSPHRASE)];
    create_vault_with(&vault, martin());
    let mut sizes = Vec::new();
    for kind in ["register", "notice", "notice-a5"] {
        let out = dir.path().join(format!("{kind}.pdf"));
        let o = vigie(
            dir.path(),
            &[
                "--lang",
                "fr",
                "export",
                "--vault",
                v,
                "--kind",
                kind,
                "--out",
                out.to_str().expect("utf-8"),
            ],
            &env,
        );
        assert!(o.status.success(), "{kind}: {}", stderr(&o));
        let bytes = std::fs::read(&out).expect("pdf written");
        assert!(bytes.starts_with(b"%PDF-"), "{kind}");
        sizes.push(bytes.len());
    }
    assert!(
        sizes.iter().all(|n| *n > 1000 && *n < 300 * 1024),
        "{sizes:?}"
    );
}
