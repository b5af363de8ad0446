//! Application settings (language, automatic lock, recent vaults), kept in clear in the data folder:
//! they hold no patient data, only preferences and file paths.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::locale::Lang;

/// The automatic-lock delays offered, in minutes.
pub const AUTO_LOCK_CHOICES: [u32; 6] = [2, 5, 10, 15, 30, 60];
/// The default automatic-lock delay.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
/// How many recent vaults are remembered.
const RECENT_MAX: usize = 8;

/// Why the settings could not be saved. The previous settings file, if any, is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The settings' folder could not be created.
    #[error("creating the folder {path}: {source}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// The settings could not be put in RON (should not happen).
    #[error("encoding the settings: {0}")]
    Encode(String),
    /// The atomic write failed.
    #[error(transparent)]
    Write(#[from] crate::fs::FsError),
}

/// The settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The chosen language; `None` follows the system.
    pub language: Option<Lang>,
    /// Minutes without activity before the vault locks.
    pub auto_lock_minutes: u32,
    /// Vaults opened recently, most recent first.
    pub recent_vaults: Vec<PathBuf>,
    /// The practice's name of each recent vault, to greet a returning user by it ("Ouvrir le coffre
    /// du Cabinet du Dr Martin"): the practice's, never a patient's.
    pub vault_names: std::collections::BTreeMap<PathBuf, String>,
    /// The page of the window shown last (its key), to reopen there.
    pub last_page: Option<String>,
    /// The folders the user added to the scan, offered again at the next scan (until removed).
    pub scan_folders: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: None,
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            recent_vaults: Vec::new(),
            vault_names: std::collections::BTreeMap::new(),
            last_page: None,
            scan_folders: Vec::new(),
        }
    }
}

impl Settings {
    /// Reads the settings; a missing or unreadable file gives the defaults (settings are preferences: a
    /// damaged file must not keep Vigie from starting).
    pub fn load(path: &Path) -> Self {
        // Settings are a few kilobytes: never blocked by a FIFO, never a huge file held.
        crate::fs::read_bounded_to_string(path, 1024 * 1024)
            .ok()
            .and_then(|text| ron::from_str::<Self>(&text).ok())
            .map(|mut s| {
                if !AUTO_LOCK_CHOICES.contains(&s.auto_lock_minutes) {
                    s.auto_lock_minutes = DEFAULT_AUTO_LOCK_MINUTES;
                }
                s
            })
            .unwrap_or_default()
    }

    /// Removes the temporary files that a window killed while saving its settings left beside them
    /// (found by the window crash harness). Called once as the window starts: only the window writes
    /// the settings, each save in a fraction of a second, so a temporary older than this start is a
    /// dead one (a second window starting during the first one's save could make that save fail, and
    /// the next one would succeed).
    pub fn remove_stale_temporaries(path: &Path) {
        if let (Some(dir), Some(name)) = (path.parent(), path.file_name()) {
            crate::fs::remove_stale_temporaries(dir, &[name.to_os_string()]);
        }
    }

    /// Writes the settings atomically ([`crate::fs::write_atomic`]: temporary file, flush, rename),
    /// creating the folder if needed. It flushes to disk: call it from a background job, not the UI
    /// thread.
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| SettingsError::Folder {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| SettingsError::Encode(e.to_string()))?;
        crate::fs::write_atomic(path, text.as_bytes())?;
        Ok(())
    }

    /// The language to use: the chosen one, else the system's.
    pub fn effective_language(&self) -> Lang {
        self.language.unwrap_or_else(Lang::from_system)
    }

    /// Puts `path` first in the recent vaults.
    pub fn remember_vault(&mut self, path: &Path) {
        self.recent_vaults.retain(|p| p != path);
        self.recent_vaults.insert(0, path.to_path_buf());
        self.recent_vaults.truncate(RECENT_MAX);
        let recent = &self.recent_vaults;
        self.vault_names.retain(|p, _| recent.contains(p));
    }

    /// Remembers a recent vault with its practice's name.
    pub fn remember_named_vault(&mut self, path: &Path, practice: &str) {
        self.remember_vault(path);
        self.vault_names
            .insert(path.to_path_buf(), practice.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_defaults() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("sub").join("settings.ron");
        assert_eq!(Settings::load(&path), Settings::default());
        let mut s = Settings {
            language: Some(Lang::En),
            auto_lock_minutes: 5,
            ..Default::default()
        };
        s.remember_vault(Path::new("/a.vigie"));
        s.remember_vault(Path::new("/b.vigie"));
        s.remember_vault(Path::new("/a.vigie"));
        assert_eq!(
            s.recent_vaults,
            vec![PathBuf::from("/a.vigie"), PathBuf::from("/b.vigie")]
        );
        s.save(&path).expect("save");
        assert_eq!(Settings::load(&path), s);
        std::fs::write(&path, "not ron at all").expect("write");
        assert_eq!(Settings::load(&path), Settings::default());
        // A folder where the settings' folder should be: a typed error naming it.
        let blocked = dir.path().join("file");
        std::fs::write(&blocked, "x").expect("write");
        let err = s
            .save(&blocked.join("settings.ron"))
            .expect_err("no folder");
        assert!(matches!(err, SettingsError::Folder { .. }), "{err}");
    }

    #[test]
    fn a_killed_save_s_temporary_is_removed_at_the_next_start_and_nothing_else() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("settings.ron");
        Settings::default().save(&path).expect("save");
        let dead = dir.path().join("settings.ron.tmp-0123456789ab");
        let other = dir.path().join("cabinet.vigie.tmp-0123456789ab");
        std::fs::write(&dead, "interrupted").expect("write");
        std::fs::write(&other, "not ours to clean here").expect("write");
        Settings::remove_stale_temporaries(&path);
        assert!(!dead.exists(), "the settings' temporary");
        assert!(other.exists(), "another file's temporary stays");
        assert!(path.exists(), "the settings stay");
    }
}
