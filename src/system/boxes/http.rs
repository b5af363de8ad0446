//! A small HTTP/1.1 client for the box's local API, written for a hostile peer: one connection per
//! request (`Connection: close`), a deadline on the whole exchange (connect, write, every read), a cap on
//! the answer's size, no redirect followed (a 3xx is an error), and nothing but the address it is given.
//! The boxes' APIs are a few small JSON calls on the practice's own network: a general-purpose client
//! would bring proxies from the environment and redirects, none of which is wanted here.
//!
//! Over TLS ([`Tls`], rustls with ring): the connection goes to the box's address, and the certificate
//! is checked against the roots and the server name given (the Freebox's own root CAs and its
//! `api_domain`), never the system's store; the same bounds apply, the handshake included.

use std::fmt::Write as _;
use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
#[cfg(feature = "tls")]
use std::sync::Arc;
use std::time::{Duration, Instant};

#[cfg(feature = "tls")]
use rustls::pki_types::{CertificateDer, ServerName};

/// The bounds of one exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most time to open the connection.
    pub connect: Duration,
    /// The most time for the whole exchange, connection included.
    pub whole: Duration,
    /// The largest answer accepted (headers and body).
    pub max_answer: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(3),
            whole: Duration::from_secs(10),
            max_answer: 1024 * 1024,
        }
    }
}

/// Why an exchange failed. No variant carries what was sent (a password, a token).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// Nothing answers at the address.
    #[error("no answer at the address")]
    Unreachable,
    /// The exchange took longer than its bound.
    #[error("the answer took too long")]
    Timeout,
    /// The answer is larger than its cap.
    #[error("the answer is too large")]
    TooLarge,
    /// The answer is not HTTP Vigie can read.
    #[error("the answer is not readable HTTP")]
    Malformed,
    /// The box answered with a redirect, which is never followed.
    #[error("the box answered with a redirect (not followed)")]
    Redirect,
    /// The box's certificate does not verify (unknown authority, wrong name, expired).
    #[error("the box's certificate could not be verified")]
    Certificate,
    /// The TLS exchange failed otherwise (no TLS where it was announced, a broken handshake).
    #[error("the TLS exchange with the box failed")]
    Tls,
}

/// TLS to a box: the roots its certificate must chain to and the name it must carry.
#[cfg(feature = "tls")]
#[derive(Clone)]
pub struct Tls {
    config: Arc<rustls::ClientConfig>,
    name: ServerName<'static>,
}

/// Built without TLS (the `tls` feature: CI's macOS check, which has no Apple C toolchain for ring):
/// no [`Tls`] can be made, so a box that offers TLS reads "unknown", never plain HTTP in its place.
#[cfg(not(feature = "tls"))]
#[derive(Clone, Debug)]
pub struct Tls {
    never: std::convert::Infallible,
}

#[cfg(not(feature = "tls"))]
impl Tls {
    /// Without TLS in this build: `None`.
    pub fn new(_roots_pem: &[u8], _name: &str) -> Option<Self> {
        None
    }

    /// Without TLS in this build: `None`.
    pub fn public(_name: &str) -> Option<Self> {
        None
    }

    /// Never called: no `Tls` exists in this build.
    pub fn name(&self) -> String {
        match self.never {}
    }
}

#[cfg(feature = "tls")]
impl std::fmt::Debug for Tls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tls")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

#[cfg(feature = "tls")]
impl Tls {
    /// Trusting only the certificates in `roots_pem` (PEM), for the server name `name`. `None` when
    /// the name is not a DNS name or no root can be read.
    pub fn new(roots_pem: &[u8], name: &str) -> Option<Self> {
        use rustls::pki_types::pem::PemObject as _;
        let mut roots = rustls::RootCertStore::empty();
        for cert in CertificateDer::pem_slice_iter(roots_pem) {
            roots.add(cert.ok()?).ok()?;
        }
        Self::with_roots(roots, name)
    }

