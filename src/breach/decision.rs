//! The decision helper: "notify the CNIL?" (art. 33: unless the breach is unlikely to result in a risk
//! to people) and "inform the patients?" (art. 34: when the risk is high, unless an exemption applies),
//! each recommended with its reasons, from the EDPB's criteria (Guidelines 9/2022 and the worked cases
//! of Guidelines 01/2021): the kind of breach, the sensitivity and volume of the data, whether they were
//! unintelligible, copied out, restorable from a backup, how long they were unavailable, and whether
//! minors or vulnerable people are concerned. For health data the default is "notify" (the CNIL: "en
//! cas de doute, notifiez"). The doctor decides; the decision and its reason are recorded in the chain.
//!
//! **"Don't know" is never reassuring.** A fact not known yet counts as its worst answer: data of
//! unknown encryption are readable, a backup not known to exist does not exist, an outage of unknown
//! length is long, a copy not ruled out happened, people not known to be adults may be minors, a breach
//! whose data are not described concerns health data. The art. 34(3)(a) exemption needs the data
//! encrypted *and* the key known to be safe, and encryption counts only where it protects: on a device
//! or medium lost, stolen or switched off — never for an exposure of a running system (a server
//! reachable from the Internet, an intrusion, ransomware, a mail or a file sent to the wrong person),
//! which serves the data decrypted ([`super::Exposure`]). Each unknown fact that weighs is named among
//! the reasons as "not yet known"; the reasons state only facts that were entered.
//!
//! The severity of the possible harm (CNIL form, item 11) is the doctor's own weighing, not a fact: when
//! assessed, it decides — significant or maximum is a high risk; limited or negligible is not (and,
//! negligible, for data that are not health data, not a risk worth notifying); when not assessed, the
//! facts decide as above.
//!
//! Conseil d'État, 22 July 2022, n° 449694: the CNIL having itself told the doctor of the breach, the
//! duty to notify of art. 33 did not apply to him. The helper takes this into account only when the
//! CNIL itself told the practice ([`super::Details::told_by_cnil`]); it never waives the register
//! (art. 33(5)) nor the information of the patients (art. 34).

use super::{Cause, Details, Exposure, Known, Severity};

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

impl CnilAdvice {
    /// A stable name, for `vigie breach assess --format json`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Notify => "notify",
            Self::NotRequired => "not_required",
            Self::CnilAlreadyKnows => "cnil_already_knows",
        }
    }
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

impl PeopleAdvice {
    /// A stable name, for `vigie breach assess --format json`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Inform => "inform",
            Self::NotRequired => "not_required",
            Self::RiskRemoved => "risk_removed",
            Self::PublicNotice => "public_notice",
        }
    }
}

/// A fact the helper weighs that is not known yet (counted, by precaution, as its worst answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fact {
    /// The nature of the breach (confidentiality, integrity, availability): treated as a risk.
    Nature,
    /// The categories of data: treated as health data.
    DataCategories,
    /// Whether the data were encrypted: treated as not encrypted.
    Encrypted,
    /// Whether the data were exposed on a device at rest or by a running system: as a running system.
    Exposure,
    /// Whether the encryption key (or the password that opens it) stayed safe: as compromised.
    KeySafe,
    /// Whether data were copied out or seen by someone: as copied.
    CopiedOut,
    /// Whether a usable backup existed: as none.
    Backup,
    /// How long the data were unavailable: as more than a day.
    OutageDuration,
    /// Whether minors or vulnerable people are concerned: as concerned.
    VulnerablePeople,
    /// The severity of the possible harm: the facts decide.
    Severity,
}

impl Fact {
    /// A stable name, for `vigie breach assess --format json`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Nature => "nature",
            Self::DataCategories => "data_categories",
            Self::Encrypted => "encrypted",
            Self::Exposure => "exposure",
            Self::KeySafe => "key_compromised",
            Self::CopiedOut => "copied_out",
            Self::Backup => "backup",
            Self::OutageDuration => "unavailable_hours",
            Self::VulnerablePeople => "minors_or_vulnerable",
            Self::Severity => "severity",
        }
    }
}

/// A fact that weighs in a recommendation: each one states only what was entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A fact not known yet, counted as its worst answer.
    NotYetKnown(Fact),
    /// Health data, the NIR or medical images: highly sensitive (art. 9); the default is "notify".
    SensitiveData,
    /// Bank or financial data: a risk of fraud.
    FinancialData,
    /// The data were encrypted on a device or medium lost, stolen or switched off, and the key is
    /// known to be safe: unintelligible to others (art. 34(3)(a)).
    Unintelligible,
    /// The data were not encrypted: readable by whoever has them.
    NotEncrypted,
    /// Encrypted, but exposed by a running system, which serves them decrypted: the encryption does
    /// not protect them here.
    EncryptionDoesNotProtect,
    /// The encryption key (or the password that opens it) was compromised too.
    KeyCompromised,
    /// A device or medium lost or stolen: whoever has it may read what it holds.
    DeviceOutOfHands,
    /// Data were copied out.
    CopiedOut,
    /// No data were copied out.
    NotCopiedOut,
    /// No usable backup: data lost or altered for good.
    NoBackup,
    /// A usable backup existed.
    BackupRestorable,
    /// Unavailable for more than a day: care may be delayed.
    LongOutage,
    /// Unavailable for a day at most.
    ShortOutage,
    /// Minors or vulnerable people are concerned.
    VulnerablePeople,
    /// Neither minors nor vulnerable people are concerned.
    NoVulnerablePeople,
    /// The data were copied (or may have been) in an attack: people may be targeted with them.
    CopiedInAttack,
    /// Many people are concerned.
    ManyPeople,
    /// The possible harm was assessed significant or maximum.
    SevereHarm,
    /// The possible harm was assessed limited: no high risk.
    LimitedHarm,
    /// The possible harm was assessed negligible.
    NegligibleHarm,
    /// The CNIL itself told the practice of the breach.
    ToldByCnil,
    /// Later measures removed the high risk.
    RiskRemoved,
    /// Informing each person would take disproportionate effort.
    DisproportionateEffort,
}

