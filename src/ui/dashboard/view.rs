//! The dashboard: the practice at a glance, the vault's state, and the vault's history.

use egui::{RichText, Ui};

use crate::checklist::{self, plan, scoring};
use crate::i18n::tr;
use crate::i18n::{Lang, T, format_datetime, names};
use crate::practice::Profile;
use crate::practice_file::JournalEvent;
use crate::ui::command::{Command, CommandSender};
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

fn event_name(e: &JournalEvent) -> T {
    match e {
        JournalEvent::Created => T::EventCreated,
        JournalEvent::ProfileUpdated => T::EventProfileUpdated,
        JournalEvent::PassphraseChanged => T::EventPassphraseChanged,
        JournalEvent::UnlockedWithRecoveryCode => T::EventUnlockedWithRecovery,
        JournalEvent::Scanned => T::EventScanned,
        JournalEvent::AssessmentSigned => T::EventAssessmentSigned,
        JournalEvent::AssessmentCountersigned => T::EventAssessmentCountersigned,
        JournalEvent::ArchiveCreated => T::EventArchiveCreated,
        JournalEvent::ArchiveOriginalsRemoved => T::EventArchiveOriginalsRemoved,
        JournalEvent::SystemChecked => T::EventSystemChecked,
        JournalEvent::RegisterEdited => T::EventRegisterEdited,
        JournalEvent::ProcessorsEdited => T::EventProcessorsEdited,
    }
}

/// The profile fields that are still empty, named for the user.
fn missing_fields(p: &Profile, lang: Lang) -> Vec<&'static str> {
    let mut out = Vec::new();
    if p.practitioner.is_empty() {
        out.push(T::Practitioner.get(lang));
    }
    if p.rpps.is_none() {
        out.push("RPPS");
    }
    if p.address.is_empty() {
        out.push(T::AddressLabel.get(lang));
    }
    out
}

fn staff_text(p: &Profile, lang: Lang) -> String {
    if p.setup.staff.alone() {
        return T::StaffAlone.get(lang).to_owned();
    }
    let mut parts = Vec::new();
    if p.setup.staff.secretary {
        parts.push(T::StaffSecretaryShort.get(lang));
    }
    if p.setup.staff.locums {
        parts.push(T::StaffLocumsShort.get(lang));
    }
    if p.setup.staff.assistants {
        parts.push(T::StaffAssistantsShort.get(lang));
    }
    parts.join(" · ")
}

/// The reminders that are due or come within 30 days (HDS certificates: 90), the most urgent first,
/// and the way to put them all in a calendar (.ics).
fn reminders_card(
    ui: &mut Ui,
    lang: Lang,
    c: &crate::practice_file::VaultContents,
    commands: &CommandSender,
) {
    use crate::present::reminders::{title, urgency};
    use crate::reminders::Urgency;
    let all = crate::reminders::reminders(c, jiff::Timestamp::now());
    widgets::card(ui, T::RemindersTitle.get(lang), |ui| {
        let pressing: Vec<_> = all.iter().filter(|r| r.is_pressing()).collect();
        if pressing.is_empty() {
            ui.label(RichText::new(T::RemindersNone.get(lang)).color(theme::OK));
        }
        for r in pressing {
            ui.horizontal_wrapped(|ui| {
                let color = match r.urgency {
                    Urgency::Overdue => theme::ERROR,
                    Urgency::Soon | Urgency::Later => theme::ACCENT,
                };
                ui.label(
                    RichText::new(urgency(r.urgency, lang))
                        .color(color)
                        .strong(),
                );
                ui.label(title(r, lang));
            });
        }
        ui.add_space(4.0);
        if ui.button(T::RemindersExport.get(lang)).clicked() {
            commands.send(Command::ExportReminders { path: None });
        }
        ui.label(RichText::new(T::RemindersExportHint.get(lang)).weak());
    });
}

