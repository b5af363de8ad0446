//! The breach register end to end: the command line (list, show, verify with its exit status on a
//! break, the three exports), the PDFs parsed back (the notification's sections in order), no health
//! detail in what the commands print by default, and the window (record a breach, see the countdown,
//! mark it notified with a reference; a break reported at opening).

use std::path::Path;
use std::process::Output;

use crate::common::{PASSPHRASE, create_vault_with, temp_dir, vigie_command};
use vigie::breach::{BreachId, Change};
use vigie::i18n::Lang;
use vigie::practice_file::PracticeFile;
use vigie::vault::Unlock;

fn vigie(data: &Path, args: &[&str]) -> Output {
    vigie_command(data, args, &[("VIGIE_PASSPHRASE", PASSPHRASE)])
        .output()
        .expect("run vigie")
}

fn out(o: &Output) -> String {
    // French typography's no-break spaces read as spaces here.
    String::from_utf8_lossy(&o.stdout).replace(['\u{a0}', '\u{202f}'], " ")
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).replace(['\u{a0}', '\u{202f}'], " ")
}

fn text_of(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF lopdf can read");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The demo practice in a vault (cheap key derivation).
fn demo(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("demo.vigie");
    create_vault_with(&path, vigie::demo::demo_contents());
    path
}

/// A copy of the vault whose `seq`-th event was edited by someone holding the passphrase (the
/// vault itself is intact: only the chain can tell).
fn tamper(path: &Path, seq: usize) {
    let mut v =
        PracticeFile::open_for_writing(path, Unlock::Passphrase(PASSPHRASE)).expect("opens");
    let event = &mut v.contents_mut().breaches.events[seq - 1];
    event.by = "Quelqu'un d'autre".into();
    v.save().expect("saved");
}

#[test]
fn list_show_and_verify_the_demo_register() {
    let dir = temp_dir();
    let path = demo(dir.path());
    let p = path.to_str().expect("utf-8");

    let o = vigie(
        dir.path(),
        &["--lang", "fr", "breach", "list", "--vault", p],
    );
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    assert!(
        text.contains("n° 1 · close · Clé USB d'échographies perdue"),
        "{text}"
    );
    // Notified 28 hours ago: the complement is due within 72 hours of it, 44 hours from now.
    assert!(text.contains("DEMO-2026-004217"), "{text}");
    assert!(
        text.contains("complément dans les 72 heures, si possible : il reste 43 h 59 min")
            || text.contains("complément dans les 72 heures, si possible : il reste 44 h 0 min"),
        "{text}"
    );

    let o = vigie(
        dir.path(),
        &["breach", "list", "--vault", p, "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(doc["head"]["count"], 14);
    assert_eq!(doc["intact"], true);
    assert_eq!(doc["breaches"][1]["reference"], "DEMO-2026-004217");
    assert_eq!(doc["breaches"][1]["complement_pending"], true);
    // The 72 hours from awareness (30 hours ago) would leave 42 hours; the notification stopped them
    // and the complement's clock runs.
    let minutes = doc["breaches"][1]["minutes_left"]
        .as_i64()
        .expect("running");
    assert!((44 * 60 - 2..=44 * 60).contains(&minutes), "{minutes}");
    // No free text of the facts in the list.
    assert!(!out(&o).contains("visionneuse"), "{}", out(&o));

    let o = vigie(
        dir.path(),
        &["--lang", "en", "breach", "show", "2", "--vault", p],
    );
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    for expected in [
        "Breach no. 2 — Serveur d'images accessible depuis Internet",
        "1. Dates and discovery",
        "Notify the CNIL?: Yes",
        "History (chained events)",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    let o = vigie(
        dir.path(),
        &["breach", "show", "2", "--vault", p, "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(doc["details"]["records"], 5300);
    assert_eq!(doc["events"].as_array().expect("events").len(), 8);

    let o = vigie(
        dir.path(),
        &["--lang", "fr", "breach", "verify", "--vault", p],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains("Registre intègre : 14 événements vérifiés"),
        "{}",
        out(&o)
    );

    let o = vigie(
        dir.path(),
        &["--lang", "fr", "breach", "show", "9", "--vault", p],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("Aucune violation n° 9"), "{}", err(&o));
}

#[test]
fn an_edited_event_makes_verify_fail_with_status_2_naming_it() {
    let dir = temp_dir();
    let path = demo(dir.path());
    tamper(&path, 3);
    let p = path.to_str().expect("utf-8");
    let o = vigie(
        dir.path(),
        &["--lang", "fr", "breach", "verify", "--vault", p],
    );
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    let e = err(&o);
    assert_eq!(e.trim_end().lines().count(), 1, "{e}");
    assert!(e.contains("l'événement n° 3"), "{e}");
    assert!(e.contains("violation n° 1"), "{e}");
    // The list still shows the register, with the warning first.
    let o = vigie(
        dir.path(),
        &["--lang", "fr", "breach", "list", "--vault", p],
    );
    assert!(o.status.success());
    assert!(
        out(&o).starts_with("⚠ Le registre des violations a été modifié"),
        "{}",
        out(&o)
    );
    let o = vigie(
        dir.path(),
        &["breach", "list", "--vault", p, "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(doc["intact"], false);
}

#[test]
fn the_three_documents_are_exported_with_their_sections_in_order() {
    let dir = temp_dir();
    let path = demo(dir.path());
    let p = path.to_str().expect("utf-8");
    let pdf = |kind: &str, breach: Option<&str>, lang: &str| {
        let target = dir.path().join(format!("{kind}-{lang}.pdf"));
        let t = target.to_str().expect("utf-8");
        let mut args = vec![
            "--lang", lang, "export", "--vault", p, "--kind", kind, "--out", t,
        ];
        if let Some(b) = breach {
            args.extend(["--breach", b]);
        }
        let o = vigie(dir.path(), &args);
        assert!(o.status.success(), "{kind}: {}", err(&o));
        std::fs::read(&target).expect("written")
    };

    let register = text_of(&pdf("breaches", None, "fr"));
    let head = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE))
        .expect("opens")
        .contents()
        .breaches
        .head();
    for expected in [
        "Registre des violations de données",
        "Clé USB d'échographies perdue",
        "Serveur d'images accessible depuis Internet",
        "Empreinte du registre",
        "14 événements",
    ] {
        assert!(register.contains(expected), "{expected:?} missing");
    }
    // The head printed is the head of the register in the vault.
    assert!(
        register.contains(&head.hash_hex()),
        "the chain head is printed"
    );

    let notification = text_of(&pdf("notification", Some("2"), "fr"));
    let mut last = 0;
    for section in [
        "1. Type de notification",
        "2. Organisme",
        "3. Représentant légal",
        "4. Personne à contacter",
        "5. Autres organismes impliqués",
        "6. Dates et découverte",
        "7. Nature de la violation",
        "8. Données et personnes concernées",
        "9. Mesures de sécurité avant la violation",
        "10. Conséquences probables",
        "11. Préjudices possibles et gravité",
        "12. Mesures prises et prévues après la violation",
        "13. Information des personnes",
        "14. Aspects transfrontaliers et autres autorités",
    ] {
        let at = notification[last..]
            .find(section)
            .unwrap_or_else(|| panic!("{section:?} missing or out of order"));
        last += at + section.len();
    }
    assert!(
        notification.contains("juillet 2023"),
        "the form's date is stated"
    );
    assert!(notification.contains("suit la notification initiale n° DEMO-2026-004217"));

    let letter = text_of(&pdf("patient-letter", Some("2"), "en"));
    for expected in [
        "Information about a breach of your personal data",
        "What happened",
        "What it means for you",
        "What we have done",
        "What you can do",
        "If you have questions",
        "Cabinet Conseil RGPD Santé",
        "Telephone to call: 04 72 00 00 00",
        "[Patient's name]",
    ] {
        assert!(letter.contains(expected), "{expected:?} missing");
    }
    // In plain words: never the CNIL's technical description.
    assert!(!letter.contains("8042"), "{letter}");
    // Breach 1 was decided "do not inform": no letter, the reason said, nothing written.
    let refused = dir.path().join("refused.pdf");
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "fr",
            "export",
            "--vault",
            p,
            "--kind",
            "patient-letter",
            "--breach",
            "1",
            "--out",
            refused.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("la décision enregistrée est de ne pas les informer"),
        "{}",
        err(&o)
    );
    assert!(!refused.exists());

    // A notification without --breach is a usage error; an unknown breach is refused; nothing written.
    let target = dir.path().join("x.pdf");
    let t = target.to_str().expect("utf-8");
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "fr",
            "export",
            "--vault",
            p,
            "--kind",
            "notification",
            "--out",
            t,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--breach"), "{}", err(&o));
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "fr",
            "export",
            "--vault",
            p,
            "--kind",
            "patient-letter",
            "--breach",
            "7",
            "--out",
            t,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!target.exists());
}

#[test]
fn no_health_detail_reaches_standard_error_or_debug_traces() {
    let dir = temp_dir();
    let path = demo(dir.path());
    tamper(&path, 8);
    let p = path.to_str().expect("utf-8");
    let details = [
        "visionneuse",
        "échographies d'une semaine",
        "dates de naissance",
        "Orthanc",
    ];
    for args in [
        vec!["breach", "verify", "--vault", p],
        vec!["breach", "list", "--vault", p],
        vec!["breach", "show", "5", "--vault", p],
    ] {
        let o = vigie(dir.path(), &args);
        for d in details {
            assert!(!err(&o).contains(d), "{args:?}: {}", err(&o));
        }
    }
    let o = vigie(dir.path(), &["breach", "list", "--vault", p]);
    for d in details {
        assert!(!out(&o).contains(d), "list prints no facts: {}", out(&o));
    }
    let contents = vigie::demo::demo_contents();
    let trace = format!("{:?} {:?}", contents.breaches, contents.breaches.breaches());
    for d in details {
        assert!(!trace.contains(d), "{trace}");
    }
}

#[test]
fn the_register_pdf_of_an_empty_register_and_an_unknown_breach() {
    let contents = vigie::practice_file::VaultContents::new(vigie::practice::Profile::named(
        vigie::practice::PracticeName::parse("Cabinet du Dr Martin").expect("name"),
    ));
    let pdf = vigie::report::breach::register_pdf(&contents, Lang::En).expect("pdf");
    let text = text_of(&pdf);
    assert!(text.contains("No breach recorded."), "{text}");
    assert!(text.contains("0 events"), "{text}");
    assert!(vigie::report::breach::notification_pdf(&contents, BreachId(1), Lang::Fr).is_err());
    // The demo's PDFs stay small (subset fonts).
    // Reaching each patient would take disproportionate effort: a public notice, not a letter.
    let mut notice = vigie::demo::demo_contents();
    let mut d = notice
        .breaches
        .breach(BreachId(2))
        .expect("breach 2")
        .details;
    d.people_unreachable = true;
    notice
        .breaches
        .apply(
            BreachId(2),
            Change::Facts(Box::new(d)),
            "Dr",
            jiff::Timestamp::now(),
        )
        .expect("facts");
    for (lang, title) in [
        (Lang::Fr, "Avis aux patients du cabinet"),
        (Lang::En, "Notice to the practice's patients"),
    ] {
        let text = text_of(
            &vigie::report::breach::patient_letter_pdf(&notice, BreachId(2), lang).expect("pdf"),
        );
        assert!(text.contains(title), "{text}");
        assert!(
            !text.contains("[Adresse]") && !text.contains("[Address]"),
            "{text}"
        );
    }

    let demo = vigie::demo::demo_contents();
    let pdf = vigie::report::breach::register_pdf(&demo, Lang::Fr).expect("pdf");
    assert!(pdf.len() < 300 * 1024, "{} bytes", pdf.len());
    // An edited event is printed as a break on the register itself.
    let mut broken = demo;
    if let Change::Note(text) = &mut broken.breaches.events[12].change {
        text.push('!');
    }
    let text = text_of(&vigie::report::breach::register_pdf(&broken, Lang::Fr).expect("pdf"));
    assert!(text.contains("l'événement n° 13"), "{text}");
}

mod window {
    //! The Breaches screen driven headless (egui_kittest), as a user would.
    use super::*;
    use crate::common::create_vault;
    use crate::gui::{click, harness, run_until, unlock};
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    use vigie::ui::command::{BreachCommand, Command};

    fn type_in(h: &mut egui_kittest::Harness<'_, vigie::ui::VigieApp>, label: &str, text: &str) {
        h.get_by_label(label).scroll_to_me();
        h.run();
        h.get_by_label(label).focus();
        h.run();
        h.get_by_label(label).type_text(text);
        h.run();
    }

    fn saved(h: &mut egui_kittest::Harness<'_, vigie::ui::VigieApp>, what: &str) {
        run_until(h, what, |app| {
            app.session.as_ref().is_some_and(|s| !s.save.pending())
        });
    }

    #[test]
    fn record_a_breach_see_the_countdown_and_mark_it_notified() {
        let dir = temp_dir();
        let (path, vault, _) = create_vault(dir.path());
        drop(vault);
        let mut h = harness(dir.path(), Lang::Fr);
        h.run();
        unlock(&mut h, &path);
        let ctx = h.ctx.clone();
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
        h.run();
        h.get_by_label("Aucune violation en cours.");
        click(&mut h, "Ouvrir le registre des violations");
        h.run();
        assert!(
            h.state()
                .screen
                .view::<vigie::ui::breaches::view::BreachesView>()
                .is_some()
        );

        type_in(
            &mut h,
            "Titre court (sans nom de patient)",
            "Courriel au mauvais destinataire",
        );
        click(&mut h, "Enregistrer une nouvelle violation");
        saved(&mut h, "the new breach");
        h.get_by_label("Violation n° 1 — Courriel au mauvais destinataire");
        assert!(
            h.query_all_by_label_contains("Date de prise de connaissance non renseignée")
                .count()
                >= 1
        );

        // Aware two hours ago, typed in French time.
        let aware = jiff::Timestamp::now()
            .checked_sub(jiff::SignedDuration::from_hours(2))
            .expect("in range");
        let typed = vigie::breach::clock::format_paris_input(aware);
        type_in(
            &mut h,
            &vigie::locale::french_typography(
                "Prise de connaissance (certitude raisonnable) : les 72 heures partent d'ici",
            ),
            &typed,
        );
        click(&mut h, "Enregistrer ces informations");
        saved(&mut h, "the facts");
        let countdown = h
            .query_all_by_label_contains("pour notifier la CNIL")
            .next()
            .and_then(|n| {
                let node = n.accesskit_node();
                node.label().or_else(|| node.value())
            })
            .expect("the countdown");
        assert!(
            countdown.contains("Il reste 70 h 0 min") || countdown.contains("Il reste 69 h 5"),
            "{countdown}"
        );

        // The dashboard shows it too.
        let ctx = h.ctx.clone();
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
        h.run();
        assert!(
            h.query_all_by_label_contains("pour notifier la CNIL")
                .count()
                >= 1
        );
        click(&mut h, "Ouvrir le registre des violations");
        h.run();
        click(&mut h, "Voir");
        h.run();

        // Nothing is pre-filled: no time sent, no reference.
        assert_eq!(field_text(&h, "Envoyée le"), "");
        // A notification without its time sent, then without its reference, then before its draft
        // was prepared: each refused with its reason, beside the button, and nothing is added.
        let record = "3. Enregistrer la notification déposée";
        click(&mut h, record);
        h.run();
        h.get_by_label_contains("Indiquez quand la notification a été envoyée");
        let sent = vigie::breach::clock::format_paris_input(
            jiff::Timestamp::now()
                .checked_sub(jiff::SignedDuration::from_hours(1))
                .expect("in range"),
        );
        type_in(&mut h, "Envoyée le", &sent);
        click(&mut h, record);
        h.run();
        h.get_by_label_contains("Indiquez le numéro de notification");
        type_in(
            &mut h,
            "Numéro de notification donné par la CNIL",
            "NOTIF-2026-123",
        );
        click(&mut h, record);
        h.run();
        h.get_by_label_contains("Préparez d'abord le brouillon de notification");
        {
            let v = h.state().vault().expect("open");
            let b = v.contents().breaches.breach(BreachId(1)).expect("breach");
            assert!(
                b.notifications.is_empty(),
                "nothing recorded without the draft"
            );
        }
        // Filed another way, confirmed: recorded.
        click(
            &mut h,
            "La notification a été déposée autrement, sans ce brouillon",
        );
        click(&mut h, record);
        saved(&mut h, "the notification");
        assert!(
            h.query_all_by_label_contains("Notifiée à la CNIL le")
                .count()
                >= 1
        );

        let v = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("opens");
        let register = &v.contents().breaches;
        assert!(register.verify().is_ok());
        let b = register.breach(BreachId(1)).expect("the breach");
        assert_eq!(b.reference(), Some("NOTIF-2026-123"));
        assert_eq!(b.status, vigie::breach::Status::CnilNotified);
        assert_eq!(
            b.details.aware_at.map(|t| t.as_second() / 60),
            Some(aware.as_second() / 60)
        );
        drop(v);

        // The CNIL's acknowledgement attached (the file chosen in the dialog, here given), kept in
        // the vault with its hash; an empty file is refused with its reason.
        let ack = dir.path().join("accuse-cnil.pdf");
        std::fs::write(&ack, b"%PDF-1.7 accuse de reception").expect("written");
        let empty = dir.path().join("vide.pdf");
        std::fs::write(&empty, b"").expect("written");
        for file in [&empty, &ack] {
            let ctx = h.ctx.clone();
            h.state_mut().run_command(
                &ctx,
                Command::Breach(BreachCommand::Attach {
                    id: BreachId(1),
                    purpose: vigie::breach::Purpose::CnilAcknowledgement,
                    by: "Dr Martin".into(),
                    path: Some(file.clone()),
                }),
            );
            saved(&mut h, "the attachment");
            if file == &empty {
                assert!(h.query_all_by_label_contains("Ce fichier est vide").count() >= 1);
            }
        }
        let v = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("opens");
        let register = &v.contents().breaches;
        let b = register.breach(BreachId(1)).expect("the breach");
        assert_eq!(b.attachments.len(), 1);
        let a = &b.attachments[0];
        assert_eq!(a.name, "accuse-cnil.pdf");
        assert_eq!(
            register.file(&a.sha256),
            Some(&b"%PDF-1.7 accuse de reception"[..])
        );
        assert!(register.verify().is_ok());
    }

    #[test]
    fn facts_typed_and_not_saved_are_kept_when_the_page_changes() {
        let dir = temp_dir();
        let path = demo(dir.path());
        let mut h = harness(dir.path(), Lang::Fr);
        h.run();
        unlock(&mut h, &path);
        let ctx = h.ctx.clone();
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::breaches::PAGE));
        h.run();
        h.get_all_by_label("Voir")
            .next()
            .expect("the newest breach")
            .click();
        h.run();
        let label = "Comment elle a été découverte";
        h.get_by_label(label).focus();
        h.run();
        h.get_by_label(label)
            .type_text(" Confirmé par les journaux.");
        h.run();
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
        saved(&mut h, "the facts typed");
        let v = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("opens");
        let register = &v.contents().breaches;
        let b = register.breach(BreachId(2)).expect("the open breach");
        assert!(
            b.details
                .how_discovered
                .ends_with("Confirmé par les journaux."),
            "{}",
            b.details.how_discovered
        );
        assert_eq!(
            register.events.len(),
            15,
            "one more event, nothing rewritten"
        );
        assert!(register.verify().is_ok());
    }

    #[test]
    fn a_breach_starts_from_a_scan_finding_without_the_file_name() {
        let dir = temp_dir();
        let path = demo(dir.path());
        let mut h = harness(dir.path(), Lang::Fr);
        h.run();
        unlock(&mut h, &path);
        let ctx = h.ctx.clone();
        h.state_mut().set_place_finder(Vec::new);
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::scan::PAGE));
        run_until(&mut h, "the scan page", |app| {
            app.screen
                .view::<vigie::ui::scan::view::ScanView>()
                .is_some_and(|view| view.places_loaded())
        });
        h.get_all_by_label("Violation…")
            .next()
            .expect("a finding's button")
            .click();
        saved(&mut h, "the breach from the finding");
        let Some(view) = h
            .state()
            .screen
            .view::<vigie::ui::breaches::view::BreachesView>()
        else {
            panic!("the Breaches page opens");
        };
        assert_eq!(view.form.as_ref().map(|f| f.id), Some(BreachId(3)));
        let v = h.state().vault().expect("open");
        let b = v.contents().breaches.breach(BreachId(3)).expect("recorded");
        assert!(
            b.title
                .starts_with("Images non protégées trouvées par l'analyse"),
            "{}",
            b.title
        );
        assert!(
            !b.title.contains("IM0") && !b.title.contains("examen"),
            "{}",
            b.title
        );
        assert!(b.details.data_health && b.details.confidentiality);
        assert_eq!(b.opened_by, "Dr Camille Lefèvre");
    }

    #[test]
    fn an_edited_event_is_reported_when_the_vault_opens() {
        let dir = temp_dir();
        let path = demo(dir.path());
        tamper(&path, 3);
        let mut h = harness(dir.path(), Lang::Fr);
        h.run();
        unlock(&mut h, &path);
        // Said at once on the dashboard, then on the Breaches page.
        h.get_by_label_contains("l'événement n° 3");
        let ctx = h.ctx.clone();
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::breaches::PAGE));
        h.run();
        h.get_by_label_contains("l'événement n° 3");
        assert!(
            h.state()
                .session
                .as_ref()
                .is_some_and(|s| s.breach_break.is_some())
        );
    }

    /// The CNIL draft is recorded as prepared only once its file is written: a write that fails
    /// (a folder that does not exist) records nothing.
    #[test]
    fn a_draft_is_recorded_as_prepared_only_once_written() {
        let dir = temp_dir();
        let (path, vault, _) = create_vault(dir.path());
        drop(vault);
        let mut h = harness(dir.path(), Lang::Fr);
        h.run();
        unlock(&mut h, &path);
        let ctx = h.ctx.clone();
        h.state_mut().run_command(
            &ctx,
            Command::Breach(BreachCommand::Open {
                title: "Courriel au mauvais destinataire".to_owned(),
                by: String::new(),
                details: None,
                evidence: None,
            }),
        );
        saved(&mut h, "the new breach");
        let prepared = |h: &egui_kittest::Harness<'_, vigie::ui::VigieApp>| {
            let b = h.state().vault()?.contents().breaches.breach(BreachId(1))?;
            b.prepared_at(vigie::breach::Prepared::CnilDraft)
        };
        let export = |path: std::path::PathBuf| {
            Command::Breach(BreachCommand::Export {
                kind: vigie::report::Document::BreachNotification(BreachId(1)),
                lang: Lang::Fr,
                path: Some(path),
            })
        };
        h.state_mut()
            .run_command(&ctx, export(dir.path().join("absent/brouillon.pdf")));
        saved(&mut h, "the failed export");
        assert!(h.state().notice.is_some(), "the failure is said");
        assert_eq!(prepared(&h), None, "nothing written, nothing recorded");
        let pdf = dir.path().join("brouillon.pdf");
        h.state_mut().run_command(&ctx, export(pdf.clone()));
        saved(&mut h, "the export");
        assert!(std::fs::read(&pdf).expect("written").starts_with(b"%PDF"));
        assert!(prepared(&h).is_some(), "recorded once written");
    }

    /// The text of a field, found by its label.
    pub(super) fn field_text(
        h: &egui_kittest::Harness<'_, vigie::ui::VigieApp>,
        label: &str,
    ) -> String {
        h.get_by_label(label)
            .accesskit_node()
            .value()
            .unwrap_or_default()
    }

    #[test]
    fn a_wrong_date_and_a_right_one_survive_the_automatic_lock_and_the_right_one_starts_the_clock()
    {
        let dir = temp_dir();
        let (path, vault, _) = create_vault(dir.path());
        drop(vault);
        let mut h = harness(dir.path(), Lang::Fr);
        h.run();
        unlock(&mut h, &path);
        let ctx = h.ctx.clone();
        h.state_mut().run_command(
            &ctx,
            Command::Breach(BreachCommand::Open {
                title: "Clé USB perdue".to_owned(),
                by: String::new(),
                details: None,
                evidence: None,
            }),
        );
        saved(&mut h, "the new breach");
        assert!(
            h.state()
                .screen
                .view::<vigie::ui::breaches::view::BreachesView>()
                .is_some()
        );
        let aware_label = vigie::locale::french_typography(
            "Prise de connaissance (certitude raisonnable) : les 72 heures partent d'ici",
        );
        let aware = jiff::Timestamp::now()
            .checked_sub(jiff::SignedDuration::from_hours(3))
            .expect("in range");
        let right = vigie::breach::clock::format_paris_input(aware);
        // A date that does not exist, beside a right one; nothing pressed.
        type_in(&mut h, &aware_label, &right);
        type_in(&mut h, "Début de la violation", "31/02/2026 10:00");
        // Its problem is said beside it at once.
        assert!(
            h.query_all_by_label_contains("Début de la violation")
                .count()
                >= 1
        );
        // Idle past the delay: the vault locks itself, saving what the page holds.
        h.state_mut()
            .pretend_idle_for(std::time::Duration::from_secs(10 * 60 + 1));
        h.step();
        run_until(&mut h, "the lock", |app| app.session.is_none());

        // On disk: the right date applied (the 72-hour clock runs), the wrong one kept as typed only.
        let v = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("opens");
        let b = v
            .contents()
            .breaches
            .breach(BreachId(1))
            .expect("the breach");
        assert_eq!(
            b.details.aware_at.map(|t| t.as_second() / 60),
            Some(aware.as_second() / 60),
            "the valid field is applied although another is wrong"
        );
        assert_eq!(
            b.details.started_at, None,
            "nothing that does not read is applied"
        );
        let draft = v.contents().drafts.breach_forms.get(&BreachId(1));
        assert_eq!(
            draft.and_then(|d| d.get("started")).map(String::as_str),
            Some("31/02/2026 10:00"),
            "{draft:?}"
        );
        drop(v);

        // Unlocked again, the breach shows both texts as typed, the error beside the wrong one.
        unlock(&mut h, &path);
        let ctx = h.ctx.clone();
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::breaches::PAGE));
        h.run();
        h.state_mut()
            .run_command(&ctx, Command::Breach(BreachCommand::Select(BreachId(1))));
        h.run();
        assert_eq!(field_text(&h, "Début de la violation"), "31/02/2026 10:00");
        assert_eq!(field_text(&h, &aware_label), right);
        assert!(
            h.query_all_by_label_contains("pour notifier la CNIL")
                .count()
                >= 1,
            "the clock runs"
        );
        // The reason is shown under the field (the date's error, in French).
        h.get_by_label("Début de la violation").scroll_to_me();
        h.run();
        h.get_by_label_contains("Cette date n'existe pas");

        // Corrected and saved: the draft is gone, the date applied.
        h.get_by_label("Début de la violation").focus();
        h.run();
        h.key_press(egui::Key::End);
        for _ in 0.."31/02/2026 10:00".chars().count() {
            h.key_press(egui::Key::Backspace);
        }
        h.run();
        assert_eq!(field_text(&h, "Début de la violation"), "");
        type_in(&mut h, "Début de la violation", "28/02/2026 10:00");
        let ctx = h.ctx.clone();
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
        saved(&mut h, "the page change");
        let v = h.state().vault().expect("open");
        assert!(v.contents().drafts.breach_forms.is_empty(), "no draft left");
        let b = v.contents().breaches.breach(BreachId(1)).expect("breach");
        assert!(b.details.started_at.is_some());
    }

    /// A breach opened on the Breaches page, shown.
    fn opened(
        dir: &Path,
    ) -> (
        egui_kittest::Harness<'static, vigie::ui::VigieApp>,
        std::path::PathBuf,
    ) {
        let (path, vault, _) = create_vault(dir);
        drop(vault);
        let mut h = harness(dir, Lang::Fr);
        h.run();
        unlock(&mut h, &path);
        let ctx = h.ctx.clone();
        h.state_mut().run_command(
            &ctx,
            Command::Breach(BreachCommand::Open {
                title: "Clé USB perdue".to_owned(),
                by: String::new(),
                details: None,
                evidence: None,
            }),
        );
        saved(&mut h, "the new breach");
        (h, path)
    }

    #[test]
    fn an_approximate_count_is_accepted_and_kept_as_typed() {
        let dir = temp_dir();
        let (mut h, path) = opened(dir.path());
        click(&mut h, "3. Données et personnes concernées");
        h.run();
        type_in(&mut h, "Nombre approximatif de personnes", "environ 25");
        type_in(&mut h, "Nombre approximatif d'enregistrements", "beaucoup");
        // The wrong one says why, beside it; the right one is saved.
        h.get_by_label_contains("Un nombre, approximatif ou en fourchette");
        // Sections 1 and 3 are open: the last button is section 3's.
        let save = h
            .query_all_by_label("Enregistrer ces informations")
            .last()
            .expect("the section's button");
        save.scroll_to_me();
        h.run();
        h.query_all_by_label("Enregistrer ces informations")
            .last()
            .expect("the section's button")
            .click();
        saved(&mut h, "the facts");
        // The confirmation shows beside the button pressed.
        h.get_by_label("Informations ajoutées au registre.");
        drop(h);
        let v = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("opens");
        let b = v.contents().breaches.breach(BreachId(1)).expect("breach");
        let people = b.details.people.expect("the count");
        assert_eq!((people.low, people.high), (25, Some(25)));
        assert_eq!(people.text, "environ 25");
        assert_eq!(b.details.records, None);
        assert!(v.contents().breaches.verify().is_ok());
    }

    #[test]
    fn a_decision_against_the_advice_asks_for_its_reason() {
        let dir = temp_dir();
        let (mut h, path) = opened(dir.path());
        // Nothing known: Vigie recommends notifying; nothing is pre-selected.
        let yes = "Oui (recommandé par Vigie)";
        assert!(h.query_all_by_label(yes).count() >= 1);
        let no = h.query_all_by_label("Non").next().expect("the CNIL's no");
        assert_eq!(
            no.accesskit_node().toggled(),
            Some(egui::accesskit::Toggled::False)
        );
        no.scroll_to_me();
        h.run();
        h.query_all_by_label("Non").next().expect("no").click();
        h.run();
        h.get_by_label_contains("Ce choix ne suit pas la recommandation de Vigie");
        h.query_all_by_label("Enregistrer la décision")
            .next()
            .expect("the button")
            .click();
        h.run();
        h.get_by_label_contains("Vous ne suivez pas la recommandation de Vigie");
        // The choice not saved yet survives a page change: it is in the vault's draft, and shown again.
        let ctx = h.ctx.clone();
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
        saved(&mut h, "the page change");
        assert_eq!(
            h.state()
                .vault()
                .and_then(|v| v.contents().drafts.breach_forms.get(&BreachId(1)).cloned())
                .and_then(|d| d.get("notify_choice").cloned())
                .as_deref(),
            Some("no")
        );
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::breaches::PAGE));
        h.run();
        h.state_mut()
            .run_command(&ctx, Command::Breach(BreachCommand::Select(BreachId(1))));
        h.run();
        let no = h.query_all_by_label("Non").next().expect("the CNIL's no");
        assert_eq!(
            no.accesskit_node().toggled(),
            Some(egui::accesskit::Toggled::True),
            "still chosen"
        );
        assert!(
            h.state()
                .vault()
                .expect("open")
                .contents()
                .breaches
                .breach(BreachId(1))
                .expect("breach")
                .notify
                .is_none(),
            "not saved without its reason"
        );
        type_in(
            &mut h,
            &vigie::locale::french_typography("Pourquoi ne pas suivre la recommandation ?"),
            "La CNIL nous a elle-même signalé la violation.",
        );
        h.query_all_by_label("Enregistrer la décision")
            .next()
            .expect("the button")
            .click();
        saved(&mut h, "the decision");
        drop(h);
        let v = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("opens");
        let d = v
            .contents()
            .breaches
            .breach(BreachId(1))
            .expect("breach")
            .notify
            .expect("decided");
        assert!(!d.yes && d.recommended);
        assert_eq!(d.reason, "La CNIL nous a elle-même signalé la violation.");
    }

    #[test]
    fn a_failed_imaging_server_check_opens_the_2020_case_and_unlocking_lands_on_its_clock() {
        let dir = temp_dir();
        let path = demo(dir.path());
        let mut h = harness(dir.path(), Lang::Fr);
        h.run();
        unlock(&mut h, &path);
        let ctx = h.ctx.clone();
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::system::PAGE));
        h.run();
        let button = "Enregistrer une violation de données (les 72 heures partent de maintenant)…";
        h.get_by_label(button).scroll_to_me();
        h.run();
        click(&mut h, button);
        saved(&mut h, "the breach from the check");
        assert!(
            h.state()
                .screen
                .view::<vigie::ui::breaches::view::BreachesView>()
                .is_some(),
            "the new breach is shown"
        );
        {
            let register = &h.state().vault().expect("open").contents().breaches;
            let b = register.breach(BreachId(3)).expect("the new breach");
            assert_eq!(b.title, "Serveur d'images ouvert à tous");
            let d = &b.details;
            assert!(d.confidentiality && d.data_images);
            assert_eq!(d.cause, vigie::breach::Cause::Misconfiguration);
            assert_eq!(d.exposure, vigie::breach::Exposure::RunningSystem);
            assert!(d.aware_at.is_some(), "aware now: the clock runs");
            assert_eq!(b.attachments.len(), 1);
            let evidence = register
                .file(&b.attachments[0].sha256)
                .expect("the check's text");
            let evidence = String::from_utf8_lossy(evidence);
            assert!(evidence.contains("192.168.1.20"), "{evidence}");
            assert!(register.verify().is_ok());
        }
        // Locked and opened again: the dashboard, with the clock, though the last page was another.
        h.state_mut()
            .pretend_idle_for(std::time::Duration::from_secs(10 * 60 + 1));
        h.step();
        run_until(&mut h, "the lock", |app| app.session.is_none());
        unlock(&mut h, &path);
        h.run();
        assert!(
            h.state()
                .screen
                .view::<vigie::ui::dashboard::view::DashboardView>()
                .is_some(),
            "lands on the dashboard"
        );
        assert!(
            h.query_all_by_label_contains("pour notifier la CNIL")
                .count()
                >= 1
        );
    }

    #[test]
    fn the_letter_s_text_is_edited_kept_when_the_page_changes_and_saved_as_an_event() {
        let dir = temp_dir();
        let path = demo(dir.path());
        let mut h = harness(dir.path(), Lang::Fr);
        h.run();
        unlock(&mut h, &path);
        let ctx = h.ctx.clone();
        let show = |h: &mut egui_kittest::Harness<'_, vigie::ui::VigieApp>| {
            let ctx = h.ctx.clone();
            h.state_mut()
                .run_command(&ctx, Command::Navigate(vigie::ui::breaches::PAGE));
            h.run();
            h.state_mut()
                .run_command(&ctx, Command::Breach(BreachCommand::Select(BreachId(2))));
            h.run();
            // The section opened once stays open (egui remembers it).
            if h.query_all_by_label_contains("Ce que vous pouvez faire")
                .next()
                .is_none()
            {
                h.get_by_label("7. Information des patients").scroll_to_me();
                h.run();
                click(h, "7. Information des patients");
                h.run();
            }
        };
        show(&mut h);
        let phone = &vigie::locale::french_typography("Téléphone à appeler");
        // Drafted from the facts: the contact's telephone.
        assert_eq!(field_text(&h, phone), "04 72 00 00 00");
        type_in(&mut h, phone, " (poste 2)");
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
        saved(&mut h, "the page change");
        show(&mut h);
        assert_eq!(field_text(&h, phone), "04 72 00 00 00 (poste 2)");
        let before = h
            .state()
            .vault()
            .expect("open")
            .contents()
            .breaches
            .events
            .len();
        h.get_by_label("Enregistrer le texte de la lettre")
            .scroll_to_me();
        h.run();
        click(&mut h, "Enregistrer le texte de la lettre");
        saved(&mut h, "the letter");
        let v = h.state().vault().expect("open");
        let register = &v.contents().breaches;
        assert_eq!(register.events.len(), before + 1, "one event");
        let letter = register
            .breach(BreachId(2))
            .and_then(|b| b.letter)
            .expect("the letter's text");
        assert_eq!(letter.phone, "04 72 00 00 00 (poste 2)");
        assert!(!letter.what_happened.contains("8042"));
        // Once the page is left, no draft of the letter remains: it is in the register.
        let ctx = h.ctx.clone();
        h.state_mut()
            .run_command(&ctx, Command::Navigate(vigie::ui::dashboard::PAGE));
        saved(&mut h, "the page change");
        let v = h.state().vault().expect("open");
        assert!(
            v.contents()
                .drafts
                .breach_forms
                .get(&BreachId(2))
                .is_none_or(|d| !d.contains_key("letter.phone"))
        );
    }
}

