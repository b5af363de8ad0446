//! The PC checks: each interpreter on recorded outputs of Windows, macOS and Linux (tests/data/system/),
//! on every platform; the live readers that need no network; the knock and the UPnP listing against
//! servers on 127.0.0.1 only (see system_probe below).

use std::path::{Path, PathBuf};

use jiff::civil::date;
use vigie::system::ports::{self, Listener};
use vigie::system::{
    Finding, Status, admin, antivirus, cloud_sync, disk_encryption, firewall, orthanc, os_eol,
    remote_desktop, remote_tools, screen_lock,
};

fn data(rel: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/system")
        .join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn disk_encryption_bitlocker_fdesetup() {
    assert_eq!(
        disk_encryption::from_bitlocker_shell("1\r\n").status,
        Status::Pass
    );
    assert_eq!(
        disk_encryption::from_bitlocker_shell("2\r\n").status,
        Status::Fail
    );
    assert_eq!(
        disk_encryption::from_bitlocker_shell("5").status,
        Status::Unknown,
        "an uncertain value is unknown, never off"
    );
    assert_eq!(
        disk_encryption::from_fdesetup(&data("macos/fdesetup_on.txt")).finding,
        Finding::DiskEncrypted {
            method: "FileVault".to_owned()
        }
    );
    assert_eq!(
        disk_encryption::from_fdesetup(&data("macos/fdesetup_off.txt")).status,
        Status::Fail
    );
    assert_eq!(
        disk_encryption::from_fdesetup(&data("macos/fdesetup_in_progress.txt")).status,
        Status::Warning
    );
    assert_eq!(
        disk_encryption::from_fdesetup("fdesetup: command not found").status,
        Status::Unknown
    );
}

/// A fake sysfs: 253:1 is LVM (dm-1) on dm-0, which is LUKS (CRYPT-…) on sda3; 8:2 is a plain
/// partition; 8:17 a USB stick.
fn fake_sysfs(root: &Path) {
    let block = root.join("dev/block");
    let dm0 = root.join("devices/virtual/block/dm-0");
    let dm1 = root.join("devices/virtual/block/dm-1");
    let sda3 = root.join("devices/pci/block/sda/sda3");
    for d in [
        &dm0.join("dm"),
        &dm1.join("dm"),
        &dm0.join("slaves"),
        &dm1.join("slaves"),
        &sda3,
    ] {
        std::fs::create_dir_all(d).expect("mkdir");
    }
    std::fs::write(
        dm0.join("dm/uuid"),
        "CRYPT-LUKS2-0f3c9a1d2b3c4d5e6f708192a3b4c5d6-luks\n",
    )
    .expect("uuid");
    std::fs::write(
        dm1.join("dm/uuid"),
        "LVM-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789\n",
    )
    .expect("uuid");
    // slaves/ entries as directories standing for the links.
    std::fs::create_dir_all(dm1.join("slaves/dm-0/dm")).expect("mkdir");
    std::fs::write(
        dm1.join("slaves/dm-0/dm/uuid"),
        "CRYPT-LUKS2-0f3c9a1d2b3c4d5e6f708192a3b4c5d6-luks\n",
    )
    .expect("uuid");
    std::fs::create_dir_all(&block).expect("mkdir");
    let link = |name: &str, to: &Path| {
        #[cfg(unix)]
        std::os::unix::fs::symlink(to, block.join(name)).expect("link");
        #[cfg(not(unix))]
        {
            let _ = to;
            std::fs::create_dir_all(block.join(name)).expect("dir");
        }
    };
    link("253:1", &dm1);
    link("253:0", &dm0);
    link("8:2", &sda3);
    std::fs::create_dir_all(root.join("devices/usb/sdb1")).expect("mkdir");
    link("8:17", &root.join("devices/usb/sdb1"));
}

#[test]
fn disk_encryption_luks_from_a_fake_sysfs() {
    let dir = tempfile::tempdir().expect("tmp");
    fake_sysfs(dir.path());
    let mounts = disk_encryption::Mounts::from_text(&data("linux/mountinfo_luks.txt"), dir.path());
    let (v, e) = disk_encryption::from_linux_mounts(&mounts, Path::new("/home/dr"));
    if cfg!(unix) {
        assert_eq!(v.status, Status::Pass, "LVM on LUKS: {e:?}");
    }
    assert!(e.value.contains("253:1"), "{e:?}");
    let (v, _) = disk_encryption::from_linux_mounts(&mounts, Path::new("/boot/grub"));
    assert_eq!(v.status, Status::Fail, "a plain partition");
    assert_eq!(
        mounts.volume_encrypted(Path::new("/tmp/x")),
        None,
        "tmpfs: unknown"
    );
    assert_eq!(
        mounts.volume_encrypted(Path::new("/media/dr/CLE USB/a.dcm")),
        Some(false),
        "the mount point's \\040 is a space"
    );
}

#[test]
fn firewall_on_each_platform() {
    let on = [
        ("domain", Some(1)),
        ("private", Some(1)),
        ("public", Some(1)),
    ];
    assert_eq!(firewall::from_windows(&on, &[]).status, Status::Pass);
    let off = [
        ("domain", Some(1)),
        ("private", Some(1)),
        ("public", Some(0)),
    ];
    let v = firewall::from_windows(&off, &[]);
    assert_eq!(v.status, Status::Fail);
    assert!(matches!(&v.finding, Finding::FirewallOff { name } if name.contains("public")));
    assert_eq!(
        firewall::from_windows(&off, &["ESET Firewall".to_owned()]).status,
        Status::Pass,
        "a third-party firewall registered in Security Center"
    );
    assert_eq!(
        firewall::from_windows(&[("domain", None)], &[]).status,
        Status::Unknown
    );
    assert_eq!(
        firewall::from_socketfilterfw(&data("macos/socketfilterfw_on.txt")).status,
        Status::Pass
    );
    assert_eq!(
        firewall::from_socketfilterfw(&data("macos/socketfilterfw_off.txt")).status,
        Status::Fail
    );
    assert_eq!(
        firewall::from_linux(Some(&data("linux/ufw.conf")), None).status,
        Status::Pass
    );
    assert_eq!(
        firewall::from_linux(Some(&data("linux/ufw-disabled.conf")), None).status,
        Status::Warning,
        "ufw off, other rules unreadable without admin: a warning"
    );
    assert_eq!(
        firewall::from_linux(None, Some("running\n")).status,
        Status::Pass
    );
    assert_eq!(
        firewall::from_nft("table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n\t}\n}\n").status,
        Status::Pass
    );
    assert_eq!(
        firewall::from_nft("").status,
        Status::Fail,
        "an empty ruleset"
    );
    assert_eq!(
        firewall::from_iptables("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n").status,
        Status::Fail
    );
    assert_eq!(
        firewall::from_iptables("-P INPUT DROP\n-P FORWARD DROP\n-P OUTPUT ACCEPT\n").status,
        Status::Pass
    );
    let v = firewall::from_linux(None, None);
    assert_eq!(
        v.finding,
        Finding::Unknown {
            reason: vigie::system::Reason::NeedsAdmin
        }
    );
}

#[test]
fn antivirus_from_security_center() {
    let p = |n: &str, s: &str| (n.to_owned(), s.to_owned());
    assert_eq!(
        antivirus::from_security_center(&[p("Windows Defender", "397568")]).status,
        Status::Pass
    );
    assert_eq!(
        antivirus::from_security_center(&[p("Windows Defender", "393472"), p("Avast", "397584")])
            .status,
        Status::Fail,
        "one off, one out of date"
    );
    assert_eq!(antivirus::from_security_center(&[]).status, Status::Fail);
}

#[test]
fn os_end_of_life_around_the_boundaries() {
    let win = |build, v: &str, e: &str| os_eol::OsFacts::Windows {
        build,
        display_version: v.to_owned(),
        edition: e.to_owned(),
    };
    // ProductName says "Windows 10 Pro" on Windows 11: the build decides.
    let w11 = win(22631, "23H2", "Professional");
    assert_eq!(
        os_eol::interpret(&w11, date(2025, 11, 11)).status,
        Status::Warning
    );
    assert_eq!(
        os_eol::interpret(&w11, date(2025, 11, 12)).status,
        Status::Fail
    );
    assert!(matches!(
        os_eol::interpret(&w11, date(2025, 11, 12)).finding,
        Finding::OsUnsupported { name, .. } if name.starts_with("Windows 11")
    ));
    let w11_25 = win(26200, "25H2", "Core");
    assert_eq!(
        os_eol::interpret(&w11_25, date(2026, 12, 1)).status,
        Status::Pass
    );
    assert_eq!(
        os_eol::interpret(&w11_25, date(2027, 4, 16)).status,
        Status::Warning
    );
    assert_eq!(
        os_eol::interpret(&win(19045, "22H2", "Professional"), date(2025, 10, 14)).status,
        Status::Warning,
        "the last day is still supported"
    );
    assert_eq!(
        os_eol::interpret(&win(19045, "22H2", "Professional"), date(2025, 10, 15)).status,
        Status::Fail
    );
    assert_eq!(
        os_eol::interpret(&win(9600, "", ""), date(2026, 1, 1)).status,
        Status::Fail
    );
    let ubuntu = os_eol::linux_facts(&data("linux/os-release-ubuntu-2404.txt"));
    assert_eq!(
        os_eol::interpret(&ubuntu, date(2026, 12, 1)).status,
        Status::Pass
    );
    let focal = os_eol::linux_facts(&data("linux/os-release-ubuntu-2004.txt"));
    assert_eq!(
        os_eol::interpret(&focal, date(2025, 5, 31)).status,
        Status::Warning
    );
    assert_eq!(
        os_eol::interpret(&focal, date(2025, 6, 1)).status,
        Status::Fail
    );
    let debian = os_eol::linux_facts(&data("linux/os-release-debian-12.txt"));
    assert_eq!(
        os_eol::interpret(&debian, date(2026, 12, 1)).status,
        Status::Pass
    );
    let unknown = os_eol::OsFacts::Linux {
        id: "gentoo".to_owned(),
        version_id: "2.17".to_owned(),
        pretty: "Gentoo".to_owned(),
    };
    assert_eq!(
        os_eol::interpret(&unknown, date(2026, 12, 1)).status,
        Status::Unknown
    );
    let mac = |v: &str| os_eol::OsFacts::MacOs {
        version: v.to_owned(),
    };
    assert_eq!(
        os_eol::interpret(&mac("15.3.1"), date(2026, 12, 1)).status,
        Status::Pass
    );
    assert_eq!(
        os_eol::interpret(&mac("13.6"), date(2026, 12, 1)).status,
        Status::Fail
    );
    assert_eq!(
        os_eol::interpret(&mac("11.7"), date(2026, 12, 1)).status,
        Status::Fail
    );
}

#[test]
fn screen_lock_on_each_platform() {
    assert!(matches!(
        screen_lock::from_windows(Some(600), None, None, None).finding,
        Finding::ScreenLockOk { minutes: 10 }
    ));
    assert_eq!(
        screen_lock::from_windows(None, Some(1), Some(1), Some(1800)).status,
        Status::Warning,
        "30 minutes"
    );
    assert_eq!(
        screen_lock::from_windows(None, Some(1), Some(0), Some(300)).status,
        Status::Fail,
        "a screen saver without password"
    );
    assert_eq!(
        screen_lock::from_windows(None, None, None, None).status,
        Status::Warning,
        "nothing readable: not presented as off"
    );
    assert_eq!(
        screen_lock::from_gsettings("uint32 300\n", "true\n").status,
        Status::Pass
    );
    assert_eq!(
        screen_lock::from_gsettings("uint32 0\n", "true\n").status,
        Status::Fail,
        "never idle"
    );
    assert_eq!(
        screen_lock::from_gsettings("uint32 300\n", "false\n").status,
        Status::Fail
    );
    // GNOME's values count only from a running GNOME session: without one, gsettings answers
    // GNOME's defaults (the "memory" backend), which say nothing of this user's lock.
    assert!(screen_lock::gnome_session(Some("ubuntu:GNOME"), true, ""));
    assert!(!screen_lock::gnome_session(None, true, ""), "no desktop");
    assert!(
        !screen_lock::gnome_session(Some("KDE"), true, ""),
        "another desktop"
    );
    assert!(
        !screen_lock::gnome_session(Some("GNOME"), false, ""),
        "no session bus"
    );
    assert!(!screen_lock::gnome_session(
        Some("GNOME"),
        true,
        "GLib-GIO-Message: Using the 'memory' GSettings backend."
    ));
    assert_eq!(
        screen_lock::from_macos(&data("macos/sysadminctl_screenlock_300.txt"), Some("300")).status,
        Status::Pass
    );
    assert_eq!(
        screen_lock::from_macos(&data("macos/sysadminctl_screenlock_off.txt"), Some("300")).status,
        Status::Fail
    );
}

#[test]
fn admin_by_sid_not_by_name() {
    assert_eq!(
        admin::from_whoami_groups(&data("windows/whoami_groups_admin_fr.csv")).finding,
        Finding::DailyAdmin,
        "found by S-1-5-32-544 on a French system"
    );
    assert_eq!(
        admin::from_whoami_groups(&data("windows/whoami_groups_standard_fr.csv")).status,
        Status::Pass
    );
    assert_eq!(admin::from_id("0\n", "root\n", false).status, Status::Fail);
    assert_eq!(
        admin::from_id("1000\n", "dr adm sudo\n", false).status,
        Status::Warning
    );
    assert_eq!(
        admin::from_id("501\n", "staff admin\n", true).status,
        Status::Fail
    );
    assert_eq!(admin::from_id("1000\n", "dr\n", false).status, Status::Pass);
}

#[test]
fn listening_ports_from_proc_and_lsof() {
    let mut l = ports::parse_proc_net_tcp(&data("linux/proc_net_tcp.txt"));
    l.extend(ports::parse_proc_net_tcp(&data("linux/proc_net_tcp6.txt")));
    let shown: Vec<String> = l
        .iter()
        .map(|l| format!("{}:{}", l.address, l.port))
        .collect();
    assert_eq!(
        shown,
        [
            "127.0.0.1:631",
            "0.0.0.0:11112",
            "0.0.0.0:22",
            "192.168.1.20:8042",
            "::1:631",
            ":::4242"
        ],
        "established connections left out"
    );
    let v = ports::interpret(&l);
    assert_eq!(v.status, Status::Fail);
    let Finding::ExposedPorts { sensitive, other } = v.finding else {
        panic!("exposed");
    };
    let ports_of = |v: &[Listener]| v.iter().map(|l| l.port).collect::<Vec<_>>();
    assert_eq!(ports_of(&sensitive), [4242, 8042, 11112]);
    assert_eq!(ports_of(&other), [22]);
    let mac = ports::parse_lsof(&data("macos/lsof_listen.txt"));
    let v = ports::interpret(&mac);
    let Finding::ExposedPorts { sensitive, .. } = v.finding else {
        panic!("exposed");
    };
    assert_eq!(ports_of(&sensitive), [11112]);
    assert_eq!(sensitive[0].process.as_deref(), Some("Horos"));
    assert_eq!(ports::interpret(&[]).status, Status::Pass);
}

/// A listener on 0.0.0.0:0 is flagged; one on 127.0.0.1:0 is not (read from this system).
#[test]
fn a_live_listener_on_every_address_is_flagged_and_loopback_is_not() {
    let open = std::net::TcpListener::bind("0.0.0.0:0").expect("bind");
    let local = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let (open_port, local_port) = (
        open.local_addr().expect("addr").port(),
        local.local_addr().expect("addr").port(),
    );
    let r = ports::read();
    let listed: Vec<Listener> = match r.finding {
        Finding::ExposedPorts { sensitive, other } => sensitive.into_iter().chain(other).collect(),
        Finding::NoExposedPorts => Vec::new(),
        // Under Wine the IP Helper tables may be missing: unknown is allowed there, never on Linux.
        Finding::Unknown { .. } if !cfg!(target_os = "linux") => return,
        other => panic!("{other:?}"),
    };
    // Wine's socket tables are its own emulation (they list the host's sockets, not always this
    // process's new one): there, only "not wrongly flagged" is checked. CI's Wine run exports WINEPREFIX.
    let under_wine = cfg!(windows) && std::env::var_os("WINEPREFIX").is_some();
    assert!(
        under_wine || listed.iter().any(|l| l.port == open_port),
        "{open_port} flagged"
    );
    assert!(
        !listed.iter().any(|l| l.port == local_port),
        "{local_port} not flagged"
    );
}

#[test]
fn remote_desktop_setting_and_ports() {
    let l = |p| Listener {
        address: "0.0.0.0".to_owned(),
        port: p,
        process: None,
    };
    assert_eq!(
        remote_desktop::interpret(Some(0), Some(&[])).status,
        Status::Fail
    );
    assert_eq!(
        remote_desktop::interpret(Some(1), Some(&[])).status,
        Status::Pass
    );
    assert!(matches!(
        remote_desktop::interpret(None, Some(&[l(5900), l(22)])).finding,
        Finding::RemoteDesktopOn { ports } if ports == [5900]
    ));
    assert_eq!(
        remote_desktop::interpret(None, None).status,
        Status::Unknown
    );
}

#[test]
fn orthanc_configurations_with_comments() {
    let read = |name: &str| vec![(name.to_owned(), data(&format!("orthanc/{name}")))];
    let (v, e) = orthanc::interpret(&read("orthanc-sample.json"));
    assert_eq!(
        v.status,
        Status::Warning,
        "the sample: local only, but DICOM checks off"
    );
    assert!(e[0].value.contains("RemoteAccessAllowed: false"), "{e:?}");
    let (v, e) = orthanc::interpret(&read("orthanc-risky.json"));
    assert_eq!(v.status, Status::Fail);
    assert!(
        !e[0].value.contains("alicePassword"),
        "passwords never shown"
    );
    let Finding::OrthancRisky { issues } = v.finding else {
        panic!("risky");
    };
    use orthanc::Issue;
    assert_eq!(issues[0], Issue::RemoteWithoutPassword);
    assert!(issues.contains(&Issue::DefaultAccount {
        user: "alice".to_owned()
    }));
    assert!(issues.contains(&Issue::DicomAlwaysAllow {
        settings: vec![
            "DicomAlwaysAllowFind".to_owned(),
            "DicomAlwaysAllowGet".to_owned()
        ]
    }));
    assert!(issues.contains(&Issue::RemoteWithoutHttps));
    assert!(issues.contains(&Issue::ModalityHostNotChecked));
    let (v, _) = orthanc::interpret(&read("orthanc-safe.json"));
    assert_eq!(v.finding, Finding::OrthancOk);
    // Authentication defaults to RemoteAccessAllowed (Orthanc ≥ 1.5.8).
    let remote =
        r#"{ "RemoteAccessAllowed": true, /* no AuthenticationEnabled */ "SslEnabled": true }"#;
    let issues = orthanc::issues(&orthanc::parse(remote).expect("parse"));
    assert!(
        !issues.contains(&Issue::RemoteWithoutPassword),
        "{issues:?}"
    );
    let (v, _) = orthanc::interpret(&[("bad.json".to_owned(), "{ not json".to_owned())]);
    assert_eq!(v.status, Status::Unknown);
    let (v, _) = orthanc::interpret(&[]);
    assert_eq!(v.finding, Finding::OrthancAbsent);
    // A folder of files: later ones override earlier keys, as Orthanc does.
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("1-orthanc.json"),
        data("orthanc/orthanc-risky.json"),
    )
    .expect("w");
    std::fs::write(
        dir.path().join("2-override.json"),
        r#"{ "AuthenticationEnabled": true, "RegisteredUsers": { "drmartin": "Xk2-long-secret" } }"#,
    )
    .expect("w");
    let r = orthanc::read(Some(dir.path()));
    let Finding::OrthancRisky { issues } = r.finding else {
        panic!("risky");
    };
    assert!(
        !issues.contains(&Issue::RemoteWithoutPassword),
        "{issues:?}"
    );
    assert!(
        !issues
            .iter()
            .any(|i| matches!(i, Issue::DefaultAccount { .. })),
        "{issues:?}"
    );
}

