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
/// header goes on (from the first bytes for an entry with a marker), within the budget. The archive
/// (`len` bytes, `buf` holding its first ones) is read through a small positional cache: the central
/// directory, and each entry's local header with its first compressed bytes, in one read each.
pub fn zip(file: &File, len: u64, buf: &mut Vec<u8>) -> Result<Inside, String> {
    let mut archive =
        zip::ZipArchive::new(Cached::new(file, len, buf)).map_err(|e| e.to_string())?;
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
            // What the entry is, and how many of its bytes were asked for (fewer came: its end).
            let (kind, asked) = match super::sniff::dicom_by_prefix(buf, size) {
                Some(false) => continue,
                Some(true) if !want_header => {
                    inside.dicom_entries += 1;
                    continue;
                }
                // DICOM by its marker, which is all the sniffer would look at: the header is read on
                // from these first bytes, inflating no more of the entry than it needs.
                Some(true) => (sniff(buf, size), PREFIX_LEN),
                None => {
                    let more = (SNIFF_LEN - buf.len()) as u64;
                    if buf.len() == PREFIX_LEN && (&mut entry).take(more).read_to_end(buf).is_err()
                    {
                        continue;
                    }
                    (sniff(buf, size), SNIFF_LEN)
                }
            };
            if !is_dicom(kind) {
                continue;
            }
            inside.dicom_entries += 1;
            // The entry's header within the budget: at most that many bytes inflated, whatever the
            // entry claims or would inflate to.
            if want_header {
                let whole = buf.len() < asked;
                if let Ok(Ok(f)) = header::facts_from_entry(&mut entry, buf, whole, kind) {
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
/// pieces and seeks between them: a seek only moves the position, and a read inside a block already read
/// is served from memory. It holds two blocks: the file's first bytes, as the sniffer read them (the
/// first entries' local headers, for nothing), and the last block read from the file. A block that
/// would run past the end of the file starts earlier instead, so that the end of central directory
/// record and the central directory of a small archive come in one read. Every read is positional
/// (one system call, no seek). Large reads go to the file directly.
struct Cached<'a> {
    file: &'a File,
    /// The file's size, as the scan found it on opening it.
    len: u64,
    pos: u64,
    first: Vec<u8>,
    block: Vec<u8>,
    block_at: u64,
}

/// The cache's block: an entry's local header with the first 4 KiB of its data (the sniffer's length)
/// in one read for names of up to a few hundred bytes; the central directory of a study's zip.
const CACHE_BLOCK: usize = SNIFF_LEN + 512;

impl<'a> Cached<'a> {
    /// `first`: the file's first bytes, already read.
    fn new(file: &'a File, len: u64, first: &[u8]) -> Self {
        Self {
            file,
            len,
            pos: 0,
            first: first.to_vec(),
            block: Vec::with_capacity(CACHE_BLOCK),
            block_at: 0,
        }
    }

    /// Copies what `block` (which starts at `at`) holds from the position on into `out`.
    fn serve(block: &[u8], at: u64, pos: u64, out: &mut [u8]) -> Option<usize> {
        let from = usize::try_from(pos.checked_sub(at)?).ok()?;
        let available = block.get(from..).filter(|a| !a.is_empty())?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        Some(n)
    }
}

/// Reads at `at`, without moving the file's cursor on Unix (`pread`); on Windows the cursor moves, which
/// nothing here relies on.
fn read_at(file: &File, out: &mut [u8], at: u64) -> std::io::Result<usize> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_at(file, out, at)
    }
    #[cfg(windows)]
    {
        std::os::windows::fs::FileExt::seek_read(file, out, at)
    }
    #[cfg(not(any(unix, windows)))]
    {
        let mut file = file;
        file.seek(SeekFrom::Start(at))?;
        file.read(out)
    }
}

