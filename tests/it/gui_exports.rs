//! Issue 32 in the window: exports that must be the command line's byte for byte (the breach
//! register's verifiable folder, "Exporter le registre vérifiable…"), and the doctor's key fingerprint
//! on the profile page.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::{PASSPHRASE, create_vault_with, temp_dir, vigie_command};
use crate::gui::{click, harness, run_until, unlock};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::i18n::Lang;
use vigie::ui::VigieApp;
use vigie::ui::command::Command;
use vigie::ui::state::Notice;

/// Steps frames until `done` holds (the file dialog's listing comes from a thread of its own).
fn step_until(
    h: &mut Harness<'_, VigieApp>,
    what: &str,
    done: impl Fn(&Harness<'_, VigieApp>) -> bool,
) {
    let start = Instant::now();
    while !done(h) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
}

/// Every file under `dir`, relative names with `/`, sorted, with their bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                todo.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("under").to_string_lossy();
                out.push((rel.replace('\\', "/"), std::fs::read(&p).expect("read")));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_breaches_page_exports_the_verifiable_register_as_the_command_line_does() {
    let dir = temp_dir();
    let vault = dir.path().join("demo.vigie");
    create_vault_with(&vault, vigie::demo::demo_contents());
    let from_window = dir.path().join("registre");
    std::fs::create_dir_all(&from_window).expect("mkdir");

    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().set_system_dialogs(false);
    h.state_mut().set_place_finder(Vec::new);
    h.run();
    unlock(&mut h, &vault);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::breaches::PAGE));
    h.run();
    click(&mut h, "Exporter le registre vérifiable…");
    h.run();
    assert!(h.state().file_dialog_shown(), "Vigie's dialog is shown");
    h.get_by_label("Choisir un dossier");
    h.get_by_label("Dossier").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label("Dossier")
        .type_text(&from_window.display().to_string());
    h.run();
    click(&mut h, "Aller");
    h.run();
    step_until(&mut h, "the empty folder's listing", |h| {
        h.query_by_label("Rien à choisir dans ce dossier.")
            .is_some()
    });
    click(&mut h, "Choisir ce dossier");
    run_until(&mut h, "the export", |app| app.notice.is_some());
    let notice = match &h.state().notice {
        Some(Notice::Info(t)) => t.clone(),
        other => panic!("{other:?}"),
    };
    // Where it went, said.
    assert!(
        notice.contains(&from_window.display().to_string()),
        "{notice}"
    );
    assert!(notice.contains("HOW-TO-VERIFY.txt"), "{notice}");

    // The command line's export of the same vault: the same files, byte for byte.
    let from_cli = dir.path().join("cli");
    let o = vigie_command(
        dir.path(),
        &[
            "--lang",
            "fr",
            "export",
            "--vault",
            vault.to_str().expect("utf-8"),
            "--kind",
            "breach-register",
            "--out",
            from_cli.to_str().expect("utf-8"),
        ],
        &[("VIGIE_PASSPHRASE", PASSPHRASE)],
    )
    .output()
    .expect("run vigie");
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let window = tree(&from_window);
    assert!(window.iter().any(|(n, _)| n == "SHA256SUMS"));
    assert!(window.iter().any(|(n, _)| n == "events.jsonl"));
    // Each export dates and signs its head when it is made: the head's date, its signature and the
    // checksums that cover them may differ by the second between the two; everything else may not.
    let dated_apart = |files: Vec<(String, Vec<u8>)>| -> Vec<(String, Vec<u8>)> {
        files
            .into_iter()
            .filter(|(n, _)| n != "head.txt.sig" && n != "SHA256SUMS")
            .map(|(n, b)| {
                if n == "head.txt" {
                    let text = String::from_utf8(b).expect("utf-8 head");
                    assert!(text.contains("signed_at: "), "{text}");
                    let kept: Vec<&str> = text
                        .lines()
                        .filter(|l| !l.starts_with("signed_at: "))
                        .collect();
                    let kept = kept.join("\n");
                    (n, kept.into_bytes())
                } else {
                    (n, b)
                }
            })
            .collect()
    };
    let cli = tree(&from_cli);
    assert_eq!(
        window.iter().any(|(n, _)| n == "head.txt.sig"),
        cli.iter().any(|(n, _)| n == "head.txt.sig")
    );
    assert_eq!(dated_apart(window), dated_apart(cli));
}

/// The doctor's key fingerprint, the anchor others compare a signed file's key with, is on the profile
/// page, whole, in one label.
#[test]
fn the_profile_page_shows_the_doctors_key_fingerprint() {
    let dir = temp_dir();
    let vault = dir.path().join("demo.vigie");
    let contents = vigie::demo::demo_contents();
    let fp = contents
        .assessments
        .doctor_key
        .as_ref()
        .expect("the demo has a doctor's key")
        .identity
        .fingerprint();
    create_vault_with(&vault, contents);
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &vault);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::profile::PAGE));
    h.run();
    h.get_by_label(&fp);
    h.get_by_label_contains("Empreinte de la clé de signature du médecin");
}
