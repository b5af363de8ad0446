//! PDF reports, parsed back: section titles, accented text, page count, size.

use vigie::checklist::{self, AnswerValue, Respondent, plan};
use vigie::i18n::Lang;
use vigie::practice_file::VaultContents;
use vigie::report::assessment::{action_plan_pdf, assessment_pdf};
use vigie::report::scan::Detail;

fn text_of(pdf: &[u8]) -> (String, usize) {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF lopdf can read");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    (text, pages.len())
}

/// The demo, every applicable item answered, so that the report is as long as it gets.
fn full_assessment() -> VaultContents {
    let mut c = vigie::demo::demo_contents();
    let catalog = checklist::catalog();
    let now = jiff::Timestamp::now();
    for item in &catalog.items {
        if !c.checklist.answers.contains_key(&item.id) {
            c.checklist
                .answer(&item.id, AnswerValue::Partly, Respondent::Doctor, now);
        }
    }
    plan::sync(catalog, &c.practice, &mut c.checklist, now);
    c
}

#[test]
fn french_report_has_its_sections_accents_and_page_numbers() {
    let contents = vigie::demo::demo_contents();
    let pdf = assessment_pdf(&contents, Lang::Fr).expect("pdf");
    let (text, pages) = text_of(&pdf);
    for needle in [
        "Synthèse",
        "Réponses par thème",
        "Plan d'action",
        "Cabinet de radiologie du Dr Lefèvre",
    ] {
        assert!(text.contains(needle), "{needle:?} missing");
    }
    // An accented answer text and a note typed by the user.
    assert!(text.contains("Je ne sais pas"), "answer text");
    assert!(text.contains("téléradiologie"), "note");
    assert!(pages >= 3, "{pages} pages");
    assert!(
        text.contains(&format!("Page {pages} / {pages}")),
        "page numbers"
    );
    assert!(pdf.len() < 300 * 1024, "{} bytes", pdf.len());
}

#[test]
fn a_full_assessment_in_english_contains_the_action_plan() {
    let contents = full_assessment();
    assert_eq!(
        contents.checklist.answers.len(),
        checklist::catalog().items.len()
    );
    let pdf = assessment_pdf(&contents, Lang::En).expect("pdf");
    let (text, _) = text_of(&pdf);
    assert!(text.contains("Action plan"));
    assert!(text.contains("Answers by theme") && text.contains("Summary"));
    assert!(
        pdf.len() < 300 * 1024,
        "{} bytes: fonts must be subset",
        pdf.len()
    );

    let pdf = action_plan_pdf(&contents, Lang::En).expect("pdf");
    let (text, _) = text_of(&pdf);
    assert!(text.contains("Security action plan") && text.contains("InfoSanté"));
}

/// The report of a practice answered on catalog v1 (the golden vault's demo): the catalog version and
/// the migration said on the cover, the plan as actions (not questions), the glossary as its annex.
#[test]
fn the_report_shows_actions_the_catalog_version_and_the_glossary() {
    let dir = crate::common::temp_dir();
    let path = dir.path().join("golden.vigie");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden/vault-v1.vigie"),
        &path,
    )
    .expect("copy");
    let v = vigie::practice_file::PracticeFile::open(
        &path,
        vigie::vault::Unlock::Passphrase(crate::common::PASSPHRASE),
    )
    .expect("opens");
    let contents = v.contents();
    let pdf = assessment_pdf(contents, Lang::Fr).expect("pdf");
    let (text, _) = text_of(&pdf);
    // lopdf reads the no-break spaces of French typography as they are: compare without them.
    let text = text.replace(['\u{a0}', '\u{202f}'], " ");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        // The field's label, then its value: not "Liste de contrôle, version 3" after the label.
        flat.contains("Liste de contrôle version 3")
            && !flat.contains("Liste de contrôle Liste de contrôle"),
        "catalog version"
    );
    assert!(
        flat.contains("Réponses données sur la version 1 de la liste"),
        "migration"
    );
    assert!(flat.contains("Annexe : glossaire"), "glossary annex");
    let catalog = checklist::catalog();
    let nas = catalog.term("nas").expect("NAS in the glossary");
    let start: String = nas
        .definition
        .fr
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(&start), "{start}");
    // The first action of the plan reads as an action.
    let first = checklist::plan::open(catalog, &contents.checklist)[0];
    let item = catalog.item(&first.item).expect("item");
    let action: String = item
        .action
        .fr
        .replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(&action), "{action}");
    assert!(
        !flat.contains("Mettre en place —"),
        "no question as an action"
    );
}

#[test]
fn the_scan_report_states_the_findings_in_plain_words() {
    let contents = vigie::demo::demo_contents();
    let pdf = vigie::report::scan::scan_pdf(&contents, Lang::Fr, Detail::FullList)
        .expect("the demo has a scan")
        .expect("pdf");
    let (text, pages) = text_of(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Analyse des dossiers : images médicales",
        "Synthèse",
        "identifient des patients",
        "Règle de risque",
        "IM0001.dcm",
        "examen.zip",
        "OneDrive",
        "Page 1 / ",
    ] {
        assert!(flat.contains(expected), "missing {expected:?}");
    }
    assert!(pages >= 2);

    let mut empty = vigie::demo::demo_contents();
    empty.scans = Default::default();
    assert!(vigie::report::scan::scan_pdf(&empty, Lang::En, Detail::Folders).is_none());
}

