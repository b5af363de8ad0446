//! The inspection binder (`vigie export --kind binder --out DIR` and the register page's « Exporter le
//! classeur… », one code path): one folder with the record of processing activities (the one the last
//! signed assessment froze, when it froze one), the patients' notice, the DPIA statement, the last
//! signed assessment's files as signed, the breach register's verifiable export, the last folder scan
//! and PC checks in counts and facts only, the comparison of the last two signed assessments, a table
//! of contents with each file's SHA-256, `HOW-TO-VERIFY.txt` and `SHA256SUMS`. `docs/binder.md`
//! describes every file.
//!
//! The folder is written whole or not at all: every file goes into a fresh temporary folder beside the
//! target, which is renamed into place at the end; a target that exists and is not an empty folder is
//! refused.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::binder::{FrozenBy, NoticeFormat, RegisterSource, notice_pdf, register_pdf_of};
use super::document::RenderError;
use crate::assessment::compare::{
    self, Comparison, ProcessorChangeKind, RegisterChangeKind, RegisterComparison,
};
use crate::assessment::document::{self, AssessmentDocument, Bilingual};
use crate::i18n::{Lang, T, format_date, format_datetime, names, tr};
use crate::practice_file::VaultContents;

/// How the binder's register stands against the signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterCoverage {
    /// The register's PDF is the one the last signed assessment froze (`changed_since`: the vault's
    /// register differs from it now; a new signed assessment would cover the changes).
    Signed {
        /// The assessment that froze it.
        by: FrozenBy,
        /// The vault's register has changed since.
        changed_since: bool,
    },
    /// No signed assessment froze a register (none signed, or signed before version 3): the PDF is
    /// the vault's register as it stands, covered by no signature.
    NotSigned,
}

/// The binder's files, names relative to its folder (subfolders with `/`), `SHA256SUMS` last.
#[derive(Debug, Clone)]
pub struct Binder {
    /// Every file.
    pub files: Vec<(String, Vec<u8>)>,
    /// How the register stands against the signatures.
    pub coverage: RegisterCoverage,
}

/// The names of the binder's parts in `lang` (the PDFs are in `lang`; the text files hold both
/// languages, French first).
struct Names {
    register: &'static str,
    notice_a4: &'static str,
    notice_a5: &'static str,
    processors: &'static str,
    contracts: &'static str,
    dpia: &'static str,
    signed: &'static str,
    breaches: &'static str,
    scan: &'static str,
    checks: &'static str,
    comparison: &'static str,
}

const FR: Names = Names {
    register: "01-registre-des-traitements.pdf",
    notice_a4: "02-information-des-patients-A4.pdf",
    notice_a5: "03-information-des-patients-A5.pdf",
    processors: "04-sous-traitants.pdf",
    contracts: "05-contrats",
    dpia: "06-analyse-d-impact.txt",
    signed: "07-auto-evaluation-signee",
    breaches: "08-registre-des-violations",
    scan: "09-analyse-des-dossiers.txt",
    checks: "10-controles-du-pc.txt",
    comparison: "11-evolution.txt",
};

const EN: Names = Names {
    register: "01-record-of-processing.pdf",
    notice_a4: "02-patient-notice-A4.pdf",
    notice_a5: "03-patient-notice-A5.pdf",
    processors: "04-processors.pdf",
    contracts: "05-contracts",
    dpia: "06-impact-assessment.txt",
    signed: "07-signed-assessment",
    breaches: "08-breach-register",
    scan: "09-folder-scan.txt",
    checks: "10-pc-checks.txt",
    comparison: "11-year-on-year.txt",
};

/// The table of contents.
pub const TOC: &str = "TOC.txt";
/// The how-to.
pub const HOWTO: &str = "HOW-TO-VERIFY.txt";

fn names_of(lang: Lang) -> &'static Names {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

