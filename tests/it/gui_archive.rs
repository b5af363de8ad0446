//! From a scan finding to a verified encrypted archive in the window, then the originals removed on
//! confirmation: the panel, its job, the vault's record and evidence, the scan's note.

use std::sync::atomic::AtomicBool;

use crate::common::{create_vault, temp_dir};
use crate::gui::{click, harness, open_scan_page, practice_tree, run_until, unlock};
use egui_kittest::kittest::Queryable as _;
use vigie::i18n::Lang;
use vigie::ui::archive::view::ArchiveStage;
use vigie::ui::command::Command;
use vigie::ui::scan::view::ScanView;

fn typo(text: &str) -> String {
    vigie::locale::french_typography(text)
}

fn stage_is(app: &vigie::ui::VigieApp, done: fn(&ArchiveStage) -> bool) -> bool {
    app.screen
        .view::<ScanView>()
        .and_then(|view| view.archive.as_ref())
        .is_some_and(|p| done(&p.stage))
}

#[test]
fn the_high_risk_findings_go_into_a_verified_archive_then_the_originals_on_confirmation() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let tree = practice_tree(&dir.path().join("pc"));
    let identifying = [
        tree.join("Export écho/IM0001.dcm"),
        tree.join("Export écho/IM0002"),
    ];
    let originals: Vec<Vec<u8>> = identifying
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect();
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    let ctx = h.ctx.clone();
    unlock(&mut h, &path);
    open_scan_page(&mut h);
    h.state_mut()
        .run_command(&ctx, Command::AddScanFolder(Some(tree.clone())));
    h.run();
    click(&mut h, "Lancer l'analyse");
    run_until(&mut h, "the scan and its save", |app| {
        app.scan.is_none()
            && app
                .vault()
                .is_some_and(|v| v.contents().scans.last.is_some())
    });

    click(&mut h, "Chiffrer ces fichiers…");
    h.run();
    h.get_by_label_contains("Vigie copie les fichiers choisis");
    h.get_by_label("Les fichiers à risque élevé (2)");
    // Where: typed (the field is always there, dialog or not).
    let archive = dir.path().join("archives").join("examens.age");
    std::fs::create_dir_all(archive.parent().expect("parent")).expect("mkdir");
    if let Some(view) = h
        .state_mut()
        .screen
        .view_mut::<vigie::ui::scan::view::ScanView>()
    {
        view.archive.as_mut().expect("panel").out = archive.display().to_string();
    }
    h.run();
    click(&mut h, "Chiffrer et vérifier 2 fichiers");
    // The archive is noted in the vault as pending, and that saved, before anything is written: a
    // window killed after writing it leaves the note, which the next opening shows.
    let mut noted = false;
    for _ in 0..50 {
        h.step();
        if h.state()
            .vault()
            .is_some_and(|v| v.contents().archives.pending.is_some())
        {
            noted = true;
            break;
        }
    }
    assert!(noted, "the pending note");
    assert!(!archive.exists(), "nothing written before the note's save");
    run_until(&mut h, "the archive", |app| {
        if let Some(view) = app.screen.view::<ScanView>()
            && let Some(error) = view.archive.as_ref().and_then(|p| p.error.as_ref())
        {
            panic!("the archive failed: {error}");
        }
        stage_is(app, |s| matches!(s, ArchiveStage::Done(_)))
            && app.session.as_ref().is_some_and(|s| !s.save.in_flight)
    });
    h.get_by_label_contains(&typo("Archive chiffrée et vérifiée : 2 fichiers"));
    assert!(archive.is_file());
    // The originals are untouched until the doctor confirms.
    for (p, bytes) in identifying.iter().zip(&originals) {
        assert_eq!(&std::fs::read(p).expect("still there"), bytes);
    }
    {
        let v = h.state().vault().expect("vault");
        let c = v.contents();
        assert_eq!(c.archives.records.len(), 1);
        assert_eq!(c.archives.records[0].files, 2);
        assert!(
            c.checklist
                .evidence
                .iter()
                .any(|e| e.item == "imaging.encryption-at-rest"),
            "recorded as evidence for the item on encryption at rest"
        );
        let last = c.scans.last.as_ref().expect("scan");
        assert_eq!(last.archived.len(), 1);
        assert_eq!(last.archived[0].findings.len(), 2);
    }
    assert_eq!(
        crate::gui::on_disk(&path).archives.pending,
        None,
        "recorded: the note is gone from the saved vault"
    );
    h.get_by_label_contains("2 fichiers de cette analyse ont été mis dans une archive chiffrée");

    // The removal button waits for the confirmation.
    h.get_by_label_contains("supprimer les 2 originaux maintenant")
        .scroll_to_me();
    h.run();
    h.get_by_label_contains("supprimer les 2 originaux maintenant")
        .click();
    h.run();
    click(&mut h, "Supprimer les 2 originaux");
    run_until(&mut h, "the removal", |app| {
        stage_is(app, |s| matches!(s, ArchiveStage::Removed(..)))
            && app.session.as_ref().is_some_and(|s| !s.save.in_flight)
    });
    h.get_by_label_contains(&typo("Originaux supprimés : 2."));
    for p in &identifying {
        assert!(!p.exists(), "{} removed", p.display());
    }
    assert!(
        tree.join("Export écho/anonyme.dcm").exists(),
        "the rest is kept"
    );
    assert_eq!(
        h.state()
            .vault()
            .expect("vault")
            .contents()
            .archives
            .records[0]
            .originals_removed,
        2
    );

    // And the archive gives them back, identical, with the practice key.
    let key = vigie::archive::ArchiveKey::practice(
        h.state()
            .vault()
            .expect("vault")
            .contents()
            .archives
            .key
            .as_ref()
            .expect("key"),
    )
    .expect("key");
    let to = dir.path().join("restored");
    vigie::archive::restore(&archive, &key, &to, &AtomicBool::new(false), &mut |_| {})
        .expect("restore");
    assert_eq!(
        std::fs::read(to.join("Export écho/IM0001.dcm")).expect("restored"),
        originals[0]
    );
}

