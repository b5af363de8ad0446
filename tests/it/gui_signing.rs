//! The signed self-assessment in the window, driven headless with `egui_kittest`: signing from the page,
//! the history and the comparison of two years, verifying a bundle (valid, then tampered), and the
//! consultant's countersignature carried from a vault-less Vigie back into the practice's vault.

use std::path::Path;

use crate::common::{PASSPHRASE, create_vault_with, new_passphrase, temp_dir};
// The window's shared test steps: wait for a job, click a button that starts one, unlock.
use crate::gui::{click as press, run_until, unlock};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jiff::Timestamp;
use vigie::assessment::KeyFile;
use vigie::checklist::{AnswerValue, Respondent};
use vigie::i18n::Lang;
use vigie::paths::DataDir;
use vigie::practice::{PracticeName, Profile};
use vigie::practice_file::VaultContents;
use vigie::ui::VigieApp;
use vigie::ui::command::{Command, SigningCommand};
use vigie::ui::screen::Screen;

fn harness(data: &Path, lang: Lang) -> Harness<'static, VigieApp> {
    let data = DataDir::at(data);
    Harness::builder()
        .with_size([1024.0, 768.0])
        // The signed page is long: scrolling a button into view animates for a hundred frames or so.
        .with_max_steps(256)
        .build_eframe(move |cc| VigieApp::new(&cc.egui_ctx, data, Some(lang)))
}

fn saved(app: &VigieApp) -> bool {
    app.session.as_ref().is_some_and(|s| !s.save.pending())
}

/// Runs a command and lets the window settle.
fn command(h: &mut Harness<'_, VigieApp>, command: Command) {
    start(h, command);
    h.run();
}

/// Runs a command that starts a job: the caller then waits for it with `run_until`.
fn start(h: &mut Harness<'_, VigieApp>, command: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, command);
}

fn click(h: &mut Harness<'_, VigieApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn on_disk(path: &Path) -> VaultContents {
    vigie::practice_file::PracticeFile::open(path, vigie::vault::Unlock::Passphrase(PASSPHRASE))
        .expect("the vault opens")
        .contents()
        .clone()
}

/// A practice whose profile names the practitioner, with the first three items of the first theme
/// answered no, yes, no.
fn practice() -> VaultContents {
    let mut profile = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
    profile.practitioner = "Dr Hélène Martin".into();
    let mut contents = VaultContents::new(profile);
    contents.profile_confirmed = true;
    for (item, value) in
        first_items()
            .into_iter()
            .zip([AnswerValue::No, AnswerValue::Yes, AnswerValue::No])
    {
        contents
            .checklist
            .answer(&item, value, Respondent::Doctor, Timestamp::UNIX_EPOCH);
    }
    contents
}

fn first_items() -> Vec<String> {
    let catalog = vigie::checklist::catalog();
    catalog
        .items_of(&catalog.themes[0].id)
        .take(3)
        .map(|i| i.id.clone())
        .collect()
}

fn question(item: &str) -> String {
    let catalog = vigie::checklist::catalog();
    catalog
        .items
        .iter()
        .find(|i| i.id == item)
        .expect("item")
        .question
        .get(Lang::Fr)
        .to_owned()
}

/// Signs `contents`' assessment as the domain does, dated `at`.
fn sign_in_domain(contents: &mut VaultContents, at: Timestamp) {
    let c = contents;
    let signer = c.assessments.doctor_signer(&c.practice).expect("signer");
    c.assessments
        .complete(&c.practice, &mut c.checklist, &c.scans, &signer, at, 1);
}