    /// Trusting the public certificate authorities (Mozilla's list, as `webpki-roots` ships it) for
    /// the server name `name`: a box whose certificate comes from a public authority (the Bbox's
    /// `mabbox.bytel.fr`). `None` when the name is not a DNS name.
    pub fn public(name: &str) -> Option<Self> {
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        Self::with_roots(roots, name)
    }

    fn with_roots(roots: rustls::RootCertStore, name: &str) -> Option<Self> {
        let name = ServerName::try_from(name.to_owned()).ok()?;
        if !matches!(name, ServerName::DnsName(_)) || roots.is_empty() {
            return None;
        }
        #[expect(
            deprecated,
            reason = "ring has no post-quantum key exchange; aws-lc-rs would need cmake and a C toolchain for every target, and the boxes offer none"
        )]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .ok()?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Some(Self {
            config: Arc::new(config),
            name,
        })
    }

    /// The server name checked.
    pub fn name(&self) -> String {
        self.name.to_str().into_owned()
    }
}

/// The connection: plain, or TLS over it.
enum Conn {
    Plain(TcpStream),
    #[cfg(feature = "tls")]
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

impl Conn {
    fn tcp(&self) -> &TcpStream {
        match self {
            Self::Plain(s) => s,
            #[cfg(feature = "tls")]
            Self::Tls(s) => s.get_ref(),
        }
    }

    /// Every later read and write ends by `left`.
    fn bound(&self, left: Duration) -> Result<(), HttpError> {
        let tcp = self.tcp();
        tcp.set_read_timeout(Some(left))
            .and_then(|()| tcp.set_write_timeout(Some(left)))
            .map_err(|e| io_error(&e))
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Self::Plain(s) => s.write_all(bytes),
            #[cfg(feature = "tls")]
            Self::Tls(s) => {
                s.write_all(bytes)?;
                s.flush()
            }
        }
    }

    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Self::Plain(s) => s.read(buf),
            // A box that closes without TLS's close_notify: the end of the answer, as over plain
            // HTTP (the length, when given, is still checked).
            #[cfg(feature = "tls")]
            Self::Tls(s) => match s.read(buf) {
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(0),
                other => other,
            },
        }
    }
}

/// An answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body (de-chunked).
    pub body: Vec<u8>,
}

