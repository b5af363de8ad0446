//! The Breaches screen: the register (every breach with its status and countdown), a form that goes
//! section by section through what is known now (the rest completed later), the decision helper, the
//! notification and the information of the patients, attachments, the history, and the documents.
//! Every save appends events to the register's chain through [`BreachCommand`]s.

use egui::{Color32, RichText, Ui};

use crate::breach::clock::{self, Urgency};
use crate::breach::decision;
use crate::breach::{
    Breach, BreachId, Cause, Change, Details, Known, NotificationKind, Prepared, Purpose, Question,
    Severity, Status,
};
use crate::i18n::{Lang, Localize as _, T, format_datetime, format_size, names, tr};
use crate::present::breach as present;
use crate::report::Document;
use crate::ui::command::{BreachCommand, Command, CommandSender};
use crate::ui::jobs::JobKind;
use crate::ui::view::ViewContext;
use crate::ui::{theme, widgets};

/// Amber, for a deadline less than 24 hours away.
pub const AMBER: Color32 = Color32::from_rgb(0xc7, 0x7c, 0x02);

/// The colour of a countdown.
pub fn urgency_color(urgency: Option<Urgency>) -> Color32 {
    match urgency {
        None => theme::OK,
        Some(Urgency::Calm) => theme::ACCENT,
        Some(Urgency::Soon) => AMBER,
        Some(Urgency::Overdue) => theme::ERROR,
    }
}

/// The page's state: the new breach's title, who records, the breach shown and its form.
#[derive(Debug, Default)]
pub struct BreachesView {
    /// The title of a breach to record.
    pub new_title: String,
    /// Who records the changes (the practitioner by default).
    pub by: String,
    /// The breach shown, and its form.
    pub form: Option<Box<BreachForm>>,
    /// The language of the documents.
    pub doc_lang: Lang,
}

impl BreachesView {
    /// A page showing `selected`, if any, with the texts of its draft over its facts.
    pub fn new(
        lang: Lang,
        by: String,
        selected: Option<&Breach>,
        drafts: &crate::practice_file::Drafts,
    ) -> Self {
        Self {
            new_title: String::new(),
            by,
            form: selected.map(|b| Box::new(BreachForm::of(b, drafts.breach_forms.get(&b.id)))),
            doc_lang: lang,
        }
    }

    /// Shows `breach` with a fresh form, the texts of its draft over its facts.
    pub fn select(&mut self, breach: &Breach, drafts: &crate::practice_file::Drafts) {
        self.form = Some(Box::new(BreachForm::of(
            breach,
            drafts.breach_forms.get(&breach.id),
        )));
    }

    /// What the form holds when the page goes away (another page, a lock, closing), so that nothing
    /// typed is lost: the facts that read well and differ from the register's (one more event of the
    /// chain), and the text of every field as typed, valid or not, for the vault's draft (nothing that
    /// does not read well is applied; it is shown again, with its error beside it, when the page comes
    /// back).
    pub fn leaving(&self, register: &crate::breach::BreachRegister, lang: Lang) -> Option<Leaving> {
        let form = self.form.as_ref()?;
        let recorded = register.breach(form.id)?;
        let (typed, _) = form.applicable(lang);
        let facts = (typed != recorded.details).then(|| (typed.clone(), self.by.clone()));
        Some(Leaving {
            id: form.id,
            facts,
            draft: form.draft_against(&typed),
        })
    }

    /// Takes the register's answer to the last change: an error to show, or the form refreshed.
    pub fn feedback(&mut self, breach: Option<&Breach>, result: Result<String, String>) {
        if let Some(form) = self.form.as_mut() {
            match (&result, breach) {
                (Ok(_), Some(b)) if b.id == form.id => {
                    // Keep what is typed in the sections; clear the one-off fields of what was
                    // just recorded.
                    match form.pressed {
                        Spot::Notify => {
                            form.reference.clear();
                            form.late_reasons.clear();
                            form.notif_at.clear();
                            form.filed_other_way = false;
                        }
                        Spot::People => {
                            form.channel.clear();
                            form.informed_people.clear();
                            form.informed_at.clear();
                        }
                        Spot::Decision(Question::NotifyCnil) => {
                            form.notify_reason.clear();
                            form.notify_yes = None;
                        }
                        Spot::Decision(Question::InformPeople) => {
                            form.inform_reason.clear();
                            form.inform_yes = None;
                        }
                        Spot::LetterText => {
                            form.letter = None;
                            form.letter_edited = false;
                        }
                        Spot::Status
                        | Spot::Facts(_)
                        | Spot::Files
                        | Spot::Draft
                        | Spot::Letter => {}
                    }
                    // Once notified, the next notification is the complement.
                    if b.first_notification().is_some() {
                        form.notif_kind = NotificationKind::Complementary;
                    }
                }
                _ => {}
            }
            form.feedback = Some((form.pressed, result));
        }
    }
}

/// Where the last button was pressed, so that its answer shows beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Spot {
    /// The status buttons, at the top.
    #[default]
    Status,
    /// A "save this information" button, by section (1 to 4).
    Facts(u8),
    /// A decision's button.
    Decision(Question),
    /// The notification's buttons.
    Notify,
    /// The information of the patients.
    People,
    /// The attached files.
    Files,
    /// The draft notification prepared.
    Draft,
    /// The letter to the patients prepared.
    Letter,
    /// The letter's texts saved.
    LetterText,
}

/// What the breach form holds when its page goes away: see [`BreachesView::leaving`].
#[derive(Debug)]
pub struct Leaving {
    /// The breach.
    pub id: BreachId,
    /// Facts that read well and differ from the register's, and who records them.
    pub facts: Option<(Details, String)>,
    /// Each field's text as typed, where it differs from what the register holds (empty: no draft).
    pub draft: std::collections::BTreeMap<String, String>,
}

/// The fields typed as text whose value must read well (a moment, a number): each keeps its text as
/// typed, is checked where it is, and is applied only when it reads well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FactField {
    Aware,
    Discovered,
    ProcessorAlert,
    Started,
    Ended,
    Unavailable,
    Records,
    People,
}

impl FactField {
    const ALL: [Self; 8] = [
        Self::Aware,
        Self::Discovered,
        Self::ProcessorAlert,
        Self::Started,
        Self::Ended,
        Self::Unavailable,
        Self::Records,
        Self::People,
    ];

