//! Where a file sits, and the risk rule.
//!
//! Risk rule (documented for the user in plain words by the screens and reports):
//! - **none**: an encrypted container;
//! - **low**: on an encrypted volume (removable or not), outside cloud-synced folders;
//! - **high**: a DICOM file (or a DICOMDIR, or an archive holding DICOM) that identifies a patient — or
//!   whose header cannot be read, so that it may — on an unencrypted or unknown volume (a removable
//!   medium whose encryption is unknown included), or in a cloud-synced folder;
//! - **medium**: de-identified DICOM and image exports there.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use super::{Identifying, Kind};

/// The risk of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    /// Encrypted container.
    None,
    /// On an encrypted volume.
    Low,
    /// De-identified images or exports, unprotected.
    Medium,
    /// Identifiable medical images, unprotected.
    High,
}

/// Cloud storage services whose desktop clients sync a local folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CloudService {
    /// Microsoft `OneDrive`.
    OneDrive,
    /// Dropbox.
    Dropbox,
    /// Google Drive.
    GoogleDrive,
    /// Apple iCloud Drive.
    ICloud,
}

/// The cloud service whose synced folder holds `path`, from the folder names the clients use.
pub fn cloud_service(path: &Path) -> Option<CloudService> {
    path.components().find_map(|c| {
        let name = c.as_os_str().to_string_lossy().to_lowercase();
        if name == "onedrive" || name.starts_with("onedrive - ") || name.starts_with("onedrive-") {
            Some(CloudService::OneDrive)
        } else if name == "dropbox" || name.starts_with("dropbox (") {
            Some(CloudService::Dropbox)
        } else if name == "google drive"
            || name == "googledrive"
            || name == "mon drive"
            || name == "my drive"
        {
            Some(CloudService::GoogleDrive)
        } else if name == "icloud drive" || name == "iclouddrive" || name == "mobile documents" {
            Some(CloudService::ICloud)
        } else {
            None
        }
    })
}

/// The volume a file sits on, as far as the scan can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VolumeFacts {
    /// Whether the volume is encrypted; `None` when unknown.
    pub encrypted: Option<bool>,
    /// A removable medium (USB stick, external disk, memory card).
    pub removable: bool,
}

/// The facts of the volume holding `path`, looked up once per folder (findings come in groups).
pub fn volume_facts(path: &Path) -> VolumeFacts {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, VolumeFacts>>> = OnceLock::new();
    let folder = path.parent().unwrap_or(path).to_path_buf();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(facts) = cache.lock().ok().and_then(|c| c.get(&folder).copied()) {
        return facts;
    }
    let canonical = std::fs::canonicalize(&folder).unwrap_or_else(|_| folder.clone());
    let facts = VolumeFacts {
        encrypted: volume_encrypted(&canonical),
        removable: removable_mounts().iter().any(|m| canonical.starts_with(m)),
    };
    if let Ok(mut c) = cache.lock() {
        if c.len() > 100_000 {
            c.clear();
        }
        c.insert(folder, facts);
    }
    facts
}

/// Mount points of removable media, read once (sysinfo's disk list only: its other queries are slow
/// and some abort under Wine).
pub fn removable_mounts() -> &'static [PathBuf] {
    static MOUNTS: OnceLock<Vec<PathBuf>> = OnceLock::new();
    MOUNTS.get_or_init(|| {
        let Ok(disks) =
            sysinfo::Disks::new_with_refreshed_list_specifics(sysinfo::DiskRefreshKind::nothing())
        else {
            return Vec::new();
        };
        disks
            .iter()
            .filter(|d| d.is_removable())
            .map(|d| d.mount_point().to_path_buf())
            .filter(|m| m.parent().is_some())
            .collect()
    })
}

