//! The action plan: every action, most important first, with its owner, due date and status editable.

use std::collections::BTreeMap;

use egui::{RichText, Ui};

use crate::checklist::{self, ActionStatus, AnswerValue, Respondent, plan};
use crate::i18n::{T, format_date, names, parse_date};
use crate::ui::checklist::view::score_text;
use crate::ui::command::{ActionEdit, Command, CommandSender};
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

/// Owners and dates being typed, by item, until they are saved.
#[derive(Debug, Default)]
pub struct ActionsView {
    owners: BTreeMap<String, String>,
    dues: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
    /// An action just marked done whose answer is not "yes": asks whether to update the answer.
    confirm_answer: Option<String>,
}

impl ActionsView {
    /// The due dates typed and not yet taken into the plan that read as dates (or are empty, for no
    /// date), to be kept before the page goes away or the vault locks. A half-typed date stays here.
    pub fn take_typed_dues(&mut self) -> Vec<(String, Option<jiff::civil::Date>)> {
        let mut out = Vec::new();
        for (item, text) in std::mem::take(&mut self.dues) {
            let parsed = if text.trim().is_empty() {
                Some(None)
            } else {
                parse_date(&text).map(Some)
            };
            if let Some(due) = parsed {
                out.push((item, due));
            }
        }
        out
    }
}

