//! The parts of a report PDF that only a signed assessment has, and the draft's comparison with the
//! last signed one: the "Signatures" block (each signer, the key's fingerprint, the verification code)
//! and the comparison section. [`super::assessment`] draws them; [`super::signed`] makes the signed
//! report and its set of files from them. This module imports neither, so that the report's modules
//! import one another in one direction only.

use jiff::Timestamp;

use super::layout::{BODY, Column, Flow, SMALL};
use super::pdf::{Face, Rgb8, Style};
use crate::assessment::compare::{self, Comparison};
use crate::assessment::document;
use crate::assessment::{Identity, Role};
use crate::checklist::AnswerValue;
use crate::i18n::{Lang, T, format_datetime, names, tr};
use crate::practice_file::VaultContents;

/// What the report shows of the signatures.
#[derive(Debug, Clone)]
pub struct SignedInfo {
    /// When the assessment was completed.
    pub completed_at: Timestamp,
    /// Each signer and when they signed.
    pub signers: Vec<(Identity, Timestamp)>,
    /// SHA-256 of the signed document, hexadecimal.
    pub code: String,
    /// What the signed document witnesses beyond the checklist (version 2), if anything.
    pub witnessed: Option<document::Witnessed>,
}

/// The name of a role on a signature.
pub fn role_name(role: Role) -> T {
    match role {
        Role::Doctor => T::RoleDoctor,
        Role::Consultant => T::RoleConsultant,
    }
}

/// The current draft compared with the last signed assessment, if there is one that reads.
pub fn draft_comparison(contents: &VaultContents) -> Option<Comparison> {
    let last = contents.assessments.last()?.parsed().ok()?;
    let draft = document::freeze(&document::FreezeInput {
        practice: &contents.practice,
        record: &contents.checklist,
        scans: &contents.scans,
        signer: &last.signer,
        previous: None,
        now: Timestamp::now(),
        nonce: 0,
        // A draft witnesses nothing yet, but freezes the register as it stands, to compare it.
        witnessed: Some(contents.witnessed()),
        binder: Some(document::freeze_binder(
            &contents.register,
            &contents.processors,
            &contents.practice,
            &contents.checklist,
            crate::i18n::today(),
        )),
    });
    Some(compare::compare(&last, &draft))
}

/// The "Signatures" block of the report's first page.
pub(super) fn signature_block(flow: &mut Flow, info: &SignedInfo, lang: Lang) {
    flow.heading(T::SectionSignatures.get(lang), 13.0);
    for (identity, at) in &info.signers {
        flow.ensure(22.0);
        let mut who = format!("{} — {}", identity.name, role_name(identity.role).get(lang));
        if !identity.affiliation.is_empty() {
            who = format!("{who} — {}", identity.affiliation);
        }
        flow.paragraph(&who, Style::new(Face::Bold, 10.5, Rgb8::TEXT));
        flow.paragraph(&tr::signed_on(lang, format_datetime(*at, lang)), BODY);
        // The label, then the fingerprint alone on its line, in monospace (I and l, O and 0 told
        // apart), never wrapped.
        flow.paragraph(
            T::SaKeyFingerprint.get(lang),
            Style::new(Face::Regular, 8.5, Rgb8::MUTED),
        );
        flow.line(
            &identity.fingerprint(),
            Style::new(Face::Mono, 9.0, Rgb8::TEXT),
        );
        flow.space(2.0);
    }
    flow.paragraph(
        T::ReportVerificationCode.get(lang),
        Style::new(Face::Regular, 9.5, Rgb8::MUTED),
    );
    // One line, in monospace: the code is read aloud and compared group by group.
    flow.line(
        &document::grouped(&info.code),
        Style::new(Face::Mono, 10.5, Rgb8::TEXT),
    );
    flow.paragraph(T::ReportHowToVerify.get(lang), SMALL);
    if let Some(w) = &info.witnessed {
        witnessed_block(flow, w, lang);
    }
    flow.space(4.0);
}

/// A digest shortened for reading: its first 16 and last 8 hexadecimal digits.
fn short(hash: &str) -> String {
    match (hash.get(..16), hash.get(hash.len().saturating_sub(8)..)) {
        (Some(a), Some(b)) if hash.len() > 24 => format!("{a}…{b}"),
        _ => hash.to_owned(),
    }
}

