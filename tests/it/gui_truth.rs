//! Issue 33: one truth across pages — the profile that fits every practice, the proposals of the PC
//! checks, remediation reflected, signing knowingly.

use crate::common::{create_vault, temp_dir};
use crate::gui::{click, harness, on_disk, run_until, unlock};
use egui_kittest::kittest::Queryable as _;
use vigie::checklist::applicability::applies;
use vigie::i18n::Lang;
use vigie::ui::command::Command;

fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF lopdf can read");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text")
}

/// The GP who receives images from radiologists by e-mail and keeps some on the PC: both boxes can be
/// ticked; the checklist, the dashboard and the signed PDF then say the same thing.
#[test]
fn a_gp_who_receives_and_keeps_images_gets_one_story() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::profile::PAGE));
    h.run();
    click(&mut h, "sur ce poste ou un autre ordinateur du cabinet");
    h.run();
    click(
        &mut h,
        "Le cabinet reçoit des images médicales d'autres praticiens (courriel, CD ou clé USB, plateforme)",
    );
    h.run();
    click(&mut h, "Enregistrer le profil");
    run_until(&mut h, "the profile's save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });

    let contents = on_disk(&path);
    let imaging = contents.practice.setup.imaging();
    assert!(imaging.receives && imaging.keeps.on_pc && !imaging.produces);
    let catalog = vigie::checklist::catalog();
    let item = |id: &str| catalog.item(id).expect("item");
    assert!(applies(
        &item("imaging.encryption-at-rest").applies,
        &contents.practice
    ));
    assert!(applies(
        &item("imaging.stray-images").applies,
        &contents.practice
    ));
    assert!(!applies(
        &item("imaging.pacs-authentication").applies,
        &contents.practice
    ));

    let summary = "conserve des images (sur un poste) ; reçoit des images";
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
    h.run();
    h.get_by_label_contains(summary);
    assert!(
        h.query_by_label_contains("pas d'images médicales")
            .is_none()
    );

    let pdf = vigie::report::assessment::assessment_pdf(&contents, Lang::Fr).expect("pdf");
    let text = pdf_text(&pdf);
    assert!(text.contains("reçoit des images"), "{text}");
    assert!(!text.contains("ne produit ni ne conserve"));
}

/// A practice (the GP of the default profile, no remote access, no images) whose last PC checks say:
/// the disk is not encrypted, the screen locks after 5 minutes, the daily account is an administrator,
/// remote desktop is on. "Daily admin" was answered "not applicable" in the checklist beforehand.
fn practice_with_checks(dir: &std::path::Path) -> std::path::PathBuf {
    use vigie::system::{CheckId, CheckResult, Finding, Status, SystemReport};
    let path = dir.join("cabinet.vigie");
    let profile = vigie::practice::Profile::named(
        vigie::practice::PracticeName::parse("Cabinet du Dr Martin").expect("name"),
    );
    let mut contents = vigie::practice_file::VaultContents::new(profile);
    contents.profile_confirmed = true;
    let at = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(1);
    let result = |id, status, finding| CheckResult {
        id,
        status,
        finding,
        evidence: Vec::new(),
        checked_at: at,
    };
    contents.checklist.answer(
        "accounts.no-admin-daily",
        vigie::checklist::AnswerValue::NotApplicable,
        vigie::checklist::Respondent::Doctor,
        at - jiff::SignedDuration::from_hours(1),
    );
    contents.system.record(SystemReport {
        checked_at: at,
        system: "Ubuntu 24.04.1 LTS".to_owned(),
        results: vec![
            result(
                CheckId::DiskEncryption,
                Status::Fail,
                Finding::DiskNotEncrypted,
            ),
            result(
                CheckId::ScreenLock,
                Status::Pass,
                Finding::ScreenLockOk { minutes: 5 },
            ),
            result(CheckId::AdminUse, Status::Fail, Finding::DailyAdmin),
            result(
                CheckId::RemoteDesktop,
                Status::Pass,
                Finding::RemoteDesktopOff,
            ),
        ],
    });
    drop(crate::common::create_vault_with(&path, contents));
    path
}

fn question(id: &str) -> &'static str {
    vigie::checklist::catalog()
        .item(id)
        .expect("item")
        .question
        .get(Lang::Fr)
}

