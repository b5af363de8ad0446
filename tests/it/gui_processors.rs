//! Issue 36 in the window: the processors page (a clause ticked, the HDS certificate typed, the
//! contract attached, a processor added, journaled and saved) and the reminders on the dashboard
//! with their .ics export.

use std::time::Duration;

use crate::common::{create_vault_with, temp_dir};
use crate::gui::{click, harness, on_disk, run_until, unlock};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::binder::{Clause, ClauseAnswer, ProcessorId, Source};
use vigie::i18n::Lang;
use vigie::practice_file::JournalEvent;
use vigie::ui::VigieApp;
use vigie::ui::command::Command;
use vigie::ui::processors::command::ProcessorsCommand;

fn run(h: &mut Harness<'_, VigieApp>, command: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, command);
    h.run();
}

fn saved(h: &mut Harness<'_, VigieApp>, what: &str) {
    run_until(h, what, |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
}

#[test]
fn the_processors_page_keeps_clauses_certificates_contracts_and_additions() {
    let dir = temp_dir();
    let vault = dir.path().join("demo.vigie");
    create_vault_with(&vault, vigie::demo::demo_contents());
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().set_system_dialogs(false);
    h.state_mut().set_place_finder(Vec::new);
    h.run();
    unlock(&mut h, &vault);
    run(&mut h, Command::Navigate(vigie::ui::processors::PAGE));
    h.get_by_label("Liste des sous-traitants (PDF)");
    let software = ProcessorId::Profile(Source::RecordsSoftware);
    let journaled = |vault: &std::path::Path| {
        on_disk(vault)
            .journal
            .iter()
            .filter(|e| e.event == JournalEvent::ProcessorsEdited)
            .count()
    };

    // The record software's second clause (instructions), ticked present: saved at once, journaled.
    let before = on_disk(&vault)
        .processors
        .entry(software)
        .map(|p| p.clause(Clause::Instructions));
    assert_ne!(before, Some(ClauseAnswer::Present));
    h.get_all_by_label("Présente")
        .nth(1)
        .expect("the second clause's radio")
        .scroll_to_me();
    h.run();
    h.get_all_by_label("Présente")
        .nth(1)
        .expect("the second clause's radio")
        .click();
    h.run();
    saved(&mut h, "the clause");
    let c = on_disk(&vault);
    assert_eq!(
        c.processors
            .entry(software)
            .map(|p| p.clause(Clause::Instructions)),
        Some(ClauseAnswer::Present)
    );
    assert_eq!(journaled(&vault), 1);

    // The certificate's number typed: one journal entry for the run of typing.
    h.get_all_by_label("N° du certificat HDS")
        .next()
        .expect("the number field")
        .scroll_to_me();
    h.run();
    h.get_all_by_label("N° du certificat HDS")
        .next()
        .expect("the number field")
        .focus();
    h.run();
    h.get_all_by_label("N° du certificat HDS")
        .next()
        .expect("the number field")
        .type_text("HDS-TEST-1");
    for _ in 0..3 {
        h.step();
    }
    run(&mut h, Command::Navigate(vigie::ui::dashboard::PAGE));
    saved(&mut h, "the save on leaving");
    let c = on_disk(&vault);
    assert_eq!(
        c.processors.entry(software).map(|p| p.hds_number.as_str()),
        Some("HDS-TEST-1")
    );
    // Typing right after the tick goes on with the same journal entry (one per run of editing).
    assert_eq!(journaled(&vault), 1, "no entry per key");

    // The contract attached (the path as the dialog gives it), kept with its digest.
    let contract = dir.path().join("contrat-logiciel.pdf");
    std::fs::write(&contract, b"%PDF-1.4 contrat fictif").expect("write");
    run(
        &mut h,
        Command::Processors(ProcessorsCommand::AttachContract {
            id: software,
            path: Some(contract),
        }),
    );
    run_until(&mut h, "the contract", |app| {
        app.vault()
            .is_some_and(|v| v.contents().processors.contract(software).is_some())
    });
    saved(&mut h, "the contract's save");
    let c = on_disk(&vault);
    let kept = c.processors.contract(software).expect("kept");
    assert_eq!(kept.name, "contrat-logiciel.pdf");
    assert_eq!(
        kept.sha256,
        vigie::digest::sha256_hex(b"%PDF-1.4 contrat fictif")
    );

    // A processor added by hand, listed after the profile's.
    run(&mut h, Command::Navigate(vigie::ui::processors::PAGE));
    h.get_by_label("Nom du sous-traitant").scroll_to_me();
    h.run();
    h.get_by_label("Nom du sous-traitant").focus();
    h.run();
    h.get_by_label("Nom du sous-traitant")
        .type_text("Sauvegardes Exemple");
    h.run();
    click(&mut h, "Ajouter");
    h.run();
    saved(&mut h, "the addition");
    let c = on_disk(&vault);
    assert_eq!(
        c.processors
            .entry(ProcessorId::Added(1))
            .map(|p| p.name.as_str()),
        Some("Sauvegardes Exemple")
    );
    assert!(
        h.query_by_label_contains("Sauvegardes Exemple — Autre sous-traitant")
            .is_some()
    );

    // Added by hand, it serves no activity yet (said); ticked "Rendez-vous", the register names it
    // there, marked as drawn from the processors page.
    assert!(
        h.query_by_label_contains("Aucune activité cochée")
            .is_some()
    );
    let register_field = |c: &vigie::practice_file::VaultContents| {
        c.register
            .activities(&c.practice, &c.processors, &c.checklist, Lang::Fr)
            .into_iter()
            .find(|a| a.kind == vigie::binder::ActivityKind::Appointments)
            .expect("appointments")
            .field(vigie::binder::RegisterField::Processors)
            .to_owned()
    };
    assert!(!register_field(&on_disk(&vault)).contains("Sauvegardes Exemple"));
    // The register page seen before the change shows the new text after it.
    run(&mut h, Command::Navigate(vigie::ui::register::PAGE));
    assert!(h.get_all_by_label("Sous-traitants").next().is_some());
    run(&mut h, Command::Navigate(vigie::ui::processors::PAGE));
    h.get_all_by_label("Rendez-vous")
        .last()
        .expect("the added processor's box")
        .scroll_to_me();
    h.run();
    h.get_all_by_label("Rendez-vous")
        .last()
        .expect("the added processor's box")
        .click();
    h.run();
    saved(&mut h, "the activity");
    let c = on_disk(&vault);
    assert_eq!(
        c.processors
            .entry(ProcessorId::Added(1))
            .and_then(|p| p.activities.clone())
            .map(|a| a.into_iter().collect::<Vec<_>>()),
        Some(vec![vigie::binder::ActivityKind::Appointments])
    );
    let field = register_field(&c);
    assert!(
        field.contains("Autre sous-traitant (Sauvegardes Exemple)"),
        "{field}"
    );
    run(&mut h, Command::Navigate(vigie::ui::register::PAGE));
    assert!(
        h.get_all_by_label("Sous-traitants").any(|n| n
            .value()
            .is_some_and(|v| v.contains("Autre sous-traitant (Sauvegardes Exemple)"))),
        "the register page shows it"
    );
}

#[test]
fn the_dashboard_shows_the_reminders_and_exports_them_as_ics() {
    let dir = temp_dir();
    let vault = dir.path().join("demo.vigie");
    create_vault_with(&vault, vigie::demo::demo_contents());
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().set_system_dialogs(false);
    h.run();
    unlock(&mut h, &vault);
    run(&mut h, Command::Navigate(vigie::ui::dashboard::PAGE));
    h.get_by_label("Rappels");
    // The demo host's certificate expires in 60 days: within the 90 days' warning.
    assert!(
        h.query_by_label_contains("le certificat HDS de SantéCloud")
            .is_some()
    );
    h.get_by_label("Exporter les rappels (.ics)…");
    let ics = dir.path().join("rappels.ics");
    run(
        &mut h,
        Command::ExportReminders {
            path: Some(ics.clone()),
        },
    );
    run_until(&mut h, "the .ics", |_| ics.exists());
    std::thread::sleep(Duration::from_millis(50));
    let text = std::fs::read_to_string(&ics).expect("utf-8");
    let cal: icalendar::Calendar = text.parse().expect("parses");
    assert!(cal.events().count() >= 3);
}
