//! Recognising a file by its first bytes, never by its name.
//!
//! DICOM is recognised three ways: the Part 10 marker `DICM` after the 128-byte preamble; `DICM` at the
//! very start (a preamble-less file meta); and a raw data set with no file meta at all, whatever its
//! first group, recognised by parsing its first elements in each of the three encodings (implicit VR
//! little endian, explicit VR little and big endian) and accepting it only when several elements in a
//! row are well formed, in strictly ascending tag order, and fit in the file.

/// What the first bytes say a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// DICOM Part 10 with the 128-byte preamble.
    DicomPart10,
    /// DICOM Part 10 file meta without the preamble.
    DicomNoPreamble,
    /// A raw DICOM data set without file meta, in this encoding, after this many stray leading bytes
    /// (usually none).
    DicomRaw(RawEncoding, usize),
    /// A gzip stream (may hold DICOM).
    Gzip,
    /// A zip archive (may hold DICOM).
    Zip,
    /// An image export.
    Image(ImageFormat),
    /// A container known to be encrypted.
    Encrypted(EncryptedFormat),
    /// A 7-Zip archive (encrypted or not is decided from its header).
    SevenZip,
    /// Anything else.
    Other,
}

/// The encoding of a raw data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawEncoding {
    /// Implicit VR, little endian.
    ImplicitLittle,
    /// Explicit VR, little endian.
    ExplicitLittle,
    /// Explicit VR, big endian.
    ExplicitBig,
}

/// Image formats a viewer or a modality exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ImageFormat {
    /// JPEG.
    Jpeg,
    /// PNG.
    Png,
    /// TIFF.
    Tiff,
    /// Windows bitmap.
    Bmp,
    /// JPEG 2000 (JP2 box or raw codestream).
    Jpeg2000,
}

/// Encrypted containers recognised by format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EncryptedFormat {
    /// A Vigie vault.
    VigieVault,
    /// age (binary or armored).
    Age,
    /// `OpenPGP` encrypted message (binary or armored).
    OpenPgp,
    /// 7-Zip with an encrypted header.
    SevenZipEncrypted,
    /// A zip whose entries are all encrypted.
    ZipEncrypted,
}

/// How many bytes [`sniff`] wants to see.
pub const SNIFF_LEN: usize = 4096;

/// The VRs of DICOM.
pub(super) const VRS: [&[u8; 2]; 34] = [
    b"AE", b"AS", b"AT", b"CS", b"DA", b"DS", b"DT", b"FL", b"FD", b"IS", b"LO", b"LT", b"OB",
    b"OD", b"OF", b"OL", b"OV", b"OW", b"PN", b"SH", b"SL", b"SQ", b"SS", b"ST", b"SV", b"TM",
    b"UC", b"UI", b"UL", b"UN", b"UR", b"US", b"UT", b"UV",
];

/// VRs with a 4-byte length in explicit encodings.
pub(super) fn long_vr(vr: &[u8]) -> bool {
    matches!(
        vr,
        b"OB"
            | b"OD"
            | b"OF"
            | b"OL"
            | b"OV"
            | b"OW"
            | b"SQ"
            | b"SV"
            | b"UC"
            | b"UN"
            | b"UR"
            | b"UT"
            | b"UV"
    )
}

/// How a walk over the first elements of a data set ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    /// `count` elements parsed cleanly (those inside sequences of undefined length included), in
    /// strictly ascending order, within the file; then the walk stopped (end of buffer, or past
    /// `until_group`).
    Plausible {
        /// Elements seen.
        count: usize,
        /// The whole file was walked to its exact end.
        to_end: bool,
        /// Bytes of values seen (all-zero runs of empty elements are no evidence).
        value_bytes: u64,
    },
    /// Something does not fit: an unknown VR, a length past the end of the file, tags out of order.
    Broken,
}

/// Deepest nesting of undefined-length sequences followed by the sniffer.
const SNIFF_DEPTH: usize = 4;

