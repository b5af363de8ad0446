//! Round trips, damage at and around every chunk boundary, wrong keys, injected failures, hostile
//! entries. The interoperability with the `age` tool is in `tests/it/archive.rs`.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::*;

fn origin() -> Origin {
    Origin {
        practice: "Cabinet du Dr Martin".to_owned(),
        at: jiff::Timestamp::from_second(1_780_000_000).expect("time"),
    }
}

fn practice_key() -> ArchiveKey {
    ArchiveKey::practice(&PracticeArchiveKey::generate()).expect("key")
}

fn no_cancel() -> AtomicBool {
    AtomicBool::new(false)
}

/// A tree of the repository's DICOM samples plus a nested folder, a large file spanning several
/// chunks and an empty folder.
fn sample_tree(root: &Path) -> PathBuf {
    let tree = root.join("Examens");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dicom/pydicom/test_files");
    let nested = tree.join("Dupont Jean/IRM genou");
    fs::create_dir_all(&nested).expect("mkdir");
    fs::create_dir_all(tree.join("vide")).expect("mkdir");
    for (i, entry) in fs::read_dir(&samples).expect("samples").enumerate() {
        let entry = entry.expect("entry");
        if entry.file_type().expect("type").is_file() {
            let to = if i % 2 == 0 { &tree } else { &nested };
            fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
    // 200 KiB + 7 bytes of varied data: several age chunks and a tail.
    let big: Vec<u8> = (0..200 * 1024 + 7)
        .map(|i: u32| (i * 31 % 251) as u8)
        .collect();
    fs::write(nested.join("série longue.bin"), big).expect("write");
    fs::write(tree.join("vide.txt"), b"").expect("write");
    tree
}

fn make(dir: &Path, key: &ArchiveKey) -> (PathBuf, Archived) {
    let tree = sample_tree(dir);
    let plan = plan(&[tree]).expect("plan");
    let out = dir.join("archive.age");
    let archived =
        encrypt(&plan, key, &out, &origin(), &no_cancel(), &mut |_| {}).expect("encrypt");
    (out, archived)
}

/// The files under `root`; none when it does not exist (a refused restore removes the folder it made).
fn files_under(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    if !root.exists() {
        return out;
    }
    for entry in ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .build()
    {
        let entry = entry.expect("walk");
        if entry.file_type().is_some_and(|t| t.is_file()) {
            let rel = entry.path().strip_prefix(root).expect("rel");
            out.push((
                rel.to_string_lossy().replace('\\', "/"),
                fs::read(entry.path()).expect("read"),
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn a_tree_comes_back_bit_identical_with_its_times() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let (out, archived) = make(dir.path(), &key);
    assert!(
        archived.manifest.file_count >= 10,
        "the samples are archived"
    );
    assert_eq!(archived.manifest.practice, "Cabinet du Dr Martin");
    let to = dir.path().join("restored");
    let summary = restore(&out, &key, &to, &no_cancel(), &mut |_| {}).expect("restore");
    assert!(summary.manifest_checked, "a Vigie archive has its manifest");
    assert_eq!(summary.files, archived.manifest.file_count);
    assert_eq!(
        files_under(&to.join("Examens")),
        files_under(&dir.path().join("Examens")),
        "every file comes back identical"
    );
    assert!(to.join("Examens/vide").is_dir(), "empty folders are kept");
    let original = fs::metadata(
        dir.path()
            .join("Examens/Dupont Jean/IRM genou/série longue.bin"),
    )
    .and_then(|m| m.modified())
    .expect("mtime");
    let restored = fs::metadata(to.join("Examens/Dupont Jean/IRM genou/série longue.bin"))
        .and_then(|m| m.modified())
        .expect("mtime");
    let secs = |t: std::time::SystemTime| {
        t.duration_since(std::time::UNIX_EPOCH)
            .expect("after 1970")
            .as_secs()
    };
    assert_eq!(
        secs(original),
        secs(restored),
        "times are kept to the second"
    );
    // No staging folder is left behind.
    let leftovers: Vec<_> = fs::read_dir(&to)
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".vigie-restore")
        })
        .collect();
    assert!(leftovers.is_empty(), "the staging folder is removed");
}

#[test]
fn a_passphrase_archive_opens_with_its_passphrase_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = ArchiveKey::passphrase("une phrase de passe pour le confrère");
    let (out, archived) = make(dir.path(), &key);
    assert_eq!(open_kind(&out).expect("kind"), KeyKind::Passphrase);
    assert_eq!(archived.manifest.key, "passphrase");
    let listing = list(&out, &key, &no_cancel()).expect("list");
    assert_eq!(listing.files.len() as u64, archived.manifest.file_count);
    let wrong = ArchiveKey::passphrase("une autre phrase");
    assert!(matches!(
        verify(&out, &wrong, &no_cancel(), &mut |_| {}),
        Err(ArchiveError::WrongPassphrase)
    ));
    assert!(matches!(
        verify(&out, &practice_key(), &no_cancel(), &mut |_| {}),
        Err(ArchiveError::WrongKeyKind(KeyKind::Passphrase))
    ));
    // The work factor is the fixed one, not a calibration to this PC.
    let header = fs::read(&out).expect("read");
    let text = String::from_utf8_lossy(&header[..200]);
    assert!(
        text.contains(&format!(" {SCRYPT_LOG_N}\n")),
        "scrypt stanza with log N = {SCRYPT_LOG_N}: {text}"
    );
}

#[test]
fn a_wrong_identity_is_told_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, _) = make(dir.path(), &practice_key());
    assert!(matches!(
        verify(&out, &practice_key(), &no_cancel(), &mut |_| {}),
        Err(ArchiveError::WrongKey)
    ));
    assert!(matches!(
        verify(
            &out,
            &ArchiveKey::passphrase("x"),
            &no_cancel(),
            &mut |_| {}
        ),
        Err(ArchiveError::WrongKeyKind(KeyKind::Identity))
    ));
}

