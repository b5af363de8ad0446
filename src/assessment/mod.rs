//! The signed self-assessment: freeze what the assessment rests on into a deterministic document, sign
//! its exact bytes with OpenSSH signatures (the doctor, then the consultant), verify them, with Vigie or
//! with `ssh-keygen` alone, and compare one year with the next.
//!
//! - [`sshsig`]: the OpenSSH signature format, Ed25519 only;
//! - [`identity`]: signers, the doctor's key (kept in the vault) and the consultant's key file;
//! - [`document`]: the frozen document and its layout (`docs/signed-assessment-format.md`);
//! - [`bundle`]: the files of a signed assessment (document, signatures, `allowed_signers`), as a folder
//!   or as one `.vigie-assessment` file to carry to the consultant and back;
//! - [`verify`]: what is valid, what is not, and why;
//! - [`compare`]: two assessments side by side.
//!
//! Egui-free; every function is synchronous and quick (a signature is microseconds).

pub mod bundle;
pub mod compare;
pub mod document;
pub mod head_statement;
pub mod identity;
pub mod pins;
pub mod sshsig;
pub mod verify;

use std::sync::Arc;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use document::{AssessmentDocument, DocumentError, NAMESPACE, REPORT_NAMESPACE};
pub use identity::{DoctorKey, Identity, KeyFile, KeyFileError, Role, Signer};

use crate::checklist::ChecklistRecord;
use crate::digest::sha256_hex;
use crate::practice::Profile;
use crate::scan::record::ScanHistory;

/// One signature of a document, with who made it and when (as recorded by the signer's Vigie; the
/// signature itself covers the document, not this time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSignature {
    /// The signer.
    pub identity: Identity,
    /// When they signed.
    pub signed_at: Timestamp,
    /// The armored OpenSSH signature.
    pub armored: String,
    /// A countersigner's signed statement: who they are and what they vouch for. The doctor's identity
    /// is inside the signed document; a countersigner's is covered by nothing else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<SignedStatement>,
}

/// The SSHSIG namespace of countersignature statements.
pub const STATEMENT_NAMESPACE: &str = "vigie-countersignature";
/// The `format` field of a countersignature statement.
pub const STATEMENT_FORMAT: &str = "vigie-countersignature";

/// What a countersigner vouches for, signed with their key in the namespace
/// [`STATEMENT_NAMESPACE`]: the document (its SHA-256), who they are, when, and the doctor's key.
/// `docs/signed-assessment-format.md` documents every field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Always [`STATEMENT_FORMAT`].
    pub format: String,
    /// Always 1.
    pub version: u32,
    /// SHA-256 of the countersigned document's bytes, hexadecimal.
    pub document_sha256: String,
    /// The countersigner (the key must be the one that signs this statement and the document).
    pub signer: Identity,
    /// When they countersigned, RFC 3339 UTC to the second.
    pub signed_at: Timestamp,
    /// The fingerprint of the doctor's key the countersigner vouches for (`SHA256:…`).
    pub doctor_fingerprint: String,
    /// When the doctor's key is not the one the countersigner's Vigie pinned for this practice: the
    /// pinned key and the countersigner's reason for accepting the new one. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_change: Option<KeyChange>,
}

/// A change of the doctor's key accepted by the countersigner, as signed in their statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyChange {
    /// The fingerprint pinned before (`SHA256:…`).
    pub previous_fingerprint: String,
    /// Why the countersigner accepts the new key, in their words.
    pub reason: String,
}

impl From<pins::PinChange> for KeyChange {
    fn from(c: pins::PinChange) -> Self {
        Self {
            previous_fingerprint: c.previous,
            reason: c.reason,
        }
    }
}

/// A statement's exact bytes and their armored signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedStatement {
    /// The signed bytes.
    #[serde(with = "crate::base64_field")]
    pub bytes: Arc<[u8]>,
    /// The armored OpenSSH signature of `bytes`.
    pub armored: String,
}

