//! Documents produced for the user. [`pdf`] is the small layout toolkit (A4 pages, embedded subset fonts,
//! wrapped text, rules); each document has its own file.

pub mod assessment;
pub mod breach; // the breach register, the draft notification to the CNIL, the letter to patients
pub mod layout;
pub mod pdf;
pub mod recovery_sheet;
pub mod scan;
pub mod signed;