impl Reason {
    /// A stable name, for `vigie breach assess --format json` (with [`Fact::code`] for a fact not yet
    /// known).
    pub fn code(self) -> &'static str {
        match self {
            Self::NotYetKnown(_) => "not_yet_known",
            Self::SensitiveData => "sensitive_data",
            Self::FinancialData => "financial_data",
            Self::Unintelligible => "unintelligible",
            Self::NotEncrypted => "not_encrypted",
            Self::EncryptionDoesNotProtect => "encryption_does_not_protect",
            Self::KeyCompromised => "key_compromised",
            Self::DeviceOutOfHands => "device_out_of_hands",
            Self::CopiedOut => "copied_out",
            Self::NotCopiedOut => "not_copied_out",
            Self::NoBackup => "no_backup",
            Self::BackupRestorable => "backup",
            Self::LongOutage => "long_outage",
            Self::ShortOutage => "short_outage",
            Self::VulnerablePeople => "vulnerable_people",
            Self::NoVulnerablePeople => "no_vulnerable_people",
            Self::CopiedInAttack => "copied_in_attack",
            Self::ManyPeople => "many_people",
            Self::SevereHarm => "severe_harm",
            Self::LimitedHarm => "limited_harm",
            Self::NegligibleHarm => "negligible_harm",
            Self::ToldByCnil => "told_by_cnil",
            Self::RiskRemoved => "risk_removed",
            Self::DisproportionateEffort => "disproportionate_effort",
        }
    }
}

/// Reminders beyond the GDPR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    /// A police complaint within 72 hours of learning of a cyberattack, for the cyber insurance to pay
    /// (Code des assurances, art. L.12-10-1, since 24 April 2023) — also for an exposed system that
    /// others accessed, itself an offence (Code pénal, art. 323-1).
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

impl Reminder {
    /// A stable name, for `vigie breach assess --format json`.
    pub fn code(self) -> &'static str {
        match self {
            Self::PoliceComplaint => "police_complaint",
            Self::Cyber17 => "17cyber",
            Self::Insurer => "insurer",
            Self::ItProvider => "it_provider",
            Self::CertSante => "cert_sante",
        }
    }
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

/// From this many people, a breach of confidentiality is a high risk until the doctor weighs its harm
/// (the EDPB weighs the number of people concerned; it sets no figure: a thousand patients is a large
/// part of a practice's file).
pub const MANY_PEOPLE: u64 = 1_000;

