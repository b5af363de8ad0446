//! The reminders in words (the dashboard's lines) and as an iCalendar file (RFC 5545) the doctor imports
//! into any calendar program: no account, no network. Each reminder is an all-day event with a stable
//! UID (its key and the vault's creation time: a second import updates the events rather than adding
//! them), a DTSTAMP (the export's moment), and a display alarm. The file is written by the `icalendar`
//! crate, which escapes the text, ends lines with CRLF and folds them at 75 octets. No patient data: a
//! breach is named by its number, an action by the checklist's words, a processor by its company name.

use icalendar::{Alarm, Calendar, Component as _, Event, EventLike as _, Property, Trigger};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::i18n::{Lang, T, format_date, format_datetime, tr};
use crate::reminders::{Reminder, ReminderKind, Urgency};

/// The reminder in one line, in `lang`.
pub fn title(r: &Reminder, lang: Lang) -> String {
    let d = |date: Date| format_date(date, lang);
    match &r.kind {
        ReminderKind::Assessment { last: None } => T::ReminderFirstAssessment.get(lang).to_owned(),
        ReminderKind::Assessment { last: Some(last) } => {
            tr::reminder_assessment(lang, d(*last), d(r.due))
        }
        ReminderKind::HdsExpiry { name, number, .. } => {
            let name = if name.is_empty() {
                crate::binder::processors::NAME_NOT_GIVEN.get(lang)
            } else {
                name.clone()
            };
            tr::reminder_hds(lang, name, number, d(r.due))
        }
        ReminderKind::RestoreTest { last: None } => T::ReminderRestoreNever.get(lang).to_owned(),
        ReminderKind::RestoreTest { last: Some(last) } => {
            tr::reminder_restore(lang, d(*last), d(r.due))
        }
        ReminderKind::Action { item } => {
            let action = crate::checklist::catalog()
                .item(item)
                .map_or_else(|| item.clone(), |i| i.action.get(lang).to_owned());
            tr::reminder_action(lang, action, d(r.due))
        }
        ReminderKind::BreachClock {
            breach,
            deadline,
            complement: false,
        } => tr::reminder_breach(lang, breach.0, format_datetime(*deadline, lang)),
        ReminderKind::BreachClock {
            breach,
            deadline,
            complement: true,
        } => tr::reminder_breach_complement(lang, breach.0, format_datetime(*deadline, lang)),
    }
}

/// "Overdue", "Soon" or "Later", in `lang`.
pub fn urgency(u: Urgency, lang: Lang) -> &'static str {
    match u {
        Urgency::Overdue => T::ReminderOverdue.get(lang),
        Urgency::Soon => T::ReminderSoon.get(lang),
        Urgency::Later => T::ReminderLater.get(lang),
    }
}

fn naive(d: Date) -> chrono::NaiveDate {
    // A jiff date (years -9999..=9999) is always a valid chrono date; the epoch only as a bound.
    chrono::NaiveDate::from_ymd_opt(
        i32::from(d.year()),
        d.month().unsigned_abs().into(),
        d.day().unsigned_abs().into(),
    )
    .unwrap_or_default()
}

fn utc(at: Timestamp) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(at.as_second(), 0).unwrap_or_default()
}

/// How many days before its day a reminder's alarm rings.
fn lead_days(r: &Reminder) -> i64 {
    match r.kind {
        ReminderKind::HdsExpiry { .. } => 30,
        ReminderKind::Assessment { .. } | ReminderKind::RestoreTest { .. } => 14,
        ReminderKind::Action { .. } => 1,
        ReminderKind::BreachClock { .. } => 0,
    }
}

