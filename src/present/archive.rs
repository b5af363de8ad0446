//! Encrypted archives in words: the evidence file recorded with an archive (the same from the window
//! and the command line).

use crate::archive::{ArchiveRecord, KeyKind};
use crate::i18n::{Lang, T, format_datetime, format_size, tr};
use crate::practice_file::EvidenceFile;

/// The evidence file that records a verified archive on the checklist item on encryption at rest:
/// when, how many files and bytes, which key, the manifest's fingerprint (never the files' names).
pub fn evidence(record: &ArchiveRecord, lang: Lang) -> EvidenceFile {
    let name = tr::archive_evidence_name(lang, record.created_at.strftime("%Y-%m-%d"));
    let text = tr::archive_evidence_text(
        lang,
        format_datetime(record.created_at, lang),
        record.files,
        format_size(record.bytes, lang),
        match record.key {
            KeyKind::Identity => T::ArchiveKeyPracticeShort.get(lang),
            KeyKind::Passphrase => T::ArchiveKeyPassphraseShort.get(lang),
        },
        &record.manifest_sha256,
    );
    EvidenceFile {
        name,
        content: text.into_bytes(),
    }
}

/// What the user is told of an archive a run left unrecorded, once settled; `shown` writes a path (the
/// command line escapes it for the terminal, the window shows it as it is).
pub fn pending_outcome(
    outcome: &crate::practice_file::PendingArchiveOutcome,
    lang: Lang,
    shown: impl Fn(&std::path::Path) -> String,
) -> String {
    use crate::i18n::Localize as _;
    use crate::practice_file::PendingArchiveOutcome as O;
    match outcome {
        O::Recorded { path, files, .. } => tr::archive_pending_recorded(lang, shown(path), *files),
        O::NotWritten { path } => tr::archive_pending_not_written(lang, shown(path)),
        O::NotVerified { path, reason } => {
            tr::archive_pending_not_verified(lang, shown(path), reason.localize(lang))
        }
        O::Another { path } => tr::archive_pending_another(lang, shown(path)),
    }
}
