//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use vigie::practice::{PracticeName, Profile};
use vigie::vault::{NewPassphrase, RecoveryCode, Vault, VaultContents};

/// A passphrase that meets the policy.
pub const PASSPHRASE: &str = "cheval-agrafe-lune-27";
/// Another one, for passphrase changes.
pub const OTHER_PASSPHRASE: &str = "velo-orange-sapin-93";

/// A temporary folder, removed at the end of the test.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// The policy-checked form of a test passphrase.
pub fn new_passphrase(p: &str) -> NewPassphrase {
    NewPassphrase::parse(p, p, &[]).expect("test passphrase meets the policy")
}

/// Creates a vault for "Cabinet du Dr Martin" in `dir`.
pub fn create_vault(dir: &std::path::Path) -> (PathBuf, Vault, RecoveryCode) {
    let path = dir.join("cabinet.vigie");
    let profile = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
    let (vault, code) = Vault::create(
        &path,
        &new_passphrase(PASSPHRASE),
        VaultContents::new(profile),
    )
    .expect("create");
    (path, vault, code)
}
