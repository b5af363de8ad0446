//! Small reusable pieces of the interface. Every input is labelled for screen readers (the label's id is
//! attached with `labelled_by`), and kittest finds it by that label.

pub mod file_dialog;

use egui::{Color32, RichText, Ui};

use super::theme;
use zeroize::Zeroizing;

use crate::i18n::tr;
use crate::i18n::{Lang, Localize as _, T};
use crate::vault::{NewPassphrase, PassphraseProblem, Strength};

/// The widest a form field gets, so that forms stay readable on large screens.
pub const FIELD_WIDTH: f32 = 460.0;

/// A text field with its label above it. Returns the field's response.
pub fn labelled_field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: Option<&str>,
) -> egui::Response {
    let label = ui.label(label);
    let mut edit =
        egui::TextEdit::singleline(value).desired_width(FIELD_WIDTH.min(ui.available_width()));
    if let Some(hint) = hint {
        edit = edit.hint_text(hint.to_owned());
    }
    ui.add(edit).labelled_by(label.id)
}

/// A multi-line text field with its label above it.
pub fn labelled_multiline(ui: &mut Ui, label: &str, value: &mut String) -> egui::Response {
    let label = ui.label(label);
    let edit = egui::TextEdit::multiline(value)
        .desired_rows(2)
        .desired_width(FIELD_WIDTH.min(ui.available_width()));
    ui.add(edit).labelled_by(label.id)
}

/// A passphrase field (hidden unless `show`), with its label above it.
pub fn passphrase_field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    show: bool,
) -> egui::Response {
    let label = ui.label(label);
    let edit = egui::TextEdit::singleline(value)
        .password(!show)
        .desired_width(FIELD_WIDTH.min(ui.available_width()));
    ui.add(edit).labelled_by(label.id)
}

/// An error message under a field, in red.
pub fn field_error(ui: &mut Ui, message: &str) {
    ui.label(RichText::new(format!("✗ {message}")).color(theme::ERROR));
}

/// The name of a strength score.
pub fn strength_name(score: u8) -> T {
    match score {
        0 => T::Strength0,
        1 => T::Strength1,
        2 => T::Strength2,
        3 => T::Strength3,
        _ => T::Strength4,
    }
}

/// A passphrase strength meter: a bar in five steps, coloured, with the level in words.
pub fn strength_meter(ui: &mut Ui, lang: Lang, strength: Strength) {
    let color = match strength.score {
        0 | 1 => theme::ERROR,
        2 => Color32::from_rgb(0xc7, 0x7c, 0x02),
        _ => theme::OK,
    };
    if strength.chars == 0 {
        return;
    }
    let fraction = (f32::from(strength.score) + 1.0) / 5.0;
    let text = tr::strength_label(lang, strength_name(strength.score).get(lang));
    ui.add(
        egui::ProgressBar::new(fraction)
            .desired_width(FIELD_WIDTH.min(ui.available_width()))
            .desired_height(8.0)
            .fill(color),
    );
    ui.label(RichText::new(text).color(color).strong());
}

/// The strength and the policy check of a new passphrase, computed when the fields change rather than
/// at every frame: the estimate (zxcvbn) takes milliseconds, and a frame must not.
#[derive(Default)]
pub struct PassphraseCheck {
    /// What the cached values were computed for: the context words, or `None` when they must be redone.
    computed_for: Option<String>,
    strength: Option<Strength>,
    result: Option<Result<NewPassphrase, PassphraseProblem>>,
    /// How many times the check was computed (for tests).
    computations: u64,
}

impl PassphraseCheck {
    /// Forgets the cached values (the fields were cleared).
    pub fn reset(&mut self) {
        self.computed_for = None;
    }

    /// How many times the estimate ran.
    pub fn computations(&self) -> u64 {
        self.computations
    }

    fn refresh(&mut self, passphrase: &str, confirmation: &str, context: &[&str]) {
        let key = context.join(" ");
        if self.computed_for.as_deref() == Some(key.as_str()) {
            return;
        }
        self.strength = Some(crate::vault::passphrase::strength(passphrase, context));
        self.result = Some(NewPassphrase::parse(passphrase, confirmation, context));
        self.computed_for = Some(key);
        self.computations += 1;
    }
}

impl std::fmt::Debug for PassphraseCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PassphraseCheck(…)")
    }
}

