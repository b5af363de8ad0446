//! The scanner on files it does not control, built the way an attacker or a damaged disk would make
//! them: no crash, no hang, bounded memory, and never a patient's name in any output.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use vigie::scan::{self, Finding, Kind, Risk, ScanOptions};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dicom")
}

fn ct_small() -> Vec<u8> {
    std::fs::read(samples().join("pydicom/test_files/CT_small.dcm")).expect("CT_small")
}

/// `CT_small`'s patient: its name and ID must never come out of Vigie.
const CT_PATIENT: [&str; 3] = ["CompressedSamples", "CT1", "1CT1"];

/// Runs `f` on a thread, failing the test if it has not finished within `limit` (a hang is a failure,
/// not a stuck CI); `cancel` is raised for a scan left running.
fn within<T: Send + 'static>(
    limit: Duration,
    cancel: Option<std::sync::Arc<AtomicBool>>,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    if let Ok(v) = rx.recv_timeout(limit) {
        v
    } else {
        if let Some(c) = cancel {
            c.store(true, Ordering::Relaxed);
        }
        panic!("did not finish within {limit:?}");
    }
}

fn classify_within(path: &Path) -> Option<Finding> {
    let path = path.to_path_buf();
    within(Duration::from_mins(1), None, move || {
        scan::classify(&path).expect("classify")
    })
}

// ---- Building DICOM by hand -------------------------------------------------------------------------

/// An explicit VR little endian element with a short (2-byte) length.
fn el(group: u16, element: u16, vr: &[u8; 2], value: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&group.to_le_bytes());
    out.extend_from_slice(&element.to_le_bytes());
    out.extend_from_slice(vr);
    out.extend_from_slice(&(value.len() as u16).to_le_bytes());
    out.extend_from_slice(value);
    out
}

/// An explicit VR little endian element with a long VR and the 4-byte length `len` (which may lie).
fn el_long(group: u16, element: u16, vr: &[u8; 2], len: u32, value: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&group.to_le_bytes());
    out.extend_from_slice(&element.to_le_bytes());
    out.extend_from_slice(vr);
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(value);
    out
}

/// An implicit VR little endian element with the length `len` (which may lie).
fn el_implicit(group: u16, element: u16, len: u32, value: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&group.to_le_bytes());
    out.extend_from_slice(&element.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(value);
    out
}

/// An item header (FFFE,E000) with the length `len` (which may lie).
fn item(len: u32) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF, 0x00, 0xE0];
    out.extend_from_slice(&len.to_le_bytes());
    out
}

/// A Part 10 file: preamble, DICM, a complete file meta for a CT image in `ts`, then `dataset`.
fn part10(ts: &str, dataset: &[u8]) -> Vec<u8> {
    let uid = |s: &str| {
        let mut v = s.as_bytes().to_vec();
        if v.len() % 2 == 1 {
            v.push(0);
        }
        v
    };
    let mut meta = Vec::new();
    meta.extend(el_long(0x0002, 0x0001, b"OB", 2, &[0, 1]));
    meta.extend(el(0x0002, 0x0002, b"UI", &uid("1.2.840.10008.5.1.4.1.1.2")));
    meta.extend(el(
        0x0002,
        0x0003,
        b"UI",
        &uid("1.2.826.0.1.3680043.2.1125.1"),
    ));
    meta.extend(el(0x0002, 0x0010, b"UI", &uid(ts)));
    meta.extend(el(
        0x0002,
        0x0012,
        b"UI",
        &uid("1.2.826.0.1.3680043.2.1125"),
    ));
    let mut out = vec![0u8; 128];
    out.extend_from_slice(b"DICM");
    out.extend(el(
        0x0002,
        0x0000,
        b"UL",
        &(meta.len() as u32).to_le_bytes(),
    ));
    out.extend(meta);
    out.extend_from_slice(dataset);
    out
}

const EXPLICIT_LE: &str = "1.2.840.10008.1.2.1";
const IMPLICIT_LE: &str = "1.2.840.10008.1.2";

/// The first bytes of a data set that names a patient, explicit VR little endian.
fn explicit_start() -> Vec<u8> {
    let mut d = Vec::new();
    d.extend(el(0x0008, 0x0005, b"CS", b"ISO_IR 100"));
    d.extend(el(0x0008, 0x0016, b"UI", b"1.2.840.10008.5.1.4.1.1.2\0"));
    d.extend(el(0x0008, 0x0060, b"CS", b"CT"));
    d
}

