//! The pre-filled contents of the register, after the CNIL's reference framework for the management of
//! medical and paramedical practices (délibération n° 2020-081 du 18 juin 2020, « référentiel relatif aux
//! traitements de données à caractère personnel destinés à la gestion des cabinets médicaux et
//! paramédicaux », JO of 28 July 2020) and the texts it rests on. `docs/binder.md` says, source by
//! source, what was checked against which passage and what was not: a value that could not be checked
//! says so in its own words ("à confirmer"), so that the doctor never reads an unchecked figure as the
//! CNIL's.

use super::register::ActivityKind;
use super::{Bi, bi};

/// The sources cited by the register, the notice and the DPIA statement (shown in the PDFs).
pub mod sources {
    /// The CNIL's reference framework for medical practices.
    pub const REFERENTIEL: &str = "CNIL, délibération n° 2020-081 du 18 juin 2020 (référentiel « cabinets médicaux et paramédicaux »)";
    /// The CNIL's list of processing exempt from a DPIA.
    pub const DPIA_EXEMPT: &str = "CNIL, délibération n° 2019-118 du 12 septembre 2019 (liste des traitements dispensés d’AIPD)";
    /// The CNIL's list of processing requiring a DPIA.
    pub const DPIA_REQUIRED: &str =
        "CNIL, délibération n° 2018-327 du 11 octobre 2018 (liste des traitements soumis à AIPD)";
    /// The CNIL's reference framework on retention periods in the health sector (JO of 28 July 2020).
    pub const RETENTION: &str = "CNIL, référentiel sur les durées de conservation (JO du 28 juillet 2020) : 5 ans en base active, 15 ans en archivage intermédiaire";
    /// The medical record's retention, by analogy.
    pub const R1112_7: &str = "CSP R.1112-7 (par analogie) : 20 ans";
    /// Hosting of health data.
    pub const L1111_8: &str = "CSP L.1111-8 (hébergement des données de santé)";
    /// Sharing within the care team.
    pub const L1110_4: &str = "CSP L.1110-4 (secret, échange et partage)";
    /// Teleconsultation reports in the record.
    pub const R6316: &str = "CSP R.6316-3 et R.6316-4 (télémédecine)";
    /// Video protection's retention.
    pub const L252_5: &str = "CSI L.252-5 (conservation d’un mois au plus)";
    /// The patient's access to the record.
    pub const L1111_7: &str = "CSP L.1111-7 (accès au dossier médical)";
}

/// What the reference gives for one activity: one text per field of the register, and the checklist
/// items whose answers are its security measures.
#[derive(Debug, Clone, Copy)]
pub struct Reference {
    /// The activity's name.
    pub name: Bi,
    /// Purpose.
    pub purpose: Bi,
    /// Legal basis: GDPR art. 6 and, for health data, art. 9.
    pub legal_basis: Bi,
    /// Categories of data.
    pub data: Bi,
    /// People concerned.
    pub people: Bi,
    /// Recipients.
    pub recipients: Bi,
    /// Retention.
    pub retention: Bi,
    /// The purpose in plain words, for the patients' notice (None: not said to patients).
    pub plain: Option<Bi>,
    /// The legal basis in plain words, for the patients' notice.
    pub plain_basis: Bi,
    /// Checklist items (ids) that are this activity's security measures.
    pub measures: &'static [&'static str],
    /// Sources (see [`sources`]).
    pub sources: &'static [&'static str],
}

const RECORD_RETENTION: Bi = bi(
    "5 ans en base active à compter de la dernière intervention sur le dossier, puis 15 ans en archivage intermédiaire sur un support distinct (référentiel de la CNIL sur les durées de conservation), soit 20 ans, la durée que fixe l’article R.1112-7 du CSP pour les établissements de santé ; par analogie avec cet article, pour un mineur au moins jusqu’à son 28e anniversaire, et 10 ans après le décès s’il survient moins de 10 ans après le dernier passage.",
    "5 years in the active base from the last entry in the record, then 15 years in intermediate archiving on a separate medium (the CNIL's reference framework on retention periods), 20 years in all, the duration CSP R.1112-7 sets for health establishments; by analogy with that article, for a minor at least until the 28th birthday, and 10 years after the death if it comes less than 10 years after the last visit.",
);

