//! What the box's rules mean for the practice (the brief's table): a forward or an IPv6 pinhole to a
//! practice machine is high on the imaging, remote-desktop, file-sharing and SSH ports or towards this
//! PC, medium otherwise; the DMZ on is high (every port of the machine open); the IPv6 (or IPv4)
//! firewall off is high (every machine reachable); UPnP on is medium (any program opens a port without
//! asking); the box's own services open from the Internet (remote administration, FTP, VPN server) are
//! medium. None of these: pass, with the date and what was read as evidence.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::{BoxError, BoxKind, BoxReading, BoxService, Forward};
use crate::system::{CheckId, CheckResult, Evidence, Finding, Status, Verdict};

/// How serious a rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// To fix now.
    High,
    /// To look at.
    Medium,
}

/// The kind of service a port is known for, among those the table names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PortKind {
    /// DICOM (104, 11112) and Orthanc (4242, 8042): the images.
    Imaging,
    /// Web viewers (80, 443, 8080).
    WebViewer,
    /// Remote desktop (3389, 5900).
    RemoteDesktop,
    /// File sharing (445, 139, 21, 2049).
    FileSharing,
    /// SSH (22).
    Ssh,
}

/// The kind of `port`.
pub fn port_kind(port: u16) -> Option<PortKind> {
    Some(match port {
        104 | 11112 | 4242 | 8042 => PortKind::Imaging,
        80 | 443 | 8080 => PortKind::WebViewer,
        3389 | 5900 => PortKind::RemoteDesktop,
        445 | 139 | 21 | 2049 => PortKind::FileSharing,
        22 => PortKind::Ssh,
        _ => return None,
    })
}

/// The most telling known port a range reaches (imaging first), with its kind.
fn sensitive_port(f: &Forward) -> Option<(u16, PortKind)> {
    const ORDER: [u16; 14] = [
        8042, 4242, 104, 11112, 3389, 5900, 445, 139, 21, 2049, 22, 80, 443, 8080,
    ];
    let p = ORDER
        .into_iter()
        .find(|p| f.internal.contains(*p) || f.external.contains(*p))?;
    port_kind(p).map(|k| (p, k))
}

/// One rule that lets the Internet in, and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum Risk {
    /// A port forward (IPv4).
    Forward {
        /// The rule.
        forward: Forward,
        /// The known port it reaches, and its kind.
        port: Option<(u16, PortKind)>,
        /// It leads to this PC.
        this_pc: bool,
    },
    /// An IPv6 opening.
    Pinhole {
        /// The rule.
        forward: Forward,
        /// The known port it reaches, and its kind.
        port: Option<(u16, PortKind)>,
        /// It leads to this PC.
        this_pc: bool,
    },
    /// The DMZ is on.
    Dmz {
        /// The machine.
        host: Option<String>,
        /// It is this PC.
        this_pc: bool,
    },
    /// The IPv6 firewall lets everything in.
    Ipv6Open {
        /// The box's word for its level.
        level: String,
    },
    /// The IPv4 firewall is off.
    Ipv4Open {
        /// The box's word for its level.
        level: String,
    },
    /// UPnP is on.
    UpnpOn,
    /// A service of the box open from the Internet.
    Service {
        /// The service.
        service: BoxService,
    },
}

impl Risk {
    /// How serious it is.
    pub fn level(&self) -> Level {
        match self {
            Self::Forward { port, this_pc, .. } | Self::Pinhole { port, this_pc, .. } => {
                if port.is_some() || *this_pc {
                    Level::High
                } else {
                    Level::Medium
                }
            }
            Self::Dmz { .. } | Self::Ipv6Open { .. } | Self::Ipv4Open { .. } => Level::High,
            Self::UpnpOn | Self::Service { .. } => Level::Medium,
        }
    }

    /// The 2020 case: a forward, or the DMZ, to a machine on an imaging port; the port.
    pub fn imaging_port(&self) -> Option<u16> {
        match self {
            Self::Forward {
                port: Some((p, PortKind::Imaging)),
                ..
            } => Some(*p),
            _ => None,
        }
    }
}

/// A box service that is an opening from the Internet when on (remote administration, FTP, VPN
/// server); the box's other ports (a BitTorrent client's) are not.
fn exposes(s: &BoxService) -> bool {
    let name = s.name.to_ascii_lowercase();
    s.enabled
        && ["remote", "ftp", "vpn", "admin"]
            .iter()
            .any(|k| name.contains(k))
}

/// Readings kept before `forwards_read` existed came from a box's API, which always reads the forwards
/// and the DMZ.
pub fn read_by_default() -> bool {
    true
}

/// The box's remote administration (as opposed to its FTP or VPN server).
fn is_remote_admin(s: &BoxService) -> bool {
    let name = s.name.to_ascii_lowercase();
    name.contains("remote") || name.contains("admin")
}

