//! The processors page: the list drawn from the profile and the doctor's additions, each processor's
//! facts editable, its HDS certificate with its status, its contract attached as evidence, the art. 28
//! clauses ticked from the contract, the letter asking for what is missing, and the list's PDF.

use std::collections::BTreeMap;

use egui::{RichText, Ui};

use super::command::ProcessorsCommand;
use crate::binder::processors::{FactOrigin, known_name};
use crate::binder::{
    ActivityKind, ClauseAnswer, HdsStatus, ProcessorEdit, ProcessorId, ProcessorKind,
    ProcessorView, Source,
};
use crate::i18n::{Lang, T, format_date, tr};
use crate::practice::Known;
use crate::report::Document;
use crate::ui::command::Command;
use crate::ui::jobs::JobKind;
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

/// Which text field of a processor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Name,
    Processes,
    HdsNumber,
    HdsExpires,
    Note,
}

/// The processors page's state: the texts being typed (each edit goes to the vault as typed, so
/// nothing typed here is lost on leaving the page), and the processor being added.
#[derive(Debug)]
pub struct ProcessorsPage {
    /// The language the buffers were filled in (the pre-filled texts depend on it).
    lang: Lang,
    /// Each field shown, as typed.
    fields: BTreeMap<(ProcessorId, Field), String>,
    /// The new processor's name.
    new_name: String,
    /// The new processor's kind.
    new_kind: ProcessorKind,
}

impl ProcessorsPage {
    /// An empty page: its buffers are filled from the vault as they are shown.
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            fields: BTreeMap::new(),
            new_name: String::new(),
            new_kind: ProcessorKind::Other,
        }
    }
}

fn send(cx: &ViewContext<'_>, command: ProcessorsCommand) {
    cx.send(Command::Processors(command));
}

/// A labelled one-line or multi-line text field, sent as typed.
fn text_field(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    page: &mut ProcessorsPage,
    (id, field): (ProcessorId, Field),
    label: &str,
    stored: &str,
    multiline: bool,
) {
    let label = ui.label(RichText::new(label).strong());
    let buffer = page
        .fields
        .entry((id, field))
        .or_insert_with(|| stored.to_owned());
    let width = (ui.available_width() - 16.0).max(120.0);
    let edit = if multiline {
        egui::TextEdit::multiline(buffer).desired_rows(1)
    } else {
        egui::TextEdit::singleline(buffer)
    };
    let response = ui.add(edit.desired_width(width)).labelled_by(label.id);
    if !response.changed() || buffer.trim() == stored.trim() {
        return;
    }
    let text = buffer.clone();
    let edit = match field {
        Field::Name => ProcessorEdit::Name(text),
        Field::Processes => ProcessorEdit::Processes(text),
        Field::HdsNumber => ProcessorEdit::HdsNumber(text),
        Field::Note => ProcessorEdit::Note(text),
        Field::HdsExpires => {
            // Sent once it reads as a date (or is emptied); the error is shown beside it meanwhile.
            let text = text.trim();
            if text.is_empty() {
                ProcessorEdit::HdsExpires(None)
            } else if let Some(d) = crate::locale::parse_date(text) {
                ProcessorEdit::HdsExpires(Some(d))
            } else {
                return;
            }
        }
    };
    send(cx, ProcessorsCommand::Edit { id, edit });
}

fn hds_color(status: HdsStatus) -> egui::Color32 {
    match status {
        HdsStatus::NotNeeded | HdsStatus::Valid { .. } => theme::OK,
        _ => theme::ERROR,
    }
}

/// One processor.
/// Which activities of the register `v` serves: a box for each activity in the register (and any it
/// serves that the register left out, so that it can be unticked).
fn activities(ui: &mut Ui, cx: &ViewContext<'_>, v: &ProcessorView, in_register: &[ActivityKind]) {
    let lang = cx.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(T::ProcessorActivities.get(lang)).strong());
        for kind in ActivityKind::ALL {
            let serves = v.activities.contains(&kind);
            if !serves && !in_register.contains(&kind) {
                continue;
            }
            let mut on = serves;
            if ui.checkbox(&mut on, kind.name(lang)).changed() {
                send(
                    cx,
                    ProcessorsCommand::Edit {
                        id: v.id,
                        edit: ProcessorEdit::Activity(kind, on),
                    },
                );
            }
        }
    });
    let (note, color) = match v.activities_origin {
        FactOrigin::Profile => (T::ProcessorActivitiesFromProfile, None),
        _ if v.activities.is_empty() => (T::ProcessorNoActivity, Some(theme::ERROR)),
        _ => (T::ProcessorActivitiesChosen, None),
    };
    let text = RichText::new(note.get(lang)).small();
    ui.label(match color {
        Some(c) => text.color(c),
        None => text.weak(),
    });
}

