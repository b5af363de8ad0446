//! The processors (GDPR art. 28): each vendor, host, IT provider and partner the profile names, and
//! those the doctor adds; what each processes, its HDS certificate, its contract (attached as
//! evidence) and the contract's art. 28 clauses as ticked; the letter asking for what is missing.

pub mod command;
pub mod handlers;
pub mod view;

use super::command::PageKind;

/// The processors page.
pub const PAGE: PageKind = PageKind::new("processors");
