//! The headless command line (clap). Thin: each subcommand calls the domain and prints the result in the
//! user's language. Errors come back as one localized line for `main` to print (exit status 2).

use std::io::{IsTerminal as _, Write};
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use clap::{Parser, Subcommand};
use zeroize::Zeroizing;

use crate::i18n::{Lang, Localize as _, T, tr};
use crate::practice::{PracticeName, Profile};
use crate::practice_file::{PracticeFile, VaultContents};
use crate::vault::{self, NewPassphrase, RecoveryCode, Unlock};

mod archive;
mod boxes; // the Internet box's rules (issue 34)
mod breach_assess; // The helper on a facts file
mod breach_export; // The export anyone can check
mod register_check; // A register export against a signed head
mod signed;
mod system;

pub use archive::ARCHIVE_PASSPHRASE_ENV;

/// Environment variable holding the passphrase (never an argument: arguments are visible to other users).
pub const PASSPHRASE_ENV: &str = "VIGIE_PASSPHRASE";
/// Environment variable holding the new passphrase for `vault passwd`.
pub const NEW_PASSPHRASE_ENV: &str = "VIGIE_NEW_PASSPHRASE";
/// Environment variable holding the recovery code for `vault passwd --recovery`.
pub const RECOVERY_CODE_ENV: &str = "VIGIE_RECOVERY_CODE";

/// Vigie: security checklist, scanner, breach register and signed self-assessment for medical practices.
#[derive(Debug, Parser)]
#[command(name = "vigie", version, about, long_about = None)]
pub struct Cli {
    /// Folder where Vigie keeps its data (default: the VIGIE_DATA_DIR environment variable, else the
    /// system's application-data folder).
    // The variable is read by `paths::DataDir::resolve`, not by clap, so that the settings can say
    // truly which of the two placed it. (A `///` comment here is the user's help: no developer notes.)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of messages: fr or en (default: the system's, else French).
    #[arg(long, global = true, value_name = "fr|en")]
    pub lang: Option<Lang>,
    /// What to do; without a command, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a demo practice vault (a fictional radiology practice). Passphrase: VIGIE_PASSPHRASE or prompt.
    Demo {
        /// The vault file to create (never overwritten).
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
    },
    /// Create, check or re-key a practice vault.
    #[command(subcommand)]
    Vault(VaultCommand),
    /// Sign, countersign and list signed self-assessments.
    #[command(subcommand)]
    Assessment(AssessmentCommand),
    /// Check a signed self-assessment (a .vigie-assessment file, or a document or PDF with its .sig
    /// files and allowed_signers beside it). Exit status 0 when every signature is valid, 2 otherwise.
    Verify {
        /// The file to check.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The fingerprint the signing key must have (the doctor's, from the recovery sheet or an
        /// earlier report): another key is refused. Repeatable.
        #[arg(long = "expect-fingerprint", value_name = "SHA256:…")]
        expect_fingerprint: Vec<String>,
        /// With a signed self-assessment (document or bundle): FILE is a breach register export
        /// folder, and the check says whether the register still extends the head the assessment
        /// signed (exit status 2 when events were cut off or rewritten since).
        #[arg(long, value_name = "SIGNED_ASSESSMENT")]
        assessment: Option<PathBuf>,
        /// With a head countersigned alone (head-countersignature-….json, its .sig beside it): FILE is a
        /// breach register export folder, checked against that head.
        #[arg(long, value_name = "STATEMENT", conflicts_with = "assessment")]
        countersigned_head: Option<PathBuf>,
    },
    /// Find unencrypted medical images (DICOM by content, in zip and gzip too) and image exports.
    /// Exit status 1 when a finding reaches --fail-on.
    Scan {
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ScanFormat,
        /// Files read at once, 1 to 256 (default 32: the disk, not the cores, sets the pace).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
        threads: Option<u16>,
        /// Follow symbolic links (loops are detected).
        #[arg(long)]
        follow_symlinks: bool,
        /// Exit with status 1 when a finding is at this risk or above.
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Files or folders to scan.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Export a PDF document from a vault, or (--kind signed-assessment) the signed assessment's files
    /// into a folder. Passphrase: VIGIE_PASSPHRASE or prompt.
    Export {
        /// The vault file.
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
        /// Which document.
        #[arg(long, value_enum)]
        kind: ExportKind,
        /// The PDF to write. An existing PDF is replaced (atomically); any other file only with
        /// --force; a vault, a folder or a device never. The folder must exist. For
        /// signed-assessment: the folder to write the files into (created if missing). For reminders:
        /// the .ics file (an existing file replaced only with --force).
        #[arg(long, value_name = "FILE.pdf|DIR")]
        out: PathBuf,
        /// For signed-assessment: which one (its id); the last one by default.
        #[arg(long, value_name = "ID")]
        assessment: Option<String>,
        /// Replace an existing file that is not a PDF.
        #[arg(long)]
        force: bool,
        /// The breach (its number, see `vigie breach list`), for --kind notification|patient-letter.
        #[arg(long, value_name = "ID")]
        breach: Option<u32>,
        /// The processor (its number in the processors' list, from 1), for --kind processor-letter.
        #[arg(long, value_name = "N")]
        processor: Option<usize>,
        /// For --kind scan: list every file by its full path, for use within the practice ("liste
        /// complète (usage interne)", a warning on every page). By default the report names no file
        /// and no sub-folder: their names are often those of patients.
        #[arg(long)]
        full_list: bool,
    },
    /// The breach register: list the breaches, show one, or verify the chain (exit status 2 on a
    /// break). Passphrase: VIGIE_PASSPHRASE or prompt.
    #[command(subcommand)]
    Breach(BreachCommand),
    /// Encrypted archives in the age format: encrypt files into a verified archive, restore, list,
    /// verify, and write the practice's archive key.
    #[command(subcommand)]
    Archive(archive::ArchiveCommand),
    /// Check this PC: disk encryption, firewall, antivirus, updates, screen lock, administrator use,
    /// programs listening on the network, Orthanc's configuration, remote-maintenance tools, cloud
    /// folders; with --probe-network, whether the imaging servers answer anyone; with --box, the
    /// Internet box's own rules instead.
    SystemCheck(system::SystemCheckArgs),
    /// Read the Internet router's own rules (port forwards, DMZ, IPv6 firewall, UPnP, remote access) from
    /// its local API and say what they mean; nothing is changed on the router. Password (Livebox, Bbox):
    /// VIGIE_BOX_PASSWORD or prompt, never kept. Also `vigie system-check --box`.
    BoxCheck(boxes::BoxCheckArgs),
}

/// `vigie breach …`
#[derive(Debug, Subcommand)]
pub enum BreachCommand {
    /// Every breach: number, status, title, the 72-hour clock.
    List {
        /// The vault file.
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: BreachFormat,
    },
    /// One breach: its facts, decisions, notifications, files and history.
    Show {
        /// The breach's number.
        id: u32,
        /// The vault file.
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: BreachFormat,
    },
    /// Verify the register's hash chain and attached files; exit status 2 on a break.
    Verify {
        /// The vault file.
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
    },
    /// The consultant countersigns the register's head alone (a visit between two assessments), from
    /// the practice's register export: checks it, then writes head-countersignature-<principal>.json
    /// and its .sig into the folder.
    CountersignHead {
        /// The register export folder (`vigie export --kind breach-register`).
        #[arg(value_name = "FOLDER")]
        folder: PathBuf,
        /// The consultant's key file.
        #[arg(long, value_name = "KEY")]
        key: PathBuf,
        /// The doctor's key fingerprint as the consultant knows it: a head signed by another key is
        /// refused. Repeatable.
        #[arg(long = "expect-fingerprint", value_name = "SHA256:…")]
        expect_fingerprint: Vec<String>,
    },
    /// The decision helper on a facts file, without a vault (docs/breach-assess.md): notify the CNIL?
    /// inform the patients? each with its reasons; --template prints a facts file, every field unknown.
    Assess(breach_assess::AssessArgs),
}

/// Output formats of `vigie breach list|show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BreachFormat {
    /// Readable text, in the user's language.
    Text,
    /// One JSON document.
    Json,
}

