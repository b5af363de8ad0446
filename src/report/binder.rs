//! The inspection binder's PDFs: the record of processing activities (GDPR art. 30) with the DPIA
//! statement, on flowing A4 pages; the patients' notice on one page, A4 (a poster for the waiting
//! room) or A5, its type shrunk until it fits.

use super::layout::{BODY, Flow, MARGIN, SMALL, STRONG};
use super::pdf::{Document, Face, PdfError, Rgb8, Style};
use crate::assessment::SignedAssessment;
use crate::binder::{ActivityView, Notice, Origin, dpia_statement};
use crate::i18n::{Lang, T, format_date, names, tr};
use crate::practice::Profile;
use crate::practice_file::VaultContents;

/// The notice's paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeFormat {
    /// A4, a poster for the waiting room.
    A4,
    /// A5, a leaflet.
    A5,
}

impl NoticeFormat {
    /// Width and height in millimetres.
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (210.0, 297.0),
            Self::A5 => (148.0, 210.0),
        }
    }
}

/// The signed assessment that froze a register: the register's PDF names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrozenBy {
    /// The assessment's id.
    pub id: String,
    /// When it was completed and signed.
    pub completed_at: jiff::Timestamp,
    /// The document's code: SHA-256 of its signed bytes, hexadecimal.
    pub code: String,
}

/// What the register's PDF is drawn from: the vault's register as it stands, or the one a signed
/// assessment froze (version 3).
#[derive(Debug, Clone)]
pub struct RegisterSource {
    /// The practice's profile (the signed one for a frozen register).
    pub practice: Profile,
    /// The activities, in the register's order.
    pub activities: Vec<ActivityView>,
    /// When the doctor last changed the register.
    pub updated_at: Option<jiff::Timestamp>,
    /// The signed assessment that froze it, if it is a frozen one.
    pub frozen: Option<FrozenBy>,
}

impl RegisterSource {
    /// The register as the vault holds it now.
    pub fn current(contents: &VaultContents, lang: Lang) -> Self {
        Self {
            practice: contents.practice.clone(),
            activities: contents.register.activities(
                &contents.practice,
                &contents.processors,
                &contents.checklist,
                lang,
            ),
            updated_at: contents.register.updated_at,
            frozen: None,
        }
    }

    /// The register `signed` froze; `None` for a document that does not read or froze none (signed
    /// before version 3).
    pub fn signed(signed: &SignedAssessment, lang: Lang) -> Option<Self> {
        let doc = signed.parsed().ok()?;
        let binder = doc.binder.as_ref()?;
        Some(Self {
            activities: binder
                .register
                .activities
                .iter()
                .map(|a| a.view(&doc, lang))
                .collect(),
            updated_at: binder.register.updated_at,
            frozen: Some(FrozenBy {
                id: signed.id.clone(),
                completed_at: signed.completed_at,
                code: signed.code(),
            }),
            practice: doc.practice,
        })
    }
}

/// The record of processing activities as the vault holds it now, then the DPIA statement.
pub fn register_pdf(contents: &VaultContents, lang: Lang) -> Result<Vec<u8>, PdfError> {
    register_pdf_of(&RegisterSource::current(contents, lang), lang)
}

