//! The state of the window, apart from the code that changes it: which screen and page are shown, the
//! open vault and its saves, the message of the moment. Screens read it through
//! [`super::view::ViewContext`]; only the app (`super::app`) changes it.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::practice_file::PracticeFile;

/// The state of the vault's saves.
#[derive(Debug, Default)]
pub struct SaveState {
    /// A save is being written.
    pub in_flight: bool,
    /// Changes were made while a save was in flight: save again when it ends.
    pub queued: bool,
    /// When the last save of this session finished.
    pub last_saved: Option<Timestamp>,
    /// The last save's failure, in the user's language, until a save succeeds.
    pub error: Option<String>,
    /// Text typed and not saved yet: when it was last changed. It is saved after a pause in typing,
    /// and at once on a page change, on locking and on closing.
    pub edited_at: Option<std::time::Instant>,
}

impl SaveState {
    /// Whether changes are waiting to be written or being written.
    pub fn pending(&self) -> bool {
        self.in_flight || self.queued || self.edited_at.is_some()
    }
}

/// An unlocked vault and what goes with it.
#[derive(Debug)]
pub struct Session {
    /// The vault; `None` while a passphrase change holds it in a background job.
    pub vault: Option<PracticeFile>,
    /// Where the vault is (kept while the vault is lent to a job).
    pub path: PathBuf,
    /// Saves.
    pub save: SaveState,
    /// Unlocked with the recovery code: the passphrase should be changed.
    pub via_recovery: bool,
    /// How many backups are beside the file (counted in the jobs that open and save it).
    pub backups: usize,
    /// The breach register's chain as verified when the vault was opened: the break, if any.
    pub breach_break: Option<crate::breach::ChainBreak>,
    /// The register compared with the head the last signed self-assessment witnessed (in a job, at
    /// opening and after changes), for which register and assessments: (event count, signed
    /// assessments).
    pub signed_head: Option<((usize, usize), Option<crate::breach::export::AgainstSigned>)>,
}

impl Session {
    pub(crate) fn new(vault: PracticeFile, via_recovery: bool) -> Self {
        Self {
            path: vault.path().to_path_buf(),
            vault: Some(vault),
            save: SaveState::default(),
            via_recovery,
            backups: 0,
            breach_break: None,
            signed_head: None,
        }
    }
}

/// A message shown above the current screen until the next navigation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Something went well.
    Info(String),
    /// Something went wrong; nothing was lost.
    Error(String),
}

/// A vault of the welcome screen's recent list, and whether its file is there (checked in a background
/// job, so that a vault on a slow network share or an unplugged stick never freezes the window).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentVault {
    /// The vault file.
    pub path: PathBuf,
    /// `Some(true)` if the file is there, `Some(false)` if not, `None` until checked.
    pub present: Option<bool>,
}
