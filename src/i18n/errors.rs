//! Domain errors in the user's language.

use super::{Lang, T, tr};
use crate::locale::{format_datetime, format_size};
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
            Self::WrongLength { expected, found } => {
                tr::err_recovery_length(lang, *expected, *found)
            }
            Self::BadCharacter(c) => tr::err_recovery_char(lang, c),
            Self::GroupMistyped(n) => tr::err_recovery_group(lang, n),
        }
    }
}

impl Localize for PassphraseProblem {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::TooShort(n) => tr::err_too_short(lang, *n, passphrase::MIN_CHARS),
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
            Self::Truncated { expected, actual } => tr::err_truncated(lang, *actual, *expected),
            Self::NotAVault => T::ErrNotAVault.get(lang).to_owned(),
            Self::NewerVersion { found, supported } => {
                tr::err_newer_version(lang, found, supported)
            }
            Self::NewerContents { found, supported } => {
                tr::err_newer_schema(lang, *found, *supported)
            }
            Self::AlreadyExists(path) => tr::err_already_exists(lang, path.display()),
            Self::Locked { holder } => {
                let holder = holder.as_ref().map_or_else(String::new, |h| {
                    tr::err_locked_holder(lang, h.pid, format_datetime(h.since, lang))
                });
                tr::err_locked(lang, holder)
            }
            Self::NotAFile(path) => tr::err_not_a_file(lang, path.display()),
            Self::TooLarge { size, max } => {
                tr::err_vault_too_large(lang, format_size(*size, lang), format_size(*max, lang))
            }
            Self::ChangedOnDisk => T::ErrChangedOnDisk.get(lang).to_owned(),
            Self::Contents(detail) => tr::err_contents(lang, detail),
            Self::Io { path, source, .. } => io_error(lang, path, source),
            Self::Random => T::ErrRandom.get(lang).to_owned(),
            Self::CopyDiffers(path) => tr::err_copy_differs(lang, path.display()),
        }
    }
}

/// A file-access error, with the system's reason in the user's language.
pub fn io_error(lang: Lang, path: &std::path::Path, source: &std::io::Error) -> String {
    tr::err_io(lang, path.display(), io_reason(lang, source))
}

/// The system's reason for a file-access error, in the user's language: the common kinds translated,
/// the others named by their system code in French, and in the system's own words in English.
pub fn io_reason(lang: Lang, source: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if crate::fs::is_not_a_regular_file(source) {
        return T::IoNotARegularFile.get(lang).to_owned();
    }
    let t = match source.kind() {
        K::NotFound => T::IoNotFound,
        K::PermissionDenied => T::IoPermissionDenied,
        K::StorageFull => T::IoStorageFull,
        K::QuotaExceeded => T::IoQuotaExceeded,
        K::ReadOnlyFilesystem => T::IoReadOnly,
        K::IsADirectory => T::IoIsADirectory,
        K::NotADirectory => T::IoNotADirectory,
        K::AlreadyExists => T::IoAlreadyExists,
        K::DirectoryNotEmpty => T::IoDirectoryNotEmpty,
        K::InvalidFilename => T::IoInvalidFilename,
        K::FileTooLarge => T::IoFileTooLarge,
        K::ResourceBusy => T::IoResourceBusy,
        K::CrossesDevices => T::IoCrossesDevices,
        K::TimedOut => T::IoTimedOut,
        K::UnexpectedEof => T::IoUnexpectedEof,
        K::BrokenPipe => T::IoBrokenPipe,
        K::Interrupted => T::IoInterrupted,
        _ => {
            return match (lang, source.raw_os_error()) {
                (Lang::En, _) => source.to_string(),
                (Lang::Fr, Some(code)) => tr::io_system_code(lang, code),
                (Lang::Fr, None) => T::IoSystem.get(lang).to_owned(),
            };
        }
    };
    t.get(lang).to_owned()
}

impl Localize for crate::output::OutputError {
    fn localize(&self, lang: Lang) -> String {
        use crate::output::OutputKind;
        match self {
            Self::IsVault(p) => tr::err_output_is_vault(lang, p.display()),
            Self::Exists { path, kind } => {
                let what = match kind {
                    OutputKind::Pdf => T::ErrOutputNotPdf.get(lang),
                    OutputKind::Other => "",
                };
                tr::err_output_exists(lang, path.display(), what)
            }
            Self::NotAFile(p) => tr::err_output_not_a_file(lang, p.display()),
            Self::NoFolder(p) => tr::err_output_no_folder(lang, p.display()),
            Self::Write(e) => e.localize(lang),
        }
    }
}

impl Localize for crate::checklist::record::EvidenceError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::TooLarge { size, max } => tr::err_evidence_too_large(
                lang,
                format_size(*size as u64, lang),
                format_size(*max as u64, lang),
            ),
            Self::Empty => T::ErrEvidenceEmpty.get(lang).to_owned(),
        }
    }
}

impl Localize for crate::binder::processors::ProcessorError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::NoSuchProcessor => T::ErrNoSuchProcessor.get(lang).to_owned(),
            Self::EmptyName => T::ErrProcessorName.get(lang).to_owned(),
            Self::Contract(e) => e.localize(lang),
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
        let detail = match self {
            Self::Folder { path, source } => io_error(lang, path, source),
            Self::Encode(detail) => detail.clone(),
            Self::Write(e) => e.localize(lang),
        };
        tr::err_settings_save(lang, detail)
    }
}

