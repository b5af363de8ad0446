//! The Scan page's "encrypt these files" panel: the archive made in a background job, recorded in the
//! vault as evidence once verified, and the originals removed only on the doctor's confirmation.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::archive::{self, ArchiveKey, KeyKind, Origin, Phase, Progress};
use crate::i18n::{Localize as _, T, tr};
use crate::output::OutputKind;
use crate::ui::app::VigieApp;
use crate::ui::app::dialogs::Ask;
use crate::ui::archive::command::{ArchiveCommand, ArchiveOutput};
use crate::ui::archive::view::{
    ArchiveJob, ArchiveKeyChoice, ArchivePanel, ArchiveStage, scope_files,
};
use crate::ui::command::{Command, JobOutput};
use crate::ui::jobs::JobKind;
use crate::ui::scan::view::ScanView;
use crate::ui::state::Notice;
use crate::vault::NewPassphrase;

/// The folder offered for archives: the user's documents, else their home, else the current folder.
fn default_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

impl VigieApp {
    /// The Scan page's state, shown or set aside.
    pub(crate) fn scan_view_mut(&mut self) -> Option<&mut ScanView> {
        self.kept_view_mut::<ScanView>()
    }

    fn archive_panel(&mut self) -> Option<&mut ArchivePanel> {
        self.scan_view_mut()?.archive.as_deref_mut()
    }

    fn panel_error(&mut self, message: String) {
        match self.archive_panel() {
            Some(panel) => panel.error = Some(message),
            None => self.notice = Some(Notice::Error(message)),
        }
    }

    /// Carries out a request of the panel.
    pub(crate) fn run_archive(&mut self, ctx: &egui::Context, command: ArchiveCommand) {
        let lang = self.lang;
        match command {
            ArchiveCommand::Open(scope) => {
                let Some(started_at) = self
                    .vault()
                    .and_then(|v| v.contents().scans.last.as_ref())
                    .map(|l| l.started_at)
                else {
                    return;
                };
                let name = tr::archive_default_name(lang, crate::i18n::today());
                let out = default_folder().join(name);
                if let Some(view) = self.scan_view_mut() {
                    view.archive = Some(Box::new(ArchivePanel::new(scope, started_at, &out)));
                }
            }
            ArchiveCommand::Close => {
                if !self.jobs.is_running(JobKind::Archive)
                    && let Some(view) = self.scan_view_mut()
                {
                    view.archive = None;
                }
            }
            ArchiveCommand::ChooseOut(path) => {
                let ask = Ask::save(
                    T::ArchiveFileFilter.get(lang).to_owned(),
                    "age",
                    tr::archive_default_name(lang, crate::i18n::today()),
                );
                let chosen = path.or_else(|| {
                    self.ask_path(ctx, ask, |p| {
                        Command::Archive(ArchiveCommand::ChooseOut(Some(p)))
                    })
                });
                if let Some(path) = chosen
                    && let Some(panel) = self.archive_panel()
                {
                    panel.out = path.display().to_string();
                    panel.error = None;
                }
            }
            ArchiveCommand::Start => self.start_archive(ctx),
            ArchiveCommand::Cancel => {
                // The job removes its temporary file itself; its result is not waited for.
                self.jobs.cancel(JobKind::Archive);
                if let Some(panel) = self.archive_panel() {
                    panel.deferred = None;
                }
                self.forget_own_pending(ctx);
                if let Some(panel) = self.archive_panel() {
                    panel.stage = ArchiveStage::Setup;
                    panel.error = Some(T::ErrArchiveCancelled.get(lang).to_owned());
                }
            }
            ArchiveCommand::RemoveOriginals => self.remove_originals(ctx),
            ArchiveCommand::SaveKeySheet(path) => self.save_key_sheet(ctx, path),
            ArchiveCommand::SettlePending => self.settle_pending(ctx),
            ArchiveCommand::ForgetPending => {
                if self.jobs.is_running(JobKind::Archive) {
                    return;
                }
                let Some(pending) = self
                    .vault()
                    .and_then(|v| v.contents().archives.pending.clone())
                else {
                    return;
                };
                self.update_vault(ctx, |v| {
                    v.forget_pending_archive();
                });
                self.notice = Some(Notice::Info(tr::archive_pending_forgotten(
                    lang,
                    &pending.path,
                )));
            }
        }
    }

