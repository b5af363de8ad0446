//! The fuzz targets: every reader of bytes that may come from outside (a file on the PC, a file sent by
//! e-mail, a command's output, a box's answer), as one function each that must end without a panic
//! whatever it is given.
//!
//! The same functions serve two drivers: `fuzz/` (cargo fuzz, coverage-guided, on the stable toolchain
//! with `--sanitizer none`; see `docs/fuzzing.md`) and the test `tests/it/fuzz_replay.rs`, which replays
//! the kept corpora `fuzz/corpus/<target>/` on every `cargo test` in seconds. A crash found by the fuzzer
//! is added to its corpus: the replay then keeps it fixed.
//!
//! Not part of Vigie's API: hidden from the documentation, used only by those two drivers.

use std::io::Write as _;
use std::path::Path;
use std::sync::atomic::AtomicBool;

/// One fuzz target: its name (the corpus folder and the cargo fuzz target) and its function.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    /// The name: `fuzz/corpus/<name>/` and `cargo fuzz run <name>`.
    pub name: &'static str,
    /// Runs one input; must never panic.
    pub run: fn(&[u8]),
}

/// Every target.
pub const TARGETS: &[Target] = &[
    Target {
        name: "vault_file",
        run: vault_file,
    },
    Target {
        name: "vault_contents",
        run: vault_contents,
    },
    Target {
        name: "dicom_header",
        run: dicom_header,
    },
    Target {
        name: "scan_file",
        run: scan_file,
    },
    Target {
        name: "catalog",
        run: catalog,
    },
    Target {
        name: "signed_document",
        run: signed_document,
    },
    Target {
        name: "bundle",
        run: bundle,
    },
    Target {
        name: "sshsig",
        run: sshsig,
    },
    Target {
        name: "allowed_signers",
        run: allowed_signers,
    },
    Target {
        name: "archive",
        run: archive,
    },
    Target {
        name: "archive_manifest",
        run: archive_manifest,
    },
    Target {
        name: "register_export",
        run: register_export,
    },
    Target {
        name: "orthanc_config",
        run: orthanc_config,
    },
    Target {
        name: "pc_check_outputs",
        run: pc_check_outputs,
    },
    Target {
        name: "box_answers",
        run: box_answers,
    },
    Target {
        name: "upnp_answers",
        run: upnp_answers,
    },
    Target {
        name: "knock_answer",
        run: knock_answer,
    },
];

/// The target named `name`.
pub fn target(name: &str) -> Option<Target> {
    TARGETS.iter().copied().find(|t| t.name == name)
}

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Splits an input into `n` fields at NUL bytes (missing fields are empty): one input drives a function
/// of several texts.
fn fields(data: &[u8], n: usize) -> Vec<String> {
    let mut out: Vec<String> = data.splitn(n, |b| *b == 0).map(text).collect();
    out.resize(n, String::new());
    out
}

/// A temporary file holding `data`, removed when dropped (the readers that take a path).
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(data: &[u8]) -> Option<Self> {
        static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("vigie-fuzz-{}-{n}.bin", std::process::id()));
        let temp = Self(path);
        std::fs::File::create(&temp.0).ok()?.write_all(data).ok()?;
        Some(temp)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The vault's frame and header, read without a key.
fn vault_file(data: &[u8]) {
    let _ = crate::vault::format::parse(data);
}

/// The vault's contents once decrypted (RON, schema migrations), and the breach register's chain check
/// on what they hold.
fn vault_contents(data: &[u8]) {
    if let Ok(contents) = crate::practice_file::decode(data) {
        let _ = contents.breaches.verify();
    }
}

/// The DICOM sniffer and header walker on a file's first bytes, as the scanner reads them: the walker
/// checks every length before dicom-rs reads the slice it passed (`scan::dicom::read_part10` alone is
/// never given unchecked bytes: a lying length there allocates what it says).
fn dicom_header(data: &[u8]) {
    let len = data.len() as u64;
    let kind = crate::scan::sniff::sniff(data, len);
    let _ = crate::scan::sniff::dicom_by_prefix(data, len);
    let _ = crate::scan::header::facts(data, true, kind);
    let _ = crate::scan::header::facts(data, false, kind);
}

