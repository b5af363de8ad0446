//! The fictional demo practice, so that a new user sees a full application before typing anything.
//!
//! A radiologist with an imaging server, a secretary and a cloud patient-record software. Later features
//! add their demo records here (answers, scans, breaches, signatures).

use std::path::Path;

use crate::practice::{
    Dpo, Email, PracticeName, Profile, RecordsHosting, Rpps, Setup, Specialty, Staff,
};
use crate::vault::{JournalEvent, NewPassphrase, RecoveryCode, Vault, VaultContents, VaultError};

/// The demo vault's passphrase in the GUI, shown on screen: the demo holds no real data.
pub const DEMO_PASSPHRASE: &str = "radio-lumiere-cabinet-demo";

/// The demo practice's profile. Names, numbers and addresses are fictional.
pub fn demo_profile() -> Profile {
    // Constants known to be valid: the unit test `demo_profile_is_valid` proves these parses succeed.
    #[allow(clippy::expect_used)]
    let name = PracticeName::parse("Cabinet de radiologie du Dr Lefèvre (démonstration)")
        .expect("valid name");
    let mut p = Profile::named(name);
    p.practitioner = "Dr Camille Lefèvre".into();
    p.rpps = Rpps::parse("10100000017").ok();
    p.specialty = Specialty::Radiology;
    p.address = "12 rue des Tilleuls, 69000 Lyon".into();
    p.email = Email::parse("secretariat@radiologie-lefevre.example").ok();
    p.setup = Setup {
        staff: Staff {
            secretary: true,
            locums: true,
            assistants: false,
        },
        has_images: true,
        has_imaging_server: true,
        records: RecordsHosting::Cloud,
        online_booking: true,
        patient_wifi: true,
        remote_access: true,
    };
    p.it_provider = "InfoSanté Services, 04 00 00 00 00".into();
    p.dpo = Some(Dpo {
        name: "Cabinet Conseil RGPD Santé".into(),
        email: Email::parse("dpo@conseil-rgpd.example").ok(),
        phone: String::new(),
    });
    p.patients_per_year = Some(4200);
    p
}

/// The demo practice's contents.
pub fn demo_contents() -> VaultContents {
    let mut contents = VaultContents::new(demo_profile());
    contents.demo = true;
    contents.profile_confirmed = true;
    contents.record(JournalEvent::ProfileUpdated);
    contents
}

/// Writes the demo practice to a new vault at `path`.
pub fn create_demo(
    path: &Path,
    passphrase: &NewPassphrase,
) -> Result<(Vault, RecoveryCode), VaultError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| VaultError::io("creating", dir, e))?;
    }
    Vault::create(path, passphrase, demo_contents())
}

/// The GUI's demo passphrase, as a policy-checked value.
pub fn demo_passphrase() -> NewPassphrase {
    // The unit test `demo_passphrase_meets_the_policy` proves this parse succeeds.
    #[allow(clippy::expect_used)]
    NewPassphrase::parse(DEMO_PASSPHRASE, DEMO_PASSPHRASE, &[])
        .expect("demo passphrase meets the policy")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_passphrase_meets_the_policy() {
        let _ = demo_passphrase();
    }

    #[test]
    fn demo_profile_is_valid() {
        let p = demo_profile();
        assert!(p.rpps.is_some() && p.email.is_some());
        assert_eq!(p.to_draft().validate().expect("valid"), p);
    }
}
