//! The breach register's documents: the register (a table of every breach, then a page each, and the
//! chain's head), the draft notification to the CNIL for one breach (the fields in the order of the
//! online form), and the letter to the patients (art. 34(2): what happened, the likely consequences,
//! the measures taken, whom to contact).

use super::assessment::{cover, footer, running_header};
use super::layout::{BODY, Column, Flow, MARGIN, SMALL, STRONG};
use super::pdf::{Document, Face, PdfError, Rgb8, Style};
use crate::breach::{Breach, BreachId, NotificationKind};
use crate::i18n::{Lang, T, format_date, format_datetime, names, tr};
use crate::practice_file::VaultContents;
use crate::present::breach::{
    categories, complement_text, event_entries, natures, notification_record_text,
    people_categories, sections,
};

/// A label and its value side by side, both wrapped: the labels here are whole questions.
fn row(flow: &mut Flow, label: &str, value: &str) {
    const LABEL_W: f32 = 64.0;
    let muted = Style::new(Face::Regular, BODY.size, Rgb8::MUTED);
    let width = flow.width();
    let labels = flow
        .doc()
        .wrap(label, muted.face, muted.size, LABEL_W - 3.0);
    let values = flow
        .doc()
        .wrap(value, BODY.face, BODY.size, width - LABEL_W);
    let lines = labels.len().max(values.len()).max(1);
    flow.ensure(BODY.leading() * lines as f32 + 1.0);
    let top = flow.y + BODY.leading() * 0.8;
    for (i, line) in labels.iter().enumerate() {
        flow.doc()
            .text(MARGIN, top + BODY.leading() * i as f32, line, muted);
    }
    for (i, line) in values.iter().enumerate() {
        flow.doc().text(
            MARGIN + LABEL_W,
            top + BODY.leading() * i as f32,
            line,
            BODY,
        );
    }
    flow.y += BODY.leading() * lines as f32 + 1.2;
}

fn not_given(s: &str, lang: Lang) -> String {
    if s.trim().is_empty() {
        T::NotGiven.get(lang).to_owned()
    } else {
        s.to_owned()
    }
}

/// The name of a value, or "not given" when it is the unknown one.
fn known_name(unknown: bool, name: T, lang: Lang) -> String {
    if unknown { T::NotGiven } else { name }
        .get(lang)
        .to_owned()
}

fn missing(id: BreachId, lang: Lang) -> PdfError {
    PdfError::NothingToReport(tr::err_no_such_breach(lang, id))
}

/// The chain's head, with what it is for: printed on every register so that a later copy can be
/// checked against the paper.
fn chain_head(flow: &mut Flow, contents: &VaultContents, lang: Lang) {
    let head = contents.breaches.head();
    flow.space(3.0);
    flow.heading(T::PdfChainHeading.get(lang), 13.0);
    flow.paragraph(
        &tr::breach_head_line(lang, head.count, head.hash_hex()),
        Style::new(Face::Mono, 8.5, Rgb8::TEXT),
    );
    flow.paragraph(T::PdfChainExplain.get(lang), SMALL);
    head_signature(flow, contents, &head, lang);
    if let Err(brk) = contents.breaches.verify() {
        flow.paragraph(
            &crate::i18n::chain_break(lang, &brk, &contents.breaches),
            Style::new(Face::Bold, 9.5, Rgb8(0xb0, 0x1e, 0x1e)),
        );
    }
}

