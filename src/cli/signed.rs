//! `vigie verify`, `vigie assessment …` and `vigie export --kind signed-assessment`.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, anyhow};

use super::{AssessmentCommand, KEY_PASSPHRASE_ENV, localized, open_with_env_passphrase};
use crate::assessment::KeyFile;
use crate::assessment::bundle::{FileSet, SignatureSet};
use crate::i18n::{Lang, Localize as _, T, format_datetime, tr};
use crate::practice_file::PracticeFile;
use crate::vault::{self, Unlock};

pub(super) fn run(command: AssessmentCommand, lang: Lang, out: &mut dyn Write) -> Result<()> {
    match command {
        AssessmentCommand::Sign { vault } => sign(&vault, lang, out),
        AssessmentCommand::List { vault } => list(&vault, lang, out),
        AssessmentCommand::NewKey {
            out: path,
            name,
            organisation,
        } => new_key(&path, &name, &organisation, lang, out),
        AssessmentCommand::Countersign {
            vault: Some(vault),
            key,
            accept_key_change,
            ..
        } => countersign_in_vault(&vault, &key, accept_key_change.as_deref(), lang, out),
        AssessmentCommand::Countersign {
            bundle: Some(bundle),
            key,
            out: Some(path),
            expect_fingerprint,
            accept_key_change,
            ..
        } => countersign(
            &bundle,
            &key,
            &path,
            (&expect_fingerprint, accept_key_change.as_deref()),
            lang,
            out,
        ),
        // clap requires a file and --out, or --vault.
        AssessmentCommand::Countersign { .. } => Err(anyhow!(T::UsageOther.get(lang))),
        AssessmentCommand::Import { vault, bundle } => import(&vault, &bundle, lang, out),
    }
}

fn open_for_writing(path: &Path, lang: Lang) -> Result<PracticeFile> {
    vault::inspect(path).map_err(localized(lang))?;
    let passphrase = super::secret(super::PASSPHRASE_ENV, T::CliPromptPassphrase, lang)?;
    PracticeFile::open_for_writing(path, Unlock::Passphrase(&passphrase)).map_err(localized(lang))
}

fn sign(path: &Path, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let mut v = open_for_writing(path, lang)?;
    let now = jiff::Timestamp::now();
    let signed = v
        .sign_assessment(now)
        .map_err(|e| anyhow!(e.localize(lang)))?;
    let id = signed.id.clone();
    let fingerprint = signed.signatures.first().map(|s| s.identity.fingerprint());
    v.save().map_err(localized(lang))?;
    writeln!(
        out,
        "{}",
        tr::cli_signed(lang, &id, format_datetime(now, lang))
    )?;
    if let Some(fingerprint) = fingerprint {
        writeln!(out, "{}", tr::cli_signed_key(lang, fingerprint))?;
    }
    Ok(())
}

