//! The breach register in words: the countdown, the facts as labelled rows (for the screen, the
//! documents and `vigie breach show`), the helper's advice; the command line's text and JSON.

use std::io::Write;

use jiff::Timestamp;
use serde::Serialize;

use crate::breach::clock::{Countdown, Urgency};
use crate::breach::decision::{self, Advice};
use crate::breach::{Breach, BreachRegister, Details, Known, LetterText, Status};
use crate::i18n::{Lang, T, format_datetime, format_int, names, tr};

/// The clock still running for a breach: the 72 hours from awareness until the CNIL is notified, then
/// the complementary notification's (72 hours from the first) while one is expected; `None` once
/// nothing is due (notified and complete, decided not to notify, closed) or awareness is not recorded.
pub fn running_countdown(b: &Breach, now: Timestamp) -> Option<Countdown> {
    if let Some(n) = b.first_notification() {
        return b.complement_pending().then(|| Countdown::from(n.at, now));
    }
    if b.notify.as_ref().is_some_and(|d| !d.yes) || b.status == Status::Closed {
        return None;
    }
    b.details.aware_at.map(|aware| Countdown::from(aware, now))
}

/// Where a breach stands against the 72 hours, in words, and how pressing it is (`None`: nothing is
/// running any more — notified, decided not to notify, or closed).
pub fn clock_text(b: &Breach, now: Timestamp, lang: Lang) -> (String, Option<Urgency>) {
    if let Some(n) = b.first_notification() {
        if b.complement_pending() {
            // The CNIL asks for the complement within 72 hours of the initial notification.
            let c = Countdown::from(n.at, now);
            let (h, m) = c.hours_minutes();
            let deadline = format_datetime(c.deadline, lang);
            let text = if c.urgency == Urgency::Overdue {
                tr::breach_complement_late(lang, &n.reference, h, m, deadline)
            } else {
                tr::breach_complement_left(lang, &n.reference, h, m, deadline)
            };
            return (text, Some(c.urgency));
        }
        let text = tr::breach_notified_on(lang, format_datetime(n.at, lang), &n.reference);
        return (text, None);
    }
    if b.notify.as_ref().is_some_and(|d| !d.yes) || b.status == Status::Closed {
        return (T::BreachNotNotified.get(lang).to_owned(), None);
    }
    let Some(aware) = b.details.aware_at else {
        return (
            T::BreachNoAwareness.get(lang).to_owned(),
            Some(Urgency::Soon),
        );
    };
    let c = Countdown::from(aware, now);
    (countdown_text(&c, lang), Some(c.urgency))
}

/// "41 h 12 min left…" or "overdue by…", with the deadline in French time.
pub fn countdown_text(c: &Countdown, lang: Lang) -> String {
    let (h, m) = c.hours_minutes();
    let deadline = format_datetime(c.deadline, lang);
    if c.urgency == Urgency::Overdue {
        tr::breach_overdue(lang, h, m, deadline)
    } else {
        tr::breach_remaining(lang, h, m, deadline)
    }
}

/// The reminder of a complementary notification, while one is expected.
pub fn complement_text(b: &Breach, lang: Lang) -> Option<String> {
    if !b.complement_pending() {
        return None;
    }
    let first = b.first_notification()?;
    let due = crate::breach::clock::deadline(first.at);
    Some(tr::breach_complement_due(lang, format_datetime(due, lang)))
}

/// "label: value", without a colon after a question ("Des mineurs sont-ils concernés ? Oui").
pub fn labelled(label: &str, value: &str, lang: Lang) -> String {
    if label.trim_end().ends_with('?') {
        format!("{label} {value}")
    } else {
        format!("{label}{}{value}", colon(lang))
    }
}

/// The colon as each language writes it (a space before it in French).
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

fn time(t: Option<Timestamp>, lang: Lang) -> String {
    t.map_or_else(
        || T::NotGiven.get(lang).to_owned(),
        |t| format_datetime(t, lang),
    )
}

fn text(s: &str, lang: Lang) -> String {
    if s.trim().is_empty() {
        T::NotGiven.get(lang).to_owned()
    } else {
        s.to_owned()
    }
}