impl Response {
    /// The first header named `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The cookies set, as `name=value` (attributes dropped).
    pub fn cookies(&self) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(n, _)| n == "set-cookie")
            .filter_map(|(_, v)| v.split(';').next())
            .map(|c| c.trim().to_owned())
            .filter(|c| c.contains('='))
            .collect()
    }

    /// The body as JSON.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// One request.
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    /// GET or POST.
    pub method: &'a str,
    /// The path and query.
    pub path: &'a str,
    /// Extra headers (a session token, a cookie).
    pub headers: Vec<(&'a str, String)>,
    /// The body and its content type.
    pub body: Option<(&'a str, Vec<u8>)>,
}

impl<'a> Request<'a> {
    /// A GET of `path`.
    pub fn get(path: &'a str) -> Self {
        Self {
            method: "GET",
            path,
            ..Self::default()
        }
    }

    /// A POST of `body` (of `content_type`) to `path`.
    pub fn post(path: &'a str, content_type: &'a str, body: Vec<u8>) -> Self {
        Self {
            method: "POST",
            path,
            body: Some((content_type, body)),
            ..Self::default()
        }
    }

    /// With a header.
    pub fn header(mut self, name: &'a str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }
}

fn io_error(e: &std::io::Error) -> HttpError {
    #[cfg(feature = "tls")]
    if let Some(tls) = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
        return match tls {
            rustls::Error::InvalidCertificate(_) | rustls::Error::NoCertificatesPresented => {
                HttpError::Certificate
            }
            _ => HttpError::Tls,
        };
    }
    match e.kind() {
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => HttpError::Timeout,
        // Only rustls reports a cut as an error (a plain read returns 0): the peer closed mid-handshake.
        std::io::ErrorKind::UnexpectedEof => HttpError::Tls,
        _ => HttpError::Unreachable,
    }
}

/// Sends `request` to `address` and reads the answer, within `limits`.
pub fn send(
    address: SocketAddr,
    request: &Request<'_>,
    limits: Limits,
) -> Result<Response, HttpError> {
    send_over(address, None, request, limits)
}

/// As [`send`], over TLS when `tls` is given (the handshake within the same bounds).
pub fn send_over(
    address: SocketAddr,
    tls: Option<&Tls>,
    request: &Request<'_>,
    limits: Limits,
) -> Result<Response, HttpError> {
    let start = Instant::now();
    let left = || {
        limits
            .whole
            .checked_sub(start.elapsed())
            .filter(|d| !d.is_zero())
    };
    let tcp = TcpStream::connect_timeout(&address, limits.connect.min(limits.whole))
        .map_err(|e| io_error(&e))?;
    let (mut stream, host) = match tls {
        None => (Conn::Plain(tcp), address.to_string()),
        #[cfg(not(feature = "tls"))]
        Some(tls) => match tls.never {},
        #[cfg(feature = "tls")]
        Some(tls) => {
            let conn = rustls::ClientConnection::new(Arc::clone(&tls.config), tls.name.clone())
                .map_err(|_e| HttpError::Tls)?;
            let host = match address.port() {
                443 => tls.name(),
                port => format!("{}:{port}", tls.name()),
            };
            (
                Conn::Tls(Box::new(rustls::StreamOwned::new(conn, tcp))),
                host,
            )
        }
    };
    let mut head = format!(
        "{} {} HTTP/1.1\r\nHost: {}\r\nAccept: application/json\r\nUser-Agent: Vigie\r\nConnection: close\r\n",
        request.method, request.path, host
    );
    for (name, value) in &request.headers {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    let body = request.body.as_ref();
    if let Some((content_type, bytes)) = body {
        let _ = write!(
            head,
            "Content-Type: {content_type}\r\nContent-Length: {}\r\n",
            bytes.len()
        );
    }
    head.push_str("\r\n");
    let mut wire = head.into_bytes();
    if let Some((_, bytes)) = body {
        wire.extend_from_slice(bytes);
    }
    stream.bound(left().ok_or(HttpError::Timeout)?)?;
    stream.write_all(&wire).map_err(|e| io_error(&e))?;

    let mut answer: Vec<u8> = Vec::new();
    let mut chunk = [0u8; 8192];
    let mut expected: Option<usize> = None;
    loop {
        stream.bound(left().ok_or(HttpError::Timeout)?)?;
        let n = match stream.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_error(&e)),
        };
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&chunk[..n]);
        if answer.len() > limits.max_answer {
            return Err(HttpError::TooLarge);
        }
        if expected.is_none()
            && let Some(end) = header_end(&answer)
        {
            let length = parse_head(&answer[..end])?.content_length;
            if let Some(len) = length {
                if end + len > limits.max_answer {
                    return Err(HttpError::TooLarge);
                }
                expected = Some(end + len);
            } else {
                expected = Some(usize::MAX);
            }
        }
        if expected.is_some_and(|e| answer.len() >= e) {
            break;
        }
    }
    parse_answer(&answer)
}

/// Reads a whole HTTP/1.1 answer as received (head and body): the status, the headers, the body
/// de-chunked or cut to its `Content-Length`. A 3xx is [`HttpError::Redirect`] (never followed);
/// anything that is not HTTP Vigie can read is [`HttpError::Malformed`]. Pure: the exchange above
/// hands it what it read, and the fuzz target `box_answers` hands it anything.
pub fn parse_answer(answer: &[u8]) -> Result<Response, HttpError> {
    let end = header_end(answer).ok_or(HttpError::Malformed)?;
    let head = parse_head(&answer[..end])?;
    if (300..400).contains(&head.status) {
        return Err(HttpError::Redirect);
    }
    let raw = &answer[end..];
    let body = if head.chunked {
        dechunk(raw)?
    } else if let Some(len) = head.content_length {
        raw.get(..len).ok_or(HttpError::Malformed)?.to_vec()
    } else {
        raw.to_vec()
    };
    Ok(Response {
        status: head.status,
        headers: head.headers,
        body,
    })
}

