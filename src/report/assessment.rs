//! The self-assessment report and the action-plan document.
//!
//! Report: cover (practice, practitioner, RPPS, date, overall score, status), "Synthèse" (scores per theme
//! as a table and a bar chart), "Réponses par thème" (each applicable item with its answer, note and
//! evidence fingerprints; items that do not concern the practice listed with the reason), "Plan d'action".

use super::layout::{BODY, Column, Flow, SMALL, STRONG};
use super::pdf::{Document, Face, PdfError, Rgb8, Style};
use crate::checklist::applicability::applies;
use crate::checklist::{self, ActionStatus, plan, scoring};
use crate::i18n::{Lang, T, date_of, format_date, format_datetime, names, tr};
use crate::locale::format_percent;
use crate::practice_file::VaultContents;

fn percent_or_dash(score: Option<f64>, lang: Lang) -> String {
    score.map_or_else(
        || "—".to_owned(),
        |s| format_percent(f64::from(scoring::percent(s)), 0, lang),
    )
}

/// The cover block shared by the documents: title, practice, practitioner, RPPS, address, date.
pub(super) fn cover(flow: &mut Flow, contents: &VaultContents, lang: Lang, title: T) {
    let p = &contents.practice;
    flow.space(6.0);
    let y = flow.y + 8.0;
    flow.doc().text(
        super::layout::MARGIN,
        y,
        title.get(lang),
        Style::new(Face::Bold, 20.0, Rgb8::ACCENT),
    );
    flow.space(14.0);
    flow.paragraph(
        T::ReportSubtitle.get(lang),
        Style::new(Face::Regular, 11.0, Rgb8::MUTED),
    );
    flow.space(3.0);
    let not_given = T::NotGiven.get(lang);
    flow.field(T::ReportPractice.get(lang), p.name.as_str());
    let practitioner = if p.practitioner.is_empty() {
        not_given
    } else {
        &p.practitioner
    };
    flow.field(T::Practitioner.get(lang), practitioner);
    flow.field("RPPS", p.rpps.as_ref().map_or(not_given, |r| r.as_str()));
    if !p.address.is_empty() {
        flow.field(T::AddressLabel.get(lang), &p.address.replace('\n', ", "));
    }
    flow.field(
        T::ReportDate.get(lang),
        &format_datetime(jiff::Timestamp::now(), lang),
    );
}

pub(super) fn running_header(contents: &VaultContents, lang: Lang, title: T) -> String {
    format!("{} — {}", contents.practice.name, title.get(lang))
}

pub(super) fn footer(lang: Lang) -> impl Fn(usize, usize) -> String {
    let produced = tr::report_generated(
        lang,
        env!("CARGO_PKG_VERSION"),
        format_datetime(jiff::Timestamp::now(), lang),
    );
    move |n, total| format!("{produced}    {}", tr::report_page(lang, n, total))
}

fn action_rows(contents: &VaultContents, lang: Lang) -> Vec<Vec<String>> {
    let catalog = checklist::catalog();
    let today = crate::i18n::today();
    let mut rank = 0;
    plan::ordered(catalog, &contents.checklist)
        .into_iter()
        .filter_map(|a| {
            let item = catalog.item(&a.item)?;
            let number = if a.status == ActionStatus::Done {
                "✓".to_owned()
            } else {
                rank += 1;
                rank.to_string()
            };
            let mut due = a.due.map_or_else(
                || T::NoDueDate.get(lang).to_owned(),
                |d| format_date(d, lang),
            );
            if a.status != ActionStatus::Done && a.due.is_some_and(|d| d < today) {
                due = format!("{due} ({})", T::Overdue.get(lang));
            }
            Some(vec![
                number,
                crate::present::checklist::action_text(item, a.kind, lang),
                if a.owner.is_empty() {
                    "—".to_owned()
                } else {
                    a.owner.clone()
                },
                due,
                // A completed action says when (one date format: the user's).
                match a.done_at {
                    Some(t) if a.status == ActionStatus::Done => {
                        tr::status_done_on(lang, format_date(date_of(t), lang))
                    }
                    _ => names::status(a.status).get(lang).to_owned(),
                },
            ])
        })
        .collect()
}

