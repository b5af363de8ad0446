//! The bounded header read: whatever a file claims, the scanner reads and inflates at most
//! [`HEADER_BUDGET`] bytes of it, checks every element of the header in those bytes before any parser
//! sees them, and hands the parser only the checked bytes.
//!
//! The part Vigie needs (groups 0002 to 0012: file meta, study, patient, de-identification) comes first
//! in every DICOM data set. [`extent`] walks it element by element — tag order, VR, every length within
//! the bytes actually there, sequences and items to their delimiters, and the length of each value
//! Vigie reads against its VR (a date is 8 characters, a code string at most 16, a name at most a few
//! hundred bytes) — and says where it ends. A length that lies (gigabytes announced in a 346-byte file),
//! a header longer than the budget, or a value too long for its VR (which would swallow the elements
//! after it, the patient's name among them) makes the header *unreadable*: the finding is still
//! reported, at high risk, and no value of it is kept. The same walk notes where the six values sit,
//! and they are read there ([`Found::facts`]): no parser builds an object per file. dicom-rs stays the
//! reference: the tests give it the same checked slice and compare.

use std::io::Read;

use super::dicom::HeaderFacts;
use super::sniff::{RawEncoding, Sniffed};

/// The most bytes read, or inflated, from one file or archive entry to read its header: 1 MiB. Real
/// headers take a few kilobytes; the budget bounds the scanner's memory per file whatever a file
/// claims (reads run [`crate::scan::ScanOptions::threads`] at a time).
pub const HEADER_BUDGET: usize = 1024 * 1024;

/// Deepest nesting of sequences followed in the header.
const MAX_DEPTH: usize = 8;

/// The last group Vigie reads (de-identification, 0012).
const LAST_GROUP: u16 = 0x0012;

/// Why a header is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// Something does not fit: a length past the end, an unknown VR, tags out of order, a value too long
    /// for its VR, a delimiter missing.
    Malformed,
    /// The header goes on past [`HEADER_BUDGET`].
    TooLong,
    /// A compressed data set (deflate) that does not inflate within the budget.
    Deflate,
}

/// The bytes of a header, read within the budget from `reader` (a file from its start, an inflating
/// gzip stream, a zip entry). The flag says whether that is the whole stream.
pub fn read_budget(reader: impl Read) -> std::io::Result<(Vec<u8>, bool)> {
    let mut buf = Vec::new();
    let whole = read_budget_into(reader, &mut buf)?;
    Ok((buf, whole))
}

/// [`read_budget`] appending to `buf` (a reused buffer: at most [`HEADER_BUDGET`] bytes in it after).
/// Returns whether that is the whole stream.
pub fn read_budget_into(reader: impl Read, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    let room = (HEADER_BUDGET + 1).saturating_sub(buf.len());
    reader.take(room as u64).read_to_end(buf)?;
    let whole = buf.len() <= HEADER_BUDGET;
    buf.truncate(HEADER_BUDGET);
    Ok(whole)
}

/// Reads the header facts of a DICOM stream sniffed as `kind`, from `buf` (its first bytes, at most the
/// budget; `whole` when that is the entire stream). Nothing outside `buf` is read. The values come from
/// the same element walk that checks the header (no second parser: dicom-rs, in [`super::dicom`], is
/// kept as the reference the tests compare with).
pub fn facts(buf: &[u8], whole: bool, kind: Sniffed) -> Result<HeaderFacts, Unreadable> {
    match kind {
        Sniffed::DicomRaw(encoding, skip) => {
            let data = buf.get(skip..).ok_or(Unreadable::Malformed)?;
            Ok(walk(data, whole, encoding)?.facts(data))
        }
        Sniffed::DicomPart10 | Sniffed::DicomNoPreamble => part10(buf, whole),
        _ => Err(Unreadable::Malformed),
    }
}

