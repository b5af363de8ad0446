//! A consultant's countersignature of a breach register export's head, read and written as the command
//! line (`vigie breach countersign-head`, `vigie verify --countersigned-head`) and the window's verify
//! screen do it: the export's events recomputed, its head checked against them, the doctor's signature
//! of the head, the statements already in the folder compared with the register
//! (`docs/signed-assessment-format.md`, "A head countersigned alone").

use jiff::Timestamp;

use crate::assessment::head_statement;
use crate::i18n::{Lang, tr};

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
    pub checked: Option<(
        head_statement::HeadStatement,
        crate::breach::export::AgainstSigned,
    )>,
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
                    let st = head_statement::check(&bytes, &armored)?;
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
            crate::assessment::sshsig::SshSignature::parse(&armored)
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
    signer: &crate::assessment::Signer,
    now: Timestamp,
) -> Result<std::path::PathBuf, crate::fs::FsError> {
    let statement = head_statement::make(
        signer,
        crate::assessment::document::RegisterHeadDoc {
            count: head.export.head.count,
            hash: head.export.head.hash_hex(),
        },
        head.export.head_at,
        head.doctor_fingerprint.clone(),
        now,
    );
    let target = folder.join(head_statement::file_name(&signer.identity.principal));
    crate::fs::write_atomic(&target, &statement.bytes)?;
    let mut sig = target.clone().into_os_string();
    sig.push(".sig");
    crate::fs::write_atomic(std::path::Path::new(&sig), statement.armored.as_bytes())?;
    Ok(target)
}

/// Why a register export's head cannot be countersigned, in words (`folder`: the export).
pub fn error_text(e: &ExportHeadError, folder: &std::path::Path, lang: Lang) -> String {
    match e {
        ExportHeadError::Read(path, err) => crate::i18n::io_error(lang, path, err),
        ExportHeadError::Events(b) => format!(
            "{}\n{}",
            crate::present::breach::export_break_text(b, lang),
            tr::err_verify_failed(lang, folder.display())
        ),
        ExportHeadError::NotOfEvents(path) => tr::err_head_not_of_events(lang, path.display()),
        ExportHeadError::BadSignature(path) => tr::err_head_signature(lang, path.display()),
    }
}