fn both(f: impl Fn(Lang) -> String) -> String {
    let mut out = String::new();
    for lang in [Lang::Fr, Lang::En] {
        out.push_str(&f(lang));
        out.push_str(
            "\n\n------------------------------------------------------------------------\n\n",
        );
    }
    out
}

/// The colon between a name and its value: French puts a space before it.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " : ",
        Lang::En => ": ",
    }
}

fn pick(b: &Bilingual, lang: Lang) -> &str {
    match lang {
        Lang::Fr => &b.fr,
        Lang::En => &b.en,
    }
}

/// How the vault's register stands against the last signed assessment, and the register's PDF source.
fn register_source(contents: &VaultContents, lang: Lang) -> (RegisterSource, RegisterCoverage) {
    let last = contents.assessments.last();
    let frozen = last.and_then(|s| RegisterSource::signed(s, lang).map(|src| (s, src)));
    match frozen {
        Some((signed, source)) => {
            let now = document::freeze_binder(
                &contents.register,
                &contents.processors,
                &contents.practice,
                &contents.checklist,
                crate::i18n::today(),
            );
            let changed_since = signed
                .parsed()
                .ok()
                .and_then(|d| d.binder)
                .is_none_or(|b| b != now);
            let by = source.frozen.clone().unwrap_or_else(|| FrozenBy {
                id: signed.id.clone(),
                completed_at: signed.completed_at,
                code: signed.code(),
            });
            (source, RegisterCoverage::Signed { by, changed_since })
        }
        None => (
            RegisterSource::current(contents, lang),
            RegisterCoverage::NotSigned,
        ),
    }
}

/// The processors for the binder: the ones the last signed assessment froze (with it, and its
/// completion day for the certificates' status), else the vault's as they stand today.
fn processors_source(
    contents: &VaultContents,
) -> (
    Vec<document::ProcessorDoc>,
    Option<FrozenBy>,
    jiff::civil::Date,
) {
    if let Some(signed) = contents.assessments.last()
        && let Ok(doc) = signed.parsed()
        && let Some(binder) = doc.binder
    {
        return (
            binder.processors,
            Some(FrozenBy {
                id: signed.id.clone(),
                completed_at: signed.completed_at,
                code: signed.code(),
            }),
            crate::i18n::date_of(signed.completed_at),
        );
    }
    let today = crate::i18n::today();
    let now = document::freeze_binder(
        &contents.register,
        &contents.processors,
        &contents.practice,
        &contents.checklist,
        today,
    );
    (now.processors, None, today)
}

/// The DPIA statement of the practice's profile, in both languages.
fn dpia_text(contents: &VaultContents) -> String {
    let p = &contents.practice;
    both(|lang| {
        let mut out = format!("{}\n{}\n\n", T::RegisterDpiaHeading.get(lang), p.name);
        for para in crate::binder::dpia_statement(p).paragraphs(p, lang) {
            out.push_str(&para);
            out.push_str("\n\n");
        }
        out.trim_end().to_owned()
    })
}

/// The last folder scan in counts and facts: never a path or a file name (they are often patients'
/// names), as the signed document's `scan` keeps it.
fn scan_text(contents: &VaultContents, last: Option<&AssessmentDocument>) -> String {
    let attested = last
        .and_then(|d| d.witnessed.as_ref())
        .and_then(|w| w.scan.clone());
    let now = contents.witnessed().scan;
    both(|lang| {
        let mut out = format!("{}\n\n", T::BinderScanHeading.get(lang));
        let Some(s) = &contents.scans.last else {
            out.push_str(T::BinderNoScan.get(lang));
            return out;
        };
        let c = s.counts;
        out.push_str(&tr::binder_scan_facts(
            lang,
            format_datetime(s.started_at, lang),
            s.roots.len() as u64,
            s.summary.files_seen,
            s.summary.errors,
        ));
        out.push('\n');
        if s.summary.cancelled {
            out.push_str(T::BinderScanCancelled.get(lang));
            out.push('\n');
        }
        out.push_str(&tr::binder_scan_findings(
            lang, c.high, c.medium, c.low, c.none,
        ));
        out.push_str("\n\n");
        out.push_str(if attested.is_some() && attested == now {
            T::BinderRecordAttested.get(lang)
        } else {
            T::BinderRecordNotAttested.get(lang)
        });
        out.push('\n');
        out.push_str(T::BinderNoNames.get(lang));
        out
    })
}

