//! Checking a signed file, with or without a practice vault (the consultant's own Vigie): the practice,
//! the date, each signer with role, fingerprint and validity; for a `.vigie-assessment` bundle, a
//! read-only view of the answers, scores and plan, and countersigning it with the consultant's key file.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::view::{self as signed, KeyForms};
use crate::assessment::bundle::{FileSet, SignatureSet};
use crate::assessment::document::{self, AssessmentDocument};
use crate::assessment::verify::{SignerStatus, Subject, Verification};
use crate::i18n::{Lang, Localize as _, T, format_date, format_datetime, names, tr};
use crate::report::head_countersign::HeadToCountersign;
use crate::report::signed::role_name;
use crate::ui::command::{Command, SigningCommand};
use crate::ui::jobs::JobKind;
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

/// A file checked.
#[derive(Debug)]
pub struct Loaded {
    /// The file.
    pub path: PathBuf,
    /// What was found.
    pub verification: Verification,
    /// The bundle's files, when the file is a bundle.
    pub files: Option<FileSet>,
}

/// The verify screen's state.
#[derive(Debug, Default)]
pub struct VerifyView {
    /// The file checked, once checked.
    pub loaded: Option<Loaded>,
    /// The bundle with the consultant's signature added, until it is saved.
    pub countersigned: Option<SignatureSet>,
    /// The consultant's key.
    pub keys: KeyForms,
    /// A breach register export read to countersign its head: its folder and what was checked.
    pub head: Option<(PathBuf, Box<HeadToCountersign>)>,
    /// The practice's name typed for the head (the consultant's pins are by practice).
    pub head_practice: String,
    /// The consultant confirmed what the head says before countersigning it.
    pub head_confirmed: bool,
    /// The head's countersignature written, once written.
    pub head_written: Option<PathBuf>,
}

impl VerifyView {
    /// Shows a verification's result.
    pub fn set_result(
        &mut self,
        path: PathBuf,
        verification: Verification,
        files: Option<FileSet>,
    ) {
        self.loaded = Some(Loaded {
            path,
            verification,
            files,
        });
        self.countersigned = None;
    }
}

fn bilingual(b: &document::Bilingual, lang: Lang) -> &str {
    match lang {
        Lang::Fr => &b.fr,
        Lang::En => &b.en,
    }
}

/// Draws the verify screen.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut VerifyView) {
    let lang = cx.lang;
    let jobs = cx.jobs;
    let with_vault = cx.session.is_some();
    let commands = cx.commands;
    if ui.button(format!("← {}", T::Back.get(lang))).clicked() {
        commands.send(if with_vault {
            Command::Navigate(crate::ui::signed::PAGE)
        } else {
            Command::ShowWelcome
        });
    }
    ui.heading(T::SaVerifyTitle.get(lang));
    ui.add(egui::Label::new(T::SaVerifyIntro.get(lang)).wrap());
    ui.add_space(8.0);
    let busy = jobs.is_running(JobKind::SignedFiles);
    if widgets::primary_button(ui, T::SaChooseFile.get(lang), !busy).clicked() {
        commands.send(Command::Signing(SigningCommand::Verify(None)));
    }
    if busy {
        widgets::busy(ui, T::SaVerifying.get(lang));
    }
    signed::path_entry(ui, lang, &mut view.keys, commands);
    ui.add_space(8.0);
    head_card(ui, cx, view);
    let Some(loaded) = &view.loaded else {
        return;
    };
    ui.add_space(8.0);
    result(ui, lang, loaded);

    let v = &loaded.verification;
    if loaded.files.is_some() && v.document().is_some() {
        ui.add_space(8.0);
        widgets::card(ui, T::SaCountersignBundle.get(lang), |ui| {
            if !v.is_valid() {
                ui.add(egui::Label::new(T::SaCannotCountersign.get(lang)).wrap());
            } else if let Some(set) = &view.countersigned {
                ui.label(RichText::new(T::SaCountersignedPending.get(lang)).color(theme::OK));
                if let Some(s) = set.signatures.last() {
                    signed::signer_block(ui, lang, &s.identity, s.signed_at);
                }
                if widgets::primary_button(ui, T::SaSaveCountersigned.get(lang), !busy).clicked() {
                    commands.send(Command::Signing(SigningCommand::SaveBundle(None)));
                }
            } else {
                signed::key_section(
                    ui,
                    lang,
                    jobs,
                    &mut view.keys,
                    commands,
                    |key, passphrase, reason| {
                        Command::Signing(SigningCommand::CountersignBundle {
                            key,
                            passphrase,
                            reason,
                        })
                    },
                );
                ui.add_space(6.0);
                signed::new_key_section(ui, lang, jobs, &mut view.keys, commands);
            }
        });
    }
    if let Some(doc) = v.document() {
        ui.add_space(8.0);
        if !v.is_valid() {
            // What a changed file claims is not what was signed: it is not shown as if it were.
            ui.add(egui::Label::new(RichText::new(T::SaContentsHidden.get(lang)).weak()).wrap());
            return;
        }
        egui::CollapsingHeader::new(RichText::new(T::SaReadOnly.get(lang)).family(theme::bold()))
            .id_salt("verify-read-only")
            .default_open(true)
            .show(ui, |ui| read_only(ui, lang, doc));
    }
}

