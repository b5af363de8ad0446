//! The register page: the record of processing activities, activity by activity, each field showing
//! where its text comes from and editable; the security measures drawn from the checklist; the
//! statement on the impact assessment; the patients' notice with the doctor's note; their PDFs.

use std::collections::BTreeMap;

use egui::{RichText, Ui};

use super::command::RegisterCommand;
use crate::binder::{ActivityKind, ActivityView, Notice, Origin, RegisterField, dpia_statement};
use crate::i18n::{Lang, T, names};
use crate::practice_file::VaultContents;
use crate::report::Document;
use crate::report::binder::NoticeFormat;
use crate::ui::command::Command;
use crate::ui::jobs::JobKind;
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

/// The register page's state: the texts being typed. Each edit goes to the vault as it is typed, so
/// nothing typed here is lost on leaving the page; the buffers only keep the cursor's text steady.
#[derive(Debug)]
pub struct RegisterPage {
    /// The language the buffers were filled in (the pre-filled texts depend on it).
    lang: Lang,
    /// The text of each field shown, as typed (the page is made anew at each visit, so a change made
    /// on another page, the processors' included, is read when the page is opened).
    fields: BTreeMap<(ActivityKind, RegisterField), String>,
    /// The note on the notice, as typed.
    note: Option<String>,
}

impl RegisterPage {
    /// An empty page: its buffers are filled from the vault as they are shown.
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            fields: BTreeMap::new(),
            note: None,
        }
    }
}

fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(12.0);
    ui.label(RichText::new(text).family(theme::bold()).size(17.0));
}

fn origin_text(origin: Origin) -> T {
    match origin {
        Origin::Reference => T::RegisterOriginReference,
        Origin::Profile => T::RegisterOriginProfile,
        Origin::Processors => T::RegisterOriginProcessors,
        Origin::Edited => T::RegisterOriginEdited,
    }
}

/// One activity: whether it is in the register, its fields, its security measures, its sources.
fn activity(ui: &mut Ui, cx: &ViewContext<'_>, page: &mut RegisterPage, a: &ActivityView) {
    let lang = cx.lang;
    egui::CollapsingHeader::new(RichText::new(&a.name).strong())
        .id_salt(("register-activity", a.kind))
        .default_open(true)
        .show(ui, |ui| {
            for (field, text, origin) in &a.fields {
                ui.add_space(4.0);
                let label = ui
                    .horizontal_wrapped(|ui| {
                        let label = ui.label(RichText::new(field.label(lang)).strong());
                        let color = if *origin == Origin::Edited {
                            theme::OK
                        } else {
                            ui.visuals().weak_text_color()
                        };
                        ui.label(
                            RichText::new(format!("({})", origin_text(*origin).get(lang)))
                                .small()
                                .color(color),
                        );
                        if *origin == Origin::Edited
                            && ui.small_button(T::RegisterRevert.get(lang)).clicked()
                        {
                            cx.send(Command::Register(RegisterCommand::Edit {
                                kind: a.kind,
                                field: *field,
                                text: String::new(),
                            }));
                            page.fields.remove(&(a.kind, *field));
                        }
                        label
                    })
                    .inner;
                let buffer = page
                    .fields
                    .entry((a.kind, *field))
                    .or_insert_with(|| text.clone());
                let response = ui
                    .add(
                        egui::TextEdit::multiline(buffer)
                            .desired_rows(1)
                            .desired_width((ui.available_width() - 16.0).max(120.0)),
                    )
                    .labelled_by(label.id);
                if response.changed() && buffer.trim() != text.trim() {
                    cx.send(Command::Register(RegisterCommand::Edit {
                        kind: a.kind,
                        field: *field,
                        text: buffer.clone(),
                    }));
                }
            }
            ui.add_space(4.0);
            ui.label(RichText::new(T::RegisterSecurity.get(lang)).strong());
            let catalog = crate::checklist::catalog();
            for m in &a.security {
                let question = catalog
                    .item(&m.item)
                    .map_or(m.item.as_str(), |i| i.question.get(lang));
                let answer = m.answer.map_or(T::RegisterNotAnswered, names::answer);
                ui.add(egui::Label::new(format!("• {question} — {}", answer.get(lang))).wrap());
            }
            if !a.sources.is_empty() {
                ui.add(
                    egui::Label::new(
                        RichText::new(crate::locale::typeset(
                            &format!("{}: {}", T::RegisterSources.get(lang), a.sources.join("; ")),
                            lang,
                        ))
                        .small()
                        .weak(),
                    )
                    .wrap(),
                );
            }
        });
}