/// The golden export of the demo register recorded at this moment: written once (never by the tests),
/// with the head a verifier written from `docs/breach-register-format.md` must find. Recorded again
/// when the demo gained its "inform" decision, its letter and its prepared draft (14 events); the
/// export recorded before the facts gained their new fields is kept beside it, unchanged
/// ([`GOLDEN_V1_HEAD`]).
const GOLDEN_NOW: &str = "2026-12-01T09:00:00Z";
const GOLDEN_COUNT: u64 = 14;
const GOLDEN_HEAD: &str = "afc874ec79caa67bc81144ec50af288b789e460fb28f3a1aeca40bf186ff2e36";
/// The first golden export (12 events), recorded before the facts gained `origin`, `intent`, counts
/// as ranges, the prepared draft and the letter: its events must keep their bytes and their hashes.
const GOLDEN_V1_COUNT: u64 = 12;
const GOLDEN_V1_HEAD: &str = "1b0c7c5d2c36652d1560b50bf66639e0167204752994e0c9298f490d55d4795e";

fn golden_v1_register_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden/breach-register-2026-12-01-v1")
}

/// The events of the first golden export, read back into today's event type, are encoded to the same
/// bytes and hash to the same hashes: a register recorded before the new fields still verifies.
#[test]
fn the_events_recorded_before_the_new_fields_keep_their_bytes_and_hashes() {
    assert_eq!(
        independent_verify(&golden_v1_register_dir()),
        Ok((GOLDEN_V1_COUNT, GOLDEN_V1_HEAD.to_owned()))
    );
    let events =
        std::fs::read_to_string(golden_v1_register_dir().join("events.jsonl")).expect("read");
    let mut register = vigie::breach::BreachRegister::default();
    for line in events.lines() {
        let line: serde_json::Value = serde_json::from_str(line).expect("json");
        let body = line["body"].as_str().expect("body");
        let mut event: serde_json::Value = serde_json::from_str(body).expect("body json");
        event["prev"] = line["prev"].clone();
        event["hash"] = line["hash"].clone();
        let event: vigie::breach::chain::Event =
            serde_json::from_value(event).expect("today's event type reads it");
        assert_eq!(
            event.body_bytes(),
            body.as_bytes(),
            "event {} is encoded as it was",
            event.seq
        );
        register.events.push(event);
    }
    assert!(register.verify().is_ok(), "the old register still verifies");
    assert_eq!(register.head().hash_hex(), GOLDEN_V1_HEAD);
}