/// A breach register's head countersigned alone (a visit between two assessments): the export's
/// folder read and checked in a job, what the head says shown, the consultant's confirmation, then
/// their key (with the pinned doctor's key checked) and the countersignature written in a job.
fn head_card(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut VerifyView) {
    let lang = cx.lang;
    let commands = cx.commands;
    let busy = cx.jobs.is_running(JobKind::SignedFiles);
    widgets::card(ui, T::SaHeadTitle.get(lang), |ui| {
        ui.add(egui::Label::new(T::SaHeadIntro.get(lang)).wrap());
        if ui
            .add_enabled(!busy, egui::Button::new(T::SaHeadChoose.get(lang)))
            .clicked()
        {
            commands.send(Command::Signing(SigningCommand::ReadHead(None)));
        }
        if busy {
            widgets::busy(ui, T::SaHeadReading.get(lang));
        }
        let Some((folder, head)) = &view.head else {
            return;
        };
        ui.add_space(6.0);
        ui.label(RichText::new(folder.display().to_string()).small().weak());
        let e = &head.export;
        let date = e
            .head_at
            .map_or_else(|| "—".to_owned(), |at| format_datetime(at, lang));
        ui.label(
            RichText::new(tr::sa_head_summary(lang, e.head.count, date)).family(theme::bold()),
        );
        ui.label(RichText::new(T::SaHeadHash.get(lang)).weak());
        ui.add(
            egui::Label::new(RichText::new(document::grouped(&e.head.hash_hex())).monospace())
                .extend(),
        );
        match &head.doctor_fingerprint {
            Some(fp) => {
                ui.label(
                    RichText::new(format!("✓ {}", T::SaHeadSigned.get(lang))).color(theme::OK),
                );
                signed::fingerprint(ui, lang, fp);
            }
            None => {
                ui.add(
                    egui::Label::new(
                        RichText::new(T::SaHeadUnsigned.get(lang)).color(theme::ERROR),
                    )
                    .wrap(),
                );
            }
        }
        if !head.countersignatures.is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new(T::SaHeadFound.get(lang)).strong());
        }
        for found in &head.countersignatures {
            let Some((st, against)) = &found.checked else {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "✗ {}",
                            tr::err_head_statement(lang, found.path.display())
                        ))
                        .color(theme::ERROR),
                    )
                    .wrap(),
                );
                continue;
            };
            ui.add(
                egui::Label::new(format!(
                    "✓ {}",
                    tr::cli_head_statement(
                        lang,
                        &st.signer.name,
                        crate::present::signed::role(st.signer.role).get(lang),
                        &st.signer.affiliation,
                        format_datetime(st.signed_at, lang),
                        st.signer.fingerprint()
                    )
                ))
                .wrap(),
            );
            let name = st.signer.name.clone();
            let (text, holds) = crate::present::breach::against_signed_text(
                against,
                |d| tr::register_witness_countersigned(lang, &name, d),
                lang,
            );
            ui.add(
                egui::Label::new(RichText::new(text).color(if holds {
                    theme::OK
                } else {
                    theme::ERROR
                }))
                .wrap(),
            );
        }
        if let Some(written) = &view.head_written {
            ui.add(
                egui::Label::new(
                    RichText::new(tr::sa_head_countersigned(lang, written.display()))
                        .color(theme::OK),
                )
                .wrap(),
            );
            return;
        }
        if head.doctor_fingerprint.is_some() {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(T::SaHeadPractice.get(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut view.head_practice)
                        .desired_width(ui.available_width().min(360.0)),
                )
                .labelled_by(label.id);
            });
        }
        ui.checkbox(&mut view.head_confirmed, T::SaHeadConfirm.get(lang));
        let practice_ok =
            head.doctor_fingerprint.is_none() || !view.head_practice.trim().is_empty();
        if view.head_confirmed && practice_ok {
            signed::key_section(
                ui,
                lang,
                cx.jobs,
                &mut view.keys,
                commands,
                |key, passphrase, reason| {
                    Command::Signing(SigningCommand::CountersignHead {
                        key,
                        passphrase,
                        reason,
                    })
                },
            );
            ui.add_space(6.0);
            signed::new_key_section(ui, lang, cx.jobs, &mut view.keys, commands);
        } else if view.head_confirmed {
            ui.label(RichText::new(T::SaHeadNeedPractice.get(lang)).weak());
        }
    });
}

