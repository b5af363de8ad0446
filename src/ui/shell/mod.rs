//! The window's frame: the screens before the main window (welcome, create, recovery, unlock, verify
//! without a vault) in a centred column with the language choice, and the main window
//! (`main_window`: top bar, navigation from the page table, the page).

mod main_window;

use egui::{RichText, Ui};

use super::command::{Command, CommandSender};
use super::screen::Screen;
use super::view::ViewContext;
use super::{signed, vault, widgets};
use crate::i18n::{Lang, T};

/// Draws the current screen.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, screen: &mut Screen) {
    if let Screen::Main(page) = screen {
        main_window::show(ui, cx, page);
        return;
    }
    // The message in a strip at the bottom, as in the main window, so that nothing moves when one
    // appears; the unlock screen shows it under its buttons, by the field ("Déverrouiller" stays
    // under the pointer either way).
    if let Some(message) = cx.notice.filter(|_| !matches!(screen, Screen::Unlock(_))) {
        egui::Panel::bottom("notice").show(ui, |ui| {
            ui.add_space(6.0);
            widgets::centered_column_plain(ui, 640.0, |ui| widgets::notice(ui, Some(message)));
        });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        language_switch(ui, cx.lang, cx.commands);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                widgets::centered_column(ui, 640.0, |ui| match screen {
                    Screen::Welcome => vault::welcome::show(ui, cx),
                    Screen::Create(form) => vault::create::show(ui, cx, form),
                    Screen::Recovery(screen) => vault::recovery::show(ui, cx, screen),
                    Screen::Unlock(form) => vault::unlock::show(ui, cx, form),
                    Screen::Verify(view) => signed::verify::show(ui, cx, view),
                    Screen::Main(_) => {}
                });
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
