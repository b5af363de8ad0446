//! [`VigieApp::run_command`]: one arm per [`Command`], and the background jobs it starts.

use std::path::PathBuf;
use std::time::Duration;

use jiff::Timestamp;

use super::VigieApp;
use super::dialogs::Ask;
use crate::checklist::{self, ActionStatus};
use crate::demo;
use crate::i18n::tr;
use crate::i18n::{Lang, Localize as _, T};
use crate::output::OutputKind;
use crate::practice_file::PracticeFile;
use crate::ui::command::{ActionEdit, Command, JobOutput, PageKind, Secret, SheetFormat};
use crate::ui::jobs::JobKind;
use crate::ui::page::{Page, PageInit};
use crate::ui::pages;
use crate::ui::profile::view::ProfileForm;
use crate::ui::scan::live::LiveScan;
use crate::ui::screen::Screen;
use crate::ui::state::Notice;
use crate::ui::vault::create::CreateForm;
use crate::ui::vault::unlock::UnlockForm;
use crate::vault::{Unlock, VaultError};

impl VigieApp {
    /// What a page is opened with, now.
    pub(crate) fn page_init(&self) -> PageInit<'_> {
        PageInit {
            lang: self.lang,
            vault: self.vault(),
            places: self.places.as_deref(),
            scan_folders: &self.settings.scan_folders,
        }
    }

    /// Shows the page `kind`: the one kept while another was shown if its row says so, else a new one.
    pub(crate) fn open_page(&mut self, kind: PageKind) {
        let page = match self.kept.iter().position(|p| p.kind() == kind) {
            Some(at) => self.kept.swap_remove(at),
            None => pages::open(kind, &self.page_init()),
        };
        self.show_main(page);
    }

    /// Carries out one command. Called after each frame for the commands the screens pushed, and by tests.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ShowWelcome => {
                self.notice = None;
                self.screen = Screen::Welcome;
                self.check_recent(ctx);
            }
            Command::StartCreate => {
                self.notice = None;
                self.screen = Screen::Create(Box::default());
            }
            Command::ChooseNewVaultLocation => {
                if let Screen::Create(form) = &self.screen {
                    let suggested = form.suggested_path(&self.data_dir);
                    let ask = Ask::save(
                        T::VaultFileFilter.get(self.lang).to_owned(),
                        "vigie",
                        suggested
                            .file_name()
                            .unwrap_or_default()
                            .to_string_lossy()
                            .into_owned(),
                    )
                    .start(suggested.parent().map(std::path::Path::to_path_buf));
                    if let Some(path) = self.ask_path(ctx, ask, Command::SetNewVaultLocation) {
                        self.run_command(ctx, Command::SetNewVaultLocation(path));
                    }
                }
            }
            Command::FindVaultPath(name) => {
                let data_dir = self.data_dir.clone();
                self.jobs.spawn(ctx, JobKind::FindVaultPath, move |_| {
                    let path = CreateForm::free_vault_path(&data_dir, &name);
                    JobOutput::VaultPathFound(name, path)
                });
            }
            Command::SetNewVaultLocation(mut path) => {
                if let Screen::Create(form) = &mut self.screen {
                    if path.extension().is_none() {
                        path.set_extension("vigie");
                    }
                    form.custom_path = Some(path);
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
                    JobOutput::Created(PracticeFile::create(&path, &passphrase, contents))
                });
            }
            Command::PickVaultToOpen => {
                let ask = Ask::open()
                    .filter(T::VaultFileFilter.get(self.lang).to_owned(), vec!["vigie"])
                    .start(Some(self.data_dir.practices()));
                if let Some(path) = self.ask_path(ctx, ask, Command::ShowUnlock) {
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
                self.save_recovery_sheet(ctx, format, path);
            }
            Command::FinishRecovery => {
                let draft = self
                    .vault()
                    .map(|v| v.contents().practice.to_draft())
                    .unwrap_or_default();
                self.notice = None;
                self.show_main(Page::new(
                    crate::ui::profile::PAGE,
                    ProfileForm::new(draft, true),
                ));
            }
            Command::SaveProfile(profile) => {
                let first_run = self
                    .screen
                    .view::<crate::ui::profile::view::ProfileForm>()
                    .is_some_and(|f| f.first_run);
                let changed =
                    self.update_vault(ctx, |v| v.update_profile(*profile, Timestamp::now()));
                if changed {
                    if first_run {
                        self.open_page(crate::ui::dashboard::PAGE);
                    } else if let Some(form) = self
                        .screen
                        .view_mut::<crate::ui::profile::view::ProfileForm>()
                    {
                        form.saved = true;
                    }
                }
            }
            Command::Navigate(kind) => {
                if !self.profile_may_leave() {
                    return;
                }
                self.leave_page(ctx);
                self.notice = None;
                if self.settings.last_page.as_deref() != Some(kind.key()) {
                    self.settings.last_page = Some(kind.key().to_owned());
                    self.save_settings(ctx);
                }
                if kind == crate::ui::scan::PAGE {
                    // Looked for again each time the page opens: a USB stick plugged in since is offered.
                    self.find_places(ctx);
                }
                // The page shown is kept if its row says so (the scan's choices and filters).
                if let Screen::Main(shown) = std::mem::replace(&mut self.screen, Screen::Welcome)
                    && pages::row(shown.kind()).is_some_and(|r| r.info.keep)
                {
                    self.kept.retain(|p| p.kind() != shown.kind());
                    self.kept.push(shown);
                }
                self.open_page(kind);
            }
            Command::StartScan(roots) => self.start_scan(ctx, roots),
            Command::OrderScanTable(request) => {
                self.jobs.spawn(ctx, JobKind::OrderScanTable, move |_| {
                    JobOutput::ScanTableOrdered(Box::new(crate::ui::scan::order::compute_order(
                        *request,
                    )))
                });
            }
            Command::RefreshPlaces => self.find_places(ctx),
            Command::StopScan => {
                if let Some(live) = &self.scan {
                    live.stop();
                }
            }
            Command::AddScanFolder(path) => {
                let path = match path {
                    Some(path) => Some(path),
                    None => self.ask_path(ctx, Ask::folder(), |p| Command::AddScanFolder(Some(p))),
                };
                if let Some(path) = path {
                    // Remembered for the next scans (the settings), until removed.
                    if !self.settings.scan_folders.contains(&path) {
                        self.settings.scan_folders.push(path.clone());
                        self.save_settings(ctx);
                    }
                    if let Some(view) = self.screen.view_mut::<crate::ui::scan::view::ScanView>() {
                        view.add_folder(path);
                    }
                }
            }
            Command::RemoveScanFolder(path) => {
                if let Some(view) = self.screen.view_mut::<crate::ui::scan::view::ScanView>() {
                    view.added.retain(|a| *a != path);
                }
                let before = self.settings.scan_folders.len();
                self.settings.scan_folders.retain(|a| *a != path);
                if self.settings.scan_folders.len() != before {
                    self.save_settings(ctx);
                }
            }
            Command::OpenFolder(path) => {
                // Looking at the disk and starting a program: in a job.
                let lang = self.lang;
                self.jobs.spawn(ctx, JobKind::ShowFolder, move |_| {
                    JobOutput::FolderShown(
                        crate::ui::platform::reveal(&path).map_err(|e| reveal_error(lang, &e)),
                    )
                });
            }
            Command::AttachScanReport(item) => self.attach_scan_report(ctx, item),
            Command::ChangePassphrase { current, new } => self.change_passphrase(ctx, current, new),
            Command::NewRecoveryCode { current } => self.new_recovery_code(ctx, current),
            Command::CopyVault(dir) => self.copy_vault(ctx, dir),
            Command::RecoveryCodeNoted => {
                if let Some(form) = self
                    .screen
                    .view_mut::<crate::ui::settings::view::SettingsForm>()
                {
                    form.new_code = None;
                }
            }
            Command::SetLanguage(lang) => {
                self.lang = lang;
                self.settings.language = Some(lang);
                self.save_settings(ctx);
            }
            Command::SetAutoLock(minutes) => {
                self.settings.auto_lock_minutes = minutes;
                self.save_settings(ctx);
            }
            Command::Lock => self.request_lock(ctx, None),
            Command::RetrySave => self.start_save(ctx),
            Command::Answer { item, value, by } => {
                self.update_vault(ctx, |v| {
                    v.answer(&item, value, by, Timestamp::now());
                });
            }
            Command::SetNote { item, note } => {
                // Sent as the note is typed: kept in memory now, saved after a pause in typing.
                if let Some(answer) = self
                    .session
                    .as_mut()
                    .and_then(|s| s.vault.as_mut())
                    .and_then(|v| v.contents_mut().checklist.answers.get_mut(item.as_str()))
                    && answer.note != note
                {
                    answer.note = note;
                    self.edited();
                }
            }
            Command::AttachEvidence { item, path } => self.read_evidence(ctx, item, path),
            Command::DetachEvidence(id) => {
                self.update_vault(ctx, |v| v.contents_mut().checklist.detach(id));
            }
            Command::UpdateAction {
                item,
                edit: ActionEdit::Owner(owner),
            } => {
                // Sent as the owner is typed: kept in memory now, saved after a pause in typing.
                if let Some(action) = self
                    .session
                    .as_mut()
                    .and_then(|s| s.vault.as_mut())
                    .and_then(|v| {
                        let plan = &mut v.contents_mut().checklist.actions;
                        plan.iter_mut().rev().find(|a| a.item == item.as_str())
                    })
                    && action.owner != owner
                {
                    action.owner = owner;
                    self.edited();
                }
            }
            Command::UpdateAction { item, edit } => {
                self.update_vault(ctx, |v| {
                    let plan = &mut v.contents_mut().checklist.actions;
                    if let Some(action) = plan.iter_mut().rev().find(|a| a.item == item.as_str()) {
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
            Command::ExportReminders { path } => self.export_reminders(ctx, path),
            Command::Signing(command) => self.run_signing(ctx, command),
            Command::Breach(command) => self.run_breach(ctx, command),
            Command::Archive(command) => self.run_archive(ctx, command),
            Command::System(command) => self.run_system(ctx, command),
            Command::Register(command) => self.run_register(ctx, command),
            Command::Processors(command) => self.run_processors(ctx, command),
        }
    }

    pub(crate) fn read_evidence(
        &mut self,
        ctx: &egui::Context,
        item: crate::checklist::ItemId,
        path: Option<PathBuf>,
    ) {
        let path = if let Some(path) = path {
            Some(path)
        } else {
            let then_item = item.clone();
            self.ask_path(ctx, Ask::open(), move |path| Command::AttachEvidence {
                item: then_item,
                path: Some(path),
            })
        };
        let Some(path) = path else {
            return;
        };
        let lang = self.lang;
        self.jobs.spawn(ctx, JobKind::ReadEvidence, move |_| {
            let (name, result) =
                read_attachment(&path, checklist::record::MAX_EVIDENCE_BYTES, lang);
            JobOutput::EvidenceRead { item, name, result }
        });
    }

    pub(crate) fn export_report(
        &mut self,
        ctx: &egui::Context,
        kind: crate::report::Document<'static>,
        lang: Lang,
        path: Option<PathBuf>,
    ) {
        let Some(vault) = self.vault() else {
            return;
        };
        let contents = vault.contents().clone();
        let scan = matches!(kind, crate::report::Document::Scan(_));
        if scan && contents.scans.last.is_none() {
            self.notice = Some(Notice::Error(T::ScanReportNoScan.get(self.lang).to_owned()));
            return;
        }
        let target = self.pdf_target(
            ctx,
            path,
            kind.title().get(lang),
            contents.practice.name.as_str(),
            move |path| Command::ExportReport {
                kind,
                lang,
                path: Some(path),
            },
        );
        let Some((path, confirmed)) = target else {
            return;
        };
        self.spawn_document(ctx, path, OutputKind::Pdf, confirmed, move || {
            kind.render(Some(&contents), lang)
        });
    }

    /// Writes the reminders as an iCalendar file, where the user chooses (in a job).
    pub(crate) fn export_reminders(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        let Some(vault) = self.vault() else {
            return;
        };
        let contents = vault.contents().clone();
        let lang = self.lang;
        let name = format!(
            "{}-{}.ics",
            crate::paths::slug(T::RemindersTitle.get(lang)),
            crate::paths::slug(contents.practice.name.as_str())
        );
        let filter = T::IcsFileFilter.get(lang).to_owned();
        let target = self.chosen_target(path, |app| {
            app.ask_path(ctx, Ask::save(filter, "ics", name), |path| {
                Command::ExportReminders { path: Some(path) }
            })
        });
        let Some((path, confirmed)) = target else {
            return;
        };
        self.spawn_document(ctx, path, OutputKind::Other, confirmed, move || {
            let now = jiff::Timestamp::now();
            let list = crate::reminders::reminders(&contents, now);
            Ok(crate::present::reminders::ics(&list, now, contents.created_at, lang).into_bytes())
        });
    }

    pub(crate) fn start_scan(&mut self, ctx: &egui::Context, roots: Vec<PathBuf>) {
        if self.scan.is_some() || roots.is_empty() || self.vault().is_none() {
            return;
        }
        self.notice = None;
        let wake = ctx.clone();
        // Progress comes every thousand files or so; ten frames a second are enough to follow it, and
        // leave the cores to the scan.
        let options = crate::scan::ScanOptions {
            fault_on_name: self.scan_fault.clone(),
            ..crate::scan::ScanOptions::default()
        };
        let (live, work) = LiveScan::new(roots.clone(), options, move || {
            wake.request_repaint_after(Duration::from_millis(100));
        });
        self.scan = Some(live);
        // Whether the folders are there is asked of the disk in the job too: a folder on a slow share
        // or an unplugged stick never freezes the window.
        self.jobs.spawn(ctx, JobKind::Scan, move |_| {
            let missing: Vec<PathBuf> = roots.iter().filter(|r| !r.exists()).cloned().collect();
            if missing.is_empty() {
                JobOutput::ScanEnded(Ok(work()))
            } else {
                JobOutput::ScanEnded(Err(missing))
            }
        });
    }

    pub(crate) fn attach_scan_report(
        &mut self,
        ctx: &egui::Context,
        item: crate::checklist::ItemId,
    ) {
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
            // Evidence is shown to whoever audits the practice: the report by folder.
            let report = crate::report::Document::Scan(crate::report::scan::Detail::Folders);
            let result = report
                .render(Some(&contents), lang)
                .map(crate::digest::Hashed::new)
                .map_err(|e| e.localize(lang));
            JobOutput::EvidenceRead { item, name, result }
        });
    }

    pub(crate) fn start_unlock(&mut self, ctx: &egui::Context, path: PathBuf, secret: Secret) {
        if self.jobs.is_running(JobKind::Unlock) {
            return;
        }
        self.notice = None;
        self.jobs.spawn(ctx, JobKind::Unlock, move |_| {
            let via_recovery = matches!(secret, Secret::RecoveryCode(_));
            let result = match &secret {
                Secret::Passphrase(p) => {
                    PracticeFile::open_for_writing(&path, Unlock::Passphrase(p))
                }
                Secret::RecoveryCode(code) => {
                    PracticeFile::open_for_writing(&path, Unlock::RecoveryCode(code))
                }
            };
            let backups = crate::vault::existing_backups(&path).len();
            JobOutput::Unlocked {
                result,
                via_recovery,
                backups,
            }
        });
    }

    pub(crate) fn open_demo(&mut self, ctx: &egui::Context) {
        let path = self.data_dir.demo_vault();
        self.screen = Screen::Unlock(UnlockForm::new(path.clone(), true));
        if self.jobs.is_running(JobKind::Unlock) {
            return;
        }
        self.notice = None;
        self.jobs.spawn(ctx, JobKind::Unlock, move |_| {
            let result = if path.exists() {
                PracticeFile::open_for_writing(&path, Unlock::Passphrase(demo::DEMO_PASSPHRASE))
            } else {
                demo::create_demo(&path, &demo::demo_passphrase()).map(|(v, _)| v)
            };
            let backups = crate::vault::existing_backups(&path).len();
            JobOutput::Unlocked {
                result,
                via_recovery: false,
                backups,
            }
        });
    }

    pub(crate) fn save_recovery_sheet(
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
        let name = crate::report::recovery_sheet::RecoverySheet::file_name(
            vault.contents().practice.name.as_str(),
            self.lang,
            ext,
        );
        let ask = Ask::save(filter.get(self.lang).to_owned(), ext, name);
        let sheet = crate::report::recovery_sheet::RecoverySheet {
            practice: vault.contents().practice.name.to_string(),
            created_at: vault.contents().created_at,
            vault_path: vault.path().to_path_buf(),
            code: rec.code.clone(),
            archive_key: vault
                .contents()
                .archives
                .key
                .as_ref()
                .map(|k| k.secret_text().to_owned()),
            signing_key: vault
                .contents()
                .assessments
                .doctor_key
                .as_ref()
                .map(|k| k.identity.fingerprint()),
            lang: self.lang,
        };
        let target = self.chosen_target(path, |app| {
            app.ask_path(ctx, ask, move |path| Command::SaveRecoverySheet {
                format,
                path: Some(path),
            })
        });
        let Some((path, confirmed)) = target else {
            return;
        };
        let output_kind = match format {
            SheetFormat::Text => OutputKind::Other,
            SheetFormat::Pdf => OutputKind::Pdf,
        };
        self.spawn_document(ctx, path, output_kind, confirmed, move || match format {
            SheetFormat::Text => Ok(sheet.text().into_bytes()),
            SheetFormat::Pdf => {
                crate::report::Document::RecoverySheet(&sheet).render(None, sheet.lang)
            }
        });
    }

    /// Produces a document in a background job and writes it to `path` by the rules of
    /// [`crate::output`] (never over a vault or a non-file, never into a missing folder; an existing
    /// file of another kind only when `confirmed`); the result comes back as
    /// [`JobOutput::DocumentWritten`], with any error in the user's language.
    pub(crate) fn spawn_document(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        kind: OutputKind,
        confirmed: bool,
        produce: impl FnOnce() -> Result<Vec<u8>, crate::report::RenderError> + Send + 'static,
    ) {
        let lang = self.lang;
        self.jobs.spawn(ctx, JobKind::WriteDocument, move |_| {
            JobOutput::DocumentWritten(write_document(&path, kind, confirmed, lang, produce))
        });
    }

    /// Applies `change` to the open vault and saves in the background. Returns false when no vault is open.
    pub fn update_vault(
        &mut self,
        ctx: &egui::Context,
        change: impl FnOnce(&mut PracticeFile),
    ) -> bool {
        let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
            return false;
        };
        change(vault);
        self.start_save(ctx);
        true
    }

    pub(crate) fn start_save(&mut self, ctx: &egui::Context) {
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
                let path = session.path.clone();
                self.jobs.spawn(ctx, JobKind::Save, move |_| {
                    let result = prepared.write();
                    JobOutput::Saved(result, crate::vault::existing_backups(&path).len())
                });
            }
            Err(e) => session.save.error = Some(e.localize(self.lang)),
        }
    }

    /// Copies the vault and its backups into `dir` in a job, once what was typed is written: the copy
    /// is of the vault as saved.
    pub(crate) fn copy_vault(&mut self, ctx: &egui::Context, dir: Option<PathBuf>) {
        if self.jobs.is_running(JobKind::CopyVault) {
            return;
        }
        let Some(path) = self.session.as_ref().map(|s| s.path.clone()) else {
            return;
        };
        let dir = if let Some(dir) = dir {
            Some(dir)
        } else {
            self.ask_path(ctx, Ask::folder(), |d| Command::CopyVault(Some(d)))
        };
        let Some(dir) = dir else {
            return;
        };
        if self.session.as_ref().is_some_and(|s| s.save.pending()) {
            self.flush_edits(ctx);
            self.notice = Some(Notice::Error(T::CopyWaitSave.get(self.lang).to_owned()));
            return;
        }
        let lang = self.lang;
        let stamp = Timestamp::now().strftime("%Y-%m-%d_%H%M%S").to_string();
        self.jobs.spawn(ctx, JobKind::CopyVault, move |_| {
            JobOutput::VaultCopied(
                crate::vault::copy::copy_verified(&path, &dir, &stamp)
                    .map_err(|e| e.localize(lang)),
            )
        });
    }

    /// Replaces the recovery code in a job that borrows the vault (two key derivations: checking the
    /// passphrase, wrapping with the new code), as a passphrase change does.
    pub(crate) fn new_recovery_code(
        &mut self,
        ctx: &egui::Context,
        current: Option<zeroize::Zeroizing<String>>,
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
            // The vault is lent to this job: whatever happens in the work, even a panic, it goes back.
            let work = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match &current {
                Some(p) => match vault.verify_passphrase(p) {
                    Ok(true) => vault.new_recovery_code(),
                    Ok(false) => Err(VaultError::WrongPassphrase),
                    Err(e) => Err(e),
                },
                None => vault.new_recovery_code(),
            }));
            JobOutput::RecoveryCodeChanged(Box::new(vault), work.ok())
        });
    }

    pub(crate) fn change_passphrase(
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
        let fault = self.jobs.take_fault(JobKind::ChangePassphrase);
        self.jobs.spawn(ctx, JobKind::ChangePassphrase, move |_| {
            // The vault is lent to this job: whatever happens in the work, even a panic, it goes back.
            let work = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                assert!(!fault, "fault injected into a passphrase change");
                match &current {
                    Some(p) => match vault.verify_passphrase(p) {
                        Ok(true) => vault.change_passphrase(&new),
                        Ok(false) => Err(VaultError::WrongPassphrase),
                        Err(e) => Err(e),
                    },
                    None => vault.change_passphrase(&new),
                }
            }));
            let result = work.ok();
            JobOutput::PassphraseChanged(Box::new(vault), result)
        });
    }
}

