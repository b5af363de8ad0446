//! Vigie: helps a doctor in private practice in France secure patient data and prove it.
//!
//! The crate map (one line per module). The rules that keep it simple:
//! - **The domain does not know the GUI**: nothing outside [`ui`] imports egui or eframe (a test checks it).
//! - **Slow work runs in background jobs**; the domain API stays synchronous and egui-free.
//! - **Parse, don't validate**: types that can only hold valid values ([`practice::Rpps`],
//!   [`vault::NewPassphrase`], [`vault::RecoveryCode`]).
//! - **Errors**: `thiserror` enums in the domain, localized once for the user through [`i18n::Localize`];
//!   `anyhow` only at the edges (`main`, [`cli`]).
//! - **Formats are versioned** (the vault's frame and header, its contents' schema).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod archive; // encrypted archives in the age format: tar and manifest inside, verified, restored
pub mod assessment; // the signed self-assessment: frozen document, OpenSSH signatures, verification, comparison
pub mod base64_field; // shared bytes as base64 text in serialized records (a leaf)
pub mod binder; // the inspection binder: record of processing (art. 30), DPIA statement, patients' notice
pub mod breach; // the breach register: hash-chained events, the 72-hour clock, the decision helper
pub mod checklist; // catalog, applicability, answers and evidence, scores, action plan
pub mod cli; // the headless subcommands (clap), thin: they call the domain modules
pub mod demo; // the fictional demo practice
pub mod diag; // the diagnostic log for support: outcomes, job failures, panics; never a path, name or data
pub mod digest; // the one hexadecimal SHA-256 (a leaf)
pub mod fs; // atomic replacement of a file (temporary file, fsync, rename, folder fsync); a leaf
#[doc(hidden)]
pub mod fuzzing; // the fuzz targets, one function per reader of outside bytes (fuzz/ and the corpus replay test)
pub mod i18n; // French and English texts, localized errors
pub mod io_guard; // catches disk work on the window's thread (debug builds)
pub mod locale; // the language; numbers, sizes and dates as each language writes them (a leaf)
pub mod output; // the one safe way to write an output file (never over a vault, never a non-file)
pub mod paths; // where data lives (data folder, default vault paths)
pub mod practice; // the practice profile and its validated identifiers
pub mod practice_file; // the practice's records (VaultContents, RON, schema) in a vault
pub mod present; // presentation above the engines: the scan's results in words, text, JSON, CSV
pub mod reminders; // reminders where dates matter: assessment, HDS certificates, restore test, actions, breach clocks
pub mod report; // documents produced for the user (recovery sheet as text and PDF)
pub mod scan; // the folder scanner: DICOM and image exports by content, headers, archives, risk
pub mod settings; // application preferences (language, automatic lock, recent vaults)
pub mod system; // Disk encryption, firewall, ports, Orthanc… as evidence; the knock, UPnP on request
pub mod ui; // the egui shell: app, commands, background jobs, screens, widgets
pub mod vault; // encrypted storage: format, key derivation, atomic saves, backups, recovery code
