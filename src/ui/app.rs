//! The application: state, the frame loop, and [`VigieApp::run_command`], which carries out what the
//! screens ask for. Everything slow goes to [`Jobs`]; this file only decides and routes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use super::command::{ActionEdit, Command, JobOutput, PageKind, ReportKind, Secret, SheetFormat};
use super::jobs::{JobKind, Jobs};
use super::scan_run::LiveScan;
use super::screens::{
    self, ActionsView, ChecklistView, CreateForm, ProfileForm, RecoveryScreen, ReportsView,
    ScanView, SettingsForm, UnlockForm,
};
use super::theme;
use crate::checklist::{self, ActionStatus};
use crate::demo;
use crate::i18n::{Lang, Localize, T};
use crate::output::OutputKind;
use crate::paths::DataDir;
use crate::practice_file::{JournalEvent, PracticeFile as Vault};
use crate::settings::Settings;
use crate::vault::{Unlock, VaultError};

/// Which screen fills the window.
#[derive(Debug)]
pub enum Screen {
    /// First screen: create, open, or try the demo.
    Welcome,
    /// Creating a vault.
    Create(Box<CreateForm>),
    /// The recovery code, shown once after creation.
    Recovery(RecoveryScreen),
    /// Unlocking a vault.
    Unlock(UnlockForm),
    /// The main window, with its navigation.
    Main(Page),
}

/// A page of the main window, with its own state.
#[derive(Debug)]
pub enum Page {
    /// The dashboard.
    Dashboard,
    /// The checklist wizard.
    Checklist(Box<ChecklistView>),
    /// The folder scan.
    Scan(Box<ScanView>),
    /// The action plan.
    Actions(ActionsView),
    /// PDF exports.
    Reports(ReportsView),
    /// The practice profile form.
    Profile(Box<ProfileForm>),
    /// The settings.
    Settings(SettingsForm),
}

impl Page {
    /// Which page this is.
    pub fn kind(&self) -> PageKind {
        match self {
            Self::Dashboard => PageKind::Dashboard,
            Self::Checklist(_) => PageKind::Checklist,
            Self::Scan(_) => PageKind::Scan,
            Self::Actions(_) => PageKind::Actions,
            Self::Reports(_) => PageKind::Reports,
            Self::Profile(_) => PageKind::Profile,
            Self::Settings(_) => PageKind::Settings,
        }
    }
}

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
}

/// An unlocked vault and what goes with it.
#[derive(Debug)]
pub struct Session {
    /// The vault; `None` while a passphrase change holds it in a background job.
    pub vault: Option<Vault>,
    /// Where the vault is (kept while the vault is lent to a job).
    pub path: PathBuf,
    /// Saves.
    pub save: SaveState,
    /// Unlocked with the recovery code: the passphrase should be changed.
    pub via_recovery: bool,
}