/// The last PC checks: each check's name and verdict, the counts; never what a check saw (a folder's
/// name, a program's path).
fn checks_text(contents: &VaultContents, last: Option<&AssessmentDocument>) -> String {
    let attested = last
        .and_then(|d| d.witnessed.as_ref())
        .and_then(|w| w.system_checks.clone());
    let now = contents.witnessed().system_checks;
    both(|lang| {
        let mut out = format!("{}\n\n", T::BinderChecksHeading.get(lang));
        let Some(r) = &contents.system.last else {
            out.push_str(T::BinderNoChecks.get(lang));
            return out;
        };
        let [fail, warning, unknown, pass] = r.counts();
        out.push_str(&tr::binder_checks_facts(
            lang,
            format_datetime(r.checked_at, lang),
            &r.system,
        ));
        out.push('\n');
        out.push_str(&tr::binder_checks_counts(
            lang,
            fail as u64,
            warning as u64,
            unknown as u64,
            pass as u64,
        ));
        out.push_str("\n\n");
        for x in &r.results {
            let _ = writeln!(
                out,
                "- {}{}{}",
                crate::present::system::name(x.id).get(lang),
                colon(lang),
                crate::present::system::status(x.status).get(lang)
            );
        }
        out.push('\n');
        out.push_str(if attested.is_some() && attested == now {
            T::BinderRecordAttested.get(lang)
        } else {
            T::BinderRecordNotAttested.get(lang)
        });
        out.push('\n');
        out.push_str(T::BinderNoNames.get(lang));
        out
    })
}

fn percent(p: Option<u32>, lang: Lang) -> String {
    p.map_or_else(
        || T::BinderNoScore.get(lang).to_owned(),
        |p| match lang {
            Lang::Fr => format!("{p} %"),
            Lang::En => format!("{p}%"),
        },
    )
}

fn answer(v: Option<crate::checklist::AnswerValue>, lang: Lang) -> String {
    v.map_or_else(
        || T::ReportNotAnswered.get(lang).to_owned(),
        |v| names::answer(v).get(lang).to_owned(),
    )
}

/// The last two signed assessments compared, if there are two that read.
pub fn last_two(contents: &VaultContents) -> Option<Comparison> {
    let signed = &contents.assessments.signed;
    let [.., then, now] = signed.as_slice() else {
        return None;
    };
    Some(compare::compare(&then.parsed().ok()?, &now.parsed().ok()?))
}