/// Where the element (group, element) starts in an explicit VR little endian file, found by its tag
/// and VR.
fn find(bytes: &[u8], group: u16, element: u16, vr: &[u8; 2]) -> usize {
    let mut needle = group.to_le_bytes().to_vec();
    needle.extend_from_slice(&element.to_le_bytes());
    needle.extend_from_slice(vr);
    bytes
        .windows(needle.len())
        .position(|w| w == needle.as_slice())
        .unwrap_or_else(|| panic!("({group:04X},{element:04X}) not found"))
}

/// `CT_small` with the short-length element (group, element, vr) lengthened so that its value swallows
/// every element after it up to the first of group 0018: the patient's name, ID and birth date end up
/// inside it.
fn swallowing(group: u16, element: u16, vr: &[u8; 2]) -> Vec<u8> {
    let mut bytes = ct_small();
    let at = find(&bytes, group, element, vr);
    let next_group = find(&bytes, 0x0018, 0x0010, b"LO"); // ContrastBolusAgent, the first of group 0018
    let len = u16::try_from(next_group - (at + 8)).expect("fits a short length");
    bytes[at + 6..at + 8].copy_from_slice(&len.to_le_bytes());
    bytes
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

/// Every rendering of `findings` a user or a file can get: the CLI's text, JSON and CSV, the scan
/// record kept in the vault, and the scan PDF.
fn every_output(findings: &[Finding]) -> Vec<(&'static str, String)> {
    use vigie::present::scan as output;
    let summary = scan::Summary {
        files_seen: findings.len() as u64,
        ..Default::default()
    };
    let mut text = Vec::new();
    output::text(&mut text, vigie::i18n::Lang::Fr, &summary, findings, &[]).expect("text");
    let mut json = Vec::new();
    output::json(&mut json, &summary, findings, &[]).expect("json");
    let mut csv = Vec::new();
    output::csv(&mut csv, findings, output::CsvDialect::Standard).expect("csv");
    let record = scan::record::ScanRecord::new(
        jiff::Timestamp::now(),
        &[PathBuf::from("/scan")],
        summary,
        findings.to_vec(),
        Vec::new(),
    );
    let ron = ron::to_string(&record).expect("record");
    let mut contents = vigie::demo::demo_contents();
    contents.scans.push(record);
    // The full list: the one that prints paths.
    let full = vigie::report::scan::Detail::FullList;
    let pdf = vigie::report::scan::scan_pdf(&contents, vigie::i18n::Lang::Fr, full)
        .expect("a scan")
        .expect("pdf");
    let doc = lopdf::Document::load_mem(&pdf).expect("pdf parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let pdf_text = doc.extract_text(&pages).expect("pdf text");
    vec![
        ("text", String::from_utf8_lossy(&text).into_owned()),
        ("json", String::from_utf8_lossy(&json).into_owned()),
        ("csv", String::from_utf8_lossy(&csv).into_owned()),
        ("vault record", ron),
        ("pdf", pdf_text),
    ]
}

fn assert_no_name(findings: &[Finding], names: &[&str]) {
    for (what, out) in every_output(findings) {
        for name in names {
            assert!(!out.contains(name), "{what} shows {name:?}");
        }
    }
}

// ---- The cases --------------------------------------------------------------------------------------

/// A `StudyDate` or Modality whose length runs over the elements after it: the patient's name would be
/// printed as the study date, the name flag read false and the risk drop. The header is unreadable
/// instead: high risk, no value kept, the name nowhere.
#[test]
fn a_value_too_long_for_its_vr_never_shows_what_it_swallowed() {
    let dir = crate::common::temp_dir();
    let date = write(dir.path(), "date.dcm", &swallowing(0x0008, 0x0020, b"DA"));
    let modality = write(
        dir.path(),
        "modality.dcm",
        &swallowing(0x0008, 0x0060, b"CS"),
    );
    let mut findings = Vec::new();
    for p in [date, modality] {
        let f = classify_within(&p).expect("still a DICOM finding");
        assert!(matches!(f.kind, Kind::Dicom { .. }), "{:?}", f.kind);
        assert!(f.header_unreadable, "{}: header unreadable", p.display());
        assert_eq!(f.risk, Risk::High, "{}", p.display());
        assert_eq!(f.study_date, None);
        assert_eq!(f.modality, None);
        findings.push(f);
    }
    assert_no_name(&findings, &CT_PATIENT);
}

/// Lengths that lie — gigabytes announced inside a file of a few hundred bytes, in explicit and
/// implicit VR, in a sequence, in a raw data set — make the header unreadable, never an allocation of
/// that size.
#[test]
fn lying_lengths_are_refused_without_allocating_them() {
    let dir = crate::common::temp_dir();
    let mut files = Vec::new();

    // In a sequence and an item of undefined length (which a walk that stops at undefined lengths never
    // checks), a value announcing 2 GB.
    let mut d = explicit_start();
    d.extend(el_long(0x0008, 0x1110, b"SQ", u32::MAX, &item(u32::MAX)));
    d.extend(el_long(0x0008, 0x1150, b"UN", 0x7FFF_FFF0, &[0u8; 64]));
    files.push(write(
        dir.path(),
        "sequence-explicit.dcm",
        &part10(EXPLICIT_LE, &d),
    ));

    let mut d = explicit_start();
    d.extend(el_long(0x0009, 0x1000, b"OB", 0x7FFF_FFF0, &[0u8; 64]));
    files.push(write(
        dir.path(),
        "private-explicit.dcm",
        &part10(EXPLICIT_LE, &d),
    ));

    // The same in implicit VR, announcing 4 GB.
    let mut d = Vec::new();
    d.extend(el_implicit(0x0008, 0x0005, 10, b"ISO_IR 100"));
    d.extend(el_implicit(0x0008, 0x0060, 2, b"CT"));
    d.extend(el_implicit(0x0008, 0x1110, u32::MAX, &item(u32::MAX)));
    d.extend(el_implicit(0x0008, 0x1150, 0xFFFF_FFF0, &[0u8; 16]));
    let implicit = part10(IMPLICIT_LE, &d);
    assert!(
        implicit.len() < 400,
        "a few hundred bytes: {}",
        implicit.len()
    );
    files.push(write(dir.path(), "sequence-implicit.dcm", &implicit));

    // And in a raw data set, no file meta.
    let mut d = Vec::new();
    d.extend(el_implicit(0x0008, 0x0005, 10, b"ISO_IR 100"));
    d.extend(el_implicit(
        0x0008,
        0x0016,
        26,
        b"1.2.840.10008.5.1.4.1.1.2\0",
    ));
    d.extend(el_implicit(0x0008, 0x0018, 8, b"1.2.3.4\0"));
    d.extend(el_implicit(0x0008, 0x0060, 2, b"CT"));
    d.extend(el_implicit(0x0008, 0x1110, u32::MAX, &item(u32::MAX)));
    d.extend(el_implicit(0x0008, 0x1150, 0xFFFF_FFF0, &[0u8; 64]));
    files.push(write(dir.path(), "raw-implicit", &d));

    for p in &files {
        let f = classify_within(p).unwrap_or_else(|| panic!("{} is DICOM", p.display()));
        assert!(f.header_unreadable, "{}", p.display());
        assert_eq!(f.risk, Risk::High);
    }
    #[cfg(target_os = "linux")]
    cli_under_memory_cap(dir.path(), 400, files.len());
}

/// A gzip and a zip that start like DICOM and inflate to 512 MiB: at most the header budget is
/// inflated.
#[test]
fn archives_that_inflate_to_hundreds_of_megabytes_are_read_within_the_budget() {
    let dir = crate::common::temp_dir();
    let mut d = explicit_start();
    let huge = 512 * 1024 * 1024u32;
    d.extend(el_long(0x0009, 0x1000, b"OB", huge, &[]));
    let head = part10(EXPLICIT_LE, &d);
    let zeros = vec![0u8; 1024 * 1024];

    let gz_path = dir.path().join("envoi.dcm.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz_path).expect("gz"),
        flate2::Compression::fast(),
    );
    gz.write_all(&head).expect("gz");
    for _ in 0..512 {
        gz.write_all(&zeros).expect("gz");
    }
    gz.finish().expect("gz");

    let zip_path = dir.path().join("envoi.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).expect("zip"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    zip.start_file("IMG0001.dcm", options).expect("entry");
    zip.write_all(&head).expect("zip");
    for _ in 0..512 {
        zip.write_all(&zeros).expect("zip");
    }
    zip.finish().expect("zip");

    let gz = classify_within(&gz_path).expect("gzip of DICOM");
    assert_eq!(gz.kind, Kind::GzipDicom);
    assert!(gz.header_unreadable);
    let zip = classify_within(&zip_path).expect("zip of DICOM");
    assert!(
        matches!(zip.kind, Kind::ZipDicom { dicom_entries: 1 }),
        "{:?}",
        zip.kind
    );
    assert!(zip.header_unreadable);
    #[cfg(target_os = "linux")]
    cli_under_memory_cap(dir.path(), 400, 2);
}

/// A sparse file whose header announces a 2 GB value (and really is that long): read within the
/// budget, quickly.
#[test]
fn a_sparse_file_announcing_gigabytes_is_read_within_the_budget() {
    let dir = crate::common::temp_dir();
    let mut d = explicit_start();
    let two_gb = 2u32 * 1024 * 1024 * 1024 - 64;
    d.extend(el_long(0x0009, 0x1000, b"OB", two_gb, &[]));
    let path = write(dir.path(), "sparse.dcm", &part10(EXPLICIT_LE, &d));
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    let len = f.metadata().expect("meta").len();
    f.set_len(len + u64::from(two_gb)).expect("sparse");
    drop(f);
    let finding = classify_within(&path).expect("DICOM");
    assert!(finding.header_unreadable);
    assert_eq!(finding.risk, Risk::High);
    #[cfg(target_os = "linux")]
    cli_under_memory_cap(dir.path(), 400, 1);
}

/// A FIFO where a file was listed: opened without blocking, and skipped.
#[cfg(unix)]
#[test]
fn a_fifo_is_never_waited_on() {
    let dir = crate::common::temp_dir();
    let fifo = dir.path().join("IM0001.dcm");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this system
    }
    assert_eq!(classify_within(&fifo), None);
}

/// With `--follow-symlinks`, 31 folders each linking twice to the next: no loop, but 2³⁰ paths. Each
/// folder is walked once.
#[cfg(unix)]
#[test]
fn a_maze_of_links_walks_each_folder_once() {
    let dir = crate::common::temp_dir();
    let levels = 31;
    for i in 0..levels {
        let d = dir.path().join(format!("d{i}"));
        std::fs::create_dir(&d).expect("mkdir");
        std::fs::write(d.join("notes.txt"), b"rien").expect("write");
    }
    for i in 0..levels - 1 {
        let d = dir.path().join(format!("d{i}"));
        let next = dir.path().join(format!("d{}", i + 1));
        std::os::unix::fs::symlink(&next, d.join("a")).expect("link");
        std::os::unix::fs::symlink(&next, d.join("b")).expect("link");
    }
    let root = dir.path().join("d0");
    let cancel = std::sync::Arc::new(AtomicBool::new(false));
    let scan_cancel = std::sync::Arc::clone(&cancel);
    let summary = within(Duration::from_mins(2), Some(cancel), move || {
        let options = ScanOptions {
            follow_symlinks: true,
            ..ScanOptions::default()
        };
        scan::scan(&[root], &options, &scan_cancel, &|_| {})
    });
    assert!(!summary.cancelled);
    assert_eq!(summary.files_seen, levels as u64, "{summary:?}");
}

#[test]
fn the_number_of_reads_at_once_is_bounded() {
    let dir = crate::common::temp_dir();
    let run = |threads: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
            .args(["--lang", "fr", "scan", "--threads", threads])
            .arg(dir.path())
            .env("VIGIE_DATA_DIR", dir.path())
            .output()
            .expect("run")
    };
    for bad in ["0", "257", "5000", "99999999999999999999999"] {
        let o = run(bad);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "--threads {bad}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("--threads"), "{err}");
    }
    for good in ["1", "256"] {
        let o = run(good);
        assert_eq!(o.status.code(), Some(0), "--threads {good}");
    }
}

/// The scan through the built program with its address space capped at `mib` MiB: it finishes, lists
/// `expected` findings, and does not crash (a read sized by a lying length would abort it).
#[cfg(target_os = "linux")]
fn cli_under_memory_cap(dir: &Path, mib: u64, expected: usize) {
    let script = format!(
        "ulimit -v {}; exec '{}' --lang fr scan --format json --threads 2 '{}'",
        mib * 1024,
        env!("CARGO_BIN_EXE_vigie"),
        dir.display()
    );
    let o = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("VIGIE_DATA_DIR", dir)
        // One malloc arena per thread reserves 64 MiB of address space each: keep them few, so that
        // the cap measures what is used.
        .env("MALLOC_ARENA_MAX", "2")
        .output()
        .expect("sh");
    assert_eq!(
        o.status.code(),
        Some(0),
        "under {mib} MiB: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        json["findings"].as_array().map(Vec::len),
        Some(expected),
        "{json}"
    );
}

// ---- Mutants -----------------------------------------------------------------------------------------

/// A small deterministic generator (xorshift64*), so that every run tries the same mutants.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The samples mutated, and every name or ID they carry (from the manifest, as pydicom read them).
const MUTATED: [&str; 8] = [
    "pydicom/test_files/CT_small.dcm",
    "pydicom/test_files/MR_small.dcm",
    "pydicom/test_files/ExplVR_BigEnd.dcm",
    "pydicom/test_files/badVR.dcm",
    "pydicom/test_files/rtstruct.dcm",
    "pydicom/test_files/no_meta.dcm",
    "pydicom/charset_files/chrFren.dcm",
    "pydicom/charset_files/chrH31.dcm",
];
const NAMES: [&str; 14] = [
    "CompressedSamples",
    "1CT1",
    "4MR1",
    "Lastname",
    "Firstname",
    "id11111",
    "Phantom30sep",
    "Buc^J",
    "SCSFREN",
    "Yamada",
    "山田",
    "やまだ",
    "H31EXAMPLE",
    "19691231",
];

/// Number of mutants: enough to reach the corners of the header reader, few enough for CI (about two
/// seconds on the host, a little more under Wine).
const MUTANTS: usize = 3000;
/// The seed: fixed, so a failure is reproduced by running the test again.
const SEED: u64 = 0x005E_ED0F_DC0A;

/// The first 16 KiB of each mutated sample (the header is all that matters).
fn mutated_originals() -> Vec<Vec<u8>> {
    MUTATED
        .iter()
        .map(|f| {
            let mut b = std::fs::read(samples().join(f)).expect("sample");
            b.truncate(16 * 1024);
            b
        })
        .collect()
}

/// One seeded mutant of one of `originals`: bytes overwritten, lengths replaced by lies, cuts, repeated
/// or removed slices.
fn mutant(rng: &mut Rng, originals: &[Vec<u8>]) -> Vec<u8> {
    let lies = [0u32, 1, 7, 0xFF, 0xFFFF, 0x7FFF_FFF0, 0xFFFF_FFF0, u32::MAX];
    let mut m = originals[rng.below(originals.len())].clone();
    for _ in 0..=rng.below(4) {
        if m.len() < 16 {
            break;
        }
        match rng.below(5) {
            0 => {
                let at = rng.below(m.len());
                m[at] = rng.next() as u8;
            }
            1 => {
                // A length field: 2 or 4 bytes somewhere in the header, replaced by a lie.
                let at = rng.below(m.len() - 4);
                let lie = lies[rng.below(lies.len())];
                if rng.below(2) == 0 {
                    m[at..at + 4].copy_from_slice(&lie.to_le_bytes());
                } else {
                    m[at..at + 2].copy_from_slice(&(lie as u16).to_le_bytes());
                }
            }
            2 => {
                let cut = rng.below(m.len());
                m.truncate(cut.max(8));
            }
            3 => {
                let from = rng.below(m.len());
                let to = (from + 1 + rng.below(64)).min(m.len());
                let slice = m[from..to].to_vec();
                let at = rng.below(m.len());
                m.splice(at..at, slice);
            }
            _ => {
                let at = rng.below(m.len());
                let n = (1 + rng.below(32)).min(m.len() - at);
                m.drain(at..at + n);
            }
        }
    }
    m
}

/// What the first 256 bytes decide (how far a zip entry is inflated) never contradicts the sniffer on
/// the first 4 KiB: on every sample, tens of thousands of mutants (also shifted by stray bytes, the raw
/// data set's form), text, XML and random bytes.
#[test]
fn the_prefix_decision_agrees_with_the_full_sniff() {
    use vigie::scan::sniff::{PREFIX_LEN, SNIFF_LEN, dicom_by_prefix, is_dicom, sniff};
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    let mut folders = vec![samples()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).expect("samples").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                inputs.push(std::fs::read(path).expect("sample"));
            }
        }
    }
    let originals = mutated_originals();
    let mut rng = Rng(SEED ^ 0x000F_F5E7);
    for _ in 0..20_000 {
        let mut m = mutant(&mut rng, &originals);
        // The raw data set's forms: the file meta cut off, with or without stray bytes in front.
        if rng.below(3) == 0 {
            let cut = (132 + rng.below(400)).min(m.len());
            let mut raw = vec![0x20; rng.below(4)];
            raw.extend_from_slice(&m[cut..]);
            m = raw;
        }
        inputs.push(m);
    }
    inputs.push(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document/>".repeat(50));
    inputs.push(b"Compte rendu : patient vu ce jour.\n".repeat(200));
    for _ in 0..200 {
        inputs.push((0..5000).map(|_| rng.next() as u8).collect());
    }
    let mut decided = 0;
    for (i, bytes) in inputs.iter().enumerate() {
        let len = bytes.len() as u64;
        let head = &bytes[..bytes.len().min(SNIFF_LEN)];
        let prefix = &bytes[..bytes.len().min(PREFIX_LEN)];
        if let Some(verdict) = dicom_by_prefix(prefix, len) {
            decided += 1;
            assert_eq!(
                verdict,
                is_dicom(sniff(head, len)),
                "input {i}: the prefix says {verdict}, the sniffer {:?}",
                sniff(head, len)
            );
        }
    }
    assert!(
        decided > inputs.len() / 2,
        "most are decided early: {decided} of {}",
        inputs.len()
    );
}

