//! The window for a doctor (issue 19), driven with egui_kittest: Vigie's own file dialog where the
//! system has none, true and translated errors, stable layout, forms, welcome back, settings.

use std::time::{Duration, Instant};

use crate::common::{create_vault, temp_dir};
use crate::gui::{click, harness, run_until, unlock};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::i18n::Lang;
use vigie::ui::VigieApp;
use vigie::ui::command::Command;
use vigie::ui::screen::Screen;
use vigie::ui::state::Notice;

/// Steps frames until `done` holds: for what a thread outside the jobs brings (the file dialog's
/// folder listing), failing after 30 s.
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

/// Replaces a field's text (select all, then type).
fn replace_text(h: &mut Harness<'_, VigieApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Opens Vigie's dialog's folder `dir` by typing it, and waits for its listing.
fn go_to(h: &mut Harness<'_, VigieApp>, dir: &std::path::Path, expect: &str) {
    replace_text(h, "Dossier", &dir.display().to_string());
    click(h, "Aller");
    h.run();
    let expect = expect.to_owned();
    step_until(h, "the folder's listing", move |h| {
        h.query_by_label(&expect).is_some()
    });
}

fn unlocked(dir: &std::path::Path, lang: Lang) -> (Harness<'static, VigieApp>, std::path::PathBuf) {
    let (path, _, _) = create_vault(dir);
    let mut h = harness(dir, lang);
    h.state_mut().set_system_dialogs(false);
    h.state_mut().set_place_finder(Vec::new);
    h.run();
    unlock(&mut h, &path);
    (h, path)
}

/// Without a system dialog (a bare Linux desktop), "Ajouter un dossier…" opens Vigie's: the folder
/// chosen there is added to the scan.
#[test]
fn without_a_system_dialog_a_folder_is_chosen_in_vigies_own() {
    let dir = temp_dir();
    let pc = dir.path().join("pc");
    std::fs::create_dir_all(pc.join("Export écho")).expect("mkdir");
    std::fs::write(pc.join("notes.txt"), "x").expect("write");
    let (mut h, path) = unlocked(dir.path(), Lang::Fr);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::scan::PAGE));
    run_until(&mut h, "the scan page", |app| {
        app.screen
            .view::<vigie::ui::scan::view::ScanView>()
            .is_some_and(|v| v.places_loaded())
    });
    click(&mut h, "Ajouter un dossier…");
    h.run();
    assert!(h.state().file_dialog_shown(), "Vigie's dialog is shown");
    h.get_by_label("Choisir un dossier");
    go_to(&mut h, &pc, "Export écho/");
    // Choosing a folder, its files are shown too (greyed, not to pick): a folder of images does not
    // read "Rien à choisir".
    h.get_by_label("notes.txt").click();
    h.run();
    assert!(h.state().file_dialog_shown(), "a file is not chosen");
    click(&mut h, "Export écho/");
    h.run();
    step_until(&mut h, "the subfolder's listing", |h| {
        h.query_by_label("Rien à choisir dans ce dossier.")
            .is_some()
    });
    click(&mut h, "Choisir ce dossier");
    h.run();
    assert!(!h.state().file_dialog_shown());
    let Some(view) = h.state().screen.view::<vigie::ui::scan::view::ScanView>() else {
        panic!("scan page");
    };
    assert_eq!(view.roots(), vec![pc.join("Export écho")]);
    // Remembered (the settings).
    assert_eq!(
        h.state().settings.scan_folders,
        vec![pc.join("Export écho")]
    );

    // The dialog opens again where it was last, and makes a new folder there.
    click(&mut h, "Ajouter un dossier…");
    h.run();
    step_until(&mut h, "the last folder's listing", |h| {
        h.query_by_label("Rien à choisir dans ce dossier.")
            .is_some()
    });
    click(&mut h, "Nouveau dossier…");
    h.run();
    h.get_by_label("Nom du nouveau dossier")
        .type_text("Clé USB 2026");
    h.run();
    click(&mut h, "Créer le dossier");
    h.run();
    step_until(&mut h, "the new folder", |h| {
        h.query_by_label("Rien à choisir dans ce dossier.")
            .is_some()
            && h.query_by_label("Créer le dossier").is_none()
    });
    assert!(pc.join("Export écho").join("Clé USB 2026").is_dir());
    click(&mut h, "Choisir ce dossier");
    h.run();
    assert_eq!(
        h.state().settings.scan_folders,
        vec![
            pc.join("Export écho"),
            pc.join("Export écho").join("Clé USB 2026")
        ]
    );
    // Removed from the scan, forgotten by the settings.
    h.get_all_by_label("Retirer")
        .next()
        .expect("a remove button")
        .click();
    h.run();
    let kept = vec![pc.join("Export écho").join("Clé USB 2026")];
    assert_eq!(h.state().settings.scan_folders, kept);
    run_until(&mut h, "the settings' save", |_| true);
    drop(h);

    // The window opened again, later: the folder is offered again.
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().set_place_finder(Vec::new);
    h.run();
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::scan::PAGE));
    h.run();
    let Some(view) = h.state().screen.view::<vigie::ui::scan::view::ScanView>() else {
        panic!("scan page");
    };
    assert_eq!(view.roots(), kept);
}