/// Proposals only for the questions that concern the practice; confirming one leaves it in place,
/// marked, so the next "Confirmer" does not slide under the pointer (a double-click confirms one).
#[test]
fn proposals_fit_the_practice_and_stay_in_place_when_confirmed() {
    let dir = temp_dir();
    let path = practice_with_checks(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::system::PAGE));
    h.run();

    // Disk encryption and screen lock concern this GP; the imaging disk, remote access (not in the
    // profile) and the daily admin (answered "not applicable") do not.
    let items: Vec<&str> = h
        .state()
        .vault()
        .expect("vault")
        .contents()
        .proposals()
        .iter()
        .map(|r| r.item)
        .collect();
    assert_eq!(
        items,
        vec!["workstation.disk-encryption", "workstation.screen-lock"]
    );
    h.get_by_label(question("workstation.screen-lock"));
    assert!(
        h.query_by_label(question("accounts.no-admin-daily"))
            .is_none()
    );
    assert!(
        h.query_by_label(question("imaging.encryption-at-rest"))
            .is_none()
    );

    let buttons: Vec<egui::Rect> = h.get_all_by_label("Confirmer").map(|n| n.rect()).collect();
    assert_eq!(buttons.len(), 2);
    let first = buttons[0];
    h.get_all_by_label("Confirmer")
        .next()
        .expect("first")
        .click();
    run_until(&mut h, "the confirmation's save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    // The confirmed proposal stays, marked; the other one has not moved.
    h.get_by_label("✓ Réponse confirmée");
    let left: Vec<egui::Rect> = h.get_all_by_label("Confirmer").map(|n| n.rect()).collect();
    assert_eq!(left, vec![buttons[1]], "the second button did not move");
    // A second click where the first button was hits no "Confirmer".
    assert!(!left.iter().any(|r| r.contains(first.center())));
    let contents = on_disk(&path);
    assert_eq!(
        contents.checklist.answers["workstation.disk-encryption"].value,
        vigie::checklist::AnswerValue::No
    );
    assert!(
        !contents
            .checklist
            .answers
            .contains_key("workstation.screen-lock"),
        "one confirmation, one answer"
    );
}

/// "Corriger dans la liste" opens the checklist on the question's theme with the question in view;
/// the proposal stays on the PC checks page until the question is answered.
#[test]
fn correct_opens_the_very_question_and_keeps_the_proposal() {
    let dir = temp_dir();
    let path = practice_with_checks(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::system::PAGE));
    h.run();
    // The second "Corriger" is the screen lock's (scrolled into view: the box's card is above).
    h.get_all_by_label("Corriger dans la liste")
        .nth(1)
        .expect("the screen lock's")
        .scroll_to_me();
    h.run();
    h.get_all_by_label("Corriger dans la liste")
        .nth(1)
        .expect("the screen lock's")
        .click();
    h.run();
    h.run();
    let catalog = vigie::checklist::catalog();
    let theme = catalog
        .themes
        .iter()
        .position(|t| t.id == "workstation")
        .expect("theme");
    let view = h
        .state()
        .screen
        .view::<vigie::ui::checklist::state::ChecklistView>()
        .expect("the checklist");
    assert_eq!(view.theme, theme, "the question's theme");
    assert_eq!(view.focus.as_deref(), Some("workstation.screen-lock"));
    let q = h.get_by_label(question("workstation.screen-lock")).rect();
    assert!(q.top() >= 0.0 && q.bottom() <= 768.0, "in view: {q:?}");
    // Still proposed, still open, until answered.
    let open = h
        .state()
        .vault()
        .expect("vault")
        .contents()
        .proposals()
        .iter()
        .any(|r| r.item == "workstation.screen-lock" && r.is_open());
    assert!(open, "the proposal stays");
}

/// The demo practice's last scan found six high-risk images; they were archived in a verified
/// archive and their originals deleted.
fn remediated_practice(dir: &std::path::Path) -> std::path::PathBuf {
    use vigie::archive::{ArchiveRecord, ArchiveSource, KeyKind};
    use vigie::scan::Risk;
    use vigie::scan::record::ArchivedNote;
    let path = dir.join("cabinet.vigie");
    let mut contents = vigie::demo::demo_contents();
    let now = jiff::Timestamp::now();
    let last = contents.scans.last.as_mut().expect("the demo's scan");
    let high: Vec<u32> = last
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.risk == Risk::High)
        .map(|(i, _)| u32::try_from(i).expect("index"))
        .collect();
    assert_eq!(high.len(), 6, "the demo scan finds six high-risk images");
    let started = last.started_at;
    last.archived.push(ArchivedNote {
        at: now,
        findings: high.clone(),
        originals_removed: high.len() as u64,
    });
    contents.archives.records.push(ArchiveRecord {
        created_at: now,
        path: "/home/cabinet/Archives/images-echo.vigiearchive".to_owned(),
        key: KeyKind::Identity,
        source: ArchiveSource::ScanFindings {
            scan_started_at: started,
        },
        files: 6,
        bytes: 6 * 524_288,
        archive_bytes: 3_000_000,
        manifest_sha256: "0".repeat(64),
        originals_removed: 6,
        originals_kept: 0,
    });
    contents.checklist.answer(
        "imaging.stray-images",
        vigie::checklist::AnswerValue::No,
        vigie::checklist::Respondent::Doctor,
        now,
    );
    let catalog = vigie::checklist::catalog();
    vigie::checklist::plan::sync(catalog, &contents.practice, &mut contents.checklist, now);
    drop(crate::common::create_vault_with(&path, contents));
    path
}