/// The answer a box reading proposes for the checklist's `item`: `box.port-forwarding` from the
/// forwards, pinholes, DMZ and firewalls (high → no, medium → partly, none → yes); `box.upnp` and
/// `box.remote-admin` only when their setting was read (on → no, off → yes); nothing for another item.
pub fn proposal(finding: &Finding, item: &str) -> Option<crate::system::record::Proposed> {
    use crate::system::record::Proposed;
    let Finding::BoxRules {
        risks,
        forwards_read,
        upnp_read,
        remote_admin_read,
        ..
    } = finding
    else {
        return None;
    };
    let worst = |pick: &dyn Fn(&Risk) -> bool| match risks
        .iter()
        .filter(|r| pick(r))
        .map(Risk::level)
        .min()
    {
        Some(Level::High) => Proposed::No,
        Some(Level::Medium) => Proposed::Partly,
        None => Proposed::Yes,
    };
    match item {
        "box.port-forwarding" => forwards_read.then(|| {
            worst(&|r| {
                matches!(
                    r,
                    Risk::Forward { .. }
                        | Risk::Pinhole { .. }
                        | Risk::Dmz { .. }
                        | Risk::Ipv6Open { .. }
                        | Risk::Ipv4Open { .. }
                )
            })
        }),
        "box.upnp" => upnp_read.then(|| {
            if risks.contains(&Risk::UpnpOn) {
                Proposed::No
            } else {
                Proposed::Yes
            }
        }),
        "box.remote-admin" => remote_admin_read.then(|| {
            if risks
                .iter()
                .any(|r| matches!(r, Risk::Service { service } if is_remote_admin(service)))
            {
                Proposed::No
            } else {
                Proposed::Yes
            }
        }),
        _ => None,
    }
}

fn is_this_pc(host: &str, this_pc: Option<IpAddr>) -> bool {
    this_pc.is_some_and(|ip| host.trim().parse::<IpAddr>().ok() == Some(ip))
}

/// The rules of `reading` that let the Internet in, worst first.
pub fn assess(reading: &BoxReading, this_pc: Option<IpAddr>) -> Vec<Risk> {
    let mut risks = Vec::new();
    for f in reading.forwards.iter().filter(|f| f.enabled) {
        risks.push(Risk::Forward {
            port: sensitive_port(f),
            this_pc: is_this_pc(&f.internal_host, this_pc),
            forward: f.clone(),
        });
    }
    for f in reading.pinholes.iter().filter(|f| f.enabled) {
        risks.push(Risk::Pinhole {
            port: sensitive_port(f),
            this_pc: is_this_pc(&f.internal_host, this_pc),
            forward: f.clone(),
        });
    }
    if let Some(d) = reading.dmz.as_ref().filter(|d| d.enabled) {
        risks.push(Risk::Dmz {
            this_pc: d.host.as_deref().is_some_and(|h| is_this_pc(h, this_pc)),
            host: d.host.clone(),
        });
    }
    if let Some(f) = reading.ipv6.as_ref().filter(|f| f.open) {
        risks.push(Risk::Ipv6Open {
            level: f.level.clone(),
        });
    }
    if let Some(f) = reading.ipv4_firewall.as_ref().filter(|f| f.open) {
        risks.push(Risk::Ipv4Open {
            level: f.level.clone(),
        });
    }
    if reading.upnp_enabled == Some(true) {
        risks.push(Risk::UpnpOn);
    }
    for s in reading.services.iter().filter(|s| exposes(s)) {
        risks.push(Risk::Service { service: s.clone() });
    }
    risks.sort_by_key(Risk::level);
    risks
}

/// The dated result of a reading: fail when a rule is high, warning when medium, pass when none.
pub fn result(reading: &BoxReading, this_pc: Option<IpAddr>) -> CheckResult {
    let risks = assess(reading, this_pc);
    let status = match risks.first().map(Risk::level) {
        Some(Level::High) => Status::Fail,
        Some(Level::Medium) => Status::Warning,
        // Nothing open among what was seen, but the forwards or the DMZ were not seen (a record by
        // hand): cannot tell.
        None if reading.dmz.is_none()
            || reading.unread.iter().any(|(part, _)| part == "forwards") =>
        {
            Status::Unknown
        }
        None => Status::Pass,
    };
    let mut evidence: Vec<Evidence> = reading
        .calls
        .iter()
        .map(|c| Evidence::new(reading.address.clone(), c))
        .collect();
    for f in &reading.forwards {
        evidence.push(Evidence::new("forward", forward_line(f)));
    }
    for f in &reading.pinholes {
        evidence.push(Evidence::new("IPv6 pinhole", forward_line(f)));
    }
    for (part, why) in &reading.unread {
        evidence.push(Evidence::new(part.clone(), format!("not read: {why}")));
    }
    let mut r = Verdict::new(
        status,
        Finding::BoxRules {
            kind: reading.kind,
            address: reading.address.clone(),
            model: reading.model.clone(),
            risks,
            forwards_read: reading.dmz.is_some()
                && !reading.unread.iter().any(|(part, _)| part == "forwards"),
            upnp_read: reading.upnp_enabled.is_some(),
            remote_admin_read: reading.services.iter().any(is_remote_admin),
            by_hand: reading.kind == BoxKind::Other,
        },
    )
    .result(CheckId::BoxRules, evidence);
    r.checked_at = reading.read_at;
    r
}

/// The result of a reading that failed: unknown, with why.
pub fn failed(kind: BoxKind, address: &str, error: &BoxError) -> CheckResult {
    Verdict::new(
        Status::Unknown,
        Finding::BoxUnread {
            kind,
            address: address.to_owned(),
            error: error.clone(),
        },
    )
    .result(
        CheckId::BoxRules,
        vec![Evidence::new(address.to_owned(), error.to_string())],
    )
}

/// A rule in one technical line: `tcp 8042 → 192.168.1.10:8042 (typed by hand) «Orthanc»`.
pub fn forward_line(f: &Forward) -> String {
    format!(
        "{} {} → {}:{} ({}){}{}",
        f.protocol,
        f.external,
        f.internal_host,
        f.internal,
        match f.origin {
            super::Origin::Manual => "manual",
            super::Origin::Upnp => "upnp",
            super::Origin::Unknown => "origin unknown",
        },
        if f.description.is_empty() {
            String::new()
        } else {
            format!(" «{}»", f.description)
        },
        if f.enabled { "" } else { " (disabled)" }
    )
}
