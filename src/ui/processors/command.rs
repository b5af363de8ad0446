//! What the processors page asks for.

use std::path::PathBuf;

use crate::binder::{ProcessorEdit, ProcessorId, ProcessorKind, Source};

/// A request of the processors page.
#[derive(Debug)]
pub enum ProcessorsCommand {
    /// A change to one processor. Texts are sent as typed (journaled once for a run of typing); the
    /// other changes are saved at once.
    Edit {
        /// Which processor.
        id: ProcessorId,
        /// The change.
        edit: ProcessorEdit,
    },
    /// Add a processor the profile does not name.
    Add {
        /// Its kind.
        kind: ProcessorKind,
        /// Its name.
        name: String,
    },
    /// Remove a processor (one added is deleted; one of the profile set aside).
    Remove(ProcessorId),
    /// Bring back a processor of the profile.
    Restore(Source),
    /// Attach the contract of a processor (the path asked when `None`).
    AttachContract {
        /// Which processor.
        id: ProcessorId,
        /// The file, if already chosen.
        path: Option<PathBuf>,
    },
    /// Remove the contract of a processor.
    DetachContract(ProcessorId),
}
