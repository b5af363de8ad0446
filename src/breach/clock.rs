//! The 72-hour clock of art. 33(1): from the moment of awareness, in elapsed time — daylight-saving
//! changes, nights and weekends included (72 real hours, whatever the wall clock in Paris says).
//! Times typed by the user are read in French time (Europe/Paris, jiff's bundled database).

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// The time allowed to notify the CNIL (art. 33(1)); also what the CNIL asks for a complementary
/// notification after an initial one, and the insurers' deadline for a police complaint
/// (Code des assurances, art. L.12-10-1).
pub const WINDOW: SignedDuration = SignedDuration::from_hours(72);
/// Below this much time left, the countdown turns amber.
pub const AMBER: SignedDuration = SignedDuration::from_hours(24);

/// How pressing a deadline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// More than 24 hours left.
    Calm,
    /// Less than 24 hours left (amber).
    Soon,
    /// Past the deadline (red).
    Overdue,
}

/// A deadline seen from a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countdown {
    /// The deadline.
    pub deadline: Timestamp,
    /// Time left (negative once overdue).
    pub remaining: SignedDuration,
    /// How pressing it is.
    pub urgency: Urgency,
}

impl Countdown {
    /// The countdown to `start` + 72 hours, seen at `now`.
    pub fn from(start: Timestamp, now: Timestamp) -> Self {
        let deadline = deadline(start);
        let remaining = deadline.duration_since(now);
        let urgency = if remaining <= SignedDuration::ZERO {
            Urgency::Overdue
        } else if remaining < AMBER {
            Urgency::Soon
        } else {
            Urgency::Calm
        };
        Self {
            deadline,
            remaining,
            urgency,
        }
    }

    /// Whole hours and minutes left (or past, once overdue), rounded down to the minute.
    pub fn hours_minutes(&self) -> (i64, i64) {
        let minutes = self.remaining.as_secs().abs() / 60;
        (minutes / 60, minutes % 60)
    }
}

/// 72 elapsed hours after `aware`.
pub fn deadline(aware: Timestamp) -> Timestamp {
    // 72 hours after any moment jiff can represent in this century stays representable.
    aware.checked_add(WINDOW).unwrap_or(Timestamp::MAX)
}

/// Whether a notification at `notified` comes after the 72 hours.
pub fn is_late(aware: Timestamp, notified: Timestamp) -> bool {
    notified > deadline(aware)
}

/// French time.
pub fn paris() -> TimeZone {
    // The bundled database (jiff's `tzdb-bundle-always`) always holds Europe/Paris.
    TimeZone::get("Europe/Paris").unwrap_or(TimeZone::UTC)
}

/// Why a typed time was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TimeInputError {
    /// Not `jj/mm/aaaa hh:mm`.
    #[error("expected dd/mm/yyyy hh:mm")]
    Format,
    /// Typed as a date, but no such day exists (31/02, 29/02 of a common year, month 13).
    #[error("this date does not exist")]
    NoSuchDate,
    /// The hour or minute is out of range (25:00, 10:75).
    #[error("this time of day does not exist")]
    NoSuchTime,
    /// The time does not exist in France that day (the clocks jumped forward past it).
    #[error("this time does not exist in France that day (change to summer time)")]
    Skipped,
}

/// Reads a moment typed in French time: `jj/mm/aaaa hh:mm` (or `aaaa-mm-jj hh:mm`; `h` accepted
/// between hours and minutes). A time skipped by the change to summer time is refused; a time that
/// happens twice (the change to winter time) is taken the first time, the earlier: the 72 hours are
/// never counted from later than they should.
pub fn parse_paris(text: &str) -> Result<Timestamp, TimeInputError> {
    let text = text.trim();
    let (date, time) = text
        .split_once(|c: char| c.is_whitespace() || c == 'T')
        .ok_or(TimeInputError::Format)?;
    let date = crate::locale::parse_date(date).ok_or_else(|| {
        // Numbers in the date's shape that make no day: say so, rather than blame the format.
        let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
        let numbers = parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
        if numbers {
            TimeInputError::NoSuchDate
        } else {
            TimeInputError::Format
        }
    })?;
    let time = time.trim().replace(['h', 'H'], ":");
    let (h, m) = time.split_once(':').ok_or(TimeInputError::Format)?;
    let m = if m.is_empty() { "0" } else { m };
    let h: i8 = h.trim().parse().map_err(|_err| TimeInputError::Format)?;
    let m: i8 = m.trim().parse().map_err(|_err| TimeInputError::Format)?;
    let civil = date.to_datetime(
        jiff::civil::Time::new(h, m, 0, 0).map_err(|_err| TimeInputError::NoSuchTime)?,
    );
    let tz = paris();
    let ambiguous = tz.to_ambiguous_timestamp(civil);
    if matches!(ambiguous.offset(), jiff::tz::AmbiguousOffset::Gap { .. }) {
        return Err(TimeInputError::Skipped);
    }
    ambiguous.earlier().map_err(|_err| TimeInputError::Format)
}

