//! The signed self-assessment: the current draft and "Complete and sign", the history of signed
//! assessments with their signers and verification codes, exporting them, countersigning with a
//! consultant's key file, importing a countersignature, and comparing two assessments.

use std::path::PathBuf;

use egui::{RichText, Ui};
use zeroize::Zeroizing;

use crate::assessment::compare::{self, Comparison};
use crate::assessment::document::{self, AssessmentDocument};
use crate::assessment::{AssessmentHistory, Identity};
use crate::checklist::{self, scoring};
use crate::i18n::{Lang, T, format_datetime, names, tr};
use crate::report::signed::role_name;
use crate::ui::command::{Command, CommandSender, SigningCommand};
use crate::ui::jobs::JobKind;
use crate::ui::theme;
use crate::ui::view::ViewContext;
use crate::ui::widgets::{self, PassphraseCheck};
use crate::vault::RecoveryCode;

/// Which file dialog could not be shown, so that its path can be typed instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogFor {
    /// The folder to export an assessment's files into.
    Export(String),
    /// The consultant's key file to open.
    KeyFile,
    /// Where to create a consultant key file.
    NewKeyFile,
    /// The bundle to import.
    Import,
    /// The file to verify.
    Verify,
    /// Where to save the countersigned bundle.
    SaveBundle,
}

/// A consultant key file being created.
#[derive(Default)]
pub struct NewKeyForm {
    /// The consultant's name.
    pub name: String,
    /// Their organisation.
    pub organisation: String,
    /// The passphrase.
    pub passphrase: Zeroizing<String>,
    /// Its confirmation.
    pub confirmation: Zeroizing<String>,
    /// The passphrase's check, computed when it changes.
    pub check: PassphraseCheck,
}

/// The consultant's key, as chosen on the page or the verify screen: the key file, its passphrase, a
/// key file being created, the recovery code of the one just created, a path typed for want of a dialog.
#[derive(Default)]
pub struct KeyForms {
    /// The assessment whose countersignature form is open (the page).
    pub countersign: Option<String>,
    /// The key file chosen.
    pub key_path: Option<PathBuf>,
    /// Its passphrase.
    pub passphrase: Zeroizing<String>,
    /// The creation form, when open.
    pub new_key: Option<NewKeyForm>,
    /// The recovery code of the key file just created, shown once.
    pub recovery: Option<RecoveryCode>,
    /// A dialog that could not be shown, and the path typed instead.
    pub path_entry: Option<(DialogFor, String)>,
    /// The practice's doctor key is not the one pinned in the key file: what was said.
    pub key_change: Option<String>,
    /// The consultant's reason to accept the new key.
    pub key_change_reason: String,
}

impl std::fmt::Debug for KeyForms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyForms")
            .field("countersign", &self.countersign)
            .field("key_path", &self.key_path)
            .finish_non_exhaustive()
    }
}

/// What the page shows of one signed assessment, computed when the history changes.
struct Entry {
    id: String,
    completed_at: jiff::Timestamp,
    code: String,
    signers: Vec<(Identity, jiff::Timestamp)>,
    doc: Option<AssessmentDocument>,
}

/// The page's state.
#[derive(Default)]
pub struct SignedView {
    /// The confirmation of "Complete and sign" is shown.
    pub confirm: bool,
    /// The consultant's key.
    pub keys: KeyForms,
    /// The two assessments compared (indices, oldest first), when chosen.
    pub compare: Option<(usize, usize)>,
    /// The history as shown, and what it was computed for (assessments and signatures counted).
    entries: Option<((usize, usize), Vec<Entry>)>,
    /// The comparison shown, and for which pair.
    comparison: Option<((usize, usize), Comparison)>,
}

impl std::fmt::Debug for SignedView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedView")
            .field("confirm", &self.confirm)
            .field("keys", &self.keys)
            .field("compare", &self.compare)
            .finish_non_exhaustive()
    }
}

