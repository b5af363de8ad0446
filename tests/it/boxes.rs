//! The Internet box's rules (issue 34), against fake boxes on 127.0.0.1 serving the recorded answers of
//! tests/data/boxes (their origin in its README): each family read and classified, the 2020 case, the
//! authorisations and logins, and hostile answers (garbage, a slow drip, a huge body, a redirect).

use std::fmt::Write as _;
use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use vigie::i18n::Lang;
use vigie::system::boxes::risk::{self, Level, Risk};
use vigie::system::boxes::{
    self, BoxError, BoxKind, Limits, Target, bbox, freebox, http, http::HttpError, livebox,
};
use vigie::system::{Finding, Status};

const PASSWORD: &str = "S3cret-de-la-box!";
/// The app token whose HMAC of the recorded challenge is RFC 2202's test case 2.
const TOKEN: &str = "Jefe";
const SESSION_PASSWORD: &str = "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";

fn data(path: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/boxes")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// What a fake box answers.
#[derive(Clone)]
enum Answer {
    /// A status, extra headers and a body.
    Http(u16, Vec<(&'static str, String)>, String),
    /// Raw bytes, then close.
    Raw(Vec<u8>),
    /// A valid head, then one byte every 200 ms, forever.
    Drip,
    /// A head announcing nothing, then 100 MB.
    Huge,
}

fn ok(body: String) -> Answer {
    Answer::Http(200, Vec::new(), body)
}

/// A route: method, path, a text the body must contain (else the next route), the answer.
type Route = (&'static str, String, Option<String>, Answer);

struct Fake {
    address: SocketAddr,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Fake {
    fn target(&self) -> Target {
        Target {
            address: self.address,
            limits: Limits {
                connect: Duration::from_secs(2),
                whole: Duration::from_secs(2),
                max_answer: 256 * 1024,
            },
            tls: None,
        }
    }

    fn seen(&self) -> String {
        self.seen.lock().map(|s| s.join("\n")).unwrap_or_default()
    }
}

fn serve(routes: Vec<Route>) -> Fake {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let address = listener.local_addr().expect("address");
    assert!(address.ip().is_loopback(), "loopback only");
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let routes = Arc::new(routes);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let routes = Arc::clone(&routes);
            let log = Arc::clone(&log);
            std::thread::spawn(move || handle(stream, &routes, &log));
        }
    });
    Fake { address, seen }
}

fn handle(stream: TcpStream, routes: &[Route], log: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut stream = stream;
    exchange(&mut stream, routes, log);
}

fn exchange(
    stream: &mut (impl std::io::Read + std::io::Write),
    routes: &[Route],
    log: &Mutex<Vec<String>>,
) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let Ok(n) = stream.read(&mut chunk) else {
            return;
        };
        if n == 0 {
            return;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let length: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0);
    while buf.len() < head_end + length {
        let Ok(n) = stream.read(&mut chunk) else {
            return;
        };
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[head_end..]).to_string();
    let mut first = head.lines().next().unwrap_or_default().split(' ');
    let (method, path) = (
        first.next().unwrap_or_default(),
        first.next().unwrap_or_default(),
    );
    if let Ok(mut l) = log.lock() {
        l.push(format!("{head}{body}"));
    }
    let answer = routes
        .iter()
        .find(|(m, p, needle, _)| {
            *m == method && p == path && needle.as_ref().is_none_or(|n| body.contains(n.as_str()))
        })
        .map_or_else(
            || Answer::Http(404, Vec::new(), "{}".to_owned()),
            |r| r.3.clone(),
        );
    match answer {
        Answer::Http(status, headers, body) => {
            let mut out = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            );
            for (n, v) in headers {
                let _ = write!(out, "{n}: {v}\r\n");
            }
            out.push_str("\r\n");
            out.push_str(&body);
            let _ = stream.write_all(out.as_bytes());
        }
        Answer::Raw(bytes) => {
            let _ = stream.write_all(&bytes);
        }
        Answer::Drip => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
            for _ in 0..100 {
                std::thread::sleep(Duration::from_millis(200));
                if stream.write_all(b"{").is_err() {
                    return;
                }
            }
        }
        Answer::Huge => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\n\r\n");
            let block = vec![b' '; 1024 * 1024];
            for _ in 0..100 {
                if stream.write_all(&block).is_err() {
                    return;
                }
            }
        }
    }
}

fn get(path: &str, answer: Answer) -> Route {
    ("GET", path.to_owned(), None, answer)
}

/// The recorded `/api_version` with HTTPS off (the box then talks plain HTTP; the TLS tests turn it on).
fn api_version_plain() -> String {
    api_version_https(None, "")
}

/// The recorded `/api_version`, HTTPS on at `port` for `domain` when `port` is given.
fn api_version_https(port: Option<u16>, domain: &str) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&data("freebox/api_version.json")).expect("json");
    v["https_available"] = serde_json::Value::Bool(port.is_some());
    if let Some(port) = port {
        v["https_port"] = port.into();
        v["api_domain"] = domain.into();
    }
    v.to_string()
}

fn freebox_routes(redir: &str, dmz: &str, incoming: &str, upnp: &str, ipv6: &str) -> Vec<Route> {
    let b = "/api/v8/";
    vec![
        get("/api_version", ok(api_version_plain())),
        get(&format!("{b}login/"), ok(data("freebox/login.json"))),
        (
            "POST",
            format!("{b}login/session/"),
            Some(SESSION_PASSWORD.to_owned()),
            ok(data("freebox/session.json")),
        ),
        (
            "POST",
            format!("{b}login/session/"),
            None,
            Answer::Http(403, Vec::new(), data("freebox/invalid_token.json")),
        ),
        get(&format!("{b}fw/redir/"), ok(data(redir))),
        get(&format!("{b}fw/dmz/"), ok(data(dmz))),
        get(&format!("{b}fw/incoming/"), ok(data(incoming))),
        get(&format!("{b}upnpigd/config/"), ok(data(upnp))),
        get(
            &format!("{b}upnpigd/redir/"),
            ok(data("freebox/upnpigd_redir.json")),
        ),
        get(&format!("{b}connection/ipv6/config/"), ok(data(ipv6))),
    ]
}

/// This PC, as the tests' recorded forward names it.
const THIS_PC: Option<std::net::IpAddr> = Some(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));

