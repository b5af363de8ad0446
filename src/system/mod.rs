//! PC checks: what the computer itself says about its security, as evidence for the checklist.
//!
//! Each check is a thin reader of the platform (a registry value, a command's output, a file) and a pure
//! interpreter of what was read, tested on recorded outputs of Windows, macOS and Linux on every
//! platform. A result is pass, fail, warning or unknown — with the reason — plus the evidence seen (the
//! raw value and where it was read) and when. "Unknown" is an honest answer; a guess is never presented
//! as a fact. The checks are listed as data in [`catalog`] (platforms, administrator rights, the
//! checklist items each informs, its source).
//!
//! Two checks send traffic and run only when the user asks: the knock on the imaging servers
//! ([`probe`], from this PC to its own address) and the box's UPnP mappings ([`upnp`]).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub mod admin;
pub mod antivirus;
pub mod boxes;
pub mod catalog;
pub mod cloud_sync;
pub mod disk_encryption;
pub mod firewall;
pub mod orthanc;
pub mod os_eol;
pub mod ports;
pub mod probe;
pub mod record;
pub mod remote_desktop;
pub mod remote_tools;
pub mod screen_lock;
pub mod upnp;
mod util;
#[cfg(windows)]
mod windows;

pub use catalog::{CATALOG, CheckId, CheckInfo};
pub use record::SystemRecord;

/// The outcome of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A risk to deal with.
    Fail,
    /// Not wrong, but to look at.
    Warning,
    /// Could not be told, for the reason given.
    Unknown,
    /// In place.
    Pass,
}

/// Why a check could not tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The system keeps it for administrators.
    NeedsAdmin,
    /// The check does not exist on this system (an antivirus on Linux, BitLocker on macOS).
    NotOnThisSystem,
    /// What tells it could not be read here (a command or service missing, as under Wine).
    NotReadable,
    /// A value was read but is not one Vigie knows how to read.
    Unrecognized,
    /// The system's policy blocked the reading (PowerShell in Constrained Language Mode).
    Blocked,
    /// The check sends traffic and was not asked for.
    NotRequested,
    /// This version is not in Vigie's table of end-of-support dates.
    NotInTable,
    /// The box did not answer UPnP (often switched off, which is good).
    NoGateway,
    /// No desktop session of this user is running here: the settings read are the defaults, not
    /// what this user's session applies (GNOME's screen lock read with no GNOME session).
    NoSession,
}

/// What was seen, and where: a registry path, a command, a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Where it was read (`HKLM\…\EnableFirewall`, `fdesetup status`, `/proc/net/tcp`).
    pub source: String,
    /// The raw value or output (trimmed, bounded).
    pub value: String,
}

impl Evidence {
    /// Evidence from `source`, its value cut to a readable length.
    pub fn new(source: impl Into<String>, value: impl AsRef<str>) -> Self {
        const MAX: usize = 2000;
        let value = value.as_ref().trim();
        let value = if value.len() > MAX {
            let mut end = MAX;
            while !value.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}…", &value[..end])
        } else {
            value.to_owned()
        };
        Self {
            source: source.into(),
            value,
        }
    }
}

