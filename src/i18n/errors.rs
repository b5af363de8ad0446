//! Domain errors in the user's language.

use super::{Lang, T};
use crate::practice::FieldError;
use crate::vault::{PassphraseProblem, RecoveryCodeError, VaultError, passphrase};

/// A value that can be explained to the user in their language.
pub trait Localize {
    /// The message in `lang`: one or two plain sentences, with what to do.
    fn localize(&self, lang: Lang) -> String;
}

impl Localize for RecoveryCodeError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::WrongLength { expected, found } => T::ErrRecoveryLength.fill(
                lang,
                &[
                    ("expected", &expected.to_string()),
                    ("found", &found.to_string()),
                ],
            ),
            Self::BadCharacter(c) => T::ErrRecoveryChar.fill(lang, &[("c", &c.to_string())]),
            Self::GroupMistyped(n) => T::ErrRecoveryGroup.fill(lang, &[("n", &n.to_string())]),
        }
    }
}

impl Localize for PassphraseProblem {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::TooShort(n) => T::ErrTooShort.fill(
                lang,
                &[
                    ("n", &n.to_string()),
                    ("min", &passphrase::MIN_CHARS.to_string()),
                ],
            ),
            Self::TooGuessable(_) => T::ErrTooGuessable.get(lang).to_owned(),
            Self::Mismatch => T::PassphrasesDiffer.get(lang).to_owned(),
        }
    }
}

impl Localize for VaultError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::WrongPassphrase => T::ErrWrongPassphrase.get(lang).to_owned(),
            Self::WrongRecoveryCode => T::ErrWrongRecovery.get(lang).to_owned(),
            Self::RecoveryCodeTypo(e) => e.localize(lang),
            Self::WeakPassphrase(p) => p.localize(lang),
            Self::Corrupt => T::ErrCorrupt.get(lang).to_owned(),
            Self::Truncated { expected, actual } => T::ErrTruncated.fill(
                lang,
                &[
                    ("expected", &expected.to_string()),
                    ("actual", &actual.to_string()),
                ],
            ),
            Self::NotAVault => T::ErrNotAVault.get(lang).to_owned(),
            Self::NewerVersion { found, supported } => T::ErrNewerVersion.fill(
                lang,
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            Self::NewerContents { found, supported } => T::ErrNewerSchema.fill(
                lang,
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            Self::AlreadyExists(path) => {
                T::ErrAlreadyExists.fill(lang, &[("path", &path.display().to_string())])
            }
            Self::Locked { holder } => {
                let holder = holder.as_ref().map_or_else(String::new, |h| {
                    T::ErrLockedHolder.fill(
                        lang,
                        &[
                            ("pid", &h.pid.to_string()),
                            ("since", &super::format_datetime(h.since, lang)),
                        ],
                    )
                });
                T::ErrLocked.fill(lang, &[("holder", &holder)])
            }
            Self::NotAFile(path) => {
                T::ErrNotAFile.fill(lang, &[("path", &path.display().to_string())])
            }
            Self::TooLarge { size, max } => T::ErrVaultTooLarge.fill(
                lang,
                &[
                    ("size", &super::format_size(*size, lang)),
                    ("max", &super::format_size(*max, lang)),
                ],
            ),
            Self::ChangedOnDisk => T::ErrChangedOnDisk.get(lang).to_owned(),
            Self::Contents(detail) => T::ErrContents.fill(lang, &[("detail", detail)]),
            Self::Io { path, source, .. } => io_error(lang, path, source),
            Self::Random => T::ErrRandom.get(lang).to_owned(),
        }
    }
}

/// A file-access error, with the system's reason in the user's language.
pub fn io_error(lang: Lang, path: &std::path::Path, source: &std::io::Error) -> String {
    T::ErrIo.fill(
        lang,
        &[
            ("path", &path.display().to_string()),
            ("detail", &io_reason(lang, source)),
        ],
    )
}

