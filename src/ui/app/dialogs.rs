//! Asking for a path: the system's file dialog where it works, Vigie's own otherwise
//! (`widgets::file_dialog`). A dialog is never a silent nothing: where the system has none (a Linux
//! desktop without a portal), or where its dialog came back empty sooner than anybody could cancel it,
//! Vigie's dialog is shown, and the path chosen there comes back as the command the caller made of it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::VigieApp;
use crate::ui::command::{Command, JobOutput};
use crate::ui::jobs::JobKind;
use crate::ui::widgets::file_dialog::{DialogMode, FileDialog, Outcome};

/// A system dialog that comes back empty sooner than this was not shown to the user: nobody cancels a
/// dialog that fast.
const SHOWN_AT_LEAST: Duration = Duration::from_millis(300);

/// What to ask.
pub(crate) struct Ask {
    /// A file to open, a file to save, a folder.
    pub mode: DialogMode,
    /// The filter's name and extensions (none: every file).
    pub filter: Option<(String, Vec<&'static str>)>,
    /// The name suggested when saving.
    pub file_name: String,
    /// Where the dialog opens (the personal folder when `None`).
    pub start: Option<PathBuf>,
}

impl Ask {
    /// A file to open, of any kind.
    pub fn open() -> Self {
        Self {
            mode: DialogMode::Open,
            filter: None,
            file_name: String::new(),
            start: None,
        }
    }

    /// A folder.
    pub fn folder() -> Self {
        Self {
            mode: DialogMode::Folder,
            ..Self::open()
        }
    }

    /// Where to save a file named `file_name`, of the kind `filter` names.
    pub fn save(filter: String, extension: &'static str, file_name: String) -> Self {
        Self {
            mode: DialogMode::Save,
            filter: Some((filter, vec![extension])),
            file_name,
            start: None,
        }
    }

    /// Only files of this kind.
    pub fn filter(mut self, name: String, extensions: Vec<&'static str>) -> Self {
        self.filter = Some((name, extensions));
        self
    }

    /// Opened in `dir`.
    pub fn start(mut self, dir: Option<PathBuf>) -> Self {
        self.start = dir;
        self
    }
}

/// Vigie's dialog while it is shown, and what to do with its path.
pub(crate) struct PendingDialog {
    pub dialog: FileDialog,
    pub then: Box<dyn FnOnce(PathBuf) -> Command>,
}

impl VigieApp {
    /// What an export into a folder needs before its job starts: the vault's contents (a copy for the
    /// job) and the folder — `dir`, or asked for, the folder chosen later running as `then(folder)`.
    /// `None` while a document is being written, without a vault, or while the folder is asked for.
    /// Clears the notice of the previous export.
    pub(crate) fn folder_export(
        &mut self,
        ctx: &egui::Context,
        dir: Option<PathBuf>,
        then: impl FnOnce(PathBuf) -> Command + 'static,
    ) -> Option<(crate::practice_file::VaultContents, PathBuf)> {
        if self.jobs.is_running(JobKind::WriteDocument) {
            return None;
        }
        let contents = self.vault()?.contents().clone();
        let dir = match dir {
            Some(dir) => dir,
            None => self.ask_path(ctx, Ask::folder(), then)?,
        };
        self.notice = None;
        Some((contents, dir))
    }

    /// Asks for a path. With the system's dialog, the path chosen is returned now. Otherwise Vigie's
    /// dialog is shown and `None` returned; the path chosen there later runs as `then(path)`.
    pub(crate) fn ask_path(
        &mut self,
        ctx: &egui::Context,
        ask: Ask,
        then: impl FnOnce(PathBuf) -> Command + 'static,
    ) -> Option<PathBuf> {
        if self.file_dialog.is_some() {
            return None;
        }
        if self.system_dialogs {
            let mut dialog = rfd::FileDialog::new();
            if let Some((name, extensions)) = &ask.filter {
                dialog = dialog.add_filter(name, extensions);
            }
            if let Some(dir) = &ask.start {
                dialog = dialog.set_directory(dir);
            }
            if !ask.file_name.is_empty() {
                dialog = dialog.set_file_name(&ask.file_name);
            }
            let shown = Instant::now();
            let chosen = match ask.mode {
                DialogMode::Open => dialog.pick_file(),
                DialogMode::Save => dialog.save_file(),
                DialogMode::Folder => dialog.pick_folder(),
            };
            if chosen.is_some() || shown.elapsed() >= SHOWN_AT_LEAST {
                return chosen;
            }
            // Nothing was shown: Vigie's dialog from now on.
            self.system_dialogs = false;
        }
        let extensions: Vec<&str> = ask
            .filter
            .as_ref()
            .map(|(_, e)| e.clone())
            .unwrap_or_default();
        // Where the caller asks, else where Vigie's dialog was last, else the personal folder.
        let start = ask
            .start
            .or_else(|| self.last_dialog_dir.clone())
            .unwrap_or_else(crate::ui::widgets::file_dialog::default_start);
        self.file_dialog = Some(PendingDialog {
            dialog: FileDialog::new(ctx, self.lang, ask.mode, &extensions, start, ask.file_name),
            then: Box::new(then),
        });
        None
    }

    /// Draws Vigie's dialog, if shown, and runs the command of the path chosen in it.
    pub(crate) fn show_file_dialog(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.file_dialog.as_mut() else {
            return;
        };
        let save = pending.dialog.mode() == DialogMode::Save;
        let outcome = pending.dialog.show(ctx);
        if outcome.is_some() {
            self.last_dialog_dir = Some(pending.dialog.dir().to_path_buf());
        }
        // The folder it wants is read in a job.
        if let Some(wanted) = pending.dialog.take_wanted() {
            let lang = self.lang;
            self.jobs.spawn(ctx, JobKind::ListFolder, move |_| {
                let listed = crate::ui::widgets::file_dialog::read_folder(&wanted, lang);
                JobOutput::FolderListed(Box::new((wanted, listed)))
            });
        }
        match outcome {
            None => {}
            Some(Outcome::Cancelled) => self.file_dialog = None,
            Some(Outcome::Chosen(path)) => {
                if let Some(pending) = self.file_dialog.take() {
                    // Vigie's save dialog asked before replacing a file, as the system's does.
                    self.confirmed_path = save.then(|| path.clone());
                    self.run_command(ctx, (pending.then)(path));
                    self.confirmed_path = None;
                }
            }
        }
    }

    /// A folder Vigie's dialog wanted was read.
    pub(crate) fn folder_listed(
        &mut self,
        wanted: &crate::ui::widgets::file_dialog::Wanted,
        listed: crate::ui::widgets::file_dialog::Listed,
    ) {
        if let Some(pending) = self.file_dialog.as_mut() {
            pending.dialog.listed(wanted, listed);
        }
    }

    /// Reading a folder for Vigie's dialog stopped on an internal error.
    pub(crate) fn folder_listing_failed(&mut self) {
        if let Some(pending) = self.file_dialog.as_mut() {
            pending.dialog.listing_failed();
        }
    }

    /// Uses the system's file dialog or Vigie's (tests: Vigie's, whatever the computer has).
    #[doc(hidden)]
    pub fn set_system_dialogs(&mut self, system: bool) {
        self.system_dialogs = system;
    }

    /// Whether Vigie's file dialog is shown (tests).
    #[doc(hidden)]
    pub fn file_dialog_shown(&self) -> bool {
        self.file_dialog.is_some()
    }
}