/// A report saved through Vigie's dialog is written; the same name again asks before replacing, and a
/// name that is a folder is refused at the field.
#[test]
fn a_report_is_saved_through_vigies_dialog_and_replacing_is_confirmed() {
    let dir = temp_dir();
    let out = dir.path().join("rapports");
    std::fs::create_dir_all(out.join("ancien.pdf")).expect("mkdir");
    let (mut h, _) = unlocked(dir.path(), Lang::Fr);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::reports::PAGE));
    h.run();
    click(&mut h, "Rapport d'auto-évaluation (PDF)…");
    h.run();
    h.get_by_label("Enregistrer sous");
    go_to(&mut h, &out, "ancien.pdf/");
    replace_text(&mut h, "Nom du fichier", "ancien");
    click(&mut h, "Enregistrer");
    h.run();
    h.get_by_label_contains("Un dossier porte déjà ce nom");
    replace_text(&mut h, "Nom du fichier", "bilan");
    // The error goes away as the name is fixed.
    assert!(
        h.query_by_label_contains("Un dossier porte déjà ce nom")
            .is_none()
    );
    click(&mut h, "Enregistrer");
    let pdf = out.join("bilan.pdf");
    run_until(&mut h, "the report", |_| pdf.exists());
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
    assert!(!h.state().file_dialog_shown());

    // Again: the file is there, Vigie asks.
    std::fs::write(&pdf, b"%PDF-1.4 old").expect("write");
    click(&mut h, "Rapport d'auto-évaluation (PDF)…");
    h.run();
    go_to(&mut h, &out, "bilan.pdf");
    click(&mut h, "bilan.pdf");
    h.run();
    click(&mut h, "Enregistrer");
    h.run();
    h.get_by_label_contains(&vigie::locale::french_typography(
        "« bilan.pdf » existe déjà",
    ));
    click(&mut h, "Remplacer");
    run_until(&mut h, "the replaced report", |_| {
        std::fs::read(&pdf).is_ok_and(|b| b.len() > 100)
    });
}

/// "Ouvrir" on a finding whose folder is gone says so in French, with no system words.
#[test]
fn showing_a_folder_that_is_gone_says_so_in_the_users_language() {
    let dir = temp_dir();
    let (mut h, _) = unlocked(dir.path(), Lang::Fr);
    let ctx = h.ctx.clone();
    let gone = dir.path().join("Dossier parti").join("IM0001.dcm");
    h.state_mut().run_command(&ctx, Command::OpenFolder(gone));
    run_until(&mut h, "the answer", |app| app.notice.is_some());
    let Some(Notice::Error(message)) = &h.state().notice else {
        panic!("an error: {:?}", h.state().notice);
    };
    assert!(message.contains("n'existe plus"), "{message}");
    assert!(!message.contains("os error"), "{message}");
    h.get_by_label_contains("n'existe plus");
}