/// Output formats of `vigie scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScanFormat {
    /// Readable text, in the user's language.
    Text,
    /// One JSON document.
    Json,
    /// CSV, one line per finding (`,`, UTF-8).
    Csv,
    /// CSV for Excel in French: `;` between cells, UTF-8 with a byte-order mark, CRLF line ends.
    CsvExcel,
}

/// The risk level that makes `vigie scan` exit with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Any high-risk finding.
    High,
    /// Any medium- or high-risk finding.
    Medium,
}

/// The documents `vigie export` produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportKind {
    /// The self-assessment report: summary, answers by theme, action plan.
    Assessment,
    /// The action plan alone.
    ActionPlan,
    /// The last folder scan recorded in the vault.
    Scan,
    /// A signed self-assessment's files: the document, its signatures, allowed_signers, the signed
    /// report PDF, HOW-TO-VERIFY.txt and the .vigie-assessment bundle.
    SignedAssessment,
    /// The breach register: a table of every breach, a page each, the chain's head.
    Breaches,
    /// The breach register as files anyone can check without Vigie (--out FOLDER): events.jsonl with
    /// the exact hashed bytes, head.txt and its signature, the attached files, SHA256SUMS,
    /// HOW-TO-VERIFY.txt (docs/breach-register-format.md).
    BreachRegister,
    /// The draft notification to the CNIL for one breach (--breach ID), in the online form's order.
    Notification,
    /// The letter to the patients for one breach (--breach ID).
    PatientLetter,
    /// The record of processing activities (GDPR art. 30) with the statement on the impact assessment.
    Register,
    /// The patients' information notice, one A4 page (a poster for the waiting room).
    Notice,
    /// The patients' information notice, one A5 page (a leaflet).
    NoticeA5,
    /// The inspection binder (--out FOLDER, new or empty): the record of processing activities frozen
    /// in the last signed assessment, the notice, the DPIA statement, the signed assessment as signed,
    /// the breach register's export, the scan and PC-check summaries, the year-on-year comparison,
    /// TOC.txt, SHA256SUMS and HOW-TO-VERIFY.txt (docs/binder.md).
    Binder,
    /// The processors (GDPR art. 28): what each processes, its HDS certificate, its contract and the
    /// contract's clauses as ticked.
    Processors,
    /// The letter asking one processor (--processor N, its number in the processors' list) for the
    /// clauses and HDS facts that are missing.
    ProcessorLetter,
    /// The reminders (yearly assessment, HDS certificates, restore test, late actions, breach
    /// clocks) as an iCalendar file (--out FILE.ics), for any calendar program.
    Reminders,
}

