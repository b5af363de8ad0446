//! The register's tamper evidence: an append-only list of events, each chained to the one before it by
//! a domain-separated SHA-256 hash (the format is described in `docs/breach-register-format.md`).
//!
//! `hash(n) = SHA-256(EVENT_DOMAIN ‖ hash(n-1) ‖ len(body) as u64 big-endian ‖ body)`, where `body` is
//! the event's canonical bytes ([`Event::body_bytes`]: compact JSON of `seq`, `breach`, `at`, `by` and
//! `change`, in that order) and `hash(0)` is 32 zero bytes. A chain alone cannot show that its last
//! events were cut off: its [`ChainHead`] (count and last hash) is printed on every register PDF, and
//! is signed with the moment of signing ([`DatedHead::signing_bytes`]; heads signed before heads were
//! dated read with [`parse_head`] as undated).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::{BreachId, Change};

/// What every event's hash starts with, so that no other SHA-256 in Vigie can be taken for one.
pub const EVENT_DOMAIN: &[u8] = b"vigie/breach-register/event/v1\n";
/// What the bytes of an undated chain head start with (heads signed before heads were dated: still
/// read and verified as such).
pub const HEAD_DOMAIN: &[u8] = b"vigie/breach-register/head/v1\n";
/// What the bytes of a dated chain head start with ([`DatedHead::signing_bytes`]).
pub const DATED_HEAD_DOMAIN: &[u8] = b"vigie/breach-register/head/v2\n";
/// The SSHSIG namespace of the head's signature.
pub const HEAD_NAMESPACE: &str = "vigie-breach-register";
/// The "previous hash" of the first event.
pub const GENESIS: [u8; 32] = [0; 32];

/// One change to the register, never rewritten once appended.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Position in the chain, from 1.
    pub seq: u64,
    /// The breach it concerns.
    pub breach: BreachId,
    /// When it was recorded (whole seconds, UTC).
    pub at: Timestamp,
    /// Who recorded it.
    pub by: String,
    /// What changed.
    pub change: Change,
    /// The previous event's hash ([`GENESIS`] for the first).
    #[serde(with = "hex32")]
    pub prev: [u8; 32],
    /// This event's hash.
    #[serde(with = "hex32")]
    pub hash: [u8; 32],
}

impl std::fmt::Debug for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The change's free text may describe patients: only its kind is shown.
        f.debug_struct("Event")
            .field("seq", &self.seq)
            .field("breach", &self.breach)
            .field("at", &self.at)
            .field("change", &self.change.kind())
            .field("hash", &hex::encode(self.hash))
            .finish_non_exhaustive()
    }
}

/// The canonical part of an event, in the order it is hashed.
#[derive(Serialize)]
struct Body<'a> {
    seq: u64,
    breach: BreachId,
    at: Timestamp,
    by: &'a str,
    change: &'a Change,
}

impl Event {
    /// The bytes hashed for this event: compact JSON (serde_json) of `seq`, `breach`, `at`, `by`,
    /// `change`, in this order.
    pub fn body_bytes(&self) -> Vec<u8> {
        let body = Body {
            seq: self.seq,
            breach: self.breach,
            at: self.at,
            by: &self.by,
            change: &self.change,
        };
        // Serializing plain structs, enums, strings and integers to memory cannot fail.
        serde_json::to_vec(&body).unwrap_or_default()
    }

    /// The hash this event must have, chained to `prev`.
    pub fn compute_hash(&self, prev: &[u8; 32]) -> [u8; 32] {
        let body = self.body_bytes();
        let mut h = Sha256::new();
        h.update(EVENT_DOMAIN);
        h.update(prev);
        h.update((body.len() as u64).to_be_bytes());
        h.update(&body);
        h.finalize().into()
    }

    /// A new event after `prev_hash`, hashed.
    pub(super) fn new(
        seq: u64,
        breach: BreachId,
        at: Timestamp,
        by: &str,
        change: Change,
        prev: [u8; 32],
    ) -> Self {
        let mut event = Self {
            seq,
            breach,
            at,
            by: by.to_owned(),
            change,
            prev,
            hash: [0; 32],
        };
        event.hash = event.compute_hash(&prev);
        event
    }
}

/// The head of the chain: how many events, and the last one's hash. Printed on the register PDF so
/// that a later copy can be checked against the paper; signed once signing exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChainHead {
    /// Number of events.
    pub count: u64,
    /// The last event's hash ([`GENESIS`] for an empty register).
    pub hash: [u8; 32],
}

impl ChainHead {
    /// The exact bytes a signature of this head covers: a short text that can be typed again from the
    /// paper register — [`HEAD_DOMAIN`], then `count: N` and `hash: <64 hex digits>`, each line ended by a
    /// line feed.
    pub fn signing_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEAD_DOMAIN.len() + 90);
        out.extend_from_slice(HEAD_DOMAIN);
        out.extend_from_slice(
            format!("count: {}\nhash: {}\n", self.count, self.hash_hex()).as_bytes(),
        );
        out
    }

    /// The hash in hexadecimal (64 characters).
    pub fn hash_hex(&self) -> String {
        hex::encode(self.hash)
    }
}