/// A practice's folders, with files and a folder named after patients, scanned for real.
fn scanned_practice(root: &std::path::Path) -> VaultContents {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/dicom/pydicom/test_files");
    let desk = root.join("Bureau");
    let patient = desk.join("Dupont Jean");
    std::fs::create_dir_all(&patient).expect("mkdir");
    std::fs::copy(samples.join("CT_small.dcm"), patient.join("IMG0001")).expect("copy");
    std::fs::copy(
        samples.join("CT_small.dcm"),
        desk.join("IRM_genou_Mme_Leroy.dcm"),
    )
    .expect("copy");
    std::fs::write(
        desk.join("Radio_Martin_Paul.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6",
    )
    .expect("png");
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let found = std::sync::Mutex::new(Vec::new());
    let roots = [desk.clone()];
    let summary = vigie::scan::scan(
        &roots,
        &vigie::scan::ScanOptions::default(),
        &cancel,
        &|e| {
            if let vigie::scan::Event::Finding(f) = e {
                found.lock().expect("lock").push(f);
            }
        },
    );
    let findings = found.into_inner().expect("findings");
    assert_eq!(findings.len(), 3, "{findings:?}");
    let record = vigie::scan::record::ScanRecord::new(
        jiff::Timestamp::now(),
        &roots,
        summary,
        findings,
        Vec::new(),
    );
    let mut contents = vigie::demo::demo_contents();
    contents.scans = Default::default();
    contents.scans.push(record);
    contents
}

/// The demo's scan, made on Windows, is counted by its folders on any system: every finding lies in
/// one of the folders scanned.
#[test]
fn the_scan_is_counted_by_folder_scanned() {
    let contents = vigie::demo::demo_contents();
    let record = contents.scans.last.as_ref().expect("a scan");
    let rows = vigie::report::scan::by_root(record);
    assert!(rows.iter().all(|r| r.root != "—"), "{rows:?}");
    let high: u64 = rows.iter().map(|r| r.by_risk[0]).sum();
    assert_eq!(high, record.counts().high);
    assert!(rows.iter().any(|r| r.folders > 0));
}

const PATIENTS: [&str; 6] = [
    "Dupont",
    "Jean",
    "Leroy",
    "IRM_genou",
    "Martin_Paul",
    "IMG0001",
];

/// The report a DPO carries names no patient: no file, no sub-folder; the folder scanned and its
/// counts only. The full list, asked for, has them, with the warning on every page.
#[test]
fn the_default_scan_report_names_no_patient() {
    let dir = crate::common::temp_dir();
    let contents = scanned_practice(dir.path());
    for lang in [Lang::Fr, Lang::En] {
        let pdf = vigie::report::scan::scan_pdf(&contents, lang, Detail::Folders)
            .expect("a scan")
            .expect("pdf");
        let (text, _) = text_of(&pdf);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for name in PATIENTS {
            assert!(!flat.contains(name), "{lang:?}: the report shows {name:?}");
        }
        // What it does say: the folder scanned, its counts, why no names.
        assert!(flat.contains("Bureau"), "{flat}");
        let expected = match lang {
            Lang::Fr => "Par dossier analysé",
            Lang::En => "By folder scanned",
        };
        assert!(flat.contains(expected), "{flat}");
    }

    let pdf = vigie::report::scan::scan_pdf(&contents, Lang::Fr, Detail::FullList)
        .expect("a scan")
        .expect("pdf");
    let doc = lopdf::Document::load_mem(&pdf).expect("pdf");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let all = doc.extract_text(&pages).expect("text");
    assert!(
        all.contains("IRM_genou_Mme_Leroy.dcm"),
        "the full list has the paths"
    );
    for page in pages {
        let text = doc.extract_text(&[page]).expect("page text");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("USAGE INTERNE"), "page {page}: {flat}");
    }
}

/// A completed action says when it was completed, in the plan's PDF, in the user's date format.
#[test]
fn a_completed_action_shows_its_completion_date() {
    let mut contents = vigie::demo::demo_contents();
    let action = contents.checklist.actions.first_mut().expect("an action");
    action.status = checklist::ActionStatus::Done;
    action.done_at = Some("2026-03-04T10:00:00Z".parse().expect("timestamp"));
    let item = action.item.clone();
    contents.checklist.answer(
        &item,
        AnswerValue::Yes,
        Respondent::Doctor,
        jiff::Timestamp::now(),
    );
    for (lang, needle) in [
        (Lang::Fr, "Fait le 04/03/2026"),
        (Lang::En, "Done on 04/03/2026"),
    ] {
        let (text, _) = text_of(&action_plan_pdf(&contents, lang).expect("pdf"));
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(needle), "{lang:?}: {needle:?} missing");
        assert!(!flat.contains("2026-03-04"), "{lang:?}: one date format");
    }
}
