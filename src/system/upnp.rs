//! The box's UPnP port mappings, on the user's request only: SSDP discovery of the gateway, then
//! `GetGenericPortMappingEntry` from index 0 until the error that ends the list (UPnP error 713), with a
//! cap and a deadline of Vigie's own, on a worker thread (igd-next's own timeouts have been ignored in
//! the past). Only UPnP-made mappings are visible this way: manual forwards and a DMZ are not, and many
//! boxes switch UPnP off — so the checklist still asks for a screenshot of the box's page.
//!
//! The discovery's message goes to the multicast group of the local network (239.255.255.250:1900) and
//! no further; tests bind and send it to loopback.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::ports::service;
use super::{CheckId, CheckResult, Evidence, Finding, Reason, Status, Verdict};

/// Where the discovery is sent from and to, and the limits.
#[derive(Debug, Clone)]
pub struct UpnpOptions {
    /// The local address the discovery's socket is bound to.
    pub bind: SocketAddr,
    /// Where the discovery is sent (the SSDP multicast group; loopback in tests).
    pub ssdp: SocketAddr,
    /// The most entries read.
    pub cap: u32,
    /// The whole listing's deadline.
    pub deadline: Duration,
    /// This PC's address, to flag the mappings pointing to it.
    pub this_pc: Option<IpAddr>,
}

impl Default for UpnpOptions {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([0, 0, 0, 0], 0)),
            ssdp: SocketAddr::from(([239, 255, 255, 250], 1900)),
            cap: 128,
            deadline: Duration::from_secs(15),
            this_pc: super::probe::own_address(),
        }
    }
}

/// A mapping the box reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mapping {
    /// The port open on the Internet side.
    pub external_port: u16,
    /// TCP or UDP.
    pub protocol: String,
    /// The machine of the practice it leads to.
    pub internal_client: String,
    /// Its port.
    pub internal_port: u16,
    /// The description the program that made it gave.
    pub description: String,
    /// Whether it is enabled.
    pub enabled: bool,
    /// It leads to this PC.
    pub this_pc: bool,
}

impl Mapping {
    /// The mapping igd-next read from the box's answer; `this_pc`: this PC's address, when known.
    pub fn of(e: igd_next::PortMappingEntry, this_pc: Option<IpAddr>) -> Self {
        let client: Option<IpAddr> = e.internal_client.parse().ok();
        Self {
            external_port: e.external_port,
            protocol: format!("{:?}", e.protocol),
            this_pc: client.is_some() && client == this_pc,
            internal_client: e.internal_client,
            internal_port: e.internal_port,
            description: e.port_mapping_description,
            enabled: e.enabled,
        }
    }

    /// A port of an imaging, remote-access or file-sharing service.
    pub fn sensitive(&self) -> bool {
        service(self.internal_port).is_some() || service(self.external_port).is_some()
    }
}

/// The verdict on the mappings read.
pub fn interpret(gateway: &str, mappings: Vec<Mapping>, truncated: bool) -> Verdict {
    let status = if mappings
        .iter()
        .any(|m| m.enabled && (m.sensitive() || m.this_pc))
    {
        Status::Fail
    } else if mappings.iter().any(|m| m.enabled) {
        Status::Warning
    } else {
        Status::Pass
    };
    Verdict::new(
        status,
        Finding::Upnp {
            gateway: gateway.to_owned(),
            mappings,
            truncated,
        },
    )
}

/// How the listing ends when the box says the list is over (UPnP error 713): anything else (another
/// error, garbage, the cap, the deadline) leaves the list incomplete.
const LIST_END: &str = "713 (end of the list)";

enum Message {
    Gateway(String),
    Entry(Mapping),
    End(String),
}

/// Lists the mappings (on a worker thread, within the deadline).
pub fn run(options: &UpnpOptions) -> CheckResult {
    let (tx, rx) = std::sync::mpsc::channel();
    let opts = options.clone();
    let spawned = std::thread::Builder::new()
        .name("vigie-upnp".to_owned())
        .spawn(move || {
            let mut search = igd_next::SearchOptions::default();
            search.bind_addr = opts.bind;
            search.broadcast_address = opts.ssdp;
            search.timeout = Some(opts.deadline.min(Duration::from_secs(5)));
            search.single_search_timeout = Some(Duration::from_secs(2));
            // igd-next distrusts a gateway on loopback unless told: only the tests' fake gateway is.
            if opts.ssdp.ip().is_loopback() {
                search.allowed_gateway_ips = vec![opts.ssdp.ip()];
            }
            let gateway = match igd_next::search_gateway(search) {
                Ok(g) => g,
                Err(e) => {
                    let _ = tx.send(Message::End(format!("search: {e}")));
                    return;
                }
            };
            let _ = tx.send(Message::Gateway(gateway.addr.to_string()));
            for index in 0..opts.cap {
                match gateway.get_generic_port_mapping_entry(index) {
                    Ok(e) => {
                        if tx
                            .send(Message::Entry(Mapping::of(e, opts.this_pc)))
                            .is_err()
                        {
                            return;
                        }
                    }
                    // UPnP error 713 is the one end of a complete list.
                    Err(igd_next::GetGenericPortMappingEntryError::SpecifiedArrayIndexInvalid) => {
                        let _ = tx.send(Message::End(LIST_END.to_owned()));
                        return;
                    }
                    Err(e) => {
                        let _ = tx.send(Message::End(format!("entry {index}: {e}")));
                        return;
                    }
                }
            }
            let _ = tx.send(Message::End("cap".to_owned()));
        });
    if spawned.is_err() {
        return Verdict::unknown(Reason::NotReadable).result(CheckId::BoxMappings, Vec::new());
    }
    let start = Instant::now();
    let mut gateway = None;
    let mut mappings = Vec::new();
    let mut end = None;
    while end.is_none() {
        let left = options.deadline.saturating_sub(start.elapsed());
        match rx.recv_timeout(left) {
            Ok(Message::Gateway(g)) => gateway = Some(g),
            Ok(Message::Entry(m)) => mappings.push(m),
            Ok(Message::End(why)) => end = Some(why),
            Err(_) => end = Some("deadline".to_owned()),
        }
    }
    let end = end.unwrap_or_default();
    let mut evidence = vec![Evidence::new(
        format!(
            "UPnP: SSDP M-SEARCH to {}, GetGenericPortMappingEntry",
            options.ssdp
        ),
        format!("{} mappings; end of list: {end}", mappings.len()),
    )];
    for m in &mappings {
        evidence.push(Evidence::new(
            "GetGenericPortMappingEntry",
            format!(
                "{} {} → {}:{} «{}»{}",
                m.protocol,
                m.external_port,
                m.internal_client,
                m.internal_port,
                m.description,
                if m.enabled { "" } else { " (disabled)" }
            ),
        ));
    }
    let Some(gateway) = gateway else {
        return Verdict::unknown(Reason::NoGateway).result(CheckId::BoxMappings, evidence);
    };
    let truncated = end != LIST_END;
    let verdict = interpret(&gateway, mappings, truncated);
    // An incomplete list proves nothing safe: a box that stops answering, answers garbage or refuses
    // the listing after a few harmless entries is "unknown", never "pass" (what was found still fails).
    if truncated && verdict.status == Status::Pass {
        return Verdict::unknown(Reason::NotReadable).result(CheckId::BoxMappings, evidence);
    }
    verdict.result(CheckId::BoxMappings, evidence)
}