impl SignedView {
    /// Brings the shown history up to date with the vault's (parsing each document once).
    fn refresh(&mut self, history: &AssessmentHistory) {
        let key = (
            history.signed.len(),
            history.signed.iter().map(|s| s.signatures.len()).sum(),
        );
        if self.entries.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let entries = history
            .signed
            .iter()
            .map(|s| Entry {
                id: s.id.clone(),
                completed_at: s.completed_at,
                code: s.code(),
                signers: s
                    .signatures
                    .iter()
                    .map(|g| (g.identity.clone(), g.signed_at))
                    .collect(),
                doc: s.parsed().ok(),
            })
            .collect::<Vec<_>>();
        let n = entries.len();
        if n >= 2 && self.compare.is_none_or(|(a, b)| a >= n || b >= n) {
            self.compare = Some((n - 2, n - 1));
        }
        self.entries = Some((key, entries));
        self.comparison = None;
    }

    /// Brings the comparison up to date with the pair chosen.
    fn refresh_comparison(&mut self) {
        let (Some(pair), Some((_, entries))) = (self.compare, &self.entries) else {
            self.comparison = None;
            return;
        };
        if self.comparison.as_ref().is_some_and(|(p, _)| *p == pair) {
            return;
        }
        self.comparison = match (&entries[pair.0].doc, &entries[pair.1].doc) {
            (Some(then), Some(now)) => Some((pair, compare::compare(then, now))),
            _ => None,
        };
    }
}

fn bilingual(b: &document::Bilingual, lang: Lang) -> &str {
    match lang {
        Lang::Fr => &b.fr,
        Lang::En => &b.en,
    }
}

fn percent(p: Option<u32>) -> String {
    p.map_or_else(|| "—".to_owned(), |p| format!("{p} %"))
}

