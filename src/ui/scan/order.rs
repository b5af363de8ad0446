//! The order of the Scan page's table: the rows' texts and the indices shown, filtered and sorted. A
//! hundred thousand findings take a noticeable time to describe and sort, so the page asks for its order
//! ([`OrderRequest`]) and a background job computes it ([`compute_order`]); the page draws the order it
//! has meanwhile. A leaf of the window: it names no other module of it.

use std::sync::Arc;

use jiff::Timestamp;

use crate::i18n::{Lang, T, format_size};
use crate::present::scan::{flags, kind_text};
use crate::scan::{Finding, Kind, Risk};

/// Which kinds the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KindFilter {
    /// Everything.
    #[default]
    All,
    /// DICOM files.
    Dicom,
    /// Archives holding DICOM, and DICOMDIRs.
    Archives,
    /// Image exports.
    Exports,
    /// Encrypted containers.
    Encrypted,
}

impl KindFilter {
    /// Every filter, in the order shown.
    pub const ALL: [Self; 5] = [
        Self::All,
        Self::Dicom,
        Self::Archives,
        Self::Exports,
        Self::Encrypted,
    ];

    /// Its name in the filter.
    pub fn text(self) -> T {
        match self {
            Self::All => T::ScanFilterAll,
            Self::Dicom => T::ScanKindDicom,
            Self::Archives => T::ScanKindArchives,
            Self::Exports => T::ScanKindExports,
            Self::Encrypted => T::ScanKindEncrypted,
        }
    }

    fn accepts(self, kind: &Kind) -> bool {
        match self {
            Self::All => true,
            Self::Dicom => matches!(kind, Kind::Dicom { .. }),
            Self::Archives => matches!(
                kind,
                Kind::Dicomdir | Kind::GzipDicom | Kind::ZipDicom { .. }
            ),
            Self::Exports => matches!(kind, Kind::ImageExport { .. }),
            Self::Encrypted => matches!(kind, Kind::Encrypted { .. }),
        }
    }
}

/// The column the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Risk, highest first by default.
    #[default]
    Risk,
    /// File name.
    Name,
    /// Folder.
    Folder,
    /// Kind and flags.
    Kind,
    /// Size.
    Size,
}

/// The texts of one row, computed once per finding.
#[derive(Debug, Clone)]
pub struct RowText {
    /// The file's name.
    pub name: String,
    /// Lower-case name, for sorting.
    pub name_key: String,
    /// The folder.
    pub folder: String,
    /// Kind and flags.
    pub what: String,
    /// Size.
    pub size: String,
    /// Lower-case path, for the folder filter.
    pub search: String,
}

fn row_text(f: &Finding, lang: Lang) -> RowText {
    // Split at the last separator of either kind: a record made on Windows stays readable elsewhere.
    let full = f.path.to_string_lossy();
    let (folder, name) = match full.rfind(['/', '\\']) {
        Some(i) if i + 1 < full.len() => (full[..i].to_owned(), full[i + 1..].to_owned()),
        _ => (String::new(), full.clone().into_owned()),
    };
    let mut what = vec![kind_text(&f.kind, lang)];
    what.extend(flags(f, lang));
    RowText {
        search: full.to_lowercase(),
        name_key: name.to_lowercase(),
        name,
        folder,
        what: what.join(" · "),
        size: format_size(f.size, lang),
    }
}

/// Where the findings shown come from: the scan that started at this time, live or as recorded (the
/// record holds the same findings in another order).
pub type Source = (Timestamp, bool);

/// What the order depends on: source, count, risk, kind, folder text, sort column, direction, language.
pub type OrderKey = (
    Source,
    usize,
    Option<Risk>,
    KindFilter,
    String,
    SortBy,
    bool,
    Lang,
);

/// What the table's order is asked for, with the findings it is computed on.
#[derive(Debug)]
pub struct OrderRequest {
    /// What the order depends on.
    pub key: OrderKey,
    /// The findings (the scan running, or the scan recorded).
    pub findings: Arc<Vec<Finding>>,
    /// The rows' texts computed before for the same findings and language, extended rather than made
    /// again (a running scan only adds findings).
    pub rows: Option<Arc<Vec<RowText>>>,
}

/// The table's order: the rows' texts, and the indices of the findings shown, in order.
#[derive(Debug)]
pub struct OrderResult {
    /// What it was computed for.
    pub key: OrderKey,
    /// One text per finding.
    pub rows: Arc<Vec<RowText>>,
    /// The indices shown.
    pub shown: Vec<u32>,
}

/// Describes the findings and puts the ones the filters keep in order. In a background job.
pub fn compute_order(request: OrderRequest) -> OrderResult {
    let OrderRequest {
        key,
        findings,
        rows,
    } = request;
    let (_, _, risk, kind, needle, sort, ascending, lang) = &key;
    let mut texts: Vec<RowText> = match rows {
        Some(rows) if rows.len() <= findings.len() => rows.as_ref().clone(),
        _ => Vec::new(),
    };
    let have = texts.len();
    texts.extend(findings[have..].iter().map(|f| row_text(f, *lang)));
    let mut shown: Vec<u32> = (0..findings.len() as u32)
        .filter(|&i| {
            let f = &findings[i as usize];
            risk.is_none_or(|r| f.risk == r)
                && kind.accepts(&f.kind)
                && (needle.is_empty() || texts[i as usize].search.contains(needle.as_str()))
        })
        .collect();
    let by = |a: &u32, b: &u32| {
        let (fa, fb) = (&findings[*a as usize], &findings[*b as usize]);
        let (ta, tb) = (&texts[*a as usize], &texts[*b as usize]);
        match sort {
            SortBy::Risk => fa
                .risk
                .cmp(&fb.risk)
                .then_with(|| tb.search.cmp(&ta.search)),
            SortBy::Name => ta.name_key.cmp(&tb.name_key),
            SortBy::Folder => ta
                .folder
                .cmp(&tb.folder)
                .then_with(|| ta.name.cmp(&tb.name)),
            SortBy::Kind => ta.what.cmp(&tb.what),
            SortBy::Size => fa.size.cmp(&fb.size),
        }
    };
    if *ascending {
        shown.sort_by(by);
    } else {
        shown.sort_by(|a, b| by(b, a));
    }
    OrderResult {
        key,
        rows: Arc::new(texts),
        shown,
    }
}
