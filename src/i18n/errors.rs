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
            Self::AlreadyExists(path) => {
                T::ErrAlreadyExists.fill(lang, &[("path", &path.display().to_string())])
            }
            Self::ChangedOnDisk => T::ErrChangedOnDisk.get(lang).to_owned(),
            Self::Contents(detail) => T::ErrContents.fill(lang, &[("detail", detail)]),
            Self::Io { path, source, .. } => io_error(lang, path, source),
            Self::Random => T::ErrRandom.get(lang).to_owned(),
        }
    }
}

/// A file-access error, with the system's reason in the user's language where it is a common one.
pub fn io_error(lang: Lang, path: &std::path::Path, source: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let detail = match (source.kind(), lang) {
        (K::NotFound, Lang::Fr) => "fichier ou dossier introuvable".to_owned(),
        (K::NotFound, Lang::En) => "no such file or folder".to_owned(),
        (K::PermissionDenied, Lang::Fr) => "accès refusé".to_owned(),
        (K::PermissionDenied, Lang::En) => "permission denied".to_owned(),
        (K::StorageFull, Lang::Fr) => "disque plein".to_owned(),
        (K::StorageFull, Lang::En) => "disk full".to_owned(),
        (K::ReadOnlyFilesystem, Lang::Fr) => "support en lecture seule".to_owned(),
        (K::ReadOnlyFilesystem, Lang::En) => "read-only medium".to_owned(),
        _ => source.to_string(),
    };
    T::ErrIo.fill(
        lang,
        &[("path", &path.display().to_string()), ("detail", &detail)],
    )
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