/// When the golden dated head (`tests/data/golden/breach-register-dated-head/`) was signed.
const GOLDEN_HEAD_SIGNED_AT: &str = "2026-12-07T09:00:00Z";

fn golden_dated_head_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden/breach-register-dated-head")
}

/// The golden dated head reads as the demo register's head with its date, and the reference verifier
/// accepts it beside the golden events; the undated heads of the earlier exports still read, undated.
#[test]
fn the_golden_dated_head_reads_with_its_date_and_undated_heads_still_read() {
    use vigie::breach::chain::parse_head;
    let bytes = std::fs::read(golden_dated_head_dir().join("head.txt")).expect("golden");
    let (head, at) = parse_head(&bytes).expect("a dated head");
    assert_eq!(
        (head.count, head.hash_hex()),
        (GOLDEN_COUNT, GOLDEN_HEAD.to_owned())
    );
    assert_eq!(
        at.map(|t| t.to_string()),
        Some(GOLDEN_HEAD_SIGNED_AT.to_owned())
    );
    for dir in [golden_register_dir(), golden_v1_register_dir()] {
        let bytes = std::fs::read(dir.join("head.txt")).expect("golden");
        assert!(matches!(parse_head(&bytes), Some((_, None))));
    }
    // One byte more, a date with a fraction, a carriage return: not a head.
    let text = String::from_utf8(bytes).expect("ascii");
    for bad in [
        format!("{text} "),
        text.replace("09:00:00Z", "09:00:00.5Z"),
        text.replace('\n', "\r\n"),
    ] {
        assert_eq!(parse_head(bad.as_bytes()), None, "{bad:?}");
    }
    let dir = temp_dir();
    std::fs::copy(
        golden_register_dir().join("events.jsonl"),
        dir.path().join("events.jsonl"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("head.txt"), text).expect("write");
    assert_eq!(
        independent_verify(dir.path()),
        Ok((GOLDEN_COUNT, GOLDEN_HEAD.to_owned()))
    );
    if let Some(python) = python3() {
        let o = std::process::Command::new(python)
            .arg(reference_verifier())
            .arg(dir.path())
            .output()
            .expect("python3");
        assert!(o.status.success(), "{}", out(&o));
        assert_eq!(
            out(&o).trim(),
            format!(
                "OK: {GOLDEN_COUNT} events, head {GOLDEN_HEAD}, signed at {GOLDEN_HEAD_SIGNED_AT}"
            )
        );
    }
}

fn golden_register_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden/breach-register")
}

