//! The screens, one file each. A screen draws from state and pushes [`Command`]s; it never changes the
//! domain itself.

mod actions;
mod archive;
mod breaches; // Breach register
mod checklist;
mod create;
mod dashboard;
mod profile;
mod recovery;
mod reports;
pub mod scan;
mod settings;
mod shell;
mod signed;
pub mod system; // PC checks
mod unlock;
mod verify;
mod welcome;

pub use actions::ActionsView;
pub use archive::{
    ArchiveKeyChoice, ArchivePanel, ArchiveScope, ArchiveStage, PanelContext, scope_files,
};
pub use breaches::{BreachForm, BreachesView};
pub use checklist::ChecklistView;
pub use create::CreateForm;
pub use profile::ProfileForm;
pub use recovery::RecoveryScreen;
pub use reports::ReportsView;
pub use scan::ScanView;
pub use settings::SettingsForm;
pub use signed::{DialogFor, KeyForms, SignedView};
pub use system::SystemView;
pub use unlock::UnlockForm;
pub use verify::VerifyView;

use egui::{RichText, Ui};

use super::command::{Command, CommandSender};
use super::state::{Notice, Screen};
use super::theme;
use super::view::ViewContext;
use crate::i18n::{Lang, T};

/// Draws the current screen.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, screen: &mut Screen) {
    if let Screen::Main(page) = screen {
        shell::show(ui, cx, page);
        return;
    }
    // The message in a strip at the bottom, as in the main window, so that nothing moves when one
    // appears; the unlock screen shows it under its buttons, by the field ("Déverrouiller" stays
    // under the pointer either way).
    if let Some(message) = cx.notice.filter(|_| !matches!(screen, Screen::Unlock(_))) {
        egui::Panel::bottom("notice").show(ui, |ui| {
            ui.add_space(6.0);
            centered_column_plain(ui, 640.0, |ui| notice(ui, Some(message)));
        });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        language_switch(ui, cx.lang, cx.commands);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                centered_column(ui, 640.0, |ui| match screen {
                    Screen::Welcome => welcome::show(ui, cx),
                    Screen::Create(form) => create::show(ui, cx, form),
                    Screen::Recovery(screen) => recovery::show(ui, cx, screen),
                    Screen::Unlock(form) => unlock::show(ui, cx, form),
                    Screen::Verify(view) => verify::show(ui, cx, view),
                    Screen::Main(_) => {}
                });
            });
    });
}

/// A column of at most `max_width`, centred horizontally.
pub fn centered_column(ui: &mut Ui, max_width: f32, add_contents: impl FnOnce(&mut Ui)) {
    let width = ui.available_width().min(max_width);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.add_space(24.0);
            add_contents(ui);
            ui.add_space(24.0);
        });
    });
}

/// A column of at most `max_width`, centred horizontally, without the space above and below.
fn centered_column_plain(ui: &mut Ui, max_width: f32, add_contents: impl FnOnce(&mut Ui)) {
    let width = ui.available_width().min(max_width);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            add_contents(ui);
        });
    });
}

/// The language choice, top left: top right is where the main window's "Verrouiller" is, and a double
/// click on it must not switch the language of the lock screen that replaces it.
fn language_switch(ui: &mut Ui, lang: Lang, commands: &CommandSender) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(T::Language.get(lang)).weak());
        for other in Lang::ALL {
            if ui
                .selectable_label(other == lang, other.native_name())
                .clicked()
                && other != lang
            {
                commands.send(Command::SetLanguage(other));
            }
        }
    });
}

/// The current notice, if any, as a coloured strip.
pub fn notice(ui: &mut Ui, notice: Option<&Notice>) {
    let Some(notice) = notice else {
        return;
    };
    let (text, color, bg) = match notice {
        Notice::Info(t) => (t, theme::ACCENT, egui::Color32::from_rgb(0xe6, 0xf0, 0xf7)),
        Notice::Error(t) => (t, theme::ERROR, theme::WARN_BG),
    };
    egui::Frame::new()
        .fill(bg)
        .inner_margin(10.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
        });
    ui.add_space(8.0);
}