/// Seeded mutants of real samples (bytes overwritten, lengths replaced by lies, cuts, repeated slices):
/// the scan of all of them ends, nothing crashes, every kept value fits its VR, and no output holds a
/// name or an ID of the samples.
#[test]
fn thousands_of_mutants_never_crash_hang_or_leak_a_name() {
    let dir = crate::common::temp_dir();
    let originals = mutated_originals();
    let mut rng = Rng(SEED);
    for i in 0..MUTANTS {
        let m = mutant(&mut rng, &originals);
        std::fs::write(dir.path().join(format!("m{i:05}.dcm")), &m).expect("write");
    }

    let root = dir.path().to_path_buf();
    let cancel = std::sync::Arc::new(AtomicBool::new(false));
    let scan_cancel = std::sync::Arc::clone(&cancel);
    let (summary, findings) = within(Duration::from_mins(5), Some(cancel), move || {
        let found = std::sync::Mutex::new(Vec::new());
        let summary = scan::scan(&[root], &ScanOptions::default(), &scan_cancel, &|e| {
            if let scan::Event::Finding(f) = e
                && let Ok(mut v) = found.lock()
            {
                v.push(f);
            }
        });
        (summary, found.into_inner().unwrap_or_default())
    });
    assert_eq!(summary.files_seen as usize, MUTANTS);
    assert!(
        findings.len() > MUTANTS / 2,
        "most mutants are still found: {}",
        findings.len()
    );
    for f in &findings {
        if let Some(m) = &f.modality {
            assert!(scan::dicom::valid_modality(m), "{m:?}");
        }
        if let Some(d) = &f.study_date {
            assert!(scan::dicom::valid_study_date(d), "{d:?}");
        }
    }
    assert_no_name(&findings, &NAMES);
    #[cfg(target_os = "linux")]
    cli_under_memory_cap(dir.path(), 600, findings.len());
}

