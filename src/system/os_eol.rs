//! End of security updates for this system's version, from an embedded, dated table (as Lynis's
//! software-eol database). Windows 11 is build ≥ 22000 whatever `ProductName` says (it still says
//! "Windows 10" on Windows 11).

use jiff::civil::{Date, date};

use super::{CheckId, CheckResult, Evidence, Finding, Reason, Status, Verdict};

/// The day the table was last checked against the vendors' lifecycle pages.
pub const TABLE_DATE: Date = date(2026, 12, 1);

/// Support ending within this many days is a warning.
pub const SOON_DAYS: i32 = 180;

/// The system, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OsFacts {
    /// Windows, from `HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion`.
    Windows {
        /// `CurrentBuildNumber`.
        build: u32,
        /// `DisplayVersion` (`24H2`), empty before 20H2.
        display_version: String,
        /// `EditionID` (`Professional`, `Core`, `Enterprise`, `Education`).
        edition: String,
    },
    /// macOS, from `sw_vers -productVersion`.
    MacOs {
        /// `15.3.1`.
        version: String,
    },
    /// Linux, from `/etc/os-release`.
    Linux {
        /// `ID` (`ubuntu`, `debian`).
        id: String,
        /// `VERSION_ID` (`24.04`, `12`).
        version_id: String,
        /// `PRETTY_NAME`.
        pretty: String,
    },
}

/// Windows 11's feature updates: (version, end for Home/Pro, end for Enterprise/Education).
const WINDOWS_11: &[(&str, Date, Date)] = &[
    ("21H2", date(2023, 10, 10), date(2024, 10, 8)),
    ("22H2", date(2024, 10, 8), date(2025, 10, 14)),
    ("23H2", date(2025, 11, 11), date(2026, 11, 10)),
    ("24H2", date(2026, 10, 13), date(2027, 10, 12)),
    ("25H2", date(2027, 10, 12), date(2028, 10, 10)),
];

/// Linux distributions' versions and the end of their security support (standard support for Ubuntu,
/// LTS for Debian).
const LINUX: &[(&str, &str, Date)] = &[
    ("ubuntu", "20.04", date(2025, 5, 31)),
    ("ubuntu", "22.04", date(2027, 6, 1)),
    ("ubuntu", "24.04", date(2029, 5, 31)),
    ("ubuntu", "24.10", date(2025, 7, 10)),
    ("ubuntu", "25.04", date(2026, 1, 15)),
    ("ubuntu", "25.10", date(2026, 7, 9)),
    ("ubuntu", "26.04", date(2031, 5, 29)),
    ("debian", "10", date(2024, 6, 30)),
    ("debian", "11", date(2026, 8, 31)),
    ("debian", "12", date(2028, 6, 30)),
    ("debian", "13", date(2030, 6, 30)),
];

/// macOS: Apple publishes no end dates; it updates the last three major versions. Versions before
/// this one no longer get security updates (Ventura, 13, since macOS 26 came out).
const MACOS_OLDEST_SUPPORTED: u32 = 14;
/// When macOS 13 stopped getting updates (macOS 26's release).
const MACOS_13_END: Date = date(2025, 9, 15);

fn dated(name: String, end: Date, today: Date) -> Verdict {
    if today > end {
        Verdict::new(Status::Fail, Finding::OsUnsupported { name, since: end })
    } else if today.until(end).is_ok_and(|s| s.get_days() < SOON_DAYS) {
        Verdict::new(Status::Warning, Finding::OsEndsSoon { name, until: end })
    } else {
        Verdict::new(
            Status::Pass,
            Finding::OsSupported {
                name,
                until: Some(end),
            },
        )
    }
}

/// The verdict for `facts` on `today`.
pub fn interpret(facts: &OsFacts, today: Date) -> Verdict {
    match facts {
        OsFacts::Windows {
            build,
            display_version,
            edition,
        } => {
            let enterprise = ["Enterprise", "Education", "IoTEnterprise"]
                .iter()
                .any(|e| edition.starts_with(e));
            if *build >= 22000 {
                let name = format!("Windows 11 {display_version}");
                match WINDOWS_11.iter().find(|(v, _, _)| v == display_version) {
                    Some((_, home, ent)) => {
                        dated(name, if enterprise { *ent } else { *home }, today)
                    }
                    None => Verdict::unknown(Reason::NotInTable),
                }
            } else if *build >= 10240 {
                // Windows 10's last version, 22H2, ended on 14 October 2025 (ESU aside); earlier
                // versions ended before it.
                dated(
                    format!("Windows 10 {display_version}")
                        .trim_end()
                        .to_owned(),
                    date(2025, 10, 14),
                    today,
                )
            } else if *build >= 9600 {
                dated("Windows 8.1".to_owned(), date(2023, 1, 10), today)
            } else if *build >= 7600 {
                dated("Windows 7".to_owned(), date(2020, 1, 14), today)
            } else {
                Verdict::unknown(Reason::NotInTable)
            }
        }
        OsFacts::MacOs { version } => {
            let major: Option<u32> = version.split('.').next().and_then(|m| m.parse().ok());
            let name = format!("macOS {version}");
            match major {
                Some(m) if m >= MACOS_OLDEST_SUPPORTED && m <= 26 => {
                    Verdict::new(Status::Pass, Finding::OsSupported { name, until: None })
                }
                Some(13) => dated(name, MACOS_13_END, today),
                Some(m) if m < 13 => Verdict::new(
                    Status::Fail,
                    Finding::OsUnsupported {
                        name,
                        since: MACOS_13_END.min(date(2024, 9, 16)),
                    },
                ),
                _ => Verdict::unknown(Reason::NotInTable),
            }
        }
        OsFacts::Linux {
            id,
            version_id,
            pretty,
        } => match LINUX.iter().find(|(d, v, _)| {
            d == id && (v == version_id || version_id.starts_with(&format!("{v}.")))
        }) {
            Some((_, _, end)) => dated(pretty.clone(), *end, today),
            None => Verdict::unknown(Reason::NotInTable),
        },
    }
}

