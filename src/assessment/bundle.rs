//! The files of a signed assessment, and the `.vigie-assessment` bundle that carries them.
//!
//! The files, all plain and readable without Vigie:
//! - `assessment-<id>.json`: the signed document (its exact bytes);
//! - `assessment-<id>.json.<principal>.sig`: one OpenSSH signature per signer;
//! - `allowed_signers`: the signers' public keys, for `ssh-keygen -Y verify -f allowed_signers`;
//! - `countersignature-<principal>.json` and its `.sig`: a countersigner's signed statement (who they
//!   are, when, which document and which doctor's key they vouch for);
//! - `signers.json`: who each signer says they are and when they signed — a convenience **signed by
//!   nobody**: verification and import never take a name, a role or a date from it.
//!
//! A bundle is a ZIP archive of these files (and of `HOW-TO-VERIFY.txt`): one file to send by e-mail or
//! on a USB stick, which any system opens. Reading a bundle never writes anything to disk.

use std::fmt::Write as _;
use std::io::{Read as _, Write as _};
use std::path::Path;
use std::sync::Arc;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::document::AssessmentDocument;
use super::identity::{Identity, Role};
use super::sshsig::{PublicKey, SshSignature};
use super::{NAMESPACE, REPORT_NAMESPACE, STATEMENT_NAMESPACE, SignedStatement, StoredSignature};

/// The extension of a bundle.
pub const EXTENSION: &str = "vigie-assessment";
/// The name of the signers' keys file.
pub const ALLOWED_SIGNERS: &str = "allowed_signers";
/// The name of the signers' description.
pub const SIGNERS_JSON: &str = "signers.json";
/// The most files a bundle or a folder set may hold.
const MAX_FILES: usize = 64;
/// The largest file read from a bundle or beside a signed file.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The largest bundle read (its ZIP file as a whole): a bigger one is refused by its size.
pub const MAX_BUNDLE_BYTES: u64 = 2 * MAX_FILE_BYTES;

/// Why a bundle or a set of files could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// Not a ZIP archive, or a damaged one.
    #[error("not a readable Vigie assessment file")]
    NotABundle,
    /// More files, or larger ones, than a bundle ever holds.
    #[error("the file holds more, or larger, files than an assessment bundle")]
    TooLarge,
    /// No assessment document inside.
    #[error("no assessment document in the file")]
    NoDocument,
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// Which.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// A document and its signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureSet {
    /// The document's id.
    pub id: String,
    /// Its signed bytes.
    pub document: Arc<[u8]>,
    /// The signatures.
    pub signatures: Vec<StoredSignature>,
}

/// One signer in `signers.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignerEntry {
    /// As in `allowed_signers`.
    pub principal: String,
    /// Full name.
    pub name: String,
    /// `doctor` or `consultant`.
    pub role: Role,
    /// RPPS number or organisation.
    pub affiliation: String,
    /// `ssh-ed25519 AAAA…`.
    pub public_key: String,
    /// Its fingerprint, as `ssh-keygen -l` prints it.
    pub fingerprint: String,
    /// When they signed (as their Vigie recorded it).
    pub signed_at: Timestamp,
    /// The signature file.
    pub signature: String,
}

/// A list of named files: a bundle's contents, or a signed file and the files beside it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSet {
    /// Name and bytes of each file.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The document's file name for an id.
pub fn document_name(id: &str) -> String {
    format!("assessment-{id}.json")
}

/// The signature file of `target` by `principal`.
pub fn signature_name(target: &str, principal: &str) -> String {
    format!("{target}.{principal}.sig")
}

/// The statement file of a countersigner.
pub fn statement_name(principal: &str) -> String {
    format!("countersignature-{principal}.json")
}

/// The `allowed_signers` text for `signers`, each line preceded by a comment naming the signer.
pub fn allowed_signers(signers: &[&Identity]) -> String {
    let mut out = String::from(
        "# Public keys of the signers, for: ssh-keygen -Y verify -f allowed_signers -I <principal> -n <namespace> -s <file>.sig < <file>\n",
    );
    let mut seen = Vec::new();
    for id in signers {
        if seen.contains(&&id.public_key) {
            continue;
        }
        seen.push(&id.public_key);
        let namespaces: &[&str] = match id.role {
            Role::Doctor => &[NAMESPACE, REPORT_NAMESPACE],
            Role::Consultant => &[NAMESPACE, REPORT_NAMESPACE, STATEMENT_NAMESPACE],
        };
        if let Some(line) = id.allowed_signer(namespaces) {
            let _ = writeln!(
                out,
                "# {} ({}{}) {}\n{}",
                id.name,
                match id.role {
                    Role::Doctor => "doctor",
                    Role::Consultant => "consultant",
                },
                if id.affiliation.is_empty() {
                    String::new()
                } else {
                    format!(", {}", id.affiliation)
                },
                id.fingerprint(),
                line.line()
            );
        }
    }
    out
}