/// `file` as the one entry of a zip written at `path`, compressed by `method`, classified.
fn classify_in_a_zip(path: &Path, file: &[u8], method: zip::CompressionMethod) -> Finding {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).expect("zip"));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    zip.start_file("DICOM/IM0001", options).expect("entry");
    zip.write_all(file).expect("write");
    zip.finish().expect("finish");
    classify_within(path).expect("zip of DICOM")
}

/// A zip entry's header is read on from its first bytes as far as it goes: whether the part read ends
/// within the first inflated bytes, after 2 KiB, after 16 KiB or after 128 KiB (a long private value
/// before the patient's group), stored or deflated, the entry's facts are those of the same file read
/// on its own.
#[test]
fn a_zip_entrys_header_is_read_as_far_as_it_goes() {
    let dir = crate::common::temp_dir();
    for (i, private) in [0usize, 1_500, 10_000, 100_000, 600_000]
        .into_iter()
        .enumerate()
    {
        let mut d = Vec::new();
        d.extend(el(0x0008, 0x0005, b"CS", b"ISO_IR 100"));
        d.extend(el(0x0008, 0x0016, b"UI", b"1.2.840.10008.5.1.4.1.1.2\0"));
        d.extend(el(0x0008, 0x0020, b"DA", b"20240115"));
        d.extend(el(0x0008, 0x0060, b"CS", b"CT"));
        if private > 0 {
            let len = u32::try_from(private).expect("length");
            d.extend(el_long(0x0009, 0x1000, b"OB", len, &vec![7u8; private]));
        }
        d.extend(el(0x0010, 0x0010, b"PN", b"DUPONT^JEAN "));
        d.extend(el(0x0010, 0x0020, b"LO", b"123456"));
        d.extend(el(0x0010, 0x0030, b"DA", b"19600101"));
        d.extend(el_long(0x7FE0, 0x0010, b"OW", 4096, &[0u8; 4096]));
        let file = part10(EXPLICIT_LE, &d);
        let alone = write(dir.path(), &format!("seul-{i}.dcm"), &file);
        let alone = classify_within(&alone).expect("DICOM");
        assert!(!alone.header_unreadable, "{private}");
        assert!(alone.identifying.name && alone.identifying.id && alone.identifying.birth_date);
        for method in [
            zip::CompressionMethod::Stored,
            zip::CompressionMethod::Deflated,
        ] {
            let p = dir.path().join(format!("etude-{i}-{method:?}.zip"));
            let inside = classify_in_a_zip(&p, &file, method);
            assert_eq!(
                inside.kind,
                Kind::ZipDicom { dicom_entries: 1 },
                "{private} {method:?}"
            );
            assert_eq!(
                (
                    inside.identifying,
                    inside.header_unreadable,
                    &inside.modality,
                    &inside.study_date
                ),
                (alone.identifying, false, &alone.modality, &alone.study_date),
                "{private} {method:?}"
            );
        }
    }
}

