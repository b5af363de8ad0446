//! What screens ask the app to do. A screen draws from state and pushes [`Command`]s; the app runs them
//! after the frame ([`super::app::VigieApp::run_command`]), which tests call directly, without a window.
//! [`JobOutput`] is what background jobs report back.

use std::path::PathBuf;

use zeroize::Zeroizing;

use crate::checklist::{ActionStatus, AnswerValue, Respondent};
use crate::i18n::Lang;
use crate::practice::{PracticeName, Profile};
use crate::practice_file::PracticeFile;
use crate::vault::{NewPassphrase, RecoveryCode, Saved, VaultError};

/// What the screens send: commands queued while a frame is drawn, carried out after it by
/// [`super::app::VigieApp::run_command`]. Held by shared reference in the views' context (as the rerun
/// viewer's `CommandSender`), so that the context is `&` and a helper can take it whole.
#[derive(Debug, Default)]
pub struct CommandSender(std::cell::RefCell<Vec<Command>>);

impl CommandSender {
    /// Queues `command` for after the frame.
    pub fn send(&self, command: Command) {
        self.0.borrow_mut().push(command);
    }

    /// The commands sent since the last call, in the order sent.
    pub fn take(&self) -> Vec<Command> {
        self.0.take()
    }
}

/// Which page: its key, also its name in the settings (the page last shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageKind(&'static str);

impl PageKind {
    /// The page of this key (each page's folder defines its own, once).
    pub const fn new(key: &'static str) -> Self {
        Self(key)
    }

    /// The page's key.
    pub fn key(self) -> &'static str {
        self.0
    }
}

/// The secret typed on the unlock screen.
#[derive(Debug, Clone)]
pub enum Secret {
    /// A passphrase.
    Passphrase(Zeroizing<String>),
    /// A recovery code, already checked for typos.
    RecoveryCode(RecoveryCode),
}

/// A document about the recovery code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    /// Plain text.
    Text,
    /// A printable PDF page.
    Pdf,
}

/// A change to one action of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionEdit {
    /// New owner.
    Owner(String),
    /// New due date (or none).
    Due(Option<jiff::civil::Date>),
    /// New status.
    Status(ActionStatus),
}

/// A request of the Breaches screen (and of the scan's findings): each appends events to the register
/// through the domain's checks, and saves.
#[derive(Debug)]
pub enum BreachCommand {
    /// Compare the register with the head the last signed self-assessment witnessed, in a job.
    CheckSignedHead,
    /// Record a new breach and show it.
    Open {
        /// Its title.
        title: String,
        /// Who records it.
        by: String,
        /// The first facts, if known (a breach started from a scan finding).
        details: Option<Box<crate::breach::Details>>,
        /// A file to attach as evidence at once (name and content: a failed PC check).
        evidence: Option<(String, Vec<u8>)>,
    },
    /// Show a breach of the register.
    Select(crate::breach::BreachId),
    /// Append a change to a breach.
    Apply {
        /// The breach.
        id: crate::breach::BreachId,
        /// The change.
        change: crate::breach::Change,
        /// Who records it.
        by: String,
    },
    /// Attach a file; `None` asks which with an open dialog.
    Attach {
        /// The breach.
        id: crate::breach::BreachId,
        /// What it is.
        purpose: crate::breach::Purpose,
        /// Who attaches it.
        by: String,
        /// The file, if already chosen.
        path: Option<PathBuf>,
    },
    /// Export the register as files anyone can check (the same folder as `vigie export --kind
    /// breach-register`); `None` asks which folder.
    ExportVerifiable(Option<PathBuf>),
    /// Export a document; `None` asks where with a save dialog.
    Export {
        /// Which document (one of the register's).
        kind: crate::report::Document<'static>,
        /// Its language.
        lang: Lang,
        /// Where, if already chosen.
        path: Option<PathBuf>,
    },
}