/// A verifier from the format document alone, in Rust: SHA-256 (sha2) over the documented bytes, the
/// JSON read with serde_json — nothing of Vigie's code. Returns the count and the head, or the break.
fn independent_verify(folder: &Path) -> Result<(u64, String), String> {
    use sha2::{Digest as _, Sha256};
    let events = std::fs::read_to_string(folder.join("events.jsonl")).map_err(|e| e.to_string())?;
    let mut prev = [0u8; 32];
    let mut count = 0;
    for (i, raw) in events.lines().enumerate() {
        let n = i as u64 + 1;
        let line: serde_json::Value = serde_json::from_str(raw).map_err(|e| e.to_string())?;
        let body = line["body"].as_str().ok_or("no body")?.as_bytes().to_vec();
        let event: serde_json::Value = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
        if line["seq"] != n || event["seq"] != n || event["breach"] != line["breach"] {
            return Err(format!("event {n}: numbering"));
        }
        if line["prev"].as_str() != Some(hex::encode(prev).as_str()) {
            return Err(format!("event {n} does not follow"));
        }
        let mut h = Sha256::new();
        h.update(b"vigie/breach-register/event/v1\n");
        h.update(prev);
        h.update((body.len() as u64).to_be_bytes());
        h.update(&body);
        let digest: [u8; 32] = h.finalize().into();
        if line["hash"].as_str() != Some(hex::encode(digest).as_str()) {
            return Err(format!("event {n} was changed"));
        }
        prev = digest;
        count = n;
    }
    let lines = format!("count: {count}\nhash: {}\n", hex::encode(prev));
    let written = std::fs::read_to_string(folder.join("head.txt")).map_err(|e| e.to_string())?;
    let undated = format!("vigie/breach-register/head/v1\n{lines}");
    let dated = written
        .strip_prefix(&format!("vigie/breach-register/head/v2\n{lines}"))
        .and_then(|d| d.strip_prefix("signed_at: "))
        .and_then(|d| d.strip_suffix('\n'))
        .is_some_and(|d| d.len() == 20 && d.parse::<jiff::Timestamp>().is_ok());
    if written != undated && !dated {
        return Err("head.txt is not the head of these events".into());
    }
    Ok((count, hex::encode(prev)))
}

