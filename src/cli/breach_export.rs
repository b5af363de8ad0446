//! `vigie export --kind breach-register --out FOLDER`: the register as files anyone can check without
//! Vigie (`docs/breach-register-format.md`, "The export"); `vigie export --kind binder --out FOLDER`:
//! the inspection binder, which holds that export among its parts (`docs/binder.md`).

use std::io::Write;
use std::path::Path;

use anyhow::{Result, anyhow};

use super::open_with_env_passphrase;
use crate::i18n::{Lang, Localize as _, tr};
use crate::report::breach_export::{register_files, write_folder};

pub(super) fn export(path: &Path, dir: &Path, lang: Lang, out: &mut dyn Write) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(anyhow!(tr::err_not_a_folder(lang, dir.display())));
    }
    let v = open_with_env_passphrase(path, lang)?;
    let files = register_files(v.contents(), jiff::Timestamp::now());
    write_folder(dir, &files).map_err(|e| anyhow!(e.localize(lang)))?;
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

pub(super) fn export_binder(
    path: &Path,
    dir: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::report::binder_export::{BinderWriteError, binder_files, write_binder};
    let v = open_with_env_passphrase(path, lang)?;
    let binder = binder_files(v.contents(), lang, jiff::Timestamp::now())
        .map_err(|e| anyhow!(e.localize(lang)))?;
    write_binder(dir, &binder.files).map_err(|e| match e {
        BinderWriteError::NotEmpty(d) => anyhow!(tr::err_binder_not_empty(lang, d.display())),
        BinderWriteError::Fs(e) => anyhow!(e.localize(lang)),
    })?;
    writeln!(
        out,
        "{}",
        tr::binder_exported(lang, binder.files.len(), dir.display())
    )?;
    for (name, _) in &binder.files {
        writeln!(out, "    {name}")?;
    }
    Ok(())
}