#[test]
fn a_freebox_with_nothing_open_passes_with_what_was_read() {
    let fake = serve(freebox_routes(
        "freebox/fw_redir_none.json",
        "freebox/fw_dmz_off.json",
        "freebox/fw_incoming_off.json",
        "freebox/upnpigd_config_off.json",
        "freebox/ipv6_config_on.json",
    ));
    let t = fake.target();
    assert_eq!(boxes::identify(&t).kind, BoxKind::Freebox, "identified");
    let reading = freebox::read(&t, TOKEN).expect("read");
    // UPnP off, but the box still lists a (stale) mapping: it is read, and flagged as a forward.
    assert_eq!(reading.upnp_enabled, Some(false), "upnp off");
    assert_eq!(
        reading.dmz.as_ref().map(|d| d.enabled),
        Some(false),
        "dmz off"
    );
    assert!(reading.ipv6.as_ref().is_some_and(|f| !f.open), "ipv6 on");
    assert!(
        reading.calls.iter().any(|c| c.ends_with("fw/redir/")),
        "what was read"
    );
    let risks = risk::assess(&reading, THIS_PC);
    assert_eq!(risks.len(), 1, "only the UPnP mapping: {risks:?}");
    assert!(
        matches!(&risks[0], Risk::Forward { forward, .. } if forward.origin == boxes::Origin::Upnp && forward.external.start == 3389),
        "remote desktop over UPnP"
    );
    assert!(
        !fake.seen().contains(TOKEN),
        "the app token never travels, only its HMAC"
    );
    assert!(
        fake.seen().contains(SESSION_PASSWORD),
        "the HMAC-SHA1 of the challenge is sent"
    );
}

#[test]
fn the_2020_case_on_a_freebox_reads_high_with_its_sentence() {
    let fake = serve(freebox_routes(
        "freebox/fw_redir_2020.json",
        "freebox/fw_dmz_on.json",
        "freebox/fw_incoming_remote.json",
        "freebox/upnpigd_config_on.json",
        "freebox/ipv6_config_off.json",
    ));
    let reading = freebox::read(&fake.target(), TOKEN).expect("read");
    let result = risk::result(&reading, THIS_PC);
    assert_eq!(result.status, Status::Fail, "high");
    let Finding::BoxRules { risks, .. } = &result.finding else {
        panic!("box rules: {:?}", result.finding);
    };
    assert_eq!(
        risks[0].imaging_port(),
        Some(8042),
        "worst first: the imaging forward"
    );
    let fr = vigie::present::boxes::risk(&risks[0], Lang::Fr);
    assert!(fr.starts_with("La box envoie vers cet ordinateur tout ce qui arrive d'Internet sur le port 8042\u{a0}: n'importe qui peut joindre le serveur d'images."), "{fr:?}");
    let kinds: Vec<Level> = risks.iter().map(Risk::level).collect();
    assert!(
        risks
            .iter()
            .any(|r| matches!(r, Risk::Dmz { host: Some(h), .. } if h == "192.168.1.20")),
        "dmz"
    );
    assert!(
        risks.iter().any(|r| matches!(r, Risk::Ipv6Open { .. })),
        "ipv6 open"
    );
    assert!(risks.iter().any(|r| matches!(r, Risk::UpnpOn)), "upnp on");
    assert!(
        risks
            .iter()
            .any(|r| matches!(r, Risk::Service { service } if service.name == "remote_access")),
        "remote access"
    );
    assert!(
        !risks
            .iter()
            .any(|r| matches!(r, Risk::Service { service } if service.name.contains("bittorrent"))),
        "the box's own torrent port is not an opening to the practice"
    );
    assert!(
        !risks
            .iter()
            .any(|r| matches!(r, Risk::Forward { forward, .. } if !forward.enabled)),
        "disabled rule ignored"
    );
    assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "sorted by level");
    let mut text = Vec::new();
    vigie::present::boxes::text(&mut text, &result, Lang::Fr).expect("text");
    let text = String::from_utf8(text).expect("utf-8");
    assert!(
        text.contains("Gestion des ports"),
        "Freebox fix steps: {text}"
    );
    assert!(text.contains("registre des violations"), "the breach hint");
}

#[test]
fn freebox_authorisation_pending_granted_denied() {
    let b = "/api/v8/";
    let routes = |status: &str| {
        vec![
            get("/api_version", ok(api_version_plain())),
            (
                "POST",
                format!("{b}login/authorize/"),
                Some("fr.vigie.boxcheck".to_owned()),
                ok(data("freebox/authorize.json")),
            ),
            get(
                &format!("{b}login/authorize/42"),
                ok(data(&format!("freebox/authorize_{status}.json"))),
            ),
        ]
    };
    for (status, expected) in [
        ("granted", Ok(())),
        ("denied", Err(BoxError::AuthDenied)),
        ("pending", Err(BoxError::AuthTimeout)),
    ] {
        let fake = serve(routes(status));
        let t = fake.target();
        let base = freebox::api_base(&t).expect("base");
        assert_eq!(base, "/api/v8/", "base from api_version");
        let pending = freebox::request_authorization(&t, &base, "Vigie test").expect("request");
        assert_eq!(pending.track_id, 42, "track id");
        let ticks = std::sync::atomic::AtomicUsize::new(0);
        let got = freebox::wait_for_button(
            &t,
            &base,
            pending.track_id,
            Duration::from_millis(600),
            Duration::from_millis(100),
            &|_| {
                ticks.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                true
            },
        );
        assert_eq!(got, expected, "{status}");
        assert!(
            ticks.load(std::sync::atomic::Ordering::Relaxed) >= 1,
            "the countdown ticks"
        );
    }
}

#[test]
fn freebox_wrong_token_and_missing_right_are_said() {
    let fake = serve(freebox_routes(
        "freebox/fw_redir_none.json",
        "freebox/fw_dmz_off.json",
        "freebox/fw_incoming_off.json",
        "freebox/upnpigd_config_off.json",
        "freebox/ipv6_config_on.json",
    ));
    assert_eq!(
        freebox::read(&fake.target(), "not-the-token"),
        Err(BoxError::TokenRefused),
        "token refused"
    );
    let b = "/api/v8/";
    let fake = serve(vec![
        get("/api_version", ok(api_version_plain())),
        get(&format!("{b}login/"), ok(data("freebox/login.json"))),
        (
            "POST",
            format!("{b}login/session/"),
            None,
            ok(data("freebox/session.json")),
        ),
        get(
            &format!("{b}fw/redir/"),
            Answer::Http(403, Vec::new(), data("freebox/insufficient_rights.json")),
        ),
    ]);
    let e = freebox::read(&fake.target(), TOKEN).expect_err("missing right");
    assert_eq!(
        e,
        BoxError::MissingRight("settings".to_owned()),
        "missing right"
    );
    let words = vigie::present::boxes::error(&e, Lang::Fr);
    assert!(
        words.contains("Gestion des accès"),
        "the steps in Freebox OS: {words}"
    );
}