#[test]
fn an_independent_verifier_recomputes_every_event_and_the_head_of_the_golden_export() {
    assert_eq!(
        independent_verify(&golden_register_dir()),
        Ok((GOLDEN_COUNT, GOLDEN_HEAD.to_owned()))
    );
}

#[test]
fn the_export_of_the_demo_register_is_the_golden_export_byte_for_byte() {
    let now: jiff::Timestamp = GOLDEN_NOW.parse().expect("time");
    let register = vigie::demo::demo_breaches(now);
    assert_eq!(register.head().hash_hex(), GOLDEN_HEAD);
    let signed_at: jiff::Timestamp = GOLDEN_HEAD_SIGNED_AT.parse().expect("time");
    let files = vigie::breach::export::files(&register, signed_at);
    assert!(files.len() >= 2);
    for (name, bytes) in &files {
        // The head is dated since the golden export was recorded: its dated form is a golden file of
        // its own, written by hand from the format document.
        let golden_dir = if name == "head.txt" {
            golden_dated_head_dir()
        } else {
            golden_register_dir()
        };
        let golden = std::fs::read(golden_dir.join(name)).expect("golden file");
        assert!(
            golden == *bytes,
            "{name} differs from the golden export: the hashed bytes of an event changed"
        );
    }
    // Each line carries the exact bytes hashed.
    let events = String::from_utf8(files[0].1.clone()).expect("utf-8");
    for (line, e) in events.lines().zip(&register.events) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        assert_eq!(
            v["body"].as_str().map(str::as_bytes),
            Some(e.body_bytes().as_slice())
        );
    }
}

