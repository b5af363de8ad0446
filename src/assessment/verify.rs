//! Checking a signed assessment, or a signed report PDF: every signature, who made it, and whether the
//! file is exactly the one signed. The same rules as `ssh-keygen -Y verify` (a key listed in
//! `allowed_signers` for the namespace, a valid signature of these exact bytes), plus what a record
//! needs: the practitioner named in the document must have signed it, and a signer listed beside the
//! file whose signature is gone is reported as missing.
//!
//! Who signed is taken only from what a signature covers: the doctor's name, role and RPPS from the
//! signed document itself, a countersigner's from their signed statement. What `signers.json` says
//! (signed by nobody) is kept apart, as [`SignerCheck::declared`], never as a verified identity.

use std::path::Path;

use jiff::Timestamp;

use super::bundle::{ALLOWED_SIGNERS, BundleError, FileSet};
use super::document::{AssessmentDocument, DocumentError, NAMESPACE, REPORT_NAMESPACE};
use super::identity::Role;
use super::sshsig::{self, PublicKey, SshSigError, SshSignature};
use crate::digest::sha256_hex;

/// What was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A signed assessment document (read, whether or not its signatures hold).
    Assessment(Box<AssessmentDocument>),
    /// A document that does not read as an assessment.
    Unreadable(DocumentError),
    /// Another signed file: the report PDF.
    Report,
}

/// The state of one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignerStatus {
    /// Valid, by a listed key.
    Valid,
    /// Valid, but by a key that `allowed_signers` does not list.
    UnknownKey,
    /// The file is not the one signed (or the signature was altered).
    Mismatch,
    /// Made for another purpose.
    WrongNamespace(String),
    /// Not a readable signature.
    Malformed,
    /// Listed as a signer, but no signature file.
    Missing,
}

/// One signer and its signature's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerCheck {
    /// The `allowed_signers` principal.
    pub principal: String,
    /// Full name, when a signature covers it (empty otherwise).
    pub name: String,
    /// Doctor or consultant, when a signature covers it.
    pub role: Option<Role>,
    /// RPPS or organisation, when a signature covers it.
    pub affiliation: String,
    /// `SHA256:…`, when the key is known.
    pub fingerprint: String,
    /// When they signed, when a signature covers it (a countersigner's statement; the doctor's date is
    /// the document's).
    pub signed_at: Option<Timestamp>,
    /// Whether `name`, `role` and `affiliation` come from a valid signature (the document for the
    /// doctor, the statement for a countersigner).
    pub identity_signed: bool,
    /// A change of the doctor's key the countersigner accepted, with their reason, as their signed
    /// statement says.
    pub key_change: Option<super::KeyChange>,
    /// What `signers.json` says of this signer, covered by no signature.
    pub declared: Option<Declared>,
    /// The signature file.
    pub file: String,
    /// The state.
    pub status: SignerStatus,
}

/// What `signers.json` (signed by nobody) says of a signer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// RPPS or organisation.
    pub affiliation: String,
    /// Signing time of the document's signature (none for a PDF: `signers.json` dates the
    /// document's signatures, not the PDF's).
    pub signed_at: Option<Timestamp>,
}

/// Something wrong with the set as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No signature at all.
    NoSignature,
    /// No `allowed_signers` file: no key can be trusted.
    NoAllowedSigners,
    /// The practitioner named in the document has no valid signature.
    DoctorSignatureMissing,
}

/// The result of a verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The signed file's name.
    pub target: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
    /// What it is.
    pub subject: Subject,
    /// The namespace checked.
    pub namespace: &'static str,
    /// Each signer.
    pub signers: Vec<SignerCheck>,
    /// What is wrong with the set.
    pub problems: Vec<Problem>,
    /// For a PDF: the creation date written in it (`/CreationDate`), which its signature covers.
    pub pdf_date: Option<Timestamp>,
}