/// On the lock screen, nothing clickable sits where "Verrouiller" was: a double click on it does not
/// switch the language.
#[test]
fn locking_puts_nothing_clickable_under_the_lock_button() {
    let dir = temp_dir();
    let (mut h, _) = unlocked(dir.path(), Lang::Fr);
    let lock = h.get_by_label("Verrouiller").rect();
    click(&mut h, "Verrouiller");
    run_until(&mut h, "the lock", |app| {
        matches!(app.screen, Screen::Unlock(_))
    });
    for other in ["English", "Français"] {
        let rect = h.get_by_label(other).rect();
        assert!(
            !rect.intersects(lock),
            "{other} at {rect:?}, the lock button was at {lock:?}"
        );
    }
    // A second click where "Verrouiller" was changes nothing.
    h.hover_at(lock.center());
    h.run();
    h.drag_at(lock.center());
    h.run();
    h.drop_at(lock.center());
    h.run();
    assert_eq!(h.state().lang, Lang::Fr);
    h.get_by_label("Déverrouiller");
}

/// "Thème suivant" opens the next theme at its top, not where the last one was left.
#[test]
fn the_next_theme_opens_at_its_top() {
    let dir = temp_dir();
    let (mut h, _) = unlocked(dir.path(), Lang::Fr);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::checklist::PAGE));
    h.run();
    let top = h.get_by_label("Liste de contrôle de sécurité").rect().top();
    click(&mut h, "Thème suivant →");
    h.run();
    let Some(view) = h
        .state()
        .screen
        .view::<vigie::ui::checklist::view::ChecklistView>()
    else {
        panic!("checklist");
    };
    assert_eq!(view.theme, 1);
    let now = h.get_by_label("Liste de contrôle de sécurité").rect().top();
    assert!(
        (now - top).abs() < 1.0,
        "the page starts at {now}, not {top}"
    );
}

/// A due date is typed and checked in place: a wrong date is said at its field, the error goes away as
/// soon as the date is right, and Enter sets the action's date.
#[test]
fn a_typed_due_date_is_checked_in_place_and_sets_the_actions_date() {
    let dir = temp_dir();
    let (mut h, path) = unlocked(dir.path(), Lang::Fr);
    let item = crate::gui::answer_first_item(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::plan::PAGE));
    h.run();
    replace_text(&mut h, "Échéance", "31/02/2027");
    h.key_press(egui::Key::Enter);
    h.run();
    // The 31st of February has the right form: the message says the date does not exist.
    h.get_by_label_contains("Cette date n'existe pas ou est mal écrite");
    assert_eq!(crate::gui::action_on_disk(&path, &item).due, None);
    replace_text(&mut h, "Échéance", "28/02/2027");
    assert!(
        h.query_by_label_contains("Cette date n'existe pas")
            .is_none(),
        "the error goes as soon as the date is right"
    );
    h.key_press(egui::Key::Enter);
    run_until(&mut h, "the date's save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    assert_eq!(
        crate::gui::action_on_disk(&path, &item).due,
        Some(jiff::civil::date(2027, 2, 28))
    );
}

/// The profile: an error is shown at its field and goes away when fixed; leaving the page saves the
/// changes; invalid changes keep the page, with the errors at their fields.
#[test]
fn leaving_the_profile_keeps_the_change_and_errors_clear_when_fixed() {
    let dir = temp_dir();
    let (mut h, path) = unlocked(dir.path(), Lang::Fr);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::profile::PAGE));
    h.run();
    replace_text(&mut h, "Numéro RPPS (11 chiffres)", "1010");
    click(&mut h, "Enregistrer le profil");
    h.run();
    h.get_by_label_contains("Un numéro RPPS compte 11 chiffres");
    replace_text(&mut h, "Numéro RPPS (11 chiffres)", "10101010101");
    assert!(
        h.query_by_label_contains("Un numéro RPPS compte 11 chiffres")
            .is_none(),
        "the error goes as soon as the field is right"
    );

    // Leaving with a valid change saves it.
    replace_text(&mut h, "Praticien (prénom et nom)", "Dr Hélène Martin");
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
    run_until(&mut h, "the profile's save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    assert!(
        h.state()
            .screen
            .view::<vigie::ui::dashboard::view::DashboardView>()
            .is_some()
    );
    let practice = crate::gui::on_disk(&path).practice;
    assert_eq!(practice.practitioner, "Dr Hélène Martin");
    assert_eq!(
        practice.rpps.as_ref().map(ToString::to_string).as_deref(),
        Some("10101010101")
    );

    // Leaving with an invalid change stays, and says why at the field.
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::profile::PAGE));
    h.run();
    replace_text(&mut h, "Numéro RPPS (11 chiffres)", "12");
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
    h.run();
    assert!(
        h.state()
            .screen
            .view::<vigie::ui::profile::view::ProfileForm>()
            .is_some()
    );
    h.get_by_label_contains("Un numéro RPPS compte 11 chiffres");
    h.get_by_label_contains("Le profil n'est pas enregistré");
    click(&mut h, "Annuler les modifications");
    h.run();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
    h.run();
    assert!(
        h.state()
            .screen
            .view::<vigie::ui::dashboard::view::DashboardView>()
            .is_some()
    );
}

