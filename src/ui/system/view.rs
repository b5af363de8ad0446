//! The "PC checks" page: run the checks (a background job, with progress), the results grouped by risk
//! with a plain sentence first and the technical detail on demand, the fix steps; the two network checks
//! behind a "what will happen" screen; the checklist answers proposed from the last run, which the doctor
//! confirms or corrects.

use std::sync::{Arc, Mutex};

use egui::{RichText, Ui};

use crate::checklist::AnswerValue;
use crate::i18n::{T, tr};
use crate::practice_file::ProposalState;
use crate::present::system as present;
use crate::system::record::Proposed;
use crate::system::{CheckId, CheckResult, Status};
use crate::ui::command::{Command, CommandSender, SystemCommand};
use crate::ui::jobs::JobKind;
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

/// A network check waiting for the user's go-ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkCheck {
    /// The knock on the imaging servers.
    Probe,
    /// The box's UPnP list.
    Upnp,
    /// The box's own rules.
    BoxRules,
}

/// The box section's form: address, family, password (cleared once sent).
#[derive(Debug, Default)]
pub struct BoxForm {
    /// The address typed.
    pub address: String,
    /// The family chosen (None: recognize it).
    pub kind: Option<crate::system::boxes::BoxKind>,
    /// The Livebox or Bbox password, never kept beyond the request.
    pub password: zeroize::Zeroizing<String>,
    /// The record of a box with no API.
    pub manual: ManualForm,
}

/// The record of a box with no API: what the doctor saw in its pages, as typed.
#[derive(Debug, Default)]
pub struct ManualForm {
    /// The box's name.
    pub model: String,
    /// Forwards listed (None: not seen).
    pub forwards: Option<bool>,
    /// The forwards typed: port, machine.
    pub rows: Vec<(String, String)>,
    /// The DMZ on (None: not seen).
    pub dmz: Option<bool>,
    /// The DMZ's machine.
    pub dmz_host: String,
    /// UPnP on.
    pub upnp: Option<bool>,
    /// Remote administration on.
    pub remote_admin: Option<bool>,
    /// The IPv6 firewall off or open.
    pub ipv6_open: Option<bool>,
}

impl ManualForm {
    /// The record typed, `None` while a forward lacks its port or machine or the DMZ its machine.
    pub fn record(&self) -> Option<crate::system::boxes::other::ManualRecord> {
        use crate::system::boxes::other::{ManualRecord, SeenForward};
        let mut forwards = Vec::new();
        if self.forwards == Some(true) {
            for (port, host) in &self.rows {
                let port: u16 = port.trim().parse().ok().filter(|p| *p > 0)?;
                let host = host.trim();
                if host.is_empty() {
                    return None;
                }
                forwards.push(SeenForward {
                    port,
                    host: host.to_owned(),
                });
            }
        }
        let dmz_host = match self.dmz {
            Some(true) => {
                let h = self.dmz_host.trim();
                if h.is_empty() {
                    return None;
                }
                Some(h.to_owned())
            }
            _ => None,
        };
        Some(ManualRecord {
            model: self.model.trim().to_owned(),
            forwards,
            forwards_seen: self.forwards.is_some(),
            dmz_host,
            dmz_seen: self.dmz.is_some(),
            upnp_on: self.upnp,
            remote_admin_on: self.remote_admin,
            ipv6_open: self.ipv6_open,
        })
    }
}

/// Where a run stands: checks done, their number, the one running.
#[derive(Debug, Default, Clone, Copy)]
pub struct Progress {
    /// Checks done.
    pub done: usize,
    /// Checks in all.
    pub total: usize,
    /// The one running.
    pub current: Option<CheckId>,
}

/// The page's state.
#[derive(Debug, Default)]
pub struct SystemView {
    /// The run's progress, written by the job's thread, read each frame.
    pub progress: Arc<Mutex<Progress>>,
    /// The "what will happen" screen shown for a network check.
    pub confirming: Option<NetworkCheck>,
    /// The box section's form.
    pub box_form: BoxForm,
    /// The seconds left to press the Freebox's button, written by the job.
    pub box_countdown: Arc<Mutex<Option<u64>>>,
}

