//! Every PDF Vigie writes, as one type: [`Document`] names the document, [`Document::render`] makes its
//! bytes. The window and the command line both choose a variant and call `render`; neither builds a
//! PDF any other way. A new PDF is one more variant here (its title, its inputs, one arm of `render`)
//! and its layout in a file of its own beside this one.

use super::assessment::{action_plan_pdf, assessment_pdf, report};
use super::binder::{NoticeFormat, notice_pdf};
use super::breach::{notification_pdf, patient_letter_pdf, register_pdf};
use super::pdf::PdfError;
use super::recovery_sheet::RecoverySheet;
use super::scan::{Detail, scan_pdf};
use super::signature::SignedInfo;
use crate::assessment::bundle::SignatureSet;
use crate::assessment::compare;
use crate::assessment::document::{self, AssessmentDocument, DocumentError};
use crate::breach::BreachId;
use crate::i18n::{Lang, Localize, T, tr};
use crate::practice_file::VaultContents;

/// A PDF document Vigie writes. The variants without data are drawn from the practice's file (the
/// contents given to [`Document::render`]); the others carry what they are drawn from.
#[derive(Debug, Clone, Copy)]
pub enum Document<'a> {
    /// The self-assessment report of the current draft: summary, answers by theme, action plan, and
    /// the comparison with the last signed assessment when there is one.
    Assessment,
    /// The action plan alone.
    ActionPlan,
    /// The report of the last folder scan recorded, by folder or with every path.
    Scan(Detail),
    /// The breach register: a table of every breach, a page each, the chain's head.
    BreachRegister,
    /// The draft notification to the CNIL for one breach, in the online form's order.
    BreachNotification(BreachId),
    /// The letter to the patients for one breach.
    PatientLetter(BreachId),
    /// The record of processing activities (GDPR art. 30) and the statement on the impact assessment.
    ProcessingRegister,
    /// The patients' information notice, on one page of the given format.
    PatientNotice(NoticeFormat),
    /// The processors (GDPR art. 28): their facts, HDS certificates, contracts and clauses.
    Processors,
    /// The letter asking the processor numbered so (from 1, in the processors' list) for what is
    /// missing.
    ProcessorLetter(usize),
    /// The recovery sheet (the recovery code, the practice, the archive key) to print.
    RecoverySheet(&'a RecoverySheet),
    /// The report of a signed assessment, drawn from its frozen document (not from the vault as it
    /// is now), with its signatures and the comparison with `previous`, the one it follows.
    SignedReport {
        /// The signed assessment: its document and signatures.
        set: &'a SignatureSet,
        /// The signed assessment before it, if any.
        previous: Option<&'a SignatureSet>,
    },
}

/// Why a document could not be made. Nothing is written in any case.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The document is drawn from a practice's file and none was given (a caller's mistake).
    #[error("this document is drawn from a practice's file; none was given")]
    NoContents,
    /// The scan report was asked for and no folder scan is recorded.
    #[error("no folder scan is recorded")]
    NoScan,
    /// The breach named is not in the register.
    #[error("no breach no. {0}")]
    NoSuchBreach(BreachId),
    /// A signed assessment's kept document does not read back.
    #[error(transparent)]
    Signed(#[from] DocumentError),
    /// The PDF could not be laid out or written.
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

impl Localize for RenderError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::NoScan => T::ScanReportNoScan.get(lang).to_owned(),
            Self::NoSuchBreach(id) => tr::err_no_such_breach(lang, id),
            Self::Signed(e) => e.localize(lang),
            Self::NoContents | Self::Pdf(_) => tr::err_save_file(lang, self.to_string()),
        }
    }
}

