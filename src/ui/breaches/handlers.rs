//! The breach register's commands: each change goes through the domain's checks and, once appended to
//! the chain, is saved; a refusal is explained on the page and nothing changes.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::breach::{BreachId, BreachRegister, Change, Purpose};
use crate::i18n::{Lang, Localize as _, T, tr};
use crate::output::OutputKind;
use crate::ui::app::VigieApp;
use crate::ui::app::dialogs::Ask;
use crate::ui::breaches::view::BreachesView;
use crate::ui::command::{BreachCommand, Command, JobOutput};
use crate::ui::jobs::JobKind;
use crate::ui::page::Page;
use crate::ui::state::Notice;

impl VigieApp {
    /// Who records, by default: the practitioner, else "Doctor".
    pub(crate) fn default_recorder(&self) -> String {
        self.vault()
            .map(|v| v.contents().practice.practitioner.trim().to_owned())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| T::RespondentDoctor.get(self.lang).to_owned())
    }

    /// The Breaches page, showing `selected` if given.
    pub(crate) fn breaches_page(&self, selected: Option<BreachId>) -> Page {
        crate::ui::breaches::view::open_on(&self.page_init(), selected)
    }

    /// Keeps what the breach form holds before it goes away (another page or breach, a lock,
    /// closing): the facts that read well become one more event of the chain; every field's text, valid
    /// or not, goes into the vault's draft, shown again when the form comes back. Nothing typed is lost.
    pub(crate) fn keep_breach_form(&mut self) {
        let Some(view) = self
            .screen
            .view::<crate::ui::breaches::view::BreachesView>()
        else {
            return;
        };
        let lang = self.lang;
        let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
            return;
        };
        let Some(leaving) = view.leaving(&vault.contents().breaches, lang) else {
            return;
        };
        let mut changed = false;
        if let Some((details, by)) = leaving.facts {
            let change = Change::Facts(Box::new(details));
            changed |= vault
                .contents_mut()
                .breaches
                .apply(leaving.id, change, &by, Timestamp::now())
                .is_ok();
        }
        let drafts = &vault.contents().drafts.breach_forms;
        if drafts.get(&leaving.id).cloned().unwrap_or_default() != leaving.draft {
            let forms = &mut vault.contents_mut().drafts.breach_forms;
            if leaving.draft.is_empty() {
                forms.remove(&leaving.id);
            } else {
                forms.insert(leaving.id, leaving.draft);
            }
            changed = true;
        }
        if changed {
            self.edited();
        }
    }

    /// Changes the register with `change` and saves; the page hears the result.
    fn change_register(
        &mut self,
        ctx: &egui::Context,
        id: Option<BreachId>,
        change: impl FnOnce(&mut BreachRegister) -> Result<BreachId, crate::breach::BreachError>,
    ) -> Option<BreachId> {
        let lang = self.lang;
        let vault = self.session.as_mut().and_then(|s| s.vault.as_mut())?;
        let result = change(&mut vault.contents_mut().breaches);
        let breach = result
            .as_ref()
            .ok()
            .or(id.as_ref())
            .and_then(|id| vault.contents().breaches.breach(*id));
        let drafts = vault.contents().drafts.clone();
        let message = match &result {
            Ok(_) => Ok(T::BreachFactsSaved.get(lang).to_owned()),
            Err(e) => Err(e.localize(lang)),
        };
        if result.is_ok() {
            self.start_save(ctx);
        }
        if let Some(view) = self
            .screen
            .view_mut::<crate::ui::breaches::view::BreachesView>()
        {
            if let Some(b) = breach.as_ref().filter(|_| result.is_ok() && id.is_none()) {
                view.select(b, &drafts);
            }
            view.feedback(breach.as_ref(), message);
        } else if let Err(e) = message {
            self.notice = Some(Notice::Error(e));
        }
        result.ok()
    }

    /// Carries out a request about the breach register.
    pub(crate) fn run_breach(&mut self, ctx: &egui::Context, command: BreachCommand) {
        match command {
            BreachCommand::Open {
                title,
                by,
                details,
                evidence,
            } => {
                let now = Timestamp::now();
                let by = if by.trim().is_empty() {
                    self.default_recorder()
                } else {
                    by
                };
                let opened = self.change_register(ctx, None, |r| {
                    let id = r.open(&title, &by, now)?;
                    if let Some(details) = details {
                        // First facts from a scan finding or a PC check: nothing to refuse.
                        r.apply(id, Change::Facts(details), &by, now)?;
                    }
                    if let Some((name, content)) = evidence {
                        r.attach(id, &name, Purpose::Evidence, content, &by, now)?;
                    }
                    Ok(id)
                });
                if let Some(id) = opened
                    && self.screen.view::<BreachesView>().is_none()
                {
                    self.leave_page(ctx);
                    self.notice = None;
                    let page = self.breaches_page(Some(id));
                    self.show_main(page);
                }
            }
            BreachCommand::Select(id) => {
                // The breach shown until now keeps what was typed in its form.
                self.keep_breach_form();
                let Some(vault) = self.session.as_ref().and_then(|s| s.vault.as_ref()) else {
                    return;
                };
                let breach = vault.contents().breaches.breach(id);
                if let (Some(view), Some(b)) = (self.screen.view_mut::<BreachesView>(), breach) {
                    view.select(&b, &vault.contents().drafts);
                }
            }
            BreachCommand::Apply { id, change, by } => {
                let now = Timestamp::now();
                self.change_register(ctx, Some(id), |r| {
                    r.apply(id, change, &by, now).map(|()| id)
                });
            }
            BreachCommand::Attach {
                id,
                purpose,
                by,
                path,
            } => self.read_breach_file(ctx, id, purpose, by, path),
            BreachCommand::Export { kind, lang, path } => self.export_breach(ctx, kind, lang, path),
            BreachCommand::CheckSignedHead => self.check_signed_head(ctx),
            BreachCommand::ExportVerifiable(dir) => self.export_verifiable_register(ctx, dir),
        }
    }

    /// Compares the register with the head the last signed self-assessment witnessed, in a job (the
    /// chain's hashes are recomputed there, not on the window's thread).
    pub(crate) fn check_signed_head(&mut self, ctx: &egui::Context) {
        if self.jobs.is_running(JobKind::CheckSignedHead) {
            return;
        }
        let Some(vault) = self.session.as_ref().and_then(|s| s.vault.as_ref()) else {
            return;
        };
        let c = vault.contents();
        let key = (c.breaches.events.len(), c.assessments.signed.len());
        let register = c.breaches.clone();
        let last = c.assessments.last().cloned();
        self.jobs.spawn(ctx, JobKind::CheckSignedHead, move |_| {
            JobOutput::SignedHeadChecked {
                key,
                result: last
                    .and_then(|l| crate::practice_file::register_against_assessment(&register, &l)),
            }
        });
    }

    /// Takes a file read for a breach into the register.
    pub(crate) fn breach_file_read(
        &mut self,
        ctx: &egui::Context,
        id: BreachId,
        purpose: Purpose,
        by: &str,
        name: &str,
        result: Result<crate::digest::Hashed, String>,
    ) {
        match result {
            Ok(content) => {
                let now = Timestamp::now();
                self.change_register(ctx, Some(id), |r| {
                    r.attach_hashed(id, name, purpose, content, by, now)
                        .map(|()| id)
                });
            }
            Err(e) => {
                if let Some(view) = self
                    .screen
                    .view_mut::<crate::ui::breaches::view::BreachesView>()
                {
                    view.feedback(None, Err(e.clone()));
                }
                self.notice = Some(Notice::Error(e));
            }
        }
    }

    fn read_breach_file(
        &mut self,
        ctx: &egui::Context,
        id: BreachId,
        purpose: Purpose,
        by: String,
        path: Option<PathBuf>,
    ) {
        let path = if let Some(path) = path {
            Some(path)
        } else {
            let by = by.clone();
            self.ask_path(ctx, Ask::open(), move |path| {
                Command::Breach(BreachCommand::Attach {
                    id,
                    purpose,
                    by,
                    path: Some(path),
                })
            })
        };
        let Some(path) = path else {
            return;
        };
        let lang = self.lang;
        self.jobs.spawn(ctx, JobKind::ReadEvidence, move |_| {
            let (name, result) =
                crate::ui::app::read_attachment(&path, crate::breach::MAX_ATTACHMENT_BYTES, lang);
            JobOutput::BreachFileRead {
                id,
                purpose,
                by,
                name,
                result,
            }
        });
    }

    fn export_breach(
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
        let target = self.pdf_target(
            ctx,
            path,
            kind.title().get(lang),
            contents.practice.name.as_str(),
            move |path| {
                Command::Breach(BreachCommand::Export {
                    kind,
                    lang,
                    path: Some(path),
                })
            },
        );
        let Some((path, confirmed)) = target else {
            return;
        };
        // The draft or the letter is recorded as prepared: a notification is recorded only after its
        // draft (or with the confirmation that it was filed another way).
        let prepared = match kind {
            crate::report::Document::BreachNotification(id) => {
                Some((id, crate::breach::Prepared::CnilDraft))
            }
            crate::report::Document::PatientLetter(id) => {
                Some((id, crate::breach::Prepared::PatientLetter))
            }
            _ => None,
        };
        let Some((id, what)) = prepared else {
            self.spawn_document(ctx, path, OutputKind::Pdf, confirmed, move || {
                kind.render(Some(&contents), lang)
            });
            return;
        };
        // Recorded only once the file is written (`breach_document_written`): never a draft that
        // does not exist.
        let by = self
            .screen
            .view::<BreachesView>()
            .map_or_else(|| self.default_recorder(), |v| v.by.clone());
        let ui_lang = self.lang;
        self.jobs.spawn(ctx, JobKind::WriteDocument, move |_| {
            let result =
                crate::ui::app::write_document(&path, OutputKind::Pdf, confirmed, ui_lang, || {
                    kind.render(Some(&contents), lang)
                });
            JobOutput::BreachDocumentWritten {
                result,
                prepared: (id, what, by),
            }
        });
    }

    /// Writes the register's verifiable export into a folder (asked for when `dir` is `None`), in a
    /// job: the same files as `vigie export --kind breach-register`
    /// ([`crate::report::breach_export::register_files`]).
    fn export_verifiable_register(&mut self, ctx: &egui::Context, dir: Option<PathBuf>) {
        let Some((contents, dir)) = self.folder_export(ctx, dir, |d| {
            Command::Breach(BreachCommand::ExportVerifiable(Some(d)))
        }) else {
            return;
        };
        let lang = self.lang;
        self.jobs.spawn(ctx, JobKind::WriteDocument, move |_| {
            let files =
                crate::report::breach_export::register_files(&contents, jiff::Timestamp::now());
            let result = (|| {
                // Never over a vault, its backups or anything but a plain file (an earlier export
                // of the register is replaced by the same files).
                if dir.is_dir() {
                    for (name, _) in &files {
                        crate::output::check(&dir.join(name), OutputKind::Other, true)
                            .map_err(|e| e.localize(lang))?;
                    }
                } else if dir.exists() {
                    return Err(tr::err_not_a_folder(lang, dir.display()));
                }
                crate::report::breach_export::write_folder(&dir, &files)
                    .map_err(|e| e.localize(lang))?;
                Ok((dir, files.len()))
            })();
            JobOutput::BreachRegisterExported(result)
        });
    }

    /// The register's verifiable export was written, or not: said.
    pub(crate) fn breach_register_exported(&mut self, result: Result<(PathBuf, usize), String>) {
        self.notice = Some(match result {
            Ok((dir, n)) => Notice::Info(tr::breach_register_exported(self.lang, n, dir.display())),
            Err(e) => Notice::Error(e),
        });
    }

    /// A breach's draft or letter was written: said, and recorded as prepared in the register.
    pub(crate) fn breach_document_written(
        &mut self,
        ctx: &egui::Context,
        result: Result<PathBuf, String>,
        (id, what, by): (BreachId, crate::breach::Prepared, String),
    ) {
        let written = result.is_ok();
        self.document_written(ctx, result);
        if written {
            let now = Timestamp::now();
            self.change_register(ctx, Some(id), |r| {
                r.apply(id, Change::Prepared(what), &by, now).map(|()| id)
            });
        }
    }
}
