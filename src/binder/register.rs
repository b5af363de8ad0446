//! The record of processing activities (GDPR art. 30): which activities the practice carries out (from
//! its profile), each with its fields pre-filled from [`super::reference`] and the profile, and what the
//! doctor changed ([`Register`], kept in the vault).

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::bi;
use super::processors::Processors;
use super::reference::{self, field_label};
use crate::checklist::{AnswerValue, ChecklistRecord};
use crate::locale::Lang;
use crate::practice::{Known, Profile};

/// An activity of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActivityKind {
    /// Patient records and care.
    PatientCare,
    /// Appointments.
    Appointments,
    /// Billing and teletransmission.
    Billing,
    /// Teleconsultation, when offered.
    Teleconsultation,
    /// Medical imaging, when images are produced or kept.
    Imaging,
    /// Staff management, when anyone works with the practitioner.
    Staff,
    /// Video surveillance, when the premises have it.
    VideoSurveillance,
}

impl ActivityKind {
    /// Every activity, in the register's order.
    pub const ALL: [Self; 7] = [
        Self::PatientCare,
        Self::Appointments,
        Self::Billing,
        Self::Teleconsultation,
        Self::Imaging,
        Self::Staff,
        Self::VideoSurveillance,
    ];

    /// Whether the profile says the practice carries out this activity.
    pub fn in_profile(self, profile: &Profile) -> bool {
        let s = &profile.setup;
        match self {
            Self::PatientCare | Self::Appointments | Self::Billing => true,
            Self::Teleconsultation => s.teleconsultation,
            Self::Imaging => s.imaging().in_care(),
            Self::Staff => !s.staff.alone(),
            Self::VideoSurveillance => s.video_surveillance,
        }
    }

    /// The activity's name.
    pub fn name(self, lang: Lang) -> String {
        reference::reference(self).name.get(lang)
    }
}

/// A field of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RegisterField {
    /// Purpose.
    Purpose,
    /// Legal basis.
    LegalBasis,
    /// Categories of data.
    Data,
    /// People concerned.
    People,
    /// Recipients.
    Recipients,
    /// Processors.
    Processors,
    /// Transfers outside the European Union.
    Transfers,
    /// Retention.
    Retention,
}

impl RegisterField {
    /// Every field, in the register's order.
    pub const ALL: [Self; 8] = [
        Self::Purpose,
        Self::LegalBasis,
        Self::Data,
        Self::People,
        Self::Recipients,
        Self::Processors,
        Self::Transfers,
        Self::Retention,
    ];

    /// The field's label.
    pub fn label(self, lang: Lang) -> String {
        field_label(self).get(lang)
    }
}

/// What the doctor changed in the register, kept in the vault. Everything else is drawn, each time,
/// from the reference and the profile, so that a changed profile changes the register.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Register {
    /// Texts written by the doctor, by activity and field; they replace the pre-filled text.
    pub edits: BTreeMap<ActivityKind, BTreeMap<RegisterField, String>>,
    /// Activities the doctor added or removed against what the profile says.
    pub included: BTreeMap<ActivityKind, bool>,
    /// A paragraph the doctor adds to the patients' notice.
    pub notice_note: String,
    /// When the register was last changed.
    pub updated_at: Option<Timestamp>,
}

/// Where a field's text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// The reference framework's text.
    Reference,
    /// Drawn from the practice profile.
    Profile,
    /// Drawn from the processors page, where the doctor changed the profile's processors (names,
    /// additions, removals, activities).
    Processors,
    /// Written by the doctor.
    Edited,
}

/// A security measure of an activity: a checklist item and its answer, if given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityMeasure {
    /// The checklist item's id.
    pub item: String,
    /// Its answer (None: not answered yet).
    pub answer: Option<AnswerValue>,
}

/// One activity as the register shows it, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityView {
    /// Which activity.
    pub kind: ActivityKind,
    /// Its name.
    pub name: String,
    /// Each field's text and where it comes from, in [`RegisterField::ALL`]'s order.
    pub fields: Vec<(RegisterField, String, Origin)>,
    /// The purpose in plain words for the patients' notice (None: not for patients).
    pub plain: Option<String>,
    /// The legal basis in plain words for the notice: the doctor's text when edited.
    pub plain_basis: String,
    /// Security measures: checklist items and their answers.
    pub security: Vec<SecurityMeasure>,
    /// The sources of the pre-filled texts.
    pub sources: Vec<String>,
}

impl ActivityView {
    /// The text of `field`.
    pub fn field(&self, field: RegisterField) -> &str {
        self.fields
            .iter()
            .find(|(f, _, _)| *f == field)
            .map_or("", |(_, t, _)| t.as_str())
    }
}