/// The sniffer's element walk over the first bytes of a data set.
struct Sniffer<'a> {
    buf: &'a [u8],
    offset: u64,
    file_len: u64,
    encoding: RawEncoding,
    count: usize,
    value_bytes: u64,
}

/// Why a walk stopped before a verdict.
enum Stop {
    /// The bytes ran out (or the group limit was passed): what was seen stands.
    Out,
    /// The file ended exactly after an element.
    End,
    /// Something does not fit.
    Broken,
}

const ITEM: u32 = 0xFFFE_E000;
const ITEM_END: u32 = 0xFFFE_E00D;
const SEQUENCE_END: u32 = 0xFFFE_E0DD;

impl Sniffer<'_> {
    fn u16_at(&self, p: usize) -> Option<u16> {
        let b = self.buf.get(p..p + 2)?;
        Some(if self.encoding == RawEncoding::ExplicitBig {
            u16::from_be_bytes([b[0], b[1]])
        } else {
            u16::from_le_bytes([b[0], b[1]])
        })
    }

    fn u32_at(&self, p: usize) -> Option<u32> {
        let b = self.buf.get(p..p + 4)?;
        let a = [b[0], b[1], b[2], b[3]];
        Some(if self.encoding == RawEncoding::ExplicitBig {
            u32::from_be_bytes(a)
        } else {
            u32::from_le_bytes(a)
        })
    }

    fn tag_at(&self, p: usize) -> Option<u32> {
        Some((u32::from(self.u16_at(p)?) << 16) | u32::from(self.u16_at(p + 2)?))
    }

    /// Elements from `pos`: at the top level until the bytes run out or a group past `until_group`;
    /// inside an item of undefined length, to its delimiter (returns the position after it).
    fn elements(&mut self, mut pos: usize, depth: usize, until_group: u16) -> Result<usize, Stop> {
        let mut last_tag: Option<u32> = None;
        loop {
            let Some(tag) = self.tag_at(pos) else {
                return Err(Stop::Out);
            };
            if depth > 0 && tag == ITEM_END {
                return match self.u32_at(pos + 4) {
                    Some(0) => Ok(pos + 8),
                    Some(_) => Err(Stop::Broken),
                    None => Err(Stop::Out),
                };
            }
            let group = (tag >> 16) as u16;
            if depth == 0 && group > until_group {
                return Err(Stop::Out);
            }
            // Strictly ascending; groups 0001 to 0007 (odd) and FFFF do not exist, nor item tags here.
            if last_tag.is_some_and(|l| tag <= l)
                || matches!(group, 0x0001 | 0x0003 | 0x0005 | 0x0007 | 0xFFFE | 0xFFFF)
            {
                return Err(Stop::Broken);
            }
            last_tag = Some(tag);
            pos = self.element(pos, depth)?;
        }
    }

    /// One element at `pos` (its tag already checked); returns the position after it.
    fn element(&mut self, pos: usize, depth: usize) -> Result<usize, Stop> {
        let (len, header, sequence) = if self.encoding == RawEncoding::ImplicitLittle {
            (self.u32_at(pos + 4), 8, true)
        } else {
            let Some(vr) = self.buf.get(pos + 4..pos + 6) else {
                return Err(Stop::Out);
            };
            if !VRS.iter().any(|v| v.as_slice() == vr) {
                return Err(Stop::Broken);
            }
            let sequence = vr == b"SQ" || vr == b"UN";
            if long_vr(vr) {
                match self.buf.get(pos + 6..pos + 8) {
                    Some([0, 0]) => {}
                    Some(_) => return Err(Stop::Broken),
                    None => return Err(Stop::Out),
                }
                (self.u32_at(pos + 8), 12, sequence)
            } else {
                (self.u16_at(pos + 6).map(u32::from), 8, false)
            }
        };
        let Some(len) = len else {
            return Err(Stop::Out);
        };
        self.count += 1;
        let value_at = pos + header;
        if len == u32::MAX {
            if !sequence || depth >= SNIFF_DEPTH {
                return Err(Stop::Broken);
            }
            // What does not fit inside a sequence ends the walk there, the run before it standing: a
            // damaged or lying element deep in a data set does not make it any less DICOM (its header
            // is then found unreadable, at high risk).
            return match self.sequence(value_at, depth + 1) {
                Err(Stop::Broken) => Err(Stop::Out),
                other => other,
            };
        }
        // Values have even lengths in every encoding.
        if len % 2 == 1 {
            return Err(Stop::Broken);
        }
        let end = self.offset + value_at as u64 + u64::from(len);
        if end > self.file_len {
            return Err(Stop::Broken);
        }
        self.value_bytes += u64::from(len);
        if end == self.file_len {
            return Err(Stop::End);
        }
        Ok(value_at + len as usize)
    }

    /// The items of a sequence of undefined length, to its delimiter.
    fn sequence(&mut self, mut pos: usize, depth: usize) -> Result<usize, Stop> {
        loop {
            let (Some(tag), Some(len)) = (self.tag_at(pos), self.u32_at(pos + 4)) else {
                return Err(Stop::Out);
            };
            match tag {
                SEQUENCE_END if len == 0 => return Ok(pos + 8),
                ITEM if len == u32::MAX => pos = self.elements(pos + 8, depth, u16::MAX)?,
                ITEM => {
                    let end = self.offset + (pos + 8) as u64 + u64::from(len);
                    if end > self.file_len {
                        return Err(Stop::Broken);
                    }
                    pos += 8 + len as usize;
                }
                _ => return Err(Stop::Broken),
            }
        }
    }
}