/// Draws the page.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut SignedView) {
    let lang = cx.lang;
    let Some(vault) = cx.vault() else {
        return;
    };
    let contents = vault.contents();
    let jobs = cx.jobs;
    let commands = cx.commands;
    view.refresh(&contents.assessments);

    ui.heading(T::SaTitle.get(lang));
    ui.add(egui::Label::new(T::SaIntro.get(lang)).wrap());
    ui.add_space(8.0);

    // The current draft.
    let catalog = checklist::catalog();
    let scores = scoring::compute(catalog, &contents.practice, &contents.checklist);
    let to_review = contents
        .checklist
        .answers
        .values()
        .filter(|a| a.to_review)
        .count();
    widgets::card(ui, T::SaDraftHeading.get(lang), |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.add(egui::ProgressBar::new(scores.progress() as f32).desired_width(160.0));
            ui.label(tr::sa_draft_progress(
                lang,
                scores.answered,
                scores.applicable,
            ));
        });
        ui.label(
            RichText::new(crate::ui::checklist::view::score_text(scores.overall, lang)).strong(),
        );
        if to_review > 0 {
            ui.label(RichText::new(tr::sa_to_review(lang, to_review)).color(theme::ERROR));
        }
        ui.add_space(4.0);
        if contents.practice.practitioner.trim().is_empty() {
            ui.label(T::ErrSignNoPractitioner.get(lang));
            if ui.button(T::CompleteProfile.get(lang)).clicked() {
                commands.send(Command::Navigate(crate::ui::profile::PAGE));
            }
        } else if scores.answered == 0 {
            ui.label(RichText::new(T::SaNothingToSign.get(lang)).weak());
        } else if !view.confirm {
            if widgets::primary_button(ui, T::SaSignButton.get(lang), true).clicked() {
                view.confirm = true;
            }
        } else {
            egui::Frame::new()
                .fill(theme::WARN_BG)
                .inner_margin(10.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(T::SaConfirmHeading.get(lang)).strong());
                    ui.add(egui::Label::new(T::SaConfirmText.get(lang)).wrap());
                    // Signing knowingly: what the signature covers without an answer, or without a
                    // review (the signed PDF lists them).
                    let open =
                        scoring::open_points(catalog, &contents.practice, &contents.checklist);
                    if !open.unanswered.is_empty() {
                        ui.add(
                            egui::Label::new(
                                RichText::new(tr::sa_unanswered_warning(
                                    lang,
                                    open.unanswered.len(),
                                    scores.applicable,
                                ))
                                .color(theme::ERROR)
                                .strong(),
                            )
                            .wrap(),
                        );
                    }
                    if !open.carried_over.is_empty() {
                        ui.add(
                            egui::Label::new(
                                RichText::new(tr::sa_carried_over_warning(
                                    lang,
                                    open.carried_over.len(),
                                ))
                                .color(theme::ERROR),
                            )
                            .wrap(),
                        );
                    }
                    if to_review > 0 && to_review == scores.answered {
                        ui.add(
                            egui::Label::new(
                                RichText::new(T::SaNothingReviewed.get(lang)).color(theme::ERROR),
                            )
                            .wrap(),
                        );
                    }
                    ui.horizontal(|ui| {
                        if widgets::primary_button(ui, T::SaConfirmSign.get(lang), true).clicked() {
                            commands.send(Command::Signing(SigningCommand::Sign));
                        }
                        if ui.button(T::Cancel.get(lang)).clicked() {
                            view.confirm = false;
                        }
                    });
                });
        }
    });
    ui.add_space(8.0);
    let busy_files = jobs.is_running(JobKind::SignedFiles);
    ui.horizontal_wrapped(|ui| {
        if ui.button(T::SaVerifyOpen.get(lang)).clicked() {
            commands.send(Command::Signing(SigningCommand::OpenVerify));
        }
        if ui
            .add_enabled(
                !busy_files && !contents.assessments.signed.is_empty(),
                egui::Button::new(T::SaImport.get(lang)),
            )
            .clicked()
        {
            commands.send(Command::Signing(SigningCommand::Import(None)));
        }
    });
    path_entry(ui, lang, &mut view.keys, commands);

    // The history, newest first.
    ui.add_space(12.0);
    ui.heading(T::SaHistoryHeading.get(lang));
    let Some((_, entries)) = &view.entries else {
        return;
    };
    if entries.is_empty() {
        ui.label(RichText::new(T::SaHistoryEmpty.get(lang)).weak());
    }
    let mut compare_with_previous = None;
    for (index, entry) in entries.iter().enumerate().rev() {
        let score = percent(entry.doc.as_ref().and_then(|d| d.scores.overall_percent));
        let title = tr::sa_entry_title(lang, format_datetime(entry.completed_at, lang), score);
        widgets::card(ui, &title, |ui| {
            ui.label(RichText::new(T::SaSigners.get(lang)).strong());
            for (identity, at) in &entry.signers {
                signer_block(ui, lang, identity, *at);
            }
            ui.label(RichText::new(T::ReportVerificationCode.get(lang)).weak());
            // One line: a code is read and compared group by group.
            ui.add(
                egui::Label::new(RichText::new(document::grouped(&entry.code)).monospace())
                    .extend(),
            );
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(!busy_files, egui::Button::new(T::SaExport.get(lang)))
                    .clicked()
                {
                    commands.send(Command::Signing(SigningCommand::Export {
                        id: entry.id.clone(),
                        dir: None,
                    }));
                }
                let open = view.keys.countersign.as_deref() == Some(entry.id.as_str());
                if ui
                    .add(egui::Button::new(T::SaCountersignHere.get(lang)).selected(open))
                    .clicked()
                {
                    view.keys.countersign = (!open).then(|| entry.id.clone());
                }
                if index > 0 && ui.button(T::SaCompareWithPrevious.get(lang)).clicked() {
                    compare_with_previous = Some((index - 1, index));
                }
            });
            if view.keys.countersign.as_deref() == Some(entry.id.as_str()) {
                ui.add_space(4.0);
                let id = entry.id.clone();
                key_section(
                    ui,
                    lang,
                    jobs,
                    &mut view.keys,
                    commands,
                    move |key, passphrase, reason| {
                        Command::Signing(SigningCommand::CountersignWithKey {
                            id,
                            key,
                            passphrase,
                            reason,
                        })
                    },
                );
            }
        });
        ui.add_space(6.0);
    }
    if compare_with_previous.is_some() {
        view.compare = compare_with_previous;
    }

    // A consultant key file, for countersigning here.
    ui.add_space(6.0);
    new_key_section(ui, lang, jobs, &mut view.keys, commands);

    // Comparing two.
    ui.add_space(12.0);
    ui.heading(T::SaCompareHeading.get(lang));
    comparison_section(ui, lang, view);
}

