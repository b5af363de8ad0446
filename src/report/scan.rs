//! The scan report: when and where the practice looked for medical images, what it found in plain words,
//! the findings by folder scanned, and earlier scans.
//!
//! A DPO carries this report from practice to practice: by default ([`Detail::Folders`]) it names no
//! file and no sub-folder — a file is often named after its patient (`IRM_genou_Mme_Leroy.dcm`), a
//! folder too (`Dupont Jean/IMG0001`) — only the folders the practice chose to scan, with their counts
//! by risk. The full list of paths stays in the vault and in the window; [`Detail::FullList`] prints it
//! for the practice's own use, with a warning on every page.

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

/// How much of the findings the report prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// The folders scanned, each with its counts by risk: no file or sub-folder name.
    #[default]
    Folders,
    /// Every finding with its full path and the unreadable paths, for the practice's own use
    /// ("liste complète (usage interne)"): a warning is printed on every page.
    FullList,
}

/// The report of the vault's last scan; `None` when no scan is recorded.
pub fn scan_pdf(
    contents: &VaultContents,
    lang: Lang,
    detail: Detail,
) -> Option<Result<Vec<u8>, PdfError>> {
    let record = contents.scans.last.as_ref()?;
    Some(render(contents, record, lang, detail))
}

/// The counts of one folder scanned: high, medium, low, none, identifying, folders holding findings.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RootCounts {
    /// The folder scanned, as chosen.
    pub root: String,
    /// Findings by risk: high, medium, low, none.
    pub by_risk: [u64; 4],
    /// Identifying DICOM files.
    pub identifying: u64,
    /// Distinct folders (below it) holding findings.
    pub folders: u64,
}

/// The findings counted by the folder scanned they lie in (the longest root that holds them; findings
/// outside every root, which a record should not have, are counted under "—").
pub fn by_root(record: &ScanRecord) -> Vec<RootCounts> {
    use std::collections::{BTreeMap, BTreeSet};
    let mut roots: Vec<RootCounts> = record
        .roots
        .iter()
        .map(|r| RootCounts {
            root: r.clone(),
            ..RootCounts::default()
        })
        .collect();
    let mut folders: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for f in record.findings.iter() {
        let path = f.path.to_string_lossy();
        let index = roots
            .iter()
            .enumerate()
            .filter(|(_, r)| under(&path, &r.root))
            .max_by_key(|(_, r)| r.root.len())
            .map(|(i, _)| i)
            .unwrap_or_else(|| {
                if roots.last().is_none_or(|r| r.root != "—") {
                    roots.push(RootCounts {
                        root: "—".to_owned(),
                        ..RootCounts::default()
                    });
                }
                roots.len() - 1
            });
        let counts = &mut roots[index];
        let slot = match f.risk {
            crate::scan::Risk::High => 0,
            crate::scan::Risk::Medium => 1,
            crate::scan::Risk::Low => 2,
            crate::scan::Risk::None => 3,
        };
        counts.by_risk[slot] += 1;
        if f.identifying.any() {
            counts.identifying += 1;
        }
        if let Some((parent, _)) = path.rsplit_once(['/', '\\']) {
            folders.entry(index).or_default().insert(parent.to_owned());
        }
    }
    for (index, set) in folders {
        roots[index].folders = set.len() as u64;
    }
    roots
}

/// Whether `path` lies in `root`, as text: a record made on Windows (`C:\\Users\\…`) is reported the
/// same on any system.
fn under(path: &str, root: &str) -> bool {
    let root = root.trim_end_matches(['/', '\\']);
    path.strip_prefix(root)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '\\']))
}