#[test]
fn not_an_age_file_is_said_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.age");
    fs::write(&path, b"PK\x03\x04 not an archive").expect("write");
    assert!(matches!(open_kind(&path), Err(ArchiveError::NotAge)));
    assert!(matches!(
        verify(&path, &practice_key(), &no_cancel(), &mut |_| {}),
        Err(ArchiveError::NotAge)
    ));
}

/// The payload starts after the header's `--- MAC` line and the 16-byte nonce; chunks are 64 KiB of
/// plaintext plus a 16-byte tag.
fn payload_start(bytes: &[u8]) -> usize {
    let mac = bytes
        .windows(4)
        .position(|w| w == b"--- ")
        .expect("header end");
    let newline = bytes[mac..]
        .iter()
        .position(|b| *b == b'\n')
        .expect("newline");
    mac + newline + 1 + 16
}

#[test]
fn a_cut_at_and_around_every_chunk_boundary_is_detected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let (out, _) = make(dir.path(), &key);
    let bytes = fs::read(&out).expect("read");
    let start = payload_start(&bytes);
    let chunk = 64 * 1024 + 16;
    let mut cuts = vec![
        bytes.len() - 1,
        bytes.len() - 16,
        start,
        start + 1,
        start + 100,
    ];
    let mut boundary = start + chunk;
    while boundary < bytes.len() {
        cuts.extend([boundary - 1, boundary, boundary + 1]);
        boundary += chunk;
    }
    assert!(cuts.len() > 8, "the archive spans several chunks");
    let cut_path = dir.path().join("cut.age");
    for cut in cuts {
        fs::write(&cut_path, &bytes[..cut]).expect("write");
        let result = verify(&cut_path, &key, &no_cancel(), &mut |_| {});
        assert!(
            matches!(result, Err(ArchiveError::Damaged(_))),
            "a cut at {cut} of {} is detected: {result:?}",
            bytes.len()
        );
        let to = dir.path().join(format!("restore-{cut}"));
        assert!(restore(&cut_path, &key, &to, &no_cancel(), &mut |_| {}).is_err());
        assert!(
            files_under(&to).is_empty(),
            "nothing restored from a cut archive"
        );
    }
}

