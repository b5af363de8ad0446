//! The main window's frame: a top bar (practice, save state, lock), the left navigation, and the page.

use egui::{RichText, Ui};

use crate::demo;
use crate::i18n::T;
use crate::ui::app::{Page, Screen, VigieApp};
use crate::ui::command::{Command, PageKind};
use crate::ui::jobs::JobKind;
use crate::ui::{theme, widgets};

/// Draws the main window.
pub fn show(app: &mut VigieApp, ui: &mut Ui, commands: &mut Vec<Command>) {
    let lang = app.lang;
    let Some(session) = app.session.as_ref() else {
        return;
    };
    let practice = session
        .vault
        .as_ref()
        .map(|v| v.contents().practice.name.to_string())
        .unwrap_or_default();
    let is_demo = session.vault.as_ref().is_some_and(|v| v.contents().demo);

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
                    commands.push(Command::Lock);
                }
                let save = &session.save;
                if let Some(error) = &save.error {
                    if ui.button(T::Retry.get(lang)).clicked() {
                        commands.push(Command::RetrySave);
                    }
                    ui.label(
                        RichText::new(T::SaveFailed.fill(lang, &[("error", error)]))
                            .color(theme::ERROR),
                    );
                } else if save.in_flight || save.queued {
                    widgets::busy(ui, T::Saving.get(lang));
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
                    ui.label(T::DemoBanner.fill(lang, &[("passphrase", demo::DEMO_PASSPHRASE)]));
                });
        }
        ui.add_space(4.0);
    });

    let current = match &app.screen {
        Screen::Main(page) => page.kind(),
        _ => PageKind::Dashboard,
    };
    egui::Panel::left("navigation")
        .resizable(false)
        .exact_size(190.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            for (kind, text) in [
                (PageKind::Dashboard, T::NavDashboard),
                (PageKind::Checklist, T::NavChecklist),
                (PageKind::Scan, T::NavScan),
                (PageKind::Actions, T::NavActions),
                (PageKind::Reports, T::NavReports),
                (PageKind::Profile, T::NavProfile),
                (PageKind::Settings, T::NavSettings),
            ] {
                let label = RichText::new(text.get(lang)).size(16.0);
                let response = ui.add_sized(
                    [ui.available_width(), 34.0],
                    egui::Button::selectable(current == kind, label),
                );
                if response.clicked() && current != kind {
                    commands.push(Command::Navigate(kind));
                }
            }
        });

    egui::CentralPanel::default().show(ui, |ui| {
        // The Scan page holds a table with its own scrolling: it gets the whole height.
        if let Screen::Main(Page::Scan(view)) = &mut app.screen {
            ui.add_space(8.0);
            super::notice(ui, app.notice.as_ref());
            let Some(vault) = app.session.as_ref().and_then(|s| s.vault.as_ref()) else {
                return;
            };
            super::scan::show(
                ui,
                lang,
                view,
                super::scan::Context {
                    live: app.scan.as_ref(),
                    history: &vault.contents().scans,
                    jobs: &app.jobs,
                },
                commands,
            );
            return;
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(8.0);
                super::notice(ui, app.notice.as_ref());
                let changing = app.jobs.is_running(JobKind::ChangePassphrase);
                let Some(session) = app.session.as_ref() else {
                    return;
                };
                match &mut app.screen {
                    Screen::Main(Page::Dashboard) => {
                        if let Some(vault) = session.vault.as_ref() {
                            super::dashboard::show(
                                ui,
                                lang,
                                vault,
                                session,
                                &app.settings,
                                commands,
                            );
                        }
                    }
                    Screen::Main(Page::Checklist(view)) => {
                        if let Some(vault) = session.vault.as_ref() {
                            super::checklist::show(ui, lang, view, vault.contents(), commands);
                        }
                    }
                    Screen::Main(Page::Actions(view)) => {
                        if let Some(vault) = session.vault.as_ref() {
                            super::actions::show(ui, lang, view, vault.contents(), commands);
                        }
                    }
                    Screen::Main(Page::Reports(view)) => {
                        super::reports::show(ui, lang, view, &app.jobs, commands)
                    }
                    Screen::Main(Page::Profile(form)) => {
                        super::profile::show(ui, lang, form, commands)
                    }
                    Screen::Main(Page::Settings(form)) => super::settings::show(
                        ui,
                        lang,
                        form,
                        super::settings::Context {
                            settings: &app.settings,
                            data_dir: &app.data_dir,
                            session,
                            changing_passphrase: changing,
                        },
                        commands,
                    ),
                    _ => {}
                }
            });
    });
}
