//! The checklist wizard: theme by theme, with progress and scores; one card per item (`item.rs`).

mod item;

use std::collections::HashMap;

use egui::{RichText, Ui};

use crate::checklist::{self, Respondent, scoring};
use crate::i18n::{Lang, T, names};
use crate::practice_file::VaultContents;
use crate::ui::command::Command;
use crate::ui::{theme, widgets};

/// The wizard's state.
#[derive(Debug, Default)]
pub struct ChecklistView {
    /// The theme shown (index in the catalog).
    pub theme: usize,
    /// Who is answering.
    pub respondent: Respondent,
    /// Notes being typed, by item, until they are saved.
    pub notes: HashMap<String, String>,
}

/// A score as text.
pub fn score_text(score: Option<f64>, lang: Lang) -> String {
    score.map_or_else(
        || T::ScoreNone.get(lang).to_owned(),
        |s| T::ScoreOverall.fill(lang, &[("score", &scoring::percent(s).to_string())]),
    )
}

/// Draws the wizard.
pub fn show(
    ui: &mut Ui,
    lang: Lang,
    view: &mut ChecklistView,
    contents: &VaultContents,
    commands: &mut Vec<Command>,
) {
    let catalog = checklist::catalog();
    let scores = scoring::compute(catalog, &contents.practice, &contents.checklist);

    ui.heading(T::ChecklistTitle.get(lang));
    ui.add(egui::Label::new(T::ChecklistIntro.get(lang)).wrap());
    ui.horizontal_wrapped(|ui| {
        let progress = T::ProgressAnswered.fill(
            lang,
            &[
                ("answered", &scores.answered.to_string()),
                ("total", &scores.applicable.to_string()),
            ],
        );
        ui.add(
            egui::ProgressBar::new(scores.progress() as f32)
                .desired_width(220.0)
                .text(progress),
        );
        ui.label(RichText::new(score_text(scores.overall, lang)).strong());
    });
    ui.horizontal(|ui| {
        ui.label(T::AnsweringAs.get(lang));
        for r in [Respondent::Doctor, Respondent::Consultant] {
            ui.radio_value(&mut view.respondent, r, names::respondent(r).get(lang));
        }
    });
    ui.add_space(4.0);

    // Themes as tabs, each with its progress.
    view.theme = view.theme.min(catalog.themes.len().saturating_sub(1));
    ui.horizontal_wrapped(|ui| {
        for (i, t) in catalog.themes.iter().enumerate() {
            let s = scores.theme(&t.id);
            let counts = s.map_or(String::new(), |s| {
                format!(" {}/{}", s.answered, s.applicable)
            });
            let done = s.is_some_and(|s| s.applicable > 0 && s.answered == s.applicable);
            let mark = if done { "✓ " } else { "" };
            let label = format!("{mark}{}{counts}", t.title.get(lang));
            if ui.selectable_label(view.theme == i, label).clicked() {
                view.theme = i;
            }
        }
    });
    ui.separator();

    let Some(current) = catalog.themes.get(view.theme) else {
        return;
    };
    ui.label(
        RichText::new(current.title.get(lang))
            .family(theme::bold())
            .size(20.0)
            .color(theme::ACCENT),
    );
    if let Some(v) = scores.theme(&current.id).and_then(|s| s.score) {
        ui.label(T::ThemeScore.fill(lang, &[("score", &scoring::percent(v).to_string())]));
    }
    ui.add(egui::Label::new(current.intro.get(lang)).wrap());
    ui.add_space(6.0);

    for it in catalog.items_of(&current.id) {
        item::show(ui, lang, it, view, contents, commands);
        ui.add_space(6.0);
    }

    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                view.theme > 0,
                egui::Button::new(T::PreviousTheme.get(lang)),
            )
            .clicked()
        {
            view.theme -= 1;
        }
        let last = view.theme + 1 >= catalog.themes.len();
        if widgets::primary_button(ui, T::NextTheme.get(lang), !last).clicked() {
            view.theme += 1;
        }
    });
}
