//! The checks as data, as HardeningKitty and the CIS benchmarks list theirs: id, platforms,
//! administrator rights, the checklist items each informs, and where the method comes from.
//!
//! The links to the checklist are in one place, [`ITEM_LINKS`], so that a change of the catalog's item
//! ids is one edit here.

use serde::{Deserialize, Serialize};

/// A check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    /// BitLocker, FileVault, LUKS on the system disk.
    DiskEncryption,
    /// The local firewall.
    Firewall,
    /// The antivirus (Windows Security Center).
    Antivirus,
    /// Security updates still published for this system version.
    OsEndOfLife,
    /// Automatic screen lock.
    ScreenLock,
    /// Daily use as administrator.
    AdminUse,
    /// Programs listening on the network.
    ListeningPorts,
    /// Remote desktop and screen sharing.
    RemoteDesktop,
    /// Orthanc's configuration.
    OrthancConfig,
    /// Always-on remote-maintenance tools.
    RemoteMaintenance,
    /// Cloud-synced folders.
    CloudSync,
    /// The knock on the imaging servers (on request).
    ImagingExposure,
    /// The box's UPnP port mappings (on request).
    BoxMappings,
    /// The box's own rules: forwards, DMZ, IPv6 firewall, UPnP, remote access (on request).
    BoxRules,
}

impl CheckId {
    /// The id as written in JSON and in the vault.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DiskEncryption => "disk_encryption",
            Self::Firewall => "firewall",
            Self::Antivirus => "antivirus",
            Self::OsEndOfLife => "os_end_of_life",
            Self::ScreenLock => "screen_lock",
            Self::AdminUse => "admin_use",
            Self::ListeningPorts => "listening_ports",
            Self::RemoteDesktop => "remote_desktop",
            Self::OrthancConfig => "orthanc_config",
            Self::RemoteMaintenance => "remote_maintenance",
            Self::CloudSync => "cloud_sync",
            Self::ImagingExposure => "imaging_exposure",
            Self::BoxMappings => "box_mappings",
            Self::BoxRules => "box_rules",
        }
    }

    /// The catalog's entry.
    pub fn info(self) -> &'static CheckInfo {
        CATALOG.iter().find(|c| c.id == self).unwrap_or(&CATALOG[0])
    }
}

/// A system a check runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Platform {
    /// Windows.
    Windows,
    /// macOS.
    MacOs,
    /// Linux.
    Linux,
}

/// Whether a check needs administrator rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Admin {
    /// Never.
    No,
    /// Part of it (it says "unknown: needs administrator rights" for that part).
    Partly,
}

/// One check of the catalog.
#[derive(Debug, Clone, Copy)]
pub struct CheckInfo {
    /// Its id.
    pub id: CheckId,
    /// Where it runs; elsewhere its result is "unknown: not on this system".
    pub platforms: &'static [Platform],
    /// Administrator rights.
    pub admin: Admin,
    /// It sends traffic on the network: run only when the user asks, after saying what it will do.
    pub on_request: bool,
    /// Where the method comes from.
    pub source: &'static str,
}

const ALL: &[Platform] = &[Platform::Windows, Platform::MacOs, Platform::Linux];

