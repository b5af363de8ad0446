//! Disk encryption of the system disk: BitLocker (Windows), FileVault (macOS), LUKS/dm-crypt (Linux).
//!
//! - Windows, without administrator rights: the shell property `System.Volume.BitLockerProtection` of
//!   the drive (1 on, 2 off; any other value is uncertain → unknown); with them, WMI
//!   `Win32_EncryptableVolume.ProtectionStatus` (0 off, 1 on, 2 unknown). PowerShell blocked by
//!   Constrained Language Mode gives "unknown", never "off".
//! - macOS: `fdesetup status` ("FileVault is On.").
//! - Linux: the mount of the path (`/proc/self/mountinfo`) → `/sys/dev/block/MAJ:MIN` → down `slaves/`
//!   to a `dm/uuid` starting with `CRYPT-` (cryptsetup's prefix). The roots are parameters, for tests.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::{CheckId, CheckResult, Evidence, Finding, Reason, Status, Verdict};

fn encrypted(method: &str) -> Verdict {
    Verdict::new(
        Status::Pass,
        Finding::DiskEncrypted {
            method: method.to_owned(),
        },
    )
}

fn not_encrypted() -> Verdict {
    Verdict::new(Status::Fail, Finding::DiskNotEncrypted)
}

/// The shell property `System.Volume.BitLockerProtection` as PowerShell printed it.
pub fn from_bitlocker_shell(output: &str) -> Verdict {
    match output.trim() {
        "1" => encrypted("BitLocker"),
        "2" => not_encrypted(),
        // 3 "encrypting", 4 "decrypting", 5 and 6 suspended or locked: uncertain.
        "3" | "4" => Verdict::new(Status::Warning, Finding::DiskEncryptionInProgress),
        _ => Verdict::unknown(Reason::Unrecognized),
    }
}

/// WMI `Win32_EncryptableVolume.ProtectionStatus` of the system drive.
pub fn from_wmi_protection_status(value: &str) -> Verdict {
    match value.trim() {
        "1" => encrypted("BitLocker"),
        "0" => not_encrypted(),
        _ => Verdict::unknown(Reason::Unrecognized),
    }
}

/// The output of `fdesetup status`.
pub fn from_fdesetup(output: &str) -> Verdict {
    let first = output.lines().next().unwrap_or_default().trim();
    if first.starts_with("FileVault is On") {
        encrypted("FileVault")
    } else if first.starts_with("FileVault is Off") {
        if output.contains("in progress") {
            Verdict::new(Status::Warning, Finding::DiskEncryptionInProgress)
        } else {
            not_encrypted()
        }
    } else {
        Verdict::unknown(Reason::Unrecognized)
    }
}

/// Mount points and their device numbers, longest first; whether each device is encrypted, looked up
/// once. Used by this check and by the folder scanner's volume context.
#[derive(Debug, Default)]
pub struct Mounts {
    points: Vec<(String, String)>,
    sys_root: PathBuf,
    devices: Mutex<HashMap<String, Option<bool>>>,
}

impl Mounts {
    /// This system's mounts (`/proc/self/mountinfo`, `/sys`).
    pub fn read() -> Self {
        let text = crate::fs::read_bounded_to_string(
            std::path::Path::new("/proc/self/mountinfo"),
            crate::fs::MAX_TEXT_FILE_BYTES,
        )
        .unwrap_or_default();
        Self::from_text(&text, Path::new("/sys"))
    }

