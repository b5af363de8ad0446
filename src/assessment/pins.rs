//! The consultant's pins: the doctor's key of each practice, remembered at the first countersignature.
//!
//! A signed assessment carries its doctor's public key; anyone can make a new key, change the answers
//! and sign again (a re-keyed forgery, valid for `ssh-keygen`). The consultant's Vigie keeps, in the
//! consultant's own key file (beside their identity, encrypted with it, saved atomically), the
//! fingerprint of each practice's doctor key it has countersigned; a different key is refused unless
//! the consultant confirms the change with a reason, which is kept here and signed in the
//! countersignature's statement ([`super::KeyChange`]). No patient data: a practice's name, its RPPS,
//! fingerprints, dates and the consultant's reasons.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A change of a practice's doctor key, accepted by the consultant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinChange {
    /// The fingerprint pinned before.
    pub previous: String,
    /// The new one.
    pub fingerprint: String,
    /// When the consultant accepted it.
    pub at: Timestamp,
    /// Why, in the consultant's words.
    pub reason: String,
}

/// One practice's pinned doctor key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pin {
    /// The practice's name, as in the countersigned document.
    pub practice: String,
    /// The doctor's RPPS number (may be empty).
    pub rpps: String,
    /// The doctor's key fingerprint (`SHA256:…`).
    pub fingerprint: String,
    /// When it was first pinned.
    pub pinned_at: Timestamp,
    /// The accepted changes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<PinChange>,
}

/// What a countersignature is about: a practice and its doctor's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinSubject {
    /// The practice's name.
    pub practice: String,
    /// The doctor's RPPS number (may be empty).
    pub rpps: String,
    /// The doctor's key fingerprint.
    pub fingerprint: String,
}

/// A changed key was presented without a reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the doctor's key of {practice} changed since {pinned_at}: pinned {pinned}, presented {presented}"
)]
pub struct KeyChanged {
    /// The practice, as pinned.
    pub practice: String,
    /// The pinned fingerprint.
    pub pinned: String,
    /// Since when.
    pub pinned_at: Timestamp,
    /// The fingerprint of the document's key.
    pub presented: String,
}

/// The pins of one consultant's key file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pins(Vec<Pin>);

fn same_practice(pin: &Pin, subject: &PinSubject) -> bool {
    let rpps = subject.rpps.trim();
    crate::paths::slug(&pin.practice) == crate::paths::slug(&subject.practice)
        || (!rpps.is_empty() && pin.rpps.trim() == rpps)
}

impl Pins {
    /// No pin yet.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every pin.
    pub fn all(&self) -> &[Pin] {
        &self.0
    }

    /// The pin of `subject`'s practice: same name (case, accents and spacing aside) or same RPPS.
    pub fn find(&self, subject: &PinSubject) -> Option<&Pin> {
        self.0.iter().find(|p| same_practice(p, subject))
    }

    /// Accepts `subject`'s key: pins it at the first countersignature, passes it when it is the
    /// pinned one, and refuses a changed key unless `reason` (trimmed) is not empty; an accepted
    /// change replaces the pin and is kept with its reason. Returns the change accepted, if any, and
    /// whether the pins changed (to save them).
    pub fn accept(
        &mut self,
        subject: &PinSubject,
        reason: Option<&str>,
        now: Timestamp,
    ) -> Result<(Option<PinChange>, bool), KeyChanged> {
        let now = now.round(jiff::Unit::Second).unwrap_or(now);
        let Some(pin) = self.0.iter_mut().find(|p| same_practice(p, subject)) else {
            self.0.push(Pin {
                practice: subject.practice.clone(),
                rpps: subject.rpps.clone(),
                fingerprint: subject.fingerprint.clone(),
                pinned_at: now,
                changes: Vec::new(),
            });
            return Ok((None, true));
        };
        if pin.fingerprint == subject.fingerprint {
            return Ok((None, false));
        }
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        let Some(reason) = reason else {
            return Err(KeyChanged {
                practice: pin.practice.clone(),
                pinned: pin.fingerprint.clone(),
                pinned_at: pin.changes.last().map_or(pin.pinned_at, |c| c.at),
                presented: subject.fingerprint.clone(),
            });
        };
        let change = PinChange {
            previous: std::mem::replace(&mut pin.fingerprint, subject.fingerprint.clone()),
            fingerprint: subject.fingerprint.clone(),
            at: now,
            reason: reason.to_owned(),
        };
        pin.changes.push(change.clone());
        Ok((Some(change), true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(practice: &str, rpps: &str, fp: &str) -> PinSubject {
        PinSubject {
            practice: practice.to_owned(),
            rpps: rpps.to_owned(),
            fingerprint: fp.to_owned(),
        }
    }

    #[test]
    fn first_pins_same_passes_changed_needs_a_reason() {
        let now = Timestamp::from_second(1_800_000_000).expect("ts");
        let mut pins = Pins::default();
        assert_eq!(
            pins.accept(&subject("Cabinet A", "10001", "SHA256:a"), None, now),
            Ok((None, true))
        );
        assert_eq!(
            pins.accept(&subject("cabinet  a", "", "SHA256:a"), None, now),
            Ok((None, false))
        );
        // Another name but the same RPPS is the same practice.
        let err = pins
            .accept(&subject("Cabinet B", "10001", "SHA256:b"), Some("  "), now)
            .expect_err("refused");
        assert_eq!(err.pinned, "SHA256:a");
        assert_eq!(err.presented, "SHA256:b");
        let (change, changed) = pins
            .accept(
                &subject("Cabinet A", "10001", "SHA256:b"),
                Some(" new PC "),
                now,
            )
            .expect("accepted");
        assert!(changed);
        let change = change.expect("a change");
        assert_eq!(change.previous, "SHA256:a");
        assert_eq!(change.reason, "new PC");
        assert_eq!(pins.all()[0].fingerprint, "SHA256:b");
        assert_eq!(pins.all()[0].changes, vec![change]);
        // Another practice gets its own pin.
        assert_eq!(
            pins.accept(&subject("Cabinet C", "", "SHA256:a"), None, now),
            Ok((None, true))
        );
        assert_eq!(pins.all().len(), 2);
    }
}
