//! Generates a practice-like tree of files with known truth, for the scanner's benchmark and for manual
//! tests: `vigie-fixtures DIR N` writes N files under DIR and prints how many of each kind.
//!
//! The mix: DICOM with preamble, without preamble, raw data sets, DICOMDIRs, zip and gzip of DICOM (the
//! templates are the project's test samples), JPEG/PNG/TIFF exports, PDF and office documents, random
//! blobs, text; plus, on Unix, a symbolic-link loop and unreadable files. Deterministic for a given N.

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
fn read_walk(root: &str) {
    use std::io::Read as _;
    use std::sync::atomic::{AtomicU64, Ordering};
    let count = AtomicU64::new(0);
    ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .hidden(false)
        .threads(vigie::scan::ScanOptions::default().threads)
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                if let Ok(e) = entry
                    && e.file_type().is_some_and(|t| t.is_file())
                    && let Ok(f) = std::fs::File::open(e.path())
                {
                    let mut buf = Vec::with_capacity(4096);
                    if f.take(4096).read_to_end(&mut buf).is_ok() {
                        count.fetch_add(1, Ordering::Relaxed);
                    }
                }
                ignore::WalkState::Continue
            })
        });
    println!("{}", count.load(Ordering::Relaxed));
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    if let Some(first) = std::env::args().nth(1)
        && first == "--read-walk"
    {
        let Some(root) = std::env::args().nth(2) else {
            eprintln!("usage: vigie-fixtures --read-walk DIR");
            std::process::exit(2);
        };
        read_walk(&root);
        return Ok(());
    }
    let (Some(dir), Some(n)) = (
        args.next(),
        args.next().and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: vigie-fixtures DIR N | vigie-fixtures --read-walk DIR");
        std::process::exit(2);
    };
    let root = PathBuf::from(dir);
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let zipped = zip_of(&[
        ("CR/0001.dcm", CT),
        ("CR/0002.dcm", MR),
        ("lisez-moi.txt", b"export PACS"),
    ])?;
    let gzipped = gzip_of(CT)?;
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
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
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::os::unix::fs::symlink(&root, root.join("u0/boucle"));
        let locked = root.join("u1/verrouille.dcm");
        write(&locked, CT)?;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000))?;
        *counts.entry("dicom (unreadable unless root)").or_default() += 1;
    }
    for (kind, count) in &counts {
        println!("{kind}\t{count}");
    }
    Ok(())
}