fn livebox_routes(dmz: &str, ipv6_level: &str) -> Vec<Route> {
    let call = |method: &str| Some(format!("\"method\":\"{method}\""));
    vec![
        (
            "POST",
            "/ws".to_owned(),
            call("createContext").map(|c| {
                format!(
                    "{c},\"parameters\":{{\"applicationName\":\"webui\",\"password\":\"{PASSWORD}\""
                )
            }),
            Answer::Http(
                200,
                vec![(
                    "Set-Cookie",
                    "9f1a2b/sessid=abc123; path=/; HttpOnly".to_owned(),
                )],
                data("livebox/create_context.json"),
            ),
        ),
        (
            "POST",
            "/ws".to_owned(),
            call("createContext"),
            ok(data("livebox/create_context_denied.json")),
        ),
        (
            "POST",
            "/ws".to_owned(),
            Some("\"service\":\"DeviceInfo\"".to_owned()),
            ok(data("livebox/device_info.json")),
        ),
        (
            "POST",
            "/ws".to_owned(),
            call("getPortForwarding"),
            ok(data("livebox/port_forwarding.json")),
        ),
        ("POST", "/ws".to_owned(), call("getDMZ"), ok(data(dmz))),
        (
            "POST",
            "/ws".to_owned(),
            call("getPinhole"),
            ok(data("livebox/pinhole.json")),
        ),
        (
            "POST",
            "/ws".to_owned(),
            call("getFirewallIPv6Level"),
            ok(data(ipv6_level)),
        ),
        (
            "POST",
            "/ws".to_owned(),
            call("getFirewallLevel"),
            ok(data("livebox/level_medium.json")),
        ),
        (
            "POST",
            "/ws".to_owned(),
            Some("\"service\":\"UPnP-IGD\"".to_owned()),
            ok(data("livebox/upnp_off.json")),
        ),
        (
            "POST",
            "/ws".to_owned(),
            Some("\"service\":\"RemoteAccess\"".to_owned()),
            ok(data("livebox/remote_off.json")),
        ),
    ]
}

#[test]
fn a_livebox_is_read_with_origins_pinholes_and_levels() {
    let fake = serve(livebox_routes(
        "livebox/dmz_on.json",
        "livebox/level_off.json",
    ));
    let t = fake.target();
    let id = boxes::identify(&t);
    assert_eq!(
        (id.kind, id.model.as_deref()),
        (BoxKind::Livebox, Some("Livebox 6")),
        "identified"
    );
    let reading = livebox::read(&t, PASSWORD).expect("read");
    let origins: Vec<_> = reading
        .forwards
        .iter()
        .map(|f| (f.external.start, f.origin, f.protocol.clone()))
        .collect();
    assert!(
        origins.contains(&(8042, boxes::Origin::Manual, "tcp".to_owned())),
        "{origins:?}"
    );
    assert!(
        origins.contains(&(445, boxes::Origin::Upnp, "tcp+udp".to_owned())),
        "{origins:?}"
    );
    assert_eq!(reading.pinholes.len(), 1, "pinhole");
    let risks = risk::assess(&reading, None);
    assert!(
        risks.iter().any(|r| matches!(
            r,
            Risk::Pinhole {
                port: Some((22, _)),
                ..
            }
        )),
        "ssh pinhole high"
    );
    assert!(
        risks
            .iter()
            .any(|r| matches!(r, Risk::Ipv6Open { level } if level == "Off")),
        "ipv6 off"
    );
    assert!(risks.iter().any(|r| matches!(r, Risk::Dmz { .. })), "dmz");
    assert!(
        !risks.iter().any(|r| matches!(
            r,
            Risk::UpnpOn | Risk::Service { .. } | Risk::Ipv4Open { .. }
        )),
        "upnp, remote off, ipv4 medium"
    );
    let seen = fake.seen();
    assert!(
        seen.contains("X-Context: Lq2mtYbWa2gcfqu7"),
        "the context goes back"
    );
    assert!(
        seen.contains("Cookie: 9f1a2b/sessid=abc123"),
        "with the cookie"
    );
}

#[test]
fn a_livebox_refuses_a_wrong_password() {
    let fake = serve(livebox_routes(
        "livebox/empty.json",
        "livebox/level_high.json",
    ));
    assert_eq!(
        livebox::read(&fake.target(), "wrong"),
        Err(BoxError::WrongPassword),
        "wrong password"
    );
    assert_eq!(
        livebox::read(&fake.target(), ""),
        Err(BoxError::PasswordNeeded),
        "no password"
    );
}

fn bbox_routes(rules: &str, remote: &str) -> Vec<Route> {
    let cookie = vec![(
        "Set-Cookie",
        "BBOX_ID=0123abcd; Path=/; HttpOnly".to_owned(),
    )];
    vec![
        get("/api/v1/device", ok(data("bbox/device.json"))),
        (
            "POST",
            "/api/v1/login".to_owned(),
            Some("password=S3cret-de-la-box%21".to_owned()),
            Answer::Http(200, cookie, String::new()),
        ),
        (
            "POST",
            "/api/v1/login".to_owned(),
            None,
            Answer::Http(
                401,
                Vec::new(),
                "[{\"exception\":{\"code\":\"401\"}}]".to_owned(),
            ),
        ),
        get("/api/v1/nat/rules", ok(data(rules))),
        get("/api/v1/nat/dmz", ok(data("bbox/nat_dmz_off.json"))),
        get("/api/v1/upnp/igd", ok(data("bbox/upnp_igd_off.json"))),
        get(
            "/api/v1/upnp/igd/rules",
            ok(data("bbox/upnp_rules_none.json")),
        ),
        get("/api/v1/firewall", ok(data("bbox/firewall_on.json"))),
        get("/api/v1/remote/admin", ok(data(remote))),
    ]
}

#[test]
fn a_bbox_with_nothing_open_passes_and_its_2020_case_fails() {
    let fake = serve(bbox_routes(
        "bbox/nat_rules_none.json",
        "bbox/remote_off.json",
    ));
    let t = fake.target();
    assert_eq!(boxes::identify(&t).kind, BoxKind::Bbox, "identified");
    let reading = bbox::read(&t, PASSWORD).expect("read");
    let r = risk::result(&reading, None);
    assert_eq!(r.status, Status::Pass, "{:?}", r.finding);
    assert!(
        fake.seen().contains("Cookie: BBOX_ID=0123abcd"),
        "the cookie goes back"
    );
    assert_eq!(
        bbox::read(&t, "wrong"),
        Err(BoxError::WrongPassword),
        "wrong password"
    );

    let fake = serve(bbox_routes(
        "bbox/nat_rules_2020.json",
        "bbox/remote_on.json",
    ));
    let reading = bbox::read(&fake.target(), PASSWORD).expect("read");
    let r = risk::result(&reading, None);
    assert_eq!(r.status, Status::Fail, "high");
    let Finding::BoxRules { risks, .. } = &r.finding else {
        panic!("rules")
    };
    assert!(
        matches!(
            &risks[0],
            Risk::Forward {
                port: Some((11112, _)),
                ..
            }
        ),
        "DICOM first: {risks:?}"
    );
    assert!(
        risks
            .iter()
            .any(|r| matches!(r, Risk::Forward { port: None, .. }) && r.level() == Level::Medium),
        "other port medium"
    );
    assert!(
        risks.iter().any(|r| matches!(r, Risk::Service { .. })),
        "remote admin"
    );
}