fn action_table(flow: &mut Flow, contents: &VaultContents, lang: Lang) {
    let rows = action_rows(contents, lang);
    if rows.is_empty() {
        flow.paragraph(T::ReportNoActions.get(lang), BODY);
        return;
    }
    let columns = [
        Column {
            title: T::ColPriority.get(lang),
            share: 0.06,
        },
        Column {
            title: T::ColMeasure.get(lang),
            share: 0.50,
        },
        Column {
            title: T::ColOwner.get(lang),
            share: 0.16,
        },
        Column {
            title: T::ColDue.get(lang),
            share: 0.14,
        },
        Column {
            title: T::ColStatus.get(lang),
            share: 0.14,
        },
    ];
    flow.table(&columns, &rows, BODY);
}

/// Which catalog version the answers refer to, and the version they were first given on.
fn catalog_version(flow: &mut Flow, contents: &VaultContents, lang: Lang) {
    let record = &contents.checklist;
    flow.field(
        T::ReportCatalog.get(lang),
        &tr::catalog_version_line(lang, record.answered_on()),
    );
    if let Some(from) = record.migrated_from {
        flow.paragraph(
            &tr::catalog_migrated_line(lang, from, record.answered_on()),
            SMALL,
        );
    }
}

/// The glossary as the report's annex: every term the questions underline, explained.
fn glossary_annex(flow: &mut Flow, lang: Lang) {
    flow.page_break();
    flow.heading(T::PdfGlossaryTitle.get(lang), 15.0);
    for t in &checklist::catalog().glossary {
        flow.ensure(14.0);
        flow.paragraph(t.term.get(lang), Style::new(Face::Bold, 10.0, Rgb8::ACCENT));
        flow.paragraph(t.definition.get(lang), BODY);
        flow.space(1.5);
    }
}

/// The references the catalog cites, each as a document for the CNIL prints it (a CNIL fiche with
/// its title, a decision or an order with its full name).
fn sources_annex(flow: &mut Flow, lang: Lang) {
    let mut sources: Vec<&str> = checklist::catalog()
        .items
        .iter()
        .flat_map(|i| i.sources.iter().map(String::as_str))
        .collect();
    sources.sort_unstable_by(|a, b| checklist::sources::natural_order(a, b));
    sources.dedup();
    flow.space(6.0);
    flow.heading(T::PdfSourcesTitle.get(lang), 13.0);
    for s in sources {
        flow.paragraph(
            &crate::locale::typeset(&checklist::sources::describe(s), lang),
            SMALL,
        );
    }
}

/// The full self-assessment report, of the current draft ("Brouillon, non signé").
/// When the practice has signed an assessment before, a last section compares the draft with it.
pub fn assessment_pdf(contents: &VaultContents, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let comparison = super::signature::draft_comparison(contents);
    report(contents, lang, None, comparison.as_ref())
}

