//! Vigie's entry point: parse the command line, then open the window or run a subcommand.
//! Exit status: 0 success, 2 an error (one clear line on standard error, in the user's language).
//!
//! On Windows the release build is a GUI program: no console window opens behind Vigie. Subcommands
//! started from a console attach to it, so that `vigie.exe scan …` prints where it was typed.

#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]
#![expect(
    clippy::print_stderr,
    reason = "the program's errors go to standard error, one line in the user's language"
)]

use std::process::ExitCode;

use clap::Parser as _;
use vigie::cli::Cli;
use vigie::i18n::tr;
use vigie::paths::DataDir;
use vigie::settings::Settings;

/// Attaches standard output and error to the console of the parent process (cmd, PowerShell), if any.
#[cfg(windows)]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and has no pointer arguments; failure (no parent
    // console, or one already attached) leaves the process as it was, which is what we want.
    #[expect(unsafe_code, reason = "the one reviewed unsafe call, explained above")]
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

fn main() -> ExitCode {
    #[cfg(windows)]
    if std::env::args_os().len() > 1 {
        attach_parent_console();
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            let lang = vigie::cli::early_lang(&args);
            eprintln!("{}", tr::cli_error(lang, vigie::cli::usage_error(&e, lang)));
            return ExitCode::from(2);
        }
    };
    let data_dir = DataDir::resolve(cli.data_dir.clone());
    // The diagnostic log (off, silently, if the data folder cannot be written); kept to the end of
    // `main`, where dropping it writes the last lines.
    let mode = if cli.command.is_some() {
        vigie::diag::Mode::CommandLine
    } else {
        vigie::diag::Mode::Window
    };
    let _log = vigie::diag::init(&data_dir.log_dir(), mode);
    let lang = cli
        .lang
        .unwrap_or_else(|| Settings::load(&data_dir.settings_file()).effective_language());
    let result = match cli.command {
        None => vigie::ui::run(data_dir, cli.lang),
        Some(command) => vigie::cli::run(command, lang, &mut std::io::stdout().lock()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is::<vigie::cli::FindingsAtFailLevel>() => ExitCode::from(1),
        // The reader went away (`vigie scan … | head`): nothing more to say to it.
        Err(e) if vigie::cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let message = format!("{e:#}");
            eprintln!("{}", tr::cli_error(lang, message.trim()));
            ExitCode::from(2)
        }
    }
}
