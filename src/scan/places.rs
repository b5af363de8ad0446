//! Places worth scanning on this computer: the user's usual folders, cloud-synced folders, removable
//! media, and the imaging software's storage folder when one is found. Only places that exist are
//! offered.

use std::path::{Path, PathBuf};

use super::CloudService;

/// What a suggested place is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceKind {
    /// The Documents folder.
    Documents,
    /// The Desktop.
    Desktop,
    /// Downloads.
    Downloads,
    /// Pictures.
    Pictures,
    /// A cloud-synced folder.
    Cloud(CloudService),
    /// A removable medium.
    Removable,
    /// The storage folder of an imaging program (its name).
    Imaging(&'static str),
}

/// A place to scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// What it is.
    pub kind: PlaceKind,
    /// Where.
    pub path: PathBuf,
}

/// The places that exist on this computer, without duplicates, in the order above.
pub fn suggested() -> Vec<Place> {
    let mut places = Vec::new();
    if let Some(user) = directories::UserDirs::new() {
        let home = user.home_dir().to_path_buf();
        for (kind, dir) in [
            (PlaceKind::Documents, user.document_dir()),
            (PlaceKind::Desktop, user.desktop_dir()),
            (PlaceKind::Downloads, user.download_dir()),
            (PlaceKind::Pictures, user.picture_dir()),
        ] {
            if let Some(dir) = dir.filter(|d| *d != home) {
                places.push(Place {
                    kind,
                    path: dir.to_path_buf(),
                });
            }
        }
        places.extend(cloud_folders(&home));
        places.extend(imaging_folders(Some(&home)));
    } else {
        places.extend(imaging_folders(None));
    }
    for mount in super::context::removable_mounts() {
        places.push(Place {
            kind: PlaceKind::Removable,
            path: mount.clone(),
        });
    }
    let mut seen = std::collections::HashSet::new();
    places.retain(|p| p.path.is_dir() && seen.insert(p.path.clone()));
    places
}

/// Cloud-synced folders directly under the home folder (and iCloud's on a Mac).
fn cloud_folders(home: &Path) -> Vec<Place> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(home) {
        let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        names.sort();
        for path in names {
            if let Some(service) = path
                .file_name()
                .and_then(|n| super::context::cloud_service(Path::new(n)))
            {
                out.push(Place {
                    kind: PlaceKind::Cloud(service),
                    path,
                });
            }
        }
    }
    let icloud = home.join("Library/Mobile Documents/com~apple~CloudDocs");
    out.push(Place {
        kind: PlaceKind::Cloud(CloudService::ICloud),
        path: icloud,
    });
    out
}

/// The storage folders of imaging programs: Orthanc (from its configuration, else its defaults), Horos
/// and OsiriX.
fn imaging_folders(home: Option<&Path>) -> Vec<Place> {
    let mut out: Vec<Place> = orthanc_storage()
        .into_iter()
        .map(|path| Place {
            kind: PlaceKind::Imaging("Orthanc"),
            path,
        })
        .collect();
    if let Some(home) = home {
        for (name, dir) in [
            ("Horos", "Documents/Horos Data"),
            ("OsiriX", "Documents/OsiriX Data"),
        ] {
            out.push(Place {
                kind: PlaceKind::Imaging(name),
                path: home.join(dir),
            });
        }
    }
    out
}

/// Orthanc's `StorageDirectory`, read from its configuration files, plus the packaged defaults.
fn orthanc_storage() -> Vec<PathBuf> {
    let (config_dirs, defaults): (&[&str], &[&str]) = if cfg!(windows) {
        (
            &[r"C:\Program Files\Orthanc Server\Configuration"],
            &[
                r"C:\Program Files\Orthanc Server\OrthancStorage",
                r"C:\Orthanc\OrthancStorage",
            ],
        )
    } else {
        (&["/etc/orthanc"], &["/var/lib/orthanc/db"])
    };
    let mut out = Vec::new();
    for dir in config_dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                && let Ok(text) = std::fs::read_to_string(&path)
                && let Some(storage) = storage_directory(&text)
            {
                let storage = PathBuf::from(storage);
                out.push(if storage.is_relative() {
                    Path::new(dir).join(storage)
                } else {
                    storage
                });
            }
        }
    }
    out.extend(defaults.iter().map(PathBuf::from));
    out
}

/// The `StorageDirectory` of an Orthanc configuration (JSON with `//` and `/* */` comments).
pub fn storage_directory(config: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(&strip_json_comments(config)).ok()?;
    value.get("StorageDirectory")?.as_str().map(str::to_owned)
}

/// Removes `//` and `/* */` comments outside strings.
fn strip_json_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match (c, chars.peek()) {
            ('"', _) => {
                in_string = true;
                out.push(c);
            }
            ('/', Some('/')) => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            ('/', Some('*')) => {
                chars.next();
                let mut last = ' ';
                for n in chars.by_ref() {
                    if last == '*' && n == '/' {
                        break;
                    }
                    last = n;
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orthanc_storage_directory_is_read_despite_comments() {
        let config = r#"{
  // Where Orthanc keeps its files
  "Name" : "Orthanc // cabinet",
  /* "StorageDirectory" : "/wrong", */
  "StorageDirectory" : "D:\\Imagerie\\OrthancStorage",
  "IndexDirectory" : "D:\\Imagerie\\Index"
}"#;
        assert_eq!(
            storage_directory(config).as_deref(),
            Some(r"D:\Imagerie\OrthancStorage")
        );
        assert_eq!(storage_directory("{ \"Name\": \"x\" }"), None);
        assert_eq!(storage_directory("not json"), None);
    }

    #[test]
    fn suggestions_exist_and_are_unique() {
        let places = suggested();
        let mut seen = std::collections::HashSet::new();
        for p in &places {
            assert!(p.path.is_dir(), "{:?}", p.path);
            assert!(seen.insert(p.path.clone()));
        }
    }
}
