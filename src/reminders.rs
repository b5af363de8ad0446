//! Reminders where dates matter, computed from the practice's file: the yearly self-assessment (a
//! year after the last one signed), the processors' HDS certificates (their expiry, warned
//! [`HDS_WARNING_DAYS`] before), the restore test of the backups (a year after the last "yes"), the
//! action plan's dates, and the breaches' 72-hour clocks. Each reminder has a stable key (the same
//! reminder keeps it from one export to the next, so a calendar program updates its event rather than
//! adding one) and a date in Paris time. No words here and no patient data: `present::reminders` says
//! them and writes the `.ics` file; a breach is named by its number only, never by its title.

use jiff::civil::Date;
use jiff::{Timestamp, ToSpan as _};

use crate::binder::processors::{HDS_WARNING_DAYS, ProcessorId};
use crate::breach::BreachId;
use crate::checklist::{ActionStatus, AnswerValue};
use crate::locale::date_of;
use crate::practice_file::VaultContents;

/// The checklist item on the restore test of the backups.
pub const RESTORE_TEST_ITEM: &str = "backups.restore-test";

/// How far ahead the dashboard shows what is coming, in days.
pub const HORIZON_DAYS: i32 = 30;

/// What a reminder is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReminderKind {
    /// The yearly self-assessment: a year after `last` (None: none signed yet, due now).
    Assessment {
        /// When the last one was signed.
        last: Option<Date>,
    },
    /// A processor's HDS certificate expires on the reminder's date.
    HdsExpiry {
        /// Which processor.
        processor: ProcessorId,
        /// Its name as the practice gave it (a company's, never a patient's); empty when not given.
        name: String,
        /// The certificate's number.
        number: String,
    },
    /// The restore test of the backups: a year after the last one (None: never recorded as done).
    RestoreTest {
        /// When the checklist last said "yes".
        last: Option<Date>,
    },
    /// An action of the plan is due.
    Action {
        /// Its checklist item.
        item: String,
    },
    /// A breach's 72-hour clock ends at `deadline`.
    BreachClock {
        /// The breach's number (never its title).
        breach: BreachId,
        /// The end of the 72 hours.
        deadline: Timestamp,
        /// The clock of the complement to an initial notification (72 hours after it), not of the
        /// notification itself (72 hours after awareness).
        complement: bool,
    },
}

/// Where a reminder stands on the day it is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Its date is past (or the thing was never done).
    Overdue,
    /// Due within [`HORIZON_DAYS`] (HDS certificates: within [`HDS_WARNING_DAYS`]), today included.
    Soon,
    /// Later.
    Later,
}

/// A dated reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// A stable key: the same reminder keeps it (the `.ics` file's UID is made from it).
    pub key: String,
    /// What it is about.
    pub kind: ReminderKind,
    /// The day it is due (Paris time).
    pub due: Date,
    /// Where it stands.
    pub urgency: Urgency,
}

impl Reminder {
    fn new(key: String, kind: ReminderKind, due: Date, today: Date) -> Self {
        let warn = match kind {
            ReminderKind::HdsExpiry { .. } => HDS_WARNING_DAYS,
            _ => HORIZON_DAYS,
        };
        let days = (due - today).get_days();
        let urgency = if due < today
            || matches!(
                kind,
                ReminderKind::Assessment { last: None } | ReminderKind::RestoreTest { last: None }
            ) {
            Urgency::Overdue
        } else if matches!(kind, ReminderKind::HdsExpiry { .. }) && due == today {
            // A certificate is no longer valid on its expiry day.
            Urgency::Overdue
        } else if days <= warn {
            Urgency::Soon
        } else {
            Urgency::Later
        };
        Self {
            key,
            kind,
            due,
            urgency,
        }
    }

    /// Whether the dashboard shows it: overdue or soon.
    pub fn is_pressing(&self) -> bool {
        self.urgency != Urgency::Later
    }
}

