//! Orthanc's configuration: JSON with comments (stripped by `json_comments`), from Orthanc's default
//! places or a file the user points to. Orthanc reads every `.json` file of its configuration folder;
//! so does this check, later files overriding earlier keys.
//!
//! Settings read: `RemoteAccessAllowed`, `AuthenticationEnabled` (defaults to `RemoteAccessAllowed`
//! since 1.5.8), `RegisteredUsers` (plain-text passwords; the sample user `alice`), `SslEnabled`,
//! `DicomCheckCalledAet`, `DicomAlwaysAllowFind/Get/Move`, `DicomCheckModalityHost`, `DicomTlsEnabled`,
//! `DicomModalities`. `RemoteAccessAllowed` only covers HTTP: the DICOM port listens on every network
//! interface anyway.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{CheckId, CheckResult, Evidence, Finding, Status, Verdict};

/// A risky setting.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "issue")]
pub enum Issue {
    /// The web interface and REST API answer the network without a password.
    RemoteWithoutPassword,
    /// A sample or default account is declared (`alice`, `orthanc`…).
    DefaultAccount {
        /// The user name.
        user: String,
    },
    /// Find, get or move answered for any caller (`DicomAlwaysAllowFind`…).
    DicomAlwaysAllow {
        /// The settings set to true.
        settings: Vec<String>,
    },
    /// Remote access over plain HTTP: passwords and images travel in clear.
    RemoteWithoutHttps,
    /// Any called AE title is accepted (`DicomCheckCalledAet` false).
    CalledAetNotChecked,
    /// Known modalities are not checked by address (`DicomCheckModalityHost` false).
    ModalityHostNotChecked,
    /// DICOM without TLS on the network (`DicomTlsEnabled` false).
    DicomWithoutTls,
}

impl Issue {
    /// Whether it is a failure (else a warning).
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            Self::RemoteWithoutPassword
                | Self::DefaultAccount { .. }
                | Self::DicomAlwaysAllow { .. }
        )
    }
}

/// User names of Orthanc's samples and defaults.
const DEFAULT_USERS: [&str; 4] = ["alice", "bob", "orthanc", "admin"];

/// Parses one configuration file (JSON with `//` and `/* */` comments).
pub fn parse(text: &str) -> Result<Map<String, Value>, String> {
    let stripped = json_comments::StripComments::new(text.as_bytes());
    match serde_json::from_reader::<_, Value>(stripped) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err("not a JSON object".to_owned()),
        Err(e) => Err(e.to_string()),
    }
}

fn flag(config: &Map<String, Value>, key: &str) -> Option<bool> {
    config.get(key).and_then(Value::as_bool)
}

/// The risky settings of a (merged) configuration, worst first.
pub fn issues(config: &Map<String, Value>) -> Vec<Issue> {
    let mut out = Vec::new();
    let remote = flag(config, "RemoteAccessAllowed").unwrap_or(false);
    let auth = flag(config, "AuthenticationEnabled").unwrap_or(remote);
    if remote && !auth {
        out.push(Issue::RemoteWithoutPassword);
    }
    if let Some(Value::Object(users)) = config.get("RegisteredUsers") {
        let mut names: Vec<&String> = users.keys().collect();
        names.sort();
        for user in names {
            let password = users.get(user).and_then(Value::as_str).unwrap_or_default();
            if DEFAULT_USERS.contains(&user.to_lowercase().as_str())
                || password == user.as_str()
                || password.eq_ignore_ascii_case("alicePassword")
            {
                out.push(Issue::DefaultAccount { user: user.clone() });
            }
        }
    }
    let always: Vec<String> = [
        "DicomAlwaysAllowFind",
        "DicomAlwaysAllowGet",
        "DicomAlwaysAllowMove",
    ]
    .into_iter()
    .filter(|k| flag(config, k) == Some(true))
    .map(str::to_owned)
    .collect();
    if !always.is_empty() {
        out.push(Issue::DicomAlwaysAllow { settings: always });
    }
    if remote && !flag(config, "SslEnabled").unwrap_or(false) {
        out.push(Issue::RemoteWithoutHttps);
    }
    if !flag(config, "DicomCheckCalledAet").unwrap_or(false) {
        out.push(Issue::CalledAetNotChecked);
    }
    let has_modalities = config
        .get("DicomModalities")
        .and_then(Value::as_object)
        .is_some_and(|m| !m.is_empty());
    if has_modalities && !flag(config, "DicomCheckModalityHost").unwrap_or(false) {
        out.push(Issue::ModalityHostNotChecked);
    }
    if !flag(config, "DicomTlsEnabled").unwrap_or(false) {
        out.push(Issue::DicomWithoutTls);
    }
    out
}