/// The processors of `kind`: the processors page's list (drawn from the profile's vendors, host, IT
/// provider and partners, with the doctor's names, additions, removals and choice of activities). A
/// name not given is said, never left out.
pub fn processors(
    kind: ActivityKind,
    profile: &Profile,
    processors: &Processors,
    lang: Lang,
) -> String {
    let out = processors.serving(kind, profile, lang);
    if out.is_empty() {
        bi("Aucun", "None").get(lang)
    } else {
        // French puts a space before the semicolon (typeset makes it a narrow no-break one).
        match lang {
            Lang::Fr => crate::locale::typeset(&out.join(" ; "), lang),
            Lang::En => out.join("; "),
        }
    }
}

/// Transfers outside the European Union, from the profile: not known until the doctor says.
pub fn transfers(profile: &Profile, lang: Lang) -> String {
    match profile.processing.transfers_outside_eu {
        Known::Unknown => bi(
            "Non renseigné : à vérifier auprès de chaque prestataire.",
            "Not given: to be checked with each provider.",
        ),
        Known::No => bi(
            "Aucun transfert hors de l’Union européenne.",
            "No transfer outside the European Union.",
        ),
        Known::Yes => bi(
            "Oui : à documenter (pays, garanties des articles 44 à 49 du RGPD).",
            "Yes: to be documented (countries, safeguards of GDPR articles 44 to 49).",
        ),
    }
    .get(lang)
}

impl Register {
    /// Whether nothing was changed (for serde's `skip_serializing_if`).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether `kind` is in the register: the doctor's choice, or else the profile's.
    pub fn includes(&self, kind: ActivityKind, profile: &Profile) -> bool {
        self.included
            .get(&kind)
            .copied()
            .unwrap_or_else(|| kind.in_profile(profile))
    }

    /// Writes `text` in `field` of `kind` (an empty text goes back to the pre-filled one).
    pub fn edit(&mut self, kind: ActivityKind, field: RegisterField, text: &str, at: Timestamp) {
        let text = text.trim();
        let fields = self.edits.entry(kind).or_default();
        if text.is_empty() {
            fields.remove(&field);
        } else {
            fields.insert(field, text.to_owned());
        }
        if fields.is_empty() {
            self.edits.remove(&kind);
        }
        self.updated_at = Some(at);
    }

    /// Adds or removes `kind` (None: as the profile says).
    pub fn include(&mut self, kind: ActivityKind, included: Option<bool>, at: Timestamp) {
        match included {
            Some(v) => self.included.insert(kind, v),
            None => self.included.remove(&kind),
        };
        self.updated_at = Some(at);
    }

    /// The activities in the register, in `lang`: the doctor's texts where written, else the
    /// profile's facts and the reference's texts; each with its checklist answers.
    pub fn activities(
        &self,
        profile: &Profile,
        processors: &Processors,
        checklist: &ChecklistRecord,
        lang: Lang,
    ) -> Vec<ActivityView> {
        ActivityKind::ALL
            .into_iter()
            .filter(|k| self.includes(*k, profile))
            .map(|kind| self.activity(kind, profile, processors, checklist, lang))
            .collect()
    }