fn processor(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    page: &mut ProcessorsPage,
    v: &ProcessorView,
    in_register: &[ActivityKind],
) {
    let lang = cx.lang;
    let title = format!("{}. {} — {}", v.number, v.display_name(lang), v.role);
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("processor", v.id))
        .default_open(true)
        .show(ui, |ui| {
            let stored_name = if v.name_origin == FactOrigin::Doctor {
                v.name.as_str()
            } else {
                ""
            };
            let name_label = if v.name_origin == FactOrigin::Profile {
                tr::processor_name_from_profile(lang, &v.name)
            } else {
                T::ProcessorName.get(lang).to_owned()
            };
            text_field(
                ui,
                cx,
                page,
                (v.id, Field::Name),
                &name_label,
                stored_name,
                false,
            );
            if let ProcessorId::Added(_) = v.id {
                let mut kind = v.kind;
                egui::ComboBox::new(("processor-kind", v.id), T::ProcessorKindLabel.get(lang))
                    .selected_text(kind.name(lang))
                    .show_ui(ui, |ui| {
                        for k in ProcessorKind::ALL {
                            ui.selectable_value(&mut kind, k, k.name(lang));
                        }
                    });
                if kind != v.kind {
                    send(
                        cx,
                        ProcessorsCommand::Edit {
                            id: v.id,
                            edit: ProcessorEdit::Kind(kind),
                        },
                    );
                }
            }
            text_field(
                ui,
                cx,
                page,
                (v.id, Field::Processes),
                T::ProcessorProcesses.get(lang),
                &v.processes,
                true,
            );
            ui.add_space(4.0);
            activities(ui, cx, v, in_register);
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(T::ProcessorHostsData.get(lang)).strong());
                let mut hosts = v.hosts_health_data;
                for k in [Known::Yes, Known::No, Known::Unknown] {
                    ui.radio_value(&mut hosts, k, known_name(k, lang));
                }
                if hosts != v.hosts_health_data {
                    let choice = (hosts != Known::Unknown).then_some(hosts);
                    send(
                        cx,
                        ProcessorsCommand::Edit {
                            id: v.id,
                            edit: ProcessorEdit::HostsHealthData(choice),
                        },
                    );
                }
            });
            if v.hosts_origin == FactOrigin::Profile {
                ui.label(
                    RichText::new(T::ProcessorHostsFromProfile.get(lang))
                        .small()
                        .weak(),
                );
            }
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(T::ProcessorHds.get(lang)).strong());
                ui.label(RichText::new(v.hds.describe(lang)).color(hds_color(v.hds)));
            });
            text_field(
                ui,
                cx,
                page,
                (v.id, Field::HdsNumber),
                T::ProcessorHdsNumber.get(lang),
                &v.hds_number,
                false,
            );
            let expires = v
                .hds_expires
                .map(|d| format_date(d, lang))
                .unwrap_or_default();
            text_field(
                ui,
                cx,
                page,
                (v.id, Field::HdsExpires),
                T::ProcessorHdsExpires.get(lang),
                &expires,
                false,
            );
            if let Some(typed) = page.fields.get(&(v.id, Field::HdsExpires))
                && !typed.trim().is_empty()
                && crate::locale::parse_date(typed.trim()).is_none()
            {
                ui.label(RichText::new(T::ProcessorHdsDateError.get(lang)).color(theme::ERROR));
            }
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(T::ProcessorContract.get(lang)).strong());
                match &v.contract {
                    Some(c) => {
                        ui.label(tr::processor_contract_line(
                            lang,
                            &c.name,
                            crate::locale::format_size(c.size, lang),
                            format_date(crate::i18n::date_of(c.added_at), lang),
                            &c.sha256[..12.min(c.sha256.len())],
                        ));
                        if ui.small_button(T::ProcessorDetach.get(lang)).clicked() {
                            send(cx, ProcessorsCommand::DetachContract(v.id));
                        }
                    }
                    None => {
                        ui.label(
                            RichText::new(T::ProcessorNoContract.get(lang)).color(theme::ERROR),
                        );
                    }
                }
                let busy = cx.jobs.is_running(JobKind::ReadEvidence);
                if ui
                    .add_enabled(!busy, egui::Button::new(T::ProcessorAttach.get(lang)))
                    .clicked()
                {
                    send(
                        cx,
                        ProcessorsCommand::AttachContract {
                            id: v.id,
                            path: None,
                        },
                    );
                }
            });
            ui.add_space(4.0);
            ui.label(
                RichText::new(tr::processor_clauses_present(
                    lang,
                    v.clauses_present(),
                    v.clauses.len(),
                ))
                .strong(),
            );
            for (clause, answer) in &v.clauses {
                ui.horizontal_wrapped(|ui| {
                    let mut a = *answer;
                    for choice in ClauseAnswer::ALL {
                        ui.radio_value(&mut a, choice, choice.name(lang));
                    }
                    ui.add(
                        egui::Label::new(format!("{} [{}]", clause.label(lang), clause.article()))
                            .wrap(),
                    );
                    if a != *answer {
                        send(
                            cx,
                            ProcessorsCommand::Edit {
                                id: v.id,
                                edit: ProcessorEdit::Clause(*clause, a),
                            },
                        );
                    }
                });
            }
            ui.add_space(4.0);
            text_field(
                ui,
                cx,
                page,
                (v.id, Field::Note),
                T::ProcessorNote.get(lang),
                &v.note,
                true,
            );
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                if v.missing.is_empty() {
                    ui.label(RichText::new(T::ProcessorNothingMissing.get(lang)).color(theme::OK));
                } else {
                    ui.label(
                        RichText::new(tr::processor_missing(lang, v.missing.len()))
                            .color(theme::ERROR),
                    );
                    let busy = cx.jobs.is_running(JobKind::WriteDocument);
                    if widgets::primary_button(ui, T::ProcessorLetterButton.get(lang), !busy)
                        .clicked()
                    {
                        cx.send(Command::ExportReport {
                            kind: Document::ProcessorLetter(v.number),
                            lang,
                            path: None,
                        });
                    }
                }
                if ui.button(T::ProcessorRemove.get(lang)).clicked() {
                    send(cx, ProcessorsCommand::Remove(v.id));
                }
            });
        });
}