fn status_color(s: Status) -> egui::Color32 {
    match s {
        Status::Fail => theme::ERROR,
        Status::Warning => egui::Color32::from_rgb(0x9a, 0x5b, 0x00),
        Status::Unknown => egui::Color32::from_rgb(0x55, 0x5f, 0x6b),
        Status::Pass => theme::OK,
    }
}

fn answer_of(p: Proposed) -> AnswerValue {
    match p {
        Proposed::Yes => AnswerValue::Yes,
        Proposed::Partly => AnswerValue::Partly,
        Proposed::No => AnswerValue::No,
    }
}

fn result_row(ui: &mut Ui, cx: &ViewContext<'_>, r: &CheckResult) {
    let lang = cx.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(present::status(r.status).get(lang))
                .color(status_color(r.status))
                .strong(),
        );
        ui.label(RichText::new(present::name(r.id).get(lang)).strong());
    });
    let fix = if let crate::system::Finding::BoxRules {
        kind,
        risks,
        by_hand,
        ..
    } = &r.finding
    {
        // The box: every rule in words, high first, then the steps for that box.
        if *by_hand {
            ui.label(RichText::new(T::BoxManualByHand.get(lang)).italics());
        }
        for x in risks {
            let color = match x.level() {
                crate::system::boxes::risk::Level::High => theme::ERROR,
                crate::system::boxes::risk::Level::Medium => status_color(Status::Warning),
            };
            ui.label(RichText::new(crate::present::boxes::risk(x, lang)).color(color));
            if x.imaging_port().is_some() {
                ui.label(RichText::new(T::BoxBreachHint.get(lang)).small());
                // The way into the register, prefilled with what was read (facts only).
                if cx.vault().is_some()
                    && widgets::primary_button(ui, T::BoxBreachFromCase.get(lang), true).clicked()
                {
                    cx.send(breach_from_box(r, lang));
                }
            }
        }
        if risks.is_empty() {
            ui.label(crate::present::boxes::nothing_open(&r.finding).get(lang));
        }
        crate::present::boxes::fix(*kind)
    } else {
        ui.label(present::summary(r, lang));
        present::fix(r.id)
    };
    if matches!(r.status, Status::Fail | Status::Warning) {
        ui.label(RichText::new(format!("{} — {}", T::SysFix.get(lang), fix.get(lang))).italics());
    }
    // An imaging server that accepts anyone is a breach of confidentiality already (the 2020 case):
    // the way into the register, prefilled, the check attached as evidence.
    if r.id == CheckId::ImagingExposure
        && r.status == Status::Fail
        && cx.vault().is_some()
        && widgets::primary_button(ui, T::SysBreachFromCheck.get(lang), true).clicked()
    {
        cx.send(breach_from_check(r, lang));
    }
    egui::CollapsingHeader::new(T::SysDetails.get(lang))
        .id_salt(("system-detail", r.id.as_str()))
        .show(ui, |ui| {
            for e in &r.evidence {
                ui.label(RichText::new(format!("{} : {}", e.source, e.value)).monospace());
            }
            ui.label(RichText::new(crate::i18n::format_datetime(r.checked_at, lang)).small());
        });
    ui.add_space(6.0);
}

/// The command that opens a breach from a failed check of the imaging server: prefilled as the 2020
/// case, aware now, the check's result attached as evidence (a text file: the check, its verdict, what
/// was seen and where, when).
pub fn breach_from_check(r: &CheckResult, lang: crate::i18n::Lang) -> Command {
    let now = jiff::Timestamp::now();
    let how = tr::sys_breach_how_discovered(
        lang,
        present::name(r.id).get(lang),
        crate::i18n::format_datetime(r.checked_at, lang),
    );
    let details = crate::breach::Details::exposed_imaging_server(now, how);
    let evidence = present::evidence_text(r, lang);
    Command::Breach(crate::ui::command::BreachCommand::Open {
        title: T::SysBreachTitle.get(lang).to_owned(),
        by: String::new(),
        details: Some(Box::new(details)),
        evidence: Some((
            format!("{}.txt", T::SysBreachEvidenceName.get(lang)),
            evidence.into_bytes(),
        )),
    })
}

