//! `vigie verify REGISTER_FOLDER --assessment SIGNED`: whether a breach register export still extends
//! the head a signed self-assessment witnessed (`docs/breach-register-format.md`, "The head, and
//! truncation"; `docs/signed-assessment-format.md`, version 2).

use std::io::Write;
use std::path::Path;

use anyhow::{Result, anyhow};

use crate::breach::export::{self, AgainstSigned, EVENTS_FILE};
use crate::i18n::{Lang, Localize as _, format_datetime, tr};

pub(super) fn verify(
    folder: &Path,
    assessment: &Path,
    expected: &[String],
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::assessment::verify::Anchor;
    // The assessment first: its head counts only if its signatures hold.
    let v = crate::assessment::verify::verify_path(assessment).map_err(|e| match e {
        crate::assessment::verify::VerifyError::Bundle(b) => anyhow!(b.localize(lang)),
    })?;
    write!(
        out,
        "{}",
        crate::present::signed::text_anchored(&v, expected, lang)
    )?;
    let anchored = matches!(v.anchor(expected), Anchor::NotGiven | Anchor::Matches(_));
    if !v.is_valid() || !anchored {
        return Err(anyhow!(tr::err_verify_failed(lang, assessment.display())));
    }
    let doc = v
        .document()
        .ok_or_else(|| anyhow!(tr::err_verify_failed(lang, assessment.display())))?;
    let jsonl = std::fs::read(folder.join(EVENTS_FILE))
        .map_err(|e| anyhow!(crate::i18n::io_error(lang, &folder.join(EVENTS_FILE), &e)))?;
    let events = export::read_events(&jsonl).map_err(|b| {
        anyhow!(
            "{}\n{}",
            crate::present::breach::export_break_text(&b, lang),
            tr::err_verify_failed(lang, folder.display())
        )
    })?;
    let check = match &doc.witnessed {
        None => AgainstSigned::NotWitnessed {
            signed_at: doc.completed_at,
        },
        Some(w) => {
            let signed = crate::breach::ChainHead {
                count: w.breach_register.count,
                hash: crate::breach::chain::parse_hex32(&w.breach_register.hash)
                    .ok_or_else(|| anyhow!(tr::err_verify_failed(lang, assessment.display())))?,
            };
            AgainstSigned::Compared {
                signed_at: doc.completed_at,
                signed,
                outcome: export::extends(&events, signed),
            }
        }
    };
    let (text, holds) = crate::present::breach::against_signed_text(
        &check,
        |d| crate::i18n::tr::register_witness_assessment(lang, d),
        lang,
    );
    writeln!(out, "{text}")?;
    match check {
        AgainstSigned::Compared { .. } if holds => Ok(()),
        // Nothing witnessed: nothing proved either way; not a success of the comparison asked for.
        _ => Err(anyhow!(tr::err_verify_failed(lang, folder.display()))),
    }
}

/// `vigie breach countersign-head FOLDER --key KEY`: the consultant countersigns the head of a
/// register export, after checking every event, the head and the doctor's signature of it.
pub(super) fn countersign(
    folder: &Path,
    key: &Path,
    expected: &[String],
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    let to_sign = crate::report::head_countersign::read_to_countersign(folder).map_err(|e| {
        anyhow!(crate::report::head_countersign::error_text(
            &e, folder, lang
        ))
    })?;
    let sig_path = folder.join(export::HEAD_SIGNATURE_FILE);
    let (head, head_at, doctor) = (
        to_sign.export.head,
        to_sign.export.head_at,
        to_sign.doctor_fingerprint.clone(),
    );
    if !expected.is_empty() && !doctor.as_ref().is_some_and(|d| expected.contains(d)) {
        return Err(anyhow!(tr::err_head_signature(lang, sig_path.display())));
    }
    let date = head_at.map_or_else(|| "—".to_owned(), |at| format_datetime(at, lang));
    writeln!(
        out,
        "{}",
        tr::cli_head_to_countersign(
            lang,
            head.count,
            head.hash_hex(),
            date,
            doctor.clone().unwrap_or_else(|| "—".to_owned())
        )
    )?;
    let signer = super::signed::open_key(key, lang)?;
    let target = crate::report::head_countersign::countersign_into(
        folder,
        &to_sign,
        &signer,
        jiff::Timestamp::now(),
    )
    .map_err(|e| anyhow!(e.localize(lang)))?;
    writeln!(
        out,
        "{}",
        tr::cli_head_countersigned(lang, target.display())
    )?;
    Ok(())
}

/// `vigie verify FOLDER --countersigned-head STATEMENT`: the statement's signature, then whether the
/// register export still extends the head it countersigned.
pub(super) fn verify_countersigned(
    folder: &Path,
    statement: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::assessment::head_statement;
    let bytes = std::fs::read(statement)
        .map_err(|e| anyhow!(crate::i18n::io_error(lang, statement, &e)))?;
    let mut sig = statement.as_os_str().to_owned();
    sig.push(".sig");
    let armored = std::fs::read_to_string(Path::new(&sig)).unwrap_or_default();
    let st = head_statement::check(&bytes, &armored)
        .ok_or_else(|| anyhow!(tr::err_head_statement(lang, statement.display())))?;
    writeln!(
        out,
        "{}",
        tr::cli_head_statement(
            lang,
            &st.signer.name,
            crate::present::signed::role(st.signer.role).get(lang),
            &st.signer.affiliation,
            format_datetime(st.signed_at, lang),
            st.signer.fingerprint()
        )
    )?;
    let signed = crate::breach::ChainHead {
        count: st.register_head.count,
        hash: crate::breach::chain::parse_hex32(&st.register_head.hash)
            .ok_or_else(|| anyhow!(tr::err_head_statement(lang, statement.display())))?,
    };
    let jsonl = std::fs::read(folder.join(EVENTS_FILE))
        .map_err(|e| anyhow!(crate::i18n::io_error(lang, &folder.join(EVENTS_FILE), &e)))?;
    let events = export::read_events(&jsonl).map_err(|b| {
        anyhow!(
            "{}\n{}",
            crate::present::breach::export_break_text(&b, lang),
            tr::err_verify_failed(lang, folder.display())
        )
    })?;
    let check = AgainstSigned::Compared {
        signed_at: st.signed_at,
        signed,
        outcome: export::extends(&events, signed),
    };
    let name = st.signer.name.clone();
    let (text, holds) = crate::present::breach::against_signed_text(
        &check,
        |d| tr::register_witness_countersigned(lang, &name, d),
        lang,
    );
    writeln!(out, "{text}")?;
    if holds {
        Ok(())
    } else {
        Err(anyhow!(tr::err_verify_failed(lang, folder.display())))
    }
}
