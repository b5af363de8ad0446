//! `vigie scan`'s outputs cannot be abused by a file's name: no CSV cell runs as a spreadsheet formula,
//! no control character reaches the terminal, and the JSON keeps a non-Unicode name exact.

use std::path::{Path, PathBuf};

use crate::common::{temp_dir, vigie_command};

fn ct_small() -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/dicom/pydicom/test_files/CT_small.dcm"),
    )
    .expect("CT sample")
}

/// Names a spreadsheet would run (a file name cannot hold `/`: the link has no `//`; on Windows it
/// cannot hold `"` either).
const HOSTILE: [&str; 4] = [
    if cfg!(windows) {
        "=HYPERLINK(1).dcm"
    } else {
        "=HYPERLINK(\"http:x\",\"y\").dcm"
    },
    "+1+2.dcm",
    "@SUM(1).dcm",
    "-1+2.dcm",
];

/// A folder of real (tiny) DICOM files with hostile names; on Unix also one with ESC and a newline in its
/// name and one whose name is not UTF-8.
fn hostile_tree() -> (tempfile::TempDir, PathBuf) {
    let dir = temp_dir();
    let root = dir.path().join("exports");
    std::fs::create_dir(&root).expect("mkdir");
    let ct = ct_small();
    for name in HOSTILE {
        std::fs::write(root.join(name), &ct).expect("write");
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        std::fs::write(root.join("a\u{1b}[31mred\nfake.dcm"), &ct).expect("write");
        std::fs::write(root.join(std::ffi::OsStr::from_bytes(b"caf\xe9.dcm")), &ct).expect("write");
    }
    (dir, root)
}

/// `vigie scan --format FORMAT` of `paths`, run in `cwd`.
fn scan_in(data: &Path, cwd: &Path, format: &str, paths: &[&str]) -> Vec<u8> {
    let mut args = vec!["scan", "--format", format, "--"];
    args.extend_from_slice(paths);
    let out = vigie_command(data, &args, &[])
        .current_dir(cwd)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[cfg(unix)]
fn scan(data: &Path, root: &Path, format: &str) -> Vec<u8> {
    scan_in(data, root, format, &[root.to_str().expect("utf-8 root")])
}

fn check_cells(records: &[csv::StringRecord]) {
    assert_eq!(&records[0][0], "path", "the header row comes first");
    let cloud = records[0]
        .iter()
        .position(|c| c == "cloud_sync")
        .expect("cloud column");
    for r in &records[1..] {
        for cell in r {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
        assert!(
            r[cloud].is_empty() || r[cloud].chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "a stable cloud code: {:?}",
            &r[cloud]
        );
    }
    for name in HOSTILE {
        let shown = format!("'{name}");
        assert!(
            records.iter().any(|r| r[0] == shown),
            "{name} shown as text: {records:?}"
        );
    }
}

#[test]
fn csv_cells_never_run_as_formulas_in_both_dialects() {
    let (dir, root) = hostile_tree();
    // The files named on the command line, from their folder: each path cell is the bare name.
    let standard = scan_in(dir.path(), &root, "csv", &HOSTILE);
    assert!(!standard.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(standard.as_slice());
    let records: Vec<_> = reader.records().map(|r| r.expect("csv parses")).collect();
    assert_eq!(records.len(), HOSTILE.len() + 1, "{records:?}");
    check_cells(&records);

    let excel = scan_in(dir.path(), &root, "csv-excel", &HOSTILE);
    let body = excel
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a UTF-8 byte-order mark first");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(b';')
        .from_reader(body);
    let records: Vec<_> = reader.records().map(|r| r.expect("csv parses")).collect();
    assert_eq!(records[0].len(), vigie::present::scan::CSV_COLUMNS.len());
    check_cells(&records);
}

/// A cell that begins with a formula character is escaped wherever it sits; a Modality of `-1+2` never
/// reaches the output (the header reader keeps only valid DICOM code strings).
#[test]
fn the_formula_rule_covers_every_leading_character() {
    use vigie::present::scan::csv_cell;
    for bad in ["=1+2", "+1", "-1+2", "@SUM(1)", "\tx", "\rx"] {
        assert_eq!(csv_cell(bad), format!("'{bad}"));
    }
    for fine in ["CT", "20240101", "/home/a=b.dcm", ""] {
        assert_eq!(csv_cell(fine), fine);
    }
    assert!(!vigie::scan::dicom::valid_modality("-1+2"));
    assert!(!vigie::scan::dicom::valid_modality("=1"));
}

#[cfg(unix)]
#[test]
fn the_text_output_escapes_control_characters() {
    let (dir, root) = hostile_tree();
    let text = String::from_utf8(scan(dir.path(), &root, "text")).expect("utf-8");
    assert!(!text.contains('\u{1b}'), "a raw ESC reaches the terminal");
    assert!(text.contains("a\\u{1b}[31mred\\nfake.dcm"), "{text}");
    // The finding stays on its line.
    let line = text
        .lines()
        .find(|l| l.contains("red\\nfake"))
        .expect("line");
    assert!(line.starts_with('['), "{line}");
}

#[cfg(unix)]
#[test]
fn the_json_keeps_a_non_utf8_name_exact() {
    use base64::Engine as _;
    let (dir, root) = hostile_tree();
    let doc: serde_json::Value =
        serde_json::from_slice(&scan(dir.path(), &root, "json")).expect("json");
    let findings = doc["findings"].as_array().expect("findings");
    let odd = findings
        .iter()
        .find(|f| f["path_b64"].is_string())
        .expect("the non-UTF-8 name has a path_b64");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(odd["path_b64"].as_str().expect("str"))
        .expect("base64");
    assert!(bytes.ends_with(b"/caf\xe9.dcm"), "{bytes:?}");
    assert!(
        odd["path"]
            .as_str()
            .expect("str")
            .ends_with("caf\u{fffd}.dcm")
    );
    // Valid names carry no path_b64; the ESC and newline are escaped by JSON itself.
    let esc = findings
        .iter()
        .find(|f| f["path"].as_str().is_some_and(|p| p.contains("red\nfake")))
        .expect("the ESC name");
    assert!(esc.get("path_b64").is_none());
}