/// A request from a screen.
#[derive(Debug)]
pub enum Command {
    /// Back to the welcome screen.
    ShowWelcome,
    /// Start the creation form.
    StartCreate,
    /// Look for a free file name for a new vault of this practice name (in a job: it reads the disk).
    FindVaultPath(String),
    /// Ask where to put the new vault (save dialog).
    ChooseNewVaultLocation,
    /// Put the new vault there (chosen in a save dialog).
    SetNewVaultLocation(PathBuf),
    /// Create the vault.
    CreateVault {
        /// Practice name.
        name: PracticeName,
        /// Where.
        path: PathBuf,
        /// Its passphrase.
        passphrase: NewPassphrase,
    },
    /// Ask which vault to open (open dialog).
    PickVaultToOpen,
    /// Show the unlock screen for a vault.
    ShowUnlock(PathBuf),
    /// Unlock a vault.
    Unlock {
        /// The vault file.
        path: PathBuf,
        /// The secret typed.
        secret: Secret,
    },
    /// Stop waiting for an unlock.
    CancelUnlock,
    /// Open the demo practice, creating it if needed.
    OpenDemo,
    /// Save the recovery sheet; `None` asks where with a save dialog.
    SaveRecoverySheet {
        /// Text or PDF.
        format: SheetFormat,
        /// Where, if already chosen.
        path: Option<PathBuf>,
    },
    /// The recovery code was written down: go on to the profile.
    FinishRecovery,
    /// Save the practice profile.
    SaveProfile(Box<Profile>),
    /// Show a page of the main window.
    Navigate(PageKind),
    /// Change the passphrase; `current` is checked first unless the vault was opened with the recovery code.
    ChangePassphrase {
        /// The current passphrase, as typed.
        current: Option<Zeroizing<String>>,
        /// The new one.
        new: NewPassphrase,
    },
    /// Replace the recovery code; `current` (the passphrase) is checked first unless the vault was
    /// opened with the recovery code.
    NewRecoveryCode {
        /// The current passphrase, as typed.
        current: Option<Zeroizing<String>>,
    },
    /// The new recovery code was written down: stop showing it.
    RecoveryCodeNoted,
    /// Copy the vault and its backups into a folder (a USB stick); `None` asks which.
    CopyVault(Option<PathBuf>),
    /// Switch the interface language.
    SetLanguage(Lang),
    /// Change the automatic-lock delay.
    SetAutoLock(u32),
    /// Lock the vault now.
    Lock,
    /// Try the last failed save again.
    RetrySave,
    /// Answer a checklist item.
    Answer {
        /// The item.
        item: crate::checklist::ItemId,
        /// The answer.
        value: AnswerValue,
        /// Who answers.
        by: Respondent,
    },
    /// Change the note of an answered item.
    SetNote {
        /// The item.
        item: crate::checklist::ItemId,
        /// The note.
        note: String,
    },
    /// Attach a file to an item; `None` asks which with an open dialog.
    AttachEvidence {
        /// The item.
        item: crate::checklist::ItemId,
        /// The file, if already chosen.
        path: Option<PathBuf>,
    },
    /// Remove an evidence file.
    DetachEvidence(u32),
    /// Change an action of the plan.
    UpdateAction {
        /// The action's item.
        item: crate::checklist::ItemId,
        /// The change.
        edit: ActionEdit,
    },
    /// Scan these folders for medical images.
    StartScan(Vec<PathBuf>),
    /// Put the Scan page's table in order (in a job: a hundred thousand rows take time).
    OrderScanTable(Box<super::scan::order::OrderRequest>),
    /// Stop the scan in progress (its partial results are kept).
    StopScan,
    /// Look again for the places to suggest for the scan (a stick plugged in since, a new synced folder).
    RefreshPlaces,
    /// Add a folder to the scan; `None` asks which with a folder dialog.
    AddScanFolder(Option<PathBuf>),
    /// Remove a folder added to the scan (and from the settings, which remember it).
    RemoveScanFolder(PathBuf),
    /// Show a file's folder in the system's file manager.
    OpenFolder(PathBuf),
    /// Attach the last scan's report to a checklist item as evidence.
    AttachScanReport(crate::checklist::ItemId),
    /// Export a PDF; `None` asks where with a save dialog.
    ExportReport {
        /// Which document (one drawn from the vault).
        kind: crate::report::Document<'static>,
        /// Its language.
        lang: Lang,
        /// Where, if already chosen.
        path: Option<PathBuf>,
    },
    /// Export the reminders as an iCalendar file (path asked when `None`).
    ExportReminders {
        /// Where, if already chosen.
        path: Option<PathBuf>,
    },
    /// A request of the signed-assessment screens.
    Signing(SigningCommand),
    /// A request about the breach register.
    Breach(BreachCommand),
    /// A request of the Scan page's "encrypt these files" panel.
    Archive(super::archive::command::ArchiveCommand),
    /// A request of the PC checks page.
    System(SystemCommand),
    /// A request of the register page.
    Register(super::register::command::RegisterCommand),
    /// A request of the processors page.
    Processors(super::processors::command::ProcessorsCommand),
}