/// The command that opens a breach from the box's 2020 case (a forward to the imaging server): the
/// breach form prefilled with the facts read and when (nothing assessed), the reading attached as
/// evidence.
pub fn breach_from_box(r: &CheckResult, lang: crate::i18n::Lang) -> Command {
    let details = crate::present::boxes::breach_facts(r, jiff::Timestamp::now(), lang);
    Command::Breach(crate::ui::command::BreachCommand::Open {
        title: T::BoxBreachTitle.get(lang).to_owned(),
        by: String::new(),
        details: Some(Box::new(details)),
        evidence: Some((
            format!("{}.txt", T::SysBreachEvidenceName.get(lang)),
            crate::present::boxes::evidence_text(r, lang).into_bytes(),
        )),
    })
}

/// Draws the page.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut SystemView) {
    let lang = cx.lang;
    ui.heading(T::SysTitle.get(lang));
    ui.label(T::SysIntro.get(lang));
    ui.add_space(8.0);
    let running = cx.busy(JobKind::SystemCheck);

    if view.confirming == Some(NetworkCheck::BoxRules) {
        box_screen(ui, cx, view);
        return;
    }
    if let Some(which) = view.confirming {
        widgets::card(
            ui,
            match which {
                NetworkCheck::Probe => T::SysNetworkTitle.get(lang),
                NetworkCheck::Upnp | NetworkCheck::BoxRules => T::SysUpnpTitle.get(lang),
            },
            |ui| {
                ui.label(match which {
                    NetworkCheck::Probe => T::SysNetworkWhat.get(lang),
                    NetworkCheck::Upnp | NetworkCheck::BoxRules => T::SysUpnpWhat.get(lang),
                });
                ui.horizontal(|ui| {
                    if widgets::primary_button(ui, T::SysGoAhead.get(lang), !running).clicked() {
                        cx.commands.send(Command::System(SystemCommand::Run {
                            probe: which == NetworkCheck::Probe,
                            upnp: which == NetworkCheck::Upnp,
                        }));
                        view.confirming = None;
                    }
                    if ui.button(T::SysBack.get(lang)).clicked() {
                        view.confirming = None;
                    }
                });
            },
        );
        return;
    }

    let record = cx.vault().map(|v| &v.contents().system);
    let last = record.and_then(|r| r.last.as_ref());
    ui.horizontal_wrapped(|ui| {
        let run = if last.is_some() {
            T::SysRerun
        } else {
            T::SysRun
        };
        if widgets::primary_button(ui, run.get(lang), !running).clicked() {
            cx.commands.send(Command::System(SystemCommand::Run {
                probe: false,
                upnp: false,
            }));
        }
        if ui
            .add_enabled(!running, egui::Button::new(T::SysProbeStart.get(lang)))
            .clicked()
        {
            view.confirming = Some(NetworkCheck::Probe);
        }
        if ui
            .add_enabled(!running, egui::Button::new(T::SysUpnpStart.get(lang)))
            .clicked()
        {
            view.confirming = Some(NetworkCheck::Upnp);
        }
    });
    // The "Box Internet" section: the last reading in one line, and the way to read the box again.
    ui.add_space(4.0);
    widgets::card(ui, T::BoxTitle.get(lang), |ui| {
        match record.and_then(|r| crate::present::boxes::dashboard_line(r, lang)) {
            Some((line, status)) => {
                ui.label(RichText::new(line).color(status_color(status)));
            }
            None => {
                ui.label(T::BoxDashboardNever.get(lang));
            }
        }
        if ui
            .add_enabled(
                !cx.busy(JobKind::BoxCheck),
                egui::Button::new(T::BoxStart.get(lang)),
            )
            .clicked()
        {
            view.confirming = Some(NetworkCheck::BoxRules);
        }
        if cx.busy(JobKind::BoxCheck) {
            box_waiting(ui, cx, view);
        }
    });
    ui.horizontal_wrapped(|ui| {
        if let Some(file) = record.and_then(|r| r.orthanc_config.as_ref()) {
            ui.label(tr::sys_orthanc_file(lang, file.display()));
        }
        if ui.button(T::SysOrthancPick.get(lang)).clicked() {
            cx.commands
                .send(Command::System(SystemCommand::PickOrthancConfig(None)));
        }
    });
    if running {
        let p = view.progress.lock().map(|p| *p).unwrap_or_default();
        let name = p
            .current
            .map(|c| present::name(c).get(lang))
            .unwrap_or_default();
        // The page reopened during a run has not seen its progress: the plain "running" then.
        let text = if p.total == 0 {
            T::SysRunning.get(lang).to_owned()
        } else {
            format!(
                "{} {}",
                T::SysRunning.get(lang),
                tr::sys_progress(lang, p.done, p.total, name)
            )
        };
        widgets::busy(ui, &text);
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
    }
    ui.add_space(8.0);
    let Some(last) = last else {
        ui.label(T::SysNever.get(lang));
        return;
    };
    ui.label(tr::sys_last_run(
        lang,
        crate::i18n::format_datetime(last.checked_at, lang),
    ));
    ui.label(tr::sys_system(lang, &last.system));
    let [f, w, u, p] = last.counts();
    ui.label(RichText::new(tr::sys_counts(lang, f, w, u, p)).strong());
    ui.add_space(8.0);

    // The proposals first: they are what the doctor acts on. Only for the questions that concern the
    // practice; each stays in its place once confirmed or answered (marked so), so that confirming one
    // never brings another under the pointer.
    let proposals = cx
        .vault()
        .map(|v| v.contents().proposals())
        .unwrap_or_default();
    if !proposals.is_empty() {
        let date = crate::i18n::format_date(crate::i18n::date_of(last.checked_at), lang);
        widgets::card(ui, T::SysProposalsTitle.get(lang), |ui| {
            ui.label(T::SysProposalsIntro.get(lang));
            for row in &proposals {
                ui.add_space(4.0);
                // The checklist's question (its id if the catalog no longer has it).
                let question = crate::checklist::catalog()
                    .item(row.item)
                    .map_or(row.item, |i| i.question.get(lang));
                ui.label(RichText::new(question).strong());
                ui.label(RichText::new(present::name(row.result.id).get(lang)).small());
                ui.label(tr::sys_proposed(
                    lang,
                    &date,
                    present::proposed(row.proposed).get(lang),
                ));
                ui.horizontal(|ui| {
                    // As tall in every state: the rows below never move.
                    ui.set_min_height(ui.spacing().interact_size.y);
                    match row.state {
                        ProposalState::Open => {
                            if ui
                                .add(egui::Button::new(T::SysConfirm.get(lang)))
                                .on_hover_text(row.item)
                                .clicked()
                            {
                                cx.commands.send(Command::System(SystemCommand::Confirm {
                                    item: row.item.into(),
                                    value: answer_of(row.proposed),
                                }));
                            }
                        }
                        ProposalState::Confirmed => {
                            ui.label(
                                RichText::new(format!("✓ {}", T::SysConfirmed.get(lang)))
                                    .color(theme::OK)
                                    .strong(),
                            );
                        }
                        ProposalState::Answered(value) => {
                            ui.label(
                                RichText::new(tr::sys_answered_in_list(
                                    lang,
                                    crate::i18n::names::answer(value).get(lang),
                                ))
                                .color(theme::OK)
                                .strong(),
                            );
                        }
                    }
                    if ui.button(T::SysCorrect.get(lang)).clicked() {
                        cx.commands
                            .send(Command::System(SystemCommand::Correct(row.item.into())));
                    }
                });
            }
        });
        ui.add_space(8.0);
    }

    // Grouped by risk: to fix, to look at, cannot tell, in place.
    for status in [Status::Fail, Status::Warning, Status::Unknown, Status::Pass] {
        let group: Vec<&CheckResult> = last.results.iter().filter(|r| r.status == status).collect();
        if group.is_empty() {
            continue;
        }
        widgets::card(ui, present::status(status).get(lang), |ui| {
            for r in group {
                result_row(ui, cx, r);
            }
        });
        ui.add_space(8.0);
    }
}

