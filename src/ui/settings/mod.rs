//! The settings: language, automatic lock, passphrase, recovery code, copies of the vault.

pub mod view;

use super::command::PageKind;

/// The settings.
pub const PAGE: PageKind = PageKind::new("settings");
