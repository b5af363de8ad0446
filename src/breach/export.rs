//! The register as files anyone can check without Vigie (`docs/breach-register-format.md`, "The
//! export"): every event with the exact bytes that were hashed and the previous hash, one JSON object
//! a line (`events.jsonl`), the head as the bytes a signature covers (`head.txt`), the attached files
//! named by their SHA-256 (`files/<sha256>`), and a `SHA256SUMS` list for `sha256sum -c`.
//!
//! The shells add what needs a key or the texts: the head's signature, `allowed_signers` and
//! `HOW-TO-VERIFY.txt` ([`with_sums`] then lists everything).

use std::fmt::Write as _;

use serde::Serialize;
use sha2::{Digest as _, Sha256};

use super::BreachRegister;
use super::chain::{ChainHead, DatedHead, EVENT_DOMAIN, GENESIS, parse_hex32};
use crate::digest::sha256_hex;

/// The events, one JSON object a line.
pub const EVENTS_FILE: &str = "events.jsonl";
/// The head: the exact bytes its signature covers.
pub const HEAD_FILE: &str = "head.txt";
/// The head's OpenSSH signature (namespace `vigie-breach-register`).
pub const HEAD_SIGNATURE_FILE: &str = "head.txt.sig";
/// The checksum list, as `sha256sum` writes it.
pub const SUMS_FILE: &str = "SHA256SUMS";
/// The folder of attached files, each named by its SHA-256.
pub const FILES_DIR: &str = "files";

/// One line of `events.jsonl`, keys in this order.
#[derive(Serialize)]
struct Line<'a> {
    seq: u64,
    breach: u32,
    prev: String,
    hash: String,
    /// The exact bytes hashed, as a JSON string (they are UTF-8 JSON themselves).
    body: &'a str,
}

/// The files of the export, in a fixed order: `events.jsonl`, `head.txt` (the head dated `signed_at`,
/// the moment its signature is made), then the attached files. A damaged register is exported as it
/// is (the file is evidence): a verifier finds its break.
pub fn files(register: &BreachRegister, signed_at: jiff::Timestamp) -> Vec<(String, Vec<u8>)> {
    let mut events = Vec::new();
    for e in &register.events {
        let body = e.body_bytes();
        let line = Line {
            seq: e.seq,
            breach: e.breach.0,
            prev: hex::encode(e.prev),
            hash: hex::encode(e.hash),
            body: &String::from_utf8_lossy(&body),
        };
        // A struct of numbers and strings always serializes.
        events.extend(serde_json::to_vec(&line).unwrap_or_default());
        events.push(b'\n');
    }
    let mut out = vec![
        (EVENTS_FILE.to_owned(), events),
        (
            HEAD_FILE.to_owned(),
            DatedHead::new(register.head(), signed_at).signing_bytes(),
        ),
    ];
    let mut stored: Vec<_> = register.files.iter().collect();
    stored.sort_by(|a, b| a.sha256.cmp(&b.sha256));
    for f in stored {
        out.push((format!("{FILES_DIR}/{}", f.sha256), f.content.to_vec()));
    }
    out
}

/// `files` and their `SHA256SUMS` (`<64 hex digits>  <name>` a line, sorted by name, as
/// `sha256sum` writes and `sha256sum -c` reads).
pub fn with_sums(mut files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    files.retain(|(n, _)| n != SUMS_FILE);
    let mut lines: Vec<(String, String)> = files
        .iter()
        .map(|(n, b)| (n.clone(), sha256_hex(b)))
        .collect();
    lines.sort();
    let sums = lines.iter().fold(String::new(), |mut out, (n, h)| {
        let _ = writeln!(out, "{h}  {n}");
        out
    });
    files.push((SUMS_FILE.to_owned(), sums.into_bytes()));
    files
}

/// An event of an export as read back: its number, and its hash as recomputed from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadEvent {
    /// Its number.
    pub seq: u64,
    /// Its hash, recomputed.
    pub hash: [u8; 32],
}

