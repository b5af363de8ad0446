//! Where a file sits, and the risk rule.
//!
//! Risk rule (documented for the user in plain words by the screens and reports):
//! - **none**: an encrypted container;
//! - **low**: on an encrypted volume (removable or not), outside cloud-synced folders;
//! - **high**: a DICOM file (or a DICOMDIR, or an archive holding DICOM) that identifies a patient — or
//!   whose header cannot be read, so that it may — on an unencrypted or unknown volume (a removable
//!   medium whose encryption is unknown included), or in a cloud-synced folder;
//! - **medium**: de-identified DICOM and image exports there.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

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
    // The names looked for are ASCII: compared byte by byte, ignoring ASCII case, without making a
    // lower-case copy of every folder name of every finding.
    path.components().find_map(|c| {
        let name = c.as_os_str().as_encoded_bytes();
        let is = |t: &str| name.eq_ignore_ascii_case(t.as_bytes());
        let starts = |t: &str| {
            name.get(..t.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(t.as_bytes()))
        };
        if is("onedrive") || starts("onedrive - ") || starts("onedrive-") {
            Some(CloudService::OneDrive)
        } else if is("dropbox") || starts("dropbox (") {
            Some(CloudService::Dropbox)
        } else if is("google drive") || is("googledrive") || is("mon drive") || is("my drive") {
            Some(CloudService::GoogleDrive)
        } else if is("icloud drive") || is("iclouddrive") || is("mobile documents") {
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

/// The volumes as a scan sees them: the removable media and (on Linux) the mounts, read when the scan
/// starts — so that a USB stick plugged in since the last scan is seen — and each folder's facts, looked
/// up once per folder (findings come in groups).
#[derive(Debug)]
pub struct Volumes {
    removable: Vec<PathBuf>,
    #[cfg(target_os = "linux")]
    mounts: crate::system::disk_encryption::Mounts,
    /// BitLocker or FileVault on the system volume, from the PC check's disk-encryption reader.
    #[cfg(any(windows, target_os = "macos"))]
    system_volume: Option<bool>,
    /// Each folder's facts, keyed by the folder's bytes (hashing a `PathBuf` walks its components).
    folders: Mutex<HashMap<OsString, VolumeFacts>>,
    /// Tells this reading of the volumes from the others in a thread's "last folder" cache.
    generation: u64,
    /// The roots of a walk that follows no link, as given and canonical (see [`Volumes::walking`]).
    roots: Vec<(PathBuf, PathBuf)>,
}

/// The canonical path of `folder` from the walk's `roots` (as given, canonical): the longest root it is
/// under, since a root may be a link inside another root, which the other's walk did not follow.
fn below_root(roots: &[(PathBuf, PathBuf)], folder: &Path) -> Option<PathBuf> {
    roots
        .iter()
        .filter_map(|(given, canonical)| Some((given, canonical, folder.strip_prefix(given).ok()?)))
        .max_by_key(|(given, ..)| given.components().count())
        .map(|(_, canonical, rest)| {
            if rest.as_os_str().is_empty() {
                canonical.clone()
            } else {
                canonical.join(rest)
            }
        })
}

/// The scan's threads read a folder's files one after the other: each remembers its last folder, so
/// that most findings take neither the lock nor a hash.
struct LastFolder {
    generation: u64,
    folder: OsString,
    facts: VolumeFacts,
}

thread_local! {
    static LAST_FOLDER: RefCell<Option<LastFolder>> = const { RefCell::new(None) };
}

fn next_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Volumes {
    /// The volumes as they are now.
    pub fn read() -> Self {
        Self {
            removable: removable_mounts(),
            #[cfg(target_os = "linux")]
            mounts: crate::system::disk_encryption::Mounts::read(),
            #[cfg(any(windows, target_os = "macos"))]
            system_volume: crate::system::disk_encryption::system_volume_encrypted(),
            folders: Mutex::new(HashMap::new()),
            generation: next_generation(),
            roots: Vec::new(),
        }
    }

    /// For a walk of `roots` that follows no symbolic link: every folder it enters below a root is
    /// reached through real folders only, so its canonical path is the root's, made once, followed by
    /// the rest of its path, without resolving each folder again (a `realpath` is a system call per
    /// component of the path: issue 20 counted 56,000 of them on a tree of 50,000 files).
    #[must_use]
    pub fn walking(mut self, roots: &[PathBuf]) -> Self {
        self.roots = roots
            .iter()
            .filter_map(|r| Some((r.clone(), std::fs::canonicalize(r).ok()?)))
            .collect();
        self
    }

    /// The facts of the volume holding `path`.
    pub fn facts(&self, path: &Path) -> VolumeFacts {
        let folder = path.parent().unwrap_or(path).as_os_str();
        let last = LAST_FOLDER.with(|last| {
            let last = last.try_borrow().ok()?;
            last.as_ref()
                .filter(|l| l.generation == self.generation && l.folder == folder)
                .map(|l| l.facts)
        });
        if let Some(facts) = last {
            return facts;
        }
        let facts = self.folder_facts(folder);
        LAST_FOLDER.with(|last| {
            if let Ok(mut last) = last.try_borrow_mut() {
                match last.as_mut() {
                    // The same allocation, reused from folder to folder.
                    Some(l) => {
                        l.generation = self.generation;
                        l.folder.clear();
                        l.folder.push(folder);
                        l.facts = facts;
                    }
                    None => {
                        *last = Some(LastFolder {
                            generation: self.generation,
                            folder: folder.to_owned(),
                            facts,
                        });
                    }
                }
            }
        });
        facts
    }

    fn folder_facts(&self, folder: &OsStr) -> VolumeFacts {
        if let Some(facts) = self
            .folders
            .lock()
            .ok()
            .and_then(|c| c.get(folder).copied())
        {
            return facts;
        }
        let folder = Path::new(folder);
        let canonical = below_root(&self.roots, folder)
            .or_else(|| std::fs::canonicalize(folder).ok())
            .unwrap_or_else(|| folder.to_path_buf());
        let facts = VolumeFacts {
            encrypted: self.encrypted(&canonical),
            removable: self.removable.iter().any(|m| canonical.starts_with(m)),
        };
        if let Ok(mut c) = self.folders.lock() {
            if c.len() > 100_000 {
                c.clear();
            }
            c.insert(folder.as_os_str().to_owned(), facts);
        }
        facts
    }

    /// Whether the volume holding `path` (already canonical) is encrypted: LUKS/dm-crypt on Linux, read
    /// from sysfs; BitLocker on the system drive (Windows) and FileVault on the system volume (macOS),
    /// from the PC check's reader. `None` when unknown (other drives and volumes included).
    fn encrypted(&self, path: &Path) -> Option<bool> {
        #[cfg(target_os = "linux")]
        {
            self.mounts.volume_encrypted(path)
        }
        #[cfg(windows)]
        {
            let drive = std::env::var("SystemDrive").unwrap_or_else(|_| "C:".to_owned());
            let text = path.to_string_lossy();
            let text = text.strip_prefix(r"\\?\").unwrap_or(&text);
            let on_system = text
                .get(..drive.len())
                .is_some_and(|d| d.eq_ignore_ascii_case(&drive));
            if on_system { self.system_volume } else { None }
        }
        #[cfg(target_os = "macos")]
        {
            // Other volumes (/Volumes/…) have their own encryption, not FileVault's.
            if path.starts_with("/Volumes") {
                None
            } else {
                self.system_volume
            }
        }
        #[cfg(not(any(windows, target_os = "macos", target_os = "linux")))]
        {
            let _ = path;
            None
        }
    }
}

/// Mount points of removable media, read from the system each time (sysinfo's disk list only: its other
/// queries are slow and some abort under Wine). Called when a scan starts and each time the places to
/// scan are looked for.
pub fn removable_mounts() -> Vec<PathBuf> {
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
        // Case does not matter; a longer name that only starts like one does.
        assert_eq!(
            cloud_service(Path::new("/home/dr/GOOGLE DRIVE/x")),
            Some(CloudService::GoogleDrive)
        );
        assert_eq!(
            cloud_service(Path::new("/home/dr/onedrive-perso/x")),
            Some(CloudService::OneDrive)
        );
        assert_eq!(cloud_service(Path::new("/home/dr/Dropboxes/x")), None);
        assert_eq!(cloud_service(Path::new("/home/dr/OneDrive2/x")), None);
    }

    /// The volumes read with `removable` as the removable media.
    fn volumes_with(removable: Vec<PathBuf>) -> Volumes {
        Volumes {
            removable,
            ..Volumes::read()
        }
    }

    #[test]
    fn a_new_reading_of_the_volumes_is_not_answered_from_the_last_ones_memory() {
        let dir = tempfile::tempdir().expect("temp");
        let stick = std::fs::canonicalize(dir.path()).expect("canonical");
        std::fs::create_dir(stick.join("a")).expect("mkdir");
        let (one, two) = (stick.join("a/1.dcm"), stick.join("a/2.dcm"));
        let plugged = volumes_with(vec![stick.clone()]);
        assert!(plugged.facts(&one).removable);
        assert!(plugged.facts(&two).removable, "the same folder, remembered");
        // The stick's list read again (it was taken out): the thread's memory of the folder is not used.
        let unplugged = volumes_with(Vec::new());
        assert!(!unplugged.facts(&one).removable);
        assert!(!unplugged.facts(&two).removable);
        // Another folder, then back: each answer is the folder's own.
        assert!(!unplugged.facts(&stick.join("x")).removable);
        assert!(plugged.facts(&one).removable);
    }

    #[test]
    fn a_walked_folder_is_made_canonical_from_its_root() {
        let roots = vec![
            (PathBuf::from("A"), PathBuf::from("/real/A")),
            (PathBuf::from("A/link"), PathBuf::from("/elsewhere")),
            (PathBuf::from("./B/"), PathBuf::from("/real/B")),
        ];
        let below = |p: &str| below_root(&roots, Path::new(p));
        assert_eq!(below("A"), Some(PathBuf::from("/real/A")));
        assert_eq!(below("A/b/c"), Some(PathBuf::from("/real/A/b/c")));
        // The longest root wins: its walk is the one that reached the folder.
        assert_eq!(below("A/link/x"), Some(PathBuf::from("/elsewhere/x")));
        assert_eq!(below("A/linked"), Some(PathBuf::from("/real/A/linked")));
        assert_eq!(below("./B/c"), Some(PathBuf::from("/real/B/c")));
        assert_eq!(below("Z/q"), None);
        assert_eq!(below("AB"), None);
    }

    #[test]
    fn a_walk_answers_as_resolving_each_folder_would() {
        let dir = tempfile::tempdir().expect("temp");
        let real = std::fs::canonicalize(dir.path()).expect("canonical");
        std::fs::create_dir_all(real.join("stick/DICOM/IM1")).expect("mkdir");
        std::fs::create_dir(real.join("disk")).expect("mkdir");
        // The root as given goes through a link: the facts are those of where it leads.
        #[cfg(unix)]
        std::os::unix::fs::symlink(real.join("stick"), real.join("to-stick")).expect("link");
        #[cfg(unix)]
        let root = real.join("to-stick");
        #[cfg(not(unix))]
        let root = real.join("stick");
        let walked =
            volumes_with(vec![real.join("stick")]).walking(&[root.clone(), real.join("disk")]);
        let resolved = volumes_with(vec![real.join("stick")]);
        for file in [
            root.join("a.dcm"),
            root.join("DICOM/IM1/b.dcm"),
            real.join("disk/c.dcm"),
        ] {
            assert_eq!(
                walked.facts(&file),
                resolved.facts(&file),
                "{}",
                file.display()
            );
        }
        assert!(walked.facts(&root.join("DICOM/IM1/b.dcm")).removable);
        assert!(!walked.facts(&real.join("disk/c.dcm")).removable);
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
