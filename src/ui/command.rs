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

/// The pages of the main window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKind {
    /// The dashboard.
    Dashboard,
    /// The checklist wizard.
    Checklist,
    /// The folder scan.
    Scan,
    /// The action plan.
    Actions,
    /// PDF exports.
    Reports,
    /// The practice profile.
    Profile,
    /// The settings.
    Settings,
    /// The signed self-assessment: sign, history, countersign, compare.
    Signed,
    /// Checking a signed file (reached from the signed self-assessment).
    Verify,
    // Breach register
    /// The breach register.
    Breaches,
    // PC checks
    /// The PC checks.
    System,
}

impl PageKind {
    /// Every page, in the navigation's order.
    pub const ALL: [Self; 11] = [
        Self::Dashboard,
        Self::Checklist,
        Self::Scan,
        Self::Actions,
        Self::Breaches,
        Self::System,
        Self::Reports,
        Self::Signed,
        Self::Profile,
        Self::Settings,
        Self::Verify,
    ];

    /// The page's key in the settings (the page last shown).
    pub fn key(self) -> &'static str {
        match self {
            Self::Dashboard => "dashboard",
            Self::Checklist => "checklist",
            Self::Scan => "scan",
            Self::Actions => "actions",
            Self::Reports => "reports",
            Self::Profile => "profile",
            Self::Settings => "settings",
            Self::Signed => "signed",
            Self::Verify => "verify",
            Self::Breaches => "breaches",
            Self::System => "system",
        }
    }

    /// The page of a key; `None` for an unknown one.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

// Breach register
/// A request of the Breaches screen (and of the scan's findings): each appends events to the register
/// through the domain's checks, and saves.
#[derive(Debug)]
pub enum BreachCommand {
    /// Record a new breach and show it.
    Open {
        /// Its title.
        title: String,
        /// Who records it.
        by: String,
        /// The first facts, if known (a breach started from a scan finding).
        details: Option<Box<crate::breach::Details>>,
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
        item: String,
        /// The answer.
        value: AnswerValue,
        /// Who answers.
        by: Respondent,
    },
    /// Change the note of an answered item.
    SetNote {
        /// The item.
        item: String,
        /// The note.
        note: String,
    },
    /// Attach a file to an item; `None` asks which with an open dialog.
    AttachEvidence {
        /// The item.
        item: String,
        /// The file, if already chosen.
        path: Option<PathBuf>,
    },
    /// Remove an evidence file.
    DetachEvidence(u32),
    /// Change an action of the plan.
    UpdateAction {
        /// The action's item.
        item: String,
        /// The change.
        edit: ActionEdit,
    },
    /// Scan these folders for medical images.
    StartScan(Vec<PathBuf>),
    /// Stop the scan in progress (its partial results are kept).
    StopScan,
    /// Look again for the places to suggest for the scan (a stick plugged in since, a new synced folder).
    RefreshPlaces,
    /// Add a folder to the scan; `None` asks which with a folder dialog.
    AddScanFolder(Option<PathBuf>),
    /// Show a file's folder in the system's file manager.
    OpenFolder(PathBuf),
    /// Attach the last scan's report to a checklist item as evidence.
    AttachScanReport(String),
    /// Export a PDF; `None` asks where with a save dialog.
    ExportReport {
        /// Which document (one drawn from the vault).
        kind: crate::report::Document<'static>,
        /// Its language.
        lang: Lang,
        /// Where, if already chosen.
        path: Option<PathBuf>,
    },
    /// A request of the signed-assessment screens.
    Signing(SigningCommand),
    // Breach register
    /// A request about the breach register.
    Breach(BreachCommand),
    /// A request of the Scan page's "encrypt these files" panel.
    Archive(ArchiveCommand),
    // PC checks
    /// A request of the PC checks page.
    System(SystemCommand),
}

// PC checks
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
        item: String,
        /// The answer.
        value: AnswerValue,
    },
    /// Leave the proposal for the doctor's own answer in the checklist.
    Correct(String),
    /// Point to Orthanc's configuration file; `None` asks which with an open dialog.
    PickOrthancConfig(Option<PathBuf>),
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
    /// A job panicked or its thread ended without a result; what it was doing did not happen.
    Failed(super::jobs::JobKind),
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
    // Breach register
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
        /// Its content, or why it could not be read (in the user's language).
        result: Result<Vec<u8>, String>,
    },
    /// A file to attach as evidence was read.
    EvidenceRead {
        /// The item.
        item: String,
        /// The file's name.
        name: String,
        /// Its content, or why it could not be read (in the user's language).
        result: Result<Vec<u8>, String>,
    },
    /// A job of the signed-assessment screens finished.
    Signing(SigningOutput),
    // PC checks
    /// The PC checks ran.
    SystemChecked(Box<crate::system::SystemReport>),
    /// An archive job finished.
    Archive(ArchiveOutput),
}

// ---- Encrypted archives (window) -----------------------------------------------------------------

/// What the Scan page's "encrypt these files" panel asks for.
#[derive(Debug)]
pub enum ArchiveCommand {
    /// Open the panel, with the files picked by this scope.
    Open(crate::ui::screens::ArchiveScope),
    /// Close it.
    Close,
    /// Choose where the archive goes; `None` asks with a save dialog (the path can always be typed
    /// instead).
    ChooseOut(Option<PathBuf>),
    /// Make the archive, as set in the panel.
    Start,
    /// Stop the archive being made (nothing is left behind).
    Cancel,
    /// Remove the originals of the verified archive (the panel's confirmation is ticked).
    RemoveOriginals,
    /// Save the practice's archive key as an age identity file; `None` asks where.
    SaveKeySheet(Option<PathBuf>),
}

/// What an archive job reports.
#[derive(Debug)]
pub enum ArchiveOutput {
    /// The archive was made and verified, or why not (in the user's language).
    Made(Result<Box<crate::archive::Archived>, String>),
    /// The originals were removed (those that still matched), or why not.
    Removed(Result<crate::archive::Removal, String>),
    /// The key sheet was written, or why not.
    KeySheet(Result<PathBuf, String>),
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
    },
    /// Save the countersigned bundle of the verify screen.
    SaveBundle(Option<PathBuf>),
}

/// What a consultant's key was opened for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyUse {
    /// To countersign this signed assessment of the vault.
    Assessment(String),
    /// To countersign the bundle of the verify screen.
    Bundle,
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
        /// The key, or why not.
        result: Result<crate::assessment::Signer, String>,
    },
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
}