impl SignedStatement {
    /// Signs `signer`'s statement on `document` (whose doctor's key is `doctor_fingerprint`).
    pub fn make(
        signer: &Signer,
        document: &[u8],
        doctor_fingerprint: &str,
        key_change: Option<KeyChange>,
        now: Timestamp,
    ) -> Self {
        let statement = Statement {
            format: STATEMENT_FORMAT.to_owned(),
            version: 1,
            document_sha256: sha256_hex(document),
            signer: signer.identity.clone(),
            signed_at: now.round(jiff::Unit::Second).unwrap_or(now),
            doctor_fingerprint: doctor_fingerprint.to_owned(),
            key_change,
        };
        // A struct of strings and a number always serializes.
        let mut bytes = serde_json::to_vec_pretty(&statement).unwrap_or_default();
        bytes.push(b'\n');
        let armored = signer.sign(STATEMENT_NAMESPACE, &bytes);
        Self {
            bytes: bytes.into(),
            armored,
        }
    }

    /// The statement, if its signature is valid by `key` and it vouches for `document` signed by the
    /// doctor's key `doctor_fingerprint`, by the same `key`.
    pub fn check(
        &self,
        key: &sshsig::PublicKey,
        document: &[u8],
        doctor_fingerprint: &str,
    ) -> Option<Statement> {
        check_statement(
            &self.bytes,
            &self.armored,
            key,
            document,
            doctor_fingerprint,
        )
    }
}

/// Reads and checks a statement's bytes and armored signature (see [`SignedStatement::check`]).
pub fn check_statement(
    bytes: &[u8],
    armored: &str,
    key: &sshsig::PublicKey,
    document: &[u8],
    doctor_fingerprint: &str,
) -> Option<Statement> {
    let sig = sshsig::SshSignature::parse(armored).ok()?;
    if sig.key != *key || sig.verify(STATEMENT_NAMESPACE, bytes).is_err() {
        return None;
    }
    let st: Statement = serde_json::from_slice(bytes).ok()?;
    (st.format == STATEMENT_FORMAT
        && st.version == 1
        && st.document_sha256 == sha256_hex(document)
        && st.doctor_fingerprint == doctor_fingerprint
        && st.signer.key().ok().as_ref() == Some(key))
    .then_some(st)
}

/// A completed, signed assessment: its document's exact bytes and their signatures. Never changed,
/// except to add a signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedAssessment {
    /// The document's id.
    pub id: String,
    /// When it was completed.
    pub completed_at: Timestamp,
    /// The signed bytes.
    #[serde(with = "crate::base64_field")]
    pub document: Arc<[u8]>,
    /// The signatures, the doctor's first.
    pub signatures: Vec<StoredSignature>,
}

/// What the vault keeps of signed assessments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssessmentHistory {
    /// Signed assessments, oldest first.
    pub signed: Vec<SignedAssessment>,
    /// The doctor's signing key, made at the first signature.
    pub doctor_key: Option<DoctorKey>,
}

/// Why a signature could not be added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    /// The practitioner's name is needed on a signature.
    #[error("the practitioner's name is missing from the profile")]
    NoPractitioner,
    /// This key already signed this document.
    #[error("this signer has already signed this assessment")]
    AlreadySigned,
    /// The document kept in the vault does not read back (a damaged vault record).
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The file brought back is of another assessment.
    #[error("the file is of another assessment")]
    OtherAssessment,
    /// The doctor's key kept in the vault does not read back.
    #[error("the signing key kept in the vault is damaged")]
    DamagedKey,
    /// No random numbers for a new key.
    #[error("the system's random number source failed")]
    Random,
    /// The file brought back holds no new valid signature.
    #[error("the file holds no new valid signature")]
    NothingNew,
    /// The document's own signature, by the doctor it names, does not verify.
    #[error("the document is not validly signed by the practitioner it names")]
    DoctorSignatureInvalid,
    /// No signed assessment of that id is kept (or none at all).
    #[error("no such signed assessment")]
    NoSuchAssessment,
}

impl SignedAssessment {
    /// The document, read back from its bytes.
    pub fn parsed(&self) -> Result<AssessmentDocument, DocumentError> {
        AssessmentDocument::parse(&self.document)
    }

    /// SHA-256 of the signed bytes, hexadecimal: the verification code.
    pub fn code(&self) -> String {
        sha256_hex(&self.document)
    }

    /// Whether `identity`'s key has signed.
    pub fn signed_by(&self, public_key: &str) -> bool {
        self.signatures
            .iter()
            .any(|s| s.identity.public_key == public_key)
    }

    /// Adds `signer`'s signature (a countersignature on the same PC, with the consultant's key file).
    pub fn countersign(&mut self, signer: &Signer, now: Timestamp) -> Result<(), SignError> {
        self.countersign_noted(signer, None, now)
    }

