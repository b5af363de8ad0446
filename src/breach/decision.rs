//! The decision helper: "notify the CNIL?" (art. 33: unless the breach is unlikely to result in a risk
//! to people) and "inform the patients?" (art. 34: when the risk is high, unless an exemption applies),
//! each recommended with its reasons, from the EDPB's criteria (Guidelines 9/2022 and the worked cases
//! of Guidelines 01/2021): the kind of breach, the sensitivity and volume of the data, whether they were
//! unintelligible (encrypted, key safe), copied out, restorable from a backup, how long they were
//! unavailable, and whether minors or vulnerable people are concerned. For health data the default is
//! "notify". The doctor decides; the decision and its reason are recorded in the chain.
//!
//! Conseil d'État, 22 July 2022, n° 449694: the CNIL having itself told the doctor of the breach, the
//! duty to notify of art. 33 did not apply to him. The helper takes this into account only when the
//! CNIL itself told the practice ([`super::Details::told_by_cnil`]); it never waives the register
//! (art. 33(5)) nor the information of the patients (art. 34).

#[cfg(test)]
use super::Cause;
use super::{Details, Known, Severity};

/// What the helper recommends about the CNIL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CnilAdvice {
    /// Notify within 72 hours of awareness.
    Notify,
    /// Unlikely to result in a risk: record it in the register, with the reason, without notifying.
    NotRequired,
    /// The CNIL itself told the practice: art. 33 does not apply (CE 22 July 2022, n° 449694); the
    /// register and art. 34 still do.
    CnilAlreadyKnows,
}

/// What the helper recommends about the people concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeopleAdvice {
    /// High risk: inform them without undue delay, in plain language (art. 34(1)).
    Inform,
    /// No high risk: informing them is not required.
    NotRequired,
    /// High risk, but later measures removed it (art. 34(3)(b)).
    RiskRemoved,
    /// High risk, but reaching each person would take disproportionate effort: a public
    /// communication instead (art. 34(3)(c)).
    PublicNotice,
}

/// A fact that weighs in a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The nature of the breach is not recorded yet: by precaution, as for a risk.
    NatureUnknown,
    /// Health data, the NIR or medical images: highly sensitive (art. 9); the default is "notify".
    SensitiveData,
    /// The data were encrypted and the key is safe: unintelligible to others (art. 34(3)(a)).
    Unintelligible,
    /// The data were not encrypted, or it is not known: readable by whoever has them.
    Readable,
    /// The encryption key or password was compromised too.
    KeyCompromised,
    /// Data were copied out.
    CopiedOut,
    /// No usable backup: data lost or altered for good.
    NoBackup,
    /// Unavailable for more than a day: care may be delayed.
    LongOutage,
    /// Restored from a backup within a day, nothing copied out.
    RestoredQuickly,
    /// Minors or vulnerable people are concerned.
    VulnerablePeople,
    /// The possible harm was assessed significant or maximum.
    SevereHarm,
    /// The CNIL itself told the practice of the breach.
    ToldByCnil,
    /// Later measures removed the high risk.
    RiskRemoved,
    /// Informing each person would take disproportionate effort.
    DisproportionateEffort,
}

/// Reminders beyond the GDPR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    /// A police complaint within 72 hours of learning of a cyberattack, for the cyber insurance to pay
    /// (Code des assurances, art. L.12-10-1, since 24 April 2023).
    PoliceComplaint,
    /// 17Cyber, the national assistance service (since 17 December 2024).
    Cyber17,
    /// Tell the insurer.
    Insurer,
    /// Tell the IT provider (and the host).
    ItProvider,
    /// A report to the CERT Santé (through the ARS portal): mandatory for hospitals, medico-social
    /// facilities and labs, voluntary for a private practice.
    CertSante,
}

/// The helper's recommendation, with its reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    /// About the CNIL.
    pub cnil: CnilAdvice,
    /// Why.
    pub cnil_reasons: Vec<Reason>,
    /// About the people.
    pub people: PeopleAdvice,
    /// Why.
    pub people_reasons: Vec<Reason>,
    /// What else to do.
    pub reminders: Vec<Reminder>,
}

impl Advice {
    /// Whether notifying the CNIL is recommended.
    pub fn notify(&self) -> bool {
        self.cnil == CnilAdvice::Notify
    }

    /// Whether informing the people (or a public notice) is recommended.
    pub fn inform(&self) -> bool {
        matches!(
            self.people,
            PeopleAdvice::Inform | PeopleAdvice::PublicNotice
        )
    }
}

