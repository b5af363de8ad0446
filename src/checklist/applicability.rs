//! Which items apply to a practice: the catalog's rules name facts about the practice profile.

use super::catalog::Rule;
use crate::practice::{Profile, RecordsHosting};

/// Every fact a rule may name. The catalog test refuses any other name.
pub const KNOWN_FACTS: &[&str] = &[
    "has_images",
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
    "needs_dpo",
    "has_dpo",
    "receives_images",
    "does_teleconsultation",
    "has_video_surveillance",
    "has_email_domain",
];

/// The value of a named fact for a profile; `None` for an unknown name.
pub fn fact(profile: &Profile, name: &str) -> Option<bool> {
    let s = &profile.setup;
    Some(match name {
        "has_images" => s.has_images,
        "has_imaging_server" => s.has_images && s.has_imaging_server,
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
        "needs_dpo" => profile.needs_dpo(),
        "has_dpo" => profile.dpo.is_some(),
        "receives_images" => s.receives_images,
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
        p.setup.has_images = true;
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
}
