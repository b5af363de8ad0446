//! Looking inside gzip and zip containers in memory (nothing is written to disk), and telling whether a
//! 7-Zip archive encrypts its header.

use std::fs::File;
use std::io::{Read as _, Seek as _, SeekFrom};

use super::dicom::HeaderFacts;
use super::header;
use super::sniff::{SNIFF_LEN, Sniffed, sniff};

/// The most zip entries looked at in one archive.
const MAX_ZIP_ENTRIES: usize = 20_000;
/// The most DICOM entries of one archive whose header is read.
const MAX_HEADERS_PER_ARCHIVE: usize = 200;

/// What a container holds, as far as Vigie is concerned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inside {
    /// DICOM entries found.
    pub dicom_entries: usize,
    /// Identifying fields found in any of them (OR of the entries read).
    pub facts: Option<HeaderFacts>,
    /// Entries that are encrypted (zip).
    pub encrypted_entries: usize,
    /// All entries.
    pub entries: usize,
}

fn merge(into: &mut Option<HeaderFacts>, f: HeaderFacts) {
    match into {
        None => *into = Some(f),
        Some(m) => {
            m.identifying.name |= f.identifying.name;
            m.identifying.id |= f.identifying.id;
            m.identifying.birth_date |= f.identifying.birth_date;
            m.identity_removed &= f.identity_removed;
            m.modality = m.modality.take().or(f.modality);
            m.study_date = m.study_date.take().or(f.study_date);
        }
    }
}

fn is_dicom(s: Sniffed) -> bool {
    matches!(
        s,
        Sniffed::DicomPart10 | Sniffed::DicomNoPreamble | Sniffed::DicomRaw(..)
    )
}

/// Looks into a gzip file: is the decompressed stream DICOM? Only its head is inflated, into `buf` (the
/// thread's buffer): 4 KiB to recognise it, then, for DICOM, more of the same stream while the header
/// goes on, at most [`header::HEADER_BUDGET`] bytes whatever the stream would inflate to.
pub fn gzip(file: &mut File, buf: &mut Vec<u8>) -> std::io::Result<Inside> {
    file.seek(SeekFrom::Start(0))?;
    buf.clear();
    let mut stream = flate2::read::GzDecoder::new(&mut *file);
    (&mut stream).take(SNIFF_LEN as u64).read_to_end(buf)?;
    let mut inside = Inside {
        entries: 1,
        ..Inside::default()
    };
    let whole = buf.len() < SNIFF_LEN;
    let kind = sniff(buf, if whole { buf.len() as u64 } else { u64::MAX });
    if is_dicom(kind) {
        inside.dicom_entries = 1;
        if let Ok(Ok(f)) = header::facts_from(&mut stream, buf, whole, kind) {
            inside.facts = Some(f);
        }
    }
    Ok(inside)
}

/// Looks into a zip archive through its central directory: how many entries are DICOM, which identify
/// a patient, which are encrypted. Of each entry only the first 4 KiB are inflated, into `buf` (the
/// thread's buffer), and, for a DICOM entry, more of the same entry while its header goes on, within
/// the budget.
pub fn zip(file: &mut File, buf: &mut Vec<u8>) -> Result<Inside, String> {
    file.seek(SeekFrom::Start(0)).map_err(|e| e.to_string())?;
    let mut archive = zip::ZipArchive::new(&mut *file).map_err(|e| e.to_string())?;
    let mut inside = Inside::default();
    for i in 0..archive.len().min(MAX_ZIP_ENTRIES) {
        let Ok(mut entry) = archive.by_index(i) else {
            // An encrypted entry (or one the reader cannot open): counted from its raw record.
            if let Ok(raw) = archive.by_index_raw(i)
                && !raw.is_dir()
            {
                inside.entries += 1;
                if raw.encrypted() {
                    inside.encrypted_entries += 1;
                }
            }
            continue;
        };
        if entry.is_dir() {
            continue;
        }
        inside.entries += 1;
        if entry.encrypted() {
            inside.encrypted_entries += 1;
            continue;
        }
        let size = entry.size();
        buf.clear();
        if (&mut entry)
            .take(SNIFF_LEN as u64)
            .read_to_end(buf)
            .is_err()
        {
            continue;
        }
        let kind = sniff(buf, size);
        if !is_dicom(kind) {
            continue;
        }
        inside.dicom_entries += 1;
        // The entry's header within the budget: at most that many bytes inflated, whatever the entry
        // claims or would inflate to.
        if inside.dicom_entries <= MAX_HEADERS_PER_ARCHIVE {
            let whole = buf.len() < SNIFF_LEN;
            if let Ok(Ok(f)) = header::facts_from(&mut entry, buf, whole, kind) {
                merge(&mut inside.facts, f);
            }
        }
    }
    Ok(inside)
}

/// Whether a 7-Zip archive has an encrypted (AES) header: its next header is an encoded header whose
/// coder is 7zAES (method id 06 F1 07 01).
pub fn seven_zip_header_encrypted(file: &mut File) -> std::io::Result<bool> {
    let mut start = [0u8; 32];
    file.seek(SeekFrom::Start(0))?;
    file.read_exact(&mut start)?;
    let offset = u64::from_le_bytes(start[12..20].try_into().unwrap_or_default());
    let size = u64::from_le_bytes(start[20..28].try_into().unwrap_or_default()).min(64 * 1024);
    file.seek(SeekFrom::Start(32 + offset))?;
    let mut header = Vec::new();
    (&mut *file).take(size).read_to_end(&mut header)?;
    let encoded = header.first() == Some(&0x17);
    Ok(encoded && header.windows(4).any(|w| w == [0x06, 0xF1, 0x07, 0x01]))
}
