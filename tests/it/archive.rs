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
    // Then `sha256sum -c SHA256SUMS`: every file and the manifest, checked with standard tools.
    let listed = crate::signing::check_sums(&out);
    assert!(listed.iter().any(|n| n == "MANIFEST.json"), "{listed:?}");
    assert_eq!(
        listed.len(),
        contents(&out.join("Examens")).len() + 1,
        "{listed:?}"
    );

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

/// What an archive leaves in a vault, with what differs between two runs masked: times, the archive's
/// own path and size, the manifest's digest (it holds the time), and the evidence text's date and
/// digest (by their own values, so that the rest of the text is compared exactly).
fn normalized(mut c: vigie::practice_file::VaultContents) -> vigie::practice_file::VaultContents {
    let epoch = jiff::Timestamp::UNIX_EPOCH;
    for entry in &mut c.journal {
        entry.at = epoch;
    }
    let masks: Vec<(String, String, String)> = c
        .archives
        .records
        .iter()
        .map(|r| {
            (
                vigie::i18n::format_datetime(r.created_at, vigie::i18n::Lang::Fr),
                r.created_at.strftime("%Y-%m-%d").to_string(),
                r.manifest_sha256.clone(),
            )
        })
        .collect();
    for r in &mut c.archives.records {
        r.created_at = epoch;
        r.path = String::new();
        r.archive_bytes = 0;
        r.manifest_sha256 = String::new();
    }
    for e in &mut c.checklist.evidence {
        let mut text = String::from_utf8(e.content.to_vec()).expect("evidence text");
        for (when, day, digest) in &masks {
            text = text.replace(when, "<date>").replace(digest, "<sha256>");
            e.name = e.name.replace(day, "<day>");
        }
        e.content = text.into_bytes().into();
        e.sha256 = String::new();
        e.added_at = epoch;
    }
    if let Some(last) = c.scans.last.as_mut() {
        for note in &mut last.archived {
            note.at = epoch;
        }
    }
    c
}

/// `vigie archive encrypt --vault` and the window's "encrypt these files" leave the same records: the
/// archive's, the evidence on the item on encryption at rest, the note on the scan, the journal entry.
/// The window archives the scan's high-risk findings of one vault; the command line the same two files
/// from a copy of that vault taken before.
#[test]
fn the_command_line_leaves_the_same_records_in_the_vault_as_the_window() {
    use crate::gui::{click, harness, on_disk, open_scan_page, practice_tree, run_until, unlock};
    use vigie::ui::archive::view::ArchiveStage;
    use vigie::ui::command::Command as UiCommand;
    use vigie::ui::scan::view::ScanView;

    let dir = temp_dir();
    let (path, file, _) = create_vault(dir.path());
    drop(file);
    let tree = practice_tree(&dir.path().join("pc"));
    let mut h = harness(dir.path(), vigie::i18n::Lang::Fr);
    h.run();
    let ctx = h.ctx.clone();
    unlock(&mut h, &path);
    open_scan_page(&mut h);
    h.state_mut()
        .run_command(&ctx, UiCommand::AddScanFolder(Some(tree.clone())));
    h.run();
    click(&mut h, "Lancer l'analyse");
    run_until(&mut h, "the scan and its save", |app| {
        app.scan.is_none()
            && app
                .vault()
                .is_some_and(|v| v.contents().scans.last.is_some())
            && app.session.as_ref().is_some_and(|s| !s.save.in_flight)
    });
    // The vault as saved after the scan, for the command line.
    let copy = dir.path().join("cli").join("cabinet.vigie");
    std::fs::create_dir_all(copy.parent().expect("parent")).expect("mkdir");
    std::fs::copy(&path, &copy).expect("copy the vault");
    let before = on_disk(&copy);
    assert!(before.archives.records.is_empty());

    // The window: the high-risk findings, with the practice key.
    click(&mut h, "Chiffrer ces fichiers…");
    h.run();
    let archive = dir.path().join("fenetre.age");
    if let Some(view) = h.state_mut().screen.view_mut::<ScanView>() {
        view.archive.as_mut().expect("panel").out = archive.display().to_string();
    }
    h.run();
    click(&mut h, "Chiffrer et vérifier 2 fichiers");
    run_until(&mut h, "the archive and its save", |app| {
        if let Some(view) = app.screen.view::<ScanView>()
            && let Some(error) = view.archive.as_ref().and_then(|p| p.error.as_ref())
        {
            panic!("the archive failed: {error}");
        }
        app.screen
            .view::<ScanView>()
            .and_then(|view| view.archive.as_ref())
            .is_some_and(|p| matches!(p.stage, ArchiveStage::Done(_)))
            && app
                .session
                .as_ref()
                .is_some_and(|s| !s.save.in_flight && !s.save.queued)
    });

    // The command line: the same two files, into the copy.
    let desk = tree.join("Export écho");
    let o = run(
        dir.path(),
        &[
            "--lang",
            "fr",
            "archive",
            "encrypt",
            "--vault",
            s(&copy),
            "--out",
            s(&dir.path().join("commande.age")),
            s(&desk.join("IM0001.dcm")),
            s(&desk.join("IM0002")),
        ],
        &[("VIGIE_PASSPHRASE", PASSPHRASE)],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));

    let window = on_disk(&path);
    let cli = on_disk(&copy);
    // What each recorded, looked at first for a readable failure.
    for c in [&window, &cli] {
        assert_eq!(c.archives.records.len(), 1);
        let record = &c.archives.records[0];
        assert_eq!(record.files, 2);
        let scan = c.scans.last.as_ref().expect("the scan");
        assert_eq!(
            record.source,
            vigie::archive::ArchiveSource::ScanFindings {
                scan_started_at: scan.started_at
            }
        );
        assert_eq!(scan.archived.len(), 1, "the scan's note");
        assert_eq!(scan.archived[0].findings.len(), 2);
        let evidence: Vec<_> = c
            .checklist
            .evidence
            .iter()
            .filter(|e| e.item == vigie::system::catalog::ARCHIVE_EVIDENCE_ITEM)
            .collect();
        assert_eq!(evidence.len(), 1, "the evidence on encryption at rest");
        assert!(
            String::from_utf8_lossy(&evidence[0].content).contains(&record.manifest_sha256),
            "the evidence names the archive's manifest"
        );
        assert_eq!(
            c.journal.last().map(|e| &e.event),
            Some(&vigie::practice_file::JournalEvent::ArchiveCreated)
        );
    }
    assert_eq!(
        cli.journal.len(),
        before.journal.len() + 1,
        "one journal entry"
    );
    // And everything else alike.
    assert_eq!(normalized(window), normalized(cli));
}
