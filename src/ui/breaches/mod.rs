//! The breach register: its page (`view`), and the register's commands and jobs (`handlers`).

pub mod handlers;
pub mod view;

use super::command::PageKind;

/// The breach register.
pub const PAGE: PageKind = PageKind::new("breaches");
