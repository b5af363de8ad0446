//! The GUI driven headless with `egui_kittest`: widgets found by their accessible labels, clicked and typed
//! into, as a user would. Background jobs really run; the helper steps frames until they report.

use std::time::{Duration, Instant};

use crate::common::{PASSPHRASE, create_vault, temp_dir};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::i18n::Lang;
use vigie::paths::DataDir;
use vigie::ui::VigieApp;
use vigie::ui::command::Command;
use vigie::ui::screen::Screen;

pub(crate) fn harness(data: &std::path::Path, lang: Lang) -> Harness<'static, VigieApp> {
    let data = DataDir::at(data);
    Harness::builder()
        .with_size([1024.0, 768.0])
        // Room for a scroll animation or a save's repaint to settle on a slow machine (Wine needed 78
        // frames once); a settled window stops stepping at once.
        .with_max_steps(256)
        .build_eframe(move |cc| VigieApp::new(&cc.egui_ctx, data, Some(lang)))
}

/// Steps frames until `done` holds and no background job runs any more, failing after 90 s (key
/// derivation takes about a second; a vault of 100,000 findings decodes in seconds, more on a loaded
/// machine: the limit only catches a job that never ends). Spinners repaint without end while jobs run, so this steps rather
/// than waiting for the interface to settle.
pub(crate) fn run_until(
    h: &mut Harness<'_, VigieApp>,
    what: &str,
    done: impl Fn(&VigieApp) -> bool,
) {
    let start = Instant::now();
    loop {
        while !done(h.state()) || h.state().jobs.any_running() {
            assert!(
                start.elapsed() < Duration::from_secs(90),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(20));
            h.step();
        }
        // Settled, unless the last frames started another job (on a slow machine, Wine, it can
        // outlast the settling frames): then wait for that one too.
        if h.try_run().is_ok() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(90),
            "timed out settling after {what}"
        );
    }
}

/// Clicks a widget by its label, after scrolling it into view like a user would.
pub(crate) fn click(h: &mut Harness<'_, VigieApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
}

/// Unlocks the vault at `path` with the test passphrase, as the unlock screen would.
pub(crate) fn unlock(h: &mut Harness<'_, VigieApp>, path: &std::path::Path) {
    let ctx = h.ctx.clone();
    let secret =
        vigie::ui::command::Secret::Passphrase(zeroize::Zeroizing::new(PASSPHRASE.to_owned()));
    h.state_mut().run_command(
        &ctx,
        Command::Unlock {
            path: path.to_path_buf(),
            secret,
        },
    );
    run_until(h, "the unlock", |app| app.session.is_some());
}

fn type_into(h: &mut Harness<'_, VigieApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn first_run_creates_a_vault_and_lands_on_the_dashboard() {
    let dir = temp_dir();
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    h.get_by_label("Bienvenue dans Vigie");
    h.get_by_label("Créer le coffre de mon cabinet").click();
    h.run();

    type_into(&mut h, "Nom du cabinet", "Cabinet du Dr Hélène Martin");
    type_into(&mut h, "Phrase de passe", PASSPHRASE);
    h.get_by_label_contains(&vigie::locale::french_typography("Solidité : "));
    type_into(&mut h, "Confirmez la phrase de passe", PASSPHRASE);
    h.get_by_label("Créer le coffre").click();
    run_until(&mut h, "the recovery code", |app| {
        matches!(app.screen, Screen::Recovery(_))
    });

    h.get_by_label("Votre code de secours");
    // "Continue" stays disabled until the code is written down.
    h.get_by_label("Continuer").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Recovery(_)));
    h.get_by_label("Je l'ai noté et rangé en lieu sûr").click();
    h.run();
    h.get_by_label("Continuer").click();
    h.run();
    assert!(
        h.state()
            .screen
            .view::<vigie::ui::profile::view::ProfileForm>()
            .is_some()
    );

    type_into(&mut h, "Numéro RPPS (11 chiffres)", "1010");
    click(&mut h, "Enregistrer le profil");
    h.run();
    h.get_by_label_contains("Un numéro RPPS compte 11 chiffres");
    h.get_by_label("Numéro RPPS (11 chiffres)").focus();
    h.run();
    h.get_by_label("Numéro RPPS (11 chiffres)")
        .type_text("1234567");
    h.run();
    click(&mut h, "Enregistrer le profil");
    run_until(&mut h, "the dashboard", |app| {
        app.screen
            .view::<vigie::ui::dashboard::view::DashboardView>()
            .is_some()
            && app.session.as_ref().is_some_and(|s| !s.save.in_flight)
    });

    assert_eq!(
        h.query_all_by_label("Tableau de bord").count(),
        2,
        "navigation and heading"
    );
    assert!(
        h.query_all_by_label_contains("Cabinet du Dr Hélène Martin")
            .count()
            >= 1
    );
    h.get_by_label("10101234567");

    // What the screens did is on disk, encrypted.
    let path = dir
        .path()
        .join("practices")
        .join("cabinet-du-dr-helene-martin.vigie");
    let vault = vigie::practice_file::PracticeFile::open(
        &path,
        vigie::vault::Unlock::Passphrase(PASSPHRASE),
    )
    .expect("open");
    assert_eq!(
        vault.contents().practice.rpps.as_ref().map(|r| r.as_str()),
        Some("10101234567")
    );
    assert!(vault.contents().profile_confirmed);
}

