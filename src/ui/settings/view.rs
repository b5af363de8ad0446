//! Settings: language, automatic lock, where data lives, passphrase change, lock now.

use egui::{RichText, Ui};
use zeroize::Zeroizing;

use crate::i18n::tr;
use crate::i18n::{Lang, T};
use crate::settings::AUTO_LOCK_CHOICES;
use crate::ui::command::Command;
use crate::ui::jobs::JobKind;
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

/// The passphrase-change fields.
#[derive(Default)]
pub struct SettingsForm {
    /// Current passphrase.
    pub current: Zeroizing<String>,
    /// New passphrase.
    pub new: Zeroizing<String>,
    /// Its confirmation.
    pub confirmation: Zeroizing<String>,
    /// The new passphrase's strength and policy check, computed when it changes.
    pub check: widgets::PassphraseCheck,
    /// The passphrase typed to make a new recovery code.
    pub recovery_current: Zeroizing<String>,
    /// The new recovery code, shown until the user says it is written down.
    pub new_code: Option<crate::vault::RecoveryCode>,
}

impl std::fmt::Debug for SettingsForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SettingsForm(…)")
    }
}

fn heading(ui: &mut Ui, t: T, lang: Lang) {
    ui.add_space(12.0);
    ui.label(RichText::new(t.get(lang)).family(theme::bold()).size(17.0));
}

/// Draws the settings page.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, form: &mut SettingsForm) {
    let lang = cx.lang;
    let Some(session) = cx.session else {
        return;
    };
    let changing_passphrase = cx.busy(JobKind::ChangePassphrase);
    let busy_copy = cx.busy(JobKind::CopyVault);
    let (settings, data_dir) = (cx.settings, cx.data_dir);
    let commands = cx.commands;
    ui.heading(T::SettingsTitle.get(lang));

    heading(ui, T::LanguageHeading, lang);
    ui.horizontal(|ui| {
        for l in Lang::ALL {
            if ui.radio(lang == l, l.native_name()).clicked() && lang != l {
                commands.send(Command::SetLanguage(l));
            }
        }
    });

    heading(ui, T::AutoLockHeading, lang);
    let minutes = |n: u32| tr::auto_lock_minutes(lang, n);
    let label = ui.label(T::AutoLockHelp.get(lang));
    egui::ComboBox::from_id_salt("auto_lock")
        .selected_text(minutes(settings.auto_lock_minutes))
        .show_ui(ui, |ui| {
            for n in AUTO_LOCK_CHOICES {
                if ui
                    .selectable_label(n == settings.auto_lock_minutes, minutes(n))
                    .clicked()
                {
                    commands.send(Command::SetAutoLock(n));
                }
            }
        })
        .response
        .labelled_by(label.id);

    heading(ui, T::DataHeading, lang);
    egui::Grid::new("data_grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            widgets::grid_row(
                ui,
                T::OpenVaultPath.get(lang),
                &session.path.display().to_string(),
            );
            widgets::grid_row(
                ui,
                T::DataDir.get(lang),
                &data_dir.root().display().to_string(),
            );
            let why = match data_dir.source() {
                crate::paths::DataSource::Explicit => T::DataSourceExplicit,
                crate::paths::DataSource::Environment => T::DataSourceEnv,
                crate::paths::DataSource::Portable => T::DataSourcePortable,
                crate::paths::DataSource::System => T::DataSourceSystem,
            };
            widgets::grid_row(ui, T::DataSourceLabel.get(lang), why.get(lang));
        });

    heading(ui, T::ChangePassphraseHeading, lang);
    ui.add(egui::Label::new(RichText::new(T::ChangePassphraseHelp.get(lang)).small()).wrap());
    ui.add_enabled_ui(!changing_passphrase && session.vault.is_some(), |ui| {
        if !session.via_recovery {
            widgets::passphrase_field(ui, T::CurrentPassphrase.get(lang), &mut form.current, false);
        }
        let practice = session
            .vault
            .as_ref()
            .map(|v| v.contents().practice.name.to_string())
            .unwrap_or_default();
        let context: Vec<&str> = practice.split_whitespace().collect();
        let checked = widgets::new_passphrase_fields(
            ui,
            lang,
            [T::NewPassphraseLabel, T::ConfirmNewPassphrase],
            [&mut form.new, &mut form.confirmation],
            false,
            &context,
            &mut form.check,
        );
        let current_ok = session.via_recovery || !form.current.is_empty();
        if widgets::primary_button(
            ui,
            T::ChangePassphraseButton.get(lang),
            checked.is_ok() && current_ok,
        )
        .clicked()
            && let Ok(new) = checked
        {
            let current = (!session.via_recovery).then(|| form.current.clone());
            commands.send(Command::ChangePassphrase { current, new });
        }
    });
    if changing_passphrase {
        widgets::busy(ui, T::ChangingPassphrase.get(lang));
    }

    heading(ui, T::NewRecoveryCodeHeading, lang);
    ui.add(egui::Label::new(RichText::new(T::NewRecoveryCodeHelp.get(lang)).small()).wrap());
    if let Some(code) = &form.new_code {
        egui::Frame::new()
            .fill(theme::WARN_BG)
            .inner_margin(10.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.label(T::NewRecoveryCodeShown.get(lang));
                ui.label(
                    RichText::new(code.to_text().as_str())
                        .family(egui::FontFamily::Monospace)
                        .size(20.0)
                        .strong(),
                );
                if ui.button(T::NewRecoveryCodeNoted.get(lang)).clicked() {
                    commands.send(Command::RecoveryCodeNoted);
                }
            });
    } else {
        ui.add_enabled_ui(!changing_passphrase && session.vault.is_some(), |ui| {
            if !session.via_recovery {
                widgets::passphrase_field(
                    ui,
                    T::NewRecoveryCodePassphrase.get(lang),
                    &mut form.recovery_current,
                    false,
                );
            }
            let ready = session.via_recovery || !form.recovery_current.is_empty();
            if widgets::primary_button(ui, T::NewRecoveryCodeButton.get(lang), ready).clicked() {
                let current = (!session.via_recovery).then(|| form.recovery_current.clone());
                commands.send(Command::NewRecoveryCode { current });
            }
        });
    }

    heading(ui, T::CopyVaultHeading, lang);
    ui.add(egui::Label::new(RichText::new(T::CopyVaultHelp.get(lang)).small()).wrap());
    let copying = busy_copy;
    if ui
        .add_enabled(!copying, egui::Button::new(T::CopyVaultButton.get(lang)))
        .clicked()
    {
        commands.send(Command::CopyVault(None));
    }
    if copying {
        widgets::busy(ui, T::CopyingVault.get(lang));
    }

    heading(ui, T::LogsHeading, lang);
    ui.add(egui::Label::new(RichText::new(T::LogsHelp.get(lang)).small()).wrap());
    if ui
        .add_enabled(
            !cx.busy(JobKind::ShowFolder),
            egui::Button::new(T::OpenLogFolder.get(lang)),
        )
        .clicked()
    {
        // The current file, shown selected in its folder (the folder itself on Linux).
        commands.send(Command::OpenFolder(crate::diag::current_file(
            &cx.data_dir.log_dir(),
        )));
    }

    heading(ui, T::LockHeading, lang);
    ui.label(T::LockHelp.get(lang));
    if ui.button(T::LockNow.get(lang)).clicked() {
        commands.send(Command::Lock);
    }
}

/// Opens the page.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    let _ = init;
    crate::ui::page::Page::new(super::PAGE, SettingsForm::default())
}

impl crate::ui::page::PageView for SettingsForm {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }
}
