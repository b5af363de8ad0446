//! The practice's processors (GDPR art. 28): the software vendors, the health-data host, the IT
//! provider, the teleradiology or imaging partner and any other the doctor adds. Each with what it
//! processes, whether it keeps the practice's health data (then it must be certified HDS, CSP
//! L.1111-8: the certificate's number and its expiry), the contract's art. 28 clauses as the doctor
//! ticked them from the contract (present, absent, not known — "not known" is never reassuring) and the
//! contract itself, attached as evidence.
//!
//! Like the register, the list is drawn from the practice profile each time (its vendors, host, IT
//! provider, partners: [`Source`]); what the doctor entered is kept in the vault ([`Processors`]), by
//! processor, and wins over the pre-filled facts. Processors the profile does not name are added by
//! the doctor ([`ProcessorId::Added`]).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::register::ActivityKind;
use super::{Bi, bi};
use crate::checklist::record::{EvidenceError, MAX_EVIDENCE_BYTES};
use crate::locale::Lang;
use crate::practice::{Known, Profile, RecordsHosting};

/// GDPR art. 28, cited beside the clauses.
pub const ART_28: &str = "RGPD, article 28 (sous-traitant)";
/// Hosting of health data, cited beside the certificate.
pub const HDS_SOURCE: &str = "CSP L.1111-8 (hébergement de données de santé, certification HDS)";

/// How many days before its expiry an HDS certificate is said to expire soon.
pub const HDS_WARNING_DAYS: i32 = 90;

/// What kind of processor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ProcessorKind {
    /// A software vendor (patient records, teleconsultation, online booking).
    SoftwareVendor,
    /// A health-data host.
    Host,
    /// The IT provider (maintenance, remote support).
    ItProvider,
    /// A teleradiology partner or an imaging platform.
    Teleradiology,
    /// Any other processor.
    Other,
}

impl ProcessorKind {
    /// Every kind, in display order.
    pub const ALL: [Self; 5] = [
        Self::SoftwareVendor,
        Self::Host,
        Self::ItProvider,
        Self::Teleradiology,
        Self::Other,
    ];

    /// The kind's name.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Self::SoftwareVendor => bi("Éditeur de logiciel", "Software vendor"),
            Self::Host => bi("Hébergeur de données de santé", "Health-data host"),
            Self::ItProvider => bi("Prestataire informatique", "IT provider"),
            Self::Teleradiology => bi(
                "Téléradiologie ou plateforme d’images",
                "Teleradiology or image platform",
            ),
            Self::Other => bi("Autre sous-traitant", "Other processor"),
        }
        .get(lang)
    }
}

/// A processor the practice profile names or implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Source {
    /// The patient-record software's vendor (`processing.records_vendor`), unless records are on paper.
    RecordsSoftware,
    /// The health-data host (`processing.host`), when records are in the cloud or a host is named.
    Host,
    /// The teleconsultation tool's vendor (`processing.teleconsultation_vendor`), when the doctor
    /// does teleconsultations.
    Teleconsultation,
    /// The online booking service, when the practice has one (the profile has no name for it).
    OnlineBooking,
    /// The image platform or teleradiology partner (`processing.imaging_partner`), when images are
    /// kept at a host or a partner is named.
    Imaging,
    /// The IT provider (`it_provider`), when named.
    ItProvider,
}

impl Source {
    /// Every source, in the list's order.
    pub const ALL: [Self; 6] = [
        Self::RecordsSoftware,
        Self::Host,
        Self::Teleconsultation,
        Self::OnlineBooking,
        Self::Imaging,
        Self::ItProvider,
    ];

    /// The kind of processor it is.
    pub fn kind(self) -> ProcessorKind {
        match self {
            Self::RecordsSoftware | Self::Teleconsultation | Self::OnlineBooking => {
                ProcessorKind::SoftwareVendor
            }
            Self::Host => ProcessorKind::Host,
            Self::Imaging => ProcessorKind::Teleradiology,
            Self::ItProvider => ProcessorKind::ItProvider,
        }
    }

    /// Whether the profile has this processor.
    pub fn in_profile(self, profile: &Profile) -> bool {
        let s = &profile.setup;
        let p = &profile.processing;
        match self {
            Self::RecordsSoftware => s.records != RecordsHosting::Paper,
            Self::Host => s.records == RecordsHosting::Cloud || !p.host.trim().is_empty(),
            Self::Teleconsultation => s.teleconsultation,
            Self::OnlineBooking => s.online_booking,
            Self::Imaging => s.imaging().keeps.at_host || !p.imaging_partner.trim().is_empty(),
            Self::ItProvider => !profile.it_provider.trim().is_empty(),
        }
    }

    /// The name the profile gives (empty: not given).
    pub fn profile_name(self, profile: &Profile) -> &str {
        let p = &profile.processing;
        match self {
            Self::RecordsSoftware => &p.records_vendor,
            Self::Host => &p.host,
            Self::Teleconsultation => &p.teleconsultation_vendor,
            Self::OnlineBooking => "",
            Self::Imaging => &p.imaging_partner,
            Self::ItProvider => &profile.it_provider,
        }
        .trim()
    }

    /// Its role in the practice, for the list.
    pub fn role(self, lang: Lang) -> String {
        match self {
            Self::RecordsSoftware => bi(
                "Éditeur du logiciel de dossiers patients",
                "Patient-record software vendor",
            ),
            Self::Host => bi("Hébergeur des données de santé", "Health-data host"),
            Self::Teleconsultation => bi(
                "Éditeur de l’outil de téléconsultation",
                "Teleconsultation tool vendor",
            ),
            Self::OnlineBooking => bi(
                "Service de prise de rendez-vous en ligne",
                "Online booking service",
            ),
            Self::Imaging => bi(
                "Plateforme d’images ou téléradiologie",
                "Image platform or teleradiology",
            ),
            Self::ItProvider => bi("Prestataire informatique", "IT provider"),
        }
        .get(lang)
    }

