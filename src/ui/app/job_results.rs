//! What the background jobs report, taken into the state.

use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use super::{PendingLock, VigieApp};
use crate::i18n::tr;
use crate::i18n::{Lang, Localize as _, T};
use crate::practice_file::PracticeFile;
use crate::ui::command::JobOutput;
use crate::ui::jobs::JobKind;
use crate::ui::page::Page;
use crate::ui::pages;
use crate::ui::profile::view::ProfileForm;
use crate::ui::screen::Screen;
use crate::ui::state::{Notice, Session};
use crate::ui::vault::recovery::RecoveryScreen;

/// What the user is told when a job of `kind` stopped on an internal error.
fn job_failed(lang: Lang, kind: JobKind) -> String {
    let what = match kind {
        JobKind::CreateVault => T::JobCreateVault,
        JobKind::Unlock => T::JobUnlock,
        JobKind::Save => T::JobSave,
        JobKind::ChangePassphrase => T::JobChangePassphrase,
        JobKind::WriteDocument => T::JobWriteDocument,
        JobKind::ReadEvidence => T::JobReadEvidence,
        JobKind::FindPlaces => T::JobFindPlaces,
        JobKind::CheckRecent => T::JobCheckRecent,
        JobKind::SaveSettings => T::JobSaveSettings,
        JobKind::KeyFile => T::JobKeyFile,
        JobKind::SignedFiles => T::JobSignedFiles,
        JobKind::Archive => T::JobArchive,
        JobKind::SystemCheck => T::JobSystemCheck,
        JobKind::BoxCheck => T::JobBoxCheck,
        JobKind::ShowFolder => T::JobShowFolder,
        JobKind::CopyVault => T::JobCopyVault,
        JobKind::Scan => T::JobScan,
        JobKind::RecordScan => T::JobRecordScan,
        JobKind::FindVaultPath => T::JobFindVaultPath,
        JobKind::OrderScanTable => T::JobOrderScanTable,
        JobKind::ListFolder => T::JobListFolder,
        JobKind::CheckSignedHead => T::JobCheckSignedHead,
    };
    tr::err_job_failed(lang, what.get(lang))
}

impl VigieApp {
    /// A job stopped on an internal error: clear what waited for it, and say so in plain words.
    fn job_failed(&mut self, kind: JobKind) {
        let lang = self.lang;
        let message = job_failed(lang, kind);
        match kind {
            JobKind::Save => {
                if let Some(session) = self.session.as_mut() {
                    session.save.in_flight = false;
                    session.save.queued = false;
                    session.save.error = Some(message);
                }
                return;
            }
            JobKind::ChangePassphrase => {
                // Cannot happen (that job catches its own panics and gives the vault back); should the
                // vault be gone all the same, nothing unsaved was in it: lock rather than wait for ever.
                if self.session.as_ref().is_some_and(|s| s.vault.is_none())
                    && let Some(session) = self.session.take()
                {
                    self.scan = None;
                    self.kept.clear();
                    self.lock_pending = None;
                    self.screen = Screen::Unlock(crate::ui::vault::unlock::UnlockForm::new(
                        session.path.clone(),
                        session.path == self.data_dir.demo_vault(),
                    ));
                }
            }
            JobKind::FindPlaces => {
                let none = Vec::new();
                if let Some(view) = self.kept_view_mut::<crate::ui::scan::view::ScanView>() {
                    view.set_places(&none);
                }
                self.places = Some(none);
            }
            JobKind::CheckRecent => return,
            JobKind::SaveSettings => self.settings_save = (false, false),
            JobKind::Unlock => {
                if let Screen::Unlock(form) = &mut self.screen {
                    form.clear_for_retry();
                }
            }
            JobKind::CreateVault
            | JobKind::SystemCheck
            | JobKind::BoxCheck
            | JobKind::WriteDocument
            | JobKind::ReadEvidence
            | JobKind::KeyFile
            | JobKind::SignedFiles
            | JobKind::ShowFolder
            | JobKind::CopyVault
            | JobKind::RecordScan
            | JobKind::FindVaultPath
            | JobKind::CheckSignedHead => {}
            JobKind::Archive => {
                if let Some(panel) = self.scan_view_mut().and_then(|v| v.archive.as_deref_mut()) {
                    panel.stage = crate::ui::archive::view::ArchiveStage::Setup;
                }
            }
            JobKind::ListFolder => {
                // Said in the dialog itself, which stays open.
                self.folder_listing_failed();
                return;
            }
            JobKind::OrderScanTable => {
                if let Some(view) = self.kept_view_mut::<crate::ui::scan::view::ScanView>() {
                    view.order_failed();
                }
            }
            JobKind::Scan => {
                // The scan ends with what it found so far: recorded like a stopped scan, and said.
                if let Some(live) = self.scan.as_mut() {
                    live.end_failed();
                    let found = live.findings.len() as u64;
                    self.notice = Some(Notice::Error(tr::scan_failed_kept(lang, found)));
                    return;
                }
            }
        }
        self.notice = Some(Notice::Error(message));
    }