#[test]
fn hostile_answers_give_unknown_with_the_reason_within_the_bound() {
    let cases: Vec<(Answer, BoxError)> = vec![
        (
            Answer::Raw(b"\x00\x01garbage\r\n\r\n".to_vec()),
            BoxError::Http(HttpError::Malformed),
        ),
        (
            ok("<html>not json</html>".to_owned()),
            BoxError::Unexpected("GET /api_version".to_owned()),
        ),
        (Answer::Drip, BoxError::Http(HttpError::Timeout)),
        (Answer::Huge, BoxError::Http(HttpError::TooLarge)),
        (
            Answer::Http(
                302,
                vec![("Location", "http://192.0.2.7/api_version".to_owned())],
                String::new(),
            ),
            BoxError::Http(HttpError::Redirect),
        ),
    ];
    for (answer, expected) in cases {
        let fake = serve(vec![get("/api_version", answer)]);
        let start = Instant::now();
        let got = freebox::read(&fake.target(), TOKEN);
        assert!(
            start.elapsed() < Duration::from_secs(4),
            "bounded: {:?}",
            start.elapsed()
        );
        assert_eq!(got.as_ref().err(), Some(&expected), "{expected:?}");
        let r = risk::failed(BoxKind::Freebox, "127.0.0.1", &expected);
        assert_eq!(r.status, Status::Unknown, "unknown");
        assert!(
            !vigie::present::system::summary(&r, Lang::En).is_empty(),
            "with the reason"
        );
        assert_eq!(
            fake.seen().matches("GET ").count(),
            1,
            "no redirect followed, no retry"
        );
    }
    // Nothing listening: unreachable, quickly.
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = closed.local_addr().expect("addr");
    drop(closed);
    let t = Target {
        address,
        limits: Limits::default(),
        tls: None,
    };
    assert_eq!(boxes::identify(&t).kind, BoxKind::Other, "no box: other");
    assert_eq!(
        bbox::read(&t, PASSWORD).err(),
        Some(BoxError::Http(HttpError::Unreachable)),
        "unreachable"
    );
}

#[test]
fn no_secret_in_any_output() {
    let fake = serve(livebox_routes(
        "livebox/dmz_on.json",
        "livebox/level_off.json",
    ));
    let reading = livebox::read(&fake.target(), PASSWORD).expect("read");
    let ok_result = risk::result(&reading, None);
    let failed = risk::failed(
        BoxKind::Livebox,
        "127.0.0.1",
        &livebox::read(&fake.target(), "wrong-pw-123").expect_err("refused"),
    );
    for r in [&ok_result, &failed] {
        for lang in [Lang::Fr, Lang::En] {
            let mut out = Vec::new();
            vigie::present::boxes::text(&mut out, r, lang).expect("text");
            vigie::present::boxes::json(&mut out, r, lang).expect("json");
            out.extend(serde_json::to_vec(r).expect("record"));
            let out = String::from_utf8(out).expect("utf-8");
            for secret in [
                PASSWORD,
                "wrong-pw-123",
                "Lq2mtYbWa2gcfqu7",
                "sessid=abc123",
            ] {
                assert!(!out.contains(secret), "{secret} in an output");
            }
        }
    }
}

