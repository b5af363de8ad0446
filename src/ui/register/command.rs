//! What the register page asks for.

use crate::binder::{ActivityKind, RegisterField};

/// A request of the register page.
#[derive(Debug)]
pub enum RegisterCommand {
    /// A field's text, as typed (sent at each change; empty: back to the pre-filled text).
    Edit {
        /// The activity.
        kind: ActivityKind,
        /// The field.
        field: RegisterField,
        /// The text.
        text: String,
    },
    /// Add (`Some(true)`) or remove (`Some(false)`) an activity against the profile; `None`: as the
    /// profile says.
    Include {
        /// The activity.
        kind: ActivityKind,
        /// In the register or not.
        included: Option<bool>,
    },
    /// The doctor's note on the patients' notice, as typed.
    NoticeNote(String),
    /// Write the inspection binder (the same folder as `vigie export --kind binder`); `None` asks
    /// which folder: an empty one receives it, any other a new subfolder named after the day.
    ExportBinder(Option<std::path::PathBuf>),
}