/// The header facts of a stream sniffed as `kind` whose first bytes are in `buf`: when the header goes
/// on past them, more of `reader` is read into `buf` (sixteen times more each time: 4 KiB, 64 KiB,
/// 1 MiB), never past [`HEADER_BUDGET`]. `whole` says whether `buf` already holds the whole stream; the
/// end of `reader` is the end of the stream (a file is given as `take` of its real size).
pub fn facts_from(
    reader: &mut impl Read,
    buf: &mut Vec<u8>,
    whole: bool,
    kind: Sniffed,
) -> std::io::Result<Result<HeaderFacts, Unreadable>> {
    facts_growing(reader, buf, whole, kind, super::sniff::SNIFF_LEN, 16)
}

/// [`facts_from`] for a stream that costs more per byte (an archive's entry, inflated), from the first
/// bytes in `buf` (a few hundred for an entry with a marker, else 4 KiB): eight times more each time
/// (from 256 bytes: 2 KiB, 16 KiB, 128 KiB, 1 MiB), since the part read ends within 2 KiB in most
/// headers (1,140 bytes in the CT images of a study's zip).
pub fn facts_from_entry(
    reader: &mut impl Read,
    buf: &mut Vec<u8>,
    whole: bool,
    kind: Sniffed,
) -> std::io::Result<Result<HeaderFacts, Unreadable>> {
    facts_growing(reader, buf, whole, kind, super::sniff::PREFIX_LEN, 8)
}

/// Reads the header facts from `buf`, growing it from `reader` to `factor` times its length (at least
/// `floor` bytes) each time the header goes on past it, within the budget.
fn facts_growing(
    reader: &mut impl Read,
    buf: &mut Vec<u8>,
    mut whole: bool,
    kind: Sniffed,
    floor: usize,
    factor: usize,
) -> std::io::Result<Result<HeaderFacts, Unreadable>> {
    loop {
        match facts(buf, whole, kind) {
            Err(Unreadable::TooLong) if !whole && buf.len() < HEADER_BUDGET => {
                let target = (buf.len().max(floor) * factor).min(HEADER_BUDGET);
                let before = buf.len();
                reader.take((target - before) as u64).read_to_end(buf)?;
                whole = buf.len() < target;
            }
            result => return Ok(result),
        }
    }
}

/// The header's checked slice, as dicom-rs reads it: the bytes the reference parser is given (tests).
pub fn checked_slice(buf: &[u8], whole: bool, kind: Sniffed) -> Result<(usize, usize), Unreadable> {
    match kind {
        Sniffed::DicomRaw(encoding, skip) => {
            let data = buf.get(skip..).ok_or(Unreadable::Malformed)?;
            Ok((skip, skip + walk(data, whole, encoding)?.end))
        }
        Sniffed::DicomPart10 | Sniffed::DicomNoPreamble => {
            let meta = file_meta(buf, part10_start(buf), whole)?;
            if meta.deflated {
                return Err(Unreadable::Deflate);
            }
            let end = meta.end + walk(&buf[meta.end..], whole, meta.encoding)?.end;
            Ok((0, end))
        }
        _ => Err(Unreadable::Malformed),
    }
}

fn part10_start(buf: &[u8]) -> usize {
    if buf.get(128..132) == Some(b"DICM") {
        132
    } else if buf.starts_with(b"DICM") {
        4
    } else {
        0
    }
}

fn part10(buf: &[u8], whole: bool) -> Result<HeaderFacts, Unreadable> {
    let meta = file_meta(buf, part10_start(buf), whole)?;
    let data = &buf[meta.end..];
    let mut facts = if meta.deflated {
        // The data set is a raw deflate stream: inflated within the budget, then read like any other.
        // When `buf` is only the file's first bytes, the stream stops short of its end: what did
        // inflate is walked as the start of the data set, and a header that goes on past it asks for
        // more of the file (`TooLong`) rather than being taken for a broken stream.
        let mut inflated = Vec::new();
        let complete =
            match read_budget_into(flate2::read::DeflateDecoder::new(data), &mut inflated) {
                Ok(complete) => complete && whole,
                Err(_) if !whole => false,
                Err(_) => return Err(Unreadable::Deflate),
            };
        walk(&inflated, complete, RawEncoding::ExplicitLittle)?.facts(&inflated)
    } else {
        walk(data, whole, meta.encoding)?.facts(data)
    };
    facts.dicomdir = meta.dicomdir;
    Ok(facts)
}