/// A count as the user typed it ("environ 25"), an exact number with the language's digit groups,
/// "not given" when unset.
pub fn count(n: Option<&crate::breach::Count>, lang: Lang) -> String {
    match n {
        None => T::NotGiven.get(lang).to_owned(),
        Some(c) if c.is_plain() => format_int(c.low, lang),
        Some(c) => c.text.clone(),
    }
}

fn known(k: Known, lang: Lang) -> String {
    names::known(k).get(lang).to_owned()
}

/// The names of the items switched on, joined by `sep` ("not given" when none).
fn named(items: &[(bool, T)], extra: &str, sep: &str, lang: Lang) -> String {
    let mut list: Vec<&str> = items
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, t)| t.get(lang))
        .collect();
    if !extra.trim().is_empty() {
        list.push(extra.trim());
    }
    if list.is_empty() {
        T::NotGiven.get(lang).to_owned()
    } else {
        list.join(sep)
    }
}

/// The natures of the breach, named.
pub fn natures(d: &Details, lang: Lang) -> String {
    let items = [
        (d.confidentiality, T::FConfidentiality),
        (d.integrity, T::FIntegrity),
        (d.availability, T::FAvailability),
    ];
    named(&items, "", "\n", lang)
}

/// The categories of data, named.
pub fn categories(d: &Details, lang: Lang) -> String {
    let items = [
        (d.data_identity, T::FDataIdentity),
        (d.data_contact, T::FDataContact),
        (d.data_nir, T::FDataNir),
        (d.data_health, T::FDataHealth),
        (d.data_images, T::FDataImages),
        (d.data_financial, T::FDataFinancial),
    ];
    named(&items, &d.data_other, ", ", lang)
}

/// The categories of people, named.
pub fn people_categories(d: &Details, lang: Lang) -> String {
    let items = [
        (d.people_patients, T::FPatients),
        (d.people_staff, T::FStaff),
    ];
    named(&items, "", ", ", lang)
}

