//! Looking inside gzip and zip containers in memory (nothing is written to disk), and telling whether a
//! 7-Zip archive encrypts its header.

use std::fs::File;
use std::io::{Read, Seek as _, SeekFrom};

use super::dicom::HeaderFacts;
use super::header;
use super::sniff::{PREFIX_LEN, SNIFF_LEN, is_dicom, sniff};

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

/// Whether merging more entries' facts into `facts` could change it: once a name, an ID and a birth
/// date were seen, identity not removed, and a modality and a study date known, [`merge`] keeps it as
/// it is, and the other entries' headers need not be read.
fn saturated(facts: Option<&HeaderFacts>) -> bool {
    facts.is_some_and(|f| {
        f.identifying.name
            && f.identifying.id
            && f.identifying.birth_date
            && !f.identity_removed
            && f.modality.is_some()
            && f.study_date.is_some()
    })
}

/// Looks into a zip archive through its central directory: how many entries are DICOM, which identify
/// a patient, which are encrypted. Each entry is inflated only as far as needed, into `buf` (the
/// thread's buffer), by the thread's own inflater: its first [`PREFIX_LEN`] bytes, which decide most
/// entries (DICOM by its marker, or anything that cannot start a data set); up to 4 KiB when they do
/// not; and, for a DICOM entry whose header can still add something, more of the same entry while the
/// header goes on, within the budget. The archive is read through a small positional cache: the central
/// directory, and each entry's local header with its first compressed bytes, in one read each.
pub fn zip(file: &File, buf: &mut Vec<u8>) -> Result<Inside, String> {
    let mut archive = zip::ZipArchive::new(Cached::new(file)).map_err(|e| e.to_string())?;
    prefetch_entries(file, &archive);
    let mut inside = Inside::default();
    INFLATER.with(|cell| {
        let mut fresh = None;
        let mut guard = cell.try_borrow_mut().ok();
        let inflater = match guard.as_deref_mut() {
            Some(z) => z,
            None => fresh.insert(Inflater::new()),
        };
        for i in 0..archive.len().min(MAX_ZIP_ENTRIES) {
            let Ok(raw) = archive.by_index_raw(i) else {
                continue;
            };
            if raw.is_dir() {
                continue;
            }
            inside.entries += 1;
            if raw.encrypted() {
                inside.encrypted_entries += 1;
                continue;
            }
            let size = raw.size();
            let mut entry = match raw.compression() {
                zip::CompressionMethod::Stored => Entry::Stored(raw.take(size)),
                zip::CompressionMethod::Deflated => Entry::Deflated(Inflate::new(raw, inflater)),
                // Methods this build does not read: an entry that cannot be looked into.
                _ => continue,
            };
            let want_header =
                inside.dicom_entries < MAX_HEADERS_PER_ARCHIVE && !saturated(inside.facts.as_ref());
            buf.clear();
            if (&mut entry)
                .take(PREFIX_LEN as u64)
                .read_to_end(buf)
                .is_err()
            {
                continue;
            }
            match super::sniff::dicom_by_prefix(buf, size) {
                Some(false) => continue,
                Some(true) if !want_header => {
                    inside.dicom_entries += 1;
                    continue;
                }
                _ => {}
            }
            let more = (SNIFF_LEN - buf.len()) as u64;
            if buf.len() == PREFIX_LEN && (&mut entry).take(more).read_to_end(buf).is_err() {
                continue;
            }
            let kind = sniff(buf, size);
            if !is_dicom(kind) {
                continue;
            }
            inside.dicom_entries += 1;
            // The entry's header within the budget: at most that many bytes inflated, whatever the
            // entry claims or would inflate to.
            if want_header {
                let whole = buf.len() < SNIFF_LEN;
                if let Ok(Ok(f)) = header::facts_from(&mut entry, buf, whole, kind) {
                    merge(&mut inside.facts, f);
                }
            }
        }
    });
    Ok(inside)
}

/// On a cold cache, each entry's local header is one more read from the disk, made one after the other
/// as the entries are looked into: a study's zip of 30 images waits for 30 reads in turn. The kernel is
/// asked for all of them at once instead, as soon as the central directory is known (Linux's
/// `posix_fadvise(WILLNEED)`; nearby entries in one range), so that the disk serves them together. On a
/// warm cache it costs one call per range. Elsewhere the entries are read in turn.
fn prefetch_entries(file: &File, archive: &zip::ZipArchive<Cached<'_>>) {
    #[cfg(target_os = "linux")]
    {
        let block = CACHE_BLOCK as u64;
        let mut range: Option<(u64, u64)> = None;
        let advise = |(start, end): (u64, u64)| {
            let _ = rustix::fs::fadvise(
                file,
                start,
                std::num::NonZeroU64::new(end - start),
                rustix::fs::Advice::WillNeed,
            );
        };
        for i in 0..archive.len().min(MAX_ZIP_ENTRIES) {
            let Ok(entry) = archive.by_index_data(i) else {
                continue;
            };
            if entry.is_dir() || entry.encrypted() {
                continue;
            }
            // What the first look at an entry reads: its local header and first bytes, one block.
            let start = entry.header_start();
            let end = start.saturating_add(block);
            range = match range {
                // Entries follow one another in most archives: one range while they are near.
                Some((a, b)) if start >= a && start <= b.saturating_add(block) => {
                    Some((a, end.max(b)))
                }
                Some(r) => {
                    advise(r);
                    Some((start, end))
                }
                None => Some((start, end)),
            };
        }
        if let Some(r) = range {
            advise(r);
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (file, archive);
    }
}

std::thread_local! {
    /// Each reading thread's raw-deflate inflater, reset for each zip entry (its state, window and
    /// input buffer are allocated once per thread, not once per entry).
    static INFLATER: std::cell::RefCell<Inflater> = std::cell::RefCell::new(Inflater::new());
}

/// A raw-deflate inflater and its input buffer.
struct Inflater {
    z: flate2::Decompress,
    input: Box<[u8; INFLATE_INPUT]>,
}

impl Inflater {
    fn new() -> Self {
        Self {
            z: flate2::Decompress::new(false),
            input: Box::new([0; INFLATE_INPUT]),
        }
    }
}

/// A zip entry's data, as stored or inflating.
enum Entry<'a, R: Read> {
    Stored(std::io::Take<R>),
    Deflated(Inflate<'a, R>),
}

impl<R: Read> Read for Entry<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Self::Stored(r) => r.read(out),
            Self::Deflated(r) => r.read(out),
        }
    }
}

