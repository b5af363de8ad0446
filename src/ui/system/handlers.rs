//! The PC checks page's commands: the run as a background job (the checks read files, run commands
//! and, on request, knock on the network: never on the window's thread), the results kept in the vault,
//! the proposed checklist answers confirmed or left to the doctor.

use std::sync::Arc;

use jiff::Timestamp;

use crate::checklist::{self, Respondent};
use crate::i18n::tr;
use crate::practice_file::JournalEvent;
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
                    let c = v.contents_mut();
                    let Some(last) = &c.system.last else { return };
                    let date =
                        crate::i18n::format_date(crate::i18n::date_of(last.checked_at), lang);
                    let summary = last
                        .results
                        .iter()
                        .find(|r| crate::system::catalog::items_of(r.id).contains(&item.as_str()))
                        .map(|r| crate::present::system::summary(r, lang))
                        .unwrap_or_default();
                    let now = Timestamp::now();
                    c.checklist.answer(&item, value, Respondent::Doctor, now);
                    if let Some(a) = c.checklist.answers.get_mut(&item)
                        && a.note.trim().is_empty()
                    {
                        a.note = tr::sys_note(lang, date, summary);
                    }
                    checklist::plan::sync(checklist::catalog(), &c.practice, &mut c.checklist, now);
                    c.system.settle(&item);
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
                self.update_vault(ctx, |v| v.contents_mut().system.settle(&item));
                self.run_command(ctx, Command::Navigate(crate::ui::checklist::PAGE));
            }
        }
    }

    /// The checks ran: kept in the vault as evidence, and saved.
    pub(crate) fn system_checked(
        &mut self,
        ctx: &egui::Context,
        report: crate::system::SystemReport,
    ) {
        self.update_vault(ctx, |v| {
            let c = v.contents_mut();
            // A network check not asked for this time keeps the result of the last time it ran.
            let mut report = report;
            if let Some(previous) = &c.system.last {
                for r in &mut report.results {
                    if matches!(
                        r.finding,
                        crate::system::Finding::Unknown {
                            reason: crate::system::Reason::NotRequested
                        }
                    ) && let Some(old) = previous.result(r.id)
                    {
                        *r = old.clone();
                    }
                }
            }
            c.system.record(report);
            c.record(JournalEvent::SystemChecked);
        });
    }
}