/// `vigie box-check` against a fake Bbox: the rules as JSON and as text, the password from
/// `VIGIE_BOX_PASSWORD` never in the output or the diagnostic log; a wrong one gives "unknown" with
/// the reason.
#[test]
fn the_command_line_reads_a_bbox_and_keeps_the_password_out() {
    let fake = serve(bbox_routes(
        "bbox/nat_rules_2020.json",
        "bbox/remote_off.json",
    ));
    let port = fake.address.port().to_string();
    let data = crate::common::temp_dir();
    let run = |format: &str, password: &str| {
        crate::common::vigie_command(
            data.path(),
            &[
                "--lang",
                "fr",
                "box-check",
                "--address",
                "127.0.0.1",
                "--port",
                &port,
                "--format",
                format,
            ],
            &[("VIGIE_BOX_PASSWORD", password)],
        )
        .output()
        .expect("run")
    };
    let out = run("json", PASSWORD);
    assert!(out.status.success(), "exit 0: {out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["id"], "box_rules", "{doc}");
    assert_eq!(doc["status"], "fail", "{doc}");
    assert_eq!(doc["risks"][0]["level"], "high", "{doc}");
    assert!(
        doc["risks"][0]["summary"]
            .as_str()
            .is_some_and(|s| s.contains("11112")),
        "{doc}"
    );
    // The issue's form: `vigie system-check --box`, the same reading and document.
    let issue_form = crate::common::vigie_command(
        data.path(),
        &[
            "--lang",
            "fr",
            "system-check",
            "--box",
            "--box-address",
            "127.0.0.1",
            "--box-port",
            &port,
            "--box-kind",
            "bbox",
            "--format",
            "json",
        ],
        &[("VIGIE_BOX_PASSWORD", PASSWORD)],
    )
    .output()
    .expect("run");
    assert!(issue_form.status.success(), "exit 0: {issue_form:?}");
    let same: serde_json::Value = serde_json::from_slice(&issue_form.stdout).expect("JSON");
    assert_eq!(same["risks"], doc["risks"], "the same reading");
    let text = run("text", PASSWORD);
    let text_out = String::from_utf8_lossy(&text.stdout).to_string();
    assert!(
        text_out.contains("Rien n'est modifié sur la box"),
        "what will happen, first: {text_out}"
    );
    assert!(
        text_out.contains("Redirection de ports"),
        "Bbox fix steps: {text_out}"
    );
    let wrong = run("json", "pas-le-bon");
    let doc: serde_json::Value = serde_json::from_slice(&wrong.stdout).expect("JSON");
    assert_eq!(doc["status"], "unknown", "{doc}");
    assert!(
        doc["summary"]
            .as_str()
            .is_some_and(|s| s.contains("refusé le mot de passe")),
        "{doc}"
    );
    let mut everything = String::new();
    for o in [&out, &text, &wrong, &issue_form] {
        everything.push_str(&String::from_utf8_lossy(&o.stdout));
        everything.push_str(&String::from_utf8_lossy(&o.stderr));
    }
    for entry in walk(data.path()) {
        everything.push_str(&String::from_utf8_lossy(
            &std::fs::read(entry).unwrap_or_default(),
        ));
    }
    for secret in [
        PASSWORD,
        "S3cret-de-la-box%21",
        "pas-le-bon",
        "BBOX_ID=0123abcd",
    ] {
        assert!(
            !everything.contains(secret),
            "{secret} in an output or the log"
        );
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// A reading is kept in the PC checks' record with its date, proposes an answer to the checklist's box
/// item, and reads back as kept.
#[test]
fn a_reading_is_kept_and_proposes_the_box_item() {
    use vigie::system::record::Proposed;
    let fake = serve(bbox_routes(
        "bbox/nat_rules_2020.json",
        "bbox/remote_off.json",
    ));
    let reading = bbox::read(&fake.target(), PASSWORD).expect("read");
    let result = risk::result(&reading, None);
    let mut record = vigie::system::SystemRecord::default();
    record.record_box(result.clone());
    let proposals = record.proposals();
    assert!(
        proposals
            .iter()
            .any(|(item, p, _)| *item == "box.port-forwarding" && *p == Proposed::No),
        "proposes No for the forwards item"
    );
    // The assessment PDF's "Box Internet" section: the finding with its risk, no secret.
    let mut contents = vigie::demo::demo_contents();
    contents.system.record_box(result.clone());
    let pdf = vigie::report::assessment::assessment_pdf(&contents, Lang::En).expect("pdf");
    let doc = lopdf::Document::load_mem(&pdf).expect("pdf");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    assert!(text.contains("Internet router"), "the section");
    assert!(text.contains("11112"), "the DICOM forward");
    for secret in [PASSWORD, "0123abcd"] {
        assert!(!text.contains(secret), "{secret} in the PDF");
    }
    let json = serde_json::to_string(&record).expect("serialize");
    let back: vigie::system::SystemRecord = serde_json::from_str(&json).expect("read back");
    assert_eq!(back, record, "kept as is");
    assert!(!json.contains(PASSWORD), "no password in the record");
    // An older record without the box check still reads (serde default).
    let old: vigie::system::SystemRecord = serde_json::from_str("{}").expect("old record");
    assert!(old.last.is_none(), "empty");
}

/// The window: the box section says what will happen first; a reading of a fake Bbox shows its rules in
/// words, is kept with the PC checks, and the typed password is nowhere in the vault's contents.
#[test]
fn the_window_reads_a_box_and_shows_its_rules() {
    use crate::gui::{click, harness, run_until, unlock};
    use egui_kittest::kittest::Queryable as _;
    use vigie::ui::command::{Command, SystemCommand};
    let fake = serve(bbox_routes(
        "bbox/nat_rules_2020.json",
        "bbox/remote_off.json",
    ));
    let dir = crate::common::temp_dir();
    let data = dir.path().join("data");
    let (path, _, _) = crate::common::create_vault(dir.path());
    let mut h = harness(&data, Lang::Fr);
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, Command::Navigate(vigie::ui::system::PAGE));
    h.run();
    click(&mut h, "Lire les règles de la box…");
    h.run();
    assert!(
        h.query_by_label_contains("Rien n'est modifié sur la box")
            .is_some(),
        "what will happen, before any request"
    );
    assert!(fake.seen().is_empty(), "nothing sent yet");
    click(&mut h, "Annuler");
    h.run();
    h.state_mut().run_command(
        &ctx,
        Command::System(SystemCommand::ReadBox {
            address: Some(fake.address),
            kind: Some(BoxKind::Bbox),
            password: zeroize::Zeroizing::new(PASSWORD.to_owned()),
        }),
    );
    run_until(&mut h, "the reading and its save", |app| {
        app.vault().is_some_and(|v| {
            v.contents()
                .system
                .last
                .as_ref()
                .is_some_and(|l| l.result(vigie::system::CheckId::BoxRules).is_some())
        }) && app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    assert!(
        h.query_all_by_label_contains("sur le port 11112 (images médicales)")
            .next()
            .is_some(),
        "the DICOM forward in words"
    );
    assert!(
        h.query_all_by_label_contains("Redirection de ports")
            .next()
            .is_some(),
        "the Bbox's fix steps"
    );
    let contents =
        serde_json::to_string(h.state().vault().expect("vault").contents()).expect("json");
    assert!(!contents.contains(PASSWORD), "the password is not kept");
}

/// The box's own settings propose the UPnP and remote-administration answers, each on its own and only
/// when read: a Bbox with its 2020 forward and remote administration on proposes "no" to both the
/// forwards item and the remote-administration item, and (UPnP off) "yes" to the UPnP item, which wins
/// over the UPnP list's proposal for the same item.
#[test]
fn a_reading_proposes_the_upnp_and_remote_admin_items_when_read() {
    use vigie::system::record::Proposed;
    let fake = serve(bbox_routes(
        "bbox/nat_rules_2020.json",
        "bbox/remote_on.json",
    ));
    let reading = bbox::read(&fake.target(), PASSWORD).expect("read");
    let mut record = vigie::system::SystemRecord::default();
    record.record_box(risk::result(&reading, None));
    let proposals = record.proposals();
    let of = |item: &str| {
        proposals
            .iter()
            .filter(|(i, _, _)| *i == item)
            .map(|(_, p, _)| *p)
            .collect::<Vec<_>>()
    };
    assert_eq!(of("box.port-forwarding"), [Proposed::No], "{proposals:?}");
    assert_eq!(of("box.remote-admin"), [Proposed::No], "{proposals:?}");
    assert_eq!(of("box.upnp"), [Proposed::Yes], "UPnP read off");

    // A record by hand proposes only for what the doctor looked at.
    let by_hand = vigie::system::boxes::other::reading(
        "192.168.1.1",
        &vigie::system::boxes::other::ManualRecord::default(),
    );
    let nothing_seen = risk::result(&by_hand, None);
    assert_eq!(
        nothing_seen.status,
        Status::Unknown,
        "not seen is not closed"
    );
    assert!(
        vigie::present::boxes::summary(&nothing_seen.finding, Lang::Fr)
            .is_some_and(|s| s.contains("impossible de dire")),
        "said so"
    );
    let mut record = vigie::system::SystemRecord::default();
    record.record_box(nothing_seen);
    assert!(
        record.proposals().is_empty(),
        "nothing seen, nothing proposed"
    );
    let seen = vigie::system::boxes::other::ManualRecord {
        forwards_seen: true,
        dmz_seen: true,
        ..Default::default()
    };
    let mut record = vigie::system::SystemRecord::default();
    record.record_box(risk::result(
        &vigie::system::boxes::other::reading("192.168.1.1", &seen),
        None,
    ));
    let items: Vec<&str> = record.proposals().iter().map(|(i, _, _)| *i).collect();
    assert_eq!(items, ["box.port-forwarding"], "only what was seen");
    assert_eq!(record.proposals()[0].1, Proposed::Yes, "nothing open, seen");
}

/// The box with no API, in the window: the catalog's box guides and the short form; what the doctor
/// typed is kept as a reading "typed by the doctor", dated, says the 2020 case with its way to the
/// breach register (facts only), shows on the dashboard and in the assessment PDF.
#[test]
fn the_window_records_what_the_doctor_saw_on_a_box_with_no_api() {
    use crate::gui::{click, harness, run_until, unlock};
    use egui_kittest::kittest::Queryable as _;
    let dir = crate::common::temp_dir();
    let data = dir.path().join("data");
    let (path, _, _) = crate::common::create_vault(dir.path());
    let mut h = harness(&data, Lang::Fr);
    unlock(&mut h, &path);
    let ctx = h.ctx.clone();
    h.state_mut().run_command(
        &ctx,
        vigie::ui::command::Command::Navigate(vigie::ui::system::PAGE),
    );
    h.run();
    click(&mut h, "Lire les règles de la box…");
    h.run();
    click(&mut h, "Autre box (SFR…)");
    h.run();
    assert!(
        h.query_all_by_label_contains("Réseau v4").next().is_some(),
        "the SFR guide, open"
    );
    // Forwards: yes (the first "Oui"), then the port and the machine.
    press(&mut h, "Oui", 0);
    for (label, text) in [
        ("Port", "8042"),
        ("vers la machine (adresse IP)", "192.168.1.10"),
    ] {
        h.get_by_label(label).scroll_to_me();
        h.run();
        h.get_by_label(label).focus();
        h.run();
        h.get_by_label(label).type_text(text);
        h.run();
    }
    // UPnP on (the third "Oui"), remote administration off (the fourth "Non").
    press(&mut h, "Oui", 2);
    press(&mut h, "Non", 3);
    h.get_by_label("Enregistrer ce relevé").scroll_to_me();
    h.run();
    click(&mut h, "Enregistrer ce relevé");
    run_until(&mut h, "the record and its save", |app| {
        app.vault().is_some_and(|v| {
            v.contents()
                .system
                .last
                .as_ref()
                .is_some_and(|l| l.result(vigie::system::CheckId::BoxRules).is_some())
        }) && app.session.as_ref().is_some_and(|s| !s.save.pending())
    });
    assert!(
        h.query_by_label_contains("Relevé saisi par le médecin")
            .is_some(),
        "said typed by the doctor"
    );
    assert!(
        h.query_all_by_label_contains("sur le port 8042 (images médicales)")
            .next()
            .is_some(),
        "the forward in words"
    );
    {
        let contents = h.state().vault().expect("vault").contents();
        let r = contents
            .system
            .last
            .as_ref()
            .and_then(|l| l.result(vigie::system::CheckId::BoxRules))
            .expect("kept");
        assert_eq!(r.status, Status::Fail, "high");
        let Finding::BoxRules {
            by_hand, upnp_read, ..
        } = &r.finding
        else {
            panic!("a reading: {:?}", r.finding)
        };
        assert!(*by_hand && *upnp_read, "by hand, UPnP seen");
        // The assessment PDF has its "Box Internet" section with each finding and its risk.
        let pdf = vigie::report::assessment::assessment_pdf(contents, Lang::Fr).expect("pdf");
        let doc = lopdf::Document::load_mem(&pdf).expect("pdf");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let text = doc
            .extract_text(&pages)
            .expect("text")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains("Box Internet"), "the section: {text}");
        assert!(text.contains("8042"), "the forward");
        assert!(
            text.contains("Élevé") && text.contains("Moyen"),
            "the risks"
        );
    }
    // The way into the register: the breach opened with the facts read.
    h.get_by_label("Enregistrer une violation de données à partir de ce constat…")
        .scroll_to_me();
    h.run();
    click(
        &mut h,
        "Enregistrer une violation de données à partir de ce constat…",
    );
    run_until(&mut h, "the breach opened", |app| {
        app.vault()
            .is_some_and(|v| !v.contents().breaches.breaches().is_empty())
    });
    {
        let contents = h.state().vault().expect("vault").contents();
        let b = &contents.breaches.breaches()[0];
        assert!(
            b.details.how_discovered.contains("8042"),
            "{}",
            b.details.how_discovered
        );
        assert!(!b.details.data_health, "facts only: nothing assessed");
    }
    // The dashboard says it too.
    h.state_mut().run_command(
        &ctx,
        vigie::ui::command::Command::Navigate(vigie::ui::dashboard::PAGE),
    );
    h.run();
    assert!(
        h.query_by_label_contains("Box Internet, relevé du")
            .is_some(),
        "the dashboard's line"
    );
}

/// Clicks the `nth` widget labelled `label`, scrolled into view first.
fn press(h: &mut egui_kittest::Harness<'_, vigie::ui::app::VigieApp>, label: &str, nth: usize) {
    use egui_kittest::kittest::Queryable as _;
    h.query_all_by_label(label)
        .nth(nth)
        .expect("the widget")
        .scroll_to_me();
    h.run();
    h.query_all_by_label(label)
        .nth(nth)
        .expect("the widget")
        .click();
    h.run();
}

/// A Freebox whose firmware has no IPv6 firewall switch (its `connection/ipv6/config/` answer holds
/// `ipv6_enabled` and `delegations` only, as madpilot78/FreeBoxPHP's recorded answer): the IPv6
/// firewall is said not read, never taken as on or off.
#[test]
fn a_freebox_without_the_ipv6_switch_says_it_was_not_read() {
    let fake = serve(freebox_routes(
        "freebox/fw_redir_none.json",
        "freebox/fw_dmz_off.json",
        "freebox/fw_incoming_off.json",
        "freebox/upnpigd_config_off.json",
        "freebox/ipv6_config_no_switch.json",
    ));
    let reading = freebox::read(&fake.target(), TOKEN).expect("read");
    assert_eq!(reading.ipv6, None, "neither on nor off");
    assert!(
        reading
            .unread
            .iter()
            .any(|(part, _)| part.contains("ipv6_firewall")),
        "said not read: {:?}",
        reading.unread
    );
    let r = risk::result(&reading, None);
    assert!(
        r.evidence
            .iter()
            .any(|e| e.source.contains("ipv6_firewall") && e.value.starts_with("not read")),
        "in the evidence"
    );
}

/// `vigie system-check --box --vault`: the reading is kept in the vault with the PC checks (never the
/// password), and a Freebox's app token is taken from it.
#[test]
fn the_command_line_keeps_the_reading_in_the_vault() {
    use vigie::practice_file::PracticeFile;
    use vigie::vault::Unlock;
    let dir = crate::common::temp_dir();
    let (path, mut v, _) = crate::common::create_vault(dir.path());
    v.contents_mut().system.freebox_token = Some(TOKEN.to_owned());
    v.save().expect("save");
    drop(v);
    let fake = serve(freebox_routes(
        "freebox/fw_redir_2020.json",
        "freebox/fw_dmz_off.json",
        "freebox/fw_incoming_off.json",
        "freebox/upnpigd_config_off.json",
        "freebox/ipv6_config_on.json",
    ));
    let port = fake.address.port().to_string();
    let vault = path.to_string_lossy().to_string();
    let out = crate::common::vigie_command(
        dir.path(),
        &[
            "--lang",
            "fr",
            "system-check",
            "--box",
            "--box-address",
            "127.0.0.1",
            "--box-port",
            &port,
            "--box-kind",
            "freebox",
            "--vault",
            &vault,
            "--format",
            "json",
        ],
        &[("VIGIE_PASSPHRASE", crate::common::PASSPHRASE)],
    )
    .output()
    .expect("run");
    assert!(out.status.success(), "exit 0: {out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["status"], "fail", "the 2020 case: {doc}");
    assert!(
        fake.seen().contains(SESSION_PASSWORD),
        "the session opened with the vault's token"
    );
    let v =
        PracticeFile::open(&path, Unlock::Passphrase(crate::common::PASSPHRASE)).expect("opens");
    let r = v
        .contents()
        .system
        .last
        .as_ref()
        .and_then(|l| l.result(vigie::system::CheckId::BoxRules))
        .expect("kept in the vault");
    assert_eq!(r.status, vigie::system::Status::Fail, "as printed");
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(!printed.contains(TOKEN), "the token is not printed");
}

// TLS (issue 34, deliverable 5): a fake Freebox whose `/api_version` (plain HTTP) announces HTTPS on a
// second port, where a TLS server answers with the test certificate of tests/data/boxes/tls (its
// README says how it was made); the client trusts the test authority through `read_trusting`.

const TLS_DOMAIN: &str = "fbxtest.fbxos.fr";

fn tls_file(name: &str) -> Vec<u8> {
    data(&format!("tls/{name}")).into_bytes()
}

/// A TLS server on 127.0.0.1 with the test certificate, answering `routes`.
fn serve_tls(routes: Vec<Route>) -> Fake {
    use rustls::pki_types::pem::PemObject as _;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs: Vec<CertificateDer<'static>> =
        CertificateDer::pem_slice_iter(&tls_file("server.pem"))
            .collect::<Result<_, _>>()
            .expect("certificate");
    let key = PrivateKeyDer::from_pem_slice(&tls_file("server.key")).expect("key");
    #[expect(deprecated, reason = "the same provider as the client's")]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = Arc::new(
        rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("versions")
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .expect("server config"),
    );
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let address = listener.local_addr().expect("address");
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let routes = Arc::new(routes);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (routes, log, config) =
                (Arc::clone(&routes), Arc::clone(&log), Arc::clone(&config));
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let Ok(conn) = rustls::ServerConnection::new(config) else {
                    return;
                };
                let mut tls = rustls::StreamOwned::new(conn, stream);
                exchange(&mut tls, &routes, &log);
                tls.conn.send_close_notify();
                let _ = tls.flush();
            });
        }
    });
    Fake { address, seen }
}