impl ExportKind {
    /// The PDF this kind names; `None` for the signed assessment's set of files (not one PDF), and
    /// for a breach's document without the breach.
    pub fn document(
        self,
        detail: crate::report::scan::Detail,
        breach: Option<crate::breach::BreachId>,
    ) -> Option<crate::report::Document<'static>> {
        use crate::report::Document;
        Some(match self {
            Self::Assessment => Document::Assessment,
            Self::ActionPlan => Document::ActionPlan,
            Self::Scan => Document::Scan(detail),
            Self::SignedAssessment
            | Self::BreachRegister
            | Self::Binder
            | Self::ProcessorLetter
            | Self::Reminders => return None,
            Self::Breaches => Document::BreachRegister,
            Self::Notification => Document::BreachNotification(breach?),
            Self::PatientLetter => Document::PatientLetter(breach?),
            Self::Register => Document::ProcessingRegister,
            Self::Notice => Document::PatientNotice(crate::report::binder::NoticeFormat::A4),
            Self::NoticeA5 => Document::PatientNotice(crate::report::binder::NoticeFormat::A5),
            Self::Processors => Document::Processors,
        })
    }
}

/// Environment variable holding the passphrase of a consultant's key file.
pub const KEY_PASSPHRASE_ENV: &str = "VIGIE_KEY_PASSPHRASE";

/// `vigie assessment …`
#[derive(Debug, Subcommand)]
pub enum AssessmentCommand {
    /// Complete the current assessment and sign it as the practitioner (the key is kept in the vault).
    Sign {
        /// The vault file.
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
    },
    /// List the signed assessments of a vault.
    List {
        /// The vault file.
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
    },
    /// Create a consultant's signing key file. Passphrase: VIGIE_KEY_PASSPHRASE or prompt.
    NewKey {
        /// The key file to create (never overwritten), e.g. jean-martin.vigie-key.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The consultant's full name.
        #[arg(long, value_name = "NAME")]
        name: String,
        /// Their organisation.
        #[arg(long, value_name = "ORG", default_value = "")]
        organisation: String,
    },
    /// Countersign with a consultant's key file: a .vigie-assessment file received (written to --out),
    /// or, on the practice's PC, the vault's last signed assessment (--vault). Key passphrase:
    /// VIGIE_KEY_PASSPHRASE or prompt; with --vault, the vault's passphrase too (VIGIE_PASSPHRASE).
    Countersign {
        /// The .vigie-assessment file received.
        #[arg(
            value_name = "FILE",
            required_unless_present = "vault",
            conflicts_with = "vault"
        )]
        bundle: Option<PathBuf>,
        /// The practice's vault, to countersign on its PC.
        #[arg(long, value_name = "FILE")]
        vault: Option<PathBuf>,
        /// The consultant's key file.
        #[arg(long, value_name = "KEY")]
        key: PathBuf,
        /// With a file received: the countersigned file to write (a new file, or the same one).
        #[arg(long, value_name = "FILE", required_unless_present = "vault")]
        out: Option<PathBuf>,
        /// The doctor's key fingerprint as the consultant knows it (the recovery sheet, an earlier
        /// report): a document signed by another key is refused.
        #[arg(long = "expect-fingerprint", value_name = "SHA256:…")]
        expect_fingerprint: Vec<String>,
        /// Accept a practice's doctor key that differs from the one pinned in the key file at the
        /// first countersignature, for this reason (kept in the key file and signed in the statement).
        #[arg(long = "accept-key-change", value_name = "REASON")]
        accept_key_change: Option<String>,
    },
    /// Bring the countersignatures of a .vigie-assessment file back into the vault.
    Import {
        /// The vault file.
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
        /// The countersigned .vigie-assessment file.
        #[arg(value_name = "FILE")]
        bundle: PathBuf,
    },
}

/// `vigie vault …`
#[derive(Debug, Subcommand)]
pub enum VaultCommand {
    /// Create a new vault for a practice. Passphrase: VIGIE_PASSPHRASE or prompt. Prints the recovery code.
    Init {
        /// The vault file to create (never overwritten).
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
        /// The practice's name.
        #[arg(long, value_name = "NAME")]
        practice: String,
    },
    /// Open the vault, verify its integrity and print a summary.
    Check {
        /// The vault file.
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
    },
    /// Change the passphrase (atomic; the recovery code stays valid).
    /// Current: VIGIE_PASSPHRASE (or VIGIE_RECOVERY_CODE with --recovery); new: VIGIE_NEW_PASSPHRASE; or prompts.
    Passwd {
        /// The vault file.
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
        /// Unlock with the recovery code instead of the current passphrase (forgotten passphrase).
        #[arg(long)]
        recovery: bool,
    },
}

/// Runs a subcommand, printing to `out`. The error is already in the user's language. Its outcome goes
/// to the diagnostic log (the command's name and a category: nothing of its arguments).
pub fn run(command: Command, lang: Lang, out: &mut dyn Write) -> Result<()> {
    use crate::diag::{ErrorCategory, Event, Outcome};
    let name = command_name(&command);
    let result = dispatch(command, lang, out);
    let outcome = match &result {
        Ok(()) => Outcome::Ok,
        Err(e) if e.is::<FindingsAtFailLevel>() => Outcome::Flagged,
        Err(e) => Outcome::Failed(ErrorCategory::of(e.as_ref())),
    };
    crate::diag::event(Event::CommandDone {
        command: name,
        outcome,
    });
    result
}

