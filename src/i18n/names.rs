//! The names of the domain's choices, in one place for the screens and the documents.

use super::T;
use crate::checklist::{ActionKind, ActionStatus, AnswerValue, Respondent};
use crate::practice::{Imaging, RecordsHosting, Specialty};

/// The name of an answer.
pub fn answer(v: AnswerValue) -> T {
    match v {
        AnswerValue::Yes => T::AnswerYes,
        AnswerValue::Partly => T::AnswerPartly,
        AnswerValue::No => T::AnswerNo,
        AnswerValue::NotApplicable => T::AnswerNotApplicable,
        AnswerValue::DontKnow => T::AnswerDontKnow,
    }
}

/// The name of an action's status.
pub fn status(s: ActionStatus) -> T {
    match s {
        ActionStatus::Todo => T::StatusTodo,
        ActionStatus::InProgress => T::StatusInProgress,
        ActionStatus::Done => T::StatusDone,
    }
}

/// The name of a kind of action.
pub fn action_kind(k: ActionKind) -> T {
    match k {
        ActionKind::Fix => T::KindFix,
        ActionKind::FindOut => T::KindFindOut,
    }
}

/// Who answered.
pub fn respondent(r: Respondent) -> T {
    match r {
        Respondent::Doctor => T::RespondentDoctor,
        Respondent::Consultant => T::RespondentConsultant,
    }
}

/// The name of a specialty.
pub fn specialty(s: Specialty) -> T {
    match s {
        Specialty::GeneralPractice => T::SpecialtyGeneralPractice,
        Specialty::Radiology => T::SpecialtyRadiology,
        Specialty::Dentistry => T::SpecialtyDentistry,
        Specialty::Cardiology => T::SpecialtyCardiology,
        Specialty::Gynaecology => T::SpecialtyGynaecology,
        Specialty::Ophthalmology => T::SpecialtyOphthalmology,
        Specialty::Rheumatology => T::SpecialtyRheumatology,
        Specialty::Other => T::SpecialtyOther,
    }
}

/// Where the patient records live.
pub fn records(r: RecordsHosting) -> T {
    match r {
        RecordsHosting::Local => T::RecordsLocal,
        RecordsHosting::Cloud => T::RecordsCloud,
        RecordsHosting::Paper => T::RecordsPaper,
    }
}

/// The name of a breach's status.
pub fn breach_status(s: crate::breach::Status) -> T {
    use crate::breach::Status;
    match s {
        Status::Discovered => T::BreachStatusDiscovered,
        Status::Assessing => T::BreachStatusAssessing,
        Status::CnilNotified => T::BreachStatusNotified,
        Status::PeopleInformed => T::BreachStatusInformed,
        Status::Closed => T::BreachStatusClosed,
    }
}

/// Yes, no, or not known yet.
pub fn known(k: crate::breach::Known) -> T {
    use crate::breach::Known;
    match k {
        Known::Unknown => T::KnownUnknown,
        Known::Yes => T::AnswerYes,
        Known::No => T::AnswerNo,
    }
}

/// Yes or no.
pub fn yes_no(yes: bool) -> T {
    if yes { T::AnswerYes } else { T::AnswerNo }
}

/// The name of a cause.
pub fn cause(c: crate::breach::Cause) -> T {
    use crate::breach::Cause;
    match c {
        Cause::Unknown => T::CauseUnknown,
        Cause::Misconfiguration => T::CauseMisconfiguration,
        Cause::LostDevice => T::CauseLostDevice,
        Cause::StolenDevice => T::CauseStolenDevice,
        Cause::Ransomware => T::CauseRansomware,
        Cause::Intrusion => T::CauseIntrusion,
        Cause::Misdirected => T::CauseMisdirected,
        Cause::Other => T::CauseOther,
    }
}

/// The name of a severity.
pub fn severity(s: crate::breach::Severity) -> T {
    use crate::breach::Severity;
    match s {
        Severity::Unknown => T::SeverityUnknown,
        Severity::Negligible => T::SeverityNegligible,
        Severity::Limited => T::SeverityLimited,
        Severity::Significant => T::SeveritySignificant,
        Severity::Maximum => T::SeverityMaximum,
    }
}

