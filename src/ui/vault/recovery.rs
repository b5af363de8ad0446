//! The recovery code, shown once after creation, with ways to keep it and a confirmation to go on.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::i18n::T;
use crate::i18n::tr;
use crate::ui::command::{Command, SheetFormat};
use crate::ui::jobs::JobKind;
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};
use crate::vault::RecoveryCode;

/// The recovery screen's state.
#[derive(Debug)]
pub struct RecoveryScreen {
    /// The code, held only while this screen is shown.
    pub code: RecoveryCode,
    /// "I have written it down".
    pub written_down: bool,
    /// Files the sheet was saved to.
    pub saved_to: Vec<PathBuf>,
}

impl RecoveryScreen {
    /// The screen for a freshly created code.
    pub fn new(code: RecoveryCode) -> Self {
        Self {
            code,
            written_down: false,
            saved_to: Vec::new(),
        }
    }
}

/// Draws the recovery screen.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, screen: &mut RecoveryScreen) {
    let ViewContext {
        lang,
        jobs,
        commands,
        ..
    } = cx;
    let (lang, jobs) = (*lang, *jobs);
    ui.heading(T::RecoveryTitle.get(lang));
    ui.add(egui::Label::new(T::RecoveryIntro.get(lang)).wrap());
    ui.add_space(8.0);

    egui::Frame::group(ui.style())
        .fill(theme::CARD_BG)
        .inner_margin(16.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(T::RecoveryCodeCaption.get(lang)).weak());
            let groups = screen.code.groups();
            let halves: [&[_]; 2] = groups.split_at(groups.len() / 2).into();
            for half in halves {
                ui.label(
                    RichText::new(half.join("  "))
                        .monospace()
                        .size(26.0)
                        .color(theme::ACCENT),
                );
            }
        });

    ui.add_space(8.0);
    let writing = jobs.is_running(JobKind::WriteDocument);
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(!writing, egui::Button::new(T::SaveAsPdf.get(lang)))
            .clicked()
        {
            commands.send(Command::SaveRecoverySheet {
                format: SheetFormat::Pdf,
                path: None,
            });
        }
        if ui
            .add_enabled(!writing, egui::Button::new(T::SaveAsText.get(lang)))
            .clicked()
        {
            commands.send(Command::SaveRecoverySheet {
                format: SheetFormat::Text,
                path: None,
            });
        }
    });
    for path in &screen.saved_to {
        ui.label(RichText::new(tr::saved_to(lang, path.display().to_string())).color(theme::OK));
    }
    if !screen.saved_to.is_empty() {
        ui.add(egui::Label::new(RichText::new(T::SaveToRemovableAdvice.get(lang)).small()).wrap());
    }

    ui.add_space(12.0);
    ui.checkbox(&mut screen.written_down, T::RecoveryWrittenDown.get(lang));
    ui.add_space(4.0);
    if widgets::primary_button(ui, T::Continue.get(lang), screen.written_down).clicked() {
        commands.send(Command::FinishRecovery);
    }
}
