//! The breach register as files anyone can check without Vigie (`vigie export --kind breach-register`
//! and the breaches page's "Exporter le registre vérifiable…", one code path): the events and the head
//! ([`crate::breach::export`]), the head's signature by the doctor's key with its `allowed_signers`,
//! `HOW-TO-VERIFY.txt` (French then English), the reference verifier, and `SHA256SUMS` over them all.

use std::path::{Path, PathBuf};

use crate::breach::chain::HEAD_NAMESPACE;
use crate::breach::export::{self, HEAD_SIGNATURE_FILE};
use crate::i18n::{Lang, T, tr};
use crate::practice_file::VaultContents;

/// The reference verifier, shipped in every export (`docs/breach-register-verify.py`).
pub const REFERENCE_VERIFIER: &str = include_str!("../../docs/breach-register-verify.py");
/// Its name in the export.
pub const VERIFIER_FILE: &str = "breach-register-verify.py";

/// Every file of the register's export, names relative to the export's folder (`files/<sha256>` for
/// attached files), `SHA256SUMS` last; the head is dated and signed at `now`.
pub fn register_files(contents: &VaultContents, now: jiff::Timestamp) -> Vec<(String, Vec<u8>)> {
    let register = &contents.breaches;
    let head = register.head();
    let dated = crate::breach::chain::DatedHead::new(head, now);
    let mut files = export::files(register, now);
    let signer = contents
        .assessments
        .doctor_key
        .as_ref()
        .and_then(crate::assessment::DoctorKey::signer);
    let mut howto = String::new();
    for l in [Lang::Fr, Lang::En] {
        howto.push_str(&tr::howto_register(l, head.count, head.hash_hex()));
        howto.push_str("\n\n");
        match &signer {
            Some(s) => howto.push_str(&tr::howto_register_signed(
                l,
                &s.identity.principal,
                s.identity.fingerprint(),
            )),
            None => howto.push_str(T::HowtoRegisterUnsigned.get(l)),
        }
        howto.push_str("\n\n\n");
    }
    if let Some(s) = &signer {
        files.push((
            HEAD_SIGNATURE_FILE.to_owned(),
            s.sign(HEAD_NAMESPACE, &dated.signing_bytes()).into_bytes(),
        ));
        if let Some(line) = s.identity.allowed_signer(&[HEAD_NAMESPACE]) {
            files.push((
                crate::assessment::bundle::ALLOWED_SIGNERS.to_owned(),
                format!(
                    "# {} {}\n{}\n",
                    s.identity.name,
                    s.identity.fingerprint(),
                    line.line()
                )
                .into_bytes(),
            ));
        }
    }
    files.push(("HOW-TO-VERIFY.txt".to_owned(), howto.into_bytes()));
    files.push((
        VERIFIER_FILE.to_owned(),
        REFERENCE_VERIFIER.as_bytes().to_vec(),
    ));
    export::with_sums(files)
}

/// Writes `files` into `dir` (made if missing), each atomically; returns the paths written.
pub fn write_folder(
    dir: &Path,
    files: &[(String, Vec<u8>)],
) -> Result<Vec<PathBuf>, crate::fs::FsError> {
    crate::io_guard::check("writing the breach register's export");
    let mut written = Vec::new();
    for (name, bytes) in files {
        let target = dir.join(name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| crate::fs::FsError::io("creating", parent, e))?;
        }
        crate::fs::write_atomic(&target, bytes)?;
        written.push(target);
    }
    Ok(written)
}
