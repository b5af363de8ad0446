//! The inspection binder's documents, drawn from the practice's profile and records: the record of
//! processing activities (GDPR art. 30, [`register`]), the statement on the impact assessment
//! (GDPR art. 35, [`dpia`]) and the patients' information notice (GDPR art. 13 and CSP L.1111-8,
//! [`notice`]). The pre-filled texts follow the CNIL's reference framework for medical and paramedical
//! practices ([`reference`]); what the doctor changes is kept in the vault as [`Register`] and wins over
//! them. The processors and their contracts (GDPR art. 28, [`processors`]) are drawn from the profile
//! the same way, the doctor's facts kept as [`Processors`]. No egui here, no PDF: `report::binder` lays these out.

pub mod dpia;
pub mod letter;
pub mod notice;
pub mod processors;
pub mod reference;
pub mod register;

pub use dpia::{DpiaOutcome, DpiaReason, dpia_statement};
pub use notice::{Notice, NoticeSection};
pub use processors::{
    Clause, ClauseAnswer, HdsStatus, Missing, ProcessorEdit, ProcessorId, ProcessorKind,
    ProcessorView, Processors, Source,
};
pub use register::{ActivityKind, ActivityView, Origin, Register, RegisterField, SecurityMeasure};

use crate::locale::{Lang, typeset};

/// A text in both languages, French first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bi {
    /// Français.
    pub fr: &'static str,
    /// English.
    pub en: &'static str,
}

impl Bi {
    /// The text in `lang`, typeset (French spacing before `:` `;` `?` `!`).
    pub fn get(self, lang: Lang) -> String {
        match lang {
            Lang::Fr => typeset(self.fr, lang),
            Lang::En => self.en.to_owned(),
        }
    }
}

/// Shorthand for a [`Bi`].
pub(crate) const fn bi(fr: &'static str, en: &'static str) -> Bi {
    Bi { fr, en }
}
