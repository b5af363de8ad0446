//! The signed assessment's documents: its report PDF (drawn from the frozen document, with a signature
//! block per signer, the verification code and the comparison with the previous assessment), the
//! `HOW-TO-VERIFY.txt` that says how to check it without Vigie, and the whole set of files to export.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::layout::{BODY, Column, Flow, SMALL};
use super::pdf::{Face, PdfError, Rgb8, Style};
use crate::assessment::bundle::{self, FileSet, SignatureSet};
use crate::assessment::compare::{self, Comparison};
use crate::assessment::document::{self, AssessmentDocument, DocumentError};
use crate::assessment::{Identity, REPORT_NAMESPACE, Role, Signer};
use crate::checklist::AnswerValue;
use crate::i18n::{Lang, T, format_datetime, names, tr};
use crate::practice_file::VaultContents;

/// What the report shows of the signatures.
#[derive(Debug, Clone)]
pub struct SignedInfo {
    /// When the assessment was completed.
    pub completed_at: Timestamp,
    /// Each signer and when they signed.
    pub signers: Vec<(Identity, Timestamp)>,
    /// SHA-256 of the signed document, hexadecimal.
    pub code: String,
}

/// Why the documents of a signed assessment could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SignedExportError {
    /// The kept document does not read back.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The PDF could not be laid out.
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

/// The name of a role on a signature.
pub fn role_name(role: Role) -> T {
    match role {
        Role::Doctor => T::RoleDoctor,
        Role::Consultant => T::RoleConsultant,
    }
}

/// The report PDF of a signed assessment; `previous` is the one it follows, for the comparison.
pub fn signed_assessment_pdf(
    set: &SignatureSet,
    previous: Option<&SignatureSet>,
    lang: Lang,
) -> Result<Vec<u8>, SignedExportError> {
    let doc = AssessmentDocument::parse(&set.document)?;
    let comparison = previous
        .and_then(|p| AssessmentDocument::parse(&p.document).ok())
        .map(|then| compare::compare(&then, &doc));
    let mut contents = VaultContents::new(doc.practice.clone());
    contents.checklist = doc.record();
    let info = SignedInfo {
        completed_at: doc.completed_at,
        signers: set
            .signatures
            .iter()
            .map(|s| (s.identity.clone(), s.signed_at))
            .collect(),
        code: document::verification_code(&set.document),
    };
    Ok(super::assessment::report(
        &contents,
        lang,
        Some(&info),
        comparison.as_ref(),
    )?)
}

/// The current draft compared with the last signed assessment, if there is one that reads.
pub fn draft_comparison(contents: &VaultContents) -> Option<Comparison> {
    let last = contents.assessments.last()?.parsed().ok()?;
    let draft = document::freeze(&document::FreezeInput {
        practice: &contents.practice,
        record: &contents.checklist,
        scans: &contents.scans,
        signer: &last.signer,
        previous: None,
        now: Timestamp::now(),
        nonce: 0,
    });
    Some(compare::compare(&last, &draft))
}

/// The "Signatures" block of the report's first page.
pub(super) fn signature_block(flow: &mut Flow, info: &SignedInfo, lang: Lang) {
    flow.heading(T::SectionSignatures.get(lang), 13.0);
    for (identity, at) in &info.signers {
        flow.ensure(22.0);
        let mut who = format!("{} — {}", identity.name, role_name(identity.role).get(lang));
        if !identity.affiliation.is_empty() {
            who = format!("{who} — {}", identity.affiliation);
        }
        flow.paragraph(&who, Style::new(Face::Bold, 10.5, Rgb8::TEXT));
        flow.paragraph(&tr::signed_on(lang, format_datetime(*at, lang)), BODY);
        flow.paragraph(
            &tr::key_fingerprint(lang, identity.fingerprint()),
            Style::new(Face::Regular, 9.0, Rgb8::TEXT),
        );
        flow.space(2.0);
    }
    flow.paragraph(
        T::ReportVerificationCode.get(lang),
        Style::new(Face::Regular, 9.5, Rgb8::MUTED),
    );
    flow.paragraph(
        &document::grouped(&info.code),
        Style::new(Face::Bold, 11.0, Rgb8::TEXT),
    );
    flow.paragraph(T::ReportHowToVerify.get(lang), SMALL);
    flow.space(4.0);
}

