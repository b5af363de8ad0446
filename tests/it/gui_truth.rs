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
