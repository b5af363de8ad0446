//! SFR's box and the boxes Vigie does not know: no local API to read their rules (the public SFR
//! clients, `hacf-fr/sfrbox-api`, cover status, lines and Wi-Fi only). The doctor opens the box's pages
//! (the checklist's box guides say where) and records what they saw in a short form; the record reads
//! like a reading of the box, with "recorded by hand" as its source and the date.

use serde::{Deserialize, Serialize};

use super::{BoxKind, BoxReading, BoxService, Dmz, FirewallLevel, Forward, Origin, PortRange};

/// A forward the doctor saw in the box's pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenForward {
    /// The port open on the Internet side.
    pub port: u16,
    /// The machine it leads to.
    pub host: String,
}

/// What the doctor saw in the box's pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManualRecord {
    /// The box's name (`SFR Box 8`).
    pub model: String,
    /// The forwards listed.
    pub forwards: Vec<SeenForward>,
    /// The doctor looked at the forwards (else `forwards` says nothing).
    pub forwards_seen: bool,
    /// The DMZ's machine, when the DMZ is on.
    pub dmz_host: Option<String>,
    /// The doctor looked at the DMZ (else `dmz_host` says nothing).
    pub dmz_seen: bool,
    /// UPnP on (None: not seen).
    pub upnp_on: Option<bool>,
    /// Remote administration on.
    pub remote_admin_on: Option<bool>,
    /// The IPv6 firewall off or "open".
    pub ipv6_open: Option<bool>,
}

/// The record as a reading of the box at `address`.
pub fn reading(address: &str, record: &ManualRecord) -> BoxReading {
    let mut r = BoxReading::new(BoxKind::Other, address);
    r.model = (!record.model.trim().is_empty()).then(|| record.model.trim().to_owned());
    r.calls
        .push("recorded by hand from the box's pages".to_owned());
    r.forwards = record
        .forwards
        .iter()
        .map(|f| Forward {
            protocol: String::new(),
            external: PortRange::one(f.port),
            internal_host: f.host.trim().to_owned(),
            internal: PortRange::one(f.port),
            origin: Origin::Manual,
            enabled: true,
            description: String::new(),
        })
        .collect();
    // What the doctor did not look at is said so, never taken as closed.
    let not_seen = || "not seen by the doctor".to_owned();
    if !record.forwards_seen {
        r.unread.push(("forwards".to_owned(), not_seen()));
    }
    if record.dmz_seen {
        r.dmz = Some(Dmz {
            enabled: record.dmz_host.is_some(),
            host: record.dmz_host.clone(),
        });
    } else {
        r.unread.push(("DMZ".to_owned(), not_seen()));
    }
    for (part, seen) in [
        ("UPnP", record.upnp_on),
        ("remote administration", record.remote_admin_on),
        ("IPv6 firewall", record.ipv6_open),
    ] {
        if seen.is_none() {
            r.unread.push((part.to_owned(), not_seen()));
        }
    }
    r.upnp_enabled = record.upnp_on;
    r.ipv6 = record.ipv6_open.map(|open| FirewallLevel {
        level: if open { "open" } else { "on" }.to_owned(),
        open,
    });
    if let Some(on) = record.remote_admin_on {
        r.services.push(BoxService {
            name: "remote_access".to_owned(),
            enabled: on,
            port: None,
        });
    }
    r
}
