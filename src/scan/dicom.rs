//! Reading a DICOM header with dicom-rs, up to the pixel data only, to learn whether it identifies a
//! patient. Only *whether* each identifying field carries a value is kept: names and IDs are never
//! stored, returned or printed.

use std::io::Read;

use dicom_dictionary_std::tags;
use dicom_object::file::ReadPreamble;
use dicom_object::{InMemDicomObject, OpenFileOptions, Tag};
use dicom_transfer_syntax_registry::entries;

use super::Identifying;
use super::sniff::{RawEncoding, Walk, walk_elements};

/// The first tag after the last field read: reading stops before it.
const LAST_NEEDED: Tag = Tag(0x0012, 0x0063);

/// The Media Storage SOP Class of a DICOMDIR.
const DICOMDIR_SOP_CLASS: &str = "1.2.840.10008.1.3.10";

/// What a header says, without any patient data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderFacts {
    /// Which of PatientName, PatientID and PatientBirthDate carry a value.
    pub identifying: Identifying,
    /// PatientIdentityRemoved is YES.
    pub identity_removed: bool,
    /// Modality (CT, MR, US…).
    pub modality: Option<String>,
    /// Study date, as written (YYYYMMDD).
    pub study_date: Option<String>,
    /// The file is a DICOMDIR (a media directory).
    pub dicomdir: bool,
}

/// Values that de-identification tools put in place of a name or an ID.
const PLACEHOLDERS: &[&str] = &[
    "ANONYMIZED",
    "ANONYMISED",
    "ANONYMOUS",
    "ANON",
    "DEIDENTIFIED",
    "DE-IDENTIFIED",
    "REMOVED",
    "UNKNOWN",
    "NONE",
    "N/A",
    "NA",
    "XXX",
    "XXXX",
    "PATIENT",
    "0",
];

/// Whether a text value really carries something: empty, `^^^^`, spaces and the usual placeholders
/// count as absent.
pub fn carries_value(text: &str) -> bool {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '^' | '=' | '\0') && !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return false;
    }
    let upper = text.trim().trim_matches('^').trim().to_uppercase();
    !PLACEHOLDERS.contains(&upper.as_str())
        && !PLACEHOLDERS.contains(&cleaned.to_uppercase().as_str())
}

fn text_of(obj: &InMemDicomObject, tag: Tag) -> Option<String> {
    // `get`, not `element_opt`: the latter builds an error with a captured backtrace for every missing
    // element, which cost more than the rest of the header parsing.
    let element = obj.get(tag)?;
    element.value().to_str().ok().map(|s| s.into_owned())
}

fn facts(obj: &InMemDicomObject) -> HeaderFacts {
    let present = |tag| text_of(obj, tag).is_some_and(|t| carries_value(&t));
    HeaderFacts {
        identifying: Identifying {
            name: present(tags::PATIENT_NAME),
            id: present(tags::PATIENT_ID),
            birth_date: present(tags::PATIENT_BIRTH_DATE),
        },
        identity_removed: text_of(obj, tags::PATIENT_IDENTITY_REMOVED)
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("YES")),
        modality: text_of(obj, tags::MODALITY)
            .map(|m| m.trim().to_owned())
            .filter(|m| !m.is_empty()),
        study_date: text_of(obj, tags::STUDY_DATE)
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty()),
        dicomdir: false,
    }
}

/// Transfer syntaxes whose data set Vigie can check before parsing (the others are compressed).
fn encoding_of(ts: &str) -> Option<RawEncoding> {
    match ts.trim_end_matches(['\0', ' ']) {
        "1.2.840.10008.1.2" => Some(RawEncoding::ImplicitLittle),
        "1.2.840.10008.1.2.2" => Some(RawEncoding::ExplicitBig),
        "1.2.840.10008.1.2.1.99" => None,
        _ => Some(RawEncoding::ExplicitLittle),
    }
}

/// What the structure check of a Part 10 file found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Something does not fit: the header is reported unreadable, never parsed.
    Broken,
    /// Well formed as far as the buffer goes; `in_buffer` when everything the parser will read (up to
    /// group 0012) is in it, so that it can parse from memory without reading the file again.
    Plausible {
        /// The header the parser needs lies entirely in the buffer.
        in_buffer: bool,
    },
}

/// Checks, before handing a Part 10 file to the parser, that its file meta and the first groups of its
/// data set are well formed and fit in the file. A malformed element can make a parser believe a value is
/// gigabytes long; such a file is reported as "header unreadable" instead of being parsed.
pub fn part10_plausible(head: &[u8], file_len: u64) -> bool {
    part10_check(head, file_len) != Check::Broken
}

