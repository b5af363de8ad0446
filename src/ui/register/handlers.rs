//! The register page's commands: its edits go to the vault through `PracticeFile`'s use cases.

use jiff::Timestamp;

use super::command::RegisterCommand;
use crate::practice_file::{JournalEvent, PracticeFile};
use crate::ui::VigieApp;

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