/// The plain `/api_version` announcing HTTPS on `port` for `domain`.
fn announcing(port: u16, domain: &str) -> Fake {
    serve(vec![get(
        "/api_version",
        ok(api_version_https(Some(port), domain)),
    )])
}

fn tls_routes() -> Vec<Route> {
    freebox_routes(
        "freebox/fw_redir_none.json",
        "freebox/fw_dmz_off.json",
        "freebox/fw_incoming_off.json",
        "freebox/upnpigd_config_off.json",
        "freebox/ipv6_config_on.json",
    )
}

#[test]
fn a_freebox_offering_https_is_read_over_tls_with_its_pinned_authority() {
    let box_tls = serve_tls(tls_routes());
    let plain = announcing(box_tls.address.port(), TLS_DOMAIN);
    let reading =
        freebox::read_trusting(&plain.target(), TOKEN, &tls_file("ca.pem")).expect("read over TLS");
    assert_eq!(
        reading.dmz.as_ref().map(|d| d.enabled),
        Some(false),
        "read through TLS"
    );
    assert!(
        reading
            .calls
            .iter()
            .any(|c| c.starts_with(&format!("TLS {TLS_DOMAIN}:"))),
        "the reading says it went over TLS: {:?}",
        reading.calls
    );
    assert!(
        box_tls.seen().contains(SESSION_PASSWORD),
        "the session is opened over TLS"
    );
    assert!(
        box_tls.seen().contains(&format!("Host: {TLS_DOMAIN}:")),
        "the Host header names the certificate's domain"
    );
    assert!(
        !plain.seen().contains("login") && plain.seen().contains("/api_version"),
        "only /api_version over plain HTTP: {}",
        plain.seen()
    );
    // The authorisation (its answer carries the app token) also goes over TLS.
    let api = freebox::open_api_trusting(&plain.target(), &tls_file("ca.pem")).expect("api");
    assert_eq!(
        api.target.address.port(),
        box_tls.address.port(),
        "https_port"
    );
    assert_eq!(api.base, "/api/v8/", "base");
    // Without HTTPS announced: plain HTTP, no TLS.
    let old = serve(tls_routes());
    let api = freebox::open_api_trusting(&old.target(), &tls_file("ca.pem")).expect("api");
    assert!(api.target.tls.is_none(), "no TLS when the box offers none");
}