    /// The field's key in the vault's draft.
    fn key(self) -> &'static str {
        match self {
            Self::Aware => "aware",
            Self::Discovered => "discovered",
            Self::ProcessorAlert => "processor_alert",
            Self::Started => "started",
            Self::Ended => "ended",
            Self::Unavailable => "unavailable",
            Self::Records => "records",
            Self::People => "people",
        }
    }

    fn label(self) -> T {
        match self {
            Self::Aware => T::FAware,
            Self::Discovered => T::FDiscovered,
            Self::ProcessorAlert => T::FProcessorAlert,
            Self::Started => T::FStarted,
            Self::Ended => T::FEnded,
            Self::Unavailable => T::FUnavailableHours,
            Self::Records => T::FRecords,
            Self::People => T::FPeople,
        }
    }

    fn is_time(self) -> bool {
        matches!(
            self,
            Self::Aware | Self::Discovered | Self::ProcessorAlert | Self::Started | Self::Ended
        )
    }

    fn time_mut(self, d: &mut Details) -> Option<&mut Option<jiff::Timestamp>> {
        match self {
            Self::Aware => Some(&mut d.aware_at),
            Self::Discovered => Some(&mut d.discovered_at),
            Self::ProcessorAlert => Some(&mut d.processor_alert_at),
            Self::Started => Some(&mut d.started_at),
            Self::Ended => Some(&mut d.ended_at),
            Self::Unavailable | Self::Records | Self::People => None,
        }
    }

    /// The field's text for the value the register holds.
    fn recorded_text(self, d: &Details) -> String {
        match self {
            Self::Aware => time_text(d.aware_at),
            Self::Discovered => time_text(d.discovered_at),
            Self::ProcessorAlert => time_text(d.processor_alert_at),
            Self::Started => time_text(d.started_at),
            Self::Ended => time_text(d.ended_at),
            Self::Unavailable => d
                .unavailable_hours
                .map(|h| h.to_string())
                .unwrap_or_default(),
            Self::Records => count_text(d.records.as_ref()),
            Self::People => count_text(d.people.as_ref()),
        }
    }

    /// Puts the value of `text` in `d`, or says why it does not read (in the user's language).
    fn apply(self, text: &str, d: &mut Details, lang: Lang) -> Result<(), String> {
        if let Some(slot) = self.time_mut(d) {
            *slot = if text.trim().is_empty() {
                None
            } else {
                Some(clock::parse_paris(text).map_err(|e| e.localize(lang))?)
            };
            return Ok(());
        }
        if matches!(self, Self::Records | Self::People) {
            let count = crate::breach::Count::parse(text)
                .map_err(|_err| T::FieldCount.get(lang).to_owned())?;
            if self == Self::Records {
                d.records = count;
            } else {
                d.people = count;
            }
            return Ok(());
        }
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let value = if digits.is_empty() {
            None
        } else {
            Some(
                digits
                    .parse::<u64>()
                    .map_err(|_err| T::FieldNumber.get(lang).to_owned())?,
            )
        };
        match self {
            Self::Unavailable => {
                d.unavailable_hours = value.map(|h| u32::try_from(h).unwrap_or(u32::MAX));
            }
            Self::Records
            | Self::People
            | Self::Aware
            | Self::Discovered
            | Self::ProcessorAlert
            | Self::Started
            | Self::Ended => {}
        }
        Ok(())
    }
}

/// The one-off fields of the notification and the information of the patients, kept as typed too.
const ONE_OFF_KEYS: [&str; 8] = [
    "notify_reason",
    "inform_reason",
    "notif_at",
    "reference",
    "late_reasons",
    "informed_at",
    "channel",
    "informed_people",
];

/// The draft keys of the letter's texts, in [`LetterText`](crate::breach::LetterText)'s order.
const LETTER_KEYS: [&str; 6] = [
    "letter.what_happened",
    "letter.what_it_means",
    "letter.what_we_did",
    "letter.what_you_can_do",
    "letter.whom_to_call",
    "letter.phone",
];

fn letter_fields(l: &mut crate::breach::LetterText) -> [&mut String; 6] {
    [
        &mut l.what_happened,
        &mut l.what_it_means,
        &mut l.what_we_did,
        &mut l.what_you_can_do,
        &mut l.whom_to_call,
        &mut l.phone,
    ]
}

/// What is typed for one breach, until it is saved.
#[derive(Debug)]
pub struct BreachForm {
    /// The breach.
    pub id: BreachId,
    details: Details,
    /// The text of each [`FactField`], in the order of [`FactField::ALL`].
    facts: [String; 8],
    /// The decisions as chosen now: nothing chosen until the doctor chooses.
    notify_yes: Option<bool>,
    notify_reason: String,
    inform_yes: Option<bool>,
    inform_reason: String,
    notif_kind: NotificationKind,
    notif_at: String,
    reference: String,
    late_reasons: String,
    informed_at: String,
    channel: String,
    informed_people: String,
    /// The user confirms the notification was filed without the draft Vigie prepares.
    filed_other_way: bool,
    /// The letter's texts as edited, once shown (from the register, else drafted from the facts).
    letter: Option<crate::breach::LetterText>,
    /// The letter's texts were edited and not saved: kept in the vault's draft.
    letter_edited: bool,
    /// Where the last button was pressed.
    pressed: Spot,
    /// The answer to the last button, and where it shows.
    feedback: Option<(Spot, Result<String, String>)>,
}

fn time_text(t: Option<jiff::Timestamp>) -> String {
    t.map(clock::format_paris_input).unwrap_or_default()
}

fn count_text(n: Option<&crate::breach::Count>) -> String {
    n.map(|c| c.text.clone()).unwrap_or_default()
}