fn python3() -> Option<std::path::PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|p| p.join("python3"))
        .find(|p| p.is_file())
}

fn reference_verifier() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/breach-register-verify.py")
}

#[test]
fn the_format_document_holds_the_reference_verifier_verbatim() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/breach-register-format.md"),
    )
    .expect("doc");
    let script = std::fs::read_to_string(reference_verifier()).expect("script");
    assert!(
        doc.contains(&format!("```python\n{script}```")),
        "docs/breach-register-format.md must hold docs/breach-register-verify.py verbatim"
    );
}

#[test]
fn the_reference_verifier_recomputes_the_golden_export_and_catches_a_change_and_a_truncation() {
    let Some(python) = python3() else {
        return;
    };
    let run = |folder: &Path| {
        std::process::Command::new(&python)
            .arg(reference_verifier())
            .arg(folder)
            .output()
            .expect("python3")
    };
    let o = run(&golden_register_dir());
    assert!(o.status.success(), "{}", out(&o));
    assert_eq!(
        out(&o).trim(),
        format!("OK: {GOLDEN_COUNT} events, head {GOLDEN_HEAD}")
    );
    // The same facts with 1,800 people changed to 18, hashes kept: caught.
    let dir = temp_dir();
    let events = std::fs::read_to_string(golden_register_dir().join("events.jsonl")).expect("read");
    let head = std::fs::read(golden_register_dir().join("head.txt")).expect("read");
    std::fs::write(dir.path().join("head.txt"), &head).expect("write");
    let edited = events.replacen("\\\"people\\\":23", "\\\"people\\\":2", 1);
    assert_ne!(edited, events);
    std::fs::write(dir.path().join("events.jsonl"), &edited).expect("write");
    let o = run(dir.path());
    assert!(!o.status.success());
    assert!(out(&o).contains("was changed"), "{}", out(&o));
    assert_eq!(
        independent_verify(dir.path()).map(|_| ()),
        Err("event 2 was changed".into())
    );
    // The last two events cut off: the head no longer matches.
    let cut: String = events
        .split_inclusive('\n')
        .take(GOLDEN_COUNT as usize - 2)
        .collect();
    std::fs::write(dir.path().join("events.jsonl"), cut).expect("write");
    let o = run(dir.path());
    assert!(!o.status.success());
    assert!(out(&o).contains("head.txt is not the head"), "{}", out(&o));
}