#[test]
fn a_certificate_that_does_not_verify_gives_unknown_with_the_reason() {
    let box_tls = serve_tls(tls_routes());
    // Another authority than the one that signed the box's certificate.
    let plain = announcing(box_tls.address.port(), TLS_DOMAIN);
    assert_eq!(
        freebox::read_trusting(&plain.target(), TOKEN, &tls_file("other-ca.pem")).err(),
        Some(BoxError::Http(HttpError::Certificate)),
        "wrong authority"
    );
    // The production roots (Free's) do not know the test authority either.
    assert_eq!(
        freebox::read(&plain.target(), TOKEN).err(),
        Some(BoxError::Http(HttpError::Certificate)),
        "Free's roots refuse the test certificate"
    );
    // The right authority, but the box announces another name than its certificate's.
    let renamed = announcing(box_tls.address.port(), "someone-else.fbxos.fr");
    assert_eq!(
        freebox::read_trusting(&renamed.target(), TOKEN, &tls_file("ca.pem")).err(),
        Some(BoxError::Http(HttpError::Certificate)),
        "wrong server name"
    );
    assert!(
        !box_tls.seen().contains(SESSION_PASSWORD) && !box_tls.seen().contains("login"),
        "nothing sent to an unverified box"
    );
    // A reason the doctor can read.
    let e = BoxError::Http(HttpError::Certificate);
    assert!(
        vigie::present::boxes::error(&e, Lang::Fr).contains("certificat"),
        "said in French"
    );
}

#[test]
fn plain_http_where_tls_was_announced_gives_unknown() {
    // A server that answers plain HTTP to anything (here, to the TLS client hello).
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 16 * 1024];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    let plain = announcing(port, TLS_DOMAIN);
    assert_eq!(
        freebox::read_trusting(&plain.target(), TOKEN, &tls_file("ca.pem")).err(),
        Some(BoxError::Http(HttpError::Tls)),
        "no silent fall back to plain HTTP"
    );
}