    /// What it processes, pre-filled.
    pub fn processes(self, lang: Lang) -> String {
        match self {
            Self::RecordsSoftware => bi(
                "Dossiers médicaux des patients, rendez-vous et facturation tenus dans le logiciel ; maintenance et assistance.",
                "Patients' medical records, appointments and billing kept in the software; maintenance and support.",
            ),
            Self::Host => bi(
                "Hébergement des dossiers médicaux des patients et de leurs sauvegardes.",
                "Hosting of the patients' medical records and their backups.",
            ),
            Self::Teleconsultation => bi(
                "Identité et coordonnées des patients, rendez-vous de téléconsultation, échanges et documents partagés pendant la consultation.",
                "Patients' identity and contact details, teleconsultation appointments, what is exchanged and shared during the consultation.",
            ),
            Self::OnlineBooking => bi(
                "Identité et coordonnées des patients, motifs et dates des rendez-vous.",
                "Patients' identity and contact details, reasons and dates of appointments.",
            ),
            Self::Imaging => bi(
                "Images médicales et comptes rendus des patients, avec leur identité.",
                "Patients' medical images and reports, with their identity.",
            ),
            Self::ItProvider => bi(
                "Accès aux postes et au réseau du cabinet pour la maintenance, donc aux données qui s’y trouvent.",
                "Access to the practice's computers and network for maintenance, hence to the data on them.",
            ),
        }
        .get(lang)
    }

    /// The register's activities it serves, as the profile implies: the records' software keeps the
    /// records, the appointments and the billing (as [`Source::processes`] says), the host the records
    /// and the billing kept with them, each tool its own activity, the IT provider every activity but
    /// the staff's management (the register lists it as a processor of each).
    pub fn activities(self) -> BTreeSet<ActivityKind> {
        use ActivityKind as A;
        match self {
            Self::RecordsSoftware => [A::PatientCare, A::Appointments, A::Billing].into(),
            Self::Host => [A::PatientCare, A::Billing].into(),
            Self::Teleconsultation => [A::Teleconsultation].into(),
            Self::OnlineBooking => [A::Appointments].into(),
            Self::Imaging => [A::Imaging].into(),
            Self::ItProvider => ActivityKind::ALL
                .into_iter()
                .filter(|k| *k != A::Staff)
                .collect(),
        }
    }

    /// Whether it keeps the practice's health data, as the profile implies (`Unknown` when the profile
    /// does not say).
    pub fn hosts_health_data(self, profile: &Profile) -> Known {
        let s = &profile.setup;
        match self {
            Self::Host => Known::Yes,
            Self::RecordsSoftware if s.records == RecordsHosting::Cloud => Known::Yes,
            Self::Imaging if s.imaging().keeps.at_host => Known::Yes,
            _ => Known::Unknown,
        }
    }
}

/// Which processor: one the profile implies, or one the doctor added (numbered from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ProcessorId {
    /// Drawn from the profile.
    Profile(Source),
    /// Added by the doctor.
    Added(u32),
}

/// A clause GDPR art. 28 requires in the contract with a processor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Clause {
    /// Art. 28(3), first sentence: the subject-matter and duration, nature and purpose, the type of
    /// data and the categories of people, the controller's obligations and rights.
    Scope,
    /// Art. 28(3)(a): only on documented instructions, transfers included.
    Instructions,
    /// Art. 28(3)(b): the people who process the data are bound to confidentiality.
    Confidentiality,
    /// Art. 28(3)(c): the security measures of art. 32.
    Security,
    /// Art. 28(2) and 28(3)(d): no other processor without the practice's prior written authorisation;
    /// told of any change, with the right to object.
    SubProcessors,
    /// Art. 28(4): the same obligations imposed on any sub-processor, the processor remaining liable.
    SubProcessorObligations,
    /// Art. 28(3)(e): help to answer the patients' requests (access, rectification…).
    DataSubjectRights,
    /// Art. 28(3)(f): help with security, breach notification (art. 33, 34) and impact assessments.
    Assistance,
    /// Art. 28(3)(g): the data deleted or returned at the end of the service, copies deleted.
    EndOfContract,
    /// Art. 28(3)(h): the information that shows compliance, and audits allowed.
    Audits,
}

impl Clause {
    /// Every clause, in the article's order.
    pub const ALL: [Self; 10] = [
        Self::Scope,
        Self::Instructions,
        Self::Confidentiality,
        Self::Security,
        Self::SubProcessors,
        Self::SubProcessorObligations,
        Self::DataSubjectRights,
        Self::Assistance,
        Self::EndOfContract,
        Self::Audits,
    ];

    /// Where GDPR art. 28 requires it.
    pub fn article(self) -> &'static str {
        match self {
            Self::Scope => "28(3)",
            Self::Instructions => "28(3)(a)",
            Self::Confidentiality => "28(3)(b)",
            Self::Security => "28(3)(c)",
            Self::SubProcessors => "28(2), 28(3)(d)",
            Self::SubProcessorObligations => "28(4)",
            Self::DataSubjectRights => "28(3)(e)",
            Self::Assistance => "28(3)(f)",
            Self::EndOfContract => "28(3)(g)",
            Self::Audits => "28(3)(h)",
        }
    }

    /// What the contract must say, in a short line for the checklist.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Scope => bi(
                "L’objet, la durée, la nature et la finalité du traitement, les données et les personnes concernées",
                "The subject-matter, duration, nature and purpose of the processing, the data and the people concerned",
            ),
            Self::Instructions => bi(
                "Il ne traite les données que sur instruction écrite du cabinet, transferts compris",
                "It processes the data only on the practice's written instructions, transfers included",
            ),
            Self::Confidentiality => bi(
                "Les personnes qui traitent les données sont tenues à la confidentialité",
                "The people who process the data are bound to confidentiality",
            ),
            Self::Security => bi(
                "Il prend les mesures de sécurité de l’article 32",
                "It takes the security measures of article 32",
            ),
            Self::SubProcessors => bi(
                "Pas d’autre sous-traitant sans l’accord écrit préalable du cabinet, qui est prévenu de tout changement et peut s’y opposer",
                "No other processor without the practice's prior written authorisation; the practice is told of any change and may object",
            ),
            Self::SubProcessorObligations => bi(
                "Ses propres sous-traitants ont les mêmes obligations, et il en reste responsable",
                "Its own processors have the same obligations, and it remains liable for them",
            ),
            Self::DataSubjectRights => bi(
                "Il aide le cabinet à répondre aux demandes des patients (accès, rectification…)",
                "It helps the practice answer the patients' requests (access, rectification…)",
            ),
            Self::Assistance => bi(
                "Il aide le cabinet pour la sécurité, les violations de données (articles 33 et 34) et les analyses d’impact",
                "It helps the practice with security, data breaches (articles 33 and 34) and impact assessments",
            ),
            Self::EndOfContract => bi(
                "À la fin du contrat, il supprime ou rend les données, au choix du cabinet, et en efface les copies",
                "At the end of the contract it deletes or returns the data, as the practice chooses, and erases the copies",
            ),
            Self::Audits => bi(
                "Il fournit les informations qui prouvent sa conformité et permet les audits",
                "It provides the information that shows its compliance and allows audits",
            ),
        }
        .get(lang)
    }

    /// What the letter asks the processor, for this clause.
    pub fn request(self, lang: Lang) -> String {
        match self {
            Self::Scope => bi(
                "décrire dans le contrat l’objet, la durée, la nature et la finalité du traitement, les catégories de données et de personnes concernées",
                "describe in the contract the subject-matter, duration, nature and purpose of the processing, the categories of data and of people concerned",
            ),
            Self::Instructions => bi(
                "vous engager à ne traiter les données que sur instruction documentée du cabinet, y compris pour tout transfert hors de l’Union européenne",
                "commit to processing the data only on the practice's documented instructions, including for any transfer outside the European Union",
            ),
            Self::Confidentiality => bi(
                "garantir que les personnes autorisées à traiter les données sont tenues à la confidentialité",
                "guarantee that the people authorised to process the data are bound to confidentiality",
            ),
            Self::Security => bi(
                "décrire les mesures de sécurité que vous prenez au titre de l’article 32 du RGPD",
                "describe the security measures you take under article 32 of the GDPR",
            ),
            Self::SubProcessors => bi(
                "ne pas recourir à un autre sous-traitant sans l’autorisation écrite préalable du cabinet, et l’informer de tout changement pour qu’il puisse s’y opposer ; me transmettre la liste de vos sous-traitants",
                "not engage another processor without the practice's prior written authorisation, and tell it of any change so that it may object; send me the list of your processors",
            ),
            Self::SubProcessorObligations => bi(
                "imposer à vos sous-traitants les mêmes obligations par contrat, en restant responsable envers le cabinet",
                "impose the same obligations on your processors by contract, remaining liable to the practice",
            ),
            Self::DataSubjectRights => bi(
                "aider le cabinet à répondre aux demandes d’exercice des droits des patients",
                "help the practice answer the patients' requests to exercise their rights",
            ),
            Self::Assistance => bi(
                "aider le cabinet pour la sécurité du traitement, la notification des violations de données et les analyses d’impact, et me prévenir sans délai de toute violation",
                "help the practice with the security of the processing, the notification of data breaches and impact assessments, and tell me without delay of any breach",
            ),
            Self::EndOfContract => bi(
                "supprimer ou rendre les données à la fin du contrat, au choix du cabinet, et en effacer les copies",
                "delete or return the data at the end of the contract, as the practice chooses, and erase the copies",
            ),
            Self::Audits => bi(
                "mettre à disposition les informations nécessaires pour démontrer votre conformité et permettre des audits",
                "make available the information needed to show your compliance and allow audits",
            ),
        }
        .get(lang)
    }
}