/// Walks the elements of a data set encoded as `encoding`, from `buf[0]` (which sits at `offset` in a
/// file of `file_len` bytes), checking each element's tag order (strictly ascending), VR and length,
/// and following sequences of undefined length through their items, until a group above `until_group`
/// or the end of `buf`.
pub fn walk_elements(
    buf: &[u8],
    offset: u64,
    file_len: u64,
    encoding: RawEncoding,
    until_group: u16,
) -> Walk {
    let mut walker = Sniffer {
        buf,
        offset,
        file_len,
        encoding,
        count: 0,
        value_bytes: 0,
    };
    let to_end = match walker.elements(0, 0, until_group) {
        Err(Stop::Broken) => return Walk::Broken,
        Err(Stop::End) => true,
        Ok(_) | Err(Stop::Out) => false,
    };
    Walk::Plausible {
        count: walker.count,
        to_end,
        value_bytes: walker.value_bytes,
    }
}

/// Stray bytes tolerated in front of a raw data set. A data set copied out of a file or a network
/// capture by hand sometimes keeps a byte or a few of what came before it (pydicom's `no_meta.dcm`, a CT
/// image with its patient's name, has one): DICOM readers refuse such a file, but it still identifies
/// a patient. Past the very start, the evidence asked for is stronger (see [`raw_dataset_parses`]).
pub const RAW_MAX_SKIP: usize = 16;

/// Whether `buf` starts with a raw data set in `encoding`, whatever its first group: a run of
/// well-formed elements in strictly ascending tag order (sequences of undefined length followed through
/// their items), each within the file, with even lengths and (explicit encodings) known VRs — at least
/// three (or a tiny data set of two to its exact end), carrying some value bytes. `buf` sits at `offset`
/// in the file; when that is not the start (stray bytes in front), at least four elements must parse
/// when the first is in group 0008, six otherwise.
fn raw_dataset_parses(buf: &[u8], offset: u64, file_len: u64, encoding: RawEncoding) -> bool {
    let first_group = Sniffer {
        buf,
        offset,
        file_len,
        encoding,
        count: 0,
        value_bytes: 0,
    }
    .u16_at(0);
    match walk_elements(buf, offset, file_len, encoding, u16::MAX) {
        Walk::Plausible {
            count, value_bytes, ..
        } if offset > 0 => {
            // Where most data sets begin (group 0008), four elements, as before; any other group, six.
            let needed = if first_group == Some(0x0008) { 4 } else { 6 };
            count >= needed && value_bytes >= 8
        }
        Walk::Plausible {
            count,
            to_end,
            value_bytes,
        } => (count >= 3 || (to_end && count >= 2)) && value_bytes >= 4,
        Walk::Broken => false,
    }
}