/// The `/CreationDate (D:YYYYMMDDHHmmSS±HH'mm')` of a PDF's information dictionary, if it has one that
/// reads (the first one in the file).
pub fn pdf_creation_date(pdf: &[u8]) -> Option<Timestamp> {
    const KEY: &[u8] = b"/CreationDate(D:";
    let at = pdf.windows(KEY.len()).position(|w| w == KEY)? + KEY.len();
    let rest = pdf.get(at..)?;
    let end = rest.iter().position(|&b| b == b')')?;
    let text = std::str::from_utf8(rest.get(..end)?).ok()?;
    let digits = text.get(..14)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| digits.get(r)?.parse::<i16>().ok();
    let civil = jiff::civil::DateTime::new(
        n(0..4)?,
        i8::try_from(n(4..6)?).ok()?,
        i8::try_from(n(6..8)?).ok()?,
        i8::try_from(n(8..10)?).ok()?,
        i8::try_from(n(10..12)?).ok()?,
        i8::try_from(n(12..14)?).ok()?,
        0,
    )
    .ok()?;
    let offset = match text.get(14..) {
        None | Some("" | "Z") => 0,
        Some(tz) => {
            let sign = match tz.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                b'Z' => 0,
                _ => return None,
            };
            let h: i32 = tz.get(1..3)?.parse().ok()?;
            let m: i32 = tz.get(4..6).and_then(|m| m.parse().ok()).unwrap_or(0);
            sign * (h * 3600 + m * 60)
        }
    };
    let offset = jiff::tz::Offset::from_seconds(offset).ok()?;
    offset.to_timestamp(civil).ok()
}

impl Verification {
    /// Whether everything holds: at least one signature, every one valid by a listed key, nothing
    /// missing.
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
            && !self.signers.is_empty()
            && self.signers.iter().all(|s| s.status == SignerStatus::Valid)
            && !matches!(self.subject, Subject::Unreadable(_))
    }

    /// The document, when it reads.
    pub fn document(&self) -> Option<&AssessmentDocument> {
        match &self.subject {
            Subject::Assessment(d) => Some(d),
            _ => None,
        }
    }
}

/// The signing key compared with the fingerprints the reader expects (an anchor kept outside the
/// file: the recovery sheet, a paper report received earlier, the practice's vault).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// No fingerprint given: a valid signature by an unknown key proves nothing by itself.
    NotGiven,
    /// The key that signed (the doctor's for an assessment) is one of those expected.
    Matches(String),
    /// It is not: a valid signature by another key.
    Differs(String),
    /// No valid signing key to compare.
    NoKey,
}

/// A fingerprint as typed: `SHA256:` optional, spaces ignored.
fn normalize_fingerprint(fp: &str) -> String {
    let fp: String = fp.chars().filter(|c| !c.is_whitespace()).collect();
    fp.strip_prefix("SHA256:").unwrap_or(&fp).to_owned()
}

impl Verification {
    /// The fingerprint of the key that is to be anchored: the doctor's named in an assessment
    /// document, or the first valid signer of another file.
    pub fn signing_key(&self) -> Option<String> {
        match &self.subject {
            Subject::Assessment(d) => d.signer.key().ok().map(|k| k.fingerprint()),
            _ => self
                .signers
                .iter()
                .find(|s| s.status == SignerStatus::Valid)
                .map(|s| s.fingerprint.clone()),
        }
    }

    /// The signing key against `expected` fingerprints (`SHA256:…`, the prefix optional).
    pub fn anchor(&self, expected: &[String]) -> Anchor {
        if expected.is_empty() {
            return Anchor::NotGiven;
        }
        let Some(fp) = self.signing_key() else {
            return Anchor::NoKey;
        };
        let wanted = normalize_fingerprint(&fp);
        if expected.iter().any(|e| normalize_fingerprint(e) == wanted) {
            Anchor::Matches(fp)
        } else {
            Anchor::Differs(fp)
        }
    }
}

/// Why a file could not be checked at all.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// Reading the bundle or the files beside the target.
    #[error(transparent)]
    Bundle(#[from] BundleError),
}

