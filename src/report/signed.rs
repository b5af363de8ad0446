//! The signed assessment's set of files: the report PDF ([`super::Document::SignedReport`]) signed by
//! the one exporting, the `HOW-TO-VERIFY.txt` that says how to check it without Vigie, the
//! `.vigie-assessment` bundle, and their writing into a folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::document::{Document, RenderError};
use crate::assessment::bundle::{self, FileSet, SignatureSet};
use crate::assessment::document;
use crate::assessment::{Identity, REPORT_NAMESPACE, Signer};
use crate::i18n::{Lang, T, tr};

pub use super::signature::role_name;

/// The report's file name.
pub fn report_name(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("rapport-{id}.pdf"),
        Lang::En => format!("report-{id}.pdf"),
    }
}

/// The folder of its own the window writes a signed assessment's files into, inside the folder the
/// user chose (the files are several: they stay together, apart from whatever else is there).
pub fn export_folder_name(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("auto-evaluation-signee-{id}"),
        Lang::En => format!("signed-self-assessment-{id}"),
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
        // Who countersigned is in their signed statement, not in signers.json.
        let statements: Vec<String> = set
            .signatures
            .iter()
            .filter(|s| s.statement.is_some())
            .map(|s| {
                let st = bundle::statement_name(&s.identity.principal);
                format!(
                    "ssh-keygen -Y verify -f allowed_signers -I {} -n {} -s {st}.sig < {st}",
                    s.identity.principal,
                    crate::assessment::STATEMENT_NAMESPACE,
                )
            })
            .collect();
        if !statements.is_empty() {
            out.push_str(T::HowtoStatements.get(lang));
            out.push('\n');
            for c in &statements {
                out.push_str("    ");
                out.push_str(c);
                out.push('\n');
            }
            out.push('\n');
        }
        out.push_str(T::HowtoSignersJson.get(lang));
        out.push_str("\n\n");
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
        if report.is_some() {
            out.push_str(T::HowtoPdfCode.get(lang));
            out.push_str("\n\n");
        }
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
) -> Result<FileSet, RenderError> {
    let mut files = set.files();
    let pdf = Document::SignedReport { set, previous }.render(None, lang)?;
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

/// The folder of evidence files in an exported set, each named by its SHA-256.
pub const EVIDENCE_DIR: &str = "evidence";

/// Completes a set's folder: the evidence files the document names (by SHA-256, found among
/// `evidence`; one the vault no longer holds is left out, and `SHA256SUMS` cannot list it) as
/// `evidence/<sha256>`, then `SHA256SUMS` over every file, for `sha256sum -c SHA256SUMS`.
pub fn with_evidence_and_sums(
    mut files: FileSet,
    set: &SignatureSet,
    evidence: &[crate::checklist::record::Evidence],
) -> FileSet {
    if let Ok(doc) = crate::assessment::AssessmentDocument::parse(&set.document) {
        for named in &doc.evidence {
            if let Some(e) = evidence.iter().find(|e| e.sha256 == named.sha256) {
                files.put(&format!("{EVIDENCE_DIR}/{}", e.sha256), e.content.to_vec());
            }
        }
    }
    if let Some(howto) = files.get(HOWTO) {
        let mut text = howto.to_vec();
        for lang in [Lang::Fr, Lang::En] {
            text.extend_from_slice(T::HowtoSums.get(lang).as_bytes());
            text.extend_from_slice(b"\n\n");
        }
        files.put(HOWTO, text);
    }
    files.files.retain(|(n, _)| n != crate::digest::SUMS_FILE);
    let sums = crate::digest::sums(files.files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    files.put(crate::digest::SUMS_FILE, sums.into_bytes());
    files
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
        if let Some(parent) = path.parent().filter(|p| *p != dir) {
            std::fs::create_dir_all(parent)
                .map_err(|e| crate::fs::FsError::io("creating", parent, e))?;
        }
        crate::fs::write_atomic(&path, bytes)?;
        written.push(path);
    }
    Ok(written)
}
