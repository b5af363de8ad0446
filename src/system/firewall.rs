//! The local firewall.
//!
//! - Windows: `EnableFirewall` of the Domain, Standard (private) and Public profiles under
//!   `HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy`; a third-party
//!   firewall registered in Security Center counts as on.
//! - macOS: `socketfilterfw --getglobalstate`.
//! - Linux: the nft and iptables rules need administrator rights; without them, ufw's own setting
//!   (`/etc/ufw/ufw.conf`, `ENABLED=yes`) and `firewall-cmd --state`. Neither found → unknown.

use super::{CheckId, CheckResult, Evidence, Finding, Reason, Status, Verdict};

/// The registry key of the firewall profiles.
pub const WINDOWS_POLICY: &str =
    "SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy";
/// The profiles, as named in the registry, and as Windows shows them.
pub const WINDOWS_PROFILES: [(&str, &str); 3] = [
    ("DomainProfile", "domain"),
    ("StandardProfile", "private"),
    ("PublicProfile", "public"),
];

/// Windows: each profile's `EnableFirewall` (`None` when absent), and the third-party firewalls Security
/// Center reports on (their names).
pub fn from_windows(profiles: &[(&str, Option<u32>)], third_party_on: &[String]) -> Verdict {
    if !third_party_on.is_empty() {
        return Verdict::new(
            Status::Pass,
            Finding::FirewallOn {
                name: third_party_on.join(", "),
            },
        );
    }
    if profiles.iter().any(|(_, v)| v.is_none()) {
        return Verdict::unknown(Reason::NotReadable);
    }
    let off: Vec<&str> = profiles
        .iter()
        .filter(|(_, v)| *v == Some(0))
        .map(|(p, _)| *p)
        .collect();
    if off.is_empty() {
        Verdict::new(
            Status::Pass,
            Finding::FirewallOn {
                name: "Windows Defender Firewall".to_owned(),
            },
        )
    } else {
        Verdict::new(
            Status::Fail,
            Finding::FirewallOff {
                name: format!("Windows Defender Firewall ({})", off.join(", ")),
            },
        )
    }
}

/// macOS: the output of `socketfilterfw --getglobalstate`.
pub fn from_socketfilterfw(output: &str) -> Verdict {
    let name = "macOS application firewall".to_owned();
    if output.contains("State = 1") || output.contains("State = 2") || output.contains("is enabled")
    {
        Verdict::new(Status::Pass, Finding::FirewallOn { name })
    } else if output.contains("State = 0") || output.contains("is disabled") {
        Verdict::new(Status::Fail, Finding::FirewallOff { name })
    } else {
        Verdict::unknown(Reason::Unrecognized)
    }
}

/// Linux: `/etc/ufw/ufw.conf` (if present) and the output of `firewall-cmd --state` (if it ran).
pub fn from_linux(ufw_conf: Option<&str>, firewalld_state: Option<&str>) -> Verdict {
    if firewalld_state.is_some_and(|s| s.trim() == "running") {
        return Verdict::new(
            Status::Pass,
            Finding::FirewallOn {
                name: "firewalld".to_owned(),
            },
        );
    }
    if let Some(conf) = ufw_conf {
        let enabled = conf
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#'))
            .find_map(|l| l.strip_prefix("ENABLED="))
            .map(|v| v.trim().trim_matches('"').eq_ignore_ascii_case("yes"));
        match enabled {
            Some(true) => {
                return Verdict::new(
                    Status::Pass,
                    Finding::FirewallOn {
                        name: "ufw".to_owned(),
                    },
                );
            }
            // ufw is off; rules set another way (nft, iptables) cannot be read without administrator
            // rights: a warning, not a failure.
            Some(false) => {
                return Verdict::new(
                    Status::Warning,
                    Finding::FirewallOff {
                        name: "ufw".to_owned(),
                    },
                );
            }
            None => {}
        }
    }
    Verdict::unknown(Reason::NeedsAdmin)
}

/// Linux, with administrator rights: the output of `nft list ruleset` — a chain hooked on `input` is a
/// firewall on; an empty ruleset is none.
pub fn from_nft(ruleset: &str) -> Verdict {
    let name = "nftables".to_owned();
    if ruleset.contains("hook input") {
        Verdict::new(Status::Pass, Finding::FirewallOn { name })
    } else {
        Verdict::new(Status::Fail, Finding::FirewallOff { name })
    }
}

/// Linux, with administrator rights: the output of `iptables -S` — an INPUT policy of DROP or any INPUT
/// rule is a firewall on; everything accepted with no rule is none.
pub fn from_iptables(rules: &str) -> Verdict {
    let name = "iptables".to_owned();
    let input_rules = rules.lines().any(|l| l.starts_with("-A INPUT"));
    let drops = rules
        .lines()
        .any(|l| l.starts_with("-P INPUT DROP") || l.starts_with("-P INPUT REJECT"));
    if input_rules || drops {
        Verdict::new(Status::Pass, Finding::FirewallOn { name })
    } else {
        Verdict::new(Status::Fail, Finding::FirewallOff { name })
    }
}

