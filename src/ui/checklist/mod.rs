//! The security checklist: the wizard by theme (`view`) and each item's card (`item`).

pub mod item;
pub mod state;
pub mod view;

use super::command::PageKind;

/// The checklist wizard.
pub const PAGE: PageKind = PageKind::new("checklist");