impl SignatureSet {
    /// The document's file name.
    pub fn document_name(&self) -> String {
        document_name(&self.id)
    }

    /// The files: document, signatures, `allowed_signers`, `signers.json`.
    pub fn files(&self) -> FileSet {
        let doc = self.document_name();
        let mut files = vec![(doc.clone(), self.document.to_vec())];
        let mut entries = Vec::new();
        for s in &self.signatures {
            let name = signature_name(&doc, &s.identity.principal);
            files.push((name.clone(), s.armored.clone().into_bytes()));
            if let Some(st) = &s.statement {
                let st_name = statement_name(&s.identity.principal);
                files.push((format!("{st_name}.sig"), st.armored.clone().into_bytes()));
                files.push((st_name, st.bytes.to_vec()));
            }
            entries.push(SignerEntry {
                principal: s.identity.principal.clone(),
                name: s.identity.name.clone(),
                role: s.identity.role,
                affiliation: s.identity.affiliation.clone(),
                public_key: s.identity.public_key.clone(),
                fingerprint: s.identity.fingerprint(),
                signed_at: s.signed_at,
                signature: name,
            });
        }
        let ids: Vec<&Identity> = self.signatures.iter().map(|s| &s.identity).collect();
        files.push((
            ALLOWED_SIGNERS.to_owned(),
            allowed_signers(&ids).into_bytes(),
        ));
        let mut json = serde_json::to_vec_pretty(&entries).unwrap_or_default();
        json.push(b'\n');
        files.push((SIGNERS_JSON.to_owned(), json));
        FileSet { files }
    }
}