/// The scanner's whole classification of one file: sniffer, header, zip, gzip and 7z entries.
fn scan_file(data: &[u8]) {
    if let Some(file) = TempFile::new(data) {
        let _ = crate::scan::classify(file.path());
    }
}

/// The checklist catalog loader.
fn catalog(data: &[u8]) {
    let _ = crate::checklist::parse(&text(data));
}

/// The signed assessment's document.
fn signed_document(data: &[u8]) {
    let _ = crate::assessment::document::AssessmentDocument::parse(data);
}

/// A `.vigie-assessment` bundle (ZIP), its signatures and statements, and their verification.
fn bundle(data: &[u8]) {
    let Ok(set) = crate::assessment::bundle::FileSet::from_zip(data) else {
        return;
    };
    let _ = set.signature_set();
    let _ = set.statements();
    let _ = set.signer_entries();
    if let Some(name) = set.document_name().map(str::to_owned) {
        let _ = crate::assessment::verify::verify(&set, &name);
    }
}

/// An OpenSSH signature's armour and blob, and a public key line.
fn sshsig(data: &[u8]) {
    let t = text(data);
    if let Ok(sig) = crate::assessment::sshsig::SshSignature::parse(&t) {
        let _ = sig.verify("vigie-assessment", b"message");
    }
    let _ = crate::assessment::sshsig::PublicKey::parse_openssh(&t);
}

/// An `allowed_signers` file, matched as `ssh-keygen -Y verify` would, with a signature from the input.
fn allowed_signers(data: &[u8]) {
    let f = fields(data, 3);
    let _ = crate::assessment::sshsig::parse_allowed_signers(&f[0]);
    let _ = crate::assessment::sshsig::verify_like_ssh_keygen(
        &f[0],
        &f[1],
        "vigie-assessment",
        &f[2],
        b"message",
        1_800_000_000,
    );
}

/// The fixed key of the archive target (a test key, never a practice's).
const ARCHIVE_TEST_KEY: &str =
    "AGE-SECRET-KEY-149J7FZE07QKJ53EYGUD6Y5JSGCQQK0GEPLEP5023K42KCAKYQEDS4Q8V9T";

/// The archive reader (tar walk, safe paths, manifest, comparison): the input is the tar stream, sealed
/// with age to a fixed key as Vigie's archives are, so that the fuzzer reaches past the encryption.
fn archive(data: &[u8]) {
    use std::str::FromStr as _;
    let Ok(identity) = age::x25519::Identity::from_str(ARCHIVE_TEST_KEY) else {
        return;
    };
    let recipient = identity.to_public();
    let Ok(encryptor) =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
    else {
        return;
    };
    let mut sealed = Vec::new();
    let Ok(mut writer) = encryptor.wrap_output(&mut sealed) else {
        return;
    };
    if writer.write_all(data).is_err() || writer.finish().is_err() {
        return;
    }
    let Ok(key) = crate::archive::PracticeArchiveKey::parse(ARCHIVE_TEST_KEY)
        .and_then(|k| crate::archive::ArchiveKey::practice(&k))
    else {
        return;
    };
    if let Some(file) = TempFile::new(&sealed) {
        let cancel = AtomicBool::new(false);
        let _ = crate::archive::list(file.path(), &key, &cancel);
    }
}

/// An archive's `MANIFEST.json`.
fn archive_manifest(data: &[u8]) {
    let _ = crate::archive::Manifest::parse(data);
}

/// The breach register's export as a verifier reads it: `events.jsonl` NUL `head.txt` NUL a head
/// countersignature statement NUL its signature; the events recomputed, the head read, the events
/// compared with the head, the statement checked.
fn register_export(data: &[u8]) {
    let mut parts = data.splitn(4, |b| *b == 0);
    let events = parts.next().unwrap_or_default();
    let head = parts.next().unwrap_or_default();
    let statement = parts.next().unwrap_or_default();
    let signature = text(parts.next().unwrap_or_default());
    let read = crate::breach::export::read_events(events);
    if let (Ok(read), Some((head, _))) = (&read, crate::breach::chain::parse_head(head)) {
        let _ = crate::breach::export::extends(read, head);
    }
    let _ = crate::assessment::head_statement::check(statement, &signature);
}

