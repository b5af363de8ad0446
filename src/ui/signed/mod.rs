//! The signed self-assessment: its page (`view`: draft, sign, history, export, countersign, import,
//! compare), checking a signed file (`verify`), and their commands and jobs (`handlers`).

pub mod handlers;
pub mod verify;
pub mod view;

use super::command::PageKind;

/// The signed self-assessment.
pub const PAGE: PageKind = PageKind::new("signed");
/// Checking a signed file (reached from the signed self-assessment).
pub const VERIFY_PAGE: PageKind = PageKind::new("verify");