/// What a check found, in terms the texts turn into plain sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// Could not tell.
    Unknown {
        /// Why.
        reason: Reason,
    },
    // Disk encryption
    /// The system disk is encrypted.
    DiskEncrypted {
        /// BitLocker, FileVault, LUKS.
        method: String,
    },
    /// The system disk is not encrypted.
    DiskNotEncrypted,
    /// Encryption or decryption is under way.
    DiskEncryptionInProgress,
    // Firewall
    /// The firewall is on.
    FirewallOn {
        /// Which one (Windows Defender Firewall, ufw, firewalld, the macOS application firewall).
        name: String,
    },
    /// The firewall is off (for the profiles named, on Windows).
    FirewallOff {
        /// Which one, and the profiles off.
        name: String,
    },
    // Antivirus
    /// An antivirus is on and up to date.
    AntivirusOk {
        /// The products on.
        products: Vec<String>,
    },
    /// Antivirus products are registered, but none is both on and up to date.
    AntivirusProblem {
        /// The products, with what is wrong.
        products: Vec<String>,
    },
    /// No antivirus is registered.
    AntivirusNone,
    // OS end of life
    /// The system is supported until the date.
    OsSupported {
        /// Its name and version.
        name: String,
        /// The last day of security updates, when known.
        until: Option<jiff::civil::Date>,
    },
    /// Support ends within six months.
    OsEndsSoon {
        /// Its name and version.
        name: String,
        /// The last day of security updates.
        until: jiff::civil::Date,
    },
    /// No more security updates.
    OsUnsupported {
        /// Its name and version.
        name: String,
        /// The last day of security updates.
        since: jiff::civil::Date,
    },
    // Screen lock
    /// The screen locks by itself after the delay.
    ScreenLockOk {
        /// Minutes of inactivity.
        minutes: u32,
    },
    /// It locks, but after more than 15 minutes.
    ScreenLockSlow {
        /// Minutes of inactivity.
        minutes: u32,
    },
    /// No automatic lock found.
    ScreenLockOff,
    // Administrator use
    /// The session in use is an administrator's.
    DailyAdmin,
    /// The session can become administrator with its password (sudo).
    DailySudo,
    /// The session is a standard user's.
    DailyStandard,
    // Remote desktop
    /// Remote desktop is off and nothing listens on its ports.
    RemoteDesktopOff,
    /// Remote desktop (or screen sharing) is on.
    RemoteDesktopOn {
        /// The ports listening (3389, 5900), empty when only the setting was read.
        ports: Vec<u16>,
    },
    // Listening ports
    /// Nothing listens on the network, only on this PC itself.
    NoExposedPorts,
    /// Programs listen on the network.
    ExposedPorts {
        /// Those on a port of the imaging, remote-access or file-sharing services.
        sensitive: Vec<ports::Listener>,
        /// The others.
        other: Vec<ports::Listener>,
    },
    // Orthanc configuration
    /// No Orthanc configuration was found where Orthanc keeps it.
    OrthancAbsent,
    /// The configuration read has none of the risky settings.
    OrthancOk,
    /// Risky settings in the configuration.
    OrthancRisky {
        /// What is risky, worst first.
        issues: Vec<orthanc::Issue>,
    },
    // Remote-maintenance tools
    /// No remote-maintenance tool running.
    NoRemoteTools,
    /// Remote-maintenance tools running all the time.
    RemoteTools {
        /// Their names.
        names: Vec<String>,
    },
    // Cloud-sync folders
    /// No cloud-synced folder in the user's folder.
    NoCloudFolders,
    /// Cloud-synced folders.
    CloudFolders {
        /// The services (OneDrive, Dropbox, Google Drive, iCloud Drive).
        services: Vec<String>,
    },
    // The knock on the imaging servers
    /// Nothing to knock on: no imaging or web port listens on the network.
    ProbeNothingToKnock,
    /// What each server answered.
    Probe {
        /// The address knocked on.
        address: String,
        /// One answer per port.
        answers: Vec<probe::Answer>,
    },
    // The box's UPnP mappings
    /// The mappings the box reports.
    Upnp {
        /// The box's address.
        gateway: String,
        /// The mappings.
        mappings: Vec<upnp::Mapping>,
        /// The list was cut at the cap or the deadline.
        truncated: bool,
    },
    // The box's own rules
    /// The rules read from the box's local API (or recorded by hand), and what lets the Internet in.
    BoxRules {
        /// The family.
        kind: boxes::BoxKind,
        /// The box's address.
        address: String,
        /// Its model, when it says.
        #[serde(default)]
        model: Option<String>,
        /// The rules that let the Internet in, worst first.
        risks: Vec<boxes::risk::Risk>,
        /// Whether the forwards and the DMZ were both read (always, from a box's API; by hand, when
        /// the doctor looked at both), else nothing is proposed for the forwards question.
        #[serde(default = "boxes::risk::read_by_default")]
        forwards_read: bool,
        /// Whether UPnP's setting was read (else nothing is proposed for the UPnP question).
        #[serde(default)]
        upnp_read: bool,
        /// Whether the remote administration's setting was read.
        #[serde(default)]
        remote_admin_read: bool,
        /// Recorded by the doctor from the box's pages (a box with no API), not read from the box.
        #[serde(default)]
        by_hand: bool,
    },
    /// The box could not be read.
    BoxUnread {
        /// The family.
        kind: boxes::BoxKind,
        /// The box's address.
        address: String,
        /// Why.
        error: boxes::BoxError,
    },
}

/// One check's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    /// Which check.
    pub id: CheckId,
    /// Pass, fail, warning or unknown.
    pub status: Status,
    /// What was found.
    pub finding: Finding,
    /// What was seen, and where.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// When.
    pub checked_at: Timestamp,
}

/// A check's verdict before it is dated: what an interpreter returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Pass, fail, warning or unknown.
    pub status: Status,
    /// What was found.
    pub finding: Finding,
}

