//! One checklist item: the question, the answer, why and how, the note, the evidence.

use egui::{RichText, Ui};

use super::state::ChecklistView;
use crate::checklist::applicability::applies;
use crate::checklist::glossary::{Segment, segments};
use crate::checklist::{self, AnswerValue, Item};
use crate::i18n::tr;
use crate::i18n::{Lang, T, format_datetime, format_size, names};
use crate::practice_file::VaultContents;
use crate::ui::command::{Command, CommandSender};
use crate::ui::theme;
use crate::ui::view::ViewContext;

/// The item's number: its place in the catalog (unique).
fn number(item: &Item) -> String {
    checklist::catalog()
        .number(&item.id)
        .map_or_else(String::new, |n| n.to_string())
}

/// A text with its glossary terms underlined, as one label (one accessible name, the whole text); a
/// click on a term opens the glossary at that term.
pub fn glossary_text(
    ui: &mut Ui,
    lang: Lang,
    text: &str,
    font: &egui::FontId,
    strong: bool,
    glossary: &mut Option<String>,
) {
    let catalog = checklist::catalog();
    let color = if strong {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().text_color()
    };
    let mut job = egui::text::LayoutJob::default();
    // (first char, last char + 1, term id) of each term, to find the one clicked.
    let mut terms = Vec::new();
    let mut chars = 0;
    for seg in segments(text, &catalog.glossary) {
        let (piece, term) = match seg {
            Segment::Plain(p) => (p, None),
            Segment::Term(p, t) => (p, Some(t)),
        };
        let n = piece.chars().count();
        let mut format = egui::TextFormat::simple(font.clone(), color);
        if let Some(t) = term {
            format.underline = egui::Stroke::new(1.0, theme::ACCENT);
            terms.push((chars, chars + n, t.id.clone()));
        }
        job.append(piece, 0.0, format);
        chars += n;
    }
    job.wrap.max_width = ui.available_width();
    let (pos, galley, response) = egui::Label::new(job)
        .sense(egui::Sense::click())
        .layout_in_ui(ui);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), galley.text())
    });
    let at = |p: egui::Pos2| {
        let index = galley.cursor_from_pos(p - pos).index.0;
        terms
            .iter()
            .find(|(a, b, _)| (*a..*b).contains(&index))
            .map(|(_, _, id)| id.clone())
    };
    let hovered = response.hover_pos().and_then(at);
    if hovered.is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if response.clicked()
        && let Some(id) = response.interact_pointer_pos().and_then(at)
    {
        *glossary = Some(id);
    }
    ui.painter().galley(pos, galley, color);
    if let Some(t) = hovered.and_then(|id| catalog.term(&id)) {
        response.on_hover_text(t.definition.get(lang));
    }
}

