//! `vigie verify REGISTER_FOLDER --assessment SIGNED`: whether a breach register export still extends
//! the head a signed self-assessment witnessed (`docs/breach-register-format.md`, "The head, and
//! truncation"; `docs/signed-assessment-format.md`, version 2).

use std::io::Write;
use std::path::Path;

use anyhow::{Result, anyhow};

use crate::breach::export::{self, AgainstSigned, EVENTS_FILE};
use crate::i18n::{Lang, Localize as _, T, tr};

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
    let (text, holds) =
        crate::present::breach::against_signed_text(&check, T::RegisterWitnessAssessment, lang);
    writeln!(out, "{text}")?;
    match check {
        AgainstSigned::Compared { .. } if holds => Ok(()),
        // Nothing witnessed: nothing proved either way; not a success of the comparison asked for.
        _ => Err(anyhow!(tr::err_verify_failed(lang, folder.display()))),
    }
}