/// Whether `kind` is in the register, as a checkbox: a choice equal to the profile's forgets the
/// override.
fn inclusion(ui: &mut Ui, cx: &ViewContext<'_>, contents: &VaultContents, kind: ActivityKind) {
    let lang = cx.lang;
    let profile = &contents.practice;
    let mut included = contents.register.includes(kind, profile);
    let text = format!("{} — {}", kind.name(lang), T::RegisterIncluded.get(lang));
    if ui.checkbox(&mut included, text).changed() {
        let choice = (included != kind.in_profile(profile)).then_some(included);
        cx.send(Command::Register(RegisterCommand::Include {
            kind,
            included: choice,
        }));
    }
    if contents.register.included.contains_key(&kind) {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(T::RegisterOverridden.get(lang))
                    .small()
                    .color(ui.visuals().warn_fg_color),
            );
            if ui.small_button(T::RegisterAsProfile.get(lang)).clicked() {
                cx.send(Command::Register(RegisterCommand::Include {
                    kind,
                    included: None,
                }));
            }
        });
    }
}

/// Draws the register page.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, page: &mut RegisterPage) {
    let lang = cx.lang;
    if page.lang != lang {
        *page = RegisterPage::new(lang);
    }
    ui.heading(T::NavRegister.get(lang));
    ui.add(egui::Label::new(T::RegisterPageIntro.get(lang)).wrap());
    let Some(vault) = cx.vault() else {
        return;
    };
    let contents = vault.contents();
    let profile = &contents.practice;

    let busy = cx.jobs.is_running(JobKind::WriteDocument);
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        for (kind, text) in [
            (Document::ProcessingRegister, T::RegisterExportPdf),
            (Document::PatientNotice(NoticeFormat::A4), T::NoticeExportA4),
            (Document::PatientNotice(NoticeFormat::A5), T::NoticeExportA5),
        ] {
            if widgets::primary_button(ui, text.get(lang), !busy).clicked() {
                cx.send(Command::ExportReport {
                    kind,
                    lang,
                    path: None,
                });
            }
        }
    });
    ui.add_space(6.0);
    ui.add(egui::Label::new(RichText::new(T::BinderExportHint.get(lang)).small()).wrap());
    if widgets::primary_button(ui, T::BinderExportButton.get(lang), !busy).clicked() {
        cx.send(Command::Register(RegisterCommand::ExportBinder(None)));
    }
    if busy {
        widgets::busy(ui, T::Exporting.get(lang));
    }
    if contents.assessments.signed.len() >= 2 {
        ui.add_space(6.0);
        // Parsed only while open: two signed documents are tens of kilobytes of JSON.
        egui::CollapsingHeader::new(T::BinderComparisonWindow.get(lang))
            .id_salt("binder-comparison")
            .show(ui, |ui| {
                match crate::report::binder_export::last_two(contents) {
                    Some(c) => {
                        for line in crate::report::binder_export::comparison_lines(&c, lang) {
                            ui.add(egui::Label::new(line).wrap());
                        }
                    }
                    None => {
                        ui.label(T::BinderNoComparison.get(lang));
                    }
                }
            });
    }
    // The processors named in the register, with their contracts, have a page of their own.
    if ui.button(T::RegisterToProcessors.get(lang)).clicked() {
        cx.send(Command::Navigate(crate::ui::processors::PAGE));
    }

    heading(ui, T::RegisterActivitiesHeading.get(lang));
    let activities =
        contents
            .register
            .activities(profile, &contents.processors, &contents.checklist, lang);
    for a in &activities {
        ui.add_space(6.0);
        inclusion(ui, cx, contents, a.kind);
        activity(ui, cx, page, a);
    }
    let excluded: Vec<ActivityKind> = ActivityKind::ALL
        .into_iter()
        .filter(|k| !contents.register.includes(*k, profile))
        .collect();
    if !excluded.is_empty() {
        heading(ui, T::RegisterExcludedHeading.get(lang));
        for kind in excluded {
            inclusion(ui, cx, contents, kind);
        }
    }

    heading(ui, T::RegisterDpiaHeading.get(lang));
    for paragraph in dpia_statement(profile).paragraphs(profile, lang) {
        ui.add(egui::Label::new(paragraph).wrap());
        ui.add_space(4.0);
    }

    heading(ui, T::RegisterNoticeHeading.get(lang));
    let label = ui.label(T::RegisterNoticeNote.get(lang));
    let note = page
        .note
        .get_or_insert_with(|| contents.register.notice_note.clone());
    let response = ui
        .add(
            egui::TextEdit::multiline(note)
                .desired_rows(2)
                .desired_width((ui.available_width() - 16.0).max(120.0)),
        )
        .labelled_by(label.id);
    if response.changed() && note.trim() != contents.register.notice_note {
        cx.send(Command::Register(RegisterCommand::NoticeNote(note.clone())));
    }
    ui.add_space(6.0);
    let notice = Notice::of(
        profile,
        &contents.register,
        &contents.processors,
        crate::i18n::today(),
        lang,
    );
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(
            RichText::new(&notice.title)
                .family(theme::bold())
                .size(16.0),
        );
        for section in &notice.sections {
            ui.add_space(4.0);
            ui.label(RichText::new(&section.heading).strong());
            for paragraph in &section.paragraphs {
                ui.add(egui::Label::new(paragraph).wrap());
            }
        }
    });
}

/// Opens the page.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    crate::ui::page::Page::new(super::PAGE, RegisterPage::new(init.lang))
}

impl crate::ui::page::PageView for RegisterPage {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }
}
