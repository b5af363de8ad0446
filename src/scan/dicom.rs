//! Reading a DICOM header with dicom-rs, up to the pixel data only, to learn whether it identifies a
//! patient. Only *whether* each identifying field carries a value is kept: names and IDs are never
//! stored, returned or printed.

use std::io::Read;

use dicom_dictionary_std::tags;
use dicom_object::file::ReadPreamble;
use dicom_object::{InMemDicomObject, OpenFileOptions, Tag};
use dicom_transfer_syntax_registry::entries;

use super::Identifying;
use super::sniff::RawEncoding;

/// The first tag after the last field read: reading stops before it.
const LAST_NEEDED: Tag = Tag(0x0012, 0x0063);

/// The Media Storage SOP Class of a DICOMDIR.
pub const DICOMDIR_SOP_CLASS: &str = "1.2.840.10008.1.3.10";

/// What a header says, without any patient data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderFacts {
    /// Which of `PatientName`, `PatientID` and `PatientBirthDate` carry a value.
    pub identifying: Identifying,
    /// `PatientIdentityRemoved` is YES.
    pub identity_removed: bool,
    /// Modality (CT, MR, US…).
    pub modality: Option<Modality>,
    /// Study date, as written (YYYYMMDD).
    pub study_date: Option<StudyDate>,
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

/// Whether a Modality value is a code string as DICOM defines it (at most 16 characters: upper-case
/// letters, digits, space and underscore). Anything else is dropped, never shown: a value that does not
/// fit its VR may hold what followed it in the file, a patient's name among it.
pub fn valid_modality(value: &str) -> bool {
    // A code string is at most 16 characters: what fits a [`Modality`].
    !value.is_empty()
        && value.len() <= 16
        && value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ' || b == b'_')
}

/// Whether a `StudyDate` value is a DICOM date: eight digits (YYYYMMDD), or the ACR-NEMA form that old
/// files still carry (YYYY.MM.DD). Anything else is dropped, never shown (see [`valid_modality`]).
pub fn valid_study_date(value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        8 => digits(0..8),
        10 => digits(0..4) && b[4] == b'.' && digits(5..7) && b[7] == b'.' && digits(8..10),
        _ => false,
    }
}

/// A short ASCII value held inline, without an allocation of its own: a finding's modality or study
/// date. A scan of an imaging server keeps hundreds of thousands of findings; two small strings each
/// on the heap cost more than the rest of a finding but its path. Shown, compared and serialized as
/// the text it holds (the vault and the outputs see a string, as before).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ShortText<const N: usize> {
    len: std::num::NonZeroU8,
    bytes: [u8; N],
}

/// A modality, always a valid code string (see [`valid_modality`]).
pub type Modality = ShortText<16>;
/// A study date, always a valid DICOM date (see [`valid_study_date`]).
pub type StudyDate = ShortText<10>;

impl<const N: usize> ShortText<N> {
    /// `value` held inline: `None` when it is empty, longer than `N` bytes or not ASCII.
    fn new(value: &str) -> Option<Self> {
        if !value.is_ascii() || value.len() > N {
            return None;
        }
        let len = std::num::NonZeroU8::new(u8::try_from(value.len()).ok()?)?;
        let mut bytes = [0; N];
        bytes[..value.len()].copy_from_slice(value.as_bytes());
        Some(Self { len, bytes })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored (see `new`).
        std::str::from_utf8(&self.bytes[..std::num::NonZeroUsize::from(self.len).get()])
            .unwrap_or_default()
    }
}

impl Modality {
    /// `value` when it is a valid modality ([`valid_modality`]).
    pub fn parse(value: &str) -> Option<Self> {
        valid_modality(value).then(|| Self::new(value)).flatten()
    }
}

impl StudyDate {
    /// `value` when it is a valid study date ([`valid_study_date`]).
    pub fn parse(value: &str) -> Option<Self> {
        valid_study_date(value).then(|| Self::new(value)).flatten()
    }
}

impl<const N: usize> std::ops::Deref for ShortText<N> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<const N: usize> std::fmt::Debug for ShortText<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl<const N: usize> std::fmt::Display for ShortText<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<const N: usize> PartialEq<str> for ShortText<N> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl<const N: usize> PartialEq<&str> for ShortText<N> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl<const N: usize> serde::Serialize for ShortText<N> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
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
        modality: text_of(obj, tags::MODALITY).and_then(|m| Modality::parse(m.trim())),
        study_date: text_of(obj, tags::STUDY_DATE)
            .and_then(|d| StudyDate::parse(d.trim_matches([' ', '\0']))),
        dicomdir: false,
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
    fn a_short_text_holds_exactly_a_valid_value_and_shows_it_as_text() {
        let ct = Modality::parse("CT").expect("valid");
        assert_eq!(ct.as_str(), "CT");
        assert_eq!(&*ct, "CT");
        assert_eq!(format!("{ct} {ct:?}"), "CT \"CT\"");
        assert_eq!(ct, "CT");
        let longest = Modality::parse("ABCDEFGHIJKLMNOP").expect("16 characters fit");
        assert_eq!(longest.as_str(), "ABCDEFGHIJKLMNOP");
        assert_eq!(Modality::parse("ABCDEFGHIJKLMNOPQ"), None);
        assert_eq!(Modality::parse(""), None);
        assert_eq!(Modality::parse("ct"), None);
        assert_eq!(
            StudyDate::parse("1997.04.24").map(|d| d.to_string()),
            Some("1997.04.24".to_owned())
        );
        assert_eq!(StudyDate::parse("2020-01-01"), None);
        // Serialized as the string it holds: the vault and the outputs see the same text as before.
        assert_eq!(
            serde_json::to_string(&StudyDate::parse("20200101")).expect("json"),
            "\"20200101\""
        );
        // Held inline: no larger than the text's longest length and its own.
        assert!(std::mem::size_of::<Option<Modality>>() <= 17);
        assert!(std::mem::size_of::<Option<StudyDate>>() <= 11);
    }

    #[test]
    fn only_values_that_fit_their_vr_are_kept() {
        for ok in ["20200101", "1997.04.24"] {
            assert!(valid_study_date(ok), "{ok}");
        }
        for bad in [
            "",
            "2020010",
            "202001011",
            "2020-01-01",
            "20200101\u{10}\u{10}PNDoe^Jane",
            "Doe^Jane",
        ] {
            assert!(!valid_study_date(bad), "{bad:?}");
        }
        for ok in ["CT", "MR", "US", "RTPLAN", "OT", "SR_X"] {
            assert!(valid_modality(ok), "{ok}");
        }
        for bad in [
            "",
            "ct",
            "Doe^Jane",
            "CT\u{10}\u{10}",
            "ABCDEFGHIJKLMNOPQ",
            "-1+2",
            "=1+2",
        ] {
            assert!(!valid_modality(bad), "{bad:?}");
        }
    }

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