impl Document<'_> {
    /// The document's title, which also names its file (`rapport-d-auto-evaluation-….pdf`).
    pub fn title(&self) -> T {
        match self {
            Self::Assessment | Self::SignedReport { .. } => T::ReportTitle,
            Self::ActionPlan => T::ActionPlanReportTitle,
            Self::Scan(_) => T::NavScan,
            Self::BreachRegister => T::BreachesTitle,
            Self::BreachNotification(_) => T::PdfNotifTitle,
            Self::PatientLetter(_) => T::PdfLetterTitle,
            Self::RecoverySheet(_) => T::RecoveryDocTitle,
            Self::ProcessingRegister => T::RegisterDocTitle,
            Self::PatientNotice(_) => T::NoticeDocTitle,
            Self::Processors => T::ProcessorsDocTitle,
            Self::ProcessorLetter(_) => T::ProcessorLetterTitle,
        }
    }

    /// Whether the document is drawn from the practice's file (`contents` must then be given to
    /// [`Document::render`]).
    pub fn needs_contents(&self) -> bool {
        !matches!(self, Self::RecoverySheet(_) | Self::SignedReport { .. })
    }

    /// The PDF's bytes, in `lang`. `contents` is the practice file's contents, for the documents drawn
    /// from it ([`Document::needs_contents`]); the recovery sheet and a signed report carry their own
    /// inputs and read none.
    pub fn render(
        &self,
        contents: Option<&VaultContents>,
        lang: Lang,
    ) -> Result<Vec<u8>, RenderError> {
        Ok(match *self {
            Self::Assessment => assessment_pdf(given(contents)?, lang)?,
            Self::ActionPlan => action_plan_pdf(given(contents)?, lang)?,
            Self::Scan(detail) => {
                scan_pdf(given(contents)?, lang, detail).ok_or(RenderError::NoScan)??
            }
            Self::BreachRegister => register_pdf(given(contents)?, lang)?,
            Self::BreachNotification(id) => notification_pdf(with_breach(contents, id)?, id, lang)?,
            Self::PatientLetter(id) => patient_letter_pdf(with_breach(contents, id)?, id, lang)?,
            Self::ProcessingRegister => super::binder::register_pdf(given(contents)?, lang)?,
            Self::PatientNotice(format) => notice_pdf(given(contents)?, lang, format)?,
            Self::Processors => super::binder::current_processors_pdf(given(contents)?, lang)?,
            Self::ProcessorLetter(n) => {
                super::binder::processor_letter_pdf(given(contents)?, n, lang)?
            }
            Self::RecoverySheet(sheet) => {
                let mut sheet = sheet.clone();
                sheet.lang = lang;
                sheet.pdf()?
            }
            Self::SignedReport { set, previous } => signed_report(set, previous, lang)?,
        })
    }
}

/// The contents a document is drawn from, which must be given.
fn given(contents: Option<&VaultContents>) -> Result<&VaultContents, RenderError> {
    contents.ok_or(RenderError::NoContents)
}

/// The contents, which must hold the breach `id`.
fn with_breach(
    contents: Option<&VaultContents>,
    id: BreachId,
) -> Result<&VaultContents, RenderError> {
    let c = given(contents)?;
    match c.breaches.breach(id) {
        Some(_) => Ok(c),
        None => Err(RenderError::NoSuchBreach(id)),
    }
}

/// The report of a signed assessment: the assessment report drawn from its frozen document, with the
/// signature block and, when it follows another, the comparison with it.
fn signed_report(
    set: &SignatureSet,
    previous: Option<&SignatureSet>,
    lang: Lang,
) -> Result<Vec<u8>, RenderError> {
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
        witnessed: doc.witnessed.clone(),
    };
    Ok(report(&contents, lang, Some(&info), comparison.as_ref())?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::{PracticeName, Profile};

    fn contents() -> VaultContents {
        VaultContents::new(Profile::named(
            PracticeName::parse("Cabinet du Dr Martin").expect("name"),
        ))
    }

    #[test]
    fn each_document_drawn_from_the_vault_renders_a_pdf_or_says_why_not() {
        let c = contents();
        for doc in [
            Document::Assessment,
            Document::ActionPlan,
            Document::BreachRegister,
            Document::ProcessingRegister,
            Document::PatientNotice(NoticeFormat::A4),
            Document::PatientNotice(NoticeFormat::A5),
        ] {
            assert!(doc.needs_contents());
            let bytes = doc.render(Some(&c), Lang::Fr).expect("rendered");
            assert!(bytes.starts_with(b"%PDF-"), "{doc:?}");
            assert!(matches!(
                doc.render(None, Lang::Fr),
                Err(RenderError::NoContents)
            ));
        }
        // No scan recorded, no breach 3: said, not drawn.
        assert!(matches!(
            Document::Scan(Detail::Folders).render(Some(&c), Lang::Fr),
            Err(RenderError::NoScan)
        ));
        for doc in [
            Document::BreachNotification(BreachId(3)),
            Document::PatientLetter(BreachId(3)),
        ] {
            let e = doc.render(Some(&c), Lang::Fr).expect_err("no such breach");
            assert!(matches!(e, RenderError::NoSuchBreach(BreachId(3))));
            assert!(
                e.localize(Lang::Fr).contains("n° 3"),
                "{}",
                e.localize(Lang::Fr)
            );
        }
    }

    #[test]
    fn the_recovery_sheet_is_drawn_from_itself() {
        let sheet = RecoverySheet {
            practice: "Cabinet du Dr Martin".into(),
            created_at: jiff::Timestamp::UNIX_EPOCH,
            vault_path: "cabinet.vigie".into(),
            code: crate::vault::RecoveryCode::generate().expect("random"),
            archive_key: None,
            signing_key: None,
            lang: Lang::Fr,
        };
        let doc = Document::RecoverySheet(&sheet);
        assert!(!doc.needs_contents());
        assert_eq!(doc.title(), T::RecoveryDocTitle);
        let fr = doc.render(None, Lang::Fr).expect("rendered");
        let en = doc.render(None, Lang::En).expect("rendered");
        assert!(fr.starts_with(b"%PDF-") && en.starts_with(b"%PDF-"));
    }
}
