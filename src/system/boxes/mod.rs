//! The Internet box's own rules, read from its local API on the user's request: port forwards (typed by
//! hand or made by UPnP), the DMZ, the IPv6 firewall and its openings, UPnP, and the box's services open
//! from the Internet (remote administration, FTP, VPN server). One file per family: [`freebox`]
//! (Freebox OS API), [`livebox`] (Orange's "sysbus"), [`bbox`] (Bouygues' REST API), [`other`] (the
//! boxes with no such API: the doctor's own record). [`risk`] says what each rule means.
//!
//! Every call goes to the one address given (the default gateway, or one the user typed), through the
//! bounded client of [`http`]; nothing is ever written to the box. Passwords and the Freebox app token
//! are arguments, never kept here, never in an error or an evidence line.

use std::net::{IpAddr, SocketAddr};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub mod bbox;
pub mod freebox;
pub mod http;
pub mod livebox;
pub mod other;
pub mod risk;

pub use http::Limits;

/// A family of boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoxKind {
    /// Free's Freebox (Freebox OS API).
    Freebox,
    /// Orange's Livebox (sysbus).
    Livebox,
    /// Bouygues' Bbox (REST API).
    Bbox,
    /// SFR's box or an unknown one: no API to read its rules.
    Other,
}

impl BoxKind {
    /// The id on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Freebox => "freebox",
            Self::Livebox => "livebox",
            Self::Bbox => "bbox",
            Self::Other => "other",
        }
    }

    /// The product name.
    pub fn product(self) -> &'static str {
        match self {
            Self::Freebox => "Freebox",
            Self::Livebox => "Livebox",
            Self::Bbox => "Bbox",
            Self::Other => "box",
        }
    }
}

/// Who made a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Typed by hand in the box's pages.
    Manual,
    /// Opened by a program through UPnP.
    Upnp,
    /// The box does not say.
    Unknown,
}

/// A range of ports (one port: `start == end`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PortRange {
    /// The first port.
    pub start: u16,
    /// The last port.
    pub end: u16,
}

impl PortRange {
    /// One port.
    pub fn one(port: u16) -> Self {
        Self {
            start: port,
            end: port,
        }
    }

    /// Reads `8042`, `1000-2000` or `1000:2000`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Some((a, b)) = text.split_once(['-', ':']) {
            let (start, end) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
            (start <= end).then_some(Self { start, end })
        } else {
            text.parse().ok().map(Self::one)
        }
    }

    /// Whether `port` is in the range.
    pub fn contains(self, port: u16) -> bool {
        self.start <= port && port <= self.end
    }
}

impl std::fmt::Display for PortRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

/// A rule letting the Internet in: a port forward (IPv4) or a pinhole (IPv6).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Forward {
    /// tcp, udp or both.
    pub protocol: String,
    /// The port(s) open on the Internet side.
    pub external: PortRange,
    /// The machine of the practice it leads to.
    pub internal_host: String,
    /// Its port(s).
    pub internal: PortRange,
    /// Typed by hand or by UPnP.
    pub origin: Origin,
    /// Whether the rule is on.
    pub enabled: bool,
    /// The rule's name or comment.
    #[serde(default)]
    pub description: String,
}

/// The DMZ ("hôte exposé"): every port of one machine open to the Internet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dmz {
    /// Whether it is on.
    pub enabled: bool,
    /// The machine.
    pub host: Option<String>,
}

/// A firewall's level, as the box names its setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirewallLevel {
    /// The box's own word for it (`High`, `Off`, `true`).
    pub level: String,
    /// It lets every incoming connection through.
    pub open: bool,
}

/// A service of the box itself reachable from the Internet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoxService {
    /// Its name as the box gives it (`remote_access`, `ftp`, `vpn`).
    pub name: String,
    /// Whether it is open from the Internet.
    pub enabled: bool,
    /// Its port, when said.
    pub port: Option<u16>,
}