#[test]
fn a_slow_tls_handshake_ends_within_the_bound() {
    // Accepts, then says nothing: the handshake never completes.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    let plain = announcing(port, TLS_DOMAIN);
    let start = Instant::now();
    assert_eq!(
        freebox::read_trusting(&plain.target(), TOKEN, &tls_file("ca.pem")).err(),
        Some(BoxError::Http(HttpError::Timeout)),
        "the handshake's silence is a timeout"
    );
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "within the 2 s bound (and the plain call): {:?}",
        start.elapsed()
    );
}

/// Each family's answers are read by pure functions of the bytes received (the fuzz target
/// `box_answers` drives them): the recorded answers give what the fake boxes' readings give.
#[test]
fn each_answer_is_read_from_its_bytes_alone() {
    use vigie::system::boxes::http;
    let bytes = |p: &str| data(p).into_bytes();
    let redirs = freebox::redirs_answer(&bytes("freebox/fw_redir_2020.json")).expect("redirs");
    assert_eq!(redirs.len(), 2, "two forwards");
    assert_eq!(
        (redirs[0].external.start, redirs[0].internal_host.as_str()),
        (8042, "127.0.0.1"),
        "the 2020 forward"
    );
    assert_eq!(
        freebox::redirs_answer(&bytes("freebox/insufficient_rights.json")),
        Err(BoxError::MissingRight("settings".to_owned())),
        "the envelope's error"
    );
    assert!(
        freebox::redirs_answer(b"<html>").is_err(),
        "not JSON: an error, never an empty list"
    );
    assert_eq!(
        freebox::ipv6_answer(&bytes("freebox/ipv6_config_no_switch.json")),
        Ok(None),
        "no switch: not read"
    );
    let api = freebox::api_answer(&bytes("freebox/api_version.json")).expect("api");
    assert_eq!(api.base, "/api/v8/", "the base");

    let ok = |body: Vec<u8>| http::Response {
        status: 200,
        headers: Vec::new(),
        body,
    };
    let rules = bbox::nat_rules_answer(&ok(bytes("bbox/nat_rules_2020.json"))).expect("rules");
    assert_eq!(rules[0].external.start, 11112, "the Bbox's 2020 rule");
    let refused = http::Response {
        status: 401,
        ..ok(Vec::new())
    };
    assert_eq!(
        bbox::nat_rules_answer(&refused),
        Err(BoxError::WrongPassword),
        "401"
    );

    let status = livebox::call_answer(
        "Firewall.getPortForwarding",
        &ok(bytes("livebox/port_forwarding.json")),
    )
    .expect("status");
    let forwards = livebox::port_forwarding(&status);
    assert!(
        forwards
            .iter()
            .any(|f| f.external.start == 445 && f.protocol == "tcp+udp"),
        "the UPnP share"
    );

    let answer = http::parse_answer(
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nSet-Cookie: BBOX_ID=x; Path=/\r\n\r\n2\r\n[]\r\n0\r\n\r\n",
    )
    .expect("answer");
    assert_eq!(answer.body, b"[]", "de-chunked");
    assert_eq!(
        bbox::login_answer(&answer),
        Ok("BBOX_ID=x".to_owned()),
        "cookie"
    );
    assert_eq!(
        http::parse_answer(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n"),
        Err(HttpError::Redirect),
        "a redirect"
    );
    assert_eq!(
        http::parse_answer(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"),
        Err(HttpError::Malformed),
        "cut short"
    );
}

// The Bbox over HTTPS (issue 34, deliverable 5): its API at port 443 with a certificate for
// mabbox.bytel.fr from a public authority; the tests serve the Bbox's routes over TLS with the test
// certificate and give `read_with` that port and the test authority.

#[test]
fn a_bbox_offering_https_is_read_over_tls_and_never_falls_back_once_the_port_answers() {
    let plain = serve(bbox_routes(
        "bbox/nat_rules_2020.json",
        "bbox/remote_on.json",
    ));
    let secure = serve_tls(bbox_routes(
        "bbox/nat_rules_2020.json",
        "bbox/remote_on.json",
    ));
    let tls_port = secure.address.port();
    let trusted = || http::Tls::new(&tls_file("ca.pem"), TLS_DOMAIN);

    let reading =
        bbox::read_with(&plain.target(), tls_port, trusted(), PASSWORD).expect("read over TLS");
    assert!(
        reading.calls[0].starts_with(&format!("TLS {TLS_DOMAIN}:{tls_port}")),
        "the reading says it went over TLS: {:?}",
        reading.calls
    );
    assert_eq!(
        reading.forwards[0].external.start, 11112,
        "read through TLS"
    );
    assert!(
        secure.seen().contains("POST /api/v1/login"),
        "the password goes over TLS"
    );
    assert!(
        !plain.seen().contains("login"),
        "nothing carrying the password in plain HTTP: {}",
        plain.seen()
    );

    // Another authority: the certificate does not verify, and the reading ends there.
    let other = http::Tls::new(&tls_file("other-ca.pem"), TLS_DOMAIN);
    let plain_before = plain.seen();
    assert_eq!(
        bbox::read_with(&plain.target(), tls_port, other, PASSWORD).err(),
        Some(BoxError::Http(HttpError::Certificate)),
        "an unverified certificate is an error"
    );
    assert_eq!(plain.seen(), plain_before, "no fall back to plain HTTP");

    // A port that answers but not in TLS: an error too, never plain HTTP.
    let not_tls = serve(bbox_routes(
        "bbox/nat_rules_none.json",
        "bbox/remote_off.json",
    ));
    let answer = bbox::read_with(&plain.target(), not_tls.address.port(), trusted(), PASSWORD);
    assert!(
        matches!(
            answer,
            Err(BoxError::Http(HttpError::Tls | HttpError::Timeout))
        ),
        "no TLS where the port answers: {answer:?}"
    );
    assert_eq!(plain.seen(), plain_before, "no fall back to plain HTTP");

    // A closed port (a box that offers no HTTPS): read in plain HTTP, and the reading says so.
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("address").port()
    };
    let reading =
        bbox::read_with(&plain.target(), closed, trusted(), PASSWORD).expect("read in plain HTTP");
    assert!(
        reading.calls[0].starts_with(&format!("HTTP (port {closed} closed")),
        "the reading says it went in plain HTTP: {:?}",
        reading.calls
    );
}

#[test]
fn the_bbox_is_read_over_https_for_mabbox_bytel_fr_at_port_443() {
    assert_eq!(bbox::SERVER_NAME, "mabbox.bytel.fr");
    assert_eq!(bbox::HTTPS_PORT, 443);
    let tls = http::Tls::public(bbox::SERVER_NAME).expect("public roots for the name");
    assert_eq!(tls.name(), "mabbox.bytel.fr");
    assert!(
        http::Tls::public("192.168.1.254").is_none(),
        "an address is not a name a certificate is checked for"
    );
}