/// Compressed bytes taken from the entry at a time: small, so that inflating an entry's first bytes
/// reads little more than they need.
const INFLATE_INPUT: usize = 1024;

/// A raw deflate stream inflated by a borrowed inflater (no allocation per stream).
struct Inflate<'a, R: Read> {
    raw: R,
    inflater: &'a mut Inflater,
    pos: usize,
    len: usize,
    eof: bool,
    done: bool,
}

impl<'a, R: Read> Inflate<'a, R> {
    fn new(raw: R, inflater: &'a mut Inflater) -> Self {
        inflater.z.reset(false);
        Self {
            raw,
            inflater,
            pos: 0,
            len: 0,
            eof: false,
            done: false,
        }
    }
}

impl<R: Read> Read for Inflate<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if out.is_empty() || self.done {
            return Ok(0);
        }
        loop {
            if self.pos == self.len && !self.eof {
                self.len = self.raw.read(&mut self.inflater.input[..])?;
                self.pos = 0;
                self.eof = self.len == 0;
            }
            let Inflater { z, input } = &mut *self.inflater;
            let (in_before, out_before) = (z.total_in(), z.total_out());
            let flush = if self.eof {
                flate2::FlushDecompress::Finish
            } else {
                flate2::FlushDecompress::None
            };
            let status = z
                .decompress(&input[self.pos..self.len], out, flush)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
            let used = usize::try_from(z.total_in() - in_before).unwrap_or(usize::MAX);
            self.pos = (self.pos + used).min(self.len);
            let made = usize::try_from(z.total_out() - out_before).unwrap_or(0);
            if status == flate2::Status::StreamEnd {
                self.done = true;
                return Ok(made);
            }
            if made > 0 {
                return Ok(made);
            }
            if self.eof || used == 0 {
                // The stream stops before its end (or, never expected, the inflater takes no input
                // and gives no output): what was inflated stands, as for a truncated file.
                self.done = true;
                return Ok(0);
            }
        }
    }
}

/// A small cache in front of an archive file for the zip reader, which reads its records in small
/// pieces and seeks between them: a seek only moves the position, and a read inside the last block read
/// is served from memory. Large reads go to the file directly.
struct Cached<'a> {
    file: &'a File,
    pos: u64,
    block: Vec<u8>,
    block_at: u64,
}

/// The cache's block, the read walk's 4 KiB: the central directory of a study's zip, or an entry's local
/// header with its first compressed bytes, in one read (16 KiB read more than most entries need).
const CACHE_BLOCK: usize = 4 * 1024;

impl<'a> Cached<'a> {
    fn new(file: &'a File) -> Self {
        Self {
            file,
            pos: 0,
            block: Vec::with_capacity(CACHE_BLOCK),
            block_at: 0,
        }
    }
}

impl Read for Cached<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let in_block =
            self.pos >= self.block_at && self.pos < self.block_at + self.block.len() as u64;
        if !in_block {
            let mut file = self.file;
            file.seek(SeekFrom::Start(self.pos))?;
            if out.len() >= CACHE_BLOCK {
                let n = file.read(out)?;
                self.pos += n as u64;
                return Ok(n);
            }
            self.block.clear();
            file.take(CACHE_BLOCK as u64).read_to_end(&mut self.block)?;
            self.block_at = self.pos;
            if self.block.is_empty() {
                return Ok(0);
            }
        }
        let from = usize::try_from(self.pos - self.block_at).unwrap_or(usize::MAX);
        let available = &self.block[from..];
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl std::io::Seek for Cached<'_> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let invalid = || std::io::Error::from(std::io::ErrorKind::InvalidInput);
        self.pos = match to {
            SeekFrom::Start(p) => p,
            SeekFrom::Current(d) => self.pos.checked_add_signed(d).ok_or_else(invalid)?,
            SeekFrom::End(d) => self
                .file
                .metadata()?
                .len()
                .checked_add_signed(d)
                .ok_or_else(invalid)?,
        };
        Ok(self.pos)
    }
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