    fn activity(
        &self,
        kind: ActivityKind,
        profile: &Profile,
        processors: &Processors,
        checklist: &ChecklistRecord,
        lang: Lang,
    ) -> ActivityView {
        let r = reference::reference(kind);
        let edits = self.edits.get(&kind);
        let fields = RegisterField::ALL
            .into_iter()
            .map(|field| {
                if let Some(text) = edits.and_then(|e| e.get(&field)) {
                    return (field, text.clone(), Origin::Edited);
                }
                let (text, origin) = match field {
                    RegisterField::Purpose => (r.purpose.get(lang), Origin::Reference),
                    RegisterField::LegalBasis => (r.legal_basis.get(lang), Origin::Reference),
                    RegisterField::Data => (r.data.get(lang), Origin::Reference),
                    RegisterField::People => (r.people.get(lang), Origin::Reference),
                    RegisterField::Recipients => (r.recipients.get(lang), Origin::Reference),
                    RegisterField::Retention => (r.retention.get(lang), Origin::Reference),
                    RegisterField::Processors => (
                        self::processors(kind, profile, processors, lang),
                        if processors.is_empty() {
                            Origin::Profile
                        } else {
                            Origin::Processors
                        },
                    ),
                    RegisterField::Transfers => (transfers(profile, lang), Origin::Profile),
                };
                (field, text, origin)
            })
            .collect();
        ActivityView {
            kind,
            name: r.name.get(lang),
            fields,
            plain: r.plain.map(|p| p.get(lang)),
            plain_basis: edits
                .and_then(|e| e.get(&RegisterField::LegalBasis))
                .cloned()
                .unwrap_or_else(|| r.plain_basis.get(lang)),
            security: r
                .measures
                .iter()
                .map(|id| SecurityMeasure {
                    item: (*id).to_owned(),
                    answer: checklist.answers.get(*id).map(|a| a.value),
                })
                .collect(),
            sources: r.sources.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::{ImageKeeping, PracticeName, RecordsHosting};

    fn gp() -> Profile {
        let mut p = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
        p.setup.records = RecordsHosting::Local;
        p
    }

    fn kinds(r: &Register, p: &Profile) -> Vec<ActivityKind> {
        r.activities(p, &Processors::default(), &ChecklistRecord::new(), Lang::Fr)
            .into_iter()
            .map(|a| a.kind)
            .collect()
    }

    #[test]
    fn a_gp_alone_without_images_has_the_three_core_activities() {
        use ActivityKind::{Appointments, Billing, PatientCare};
        assert_eq!(
            kinds(&Register::default(), &gp()),
            [PatientCare, Appointments, Billing]
        );
    }

    #[test]
    fn the_profile_adds_the_activities_it_says() {
        let mut p = gp();
        p.setup.teleconsultation = true;
        p.setup.keeps_images = ImageKeeping {
            on_pc: true,
            ..ImageKeeping::default()
        };
        p.setup.staff.secretary = true;
        p.setup.video_surveillance = true;
        assert_eq!(kinds(&Register::default(), &p), ActivityKind::ALL);
        // Receiving images without keeping them is not an imaging activity of the practice.
        let mut receives = gp();
        receives.setup.receives_images = true;
        assert!(!kinds(&Register::default(), &receives).contains(&ActivityKind::Imaging));
    }

    #[test]
    fn edits_win_and_an_empty_edit_goes_back_to_the_reference() {
        let p = gp();
        let mut r = Register::default();
        let at = Timestamp::UNIX_EPOCH;
        r.edit(
            ActivityKind::Billing,
            RegisterField::Retention,
            "  10 ans  ",
            at,
        );
        let billing = |r: &Register| {
            r.activities(
                &p,
                &Processors::default(),
                &ChecklistRecord::new(),
                Lang::Fr,
            )
            .into_iter()
            .find(|a| a.kind == ActivityKind::Billing)
            .expect("billing")
        };
        let b = billing(&r);
        assert_eq!(b.field(RegisterField::Retention), "10 ans");
        assert!(
            b.fields
                .iter()
                .any(|(f, _, o)| *f == RegisterField::Retention && *o == Origin::Edited)
        );
        r.edit(ActivityKind::Billing, RegisterField::Retention, "", at);
        assert!(r.edits.is_empty());
        assert!(
            billing(&r)
                .field(RegisterField::Retention)
                .contains("à confirmer")
        );
        r.include(ActivityKind::Billing, Some(false), at);
        assert!(!kinds(&r, &p).contains(&ActivityKind::Billing));
        r.include(ActivityKind::Billing, None, at);
        assert!(kinds(&r, &p).contains(&ActivityKind::Billing));
    }

    #[test]
    fn processors_and_transfers_come_from_the_profile_and_say_what_is_not_known() {
        let mut p = gp();
        p.setup.records = RecordsHosting::Cloud;
        let none = Processors::default();
        let text = processors(ActivityKind::PatientCare, &p, &none, Lang::Fr);
        assert!(text.contains("nom non renseigné"), "{text}");
        assert!(text.contains("Hébergeur"), "{text}");
        assert!(transfers(&p, Lang::Fr).contains("Non renseigné"));
        p.processing.records_vendor = "Éditeur Exemple".into();
        p.processing.host = "Hébergeur HDS Exemple".into();
        p.it_provider = "InfoSanté".into();
        p.processing.transfers_outside_eu = Known::No;
        let text = processors(ActivityKind::PatientCare, &p, &none, Lang::En);
        assert!(
            text.contains("Éditeur Exemple")
                && text.contains("Hébergeur HDS Exemple")
                && text.contains("InfoSanté"),
            "{text}"
        );
        assert!(transfers(&p, Lang::En).starts_with("No transfer"));
        assert!(
            text.contains("(Éditeur Exemple); "),
            "English separator: {text}"
        );
    }

    /// The register's "Processors" field is the processors page's list: a vendor renamed there, one
    /// removed, one added and given an activity, an activity taken from the IT provider, all show in
    /// the register, marked as drawn from the processors page; undone, the profile's text is back.
    #[test]
    fn the_processors_field_follows_the_processors_page() {
        use super::super::processors::{ProcessorEdit, ProcessorId, ProcessorKind, Source};
        let mut p = gp();
        p.setup.records = RecordsHosting::Cloud;
        p.setup.online_booking = true;
        p.processing.records_vendor = "Éditeur Exemple".into();
        p.processing.host = "Hébergeur Exemple".into();
        p.it_provider = "InfoSanté".into();
        let field = |procs: &Processors, kind: ActivityKind| {
            Register::default()
                .activities(&p, procs, &ChecklistRecord::new(), Lang::Fr)
                .into_iter()
                .find(|a| a.kind == kind)
                .map(|a| {
                    let (_, text, origin) = a
                        .fields
                        .into_iter()
                        .find(|(f, _, _)| *f == RegisterField::Processors)
                        .expect("the field");
                    (text, origin)
                })
                .expect("the activity")
        };
        let mut procs = Processors::default();
        let (before, origin) = field(&procs, ActivityKind::Appointments);
        assert_eq!(origin, Origin::Profile);
        assert!(
            before.contains("Service de prise de rendez-vous en ligne (nom non renseigné)")
                && before.contains("InfoSanté"),
            "{before}"
        );
        let at = Timestamp::UNIX_EPOCH;
        let vendor = ProcessorId::Profile(Source::RecordsSoftware);
        procs
            .edit(vendor, ProcessorEdit::Name("Logiciel Nouveau".into()), at)
            .expect("rename");
        procs
            .remove(ProcessorId::Profile(Source::Host), at)
            .expect("remove");
        let added = procs
            .add(ProcessorKind::SoftwareVendor, "Agenda Exemple", at)
            .expect("add");
        procs
            .edit(
                added,
                ProcessorEdit::Activity(ActivityKind::Appointments, true),
                at,
            )
            .expect("activity");
        procs
            .edit(
                ProcessorId::Profile(Source::ItProvider),
                ProcessorEdit::Activity(ActivityKind::Billing, false),
                at,
            )
            .expect("activity");
        let (care, origin) = field(&procs, ActivityKind::PatientCare);
        assert_eq!(origin, Origin::Processors);
        assert!(care.contains("Logiciel Nouveau"), "{care}");
        assert!(!care.contains("Éditeur Exemple"), "renamed: {care}");
        assert!(!care.contains("Hébergeur Exemple"), "removed: {care}");
        let (appointments, _) = field(&procs, ActivityKind::Appointments);
        assert!(
            appointments.contains("Éditeur de logiciel (Agenda Exemple)"),
            "{appointments}"
        );
        let (billing, _) = field(&procs, ActivityKind::Billing);
        assert!(!billing.contains("InfoSanté"), "{billing}");
        // Ticking back what the profile implies keeps nothing of the doctor's.
        procs
            .edit(
                ProcessorId::Profile(Source::ItProvider),
                ProcessorEdit::Activity(ActivityKind::Billing, true),
                at,
            )
            .expect("activity");
        assert!(
            procs
                .entry(ProcessorId::Profile(Source::ItProvider))
                .is_none(),
            "nothing kept"
        );
        assert!(field(&procs, ActivityKind::Billing).0.contains("InfoSanté"));
    }

    #[test]
    fn security_measures_carry_the_checklist_answers() {
        let p = gp();
        let mut c = ChecklistRecord::new();
        c.answer(
            "hosting.hds",
            AnswerValue::Yes,
            crate::checklist::Respondent::Doctor,
            Timestamp::UNIX_EPOCH,
        );
        let care = Register::default()
            .activities(&p, &Processors::default(), &c, Lang::Fr)
            .remove(0);
        let hds = care
            .security
            .iter()
            .find(|m| m.item == "hosting.hds")
            .expect("measure");
        assert_eq!(hds.answer, Some(AnswerValue::Yes));
        assert!(care.security.iter().any(|m| m.answer.is_none()));
        // Every measure named is an item of the catalog.
        for kind in ActivityKind::ALL {
            for id in reference::reference(kind).measures {
                assert!(crate::checklist::catalog().item(id).is_some(), "{id}");
            }
        }
    }

    #[test]
    fn the_register_round_trips_and_an_empty_one_is_empty() {
        let mut r = Register::default();
        assert!(r.is_empty());
        r.edit(
            ActivityKind::Imaging,
            RegisterField::Purpose,
            "Échographies",
            Timestamp::UNIX_EPOCH,
        );
        let back: Register = ron::from_str(&ron::to_string(&r).expect("ser")).expect("de");
        assert_eq!(back, r);
    }
}
