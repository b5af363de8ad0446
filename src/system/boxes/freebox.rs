//! Freebox (Free): the Freebox OS API, official and documented (dev.freebox.fr/sdk/os: login, nat,
//! upnpigd). Shapes checked against the SDK's pages and the answers recorded by the Python clients
//! `freebox-api` and `aiofreepybox`.
//!
//! - `GET /api_version` gives the API's base (`api_base_url`, `api_version`): the identification. It
//!   also says whether the box offers HTTPS (`https_available`, `https_port`, `api_domain`): then every
//!   later call goes over TLS to the box's address at `https_port`, the certificate checked for the
//!   name `api_domain` against Free's own root CAs (`assets/boxes/freebox-ca.pem`); a certificate that
//!   does not verify ends the reading (never a silent fall back to plain HTTP).
//! - Once: `POST {base}login/authorize/` asks for an app token; the doctor presses the button on the
//!   box's front panel while Vigie polls `GET {base}login/authorize/{track_id}`.
//! - Each reading: `GET {base}login/` gives a challenge; `POST {base}login/session/` with
//!   `password = hex(HMAC-SHA1(key = app_token, message = challenge))` opens a session whose token goes
//!   in `X-Fbx-App-Auth`.
//! - Then `fw/redir/`, `fw/dmz/`, `fw/incoming/`, `upnpigd/config/`, `upnpigd/redir/` and
//!   `connection/ipv6/config/` (its `ipv6_firewall`, when the firmware has it), all read-only.

use std::time::{Duration, Instant};

use hmac::{Hmac, Mac as _};
use serde_json::Value;
use sha1::Sha1;

use super::http::{Request, Tls};
use super::json::{flag, port, text};
use super::{
    BoxError, BoxKind, BoxReading, BoxService, Dmz, FirewallLevel, Forward, Origin, PortRange,
    Target,
};

/// Vigie's application id on the box.
pub const APP_ID: &str = "fr.vigie.boxcheck";

/// The identification: `GET /api_version`; the box's model when it is a Freebox.
pub fn identify(target: &Target) -> Option<String> {
    identify_answer(&target.body(&Request::get("/api_version")).ok()?)
}

/// The model in an answer to `GET /api_version`, when it is a Freebox's (it has `api_base_url`).
pub fn identify_answer(body: &[u8]) -> Option<String> {
    let v: Value = serde_json::from_slice(body).ok()?;
    v.get("api_base_url")?;
    let model = [text(&v, "box_model_name"), text(&v, "device_name")]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "Freebox".to_owned());
    Some(model)
}

/// The API's base, `/api/v8/`, from `/api_version`.
pub fn api_base(target: &Target) -> Result<String, BoxError> {
    Ok(api_answer(&target.body(&Request::get("/api_version"))?)?.base)
}

/// What an answer to `GET /api_version` says of the API: its base and, when the box offers HTTPS,
/// the port and the name its certificate must carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiAnswer {
    /// The API's base, `/api/v8/`.
    pub base: String,
    /// `https_port` and `api_domain`, when `https_available` is true.
    pub https: Option<(u16, String)>,
}

/// Reads an answer to `GET /api_version` (pure: the fuzz target `box_answers` drives it).
pub fn api_answer(body: &[u8]) -> Result<ApiAnswer, BoxError> {
    let unexpected = || BoxError::Unexpected("GET /api_version".to_owned());
    let v: Value = serde_json::from_slice(body).map_err(|_e| unexpected())?;
    let base = base_from(&v)?;
    let https = if v.get("https_available").and_then(Value::as_bool) == Some(true) {
        let port = v
            .get("https_port")
            .and_then(Value::as_u64)
            .and_then(|p| u16::try_from(p).ok())
            .filter(|p| *p != 0)
            .ok_or_else(unexpected)?;
        Some((port, text(&v, "api_domain")))
    } else {
        None
    };
    Ok(ApiAnswer { base, https })
}

fn base_from(v: &Value) -> Result<String, BoxError> {
    let base = text(v, "api_base_url");
    let major = text(v, "api_version")
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok());
    match (base.starts_with('/'), major) {
        (true, Some(major)) => {
            let base = base.trim_end_matches('/');
            Ok(format!("{base}/v{major}/"))
        }
        _ => Err(BoxError::Unexpected("GET /api_version".to_owned())),
    }
}

