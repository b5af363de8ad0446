//! A consultant's countersignature of the breach register's head alone, on a visit between two
//! assessments: a statement in the countersignature namespace (`vigie-countersignature`) naming the
//! head (count, hash and the date the practice signed it), who countersigns and when
//! (`docs/signed-assessment-format.md`, "A head countersigned alone").

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::document::RegisterHeadDoc;
use super::identity::Identity;
use super::{STATEMENT_NAMESPACE, SignedStatement, Signer, sshsig};

/// The `format` field of a head countersignature.
pub const HEAD_STATEMENT_FORMAT: &str = "vigie-head-countersignature";

/// What a consultant vouches for when countersigning a register's head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadStatement {
    /// Always [`HEAD_STATEMENT_FORMAT`].
    pub format: String,
    /// Always 1.
    pub version: u32,
    /// The head: number of events and last hash.
    pub register_head: RegisterHeadDoc,
    /// When the practice signed this head (`signed_at` of a dated head; `null` for an undated one).
    pub head_signed_at: Option<Timestamp>,
    /// The countersigner: name, role, organisation, public key (the key that signs this statement).
    pub signer: Identity,
    /// When they countersigned, RFC 3339 UTC to the second.
    pub signed_at: Timestamp,
    /// The fingerprint of the key that signed the head (`SHA256:…`), when it was signed.
    pub doctor_fingerprint: Option<String>,
}

/// Signs `signer`'s statement on `head`.
pub fn make(
    signer: &Signer,
    head: RegisterHeadDoc,
    head_signed_at: Option<Timestamp>,
    doctor_fingerprint: Option<String>,
    now: Timestamp,
) -> SignedStatement {
    let statement = HeadStatement {
        format: HEAD_STATEMENT_FORMAT.to_owned(),
        version: 1,
        register_head: head,
        head_signed_at,
        signer: signer.identity.clone(),
        signed_at: Timestamp::from_second(now.as_second()).unwrap_or(now),
        doctor_fingerprint,
    };
    // A struct of strings, numbers and timestamps always serializes.
    let mut bytes = serde_json::to_vec_pretty(&statement).unwrap_or_default();
    bytes.push(b'\n');
    let armored = signer.sign(STATEMENT_NAMESPACE, &bytes);
    SignedStatement {
        bytes: bytes.into(),
        armored,
    }
}

/// The statement, if `armored` is a valid signature of `bytes` in the countersignature namespace by
/// the key the statement names, and the statement reads (format, version, a 64-digit lower-case hash).
pub fn check(bytes: &[u8], armored: &str) -> Option<HeadStatement> {
    let st: HeadStatement = serde_json::from_slice(bytes).ok()?;
    let key = st.signer.key().ok()?;
    let sig = sshsig::SshSignature::parse(armored).ok()?;
    if sig.key != key || sig.verify(STATEMENT_NAMESPACE, bytes).is_err() {
        return None;
    }
    let hash_ok = st.register_head.hash.len() == 64
        && st
            .register_head
            .hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    (st.format == HEAD_STATEMENT_FORMAT && st.version == 1 && hash_ok).then_some(st)
}

/// The file name of a head countersignature by `principal`.
pub fn file_name(principal: &str) -> String {
    format!("head-countersignature-{principal}.json")
}
