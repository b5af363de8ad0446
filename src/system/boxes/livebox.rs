//! Livebox (Orange): "sysbus", `POST /ws` with `{"service", "method", "parameters"}`. Not documented by
//! Orange but stable for years and used by the open-source clients whose calls and answers the shapes
//! below follow: `p-dor/LiveboxMonitor` (`api/LmFirewallApi.py`: getPortForwarding, getDMZ,
//! getPinhole, getFirewallLevel, getFirewallIPv6Level), `aiosysbus`, `rene-d/sysbus`.
//!
//! - Identification, without a password: `DeviceInfo.get` (`ProductClass`, `ModelName`).
//! - Login: `sah.Device.Information.createContext` with the admin password, under the header
//!   `Authorization: X-Sah-Login`; the answer's `data.contextID` goes back as `X-Context` and
//!   `Authorization: X-Sah <contextID>`, with the session cookie.
//! - Read-only calls: `Firewall.getPortForwarding` (each rule's `Origin`: `webui` typed by hand, `upnp`),
//!   `Firewall.getDMZ`, `Firewall.getPinhole`, `Firewall.getFirewallLevel`,
//!   `Firewall.getFirewallIPv6Level`, `UPnP-IGD.get`, `RemoteAccess.get`.

use serde_json::Value;

use super::http::{Request, Response};
use super::json::{flag, port, text};
use super::{
    BoxError, BoxKind, BoxReading, BoxService, Dmz, FirewallLevel, Forward, Origin, PortRange,
    Target,
};

const CONTENT_TYPE: &str = "application/x-sah-ws-4-call+json";

fn call_body(service: &str, method: &str, parameters: &Value) -> Vec<u8> {
    serde_json::json!({"service": service, "method": method, "parameters": parameters})
        .to_string()
        .into_bytes()
}

/// The identification: `DeviceInfo.get`; the model when it is a Livebox.
pub fn identify(target: &Target) -> Option<String> {
    let body = call_body("DeviceInfo", "get", &serde_json::json!({}));
    device_info_answer(
        &target
            .body(&Request::post("/ws", CONTENT_TYPE, body))
            .ok()?,
    )
}

/// The model in an answer to `DeviceInfo.get`, when it is a Livebox's (pure).
pub fn device_info_answer(body: &[u8]) -> Option<String> {
    let v: Value = serde_json::from_slice(body).ok()?;
    let status = v.get("status")?;
    let class = text(status, "ProductClass");
    let model = text(status, "ModelName");
    let name = if class.is_empty() { model } else { class };
    (!name.is_empty()).then_some(name)
}

/// A logged-in context.
struct Context {
    id: String,
    cookie: String,
}

fn login(target: &Target, password: &str) -> Result<Context, BoxError> {
    let body = call_body(
        "sah.Device.Information",
        "createContext",
        &serde_json::json!({"applicationName": "webui", "username": "admin", "password": password}),
    );
    let r = target
        .send(&Request::post("/ws", CONTENT_TYPE, body).header("Authorization", "X-Sah-Login"))?;
    Ok(Context {
        id: context_answer(&r)?,
        cookie: r.cookies().join("; "),
    })
}

/// Reads the answer to `createContext` (pure): the context's id, or why there is none.
pub fn context_answer(r: &Response) -> Result<String, BoxError> {
    if r.status == 401 || r.status == 403 {
        return Err(BoxError::WrongPassword);
    }
    let v = r
        .json()
        .ok_or_else(|| BoxError::Unexpected("createContext".to_owned()))?;
    let id = v
        .get("data")
        .map(|d| text(d, "contextID"))
        .unwrap_or_default();
    if id.is_empty() {
        return Err(if v.get("errors").is_some() || v.get("status").is_some() {
            BoxError::WrongPassword
        } else {
            BoxError::Unexpected("createContext".to_owned())
        });
    }
    Ok(id)
}

fn call(target: &Target, ctx: &Context, service: &str, method: &str) -> Result<Value, BoxError> {
    let body = call_body(service, method, &serde_json::json!({}));
    let mut request = Request::post("/ws", CONTENT_TYPE, body)
        .header("X-Context", ctx.id.clone())
        .header("Authorization", format!("X-Sah {}", ctx.id));
    if !ctx.cookie.is_empty() {
        request = request.header("Cookie", ctx.cookie.clone());
    }
    call_answer(&format!("{service}.{method}"), &target.send(&request)?)
}

/// Reads the answer to the sysbus call `name` (pure): its `status`, or its error.
pub fn call_answer(name: &str, r: &Response) -> Result<Value, BoxError> {
    let name = name.to_owned();
    if r.status >= 400 {
        return Err(BoxError::Status {
            call: name,
            status: r.status,
        });
    }
    let v = r.json().ok_or_else(|| BoxError::Unexpected(name.clone()))?;
    match v.get("status") {
        Some(s) if v.get("errors").is_none() => Ok(s.clone()),
        _ => Err(BoxError::Unexpected(name)),
    }
}

fn protocol(code: &str) -> String {
    code.split(',')
        .map(|p| match p.trim() {
            "6" => "tcp",
            "17" => "udp",
            other => other,
        })
        .collect::<Vec<_>>()
        .join("+")
}

fn origin(v: &Value) -> Origin {
    match text(v, "Origin").to_ascii_lowercase().as_str() {
        "webui" => Origin::Manual,
        "upnp" => Origin::Upnp,
        _ => Origin::Unknown,
    }
}