/// A head with the moment it was signed: what every head signature covers since heads are dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedHead {
    /// The head.
    pub head: ChainHead,
    /// When it was signed, to the second (UTC).
    pub signed_at: Timestamp,
}

impl DatedHead {
    /// `head` dated `at`, cut to the whole second.
    pub fn new(head: ChainHead, at: Timestamp) -> Self {
        let signed_at = Timestamp::from_second(at.as_second()).unwrap_or(at);
        Self { head, signed_at }
    }

    /// The exact bytes a signature of this head covers: [`DATED_HEAD_DOMAIN`], then `count: N`,
    /// `hash: <64 hex digits>` and `signed_at: YYYY-MM-DDTHH:MM:SSZ`, each line ended by a line feed.
    pub fn signing_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(DATED_HEAD_DOMAIN.len() + 120);
        out.extend_from_slice(DATED_HEAD_DOMAIN);
        out.extend_from_slice(
            format!(
                "count: {}\nhash: {}\nsigned_at: {}\n",
                self.head.count,
                self.head.hash_hex(),
                utc_second(self.signed_at)
            )
            .as_bytes(),
        );
        out
    }
}

/// A moment as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc_second(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Reads the bytes of a head, dated (`head/v2`) or not (`head/v1`, written before heads were dated):
/// the head and, for a dated one, its date. `None` when the bytes are not exactly one of the two.
pub fn parse_head(bytes: &[u8]) -> Option<(ChainHead, Option<Timestamp>)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let (dated, rest) = if let Some(rest) = text.strip_prefix("vigie/breach-register/head/v2\n") {
        (true, rest)
    } else {
        (false, text.strip_prefix("vigie/breach-register/head/v1\n")?)
    };
    let mut lines = rest.split_terminator('\n');
    let count: u64 = lines.next()?.strip_prefix("count: ")?.parse().ok()?;
    let hash = parse_hex32(lines.next()?.strip_prefix("hash: ")?)?;
    let head = ChainHead { count, hash };
    let signed_at = if dated {
        let at: Timestamp = lines.next()?.strip_prefix("signed_at: ")?.parse().ok()?;
        Some(at)
    } else {
        None
    };
    let canonical = match signed_at {
        Some(at) => DatedHead::new(head, at).signing_bytes(),
        None => head.signing_bytes(),
    };
    (canonical == bytes).then_some((head, signed_at))
}

/// Where the chain is broken: the first event that does not fit, named for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    /// The event's content no longer matches its own hash: it was edited.
    #[error("event {seq} was changed after it was recorded")]
    Altered {
        /// The event's number.
        seq: u64,
        /// Its breach.
        breach: BreachId,
    },
    /// The event does not follow the one before it (an event was removed, inserted or moved).
    #[error("event {seq} does not follow the event before it")]
    Unlinked {
        /// The event's number.
        seq: u64,
        /// Its breach.
        breach: BreachId,
    },
    /// The numbering jumps: at position `position` the event is numbered `found`.
    #[error("the event at position {position} is numbered {found}")]
    Numbering {
        /// Position in the list, from 1.
        position: u64,
        /// The number found there.
        found: u64,
    },
    /// An attached file no longer matches the hash recorded when it was attached.
    #[error("the attached file {name} was changed")]
    File {
        /// The file's name.
        name: String,
    },
}

/// Checks every link of `events`; the head when all hold.
pub fn verify(events: &[Event]) -> Result<ChainHead, ChainBreak> {
    let mut prev = GENESIS;
    for (i, e) in events.iter().enumerate() {
        let position = i as u64 + 1;
        if e.seq != position {
            return Err(ChainBreak::Numbering {
                position,
                found: e.seq,
            });
        }
        if e.compute_hash(&e.prev) != e.hash {
            return Err(ChainBreak::Altered {
                seq: e.seq,
                breach: e.breach,
            });
        }
        if e.prev != prev {
            return Err(ChainBreak::Unlinked {
                seq: e.seq,
                breach: e.breach,
            });
        }
        prev = e.hash;
    }
    Ok(ChainHead {
        count: events.len() as u64,
        hash: prev,
    })
}

/// The 32 bytes written as 64 hexadecimal digits.
pub fn parse_hex32(text: &str) -> Option<[u8; 32]> {
    hex::FromHex::from_hex(text).ok()
}

mod hex32 {
    use serde::{Deserialize as _, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
        let text = String::deserialize(d)?;
        super::parse_hex32(&text).ok_or_else(|| serde::de::Error::custom("not 64 hex digits"))
    }
}