/// Recommends, from the facts as recorded.
pub fn advise(d: &Details) -> Advice {
    let mut common = Vec::new();
    let nature_known = d.confidentiality || d.integrity || d.availability;

    // The data: unknown categories count as health data (a medical practice's data).
    let categories_known = d.categories_known();
    let sensitive = d.sensitive() || !categories_known;
    if d.sensitive() {
        common.push(Reason::SensitiveData);
    } else if !categories_known {
        common.push(Reason::NotYetKnown(Fact::DataCategories));
    }
    if d.data_financial {
        common.push(Reason::FinancialData);
    }
    // Health, NIR, images or bank data: a breach of their confidentiality is a high risk.
    let highly_personal = sensitive || d.data_financial;

    // Confidentiality: who may read the data. A copy not ruled out counts as made.
    let device_gone = matches!(d.cause, Cause::LostDevice | Cause::StolenDevice);
    let exposed = d.confidentiality || device_gone || d.copied_out != Known::No;
    match d.copied_out {
        Known::Yes => common.push(Reason::CopiedOut),
        Known::Unknown => common.push(Reason::NotYetKnown(Fact::CopiedOut)),
        Known::No => common.push(Reason::NotCopiedOut),
    }
    if device_gone && !d.confidentiality {
        common.push(Reason::DeviceOutOfHands);
    }
    // Unintelligible only when encrypted, at rest, with the key known to be safe (art. 34(3)(a)).
    let exposure = d.assessed_exposure();
    let unintelligible =
        d.encrypted == Known::Yes && exposure == Exposure::AtRest && d.key_compromised == Known::No;
    if exposed {
        common.push(match (d.encrypted, exposure, d.key_compromised) {
            (Known::No, _, _) => Reason::NotEncrypted,
            (Known::Unknown, _, _) => Reason::NotYetKnown(Fact::Encrypted),
            (Known::Yes, Exposure::RunningSystem, _) => Reason::EncryptionDoesNotProtect,
            (Known::Yes, Exposure::Unknown, _) => Reason::NotYetKnown(Fact::Exposure),
            (Known::Yes, Exposure::AtRest, Known::No) => Reason::Unintelligible,
            (Known::Yes, Exposure::AtRest, Known::Yes) => Reason::KeyCompromised,
            (Known::Yes, Exposure::AtRest, Known::Unknown) => Reason::NotYetKnown(Fact::KeySafe),
        });
    }
    let confidentiality_risk = exposed && !unintelligible;

    // Integrity and availability: a backup not known to exist does not; an outage of unknown length
    // is long.
    let restorable = d.backup == Known::Yes;
    if d.availability || d.integrity {
        common.push(match d.backup {
            Known::Yes => Reason::BackupRestorable,
            Known::No => Reason::NoBackup,
            Known::Unknown => Reason::NotYetKnown(Fact::Backup),
        });
    }
    let long_outage = d.availability && d.unavailable_hours.is_none_or(|h| h > 24);
    if d.availability {
        common.push(match d.unavailable_hours {
            Some(h) if h > 24 => Reason::LongOutage,
            Some(_) => Reason::ShortOutage,
            None => Reason::NotYetKnown(Fact::OutageDuration),
        });
    }
    let availability_risk = d.availability && (!restorable || long_outage);
    let integrity_risk = d.integrity && !restorable;

    // Minors or vulnerable people: unless both are known not to be concerned, they may be.
    let vulnerable_known = d.minors == Known::Yes || d.vulnerable == Known::Yes;
    let vulnerable = d.minors != Known::No || d.vulnerable != Known::No;
    if vulnerable_known {
        common.push(Reason::VulnerablePeople);
    } else if confidentiality_risk && !highly_personal {
        // It weighs only here: for the other data the risk is already high.
        common.push(if vulnerable {
            Reason::NotYetKnown(Fact::VulnerablePeople)
        } else {
            Reason::NoVulnerablePeople
        });
    }

    // Copied in an attack, or reaching many people: until the doctor weighs the harm, a high risk for
    // any data (EDPB 01/2021: the skimmed job applications, case 05; the stolen laptop of 100,000
    // customers, case 11; a long list of recipients in copy, case 15).
    let attack = d.cause.is_attack() || d.intent == crate::breach::Intent::Malicious;
    let copied_in_attack = confidentiality_risk && d.copied_out != Known::No && attack;
    let many = confidentiality_risk && d.people.as_ref().is_some_and(|c| c.low >= MANY_PEOPLE);
    if copied_in_attack {
        common.push(Reason::CopiedInAttack);
    }
    if many {
        common.push(Reason::ManyPeople);
    }

    match d.severity {
        Severity::Significant | Severity::Maximum => common.push(Reason::SevereHarm),
        Severity::Limited => common.push(Reason::LimitedHarm),
        Severity::Negligible => common.push(Reason::NegligibleHarm),
        Severity::Unknown => common.push(Reason::NotYetKnown(Fact::Severity)),
    }

    // Art. 33: a risk, unless unlikely. Health data lost, altered or unavailable is a risk even when
    // restored (EDPB 01/2021, the hospital case); unintelligible data are not.
    let facts_risk = confidentiality_risk
        || availability_risk
        || integrity_risk
        || (sensitive && (d.availability || d.integrity));
    let risk = !nature_known
        || match d.severity {
            Severity::Significant | Severity::Maximum => true,
            // Negligible harm, weighed by the doctor: no risk worth notifying, except for health
            // data, where the CNIL asks to notify when in doubt.
            Severity::Negligible if !sensitive => false,
            _ => facts_risk,
        };
    let (cnil, mut cnil_reasons) = if d.told_by_cnil {
        (CnilAdvice::CnilAlreadyKnows, vec![Reason::ToldByCnil])
    } else if risk {
        (CnilAdvice::Notify, Vec::new())
    } else {
        (CnilAdvice::NotRequired, Vec::new())
    };
    if !nature_known {
        cnil_reasons.push(Reason::NotYetKnown(Fact::Nature));
    }
    cnil_reasons.extend(&common);

    // Art. 34: a high risk.
    let high = match d.severity {
        Severity::Significant | Severity::Maximum => true,
        Severity::Negligible | Severity::Limited => false,
        Severity::Unknown => {
            !nature_known
                || (highly_personal && confidentiality_risk)
                || (sensitive && (availability_risk || integrity_risk))
                || (vulnerable && confidentiality_risk)
                || copied_in_attack
                || many
        }
    };
    let mut people_reasons = Vec::new();
    if !nature_known {
        people_reasons.push(Reason::NotYetKnown(Fact::Nature));
    }
    people_reasons.extend(common);
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

    // A cyberattack, or an exposed system that others accessed (an offence too: Code pénal, art.
    // 323-1), or one whose cause is not known yet.
    let accessed = (d.confidentiality || d.copied_out == Known::Yes)
        && matches!(d.cause, Cause::Misconfiguration | Cause::Unknown);
    let mut reminders = Vec::new();
    if d.cause.is_attack() || accessed {
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
    //! Every worked case of EDPB Guidelines 01/2021 on examples of breach notification (version 2.0,
    //! 14 December 2021), summarised in our own words and recorded as a practice would record it, with
    //! the EDPB's verdict (notify the authority? inform the people?). Where the EDPB's case is not about
    //! health data, a health-data variant says what changes for a medical practice. Where the verdict
    //! rests on the EDPB's own weighing of the harm (identity theft, fraud, a trivial mix-up), that
    //! weighing is recorded as the severity, as the CNIL's form asks. Then the two 2020 CNIL decisions
    //! (SAN-2020-014 and SAN-2020-015: a doctor's imaging server reachable from the Internet), with and
    //! without disk encryption. Each case comes with its "don't know" variants: every fact the doctor
    //! could leave unknown is tried unknown, and the advice is never less cautious than with the worst
    //! known answer ([`unknown_is_the_worst_answer`]).
    use super::*;

    /// How cautious an advice is: (notify or the CNIL already knows, a high risk for the people).
    fn caution(a: &Advice) -> (bool, bool) {
        (
            a.cnil != CnilAdvice::NotRequired,
            a.people != PeopleAdvice::NotRequired,
        )
    }

    fn at_least(unknown: &Advice, known: &Advice) -> bool {
        let (u, k) = (caution(unknown), caution(known));
        (u.0 || !k.0) && (u.1 || !k.1)
    }

    /// For every fact of `d` that can be left unknown, the advice with it unknown is at least as
    /// cautious as with any known answer; and with no category of data given, at least as cautious as
    /// with the categories recorded.
    fn unknown_is_the_worst_answer(d: &Details) {
        type Field = (&'static str, fn(&mut Details) -> &mut Known);
        let fields: [Field; 6] = [
            ("copied_out", |d| &mut d.copied_out),
            ("encrypted", |d| &mut d.encrypted),
            ("key_compromised", |d| &mut d.key_compromised),
            ("backup", |d| &mut d.backup),
            ("minors", |d| &mut d.minors),
            ("vulnerable", |d| &mut d.vulnerable),
        ];
        for (name, field) in fields {
            let with = |k: Known| {
                let mut v = d.clone();
                *field(&mut v) = k;
                advise(&v)
            };
            let unknown = with(Known::Unknown);
            for k in [Known::Yes, Known::No] {
                assert!(at_least(&unknown, &with(k)), "{name} unknown vs {k:?}");
            }
        }
        let hours = |h: Option<u32>| {
            advise(&Details {
                unavailable_hours: h,
                ..d.clone()
            })
        };
        for h in [Some(0), Some(24), Some(25), Some(1000)] {
            assert!(at_least(&hours(None), &hours(h)), "hours unknown vs {h:?}");
        }
        if d.cause.exposure() == Exposure::Unknown {
            let exposure = |e: Exposure| {
                advise(&Details {
                    exposure: e,
                    ..d.clone()
                })
            };
            for e in [Exposure::AtRest, Exposure::RunningSystem] {
                assert!(
                    at_least(&exposure(Exposure::Unknown), &exposure(e)),
                    "{e:?}"
                );
            }
        }
        let no_category = Details {
            data_identity: false,
            data_contact: false,
            data_nir: false,
            data_health: false,
            data_images: false,
            data_financial: false,
            data_other: String::new(),
            ..d.clone()
        };
        assert!(at_least(&advise(&no_category), &advise(d)), "categories");
    }

    fn health_patients() -> Details {
        Details {
            data_identity: true,
            data_health: true,
            people_patients: true,
            people: Some(crate::breach::Count::exact(800)),
            minors: Known::Yes,
            vulnerable: Known::Yes,
            ..Details::default()
        }
    }

    fn customers() -> Details {
        Details {
            data_identity: true,
            data_contact: true,
            minors: Known::No,
            vulnerable: Known::No,
            ..Details::default()
        }
    }

    fn expect(d: &Details, cnil: CnilAdvice, people: PeopleAdvice) -> Advice {
        let a = advise(d);
        assert_eq!((a.cnil, a.people), (cnil, people), "{a:?}");
        unknown_is_the_worst_answer(d);
        a
    }

    #[test]
    fn nothing_known_yet_means_notify_and_inform_by_precaution() {
        let a = expect(
            &Details::default(),
            CnilAdvice::Notify,
            PeopleAdvice::Inform,
        );
        for fact in [Fact::Nature, Fact::DataCategories, Fact::CopiedOut] {
            assert!(
                a.cnil_reasons.contains(&Reason::NotYetKnown(fact)),
                "{fact:?}"
            );
        }
        assert!(
            a.people_reasons
                .contains(&Reason::NotYetKnown(Fact::Nature))
        );
    }

    #[test]
    fn reasons_state_only_the_facts_entered() {
        // Ransomware, restored from a backup, copy not ruled out, outage not measured: nothing says
        // "restored within a day" nor "nothing copied out".
        let d = Details {
            availability: true,
            cause: Cause::Ransomware,
            backup: Known::Yes,
            ..health_patients()
        };
        let a = advise(&d);
        let all = [&a.cnil_reasons[..], &a.people_reasons[..]].concat();
        for absent in [
            Reason::NotCopiedOut,
            Reason::ShortOutage,
            Reason::LongOutage,
        ] {
            assert!(!all.contains(&absent), "{absent:?}");
        }
        for present in [
            Reason::BackupRestorable,
            Reason::NotYetKnown(Fact::CopiedOut),
            Reason::NotYetKnown(Fact::OutageDuration),
            Reason::NotYetKnown(Fact::Encrypted),
        ] {
            assert!(a.cnil_reasons.contains(&present), "{present:?}");
        }
        assert_eq!(
            (a.cnil, a.people),
            (CnilAdvice::Notify, PeopleAdvice::Inform)
        );
    }

    // 2. Ransomware.

    /// Case 01: ransomware on a small company's systems; exfiltration ruled out with certainty by the
    /// logs; data restored from a backup within hours; no effect on operations; clients' and staff's
    /// data, a few dozen people. The EDPB: neither notify nor inform.
    #[test]
    fn case_01_ransomware_with_backup_without_exfiltration() {
        let d = Details {
            availability: true,
            integrity: true,
            cause: Cause::Ransomware,
            encrypted: Known::Yes,
            key_compromised: Known::No,
            backup: Known::Yes,
            copied_out: Known::No,
            unavailable_hours: Some(6),
            people: Some(crate::breach::Count::exact(40)),
            ..customers()
        };
        let a = expect(&d, CnilAdvice::NotRequired, PeopleAdvice::NotRequired);
        assert!(a.cnil_reasons.contains(&Reason::NotCopiedOut));
        assert!(a.cnil_reasons.contains(&Reason::ShortOutage));
        assert!(a.reminders.contains(&Reminder::PoliceComplaint));
        // Don't know: whether data left, whether there was a backup, how long it lasted.
        for unknown in [
            Details {
                copied_out: Known::Unknown,
                ..d.clone()
            },
            Details {
                backup: Known::Unknown,
                ..d.clone()
            },
            Details {
                unavailable_hours: None,
                ..d.clone()
            },
        ] {
            assert_eq!(advise(&unknown).cnil, CnilAdvice::Notify);
        }
        // The copy not ruled out, on a running system: the encryption at rest does not count.
        let a = advise(&Details {
            copied_out: Known::Unknown,
            ..d.clone()
        });
        assert!(a.cnil_reasons.contains(&Reason::EncryptionDoesNotProtect));
        // The same with the practice's health data: notify (the hospital case), the patients need not
        // be told when it was restored within hours and nothing left.
        let d = Details {
            data_health: true,
            ..d
        };
        expect(&d, CnilAdvice::Notify, PeopleAdvice::NotRequired);
    }

    /// Case 02: ransomware at a small company with no usable backup; the data rebuilt by hand over
    /// five days from paper; a few dozen clients and staff; minor delays. The EDPB: notify, no need
    /// to inform.
    #[test]
    fn case_02_ransomware_without_backup() {
        let d = Details {
            availability: true,
            cause: Cause::Ransomware,
            backup: Known::No,
            copied_out: Known::No,
            unavailable_hours: Some(120),
            ..customers()
        };
        let a = expect(&d, CnilAdvice::Notify, PeopleAdvice::NotRequired);
        assert!(a.cnil_reasons.contains(&Reason::NoBackup));
        // Patients' health data lost or out of reach for days: inform them too.
        let d = Details {
            data_health: true,
            ..d
        };
        let a = expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
        assert!(a.people_reasons.contains(&Reason::LongOutage));
    }

    /// Case 03: ransomware in a hospital, backup restored but only after two days of cancelled and
    /// postponed care; no exfiltration; patients' health data. The EDPB: notify and inform.
    #[test]
    fn case_03_ransomware_with_backup_in_a_hospital() {
        let d = Details {
            availability: true,
            cause: Cause::Ransomware,
            backup: Known::Yes,
            copied_out: Known::No,
            unavailable_hours: Some(48),
            ..health_patients()
        };
        let a = expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
        assert!(a.people_reasons.contains(&Reason::LongOutage));
    }

    /// Case 04: ransomware on a transport company's server, no backup, data copied out first:
    /// thousands of customers' identity documents and card numbers. The EDPB: notify and inform.
    #[test]
    fn case_04_ransomware_without_backup_with_exfiltration() {
        let d = Details {
            availability: true,
            confidentiality: true,
            cause: Cause::Ransomware,
            backup: Known::No,
            copied_out: Known::Yes,
            encrypted: Known::No,
            data_financial: true,
            people: Some(crate::breach::Count::exact(5000)),
            ..customers()
        };
        let a = expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
        assert!(a.people_reasons.contains(&Reason::CopiedOut));
        assert!(a.people_reasons.contains(&Reason::FinancialData));
        expect(
            &Details {
                data_health: true,
                ..d
            },
            CnilAdvice::Notify,
            PeopleAdvice::Inform,
        );
    }

    // 3. Data exfiltration attacks.

    /// Case 05: malicious code on a recruitment website siphoned the forms of job applicants (identity,
    /// contact details, CVs) for weeks. The EDPB: notify and inform (identity theft, phishing: the
    /// harm weighed significant).
    #[test]
    fn case_05_job_applications_exfiltrated_from_a_website() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Intrusion,
            copied_out: Known::Yes,
            encrypted: Known::No,
            data_other: "CV".into(),
            severity: Severity::Significant,
            ..customers()
        };
        expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
        // Not weighed yet, the same facts call for notifying and informing: copied in an attack, the
        // data can be used against the people (unknown severity is never "no risk").
        let a = expect(
            &Details {
                severity: Severity::Unknown,
                ..d.clone()
            },
            CnilAdvice::Notify,
            PeopleAdvice::Inform,
        );
        assert!(a.people_reasons.contains(&Reason::CopiedInAttack));
        // Limited, weighed by the doctor: no high risk.
        expect(
            &Details {
                severity: Severity::Limited,
                ..d
            },
            CnilAdvice::Notify,
            PeopleAdvice::NotRequired,
        );
    }

    /// Case 06: an SQL injection on a cooking website took user names and passwords hashed with a
    /// state-of-the-art salted algorithm, nothing else. The EDPB: neither notify nor inform (the
    /// harm weighed negligible).
    #[test]
    fn case_06_hashed_passwords_exfiltrated() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Intrusion,
            copied_out: Known::Yes,
            encrypted: Known::Yes,
            data_identity: false,
            data_contact: false,
            data_other: "identifiants, mots de passe hachés et salés".into(),
            severity: Severity::Negligible,
            ..customers()
        };
        expect(&d, CnilAdvice::NotRequired, PeopleAdvice::NotRequired);
        // Not weighed yet: notify. Hashing on the server is not encryption at rest of a lost device.
        let a = advise(&Details {
            severity: Severity::Unknown,
            ..d.clone()
        });
        assert_eq!(a.cnil, CnilAdvice::Notify);
        assert!(a.cnil_reasons.contains(&Reason::EncryptionDoesNotProtect));
        // A health website: notify all the same (the CNIL: when in doubt, notify).
        let a = advise(&Details {
            data_health: true,
            ..d
        });
        assert_eq!(a.cnil, CnilAdvice::Notify);
    }

    /// Case 07: an attack on a bank's website: user identifiers tried one after another with one trivial
    /// password; about 2,000 accounts entered, their financial data seen (and a flaw of the site leaked
    /// the identity data of many more users). The EDPB: notify and inform.
    #[test]
    fn case_07_credential_stuffing_on_a_bank() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Intrusion,
            copied_out: Known::Unknown,
            encrypted: Known::No,
            data_financial: true,
            people: Some(crate::breach::Count::exact(2000)),
            ..customers()
        };
        expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
    }

    // 4. Internal human risk source.

    /// Case 08: an employee, before leaving, copied the customer list (names, addresses, contacts) to
    /// use it at a competitor. The EDPB: notify, no need to inform.
    #[test]
    fn case_08_business_data_taken_by_an_employee() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Other,
            copied_out: Known::Yes,
            encrypted: Known::No,
            people: Some(crate::breach::Count::exact(500)),
            ..customers()
        };
        let a = expect(&d, CnilAdvice::Notify, PeopleAdvice::NotRequired);
        assert!(a.people_reasons.contains(&Reason::NoVulnerablePeople));
        // Not known whether minors are on the list: inform, by precaution.
        let a = advise(&Details {
            minors: Known::Unknown,
            ..d.clone()
        });
        assert_eq!(a.people, PeopleAdvice::Inform);
        assert!(
            a.people_reasons
                .contains(&Reason::NotYetKnown(Fact::VulnerablePeople))
        );
        // A practice's patient list taken by a departing secretary: inform.
        expect(
            &Details {
                data_health: true,
                ..d
            },
            CnilAdvice::Notify,
            PeopleAdvice::Inform,
        );
    }

    /// Case 09: a spreadsheet sent by mistake to a trusted third party (an insurance agent bound by
    /// professional secrecy), who reported it and deleted it. The EDPB: neither notify nor inform
    /// (the harm weighed negligible).
    #[test]
    fn case_09_sent_by_mistake_to_a_trusted_third_party() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Misdirected,
            copied_out: Known::Yes,
            encrypted: Known::No,
            people: Some(crate::breach::Count::exact(24)),
            severity: Severity::Negligible,
            ..customers()
        };
        expect(&d, CnilAdvice::NotRequired, PeopleAdvice::NotRequired);
        let a = advise(&Details {
            severity: Severity::Unknown,
            ..d.clone()
        });
        assert_eq!(a.cnil, CnilAdvice::Notify);
        // A patient's letter sent to the wrong colleague, who deleted it: notify all the same; the
        // doctor may record that the high risk was removed.
        let d = Details {
            data_health: true,
            severity: Severity::Unknown,
            risk_removed: true,
            ..d
        };
        expect(&d, CnilAdvice::Notify, PeopleAdvice::RiskRemoved);
    }

    // 5. Lost or stolen devices and paper documents.

    /// Case 10: two tablets stolen from a day-care centre, holding children's data; switched off,
    /// encrypted, protected by a strong password, wiped remotely; a backup. The EDPB: neither notify
    /// nor inform.
    #[test]
    fn case_10_stolen_encrypted_tablets() {
        let d = Details {
            confidentiality: true,
            cause: Cause::StolenDevice,
            exposure: Exposure::AtRest,
            encrypted: Known::Yes,
            key_compromised: Known::No,
            backup: Known::Yes,
            minors: Known::Yes,
            ..customers()
        };
        let a = expect(&d, CnilAdvice::NotRequired, PeopleAdvice::NotRequired);
        assert!(a.cnil_reasons.contains(&Reason::Unintelligible));
        assert!(!a.reminders.contains(&Reminder::PoliceComplaint));
        // Don't know whether the password was with them, nor whether they were encrypted: notify,
        // and inform (children).
        for unknown in [
            Details {
                key_compromised: Known::Unknown,
                ..d.clone()
            },
            Details {
                encrypted: Known::Unknown,
                ..d.clone()
            },
        ] {
            let a = advise(&unknown);
            assert_eq!(
                (a.cnil, a.people),
                (CnilAdvice::Notify, PeopleAdvice::Inform)
            );
        }
        let a = advise(&Details {
            key_compromised: Known::Unknown,
            ..d.clone()
        });
        assert!(
            a.people_reasons
                .contains(&Reason::NotYetKnown(Fact::KeySafe))
        );
        // Taken switched on and unlocked: the encryption protected nothing.
        let a = advise(&Details {
            exposure: Exposure::RunningSystem,
            ..d.clone()
        });
        assert!(a.notify() && a.inform());
        // The password was on a note in the bag: the key is compromised.
        let a = advise(&Details {
            key_compromised: Known::Yes,
            ..d.clone()
        });
        assert!(a.notify() && a.inform());
        assert!(a.people_reasons.contains(&Reason::KeyCompromised));
        // The same with patients' health data, the laptop encrypted and switched off: not required.
        expect(
            &Details {
                minors: Known::Unknown,
                ..health_patients().clone_with_device(&d)
            },
            CnilAdvice::NotRequired,
            PeopleAdvice::NotRequired,
        );
    }

    /// Case 11: a laptop stolen from a service company's employee, holding, unencrypted, the names,
    /// addresses and birth dates of over 100,000 customers. The EDPB: notify and inform.
    #[test]
    fn case_11_stolen_unencrypted_laptop() {
        let d = Details {
            confidentiality: true,
            cause: Cause::StolenDevice,
            encrypted: Known::No,
            backup: Known::Yes,
            people: Some(crate::breach::Count::exact(100_000)),
            severity: Severity::Significant,
            ..customers()
        };
        let a = expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
        assert!(a.people_reasons.contains(&Reason::NotEncrypted));
        // Not weighed yet, the same customers' data: a hundred thousand people is a high risk.
        let a = expect(
            &Details {
                severity: Severity::Unknown,
                ..d.clone()
            },
            CnilAdvice::Notify,
            PeopleAdvice::Inform,
        );
        assert!(a.people_reasons.contains(&Reason::ManyPeople));
        // Patients' health data, severity not weighed yet: the facts alone say the same.
        expect(
            &Details {
                data_health: true,
                severity: Severity::Unknown,
                ..d
            },
            CnilAdvice::Notify,
            PeopleAdvice::Inform,
        );
    }

    /// Case 12: a paper logbook stolen from an addiction treatment centre, with patients' identity and
    /// health data. The EDPB: notify and inform.
    #[test]
    fn case_12_stolen_paper_files_with_health_data() {
        let d = Details {
            confidentiality: true,
            cause: Cause::StolenDevice,
            encrypted: Known::No,
            ..health_patients()
        };
        expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
        // Lost rather than stolen, and only "availability" ticked: a lost document can be read.
        let a = expect(
            &Details {
                confidentiality: false,
                availability: true,
                cause: Cause::LostDevice,
                backup: Known::Yes,
                unavailable_hours: Some(1),
                ..d
            },
            CnilAdvice::Notify,
            PeopleAdvice::Inform,
        );
        assert!(a.people_reasons.contains(&Reason::DeviceOutOfHands));
    }

    // 6. Mispostal.

    /// Case 13: a web shop swapped two customers' invoices (names, addresses, items bought); each
    /// was asked to destroy the other's. The EDPB: neither notify nor inform (negligible harm).
    #[test]
    fn case_13_two_invoices_swapped() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Misdirected,
            copied_out: Known::Yes,
            encrypted: Known::No,
            people: Some(crate::breach::Count::exact(2)),
            severity: Severity::Negligible,
            ..customers()
        };
        expect(&d, CnilAdvice::NotRequired, PeopleAdvice::NotRequired);
        // Two patients' prescriptions swapped: notify; informing follows the weighing.
        let a = advise(&Details {
            data_health: true,
            ..d.clone()
        });
        assert_eq!(a.cnil, CnilAdvice::Notify);
        let a = advise(&Details {
            data_health: true,
            severity: Severity::Unknown,
            ..d
        });
        assert!(a.notify() && a.inform());
    }

    /// Case 14: a public employment office mailed all its job seekers a file holding every job
    /// seeker's identity, contact details and social-security number. The EDPB: notify and inform.
    #[test]
    fn case_14_highly_confidential_data_mailed_by_mistake() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Misdirected,
            copied_out: Known::Yes,
            encrypted: Known::No,
            data_nir: true,
            people: Some(crate::breach::Count::exact(60_000)),
            ..customers()
        };
        expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
    }

    /// Case 15: an e-mail sent to many recipients in copy rather than blind copy, each seeing the
    /// others' addresses. The EDPB: notify and inform where the list is long or what it reveals
    /// sensitive; neither for a few addresses revealing nothing. For a practice, the list reveals who
    /// is its patient: health data.
    #[test]
    fn case_15_recipients_in_copy_instead_of_blind_copy() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Misdirected,
            copied_out: Known::Yes,
            encrypted: Known::No,
            data_identity: false,
            data_contact: true,
            data_health: true,
            people: Some(crate::breach::Count::exact(1500)),
            ..customers()
        };
        expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
        // A long list of addresses alone, not weighed yet: many people, a high risk (the EDPB: notify
        // and inform when the list is long).
        expect(
            &Details {
                data_health: false,
                severity: Severity::Unknown,
                ..d.clone()
            },
            CnilAdvice::Notify,
            PeopleAdvice::Inform,
        );
        // A handful of colleagues' addresses: negligible.
        expect(
            &Details {
                data_health: false,
                people: Some(crate::breach::Count::exact(5)),
                severity: Severity::Negligible,
                ..d
            },
            CnilAdvice::NotRequired,
            PeopleAdvice::NotRequired,
        );
    }

    /// Case 16: an error of the machine that fills the envelopes sent car-insurance letters (name,
    /// address, vehicle, premium) to the wrong policyholders; they were asked to return them. The
    /// EDPB: notify, no need to inform.
    #[test]
    fn case_16_letters_to_the_wrong_policyholders() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Misdirected,
            copied_out: Known::Yes,
            encrypted: Known::No,
            data_other: "véhicule, prime".into(),
            people: Some(crate::breach::Count::exact(75)),
            ..customers()
        };
        expect(&d, CnilAdvice::Notify, PeopleAdvice::NotRequired);
        // Patients' results sent to the wrong patients: inform.
        expect(
            &Details {
                data_health: true,
                ..d
            },
            CnilAdvice::Notify,
            PeopleAdvice::Inform,
        );
    }

    // 7. Social engineering.

    /// Case 17: someone posing as a customer had a telecom operator change the account's e-mail and
    /// received the customer's invoices and account data. The EDPB: notify and inform.
    #[test]
    fn case_17_identity_theft_by_a_caller() {
        let d = Details {
            confidentiality: true,
            integrity: true,
            cause: Cause::Intrusion,
            copied_out: Known::Yes,
            encrypted: Known::No,
            backup: Known::Yes,
            data_financial: true,
            people: Some(crate::breach::Count::exact(1)),
            ..customers()
        };
        expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
    }

    /// Case 18: an attacker in a company's mailbox set a forwarding rule and received, for months,
    /// mails holding the salary, bank and family data of its 99 employees. The EDPB: notify and
    /// inform.
    #[test]
    fn case_18_mailbox_forwarding_rule() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Intrusion,
            copied_out: Known::Yes,
            encrypted: Known::No,
            data_financial: true,
            ..customers()
        };
        let a = expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
        assert!(a.reminders.contains(&Reminder::PoliceComplaint));
    }

    // The 2020 CNIL cases: a doctor's imaging server reachable from the Internet.

    /// SAN-2020-014 and SAN-2020-015 (7 December 2020): the images and names of thousands of patients
    /// open to anyone on the Internet, found by the CNIL itself; the images were not encrypted. As
    /// the practice would record it had it found the exposure itself (by Vigie's PC check): notify
    /// and inform; the police-complaint reminder, others having accessed it (Code pénal, 323-1).
    #[test]
    fn the_2020_cases_an_imaging_server_reachable_from_the_internet() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Misconfiguration,
            data_images: true,
            encrypted: Known::No,
            minors: Known::Unknown,
            vulnerable: Known::Unknown,
            people: Some(crate::breach::Count::exact(6000)),
            ..health_patients()
        };
        let a = expect(&d, CnilAdvice::Notify, PeopleAdvice::Inform);
        assert!(a.reminders.contains(&Reminder::PoliceComplaint));
        assert!(a.people_reasons.contains(&Reason::NotEncrypted));
        // With its disk encrypted (BitLocker): the running server serves the images decrypted. The
        // answer "encrypted: yes" changes nothing, whatever is said of the key or the exposure.
        for key in Known::ALL {
            for exposure in Exposure::ALL {
                let with_disk_encryption = Details {
                    encrypted: Known::Yes,
                    key_compromised: key,
                    exposure,
                    ..d.clone()
                };
                let a = expect(
                    &with_disk_encryption,
                    CnilAdvice::Notify,
                    PeopleAdvice::Inform,
                );
                assert!(a.people_reasons.contains(&Reason::EncryptionDoesNotProtect));
                assert!(!a.people_reasons.contains(&Reason::Unintelligible));
            }
        }
        // Nothing known beyond "the server was reachable": the same advice.
        expect(
            &Details {
                confidentiality: true,
                cause: Cause::Misconfiguration,
                ..Details::default()
            },
            CnilAdvice::Notify,
            PeopleAdvice::Inform,
        );
        // Not even the cause known, and the disk encrypted with the key safe: nothing says it was a
        // device at rest, so the encryption does not count.
        let a = expect(
            &Details {
                cause: Cause::Unknown,
                encrypted: Known::Yes,
                key_compromised: Known::No,
                ..d.clone()
            },
            CnilAdvice::Notify,
            PeopleAdvice::Inform,
        );
        assert!(
            a.people_reasons
                .contains(&Reason::NotYetKnown(Fact::Exposure))
        );
        // SAN-2020-014 as it happened: the CNIL told the doctor. Art. 33 did not apply (CE 22 July
        // 2022, n° 449694); the patients must still be told, also with the disk encrypted.
        for encrypted in Known::ALL {
            let told = Details {
                told_by_cnil: true,
                encrypted,
                ..d.clone()
            };
            expect(&told, CnilAdvice::CnilAlreadyKnows, PeopleAdvice::Inform);
        }
        // Thousands of patients with no address kept: a public notice.
        let a = advise(&Details {
            told_by_cnil: true,
            people_unreachable: true,
            ..d
        });
        assert_eq!(a.people, PeopleAdvice::PublicNotice);
        assert!(a.inform());
    }

    #[test]
    fn a_weighed_severity_decides_an_unweighed_one_does_not_reassure() {
        let d = Details {
            integrity: true,
            backup: Known::Yes,
            severity: Severity::Maximum,
            ..customers()
        };
        let a = advise(&d);
        assert!(a.notify() && a.inform());
        // Health data exposed, harm weighed limited: notify, no high risk.
        let d = Details {
            confidentiality: true,
            cause: Cause::Misdirected,
            copied_out: Known::Yes,
            encrypted: Known::No,
            severity: Severity::Limited,
            ..health_patients()
        };
        let a = advise(&d);
        assert_eq!(
            (a.cnil, a.people),
            (CnilAdvice::Notify, PeopleAdvice::NotRequired)
        );
        assert!(a.people_reasons.contains(&Reason::LimitedHarm));
        // Not weighed: inform.
        let a = advise(&Details {
            severity: Severity::Unknown,
            ..d
        });
        assert!(a.inform());
        assert!(
            a.people_reasons
                .contains(&Reason::NotYetKnown(Fact::Severity))
        );
    }

    #[test]
    fn minors_raise_the_risk() {
        let d = Details {
            confidentiality: true,
            cause: Cause::Misdirected,
            copied_out: Known::Yes,
            encrypted: Known::No,
            minors: Known::Yes,
            ..customers()
        };
        assert_eq!(advise(&d).people, PeopleAdvice::Inform);
        assert_eq!(
            advise(&Details {
                minors: Known::No,
                ..d
            })
            .people,
            PeopleAdvice::NotRequired
        );
    }

    impl Details {
        /// These facts, with the device and encryption answers of `device`.
        fn clone_with_device(&self, device: &Self) -> Self {
            Self {
                confidentiality: device.confidentiality,
                cause: device.cause,
                exposure: device.exposure,
                encrypted: device.encrypted,
                key_compromised: device.key_compromised,
                backup: device.backup,
                ..self.clone()
            }
        }
    }
}