/// The head's signature by the practitioner's key, with what is needed to check it from the paper.
fn head_signature(
    flow: &mut Flow,
    contents: &VaultContents,
    head: &crate::breach::chain::ChainHead,
    lang: Lang,
) {
    let Some(signer) = contents
        .assessments
        .doctor_key
        .as_ref()
        .and_then(crate::assessment::DoctorKey::signer)
    else {
        flow.paragraph(T::PdfHeadNotSigned.get(lang), SMALL);
        return;
    };
    let bytes = crate::breach::chain::DatedHead::new(*head, jiff::Timestamp::now()).signing_bytes();
    let mono = Style::new(Face::Mono, 7.5, Rgb8::TEXT);
    flow.paragraph(&tr::pdf_head_signed_by(lang, &signer.identity.name), BODY);
    // The key's fingerprint, the anchor a reader compares: monospace, one line, never wrapped.
    flow.line(
        &signer.identity.fingerprint(),
        Style::new(Face::Mono, 9.0, Rgb8::TEXT),
    );
    flow.paragraph(T::PdfHeadSignedText.get(lang), SMALL);
    flow.paragraph(&String::from_utf8_lossy(&bytes), mono);
    flow.paragraph(T::PdfHeadAllowedSigner.get(lang), SMALL);
    if let Some(line) = signer
        .identity
        .allowed_signer(&[crate::breach::chain::HEAD_NAMESPACE])
    {
        flow.paragraph(&line.line(), mono);
    }
    flow.paragraph(T::PdfHeadSignature.get(lang), SMALL);
    flow.paragraph(
        &signer.sign(crate::breach::chain::HEAD_NAMESPACE, &bytes),
        mono,
    );
    flow.paragraph(
        &tr::pdf_head_how_to_check(lang, &signer.identity.principal),
        SMALL,
    );
}

/// The register: every breach in a table, then a page each with its facts, decisions, notifications,
/// files and history; the chain's head on the first page.
pub fn register_pdf(contents: &VaultContents, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let title = T::BreachesTitle;
    let now = jiff::Timestamp::now();
    let mut flow = Flow::new(Document::new(title.get(lang), now)?);
    // The chain's head (its verification code) in the file's properties too.
    let head = contents.breaches.head();
    let keyword = format!("head-sha256:{}", head.hash_hex());
    flow.doc().set_subject(
        &tr::pdf_subject_head(lang, head.count, head.hash_hex()),
        &["vigie", "breach-register", &keyword],
    );
    cover(&mut flow, contents, lang, title);
    flow.space(3.0);
    flow.paragraph(T::PdfRegisterIntro.get(lang), BODY);
    let breaches = contents.breaches.breaches();
    flow.space(2.0);
    if breaches.is_empty() {
        flow.paragraph(T::BreachesEmpty.get(lang), BODY);
    } else {
        let rows: Vec<Vec<String>> = breaches
            .iter()
            .map(|b| {
                vec![
                    b.id.to_string(),
                    b.title.clone(),
                    b.details
                        .aware_at
                        .map_or_else(|| "—".to_owned(), |t| format_datetime(t, lang)),
                    names::breach_status(b.status).get(lang).to_owned(),
                    notification_record_text(b, lang),
                    match (&b.informed, &b.inform) {
                        (Some(i), _) => format_date(crate::i18n::date_of(i.at), lang),
                        (None, Some(d)) if !d.yes => T::PdfNotInformedShort.get(lang).to_owned(),
                        (None, Some(_)) => T::PdfInformPlanned.get(lang).to_owned(),
                        (None, None) => T::BreachNoDecision.get(lang).to_owned(),
                    },
                ]
            })
            .collect();
        flow.table(
            &[
                Column {
                    title: T::ColPriority.get(lang),
                    share: 0.05,
                },
                Column {
                    title: T::PdfColBreach.get(lang),
                    share: 0.27,
                },
                Column {
                    title: T::PdfColAware.get(lang),
                    share: 0.15,
                },
                Column {
                    title: T::BreachStatusLabel.get(lang),
                    share: 0.13,
                },
                Column {
                    title: T::PdfColNotified.get(lang),
                    share: 0.25,
                },
                Column {
                    title: T::PdfColInformed.get(lang),
                    share: 0.15,
                },
            ],
            &rows,
            Style::new(Face::Regular, 8.0, Rgb8::TEXT),
        );
    }
    // The head on a page of its own, so that it is never cut.
    flow.page_break();
    chain_head(&mut flow, contents, lang);

    for b in &breaches {
        flow.page_break();
        breach_page(&mut flow, contents, b, lang);
    }
    let header = running_header(contents, lang, title);
    flow.finish(&header, footer(lang))
}