    /// Adds `signer`'s signature, with the doctor's key change they accepted, if any, in their
    /// signed statement.
    pub fn countersign_noted(
        &mut self,
        signer: &Signer,
        key_change: Option<KeyChange>,
        now: Timestamp,
    ) -> Result<(), SignError> {
        if self.signed_by(&signer.identity.public_key) {
            return Err(SignError::AlreadySigned);
        }
        let doctor = self.parsed()?.signer.fingerprint();
        self.signatures.push(countersignature(
            signer,
            &self.document,
            &doctor,
            key_change,
            now,
        ));
        Ok(())
    }

    /// What the consultant's pins are checked against: the practice, its RPPS and the doctor's key.
    pub fn pin_subject(&self) -> Result<pins::PinSubject, SignError> {
        let doc = self.parsed()?;
        Ok(pin_subject_of(&doc))
    }

    /// Takes the valid countersignatures of `set` that this record lacks (the consultant's, brought back
    /// in a bundle). The set's document must be byte for byte this one. Only a countersignature with a
    /// valid signed statement (who, when, which doctor's key) is taken, and the countersigner's identity
    /// is the statement's: nothing unsigned (`signers.json`) enters the vault. Returns how many were
    /// added.
    pub fn import(&mut self, set: &bundle::SignatureSet) -> Result<usize, SignError> {
        if *set.document != *self.document {
            return Err(SignError::OtherAssessment);
        }
        let doctor = self.parsed()?.signer.fingerprint();
        let mut added = 0;
        for s in &set.signatures {
            let Ok(sig) = sshsig::SshSignature::parse(&s.armored) else {
                continue;
            };
            if sig.verify(NAMESPACE, &self.document).is_err() {
                continue;
            }
            let Some(statement) = s
                .statement
                .as_ref()
                .and_then(|st| st.check(&sig.key, &self.document, &doctor))
            else {
                continue;
            };
            if statement.signer.role != Role::Consultant
                || self.signed_by(&statement.signer.public_key)
            {
                continue;
            }
            self.signatures.push(StoredSignature {
                identity: statement.signer,
                signed_at: statement.signed_at,
                armored: s.armored.clone(),
                statement: s.statement.clone(),
            });
            added += 1;
        }
        if added == 0 {
            return Err(SignError::NothingNew);
        }
        Ok(added)
    }

    /// The files of this assessment.
    pub fn signature_set(&self) -> bundle::SignatureSet {
        bundle::SignatureSet {
            id: self.id.clone(),
            document: Arc::clone(&self.document),
            signatures: self.signatures.clone(),
        }
    }
}

/// `signer`'s countersignature of `document` (whose doctor's key is `doctor_fingerprint`): the
/// document's signature and the signed statement of who countersigns, when, and which doctor's key.
pub fn countersignature(
    signer: &Signer,
    document: &[u8],
    doctor_fingerprint: &str,
    key_change: Option<KeyChange>,
    now: Timestamp,
) -> StoredSignature {
    let statement = SignedStatement::make(signer, document, doctor_fingerprint, key_change, now);
    StoredSignature {
        identity: signer.identity.clone(),
        signed_at: now.round(jiff::Unit::Second).unwrap_or(now),
        armored: signer.sign(NAMESPACE, document),
        statement: Some(statement),
    }
}

impl bundle::SignatureSet {
    /// The doctor's key fingerprint, if the document reads and is validly signed by the doctor it
    /// names (the only check possible without an anchor: see `vigie verify --expect-fingerprint`).
    pub fn doctor_fingerprint(&self) -> Result<String, SignError> {
        let doc = AssessmentDocument::parse(&self.document)?;
        let key = doc
            .signer
            .key()
            .or(Err(SignError::DoctorSignatureInvalid))?;
        let holds = self.signatures.iter().any(|s| {
            sshsig::SshSignature::parse(&s.armored)
                .is_ok_and(|sig| sig.key == key && sig.verify(NAMESPACE, &self.document).is_ok())
        });
        if holds {
            Ok(key.fingerprint())
        } else {
            Err(SignError::DoctorSignatureInvalid)
        }
    }