/// A subcommand's name for the diagnostic log.
fn command_name(command: &Command) -> &'static str {
    use archive::ArchiveCommand as A;
    match command {
        Command::Demo { .. } => "demo",
        Command::Vault(VaultCommand::Init { .. }) => "vault init",
        Command::Vault(VaultCommand::Check { .. }) => "vault check",
        Command::Vault(VaultCommand::Passwd { .. }) => "vault passwd",
        Command::Assessment(AssessmentCommand::Sign { .. }) => "assessment sign",
        Command::Assessment(AssessmentCommand::List { .. }) => "assessment list",
        Command::Assessment(AssessmentCommand::NewKey { .. }) => "assessment new-key",
        Command::Assessment(AssessmentCommand::Countersign { .. }) => "assessment countersign",
        Command::Assessment(AssessmentCommand::Import { .. }) => "assessment import",
        Command::Verify { .. } => "verify",
        Command::Scan { .. } => "scan",
        Command::Export { kind, .. } => match kind {
            ExportKind::Assessment => "export assessment",
            ExportKind::ActionPlan => "export action-plan",
            ExportKind::Scan => "export scan",
            ExportKind::SignedAssessment => "export signed-assessment",
            ExportKind::Breaches => "export breaches",
            ExportKind::BreachRegister => "export breach-register",
            ExportKind::Notification => "export notification",
            ExportKind::PatientLetter => "export patient-letter",
            ExportKind::Register => "export register",
            ExportKind::Notice => "export notice",
            ExportKind::NoticeA5 => "export notice-a5",
            ExportKind::Binder => "export binder",
            ExportKind::Processors => "export processors",
            ExportKind::ProcessorLetter => "export processor-letter",
            ExportKind::Reminders => "export reminders",
        },
        Command::Breach(BreachCommand::List { .. }) => "breach list",
        Command::Breach(BreachCommand::Show { .. }) => "breach show",
        Command::Breach(BreachCommand::Verify { .. }) => "breach verify",
        Command::Breach(BreachCommand::Assess(_)) => "breach assess",
        Command::Breach(BreachCommand::CountersignHead { .. }) => "breach countersign-head",
        Command::Archive(A::Encrypt { .. }) => "archive encrypt",
        Command::Archive(A::Decrypt { .. }) => "archive decrypt",
        Command::Archive(A::List { .. }) => "archive list",
        Command::Archive(A::Verify { .. }) => "archive verify",
        Command::Archive(A::Key { .. }) => "archive key",
        Command::SystemCheck(_) => "system-check",
        Command::BoxCheck(_) => "box-check",
    }
}

fn dispatch(command: Command, lang: Lang, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Demo { vault } => demo(&vault, lang, out),
        Command::Vault(VaultCommand::Init { vault, practice }) => {
            init(&vault, &practice, lang, out)
        }
        Command::Vault(VaultCommand::Check { vault }) => check(&vault, lang, out),
        Command::Vault(VaultCommand::Passwd { vault, recovery }) => {
            passwd(&vault, recovery, lang, out)
        }
        Command::Export {
            vault,
            kind: ExportKind::SignedAssessment,
            out: dir,
            assessment,
            ..
        } => crate::cli::signed::export(&vault, assessment.as_deref(), &dir, lang, out),
        Command::Export {
            vault,
            kind: ExportKind::BreachRegister,
            out: dir,
            ..
        } => breach_export::export(&vault, &dir, lang, out),
        Command::Export {
            vault,
            kind: ExportKind::Binder,
            out: dir,
            ..
        } => breach_export::export_binder(&vault, &dir, lang, out),
        Command::Export {
            vault,
            kind: ExportKind::ProcessorLetter,
            out: pdf,
            force,
            processor,
            ..
        } => processor_letter(&vault, processor, &pdf, force, lang, out),
        Command::Export {
            vault,
            kind: ExportKind::Reminders,
            out: ics,
            force,
            ..
        } => reminders(&vault, &ics, force, lang, out),
        Command::Export {
            vault,
            kind,
            out: pdf,
            force,
            breach,
            full_list,
            ..
        } => {
            let detail = if full_list {
                crate::report::scan::Detail::FullList
            } else {
                crate::report::scan::Detail::Folders
            };
            export(&vault, (kind, detail), breach, &pdf, force, lang, out)
        }
        Command::Verify {
            file,
            expect_fingerprint,
            assessment: Some(assessment),
            ..
        } => register_check::verify(&file, &assessment, &expect_fingerprint, lang, out),
        Command::Verify {
            file,
            countersigned_head: Some(statement),
            ..
        } => register_check::verify_countersigned(&file, &statement, lang, out),
        Command::Verify {
            file,
            expect_fingerprint,
            ..
        } => signed::verify(&file, &expect_fingerprint, lang, out),
        Command::Assessment(command) => signed::run(command, lang, out),
        Command::Breach(command) => breach(&command, lang, out),
        Command::Archive(command) => archive::run(command, lang, out),
        Command::SystemCheck(args) => system::run(&args, lang, out),
        Command::BoxCheck(args) => boxes::run(&args, lang, out),
        Command::Scan {
            format,
            threads,
            follow_symlinks,
            fail_on,
            paths,
        } => {
            let options = crate::scan::ScanOptions {
                threads: threads
                    .map_or_else(|| crate::scan::ScanOptions::default().threads, usize::from),
                follow_symlinks,
                ..crate::scan::ScanOptions::default()
            };
            scan(&paths, &options, format, fail_on, lang, out)
        }
    }
}