impl Localize for crate::assessment::DocumentError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::NotADocument => T::ErrNotAnAssessment.get(lang).to_owned(),
            Self::Newer(v) => tr::err_newer_assessment(lang, *v),
            Self::TooLarge => T::ErrAssessmentTooLarge.get(lang).to_owned(),
        }
    }
}

impl Localize for crate::assessment::SignError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::NoPractitioner => T::ErrSignNoPractitioner.get(lang).to_owned(),
            Self::AlreadySigned => T::ErrAlreadySigned.get(lang).to_owned(),
            Self::Document(e) => e.localize(lang),
            Self::OtherAssessment => T::ErrOtherAssessment.get(lang).to_owned(),
            Self::NothingNew => T::ErrNothingNew.get(lang).to_owned(),
            Self::DoctorSignatureInvalid => T::ErrDoctorSignatureInvalid.get(lang).to_owned(),
            Self::NoSuchAssessment => T::ErrNoSignedAssessment.get(lang).to_owned(),
            Self::DamagedKey => T::ErrDamagedKey.get(lang).to_owned(),
            Self::Random => T::ErrRandom.get(lang).to_owned(),
        }
    }
}

impl Localize for crate::assessment::KeyFileError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::Vault(VaultError::NotAVault) | Self::NotAKeyFile => {
                T::ErrNotAKeyFile.get(lang).to_owned()
            }
            Self::Vault(e) => e.localize(lang),
            Self::Random(_) => T::ErrRandom.get(lang).to_owned(),
            Self::KeyChanged(k) => tr::err_key_changed(
                lang,
                &k.practice,
                &k.pinned,
                format_datetime(k.pinned_at, lang),
                &k.presented,
            ),
        }
    }
}

impl Localize for crate::assessment::bundle::BundleError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::NotABundle => T::ErrNotABundle.get(lang).to_owned(),
            Self::TooLarge => T::ErrBundleTooLarge.get(lang).to_owned(),
            Self::NoDocument => T::ErrBundleNoDocument.get(lang).to_owned(),
            Self::Io { path, source } => io_error(lang, path, source),
        }
    }
}

impl Localize for crate::breach::BreachError {
    fn localize(&self, lang: Lang) -> String {
        use crate::breach::Question;
        let t = match self {
            Self::NoSuchBreach(id) => return tr::err_no_such_breach(lang, id),
            Self::Transition { from, to } => {
                return tr::err_breach_transition(
                    lang,
                    super::names::breach_status(*from).get(lang),
                    super::names::breach_status(*to).get(lang),
                );
            }
            Self::FileTooLarge { size, max } => {
                return tr::err_breach_file_too_large(
                    lang,
                    format_size(*size as u64, lang),
                    format_size(*max as u64, lang),
                );
            }
            Self::EmptyTitle => T::ErrBreachEmptyTitle,
            Self::TitleTooLong => T::ErrBreachTitleTooLong,
            Self::CloseWithoutDecision(Question::NotifyCnil) => T::ErrBreachCloseNotify,
            Self::CloseWithoutDecision(Question::InformPeople) => T::ErrBreachCloseInform,
            Self::CloseBeforeNotification => T::ErrBreachCloseNotified,
            Self::CloseBeforeInformation => T::ErrBreachCloseInformed,
            Self::NoReason => T::ErrBreachNoReason,
            Self::AgainstAdviceWithoutReason => T::ErrBreachAgainstAdvice,
            Self::NotificationWithoutDraft => T::ErrBreachNoDraft,
            Self::NoInformedCount => T::ErrBreachNoInformedCount,
            Self::EmptyLetter => T::ErrBreachEmptyLetter,
            Self::NoReference => T::ErrBreachNoReference,
            Self::LateWithoutReasons => T::ErrBreachLate,
            Self::NotificationDate => T::ErrBreachNotifDate,
            Self::NoAwareness => T::ErrBreachNoAwareness,
            Self::ComplementWithoutInitial => T::ErrBreachComplement,
            Self::NoChannel => T::ErrBreachNoChannel,
            Self::EmptyFile => T::ErrBreachEmptyFile,
            Self::TimesOutOfOrder => T::ErrBreachTimes,
            Self::AwareAfterProcessorAlert => T::ErrBreachAwareAfterAlert,
        };
        t.get(lang).to_owned()
    }
}

impl Localize for crate::breach::clock::TimeInputError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Self::Format => T::ErrTimeFormat,
            Self::NoSuchDate => T::ErrNoSuchDate,
            Self::NoSuchTime => T::ErrNoSuchTime,
            Self::Skipped => T::ErrTimeSkipped,
        }
        .get(lang)
        .to_owned()
    }
}

/// A break of the breach register's chain, naming the event (its number, its kind and its breach,
/// read from `register` when the event is still there).
pub fn chain_break(
    lang: Lang,
    brk: &crate::breach::ChainBreak,
    register: &crate::breach::BreachRegister,
) -> String {
    use crate::breach::ChainBreak as B;
    let what = |seq: u64| {
        register.event(seq).map_or_else(String::new, |e| {
            format!(
                "{}, {}",
                super::names::change_kind(e.change.kind()).get(lang),
                format_datetime(e.at, lang)
            )
        })
    };
    match brk {
        B::Altered { seq, breach } => tr::err_chain_altered(lang, seq, breach, what(*seq)),
        B::Unlinked { seq, breach } => tr::err_chain_unlinked(lang, seq, breach, what(*seq)),
        B::Numbering { position, found } => tr::err_chain_numbering(lang, *position, *found),
        B::File { name } => tr::err_chain_file(lang, name),
    }
}
