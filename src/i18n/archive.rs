//! The archive errors in the user's language. None names a file inside an archive.

use super::{Lang, Localize, T, io_error, io_reason, tr};
use crate::archive::{ArchiveError, KeyKind, SCRYPT_MAX_LOG_N};

impl Localize for ArchiveError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::Io { path, source, .. } => io_error(lang, path, source),
            Self::Source { source } => tr::err_archive_source(lang, io_reason(lang, source)),
            Self::SourceChanged => T::ErrArchiveSourceChanged.get(lang).to_owned(),
            Self::Exists(path) => tr::err_archive_exists(lang, path.display()),
            Self::Nothing => T::ErrArchiveNothing.get(lang).to_owned(),
            Self::Cancelled => T::ErrArchiveCancelled.get(lang).to_owned(),
            Self::NotAge => T::ErrArchiveNotAge.get(lang).to_owned(),
            Self::WrongKeyKind(KeyKind::Passphrase) => {
                T::ErrArchiveNeedsPassphrase.get(lang).to_owned()
            }
            Self::WrongKeyKind(KeyKind::Identity) => {
                T::ErrArchiveNeedsIdentity.get(lang).to_owned()
            }
            Self::WrongKey => T::ErrArchiveWrongKey.get(lang).to_owned(),
            Self::WrongPassphrase => T::ErrArchiveWrongPassphrase.get(lang).to_owned(),
            Self::ExcessiveWork(required) => {
                tr::err_archive_work(lang, *required, SCRYPT_MAX_LOG_N)
            }
            Self::Damaged(detail) => tr::err_archive_damaged(lang, detail),
            Self::UnsafeEntry => T::ErrArchiveUnsafeEntry.get(lang).to_owned(),
            Self::UnknownFormat(format) => tr::err_archive_unknown_format(lang, format),
            Self::TwoManifests => T::ErrArchiveTwoManifests.get(lang).to_owned(),
            Self::Mismatch {
                missing,
                differing,
                extra,
            } => tr::err_archive_mismatch(lang, *missing, *differing, *extra),
            Self::WouldOverwrite(n) => tr::err_archive_overwrite(lang, *n),
            Self::BadIdentity => T::ErrArchiveBadIdentity.get(lang).to_owned(),
            Self::NoRecipient => T::ErrArchiveNoRecipient.get(lang).to_owned(),
            Self::NoPracticeKey => T::ErrArchiveNoPracticeKey.get(lang).to_owned(),
        }
    }
}