#[test]
fn a_wrong_passphrase_shows_the_error_and_leaves_the_vault_unchanged() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let before = std::fs::read(&path).expect("read");

    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::ShowUnlock(path.clone()));
    h.run();
    type_into(&mut h, "Phrase de passe", "pas-la-bonne-phrase");
    h.get_by_label("Déverrouiller").click();
    run_until(&mut h, "the error", |app| app.notice.is_some());
    h.get_by_label_contains("Phrase de passe incorrecte");
    assert!(h.state().session.is_none());
    assert_eq!(std::fs::read(&path).expect("read"), before);

    // The field was emptied for a new try; the right passphrase, confirmed with Enter, opens the vault.
    assert_eq!(
        h.get_by_label("Phrase de passe").value().as_deref(),
        Some("")
    );
    type_into(&mut h, "Phrase de passe", PASSPHRASE);
    h.key_press(egui::Key::Enter);
    run_until(&mut h, "the unlock", |app| app.session.is_some());
}

#[test]
fn switching_to_english_changes_the_labels_live() {
    let dir = temp_dir();
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    h.get_by_label("Créer le coffre de mon cabinet");
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Welcome to Vigie");
    h.get_by_label("Create my practice's vault");
    assert!(h.query_by_label("Créer le coffre de mon cabinet").is_none());
    // The choice is remembered for the next start (written by a background job: wait for it).
    run_until(&mut h, "the settings save", |_| true);
    let settings = vigie::settings::Settings::load(&DataDir::at(dir.path()).settings_file());
    assert_eq!(settings.language, Some(Lang::En));
}

#[test]
fn the_demo_opens_on_a_filled_dashboard_and_locks() {
    let dir = temp_dir();
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    h.get_by_label("Essayer le cabinet de démonstration")
        .click();
    run_until(&mut h, "the demo", |app| {
        app.screen
            .view::<vigie::ui::dashboard::view::DashboardView>()
            .is_some()
    });
    h.get_by_label_contains("Cabinet de démonstration, fictif");
    h.get_by_label("Dr Camille Lefèvre");
    // The demo's folder scan, in a few words, leads to the Scan page.
    h.get_by_label("6 fichiers à risque élevé à traiter.");
    click(&mut h, "Ouvrir l'analyse des dossiers");
    h.run();
    h.get_by_label("examen.zip");

    // Settings, then lock now.
    h.get_by_label("Paramètres").click();
    h.run();
    h.get_by_label("Langue de l'interface");
    h.get_all_by_label("Verrouiller")
        .next()
        .expect("lock button")
        .click();
    h.run();
    assert!(h.state().session.is_none());
    assert!(matches!(h.state().screen, Screen::Unlock(_)));
    h.get_by_label_contains(&vigie::locale::french_typography(
        "la phrase de passe est « radio-lumiere-cabinet-demo »",
    ));
}

#[test]
fn the_vault_locks_itself_after_the_idle_delay() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    h.run();
    unlock(&mut h, &path);
    assert_eq!(
        h.state().settings.auto_lock_minutes,
        10,
        "10 minutes by default"
    );
    h.state_mut().pretend_idle_for(Duration::from_mins(9));
    h.run();
    assert!(h.state().session.is_some(), "not yet");
    h.state_mut()
        .pretend_idle_for(Duration::from_secs(10 * 60 + 1));
    h.step();
    h.run();
    assert!(h.state().session.is_none(), "locked after 10 minutes");
    h.get_by_label_contains("locked after 10 minutes without activity");
}

#[test]
fn a_forgotten_passphrase_is_replaced_through_the_recovery_code() {
    let dir = temp_dir();
    let (path, _, code) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::ShowUnlock(path.clone()));
    h.run();
    h.get_by_label("J'ai oublié ma phrase de passe").click();
    h.run();

    // A typo is caught at once, with its group, before any slow check.
    let mut typo: Vec<char> = code.to_text().chars().collect();
    typo[0] = if typo[0] == '7' { '8' } else { '7' };
    type_into(
        &mut h,
        "Code de secours",
        &typo.into_iter().collect::<String>(),
    );
    h.get_by_label("Déverrouiller").click();
    h.run();
    h.get_by_label_contains("Le groupe 1 du code de secours contient une faute de frappe");
    assert!(!h.state().jobs.any_running());

    h.get_by_label("Code de secours").focus();
    h.run();
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    h.run();
    h.get_by_label("Code de secours")
        .type_text(&code.to_text().to_lowercase());
    h.run();
    h.get_by_label("Déverrouiller").click();
    run_until(&mut h, "the recovery unlock", |app| app.session.is_some());
    assert!(
        h.state()
            .screen
            .view::<vigie::ui::settings::view::SettingsForm>()
            .is_some()
    );
    h.get_by_label_contains("Coffre ouvert avec le code de secours");

    // No current passphrase is asked: the recovery code stood for it.
    assert!(h.query_by_label("Phrase de passe actuelle").is_none());
    type_into(
        &mut h,
        "Nouvelle phrase de passe",
        crate::common::OTHER_PASSPHRASE,
    );
    type_into(
        &mut h,
        "Confirmez la nouvelle phrase de passe",
        crate::common::OTHER_PASSPHRASE,
    );
    click(&mut h, "Changer la phrase de passe");
    run_until(&mut h, "the passphrase change", |app| {
        app.notice
            .as_ref()
            .is_some_and(|n| format!("{n:?}").contains("changée"))
    });

    let reopened = vigie::practice_file::PracticeFile::open(
        &path,
        vigie::vault::Unlock::Passphrase(crate::common::OTHER_PASSPHRASE),
    )
    .expect("new passphrase");
    let events: Vec<_> = reopened
        .contents()
        .journal
        .iter()
        .map(|e| e.event.clone())
        .collect();
    assert!(events.contains(&vigie::practice_file::JournalEvent::UnlockedWithRecoveryCode));
    assert!(events.contains(&vigie::practice_file::JournalEvent::PassphraseChanged));
}

