//! The PDF documents of the assessment: the report, the action plan, the scan's report.

pub mod view;

use super::command::PageKind;

/// PDF exports.
pub const PAGE: PageKind = PageKind::new("reports");