#[test]
fn a_flipped_byte_anywhere_in_the_payload_is_detected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let (out, _) = make(dir.path(), &key);
    let bytes = fs::read(&out).expect("read");
    let start = payload_start(&bytes);
    let flipped = dir.path().join("flipped.age");
    for at in [start, start + 5000, start + 64 * 1024 + 20, bytes.len() - 1] {
        let mut copy = bytes.clone();
        copy[at] ^= 0x01;
        fs::write(&flipped, &copy).expect("write");
        let result = verify(&flipped, &key, &no_cancel(), &mut |_| {});
        assert!(
            matches!(result, Err(ArchiveError::Damaged(_))),
            "a flipped byte at {at} is detected: {result:?}"
        );
    }
    // In the header: the MAC fails.
    let mut copy = bytes.clone();
    copy[start - 20] ^= 0x01;
    fs::write(&flipped, &copy).expect("write");
    assert!(verify(&flipped, &key, &no_cancel(), &mut |_| {}).is_err());
}

#[test]
fn appended_bytes_are_detected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let (out, _) = make(dir.path(), &key);
    let mut bytes = fs::read(&out).expect("read");
    bytes.extend_from_slice(b"extra");
    fs::write(&out, &bytes).expect("write");
    assert!(verify(&out, &key, &no_cancel(), &mut |_| {}).is_err());
}

#[test]
fn a_failure_mid_write_leaves_no_archive_and_the_originals_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tree = sample_tree(dir.path());
    let before = files_under(&tree);
    let plan = plan(std::slice::from_ref(&tree)).expect("plan");
    let out = dir.path().join("archive.age");
    let result = encrypt_with(
        &plan,
        &practice_key(),
        &out,
        &origin(),
        &no_cancel(),
        &mut |_| {},
        &mut |written| {
            if written > 100_000 {
                Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
            } else {
                Ok(())
            }
        },
    );
    assert!(
        matches!(result, Err(ArchiveError::Io { .. })),
        "the failure is reported: {result:?}"
    );
    assert!(!out.exists(), "no archive under its name");
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains("archive.age")),
        "no temporary file left either: {names:?}"
    );
    assert_eq!(files_under(&tree), before, "the originals are untouched");
}

#[test]
fn a_cancelled_run_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tree = sample_tree(dir.path());
    let plan = plan(&[tree]).expect("plan");
    let out = dir.path().join("archive.age");
    let cancel = AtomicBool::new(false);
    let mut calls = 0;
    let result = encrypt(
        &plan,
        &practice_key(),
        &out,
        &origin(),
        &cancel,
        &mut |_| {
            calls += 1;
            if calls == 3 {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
    );
    assert!(matches!(result, Err(ArchiveError::Cancelled)), "{result:?}");
    assert!(!out.exists());
    assert_eq!(
        fs::read_dir(dir.path()).expect("list").count(),
        1,
        "only the tree is left"
    );
}

#[test]
fn an_existing_archive_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tree = sample_tree(dir.path());
    let plan = plan(&[tree]).expect("plan");
    let out = dir.path().join("archive.age");
    fs::write(&out, b"precious").expect("write");
    let result = encrypt(
        &plan,
        &practice_key(),
        &out,
        &origin(),
        &no_cancel(),
        &mut |_| {},
    );
    assert!(matches!(result, Err(ArchiveError::Exists(_))));
    assert_eq!(fs::read(&out).expect("read"), b"precious");
}

#[test]
fn restore_never_overwrites_and_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let (out, _) = make(dir.path(), &key);
    let to = dir.path().join("restored");
    fs::create_dir_all(to.join("Examens")).expect("mkdir");
    fs::write(to.join("Examens/vide.txt"), b"mine").expect("write");
    let result = restore(&out, &key, &to, &no_cancel(), &mut |_| {});
    assert!(
        matches!(result, Err(ArchiveError::WouldOverwrite(1))),
        "{result:?}"
    );
    assert_eq!(
        files_under(&to),
        vec![("Examens/vide.txt".to_owned(), b"mine".to_vec())],
        "nothing else written, the existing file kept"
    );
}

