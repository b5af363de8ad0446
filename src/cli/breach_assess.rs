//! `vigie breach assess FACTS.json [--format text|json]` and `vigie breach assess --template`: the
//! decision helper run on a file of facts, outside any vault — for consultants trying scenarios, and
//! for tests. The file's format is in `docs/breach-assess.md`: a JSON object whose fields are the
//! register form's, each with its allowed values, "unknown" allowed everywhere (a missing field is
//! unknown too). Both recommendations are printed with their reasons, in the user's language.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use jiff::Timestamp;
use serde::Serialize;
use serde_json::Value;

use super::BreachFormat;
use crate::breach::decision::{self, Advice, Reason};
use crate::breach::{Cause, Details, Exposure, Known, Severity};
use crate::i18n::{Lang, Localize as _, T, format_datetime, format_size, names, tr};
use crate::present::breach::{advice_lines, reason_line};

/// `vigie breach assess …`
#[derive(Debug, clap::Args)]
pub struct AssessArgs {
    /// The facts file (JSON; its fields are described in docs/breach-assess.md).
    #[arg(
        value_name = "FACTS.json",
        required_unless_present = "template",
        conflicts_with = "template"
    )]
    pub facts: Option<PathBuf>,
    /// Print a facts file with every field unknown, to fill in.
    #[arg(long)]
    pub template: bool,
    /// Output format of the advice.
    #[arg(long, value_enum, default_value = "text")]
    pub format: BreachFormat,
}

/// The largest facts file read (a facts file is a few kilobytes).
pub const MAX_FACTS_BYTES: u64 = 1024 * 1024;

/// What a field accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// "yes", "no" or "unknown".
    YesNo,
    /// One of [`Cause`]'s names.
    Cause,
    /// One of [`Exposure`]'s names.
    Exposure,
    /// One of [`Severity`]'s names.
    Severity,
    /// A whole number of hours.
    Hours,
    /// An RFC 3339 date and time.
    Time,
    /// Free text.
    Text,
}

/// The fields of a facts file, in the form's order (and the template's).
const FIELDS: &[(&str, Kind)] = &[
    // 1. Dates and discovery.
    ("discovered_at", Kind::Time),
    ("processor_alert_at", Kind::Time),
    ("aware_at", Kind::Time),
    ("aware_after_alert_reason", Kind::Text),
    ("told_by_cnil", Kind::YesNo),
    // 2. Nature.
    ("confidentiality", Kind::YesNo),
    ("integrity", Kind::YesNo),
    ("availability", Kind::YesNo),
    ("cause", Kind::Cause),
    ("copied_out", Kind::YesNo),
    ("exposure", Kind::Exposure),
    ("encrypted", Kind::YesNo),
    ("key_compromised", Kind::YesNo),
    ("backup", Kind::YesNo),
    ("unavailable_hours", Kind::Hours),
    // 3. Data and people.
    ("data_identity", Kind::YesNo),
    ("data_contact", Kind::YesNo),
    ("data_nir", Kind::YesNo),
    ("data_health", Kind::YesNo),
    ("data_images", Kind::YesNo),
    ("data_financial", Kind::YesNo),
    ("data_other", Kind::Text),
    ("minors", Kind::YesNo),
    ("vulnerable", Kind::YesNo),
    // 4. Consequences and measures.
    ("severity", Kind::Severity),
    ("risk_removed", Kind::YesNo),
    ("people_unreachable", Kind::YesNo),
];

const CAUSES: &[(&str, Cause)] = &[
    ("unknown", Cause::Unknown),
    ("misconfiguration", Cause::Misconfiguration),
    ("lost_device", Cause::LostDevice),
    ("stolen_device", Cause::StolenDevice),
    ("ransomware", Cause::Ransomware),
    ("intrusion", Cause::Intrusion),
    ("misdirected", Cause::Misdirected),
    ("other", Cause::Other),
];