/// Free's root CAs for the boxes' HTTPS certificates, "Freebox ECC Root CA" and "Freebox Root CA"
/// (RSA), as published in the Freebox OS SDK's documentation (section "HTTPS Access").
pub const ROOT_CAS: &str = include_str!("../../../assets/boxes/freebox-ca.pem");

/// The API, ready for the calls that carry a secret: the target (over TLS when the box offers it)
/// and the base path.
#[derive(Debug, Clone)]
pub struct Api {
    /// The box, over TLS when offered.
    pub target: Target,
    /// The API's base, `/api/v8/`.
    pub base: String,
}

/// Reads `/api_version` (plain HTTP: it carries no secret) and, when the box offers HTTPS, switches
/// to TLS with Free's root CAs ([`ROOT_CAS`]).
pub fn open_api(target: &Target) -> Result<Api, BoxError> {
    open_api_trusting(target, ROOT_CAS.as_bytes())
}

/// As [`open_api`], trusting the roots in `roots_pem` instead (the tests' own authority).
pub fn open_api_trusting(target: &Target, roots_pem: &[u8]) -> Result<Api, BoxError> {
    let ApiAnswer { base, https } = api_answer(&target.body(&Request::get("/api_version"))?)?;
    let mut target = target.clone();
    if let Some((port, domain)) = https {
        let tls = Tls::new(roots_pem, &domain)
            .ok_or_else(|| BoxError::Unexpected("GET /api_version".to_owned()))?;
        target.address.set_port(port);
        target.tls = Some(tls);
    }
    Ok(Api { target, base })
}

/// The `result` of a Freebox answer's body (JSON, the envelope `success`/`result`), or its error,
/// naming `call` (pure).
pub fn answer(call: &str, body: &[u8]) -> Result<Value, BoxError> {
    let v: Value =
        serde_json::from_slice(body).map_err(|_e| BoxError::Unexpected(call.to_owned()))?;
    result(call, &v)
}

/// The `result` of a Freebox answer, or its error.
fn result(call: &str, v: &Value) -> Result<Value, BoxError> {
    if v.get("success").and_then(Value::as_bool) == Some(true) {
        return Ok(v.get("result").cloned().unwrap_or(Value::Null));
    }
    let code = text(v, "error_code");
    Err(match code.as_str() {
        "insufficient_rights" => BoxError::MissingRight(match text(v, "missing_right") {
            r if r.is_empty() => "settings".to_owned(),
            r => r,
        }),
        "invalid_token" | "auth_required" | "invalid_session" => BoxError::TokenRefused,
        "pending_token" => BoxError::AuthPending,
        "denied_from_external_ip" => BoxError::Status {
            call: call.to_owned(),
            status: 403,
        },
        _ => BoxError::Unexpected(call.to_owned()),
    })
}

/// The state of an authorisation request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthStatus {
    /// Waiting for the button.
    Pending,
    /// Pressed: the token works.
    Granted,
    /// Refused on the box.
    Denied,
    /// No one pressed in time (the box's own delay).
    Timeout,
    /// The box no longer knows the request.
    Unknown,
}

/// An authorisation waiting for the button: the token (secret; the caller keeps it in the vault) and
/// the request's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingAuthorization {
    /// The app token, valid once the button is pressed.
    pub app_token: String,
    /// The request's id, to poll.
    pub track_id: u64,
}

/// Asks the box to authorise Vigie (`POST {base}login/authorize/`); the box then lights its screen.
pub fn request_authorization(
    target: &Target,
    base: &str,
    device_name: &str,
) -> Result<PendingAuthorization, BoxError> {
    let path = format!("{base}login/authorize/");
    let body = serde_json::json!({
        "app_id": APP_ID,
        "app_name": "Vigie",
        "app_version": env!("CARGO_PKG_VERSION"),
        "device_name": device_name,
    });
    authorize_answer(&target.body(&Request::post(
        &path,
        "application/json",
        body.to_string().into_bytes(),
    ))?)
}

