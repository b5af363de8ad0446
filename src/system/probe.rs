//! "Is my imaging server open to anyone?": on the user's request only, Vigie knocks from this PC on the
//! PC's own network address — as an attacker on the practice's network would — on each DICOM, Orthanc
//! or web-viewer port found listening beyond loopback:
//!
//! - DICOM: an association with an unknown calling AE title (`VIGIE-PROBE`), then a C-ECHO (the DICOM
//!   "ping", Verification SOP class 1.2.840.10008.1.1), with the DICOM upper layer of dicom-rs
//!   (`dicom-ul`). Accepted → "accepts anyone"; A-ASSOCIATE-RJ → "refuses unknown callers".
//! - HTTP: `GET /system`, then `GET /patients`, unauthenticated, then with Orthanc's sample credentials.
//!   200 → "accepts anyone"; 401 → "asks for a password" (unless a default password opens it).
//!
//! Nothing leaves the practice's network: the address knocked on is this PC's own (or the one given).
//! Of `/patients`, only the number of entries is kept, never an identifier.
//!
//! The HTTP requests are written with `std::net` (a few lines): no HTTP client is among the crates, and
//! the knock must control exactly what is sent. The C-ECHO command (five elements) is encoded here for
//! the same reason: `dicom-core`'s element types are not a direct dependency; the response is read with
//! `dicom-object`.

use std::io::{Read as _, Write as _};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::ports::{Listener, Service, service};
use super::{CheckId, CheckResult, Evidence, Finding, Status, Verdict};

/// The Verification SOP class (C-ECHO).
pub const VERIFICATION: &str = "1.2.840.10008.1.1";
/// The calling AE title of the knock: one no server has reason to know.
pub const CALLING_AE: &str = "VIGIE-PROBE";
/// Orthanc's sample credentials.
pub const DEFAULT_CREDENTIALS: [(&str, &str); 2] =
    [("orthanc", "orthanc"), ("alice", "alicePassword")];

/// What to knock on.
#[derive(Debug, Clone)]
pub struct ProbeOptions {
    /// The address knocked on; `None`: this PC's own network address.
    pub address: Option<IpAddr>,
    /// The ports, each with its protocol; `None`: those found listening.
    pub ports: Option<Vec<(u16, Protocol)>>,
    /// The bound of each exchange: the whole knock on one port (connection, every request and every
    /// answer) ends within twice this, however slowly a server answers ([`knock_bound`]).
    pub timeout: Duration,
}

impl Default for ProbeOptions {
    fn default() -> Self {
        Self {
            address: None,
            ports: None,
            timeout: Duration::from_secs(4),
        }
    }
}

/// How a port is knocked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Protocol {
    /// A DICOM association and a C-ECHO.
    Dicom,
    /// HTTP requests to Orthanc's REST API.
    Http,
}

/// What a server answered.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// It answered an unknown caller: DICOM echo accepted, or the REST API without a password.
    AcceptsAnyone,
    /// It asks for a password (HTTP 401), and the default ones do not open it.
    AsksPassword,
    /// Orthanc's sample password opens it.
    DefaultPassword {
        /// The user name that worked.
        user: String,
    },
    /// It rejected the association of an unknown caller.
    RefusesUnknownCallers,
    /// The association was accepted, but not the echo.
    AssociationAccepted,
    /// A web server answers without a password, but it is not Orthanc's API.
    WebServer,
    /// Nothing listens there from this address.
    Closed,
    /// It did not answer in a way Vigie understands.
    NoAnswer,
}

impl Outcome {
    fn status(&self) -> Status {
        match self {
            Self::AcceptsAnyone | Self::DefaultPassword { .. } => Status::Fail,
            Self::AssociationAccepted | Self::WebServer => Status::Warning,
            Self::NoAnswer => Status::Unknown,
            Self::AsksPassword | Self::RefusesUnknownCallers | Self::Closed => Status::Pass,
        }
    }
}

/// One port's answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Answer {
    /// The port.
    pub port: u16,
    /// How it was knocked on.
    pub protocol: Protocol,
    /// What it answered.
    pub outcome: Outcome,
    /// The technical detail (status codes, the rejection's reason).
    pub detail: String,
}

