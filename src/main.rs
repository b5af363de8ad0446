//! Vigie's entry point: parse the command line, then open the window or run a subcommand.
//! Exit status: 0 success, 2 an error (one clear line on standard error, in the user's language).

use std::process::ExitCode;

use clap::Parser;
use vigie::cli::Cli;
use vigie::i18n::T;
use vigie::paths::DataDir;
use vigie::settings::Settings;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data_dir = DataDir::resolve(cli.data_dir.clone());
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
        Err(e) => {
            let message = format!("{e:#}");
            eprintln!("{}", T::CliError.fill(lang, &[("message", message.trim())]));
            ExitCode::from(2)
        }
    }
}