/// The comparison in words, in `lang`: the score, the themes that moved, the answers changed, the
/// actions done, the register's changes.
pub fn comparison_lines(c: &Comparison, lang: Lang) -> Vec<String> {
    let mut out = vec![tr::binder_comparison_between(
        lang,
        format_date(crate::i18n::date_of(c.then_at), lang),
        format_date(crate::i18n::date_of(c.now_at), lang),
    )];
    out.push(tr::binder_comparison_score(
        lang,
        percent(c.overall_then, lang),
        percent(c.overall_now, lang),
    ));
    for t in c.themes.iter().filter(|t| t.then != t.now) {
        out.push(format!(
            "  {}{}{} → {}",
            pick(&t.title, lang),
            colon(lang),
            percent(t.then, lang),
            percent(t.now, lang)
        ));
    }
    out.push(tr::binder_comparison_answers(lang, c.answers.len() as u64));
    for a in &c.answers {
        out.push(format!(
            "  [{}] {}{}{} → {}",
            a.item,
            pick(&a.question, lang),
            colon(lang),
            answer(a.then, lang),
            answer(a.now, lang)
        ));
    }
    out.push(tr::binder_comparison_actions(
        lang,
        c.actions_done.len() as u64,
    ));
    for a in &c.actions_done {
        out.push(format!("  [{}] {}", a.item, pick(&a.question, lang)));
    }
    match &c.register {
        RegisterComparison::NotFrozen => out.push(T::BinderRegisterNotFrozen.get(lang).to_owned()),
        RegisterComparison::Changes(changes) if changes.is_empty() => {
            out.push(T::BinderRegisterSame.get(lang).to_owned());
        }
        RegisterComparison::Changes(changes) => {
            out.push(tr::binder_register_changes(lang, changes.len() as u64));
            for ch in changes {
                let activity = pick(&ch.activity, lang);
                out.push(match &ch.kind {
                    RegisterChangeKind::Added => tr::binder_activity_added(lang, activity),
                    RegisterChangeKind::Removed => tr::binder_activity_removed(lang, activity),
                    RegisterChangeKind::Field { field, then, now } => tr::binder_field_changed(
                        lang,
                        activity,
                        field.label(lang),
                        pick(then, lang),
                        pick(now, lang),
                    ),
                });
            }
        }
    }
    match &c.processors {
        None => out.push(T::BinderProcessorsNotFrozen.get(lang).to_owned()),
        Some(changes) if changes.is_empty() => {
            out.push(T::BinderProcessorsSame.get(lang).to_owned());
        }
        Some(changes) => {
            out.push(tr::binder_processor_changes(lang, changes.len() as u64));
            for ch in changes {
                let what = match ch.kind {
                    ProcessorChangeKind::Added => T::BinderProcessorAdded,
                    ProcessorChangeKind::Removed => T::BinderProcessorRemoved,
                    ProcessorChangeKind::Hds => T::BinderProcessorHds,
                    ProcessorChangeKind::Clauses => T::BinderProcessorClauses,
                    ProcessorChangeKind::Contract => T::BinderProcessorContract,
                    ProcessorChangeKind::Facts => T::BinderProcessorFacts,
                };
                out.push(format!(
                    "  {}{}{}",
                    pick(&ch.processor, lang),
                    colon(lang),
                    what.get(lang)
                ));
            }
        }
    }
    out.iter()
        .map(|l| crate::locale::typeset(l, lang))
        .collect()
}