/// The ports to knock on among the listeners: DICOM ones by DICOM, Orthanc's and web viewers' by HTTP
/// (443 is left out: it speaks TLS).
pub fn targets(listeners: &[Listener]) -> Vec<(u16, Protocol)> {
    let mut out: Vec<(u16, Protocol)> = listeners
        .iter()
        .filter(|l| l.on_network())
        .filter_map(|l| match service(l.port) {
            Some(Service::Dicom) => Some((l.port, Protocol::Dicom)),
            Some(Service::Orthanc) => Some((l.port, Protocol::Http)),
            Some(Service::Web) if l.port != 443 => Some((l.port, Protocol::Http)),
            _ => None,
        })
        .collect();
    out.sort_unstable_by_key(|(p, _)| *p);
    out.dedup();
    out
}

/// The verdict on the answers.
pub fn interpret(address: &str, answers: Vec<Answer>) -> Verdict {
    if answers.is_empty() {
        return Verdict::new(Status::Pass, Finding::ProbeNothingToKnock);
    }
    let status = answers
        .iter()
        .map(|a| a.outcome.status())
        .min()
        .unwrap_or(Status::Pass);
    Verdict::new(
        status,
        Finding::Probe {
            address: address.to_owned(),
            answers,
        },
    )
}

/// This PC's own address on the practice's network: the source address the system would use to reach
/// a network address (a UDP socket "connected" to a documentation address: no packet is sent).
pub fn own_address() -> Option<IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified()).then_some(ip)
}

/// Knocks on the ports (given, or among `listeners`), at the address given or this PC's own.
pub fn run(options: &ProbeOptions, listeners: Option<&[Listener]>) -> CheckResult {
    let Some(address) = options.address.or_else(own_address) else {
        return Verdict::unknown(super::Reason::NotReadable).result(
            CheckId::ImagingExposure,
            vec![Evidence::new("network address of this PC", "(none)")],
        );
    };
    let ports = options.ports.clone().unwrap_or_else(|| match listeners {
        Some(l) => targets(l),
        // The listeners could not be read: the usual ports.
        None => vec![
            (104, Protocol::Dicom),
            (4242, Protocol::Dicom),
            (11112, Protocol::Dicom),
            (80, Protocol::Http),
            (8042, Protocol::Http),
            (8080, Protocol::Http),
        ],
    });
    let mut answers = Vec::new();
    let mut evidence = Vec::new();
    for (port, protocol) in ports {
        let target = SocketAddr::new(address, port);
        let until = Instant::now() + knock_bound(options.timeout);
        let (outcome, detail) = match protocol {
            Protocol::Dicom => knock_dicom(target, options.timeout, until),
            Protocol::Http => knock_http(target, until),
        };
        evidence.push(Evidence::new(
            match protocol {
                Protocol::Dicom => {
                    format!("DICOM A-ASSOCIATE + C-ECHO from {CALLING_AE} to {target}")
                }
                Protocol::Http => format!("HTTP GET /system, /patients on {target}"),
            },
            &detail,
        ));
        answers.push(Answer {
            port,
            protocol,
            outcome,
            detail,
        });
    }
    interpret(&address.to_string(), answers).result(CheckId::ImagingExposure, evidence)
}

/// The C-ECHO-RQ command set, implicit VR little endian.
fn echo_command() -> Vec<u8> {
    fn element(out: &mut Vec<u8>, element: u16, value: &[u8]) {
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&element.to_le_bytes());
        out.extend_from_slice(&(value.len() as u32).to_le_bytes());
        out.extend_from_slice(value);
    }
    let mut uid = VERIFICATION.as_bytes().to_vec();
    if uid.len() % 2 == 1 {
        uid.push(0);
    }
    let mut rest = Vec::new();
    element(&mut rest, 0x0002, &uid); // Affected SOP Class UID
    element(&mut rest, 0x0100, &0x0030u16.to_le_bytes()); // Command Field: C-ECHO-RQ
    element(&mut rest, 0x0110, &1u16.to_le_bytes()); // Message ID
    element(&mut rest, 0x0800, &0x0101u16.to_le_bytes()); // Command Data Set Type: none
    let mut out = Vec::new();
    element(&mut out, 0x0000, &(rest.len() as u32).to_le_bytes()); // Command Group Length
    out.extend(rest);
    out
}

