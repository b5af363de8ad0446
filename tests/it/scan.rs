//! The scanner on real DICOM samples (tests/data/dicom, with their manifest) and on generated trees
//! with known truth.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use vigie::scan::{self, DicomStorage, Event, Finding, Kind, Risk, ScanOptions};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dicom")
}

/// The manifest's rows: file, `has_preamble`, `sop_class`, patient name, id, birth date.
fn manifest() -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(samples().join("manifest.csv")).expect("manifest");
    let mut lines = text.lines();
    let header = split_csv(lines.next().expect("header"));
    lines
        .map(|l| header.iter().cloned().zip(split_csv(l)).collect())
        .collect()
}

fn split_csv(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    out.push(field);
    out
}

fn run(
    roots: &[PathBuf],
    options: &ScanOptions,
) -> (scan::Summary, Vec<Finding>, Vec<scan::ScanError>) {
    let findings = Mutex::new(Vec::new());
    let errors = Mutex::new(Vec::new());
    let cancel = AtomicBool::new(false);
    let summary = scan::scan(roots, options, &cancel, &|e| match e {
        Event::Finding(f) => findings.lock().expect("lock").push(f),
        Event::Error(e) => errors.lock().expect("lock").push(e),
        Event::Progress { .. } => {}
    });
    (
        summary,
        findings.into_inner().expect("findings"),
        errors.into_inner().expect("errors"),
    )
}