/// A FIFO among Orthanc's configuration files (or a huge file) is skipped, not waited on: the check
/// reads through the bounded, non-blocking helper (`vigie::fs::read_bounded`) and still reads the rest.
#[cfg(unix)]
#[test]
fn orthanc_configuration_skips_a_fifo_and_a_huge_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let fifo = dir.path().join("0-tube.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this system
    }
    let huge = std::fs::File::create(dir.path().join("1-huge.json")).expect("huge");
    huge.set_len(vigie::fs::MAX_TEXT_FILE_BYTES + 1)
        .expect("sparse");
    std::fs::write(
        dir.path().join("2-orthanc.json"),
        data("orthanc/orthanc-risky.json"),
    )
    .expect("w");
    let (tx, rx) = std::sync::mpsc::channel();
    let path = dir.path().to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(orthanc::read(Some(&path)));
    });
    let r = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the check ends instead of waiting on the FIFO");
    assert!(
        matches!(r.finding, Finding::OrthancRisky { .. }),
        "{:?}",
        r.finding
    );
}

#[test]
fn remote_tools_and_cloud_folders() {
    let names = remote_tools::parse_tasklist(&data("windows/tasklist.csv"));
    assert_eq!(
        remote_tools::interpret(&names).finding,
        Finding::RemoteTools {
            names: vec!["AnyDesk".to_owned(), "TeamViewer".to_owned()]
        }
    );
    assert_eq!(
        remote_tools::interpret(&["bash".to_owned(), "Xorg".to_owned()]).status,
        Status::Pass
    );
    let home = tempfile::tempdir().expect("tmp");
    for d in ["OneDrive - Cabinet Martin", "Documents", "Dropbox"] {
        std::fs::create_dir(home.path().join(d)).expect("mkdir");
    }
    let found = cloud_sync::folder_names(home.path());
    assert_eq!(
        cloud_sync::interpret(&found).finding,
        Finding::CloudFolders {
            services: vec!["Dropbox".to_owned(), "OneDrive".to_owned()]
        }
    );
    let empty: Vec<String> = Vec::new();
    assert_eq!(cloud_sync::interpret(&empty).status, Status::Pass);
}

