//! `vigie box-check`: reads the Internet box's own rules (port forwards, DMZ, IPv6 firewall, UPnP,
//! remote access) from its local API, at the default gateway or `--address`, and says what they mean,
//! as text or JSON (exit status 0; 2 on error). Nothing is changed on the box. The Livebox and Bbox
//! password comes from `VIGIE_BOX_PASSWORD` or a hidden prompt and is never kept; the Freebox app token
//! is read from (or, after the button on the box, written to) the vault named by `--vault` (where the
//! reading is kept too) or the file named by `--freebox-token-file`, else used for this reading only.

use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Result, anyhow};

use crate::i18n::{Lang, T, tr};
use crate::system::boxes::{self, BoxError, BoxKind, Target, freebox, risk};

/// The environment variable holding the box's administrator password.
pub const BOX_PASSWORD_ENV: &str = "VIGIE_BOX_PASSWORD";

/// Output formats of `vigie box-check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BoxFormat {
    /// Readable text, in the user's language.
    Text,
    /// One JSON document (id, status, summary, risks, evidence, checked_at, finding).
    Json,
}

/// A family, as chosen on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// Freebox (Free).
    Freebox,
    /// Livebox (Orange).
    Livebox,
    /// Bbox (Bouygues Telecom).
    Bbox,
}

/// The options of `vigie box-check`.
#[derive(Debug, clap::Args)]
pub struct BoxCheckArgs {
    /// The router's address (default: this PC's default gateway).
    #[arg(long, value_name = "IP")]
    pub address: Option<IpAddr>,
    /// The router's port (80 for the three families' local APIs); for tests.
    #[arg(long, default_value_t = 80, hide = true)]
    pub port: u16,
    /// The family, when identification cannot tell.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: BoxFormat,
    /// A file holding Vigie's Freebox app token (written there after the button on the router is
    /// pressed, when it does not exist yet).
    #[arg(long, value_name = "FILE")]
    pub freebox_token_file: Option<PathBuf>,
    /// The practice's vault: the Freebox app token is taken from it (and kept in it after the button
    /// on the box), and the reading is kept in it with the PC checks. Passphrase: VIGIE_PASSPHRASE or
    /// a hidden prompt.
    #[arg(long, value_name = "FILE")]
    pub vault: Option<PathBuf>,
}

/// Reads the box and prints what its rules mean.
pub fn run(args: &BoxCheckArgs, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let ip = args
        .address
        .or_else(boxes::default_gateway)
        .ok_or_else(|| anyhow!("--address: {}", T::BoxErrUnreachable.get(lang)))?;
    let mut target = Target::new(ip);
    target.address.set_port(args.port);
    if args.format == BoxFormat::Text {
        writeln!(out, "{}\n", T::BoxWhat.get(lang))?;
    }
    let kind = match args.kind {
        Some(KindArg::Freebox) => BoxKind::Freebox,
        Some(KindArg::Livebox) => BoxKind::Livebox,
        Some(KindArg::Bbox) => BoxKind::Bbox,
        None => boxes::identify(&target).kind,
    };
    let address = ip.to_string();
    // The vault, when named: opened (and locked) before the box is asked, so that a wrong passphrase
    // costs no request.
    let mut vault = match &args.vault {
        Some(path) => {
            crate::vault::inspect(path).map_err(super::localized(lang))?;
            let passphrase = super::secret(super::PASSPHRASE_ENV, T::CliPromptPassphrase, lang)?;
            Some(
                crate::practice_file::PracticeFile::open_for_writing(
                    path,
                    crate::vault::Unlock::Passphrase(&passphrase),
                )
                .map_err(super::localized(lang))?,
            )
        }
        None => None,
    };
    let kept_token = vault
        .as_ref()
        .and_then(|v| v.contents().system.freebox_token.clone());
    let mut new_token = None;
    let outcome = match kind {
        BoxKind::Freebox => match kept_token {
            Some(token) => freebox::read(&target, &token),
            None => freebox_token(&target, args, lang).and_then(|token| {
                new_token = Some(zeroize::Zeroizing::new(token.clone()));
                freebox::read(&target, &token)
            }),
        },
        BoxKind::Livebox | BoxKind::Bbox => {
            let password = super::secret(BOX_PASSWORD_ENV, T::BoxPromptPassword, lang)?;
            if kind == BoxKind::Livebox {
                boxes::livebox::read(&target, &password)
            } else {
                boxes::bbox::read(&target, &password)
            }
        }
        BoxKind::Other => Err(BoxError::NoApi),
    };
    let result = match &outcome {
        Ok(reading) => risk::result(reading, crate::system::probe::own_address()),
        Err(e) => risk::failed(kind, &address, e),
    };
    if let Some(v) = vault.as_mut() {
        v.record_box_check(result.clone());
        if let Some(t) = new_token {
            v.contents_mut().system.freebox_token = Some(t.to_string());
        }
        v.save().map_err(super::localized(lang))?;
    }
    let mut buffered = std::io::BufWriter::new(out);
    match args.format {
        BoxFormat::Text => {
            crate::present::boxes::text(&mut buffered, &result, lang)?;
            if kind == BoxKind::Other {
                writeln!(buffered, "{}", T::BoxFixOther.get(lang))?;
            }
        }
        BoxFormat::Json => crate::present::boxes::json(&mut buffered, &result, lang)?,
    }
    buffered.flush()?;
    Ok(())
}

/// The Freebox app token: from the file named, else a new authorisation (the button on the box), kept
/// in that file when one is named.
fn freebox_token(target: &Target, args: &BoxCheckArgs, lang: Lang) -> Result<String, BoxError> {
    if let Some(path) = &args.freebox_token_file
        // A token is a few dozen characters: a bigger file, a FIFO or a device is not one.
        && let Ok(token) = crate::fs::read_bounded_to_string(path, 64 * 1024)
        && !token.trim().is_empty()
    {
        return Ok(token.trim().to_owned());
    }
    // Over TLS when the box offers it: the answer carries the app token.
    let api = freebox::open_api(target)?;
    let (target, base) = (&api.target, &api.base);
    let pending = freebox::request_authorization(target, base, "Vigie")?;
    let mut err = std::io::stderr();
    let _ = writeln!(err, "{}", T::BoxFreeboxButton.get(lang));
    freebox::wait_for_button(
        target,
        base,
        pending.track_id,
        Duration::from_secs(90),
        Duration::from_secs(1),
        &|left| {
            let _ = write!(
                std::io::stderr(),
                "\r{}",
                tr::box_countdown(lang, left.as_secs())
            );
            true
        },
    )?;
    let _ = writeln!(err);
    // The user named this file for the token (readable by them only); a failure to write it only
    // means pressing the button again next time.
    if let Some(path) = &args.freebox_token_file
        && let Ok(mut file) = crate::fs::create_private(path)
    {
        let _ = file.write_all(pending.app_token.as_bytes());
    }
    Ok(pending.app_token)
}