/// The status (0000,0900) of a command set received (pure): `None` unless the command set is whole
/// and well formed. A command set (DICOM PS3.7 §E.1) is a flat list of group-0000 elements in implicit
/// VR little endian — tag (4 bytes), length (4 bytes), value — and the status is a 2-byte US. It is
/// read here rather than by dicom-object, which fuzzing `knock_answer` found to reserve memory from the
/// answer's own numbers twice: an element announcing 4 GB in a 36-byte answer, then a 9-byte group
/// length that misaligned its reading onto a huge length (2 GB from 289 bytes). Every length here is
/// checked against the bytes received before anything is read.
pub fn command_status(bytes: &[u8]) -> Option<u16> {
    let mut status = None;
    let mut rest = bytes;
    while !rest.is_empty() {
        let (head, tail) = rest.split_first_chunk::<8>()?;
        let group = u16::from_le_bytes([head[0], head[1]]);
        let element = u16::from_le_bytes([head[2], head[3]]);
        let length = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as usize;
        if group != 0 || length > tail.len() {
            return None;
        }
        let (value, next) = tail.split_at(length);
        if element == 0x0900 {
            status = Some(u16::from_le_bytes(value.try_into().ok()?));
        }
        rest = next;
    }
    status
}

/// The bound of the whole knock on one port, for a `timeout` of [`ProbeOptions`]: twice it. A server
/// that answers a byte a second cannot hold the knock longer.
pub fn knock_bound(timeout: Duration) -> Duration {
    timeout.saturating_mul(2)
}

/// The DICOM knock, ended at `until` whatever the server does: `dicom-ul` bounds each read, not the
/// whole exchange, so the exchange runs on a thread of its own and is given up at `until` (its socket
/// is then closed by that thread's next read timeout, or when the server stops).
fn knock_dicom(target: SocketAddr, timeout: Duration, until: Instant) -> (Outcome, String) {
    let (send, receive) = std::sync::mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name("vigie-dicom-knock".to_owned())
        .spawn(move || {
            let _ = send.send(knock_dicom_exchange(target, timeout));
        });
    if spawned.is_err() {
        return (Outcome::NoAnswer, "could not start the knock".to_owned());
    }
    match receive.recv_timeout(until.saturating_duration_since(Instant::now())) {
        Ok(outcome) => outcome,
        Err(_) => (
            Outcome::NoAnswer,
            format!(
                "no complete answer within {} s",
                knock_bound(timeout).as_secs_f32()
            ),
        ),
    }
}

fn knock_dicom_exchange(target: SocketAddr, timeout: Duration) -> (Outcome, String) {
    use dicom_ul::association::Error;
    use dicom_ul::pdu::{PDataValue, PDataValueType, Pdu};
    let options = dicom_ul::ClientAssociationOptions::new()
        .calling_ae_title(CALLING_AE)
        .called_ae_title("ANY-SCP")
        .with_abstract_syntax(VERIFICATION)
        .connection_timeout(timeout)
        .read_timeout(timeout)
        .write_timeout(timeout);
    let mut association = match options.establish(target) {
        Ok(a) => a,
        Err(Error::Rejected { association_rj, .. }) => {
            return (
                Outcome::RefusesUnknownCallers,
                format!(
                    "A-ASSOCIATE-RJ: {:?}, {:?}",
                    association_rj.result, association_rj.source
                ),
            );
        }
        Err(Error::NoAcceptedPresentationContexts { .. }) => {
            return (
                Outcome::AssociationAccepted,
                "association accepted, Verification refused".to_owned(),
            );
        }
        Err(e) => {
            let closed = matches!(e, Error::Connect { .. });
            let text = e.to_string();
            return if closed {
                (Outcome::Closed, text)
            } else {
                (Outcome::NoAnswer, text)
            };
        }
    };
    let Some(pc) = association.presentation_contexts().first().map(|pc| pc.id) else {
        let _ = association.abort();
        return (
            Outcome::AssociationAccepted,
            "no presentation context".to_owned(),
        );
    };
    let sent = association.send(&Pdu::PData {
        data: vec![PDataValue {
            presentation_context_id: pc,
            value_type: PDataValueType::Command,
            is_last: true,
            data: echo_command(),
        }],
    });
    if let Err(e) = sent {
        let _ = association.abort();
        return (
            Outcome::AssociationAccepted,
            format!("association accepted; C-ECHO not sent: {e}"),
        );
    }
    let outcome = echo_outcome(association.receive().as_ref().map_err(ToString::to_string));
    let _ = association.release();
    outcome
}