/// The box section's "what will happen" screen: what is read and where, nothing changed, nothing sent
/// elsewhere; the address, the family, the password (Livebox, Bbox) typed and never kept.
fn box_screen(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut SystemView) {
    use crate::system::boxes::BoxKind;
    let lang = cx.lang;
    widgets::card(ui, T::BoxTitle.get(lang), |ui| {
        ui.label(T::BoxWhat.get(lang));
        ui.add_space(6.0);
        let label = ui.label(T::BoxAddress.get(lang));
        ui.add(egui::TextEdit::singleline(&mut view.box_form.address).hint_text("192.168.1.1"))
            .labelled_by(label.id);
        let typed = view.box_form.address.trim();
        let address: Option<std::net::SocketAddr> = typed.parse().ok().or_else(|| {
            typed
                .parse::<std::net::IpAddr>()
                .ok()
                .map(|ip| std::net::SocketAddr::new(ip, 80))
        });
        let valid = typed.is_empty() || address.is_some();
        if !valid {
            ui.colored_label(theme::ERROR, T::BoxAddressInvalid.get(lang));
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(T::BoxKindLabel.get(lang));
            ui.radio_value(&mut view.box_form.kind, None, T::BoxKindAuto.get(lang));
            for k in [BoxKind::Freebox, BoxKind::Livebox, BoxKind::Bbox] {
                ui.radio_value(&mut view.box_form.kind, Some(k), k.product());
            }
            ui.radio_value(
                &mut view.box_form.kind,
                Some(BoxKind::Other),
                T::BoxKindOther.get(lang),
            );
        });
        match view.box_form.kind {
            Some(BoxKind::Freebox) => {
                ui.label(T::BoxFreeboxButton.get(lang));
            }
            Some(BoxKind::Other) => {
                manual_form(ui, cx, view, address);
                return;
            }
            _ => {
                let label = ui.label(T::BoxPasswordLabel.get(lang));
                ui.add(egui::TextEdit::singleline(&mut *view.box_form.password).password(true))
                    .labelled_by(label.id);
            }
        }
        ui.horizontal(|ui| {
            if widgets::primary_button(ui, T::SysGoAhead.get(lang), valid).clicked() {
                let password = std::mem::take(&mut view.box_form.password);
                cx.commands.send(Command::System(SystemCommand::ReadBox {
                    address,
                    kind: view.box_form.kind,
                    password,
                }));
                view.confirming = None;
            }
            if ui.button(T::SysBack.get(lang)).clicked() {
                view.box_form.password = zeroize::Zeroizing::default();
                view.confirming = None;
            }
        });
    });
}