    /// Takes the scan's news; when it has ended, puts its findings in order in a job (sorting a hundred
    /// thousand findings is no work for the window's thread), then records it in the vault.
    pub(crate) fn poll_scan(&mut self, ctx: &egui::Context) {
        // While a passphrase change holds the vault, a finished scan waits for it to come back.
        let vault_here = self.vault().is_some();
        let Some(live) = self.scan.as_mut() else {
            return;
        };
        let Some(summary) = live.poll().filter(|_| vault_here) else {
            ctx.request_repaint_after(Duration::from_millis(250));
            return;
        };
        let Some(mut live) = self.scan.take() else {
            return;
        };
        let failed = live.failed;
        let (roots, started_at) = (std::mem::take(&mut live.roots), live.started_at);
        let (findings, waiting) = live.take_findings();
        let errors = std::mem::take(&mut live.errors);
        self.scan_failed = failed;
        self.jobs.spawn(ctx, JobKind::RecordScan, move |_| {
            let mut findings = Arc::try_unwrap(findings).unwrap_or_else(|shared| (*shared).clone());
            findings.extend(waiting);
            JobOutput::ScanRecorded(Box::new(crate::scan::record::ScanRecord::new(
                started_at, &roots, summary, findings, errors,
            )))
        });
    }

    /// A finished scan, in order: into the vault, and said.
    fn scan_recorded(&mut self, ctx: &egui::Context, record: crate::scan::record::ScanRecord) {
        let internal = record
            .errors
            .iter()
            .filter(|e| e.message == crate::scan::INTERNAL_ERROR)
            .count() as u64;
        let saved = self.update_vault(ctx, |v| v.record_scan(record));
        if std::mem::take(&mut self.scan_failed) {
            // The failure's message stays: it already says that what was found is kept.
            return;
        }
        if saved {
            self.notice = Some(if internal > 0 {
                Notice::Error(tr::scan_internal_errors(self.lang, internal))
            } else {
                Notice::Info(T::ScanSaved.get(self.lang).to_owned())
            });
        }
    }

    fn unlocked(
        &mut self,
        ctx: &egui::Context,
        mut vault: PracticeFile,
        via_recovery: bool,
        backups: usize,
    ) {
        self.settings
            .remember_named_vault(vault.path(), vault.contents().practice.name.as_str());
        self.save_settings(ctx);
        let first_run = !vault.contents().profile_confirmed;
        if via_recovery {
            vault.unlocked_with_recovery_code();
        }
        let mut session = Session::new(vault, via_recovery);
        session.backups = backups;
        // The chain is verified at every opening.
        session.breach_break = session
            .vault
            .as_ref()
            .and_then(|v| v.contents().breaches.verify().err());
        self.session = Some(session);
        // Compared in a job, so that the Breaches page has it when it opens.
        self.check_signed_head(ctx);
        self.last_activity = Instant::now();
        if via_recovery {
            self.start_save(ctx);
            self.notice = Some(Notice::Info(
                T::RecoveryUsedAdvice.get(self.lang).to_owned(),
            ));
            self.open_page(crate::ui::settings::PAGE);
        } else if first_run {
            let draft = self
                .vault()
                .map(|v| v.contents().practice.to_draft())
                .unwrap_or_default();
            self.show_main(Page::new(
                crate::ui::profile::PAGE,
                ProfileForm::new(draft, true),
            ));
        } else {
            // Back on the page last used.
            let last = self
                .settings
                .last_page
                .as_deref()
                .and_then(pages::from_key)
                // A page reached from another one (checking a signed file) is not a place to land.
                .filter(|k| pages::row(*k).is_some_and(|r| r.info.nav.is_some()))
                .unwrap_or(crate::ui::dashboard::PAGE);
            // A 72-hour clock running: the dashboard, where it shows, whatever the last page was.
            let last = if self
                .vault()
                .is_some_and(|v| v.contents().breaches.clock_running())
            {
                crate::ui::dashboard::PAGE
            } else {
                last
            };
            if last == crate::ui::scan::PAGE {
                self.find_places(ctx);
            }
            self.open_page(last);
            // A broken chain is said at once, naming the event.
            if let Some(brk) = self.session.as_ref().and_then(|s| s.breach_break.clone())
                && let Some(vault) = self.vault()
            {
                let text = crate::i18n::chain_break(self.lang, &brk, &vault.contents().breaches);
                self.notice = Some(Notice::Error(text));
            }
        }
    }

