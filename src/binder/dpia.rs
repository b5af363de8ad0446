//! Why no data protection impact assessment (GDPR art. 35) — or why one is needed — for this practice.
//!
//! The CNIL's list of processing exempt from an impact assessment (délibération n° 2019-118 du
//! 12 septembre 2019) names « les traitements de données de santé nécessaires à la prise en charge d'un
//! patient par un professionnel de santé exerçant à titre individuel au sein d'un cabinet médical … »;
//! its list of processing that require one (délibération n° 2018-327 du 11 octobre 2018) rests on the
//! European criteria, of which, the CNIL says, a processing meeting two should in principle be assessed.
//! Patients' health data already meet two (sensitive data, vulnerable people): outside the exemption, an
//! assessment is needed.

use super::{Bi, bi};
use crate::locale::Lang;
use crate::practice::{Exercise, Profile};

/// The CNIL's tool for carrying out an impact assessment.
pub const PIA_TOOL: &str =
    "PIA (CNIL), https://www.cnil.fr/fr/outil-pia-telechargez-et-installez-le-logiciel-de-la-cnil";

/// Why an impact assessment is needed, or cannot be ruled out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DpiaReason {
    /// Several practitioners share the records: the exemption, for one practitioner, does not apply.
    GroupPractice,
    /// The premises are filmed: systematic monitoring of patients and staff, on top of health data.
    VideoSurveillance,
    /// The profile does not say whether the practitioner works alone.
    ExerciseNotKnown,
}

impl DpiaReason {
    /// The reason in words.
    pub fn text(self, lang: Lang) -> String {
        match self {
            Self::GroupPractice => bi(
                "Plusieurs praticiens partagent les dossiers (cabinet de groupe, centre, réseau) : la dispense, réservée au professionnel exerçant à titre individuel, ne s’applique pas ; des données de santé de patients réunissent déjà deux critères (données sensibles, personnes vulnérables).",
                "Several practitioners share the records (group practice, centre, network): the exemption, for a professional working individually, does not apply; patients' health data already meet two criteria (sensitive data, vulnerable people).",
            ),
            Self::VideoSurveillance => bi(
                "Les locaux sont sous vidéosurveillance : surveillance systématique de patients et du personnel, en plus des données de santé.",
                "The premises are under video surveillance: systematic monitoring of patients and staff, on top of the health data.",
            ),
            Self::ExerciseNotKnown => bi(
                "Le profil ne dit pas si le praticien exerce à titre individuel ou en groupe : la dispense ne peut pas être retenue tant que ce n’est pas dit.",
                "The profile does not say whether the practitioner works individually or in a group: the exemption cannot be relied on until it is.",
            ),
        }
        .get(lang)
    }
}

/// What the statement concludes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DpiaOutcome {
    /// Exempt: one practitioner, no video surveillance.
    NotRequired,
    /// An assessment is needed, for these reasons.
    Required(Vec<DpiaReason>),
    /// Cannot be said until the profile says how the practitioner works.
    ToDetermine(Vec<DpiaReason>),
}

/// The statement for this practice.
pub fn dpia_statement(profile: &Profile) -> DpiaOutcome {
    let mut required = Vec::new();
    if profile.processing.exercise == Exercise::Group {
        required.push(DpiaReason::GroupPractice);
    }
    if profile.setup.video_surveillance {
        required.push(DpiaReason::VideoSurveillance);
    }
    if !required.is_empty() {
        return DpiaOutcome::Required(required);
    }
    match profile.processing.exercise {
        Exercise::Individual => DpiaOutcome::NotRequired,
        Exercise::Unknown | Exercise::Group => {
            DpiaOutcome::ToDetermine(vec![DpiaReason::ExerciseNotKnown])
        }
    }
}

const EXEMPTION: Bi = bi(
    "La CNIL dispense d’analyse d’impact « les traitements de données de santé nécessaires à la prise en charge d’un patient par un professionnel de santé exerçant à titre individuel au sein d’un cabinet médical » (délibération n° 2019-118 du 12 septembre 2019).",
    "The CNIL exempts from an impact assessment \"processing of health data necessary for a patient's care by a health professional working individually in a medical practice\" (délibération n° 2019-118 of 12 September 2019).",
);

