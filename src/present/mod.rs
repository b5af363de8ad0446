//! Presentation: the domain's results in words and in the command line's formats (localized texts,
//! text, JSON, CSV), above the engines that produce them and below the CLI, the documents and the GUI.

pub mod archive; // encrypted archives: the evidence file recorded with an archive
pub mod boxes; // the Internet box's rules: each risk in words, the 2020 case, fix steps; text, JSON
pub mod breach; // the breach register: the countdown, the facts as labelled rows, the advice; text, JSON
pub mod checklist; // the checklist: an action's text, the evidence that contradicts an answer
pub mod scan; // the folder scan: kinds, risks and flags in words, the plain summary; text, JSON, CSV
pub mod signed; // a signature verification in words
pub mod system; // the PC checks: names, plain sentences, fix steps; text and JSON
