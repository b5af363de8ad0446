//! The welcome screen: create a vault, open one, or try the demo; recent vaults for a quick return.

use egui::{RichText, Ui};

use crate::i18n::T;
use crate::i18n::tr;
use crate::ui::command::Command;
use crate::ui::theme;
use crate::ui::view::ViewContext;
use crate::ui::widgets;

/// "Ouvrir le coffre du Cabinet du Dr Martin": "du" before a name that starts with a masculine noun
/// of practices (cabinet, centre, groupe, pôle), the name in quotes otherwise ("Maison de santé…").
pub fn open_practice(lang: crate::i18n::Lang, name: &str) -> String {
    let lower = name.to_lowercase();
    let masculine = [
        "cabinet", "centre", "groupe", "pôle", "pole", "docteur", "dr ",
    ]
    .iter()
    .any(|w| lower.starts_with(w));
    if masculine {
        tr::open_practice_du(lang, name)
    } else {
        tr::open_practice_named(lang, name)
    }
}

/// Draws the welcome screen.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>) {
    let lang = cx.lang;
    let commands = cx.commands;
    ui.label(
        RichText::new(T::WelcomeTitle.get(lang))
            .size(30.0)
            .family(theme::bold())
            .color(theme::ACCENT),
    );
    ui.label(RichText::new(T::AppTagline.get(lang)).size(17.0));
    ui.add_space(8.0);
    ui.add(egui::Label::new(T::WelcomeIntro.get(lang)).wrap());
    ui.add_space(16.0);

    // The list and whether each file is there come from the app, checked in a background job: a vault
    // on an unplugged stick or a slow share must not freeze this screen.
    let demo = cx.data_dir.demo_vault();
    let recent: Vec<_> = cx.recent.iter().filter(|r| r.path != demo).collect();
    let name_of = |path: &std::path::Path| {
        cx.settings
            .vault_names
            .get(path)
            .cloned()
            .unwrap_or_else(|| {
                path.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            })
    };
    // A returning user: opening their practice's vault is the main button.
    let last = recent.first().filter(|r| r.present != Some(false));
    if let Some(last) = last
        && widgets::big_choice(
            ui,
            &open_practice(lang, &name_of(&last.path)),
            &last.path.display().to_string(),
            true,
        )
        .clicked()
    {
        commands.send(Command::ShowUnlock(last.path.clone()));
    }
    if widgets::big_choice(
        ui,
        T::WelcomeCreate.get(lang),
        T::WelcomeCreateHint.get(lang),
        last.is_none(),
    )
    .clicked()
    {
        commands.send(Command::StartCreate);
    }
    if widgets::big_choice(
        ui,
        T::WelcomeOpen.get(lang),
        T::WelcomeOpenHint.get(lang),
        false,
    )
    .clicked()
    {
        commands.send(Command::PickVaultToOpen);
    }
    if widgets::big_choice(
        ui,
        T::WelcomeDemo.get(lang),
        T::WelcomeDemoHint.get(lang),
        false,
    )
    .clicked()
    {
        commands.send(Command::OpenDemo);
    }
    if widgets::big_choice(
        ui,
        T::SaVerifyOpen.get(lang),
        T::SaVerifyHint.get(lang),
        false,
    )
    .clicked()
    {
        commands.send(Command::Signing(
            crate::ui::command::SigningCommand::OpenVerify,
        ));
    }

    // The other recent vaults, by their practice's name.
    let others: Vec<_> = recent
        .iter()
        .filter(|r| last.is_none_or(|l| l.path != r.path))
        .collect();
    if !others.is_empty() {
        ui.add_space(12.0);
        ui.label(RichText::new(T::RecentVaults.get(lang)).family(theme::bold()));
        for recent in others {
            let path = &recent.path;
            let name = name_of(path);
            // Until checked, the button is available: the unlock screen says if the file is gone.
            let exists = recent.present != Some(false);
            ui.horizontal(|ui| {
                let button =
                    ui.add_enabled(exists, egui::Button::new(tr::open_this_vault(lang, &name)));
                if button.clicked() {
                    commands.send(Command::ShowUnlock(path.clone()));
                }
                let detail = if exists {
                    path.display().to_string()
                } else {
                    format!("{} — {}", path.display(), T::MissingFile.get(lang))
                };
                ui.label(RichText::new(detail).small().weak());
            });
        }
    }

    ui.add_space(20.0);
    ui.separator();
    ui.label(RichText::new(T::OfflineNote.get(lang)).small().weak());
    ui.label(
        RichText::new(tr::version(lang, env!("CARGO_PKG_VERSION")))
            .small()
            .weak(),
    );
}