/// Reads an answer to `POST login/authorize/`: the app token and the request's id (pure).
pub fn authorize_answer(body: &[u8]) -> Result<PendingAuthorization, BoxError> {
    let r = answer("POST login/authorize/", body)?;
    let app_token = text(&r, "app_token");
    let track_id = r.get("track_id").and_then(Value::as_u64);
    match track_id {
        Some(track_id) if !app_token.is_empty() => Ok(PendingAuthorization {
            app_token,
            track_id,
        }),
        _ => Err(BoxError::Unexpected("POST login/authorize/".to_owned())),
    }
}

/// The state of request `track_id` (`GET {base}login/authorize/{track_id}`).
pub fn authorization_status(
    target: &Target,
    base: &str,
    track_id: u64,
) -> Result<AuthStatus, BoxError> {
    let path = format!("{base}login/authorize/{track_id}");
    authorization_status_answer(&target.body(&Request::get(&path))?)
}

/// Reads an answer to `GET login/authorize/{track_id}` (pure).
pub fn authorization_status_answer(body: &[u8]) -> Result<AuthStatus, BoxError> {
    let r = answer("GET login/authorize/{id}", body)?;
    Ok(match text(&r, "status").as_str() {
        "pending" => AuthStatus::Pending,
        "granted" => AuthStatus::Granted,
        "denied" => AuthStatus::Denied,
        "timeout" => AuthStatus::Timeout,
        _ => AuthStatus::Unknown,
    })
}

/// Polls request `track_id` every `every` until the button is pressed, refused, or `wait` passes;
/// `tick(left)` is called before each poll (the window's countdown), and stops the wait when it
/// returns false (cancelled).
pub fn wait_for_button(
    target: &Target,
    base: &str,
    track_id: u64,
    wait: Duration,
    every: Duration,
    tick: &dyn Fn(Duration) -> bool,
) -> Result<(), BoxError> {
    let start = Instant::now();
    loop {
        let left = wait.saturating_sub(start.elapsed());
        if left.is_zero() || !tick(left) {
            return Err(BoxError::AuthTimeout);
        }
        match authorization_status(target, base, track_id)? {
            AuthStatus::Granted => return Ok(()),
            AuthStatus::Denied => return Err(BoxError::AuthDenied),
            AuthStatus::Timeout | AuthStatus::Unknown => return Err(BoxError::AuthTimeout),
            AuthStatus::Pending => std::thread::sleep(every.min(left)),
        }
    }
}

