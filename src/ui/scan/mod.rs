//! The folder scan: its page (`view`), and the scan running in a background job (`live`).

pub mod live;
pub mod order;
pub mod view;

use super::command::PageKind;

/// The folder scan.
pub const PAGE: PageKind = PageKind::new("scan");