#[test]
fn signing_from_the_page_freezes_the_assessment_and_lists_it_with_its_signer() {
    let dir = temp_dir();
    let path = dir.path().join("cabinet.vigie");
    create_vault_with(&path, practice());
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    assert_eq!(
        h.query_all_by_label("Auto-évaluation signée").count(),
        1,
        "the navigation entry"
    );
    click(&mut h, "Auto-évaluation signée");
    assert!(
        h.state()
            .screen
            .view::<vigie::ui::signed::view::SignedView>()
            .is_some()
    );
    h.get_by_label("Aucune évaluation signée pour l'instant.");
    h.get_by_label_contains("3 questions répondues sur");

    // Signing asks first, and says what it means.
    click(&mut h, "Terminer et signer");
    h.get_by_label(&vigie::locale::french_typography(
        "Terminer et signer l'évaluation ?",
    ));
    h.get_by_label_contains("Elle ne pourra plus être modifiée");
    assert!(on_disk(&path).assessments.signed.is_empty(), "not yet");
    press(&mut h, "Oui, terminer et signer");
    run_until(&mut h, "the save", saved);

    h.get_by_label_contains("Évaluation terminée et signée.");
    h.get_by_label_contains("Évaluation du ");
    h.get_by_label("Dr Hélène Martin — Médecin responsable");
    h.get_by_label_contains("3 réponses reprises de la dernière évaluation signée");
    // Signing again at once is possible, and says that nothing was reviewed.
    click(&mut h, "Terminer et signer");
    h.get_by_label_contains("Aucune réponse n'a été revue depuis la dernière évaluation signée");
    click(&mut h, "Annuler");
    let kept = on_disk(&path);
    assert_eq!(kept.assessments.signed.len(), 1);
    let signed = &kept.assessments.signed[0];
    let fingerprint = signed.signatures[0].identity.fingerprint();
    assert!(fingerprint.starts_with("SHA256:"));
    h.get_by_label(&fingerprint);
    h.get_by_label(&vigie::assessment::document::grouped(&signed.code()));
    assert!(kept.checklist.answers.values().all(|a| a.to_review));

    // The signed set, exported to a folder: every file, said where; ssh-keygen's files among them.
    let out = dir.path().join("export");
    std::fs::create_dir(&out).expect("folder");
    start(
        &mut h,
        Command::Signing(SigningCommand::Export {
            id: signed.id.clone(),
            dir: Some(out.clone()),
        }),
    );
    run_until(&mut h, "the export", |app| app.notice.is_some());
    // In a subfolder of their own.
    let out = out.join(vigie::report::signed::export_folder_name(
        &signed.id,
        Lang::Fr,
    ));
    h.get_by_label_contains(&format!("Fichiers écrits dans {}", out.display()));
    let document = vigie::assessment::bundle::document_name(&signed.id);
    for name in [document.as_str(), "allowed_signers", "HOW-TO-VERIFY.txt"] {
        assert!(out.join(name).is_file(), "{name} exported");
    }
    assert!(
        vigie::assessment::verify::verify_path(&out.join(&document))
            .expect("verify")
            .is_valid()
    );
    // A vault where a file would go: nothing is written over it.
    let chosen = dir.path().join("export-2");
    let other = chosen.join(vigie::report::signed::export_folder_name(
        &signed.id,
        Lang::Fr,
    ));
    std::fs::create_dir_all(&other).expect("folder");
    std::fs::copy(&path, other.join(&document)).expect("copy");
    start(
        &mut h,
        Command::Signing(SigningCommand::Export {
            id: signed.id.clone(),
            dir: Some(chosen.clone()),
        }),
    );
    run_until(&mut h, "the refusal", |app| {
        matches!(&app.notice, Some(vigie::ui::state::Notice::Error(_)))
    });
    h.get_by_label_contains("est un coffre Vigie");
    assert_eq!(
        std::fs::read(other.join(&document)).expect("read"),
        std::fs::read(&path).expect("read")
    );
    assert_eq!(std::fs::read_dir(&other).expect("list").count(), 1);

    // The checklist marks the carried-over answers, until answered again.
    click(&mut h, "Liste de contrôle");
    assert_eq!(h.query_all_by_label("à revoir").count(), 3);
    start(
        &mut h,
        Command::Answer {
            item: first_items()[0].as_str().into(),
            value: AnswerValue::Yes,
            by: Respondent::Doctor,
        },
    );
    run_until(&mut h, "the save", saved);
    assert_eq!(h.query_all_by_label("à revoir").count(), 2);
    // Choosing the same answer again confirms it: the second item's "yes".
    let second = &first_items()[1];
    h.get_all_by_label("Oui")
        .nth(1)
        .expect("the second item's yes")
        .scroll_to_me();
    h.run();
    h.get_all_by_label("Oui")
        .nth(1)
        .expect("the second item's yes")
        .click();
    run_until(&mut h, "the save", |app| {
        saved(app)
            && app
                .vault()
                .is_some_and(|v| !v.contents().checklist.answers[second].to_review)
    });
    assert_eq!(h.query_all_by_label("à revoir").count(), 1);
    assert_eq!(
        on_disk(&path).checklist.answers[second].value,
        AnswerValue::Yes
    );
}