/// What the file meta (group 0002, explicit VR little endian) says.
struct Meta {
    /// Where the data set starts.
    end: usize,
    encoding: RawEncoding,
    deflated: bool,
    dicomdir: bool,
}

fn file_meta(buf: &[u8], start: usize, whole: bool) -> Result<Meta, Unreadable> {
    let short = if whole {
        Unreadable::Malformed
    } else {
        Unreadable::TooLong
    };
    let mut pos = start;
    let mut ts = None;
    let mut sop_class = None;
    loop {
        let Some(h) = buf.get(pos..pos + 8) else {
            if pos == buf.len() && whole {
                break; // a file meta and nothing else
            }
            return Err(short);
        };
        if u16::from_le_bytes([h[0], h[1]]) != 0x0002 {
            break;
        }
        let element = u16::from_le_bytes([h[2], h[3]]);
        let vr = [h[4], h[5]];
        if !known_vr(&vr) {
            return Err(Unreadable::Malformed);
        }
        let (len, header) = if long_vr(&vr) {
            let l = buf.get(pos + 8..pos + 12).ok_or(short)?;
            (u32::from_le_bytes([l[0], l[1], l[2], l[3]]), 12)
        } else {
            (u32::from(u16::from_le_bytes([h[6], h[7]])), 8)
        };
        if len == u32::MAX || len > 1024 {
            // No file meta element is long; an undefined length has no place here.
            return Err(Unreadable::Malformed);
        }
        let value_at = pos + header;
        let value = buf.get(value_at..value_at + len as usize).ok_or(short)?;
        match element {
            0x0002 => sop_class = Some(trim_uid(value)),
            0x0010 => ts = Some(trim_uid(value)),
            _ => {}
        }
        pos = value_at + len as usize;
    }
    let ts = ts.unwrap_or_default();
    let (encoding, deflated) = match ts.as_str() {
        "1.2.840.10008.1.2" => (RawEncoding::ImplicitLittle, false),
        "1.2.840.10008.1.2.2" => (RawEncoding::ExplicitBig, false),
        "1.2.840.10008.1.2.1.99" => (RawEncoding::ExplicitLittle, true),
        _ => (RawEncoding::ExplicitLittle, false),
    };
    Ok(Meta {
        end: pos,
        encoding,
        deflated,
        dicomdir: sop_class.as_deref() == Some(super::dicom::DICOMDIR_SOP_CLASS),
    })
}

fn trim_uid(value: &[u8]) -> String {
    String::from_utf8_lossy(value)
        .trim_end_matches(['\0', ' '])
        .to_owned()
}

fn known_vr(vr: &[u8; 2]) -> bool {
    super::sniff::VRS.contains(&vr)
}

fn long_vr(vr: &[u8; 2]) -> bool {
    super::sniff::long_vr(vr)
}

/// The values Vigie reads, with their VR and the longest value that VR allows (bytes, padding
/// included): anything longer has swallowed what follows it, and the header is not read. The index is
/// the value's place in [`Found`].
fn read_field(tag: u32) -> Option<(usize, &'static [u8; 2], u32)> {
    Some(match tag {
        // StudyDate and PatientBirthDate: 8 characters (one space of padding tolerated).
        STUDY_DATE => (0, b"DA", 10),
        PATIENT_BIRTH_DATE => (4, b"DA", 10),
        // Modality and PatientIdentityRemoved: code strings.
        MODALITY => (1, b"CS", 16),
        PATIENT_IDENTITY_REMOVED => (5, b"CS", 16),
        PATIENT_NAME => (2, b"PN", 1024), // three groups of 64 characters, multi-byte sets
        PATIENT_ID => (3, b"LO", 256),    // 64 characters
        _ => return None,
    })
}