/// The name of a notification's type.
pub fn notification_kind(k: crate::breach::NotificationKind) -> T {
    use crate::breach::NotificationKind;
    match k {
        NotificationKind::Initial => T::NotifInitial,
        NotificationKind::Complete => T::NotifComplete,
        NotificationKind::Complementary => T::NotifComplementary,
    }
}

/// What an attached file is.
pub fn purpose(p: crate::breach::Purpose) -> T {
    use crate::breach::Purpose;
    match p {
        Purpose::CnilAcknowledgement => T::PurposeAck,
        Purpose::Evidence => T::PurposeEvidence,
    }
}

/// The name of a kind of event of the register.
pub fn change_kind(k: crate::breach::ChangeKind) -> T {
    use crate::breach::ChangeKind;
    match k {
        ChangeKind::Opened => T::EvOpened,
        ChangeKind::Facts => T::EvFacts,
        ChangeKind::Status => T::EvStatus,
        ChangeKind::Decision => T::EvDecision,
        ChangeKind::Notified => T::EvNotified,
        ChangeKind::PeopleInformed => T::EvInformed,
        ChangeKind::Attached => T::EvAttached,
        ChangeKind::Note => T::EvNote,
        ChangeKind::Prepared => T::EvPrepared,
        ChangeKind::Letter => T::EvLetter,
    }
}

/// A reason of the decision helper, as a sentence; for a fact not yet known, the fact and what is
/// assumed meanwhile (shown after [`T::ReasonNotYetKnown`]: see `present::breach::reason_line`).
pub fn reason(r: crate::breach::decision::Reason) -> T {
    use crate::breach::decision::Reason;
    match r {
        Reason::NotYetKnown(fact) => unknown_fact(fact),
        Reason::SensitiveData => T::ReasonSensitive,
        Reason::FinancialData => T::ReasonFinancial,
        Reason::Unintelligible => T::ReasonUnintelligible,
        Reason::NotEncrypted => T::ReasonReadable,
        Reason::EncryptionDoesNotProtect => T::ReasonEncryptionUseless,
        Reason::KeyCompromised => T::ReasonKeyCompromised,
        Reason::DeviceOutOfHands => T::ReasonDeviceGone,
        Reason::CopiedOut => T::ReasonCopiedOut,
        Reason::NotCopiedOut => T::ReasonNotCopiedOut,
        Reason::NoBackup => T::ReasonNoBackup,
        Reason::BackupRestorable => T::ReasonBackup,
        Reason::LongOutage => T::ReasonLongOutage,
        Reason::ShortOutage => T::ReasonShortOutage,
        Reason::VulnerablePeople => T::ReasonVulnerable,
        Reason::NoVulnerablePeople => T::ReasonNoVulnerable,
        Reason::CopiedInAttack => T::ReasonCopiedInAttack,
        Reason::ManyPeople => T::ReasonManyPeople,
        Reason::SevereHarm => T::ReasonSevere,
        Reason::LimitedHarm => T::ReasonLimited,
        Reason::NegligibleHarm => T::ReasonNegligible,
        Reason::ToldByCnil => T::ReasonToldByCnil,
        Reason::RiskRemoved => T::ReasonRiskRemoved,
        Reason::DisproportionateEffort => T::ReasonEffort,
    }
}

/// A fact the helper weighs, not yet known: which, and what is assumed meanwhile.
pub fn unknown_fact(f: crate::breach::decision::Fact) -> T {
    use crate::breach::decision::Fact;
    match f {
        Fact::Nature => T::ReasonUnknownNature,
        Fact::DataCategories => T::ReasonUnknownCategories,
        Fact::Encrypted => T::ReasonUnknownEncrypted,
        Fact::Exposure => T::ReasonUnknownExposure,
        Fact::KeySafe => T::ReasonUnknownKey,
        Fact::CopiedOut => T::ReasonUnknownCopied,
        Fact::Backup => T::ReasonUnknownBackup,
        Fact::OutageDuration => T::ReasonUnknownOutage,
        Fact::VulnerablePeople => T::ReasonUnknownVulnerable,
        Fact::Severity => T::ReasonUnknownSeverity,
    }
}

