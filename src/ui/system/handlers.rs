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
                    let note = crate::present::system::proposal_note(
                        &v.contents().system,
                        item.as_str(),
                        lang,
                    );
                    if let Some(note) = note {
                        v.confirm_proposal(&item, value, &note, Timestamp::now());
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
            SystemCommand::ReadBox {
                address,
                kind,
                password,
            } => self.read_box(ctx, address, kind, password),
            SystemCommand::RecordBoxByHand { address, record } => {
                // As a reading: what it means judged in a job (this PC's own address is asked of the
                // system), kept like one.
                if self.jobs.is_running(JobKind::BoxCheck) {
                    return;
                }
                self.jobs.spawn(ctx, JobKind::BoxCheck, move |_| {
                    use crate::system::boxes;
                    let address = address
                        .map(|a| a.ip())
                        .or_else(boxes::default_gateway)
                        .map_or_else(|| "?".to_owned(), |ip| ip.to_string());
                    let reading = boxes::other::reading(&address, &record);
                    JobOutput::BoxChecked {
                        result: Box::new(boxes::risk::result(&reading, probe::own_address())),
                        new_token: None,
                    }
                });
            }
            SystemCommand::Correct(item) => {
                // The proposal stays on the PC checks page until the item is answered; the checklist
                // opens on the item's theme with the item in view.
                self.run_command(ctx, Command::Navigate(crate::ui::checklist::PAGE));
                if let Some(view) = self
                    .screen
                    .view_mut::<crate::ui::checklist::state::ChecklistView>()
                {
                    view.focus_on(item.as_str());
                }
            }
        }
    }

    /// Reads the box's rules in a job: the address typed or the default gateway, the family chosen or
    /// identified; the Freebox's app token from the vault, else a new authorisation (the button on the
    /// box, the countdown in the view).
    fn read_box(
        &mut self,
        ctx: &egui::Context,
        address: Option<std::net::SocketAddr>,
        kind: Option<crate::system::boxes::BoxKind>,
        password: zeroize::Zeroizing<String>,
    ) {
        use crate::system::boxes::{self, BoxError, BoxKind, Target, freebox, risk};
        if self.jobs.is_running(JobKind::BoxCheck) {
            return;
        }
        let countdown = self
            .screen
            .view::<crate::ui::system::view::SystemView>()
            .map(|view| Arc::clone(&view.box_countdown))
            .unwrap_or_default();
        let token = self
            .vault()
            .and_then(|v| v.contents().system.freebox_token.clone())
            .map(zeroize::Zeroizing::new);
        self.jobs.spawn(ctx, JobKind::BoxCheck, move |cancel| {
            let gateway = || boxes::default_gateway().map(|ip| std::net::SocketAddr::new(ip, 80));
            let Some(address) = address.or_else(gateway) else {
                let e = BoxError::Http(boxes::http::HttpError::Unreachable);
                return JobOutput::BoxChecked {
                    result: Box::new(risk::failed(BoxKind::Other, "?", &e)),
                    new_token: None,
                };
            };
            let ip = address.ip();
            let mut target = Target::new(ip);
            target.address = address;
            let kind = kind.unwrap_or_else(|| boxes::identify(&target).kind);
            let mut new_token = None;
            let outcome = match kind {
                BoxKind::Freebox => {
                    let token = match token {
                        Some(t) => Ok(t),
                        // Over TLS when the box offers it: the answer carries the app token.
                        None => freebox::open_api(&target).and_then(|api| {
                            let pending =
                                freebox::request_authorization(&api.target, &api.base, "Vigie")?;
                            let waited = freebox::wait_for_button(
                                &api.target,
                                &api.base,
                                pending.track_id,
                                std::time::Duration::from_secs(90),
                                std::time::Duration::from_secs(1),
                                &|left| {
                                    if let Ok(mut c) = countdown.lock() {
                                        *c = Some(left.as_secs());
                                    }
                                    !cancel.load(std::sync::atomic::Ordering::Relaxed)
                                },
                            );
                            if let Ok(mut c) = countdown.lock() {
                                *c = None;
                            }
                            waited?;
                            let t = zeroize::Zeroizing::new(pending.app_token);
                            new_token = Some(t.clone());
                            Ok(t)
                        }),
                    };
                    token.and_then(|t| freebox::read(&target, &t))
                }
                BoxKind::Livebox => boxes::livebox::read(&target, &password),
                BoxKind::Bbox => boxes::bbox::read(&target, &password),
                BoxKind::Other => Err(BoxError::NoApi),
            };
            let result = match &outcome {
                Ok(reading) => risk::result(reading, probe::own_address()),
                Err(e) => risk::failed(kind, &ip.to_string(), e),
            };
            JobOutput::BoxChecked {
                result: Box::new(result),
                new_token,
            }
        });
    }

    /// The box was read: the result kept with the PC checks, a new Freebox token in the vault.
    pub(crate) fn box_checked(
        &mut self,
        ctx: &egui::Context,
        result: crate::system::CheckResult,
        new_token: Option<zeroize::Zeroizing<String>>,
    ) {
        self.update_vault(ctx, |v| {
            v.record_box_check(result);
            if let Some(t) = new_token {
                v.contents_mut().system.freebox_token = Some(t.to_string());
            }
        });
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
