//! Programs listening on the network (TCP), not on this PC alone (loopback).
//!
//! - Linux: `/proc/net/tcp` and `/proc/net/tcp6`, state `0A` (listen); all users' sockets are
//!   visible there, without their process (the `listeners` crate needs root for that on Linux).
//! - Windows: the IP Helper tables, through the `listeners` crate, with the process.
//! - macOS: `lsof -nP -iTCP -sTCP:LISTEN` (the session's own processes), then `listeners`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

use super::{CheckId, CheckResult, Evidence, Finding, Reason, Status, Verdict};

/// What a port is known for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// DICOM (104, 11112, Orthanc's 4242).
    Dicom,
    /// Orthanc's web interface and REST API (8042).
    Orthanc,
    /// A web server or web viewer (80, 443, 8080).
    Web,
    /// Windows remote desktop (3389).
    RemoteDesktop,
    /// VNC, macOS screen sharing (5900).
    Vnc,
    /// Windows file sharing (445).
    FileSharing,
    /// NFS file sharing (2049).
    Nfs,
    /// FTP (21).
    Ftp,
}

/// The service a port is known for, among those the checks care about.
pub fn service(port: u16) -> Option<Service> {
    Some(match port {
        104 | 11112 | 4242 => Service::Dicom,
        8042 => Service::Orthanc,
        80 | 443 | 8080 => Service::Web,
        3389 => Service::RemoteDesktop,
        5900 => Service::Vnc,
        445 => Service::FileSharing,
        2049 => Service::Nfs,
        21 => Service::Ftp,
        _ => return None,
    })
}

/// A listening socket.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Listener {
    /// The local address (`0.0.0.0`, `::`, `192.168.1.20`).
    pub address: String,
    /// The port.
    pub port: u16,
    /// The program, where the system says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<String>,
}

impl Listener {
    /// Whether it listens beyond this PC (any address but loopback).
    pub fn on_network(&self) -> bool {
        self.address
            .trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .map_or(true, |ip| !ip.is_loopback())
    }
}

/// An IPv4 address as `/proc/net/tcp` writes it: 8 hexadecimal digits, the 32-bit word in the
/// machine's order (little-endian on x86 and ARM).
fn proc_ipv4(hex: &str) -> Option<Ipv4Addr> {
    let n = u32::from_str_radix(hex, 16).ok()?;
    Some(Ipv4Addr::from(n.to_le_bytes()))
}

/// An IPv6 address as `/proc/net/tcp6` writes it: four 32-bit words, each in the machine's order.
fn proc_ipv6(hex: &str) -> Option<Ipv6Addr> {
    if hex.len() != 32 {
        return None;
    }
    let mut bytes = [0u8; 16];
    for w in 0..4 {
        let n = u32::from_str_radix(hex.get(w * 8..w * 8 + 8)?, 16).ok()?;
        bytes[w * 4..w * 4 + 4].copy_from_slice(&n.to_le_bytes());
    }
    Some(Ipv6Addr::from(bytes))
}

/// The listening sockets of a `/proc/net/tcp` or `/proc/net/tcp6` text.
pub fn parse_proc_net_tcp(text: &str) -> Vec<Listener> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.get(3)? != &"0A" {
                return None;
            }
            let (addr, port) = f.get(1)?.split_once(':')?;
            let port = u16::from_str_radix(port, 16).ok()?;
            let address = if addr.len() == 8 {
                proc_ipv4(addr)?.to_string()
            } else {
                proc_ipv6(addr)?.to_string()
            };
            Some(Listener {
                address,
                port,
                process: None,
            })
        })
        .collect()
}

/// The listening sockets of `lsof -nP -iTCP -sTCP:LISTEN` (macOS).
pub fn parse_lsof(text: &str) -> Vec<Listener> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            let name = f.iter().rev().find(|w| w.contains(':'))?;
            let (addr, port) = name.rsplit_once(':')?;
            let address = match addr {
                "*" => "0.0.0.0".to_owned(),
                a => a.trim_matches(['[', ']']).to_owned(),
            };
            Some(Listener {
                address,
                port: port.parse().ok()?,
                process: f.first().map(|p| p.replace("\\x20", " ")),
            })
        })
        .collect()
}

