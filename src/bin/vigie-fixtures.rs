//! Generates a practice-like tree of files with known truth, for the scanner's benchmark and for manual
//! tests: `vigie-fixtures [--small] DIR N` writes N files under DIR and prints how many of each kind.
//!
//! The default tree is **realistic** in sizes as well as kinds (per 1,000 files): 400 DICOM files (CT
//! and MR with and without preamble, pixel data log-uniform from 1 KB to 700 KB; one file in 5,000 a
//! multi-frame series of 10 to 40 MB; raw data sets, some starting with a command group, a private
//! group or an undefined-length sequence before group 0008, some after stray leading bytes; a DICOMDIR
//! now and then), 10 zips of whole studies (5 to 60 entries, stored or deflated, up to about 2 MB), 10
//! `.dcm.gz`, 200 JPEG/PNG/TIFF exports of 50 KB to 1.4 MB, 100 PDFs of 20 KB to 1 MB, 100 office files
//! (zip containers), 100 random blobs up to 1 MB, 80 small text files; folders both deep (seven levels)
//! and wide (a 2,000-file export folder). Sizes are log-uniform biased towards small ones (most files
//! small, a long tail), about 110 KB a file on average: 50,000 files make about 5 GB.
//!
//! `--small` keeps the earlier tree of small files (a few KB each, same kinds). Both add, on Unix, a
//! symbolic-link loop and an unreadable file. The DICOM templates are the project's test samples.
//! Deterministic for a given N.

#![expect(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line tool: its counts and errors are printed"
)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

static CT: &[u8] = include_bytes!("../../tests/data/dicom/pydicom/test_files/CT_small.dcm");
static MR: &[u8] = include_bytes!("../../tests/data/dicom/pydicom/test_files/MR_small.dcm");
static RAW: &[u8] =
    include_bytes!("../../tests/data/dicom/pydicom/test_files/ExplVR_LitEndNoMeta.dcm");
static RAW_BIG: &[u8] =
    include_bytes!("../../tests/data/dicom/pydicom/test_files/ExplVR_BigEndNoMeta.dcm");
static DICOMDIR: &[u8] =
    include_bytes!("../../tests/data/dicom/pydicom/test_files/dicomdirtests/DICOMDIR");

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// A size between `min` and `max`, log-uniform biased towards small sizes (the exponent is u²,
    /// u uniform): most files small, a long tail of large ones.
    fn log_size(&mut self, min: usize, max: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        let u = u * u;
        ((min as f64).ln() + u * ((max as f64).ln() - (min as f64).ln())).exp() as usize
    }
}

fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, bytes)
}

fn zip_of(entries: &[(&str, &[u8])]) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(*name, stored)
            .map_err(std::io::Error::other)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

fn gzip_of(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes)?;
    gz.finish()
}

/// The benchmark's floor: a parallel walk (the same walker, the same number of reads in flight as
/// `vigie scan`) that opens every file and reads its first 4 KiB, recognising nothing. Any scanner that
/// looks at content does at least this; prints the count read.
fn read_walk(root: &str, threads: usize) {
    use std::io::Read as _;
    use std::sync::atomic::{AtomicU64, Ordering};
    let count = AtomicU64::new(0);
    ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .hidden(false)
        .threads(threads)
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                if let Ok(e) = entry
                    && e.file_type().is_some_and(|t| t.is_file())
                    && let Ok(f) = std::fs::File::open(e.path())
                {
                    let mut buf = [0u8; 4096];
                    if f.take(4096).read(&mut buf).is_ok() {
                        count.fetch_add(1, Ordering::Relaxed);
                    }
                }
                ignore::WalkState::Continue
            })
        });
    println!("{}", count.load(Ordering::Relaxed));
}

fn zip_deflated(entries: &[(String, Vec<u8>)], deflate: bool) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), options)
            .map_err(std::io::Error::other)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

/// Where CT_small's pixel data element starts, and where its data set (after the file meta) starts.
const CT_PIXEL_AT: usize = 6288;
const MR_PIXEL_AT: usize = 1488;
const CT_DATASET_AT: usize = 336;

/// A Part 10 file from a template whose pixel data element starts at `pixel_at`, with `pixels` bytes of
/// pixel data taken from `pool` (an even length, as DICOM wants).
fn with_pixels(template: &[u8], pixel_at: usize, pixels: usize, pool: &[u8], at: usize) -> Vec<u8> {
    let pixels = pixels & !1;
    let mut out = Vec::with_capacity(pixel_at + 12 + pixels);
    out.extend_from_slice(&template[..pixel_at + 8]);
    out.extend_from_slice(&(pixels as u32).to_le_bytes());
    fill(&mut out, pixels, pool, at);
    out
}