/// Draws one item card.
pub fn show(
    ui: &mut Ui,
    cx: &ViewContext<'_>,
    item: &Item,
    view: &mut ChecklistView,
    contents: &VaultContents,
) {
    let (lang, commands) = (cx.lang, cx.commands);
    let record = &contents.checklist;
    let applicable = applies(&item.applies, &contents.practice);
    let answer = record.answers.get(&item.id);
    let fill = if applicable {
        theme::CARD_BG
    } else {
        egui::Color32::from_gray(238)
    };
    let focused = view.focus.as_deref() == Some(item.id.as_str());
    let mut frame = egui::Frame::group(ui.style()).fill(fill).inner_margin(12.0);
    if focused {
        frame = frame.stroke(egui::Stroke::new(2.0, theme::ACCENT));
    }
    let card = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}.", number(item))).weak());
            glossary_text(
                ui,
                lang,
                item.question.get(lang),
                &egui::FontId::new(16.0, theme::bold()),
                true,
                &mut view.glossary,
            );
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(tr::priority_label(lang, item.weight.to_string()))
                    .small()
                    .weak(),
            );
            if item.behind_sanctions() {
                ui.label(
                    RichText::new(T::SanctionsBadge.get(lang))
                        .small()
                        .color(theme::ERROR),
                );
            }
            ui.label(
                RichText::new(tr::sources_label(lang, item.sources.join(" · ")))
                    .small()
                    .weak(),
            );
        });

        if !applicable {
            let reason = item
                .not_applicable_because
                .as_ref()
                .map_or("", |t| t.get(lang));
            ui.label(tr::not_applicable_because(lang, reason));
            ui.label(RichText::new(T::ChangeProfileHint.get(lang)).small().weak());
            return;
        }

        // The answer, as five toggles in a row.
        ui.horizontal_wrapped(|ui| {
            for value in AnswerValue::ALL {
                let selected = answer.is_some_and(|a| a.value == value);
                // An answer carried over "to review" is confirmed by choosing it again.
                let to_review = answer.is_some_and(|a| a.to_review);
                if ui
                    .selectable_label(selected, names::answer(value).get(lang))
                    .clicked()
                    && (!selected || to_review)
                {
                    if value == AnswerValue::NotApplicable && item.weight >= 3 {
                        // An essential measure is set aside only with a reason, kept as the note.
                        let note = answer.map(|a| a.note.clone()).unwrap_or_default();
                        view.na_reason = Some((item.id.clone(), note));
                    } else {
                        commands.send(Command::Answer {
                            item: item.id.as_str().into(),
                            value,
                            by: view.respondent,
                        });
                    }
                }
            }
        });
        na_reason(ui, lang, item, view, commands);
        if let Some(a) = answer {
            let who = names::respondent(a.by).get(lang);
            let line = tr::answered_by(lang, who, format_datetime(a.at, lang));
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(line).small().weak());
                if a.to_review {
                    to_review_badge(ui, lang, a.review_reason.as_ref());
                }
            });
            if let Some(reason) = &a.review_reason {
                ui.add(
                    egui::Label::new(
                        RichText::new(tr::review_because(lang, reason.get(lang)))
                            .small()
                            .color(theme::ERROR),
                    )
                    .wrap(),
                );
            }
        }
        // The answer the last run proposes, until the doctor settles it (on the PC checks
        // page: confirm, or answer here).
        if let Some((line, _)) = crate::present::system::proposal_line(contents, &item.id, lang) {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(line).small().color(theme::ACCENT));
                if ui.small_button(T::SysOpenChecksPage.get(lang)).clicked() {
                    commands.send(Command::Navigate(crate::ui::system::PAGE));
                }
            });
        }
        for warning in crate::present::checklist::contradictions(item, contents, lang) {
            egui::Frame::new()
                .fill(theme::WARN_BG)
                .inner_margin(6.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(T::ContradictionHeading.get(lang))
                            .small()
                            .strong()
                            .color(theme::ERROR),
                    );
                    ui.add(egui::Label::new(RichText::new(warning).small()).wrap());
                });
        }

        egui::CollapsingHeader::new(T::WhyHeading.get(lang))
            .id_salt(("why", &item.id))
            .show(ui, |ui| {
                glossary_text(
                    ui,
                    lang,
                    item.why.get(lang),
                    &egui::TextStyle::Body.resolve(ui.style()),
                    false,
                    &mut view.glossary,
                );
            });
        egui::CollapsingHeader::new(T::HowHeading.get(lang))
            .id_salt(("how", &item.id))
            .show(ui, |ui| {
                ui.add(egui::Label::new(item.how.get(lang)).wrap());
                ui.horizontal_wrapped(|ui| {
                    for id in &item.screens {
                        if let Some((page, title)) = cx.page_named(id)
                            && ui.button(format!("→ {}", title.get(lang))).clicked()
                        {
                            commands.send(Command::Navigate(page));
                        }
                    }
                });
                if let Some(provider) = &item.provider {
                    egui::CollapsingHeader::new(T::ProviderHeading.get(lang))
                        .id_salt(("provider", &item.id))
                        .show(ui, |ui| {
                            ui.add(
                                egui::Label::new(RichText::new(provider.get(lang)).monospace())
                                    .wrap(),
                            );
                        });
                }
                if item.theme == "box" {
                    box_guides(ui, lang);
                }
            });

        if let Some(a) = answer {
            let buffer = view
                .notes
                .entry(item.id.clone())
                .or_insert_with(|| a.note.clone());
            let label = ui.label(RichText::new(T::NoteLabel.get(lang)).small());
            let response = ui
                .add(
                    egui::TextEdit::multiline(buffer)
                        .desired_rows(2)
                        .desired_width(ui.available_width()),
                )
                .labelled_by(label.id);
            // Sent as it is typed; the app saves after a pause in typing, and before locking.
            if response.changed() && *buffer != a.note {
                commands.send(Command::SetNote {
                    item: item.id.as_str().into(),
                    note: buffer.clone(),
                });
            }
        }

        let evidence: Vec<_> = record.evidence_for(&item.id).collect();
        if !evidence.is_empty() {
            ui.label(RichText::new(T::EvidenceHeading.get(lang)).small().strong());
        }
        for e in evidence {
            ui.horizontal_wrapped(|ui| {
                let line = tr::evidence_line(
                    lang,
                    &e.name,
                    format_size(e.content.len() as u64, lang),
                    format_datetime(e.added_at, lang),
                    &e.sha256[..12],
                );
                ui.label(RichText::new(line).small());
                if ui.small_button(T::RemoveEvidence.get(lang)).clicked() {
                    commands.send(Command::DetachEvidence(e.id));
                }
            });
        }
        if ui.button(T::AttachEvidence.get(lang)).clicked() {
            commands.send(Command::AttachEvidence {
                item: item.id.as_str().into(),
                path: None,
            });
        }
        if item
            .checks
            .iter()
            .any(|c| c == "image-scan" || c == "cloud-sync")
        {
            scan_evidence(ui, lang, item, contents, commands);
        }
    });
    // Opened on this item: its card is brought to the top of the page once.
    if focused && !view.focus_shown {
        card.response.scroll_to_me(Some(egui::Align::TOP));
        view.focus_shown = true;
    }
}

