//! Issue 36, points 3 and 6: the processors' PDF and the letter to a processor through `vigie export`,
//! and the reminders as an iCalendar file, read back by the `icalendar` crate's own parser.

use std::path::Path;
use std::process::Output;

use icalendar::Component as _;

use crate::common::{PASSPHRASE, create_vault_with, temp_dir, vigie_command};

fn vigie(data: &Path, args: &[&str]) -> Output {
    vigie_command(data, args, &[("VIGIE_PASSPHRASE", PASSPHRASE)])
        .output()
        .expect("run vigie")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).replace(['\u{a0}', '\u{202f}'], " ")
}

fn pdf_text(path: &Path) -> String {
    let doc = lopdf::Document::load(path).expect("a PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages)
        .expect("text")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

fn export(dir: &Path, vault: &Path, extra: &[&str], out: &Path) -> Output {
    let mut args = vec![
        "--lang",
        "fr",
        "export",
        "--vault",
        vault.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    vigie(dir, &args)
}

#[test]
fn the_processors_and_a_letter_for_what_is_missing_are_exported() {
    let dir = temp_dir();
    let vault = dir.path().join("demo.vigie");
    create_vault_with(&vault, vigie::demo::demo_contents());
    let list = dir.path().join("sous-traitants.pdf");
    let o = export(dir.path(), &vault, &["--kind", "processors"], &list);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdf_text(&list);
    for expected in [
        "DossierMed",
        "SantéCloud",
        "HDS-FICTIF-2024-017",
        "InfoSanté",
        "28(3)(h)",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    // The host (number 2): its contract lacks the audits clause and one is not known.
    let letter = dir.path().join("courrier.pdf");
    let o = export(
        dir.path(),
        &vault,
        &["--kind", "processor-letter", "--processor", "2"],
        &letter,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdf_text(&letter);
    assert!(text.contains("SantéCloud"), "{text}");
    assert!(
        text.contains("28(3)(h)") && text.contains("28(4)"),
        "{text}"
    );
    assert!(
        text.contains("HDS-FICTIF-2024-017"),
        "renewal asked: {text}"
    );
    assert!(
        !text.contains("28(3)(a)"),
        "a clause present is not asked: {text}"
    );
    // Without --processor, or one out of the list: refused, nothing written.
    let none = dir.path().join("none.pdf");
    let o = export(dir.path(), &vault, &["--kind", "processor-letter"], &none);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--processor N"), "{}", stderr(&o));
    let o = export(
        dir.path(),
        &vault,
        &["--kind", "processor-letter", "--processor", "40"],
        &none,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Aucun sous-traitant n° 40"),
        "{}",
        stderr(&o)
    );
    assert!(!none.exists());
}

#[test]
fn the_reminders_ics_parses_with_icalendar_and_holds_no_patient_data() {
    let dir = temp_dir();
    let vault = dir.path().join("demo.vigie");
    let contents = vigie::demo::demo_contents();
    let created = contents.created_at;
    let breach_titles: Vec<String> = contents
        .breaches
        .breaches()
        .iter()
        .map(|b| b.title.clone())
        .collect();
    create_vault_with(&vault, contents);
    let ics = dir.path().join("rappels.ics");
    let o = export(dir.path(), &vault, &["--kind", "reminders"], &ics);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&ics).expect("utf-8");
    assert!(text.split("\r\n").all(|l| l.len() <= 75), "folded");
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
    let cal: icalendar::Calendar = text.parse().expect("icalendar parses it");
    let events: Vec<&icalendar::Event> = cal.events().collect();
    assert!(events.len() >= 3, "{text}");
    let summaries: Vec<&str> = events.iter().filter_map(|e| e.get_summary()).collect();
    // The host's certificate (60 days ahead in the demo), the yearly assessment, a breach's clock or
    // the plan's dates: each an all-day event with a stable UID and an alarm.
    assert!(
        summaries
            .iter()
            .any(|s| s.contains("certificat HDS de SantéCloud")),
        "{summaries:?}"
    );
    for e in &events {
        let uid = e.get_uid().expect("uid");
        assert!(
            uid.ends_with(&format!(".{}@vigie", created.as_second())),
            "{uid}"
        );
        assert!(e.get_timestamp().is_some(), "DTSTAMP");
        assert!(
            matches!(e.get_start(), Some(icalendar::DatePerhapsTime::Date(_))),
            "all-day"
        );
        assert!(
            matches!(e.get_end(), Some(icalendar::DatePerhapsTime::Date(_))),
            "all-day"
        );
    }
    assert_eq!(text.matches("BEGIN:VALARM").count(), events.len());
    // No patient data: breaches by number only, never their titles.
    for title in &breach_titles {
        assert!(!text.contains(title.as_str()), "{title}");
    }
    // A second export keeps the UIDs.
    let again = dir.path().join("rappels-2.ics");
    let o = export(dir.path(), &vault, &["--kind", "reminders"], &again);
    assert!(o.status.success(), "{}", stderr(&o));
    let uids = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        uids(&text),
        uids(&std::fs::read_to_string(&again).expect("read"))
    );
}
