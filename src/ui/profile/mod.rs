//! The practice profile.

pub mod view;

use super::command::PageKind;

/// The practice profile form.
pub const PAGE: PageKind = PageKind::new("profile");