impl BreachForm {
    /// A form holding the breach's facts as recorded, and over them the texts of the vault's draft (what
    /// was typed and not applied: a date that does not exist, a count being typed).
    pub fn of(b: &Breach, draft: Option<&std::collections::BTreeMap<String, String>>) -> Self {
        let d = &b.details;
        let mut form = Self {
            id: b.id,
            facts: FactField::ALL.map(|f| f.recorded_text(d)),
            details: d.clone(),
            // Never pre-selected, not even from the advice: the doctor decides, knowingly.
            notify_yes: None,
            notify_reason: String::new(),
            inform_yes: None,
            inform_reason: String::new(),
            notif_kind: if b.first_notification().is_some() {
                NotificationKind::Complementary
            } else {
                NotificationKind::Initial
            },
            // Typed by the user, never pre-filled: only what was done is recorded.
            notif_at: String::new(),
            reference: String::new(),
            late_reasons: String::new(),
            informed_at: String::new(),
            channel: String::new(),
            informed_people: String::new(),
            filed_other_way: false,
            letter: None,
            letter_edited: false,
            pressed: Spot::Status,
            feedback: None,
        };
        for (key, text) in draft.into_iter().flatten() {
            if let Some(slot) = form.text_mut(key) {
                slot.clone_from(text);
            }
        }
        // A yes or no chosen and not saved comes back chosen.
        for (key, slot) in [
            ("notify_choice", &mut form.notify_yes),
            ("inform_choice", &mut form.inform_yes),
        ] {
            match draft.and_then(|d| d.get(key)).map(String::as_str) {
                Some("yes") => *slot = Some(true),
                Some("no") => *slot = Some(false),
                _ => {}
            }
        }
        // The letter's texts edited and not saved come back as typed.
        if let Some(draft) = draft
            && LETTER_KEYS.iter().any(|k| draft.contains_key(*k))
        {
            let mut letter = b.letter.clone().unwrap_or_default();
            for (key, slot) in LETTER_KEYS.into_iter().zip(letter_fields(&mut letter)) {
                if let Some(text) = draft.get(key) {
                    slot.clone_from(text);
                }
            }
            form.letter = Some(letter);
            form.letter_edited = true;
        }
        form
    }

    fn fact(&mut self, field: FactField) -> &mut String {
        &mut self.facts[field as usize]
    }

    /// The text of the field with this draft key.
    fn text_mut(&mut self, key: &str) -> Option<&mut String> {
        if let Some(f) = FactField::ALL.into_iter().find(|f| f.key() == key) {
            return Some(self.fact(f));
        }
        Some(match key {
            "notify_reason" => &mut self.notify_reason,
            "inform_reason" => &mut self.inform_reason,
            "notif_at" => &mut self.notif_at,
            "reference" => &mut self.reference,
            "late_reasons" => &mut self.late_reasons,
            "informed_at" => &mut self.informed_at,
            "channel" => &mut self.channel,
            "informed_people" => &mut self.informed_people,
            _ => return None,
        })
    }

    /// Why a field's text does not read, if it does not (in the user's language).
    fn field_error(&self, field: FactField, lang: Lang) -> Option<String> {
        let mut scratch = self.details.clone();
        field
            .apply(&self.facts[field as usize], &mut scratch, lang)
            .err()
    }

    /// The facts as typed, with each field that reads well applied and each that does not left as the
    /// register holds it; and the problems, each with its field's name (in the user's language).
    fn applicable(&self, lang: Lang) -> (Details, Vec<String>) {
        let mut errors = Vec::new();
        let mut d = self.details.clone();
        for f in FactField::ALL {
            if let Err(e) = f.apply(&self.facts[f as usize], &mut d, lang) {
                errors.push(format!(
                    "{}{}{e}",
                    f.label().get(lang),
                    present::colon(lang)
                ));
            }
        }
        (d, errors)
    }

    /// Each field's text where it differs from what `applied` holds (the facts once the valid ones are
    /// in), and the one-off fields typed: what the vault's draft keeps.
    fn draft_against(&self, applied: &Details) -> std::collections::BTreeMap<String, String> {
        let mut draft = std::collections::BTreeMap::new();
        for f in FactField::ALL {
            let text = &self.facts[f as usize];
            if text.trim() != f.recorded_text(applied) {
                draft.insert(f.key().to_owned(), text.clone());
            }
        }
        for (key, text) in ONE_OFF_KEYS.into_iter().zip([
            &self.notify_reason,
            &self.inform_reason,
            &self.notif_at,
            &self.reference,
            &self.late_reasons,
            &self.informed_at,
            &self.channel,
            &self.informed_people,
        ]) {
            if !text.trim().is_empty() {
                draft.insert(key.to_owned(), text.clone());
            }
        }
        // A yes or no chosen and not saved yet (its reason may be asked before it is).
        for (key, choice) in [
            ("notify_choice", self.notify_yes),
            ("inform_choice", self.inform_yes),
        ] {
            if let Some(yes) = choice {
                draft.insert(key.to_owned(), if yes { "yes" } else { "no" }.to_owned());
            }
        }
        if self.letter_edited
            && let Some(letter) = &self.letter
        {
            let mut letter = letter.clone();
            for (key, text) in LETTER_KEYS.into_iter().zip(letter_fields(&mut letter)) {
                draft.insert(key.to_owned(), std::mem::take(text));
            }
        }
        draft
    }
}

/// A fact's field, with the reason its text does not read right under it.
fn fact_field(ui: &mut Ui, lang: Lang, form: &mut BreachForm, field: FactField) {
    let error = form.field_error(field, lang);
    let hint = field.is_time().then(|| T::FTimeHint.get(lang));
    widgets::labelled_field(ui, field.label().get(lang), form.fact(field), hint);
    if let Some(error) = error {
        ui.add(egui::Label::new(RichText::new(error).color(theme::ERROR)).wrap());
    }
}

/// The answer to the last button, shown beside it when it was pressed at `spot`.
fn feedback_here(ui: &mut Ui, form: &BreachForm, spot: Spot) {
    if let Some((at, result)) = &form.feedback
        && *at == spot
    {
        let (message, color) = match result {
            Ok(m) => (m, theme::OK),
            Err(m) => (m, theme::ERROR),
        };
        ui.add(egui::Label::new(RichText::new(message).color(color)).wrap());
    }
}

fn time_field(ui: &mut Ui, lang: Lang, label: T, value: &mut String) {
    widgets::labelled_field(ui, label.get(lang), value, Some(T::FTimeHint.get(lang)));
}

fn known_choice(ui: &mut Ui, lang: Lang, label: T, value: &mut Known) {
    ui.label(label.get(lang));
    ui.horizontal(|ui| {
        for k in Known::ALL {
            ui.radio_value(value, k, names::known(k).get(lang));
        }
    });
}