/// Whether the contract holds a clause, as the doctor read it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClauseAnswer {
    /// Not checked yet, or the doctor cannot tell: counts as missing.
    #[default]
    Unknown,
    /// The contract has it.
    Present,
    /// The contract does not have it.
    Absent,
}

impl ClauseAnswer {
    /// Every answer, in display order.
    pub const ALL: [Self; 3] = [Self::Present, Self::Absent, Self::Unknown];

    /// The answer's name.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Self::Unknown => bi("Je ne sais pas", "Don't know"),
            Self::Present => bi("Présente", "Present"),
            Self::Absent => bi("Absente", "Absent"),
        }
        .get(lang)
    }
}

/// The contract, attached as evidence and kept encrypted in the vault (as checklist evidence is).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractFile {
    /// The file's name when attached.
    pub name: String,
    /// SHA-256 of the content, in hexadecimal: identifies the exact file in the binder.
    pub sha256: String,
    /// When it was attached.
    pub added_at: Timestamp,
    /// The content. Shared (`Arc`), so that a copy of the vault's contents for a save costs nothing.
    #[serde(with = "crate::base64_field")]
    pub content: Arc<[u8]>,
}

impl std::fmt::Debug for ContractFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContractFile")
            .field("name", &self.name)
            .field("sha256", &self.sha256)
            .field("size", &self.content.len())
            .finish_non_exhaustive()
    }
}

/// What the doctor entered about one processor. Fields left empty (or `None`) take the profile's facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Processor {
    /// Which processor.
    pub id: ProcessorId,
    /// Its kind (for a processor of the profile, its source's kind).
    pub kind: ProcessorKind,
    /// Its name (empty: the profile's).
    pub name: String,
    /// What it processes (empty: the pre-filled text).
    pub processes: String,
    /// Whether it keeps the practice's health data (None: as the profile implies).
    pub hosts_health_data: Option<Known>,
    /// The HDS certificate's number, as written on it.
    pub hds_number: String,
    /// The HDS certificate's expiry date.
    pub hds_expires: Option<Date>,
    /// The art. 28 clauses as ticked from the contract; a clause not here is not known.
    pub clauses: BTreeMap<Clause, ClauseAnswer>,
    /// The contract, attached as evidence.
    pub contract: Option<ContractFile>,
    /// A note (who to write to, the contract's reference…).
    pub note: String,
    /// The register's activities it serves (None: as the profile implies; none for one added).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activities: Option<BTreeSet<ActivityKind>>,
    /// When it was last changed.
    pub updated_at: Option<Timestamp>,
}

impl Default for Processor {
    fn default() -> Self {
        Self::new(ProcessorId::Added(0), ProcessorKind::Other)
    }
}

impl Processor {
    /// A processor with nothing entered.
    pub fn new(id: ProcessorId, kind: ProcessorKind) -> Self {
        Self {
            id,
            kind,
            name: String::new(),
            processes: String::new(),
            hosts_health_data: None,
            hds_number: String::new(),
            hds_expires: None,
            clauses: BTreeMap::new(),
            contract: None,
            note: String::new(),
            activities: None,
            updated_at: None,
        }
    }

    /// The answer for `clause` (not ticked: not known).
    pub fn clause(&self, clause: Clause) -> ClauseAnswer {
        self.clauses.get(&clause).copied().unwrap_or_default()
    }
}

/// A change to one processor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProcessorEdit {
    /// Its name (empty: the profile's).
    Name(String),
    /// Its kind (only for one the doctor added; a processor of the profile keeps its source's).
    Kind(ProcessorKind),
    /// What it processes (empty: the pre-filled text).
    Processes(String),
    /// Whether it keeps the practice's health data (None: as the profile implies).
    HostsHealthData(Option<Known>),
    /// The HDS certificate's number.
    HdsNumber(String),
    /// The HDS certificate's expiry date.
    HdsExpires(Option<Date>),
    /// A clause as ticked.
    Clause(Clause, ClauseAnswer),
    /// The note.
    Note(String),
    /// Whether it serves an activity of the register.
    Activity(ActivityKind, bool),
}