const STUDY_DATE: u32 = 0x0008_0020;
const MODALITY: u32 = 0x0008_0060;
const PATIENT_NAME: u32 = 0x0010_0010;
const PATIENT_ID: u32 = 0x0010_0020;
const PATIENT_BIRTH_DATE: u32 = 0x0010_0030;
const PATIENT_IDENTITY_REMOVED: u32 = 0x0012_0062;

/// Where the values Vigie reads sit in the walked bytes: study date, modality, name, ID, birth date,
/// identity removed; and where the walked part ends.
pub struct Found {
    /// The end of the leading part walked (elements up to group 0012).
    pub end: usize,
    values: [Option<(usize, usize)>; 6],
}

impl Found {
    /// The facts, from the bytes walked (`data`, as given to [`walk`]). The same rules as the reference
    /// reading with dicom-rs ([`super::dicom`]): a field counts when it carries something other than
    /// padding and placeholders; a modality or date is kept only when it fits its VR.
    pub fn facts(&self, data: &[u8]) -> HeaderFacts {
        let text = |i: usize| {
            self.values[i]
                .and_then(|(a, b)| data.get(a..b))
                .map(String::from_utf8_lossy)
        };
        let present = |i| text(i).is_some_and(|t| super::dicom::carries_value(&t));
        HeaderFacts {
            identifying: super::Identifying {
                name: present(2),
                id: present(3),
                birth_date: present(4),
            },
            identity_removed: text(5).is_some_and(|t| {
                t.trim_matches(|c: char| c == '\0' || c.is_whitespace())
                    .eq_ignore_ascii_case("YES")
            }),
            modality: text(1).and_then(|m| {
                super::dicom::Modality::parse(
                    m.trim_matches(|c: char| c == '\0' || c.is_whitespace()),
                )
            }),
            study_date: text(0)
                .and_then(|d| super::dicom::StudyDate::parse(d.trim_matches([' ', '\0']))),
            dicomdir: false,
        }
    }
}

/// Walks the data set's leading part (its elements up to group 0012), every element checked, and notes
/// where the values Vigie reads are. `data` is all there is of the stream when `whole`.
pub fn walk(data: &[u8], whole: bool, encoding: RawEncoding) -> Result<Found, Unreadable> {
    let mut walker = Walker {
        data,
        whole,
        encoding,
        values: [None; 6],
    };
    let end = walker.elements(0, data.len(), 0, true)?;
    Ok(Found {
        end,
        values: walker.values,
    })
}

/// The length of the data set's leading part that Vigie reads (its elements up to group 0012), every
/// element checked. `data` is all there is of the stream when `whole`.
pub fn extent(data: &[u8], whole: bool, encoding: RawEncoding) -> Result<usize, Unreadable> {
    Ok(walk(data, whole, encoding)?.end)
}

struct Walker<'a> {
    data: &'a [u8],
    whole: bool,
    encoding: RawEncoding,
    values: [Option<(usize, usize)>; 6],
}

/// An item or sequence delimiter, or an item.
const ITEM: u32 = 0xFFFE_E000;
const ITEM_END: u32 = 0xFFFE_E00D;
const SEQUENCE_END: u32 = 0xFFFE_E0DD;