/// An age archive (to `key`) of a hand-made tar stream.
fn age_of_tar(key: &ArchiveKey, tar_bytes: &[u8], out: &Path) {
    let encryptor = key.encryptor().expect("encryptor");
    let mut writer = encryptor
        .wrap_output(fs::File::create(out).expect("create"))
        .expect("wrap");
    writer.write_all(tar_bytes).expect("write");
    writer.finish().expect("finish");
}

/// A tar entry written by hand, so that hostile names pass (the tar crate refuses to write them).
fn raw_entry(name: &str, kind: u8, data: &[u8]) -> Vec<u8> {
    let mut header = [0u8; 512];
    header[..name.len()].copy_from_slice(name.as_bytes());
    header[100..108].copy_from_slice(b"0000644\0");
    header[108..116].copy_from_slice(b"0000000\0");
    header[116..124].copy_from_slice(b"0000000\0");
    let size = format!("{:011o}\0", data.len());
    header[124..136].copy_from_slice(size.as_bytes());
    header[136..148].copy_from_slice(b"00000000000\0");
    header[156] = kind;
    header[257..263].copy_from_slice(b"ustar\0");
    header[263..265].copy_from_slice(b"00");
    header[148..156].copy_from_slice(b"        ");
    let sum: u32 = header.iter().map(|b| u32::from(*b)).sum();
    header[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
    let mut out = header.to_vec();
    out.extend_from_slice(data);
    out.resize(out.len().div_ceil(512) * 512, 0);
    out
}

#[test]
fn restore_refuses_entries_that_leave_the_folder_or_are_links() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    for (name, kind) in [
        ("../x", b'0'),
        ("a/../../x", b'0'),
        ("/etc/x", b'0'),
        ("C:/x", b'0'),
        ("..\\x", b'0'),
        ("lien", b'2'),
        ("dur", b'1'),
    ] {
        let mut stream = raw_entry("ok.txt", b'0', b"fine");
        stream.extend(raw_entry(name, kind, b"evil"));
        stream.extend([0u8; 1024]);
        let out = dir.path().join("hostile.age");
        let _ = fs::remove_file(&out);
        age_of_tar(&key, &stream, &out);
        let to = dir.path().join("to");
        let result = restore(&out, &key, &to, &no_cancel(), &mut |_| {});
        assert!(
            matches!(result, Err(ArchiveError::UnsafeEntry)),
            "{name:?} is refused: {result:?}"
        );
        assert!(files_under(&to).is_empty(), "nothing written for {name:?}");
        assert!(!dir.path().join("x").exists());
    }
}

#[test]
fn an_age_file_over_a_plain_tar_is_read_without_a_manifest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let mut stream = raw_entry("dossier/a.dcm", b'0', b"DICM-ish bytes");
    stream.extend(raw_entry("b.txt", b'0', b""));
    stream.extend([0u8; 1024]);
    let out = dir.path().join("plain.age");
    age_of_tar(&key, &stream, &out);
    let listing = list(&out, &key, &no_cancel()).expect("list");
    assert!(listing.manifest.is_none());
    assert_eq!(listing.files.len(), 2);
    let to = dir.path().join("to");
    let summary = restore(&out, &key, &to, &no_cancel(), &mut |_| {}).expect("restore");
    assert!(!summary.manifest_checked);
    assert_eq!(
        fs::read(to.join("dossier/a.dcm")).expect("read"),
        b"DICM-ish bytes"
    );
}