/// The security score, a bar per theme, and the next three actions.
/// The last folder scan in a few words, with the way to the Scan page.
fn scan_card(
    ui: &mut Ui,
    lang: Lang,
    c: &crate::practice_file::VaultContents,
    commands: &CommandSender,
) {
    widgets::card(ui, T::NavScan.get(lang), |ui| {
        match &c.scans.last {
            Some(last) => {
                let found = last.counts();
                ui.label(tr::scan_dash_line(
                    lang,
                    crate::i18n::format_datetime(last.started_at, lang),
                    last.summary.files_seen,
                    found.total(),
                ));
                // What remains where it was found: archived and deleted originals are done with.
                let n = last.remaining();
                let (removed, _) = last.remediated();
                if removed > 0 {
                    ui.label(RichText::new(tr::scan_plain_removed(lang, removed)).color(theme::OK));
                }
                let (text, color) = if n.high > 0 {
                    (tr::scan_dash_high(lang, n.high), theme::ERROR)
                } else {
                    (T::ScanDashNoHigh.get(lang).to_owned(), theme::OK)
                };
                ui.label(RichText::new(text).color(color).strong());
            }
            None => {
                ui.label(T::ScanNeverRun.get(lang));
            }
        }
        if ui.button(T::ScanDashOpen.get(lang)).clicked() {
            commands.send(Command::Navigate(crate::ui::scan::PAGE));
        }
    });
}

fn security_card(
    ui: &mut Ui,
    lang: Lang,
    c: &crate::practice_file::VaultContents,
    commands: &CommandSender,
) {
    let catalog = checklist::catalog();
    let scores = scoring::compute(catalog, &c.practice, &c.checklist);
    widgets::card(ui, T::DashScore.get(lang), |ui| {
        match scores.overall {
            Some(s) => {
                ui.label(
                    RichText::new(crate::locale::format_percent(
                        f64::from(scoring::percent(s)),
                        0,
                        lang,
                    ))
                    .size(30.0)
                    .family(theme::bold())
                    .color(score_color(s)),
                );
            }
            None => {
                ui.label(T::DashNoScore.get(lang));
            }
        }
        let progress = tr::progress_answered(lang, scores.answered, scores.applicable);
        ui.label(RichText::new(progress).weak());
        egui::Grid::new("theme_bars")
            .num_columns(3)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                for (t, s) in catalog.themes.iter().zip(&scores.themes) {
                    ui.label(t.title.get(lang));
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(180.0, 12.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 3.0, egui::Color32::from_gray(225));
                    // A score from fewer than half of the questions is drawn grey and says so.
                    let few = s.few_answers();
                    if let Some(v) = s.score {
                        let mut filled = rect;
                        filled.set_width((rect.width() * v as f32).max(2.0));
                        let color = if few {
                            egui::Color32::from_gray(160)
                        } else {
                            score_color(v)
                        };
                        ui.painter().rect_filled(filled, 3.0, color);
                    }
                    match s.score {
                        None => {
                            ui.label("—");
                        }
                        Some(v) if few => {
                            let pct = scoring::percent(v).to_string();
                            ui.label(
                                RichText::new(tr::theme_percent_few(
                                    lang,
                                    pct,
                                    s.answered,
                                    s.applicable,
                                ))
                                .weak(),
                            )
                            .on_hover_text(T::ScoreFewAnswersHint.get(lang));
                        }
                        Some(v) => {
                            ui.label(crate::locale::format_percent(
                                f64::from(scoring::percent(v)),
                                0,
                                lang,
                            ));
                        }
                    }
                    ui.end_row();
                }
            });
        if widgets::primary_button(ui, T::ContinueChecklist.get(lang), true).clicked() {
            commands.send(Command::Navigate(crate::ui::checklist::PAGE));
        }

        let next = plan::open(catalog, &c.checklist);
        if !next.is_empty() {
            ui.add_space(6.0);
            ui.label(RichText::new(T::NextActions.get(lang)).strong());
            for (i, action) in next.iter().take(3).enumerate() {
                let Some(item) = catalog.item(&action.item) else {
                    continue;
                };
                let due = action.due.map_or_else(
                    || T::NoDueDate.get(lang).to_owned(),
                    |d| tr::due_on(lang, crate::i18n::format_date(d, lang)),
                );
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("{}.", i + 1)).strong());
                    ui.label(crate::present::checklist::action_text(
                        item,
                        action.kind,
                        lang,
                    ));
                    ui.label(RichText::new(format!("({due})")).weak());
                });
            }
        }
    });
}

/// Red below 50 %, orange below 80 %, green above.
fn score_color(score: f64) -> egui::Color32 {
    if score >= 0.8 {
        theme::OK
    } else if score >= 0.5 {
        egui::Color32::from_rgb(0xc7, 0x7c, 0x02)
    } else {
        theme::ERROR
    }
}