fn combo<V: Copy + PartialEq>(
    ui: &mut Ui,
    id: &str,
    label: &str,
    value: &mut V,
    all: &[V],
    name: impl Fn(V) -> &'static str,
) {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(name(*value))
        .width(widgets::FIELD_WIDTH.min(ui.available_width()))
        .show_ui(ui, |ui| {
            for v in all {
                ui.selectable_value(value, *v, name(*v));
            }
        })
        .response
        .labelled_by(label.id);
}

/// The register against the head the last signed self-assessment witnessed: consistent, or (in red)
/// what differs. Computed in a job whenever the register or the signed assessments change.
fn signed_head(ui: &mut Ui, cx: &ViewContext<'_>, session: &crate::ui::state::Session) {
    let Some(vault) = cx.vault() else {
        return;
    };
    let c = vault.contents();
    let key = (c.breaches.events.len(), c.assessments.signed.len());
    let fresh = session.signed_head.as_ref().is_some_and(|(k, _)| *k == key);
    if !fresh && !c.assessments.signed.is_empty() && !cx.jobs.is_running(JobKind::CheckSignedHead) {
        cx.send(Command::Breach(BreachCommand::CheckSignedHead));
    }
    // The last comparison stays shown while a change is compared again (a line that comes and goes
    // would move the page under the pointer).
    let Some((_, Some(check))) = &session.signed_head else {
        return;
    };
    let (text, holds) = crate::present::breach::against_signed_text(
        check,
        |d| crate::i18n::tr::register_witness_assessment(cx.lang, d),
        cx.lang,
    );
    let text = if matches!(
        check,
        crate::breach::export::AgainstSigned::NotWitnessed { .. }
    ) {
        // Nothing signed to compare with: said plainly, without a mark.
        RichText::new(text).small().weak()
    } else if holds {
        RichText::new(format!("✓ {text}")).small().color(theme::OK)
    } else {
        RichText::new(format!("⚠ {text}"))
            .color(theme::ERROR)
            .strong()
    };
    ui.add(egui::Label::new(text).wrap());
}

fn section(ui: &mut Ui, lang: Lang, title: T, open: bool, add: impl FnOnce(&mut Ui)) {
    egui::CollapsingHeader::new(RichText::new(title.get(lang)).strong().size(16.0))
        .default_open(open)
        .show(ui, add);
}

/// Draws the Breaches page.
pub fn show(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut BreachesView) {
    let lang = cx.lang;
    let (Some(session), Some(vault)) = (cx.session, cx.vault()) else {
        return;
    };
    let busy = cx.jobs.is_running(JobKind::WriteDocument);
    let commands = cx.commands;
    let register = &vault.contents().breaches;
    let now = jiff::Timestamp::now();
    ui.heading(T::BreachesTitle.get(lang));
    ui.add(egui::Label::new(T::BreachesIntro.get(lang)).wrap());
    ui.add_space(4.0);
    // The chain as verified at opening, and the head now.
    if let Some(brk) = &session.breach_break {
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "⚠ {}",
                    crate::i18n::chain_break(lang, brk, register)
                ))
                .color(theme::ERROR)
                .strong(),
            )
            .wrap(),
        );
    } else {
        let head = register.head();
        ui.label(
            RichText::new(tr::breach_chain_ok(
                lang,
                head.count,
                &head.hash_hex()[..16],
            ))
            .small()
            .color(theme::OK),
        );
    }
    signed_head(ui, cx, session);
    ui.add_space(6.0);

    widgets::card(ui, T::BreachNewHeading.get(lang), |ui| {
        widgets::labelled_field(ui, T::BreachTitleLabel.get(lang), &mut view.new_title, None);
        widgets::labelled_field(ui, T::BreachRecordedBy.get(lang), &mut view.by, None);
        if widgets::primary_button(
            ui,
            T::BreachNew.get(lang),
            !view.new_title.trim().is_empty(),
        )
        .clicked()
        {
            commands.send(Command::Breach(BreachCommand::Open {
                title: std::mem::take(&mut view.new_title),
                by: view.by.clone(),
                details: None,
                evidence: None,
            }));
        }
    });
    ui.add_space(8.0);

    let breaches = register.breaches();
    if breaches.is_empty() {
        ui.label(T::BreachesEmpty.get(lang));
    }
    for b in breaches.iter().rev() {
        egui::Frame::group(ui.style())
            .fill(theme::CARD_BG)
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    let shown = view.form.as_ref().is_some_and(|f| f.id == b.id);
                    if ui
                        .add(egui::Button::selectable(shown, T::BreachShow.get(lang)))
                        .clicked()
                    {
                        commands.send(Command::Breach(BreachCommand::Select(b.id)));
                    }
                    ui.label(RichText::new(tr::breach_number(lang, b.id)).strong());
                    ui.label(&b.title);
                    ui.label(
                        RichText::new(names::breach_status(b.status).get(lang))
                            .color(theme::ACCENT),
                    );
                });
                let (text, urgency) = present::clock_text(b, now, lang);
                ui.label(RichText::new(text).color(urgency_color(urgency)));
            });
    }

    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(T::ReportLanguage.get(lang));
        for l in Lang::ALL {
            ui.radio_value(&mut view.doc_lang, l, l.native_name());
        }
        if ui
            .add_enabled(!busy, egui::Button::new(T::BreachExportRegister.get(lang)))
            .clicked()
        {
            commands.send(Command::Breach(BreachCommand::Export {
                kind: Document::BreachRegister,
                lang: view.doc_lang,
                path: None,
            }));
        }
        if ui
            .add_enabled(
                !busy,
                egui::Button::new(T::BreachExportVerifiable.get(lang)),
            )
            .on_hover_text(T::BreachExportVerifiableHelp.get(lang))
            .clicked()
        {
            commands.send(Command::Breach(BreachCommand::ExportVerifiable(None)));
        }
    });

    let Some(form) = view.form.as_mut() else {
        return;
    };
    let Some(b) = breaches.iter().find(|b| b.id == form.id) else {
        return;
    };
    ui.add_space(10.0);
    ui.separator();
    breach_panel(
        ui,
        lang,
        b,
        form,
        &view.by,
        view.doc_lang,
        busy,
        register,
        &vault.contents().practice,
        commands,
    );
}