/// Draws the processors page.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, page: &mut ProcessorsPage) {
    let lang = cx.lang;
    if page.lang != lang {
        *page = ProcessorsPage::new(lang);
    }
    ui.heading(T::NavProcessors.get(lang));
    ui.add(egui::Label::new(T::ProcessorsIntro.get(lang)).wrap());
    let Some(vault) = cx.vault() else {
        return;
    };
    let contents = vault.contents();
    let profile = &contents.practice;
    let busy = cx.jobs.is_running(JobKind::WriteDocument);
    ui.add_space(8.0);
    if widgets::primary_button(ui, T::ProcessorsExportPdf.get(lang), !busy).clicked() {
        cx.send(Command::ExportReport {
            kind: Document::Processors,
            lang,
            path: None,
        });
    }
    if busy {
        widgets::busy(ui, T::Exporting.get(lang));
    }
    let list = contents
        .processors
        .list(profile, crate::i18n::today(), lang);
    if list.is_empty() {
        ui.add_space(6.0);
        ui.label(T::ProcessorsNone.get(lang));
    }
    let in_register: Vec<ActivityKind> = ActivityKind::ALL
        .into_iter()
        .filter(|k| contents.register.includes(*k, profile))
        .collect();
    for v in &list {
        ui.add_space(8.0);
        processor(ui, cx, page, v, &in_register);
    }
    // Processors of the profile set aside, to bring back.
    for source in Source::ALL {
        if contents.processors.removed.contains(&source) && source.in_profile(profile) {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(tr::processor_removed(lang, source.role(lang))).weak());
                if ui.small_button(T::ProcessorRestore.get(lang)).clicked() {
                    send(cx, ProcessorsCommand::Restore(source));
                }
            });
        }
    }
    ui.add_space(12.0);
    ui.label(
        RichText::new(T::ProcessorAddHeading.get(lang))
            .family(theme::bold())
            .size(17.0),
    );
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::new("new-processor-kind", T::ProcessorKindLabel.get(lang))
            .selected_text(page.new_kind.name(lang))
            .show_ui(ui, |ui| {
                for k in ProcessorKind::ALL {
                    ui.selectable_value(&mut page.new_kind, k, k.name(lang));
                }
            });
        let label = ui.label(T::ProcessorNewName.get(lang));
        ui.add(egui::TextEdit::singleline(&mut page.new_name).desired_width(260.0))
            .labelled_by(label.id);
        let ready = !page.new_name.trim().is_empty();
        if widgets::primary_button(ui, T::ProcessorAddButton.get(lang), ready).clicked() {
            send(
                cx,
                ProcessorsCommand::Add {
                    kind: page.new_kind,
                    name: std::mem::take(&mut page.new_name),
                },
            );
        }
    });
}

/// Opens the page.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    crate::ui::page::Page::new(super::PAGE, ProcessorsPage::new(init.lang))
}

impl crate::ui::page::PageView for ProcessorsPage {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }
}