/// Reads this PC's firewall.
pub fn read() -> CheckResult {
    let (verdict, evidence) = read_platform();
    verdict.result(CheckId::Firewall, evidence)
}

#[cfg(target_os = "linux")]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    let mut evidence = Vec::new();
    let ufw = crate::fs::read_bounded_to_string(
        std::path::Path::new("/etc/ufw/ufw.conf"),
        crate::fs::MAX_TEXT_FILE_BYTES,
    )
    .ok();
    if let Some(conf) = &ufw {
        let line = conf
            .lines()
            .find(|l| l.trim_start().starts_with("ENABLED="))
            .unwrap_or("(no ENABLED line)");
        evidence.push(Evidence::new("/etc/ufw/ufw.conf", line));
    } else {
        evidence.push(Evidence::new("/etc/ufw/ufw.conf", "(absent)"));
    }
    let firewalld = super::util::run("firewall-cmd", &["--state"], super::util::DEADLINE).ok();
    match &firewalld {
        Some(o) => evidence.push(Evidence::new(
            o.command.clone(),
            format!("{}{}", o.stdout, o.stderr),
        )),
        None => evidence.push(Evidence::new("firewall-cmd --state", "(not installed)")),
    }
    let state = firewalld.as_ref().map(|o| o.stdout.as_str());
    let verdict = from_linux(ufw.as_deref(), state);
    if verdict.status != Status::Unknown {
        return (verdict, evidence);
    }
    // The rules themselves, which only administrators can read.
    let root = crate::fs::read_bounded_to_string(
        std::path::Path::new("/proc/self/status"),
        crate::fs::MAX_TEXT_FILE_BYTES,
    )
    .ok()
    .and_then(|s| {
        s.lines()
            .find(|l| l.starts_with("Uid:"))
            .and_then(|l| l.split_whitespace().nth(2).map(|u| u == "0"))
    })
    .unwrap_or(false);
    if !root {
        evidence.push(Evidence::new(
            "nft list ruleset, iptables -S",
            "(need administrator rights: not read)",
        ));
        return (verdict, evidence);
    }
    for (program, args) in [("nft", &["list", "ruleset"][..]), ("iptables", &["-S"][..])] {
        if let Ok(o) = super::util::run(program, args, super::util::DEADLINE)
            && o.success
        {
            evidence.push(Evidence::new(o.command, &o.stdout));
            let v = if program == "nft" {
                from_nft(&o.stdout)
            } else {
                from_iptables(&o.stdout)
            };
            return (v, evidence);
        }
    }
    evidence.push(Evidence::new(
        "nft list ruleset, iptables -S",
        "(neither is installed)",
    ));
    (Verdict::unknown(Reason::NotReadable), evidence)
}

#[cfg(target_os = "macos")]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    let program = "/usr/libexec/ApplicationFirewall/socketfilterfw";
    match super::util::run(program, &["--getglobalstate"], super::util::DEADLINE) {
        Ok(o) => (
            from_socketfilterfw(&o.stdout),
            vec![Evidence::new(o.command, &o.stdout)],
        ),
        Err(cmd) => (
            Verdict::unknown(Reason::NotReadable),
            vec![Evidence::new(cmd, "(could not run)")],
        ),
    }
}

#[cfg(windows)]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    use super::windows::{Hive, reg_u32};
    let mut evidence = Vec::new();
    let mut profiles = Vec::new();
    for (key, shown) in WINDOWS_PROFILES {
        let (v, e) = reg_u32(
            Hive::Machine,
            &format!("{WINDOWS_POLICY}\\{key}"),
            "EnableFirewall",
        );
        evidence.push(e);
        profiles.push((shown, v));
    }
    let mut third_party = Vec::new();
    // Under Wine there is no Security Center to ask.
    let asked = if super::windows::under_wine() {
        Err("Wine: no Security Center".to_owned())
    } else {
        super::windows::wmi_query(
            "ROOT\\SecurityCenter2",
            "SELECT displayName, productState FROM FirewallProduct",
        )
    };
    match asked {
        Ok(rows) => {
            for row in rows {
                let name = row.get("displayName").cloned().unwrap_or_default();
                let state = row.get("productState").cloned().unwrap_or_default();
                evidence.push(Evidence::new(
                    "WMI ROOT\\SecurityCenter2 FirewallProduct",
                    format!("{name}: {state}"),
                ));
                if super::antivirus::product_state(&state).is_some_and(|s| s.on) {
                    third_party.push(name);
                }
            }
        }
        Err(e) => evidence.push(Evidence::new("WMI ROOT\\SecurityCenter2", e)),
    }
    (from_windows(&profiles, &third_party), evidence)
}

#[cfg(not(any(windows, target_os = "macos", target_os = "linux")))]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    (Verdict::unknown(Reason::NotOnThisSystem), Vec::new())
}