    /// Adds `signer`'s countersignature (document signature and signed statement), after checking
    /// that the document is validly signed by the doctor it names.
    pub fn countersign(&mut self, signer: &Signer, now: Timestamp) -> Result<(), SignError> {
        self.countersign_noted(signer, None, now)
    }

    /// Adds `signer`'s countersignature with the doctor's key change they accepted, if any, in their
    /// signed statement.
    pub fn countersign_noted(
        &mut self,
        signer: &Signer,
        key_change: Option<KeyChange>,
        now: Timestamp,
    ) -> Result<(), SignError> {
        let doctor = self.doctor_fingerprint()?;
        if self
            .signatures
            .iter()
            .any(|s| s.identity.public_key == signer.identity.public_key)
        {
            return Err(SignError::AlreadySigned);
        }
        self.signatures.push(countersignature(
            signer,
            &self.document,
            &doctor,
            key_change,
            now,
        ));
        Ok(())
    }

    /// What the consultant's pins are checked against: the practice, its RPPS and the doctor's key
    /// (after checking the doctor's signature).
    pub fn pin_subject(&self) -> Result<pins::PinSubject, SignError> {
        let fingerprint = self.doctor_fingerprint()?;
        let doc = AssessmentDocument::parse(&self.document)?;
        Ok(pins::PinSubject {
            fingerprint,
            ..pin_subject_of(&doc)
        })
    }
}

fn pin_subject_of(doc: &AssessmentDocument) -> pins::PinSubject {
    pins::PinSubject {
        practice: doc.practice.name.as_str().to_owned(),
        rpps: doc
            .practice
            .rpps
            .as_ref()
            .map(|r| r.as_str().to_owned())
            .unwrap_or_default(),
        fingerprint: doc.signer.fingerprint(),
    }
}

impl AssessmentHistory {
    /// The last signed assessment.
    pub fn last(&self) -> Option<&SignedAssessment> {
        self.signed.last()
    }

    /// An assessment by id.
    pub fn get(&self, id: &str) -> Option<&SignedAssessment> {
        self.signed.iter().find(|s| s.id == id)
    }