/// Appends `n` bytes of `pool`, from `at` and wrapping around: cheap bytes that do not compress.
fn fill(out: &mut Vec<u8>, mut n: usize, pool: &[u8], at: usize) {
    let mut at = at % pool.len();
    while n > 0 {
        let take = n.min(pool.len() - at);
        out.extend_from_slice(&pool[at..at + take]);
        n -= take;
        at = 0;
    }
}

fn el(group: u16, element: u16, vr: &[u8; 2], value: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&group.to_le_bytes());
    out.extend_from_slice(&element.to_le_bytes());
    out.extend_from_slice(vr);
    out.extend_from_slice(&(value.len() as u16).to_le_bytes());
    out.extend_from_slice(value);
    out
}

/// Raw data sets (no file meta) made from CT_small's, in the shapes other readers miss: a command group
/// (0000) first, as in a network capture; group 0008 gone, so that a private group (0009) comes first;
/// an undefined-length sequence (0004,1220) before group 0008. `variant` picks one; `stray` bytes of
/// junk in front.
fn unusual_raw(variant: u64, stray: usize) -> Vec<u8> {
    let dataset = &CT[CT_DATASET_AT..CT_PIXEL_AT + 8];
    let mut out = vec![0xA5u8; stray];
    match variant % 3 {
        0 => {
            let sop = b"1.2.840.10008.5.1.4.1.1.2\0";
            let body = [
                el(0x0000, 0x0002, b"UI", sop),
                el(0x0000, 0x0100, b"US", &1u16.to_le_bytes()),
                el(0x0000, 0x0110, b"US", &7u16.to_le_bytes()),
                el(0x0000, 0x0700, b"US", &0u16.to_le_bytes()),
                el(0x0000, 0x0800, b"US", &0u16.to_le_bytes()),
            ]
            .concat();
            out.extend(el(
                0x0000,
                0x0000,
                b"UL",
                &(body.len() as u32).to_le_bytes(),
            ));
            out.extend(body);
            out.extend_from_slice(dataset);
        }
        1 => {
            // Past group 0008: from the first element of group 0009.
            let at = dataset
                .windows(4)
                .position(|w| w == [0x09, 0x00, 0x10, 0x00])
                .unwrap_or(0);
            out.extend_from_slice(&dataset[at..]);
        }
        _ => {
            out.extend_from_slice(&[0x04, 0x00, 0x20, 0x12]);
            out.extend_from_slice(b"SQ\0\0");
            out.extend_from_slice(&u32::MAX.to_le_bytes());
            out.extend_from_slice(&[0xFE, 0xFF, 0x00, 0xE0]);
            out.extend_from_slice(&u32::MAX.to_le_bytes());
            out.extend(el(0x0004, 0x1430, b"CS", b"IMAGE "));
            out.extend(el(0x0004, 0x1500, b"CS", b"IM0001"));
            out.extend_from_slice(&[0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0]);
            out.extend_from_slice(&[0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0]);
            out.extend_from_slice(dataset);
        }
    }
    // The pixel data's length as CT_small has it (32 KiB), then those bytes.
    out.extend_from_slice(&CT[CT_PIXEL_AT + 8..]);
    out
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--read-walk") {
        let Some(root) = args.get(1) else {
            eprintln!("usage: vigie-fixtures --read-walk DIR [THREADS]");
            std::process::exit(2);
        };
        let threads = args
            .get(2)
            .and_then(|t| t.parse().ok())
            .unwrap_or_else(|| vigie::scan::ScanOptions::default().threads);
        read_walk(root, threads);
        return Ok(());
    }
    let small = args.first().map(String::as_str) == Some("--small");
    let rest = &args[usize::from(small)..];
    let (Some(dir), Some(n)) = (
        rest.first(),
        rest.get(1).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!(
            "usage: vigie-fixtures [--small] DIR N | vigie-fixtures --read-walk DIR [THREADS]"
        );
        std::process::exit(2);
    };
    let root = PathBuf::from(dir);
    let counts = if small {
        small_tree(&root, n)?
    } else {
        realistic_tree(&root, n)?
    };
    #[cfg(unix)]
    let counts = {
        let mut counts = counts;
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::create_dir_all(root.join("u0"))?;
        let _ = std::os::unix::fs::symlink(&root, root.join("u0/boucle"));
        let locked = root.join("u1/verrouille.dcm");
        write(&locked, CT)?;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000))?;
        *counts.entry("dicom (unreadable unless root)").or_default() += 1;
        counts
    };
    for (kind, count) in &counts {
        println!("{kind}\t{count}");
    }
    Ok(())
}

