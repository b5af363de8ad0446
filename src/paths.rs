//! Where Vigie keeps its data: the vaults it creates by default, its settings, the demo practice.
//!
//! In order of precedence: the `--data-dir` option, the `VIGIE_DATA_DIR` environment variable (portable
//! use from a USB stick, tests), then the system's place for application data
//! (`%APPDATA%\Vigie\data` on Windows, `~/Library/Application Support/fr.Vigie.Vigie` on macOS,
//! `~/.local/share/vigie` on Linux).

use std::path::{Path, PathBuf};

/// Name of the environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "VIGIE_DATA_DIR";

/// The folders Vigie uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// The data folder from an explicit choice, or the environment, or the system default.
    pub fn resolve(explicit: Option<PathBuf>) -> Self {
        let root = explicit
            .or_else(|| {
                std::env::var_os(DATA_DIR_ENV)
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .or_else(|| {
                directories::ProjectDirs::from("fr", "Vigie", "Vigie")
                    .map(|d| d.data_dir().to_path_buf())
            })
            .unwrap_or_else(|| PathBuf::from("vigie-data"));
        Self { root }
    }

    /// A data folder at `root` (tests, portable use).
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The data folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where new practice vaults go by default.
    pub fn practices(&self) -> PathBuf {
        self.root.join("practices")
    }

    /// The demo practice's vault.
    pub fn demo_vault(&self) -> PathBuf {
        self.root.join("demo").join("cabinet-demo.vigie")
    }

    /// The application settings file.
    pub fn settings_file(&self) -> PathBuf {
        self.root.join("settings.ron")
    }

    /// A default vault path for a practice name: letters and digits kept, accents folded, the rest dashes.
    pub fn default_vault_for(&self, practice_name: &str) -> PathBuf {
        self.practices()
            .join(format!("{}.vigie", slug(practice_name)))
    }
}

/// A file-name-safe version of a name ("Cabinet du Dr Lefèvre" → "cabinet-du-dr-lefevre").
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            'œ' => {
                out.push_str("oe");
                continue;
            }
            'æ' => {
                out.push_str("ae");
                continue;
            }
            c => c,
        };
        if folded.is_ascii_alphanumeric() {
            out.push(folded);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "cabinet".to_owned()
    } else {
        trimmed.chars().take(60).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Cabinet du Dr Lefèvre"), "cabinet-du-dr-lefevre");
        assert_eq!(
            slug("  Œil & Cœur — Saint-Étienne "),
            "oeil-coeur-saint-etienne"
        );
        assert_eq!(slug("***"), "cabinet");
    }

    #[test]
    fn explicit_wins() {
        let d = DataDir::resolve(Some(PathBuf::from("/tmp/x")));
        assert_eq!(d.root(), Path::new("/tmp/x"));
        assert_eq!(d.demo_vault(), Path::new("/tmp/x/demo/cabinet-demo.vigie"));
    }
}
