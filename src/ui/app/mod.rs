//! The application: it owns the state ([`super::state`]), draws a frame, and carries out what the screens
//! ask for. Everything slow goes to [`Jobs`]; this module only decides and routes.
//!
//! - `commands`: [`VigieApp::run_command`], one arm per [`Command`], and the jobs it starts;
//! - `job_results`: what the jobs report, taken into the state;
//! - `lock`: saving what was typed, then locking (by hand, after idle time, on closing).

mod commands;
pub(crate) use commands::{read_attachment, write_document};
pub(crate) mod dialogs;
mod job_results;
mod lock;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::jobs::{JobKind, Jobs};
use super::page::{Page, PageView};
use super::scan::live::LiveScan;
use super::screen::Screen;
use super::shell;
use super::state::{Notice, RecentVault, Session};
use super::theme;
use super::view::ViewContext;
use crate::i18n::{Lang, T};
use crate::paths::DataDir;
use crate::practice_file::PracticeFile;
use crate::scan::places::Place;
use crate::settings::Settings;

/// How long typing must pause before what was typed is saved.
pub const TYPING_PAUSE: Duration = Duration::from_millis(1500);

/// A lock asked for while a save was being written, with the notice to show once locked.
#[derive(Debug, Clone)]
pub(crate) struct PendingLock(Option<Notice>);

/// The Vigie application.
pub struct VigieApp {
    /// Where data lives.
    pub data_dir: DataDir,
    /// Preferences.
    pub settings: Settings,
    /// Interface language.
    pub lang: Lang,
    /// The current screen.
    pub screen: Screen,
    /// The unlocked vault, if any.
    pub session: Option<Session>,
    /// Background jobs.
    pub jobs: Jobs<super::command::JobOutput>,
    /// A message for the user.
    pub notice: Option<Notice>,
    /// The folder scan in progress, if any (it goes on while other pages are shown).
    pub scan: Option<LiveScan>,
    /// The recent vaults, with whether each file is there (checked in a job).
    pub recent: Vec<RecentVault>,
    /// The places to suggest for a scan, once found in a job (`None` until then).
    pub places: Option<Vec<Place>>,
    /// How the places are found (this computer's, or a test's).
    find_places: fn() -> Vec<Place>,
    /// What the views may know of the pages (from the page table, once).
    page_infos: Vec<super::view::PageInfo>,
    /// The pages whose row says their state is kept while another page is shown (the scan's choices
    /// and filters), found again when they are shown.
    pub(crate) kept: Vec<Page>,
    /// Lock requested while a save was in flight: lock when it is written.
    lock_pending: Option<PendingLock>,
    /// A settings write is running, and whether another is wanted after it.
    settings_save: (bool, bool),
    last_activity: Instant,
    /// Vigie's own file dialog, while shown.
    file_dialog: Option<dialogs::PendingDialog>,
    /// The folder Vigie's dialog showed last: the next one opens there (unless asked elsewhere).
    last_dialog_dir: Option<std::path::PathBuf>,
    /// Whether the system's file dialog is used (else Vigie's own).
    system_dialogs: bool,
    /// The path Vigie's save dialog just gave, already confirmed there if it replaces a file.
    confirmed_path: Option<PathBuf>,
    /// The scan being recorded ended on a failure, already told.
    scan_failed: bool,
    /// A file name whose classification panics in the next scans (tests).
    scan_fault: Option<std::ffi::OsString>,
}

impl std::fmt::Debug for VigieApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VigieApp")
            .field("screen", &self.screen)
            .finish_non_exhaustive()
    }
}

impl VigieApp {
    /// A new app on the welcome screen. `lang` overrides the saved and system language.
    pub fn new(ctx: &egui::Context, data_dir: DataDir, lang: Option<Lang>) -> Self {
        theme::install(ctx);
        // Read once, before the first frame is drawn.
        Settings::remove_stale_temporaries(&data_dir.settings_file());
        let settings = Settings::load(&data_dir.settings_file());
        let lang = lang.unwrap_or_else(|| settings.effective_language());
        let mut app = Self {
            data_dir,
            settings,
            lang,
            screen: Screen::Welcome,
            session: None,
            jobs: Jobs::default(),
            notice: None,
            scan: None,
            recent: Vec::new(),
            places: None,
            find_places: crate::scan::places::suggested,
            page_infos: super::pages::infos(),
            kept: Vec::new(),
            lock_pending: None,
            settings_save: (false, false),
            last_activity: Instant::now(),
            file_dialog: None,
            last_dialog_dir: None,
            // Looked for once, before the first frame is drawn.
            system_dialogs: super::platform::system_file_dialog(),
            confirmed_path: None,
            scan_failed: false,
            scan_fault: None,
        };
        app.check_recent(ctx);
        app
    }

    /// The open vault, if unlocked and not lent to a job.
    pub fn vault(&self) -> Option<&PracticeFile> {
        let s = self.session.as_ref()?;
        s.vault.as_ref()
    }

    /// Finds the scan's suggested places with `find` instead of looking at this computer (tests).
    #[doc(hidden)]
    pub fn set_place_finder(&mut self, find: fn() -> Vec<Place>) {
        self.find_places = find;
        self.places = None;
    }

