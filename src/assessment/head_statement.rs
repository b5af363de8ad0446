//! A consultant's countersignature of the breach register's head alone, on a visit between two
//! assessments: a statement in the countersignature namespace (`vigie-countersignature`) naming the
//! head (count, hash and the date the practice signed it), who countersigns and when
//! (`docs/signed-assessment-format.md`, "A head countersigned alone").

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::document::RegisterHeadDoc;
use super::identity::Identity;
use super::{STATEMENT_NAMESPACE, SignedStatement, Signer, sshsig};

/// The `format` field of a head countersignature.
pub const HEAD_STATEMENT_FORMAT: &str = "vigie-head-countersignature";

/// What a consultant vouches for when countersigning a register's head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadStatement {
    /// Always [`HEAD_STATEMENT_FORMAT`].
    pub format: String,
    /// Always 1.
    pub version: u32,
    /// The head: number of events and last hash.
    pub register_head: RegisterHeadDoc,
    /// When the practice signed this head (`signed_at` of a dated head; `null` for an undated one).
    pub head_signed_at: Option<Timestamp>,
    /// The countersigner: name, role, organisation, public key (the key that signs this statement).
    pub signer: Identity,
    /// When they countersigned, RFC 3339 UTC to the second.
    pub signed_at: Timestamp,
    /// The fingerprint of the key that signed the head (`SHA256:…`), when it was signed.
    pub doctor_fingerprint: Option<String>,
}

/// Signs `signer`'s statement on `head`.
pub fn make(
    signer: &Signer,
    head: RegisterHeadDoc,
    head_signed_at: Option<Timestamp>,
    doctor_fingerprint: Option<String>,
    now: Timestamp,
) -> SignedStatement {
    let statement = HeadStatement {
        format: HEAD_STATEMENT_FORMAT.to_owned(),
        version: 1,
        register_head: head,
        head_signed_at,
        signer: signer.identity.clone(),
        signed_at: Timestamp::from_second(now.as_second()).unwrap_or(now),
        doctor_fingerprint,
    };
    // A struct of strings, numbers and timestamps always serializes.
    let mut bytes = serde_json::to_vec_pretty(&statement).unwrap_or_default();
    bytes.push(b'\n');
    let armored = signer.sign(STATEMENT_NAMESPACE, &bytes);
    SignedStatement {
        bytes: bytes.into(),
        armored,
    }
}

/// The statement, if `armored` is a valid signature of `bytes` in the countersignature namespace by
/// the key the statement names, and the statement reads (format, version, a 64-digit lower-case hash).
pub fn check(bytes: &[u8], armored: &str) -> Option<HeadStatement> {
    let st: HeadStatement = serde_json::from_slice(bytes).ok()?;
    let key = st.signer.key().ok()?;
    let sig = sshsig::SshSignature::parse(armored).ok()?;
    if sig.key != key || sig.verify(STATEMENT_NAMESPACE, bytes).is_err() {
        return None;
    }
    let hash_ok = st.register_head.hash.len() == 64
        && st
            .register_head
            .hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    (st.format == HEAD_STATEMENT_FORMAT && st.version == 1 && hash_ok).then_some(st)
}

/// The file name of a head countersignature by `principal`.
pub fn file_name(principal: &str) -> String {
    format!("head-countersignature-{principal}.json")
}

/// A register export read back for a countersignature of its head: every event recomputed, the head
/// file that must be their head, and the doctor's signature of it when there is one.
#[derive(Debug, Clone)]
pub struct ExportHead {
    /// The events, recomputed.
    pub events: Vec<crate::breach::export::ReadEvent>,
    /// The head file's bytes (what the doctor's signature covers).
    pub head_bytes: Vec<u8>,
    /// The head.
    pub head: crate::breach::ChainHead,
    /// The head's date, when the head is dated.
    pub head_at: Option<Timestamp>,
}

/// Why a register export's head cannot be countersigned.
#[derive(Debug)]
pub enum ExportHeadError {
    /// A file of the export could not be read.
    Read(std::path::PathBuf, std::io::Error),
    /// An event does not recompute.
    Events(crate::breach::export::ExportBreak),
    /// The head file is not the head of the events.
    NotOfEvents(std::path::PathBuf),
    /// The doctor's signature of the head is not valid.
    BadSignature(std::path::PathBuf),
}

/// Reads and recomputes the events of the export in `folder`, and its head file (dated or not), which
/// must be their head.
pub fn read_export(folder: &std::path::Path) -> Result<ExportHead, ExportHeadError> {
    use crate::breach::export::{self, EVENTS_FILE};
    let read = |name: &str| {
        let path = folder.join(name);
        std::fs::read(&path).map_err(|e| ExportHeadError::Read(path, e))
    };
    let events = export::read_events(&read(EVENTS_FILE)?).map_err(ExportHeadError::Events)?;
    let head_bytes = read(export::HEAD_FILE)?;
    let now = crate::breach::ChainHead {
        count: events.len() as u64,
        hash: events
            .last()
            .map_or(crate::breach::chain::GENESIS, |e| e.hash),
    };
    match crate::breach::chain::parse_head(&head_bytes) {
        Some((head, head_at)) if head == now => Ok(ExportHead {
            events,
            head_bytes,
            head,
            head_at,
        }),
        _ => Err(ExportHeadError::NotOfEvents(folder.join(export::HEAD_FILE))),
    }
}