impl Walker<'_> {
    fn u16_at(&self, p: usize) -> Result<u16, Unreadable> {
        let b = self.data.get(p..p + 2).ok_or_else(|| self.short())?;
        Ok(match self.encoding {
            RawEncoding::ExplicitBig => u16::from_be_bytes([b[0], b[1]]),
            _ => u16::from_le_bytes([b[0], b[1]]),
        })
    }

    fn u32_at(&self, p: usize) -> Result<u32, Unreadable> {
        let b = self.data.get(p..p + 4).ok_or_else(|| self.short())?;
        let a = [b[0], b[1], b[2], b[3]];
        Ok(match self.encoding {
            RawEncoding::ExplicitBig => u32::from_be_bytes(a),
            _ => u32::from_le_bytes(a),
        })
    }

    /// Running out of bytes: a malformed file if that was all of it, else a header past the budget.
    fn short(&self) -> Unreadable {
        if self.whole {
            Unreadable::Malformed
        } else {
            Unreadable::TooLong
        }
    }

    /// Running past `limit`: past the bytes there are (see [`Walker::short`]), or past the end of the
    /// enclosing value (malformed).
    fn past(&self, limit: usize) -> Unreadable {
        if limit == self.data.len() {
            self.short()
        } else {
            Unreadable::Malformed
        }
    }

    fn tag_at(&self, p: usize) -> Result<u32, Unreadable> {
        Ok((u32::from(self.u16_at(p)?) << 16) | u32::from(self.u16_at(p + 2)?))
    }

    /// Walks elements from `pos` to `limit`. At the top level (`top`), stops before the first element
    /// past group 0012 and returns its position; inside an item of undefined length, stops after its
    /// delimiter. Returns where the walk ended.
    fn elements(
        &mut self,
        mut pos: usize,
        limit: usize,
        depth: usize,
        top: bool,
    ) -> Result<usize, Unreadable> {
        let mut last_tag = 0u32;
        loop {
            if pos == limit {
                if top {
                    // The end of the bytes before the end of group 0012: the end of the data set when
                    // they are the whole stream; otherwise the header goes on past the budget.
                    return if self.whole {
                        Ok(pos)
                    } else {
                        Err(Unreadable::TooLong)
                    };
                }
                // Inside an item of undefined length: its delimiter is missing.
                return Err(self.past(limit));
            }
            if pos + 8 > limit {
                return Err(self.past(limit));
            }
            let tag = self.tag_at(pos)?;
            if tag == ITEM_END {
                if top {
                    return Err(Unreadable::Malformed);
                }
                // An item delimiter has a zero length.
                if self.u32_at(pos + 4)? != 0 {
                    return Err(Unreadable::Malformed);
                }
                return Ok(pos + 8);
            }
            if top && (tag >> 16) as u16 > LAST_GROUP {
                return Ok(pos);
            }
            if tag < last_tag || (tag >> 16) == 0xFFFE {
                return Err(Unreadable::Malformed);
            }
            last_tag = tag;
            pos = self.element(pos, tag, limit, depth, top)?;
        }
    }

    /// Checks the element with `tag` at `pos`, within `limit`: its length, the sequence it holds (to its
    /// delimiters), and, at the top level, the length of a value Vigie reads against its VR. Returns
    /// the position after it.
    fn element(
        &mut self,
        pos: usize,
        tag: u32,
        limit: usize,
        depth: usize,
        top: bool,
    ) -> Result<usize, Unreadable> {
        let (vr, len, header) = self.element_header(pos)?;
        let value_at = pos + header;
        if len == u32::MAX {
            // Undefined length: only a sequence (or UN holding one, or implicit VR) has it.
            if !vr.is_none_or(|v| v == *b"SQ" || v == *b"UN") || depth >= MAX_DEPTH {
                return Err(Unreadable::Malformed);
            }
            return self.sequence(value_at, limit, depth + 1);
        }
        let end = value_at
            .checked_add(len as usize)
            .ok_or(Unreadable::Malformed)?;
        if end > limit {
            return Err(self.past(limit));
        }
        if top && let Some((index, expected_vr, max)) = read_field(tag) {
            if vr.is_some_and(|v| v != *expected_vr && v != *b"UN") || len > max {
                return Err(Unreadable::Malformed);
            }
            self.values[index] = Some((value_at, end));
        }
        if self.is_sequence(vr, value_at, len) {
            if depth >= MAX_DEPTH {
                return Err(Unreadable::Malformed);
            }
            if self.sequence_defined(value_at, end, depth + 1)? != end {
                return Err(Unreadable::Malformed);
            }
        }
        Ok(end)
    }

    /// Whether a defined-length value holds a sequence: its VR says so (explicit encodings), or, in
    /// implicit VR where the parser goes by its dictionary, the value starts with an item (so that the
    /// lengths inside are checked as well).
    fn is_sequence(&self, vr: Option<[u8; 2]>, value_at: usize, len: u32) -> bool {
        len > 0
            && match vr {
                Some(v) => v == *b"SQ",
                None => len >= 8 && self.tag_at(value_at).is_ok_and(|t| t == ITEM),
            }
    }

    /// The VR (explicit encodings), the length, and the header's size of the element at `pos`.
    fn element_header(&self, pos: usize) -> Result<(Option<[u8; 2]>, u32, usize), Unreadable> {
        if self.encoding == RawEncoding::ImplicitLittle {
            Ok((None, self.u32_at(pos + 4)?, 8))
        } else {
            let b = self
                .data
                .get(pos + 4..pos + 6)
                .ok_or_else(|| self.short())?;
            let vr = [b[0], b[1]];
            if !known_vr(&vr) {
                return Err(Unreadable::Malformed);
            }
            if long_vr(&vr) {
                if self
                    .data
                    .get(pos + 6..pos + 8)
                    .ok_or_else(|| self.short())?
                    != [0, 0]
                {
                    return Err(Unreadable::Malformed);
                }
                Ok((Some(vr), self.u32_at(pos + 8)?, 12))
            } else {
                Ok((Some(vr), u32::from(self.u16_at(pos + 6)?), 8))
            }
        }
    }

    /// A sequence of undefined length from `pos`: items until the sequence delimiter. Returns the
    /// position after the delimiter.
    fn sequence(
        &mut self,
        mut pos: usize,
        limit: usize,
        depth: usize,
    ) -> Result<usize, Unreadable> {
        loop {
            if pos + 8 > limit {
                return Err(self.past(limit));
            }
            let tag = self.tag_at(pos)?;
            let len = self.u32_at(pos + 4)?;
            match tag {
                SEQUENCE_END => {
                    if len != 0 {
                        return Err(Unreadable::Malformed);
                    }
                    return Ok(pos + 8);
                }
                ITEM => pos = self.item(pos + 8, len, limit, depth)?,
                _ => return Err(Unreadable::Malformed),
            }
        }
    }

    /// A sequence of defined length from `pos` to `end`: items only.
    fn sequence_defined(
        &mut self,
        mut pos: usize,
        end: usize,
        depth: usize,
    ) -> Result<usize, Unreadable> {
        while pos < end {
            if pos + 8 > end || self.tag_at(pos)? != ITEM {
                return Err(Unreadable::Malformed);
            }
            let len = self.u32_at(pos + 4)?;
            pos = self.item(pos + 8, len, end, depth)?;
        }
        Ok(pos)
    }

    /// An item's elements from `pos`: `len` bytes, or to its delimiter when undefined.
    fn item(
        &mut self,
        pos: usize,
        len: u32,
        limit: usize,
        depth: usize,
    ) -> Result<usize, Unreadable> {
        if len == u32::MAX {
            return self.elements(pos, limit, depth, false);
        }
        let end = pos.checked_add(len as usize).ok_or(Unreadable::Malformed)?;
        if end > limit {
            return Err(self.past(limit));
        }
        let after = self.elements_defined(pos, end, depth)?;
        if after != end {
            return Err(Unreadable::Malformed);
        }
        Ok(end)
    }

    /// The elements of a defined-length item, exactly filling `pos..end`.
    fn elements_defined(
        &mut self,
        mut pos: usize,
        end: usize,
        depth: usize,
    ) -> Result<usize, Unreadable> {
        let mut last_tag = 0u32;
        while pos < end {
            if pos + 8 > end {
                return Err(Unreadable::Malformed);
            }
            let tag = self.tag_at(pos)?;
            if tag < last_tag || (tag >> 16) == 0xFFFE {
                return Err(Unreadable::Malformed);
            }
            last_tag = tag;
            pos = self.element(pos, tag, end, depth, false)?;
        }
        Ok(pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::sniff::sniff;

    /// The facts as the reference (dicom-rs, given the same checked slice) reads them; `None` when it
    /// cannot parse that slice.
    fn reference(buf: &[u8], kind: Sniffed) -> Option<HeaderFacts> {
        let (start, end) = checked_slice(buf, true, kind).ok()?;
        let slice = &buf[start..end];
        match kind {
            Sniffed::DicomRaw(encoding, _) => {
                super::super::dicom::read_raw(slice, encoding, 0).ok()
            }
            _ => super::super::dicom::read_part10(slice, buf.get(128..132) == Some(b"DICM")).ok(),
        }
    }

    fn same(buf: &[u8]) -> Result<bool, String> {
        let kind = sniff(buf, buf.len() as u64);
        if !matches!(
            kind,
            Sniffed::DicomPart10 | Sniffed::DicomNoPreamble | Sniffed::DicomRaw(..)
        ) {
            return Ok(false);
        }
        let ours = facts(buf, true, kind);
        let Some(theirs) = reference(buf, kind) else {
            return Ok(false);
        };
        let ours = ours.map_err(|e| format!("ours unreadable ({e:?}), dicom-rs read it"))?;
        if ours == theirs {
            Ok(true)
        } else {
            Err(format!("ours {ours:?}, dicom-rs {theirs:?}"))
        }
    }

    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                files(&path, out);
            } else {
                out.push(path);
            }
        }
    }

    #[test]
    fn the_element_walk_reads_what_dicom_rs_reads_on_every_sample() {
        let mut paths = Vec::new();
        files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dicom"),
            &mut paths,
        );
        let mut compared = 0;
        for path in &paths {
            let mut buf = std::fs::read(path).expect("sample");
            buf.truncate(HEADER_BUDGET);
            match same(&buf) {
                Ok(true) => compared += 1,
                Ok(false) => {}
                Err(e) => panic!("{}: {e}", path.display()),
            }
        }
        assert!(compared >= 12, "only {compared} samples compared");
    }

    #[test]
    fn the_element_walk_reads_what_dicom_rs_reads_on_mutants() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dicom/pydicom");
        let originals: Vec<Vec<u8>> = [
            "test_files/CT_small.dcm",
            "test_files/MR_small.dcm",
            "test_files/ExplVR_LitEndNoMeta.dcm",
            "test_files/ExplVR_BigEndNoMeta.dcm",
            "test_files/rtstruct.dcm",
        ]
        .iter()
        .map(|f| {
            let mut b = std::fs::read(dir.join(f)).expect("sample");
            b.truncate(8 * 1024);
            b
        })
        .collect();
        let mut x: u64 = 0x0DC0_FFEE_2026_0020;
        let mut next = move |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let mut compared = 0;
        for i in 0..3000 {
            let mut m = originals[i % originals.len()].clone();
            for _ in 0..=next(3) {
                let at = next(m.len().min(2048));
                m[at] = next(256) as u8;
            }
            match same(&m) {
                Ok(true) => compared += 1,
                Ok(false) => {}
                Err(e) => panic!("mutant {i}: {e}"),
            }
        }
        assert!(compared > 1000, "only {compared} mutants compared");
    }
}