    /// An assessment by id, to add a signature.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut SignedAssessment> {
        self.signed.iter_mut().find(|s| s.id == id)
    }

    /// The doctor's signer: the key kept in the vault, made now if there is none (named after the
    /// profile's practitioner and RPPS). A key whose name no longer matches the profile is kept: the
    /// key is the identity; its name is updated for the next signatures.
    pub fn doctor_signer(&mut self, practice: &Profile) -> Result<Signer, SignError> {
        let name = practice.practitioner.trim();
        if name.is_empty() {
            return Err(SignError::NoPractitioner);
        }
        let rpps = practice
            .rpps
            .as_ref()
            .map(|r| format!("RPPS {r}"))
            .unwrap_or_default();
        if let Some(kept) = &self.doctor_key {
            let signer = kept
                .signer_named(name, &rpps)
                .ok_or(SignError::DamagedKey)?;
            self.doctor_key = Some(DoctorKey::keep(&signer));
            return Ok(signer);
        }
        let signer = Signer::generate(name, Role::Doctor, &rpps).or(Err(SignError::Random))?;
        self.doctor_key = Some(DoctorKey::keep(&signer));
        Ok(signer)
    }

    /// Completes the assessment: freezes the current state, signs it with `signer` (the doctor) and
    /// keeps it; the answers stay for the next assessment, marked to review. Returns the new record.
    pub fn complete(
        &mut self,
        practice: &Profile,
        record: &mut ChecklistRecord,
        scans: &ScanHistory,
        signer: &Signer,
        now: Timestamp,
        nonce: u32,
    ) -> &SignedAssessment {
        self.complete_witnessing(practice, record, scans, (None, None), signer, now, nonce)
    }

    /// [`Self::complete`], the document witnessing `witnessed` (the register's head and the last
    /// records' digests: a version-2 document) when given, and freezing `binder` (the record of
    /// processing activities: a version-3 document) when both are given.
    #[expect(
        clippy::too_many_arguments,
        reason = "the records an assessment freezes, each from its own part of the vault"
    )]
    pub fn complete_witnessing(
        &mut self,
        practice: &Profile,
        record: &mut ChecklistRecord,
        scans: &ScanHistory,
        (witnessed, binder): (Option<document::Witnessed>, Option<document::BinderDoc>),
        signer: &Signer,
        now: Timestamp,
        nonce: u32,
    ) -> &SignedAssessment {
        let previous = self.last().map(|s| document::PreviousRef {
            id: s.id.clone(),
            completed_at: s.completed_at,
            sha256: s.code(),
        });
        let doc = document::freeze(&document::FreezeInput {
            practice,
            record,
            scans,
            signer: &signer.identity,
            previous,
            now,
            nonce,
            witnessed,
            binder,
        });
        let bytes: Arc<[u8]> = doc.to_bytes().into();
        let signature = StoredSignature {
            identity: signer.identity.clone(),
            signed_at: now,
            armored: signer.sign(NAMESPACE, &bytes),
            statement: None,
        };
        for answer in record.answers.values_mut() {
            answer.to_review = true;
        }
        self.signed.push(SignedAssessment {
            id: doc.id,
            completed_at: now,
            document: bytes,
            signatures: vec![signature],
        });
        // Just pushed.
        &self.signed[self.signed.len() - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{AnswerValue, Respondent};
    use crate::practice::PracticeName;

    pub(crate) fn profile() -> Profile {
        let mut p = Profile::named(PracticeName::parse("Cabinet test").expect("name"));
        p.practitioner = "Dr Élise Lefèvre".into();
        p
    }

    #[test]
    fn completing_signs_the_exact_bytes_and_marks_answers_to_review() {
        let practice = profile();
        let mut record = ChecklistRecord::default();
        let item = crate::checklist::catalog().items[0].id.clone();
        record.answer(
            &item,
            AnswerValue::Yes,
            Respondent::Doctor,
            Timestamp::UNIX_EPOCH,
        );
        let mut history = AssessmentHistory::default();
        let signer = history.doctor_signer(&practice).expect("signer");
        let signed = history
            .complete(
                &practice,
                &mut record,
                &ScanHistory::default(),
                &signer,
                Timestamp::UNIX_EPOCH,
                7,
            )
            .clone();
        assert!(record.answers[&item].to_review);
        let doc = signed.parsed().expect("parse");
        assert_eq!(doc.to_bytes(), signed.document.to_vec(), "stable encoding");
        assert_eq!(doc.signer.name, "Dr Élise Lefèvre");
        let sig = sshsig::SshSignature::parse(&signed.signatures[0].armored).expect("sig");
        assert_eq!(sig.verify(NAMESPACE, &signed.document), Ok(()));
        // The same key signs the next one; it follows the first.
        let again = history.doctor_signer(&practice).expect("signer");
        assert_eq!(again.identity.public_key, signer.identity.public_key);
        let next = history
            .complete(
                &practice,
                &mut record,
                &ScanHistory::default(),
                &again,
                Timestamp::UNIX_EPOCH,
                8,
            )
            .parsed()
            .expect("parse");
        assert_eq!(
            next.previous.as_ref().map(|p| p.sha256.clone()),
            Some(signed.code()),
            "chained to the previous"
        );
        assert_eq!(next.carried_over(), 1);
    }

    #[test]
    fn countersigning_twice_is_refused_and_import_needs_the_same_bytes() {
        let practice = profile();
        let mut record = ChecklistRecord::default();
        let mut history = AssessmentHistory::default();
        let doctor = history.doctor_signer(&practice).expect("signer");
        let mut signed = history
            .complete(
                &practice,
                &mut record,
                &ScanHistory::default(),
                &doctor,
                Timestamp::UNIX_EPOCH,
                1,
            )
            .clone();
        let consultant = Signer::from_seed(&[5; 32], "Jean Martin", Role::Consultant, "DPO&Co");
        let mut theirs = signed.clone();
        theirs
            .countersign(&consultant, Timestamp::UNIX_EPOCH)
            .expect("countersign");
        assert_eq!(
            theirs.countersign(&consultant, Timestamp::UNIX_EPOCH),
            Err(SignError::AlreadySigned)
        );
        assert_eq!(signed.import(&theirs.signature_set()), Ok(1));
        assert_eq!(
            signed.import(&theirs.signature_set()),
            Err(SignError::NothingNew)
        );
        let mut other = theirs.signature_set();
        let mut bytes = other.document.to_vec();
        bytes[10] ^= 1;
        other.document = bytes.into();
        assert_eq!(signed.import(&other), Err(SignError::OtherAssessment));
    }
}