/// The language of messages before the command line is parsed (for its own errors): `--lang` if given,
/// else the settings of the data folder (`--data-dir` or the environment), else the system's.
pub fn early_lang(args: &[std::ffi::OsString]) -> Lang {
    let mut lang = None;
    let mut data_dir = None;
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if let Some(v) = arg.strip_prefix("--lang=") {
            lang = v.parse().ok();
        } else if arg == "--lang" {
            lang = iter.next().and_then(|v| v.parse().ok());
        } else if let Some(v) = arg.strip_prefix("--data-dir=") {
            data_dir = Some(PathBuf::from(v));
        } else if arg == "--data-dir" {
            data_dir = iter.next().map(|v| PathBuf::from(v.as_ref()));
        }
    }
    lang.unwrap_or_else(|| {
        let dir = crate::paths::DataDir::resolve(data_dir);
        crate::settings::Settings::load(&dir.settings_file()).effective_language()
    })
}

/// A command-line usage error as one line in the user's language, with the way to the help.
pub fn usage_error(e: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind, ErrorKind};
    let context = |k| e.get(k).map(ToString::to_string).unwrap_or_default();
    let problem = match e.kind() {
        ErrorKind::UnknownArgument => {
            tr::usage_unknown_argument(lang, context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidSubcommand => {
            tr::usage_unknown_command(lang, context(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => tr::usage_invalid_value(
            lang,
            context(ContextKind::InvalidArg),
            context(ContextKind::InvalidValue),
        ),
        ErrorKind::MissingRequiredArgument => {
            tr::usage_missing(lang, context(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            T::UsageMissingCommand.get(lang).to_owned()
        }
        _ => T::UsageOther.get(lang).to_owned(),
    };
    // One line, whatever clap's context held.
    let problem = problem.split_whitespace().collect::<Vec<_>>().join(" ");
    tr::err_usage(lang, &problem)
}

/// Whether an error is the output having been closed (`vigie scan … | head`): the command stops
/// quietly, as other command-line tools do.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Findings as the reading threads deliver them, in blocks of a fixed size: a single growing vector
/// would copy them all at each doubling and, while it does, hold three times their size. A scan of an
/// imaging server's storage finds hundreds of thousands of files (issue 20: under 100 MB for a million).
#[derive(Default)]
struct Blocks {
    full: Vec<Vec<crate::scan::Finding>>,
    last: Vec<crate::scan::Finding>,
}

/// Findings per block: 4,096 of about a hundred bytes each.
const BLOCK: usize = 4096;

impl Blocks {
    fn push(&mut self, finding: crate::scan::Finding) {
        if self.last.len() == BLOCK {
            self.full.push(std::mem::take(&mut self.last));
        }
        if self.last.capacity() == 0 {
            self.last.reserve_exact(BLOCK);
        }
        self.last.push(finding);
    }

    /// References to all of them, in the order they came (eight bytes each: the findings are not moved
    /// or copied).
    fn all(&self) -> Vec<&crate::scan::Finding> {
        let total = self.full.iter().map(Vec::len).sum::<usize>() + self.last.len();
        let mut all = Vec::with_capacity(total);
        all.extend(self.full.iter().flatten());
        all.extend(&self.last);
        all
    }
}

/// Findings at or above `--fail-on`: the command line exits with status 1 (see `main`).
#[derive(Debug, thiserror::Error)]
#[error("findings at or above the --fail-on level")]
pub struct FindingsAtFailLevel;

fn scan(
    paths: &[PathBuf],
    options: &crate::scan::ScanOptions,
    format: ScanFormat,
    fail_on: Option<FailOn>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::present::scan as output;
    use crate::scan::{Event, Risk};
    for p in paths {
        if std::fs::symlink_metadata(p).is_err() {
            return Err(anyhow!(tr::err_no_such_path(lang, p.display().to_string())));
        }
    }
    let errors = std::sync::Mutex::new(Vec::new());
    let cancel = std::sync::atomic::AtomicBool::new(false);
    // The findings are gathered by a thread of their own, which copies each path into memory it
    // allocated: the reading threads' allocator arenas then hold only their passing work, not pieces
    // of the result scattered between it (a million files, 16 readers: issue 20).
    let (summary, blocks) = std::thread::scope(|s| {
        let (send, receive) = std::sync::mpsc::channel::<crate::scan::Finding>();
        let collector = s.spawn(move || {
            let mut blocks = Blocks::default();
            // It looks for new findings every millisecond rather than waiting on the channel: a
            // waiting receiver is woken by each finding sent, a system call and a switch of threads
            // each time (45,000 futex calls for 31,000 findings: issue 20); one that does not wait
            // costs the senders nothing.
            loop {
                match receive.try_recv() {
                    Ok(mut f) => {
                        f.path = f.path.as_os_str().to_owned().into();
                        blocks.push(f);
                    }
                    Err(std::sync::mpsc::TryRecvError::Empty) => {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    Err(std::sync::mpsc::TryRecvError::Disconnected) => break,
                }
            }
            blocks
        });
        let summary = crate::scan::scan(paths, options, &cancel, &|event| match event {
            Event::Finding(f) => {
                // The collector only stops once every sender is gone: it is still there.
                let _ = send.send(f);
            }
            Event::Error(e) => {
                if let Ok(mut v) = errors.lock() {
                    v.push(e);
                }
            }
            Event::Progress { .. } => {}
        });
        drop(send);
        let blocks = collector
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (summary, blocks)
    });
    let mut errors = errors.into_inner().unwrap_or_default();
    // The findings stay where they are; their references are sorted. A path found twice, under two
    // roots, is the same finding twice: no order to keep among equals, and the unstable sort needs no
    // buffer of its own.
    let mut findings = blocks.all();
    findings.sort_unstable_by(|a, b| crate::scan::path_order(&a.path, &b.path));
    errors.sort_by(|a, b| crate::scan::path_order(&a.path, &b.path));
    // Thousands of small writes: buffered, then flushed once.
    let mut buffered = std::io::BufWriter::new(out);
    match format {
        ScanFormat::Text => output::text(&mut buffered, lang, &summary, &findings, &errors)?,
        ScanFormat::Json => output::json(&mut buffered, &summary, &findings, &errors)?,
        ScanFormat::Csv => output::csv(&mut buffered, &findings, output::CsvDialect::Standard)?,
        ScanFormat::CsvExcel => output::csv(&mut buffered, &findings, output::CsvDialect::ExcelFr)?,
    }
    buffered.flush()?;
    drop(buffered);
    let threshold = match fail_on {
        Some(FailOn::High) => Some(Risk::High),
        Some(FailOn::Medium) => Some(Risk::Medium),
        None => None,
    };
    if threshold.is_some_and(|t| findings.iter().any(|f| f.risk >= t)) {
        return Err(FindingsAtFailLevel.into());
    }
    Ok(())
}

pub(crate) fn open_with_env_passphrase(path: &Path, lang: Lang) -> Result<PracticeFile> {
    vault::inspect(path).map_err(localized(lang))?;
    let passphrase = secret(PASSPHRASE_ENV, T::CliPromptPassphrase, lang)?;
    PracticeFile::open(path, Unlock::Passphrase(&passphrase)).map_err(localized(lang))
}

fn export(
    path: &Path,
    (kind, detail): (ExportKind, crate::report::scan::Detail),
    breach: Option<u32>,
    pdf: &Path,
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::output::{self, OutputKind};
    let breach = breach.map(crate::breach::BreachId);
    let Some(document) = kind.document(detail, breach) else {
        // Notification and patient letter without --breach (the signed set is handled before).
        return Err(anyhow!(tr::err_usage(
            lang,
            T::ErrBreachIdMissing.get(lang)
        )));
    };
    // The target first: a wrong --out is refused before the passphrase is asked or anything is read.
    output::check(pdf, OutputKind::Pdf, force).map_err(|e| anyhow!(e.localize(lang)))?;
    let v = open_with_env_passphrase(path, lang)?;
    // A breach named must exist, whatever the document: `--kind breaches --breach 99` is refused,
    // not answered with the whole register.
    if let Some(id) = breach
        && v.contents().breaches.breach(id).is_none()
    {
        return Err(anyhow!(
            crate::report::RenderError::NoSuchBreach(id).localize(lang)
        ));
    }
    let bytes = document
        .render(Some(v.contents()), lang)
        .map_err(|e| anyhow!(e.localize(lang)))?;
    output::write(pdf, &bytes, OutputKind::Pdf, force).map_err(|e| anyhow!(e.localize(lang)))?;
    writeln!(out, "{}", tr::cli_exported(lang, pdf.display().to_string()))?;
    Ok(())
}

/// `vigie export --kind processor-letter --processor N`: the letter to the Nth processor.
fn processor_letter(
    path: &Path,
    processor: Option<usize>,
    pdf: &Path,
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::output::{self, OutputKind};
    let Some(n) = processor else {
        return Err(anyhow!(tr::err_usage(
            lang,
            T::ErrProcessorNumberMissing.get(lang)
        )));
    };
    output::check(pdf, OutputKind::Pdf, force).map_err(|e| anyhow!(e.localize(lang)))?;
    let v = open_with_env_passphrase(path, lang)?;
    let bytes = crate::report::Document::ProcessorLetter(n)
        .render(Some(v.contents()), lang)
        .map_err(|e| anyhow!(e.localize(lang)))?;
    output::write(pdf, &bytes, OutputKind::Pdf, force).map_err(|e| anyhow!(e.localize(lang)))?;
    writeln!(out, "{}", tr::cli_exported(lang, pdf.display().to_string()))?;
    Ok(())
}

/// `vigie export --kind reminders --out FILE.ics`: the reminders as an iCalendar file.
fn reminders(path: &Path, ics: &Path, force: bool, lang: Lang, out: &mut dyn Write) -> Result<()> {
    use crate::output::{self, OutputKind};
    output::check(ics, OutputKind::Other, force).map_err(|e| anyhow!(e.localize(lang)))?;
    let v = open_with_env_passphrase(path, lang)?;
    let now = jiff::Timestamp::now();
    let list = crate::reminders::reminders(v.contents(), now);
    let bytes = crate::present::reminders::ics(&list, now, v.contents().created_at, lang);
    output::write(ics, bytes.as_bytes(), OutputKind::Other, force)
        .map_err(|e| anyhow!(e.localize(lang)))?;
    writeln!(
        out,
        "{}",
        tr::cli_ics_written(lang, ics.display().to_string(), list.len())
    )?;
    Ok(())
}

pub(crate) fn localized(lang: Lang) -> impl Fn(vault::VaultError) -> anyhow::Error {
    // The words for the user, and the kind of error for the diagnostic log (never its words).
    move |e| {
        anyhow::Error::new(crate::diag::Described::new(
            e.localize(lang),
            crate::diag::ErrorCategory::of_vault(&e),
        ))
    }
}

/// A secret from an environment variable, else a hidden prompt on the terminal.
pub(crate) fn secret(var: &str, prompt: T, lang: Lang) -> Result<Zeroizing<String>> {
    if let Some(value) = std::env::var_os(var).filter(|v| !v.is_empty()) {
        return value
            .into_string()
            .map(Zeroizing::new)
            // The error holds the secret itself: it is dropped, never shown.
            .map_err(|_secret| anyhow!("{var}: not valid Unicode"));
    }
    if !std::io::stdin().is_terminal() {
        return Err(anyhow!(tr::cli_no_terminal(lang, var)));
    }
    Ok(Zeroizing::new(rpassword::prompt_password(
        prompt.get(lang),
    )?))
}

/// A new passphrase from `var`, else typed twice; checked against the policy.
pub(crate) fn new_passphrase(var: &str, lang: Lang, context: &[&str]) -> Result<NewPassphrase> {
    let first = secret(var, T::CliPromptNew, lang)?;
    let confirmation = if std::env::var_os(var).is_some_and(|v| !v.is_empty()) {
        first.clone()
    } else {
        Zeroizing::new(rpassword::prompt_password(T::CliPromptConfirm.get(lang))?)
    };
    NewPassphrase::parse(&first, &confirmation, context).map_err(|p| anyhow!(p.localize(lang)))
}

pub(crate) fn print_recovery(code: &RecoveryCode, lang: Lang, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{}", T::CliRecoveryCode.get(lang))?;
    writeln!(out, "    {}", code.to_text().as_str())?;
    Ok(())
}

/// Creates the vault's folder if it is missing, and says so on `out`.
fn ensure_parent(path: &Path, lang: Lang, out: &mut dyn Write) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        std::fs::create_dir_all(dir).map_err(|e| anyhow!(crate::i18n::io_error(lang, dir, &e)))?;
        writeln!(
            out,
            "{}",
            tr::cli_folder_created(lang, dir.display().to_string())
        )?;
    }
    Ok(())
}

pub(crate) fn refuse_existing(path: &Path, lang: Lang) -> Result<()> {
    if path.exists() {
        return Err(localized(lang)(vault::VaultError::AlreadyExists(
            path.to_path_buf(),
        )));
    }
    Ok(())
}

fn demo(path: &Path, lang: Lang, out: &mut dyn Write) -> Result<()> {
    refuse_existing(path, lang)?;
    let passphrase = new_passphrase(PASSPHRASE_ENV, lang, &[])?;
    let (_, code) = crate::demo::create_demo(path, &passphrase).map_err(localized(lang))?;
    writeln!(
        out,
        "{}",
        tr::cli_demo_created(lang, path.display().to_string())
    )?;
    print_recovery(&code, lang, out)
}

fn init(path: &Path, practice: &str, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let name = PracticeName::parse(practice)
        .map_err(|e| anyhow!("{} {}", T::PracticeNameLabel.get(lang), e.localize(lang)))?;
    refuse_existing(path, lang)?;
    let passphrase = new_passphrase(PASSPHRASE_ENV, lang, &[practice])?;
    ensure_parent(path, lang, out)?;
    let (_, code) =
        PracticeFile::create(path, &passphrase, VaultContents::new(Profile::named(name)))
            .map_err(localized(lang))?;
    writeln!(
        out,
        "{}",
        tr::cli_vault_created(lang, path.display().to_string())
    )?;
    print_recovery(&code, lang, out)
}

fn check(path: &Path, lang: Lang, out: &mut dyn Write) -> Result<()> {
    // Integrity first, so that a damaged file is reported before asking for anything.
    let v = open_with_env_passphrase(path, lang)?;
    let c = v.contents();
    writeln!(out, "{}", tr::cli_check_ok(lang, path.display()))?;
    writeln!(
        out,
        "{}",
        tr::cli_check_practice(
            lang,
            crate::present::escape_for_terminal(c.practice.name.as_str())
        )
    )?;
    if c.demo {
        writeln!(out, "{}", T::CliCheckDemo.get(lang))?;
    }
    writeln!(out, "{}", tr::cli_check_format(lang, v.format_version()))?;
    writeln!(
        out,
        "{}",
        tr::cli_check_created(lang, crate::i18n::format_datetime(c.created_at, lang))
    )?;
    let counts = c.counts();
    writeln!(
        out,
        "{}",
        tr::cli_check_journal(lang, counts.journal_entries)
    )?;
    writeln!(
        out,
        "{}",
        tr::cli_check_checklist(
            lang,
            tr::answers_count(lang, counts.answers),
            tr::evidence_count(lang, counts.evidence_files),
            tr::actions_count(lang, counts.actions)
        )
    )?;
    writeln!(out, "{}", tr::cli_check_backups(lang, v.backups().len()))?;
    Ok(())
}

fn passwd(path: &Path, recovery: bool, lang: Lang, out: &mut dyn Write) -> Result<()> {
    vault::inspect(path).map_err(localized(lang))?;
    let mut v = if recovery {
        let typed = secret(RECOVERY_CODE_ENV, T::CliPromptRecovery, lang)?;
        let code = RecoveryCode::parse(&typed).map_err(|e| anyhow!(e.localize(lang)))?;
        let mut v = PracticeFile::open_for_writing(path, Unlock::RecoveryCode(&code))
            .map_err(localized(lang))?;
        v.unlocked_with_recovery_code();
        v
    } else {
        let current = secret(PASSPHRASE_ENV, T::CliPromptPassphrase, lang)?;
        PracticeFile::open_for_writing(path, Unlock::Passphrase(&current))
            .map_err(localized(lang))?
    };
    let name = v.contents().practice.name.to_string();
    let new = new_passphrase(NEW_PASSPHRASE_ENV, lang, &[&name])?;
    v.change_passphrase(&new).map_err(localized(lang))?;
    writeln!(out, "{}", T::CliPasswdDone.get(lang))?;
    Ok(())
}

fn breach(command: &BreachCommand, lang: Lang, out: &mut dyn Write) -> Result<()> {
    use crate::present::breach as present;
    let now = jiff::Timestamp::now();
    let vault = match &command {
        // No vault: the helper on a facts file.
        BreachCommand::Assess(args) => return breach_assess::run(args, lang, out),
        BreachCommand::CountersignHead {
            folder,
            key,
            expect_fingerprint,
        } => return register_check::countersign(folder, key, expect_fingerprint, lang, out),
        BreachCommand::List { vault, .. }
        | BreachCommand::Show { vault, .. }
        | BreachCommand::Verify { vault } => vault.clone(),
    };
    let v = open_with_env_passphrase(&vault, lang)?;
    let register = &v.contents().breaches;
    // Verified at every opening; a break is named before anything else.
    let check = register.verify();
    let warning = check
        .as_ref()
        .err()
        .map(|b| crate::i18n::chain_break(lang, b, register));
    let mut buffered = std::io::BufWriter::new(out);
    match command {
        BreachCommand::Verify { .. } => match check {
            Ok(head) => writeln!(
                buffered,
                "{}",
                tr::breach_chain_ok(lang, head.count, head.hash_hex())
            )?,
            Err(_) => return Err(anyhow!(warning.unwrap_or_default())),
        },
        BreachCommand::List { format, .. } => {
            if let Some(w) = &warning
                && *format == BreachFormat::Text
            {
                writeln!(buffered, "⚠ {w}")?;
            }
            match format {
                BreachFormat::Text => present::list_text(&mut buffered, register, now, lang)?,
                BreachFormat::Json => present::list_json(&mut buffered, register, now)?,
            }
        }
        BreachCommand::Show { id, format, .. } => {
            let b = register
                .breach(crate::breach::BreachId(*id))
                .ok_or_else(|| anyhow!(tr::err_no_such_breach(lang, id)))?;
            if let Some(w) = &warning
                && *format == BreachFormat::Text
            {
                writeln!(buffered, "⚠ {w}")?;
            }
            match format {
                BreachFormat::Text => present::show_text(&mut buffered, register, &b, now, lang)?,
                BreachFormat::Json => present::show_json(&mut buffered, register, &b, now)?,
            }
        }
        // Answered above, before any vault.
        BreachCommand::Assess(_) | BreachCommand::CountersignHead { .. } => {}
    }
    buffered.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(i: usize) -> crate::scan::Finding {
        crate::scan::Finding {
            path: PathBuf::from(format!("/s/{i}.dcm")),
            kind: crate::scan::Kind::Dicomdir,
            identifying: crate::scan::Identifying::default(),
            deidentified: false,
            header_unreadable: false,
            modality: None,
            study_date: None,
            encrypted: false,
            volume_encrypted: None,
            cloud_sync: None,
            removable: false,
            risk: crate::scan::Risk::High,
            size: i as u64,
        }
    }

    #[test]
    fn findings_gathered_in_blocks_are_all_referred_to_in_order_by_a_vector_of_their_exact_size() {
        // "About a hundred bytes each", its path's own allocation aside: the modality and the study date
        // are held inline.
        assert!(std::mem::size_of::<crate::scan::Finding>() <= 96);
        for n in [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 7] {
            let mut blocks = Blocks::default();
            for i in 0..n {
                blocks.push(finding(i));
            }
            assert!(
                blocks
                    .full
                    .iter()
                    .all(|b| b.len() == BLOCK && b.capacity() == BLOCK)
            );
            let all = blocks.all();
            assert_eq!(all.len(), n);
            assert_eq!(all.capacity(), n);
            assert!(
                all.iter().enumerate().all(|(i, f)| f.size == i as u64),
                "n = {n}"
            );
        }
    }
}