/// Draws the action plan.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut ActionsView) {
    let lang = cx.lang;
    let Some(vault) = cx.vault() else {
        return;
    };
    let contents = vault.contents();
    let commands = cx.commands;
    let catalog = checklist::catalog();
    let record = &contents.checklist;
    ui.heading(T::ActionsTitle.get(lang));
    ui.add(egui::Label::new(T::ActionsIntro.get(lang)).wrap());
    let scores = checklist::scoring::compute(catalog, &contents.practice, record);
    ui.label(RichText::new(score_text(scores.overall, lang)).strong());
    ui.add_space(6.0);

    let ordered = plan::ordered(catalog, record);
    if ordered.is_empty() {
        ui.label(T::ActionsEmpty.get(lang));
        return;
    }
    // The folder scan's high-risk images archived and their originals deleted: the stray-images
    // action is proposed as done, the archive as its evidence; the doctor confirms.
    if let Some(done) = contents.action_done_by_archive() {
        egui::Frame::new()
            .fill(theme::WARN_BG)
            .inner_margin(8.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.add(
                    egui::Label::new(crate::i18n::tr::plan_done_by_archive(
                        lang,
                        crate::i18n::format_datetime(done.archive.created_at, lang),
                        &done.archive.path,
                        done.removed,
                    ))
                    .wrap(),
                );
                if widgets::primary_button(ui, T::PlanMarkDone.get(lang), true).clicked() {
                    commands.send(Command::UpdateAction {
                        item: done.item.into(),
                        edit: ActionEdit::Status(ActionStatus::Done),
                    });
                }
            });
        ui.add_space(6.0);
    }
    // Shown above the list: the action just marked done moves to the end of it.
    if let Some(item) = view.confirm_answer.clone()
        && let Some(it) = catalog.item(&item)
    {
        confirm_answer(ui, lang, it, view, commands);
    }
    let today = crate::i18n::today();
    let mut rank = 0;
    for action in ordered {
        let Some(item) = catalog.item(&action.item) else {
            continue;
        };
        let done = action.status == ActionStatus::Done;
        if !done {
            rank += 1;
        }
        egui::Frame::group(ui.style())
            .fill(if done {
                egui::Color32::from_gray(240)
            } else {
                theme::CARD_BG
            })
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    let prefix = if done {
                        "✓".to_owned()
                    } else {
                        format!("{rank}.")
                    };
                    ui.label(RichText::new(prefix).strong());
                    ui.label(
                        RichText::new(names::action_kind(action.kind).get(lang))
                            .color(theme::ACCENT),
                    );
                });
                let text = crate::present::checklist::action_text(item, action.kind, lang);
                ui.add(egui::Label::new(RichText::new(text).strong()).wrap());
                let theme_title = catalog.theme(&item.theme).map_or("", |t| t.title.get(lang));
                ui.label(RichText::new(theme_title).small().weak());

                ui.horizontal_wrapped(|ui| {
                    let owner = view
                        .owners
                        .entry(action.item.clone())
                        .or_insert_with(|| action.owner.clone());
                    let label = ui.label(T::ColOwner.get(lang));
                    let r = ui
                        .add(egui::TextEdit::singleline(owner).desired_width(180.0))
                        .labelled_by(label.id);
                    // Sent as it is typed; the app saves after a pause in typing.
                    if r.changed() && owner.trim() != action.owner {
                        commands.send(Command::UpdateAction {
                            item: action.item.as_str().into(),
                            edit: ActionEdit::Owner(owner.trim().to_owned()),
                        });
                    }

                    let due = view.dues.entry(action.item.clone()).or_insert_with(|| {
                        action.due.map(|d| format_date(d, lang)).unwrap_or_default()
                    });
                    let label = ui.label(T::ColDue.get(lang));
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(due)
                                .desired_width(124.0)
                                .hint_text(T::DueHint.get(lang)),
                        )
                        .labelled_by(label.id);
                    // An error goes away as soon as the date typed reads as one.
                    if r.changed() && (due.trim().is_empty() || parse_date(due).is_some()) {
                        view.errors.remove(&action.item);
                    }
                    if r.lost_focus() {
                        let parsed = if due.trim().is_empty() {
                            Some(None)
                        } else {
                            parse_date(due).map(Some)
                        };
                        match parsed {
                            Some(date) if date != action.due => {
                                view.errors.remove(&action.item);
                                commands.send(Command::UpdateAction {
                                    item: action.item.as_str().into(),
                                    edit: ActionEdit::Due(date),
                                });
                            }
                            Some(_) => {
                                view.errors.remove(&action.item);
                            }
                            None => {
                                view.errors
                                    .insert(action.item.clone(), T::ErrDate.get(lang).to_owned());
                            }
                        }
                    }
                    if !done && action.due.is_some_and(|d| d < today) {
                        ui.label(
                            RichText::new(T::Overdue.get(lang))
                                .color(theme::ERROR)
                                .strong(),
                        );
                    }

                    let label = ui.label(T::ColStatus.get(lang));
                    egui::ComboBox::from_id_salt(("status", &action.item))
                        .selected_text(names::status(action.status).get(lang))
                        .show_ui(ui, |ui| {
                            for s in ActionStatus::ALL {
                                if ui
                                    .selectable_label(
                                        s == action.status,
                                        names::status(s).get(lang),
                                    )
                                    .clicked()
                                    && s != action.status
                                {
                                    commands.send(Command::UpdateAction {
                                        item: action.item.as_str().into(),
                                        edit: ActionEdit::Status(s),
                                    });
                                    let yes = record
                                        .answers
                                        .get(&action.item)
                                        .is_some_and(|a| a.value == AnswerValue::Yes);
                                    if s == ActionStatus::Done && !yes {
                                        view.confirm_answer = Some(action.item.clone());
                                    }
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if let Some(t) = action.done_at.filter(|_| done) {
                        ui.label(
                            RichText::new(crate::i18n::tr::sa_done_on(
                                lang,
                                format_date(crate::i18n::date_of(t), lang),
                            ))
                            .weak(),
                        );
                    }
                });
                if let Some(e) = view.errors.get(&action.item) {
                    widgets::field_error(ui, e);
                }
            });
        ui.add_space(4.0);
    }
}

/// "Mark done" on a measure not answered "yes": update the answer to "yes", or keep it.
fn confirm_answer(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    item: &checklist::Item,
    view: &mut ActionsView,
    commands: &CommandSender,
) {
    egui::Frame::new()
        .fill(theme::WARN_BG)
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(item.action.get(lang)).strong());
            ui.label(T::MarkDoneAsk.get(lang));
            ui.horizontal(|ui| {
                if ui.button(T::MarkDoneUpdate.get(lang)).clicked() {
                    commands.send(Command::Answer {
                        item: item.id.as_str().into(),
                        value: AnswerValue::Yes,
                        by: Respondent::Doctor,
                    });
                    view.confirm_answer = None;
                }
                if ui.button(T::MarkDoneKeep.get(lang)).clicked() {
                    view.confirm_answer = None;
                }
            });
        });
}

/// Opens the page.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    let _ = init;
    crate::ui::page::Page::new(super::PAGE, ActionsView::default())
}

impl crate::ui::page::PageView for ActionsView {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }
}