#[test]
fn a_manifest_that_does_not_match_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        created_at: origin().at,
        practice: "P".to_owned(),
        vigie_version: "0".to_owned(),
        key: "practice-key".to_owned(),
        file_count: 2,
        total_bytes: 4,
        files: vec![
            ManifestFile {
                path: "a.txt".to_owned(),
                size: 4,
                sha256: "00".repeat(32),
                modified: None,
            },
            ManifestFile {
                path: "gone.txt".to_owned(),
                size: 0,
                sha256: "00".repeat(32),
                modified: None,
            },
        ],
    };
    let mut stream = raw_entry("a.txt", b'0', b"abcd");
    stream.extend(raw_entry("extra.txt", b'0', b"x"));
    stream.extend(raw_entry(MANIFEST_NAME, b'0', &manifest.to_bytes()));
    stream.extend([0u8; 1024]);
    let out = dir.path().join("m.age");
    age_of_tar(&key, &stream, &out);
    let result = verify(&out, &key, &no_cancel(), &mut |_| {});
    assert!(
        matches!(
            result,
            Err(ArchiveError::Mismatch {
                missing: 1,
                differing: 1,
                extra: 1
            })
        ),
        "{result:?}"
    );
    let to = dir.path().join("to");
    assert!(restore(&out, &key, &to, &no_cancel(), &mut |_| {}).is_err());
    assert!(files_under(&to).is_empty());
}

#[test]
fn originals_are_removed_only_when_they_still_match() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let (_, archived) = make(dir.path(), &key);
    let changed = dir.path().join("Examens/vide.txt");
    fs::write(&changed, b"changed since").expect("write");
    let removal = remove_originals(&archived, &no_cancel(), &mut |_| {}).expect("remove");
    assert_eq!(removal.kept_changed, 1);
    assert_eq!(removal.removed, archived.manifest.file_count - 1);
    assert!(changed.exists(), "the changed file is kept");
    assert_eq!(files_under(&dir.path().join("Examens")).len(), 1);
}

#[test]
fn the_plan_leaves_links_out_and_names_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tree = sample_tree(dir.path());
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/passwd", tree.join("lien")).expect("symlink");
    let plan = plan(&[tree.clone(), tree]).expect("plan");
    #[cfg(unix)]
    assert_eq!(plan.skipped.links, 1);
    let names: std::collections::HashSet<&str> = plan
        .files
        .iter()
        .map(|f| f.name.split('/').next().unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        std::iter::once("Examens").collect(),
        "a folder chosen twice goes in once"
    );
    assert!(plan.files.iter().all(|f| !f.name.contains('\\')));
}

#[test]
fn the_practice_key_reads_back_from_its_text_and_its_file() {
    let key = PracticeArchiveKey::generate();
    assert!(key.secret_text().starts_with("AGE-SECRET-KEY-1"));
    assert!(key.recipient().starts_with("age1"));
    let again = PracticeArchiveKey::parse(&format!("  {}\n", key.secret_text())).expect("parse");
    assert_eq!(again, key);
    assert!(
        !format!("{key:?}").contains("AGE-SECRET"),
        "Debug hides the secret"
    );
    let from_file = ArchiveKey::identity_file(&key.identity_file()).expect("file");
    assert_eq!(from_file.kind(), KeyKind::Identity);
    assert!(matches!(
        PracticeArchiveKey::parse("AGE-SECRET-KEY-1NOPE"),
        Err(ArchiveError::BadIdentity)
    ));
}

#[test]
fn chosen_files_keep_their_folders_under_the_closest_common_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tree = sample_tree(dir.path());
    let files = vec![
        tree.join("Dupont Jean/IRM genou/série longue.bin"),
        tree.join("vide.txt"),
        tree.join("absent.dcm"),
        tree.join("vide.txt"),
    ];
    let plan = plan_files(&files);
    let names: Vec<&str> = plan.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Examens/Dupont Jean/IRM genou/série longue.bin",
            "Examens/vide.txt"
        ]
    );
    assert_eq!(plan.skipped.unreadable, 1, "the missing file is counted");
    let key = practice_key();
    let out = dir.path().join("a.age");
    let archived =
        encrypt(&plan, &key, &out, &origin(), &no_cancel(), &mut |_| {}).expect("encrypt");
    assert_eq!(archived.manifest.file_count, 2);
}

