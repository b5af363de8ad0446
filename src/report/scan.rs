//! The scan report: when and where the practice looked for medical images, what it found in plain words,
//! the findings riskiest first (paths and flags only), unreadable paths, and earlier scans.

use super::assessment::{cover, footer, running_header};
use super::layout::{BODY, Column, Flow, SMALL};
use super::pdf::{Document, Face, PdfError, Rgb8, Style};
use crate::i18n::{Lang, T, format_datetime, format_int, format_size, tr};
use crate::locale::format_seconds;
use crate::practice_file::VaultContents;
use crate::present::scan::{flags, kind_text, plain_summary, risk_name};
use crate::scan::record::ScanRecord;

/// At most this many findings are listed one by one; the rest (lower risk) are counted.
pub const MAX_LISTED: usize = 2_000;
/// At most this many unreadable paths are listed.
const MAX_ERRORS_LISTED: usize = 200;

/// The report of the vault's last scan; `None` when no scan is recorded.
pub fn scan_pdf(contents: &VaultContents, lang: Lang) -> Option<Result<Vec<u8>, PdfError>> {
    let record = contents.scans.last.as_ref()?;
    Some(render(contents, record, lang))
}

fn render(contents: &VaultContents, record: &ScanRecord, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let title = T::ScanReportTitle;
    let mut flow = Flow::new(Document::new(title.get(lang), jiff::Timestamp::now())?);
    cover(&mut flow, contents, lang, title);
    flow.field(
        T::ScanReportDate.get(lang),
        &format_datetime(record.started_at, lang),
    );
    flow.field(T::ScanReportRoots.get(lang), &record.roots.join("\n"));
    flow.field(
        T::ScanReportFiles.get(lang),
        &format_int(record.summary.files_seen, lang),
    );
    flow.field(
        T::ScanReportDuration.get(lang),
        &format_seconds(record.summary.elapsed_ms, lang),
    );
    flow.field(
        T::ScanReportFound.get(lang),
        &format_int(record.counts().total(), lang),
    );
    flow.space(4.0);

    flow.heading(T::SectionSummary.get(lang), 15.0);
    for line in plain_summary(record, lang) {
        flow.paragraph(&line, BODY);
        flow.space(1.5);
    }
    flow.space(2.0);
    let counts = record.counts();
    let rows = vec![
        vec![
            risk_name(crate::scan::Risk::High).get(lang).to_owned(),
            format_int(counts.high, lang),
        ],
        vec![
            risk_name(crate::scan::Risk::Medium).get(lang).to_owned(),
            format_int(counts.medium, lang),
        ],
        vec![
            risk_name(crate::scan::Risk::Low).get(lang).to_owned(),
            format_int(counts.low, lang),
        ],
        vec![
            risk_name(crate::scan::Risk::None).get(lang).to_owned(),
            format_int(counts.none, lang),
        ],
        vec![
            T::ScanReportIdentifying.get(lang).to_owned(),
            format_int(record.identifying(), lang),
        ],
    ];
    flow.table(
        &[
            Column {
                title: T::ScanReportByRisk.get(lang),
                share: 0.75,
            },
            Column {
                title: T::ScanReportCount.get(lang),
                share: 0.25,
            },
        ],
        &rows,
        BODY,
    );
    flow.paragraph(T::ScanReportRule.get(lang), SMALL);

    if !record.findings.is_empty() {
        flow.page_break();
        flow.heading(T::ScanReportFindings.get(lang), 15.0);
        let rows: Vec<Vec<String>> = record
            .findings
            .iter()
            .take(MAX_LISTED)
            .map(|f| {
                vec![
                    risk_name(f.risk).get(lang).to_owned(),
                    f.path.display().to_string(),
                    format!(
                        "{}\n{}",
                        kind_text(&f.kind, lang),
                        flags(f, lang).join(" · ")
                    ),
                    format_size(f.size, lang),
                ]
            })
            .collect();
        flow.table(
            &[
                Column {
                    title: T::ScanColRisk.get(lang),
                    share: 0.09,
                },
                Column {
                    title: T::ScanColName.get(lang),
                    share: 0.47,
                },
                Column {
                    title: T::ScanColFlags.get(lang),
                    share: 0.34,
                },
                Column {
                    title: T::ScanColSize.get(lang),
                    share: 0.10,
                },
            ],
            &rows,
            Style::new(Face::Regular, 7.5, Rgb8::TEXT),
        );
        let listed = record.findings.len().min(MAX_LISTED) as u64;
        if record.counts().total() > listed {
            let more = record.counts().total() - listed;
            flow.paragraph(&tr::scan_report_more(lang, more), SMALL);
        }
    }

    if !record.errors.is_empty() {
        flow.space(4.0);
        flow.heading(T::ScanReportErrors.get(lang), 13.0);
        let rows: Vec<Vec<String>> = record
            .errors
            .iter()
            .take(MAX_ERRORS_LISTED)
            .map(|e| vec![e.path.display().to_string(), e.message.clone()])
            .collect();
        flow.table(
            &[
                Column {
                    title: T::ScanColName.get(lang),
                    share: 0.6,
                },
                Column {
                    title: T::ColNote.get(lang),
                    share: 0.4,
                },
            ],
            &rows,
            Style::new(Face::Regular, 7.5, Rgb8::TEXT),
        );
    }

    let history = contents.scans.digests();
    if history.len() > 1 {
        flow.space(4.0);
        flow.heading(T::ScanHistoryHeading.get(lang), 13.0);
        for d in &history {
            let line = tr::scan_history_line(
                lang,
                format_datetime(d.started_at, lang),
                d.files_seen,
                d.counts.high,
                d.counts.medium,
                d.counts.low,
                d.counts.none,
            );
            flow.paragraph(&line, BODY);
        }
    }

    let header = running_header(contents, lang, title);
    flow.finish(&header, footer(lang))
}
