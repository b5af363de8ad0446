//! The automatic screen lock: locked after at most 15 minutes of inactivity (CIS).
//!
//! - Windows: the machine inactivity limit `InactivityTimeoutSecs` (policy), else the screen saver of
//!   the session (`ScreenSaveActive`, `ScreenSaverIsSecure`, `ScreenSaveTimeOut`, the policy's values
//!   first). Locking on wake from sleep is not readable this way: with neither, a warning, not "off".
//! - Linux (GNOME): `gsettings` `org.gnome.desktop.session idle-delay` and
//!   `org.gnome.desktop.screensaver lock-enabled`.
//! - macOS: `sysadminctl -screenLock status` (the delay before the password is asked) and the screen
//!   saver's `idleTime`.

use super::{CheckId, CheckResult, Evidence, Finding, Reason, Status, Verdict};

/// The longest acceptable delay, in seconds.
pub const MAX_SECONDS: u32 = 900;

fn by_delay(seconds: u32) -> Verdict {
    let minutes = seconds.div_ceil(60);
    if seconds <= MAX_SECONDS {
        Verdict::new(Status::Pass, Finding::ScreenLockOk { minutes })
    } else {
        Verdict::new(Status::Warning, Finding::ScreenLockSlow { minutes })
    }
}

/// Windows: the values read (`None` when absent): the inactivity limit, then the screen saver's
/// active flag, secure flag and delay (seconds), the policy's where set.
pub fn from_windows(
    inactivity_timeout: Option<u32>,
    saver_active: Option<u32>,
    saver_secure: Option<u32>,
    saver_timeout: Option<u32>,
) -> Verdict {
    if let Some(t) = inactivity_timeout.filter(|t| *t > 0) {
        return by_delay(t);
    }
    match (saver_active, saver_secure, saver_timeout) {
        (Some(1), Some(1), Some(t)) if t > 0 => by_delay(t),
        (Some(1), Some(0), _) => Verdict::new(Status::Fail, Finding::ScreenLockOff),
        // No lock found in what can be read; the sleep setting may still lock the session.
        _ => Verdict::new(Status::Warning, Finding::ScreenLockOff),
    }
}

/// A `gsettings get` value: `uint32 300` → 300, `true` → 1, `false` → 0.
fn gsettings_number(value: &str) -> Option<u32> {
    let v = value.trim();
    match v {
        "true" => Some(1),
        "false" => Some(0),
        _ => v.rsplit(' ').next()?.parse().ok(),
    }
}

/// GNOME: the outputs of `gsettings get org.gnome.desktop.session idle-delay` and
/// `gsettings get org.gnome.desktop.screensaver lock-enabled`.
pub fn from_gsettings(idle_delay: &str, lock_enabled: &str) -> Verdict {
    match (gsettings_number(idle_delay), gsettings_number(lock_enabled)) {
        (Some(_), Some(0)) | (Some(0), Some(1)) => {
            Verdict::new(Status::Fail, Finding::ScreenLockOff)
        }
        (Some(delay), Some(1)) => by_delay(delay),
        _ => Verdict::unknown(Reason::Unrecognized),
    }
}

/// Whether GNOME settings read by `gsettings` are those of this user's running GNOME session: a
/// GNOME desktop named by `XDG_CURRENT_DESKTOP`, a session bus to reach its settings daemon, and no
/// fallback to the "memory" backend (which answers GNOME's defaults). Otherwise the values are a
/// default, not this user's setting, and the lock cannot be said to be in place.
pub fn gnome_session(current_desktop: Option<&str>, session_bus: bool, stderr: &str) -> bool {
    let gnome = current_desktop.is_some_and(|d| {
        d.split(':')
            .any(|part| part.eq_ignore_ascii_case("gnome") || part.eq_ignore_ascii_case("unity"))
    });
    gnome && session_bus && !stderr.contains("memory")
}