/// "Not applicable" on an essential item: the reason is asked first and kept as the answer's note.
fn na_reason(
    ui: &mut Ui,
    lang: Lang,
    item: &Item,
    view: &mut ChecklistView,
    commands: &CommandSender,
) {
    let Some((id, reason)) = view.na_reason.as_mut() else {
        return;
    };
    if *id != item.id {
        return;
    }
    let mut close = false;
    egui::Frame::new()
        .fill(theme::WARN_BG)
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            let label = ui.label(T::NaReasonAsk.get(lang));
            ui.add(
                egui::TextEdit::multiline(reason)
                    .desired_rows(2)
                    .desired_width(ui.available_width()),
            )
            .labelled_by(label.id);
            ui.horizontal(|ui| {
                let given = !reason.trim().is_empty();
                if ui
                    .add_enabled(given, egui::Button::new(T::NaReasonConfirm.get(lang)))
                    .clicked()
                {
                    commands.send(Command::Answer {
                        item: item.id.as_str().into(),
                        value: AnswerValue::NotApplicable,
                        by: view.respondent,
                    });
                    commands.send(Command::SetNote {
                        item: item.id.as_str().into(),
                        note: reason.trim().to_owned(),
                    });
                    view.notes.insert(item.id.clone(), reason.trim().to_owned());
                    close = true;
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    close = true;
                }
            });
        });
    if close {
        view.na_reason = None;
    }
}

/// "To review": an answer carried over from the last signed assessment, not answered again since.
fn to_review_badge(ui: &mut Ui, lang: Lang, reason: Option<&checklist::Text>) {
    egui::Frame::new()
        .fill(theme::WARN_BG)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.label(
                RichText::new(T::SaToReview.get(lang))
                    .small()
                    .color(theme::ERROR),
            );
        })
        .response
        // A catalog change says why; otherwise the answer came from the last signed assessment.
        .on_hover_text(reason.map_or_else(|| T::SaToReviewHint.get(lang), |r| r.get(lang)));
}

/// For the items the folder scan informs: the last scan in a line, and attaching its report.
fn scan_evidence(
    ui: &mut Ui,
    lang: Lang,
    item: &Item,
    contents: &VaultContents,
    commands: &CommandSender,
) {
    match &contents.scans.last {
        Some(last) => {
            ui.label(
                RichText::new(tr::scan_evidence_hint(
                    lang,
                    format_datetime(last.started_at, lang),
                    last.counts().high,
                ))
                .small(),
            );
            if ui.button(T::ScanAttachEvidence.get(lang)).clicked() {
                commands.send(Command::AttachScanReport(item.id.as_str().into()));
            }
        }
        None => {
            ui.label(RichText::new(T::ScanEvidenceNone.get(lang)).small().weak());
        }
    }
}

/// The steps for each of the four French Internet boxes.
fn box_guides(ui: &mut Ui, lang: Lang) {
    ui.add_space(4.0);
    ui.label(RichText::new(T::BoxStepsHeading.get(lang)).strong());
    for guide in &checklist::catalog().boxes {
        egui::CollapsingHeader::new(&guide.name)
            .id_salt(("box", &guide.name))
            .show(ui, |ui| {
                ui.label(tr::box_admin_page(lang, &guide.admin_address));
                for (title, text) in [
                    (T::BoxPortForwarding, &guide.port_forwarding),
                    (T::BoxUpnp, &guide.upnp),
                    (T::BoxWifi, &guide.wifi),
                    (T::BoxAdminPassword, &guide.admin),
                ] {
                    ui.label(RichText::new(title.get(lang)).strong());
                    ui.add(egui::Label::new(text.get(lang)).wrap());
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::kittest::Queryable as _;

    /// A click on an underlined term opens the glossary at that term; elsewhere, nothing.
    #[test]
    fn a_click_on_an_underlined_term_opens_the_glossary_at_it() {
        // The window's fonts, installed in the first frame and used from the next.
        let mut fonts_installed = false;
        let mut h = egui_kittest::Harness::new_ui_state(
            move |ui, open: &mut Option<String>| {
                if !fonts_installed {
                    ui.ctx().set_fonts(theme::fonts());
                    fonts_installed = true;
                    return;
                }
                glossary_text(
                    ui,
                    Lang::Fr,
                    "NAS",
                    &egui::FontId::proportional(16.0),
                    true,
                    open,
                );
                ui.add_space(10.0);
                glossary_text(
                    ui,
                    Lang::Fr,
                    "Rien",
                    &egui::FontId::proportional(16.0),
                    true,
                    open,
                );
            },
            None,
        );
        h.run();
        h.get_by_label("Rien").click();
        h.run();
        assert_eq!(h.state(), &None);
        h.get_by_label("NAS").click();
        h.run();
        assert_eq!(h.state().as_deref(), Some("nas"));
    }
}