#[test]
fn two_chosen_folders_of_the_same_name_are_told_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    for side in ["a", "b"] {
        let folder = dir.path().join(side).join("Examens");
        fs::create_dir_all(&folder).expect("mkdir");
        fs::write(folder.join("IM0001"), side).expect("write");
    }
    let plan = plan(&[dir.path().join("a/Examens"), dir.path().join("b/Examens")]).expect("plan");
    let names: Vec<&str> = plan.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["Examens/IM0001", "Examens (2)/IM0001"]);
}

fn manifest_of(format: &str) -> Manifest {
    Manifest {
        format: format.to_owned(),
        created_at: origin().at,
        practice: "P".to_owned(),
        vigie_version: "0".to_owned(),
        key: "practice-key".to_owned(),
        file_count: 1,
        total_bytes: 4,
        files: vec![ManifestFile {
            path: "a.txt".to_owned(),
            size: 4,
            sha256: hex::encode(<sha2::Sha256 as sha2::Digest>::digest(b"abcd")),
            modified: None,
        }],
    }
}

#[test]
fn a_manifest_of_an_unknown_format_or_two_manifests_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let good = manifest_of(FORMAT).to_bytes();
    let newer = manifest_of("vigie-archive/2").to_bytes();
    let cases: [(&str, Vec<&[u8]>); 3] = [
        ("newer", vec![&newer]),
        ("two", vec![&good, &good]),
        ("two-kinds", vec![&good, b"ceci n'est pas une liste"]),
    ];
    for (name, manifests) in cases {
        let mut stream = raw_entry("a.txt", b'0', b"abcd");
        for m in manifests {
            stream.extend(raw_entry(MANIFEST_NAME, b'0', m));
        }
        stream.extend([0u8; 1024]);
        let out = dir.path().join(format!("{name}.age"));
        age_of_tar(&key, &stream, &out);
        let result = verify(&out, &key, &no_cancel(), &mut |_| {});
        assert!(
            matches!(
                result,
                Err(ArchiveError::UnknownFormat(_) | ArchiveError::TwoManifests)
            ),
            "{name}: {result:?}"
        );
        let to = dir.path().join(format!("nouveau-{name}")).join("dossier");
        assert!(restore(&out, &key, &to, &no_cancel(), &mut |_| {}).is_err());
        assert!(
            !dir.path().join(format!("nouveau-{name}")).exists(),
            "{name}: the folders a refused restore made are removed"
        );
    }
    // The same archive with one manifest of this format restores.
    let mut stream = raw_entry("a.txt", b'0', b"abcd");
    stream.extend(raw_entry(MANIFEST_NAME, b'0', &good));
    stream.extend([0u8; 1024]);
    let out = dir.path().join("one.age");
    age_of_tar(&key, &stream, &out);
    let summary = restore(
        &out,
        &key,
        &dir.path().join("to"),
        &no_cancel(),
        &mut |_| {},
    )
    .expect("restore");
    assert!(summary.manifest_checked);
}

#[test]
fn a_refused_restore_leaves_a_folder_that_existed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let mut stream = raw_entry("a.txt", b'0', b"abcd");
    stream.extend(raw_entry(
        MANIFEST_NAME,
        b'0',
        &manifest_of("vigie-archive/9").to_bytes(),
    ));
    stream.extend([0u8; 1024]);
    let out = dir.path().join("x.age");
    age_of_tar(&key, &stream, &out);
    let to = dir.path().join("existant");
    fs::create_dir(&to).expect("mkdir");
    assert!(restore(&out, &key, &to, &no_cancel(), &mut |_| {}).is_err());
    assert!(to.is_dir(), "a folder the user had stays");
}

#[test]
fn the_temporaries_of_killed_runs_are_removed_by_the_next_run_and_a_live_ones_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let killed = dir.path().join("hier.age.tmp-0123456789ab");
    let live = dir.path().join("autre.age.tmp-ba9876543210");
    let foreign = [
        dir.path().join("notes.txt.tmp-0123456789ab"),
        dir.path().join("hier.age.tmp-pas-a-nous"),
    ];
    for f in [&killed, &live].into_iter().chain(&foreign) {
        fs::write(f, b"partial").expect("write");
    }
    // A run under way elsewhere holds its temporary file locked.
    let holder = fs::File::open(&live).expect("open");
    holder.try_lock().expect("lock");
    let (out, _) = make(dir.path(), &key);
    assert!(out.is_file());
    assert!(!killed.exists(), "a killed run's temporary file is removed");
    assert!(live.exists(), "a live run's temporary file is kept");
    for f in &foreign {
        assert!(
            f.exists(),
            "{} is not an archive's temporary file",
            f.display()
        );
    }
    drop(holder);
}