#[test]
fn the_recovery_sheet_is_saved_as_text_and_pdf() {
    let dir = temp_dir();
    let mut h = harness(dir.path(), Lang::En);
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::StartCreate);
    h.run();
    type_into(&mut h, "Practice name", "Cabinet Saint-Éloi");
    type_into(&mut h, "Passphrase", PASSPHRASE);
    type_into(&mut h, "Confirm the passphrase", PASSPHRASE);
    h.get_by_label("Create the vault").click();
    run_until(&mut h, "the recovery code", |app| {
        matches!(app.screen, Screen::Recovery(_))
    });

    let text_path = dir.path().join("code.txt");
    let pdf_path = dir.path().join("code.pdf");
    for (format, path) in [
        (vigie::ui::command::SheetFormat::Text, &text_path),
        (vigie::ui::command::SheetFormat::Pdf, &pdf_path),
    ] {
        h.state_mut().run_command(
            &ctx,
            Command::SaveRecoverySheet {
                format,
                path: Some(path.clone()),
            },
        );
        run_until(&mut h, "the sheet", |_| path.exists());
    }
    let Screen::Recovery(screen) = &h.state().screen else {
        panic!("still on the recovery screen");
    };
    let code = screen.code.to_text();
    let text = std::fs::read_to_string(&text_path).expect("text sheet");
    assert!(
        text.contains(code.as_str()) && text.contains("Practice: Cabinet Saint-Éloi"),
        "{text}"
    );
    assert!(
        std::fs::read(&pdf_path)
            .expect("pdf sheet")
            .starts_with(b"%PDF-")
    );
    assert_eq!(h.query_all_by_label_contains("Saved: ").count(), 2);
}

#[test]
fn answering_the_checklist_updates_progress_scores_and_the_plan() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    h.get_by_label("Liste de contrôle").click();
    h.run();

    let catalog = vigie::checklist::catalog();
    let first_theme: Vec<_> = catalog.items_of(&catalog.themes[0].id).collect();
    h.get_by_label_contains("0 réponse sur");
    h.get_by_label("Pas encore de score");
    // No score yet: its line is a placeholder (the first answer must not move the questions).
    h.get_by_label(&vigie::locale::french_typography(
        "Score du thème : pas encore calculé",
    ));

    // Three answers on the first theme: no, yes, don't know.
    for (label, index) in [("Non", 0), ("Oui", 1), ("Je ne sais pas", 2)] {
        let node = h.get_all_by_label(label).nth(index).expect("answer button");
        node.scroll_to_me();
        h.run();
        // Wait for this answer's own save: after the first, `last_saved` is already set, and a slow
        // disk (Windows under Wine) would otherwise leave the save running into `run`'s step budget.
        let before = h.state().session.as_ref().and_then(|s| s.save.last_saved);
        h.get_all_by_label(label)
            .nth(index)
            .expect("answer button")
            .click();
        run_until(&mut h, "the save", |app| {
            app.session.as_ref().is_some_and(|s| {
                s.save.last_saved.is_some()
                    && s.save.last_saved != before
                    && !s.save.in_flight
                    && !s.save.queued
            })
        });
    }
    h.get_by_label_contains("3 réponses sur");
    // The theme's tab counts 3 answered out of the items that apply to this practice.
    let tab = format!("{} 3/", catalog.themes[0].title.get(Lang::Fr));
    h.get_by_label_contains(&tab);
    // Score: only the "yes" earns; the exact value follows the weights.
    let (w0, w1, w2) = (
        first_theme[0].weight,
        first_theme[1].weight,
        first_theme[2].weight,
    );
    let expected = (f64::from(w1) / f64::from(w0 + w1 + w2) * 100.0).round() as u32;
    assert!(
        h.query_all_by_label(&vigie::locale::french_typography(&format!(
            "Score global : {expected} %"
        )))
        .count()
            >= 1
    );

    // Two actions: fix the first, find out the third.
    h.get_by_label("Plan d'action").click();
    h.run();
    // The plan says what to do, not the question; "find out" names the question to clear up.
    h.get_by_label(first_theme[0].action.get(Lang::Fr));
    assert!(
        h.query_by_label(first_theme[0].question.get(Lang::Fr))
            .is_none()
    );
    h.get_by_label(&vigie::i18n::tr::find_out_question(
        Lang::Fr,
        first_theme[2].question.get(Lang::Fr),
    ));
    assert_eq!(h.query_all_by_label("Mettre en place").count(), 1);
    assert_eq!(h.query_all_by_label("Se renseigner").count(), 1);

    // All of it is in the vault.
    let vault = vigie::practice_file::PracticeFile::open(
        &path,
        vigie::vault::Unlock::Passphrase(PASSPHRASE),
    )
    .expect("open");
    assert_eq!(vault.contents().checklist.answers.len(), 3);
    assert_eq!(vault.contents().checklist.actions.len(), 2);
}

