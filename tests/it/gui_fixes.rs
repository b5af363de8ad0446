//! Issue 33, point 6: the small things seen while trying the window — one save state across the
//! header and the page, Enter in the creation form, questions that stay under the pointer.

use crate::common::{PASSPHRASE, create_vault, temp_dir};
use crate::gui::{click, harness, run_until, unlock};
use egui_kittest::kittest::Queryable as _;
use vigie::i18n::Lang;
use vigie::ui::command::Command;
use vigie::ui::screen::Screen;

/// The profile page with a change not saved: the header says so too, never "Tout est enregistré";
/// once saved, neither says it any more.
#[test]
fn the_header_and_the_profile_page_tell_the_same_save_state() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::profile::PAGE));
    h.run();
    assert!(
        h.query_by_label_contains("Modifications non enregistrées")
            .is_none()
    );
    click(
        &mut h,
        "Le cabinet produit des images médicales (radiologie, échographie, dentaire…)",
    );
    h.run();
    assert_eq!(
        h.query_all_by_label_contains("Modifications non enregistrées")
            .count(),
        2,
        "the header and the page"
    );
    assert!(h.query_by_label_contains("Tout est enregistré").is_none());
    click(&mut h, "Enregistrer le profil");
    run_until(&mut h, "the profile's save", |app| {
        app.session
            .as_ref()
            .is_some_and(|s| !s.save.pending() && s.save.last_saved.is_some())
    });
    assert!(
        h.query_by_label_contains("Modifications non enregistrées")
            .is_none()
    );
    h.get_by_label_contains("Tout est enregistré");
}

/// Enter in the last field of the creation form creates the vault, as the button does.
#[test]
fn enter_submits_the_creation_form() {
    let dir = temp_dir();
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    h.get_by_label("Créer le coffre de mon cabinet").click();
    h.run();
    for (label, text) in [
        ("Nom du cabinet", "Cabinet du Dr Hélène Martin"),
        ("Phrase de passe", PASSPHRASE),
        ("Confirmez la phrase de passe", PASSPHRASE),
    ] {
        h.get_by_label(label).focus();
        h.run();
        h.get_by_label(label).type_text(text);
        h.run();
    }
    run_until(
        &mut h,
        "the vault's place",
        |app| matches!(&app.screen, Screen::Create(f) if f.vault_path().is_some()),
    );
    h.get_by_label("Confirmez la phrase de passe").focus();
    h.run();
    h.key_press(egui::Key::Enter);
    run_until(&mut h, "the recovery code", |app| {
        matches!(app.screen, Screen::Recovery(_))
    });
}

/// The first answer of a theme gives it a score: the score's line was there before (a placeholder),
/// so the questions do not move under the pointer.
#[test]
fn the_first_answer_of_a_theme_does_not_move_its_questions() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::checklist::PAGE));
    h.run();
    let placeholder = vigie::locale::french_typography("Score du thème : pas encore calculé");
    h.get_by_label(&placeholder);
    let before: Vec<egui::Rect> = h.get_all_by_label("Non").map(|n| n.rect()).collect();
    h.get_all_by_label("Oui")
        .next()
        .expect("a question")
        .click();
    run_until(&mut h, "the answer's save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    assert!(h.query_by_label(&placeholder).is_none(), "a score now");
    let after: Vec<egui::Rect> = h.get_all_by_label("Non").map(|n| n.rect()).collect();
    assert_eq!(
        before.first(),
        after.first(),
        "the first question stayed in place"
    );
}