#[test]
fn every_sample_is_classified_as_its_manifest_says() {
    let rows = manifest();
    let ct_small = rows
        .iter()
        .find(|r| r["file"].ends_with("/CT_small.dcm"))
        .expect("CT_small row");
    for row in &rows {
        let path = samples().join(&row["file"]);
        let finding = scan::classify(&path)
            .expect("readable")
            .unwrap_or_else(|| panic!("{} not found as DICOM", row["file"]));
        let gz = std::path::Path::new(&row["file"])
            .extension()
            .is_some_and(|e| e == "gz");
        let dicomdir = row["sop_class"].starts_with("Media Storage Directory");
        let expected = matches!(
            (&finding.kind, gz, dicomdir, row["has_preamble"].as_str()),
            (Kind::GzipDicom, true, _, _)
                | (Kind::Dicomdir, false, true, _)
                | (
                    Kind::Dicom {
                        storage: DicomStorage::Part10,
                    },
                    false,
                    false,
                    "True",
                )
                | (
                    Kind::Dicom {
                        storage: DicomStorage::NoPreamble | DicomStorage::RawDataset,
                    },
                    false,
                    false,
                    "False",
                )
        );
        assert!(expected, "{}: classified {:?}", row["file"], finding.kind);
        if gz {
            continue;
        }
        // Identifying flags follow the patient fields pydicom read (placeholders count as absent).
        // pydicom could not parse no_meta.dcm (a stray byte before its data set) and read no field from
        // it; its README says it is CT_small.dcm without file meta: it carries CT_small's patient.
        let truth = if row["file"].ends_with("/no_meta.dcm") {
            assert_eq!(
                finding.kind,
                Kind::Dicom {
                    storage: DicomStorage::RawDataset
                }
            );
            assert!(!finding.header_unreadable, "no_meta.dcm header unreadable");
            ct_small
        } else {
            row
        };
        let present = |v: &str| vigie::scan::dicom::carries_value(v);
        if !finding.header_unreadable {
            assert_eq!(
                finding.identifying.name,
                present(&truth["patient_name"]),
                "{} name",
                row["file"]
            );
            assert_eq!(
                finding.identifying.id,
                present(&truth["patient_id"]),
                "{} id",
                row["file"]
            );
            assert_eq!(
                finding.identifying.birth_date,
                present(&truth["birth_date"]),
                "{} birth date",
                row["file"]
            );
        }
        if finding.identifying.any() || finding.header_unreadable || dicomdir {
            assert!(
                matches!(finding.risk, Risk::High | Risk::Low),
                "{}: {:?}",
                row["file"],
                finding.risk
            );
        }
    }
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

/// A tree with one file of each kind; returns the paths expected as findings, by kind code.
fn generated_tree(root: &Path) -> Vec<(PathBuf, &'static str)> {
    let ct = std::fs::read(samples().join("pydicom/test_files/CT_small.dcm")).expect("CT");
    let raw =
        std::fs::read(samples().join("pydicom/test_files/ExplVR_LitEndNoMeta.dcm")).expect("raw");
    let mut expected = Vec::new();

    let p = root.join("Bureau/scanner-export/IM0001");
    write(&p, &ct);
    expected.push((p, "dicom"));
    let p = root.join("Téléchargements/série sans préambule.bin");
    write(&p, &ct[128..]);
    expected.push((p, "dicom"));
    let p = root.join("Documents/raw dataset");
    write(&p, &raw);
    expected.push((p, "dicom"));

    let p = root.join("Documents/envoi.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&p).expect("zip"));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("compte-rendu.txt", stored).expect("entry");
    zip.write_all(b"texte").expect("write");
    zip.start_file("IMG/0001.dcm", stored).expect("entry");
    zip.write_all(&ct).expect("write");
    zip.finish().expect("finish");
    expected.push((p, "zip_dicom"));

    let p = root.join("Documents/image.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&ct).expect("gz");
    write(&p, &gz.finish().expect("gz"));
    expected.push((p, "gzip_dicom"));

    let p = root.join("Images/capture.png");
    write(&p, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR fake png");
    expected.push((p, "image_export"));
    let p = root.join("Images/photo.jpg");
    write(&p, b"\xFF\xD8\xFF\xE0\0\x10JFIF fake jpeg");
    expected.push((p, "image_export"));
    let p = root.join("coffre/cabinet.vigie");
    write(&p, b"VIGIEVLT\x01\0rest of a vault");
    expected.push((p, "encrypted_container"));

    // Not of interest: text, a PDF, random bytes, an empty file, a zip without DICOM, a file named .dcm.
    write(
        &root.join("Documents/notes.txt"),
        "Compte rendu : rien de médical en image.\n"
            .repeat(50)
            .as_bytes(),
    );
    write(
        &root.join("Documents/facture.pdf"),
        b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
    );
    let mut x: u32 = 7;
    let noise: Vec<u8> = (0..20_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    write(&root.join("Documents/blob.bin"), &noise);
    write(&root.join("Documents/vide"), b"");
    write(
        &root.join("Documents/pas-une-image.dcm"),
        b"this is not DICOM at all, despite the name",
    );
    expected
}

#[test]
fn a_generated_tree_has_every_dicom_found_and_no_false_positive() {
    let dir = crate::common::temp_dir();
    let expected = generated_tree(dir.path());
    let (summary, findings, errors) = run(&[dir.path().to_path_buf()], &ScanOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(summary.files_seen, 13);
    let mut found: Vec<(PathBuf, &str)> = findings
        .iter()
        .map(|f| (f.path.clone(), vigie::present::scan::kind_code(&f.kind)))
        .collect();
    found.sort();
    let mut expected = expected;
    expected.sort();
    assert_eq!(found, expected);
    let zip = findings
        .iter()
        .find(|f| matches!(f.kind, Kind::ZipDicom { .. }))
        .expect("zip");
    assert_eq!(zip.kind, Kind::ZipDicom { dicom_entries: 1 });
    assert!(
        zip.identifying.name && zip.identifying.id,
        "the archive's DICOM identifies the patient"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_terminate_and_unreadable_paths_are_reported() {
    let dir = crate::common::temp_dir();
    generated_tree(dir.path());
    std::os::unix::fs::symlink(dir.path(), dir.path().join("Documents/boucle")).expect("loop");
    std::os::unix::fs::symlink(
        dir.path().join("absent"),
        dir.path().join("Documents/cassé"),
    )
    .expect("dangling");
    let options = ScanOptions {
        follow_symlinks: true,
        ..ScanOptions::default()
    };
    let (summary, findings, errors) = run(&[dir.path().to_path_buf()], &options);
    assert_eq!(findings.len(), 8, "each file once, loop or not");
    assert!(
        errors.iter().any(|e| e.path.ends_with("boucle")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.path.ends_with("cassé")),
        "{errors:?}"
    );
    assert_eq!(summary.errors as usize, errors.len());
}

#[test]
fn cancel_stops_a_large_scan_early() {
    let dir = crate::common::temp_dir();
    for i in 0..6000 {
        write(&dir.path().join(format!("d{}/f{i}.txt", i % 50)), b"x");
    }
    let cancel = AtomicBool::new(false);
    let options = ScanOptions {
        threads: 2,
        ..ScanOptions::default()
    };
    let summary = scan::scan(&[dir.path().to_path_buf()], &options, &cancel, &|e| {
        if matches!(e, Event::Progress { .. }) {
            cancel.store(true, Ordering::Relaxed);
        }
    });
    assert!(summary.cancelled);
    assert!(
        summary.files_seen < 6000,
        "stopped at {}",
        summary.files_seen
    );
}

#[test]
fn the_cli_json_follows_the_contract_and_holds_no_patient_name() {
    // A data folder of its own: the program's settings and diagnostic log are not the user's.
    let data = crate::common::temp_dir();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["scan", "--format", "json"])
        .arg(samples())
        .env("VIGIE_DATA_DIR", data.path())
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    for key in ["files_seen", "dirs_seen", "errors", "elapsed_ms"] {
        assert!(doc["summary"][key].is_u64(), "summary.{key}");
    }
    let findings = doc["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), manifest().len(), "every sample listed");
    for f in findings {
        assert!(f["path"].is_string() && f["kind"].is_string() && f["risk"].is_string());
        for k in ["name", "id", "birth_date"] {
            assert!(f["identifying"][k].is_boolean());
        }
        assert!(f["encrypted"].is_boolean());
        assert!(f["volume_encrypted"].is_boolean() || f["volume_encrypted"].is_null());
    }

    // No patient name in any output format.
    let names: Vec<String> = manifest()
        .iter()
        .map(|r| {
            r["patient_name"]
                .split(['^', '='])
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .filter(|n| n.len() > 3)
        .collect();
    assert!(!names.is_empty());
    for format in ["json", "csv", "text"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
            .args(["--lang", "fr", "scan", "--format", format])
            .arg(samples())
            .env("VIGIE_DATA_DIR", data.path())
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        for name in &names {
            assert!(
                !text.contains(name.as_str()),
                "{format}: patient name {name:?} printed"
            );
        }
    }

    // --fail-on high: the samples identify patients, so status 1.
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["scan", "--format", "csv", "--fail-on", "high"])
        .arg(samples())
        .env("VIGIE_DATA_DIR", data.path())
        .output()
        .expect("run")
        .status;
    assert_eq!(status.code(), Some(1));
}

#[test]
fn random_blobs_are_never_taken_for_images_or_encrypted_containers() {
    // High entropy alone is not "encrypted": 3,000 blobs of pseudo-random bytes give no finding.
    let dir = crate::common::temp_dir();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for i in 0..3000 {
        let len = 64 + (next() % 6000) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        write(&dir.path().join(format!("b{}/blob{i}", i % 30)), &bytes);
    }
    let (summary, findings, errors) = run(&[dir.path().to_path_buf()], &ScanOptions::default());
    assert_eq!(summary.files_seen, 3000);
    assert!(errors.is_empty());
    assert!(
        findings.is_empty(),
        "{:?}",
        findings
            .iter()
            .map(|f| (&f.path, &f.kind))
            .collect::<Vec<_>>()
    );
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

/// Raw data sets made from `CT_small`'s (explicit VR little endian, after its file meta), whatever their
/// first group: a command group first (a network capture), group 0008 gone so that a private group
/// comes first, an undefined-length sequence before group 0008, an unusual but valid first group
/// (0004) alone.
fn unusual_raw_data_sets() -> Vec<(&'static str, Vec<u8>)> {
    let ct = std::fs::read(samples().join("pydicom/test_files/CT_small.dcm")).expect("CT");
    let dataset = &ct[336..];
    assert_eq!(
        &dataset[..4],
        &[0x08, 0x00, 0x05, 0x00],
        "CT_small's data set starts at 336"
    );
    let command = {
        let body = [
            el(0x0000, 0x0002, b"UI", b"1.2.840.10008.5.1.4.1.1.2\0"),
            el(0x0000, 0x0100, b"US", &1u16.to_le_bytes()),
            el(0x0000, 0x0700, b"US", &0u16.to_le_bytes()),
        ]
        .concat();
        [
            el(0x0000, 0x0000, b"UL", &(body.len() as u32).to_le_bytes()),
            body,
            dataset.to_vec(),
        ]
        .concat()
    };
    let private_first = {
        let at = dataset
            .windows(4)
            .position(|w| w == [0x09, 0x00, 0x10, 0x00])
            .expect("CT_small has a private group 0009");
        dataset[at..].to_vec()
    };
    let sequence_first = {
        let mut b = vec![0x04, 0x00, 0x20, 0x12];
        b.extend_from_slice(b"SQ\0\0");
        b.extend_from_slice(&u32::MAX.to_le_bytes());
        b.extend_from_slice(&[0xFE, 0xFF, 0x00, 0xE0]);
        b.extend_from_slice(&u32::MAX.to_le_bytes());
        b.extend(el(0x0004, 0x1430, b"CS", b"IMAGE "));
        b.extend_from_slice(&[0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0]);
        b.extend_from_slice(&[0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0]);
        b.extend_from_slice(dataset);
        b
    };
    vec![
        ("command group first", command),
        ("private group first", private_first),
        ("undefined-length sequence first", sequence_first),
    ]
}

#[test]
fn raw_data_sets_are_found_whatever_their_first_group_with_or_without_stray_bytes() {
    let dir = crate::common::temp_dir();
    for (what, bytes) in unusual_raw_data_sets() {
        for stray in [0usize, 1, 7, 16] {
            let mut file = vec![0xA5u8; stray];
            file.extend_from_slice(&bytes);
            let path = dir.path().join(format!("capture-{stray}.raw"));
            std::fs::write(&path, &file).expect("write");
            let finding = scan::classify(&path)
                .expect("readable")
                .unwrap_or_else(|| panic!("{what}, {stray} stray bytes: not found"));
            assert_eq!(
                finding.kind,
                Kind::Dicom {
                    storage: DicomStorage::RawDataset
                },
                "{what}, {stray} stray bytes"
            );
            assert!(
                !finding.header_unreadable && finding.identifying.name && finding.identifying.id,
                "{what}, {stray} stray bytes: CT_small's patient is seen ({finding:?})"
            );
            assert_eq!(finding.risk, Risk::High, "{what}, {stray} stray bytes");
        }
    }
}

#[test]
fn the_fixture_generator_s_trees_are_found_exactly() {
    // Both trees of the benchmark's generator, small: every generated DICOM (each kind, the unusual raw
    // data sets included) found, and nothing among the PDFs, office files, random blobs and text.
    for small in [false, true] {
        let dir = crate::common::temp_dir();
        let root = dir.path().join("tree");
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_vigie-fixtures"));
        if small {
            cmd.arg("--small");
        }
        let out = cmd.arg(&root).arg("600").output().expect("vigie-fixtures");
        assert!(out.status.success(), "vigie-fixtures failed");
        let mut want = std::collections::BTreeMap::<String, usize>::new();
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let (kind, n) = line.split_once('\t').expect("kind and count");
            let n: usize = n.parse().expect("count");
            let kind = match kind {
                "dicom (unreadable unless root)" | "other" => continue,
                k => k.to_owned(),
            };
            *want.entry(kind).or_default() += n;
        }
        assert!(want["dicom"] > 50, "the tree holds DICOM: {want:?}");
        let (_, findings, _) = run(std::slice::from_ref(&root), &ScanOptions::default());
        let mut got = std::collections::BTreeMap::<String, usize>::new();
        for f in findings {
            if f.path.ends_with("verrouille.dcm") {
                continue; // readable or not depending on who runs the test
            }
            let kind = match f.kind {
                Kind::Dicom { .. } => "dicom",
                Kind::Dicomdir => "dicomdir",
                Kind::GzipDicom => "gzip_dicom",
                Kind::ZipDicom { .. } => "zip_dicom",
                Kind::ImageExport { .. } => "image_export",
                Kind::Encrypted { .. } => "encrypted",
            };
            *got.entry(kind.to_owned()).or_default() += 1;
        }
        assert_eq!(got, want, "small tree: {small}");
    }
}

/// A study zip as viewers export it, deflated and stored entries mixed, more DICOM entries than the
/// scanner reads headers of: every DICOM entry is counted (those after the headers stop being read
/// too), none of the others is, and the identifying fields are those of all the entries read — the
/// birth date comes from the third DICOM entry, after two that have none.
#[test]
fn a_study_zip_counts_every_dicom_entry_and_merges_the_headers_read() {
    let dir = crate::common::temp_dir();
    let read = |f: &str| std::fs::read(samples().join(f)).expect("sample");
    let ct = read("pydicom/test_files/CT_small.dcm");
    let mr = read("pydicom/test_files/MR_small.dcm");
    let rt = read("pydicom/test_files/rtstruct.dcm");
    let p = dir.path().join("etude.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&p).expect("zip"));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut add = |name: &str, options, bytes: &[u8]| {
        zip.start_file(name, options).expect("entry");
        zip.write_all(bytes).expect("write");
    };
    add(
        "LISEZMOI.txt",
        deflated,
        b"Ouvrir avec la visionneuse.\r\n".as_slice(),
    );
    add("DICOM/IM0001", deflated, &ct);
    add("DICOM/IM0002", stored, &mr);
    add("DICOM/RT0001", deflated, &rt);
    add(
        "viewer/index.html",
        deflated,
        b"<!DOCTYPE html><html></html>".as_slice(),
    );
    for i in 0..250 {
        add(&format!("DICOM/IM{:04}", i + 3), deflated, &mr);
    }
    add(
        "viewer/logo.png",
        stored,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR fake png".as_slice(),
    );
    zip.finish().expect("finish");
    let finding = scan::classify(&p).expect("read").expect("found");
    assert_eq!(finding.kind, Kind::ZipDicom { dicom_entries: 253 });
    assert!(!finding.header_unreadable);
    assert!(
        finding.identifying.name && finding.identifying.id && finding.identifying.birth_date,
        "{:?}",
        finding.identifying
    );
    assert_eq!(finding.modality.as_deref(), Some("CT"));
}

/// The findings' order (`scan::path_order`, byte by byte where that is safe) is `Path`'s own: names
/// that extend a folder's name with a byte below or above the separator, spaces, dots, accents, long
/// shared prefixes (the sixteen-byte steps), duplicates, on Unix names that are not Unicode, roots
/// spelled in unusual ways, and on Windows drive letters in either case and verbatim prefixes.
#[test]
fn path_order_is_the_order_of_path() {
    let root = "/home/cabinet/Imagerie/Examens 2024";
    let names = [
        "a",
        "a/b",
        "a/b/c",
        "a-b",
        "a-b/c",
        "a b",
        "a.b",
        "a.b/c",
        "a!",
        "a0",
        "A",
        "ab",
        "a/b-c",
        "a/b c",
        "a/b/c.dcm",
        "a/b.dcm",
        "a/b/c/d/e",
        "a/bb",
        "é",
        "é/x",
        "e\u{301}",
        "z",
        "zz/a",
        "0123456789abcdef/x",
        "0123456789abcdef-x",
        "0123456789abcdef",
        "0123456789abcdeg",
        "ÉCHO/1.dcm",
        "ÉCHO 2/1.dcm",
        "a/b",
    ];
    let mut paths: Vec<PathBuf> = names.iter().map(|n| Path::new(root).join(n)).collect();
    // Roots as typed: relative, `.`, parting in their first name, unusual spellings that `Path`
    // reads component by component.
    for odd in [
        "relative/a",
        "relative-a",
        "./x/1.dcm",
        "(2024)/1.dcm",
        "-old/x",
        ".",
        "./a",
        "a/./b/x",
        "a/0/y",
        "a//b/z",
        "a/b/y",
        "dir/",
        "dir",
        "dir/x",
        "..",
        "../a",
        "a/../b",
        "/",
        "/a",
        "/a/b",
        "//a",
    ] {
        paths.push(PathBuf::from(odd));
    }
    #[cfg(windows)]
    for drive in [
        r"c:\a\x",
        r"D:\b\y",
        r"c:\z",
        r"C:\a",
        r"C:\a\b",
        r"\\?\UNC\srv\s\x",
        r"\\?\C:\x",
        r"C:/a/b",
        r"C:\a/b\c",
    ] {
        paths.push(PathBuf::from(drive));
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        for raw in [&b"a/\xff"[..], b"a/\xfe\x80", b"a\xff/b", b"a/\x7f"] {
            paths.push(Path::new(root).join(std::ffi::OsStr::from_bytes(raw)));
        }
    }
    // Every pair, both ways: the same answer as `Path`'s, including equality.
    for a in &paths {
        for b in &paths {
            assert_eq!(
                scan::path_order(a, b),
                a.cmp(b),
                "{} against {}",
                a.display(),
                b.display()
            );
        }
    }
    let mut by_bytes = paths.clone();
    by_bytes.reverse();
    by_bytes.sort_by(|a, b| scan::path_order(a, b));
    let mut by_path = paths;
    by_path.sort();
    assert_eq!(by_bytes, by_path);
}