#[test]
fn evidence_is_attached_encrypted_and_oversized_files_are_refused() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    let ctx = h.ctx.clone();
    unlock(&mut h, &path);
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::checklist::PAGE));
    h.run();

    let item = vigie::checklist::catalog().items[0].id.clone();
    let screenshot = dir.path().join("capture-box.png");
    std::fs::write(&screenshot, b"\x89PNG fake screenshot of the box page").expect("write");
    h.state_mut().run_command(
        &ctx,
        Command::AttachEvidence {
            item: item.as_str().into(),
            path: Some(screenshot),
        },
    );
    run_until(&mut h, "the attachment", |app| {
        app.session
            .as_ref()
            .is_some_and(|s| s.save.last_saved.is_some() && !s.save.in_flight)
    });
    h.get_by_label_contains("capture-box.png");

    let big = dir.path().join("scan-énorme.pdf");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(vigie::checklist::record::MAX_EVIDENCE_BYTES as u64 + 1)
        .expect("size");
    h.state_mut().run_command(
        &ctx,
        Command::AttachEvidence {
            item: item.as_str().into(),
            path: Some(big),
        },
    );
    run_until(&mut h, "the refusal", |app| app.notice.is_some());
    h.get_by_label_contains("une pièce est limitée à 8,0 Mo");

    let vault = vigie::practice_file::PracticeFile::open(
        &path,
        vigie::vault::Unlock::Passphrase(PASSPHRASE),
    )
    .expect("open");
    let evidence = &vault.contents().checklist.evidence;
    assert_eq!(evidence.len(), 1);
    assert_eq!(
        evidence[0].sha256,
        vigie::digest::sha256_hex(b"\x89PNG fake screenshot of the box page")
    );
    let bytes = std::fs::read(&path).expect("read");
    assert!(
        !bytes.windows(8).any(|w| w == b"capture-"),
        "file names are encrypted too"
    );
}

#[test]
fn the_keyboard_alone_reaches_and_presses_the_buttons() {
    let dir = temp_dir();
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    // Tab moves the focus from widget to widget; Enter (or Space) presses the focused button.
    let create = "Créer le coffre de mon cabinet";
    for _ in 0..12 {
        if h.get_by_label(create).is_focused() {
            break;
        }
        h.key_press(egui::Key::Tab);
        h.run();
    }
    assert!(
        h.get_by_label(create).is_focused(),
        "Tab reaches the first choice"
    );
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(matches!(h.state().screen, Screen::Create(_)));
}

/// A small practice tree: two identifying DICOM files (one renamed without extension), one
/// de-identified, an image export, and files that are not images.
pub(crate) fn practice_tree(root: &std::path::Path) -> std::path::PathBuf {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/dicom/pydicom/test_files");
    let desk = root.join("Bureau").join("Export écho");
    std::fs::create_dir_all(&desk).expect("mkdir");
    std::fs::copy(samples.join("CT_small.dcm"), desk.join("IM0001.dcm")).expect("copy");
    std::fs::copy(samples.join("CT_small.dcm"), desk.join("IM0002")).expect("copy");
    std::fs::copy(samples.join("ExplVR_BigEnd.dcm"), desk.join("anonyme.dcm")).expect("copy");
    std::fs::write(
        root.join("Bureau").join("coupe.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6",
    )
    .expect("png");
    std::fs::write(root.join("Bureau").join("notes.txt"), "rendez-vous mardi").expect("txt");
    root.join("Bureau")
}

/// Opens the Scan page with no suggested place (the test machine's own folders stay out of it).
pub(crate) fn open_scan_page(h: &mut Harness<'_, VigieApp>) {
    let ctx = h.ctx.clone();
    h.state_mut().set_place_finder(Vec::new);
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::scan::PAGE));
    run_until(h, "the places", |app| {
        app.screen
            .view::<vigie::ui::scan::view::ScanView>()
            .is_some_and(|view| view.places_loaded())
    });
}

#[test]
fn a_scan_from_the_screen_is_shown_filtered_saved_and_offered_as_evidence() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let tree = practice_tree(&dir.path().join("pc"));
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    let ctx = h.ctx.clone();
    unlock(&mut h, &path);
    open_scan_page(&mut h);
    h.get_by_label_contains("Aucune analyse enregistrée");
    h.state_mut()
        .run_command(&ctx, Command::AddScanFolder(Some(tree.clone())));
    h.run();
    h.get_by_label_contains("Dossier ajouté");
    click(&mut h, "Lancer l'analyse");
    run_until(&mut h, "the scan and its save", |app| {
        app.scan.is_none()
            && app.session.as_ref().is_some_and(|s| {
                s.save.last_saved.is_some()
                    && s.vault
                        .as_ref()
                        .is_some_and(|v| v.contents().scans.last.is_some())
            })
    });
    h.get_by_label("Résultats enregistrés dans le coffre.");
    // Two identifying DICOM files (one without extension), a de-identified one, a PNG export.
    h.get_by_label_contains("2 fichiers d'imagerie identifient des patients");
    h.get_by_label("4 affichés sur 4");
    h.get_by_label("IM0002");

    // Filter by risk, then by kind of file through the folder/name filter.
    click(&mut h, "ÉLEVÉ (2)");
    h.run();
    h.get_by_label("2 affichés sur 4");
    assert!(h.query_by_label("coupe.png").is_none());
    click(&mut h, "Tous");
    h.run();
    type_into(&mut h, "Filtrer par dossier ou nom", "coupe");
    h.get_by_label("1 affiché sur 4");
    h.get_by_label("coupe.png");

    // Everything is in the vault: paths and flags, no patient name.
    let vault = vigie::practice_file::PracticeFile::open(
        &path,
        vigie::vault::Unlock::Passphrase(PASSPHRASE),
    )
    .expect("open");
    let last = vault.contents().scans.last.clone().expect("scan recorded");
    assert_eq!(last.findings.len(), 4);
    assert_eq!(last.counts().high, 2);
    assert_eq!(last.roots, vec![tree.to_string_lossy().into_owned()]);
    let text = ron::to_string(&vault.contents().scans).expect("ron");
    assert!(!text.contains("CompressedSamples"), "no patient name kept");

    // The report is offered on the checklist item about stray images, and attached as a PDF.
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::checklist::PAGE));
    h.state_mut().run_command(
        &ctx,
        Command::AttachScanReport("imaging.stray-images".into()),
    );
    run_until(&mut h, "the attachment", |app| {
        app.vault()
            .is_some_and(|v| !v.contents().checklist.evidence.is_empty())
            && app.session.as_ref().is_some_and(|s| !s.save.in_flight)
    });
    let vault = h.state().vault().expect("vault");
    let evidence = &vault.contents().checklist.evidence[0];
    assert_eq!(evidence.item, "imaging.stray-images");
    assert!(
        std::path::Path::new(&evidence.name)
            .extension()
            .is_some_and(|e| e == "pdf"),
        "{}",
        evidence.name
    );
    assert!(evidence.content.starts_with(b"%PDF"));

    // And exported as a PDF of its own.
    let pdf = dir.path().join("analyse.pdf");
    h.state_mut().run_command(
        &ctx,
        Command::ExportReport {
            kind: vigie::report::Document::Scan(vigie::report::scan::Detail::Folders),
            lang: Lang::Fr,
            path: Some(pdf.clone()),
        },
    );
    run_until(&mut h, "the export", |_| pdf.exists());
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
}