/// The verdict on the configuration files read, in order (later keys override earlier ones).
pub fn interpret(files: &[(String, String)]) -> (Verdict, Vec<Evidence>) {
    if files.is_empty() {
        // Not found where Orthanc keeps it: it may be elsewhere, so neither a pass nor a failure.
        return (
            Verdict::new(Status::Unknown, Finding::OrthancAbsent),
            Vec::new(),
        );
    }
    let mut merged = Map::new();
    let mut evidence = Vec::new();
    let mut unreadable = false;
    for (name, text) in files {
        match parse(text) {
            Ok(m) => {
                let keys = [
                    "RemoteAccessAllowed",
                    "AuthenticationEnabled",
                    "SslEnabled",
                    "DicomCheckCalledAet",
                    "DicomAlwaysAllowFind",
                    "DicomAlwaysAllowGet",
                    "DicomAlwaysAllowMove",
                    "DicomCheckModalityHost",
                    "DicomTlsEnabled",
                    "DicomAet",
                    "DicomPort",
                    "HttpPort",
                    "StorageDirectory",
                ];
                let mut seen: Vec<String> = keys
                    .iter()
                    .filter_map(|k| m.get(*k).map(|v| format!("{k}: {v}")))
                    .collect();
                if let Some(Value::Object(users)) = m.get("RegisteredUsers") {
                    // The user names only: never the passwords.
                    let names: Vec<&str> = users.keys().map(String::as_str).collect();
                    seen.push(format!("RegisteredUsers: {}", names.join(", ")));
                }
                evidence.push(Evidence::new(name.clone(), seen.join("; ")));
                merged.extend(m);
            }
            Err(e) => {
                unreadable = true;
                evidence.push(Evidence::new(
                    name.clone(),
                    format!("(not valid JSON: {e})"),
                ));
            }
        }
    }
    if merged.is_empty() && unreadable {
        return (Verdict::unknown(super::Reason::Unrecognized), evidence);
    }
    let issues = issues(&merged);
    let status = if issues.iter().any(Issue::is_failure) {
        Status::Fail
    } else if issues.is_empty() {
        Status::Pass
    } else {
        Status::Warning
    };
    let finding = if issues.is_empty() {
        Finding::OrthancOk
    } else {
        Finding::OrthancRisky { issues }
    };
    (Verdict::new(status, finding), evidence)
}

/// Orthanc's default configuration folders on this system.
pub fn default_places() -> Vec<PathBuf> {
    if cfg!(windows) {
        let program_files = std::env::var_os("ProgramFiles")
            .map_or_else(|| PathBuf::from("C:\\Program Files"), PathBuf::from);
        vec![program_files.join("Orthanc Server").join("Configuration")]
    } else if cfg!(target_os = "macos") {
        vec![
            PathBuf::from("/usr/local/etc/orthanc"),
            PathBuf::from("/opt/homebrew/etc/orthanc"),
        ]
    } else {
        vec![PathBuf::from("/etc/orthanc")]
    }
}

/// The `.json` files of a folder, sorted, or the file itself.
fn config_files(place: &Path) -> Vec<PathBuf> {
    if place.is_file() {
        return vec![place.to_path_buf()];
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(place)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Reads the configuration at `path` (a file or a folder), else at Orthanc's default places.
pub fn read(path: Option<&Path>) -> CheckResult {
    let places = path.map_or_else(default_places, |p| vec![p.to_path_buf()]);
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for place in &places {
        let found = config_files(place);
        if found.is_empty() {
            missing.push(Evidence::new(
                place.display().to_string(),
                "(no configuration)",
            ));
        }
        for f in found {
            if let Ok(text) = crate::fs::read_bounded_to_string(&f, crate::fs::MAX_TEXT_FILE_BYTES)
            {
                files.push((f.display().to_string(), text));
            }
        }
    }
    let (verdict, mut evidence) = interpret(&files);
    evidence.extend(missing);
    verdict.result(CheckId::OrthancConfig, evidence)
}
