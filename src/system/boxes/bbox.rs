//! Bbox (Bouygues Telecom): its documented REST API (api.bbox.fr/doc/apirouter), shapes as the
//! open-source clients `bboxpy` and `hadamrd/bbox-cli` read them. Every answer is a one-element array
//! wrapping an object (`[{"nat": {"rules": […]}}]`).
//!
//! - Identification, without a password: `GET /api/v1/device` (`modelname`).
//! - Login: `POST /api/v1/login` with the admin password (form-encoded); the `BBOX_ID` cookie it sets
//!   goes with every later call.
//! - Read-only calls: `GET /api/v1/nat/rules`, `/api/v1/nat/dmz`, `/api/v1/upnp/igd`,
//!   `/api/v1/upnp/igd/rules`, `/api/v1/firewall`, `/api/v1/remote/admin`.
//!
//! Over HTTPS when the box offers it: the API is documented at `https://mabbox.bytel.fr`, a name the
//! box's own DNS gives itself, with a certificate from a public authority (Bouygues's pages verify it
//! with a plain `curl`). The reading first asks `GET /api/v1/device` over TLS at port 443 of the box's
//! address, the certificate checked for `mabbox.bytel.fr` against the public authorities
//! (`webpki-roots`); when that port refuses the connection (a box that offers no HTTPS), it goes on in
//! plain HTTP and says so in its calls; any other failure (a certificate that does not verify, a broken
//! handshake, a time-out) ends the reading with its reason: never a silent fall back once the port
//! answers.

use std::fmt::Write as _;

use serde_json::Value;

use super::http::{HttpError, Request, Response, Tls};
use super::json::{flag, port, text};
use super::{
    BoxError, BoxKind, BoxReading, BoxService, Dmz, FirewallLevel, Forward, Origin, PortRange,
    Target,
};

/// `[{"a": {"b": x}}]` → `x`.
fn unwrap<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    let mut v = v.as_array().and_then(|a| a.first()).unwrap_or(v);
    for k in keys {
        v = v.get(k)?;
    }
    Some(v)
}

/// The identification: `GET /api/v1/device`; the model when it is a Bbox.
/// Over plain HTTP first, then over HTTPS at port 443 (a Bbox may answer only there).
pub fn identify(target: &Target) -> Option<String> {
    let ask = |t: &Target| {
        let body = t.body(&Request::get("/api/v1/device")).ok()?;
        device_answer(&body)
    };
    ask(target).or_else(|| ask(&over_tls(target, HTTPS_PORT, Tls::public(SERVER_NAME)?)))
}

/// The same box at `port`, over `tls`.
fn over_tls(target: &Target, port: u16, tls: Tls) -> Target {
    let mut secure = target.clone();
    secure.address.set_port(port);
    secure.tls = Some(tls);
    secure
}

/// The model in an answer to `GET /api/v1/device`, when it is a Bbox's (pure).
pub fn device_answer(body: &[u8]) -> Option<String> {
    let v: Value = serde_json::from_slice(body).ok()?;
    let device = unwrap(&v, &["device"])?;
    let model = text(device, "modelname");
    Some(if model.is_empty() {
        "Bbox".to_owned()
    } else {
        model
    })
}

