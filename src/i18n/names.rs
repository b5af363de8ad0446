//! The names of the domain's choices, in one place for the screens and the documents.

use super::T;
use crate::checklist::{ActionKind, ActionStatus, AnswerValue, Respondent};
use crate::practice::{RecordsHosting, Specialty};

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