/// What the PC checks page asks.
#[derive(Debug)]
pub enum SystemCommand {
    /// Run every check; the network ones only as asked (after the "what will happen" screen).
    Run {
        /// Knock on the imaging servers.
        probe: bool,
        /// Ask the box for its UPnP list.
        upnp: bool,
    },
    /// Record the proposed answer to a checklist item, as the doctor's.
    Confirm {
        /// The item.
        item: crate::checklist::ItemId,
        /// The answer.
        value: AnswerValue,
    },
    /// Leave the proposal for the doctor's own answer in the checklist.
    Correct(crate::checklist::ItemId),
    /// Point to Orthanc's configuration file; `None` asks which with an open dialog.
    PickOrthancConfig(Option<PathBuf>),
    /// Read the Internet box's rules (after the "what will happen" screen).
    ReadBox {
        /// The address typed (port 80 unless given), else the default gateway.
        address: Option<std::net::SocketAddr>,
        /// The family chosen, else identified.
        kind: Option<crate::system::boxes::BoxKind>,
        /// The Livebox or Bbox password, typed (never kept).
        password: Zeroizing<String>,
    },
    /// Keep what the doctor saw in the pages of a box with no API, as a reading of it.
    RecordBoxByHand {
        /// The address typed, else the default gateway.
        address: Option<std::net::SocketAddr>,
        /// What they saw.
        record: Box<crate::system::boxes::other::ManualRecord>,
    },
}