const EXPOSURES: &[(&str, Exposure)] = &[
    ("unknown", Exposure::Unknown),
    ("at_rest", Exposure::AtRest),
    ("running_system", Exposure::RunningSystem),
];

const SEVERITIES: &[(&str, Severity)] = &[
    ("unknown", Severity::Unknown),
    ("negligible", Severity::Negligible),
    ("limited", Severity::Limited),
    ("significant", Severity::Significant),
    ("maximum", Severity::Maximum),
];

const KNOWN: &[(&str, Known)] = &[
    ("unknown", Known::Unknown),
    ("yes", Known::Yes),
    ("no", Known::No),
];

/// Why a facts file was refused (nothing of its content but the offending field and value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactsError {
    /// Not JSON: where it stops.
    NotJson {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// JSON, but not an object.
    NotObject,
    /// A field this version does not know.
    UnknownField(String),
    /// A value the field does not accept.
    BadValue {
        /// The field.
        field: &'static str,
        /// The value as written (cut to 60 characters).
        value: String,
    },
    /// The times do not follow each other, or awareness follows a processor's alert without reason.
    Times(crate::breach::BreachError),
}

/// The facts of a facts file's JSON text, checked against the clock `now`.
pub fn parse_facts(text: &str, now: Timestamp) -> Result<Details, FactsError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| FactsError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(map) = value else {
        return Err(FactsError::NotObject);
    };
    if let Some(field) = map.keys().find(|k| !FIELDS.iter().any(|(f, _)| f == k)) {
        return Err(FactsError::UnknownField(cut(field)));
    }
    let mut d = Details::default();
    for &(field, kind) in FIELDS {
        if let Some(value) = map.get(field) {
            set(&mut d, field, kind, value)?;
        }
    }
    d.check_times(now).map_err(FactsError::Times)?;
    Ok(d)
}

fn cut(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() > MAX {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    } else {
        s.to_owned()
    }
}

/// `value` as one of `table`'s names ("unknown" and `null` being the first entry).
fn named<V: Copy>(
    table: &[(&str, V)],
    field: &'static str,
    value: &Value,
) -> Result<V, FactsError> {
    let bad = || FactsError::BadValue {
        field,
        value: cut(&value.to_string()),
    };
    match value {
        Value::Null => table.first().map(|(_, v)| *v).ok_or_else(bad),
        Value::String(s) => table
            .iter()
            .find(|(name, _)| name == s)
            .map(|(_, v)| *v)
            .ok_or_else(bad),
        _ => Err(bad()),
    }
}

fn is_unknown(value: &Value) -> bool {
    matches!(value, Value::Null) || value.as_str() == Some("unknown")
}