/// Why a change to the processors was refused; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProcessorError {
    /// No such processor (an added one removed, or a number out of the list).
    #[error("no such processor")]
    NoSuchProcessor,
    /// A processor added without a name.
    #[error("a processor needs a name")]
    EmptyName,
    /// The contract file was refused.
    #[error(transparent)]
    Contract(#[from] EvidenceError),
}

/// The processors as the doctor completed them, kept in the vault. The list itself is drawn from the
/// profile each time ([`Processors::list`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Processors {
    /// What the doctor entered, one entry per processor (the profile's ones once changed, and the ones
    /// added).
    pub entries: Vec<Processor>,
    /// Processors of the profile the doctor said are not processors of the practice.
    pub removed: BTreeSet<Source>,
    /// When the processors were last changed.
    pub updated_at: Option<Timestamp>,
}

/// Where a shown fact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactOrigin {
    /// Drawn from the profile (or pre-filled).
    Profile,
    /// Entered by the doctor.
    Doctor,
    /// Given by no one.
    Missing,
}

/// The HDS certificate, as it stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HdsStatus {
    /// The processor does not keep the practice's health data, and no certificate is given.
    NotNeeded,
    /// Whether it keeps health data is not known, and no certificate is given: to check.
    ToCheck,
    /// It keeps health data and no certificate number is given.
    Missing,
    /// A certificate is given without its number, or without its expiry date.
    Incomplete,
    /// Valid on the day, expiring after the warning period.
    Valid {
        /// Its expiry.
        expires: Date,
    },
    /// Valid on the day, expiring within [`HDS_WARNING_DAYS`].
    ExpiresSoon {
        /// Its expiry.
        expires: Date,
        /// Days left.
        days: i32,
    },
    /// Expired (the expiry date is past, or the day itself).
    Expired {
        /// Its expiry.
        expires: Date,
    },
}

/// "Yes", "No" or "Don't know".
pub fn known_name(k: Known, lang: Lang) -> String {
    match k {
        Known::Yes => bi("Oui", "Yes"),
        Known::No => bi("Non", "No"),
        Known::Unknown => bi("Je ne sais pas", "Don't know"),
    }
    .get(lang)
}

impl HdsStatus {
    /// The status in words.
    pub fn describe(self, lang: Lang) -> String {
        let d = |date: Date| crate::locale::format_date(date, lang);
        match (self, lang) {
            (Self::NotNeeded, _) => bi(
                "non requise (ne conserve pas de données de santé du cabinet)",
                "not required (keeps none of the practice's health data)",
            )
            .get(lang),
            (Self::ToCheck, _) => bi(
                "à vérifier : on ne sait pas s’il héberge des données de santé",
                "to check: whether it hosts health data is not known",
            )
            .get(lang),
            (Self::Missing, _) => bi(
                "certificat HDS manquant (il héberge des données de santé)",
                "HDS certificate missing (it hosts health data)",
            )
            .get(lang),
            (Self::Incomplete, _) => bi(
                "numéro ou date d’expiration du certificat manquant",
                "the certificate's number or expiry date is missing",
            )
            .get(lang),
            (Self::Valid { expires }, Lang::Fr) => format!("valide jusqu’au {}", d(expires)),
            (Self::Valid { expires }, Lang::En) => format!("valid until {}", d(expires)),
            (Self::ExpiresSoon { expires, days }, Lang::Fr) => crate::locale::typeset(
                &format!(
                    "expire le {} (dans {days} jour{})",
                    d(expires),
                    if days > 1 { "s" } else { "" }
                ),
                lang,
            ),
            (Self::ExpiresSoon { expires, days }, Lang::En) => format!(
                "expires on {} (in {days} day{})",
                d(expires),
                if days > 1 { "s" } else { "" }
            ),
            (Self::Expired { expires }, Lang::Fr) => format!("expiré depuis le {}", d(expires)),
            (Self::Expired { expires }, Lang::En) => format!("expired on {}", d(expires)),
        }
    }

    /// Whether the certificate is as it should be on that day (never for what is not known).
    pub fn is_good(self) -> bool {
        matches!(self, Self::NotNeeded | Self::Valid { .. })
    }
}

/// What the practice still lacks from a processor: what the letter asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// A clause of art. 28 absent from the contract, or not known.
    Clause(Clause, ClauseAnswer),
    /// The contract is not attached.
    Contract,
    /// Whether it keeps the practice's health data is not known.
    HostingUnknown,
    /// The HDS certificate (its number) is missing.
    HdsCertificate,
    /// The HDS certificate's expiry date is missing.
    HdsExpiry,
    /// The HDS certificate expires soon or has expired: its renewal.
    HdsRenewal,
}

/// One processor as the page, the PDF and the letter show it, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessorView {
    /// Which processor.
    pub id: ProcessorId,
    /// Its number in the list, from 1 (`vigie export --processor N`).
    pub number: usize,
    /// Its kind.
    pub kind: ProcessorKind,
    /// Its role in the practice (the profile's source, or the kind's name).
    pub role: String,
    /// Its name; empty when no one gave it.
    pub name: String,
    /// Where the name comes from.
    pub name_origin: FactOrigin,
    /// What it processes.
    pub processes: String,
    /// Where that text comes from.
    pub processes_origin: FactOrigin,
    /// Whether it keeps the practice's health data.
    pub hosts_health_data: Known,
    /// Where that answer comes from.
    pub hosts_origin: FactOrigin,
    /// The HDS certificate's number (empty: not given).
    pub hds_number: String,
    /// The HDS certificate's expiry.
    pub hds_expires: Option<Date>,
    /// The certificate as it stands on the day.
    pub hds: HdsStatus,
    /// Each clause of art. 28 and its answer, in [`Clause::ALL`]'s order.
    pub clauses: Vec<(Clause, ClauseAnswer)>,
    /// The contract's name, SHA-256, size and when it was attached.
    pub contract: Option<ContractSummary>,
    /// The note.
    pub note: String,
    /// What the practice still lacks from it.
    pub missing: Vec<Missing>,
    /// The register's activities it serves, in the register's order.
    pub activities: Vec<ActivityKind>,
    /// Whether the doctor chose them ([`FactOrigin::Doctor`]) or the profile implies them.
    pub activities_origin: FactOrigin,
}

/// A contract attached, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractSummary {
    /// The file's name.
    pub name: String,
    /// SHA-256, hexadecimal.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// When it was attached.
    pub added_at: Timestamp,
}