/// What was read from a box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoxReading {
    /// The family.
    pub kind: BoxKind,
    /// The address asked.
    pub address: String,
    /// The model, when it says.
    #[serde(default)]
    pub model: Option<String>,
    /// When.
    pub read_at: Timestamp,
    /// Port forwards, typed by hand and made by UPnP.
    #[serde(default)]
    pub forwards: Vec<Forward>,
    /// The DMZ, when read.
    #[serde(default)]
    pub dmz: Option<Dmz>,
    /// The IPv4 firewall's level, when read.
    #[serde(default)]
    pub ipv4_firewall: Option<FirewallLevel>,
    /// The IPv6 firewall, when read.
    #[serde(default)]
    pub ipv6: Option<FirewallLevel>,
    /// IPv6 openings.
    #[serde(default)]
    pub pinholes: Vec<Forward>,
    /// UPnP on or off, when read.
    #[serde(default)]
    pub upnp_enabled: Option<bool>,
    /// The box's services open from the Internet.
    #[serde(default)]
    pub services: Vec<BoxService>,
    /// What was read (the calls made, without their secrets).
    #[serde(default)]
    pub calls: Vec<String>,
    /// The parts that could not be read, with why.
    #[serde(default)]
    pub unread: Vec<(String, String)>,
}

impl BoxReading {
    /// An empty reading of `kind` at `address`, dated now.
    pub fn new(kind: BoxKind, address: &str) -> Self {
        Self {
            kind,
            address: address.to_owned(),
            model: None,
            read_at: Timestamp::now(),
            forwards: Vec::new(),
            dmz: None,
            ipv4_firewall: None,
            ipv6: None,
            pinholes: Vec::new(),
            upnp_enabled: None,
            services: Vec::new(),
            calls: Vec::new(),
            unread: Vec::new(),
        }
    }
}

/// Why a box could not be read. No variant carries a password or a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum BoxError {
    /// The exchange failed (nothing answers, too slow, too large, garbage, a redirect).
    #[error("{0}")]
    Http(#[from] HttpFailure),
    /// The box answered something Vigie cannot read.
    #[error("unexpected answer to {0}")]
    Unexpected(String),
    /// The box refused with an HTTP status.
    #[error("the box answered {status} to {call}")]
    Status {
        /// The call.
        call: String,
        /// The status.
        status: u16,
    },
    /// The password was refused.
    #[error("the box refused the password")]
    WrongPassword,
    /// A password is needed and none was given.
    #[error("the box's administrator password is needed")]
    PasswordNeeded,
    /// The Freebox authorisation is still waiting for the button.
    #[error("the authorisation is waiting for the button on the box")]
    AuthPending,
    /// The Freebox authorisation was refused on the box.
    #[error("the authorisation was refused on the box")]
    AuthDenied,
    /// No one pressed the button in time.
    #[error("the button on the box was not pressed in time")]
    AuthTimeout,
    /// The Freebox app token is unknown or revoked.
    #[error("the box no longer knows Vigie's authorisation")]
    TokenRefused,
    /// The Freebox app lacks a right (`settings`).
    #[error("Vigie's authorisation lacks the right \"{0}\" in Freebox OS")]
    MissingRight(String),
    /// This family has no API to read its rules.
    #[error("this box has no local API for its rules")]
    NoApi,
}

/// An exchange's failure, kept in the record (a copy of [`http::HttpError`]).
pub type HttpFailure = http::HttpError;

impl Serialize for http::HttpError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match self {
            Self::Unreachable => "unreachable",
            Self::Timeout => "timeout",
            Self::TooLarge => "too_large",
            Self::Malformed => "malformed",
            Self::Redirect => "redirect",
            Self::Certificate => "certificate",
            Self::Tls => "tls",
        })
    }
}

impl<'de> Deserialize<'de> for http::HttpError {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match s.as_str() {
            "timeout" => Self::Timeout,
            "too_large" => Self::TooLarge,
            "malformed" => Self::Malformed,
            "redirect" => Self::Redirect,
            "certificate" => Self::Certificate,
            "tls" => Self::Tls,
            _ => Self::Unreachable,
        })
    }
}

/// The one box a reading talks to, and its bounds.
#[derive(Debug, Clone)]
pub struct Target {
    /// The box's address and port (80 for the three families' local APIs).
    pub address: SocketAddr,
    /// The bounds of each exchange.
    pub limits: Limits,
    /// TLS, when the box offers it (the Freebox): its roots and server name.
    pub tls: Option<http::Tls>,
}

impl Target {
    /// The box at `ip`, port 80, with the default bounds.
    pub fn new(ip: IpAddr) -> Self {
        Self {
            address: SocketAddr::new(ip, 80),
            limits: Limits::default(),
            tls: None,
        }
    }