    /// Forgets the pending note of the archive this window was making (its run failed or was
    /// cancelled: nothing under its name).
    fn forget_own_pending(&mut self, ctx: &egui::Context) {
        if self
            .vault()
            .is_some_and(|v| v.contents().archives.pending.is_some())
        {
            self.update_vault(ctx, |v| {
                v.forget_pending_archive();
            });
        }
    }

    /// Reads back the archive a run left unrecorded, in a background job (the whole archive is read
    /// and checked with the practice key); [`Self::archive_done`] then records it or says why not.
    fn settle_pending(&mut self, ctx: &egui::Context) {
        if self.jobs.is_running(JobKind::Archive) {
            return;
        }
        let Some(vault) = self.vault() else {
            return;
        };
        let archives = &vault.contents().archives;
        let Some(pending) = archives.pending.clone() else {
            return;
        };
        let key = archives.key.clone();
        self.jobs.spawn(ctx, JobKind::Archive, move |cancel| {
            let check = crate::practice_file::check_pending_archive(&pending, key.as_ref(), cancel);
            JobOutput::Archive(ArchiveOutput::PendingChecked(pending, check))
        });
    }

    fn start_archive(&mut self, ctx: &egui::Context) {
        let lang = self.lang;
        if self.jobs.is_running(JobKind::Archive) {
            return;
        }
        let Some(vault) = self.vault() else {
            return;
        };
        let contents = vault.contents();
        let practice = contents.practice.name.as_str().to_owned();
        let Some(last) = contents.scans.last.as_ref() else {
            return;
        };
        let findings = Arc::clone(&last.findings);
        let scan_started_at = last.started_at;
        let Some(view) = self.scan_view_mut() else {
            return;
        };
        let shown = view.shown().to_vec();
        let Some(panel) = view.archive.as_deref_mut() else {
            return;
        };
        if panel.scan_started_at != scan_started_at {
            panel.error = Some(T::ArchiveScanChanged.get(lang).to_owned());
            return;
        }
        let picked = scope_files(&findings, &shown, panel.scope);
        if picked.is_empty() {
            panel.error = Some(T::ArchiveNothingPicked.get(lang).to_owned());
            return;
        }
        let mut out = PathBuf::from(panel.out.trim());
        if out.extension().is_none() {
            out.set_extension("age");
        }
        let files: Vec<PathBuf> = picked
            .iter()
            .filter_map(|i| findings.get(*i as usize))
            .map(|f| f.path.clone())
            .collect();
        let passphrase = match panel.key {
            ArchiveKeyChoice::Practice => None,
            ArchiveKeyChoice::Passphrase => {
                let [first, second] = &panel.passphrase;
                match NewPassphrase::parse(first, second, &[practice.as_str()]) {
                    Ok(p) => Some(p),
                    Err(problem) => {
                        panel.error = Some(problem.localize(lang));
                        return;
                    }
                }
            }
        };
        let progress = Arc::new(Mutex::new(Progress {
            phase: Phase::Listing,
            files_done: 0,
            files_total: picked.len() as u64,
            bytes_done: 0,
            bytes_total: 0,
        }));
        panel.stage = ArchiveStage::Running(Arc::clone(&progress));
        panel.error = None;
        panel.picked = picked;
        let origin = Origin {
            practice,
            at: Timestamp::now(),
        };
        let Some(passphrase) = passphrase else {
            // The practice key (made now if needed) and the pending note are saved before anything is
            // encrypted to it: the job starts once that save is done ([`Self::resume_archive`]).
            let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
                return;
            };
            let key = match vault.practice_archive_key() {
                Ok(key) => key.key,
                Err(e) => {
                    self.panel_error(e.localize(lang));
                    return;
                }
            };
            vault.note_pending_archive(&out, origin.at);
            if let Some(panel) = self.archive_panel() {
                panel.deferred = Some(Box::new(ArchiveJob {
                    files,
                    key,
                    out,
                    origin,
                    progress,
                }));
            }
            self.start_save(ctx);
            return;
        };
        self.spawn_archive(
            ctx,
            ArchiveJob {
                files,
                key: ArchiveKey::passphrase(passphrase.expose()),
                out,
                origin,
                progress,
            },
        );
    }

    /// Starts the archive waiting for the vault's save of its pending note, once that save is done;
    /// a failed save stops it (nothing written).
    pub(crate) fn resume_archive(&mut self, ctx: &egui::Context) {
        let Some((busy, failed)) = self
            .session
            .as_ref()
            .map(|s| (s.save.in_flight || s.save.queued, s.save.error.is_some()))
        else {
            return;
        };
        if busy {
            return;
        }
        let Some(job) = self.archive_panel().and_then(|p| p.deferred.take()) else {
            return;
        };
        if failed {
            let out = job.out.clone();
            if let Some(v) = self.session.as_mut().and_then(|s| s.vault.as_mut())
                && v.contents()
                    .archives
                    .pending
                    .as_ref()
                    .is_some_and(|p| std::path::Path::new(&p.path) == out)
            {
                v.forget_pending_archive();
            }
            if let Some(panel) = self.archive_panel() {
                panel.stage = ArchiveStage::Setup;
            }
            self.panel_error(T::ArchiveNotStartedSave.get(self.lang).to_owned());
            return;
        }
        self.spawn_archive(ctx, *job);
    }

    fn spawn_archive(&mut self, ctx: &egui::Context, job: ArchiveJob) {
        let lang = self.lang;
        let ArchiveJob {
            files,
            key,
            out,
            origin,
            progress,
        } = job;
        let repaint = ctx.clone();
        self.jobs.spawn(ctx, JobKind::Archive, move |cancel| {
            let plan = archive::plan_files(&files);
            let mut last_repaint = Instant::now();
            let result = archive::encrypt(&plan, &key, &out, &origin, cancel, &mut |p| {
                if let Ok(mut shared) = progress.lock() {
                    *shared = p;
                }
                if last_repaint.elapsed() > Duration::from_millis(100) {
                    last_repaint = Instant::now();
                    repaint.request_repaint();
                }
            });
            JobOutput::Archive(ArchiveOutput::Made(
                result.map(Box::new).map_err(|e| e.localize(lang)),
            ))
        });
    }

    fn remove_originals(&mut self, ctx: &egui::Context) {
        if self.jobs.is_running(JobKind::Archive) {
            return;
        }
        // Only once the vault holding the archive's key and record is on disk.
        let saved = self
            .session
            .as_ref()
            .is_some_and(|s| !s.save.in_flight && !s.save.queued && s.save.error.is_none());
        if !saved {
            self.panel_error(T::ArchiveWaitForSave.get(self.lang).to_owned());
            return;
        }
        let Some(panel) = self.archive_panel() else {
            return;
        };
        if !panel.confirm_removal {
            return;
        }
        let ArchiveStage::Done(archived) = &panel.stage else {
            return;
        };
        let archived = archived.clone();
        panel.stage = ArchiveStage::Removing(archived.clone());
        panel.error = None;
        let lang = self.lang;
        self.jobs.spawn(ctx, JobKind::Archive, move |cancel| {
            let result = archive::remove_originals(&archived, cancel, &mut |_| {});
            JobOutput::Archive(ArchiveOutput::Removed(result.map_err(|e| e.localize(lang))))
        });
    }

    fn save_key_sheet(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        let lang = self.lang;
        let Some(vault) = self.vault() else {
            return;
        };
        let Some(key) = vault.contents().archives.key.clone() else {
            return;
        };
        let name = tr::archive_key_file_name(
            lang,
            crate::paths::slug(vault.contents().practice.name.as_str()),
        );
        let typed_folder = self
            .archive_panel()
            .map(|p| crate::fs::folder_of(Path::new(p.out.trim())));
        let start = typed_folder.filter(|d| !d.as_os_str().is_empty() && d != Path::new("."));
        let ask = Ask::save(T::ArchiveKeyFileFilter.get(lang).to_owned(), "txt", name).start(start);
        let chosen = path.or_else(|| {
            self.ask_path(ctx, ask, |p| {
                Command::Archive(ArchiveCommand::SaveKeySheet(Some(p)))
            })
        });
        let Some(path) = chosen else {
            return;
        };
        self.jobs.spawn(ctx, JobKind::Archive, move |_| {
            let text = key.identity_file();
            let result = crate::output::check(&path, OutputKind::Other, false)
                .map_err(|e| e.localize(lang))
                .and_then(|_| {
                    crate::output::write(&path, text.as_bytes(), OutputKind::Other, false)
                        .map_err(|e| e.localize(lang))
                })
                .map(|()| path);
            JobOutput::Archive(ArchiveOutput::KeySheet(result))
        });
    }

    /// Takes an archive job's result into the panel and the vault.
    pub(crate) fn archive_done(&mut self, ctx: &egui::Context, output: ArchiveOutput) {
        let lang = self.lang;
        match output {
            ArchiveOutput::Made(Ok(archived)) => {
                let key = match self.archive_panel() {
                    Some(panel) => {
                        panel.picked.clear();
                        panel.key
                    }
                    None => ArchiveKeyChoice::Practice,
                };
                let kind = match key {
                    ArchiveKeyChoice::Practice => KeyKind::Identity,
                    ArchiveKeyChoice::Passphrase => KeyKind::Passphrase,
                };
                self.update_vault(ctx, |v| {
                    let _ = v.record_archive(&archived, kind, |record| {
                        crate::present::archive::evidence(record, lang)
                    });
                });
                if let Some(panel) = self.archive_panel() {
                    panel.stage = ArchiveStage::Done(archived);
                    panel.passphrase = Default::default();
                    panel.error = None;
                }
            }
            ArchiveOutput::Made(Err(message)) => {
                if let Some(panel) = self.archive_panel() {
                    panel.stage = ArchiveStage::Setup;
                }
                // Nothing was left under the archive's name: its pending note goes.
                self.forget_own_pending(ctx);
                self.panel_error(message);
            }
            ArchiveOutput::Removed(result) => {
                let Some(panel) = self.archive_panel() else {
                    return;
                };
                let ArchiveStage::Removing(archived) = &panel.stage else {
                    return;
                };
                let archived = archived.clone();
                match result {
                    Ok(removal) => {
                        panel.stage = ArchiveStage::Removed(archived.clone(), removal);
                        let at = archived.manifest.created_at;
                        self.update_vault(ctx, |v| v.record_originals_removed(at, &removal));
                    }
                    Err(message) => {
                        panel.stage = ArchiveStage::Done(archived);
                        panel.error = Some(message);
                    }
                }
            }
            ArchiveOutput::KeySheet(Ok(path)) => {
                self.update_vault(ctx, |v| v.contents_mut().archives.key_sheet_saved = true);
                self.notice = Some(Notice::Info(tr::archive_key_saved(lang, path.display())));
            }
            ArchiveOutput::KeySheet(Err(message)) => self.panel_error(message),
            ArchiveOutput::PendingChecked(pending, check) => {
                let mut outcome = None;
                self.update_vault(ctx, |v| {
                    outcome = v.settle_checked_pending_archive(&pending, check, |record| {
                        crate::present::archive::evidence(record, lang)
                    });
                });
                if let Some(outcome) = outcome {
                    let text = crate::present::archive::pending_outcome(&outcome, lang, |p| {
                        p.display().to_string()
                    });
                    use crate::practice_file::PendingArchiveOutcome as O;
                    self.notice = Some(match outcome {
                        O::Recorded { .. } | O::NotWritten { .. } => Notice::Info(text),
                        O::NotVerified { .. } | O::Another { .. } => Notice::Error(text),
                    });
                }
            }
        }
    }
}