#[test]
fn a_practice_without_its_practitioner_is_sent_to_the_profile_before_signing() {
    let dir = temp_dir();
    let path = dir.path().join("cabinet.vigie");
    let mut contents = practice();
    contents.practice.practitioner.clear();
    create_vault_with(&path, contents);
    let mut h = harness(dir.path(), Lang::En);
    h.run();
    unlock(&mut h, &path);
    command(&mut h, Command::Navigate(vigie::ui::signed::PAGE));
    h.get_by_label("To sign, first enter the practitioner's name in the practice profile.");
    assert!(h.query_by_label("Complete and sign").is_none());
    click(&mut h, "Complete the profile");
    assert!(
        h.state()
            .screen
            .view::<vigie::ui::profile::view::ProfileForm>()
            .is_some()
    );
}

#[test]
fn two_years_are_compared_on_screen() {
    let dir = temp_dir();
    let path = dir.path().join("cabinet.vigie");
    let mut contents = practice();
    sign_in_domain(&mut contents, "2025-11-20T10:00:00Z".parse().expect("date"));
    create_vault_with(&path, contents);
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    // This year: the first "no" became "yes", then the assessment is signed again from the page.
    start(
        &mut h,
        Command::Answer {
            item: first_items()[0].as_str().into(),
            value: AnswerValue::Yes,
            by: Respondent::Doctor,
        },
    );
    run_until(&mut h, "the save", saved);
    command(&mut h, Command::Navigate(vigie::ui::signed::PAGE));
    h.get_by_label("La comparaison sera possible après la deuxième évaluation signée.");
    click(&mut h, "Terminer et signer");
    press(&mut h, "Oui, terminer et signer");
    run_until(&mut h, "the save", saved);
    assert_eq!(on_disk(&path).assessments.signed.len(), 2);

    click(&mut h, "Comparer avec la précédente");
    h.get_by_label_contains("Évolution depuis l'évaluation du 20/11/2025");
    h.get_by_label("1 réponse modifiée");
    h.get_by_label(&format!("• {} — Non → Oui", question(&first_items()[0])));
    h.get_by_label("0 action réalisée depuis");
    // The theme's score went up: a third of the weights, then two thirds or more.
    let theme = vigie::checklist::catalog().themes[0].title.get(Lang::Fr);
    h.get_by_label(theme);
}

/// A signed assessment's bundle, as the practice exports it, written to `dir`; returns its path.
fn bundle_in(dir: &Path, contents: &mut VaultContents, name: &str) -> std::path::PathBuf {
    sign_in_domain(contents, "2026-11-20T10:00:00Z".parse().expect("date"));
    let set = contents.assessments.last().expect("signed").signature_set();
    let howto = vigie::report::signed::how_to_verify(&set, None);
    let path = dir.join(name);
    std::fs::write(&path, vigie::report::signed::bundle_bytes(&set, &howto)).expect("write");
    path
}

