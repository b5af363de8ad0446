//! `MANIFEST.json`, the last entry of every Vigie archive: each file's path, size, SHA-256 and time, and
//! who made the archive. Written after the files (their digests are computed while they are streamed in,
//! so each original is read once); read back to check every file. `docs/archive-format.md` describes it.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The entry name of the manifest, at the top of the tar stream.
pub const MANIFEST_NAME: &str = "MANIFEST.json";

/// The checksum list written after the manifest, at the top of the tar stream: every file and the
/// manifest, for `sha256sum -c SHA256SUMS` after `age -d … | tar -x`.
pub const SUMS_NAME: &str = crate::digest::SUMS_FILE;

/// The value of [`Manifest::format`] written by this version.
pub const FORMAT: &str = "vigie-archive/1";

/// The largest manifest read back (a million files fit in about 200 MiB; a hostile archive cannot make
/// Vigie hold more).
pub const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

/// One archived file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    /// Its path in the archive, `/`-separated, relative (the first part is the chosen folder's name).
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// The SHA-256 of its bytes, lower-case hexadecimal.
    pub sha256: String,
    /// Its modification time, when the system gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
}

/// The manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT`].
    pub format: String,
    /// When the archive was made.
    pub created_at: Timestamp,
    /// The practice's name, as in its profile.
    pub practice: String,
    /// The version of Vigie that made it.
    pub vigie_version: String,
    /// How the archive is encrypted: `"practice-key"` or `"passphrase"`.
    pub key: String,
    /// The number of files.
    pub file_count: u64,
    /// Their total size in bytes.
    pub total_bytes: u64,
    /// The files, in the order of the tar stream.
    pub files: Vec<ManifestFile>,
}

impl Manifest {
    /// The manifest as written: pretty JSON, ending with a newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// The format named by a Vigie manifest of another version than [`FORMAT`] (a JSON object whose
    /// `format` starts with `vigie-archive/`): such a manifest is refused, never taken for a file.
    pub fn unknown_format(bytes: &[u8]) -> Option<String> {
        #[derive(Deserialize)]
        struct Head {
            format: String,
        }
        let head: Head = serde_json::from_slice(bytes).ok()?;
        (head.format.starts_with("vigie-archive/") && head.format != FORMAT).then_some(head.format)
    }

    /// Reads a manifest; `None` when it is not one this version understands.
    pub fn parse(bytes: &[u8]) -> Option<Self> {
        let manifest: Self = serde_json::from_slice(bytes).ok()?;
        (manifest.format == FORMAT).then_some(manifest)
    }
}

impl Manifest {
    /// The `SHA256SUMS` text of this manifest's files and of the manifest's own bytes
    /// (`manifest_bytes`), as `sha256sum` writes it.
    pub fn sums(&self, manifest_bytes: &[u8]) -> String {
        crate::digest::sums_of_hashes(
            self.files
                .iter()
                .map(|f| (f.path.as_str(), f.sha256.clone()))
                .chain(std::iter::once((
                    MANIFEST_NAME,
                    crate::digest::sha256_hex(manifest_bytes),
                ))),
        )
    }
}
