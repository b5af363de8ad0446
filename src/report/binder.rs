//! The inspection binder's PDFs: the record of processing activities (GDPR art. 30) with the DPIA
//! statement, on flowing A4 pages; the patients' notice on one page, A4 (a poster for the waiting
//! room) or A5, its type shrunk until it fits.

use super::layout::{BODY, Flow, MARGIN, SMALL, STRONG};
use super::pdf::{Document, Face, PdfError, Rgb8, Style};
use crate::binder::{Notice, Origin, dpia_statement};
use crate::i18n::{Lang, T, format_date, names};
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

/// The record of processing activities, then the DPIA statement.
pub fn register_pdf(contents: &VaultContents, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let title = T::RegisterDocTitle.get(lang);
    let now = jiff::Timestamp::now();
    let mut flow = Flow::new(Document::new(title, now)?);
    let p = &contents.practice;
    flow.space(6.0);
    let y = flow.y + 8.0;
    flow.doc()
        .text(MARGIN, y, title, Style::new(Face::Bold, 18.0, Rgb8::ACCENT));
    flow.space(14.0);
    flow.paragraph(T::RegisterIntro.get(lang), SMALL);
    flow.space(2.0);
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
    if let Some(at) = contents.register.updated_at {
        flow.field(
            T::RegisterEditedMark.get(lang),
            &format_date(crate::i18n::date_of(at), lang),
        );
    }
    let edited = T::RegisterEditedMark.get(lang);
    let catalog = crate::checklist::catalog();
    for (n, a) in contents
        .register
        .activities(p, &contents.checklist, lang)
        .iter()
        .enumerate()
    {
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
    let notice = Notice::of(&contents.practice, &contents.register, lang);
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

/// The practice's processors (GDPR art. 28): each with what it processes, whether it keeps health
/// data, its HDS certificate, its contract and the contract's clauses as ticked, and what is missing.
pub fn processors_pdf(contents: &VaultContents, lang: Lang) -> Result<Vec<u8>, PdfError> {
    use crate::binder::processors::{ART_28, HDS_SOURCE, known_name};
    let title = T::ProcessorsDocTitle.get(lang);
    let mut flow = Flow::new(Document::new(title, jiff::Timestamp::now())?);
    let p = &contents.practice;
    flow.space(6.0);
    let y = flow.y + 8.0;
    flow.doc()
        .text(MARGIN, y, title, Style::new(Face::Bold, 18.0, Rgb8::ACCENT));
    flow.space(14.0);
    flow.paragraph(T::ProcessorsIntro.get(lang), SMALL);
    flow.space(2.0);
    flow.field(T::ReportPractice.get(lang), p.name.as_str());
    let today = crate::i18n::today();
    let list = contents.processors.list(p, today, lang);
    if list.is_empty() {
        flow.paragraph(T::ProcessorsNone.get(lang), BODY);
    }
    for v in &list {
        flow.space(3.0);
        flow.heading(
            &format!("{}. {} — {}", v.number, v.display_name(lang), v.role),
            12.0,
        );
        flow.field(T::ProcessorKindLabel.get(lang), &v.kind.name(lang));
        flow.field(T::ProcessorProcesses.get(lang), &v.processes);
        flow.field(
            T::ProcessorHostsData.get(lang),
            &known_name(v.hosts_health_data, lang),
        );
        let number = if v.hds_number.is_empty() {
            T::NotGiven.get(lang).to_owned()
        } else {
            v.hds_number.clone()
        };
        flow.field(
            T::ProcessorHds.get(lang),
            &format!("{number} — {}", v.hds.describe(lang)),
        );
        let contract = v.contract.as_ref().map_or_else(
            || T::ProcessorNoContract.get(lang).to_owned(),
            |c| {
                format!(
                    "{} ({}, {}) SHA-256 {}",
                    c.name,
                    crate::locale::format_size(c.size, lang),
                    format_date(crate::i18n::date_of(c.added_at), lang),
                    c.sha256
                )
            },
        );
        flow.field(T::ProcessorContract.get(lang), &contract);
        if !v.note.is_empty() {
            flow.field(T::ProcessorNote.get(lang), &v.note);
        }
        flow.space(1.0);
        flow.paragraph(
            &crate::i18n::tr::processor_clauses_present(lang, v.clauses_present(), v.clauses.len()),
            STRONG,
        );
        for (clause, answer) in &v.clauses {
            flow.paragraph(
                &format!(
                    "• {} [{}] — {}",
                    clause.label(lang),
                    clause.article(),
                    answer.name(lang)
                ),
                BODY,
            );
        }
    }
    flow.space(3.0);
    let sources = [ART_28, HDS_SOURCE].join(crate::locale::list_separator(lang));
    flow.paragraph(
        &crate::locale::typeset(
            &format!("{} : {sources}", T::RegisterSources.get(lang))
                .replace(" : ", if lang == Lang::En { ": " } else { " : " }),
            lang,
        ),
        SMALL,
    );
    let left = format!("{} — {}", p.name, title);
    flow.finish(&left, |n, total| format!("{n} / {total}"))
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
                let notice = Notice::of(&c.practice, &c.register, lang);
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