/// What the answer to the C-ECHO says, once the association was accepted (pure): the PDU received,
/// or why none was.
pub fn echo_outcome(answer: Result<&dicom_ul::pdu::Pdu, String>) -> (Outcome, String) {
    use dicom_ul::pdu::Pdu;
    match answer {
        Ok(Pdu::PData { data }) => match data.first().and_then(|d| command_status(&d.data)) {
            Some(0) => (
                Outcome::AcceptsAnyone,
                "A-ASSOCIATE-AC, C-ECHO-RSP status 0x0000 (success)".to_owned(),
            ),
            Some(s) => (
                Outcome::AssociationAccepted,
                format!("A-ASSOCIATE-AC, C-ECHO-RSP status 0x{s:04X}"),
            ),
            None => (
                Outcome::AssociationAccepted,
                "A-ASSOCIATE-AC, unreadable C-ECHO-RSP".to_owned(),
            ),
        },
        Ok(other) => (
            Outcome::AssociationAccepted,
            format!("A-ASSOCIATE-AC, then {}", other.short_description()),
        ),
        Err(e) => (
            Outcome::AssociationAccepted,
            format!("A-ASSOCIATE-AC, then {e}"),
        ),
    }
}

/// A TCP stream whose every read and write ends by one deadline: the bound is on the whole exchange,
/// not on each read (a server answering a byte a second would otherwise hold it forever).
struct Deadline {
    stream: TcpStream,
    until: Instant,
}

impl Deadline {
    fn left(&self) -> std::io::Result<Duration> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "no complete answer in time",
            ));
        }
        Ok(left)
    }
}

/// A socket's timeout is `WouldBlock` on Unix, `TimedOut` on Windows: `TimedOut` everywhere.
fn timed_out(e: std::io::Error) -> std::io::Error {
    if e.kind() == std::io::ErrorKind::WouldBlock {
        std::io::ErrorKind::TimedOut.into()
    } else {
        e
    }
}

impl std::io::Read for Deadline {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.left()?;
        self.stream.set_read_timeout(Some(left))?;
        self.stream.read(buf).map_err(timed_out)
    }
}

impl std::io::Write for Deadline {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let left = self.left()?;
        self.stream.set_write_timeout(Some(left))?;
        self.stream.write(buf).map_err(timed_out)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.stream.flush()
    }
}

/// An HTTP response's status code and its body (at most 256 KiB read), the whole exchange within
/// `timeout`.
pub fn http_get(
    target: SocketAddr,
    path: &str,
    credentials: Option<(&str, &str)>,
    timeout: Duration,
) -> std::io::Result<(u16, Vec<u8>)> {
    http_get_until(target, path, credentials, Instant::now() + timeout)
}

/// [`http_get`], the whole exchange (connection, request, answer) ended by `until`: an answer not
/// complete by then is an error ([`std::io::ErrorKind::TimedOut`]).
pub fn http_get_until(
    target: SocketAddr,
    path: &str,
    credentials: Option<(&str, &str)>,
    until: Instant,
) -> std::io::Result<(u16, Vec<u8>)> {
    let left = until.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(std::io::ErrorKind::TimedOut.into());
    }
    let mut stream = Deadline {
        stream: TcpStream::connect_timeout(&target, left)?,
        until,
    };
    let mut request = format!(
        "GET {path} HTTP/1.1\r\nHost: {target}\r\nUser-Agent: Vigie-PC-check\r\nAccept: application/json\r\nConnection: close\r\n"
    );
    if let Some((user, password)) = credentials {
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        request = format!("{request}Authorization: Basic {token}\r\n");
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes())?;
    let mut response = Vec::new();
    match stream.take(256 * 1024).read_to_end(&mut response) {
        Err(e) if response.is_empty() => return Err(e),
        // A server that keeps the connection open, or resets it, after its answer: what was read by
        // the deadline is the answer.
        _ => {}
    }
    parse_http_answer(&response)
}

/// Reads an HTTP answer as the knock received it (pure): its status code and its body.
pub fn parse_http_answer(response: &[u8]) -> std::io::Result<(u16, Vec<u8>)> {
    let text = String::from_utf8_lossy(response);
    let code = text
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidData, "not HTTP"))?;
    let body = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or_else(Vec::new, |i| response[i + 4..].to_vec());
    Ok((code, body))
}

/// An answer to `GET /system` is Orthanc's (pure).
pub fn is_orthanc_system(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| {
            v.as_object()
                .map(|o| o.contains_key("DicomAet") && o.contains_key("Version"))
        })
        .unwrap_or(false)
}

/// How many entries an answer to Orthanc's `GET /patients` lists, when it is a list (pure).
pub fn patients_count(body: &[u8]) -> Option<usize> {
    let v = serde_json::from_slice::<serde_json::Value>(body).ok()?;
    v.as_array().map(Vec::len)
}

