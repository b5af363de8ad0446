//! The PC checks page's commands: the run as a background job (the checks read files, run commands
//! and, on request, knock on the network: never on the window's thread), the results kept in the vault,
//! the proposed checklist answers confirmed or left to the doctor.

use std::sync::Arc;

use jiff::Timestamp;

use crate::system::{RunOptions, probe, upnp};
use crate::ui::app::VigieApp;
use crate::ui::command::{Command, JobOutput, SystemCommand};
use crate::ui::jobs::JobKind;

impl VigieApp {
    /// Carries out a request of the PC checks page.
    pub(crate) fn run_system(&mut self, ctx: &egui::Context, command: SystemCommand) {
        match command {
            SystemCommand::Run { probe, upnp } => {
                if self.jobs.is_running(JobKind::SystemCheck) {
                    return;
                }
                let progress = self
                    .screen
                    .view::<crate::ui::system::view::SystemView>()
                    .map(|view| Arc::clone(&view.progress))
                    .unwrap_or_default();
                let options = RunOptions {
                    probe: probe.then(probe::ProbeOptions::default),
                    upnp: upnp.then(upnp::UpnpOptions::default),
                    orthanc_config: self
                        .vault()
                        .and_then(|v| v.contents().system.orthanc_config.clone()),
                };
                self.jobs.spawn(ctx, JobKind::SystemCheck, move |_| {
                    let report = crate::system::run_all(&options, &|done, total, current| {
                        if let Ok(mut p) = progress.lock() {
                            p.done = done;
                            p.total = total;
                            p.current = Some(current);
                        }
                    });
                    JobOutput::SystemChecked(Box::new(report))
                });
            }
            SystemCommand::Confirm { item, value } => {
                let lang = self.lang;
                self.update_vault(ctx, |v| {
                    let note =
                        crate::present::system::proposal_note(&v.contents().system, &item, lang);
                    if let Some(note) = note {
                        v.confirm_proposal(&item.into(), value, &note, Timestamp::now());
                    }
                });
            }
            SystemCommand::PickOrthancConfig(path) => {
                let ask = crate::ui::app::dialogs::Ask::open()
                    .filter("Orthanc (JSON)".to_owned(), vec!["json"]);
                let path = path.or_else(|| {
                    self.ask_path(ctx, ask, |p| {
                        Command::System(crate::ui::command::SystemCommand::PickOrthancConfig(Some(
                            p,
                        )))
                    })
                });
                if let Some(path) = path {
                    self.update_vault(ctx, |v| {
                        v.contents_mut().system.orthanc_config = Some(path);
                    });
                }
            }
            SystemCommand::Correct(item) => {
                // The proposal stays on the PC checks page until the item is answered; the checklist
                // opens on the item's theme with the item in view.
                self.run_command(ctx, Command::Navigate(crate::ui::checklist::PAGE));
                if let Some(view) = self
                    .screen
                    .view_mut::<crate::ui::checklist::state::ChecklistView>()
                {
                    view.focus_on(&item);
                }
            }
        }
    }

    /// The checks ran: kept in the vault as evidence, and saved.
    pub(crate) fn system_checked(
        &mut self,
        ctx: &egui::Context,
        report: crate::system::SystemReport,
    ) {
        self.update_vault(ctx, |v| v.record_system_checks(report));
    }
}