/// What a consultant countersigns in a register export: its head, checked, and the fingerprint of the
/// doctor's key that signed it (`None`: the head is not signed).
#[derive(Debug, Clone)]
pub struct HeadToCountersign {
    /// The export read back.
    pub export: ExportHead,
    /// The doctor's key's fingerprint, when `head.txt.sig` is there and valid.
    pub doctor_fingerprint: Option<String>,
    /// The heads already countersigned in the folder ([`countersignatures_in`]).
    pub countersignatures: Vec<FoundCountersignature>,
}

/// A head countersignature found in a register export's folder, checked as `vigie verify
/// --countersigned-head` does.
#[derive(Debug, Clone)]
pub struct FoundCountersignature {
    /// The statement's file.
    pub path: std::path::PathBuf,
    /// The statement, when its signature is valid by the key it names, and how the register compares
    /// with the head it countersigned; `None`: not a valid countersignature.
    pub checked: Option<(HeadStatement, crate::breach::export::AgainstSigned)>,
}

/// The largest statement read (a statement is well under a kilobyte).
const MAX_STATEMENT_BYTES: u64 = 64 * 1024;
/// The most statements read in a folder.
const MAX_STATEMENTS: usize = 64;

/// The head countersignatures (`head-countersignature-*.json` and their `.sig`) in `folder`, each
/// checked and compared with `events` (a register cut or rewritten after the head was countersigned
/// is named), in the order of their names.
pub fn countersignatures_in(
    folder: &std::path::Path,
    events: &[crate::breach::export::ReadEvent],
) -> Vec<FoundCountersignature> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut paths: Vec<std::path::PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("head-countersignature-"))
        })
        .collect();
    paths.sort();
    paths.truncate(MAX_STATEMENTS);
    paths
        .into_iter()
        .map(|path| {
            let small = |p: &std::path::Path| {
                std::fs::symlink_metadata(p)
                    .is_ok_and(|m| m.is_file() && m.len() <= MAX_STATEMENT_BYTES)
            };
            let mut sig = path.clone().into_os_string();
            sig.push(".sig");
            let sig = std::path::PathBuf::from(sig);
            let checked = (small(&path) && small(&sig))
                .then(|| {
                    let bytes = std::fs::read(&path).ok()?;
                    let armored = std::fs::read_to_string(&sig).ok()?;
                    let st = check(&bytes, &armored)?;
                    let signed = crate::breach::ChainHead {
                        count: st.register_head.count,
                        hash: crate::breach::chain::parse_hex32(&st.register_head.hash)?,
                    };
                    let against = crate::breach::export::AgainstSigned::Compared {
                        signed_at: st.signed_at,
                        signed,
                        outcome: crate::breach::export::extends(events, signed),
                    };
                    Some((st, against))
                })
                .flatten();
            FoundCountersignature { path, checked }
        })
        .collect()
}

/// Reads the export in `folder` for a countersignature of its head: every event, the head, and the
/// doctor's signature of the head when there is one (it must then be valid).
pub fn read_to_countersign(folder: &std::path::Path) -> Result<HeadToCountersign, ExportHeadError> {
    let export = read_export(folder)?;
    let sig_path = folder.join(crate::breach::export::HEAD_SIGNATURE_FILE);
    let doctor_fingerprint = match std::fs::read_to_string(&sig_path) {
        Ok(armored) => Some(
            sshsig::SshSignature::parse(&armored)
                .ok()
                .filter(|s| {
                    s.verify(crate::breach::chain::HEAD_NAMESPACE, &export.head_bytes)
                        .is_ok()
                })
                .ok_or(ExportHeadError::BadSignature(sig_path))?
                .key
                .fingerprint(),
        ),
        Err(_) => None,
    };
    let countersignatures = countersignatures_in(folder, &export.events);
    Ok(HeadToCountersign {
        export,
        doctor_fingerprint,
        countersignatures,
    })
}

/// Signs `signer`'s countersignature of `head` and writes it into `folder`, each file atomically:
/// `head-countersignature-<principal>.json` and its `.sig`. Returns the statement's path.
pub fn countersign_into(
    folder: &std::path::Path,
    head: &HeadToCountersign,
    signer: &Signer,
    now: Timestamp,
) -> Result<std::path::PathBuf, crate::fs::FsError> {
    let statement = make(
        signer,
        RegisterHeadDoc {
            count: head.export.head.count,
            hash: head.export.head.hash_hex(),
        },
        head.export.head_at,
        head.doctor_fingerprint.clone(),
        now,
    );
    let target = folder.join(file_name(&signer.identity.principal));
    crate::fs::write_atomic(&target, &statement.bytes)?;
    let mut sig = target.clone().into_os_string();
    sig.push(".sig");
    crate::fs::write_atomic(std::path::Path::new(&sig), statement.armored.as_bytes())?;
    Ok(target)
}