/// Verifies a file: a `.vigie-assessment` bundle (by its content: a ZIP archive), or a signed file with
/// its signatures and `allowed_signers` beside it.
pub fn verify_path(path: &Path) -> Result<Verification, VerifyError> {
    crate::io_guard::check("verifying a signed file");
    let io = |source| BundleError::Io {
        path: path.to_path_buf(),
        source,
    };
    // Never blocked by a FIFO, never more than a bundle's budget in memory.
    let (mut file, _) = crate::fs::open_regular(path).map_err(io)?;
    let mut head = [0u8; 4];
    let is_zip = std::io::Read::read_exact(&mut file, &mut head).is_ok() && head == *b"PK\x03\x04";
    drop(file);
    if is_zip {
        let bytes = crate::fs::read_bounded(path, super::bundle::MAX_BUNDLE_BYTES).map_err(io)?;
        let set = FileSet::from_zip(&bytes)?;
        let target = set
            .document_name()
            .ok_or(BundleError::NoDocument)?
            .to_owned();
        return Ok(verify(&set, &target));
    }
    let (set, target) = FileSet::beside(path)?;
    Ok(verify(&set, &target))
}

/// Verifies `target` of `set`. A `.json` target is an assessment document (namespace
/// `vigie-assessment`); anything else is a signed report (namespace `vigie-report`).
pub fn verify(set: &FileSet, target: &str) -> Verification {
    let bytes = set.get(target).unwrap_or_default();
    let is_document = super::bundle::is_json(target);
    let namespace = if is_document {
        NAMESPACE
    } else {
        REPORT_NAMESPACE
    };
    let subject = if is_document {
        match AssessmentDocument::parse(bytes) {
            Ok(d) => Subject::Assessment(Box::new(d)),
            Err(e) => Subject::Unreadable(e),
        }
    } else {
        Subject::Report
    };
    let allowed: Option<Vec<sshsig::AllowedSigner>> = set.get(ALLOWED_SIGNERS).map(|b| {
        sshsig::parse_allowed_signers(&String::from_utf8_lossy(b))
            .into_iter()
            .filter(|a| a.namespaces.is_empty() || a.namespaces.iter().any(|n| n == namespace))
            .collect()
    });
    let allowed_text = set
        .get(ALLOWED_SIGNERS)
        .map(|b| String::from_utf8_lossy(b).into_owned());
    let now = Timestamp::now().as_second();
    let entries = set.signer_entries();
    let declared_of = |key_text: &str| {
        entries
            .iter()
            .find(|e| e.public_key == key_text)
            .map(|e| Declared {
                name: e.name.clone(),
                role: e.role,
                affiliation: e.affiliation.clone(),
                signed_at: is_document.then_some(e.signed_at),
            })
    };
    let doc_signer = match &subject {
        Subject::Assessment(d) => Some(d.signer.clone()),
        _ => None,
    };
    let doctor_fp = doc_signer
        .as_ref()
        .map(super::Identity::fingerprint)
        .unwrap_or_default();
    let statements = if is_document {
        set.statements()
    } else {
        Vec::new()
    };
    let mut problems = Vec::new();
    let mut signers = Vec::new();
    let mut seen_keys: Vec<PublicKey> = Vec::new();

    for (file, armored) in set.signatures_of(target) {
        let parsed = SshSignature::parse(&String::from_utf8_lossy(armored));
        let from_file = file
            .strip_prefix(&format!("{target}."))
            .and_then(|r| r.strip_suffix(".sig"))
            .unwrap_or_default()
            .to_owned();
        let mut check = SignerCheck {
            principal: from_file,
            name: String::new(),
            role: None,
            affiliation: String::new(),
            fingerprint: String::new(),
            signed_at: None,
            identity_signed: false,
            key_change: None,
            declared: None,
            file: file.to_owned(),
            status: SignerStatus::Malformed,
        };
        if let Ok(sig) = parsed {
            seen_keys.push(sig.key);
            check.fingerprint = sig.key.fingerprint();
            let key_text = sig.key.openssh();
            // The rules of `ssh-keygen -Y verify -I <principal>`: the principal is the one in the
            // signature file's name (any, for a bare `FILE.sig`).
            let file_principal = (!check.principal.is_empty()).then(|| check.principal.clone());
            let listed = allowed_text.as_deref().and_then(|text| {
                sshsig::allowed(text, file_principal.as_deref(), namespace, &sig.key, now)
            });
            if let (Some(principals), None) = (&listed, &file_principal) {
                check.principal.clone_from(principals);
            }
            check.status = match sig.verify(namespace, bytes) {
                Err(SshSigError::Namespace { found, .. }) => SignerStatus::WrongNamespace(found),
                Err(_) => SignerStatus::Mismatch,
                Ok(()) if listed.is_some() => SignerStatus::Valid,
                Ok(()) => SignerStatus::UnknownKey,
            };
            let signature_holds =
                matches!(check.status, SignerStatus::Valid | SignerStatus::UnknownKey);
            if let Some(d) = doc_signer
                .as_ref()
                .filter(|d| signature_holds && d.public_key == key_text)
            {
                // The doctor's identity is inside the bytes this signature covers.
                check.name.clone_from(&d.name);
                check.role = Some(d.role);
                check.affiliation.clone_from(&d.affiliation);
                check.identity_signed = true;
            } else if let Some(st) = statements
                .iter()
                .filter(|_| signature_holds)
                .find_map(|st| st.check(&sig.key, bytes, &doctor_fp))
            {
                check.name = st.signer.name;
                check.role = Some(st.signer.role);
                check.affiliation = st.signer.affiliation;
                check.signed_at = Some(st.signed_at);
                check.identity_signed = true;
                check.key_change = st.key_change;
            } else {
                check.declared = declared_of(&key_text);
            }
        }
        signers.push(check);
    }

    // Signers listed beside the file whose signature is gone.
    let mut listed: Vec<(String, String)> = Vec::new();
    // `signers.json` describes the document's signatures; `allowed_signers` lists who signs the
    // document (the report is signed by whoever exported it: nobody else is expected on it).
    for e in entries
        .iter()
        .filter(|e| e.signature.starts_with(&format!("{target}.")))
    {
        listed.push((e.public_key.clone(), e.principal.clone()));
    }
    for a in allowed.iter().flatten().filter(|_| is_document) {
        listed.push((a.key.openssh(), a.principal.clone()));
    }
    for (key, principal) in listed {
        let Ok(k) = PublicKey::parse_openssh(&key) else {
            continue;
        };
        if seen_keys.contains(&k) {
            continue;
        }
        seen_keys.push(k);
        signers.push(SignerCheck {
            principal,
            name: String::new(),
            role: None,
            affiliation: String::new(),
            fingerprint: k.fingerprint(),
            signed_at: None,
            identity_signed: false,
            key_change: None,
            declared: declared_of(&key),
            file: String::new(),
            status: SignerStatus::Missing,
        });
    }

    if set.signatures_of(target).is_empty() {
        problems.push(Problem::NoSignature);
    }
    if allowed.is_none() {
        problems.push(Problem::NoAllowedSigners);
    }
    if let Some(d) = &doc_signer {
        let doctor_valid = signers.iter().any(|s| {
            s.status == SignerStatus::Valid
                && d.key().is_ok_and(|k| k.fingerprint() == s.fingerprint)
        });
        if !doctor_valid {
            problems.push(Problem::DoctorSignatureMissing);
        }
    }
    Verification {
        target: target.to_owned(),
        sha256: sha256_hex(bytes),
        pdf_date: (!is_document).then(|| pdf_creation_date(bytes)).flatten(),
        subject,
        namespace,
        signers,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::pdf_creation_date;

    #[test]
    fn a_pdfs_creation_date_reads_with_its_offset_and_nonsense_does_not() {
        let utc: jiff::Timestamp = "2026-12-07T04:52:02Z".parse().expect("ts");
        assert_eq!(
            pdf_creation_date(b"<</Trapped/False/CreationDate(D:20261207045202+00'00')/ModDate"),
            Some(utc)
        );
        assert_eq!(
            pdf_creation_date(b"/CreationDate(D:20261207055202+01'00')"),
            Some(utc)
        );
        assert_eq!(
            pdf_creation_date(b"/CreationDate(D:20261207045202Z)"),
            Some(utc)
        );
        assert_eq!(pdf_creation_date(b"/CreationDate(D:20261307045202Z)"), None);
        assert_eq!(pdf_creation_date(b"/CreationDate(D:2026)"), None);
        assert_eq!(pdf_creation_date(b"no date here"), None);
    }
}
