//! Documents produced for the user. Every PDF is a variant of [`Document`], made by its one
//! [`Document::render`]; [`pdf`] is the small layout toolkit (A4 pages, embedded subset fonts, wrapped
//! text, rules) and [`layout`] the flowing page; each document's layout has its own file. The modules
//! import one another in one direction only (`tests/it/architecture.rs` checks it).

pub mod assessment;
pub mod binder; // the record of processing activities with the DPIA statement, the patients' notice
pub mod binder_export; // the inspection binder: one folder, every part, SHA256SUMS
pub mod breach; // the breach register, the draft notification to the CNIL, the letter to patients
pub mod breach_export;
pub mod document;
pub mod head_countersign;
pub mod layout;
pub mod pdf;
pub mod recovery_sheet;
pub mod scan;
pub mod signature;
pub mod signed;

pub use document::{Document, RenderError};