impl DpiaOutcome {
    /// The statement in words: the conclusion, then the reasons and the sources.
    pub fn paragraphs(&self, profile: &Profile, lang: Lang) -> Vec<String> {
        let practitioner = if profile.practitioner.trim().is_empty() {
            profile.name.to_string()
        } else {
            profile.practitioner.trim().to_owned()
        };
        let mut out = Vec::new();
        match self {
            Self::NotRequired => {
                out.push(match lang {
                    Lang::Fr => crate::locale::typeset(&format!("Aucune analyse d’impact relative à la protection des données (AIPD) n’est requise pour les traitements du cabinet : {practitioner} exerce à titre individuel et les locaux ne sont pas sous vidéosurveillance."), lang),
                    Lang::En => format!("No data protection impact assessment (DPIA) is required for the practice's processing: {practitioner} works individually and the premises are not under video surveillance."),
                });
                out.push(EXEMPTION.get(lang));
                out.push(bi(
                    "Cette dispense ne vaut que tant que ces faits restent vrais ; elle ne dispense d’aucune autre obligation, en particulier la sécurité des données (RGPD art. 32).",
                    "This exemption holds only while these facts stay true; it does not exempt from any other obligation, in particular data security (GDPR art. 32).",
                ).get(lang));
            }
            Self::Required(reasons) | Self::ToDetermine(reasons) => {
                out.push(if matches!(self, Self::Required(_)) {
                    bi(
                        "Une analyse d’impact relative à la protection des données (AIPD, RGPD art. 35) est nécessaire pour ce cabinet :",
                        "A data protection impact assessment (DPIA, GDPR art. 35) is needed for this practice:",
                    )
                } else {
                    bi(
                        "La nécessité d’une analyse d’impact (AIPD, RGPD art. 35) reste à déterminer :",
                        "Whether an impact assessment (DPIA, GDPR art. 35) is needed is still to be determined:",
                    )
                }.get(lang));
                out.extend(reasons.iter().map(|r| format!("• {}", r.text(lang))));
                out.push(EXEMPTION.get(lang));
                out.push(bi(
                    "Liste des traitements soumis à AIPD : délibération n° 2018-327 du 11 octobre 2018 ; la CNIL considère qu’un traitement réunissant au moins deux des critères européens doit en principe faire l’objet d’une AIPD.",
                    "The list of processing requiring a DPIA: délibération n° 2018-327 of 11 October 2018; the CNIL considers that processing meeting at least two of the European criteria should in principle be assessed.",
                ).get(lang));
                out.push(match lang {
                    Lang::Fr => crate::locale::typeset(
                        &format!("Outil de la CNIL pour la mener : {PIA_TOOL}."),
                        lang,
                    ),
                    Lang::En => format!("The CNIL's tool to carry it out: {PIA_TOOL}."),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::PracticeName;

    fn profile(exercise: Exercise, video: bool) -> Profile {
        let mut p = Profile::named(PracticeName::parse("Cabinet").expect("name"));
        p.processing.exercise = exercise;
        p.setup.video_surveillance = video;
        p
    }

    #[test]
    fn a_practitioner_alone_is_exempt_and_the_statement_quotes_the_list() {
        let p = profile(Exercise::Individual, false);
        let outcome = dpia_statement(&p);
        assert_eq!(outcome, DpiaOutcome::NotRequired);
        let text = outcome.paragraphs(&p, Lang::Fr).join("\n");
        assert!(
            text.contains("2019-118") && text.contains("à titre individuel"),
            "{text}"
        );
        assert!(!text.contains("PIA (CNIL)"));
    }

    #[test]
    fn video_or_a_group_needs_one_and_names_the_tool() {
        let video = dpia_statement(&profile(Exercise::Individual, true));
        assert_eq!(
            video,
            DpiaOutcome::Required(vec![DpiaReason::VideoSurveillance])
        );
        let group = profile(Exercise::Group, true);
        let outcome = dpia_statement(&group);
        assert_eq!(
            outcome,
            DpiaOutcome::Required(vec![
                DpiaReason::GroupPractice,
                DpiaReason::VideoSurveillance
            ])
        );
        let text = outcome.paragraphs(&group, Lang::En).join("\n");
        assert!(
            text.contains("PIA (CNIL)") && text.contains("2018-327"),
            "{text}"
        );
    }

    #[test]
    fn not_knowing_how_the_practitioner_works_is_never_an_exemption() {
        let outcome = dpia_statement(&profile(Exercise::Unknown, false));
        assert_eq!(
            outcome,
            DpiaOutcome::ToDetermine(vec![DpiaReason::ExerciseNotKnown])
        );
    }
}
