//! What the practice answered, the evidence attached, and the action plan: the checklist's records in
//! the vault.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The largest evidence file accepted, in bytes (a screenshot, a scanned certificate or contract).
pub const MAX_EVIDENCE_BYTES: usize = 8 * 1024 * 1024;

/// An answer to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnswerValue {
    /// The measure is in place.
    Yes,
    /// Partly in place.
    Partly,
    /// Not in place.
    No,
    /// Does not concern this practice (a choice of the user, with a note).
    NotApplicable,
    /// The user does not know: counts as "no" and becomes the action "find out".
    DontKnow,
}

impl AnswerValue {
    /// Every answer, in display order.
    pub const ALL: [Self; 5] = [
        Self::Yes,
        Self::Partly,
        Self::No,
        Self::NotApplicable,
        Self::DontKnow,
    ];

    /// The share of the item's weight this answer earns; `None` when it is left out of the score.
    pub fn credit(self) -> Option<f64> {
        match self {
            Self::Yes => Some(1.0),
            Self::Partly => Some(0.5),
            Self::No | Self::DontKnow => Some(0.0),
            Self::NotApplicable => None,
        }
    }
}

/// Who gave an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Respondent {
    /// The practitioner.
    #[default]
    Doctor,
    /// The DPO or IT consultant, during a visit.
    Consultant,
}

/// One answer, dated and attributed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The answer.
    pub value: AnswerValue,
    /// A free note (what was seen, what is planned).
    #[serde(default)]
    pub note: String,
    /// Who answered.
    pub by: Respondent,
    /// When.
    pub at: Timestamp,
    /// Carried over from the last signed assessment and not confirmed since: shown "to review".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub to_review: bool,
    /// Why it is to review when the catalog changed the item's meaning (from its `migrations`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_reason: Option<super::Text>,
}

/// A file attached as evidence, kept encrypted in the vault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Identifier, unique in the vault.
    pub id: u32,
    /// The item it supports.
    pub item: String,
    /// The file's name when attached.
    pub name: String,
    /// SHA-256 of the content, in hexadecimal: identifies the exact file in reports.
    pub sha256: String,
    /// When it was attached.
    pub added_at: Timestamp,
    /// The content. Shared (`Arc`), so that a copy of the vault's contents for a save costs nothing.
    #[serde(with = "crate::base64_field")]
    pub content: Arc<[u8]>,
}

/// Why a file was refused as evidence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    /// Over [`MAX_EVIDENCE_BYTES`].
    #[error("the file is {size} bytes; evidence files are limited to {max} bytes")]
    TooLarge {
        /// The file's size.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// An empty file proves nothing.
    #[error("the file is empty")]
    Empty,
}

/// What an action asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionKind {
    /// Put the measure in place (answer "no" or "partly").
    Fix,
    /// Find out whether it is in place (answer "don't know").
    FindOut,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ActionStatus {
    /// Not started.
    #[default]
    Todo,
    /// Started.
    InProgress,
    /// Done.
    Done,
}

impl ActionStatus {
    /// Every status, in order.
    pub const ALL: [Self; 3] = [Self::Todo, Self::InProgress, Self::Done];
}

/// An action of the plan, for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// The item concerned.
    pub item: String,
    /// Fix, or find out.
    pub kind: ActionKind,
    /// Who does it (the doctor, the secretary, the IT provider…).
    #[serde(default)]
    pub owner: String,
    /// By when.
    #[serde(default)]
    pub due: Option<jiff::civil::Date>,
    /// Where it stands.
    #[serde(default)]
    pub status: ActionStatus,
    /// When it was created.
    pub created_at: Timestamp,
    /// When it was marked done.
    #[serde(default)]
    pub done_at: Option<Timestamp>,
}

/// The checklist's records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistRecord {
    /// Answers by item id.
    pub answers: BTreeMap<String, Answer>,
    /// Evidence files.
    pub evidence: Vec<Evidence>,
    /// The action plan, carried over from one assessment to the next.
    pub actions: Vec<Action>,
    /// The catalog version the answers refer to; 0 in records written before versions were recorded,
    /// which were all answered on version 1 ([`Self::answered_on`]).
    pub catalog_version: u32,
    /// The version the answers were first given on, when they were brought to a later one.
    pub migrated_from: Option<u32>,
}

impl ChecklistRecord {
    /// An empty record for the embedded catalog's version.
    pub fn new() -> Self {
        Self {
            catalog_version: super::catalog::CATALOG_VERSION,
            ..Self::default()
        }
    }

    /// The catalog version the answers refer to (1 for records that did not say).
    pub fn answered_on(&self) -> u32 {
        self.catalog_version.max(1)
    }

    /// Attaches a file to an item's answer; returns its id.
    pub fn attach(
        &mut self,
        item: &str,
        name: &str,
        content: Vec<u8>,
    ) -> Result<u32, EvidenceError> {
        self.attach_hashed(item, name, crate::digest::Hashed::new(content))
    }

    /// [`ChecklistRecord::attach`] with the file already hashed (where it was read, off the window's
    /// thread).
    pub fn attach_hashed(
        &mut self,
        item: &str,
        name: &str,
        file: crate::digest::Hashed,
    ) -> Result<u32, EvidenceError> {
        let (content, sha256) = file.into_parts();
        if content.is_empty() {
            return Err(EvidenceError::Empty);
        }
        if content.len() > MAX_EVIDENCE_BYTES {
            return Err(EvidenceError::TooLarge {
                size: content.len(),
                max: MAX_EVIDENCE_BYTES,
            });
        }
        let id = self.evidence.iter().map(|e| e.id).max().unwrap_or(0) + 1;
        self.evidence.push(Evidence {
            id,
            item: item.to_owned(),
            name: name.to_owned(),
            sha256,
            added_at: Timestamp::now(),
            content: content.into(),
        });
        Ok(id)
    }

    /// The evidence attached to an item.
    pub fn evidence_for<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Evidence> + 'a {
        self.evidence.iter().filter(move |e| e.item == item)
    }

    /// Removes an evidence file.
    pub fn detach(&mut self, id: u32) {
        self.evidence.retain(|e| e.id != id);
    }

    /// Records an answer, keeping the note already written.
    pub fn answer(&mut self, item: &str, value: AnswerValue, by: Respondent, at: Timestamp) {
        let entry = self
            .answers
            .entry(item.to_owned())
            .or_insert_with(|| Answer {
                value,
                note: String::new(),
                by,
                at,
                to_review: false,
                review_reason: None,
            });
        entry.value = value;
        entry.by = by;
        entry.at = at;
        entry.to_review = false;
        entry.review_reason = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_hashed_limited_and_round_trips() {
        let mut r = ChecklistRecord::default();
        assert_eq!(
            r.attach("box.upnp", "vide.png", Vec::new()),
            Err(EvidenceError::Empty)
        );
        let too_big = vec![0u8; MAX_EVIDENCE_BYTES + 1];
        assert!(matches!(
            r.attach("box.upnp", "big.png", too_big),
            Err(EvidenceError::TooLarge { .. })
        ));
        let id = r
            .attach(
                "box.upnp",
                "capture-box.png",
                b"PNG bytes \x00\xff".to_vec(),
            )
            .expect("attach");
        assert_eq!(r.evidence_for("box.upnp").count(), 1);
        assert_eq!(r.evidence[0].sha256.len(), 64);
        let ron = ron::to_string(&r).expect("ser");
        assert_eq!(ron::from_str::<ChecklistRecord>(&ron).expect("de"), r);
        r.detach(id);
        assert!(r.evidence.is_empty());
    }
}