fn comparison_text(contents: &VaultContents) -> String {
    let c = last_two(contents);
    both(|lang| {
        let mut out = format!("{}\n\n", T::BinderComparisonHeading.get(lang));
        match &c {
            Some(c) => {
                for line in comparison_lines(c, lang) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
            None => out.push_str(T::BinderNoComparison.get(lang)),
        }
        out
    })
}

fn coverage_text(coverage: &RegisterCoverage, lang: Lang) -> String {
    match coverage {
        RegisterCoverage::Signed { by, changed_since } => {
            let mut s = tr::binder_toc_register_signed(
                lang,
                &by.id,
                format_date(crate::i18n::date_of(by.completed_at), lang),
                &by.code,
            );
            if *changed_since {
                s.push('\n');
                s.push_str(T::BinderRegisterChangedSince.get(lang));
            }
            s
        }
        RegisterCoverage::NotSigned => T::BinderRegisterNotSigned.get(lang).to_owned(),
    }
}

/// Every file of the binder for `contents`, its PDFs in `lang`, made at `now`.
pub fn binder_files(
    contents: &VaultContents,
    lang: Lang,
    now: Timestamp,
) -> Result<Binder, RenderError> {
    let n = names_of(lang);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let (source, coverage) = register_source(contents, lang);
    files.push((n.register.to_owned(), register_pdf_of(&source, lang)?));
    files.push((
        n.notice_a4.to_owned(),
        notice_pdf(contents, lang, NoticeFormat::A4)?,
    ));
    files.push((
        n.notice_a5.to_owned(),
        notice_pdf(contents, lang, NoticeFormat::A5)?,
    ));
    let (processors, processors_by, as_of) = processors_source(contents);
    files.push((
        n.processors.to_owned(),
        super::binder::processors_pdf(
            &source.practice,
            &processors,
            processors_by.as_ref(),
            as_of,
            lang,
        )?,
    ));
    for p in &processors {
        let Some(c) = &p.contract else { continue };
        let kept = contents
            .processors
            .entries
            .iter()
            .filter_map(|e| e.contract.as_ref())
            .find(|f| f.sha256 == c.sha256);
        if let Some(f) = kept
            && !files.iter().any(|(name, _)| name.ends_with(&f.sha256))
        {
            files.push((format!("{}/{}", n.contracts, f.sha256), f.content.to_vec()));
        }
    }
    files.push((n.dpia.to_owned(), dpia_text(contents).into_bytes()));
    let last = contents.assessments.last();
    let last_doc = last.and_then(|s| s.parsed().ok());
    if let Some(signed) = last {
        let set = signed.signature_set();
        let previous = contents
            .assessments
            .signed
            .iter()
            .rev()
            .nth(1)
            .map(crate::assessment::SignedAssessment::signature_set);
        let signer = contents
            .assessments
            .doctor_key
            .as_ref()
            .and_then(crate::assessment::DoctorKey::signer);
        let set_files =
            super::signed::export_files(&set, previous.as_ref(), signer.as_ref(), lang)?;
        let set_files =
            super::signed::with_evidence_and_sums(set_files, &set, &contents.checklist.evidence);
        for (name, bytes) in set_files.files {
            files.push((format!("{}/{name}", n.signed), bytes));
        }
    }
    for (name, bytes) in super::breach_export::register_files(contents, now) {
        files.push((format!("{}/{name}", n.breaches), bytes));
    }
    files.push((
        n.scan.to_owned(),
        scan_text(contents, last_doc.as_ref()).into_bytes(),
    ));
    files.push((
        n.checks.to_owned(),
        checks_text(contents, last_doc.as_ref()).into_bytes(),
    ));
    files.push((
        n.comparison.to_owned(),
        comparison_text(contents).into_bytes(),
    ));
    let signed_howto = last.and_then(|s| {
        let doc = s.parsed().ok()?;
        Some((s.id.clone(), doc.signer.principal))
    });
    let howto = both(|l| {
        let mut s = tr::binder_howto(l, n.signed, n.breaches);
        s.push_str("\n\n");
        if let Some((id, principal)) = &signed_howto {
            s.push_str(&tr::binder_howto_signed(l, n.signed, id, principal));
        } else {
            s.push_str(T::BinderHowtoNoSigned.get(l));
        }
        s.push_str("\n\n");
        s.push_str(&coverage_text(&coverage, l));
        s
    });
    files.push((HOWTO.to_owned(), howto.into_bytes()));
    let toc = toc_text(contents, n, &files, &coverage, now);
    files.push((TOC.to_owned(), toc.into_bytes()));
    let files = crate::breach::export::with_sums(files);
    Ok(Binder { files, coverage })
}

/// The table of contents: the practice, when, how the register stands against the signatures, then
/// each file with its SHA-256 (the parts' subfolders file by file).
fn toc_text(
    contents: &VaultContents,
    n: &Names,
    files: &[(String, Vec<u8>)],
    coverage: &RegisterCoverage,
    now: Timestamp,
) -> String {
    both(|lang| {
        let mut out = format!(
            "{}\n{}\n{}\n\n{}\n\n",
            T::BinderTocTitle.get(lang),
            contents.practice.name,
            tr::binder_toc_made(lang, format_datetime(now, lang), env!("CARGO_PKG_VERSION")),
            coverage_text(coverage, lang),
        );
        for (part, what) in [
            (n.register, T::BinderTocRegister),
            (n.notice_a4, T::BinderTocNoticeA4),
            (n.notice_a5, T::BinderTocNoticeA5),
            (n.processors, T::BinderTocProcessors),
            (n.contracts, T::BinderTocContracts),
            (n.dpia, T::BinderTocDpia),
            (n.signed, T::BinderTocSigned),
            (n.breaches, T::BinderTocBreaches),
            (n.scan, T::BinderTocScan),
            (n.checks, T::BinderTocChecks),
            (n.comparison, T::BinderTocComparison),
        ] {
            let inside: Vec<&(String, Vec<u8>)> = files
                .iter()
                .filter(|(name, _)| {
                    name == part
                        || name
                            .strip_prefix(part)
                            .is_some_and(|rest| rest.starts_with('/'))
                })
                .collect();
            let _ = writeln!(out, "{part} — {}", what.get(lang));
            if inside.is_empty() {
                let _ = writeln!(out, "    {}", T::BinderTocAbsent.get(lang));
            }
            for (name, bytes) in inside {
                let _ = writeln!(out, "    {}  {name}", crate::digest::sha256_hex(bytes));
            }
        }
        let _ = write!(
            out,
            "{HOWTO} — {}\n    {}  {HOWTO}\n",
            T::BinderTocHowto.get(lang),
            files
                .iter()
                .find(|(n, _)| n == HOWTO)
                .map_or_else(String::new, |(_, b)| crate::digest::sha256_hex(b))
        );
        let _ = writeln!(
            out,
            "{} — {}",
            crate::digest::SUMS_FILE,
            T::BinderTocSums.get(lang)
        );
        out
    })
}

/// Why the binder's folder was not written.
#[derive(Debug, thiserror::Error)]
pub enum BinderWriteError {
    /// The target exists and is not an empty folder.
    #[error("{0} exists and is not an empty folder")]
    NotEmpty(PathBuf),
    /// A step failed; nothing is left at the target.
    #[error(transparent)]
    Fs(#[from] crate::fs::FsError),
}

/// Writes the binder into `dir`, whole or not at all: into a fresh temporary folder beside it, each
/// file flushed, then renamed to `dir`. `dir` must not exist, or be an empty folder. Returns the
/// paths written.
pub fn write_binder(
    dir: &Path,
    files: &[(String, Vec<u8>)],
) -> Result<Vec<PathBuf>, BinderWriteError> {
    crate::io_guard::check("writing the inspection binder");
    if dir.exists() {
        let empty = dir.is_dir()
            && std::fs::read_dir(dir)
                .map_err(|e| crate::fs::FsError::io("reading", dir, e))?
                .next()
                .is_none();
        if !empty {
            return Err(BinderWriteError::NotEmpty(dir.to_path_buf()));
        }
    }
    let temp = crate::fs::temp_path(dir)?;
    let result = (|| {
        std::fs::create_dir_all(&temp).map_err(|e| crate::fs::FsError::io("creating", dir, e))?;
        for (name, bytes) in files {
            let path = temp.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| crate::fs::FsError::io("creating", dir, e))?;
            }
            crate::fs::write_atomic(&path, bytes)?;
        }
        if dir.exists() {
            // The empty folder the user chose: replaced by the complete one.
            std::fs::remove_dir(dir).map_err(|e| crate::fs::FsError::io("replacing", dir, e))?;
        }
        std::fs::rename(&temp, dir).map_err(|e| crate::fs::FsError::io("renaming", dir, e))?;
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = crate::fs::sync_dir(parent);
        }
        Ok::<_, crate::fs::FsError>(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&temp);
        return Err(e.into());
    }
    Ok(files.iter().map(|(name, _)| dir.join(name)).collect())
}