#[expect(
    clippy::too_many_arguments,
    reason = "one panel of the page, handed the page's parts rather than the page"
)]
fn breach_panel(
    ui: &mut Ui,
    lang: Lang,
    b: &Breach,
    form: &mut BreachForm,
    by: &str,
    doc_lang: Lang,
    busy: bool,
    register: &crate::breach::BreachRegister,
    practice: &crate::practice::Profile,
    commands: &CommandSender,
) {
    let now = jiff::Timestamp::now();
    let id = b.id;
    let apply = |commands: &CommandSender, change: Change| {
        commands.send(Command::Breach(BreachCommand::Apply {
            id,
            change,
            by: by.to_owned(),
        }));
    };
    ui.label(
        RichText::new(format!("{} — {}", tr::breach_number(lang, b.id), b.title))
            .family(theme::bold())
            .size(20.0),
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(T::BreachStatusLabel.get(lang)).weak());
        ui.label(RichText::new(names::breach_status(b.status).get(lang)).strong());
        for s in b.next_statuses() {
            if ui
                .button(tr::breach_move_to(lang, names::breach_status(s).get(lang)))
                .clicked()
            {
                form.pressed = Spot::Status;
                apply(commands, Change::Status(s));
            }
        }
    });
    feedback_here(ui, form, Spot::Status);
    let (clock_line, urgency) = present::clock_text(b, now, lang);
    ui.label(
        RichText::new(clock_line)
            .color(urgency_color(urgency))
            .strong()
            .size(17.0),
    );
    if let Some(first) = b.first_notification()
        && let Some(aware) = b.details.aware_at
        && b.complement_pending()
    {
        // The 72 hours themselves were met or not: said once, under the complement's clock.
        let on_time = !clock::is_late(aware, first.at);
        let text = if on_time {
            tr::breach_notified_on(lang, format_datetime(first.at, lang), &first.reference)
        } else {
            format!(
                "{} — {}",
                tr::breach_notified_on(lang, format_datetime(first.at, lang), &first.reference),
                T::Overdue.get(lang)
            )
        };
        ui.label(RichText::new(text).weak());
    }
    ui.add_space(6.0);

    // The section whose "save" button was pressed, if any (1 to 4).
    let mut save_facts: Option<u8> = None;
    section(ui, lang, T::BreachSectionTimes, true, |ui| {
        for field in [
            FactField::Aware,
            FactField::Discovered,
            FactField::ProcessorAlert,
            FactField::Started,
            FactField::Ended,
        ] {
            fact_field(ui, lang, form, field);
        }
        // The practice is aware once its processor tells it (EDPB 9/2022): a later awareness asks why.
        let typed = form.applicable(lang).0;
        let later = typed
            .processor_alert_at
            .zip(typed.aware_at)
            .is_some_and(|(alert, aware)| aware > alert);
        if later || !form.details.aware_after_alert_reason.is_empty() {
            widgets::labelled_multiline(
                ui,
                T::FAwareAfterAlert.get(lang),
                &mut form.details.aware_after_alert_reason,
            );
        }
        ui.checkbox(&mut form.details.ongoing, T::FOngoing.get(lang));
        widgets::labelled_multiline(
            ui,
            T::FHowDiscovered.get(lang),
            &mut form.details.how_discovered,
        );
        ui.checkbox(&mut form.details.told_by_cnil, T::FToldByCnil.get(lang));
        if ui.button(T::BreachSaveFacts.get(lang)).clicked() {
            save_facts = Some(1);
        }
        feedback_here(ui, form, Spot::Facts(1));
    });
    section(ui, lang, T::BreachSectionNature, false, |ui| {
        let d = &mut form.details;
        ui.checkbox(&mut d.confidentiality, T::FConfidentiality.get(lang));
        ui.checkbox(&mut d.integrity, T::FIntegrity.get(lang));
        ui.checkbox(&mut d.availability, T::FAvailability.get(lang));
        combo(
            ui,
            "breach_cause",
            T::FCause.get(lang),
            &mut d.cause,
            &Cause::ALL,
            |c| names::cause(c).get(lang),
        );
        combo(
            ui,
            "breach_origin",
            T::FOrigin.get(lang),
            &mut d.origin,
            &crate::breach::Origin::ALL,
            |o| names::origin(o).get(lang),
        );
        combo(
            ui,
            "breach_intent",
            T::FIntent.get(lang),
            &mut d.intent,
            &crate::breach::Intent::ALL,
            |i| names::intent(i).get(lang),
        );
        combo(
            ui,
            "breach_exposure",
            T::FExposure.get(lang),
            &mut d.exposure,
            &crate::breach::Exposure::ALL,
            |e| names::exposure(e).get(lang),
        );
        widgets::labelled_multiline(ui, T::FDescription.get(lang), &mut d.description);
        known_choice(ui, lang, T::FCopiedOut, &mut d.copied_out);
        known_choice(ui, lang, T::FEncrypted, &mut d.encrypted);
        known_choice(ui, lang, T::FKeyCompromised, &mut d.key_compromised);
        known_choice(ui, lang, T::FBackup, &mut d.backup);
        fact_field(ui, lang, form, FactField::Unavailable);
        if ui.button(T::BreachSaveFacts.get(lang)).clicked() {
            save_facts = Some(2);
        }
        feedback_here(ui, form, Spot::Facts(2));
    });
    section(ui, lang, T::BreachSectionData, false, |ui| {
        let d = &mut form.details;
        ui.label(RichText::new(T::FDataHeading.get(lang)).strong());
        ui.checkbox(&mut d.data_identity, T::FDataIdentity.get(lang));
        ui.checkbox(&mut d.data_contact, T::FDataContact.get(lang));
        ui.checkbox(&mut d.data_nir, T::FDataNir.get(lang));
        ui.checkbox(&mut d.data_health, T::FDataHealth.get(lang));
        ui.checkbox(&mut d.data_images, T::FDataImages.get(lang));
        ui.checkbox(&mut d.data_financial, T::FDataFinancial.get(lang));
        widgets::labelled_field(ui, T::FDataOther.get(lang), &mut d.data_other, None);
        fact_field(ui, lang, form, FactField::Records);
        fact_field(ui, lang, form, FactField::People);
        let d = &mut form.details;
        ui.label(RichText::new(T::FPeopleHeading.get(lang)).strong());
        ui.checkbox(&mut d.people_patients, T::FPatients.get(lang));
        ui.checkbox(&mut d.people_staff, T::FStaff.get(lang));
        known_choice(ui, lang, T::FMinors, &mut d.minors);
        known_choice(ui, lang, T::FVulnerable, &mut d.vulnerable);
        if ui.button(T::BreachSaveFacts.get(lang)).clicked() {
            save_facts = Some(3);
        }
        feedback_here(ui, form, Spot::Facts(3));
    });
    section(ui, lang, T::BreachSectionMeasures, false, |ui| {
        let d = &mut form.details;
        widgets::labelled_multiline(ui, T::FMeasuresBefore.get(lang), &mut d.measures_before);
        widgets::labelled_multiline(ui, T::FConsequences.get(lang), &mut d.consequences);
        combo(
            ui,
            "breach_severity",
            T::FSeverity.get(lang),
            &mut d.severity,
            &Severity::ALL,
            |s| names::severity(s).get(lang),
        );
        widgets::labelled_multiline(ui, T::FMeasuresAfter.get(lang), &mut d.measures_after);
        widgets::labelled_multiline(ui, T::FMeasuresPlanned.get(lang), &mut d.measures_planned);
        ui.checkbox(&mut d.risk_removed, T::FRiskRemoved.get(lang));
        ui.checkbox(&mut d.people_unreachable, T::FUnreachable.get(lang));
        widgets::labelled_multiline(ui, T::FProcessors.get(lang), &mut d.processors);
        widgets::labelled_multiline(ui, T::FOtherAuthorities.get(lang), &mut d.other_authorities);
        widgets::labelled_field(ui, T::FContactRole.get(lang), &mut d.contact_role, None);
        widgets::labelled_field(ui, T::FContactPhone.get(lang), &mut d.contact_phone, None);
        if ui.button(T::BreachSaveFacts.get(lang)).clicked() {
            save_facts = Some(4);
        }
        feedback_here(ui, form, Spot::Facts(4));
    });
    if let Some(section) = save_facts {
        // The fields that read well are saved even when another does not; those that do not stay as
        // typed, their reason beside them.
        form.pressed = Spot::Facts(section);
        let (details, errors) = form.applicable(lang);
        if details != b.details {
            apply(commands, Change::Facts(Box::new(details)));
        }
        if !errors.is_empty() {
            form.feedback = Some((form.pressed, Err(errors.join("\n"))));
        }
    }

    // The helper works on the facts as typed, so that the doctor sees the effect of each answer.
    let advice = decision::advise(&form.applicable(lang).0);
    // What goes into the register with a decision is the recommendation on the facts recorded.
    let recorded = decision::advise(&b.details);
    section(ui, lang, T::BreachSectionDecisions, true, |ui| {
        let (cnil, people) = present::advice_lines(&advice, lang);
        for (i, line) in cnil.iter().enumerate() {
            let text = RichText::new(line);
            ui.add(egui::Label::new(if i == 0 { text.strong() } else { text }).wrap());
        }
        decision_row(
            ui,
            lang,
            Question::NotifyCnil,
            b,
            form,
            recorded.notify(),
            commands,
            by,
        );
        ui.add_space(6.0);
        for (i, line) in people.iter().enumerate() {
            let text = RichText::new(line);
            ui.add(egui::Label::new(if i == 0 { text.strong() } else { text }).wrap());
        }
        decision_row(
            ui,
            lang,
            Question::InformPeople,
            b,
            form,
            recorded.inform(),
            commands,
            by,
        );
        ui.add_space(4.0);
        ui.add(egui::Label::new(RichText::new(T::CeNuance.get(lang)).small().weak()).wrap());
    });

    section(ui, lang, T::BreachSectionNotify, true, |ui| {
        for n in &b.notifications {
            ui.label(format!(
                "{} — {}",
                names::notification_kind(n.kind).get(lang),
                tr::breach_notified_on(lang, format_datetime(n.at, lang), &n.reference)
            ));
        }
        if let Some(c) = present::complement_text(b, lang) {
            ui.label(RichText::new(c).color(AMBER));
        }
        // The next real step is the prominent one: prepare the draft; then, once filed on the CNIL's
        // site, record it with the number the CNIL gave.
        let drafted = b.prepared_at(Prepared::CnilDraft);
        let pressed = &mut form.pressed;
        let mut export = |ui: &mut Ui, primary: bool| {
            let text = T::BreachPrepareDraft.get(lang);
            let clicked = if primary {
                widgets::primary_button(ui, text, !busy).clicked()
            } else {
                ui.add_enabled(!busy, egui::Button::new(text)).clicked()
            };
            if clicked {
                *pressed = Spot::Draft;
                commands.send(Command::Breach(BreachCommand::Export {
                    kind: Document::BreachNotification(id),
                    lang: doc_lang,
                    path: None,
                }));
            }
        };
        export(ui, drafted.is_none() && b.notifications.is_empty());
        feedback_here(ui, form, Spot::Draft);
        if let Some(at) = drafted {
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    T::BreachDraftPrepared.get(lang),
                    format_datetime(at, lang)
                ))
                .small()
                .weak(),
            );
        }
        ui.add_space(4.0);
        ui.add(egui::Label::new(T::BreachFileOnCnil.get(lang)).wrap());
        combo(
            ui,
            "breach_notif_kind",
            T::BreachNotifKind.get(lang),
            &mut form.notif_kind,
            &[
                NotificationKind::Initial,
                NotificationKind::Complete,
                NotificationKind::Complementary,
            ],
            |k| names::notification_kind(k).get(lang),
        );
        time_field(ui, lang, T::BreachNotifAt, &mut form.notif_at);
        widgets::labelled_field(
            ui,
            T::BreachNotifReference.get(lang),
            &mut form.reference,
            None,
        );
        let at = clock::parse_paris(&form.notif_at).ok();
        let late = form.notif_kind != NotificationKind::Complementary
            && b.details
                .aware_at
                .zip(at)
                .is_some_and(|(aware, at)| clock::is_late(aware, at));
        if late {
            widgets::labelled_multiline(ui, T::BreachLateReasons.get(lang), &mut form.late_reasons);
        }
        if drafted.is_none() {
            ui.checkbox(&mut form.filed_other_way, T::BreachFiledOtherWay.get(lang));
        }
        let ready = drafted.is_some() || form.filed_other_way;
        let record = T::BreachMarkNotifiedFiled.get(lang);
        let clicked = if ready {
            widgets::primary_button(ui, record, true).clicked()
        } else {
            ui.button(record).clicked()
        };
        if clicked {
            form.pressed = Spot::Notify;
            if form.notif_at.trim().is_empty() {
                form.feedback =
                    Some((Spot::Notify, Err(T::ErrBreachNoSentAt.get(lang).to_owned())));
            } else {
                match clock::parse_paris(&form.notif_at) {
                    Ok(at) => apply(
                        commands,
                        Change::Notified {
                            kind: form.notif_kind,
                            at,
                            reference: form.reference.trim().to_owned(),
                            late_reasons: form.late_reasons.trim().to_owned(),
                            filed_other_way: drafted.is_none() && form.filed_other_way,
                        },
                    ),
                    Err(e) => form.feedback = Some((Spot::Notify, Err(e.localize(lang)))),
                }
            }
        }
        feedback_here(ui, form, Spot::Notify);
        if ui.button(T::BreachAttachAck.get(lang)).clicked() {
            form.pressed = Spot::Notify;
            commands.send(Command::Breach(BreachCommand::Attach {
                id,
                purpose: Purpose::CnilAcknowledgement,
                by: by.to_owned(),
                path: None,
            }));
        }
    });

    section(ui, lang, T::BreachSectionPeople, false, |ui| {
        if let Some(i) = &b.informed {
            ui.label(tr::pdf_informed_line(
                lang,
                format_datetime(i.at, lang),
                &i.channel,
            ));
        }
        let kind = present::letter_kind(b);
        if let present::LetterKind::Refused(reason) = &kind {
            ui.add(
                egui::Label::new(RichText::new(tr::letter_refused(lang, reason)).color(AMBER))
                    .wrap(),
            );
        } else {
            letter_editor(ui, lang, b, form, practice, commands, by);
        }
        ui.add(egui::Label::new(T::BreachInformFirst.get(lang)).wrap());
        let refused = matches!(kind, present::LetterKind::Refused(_));
        if ui
            .add_enabled(
                !busy && !refused,
                egui::Button::new(T::BreachExportLetter.get(lang)),
            )
            .clicked()
        {
            form.pressed = Spot::Letter;
            commands.send(Command::Breach(BreachCommand::Export {
                kind: Document::PatientLetter(id),
                lang: doc_lang,
                path: None,
            }));
        }
        feedback_here(ui, form, Spot::Letter);
        time_field(ui, lang, T::BreachInformedAt, &mut form.informed_at);
        widgets::labelled_field(
            ui,
            T::BreachInformedChannel.get(lang),
            &mut form.channel,
            None,
        );
        widgets::labelled_field(
            ui,
            T::BreachInformedCount.get(lang),
            &mut form.informed_people,
            None,
        );
        if ui.button(T::BreachMarkInformed.get(lang)).clicked() {
            form.pressed = Spot::People;
            let people = crate::breach::Count::parse(&form.informed_people)
                .map_err(|_err| T::FieldCount.get(lang).to_owned());
            let at = if form.informed_at.trim().is_empty() {
                Err(T::ErrBreachNoInformedAt.get(lang).to_owned())
            } else {
                clock::parse_paris(&form.informed_at).map_err(|e| e.localize(lang))
            };
            match (at, people) {
                (Ok(at), Ok(people)) => apply(
                    commands,
                    Change::PeopleInformed {
                        at,
                        channel: form.channel.trim().to_owned(),
                        people,
                    },
                ),
                (Err(e), _) | (_, Err(e)) => form.feedback = Some((Spot::People, Err(e))),
            }
        }
        feedback_here(ui, form, Spot::People);
    });
    section(ui, lang, T::BreachSectionFiles, false, |ui| {
        for a in &b.attachments {
            ui.label(
                RichText::new(tr::breach_attachment_line(
                    lang,
                    &a.name,
                    names::purpose(a.purpose).get(lang),
                    format_size(a.size, lang),
                    &a.sha256[..16],
                ))
                .small(),
            );
        }
        if ui.button(T::BreachAttachEvidence.get(lang)).clicked() {
            form.pressed = Spot::Files;
            commands.send(Command::Breach(BreachCommand::Attach {
                id,
                purpose: Purpose::Evidence,
                by: by.to_owned(),
                path: None,
            }));
        }
        feedback_here(ui, form, Spot::Files);
    });

    section(ui, lang, T::BreachSectionReminders, true, |ui| {
        for line in present::reminder_lines(b, lang) {
            ui.add(egui::Label::new(format!("• {line}")).wrap());
        }
    });

    section(ui, lang, T::BreachSectionHistory, false, |ui| {
        for line in present::history_lines(register, b, lang) {
            ui.label(RichText::new(line).small());
        }
    });
}

