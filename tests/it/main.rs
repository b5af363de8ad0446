//! The integration tests, in one binary (one link per target instead of one per file): a module per
//! area, the shared helpers in `common`. `cargo test` runs them all; a module runs alone with a filter,
//! e.g. `cargo test --test it vault::`.

#![expect(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is the test's failure, with its message"
)]

mod common;

mod architecture;
mod archive;
mod binder; // issue 36, point 5: the inspection binder
mod boxes; // the Internet box's rules (issue 34)
mod breach; // Breach register
mod breach_assess; // Breach register: the helper on a facts file
mod cli;
mod crash; // issue 35: full disk at each write, SIGKILL harness
mod diag; // the diagnostic log
mod fuzz_replay; // the fuzzers' kept corpora, replayed
mod golden;
mod gui;
mod gui_archive;
mod gui_checklist; // checklist v2
mod gui_exports; // issue 32: the window's exports are the command line's
mod gui_fixes; // issue 33, point 6: the small things seen
mod gui_processors; // issue 36: the processors page, the reminders on the dashboard
mod gui_register; // issue 36: the register and patients' notice page
mod gui_signing;
mod gui_system; // PC checks
mod gui_truth; // issue 33: one truth across pages
mod gui_window;
mod privacy; // issue 35: secrets and privacy after a full run
mod processors; // issue 36: the processors, the letter, the reminders' .ics
mod properties; // issue 35: proptest, changes and truncations detected, round trips
mod register_head; // issue 32: heads that cannot be rewritten quietly
mod report;
mod safety;
mod scan;
mod scan_outputs;
mod scan_safety;
mod signing;
mod system; // PC checks
mod vault;