/// The imaging server's (Orthanc) configuration.
fn orthanc_config(data: &[u8]) {
    let t = text(data);
    if let Ok(config) = crate::system::orthanc::parse(&t) {
        let _ = crate::system::orthanc::issues(&config);
    }
    let _ = crate::system::orthanc::interpret(&[("orthanc.json".to_owned(), t)]);
}

/// The interpreters of the PC checks' command outputs (recorded or live): each gets a field.
fn pc_check_outputs(data: &[u8]) {
    use crate::system::{
        admin, antivirus, disk_encryption, firewall, os_eol, ports, remote_tools, screen_lock,
    };
    let f = fields(data, 8);
    let _ = admin::from_whoami_groups(&f[0]);
    let _ = admin::from_id(&f[0], &f[1], false);
    let _ = antivirus::product_state(&f[1]);
    let _ = disk_encryption::from_bitlocker_shell(&f[2]);
    let _ = disk_encryption::from_wmi_protection_status(&f[2]);
    let _ = disk_encryption::from_fdesetup(&f[2]);
    let mounts = disk_encryption::Mounts::from_text(&f[3], Path::new("/nonexistent-sys"));
    let _ = disk_encryption::from_linux_mounts(&mounts, Path::new("/home"));
    let _ = firewall::from_socketfilterfw(&f[4]);
    let _ = firewall::from_linux(Some(&f[4]), Some(&f[5]));
    let _ = firewall::from_nft(&f[4]);
    let _ = firewall::from_iptables(&f[4]);
    let facts = os_eol::linux_facts(&f[5]);
    let _ = os_eol::interpret(&facts, jiff::civil::date(2026, 12, 7));
    let listeners = ports::parse_proc_net_tcp(&f[6]);
    let _ = ports::interpret(&listeners);
    let _ = ports::parse_lsof(&f[6]);
    let _ = remote_tools::parse_tasklist(&f[7]);
    let _ = screen_lock::from_gsettings(&f[0], &f[1]);
    let _ = screen_lock::from_macos(&f[0], Some(&f[1]));
    let _ = screen_lock::gnome_session(Some(&f[2]), true, &f[3]);
}

/// The box's answers to UPnP's GetGenericPortMappingEntry (the port mappings), read by igd-next's own
/// client, as the check reads them: igd-next's parsers are private, so the input — the SOAP answer's
/// body — is served to `Gateway::get_generic_port_mapping_entry` by a small HTTP server of this
/// process on 127.0.0.1 (started once, never another address); the entry read is interpreted as the
/// check does.
fn upnp_answers(data: &[u8]) {
    let this_pc = "192.168.1.10".parse().ok();
    if let Some((addr, Ok(e))) = upnp_entry(data) {
        let m = crate::system::upnp::Mapping::of(e, this_pc);
        let _ = m.sensitive();
        let _ = crate::system::upnp::interpret(&addr.to_string(), vec![m], false);
    }
}

/// The entry igd-next reads when the box answers `data` (`None`: no loopback server could start).
fn upnp_entry(
    data: &[u8],
) -> Option<(
    std::net::SocketAddr,
    Result<igd_next::PortMappingEntry, igd_next::GetGenericPortMappingEntryError>,
)> {
    use std::sync::{Arc, Mutex, OnceLock};
    type Served = Option<(std::net::SocketAddr, Arc<Mutex<Vec<u8>>>)>;
    static SERVER: OnceLock<Served> = OnceLock::new();
    let (addr, body) = SERVER.get_or_init(loopback_answer_server).clone()?;
    if let Ok(mut b) = body.lock() {
        data.clone_into(&mut b);
    }
    let gateway = igd_next::Gateway {
        addr,
        root_url: "/rootDesc.xml".to_owned(),
        control_url: "/ctl/IPConn".to_owned(),
        control_schema_url: "/WANIPCn.xml".to_owned(),
        control_schema: std::collections::HashMap::new(),
        service_type: "urn:schemas-upnp-org:service:WANIPConnection:1".to_owned(),
    };
    Some((addr, gateway.get_generic_port_mapping_entry(0)))
}