#[test]
fn a_scan_can_be_stopped_and_keeps_going_while_other_pages_are_shown() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    // Ten thousand files: far more than the scan reads between the start and the stop just after it.
    const FILES: u64 = 10_000;
    let tree = dir.path().join("big");
    for d in 0..20 {
        let sub = tree.join(format!("d{d}"));
        std::fs::create_dir_all(&sub).expect("mkdir");
        for f in 0..FILES / 20 {
            std::fs::write(sub.join(format!("f{f}.txt")), b"not an image").expect("write");
        }
    }
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    let ctx = h.ctx.clone();
    unlock(&mut h, &path);
    open_scan_page(&mut h);
    h.state_mut()
        .run_command(&ctx, Command::StartScan(vec![tree.clone()]));
    assert!(h.state().scan.is_some());
    // Another page while it runs; the scan is still the app's.
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
    h.state_mut().run_command(&ctx, Command::StopScan);
    run_until(&mut h, "the stop", |app| app.scan.is_none());
    let last = h
        .state()
        .vault()
        .and_then(|v| v.contents().scans.last.clone())
        .expect("recorded");
    assert!(
        last.summary.cancelled,
        "the scan was stopped: {:?}",
        last.summary
    );
    assert!(
        last.summary.files_seen < FILES,
        "stopped before the end: {:?}",
        last.summary
    );
    // Back on the Scan page, the added choices are still there and the result is shown.
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::scan::PAGE));
    h.run();
    h.get_by_label_contains("Analyse du ");
}

/// Starts a scan of `tree` from the command the Scan page sends, and waits until it is recorded.
fn scan_and_wait(h: &mut Harness<'_, VigieApp>, tree: &std::path::Path) {
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::StartScan(vec![tree.to_path_buf()]));
    assert!(h.state().scan.is_some(), "the scan started");
    run_until(h, "the scan's end", |app| app.scan.is_none());
}

fn notice_text(app: &VigieApp) -> String {
    match &app.notice {
        Some(vigie::ui::state::Notice::Error(t) | vigie::ui::state::Notice::Info(t)) => t.clone(),
        None => String::new(),
    }
}

#[test]
fn a_panic_in_a_files_classification_or_in_the_scan_job_ends_the_scan_keeping_what_was_found() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let tree = practice_tree(&dir.path().join("pc"));
    // A file whose examination panics, as a bug on a hostile file would.
    std::fs::write(tree.join("piège.dcm"), b"DICM").expect("write");
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    open_scan_page(&mut h);

    // 1. In one file: that file is an error with the internal-error message, the others are found.
    h.state_mut().inject_scan_fault("piège.dcm");
    scan_and_wait(&mut h, &tree);
    let last = h
        .state()
        .vault()
        .and_then(|v| v.contents().scans.last.clone())
        .expect("recorded");
    assert_eq!(
        last.findings.len(),
        4,
        "the other files are found: {last:?}"
    );
    assert!(!last.summary.cancelled, "{:?}", last.summary);
    let internal: Vec<_> = last
        .errors
        .iter()
        .filter(|e| e.message == vigie::scan::INTERNAL_ERROR)
        .collect();
    assert_eq!(internal.len(), 1, "{:?}", last.errors);
    assert!(internal[0].path.ends_with("piège.dcm"));
    let told = notice_text(h.state());
    assert!(told.contains("erreur interne de Vigie"), "{told}");
    // One file: the singular ("1 fichier n'a pas pu être examiné").
    h.get_by_label_contains("n'a pas pu être examiné ");

    // 2. In the scan's job itself: its end is delivered, the message shown, the scan recorded as
    // stopped; the window is not left with a scan running for ever.
    let ctx = h.ctx.clone();
    h.state_mut()
        .jobs
        .inject_panic(vigie::ui::jobs::JobKind::Scan);
    h.state_mut()
        .run_command(&ctx, Command::StartScan(vec![tree.clone()]));
    run_until(&mut h, "the failed scan's end", |app| app.scan.is_none());
    let told = notice_text(h.state());
    assert!(
        told.contains("Une erreur interne a interrompu l'analyse"),
        "{told}"
    );
    h.get_by_label_contains("Une erreur interne a interrompu l'analyse");
    let failed = h
        .state()
        .vault()
        .and_then(|v| v.contents().scans.last.clone())
        .expect("recorded");
    assert!(failed.summary.cancelled, "{:?}", failed.summary);

    // 3. A new scan starts and ends normally: nothing was left stuck.
    scan_and_wait(&mut h, &tree);
    let again = h
        .state()
        .vault()
        .and_then(|v| v.contents().scans.last.clone())
        .expect("recorded");
    assert_eq!(again.findings.len(), 4, "{again:?}");
    assert_eq!(
        again
            .errors
            .iter()
            .filter(|e| e.message == vigie::scan::INTERNAL_ERROR)
            .count(),
        1,
        "the fault stays on that file for this window: {:?}",
        again.errors
    );
}