/// One signer: name, role and affiliation, when they signed, the key's fingerprint.
pub fn signer_block(ui: &mut Ui, lang: Lang, identity: &Identity, at: jiff::Timestamp) {
    let mut who = format!("{} — {}", identity.name, role_name(identity.role).get(lang));
    if !identity.affiliation.is_empty() {
        who = format!("{who} — {}", identity.affiliation);
    }
    ui.label(RichText::new(who).family(theme::bold()));
    ui.label(tr::signed_on(lang, format_datetime(at, lang)));
    fingerprint(ui, lang, &identity.fingerprint());
}

/// The key's fingerprint, labelled, in monospace.
pub fn fingerprint(ui: &mut Ui, lang: Lang, fingerprint: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(T::SaKeyFingerprint.get(lang)).weak());
        // Never wrapped: a fingerprint is read and compared as one word.
        ui.add(egui::Label::new(RichText::new(fingerprint).monospace()).extend());
    });
}

/// The recovery code of a key file just created, shown once.
fn key_recovery(ui: &mut Ui, lang: Lang, code: &RecoveryCode, commands: &CommandSender) {
    egui::Frame::group(ui.style())
        .fill(theme::CARD_BG)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(T::SaKeyRecoveryIntro.get(lang)).wrap());
            ui.label(
                RichText::new(code.groups().join("  "))
                    .monospace()
                    .size(20.0)
                    .color(theme::ACCENT),
            );
            if ui.button(T::SaKeyRecoveryDone.get(lang)).clicked() {
                commands.send(Command::Signing(SigningCommand::KeyRecoveryDone));
            }
        });
}

