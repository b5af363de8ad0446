//! The processors page's commands: each change goes to the vault through `PracticeFile`'s use cases.

use jiff::Timestamp;

use super::command::ProcessorsCommand;
use crate::binder::ProcessorEdit;
use crate::i18n::Localize as _;
use crate::practice_file::{JournalEvent, PracticeFile};
use crate::ui::VigieApp;
use crate::ui::app::dialogs::Ask;
use crate::ui::command::{Command, JobOutput};
use crate::ui::jobs::JobKind;
use crate::ui::state::Notice;

/// Whether the journal's last entry already says the processors were edited: typing on goes on with
/// the same entry rather than one per key.
fn editing_on(vault: &PracticeFile) -> bool {
    vault
        .contents()
        .journal
        .last()
        .is_some_and(|e| e.event == JournalEvent::ProcessorsEdited)
}

impl VigieApp {
    /// Carries out a request of the processors page.
    pub(crate) fn run_processors(&mut self, ctx: &egui::Context, command: ProcessorsCommand) {
        let lang = self.lang;
        let mut refused = None;
        match command {
            ProcessorsCommand::Edit { id, edit } => {
                let typed = matches!(
                    edit,
                    ProcessorEdit::Name(_)
                        | ProcessorEdit::Processes(_)
                        | ProcessorEdit::HdsNumber(_)
                        | ProcessorEdit::Note(_)
                );
                let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
                    return;
                };
                if typed {
                    // Sent as it is typed: kept in memory now, saved after a pause in typing (and
                    // before a page change, a lock or closing), journaled once for a run of typing.
                    let result = if editing_on(vault) {
                        vault
                            .contents_mut()
                            .processors
                            .edit(id, edit, Timestamp::now())
                    } else {
                        vault.edit_processor(id, edit, Timestamp::now())
                    };
                    match result {
                        Ok(()) => self.edited(),
                        Err(e) => refused = Some(e.localize(lang)),
                    }
                } else {
                    let result = vault.edit_processor(id, edit, Timestamp::now());
                    match result {
                        Ok(()) => self.start_save(ctx),
                        Err(e) => refused = Some(e.localize(lang)),
                    }
                }
            }
            ProcessorsCommand::Add { kind, name } => {
                let mut result = Ok(());
                self.update_vault(ctx, |v| {
                    result = v.add_processor(kind, &name, Timestamp::now()).map(|_| ());
                });
                if let Err(e) = result {
                    refused = Some(e.localize(lang));
                }
            }
            ProcessorsCommand::Remove(id) => {
                let mut result = Ok(());
                self.update_vault(ctx, |v| {
                    result = v.remove_processor(id, Timestamp::now());
                });
                if let Err(e) = result {
                    refused = Some(e.localize(lang));
                }
            }
            ProcessorsCommand::Restore(source) => {
                self.update_vault(ctx, |v| v.restore_processor(source, Timestamp::now()));
            }
            ProcessorsCommand::DetachContract(id) => {
                let mut result = Ok(());
                self.update_vault(ctx, |v| {
                    result = v.detach_processor_contract(id, Timestamp::now());
                });
                if let Err(e) = result {
                    refused = Some(e.localize(lang));
                }
            }
            ProcessorsCommand::AttachContract { id, path } => {
                let path = if let Some(path) = path {
                    Some(path)
                } else {
                    self.ask_path(ctx, Ask::open(), move |path| {
                        Command::Processors(ProcessorsCommand::AttachContract {
                            id,
                            path: Some(path),
                        })
                    })
                };
                let Some(path) = path else {
                    return;
                };
                self.jobs.spawn(ctx, JobKind::ReadEvidence, move |_| {
                    let (name, result) = crate::ui::app::read_attachment(
                        &path,
                        crate::checklist::record::MAX_EVIDENCE_BYTES,
                        lang,
                    );
                    JobOutput::ContractRead { id, name, result }
                });
            }
        }
        if let Some(message) = refused {
            self.notice = Some(Notice::Error(message));
        }
    }

    /// A contract file was read: attached to its processor and saved, or the reason said.
    pub(crate) fn contract_read(
        &mut self,
        ctx: &egui::Context,
        id: crate::binder::ProcessorId,
        name: &str,
        result: Result<crate::digest::Hashed, String>,
    ) {
        let lang = self.lang;
        let attached = result.and_then(|content| {
            let Some(vault) = self.session.as_mut().and_then(|s| s.vault.as_mut()) else {
                return Ok(());
            };
            vault
                .attach_processor_contract(id, name, content, Timestamp::now())
                .map_err(|e| e.localize(lang))
        });
        match attached {
            Ok(()) => self.start_save(ctx),
            Err(e) => self.notice = Some(Notice::Error(e)),
        }
    }
}