/// A `KEY=value` field of `/etc/os-release` (quotes removed).
pub fn os_release_field(text: &str, key: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .map(|v| v.trim().trim_matches('"').to_owned())
        .unwrap_or_default()
}

/// The facts of `/etc/os-release`.
pub fn linux_facts(os_release: &str) -> OsFacts {
    OsFacts::Linux {
        id: os_release_field(os_release, "ID"),
        version_id: os_release_field(os_release, "VERSION_ID"),
        pretty: os_release_field(os_release, "PRETTY_NAME"),
    }
}

fn read_facts() -> (Option<OsFacts>, Vec<Evidence>) {
    #[cfg(target_os = "linux")]
    {
        match crate::fs::read_bounded_to_string(
            std::path::Path::new("/etc/os-release"),
            crate::fs::MAX_TEXT_FILE_BYTES,
        ) {
            Ok(text) => {
                let facts = linux_facts(&text);
                let shown = ["PRETTY_NAME", "ID", "VERSION_ID"]
                    .map(|k| format!("{k}={}", os_release_field(&text, k)))
                    .join("; ");
                (Some(facts), vec![Evidence::new("/etc/os-release", shown)])
            }
            Err(_) => (None, vec![Evidence::new("/etc/os-release", "(absent)")]),
        }
    }
    #[cfg(target_os = "macos")]
    {
        match super::util::run(
            "/usr/bin/sw_vers",
            &["-productVersion"],
            super::util::DEADLINE,
        ) {
            Ok(o) if o.success => (
                Some(OsFacts::MacOs {
                    version: o.stdout.trim().to_owned(),
                }),
                vec![Evidence::new(o.command, &o.stdout)],
            ),
            _ => (
                None,
                vec![Evidence::new("sw_vers -productVersion", "(could not run)")],
            ),
        }
    }
    #[cfg(windows)]
    {
        use super::windows::{Hive, reg_string};
        let key = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
        let (build, e1) = reg_string(Hive::Machine, key, "CurrentBuildNumber");
        let (display, e2) = reg_string(Hive::Machine, key, "DisplayVersion");
        let (edition, e3) = reg_string(Hive::Machine, key, "EditionID");
        let (_, e4) = reg_string(Hive::Machine, key, "ProductName");
        let facts = build
            .and_then(|b| b.trim().parse().ok())
            .map(|build| OsFacts::Windows {
                build,
                display_version: display.unwrap_or_default(),
                edition: edition.unwrap_or_default(),
            });
        (facts, vec![e1, e2, e3, e4])
    }
    #[cfg(not(any(windows, target_os = "macos", target_os = "linux")))]
    {
        (None, Vec::new())
    }
}

/// The system's name for reports (`Windows 11 24H2 (build 26100)`, `Ubuntu 24.04.1 LTS`).
pub fn system_name() -> String {
    match read_facts().0 {
        Some(OsFacts::Windows {
            build,
            display_version,
            edition,
        }) => {
            let family = if build >= 22000 { "11" } else { "10" };
            format!("Windows {family} {edition} {display_version} (build {build})")
        }
        Some(OsFacts::MacOs { version }) => format!("macOS {version}"),
        Some(OsFacts::Linux { pretty, .. }) => pretty,
        None => std::env::consts::OS.to_owned(),
    }
}

/// Reads this PC's system version and judges it on `today`.
pub fn read(today: Date) -> CheckResult {
    let (facts, evidence) = read_facts();
    let verdict = facts.map_or_else(
        || Verdict::unknown(Reason::NotReadable),
        |f| interpret(&f, today),
    );
    verdict.result(CheckId::OsEndOfLife, evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn win(build: u32, v: &str, edition: &str) -> OsFacts {
        OsFacts::Windows {
            build,
            display_version: v.to_owned(),
            edition: edition.to_owned(),
        }
    }

    #[test]
    fn windows_boundaries() {
        let w = win(26100, "24H2", "Professional");
        assert_eq!(interpret(&w, date(2026, 10, 13)).status, Status::Warning);
        assert_eq!(interpret(&w, date(2026, 10, 14)).status, Status::Fail);
        assert_eq!(interpret(&w, date(2026, 4, 1)).status, Status::Pass);
        assert_eq!(
            interpret(&win(26100, "24H2", "Enterprise"), date(2026, 10, 14)).status,
            Status::Pass,
            "Enterprise has a year more"
        );
        assert_eq!(
            interpret(&win(19045, "22H2", "Professional"), date(2025, 10, 15)).status,
            Status::Fail,
            "Windows 10 ended"
        );
        assert_eq!(
            interpret(&win(22631, "99H9", "Core"), date(2026, 1, 1)).status,
            Status::Unknown
        );
        assert_eq!(
            interpret(&win(7601, "", ""), date(2026, 1, 1)).status,
            Status::Fail
        );
    }
}
