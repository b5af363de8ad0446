//! The checklist v2 in the window (egui_kittest): a vault answered on catalog v1 opens with its answers
//! and the reasons to review them; "not applicable" on an essential item asks why; marking an action
//! done asks whether to update the answer; the glossary opens.

use crate::common::{create_vault_with, temp_dir};
use crate::gui::{click, harness, run_until, unlock};
use egui_kittest::kittest::Queryable as _;
use vigie::checklist::{AnswerValue, Respondent};
use vigie::i18n::{Lang, T, tr};
use vigie::practice::{PracticeName, Profile};
use vigie::practice_file::VaultContents;

fn saved(h: &mut egui_kittest::Harness<'_, vigie::ui::VigieApp>) {
    // The click is handled in the next frame: step it first, then wait for what it queued.
    h.step();
    h.step();
    run_until(h, "the save", |app| {
        app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
}

#[test]
fn the_v1_demo_opens_with_its_answers_and_the_reasons_to_review_them() {
    let dir = temp_dir();
    let path = dir.path().join("golden.vigie");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden/vault-v1.vigie"),
        &path,
    )
    .expect("copy");
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    click(&mut h, "Liste de contrôle");
    h.run();
    let catalog = vigie::checklist::catalog();
    let split = catalog.item("box.remote-admin").expect("the new half");
    h.get_by_label(split.question.get(Lang::Fr));
    let reason = catalog
        .migration_to("box.remote-admin")
        .and_then(|m| m.review.as_ref())
        .expect("a reason");
    assert_eq!(
        h.query_all_by_label(&tr::review_because(Lang::Fr, reason.get(Lang::Fr)))
            .count(),
        2,
        "both halves of the split question are to review"
    );
    // The glossary opens from the header and lists the terms.
    click(&mut h, T::GlossaryOpen.get(Lang::Fr));
    h.run();
    h.get_by_label(T::GlossaryTitle.get(Lang::Fr));
    h.get_by_label_contains("Boîtier de disques branché sur le réseau du cabinet");
}

#[test]
fn not_applicable_on_an_essential_item_asks_why_and_keeps_the_reason() {
    let dir = temp_dir();
    let path = dir.path().join("cabinet.vigie");
    let profile = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
    drop(create_vault_with(&path, VaultContents::new(profile)));
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    click(&mut h, "Liste de contrôle");
    h.run();
    let catalog = vigie::checklist::catalog();
    let first = &catalog.items[0];
    assert_eq!(first.weight, 3);
    let na = names_na();
    h.get_all_by_label(&na).next().expect("N/A").click();
    h.run();
    let ask = T::NaReasonAsk.get(Lang::Fr);
    h.get_by_label(ask);
    assert!(
        h.state()
            .vault()
            .expect("open")
            .contents()
            .checklist
            .answers
            .is_empty(),
        "nothing recorded without a reason"
    );
    h.get_by_label(ask).focus();
    h.run();
    h.get_by_label(ask)
        .type_text("Pas de box : le cabinet passe par le réseau de la maison de santé.");
    h.run();
    click(&mut h, T::NaReasonConfirm.get(Lang::Fr));
    saved(&mut h);
    let c = h.state().vault().expect("open").contents();
    let a = &c.checklist.answers[&first.id];
    assert_eq!(a.value, AnswerValue::NotApplicable);
    assert!(a.note.starts_with("Pas de box"), "{}", a.note);
}

fn names_na() -> String {
    vigie::i18n::names::answer(AnswerValue::NotApplicable)
        .get(Lang::Fr)
        .to_owned()
}

#[test]
fn marking_an_action_done_asks_whether_to_update_the_answer() {
    let dir = temp_dir();
    let path = dir.path().join("cabinet.vigie");
    let profile = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
    let mut contents = VaultContents::new(profile);
    let catalog = vigie::checklist::catalog();
    let item = catalog.item("box.upnp").expect("item");
    contents.checklist.answer(
        &item.id,
        AnswerValue::No,
        Respondent::Doctor,
        jiff::Timestamp::now(),
    );
    vigie::checklist::plan::sync(
        catalog,
        &contents.practice,
        &mut contents.checklist,
        jiff::Timestamp::now(),
    );
    drop(create_vault_with(&path, contents));
    let mut h = harness(dir.path(), Lang::Fr);
    h.run();
    unlock(&mut h, &path);
    click(&mut h, "Plan d'action");
    h.run();
    // The plan says what to do.
    h.get_by_label(item.action.get(Lang::Fr));
    // Status → Done: the box is labelled by "État", like the label itself (the box comes last).
    h.get_all_by_label(T::ColStatus.get(Lang::Fr))
        .last()
        .expect("the status box")
        .click();
    h.run();
    h.get_by_label(vigie::i18n::names::status(vigie::checklist::ActionStatus::Done).get(Lang::Fr))
        .click();
    saved(&mut h);
    h.get_by_label(T::MarkDoneAsk.get(Lang::Fr));
    click(&mut h, T::MarkDoneUpdate.get(Lang::Fr));
    saved(&mut h);
    let c = h.state().vault().expect("open").contents();
    assert_eq!(c.checklist.answers[&item.id].value, AnswerValue::Yes);
    assert!(h.query_by_label(T::MarkDoneAsk.get(Lang::Fr)).is_none());
}
