//! The action plan: what the checklist's answers leave to do, with owners and due dates.

pub mod view;

use super::command::PageKind;

/// The action plan.
pub const PAGE: PageKind = PageKind::new("actions");
