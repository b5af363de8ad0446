//! "Chiffrer ces fichiers", on the Scan page: from the scan's findings to a verified encrypted archive,
//! then, only if the doctor confirms, the removal of the originals. The panel says what will happen
//! before anything is written; the work runs in a background job with its progress.

use std::sync::{Arc, Mutex};

use egui::{RichText, Ui};
use jiff::Timestamp;
use zeroize::Zeroizing;

use crate::archive::{Archived, Phase, Progress, Removal};
use crate::i18n::{Lang, T, format_size, tr};
use crate::scan::{Finding, Risk};
use crate::ui::archive::command::{ArchiveCommand, ArchiveScope};
use crate::ui::command::{Command, CommandSender};
use crate::ui::jobs::JobKind;
use crate::ui::theme;
use crate::ui::view::ViewContext;
use crate::ui::widgets::{self, PassphraseCheck};

/// How the archive is encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveKeyChoice {
    /// The practice's own key, kept in the vault.
    Practice,
    /// A passphrase, to hand the archive to someone else.
    Passphrase,
}

/// Where the panel is.
#[derive(Debug)]
pub enum ArchiveStage {
    /// Choosing what, how and where.
    Setup,
    /// The job runs; its progress is shared with it.
    Running(Arc<Mutex<Progress>>),
    /// The archive is written and verified.
    Done(Box<Archived>),
    /// The originals are being removed.
    Removing(Box<Archived>),
    /// The originals were removed (those that still matched).
    Removed(Box<Archived>, Removal),
}

/// The panel's state.
#[derive(Debug)]
pub struct ArchivePanel {
    /// Which findings.
    pub scope: ArchiveScope,
    /// Which key.
    pub key: ArchiveKeyChoice,
    /// The passphrase and its confirmation.
    pub passphrase: [Zeroizing<String>; 2],
    /// The policy check of the passphrase.
    pub check: PassphraseCheck,
    /// Where the archive goes (typed, or chosen with the dialog).
    pub out: String,
    /// The doctor ticked "I understand" before removing the originals.
    pub confirm_removal: bool,
    /// The stage.
    pub stage: ArchiveStage,
    /// The last problem, in the user's language, shown in the panel.
    pub error: Option<String>,
    /// The scan the findings come from.
    pub scan_started_at: Timestamp,
    /// The findings being archived (indices into the scan's), set when the job starts.
    pub picked: Vec<u32>,
    /// An archive with the practice key, noted in the vault as pending and waiting for that save
    /// before its file is written (a run killed after writing it then leaves the note, which the next
    /// opening shows).
    pub deferred: Option<Box<ArchiveJob>>,
}

/// What an archive job needs, kept while the vault's save of the pending note runs.
#[derive(Debug)]
pub struct ArchiveJob {
    /// The files.
    pub files: Vec<std::path::PathBuf>,
    /// The key.
    pub key: crate::archive::ArchiveKey,
    /// The archive's path.
    pub out: std::path::PathBuf,
    /// Who and when, for its manifest.
    pub origin: crate::archive::Origin,
    /// The progress shared with the panel.
    pub progress: Arc<Mutex<Progress>>,
}

/// What the panel needs to know of the rest of the window.
#[derive(Debug, Clone)]
pub struct PanelContext {
    /// Interface language.
    pub lang: Lang,
    /// The practice's name (not to count as passphrase strength).
    pub practice: String,
    /// The practice's archive key exists and was never saved outside the vault.
    pub key_sheet_missing: bool,
    /// An archive job is running.
    pub busy: bool,
}

impl PanelContext {
    /// From the window's state.
    pub fn of(cx: &ViewContext<'_>) -> Self {
        Self {
            lang: cx.lang,
            practice: cx
                .vault()
                .map(|v| v.contents().practice.name.as_str().to_owned())
                .unwrap_or_default(),
            key_sheet_missing: cx.vault().is_some_and(|v| {
                let a = &v.contents().archives;
                a.key.is_some() && !a.key_sheet_saved
            }),
            busy: cx.busy(JobKind::Archive),
        }
    }
}

