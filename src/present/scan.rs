//! The scan's results for the command line: readable text, one JSON document, or CSV.
//! Paths and flags only: no patient data can appear, since findings hold none.

use crate::i18n::tr;
use std::borrow::Borrow;
use std::io::Write;

use serde::Serialize;

use crate::scan::{Finding, Kind, Risk, ScanError, Summary};

/// The `kind` string of the JSON and CSV outputs.
pub fn kind_code(kind: &Kind) -> &'static str {
    match kind {
        Kind::Dicom { .. } => "dicom",
        Kind::Dicomdir => "dicomdir",
        Kind::GzipDicom => "gzip_dicom",
        Kind::ZipDicom { .. } => "zip_dicom",
        Kind::ImageExport { .. } => "image_export",
        Kind::Encrypted { .. } => "encrypted_container",
    }
}

/// The `risk` string.
pub fn risk_code(risk: Risk) -> &'static str {
    match risk {
        Risk::None => "none",
        Risk::Low => "low",
        Risk::Medium => "medium",
        Risk::High => "high",
    }
}

/// The stable code of a cloud service in the CSV (`onedrive`, `dropbox`, `google_drive`, `icloud`).
pub fn cloud_code(service: crate::scan::CloudService) -> &'static str {
    match service {
        crate::scan::CloudService::OneDrive => "onedrive",
        crate::scan::CloudService::Dropbox => "dropbox",
        crate::scan::CloudService::GoogleDrive => "google_drive",
        crate::scan::CloudService::ICloud => "icloud",
    }
}

/// A path's exact bytes in base64 (RFC 4648, padded) when it is not valid Unicode, else `None`: the
/// JSON's `path_b64`. The bytes are the system's: raw bytes on Unix, WTF-8 on Windows
/// ([`std::ffi::OsStr::as_encoded_bytes`]); `path` then holds a lossy display form (`\u{fffd}` for each
/// bad sequence).
pub fn path_b64(path: &std::path::Path) -> Option<String> {
    use base64::Engine as _;
    if path.to_str().is_some() {
        return None;
    }
    Some(base64::engine::general_purpose::STANDARD.encode(path.as_os_str().as_encoded_bytes()))
}

/// A path's `path` and `path_b64` (see [`path_b64`]), its bytes checked once.
fn json_path(path: &std::path::Path) -> (std::borrow::Cow<'_, str>, Option<String>) {
    match path.to_str() {
        Some(text) => (text.into(), None),
        None => (path.to_string_lossy(), path_b64(path)),
    }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: std::borrow::Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path_b64: Option<String>,
    kind: &'static str,
    detail: &'a Kind,
    identifying: crate::scan::Identifying,
    deidentified: bool,
    header_unreadable: bool,
    modality: Option<&'a str>,
    study_date: Option<&'a str>,
    encrypted: bool,
    volume_encrypted: Option<bool>,
    cloud_sync: Option<crate::scan::CloudService>,
    removable: bool,
    risk: &'static str,
    size: u64,
}

impl<'a> From<&'a Finding> for JsonFinding<'a> {
    fn from(f: &'a Finding) -> Self {
        let (path, path_b64) = json_path(&f.path);
        JsonFinding {
            path,
            path_b64,
            kind: kind_code(&f.kind),
            detail: &f.kind,
            identifying: f.identifying,
            deidentified: f.deidentified,
            header_unreadable: f.header_unreadable,
            modality: f.modality.as_deref(),
            study_date: f.study_date.as_deref(),
            encrypted: f.encrypted,
            volume_encrypted: f.volume_encrypted,
            cloud_sync: f.cloud_sync,
            removable: f.removable,
            risk: risk_code(f.risk),
            size: f.size,
        }
    }
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: std::borrow::Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path_b64: Option<String>,
    message: &'a str,
}

impl<'a> From<&'a ScanError> for JsonError<'a> {
    fn from(e: &'a ScanError) -> Self {
        let (path, path_b64) = json_path(&e.path);
        JsonError {
            path,
            path_b64,
            message: &e.message,
        }
    }
}