/// The result of a background job.
#[derive(Debug)]
pub enum JobOutput {
    /// A vault was created.
    Created(Result<(PracticeFile, RecoveryCode), VaultError>),
    /// A vault was unlocked (or the demo prepared).
    Unlocked {
        /// The vault, or why not.
        result: Result<PracticeFile, VaultError>,
        /// Unlocked with the recovery code.
        via_recovery: bool,
        /// How many backups are beside the file.
        backups: usize,
    },
    /// A save was written.
    /// The save's result, and how many backups are beside the file after it.
    Saved(Result<Saved, VaultError>, usize),
    /// The passphrase change finished; the vault comes back either way.
    /// `None` when the work panicked (the vault, untouched on disk or saved, comes back all the same).
    PassphraseChanged(Box<PracticeFile>, Option<Result<(), VaultError>>),
    /// The recovery code was replaced, or why not; the vault comes back either way (`None` when the
    /// work panicked).
    RecoveryCodeChanged(Box<PracticeFile>, Option<Result<RecoveryCode, VaultError>>),
    /// A document was written.
    DocumentWritten(Result<PathBuf, String>),
    /// A breach's CNIL draft or letter was written (or not): recorded as prepared only once written.
    BreachDocumentWritten {
        /// The file written, or why not (in the user's language).
        result: Result<PathBuf, String>,
        /// The breach, what was prepared, and who records it.
        prepared: (crate::breach::BreachId, crate::breach::Prepared, String),
    },
    /// The breach register was compared with the head the last signed self-assessment witnessed: for
    /// which register and assessments (event count, signed assessments), and how it compares (`None`:
    /// nothing to compare).
    SignedHeadChecked {
        /// The register's event count and the number of signed assessments compared.
        key: (usize, usize),
        /// The comparison.
        result: Option<crate::breach::export::AgainstSigned>,
    },
    /// The register's verifiable export was written: the folder and how many files, or why not (in
    /// the user's language).
    BreachRegisterExported(Result<(PathBuf, usize), String>),
    /// The inspection binder was written: the folder and how many files, or why not (in the user's
    /// language).
    BinderExported(Result<(PathBuf, usize), String>),
    /// A job panicked or its thread ended without a result; what it was doing did not happen.
    Failed(super::jobs::JobKind),
    /// The folder scan's job ended: its summary, or the folders that were not there (nothing scanned).
    ScanEnded(Result<crate::scan::Summary, Vec<PathBuf>>),
    /// The Scan page's table was put in order.
    ScanTableOrdered(Box<super::scan::order::OrderResult>),
    /// A finished scan was put in order for the vault.
    ScanRecorded(Box<crate::scan::record::ScanRecord>),
    /// A folder Vigie's file dialog wanted was read.
    FolderListed(
        Box<(
            super::widgets::file_dialog::Wanted,
            super::widgets::file_dialog::Listed,
        )>,
    ),
    /// A free file name for a new vault was found: the name it is for, and the path.
    VaultPathFound(String, PathBuf),
    /// The places to suggest for a scan were found.
    PlacesFound(Vec<crate::scan::places::Place>),
    /// The recent vaults were checked.
    RecentChecked(Vec<super::state::RecentVault>),
    /// The vault was copied, or why not (in the user's language).
    VaultCopied(Result<crate::vault::copy::Copied, String>),
    /// A folder was shown in the file manager, or why not (in the user's language).
    FolderShown(Result<(), String>),
    /// The preferences were written, or why not (in the user's language).
    SettingsSaved(Result<(), String>),
    /// A file to attach to a breach was read.
    BreachFileRead {
        /// The breach.
        id: crate::breach::BreachId,
        /// What it is.
        purpose: crate::breach::Purpose,
        /// Who attaches it.
        by: String,
        /// The file's name.
        name: String,
        /// Its content and digest, or why it could not be read (in the user's language).
        result: Result<crate::digest::Hashed, String>,
    },
    /// A file to attach as evidence was read.
    EvidenceRead {
        /// The item.
        item: crate::checklist::ItemId,
        /// The file's name.
        name: String,
        /// Its content and digest, or why it could not be read (in the user's language).
        result: Result<crate::digest::Hashed, String>,
    },
    /// A processor's contract to attach was read.
    ContractRead {
        /// The processor.
        id: crate::binder::ProcessorId,
        /// The file's name.
        name: String,
        /// Its content and digest, or why it could not be read (in the user's language).
        result: Result<crate::digest::Hashed, String>,
    },
    /// A job of the signed-assessment screens finished.
    Signing(SigningOutput),
    /// The PC checks ran.
    SystemChecked(Box<crate::system::SystemReport>),
    /// The box's rules were read (or not: the result says why); a new Freebox app token to keep.
    BoxChecked {
        /// The result.
        result: Box<crate::system::CheckResult>,
        /// The token the box granted, when the button was pressed in this reading.
        new_token: Option<Zeroizing<String>>,
    },
    /// An archive job finished.
    Archive(super::archive::command::ArchiveOutput),
}

// ---- Signed assessment (window) ------------------------------------------------------------------