    /// Sends `request`; an HTTP status of 400 or more is an error naming `call`.
    pub(crate) fn send(&self, request: &http::Request<'_>) -> Result<http::Response, BoxError> {
        Ok(http::send_over(
            self.address,
            self.tls.as_ref(),
            request,
            self.limits,
        )?)
    }

    /// Sends `request` and gives the answer's body, whatever its status (the Freebox says its errors in
    /// the body); each family's pure `*_answer` functions read it.
    pub(crate) fn body(&self, request: &http::Request<'_>) -> Result<Vec<u8>, BoxError> {
        Ok(self.send(request)?.body)
    }
}

/// What identification found at an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identified {
    /// The family.
    pub kind: BoxKind,
    /// The model, when said.
    pub model: Option<String>,
}

/// Which box answers at `target`: each family's harmless identification request in turn (Freebox
/// `GET /api_version`, Bbox `GET /api/v1/device`, Livebox `DeviceInfo.get`), none needing a password.
/// [`BoxKind::Other`] when none is recognized.
pub fn identify(target: &Target) -> Identified {
    if let Some(model) = freebox::identify(target) {
        return Identified {
            kind: BoxKind::Freebox,
            model: Some(model),
        };
    }
    if let Some(model) = bbox::identify(target) {
        return Identified {
            kind: BoxKind::Bbox,
            model: Some(model),
        };
    }
    if let Some(model) = livebox::identify(target) {
        return Identified {
            kind: BoxKind::Livebox,
            model: Some(model),
        };
    }
    Identified {
        kind: BoxKind::Other,
        model: None,
    }
}

/// The default gateway, where the system says: Linux `/proc/net/route`; macOS `route -n get default`;
/// Windows the IPv4 routing table from WMI (`Win32_IP4RouteTable`, the default route of lowest metric;
/// the library forbids unsafe code, so the IP Helper API's FFI is not called). `None` when it cannot
/// tell: the user types the address.
pub fn default_gateway() -> Option<IpAddr> {
    #[cfg(target_os = "macos")]
    {
        let out = super::util::run(
            "/sbin/route",
            &["-n", "get", "default"],
            std::time::Duration::from_secs(5),
        )
        .ok()?;
        gateway_from_route_get(&out.stdout)
    }
    #[cfg(windows)]
    {
        let rows = super::windows::wmi_query(
            "ROOT\\CIMV2",
            "SELECT Destination, Mask, NextHop, Metric1 FROM Win32_IP4RouteTable WHERE Destination = '0.0.0.0'",
        )
        .ok()?;
        gateway_from_wmi_routes(&rows)
    }
    #[cfg(not(any(target_os = "macos", windows)))]
    {
        let table = crate::fs::read_bounded_to_string(
            std::path::Path::new("/proc/net/route"),
            crate::fs::MAX_TEXT_FILE_BYTES,
        )
        .ok()?;
        gateway_from_route_table(&table)
    }
}

/// The gateway in macOS's `route -n get default` output (its `gateway:` line); `None` when there is no
/// default route (`route: writing to routing socket: not in table`) or the gateway is not an address
/// (a link, `link#4`).
pub fn gateway_from_route_get(output: &str) -> Option<IpAddr> {
    output.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        if key.trim() != "gateway" {
            return None;
        }
        let ip: IpAddr = value.trim().parse().ok()?;
        (!ip.is_unspecified()).then_some(ip)
    })
}

/// The gateway of the default route of lowest metric among WMI's `Win32_IP4RouteTable` rows
/// (`Destination`, `Mask`, `NextHop`, `Metric1`, as text); on-link routes (`NextHop` 0.0.0.0) are not a
/// gateway.
pub fn gateway_from_wmi_routes(
    rows: &[std::collections::BTreeMap<String, String>],
) -> Option<IpAddr> {
    rows.iter()
        .filter(|r| {
            r.get("Destination").map(String::as_str) == Some("0.0.0.0")
                && r.get("Mask").is_none_or(|m| m == "0.0.0.0")
        })
        .filter_map(|r| {
            let hop: std::net::Ipv4Addr = r.get("NextHop")?.trim().parse().ok()?;
            let metric: i64 = r
                .get("Metric1")
                .and_then(|m| m.trim().parse().ok())
                .unwrap_or(i64::MAX);
            (!hop.is_unspecified()).then_some((metric, hop))
        })
        .min_by_key(|(metric, _)| *metric)
        .map(|(_, hop)| IpAddr::V4(hop))
}