fn list(path: &Path, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let v = open_with_env_passphrase(path, lang)?;
    let history = &v.contents().assessments;
    if history.signed.is_empty() {
        writeln!(out, "{}", T::ErrNoSignedAssessment.get(lang))?;
    }
    for s in &history.signed {
        let score = s
            .parsed()
            .ok()
            .and_then(|d| d.scores.overall_percent)
            .map_or_else(|| "—".to_owned(), |p| format!("{p} %"));
        let signers = s
            .signatures
            .iter()
            .map(|g| {
                format!(
                    "{} ({}, {})",
                    g.identity.name,
                    crate::present::signed::role(g.identity.role).get(lang),
                    g.identity.fingerprint()
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(
            out,
            "{}",
            tr::cli_assessment_line(
                lang,
                &s.id,
                format_datetime(s.completed_at, lang),
                score,
                signers
            )
        )?;
    }
    Ok(())
}

pub(super) fn verify(
    path: &Path,
    expected: &[String],
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::assessment::verify::Anchor;
    let v = crate::assessment::verify::verify_path(path).map_err(|e| match e {
        crate::assessment::verify::VerifyError::Bundle(b) => anyhow!(b.localize(lang)),
    })?;
    write!(
        out,
        "{}",
        crate::present::signed::text_anchored(&v, expected, lang)
    )?;
    let anchored = matches!(v.anchor(expected), Anchor::NotGiven | Anchor::Matches(_));
    if v.is_valid() && anchored {
        Ok(())
    } else {
        Err(anyhow!(tr::err_verify_failed(lang, path.display())))
    }
}

fn signature_set_of(
    v: &PracticeFile,
    id: Option<&str>,
    lang: Lang,
) -> Result<(SignatureSet, Option<SignatureSet>)> {
    let history = &v.contents().assessments;
    let index = match id {
        Some(id) => history
            .signed
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| anyhow!(tr::err_no_such_assessment(lang, id)))?,
        None => history
            .signed
            .len()
            .checked_sub(1)
            .ok_or_else(|| anyhow!(T::ErrNoSignedAssessment.get(lang)))?,
    };
    let previous = index
        .checked_sub(1)
        .map(|i| history.signed[i].signature_set());
    Ok((history.signed[index].signature_set(), previous))
}

pub(super) fn export(
    path: &Path,
    id: Option<&str>,
    dir: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(anyhow!(tr::err_not_a_folder(lang, dir.display())));
    }
    let v = open_with_env_passphrase(path, lang)?;
    let (set, previous) = signature_set_of(&v, id, lang)?;
    let signer = v
        .contents()
        .assessments
        .doctor_key
        .as_ref()
        .and_then(crate::assessment::DoctorKey::signer);
    let files = crate::report::signed::export_files(&set, previous.as_ref(), signer.as_ref(), lang)
        .map_err(|e| anyhow!(e.localize(lang)))?;
    let files = crate::report::signed::with_evidence_and_sums(
        files,
        &set,
        &v.contents().checklist.evidence,
    );
    let written =
        crate::report::signed::write_files(dir, &files).map_err(|e| anyhow!(e.localize(lang)))?;
    writeln!(
        out,
        "{}",
        tr::cli_exported_set(lang, written.len(), dir.display())
    )?;
    for p in written {
        if let Some(name) = p.file_name() {
            writeln!(out, "    {}", name.to_string_lossy())?;
        }
    }
    Ok(())
}

fn new_key(
    path: &Path,
    name: &str,
    organisation: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    super::refuse_existing(path, lang)?;
    let passphrase = super::new_passphrase(KEY_PASSPHRASE_ENV, lang, &[name])?;
    let (signer, code) = KeyFile::create(path, &passphrase, name, organisation)
        .map_err(|e| anyhow!(e.localize(lang)))?;
    writeln!(
        out,
        "{}",
        tr::cli_key_created(lang, path.display(), signer.identity.fingerprint())
    )?;
    super::print_recovery(&code, lang, out)
}

fn read_bundle(path: &Path, lang: Lang) -> Result<SignatureSet> {
    let bytes = crate::fs::read_bounded(path, crate::assessment::bundle::MAX_BUNDLE_BYTES)
        .map_err(|e| anyhow!(crate::i18n::io_error(lang, path, &e)))?;
    FileSet::from_zip(&bytes)
        .and_then(|f| f.signature_set())
        .map_err(|e| anyhow!(e.localize(lang)))
}

fn countersign(
    bundle: &Path,
    key: &Path,
    target: &Path,
    (expected, reason): (&[String], Option<&str>),
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::output::{self, OutputKind};
    // Replacing the received file is allowed; any other existing file is refused before anything else.
    let same = target == bundle
        || std::fs::canonicalize(target).ok() == std::fs::canonicalize(bundle).ok();
    if !same {
        output::check(target, OutputKind::Other, false).map_err(|e| anyhow!(e.localize(lang)))?;
    }
    let mut set = read_bundle(bundle, lang)?;
    // The document must be one Vigie can read, signed by its practitioner: nobody countersigns
    // something unverified.
    crate::assessment::AssessmentDocument::parse(&set.document)
        .map_err(|e| anyhow!(e.localize(lang)))?;
    let check = crate::assessment::verify::verify(&set.files(), &set.document_name());
    // What is about to be countersigned, to compare with what the practice says (by phone, on paper).
    write!(
        out,
        "{}",
        crate::present::signed::text_anchored(&check, expected, lang)
    )?;
    let anchored = matches!(
        check.anchor(expected),
        crate::assessment::verify::Anchor::NotGiven | crate::assessment::verify::Anchor::Matches(_)
    );
    if !check.is_valid() || !anchored {
        return Err(anyhow!(tr::err_verify_failed(lang, bundle.display())));
    }
    let subject = set.pin_subject().map_err(|e| anyhow!(e.localize(lang)))?;
    let now = jiff::Timestamp::now();
    let (signer, change) = open_pinned_key(key, &subject, reason, now, lang, out)?;
    set.countersign_noted(&signer, change.map(Into::into), now)
        .map_err(|e| anyhow!(e.localize(lang)))?;
    let howto = crate::report::signed::how_to_verify(&set, None);
    let bytes = crate::report::signed::bundle_bytes(&set, &howto);
    if same {
        crate::fs::write_atomic(target, &bytes).map_err(|e| anyhow!(e.localize(lang)))?;
    } else {
        output::write(target, &bytes, OutputKind::Other, false)
            .map_err(|e| anyhow!(e.localize(lang)))?;
    }
    writeln!(
        out,
        "{}",
        tr::cli_countersigned(lang, &signer.identity.name, target.display())
    )?;
    Ok(())
}

/// Opens the consultant's key file with no pin to check (a register's head countersigned alone names
/// no practice to pin: `--expect-fingerprint` anchors it).
pub(super) fn open_key(key: &Path, lang: Lang) -> Result<crate::assessment::Signer> {
    vault::inspect(key).map_err(localized(lang))?;
    let passphrase = super::secret(KEY_PASSPHRASE_ENV, T::CliPromptKeyPassphrase, lang)?;
    KeyFile::open(key, Unlock::Passphrase(&passphrase)).map_err(|e| anyhow!(e.localize(lang)))
}

/// Opens the consultant's key file checking the practice's doctor key against its pin (see
/// [`KeyFile::open_pinned`]); says what was pinned or accepted.
fn open_pinned_key(
    key: &Path,
    subject: &crate::assessment::pins::PinSubject,
    reason: Option<&str>,
    now: jiff::Timestamp,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(
    crate::assessment::Signer,
    Option<crate::assessment::pins::PinChange>,
)> {
    vault::inspect(key).map_err(localized(lang))?;
    let passphrase = super::secret(KEY_PASSPHRASE_ENV, T::CliPromptKeyPassphrase, lang)?;
    let (signer, change) =
        KeyFile::open_pinned(key, Unlock::Passphrase(&passphrase), subject, reason, now)
            .map_err(|e| anyhow!(e.localize(lang)))?;
    if let Some(c) = &change {
        writeln!(
            out,
            "{}",
            tr::key_change_accepted(lang, &c.previous, &c.fingerprint, &c.reason)
        )?;
    }
    Ok((signer, change))
}

fn countersign_in_vault(
    path: &Path,
    key: &Path,
    reason: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    let mut v = open_for_writing(path, lang)?;
    let last = v
        .contents()
        .assessments
        .last()
        .ok_or_else(|| anyhow!(T::ErrNoSignedAssessment.get(lang)))?;
    let id = last.id.clone();
    let subject = last.pin_subject().map_err(|e| anyhow!(e.localize(lang)))?;
    let now = jiff::Timestamp::now();
    let (signer, change) = open_pinned_key(key, &subject, reason, now, lang, out)?;
    v.countersign_assessment_noted(&id, &signer, change.map(Into::into), now)
        .map_err(|e| anyhow!(e.localize(lang)))?;
    v.save().map_err(localized(lang))?;
    writeln!(
        out,
        "{}",
        tr::cli_countersigned(lang, &signer.identity.name, path.display())
    )?;
    Ok(())
}

fn import(path: &Path, bundle: &Path, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let set = read_bundle(bundle, lang)?;
    let mut v = open_for_writing(path, lang)?;
    let added = v
        .import_countersignatures(&set)
        .map_err(|e| anyhow!(e.localize(lang)))?;
    v.save().map_err(localized(lang))?;
    writeln!(out, "{}", tr::cli_imported(lang, added))?;
    Ok(())
}