/// A list written one item at a time, each turned into its JSON form as it is written: the document of
/// a scan with hundreds of thousands of findings is never held in memory a second time.
struct Each<'a, T, M>(&'a [T], M);

impl<'a, T, J: Serialize, M: Fn(&'a T) -> J> Serialize for Each<'a, T, M> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(&self.1))
    }
}

#[derive(Serialize)]
struct JsonDocument<'a, L, E> {
    summary: &'a Summary,
    findings: L,
    errors: E,
}

fn json_finding<F: Borrow<Finding>>(f: &F) -> JsonFinding<'_> {
    JsonFinding::from(f.borrow())
}

/// Writes one JSON document: `summary`, `findings`, `errors`.
pub fn json<F: Borrow<Finding>>(
    mut out: impl Write,
    summary: &Summary,
    findings: &[F],
    errors: &[ScanError],
) -> std::io::Result<()> {
    let doc = JsonDocument {
        summary,
        findings: Each(findings, json_finding::<F>),
        errors: Each(errors, JsonError::from),
    };
    // The writer's own type, not `dyn Write`: serde_json's many small writes go straight into the
    // caller's buffer.
    serde_json::to_writer_pretty(&mut out, &doc)?;
    writeln!(out)
}

/// A CSV cell that a spreadsheet cannot run: a cell that begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'` (OWASP's rule against CSV injection), so that a file name such as
/// `=HYPERLINK(…).dcm` is shown as text, never evaluated.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// The CSV dialects of `vigie scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// RFC 4180: `,` between cells, UTF-8 without a byte-order mark.
    Standard,
    /// What Excel opens directly in France: `;` between cells, UTF-8 with a byte-order mark.
    ExcelFr,
}

/// The CSV header line's cells.
pub const CSV_COLUMNS: [&str; 15] = [
    "path",
    "kind",
    "risk",
    "identifying_name",
    "identifying_id",
    "identifying_birth_date",
    "deidentified",
    "header_unreadable",
    "encrypted",
    "volume_encrypted",
    "cloud_sync",
    "modality",
    "study_date",
    "size",
    "removable",
];

/// Writes CSV (with the csv crate: quoting as RFC 4180 says): a header line, then one line per finding.
/// Every cell goes through [`csv_cell`]; `cloud_sync` is a [`cloud_code`]; paths that are not valid
/// Unicode are shown in their lossy form (the JSON output keeps them exact).
pub fn csv<F: Borrow<Finding>>(
    out: &mut dyn Write,
    findings: &[F],
    dialect: CsvDialect,
) -> std::io::Result<()> {
    let (delimiter, terminator) = match dialect {
        CsvDialect::Standard => (b',', ::csv::Terminator::Any(b'\n')),
        CsvDialect::ExcelFr => {
            out.write_all("\u{feff}".as_bytes())?;
            (b';', ::csv::Terminator::CRLF)
        }
    };
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(terminator)
        .from_writer(out);
    // An error of the output itself keeps its kind: a closed pipe (`… | head`) is a broken pipe, which
    // the command line ends quietly, not an "other" error with the pipe's message.
    let io = |e: ::csv::Error| match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    };
    w.write_record(CSV_COLUMNS).map_err(io)?;
    let yes_no = |b: bool| if b { "true" } else { "false" };
    for f in findings {
        let f = f.borrow();
        let path = f.path.to_string_lossy();
        let size = f.size.to_string();
        let row = [
            path.as_ref(),
            kind_code(&f.kind),
            risk_code(f.risk),
            yes_no(f.identifying.name),
            yes_no(f.identifying.id),
            yes_no(f.identifying.birth_date),
            yes_no(f.deidentified),
            yes_no(f.header_unreadable),
            yes_no(f.encrypted),
            f.volume_encrypted.map_or("", yes_no),
            f.cloud_sync.map_or("", cloud_code),
            f.modality.as_deref().unwrap_or(""),
            f.study_date.as_deref().unwrap_or(""),
            &size,
            yes_no(f.removable),
        ];
        w.write_record(row.iter().map(|c| csv_cell(c).into_owned()))
            .map_err(io)?;
    }
    w.flush()
}