/// Every check runs on this PC and says something: a result per check of the catalog, dated, and
/// each unknown with a reason; the network checks not run unless asked.
#[test]
fn a_run_of_every_check_on_this_pc() {
    let calls = std::sync::Mutex::new(0usize);
    let r = vigie::system::run_all(&vigie::system::RunOptions::default(), &|_, _, _| {
        if let Ok(mut n) = calls.lock() {
            *n += 1;
        }
    });
    assert_eq!(r.results.len(), vigie::system::CATALOG.len());
    assert!(
        *calls.lock().expect("lock") > r.results.len(),
        "progress each step"
    );
    for id in [
        vigie::system::CheckId::ImagingExposure,
        vigie::system::CheckId::BoxMappings,
    ] {
        assert_eq!(
            r.result(id).map(|r| &r.finding),
            Some(&Finding::Unknown {
                reason: vigie::system::Reason::NotRequested
            })
        );
    }
    let _ = PathBuf::new();
}

// ---- The knock, on 127.0.0.1 only ---------------------------------------------------------------

mod knock {
    use std::io::{Read as _, Write as _};
    use std::net::{IpAddr, Ipv4Addr, TcpListener, TcpStream};
    use std::process::{Child, Command, Stdio};
    use std::time::{Duration, Instant};

    use vigie::system::probe::{self, Outcome, ProbeOptions, Protocol};
    use vigie::system::{Finding, Status};

