//! The dashboard: where the practice stands, what to do next, the clocks that run.

pub mod view;

use super::command::PageKind;

/// The dashboard.
pub const PAGE: PageKind = PageKind::new("dashboard");