fn breach_page(flow: &mut Flow, contents: &VaultContents, b: &Breach, lang: Lang) {
    flow.heading(
        &format!("{} — {}", tr::breach_number(lang, b.id), b.title),
        15.0,
    );
    row(
        flow,
        T::BreachStatusLabel.get(lang),
        names::breach_status(b.status).get(lang),
    );
    row(
        flow,
        T::BreachRecordedBy.get(lang),
        &tr::pdf_letter_signature(lang, &b.opened_by, format_datetime(b.opened_at, lang)),
    );
    flow.paragraph(&notification_record_text(b, lang), STRONG);
    if let Some(c) = complement_text(b, lang) {
        flow.paragraph(&c, BODY);
    }
    for (title, rows) in sections(b, lang) {
        flow.space(3.0);
        flow.heading(title.get(lang), 11.5);
        for (label, value) in rows {
            row(flow, label, &value);
        }
    }
    flow.space(3.0);
    flow.heading(T::BreachSectionNotify.get(lang), 11.5);
    if b.notifications.is_empty() {
        flow.paragraph(&notification_record_text(b, lang), BODY);
    }
    for n in &b.notifications {
        row(
            flow,
            names::notification_kind(n.kind).get(lang),
            &tr::breach_notified_on(lang, format_datetime(n.at, lang), &n.reference),
        );
        if !n.late_reasons.trim().is_empty() {
            row(flow, T::DocLateReasons.get(lang), &n.late_reasons);
        }
    }
    flow.space(3.0);
    flow.heading(T::BreachSectionPeople.get(lang), 11.5);
    flow.paragraph(&informed_text(b, lang), BODY);
    if !b.attachments.is_empty() {
        flow.space(3.0);
        flow.heading(T::BreachSectionFiles.get(lang), 11.5);
        for a in &b.attachments {
            flow.paragraph(
                &tr::breach_attachment_line(
                    lang,
                    &a.name,
                    names::purpose(a.purpose).get(lang),
                    crate::i18n::format_size(a.size, lang),
                    &a.sha256,
                ),
                SMALL,
            );
        }
    }
    flow.space(3.0);
    flow.heading(T::PdfEventsHeading.get(lang), 11.5);
    for (head, body) in event_entries(&contents.breaches, b, lang) {
        flow.space(1.0);
        flow.paragraph(&head, Style::new(Face::Bold, SMALL.size, Rgb8::TEXT));
        for line in body {
            flow.paragraph(&line, SMALL);
        }
    }
}

/// Whether and how the people were informed, or why not.
fn informed_text(b: &Breach, lang: Lang) -> String {
    match (&b.informed, &b.inform) {
        (Some(i), _) => tr::pdf_informed_line(lang, format_datetime(i.at, lang), &i.channel),
        (None, Some(d)) if !d.yes => tr::pdf_not_informed(lang, &d.reason),
        (None, Some(_)) => T::PdfInformPlanned.get(lang).to_owned(),
        (None, None) => T::BreachNoDecision.get(lang).to_owned(),
    }
}