/// The CPU time this thread has used, from the kernel's scheduler statistics (Linux): what a frame
/// costs the window's thread, whatever else the machine is doing (its wall time is not: the scan's
/// own threads, or other programs, take the cores from it).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// A measurement, run by hand (`cargo test --test it -- --ignored --nocapture frames_while_a_100000`):
/// what each frame costs the window's thread (its CPU time, and its wall time) while a scan of 100,000
/// findings runs, ends, is put in order and recorded, and its table is drawn. The figures are in
/// docs/ci.md; a timed assertion would fail on a loaded machine, so it only prints them.
#[test]
#[ignore = "a measurement: prints the frame times, asserts none"]
fn frames_while_a_100000_finding_scan_ends_are_measured() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let tree = dir.path().join("exports");
    // 100,000 image exports (a PNG header each: a finding, and cheap to write).
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6";
    for d in 0..100 {
        let sub = tree.join(format!("d{d}"));
        std::fs::create_dir_all(&sub).expect("mkdir");
        for f in 0..1000 {
            std::fs::write(sub.join(format!("coupe{f}.png")), png).expect("write");
        }
    }
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    open_scan_page(&mut h);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::StartScan(vec![tree.clone()]));
    let mut frames: Vec<(Duration, Duration, &'static str)> = Vec::new();
    let start = Instant::now();
    loop {
        let phase = if h.state().scan.is_some() {
            "scanning"
        } else if h.state().jobs.any_running() {
            "recording"
        } else {
            "recorded"
        };
        let (t, cpu) = (Instant::now(), thread_cpu());
        h.step();
        let used = thread_cpu()
            .zip(cpu)
            .map(|(after, before)| after.saturating_sub(before))
            .unwrap_or_default();
        frames.push((used, t.elapsed(), phase));
        if phase == "recorded" && frames.iter().filter(|f| f.2 == "recorded").count() > 5 {
            break;
        }
        assert!(start.elapsed() < Duration::from_mins(5), "the scan ends");
        std::thread::sleep(Duration::from_millis(5));
    }
    let found = h
        .state()
        .vault()
        .and_then(|v| v.contents().scans.last.as_ref().map(|l| l.findings.len()))
        .unwrap_or(0);
    assert_eq!(found, 100_000, "every export found");
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    for phase in ["scanning", "recording", "recorded"] {
        let of_phase: Vec<_> = frames.iter().filter(|f| f.2 == phase).collect();
        let cpu = of_phase.iter().map(|f| f.0).max().unwrap_or_default();
        let wall = of_phase.iter().map(|f| f.1).max().unwrap_or_default();
        #[expect(clippy::print_stdout, reason = "the measurement's output")]
        {
            println!(
                "{phase}: {} frames, the window's thread's longest: {:.1} ms of CPU, {:.1} ms of wall time",
                of_phase.len(),
                ms(cpu),
                ms(wall)
            );
        }
    }
}

#[test]
fn the_findings_table_of_100000_draws_the_visible_rows_fills_the_window_with_one_tooltip() {
    let dir = temp_dir();
    let (path, mut vault, _) = create_vault(dir.path());
    let template = vigie::scan::Finding {
        path: "/x".into(),
        kind: vigie::scan::Kind::Dicom {
            storage: vigie::scan::DicomStorage::Part10,
        },
        identifying: vigie::scan::Identifying {
            name: true,
            id: true,
            birth_date: false,
        },
        deidentified: false,
        header_unreadable: false,
        modality: vigie::scan::dicom::Modality::parse("CT"),
        study_date: vigie::scan::dicom::StudyDate::parse("20200101"),
        encrypted: false,
        volume_encrypted: Some(false),
        cloud_sync: None,
        removable: false,
        risk: vigie::scan::Risk::High,
        size: 1000,
    };
    let findings: Vec<_> = (0..100_000)
        .map(|i| vigie::scan::Finding {
            path: format!("/pc/Bureau/d{}/IM{i:06}.dcm", i % 100).into(),
            risk: if i % 3 == 0 {
                vigie::scan::Risk::Medium
            } else {
                vigie::scan::Risk::High
            },
            ..template.clone()
        })
        .collect();
    vault
        .contents_mut()
        .scans
        .push(vigie::scan::record::ScanRecord::new(
            jiff::Timestamp::now(),
            &[std::path::PathBuf::from("/pc")],
            vigie::scan::Summary {
                files_seen: 250_000,
                ..Default::default()
            },
            findings,
            Vec::new(),
        ));
    vault.save().expect("save");
    drop(vault);

    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    open_scan_page(&mut h);
    h.get_by_label("100\u{202f}000 affichés sur 100\u{202f}000");
    let drawn = h.query_all_by_label("Ouvrir").count();
    assert!(drawn > 5 && drawn < 100, "{drawn} rows drawn");
    // Sorting by name puts IM000000 first (100,000 rows are put in order in a background job).
    click(&mut h, "Fichier");
    h.run();
    run_until(&mut h, "the table's order", |_| true);
    h.get_by_label("IM000000.dcm");

    // The table has no scroll area of its own: the page scrolls as one, and once the controls above
    // it are scrolled away the rows fill the window's height (1024×768), not a box of a few rows.
    let rows_in_window = |h: &Harness<'_, VigieApp>| {
        let rows: Vec<egui::Rect> = h
            .query_all_by_label("Ouvrir")
            .map(|n| n.rect())
            .filter(|r| r.min.y >= 0.0 && r.max.y <= 768.0)
            .collect();
        let top = rows.iter().map(|r| r.min.y).fold(f32::INFINITY, f32::min);
        let bottom = rows.iter().map(|r| r.max.y).fold(0.0, f32::max);
        (rows.len(), top, bottom)
    };
    let (before, top_before, _) = rows_in_window(&h);
    for _ in 0..8 {
        h.query_all_by_label("Ouvrir")
            .next()
            .expect("a row")
            .scroll_down();
        h.run();
    }
    let (after, top_after, bottom_after) = rows_in_window(&h);
    assert!(
        top_before > 250.0,
        "the controls come first: the first row at {top_before}"
    );
    assert!(
        top_after < 60.0 && bottom_after > 700.0 && after >= 2 * before,
        "scrolled: {after} rows from y = {top_after} to {bottom_after} (before: {before} rows from \
         y = {top_before})"
    );
    assert!(
        h.query_by_label("IM000000.dcm").is_none(),
        "the page scrolled past the first rows"
    );

    // A cut cell shows one tooltip, Vigie's (the finding and its risk explained), not egui's copy of
    // the cut text on top of it.
    h.query_all_by_label_contains("DICOM ·")
        .find(|n| n.rect().min.y > 100.0 && n.rect().max.y < 700.0)
        .expect("a finding's cell in the window")
        .hover();
    for _ in 0..90 {
        h.step();
    }
    let tooltips = h.ctx.memory(|m| {
        m.areas()
            .visible_layer_ids()
            .iter()
            .filter(|l| l.order == egui::Order::Tooltip)
            .count()
    });
    assert_eq!(tooltips, 1, "tooltips shown over the cell");
}