impl ProcessorView {
    /// The name, or "name not given" in `lang`.
    pub fn display_name(&self, lang: Lang) -> String {
        if self.name.is_empty() {
            NAME_NOT_GIVEN.get(lang)
        } else {
            self.name.clone()
        }
    }

    /// How many clauses the doctor ticked present.
    pub fn clauses_present(&self) -> usize {
        self.clauses
            .iter()
            .filter(|(_, a)| *a == ClauseAnswer::Present)
            .count()
    }
}

/// Said where the profile and the doctor give no name.
pub const NAME_NOT_GIVEN: Bi = bi("nom non renseigné", "name not given");

/// The HDS certificate's status on `today`.
pub fn hds_status(hosts: Known, number: &str, expires: Option<Date>, today: Date) -> HdsStatus {
    let number = number.trim();
    match (number.is_empty(), expires) {
        (true, None) => match hosts {
            Known::No => HdsStatus::NotNeeded,
            Known::Unknown => HdsStatus::ToCheck,
            Known::Yes => HdsStatus::Missing,
        },
        (false, None) | (true, Some(_)) => HdsStatus::Incomplete,
        (false, Some(expires)) => {
            // Between two civil dates the span is in days.
            let days = (expires - today).get_days();
            if expires <= today {
                HdsStatus::Expired { expires }
            } else if days <= HDS_WARNING_DAYS {
                HdsStatus::ExpiresSoon { expires, days }
            } else {
                HdsStatus::Valid { expires }
            }
        }
    }
}

impl Processors {
    /// Whether nothing was entered (for serde's `skip_serializing_if`).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// What the doctor entered for `id`, if anything.
    pub fn entry(&self, id: ProcessorId) -> Option<&Processor> {
        self.entries.iter().find(|p| p.id == id)
    }

    /// The processors of the practice in order: the profile's (unless removed), then the ones added;
    /// each with the doctor's facts over the profile's, its HDS status on `today` and what is missing.
    pub fn list(&self, profile: &Profile, today: Date, lang: Lang) -> Vec<ProcessorView> {
        self.ids(profile)
            .into_iter()
            .enumerate()
            .map(|(i, id)| self.view(id, i + 1, profile, today, lang))
            .collect()
    }

    /// The processors in the list's order: the profile's (unless removed), then the ones added.
    fn ids(&self, profile: &Profile) -> Vec<ProcessorId> {
        let mut ids: Vec<ProcessorId> = Source::ALL
            .into_iter()
            .filter(|s| s.in_profile(profile) && !self.removed.contains(s))
            .map(ProcessorId::Profile)
            .collect();
        ids.extend(self.entries.iter().filter_map(|p| match p.id {
            ProcessorId::Added(_) => Some(p.id),
            ProcessorId::Profile(_) => None,
        }));
        ids
    }

    /// The name of `id`: the doctor's, else the profile's (empty: given by neither).
    fn name_of(&self, id: ProcessorId, profile: &Profile) -> (String, FactOrigin) {
        let doctor = self.entry(id).map_or("", |p| p.name.trim());
        let from_profile = match id {
            ProcessorId::Profile(s) => s.profile_name(profile),
            ProcessorId::Added(_) => "",
        };
        if !doctor.is_empty() {
            (doctor.to_owned(), FactOrigin::Doctor)
        } else if !from_profile.is_empty() {
            (from_profile.to_owned(), FactOrigin::Profile)
        } else {
            (String::new(), FactOrigin::Missing)
        }
    }

    /// The register's activities `id` serves: the doctor's choice, else what the profile implies.
    fn activities_of(&self, id: ProcessorId) -> (BTreeSet<ActivityKind>, FactOrigin) {
        match (self.entry(id).and_then(|p| p.activities.clone()), id) {
            (Some(set), _) => (set, FactOrigin::Doctor),
            (None, ProcessorId::Profile(s)) => (s.activities(), FactOrigin::Profile),
            (None, ProcessorId::Added(_)) => (BTreeSet::new(), FactOrigin::Missing),
        }
    }

    /// The processors serving `activity`, each as "role (name)", in the list's order: what the
    /// register's "Processors" field shows, so that the register and the processors page agree.
    pub fn serving(&self, activity: ActivityKind, profile: &Profile, lang: Lang) -> Vec<String> {
        self.ids(profile)
            .into_iter()
            .filter(|id| self.activities_of(*id).0.contains(&activity))
            .map(|id| {
                let (name, _) = self.name_of(id, profile);
                let name = if name.is_empty() {
                    NAME_NOT_GIVEN.get(lang)
                } else {
                    name
                };
                format!("{} ({name})", self.role_of(id, lang))
            })
            .collect()
    }

    /// The role of `id` in the practice: its source's, or its kind's for one added.
    fn role_of(&self, id: ProcessorId, lang: Lang) -> String {
        match id {
            ProcessorId::Profile(s) => s.role(lang),
            ProcessorId::Added(_) => self
                .entry(id)
                .map_or(ProcessorKind::Other, |p| p.kind)
                .name(lang),
        }
    }

    /// The `number`th processor of [`Processors::list`] (from 1).
    pub fn by_number(
        &self,
        number: usize,
        profile: &Profile,
        today: Date,
        lang: Lang,
    ) -> Option<ProcessorView> {
        self.list(profile, today, lang)
            .into_iter()
            .find(|p| p.number == number)
    }