fn knock_http(target: SocketAddr, until: Instant) -> (Outcome, String) {
    let (code, body) = match http_get_until(target, "/system", None, until) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            return (Outcome::Closed, e.to_string());
        }
        Err(e) => return (Outcome::NoAnswer, e.to_string()),
    };
    match code {
        200 if is_orthanc_system(&body) => match http_get_until(target, "/patients", None, until) {
            Ok((200, body)) => {
                let n = patients_count(&body);
                (
                    Outcome::AcceptsAnyone,
                    format!(
                        "GET /system 200 (Orthanc), GET /patients 200 ({} entries), no password",
                        n.map_or_else(|| "?".to_owned(), |n| n.to_string())
                    ),
                )
            }
            Ok((c, _)) => (
                Outcome::AcceptsAnyone,
                format!("GET /system 200 (Orthanc) without password, GET /patients {c}"),
            ),
            Err(e) => (
                Outcome::AcceptsAnyone,
                format!("GET /system 200 (Orthanc), /patients: {e}"),
            ),
        },
        401 => {
            for (user, password) in DEFAULT_CREDENTIALS {
                if let Ok((200, _)) =
                    http_get_until(target, "/system", Some((user, password)), until)
                {
                    return (
                        Outcome::DefaultPassword {
                            user: user.to_owned(),
                        },
                        format!("GET /system 401; with the sample account {user}: 200"),
                    );
                }
            }
            (
                Outcome::AsksPassword,
                "GET /system 401; the sample accounts are refused".to_owned(),
            )
        }
        403 => (Outcome::AsksPassword, "GET /system 403".to_owned()),
        c => (
            Outcome::WebServer,
            format!("GET /system {c} (not Orthanc's API), no password asked"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_echo_command_is_well_formed() {
        let c = echo_command();
        // Group length: everything after its own 12 bytes.
        let len = u32::from_le_bytes([c[8], c[9], c[10], c[11]]) as usize;
        assert_eq!(len, c.len() - 12, "group length");
        assert_eq!(c.len() % 2, 0, "even length");
    }

    #[test]
    fn a_command_set_whose_elements_overrun_the_bytes_is_unreadable() {
        let mut ok = echo_command();
        assert_eq!(
            command_status(&ok),
            None,
            "the echo's request has no status"
        );
        // (0000,0900) Status 0, as a C-ECHO-RSP holds it.
        ok.extend_from_slice(&[0, 0, 0, 9, 2, 0, 0, 0, 0, 0]);
        assert_eq!(command_status(&ok), Some(0));
        let overrun = [0, 0, 2, 9, 0xee, 0xee, 0xee, 0xee, b'x', b'y'];
        assert_eq!(
            command_status(&overrun),
            None,
            "4 GB announced, 2 bytes there"
        );
        let not_command = [8, 0, 0x18, 0, 0, 0, 0, 0];
        assert_eq!(command_status(&not_command), None, "a data set's group");
        assert_eq!(command_status(&[0, 0, 0]), None, "a cut header");
        let odd_status = [0, 0, 0, 9, 3, 0, 0, 0, 0, 0, 0];
        assert_eq!(command_status(&odd_status), None, "a status is 2 bytes");
        // The second input fuzzing found: a 9-byte group length, then elements dicom-object read
        // misaligned. Read in place: no status, nothing reserved.
        let mut misaligned = vec![0, 0, 0, 0, 9, 0, 0, 0];
        misaligned.extend_from_slice(&[0; 9]);
        for tag in [
            [0, 0, 0xff, 0x0d],
            [0, 0, 0, 0],
            [0, 0, 0, 0],
            [0, 0, 0x5d, 0x7f],
        ] {
            misaligned.extend_from_slice(&tag);
            misaligned.extend_from_slice(&[0; 4]);
        }
        assert_eq!(command_status(&misaligned), None);
    }

    #[test]
    fn only_network_imaging_and_web_ports_are_knocked_on() {
        let l = |a: &str, p| Listener {
            address: a.to_owned(),
            port: p,
            process: None,
        };
        let t = targets(&[
            l("0.0.0.0", 11112),
            l("127.0.0.1", 104),
            l("::", 8042),
            l("0.0.0.0", 443),
            l("0.0.0.0", 22),
        ]);
        assert_eq!(t, vec![(8042, Protocol::Http), (11112, Protocol::Dicom)]);
    }
}