/// Archived, verified, originals deleted: the dashboard, the scan page, the scan PDF and the plan
/// all say so.
#[test]
fn remediation_is_reflected_everywhere() {
    let dir = temp_dir();
    let path = remediated_practice(dir.path());
    let contents = on_disk(&path);
    let last = contents.scans.last.as_ref().expect("scan");
    assert_eq!(last.counts().high, 6, "what was found stays on record");
    assert_eq!(last.remaining().high, 0);

    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
    h.run();
    h.get_by_label("Aucun fichier à risque élevé.");
    assert!(
        h.query_by_label_contains("à risque élevé à traiter")
            .is_none()
    );
    h.get_by_label_contains("6 fichiers trouvés ont été mis dans une archive chiffrée vérifiée");

    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::scan::PAGE));
    h.run();
    assert_eq!(
        h.query_all_by_label("ARCHIVÉ").count(),
        6,
        "six rows marked"
    );

    // The scan PDF: what was archived and where; the six are no longer "not protected".
    let pdf = vigie::report::Document::Scan(vigie::report::scan::Detail::Folders)
        .render(Some(&contents), Lang::Fr)
        .expect("pdf");
    let text = pdf_text(&pdf).replace('\n', " ");
    assert!(text.contains("images-echo.vigiearchive"), "{text}");
    assert!(!text.contains("ne sont pas protégés"), "{text}");

    // The plan proposes the stray-images action as done; the doctor confirms.
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::plan::PAGE));
    h.run();
    h.get_by_label_contains("images-echo.vigiearchive");
    click(&mut h, "Marquer l'action comme faite");
    run_until(&mut h, "the action's save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    let action = crate::gui::action_on_disk(&path, "imaging.stray-images");
    assert_eq!(action.status, vigie::checklist::ActionStatus::Done);
    assert!(action.done_at.is_some());
    h.run();
    assert!(
        h.query_by_label_contains("images-echo.vigiearchive")
            .is_none()
    );
}

/// Signing with 3 of the applicable questions answered: the confirmation says how many have no
/// answer; the PDF lists them, and the answers carried over without review.
#[test]
fn signing_with_unanswered_questions_says_how_many_and_the_pdf_lists_them() {
    use vigie::checklist::{AnswerValue, Respondent};
    let dir = temp_dir();
    let path = dir.path().join("cabinet.vigie");
    let mut profile = vigie::practice::Profile::named(
        vigie::practice::PracticeName::parse("Cabinet du Dr Martin").expect("name"),
    );
    profile.practitioner = "Dr Hélène Martin".into();
    let mut contents = vigie::practice_file::VaultContents::new(profile);
    contents.profile_confirmed = true;
    let catalog = vigie::checklist::catalog();
    let first: Vec<String> = catalog
        .items_of(&catalog.themes[0].id)
        .take(3)
        .map(|i| i.id.clone())
        .collect();
    for id in &first {
        contents.checklist.answer(
            id,
            AnswerValue::Yes,
            Respondent::Doctor,
            jiff::Timestamp::now(),
        );
    }
    // The first answer came from last year's signed assessment and was not reviewed.
    contents
        .checklist
        .answers
        .get_mut(&first[0])
        .expect("answer")
        .to_review = true;
    let scores =
        vigie::checklist::scoring::compute(catalog, &contents.practice, &contents.checklist);
    let unanswered = scores.applicable - 3;
    drop(crate::common::create_vault_with(&path, contents.clone()));

    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::signed::PAGE));
    h.run();
    click(&mut h, "Terminer et signer");
    h.run();
    h.get_by_label_contains(&format!(
        "{unanswered} questions sur {} qui concernent le cabinet n'ont pas de réponse",
        scores.applicable
    ));
    h.get_by_label_contains("1 réponse reprise de la dernière évaluation signée n'a pas été relue");
    h.get_by_label("Oui, terminer et signer");

    let pdf = vigie::report::assessment::assessment_pdf(&contents, Lang::Fr).expect("pdf");
    let text = pdf_text(&pdf).replace('\n', " ");
    assert!(
        text.contains(&format!("Questions sans réponse ({unanswered})")),
        "{text}"
    );
    assert!(text.contains("sans relecture (1)"), "{text}");
    assert!(text.contains("(reprise, non relue)"), "{text}");
}