pub use super::escape_for_terminal;

/// The kind in words.
pub fn kind_text(kind: &Kind, lang: crate::i18n::Lang) -> String {
    use crate::i18n::T;
    use crate::scan::{DicomStorage, EncryptedFormat};
    match kind {
        Kind::Dicom { storage } => match storage {
            DicomStorage::Part10 => T::KindDicom.get(lang).to_owned(),
            DicomStorage::NoPreamble => T::KindDicomNoPreamble.get(lang).to_owned(),
            DicomStorage::RawDataset => T::KindDicomRaw.get(lang).to_owned(),
        },
        Kind::Dicomdir => T::KindDicomdir.get(lang).to_owned(),
        Kind::GzipDicom => T::KindGzipDicom.get(lang).to_owned(),
        Kind::ZipDicom { dicom_entries } => tr::kind_zip_dicom(lang, *dicom_entries),
        Kind::ImageExport { format } => {
            tr::kind_image_export(lang, format!("{format:?}").to_uppercase())
        }
        Kind::Encrypted { format } => {
            let name = match format {
                EncryptedFormat::VigieVault => "Vigie",
                EncryptedFormat::Age => "age",
                EncryptedFormat::OpenPgp => "OpenPGP",
                EncryptedFormat::SevenZipEncrypted => "7-Zip",
                EncryptedFormat::ZipEncrypted => "zip",
            };
            tr::kind_encrypted(lang, name)
        }
    }
}

/// The risk's name.
pub fn risk_name(risk: Risk) -> crate::i18n::T {
    use crate::i18n::T;
    match risk {
        Risk::High => T::RiskHigh,
        Risk::Medium => T::RiskMedium,
        Risk::Low => T::RiskLow,
        Risk::None => T::RiskNone,
    }
}

/// What the risk means and what to do, in plain words (none for encrypted containers).
pub fn risk_explanation(risk: Risk) -> Option<crate::i18n::T> {
    use crate::i18n::T;
    match risk {
        Risk::High => Some(T::RiskExplainHigh),
        Risk::Medium => Some(T::RiskExplainMedium),
        Risk::Low => Some(T::RiskExplainLow),
        Risk::None => None,
    }
}

/// The cloud service's name as its users know it.
pub fn cloud_name(service: crate::scan::CloudService) -> &'static str {
    match service {
        crate::scan::CloudService::OneDrive => "OneDrive",
        crate::scan::CloudService::Dropbox => "Dropbox",
        crate::scan::CloudService::GoogleDrive => "Google Drive",
        crate::scan::CloudService::ICloud => "iCloud Drive",
    }
}

/// The finding's flags in words: which identifying fields, de-identified, unreadable header, cloud
/// folder, removable medium, volume encryption.
pub fn flags(f: &Finding, lang: crate::i18n::Lang) -> Vec<String> {
    use crate::i18n::T;
    let mut flags = Vec::new();
    if f.identifying.any() {
        let mut fields = Vec::new();
        if f.identifying.name {
            fields.push(T::FlagName.get(lang));
        }
        if f.identifying.id {
            fields.push(T::FlagId.get(lang));
        }
        if f.identifying.birth_date {
            fields.push(T::FlagBirthDate.get(lang));
        }
        flags.push(tr::flag_identifies(lang, fields.join(", ")));
    }
    // A file that still carries a name, an id or a birth date identifies the patient, whatever its
    // "de-identified" mark says: never both words for one file.
    if f.deidentified && !f.identifying.any() {
        flags.push(T::FlagDeidentified.get(lang).to_owned());
    }
    if f.header_unreadable {
        flags.push(T::FlagHeaderUnreadable.get(lang).to_owned());
    }
    if let Some(c) = f.cloud_sync {
        flags.push(tr::flag_cloud(lang, cloud_name(c)));
    }
    if f.removable {
        flags.push(T::FlagRemovable.get(lang).to_owned());
    }
    if !f.encrypted {
        flags.push(
            match f.volume_encrypted {
                Some(true) => T::FlagVolumeEncrypted,
                Some(false) => T::FlagVolumeClear,
                None => T::FlagVolumeUnknown,
            }
            .get(lang)
            .to_owned(),
        );
    }
    flags
}

