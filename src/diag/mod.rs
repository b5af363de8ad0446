//! The diagnostic log, for support: a few files in the data folder ([`crate::paths::DataDir::log_dir`])
//! saying which version ran, each command's outcome, job failures and panics — never a path, a file or
//! folder name, a name, a passphrase, or anything of the practice or its patients.
//!
//! **Hard to misuse.** The only way in is [`event`] with an [`Event`]: its fields are `&'static str`
//! names written in the code, enums and numbers. There is no free-form text: an error is logged by its
//! [`ErrorCategory`], never its message. A name that is not a short lower-case word (letters, digits,
//! space, `-`, `_`, `.`) is written as `invalid-name`, in case a built string is ever leaked into one.
//! Events of other crates (which use `tracing` too) are not written: only this module's target is.
//! Panics: see the policy in `diag/panic.rs` (the place always, the message only when it is a text of
//! the code).
//!
//! **Never in the way.** [`init`] creates the folder and opens the file; if it cannot, the log is off
//! and nothing else changes. Lines are written by a background thread (`tracing-appender`'s
//! non-blocking writer), so the window's thread never waits on the disk; a panic's line is written at
//! once, as the program may end right after. Files rotate by size: [`FILES`] of [`FILE_MAX`] bytes.

mod category;
mod file;
mod panic;

use std::path::Path;
use std::sync::OnceLock;

use tracing::Dispatch;
use tracing_subscriber::Layer as _;
use tracing_subscriber::layer::SubscriberExt as _;

pub use category::{Described, ErrorCategory};

/// How many log files are kept (the current one and the older ones).
pub const FILES: usize = 3;
/// The largest size of one log file, in bytes.
pub const FILE_MAX: u64 = 1024 * 1024;

/// The `tracing` target of this module's events: the only one the log writes.
const TARGET: &str = "vigie_diag";

/// How Vigie was started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The window.
    Window,
    /// A subcommand of the command line.
    CommandLine,
}

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It did what was asked.
    Ok,
    /// It did what was asked and found something at the level the user asked to be told of
    /// (`vigie scan --fail-on`: exit status 1).
    Flagged,
    /// Stopped on request.
    Cancelled,
    /// It failed, for this kind of reason.
    Failed(ErrorCategory),
}

impl Outcome {
    /// The outcome of a result whose error is an `anyhow::Error` or a `Box<dyn Error>`: [`Outcome::Ok`],
    /// or failed with the error's category.
    pub fn of<T, E: AsRef<dyn std::error::Error + 'static>>(result: &Result<T, E>) -> Self {
        match result {
            Ok(_) => Self::Ok,
            Err(e) => Self::Failed(ErrorCategory::of(e.as_ref())),
        }
    }

    /// The outcome of a result whose error is a domain error (`VaultError`, `ArchiveError`…).
    pub fn of_error<T, E: std::error::Error + 'static>(result: &Result<T, E>) -> Self {
        match result {
            Ok(_) => Self::Ok,
            Err(e) => Self::Failed(ErrorCategory::of(e)),
        }
    }
}

/// Why a background job gave no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobFailure {
    /// It panicked (the panic itself is logged by the panic hook, with its place).
    Panicked,
    /// Its thread ended without a result.
    Vanished,
    /// It returned an error of this kind.
    Failed(ErrorCategory),
}

/// What the log records. Names are `&'static str` written in the code (e.g. `"vault check"`,
/// `"scan"`): never a value typed, read or built at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The program started (written by [`init`]; version, system and architecture with it).
    Started {
        /// The window or the command line.
        mode: Mode,
    },
    /// A command ended: a subcommand of the command line, or an action of the window.
    CommandDone {
        /// The command's name.
        command: &'static str,
        /// How it ended.
        outcome: Outcome,
    },
    /// A background job of the window failed.
    JobFailed {
        /// The job's name.
        job: &'static str,
        /// Why.
        failure: JobFailure,
    },
}