/// The default route's gateway in a `/proc/net/route` table.
pub fn gateway_from_route_table(table: &str) -> Option<IpAddr> {
    table.lines().skip(1).find_map(|line| {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.get(1) != Some(&"00000000") {
            return None;
        }
        let n = u32::from_str_radix(cols.get(2)?, 16).ok()?;
        let ip = std::net::Ipv4Addr::from(n.to_le_bytes());
        (!ip.is_unspecified()).then_some(IpAddr::V4(ip))
    })
}

/// JSON helpers shared by the families (the boxes write numbers as strings and booleans as 0/1).
pub(crate) mod json {
    use serde_json::Value;

    /// A string, or a number written as one.
    pub fn text(v: &Value, key: &str) -> String {
        match v.get(key) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    }

    /// A boolean, or 0/1, or "Enabled"/"true".
    pub fn flag(v: &Value, key: &str) -> Option<bool> {
        match v.get(key)? {
            Value::Bool(b) => Some(*b),
            Value::Number(n) => Some(n.as_i64()? != 0),
            Value::String(s) => match s.to_ascii_lowercase().as_str() {
                "1" | "true" | "enabled" | "on" | "yes" => Some(true),
                "0" | "false" | "disabled" | "off" | "no" | "" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    /// A port number, or a number written as a string.
    pub fn port(v: &Value, key: &str) -> Option<u16> {
        match v.get(key)? {
            Value::Number(n) => u16::try_from(n.as_u64()?).ok(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_ranges_read_and_contain() {
        assert_eq!(PortRange::parse("8042"), Some(PortRange::one(8042)), "one");
        let r = PortRange::parse("1000-2000");
        assert_eq!(r.map(|r| (r.start, r.end)), Some((1000, 2000)), "range");
        assert!(
            r.is_some_and(|r| r.contains(1500) && !r.contains(2001)),
            "contains"
        );
        assert_eq!(PortRange::parse("2000-1000"), None, "reversed");
        assert_eq!(PortRange::parse("x"), None, "garbage");
        assert_eq!(PortRange::one(1).to_string(), "1", "display one");
    }

    #[test]
    fn the_default_route_gives_the_gateway() {
        let table = "Iface\tDestination\tGateway \tFlags\n\
                     eth0\t0000A8C0\t00000000\t0001\n\
                     eth0\t00000000\t0101A8C0\t0003\n";
        assert_eq!(
            gateway_from_route_table(table),
            Some(IpAddr::from([192, 168, 1, 1])),
            "little-endian hex"
        );
        assert_eq!(
            gateway_from_route_table("Iface\n"),
            None,
            "no default route"
        );
    }

    /// macOS `route -n get default` (shaped on its output, see tests/data/gateway/README.md); and with
    /// no default route.
    #[test]
    fn macos_route_get_gives_the_gateway() {
        let out = include_str!("../../../tests/data/gateway/macos-route-get-default.txt");
        assert_eq!(
            gateway_from_route_get(out),
            Some(IpAddr::from([192, 168, 1, 254])),
            "{out}"
        );
        assert_eq!(
            gateway_from_route_get("route: writing to routing socket: not in table\n"),
            None,
            "no default route"
        );
        assert_eq!(
            gateway_from_route_get("   route to: default\n    gateway: link#4\n"),
            None,
            "a link, not an address"
        );
    }

    /// Windows' `Win32_IP4RouteTable` rows (shaped on WMI's, see the README; Ethernet and Wi-Fi both up: the lower metric
    /// wins; the on-link routes are not gateways).
    #[test]
    fn windows_routes_give_the_gateway_of_lowest_metric() {
        let text = include_str!("../../../tests/data/gateway/windows-ip4routetable.json");
        let rows: Vec<std::collections::BTreeMap<String, String>> =
            serde_json::from_str(text).unwrap_or_default();
        assert_eq!(rows.len(), 4, "the recorded rows read");
        assert_eq!(
            gateway_from_wmi_routes(&rows),
            Some(IpAddr::from([192, 168, 1, 1])),
            "Ethernet's metric is lower"
        );
        assert_eq!(
            gateway_from_wmi_routes(&rows[2..]),
            None,
            "no default route"
        );
    }
}