#[test]
fn the_register_export_checks_with_sha256sum_python_and_ssh_keygen() {
    let dir = temp_dir();
    let vault = demo(dir.path());
    let folder = dir.path().join("registre");
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "fr",
            "export",
            "--vault",
            vault.to_str().expect("utf-8"),
            "--kind",
            "breach-register",
            "--out",
            folder.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    for name in [
        "events.jsonl",
        "head.txt",
        "head.txt.sig",
        "allowed_signers",
        "SHA256SUMS",
        "HOW-TO-VERIFY.txt",
        "breach-register-verify.py",
    ] {
        assert!(folder.join(name).is_file(), "{name} missing");
    }
    let contents = PracticeFile::open(&vault, Unlock::Passphrase(PASSPHRASE))
        .expect("open")
        .contents()
        .clone();
    let head = contents.breaches.head();
    assert_eq!(
        independent_verify(&folder),
        Ok((head.count, head.hash_hex()))
    );
    let howto = std::fs::read_to_string(folder.join("HOW-TO-VERIFY.txt")).expect("howto");
    assert!(howto.contains("sha256sum -c SHA256SUMS"), "{howto}");
    assert!(howto.contains(&head.hash_hex()), "{howto}");
    // Every file listed, and `sha256sum -c` agrees where it exists.
    let sums = std::fs::read_to_string(folder.join("SHA256SUMS")).expect("sums");
    for line in sums.lines() {
        let (hash, name) = line.split_once("  ").expect("two spaces");
        let bytes = std::fs::read(folder.join(name)).expect("listed file");
        assert_eq!(vigie::digest::sha256_hex(&bytes), hash, "{name}");
    }
    if let Ok(o) = std::process::Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&folder)
        .output()
    {
        assert!(o.status.success(), "{}{}", out(&o), err(&o));
    }
    if let Some(python) = python3() {
        let o = std::process::Command::new(python)
            .arg("breach-register-verify.py")
            .arg(".")
            .current_dir(&folder)
            .output()
            .expect("python3");
        assert!(o.status.success(), "{}", out(&o));
        assert!(out(&o).contains(&head.hash_hex()));
    }
    if let Ok(o) = std::process::Command::new("ssh-keygen")
        .args([
            "-Y",
            "verify",
            "-f",
            "allowed_signers",
            "-I",
            "camille-lefevre",
            "-n",
            "vigie-breach-register",
            "-s",
            "head.txt.sig",
        ])
        .stdin(std::fs::File::open(folder.join("head.txt")).expect("head"))
        .current_dir(&folder)
        .output()
    {
        assert!(o.status.success(), "{}{}", out(&o), err(&o));
    }
}