#[test]
fn a_bundle_is_verified_without_a_vault_and_a_tampered_one_is_refused() {
    let dir = temp_dir();
    let mut contents = practice();
    let good = bundle_in(dir.path(), &mut contents, "evaluation.vigie-assessment");
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    click(&mut h, "Vérifier un fichier signé…");
    assert!(matches!(h.state().screen, Screen::Verify(_)));
    start(
        &mut h,
        Command::Signing(SigningCommand::Verify(Some(good.clone()))),
    );
    run_until(
        &mut h,
        "the verification",
        |app| matches!(&app.screen, Screen::Verify(v) if v.loaded.is_some()),
    );
    h.get_by_label_contains("Toutes les signatures sont valides");
    h.get_by_label(&vigie::locale::french_typography(
        "Cabinet : Cabinet du Dr Martin",
    ));
    h.get_by_label("✓ Dr Hélène Martin — Médecin responsable");
    h.get_by_label("signature valide");
    let fingerprint = contents.assessments.last().expect("signed").signatures[0]
        .identity
        .fingerprint();
    h.get_by_label(&fingerprint);
    // The read-only view: the scores and the answers.
    h.get_by_label("Contenu de l'évaluation (lecture seule)");
    h.get_by_label("Score global");

    // One changed word in the document: refused, with the reason.
    let mut files =
        vigie::assessment::bundle::FileSet::from_zip(&std::fs::read(&good).expect("read"))
            .expect("bundle");
    let name = files.document_name().expect("document").to_owned();
    let text = String::from_utf8(files.get(&name).expect("doc").to_vec()).expect("utf-8");
    files.put(
        &name,
        text.replacen("Dr Martin", "Dr Marton", 1).into_bytes(),
    );
    let bad = dir.path().join("modifie.vigie-assessment");
    std::fs::write(&bad, files.to_zip()).expect("write");
    start(&mut h, Command::Signing(SigningCommand::Verify(Some(bad))));
    run_until(
        &mut h,
        "the verification",
        |app| matches!(&app.screen, Screen::Verify(v) if v.loaded.as_ref().is_some_and(|l| !l.verification.is_valid())),
    );
    h.get_by_label_contains("Ce fichier n'est pas validé");
    h.get_by_label_contains(&vigie::locale::french_typography(
        "NON VALABLE : le fichier a été modifié depuis la signature",
    ));
    assert!(
        h.query_by_label("Contresigner").is_none(),
        "only a valid file is countersigned"
    );
    h.get_by_label_contains("Le contenu de ce fichier n'est pas affiché");
    assert!(
        h.query_by_label("Contenu de l'évaluation (lecture seule)")
            .is_none()
    );

    // A file that is no bundle at all: said plainly.
    let junk = dir.path().join("autre.vigie-assessment");
    std::fs::write(&junk, b"PK\x03\x04 not really a zip").expect("write");
    start(&mut h, Command::Signing(SigningCommand::Verify(Some(junk))));
    run_until(&mut h, "the refusal", |app| app.notice.is_some());
    h.get_by_label_contains("n'est pas une auto-évaluation Vigie (.vigie-assessment) lisible");
}