/// A file in the deflated transfer syntax (its data set one raw deflate stream) of any size has its
/// header read, on its own and as a zip entry, stored or deflated: the stream cut where the first
/// bytes read stop is the start of the data set, not a broken stream (found in review: such a file
/// longer than the first read was unreadable).
#[test]
fn a_deflated_data_set_is_read_whatever_its_length() {
    let dir = crate::common::temp_dir();
    // Bytes that do not compress, so that the file is as long as its pixel data.
    let mut state = 0x2545_F491_u32;
    let mut noise = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state.to_le_bytes()[0]
            })
            .collect()
    };
    for (i, pixels) in [200usize, 2_500, 3_500, 6_000, 100_000, 400_000]
        .into_iter()
        .enumerate()
    {
        let mut d = explicit_start();
        d.extend(el(0x0010, 0x0010, b"PN", b"DUPONT^JEAN "));
        d.extend(el(0x0010, 0x0020, b"LO", b"123456"));
        d.extend(el(0x0010, 0x0030, b"DA", b"19600101"));
        let len = u32::try_from(pixels).expect("length");
        d.extend(el_long(0x7FE0, 0x0010, b"OB", len, &noise(pixels)));
        let mut deflate =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        deflate.write_all(&d).expect("deflate");
        let file = part10(
            "1.2.840.10008.1.2.1.99",
            &deflate.finish().expect("deflate"),
        );
        let alone = write(dir.path(), &format!("deflate-{i}.dcm"), &file);
        let alone = classify_within(&alone).expect("DICOM");
        assert!(!alone.header_unreadable, "{pixels} bytes of pixels");
        assert!(
            alone.identifying.name && alone.identifying.id && alone.identifying.birth_date,
            "{pixels}"
        );
        for method in [
            zip::CompressionMethod::Stored,
            zip::CompressionMethod::Deflated,
        ] {
            let p = dir.path().join(format!("deflate-{i}-{method:?}.zip"));
            let inside = classify_in_a_zip(&p, &file, method);
            assert!(!inside.header_unreadable, "{pixels} {method:?}");
            assert_eq!(inside.identifying, alone.identifying, "{pixels} {method:?}");
        }
    }
}