/// Why an exported `events.jsonl` does not verify: the first line that does not fit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportBreak {
    /// The line does not read (JSON, numbering, hexadecimal).
    #[error("line {0} of events.jsonl does not read")]
    Unreadable(u64),
    /// The event does not follow the one before it.
    #[error("event {0} does not follow the event before it")]
    Unlinked(u64),
    /// The event's bytes do not hash to its hash.
    #[error("event {0} was changed after it was recorded")]
    Altered(u64),
}

/// Recomputes every event of an exported `events.jsonl` (`docs/breach-register-format.md`, "The
/// export") from its bytes alone: every hash and every link.
pub fn read_events(jsonl: &[u8]) -> Result<Vec<ReadEvent>, ExportBreak> {
    #[derive(serde::Deserialize)]
    struct In {
        seq: u64,
        prev: String,
        hash: String,
        body: String,
    }
    let mut prev = GENESIS;
    let mut out = Vec::new();
    for (i, raw) in jsonl
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let n = i as u64 + 1;
        let line: In = serde_json::from_slice(raw).or(Err(ExportBreak::Unreadable(n)))?;
        let stated = parse_hex32(&line.hash).ok_or(ExportBreak::Unreadable(n))?;
        if line.seq != n {
            return Err(ExportBreak::Unreadable(n));
        }
        if parse_hex32(&line.prev) != Some(prev) {
            return Err(ExportBreak::Unlinked(n));
        }
        let body = line.body.as_bytes();
        let mut h = Sha256::new();
        h.update(EVENT_DOMAIN);
        h.update(prev);
        h.update((body.len() as u64).to_be_bytes());
        h.update(body);
        let hash: [u8; 32] = h.finalize().into();
        if hash != stated {
            return Err(ExportBreak::Altered(n));
        }
        out.push(ReadEvent { seq: n, hash });
        prev = hash;
    }
    Ok(out)
}

/// How a register compares with a head signed earlier (in a signed self-assessment, or a head
/// countersigned alone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extends {
    /// The register still holds the signed head: its first `signed.count` events end with the signed
    /// hash; `now` is its head today.
    Yes {
        /// Today's head.
        now: ChainHead,
    },
    /// Fewer events than were signed: events were cut off the end.
    Truncated {
        /// Events found.
        found: u64,
    },
    /// The event at the signed count has another hash: the register was rewritten.
    Rewritten {
        /// The hash of the event numbered `signed.count` now.
        found: [u8; 32],
    },
}

/// Whether the register whose recomputed events are `events` extends `signed`.
pub fn extends(events: &[ReadEvent], signed: ChainHead) -> Extends {
    let found = events.len() as u64;
    if found < signed.count {
        return Extends::Truncated { found };
    }
    // `found >= signed.count` here, so the event numbered `signed.count` is there (none for 0).
    let at = usize::try_from(signed.count)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| events.get(i))
        .map_or(GENESIS, |e| e.hash);
    if at != signed.hash {
        return Extends::Rewritten { found: at };
    }
    Extends::Yes {
        now: ChainHead {
            count: found,
            hash: events.last().map_or(GENESIS, |e| e.hash),
        },
    }
}

/// A register compared with the head witnessed by the last signed self-assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgainstSigned {
    /// The assessment was signed by an earlier version of Vigie: it witnesses no head.
    NotWitnessed {
        /// When it was signed.
        signed_at: jiff::Timestamp,
    },
    /// Compared.
    Compared {
        /// When the head was signed.
        signed_at: jiff::Timestamp,
        /// The head signed.
        signed: ChainHead,
        /// How the register compares with it.
        outcome: Extends,
    },
}

impl AgainstSigned {
    /// Whether the register holds what was signed (an assessment that witnesses nothing contradicts
    /// nothing).
    pub fn holds(&self) -> bool {
        match self {
            Self::NotWitnessed { .. } => true,
            Self::Compared { outcome, .. } => matches!(outcome, Extends::Yes { .. }),
        }
    }
}

/// The recomputed events of a register held in the vault (its chain checked first: `None` when
/// broken, a break the register's own verification names).
pub fn events_of(register: &BreachRegister) -> Option<Vec<ReadEvent>> {
    register.verify().ok()?;
    Some(
        register
            .events
            .iter()
            .map(|e| ReadEvent {
                seq: e.seq,
                hash: e.hash,
            })
            .collect(),
    )
}