#[test]
fn the_consultant_countersigns_a_bundle_in_their_vigie_and_the_practice_imports_it() {
    let dir = temp_dir();
    // The practice's vault, with its signed assessment; the bundle it exports.
    let vault_path = dir.path().join("cabinet.vigie");
    let mut contents = practice();
    let bundle = bundle_in(dir.path(), &mut contents, "evaluation.vigie-assessment");
    create_vault_with(&vault_path, contents);
    // The consultant's key file.
    let key = dir.path().join("jean-dupont.vigie-key");
    let consultant = vigie::assessment::Signer::from_seed(
        &[7; 32],
        "Jean Dupont",
        vigie::assessment::Role::Consultant,
        "DPO Conseil",
    );
    KeyFile::write_new(&key, &new_passphrase(PASSPHRASE), &consultant).expect("key file");

    // In the consultant's Vigie, with no vault: verify, countersign, save.
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    command(&mut h, Command::Signing(SigningCommand::OpenVerify));
    start(
        &mut h,
        Command::Signing(SigningCommand::Verify(Some(bundle))),
    );
    run_until(
        &mut h,
        "the verification",
        |app| matches!(&app.screen, Screen::Verify(v) if v.loaded.is_some()),
    );
    command(
        &mut h,
        Command::Signing(SigningCommand::PickKeyFile(Some(key.clone()))),
    );
    h.get_by_label(&key.display().to_string());
    // A wrong passphrase is said, and nothing is signed.
    start(
        &mut h,
        Command::Signing(SigningCommand::CountersignBundle {
            key: key.clone(),
            passphrase: zeroize::Zeroizing::new("pas-la-bonne".to_owned()),
            reason: None,
        }),
    );
    run_until(&mut h, "the refusal", |app| app.notice.is_some());
    h.get_by_label_contains("Phrase de passe incorrecte");
    h.get_by_label("Phrase de passe de la clé").focus();
    h.run();
    h.get_by_label("Phrase de passe de la clé")
        .type_text(PASSPHRASE);
    h.run();
    press(&mut h, "Contresigner");
    run_until(
        &mut h,
        "the countersignature",
        |app| matches!(&app.screen, Screen::Verify(v) if v.countersigned.is_some()),
    );
    h.get_by_label_contains("Votre signature est ajoutée.");
    let returned = dir.path().join("contresigne.vigie-assessment");
    start(
        &mut h,
        Command::Signing(SigningCommand::SaveBundle(Some(returned.clone()))),
    );
    run_until(
        &mut h,
        "the save and the new check",
        |app| matches!(&app.screen, Screen::Verify(v) if v.loaded.as_ref().is_some_and(|l| l.path == returned)),
    );
    h.get_by_label_contains("Fichier contresigné enregistré");
    h.get_by_label("✓ Jean Dupont — DPO / consultant — DPO Conseil");
    h.get_by_label("✓ Dr Hélène Martin — Médecin responsable");
    let verified = vigie::assessment::verify::verify_path(&returned).expect("verify");
    assert!(verified.is_valid());
    assert_eq!(verified.signers.len(), 2);

    // Back at the practice: the countersignature comes into the vault, once.
    command(&mut h, Command::ShowWelcome);
    unlock(&mut h, &vault_path);
    command(&mut h, Command::Navigate(vigie::ui::signed::PAGE));
    start(
        &mut h,
        Command::Signing(SigningCommand::Import(Some(returned.clone()))),
    );
    run_until(&mut h, "the import", saved);
    h.get_by_label("1 signature ajoutée à l'évaluation.");
    h.get_by_label("Jean Dupont — DPO / consultant — DPO Conseil");
    let kept = on_disk(&vault_path);
    assert_eq!(kept.assessments.signed[0].signatures.len(), 2);
    start(
        &mut h,
        Command::Signing(SigningCommand::Import(Some(returned))),
    );
    run_until(&mut h, "the second import", |app| app.notice.is_some());
    h.get_by_label_contains("aucune nouvelle signature valable");
}