/// Why a folder could not be shown, in the user's language.
fn reveal_error(lang: Lang, error: &crate::ui::platform::RevealError) -> String {
    use crate::ui::platform::RevealError as E;
    let (folder, detail) = match error {
        E::Gone(folder) => (folder, T::RevealGone.get(lang).to_owned()),
        E::NoProgram(folder) => (folder, T::RevealNoProgram.get(lang).to_owned()),
        // Plain words: the program's name and exit code mean nothing to a doctor.
        E::Failed { folder, .. } => (folder, T::RevealNoFileManager.get(lang).to_owned()),
        E::Io(folder, e) => (folder, crate::i18n::io_reason(lang, e)),
    };
    tr::scan_open_failed(lang, folder.display().to_string(), detail)
}

/// Makes a document and writes it where the user chose (in a job): the place checked first (never a
/// vault, a folder or a device), then the bytes made, then written atomically. The path written, or
/// why not in the user's language.
pub(crate) fn write_document(
    path: &std::path::Path,
    kind: OutputKind,
    confirmed: bool,
    lang: Lang,
    produce: impl FnOnce() -> Result<Vec<u8>, crate::report::RenderError>,
) -> Result<PathBuf, String> {
    crate::output::check(path, kind, confirmed).map_err(|e| e.localize(lang))?;
    let bytes = produce().map_err(|e| e.localize(lang))?;
    crate::output::write(path, &bytes, kind, confirmed).map_err(|e| e.localize(lang))?;
    Ok(path.to_path_buf())
}