/// How the data were exposed.
pub fn exposure(e: crate::breach::Exposure) -> T {
    use crate::breach::Exposure;
    match e {
        Exposure::Unknown => T::ExposureUnknown,
        Exposure::AtRest => T::ExposureAtRest,
        Exposure::RunningSystem => T::ExposureRunning,
    }
}

/// The helper's recommendation about the CNIL, as a sentence.
pub fn cnil_advice(a: crate::breach::decision::CnilAdvice) -> T {
    use crate::breach::decision::CnilAdvice;
    match a {
        CnilAdvice::Notify => T::AdviceNotify,
        CnilAdvice::NotRequired => T::AdviceNotRequired,
        CnilAdvice::CnilAlreadyKnows => T::AdviceCnilKnows,
    }
}

/// The helper's recommendation about the people, as a sentence.
pub fn people_advice(a: crate::breach::decision::PeopleAdvice) -> T {
    use crate::breach::decision::PeopleAdvice;
    match a {
        PeopleAdvice::Inform => T::AdviceInform,
        PeopleAdvice::NotRequired => T::AdvicePeopleNotRequired,
        PeopleAdvice::RiskRemoved => T::AdviceRiskRemoved,
        PeopleAdvice::PublicNotice => T::AdvicePublicNotice,
    }
}

/// A reminder beyond the GDPR, as a sentence.
pub fn reminder(r: crate::breach::decision::Reminder) -> T {
    use crate::breach::decision::Reminder;
    match r {
        Reminder::PoliceComplaint => T::RemindPolice,
        Reminder::Cyber17 => T::RemindCyber17,
        Reminder::Insurer => T::RemindInsurer,
        Reminder::ItProvider => T::RemindProvider,
        Reminder::CertSante => T::RemindCert,
    }
}

/// The practice's imaging in one line, from [`Imaging`] (the summary the checklist's rules read):
/// the dashboard and the PDFs print this, so no page says "no images" while a rule says otherwise.
pub fn imaging(i: Imaging, lang: super::Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if i.produces {
        parts.push(T::ImagingProduces.get(lang).to_owned());
    }
    if i.keeps.any() {
        let places: Vec<&str> = [
            (i.keeps.on_pc, T::ImagingKeepsOnPc),
            (i.keeps.on_server, T::ImagingKeepsOnServer),
            (i.keeps.at_host, T::ImagingKeepsAtHost),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, t)| t.get(lang))
        .collect();
        parts.push(format!(
            "{} ({})",
            T::ImagingKeeps.get(lang),
            places.join(", ")
        ));
    }
    if i.receives {
        parts.push(T::ImagingReceives.get(lang).to_owned());
    }
    if i.server {
        parts.push(T::ImagingServer.get(lang).to_owned());
    }
    if parts.is_empty() {
        T::ImagingNone.get(lang).to_owned()
    } else {
        parts.join(crate::locale::list_separator(lang))
    }
}

/// The name of a document Vigie prepares for a breach.
pub fn prepared(p: crate::breach::Prepared) -> T {
    match p {
        crate::breach::Prepared::CnilDraft => T::PreparedCnilDraft,
        crate::breach::Prepared::PatientLetter => T::PreparedLetter,
    }
}

/// The name of a breach's origin.
pub fn origin(o: crate::breach::Origin) -> T {
    match o {
        crate::breach::Origin::Unknown => T::OriginUnknown,
        crate::breach::Origin::Internal => T::OriginInternal,
        crate::breach::Origin::External => T::OriginExternal,
    }
}

/// The name of a breach's intent.
pub fn intent(i: crate::breach::Intent) -> T {
    match i {
        crate::breach::Intent::Unknown => T::IntentUnknown,
        crate::breach::Intent::Accidental => T::IntentAccidental,
        crate::breach::Intent::Malicious => T::IntentMalicious,
    }
}