/// The letter's patient-facing texts, editable; each save is an event of the register.
fn letter_editor(
    ui: &mut Ui,
    lang: Lang,
    b: &Breach,
    form: &mut BreachForm,
    practice: &crate::practice::Profile,
    commands: &CommandSender,
    by: &str,
) {
    ui.label(RichText::new(T::BreachLetterHeading.get(lang)).strong());
    if present::letter_kind(b) == present::LetterKind::PublicNotice {
        ui.add(egui::Label::new(RichText::new(T::PublicNoticeWhere.get(lang)).weak()).wrap());
    }
    ui.add(egui::Label::new(RichText::new(T::PdfLetterDraftNote.get(lang)).weak()).wrap());
    let letter = form.letter.get_or_insert_with(|| {
        b.letter
            .clone()
            .unwrap_or_else(|| present::letter_draft(b, practice, lang))
    });
    let mut edited = false;
    let crate::breach::LetterText {
        what_happened,
        what_it_means,
        what_we_did,
        what_you_can_do,
        whom_to_call,
        phone,
    } = letter;
    for (label, text) in [
        (T::PdfLetterWhat, what_happened),
        (T::LetterHeadingMeans, what_it_means),
        (T::PdfLetterMeasures, what_we_did),
        (T::PdfLetterAdvice, what_you_can_do),
        (T::PdfLetterContact, whom_to_call),
    ] {
        edited |= widgets::labelled_multiline(ui, label.get(lang), text).changed();
    }
    edited |= widgets::labelled_field(ui, T::LetterPhoneLabel.get(lang), phone, None).changed();
    form.letter_edited |= edited;
    ui.horizontal_wrapped(|ui| {
        if ui.button(T::BreachLetterSave.get(lang)).clicked() {
            form.pressed = Spot::LetterText;
            let text = form.letter.clone().unwrap_or_default();
            commands.send(Command::Breach(BreachCommand::Apply {
                id: b.id,
                change: Change::Letter(Box::new(text)),
                by: by.to_owned(),
            }));
        }
        if ui.button(T::BreachLetterRedraft.get(lang)).clicked() {
            form.letter = Some(present::letter_draft(b, practice, lang));
            form.letter_edited = true;
        }
    });
    feedback_here(ui, form, Spot::LetterText);
}

