//! `vigie export --kind breach-register --out FOLDER`: the register as files anyone can check without
//! Vigie (`docs/breach-register-format.md`, "The export").

use std::io::Write;
use std::path::Path;

use anyhow::{Result, anyhow};

use super::open_with_env_passphrase;
use crate::breach::chain::HEAD_NAMESPACE;
use crate::breach::export::{self, HEAD_SIGNATURE_FILE};
use crate::i18n::{Lang, Localize as _, T, tr};

/// The reference verifier, shipped in every export (`docs/breach-register-verify.py`).
pub const REFERENCE_VERIFIER: &str = include_str!("../../docs/breach-register-verify.py");
/// Its name in the export.
pub const VERIFIER_FILE: &str = "breach-register-verify.py";

pub(super) fn export(path: &Path, dir: &Path, lang: Lang, out: &mut dyn Write) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(anyhow!(tr::err_not_a_folder(lang, dir.display())));
    }
    let v = open_with_env_passphrase(path, lang)?;
    let contents = v.contents();
    let register = &contents.breaches;
    let head = register.head();
    let now = jiff::Timestamp::now();
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
    let files = export::with_sums(files);
    for (name, bytes) in &files {
        let target = dir.join(name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| anyhow!(crate::i18n::io_error(lang, parent, &e)))?;
        }
        crate::fs::write_atomic(&target, bytes).map_err(|e| anyhow!(e.localize(lang)))?;
    }
    writeln!(
        out,
        "{}",
        tr::cli_exported_set(lang, files.len(), dir.display())
    )?;
    for (name, _) in &files {
        writeln!(out, "    {name}")?;
    }
    Ok(())
}