/// A yes / no / not seen choice.
fn tri_state(ui: &mut Ui, lang: crate::i18n::Lang, question: T, value: &mut Option<bool>) {
    ui.label(question.get(lang));
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(value, Some(true), T::BoxManualYes.get(lang));
        ui.radio_value(value, Some(false), T::BoxManualNo.get(lang));
        ui.radio_value(value, None, T::BoxManualNotSeen.get(lang));
    });
}

/// The box with no API: the catalog's box guides (the SFR one open), and the short form of what the
/// doctor saw, kept as a reading of the box "typed by the doctor" with the date.
fn manual_form(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    view: &mut SystemView,
    address: Option<std::net::SocketAddr>,
) {
    let lang = cx.lang;
    ui.add_space(6.0);
    ui.label(RichText::new(T::BoxManualTitle.get(lang)).strong());
    ui.label(T::BoxManualIntro.get(lang));
    ui.label(RichText::new(T::BoxManualGuides.get(lang)).strong());
    for guide in &crate::checklist::catalog().boxes {
        egui::CollapsingHeader::new(&guide.name)
            .id_salt(("box-manual-guide", &guide.name))
            .default_open(guide.name.starts_with("SFR"))
            .show(ui, |ui| {
                ui.label(tr::box_admin_page(lang, &guide.admin_address));
                for (title, text) in [
                    (T::BoxPortForwarding, &guide.port_forwarding),
                    (T::BoxUpnp, &guide.upnp),
                    (T::BoxAdminPassword, &guide.admin),
                ] {
                    ui.label(RichText::new(title.get(lang)).strong());
                    ui.add(egui::Label::new(text.get(lang)).wrap());
                }
            });
    }
    ui.add_space(6.0);
    let form = &mut view.box_form.manual;
    let label = ui.label(T::BoxManualModel.get(lang));
    ui.add(egui::TextEdit::singleline(&mut form.model).hint_text("SFR Box 8"))
        .labelled_by(label.id);
    tri_state(ui, lang, T::BoxManualForwards, &mut form.forwards);
    if form.forwards == Some(true) {
        if form.rows.is_empty() {
            form.rows.push((String::new(), String::new()));
        }
        let mut remove = None;
        for (i, (port, host)) in form.rows.iter_mut().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(T::BoxManualForwardPort.get(lang));
                ui.add(
                    egui::TextEdit::singleline(port)
                        .desired_width(70.0)
                        .hint_text("8042"),
                )
                .labelled_by(l.id);
                let l = ui.label(T::BoxManualForwardHost.get(lang));
                ui.add(
                    egui::TextEdit::singleline(host)
                        .desired_width(140.0)
                        .hint_text("192.168.1.10"),
                )
                .labelled_by(l.id);
                if ui
                    .small_button(T::BoxManualForwardRemove.get(lang))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            form.rows.remove(i);
        }
        if ui.button(T::BoxManualForwardAdd.get(lang)).clicked() {
            form.rows.push((String::new(), String::new()));
        }
    }
    tri_state(ui, lang, T::BoxManualDmz, &mut form.dmz);
    if form.dmz == Some(true) {
        let l = ui.label(T::BoxManualDmzHost.get(lang));
        ui.add(egui::TextEdit::singleline(&mut form.dmz_host).hint_text("192.168.1.10"))
            .labelled_by(l.id);
    }
    tri_state(ui, lang, T::BoxManualUpnp, &mut form.upnp);
    tri_state(ui, lang, T::BoxManualRemoteAdmin, &mut form.remote_admin);
    tri_state(ui, lang, T::BoxManualIpv6, &mut form.ipv6_open);
    let record = form.record();
    if record.is_none() {
        ui.colored_label(theme::ERROR, T::BoxManualInvalid.get(lang));
    }
    let valid_address = view.box_form.address.trim().is_empty() || address.is_some();
    ui.horizontal(|ui| {
        let can = record.is_some() && valid_address && cx.vault().is_some();
        if widgets::primary_button(ui, T::BoxManualSave.get(lang), can).clicked()
            && let Some(record) = record
        {
            cx.commands
                .send(Command::System(SystemCommand::RecordBoxByHand {
                    address,
                    record: Box::new(record),
                }));
            view.box_form.manual = ManualForm::default();
            view.confirming = None;
        }
        if ui.button(T::SysBack.get(lang)).clicked() {
            view.confirming = None;
        }
    });
}

