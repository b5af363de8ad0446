//! Nothing lost, ever: the command line tried the way a careless user, a script with a typo and an
//! attacker would. Outputs never land on a vault, a backup, a folder or a device; one writer at a time;
//! hostile "vaults" are refused quickly, with bounded memory, before any key derivation.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{
    OTHER_PASSPHRASE, PASSPHRASE, TEST_KDF, create_vault, create_vault_with, temp_dir,
    vigie_command,
};
use vigie::practice_file::PracticeFile;
use vigie::vault::{self, Unlock, VaultError, format};

fn vigie(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    vigie_command(data, args, env).output().expect("run vigie")
}

/// Runs vigie, killing it if it has not finished within `limit` (a hang is a failure, not a stuck CI).
fn vigie_within(data: &Path, args: &[&str], limit: Duration) -> Output {
    // In French whatever the system's language (Wine's is English): the messages are checked.
    let mut args = args.to_vec();
    if !args.contains(&"--lang") {
        args.extend(["--lang", "fr"]);
    }
    let mut child = vigie_command(data, &args, &[("VIGIE_PASSPHRASE", PASSPHRASE)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("vigie {args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).replace(['\u{a0}', '\u{202f}'], " ")
}

/// Exit status 2, one line on standard error containing `contains`.
fn assert_refused(o: &Output, contains: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(
        err.contains(contains),
        "{err:?} should contain {contains:?}"
    );
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Every file in `dir` with its bytes, to prove that a refusal changed nothing.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .expect("ls")
        .flatten()
        .map(|e| {
            let p = e.path();
            let bytes = if p.is_file() {
                std::fs::read(&p).ok()
            } else {
                None
            };
            (p, bytes)
        })
        .collect();
    out.sort();
    out
}

fn export_to(dir: &Path, vault: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "--lang",
        "fr",
        "export",
        "--vault",
        s(vault),
        "--kind",
        "assessment",
        "--out",
        s(out),
    ];
    args.extend_from_slice(extra);
    vigie(dir, &args, &[("VIGIE_PASSPHRASE", PASSPHRASE)])
}

#[test]
fn export_never_lands_on_a_vault_a_backup_a_folder_or_a_device() {
    let dir = temp_dir();
    let (path, mut v, _) = create_vault(dir.path());
    v.contents_mut().practice.practitioner = "Dr Martin".into();
    v.save().expect("save: makes a backup");
    drop(v);
    let backup = vault::backup_path(&path, 1);
    assert!(backup.is_file());
    let other = dir.path().join("autre cabinet.vigie");
    create_vault_with(&other, vigie::demo::demo_contents());
    // The other practice's vault under a PDF's name: recognised by its content.
    let disguised = dir.path().join("rapport.pdf");
    std::fs::copy(&other, &disguised).expect("copy");
    std::fs::create_dir(dir.path().join("dossier.pdf")).expect("mkdir");
    let before = snapshot(dir.path());
    // The program's own data folder (settings, diagnostic log) elsewhere: only the refusals are watched.
    let data = temp_dir();

    for target in [&path, &backup, &other, &disguised] {
        for extra in [&[][..], &["--force"][..]] {
            let o = export_to(data.path(), &path, target, extra);
            assert_refused(&o, "est un coffre Vigie");
        }
    }
    let o = export_to(
        data.path(),
        &path,
        &dir.path().join("dossier.pdf"),
        &["--force"],
    );
    assert_refused(&o, "n'est pas un fichier ordinaire");
    let o = export_to(data.path(), &path, &vault::lock_path(&path), &["--force"]);
    assert_refused(&o, "est un coffre Vigie");
    #[cfg(unix)]
    {
        let fifo = dir.path().join("tube.pdf");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let o = export_to(data.path(), &path, &fifo, &["--force"]);
            assert_refused(&o, "n'est pas un fichier ordinaire");
            std::fs::remove_file(&fifo).expect("rm fifo");
        }
        let o = export_to(data.path(), &path, Path::new("/dev/null"), &["--force"]);
        assert_refused(&o, "n'est pas un fichier ordinaire");
    }
    assert_eq!(snapshot(dir.path()), before, "every file byte-identical");
    // And the vault still opens.
    PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("vault intact");
}

#[test]
fn export_replaces_a_pdf_but_another_file_only_with_force_and_never_makes_folders() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());

    let missing = dir.path().join("exports").join("rapport.pdf");
    let o = export_to(dir.path(), &path, &missing, &[]);
    assert_refused(&o, "n'existe pas");
    assert!(!dir.path().join("exports").exists(), "no folder created");

    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "mes notes").expect("write");
    let o = export_to(dir.path(), &path, &notes, &[]);
    assert_refused(&o, "--force");
    assert_eq!(std::fs::read(&notes).expect("read"), b"mes notes");
    let o = export_to(dir.path(), &path, &notes, &["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&notes).expect("read").starts_with(b"%PDF-"));

    let pdf = dir.path().join("rapport.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 an older report").expect("write");
    let o = export_to(dir.path(), &path, &pdf, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&pdf).expect("read");
    assert!(bytes.starts_with(b"%PDF-") && bytes.len() > 1000);
}

/// Two `vault passwd` at once, many times: exactly one succeeds each time, and the vault opens with the
/// passphrase it set (before the lock, both said "changed" and one passphrase did not open the vault).
#[test]
fn two_concurrent_passphrase_changes_one_wins_and_the_vault_opens_with_it() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let mut current = PASSPHRASE.to_owned();
    for trial in 0..8 {
        let a = format!("velo-orange-sapin-{}", 10 + trial);
        let b = format!("marteau-nuage-bleu-{}", 10 + trial);
        let (a, b) = (a.as_str(), b.as_str());
        let spawn = |new: &str| {
            vigie_command(
                dir.path(),
                &["--lang", "fr", "vault", "passwd", "--vault", s(&path)],
                &[
                    ("VIGIE_PASSPHRASE", current.as_str()),
                    ("VIGIE_NEW_PASSPHRASE", new),
                ],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn")
        };
        let first = spawn(a);
        let second = spawn(b);
        let first = first.wait_with_output().expect("first");
        let second = second.wait_with_output().expect("second");
        let won: Vec<&str> = [(&first, a), (&second, b)]
            .iter()
            .filter(|(o, _)| o.status.success())
            .map(|(_, p)| *p)
            .collect();
        assert_eq!(
            won.len(),
            1,
            "trial {trial}: exactly one succeeds; stderr: {:?} / {:?}",
            stderr(&first),
            stderr(&second)
        );
        let loser = if first.status.success() {
            &second
        } else {
            &first
        };
        let why = stderr(loser);
        assert!(
            why.contains("ouvert ailleurs") || why.contains("Phrase de passe incorrecte"),
            "trial {trial}: {why}"
        );
        current = won[0].to_owned();
        PracticeFile::open(&path, Unlock::Passphrase(&current))
            .unwrap_or_else(|e| panic!("trial {trial}: the winner's passphrase opens: {e:?}"));
    }
}

/// Two `vault init` of different practices at one path: one creates, the other is refused; the vault
/// there is the winner's.
#[test]
fn two_concurrent_inits_at_one_path_one_is_refused() {
    let dir = temp_dir();
    for trial in 0..4 {
        let path = dir.path().join(format!("cabinet-{trial}.vigie"));
        let spawn = |practice: &str| {
            vigie_command(
                dir.path(),
                &[
                    "--lang",
                    "fr",
                    "vault",
                    "init",
                    "--vault",
                    s(&path),
                    "--practice",
                    practice,
                ],
                &[("VIGIE_PASSPHRASE", PASSPHRASE)],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn")
        };
        let a = spawn("Cabinet Alpha");
        let b = spawn("Cabinet Beta");
        let a = a.wait_with_output().expect("a");
        let b = b.wait_with_output().expect("b");
        assert_ne!(
            a.status.success(),
            b.status.success(),
            "trial {trial}: one succeeds, one is refused: {:?} / {:?}",
            stderr(&a),
            stderr(&b)
        );
        let (winner, loser) = if a.status.success() {
            ("Cabinet Alpha", &b)
        } else {
            ("Cabinet Beta", &a)
        };
        assert_eq!(loser.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&loser.stdout).trim().is_empty(),
            "the refused one prints no recovery code"
        );
        let v = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("open");
        assert_eq!(v.contents().practice.name.as_str(), winner);
    }
}

#[test]
fn a_vault_open_for_writing_keeps_other_writers_out() {
    let dir = temp_dir();
    let (path, vault, _) = create_vault(dir.path());
    assert!(vault.holds_lock());
    let before = std::fs::read(&path).expect("read");

    let o = vigie(
        dir.path(),
        &["--lang", "fr", "vault", "passwd", "--vault", s(&path)],
        &[
            ("VIGIE_PASSPHRASE", PASSPHRASE),
            ("VIGIE_NEW_PASSPHRASE", OTHER_PASSPHRASE),
        ],
    );
    assert_refused(&o, "Ce coffre est ouvert ailleurs");
    // Reading is allowed while it is open.
    let o = vigie(
        dir.path(),
        &["--lang", "fr", "vault", "check", "--vault", s(&path)],
        &[("VIGIE_PASSPHRASE", PASSPHRASE)],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // In this process too: a second writer, and a save from a vault opened to read.
    assert!(matches!(
        PracticeFile::open_for_writing(&path, Unlock::Passphrase(PASSPHRASE)),
        Err(VaultError::Locked { .. })
    ));
    let mut reader = PracticeFile::open(&path, Unlock::Passphrase(PASSPHRASE)).expect("read");
    assert!(!reader.holds_lock());
    reader.contents_mut().practice.practitioner = "intrus".into();
    assert!(matches!(reader.save(), Err(VaultError::Locked { .. })));
    assert_eq!(std::fs::read(&path).expect("read"), before);

    drop(vault);
    let o = vigie(
        dir.path(),
        &["vault", "passwd", "--vault", s(&path)],
        &[
            ("VIGIE_PASSPHRASE", PASSPHRASE),
            ("VIGIE_NEW_PASSPHRASE", OTHER_PASSPHRASE),
        ],
    );
    assert!(o.status.success(), "free again: {}", stderr(&o));
}

#[test]
fn things_that_are_not_vaults_are_refused_quickly_without_reading_them() {
    let dir = temp_dir();
    let limit = Duration::from_mins(1);
    let check = |target: &Path| {
        vigie_within(
            dir.path(),
            &["--lang", "fr", "vault", "check", "--vault", s(target)],
            limit,
        )
    };

    // 200 MB of random-looking bytes.
    let big = dir.path().join("gros.vigie");
    {
        use std::io::Write as _;
        let mut f = std::fs::File::create(&big).expect("create");
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let chunk: Vec<u8> = (0..1024 * 1024)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        for _ in 0..200 {
            f.write_all(&chunk).expect("write");
        }
    }
    assert_refused(&check(&big), "n'est pas un coffre Vigie");

    // The same size, starting like a vault but announcing another size: refused before reading it all.
    {
        use std::io::{Seek as _, Write as _};
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(&big)
            .expect("open");
        f.rewind().expect("seek");
        let mut prefix = format::MAGIC.to_vec();
        prefix.extend_from_slice(&1u16.to_le_bytes());
        prefix.extend_from_slice(&(format::HEADER_V1_LEN as u32).to_le_bytes());
        prefix.extend_from_slice(&1000u64.to_le_bytes());
        f.write_all(&prefix).expect("write");
    }
    assert_refused(&check(&big), "endommagé");

    assert_refused(&check(dir.path()), "n'est pas un fichier ordinaire");
    #[cfg(unix)]
    {
        assert_refused(
            &check(Path::new("/dev/zero")),
            "n'est pas un fichier ordinaire",
        );
        let fifo = dir.path().join("tube.vigie");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert_refused(&check(&fifo), "n'est pas un fichier ordinaire");
        }
    }
}

/// On Unix, with the address space capped well below the file's size: opening a 200 MB file that is
/// not a vault cannot have read it whole.
#[cfg(target_os = "linux")]
#[test]
fn refusing_a_large_file_takes_little_memory() {
    let dir = temp_dir();
    let big = dir.path().join("gros.bin");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(200 * 1024 * 1024).expect("sparse 200 MB");
    drop(f);
    let script = format!(
        "ulimit -v 150000; exec '{}' --lang fr vault check --vault '{}'",
        env!("CARGO_BIN_EXE_vigie"),
        s(&big)
    );
    let o = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("VIGIE_DATA_DIR", dir.path())
        .env("VIGIE_PASSPHRASE", PASSPHRASE)
        .output()
        .expect("sh");
    assert_refused(&o, "n'est pas un coffre Vigie");
}

/// A header edited to the largest parameters and its SHA-256 trailer recomputed: refused as damaged
/// before any derivation (which would have taken gigabytes and minutes).
#[test]
fn inflated_key_derivation_parameters_are_refused_before_deriving() {
    let dir = temp_dir();
    let (path, _, _) = create_vault(dir.path());
    let bytes = std::fs::read(&path).expect("read");
    let kdf_at = format::PREFIX_LEN + 1;
    for (field, value) in [
        (0, 4 * 1024 * 1024u32), // 4 GiB
        (0, vault::KdfParams::MAX.m_cost_kib + 1),
        (4, 64), // passes
        (4, vault::KdfParams::MAX.t_cost + 1),
        (8, 16),   // lanes
        (0, 1024), // below the floor: a weakened derivation
    ] {
        let mut body = bytes[..bytes.len() - format::TRAILER_LEN].to_vec();
        body[kdf_at + field..kdf_at + field + 4].copy_from_slice(&value.to_le_bytes());
        let (tampered, _) = format::finish(body, &[]);
        let target = dir.path().join("modifie.vigie");
        std::fs::write(&target, &tampered).expect("write");
        // Corrupt, not WrongPassphrase: refused before deriving (a derivation with other parameters
        // would have produced another key, and "wrong passphrase").
        let err = PracticeFile::open(&target, Unlock::Passphrase(PASSPHRASE)).expect_err("refused");
        assert!(
            matches!(err, VaultError::Corrupt),
            "{field}={value}: {err:?}"
        );
        let o = vigie_within(
            dir.path(),
            &["--lang", "fr", "vault", "check", "--vault", s(&target)],
            Duration::from_mins(1),
        );
        assert_refused(&o, "endommagé ou a été modifié");
    }
}

#[test]
fn an_accented_passphrase_opens_whichever_way_the_accent_was_typed() {
    let dir = temp_dir();
    let composed = "château-fève-été-2026"; // each accent as one character (NFC)
    let decomposed: String = {
        // Each accent as a letter and a combining accent (NFD), as some keyboards and macOS type it.
        use unicode_normalization::UnicodeNormalization as _;
        composed.nfd().collect()
    };
    assert_ne!(composed, decomposed);
    assert!(decomposed.contains("e\u{301}"));

    // Created with one form, opened with the other, both ways; the CLI too.
    for (create_with, open_with) in [(composed, decomposed.as_str()), (&decomposed, composed)] {
        let path = dir.path().join(format!("c-{}.vigie", create_with.len()));
        let passphrase =
            vigie::vault::NewPassphrase::parse(create_with, create_with, &[]).expect("policy");
        let profile = vigie::practice::Profile::named(
            vigie::practice::PracticeName::parse("Cabinet du Dr Martin").expect("name"),
        );
        let (v, _) = PracticeFile::create_with_params(
            &path,
            &passphrase,
            vigie::practice_file::VaultContents::new(profile),
            TEST_KDF,
        )
        .expect("create");
        drop(v);
        PracticeFile::open(&path, Unlock::Passphrase(open_with)).expect("other form opens");
        PracticeFile::open(&path, Unlock::Passphrase(create_with)).expect("same form opens");
        let o = vigie(
            dir.path(),
            &["vault", "check", "--vault", s(&path)],
            &[("VIGIE_PASSPHRASE", open_with)],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    // The confirmation typed the other way matches.
    assert!(vigie::vault::NewPassphrase::parse(composed, &decomposed, &[]).is_ok());
}

#[test]
fn a_save_removes_the_temporary_files_an_interrupted_save_left_and_nothing_else() {
    let dir = temp_dir();
    let (_, mut v, _) = create_vault(dir.path());
    let stale = dir.path().join("cabinet.vigie.tmp-0123456789ab");
    let stale_backup = dir.path().join("cabinet.vigie.bak1.tmp-abcdef012345");
    let not_ours = [
        dir.path().join("cabinet.vigie.tmp-mine"),
        dir.path().join("autre.vigie.tmp-0123456789ab"),
        dir.path().join("Dupont Marie.tmp-0123456789ab"),
    ];
    for p in [&stale, &stale_backup].into_iter().chain(not_ours.iter()) {
        std::fs::write(p, b"left by a kill").expect("write");
    }
    v.contents_mut().practice.practitioner = "Dr Martin".into();
    v.save().expect("save");
    assert!(
        !stale.exists() && !stale_backup.exists(),
        "Vigie's own removed"
    );
    for p in &not_ours {
        assert!(p.exists(), "{} kept", p.display());
    }
}

#[test]
fn a_closed_output_ends_the_scan_quietly() {
    let dir = temp_dir();
    let tree = dir.path().join("exports");
    std::fs::create_dir(&tree).expect("mkdir");
    for i in 0..3000 {
        std::fs::write(
            tree.join(format!("capture d'écran numéro {i:05}.png")),
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR fake png",
        )
        .expect("write");
    }
    // Every format: the CSV writer once turned the closed pipe into "Erreur : Broken pipe" (exit 2).
    for format in ["text", "json", "csv", "csv-excel"] {
        let mut child = vigie_command(
            dir.path(),
            &["--lang", "fr", "scan", "--format", format, s(&tree)],
            &[],
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
        // Read one byte, then close the pipe, as `head -c1` does.
        {
            use std::io::Read as _;
            let mut out = child.stdout.take().expect("stdout");
            let mut one = [0u8; 1];
            out.read_exact(&mut one).expect("first byte");
        }
        let o = child.wait_with_output().expect("wait");
        assert_eq!(o.status.code(), Some(0), "{format}: stderr: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{format}: quiet: {}", stderr(&o));
    }
}

#[test]
fn usage_errors_are_one_line_in_the_users_language() {
    let dir = temp_dir();
    for (args, fr) in [
        (
            &["--lang", "fr", "vault", "frobnicate"][..],
            "commande inconnue : frobnicate",
        ),
        (
            &["--lang", "fr", "scan", "--bogus", "x"][..],
            "argument inconnu : --bogus",
        ),
        (
            &["--lang", "fr", "scan", "--format", "xml", "x"][..],
            "valeur non valable",
        ),
        (
            &["--lang", "fr", "vault", "check"][..],
            "il manque : --vault",
        ),
        (&["--lang=fr", "vault"][..], "il manque la commande"),
    ] {
        let o = vigie(dir.path(), args, &[]);
        assert_refused(&o, fr);
        assert_refused(&o, "vigie --help");
    }
    let o = vigie(dir.path(), &["--lang", "en", "vault", "frobnicate"], &[]);
    assert_refused(&o, "unknown command: frobnicate. Help: vigie --help");
    let o = vigie(dir.path(), &["--version"], &[]);
    assert!(o.status.success());
}

#[test]
fn system_errors_are_in_french_not_in_the_systems_words() {
    let dir = temp_dir();
    let o = vigie(
        dir.path(),
        &[
            "--lang",
            "fr",
            "vault",
            "check",
            "--vault",
            s(&dir.path().join("absent.vigie")),
        ],
        &[],
    );
    assert_refused(&o, "fichier ou dossier introuvable");
    assert!(!stderr(&o).contains("os error"), "{}", stderr(&o));
}

/// Makes a FIFO at `path`; `false` where the system has no `mkfifo` (the case is then skipped).
#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// A sparse file of 2 GiB: no disk space, but a reader that reads it whole needs 2 GiB of memory.
fn sparse_2gb(path: &Path) {
    let f = std::fs::File::create(path).expect("create");
    f.set_len(2 * 1024 * 1024 * 1024).expect("set_len");
}

#[test]
fn files_given_to_vigie_are_read_within_a_budget_a_huge_one_refused_by_its_size() {
    let data = temp_dir();
    let dir = temp_dir();
    // A bundle (a ZIP by its first bytes) of 2 GiB.
    let bundle = dir.path().join("huge.vigie-assessment");
    sparse_2gb(&bundle);
    {
        use std::io::Write as _;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(&bundle)
            .expect("open");
        f.write_all(b"PK\x03\x04").expect("write");
    }
    let o = vigie_within(
        data.path(),
        &["verify", s(&bundle)],
        Duration::from_secs(20),
    );
    assert_refused(&o, "fichier trop volumineux");
    // A signed file with an `allowed_signers` of 2 GiB beside it.
    let signed = temp_dir();
    std::fs::write(signed.path().join("auto-evaluation.json"), b"{}").expect("write");
    sparse_2gb(&signed.path().join("allowed_signers"));
    let o = vigie_within(
        data.path(),
        &["verify", s(&signed.path().join("auto-evaluation.json"))],
        Duration::from_secs(20),
    );
    assert_refused(&o, "fichier trop volumineux");
    // An identity file of 2 GiB given to open an archive.
    let identity = dir.path().join("cle.txt");
    sparse_2gb(&identity);
    let archive = dir.path().join("a.age");
    std::fs::write(
        &archive,
        b"age-encryption.org/v1\n-> X25519 AAAA\nAAAA\n--- AAAA\n",
    )
    .expect("write");
    let o = vigie_within(
        data.path(),
        &["archive", "verify", s(&archive), "--identity", s(&identity)],
        Duration::from_secs(20),
    );
    assert_ne!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("memory allocation"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn fifos_given_to_vigie_are_refused_at_once() {
    let data = temp_dir();
    let dir = temp_dir();
    let fifo = dir.path().join("tube.vigie-assessment");
    if !mkfifo(&fifo) {
        return;
    }
    let limit = Duration::from_secs(20);
    let o = vigie_within(data.path(), &["verify", s(&fifo)], limit);
    assert_refused(&o, "pas un fichier ordinaire");
    // As the archive to verify, decrypt or list.
    for command in ["verify", "list"] {
        let o = vigie_within(
            data.path(),
            &["archive", command, s(&fifo), "--identity", s(&fifo)],
            limit,
        );
        assert_refused(&o, "pas un fichier ordinaire");
    }
    let to = dir.path().join("restaure");
    let o = vigie_within(
        data.path(),
        &[
            "archive",
            "decrypt",
            s(&fifo),
            "--to",
            s(&to),
            "--identity",
            s(&fifo),
        ],
        limit,
    );
    assert_refused(&o, "pas un fichier ordinaire");
    // As the `allowed_signers` beside a signed file.
    let signed = temp_dir();
    std::fs::write(signed.path().join("auto-evaluation.json"), b"{}").expect("write");
    assert!(mkfifo(&signed.path().join("allowed_signers")));
    let o = vigie_within(
        data.path(),
        &["verify", s(&signed.path().join("auto-evaluation.json"))],
        limit,
    );
    assert_refused(&o, "pas un fichier ordinaire");
    // As the facts of a breach assessment.
    let o = vigie_within(data.path(), &["breach", "assess", s(&fifo)], limit);
    assert_refused(&o, "pas un fichier ordinaire");
}

#[test]
fn control_characters_in_a_practice_name_never_reach_the_terminal_raw() {
    let dir = temp_dir();
    let vault = dir.path().join("cabinet.vigie");
    let mut contents = vigie::demo::demo_contents();
    contents.assessments = vigie::assessment::AssessmentHistory::default();
    let hostile =
        "Cabinet\u{1b}[2J\u{1b}]0;titre\u{7}\r\n✓ Toutes les signatures sont valides (faux)";
    contents.practice.name = vigie::practice::PracticeName::parse(hostile).expect("name");
    create_vault_with(&vault, contents);
    let v = s(&vault);
    let env = [("VIGIE_PASSPHRASE", PASSPHRASE)];
    let o = vigie(dir.path(), &["assessment", "sign", "--vault", v], &env);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = dir.path().join("out");
    let o = vigie(
        dir.path(),
        &[
            "export",
            "--vault",
            v,
            "--kind",
            "signed-assessment",
            "--out",
            s(&out),
        ],
        &env,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bundle = std::fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().ends_with(".vigie-assessment"))
        .expect("bundle");
    let verified = vigie(dir.path(), &["verify", s(&bundle)], &[]);
    let checked = vigie(dir.path(), &["vault", "check", "--vault", v], &env);
    for o in [verified, checked] {
        let text = String::from_utf8_lossy(&o.stdout).into_owned();
        assert!(text.contains("Cabinet\\u{1b}[2J"), "{text}");
        assert!(!text.contains(['\u{1b}', '\r', '\u{7}']), "{text:?}");
        assert!(
            !text.lines().any(|l| l.starts_with("✓ Toutes")),
            "a fake result line: {text}"
        );
    }
}

/// The shortest of three runs of `f`.
fn fastest(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .expect("three runs")
}

/// A hostile `allowed_signers` of about `n` × 4 bytes: one line of `n` fields before its key, and a
/// principal pattern of `n` stars.
fn hostile_allowed_signers(n: usize, key: &str) -> String {
    let mut text = String::from("fields");
    text.push_str(&" o".repeat(n));
    text.push(' ');
    text.push_str(key);
    text.push_str("\n\"");
    text.push_str(&"a*".repeat(n / 2));
    text.push_str("b\" ");
    text.push_str(key);
    text.push('\n');
    text
}

#[test]
fn side_files_take_time_in_proportion_to_their_size() {
    use vigie::assessment::sshsig::{PublicKey, allowed, parse_allowed_signers};
    let key = PublicKey(ed25519_dalek::SigningKey::from_bytes(&[9; 32]).verifying_key());
    let line = key.openssh();
    let principal = "a".repeat(200);
    // Each case runs on a thread: the larger is given up at 100 times the smaller one's time (ten times
    // is linear), so that a superlinear reader fails this test instead of hanging it. The smaller one
    // (milliseconds when linear) has only a guard against a hang (an exponential pattern match).
    let run = move |text: String| {
        let key = key;
        let principal = principal.clone();
        move || {
            assert_eq!(parse_allowed_signers(&text).len(), 2);
            assert!(allowed(&text, Some(&principal), "vigie-assessment", &key, 0).is_none());
        }
    };
    let timed = |case: Box<dyn FnMut() + Send>| {
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(fastest(case));
        });
        finished
    };
    let small_time = timed(Box::new(run(hostile_allowed_signers(100_000, &line))))
        .recv_timeout(Duration::from_mins(2))
        .expect("the smaller case hangs")
        .max(Duration::from_millis(1));
    let big_time = timed(Box::new(run(hostile_allowed_signers(1_000_000, &line))))
        .recv_timeout(small_time * 100)
        .unwrap_or_else(|_| panic!("ten times the size took over 100 times {small_time:?}"));
    let ratio = big_time.as_secs_f64() / small_time.as_secs_f64();
    assert!(
        ratio < 40.0,
        "ten times the size, {ratio:.1} times the time ({small_time:?} → {big_time:?})"
    );
}
