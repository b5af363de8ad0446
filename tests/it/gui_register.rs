//! Issue 36 in the window: the register and patients' notice page. An edited field is kept across
//! pages and journaled; an activity is taken out of the register; the notice's PDF is exported through
//! Vigie's dialog.

use std::time::{Duration, Instant};

use crate::common::{create_vault_with, temp_dir};
use crate::gui::{click, harness, on_disk, run_until, unlock};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::binder::ActivityKind;
use vigie::i18n::Lang;
use vigie::practice_file::JournalEvent;
use vigie::ui::VigieApp;
use vigie::ui::command::Command;

fn navigate(h: &mut Harness<'_, VigieApp>, page: vigie::ui::command::PageKind) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::Navigate(page));
    h.run();
}

fn saved(h: &mut Harness<'_, VigieApp>, what: &str) {
    run_until(h, what, |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
}

/// Replaces a field's text (select all, then type).
fn replace_text(h: &mut Harness<'_, VigieApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn the_register_page_keeps_edits_excludes_an_activity_and_exports_the_notice() {
    let dir = temp_dir();
    let vault = dir.path().join("demo.vigie");
    create_vault_with(&vault, vigie::demo::demo_contents());
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().set_system_dialogs(false);
    h.state_mut().set_place_finder(Vec::new);
    h.run();
    unlock(&mut h, &vault);
    navigate(&mut h, vigie::ui::register::PAGE);

    // The first activity's purpose, pre-filled from the reference, edited.
    let purpose = h
        .get_all_by_label("Finalité")
        .next()
        .expect("a purpose field");
    let prefilled = purpose.value().expect("a text");
    assert!(!prefilled.is_empty());
    purpose.focus();
    h.run();
    h.get_all_by_label("Finalité")
        .next()
        .expect("a purpose field")
        .type_text(" Note du cabinet.");
    // Saved after a pause in typing: a few frames, not waiting for the window to settle.
    for _ in 0..3 {
        h.step();
    }
    assert!(h.query_by_label("(modifié)").is_some(), "marked as edited");

    // Another page at once, then back: kept, in the vault on disk, and journaled.
    navigate(&mut h, vigie::ui::dashboard::PAGE);
    saved(&mut h, "the save on leaving");
    let contents = on_disk(&vault);
    let edited = &contents.register.edits[&ActivityKind::PatientCare]
        [&vigie::binder::RegisterField::Purpose];
    assert!(edited.ends_with("Note du cabinet."), "{edited}");
    assert!(edited.starts_with(prefilled.trim()), "{edited}");
    assert_eq!(
        contents
            .journal
            .iter()
            .filter(|e| e.event == JournalEvent::RegisterEdited)
            .count(),
        1,
        "one entry for a run of typing"
    );
    navigate(&mut h, vigie::ui::register::PAGE);
    let shown = h
        .get_all_by_label("Finalité")
        .next()
        .expect("a purpose field")
        .value()
        .expect("a text");
    assert_eq!(shown.trim(), edited);

    // Back to the pre-filled text.
    click(&mut h, "Revenir au texte pré-rempli");
    h.run();
    saved(&mut h, "the save of the revert");
    assert!(
        !on_disk(&vault)
            .register
            .edits
            .contains_key(&ActivityKind::PatientCare)
    );

    // Appointments taken out of the register: kept, and listed apart.
    let appointments = format!(
        "{} — Dans le registre",
        ActivityKind::Appointments.name(Lang::Fr)
    );
    click(&mut h, &appointments);
    h.run();
    saved(&mut h, "the save of the exclusion");
    assert_eq!(
        on_disk(&vault)
            .register
            .included
            .get(&ActivityKind::Appointments),
        Some(&false)
    );
    h.get_by_label("Activités hors du registre");
    assert!(
        !h.state()
            .vault()
            .expect("vault")
            .contents()
            .register
            .includes(ActivityKind::Appointments, &on_disk(&vault).practice)
    );

    // The A5 notice, exported through Vigie's dialog.
    let out = dir.path().join("affiches");
    std::fs::create_dir_all(&out).expect("mkdir");
    click(&mut h, "Exporter le dépliant A5 (PDF)…");
    h.run();
    h.get_by_label("Enregistrer sous");
    replace_text(&mut h, "Dossier", &out.display().to_string());
    click(&mut h, "Aller");
    h.run();
    let start = Instant::now();
    while h
        .query_by_label("Rien à choisir dans ce dossier.")
        .is_none()
    {
        assert!(start.elapsed() < Duration::from_secs(30), "the listing");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    replace_text(&mut h, "Nom du fichier", "information");
    click(&mut h, "Enregistrer");
    let pdf = out.join("information.pdf");
    run_until(&mut h, "the notice", |_| pdf.exists());
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
}

/// The inspection binder from the register page (issue 36, point 5): the folder chosen in Vigie's
/// dialog holds a file, so the binder goes into a new subfolder named after the day, written in a job
/// and said; its files pass `SHA256SUMS`; the comparison of the last two signed assessments is shown.
#[test]
fn the_register_page_exports_the_binder_and_shows_the_comparison() {
    let dir = temp_dir();
    let vault = dir.path().join("demo.vigie");
    drop(create_vault_with(&vault, vigie::demo::demo_contents()));
    {
        let mut v = vigie::practice_file::PracticeFile::open(
            &vault,
            vigie::vault::Unlock::Passphrase(crate::common::PASSPHRASE),
        )
        .expect("open");
        v.sign_assessment(jiff::Timestamp::now()).expect("sign");
        v.save().expect("save");
    }
    let chosen = dir.path().join("inspection");
    std::fs::create_dir_all(&chosen).expect("mkdir");
    std::fs::write(chosen.join("notes.txt"), b"kept").expect("write");
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().set_system_dialogs(false);
    h.state_mut().set_place_finder(Vec::new);
    h.run();
    unlock(&mut h, &vault);
    navigate(&mut h, vigie::ui::register::PAGE);

    // The comparison between last year's signed assessment and this one's.
    click(
        &mut h,
        "Évolution entre les deux dernières auto-évaluations signées",
    );
    h.run();
    assert!(
        h.query_by_label_contains("Score global").is_some(),
        "the comparison is shown"
    );

    click(&mut h, "Exporter le classeur d'inspection…");
    h.run();
    assert!(h.state().file_dialog_shown(), "Vigie's dialog is shown");
    replace_text(&mut h, "Dossier", &chosen.display().to_string());
    click(&mut h, "Aller");
    h.run();
    let start = Instant::now();
    while h.query_by_label("notes.txt").is_none() {
        assert!(start.elapsed() < Duration::from_secs(30), "the listing");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    click(&mut h, "Choisir ce dossier");
    run_until(&mut h, "the binder", |app| app.notice.is_some());
    let notice = match &h.state().notice {
        Some(vigie::ui::state::Notice::Info(t)) => t.clone(),
        other => panic!("{other:?}"),
    };
    let target = chosen.join(format!(
        "classeur-inspection-{}",
        vigie::i18n::date_of(jiff::Timestamp::now())
    ));
    assert!(notice.contains("Classeur d'inspection écrit"), "{notice}");
    assert!(notice.contains(&target.display().to_string()), "{notice}");
    let listed = crate::signing::check_sums(&target);
    assert!(
        listed
            .iter()
            .any(|n| n == "01-registre-des-traitements.pdf")
    );
    assert!(listed.iter().any(|n| n == "TOC.txt"));
    // The file that was there is untouched.
    assert_eq!(
        std::fs::read(chosen.join("notes.txt")).expect("kept"),
        b"kept"
    );
}
