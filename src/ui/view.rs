//! What every screen is handed: the language, the jobs in flight, the preferences, the open session,
//! the message of the moment, and the command sender (as rerun's viewer context and its
//! `CommandSender`). The context is handed by shared reference: a screen reads it and sends
//! [`Command`]s through it, and helpers take it whole; it never holds the app itself, so a screen cannot change the
//! state behind the app's back, and a screen can be drawn in a test from plain values.

use super::command::{Command, CommandSender, PageKind};
use super::jobs::{JobKind, Jobs};
use super::scan::live::LiveScan;
use super::state::{Notice, RecentVault, Session};
use crate::i18n::{Lang, T};
use crate::paths::DataDir;
use crate::practice_file::PracticeFile;
use crate::scan::places::Place;
use crate::settings::Settings;

/// What a view may know of a page of the main window: a row of the page table (`ui::pages`) without
/// the code that opens it, so that a view can name or link to any page without depending on them all.
#[derive(Debug, Clone, Copy)]
pub struct PageInfo {
    /// Which page.
    pub kind: PageKind,
    /// Its entry in the navigation; `None` for a page reached from another one.
    pub nav: Option<T>,
    /// The entry shown selected while it is shown, for a page reached from another one.
    pub under: Option<PageKind>,
    /// Its state is kept while another page is shown, and found again (the scan's choices and filters).
    pub keep: bool,
}

/// The context of one frame, for the screens.
pub struct ViewContext<'a> {
    /// Interface language.
    pub lang: Lang,
    /// Background jobs (to show what is running).
    pub jobs: &'a Jobs<super::command::JobOutput>,
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
    /// The pages of the main window, in the navigation's order.
    pub pages: &'a [PageInfo],
}

impl<'a> ViewContext<'a> {
    /// Asks the app to do something after this frame.
    pub fn send(&self, command: Command) {
        self.commands.send(command);
    }

    /// The page of this key and its name in the navigation (a "how to check" text names the screens it
    /// sends the user to by their keys).
    pub fn page_named(&self, key: &str) -> Option<(PageKind, T)> {
        self.pages
            .iter()
            .find(|p| p.kind.key() == key)
            .and_then(|p| Some((p.kind, p.nav?)))
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