#[test]
fn the_consultants_window_refuses_a_changed_doctor_key_until_a_reason_is_given() {
    use vigie::assessment::bundle::{FileSet, SignatureSet};
    use vigie::assessment::{AssessmentDocument, NAMESPACE, Role, Signer, StoredSignature};
    let dir = temp_dir();
    let mut contents = practice();
    let good = bundle_in(dir.path(), &mut contents, "evaluation.vigie-assessment");
    let set = FileSet::from_zip(&std::fs::read(&good).expect("read"))
        .expect("bundle")
        .signature_set()
        .expect("set");
    let real_fp = AssessmentDocument::parse(&set.document)
        .expect("doc")
        .signer
        .fingerprint();
    // The re-keyed forgery: a better score, signed by a fresh key under the doctor's name.
    let mut doc = AssessmentDocument::parse(&set.document).expect("doc");
    doc.scores.overall_percent = Some(97);
    let forger = Signer::from_seed(&[79; 32], &doc.signer.name, Role::Doctor, "");
    doc.signer = forger.identity.clone();
    let bytes = doc.to_bytes();
    let forged_set = SignatureSet {
        id: set.id.clone(),
        signatures: vec![StoredSignature {
            identity: forger.identity.clone(),
            signed_at: Timestamp::now(),
            armored: forger.sign(NAMESPACE, &bytes),
            statement: None,
        }],
        document: bytes.into(),
    };
    let forged = dir.path().join("falsifie.vigie-assessment");
    std::fs::write(&forged, forged_set.files().to_zip()).expect("write");
    let key = dir.path().join("jean-dupont.vigie-key");
    let consultant = Signer::from_seed(&[7; 32], "Jean Dupont", Role::Consultant, "DPO Conseil");
    KeyFile::write_new(&key, &new_passphrase(PASSPHRASE), &consultant).expect("key file");
    let pins = || KeyFile::pins(&key, vigie::vault::Unlock::Passphrase(PASSPHRASE)).expect("pins");

    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    command(&mut h, Command::Signing(SigningCommand::OpenVerify));
    let countersign = |h: &mut Harness<'_, VigieApp>, bundle: &Path| {
        start(
            h,
            Command::Signing(SigningCommand::Verify(Some(bundle.to_path_buf()))),
        );
        run_until(
            h,
            "the verification",
            |app| matches!(&app.screen, Screen::Verify(v) if v.loaded.as_ref().is_some_and(|l| l.path == bundle)),
        );
        command(
            h,
            Command::Signing(SigningCommand::PickKeyFile(Some(key.clone()))),
        );
        h.get_by_label("Phrase de passe de la clé").focus();
        h.run();
        h.get_by_label("Phrase de passe de la clé")
            .type_text(PASSPHRASE);
        h.run();
    };
    // The first countersignature pins the practice's doctor key.
    countersign(&mut h, &good);
    press(&mut h, "Contresigner");
    run_until(
        &mut h,
        "the countersignature",
        |app| matches!(&app.screen, Screen::Verify(v) if v.countersigned.is_some()),
    );
    assert_eq!(pins().all()[0].fingerprint, real_fp);

    // The forgery: refused, both keys named, a reason asked for.
    countersign(&mut h, &forged);
    press(&mut h, "Contresigner");
    run_until(&mut h, "the refusal", |app| app.notice.is_some());
    // Said in the notice and above the reason's field.
    assert_eq!(h.query_all_by_label_contains(&real_fp).count(), 2);
    assert!(
        h.query_all_by_label_contains(&forger.identity.fingerprint())
            .count()
            >= 2
    );
    assert!(matches!(&h.state().screen, Screen::Verify(v) if v.countersigned.is_none()));
    assert_eq!(pins().all()[0].fingerprint, real_fp);
    let reason_label = "Raison du changement de clé, gardée dans votre fichier de clé et signée avec votre contre-signature";
    h.get_by_label(reason_label).focus();
    h.run();
    h.get_by_label(reason_label)
        .type_text("Nouveau poste, empreinte vérifiée par téléphone");
    h.run();
    press(&mut h, "Confirmer le changement de clé et contresigner");
    run_until(
        &mut h,
        "the countersignature",
        |app| matches!(&app.screen, Screen::Verify(v) if v.countersigned.is_some()),
    );
    let after = pins();
    assert_eq!(after.all()[0].fingerprint, forger.identity.fingerprint());
    assert_eq!(
        after.all()[0].changes[0].reason,
        "Nouveau poste, empreinte vérifiée par téléphone"
    );
    let Screen::Verify(v) = &h.state().screen else {
        panic!("the verify screen")
    };
    let signed = v.countersigned.as_ref().expect("countersigned");
    let st: vigie::assessment::Statement = serde_json::from_slice(
        &signed
            .signatures
            .last()
            .expect("sig")
            .statement
            .as_ref()
            .expect("statement")
            .bytes,
    )
    .expect("statement");
    assert_eq!(
        st.key_change.expect("signed").reason,
        "Nouveau poste, empreinte vérifiée par téléphone"
    );
    // Saved and checked again: the reason is shown as the countersigner signed it.
    let returned = dir.path().join("contresigne.vigie-assessment");
    start(
        &mut h,
        Command::Signing(SigningCommand::SaveBundle(Some(returned.clone()))),
    );
    run_until(
        &mut h,
        "the save and the new check",
        |app| matches!(&app.screen, Screen::Verify(v) if v.loaded.as_ref().is_some_and(|l| l.path == returned)),
    );
    h.get_by_label_contains("Clé du médecin changée depuis la précédente contre-signature");
    h.get_by_label_contains("Nouveau poste, empreinte vérifiée par téléphone");
}

