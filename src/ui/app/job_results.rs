//! What the background jobs report, taken into the state.

use std::time::{Duration, Instant};

use jiff::Timestamp;

use super::{PendingLock, VigieApp};
use crate::i18n::tr;
use crate::i18n::{Lang, Localize as _, T};
use crate::practice_file::PracticeFile;
use crate::ui::command::{JobOutput, PageKind};
use crate::ui::jobs::JobKind;
use crate::ui::screens::{ProfileForm, RecoveryScreen, SettingsForm};
use crate::ui::state::{Notice, Page, Screen, Session};

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
        JobKind::ShowFolder => T::JobShowFolder,
        JobKind::CopyVault => T::JobCopyVault,
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
                    self.scan_view = None;
                    self.lock_pending = None;
                    self.screen = Screen::Unlock(crate::ui::screens::UnlockForm::new(
                        session.path.clone(),
                        session.path == self.data_dir.demo_vault(),
                    ));
                }
            }
            JobKind::FindPlaces => {
                let none = Vec::new();
                if let Screen::Main(Page::Scan(view)) = &mut self.screen {
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
            | JobKind::WriteDocument
            | JobKind::ReadEvidence
            | JobKind::KeyFile
            | JobKind::SignedFiles
            | JobKind::ShowFolder
            | JobKind::CopyVault => {}
            JobKind::Archive => {
                if let Some(panel) = self.scan_view_mut().and_then(|v| v.archive.as_deref_mut()) {
                    panel.stage = crate::ui::screens::ArchiveStage::Setup;
                }
            }
        }
        self.notice = Some(Notice::Error(message));
    }

    /// Takes the scan's news; when it has ended, records it in the vault.
    pub(super) fn poll_scan(&mut self, ctx: &egui::Context) {
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
        let mut live = live;
        let (roots, started_at) = (std::mem::take(&mut live.roots), live.started_at);
        let findings = std::mem::take(&mut live.findings);
        let errors = std::mem::take(&mut live.errors);
        let record =
            crate::scan::record::ScanRecord::new(started_at, &roots, summary, findings, errors);
        let saved = self.update_vault(ctx, |v| v.record_scan(record));
        if saved {
            self.notice = Some(Notice::Info(T::ScanSaved.get(self.lang).to_owned()));
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
        // Breach register: the chain is verified at every opening.
        session.breach_break = session
            .vault
            .as_ref()
            .and_then(|v| v.contents().breaches.verify().err());
        self.session = Some(session);
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
            // Back on the page last used.
            let last = self
                .settings
                .last_page
                .as_deref()
                .and_then(PageKind::from_key)
                .filter(|k| *k != PageKind::Verify)
                .unwrap_or(PageKind::Dashboard);
            if last == PageKind::Scan {
                self.find_places(ctx);
            }
            let page = self.page_for(last);
            self.show_main(page);
            // Breach register: a broken chain is said at once, naming the event.
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

    pub(super) fn handle_job_output(&mut self, ctx: &egui::Context, output: JobOutput) {
        let lang = self.lang;
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
                            if let Screen::Main(Page::Settings(form)) = &mut self.screen {
                                *form = SettingsForm::default();
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
                            if let Screen::Main(Page::Settings(form)) = &mut self.screen {
                                form.recovery_current = zeroize::Zeroizing::default();
                                form.new_code = Some(code);
                            }
                        }
                        Some(Err(e)) => self.notice = Some(Notice::Error(e.localize(lang))),
                    }
                }
            }
            JobOutput::Failed(kind) => self.job_failed(kind),
            JobOutput::PlacesFound(places) => {
                if let Screen::Main(Page::Scan(view)) = &mut self.screen {
                    view.set_places(&places);
                }
                if let Some(view) = self.scan_view.as_mut() {
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
            JobOutput::DocumentWritten(result) => {
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
            // Breach register
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
                        .attach(&item, &name, content)
                        .map(|_| ())
                        .map_err(|e| e.localize(lang))
                });
                match attached {
                    Ok(()) => self.start_save(ctx),
                    Err(e) => self.notice = Some(Notice::Error(e)),
                }
            }
            JobOutput::Signing(output) => self.signing_output(ctx, output),
            // PC checks
            JobOutput::SystemChecked(report) => self.system_checked(ctx, *report),
        }
    }
}