/// Draws the dashboard.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>) {
    let lang = cx.lang;
    let settings = cx.settings;
    let (Some(session), Some(vault)) = (cx.session, cx.vault()) else {
        return;
    };
    let commands = cx.commands;
    let c = vault.contents();
    let p = &c.practice;
    ui.heading(T::DashboardTitle.get(lang));
    ui.add_space(4.0);

    let missing = missing_fields(p, lang);
    if !missing.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(tr::profile_incomplete(lang, missing.join(", "))).color(theme::ERROR),
            );
            if ui.button(T::CompleteProfile.get(lang)).clicked() {
                commands.send(Command::Navigate(crate::ui::profile::PAGE));
            }
        });
        ui.add_space(4.0);
    }

    // The open breaches and their countdown, first.
    crate::ui::breaches::view::dashboard_card(ui, lang, &c.breaches, commands);
    ui.add_space(8.0);
    reminders_card(ui, lang, c, commands);
    ui.add_space(8.0);
    security_card(ui, lang, c, commands);
    ui.add_space(8.0);
    scan_card(ui, lang, c, commands);
    ui.add_space(8.0);
    // The last run and its date.
    crate::ui::system::view::dashboard_card(ui, lang, &c.system, commands);
    ui.add_space(8.0);

    let not_given = T::NotGiven.get(lang);
    let two_columns = ui.available_width() > 820.0;
    let practice_card = |ui: &mut Ui| {
        widgets::card(ui, T::PracticeCard.get(lang), |ui| {
            ui.label(RichText::new(p.name.as_str()).strong());
            egui::Grid::new("practice_grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let practitioner = if p.practitioner.is_empty() {
                        not_given
                    } else {
                        &p.practitioner
                    };
                    widgets::grid_row(ui, T::Practitioner.get(lang), practitioner);
                    widgets::grid_row(
                        ui,
                        "RPPS",
                        p.rpps.as_ref().map_or(not_given, |r| r.as_str()),
                    );
                    widgets::grid_row(
                        ui,
                        T::Specialty.get(lang),
                        names::specialty(p.specialty).get(lang),
                    );
                    widgets::grid_row(ui, T::Staff.get(lang), &staff_text(p, lang));
                    widgets::grid_row(
                        ui,
                        T::Imaging.get(lang),
                        &names::imaging(p.setup.imaging(), lang),
                    );
                });
        });
    };
    let vault_card = |ui: &mut Ui| {
        widgets::card(ui, T::VaultCard.get(lang), |ui| {
            egui::Grid::new("vault_grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    widgets::grid_row(
                        ui,
                        T::VaultFile.get(lang),
                        &vault.path().display().to_string(),
                    );
                    widgets::grid_row(
                        ui,
                        T::VaultFormat.get(lang),
                        &tr::vault_format_value(lang, vault.format_version().to_string()),
                    );
                    widgets::grid_row(
                        ui,
                        T::VaultCreated.get(lang),
                        &format_datetime(c.created_at, lang),
                    );
                    let last = session.save.last_saved.map_or_else(
                        || T::NotSavedThisSession.get(lang).to_owned(),
                        |t| format_datetime(t, lang),
                    );
                    widgets::grid_row(ui, T::LastSaved.get(lang), &last);
                    let backups = session.backups;
                    widgets::grid_row(ui, T::Backups.get(lang), &tr::backups_count(lang, backups));
                    let minutes = settings.auto_lock_minutes;
                    widgets::grid_row(
                        ui,
                        T::AutoLock.get(lang),
                        &tr::auto_lock_after(lang, minutes),
                    );
                });
        });
    };
    if two_columns {
        ui.columns(2, |cols| {
            practice_card(&mut cols[0]);
            vault_card(&mut cols[1]);
        });
    } else {
        practice_card(ui);
        ui.add_space(8.0);
        vault_card(ui);
    }

    ui.add_space(12.0);
    ui.label(
        RichText::new(T::JournalTitle.get(lang))
            .family(theme::bold())
            .size(17.0),
    );
    egui::Grid::new("journal_grid")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for entry in c.journal.iter().rev().take(12) {
                ui.label(RichText::new(format_datetime(entry.at, lang)).weak());
                ui.label(event_name(&entry.event).get(lang));
                ui.end_row();
            }
        });
}

/// The dashboard keeps nothing of its own: it draws from the vault.
#[derive(Debug, Default)]
pub struct DashboardView;

/// Opens the page.
pub fn open(_init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    crate::ui::page::Page::new(super::PAGE, DashboardView)
}

impl crate::ui::page::PageView for DashboardView {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx);
    }
}