fn form_escape(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn login(target: &Target, password: &str) -> Result<String, BoxError> {
    let body = format!("password={}&remember=0", form_escape(password)).into_bytes();
    let r = target.send(&Request::post(
        "/api/v1/login",
        "application/x-www-form-urlencoded",
        body,
    ))?;
    login_answer(&r)
}

/// Reads the answer to `POST /api/v1/login` (pure): the session cookie, or why there is none.
pub fn login_answer(r: &Response) -> Result<String, BoxError> {
    if r.status == 401 || r.status == 403 {
        return Err(BoxError::WrongPassword);
    }
    if r.status >= 400 {
        return Err(BoxError::Status {
            call: "POST /api/v1/login".to_owned(),
            status: r.status,
        });
    }
    let cookie = r.cookies().join("; ");
    if cookie.is_empty() {
        return Err(BoxError::WrongPassword);
    }
    Ok(cookie)
}

fn get(target: &Target, cookie: &str, path: &str) -> Result<Response, BoxError> {
    target.send(&Request::get(path).header("Cookie", cookie.to_owned()))
}

/// An answer to `GET path` as JSON: its status checked, its body read (pure).
pub fn json_answer(path: &str, r: &Response) -> Result<Value, BoxError> {
    if r.status == 401 {
        return Err(BoxError::WrongPassword);
    }
    if r.status >= 400 {
        return Err(BoxError::Status {
            call: format!("GET {path}"),
            status: r.status,
        });
    }
    r.json()
        .ok_or_else(|| BoxError::Unexpected(format!("GET {path}")))
}

fn rule(r: &Value, origin: Origin) -> Option<Forward> {
    let external = PortRange::parse(&text(r, "externalport"))?;
    let internal = PortRange::parse(&text(r, "internalport")).unwrap_or(external);
    Some(Forward {
        protocol: text(r, "protocol").to_ascii_lowercase(),
        external,
        internal_host: text(r, "ipaddress"),
        internal,
        origin,
        enabled: flag(r, "enable").unwrap_or(true),
        description: text(r, "description"),
    })
}

/// The name the Bbox's certificate carries.
pub const SERVER_NAME: &str = "mabbox.bytel.fr";

/// The port of the Bbox's HTTPS API.
pub const HTTPS_PORT: u16 = 443;

/// Reads the box's rules with the admin password (never kept), over HTTPS when the box offers it
/// (port 443, the certificate checked for [`SERVER_NAME`] against the public authorities).
pub fn read(target: &Target, password: &str) -> Result<BoxReading, BoxError> {
    read_with(target, HTTPS_PORT, Tls::public(SERVER_NAME), password)
}

/// As [`read`], with the HTTPS port and the TLS check given (the tests' own authority and port).
pub fn read_with(
    target: &Target,
    https_port: u16,
    tls: Option<Tls>,
    password: &str,
) -> Result<BoxReading, BoxError> {
    if password.is_empty() {
        return Err(BoxError::PasswordNeeded);
    }
    let tls = tls.ok_or_else(|| BoxError::Unexpected("TLS".to_owned()))?;
    let over = format!("TLS {}:{https_port} (certificate verified)", tls.name());
    let secure = over_tls(target, https_port, tls);
    // The device's answer over TLS gives the model too: it is not asked twice.
    let (chosen, over, model) = match secure.body(&Request::get("/api/v1/device")) {
        Ok(body) => (secure, over, device_answer(&body)),
        // Nothing listens there: a box that offers no HTTPS. Anything else ends the reading.
        Err(BoxError::Http(HttpError::Unreachable)) => (
            target.clone(),
            format!("HTTP (port {https_port} closed: no HTTPS offered)"),
            identify(target),
        ),
        Err(e) => return Err(e),
    };
    let mut reading = read_over(&chosen, model, password)?;
    reading.calls.insert(0, over);
    Ok(reading)
}

/// Reads the box's rules over `target` as it is (plain HTTP, or TLS when it carries it), `model`
/// already identified.
fn read_over(
    target: &Target,
    model: Option<String>,
    password: &str,
) -> Result<BoxReading, BoxError> {
    let mut reading = BoxReading::new(BoxKind::Bbox, &target.address.ip().to_string());
    reading.model = model;
    reading.calls.push("GET /api/v1/device".to_owned());
    let cookie = login(target, password)?;
    reading.calls.push("POST /api/v1/login".to_owned());
    let ask = |path: &str| get(target, &cookie, path);
    reading.forwards = nat_rules_answer(&ask("/api/v1/nat/rules")?)?;
    reading.calls.push("GET /api/v1/nat/rules".to_owned());
    reading.dmz = Some(dmz_answer(&ask("/api/v1/nat/dmz")?)?);
    reading.calls.push("GET /api/v1/nat/dmz".to_owned());
    let optional = |path: &str, reading: &mut BoxReading| match ask(path)
        .and_then(|r| json_answer(path, &r))
    {
        Ok(v) => {
            reading.calls.push(format!("GET {path}"));
            Some(v)
        }
        Err(e) => {
            reading.unread.push((path.to_owned(), e.to_string()));
            None
        }
    };
    if let Some(igd) = optional("/api/v1/upnp/igd", &mut reading) {
        reading.upnp_enabled = upnp_igd(&igd);
    }
    if let Some(rules) = optional("/api/v1/upnp/igd/rules", &mut reading) {
        reading.forwards.extend(upnp_rules(&rules));
    }
    if let Some(fw) = optional("/api/v1/firewall", &mut reading) {
        reading.ipv4_firewall = firewall(&fw);
    }
    if let Some(remote) = optional("/api/v1/remote/admin", &mut reading) {
        reading.services.extend(remote_admin(&remote));
    }
    Ok(reading)
}

/// Reads an answer to `GET /api/v1/nat/rules`: the forwards typed by hand (pure).
pub fn nat_rules_answer(r: &Response) -> Result<Vec<Forward>, BoxError> {
    let call = "/api/v1/nat/rules";
    let nat = json_answer(call, r)?;
    let rules = unwrap(&nat, &["nat", "rules"])
        .and_then(Value::as_array)
        .ok_or_else(|| BoxError::Unexpected(format!("GET {call}")))?;
    Ok(rules
        .iter()
        .filter_map(|r| rule(r, Origin::Manual))
        .collect())
}

/// Reads an answer to `GET /api/v1/nat/dmz` (pure).
pub fn dmz_answer(r: &Response) -> Result<Dmz, BoxError> {
    let call = "/api/v1/nat/dmz";
    let dmz = json_answer(call, r)?;
    let dmz =
        unwrap(&dmz, &["nat", "dmz"]).ok_or_else(|| BoxError::Unexpected(format!("GET {call}")))?;
    let host = text(dmz, "ipaddress");
    Ok(Dmz {
        enabled: flag(dmz, "enable").unwrap_or(false),
        host: (!host.is_empty()).then_some(host),
    })
}

/// UPnP on, from `GET /api/v1/upnp/igd`'s JSON, when said.
pub fn upnp_igd(igd: &Value) -> Option<bool> {
    unwrap(igd, &["upnp", "igd"]).and_then(|i| flag(i, "enable"))
}

/// The forwards UPnP made, from `GET /api/v1/upnp/igd/rules`'s JSON.
pub fn upnp_rules(rules: &Value) -> Vec<Forward> {
    unwrap(rules, &["upnp", "igd", "rules"])
        .and_then(Value::as_array)
        .map(|rules| rules.iter().filter_map(|r| rule(r, Origin::Upnp)).collect())
        .unwrap_or_default()
}

/// The IPv4 firewall, from `GET /api/v1/firewall`'s JSON, when said.
pub fn firewall(fw: &Value) -> Option<FirewallLevel> {
    let on = unwrap(fw, &["firewall"]).and_then(|f| flag(f, "enable"))?;
    Some(FirewallLevel {
        level: on.to_string(),
        open: !on,
    })
}

/// The remote administration, from `GET /api/v1/remote/admin`'s JSON, when said.
pub fn remote_admin(remote: &Value) -> Option<BoxService> {
    let admin = unwrap(remote, &["remote", "admin"])?;
    Some(BoxService {
        name: "remote_access".to_owned(),
        enabled: flag(admin, "enable").unwrap_or(false),
        port: port(admin, "port"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_form_escaped() {
        assert_eq!(form_escape("a b&c=é"), "a%20b%26c%3D%C3%A9", "escaped");
    }
}