/// A section of a breach's facts: its title and its labelled rows.
pub type Section = (T, Vec<(&'static str, String)>);

/// The facts of a breach, section by section, labelled, in the user's language.
pub fn sections(b: &Breach, lang: Lang) -> Vec<Section> {
    let mut out = fact_sections(&b.details, lang);
    out.push((T::BreachSectionDecisions, decision_rows(b, lang)));
    out
}

/// The facts alone, section by section, labelled (what one `Facts` event holds).
pub fn fact_sections(d: &crate::breach::Details, lang: Lang) -> Vec<Section> {
    let ended = if d.ongoing {
        T::PdfOngoing.get(lang).to_owned()
    } else {
        time(d.ended_at, lang)
    };
    let hours = d
        .unavailable_hours
        .map_or_else(|| T::NotGiven.get(lang).to_owned(), |h| format_int(h, lang));
    vec![
        (
            T::BreachSectionTimes,
            vec![
                (T::FStarted.get(lang), time(d.started_at, lang)),
                (T::FEnded.get(lang), ended),
                (T::FDiscovered.get(lang), time(d.discovered_at, lang)),
                (
                    T::FProcessorAlert.get(lang),
                    time(d.processor_alert_at, lang),
                ),
                (T::DocAware.get(lang), time(d.aware_at, lang)),
                (
                    T::FAwareAfterAlert.get(lang),
                    text(&d.aware_after_alert_reason, lang),
                ),
                (T::FHowDiscovered.get(lang), text(&d.how_discovered, lang)),
                (
                    T::FToldByCnil.get(lang),
                    names::yes_no(d.told_by_cnil).get(lang).to_owned(),
                ),
            ],
        ),
        (
            T::BreachSectionNature,
            vec![
                (T::FNature.get(lang), natures(d, lang)),
                (
                    T::FOrigin.get(lang),
                    names::origin(d.origin).get(lang).to_owned(),
                ),
                (
                    T::FIntent.get(lang),
                    names::intent(d.intent).get(lang).to_owned(),
                ),
                (
                    T::FCause.get(lang),
                    names::cause(d.cause).get(lang).to_owned(),
                ),
                (T::DocDescription.get(lang), text(&d.description, lang)),
                (T::FCopiedOut.get(lang), known(d.copied_out, lang)),
                (
                    T::FExposure.get(lang),
                    names::exposure(d.exposure).get(lang).to_owned(),
                ),
                (T::FEncrypted.get(lang), known(d.encrypted, lang)),
                (T::FKeyCompromised.get(lang), known(d.key_compromised, lang)),
                (T::FBackup.get(lang), known(d.backup, lang)),
                (T::FUnavailableHours.get(lang), hours),
            ],
        ),
        (
            T::BreachSectionData,
            vec![
                (T::FDataHeading.get(lang), categories(d, lang)),
                (T::FRecords.get(lang), count(d.records.as_ref(), lang)),
                (T::FPeople.get(lang), count(d.people.as_ref(), lang)),
                (T::FPeopleHeading.get(lang), people_categories(d, lang)),
                (T::FMinors.get(lang), known(d.minors, lang)),
                (T::FVulnerable.get(lang), known(d.vulnerable, lang)),
            ],
        ),
        (
            T::BreachSectionMeasures,
            vec![
                (T::FMeasuresBefore.get(lang), text(&d.measures_before, lang)),
                (T::FConsequences.get(lang), text(&d.consequences, lang)),
                (
                    T::FSeverity.get(lang),
                    names::severity(d.severity).get(lang).to_owned(),
                ),
                (T::FMeasuresAfter.get(lang), text(&d.measures_after, lang)),
                (
                    T::FMeasuresPlanned.get(lang),
                    text(&d.measures_planned, lang),
                ),
                (T::DocContactRole.get(lang), text(&d.contact_role, lang)),
                (T::FContactPhone.get(lang), text(&d.contact_phone, lang)),
                (T::FProcessors.get(lang), text(&d.processors, lang)),
                (
                    T::FOtherAuthorities.get(lang),
                    text(&d.other_authorities, lang),
                ),
            ],
        ),
    ]
}

/// Where the notification to the CNIL stands, in words that stay true on paper: dates only, never a
/// time left; consistent with the decision recorded.
pub fn notification_record_text(b: &Breach, lang: Lang) -> String {
    if let Some(n) = b.first_notification() {
        let text = tr::breach_notified_on(lang, format_datetime(n.at, lang), &n.reference);
        return match b.details.aware_at {
            Some(aware) if crate::breach::clock::is_late(aware, n.at) => {
                format!("{text} — {}", T::PdfAfter72Hours.get(lang))
            }
            _ => text,
        };
    }
    let due = |aware| format_datetime(crate::breach::clock::deadline(aware), lang);
    match (&b.notify, b.details.aware_at) {
        (Some(d), _) if !d.yes => tr::pdf_not_notified_decided(lang, format_datetime(d.at, lang)),
        (Some(_), Some(aware)) => tr::pdf_notify_decided_due(lang, due(aware)),
        (Some(_), None) => T::PdfNotifyDecidedNoAwareness.get(lang).to_owned(),
        (None, Some(aware)) => tr::pdf_notify_undecided_due(lang, due(aware)),
        (None, None) => T::BreachNoAwareness.get(lang).to_owned(),
    }
}

/// One event of a breach as the register prints it: a line naming it (number, time, author, kind,
/// short hash) and its content in full — a note's text, a decision with its reason, for a new version
/// of the facts each field that changed with its earlier value.
pub fn event_entries(
    register: &BreachRegister,
    b: &Breach,
    lang: Lang,
) -> Vec<(String, Vec<String>)> {
    let mut facts = crate::breach::Details::default();
    let sep = colon(lang);
    b.events
        .iter()
        .filter_map(|seq| register.event(*seq))
        .map(|e| {
            let kind = names::change_kind(e.change.kind()).get(lang);
            let head = format!(
                "{} · #{}",
                tr::breach_event_line(lang, e.seq, format_datetime(e.at, lang), &e.by, kind),
                &hex::encode(e.hash)[..12]
            );
            let body = match &e.change {
                crate::breach::Change::Opened { title } => vec![title.clone()],
                crate::breach::Change::Facts(new) => {
                    let lines = facts_changes(&facts, new, lang);
                    facts = (**new).clone();
                    lines
                }
                crate::breach::Change::Status(s) => {
                    vec![names::breach_status(*s).get(lang).to_owned()]
                }
                crate::breach::Change::Decision {
                    question,
                    yes,
                    reason,
                    recommended,
                } => {
                    let q = match question {
                        crate::breach::Question::NotifyCnil => T::BreachDecideNotify,
                        crate::breach::Question::InformPeople => T::BreachDecideInform,
                    };
                    vec![
                        labelled(q.get(lang), names::yes_no(*yes).get(lang), lang),
                        format!("{}{sep}{reason}", T::BreachDecisionReason.get(lang)),
                        format!(
                            "{}{sep}{}",
                            T::PdfVigieRecommended.get(lang),
                            names::yes_no(*recommended).get(lang)
                        ),
                    ]
                }
                crate::breach::Change::Notified {
                    kind,
                    at,
                    reference,
                    late_reasons,
                    filed_other_way,
                } => {
                    let mut lines = vec![
                        format!(
                            "{}{sep}{}",
                            T::BreachNotifKind.get(lang),
                            names::notification_kind(*kind).get(lang)
                        ),
                        tr::breach_notified_on(lang, format_datetime(*at, lang), reference),
                    ];
                    if !late_reasons.trim().is_empty() {
                        lines.push(format!(
                            "{}{sep}{late_reasons}",
                            T::DocLateReasons.get(lang)
                        ));
                    }
                    if *filed_other_way {
                        lines.push(T::BreachFiledOtherWay.get(lang).to_owned());
                    }
                    lines
                }
                crate::breach::Change::PeopleInformed {
                    at,
                    channel,
                    people,
                } => {
                    let mut lines = vec![tr::pdf_informed_line(
                        lang,
                        format_datetime(*at, lang),
                        channel,
                    )];
                    if people.is_some() {
                        lines.push(format!(
                            "{}{sep}{}",
                            T::BreachInformedCount.get(lang),
                            count(people.as_ref(), lang)
                        ));
                    }
                    lines
                }
                crate::breach::Change::Attached {
                    name,
                    purpose,
                    sha256,
                    size,
                } => vec![tr::breach_attachment_line(
                    lang,
                    name,
                    names::purpose(*purpose).get(lang),
                    crate::i18n::format_size(*size, lang),
                    sha256,
                )],
                crate::breach::Change::Note(text) => vec![text.clone()],
                crate::breach::Change::Prepared(what) => {
                    vec![names::prepared(*what).get(lang).to_owned()]
                }
                crate::breach::Change::Letter(text) => {
                    let mut lines: Vec<String> = letter_parts(text)
                        .iter()
                        .map(|(t, v)| labelled(t.get(lang), v, lang))
                        .collect();
                    lines.push(labelled(T::PdfPhone.get(lang), &text.phone, lang));
                    lines
                }
            };
            (head, body)
        })
        .collect()
}

/// Each field that differs between two versions of the facts: "label: new (before: old)".
fn facts_changes(
    old: &crate::breach::Details,
    new: &crate::breach::Details,
    lang: Lang,
) -> Vec<String> {
    let before = fact_sections(old, lang);
    let after = fact_sections(new, lang);
    let mut out = Vec::new();
    for ((_, rows_before), (_, rows_after)) in before.iter().zip(&after) {
        for ((_, was), (label, now)) in rows_before.iter().zip(rows_after) {
            if was != now {
                out.push(if *old == crate::breach::Details::default() {
                    labelled(label, now, lang)
                } else {
                    tr::pdf_fact_changed(lang, labelled(label, now, lang), was)
                });
            }
        }
    }
    if out.is_empty() {
        out.push(T::PdfFactsUnchanged.get(lang).to_owned());
    }
    out
}

/// The two decisions, as recorded, with the helper's recommendation at that moment.
pub fn decision_rows(b: &Breach, lang: Lang) -> Vec<(&'static str, String)> {
    let line = |d: &Option<crate::breach::Decision>| {
        d.as_ref().map_or_else(
            || T::BreachNoDecision.get(lang).to_owned(),
            |d| {
                tr::breach_decision_line(
                    lang,
                    names::yes_no(d.yes).get(lang),
                    &d.reason,
                    &d.by,
                    format_datetime(d.at, lang),
                    names::yes_no(d.recommended).get(lang),
                )
            },
        )
    };
    vec![
        (T::BreachDecideNotify.get(lang), line(&b.notify)),
        (T::BreachDecideInform.get(lang), line(&b.inform)),
    ]
}

/// A reason of the helper as a sentence: a fact entered, or one not yet known ("Pas encore connu :
/// si les données étaient chiffrées…", with what is assumed meanwhile).
pub fn reason_line(r: decision::Reason, lang: Lang) -> String {
    match r {
        decision::Reason::NotYetKnown(_) => format!(
            "{}{}{}",
            T::ReasonNotYetKnown.get(lang),
            colon(lang),
            names::reason(r).get(lang)
        ),
        _ => names::reason(r).get(lang).to_owned(),
    }
}

/// The helper's advice, as sentences: the CNIL's recommendation and its reasons, then the people's.
/// The reasons state only the facts entered; a fact that weighs and is not known yet is shown as such.
pub fn advice_lines(advice: &Advice, lang: Lang) -> (Vec<String>, Vec<String>) {
    let cnil = std::iter::once(names::cnil_advice(advice.cnil).get(lang).to_owned())
        .chain(
            advice
                .cnil_reasons
                .iter()
                .map(|r| format!("• {}", reason_line(*r, lang))),
        )
        .collect();
    let people = std::iter::once(names::people_advice(advice.people).get(lang).to_owned())
        .chain(
            advice
                .people_reasons
                .iter()
                .map(|r| format!("• {}", reason_line(*r, lang))),
        )
        .collect();
    (cnil, people)
}

/// The reminders beyond the GDPR, as sentences (the police complaint with its deadline).
pub fn reminder_lines(b: &Breach, lang: Lang) -> Vec<String> {
    let advice = decision::advise(&b.details);
    advice
        .reminders
        .iter()
        .map(|r| {
            let mut line = names::reminder(*r).get(lang).to_owned();
            if *r == decision::Reminder::PoliceComplaint
                && let Some(aware) = b.details.aware_at
            {
                let due = crate::breach::clock::deadline(aware);
                line = format!(
                    "{line} {}",
                    tr::breach_police_due(lang, format_datetime(due, lang))
                );
            }
            line
        })
        .collect()
}

/// The history of a breach: one line per event (number, date, who, what).
pub fn history_lines(register: &BreachRegister, b: &Breach, lang: Lang) -> Vec<String> {
    b.events
        .iter()
        .filter_map(|seq| register.event(*seq))
        .map(|e| {
            let what = match &e.change {
                crate::breach::Change::Status(s) => format!(
                    "{}{}{}",
                    names::change_kind(e.change.kind()).get(lang),
                    colon(lang),
                    names::breach_status(*s).get(lang)
                ),
                other => names::change_kind(other.kind()).get(lang).to_owned(),
            };
            tr::breach_event_line(lang, e.seq, format_datetime(e.at, lang), &e.by, what)
        })
        .collect()
}

/// `vigie breach list`, as text: one line per breach (number, status, title, the clock).
pub fn list_text(
    out: &mut dyn Write,
    register: &BreachRegister,
    now: Timestamp,
    lang: Lang,
) -> std::io::Result<()> {
    let breaches = register.breaches();
    if breaches.is_empty() {
        writeln!(out, "{}", T::CliBreachNone.get(lang))?;
    }
    for b in &breaches {
        let (clock, _) = clock_text(b, now, lang);
        writeln!(
            out,
            "{}",
            tr::cli_breach_line(
                lang,
                b.id,
                names::breach_status(b.status).get(lang),
                super::escape_for_terminal(&b.title),
                clock
            )
        )?;
    }
    Ok(())
}

/// `vigie breach show ID`, as text: the title, the clock, every section, the notifications, the
/// files and the history.
pub fn show_text(
    out: &mut dyn Write,
    register: &BreachRegister,
    b: &Breach,
    now: Timestamp,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} — {}",
        tr::breach_number(lang, b.id),
        super::escape_for_terminal(&b.title)
    )?;
    writeln!(
        out,
        "{}{}{}",
        T::BreachStatusLabel.get(lang),
        colon(lang),
        names::breach_status(b.status).get(lang)
    )?;
    writeln!(out, "{}", clock_text(b, now, lang).0)?;
    if let Some(c) = complement_text(b, lang) {
        writeln!(out, "{c}")?;
    }
    for (title, rows) in sections(b, lang) {
        writeln!(out, "\n{}", title.get(lang))?;
        for (label, value) in rows {
            writeln!(out, "  {label}{}{}", colon(lang), value.replace('\n', "; "))?;
        }
    }
    writeln!(out, "\n{}", T::BreachSectionFiles.get(lang))?;
    for a in &b.attachments {
        writeln!(
            out,
            "  {}",
            tr::breach_attachment_line(
                lang,
                &a.name,
                names::purpose(a.purpose).get(lang),
                crate::i18n::format_size(a.size, lang),
                &a.sha256
            )
        )?;
    }
    writeln!(out, "\n{}", T::BreachSectionHistory.get(lang))?;
    for line in history_lines(register, b, lang) {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonBreach<'a> {
    id: u32,
    title: &'a str,
    status: Status,
    opened_at: Timestamp,
    aware_at: Option<Timestamp>,
    /// The deadline running now: the notification's, then the complement's.
    deadline: Option<Timestamp>,
    /// Minutes left before it (negative once overdue); `None` when nothing is due.
    minutes_left: Option<i64>,
    notified: bool,
    reference: Option<&'a str>,
    complement_pending: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<&'a Details>,
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<Vec<JsonEvent<'a>>>,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    seq: u64,
    at: Timestamp,
    by: &'a str,
    kind: String,
    hash: String,
}

fn json_breach<'a>(
    register: &'a BreachRegister,
    b: &'a Breach,
    now: Timestamp,
    full: bool,
) -> JsonBreach<'a> {
    let countdown = running_countdown(b, now);
    JsonBreach {
        id: b.id.0,
        title: &b.title,
        status: b.status,
        opened_at: b.opened_at,
        aware_at: b.details.aware_at,
        deadline: countdown.map(|c| c.deadline),
        minutes_left: countdown.map(|c| c.remaining.as_secs() / 60),
        notified: b.first_notification().is_some(),
        reference: b.reference(),
        complement_pending: b.complement_pending(),
        details: full.then_some(&b.details),
        events: full.then(|| {
            b.events
                .iter()
                .filter_map(|s| register.event(*s))
                .map(|e| JsonEvent {
                    seq: e.seq,
                    at: e.at,
                    by: &e.by,
                    kind: format!("{:?}", e.change.kind()),
                    hash: hex::encode(e.hash),
                })
                .collect()
        }),
    }
}