impl FileSet {
    /// A file by name.
    pub fn get(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.as_slice())
    }

    /// Adds or replaces a file.
    pub fn put(&mut self, name: &str, bytes: Vec<u8>) {
        self.files.retain(|(n, _)| n != name);
        self.files.push((name.to_owned(), bytes));
    }

    /// The signed document's name, if the set holds one.
    pub fn document_name(&self) -> Option<&str> {
        self.files
            .iter()
            .map(|(n, _)| n.as_str())
            .find(|n| n.starts_with("assessment-") && is_json(n))
    }

    /// The signers described in `signers.json` (none if it is missing or unreadable).
    pub fn signer_entries(&self) -> Vec<SignerEntry> {
        self.get(SIGNERS_JSON)
            .and_then(|b| serde_json::from_slice(b).ok())
            .unwrap_or_default()
    }

    /// The signature files of `target`: `target.sig` and `target.<principal>.sig`.
    pub fn signatures_of(&self, target: &str) -> Vec<(&str, &[u8])> {
        let prefix = format!("{target}.");
        self.files
            .iter()
            .filter(|(n, _)| n.strip_prefix(&prefix).is_some_and(|r| r.ends_with("sig")))
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect()
    }

    /// The countersignature statements of the set: their bytes and armored signatures.
    pub fn statements(&self) -> Vec<SignedStatement> {
        self.files
            .iter()
            .filter(|(n, _)| n.starts_with("countersignature-") && is_json(n))
            .filter_map(|(n, b)| {
                let armored = String::from_utf8(self.get(&format!("{n}.sig"))?.to_vec()).ok()?;
                Some(SignedStatement {
                    bytes: b.as_slice().into(),
                    armored,
                })
            })
            .collect()
    }

    /// The document and its signatures, to bring a countersignature back into the vault. Each
    /// signature's identity is what a signature covers: the document's signer for the doctor's key, the
    /// signed statement for a countersigner; failing both, what `signers.json` declares, with no
    /// statement (such a signature is never imported).
    pub fn signature_set(&self) -> Result<SignatureSet, BundleError> {
        let doc = self.document_name().ok_or(BundleError::NoDocument)?;
        let id = doc
            .trim_start_matches("assessment-")
            .trim_end_matches(".json")
            .to_owned();
        let document: Arc<[u8]> = self.get(doc).ok_or(BundleError::NoDocument)?.into();
        let parsed = AssessmentDocument::parse(&document).ok();
        let doctor_fp = parsed
            .as_ref()
            .map(|d| d.signer.fingerprint())
            .unwrap_or_default();
        let entries = self.signer_entries();
        let statements = self.statements();
        let signatures = self
            .signatures_of(doc)
            .into_iter()
            .filter_map(|(_, armored)| {
                let armored = String::from_utf8(armored.to_vec()).ok()?;
                let key: PublicKey = SshSignature::parse(&armored).ok()?.key;
                let key_text = key.openssh();
                if let Some(d) = parsed.as_ref().filter(|d| d.signer.public_key == key_text) {
                    return Some(StoredSignature {
                        identity: d.signer.clone(),
                        signed_at: d.completed_at,
                        armored,
                        statement: None,
                    });
                }
                let signed = statements.iter().find_map(|st| {
                    st.check(&key, &document, &doctor_fp)
                        .map(|checked| (st.clone(), checked))
                });
                if let Some((st, checked)) = signed {
                    return Some(StoredSignature {
                        identity: checked.signer,
                        signed_at: checked.signed_at,
                        armored,
                        statement: Some(st),
                    });
                }
                let e = entries.iter().find(|e| e.public_key == key_text)?;
                Some(StoredSignature {
                    identity: Identity {
                        principal: e.principal.clone(),
                        name: e.name.clone(),
                        role: e.role,
                        affiliation: e.affiliation.clone(),
                        public_key: e.public_key.clone(),
                    },
                    signed_at: e.signed_at,
                    armored,
                    statement: None,
                })
            })
            .collect();
        Ok(SignatureSet {
            id,
            document,
            signatures,
        })
    }

    /// The set as a ZIP archive (deflated).
    pub fn to_zip(&self) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .unix_permissions(0o644);
        for (name, bytes) in &self.files {
            // Writing to memory fails only on an out-of-memory condition, which aborts anyway.
            if zip.start_file(name.as_str(), options).is_ok() {
                let _ = zip.write_all(bytes);
            }
        }
        zip.finish()
            .map(std::io::Cursor::into_inner)
            .unwrap_or_default()
    }

    /// Reads a bundle (never extracting anything to disk): at most [`MAX_FILES`] files of at most
    /// [`MAX_FILE_BYTES`] each, whatever their headers claim.
    pub fn from_zip(bytes: &[u8]) -> Result<Self, BundleError> {
        let mut archive =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).or(Err(BundleError::NotABundle))?;
        if archive.len() > MAX_FILES {
            return Err(BundleError::TooLarge);
        }
        let mut files = Vec::new();
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).or(Err(BundleError::NotABundle))?;
            if entry.is_dir() {
                continue;
            }
            let name = entry
                .name()
                .map(|n| n.rsplit('/').next().unwrap_or_default().to_owned())
                .or(Err(BundleError::NotABundle))?;
            let mut data = Vec::new();
            (&mut entry)
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut data)
                .or(Err(BundleError::NotABundle))?;
            if data.len() as u64 > MAX_FILE_BYTES {
                return Err(BundleError::TooLarge);
            }
            files.push((name, data));
        }
        Ok(Self { files })
    }

    /// A signed file and what lies beside it in its folder: its signatures (`FILE.sig`,
    /// `FILE.<principal>.sig`), `allowed_signers` and `signers.json`. Returns the set and the file's name.
    pub fn beside(path: &Path) -> Result<(Self, String), BundleError> {
        crate::io_guard::check("reading a signed file");
        fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BundleError + '_ {
            move |source| BundleError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or(BundleError::NoDocument)?;
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        let mut set = Self::default();
        set.files
            .push((name.clone(), read_limited(path).map_err(io(path))?));
        let entries = std::fs::read_dir(folder).map_err(io(folder))?;
        let prefix = format!("{name}.");
        for entry in entries.flatten().take(10_000) {
            let other = entry.file_name().to_string_lossy().into_owned();
            let wanted = other == ALLOWED_SIGNERS
                || other == SIGNERS_JSON
                || other.starts_with("countersignature-")
                || other
                    .strip_prefix(&prefix)
                    .is_some_and(|r| r.ends_with("sig"));
            if wanted && set.files.len() < MAX_FILES {
                let p = entry.path();
                set.files.push((other, read_limited(&p).map_err(io(&p))?));
            }
        }
        Ok((set, name))
    }
}

/// Whether a file name ends in `.json` (any case).
pub fn is_json(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    let data = crate::fs::read_bounded(path, MAX_FILE_BYTES)?;
    Ok(data)
}