    /// Takes the results of finished jobs into the state.
    pub fn handle_job_outputs(&mut self, ctx: &egui::Context) {
        for output in self.jobs.drain() {
            self.handle_job_output(ctx, output);
        }
        if let Some(PendingLock(notice)) = self.lock_pending.clone() {
            self.request_lock(ctx, notice);
        }
    }

    /// A document was written, or why not: said; the recovery sheet's archive key marked saved.
    pub(crate) fn document_written(
        &mut self,
        ctx: &egui::Context,
        result: Result<std::path::PathBuf, String>,
    ) {
        let lang = self.lang;
        let sheet_saved = match (result, &mut self.screen) {
            (Ok(path), Screen::Recovery(rec)) => {
                rec.saved_to.push(path);
                true
            }
            (Ok(path), _) => {
                let shown = path.display().to_string();
                self.notice = Some(Notice::Info(tr::exported_to(lang, &shown)));
                false
            }
            (Err(e), _) => {
                self.notice = Some(Notice::Error(e));
                false
            }
        };
        // The recovery sheet carries the archive key: it is saved outside the vault now.
        let key_unsaved = self.vault().is_some_and(|v| {
            v.contents().archives.key.is_some() && !v.contents().archives.key_sheet_saved
        });
        if sheet_saved && key_unsaved {
            self.update_vault(ctx, |v| v.contents_mut().archives.key_sheet_saved = true);
        }
    }