/// `vigie breach list --format json`: one document, `intact` (the chain verifies), `breaches`
/// (number, title, status, times, countdown, notification) and `head` (`count`, `hash`).
pub fn list_json(
    out: &mut dyn Write,
    register: &BreachRegister,
    now: Timestamp,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        /// Whether the chain and the attached files verify.
        intact: bool,
        breaches: Vec<JsonBreach<'a>>,
        head: JsonHead,
    }
    let breaches = register.breaches();
    let doc = Doc {
        intact: register.verify().is_ok(),
        breaches: breaches
            .iter()
            .map(|b| json_breach(register, b, now, false))
            .collect(),
        head: JsonHead::of(register),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// `vigie breach show ID --format json`: the breach with its facts and its events.
pub fn show_json(
    out: &mut dyn Write,
    register: &BreachRegister,
    b: &Breach,
    now: Timestamp,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &json_breach(register, b, now, true))?;
    writeln!(out)
}

#[derive(Serialize)]
struct JsonHead {
    count: u64,
    hash: String,
}

impl JsonHead {
    fn of(register: &BreachRegister) -> Self {
        let head = register.head();
        Self {
            count: head.count,
            hash: head.hash_hex(),
        }
    }
}

/// The contact person of a breach (CNIL form, item 4): the DPO if the practice has one, else the
/// practitioner; the role and telephone typed for the breach over the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// Name.
    pub name: String,
    /// Role (never empty: the default role when none was typed).
    pub role: String,
    /// Telephone, as written (empty when unknown).
    pub phone: String,
    /// E-mail (empty when unknown).
    pub email: String,
}

