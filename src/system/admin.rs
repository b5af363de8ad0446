//! Daily use as administrator.
//!
//! - Windows: whether the session's token holds the Administrators group, by its SID `S-1-5-32-544`
//!   (its name is localised: "Administrateurs"), from `whoami /groups /fo csv`.
//! - Unix: user id 0 (root); on macOS the `admin` group; on Linux the `sudo` or `wheel` group (the
//!   session can become administrator with its password: a warning).

use super::{CheckId, CheckResult, Evidence, Finding, Reason, Status, Verdict};

/// The Administrators group's SID, the same in every language.
pub const ADMINISTRATORS_SID: &str = "S-1-5-32-544";

/// Windows: the output of `whoami /groups /fo csv`.
pub fn from_whoami_groups(csv: &str) -> Verdict {
    if !csv.contains("S-1-") {
        return Verdict::unknown(Reason::Unrecognized);
    }
    let admin = csv.lines().any(|l| {
        l.split(',')
            .any(|f| f.trim().trim_matches('"') == ADMINISTRATORS_SID)
    });
    if admin {
        Verdict::new(Status::Fail, Finding::DailyAdmin)
    } else {
        Verdict::new(Status::Pass, Finding::DailyStandard)
    }
}

/// Unix: the outputs of `id -u` and `id -Gn`, on macOS (`macos`) or Linux.
pub fn from_id(uid: &str, groups: &str, macos: bool) -> Verdict {
    let Ok(uid) = uid.trim().parse::<u32>() else {
        return Verdict::unknown(Reason::Unrecognized);
    };
    let groups: Vec<&str> = groups.split_whitespace().collect();
    if uid == 0 || (macos && groups.contains(&"admin")) {
        Verdict::new(Status::Fail, Finding::DailyAdmin)
    } else if !macos
        && groups
            .iter()
            .any(|g| matches!(*g, "sudo" | "wheel" | "admin"))
    {
        Verdict::new(Status::Warning, Finding::DailySudo)
    } else {
        Verdict::new(Status::Pass, Finding::DailyStandard)
    }
}

/// Reads this session's rights.
pub fn read() -> CheckResult {
    let (verdict, evidence) = read_platform();
    verdict.result(CheckId::AdminUse, evidence)
}

#[cfg(unix)]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    use super::util::{DEADLINE, run};
    match (run("id", &["-u"], DEADLINE), run("id", &["-Gn"], DEADLINE)) {
        (Ok(u), Ok(g)) if u.success && g.success => (
            from_id(&u.stdout, &g.stdout, cfg!(target_os = "macos")),
            vec![
                Evidence::new(u.command, &u.stdout),
                Evidence::new(g.command, &g.stdout),
            ],
        ),
        _ => (
            Verdict::unknown(Reason::NotReadable),
            vec![Evidence::new("id -u; id -Gn", "(could not run)")],
        ),
    }
}

#[cfg(windows)]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    match super::util::run("whoami", &["/groups", "/fo", "csv"], super::util::DEADLINE) {
        Ok(o) if o.success => {
            let line = o
                .stdout
                .lines()
                .find(|l| l.contains(ADMINISTRATORS_SID))
                .unwrap_or("(S-1-5-32-544 absent)");
            (
                from_whoami_groups(&o.stdout),
                vec![Evidence::new(o.command, line)],
            )
        }
        _ => (
            Verdict::unknown(Reason::NotReadable),
            vec![Evidence::new("whoami /groups /fo csv", "(could not run)")],
        ),
    }
}

#[cfg(not(any(unix, windows)))]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    (Verdict::unknown(Reason::NotOnThisSystem), Vec::new())
}