fn set(d: &mut Details, field: &'static str, kind: Kind, value: &Value) -> Result<(), FactsError> {
    let bad = || FactsError::BadValue {
        field,
        value: cut(&value.to_string()),
    };
    match kind {
        Kind::YesNo => {
            let k = named(KNOWN, field, value)?;
            // The form's ticks: "yes" ticks the box; "no" and "unknown" leave it as a new form has it.
            let tick = k == Known::Yes;
            match field {
                "told_by_cnil" => d.told_by_cnil = tick,
                "confidentiality" => d.confidentiality = tick,
                "integrity" => d.integrity = tick,
                "availability" => d.availability = tick,
                "copied_out" => d.copied_out = k,
                "encrypted" => d.encrypted = k,
                "key_compromised" => d.key_compromised = k,
                "backup" => d.backup = k,
                "data_identity" => d.data_identity = tick,
                "data_contact" => d.data_contact = tick,
                "data_nir" => d.data_nir = tick,
                "data_health" => d.data_health = tick,
                "data_images" => d.data_images = tick,
                "data_financial" => d.data_financial = tick,
                "minors" => d.minors = k,
                "vulnerable" => d.vulnerable = k,
                "risk_removed" => d.risk_removed = tick,
                "people_unreachable" => d.people_unreachable = tick,
                _ => return Err(bad()),
            }
        }
        Kind::Cause => d.cause = named(CAUSES, field, value)?,
        Kind::Exposure => d.exposure = named(EXPOSURES, field, value)?,
        Kind::Severity => d.severity = named(SEVERITIES, field, value)?,
        Kind::Hours => {
            d.unavailable_hours = if is_unknown(value) {
                None
            } else {
                Some(
                    value
                        .as_u64()
                        .and_then(|h| u32::try_from(h).ok())
                        .ok_or_else(bad)?,
                )
            };
        }
        Kind::Time => {
            let at = if is_unknown(value) {
                None
            } else {
                Some(
                    value
                        .as_str()
                        .and_then(|s| s.parse::<Timestamp>().ok())
                        .ok_or_else(bad)?,
                )
            };
            match field {
                "discovered_at" => d.discovered_at = at,
                "processor_alert_at" => d.processor_alert_at = at,
                "aware_at" => d.aware_at = at,
                _ => return Err(bad()),
            }
        }
        Kind::Text => {
            let text = if is_unknown(value) {
                String::new()
            } else {
                value.as_str().ok_or_else(bad)?.to_owned()
            };
            match field {
                "aware_after_alert_reason" => d.aware_after_alert_reason = text,
                "data_other" => d.data_other = text,
                _ => return Err(bad()),
            }
        }
    }
    Ok(())
}

/// The values a field accepts, for the error message.
fn allowed(field: &str, lang: Lang) -> String {
    let names = |table: &[&str]| table.join(", ");
    match FIELDS.iter().find(|(f, _)| *f == field).map(|(_, k)| *k) {
        Some(Kind::YesNo) => T::CliAssessValuesKnown.get(lang).to_owned(),
        Some(Kind::Cause) => names(&CAUSES.iter().map(|(n, _)| *n).collect::<Vec<_>>()),
        Some(Kind::Exposure) => names(&EXPOSURES.iter().map(|(n, _)| *n).collect::<Vec<_>>()),
        Some(Kind::Severity) => names(&SEVERITIES.iter().map(|(n, _)| *n).collect::<Vec<_>>()),
        Some(Kind::Hours) => T::CliAssessValuesNumber.get(lang).to_owned(),
        Some(Kind::Time) => T::CliAssessValuesTime.get(lang).to_owned(),
        Some(Kind::Text) | None => T::CliAssessValuesText.get(lang).to_owned(),
    }
}

impl FactsError {
    /// One line in the user's language, naming the file.
    pub fn localize(&self, path: &Path, lang: Lang) -> String {
        let path = path.display().to_string();
        match self {
            Self::NotJson { line, column } => tr::err_facts_not_json(lang, path, *line, *column),
            Self::NotObject => tr::err_facts_not_object(lang, path),
            Self::UnknownField(field) => tr::err_facts_unknown_field(lang, path, field),
            Self::BadValue { field, value } => {
                tr::err_facts_bad_value(lang, path, field, value, allowed(field, lang))
            }
            Self::Times(e) => tr::err_facts_times(lang, path, e.localize(lang)),
        }
    }
}

/// A facts file with every field unknown, in the form's order: the template.
pub fn template() -> String {
    // Written by hand to keep the order (the names are plain ASCII: nothing to escape).
    let fields: Vec<String> = FIELDS
        .iter()
        .map(|(field, _)| format!("  \"{field}\": \"unknown\""))
        .collect();
    format!("{{\n{}\n}}", fields.join(",\n"))
}