impl ArchivePanel {
    /// A new panel for the scan of `scan_started_at`, writing by default to `out`.
    pub fn new(scope: ArchiveScope, scan_started_at: Timestamp, out: &std::path::Path) -> Self {
        Self {
            scope,
            key: ArchiveKeyChoice::Practice,
            passphrase: [Zeroizing::default(), Zeroizing::default()],
            check: PassphraseCheck::default(),
            out: out.display().to_string(),
            confirm_removal: false,
            stage: ArchiveStage::Setup,
            error: None,
            scan_started_at,
            picked: Vec::new(),
            deferred: None,
        }
    }
}

/// The files of `findings` picked by `scope` (`shown`: the table's rows), each once.
pub fn scope_files(findings: &[Finding], shown: &[u32], scope: ArchiveScope) -> Vec<u32> {
    let mut picked: Vec<u32> = match scope {
        ArchiveScope::HighRisk => findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.risk == Risk::High)
            .map(|(i, _)| i as u32)
            .collect(),
        ArchiveScope::Shown => shown.to_vec(),
    };
    picked.retain(|i| findings.get(*i as usize).is_some_and(|f| !f.encrypted));
    picked.sort_unstable();
    picked.dedup();
    picked
}

fn phase_text(phase: Phase) -> T {
    match phase {
        Phase::Listing => T::ArchivePhaseListing,
        Phase::Encrypting => T::ArchivePhaseEncrypting,
        Phase::Verifying => T::ArchivePhaseVerifying,
        Phase::Restoring => T::ArchivePhaseRestoring,
        Phase::Removing => T::ArchivePhaseRemoving,
    }
}

/// Draws the panel. `findings` and `shown` are the scan's; the picked files are counted from them.
pub fn show(
    ctx: &egui::Context,
    pc: &PanelContext,
    panel: &mut ArchivePanel,
    findings: &[Finding],
    shown: &[u32],
    commands: &CommandSender,
) {
    let lang = pc.lang;
    let (practice, key_sheet_missing, busy) = (pc.practice.as_str(), pc.key_sheet_missing, pc.busy);
    // A modal window over the page: its own scrolling, whatever the window's height.
    let screen = ctx.content_rect();
    let response = egui::Modal::new(egui::Id::unique("vigie_archive_panel")).show(ctx, |ui| {
        ui.set_width((screen.width() - 80.0).clamp(320.0, 640.0));
        egui::ScrollArea::vertical()
            .max_height((screen.height() - 80.0).max(240.0))
            .min_scrolled_height((screen.height() - 120.0).clamp(200.0, 640.0))
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(T::ArchiveTitle.get(lang)).strong().size(16.0));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui
                            .add_enabled(!busy, egui::Button::new(T::ArchiveClose.get(lang)))
                            .clicked()
                        {
                            commands.send(Command::Archive(ArchiveCommand::Close));
                        }
                    });
                });
                if let Some(error) = &panel.error {
                    widgets::field_error(ui, error);
                }
                match &panel.stage {
                    ArchiveStage::Setup => {
                        setup(ui, lang, panel, findings, shown, practice, commands);
                    }
                    ArchiveStage::Running(progress) => {
                        let p = progress.lock().map(|p| *p).unwrap_or(Progress {
                            phase: Phase::Listing,
                            files_done: 0,
                            files_total: 0,
                            bytes_done: 0,
                            bytes_total: 0,
                        });
                        ui.label(phase_text(p.phase).get(lang));
                        ui.add(
                            egui::ProgressBar::new(p.fraction())
                                .show_percentage()
                                .desired_width(ui.available_width().min(480.0)),
                        );
                        ui.label(
                            RichText::new(tr::archive_progress(
                                lang,
                                p.files_done,
                                p.files_total,
                                format_size(p.bytes_done, lang),
                            ))
                            .small()
                            .weak(),
                        );
                        if ui.button(T::Cancel.get(lang)).clicked() {
                            commands.send(Command::Archive(ArchiveCommand::Cancel));
                        }
                    }
                    ArchiveStage::Done(archived) => {
                        verified(ui, lang, archived);
                        if key_sheet_missing && archived.manifest.key == "practice-key" {
                            key_sheet(ui, lang, commands);
                        }
                        ui.add_space(8.0);
                        ui.label(RichText::new(T::ArchiveRemoveTitle.get(lang)).strong());
                        ui.add(egui::Label::new(T::ArchiveRemoveWarning.get(lang)).wrap());
                        ui.checkbox(
                            &mut panel.confirm_removal,
                            tr::archive_remove_confirm(lang, archived.manifest.file_count),
                        );
                        ui.horizontal_wrapped(|ui| {
                            if ui
                                .add_enabled(
                                    panel.confirm_removal && !busy,
                                    egui::Button::new(tr::archive_remove_button(
                                        lang,
                                        archived.manifest.file_count,
                                    )),
                                )
                                .clicked()
                            {
                                commands.send(Command::Archive(ArchiveCommand::RemoveOriginals));
                            }
                            if ui.button(T::ArchiveKeepOriginals.get(lang)).clicked() {
                                commands.send(Command::Archive(ArchiveCommand::Close));
                            }
                        });
                    }
                    ArchiveStage::Removing(archived) => {
                        verified(ui, lang, archived);
                        widgets::busy(ui, T::ArchivePhaseRemoving.get(lang));
                    }
                    ArchiveStage::Removed(archived, removal) => {
                        verified(ui, lang, archived);
                        ui.label(
                            RichText::new(tr::archive_removed(
                                lang,
                                removal.removed,
                                removal.kept_changed + removal.failed,
                            ))
                            .color(theme::OK),
                        );
                        ui.add(
                            egui::Label::new(RichText::new(T::ArchiveRescanHint.get(lang)).weak())
                                .wrap(),
                        );
                        if key_sheet_missing && archived.manifest.key == "practice-key" {
                            key_sheet(ui, lang, commands);
                        }
                    }
                }
            });
    });
    // A click beside the panel does not close it (the removal step would be lost): only its buttons do.
    let _ = response;
}