fn render(
    contents: &VaultContents,
    record: &ScanRecord,
    lang: Lang,
    detail: Detail,
) -> Result<Vec<u8>, PdfError> {
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
    for line in plain_summary(record, contents.practice.setup.imaging(), lang) {
        flow.paragraph(&line, BODY);
        flow.space(1.5);
    }
    flow.space(2.0);
    // What remains where it was found (archived and deleted originals no longer count).
    let counts = record.remaining();
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
    archives_since(&mut flow, contents, record, lang);

    if detail == Detail::Folders {
        folders_table(&mut flow, record, lang);
    } else {
        full_list(&mut flow, record, lang);
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

    let header = match detail {
        Detail::Folders => running_header(contents, lang, title),
        Detail::FullList => T::ScanReportInternalHeader.get(lang).to_owned(),
    };
    flow.finish(&header, footer(lang))
}

/// The archives made from this scan's findings: when, where (the archive file), how many files, how
/// many originals deleted.
fn archives_since(flow: &mut Flow, contents: &VaultContents, record: &ScanRecord, lang: Lang) {
    if record.archived.is_empty() {
        return;
    }
    flow.space(4.0);
    flow.heading(T::ScanReportArchives.get(lang), 13.0);
    for note in &record.archived {
        let path = contents
            .archives
            .records
            .iter()
            .rev()
            .find(|r| r.created_at == note.at)
            .map_or_else(|| "—".to_owned(), |r| r.path.clone());
        flow.paragraph(
            &tr::scan_report_archive_line(
                lang,
                format_datetime(note.at, lang),
                path,
                note.findings.len() as u64,
                note.originals_removed,
            ),
            BODY,
        );
    }
}

/// The default: each folder scanned with its counts; no file or sub-folder named.
fn folders_table(flow: &mut Flow, record: &ScanRecord, lang: Lang) {
    flow.space(4.0);
    flow.heading(T::ScanReportByFolder.get(lang), 15.0);
    let rows: Vec<Vec<String>> = by_root(record)
        .into_iter()
        .map(|r| {
            let mut row = vec![r.root];
            row.extend(r.by_risk.iter().map(|n| format_int(*n, lang)));
            row.push(format_int(r.identifying, lang));
            row.push(format_int(r.folders, lang));
            row
        })
        .collect();
    let narrow = |title| Column { title, share: 0.09 };
    flow.table(
        &[
            Column {
                title: T::ScanReportRoots.get(lang),
                share: 0.37,
            },
            narrow(risk_name(crate::scan::Risk::High).get(lang)),
            narrow(risk_name(crate::scan::Risk::Medium).get(lang)),
            narrow(risk_name(crate::scan::Risk::Low).get(lang)),
            narrow(risk_name(crate::scan::Risk::None).get(lang)),
            narrow(T::ScanReportIdentifyingShort.get(lang)),
            Column {
                title: T::ScanReportSubfolders.get(lang),
                share: 0.18,
            },
        ],
        &rows,
        Style::new(Face::Regular, 8.0, Rgb8::TEXT),
    );
    if record.summary.errors > 0 {
        flow.paragraph(&tr::scan_errors_count(lang, record.summary.errors), SMALL);
    }
    flow.space(2.0);
    flow.paragraph(T::ScanReportNoNames.get(lang), SMALL);
}

/// "Liste complète (usage interne)": every finding and unreadable path by its full path.
fn full_list(flow: &mut Flow, record: &ScanRecord, lang: Lang) {
    if !record.findings.is_empty() {
        flow.page_break();
        flow.heading(T::ScanReportFindings.get(lang), 15.0);
        flow.paragraph(
            T::ScanReportInternalWarning.get(lang),
            Style::new(Face::Bold, 9.0, Rgb8::ACCENT),
        );
        let remediations = record.remediations();
        let rows: Vec<Vec<String>> = record
            .findings
            .iter()
            .zip(remediations)
            .take(MAX_LISTED)
            .map(|(f, r)| {
                let risk = if r.is_removed() {
                    T::ScanStateArchived.get(lang)
                } else {
                    risk_name(f.risk).get(lang)
                };
                vec![
                    risk.to_owned(),
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
}