    fn view(
        &self,
        id: ProcessorId,
        number: usize,
        profile: &Profile,
        today: Date,
        lang: Lang,
    ) -> ProcessorView {
        let stored = self.entry(id);
        let source = match id {
            ProcessorId::Profile(s) => Some(s),
            ProcessorId::Added(_) => None,
        };
        let kind = source.map_or_else(
            || stored.map_or(ProcessorKind::Other, |p| p.kind),
            Source::kind,
        );
        let pick = |doctor: Option<&str>, profile_text: Option<String>| match (
            doctor.map(str::trim).filter(|t| !t.is_empty()),
            profile_text,
        ) {
            (Some(t), _) => (t.to_owned(), FactOrigin::Doctor),
            (None, Some(t)) if !t.trim().is_empty() => (t, FactOrigin::Profile),
            _ => (String::new(), FactOrigin::Missing),
        };
        let (name, name_origin) = self.name_of(id, profile);
        let (processes, processes_origin) = pick(
            stored.map(|p| p.processes.as_str()),
            source.map(|s| s.processes(lang)),
        );
        let implied = match kind {
            ProcessorKind::Host => Known::Yes,
            _ => source.map_or(Known::Unknown, |s| s.hosts_health_data(profile)),
        };
        let (hosts_health_data, hosts_origin) = match stored.and_then(|p| p.hosts_health_data) {
            Some(k) if k != Known::Unknown => (k, FactOrigin::Doctor),
            _ if implied != Known::Unknown => (implied, FactOrigin::Profile),
            _ => (Known::Unknown, FactOrigin::Missing),
        };
        let (activities, activities_origin) = self.activities_of(id);
        let hds_number = stored.map_or("", |p| p.hds_number.trim()).to_owned();
        let hds_expires = stored.and_then(|p| p.hds_expires);
        let hds = hds_status(hosts_health_data, &hds_number, hds_expires, today);
        let clauses: Vec<(Clause, ClauseAnswer)> = Clause::ALL
            .into_iter()
            .map(|c| (c, stored.map_or(ClauseAnswer::Unknown, |p| p.clause(c))))
            .collect();
        let contract = stored
            .and_then(|p| p.contract.as_ref())
            .map(|c| ContractSummary {
                name: c.name.clone(),
                sha256: c.sha256.clone(),
                size: c.content.len() as u64,
                added_at: c.added_at,
            });
        let mut missing: Vec<Missing> = clauses
            .iter()
            .filter(|(_, a)| *a != ClauseAnswer::Present)
            .map(|(c, a)| Missing::Clause(*c, *a))
            .collect();
        if contract.is_none() {
            missing.push(Missing::Contract);
        }
        match hds {
            HdsStatus::NotNeeded | HdsStatus::Valid { .. } => {}
            HdsStatus::ToCheck => missing.push(Missing::HostingUnknown),
            HdsStatus::Missing => {
                missing.push(Missing::HdsCertificate);
                missing.push(Missing::HdsExpiry);
            }
            HdsStatus::Incomplete => {
                if hds_number.is_empty() {
                    missing.push(Missing::HdsCertificate);
                }
                if hds_expires.is_none() {
                    missing.push(Missing::HdsExpiry);
                }
            }
            HdsStatus::ExpiresSoon { .. } | HdsStatus::Expired { .. } => {
                missing.push(Missing::HdsRenewal);
            }
        }
        ProcessorView {
            id,
            number,
            kind,
            role: self.role_of(id, lang),
            name,
            name_origin,
            processes,
            processes_origin,
            hosts_health_data,
            hosts_origin,
            hds_number,
            hds_expires,
            hds,
            clauses,
            contract,
            note: stored.map(|p| p.note.trim().to_owned()).unwrap_or_default(),
            missing,
            activities: activities.into_iter().collect(),
            activities_origin,
        }
    }

    /// The entry of `id` to change, made when the doctor first changes a processor of the profile.
    fn entry_mut(&mut self, id: ProcessorId) -> Result<&mut Processor, ProcessorError> {
        let at = match self.entries.iter().position(|p| p.id == id) {
            Some(at) => at,
            None => match id {
                ProcessorId::Profile(s) => {
                    self.entries.push(Processor::new(id, s.kind()));
                    self.entries.len() - 1
                }
                ProcessorId::Added(_) => return Err(ProcessorError::NoSuchProcessor),
            },
        };
        Ok(&mut self.entries[at])
    }

    /// Applies `edit` to `id`. Refused (nothing changed) for an added processor that does not exist, or
    /// an added processor's name emptied.
    pub fn edit(
        &mut self,
        id: ProcessorId,
        edit: ProcessorEdit,
        at: Timestamp,
    ) -> Result<(), ProcessorError> {
        if let (ProcessorId::Added(_), ProcessorEdit::Name(name)) = (id, &edit)
            && name.trim().is_empty()
        {
            return Err(ProcessorError::EmptyName);
        }
        let p = self.entry_mut(id)?;
        match edit {
            ProcessorEdit::Name(t) => t.trim().clone_into(&mut p.name),
            ProcessorEdit::Kind(k) => {
                if matches!(id, ProcessorId::Added(_)) {
                    p.kind = k;
                }
            }
            ProcessorEdit::Processes(t) => t.trim().clone_into(&mut p.processes),
            ProcessorEdit::HostsHealthData(k) => p.hosts_health_data = k,
            ProcessorEdit::HdsNumber(t) => t.trim().clone_into(&mut p.hds_number),
            ProcessorEdit::HdsExpires(d) => p.hds_expires = d,
            ProcessorEdit::Clause(c, ClauseAnswer::Unknown) => {
                p.clauses.remove(&c);
            }
            ProcessorEdit::Clause(c, a) => {
                p.clauses.insert(c, a);
            }
            ProcessorEdit::Note(t) => t.trim().clone_into(&mut p.note),
            ProcessorEdit::Activity(kind, serves) => {
                let implied = match id {
                    ProcessorId::Profile(s) => s.activities(),
                    ProcessorId::Added(_) => BTreeSet::new(),
                };
                let mut set = p.activities.take().unwrap_or_else(|| implied.clone());
                if serves {
                    set.insert(kind);
                } else {
                    set.remove(&kind);
                }
                // Back to what the profile implies: nothing of the doctor's kept.
                p.activities = (set != implied).then_some(set);
            }
        }
        p.updated_at = Some(at);
        self.forget_if_blank(id);
        self.updated_at = Some(at);
        Ok(())
    }

    /// A profile's processor whose entry holds nothing is not kept.
    fn forget_if_blank(&mut self, id: ProcessorId) {
        if let ProcessorId::Profile(s) = id {
            let blank = Processor::new(id, s.kind());
            self.entries.retain(|p| {
                p.id != id
                    || Processor {
                        updated_at: None,
                        ..p.clone()
                    } != blank
            });
        }
    }