/// The verdict on the listeners seen: those on the network, split into sensitive and other.
pub fn interpret(listeners: &[Listener]) -> Verdict {
    let mut seen: Vec<Listener> = listeners
        .iter()
        .filter(|l| l.on_network())
        .cloned()
        .collect();
    seen.sort_by(|a, b| (a.port, &a.address).cmp(&(b.port, &b.address)));
    seen.dedup_by(|a, b| a.address == b.address && a.port == b.port);
    let (sensitive, other): (Vec<Listener>, Vec<Listener>) =
        seen.into_iter().partition(|l| service(l.port).is_some());
    if sensitive.is_empty() && other.is_empty() {
        Verdict::new(Status::Pass, Finding::NoExposedPorts)
    } else {
        let status = if sensitive.is_empty() {
            Status::Warning
        } else {
            Status::Fail
        };
        Verdict::new(status, Finding::ExposedPorts { sensitive, other })
    }
}

/// Reads this PC's listening sockets.
pub fn read() -> CheckResult {
    let (listeners, evidence) = read_platform();
    match listeners {
        Some(l) => interpret(&l).result(CheckId::ListeningPorts, evidence),
        None => Verdict::unknown(Reason::NotReadable).result(CheckId::ListeningPorts, evidence),
    }
}

#[cfg(target_os = "linux")]
fn read_platform() -> (Option<Vec<Listener>>, Vec<Evidence>) {
    let mut all = Vec::new();
    let mut evidence = Vec::new();
    let mut any = false;
    for file in ["/proc/net/tcp", "/proc/net/tcp6"] {
        if let Ok(text) = crate::fs::read_bounded_to_string(
            std::path::Path::new(file),
            crate::fs::MAX_TEXT_FILE_BYTES,
        ) {
            any = true;
            let l = parse_proc_net_tcp(&text);
            evidence.push(Evidence::new(
                file,
                l.iter()
                    .map(|l| format!("{}:{}", l.address, l.port))
                    .collect::<Vec<_>>()
                    .join(", "),
            ));
            all.extend(l);
        }
    }
    (any.then_some(all), evidence)
}

#[cfg(any(windows, target_os = "macos"))]
fn read_platform() -> (Option<Vec<Listener>>, Vec<Evidence>) {
    #[cfg(target_os = "macos")]
    if let Ok(o) = super::util::run(
        "/usr/sbin/lsof",
        &["-nP", "-iTCP", "-sTCP:LISTEN"],
        super::util::DEADLINE,
    ) && o.success
    {
        let l = parse_lsof(&o.stdout);
        return (Some(l), vec![Evidence::new(o.command, &o.stdout)]);
    }
    match listeners::get_all() {
        Ok(set) => {
            let l: Vec<Listener> = set
                .into_iter()
                .filter(|l| {
                    l.protocol == listeners::Protocol::TCP
                        && l.state == listeners::SocketState::Listen
                })
                .map(|l| Listener {
                    address: l.socket.ip().to_string(),
                    port: l.socket.port(),
                    process: Some(l.process.name.clone()),
                })
                .collect();
            let shown = l
                .iter()
                .map(|x| {
                    format!(
                        "{}:{} {}",
                        x.address,
                        x.port,
                        x.process.as_deref().unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            (Some(l), vec![Evidence::new("IP Helper (listeners)", shown)])
        }
        Err(e) => (
            None,
            vec![Evidence::new("IP Helper (listeners)", e.to_string())],
        ),
    }
}

#[cfg(not(any(windows, target_os = "macos", target_os = "linux")))]
fn read_platform() -> (Option<Vec<Listener>>, Vec<Evidence>) {
    (None, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_addresses() {
        assert_eq!(proc_ipv4("0100007F"), Some(Ipv4Addr::LOCALHOST));
        assert_eq!(proc_ipv4("00000000"), Some(Ipv4Addr::UNSPECIFIED));
        assert_eq!(
            proc_ipv6("00000000000000000000000001000000"),
            Some(Ipv6Addr::LOCALHOST)
        );
    }
}