fn percent(p: Option<u32>) -> String {
    p.map_or_else(|| "—".to_owned(), |p| format!("{p} %"))
}

fn answer(v: Option<AnswerValue>, lang: Lang) -> String {
    v.map_or_else(
        || T::ReportNotAnswered.get(lang).to_owned(),
        |v| names::answer(v).get(lang).to_owned(),
    )
}

/// A table's columns: `first`, then "then" and "now".
fn then_and_now(first: T, lang: Lang) -> [Column<'static>; 3] {
    [
        Column {
            title: first.get(lang),
            share: 0.6,
        },
        Column {
            title: T::ColThen.get(lang),
            share: 0.2,
        },
        Column {
            title: T::ColNow.get(lang),
            share: 0.2,
        },
    ]
}

/// The comparison with the previous assessment: scores per theme, answers that changed, actions done.
pub(super) fn comparison_section(flow: &mut Flow, c: &Comparison, lang: Lang) {
    flow.heading(
        &tr::comparison_heading(lang, format_datetime(c.then_at, lang)),
        15.0,
    );
    let columns = then_and_now(T::ColTheme, lang);
    let mut rows: Vec<Vec<String>> = c
        .themes
        .iter()
        .map(|t| {
            vec![
                if lang == Lang::Fr {
                    t.title.fr.clone()
                } else {
                    t.title.en.clone()
                },
                percent(t.then),
                percent(t.now),
            ]
        })
        .collect();
    rows.push(vec![
        T::ReportOverall.get(lang).to_owned(),
        percent(c.overall_then),
        percent(c.overall_now),
    ]);
    flow.table(&columns, &rows, BODY);
    flow.space(3.0);
    flow.paragraph(
        &tr::comparison_answers_changed(lang, c.answers.len()),
        Style::new(Face::Bold, 11.0, Rgb8::ACCENT),
    );
    if !c.answers.is_empty() {
        let columns = then_and_now(T::ColQuestion, lang);
        let rows: Vec<Vec<String>> = c
            .answers
            .iter()
            .map(|a| {
                vec![
                    if lang == Lang::Fr {
                        a.question.fr.clone()
                    } else {
                        a.question.en.clone()
                    },
                    answer(a.then, lang),
                    answer(a.now, lang),
                ]
            })
            .collect();
        flow.table(&columns, &rows, Style::new(Face::Regular, 8.5, Rgb8::TEXT));
    }
    flow.space(3.0);
    flow.paragraph(
        &tr::comparison_actions_done(lang, c.actions_done.len()),
        Style::new(Face::Bold, 11.0, Rgb8::ACCENT),
    );
    for a in &c.actions_done {
        let q = if lang == Lang::Fr {
            &a.question.fr
        } else {
            &a.question.en
        };
        flow.paragraph(&format!("✓ {q}"), BODY);
    }
}

/// The report's file name.
pub fn report_name(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("rapport-{id}.pdf"),
        Lang::En => format!("report-{id}.pdf"),
    }
}

/// `HOW-TO-VERIFY.txt`: how to check the document and the report with OpenSSH alone, in French then
/// in English, with the exact commands for these files (the Windows form through `cmd`, whose `<`
/// passes the bytes unchanged, unlike a PowerShell 5.1 pipe).
pub fn how_to_verify(set: &SignatureSet, report: Option<(&str, &Identity)>) -> String {
    let doc = set.document_name();
    let code = document::verification_code(&set.document);
    let mut out = String::new();
    for lang in [Lang::Fr, Lang::En] {
        out.push_str(&tr::howto_intro(lang, &doc));
        out.push_str("\n\n");
        let mut commands = Vec::new();
        for s in &set.signatures {
            commands.push((
                s.identity.clone(),
                format!(
                    "ssh-keygen -Y verify -f allowed_signers -I {} -n {} -s {} < {doc}",
                    s.identity.principal,
                    document::NAMESPACE,
                    bundle::signature_name(&doc, &s.identity.principal)
                ),
            ));
        }
        if let Some((pdf, signer)) = report {
            commands.push((
                signer.clone(),
                format!(
                    "ssh-keygen -Y verify -f allowed_signers -I {} -n {REPORT_NAMESPACE} -s {} < {pdf}",
                    signer.principal,
                    bundle::signature_name(pdf, &signer.principal)
                ),
            ));
        }
        out.push_str(T::HowtoCommands.get(lang));
        out.push('\n');
        for (_, c) in &commands {
            out.push_str("    ");
            out.push_str(c);
            out.push('\n');
        }
        out.push('\n');
        out.push_str(T::HowtoWindows.get(lang));
        out.push_str("\n\n");
        out.push_str(T::HowtoExpected.get(lang));
        out.push('\n');
        for s in &set.signatures {
            let _ = writeln!(
                out,
                "    {}",
                tr::howto_fingerprint(
                    lang,
                    &s.identity.name,
                    role_name(s.identity.role).get(lang),
                    s.identity.fingerprint()
                )
            );
        }
        out.push('\n');
        out.push_str(&tr::howto_code(lang, &doc, document::grouped(&code)));
        out.push_str("\n\n");
        out.push_str(T::HowtoChanged.get(lang));
        out.push_str("\n\n");
        out.push_str(
            "------------------------------------------------------------------------\n\n",
        );
    }
    out
}

