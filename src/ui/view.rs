//! What every screen is handed: the language, the jobs in flight, the preferences, the open session,
//! the message of the moment, and the command sender (as rerun's viewer context and its
//! `CommandSender`). The context is handed by shared reference: a screen reads it and sends
//! [`Command`]s through it, and helpers take it whole; it never holds the app itself, so a screen cannot change the
//! state behind the app's back, and a screen can be drawn in a test from plain values.

use super::command::{Command, CommandSender};
use super::jobs::{JobKind, Jobs};
use super::scan_run::LiveScan;
use super::state::{Notice, RecentVault, Session};
use crate::i18n::Lang;
use crate::paths::DataDir;
use crate::practice_file::PracticeFile;
use crate::scan::places::Place;
use crate::settings::Settings;

/// The context of one frame, for the screens.
pub struct ViewContext<'a> {
    /// Interface language.
    pub lang: Lang,
    /// Background jobs (to show what is running).
    pub jobs: &'a Jobs,
    /// Preferences.
    pub settings: &'a Settings,
    /// Where data lives.
    pub data_dir: &'a DataDir,
    /// The unlocked vault, if any.
    pub session: Option<&'a Session>,
    /// The folder scan in progress, if any.
    pub scan: Option<&'a LiveScan>,
    /// The message shown above the screen.
    pub notice: Option<&'a Notice>,
    /// The recent vaults, with whether each file is there.
    pub recent: &'a [RecentVault],
    /// This computer's suggested places to scan, once found (`None` while they are looked for).
    pub places: Option<&'a [Place]>,
    /// What the screens ask for, carried out after the frame.
    pub commands: &'a CommandSender,
}

impl<'a> ViewContext<'a> {
    /// Asks the app to do something after this frame.
    pub fn send(&self, command: Command) {
        self.commands.send(command);
    }

    /// The open vault, if unlocked and not lent to a job.
    pub fn vault(&self) -> Option<&'a PracticeFile> {
        let s = self.session?;
        s.vault.as_ref()
    }

    /// Whether a job of `kind` is running.
    pub fn busy(&self, kind: JobKind) -> bool {
        self.jobs.is_running(kind)
    }
}
