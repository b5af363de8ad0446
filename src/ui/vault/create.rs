//! Creating a practice vault: name, location, passphrase with confirmation and a strength meter.

use std::path::PathBuf;

use egui::{RichText, Ui};
use zeroize::Zeroizing;

use crate::i18n::T;
use crate::paths::DataDir;
use crate::practice::PracticeName;
use crate::ui::command::Command;
use crate::ui::jobs::JobKind;
use crate::ui::view::ViewContext;
use crate::ui::widgets::{self, PassphraseCheck};

/// The creation form.
#[derive(Default)]
pub struct CreateForm {
    /// Practice name.
    pub name: String,
    /// Passphrase.
    pub passphrase: Zeroizing<String>,
    /// Its confirmation.
    pub confirmation: Zeroizing<String>,
    /// Show the passphrase in clear.
    pub show: bool,
    /// A location chosen with the save dialog, instead of the default one.
    pub custom_path: Option<PathBuf>,
    /// The passphrase's strength and policy check, computed when it changes.
    pub check: PassphraseCheck,
    /// The default location shown, and the name it was found for (looking for a free file name reads
    /// the disk: once per name typed, not at every frame).
    shown_path: Option<(String, PathBuf)>,
}

impl std::fmt::Debug for CreateForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateForm")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl CreateForm {
    /// Where the vault will be written: the chosen place, else a free name in the data folder.
    pub fn vault_path(&self, data_dir: &DataDir) -> PathBuf {
        if let Some(p) = &self.custom_path {
            return p.clone();
        }
        let base = data_dir.default_vault_for(&self.name);
        if !base.exists() {
            return base;
        }
        let stem = base
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        // A bound all the same: ten thousand vaults of one name is not a practice.
        (2..10_000)
            .map(|n| base.with_file_name(format!("{stem}-{n}.vigie")))
            .find(|p| !p.exists())
            .unwrap_or(base)
    }

    /// [`CreateForm::vault_path`], found again only when the name or the chosen place changed.
    fn shown_vault_path(&mut self, data_dir: &DataDir) -> PathBuf {
        if let Some(p) = &self.custom_path {
            return p.clone();
        }
        match &self.shown_path {
            Some((name, path)) if *name == self.name => path.clone(),
            _ => {
                let path = self.vault_path(data_dir);
                self.shown_path = Some((self.name.clone(), path.clone()));
                path
            }
        }
    }
}

/// Draws the creation form.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, form: &mut CreateForm) {
    let lang = cx.lang;
    let creating = cx.busy(JobKind::CreateVault);
    let data_dir = cx.data_dir;
    let commands = cx.commands;
    ui.heading(T::CreateTitle.get(lang));
    ui.add(egui::Label::new(T::CreateIntro.get(lang)).wrap());
    ui.add_space(8.0);

    ui.add_enabled_ui(!creating, |ui| {
        widgets::labelled_field(
            ui,
            T::PracticeNameLabel.get(lang),
            &mut form.name,
            Some(T::PracticeNameHint.get(lang)),
        );
        let name = PracticeName::parse(&form.name);

        ui.add_space(4.0);
        ui.label(T::VaultLocation.get(lang));
        let path = form.shown_vault_path(data_dir);
        ui.add(
            egui::Label::new(
                RichText::new(path.display().to_string())
                    .monospace()
                    .small(),
            )
            .wrap(),
        );
        if ui.button(T::ChangeLocation.get(lang)).clicked() {
            commands.send(Command::ChooseNewVaultLocation);
        }

        ui.add_space(4.0);
        let context: Vec<&str> = form.name.split_whitespace().collect();
        let checked = widgets::new_passphrase_fields(
            ui,
            lang,
            [T::PassphraseLabel, T::ConfirmPassphraseLabel],
            [&mut form.passphrase, &mut form.confirmation],
            form.show,
            &context,
            &mut form.check,
        );
        ui.checkbox(&mut form.show, T::Show.get(lang));

        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(T::Back.get(lang)).clicked() {
                commands.send(Command::ShowWelcome);
            }
            let ready = name.is_ok() && checked.is_ok();
            if widgets::primary_button(ui, T::CreateButton.get(lang), ready).clicked()
                && let (Ok(name), Ok(passphrase)) = (name, checked)
            {
                commands.send(Command::CreateVault {
                    name,
                    path,
                    passphrase,
                });
            }
        });
    });
    if creating {
        widgets::busy(ui, T::Creating.get(lang));
    }
}