fn header_end(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| p + 4)
}

struct Head {
    status: u16,
    headers: Vec<(String, String)>,
    content_length: Option<usize>,
    chunked: bool,
}

fn parse_head(bytes: &[u8]) -> Result<Head, HttpError> {
    let text = std::str::from_utf8(bytes).map_err(|_e| HttpError::Malformed)?;
    let mut lines = text.split("\r\n");
    let status_line = lines.next().ok_or(HttpError::Malformed)?;
    let mut parts = status_line.split(' ');
    if !parts.next().is_some_and(|v| v.starts_with("HTTP/1.")) {
        return Err(HttpError::Malformed);
    }
    let status: u16 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or(HttpError::Malformed)?;
    let mut headers = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').ok_or(HttpError::Malformed)?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.to_ascii_lowercase().contains("chunked"));
    let content_length = if chunked {
        None
    } else {
        match headers.iter().find(|(n, _)| n == "content-length") {
            Some((_, v)) => Some(v.parse().map_err(|_e| HttpError::Malformed)?),
            None => None,
        }
    };
    Ok(Head {
        status,
        headers,
        content_length,
        chunked,
    })
}

fn dechunk(mut raw: &[u8]) -> Result<Vec<u8>, HttpError> {
    let mut out = Vec::new();
    loop {
        let line_end = raw
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or(HttpError::Malformed)?;
        let size_text = std::str::from_utf8(&raw[..line_end]).map_err(|_e| HttpError::Malformed)?;
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_e| HttpError::Malformed)?;
        raw = &raw[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        let data = raw.get(..size).ok_or(HttpError::Malformed)?;
        out.extend_from_slice(data);
        raw = raw.get(size + 2..).ok_or(HttpError::Malformed)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined_and_bad_ones_refused() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").ok(),
            Some(b"Wikipedia".to_vec()),
            "two chunks"
        );
        assert_eq!(dechunk(b"zz\r\n"), Err(HttpError::Malformed), "bad size");
        assert_eq!(
            dechunk(b"10\r\nshort"),
            Err(HttpError::Malformed),
            "cut short"
        );
    }

    #[test]
    fn tls_needs_a_dns_name_and_a_root() {
        let roots = include_str!("../../../assets/boxes/freebox-ca.pem");
        assert_eq!(
            Tls::new(roots.as_bytes(), "abcdefgh.fbxos.fr").map(|t| t.name()),
            Some("abcdefgh.fbxos.fr".to_owned()),
            "Free's roots and a domain"
        );
        assert!(
            Tls::new(roots.as_bytes(), "192.168.1.254").is_none(),
            "an address is not a name to check"
        );
        assert!(Tls::new(roots.as_bytes(), "").is_none(), "no name");
        assert!(Tls::new(b"", "abcdefgh.fbxos.fr").is_none(), "no root");
        assert!(
            Tls::new(
                b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                "a.fr"
            )
            .is_none(),
            "a broken root"
        );
    }

    #[test]
    fn heads_are_read_and_garbage_refused() {
        let h =
            parse_head(b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\nSet-Cookie: a=b; Path=/\r\n\r\n")
                .ok();
        assert_eq!(h.as_ref().map(|h| h.status), Some(200), "status");
        assert_eq!(h.and_then(|h| h.content_length), Some(12), "length");
        assert!(parse_head(b"SSH-2.0-OpenSSH\r\n\r\n").is_err(), "not HTTP");
        assert!(
            parse_head(b"HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n").is_err(),
            "bad length"
        );
    }
}