/// Every check, in the order they run (the listening ports before the checks that use them).
pub const CATALOG: &[CheckInfo] = &[
    CheckInfo {
        id: CheckId::DiskEncryption,
        platforms: ALL,
        admin: Admin::No,
        on_request: false,
        source: "osquery bitlocker_info; HardeningKitty Get-BitLockerVolume; Lynis CRYP-7930, CRYP-7932 (fdesetup, dm-crypt)",
    },
    CheckInfo {
        id: CheckId::Firewall,
        platforms: ALL,
        admin: Admin::Partly,
        on_request: false,
        source: "CIS Windows 9.1-9.3 (EnableFirewall); CIS macOS 2.2.1 (socketfilterfw); Lynis FIRE-4513 (ufw, firewalld)",
    },
    CheckInfo {
        id: CheckId::Antivirus,
        platforms: &[Platform::Windows],
        admin: Admin::No,
        on_request: false,
        source: "Windows Security Center (root/SecurityCenter2 AntiVirusProduct, productState)",
    },
    CheckInfo {
        id: CheckId::OsEndOfLife,
        platforms: ALL,
        admin: Admin::No,
        on_request: false,
        source: "Lynis software-eol; Microsoft, Apple, Canonical and Debian lifecycle pages (table dated 2026-12-01)",
    },
    CheckInfo {
        id: CheckId::ScreenLock,
        platforms: ALL,
        admin: Admin::No,
        on_request: false,
        source: "CIS Windows 2.3.7.3 (InactivityTimeoutSecs ≤ 900), 19.1.3 (ScreenSaverIsSecure); CIS Ubuntu (gsettings idle-delay, lock-enabled); CIS macOS 2.10 (screen lock)",
    },
    CheckInfo {
        id: CheckId::AdminUse,
        platforms: ALL,
        admin: Admin::No,
        on_request: false,
        source: "HardeningKitty (token in S-1-5-32-544); CIS: daily work in a standard account",
    },
    CheckInfo {
        id: CheckId::ListeningPorts,
        platforms: ALL,
        admin: Admin::No,
        on_request: false,
        source: "osquery listening_ports; Lynis NETW-3012 (ss, netstat, lsof)",
    },
    CheckInfo {
        id: CheckId::RemoteDesktop,
        platforms: ALL,
        admin: Admin::No,
        on_request: false,
        source: "CIS Windows 18.10.57.3.2.1 (fDenyTSConnections); listening 3389 and 5900",
    },
    CheckInfo {
        id: CheckId::OrthancConfig,
        platforms: ALL,
        admin: Admin::No,
        on_request: false,
        source: "Orthanc Book, configuration and security (RemoteAccessAllowed, AuthenticationEnabled, RegisteredUsers, DicomCheckCalledAet…)",
    },
    CheckInfo {
        id: CheckId::RemoteMaintenance,
        platforms: ALL,
        admin: Admin::No,
        on_request: false,
        source: "ANSSI, hygiène informatique (prise de main à distance); processes of TeamViewer, AnyDesk, RustDesk…",
    },
    CheckInfo {
        id: CheckId::CloudSync,
        platforms: ALL,
        admin: Admin::No,
        on_request: false,
        source: "Known folders of OneDrive, Dropbox, Google Drive, iCloud Drive under the user's folder",
    },
    CheckInfo {
        id: CheckId::ImagingExposure,
        platforms: ALL,
        admin: Admin::No,
        on_request: true,
        source: "Internet-wide studies of medical imaging servers (DICOM C-ECHO with an unknown calling AE title; Orthanc REST API /system, /patients)",
    },
    CheckInfo {
        id: CheckId::BoxMappings,
        platforms: ALL,
        admin: Admin::No,
        on_request: true,
        source: "UPnP IGD GetGenericPortMappingEntry (igd-next)",
    },
    CheckInfo {
        id: CheckId::BoxRules,
        platforms: ALL,
        admin: Admin::No,
        on_request: true,
        source: "Freebox OS API (dev.freebox.fr/sdk/os: login, nat, upnpigd); Livebox sysbus (LiveboxMonitor LmFirewallApi); Bbox API (api.bbox.fr/doc/apirouter)",
    },
];

/// The checklist items each check informs: the one place that names the catalog's item ids.
pub const ITEM_LINKS: &[(CheckId, &[&str])] = &[
    (
        CheckId::DiskEncryption,
        &["workstation.disk-encryption", "imaging.encryption-at-rest"],
    ),
    (CheckId::Firewall, &["box.local-firewall"]),
    (CheckId::Antivirus, &["workstation.antivirus"]),
    (CheckId::OsEndOfLife, &["imaging.supported-systems"]),
    (CheckId::ScreenLock, &["workstation.screen-lock"]),
    (CheckId::AdminUse, &["accounts.no-admin-daily"]),
    (CheckId::ListeningPorts, &["box.listening-services"]),
    (CheckId::RemoteDesktop, &["box.remote-access-vpn"]),
    (CheckId::OrthancConfig, &["imaging.default-accounts"]),
    (
        CheckId::RemoteMaintenance,
        &["workstation.remote-maintenance"],
    ),
    (CheckId::CloudSync, &["hosting.consumer-cloud"]),
    (
        CheckId::ImagingExposure,
        &["imaging.pacs-authentication", "imaging.known-callers"],
    ),
    (CheckId::BoxMappings, &["box.upnp"]),
    (
        CheckId::BoxRules,
        &["box.port-forwarding", "box.upnp", "box.remote-admin"],
    ),
];

/// The checklist item a verified encrypted archive is evidence for: the archive's record is attached to
/// it when the archive is recorded in the vault (`PracticeFile::record_archive`).
pub const ARCHIVE_EVIDENCE_ITEM: &str = "imaging.encryption-at-rest";

/// The checklist items check `id` informs.
pub fn items_of(id: CheckId) -> &'static [&'static str] {
    ITEM_LINKS
        .iter()
        .find(|(c, _)| *c == id)
        .map_or(&[], |(_, items)| items)
}

/// The platform this build runs on.
pub fn this_platform() -> Platform {
    if cfg!(windows) {
        Platform::Windows
    } else if cfg!(target_os = "macos") {
        Platform::MacOs
    } else {
        Platform::Linux
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_is_listed_once_with_its_links() {
        let mut ids: Vec<CheckId> = CATALOG.iter().map(|c| c.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), CATALOG.len(), "unique ids");
        assert_eq!(CATALOG.len(), 14, "every check of the briefs");
        for c in CATALOG {
            assert!(!items_of(c.id).is_empty(), "{:?} informs an item", c.id);
            assert!(!c.source.is_empty(), "{:?} has a source", c.id);
            assert_eq!(c.id.info().id, c.id, "info of {:?}", c.id);
        }
        let order = |id| CATALOG.iter().position(|c| c.id == id);
        assert!(
            order(CheckId::ListeningPorts) < order(CheckId::RemoteDesktop)
                && order(CheckId::ListeningPorts) < order(CheckId::ImagingExposure),
            "the ports are read before the checks that use them"
        );
    }
}
