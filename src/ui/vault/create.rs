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
    /// The free location found for a name (looking for it reads the disk: in a job, once per name
    /// typed), and that name.
    pub found_path: Option<(String, PathBuf)>,
}

impl std::fmt::Debug for CreateForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateForm")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl CreateForm {
    /// A free file name for a vault of the practice `name` in the data folder: its default name, or the
    /// same with `-2`, `-3`… when taken. Reads the disk: in a background job, never while drawing.
    pub fn free_vault_path(data_dir: &DataDir, name: &str) -> PathBuf {
        crate::io_guard::check("looking for a free vault name");
        let base = data_dir.default_vault_for(name);
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

    /// Where the vault will be written: the place chosen, else the free name found for the name typed
    /// (`None` while it is looked for).
    pub fn vault_path(&self) -> Option<PathBuf> {
        if let Some(p) = &self.custom_path {
            return Some(p.clone());
        }
        match &self.found_path {
            Some((name, path)) if *name == self.name => Some(path.clone()),
            _ => None,
        }
    }

    /// Where a save dialog opens for the vault: the path known, else the default one (no disk read).
    pub fn suggested_path(&self, data_dir: &DataDir) -> PathBuf {
        self.vault_path()
            .unwrap_or_else(|| data_dir.default_vault_for(&self.name))
    }
}

/// Draws the creation form.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, form: &mut CreateForm) {
    let lang = cx.lang;
    let creating = cx.busy(JobKind::CreateVault);
    let commands = cx.commands;
    // Enter in a field creates the vault, as the button does, once everything is filled in.
    let enter = widgets::enter_in_text_field(ui);
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
        let path = form.vault_path();
        if path.is_none() && !cx.busy(JobKind::FindVaultPath) {
            commands.send(Command::FindVaultPath(form.name.clone()));
        }
        match &path {
            Some(path) => {
                ui.add(
                    egui::Label::new(
                        RichText::new(path.display().to_string())
                            .monospace()
                            .small(),
                    )
                    .wrap(),
                );
            }
            None => widgets::busy(ui, T::FindingVaultPath.get(lang)),
        }
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
            let ready = name.is_ok() && checked.is_ok() && path.is_some();
            let clicked = widgets::primary_button(ui, T::CreateButton.get(lang), ready).clicked();
            if (clicked || (enter && ready))
                && let (Ok(name), Ok(passphrase), Some(path)) = (name, checked, path)
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
