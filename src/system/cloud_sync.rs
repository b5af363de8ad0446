//! Cloud-synced folders in the user's folder (OneDrive, Dropbox, Google Drive, iCloud Drive): what is
//! put there is copied to the service's servers, which are not certified to host health data unless a
//! contract says so. The folder scanner flags the images it finds inside them.

use std::path::Path;

use super::{CheckId, CheckResult, Evidence, Finding, Reason, Status, Verdict};

/// The service of a folder name directly under the user's folder (or of a known sub-path).
pub fn service_of(name: &str) -> Option<&'static str> {
    let n = name.to_lowercase();
    if n == "onedrive" || n.starts_with("onedrive - ") || n.starts_with("onedrive-") {
        Some("OneDrive")
    } else if n == "dropbox" || n.starts_with("dropbox (") {
        Some("Dropbox")
    } else if n == "google drive" || n == "googledrive" || n == "mon drive" || n == "my drive" {
        Some("Google Drive")
    } else if n == "icloud drive" || n == "iclouddrive" || n == "library/mobile documents" {
        Some("iCloud Drive")
    } else {
        None
    }
}

/// The verdict on the folder names found under the user's folder.
pub fn interpret(names: &[String]) -> Verdict {
    let mut services: Vec<String> = names
        .iter()
        .filter_map(|n| service_of(n))
        .map(str::to_owned)
        .collect();
    services.sort();
    services.dedup();
    if services.is_empty() {
        Verdict::new(Status::Pass, Finding::NoCloudFolders)
    } else {
        Verdict::new(Status::Warning, Finding::CloudFolders { services })
    }
}

/// The names of `home`'s folders that could be synced (and the known sub-paths that exist).
pub fn folder_names(home: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(home)
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| service_of(n).is_some())
                .collect()
        })
        .unwrap_or_default();
    for sub in ["Library/Mobile Documents", "Library/CloudStorage"] {
        if home.join(sub).is_dir() {
            names.push(if sub.ends_with("CloudStorage") {
                // macOS puts every provider's folder there: named by their prefix.
                std::fs::read_dir(home.join(sub))
                    .map(|d| {
                        d.flatten()
                            .map(|e| e.file_name().to_string_lossy().into_owned())
                            .find_map(|n| {
                                let n = n.split('-').next().unwrap_or_default().to_owned();
                                service_of(&n).map(|_| n)
                            })
                            .unwrap_or_default()
                    })
                    .unwrap_or_default()
            } else {
                "Library/Mobile Documents".to_owned()
            });
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// Reads the user's folder.
pub fn read() -> CheckResult {
    let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf()) else {
        return Verdict::unknown(Reason::NotReadable).result(CheckId::CloudSync, Vec::new());
    };
    let names = folder_names(&home);
    let shown = if names.is_empty() {
        "(none)".to_owned()
    } else {
        names.join(", ")
    };
    interpret(&names).result(
        CheckId::CloudSync,
        vec![Evidence::new("folders of the user's folder", shown)],
    )
}