/// Whether the volume holding `path` (already canonical) is encrypted: LUKS/dm-crypt on Linux, read from
/// sysfs. `None` when unknown (`BitLocker` and `FileVault` come with the system checks).
pub fn volume_encrypted(path: &Path) -> Option<bool> {
    #[cfg(target_os = "linux")]
    {
        linux::volume_encrypted(path)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = path;
        None
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::collections::HashMap;
    use std::path::Path;
    use std::sync::{Mutex, OnceLock};

    /// Mount points and their device numbers, longest first.
    fn mounts() -> &'static Vec<(String, String)> {
        static MOUNTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
        MOUNTS.get_or_init(|| {
            let text = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
            let mut out: Vec<(String, String)> = text
                .lines()
                .filter_map(|l| {
                    let f: Vec<&str> = l.split(' ').collect();
                    Some((f.get(4)?.replace("\\040", " "), (*f.get(2)?).to_owned()))
                })
                .collect();
            out.sort_by_key(|(m, _)| std::cmp::Reverse(m.len()));
            out
        })
    }

    /// A device-mapper device is encrypted if it is dm-crypt, or built on one (LVM on LUKS).
    fn dev_encrypted(sys: &Path, depth: u8) -> bool {
        let uuid = std::fs::read_to_string(sys.join("dm/uuid")).unwrap_or_default();
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

    pub fn volume_encrypted(path: &Path) -> Option<bool> {
        static CACHE: OnceLock<Mutex<HashMap<String, Option<bool>>>> = OnceLock::new();
        let text = path.to_string_lossy();
        let (_, dev) = mounts().iter().find(|(m, _)| {
            text.starts_with(m.as_str())
                && (m == "/" || text.len() == m.len() || text[m.len()..].starts_with('/'))
        })?;
        // Major 0: virtual file systems (tmpfs, overlay): unknown.
        if dev.starts_with("0:") {
            return None;
        }
        let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
        if let Some(v) = cache.lock().ok()?.get(dev) {
            return *v;
        }
        let sys = Path::new("/sys/dev/block").join(dev);
        let v = if sys.exists() {
            Some(dev_encrypted(&sys, 0))
        } else {
            None
        };
        cache.lock().ok()?.insert(dev.clone(), v);
        v
    }
}

/// The risk of a finding (see the module documentation).
pub fn risk(
    kind: &Kind,
    identifying: Identifying,
    header_unreadable: bool,
    encrypted: bool,
    volume_encrypted: Option<bool>,
    cloud: bool,
) -> Risk {
    if encrypted {
        return Risk::None;
    }
    if volume_encrypted == Some(true) && !cloud {
        return Risk::Low;
    }
    let dicom = matches!(
        kind,
        Kind::Dicom { .. } | Kind::Dicomdir | Kind::GzipDicom | Kind::ZipDicom { .. }
    );
    if dicom && (identifying.any() || header_unreadable || matches!(kind, Kind::Dicomdir)) {
        Risk::High
    } else {
        Risk::Medium
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::DicomStorage;

    #[test]
    fn cloud_folders() {
        assert_eq!(
            cloud_service(Path::new("C:/Users/dr/OneDrive - Cabinet/Images/a.dcm")),
            Some(CloudService::OneDrive)
        );
        assert_eq!(
            cloud_service(Path::new("/home/dr/Dropbox/x")),
            Some(CloudService::Dropbox)
        );
        assert_eq!(
            cloud_service(Path::new("/Users/dr/Library/Mobile Documents/x")),
            Some(CloudService::ICloud)
        );
        assert_eq!(cloud_service(Path::new("/home/dr/Documents/x")), None);
    }

    #[test]
    fn risk_rule() {
        let dicom = Kind::Dicom {
            storage: DicomStorage::Part10,
        };
        let who = Identifying {
            name: true,
            ..Identifying::default()
        };
        let nobody = Identifying::default();
        assert_eq!(risk(&dicom, who, false, false, None, false), Risk::High);
        assert_eq!(
            risk(&dicom, who, false, false, Some(false), false),
            Risk::High
        );
        assert_eq!(
            risk(&dicom, who, false, false, Some(true), false),
            Risk::Low
        );
        assert_eq!(
            risk(&dicom, who, false, false, Some(true), true),
            Risk::High,
            "synced to the cloud"
        );
        assert_eq!(
            risk(&dicom, nobody, false, false, None, false),
            Risk::Medium
        );
        assert_eq!(
            risk(&dicom, nobody, true, false, None, false),
            Risk::High,
            "unreadable header"
        );
        let export = Kind::ImageExport {
            format: crate::scan::ImageFormat::Jpeg,
        };
        assert_eq!(
            risk(&export, nobody, false, false, None, false),
            Risk::Medium
        );
        assert_eq!(risk(&export, nobody, false, true, None, false), Risk::None);
    }
}