/// Every file of a signed assessment, to write into a folder: the document, its signatures,
/// `allowed_signers`, `signers.json`, the report PDF in `lang` and its signature by `pdf_signer` (the
/// one exporting: the doctor from the practice's vault, the consultant from a bundle),
/// `HOW-TO-VERIFY.txt`, and the `.vigie-assessment` bundle.
pub fn export_files(
    set: &SignatureSet,
    previous: Option<&SignatureSet>,
    pdf_signer: Option<&Signer>,
    lang: Lang,
) -> Result<FileSet, SignedExportError> {
    let mut files = set.files();
    let pdf = signed_assessment_pdf(set, previous, lang)?;
    let pdf_name = report_name(&set.id, lang);
    let report = pdf_signer.map(|s| {
        files.put(
            &bundle::signature_name(&pdf_name, &s.identity.principal),
            s.sign(REPORT_NAMESPACE, &pdf).into_bytes(),
        );
        s.identity.clone()
    });
    if let Some(signer) = &report
        && !set
            .signatures
            .iter()
            .any(|s| s.identity.public_key == signer.public_key)
    {
        // The report's signer is not among the document's: list their key too.
        let mut ids: Vec<&Identity> = set.signatures.iter().map(|s| &s.identity).collect();
        ids.push(signer);
        files.put(
            bundle::ALLOWED_SIGNERS,
            bundle::allowed_signers(&ids).into_bytes(),
        );
    }
    let howto = how_to_verify(set, report.as_ref().map(|r| (pdf_name.as_str(), r)));
    files.put(&pdf_name, pdf);
    files.put(HOWTO, howto.clone().into_bytes());
    files.put(&bundle_name(&set.id), bundle_bytes(set, &howto));
    Ok(files)
}

/// The name of the how-to file.
pub const HOWTO: &str = "HOW-TO-VERIFY.txt";

/// The bundle's file name.
pub fn bundle_name(id: &str) -> String {
    format!("assessment-{id}.{}", bundle::EXTENSION)
}

/// A `.vigie-assessment` bundle: the document, its signatures, `allowed_signers`, `signers.json` and
/// `HOW-TO-VERIFY.txt`.
pub fn bundle_bytes(set: &SignatureSet, howto: &str) -> Vec<u8> {
    let mut files = set.files();
    files.put(HOWTO, howto.as_bytes().to_vec());
    files.to_zip()
}

/// Writes `files` into `dir` (created if missing), each atomically; returns the paths written.
pub fn write_files(dir: &Path, files: &FileSet) -> Result<Vec<PathBuf>, crate::fs::FsError> {
    crate::io_guard::check("writing the signed assessment's files");
    std::fs::create_dir_all(dir).map_err(|e| crate::fs::FsError::io("creating", dir, e))?;
    let mut written = Vec::new();
    for (name, bytes) in &files.files {
        let path = dir.join(name);
        crate::fs::write_atomic(&path, bytes)?;
        written.push(path);
    }
    Ok(written)
}

impl crate::i18n::Localize for SignedExportError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::Document(e) => crate::i18n::Localize::localize(e, lang),
            Self::Pdf(e) => tr::err_save_file(lang, e.to_string()),
        }
    }
}