/// Recommends, from the facts as recorded.
pub fn advise(d: &Details) -> Advice {
    let sensitive = d.sensitive();
    let unintelligible = d.encrypted == Known::Yes && d.key_compromised != Known::Yes;
    let nature_known = d.confidentiality || d.integrity || d.availability;
    let restorable = d.backup == Known::Yes;
    let long_outage = d.unavailable_hours.is_some_and(|h| h > 24)
        || (d.availability && !restorable && d.unavailable_hours.is_none());
    let copied = d.copied_out == Known::Yes;
    let vulnerable = d.minors == Known::Yes || d.vulnerable == Known::Yes;
    let severe = d.severity >= Severity::Significant;

    // The facts that make each loss a risk to people.
    let confidentiality_risk = (d.confidentiality || copied) && !unintelligible;
    let availability_risk = d.availability && (!restorable || long_outage);
    let integrity_risk = d.integrity && !restorable;

    let mut common = Vec::new();
    if sensitive {
        common.push(Reason::SensitiveData);
    }
    if d.confidentiality || copied {
        common.push(if unintelligible {
            Reason::Unintelligible
        } else {
            Reason::Readable
        });
    }
    if d.key_compromised == Known::Yes {
        common.push(Reason::KeyCompromised);
    }
    if copied {
        common.push(Reason::CopiedOut);
    }
    if (d.availability || d.integrity) && !restorable {
        common.push(Reason::NoBackup);
    }
    if long_outage {
        common.push(Reason::LongOutage);
    }
    if (d.availability || d.integrity) && restorable && !long_outage && !copied {
        common.push(Reason::RestoredQuickly);
    }
    if vulnerable {
        common.push(Reason::VulnerablePeople);
    }
    if severe {
        common.push(Reason::SevereHarm);
    }

    // Art. 33: a risk, unless unlikely. Health data lost, altered or unavailable is a risk even when
    // restored (EDPB 01/2021, the hospital case); unintelligible data are not.
    let risk = !nature_known
        || confidentiality_risk
        || availability_risk
        || integrity_risk
        || severe
        || (sensitive && (d.availability || d.integrity));
    let (cnil, mut cnil_reasons) = if d.told_by_cnil {
        (CnilAdvice::CnilAlreadyKnows, vec![Reason::ToldByCnil])
    } else if risk {
        (CnilAdvice::Notify, Vec::new())
    } else {
        (CnilAdvice::NotRequired, Vec::new())
    };
    if !nature_known {
        cnil_reasons.push(Reason::NatureUnknown);
    }
    cnil_reasons.extend(&common);

    // Art. 34: a high risk.
    let high = severe
        || (sensitive && (confidentiality_risk || availability_risk || integrity_risk))
        || (vulnerable && confidentiality_risk)
        || (d.key_compromised == Known::Yes && sensitive && d.confidentiality);
    let mut people_reasons = common;
    let people = if !high {
        PeopleAdvice::NotRequired
    } else if d.risk_removed {
        people_reasons.push(Reason::RiskRemoved);
        PeopleAdvice::RiskRemoved
    } else if d.people_unreachable {
        people_reasons.push(Reason::DisproportionateEffort);
        PeopleAdvice::PublicNotice
    } else {
        PeopleAdvice::Inform
    };

    let mut reminders = Vec::new();
    if d.cause.is_attack() {
        reminders.extend([Reminder::PoliceComplaint, Reminder::Cyber17]);
    }
    reminders.extend([Reminder::Insurer, Reminder::ItProvider, Reminder::CertSante]);

    Advice {
        cnil,
        cnil_reasons,
        people,
        people_reasons,
        reminders,
    }
}

#[cfg(test)]
mod tests {
    //! The worked cases of EDPB Guidelines 01/2021 on examples of breach notification, as they would
    //! be recorded by a practice. Where the EDPB's case is not about health data, the health-data
    //! variant says what changes.
    use super::*;

    fn health_patients() -> Details {
        Details {
            data_identity: true,
            data_health: true,
            people_patients: true,
            people: Some(800),
            ..Details::default()
        }
    }

    #[test]
    fn nothing_known_yet_means_notify_by_precaution() {
        let a = advise(&health_patients());
        assert_eq!(a.cnil, CnilAdvice::Notify);
        assert!(a.cnil_reasons.contains(&Reason::NatureUnknown));
    }

    /// Case 01: ransomware with proper backup and without exfiltration, restored within hours, no
    /// special-category data: unlikely to result in a risk, documented only.
    #[test]
    fn case_01_ransomware_with_backup_without_exfiltration() {
        let d = Details {
            availability: true,
            cause: Cause::Ransomware,
            backup: Known::Yes,
            copied_out: Known::No,
            unavailable_hours: Some(6),
            data_identity: true,
            data_contact: true,
            ..Details::default()
        };
        let a = advise(&d);
        assert_eq!(a.cnil, CnilAdvice::NotRequired);
        assert_eq!(a.people, PeopleAdvice::NotRequired);
        assert!(a.cnil_reasons.contains(&Reason::RestoredQuickly));
        assert!(a.reminders.contains(&Reminder::PoliceComplaint));
        // The same with the practice's health data: notify (health default, the hospital case 03),
        // patients need not be told when it was restored within hours and nothing left.
        let d = Details {
            data_health: true,
            ..d
        };
        let a = advise(&d);
        assert_eq!(a.cnil, CnilAdvice::Notify);
        assert_eq!(a.people, PeopleAdvice::NotRequired);
    }