    /// The mounts of a `mountinfo` text, with the sysfs tree at `sys_root`.
    pub fn from_text(mountinfo: &str, sys_root: &Path) -> Self {
        let mut points: Vec<(String, String)> = mountinfo
            .lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.split(' ').collect();
                Some((f.get(4)?.replace("\\040", " "), (*f.get(2)?).to_owned()))
            })
            .collect();
        points.sort_by_key(|(m, _)| std::cmp::Reverse(m.len()));
        Self {
            points,
            sys_root: sys_root.to_path_buf(),
            devices: Mutex::new(HashMap::new()),
        }
    }

    /// The mount point and device number (`MAJ:MIN`) holding `path` (already canonical).
    pub fn device_of(&self, path: &Path) -> Option<(&str, &str)> {
        let text = path.to_string_lossy();
        self.points
            .iter()
            .find(|(m, _)| {
                text.starts_with(m.as_str())
                    && (m == "/" || text.len() == m.len() || text[m.len()..].starts_with('/'))
            })
            .map(|(m, d)| (m.as_str(), d.as_str()))
    }

    /// Whether the volume holding `path` (already canonical) is encrypted; `None` when unknown (a
    /// virtual file system, a device sysfs does not show).
    pub fn volume_encrypted(&self, path: &Path) -> Option<bool> {
        let (_, dev) = self.device_of(path)?;
        // Major 0: virtual file systems (tmpfs, overlay): unknown.
        if dev.starts_with("0:") {
            return None;
        }
        if let Some(v) = self.devices.lock().ok()?.get(dev) {
            return *v;
        }
        let sys = self.sys_root.join("dev/block").join(dev);
        let v = if sys.exists() {
            Some(dev_encrypted(&sys, 0))
        } else {
            None
        };
        self.devices.lock().ok()?.insert(dev.to_owned(), v);
        v
    }
}

/// A device-mapper device is encrypted if it is dm-crypt, or built on one (LVM on LUKS).
fn dev_encrypted(sys: &Path, depth: u8) -> bool {
    let uuid =
        crate::fs::read_bounded_to_string(&sys.join("dm/uuid"), crate::fs::MAX_TEXT_FILE_BYTES)
            .unwrap_or_default();
    if uuid.starts_with("CRYPT-") {
        return true;
    }
    if depth > 4 {
        return false;
    }
    if let Ok(slaves) = std::fs::read_dir(sys.join("slaves")) {
        for s in slaves.flatten() {
            if dev_encrypted(&s.path(), depth + 1) {
                return true;
            }
        }
    }
    // A whole disk or a partition with no dm-crypt layer under it: not encrypted.
    false
}

/// The Linux verdict for `path` (the root of the system, or the user's folder) from the mounts.
pub fn from_linux_mounts(mounts: &Mounts, path: &Path) -> (Verdict, Evidence) {
    let Some((point, dev)) = mounts.device_of(path) else {
        return (
            Verdict::unknown(Reason::NotReadable),
            Evidence::new("/proc/self/mountinfo", "(no mount found)"),
        );
    };
    let evidence = Evidence::new(
        format!("/proc/self/mountinfo, /sys/dev/block/{dev}"),
        format!("{} on {point}, device {dev}", path.display()),
    );
    let verdict = match mounts.volume_encrypted(path) {
        Some(true) => encrypted("LUKS (dm-crypt)"),
        Some(false) => not_encrypted(),
        // An overlay or a container's file system: the disk under it is not visible from here.
        None => Verdict::unknown(Reason::NotReadable),
    };
    (verdict, evidence)
}

/// Reads this PC's system disk.
pub fn read() -> CheckResult {
    let (verdict, evidence) = read_platform();
    verdict.result(CheckId::DiskEncryption, evidence)
}

#[cfg(target_os = "linux")]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    let mounts = Mounts::read();
    // The user's folder: where the documents and exports are (often the same volume as /).
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    let path = home
        .and_then(|h| std::fs::canonicalize(h).ok())
        .unwrap_or_else(|| PathBuf::from("/"));
    let (v, e) = from_linux_mounts(&mounts, &path);
    (v, vec![e])
}