impl Contact {
    /// The contact for a breach with these facts.
    pub fn of(p: &crate::practice::Profile, d: &Details, lang: Lang) -> Self {
        let (name, role, phone, email) = match &p.dpo {
            Some(dpo) => (
                dpo.name.clone(),
                T::DocContactRoleDpo,
                dpo.phone.clone(),
                dpo.email.as_ref().map(ToString::to_string),
            ),
            None => (
                p.practitioner.clone(),
                T::DocContactRoleDoctor,
                String::new(),
                p.email.as_ref().map(ToString::to_string),
            ),
        };
        let typed = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        Self {
            name,
            role: typed(&d.contact_role).unwrap_or_else(|| role.get(lang).to_owned()),
            phone: typed(&d.contact_phone).unwrap_or(phone),
            email: email.unwrap_or_default(),
        }
    }
}

/// The letter's texts for a patient, drafted in plain words from the facts (never the CNIL's
/// technical description): what happened, what it means, what the practice did, what the patient can
/// do, whom to call. The doctor edits them in the window; the register keeps each version.
pub fn letter_draft(b: &Breach, p: &crate::practice::Profile, lang: Lang) -> LetterText {
    use crate::breach::Cause;
    let d = &b.details;
    let date = |t: Timestamp| crate::i18n::format_date(crate::i18n::date_of(t), lang);
    let when = d
        .started_at
        .or(d.discovered_at)
        .or(d.aware_at)
        .map(date)
        .unwrap_or_default();
    let what = match d.cause {
        Cause::Misconfiguration => T::LetterWhatMisconfiguration,
        Cause::LostDevice => T::LetterWhatLost,
        Cause::StolenDevice => T::LetterWhatStolen,
        Cause::Ransomware => T::LetterWhatRansomware,
        Cause::Intrusion => T::LetterWhatIntrusion,
        Cause::Misdirected => T::LetterWhatMisdirected,
        Cause::Unknown | Cause::Other => T::LetterWhatOther,
    };
    let mut what_happened = what.get(lang).to_owned();
    if !when.is_empty() {
        what_happened.push(' ');
        what_happened.push_str(&tr::letter_since(lang, &when));
    }
    if let Some(end) = d.ended_at.filter(|_| !d.ongoing) {
        what_happened.push(' ');
        what_happened.push_str(&tr::letter_ended(lang, date(end)));
    }
    let mut data = Vec::new();
    for (on, t) in [
        (d.data_identity, T::LetterDataIdentity),
        (d.data_contact, T::LetterDataContact),
        (d.data_nir, T::LetterDataNir),
        (d.data_health, T::LetterDataHealth),
        (d.data_images, T::LetterDataImages),
        (d.data_financial, T::LetterDataFinancial),
    ] {
        if on {
            data.push(t.get(lang));
        }
    }
    let mut what_it_means = if data.is_empty() {
        T::LetterMeansUnknownData.get(lang).to_owned()
    } else {
        tr::letter_data(lang, data.join(", "))
    };
    for (on, t) in [
        (d.confidentiality, T::LetterMeansSeen),
        (d.integrity, T::LetterMeansAltered),
        (d.availability, T::LetterMeansUnavailable),
    ] {
        if on {
            what_it_means.push(' ');
            what_it_means.push_str(t.get(lang));
        }
    }
    let mut what_we_did = vec![T::LetterDidStopped.get(lang)];
    if b.first_notification().is_some() {
        what_we_did.push(T::LetterDidCnil.get(lang));
    }
    what_we_did.push(T::LetterDidSecurity.get(lang));
    let mut can_do = vec![T::LetterCanDoPhishing.get(lang)];
    if d.data_financial {
        can_do.push(T::LetterCanDoBank.get(lang));
    }
    if d.data_health || d.data_images || d.data_nir {
        can_do.push(T::LetterCanDoHealth.get(lang));
    }
    let contact = Contact::of(p, d, lang);
    let whom = if contact.name.trim().is_empty() {
        contact.role.clone()
    } else {
        format!("{} ({})", contact.name.trim(), contact.role)
    };
    LetterText {
        what_happened,
        what_it_means,
        what_we_did: what_we_did.join(" "),
        what_you_can_do: can_do.join(" "),
        whom_to_call: whom,
        phone: contact.phone,
    }
}