const CARE_MEASURES: &[&str] = &[
    "accounts.named-accounts",
    "accounts.cps-card",
    "workstation.disk-encryption",
    "workstation.screen-lock",
    "backups.automatic",
    "backups.offline-copy",
    "backups.restore-test",
    "updates.secure-messaging",
    "hosting.hds",
    "governance.retention",
];

/// The reference for `kind`.
#[expect(
    clippy::too_many_lines,
    reason = "one table of the reference's texts, activity by activity"
)]
pub fn reference(kind: ActivityKind) -> Reference {
    use sources::{L252_5, L1110_4, R1112_7, R6316, REFERENTIEL, RETENTION};
    match kind {
        ActivityKind::PatientCare => Reference {
            name: bi("Dossiers des patients et soins", "Patient records and care"),
            purpose: bi(
                "Gestion médicale de la patientèle : tenue du dossier médical, diagnostic, soins, prescriptions, échange et partage d’informations avec les autres professionnels de la prise en charge.",
                "Medical management of the patients: keeping the medical record, diagnosis, care, prescriptions, exchanging and sharing information with the other professionals of the patient's care.",
            ),
            legal_basis: bi(
                "RGPD art. 6.1.c (obligation légale de tenir le dossier, CSP R.4127-45) ; données de santé : art. 9.2.h (diagnostic médical, prise en charge sanitaire, par un professionnel soumis au secret).",
                "GDPR art. 6(1)(c) (legal obligation to keep the record, CSP R.4127-45); health data: art. 9(2)(h) (medical diagnosis, provision of care, by a professional bound by secrecy).",
            ),
            data: bi(
                "Identité, coordonnées, numéro de sécurité sociale (INS), couverture sociale, médecin traitant, données de santé (antécédents, examens, diagnostics, traitements, comptes rendus), éléments de vie personnelle utiles aux soins.",
                "Identity, contact details, social security number (INS), insurance cover, referring doctor, health data (history, tests, diagnoses, treatments, reports), personal circumstances useful to care.",
            ),
            people: bi(
                "Patients ; leurs représentants légaux ; les proches à prévenir.",
                "Patients; their legal representatives; the relatives to contact.",
            ),
            recipients: bi(
                "Le praticien et, dans la limite de leurs missions, les personnes qui travaillent avec lui ; les professionnels de l’équipe de soins (CSP L.1110-4) ; le DMP lorsqu’il est alimenté ; le patient.",
                "The practitioner and, within their tasks, the people working with him or her; the professionals of the care team (CSP L.1110-4); the DMP when fed; the patient.",
            ),
            retention: RECORD_RETENTION,
            plain: Some(bi(
                "tenir votre dossier médical et vous soigner, et partager ce qui est utile avec les autres professionnels qui vous soignent",
                "keep your medical record and care for you, and share what is useful with the other professionals caring for you",
            )),
            plain_basis: bi(
                "la loi impose de tenir votre dossier ; vos données de santé servent à vous soigner, sous le secret médical (RGPD art. 6.1.c et 9.2.h)",
                "the law requires your record to be kept; your health data serve your care, under medical secrecy (GDPR art. 6(1)(c) and 9(2)(h))",
            ),
            measures: CARE_MEASURES,
            sources: &[REFERENTIEL, RETENTION, R1112_7, L1110_4],
        },
        ActivityKind::Appointments => Reference {
            name: bi("Rendez-vous", "Appointments"),
            purpose: bi(
                "Gestion des rendez-vous (agenda, rappels, annulations), y compris par un service de prise de rendez-vous en ligne.",
                "Managing appointments (diary, reminders, cancellations), including through an online booking service.",
            ),
            legal_basis: bi(
                "RGPD art. 6.1.b (mesures préalables aux soins demandés par le patient) ; le motif de consultation, s’il est noté, est une donnée de santé : art. 9.2.h. Base à confirmer au regard du référentiel.",
                "GDPR art. 6(1)(b) (steps taken at the patient's request before care); the reason for the visit, when noted, is health data: art. 9(2)(h). Basis to be confirmed against the reference framework.",
            ),
            data: bi(
                "Identité, coordonnées, date et heure du rendez-vous, motif éventuel.",
                "Identity, contact details, date and time of the appointment, reason if given.",
            ),
            people: bi(
                "Patients et personnes qui prennent rendez-vous pour eux.",
                "Patients and the people booking for them.",
            ),
            recipients: bi(
                "Le praticien et le secrétariat ; le service de prise de rendez-vous en ligne, sous-traitant.",
                "The practitioner and the secretariat; the online booking service, as processor.",
            ),
            retention: bi(
                "Durée à confirmer par le cabinet au regard du référentiel (non vérifiée ici) ; au-delà, les rendez-vous utiles aux soins sont dans le dossier médical.",
                "Duration to be confirmed by the practice against the reference framework (not checked here); beyond it, appointments useful to care are in the medical record.",
            ),
            plain: Some(bi("gérer vos rendez-vous", "manage your appointments")),
            plain_basis: bi(
                "votre demande de rendez-vous (RGPD art. 6.1.b)",
                "your request for an appointment (GDPR art. 6(1)(b))",
            ),
            measures: &[
                "accounts.named-accounts",
                "hosting.processor-contracts",
                "hosting.vendor-list",
            ],
            sources: &[REFERENTIEL],
        },
        ActivityKind::Billing => Reference {
            name: bi(
                "Facturation et télétransmission",
                "Billing and teletransmission",
            ),
            purpose: bi(
                "Facturation des actes, télétransmission des feuilles de soins électroniques à l’assurance maladie et aux complémentaires, tiers payant, comptabilité du cabinet.",
                "Billing, sending electronic claims to the national health insurance and to complementary insurers, third-party payment, the practice's accounts.",
            ),
            legal_basis: bi(
                "RGPD art. 6.1.c (obligations légales de facturation, de télétransmission et comptables) ; données de santé (actes) : art. 9.2.h. Base à confirmer au regard du référentiel.",
                "GDPR art. 6(1)(c) (legal obligations of billing, teletransmission and accounting); health data (the acts): art. 9(2)(h). Basis to be confirmed against the reference framework.",
            ),
            data: bi(
                "Identité, numéro de sécurité sociale, organismes d’assurance, actes réalisés et leurs codes, montants, règlements.",
                "Identity, social security number, insurers, acts performed and their codes, amounts, payments.",
            ),
            people: bi("Patients et assurés.", "Patients and insured persons."),
            recipients: bi(
                "Caisses d’assurance maladie ; organismes complémentaires ; le cas échéant un organisme concentrateur technique ; l’expert-comptable, sans données de santé.",
                "Health insurance funds; complementary insurers; a technical concentrator when used; the accountant, without health data.",
            ),
            retention: bi(
                "Pièces comptables : durée légale à confirmer par le cabinet (non vérifiée ici) ; feuilles de soins : selon les règles de l’assurance maladie.",
                "Accounting records: the legal duration, to be confirmed by the practice (not checked here); claims: as the health insurance's rules say.",
            ),
            plain: Some(bi(
                "facturer vos soins et les transmettre à votre caisse d’assurance maladie et à votre complémentaire",
                "bill your care and send it to your health insurance fund and your complementary insurer",
            )),
            plain_basis: bi(
                "les obligations légales de facturation et de remboursement (RGPD art. 6.1.c et 9.2.h)",
                "the legal obligations of billing and reimbursement (GDPR art. 6(1)(c) and 9(2)(h))",
            ),
            measures: &[
                "accounts.cps-card",
                "updates.software-updates",
                "backups.automatic",
            ],
            sources: &[REFERENTIEL],
        },
        ActivityKind::Teleconsultation => Reference {
            name: bi("Téléconsultation", "Teleconsultation"),
            purpose: bi(
                "Réalisation d’actes de télémédecine (téléconsultation) et de télésoin ; compte rendu inscrit au dossier du patient.",
                "Telemedicine (teleconsultation) and telecare; the report written into the patient's record.",
            ),
            legal_basis: bi(
                "RGPD art. 6.1.c (CSP R.6316-4 : compte rendu au dossier) ; données de santé : art. 9.2.h.",
                "GDPR art. 6(1)(c) (CSP R.6316-4: the report in the record); health data: art. 9(2)(h).",
            ),
            data: bi(
                "Identité du patient, données de connexion à la séance, données de santé échangées, compte rendu.",
                "The patient's identity, connection data of the session, health data exchanged, the report.",
            ),
            people: bi(
                "Patients téléconsultés et leurs accompagnants.",
                "Patients seen remotely and those with them.",
            ),
            recipients: bi(
                "Le praticien ; l’éditeur de l’outil de téléconsultation, sous-traitant ; les professionnels de l’équipe de soins.",
                "The practitioner; the teleconsultation tool's vendor, as processor; the professionals of the care team.",
            ),
            retention: bi(
                "Le compte rendu suit la durée du dossier médical (5 ans en base active puis 15 ans en archivage intermédiaire) ; la séance n’est pas enregistrée.",
                "The report follows the medical record's duration (5 years active, then 15 years in intermediate archiving); the session is not recorded.",
            ),
            plain: Some(bi(
                "réaliser des téléconsultations",
                "hold teleconsultations",
            )),
            plain_basis: bi(
                "vos soins, le compte rendu étant inscrit à votre dossier comme la loi le demande (RGPD art. 6.1.c et 9.2.h)",
                "your care, the report being written into your record as the law requires (GDPR art. 6(1)(c) and 9(2)(h))",
            ),
            measures: &[
                "software.teleconsultation-tool",
                "software.teleconsultation-conduct",
                "software.teleconsultation-consent",
            ],
            sources: &[REFERENTIEL, R6316],
        },
        ActivityKind::Imaging => Reference {
            name: bi("Imagerie médicale", "Medical imaging"),
            purpose: bi(
                "Production, réception, conservation et interprétation des images médicales ; échanges avec les demandeurs et, le cas échéant, la téléradiologie.",
                "Producing, receiving, keeping and reading medical images; exchanges with the requesting doctors and, when used, teleradiology.",
            ),
            legal_basis: bi(
                "RGPD art. 6.1.c (les images et comptes rendus font partie du dossier) ; données de santé : art. 9.2.h.",
                "GDPR art. 6(1)(c) (images and reports are part of the record); health data: art. 9(2)(h).",
            ),
            data: bi(
                "Images (DICOM) et leurs en-têtes : identité, date de naissance, examen, établissement ; comptes rendus.",
                "Images (DICOM) and their headers: identity, date of birth, examination, facility; reports.",
            ),
            people: bi("Patients.", "Patients."),
            recipients: bi(
                "Le praticien ; les médecins demandeurs ; le patient ; le partenaire de téléradiologie ou la plateforme d’images, sous-traitant.",
                "The practitioner; the requesting doctors; the patient; the teleradiology partner or image platform, as processor.",
            ),
            retention: RECORD_RETENTION,
            plain: Some(bi(
                "réaliser, recevoir et conserver vos images médicales",
                "produce, receive and keep your medical images",
            )),
            plain_basis: bi(
                "vos soins : les images font partie de votre dossier (RGPD art. 6.1.c et 9.2.h)",
                "your care: images are part of your record (GDPR art. 6(1)(c) and 9(2)(h))",
            ),
            measures: &[
                "imaging.pacs-authentication",
                "imaging.known-callers",
                "imaging.dicom-firewall",
                "imaging.offsite-transfer",
                "imaging.encryption-at-rest",
                "imaging.stray-images",
            ],
            sources: &[REFERENTIEL, RETENTION, R1112_7],
        },
        ActivityKind::Staff => Reference {
            name: bi("Gestion du personnel", "Staff management"),
            purpose: bi(
                "Gestion administrative du personnel et des remplaçants : contrats, paie, déclarations sociales, planning, accès au système d’information.",
                "Administration of staff and locums: contracts, pay, social declarations, rota, access to the information system.",
            ),
            legal_basis: bi(
                "RGPD art. 6.1.b (contrat de travail ou de remplacement) et 6.1.c (obligations sociales et fiscales).",
                "GDPR art. 6(1)(b) (employment or locum contract) and 6(1)(c) (social and tax obligations).",
            ),
            data: bi(
                "Identité, coordonnées, numéro de sécurité sociale, diplômes et inscription à l’Ordre, rémunération, coordonnées bancaires, comptes informatiques.",
                "Identity, contact details, social security number, qualifications and registration with the Ordre, pay, bank details, computer accounts.",
            ),
            people: bi(
                "Salariés, remplaçants, stagiaires.",
                "Employees, locums, trainees.",
            ),
            recipients: bi(
                "Le praticien ; l’expert-comptable ou le service de paie ; les organismes sociaux ; la médecine du travail.",
                "The practitioner; the accountant or payroll service; social security bodies; occupational health.",
            ),
            retention: bi(
                "Durées légales à confirmer par le cabinet (non vérifiées ici).",
                "Legal durations to be confirmed by the practice (not checked here).",
            ),
            plain: None,
            plain_basis: bi(
                "contrats et obligations sociales (RGPD art. 6.1.b et 6.1.c)",
                "contracts and social obligations (GDPR art. 6(1)(b) and 6(1)(c))",
            ),
            measures: &[
                "accounts.named-accounts",
                "accounts.leavers-review",
                "accounts.staff-cards",
            ],
            sources: &[],
        },
        ActivityKind::VideoSurveillance => Reference {
            name: bi("Vidéosurveillance", "Video surveillance"),
            purpose: bi(
                "Sécurité des personnes et des biens dans les locaux du cabinet.",
                "Safety of people and property in the practice's premises.",
            ),
            legal_basis: bi(
                "RGPD art. 6.1.f (intérêt légitime) ; autorisation préfectorale pour les lieux ouverts au public (CSI L.252-1) ; information préalable des salariés (C. travail L.1222-4).",
                "GDPR art. 6(1)(f) (legitimate interest); the prefect's authorisation for places open to the public (CSI L.252-1); staff informed beforehand (Labour code L.1222-4).",
            ),
            data: bi(
                "Images des personnes filmées, date et heure.",
                "Images of the people filmed, date and time.",
            ),
            people: bi(
                "Patients, accompagnants, personnel, visiteurs.",
                "Patients, companions, staff, visitors.",
            ),
            recipients: bi(
                "Le praticien ; sur réquisition, les forces de l’ordre.",
                "The practitioner; on request, the police.",
            ),
            retention: bi(
                "Un mois au plus (CSI L.252-5).",
                "One month at most (CSI L.252-5).",
            ),
            plain: Some(bi(
                "assurer la sécurité des personnes et des biens par vidéosurveillance (images conservées un mois au plus)",
                "keep people and property safe by video surveillance (images kept one month at most)",
            )),
            plain_basis: bi(
                "la sécurité des locaux, intérêt légitime du cabinet (RGPD art. 6.1.f)",
                "the premises' safety, the practice's legitimate interest (GDPR art. 6(1)(f))",
            ),
            measures: &["physical.video-surveillance", "physical.video-formalities"],
            sources: &[L252_5],
        },
    }
}

/// The label of each field of the register.
pub fn field_label(field: super::RegisterField) -> Bi {
    use super::RegisterField as F;
    match field {
        F::Purpose => bi("Finalité", "Purpose"),
        F::LegalBasis => bi("Base légale", "Legal basis"),
        F::Data => bi("Données", "Data"),
        F::People => bi("Personnes concernées", "People concerned"),
        F::Recipients => bi("Destinataires", "Recipients"),
        F::Processors => bi("Sous-traitants", "Processors"),
        F::Transfers => bi("Transferts hors UE", "Transfers outside the EU"),
        F::Retention => bi("Conservation", "Retention"),
    }
}