/// A returning user: the main button opens their practice's vault by its name, and the window reopens
/// on the page last used.
#[test]
fn a_returning_user_opens_their_practice_by_name_and_lands_on_the_last_page() {
    let dir = temp_dir();
    let path = dir.path().join("cabinet.vigie");
    let mut contents = vigie::practice_file::VaultContents::new(vigie::practice::Profile::named(
        vigie::practice::PracticeName::parse("Cabinet du Dr Martin").expect("name"),
    ));
    contents.profile_confirmed = true;
    crate::common::create_vault_with(&path, contents);
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().set_system_dialogs(false);
    h.run();
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::plan::PAGE));
    h.run();
    h.state_mut().run_command(&ctx, Command::Lock);
    run_until(&mut h, "the lock", |app| app.session.is_none());
    drop(h);

    // The window opened again, later.
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().set_system_dialogs(false);
    run_until(&mut h, "the recent vaults", |app| {
        app.recent.iter().all(|r| r.present.is_some())
    });
    h.get_by_label("Ouvrir le coffre du Cabinet du Dr Martin")
        .click();
    h.run();
    let Screen::Unlock(form) = &h.state().screen else {
        panic!("the unlock screen");
    };
    assert_eq!(form.path, path);
    unlock(&mut h, &path);
    assert!(
        h.state()
            .screen
            .view::<vigie::ui::plan::view::ActionsView>()
            .is_some(),
        "{:?}",
        h.state().screen
    );
}

/// Settings: "Nouveau code de secours" makes a new code, shown once; the old one no longer opens the
/// vault, the new one does.
#[test]
fn a_new_recovery_code_replaces_the_old_one() {
    let dir = temp_dir();
    let (path, _, old_code) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().set_system_dialogs(false);
    h.run();
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::settings::PAGE));
    h.run();
    h.get_by_label("Phrase de passe actuelle (pour confirmer)")
        .focus();
    h.run();
    h.get_by_label("Phrase de passe actuelle (pour confirmer)")
        .type_text(crate::common::PASSPHRASE);
    h.run();
    click(&mut h, "Faire un nouveau code de secours");
    run_until(&mut h, "the new code", |app| {
        app.screen
            .view::<vigie::ui::settings::view::SettingsForm>()
            .is_some_and(|f| f.new_code.is_some())
    });
    let Some(form) = h
        .state()
        .screen
        .view::<vigie::ui::settings::view::SettingsForm>()
    else {
        panic!("settings");
    };
    let new_code = form.new_code.clone().expect("a code");
    h.get_by_label(new_code.to_text().as_str());
    click(&mut h, "Je l'ai noté et rangé en lieu sûr");
    h.run();
    assert!(h.query_by_label(new_code.to_text().as_str()).is_none());
    h.state_mut().run_command(&ctx, Command::Lock);
    run_until(&mut h, "the lock", |app| app.session.is_none());

    use vigie::practice_file::PracticeFile;
    use vigie::vault::{Unlock, VaultError};
    assert!(matches!(
        PracticeFile::open(&path, Unlock::RecoveryCode(&old_code)),
        Err(VaultError::WrongRecoveryCode)
    ));
    PracticeFile::open(&path, Unlock::RecoveryCode(&new_code)).expect("the new code opens it");
    PracticeFile::open(&path, Unlock::Passphrase(crate::common::PASSPHRASE))
        .expect("the passphrase still opens it");
}