/// Recognises the format of a file from its first bytes (`head`, up to [`SNIFF_LEN`]) and its length.
pub fn sniff(head: &[u8], file_len: u64) -> Sniffed {
    magic(head, file_len)
        .or_else(|| raw_dataset(head, file_len))
        .unwrap_or(Sniffed::Other)
}

/// Whether a sniffed format is DICOM (Part 10, without preamble, or a raw data set).
pub fn is_dicom(s: Sniffed) -> bool {
    matches!(
        s,
        Sniffed::DicomPart10 | Sniffed::DicomNoPreamble | Sniffed::DicomRaw(..)
    )
}

/// How many bytes of an archive entry are inflated first ([`dicom_by_prefix`]): the preamble and
/// `DICM`, and enough of a raw data set's first elements for anything else to break.
pub const PREFIX_LEN: usize = 256;

const ENCODINGS: [RawEncoding; 3] = [
    RawEncoding::ExplicitLittle,
    RawEncoding::ExplicitBig,
    RawEncoding::ImplicitLittle,
];

/// What the first bytes of a stream (`prefix`, at least [`PREFIX_LEN`] unless that is the whole
/// stream) already say about DICOM, so that an archive entry is inflated no further than needed:
/// `Some(true)` for DICOM by its marker, `Some(false)` when [`sniff`] on the first [`SNIFF_LEN`] bytes
/// could only say "not DICOM" (another format's magic number, or every raw data set walk broken within
/// these bytes — a walk that breaks on a prefix breaks the same on more bytes), `None` when more bytes
/// are needed to tell.
pub fn dicom_by_prefix(prefix: &[u8], file_len: u64) -> Option<bool> {
    if let Some(s) = magic(prefix, file_len) {
        return Some(is_dicom(s));
    }
    if prefix.len() as u64 >= file_len {
        return Some(raw_dataset(prefix, file_len).is_some());
    }
    if prefix.len() < 132 {
        // Not even the preamble: a truncated stream, decided by the full sniff.
        return None;
    }
    let all_broken = (0..=RAW_MAX_SKIP.min(prefix.len())).all(|skip| {
        ENCODINGS.iter().all(|&encoding| {
            walk_elements(&prefix[skip..], skip as u64, file_len, encoding, u16::MAX)
                == Walk::Broken
        })
    });
    if all_broken { Some(false) } else { None }
}

/// A raw data set at the start of `head`, after at most [`RAW_MAX_SKIP`] stray bytes.
fn raw_dataset(head: &[u8], file_len: u64) -> Option<Sniffed> {
    for skip in 0..=RAW_MAX_SKIP.min(head.len()) {
        for encoding in ENCODINGS {
            if raw_dataset_parses(&head[skip..], skip as u64, file_len, encoding) {
                return Some(Sniffed::DicomRaw(encoding, skip));
            }
        }
    }
    None
}

/// The formats known by a magic number (DICOM's marker included), from the first bytes.
fn magic(head: &[u8], file_len: u64) -> Option<Sniffed> {
    Some(magic_inner(head, file_len)).filter(|s| *s != Sniffed::Other)
}