/// Whether a letter may be printed for this breach: refused, with the decision's reason, when the
/// decision is not to inform; a public notice (waiting room, website) instead of a letter when
/// reaching each person would take disproportionate effort (art. 34(3)(c)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterKind {
    /// A letter to each patient.
    Letter,
    /// A public notice.
    PublicNotice,
    /// No letter: the decision is not to inform, for this reason.
    Refused(String),
}

/// What the patients' document for `b` is.
pub fn letter_kind(b: &Breach) -> LetterKind {
    match &b.inform {
        Some(d) if !d.yes => LetterKind::Refused(d.reason.clone()),
        _ if b.details.people_unreachable => LetterKind::PublicNotice,
        _ => LetterKind::Letter,
    }
}

/// The letter's texts with their headings, in order (for the window and the documents).
pub fn letter_parts(text: &LetterText) -> [(T, &str); 5] {
    [
        (T::PdfLetterWhat, &text.what_happened),
        (T::LetterHeadingMeans, &text.what_it_means),
        (T::PdfLetterMeasures, &text.what_we_did),
        (T::PdfLetterAdvice, &text.what_you_can_do),
        (T::PdfLetterContact, &text.whom_to_call),
    ]
}

/// A register compared with a head signed earlier (`what`: the self-assessment, or a head
/// countersigned alone), in words; `true` when the register still extends that head.
pub fn against_signed_text(
    check: &crate::breach::export::AgainstSigned,
    what: impl Fn(String) -> String,
    lang: Lang,
) -> (String, bool) {
    use crate::breach::export::{AgainstSigned, Extends};
    match check {
        AgainstSigned::NotWitnessed { signed_at } => (
            tr::register_not_witnessed(lang, format_datetime(*signed_at, lang)),
            true,
        ),
        AgainstSigned::Compared {
            signed_at,
            signed,
            outcome,
        } => {
            let what = what(format_datetime(*signed_at, lang));
            match outcome {
                Extends::Yes { now } => (
                    tr::register_extends(
                        lang,
                        &what,
                        signed.count,
                        signed.hash_hex(),
                        now.count,
                        now.hash_hex(),
                    ),
                    true,
                ),
                Extends::Truncated { found } => (
                    tr::register_truncated(lang, &what, signed.count, signed.hash_hex(), *found),
                    false,
                ),
                Extends::Rewritten { found } => (
                    tr::register_rewritten(
                        lang,
                        &what,
                        signed.count,
                        signed.hash_hex(),
                        hex::encode(found),
                    ),
                    false,
                ),
            }
        }
    }
}