/// Settings: "Copier le coffre sur une clé USB" copies the vault and its backups into a new folder of
/// the one chosen, each file checked; the copy opens with the same passphrase.
#[test]
fn the_vault_is_copied_to_a_stick_with_its_backups_and_checked() {
    let dir = temp_dir();
    let stick = dir.path().join("CLE_USB");
    std::fs::create_dir_all(&stick).expect("mkdir");
    let (mut h, path) = unlocked(dir.path(), Lang::Fr);
    // Two saves: the file and backups beside it.
    crate::gui::answer_first_item(&mut h);
    crate::gui::answer_first_item(&mut h);
    let backups = vigie::vault::existing_backups(&path).len();
    assert!(backups >= 1, "{backups} backups");
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::settings::PAGE));
    h.run();
    click(&mut h, "Copier le coffre sur une clé USB…");
    h.run();
    h.get_by_label("Choisir un dossier");
    go_to(&mut h, dir.path(), "CLE_USB/");
    click(&mut h, "CLE_USB/");
    h.run();
    step_until(&mut h, "the stick's listing", |h| {
        h.query_by_label("Rien à choisir dans ce dossier.")
            .is_some()
    });
    click(&mut h, "Choisir ce dossier");
    run_until(&mut h, "the copy", |app| app.notice.is_some());
    let Some(Notice::Info(message)) = &h.state().notice else {
        panic!("{:?}", h.state().notice);
    };
    assert!(message.starts_with("Copie vérifiée"), "{message}");
    let folders: Vec<_> = std::fs::read_dir(&stick)
        .expect("stick")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(folders.len(), 1);
    let copy = folders[0].join("cabinet.vigie");
    let files = std::fs::read_dir(&folders[0]).expect("copy").count();
    assert_eq!(files, 1 + backups, "the vault and its backups");
    assert_eq!(
        std::fs::read(&copy).expect("copy"),
        std::fs::read(&path).expect("vault")
    );
    vigie::practice_file::PracticeFile::open(
        &copy,
        vigie::vault::Unlock::Passphrase(crate::common::PASSPHRASE),
    )
    .expect("the copy opens");
}

/// A message appearing (a failed action, a finished export) does not move the page down.
#[test]
fn a_message_does_not_move_the_page() {
    let dir = temp_dir();
    let (mut h, _) = unlocked(dir.path(), Lang::Fr);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::reports::PAGE));
    h.run();
    let before = h.get_by_label("Rapport d'auto-évaluation (PDF)…").rect();
    let gone = dir.path().join("parti").join("IM0001.dcm");
    h.state_mut().run_command(&ctx, Command::OpenFolder(gone));
    run_until(&mut h, "the message", |app| app.notice.is_some());
    h.get_by_label_contains("n'existe plus");
    let after = h.get_by_label("Rapport d'auto-évaluation (PDF)…").rect();
    assert_eq!(before, after);
}

/// The signed assessment's file choices use Vigie's dialog too when the system has none.
#[test]
fn the_signed_files_are_chosen_in_vigies_dialog_without_a_system_one() {
    let dir = temp_dir();
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().set_system_dialogs(false);
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().run_command(
        &ctx,
        Command::Signing(vigie::ui::command::SigningCommand::OpenVerify),
    );
    h.state_mut().run_command(
        &ctx,
        Command::Signing(vigie::ui::command::SigningCommand::Verify(None)),
    );
    h.run();
    assert!(h.state().file_dialog_shown());
    h.get_by_label("Choisir un fichier");
    click(&mut h, "Annuler");
    h.run();
    assert!(!h.state().file_dialog_shown());
}

/// A wrong passphrase is said without moving "Déverrouiller": a second click lands on it again.
#[test]
fn a_wrong_passphrase_leaves_the_unlock_button_in_place() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::ShowUnlock(path));
    h.run();
    h.get_by_label("Phrase de passe").focus();
    h.run();
    h.get_by_label("Phrase de passe")
        .type_text("pas-la-bonne-phrase");
    h.run();
    let before = h.get_by_label("Déverrouiller").rect();
    click(&mut h, "Déverrouiller");
    run_until(&mut h, "the refusal", |app| app.notice.is_some());
    let after = h.get_by_label("Déverrouiller").rect();
    assert_eq!(before, after);
}