/// What the signed-assessment screens ask for. Where a path is `None`, the app asks with the system's
/// file dialog.
#[derive(Debug)]
pub enum SigningCommand {
    /// Complete and sign the current assessment with the doctor's key (made at the first signature).
    Sign,
    /// Write every file of a signed assessment into a folder.
    Export {
        /// The assessment's id.
        id: String,
        /// The folder, if already chosen.
        dir: Option<PathBuf>,
    },
    /// Choose the consultant's key file (for the page or the verify screen shown).
    PickKeyFile(Option<PathBuf>),
    /// Countersign a signed assessment of the vault with a consultant's key file.
    CountersignWithKey {
        /// The assessment's id.
        id: String,
        /// The key file.
        key: PathBuf,
        /// Its passphrase.
        passphrase: Zeroizing<String>,
        /// The consultant's reason to accept a doctor's key other than the one pinned, if they gave
        /// one.
        reason: Option<String>,
    },
    /// Create a consultant key file.
    CreateKeyFile {
        /// The consultant's name.
        name: String,
        /// Their organisation.
        organisation: String,
        /// The key file's passphrase.
        passphrase: NewPassphrase,
        /// Where, if already chosen.
        path: Option<PathBuf>,
    },
    /// The recovery code of a new key file was written down: stop showing it.
    KeyRecoveryDone,
    /// Bring the countersignatures of a `.vigie-assessment` file into the vault.
    Import(Option<PathBuf>),
    /// Show the verify screen (a page when a vault is open, else a screen of its own).
    OpenVerify,
    /// Verify a signed file.
    Verify(Option<PathBuf>),
    /// Countersign the bundle shown on the verify screen with a consultant's key file.
    CountersignBundle {
        /// The key file.
        key: PathBuf,
        /// Its passphrase.
        passphrase: Zeroizing<String>,
        /// The consultant's reason to accept a doctor's key other than the one pinned, if they gave
        /// one.
        reason: Option<String>,
    },
    /// Save the countersigned bundle of the verify screen.
    SaveBundle(Option<PathBuf>),
    /// Read a breach register export's folder to countersign its head (a visit between two
    /// assessments).
    ReadHead(Option<PathBuf>),
    /// Countersign the register head read on the verify screen with a consultant's key file.
    CountersignHead {
        /// The key file.
        key: PathBuf,
        /// Its passphrase.
        passphrase: Zeroizing<String>,
        /// The consultant's reason to accept a doctor's key other than the one pinned, if they gave
        /// one.
        reason: Option<String>,
    },
}

/// What a consultant's key was opened for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyUse {
    /// To countersign this signed assessment of the vault.
    Assessment(String),
    /// To countersign the bundle of the verify screen.
    Bundle,
    /// To countersign the register head of the verify screen.
    Head,
}

/// What a job of the signed-assessment screens reports; errors are in the user's language.
#[derive(Debug)]
pub enum SigningOutput {
    /// The files were written: the folder and the files' names.
    Exported(Result<(PathBuf, Vec<String>), String>),
    /// A consultant's key file was opened.
    KeyOpened {
        /// For what.
        target: KeyUse,
        /// The key and the doctor's key change the consultant accepted (their pins), or why not.
        result: Result<
            (
                crate::assessment::Signer,
                Option<crate::assessment::KeyChange>,
            ),
            String,
        >,
    },
    /// The practice's doctor key is not the one pinned in the consultant's key file: what to say;
    /// the consultant may confirm the change with a reason.
    KeyChanged(String),
    /// A consultant's key file was created: where, and its recovery code.
    KeyCreated(Result<(PathBuf, RecoveryCode), String>),
    /// A bundle to import was read.
    BundleRead(Result<crate::assessment::bundle::SignatureSet, String>),
    /// A file was verified: the verification, and the bundle's files when it is a bundle.
    Verified {
        /// The file.
        path: PathBuf,
        /// What was found.
        result: Result<
            (
                crate::assessment::verify::Verification,
                Option<crate::assessment::bundle::FileSet>,
            ),
            String,
        >,
    },
    /// The countersigned bundle was written.
    BundleSaved(Result<PathBuf, String>),
    /// A register export was read for its head's countersignature.
    HeadRead {
        /// The export's folder.
        folder: PathBuf,
        /// Its head, checked, or why not.
        result: Result<Box<crate::report::head_countersign::HeadToCountersign>, String>,
    },
    /// The head's countersignature was written into the export's folder (the statement's path), and
    /// the doctor's key change the consultant accepted, if any.
    HeadCountersigned(Result<(PathBuf, Option<String>), String>),
}

impl From<super::jobs::JobFailed> for JobOutput {
    fn from(failed: super::jobs::JobFailed) -> Self {
        Self::Failed(failed.0)
    }
}