impl Verdict {
    /// A verdict.
    pub fn new(status: Status, finding: Finding) -> Self {
        Self { status, finding }
    }

    /// Unknown, for `reason`.
    pub fn unknown(reason: Reason) -> Self {
        Self::new(Status::Unknown, Finding::Unknown { reason })
    }

    /// The dated result of check `id`, with the evidence seen.
    pub fn result(self, id: CheckId, evidence: Vec<Evidence>) -> CheckResult {
        CheckResult {
            id,
            status: self.status,
            finding: self.finding,
            evidence,
            checked_at: Timestamp::now(),
        }
    }
}

/// A run of the checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemReport {
    /// When the run started.
    pub checked_at: Timestamp,
    /// The system, as it names itself (`Windows 11 Pro 24H2 (26100)`, `Ubuntu 24.04.1 LTS`).
    pub system: String,
    /// One result per check, in the catalog's order.
    pub results: Vec<CheckResult>,
}

impl SystemReport {
    /// The result of check `id`, if it ran.
    pub fn result(&self, id: CheckId) -> Option<&CheckResult> {
        self.results.iter().find(|r| r.id == id)
    }

    /// How many results have each status: fail, warning, unknown, pass.
    pub fn counts(&self) -> [usize; 4] {
        let mut n = [0; 4];
        for r in &self.results {
            n[r.status as usize] += 1;
        }
        n
    }
}

/// What a run does beyond reading this PC: the knock and the UPnP listing, each only when asked.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Knock on the imaging servers found listening (see [`probe`]).
    pub probe: Option<probe::ProbeOptions>,
    /// List the box's UPnP mappings (see [`upnp`]).
    pub upnp: Option<upnp::UpnpOptions>,
    /// An Orthanc configuration the user points to (else Orthanc's default places).
    pub orthanc_config: Option<std::path::PathBuf>,
}

/// Runs every check of the catalog in order, calling `progress(done, total, id)` before each. The two
/// network checks run only as `options` asks; otherwise they are "unknown: not requested".
pub fn run_all(options: &RunOptions, progress: &dyn Fn(usize, usize, CheckId)) -> SystemReport {
    let checked_at = Timestamp::now();
    let total = CATALOG.len();
    let mut results: Vec<CheckResult> = Vec::with_capacity(total);
    for (i, info) in CATALOG.iter().enumerate() {
        progress(i, total, info.id);
        let result = match info.id {
            CheckId::DiskEncryption => disk_encryption::read(),
            CheckId::Firewall => firewall::read(),
            CheckId::Antivirus => antivirus::read(),
            CheckId::OsEndOfLife => os_eol::read(crate::locale::today()),
            CheckId::ScreenLock => screen_lock::read(),
            CheckId::AdminUse => admin::read(),
            CheckId::ListeningPorts => ports::read(),
            CheckId::RemoteDesktop => {
                remote_desktop::read(listeners_of(&results).as_deref().unwrap_or(&[]))
            }
            CheckId::OrthancConfig => orthanc::read(options.orthanc_config.as_deref()),
            CheckId::RemoteMaintenance => remote_tools::read(),
            CheckId::CloudSync => cloud_sync::read(),
            CheckId::ImagingExposure => match &options.probe {
                Some(p) => probe::run(p, listeners_of(&results).as_deref()),
                None => Verdict::unknown(Reason::NotRequested).result(info.id, Vec::new()),
            },
            CheckId::BoxMappings => match &options.upnp {
                Some(u) => upnp::run(u),
                None => Verdict::unknown(Reason::NotRequested).result(info.id, Vec::new()),
            },
            // Read apart (`vigie box-check`, the window's box section), with a password or the
            // Freebox's button; kept by `SystemRecord::record_box`.
            CheckId::BoxRules => Verdict::unknown(Reason::NotRequested).result(info.id, Vec::new()),
        };
        results.push(result);
    }
    progress(total, total, CheckId::BoxRules);
    SystemReport {
        checked_at,
        system: os_eol::system_name(),
        results,
    }
}

/// The listeners the ports check saw, when it could read them.
fn listeners_of(results: &[CheckResult]) -> Option<Vec<ports::Listener>> {
    let r = results.iter().find(|r| r.id == CheckId::ListeningPorts)?;
    match &r.finding {
        Finding::NoExposedPorts => Some(Vec::new()),
        Finding::ExposedPorts { sensitive, other } => {
            Some(sensitive.iter().chain(other).cloned().collect())
        }
        _ => None,
    }
}