/// The record of processing activities drawn from `source`, then the DPIA statement; a frozen
/// register names the signed assessment that froze it and its document's code.
pub fn register_pdf_of(source: &RegisterSource, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let title = T::RegisterDocTitle.get(lang);
    let now = jiff::Timestamp::now();
    let mut flow = Flow::new(Document::new(title, now)?);
    let p = &source.practice;
    flow.space(6.0);
    let y = flow.y + 8.0;
    flow.doc()
        .text(MARGIN, y, title, Style::new(Face::Bold, 18.0, Rgb8::ACCENT));
    flow.space(14.0);
    flow.paragraph(T::RegisterIntro.get(lang), SMALL);
    flow.space(2.0);
    if let Some(f) = &source.frozen {
        flow.paragraph(
            &tr::binder_register_frozen(
                lang,
                &f.id,
                format_date(crate::i18n::date_of(f.completed_at), lang),
            ),
            Style::new(Face::Bold, 9.5, Rgb8::TEXT),
        );
        flow.paragraph(
            T::ReportVerificationCode.get(lang),
            Style::new(Face::Regular, 8.5, Rgb8::MUTED),
        );
        flow.line(
            &crate::assessment::document::grouped(&f.code),
            Style::new(Face::Mono, 9.0, Rgb8::TEXT),
        );
        flow.space(2.0);
    }
    let not_given = T::NotGiven.get(lang);
    flow.field(T::ReportPractice.get(lang), p.name.as_str());
    let controller = [p.practitioner.trim(), p.address.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    flow.field(
        T::RegisterController.get(lang),
        if controller.is_empty() {
            not_given
        } else {
            &controller
        },
    );
    if let Some(dpo) = &p.dpo {
        flow.field("DPO", &dpo.name);
    }
    if let Some(at) = source.updated_at {
        flow.field(
            T::RegisterEditedMark.get(lang),
            &format_date(crate::i18n::date_of(at), lang),
        );
    }
    let edited = T::RegisterEditedMark.get(lang);
    let catalog = crate::checklist::catalog();
    for (n, a) in source.activities.iter().enumerate() {
        flow.space(3.0);
        flow.heading(&format!("{}. {}", n + 1, a.name), 12.0);
        for (field, text, origin) in &a.fields {
            let value = if *origin == Origin::Edited {
                format!("{text} ({edited})")
            } else {
                text.clone()
            };
            flow.field(&field.label(lang), &value);
        }
        flow.space(1.0);
        flow.paragraph(T::RegisterSecurity.get(lang), STRONG);
        for m in &a.security {
            let title = catalog
                .item(&m.item)
                .map_or_else(|| m.item.clone(), |i| i.action.get(lang).to_owned());
            let answer = m.answer.map_or_else(
                || T::ReportNotAnswered.get(lang),
                |v| names::answer(v).get(lang),
            );
            flow.paragraph(&format!("• {title} — {answer} [{}]", m.item), BODY);
        }
        if !a.sources.is_empty() {
            let sources = match lang {
                Lang::Fr => format!(
                    "{} : {}",
                    T::RegisterSources.get(lang),
                    a.sources.join(" ; ")
                ),
                Lang::En => format!("{}: {}", T::RegisterSources.get(lang), a.sources.join("; ")),
            };
            flow.paragraph(&crate::locale::typeset(&sources, lang), SMALL);
        }
    }
    flow.space(3.0);
    flow.heading(T::RegisterDpiaHeading.get(lang), 12.0);
    for para in dpia_statement(p).paragraphs(p, lang) {
        flow.paragraph(&para, BODY);
    }
    let left = format!("{} — {}", p.name, title);
    flow.finish(&left, |n, total| format!("{n} / {total}"))
}

/// The sizes of the notice's type, scaled by `k`.
fn styles(format: NoticeFormat, k: f32) -> (Style, Style, Style) {
    let base = match format {
        NoticeFormat::A4 => 11.5,
        NoticeFormat::A5 => 8.5,
    } * k;
    (
        Style::new(Face::Bold, base * 1.8, Rgb8::ACCENT),
        Style::new(Face::Bold, base * 1.15, Rgb8::ACCENT),
        Style::new(Face::Regular, base, Rgb8::TEXT),
    )
}

/// Draws (or, with `draw` false, only measures) the notice; returns the height used, in mm.
fn lay_out(doc: &mut Document, notice: &Notice, format: NoticeFormat, k: f32, draw: bool) -> f32 {
    let (w, _) = format.size();
    let margin = match format {
        NoticeFormat::A4 => 16.0,
        NoticeFormat::A5 => 11.0,
    };
    let width = w - 2.0 * margin;
    let (title, heading, body) = styles(format, k);
    let mut y = margin;
    let put = |doc: &mut Document, y: &mut f32, text: &str, style: Style, indent: f32| {
        for line in doc.wrap(text, style.face, style.size, width - indent) {
            *y += style.leading() * 0.8;
            if draw {
                doc.text(margin + indent, *y, &line, style);
            }
            *y += style.leading() * 0.2;
        }
    };
    put(doc, &mut y, &notice.title, title, 0.0);
    y += 2.0 * k;
    for s in &notice.sections {
        y += 2.5 * k;
        put(doc, &mut y, &s.heading, heading, 0.0);
        if draw {
            doc.rule(margin, y + 0.6, width, Rgb8::SHADE);
        }
        y += 1.5 * k;
        for p in &s.paragraphs {
            let indent = if p.starts_with("• ") { 3.0 } else { 0.0 };
            put(doc, &mut y, p, body, indent);
            y += 1.0 * k;
        }
    }
    y + margin
}

/// The patients' notice on one page of `format`.
pub fn notice_pdf(
    contents: &VaultContents,
    lang: Lang,
    format: NoticeFormat,
) -> Result<Vec<u8>, PdfError> {
    let notice = Notice::of(
        &contents.practice,
        &contents.register,
        &contents.processors,
        crate::i18n::today(),
        lang,
    );
    let (w, h) = format.size();
    let mut doc =
        Document::new(T::NoticeDocTitle.get(lang), jiff::Timestamp::now())?.with_page_size(w, h);
    // The largest type, from 130 % of the base size down to 55 %, at which the notice fits on one page.
    let mut k = 1.3_f32;
    while k > 0.55 && lay_out(&mut doc, &notice, format, k, false) > h {
        k -= 0.05;
    }
    lay_out(&mut doc, &notice, format, k, true);
    doc.finish()
}

/// The processors (GDPR art. 28) as frozen in a signed assessment or as they stand: each one's role,
/// name, what it processes, whether it keeps health data, its HDS certificate and its status on
/// `as_of`, the clauses of art. 28 read in its contract, the contract by fingerprint, the note.
pub fn processors_pdf(
    practice: &Profile,
    processors: &[crate::assessment::document::ProcessorDoc],
    frozen: Option<&FrozenBy>,
    as_of: jiff::civil::Date,
    lang: Lang,
) -> Result<Vec<u8>, PdfError> {
    use crate::binder::processors::{HdsStatus, hds_status};
    let title = T::ProcessorsDocTitle.get(lang);
    let mut flow = Flow::new(Document::new(title, jiff::Timestamp::now())?);
    flow.space(6.0);
    let y = flow.y + 8.0;
    flow.doc()
        .text(MARGIN, y, title, Style::new(Face::Bold, 18.0, Rgb8::ACCENT));
    flow.space(14.0);
    flow.paragraph(T::ProcessorsIntro.get(lang), SMALL);
    flow.space(2.0);
    if let Some(f) = frozen {
        flow.paragraph(
            &tr::binder_processors_frozen(
                lang,
                &f.id,
                format_date(crate::i18n::date_of(f.completed_at), lang),
            ),
            Style::new(Face::Bold, 9.5, Rgb8::TEXT),
        );
        flow.line(
            &crate::assessment::document::grouped(&f.code),
            Style::new(Face::Mono, 9.0, Rgb8::TEXT),
        );
        flow.space(2.0);
    }
    flow.field(T::ReportPractice.get(lang), practice.name.as_str());
    if processors.is_empty() {
        flow.paragraph(T::ProcessorsNone.get(lang), BODY);
    }
    let pick = |b: &crate::assessment::document::Bilingual| match lang {
        Lang::Fr => b.fr.clone(),
        Lang::En => b.en.clone(),
    };
    for (n, p) in processors.iter().enumerate() {
        flow.space(3.0);
        flow.heading(
            &format!("{}. {} — {}", n + 1, pick(&p.name), pick(&p.role)),
            12.0,
        );
        flow.field(T::ProcessorsProcesses.get(lang), &pick(&p.processes));
        flow.field(
            T::ProcessorsHostsHealth.get(lang),
            match p.hosts_health_data {
                crate::practice::Known::Yes => T::ProcessorsHostsYes,
                crate::practice::Known::No => T::ProcessorsHostsNo,
                crate::practice::Known::Unknown => T::KnownUnknown,
            }
            .get(lang),
        );
        let number = if p.hds_number.trim().is_empty() {
            T::HdsNoNumber.get(lang).to_owned()
        } else {
            tr::hds_number(lang, p.hds_number.trim())
        };
        let expires = p.hds_expires.map_or_else(
            || T::HdsNoExpiry.get(lang).to_owned(),
            |d| tr::hds_expiry(lang, format_date(d, lang)),
        );
        let status = match hds_status(p.hosts_health_data, &p.hds_number, p.hds_expires, as_of) {
            HdsStatus::NotNeeded => T::HdsNotNeeded,
            HdsStatus::ToCheck => T::HdsToCheck,
            HdsStatus::Missing => T::HdsMissing,
            HdsStatus::Incomplete => T::HdsIncomplete,
            HdsStatus::Valid { .. } => T::HdsValid,
            HdsStatus::ExpiresSoon { .. } => T::HdsExpiresSoon,
            HdsStatus::Expired { .. } => T::HdsExpired,
        };
        flow.field(
            T::ProcessorsHds.get(lang),
            &tr::binder_hds_line(lang, number, expires, status.get(lang)),
        );
        flow.paragraph(T::ProcessorsClauses.get(lang), STRONG);
        for c in &p.clauses {
            flow.paragraph(
                &format!(
                    "• {} [{}] — {}",
                    c.clause.label(lang),
                    c.clause.article(),
                    c.answer.name(lang)
                ),
                BODY,
            );
        }
        flow.field(
            T::ProcessorsContract.get(lang),
            &p.contract.as_ref().map_or_else(
                || T::ProcessorsNoContract.get(lang).to_owned(),
                |c| format!("{} — SHA-256 {}", c.name, c.sha256),
            ),
        );
        if !p.note.trim().is_empty() {
            flow.field(T::ProcessorsNote.get(lang), &p.note);
        }
    }
    let left = format!("{} — {}", practice.name, title);
    flow.finish(&left, |n, total| format!("{n} / {total}"))
}

/// The processors as they stand in the vault (not as a signature froze them), in the binder's layout:
/// the processors' PDF of the window and of `vigie export --kind processors`.
pub fn current_processors_pdf(contents: &VaultContents, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let today = crate::i18n::today();
    let now = crate::assessment::document::freeze_binder(
        &contents.register,
        &contents.processors,
        &contents.practice,
        &contents.checklist,
        today,
    );
    processors_pdf(&contents.practice, &now.processors, None, today, lang)
}

/// The letter asking the `number`th processor (from 1) for what is missing.
pub fn processor_letter_pdf(
    contents: &VaultContents,
    number: usize,
    lang: Lang,
) -> Result<Vec<u8>, PdfError> {
    let p = &contents.practice;
    let today = crate::i18n::today();
    let view = contents
        .processors
        .by_number(number, p, today, lang)
        .ok_or_else(|| {
            PdfError::NothingToReport(crate::i18n::tr::err_no_processor(lang, number))
        })?;
    let letter =
        crate::binder::letter::processor_letter(&view, p, today, lang).ok_or_else(|| {
            PdfError::NothingToReport(T::ProcessorNothingMissing.get(lang).to_owned())
        })?;
    let mut flow = Flow::new(Document::new(
        T::ProcessorLetterTitle.get(lang),
        jiff::Timestamp::now(),
    )?);
    flow.space(2.0);
    for (i, line) in letter.sender.iter().enumerate() {
        flow.paragraph(line, if i == 0 { STRONG } else { BODY });
    }
    // The processor's address block, on the right, as a window envelope expects it.
    flow.space(4.0);
    let x = MARGIN + flow.width() * 0.55;
    for (i, line) in letter.recipient.iter().enumerate() {
        let top = flow.y + BODY.leading() * 0.8;
        flow.doc()
            .text(x, top, line, if i == 0 { STRONG } else { BODY });
        flow.y += BODY.leading();
    }
    flow.space(6.0);
    let w = flow
        .doc()
        .text_width(&letter.date_line, BODY.face, BODY.size);
    let top = flow.y + BODY.leading() * 0.8;
    let x = MARGIN + flow.width() - w;
    flow.doc().text(x, top, &letter.date_line, BODY);
    flow.y += BODY.leading();
    flow.space(4.0);
    flow.paragraph(&letter.subject, STRONG);
    flow.space(3.0);
    flow.paragraph(&letter.salutation, BODY);
    flow.space(1.5);
    for para in &letter.intro {
        flow.paragraph(para, BODY);
        flow.space(1.5);
    }
    for ask in &letter.asks {
        flow.paragraph(&format!("– {}", ask.text), BODY);
        for item in &ask.items {
            flow.paragraph(&format!("      • {item}"), BODY);
        }
        flow.space(1.0);
    }
    flow.space(1.5);
    for para in &letter.outro {
        flow.paragraph(para, BODY);
        flow.space(1.5);
    }
    flow.space(6.0);
    flow.paragraph(&letter.signature, STRONG);
    flow.finish_letter()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binder::{ActivityKind, RegisterField};

    #[test]
    fn the_notice_fits_one_page_in_both_formats_and_the_register_renders() {
        // Every activity, hosted records, a DPO: the longest notice.
        let mut p = crate::practice::Profile::named(
            crate::practice::PracticeName::parse("Cabinet de radiologie du Dr Lefèvre")
                .expect("name"),
        );
        p.practitioner = "Dr Camille Lefèvre".into();
        p.address = "12 rue des Tilleuls, 69000 Lyon".into();
        p.email = crate::practice::Email::parse("secretariat@radiologie.example").ok();
        p.dpo = Some(crate::practice::Dpo {
            name: "Cabinet Conseil RGPD Santé".into(),
            email: crate::practice::Email::parse("dpo@conseil.example").ok(),
            phone: String::new(),
        });
        let s = &mut p.setup;
        (s.teleconsultation, s.video_surveillance, s.produces_images) = (true, true, true);
        s.staff.secretary = true;
        s.records = crate::practice::RecordsHosting::Cloud;
        p.processing.host = "SantéCloud Hébergement".into();
        let mut c = VaultContents::new(p);
        c.register.notice_note =
            "Les images de vidéosurveillance ne filment pas la salle d’examen.".into();
        c.register.edit(
            ActivityKind::Billing,
            RegisterField::Retention,
            "10 ans",
            jiff::Timestamp::UNIX_EPOCH,
        );
        for lang in [Lang::Fr, Lang::En] {
            for format in [NoticeFormat::A4, NoticeFormat::A5] {
                let notice = Notice::of(
                    &c.practice,
                    &c.register,
                    &c.processors,
                    crate::i18n::today(),
                    lang,
                );
                let mut doc = Document::new("t", jiff::Timestamp::UNIX_EPOCH).expect("doc");
                let (_, h) = format.size();
                let mut k = 1.3_f32;
                while k > 0.55 && lay_out(&mut doc, &notice, format, k, false) > h {
                    k -= 0.05;
                }
                assert!(
                    lay_out(&mut doc, &notice, format, k, false) <= h,
                    "{format:?} {lang:?}"
                );
                let pdf = notice_pdf(&c, lang, format).expect("notice");
                assert!(pdf.starts_with(b"%PDF-"));
            }
            let pdf = register_pdf(&c, lang).expect("register");
            assert!(pdf.starts_with(b"%PDF-"));
        }
    }
}