/// The reminders as an iCalendar file (UTF-8, CRLF). `now` dates the export (DTSTAMP) and places the
/// overdue reminders on its day, their due date said in the description; `scope` tells one practice's
/// events from another's (the vault's creation time).
pub fn ics(reminders: &[Reminder], now: Timestamp, scope: Timestamp, lang: Lang) -> String {
    let today = crate::locale::date_of(now);
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//Vigie//Rappels//FR"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    cal.name(T::RemindersCalendarName.get(lang));
    for r in reminders {
        let day = r.due.max(today);
        let summary = title(r, lang);
        let mut description = vec![format!("{} — {}", urgency(r.urgency, lang), summary)];
        if r.due < today {
            description.push(tr::reminder_was_due(lang, format_date(r.due, lang)));
        }
        description.push(T::ReminderOpenVigie.get(lang).to_owned());
        let description = description.join("\n");
        let lead = lead_days(r);
        let trigger = if lead == 0 {
            // The same day, at 9 o'clock (the event starts at midnight).
            Trigger::from(chrono::Duration::hours(9))
        } else {
            Trigger::from(-chrono::Duration::days(lead))
        };
        let uid = format!("{}.{}@vigie", r.key, scope.as_second());
        // The crate gives a component without them a random UID and the writing's moment: the
        // alarm gets stable ones, so that the same reminders make the same file.
        let alarm = Alarm::display(&summary, trigger)
            .uid(&format!("alarm.{uid}"))
            .timestamp(utc(now))
            .done();
        let event = Event::new()
            .uid(&uid)
            .timestamp(utc(now))
            .summary(&summary)
            .description(&description)
            .starts(naive(day))
            .ends(naive(day.tomorrow().unwrap_or(day)))
            .append_property(Property::new("TRANSP", "TRANSPARENT"))
            .alarm(alarm)
            .done();
        cal.push(event);
    }
    refold(&cal.done().to_string())
}

/// The content lines folded again at 75 octets at most, the continuation starting with one space
/// (RFC 5545 3.1), never inside a UTF-8 character. The crate folds too, but its count can reach 76
/// octets before a space; unfolding its output and folding it here keeps every line within the bound.
fn refold(text: &str) -> String {
    const LIMIT: usize = 75;
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 20);
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let mut rest = line;
        let mut limit = LIMIT;
        loop {
            if rest.len() <= limit {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            // A continuation line's leading space counts in its 75 octets.
            limit = LIMIT - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::Reminder;

    #[test]
    fn refolding_keeps_75_octets_and_whole_characters() {
        let long = format!("DESCRIPTION:{}\r\n", "é d’une sauvegarde ".repeat(12));
        let folded = refold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded}");
        assert_eq!(
            folded.replace("\r\n ", ""),
            long,
            "unfolds to the same line"
        );
        assert_eq!(refold("A:b\r\n"), "A:b\r\n");
    }

    #[test]
    fn lines_are_folded_with_crlf_and_uids_are_stable() {
        let r = vec![Reminder {
            key: "action-backups.restore-test".into(),
            kind: ReminderKind::Action {
                item: "backups.restore-test".into(),
            },
            due: "2027-01-05".parse().expect("d"),
            urgency: Urgency::Overdue,
        }];
        let now: Timestamp = "2027-01-10T10:00:00Z".parse().expect("t");
        let scope: Timestamp = "2026-12-01T09:00:00Z".parse().expect("t");
        let a = ics(&r, now, scope, Lang::Fr);
        assert!(a.starts_with("BEGIN:VCALENDAR\r\n"), "{a}");
        assert!(
            a.split("\r\n").all(|l| l.len() <= 75),
            "folded at 75 octets"
        );
        assert!(!a.replace("\r\n", "").contains('\n'), "CRLF only");
        let uid = format!(
            "UID:action-backups.restore-test.{}@vigie\r\n",
            scope.as_second()
        );
        assert!(a.contains(&uid), "{a}");
        assert_eq!(
            a,
            ics(&r, now, scope, Lang::Fr),
            "the same reminders make the same file"
        );
        assert!(a.contains("DTSTAMP:20270110T100000Z\r\n"), "{a}");
        // Overdue: placed on the export's day, the due date said.
        assert!(a.contains("DTSTART;VALUE=DATE:20270110\r\n"), "{a}");
        assert!(a.contains("DTEND;VALUE=DATE:20270111\r\n"), "{a}");
        let later: Timestamp = "2027-01-11T10:00:00Z".parse().expect("t");
        let b = ics(&r, later, scope, Lang::En);
        assert!(b.contains(&uid), "{b}");
    }
}
