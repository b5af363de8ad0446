//! Helpers shared by the integration tests.

use std::path::PathBuf;

use vigie::practice::{PracticeName, Profile};
use vigie::practice_file::{PracticeFile, VaultContents};
use vigie::vault::{KdfParams, NewPassphrase, RecoveryCode};

/// A passphrase that meets the policy.
pub const PASSPHRASE: &str = "cheval-agrafe-lune-27";
/// Another one, for passphrase changes.
pub const OTHER_PASSPHRASE: &str = "velo-orange-sapin-93";

/// Key derivation for test vaults: the lowest cost a vault may declare (8 MiB, one pass) instead of the
/// production 64 MiB and three passes. The parameters are stored in the header, so these vaults open,
/// save and change passphrase like any other; `vault::new_vaults_use_the_production_key_derivation`
/// checks the production parameters themselves.
pub const TEST_KDF: KdfParams = KdfParams {
    m_cost_kib: 8 * 1024,
    t_cost: 1,
    p_cost: 1,
};

/// A temporary folder, removed at the end of the test.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// The policy-checked form of a test passphrase.
pub fn new_passphrase(p: &str) -> NewPassphrase {
    NewPassphrase::parse(p, p, &[]).expect("test passphrase meets the policy")
}

/// Creates a vault for "Cabinet du Dr Martin" in `dir`, with the cheap test key derivation.
pub fn create_vault(dir: &std::path::Path) -> (PathBuf, PracticeFile, RecoveryCode) {
    let path = dir.join("cabinet.vigie");
    let profile = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
    let (vault, code) = create_vault_with(&path, VaultContents::new(profile));
    (path, vault, code)
}

/// Creates a vault at `path` holding `contents`, with the test passphrase and key derivation.
pub fn create_vault_with(
    path: &std::path::Path,
    contents: VaultContents,
) -> (PracticeFile, RecoveryCode) {
    PracticeFile::create_with_params(path, &new_passphrase(PASSPHRASE), contents, TEST_KDF)
        .expect("create")
}

/// The built `vigie` with `data` as its data folder, no secret inherited from the environment (only
/// those in `env`), and no standard input.
pub fn vigie_command(
    data: &std::path::Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"));
    cmd.args(args)
        .env("VIGIE_DATA_DIR", data)
        .env_remove("VIGIE_PASSPHRASE")
        .env_remove("VIGIE_NEW_PASSPHRASE")
        .env_remove("VIGIE_RECOVERY_CODE")
        .env_remove("VIGIE_KEY_PASSPHRASE")
        .env_remove("VIGIE_ARCHIVE_PASSPHRASE")
        .env_remove(vigie::fs::DISK_FULL_ENV)
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}