/// The window holds the vault for itself while it is open (a command that writes is refused, a second
/// window too), and its exports follow the command line's rules: never over a vault or a folder.
#[test]
fn the_window_holds_its_vault_and_never_writes_a_document_over_one() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    let ctx = h.ctx.clone();
    unlock(&mut h, &path);
    assert!(h.state().vault().is_some_and(|v| v.holds_lock()));
    let before = std::fs::read(&path).expect("read");

    // Exports onto the vault itself, its lock file, a folder: refused, said, nothing changed.
    for (target, says) in [
        (path.clone(), "est un coffre Vigie"),
        (vigie::vault::lock_path(&path), "est un coffre Vigie"),
        (dir.path().to_path_buf(), "n'est pas un fichier ordinaire"),
    ] {
        h.state_mut().notice = None;
        h.state_mut().run_command(
            &ctx,
            Command::ExportReport {
                kind: vigie::report::Document::Assessment,
                lang: Lang::Fr,
                path: Some(target.clone()),
            },
        );
        run_until(&mut h, "the refusal", |app| app.notice.is_some());
        match &h.state().notice {
            Some(vigie::ui::state::Notice::Error(e)) => assert!(e.contains(says), "{e}"),
            other => panic!("{}: expected an error, got {other:?}", target.display()),
        }
    }
    assert_eq!(std::fs::read(&path).expect("read"), before);

    // A second window on the same vault is told it is open elsewhere.
    let mut second = harness(dir.path(), Lang::Fr);
    second.run();
    let ctx2 = second.ctx.clone();
    second
        .state_mut()
        .run_command(&ctx2, Command::ShowUnlock(path.clone()));
    second.run();
    type_into(&mut second, "Phrase de passe", PASSPHRASE);
    second.get_by_label("Déverrouiller").click();
    run_until(&mut second, "the refusal", |app| app.notice.is_some());
    second.get_by_label_contains("Ce coffre est ouvert ailleurs");
    assert!(second.state().session.is_none());
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

/// What the vault file holds now, read from disk as another program would.
pub(crate) fn on_disk(path: &std::path::Path) -> vigie::practice_file::VaultContents {
    vigie::practice_file::PracticeFile::open(path, vigie::vault::Unlock::Passphrase(PASSPHRASE))
        .expect("the vault opens")
        .contents()
        .clone()
}

/// The action of `item` in the vault file, read from disk.
pub(crate) fn action_on_disk(path: &std::path::Path, item: &str) -> vigie::checklist::Action {
    on_disk(path)
        .checklist
        .actions
        .iter()
        .rev()
        .find(|a| a.item == item)
        .expect("an action")
        .clone()
}

/// Answers "no" to the first item of the first theme (the one the checklist page opens on) and waits
/// for the save; returns the item's id.
pub(crate) fn answer_first_item(h: &mut Harness<'_, VigieApp>) -> String {
    let catalog = vigie::checklist::catalog();
    let item = catalog
        .items_of(&catalog.themes[0].id)
        .next()
        .expect("an item")
        .id
        .clone();
    let ctx = h.ctx.clone();
    h.state_mut().run_command(
        &ctx,
        Command::Answer {
            item: item.as_str().into(),
            value: vigie::checklist::AnswerValue::No,
            by: vigie::checklist::Respondent::Doctor,
        },
    );
    run_until(h, "the answer's save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    item
}

fn navigate(h: &mut Harness<'_, VigieApp>, page: vigie::ui::command::PageKind) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::Navigate(page));
    h.run();
}

/// Types into a field and draws a few frames without waiting for the window to settle: what was typed
/// waits for a pause in typing before it is saved, and the window shows "Saving…" meanwhile.
fn type_pending(h: &mut Harness<'_, VigieApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.step();
    h.get_by_label(label).type_text(text);
    for _ in 0..3 {
        h.step();
    }
}

const NOTE_LABEL: &str = "Note (what you saw, what is planned)";

#[test]
fn a_note_being_typed_is_saved_by_the_automatic_lock_without_leaving_the_field() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    h.run();
    unlock(&mut h, &path);
    let item = answer_first_item(&mut h);
    navigate(&mut h, vigie::ui::checklist::PAGE);
    type_pending(&mut h, NOTE_LABEL, "Box ports closed on 2 Dec");
    assert!(
        h.get_by_label(NOTE_LABEL).is_focused(),
        "the field still has the focus"
    );
    assert_eq!(
        on_disk(&path).checklist.answers[&item].note,
        "",
        "not saved yet"
    );

    // The idle delay runs out while the cursor is still in the field.
    h.state_mut()
        .pretend_idle_for(Duration::from_secs(10 * 60 + 1));
    h.step();
    run_until(&mut h, "the lock", |app| app.session.is_none());
    h.get_by_label_contains("locked after 10 minutes without activity");
    assert_eq!(
        on_disk(&path).checklist.answers[&item].note,
        "Box ports closed on 2 Dec"
    );

    unlock(&mut h, &path);
    navigate(&mut h, vigie::ui::checklist::PAGE);
    let note = h
        .state()
        .vault()
        .expect("open")
        .contents()
        .checklist
        .answers[&item]
        .note
        .clone();
    assert_eq!(note, "Box ports closed on 2 Dec");
    assert!(
        h.query_all_by_value("Box ports closed on 2 Dec")
            .next()
            .is_some(),
        "the note is in its field again"
    );
}