type Counts = std::collections::BTreeMap<&'static str, usize>;

/// The realistic tree (see the module's documentation).
fn realistic_tree(root: &Path, n: usize) -> std::io::Result<Counts> {
    let mut rng = Rng(0x5EED_1234_ABCD_0002);
    // 4 MiB of random bytes: every large body is a slice of it, from a random offset.
    let pool = rng.bytes(4 << 20);
    let mut counts = Counts::new();
    let mut wide = 0usize;
    for i in 0..n {
        // Practitioner, year, patient, exam, series: seven levels deep; one file in 25 goes to a wide
        // export folder of up to 2,000 files.
        let dir = if rng.below(25) == 0 {
            wide += 1;
            root.join(format!("partage/export-pacs-{}", wide / 2000))
        } else {
            let exam = i / 40;
            root.join(format!(
                "dr{}/{}/patient-{:04}/examen-{exam:05}/serie-{}/{}",
                exam % 3,
                2018 + exam % 8,
                exam / 3,
                i % 3,
                if i % 2 == 0 { "images" } else { "docs" }
            ))
        };
        let at = rng.below(pool.len() as u64) as usize;
        let r = rng.below(1000);
        let (kind, name, bytes): (&'static str, String, Vec<u8>) = match r {
            0..=239 => {
                let pixels = rng.log_size(1_000, 700_000);
                let (template, pixel_at) = if r < 180 {
                    (CT, CT_PIXEL_AT)
                } else {
                    (MR, MR_PIXEL_AT)
                };
                let pixels = if rng.below(5000) < 5 {
                    10_000_000 + rng.below(30_000_000) as usize
                } else {
                    pixels
                };
                let file = with_pixels(template, pixel_at, pixels, &pool, at);
                if r.is_multiple_of(4) {
                    ("dicom", format!("IM{i:06}"), file[128..].to_vec())
                } else {
                    ("dicom", format!("IM{i:06}.dcm"), file)
                }
            }
            240..=339 => {
                let file = with_pixels(CT, CT_PIXEL_AT, rng.log_size(1_000, 300_000), &pool, at);
                ("dicom", format!("{i:08}"), file)
            }
            340..=369 => {
                let bytes = if r.is_multiple_of(2) { RAW } else { RAW_BIG };
                ("dicom", format!("raw-{i}.bin"), bytes.to_vec())
            }
            370..=394 => {
                // A raw data set in an unusual shape; one in two after stray bytes.
                let stray = if r.is_multiple_of(2) {
                    0
                } else {
                    1 + (r as usize % 16)
                };
                ("dicom", format!("capture-{i}.raw"), unusual_raw(r, stray))
            }
            395 if i % 5 == 0 => ("dicomdir", "DICOMDIR".to_owned(), DICOMDIR.to_vec()),
            396..=405 => {
                // A whole study: 5 to 60 small images and a report, about 2 MB at most.
                let entries = 5 + rng.below(56) as usize;
                let mut files = vec![("compte-rendu.txt".to_owned(), b"Examen.\n".to_vec())];
                for e in 0..entries {
                    let px = rng.log_size(2_000, 30_000);
                    files.push((
                        format!("DICOM/SE{}/IM{e:04}", e % 3),
                        with_pixels(CT, CT_PIXEL_AT, px, &pool, at + e * 7919),
                    ));
                }
                (
                    "zip_dicom",
                    format!("etude-{i}.zip"),
                    zip_deflated(&files, r.is_multiple_of(2))?,
                )
            }
            406..=415 => {
                let file = with_pixels(MR, MR_PIXEL_AT, rng.log_size(1_000, 500_000), &pool, at);
                ("gzip_dicom", format!("IM{i:06}.dcm.gz"), gzip_of(&file)?)
            }
            416..=615 => {
                let size = rng.log_size(50_000, 1_400_000);
                let (magic, ext): (&[u8], &str) = match r % 3 {
                    0 => (b"\xFF\xD8\xFF\xE0\0\x10JFIF\0", "jpg"),
                    1 => (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "png"),
                    _ => (b"II*\0\x08\0\0\0", "tif"),
                };
                let mut b = magic.to_vec();
                fill(&mut b, size, &pool, at);
                ("image_export", format!("export-{i}.{ext}"), b)
            }
            616..=715 => {
                let mut b = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
                fill(&mut b, rng.log_size(20_000, 1_000_000), &pool, at);
                ("other", format!("courrier-{i}.pdf"), b)
            }
            716..=815 => {
                let mut body = Vec::new();
                fill(&mut body, rng.log_size(10_000, 500_000), &pool, at);
                let files = [
                    ("[Content_Types].xml".to_owned(), b"<Types/>".to_vec()),
                    ("word/document.xml".to_owned(), b"<w:document/>".to_vec()),
                    ("word/media/image1.png".to_owned(), body),
                ];
                (
                    "other",
                    format!("compte-rendu-{i}.docx"),
                    zip_deflated(&files, false)?,
                )
            }
            816..=915 => {
                let mut b = Vec::new();
                fill(&mut b, rng.log_size(1_000, 1_000_000), &pool, at);
                ("other", format!("sauvegarde-{i}.bin"), b)
            }
            _ => (
                "other",
                format!("notes-{i}.txt"),
                "Consultation du jour, rien à signaler.\n"
                    .repeat(1 + rng.below(200) as usize)
                    .into_bytes(),
            ),
        };
        write(&dir.join(name), &bytes)?;
        *counts.entry(kind).or_default() += 1;
    }
    Ok(counts)
}

