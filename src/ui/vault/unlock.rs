//! Unlocking a vault with its passphrase, or with the recovery code when the passphrase is forgotten.

use std::path::PathBuf;

use egui::{RichText, Ui};
use zeroize::Zeroizing;

use crate::demo;
use crate::i18n::tr;
use crate::i18n::{Lang, Localize as _, T};
use crate::ui::command::{Command, CommandSender, Secret};
use crate::ui::jobs::JobKind;
use crate::ui::view::ViewContext;
use crate::ui::widgets;
use crate::vault::RecoveryCode;

/// The unlock form.
pub struct UnlockForm {
    /// The vault to unlock.
    pub path: PathBuf,
    /// This is the demo vault: its passphrase is shown.
    pub is_demo: bool,
    /// Use the recovery code instead of the passphrase.
    pub with_recovery: bool,
    /// What was typed.
    pub secret: Zeroizing<String>,
    /// A typo found in the recovery code, before trying it.
    pub typo: Option<String>,
    focus_requested: bool,
}

impl std::fmt::Debug for UnlockForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnlockForm")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl UnlockForm {
    /// The form for `path`.
    pub fn new(path: PathBuf, is_demo: bool) -> Self {
        Self {
            path,
            is_demo,
            with_recovery: false,
            secret: Zeroizing::new(String::new()),
            typo: None,
            focus_requested: false,
        }
    }
}

impl UnlockForm {
    /// Empties the field and gives it the focus again, after a failed attempt.
    pub fn clear_for_retry(&mut self) {
        self.secret = Zeroizing::new(String::new());
        self.focus_requested = false;
    }
}

/// Draws the unlock form.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, form: &mut UnlockForm) {
    let lang = cx.lang;
    let unlocking = cx.busy(JobKind::Unlock);
    let known = cx.settings.vault_names.get(&form.path).cloned();
    let notice = cx.notice;
    let commands = cx.commands;
    ui.heading(T::UnlockTitle.get(lang));
    // The practice's name when this vault was opened here before, else the file's.
    let name = known.unwrap_or_else(|| {
        form.path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    });
    ui.label(RichText::new(name).strong());
    ui.add(
        egui::Label::new(
            RichText::new(form.path.display().to_string())
                .small()
                .weak(),
        )
        .wrap(),
    );
    ui.add_space(8.0);
    if form.is_demo {
        ui.label(tr::demo_passphrase_shown(lang, demo::DEMO_PASSPHRASE));
    }

    ui.add_enabled_ui(!unlocking, |ui| {
        let intro = if form.with_recovery {
            T::UnlockWithRecoveryIntro
        } else {
            T::UnlockIntro
        };
        ui.add(egui::Label::new(intro.get(lang)).wrap());
        let response = if form.with_recovery {
            widgets::labelled_field(
                ui,
                T::RecoveryCodeLabel.get(lang),
                &mut form.secret,
                Some("XXXX-XXXX-…"),
            )
        } else {
            widgets::passphrase_field(ui, T::PassphraseLabel.get(lang), &mut form.secret, false)
        };
        if !form.focus_requested {
            response.request_focus();
            form.focus_requested = true;
        }
        if response.changed() {
            form.typo = None;
        }
        if let Some(typo) = &form.typo {
            widgets::field_error(ui, typo);
        }
        let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));

        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let clicked =
                widgets::primary_button(ui, T::UnlockButton.get(lang), !form.secret.is_empty())
                    .clicked();
            if (clicked || submitted) && !form.secret.is_empty() {
                submit(lang, form, commands);
            }
            let switch = if form.with_recovery {
                T::UsePassphrase
            } else {
                T::UseRecoveryCode
            };
            if ui.link(switch.get(lang)).clicked() {
                form.with_recovery = !form.with_recovery;
                form.secret = Zeroizing::new(String::new());
                form.typo = None;
                form.focus_requested = false;
            }
        });
    });

    // The answer ("wrong passphrase"…) under the buttons, by the field: nothing above them moves.
    if let Some(message) = notice {
        ui.add_space(6.0);
        crate::ui::widgets::notice(ui, Some(message));
    }
    if unlocking {
        ui.horizontal(|ui| {
            widgets::busy(ui, T::Unlocking.get(lang));
            if ui.button(T::Cancel.get(lang)).clicked() {
                commands.send(Command::CancelUnlock);
            }
        });
    }
    ui.add_space(12.0);
    if ui
        .add_enabled(!unlocking, egui::Button::new(T::OtherVault.get(lang)))
        .clicked()
    {
        commands.send(Command::ShowWelcome);
    }
}

fn submit(lang: Lang, form: &mut UnlockForm, commands: &CommandSender) {
    let secret = if form.with_recovery {
        match RecoveryCode::parse(&form.secret) {
            Ok(code) => Secret::RecoveryCode(code),
            Err(e) => {
                form.typo = Some(e.localize(lang));
                return;
            }
        }
    } else {
        Secret::Passphrase(form.secret.clone())
    };
    commands.send(Command::Unlock {
        path: form.path.clone(),
        secret,
    });
}
