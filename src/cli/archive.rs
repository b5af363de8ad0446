//! `vigie archive encrypt|decrypt|list|verify|key`: encrypted archives from the command line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use anyhow::{Result, anyhow};
use clap::Subcommand;

use super::{PASSPHRASE_ENV, localized, new_passphrase, secret};
use crate::archive::{self, ArchiveKey, KeyKind, Origin};
use crate::i18n::{Lang, Localize as _, T, tr};
use crate::locale::{format_datetime, format_size};
use crate::practice_file::PracticeFile;
use crate::vault::{self, Unlock};

/// Environment variable holding an archive's passphrase (for `--passphrase` archives).
pub const ARCHIVE_PASSPHRASE_ENV: &str = "VIGIE_ARCHIVE_PASSPHRASE";

/// `vigie archive …`
#[derive(Debug, Subcommand)]
pub enum ArchiveCommand {
    /// Encrypt files and folders into an archive in the age format, read it back and check every file
    /// before giving it its name. With --vault, the practice key (made at the first archive) and a record
    /// in the vault; with --passphrase, a passphrase from VIGIE_ARCHIVE_PASSPHRASE or typed twice.
    Encrypt {
        /// The archive to write (never overwritten).
        #[arg(long, value_name = "FILE.age")]
        out: PathBuf,
        /// Encrypt with a passphrase (an archive handed to someone else) instead of the practice key.
        #[arg(long)]
        passphrase: bool,
        /// The practice's vault (its key, and the record of the archive). Passphrase: VIGIE_PASSPHRASE.
        #[arg(long, value_name = "FILE")]
        vault: Option<PathBuf>,
        /// Encrypt to the public half of an age identity file (the practice key's sheet) instead of
        /// the vault's key; nothing is recorded.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["vault", "passphrase"])]
        identity: Option<PathBuf>,
        /// After the archive is verified, delete the originals that still match it. Deleting does not
        /// wipe the data from an SSD: full-disk encryption is the real protection.
        #[arg(long)]
        remove_originals: bool,
        /// Files or folders to archive.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Restore an archive into a folder (created if missing). Nothing is written unless the whole
    /// archive is intact; no existing file is replaced.
    Decrypt {
        /// The archive.
        #[arg(value_name = "FILE.age")]
        archive: PathBuf,
        /// The folder to restore into.
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
        #[command(flatten)]
        key: KeyArgs,
    },
    /// List an archive's files (their names: keep this output private). The archive is read and checked
    /// whole.
    List {
        /// The archive.
        #[arg(value_name = "FILE.age")]
        archive: PathBuf,
        #[command(flatten)]
        key: KeyArgs,
    },
    /// Check an archive: every chunk authenticated, every file matching the manifest. Exit status 0 when
    /// intact, 2 otherwise.
    Verify {
        /// The archive.
        #[arg(value_name = "FILE.age")]
        archive: PathBuf,
        #[command(flatten)]
        key: KeyArgs,
    },
    /// Write the practice's archive key as an age identity file (to keep with the recovery code, and to
    /// open the archives with `age -d -i FILE` without Vigie). Without --out, print it.
    Key {
        /// The practice's vault. Passphrase: VIGIE_PASSPHRASE or prompt.
        #[arg(long, value_name = "FILE")]
        vault: PathBuf,
        /// The file to write (never overwritten).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// How to open an archive made with a key (a passphrase archive asks for its passphrase instead).
#[derive(Debug, clap::Args)]
pub struct KeyArgs {
    /// The practice's vault, whose archive key opens it. Passphrase: VIGIE_PASSPHRASE or prompt.
    #[arg(long, value_name = "FILE")]
    vault: Option<PathBuf>,
    /// An age identity file (`AGE-SECRET-KEY-1…` lines): the practice key's sheet, or any age key.
    #[arg(long, value_name = "FILE")]
    identity: Option<PathBuf>,
}

/// Runs `vigie archive …`.
pub fn run(command: ArchiveCommand, lang: Lang, out: &mut dyn Write) -> Result<()> {
    match command {
        ArchiveCommand::Encrypt {
            out: archive,
            passphrase,
            vault,
            identity,
            remove_originals,
            paths,
        } => encrypt(
            &archive,
            passphrase,
            identity.as_deref(),
            vault.as_deref(),
            remove_originals,
            &paths,
            lang,
            out,
        ),
        ArchiveCommand::Decrypt { archive, to, key } => {
            let key = opening_key(&archive, &key, lang, out)?;
            let summary =
                archive::restore(&archive, &key, &to, &AtomicBool::new(false), &mut |_| {})
                    .map_err(|e| anyhow!(e.localize(lang)))?;
            if !summary.manifest_checked {
                writeln!(out, "{}", T::CliArchiveNoManifest.get(lang))?;
            }
            writeln!(
                out,
                "{}",
                tr::cli_archive_restored(lang, summary.files, to.display())
            )?;
            Ok(())
        }
        ArchiveCommand::List { archive, key } => {
            let key = opening_key(&archive, &key, lang, out)?;
            let listing = archive::list(&archive, &key, &AtomicBool::new(false))
                .map_err(|e| anyhow!(e.localize(lang)))?;
            about(listing.manifest.as_ref(), lang, out)?;
            for file in &listing.files {
                writeln!(
                    out,
                    "{}",
                    tr::cli_archive_file_line(
                        lang,
                        format_size(file.size, lang),
                        crate::present::escape_for_terminal(&file.path)
                    )
                )?;
            }
            Ok(())
        }
        ArchiveCommand::Verify { archive, key } => {
            let key = opening_key(&archive, &key, lang, out)?;
            let checked = archive::verify(&archive, &key, &AtomicBool::new(false), &mut |_| {})
                .map_err(|e| anyhow!(e.localize(lang)))?;
            about(checked.manifest.as_ref(), lang, out)?;
            let bytes: u64 = checked.files.iter().map(|f| f.size).sum();
            let (n, size) = (checked.files.len() as u64, format_size(bytes, lang));
            let line = if checked.manifest.is_some() {
                tr::cli_archive_verified(lang, n, size)
            } else {
                tr::cli_archive_authenticated(lang, n, size)
            };
            writeln!(out, "{line}")?;
            Ok(())
        }
        ArchiveCommand::Key { vault, out: file } => key_sheet(&vault, file.as_deref(), lang, out),
    }
}

fn about(manifest: Option<&archive::Manifest>, lang: Lang, out: &mut dyn Write) -> Result<()> {
    match manifest {
        Some(m) => writeln!(
            out,
            "{}",
            tr::cli_archive_about(
                lang,
                crate::present::escape_for_terminal(&m.practice),
                format_datetime(m.created_at, lang),
                crate::present::escape_for_terminal(&m.vigie_version)
            )
        )?,
        None => writeln!(out, "{}", T::CliArchiveNoManifest.get(lang))?,
    }
    Ok(())
}

/// Opens the vault; an archive a run left unrecorded ([`archive::ArchiveRegister::pending`]) is
/// settled first (read back whole, verified, recorded only if intact), said, and saved — the vault is
/// then opened for writing even by a command that only reads.
fn open_vault(path: &Path, writing: bool, lang: Lang, out: &mut dyn Write) -> Result<PracticeFile> {
    vault::inspect(path).map_err(localized(lang))?;
    let passphrase = secret(PASSPHRASE_ENV, T::CliPromptPassphrase, lang)?;
    let open = |writing| {
        if writing {
            PracticeFile::open_for_writing(path, Unlock::Passphrase(&passphrase))
        } else {
            PracticeFile::open(path, Unlock::Passphrase(&passphrase))
        }
        .map_err(localized(lang))
    };
    let v = open(writing)?;
    let Some(pending) = v.contents().archives.pending.clone() else {
        return Ok(v);
    };
    let mut v = if writing {
        v
    } else {
        drop(v);
        if let Ok(v) = open(true) {
            v
        } else {
            // Open elsewhere (the window): this command only reads; the note waits.
            let v = open(false)?;
            let shown = crate::present::escape_for_terminal(&pending.path).into_owned();
            writeln!(out, "{}", tr::archive_pending_unsettled(lang, shown))?;
            return Ok(v);
        }
    };
    let outcome = v.settle_pending_archive(&AtomicBool::new(false), |record| {
        crate::present::archive::evidence(record, lang)
    });
    if let Some(outcome) = outcome {
        v.save().map_err(localized(lang))?;
        writeln!(out, "{}", pending_outcome(&outcome, lang))?;
    }
    Ok(v)
}

/// What the user is told of an archive a run left unrecorded.
fn pending_outcome(outcome: &crate::practice_file::PendingArchiveOutcome, lang: Lang) -> String {
    crate::present::archive::pending_outcome(outcome, lang, |p| {
        crate::present::escape_for_terminal(&p.display().to_string()).into_owned()
    })
}

/// The largest identity file read (a few keys fill a few hundred bytes).
const MAX_IDENTITY_FILE_BYTES: u64 = 1024 * 1024;

fn read_identity_file(file: &Path, lang: Lang) -> Result<ArchiveKey> {
    let text = crate::fs::read_bounded_to_string(file, MAX_IDENTITY_FILE_BYTES)
        .map_err(|e| anyhow!(crate::i18n::io_error(lang, file, &e)))?;
    ArchiveKey::identity_file(&text).map_err(|e| anyhow!(e.localize(lang)))
}

/// The key that opens `archive`, from what its header says it needs.
fn opening_key(
    archive: &Path,
    args: &KeyArgs,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<ArchiveKey> {
    let kind = archive::open_kind(archive).map_err(|e| anyhow!(e.localize(lang)))?;
    if kind == KeyKind::Passphrase {
        let passphrase = secret(ARCHIVE_PASSPHRASE_ENV, T::CliPromptArchivePassphrase, lang)?;
        return Ok(ArchiveKey::passphrase(&passphrase));
    }
    if let Some(file) = &args.identity {
        return read_identity_file(file, lang);
    }
    if let Some(path) = &args.vault {
        let v = open_vault(path, false, lang, out)?;
        let key = v
            .contents()
            .archives
            .key
            .as_ref()
            .ok_or_else(|| anyhow!(T::ErrArchiveNoPracticeKey.get(lang)))?;
        return ArchiveKey::practice(key).map_err(|e| anyhow!(e.localize(lang)));
    }
    Err(anyhow!(T::ErrArchiveKeyMissing.get(lang)))
}

#[expect(
    clippy::too_many_arguments,
    reason = "the subcommand's options, passed on as they are"
)]
fn encrypt(
    archive_path: &Path,
    passphrase: bool,
    identity: Option<&Path>,
    vault: Option<&Path>,
    remove: bool,
    paths: &[PathBuf],
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    if vault.is_none() && identity.is_none() && !passphrase {
        return Err(anyhow!(T::ErrArchiveVaultNeeded.get(lang)));
    }
    if archive_path.symlink_metadata().is_ok() {
        return Err(anyhow!(tr::err_archive_exists(
            lang,
            archive_path.display()
        )));
    }
    let plan = archive::plan(paths).map_err(|e| anyhow!(e.localize(lang)))?;
    let mut v = vault.map(|p| open_vault(p, true, lang, out)).transpose()?;
    let mut key_made_now = false;
    let key = if let Some(file) = identity {
        read_identity_file(file, lang)?
    } else if passphrase {
        let chosen = new_passphrase(ARCHIVE_PASSPHRASE_ENV, lang, &[])?;
        ArchiveKey::passphrase(chosen.expose())
    } else {
        let v = v
            .as_mut()
            .ok_or_else(|| anyhow!(T::ErrArchiveVaultNeeded.get(lang)))?;
        let in_use = v
            .practice_archive_key()
            .map_err(|e| anyhow!(e.localize(lang)))?;
        // A key made now is saved before anything is encrypted to it, with the pending note below.
        key_made_now = in_use.made_now;
        in_use.key
    };
    let practice = v
        .as_ref()
        .map(|v| v.contents().practice.name.as_str().to_owned())
        .unwrap_or_default();
    let origin = Origin {
        practice,
        at: jiff::Timestamp::now(),
    };
    // An archive made with the practice key is noted in the vault, and saved, before its file is
    // written: a run that ends between the archive's rename and its record's save leaves that note,
    // which the next opening settles (`open_vault`).
    let pending = match v.as_mut() {
        Some(v) if identity.is_none() && !passphrase => {
            v.note_pending_archive(archive_path, origin.at);
            v.save().map_err(localized(lang))?;
            if key_made_now {
                writeln!(out, "{}", T::CliArchiveKeyMade.get(lang))?;
            }
            true
        }
        _ => false,
    };
    let cancel = AtomicBool::new(false);
    let archived = match archive::encrypt(&plan, &key, archive_path, &origin, &cancel, &mut |_| {})
    {
        Ok(archived) => archived,
        Err(e) => {
            // Nothing was left under the archive's name: the note goes (best effort; the next opening
            // would find no archive and say so).
            if pending && let Some(v) = v.as_mut() {
                v.forget_pending_archive();
                let _ = v.save();
            }
            return Err(anyhow!(e.localize(lang)));
        }
    };
    writeln!(
        out,
        "{}",
        tr::cli_archive_made(
            lang,
            archive_path.display(),
            archived.manifest.file_count,
            format_size(archived.manifest.total_bytes, lang)
        )
    )?;
    if plan.skipped.total() > 0 {
        writeln!(
            out,
            "{}",
            tr::cli_archive_skipped(lang, plan.skipped.total())
        )?;
    }
    // The same records as the window's: the archive, its evidence on the checklist, the scan's note;
    // saved before any original is removed, as in the window.
    if let Some(v) = v.as_mut() {
        let _ = v.record_archive(&archived, key.kind(), |record| {
            crate::present::archive::evidence(record, lang)
        });
        v.save().map_err(|e| {
            let reason = e.localize(lang);
            let said = if pending {
                tr::cli_archive_not_recorded(lang, archive_path.display(), reason)
            } else {
                reason
            };
            anyhow::Error::new(crate::diag::Described::new(
                said,
                crate::diag::ErrorCategory::of_vault(&e),
            ))
        })?;
    }
    if remove {
        writeln!(out, "{}", T::CliArchiveRemoveWarning.get(lang))?;
        let removal = archive::remove_originals(&archived, &cancel, &mut |_| {})
            .map_err(|e| anyhow!(e.localize(lang)))?;
        if let Some(v) = v.as_mut() {
            v.record_originals_removed(archived.manifest.created_at, &removal);
            v.save().map_err(localized(lang))?;
        }
        writeln!(
            out,
            "{}",
            tr::cli_archive_removed(lang, removal.removed, removal.kept_changed + removal.failed)
        )?;
    }
    Ok(())
}

fn key_sheet(vault: &Path, file: Option<&Path>, lang: Lang, out: &mut dyn Write) -> Result<()> {
    // What the opening says goes out as comment lines: the printed text stays a valid identity file.
    let mut said = Vec::new();
    let mut v = open_vault(vault, file.is_some(), lang, &mut said)?;
    for line in String::from_utf8_lossy(&said).lines() {
        writeln!(out, "# {line}")?;
    }
    let key = v
        .contents()
        .archives
        .key
        .clone()
        .ok_or_else(|| anyhow!(T::ErrArchiveNoPracticeKey.get(lang)))?;
    let text = key.identity_file();
    match file {
        None => {
            // As comment lines, so that the printed text is still a valid identity file.
            writeln!(out, "# {}", T::CliArchiveKeySheetWarning.get(lang))?;
            write!(out, "{text}")?;
            return Ok(());
        }
        Some(path) => {
            if path.symlink_metadata().is_ok() {
                return Err(anyhow!(tr::err_archive_exists(lang, path.display())));
            }
            let mut f = crate::fs::create_private(path)
                .map_err(|e| anyhow!(crate::i18n::io_error(lang, path, &e)))?;
            f.write_all(text.as_bytes())
                .and_then(|()| f.sync_all())
                .map_err(|e| anyhow!(crate::i18n::io_error(lang, path, &e)))?;
            v.contents_mut().archives.key_sheet_saved = true;
            v.save().map_err(localized(lang))?;
            writeln!(
                out,
                "{}",
                tr::cli_archive_key_written(lang, path.display(), key.recipient())
            )?;
        }
    }
    writeln!(out, "{}", T::CliArchiveKeySheetWarning.get(lang))?;
    Ok(())
}