#[test]
fn long_names_are_read_within_a_budget() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let long = format!("{}/b.txt", "dossier-au-nom-long".repeat(12));
    // A GNU long name and a PAX path, as GNU tar and bsdtar write them.
    let mut gnu = long.clone().into_bytes();
    gnu.push(0);
    let record = format!(" path={long}\n");
    let pax = format!(
        "{}{record}",
        record.len() + (record.len() + 3).to_string().len()
    );
    let mut stream = raw_entry("././@LongLink", b'L', &gnu);
    stream.extend(raw_entry("tronque", b'0', b"gnu"));
    stream.extend(raw_entry("PaxHeaders/x", b'x', pax.as_bytes()));
    stream.extend(raw_entry("tronque-aussi", b'0', b"pax"));
    stream.extend([0u8; 1024]);
    let out = dir.path().join("long.age");
    age_of_tar(&key, &stream, &out);
    let listing = list(&out, &key, &no_cancel()).expect("list");
    let paths: Vec<&str> = listing.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, [long.as_str(), long.as_str()], "{pax:?}");

    // A long name of 8 MiB is refused without being held.
    let mut huge = vec![b'a'; 8 * 1024 * 1024];
    huge.push(0);
    let mut stream = raw_entry("././@LongLink", b'L', &huge);
    stream.extend(raw_entry("x", b'0', b"x"));
    stream.extend([0u8; 1024]);
    let out = dir.path().join("huge.age");
    age_of_tar(&key, &stream, &out);
    let result = verify(&out, &key, &no_cancel(), &mut |_| {});
    assert!(
        matches!(result, Err(ArchiveError::UnsafeEntry)),
        "{result:?}"
    );
}

#[test]
fn the_checksum_list_after_the_manifest_must_match_it_and_may_be_absent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = practice_key();
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        created_at: origin().at,
        practice: "P".to_owned(),
        vigie_version: "0".to_owned(),
        key: "practice-key".to_owned(),
        file_count: 1,
        total_bytes: 4,
        files: vec![ManifestFile {
            path: "d/a.txt".to_owned(),
            size: 4,
            sha256: crate::digest::sha256_hex(b"abcd"),
            modified: None,
        }],
    };
    let bytes = manifest.to_bytes();
    let good = manifest.sums(&bytes);
    assert_eq!(
        good,
        format!(
            "{}  MANIFEST.json\n{}  d/a.txt\n",
            crate::digest::sha256_hex(&bytes),
            crate::digest::sha256_hex(b"abcd")
        )
    );
    let archive = |sums: Option<&[u8]>, name: &str| {
        let mut stream = raw_entry("d/a.txt", b'0', b"abcd");
        stream.extend(raw_entry(MANIFEST_NAME, b'0', &bytes));
        if let Some(s) = sums {
            stream.extend(raw_entry(SUMS_NAME, b'0', s));
        }
        stream.extend([0u8; 1024]);
        let out = dir.path().join(name);
        age_of_tar(&key, &stream, &out);
        verify(&out, &key, &no_cancel(), &mut |_| {})
    };
    // The list as written: read; without one (archives before it): read too.
    let read = archive(Some(good.as_bytes()), "good.age").expect("verified");
    assert_eq!(read.files.len(), 1, "the list is not a file of the archive");
    assert!(archive(None, "old.age").is_ok());
    // A list that says something else: the archive is damaged.
    let edited = good.replace(&crate::digest::sha256_hex(b"abcd"), &"0".repeat(64));
    assert!(matches!(
        archive(Some(edited.as_bytes()), "edited.age"),
        Err(ArchiveError::Damaged(_))
    ));
}
