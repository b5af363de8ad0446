//! The PC checks kept in the vault as evidence: the last run whole, earlier runs as dated counts, and
//! which proposed checklist answers the doctor has settled.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{CheckResult, Status, SystemReport, catalog};

/// An earlier run, as counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunDigest {
    /// When.
    pub checked_at: Timestamp,
    /// Fail, warning, unknown, pass.
    pub counts: [usize; 4],
}

/// The checks' records in the vault.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SystemRecord {
    /// The last run.
    pub last: Option<SystemReport>,
    /// Earlier runs, oldest first.
    pub earlier: Vec<RunDigest>,
    /// Checklist items whose proposed answer the doctor confirmed or corrected, with the run it came
    /// from (a new run proposes again).
    pub settled: BTreeMap<String, Timestamp>,
    /// The Orthanc configuration the user pointed to (a file or folder), read instead of Orthanc's
    /// usual places.
    pub orthanc_config: Option<std::path::PathBuf>,
    /// Vigie's Freebox app token (a secret: kept here, in the encrypted vault, and nowhere else).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freebox_token: Option<String>,
}

/// An answer proposed to the checklist from a check's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Proposed {
    /// The measure is in place.
    Yes,
    /// Partly.
    Partly,
    /// Not in place.
    No,
}

impl SystemRecord {
    /// Keeps `report` as the last run; the one before becomes a digest.
    pub fn record(&mut self, report: SystemReport) {
        if let Some(previous) = self.last.take() {
            self.earlier.push(RunDigest {
                checked_at: previous.checked_at,
                counts: previous.counts(),
            });
        }
        self.last = Some(report);
    }

    /// Keeps the result of a reading of the box's rules (dated by the reading) in the last run, in
    /// place of the one before; a run started when there is none yet. The next PC check run keeps it
    /// (it does not read the box: `PracticeFile::record_system_checks`).
    pub fn record_box(&mut self, result: CheckResult) {
        let last = self.last.get_or_insert_with(|| SystemReport {
            checked_at: result.checked_at,
            system: super::os_eol::system_name(),
            results: Vec::new(),
        });
        match last.results.iter_mut().find(|x| x.id == result.id) {
            Some(slot) => *slot = result,
            None => last.results.push(result),
        }
    }

    /// The proposals of the last run not yet settled: (item, proposed answer, the result it comes from).
    pub fn proposals(&self) -> Vec<(&'static str, Proposed, &CheckResult)> {
        let Some(last) = &self.last else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for r in &last.results {
            for item in catalog::items_of(r.id) {
                let Some(p) = proposal_for(r, item) else {
                    continue;
                };
                if self.settled.get(*item) != Some(&last.checked_at) {
                    out.push((*item, p, r));
                }
            }
        }
        keep_box_rules_first(&mut out, |x| (x.0, x.2.id));
        out
    }

    /// Marks `item`'s proposal from the last run as settled (confirmed or corrected).
    pub fn settle(&mut self, item: &str) {
        if let Some(last) = &self.last {
            self.settled.insert(item.to_owned(), last.checked_at);
        }
    }
}

/// The answer a result proposes for the checklist's `item`: a reading of the box's rules answers each
/// of its items on its own ([`super::boxes::risk::proposal`]); another check as [`proposal`].
pub fn proposal_for(r: &CheckResult, item: &str) -> Option<Proposed> {
    if matches!(r.finding, super::Finding::BoxRules { .. }) {
        super::boxes::risk::proposal(&r.finding, item)
    } else {
        proposal(r)
    }
}

/// One proposal per item: when two checks propose for the same item (the UPnP list and the box's own
/// setting both inform `box.upnp`), the box's own rules win, being what the box says of itself.
pub fn keep_box_rules_first<X>(rows: &mut Vec<X>, key: impl Fn(&X) -> (&str, super::CheckId)) {
    let mut seen: Vec<String> = Vec::new();
    let by_box: Vec<String> = rows
        .iter()
        .filter(|x| key(x).1 == super::CheckId::BoxRules)
        .map(|x| key(x).0.to_owned())
        .collect();
    rows.retain(|x| {
        let (item, id) = key(x);
        if id != super::CheckId::BoxRules && by_box.iter().any(|b| b == item) {
            return false;
        }
        if seen.iter().any(|s| s == item) {
            return false;
        }
        seen.push(item.to_owned());
        true
    });
}

/// The answer a result proposes: pass → yes, warning → partly, fail → no; nothing for an unknown, or
/// for a result that says nothing of the measure (no Orthanc found, nothing to knock on).
pub fn proposal(r: &CheckResult) -> Option<Proposed> {
    use super::Finding;
    if matches!(
        r.finding,
        Finding::OrthancAbsent | Finding::ProbeNothingToKnock | Finding::Unknown { .. }
    ) {
        return None;
    }
    match r.status {
        Status::Pass => Some(Proposed::Yes),
        Status::Warning => Some(Proposed::Partly),
        Status::Fail => Some(Proposed::No),
        Status::Unknown => None,
    }
}