/// Runs `vigie breach assess`.
pub fn run(args: &AssessArgs, lang: Lang, out: &mut dyn Write) -> Result<()> {
    if args.template {
        writeln!(out, "{}", template())?;
        return Ok(());
    }
    let Some(path) = &args.facts else {
        return Err(anyhow!(tr::err_usage(
            lang,
            tr::usage_missing(lang, "FACTS.json")
        )));
    };
    let text = read(path, lang)?;
    let now = Timestamp::now();
    let details = parse_facts(&text, now).map_err(|e| anyhow!(e.localize(path, lang)))?;
    let advice = decision::advise(&details);
    let mut buffered = std::io::BufWriter::new(out);
    match args.format {
        BreachFormat::Text => text_advice(&mut buffered, &advice, &details, lang)?,
        BreachFormat::Json => json_advice(&mut buffered, &advice, &details, lang)?,
    }
    buffered.flush()?;
    Ok(())
}

fn read(path: &Path, lang: Lang) -> Result<String> {
    let io = |e: std::io::Error| anyhow!(crate::i18n::io_error(lang, path, &e));
    let bytes = match crate::fs::read_bounded(path, MAX_FACTS_BYTES) {
        Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
            return Err(anyhow!(tr::err_facts_too_large(
                lang,
                path.display(),
                format_size(MAX_FACTS_BYTES, lang)
            )));
        }
        read => read.map_err(io)?,
    };
    // Not UTF-8 is not JSON: the JSON reader says where.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The reminders, as sentences (the police complaint with its deadline when awareness is known).
fn reminder_lines(advice: &Advice, d: &Details, lang: Lang) -> Vec<String> {
    advice
        .reminders
        .iter()
        .map(|r| {
            let line = names::reminder(*r).get(lang).to_owned();
            match (r, d.aware_at) {
                (decision::Reminder::PoliceComplaint, Some(aware)) => {
                    let due = crate::breach::clock::deadline(aware);
                    format!(
                        "{line} {}",
                        tr::breach_police_due(lang, format_datetime(due, lang))
                    )
                }
                _ => line,
            }
        })
        .collect()
}