#[test]
fn a_passphrase_that_does_not_meet_the_policy_keeps_the_start_button_off() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let tree = practice_tree(&dir.path().join("pc"));
    let mut h = harness(dir.path(), Lang::En);
    h.run();
    let ctx = h.ctx.clone();
    unlock(&mut h, &path);
    open_scan_page(&mut h);
    h.state_mut()
        .run_command(&ctx, Command::AddScanFolder(Some(tree)));
    h.run();
    click(&mut h, "Start the scan");
    run_until(&mut h, "the scan", |app| {
        app.scan.is_none()
            && app
                .vault()
                .is_some_and(|v| v.contents().scans.last.is_some())
    });
    click(&mut h, "Encrypt these files…");
    h.run();
    click(
        &mut h,
        "A passphrase (to hand the archive to someone: a colleague, a hospital)",
    );
    h.run();
    h.get_by_label("Archive passphrase").focus();
    h.run();
    h.get_by_label("Archive passphrase").type_text("court");
    h.run();
    h.get_by_label("Encrypt and verify 2 files").click();
    h.run();
    assert!(
        stage_is(h.state(), |s| matches!(s, ArchiveStage::Setup)) && !h.state().jobs.any_running(),
        "a short passphrase cannot start"
    );
}

/// An archive complete under its name but whose run ended before the vault's save (the command line
/// killed there): on opening the vault the window says so under the top bar; "Vérifier et noter"
/// reads it back in a background job and records it with its evidence. A second pending archive whose
/// file was never written is forgotten on the doctor's confirmation, its note gone and nothing recorded.
#[test]
fn an_archive_left_pending_is_shown_on_opening_and_settled_or_forgotten() {
    let dir = temp_dir();
    let (path, mut vault, _) = create_vault(dir.path());
    let source = dir.path().join("IM0001.dcm");
    std::fs::write(&source, b"DICM examen").expect("write");
    let archive = dir.path().join("examens.age");
    let key = vault.practice_archive_key().expect("key").key;
    let origin = vigie::archive::Origin {
        practice: "Cabinet du Dr Martin".to_owned(),
        at: jiff::Timestamp::now(),
    };
    vault.note_pending_archive(&archive, origin.at);
    vault.save().expect("save the note");
    vigie::archive::encrypt(
        &vigie::archive::plan_files(&[source]),
        &key,
        &archive,
        &origin,
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .expect("archive");
    // Killed here: the record's save never happened.
    drop(vault);

    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    h.run();
    h.get_by_label_contains(&typo("n'a pas été notée dans le coffre"));
    h.get_by_label_contains(&archive.display().to_string());
    click(&mut h, "Vérifier et noter l'archive");
    run_until(&mut h, "the pending archive's check", |app| {
        app.vault()
            .is_some_and(|v| v.contents().archives.pending.is_none())
            && app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    let notice = match &h.state().notice {
        Some(vigie::ui::state::Notice::Info(t)) => t.clone(),
        other => panic!("{other:?}"),
    };
    assert!(
        notice.contains(&typo("relue, vérifiée et notée")),
        "{notice}"
    );
    assert!(
        h.query_by_label("Vérifier et noter l'archive").is_none(),
        "the strip is gone"
    );
    let on_disk = crate::gui::on_disk(&path);
    assert_eq!(on_disk.archives.pending, None, "saved without the note");
    assert_eq!(on_disk.archives.records.len(), 1, "recorded");
    assert_eq!(
        on_disk.archives.records[0].path,
        archive.display().to_string()
    );

    // A second run killed before its archive was complete: forgotten, on confirmation.
    let missing = dir.path().join("jamais-ecrite.age");
    let ctx = h.ctx.clone();
    let _ = h.state_mut().update_vault(&ctx, |v| {
        v.note_pending_archive(&missing, jiff::Timestamp::now());
    });
    run_until(&mut h, "the save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    click(&mut h, "Oublier cette archive…");
    h.run();
    h.get_by_label_contains("Oublier la note ne supprime aucun fichier");
    assert!(
        h.state()
            .vault()
            .is_some_and(|v| v.contents().archives.pending.is_some()),
        "one click does not forget"
    );
    click(&mut h, &typo("Oublier : ne pas la noter"));
    run_until(&mut h, "the forgetting", |app| {
        app.vault()
            .is_some_and(|v| v.contents().archives.pending.is_none())
            && app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    let on_disk = crate::gui::on_disk(&path);
    assert_eq!(on_disk.archives.pending, None, "forgotten");
    assert_eq!(on_disk.archives.records.len(), 1, "nothing more recorded");
}