/// macOS: `sysadminctl -screenLock status` (it prints to standard error) and
/// `defaults -currentHost read com.apple.screensaver idleTime` (`None` when not set).
pub fn from_macos(screen_lock: &str, idle_time: Option<&str>) -> Verdict {
    if screen_lock.contains("screenLock is off") {
        return Verdict::new(Status::Fail, Finding::ScreenLockOff);
    }
    let lock_delay: Option<u32> = screen_lock
        .split("screenLock delay is ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok());
    let Some(lock_delay) = lock_delay else {
        return if screen_lock.contains("immediate") {
            idle_time
                .and_then(|t| t.trim().parse::<u32>().ok())
                .map_or_else(|| Verdict::unknown(Reason::Unrecognized), by_delay)
        } else {
            Verdict::unknown(Reason::Unrecognized)
        };
    };
    match idle_time.and_then(|t| t.trim().parse::<u32>().ok()) {
        Some(0) => Verdict::new(Status::Fail, Finding::ScreenLockOff),
        Some(idle) => by_delay(idle + lock_delay),
        // The screen saver's default (20 minutes) applies.
        None => by_delay(1200 + lock_delay),
    }
}

/// Reads this PC's screen lock.
pub fn read() -> CheckResult {
    let (verdict, evidence) = read_platform();
    verdict.result(CheckId::ScreenLock, evidence)
}

#[cfg(target_os = "linux")]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    use super::util::{DEADLINE, run};
    let idle = run(
        "gsettings",
        &["get", "org.gnome.desktop.session", "idle-delay"],
        DEADLINE,
    );
    let lock = run(
        "gsettings",
        &["get", "org.gnome.desktop.screensaver", "lock-enabled"],
        DEADLINE,
    );
    let desktop = std::env::var("XDG_CURRENT_DESKTOP").ok();
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    match (idle, lock) {
        (Ok(i), Ok(l))
            if i.success
                && l.success
                && !gnome_session(
                    desktop.as_deref(),
                    bus,
                    &format!("{}{}", i.stderr, l.stderr),
                ) =>
        {
            // Values came back, but from no running GNOME session: GNOME's defaults, not a fact.
            (
                Verdict::unknown(Reason::NoSession),
                vec![
                    Evidence::new(i.command, &i.stdout),
                    Evidence::new(l.command, &l.stdout),
                    Evidence::new(
                        "XDG_CURRENT_DESKTOP",
                        desktop.as_deref().unwrap_or("(none)"),
                    ),
                ],
            )
        }
        (Ok(i), Ok(l)) if i.success && l.success => (
            from_gsettings(&i.stdout, &l.stdout),
            vec![
                Evidence::new(i.command, &i.stdout),
                Evidence::new(l.command, &l.stdout),
            ],
        ),
        (i, _) => (
            // No GNOME settings: another desktop, or none (a server).
            Verdict::unknown(Reason::NotReadable),
            vec![Evidence::new(
                "gsettings get org.gnome.desktop.session idle-delay",
                i.map_or_else(|_| "(not installed)".to_owned(), |o| o.stderr),
            )],
        ),
    }
}

#[cfg(target_os = "macos")]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    use super::util::{DEADLINE, run};
    let lock = run(
        "/usr/sbin/sysadminctl",
        &["-screenLock", "status"],
        DEADLINE,
    );
    let idle = run(
        "/usr/bin/defaults",
        &["-currentHost", "read", "com.apple.screensaver", "idleTime"],
        DEADLINE,
    );
    match lock {
        Ok(l) => {
            let text = format!("{}{}", l.stdout, l.stderr);
            let idle_value = idle
                .as_ref()
                .ok()
                .filter(|o| o.success)
                .map(|o| o.stdout.clone());
            let mut evidence = vec![Evidence::new(l.command, &text)];
            if let Ok(i) = &idle {
                evidence.push(Evidence::new(
                    i.command.clone(),
                    idle_value.as_deref().unwrap_or("(not set)"),
                ));
            }
            (from_macos(&text, idle_value.as_deref()), evidence)
        }
        Err(cmd) => (
            Verdict::unknown(Reason::NotReadable),
            vec![Evidence::new(cmd, "(could not run)")],
        ),
    }
}

#[cfg(windows)]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    use super::windows::{Hive, reg_string, reg_u32};
    let (inactivity, e1) = reg_u32(
        Hive::Machine,
        "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System",
        "InactivityTimeoutSecs",
    );
    let mut evidence = vec![e1];
    // The policy's values first, then the user's own.
    let policy = "Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop";
    let desktop = "Control Panel\\Desktop";
    let mut value = |name: &str| -> Option<u32> {
        for key in [policy, desktop] {
            let (v, e) = reg_string(Hive::User, key, name);
            if let Some(v) = v {
                evidence.push(e);
                return v.trim().parse().ok();
            }
        }
        evidence.push(Evidence::new(
            format!("HKCU\\{desktop}\\{name}"),
            "(absent)",
        ));
        None
    };
    let active = value("ScreenSaveActive");
    let secure = value("ScreenSaverIsSecure");
    let timeout = value("ScreenSaveTimeOut");
    (from_windows(inactivity, active, secure, timeout), evidence)
}

#[cfg(not(any(windows, target_os = "macos", target_os = "linux")))]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    (Verdict::unknown(Reason::NotOnThisSystem), Vec::new())
}
