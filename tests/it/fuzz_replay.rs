//! Replays the fuzzers' kept corpora (`fuzz/corpus/<target>/`) through the same functions the fuzzer
//! drives (`vigie::fuzzing`), on every `cargo test`: an input that once crashed a reader stays fixed,
//! and every reader of outside bytes meets the corpus even where no fuzzer runs (Windows under Wine).

use std::path::{Path, PathBuf};

fn corpus_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join("corpus")
        .join(name)
}

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_target_has_a_kept_corpus_and_a_cargo_fuzz_program() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/Cargo.toml"))
            .expect("fuzz/Cargo.toml");
    for target in vigie::fuzzing::TARGETS {
        let dir = corpus_dir(target.name);
        assert!(
            !inputs(&dir).is_empty(),
            "no corpus for the fuzz target {}",
            target.name
        );
        assert!(
            manifest.contains(&format!("name = \"{}\"", target.name)),
            "fuzz/Cargo.toml has no program for {}",
            target.name
        );
        let program = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/fuzz_targets")
            .join(format!("{}.rs", target.name));
        let source = std::fs::read_to_string(&program)
            .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
        assert!(
            source.contains(&format!("target(\"{}\")", target.name)),
            "{} does not drive its own target",
            program.display()
        );
    }
}

#[test]
fn the_kept_corpora_replay_without_a_panic() {
    let mut replayed = 0usize;
    for target in vigie::fuzzing::TARGETS {
        for input in inputs(&corpus_dir(target.name)) {
            let data = std::fs::read(&input).expect("corpus file");
            let outcome = std::panic::catch_unwind(|| (target.run)(&data));
            assert!(
                outcome.is_ok(),
                "the fuzz target {} panics on {}",
                target.name,
                input.display()
            );
            replayed += 1;
        }
    }
    assert!(replayed >= vigie::fuzzing::TARGETS.len());
}

#[test]
fn a_target_is_found_by_its_name_only() {
    assert!(vigie::fuzzing::target("vault_file").is_some());
    assert!(vigie::fuzzing::target("no_such_target").is_none());
}
