//! The register as files anyone can check without Vigie (`docs/breach-register-format.md`, "The
//! export"): every event with the exact bytes that were hashed and the previous hash, one JSON object
//! a line (`events.jsonl`), the head as the bytes a signature covers (`head.txt`), the attached files
//! named by their SHA-256 (`files/<sha256>`), and a `SHA256SUMS` list for `sha256sum -c`.
//!
//! The shells add what needs a key or the texts: the head's signature, `allowed_signers` and
//! `HOW-TO-VERIFY.txt` ([`with_sums`] then lists everything).

use std::fmt::Write as _;

use serde::Serialize;

use super::BreachRegister;
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

/// The files of the export, in a fixed order: `events.jsonl`, `head.txt`, then the attached files.
/// A damaged register is exported as it is (the file is evidence): a verifier finds its break.
pub fn files(register: &BreachRegister) -> Vec<(String, Vec<u8>)> {
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
        (HEAD_FILE.to_owned(), register.head().signing_bytes()),
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