/// The verification: what the file is, each signer, and the verdict.
fn result(ui: &mut Ui, lang: Lang, loaded: &Loaded) {
    let v = &loaded.verification;
    let valid = v.is_valid();
    let (fill, color) = if valid {
        (egui::Color32::from_rgb(0xe3, 0xf4, 0xe8), theme::OK)
    } else {
        (egui::Color32::from_rgb(0xfb, 0xe6, 0xe6), theme::ERROR)
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(12.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let verdict = if valid {
                format!("✓ {}", T::SaAllValid.get(lang))
            } else {
                format!("✗ {}", T::SaNotValid.get(lang))
            };
            ui.add(
                egui::Label::new(RichText::new(verdict).color(color).strong().size(16.0)).wrap(),
            );
            let name = loaded
                .path
                .file_name()
                .map_or_else(|| v.target.clone(), |n| n.to_string_lossy().into_owned());
            ui.label(tr::sa_verify_file(lang, name));
            match &v.subject {
                Subject::Assessment(d) => {
                    ui.label(tr::cli_check_practice(lang, d.practice.name.as_str()));
                    ui.label(tr::sa_completed(
                        lang,
                        format_datetime(d.completed_at, lang),
                    ));
                }
                Subject::Unreadable(e) => {
                    ui.label(RichText::new(e.localize(lang)).color(theme::ERROR));
                }
                Subject::Report => {}
            }
            // The PDF's own code and date, never under the document's code's name.
            let is_pdf = matches!(v.subject, Subject::Report);
            let label = if is_pdf {
                T::PdfCodeLabel
            } else {
                T::ReportVerificationCode
            };
            ui.label(RichText::new(label.get(lang)).weak());
            ui.add(
                egui::Label::new(RichText::new(document::grouped(&v.sha256)).monospace()).extend(),
            );
            if let Some(at) = v.pdf_date.filter(|_| is_pdf) {
                ui.label(tr::verify_pdf_date(lang, format_datetime(at, lang)));
            }
            ui.add_space(6.0);
            ui.label(RichText::new(T::SaSigners.get(lang)).strong());
            for s in &v.signers {
                let ok = s.status == SignerStatus::Valid;
                let mark = if ok { "✓" } else { "✗" };
                // Only what a signature covers is shown beside the mark.
                let mut who = if s.name.is_empty() || !s.identity_signed {
                    s.principal.clone()
                } else {
                    s.name.clone()
                };
                if let Some(role) = s.role.filter(|_| s.identity_signed) {
                    who = format!("{who} — {}", role_name(role).get(lang));
                }
                if !s.affiliation.is_empty() && s.identity_signed {
                    who = format!("{who} — {}", s.affiliation);
                }
                ui.label(RichText::new(format!("{mark} {who}")).family(theme::bold()));
                if !s.identity_signed {
                    ui.add(
                        egui::Label::new(
                            RichText::new(T::VerifyIdentityUnsigned.get(lang)).italics(),
                        )
                        .wrap(),
                    );
                }
                if let Some(d) = crate::present::signed::declared_line(s, lang) {
                    ui.add(egui::Label::new(RichText::new(d).weak()).wrap());
                }
                if let Some(at) = s.signed_at {
                    ui.label(tr::signed_on(lang, format_datetime(at, lang)));
                }
                if !s.fingerprint.is_empty() {
                    signed::fingerprint(ui, lang, &s.fingerprint);
                }
                // A doctor's key change the countersigner accepted, and why, as they signed it.
                if let Some(k) = &s.key_change {
                    ui.add(
                        egui::Label::new(
                            RichText::new(tr::key_change_signed(
                                lang,
                                &k.previous_fingerprint,
                                &k.reason,
                            ))
                            .color(theme::ERROR),
                        )
                        .wrap(),
                    );
                }
                let status = crate::present::signed::status(&s.status, lang);
                ui.label(
                    RichText::new(status)
                        .color(if ok { theme::OK } else { theme::ERROR })
                        .strong(),
                );
                ui.add_space(4.0);
            }
            for p in &v.problems {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("✗ {}", crate::present::signed::problem(p, lang)))
                            .color(theme::ERROR),
                    )
                    .wrap(),
                );
            }
        });
}