/// The session password Freebox OS expects: the HMAC-SHA1 of `challenge` keyed with `app_token`, in
/// lower-case hexadecimal.
pub fn session_password(app_token: &str, challenge: &str) -> String {
    // HMAC accepts a key of any length: `new_from_slice` cannot fail for it.
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(app_token.as_bytes()) else {
        return String::new();
    };
    mac.update(challenge.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// An open session: its token (for `X-Fbx-App-Auth`) and whether the app has the "settings" right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The session token.
    pub token: String,
    /// The app may read the box's settings.
    pub settings: Option<bool>,
}

/// Opens a session with the app token.
pub fn open_session(target: &Target, base: &str, app_token: &str) -> Result<Session, BoxError> {
    let login = format!("{base}login/");
    let challenge = challenge_answer(&target.body(&Request::get(&login))?)?;
    let body = serde_json::json!({
        "app_id": APP_ID,
        "password": session_password(app_token, &challenge),
    });
    let path = format!("{base}login/session/");
    session_answer(&target.body(&Request::post(
        &path,
        "application/json",
        body.to_string().into_bytes(),
    ))?)
}

/// Reads an answer to `GET login/`: the challenge (pure).
pub fn challenge_answer(body: &[u8]) -> Result<String, BoxError> {
    let r = answer("GET login/", body)?;
    let challenge = text(&r, "challenge");
    if challenge.is_empty() {
        return Err(BoxError::Unexpected("GET login/".to_owned()));
    }
    Ok(challenge)
}

/// Reads an answer to `POST login/session/`: the session's token and the `settings` right (pure).
pub fn session_answer(body: &[u8]) -> Result<Session, BoxError> {
    let r = answer("POST login/session/", body)?;
    let token = text(&r, "session_token");
    if token.is_empty() {
        return Err(BoxError::Unexpected("POST login/session/".to_owned()));
    }
    let settings = r
        .get("permissions")
        .and_then(|p| p.get("settings"))
        .and_then(Value::as_bool);
    Ok(Session { token, settings })
}

fn list(v: &Value) -> Vec<Value> {
    v.as_array().cloned().unwrap_or_default()
}

/// Reads the box's rules with the app token (a session per reading), over TLS when the box offers it.
pub fn read(target: &Target, app_token: &str) -> Result<BoxReading, BoxError> {
    read_api(&open_api(target)?, target, app_token)
}

/// As [`read`], trusting the roots in `roots_pem` (the tests' own authority).
pub fn read_trusting(
    target: &Target,
    app_token: &str,
    roots_pem: &[u8],
) -> Result<BoxReading, BoxError> {
    read_api(&open_api_trusting(target, roots_pem)?, target, app_token)
}

fn read_api(api: &Api, plain: &Target, app_token: &str) -> Result<BoxReading, BoxError> {
    let base = api.base.clone();
    let target = &api.target;
    let mut reading = BoxReading::new(BoxKind::Freebox, &target.address.ip().to_string());
    reading.model = identify(plain);
    reading.calls.push("GET /api_version".to_owned());
    if let Some(tls) = &target.tls {
        let (name, port) = (tls.name(), target.address.port());
        reading
            .calls
            .push(format!("TLS {name}:{port} (Freebox root CAs)"));
    }
    let session = open_session(target, &base, app_token)?;
    reading
        .calls
        .push(format!("GET {base}login/, POST {base}login/session/"));
    if session.settings == Some(false) {
        return Err(BoxError::MissingRight("settings".to_owned()));
    }
    let get = |part: &str| -> Result<Vec<u8>, BoxError> {
        let path = format!("{base}{part}");
        target.body(&Request::get(&path).header("X-Fbx-App-Auth", session.token.clone()))
    };
    // The forwards and the DMZ are the reading's core: without them it says nothing.
    reading.forwards = redirs_answer(&get("fw/redir/")?)?;
    reading.calls.push(format!("GET {base}fw/redir/"));
    reading.dmz = Some(dmz_answer(&get("fw/dmz/")?)?);
    reading.calls.push(format!("GET {base}fw/dmz/"));
    // The rest: a part that fails is said, the reading goes on.
    fn optional<T>(
        part: &str,
        read: Result<T, BoxError>,
        base: &str,
        reading: &mut BoxReading,
    ) -> Option<T> {
        match read {
            Ok(v) => {
                reading.calls.push(format!("GET {base}{part}"));
                Some(v)
            }
            Err(e) => {
                reading.unread.push((part.to_owned(), e.to_string()));
                None
            }
        }
    }
    let part = "fw/incoming/";
    let read = get(part).and_then(|b| incoming_answer(&b));
    if let Some(services) = optional(part, read, &base, &mut reading) {
        reading.services.extend(services);
    }
    let part = "upnpigd/config/";
    let read = get(part).and_then(|b| upnp_config_answer(&b));
    if let Some(enabled) = optional(part, read, &base, &mut reading) {
        reading.upnp_enabled = enabled;
    }
    let part = "upnpigd/redir/";
    let read = get(part).and_then(|b| upnp_redirs_answer(&b));
    if let Some(forwards) = optional(part, read, &base, &mut reading) {
        reading.forwards.extend(forwards);
    }
    let part = "connection/ipv6/config/";
    let read = get(part).and_then(|b| ipv6_answer(&b));
    if let Some(ipv6) = optional(part, read, &base, &mut reading) {
        if ipv6.is_some() {
            reading.ipv6 = ipv6;
        } else {
            reading.unread.push((
                "connection/ipv6/config/ ipv6_firewall".to_owned(),
                "the box's answer has no IPv6 firewall setting".to_owned(),
            ));
        }
    }
    Ok(reading)
}

/// Reads an answer to `GET fw/redir/`: the forwards typed by hand (pure).
pub fn redirs_answer(body: &[u8]) -> Result<Vec<Forward>, BoxError> {
    let redirs = answer("fw/redir/", body)?;
    let mut forwards = Vec::new();
    for r in list(&redirs) {
        let start = port(&r, "wan_port_start");
        let end = port(&r, "wan_port_end").or(start);
        let (Some(start), Some(end), Some(lan_port)) = (start, end, port(&r, "lan_port")) else {
            continue;
        };
        let span = end.saturating_sub(start);
        forwards.push(Forward {
            protocol: text(&r, "ip_proto"),
            external: PortRange { start, end },
            internal_host: text(&r, "lan_ip"),
            internal: PortRange {
                start: lan_port,
                end: lan_port.saturating_add(span),
            },
            origin: Origin::Manual,
            enabled: flag(&r, "enabled").unwrap_or(true),
            description: text(&r, "comment"),
        });
    }
    Ok(forwards)
}

/// Reads an answer to `GET fw/dmz/` (pure).
pub fn dmz_answer(body: &[u8]) -> Result<Dmz, BoxError> {
    let dmz = answer("fw/dmz/", body)?;
    let ip = text(&dmz, "ip");
    Ok(Dmz {
        enabled: flag(&dmz, "enabled").unwrap_or(false),
        host: (!ip.is_empty()).then_some(ip),
    })
}

/// Reads an answer to `GET fw/incoming/`: the box's own services open from the Internet (pure).
pub fn incoming_answer(body: &[u8]) -> Result<Vec<BoxService>, BoxError> {
    let incoming = answer("fw/incoming/", body)?;
    Ok(list(&incoming)
        .iter()
        .map(|s| BoxService {
            name: text(s, "id"),
            enabled: flag(s, "enabled").unwrap_or(false),
            port: port(s, "in_port"),
        })
        .collect())
}

/// Reads an answer to `GET upnpigd/config/`: UPnP on, when said (pure).
pub fn upnp_config_answer(body: &[u8]) -> Result<Option<bool>, BoxError> {
    Ok(flag(&answer("upnpigd/config/", body)?, "enabled"))
}

/// Reads an answer to `GET upnpigd/redir/`: the forwards UPnP made (pure).
pub fn upnp_redirs_answer(body: &[u8]) -> Result<Vec<Forward>, BoxError> {
    let redirs = answer("upnpigd/redir/", body)?;
    let mut forwards = Vec::new();
    for r in list(&redirs) {
        let (Some(ext), Some(int)) = (port(&r, "ext_port"), port(&r, "int_port")) else {
            continue;
        };
        forwards.push(Forward {
            protocol: text(&r, "proto"),
            external: PortRange::one(ext),
            internal_host: text(&r, "int_ip"),
            internal: PortRange::one(int),
            origin: Origin::Upnp,
            enabled: flag(&r, "enabled").unwrap_or(true),
            description: text(&r, "desc"),
        });
    }
    Ok(forwards)
}

/// Reads an answer to `GET connection/ipv6/config/`: the IPv6 firewall, `None` when the answer has no
/// such setting (pure).
///
/// `ipv6_firewall`: true when the box filters incoming IPv6 (the firmwares that have the switch).
/// Firmwares without the switch answer `ipv6_enabled` and `delegations` only (the recorded answer of
/// madpilot78/FreeBoxPHP's tests): then the IPv6 firewall is said not read, never taken as on or off.
pub fn ipv6_answer(body: &[u8]) -> Result<Option<FirewallLevel>, BoxError> {
    let ipv6 = answer("connection/ipv6/config/", body)?;
    Ok(flag(&ipv6, "ipv6_firewall").map(|on| FirewallLevel {
        level: on.to_string(),
        open: !on && flag(&ipv6, "ipv6_enabled") != Some(false),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_password_is_hmac_sha1_of_the_challenge() {
        // RFC 2202, HMAC-SHA1 test case 2: key "Jefe", data "what do ya want for nothing?".
        assert_eq!(
            session_password("Jefe", "what do ya want for nothing?"),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
            "RFC 2202 vector"
        );
    }

    #[test]
    fn errors_are_read_from_the_envelope() {
        let v = serde_json::json!({"success": false, "error_code": "insufficient_rights", "missing_right": "settings"});
        assert_eq!(
            result("x", &v),
            Err(BoxError::MissingRight("settings".to_owned())),
            "missing right"
        );
        let v = serde_json::json!({"success": false, "error_code": "invalid_token"});
        assert_eq!(result("x", &v), Err(BoxError::TokenRefused), "token");
        let v = serde_json::json!({"success": true, "result": [1]});
        assert_eq!(result("x", &v), Ok(serde_json::json!([1])), "result");
    }
}