fn magic_inner(head: &[u8], file_len: u64) -> Sniffed {
    if head.len() >= 132 && &head[128..132] == b"DICM" {
        return Sniffed::DicomPart10;
    }
    if head.starts_with(b"DICM")
        || (head.len() >= 8 && head[0..4] == [0x02, 0x00, 0x00, 0x00] && &head[4..6] == b"UL")
    {
        return Sniffed::DicomNoPreamble;
    }
    if head.starts_with(b"VIGIEVLT") || head.starts_with(b"VIGIEARC") {
        return Sniffed::Encrypted(EncryptedFormat::VigieVault);
    }
    if head.starts_with(b"age-encryption.org/v1\n")
        || head.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----")
    {
        return Sniffed::Encrypted(EncryptedFormat::Age);
    }
    if head.starts_with(b"-----BEGIN PGP MESSAGE-----") || openpgp_binary(head) {
        return Sniffed::Encrypted(EncryptedFormat::OpenPgp);
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        return Sniffed::Gzip;
    }
    if head.starts_with(b"PK\x03\x04") {
        return Sniffed::Zip;
    }
    if head.starts_with(b"7z\xBC\xAF\x27\x1C") {
        return Sniffed::SevenZip;
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Sniffed::Image(ImageFormat::Jpeg);
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Sniffed::Image(ImageFormat::Png);
    }
    if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        return Sniffed::Image(ImageFormat::Tiff);
    }
    if head.starts_with(b"\0\0\0\x0CjP  \r\n\x87\n") || head.starts_with(&[0xFF, 0x4F, 0xFF, 0x51])
    {
        return Sniffed::Image(ImageFormat::Jpeg2000);
    }
    if head.len() >= 26 && head.starts_with(b"BM") && bmp_header_plausible(head, file_len) {
        return Sniffed::Image(ImageFormat::Bmp);
    }
    Sniffed::Other
}

/// A BMP's header holds the file size and a known DIB header size.
fn bmp_header_plausible(head: &[u8], file_len: u64) -> bool {
    let size = u32::from_le_bytes([head[2], head[3], head[4], head[5]]);
    let dib = u32::from_le_bytes([head[14], head[15], head[16], head[17]]);
    (u64::from(size) == file_len || size == 0) && matches!(dib, 12 | 40 | 52 | 56 | 64 | 108 | 124)
}