/// A new passphrase and its confirmation, with the strength meter and the policy between them and the
/// problem, if any, under them. `context` holds words not to count as strength (the practice's name).
/// `check` keeps the estimate between frames; it is recomputed only when a field or the context changes.
pub fn new_passphrase_fields(
    ui: &mut Ui,
    lang: Lang,
    labels: [T; 2],
    values: [&mut Zeroizing<String>; 2],
    show: bool,
    context: &[&str],
    check: &mut PassphraseCheck,
) -> Result<NewPassphrase, PassphraseProblem> {
    let [passphrase, confirmation] = values;
    if passphrase_field(ui, labels[0].get(lang), passphrase, show).changed() {
        check.reset();
    }
    check.refresh(passphrase, confirmation, context);
    if let Some(strength) = check.strength {
        strength_meter(ui, lang, strength);
    }
    ui.label(RichText::new(T::PassphraseRule.get(lang)).small().weak());
    if passphrase_field(ui, labels[1].get(lang), confirmation, show).changed() {
        check.reset();
        check.refresh(passphrase, confirmation, context);
    }
    let checked = check
        .result
        .clone()
        .unwrap_or(Err(PassphraseProblem::TooShort(0)));
    if !confirmation.is_empty()
        && let Err(problem) = &checked
    {
        field_error(ui, &problem.localize(lang));
    }
    checked
}

/// Whether Enter was just pressed in a text field of the page (call it before drawing the fields: the
/// field gives the keyboard up as it reads the Enter): a form is then submitted as with its button.
pub fn enter_in_text_field(ui: &Ui) -> bool {
    ui.input(|i| i.key_pressed(egui::Key::Enter))
        && ui
            .memory(egui::Memory::focused)
            .is_some_and(|id| egui::text_edit::TextEditState::load(ui.ctx(), id).is_some())
}

/// A prominent button in the accent colour.
pub fn primary_button(ui: &mut Ui, text: &str, enabled: bool) -> egui::Response {
    let button =
        egui::Button::new(RichText::new(text).color(Color32::WHITE).strong()).fill(theme::ACCENT);
    ui.add_enabled(enabled, button)
}

/// A wide choice button with an explanation below it, for the welcome screen.
pub fn big_choice(ui: &mut Ui, text: &str, hint: &str, primary: bool) -> egui::Response {
    let width = FIELD_WIDTH.min(ui.available_width());
    let label = RichText::new(text).size(17.0);
    let button = if primary {
        egui::Button::new(label.color(Color32::WHITE)).fill(theme::ACCENT)
    } else {
        egui::Button::new(label)
    };
    let response = ui.add_sized([width, 44.0], button);
    ui.label(RichText::new(hint).small().weak());
    ui.add_space(6.0);
    response
}

/// A card: a framed group with a bold title.
pub fn card<R>(ui: &mut Ui, title: &str, add_contents: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::group(ui.style())
        .fill(theme::CARD_BG)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).family(theme::bold()).size(17.0));
            ui.add_space(4.0);
            add_contents(ui)
        })
        .inner
}

/// A busy indicator with a sentence.
pub fn busy(ui: &mut Ui, text: &str) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(text);
    });
}

/// A row of a two-column grid: the name in grey, the value as text that can be selected and copied.
pub fn grid_row(ui: &mut Ui, name: &str, value: &str) {
    ui.label(RichText::new(name).weak());
    ui.add(egui::Label::new(value).wrap());
    ui.end_row();
}

/// A column of at most `max_width`, centred horizontally.
pub fn centered_column(ui: &mut Ui, max_width: f32, add_contents: impl FnOnce(&mut Ui)) {
    let width = ui.available_width().min(max_width);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.add_space(24.0);
            add_contents(ui);
            ui.add_space(24.0);
        });
    });
}

/// A column of at most `max_width`, centred horizontally, without the space above and below.
pub fn centered_column_plain(ui: &mut Ui, max_width: f32, add_contents: impl FnOnce(&mut Ui)) {
    let width = ui.available_width().min(max_width);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            add_contents(ui);
        });
    });
}

/// The current notice, if any, as a coloured strip.
pub fn notice(ui: &mut Ui, notice: Option<&super::state::Notice>) {
    let Some(notice) = notice else {
        return;
    };
    let (text, color, bg) = match notice {
        super::state::Notice::Info(t) => {
            (t, theme::ACCENT, egui::Color32::from_rgb(0xe6, 0xf0, 0xf7))
        }
        super::state::Notice::Error(t) => (t, theme::ERROR, theme::WARN_BG),
    };
    egui::Frame::new()
        .fill(bg)
        .inner_margin(10.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
        });
    ui.add_space(8.0);
}