    /// Case 02: ransomware without proper backup: data lost; with health data, a high risk.
    #[test]
    fn case_02_ransomware_without_backup() {
        let d = Details {
            availability: true,
            cause: Cause::Ransomware,
            backup: Known::No,
            copied_out: Known::No,
            ..health_patients()
        };
        let a = advise(&d);
        assert_eq!(a.cnil, CnilAdvice::Notify);
        assert_eq!(a.people, PeopleAdvice::Inform);
        assert!(a.people_reasons.contains(&Reason::NoBackup));
    }

    /// Case 03: ransomware with backup, without exfiltration, in a hospital, care delayed for days.
    #[test]
    fn case_03_ransomware_with_backup_long_outage_of_health_data() {
        let d = Details {
            availability: true,
            cause: Cause::Ransomware,
            backup: Known::Yes,
            copied_out: Known::No,
            unavailable_hours: Some(72),
            ..health_patients()
        };
        let a = advise(&d);
        assert_eq!(a.cnil, CnilAdvice::Notify);
        assert_eq!(a.people, PeopleAdvice::Inform);
        assert!(a.people_reasons.contains(&Reason::LongOutage));
    }

    /// Case 04: ransomware without backup and with exfiltration.
    #[test]
    fn case_04_ransomware_with_exfiltration() {
        let d = Details {
            availability: true,
            confidentiality: true,
            cause: Cause::Ransomware,
            backup: Known::No,
            copied_out: Known::Yes,
            ..health_patients()
        };
        let a = advise(&d);
        assert_eq!(a.cnil, CnilAdvice::Notify);
        assert_eq!(a.people, PeopleAdvice::Inform);
        assert!(a.people_reasons.contains(&Reason::CopiedOut));
    }

    /// Case 10: stolen material storing encrypted personal data, key safe, backup: not notified.
    #[test]
    fn case_10_stolen_encrypted_laptop() {
        let d = Details {
            confidentiality: true,
            availability: false,
            cause: Cause::StolenDevice,
            encrypted: Known::Yes,
            key_compromised: Known::No,
            backup: Known::Yes,
            ..health_patients()
        };
        let a = advise(&d);
        assert_eq!(a.cnil, CnilAdvice::NotRequired);
        assert_eq!(a.people, PeopleAdvice::NotRequired);
        assert!(a.cnil_reasons.contains(&Reason::Unintelligible));
        assert!(!a.reminders.contains(&Reminder::PoliceComplaint));
        // The password was on a note in the bag: the key is compromised, the data readable.
        let a = advise(&Details {
            key_compromised: Known::Yes,
            ..d
        });
        assert_eq!(a.cnil, CnilAdvice::Notify);
        assert_eq!(a.people, PeopleAdvice::Inform);
    }

    /// Case 11: stolen material storing non-encrypted personal data.
    #[test]
    fn case_11_stolen_unencrypted_device() {
        let d = Details {
            confidentiality: true,
            availability: true,
            cause: Cause::StolenDevice,
            encrypted: Known::No,
            backup: Known::Yes,
            unavailable_hours: Some(0),
            ..health_patients()
        };
        let a = advise(&d);
        assert_eq!(a.cnil, CnilAdvice::Notify);
        assert_eq!(a.people, PeopleAdvice::Inform);
        assert!(a.people_reasons.contains(&Reason::Readable));
    }

    /// Misdirected mail (cases 13–17): health data sent by e-mail to the wrong person.
    #[test]
    fn misdirected_email_with_health_data() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Misdirected,
            encrypted: Known::No,
            people: Some(1),
            ..health_patients()
        };
        let a = advise(&d);
        assert_eq!(a.cnil, CnilAdvice::Notify);
        assert_eq!(a.people, PeopleAdvice::Inform);
        // The recipient, a colleague bound by medical secrecy, confirmed in writing that they deleted
        // it unread: the doctor may record that later measures removed the high risk.
        let a = advise(&Details {
            risk_removed: true,
            ..d
        });
        assert_eq!(a.cnil, CnilAdvice::Notify);
        assert_eq!(a.people, PeopleAdvice::RiskRemoved);
    }

    /// The 2020 case: the CNIL told the doctor his imaging server was open. Art. 33 did not apply
    /// (CE 22 July 2022, n° 449694), the patients must still be told.
    #[test]
    fn the_cnil_told_the_doctor() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Misconfiguration,
            data_images: true,
            told_by_cnil: true,
            encrypted: Known::No,
            ..health_patients()
        };
        let a = advise(&d);
        assert_eq!(a.cnil, CnilAdvice::CnilAlreadyKnows);
        assert_eq!(a.people, PeopleAdvice::Inform);
        // Thousands of patients with no address kept: a public notice.
        let a = advise(&Details {
            people_unreachable: true,
            ..d
        });
        assert_eq!(a.people, PeopleAdvice::PublicNotice);
        assert!(a.inform());
    }

    #[test]
    fn minors_and_severe_harm_raise_the_risk() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Misdirected,
            data_contact: true,
            minors: Known::Yes,
            ..Details::default()
        };
        assert_eq!(advise(&d).people, PeopleAdvice::Inform);
        let d = Details {
            integrity: true,
            backup: Known::Yes,
            severity: Severity::Maximum,
            ..Details::default()
        };
        let a = advise(&d);
        assert!(a.notify() && a.inform());
    }
}