/// While the box is read: the Freebox's button and its countdown when it waits for it.
fn box_waiting(ui: &mut Ui, cx: &ViewContext<'_>, view: &SystemView) {
    let lang = cx.lang;
    let left = view.box_countdown.lock().map(|c| *c).unwrap_or_default();
    match left {
        Some(seconds) => {
            widgets::card(ui, T::BoxTitle.get(lang), |ui| {
                ui.label(RichText::new(T::BoxFreeboxButton.get(lang)).strong());
                widgets::busy(ui, &tr::box_countdown(lang, seconds));
            });
        }
        None => widgets::busy(ui, T::BoxReading.get(lang)),
    }
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(250));
}

/// The dashboard's card: the last run's date and counts, and the way to the page.
pub fn dashboard_card(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    record: &crate::system::SystemRecord,
    commands: &CommandSender,
) {
    widgets::card(ui, T::NavSystem.get(lang), |ui| {
        match &record.last {
            Some(last) => {
                ui.label(tr::sys_last_run(
                    lang,
                    crate::i18n::format_datetime(last.checked_at, lang),
                ));
                let [f, w, u, p] = last.counts();
                let color = if f > 0 { theme::ERROR } else { theme::OK };
                ui.label(
                    RichText::new(tr::sys_counts(lang, f, w, u, p))
                        .color(color)
                        .strong(),
                );
            }
            None => {
                ui.label(T::SysDashboardNever.get(lang));
            }
        }
        // The box's rules: their own line, the worst first (the 2020 case in its words).
        match crate::present::boxes::dashboard_line(record, lang) {
            Some((line, status)) => {
                ui.label(RichText::new(line).color(status_color(status)));
            }
            None => {
                ui.label(T::BoxDashboardNever.get(lang));
            }
        }
        if ui.button(T::SysDashboardOpen.get(lang)).clicked() {
            commands.send(Command::Navigate(crate::ui::system::PAGE));
        }
    });
}

/// Opens the page.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    let _ = init;
    crate::ui::page::Page::new(super::PAGE, SystemView::default())
}

impl crate::ui::page::PageView for SystemView {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }
}
