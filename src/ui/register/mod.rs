//! The record of processing activities (GDPR art. 30) and the patients' notice (GDPR art. 13): each
//! activity's texts, pre-filled and editable, the security measures linked to the checklist, the
//! statement on the impact assessment, the notice's preview with the doctor's note, and their PDFs.

pub mod command;
pub mod handlers;
pub mod view;

use super::command::PageKind;

/// The register and the patients' notice.
pub const PAGE: PageKind = PageKind::new("register");
