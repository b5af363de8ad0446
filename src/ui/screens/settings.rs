//! Settings: language, automatic lock, where data lives, passphrase change, lock now.

use egui::{RichText, Ui};
use zeroize::Zeroizing;

use crate::i18n::{Lang, T};
use crate::paths::DataDir;
use crate::settings::{AUTO_LOCK_CHOICES, Settings};
use crate::ui::app::Session;
use crate::ui::command::Command;
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
}

impl std::fmt::Debug for SettingsForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SettingsForm(…)")
    }
}

/// What the settings page reads.
pub struct Context<'a> {
    /// Preferences.
    pub settings: &'a Settings,
    /// Data folder.
    pub data_dir: &'a DataDir,
    /// The session.
    pub session: &'a Session,
    /// A passphrase change is running.
    pub changing_passphrase: bool,
}

fn heading(ui: &mut Ui, t: T, lang: Lang) {
    ui.add_space(12.0);
    ui.label(RichText::new(t.get(lang)).family(theme::bold()).size(17.0));
}

/// Draws the settings page.
pub fn show(
    ui: &mut Ui,
    lang: Lang,
    form: &mut SettingsForm,
    cx: Context<'_>,
    commands: &mut Vec<Command>,
) {
    ui.heading(T::SettingsTitle.get(lang));

    heading(ui, T::LanguageHeading, lang);
    ui.horizontal(|ui| {
        for l in Lang::ALL {
            if ui.radio(lang == l, l.native_name()).clicked() && lang != l {
                commands.push(Command::SetLanguage(l));
            }
        }
    });

    heading(ui, T::AutoLockHeading, lang);
    let minutes = |n: u32| T::AutoLockMinutes.fill(lang, &[("n", &n.to_string())]);
    let label = ui.label(T::AutoLockHelp.get(lang));
    egui::ComboBox::from_id_salt("auto_lock")
        .selected_text(minutes(cx.settings.auto_lock_minutes))
        .show_ui(ui, |ui| {
            for n in AUTO_LOCK_CHOICES {
                if ui
                    .selectable_label(n == cx.settings.auto_lock_minutes, minutes(n))
                    .clicked()
                {
                    commands.push(Command::SetAutoLock(n));
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
                &cx.session.path.display().to_string(),
            );
            widgets::grid_row(
                ui,
                T::DataDir.get(lang),
                &cx.data_dir.root().display().to_string(),
            );
            let why = match cx.data_dir.source() {
                crate::paths::DataSource::Explicit => T::DataSourceExplicit,
                crate::paths::DataSource::Environment => T::DataSourceEnv,
                crate::paths::DataSource::Portable => T::DataSourcePortable,
                crate::paths::DataSource::System => T::DataSourceSystem,
            };
            widgets::grid_row(ui, T::DataSourceLabel.get(lang), why.get(lang));
        });

    heading(ui, T::ChangePassphraseHeading, lang);
    ui.add(egui::Label::new(RichText::new(T::ChangePassphraseHelp.get(lang)).small()).wrap());
    ui.add_enabled_ui(
        !cx.changing_passphrase && cx.session.vault.is_some(),
        |ui| {
            if !cx.session.via_recovery {
                widgets::passphrase_field(
                    ui,
                    T::CurrentPassphrase.get(lang),
                    &mut form.current,
                    false,
                );
            }
            let practice = cx
                .session
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
            );
            let current_ok = cx.session.via_recovery || !form.current.is_empty();
            if widgets::primary_button(
                ui,
                T::ChangePassphraseButton.get(lang),
                checked.is_ok() && current_ok,
            )
            .clicked()
                && let Ok(new) = checked
            {
                let current = (!cx.session.via_recovery).then(|| form.current.clone());
                commands.push(Command::ChangePassphrase { current, new });
            }
        },
    );
    if cx.changing_passphrase {
        widgets::busy(ui, T::ChangingPassphrase.get(lang));
    }

    heading(ui, T::LockHeading, lang);
    ui.label(T::LockHelp.get(lang));
    if ui.button(T::LockNow.get(lang)).clicked() {
        commands.push(Command::Lock);
    }
}