/// The report of a signed assessment: drawn from its frozen document, with its signature block, its
/// verification code and, when there is an earlier one, the comparison with it.
pub(super) fn report(
    contents: &VaultContents,
    lang: Lang,
    signed: Option<&super::signature::SignedInfo>,
    comparison: Option<&crate::assessment::compare::Comparison>,
) -> Result<Vec<u8>, PdfError> {
    let catalog = checklist::catalog();
    let record = &contents.checklist;
    let scores = scoring::compute(catalog, &contents.practice, record);
    let mut flow = Flow::new(Document::new(
        T::ReportTitle.get(lang),
        jiff::Timestamp::now(),
    )?);
    if let Some(info) = signed {
        // The document's code in the file's properties too.
        let keyword = format!("sha256:{}", info.code);
        flow.doc().set_subject(
            &tr::pdf_subject_code(lang, &info.code),
            &["vigie", "signed-assessment", &keyword],
        );
    }

    cover(&mut flow, contents, lang, T::ReportTitle);
    // The same summary the checklist's rules and the dashboard read: the PDF never says "no images"
    // next to a question that applies because the practice keeps or receives them.
    flow.field(
        T::Imaging.get(lang),
        &names::imaging(contents.practice.setup.imaging(), lang),
    );
    match signed {
        None => flow.field(T::ReportStatus.get(lang), T::ReportDraft.get(lang)),
        Some(info) => {
            flow.field(T::ReportStatus.get(lang), T::ReportSigned.get(lang));
            flow.field(
                T::ReportCompletedAt.get(lang),
                &format_datetime(info.completed_at, lang),
            );
        }
    }
    flow.field(
        T::ReportOverall.get(lang),
        &percent_or_dash(scores.overall, lang),
    );
    flow.field(
        T::ReportProgress.get(lang),
        &tr::progress_answered(lang, scores.answered, scores.applicable),
    );
    catalog_version(&mut flow, contents, lang);
    flow.space(4.0);
    if let Some(info) = signed {
        super::signature::signature_block(&mut flow, info, lang);
    }

    // Summary.
    flow.heading(T::SectionSummary.get(lang), 15.0);
    flow.paragraph(T::ReportScoreExplained.get(lang), SMALL);
    let bars: Vec<(String, Option<f64>)> = catalog
        .themes
        .iter()
        .zip(&scores.themes)
        .map(|(t, s)| (t.title.get(lang).to_owned(), s.score))
        .collect();
    flow.bar_chart(&bars, lang);
    let rows: Vec<Vec<String>> = catalog
        .themes
        .iter()
        .zip(&scores.themes)
        .map(|(t, s)| {
            vec![
                t.title.get(lang).to_owned(),
                format!("{} / {}", s.answered, s.applicable),
                percent_or_dash(s.score, lang),
            ]
        })
        .collect();
    let columns = [
        Column {
            title: T::ColTheme.get(lang),
            share: 0.6,
        },
        Column {
            title: T::ColAnswered.get(lang),
            share: 0.2,
        },
        Column {
            title: T::ColScore.get(lang),
            share: 0.2,
        },
    ];
    flow.table(&columns, &rows, BODY);

    // What the assessment covers without an answer or without a review: listed, never hidden.
    let open = scoring::open_points(catalog, &contents.practice, record);
    let line = |item: &checklist::Item, extra: Option<String>| {
        let number = catalog
            .number(&item.id)
            .map_or_else(String::new, |n| format!("{n}. "));
        match extra {
            Some(e) => format!("{number}{} — {e}", item.question.get(lang)),
            None => format!("{number}{}", item.question.get(lang)),
        }
    };
    if !open.unanswered.is_empty() {
        flow.space(4.0);
        flow.heading(
            &tr::report_unanswered_heading(lang, open.unanswered.len()),
            12.0,
        );
        for item in &open.unanswered {
            flow.paragraph(&line(item, None), SMALL);
        }
    }
    if !open.carried_over.is_empty() {
        flow.space(4.0);
        flow.heading(
            &tr::report_carried_over_heading(lang, open.carried_over.len()),
            12.0,
        );
        for item in &open.carried_over {
            let answer = record
                .answers
                .get(&item.id)
                .map(|a| names::answer(a.value).get(lang).to_owned());
            flow.paragraph(&line(item, answer), SMALL);
        }
    }

    // Answers by theme.
    flow.page_break();
    flow.heading(T::SectionAnswers.get(lang), 15.0);
    let columns = [
        Column {
            title: T::ColPriority.get(lang),
            share: 0.07,
        },
        Column {
            title: T::ColQuestion.get(lang),
            share: 0.43,
        },
        Column {
            title: T::ColAnswer.get(lang),
            share: 0.15,
        },
        Column {
            title: T::ColNote.get(lang),
            share: 0.35,
        },
    ];
    for (theme, score) in catalog.themes.iter().zip(&scores.themes) {
        flow.ensure(30.0);
        flow.space(2.0);
        let title = format!(
            "{} — {}",
            theme.title.get(lang),
            percent_or_dash(score.score, lang)
        );
        flow.paragraph(&title, Style::new(Face::Bold, 11.5, Rgb8::ACCENT));
        let rows: Vec<Vec<String>> = catalog
            .items_of(&theme.id)
            .map(|item| {
                let number = catalog
                    .number(&item.id)
                    .map_or_else(String::new, |n| n.to_string());
                let applicable = applies(&item.applies, &contents.practice);
                let (answer, mut note) = match (applicable, record.answers.get(&item.id)) {
                    (false, _) => (
                        T::ReportNotApplicable.get(lang).to_owned(),
                        item.not_applicable_because
                            .as_ref()
                            .map_or(String::new(), |t| t.get(lang).to_owned()),
                    ),
                    (true, None) => (T::ReportNotAnswered.get(lang).to_owned(), String::new()),
                    (true, Some(a)) => {
                        let by = format!(
                            "{} · {}",
                            names::respondent(a.by).get(lang),
                            format_date(date_of(a.at), lang)
                        );
                        let mut note = if a.note.is_empty() {
                            by
                        } else {
                            format!("{}\n{by}", a.note)
                        };
                        if let Some(reason) = a.review_reason.as_ref().filter(|_| a.to_review) {
                            note =
                                format!("{note}\n{}", tr::review_because(lang, reason.get(lang)));
                        }
                        let answer = if a.to_review {
                            tr::report_carried_over_answer(lang, names::answer(a.value).get(lang))
                        } else {
                            names::answer(a.value).get(lang).to_owned()
                        };
                        (answer, note)
                    }
                };
                for e in record.evidence_for(&item.id) {
                    let r = tr::report_evidence_ref(lang, &e.name, &e.sha256[..16]);
                    note = if note.is_empty() {
                        r
                    } else {
                        format!("{note}\n{r}")
                    };
                }
                vec![number, item.question.get(lang).to_owned(), answer, note]
            })
            .collect();
        flow.table(&columns, &rows, Style::new(Face::Regular, 8.5, Rgb8::TEXT));
    }

    // The Internet box, when its rules were read (or recorded by hand).
    box_section(&mut flow, contents, lang);

    // Action plan.
    flow.page_break();
    flow.heading(T::SectionActionPlan.get(lang), 15.0);
    action_table(&mut flow, contents, lang);

    if let Some(comparison) = comparison {
        flow.page_break();
        super::signature::comparison_section(&mut flow, comparison, lang);
    }

    glossary_annex(&mut flow, lang);
    sources_annex(&mut flow, lang);

    let header = running_header(contents, lang, T::ReportTitle);
    flow.finish(&header, footer(lang))
}

