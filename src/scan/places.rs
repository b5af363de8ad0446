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
    crate::io_guard::check("looking for the places to scan");
    let user = directories::UserDirs::new();
    let home = user.as_ref().map(|u| u.home_dir().to_path_buf());
    let usual = user
        .as_ref()
        .map(|u| {
            [
                (PlaceKind::Documents, u.document_dir()),
                (PlaceKind::Desktop, u.desktop_dir()),
                (PlaceKind::Downloads, u.download_dir()),
                (PlaceKind::Pictures, u.picture_dir()),
            ]
            .into_iter()
            .filter_map(|(kind, dir)| Some((kind, dir?.to_path_buf())))
            .collect()
        })
        .unwrap_or_default();
    let mut places = suggested_in(home.as_deref(), usual);
    places.extend(orthanc_storage().into_iter().map(|path| Place {
        kind: PlaceKind::Imaging("Orthanc"),
        path,
    }));
    // Read again each time: a USB stick plugged in since the last look is offered.
    places.extend(
        super::context::removable_mounts()
            .into_iter()
            .map(|path| Place {
                kind: PlaceKind::Removable,
                path,
            }),
    );
    keep_existing_once(places)
}

/// The places under a home folder: its usual folders (as the system names them), cloud-synced folders
/// and the Mac imaging programs' folders; only those that exist, each once.
fn suggested_in(home: Option<&Path>, usual: Vec<(PlaceKind, PathBuf)>) -> Vec<Place> {
    let mut places: Vec<Place> = usual
        .into_iter()
        .filter(|(_, dir)| Some(dir.as_path()) != home)
        .map(|(kind, path)| Place { kind, path })
        .collect();
    if let Some(home) = home {
        places.extend(cloud_folders(home));
        places.extend(home_imaging_folders(home));
    }
    keep_existing_once(places)
}

/// Keeps the places that are folders, the first time each is named.
fn keep_existing_once(mut places: Vec<Place>) -> Vec<Place> {
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

/// The storage folders of the Mac imaging programs Horos and `OsiriX`, under the home folder.
fn home_imaging_folders(home: &Path) -> Vec<Place> {
    [
        ("Horos", "Documents/Horos Data"),
        ("OsiriX", "Documents/OsiriX Data"),
    ]
    .into_iter()
    .map(|(name, dir)| Place {
        kind: PlaceKind::Imaging(name),
        path: home.join(dir),
    })
    .collect()
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
                && let Ok(text) =
                    crate::fs::read_bounded_to_string(&path, crate::fs::MAX_TEXT_FILE_BYTES)
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

    /// A home folder laid out like a practice PC's: the usual folders that exist are offered in order,
    /// once each, with the cloud-synced ones and the imaging programs' folders; missing ones are not.
    #[test]
    fn suggestions_are_the_existing_places_of_the_home_folder_once_each() {
        let home = tempfile::tempdir().expect("tempdir");
        let h = home.path();
        for dir in [
            "Documents",
            "Bureau",
            "Images",
            "Dropbox",
            "OneDrive - Cabinet Martin",
            "Documents/Horos Data",
            "Notes",
        ] {
            std::fs::create_dir_all(h.join(dir)).expect("mkdir");
        }
        let usual = vec![
            (PlaceKind::Documents, h.join("Documents")),
            (PlaceKind::Desktop, h.join("Bureau")),
            // Not there: not offered.
            (PlaceKind::Downloads, h.join("Téléchargements")),
            // A system that names the home folder itself as Pictures: not offered (the whole home).
            (PlaceKind::Pictures, h.to_path_buf()),
            // Named twice: offered once.
            (PlaceKind::Pictures, h.join("Documents")),
        ];
        let places = suggested_in(Some(h), usual);
        let got: Vec<(PlaceKind, PathBuf)> = places.into_iter().map(|p| (p.kind, p.path)).collect();
        assert_eq!(
            got,
            vec![
                (PlaceKind::Documents, h.join("Documents")),
                (PlaceKind::Desktop, h.join("Bureau")),
                (PlaceKind::Cloud(CloudService::Dropbox), h.join("Dropbox")),
                (
                    PlaceKind::Cloud(CloudService::OneDrive),
                    h.join("OneDrive - Cabinet Martin")
                ),
                (PlaceKind::Imaging("Horos"), h.join("Documents/Horos Data")),
            ]
        );
        assert!(suggested_in(None, Vec::new()).is_empty());
    }

    /// On the real machine: whatever is offered exists and is offered once.
    #[test]
    fn suggestions_on_this_machine_exist_and_are_unique() {
        let places = suggested();
        let mut seen = std::collections::HashSet::new();
        for p in &places {
            assert!(p.path.is_dir(), "{:?}", p.path);
            assert!(seen.insert(p.path.clone()));
        }
    }
}