    /// Makes the examination of any file named `name` panic in the next scans, as a bug on a hostile file
    /// would (tests).
    #[doc(hidden)]
    pub fn inject_scan_fault(&mut self, name: &str) {
        self.scan_fault = Some(name.into());
    }

    /// The view `V` of the page shown, or of a page kept while another one is shown.
    pub(crate) fn kept_view_mut<V: PageView>(&mut self) -> Option<&mut V> {
        if self.screen.view::<V>().is_some() {
            return self.screen.view_mut::<V>();
        }
        self.kept.iter_mut().find_map(|p| p.get_mut::<V>())
    }

    pub(crate) fn show_main(&mut self, page: Page) {
        self.screen = Screen::Main(page);
    }

    /// Draws one frame and runs the commands it produced.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let _ui_thread = crate::io_guard::UiThread::enter();
        let ctx = ui.ctx().clone();
        self.handle_job_outputs(&ctx);
        self.poll_scan(&ctx);
        self.check_auto_lock(&ctx);
        self.save_after_typing(&ctx);
        let commands = super::command::CommandSender::default();
        let cx = ViewContext {
            lang: self.lang,
            jobs: &self.jobs,
            settings: &self.settings,
            data_dir: &self.data_dir,
            session: self.session.as_ref(),
            scan: self.scan.as_ref(),
            notice: self.notice.as_ref(),
            recent: &self.recent,
            places: self.places.as_deref(),
            commands: &commands,
            pages: &self.page_infos,
        };
        shell::show(ui, &cx, &mut self.screen);
        for command in commands.take() {
            self.run_command(&ctx, command);
        }
        self.show_file_dialog(&ctx);
        if self.jobs.any_running() {
            // Spinners animate; results arrive with a repaint request anyway.
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    /// Starts checking, in a job, that the recent vaults' files are still there.
    fn check_recent(&mut self, ctx: &egui::Context) {
        let known: Vec<RecentVault> = self
            .settings
            .recent_vaults
            .iter()
            .map(|path| RecentVault {
                path: path.clone(),
                present: self
                    .recent
                    .iter()
                    .find(|r| r.path == *path)
                    .and_then(|r| r.present),
            })
            .collect();
        self.recent = known;
        if self.recent.is_empty() || self.jobs.is_running(JobKind::CheckRecent) {
            return;
        }
        let paths: Vec<PathBuf> = self.recent.iter().map(|r| r.path.clone()).collect();
        self.jobs.spawn(ctx, JobKind::CheckRecent, move |_| {
            super::command::JobOutput::RecentChecked(
                paths
                    .into_iter()
                    .map(|path| RecentVault {
                        present: Some(path.is_file()),
                        path,
                    })
                    .collect(),
            )
        });
    }

    /// Starts looking for the scan's suggested places, in a job.
    fn find_places(&mut self, ctx: &egui::Context) {
        if self.jobs.is_running(JobKind::FindPlaces) {
            return;
        }
        let find = self.find_places;
        self.jobs.spawn(ctx, JobKind::FindPlaces, move |_| {
            super::command::JobOutput::PlacesFound(find())
        });
    }

    /// Writes the preferences in a job; a change made while one is written is written after it.
    fn save_settings(&mut self, ctx: &egui::Context) {
        if self.settings_save.0 {
            self.settings_save.1 = true;
            return;
        }
        self.settings_save = (true, false);
        let settings = self.settings.clone();
        let path = self.data_dir.settings_file();
        let lang = self.lang;
        self.jobs.spawn(ctx, JobKind::SaveSettings, move |_| {
            super::command::JobOutput::SettingsSaved(
                settings
                    .save(&path)
                    .map_err(|e| crate::i18n::Localize::localize(&e, lang)),
            )
        });
    }
}

impl eframe::App for VigieApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.close();
    }
}

impl VigieApp {
    /// Where to write a PDF document: `given`, or else a save dialog, opened on a file name made of the
    /// document's title and the practice's name; with Vigie's dialog, the path chosen comes back later
    /// as `then(path)`.
    pub(crate) fn pdf_target(
        &mut self,
        ctx: &egui::Context,
        given: Option<PathBuf>,
        title: &str,
        practice: &str,
        then: impl FnOnce(PathBuf) -> super::command::Command + 'static,
    ) -> Option<(PathBuf, bool)> {
        let name = format!(
            "{}-{}.pdf",
            crate::paths::slug(title),
            crate::paths::slug(practice)
        );
        let filter = T::PdfFileFilter.get(self.lang).to_owned();
        self.chosen_target(given, |app| {
            app.ask_path(ctx, dialogs::Ask::save(filter, "pdf", name), then)
        })
    }

    /// Where a document goes, and whether the user already confirmed replacing a file there: a path
    /// chosen in a save dialog was confirmed by it (the dialog asks before replacing an existing file);
    /// a path given by a command was not.
    pub(crate) fn chosen_target(
        &mut self,
        given: Option<PathBuf>,
        dialog: impl FnOnce(&mut Self) -> Option<PathBuf>,
    ) -> Option<(PathBuf, bool)> {
        match given {
            Some(path) => {
                let confirmed = self.confirmed_path.as_ref() == Some(&path);
                Some((path, confirmed))
            }
            None => dialog(self).map(|path| (path, true)),
        }
    }
}
