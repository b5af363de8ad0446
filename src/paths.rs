//! Where Vigie keeps its data: the vaults it creates by default, its settings, the demo practice.
//!
//! In order of precedence: the `--data-dir` option, the `VIGIE_DATA_DIR` environment variable (tests,
//! scripts), **portable mode** — a file named `portable` next to the executable keeps everything in a
//! `vigie-data` folder beside it, for a consultant's USB stick —, then the system's place for
//! application data (`%APPDATA%\Vigie\Vigie\data` on Windows, `~/Library/Application
//! Support/fr.Vigie.Vigie` on macOS, `~/.local/share/vigie` on Linux).

use std::path::{Path, PathBuf};

/// Name of the environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "VIGIE_DATA_DIR";

/// The name of the file that turns portable mode on, next to the executable.
pub const PORTABLE_MARKER: &str = "portable";
/// The data folder of portable mode, next to the executable.
pub const PORTABLE_DATA: &str = "vigie-data";

/// Why the data folder is where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSource {
    /// `--data-dir`, or a folder given by the program (tests).
    Explicit,
    /// The `VIGIE_DATA_DIR` environment variable.
    Environment,
    /// Portable mode: a `portable` file next to the executable.
    Portable,
    /// The system's folder for application data.
    System,
}

/// The folders Vigie uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
    source: DataSource,
}

impl DataDir {
    /// The data folder from an explicit choice, or the environment, or the system default.
    pub fn resolve(explicit: Option<PathBuf>) -> Self {
        Self::resolve_with(
            explicit,
            std::env::var_os(DATA_DIR_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            std::env::current_exe().ok().as_deref(),
        )
    }

    /// [`DataDir::resolve`] with the environment variable and the executable's path given (tests).
    pub fn resolve_with(
        explicit: Option<PathBuf>,
        env: Option<PathBuf>,
        exe: Option<&Path>,
    ) -> Self {
        if let Some(root) = explicit {
            return Self {
                root,
                source: DataSource::Explicit,
            };
        }
        if let Some(root) = env {
            return Self {
                root,
                source: DataSource::Environment,
            };
        }
        if let Some(dir) = exe.and_then(Path::parent)
            && dir.join(PORTABLE_MARKER).is_file()
        {
            return Self {
                root: dir.join(PORTABLE_DATA),
                source: DataSource::Portable,
            };
        }
        let root = directories::ProjectDirs::from("fr", "Vigie", "Vigie")
            .map(|d| d.data_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from(PORTABLE_DATA));
        Self {
            root,
            source: DataSource::System,
        }
    }

    /// A data folder at `root` (tests, portable use).
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            source: DataSource::Explicit,
        }
    }

    /// Why the data folder is where it is.
    pub fn source(&self) -> DataSource {
        self.source
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

    /// The diagnostic log's folder (`crate::diag`): what support asks for, holding no practice data.
    pub fn log_dir(&self) -> PathBuf {
        self.root.join("logs")
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
    fn portable_mode_follows_the_marker_next_to_the_executable() {
        let stick = tempfile::tempdir().expect("tempdir");
        let exe = stick.path().join("vigie.exe");
        std::fs::write(&exe, b"").expect("exe");
        // No marker: the system folder.
        let d = DataDir::resolve_with(None, None, Some(&exe));
        assert_eq!(d.source(), DataSource::System);
        // A marker: data beside the executable.
        std::fs::write(stick.path().join(PORTABLE_MARKER), b"").expect("marker");
        let d = DataDir::resolve_with(None, None, Some(&exe));
        assert_eq!(d.source(), DataSource::Portable);
        assert_eq!(d.root(), stick.path().join("vigie-data"));
        // The environment and the option still win.
        let d = DataDir::resolve_with(None, Some("/env".into()), Some(&exe));
        assert_eq!(d.source(), DataSource::Environment);
        let d = DataDir::resolve_with(Some("/opt".into()), Some("/env".into()), Some(&exe));
        assert_eq!(d.root(), Path::new("/opt"));
        // A folder named `portable` is not the marker.
        std::fs::remove_file(stick.path().join(PORTABLE_MARKER)).expect("rm");
        std::fs::create_dir(stick.path().join(PORTABLE_MARKER)).expect("dir");
        let d = DataDir::resolve_with(None, None, Some(&exe));
        assert_eq!(d.source(), DataSource::System);
    }

    #[test]
    fn explicit_wins() {
        let d = DataDir::resolve(Some(PathBuf::from("/tmp/x")));
        assert_eq!(d.root(), Path::new("/tmp/x"));
        assert_eq!(d.demo_vault(), Path::new("/tmp/x/demo/cabinet-demo.vigie"));
        assert_eq!(d.log_dir(), Path::new("/tmp/x/logs"));
    }
}