impl Read for Cached<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if out.is_empty() || self.pos >= self.len {
            return Ok(0);
        }
        let served = Self::serve(&self.first, 0, self.pos, out)
            .or_else(|| Self::serve(&self.block, self.block_at, self.pos, out));
        let n = if let Some(n) = served {
            n
        } else if out.len() >= CACHE_BLOCK {
            let left = usize::try_from(self.len - self.pos).unwrap_or(usize::MAX);
            let n = out.len().min(left);
            read_at(self.file, &mut out[..n], self.pos)?
        } else {
            let start = self.pos.min(self.len.saturating_sub(CACHE_BLOCK as u64));
            let want = usize::try_from((self.len - start).min(CACHE_BLOCK as u64)).unwrap_or(0);
            self.block.resize(want, 0);
            let mut filled = 0;
            while filled < want {
                match read_at(self.file, &mut self.block[filled..], start + filled as u64) {
                    Ok(0) => break,
                    Ok(k) => filled += k,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        self.block.clear();
                        return Err(e);
                    }
                }
            }
            self.block.truncate(filled);
            self.block_at = start;
            // Shorter than its size said (the file shrank since): its end.
            Self::serve(&self.block, start, self.pos, out).unwrap_or(0)
        };
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
            SeekFrom::End(d) => self.len.checked_add_signed(d).ok_or_else(invalid)?,
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    /// A file of `n` bytes, each its offset's low byte.
    fn file_of(n: usize) -> (tempfile::NamedTempFile, Vec<u8>) {
        let bytes: Vec<u8> = (0..n)
            .map(|i| u8::try_from(i % 251).expect("a byte"))
            .collect();
        let mut f = tempfile::NamedTempFile::new().expect("temp");
        f.write_all(&bytes).expect("write");
        (f, bytes)
    }

    /// Reads `n` bytes at `at` through the cache, in pieces of `piece`.
    fn read(c: &mut Cached<'_>, at: SeekFrom, n: usize, piece: usize) -> Vec<u8> {
        c.seek(at).expect("seek");
        let mut out = Vec::new();
        let mut chunk = vec![0; piece];
        while out.len() < n {
            let k = c
                .read(&mut chunk[..piece.min(n - out.len())])
                .expect("read");
            if k == 0 {
                break;
            }
            out.extend_from_slice(&chunk[..k]);
        }
        out
    }

    #[test]
    fn the_cache_reads_what_the_file_holds_from_both_blocks_and_large_reads() {
        let (f, bytes) = file_of(100_000);
        let file = f.as_file();
        // The first block comes from the sniffer's bytes: given wrong on purpose here, it shows that
        // they are used as they are, without a read.
        let mut first = bytes[..SNIFF_LEN].to_vec();
        first[10] = 0xEE;
        let mut c = Cached::new(file, bytes.len() as u64, &first);
        assert_eq!(read(&mut c, SeekFrom::Start(0), 30, 7), first[..30]);
        // Across the first block's end into a block read from the file.
        let across = read(&mut c, SeekFrom::Start(4000), 500, 64);
        assert_eq!(across, [&first[4000..], &bytes[SNIFF_LEN..4500]].concat());
        // The end: the block starts early enough to end with the file.
        assert_eq!(
            read(&mut c, SeekFrom::End(-22), 22, 22),
            bytes[100_000 - 22..]
        );
        assert_eq!(c.block_at, (100_000 - CACHE_BLOCK) as u64);
        assert_eq!(
            read(&mut c, SeekFrom::End(-3000), 3000, 100),
            bytes[97_000..]
        );
        // A large read goes straight to the file and stops at the size.
        assert_eq!(
            read(&mut c, SeekFrom::Start(50_000), 20_000, 20_000),
            bytes[50_000..70_000]
        );
        assert_eq!(
            read(&mut c, SeekFrom::End(-10), 10_000, 10_000),
            bytes[99_990..]
        );
        // Past the end: nothing.
        assert!(read(&mut c, SeekFrom::End(5), 10, 10).is_empty());
        assert!(c.seek(SeekFrom::Current(-1_000_000)).is_err());
    }

    #[test]
    fn the_cache_stops_at_the_size_it_was_given_and_at_a_shrunk_file() {
        let (f, bytes) = file_of(10_000);
        // Told 6,000 bytes: nothing past them is read, whatever the file holds.
        let mut c = Cached::new(f.as_file(), 6_000, &bytes[..SNIFF_LEN]);
        assert_eq!(
            read(&mut c, SeekFrom::Start(5_000), 4_000, 300),
            bytes[5_000..6_000]
        );
        assert_eq!(
            read(&mut c, SeekFrom::End(-100), 4_000, 20_000),
            bytes[5_900..6_000]
        );
        // Told 20,000 of a file of 10,000 (it shrank since): its real end, no error.
        let mut c = Cached::new(f.as_file(), 20_000, &bytes[..SNIFF_LEN]);
        assert_eq!(
            read(&mut c, SeekFrom::Start(9_000), 4_000, 100),
            bytes[9_000..]
        );
        assert!(read(&mut c, SeekFrom::End(-22), 22, 22).is_empty());
        // A file smaller than a block, wholly in the sniffer's bytes.
        let (small, bytes) = file_of(700);
        let mut c = Cached::new(small.as_file(), 700, &bytes);
        assert_eq!(read(&mut c, SeekFrom::End(-22), 22, 22), bytes[678..]);
        assert_eq!(read(&mut c, SeekFrom::Start(0), 700, 50), bytes);
    }
}