/// Writes an event to the log (nothing when the log is off).
pub fn event(event: Event) {
    match event {
        Event::Started { mode } => tracing::info!(
            target: TARGET,
            version = env!("CARGO_PKG_VERSION"),
            os = std::env::consts::OS,
            arch = std::env::consts::ARCH,
            mode = match mode {
                Mode::Window => "window",
                Mode::CommandLine => "command-line",
            },
            "started"
        ),
        Event::CommandDone { command, outcome } => {
            let command = safe_name(command);
            match outcome {
                Outcome::Ok => tracing::info!(target: TARGET, command, outcome = "ok", "command"),
                Outcome::Flagged => {
                    tracing::info!(target: TARGET, command, outcome = "flagged", "command");
                }
                Outcome::Cancelled => {
                    tracing::info!(target: TARGET, command, outcome = "cancelled", "command");
                }
                Outcome::Failed(category) => tracing::warn!(
                    target: TARGET,
                    command,
                    outcome = "failed",
                    category = category.as_str(),
                    "command"
                ),
            }
        }
        Event::JobFailed { job, failure } => {
            let job = safe_name(job);
            let (failure, category) = match failure {
                JobFailure::Panicked => ("panicked", ErrorCategory::Panic),
                JobFailure::Vanished => ("vanished", ErrorCategory::Other),
                JobFailure::Failed(c) => ("failed", c),
            };
            tracing::error!(
                target: TARGET,
                job,
                failure,
                category = category.as_str(),
                "job failed"
            );
        }
    }
}

/// `name` when it is a short word of the code; else `invalid-name`.
fn safe_name(name: &'static str) -> &'static str {
    let ok = !name.is_empty()
        && name.len() <= 40
        && name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'_' | b'.')
        });
    if ok { name } else { "invalid-name" }
}

/// Keeps the log's background writer running; dropping it (at the end of `main`) writes what is left.
#[must_use = "the log stops when this is dropped"]
#[derive(Debug)]
pub struct LogGuard {
    worker: Option<tracing_appender::non_blocking::WorkerGuard>,
}

impl LogGuard {
    /// Whether the log is on (its folder could be written).
    pub fn is_on(&self) -> bool {
        self.worker.is_some()
    }
}

/// The writer of panics, set once by [`init`].
static PANIC_DISPATCH: OnceLock<Dispatch> = OnceLock::new();

/// The subscriber: this module's events only, as plain text lines with a UTC time.
fn dispatch<W>(writer: W) -> Dispatch
where
    W: for<'a> tracing_subscriber::fmt::MakeWriter<'a> + Send + Sync + 'static,
{
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(writer)
        .with_ansi(false)
        .with_target(false)
        .with_filter(tracing_subscriber::filter::filter_fn(|meta| {
            meta.target() == TARGET
        }));
    Dispatch::new(tracing_subscriber::registry().with(layer))
}

/// The file being written in the log folder `dir` (the older ones beside it).
pub fn current_file(dir: &Path) -> std::path::PathBuf {
    dir.join(file::file_name(0))
}

/// Starts the log in `dir` (the data folder's [`crate::paths::DataDir::log_dir`]), installs the panic
/// hook, and writes [`Event::Started`]. Call once, at the start of `main`; keep the guard until the
/// end. If the folder cannot be written, the log is off and the program goes on as before.
pub fn init(dir: &Path, mode: Mode) -> LogGuard {
    let Ok(file) = file::RotatingFile::open(dir, FILES, FILE_MAX) else {
        return LogGuard { worker: None };
    };
    let shared = file::Shared::new(file);
    let (writer, worker) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(true)
        .thread_name("vigie-log")
        .finish(shared.clone());
    if tracing::dispatcher::set_global_default(dispatch(writer)).is_err() {
        // Already started (twice in one process): the first one stays.
        return LogGuard { worker: None };
    }
    let _ = PANIC_DISPATCH.set(dispatch(file::PanicWriter(shared)));
    install_panic_hook();
    event(Event::Started { mode });
    LogGuard {
        worker: Some(worker),
    }
}

/// Logs each panic (see the policy in `diag/panic.rs`), then hands it to the hook that was there before
/// (which prints it, as usual).
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let report = panic::report(info.payload(), info.location());
        match PANIC_DISPATCH.get() {
            Some(d) => tracing::dispatcher::with_default(d, || log_panic(&report)),
            None => log_panic(&report),
        }
        previous(info);
    }));
}

