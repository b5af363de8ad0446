//! The main window's frame: a top bar (practice, save state, lock), the left navigation, and the page.

use egui::{RichText, Ui};

use crate::demo;
use crate::i18n::T;
use crate::i18n::tr;
use crate::ui::command::Command;
use crate::ui::page::Page;
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

/// Draws the main window.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, page: &mut Page) {
    let lang = cx.lang;
    let Some(session) = cx.session else {
        return;
    };
    let practice = session
        .vault
        .as_ref()
        .map(|v| v.contents().practice.name.to_string())
        .unwrap_or_default();
    let is_demo = session.vault.as_ref().is_some_and(|v| v.contents().demo);
    let unsaved = page.unsaved(cx);

    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(T::AppName.get(lang))
                    .family(theme::bold())
                    .size(20.0)
                    .color(theme::ACCENT),
            );
            ui.separator();
            ui.label(RichText::new(&practice).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(T::LockNow.get(lang)).clicked() {
                    cx.send(Command::Lock);
                }
                let save = &session.save;
                if let Some(error) = &save.error {
                    if ui.button(T::Retry.get(lang)).clicked() {
                        cx.send(Command::RetrySave);
                    }
                    ui.label(RichText::new(tr::save_failed(lang, error)).color(theme::ERROR));
                } else if save.pending() {
                    widgets::busy(ui, T::Saving.get(lang));
                } else if unsaved {
                    ui.label(RichText::new(T::UnsavedEdits.get(lang)).color(theme::ERROR));
                } else if save.last_saved.is_some() {
                    ui.label(
                        RichText::new(format!("✓ {}", T::AllSaved.get(lang))).color(theme::OK),
                    );
                }
            });
        });
        if is_demo {
            egui::Frame::new()
                .fill(theme::WARN_BG)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(tr::demo_banner(lang, demo::DEMO_PASSPHRASE));
                });
        }
        if let Some(pending) = session
            .vault
            .as_ref()
            .and_then(|v| v.contents().archives.pending.as_ref())
        {
            crate::ui::archive::view::pending_strip(ui, cx, pending);
        }
        ui.add_space(4.0);
    });

    let current = page.kind();
    egui::Panel::left("navigation")
        .resizable(false)
        .exact_size(190.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            // A page reached from another one (checking a signed file) keeps that one's entry selected.
            let section = cx
                .pages
                .iter()
                .find(|p| p.kind == current)
                .and_then(|p| p.under)
                .unwrap_or(current);
            for row in cx.pages {
                let Some(text) = row.nav else {
                    continue;
                };
                let label = RichText::new(text.get(lang)).size(16.0);
                let response = ui.add_sized(
                    [ui.available_width(), 34.0],
                    egui::Button::selectable(section == row.kind, label),
                );
                if response.clicked() && current != row.kind {
                    cx.send(Command::Navigate(row.kind));
                }
            }
        });

    // The message of the moment in a strip at the bottom: the page does not move down when one appears
    // (after a scan, an export, a failed action).
    if let Some(notice) = cx.notice {
        egui::Panel::bottom("notice").show(ui, |ui| {
            ui.add_space(6.0);
            widgets::notice(ui, Some(notice));
        });
    }

    egui::CentralPanel::default().show(ui, |ui| {
        // One scroll position per page, and per theme of the checklist: another page (or "Thème
        // suivant") opens at its top or where the user left it, not where the last one was.
        let part = page.scroll_part();
        // The scan's table has no scrolling of its own: the page scrolls as one, and the table takes
        // the window's height once the controls above it are scrolled away.
        egui::ScrollArea::vertical()
            .id_salt(("page", current, part))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(8.0);
                page.show(ui, cx);
            });
    });
}
