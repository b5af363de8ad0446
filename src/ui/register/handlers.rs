//! The register page's commands: its edits go to the vault through `PracticeFile`'s use cases.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::command::RegisterCommand;
use crate::i18n::{Lang, Localize as _, tr};
use crate::practice_file::{JournalEvent, PracticeFile};
use crate::report::binder_export::{BinderWriteError, binder_files, write_binder};
use crate::ui::VigieApp;
use crate::ui::command::{Command, JobOutput};
use crate::ui::jobs::JobKind;
use crate::ui::state::Notice;

/// Where the binder goes in the folder chosen: the folder itself when it is empty (or new), else a
/// new subfolder named after the day (`classeur-inspection-2026-12-07`, `-2`, `-3`… when taken).
pub fn binder_target(chosen: &Path, lang: Lang, now: Timestamp) -> PathBuf {
    let empty =
        |d: &Path| !d.exists() || std::fs::read_dir(d).is_ok_and(|mut e| e.next().is_none());
    if empty(chosen) {
        return chosen.to_path_buf();
    }
    let base = tr::binder_folder_name(lang, crate::i18n::date_of(now));
    let mut n = 1;
    loop {
        let name = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let candidate = chosen.join(name);
        if empty(&candidate) || n > 99 {
            return candidate;
        }
        n += 1;
    }
}

/// Whether the journal's last entry already says the register was edited: typing on goes on with the
/// same entry rather than one per key.
fn editing_on(vault: &PracticeFile) -> bool {
    vault
        .contents()
        .journal
        .last()
        .is_some_and(|e| e.event == JournalEvent::RegisterEdited)
}

impl VigieApp {
    /// Carries out a request of the register page.
    pub(crate) fn run_register(&mut self, ctx: &egui::Context, command: RegisterCommand) {
        match command {
            RegisterCommand::Edit { kind, field, text } => {
                // Sent as it is typed: kept in memory now, saved after a pause in typing (and before
                // a page change, a lock or closing), journaled once for a run of typing.
                let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
                    return;
                };
                let stored = vault
                    .contents()
                    .register
                    .edits
                    .get(&kind)
                    .and_then(|e| e.get(&field))
                    .map_or("", String::as_str);
                if stored == text.trim() {
                    return;
                }
                if text.trim().is_empty() {
                    // "Back to the pre-filled text" (or a field emptied): saved at once.
                    self.update_vault(ctx, |v| {
                        v.edit_register(kind, field, "", Timestamp::now());
                    });
                    return;
                }
                if editing_on(vault) {
                    vault
                        .contents_mut()
                        .register
                        .edit(kind, field, &text, Timestamp::now());
                } else {
                    vault.edit_register(kind, field, &text, Timestamp::now());
                }
                self.edited();
            }
            RegisterCommand::Include { kind, included } => {
                self.update_vault(ctx, |v| {
                    v.include_register_activity(kind, included, Timestamp::now());
                });
            }
            RegisterCommand::ExportBinder(dir) => self.export_binder(ctx, dir),
            RegisterCommand::NoticeNote(note) => {
                let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
                    return;
                };
                if vault.contents().register.notice_note == note.trim() {
                    return;
                }
                if editing_on(vault) {
                    let register = &mut vault.contents_mut().register;
                    note.trim().clone_into(&mut register.notice_note);
                    register.updated_at = Some(Timestamp::now());
                } else {
                    vault.set_notice_note(&note, Timestamp::now());
                }
                self.edited();
            }
        }
    }
}

impl VigieApp {
    /// Writes the inspection binder into a folder (asked for when `dir` is `None`), in a job: the same
    /// files as `vigie export --kind binder`, written whole or not at all.
    fn export_binder(&mut self, ctx: &egui::Context, dir: Option<PathBuf>) {
        let Some((contents, dir)) = self.folder_export(ctx, dir, |d| {
            Command::Register(RegisterCommand::ExportBinder(Some(d)))
        }) else {
            return;
        };
        let lang = self.lang;
        self.jobs.spawn(ctx, JobKind::WriteDocument, move |_| {
            let result = (|| {
                if dir.exists() && !dir.is_dir() {
                    return Err(tr::err_not_a_folder(lang, dir.display()));
                }
                let now = Timestamp::now();
                let target = binder_target(&dir, lang, now);
                let binder = binder_files(&contents, lang, now).map_err(|e| e.localize(lang))?;
                write_binder(&target, &binder.files).map_err(|e| match e {
                    BinderWriteError::NotEmpty(d) => tr::err_binder_not_empty(lang, d.display()),
                    BinderWriteError::Fs(e) => e.localize(lang),
                })?;
                Ok((target, binder.files.len()))
            })();
            JobOutput::BinderExported(result)
        });
    }

    /// The binder was written, or not: said, with the folder and how many files.
    pub(crate) fn binder_exported(&mut self, result: Result<(PathBuf, usize), String>) {
        self.notice = Some(match result {
            Ok((dir, n)) => Notice::Info(tr::binder_exported(self.lang, n, dir.display())),
            Err(e) => Notice::Error(e),
        });
    }
}