#[expect(
    clippy::too_many_arguments,
    reason = "one row of the panel, handed the panel's parts"
)]
fn decision_row(
    ui: &mut Ui,
    lang: Lang,
    question: Question,
    b: &Breach,
    form: &mut BreachForm,
    recommended: bool,
    commands: &CommandSender,
    by: &str,
) {
    let BreachForm {
        notify_yes,
        notify_reason,
        inform_yes,
        inform_reason,
        pressed,
        feedback,
        ..
    } = form;
    let (label, recorded, yes, reason) = match question {
        Question::NotifyCnil => (T::BreachDecideNotify, &b.notify, notify_yes, notify_reason),
        Question::InformPeople => (T::BreachDecideInform, &b.inform, inform_yes, inform_reason),
    };
    if let Some(d) = recorded {
        ui.label(
            RichText::new(tr::breach_decision_line(
                lang,
                names::yes_no(d.yes).get(lang),
                &d.reason,
                &d.by,
                format_datetime(d.at, lang),
                names::yes_no(d.recommended).get(lang),
            ))
            .color(theme::OK),
        );
    }
    // Nothing chosen until the doctor chooses; the recommendation beside its answer.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(label.get(lang)).strong());
        for answer in [true, false] {
            let name = names::yes_no(answer).get(lang);
            let text = if answer == recommended {
                format!("{name} ({})", T::BreachRecommended.get(lang))
            } else {
                name.to_owned()
            };
            if ui.radio(*yes == Some(answer), text).clicked() {
                *yes = Some(answer);
            }
        }
    });
    let against = yes.is_some_and(|y| y != recommended);
    if against {
        ui.add(
            egui::Label::new(RichText::new(T::BreachAgainstAdvice.get(lang)).color(AMBER)).wrap(),
        );
    }
    let reason_label = if against {
        T::BreachAgainstReason
    } else {
        T::BreachDecisionReason
    };
    widgets::labelled_field(ui, reason_label.get(lang), reason, None);
    let spot = Spot::Decision(question);
    if ui.button(T::BreachRecordDecision.get(lang)).clicked() {
        *pressed = spot;
        match *yes {
            None => *feedback = Some((spot, Err(T::ErrBreachNoChoice.get(lang).to_owned()))),
            // Refused before it is sent: a choice against the advice needs its reason.
            Some(_) if against && reason.trim().is_empty() => {
                *feedback = Some((spot, Err(T::ErrBreachAgainstAdvice.get(lang).to_owned())));
            }
            Some(answer) => commands.send(Command::Breach(BreachCommand::Apply {
                id: b.id,
                change: Change::Decision {
                    question,
                    yes: answer,
                    reason: reason.trim().to_owned(),
                    recommended,
                },
                by: by.to_owned(),
            })),
        }
    }
    if let Some((at, result)) = feedback.as_ref()
        && *at == spot
    {
        let (message, color) = match result {
            Ok(m) => (m, theme::OK),
            Err(m) => (m, theme::ERROR),
        };
        ui.add(egui::Label::new(RichText::new(message).color(color)).wrap());
    }
}