/// The earlier benchmark tree: small files (a few KB each) of the same kinds.
fn small_tree(root: &Path, n: usize) -> std::io::Result<Counts> {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let zipped = zip_of(&[
        ("CR/0001.dcm", CT),
        ("CR/0002.dcm", MR),
        ("lisez-moi.txt", b"export PACS"),
    ])?;
    let gzipped = gzip_of(CT)?;
    let mut counts = Counts::new();
    for i in 0..n {
        // A practice's tree: users, years, then exam folders of about 50 files each.
        let exam = i / 50;
        let dir = root.join(format!(
            "u{}/{}/examen-{exam:05}",
            exam % 3,
            2019 + exam % 7
        ));
        let (kind, name, bytes): (&str, String, Vec<u8>) = match i % 40 {
            0 | 1 => ("dicom", format!("IM{i:06}"), CT.to_vec()),
            2 => ("dicom", format!("IM{i:06}.dcm"), MR.to_vec()),
            3 => ("dicom", format!("sans-preambule-{i}"), CT[128..].to_vec()),
            4 => ("dicom", format!("raw-{i}.bin"), RAW.to_vec()),
            5 if i % 400 == 5 => ("dicomdir", "DICOMDIR".to_owned(), DICOMDIR.to_vec()),
            6 if i % 200 == 6 => ("zip_dicom", format!("envoi-{i}.zip"), zipped.clone()),
            7 if i % 200 == 7 => ("gzip_dicom", format!("serie-{i}.gz"), gzipped.clone()),
            8 | 9 => {
                let mut b = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0".to_vec();
                b.extend(rng.bytes(3000));
                ("image_export", format!("capture-{i}.jpg"), b)
            }
            10 => (
                "image_export",
                format!("export-{i}.png"),
                [b"\x89PNG\r\n\x1a\n".as_slice(), &rng.bytes(2000)].concat(),
            ),
            11 => (
                "image_export",
                format!("scan-{i}.tif"),
                [b"II*\0".as_slice(), &rng.bytes(2000)].concat(),
            ),
            12..=15 => (
                "other",
                format!("courrier-{i}.pdf"),
                [b"%PDF-1.7\n".as_slice(), &rng.bytes(4000)].concat(),
            ),
            16..=19 => (
                "other",
                format!("compte-rendu-{i}.docx"),
                zip_of(&[("word/document.xml", b"<w:document/>")])?,
            ),
            20..=27 => {
                let len = 200 + (rng.next() % 16_000) as usize;
                ("other", format!("blob-{i}.dat"), rng.bytes(len))
            }
            _ => (
                "other",
                format!("notes-{i}.txt"),
                "Consultation du jour, rien à signaler.\n"
                    .repeat(1 + i % 30)
                    .into_bytes(),
            ),
        };
        write(&dir.join(name), &bytes)?;
        *counts.entry(kind).or_default() += 1;
    }
    Ok(counts)
}
