//! PDF exports: the self-assessment report and the action plan, in French or English.

use egui::Ui;

use crate::i18n::{Lang, T};
use crate::report::{Document, scan::Detail};
use crate::ui::command::Command;
use crate::ui::jobs::JobKind;
use crate::ui::view::ViewContext;
use crate::ui::widgets;

/// The reports page's state.
#[derive(Debug)]
pub struct ReportsView {
    /// The language of the documents.
    pub lang: Lang,
    /// The scan report lists every path ("liste complète (usage interne)"); off by default.
    pub scan_full_list: bool,
}

impl ReportsView {
    /// Documents in the interface's language by default.
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            scan_full_list: false,
        }
    }
}

/// Draws the reports page.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut ReportsView) {
    let lang = cx.lang;
    let jobs = cx.jobs;
    let commands = cx.commands;
    ui.heading(T::ReportsTitle.get(lang));
    ui.add(egui::Label::new(T::ReportsIntro.get(lang)).wrap());
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.label(T::ReportLanguage.get(lang));
        for l in Lang::ALL {
            ui.radio_value(&mut view.lang, l, l.native_name());
        }
    });
    ui.add_space(8.0);
    let busy = jobs.is_running(JobKind::WriteDocument);
    for (kind, text) in [
        (Document::Assessment, T::ExportAssessment),
        (Document::ActionPlan, T::ExportActionPlan),
        (Document::Scan(Detail::Folders), T::ScanExportPdf),
    ] {
        if widgets::primary_button(ui, text.get(lang), !busy).clicked() {
            let kind = if matches!(kind, Document::Scan(_)) && view.scan_full_list {
                Document::Scan(Detail::FullList)
            } else {
                kind
            };
            commands.send(Command::ExportReport {
                kind,
                lang: view.lang,
                path: None,
            });
        }
        if matches!(kind, Document::Scan(_)) {
            ui.checkbox(&mut view.scan_full_list, T::ScanReportFullList.get(lang));
            if view.scan_full_list {
                ui.label(
                    egui::RichText::new(T::ScanReportFullListHint.get(lang))
                        .color(crate::ui::theme::ERROR),
                );
            }
        }
    }
    if widgets::primary_button(ui, T::BreachExportRegister.get(lang), !busy).clicked() {
        commands.send(Command::Breach(crate::ui::command::BreachCommand::Export {
            kind: Document::BreachRegister,
            lang: view.lang,
            path: None,
        }));
    }
    if busy {
        widgets::busy(ui, T::Exporting.get(lang));
    }
}

/// Opens the page.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    crate::ui::page::Page::new(super::PAGE, ReportsView::new(init.lang))
}

impl crate::ui::page::PageView for ReportsView {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }
}