/// A year after `d` (the 28th of February for the 29th).
fn a_year_after(d: Date) -> Date {
    d.checked_add(1.year()).unwrap_or(d)
}

/// Every reminder of the practice's file at `now`, the most urgent first, then by date.
pub fn reminders(contents: &VaultContents, now: Timestamp) -> Vec<Reminder> {
    let today = date_of(now);
    let mut out = Vec::new();
    // The yearly self-assessment.
    let last = contents.assessments.last().map(|a| date_of(a.completed_at));
    out.push(Reminder::new(
        "assessment".to_owned(),
        ReminderKind::Assessment { last },
        last.map_or(today, a_year_after),
        today,
    ));
    // HDS certificates, by processor.
    let p = &contents.practice;
    for v in contents.processors.list(p, today, crate::locale::Lang::Fr) {
        if let Some(expires) = v.hds_expires {
            let key = match v.id {
                ProcessorId::Profile(s) => format!("hds-{s:?}").to_lowercase(),
                ProcessorId::Added(n) => format!("hds-added-{n}"),
            };
            out.push(Reminder::new(
                key,
                ReminderKind::HdsExpiry {
                    processor: v.id,
                    name: v.name.clone(),
                    number: v.hds_number.clone(),
                },
                expires,
                today,
            ));
        }
    }
    // The restore test, when the item concerns the practice.
    let catalog = crate::checklist::catalog();
    let applies = catalog
        .item(RESTORE_TEST_ITEM)
        .is_some_and(|i| crate::checklist::applicability::applies(&i.applies, p));
    if applies {
        let last = contents
            .checklist
            .answers
            .get(RESTORE_TEST_ITEM)
            .filter(|a| a.value == AnswerValue::Yes)
            .map(|a| date_of(a.at));
        out.push(Reminder::new(
            "restore-test".to_owned(),
            ReminderKind::RestoreTest { last },
            last.map_or(today, a_year_after),
            today,
        ));
    }
    // The action plan's dates.
    for a in &contents.checklist.actions {
        if let Some(due) = a.due
            && a.status != ActionStatus::Done
        {
            out.push(Reminder::new(
                format!("action-{}", a.item),
                ReminderKind::Action {
                    item: a.item.clone(),
                },
                due,
                today,
            ));
        }
    }
    // The breaches' 72-hour clocks.
    // The same clocks as the breach register's page: the notification's, 72 hours after awareness,
    // or, once an initial notification is sent, its complement's, 72 hours after it.
    for b in contents.breaches.breaches() {
        if !b.clock_running() {
            continue;
        }
        let (deadline, complement) = match b.first_notification() {
            Some(first) if b.complement_pending() => {
                (crate::breach::clock::deadline(first.at), true)
            }
            Some(_) => continue,
            None => match b.details.aware_at {
                Some(aware) => (crate::breach::clock::deadline(aware), false),
                None => continue,
            },
        };
        {
            out.push(Reminder::new(
                format!("breach-{}", b.id.0),
                ReminderKind::BreachClock {
                    breach: b.id,
                    deadline,
                    complement,
                },
                date_of(deadline),
                today,
            ));
        }
    }
    out.sort_by(|a, b| (a.urgency, a.due, &a.key).cmp(&(b.urgency, b.due, &b.key)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binder::processors::{ProcessorEdit, Source};
    use crate::checklist::Respondent;
    use crate::practice::{PracticeName, Profile, RecordsHosting};

    fn contents() -> VaultContents {
        let mut p = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
        p.setup.records = RecordsHosting::Cloud;
        VaultContents::new(p)
    }

    fn at(s: &str) -> Timestamp {
        crate::breach::clock::parse_paris(&format!("{s} 12:00")).expect("noon in Paris")
    }

    fn find<'a>(r: &'a [Reminder], key: &str) -> &'a Reminder {
        r.iter().find(|x| x.key == key).expect(key)
    }

    #[test]
    fn a_new_practice_is_due_its_assessment_and_its_restore_test_now() {
        let c = contents();
        let now = at("2027-01-10");
        let r = reminders(&c, now);
        let a = find(&r, "assessment");
        assert_eq!(a.urgency, Urgency::Overdue);
        assert_eq!(a.due, "2027-01-10".parse::<Date>().expect("d"));
        assert_eq!(find(&r, "restore-test").urgency, Urgency::Overdue);
        // Nothing else: no certificate date, no action date, no breach.
        assert_eq!(r.len(), 2, "{r:?}");
    }

    #[test]
    fn dates_give_the_due_days_and_urgencies() {
        let mut c = contents();
        let id = ProcessorId::Profile(Source::Host);
        let t0 = Timestamp::UNIX_EPOCH;
        c.processors
            .edit(id, ProcessorEdit::HdsNumber("HDS-1".into()), t0)
            .expect("n");
        c.processors
            .edit(
                id,
                ProcessorEdit::HdsExpires(Some("2027-03-01".parse().expect("d"))),
                t0,
            )
            .expect("d");
        c.checklist.answer(
            RESTORE_TEST_ITEM,
            AnswerValue::Yes,
            Respondent::Doctor,
            at("2026-02-01"),
        );
        c.checklist.actions.push(crate::checklist::record::Action {
            item: "workstation.screen-lock".into(),
            kind: crate::checklist::ActionKind::Fix,
            owner: String::new(),
            due: Some("2027-01-05".parse().expect("d")),
            status: ActionStatus::Todo,
            created_at: t0,
            done_at: None,
        });
        c.checklist.actions.push(crate::checklist::record::Action {
            item: "backups.automatic".into(),
            kind: crate::checklist::ActionKind::Fix,
            owner: String::new(),
            due: Some("2027-01-01".parse().expect("d")),
            status: ActionStatus::Done,
            created_at: t0,
            done_at: Some(t0),
        });
        let aware = at("2027-01-09");
        let b = c
            .breaches
            .open("Vol d'un portable", "Dr Martin", aware)
            .expect("open");
        let mut details = c.breaches.breach(b).expect("b").details;
        details.aware_at = Some(aware);
        c.breaches
            .apply(
                b,
                crate::breach::Change::Facts(Box::new(details)),
                "Dr",
                aware,
            )
            .expect("facts");
        let r = reminders(&c, at("2027-01-10"));
        let hds = find(&r, "hds-host");
        assert_eq!(hds.due, "2027-03-01".parse::<Date>().expect("d"));
        assert_eq!(hds.urgency, Urgency::Soon, "within 90 days");
        let restore = find(&r, "restore-test");
        assert_eq!(restore.due, "2027-02-01".parse::<Date>().expect("d"));
        assert_eq!(restore.urgency, Urgency::Soon);
        let late = find(&r, "action-workstation.screen-lock");
        assert_eq!(late.urgency, Urgency::Overdue);
        assert!(
            !r.iter().any(|x| x.key == "action-backups.automatic"),
            "done"
        );
        let clock = find(&r, "breach-1");
        assert_eq!(clock.due, "2027-01-12".parse::<Date>().expect("d"));
        assert_eq!(
            clock.kind,
            ReminderKind::BreachClock {
                breach: b,
                deadline: crate::breach::clock::deadline(aware),
                complement: false,
            }
        );
        // The most urgent first.
        assert_eq!(r[0].urgency, Urgency::Overdue);
        assert!(r.windows(2).all(|w| w[0].urgency <= w[1].urgency));
        // A year later the certificate has expired.
        let r = reminders(&c, at("2027-03-01"));
        assert_eq!(find(&r, "hds-host").urgency, Urgency::Overdue);
        // Far ahead, later.
        let r = reminders(&c, at("2026-06-01"));
        assert_eq!(find(&r, "hds-host").urgency, Urgency::Later);
    }
}