/// The consultant's key file and its passphrase, and the button that countersigns with them.
pub fn key_section(
    ui: &mut Ui,
    lang: Lang,
    jobs: &crate::ui::jobs::Jobs<crate::ui::command::JobOutput>,
    keys: &mut KeyForms,
    commands: &CommandSender,
    countersign: impl FnOnce(PathBuf, Zeroizing<String>, Option<String>) -> Command,
) {
    let busy = jobs.is_running(JobKind::KeyFile);
    ui.label(RichText::new(T::SaKeyFileLabel.get(lang)).weak());
    ui.horizontal_wrapped(|ui| {
        let shown = keys.key_path.as_ref().map_or_else(
            || T::SaNoKeyFile.get(lang).to_owned(),
            |p| p.display().to_string(),
        );
        ui.label(shown);
        if ui.button(T::SaChooseKeyFile.get(lang)).clicked() {
            commands.send(Command::Signing(SigningCommand::PickKeyFile(None)));
        }
    });
    path_entry_if(ui, lang, keys, commands, |p| *p == DialogFor::KeyFile);
    widgets::passphrase_field(
        ui,
        T::SaKeyPassphrase.get(lang),
        &mut keys.passphrase,
        false,
    );
    let ready = keys.key_path.is_some() && !keys.passphrase.is_empty() && !busy;
    if let Some(message) = &keys.key_change {
        // The doctor's key is not the one pinned: countersigning needs the consultant's reason.
        ui.add(egui::Label::new(RichText::new(message).color(theme::ERROR)).wrap());
        let label = ui.label(RichText::new(T::SaKeyChangeReason.get(lang)).weak());
        ui.add(
            egui::TextEdit::singleline(&mut keys.key_change_reason)
                .hint_text(T::SaKeyChangeReasonHint.get(lang))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let reason = keys.key_change_reason.trim().to_owned();
        if widgets::primary_button(
            ui,
            T::SaKeyChangeConfirm.get(lang),
            ready && !reason.is_empty(),
        )
        .clicked()
            && let Some(key) = keys.key_path.clone()
        {
            commands.send(countersign(key, keys.passphrase.clone(), Some(reason)));
        }
    } else if widgets::primary_button(ui, T::SaCountersignButton.get(lang), ready).clicked()
        && let Some(key) = keys.key_path.clone()
    {
        commands.send(countersign(key, keys.passphrase.clone(), None));
    }
    if busy {
        widgets::busy(ui, T::SaOpeningKey.get(lang));
    }
}

/// Creating a consultant key file: name, organisation, passphrase twice.
pub fn new_key_section(
    ui: &mut Ui,
    lang: Lang,
    jobs: &crate::ui::jobs::Jobs<crate::ui::command::JobOutput>,
    keys: &mut KeyForms,
    commands: &CommandSender,
) {
    let busy = jobs.is_running(JobKind::KeyFile);
    if let Some(code) = &keys.recovery {
        key_recovery(ui, lang, code, commands);
    }
    let Some(form) = keys.new_key.as_mut() else {
        if ui.button(T::SaCreateKeyHeading.get(lang)).clicked() {
            keys.new_key = Some(NewKeyForm::default());
        }
        return;
    };
    let mut cancel = false;
    widgets::card(ui, T::SaCreateKeyHeading.get(lang), |ui| {
        ui.add(egui::Label::new(T::SaCreateKeyIntro.get(lang)).wrap());
        widgets::labelled_field(ui, T::SaKeyName.get(lang), &mut form.name, None);
        widgets::labelled_field(
            ui,
            T::SaKeyOrganisation.get(lang),
            &mut form.organisation,
            None,
        );
        let context = [form.name.as_str(), form.organisation.as_str()];
        let checked = widgets::new_passphrase_fields(
            ui,
            lang,
            [T::PassphraseLabel, T::ConfirmPassphraseLabel],
            [&mut form.passphrase, &mut form.confirmation],
            false,
            &context,
            &mut form.check,
        );
        ui.horizontal(|ui| {
            let ready = !form.name.trim().is_empty() && checked.is_ok() && !busy;
            if widgets::primary_button(ui, T::SaCreateKeyButton.get(lang), ready).clicked()
                && let Ok(passphrase) = checked
            {
                commands.send(Command::Signing(SigningCommand::CreateKeyFile {
                    name: form.name.trim().to_owned(),
                    organisation: form.organisation.trim().to_owned(),
                    passphrase,
                    path: None,
                }));
            }
            cancel = ui.button(T::Cancel.get(lang)).clicked();
        });
        if busy {
            widgets::busy(ui, T::SaCreatingKey.get(lang));
        }
    });
    path_entry_if(ui, lang, keys, commands, |p| *p == DialogFor::NewKeyFile);
    if cancel {
        keys.new_key = None;
    }
}

/// When a file dialog could not be shown: a field for the path, and the button that uses it.
/// Drawn where the dialog was asked for: beside the key file's button for a key file, at the top of
/// the page for the others.
pub fn path_entry(ui: &mut Ui, lang: Lang, keys: &mut KeyForms, commands: &CommandSender) {
    path_entry_if(ui, lang, keys, commands, |p| {
        !matches!(p, DialogFor::KeyFile | DialogFor::NewKeyFile)
    });
}

fn path_entry_if(
    ui: &mut Ui,
    lang: Lang,
    keys: &mut KeyForms,
    commands: &CommandSender,
    here: impl Fn(&DialogFor) -> bool,
) {
    let Some((purpose, text)) = keys.path_entry.as_mut().filter(|(p, _)| here(p)) else {
        return;
    };
    widgets::labelled_field(ui, T::SaPathLabel.get(lang), text, None);
    let path = PathBuf::from(text.trim());
    if ui
        .add_enabled(
            !text.trim().is_empty(),
            egui::Button::new(T::SaUsePath.get(lang)),
        )
        .clicked()
    {
        let command = match purpose.clone() {
            DialogFor::Export(id) => Some(SigningCommand::Export {
                id,
                dir: Some(path),
            }),
            DialogFor::KeyFile => Some(SigningCommand::PickKeyFile(Some(path))),
            DialogFor::NewKeyFile => keys.new_key.as_ref().and_then(|form| {
                let checked =
                    crate::vault::NewPassphrase::parse(&form.passphrase, &form.confirmation, &[]);
                checked
                    .ok()
                    .map(|passphrase| SigningCommand::CreateKeyFile {
                        name: form.name.trim().to_owned(),
                        organisation: form.organisation.trim().to_owned(),
                        passphrase,
                        path: Some(path),
                    })
            }),
            DialogFor::Import => Some(SigningCommand::Import(Some(path))),
            DialogFor::Verify => Some(SigningCommand::Verify(Some(path))),
            DialogFor::SaveBundle => Some(SigningCommand::SaveBundle(Some(path))),
        };
        if let Some(command) = command {
            commands.send(Command::Signing(command));
        }
    }
}

/// The two assessments to compare, and what changed between them.
fn comparison_section(ui: &mut Ui, lang: Lang, view: &mut SignedView) {
    let Some((_, entries)) = &view.entries else {
        return;
    };
    if entries.len() < 2 {
        ui.label(RichText::new(T::SaCompareNeedTwo.get(lang)).weak());
        return;
    }
    let date = |i: usize| format_datetime(entries[i].completed_at, lang);
    let (mut from, mut to) = view
        .compare
        .unwrap_or((entries.len() - 2, entries.len() - 1));
    egui::Grid::new("compare-choice")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (label, value, salt) in [
                (T::SaCompareFrom, &mut from, "compare-from"),
                (T::SaCompareTo, &mut to, "compare-to"),
            ] {
                let label = ui.label(label.get(lang));
                egui::ComboBox::from_id_salt(salt)
                    .selected_text(date(*value))
                    .show_ui(ui, |ui| {
                        for i in 0..entries.len() {
                            ui.selectable_value(value, i, date(i));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            }
        });
    view.compare = Some((from, to));
    view.refresh_comparison();
    let Some((_, c)) = &view.comparison else {
        return;
    };
    ui.add_space(6.0);
    ui.label(
        RichText::new(tr::comparison_heading(
            lang,
            format_datetime(c.then_at, lang),
        ))
        .family(theme::bold())
        .size(16.0),
    );
    egui::Grid::new("compare-themes")
        .num_columns(3)
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(T::ColTheme.get(lang)).strong());
            ui.label(RichText::new(T::ColThen.get(lang)).strong());
            ui.label(RichText::new(T::ColNow.get(lang)).strong());
            ui.end_row();
            for t in &c.themes {
                ui.label(bilingual(&t.title, lang));
                ui.label(percent(t.then));
                ui.label(percent(t.now));
                ui.end_row();
            }
            ui.label(RichText::new(T::ReportOverall.get(lang)).strong());
            ui.label(RichText::new(percent(c.overall_then)).strong());
            ui.label(RichText::new(percent(c.overall_now)).strong());
            ui.end_row();
        });
    ui.add_space(6.0);
    ui.label(RichText::new(tr::comparison_answers_changed(lang, c.answers.len())).strong());
    if c.answers.is_empty() {
        ui.label(RichText::new(T::SaNoAnswerChanged.get(lang)).weak());
    }
    let answer = |v: Option<checklist::AnswerValue>| {
        v.map_or_else(
            || T::ReportNotAnswered.get(lang).to_owned(),
            |v| names::answer(v).get(lang).to_owned(),
        )
    };
    for a in &c.answers {
        ui.add(
            egui::Label::new(format!(
                "• {} — {} → {}",
                bilingual(&a.question, lang),
                answer(a.then),
                answer(a.now)
            ))
            .wrap(),
        );
    }
    ui.add_space(6.0);
    ui.label(RichText::new(tr::comparison_actions_done(lang, c.actions_done.len())).strong());
    for a in &c.actions_done {
        let when = a
            .done_at
            .map(|t| format!(" ({})", tr::sa_done_on(lang, format_datetime(t, lang))))
            .unwrap_or_default();
        ui.add(egui::Label::new(format!("✓ {}{when}", bilingual(&a.question, lang))).wrap());
    }
}

/// Opens the page.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    let _ = init;
    crate::ui::page::Page::new(super::PAGE, SignedView::default())
}

impl crate::ui::page::PageView for SignedView {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }
}
