//! Remote-maintenance tools running all the time (TeamViewer, AnyDesk…): whoever holds their access
//! can take the PC's screen. From the running processes' names: `/proc/*/comm` on Linux, `tasklist`
//! on Windows, `ps` on macOS (sysinfo's process list is not built in).

use super::{CheckId, CheckResult, Evidence, Finding, Reason, Status, Verdict};

/// Known tools: (name shown, lower-case prefixes of their process names).
pub const TOOLS: &[(&str, &[&str])] = &[
    ("TeamViewer", &["teamviewer"]),
    ("AnyDesk", &["anydesk"]),
    ("RustDesk", &["rustdesk"]),
    (
        "Chrome Remote Desktop",
        &["remoting_host", "chrome-remote-desktop"],
    ),
    ("LogMeIn", &["logmein", "lmiguardian"]),
    ("Splashtop", &["srservice", "splashtop", "srstreamer"]),
    ("ScreenConnect", &["screenconnect"]),
    (
        "VNC",
        &["winvnc", "vncserver", "x11vnc", "xvnc", "tvnserver", "uvnc"],
    ),
    ("Ammyy Admin", &["aa_v3", "ammyy"]),
    ("NinjaOne", &["ninjarmm"]),
    ("Dameware", &["dwrcs"]),
    ("GoToAssist", &["g2a"]),
];

/// The tools among the process names.
pub fn interpret(processes: &[String]) -> Verdict {
    let mut found: Vec<String> = Vec::new();
    for p in processes {
        let name = p.trim().to_lowercase();
        for (tool, prefixes) in TOOLS {
            if prefixes.iter().any(|x| name.starts_with(x)) && !found.iter().any(|f| f == tool) {
                found.push((*tool).to_owned());
            }
        }
    }
    if found.is_empty() {
        Verdict::new(Status::Pass, Finding::NoRemoteTools)
    } else {
        found.sort();
        Verdict::new(Status::Warning, Finding::RemoteTools { names: found })
    }
}

/// The image names of `tasklist /fo csv /nh` (Windows).
pub fn parse_tasklist(csv: &str) -> Vec<String> {
    csv.lines()
        .filter_map(|l| l.split(',').next())
        .map(|n| n.trim().trim_matches('"').to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

fn processes() -> Result<(Vec<String>, String), String> {
    #[cfg(target_os = "linux")]
    {
        let dir = std::fs::read_dir("/proc").map_err(|_unreadable| "/proc".to_owned())?;
        let names = dir
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .bytes()
                    .all(|b| b.is_ascii_digit())
            })
            .filter_map(|e| {
                crate::fs::read_bounded_to_string(
                    &e.path().join("comm"),
                    crate::fs::MAX_TEXT_FILE_BYTES,
                )
                .ok()
            })
            .map(|s| s.trim().to_owned())
            .collect();
        Ok((names, "/proc/*/comm".to_owned()))
    }
    #[cfg(windows)]
    {
        let o = super::util::run("tasklist", &["/fo", "csv", "/nh"], super::util::DEADLINE)?;
        Ok((parse_tasklist(&o.stdout), o.command))
    }
    #[cfg(target_os = "macos")]
    {
        let o = super::util::run("/bin/ps", &["-axco", "comm"], super::util::DEADLINE)?;
        Ok((
            o.stdout
                .lines()
                .skip(1)
                .map(|l| l.trim().to_owned())
                .collect(),
            o.command,
        ))
    }
    #[cfg(not(any(windows, target_os = "macos", target_os = "linux")))]
    {
        Err("processes".to_owned())
    }
}

/// Reads the running processes.
pub fn read() -> CheckResult {
    match processes() {
        Ok((names, source)) => {
            let verdict = interpret(&names);
            let shown = match &verdict.finding {
                Finding::RemoteTools { names } => names.join(", "),
                _ => format!("{} processes, none of the known tools", names.len()),
            };
            verdict.result(
                CheckId::RemoteMaintenance,
                vec![Evidence::new(source, shown)],
            )
        }
        Err(source) => Verdict::unknown(Reason::NotReadable).result(
            CheckId::RemoteMaintenance,
            vec![Evidence::new(source, "(could not read)")],
        ),
    }
}