/// The dashboard's card: every open breach with its countdown, and the way to the register.
pub fn dashboard_card(
    ui: &mut Ui,
    lang: Lang,
    register: &crate::breach::BreachRegister,
    commands: &CommandSender,
) {
    let now = jiff::Timestamp::now();
    widgets::card(ui, T::NavBreaches.get(lang), |ui| {
        let open: Vec<Breach> = register
            .breaches()
            .into_iter()
            .filter(|b| b.status != Status::Closed)
            .collect();
        if open.is_empty() {
            ui.label(RichText::new(T::DashNoOpenBreach.get(lang)).color(theme::OK));
        }
        for b in &open {
            let (text, urgency) = present::clock_text(b, now, lang);
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("{} — {}", tr::breach_number(lang, b.id), b.title))
                        .strong(),
                );
                ui.label(RichText::new(text).color(urgency_color(urgency)).strong());
            });
        }
        if ui.button(T::DashBreachesOpen.get(lang)).clicked() {
            commands.send(Command::Navigate(crate::ui::breaches::PAGE));
        }
    });
}

/// Opens the page, showing no breach yet.
pub fn open(init: &crate::ui::page::PageInit<'_>) -> crate::ui::page::Page {
    open_on(init, None)
}

/// Opens the page on `selected`, its draft's texts over its facts.
pub fn open_on(
    init: &crate::ui::page::PageInit<'_>,
    selected: Option<BreachId>,
) -> crate::ui::page::Page {
    let lang = init.lang;
    let recorder = init
        .vault
        .map(|v| v.contents().practice.practitioner.trim().to_owned())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| T::RespondentDoctor.get(lang).to_owned());
    let breach = selected.and_then(|id| init.vault?.contents().breaches.breach(id));
    let none = crate::practice_file::Drafts::default();
    let drafts = init.vault.map_or(&none, |v| &v.contents().drafts);
    crate::ui::page::Page::new(
        super::PAGE,
        BreachesView::new(lang, recorder, breach.as_ref(), drafts),
    )
}

impl crate::ui::page::PageView for BreachesView {
    fn show(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        show(ui, cx, self);
    }
}