fn verified(ui: &mut Ui, lang: Lang, archived: &Archived) {
    ui.label(
        RichText::new(tr::archive_verified(
            lang,
            archived.manifest.file_count,
            format_size(archived.manifest.total_bytes, lang),
        ))
        .color(theme::OK)
        .strong(),
    );
    ui.label(
        RichText::new(tr::archive_written_to(lang, archived.path.display()))
            .small()
            .weak(),
    );
    if archived.skipped.total() > 0 {
        ui.label(tr::cli_archive_skipped(lang, archived.skipped.total()));
    }
}

fn key_sheet(ui: &mut Ui, lang: Lang, commands: &CommandSender) {
    ui.add_space(6.0);
    ui.add(
        egui::Label::new(RichText::new(T::ArchiveKeySheetNeeded.get(lang)).color(theme::ERROR))
            .wrap(),
    );
    if ui.button(T::ArchiveSaveKeySheet.get(lang)).clicked() {
        commands.send(Command::Archive(ArchiveCommand::SaveKeySheet(None)));
    }
}

fn setup(
    ui: &mut Ui,
    lang: Lang,
    panel: &mut ArchivePanel,
    findings: &[Finding],
    shown: &[u32],
    practice: &str,
    commands: &CommandSender,
) {
    ui.add(egui::Label::new(T::ArchiveIntro.get(lang)).wrap());
    ui.add_space(6.0);
    ui.label(RichText::new(T::ArchiveWhich.get(lang)).strong());
    let high = scope_files(findings, shown, ArchiveScope::HighRisk).len();
    let visible = scope_files(findings, shown, ArchiveScope::Shown).len();
    ui.radio_value(
        &mut panel.scope,
        ArchiveScope::HighRisk,
        tr::archive_scope_high(lang, high as u64),
    );
    ui.radio_value(
        &mut panel.scope,
        ArchiveScope::Shown,
        tr::archive_scope_shown(lang, visible as u64),
    );
    ui.add_space(6.0);
    ui.label(RichText::new(T::ArchiveHow.get(lang)).strong());
    ui.radio_value(
        &mut panel.key,
        ArchiveKeyChoice::Practice,
        T::ArchiveKeyPractice.get(lang),
    );
    ui.radio_value(
        &mut panel.key,
        ArchiveKeyChoice::Passphrase,
        T::ArchiveKeyPassphrase.get(lang),
    );
    let mut passphrase_ok = true;
    if panel.key == ArchiveKeyChoice::Passphrase {
        let [first, second] = &mut panel.passphrase;
        passphrase_ok = widgets::new_passphrase_fields(
            ui,
            lang,
            [T::ArchivePassphrase, T::ArchivePassphraseAgain],
            [first, second],
            false,
            &[practice],
            &mut panel.check,
        )
        .is_ok();
        ui.add(
            egui::Label::new(
                RichText::new(T::ArchivePassphraseHint.get(lang))
                    .small()
                    .weak(),
            )
            .wrap(),
        );
    }
    ui.add_space(6.0);
    ui.label(RichText::new(T::ArchiveWhere.get(lang)).strong());
    ui.horizontal(|ui| {
        let label = ui.label(T::ArchiveFile.get(lang));
        ui.add(
            egui::TextEdit::singleline(&mut panel.out)
                .desired_width(ui.available_width().min(420.0) - 110.0),
        )
        .labelled_by(label.id);
        if ui.button(T::ArchiveChoose.get(lang)).clicked() {
            commands.send(Command::Archive(ArchiveCommand::ChooseOut(None)));
        }
    });
    ui.add_space(8.0);
    let count = scope_files(findings, shown, panel.scope).len();
    let ready = count > 0 && passphrase_ok && !panel.out.trim().is_empty();
    if widgets::primary_button(ui, &tr::archive_start(lang, count as u64), ready).clicked() {
        commands.send(Command::Archive(ArchiveCommand::Start));
    }
    if count == 0 {
        ui.label(RichText::new(T::ArchiveNothingPicked.get(lang)).weak());
    }
}