    const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

    fn free_port() -> u16 {
        TcpListener::bind("127.0.0.1:0")
            .expect("bind")
            .local_addr()
            .expect("addr")
            .port()
    }

    /// A child process killed when dropped.
    struct Peer(Child);
    impl Drop for Peer {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    /// Starts dcmtk's storescp on 127.0.0.1 and waits until it accepts connections; `None` when dcmtk is
    /// not installed (the test then says so and checks nothing it cannot).
    fn storescp(extra: &[&str]) -> Option<(Peer, u16)> {
        let port = free_port();
        let dir = std::env::temp_dir();
        let child = Command::new("storescp")
            .args(extra)
            .args(["--output-directory", &dir.to_string_lossy()])
            .arg(port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let peer = Peer(child);
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "storescp did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Some((peer, port))
    }

    fn knock(port: u16, protocol: Protocol) -> probe::Answer {
        let r = probe::run(
            &ProbeOptions {
                address: Some(LOOPBACK),
                ports: Some(vec![(port, protocol)]),
                timeout: Duration::from_secs(5),
            },
            None,
        );
        let Finding::Probe { address, answers } = r.finding else {
            panic!("{:?}", r.finding);
        };
        assert_eq!(address, "127.0.0.1", "the address knocked on");
        answers.into_iter().next().expect("one answer")
    }

    #[test]
    fn storescp_accepts_anyone_and_a_refusing_one_refuses() {
        let Some((_peer, port)) = storescp(&[]) else {
            // dcmtk is installed on the Linux machines that build Vigie (CI included); not under Wine.
            #[cfg(target_os = "linux")]
            panic!("dcmtk's storescp is needed for this test (apt-get install dcmtk)");
            #[cfg(not(target_os = "linux"))]
            return;
        };
        let a = knock(port, Protocol::Dicom);
        assert_eq!(a.outcome, Outcome::AcceptsAnyone, "{}", a.detail);
        let Some((_refusing, port)) = storescp(&["--refuse"]) else {
            return;
        };
        let a = knock(port, Protocol::Dicom);
        assert_eq!(a.outcome, Outcome::RefusesUnknownCallers, "{}", a.detail);
        assert!(a.detail.contains("A-ASSOCIATE-RJ"), "{}", a.detail);
    }

    #[test]
    fn a_closed_port_is_closed() {
        let port = free_port();
        assert_eq!(knock(port, Protocol::Dicom).outcome, Outcome::Closed);
        assert_eq!(knock(port, Protocol::Http).outcome, Outcome::Closed);
    }

    /// A server on 127.0.0.1 that answers every connection with `answer`, one byte every 300 ms (each
    /// read of the knock gets a byte well within its timeout), for at most 30 s, then stops by itself.
    fn drip_server(answer: &'static [u8]) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(8).flatten() {
                std::thread::spawn(move || {
                    let mut stream = stream;
                    let mut request = [0u8; 4096];
                    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
                    let _ = stream.read(&mut request);
                    for byte in answer.iter().cycle().take(100) {
                        if stream.write_all(&[*byte]).is_err() {
                            return;
                        }
                        std::thread::sleep(Duration::from_millis(300));
                    }
                });
            }
        });
        port
    }

    #[test]
    fn a_server_answering_a_byte_at_a_time_cannot_hold_the_knock_beyond_its_bound() {
        // An HTTP answer, and the start of an A-ASSOCIATE-AC claiming a long PDU.
        let cases: [(&[u8], Protocol); 2] = [
            (
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"DicomAet\":1}",
                Protocol::Http,
            ),
            (b"\x02\x00\x00\x00\x40\x00\x00\x01", Protocol::Dicom),
        ];
        let timeout = Duration::from_secs(1);
        for (answer, protocol) in cases {
            let port = drip_server(answer);
            let start = Instant::now();
            let r = probe::run(
                &ProbeOptions {
                    address: Some(LOOPBACK),
                    ports: Some(vec![(port, protocol)]),
                    timeout,
                },
                None,
            );
            let took = start.elapsed();
            assert!(
                took < probe::knock_bound(timeout) + Duration::from_millis(1500),
                "{protocol:?}: the knock took {took:?}"
            );
            let Finding::Probe { answers, .. } = r.finding else {
                panic!("{:?}", r.finding);
            };
            assert_eq!(
                answers[0].outcome,
                Outcome::NoAnswer,
                "{}",
                answers[0].detail
            );
            assert_ne!(r.status, Status::Pass, "never safe");
        }
    }

    /// A hostile peer on 127.0.0.1: for each of at most 8 connections (for at most 30 s), reads the
    /// request briefly, then plays `behaviour` on the stream; stops by itself.
    fn hostile_server(behaviour: fn(&mut TcpStream)) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let _ = listener.set_nonblocking(true);
        std::thread::spawn(move || {
            let start = Instant::now();
            let mut served = 0;
            while served < 8 && start.elapsed() < Duration::from_secs(30) {
                let Ok((stream, _)) = listener.accept() else {
                    std::thread::sleep(Duration::from_millis(20));
                    continue;
                };
                served += 1;
                std::thread::spawn(move || {
                    let mut stream = stream;
                    let _ = stream.set_nonblocking(false);
                    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
                    let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
                    let mut request = [0u8; 4096];
                    let _ = stream.read(&mut request);
                    behaviour(&mut stream);
                });
            }
        });
        port
    }

    /// Accepts, reads, never answers (holds the connection for 20 s).
    fn silent(_: &mut TcpStream) {
        std::thread::sleep(Duration::from_secs(20));
    }

    /// Writes `head`, then zeros as fast as the client takes them, up to `total` bytes (streamed in
    /// 64 KiB chunks: nothing of that size is ever allocated here), until the client goes away.
    fn stream_out(stream: &mut TcpStream, head: &[u8], total: u64) {
        if stream.write_all(head).is_err() {
            return;
        }
        let chunk = vec![0u8; 64 * 1024];
        let mut sent = 0u64;
        while sent < total {
            if stream.write_all(&chunk).is_err() {
                return;
            }
            sent += chunk.len() as u64;
        }
    }

    /// The peak resident memory of this process, in KiB (Linux; `None` elsewhere).
    fn peak_rss_kib() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    /// Knocks on a hostile peer: returns the answer and checks the bounds every hostile answer must
    /// keep: the whole knock within its bound, the peak memory of the process grown by less than
    /// 256 MiB (the tests beside it included), never "pass".
    fn knock_hostile(port: u16, protocol: Protocol) -> probe::Answer {
        let timeout = Duration::from_secs(1);
        let before = peak_rss_kib();
        let start = Instant::now();
        let r = probe::run(
            &ProbeOptions {
                address: Some(LOOPBACK),
                ports: Some(vec![(port, protocol)]),
                timeout,
            },
            None,
        );
        let took = start.elapsed();
        assert!(
            took < probe::knock_bound(timeout) + Duration::from_millis(1500),
            "{protocol:?}: the knock took {took:?}"
        );
        if let (Some(before), Some(after)) = (before, peak_rss_kib()) {
            assert!(
                after.saturating_sub(before) < 256 * 1024,
                "{protocol:?}: peak memory grew from {before} to {after} KiB"
            );
        }
        assert_ne!(r.status, Status::Pass, "never safe: {:?}", r.evidence);
        let Finding::Probe { answers, .. } = r.finding else {
            panic!("{:?}", r.finding);
        };
        answers.into_iter().next().expect("one answer")
    }

    #[test]
    fn a_peer_that_accepts_and_never_answers_is_unknown_within_the_bound() {
        for protocol in [Protocol::Dicom, Protocol::Http] {
            let a = knock_hostile(hostile_server(silent), protocol);
            assert_eq!(a.outcome, Outcome::NoAnswer, "{protocol:?}: {}", a.detail);
            assert!(!a.detail.is_empty(), "the reason is given");
        }
    }

    /// The knock's answers are read by pure functions (the fuzz target `knock_answer` drives them):
    /// the kept seeds, an association accepted then a C-ECHO-RSP of status 0, read as the knock reads
    /// them, say "accepts anyone"; a refused echo, an abort and no PDU say less.
    #[test]
    fn the_knock_answers_are_read_from_their_bytes_alone() {
        use dicom_ul::pdu::{DEFAULT_MAX_PDU, Pdu};
        let seed = |name: &str| {
            std::fs::read(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("fuzz/corpus/knock_answer")
                    .join(name),
            )
            .expect("seed")
        };
        let accepts = seed("seed-accepts-anyone");
        let mut fields = accepts.splitn(3, |b| *b == 0);
        let system = fields.next().expect("system");
        let patients = fields.next().expect("patients");
        let mut wire = fields.next().expect("the DICOM answers");
        assert!(
            matches!(
                dicom_ul::read_pdu(&mut wire, DEFAULT_MAX_PDU, true),
                Ok(Some(Pdu::AssociationAC(_)))
            ),
            "the association accepted"
        );
        let pdu = dicom_ul::read_pdu(&mut wire, DEFAULT_MAX_PDU, true)
            .expect("read")
            .expect("a PDU");
        assert_eq!(
            probe::echo_outcome(Ok(&pdu)).0,
            Outcome::AcceptsAnyone,
            "status 0"
        );
        assert_eq!(
            probe::echo_outcome(Err("closed".to_owned())).0,
            Outcome::AssociationAccepted,
            "no answer to the echo"
        );
        let (code, body) = probe::parse_http_answer(system).expect("http");
        assert_eq!(code, 200, "the status");
        assert!(probe::is_orthanc_system(&body), "Orthanc's /system");
        let (_, body) = probe::parse_http_answer(patients).expect("http");
        assert_eq!(probe::patients_count(&body), Some(3), "three patients");
        assert!(probe::parse_http_answer(b"SSH-2.0-x").is_err(), "not HTTP");
        assert!(
            dicom_ul::read_pdu(&b"\x02\x00\xff\xff\xff\xff"[..], DEFAULT_MAX_PDU, true).is_err(),
            "a 4 GiB association answer is refused, never allocated"
        );
    }

    #[test]
    fn a_dicom_association_answered_with_garbage_or_a_4_gb_pdu_is_unknown() {
        fn garbage(stream: &mut TcpStream) {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\n\r\n\x00\xff\x13garbage\x07\x02\x00");
            std::thread::sleep(Duration::from_secs(3));
        }
        // An A-ASSOCIATE-AC header announcing a PDU of 4 GiB - 1, then zeros as fast as they are read.
        fn huge_pdu(stream: &mut TcpStream) {
            stream_out(stream, b"\x02\x00\xff\xff\xff\xff", 4 << 30);
        }
        // A PDU type that does not exist, with a 4 GiB length.
        fn unknown_pdu(stream: &mut TcpStream) {
            stream_out(stream, b"\x7f\x00\xff\xff\xff\xff", 4 << 30);
        }
        for behaviour in [garbage as fn(&mut TcpStream), huge_pdu, unknown_pdu] {
            let a = knock_hostile(hostile_server(behaviour), Protocol::Dicom);
            assert_eq!(a.outcome, Outcome::NoAnswer, "{}", a.detail);
            assert!(!a.detail.is_empty(), "the reason is given");
        }
    }

    /// The association accepted (the A-ASSOCIATE-AC of the kept seed, as storescp answered the knock),
    /// then a C-ECHO-RSP whose command set dicom-object read by reserving what the answer announced,
    /// both found by fuzzing `knock_answer`: an element announcing 0xEEEEEEEE bytes in a P-DATA of 36
    /// (it grew the process by 323 MB), and a 9-byte group length followed by empty elements, which
    /// misaligned its reading onto a huge length (2 GB from 289 bytes). Each is read as unreadable, in
    /// bounded memory, never "safe".
    #[test]
    fn an_accepted_association_then_a_command_announcing_4_gb_is_read_in_bounded_memory() {
        fn answer_with(stream: &mut TcpStream, command: &[u8]) {
            let seed = std::fs::read(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("fuzz/corpus/knock_answer/seed-accepts-anyone"),
            )
            .expect("seed");
            let wire = seed
                .splitn(3, |b| *b == 0)
                .nth(2)
                .expect("the DICOM answers");
            let ac_len = u32::from_be_bytes(wire[2..6].try_into().expect("4 bytes")) as usize;
            let mut answer = wire[..6 + ac_len].to_vec();
            let mut pdv = ((command.len() + 2) as u32).to_be_bytes().to_vec();
            pdv.extend_from_slice(&[1, 0x03]);
            pdv.extend_from_slice(command);
            answer.extend_from_slice(&[0x04, 0]);
            answer.extend_from_slice(&(pdv.len() as u32).to_be_bytes());
            answer.extend_from_slice(&pdv);
            let _ = stream.write_all(&answer);
            std::thread::sleep(Duration::from_secs(3));
        }
        // Command Group Length, then Error Comment (0000,0902) announcing 0xEEEEEEEE bytes.
        fn announcing_4_gb(stream: &mut TcpStream) {
            let mut command = vec![0, 0, 0, 0, 4, 0, 0, 0, 12, 0, 0, 0];
            command.extend_from_slice(&[0, 0, 0x02, 0x09, 0xee, 0xee, 0xee, 0xee, b'x', b'y']);
            answer_with(stream, &command);
        }
        // The fuzzer's second input, reduced: a 9-byte group length, then four empty elements.
        fn misaligned(stream: &mut TcpStream) {
            let mut command = vec![0, 0, 0, 0, 9, 0, 0, 0];
            command.extend_from_slice(&[0; 9]);
            for tag in [[0, 0, 0xff, 0x0d], [0; 4], [0; 4], [0, 0, 0x5d, 0x7f]] {
                command.extend_from_slice(&tag);
                command.extend_from_slice(&[0; 4]);
            }
            answer_with(stream, &command);
        }
        for behaviour in [announcing_4_gb as fn(&mut TcpStream), misaligned] {
            let a = knock_hostile(hostile_server(behaviour), Protocol::Dicom);
            assert_eq!(a.outcome, Outcome::AssociationAccepted, "{}", a.detail);
            assert!(a.detail.contains("unreadable"), "{}", a.detail);
        }
    }

    #[test]
    fn an_http_answer_of_2_gb_or_invalid_json_is_bounded_and_never_safe() {
        // 2 GB announced and streamed: the knock reads its 256 KiB and stops.
        fn two_gb(stream: &mut TcpStream) {
            stream_out(
                stream,
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n",
                2 << 30,
            );
        }
        fn invalid_json(stream: &mut TcpStream) {
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 30\r\n\r\n{\"DicomAet\": \"ORTHANC\", \"Vers",
            );
        }
        fn not_http(stream: &mut TcpStream) {
            let _ = stream.write_all(b"\x00\x01\x02 SSH-2.0-OpenSSH\r\n");
        }
        let a = knock_hostile(hostile_server(two_gb), Protocol::Http);
        assert_ne!(a.outcome, Outcome::AcceptsAnyone, "{}", a.detail);
        let a = knock_hostile(hostile_server(invalid_json), Protocol::Http);
        assert_eq!(
            a.outcome,
            Outcome::WebServer,
            "not Orthanc's API: {}",
            a.detail
        );
        let a = knock_hostile(hostile_server(not_http), Protocol::Http);
        assert_eq!(a.outcome, Outcome::NoAnswer, "{}", a.detail);
        assert!(a.detail.contains("not HTTP"), "{}", a.detail);
    }

    /// A listener standing for "another address": counts the connections it gets, for 10 s.
    fn elsewhere() -> (
        std::net::SocketAddr,
        std::sync::Arc<std::sync::atomic::AtomicUsize>,
    ) {
        use std::sync::atomic::{AtomicUsize, Ordering};
        // Another loopback address where the system has it (Linux: all of 127/8), else another port.
        let listener = TcpListener::bind("127.0.0.2:0")
            .or_else(|_| TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let _ = listener.set_nonblocking(true);
        let hits = std::sync::Arc::new(AtomicUsize::new(0));
        let counter = std::sync::Arc::clone(&hits);
        std::thread::spawn(move || {
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(10) {
                if listener.accept().is_ok() {
                    counter.fetch_add(1, Ordering::SeqCst);
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        (addr, hits)
    }

    #[test]
    fn a_redirect_to_another_address_is_not_followed() {
        use std::sync::OnceLock;
        use std::sync::atomic::Ordering;
        static TARGET: OnceLock<std::net::SocketAddr> = OnceLock::new();
        let (addr, hits) = elsewhere();
        let _ = TARGET.set(addr);
        fn redirect(stream: &mut TcpStream) {
            let to = TARGET.get().copied();
            let location = to.map_or_else(String::new, |a| format!("http://{a}/system"));
            let _ = write!(
                stream,
                "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
        let a = knock_hostile(hostile_server(redirect), Protocol::Http);
        assert_ne!(a.outcome, Outcome::AcceptsAnyone, "{}", a.detail);
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(hits.load(Ordering::SeqCst), 0, "the knock went to {addr}");
    }

    /// A small fake Orthanc on 127.0.0.1: `/system` and `/patients`, with or without a password.
    fn fake_orthanc(password: Option<(&'static str, &'static str)>) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mut stream = stream;
                let mut buf = [0u8; 4096];
                let n = stream.read(&mut buf).unwrap_or(0);
                let request = String::from_utf8_lossy(&buf[..n]).into_owned();
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
                let authorized = password.is_none_or(|(u, p)| {
                    use base64::Engine as _;
                    let token =
                        base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"));
                    request.contains(&format!("Authorization: Basic {token}"))
                });
                let (status, body) = if !authorized {
                    ("401 Unauthorized", String::new())
                } else if path == "/system" {
                    ("200 OK", r#"{"ApiVersion":22,"DicomAet":"ORTHANC","Name":"Fake","Version":"1.12.4"}"#.to_owned())
                } else if path == "/patients" {
                    (
                        "200 OK",
                        r#"["0946fcb6-cf12ab43-bad958c1-bf057ad5-0fc6f54c"]"#.to_owned(),
                    )
                } else {
                    ("404 Not Found", String::new())
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            }
        });
        port
    }

    #[test]
    fn the_fake_orthanc_open_locked_and_with_the_sample_password() {
        let open = knock(fake_orthanc(None), Protocol::Http);
        assert_eq!(open.outcome, Outcome::AcceptsAnyone, "{}", open.detail);
        assert!(open.detail.contains("1 entries"), "{}", open.detail);
        assert!(!open.detail.contains("0946fcb6"), "no identifier kept");
        let locked = knock(
            fake_orthanc(Some(("drmartin", "Xk2-long-secret"))),
            Protocol::Http,
        );
        assert_eq!(locked.outcome, Outcome::AsksPassword, "{}", locked.detail);
        let sample = knock(
            fake_orthanc(Some(("alice", "alicePassword"))),
            Protocol::Http,
        );
        assert_eq!(
            sample.outcome,
            Outcome::DefaultPassword {
                user: "alice".to_owned()
            }
        );
        let v = probe::interpret("127.0.0.1", vec![locked.clone()]);
        assert_eq!(v.status, Status::Pass);
        let v = probe::interpret("127.0.0.1", vec![locked, open]);
        assert_eq!(v.status, Status::Fail, "the worst answer decides");
    }
}

/// `vigie system-check --format json`: exit 0, one entry per check with id, status, summary, evidence
/// and checked_at; the network checks "not requested".
#[test]
fn the_command_line_gives_one_json_entry_per_check() {
    let data = crate::common::temp_dir();
    let out = crate::common::vigie_command(
        data.path(),
        &["--lang", "en", "system-check", "--format", "json"],
        &[],
    )
    .output()
    .expect("run");
    assert!(out.status.success(), "exit 0: {out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let results = doc["results"].as_array().expect("results");
    assert_eq!(
        results.len(),
        vigie::system::CATALOG.len(),
        "one entry per check"
    );
    for r in results {
        for key in ["id", "status", "summary", "evidence", "checked_at"] {
            assert!(r.get(key).is_some(), "{key} in {r}");
        }
        assert!(
            ["pass", "fail", "warning", "unknown"].contains(&r["status"].as_str().unwrap_or("")),
            "{r}"
        );
    }
    let probe = results
        .iter()
        .find(|r| r["id"] == "imaging_exposure")
        .expect("the knock's entry");
    assert_eq!(
        probe["status"], "unknown",
        "not run without --probe-network"
    );
    let usage = crate::common::vigie_command(
        data.path(),
        &["system-check", "--probe-address", "127.0.0.1"],
        &[],
    )
    .output()
    .expect("run");
    assert_eq!(
        usage.status.code(),
        Some(2),
        "--probe-address needs --probe-network"
    );
}

// ---- The box's UPnP mappings, from a fake gateway on 127.0.0.1 ----------------------------------

mod box_mappings {
    use std::io::{BufRead as _, BufReader, Read as _, Write as _};
    use std::net::{SocketAddr, TcpListener, UdpSocket};
    use std::time::Duration;

    use vigie::system::upnp::{self, UpnpOptions};
    use vigie::system::{Finding, Reason, Status};

    const SERVICE: &str = "urn:schemas-upnp-org:service:WANIPConnection:1";

    fn respond(stream: &mut std::net::TcpStream, status: &str, body: &str) {
        let _ = write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: text/xml; charset=\"utf-8\"\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
    }

    fn entry(external: u16, client: &str, internal: u16, description: &str) -> String {
        format!(
            "<NewRemoteHost></NewRemoteHost><NewExternalPort>{external}</NewExternalPort><NewProtocol>TCP</NewProtocol>\
             <NewInternalPort>{internal}</NewInternalPort><NewInternalClient>{client}</NewInternalClient><NewEnabled>1</NewEnabled>\
             <NewPortMappingDescription>{description}</NewPortMappingDescription><NewLeaseDuration>0</NewLeaseDuration>"
        )
    }

    /// A fake gateway: an SSDP responder on a UDP port of 127.0.0.1 and its HTTP server (description,
    /// service description, SOAP control) on 127.0.0.1, holding `entries` mappings. Returns the SSDP
    /// address to send the discovery to.
    fn fake_gateway(entries: Vec<String>) -> SocketAddr {
        gateway(entries, None, None)
    }

    /// [`fake_gateway`], with its SOAP control answers played by `control` when given, and the SSDP
    /// answer's LOCATION pointing to `location` when given.
    fn gateway(
        entries: Vec<String>,
        control: Option<fn(&mut std::net::TcpStream)>,
        location: Option<SocketAddr>,
    ) -> SocketAddr {
        let http = TcpListener::bind("127.0.0.1:0").expect("bind http");
        let http_port = http.local_addr().expect("addr").port();
        std::thread::spawn(move || {
            for stream in http.incoming().take(64).flatten() {
                let mut stream = stream;
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let mut first = String::new();
                let _ = reader.read_line(&mut first);
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0u8; length];
                let _ = reader.read_exact(&mut body);
                let body = String::from_utf8_lossy(&body);
                let path = first.split_whitespace().nth(1).unwrap_or("/").to_owned();
                if path == "/rootDesc.xml" {
                    respond(
                        &mut stream,
                        "200 OK",
                        &format!(
                            "<?xml version=\"1.0\"?><root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device>\
                         <deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>\
                         <serviceList><service><serviceType>{SERVICE}</serviceType>\
                         <serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId>\
                         <controlURL>/ctl/IPConn</controlURL><SCPDURL>/WANIPCn.xml</SCPDURL></service></serviceList>\
                         </device></root>"
                        ),
                    );
                } else if path == "/WANIPCn.xml" {
                    respond(
                        &mut stream,
                        "200 OK",
                        "<?xml version=\"1.0\"?><scpd xmlns=\"urn:schemas-upnp-org:service-1-0\"><actionList>\
                         <action><name>GetGenericPortMappingEntry</name><argumentList>\
                         <argument><name>NewPortMappingIndex</name><direction>in</direction></argument>\
                         </argumentList></action></actionList></scpd>",
                    );
                } else if let Some(control) = control {
                    control(&mut stream);
                } else {
                    let index: usize = body
                        .split("<NewPortMappingIndex>")
                        .nth(1)
                        .and_then(|r| r.split('<').next())
                        .and_then(|n| n.trim().parse().ok())
                        .unwrap_or(usize::MAX);
                    let envelope = |inner: &str| {
                        format!(
                            "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" \
                         s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>{inner}</s:Body></s:Envelope>"
                        )
                    };
                    match entries.get(index) {
                        Some(e) => respond(
                            &mut stream,
                            "200 OK",
                            &envelope(&format!(
                                "<u:GetGenericPortMappingEntryResponse xmlns:u=\"{SERVICE}\">{e}</u:GetGenericPortMappingEntryResponse>"
                            )),
                        ),
                        // The end of the list: HTTP 500 carrying UPnP error 713.
                        None => respond(
                            &mut stream,
                            "500 Internal Server Error",
                            &envelope(
                                "<s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail>\
                             <UPnPError xmlns=\"urn:schemas-upnp-org:control-1-0\"><errorCode>713</errorCode>\
                             <errorDescription>SpecifiedArrayIndexInvalid</errorDescription></UPnPError></detail></s:Fault>",
                            ),
                        ),
                    }
                }
            }
        });
        let ssdp = UdpSocket::bind("127.0.0.1:0").expect("bind ssdp");
        let ssdp_addr = ssdp.local_addr().expect("addr");
        let _ = ssdp.set_read_timeout(Some(Duration::from_secs(30)));
        let location = location.unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], http_port)));
        std::thread::spawn(move || {
            let mut buf = [0u8; 2048];
            while let Ok((n, from)) = ssdp.recv_from(&mut buf) {
                if String::from_utf8_lossy(&buf[..n]).starts_with("M-SEARCH") {
                    let reply = format!(
                        "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\nST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n\
                         USN: uuid:fake-gateway::urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n\
                         LOCATION: http://{location}/rootDesc.xml\r\n\r\n"
                    );
                    let _ = ssdp.send_to(reply.as_bytes(), from);
                }
            }
        });
        ssdp_addr
    }

    fn options(ssdp: SocketAddr) -> UpnpOptions {
        UpnpOptions {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            ssdp,
            cap: 16,
            deadline: Duration::from_secs(20),
            this_pc: "192.168.1.20".parse().ok(),
        }
    }

    #[test]
    fn the_fake_gateways_mappings_are_listed_until_713() {
        let ssdp = fake_gateway(vec![
            entry(8042, "192.168.1.20", 8042, "Orthanc"),
            entry(51413, "192.168.1.44", 51413, "Transmission"),
        ]);
        let r = upnp::run(&options(ssdp));
        assert_eq!(r.status, Status::Fail, "{:?}", r.evidence);
        let Finding::Upnp {
            gateway,
            mappings,
            truncated,
        } = r.finding
        else {
            panic!("mappings");
        };
        assert!(gateway.starts_with("127.0.0.1:"), "{gateway}");
        assert!(!truncated, "the list ended with 713");
        assert_eq!(mappings.len(), 2, "both entries");
        assert!(
            mappings[0].this_pc && mappings[0].sensitive(),
            "Orthanc on this PC"
        );
        assert!(!mappings[1].this_pc && !mappings[1].sensitive());
    }

    #[test]
    fn an_empty_list_and_a_silent_box() {
        let r = upnp::run(&options(fake_gateway(Vec::new())));
        assert_eq!(r.status, Status::Pass, "{:?}", r.evidence);
        // Nobody answers on this loopback port: no gateway.
        let silent = UdpSocket::bind("127.0.0.1:0").expect("bind");
        let mut o = options(silent.local_addr().expect("addr"));
        o.deadline = Duration::from_secs(8);
        let r = upnp::run(&o);
        assert_eq!(
            r.finding,
            Finding::Unknown {
                reason: Reason::NoGateway
            }
        );
    }

    /// The listing against a hostile gateway: ends within its deadline (plus a second), in bounded
    /// memory (the process's peak grown by less than 256 MiB), "unknown" with the reason in the
    /// evidence, never "pass".
    fn list_hostile(control: fn(&mut std::net::TcpStream)) -> vigie::system::CheckResult {
        let ssdp = gateway(
            vec![entry(51413, "192.168.1.44", 51413, "Transmission")],
            Some(control),
            None,
        );
        let mut o = options(ssdp);
        o.deadline = Duration::from_secs(6);
        let before = peak_rss_kib();
        let start = std::time::Instant::now();
        let r = upnp::run(&o);
        let took = start.elapsed();
        assert!(took < o.deadline + Duration::from_secs(1), "took {took:?}");
        if let (Some(before), Some(after)) = (before, peak_rss_kib()) {
            assert!(
                after.saturating_sub(before) < 256 * 1024,
                "peak memory grew from {before} to {after} KiB"
            );
        }
        assert_ne!(r.status, Status::Pass, "never safe: {:?}", r.evidence);
        assert_eq!(
            r.finding,
            Finding::Unknown {
                reason: Reason::NotReadable
            },
            "{:?}",
            r.evidence
        );
        assert!(
            r.evidence[0].value.contains("end of list:"),
            "the reason is in the evidence: {:?}",
            r.evidence
        );
        r
    }

    fn peak_rss_kib() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    #[test]
    fn a_gateway_answering_garbage_silence_or_2_gb_is_unknown_never_safe() {
        fn invalid_xml(stream: &mut std::net::TcpStream) {
            respond(
                stream,
                "200 OK",
                "<?xml version=\"1.0\"?><s:Envelope><s:Body><u:GetGeneric",
            );
        }
        fn error_500(stream: &mut std::net::TcpStream) {
            respond(stream, "500 Internal Server Error", "not a SOAP fault");
        }
        fn silent(_: &mut std::net::TcpStream) {
            std::thread::sleep(Duration::from_secs(20));
        }
        fn two_gb(stream: &mut std::net::TcpStream) {
            let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
            if stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 2147483648\r\n\r\n<s:Envelope>")
                .is_err()
            {
                return;
            }
            let chunk = vec![b' '; 64 * 1024];
            for _ in 0..(2u64 << 30) / (64 * 1024) {
                if stream.write_all(&chunk).is_err() {
                    return;
                }
            }
        }
        for control in [
            invalid_xml as fn(&mut std::net::TcpStream),
            error_500,
            silent,
            two_gb,
        ] {
            list_hostile(control);
        }
    }

    #[test]
    fn a_gateway_pointing_or_redirecting_elsewhere_is_not_followed() {
        use std::sync::OnceLock;
        use std::sync::atomic::{AtomicUsize, Ordering};
        static ELSEWHERE: OnceLock<SocketAddr> = OnceLock::new();
        // "Another address": 127.0.0.2 where the system has it (Linux), else another port.
        let listener = TcpListener::bind("127.0.0.2:0")
            .or_else(|_| TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let _ = ELSEWHERE.set(addr);
        let _ = listener.set_nonblocking(true);
        let hits = std::sync::Arc::new(AtomicUsize::new(0));
        let counter = std::sync::Arc::clone(&hits);
        std::thread::spawn(move || {
            let start = std::time::Instant::now();
            while start.elapsed() < Duration::from_secs(20) {
                if listener.accept().is_ok() {
                    counter.fetch_add(1, Ordering::SeqCst);
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        fn redirect(stream: &mut std::net::TcpStream) {
            let to = ELSEWHERE
                .get()
                .map_or_else(String::new, |a| format!("http://{a}/ctl"));
            let _ = write!(
                stream,
                "HTTP/1.1 307 Temporary Redirect\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
        // The SOAP answer redirects elsewhere: not followed, the list is incomplete.
        list_hostile(redirect);
        // The discovery's answer names a description on another address than the one that answered
        // (only where that other address exists: a port of the same address is the same gateway).
        if addr.ip() != std::net::IpAddr::from([127, 0, 0, 1]) {
            let mut o = options(gateway(Vec::new(), None, Some(addr)));
            o.deadline = Duration::from_secs(6);
            let r = upnp::run(&o);
            assert_eq!(
                r.finding,
                Finding::Unknown {
                    reason: Reason::NoGateway
                },
                "{:?}",
                r.evidence
            );
        }
        assert_eq!(hits.load(Ordering::SeqCst), 0, "the listing went to {addr}");
    }
}

/// Every checklist item a check informs exists in the checklist's catalog (the links are in one place,
/// `system::catalog::ITEM_LINKS`, to remap when the catalog's ids change).
#[test]
fn the_linked_checklist_items_exist() {
    let catalog = vigie::checklist::catalog();
    for (check, items) in vigie::system::catalog::ITEM_LINKS {
        for item in *items {
            assert!(catalog.item(item).is_some(), "{check:?} → {item}");
        }
    }
}

#[test]
fn a_yes_that_a_failed_pc_check_contradicts_is_flagged_on_the_item() {
    let mut contents = vigie::demo::demo_contents();
    let catalog = vigie::checklist::catalog();
    // The demo's recorded run finds the system disk unencrypted.
    let item = catalog
        .item("workstation.disk-encryption")
        .expect("the item exists");
    contents.checklist.answer(
        &item.id,
        vigie::checklist::AnswerValue::Yes,
        vigie::checklist::Respondent::Doctor,
        jiff::Timestamp::now(),
    );
    let warnings =
        vigie::present::checklist::contradictions(item, &contents, vigie::i18n::Lang::En);
    assert!(
        warnings.iter().any(|w| w.contains("The PC check of")),
        "{warnings:?}"
    );
    // A "No" is not contradicted.
    contents.checklist.answer(
        &item.id,
        vigie::checklist::AnswerValue::No,
        vigie::checklist::Respondent::Doctor,
        jiff::Timestamp::now(),
    );
    assert!(
        vigie::present::checklist::contradictions(item, &contents, vigie::i18n::Lang::En)
            .is_empty()
    );
}
