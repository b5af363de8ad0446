//! The PC checks: run them (`handlers`), their results by risk and the proposed answers (`view`).

pub mod handlers;
pub mod view;

use super::command::PageKind;

/// The PC checks.
pub const PAGE: PageKind = PageKind::new("system");