/// The strip under the top bar while the vault notes an archive a run left unrecorded: what happened,
/// and the doctor's two choices — read it back and record it (a background job), or forget the note
/// (asked twice: the archive would then never be recorded).
pub fn pending_strip(ui: &mut Ui, cx: &ViewContext<'_>, pending: &crate::archive::PendingArchive) {
    let lang = cx.lang;
    let busy = cx.busy(JobKind::Archive);
    let confirm_id = egui::Id::unique(("vigie_pending_archive_forget", &pending.path));
    let mut confirming = ui.data(|d| d.get_temp::<bool>(confirm_id).unwrap_or(false));
    egui::Frame::new()
        .fill(theme::WARN_BG)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(
                egui::Label::new(tr::archive_pending_found(
                    lang,
                    &pending.path,
                    crate::i18n::format_datetime(pending.created_at, lang),
                ))
                .wrap(),
            );
            if busy {
                widgets::busy(ui, T::ArchivePendingChecking.get(lang));
                return;
            }
            if confirming {
                ui.add(
                    egui::Label::new(
                        RichText::new(tr::archive_pending_forget_warning(lang, &pending.path))
                            .color(theme::ERROR),
                    )
                    .wrap(),
                );
            }
            ui.horizontal_wrapped(|ui| {
                if ui.button(T::ArchivePendingSettle.get(lang)).clicked() {
                    confirming = false;
                    cx.send(Command::Archive(ArchiveCommand::SettlePending));
                }
                if confirming {
                    if ui
                        .button(T::ArchivePendingForgetConfirm.get(lang))
                        .clicked()
                    {
                        confirming = false;
                        cx.send(Command::Archive(ArchiveCommand::ForgetPending));
                    }
                    if ui.button(T::Cancel.get(lang)).clicked() {
                        confirming = false;
                    }
                } else if ui.button(T::ArchivePendingForget.get(lang)).clicked() {
                    confirming = true;
                }
            });
        });
    ui.data_mut(|d| d.insert_temp(confirm_id, confirming));
}