/// The server of [`upnp_answers`]: on 127.0.0.1, each request read whole (headers, then the body its
/// `Content-Length` announces, at most 64 KiB), answered with the current body as `text/xml`.
fn loopback_answer_server() -> Option<(
    std::net::SocketAddr,
    std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
)> {
    use std::io::Read as _;
    let listener = std::net::TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, 0)).ok()?;
    let addr = listener.local_addr().ok()?;
    let body = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let served = std::sync::Arc::clone(&body);
    std::thread::Builder::new()
        .name("vigie-fuzz-upnp".to_owned())
        .spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(2)));
                let mut request = Vec::new();
                let mut chunk = [0u8; 4096];
                let complete = |r: &[u8]| {
                    let Some(end) = r.windows(4).position(|w| w == b"\r\n\r\n") else {
                        return false;
                    };
                    let head = String::from_utf8_lossy(&r[..end]).to_ascii_lowercase();
                    let length = head
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(0);
                    r.len() >= end + 4 + length
                };
                while !complete(&request) && request.len() < 64 * 1024 {
                    match stream.read(&mut chunk) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => request.extend_from_slice(&chunk[..n]),
                    }
                }
                let answer = served.lock().map(|b| b.clone()).unwrap_or_default();
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    answer.len()
                );
                let _ = stream.write_all(&answer);
            }
        })
        .ok()?;
    Some((addr, body))
}

/// The Internet box's answers: an HTTP answer as received NUL a Freebox body NUL a Bbox body NUL a
/// Livebox body. The HTTP answer goes through the box client's reader (`http::parse_answer`) and, read,
/// to the families' readers of whole answers (status, cookies, JSON); each body goes to every reader
/// of its family (each call's answer), and what they read is assessed as a reading would be.
fn box_answers(data: &[u8]) {
    use crate::system::boxes::{BoxKind, BoxReading, bbox, freebox, http, livebox, risk};
    let mut parts = data.splitn(4, |b| *b == 0);
    let raw = parts.next().unwrap_or_default();
    let free = parts.next().unwrap_or_default();
    let bbox_body = parts.next().unwrap_or_default();
    let live = parts.next().unwrap_or_default();
    if let Ok(answer) = http::parse_answer(raw) {
        let _ = answer.header("content-type");
        let _ = bbox::login_answer(&answer);
        let _ = bbox::nat_rules_answer(&answer);
        let _ = livebox::context_answer(&answer);
        let _ = livebox::call_answer("Firewall.getPortForwarding", &answer);
    }
    let mut reading = BoxReading::new(BoxKind::Freebox, "192.168.1.254");
    reading.model = freebox::identify_answer(free);
    let _ = freebox::api_answer(free);
    let _ = freebox::authorize_answer(free);
    let _ = freebox::authorization_status_answer(free);
    let _ = freebox::challenge_answer(free);
    let _ = freebox::session_answer(free);
    reading.forwards = freebox::redirs_answer(free).unwrap_or_default();
    reading.dmz = freebox::dmz_answer(free).ok();
    reading.services = freebox::incoming_answer(free).unwrap_or_default();
    reading.upnp_enabled = freebox::upnp_config_answer(free).ok().flatten();
    reading
        .forwards
        .extend(freebox::upnp_redirs_answer(free).unwrap_or_default());
    reading.ipv6 = freebox::ipv6_answer(free).ok().flatten();
    let _ = risk::result(&reading, "192.168.1.10".parse().ok());

    let answer = |body: &[u8]| http::Response {
        status: 200,
        headers: Vec::new(),
        body: body.to_vec(),
    };
    let mut reading = BoxReading::new(BoxKind::Bbox, "192.168.1.254");
    reading.model = bbox::device_answer(bbox_body);
    let r = answer(bbox_body);
    reading.forwards = bbox::nat_rules_answer(&r).unwrap_or_default();
    reading.dmz = bbox::dmz_answer(&r).ok();
    if let Ok(v) = bbox::json_answer("/api/v1/upnp/igd", &r) {
        reading.upnp_enabled = bbox::upnp_igd(&v);
        reading.forwards.extend(bbox::upnp_rules(&v));
        reading.ipv4_firewall = bbox::firewall(&v);
        reading.services.extend(bbox::remote_admin(&v));
    }
    let _ = risk::result(&reading, "192.168.1.10".parse().ok());

    let mut reading = BoxReading::new(BoxKind::Livebox, "192.168.1.1");
    reading.model = livebox::device_info_answer(live);
    let r = answer(live);
    let _ = livebox::context_answer(&r);
    if let Ok(status) = livebox::call_answer("Firewall.getPortForwarding", &r) {
        reading.forwards = livebox::port_forwarding(&status);
        reading.dmz = Some(livebox::dmz_status(&status));
        reading.pinholes = livebox::pinhole_status(&status);
        reading.ipv6 = livebox::level_status(&status);
        reading.services.push(livebox::remote_status(&status));
    }
    let _ = risk::result(&reading, "192.168.1.10".parse().ok());
}