/// The "Box Internet" section: the last reading's date, the box, each finding with its risk (or that
/// nothing lets the Internet in, or why it could not be read). Nothing when the box was never read.
fn box_section(flow: &mut Flow, contents: &VaultContents, lang: Lang) {
    let Some(section) = crate::present::boxes::section(&contents.system, lang) else {
        return;
    };
    flow.space(6.0);
    flow.heading(T::BoxTitle.get(lang), 15.0);
    flow.field(T::PdfBoxDate.get(lang), &section.read_at);
    if let Some(which) = &section.which {
        flow.field(T::PdfBoxWhich.get(lang), which);
    }
    if let Some(note) = section.by_hand {
        flow.paragraph(note, SMALL);
    }
    if let Some(why) = &section.unread {
        flow.field(T::PdfBoxUnread.get(lang), why);
    }
    if let Some(nothing) = section.nothing {
        flow.paragraph(nothing, BODY);
    }
    if !section.rows.is_empty() {
        let columns = [
            Column {
                title: T::PdfBoxRisk.get(lang),
                share: 0.15,
            },
            Column {
                title: T::PdfBoxFinding.get(lang),
                share: 0.85,
            },
        ];
        let rows: Vec<Vec<String>> = section
            .rows
            .into_iter()
            .map(|(level, finding)| vec![level.to_owned(), finding])
            .collect();
        flow.table(&columns, &rows, Style::new(Face::Regular, 8.5, Rgb8::TEXT));
    }
}

/// The action plan alone, to pin up or hand to the IT provider.
pub fn action_plan_pdf(contents: &VaultContents, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let catalog = checklist::catalog();
    let scores = scoring::compute(catalog, &contents.practice, &contents.checklist);
    let mut flow = Flow::new(Document::new(
        T::ActionPlanReportTitle.get(lang),
        jiff::Timestamp::now(),
    )?);
    cover(&mut flow, contents, lang, T::ActionPlanReportTitle);
    flow.field(T::ReportStatus.get(lang), T::ReportDraft.get(lang));
    flow.field(
        T::ReportOverall.get(lang),
        &percent_or_dash(scores.overall, lang),
    );
    catalog_version(&mut flow, contents, lang);
    flow.space(4.0);
    flow.heading(T::SectionActionPlan.get(lang), 15.0);
    flow.paragraph(T::ActionsIntro.get(lang), SMALL);
    action_table(&mut flow, contents, lang);
    let _ = STRONG;
    let header = running_header(contents, lang, T::ActionPlanReportTitle);
    flow.finish(&header, footer(lang))
}