/// [`part10_plausible`], saying also whether the buffer holds the whole header.
pub fn part10_check(head: &[u8], file_len: u64) -> Check {
    let whole_file = head.len() as u64 == file_len;
    let unsure = Check::Plausible {
        in_buffer: whole_file,
    };
    let start = if head.get(128..132) == Some(b"DICM") {
        132
    } else if head.starts_with(b"DICM") {
        4
    } else {
        0
    };
    // The file meta: explicit VR little endian, group 0002.
    let mut pos = start;
    let mut ts = String::new();
    loop {
        let Some(h) = head.get(pos..pos + 8) else {
            return unsure; // meta longer than what was read: nothing wrong seen
        };
        if u16::from_le_bytes([h[0], h[1]]) != 0x0002 {
            break;
        }
        let element = u16::from_le_bytes([h[2], h[3]]);
        let (len, header) = if matches!(
            &h[4..6],
            b"OB" | b"UN" | b"UT" | b"SQ" | b"OW" | b"UC" | b"UR"
        ) {
            let Some(l) = head.get(pos + 8..pos + 12) else {
                return unsure;
            };
            (u32::from_le_bytes([l[0], l[1], l[2], l[3]]) as usize, 12)
        } else {
            (usize::from(u16::from_le_bytes([h[6], h[7]])), 8)
        };
        if len == 0xFFFF_FFFF || (pos + header + len) as u64 > file_len {
            return Check::Broken;
        }
        if element == 0x0010 {
            ts = head
                .get(pos + header..pos + header + len)
                .map(|v| String::from_utf8_lossy(v).into_owned())
                .unwrap_or_default();
        }
        pos += header + len;
    }
    let Some(encoding) = encoding_of(&ts) else {
        return unsure;
    };
    let Some(data) = head.get(pos..) else {
        return unsure;
    };
    match walk_elements(data, pos as u64, file_len, encoding, 0x0012) {
        Walk::Broken => Check::Broken,
        Walk::Plausible {
            to_end, past_group, ..
        } => Check::Plausible {
            in_buffer: whole_file || to_end || past_group,
        },
    }
}

/// Reads a Part 10 file (with or without its preamble) up to the pixel data.
pub fn read_part10(reader: impl Read, with_preamble: bool) -> Result<HeaderFacts, String> {
    let preamble = if with_preamble {
        ReadPreamble::Always
    } else {
        ReadPreamble::Never
    };
    // Every field Vigie needs sits in groups 0008 to 0012, near the start of the data set: reading
    // stops there, which is faster and keeps a malformed element further on (a lying length that
    // would make the parser allocate gigabytes) out of reach.
    let obj = OpenFileOptions::new()
        .read_preamble(preamble)
        .read_until(LAST_NEEDED)
        .from_reader(reader)
        .map_err(|e| e.to_string())?;
    let mut f = facts(&obj);
    f.dicomdir = obj
        .meta()
        .media_storage_sop_class_uid()
        .trim_end_matches('\0')
        == DICOMDIR_SOP_CLASS;
    Ok(f)
}

/// Reads a raw data set (no file meta) in the given encoding, after `skip` stray leading bytes.
pub fn read_raw(
    mut reader: impl Read,
    encoding: RawEncoding,
    skip: usize,
) -> Result<HeaderFacts, String> {
    std::io::copy(&mut (&mut reader).take(skip as u64), &mut std::io::sink())
        .map_err(|e| e.to_string())?;
    let ts = match encoding {
        RawEncoding::ImplicitLittle => entries::IMPLICIT_VR_LITTLE_ENDIAN.erased(),
        RawEncoding::ExplicitLittle => entries::EXPLICIT_VR_LITTLE_ENDIAN.erased(),
        RawEncoding::ExplicitBig => entries::EXPLICIT_VR_BIG_ENDIAN.erased(),
    };
    let obj = InMemDicomObject::read_dataset_with_ts(reader, &ts).map_err(|e| e.to_string())?;
    Ok(facts(&obj))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_do_not_count_as_values() {
        for absent in [
            "",
            "   ",
            "^^^^",
            "Anonymized",
            "ANONYMOUS^",
            " anon ",
            "UNKNOWN",
        ] {
            assert!(!carries_value(absent), "{absent:?}");
        }
        for present in ["Doe^Jane", "Lefèvre^Camille", "12345", "19700101"] {
            assert!(carries_value(present), "{present:?}");
        }
    }
}