/// The draft notification to the CNIL for one breach: the fields in the order of the online form
/// (as of July 2023), ready to copy.
pub fn notification_pdf(
    contents: &VaultContents,
    id: BreachId,
    lang: Lang,
) -> Result<Vec<u8>, PdfError> {
    let b = contents
        .breaches
        .breach(id)
        .ok_or_else(|| missing(id, lang))?;
    let d = &b.details;
    let p = &contents.practice;
    let title = T::PdfNotifTitle;
    let mut flow = Flow::new(Document::new(title.get(lang), jiff::Timestamp::now())?);
    cover(&mut flow, contents, lang, title);
    row(
        &mut flow,
        T::PdfColBreach.get(lang),
        &format!("{} — {}", tr::breach_number(lang, b.id), b.title),
    );
    flow.space(2.0);
    flow.paragraph(T::PdfNotifIntro.get(lang), SMALL);
    // Says what was decided: a draft for a breach decided "do not notify" is not a notification due.
    if let Some(d) = b.notify.as_ref().filter(|d| !d.yes) {
        flow.space(1.0);
        flow.paragraph(
            &tr::pdf_draft_not_to_notify(lang, format_datetime(d.at, lang), &d.reason),
            Style::new(Face::Bold, BODY.size, Rgb8::TEXT),
        );
    }

    // 1. Type.
    flow.space(3.0);
    flow.heading(T::PdfN1.get(lang), 12.0);
    // Once notified, this draft is for the complementary notification; before, the doctor chooses.
    let kind = match b.first_notification() {
        Some(first) => format!(
            "{} — {}",
            names::notification_kind(NotificationKind::Complementary).get(lang),
            tr::pdf_complementary_of_on(lang, &first.reference, format_datetime(first.at, lang))
        ),
        None => format!(
            "{} / {}",
            names::notification_kind(NotificationKind::Complete).get(lang),
            names::notification_kind(NotificationKind::Initial).get(lang)
        ),
    };
    flow.paragraph(&kind, BODY);

    // 2. Organisation.
    flow.space(3.0);
    flow.heading(T::PdfN2.get(lang), 12.0);
    row(&mut flow, T::PdfOrgName.get(lang), p.name.as_str());
    row(
        &mut flow,
        "SIREN / SIRET",
        &p.siret
            .as_ref()
            .map_or_else(|| T::NotGiven.get(lang).to_owned(), ToString::to_string),
    );
    row(
        &mut flow,
        T::PdfSector.get(lang),
        T::PdfSectorHealth.get(lang),
    );
    let staff = &p.setup.staff;
    let headcount = 1 + usize::from(staff.secretary) + usize::from(staff.assistants);
    row(
        &mut flow,
        T::PdfHeadcount.get(lang),
        &tr::pdf_headcount(lang, headcount),
    );
    row(
        &mut flow,
        T::AddressLabel.get(lang),
        &not_given(&p.address.replace('\n', ", "), lang),
    );

    // 3. Legal representative.
    flow.space(3.0);
    flow.heading(T::PdfN3.get(lang), 12.0);
    row(
        &mut flow,
        T::Practitioner.get(lang),
        &not_given(&p.practitioner, lang),
    );

    // 4. Contact person: the DPO if any, else the practitioner; the role and telephone typed for the
    // breach first.
    flow.space(3.0);
    flow.heading(T::PdfN4.get(lang), 12.0);
    let contact = crate::present::breach::Contact::of(&contents.practice, d, lang);
    row(
        &mut flow,
        T::DocName.get(lang),
        &not_given(&contact.name, lang),
    );
    row(&mut flow, T::DocRole.get(lang), &contact.role);
    row(
        &mut flow,
        T::PdfPhone.get(lang),
        &not_given(&contact.phone, lang),
    );
    row(
        &mut flow,
        T::PdfEmail.get(lang),
        &not_given(&contact.email, lang),
    );

    // 5. Other organisations.
    flow.space(3.0);
    flow.heading(T::PdfN5.get(lang), 12.0);
    flow.paragraph(&not_given(&d.processors, lang), BODY);

    // 6. Dates.
    flow.space(3.0);
    flow.heading(T::PdfN6.get(lang), 12.0);
    let time = |t: Option<jiff::Timestamp>| {
        t.map_or_else(
            || T::NotGiven.get(lang).to_owned(),
            |t| format_datetime(t, lang),
        )
    };
    row(&mut flow, T::FStarted.get(lang), &time(d.started_at));
    let ended = if d.ongoing {
        T::PdfOngoing.get(lang).to_owned()
    } else {
        time(d.ended_at)
    };
    row(&mut flow, T::FEnded.get(lang), &ended);
    row(&mut flow, T::DocAware.get(lang), &time(d.aware_at));
    row(&mut flow, T::FDiscovered.get(lang), &time(d.discovered_at));
    row(
        &mut flow,
        T::FProcessorAlert.get(lang),
        &time(d.processor_alert_at),
    );
    if !d.aware_after_alert_reason.trim().is_empty() {
        row(
            &mut flow,
            T::FAwareAfterAlert.get(lang),
            &d.aware_after_alert_reason,
        );
    }
    row(
        &mut flow,
        T::FHowDiscovered.get(lang),
        &not_given(&d.how_discovered, lang),
    );
    let late = b
        .notifications
        .iter()
        .map(|n| n.late_reasons.as_str())
        .find(|r| !r.trim().is_empty())
        .unwrap_or_default();
    row(
        &mut flow,
        T::DocLateReasons.get(lang),
        &not_given(late, lang),
    );

    // 7. Nature.
    flow.space(3.0);
    flow.heading(T::PdfN7.get(lang), 12.0);
    row(&mut flow, T::FNature.get(lang), &natures(d, lang));
    row(
        &mut flow,
        T::FOrigin.get(lang),
        &known_name(
            d.origin == crate::breach::Origin::Unknown,
            names::origin(d.origin),
            lang,
        ),
    );
    row(
        &mut flow,
        T::FIntent.get(lang),
        &known_name(
            d.intent == crate::breach::Intent::Unknown,
            names::intent(d.intent),
            lang,
        ),
    );
    row(
        &mut flow,
        T::DocCause.get(lang),
        &known_name(
            d.cause == crate::breach::Cause::Unknown,
            names::cause(d.cause),
            lang,
        ),
    );
    row(
        &mut flow,
        T::FExposure.get(lang),
        &known_name(
            d.exposure == crate::breach::Exposure::Unknown,
            names::exposure(d.exposure),
            lang,
        ),
    );
    row(
        &mut flow,
        T::DocDescription.get(lang),
        &not_given(&d.description, lang),
    );

    // 8. Data and people.
    flow.space(3.0);
    flow.heading(T::PdfN8.get(lang), 12.0);
    row(&mut flow, T::FDataHeading.get(lang), &categories(d, lang));
    let n = |v: Option<&crate::breach::Count>| crate::present::breach::count(v, lang);
    row(&mut flow, T::FRecords.get(lang), &n(d.records.as_ref()));
    row(&mut flow, T::FPeople.get(lang), &n(d.people.as_ref()));
    row(
        &mut flow,
        T::PdfPeopleCategories.get(lang),
        &people_categories(d, lang),
    );
    row(
        &mut flow,
        T::FMinors.get(lang),
        names::known(d.minors).get(lang),
    );
    row(
        &mut flow,
        T::FVulnerable.get(lang),
        names::known(d.vulnerable).get(lang),
    );

    // 9. Measures before.
    flow.space(3.0);
    flow.heading(T::PdfN9.get(lang), 12.0);
    flow.paragraph(&not_given(&d.measures_before, lang), BODY);
    row(
        &mut flow,
        T::FEncrypted.get(lang),
        names::known(d.encrypted).get(lang),
    );
    row(
        &mut flow,
        T::FBackup.get(lang),
        names::known(d.backup).get(lang),
    );

    // 10. Consequences.
    flow.space(3.0);
    flow.heading(T::PdfN10.get(lang), 12.0);
    flow.paragraph(&not_given(&d.consequences, lang), BODY);
    row(
        &mut flow,
        T::FCopiedOut.get(lang),
        names::known(d.copied_out).get(lang),
    );
    row(
        &mut flow,
        T::FKeyCompromised.get(lang),
        names::known(d.key_compromised).get(lang),
    );

    // 11. Harms and severity.
    flow.space(3.0);
    flow.heading(T::PdfN11.get(lang), 12.0);
    if d.data_health || d.data_images {
        flow.paragraph(T::PdfHarmSecrecy.get(lang), BODY);
    }
    row(
        &mut flow,
        T::FSeverity.get(lang),
        names::severity(d.severity).get(lang),
    );

    // 12. Measures after.
    flow.space(3.0);
    flow.heading(T::PdfN12.get(lang), 12.0);
    row(
        &mut flow,
        T::FMeasuresAfter.get(lang),
        &not_given(&d.measures_after, lang),
    );
    row(
        &mut flow,
        T::FMeasuresPlanned.get(lang),
        &not_given(&d.measures_planned, lang),
    );

    // 13. Information of the people.
    flow.space(3.0);
    flow.heading(T::PdfN13.get(lang), 12.0);
    flow.paragraph(&informed_text(&b, lang), BODY);

    // 14. Cross-border, other authorities.
    flow.space(3.0);
    flow.heading(T::PdfN14.get(lang), 12.0);
    flow.paragraph(&not_given(&d.other_authorities, lang), BODY);

    let header = running_header(contents, lang, title);
    flow.finish(&header, footer(lang))
}

