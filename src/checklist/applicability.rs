//! Which items apply to a practice: the catalog's rules name facts about the practice profile.

use super::catalog::Rule;
use crate::practice::{Profile, RecordsHosting};

/// Every fact a rule may name. The catalog test refuses any other name.
pub const KNOWN_FACTS: &[&str] = &[
    "has_images",
    "produces_images",
    "keeps_images",
    "keeps_images_on_pc",
    "keeps_images_on_server",
    "keeps_images_at_host",
    "has_imaging_server",
    "has_staff",
    "has_secretary",
    "has_locums",
    "has_assistants",
    "cloud_records",
    "local_records",
    "paper_records_only",
    "online_booking",
    "patient_wifi",
    "remote_access",
    "has_it_provider",
    "has_dpo",
    "receives_images",
    "does_teleconsultation",
    "has_video_surveillance",
    "has_email_domain",
];

/// The value of a named fact for a profile; `None` for an unknown name.
pub fn fact(profile: &Profile, name: &str) -> Option<bool> {
    let s = &profile.setup;
    // The imaging facts all come from the one summary the dashboard and the PDFs show.
    let imaging = s.imaging();
    Some(match name {
        // Images in the practice's care: produced or kept (receiving alone is `receives_images`).
        "has_images" => imaging.in_care(),
        "produces_images" => imaging.produces,
        "keeps_images" => imaging.keeps.any(),
        "keeps_images_on_pc" => imaging.keeps.on_pc,
        "keeps_images_on_server" => imaging.keeps.on_server,
        "keeps_images_at_host" => imaging.keeps.at_host,
        "has_imaging_server" => imaging.server,
        "has_staff" => !s.staff.alone(),
        "has_secretary" => s.staff.secretary,
        "has_locums" => s.staff.locums,
        "has_assistants" => s.staff.assistants,
        "cloud_records" => s.records == RecordsHosting::Cloud,
        "local_records" => s.records == RecordsHosting::Local,
        "paper_records_only" => s.records == RecordsHosting::Paper,
        "online_booking" => s.online_booking,
        "patient_wifi" => s.patient_wifi,
        "remote_access" => s.remote_access,
        "has_it_provider" => !profile.it_provider.trim().is_empty(),
        "has_dpo" => profile.dpo.is_some(),
        "receives_images" => imaging.receives,
        "does_teleconsultation" => s.teleconsultation,
        "has_video_surveillance" => s.video_surveillance,
        "has_email_domain" => s.own_email_domain,
        _ => return None,
    })
}

/// Whether `rule` holds for `profile` (an unknown fact counts as false; the catalog test prevents it).
pub fn applies(rule: &Rule, profile: &Profile) -> bool {
    match rule {
        Rule::Always => true,
        Rule::If(name) => fact(profile, name).unwrap_or(false),
        Rule::Unless(name) => !fact(profile, name).unwrap_or(true),
        Rule::AnyOf(rules) => rules.iter().any(|r| applies(r, profile)),
        Rule::AllOf(rules) => rules.iter().all(|r| applies(r, profile)),
    }
}

/// The fact names a rule uses.
pub fn facts_named(rule: &Rule) -> Vec<&str> {
    match rule {
        Rule::Always => Vec::new(),
        Rule::If(n) | Rule::Unless(n) => vec![n.as_str()],
        Rule::AnyOf(rules) | Rule::AllOf(rules) => rules.iter().flat_map(facts_named).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::{PracticeName, Staff};

    fn profile() -> Profile {
        Profile::named(PracticeName::parse("Cabinet").expect("name"))
    }

    #[test]
    fn every_known_fact_has_a_value() {
        let p = profile();
        for name in KNOWN_FACTS {
            assert!(fact(&p, name).is_some(), "{name}");
        }
        assert_eq!(fact(&p, "has_unicorns"), None);
    }

    #[test]
    fn rules_follow_the_profile() {
        let mut p = profile();
        let imaging = Rule::If("has_imaging_server".into());
        assert!(!applies(&imaging, &p));
        p.setup.has_imaging_server = true;
        assert!(
            !applies(&imaging, &p),
            "a server without images is not an imaging server"
        );
        p.setup.produces_images = true;
        assert!(applies(&imaging, &p));

        // A practice that only receives images is still told about stray images.
        let stray = Rule::AnyOf(vec![
            Rule::If("has_images".into()),
            Rule::If("receives_images".into()),
        ]);
        let mut gp = profile();
        assert!(!applies(&stray, &gp));
        gp.setup.receives_images = true;
        assert!(applies(&stray, &gp));
        assert!(!applies(&imaging, &gp));

        let staff = Rule::If("has_staff".into());
        assert!(!applies(&staff, &p));
        p.setup.staff = Staff {
            locums: true,
            ..Staff::default()
        };
        assert!(applies(&staff, &p));
        assert!(!applies(&Rule::Unless("has_staff".into()), &p));

        let either = Rule::AnyOf(vec![
            Rule::If("cloud_records".into()),
            Rule::If("has_images".into()),
        ]);
        assert!(applies(&either, &p));
        let both = Rule::AllOf(vec![
            Rule::If("cloud_records".into()),
            Rule::If("has_images".into()),
        ]);
        assert!(!applies(&both, &p));
        p.setup.records = RecordsHosting::Cloud;
        assert!(applies(&both, &p));
    }

    /// Issue 33's GP: receives images by e-mail and keeps some on the PC, produces none, no server.
    /// The catalog's imaging items follow: the images on the PC must be encrypted and not left in
    /// stray folders, but the PACS items and the imaging devices' systems do not concern the GP.
    #[test]
    fn a_gp_who_receives_and_keeps_images() {
        use crate::practice::ImageKeeping;
        let mut gp = profile();
        gp.setup.receives_images = true;
        gp.setup.keeps_images = ImageKeeping {
            on_pc: true,
            ..ImageKeeping::default()
        };
        let catalog = crate::checklist::catalog();
        let applies_to = |id: &str, p: &Profile| {
            let item = catalog.item(id).unwrap_or_else(|| panic!("{id}"));
            applies(&item.applies, p)
        };
        for id in [
            "imaging.encryption-at-rest",
            "imaging.stray-images",
            "imaging.offsite-transfer",
        ] {
            assert!(applies_to(id, &gp), "{id} concerns the GP");
        }
        for id in [
            "imaging.pacs-authentication",
            "imaging.dicom-firewall",
            "imaging.supported-systems",
        ] {
            assert!(!applies_to(id, &gp), "{id} does not concern the GP");
        }
        // Receiving alone (nothing kept): only the stray-images item.
        gp.setup.keeps_images = ImageKeeping::default();
        assert!(applies_to("imaging.stray-images", &gp));
        assert!(!applies_to("imaging.encryption-at-rest", &gp));
    }
}