fn log_panic(report: &panic::PanicReport) {
    let place = format!("{}:{}:{}", report.file, report.line, report.column);
    if let Some(text) = &report.message {
        tracing::error!(
            target: TARGET,
            place = place.as_str(),
            text = text.as_str(),
            "panic"
        );
    } else {
        // The message was built at run time: only its length.
        tracing::error!(
            target: TARGET,
            place = place.as_str(),
            withheld_bytes = report.withheld_len,
            "panic"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The log's lines for what `f` logs, through the same subscriber and writer as the program's.
    fn logged(f: impl FnOnce()) -> String {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = file::RotatingFile::open(dir.path(), FILES, FILE_MAX).expect("open");
        tracing::dispatcher::with_default(&dispatch(file::Shared::new(file)), f);
        std::fs::read_to_string(dir.path().join(file::file_name(0))).expect("read")
    }

    #[test]
    fn each_event_is_one_line_of_fixed_words() {
        let text = logged(|| {
            event(Event::Started {
                mode: Mode::CommandLine,
            });
            event(Event::CommandDone {
                command: "vault check",
                outcome: Outcome::Ok,
            });
            event(Event::CommandDone {
                command: "export",
                outcome: Outcome::Failed(ErrorCategory::WrongSecret),
            });
            event(Event::JobFailed {
                job: "scan",
                failure: JobFailure::Panicked,
            });
        });
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[0].contains("INFO started"), "{text}");
        assert!(lines[0].contains(env!("CARGO_PKG_VERSION")), "{text}");
        assert!(lines[0].contains("mode=\"command-line\""), "{text}");
        assert!(
            lines[1].ends_with("INFO command command=\"vault check\" outcome=\"ok\""),
            "{text}"
        );
        assert!(
            lines[2].ends_with(
                "WARN command command=\"export\" outcome=\"failed\" category=\"wrong-secret\""
            ),
            "{text}"
        );
        assert!(
            lines[3]
                .ends_with("ERROR job failed job=\"scan\" failure=\"panicked\" category=\"panic\""),
            "{text}"
        );
        // A UTC time first.
        assert!(
            lines
                .iter()
                .all(|l| l.len() > 20 && l.as_bytes()[4] == b'-'),
            "{text}"
        );
    }

    #[test]
    fn a_name_built_at_run_time_is_not_written() {
        let leaked: &'static str = Box::leak(
            "/home/secretariat/Cabinet du Dr Lefèvre.vigie"
                .to_owned()
                .into_boxed_str(),
        );
        let text = logged(|| {
            event(Event::CommandDone {
                command: leaked,
                outcome: Outcome::Ok,
            });
            event(Event::CommandDone {
                command: "Dupont Jean",
                outcome: Outcome::Ok,
            });
        });
        assert!(
            !text.contains("secretariat") && !text.contains("Dupont"),
            "{text}"
        );
        assert_eq!(
            text.matches("command=\"invalid-name\"").count(),
            2,
            "{text}"
        );
    }

    #[test]
    fn other_crates_events_are_not_written() {
        let text = logged(|| {
            tracing::error!(path = "/home/x/DUPONT.dcm", "a dependency's message");
            tracing::info!(target: "vigie::scan", "a module's own message");
            event(Event::CommandDone {
                command: "scan",
                outcome: Outcome::Cancelled,
            });
        });
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(
            !text.contains("DUPONT") && !text.contains("message"),
            "{text}"
        );
    }

    #[test]
    fn a_panic_is_logged_with_its_place_and_only_a_message_of_the_code() {
        let static_payload =
            std::panic::catch_unwind(|| panic!("the channel closed")).expect_err("panics");
        let name = String::from("DUPONT Jean");
        let built_payload =
            std::panic::catch_unwind(move || panic!("no file for {name}")).expect_err("panics");
        let here = std::panic::Location::caller();
        let text = logged(|| {
            log_panic(&panic::report(static_payload.as_ref(), Some(here)));
            log_panic(&panic::report(built_payload.as_ref(), Some(here)));
        });
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        let place = format!(
            "place=\"src/diag/mod.rs:{}:{}\"",
            here.line(),
            here.column()
        );
        assert!(
            lines[0].contains("ERROR panic") && lines[0].contains(&place),
            "{text}"
        );
        assert!(lines[0].contains("text=\"the channel closed\""), "{text}");
        assert!(lines[1].contains(&place), "{text}");
        assert!(
            lines[1].contains("withheld_bytes=") && !text.contains("DUPONT"),
            "{text}"
        );
        assert!(!lines[1].contains("text="), "{text}");
    }

    #[test]
    fn outcomes_of_results() {
        let ok: Result<(), anyhow::Error> = Ok(());
        assert_eq!(Outcome::of(&ok), Outcome::Ok);
        let failed: Result<(), anyhow::Error> =
            Err(anyhow::Error::new(crate::vault::VaultError::Locked {
                holder: None,
            }));
        assert_eq!(Outcome::of(&failed), Outcome::Failed(ErrorCategory::InUse));
        let failed: Result<(), crate::vault::VaultError> =
            Err(crate::vault::VaultError::WrongPassphrase);
        assert_eq!(
            Outcome::of_error(&failed),
            Outcome::Failed(ErrorCategory::WrongSecret)
        );
    }
}