impl JobOutput {
    /// The window's action this result ends, and how, for the diagnostic log: fixed names and a
    /// category only (an error's words, which may name a file, never go there). `None` for results
    /// that end no action of the user's (the places found, the recent vaults checked).
    pub fn outcome(&self) -> Option<(&'static str, crate::diag::Outcome)> {
        use crate::diag::{ErrorCategory, Outcome};
        fn of<T, E: std::error::Error + 'static>(r: &Result<T, E>) -> Outcome {
            Outcome::of_error(r)
        }
        // Errors already in words: failed, of no known category.
        fn worded<T>(r: &Result<T, String>) -> Outcome {
            match r {
                Ok(_) => Outcome::Ok,
                Err(_) => Outcome::Failed(ErrorCategory::Other),
            }
        }
        Some(match self {
            Self::Created(r) => ("create vault", of(r)),
            Self::Unlocked { result, .. } => ("unlock", of(result)),
            Self::Saved(r, _) => ("save", of(r)),
            Self::PassphraseChanged(_, r) => (
                "change passphrase",
                r.as_ref().map_or(Outcome::Failed(ErrorCategory::Panic), of),
            ),
            Self::RecoveryCodeChanged(_, r) => (
                "new recovery code",
                r.as_ref().map_or(Outcome::Failed(ErrorCategory::Panic), of),
            ),
            Self::BreachRegisterExported(r) => ("export breach register", worded(r)),
            Self::BinderExported(r) => ("export binder", worded(r)),
            Self::DocumentWritten(r) | Self::BreachDocumentWritten { result: r, .. } => {
                ("write document", worded(r))
            }
            Self::Failed(_)
            | Self::PlacesFound(_)
            | Self::RecentChecked(_)
            | Self::VaultPathFound(..)
            | Self::FolderListed(_)
            | Self::SignedHeadChecked { .. }
            | Self::ScanTableOrdered(_) => return None,
            Self::ScanEnded(r) => (
                "scan",
                match r {
                    Ok(summary) if summary.cancelled => Outcome::Cancelled,
                    Ok(_) => Outcome::Ok,
                    Err(_) => Outcome::Failed(ErrorCategory::NotFound),
                },
            ),
            Self::ScanRecorded(_) => ("record scan", Outcome::Ok),
            Self::VaultCopied(r) => ("copy vault", worded(r)),
            Self::FolderShown(r) => ("show folder", worded(r)),
            Self::SettingsSaved(r) => ("save settings", worded(r)),
            Self::BreachFileRead { result, .. } => ("attach breach file", worded(result)),
            Self::EvidenceRead { result, .. } => ("attach evidence", worded(result)),
            Self::ContractRead { result, .. } => ("attach contract", worded(result)),
            Self::SystemChecked(_) => ("pc checks", Outcome::Ok),
            Self::BoxChecked { .. } => ("box check", Outcome::Ok),
            Self::Signing(output) => match output {
                SigningOutput::Exported(r) => ("export signed assessment", worded(r)),
                SigningOutput::KeyOpened { result, .. } => ("open key file", worded(result)),
                SigningOutput::KeyChanged(_) => {
                    ("open key file", Outcome::Failed(ErrorCategory::Other))
                }
                SigningOutput::KeyCreated(r) => ("create key file", worded(r)),
                SigningOutput::BundleRead(r) => ("read bundle", worded(r)),
                SigningOutput::Verified { result, .. } => ("verify", worded(result)),
                SigningOutput::BundleSaved(r) => ("save bundle", worded(r)),
                SigningOutput::HeadRead { result, .. } => ("read register export", worded(result)),
                SigningOutput::HeadCountersigned(r) => ("countersign register head", worded(r)),
            },
            Self::Archive(output) => {
                use super::archive::command::ArchiveOutput as A;
                match output {
                    A::Made(r) => ("archive", worded(r)),
                    A::Removed(r) => ("remove originals", worded(r)),
                    A::KeySheet(r) => ("archive key sheet", worded(r)),
                    A::PendingChecked(_, check) => (
                        "settle pending archive",
                        match check {
                            crate::practice_file::PendingArchiveCheck::NotVerified(_) => {
                                Outcome::Failed(ErrorCategory::Damaged)
                            }
                            _ => Outcome::Ok,
                        },
                    ),
                }
            }
        })
    }
}