fn entries(v: &Value) -> Vec<Value> {
    match v {
        Value::Object(m) => m.values().cloned().collect(),
        Value::Array(a) => a.clone(),
        _ => Vec::new(),
    }
}

fn enabled(v: &Value) -> bool {
    flag(v, "Enable").unwrap_or_else(|| text(v, "Status").eq_ignore_ascii_case("enabled"))
}

/// A level that lets every incoming connection through.
pub fn level_is_open(level: &str) -> bool {
    matches!(
        level.to_ascii_lowercase().as_str(),
        "off" | "low" | "open" | "disabled"
    )
}

/// Reads the box's rules with the admin password (never kept).
pub fn read(target: &Target, password: &str) -> Result<BoxReading, BoxError> {
    if password.is_empty() {
        return Err(BoxError::PasswordNeeded);
    }
    let mut reading = BoxReading::new(BoxKind::Livebox, &target.address.ip().to_string());
    reading.model = identify(target);
    reading.calls.push("DeviceInfo.get".to_owned());
    let ctx = login(target, password)?;
    reading
        .calls
        .push("sah.Device.Information.createContext".to_owned());
    let forwards = call(target, &ctx, "Firewall", "getPortForwarding")?;
    reading.calls.push("Firewall.getPortForwarding".to_owned());
    reading.forwards = port_forwarding(&forwards);
    let dmz = call(target, &ctx, "Firewall", "getDMZ")?;
    reading.calls.push("Firewall.getDMZ".to_owned());
    reading.dmz = Some(dmz_status(&dmz));
    let optional = |service: &str, method: &str, reading: &mut BoxReading| {
        let name = format!("{service}.{method}");
        match call(target, &ctx, service, method) {
            Ok(v) => {
                reading.calls.push(name);
                Some(v)
            }
            Err(e) => {
                reading.unread.push((name, e.to_string()));
                None
            }
        }
    };
    if let Some(pinholes) = optional("Firewall", "getPinhole", &mut reading) {
        reading.pinholes = pinhole_status(&pinholes);
    }
    if let Some(level) = optional("Firewall", "getFirewallIPv6Level", &mut reading) {
        reading.ipv6 = level_status(&level);
    }
    if let Some(level) = optional("Firewall", "getFirewallLevel", &mut reading) {
        reading.ipv4_firewall = level_status(&level);
    }
    if let Some(upnp) = optional("UPnP-IGD", "get", &mut reading) {
        reading.upnp_enabled = flag(&upnp, "Enable");
    }
    if let Some(remote) = optional("RemoteAccess", "get", &mut reading) {
        reading.services.push(remote_status(&remote));
    }
    Ok(reading)
}

/// The forwards in `Firewall.getPortForwarding`'s status (pure).
pub fn port_forwarding(status: &Value) -> Vec<Forward> {
    let mut forwards = Vec::new();
    for r in entries(status) {
        let (Some(external), Some(internal)) = (
            PortRange::parse(&text(&r, "ExternalPort")),
            PortRange::parse(&text(&r, "InternalPort")),
        ) else {
            continue;
        };
        forwards.push(Forward {
            protocol: protocol(&text(&r, "Protocol")),
            external,
            internal_host: text(&r, "DestinationIPAddress"),
            internal,
            origin: origin(&r),
            enabled: enabled(&r),
            description: text(&r, "Description"),
        });
    }
    forwards
}

/// The DMZ in `Firewall.getDMZ`'s status: on when one of its entries is (pure).
pub fn dmz_status(status: &Value) -> Dmz {
    let on = entries(status).into_iter().find(enabled);
    Dmz {
        enabled: on.is_some(),
        host: on.map(|d| text(&d, "DestinationIPAddress")),
    }
}

/// The IPv6 openings in `Firewall.getPinhole`'s status (pure).
pub fn pinhole_status(status: &Value) -> Vec<Forward> {
    let mut pinholes = Vec::new();
    for r in entries(status) {
        let Some(p) = PortRange::parse(&text(&r, "DestinationPort")) else {
            continue;
        };
        pinholes.push(Forward {
            protocol: protocol(&text(&r, "Protocol")),
            external: p,
            internal_host: text(&r, "DestinationIPAddress"),
            internal: p,
            origin: origin(&r),
            enabled: enabled(&r),
            description: text(&r, "Description"),
        });
    }
    pinholes
}

/// A firewall level (`Firewall.getFirewallLevel`, `getFirewallIPv6Level`), when the status is one
/// (pure).
pub fn level_status(status: &Value) -> Option<FirewallLevel> {
    let Value::String(level) = status else {
        return None;
    };
    Some(FirewallLevel {
        open: level_is_open(level),
        level: level.clone(),
    })
}

/// The remote administration in `RemoteAccess.get`'s status (pure).
pub fn remote_status(status: &Value) -> BoxService {
    BoxService {
        name: "remote_access".to_owned(),
        enabled: flag(status, "Enable").unwrap_or(false),
        port: port(status, "Port"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocols_and_levels_are_read() {
        assert_eq!(protocol("6"), "tcp", "tcp");
        assert_eq!(protocol("6,17"), "tcp+udp", "both");
        assert!(level_is_open("Off") && !level_is_open("High"), "levels");
    }
}
