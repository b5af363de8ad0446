//! Encrypted archives from the command line, and the `age` tool agreeing with Vigie both ways: it opens
//! Vigie's archives with the practice key's sheet, and Vigie reads an archive it made over a tar.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{PASSPHRASE, create_vault, temp_dir, vigie_command};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dicom")
}

/// A copy of the repository's DICOM samples under `dir/Examens`.
fn tree(dir: &Path) -> PathBuf {
    let to = dir.join("Examens");
    copy_tree(&samples(), &to);
    to
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("list") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file under `root`, relative path and bytes, sorted.
fn contents(root: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, at: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(at).expect("list") {
            let entry = entry.expect("entry");
            if entry.file_type().expect("type").is_dir() {
                walk(root, &entry.path(), out);
            } else {
                let rel = entry.path().strip_prefix(root).expect("rel").to_path_buf();
                out.push((
                    rel.to_string_lossy().replace('\\', "/"),
                    std::fs::read(entry.path()).expect("read"),
                ));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

fn run(data: &Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    vigie_command(data, args, env).output().expect("run vigie")
}

fn text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn the_command_line_encrypts_verifies_and_restores_a_tree_identically() {
    let dir = temp_dir();
    let (vault, file, _) = create_vault(dir.path());
    drop(file);
    let examens = tree(dir.path());
    let archive = dir.path().join("examens.age");
    let env = [("VIGIE_PASSPHRASE", PASSPHRASE)];
    let o = run(
        dir.path(),
        &[
            "--lang",
            "fr",
            "archive",
            "encrypt",
            "--vault",
            s(&vault),
            "--out",
            s(&archive),
            s(&examens),
        ],
        &env,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("Archive chiffrée et vérifiée"),
        "{}",
        text(&o)
    );
    // No file name from inside the archive in the output.
    assert!(!text(&o).contains("CT_small"), "{}", text(&o));

    let o = run(
        dir.path(),
        &[
            "--lang",
            "en",
            "archive",
            "verify",
            s(&archive),
            "--vault",
            s(&vault),
        ],
        &env,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("matching the manifest"), "{}", text(&o));

    let to = dir.path().join("restored");
    let o = run(
        dir.path(),
        &[
            "archive",
            "decrypt",
            s(&archive),
            "--vault",
            s(&vault),
            "--to",
            s(&to),
        ],
        &env,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(contents(&to.join("Examens")), contents(&examens));

    // A second restore into the same folder replaces nothing.
    let o = run(
        dir.path(),
        &[
            "--lang",
            "en",
            "archive",
            "decrypt",
            s(&archive),
            "--vault",
            s(&vault),
            "--to",
            s(&to),
        ],
        &env,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("would be replaced"), "{}", text(&o));

    // The vault keeps the record, as evidence.
    let v = vigie::practice_file::PracticeFile::open(
        &vault,
        vigie::vault::Unlock::Passphrase(PASSPHRASE),
    )
    .expect("open");
    let records = &v.contents().archives.records;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].files as usize, contents(&examens).len());
    assert!(v.contents().archives.key.is_some());
}

#[test]
fn a_passphrase_archive_needs_its_passphrase_and_a_wrong_one_writes_nothing() {
    let dir = temp_dir();
    let examens = tree(dir.path());
    let archive = dir.path().join("pour-confrere.age");
    let chosen = "une-phrase-pour-le-confrere-81";
    let o = run(
        dir.path(),
        &[
            "archive",
            "encrypt",
            "--passphrase",
            "--out",
            s(&archive),
            s(&examens),
        ],
        &[("VIGIE_ARCHIVE_PASSPHRASE", chosen)],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let to = dir.path().join("to");
    let o = run(
        dir.path(),
        &[
            "--lang",
            "fr",
            "archive",
            "decrypt",
            s(&archive),
            "--to",
            s(&to),
        ],
        &[("VIGIE_ARCHIVE_PASSPHRASE", "pas-la-bonne-phrase-12")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("Phrase de passe incorrecte"),
        "{}",
        text(&o)
    );
    assert!(!to.exists() || contents(&to).is_empty(), "nothing restored");
    let o = run(
        dir.path(),
        &["archive", "decrypt", s(&archive), "--to", s(&to)],
        &[("VIGIE_ARCHIVE_PASSPHRASE", chosen)],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(contents(&to.join("Examens")), contents(&examens));
}

#[test]
fn the_scanner_reports_vigies_archives_as_encrypted() {
    let dir = temp_dir();
    let examens = tree(dir.path());
    let archive = dir.path().join("a.age");
    let o = run(
        dir.path(),
        &[
            "archive",
            "encrypt",
            "--passphrase",
            "--out",
            s(&archive),
            s(&examens),
        ],
        &[("VIGIE_ARCHIVE_PASSPHRASE", "une-phrase-pour-le-confrere-81")],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = run(dir.path(), &["scan", "--format", "json", s(&archive)], &[]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{json}");
    assert_eq!(findings[0]["risk"], "none", "{json}");
    assert!(
        findings[0].to_string().contains("age"),
        "classified as an age container: {json}"
    );
}

fn age_tool() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("age"))
            .find(|p| p.is_file())
    });
    // CI installs age (.ci/run): there, a missing tool is a failure, not a skip.
    assert!(
        found.is_some() || !cfg!(unix) || std::env::var_os("CI").is_none(),
        "the age tool is required in CI (Debian package age)"
    );
    found
}

#[test]
fn the_age_tool_opens_vigies_archives_and_vigie_reads_the_age_tools() {
    let Some(age) = age_tool() else {
        return;
    };
    let dir = temp_dir();
    let (vault, file, _) = create_vault(dir.path());
    drop(file);
    let examens = tree(dir.path());
    let archive = dir.path().join("examens.age");
    let env = [("VIGIE_PASSPHRASE", PASSPHRASE)];
    let o = run(
        dir.path(),
        &[
            "archive",
            "encrypt",
            "--vault",
            s(&vault),
            "--out",
            s(&archive),
            s(&examens),
        ],
        &env,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let key = dir.path().join("cle-archives.txt");
    let o = run(
        dir.path(),
        &["archive", "key", "--vault", s(&vault), "--out", s(&key)],
        &env,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));

    // age -d -i key.txt X.age | tar -x: the same files.
    let out = dir.path().join("par-age");
    std::fs::create_dir_all(&out).expect("mkdir");
    let decrypted = Command::new(&age)
        .args(["-d", "-i", s(&key), s(&archive)])
        .output()
        .expect("age");
    assert!(
        decrypted.status.success(),
        "{}",
        String::from_utf8_lossy(&decrypted.stderr)
    );
    let mut tar = tar::Archive::new(decrypted.stdout.as_slice());
    tar.unpack(&out).expect("the tar stream unpacks");
    assert_eq!(contents(&out.join("Examens")), contents(&examens));
    let manifest = std::fs::read(out.join("MANIFEST.json")).expect("manifest");
    let manifest: serde_json::Value = serde_json::from_slice(&manifest).expect("json");
    assert_eq!(manifest["format"], "vigie-archive/1");

    // The other way: age encrypts a tar to the practice's public key; Vigie verifies and restores it.
    let recipient = std::fs::read_to_string(&key)
        .expect("key")
        .lines()
        .find_map(|l| l.strip_prefix("# public key: ").map(str::to_owned))
        .expect("public key line");
    let mut builder = tar::Builder::new(Vec::new());
    builder.append_dir_all("Examens", &examens).expect("tar");
    let tar_bytes = builder.into_inner().expect("tar");
    let theirs = dir.path().join("theirs.age");
    let mut child = Command::new(&age)
        .args(["-r", &recipient, "-o", s(&theirs)])
        .stdin(Stdio::piped())
        .spawn()
        .expect("age");
    std::io::Write::write_all(child.stdin.as_mut().expect("stdin"), &tar_bytes).expect("write");
    drop(child.stdin.take());
    assert!(child.wait().expect("age").success());
    let o = run(
        dir.path(),
        &[
            "--lang",
            "en",
            "archive",
            "verify",
            s(&theirs),
            "--identity",
            s(&key),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("No manifest"), "{}", text(&o));
    let to = dir.path().join("par-vigie");
    let o = run(
        dir.path(),
        &[
            "archive",
            "decrypt",
            s(&theirs),
            "--vault",
            s(&vault),
            "--to",
            s(&to),
        ],
        &env,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(contents(&to.join("Examens")), contents(&examens));
}
