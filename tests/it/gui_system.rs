//! The PC checks page driven headless (egui_kittest): run the checks, see the results, see a checklist
//! answer proposed from them and confirm it. The checks read this PC only; the network checks are not
//! started (their buttons only open the "what will happen" screen, which is left with "Annuler").

use crate::common::{PASSPHRASE, create_vault, temp_dir};
use crate::gui::{click, harness, run_until, unlock};
use egui_kittest::kittest::Queryable as _;
use vigie::i18n::Lang;
use vigie::ui::command::Command;

#[test]
fn run_the_checks_see_the_results_and_confirm_a_proposed_answer() {
    let dir = temp_dir();
    let data = dir.path().join("data");
    let (path, _, _) = create_vault(dir.path());
    let mut h = harness(&data, Lang::Fr);
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::system::PAGE));
    h.run();
    h.get_by_label("Aucun contrôle du PC n'a encore été fait.");

    // The network check first says what it will do, and nothing happens until the go-ahead.
    click(&mut h, "Frapper à la porte de mes serveurs");
    h.run();
    assert!(
        h.query_by_label_contains("Rien ne sort du réseau du cabinet")
            .is_some(),
        "the what-will-happen screen"
    );
    click(&mut h, "Annuler");
    h.run();

    // The Orthanc configuration the doctor points to (the dialog's answer given here).
    let config = dir.path().join("orthanc.json");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/system/orthanc/orthanc-risky.json"),
        &config,
    )
    .expect("copy");
    h.state_mut().run_command(
        &ctx,
        Command::System(vigie::ui::command::SystemCommand::PickOrthancConfig(Some(
            config.clone(),
        ))),
    );
    run_until(&mut h, "the choice's save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    assert!(
        h.query_all_by_label_contains("Configuration d'Orthanc lue")
            .next()
            .is_some(),
        "the file shown"
    );

    click(&mut h, "Lancer les contrôles");
    run_until(&mut h, "the checks and their save", |app| {
        app.vault()
            .is_some_and(|v| v.contents().system.last.is_some())
            && app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    // Results, grouped by risk, each with its plain sentence.
    for name in ["Chiffrement du disque", "Programmes ouverts sur le réseau"] {
        assert!(h.get_all_by_label(name).count() >= 1, "{name} shown");
    }
    assert!(
        h.query_all_by_label_contains("Pas encore lancé").count() == 3,
        "the network checks (knock, UPnP, box rules) not run"
    );
    // A proposed answer, dated.
    assert!(
        h.query_all_by_label_contains("Proposé d'après le contrôle du PC du")
            .next()
            .is_some(),
        "a proposal"
    );
    let open = |c: &vigie::practice_file::VaultContents| {
        c.proposals().iter().filter(|r| r.is_open()).count()
    };
    let proposals = h.state().vault().map(|v| open(v.contents())).unwrap_or(0);
    assert!(proposals > 0, "proposals");
    let (item, value) = {
        let v = h.state().vault().expect("vault");
        let row = v.contents().proposals()[0];
        (row.item.to_owned(), row.proposed)
    };
    h.get_all_by_label("Confirmer")
        .next()
        .expect("a Confirm button")
        .click();
    run_until(&mut h, "the confirmation's save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    let on_disk = vigie::practice_file::PracticeFile::open(
        &path,
        vigie::vault::Unlock::Passphrase(PASSPHRASE),
    )
    .expect("opens")
    .contents()
    .clone();
    let answer = on_disk.checklist.answers.get(&item).expect("answered");
    let expected = match value {
        vigie::system::record::Proposed::Yes => vigie::checklist::AnswerValue::Yes,
        vigie::system::record::Proposed::Partly => vigie::checklist::AnswerValue::Partly,
        vigie::system::record::Proposed::No => vigie::checklist::AnswerValue::No,
    };
    assert_eq!(
        answer.value, expected,
        "the proposed answer, now the doctor's"
    );
    assert!(
        answer.note.starts_with("D'après le contrôle du PC du"),
        "{}",
        answer.note
    );
    let last = on_disk
        .system
        .last
        .as_ref()
        .expect("the results kept in the vault");
    assert_eq!(
        last.result(vigie::system::CheckId::OrthancConfig)
            .map(|r| r.status),
        Some(vigie::system::Status::Fail),
        "the file pointed to was read"
    );
    assert_eq!(open(&on_disk), proposals - 1, "that proposal is settled");
}