/// Writes the results for a person: a summary in plain words, then the findings, riskiest first, then
/// the unreadable paths.
pub fn text<F: Borrow<Finding>>(
    out: &mut dyn Write,
    lang: crate::i18n::Lang,
    summary: &Summary,
    findings: &[F],
    errors: &[ScanError],
) -> std::io::Result<()> {
    use crate::i18n::T;
    let count = |r: Risk| {
        findings
            .iter()
            .filter(|f| Borrow::<Finding>::borrow(*f).risk == r)
            .count()
    };
    let secs = crate::locale::format_number(summary.elapsed_ms as f64 / 1000.0, 1, lang);
    writeln!(
        out,
        "{}",
        tr::scan_summary_line(
            lang,
            tr::files_count(lang, summary.files_seen),
            tr::dirs_count(lang, summary.dirs_seen),
            &secs,
            tr::scan_errors_count(lang, summary.errors)
        )
    )?;
    if summary.cancelled {
        writeln!(out, "{}", T::ScanCancelled.get(lang))?;
    }
    if findings.is_empty() {
        writeln!(out, "{}", T::ScanNoFinding.get(lang))?;
    } else {
        writeln!(
            out,
            "{}",
            tr::scan_findings_line(
                lang,
                findings.len(),
                count(Risk::High),
                count(Risk::Medium),
                count(Risk::Low),
                count(Risk::None)
            )
        )?;
    }
    let mut sorted: Vec<&Finding> = findings.iter().map(Borrow::borrow).collect();
    sorted.sort_by(|a, b| {
        b.risk
            .cmp(&a.risk)
            .then_with(|| crate::scan::path_order(&a.path, &b.path))
    });
    let mut explained = Vec::new();
    for f in sorted {
        writeln!(
            out,
            "[{}] {}",
            risk_name(f.risk).get(lang),
            escape_for_terminal(&f.path.to_string_lossy())
        )?;
        writeln!(
            out,
            "    {} · {}",
            kind_text(&f.kind, lang),
            flags(f, lang).join(" · ")
        )?;
        if !explained.contains(&f.risk) {
            explained.push(f.risk);
        }
    }
    if !explained.is_empty() {
        writeln!(out)?;
    }
    for r in explained {
        if let Some(t) = risk_explanation(r) {
            writeln!(out, "{}", t.get(lang))?;
        }
    }
    if !errors.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", T::ScanErrorsHeading.get(lang))?;
        for e in errors {
            writeln!(
                out,
                "    {} ({})",
                escape_for_terminal(&e.path.to_string_lossy()),
                escape_for_terminal(&e.message)
            )?;
        }
    }
    Ok(())
}

/// A DICOM date (YYYYMMDD) as a calendar date.
pub fn dicom_date(text: &str) -> Option<jiff::civil::Date> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = text[..4].parse().ok()?;
    let month = text[4..6].parse().ok()?;
    let day = text[6..].parse().ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