/// An `OpenPGP` binary message starts with a public-key or symmetric-key encrypted session key packet.
fn openpgp_binary(head: &[u8]) -> bool {
    let Some(&first) = head.first() else {
        return false;
    };
    if first & 0x80 == 0 {
        return false;
    }
    let new_format = first & 0x40 != 0;
    let tag = if new_format {
        first & 0x3f
    } else {
        (first >> 2) & 0x0f
    };
    // The body starts after a one-octet length (new format, < 192) or the old format's 1 or 2 octets.
    let byte = |i: usize| head.get(i).copied().unwrap_or(0);
    let (body_at, body_len) = if new_format {
        match head.get(1) {
            Some(&l) if l < 192 => (2, usize::from(l)),
            _ => return false,
        }
    } else {
        match first & 0x03 {
            0 => (2, usize::from(byte(1))),
            1 => (3, usize::from(u16::from_be_bytes([byte(1), byte(2)]))),
            _ => return false,
        }
    };
    let Some(body) = head.get(body_at..body_at + body_len.min(16)) else {
        return false;
    };
    match (tag, body) {
        // Public-key encrypted session key, version 3: key ID, then a known public-key algorithm.
        (1, [3, _, _, _, _, _, _, _, _, algo, ..]) => {
            body_len >= 12 && matches!(algo, 1 | 2 | 16 | 18 | 22 | 25)
        }
        // Symmetric-key encrypted session key, version 4: a known cipher, S2K type and hash.
        (3, [4, cipher, s2k, hash, ..]) => {
            (1..=13).contains(cipher)
                && matches!(s2k, 0 | 1 | 3)
                && matches!(hash, 1 | 2 | 3 | 8 | 9 | 10 | 11)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explicit_le(elements: &[(u16, u16, &[u8; 2], &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        for (g, e, vr, value) in elements {
            out.extend_from_slice(&g.to_le_bytes());
            out.extend_from_slice(&e.to_le_bytes());
            out.extend_from_slice(*vr);
            out.extend_from_slice(&(value.len() as u16).to_le_bytes());
            out.extend_from_slice(value);
        }
        out
    }

    #[test]
    fn raw_data_sets_are_recognised_by_parsing() {
        let ds = explicit_le(&[
            (0x0008, 0x0016, b"UI", b"1.2.840.10008.5.1.4.1.1.2\0"),
            (0x0008, 0x0018, b"UI", b"1.2.3.4\0"),
            (0x0008, 0x0060, b"CS", b"CT"),
            (0x0010, 0x0010, b"PN", b"Doe^Jane"),
        ]);
        assert_eq!(
            sniff(&ds, ds.len() as u64),
            Sniffed::DicomRaw(RawEncoding::ExplicitLittle, 0)
        );
        // One stray byte in front (as in pydicom's no_meta.dcm): found, with the byte to skip.
        let mut stray = vec![0x20];
        stray.extend_from_slice(&ds);
        assert_eq!(
            sniff(&stray, stray.len() as u64),
            Sniffed::DicomRaw(RawEncoding::ExplicitLittle, 1)
        );
        // Past the start, three elements are not enough.
        let short = explicit_le(&[
            (0x0008, 0x0016, b"UI", b"1.2.840.10008.5.1.4.1.1.2\0"),
            (0x0008, 0x0018, b"UI", b"1.2.3.4\0"),
            (0x0008, 0x0060, b"CS", b"CT"),
        ]);
        let mut stray_short = vec![0x20, 0x20];
        stray_short.extend_from_slice(&short);
        stray_short.extend_from_slice(b"trailing text that is not an element");
        assert_eq!(
            sniff(&stray_short, stray_short.len() as u64),
            Sniffed::Other
        );
        // Same bytes, one length corrupted so that it runs past the end: refused.
        let mut bad = ds.clone();
        bad[6] = 0xF0;
        assert_eq!(sniff(&bad, bad.len() as u64), Sniffed::Other);
    }

    #[test]
    fn text_and_random_bytes_are_not_dicom() {
        let text = b"Compte rendu de consultation, tout ceci est du texte ordinaire.\n".repeat(20);
        assert_eq!(sniff(&text, text.len() as u64), Sniffed::Other);
        let mut x: u64 = 0x1234_5678;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        assert_eq!(sniff(&noise, 1 << 20), Sniffed::Other);
    }

    #[test]
    fn magic_numbers() {
        let mut part10 = vec![0u8; 200];
        part10[128..132].copy_from_slice(b"DICM");
        part10[0..4].copy_from_slice(b"II*\0"); // a TIFF header in the preamble
        assert_eq!(sniff(&part10, 200), Sniffed::DicomPart10);
        assert_eq!(
            sniff(b"\xFF\xD8\xFF\xE0....", 100),
            Sniffed::Image(ImageFormat::Jpeg)
        );
        assert_eq!(
            sniff(b"age-encryption.org/v1\n-> X25519", 100),
            Sniffed::Encrypted(EncryptedFormat::Age)
        );
        assert_eq!(sniff(b"PK\x03\x04rest", 100), Sniffed::Zip);
        assert_eq!(sniff(&[0x1f, 0x8b, 8, 0], 100), Sniffed::Gzip);
        // A symmetric-key session key packet (gpg -c): version 4, AES-256, iterated S2K, SHA-256.
        assert_eq!(
            sniff(&[0x8c, 0x0d, 4, 9, 3, 8, 1, 2, 3, 4, 5, 6, 7, 8, 0x60], 100),
            Sniffed::Encrypted(EncryptedFormat::OpenPgp)
        );
        assert_eq!(
            sniff(&[0xc1, 0x10, 3, 0, 0], 100),
            Sniffed::Other,
            "a lone version byte is not enough"
        );
    }
}