/// Why an exported `events.jsonl` does not verify, in words.
pub fn export_break_text(b: &crate::breach::export::ExportBreak, lang: Lang) -> String {
    use crate::breach::export::ExportBreak;
    match *b {
        ExportBreak::Unreadable(n) => tr::register_export_unreadable(lang, n),
        ExportBreak::Unlinked(n) => tr::register_export_unlinked(lang, n),
        ExportBreak::Altered(n) => tr::register_export_altered(lang, n),
    }
}

#[cfg(test)]
mod letter_tests {
    use super::*;
    use crate::breach::{Cause, Change, Question};

    fn breach(d: Details) -> Breach {
        let mut r = BreachRegister::default();
        let now = Timestamp::now();
        let id = r.open("Serveur", "Dr", now).expect("opened");
        r.apply(id, Change::Facts(Box::new(d)), "Dr", now)
            .expect("facts");
        r.breach(id).expect("breach")
    }

    #[test]
    fn the_letter_is_in_plain_words_refused_when_not_informing_and_a_notice_when_unreachable() {
        let p = crate::practice::Profile::named(
            crate::practice::PracticeName::parse("Cabinet").expect("name"),
        );
        let d = Details {
            cause: Cause::Misconfiguration,
            description: "Le port 8042 (Orthanc) était redirigé".into(),
            measures_after: "UPnP désactivé".into(),
            confidentiality: true,
            data_images: true,
            contact_phone: "04 00 00 00 00".into(),
            ..Details::default()
        };
        let b = breach(d.clone());
        for lang in Lang::ALL {
            let text = letter_draft(&b, &p, lang);
            for part in text.parts() {
                assert!(!part.trim().is_empty());
                assert!(!part.contains("8042") && !part.contains("UPnP"), "{part}");
            }
            assert_eq!(text.phone, "04 00 00 00 00");
        }
        assert_eq!(letter_kind(&b), LetterKind::Letter);
        let notice = breach(Details {
            people_unreachable: true,
            ..d
        });
        assert_eq!(letter_kind(&notice), LetterKind::PublicNotice);
        let mut r = BreachRegister::default();
        let now = Timestamp::now();
        let id = r.open("Clé", "Dr", now).expect("opened");
        r.apply(
            id,
            Change::Decision {
                question: Question::InformPeople,
                yes: false,
                reason: "Chiffrée.".into(),
                recommended: false,
            },
            "Dr",
            now,
        )
        .expect("decided");
        assert_eq!(
            letter_kind(&r.breach(id).expect("b")),
            LetterKind::Refused("Chiffrée.".into())
        );
    }
}