/// A recorded scan in plain words, one sentence a line, most serious first: what to do about it. The
/// advice fits the practice's `imaging`: filing found images "in the imaging software" is offered only
/// to a practice that has one (it produces images or runs an imaging server); every practice is pointed
/// to *Chiffrer ces fichiers…*.
pub fn plain_summary(
    record: &crate::scan::record::ScanRecord,
    imaging: crate::practice::Imaging,
    lang: crate::i18n::Lang,
) -> Vec<String> {
    use crate::i18n::T;
    // What remains where it was found: archived and deleted originals no longer count.
    let counts = record.remaining();
    let mut lines = Vec::new();
    let (removed, archived) = record.remediated();
    if removed > 0 {
        lines.push(tr::scan_plain_removed(lang, removed));
    }
    if archived > 0 {
        lines.push(tr::scan_plain_archived_in_place(lang, archived));
    }
    let mut say = |text: fn(crate::i18n::Lang, u64) -> String, n: u64| {
        if n > 0 {
            lines.push(text(lang, n));
        }
    };
    say(
        if imaging.produces || imaging.server {
            tr::scan_plain_high
        } else {
            tr::scan_plain_high_no_software
        },
        counts.high,
    );
    say(tr::scan_plain_medium, counts.medium);
    say(tr::scan_plain_cloud, record.in_cloud() as u64);
    say(tr::scan_plain_removable, record.on_removable() as u64);
    say(tr::scan_plain_low, counts.low);
    say(tr::scan_plain_none, counts.none);
    if record.counts().total() == 0 {
        lines.push(T::ScanPlainNothing.get(lang).to_owned());
    }
    if let Some(date) = record.oldest_study().and_then(dicom_date) {
        lines.push(tr::scan_plain_oldest(
            lang,
            crate::i18n::format_date(date, lang),
        ));
    }
    if record.summary.errors > 0 {
        lines.push(tr::scan_plain_errors(lang, record.summary.errors));
    }
    if record.summary.cancelled {
        lines.push(T::ScanPlainCancelled.get(lang).to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// An identifying DICOM file on an unencrypted disk: high risk.
    fn identifying_finding() -> Finding {
        Finding {
            path: std::path::PathBuf::from("/exports/IM0001.dcm"),
            kind: Kind::Dicom {
                storage: crate::scan::DicomStorage::Part10,
            },
            identifying: crate::scan::Identifying {
                name: true,
                id: true,
                birth_date: false,
            },
            deidentified: false,
            header_unreadable: false,
            modality: None,
            study_date: None,
            encrypted: false,
            volume_encrypted: Some(false),
            cloud_sync: None,
            removable: false,
            risk: Risk::High,
            size: 1,
        }
    }

    /// A GP who only receives images is not told to file them "in the imaging software"; every practice
    /// is pointed to "Chiffrer ces fichiers…"; a radiologist keeps the software advice.
    #[test]
    fn the_advice_fits_the_practice() {
        let record = crate::scan::record::ScanRecord::new(
            jiff::Timestamp::UNIX_EPOCH,
            &[std::path::PathBuf::from("/exports")],
            crate::scan::Summary::default(),
            vec![identifying_finding()],
            Vec::new(),
        );
        let record = &record;
        assert_eq!(record.remaining().high, 1);
        let gp = crate::practice::Imaging {
            receives: true,
            ..Default::default()
        };
        let radiologist = crate::practice::Imaging {
            produces: true,
            server: true,
            ..Default::default()
        };
        for (lang, software, button) in [
            (Lang::Fr, "logiciel d'imagerie", "Chiffrer ces fichiers…"),
            (Lang::En, "imaging software", "Encrypt these files…"),
        ] {
            let gp_text = plain_summary(record, gp, lang).join("\n");
            assert!(!gp_text.contains(software), "{gp_text}");
            assert!(gp_text.contains(button), "{gp_text}");
            let radio_text = plain_summary(record, radiologist, lang).join("\n");
            assert!(radio_text.contains(software) && radio_text.contains(button));
        }
    }

    /// A file marked de-identified that still carries a name is said to identify the patient, never
    /// also to be de-identified.
    #[test]
    fn a_finding_never_says_both_identifying_and_deidentified() {
        let mut f = identifying_finding();
        f.deidentified = true;
        for lang in [Lang::Fr, Lang::En] {
            let words = flags(&f, lang).join(" · ");
            assert!(
                !words.contains(crate::i18n::T::FlagDeidentified.get(lang)),
                "{words}"
            );
            assert!(
                words.contains(crate::i18n::T::FlagName.get(lang)),
                "{words}"
            );
        }
        f.identifying = crate::scan::Identifying::default();
        assert!(
            flags(&f, Lang::Fr)
                .contains(&crate::i18n::T::FlagDeidentified.get(Lang::Fr).to_owned())
        );
    }
}