/// The system's reason for a file-access error, in the user's language: the common kinds translated,
/// the others named by their system code rather than in the system's own (often English) words.
pub fn io_reason(lang: Lang, source: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let fr = matches!(lang, Lang::Fr);
    let (fr_text, en_text) = match source.kind() {
        K::NotFound => ("fichier ou dossier introuvable", "no such file or folder"),
        K::PermissionDenied => ("accès refusé", "permission denied"),
        K::StorageFull => ("disque plein", "disk full"),
        K::QuotaExceeded => ("quota de disque dépassé", "disk quota exceeded"),
        K::ReadOnlyFilesystem => ("support en lecture seule", "read-only medium"),
        K::IsADirectory => (
            "c'est un dossier, pas un fichier",
            "it is a folder, not a file",
        ),
        K::NotADirectory => (
            "un élément du chemin n'est pas un dossier",
            "part of the path is not a folder",
        ),
        K::AlreadyExists => ("le fichier existe déjà", "the file already exists"),
        K::DirectoryNotEmpty => ("le dossier n'est pas vide", "the folder is not empty"),
        K::InvalidFilename => ("nom de fichier non valable", "invalid file name"),
        K::FileTooLarge => ("fichier trop volumineux", "file too large"),
        K::ResourceBusy => (
            "le fichier est utilisé par un autre programme",
            "the file is in use by another program",
        ),
        K::CrossesDevices => (
            "le déplacement traverse deux disques",
            "the move crosses two disks",
        ),
        K::TimedOut => ("délai dépassé", "timed out"),
        K::UnexpectedEof => ("fichier plus court que prévu", "file shorter than expected"),
        K::BrokenPipe => ("la sortie a été fermée", "the output was closed"),
        K::Interrupted => ("opération interrompue", "operation interrupted"),
        _ => {
            return match (source.raw_os_error(), fr) {
                (Some(code), true) => format!("erreur du système (code {code})"),
                (None, true) => "erreur du système".to_owned(),
                (_, false) => source.to_string(),
            };
        }
    };
    if fr { fr_text } else { en_text }.to_owned()
}

impl Localize for crate::output::OutputError {
    fn localize(&self, lang: Lang) -> String {
        use crate::output::{OutputError as E, OutputKind};
        let path = |p: &std::path::Path| p.display().to_string();
        match self {
            E::IsVault(p) => T::ErrOutputIsVault.fill(lang, &[("path", &path(p))]),
            E::Exists { path: p, kind } => {
                let what = match kind {
                    OutputKind::Pdf => T::ErrOutputNotPdf.get(lang),
                    OutputKind::Other => "",
                };
                T::ErrOutputExists.fill(lang, &[("path", &path(p)), ("what", what)])
            }
            E::NotAFile(p) => T::ErrOutputNotAFile.fill(lang, &[("path", &path(p))]),
            E::NoFolder(p) => T::ErrOutputNoFolder.fill(lang, &[("dir", &path(p))]),
            E::Write(e) => e.localize(lang),
        }
    }
}

impl Localize for crate::checklist::record::EvidenceError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::TooLarge { size, max } => T::ErrEvidenceTooLarge.fill(
                lang,
                &[
                    ("size", &super::format_size(*size as u64, lang)),
                    ("max", &super::format_size(*max as u64, lang)),
                ],
            ),
            Self::Empty => T::ErrEvidenceEmpty.get(lang).to_owned(),
        }
    }
}

impl Localize for FieldError {
    fn localize(&self, lang: Lang) -> String {
        let t = match self {
            Self::Required => T::FieldRequired,
            Self::RppsFormat => T::FieldRpps,
            Self::SiretFormat => T::FieldSiretFormat,
            Self::SiretChecksum => T::FieldSiretChecksum,
            Self::Email => T::FieldEmail,
            Self::Number => T::FieldNumber,
            Self::TooLong => T::FieldTooLong,
        };
        t.get(lang).to_owned()
    }
}

impl Localize for crate::fs::FsError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::Io { path, source, .. } => io_error(lang, path, source),
            Self::Random => T::ErrRandom.get(lang).to_owned(),
        }
    }
}

impl Localize for crate::settings::SettingsError {
    fn localize(&self, lang: Lang) -> String {
        use crate::settings::SettingsError as E;
        let detail = match self {
            E::Folder { path, source } => io_error(lang, path, source),
            E::Encode(detail) => detail.clone(),
            E::Write(e) => e.localize(lang),
        };
        T::ErrSettingsSave.fill(lang, &[("detail", &detail)])
    }
}