impl Session {
    fn new(vault: Vault, via_recovery: bool) -> Self {
        Self {
            path: vault.path().to_path_buf(),
            vault: Some(vault),
            save: SaveState::default(),
            via_recovery,
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
    pub jobs: Jobs,
    /// A message for the user.
    pub notice: Option<Notice>,
    /// The folder scan in progress, if any (it goes on while other pages are shown).
    pub scan: Option<LiveScan>,
    /// The Scan page's state, kept when another page is shown so that choices and filters stay.
    scan_view: Option<Box<ScanView>>,
    /// Lock requested while a save was in flight: lock when it is written.
    lock_pending: Option<Option<Notice>>,
    last_activity: Instant,
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
        let settings = Settings::load(&data_dir.settings_file());
        let lang = lang.unwrap_or_else(|| settings.effective_language());
        Self {
            data_dir,
            settings,
            lang,
            screen: Screen::Welcome,
            session: None,
            jobs: Jobs::default(),
            notice: None,
            scan: None,
            scan_view: None,
            lock_pending: None,
            last_activity: Instant::now(),
        }
    }

    /// The open vault, if unlocked and not lent to a job.
    pub fn vault(&self) -> Option<&Vault> {
        self.session.as_ref().and_then(|s| s.vault.as_ref())
    }

    fn save_settings(&mut self) {
        if let Err(e) = self.settings.save(&self.data_dir.settings_file()) {
            self.notice = Some(Notice::Error(crate::i18n::Localize::localize(
                &e, self.lang,
            )));
        }
    }

    fn show_main(&mut self, page: Page) {
        self.screen = Screen::Main(page);
    }

    fn page_for(&self, kind: PageKind) -> Page {
        match kind {
            PageKind::Dashboard => Page::Dashboard,
            PageKind::Checklist => Page::Checklist(Box::default()),
            PageKind::Scan => Page::Scan(Box::new(ScanView::new())),
            PageKind::Actions => Page::Actions(ActionsView::default()),
            PageKind::Reports => Page::Reports(ReportsView::new(self.lang)),
            PageKind::Profile => Page::Profile(Box::new(ProfileForm::new(
                self.vault()
                    .map(|v| v.contents().practice.to_draft())
                    .unwrap_or_default(),
                false,
            ))),
            PageKind::Settings => Page::Settings(SettingsForm::default()),
        }
    }

    /// Carries out one command. Called after each frame for the commands the screens pushed, and by tests.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ShowWelcome => {
                self.notice = None;
                self.screen = Screen::Welcome;
            }
            Command::StartCreate => {
                self.notice = None;
                self.screen = Screen::Create(Box::default());
            }
            Command::ChooseNewVaultLocation => {
                if let Screen::Create(form) = &mut self.screen {
                    let suggested = form.vault_path(&self.data_dir);
                    let mut dialog = rfd::FileDialog::new()
                        .add_filter(T::VaultFileFilter.get(self.lang), &["vigie"])
                        .set_file_name(suggested.file_name().unwrap_or_default().to_string_lossy());
                    if let Some(dir) = suggested.parent().filter(|d| d.is_dir()) {
                        dialog = dialog.set_directory(dir);
                    }
                    if let Some(mut path) = dialog.save_file() {
                        if path.extension().is_none() {
                            path.set_extension("vigie");
                        }
                        form.custom_path = Some(path);
                    }
                }
            }
            Command::CreateVault {
                name,
                path,
                passphrase,
            } => {
                if self.jobs.is_running(JobKind::CreateVault) {
                    return;
                }
                self.notice = None;
                let contents =
                    crate::practice_file::VaultContents::new(crate::practice::Profile::named(name));
                self.jobs.spawn(ctx, JobKind::CreateVault, move |_| {
                    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
                        && let Err(e) = std::fs::create_dir_all(dir)
                    {
                        return JobOutput::Created(Err(VaultError::io("creating", dir, e)));
                    }
                    JobOutput::Created(Vault::create(&path, &passphrase, contents))
                });
            }
            Command::PickVaultToOpen => {
                let mut dialog = rfd::FileDialog::new()
                    .add_filter(T::VaultFileFilter.get(self.lang), &["vigie"]);
                if self.data_dir.practices().is_dir() {
                    dialog = dialog.set_directory(self.data_dir.practices());
                }
                if let Some(path) = dialog.pick_file() {
                    self.run_command(ctx, Command::ShowUnlock(path));
                }
            }
            Command::ShowUnlock(path) => {
                self.notice = None;
                let is_demo = path == self.data_dir.demo_vault();
                self.screen = Screen::Unlock(UnlockForm::new(path, is_demo));
            }
            Command::Unlock { path, secret } => self.start_unlock(ctx, path, secret),
            Command::CancelUnlock => self.jobs.cancel(JobKind::Unlock),
            Command::OpenDemo => self.open_demo(ctx),
            Command::SaveRecoverySheet { format, path } => {
                self.save_recovery_sheet(ctx, format, path)
            }
            Command::FinishRecovery => {
                let draft = self
                    .vault()
                    .map(|v| v.contents().practice.to_draft())
                    .unwrap_or_default();
                self.notice = None;
                self.show_main(Page::Profile(Box::new(ProfileForm::new(draft, true))));
            }
            Command::SaveProfile(profile) => {
                let first_run =
                    matches!(&self.screen, Screen::Main(Page::Profile(f)) if f.first_run);
                let changed = self.update_vault(ctx, |v| {
                    let c = v.contents_mut();
                    c.practice = *profile;
                    c.profile_confirmed = true;
                    c.record(JournalEvent::ProfileUpdated);
                    // Applicability may have changed: the plan follows.
                    checklist::plan::sync(
                        checklist::catalog(),
                        &c.practice,
                        &mut c.checklist,
                        Timestamp::now(),
                    );
                });
                if changed {
                    if first_run {
                        self.show_main(Page::Dashboard);
                    } else if let Screen::Main(Page::Profile(form)) = &mut self.screen {
                        form.saved = true;
                    }
                }
            }
            Command::Navigate(kind) => {
                self.notice = None;
                let page = match (kind, self.scan_view.take()) {
                    (PageKind::Scan, Some(view)) => Page::Scan(view),
                    _ => self.page_for(kind),
                };
                if let Screen::Main(Page::Scan(view)) =
                    std::mem::replace(&mut self.screen, Screen::Main(Page::Dashboard))
                {
                    self.scan_view = Some(view);
                }
                self.show_main(page);
            }
            Command::StartScan(roots) => self.start_scan(ctx, roots),
            Command::StopScan => {
                if let Some(live) = &self.scan {
                    live.stop();
                }
            }
            Command::AddScanFolder(path) => {
                let path = path.or_else(|| rfd::FileDialog::new().pick_folder());
                if let (Some(path), Screen::Main(Page::Scan(view))) = (path, &mut self.screen) {
                    view.add_folder(path);
                }
            }
            Command::OpenFolder(path) => {
                if let Err(e) = super::platform::reveal(&path) {
                    let folder = screens::scan::containing_folder(&path);
                    self.notice = Some(Notice::Error(T::ScanOpenFailed.fill(
                        self.lang,
                        &[
                            ("path", &folder.display().to_string()),
                            ("detail", &e.to_string()),
                        ],
                    )));
                }
            }
            Command::AttachScanReport(item) => self.attach_scan_report(ctx, item),
            Command::ChangePassphrase { current, new } => self.change_passphrase(ctx, current, new),
            Command::SetLanguage(lang) => {
                self.lang = lang;
                self.settings.language = Some(lang);
                self.save_settings();
            }
            Command::SetAutoLock(minutes) => {
                self.settings.auto_lock_minutes = minutes;
                self.save_settings();
            }
            Command::Lock => self.request_lock(None),
            Command::RetrySave => self.start_save(ctx),
            Command::Answer { item, value, by } => {
                self.update_vault(ctx, |v| {
                    let c = v.contents_mut();
                    let now = Timestamp::now();
                    c.checklist.answer(&item, value, by, now);
                    checklist::plan::sync(checklist::catalog(), &c.practice, &mut c.checklist, now);
                });
            }
            Command::SetNote { item, note } => {
                self.update_vault(ctx, |v| {
                    if let Some(answer) = v.contents_mut().checklist.answers.get_mut(&item) {
                        answer.note = note;
                    }
                });
            }
            Command::AttachEvidence { item, path } => self.read_evidence(ctx, item, path),
            Command::DetachEvidence(id) => {
                self.update_vault(ctx, |v| v.contents_mut().checklist.detach(id));
            }
            Command::UpdateAction { item, edit } => {
                self.update_vault(ctx, |v| {
                    let plan = &mut v.contents_mut().checklist.actions;
                    if let Some(action) = plan.iter_mut().rev().find(|a| a.item == item) {
                        match edit {
                            ActionEdit::Owner(owner) => action.owner = owner,
                            ActionEdit::Due(due) => action.due = due,
                            ActionEdit::Status(status) => {
                                action.done_at =
                                    (status == ActionStatus::Done).then(Timestamp::now);
                                action.status = status;
                            }
                        }
                    }
                });
            }
            Command::ExportReport { kind, lang, path } => self.export_report(ctx, kind, lang, path),
        }
    }

    fn read_evidence(&mut self, ctx: &egui::Context, item: String, path: Option<PathBuf>) {
        let Some(path) = path.or_else(|| rfd::FileDialog::new().pick_file()) else {
            return;
        };
        let lang = self.lang;
        self.jobs.spawn(ctx, JobKind::ReadEvidence, move |_| {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let max = checklist::record::MAX_EVIDENCE_BYTES as u64;
            let result = match std::fs::metadata(&path) {
                Ok(meta) if meta.len() > max => Err(T::ErrEvidenceTooLarge.fill(
                    lang,
                    &[
                        ("size", &crate::i18n::format_size(meta.len(), lang)),
                        ("max", &crate::i18n::format_size(max, lang)),
                    ],
                )),
                Ok(_) => std::fs::read(&path).map_err(|e| crate::i18n::io_error(lang, &path, &e)),
                Err(e) => Err(crate::i18n::io_error(lang, &path, &e)),
            };
            JobOutput::EvidenceRead { item, name, result }
        });
    }

    fn export_report(
        &mut self,
        ctx: &egui::Context,
        kind: ReportKind,
        lang: Lang,
        path: Option<PathBuf>,
    ) {
        let Some(vault) = self.vault() else {
            return;
        };
        let contents = vault.contents().clone();
        if kind == ReportKind::Scan && contents.scans.last.is_none() {
            self.notice = Some(Notice::Error(T::ScanReportNoScan.get(self.lang).to_owned()));
            return;
        }
        let title = match kind {
            ReportKind::Assessment => T::ReportTitle,
            ReportKind::ActionPlan => T::ActionPlanReportTitle,
            ReportKind::Scan => T::NavScan,
        };
        let target = chosen_target(path, || {
            let name = format!(
                "{}-{}.pdf",
                crate::paths::slug(title.get(lang)),
                crate::paths::slug(contents.practice.name.as_str())
            );
            rfd::FileDialog::new()
                .add_filter(T::PdfFileFilter.get(self.lang), &["pdf"])
                .set_file_name(name)
                .save_file()
        });
        let Some((path, confirmed)) = target else {
            return;
        };
        self.spawn_document(ctx, path, OutputKind::Pdf, confirmed, move || match kind {
            ReportKind::Assessment => crate::report::assessment::assessment_pdf(&contents, lang),
            ReportKind::ActionPlan => crate::report::assessment::action_plan_pdf(&contents, lang),
            ReportKind::Scan => {
                crate::report::scan::scan_pdf(&contents, lang).unwrap_or_else(|| {
                    Err(crate::report::pdf::PdfError::NothingToReport(
                        T::ScanReportNoScan.get(lang).to_owned(),
                    ))
                })
            }
        });
    }

    fn start_scan(&mut self, ctx: &egui::Context, roots: Vec<PathBuf>) {
        if self.scan.is_some() || roots.is_empty() || self.vault().is_none() {
            return;
        }
        self.notice = None;
        let missing: Vec<String> = roots
            .iter()
            .filter(|r| !r.exists())
            .map(|r| r.display().to_string())
            .collect();
        if !missing.is_empty() {
            self.notice = Some(Notice::Error(
                T::ErrNoSuchPath.fill(self.lang, &[("path", &missing.join(", "))]),
            ));
            return;
        }
        let wake = ctx.clone();
        // Progress comes every thousand files or so; ten frames a second are enough to follow it, and
        // leave the cores to the scan.
        match LiveScan::start(roots, crate::scan::ScanOptions::default(), move || {
            wake.request_repaint_after(Duration::from_millis(100))
        }) {
            Ok(live) => self.scan = Some(live),
            Err(e) => {
                self.notice = Some(Notice::Error(
                    T::ErrSaveFile.fill(self.lang, &[("detail", &e.to_string())]),
                ));
            }
        }
    }

    /// Takes the scan's news; when it has ended, records it in the vault.
    fn poll_scan(&mut self, ctx: &egui::Context) {
        // While a passphrase change holds the vault, a finished scan waits for it to come back.
        let vault_here = self.vault().is_some();
        let Some(live) = self.scan.as_mut() else {
            return;
        };
        let Some(summary) = live.poll().filter(|_| vault_here) else {
            ctx.request_repaint_after(Duration::from_millis(250));
            return;
        };
        let Some(live) = self.scan.take() else {
            return;
        };
        let LiveScan {
            ref roots,
            started_at,
            ..
        } = live;
        let roots = roots.clone();
        let mut live = live;
        let findings = std::mem::take(&mut live.findings);
        let errors = std::mem::take(&mut live.errors);
        let record =
            crate::scan::record::ScanRecord::new(started_at, &roots, summary, findings, errors);
        let saved = self.update_vault(ctx, |v| {
            let c = v.contents_mut();
            c.scans.push(record);
            c.record(JournalEvent::Scanned);
        });
        if saved {
            self.notice = Some(Notice::Info(T::ScanSaved.get(self.lang).to_owned()));
        }
    }

    fn attach_scan_report(&mut self, ctx: &egui::Context, item: String) {
        let Some(vault) = self.vault() else {
            return;
        };
        let contents = vault.contents().clone();
        let Some(last) = contents.scans.last.as_ref() else {
            return;
        };
        let lang = self.lang;
        let name = format!(
            "{}-{}.pdf",
            crate::paths::slug(T::NavScan.get(lang)),
            crate::i18n::date_of(last.started_at)
        );
        self.jobs.spawn(ctx, JobKind::ReadEvidence, move |_| {
            let result = match crate::report::scan::scan_pdf(&contents, lang) {
                Some(Ok(bytes)) => Ok(bytes),
                Some(Err(e)) => Err(T::ErrSaveFile.fill(lang, &[("detail", &e.to_string())])),
                None => Err(T::ScanReportNoScan.get(lang).to_owned()),
            };
            JobOutput::EvidenceRead { item, name, result }
        });
    }

    fn start_unlock(&mut self, ctx: &egui::Context, path: PathBuf, secret: Secret) {
        if self.jobs.is_running(JobKind::Unlock) {
            return;
        }
        self.notice = None;
        self.jobs.spawn(ctx, JobKind::Unlock, move |_| {
            let via_recovery = matches!(secret, Secret::RecoveryCode(_));
            let result = match &secret {
                Secret::Passphrase(p) => Vault::open_for_writing(&path, Unlock::Passphrase(p)),
                Secret::RecoveryCode(code) => {
                    Vault::open_for_writing(&path, Unlock::RecoveryCode(code))
                }
            };
            JobOutput::Unlocked {
                result,
                via_recovery,
            }
        });
    }

    fn open_demo(&mut self, ctx: &egui::Context) {
        let path = self.data_dir.demo_vault();
        self.screen = Screen::Unlock(UnlockForm::new(path.clone(), true));
        if self.jobs.is_running(JobKind::Unlock) {
            return;
        }
        self.notice = None;
        self.jobs.spawn(ctx, JobKind::Unlock, move |_| {
            let result = if path.exists() {
                Vault::open_for_writing(&path, Unlock::Passphrase(demo::DEMO_PASSPHRASE))
            } else {
                demo::create_demo(&path, &demo::demo_passphrase()).map(|(v, _)| v)
            };
            JobOutput::Unlocked {
                result,
                via_recovery: false,
            }
        });
    }

    fn save_recovery_sheet(
        &mut self,
        ctx: &egui::Context,
        format: SheetFormat,
        path: Option<PathBuf>,
    ) {
        let Screen::Recovery(rec) = &self.screen else {
            return;
        };
        let Some(vault) = self.vault() else {
            return;
        };
        let (ext, filter) = match format {
            SheetFormat::Text => ("txt", T::TextFileFilter),
            SheetFormat::Pdf => ("pdf", T::PdfFileFilter),
        };
        let target = chosen_target(path, || {
            let name = format!(
                "{}-code-de-secours.{ext}",
                crate::paths::slug(vault.contents().practice.name.as_str())
            );
            rfd::FileDialog::new()
                .add_filter(filter.get(self.lang), &[ext])
                .set_file_name(name)
                .save_file()
        });
        let Some((path, confirmed)) = target else {
            return;
        };
        let output_kind = match format {
            SheetFormat::Text => OutputKind::Other,
            SheetFormat::Pdf => OutputKind::Pdf,
        };
        let sheet = crate::report::recovery_sheet::RecoverySheet {
            practice: vault.contents().practice.name.to_string(),
            created_at: vault.contents().created_at,
            vault_path: vault.path().to_path_buf(),
            code: rec.code.clone(),
            lang: self.lang,
        };
        self.spawn_document(ctx, path, output_kind, confirmed, move || match format {
            SheetFormat::Text => Ok(sheet.text().into_bytes()),
            SheetFormat::Pdf => sheet.pdf(),
        });
    }

    /// Produces a document in a background job and writes it to `path` by the rules of
    /// [`crate::output`] (never over a vault or a non-file, never into a missing folder; an existing
    /// file of another kind only when `confirmed`); the result comes back as
    /// [`JobOutput::DocumentWritten`], with any error in the user's language.
    fn spawn_document(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        kind: OutputKind,
        confirmed: bool,
        produce: impl FnOnce() -> Result<Vec<u8>, crate::report::pdf::PdfError> + Send + 'static,
    ) {
        let lang = self.lang;
        self.jobs.spawn(ctx, JobKind::WriteDocument, move |_| {
            let result = crate::output::check(&path, kind, confirmed)
                .map_err(|e| e.localize(lang))
                .and_then(|_| {
                    produce().map_err(|e| T::ErrSaveFile.fill(lang, &[("detail", &e.to_string())]))
                })
                .and_then(|b| {
                    crate::output::write(&path, &b, kind, confirmed)
                        .map_err(|e| e.localize(lang))
                        .map(|()| path)
                });
            JobOutput::DocumentWritten(result)
        });
    }

    /// Applies `change` to the open vault and saves in the background. Returns false when no vault is open.
    pub fn update_vault(&mut self, ctx: &egui::Context, change: impl FnOnce(&mut Vault)) -> bool {
        let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
            return false;
        };
        change(vault);
        self.start_save(ctx);
        true
    }

    fn start_save(&mut self, ctx: &egui::Context) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if session.save.in_flight {
            session.save.queued = true;
            return;
        }
        let Some(vault) = session.vault.as_mut() else {
            return;
        };
        match vault.prepare_save() {
            Ok(prepared) => {
                session.save.in_flight = true;
                session.save.queued = false;
                self.jobs.spawn(ctx, JobKind::Save, move |_| {
                    JobOutput::Saved(prepared.write())
                });
            }
            Err(e) => session.save.error = Some(e.localize(self.lang)),
        }
    }

    fn change_passphrase(
        &mut self,
        ctx: &egui::Context,
        current: Option<zeroize::Zeroizing<String>>,
        new: crate::vault::NewPassphrase,
    ) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if session.save.in_flight || self.jobs.is_running(JobKind::ChangePassphrase) {
            return;
        }
        let Some(mut vault) = session.vault.take() else {
            return;
        };
        self.notice = None;
        self.jobs.spawn(ctx, JobKind::ChangePassphrase, move |_| {
            let result = match &current {
                Some(p) => match vault.verify_passphrase(p) {
                    Ok(true) => vault.change_passphrase(&new),
                    Ok(false) => Err(VaultError::WrongPassphrase),
                    Err(e) => Err(e),
                },
                None => vault.change_passphrase(&new),
            };
            JobOutput::PassphraseChanged(Box::new(vault), result)
        });
    }

    fn request_lock(&mut self, notice: Option<Notice>) {
        let busy = self
            .session
            .as_ref()
            .is_some_and(|s| s.save.in_flight || s.save.queued || s.vault.is_none());
        if busy {
            self.lock_pending = Some(notice);
        } else {
            self.lock_now(notice);
        }
    }

    fn lock_now(&mut self, notice: Option<Notice>) {
        self.lock_pending = None;
        // The scan's results belong in the vault: a scan that cannot be saved any more stops.
        let stopped_scan = self.scan.take().is_some();
        self.scan_view = None;
        // Dropping the vault wipes its key from memory.
        if let Some(session) = self.session.take() {
            self.screen = Screen::Unlock(UnlockForm::new(
                session.path.clone(),
                session.path == self.data_dir.demo_vault(),
            ));
        }
        self.notice = if stopped_scan {
            Some(Notice::Info(match notice {
                Some(Notice::Info(t) | Notice::Error(t)) => {
                    format!("{t} {}", T::ScanLockedStopped.get(self.lang))
                }
                None => T::ScanLockedStopped.get(self.lang).to_owned(),
            }))
        } else {
            notice
        };
    }

    fn unlocked(&mut self, ctx: &egui::Context, mut vault: Vault, via_recovery: bool) {
        self.settings.remember_vault(vault.path());
        self.save_settings();
        let first_run = !vault.contents().profile_confirmed;
        if via_recovery {
            vault
                .contents_mut()
                .record(JournalEvent::UnlockedWithRecoveryCode);
        }
        self.session = Some(Session::new(vault, via_recovery));
        self.last_activity = Instant::now();
        if via_recovery {
            self.start_save(ctx);
            self.notice = Some(Notice::Info(
                T::RecoveryUsedAdvice.get(self.lang).to_owned(),
            ));
            self.show_main(Page::Settings(SettingsForm::default()));
        } else if first_run {
            let draft = self
                .vault()
                .map(|v| v.contents().practice.to_draft())
                .unwrap_or_default();
            self.show_main(Page::Profile(Box::new(ProfileForm::new(draft, true))));
        } else {
            self.show_main(Page::Dashboard);
        }
    }

    /// Takes the results of finished jobs into the state.
    pub fn handle_job_outputs(&mut self, ctx: &egui::Context) {
        for output in self.jobs.drain() {
            self.handle_job_output(ctx, output);
        }
        if let Some(notice) = self.lock_pending.clone() {
            self.request_lock(notice);
        }
    }

    fn handle_job_output(&mut self, ctx: &egui::Context, output: JobOutput) {
        let lang = self.lang;
        match output {
            JobOutput::Created(Ok((vault, code))) => {
                self.settings.remember_vault(vault.path());
                self.save_settings();
                self.session = Some(Session::new(vault, false));
                self.last_activity = Instant::now();
                self.screen = Screen::Recovery(RecoveryScreen::new(code));
            }
            JobOutput::Created(Err(e)) => self.notice = Some(Notice::Error(e.localize(lang))),
            JobOutput::Unlocked {
                result: Ok(vault),
                via_recovery,
            } => self.unlocked(ctx, vault, via_recovery),
            JobOutput::Unlocked { result: Err(e), .. } => {
                self.notice = Some(Notice::Error(e.localize(lang)));
                if let Screen::Unlock(form) = &mut self.screen {
                    form.clear_for_retry();
                }
            }
            JobOutput::Saved(result) => {
                let Some(session) = self.session.as_mut() else {
                    return;
                };
                session.save.in_flight = false;
                match result {
                    Ok(saved) => {
                        if let Some(v) = session.vault.as_mut() {
                            v.saved(saved);
                        }
                        session.save.last_saved = Some(Timestamp::now());
                        session.save.error = None;
                        if session.save.queued {
                            self.start_save(ctx);
                        }
                    }
                    Err(e) => {
                        session.save.queued = false;
                        session.save.error = Some(e.localize(lang));
                    }
                }
            }
            JobOutput::PassphraseChanged(vault, result) => {
                if let Some(session) = self.session.as_mut() {
                    session.vault = Some(*vault);
                    match result {
                        Ok(()) => {
                            session.via_recovery = false;
                            session.save.last_saved = Some(Timestamp::now());
                            self.notice =
                                Some(Notice::Info(T::PassphraseChanged.get(lang).to_owned()));
                            if let Screen::Main(Page::Settings(form)) = &mut self.screen {
                                *form = SettingsForm::default();
                            }
                        }
                        Err(e) => self.notice = Some(Notice::Error(e.localize(lang))),
                    }
                }
            }
            JobOutput::DocumentWritten(result) => match (result, &mut self.screen) {
                (Ok(path), Screen::Recovery(rec)) => rec.saved_to.push(path),
                (Ok(path), _) => {
                    let shown = path.display().to_string();
                    self.notice = Some(Notice::Info(T::ExportedTo.fill(lang, &[("path", &shown)])));
                }
                (Err(e), _) => self.notice = Some(Notice::Error(e)),
            },
            JobOutput::EvidenceRead { item, name, result } => {
                let attached = result.and_then(|content| {
                    let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
                        return Ok(());
                    };
                    vault
                        .contents_mut()
                        .checklist
                        .attach(&item, &name, content)
                        .map(|_| ())
                        .map_err(|e| e.localize(lang))
                });
                match attached {
                    Ok(()) => self.start_save(ctx),
                    Err(e) => self.notice = Some(Notice::Error(e)),
                }
            }
        }
    }

    fn check_auto_lock(&mut self, ctx: &egui::Context) {
        let active = ctx.input(|i| !i.events.is_empty() || i.pointer.delta() != egui::Vec2::ZERO);
        if active {
            self.last_activity = Instant::now();
        }
        // The recovery code is on screen only once: locking there would lose it for good.
        if self.session.is_none() || matches!(self.screen, Screen::Recovery(_)) {
            return;
        }
        let delay = Duration::from_secs(u64::from(self.settings.auto_lock_minutes) * 60);
        let idle = self.last_activity.elapsed();
        if idle >= delay {
            let minutes = self.settings.auto_lock_minutes.to_string();
            let notice = Notice::Info(T::LockedAfterIdle.fill(self.lang, &[("n", &minutes)]));
            self.request_lock(Some(notice));
        } else {
            // Wake up once when the delay runs out; no work at all until then.
            ctx.request_repaint_after(delay - idle);
        }
    }

    /// Forces the idle clock, for tests of the automatic lock.
    #[doc(hidden)]
    pub fn pretend_idle_for(&mut self, idle: Duration) {
        self.last_activity = Instant::now()
            .checked_sub(idle)
            .unwrap_or_else(Instant::now);
    }

    /// Draws one frame and runs the commands it produced.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.handle_job_outputs(&ctx);
        self.poll_scan(&ctx);
        self.check_auto_lock(&ctx);
        let mut commands = Vec::new();
        screens::show(self, ui, &mut commands);
        for command in commands {
            self.run_command(&ctx, command);
        }
        if self.jobs.any_running() {
            // Spinners animate; results arrive with a repaint request anyway.
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }
}

impl eframe::App for VigieApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A scan that has just ended is recorded; one still running is dropped (its thread stops). Let a
        // save in flight finish, and write one that was queued: closing never loses an answer.
        let ctx = egui::Context::default();
        self.poll_scan(&ctx);
        self.scan = None;
        for output in self.jobs.wait_all() {
            self.handle_job_output(&ctx, output);
        }
        for output in self.jobs.wait_all() {
            self.handle_job_output(&ctx, output);
        }
    }
}

/// Where a document goes, and whether the user already confirmed replacing a file there: a path chosen
/// in the system's save dialog was confirmed by it (the dialog asks before replacing an existing file);
/// a path given by a command was not.
fn chosen_target(
    given: Option<PathBuf>,
    dialog: impl FnOnce() -> Option<PathBuf>,
) -> Option<(PathBuf, bool)> {
    match given {
        Some(path) => Some((path, false)),
        None => dialog().map(|path| (path, true)),
    }
}