#[test]
fn typed_text_is_saved_after_a_pause_on_a_page_change_and_on_closing() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    h.run();
    unlock(&mut h, &path);
    let item = answer_first_item(&mut h);

    // A pause in typing: saved while the field keeps the focus.
    navigate(&mut h, vigie::ui::plan::PAGE);
    type_pending(&mut h, "Owner", "Dr Martin");
    let typed = Instant::now();
    run_until(&mut h, "the save after the pause", |app| {
        typed.elapsed() > vigie::ui::app::TYPING_PAUSE
            && app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    assert!(h.get_by_label("Owner").is_focused());
    assert_eq!(action_on_disk(&path, &item).owner, "Dr Martin");

    // A due date typed, then another page at once: kept.
    type_pending(&mut h, "Due", "15/01/2027");
    navigate(&mut h, vigie::ui::dashboard::PAGE);
    run_until(&mut h, "the save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    assert_eq!(
        action_on_disk(&path, &item).due,
        Some(jiff::civil::date(2027, 1, 15))
    );

    // A note typed, then the window closes at once: kept.
    navigate(&mut h, vigie::ui::checklist::PAGE);
    type_pending(&mut h, NOTE_LABEL, "to check with the IT provider");
    h.state_mut().close();
    assert_eq!(
        on_disk(&path).checklist.answers[&item].note,
        "to check with the IT provider"
    );
}

#[test]
fn a_save_that_panics_is_reported_and_the_vault_stays_open_and_saves_again() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    h.run();
    unlock(&mut h, &path);
    h.state_mut()
        .jobs
        .inject_panic(vigie::ui::jobs::JobKind::Save);
    let item = answer_first_item(&mut h);
    {
        let session = h.state().session.as_ref().expect("still open");
        assert!(session.vault.is_some(), "the vault is still open");
        assert!(
            !session.save.in_flight,
            "the save is not waited for any more"
        );
        let error = session.save.error.as_deref().expect("the failure is shown");
        assert!(
            error.contains("An internal error stopped the save"),
            "{error}"
        );
    }
    h.get_by_label_contains("An internal error stopped the save");
    assert!(!on_disk(&path).checklist.answers.contains_key(&item));

    // The answer is still in memory: Retry writes it.
    h.get_by_label("Retry").click();
    h.run();
    run_until(&mut h, "the retried save", |app| {
        app.session
            .as_ref()
            .is_some_and(|s| !s.save.pending() && s.save.error.is_none())
    });
    assert!(on_disk(&path).checklist.answers.contains_key(&item));

    // And locking does not wait for ever.
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::Lock);
    run_until(&mut h, "the lock", |app| app.session.is_none());
}

#[test]
fn a_passphrase_change_that_panics_gives_the_vault_back() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    h.run();
    unlock(&mut h, &path);
    h.state_mut()
        .jobs
        .inject_panic(vigie::ui::jobs::JobKind::ChangePassphrase);
    let ctx = h.ctx.clone();
    h.state_mut().run_command(
        &ctx,
        Command::ChangePassphrase {
            current: Some(zeroize::Zeroizing::new(PASSPHRASE.to_owned())),
            new: crate::common::new_passphrase(crate::common::OTHER_PASSPHRASE),
        },
    );
    run_until(&mut h, "the passphrase change", |app| {
        app.session.as_ref().is_some_and(|s| s.vault.is_some())
    });
    let notice = format!("{:?}", h.state().notice);
    assert!(
        notice.contains("An internal error stopped the passphrase change"),
        "{notice}"
    );
    // The old passphrase still opens the file, and the vault open in the window still saves.
    let item = answer_first_item(&mut h);
    assert!(on_disk(&path).checklist.answers.contains_key(&item));
}

/// Closing the window waits for saves, never for a job that only reads: a folder on a share that no
/// longer answers must not hold the window open. (A hang check: the job would hold for 30 s.)
#[test]
fn closing_never_waits_for_a_job_that_only_reads() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    let (release, stuck) = std::sync::mpsc::channel::<()>();
    h.state_mut()
        .jobs
        .spawn(&ctx, vigie::ui::jobs::JobKind::ListFolder, move |_| {
            let _ = stuck.recv_timeout(Duration::from_secs(30));
            vigie::ui::command::JobOutput::PlacesFound(Vec::new())
        });
    let start = Instant::now();
    h.state_mut().close();
    let took = start.elapsed();
    drop(release);
    assert!(
        took < Duration::from_secs(15),
        "the window's close waited {took:?} for a folder listing"
    );
}