/// The imaging-server knock's answers: an HTTP answer to `GET /system` NUL one to `GET /patients` NUL
/// the DICOM server's bytes as on the wire (the rest of the input, NULs included): its answer to the
/// association, then its answer to the C-ECHO, each read by dicom-ul's PDU reader as the knock's
/// association reads them (strict, at its default largest PDU), the second one interpreted.
fn knock_answer(data: &[u8]) {
    use crate::system::probe;
    use dicom_ul::pdu::DEFAULT_MAX_PDU;
    let mut parts = data.splitn(3, |b| *b == 0);
    let system = parts.next().unwrap_or_default();
    let patients = parts.next().unwrap_or_default();
    let mut wire = parts.next().unwrap_or_default();
    if let Ok((_, body)) = probe::parse_http_answer(system) {
        let _ = probe::is_orthanc_system(&body);
    }
    if let Ok((_, body)) = probe::parse_http_answer(patients) {
        let _ = probe::patients_count(&body);
    }
    if !matches!(
        dicom_ul::read_pdu(&mut wire, DEFAULT_MAX_PDU, true),
        Ok(Some(_))
    ) {
        return;
    }
    let _ = match dicom_ul::read_pdu(&mut wire, DEFAULT_MAX_PDU, true) {
        Ok(Some(pdu)) => probe::echo_outcome(Ok(&pdu)),
        Ok(None) => probe::echo_outcome(Err("no PDU".to_owned())),
        Err(e) => probe::echo_outcome(Err(e.to_string())),
    };
    let _ = probe::command_status(wire);
}

#[cfg(test)]
mod tests {
    /// The UPnP target reaches igd-next's parser: the kept seeds, served on 127.0.0.1, read as the
    /// mapping they hold and as the end of the list.
    #[test]
    fn the_upnp_target_serves_its_input_to_igd_next() {
        let seed = |name: &str| {
            std::fs::read(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("fuzz/corpus/upnp_answers")
                    .join(name),
            )
            .expect("seed")
        };
        let (addr, entry) = super::upnp_entry(&seed("seed-orthanc-mapping")).expect("served");
        assert!(addr.ip().is_loopback());
        let e = entry.expect("a mapping");
        assert_eq!((e.external_port, e.internal_port), (8042, 8042));
        assert_eq!(e.internal_client, "192.168.1.10");
        let (_, end) = super::upnp_entry(&seed("seed-end-of-list-713")).expect("served");
        assert!(matches!(
            end,
            Err(igd_next::GetGenericPortMappingEntryError::SpecifiedArrayIndexInvalid)
        ));
        let (_, garbage) = super::upnp_entry(&seed("seed-not-xml")).expect("served");
        assert!(garbage.is_err());
    }
}