/// What the signatures also witness: the breach register's head and the last records' digests, each
/// shortened on its line, then their full values; in monospace, each on one line (a 64-digit value
/// in 7.5 pt monospace is about 100 mm: it never reaches the margin, so it never wraps).
fn witnessed_block(flow: &mut Flow, w: &document::Witnessed, lang: Lang) {
    let mono = Style::new(Face::Mono, 7.5, Rgb8::TEXT);
    flow.space(2.0);
    flow.paragraph(
        T::PdfWitnessedHeading.get(lang),
        Style::new(Face::Bold, 10.0, Rgb8::TEXT),
    );
    flow.paragraph(
        &tr::pdf_witnessed_register(lang, w.breach_register.count),
        BODY,
    );
    flow.paragraph(&short(&w.breach_register.hash), mono);
    let mut full = vec![(T::PdfWitnessedRegisterShort, &w.breach_register.hash)];
    for (label, short_label, record) in [
        (T::PdfWitnessedScan, T::PdfWitnessedScanShort, &w.scan),
        (
            T::PdfWitnessedChecks,
            T::PdfWitnessedChecksShort,
            &w.system_checks,
        ),
        (T::PdfWitnessedBox, T::PdfWitnessedBoxShort, &w.box_reading),
    ] {
        let Some(r) = record else { continue };
        flow.paragraph(
            &tr::pdf_witnessed_record(lang, label.get(lang), format_datetime(r.at, lang)),
            BODY,
        );
        flow.paragraph(&short(&r.sha256), mono);
        full.push((short_label, &r.sha256));
    }
    flow.paragraph(T::PdfWitnessedFull.get(lang), SMALL);
    for (label, hash) in full {
        flow.paragraph(&format!("{}: {hash}", label.get(lang)), mono);
    }
}

fn percent(p: Option<u32>) -> String {
    p.map_or_else(|| "—".to_owned(), |p| format!("{p} %"))
}

fn answer(v: Option<AnswerValue>, lang: Lang) -> String {
    v.map_or_else(
        || T::ReportNotAnswered.get(lang).to_owned(),
        |v| names::answer(v).get(lang).to_owned(),
    )
}

/// A table's columns: `first`, then "then" and "now".
fn then_and_now(first: T, lang: Lang) -> [Column<'static>; 3] {
    [
        Column {
            title: first.get(lang),
            share: 0.6,
        },
        Column {
            title: T::ColThen.get(lang),
            share: 0.2,
        },
        Column {
            title: T::ColNow.get(lang),
            share: 0.2,
        },
    ]
}

/// The comparison with the previous assessment: scores per theme, answers that changed, actions done.
pub(super) fn comparison_section(flow: &mut Flow, c: &Comparison, lang: Lang) {
    flow.heading(
        &tr::comparison_heading(lang, format_datetime(c.then_at, lang)),
        15.0,
    );
    let columns = then_and_now(T::ColTheme, lang);
    let mut rows: Vec<Vec<String>> = c
        .themes
        .iter()
        .map(|t| {
            vec![
                if lang == Lang::Fr {
                    t.title.fr.clone()
                } else {
                    t.title.en.clone()
                },
                percent(t.then),
                percent(t.now),
            ]
        })
        .collect();
    rows.push(vec![
        T::ReportOverall.get(lang).to_owned(),
        percent(c.overall_then),
        percent(c.overall_now),
    ]);
    flow.table(&columns, &rows, BODY);
    flow.space(3.0);
    flow.paragraph(
        &tr::comparison_answers_changed(lang, c.answers.len()),
        Style::new(Face::Bold, 11.0, Rgb8::ACCENT),
    );
    if !c.answers.is_empty() {
        let columns = then_and_now(T::ColQuestion, lang);
        let rows: Vec<Vec<String>> = c
            .answers
            .iter()
            .map(|a| {
                vec![
                    if lang == Lang::Fr {
                        a.question.fr.clone()
                    } else {
                        a.question.en.clone()
                    },
                    answer(a.then, lang),
                    answer(a.now, lang),
                ]
            })
            .collect();
        flow.table(&columns, &rows, Style::new(Face::Regular, 8.5, Rgb8::TEXT));
    }
    flow.space(3.0);
    flow.paragraph(
        &tr::comparison_actions_done(lang, c.actions_done.len()),
        Style::new(Face::Bold, 11.0, Rgb8::ACCENT),
    );
    for a in &c.actions_done {
        let q = if lang == Lang::Fr {
            &a.question.fr
        } else {
            &a.question.en
        };
        flow.paragraph(&format!("✓ {q}"), BODY);
    }
}