    pub(crate) fn handle_job_output(&mut self, ctx: &egui::Context, output: JobOutput) {
        let lang = self.lang;
        if let Some((command, outcome)) = output.outcome() {
            crate::diag::event(crate::diag::Event::CommandDone { command, outcome });
        }
        match output {
            JobOutput::Archive(output) => self.archive_done(ctx, output),
            JobOutput::Created(Ok((vault, code))) => {
                self.settings
                    .remember_named_vault(vault.path(), vault.contents().practice.name.as_str());
                self.save_settings(ctx);
                self.session = Some(Session::new(vault, false));
                self.last_activity = Instant::now();
                self.screen = Screen::Recovery(RecoveryScreen::new(code));
            }
            JobOutput::Created(Err(e)) => self.notice = Some(Notice::Error(e.localize(lang))),
            JobOutput::Unlocked {
                result: Ok(vault),
                via_recovery,
                backups,
            } => self.unlocked(ctx, vault, via_recovery, backups),
            JobOutput::Unlocked { result: Err(e), .. } => {
                self.notice = Some(Notice::Error(e.localize(lang)));
                if let Screen::Unlock(form) = &mut self.screen {
                    form.clear_for_retry();
                }
            }
            JobOutput::Saved(result, backups) => {
                let Some(session) = self.session.as_mut() else {
                    return;
                };
                session.save.in_flight = false;
                session.backups = backups;
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
                // An archive waiting for its pending note to be on disk.
                self.resume_archive(ctx);
            }
            JobOutput::PassphraseChanged(vault, result) => {
                if let Some(session) = self.session.as_mut() {
                    session.vault = Some(*vault);
                    match result {
                        None => {
                            self.notice =
                                Some(Notice::Error(job_failed(lang, JobKind::ChangePassphrase)));
                        }
                        Some(Ok(())) => {
                            session.via_recovery = false;
                            session.save.last_saved = Some(Timestamp::now());
                            self.notice =
                                Some(Notice::Info(T::PassphraseChanged.get(lang).to_owned()));
                            if let Some(form) = self
                                .screen
                                .view_mut::<crate::ui::settings::view::SettingsForm>()
                            {
                                *form = crate::ui::settings::view::SettingsForm::default();
                            }
                        }
                        Some(Err(e)) => self.notice = Some(Notice::Error(e.localize(lang))),
                    }
                }
            }
            JobOutput::RecoveryCodeChanged(vault, result) => {
                if let Some(session) = self.session.as_mut() {
                    session.vault = Some(*vault);
                    match result {
                        None => {
                            self.notice =
                                Some(Notice::Error(job_failed(lang, JobKind::ChangePassphrase)));
                        }
                        Some(Ok(code)) => {
                            session.save.last_saved = Some(Timestamp::now());
                            self.notice =
                                Some(Notice::Info(T::NewRecoveryCodeDone.get(lang).to_owned()));
                            if let Some(form) = self
                                .screen
                                .view_mut::<crate::ui::settings::view::SettingsForm>()
                            {
                                form.recovery_current = zeroize::Zeroizing::default();
                                form.new_code = Some(code);
                            }
                        }
                        Some(Err(e)) => self.notice = Some(Notice::Error(e.localize(lang))),
                    }
                }
            }
            JobOutput::Failed(kind) => self.job_failed(kind),
            JobOutput::ScanEnded(Ok(_)) => {}
            JobOutput::ScanEnded(Err(missing)) => {
                self.scan = None;
                let missing: Vec<String> =
                    missing.iter().map(|r| r.display().to_string()).collect();
                self.notice = Some(Notice::Error(tr::err_no_such_path(
                    self.lang,
                    missing.join(", "),
                )));
            }
            JobOutput::ScanRecorded(record) => self.scan_recorded(ctx, *record),
            JobOutput::FolderListed(listed) => {
                let (wanted, listed) = *listed;
                self.folder_listed(&wanted, listed);
            }
            JobOutput::ScanTableOrdered(result) => {
                if let Some(view) = self.kept_view_mut::<crate::ui::scan::view::ScanView>() {
                    view.take_order(*result);
                }
            }
            JobOutput::VaultPathFound(name, path) => {
                if let Screen::Create(form) = &mut self.screen {
                    form.found_path = Some((name, path));
                }
            }
            JobOutput::PlacesFound(places) => {
                if let Some(view) = self.kept_view_mut::<crate::ui::scan::view::ScanView>() {
                    view.set_places(&places);
                }
                self.places = Some(places);
            }
            JobOutput::RecentChecked(checked) => {
                for r in &mut self.recent {
                    if let Some(c) = checked.iter().find(|c| c.path == r.path) {
                        r.present = c.present;
                    }
                }
            }
            JobOutput::VaultCopied(result) => {
                self.notice = Some(match result {
                    Ok(copied) => Notice::Info(tr::vault_copied(
                        lang,
                        copied.folder.display(),
                        copied.files.len() as u64,
                    )),
                    Err(e) => Notice::Error(e),
                });
            }
            JobOutput::FolderShown(result) => {
                if let Err(e) = result {
                    self.notice = Some(Notice::Error(e));
                }
            }
            JobOutput::SettingsSaved(result) => {
                let again = self.settings_save.1;
                self.settings_save = (false, false);
                if let Err(e) = result {
                    self.notice = Some(Notice::Error(e));
                } else if again {
                    self.save_settings(ctx);
                }
            }
            JobOutput::DocumentWritten(result) => self.document_written(ctx, result),
            JobOutput::BreachDocumentWritten { result, prepared } => {
                self.breach_document_written(ctx, result, prepared);
            }
            JobOutput::SignedHeadChecked { key, result } => {
                if let Some(session) = self.session.as_mut() {
                    session.signed_head = Some((key, result));
                }
            }
            JobOutput::BreachRegisterExported(result) => self.breach_register_exported(result),
            JobOutput::BinderExported(result) => self.binder_exported(result),
            JobOutput::BreachFileRead {
                id,
                purpose,
                by,
                name,
                result,
            } => self.breach_file_read(ctx, id, purpose, &by, &name, result),
            JobOutput::EvidenceRead { item, name, result } => {
                let attached = result.and_then(|content| {
                    let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
                        return Ok(());
                    };
                    vault
                        .contents_mut()
                        .checklist
                        .attach_hashed(item.as_str(), &name, content)
                        .map(|_| ())
                        .map_err(|e| e.localize(lang))
                });
                match attached {
                    Ok(()) => self.start_save(ctx),
                    Err(e) => self.notice = Some(Notice::Error(e)),
                }
            }
            JobOutput::ContractRead { id, name, result } => {
                self.contract_read(ctx, id, &name, result);
            }
            JobOutput::Signing(output) => self.signing_output(ctx, output),
            JobOutput::SystemChecked(report) => self.system_checked(ctx, *report),
            JobOutput::BoxChecked { result, new_token } => {
                self.box_checked(ctx, *result, new_token);
            }
        }
    }
}