#[cfg(target_os = "macos")]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    match super::util::run("/usr/bin/fdesetup", &["status"], super::util::DEADLINE) {
        Ok(o) => (
            from_fdesetup(&o.stdout),
            vec![Evidence::new(o.command, &o.stdout)],
        ),
        Err(cmd) => (
            Verdict::unknown(Reason::NotReadable),
            vec![Evidence::new(cmd, "(could not run)")],
        ),
    }
}

/// The PowerShell line that prints the shell property of the system drive (no administrator rights).
#[cfg(windows)]
const SHELL_PROPERTY: &str = "(New-Object -ComObject Shell.Application).NameSpace($env:SystemDrive + '\\').Self.ExtendedProperty('System.Volume.BitLockerProtection')";

#[cfg(windows)]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    let mut evidence = Vec::new();
    // With administrator rights, WMI tells for sure.
    let query = "SELECT DriveLetter, ProtectionStatus FROM Win32_EncryptableVolume";
    let ns = "ROOT\\CIMV2\\Security\\MicrosoftVolumeEncryption";
    let drive = std::env::var("SystemDrive").unwrap_or_else(|_| "C:".to_owned());
    match super::windows::wmi_query(ns, query) {
        Ok(rows) => {
            if let Some(row) = rows.iter().find(|r| {
                r.get("DriveLetter")
                    .is_some_and(|d| d.eq_ignore_ascii_case(&drive))
            }) {
                let status = row.get("ProtectionStatus").cloned().unwrap_or_default();
                evidence.push(Evidence::new(format!("WMI {ns}: {query}"), &status));
                let v = from_wmi_protection_status(&status);
                if v.status != Status::Unknown {
                    return (v, evidence);
                }
            }
        }
        Err(e) => evidence.push(Evidence::new(format!("WMI {ns}"), e)),
    }
    let args = ["-NoProfile", "-NonInteractive", "-Command", SHELL_PROPERTY];
    match super::util::run("powershell.exe", &args, std::time::Duration::from_secs(20)) {
        Ok(o) if o.success => {
            evidence.push(Evidence::new(
                "powershell: Shell.Application System.Volume.BitLockerProtection",
                &o.stdout,
            ));
            (from_bitlocker_shell(&o.stdout), evidence)
        }
        Ok(o) => {
            evidence.push(Evidence::new("powershell", &o.stderr));
            // Constrained Language Mode refuses COM objects: blocked, not "off".
            let reason = if o.stderr.contains("language mode") {
                Reason::Blocked
            } else {
                Reason::NeedsAdmin
            };
            (Verdict::unknown(reason), evidence)
        }
        Err(cmd) => {
            evidence.push(Evidence::new(cmd, "(could not run)"));
            (Verdict::unknown(Reason::NotReadable), evidence)
        }
    }
}

/// Whether the system volume is encrypted, for the folder scanner on Windows and macOS (`None`:
/// unknown). One reading per scan.
#[cfg(any(windows, target_os = "macos"))]
pub fn system_volume_encrypted() -> Option<bool> {
    match read_platform().0.status {
        Status::Pass => Some(true),
        Status::Fail => Some(false),
        _ => None,
    }
}

#[cfg(not(any(windows, target_os = "macos", target_os = "linux")))]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    (Verdict::unknown(Reason::NotOnThisSystem), Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitlocker_values() {
        assert_eq!(from_bitlocker_shell("1\r\n").status, Status::Pass);
        assert_eq!(from_bitlocker_shell("2").status, Status::Fail);
        assert_eq!(from_bitlocker_shell("3").status, Status::Warning);
        for uncertain in ["0", "5", "6", "", "abc"] {
            assert_eq!(
                from_bitlocker_shell(uncertain).status,
                Status::Unknown,
                "{uncertain:?} is uncertain, never off"
            );
        }
        assert_eq!(from_wmi_protection_status("1").status, Status::Pass);
        assert_eq!(from_wmi_protection_status("0").status, Status::Fail);
        assert_eq!(from_wmi_protection_status("2").status, Status::Unknown);
    }
}
