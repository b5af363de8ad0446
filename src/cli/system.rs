//! `vigie system-check`: the PC checks on this computer, as text or JSON (exit status 0; 2 on error).
//! The network checks run only with `--probe-network` (the knock on the imaging servers, at
//! `--probe-address` or this PC's own address) and `--box-mappings` (the box's UPnP list). `--box`
//! reads the Internet box's own rules instead (`--box-address`, `--box-kind`, `--format`), as
//! `vigie box-check` does.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use anyhow::Result;

use crate::i18n::{Lang, T};
use crate::system::{RunOptions, probe, upnp};

/// Output formats of `vigie system-check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SystemFormat {
    /// Readable text, in the user's language.
    Text,
    /// One JSON document: one entry per check (id, status, summary, evidence, checked_at).
    Json,
}

/// The options of `vigie system-check`.
#[derive(Debug, clap::Args)]
pub struct SystemCheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: SystemFormat,
    /// Also knock on the imaging servers found listening (DICOM C-ECHO with an unknown caller, Orthanc's
    /// REST API without and with its sample passwords), from this PC to its own network address.
    #[arg(long)]
    pub probe_network: bool,
    /// The address to knock on (default: this PC's own address on the network).
    #[arg(long, value_name = "IP", requires = "probe_network")]
    pub probe_address: Option<IpAddr>,
    /// Also ask the Internet box for its UPnP port mappings (a discovery message on the local network).
    #[arg(long)]
    pub box_mappings: bool,
    /// Where the UPnP discovery is sent (default: the local network's SSDP group); for tests.
    #[arg(long, value_name = "IP:PORT", requires = "box_mappings", hide = true)]
    pub ssdp_address: Option<SocketAddr>,
    /// An Orthanc configuration file or folder (default: Orthanc's usual places).
    #[arg(long, value_name = "FILE|DIR")]
    pub orthanc_config: Option<PathBuf>,
    /// Read the Internet box's own rules instead (port forwards, DMZ, IPv6 firewall, UPnP, remote
    /// access), from its local API; nothing is changed on the box. The same as `vigie box-check`.
    #[arg(long = "box")]
    pub read_box: bool,
    /// The box's address (default: this PC's default gateway).
    #[arg(long, value_name = "IP", requires = "read_box")]
    pub box_address: Option<IpAddr>,
    /// The box's family, when identification cannot tell.
    #[arg(long, value_enum, requires = "read_box")]
    pub box_kind: Option<super::boxes::KindArg>,
    /// The box's port (80 for the three families' local APIs); for tests.
    #[arg(long, default_value_t = 80, hide = true)]
    pub box_port: u16,
    /// A file holding Vigie's Freebox app token (written there after the button on the box).
    #[arg(long, value_name = "FILE", requires = "read_box")]
    pub freebox_token_file: Option<PathBuf>,
    /// The practice's vault: the Freebox app token from it, the reading kept in it (with --box).
    #[arg(long, value_name = "FILE", requires = "read_box")]
    pub vault: Option<PathBuf>,
}

/// Runs the checks and prints them.
pub fn run(args: &SystemCheckArgs, lang: Lang, out: &mut dyn Write) -> Result<()> {
    if args.read_box {
        let box_args = super::boxes::BoxCheckArgs {
            address: args.box_address,
            port: args.box_port,
            kind: args.box_kind,
            format: match args.format {
                SystemFormat::Text => super::boxes::BoxFormat::Text,
                SystemFormat::Json => super::boxes::BoxFormat::Json,
            },
            freebox_token_file: args.freebox_token_file.clone(),
            vault: args.vault.clone(),
        };
        return super::boxes::run(&box_args, lang, out);
    }
    let options = RunOptions {
        probe: args.probe_network.then(|| probe::ProbeOptions {
            address: args.probe_address,
            ..probe::ProbeOptions::default()
        }),
        upnp: args.box_mappings.then(|| {
            let mut u = upnp::UpnpOptions::default();
            if let Some(ssdp) = args.ssdp_address {
                u.ssdp = ssdp;
                if ssdp.ip().is_loopback() {
                    u.bind = SocketAddr::from(([127, 0, 0, 1], 0));
                }
            }
            u
        }),
        orthanc_config: args.orthanc_config.clone(),
    };
    if args.format == SystemFormat::Text {
        // What the network checks will do, before they do it.
        if args.probe_network {
            writeln!(out, "{}\n", T::SysNetworkWhat.get(lang))?;
        }
        if args.box_mappings {
            writeln!(out, "{}\n", T::SysUpnpWhat.get(lang))?;
        }
    }
    let report = crate::system::run_all(&options, &|_, _, _| {});
    let mut buffered = std::io::BufWriter::new(out);
    match args.format {
        SystemFormat::Text => {
            crate::present::system::text(&mut buffered, &report, lang)?;
            if !args.probe_network {
                writeln!(buffered)?;
                writeln!(buffered, "{}", T::SysCliNoProbe.get(lang))?;
            }
        }
        SystemFormat::Json => crate::present::system::json(&mut buffered, &report, lang)?,
    }
    buffered.flush()?;
    Ok(())
}
