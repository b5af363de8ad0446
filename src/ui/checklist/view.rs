//! The checklist wizard: theme by theme, with progress and scores; one card per item (`item.rs`).

use egui::{RichText, Ui};

pub use super::state::ChecklistView;
use crate::checklist::{self, Respondent, scoring};
use crate::i18n::tr;
use crate::i18n::{Lang, T, names};
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

/// A score as text.
pub fn score_text(score: Option<f64>, lang: Lang) -> String {
    score.map_or_else(
        || T::ScoreNone.get(lang).to_owned(),
        |s| tr::score_overall(lang, scoring::percent(s).to_string()),
    )
}

/// Draws the wizard.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut ChecklistView) {
    let lang = cx.lang;
    let Some(vault) = cx.vault() else {
        return;
    };
    let contents = vault.contents();
    let catalog = checklist::catalog();
    let scores = scoring::compute(catalog, &contents.practice, &contents.checklist);

    // A compact header: title, progress and score on one line; who answers and the glossary on the next.
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(T::ChecklistTitle.get(lang))
                .family(theme::bold())
                .size(20.0),
        );
        // The count beside the bar, not in it: inside, its white letters ran past the filled part
        // onto the white of the rest and were lost.
        let progress = tr::progress_answered(lang, scores.answered, scores.applicable);
        ui.add(
            egui::ProgressBar::new(scores.progress() as f32)
                .desired_width(120.0)
                .desired_height(10.0),
        );
        ui.label(progress);
        ui.label(RichText::new(score_text(scores.overall, lang)).strong());
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(T::AnsweringAs.get(lang));
        for r in [Respondent::Doctor, Respondent::Consultant] {
            ui.radio_value(&mut view.respondent, r, names::respondent(r).get(lang));
        }
        ui.separator();
        if ui
            .button(T::GlossaryOpen.get(lang))
            .on_hover_text(T::GlossaryHint.get(lang))
            .clicked()
        {
            view.glossary = Some(String::new());
        }
    });
    ui.add(egui::Label::new(RichText::new(T::ChecklistIntro.get(lang)).small().weak()).wrap());

    // Themes as tabs, each with its progress. The mark says how much is answered, never how secure
    // the theme is, and has the same width in every state, so that the tabs do not move.
    view.theme = view.theme.min(catalog.themes.len().saturating_sub(1));
    ui.horizontal_wrapped(|ui| {
        // Tighter rows than the buttons elsewhere: at 1024×768 the ten themes wrap onto six lines in
        // French, and the first question must stay in view.
        ui.spacing_mut().interact_size.y = 22.0;
        ui.spacing_mut().item_spacing.y = 4.0;
        ui.spacing_mut().button_padding.y = 3.0;
        for (i, t) in catalog.themes.iter().enumerate() {
            let s = scores.theme(&t.id);
            let (answered, applicable) = s.map_or((0, 0), |s| (s.answered, s.applicable));
            let mark = if applicable > 0 && answered == applicable {
                "●"
            } else if answered > 0 {
                "◐"
            } else {
                "○"
            };
            let label = format!("{mark} {} {answered}/{applicable}", t.title.get(lang));
            let r = ui.selectable_label(view.theme == i, label);
            let r = if mark == "●" {
                r.on_hover_text(T::ThemeAllAnsweredHint.get(lang))
            } else {
                r
            };
            if r.clicked() {
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
    // The score's line is always there (a placeholder before the first answer), so that the first
    // answer of a theme does not push its questions down under the pointer.
    match scores
        .theme(&current.id)
        .and_then(|ts| Some((ts, ts.score?)))
    {
        Some((ts, v)) => {
            let pct = scoring::percent(v).to_string();
            if ts.few_answers() {
                ui.label(
                    RichText::new(tr::theme_score_few(lang, pct, ts.answered, ts.applicable))
                        .weak(),
                )
                .on_hover_text(T::ScoreFewAnswersHint.get(lang));
            } else {
                ui.label(tr::theme_score(lang, pct));
            }
        }
        None => {
            ui.label(RichText::new(T::ThemeScoreNone.get(lang)).weak());
        }
    }
    ui.add(egui::Label::new(current.intro.get(lang)).wrap());
    ui.add_space(6.0);

    for it in catalog.items_of(&current.id) {
        super::item::show(ui, cx, it, view, contents);
        ui.add_space(6.0);
    }

    glossary_window(ui, lang, view);

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

/// The glossary in a window: every term, the one clicked first and highlighted.
fn glossary_window(ui: &Ui, lang: Lang, view: &mut ChecklistView) {
    let Some(selected) = view.glossary.clone() else {
        return;
    };
    let catalog = checklist::catalog();
    let mut open = true;
    let mut close = false;
    egui::Window::new(T::GlossaryTitle.get(lang))
        .open(&mut open)
        .collapsible(false)
        .default_width(420.0)
        .default_height(420.0)
        .show(ui.ctx(), |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                let terms = catalog
                    .glossary
                    .iter()
                    .filter(|t| t.id == selected)
                    .chain(catalog.glossary.iter().filter(|t| t.id != selected));
                for t in terms {
                    let mut title = RichText::new(t.term.get(lang)).family(theme::bold());
                    if t.id == selected {
                        title = title.color(theme::ACCENT).size(17.0);
                    }
                    ui.label(title);
                    ui.add(egui::Label::new(t.definition.get(lang)).wrap());
                    ui.add_space(6.0);
                }
            });
            if ui.button(T::GlossaryClose.get(lang)).clicked() {
                close = true;
            }
        });
    if !open || close {
        view.glossary = None;
    }
}

/// Opens the page.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    let _ = init;
    crate::ui::page::Page::new(super::PAGE, ChecklistView::default())
}

impl crate::ui::page::PageView for ChecklistView {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }

    fn scroll_part(&self) -> usize {
        self.theme
    }
}
