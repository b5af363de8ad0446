//! Encrypted archives from the Scan page: the "encrypt these files" panel (`view`), its jobs, the vault's
//! record and evidence (`handlers`).

pub mod command;
pub mod handlers;
pub mod view;