/// A moment as typed back into a field: `jj/mm/aaaa hh:mm` in French time.
pub fn format_paris_input(at: Timestamp) -> String {
    at.to_zoned_datetime(paris())
        .strftime("%d/%m/%Y %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris_at(text: &str) -> Timestamp {
        parse_paris(text).expect("a valid time")
    }

    fn wall(at: Timestamp) -> String {
        format_paris_input(at)
    }

    #[test]
    fn the_deadline_is_72_elapsed_hours_across_the_march_change() {
        // Saturday 28 March 2026, 10:00 CET; clocks go forward on Sunday 29 March at 02:00.
        let aware = paris_at("28/03/2026 10:00");
        let d = deadline(aware);
        assert_eq!(d.duration_since(aware), SignedDuration::from_hours(72));
        // On the wall clock the deadline reads one hour later: 11:00 CEST on Tuesday.
        assert_eq!(wall(d), "31/03/2026 11:00");
    }

    #[test]
    fn the_deadline_is_72_elapsed_hours_across_the_october_change() {
        // Saturday 24 October 2026, 10:00 CEST; clocks go back on Sunday 25 October at 03:00.
        let aware = paris_at("24/10/2026 10:00");
        let d = deadline(aware);
        assert_eq!(d.duration_since(aware), SignedDuration::from_hours(72));
        assert_eq!(wall(d), "27/10/2026 09:00");
    }

    #[test]
    fn weekends_count_like_any_day() {
        // Friday 4 December 2026, 18:00: the deadline is Monday 18:00, not Wednesday.
        let aware = paris_at("04/12/2026 18:00");
        assert_eq!(wall(deadline(aware)), "07/12/2026 18:00");
        assert!(!is_late(aware, paris_at("07/12/2026 18:00")));
        assert!(is_late(aware, paris_at("07/12/2026 18:01")));
    }

    #[test]
    fn the_countdown_turns_amber_then_red() {
        let aware = paris_at("01/12/2026 09:00");
        let at = |h: i64| {
            aware
                .checked_add(SignedDuration::from_hours(h))
                .expect("in range")
        };
        let c = Countdown::from(aware, at(30));
        assert_eq!(c.urgency, Urgency::Calm);
        assert_eq!(c.hours_minutes(), (42, 0));
        assert_eq!(Countdown::from(aware, at(48)).urgency, Urgency::Calm);
        assert_eq!(Countdown::from(aware, at(49)).urgency, Urgency::Soon);
        assert_eq!(Countdown::from(aware, at(72)).urgency, Urgency::Overdue);
        let late = Countdown::from(aware, at(75));
        assert_eq!(late.urgency, Urgency::Overdue);
        assert_eq!(late.hours_minutes(), (3, 0));
    }

    #[test]
    fn typed_times_are_read_in_french_time() {
        // Winter: UTC+1; summer: UTC+2.
        assert_eq!(
            paris_at("15/01/2026 10:30").to_string(),
            "2026-01-15T09:30:00Z"
        );
        assert_eq!(
            paris_at("2026-07-15 10h30").to_string(),
            "2026-07-15T08:30:00Z"
        );
        // 02:30 does not exist on 29 March 2026.
        assert_eq!(
            parse_paris("29/03/2026 02:30"),
            Err(TimeInputError::Skipped)
        );
        // 02:30 happens twice on 25 October 2026: the first (CEST) is taken.
        assert_eq!(
            paris_at("25/10/2026 02:30").to_string(),
            "2026-10-25T00:30:00Z"
        );
        for bad in [
            "",
            "15/01/2026",
            "hier",
            "15/janv/2026 10:00",
            "15/01/2026 dix",
        ] {
            assert_eq!(parse_paris(bad), Err(TimeInputError::Format), "{bad:?}");
        }
        // The real problem is named: a day that does not exist is not a format error.
        for no_day in [
            "32/01/2026 10:00",
            "31/02/2026 10:00",
            "29/02/2027 08:00",
            "2026-13-01 10:00",
        ] {
            assert_eq!(
                parse_paris(no_day),
                Err(TimeInputError::NoSuchDate),
                "{no_day:?}"
            );
        }
        assert_eq!(
            parse_paris("29/02/2028 08:00").map(|_| ()),
            Ok(()),
            "a leap year"
        );
        for no_time in ["15/01/2026 25:00", "15/01/2026 10:75"] {
            assert_eq!(
                parse_paris(no_time),
                Err(TimeInputError::NoSuchTime),
                "{no_time:?}"
            );
        }
    }
}