/// The consultant countersigns a breach register's head alone in the window (a visit between two
/// assessments): the export's folder read and checked in a job, the head's count, hash and doctor's
/// key shown; the key pinned for the practice is another one, so the countersignature is refused
/// until the consultant gives a reason; then the statement and its signature are written in the
/// folder, checked as `vigie verify --countersigned-head` does, and the pin follows the change.
#[test]
fn the_consultant_countersigns_a_register_head_in_the_window_with_the_pinned_key_checked() {
    use vigie::assessment::pins::PinSubject;
    use vigie::assessment::{Role, Signer, head_statement};
    let dir = temp_dir();
    // The demo practice: a register with events, and a signed assessment (the doctor's key).
    let mut contents = vigie::demo::demo_contents();
    sign_in_domain(&mut contents, Timestamp::now());
    let practice_name = contents.practice.name.as_str().to_owned();
    assert!(contents.breaches.head().count > 1, "events to cut");
    let doctor = contents
        .assessments
        .doctor_key
        .as_ref()
        .and_then(vigie::assessment::DoctorKey::signer)
        .expect("the doctor's key")
        .identity
        .fingerprint();
    let register = dir.path().join("registre");
    let files = vigie::report::breach_export::register_files(&contents, Timestamp::now());
    vigie::report::breach_export::write_folder(&register, &files).expect("export");
    let key = dir.path().join("jean-dupont.vigie-key");
    let consultant = Signer::from_seed(&[7; 32], "Jean Dupont", Role::Consultant, "DPO Conseil");
    KeyFile::write_new(&key, &new_passphrase(PASSPHRASE), &consultant).expect("key file");
    // An earlier visit pinned another doctor's key for this practice.
    let earlier = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    KeyFile::open_pinned(
        &key,
        vigie::vault::Unlock::Passphrase(PASSPHRASE),
        &PinSubject {
            practice: practice_name.clone(),
            rpps: String::new(),
            fingerprint: earlier.to_owned(),
        },
        None,
        Timestamp::now(),
    )
    .expect("pinned");
    let pins = || KeyFile::pins(&key, vigie::vault::Unlock::Passphrase(PASSPHRASE)).expect("pins");

    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    command(&mut h, Command::Signing(SigningCommand::OpenVerify));
    h.get_by_label("Choisir le dossier du registre exporté…");
    start(
        &mut h,
        Command::Signing(SigningCommand::ReadHead(Some(register.clone()))),
    );
    run_until(
        &mut h,
        "the register's reading",
        |app| matches!(&app.screen, Screen::Verify(v) if v.head.is_some()),
    );
    let typo = vigie::locale::french_typography;
    h.get_by_label_contains(&typo("tête datée du"));
    h.get_by_label(&typo("✓ Tête signée par le médecin, signature valide"));
    assert!(h.query_all_by_label_contains(&doctor).count() >= 1);
    // Nothing to countersign before the consultant confirms what they saw.
    assert!(h.query_by_label("Phrase de passe de la clé").is_none());
    click(
        &mut h,
        "J'ai vérifié le nombre d'événements, l'empreinte de la tête et la clé du médecin, et je les contresigne",
    );
    h.get_by_label_contains("Indiquez le nom du cabinet");
    let practice_label = typo("Cabinet (pour comparer la clé du médecin à celle retenue) :");
    h.get_by_label(&practice_label).focus();
    h.run();
    h.get_by_label(&practice_label).type_text(&practice_name);
    h.run();
    command(
        &mut h,
        Command::Signing(SigningCommand::PickKeyFile(Some(key.clone()))),
    );
    h.get_by_label("Phrase de passe de la clé").focus();
    h.run();
    h.get_by_label("Phrase de passe de la clé")
        .type_text(PASSPHRASE);
    h.run();
    press(&mut h, "Contresigner");
    run_until(&mut h, "the refusal", |app| app.notice.is_some());
    let statement = register.join(head_statement::file_name(&consultant.identity.principal));
    assert!(!statement.exists(), "refused: nothing written");
    assert!(h.query_all_by_label_contains(earlier).count() >= 1);
    let reason_label = "Raison du changement de clé, gardée dans votre fichier de clé et signée avec votre contre-signature";
    h.get_by_label(reason_label).focus();
    h.run();
    h.get_by_label(reason_label)
        .type_text("Nouvelle clé du médecin, empreinte vérifiée par téléphone");
    h.run();
    press(&mut h, "Confirmer le changement de clé et contresigner");
    run_until(
        &mut h,
        "the head's countersignature",
        |app| matches!(&app.screen, Screen::Verify(v) if v.head_written.is_some()),
    );
    // Said in the card and in the notice (with the key change kept).
    assert_eq!(
        h.query_all_by_label_contains(&typo("Tête contresignée :"))
            .count(),
        2
    );
    let bytes = std::fs::read(&statement).expect("the statement");
    let mut sig = statement.clone().into_os_string();
    sig.push(".sig");
    let armored = std::fs::read_to_string(&sig).expect("its signature");
    let st = head_statement::check(&bytes, &armored).expect("a valid countersignature");
    assert_eq!(st.doctor_fingerprint.as_deref(), Some(doctor.as_str()));
    assert_eq!(st.signer.name, "Jean Dupont");
    assert_eq!(
        st.register_head.count,
        contents.breaches.head().count,
        "the register's head"
    );
    let after = pins();
    assert_eq!(after.all()[0].fingerprint, doctor, "the pin follows");
    assert_eq!(
        after.all()[0].changes[0].reason,
        "Nouvelle clé du médecin, empreinte vérifiée par téléphone"
    );

    // The countersignature is found when the folder is read again, and the register holds its head.
    start(
        &mut h,
        Command::Signing(SigningCommand::ReadHead(Some(register.clone()))),
    );
    run_until(
        &mut h,
        "the register's second reading",
        |app| matches!(&app.screen, Screen::Verify(v) if v.head.as_ref().is_some_and(|(_, hd)| !hd.countersignatures.is_empty())),
    );
    h.get_by_label_contains("Contre-signature valable de Jean Dupont");
    h.get_by_label_contains(&typo(
        "Registre cohérent avec la tête contre-signée par Jean Dupont",
    ));
    // The practice cuts its last event and exports again (its head unsigned now): the consultant's
    // head is no longer extended, and the window says so.
    let events = std::fs::read_to_string(register.join("events.jsonl")).expect("events");
    let kept: Vec<&str> = events.lines().collect();
    let kept = &kept[..kept.len() - 1];
    let last: serde_json::Value = serde_json::from_str(kept[kept.len() - 1]).expect("json");
    let hash =
        vigie::breach::chain::parse_hex32(last["hash"].as_str().expect("hash")).expect("hex");
    std::fs::write(
        register.join("events.jsonl"),
        format!("{}\n", kept.join("\n")),
    )
    .expect("cut");
    let head = vigie::breach::chain::DatedHead::new(
        vigie::breach::ChainHead {
            count: kept.len() as u64,
            hash,
        },
        Timestamp::now(),
    );
    std::fs::write(register.join("head.txt"), head.signing_bytes()).expect("head");
    std::fs::remove_file(register.join("head.txt.sig")).expect("unsigned");
    start(
        &mut h,
        Command::Signing(SigningCommand::ReadHead(Some(register.clone()))),
    );
    run_until(
        &mut h,
        "the cut register's reading",
        |app| matches!(&app.screen, Screen::Verify(v) if v.head.as_ref().is_some_and(|(_, hd)| hd.doctor_fingerprint.is_none())),
    );
    h.get_by_label_contains(&typo("Tête non signée par le médecin"));
    h.get_by_label_contains(&typo(
        "Le registre ne prolonge pas la tête de la tête contre-signée par Jean Dupont",
    ));
}
