//! `vigie export --kind breach-register --out FOLDER`: the register as files anyone can check without
//! Vigie (`docs/breach-register-format.md`, "The export").

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