    /// Adds a processor the profile does not name; returns its id.
    pub fn add(
        &mut self,
        kind: ProcessorKind,
        name: &str,
        at: Timestamp,
    ) -> Result<ProcessorId, ProcessorError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ProcessorError::EmptyName);
        }
        let n = self
            .entries
            .iter()
            .filter_map(|p| match p.id {
                ProcessorId::Added(n) => Some(n),
                ProcessorId::Profile(_) => None,
            })
            .max()
            .unwrap_or(0)
            + 1;
        let id = ProcessorId::Added(n);
        let mut p = Processor::new(id, kind);
        name.clone_into(&mut p.name);
        p.updated_at = Some(at);
        self.entries.push(p);
        self.updated_at = Some(at);
        Ok(id)
    }

    /// Removes a processor: one added is deleted with what was entered (its contract included); one of
    /// the profile is set aside (what was entered is kept, should it come back with
    /// [`Processors::restore`]).
    pub fn remove(&mut self, id: ProcessorId, at: Timestamp) -> Result<(), ProcessorError> {
        match id {
            ProcessorId::Added(_) => {
                let before = self.entries.len();
                self.entries.retain(|p| p.id != id);
                if self.entries.len() == before {
                    return Err(ProcessorError::NoSuchProcessor);
                }
            }
            ProcessorId::Profile(s) => {
                self.removed.insert(s);
            }
        }
        self.updated_at = Some(at);
        Ok(())
    }

    /// Brings back a processor of the profile that was removed.
    pub fn restore(&mut self, source: Source, at: Timestamp) {
        if self.removed.remove(&source) {
            self.updated_at = Some(at);
        }
    }

    /// Attaches the contract of `id` (replacing any earlier one), already hashed where it was read.
    pub fn attach_contract(
        &mut self,
        id: ProcessorId,
        name: &str,
        file: crate::digest::Hashed,
        at: Timestamp,
    ) -> Result<(), ProcessorError> {
        let (content, sha256) = file.into_parts();
        if content.is_empty() {
            return Err(EvidenceError::Empty.into());
        }
        if content.len() > MAX_EVIDENCE_BYTES {
            return Err(EvidenceError::TooLarge {
                size: content.len(),
                max: MAX_EVIDENCE_BYTES,
            }
            .into());
        }
        let p = self.entry_mut(id)?;
        p.contract = Some(ContractFile {
            name: name.to_owned(),
            sha256,
            added_at: at,
            content: content.into(),
        });
        p.updated_at = Some(at);
        self.updated_at = Some(at);
        Ok(())
    }

    /// Removes the contract of `id`.
    pub fn detach_contract(
        &mut self,
        id: ProcessorId,
        at: Timestamp,
    ) -> Result<(), ProcessorError> {
        let p = self.entry_mut(id)?;
        p.contract = None;
        p.updated_at = Some(at);
        self.forget_if_blank(id);
        self.updated_at = Some(at);
        Ok(())
    }

    /// The contract's bytes of `id`, if attached.
    pub fn contract(&self, id: ProcessorId) -> Option<&ContractFile> {
        self.entry(id)?.contract.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::Hashed;
    use crate::practice::{ImageKeeping, PracticeName};

    fn day(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn gp() -> Profile {
        let mut p = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
        p.setup.records = RecordsHosting::Local;
        p
    }

    fn ids(list: &[ProcessorView]) -> Vec<ProcessorId> {
        list.iter().map(|p| p.id).collect()
    }

    const AT: Timestamp = Timestamp::UNIX_EPOCH;

    #[test]
    fn the_profile_gives_the_list_and_unnamed_ones_are_still_listed() {
        let p = gp();
        let list = Processors::default().list(&p, day("2027-01-10"), Lang::Fr);
        assert_eq!(ids(&list), [ProcessorId::Profile(Source::RecordsSoftware)]);
        assert_eq!(list[0].name, "");
        assert_eq!(list[0].name_origin, FactOrigin::Missing);
        assert_eq!(list[0].display_name(Lang::Fr), "nom non renseigné");
        let mut full = gp();
        full.setup.records = RecordsHosting::Cloud;
        full.setup.teleconsultation = true;
        full.setup.online_booking = true;
        full.setup.keeps_images = ImageKeeping {
            at_host: true,
            ..ImageKeeping::default()
        };
        full.it_provider = "InfoSanté".into();
        full.processing.records_vendor = "Éditeur Exemple".into();
        let list = Processors::default().list(&full, day("2027-01-10"), Lang::En);
        assert_eq!(
            ids(&list),
            Source::ALL.map(ProcessorId::Profile).to_vec(),
            "every source, in order"
        );
        assert_eq!(list[0].name, "Éditeur Exemple");
        assert_eq!(list[0].name_origin, FactOrigin::Profile);
        assert_eq!(list[5].kind, ProcessorKind::ItProvider);
        assert_eq!(
            list.iter().map(|v| v.number).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6]
        );
        // Paper records: no software vendor.
        let mut paper = gp();
        paper.setup.records = RecordsHosting::Paper;
        assert!(
            Processors::default()
                .list(&paper, day("2027-01-10"), Lang::Fr)
                .is_empty()
        );
    }

    #[test]
    fn unknown_is_never_reassuring() {
        let mut p = gp();
        p.setup.records = RecordsHosting::Cloud;
        let list = Processors::default().list(&p, day("2027-01-10"), Lang::Fr);
        let host = list
            .iter()
            .find(|v| v.id == ProcessorId::Profile(Source::Host))
            .expect("host");
        // A host keeps health data: its certificate is missing until given.
        assert_eq!(host.hosts_health_data, Known::Yes);
        assert_eq!(host.hds, HdsStatus::Missing);
        assert!(host.missing.contains(&Missing::HdsCertificate));
        // Every clause not ticked is missing, and so is the contract.
        assert_eq!(
            host.missing
                .iter()
                .filter(|m| matches!(m, Missing::Clause(_, ClauseAnswer::Unknown)))
                .count(),
            Clause::ALL.len()
        );
        assert!(host.missing.contains(&Missing::Contract));
        // A local software's vendor: whether it keeps data is not known, so the HDS is to check.
        let local = Processors::default().list(&gp(), day("2027-01-10"), Lang::Fr);
        assert_eq!(local[0].hds, HdsStatus::ToCheck);
        assert!(!local[0].hds.is_good());
        assert!(local[0].missing.contains(&Missing::HostingUnknown));
    }

    #[test]
    fn the_certificate_expires_soon_then_is_expired() {
        let today = day("2027-01-10");
        let number = "HDS-2024-042";
        assert_eq!(
            hds_status(Known::Yes, number, Some(day("2027-06-01")), today),
            HdsStatus::Valid {
                expires: day("2027-06-01")
            }
        );
        assert_eq!(
            hds_status(Known::Yes, number, Some(day("2027-04-10")), today),
            HdsStatus::ExpiresSoon {
                expires: day("2027-04-10"),
                days: 90
            }
        );
        assert_eq!(
            hds_status(Known::Yes, number, Some(day("2027-01-11")), today),
            HdsStatus::ExpiresSoon {
                expires: day("2027-01-11"),
                days: 1
            }
        );
        assert_eq!(
            hds_status(Known::No, number, Some(today), today),
            HdsStatus::Expired { expires: today }
        );
        assert_eq!(
            hds_status(Known::Yes, number, None, today),
            HdsStatus::Incomplete
        );
        assert_eq!(
            hds_status(Known::Yes, "", Some(today), today),
            HdsStatus::Incomplete
        );
        assert_eq!(
            hds_status(Known::No, " ", None, today),
            HdsStatus::NotNeeded
        );
    }

    #[test]
    fn edits_win_over_the_profile_and_a_blank_entry_is_forgotten() {
        let p = gp();
        let today = day("2027-01-10");
        let id = ProcessorId::Profile(Source::RecordsSoftware);
        let mut r = Processors::default();
        r.edit(id, ProcessorEdit::Name("  Logiciel Exemple ".into()), AT)
            .expect("name");
        r.edit(id, ProcessorEdit::HostsHealthData(Some(Known::Yes)), AT)
            .expect("hosts");
        r.edit(id, ProcessorEdit::HdsNumber("HDS-1".into()), AT)
            .expect("number");
        r.edit(id, ProcessorEdit::HdsExpires(Some(day("2028-01-01"))), AT)
            .expect("expiry");
        for c in Clause::ALL {
            r.edit(id, ProcessorEdit::Clause(c, ClauseAnswer::Present), AT)
                .expect("clause");
        }
        r.edit(
            id,
            ProcessorEdit::Clause(Clause::Audits, ClauseAnswer::Absent),
            AT,
        )
        .expect("clause");
        let v = r.list(&p, today, Lang::Fr).remove(0);
        assert_eq!(v.name, "Logiciel Exemple");
        assert_eq!(v.name_origin, FactOrigin::Doctor);
        assert_eq!(
            v.hds,
            HdsStatus::Valid {
                expires: day("2028-01-01")
            }
        );
        assert_eq!(v.clauses_present(), 9);
        assert_eq!(
            v.missing,
            [
                Missing::Clause(Clause::Audits, ClauseAnswer::Absent),
                Missing::Contract
            ]
        );
        // Everything set back: nothing is kept for it.
        r.edit(id, ProcessorEdit::Name(String::new()), AT)
            .expect("name");
        r.edit(id, ProcessorEdit::HostsHealthData(None), AT)
            .expect("hosts");
        r.edit(id, ProcessorEdit::HdsNumber(String::new()), AT)
            .expect("number");
        r.edit(id, ProcessorEdit::HdsExpires(None), AT)
            .expect("expiry");
        for c in Clause::ALL {
            r.edit(id, ProcessorEdit::Clause(c, ClauseAnswer::Unknown), AT)
                .expect("clause");
        }
        assert!(r.entries.is_empty());
        // A profile's processor keeps its source's kind.
        r.edit(id, ProcessorEdit::Kind(ProcessorKind::Other), AT)
            .expect("kind");
        assert_eq!(
            r.list(&p, today, Lang::Fr)[0].kind,
            ProcessorKind::SoftwareVendor
        );
    }

    #[test]
    fn added_processors_are_numbered_after_the_profile_and_can_be_removed() {
        let p = gp();
        let today = day("2027-01-10");
        let mut r = Processors::default();
        assert_eq!(
            r.add(ProcessorKind::Other, "  ", AT),
            Err(ProcessorError::EmptyName)
        );
        let a = r
            .add(ProcessorKind::Teleradiology, "Télérad Exemple", AT)
            .expect("add");
        assert_eq!(a, ProcessorId::Added(1));
        let list = r.list(&p, today, Lang::Fr);
        assert_eq!(
            ids(&list),
            [ProcessorId::Profile(Source::RecordsSoftware), a]
        );
        assert_eq!(list[1].number, 2);
        assert_eq!(list[1].kind, ProcessorKind::Teleradiology);
        assert_eq!(r.by_number(2, &p, today, Lang::Fr).map(|v| v.id), Some(a));
        assert_eq!(
            r.edit(a, ProcessorEdit::Name(String::new()), AT),
            Err(ProcessorError::EmptyName)
        );
        // The profile's processor set aside, then brought back with what was entered.
        let soft = ProcessorId::Profile(Source::RecordsSoftware);
        r.edit(soft, ProcessorEdit::Note("contrat n° 12".into()), AT)
            .expect("note");
        r.remove(soft, AT).expect("remove");
        assert_eq!(ids(&r.list(&p, today, Lang::Fr)), [a]);
        r.restore(Source::RecordsSoftware, AT);
        assert_eq!(r.list(&p, today, Lang::Fr)[0].note, "contrat n° 12");
        r.remove(a, AT).expect("remove");
        assert_eq!(r.remove(a, AT), Err(ProcessorError::NoSuchProcessor));
        assert_eq!(
            r.edit(a, ProcessorEdit::Note("x".into()), AT),
            Err(ProcessorError::NoSuchProcessor)
        );
        // Numbers of added processors are not reused while any remains.
        let b = r.add(ProcessorKind::Other, "B", AT).expect("add");
        let c = r.add(ProcessorKind::Other, "C", AT).expect("add");
        assert_eq!((b, c), (ProcessorId::Added(1), ProcessorId::Added(2)));
    }

    #[test]
    fn the_contract_is_kept_hashed_and_bounded() {
        let id = ProcessorId::Profile(Source::RecordsSoftware);
        let mut r = Processors::default();
        assert_eq!(
            r.attach_contract(id, "vide.pdf", Hashed::new(Vec::new()), AT),
            Err(ProcessorError::Contract(EvidenceError::Empty))
        );
        assert!(matches!(
            r.attach_contract(
                id,
                "gros.pdf",
                Hashed::new(vec![0; MAX_EVIDENCE_BYTES + 1]),
                AT
            ),
            Err(ProcessorError::Contract(EvidenceError::TooLarge { .. }))
        ));
        assert!(r.is_empty(), "a refused file changes nothing");
        r.attach_contract(
            id,
            "contrat.pdf",
            Hashed::new(b"%PDF-1.4 contrat".to_vec()),
            AT,
        )
        .expect("attach");
        let v = r.list(&gp(), day("2027-01-10"), Lang::Fr).remove(0);
        let c = v.contract.expect("contract");
        assert_eq!(c.sha256, crate::digest::sha256_hex(b"%PDF-1.4 contrat"));
        assert_eq!(c.size, 16);
        assert!(!v.missing.contains(&Missing::Contract));
        let back: Processors = ron::from_str(&ron::to_string(&r).expect("ser")).expect("de");
        assert_eq!(back, r);
        // JSON too (what a signed document freezes).
        let json: Processors =
            serde_json::from_str(&serde_json::to_string(&r).expect("ser")).expect("de");
        assert_eq!(json, r);
        r.detach_contract(id, AT).expect("detach");
        assert!(r.entries.is_empty());
    }
}