/// Reads a file to attach (evidence, a breach's file), in a job: its name, and its bytes or why not in
/// the user's language (too large — checked before reading —, unreadable).
pub(crate) fn read_attachment(
    path: &std::path::Path,
    max: usize,
    lang: Lang,
) -> (String, Result<crate::digest::Hashed, String>) {
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let max = max as u64;
    // Never blocked by a FIFO, never more than the budget in memory.
    let result: Result<Vec<u8>, String> = match crate::fs::read_bounded(path, max) {
        Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
            let size = std::fs::metadata(path).map_or_else(|_| max.saturating_add(1), |m| m.len());
            Err(tr::err_evidence_too_large(
                lang,
                crate::i18n::format_size(size, lang),
                crate::i18n::format_size(max, lang),
            ))
        }
        read => read.map_err(|e| crate::i18n::io_error(lang, path, &e)),
    };
    // Hashed here, in the job that read it: up to 8 MiB is no work for the window's thread.
    (name, result.map(crate::digest::Hashed::new))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Ouvrir" on a desktop without a file manager says so in plain words, not "the program gio could
    /// not open it (code 2)".
    #[test]
    fn a_missing_file_manager_is_said_in_plain_words() {
        let e = crate::ui::platform::RevealError::Failed {
            folder: "/cabinet/exports".into(),
            program: "gio".to_owned(),
            code: Some(2),
        };
        for (lang, words) in [
            (Lang::Fr, "pas de gestionnaire de fichiers"),
            (Lang::En, "no file manager"),
        ] {
            let text = reveal_error(lang, &e);
            assert!(text.contains(words), "{text}");
            assert!(text.contains("/cabinet/exports"), "{text}");
            assert!(!text.contains("gio") && !text.contains("code"), "{text}");
        }
    }
}