/// The document's scores, answers and plan, read-only.
fn read_only(ui: &mut Ui, lang: Lang, doc: &AssessmentDocument) {
    let percent = |p: Option<u32>| p.map_or_else(|| "—".to_owned(), |p| format!("{p} %"));
    egui::Grid::new("verify-scores")
        .num_columns(3)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(T::ColTheme.get(lang)).strong());
            ui.label(RichText::new(T::ColAnswered.get(lang)).strong());
            ui.label(RichText::new(T::ColScore.get(lang)).strong());
            ui.end_row();
            for t in &doc.scores.themes {
                ui.label(bilingual(&t.title, lang));
                ui.label(format!("{}/{}", t.answered, t.applicable));
                ui.label(percent(t.percent));
                ui.end_row();
            }
            ui.label(RichText::new(T::ReportOverall.get(lang)).strong());
            ui.label(format!("{}/{}", doc.scores.answered, doc.scores.applicable));
            ui.label(RichText::new(percent(doc.scores.overall_percent)).strong());
            ui.end_row();
        });
    ui.add_space(8.0);
    ui.label(RichText::new(T::SectionAnswers.get(lang)).family(theme::bold()));
    for theme_score in &doc.scores.themes {
        egui::CollapsingHeader::new(bilingual(&theme_score.title, lang))
            .id_salt(("verify-theme", &theme_score.id))
            .show(ui, |ui| {
                for item in doc.items.iter().filter(|i| i.theme == theme_score.id) {
                    let answer = if item.applies {
                        item.answer.as_ref().map_or_else(
                            || T::ReportNotAnswered.get(lang).to_owned(),
                            |a| names::answer(a.value).get(lang).to_owned(),
                        )
                    } else {
                        T::ReportNotApplicable.get(lang).to_owned()
                    };
                    ui.add(
                        egui::Label::new(format!(
                            "• {} — {answer}",
                            bilingual(&item.question, lang)
                        ))
                        .wrap(),
                    );
                    if let Some(a) = item.answer.as_ref().filter(|a| !a.note.is_empty()) {
                        ui.add(egui::Label::new(RichText::new(&a.note).small().weak()).wrap());
                    }
                }
            });
    }
    ui.add_space(8.0);
    ui.label(RichText::new(T::SectionActionPlan.get(lang)).family(theme::bold()));
    if doc.actions.is_empty() {
        ui.label(RichText::new(T::ReportNoActions.get(lang)).weak());
    }
    for a in &doc.actions {
        let question = doc
            .items
            .iter()
            .find(|i| i.id == a.item)
            .map_or(a.item.as_str(), |i| bilingual(&i.question, lang));
        let mut line = format!(
            "• {question} — {} — {}",
            names::action_kind(a.kind).get(lang),
            names::status(a.status).get(lang)
        );
        if !a.owner.is_empty() {
            line = format!("{line} — {}", a.owner);
        }
        if let Some(due) = a.due {
            line = format!("{line} — {}", tr::due_on(lang, format_date(due, lang)));
        }
        ui.add(egui::Label::new(line).wrap());
    }
}

/// Opens the page.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    let _ = init;
    crate::ui::page::Page::new(super::VERIFY_PAGE, VerifyView::default())
}

impl crate::ui::page::PageView for VerifyView {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }
}