/// The letter to the patients (art. 34(2)), laid out as a letter: the practice's letterhead, the
/// patient's address block, the date and the subject, then the patient-facing texts (as the doctor
/// edited them in the window, else drafted in plain words from the facts) and whom to call. A public
/// notice instead when reaching each person would take disproportionate effort; refused, with the
/// decision's reason, when the decision is not to inform.
pub fn patient_letter_pdf(
    contents: &VaultContents,
    id: BreachId,
    lang: Lang,
) -> Result<Vec<u8>, PdfError> {
    use crate::present::breach::{LetterKind, letter_draft, letter_kind, letter_parts};
    let b = contents
        .breaches
        .breach(id)
        .ok_or_else(|| missing(id, lang))?;
    let kind = letter_kind(&b);
    if let LetterKind::Refused(reason) = &kind {
        return Err(PdfError::NothingToReport(tr::letter_refused(lang, reason)));
    }
    let notice = kind == LetterKind::PublicNotice;
    let p = &contents.practice;
    let text = b
        .letter
        .clone()
        .unwrap_or_else(|| letter_draft(&b, p, lang));
    let title = if notice {
        T::PublicNoticeTitle
    } else {
        T::PdfLetterTitle
    };
    let mut flow = Flow::new(Document::new(title.get(lang), jiff::Timestamp::now())?);
    // The practice's letterhead, on the left.
    flow.space(2.0);
    flow.paragraph(p.name.as_str(), STRONG);
    for line in [p.practitioner.as_str(), p.address.as_str()] {
        if !line.trim().is_empty() {
            flow.paragraph(line, BODY);
        }
    }
    if !text.phone.trim().is_empty() {
        flow.paragraph(
            &crate::present::breach::labelled(T::PdfPhone.get(lang), &text.phone, lang),
            BODY,
        );
    }
    if let Some(email) = &p.email {
        flow.paragraph(email.as_str(), BODY);
    }
    let today = format_date(crate::i18n::today(), lang);
    if notice {
        flow.space(8.0);
        flow.heading(title.get(lang), 15.0);
        flow.paragraph(T::PublicNoticeWhere.get(lang), SMALL);
        flow.space(2.0);
        flow.paragraph(T::PublicNoticeIntro.get(lang), BODY);
    } else {
        // The patient's address block, on the right, as a window envelope expects it.
        flow.space(4.0);
        let x = MARGIN + flow.width() * 0.55;
        let muted = Style::new(Face::Regular, BODY.size, Rgb8::MUTED);
        for line in T::LetterRecipient.get(lang).lines() {
            let top = flow.y + BODY.leading() * 0.8;
            flow.doc().text(x, top, &format!("[{line}]"), muted);
            flow.y += BODY.leading();
        }
        flow.space(6.0);
        let date = tr::letter_place_date(lang, &today);
        let top = flow.y + BODY.leading() * 0.8;
        flow.doc().text(x, top, &date, BODY);
        flow.y += BODY.leading();
        flow.space(5.0);
        flow.paragraph(&tr::letter_object(lang, title.get(lang)), STRONG);
        flow.space(3.0);
        flow.paragraph(T::PdfLetterGreeting.get(lang), BODY);
        flow.space(1.0);
        flow.paragraph(T::PdfLetterIntro.get(lang), BODY);
    }
    for (heading, body) in letter_parts(&text) {
        flow.space(2.0);
        flow.paragraph(heading.get(lang), STRONG);
        flow.paragraph(&not_given(body, lang), BODY);
    }
    let phone = if text.phone.trim().is_empty() {
        T::NotGiven.get(lang).to_owned()
    } else {
        text.phone.trim().to_owned()
    };
    flow.paragraph(
        &crate::present::breach::labelled(T::LetterPhoneLabel.get(lang), &phone, lang),
        STRONG,
    );
    flow.space(2.0);
    flow.paragraph(T::PdfLetterCnil.get(lang), BODY);
    flow.space(3.0);
    flow.paragraph(T::PdfLetterClosing.get(lang), BODY);
    flow.space(5.0);
    flow.paragraph(&not_given(&p.practitioner, lang), STRONG);
    flow.finish_letter()
}