fn text_advice(out: &mut dyn Write, advice: &Advice, d: &Details, lang: Lang) -> Result<()> {
    let (cnil, people) = advice_lines(advice, lang);
    writeln!(out, "{}", T::CliAssessHeading.get(lang))?;
    for (question, lines) in [
        (T::BreachDecideNotify, cnil),
        (T::BreachDecideInform, people),
    ] {
        writeln!(out, "\n{}", question.get(lang))?;
        for (i, line) in lines.iter().enumerate() {
            let indent = if i == 0 { "" } else { "  " };
            writeln!(out, "{indent}{line}")?;
        }
    }
    writeln!(out, "\n{}", T::BreachSectionReminders.get(lang))?;
    for line in reminder_lines(advice, d, lang) {
        writeln!(out, "  • {line}")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonReason {
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<&'static str>,
    text: String,
}

#[derive(Serialize)]
struct JsonQuestion {
    advice: &'static str,
    recommended: bool,
    text: String,
    reasons: Vec<JsonReason>,
}

#[derive(Serialize)]
struct JsonReminder {
    code: &'static str,
    text: String,
}

#[derive(Serialize)]
struct JsonAdvice {
    notify_cnil: JsonQuestion,
    inform_people: JsonQuestion,
    reminders: Vec<JsonReminder>,
}

fn json_reasons(reasons: &[Reason], lang: Lang) -> Vec<JsonReason> {
    reasons
        .iter()
        .map(|r| JsonReason {
            code: r.code(),
            fact: match r {
                Reason::NotYetKnown(f) => Some(f.code()),
                _ => None,
            },
            text: reason_line(*r, lang),
        })
        .collect()
}

fn json_advice(out: &mut dyn Write, advice: &Advice, d: &Details, lang: Lang) -> Result<()> {
    let doc = JsonAdvice {
        notify_cnil: JsonQuestion {
            advice: advice.cnil.code(),
            recommended: advice.notify(),
            text: names::cnil_advice(advice.cnil).get(lang).to_owned(),
            reasons: json_reasons(&advice.cnil_reasons, lang),
        },
        inform_people: JsonQuestion {
            advice: advice.people.code(),
            recommended: advice.inform(),
            text: names::people_advice(advice.people).get(lang).to_owned(),
            reasons: json_reasons(&advice.people_reasons, lang),
        },
        reminders: advice
            .reminders
            .iter()
            .zip(reminder_lines(advice, d, lang))
            .map(|(r, text)| JsonReminder {
                code: r.code(),
                text,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-12-10T12:00:00Z".parse().expect("a time")
    }

    #[test]
    fn the_template_holds_every_field_unknown_and_reads_back_as_nothing_known() {
        let text = template();
        let value: Value = serde_json::from_str(&text).expect("json");
        let map = value.as_object().expect("an object");
        assert_eq!(map.len(), FIELDS.len());
        assert!(map.values().all(|v| v == "unknown"));
        let d = parse_facts(&text, now()).expect("reads");
        assert!(d == Details::default());
        let a = decision::advise(&d);
        assert!(a.notify() && a.inform());
    }

    #[test]
    fn every_field_is_read() {
        let text = r#"{
            "discovered_at": "2026-12-01T08:00:00+01:00",
            "processor_alert_at": "2026-12-01T07:00:00Z",
            "aware_at": "2026-12-01T10:00:00+01:00",
            "aware_after_alert_reason": "alerte lue le lendemain",
            "told_by_cnil": "yes",
            "confidentiality": "yes", "integrity": "no", "availability": "unknown",
            "cause": "stolen_device", "copied_out": "no", "exposure": "at_rest",
            "encrypted": "yes", "key_compromised": "no", "backup": "yes",
            "unavailable_hours": 5,
            "data_identity": "yes", "data_contact": "no", "data_nir": "yes", "data_health": "yes",
            "data_images": "yes", "data_financial": "yes", "data_other": "unknown",
            "minors": "no", "vulnerable": "yes",
            "severity": "limited", "risk_removed": "yes", "people_unreachable": "yes"
        }"#;
        let d = parse_facts(text, now()).expect("reads");
        assert_eq!(
            d.aware_at,
            Some("2026-12-01T09:00:00Z".parse().expect("time"))
        );
        assert!(d.processor_alert_at.is_some() && d.discovered_at.is_some());
        assert_eq!(d.aware_after_alert_reason, "alerte lue le lendemain");
        assert!(d.told_by_cnil && d.confidentiality && !d.integrity && !d.availability);
        assert_eq!(
            (d.cause, d.exposure, d.copied_out),
            (Cause::StolenDevice, Exposure::AtRest, Known::No)
        );
        assert_eq!(
            (d.encrypted, d.key_compromised, d.backup),
            (Known::Yes, Known::No, Known::Yes)
        );
        assert_eq!(d.unavailable_hours, Some(5));
        assert!(d.data_identity && !d.data_contact && d.data_nir && d.data_health);
        assert!(d.data_images && d.data_financial && d.data_other.is_empty());
        assert_eq!((d.minors, d.vulnerable), (Known::No, Known::Yes));
        assert_eq!(d.severity, Severity::Limited);
        assert!(d.risk_removed && d.people_unreachable);
    }

    #[test]
    fn missing_and_null_fields_are_unknown() {
        let d =
            parse_facts(r#"{"encrypted": null, "unavailable_hours": null}"#, now()).expect("reads");
        assert!(d == Details::default());
        assert!(parse_facts("{}", now()).expect("reads") == Details::default());
    }

    #[test]
    fn bad_input_is_named() {
        assert_eq!(
            parse_facts("{\n  \"encrypted\": \"yes\",\n}", now()),
            Err(FactsError::NotJson { line: 3, column: 1 })
        );
        assert_eq!(parse_facts("[]", now()), Err(FactsError::NotObject));
        assert_eq!(
            parse_facts(r#"{"encripted": "yes"}"#, now()),
            Err(FactsError::UnknownField("encripted".into()))
        );
        for (text, field, value) in [
            (r#"{"encrypted": "maybe"}"#, "encrypted", "\"maybe\""),
            (r#"{"encrypted": true}"#, "encrypted", "true"),
            (r#"{"cause": "flood"}"#, "cause", "\"flood\""),
            (r#"{"exposure": "yes"}"#, "exposure", "\"yes\""),
            (r#"{"severity": "high"}"#, "severity", "\"high\""),
            (r#"{"unavailable_hours": -3}"#, "unavailable_hours", "-3"),
            (
                r#"{"unavailable_hours": "25"}"#,
                "unavailable_hours",
                "\"25\"",
            ),
            (
                r#"{"aware_at": "01/12/2026 09:00"}"#,
                "aware_at",
                "\"01/12/2026 09:00\"",
            ),
            (r#"{"data_other": 3}"#, "data_other", "3"),
        ] {
            assert_eq!(
                parse_facts(text, now()),
                Err(FactsError::BadValue {
                    field,
                    value: value.into()
                }),
                "{text}"
            );
        }
        let message = FactsError::BadValue {
            field: "encrypted",
            value: "\"maybe\"".into(),
        }
        .localize(Path::new("faits.json"), Lang::Fr)
        .replace(['\u{a0}', '\u{202f}'], " ");
        assert!(message.contains("« encrypted »"), "{message}");
        assert!(message.contains("yes, no, unknown"), "{message}");
    }

    #[test]
    fn awareness_after_the_processors_alert_is_refused_without_its_reason() {
        let late =
            r#"{"processor_alert_at": "2026-12-01T08:00:00Z", "aware_at": "2026-12-02T08:00:00Z"}"#;
        assert_eq!(
            parse_facts(late, now()),
            Err(FactsError::Times(
                crate::breach::BreachError::AwareAfterProcessorAlert
            ))
        );
        let message = parse_facts(late, now())
            .expect_err("refused")
            .localize(Path::new("f.json"), Lang::En);
        assert!(message.contains("EDPB Guidelines 9/2022"), "{message}");
        let explained = r#"{"processor_alert_at": "2026-12-01T08:00:00Z", "aware_at": "2026-12-02T08:00:00Z", "aware_after_alert_reason": "the alert went to a closed mailbox"}"#;
        assert!(parse_facts(explained, now()).is_ok());
    }

    #[test]
    fn the_advice_prints_in_both_languages_and_as_json() {
        let d = parse_facts(
            r#"{"confidentiality": "yes", "cause": "misconfiguration", "encrypted": "yes", "data_images": "yes"}"#,
            now(),
        )
        .expect("reads");
        let a = decision::advise(&d);
        let mut fr = Vec::new();
        text_advice(&mut fr, &a, &d, Lang::Fr).expect("written");
        let fr = String::from_utf8(fr)
            .expect("utf-8")
            .replace(['\u{a0}', '\u{202f}'], " ");
        assert!(fr.contains("Recommandation : notifier la CNIL"), "{fr}");
        assert!(fr.contains("le chiffrement ne les protège pas ici"), "{fr}");
        assert!(fr.contains("Pas encore connu"), "{fr}");
        let mut json = Vec::new();
        json_advice(&mut json, &a, &d, Lang::En).expect("written");
        let v: Value = serde_json::from_slice(&json).expect("json");
        assert_eq!(v["notify_cnil"]["advice"], "notify");
        assert_eq!(v["inform_people"]["advice"], "inform");
        assert_eq!(v["inform_people"]["recommended"], true);
        let reasons = v["notify_cnil"]["reasons"].as_array().expect("reasons");
        assert!(
            reasons
                .iter()
                .any(|r| r["code"] == "encryption_does_not_protect")
        );
        assert!(
            reasons
                .iter()
                .any(|r| r["code"] == "not_yet_known" && r["fact"] == "copied_out")
        );
        assert!(
            v["reminders"]
                .as_array()
                .expect("reminders")
                .iter()
                .any(|r| r["code"] == "police_complaint")
        );
    }
}
