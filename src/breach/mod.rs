//! The breach register (GDPR art. 33(5)): every personal-data breach, notified or not, with the fields
//! of the CNIL's notification form, its separate times, its status, the decisions and their reasons,
//! the notifications (initial, complementary) and the evidence attached.
//!
//! Nothing is ever overwritten: every change is an [`chain::Event`] appended to a hash chain, and a
//! breach as shown is the fold of its events ([`BreachRegister::breaches`]). The chain is verified at
//! every opening ([`BreachRegister::verify`]). [`clock`] counts the 72 hours, [`decision`] recommends.
//! Egui-free: the window, the command line and the tests call the same functions.

pub mod chain;
pub mod clock;
pub mod count;
pub mod decision;
pub mod export;

use std::sync::Arc;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use chain::{ChainBreak, ChainHead, Event};
pub use count::Count;

/// The largest file attached to a breach (the CNIL's acknowledgement PDF, a screenshot, a report).
pub const MAX_ATTACHMENT_BYTES: usize = 8 * 1024 * 1024;
/// The longest title accepted.
pub const MAX_TITLE_CHARS: usize = 200;

/// A breach's number in the register, from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BreachId(pub u32);

impl std::fmt::Display for BreachId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where a breach stands: discovered → assessing → CNIL notified → people informed → closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Just recorded.
    Discovered,
    /// The facts and the risk are being assessed.
    Assessing,
    /// The CNIL was notified (a reference is recorded).
    CnilNotified,
    /// The people concerned were informed (art. 34).
    PeopleInformed,
    /// Nothing more to do; the entry stays in the register.
    Closed,
}

impl Status {
    /// Every status, in order.
    pub const ALL: [Self; 5] = [
        Self::Discovered,
        Self::Assessing,
        Self::CnilNotified,
        Self::PeopleInformed,
        Self::Closed,
    ];

    /// Whether the breach is still open.
    pub fn is_open(self) -> bool {
        self != Self::Closed
    }
}

/// Yes, no, or not known yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub enum Known {
    /// Not known yet.
    #[default]
    Unknown,
    /// Yes.
    Yes,
    /// No.
    No,
}

impl Known {
    /// Every value, in display order.
    pub const ALL: [Self; 3] = [Self::Unknown, Self::Yes, Self::No];
}

/// What caused the breach (CNIL form, "origine et cause").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub enum Cause {
    /// Not known yet.
    #[default]
    Unknown,
    /// A misconfigured device or software (an open port, a server reachable from the Internet).
    Misconfiguration,
    /// A device or medium lost.
    LostDevice,
    /// A device or medium stolen.
    StolenDevice,
    /// Ransomware or another malicious program.
    Ransomware,
    /// Someone broke in (hacking, stolen password).
    Intrusion,
    /// Mail or e-mail sent to the wrong person.
    Misdirected,
    /// Something else (described).
    Other,
}

impl Cause {
    /// Every cause, in display order.
    pub const ALL: [Self; 8] = [
        Self::Unknown,
        Self::Misconfiguration,
        Self::LostDevice,
        Self::StolenDevice,
        Self::Ransomware,
        Self::Intrusion,
        Self::Misdirected,
        Self::Other,
    ];

    /// Whether this is a malicious act from outside (a cyberattack: the police-complaint reminder).
    pub fn is_attack(self) -> bool {
        matches!(self, Self::Ransomware | Self::Intrusion)
    }

    /// How this cause exposes the data, when it tells: a device or medium lost or stolen holds them at
    /// rest; a misconfiguration, an intrusion, ransomware or a mail sent to the wrong person exposes
    /// them from a system in use, decrypted to be served.
    pub fn exposure(self) -> Exposure {
        match self {
            Self::LostDevice | Self::StolenDevice => Exposure::AtRest,
            Self::Misconfiguration | Self::Intrusion | Self::Ransomware | Self::Misdirected => {
                Exposure::RunningSystem
            }
            Self::Unknown | Self::Other => Exposure::Unknown,
        }
    }
}

/// How the data were exposed: what decides whether their encryption protects them. Encryption at rest
/// (a disk, a USB stick, a phone) makes data unintelligible only on a device or medium that is lost,
/// stolen or switched off; a running system (a server reachable from the Internet, a computer broken
/// into, a mail or a file sent) serves them decrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub enum Exposure {
    /// Not known yet: by precaution, as a running system.
    #[default]
    Unknown,
    /// On a device or medium lost, stolen or switched off.
    AtRest,
    /// By a system in use: misconfiguration, intrusion, server reachable from the Internet, mail or
    /// file sent to the wrong person.
    RunningSystem,
}

impl Exposure {
    /// Every value, in display order.
    pub const ALL: [Self; 3] = [Self::Unknown, Self::AtRest, Self::RunningSystem];

    fn is_unknown(&self) -> bool {
        *self == Self::Unknown
    }
}

/// Where the breach came from (CNIL form, item 7, "origine"): inside the practice or outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub enum Origin {
    /// Not known yet.
    #[default]
    Unknown,
    /// From inside (staff, the practice's own systems or provider).
    Internal,
    /// From outside (a third party, an attacker, a thief).
    External,
}

impl Origin {
    /// Every value, in display order.
    pub const ALL: [Self; 3] = [Self::Unknown, Self::Internal, Self::External];

    fn is_unknown(&self) -> bool {
        *self == Self::Unknown
    }
}

/// Whether the breach was deliberate (CNIL form, item 7): malicious or accidental.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub enum Intent {
    /// Not known yet.
    #[default]
    Unknown,
    /// An accident, an error.
    Accidental,
    /// A malicious act.
    Malicious,
}

impl Intent {
    /// Every value, in display order.
    pub const ALL: [Self; 3] = [Self::Unknown, Self::Accidental, Self::Malicious];

    fn is_unknown(&self) -> bool {
        *self == Self::Unknown
    }
}

/// How severe the possible harm to people is (CNIL form, item 11).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash, Serialize, Deserialize,
)]
pub enum Severity {
    /// Not assessed yet.
    #[default]
    Unknown,
    /// Negligible.
    Negligible,
    /// Limited.
    Limited,
    /// Significant.
    Significant,
    /// Maximum.
    Maximum,
}

impl Severity {
    /// Every value, in display order.
    pub const ALL: [Self; 5] = [
        Self::Unknown,
        Self::Negligible,
        Self::Limited,
        Self::Significant,
        Self::Maximum,
    ];
}

/// The facts of a breach as known at one moment: the fields of the CNIL's form, in its order. Each
/// save appends the whole set as a new event; earlier versions stay in the chain.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Details {
    // 6. Dates.
    /// When the breach started, if known.
    pub started_at: Option<Timestamp>,
    /// When it ended; `None` with `ongoing` false means not known.
    pub ended_at: Option<Timestamp>,
    /// Still going on.
    pub ongoing: bool,
    /// When someone at the practice discovered it.
    pub discovered_at: Option<Timestamp>,
    /// When a processor (IT provider, host) alerted the practice (art. 33(2)), if it did.
    pub processor_alert_at: Option<Timestamp>,
    /// When the practice became aware: a reasonable degree of certainty that personal data were
    /// compromised (EDPB 9/2022). The 72 hours run from here.
    pub aware_at: Option<Timestamp>,
    /// Why awareness comes after a processor's alert, if it does: the practice is aware once its
    /// processor tells it (EDPB 9/2022), so a later awareness needs its reason. Left out of the
    /// event's bytes when empty, so that events recorded before it existed keep their hash.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub aware_after_alert_reason: String,
    /// How it was discovered.
    pub how_discovered: String,
    /// The CNIL itself told the practice of the breach (CE, 22 July 2022, n° 449694).
    pub told_by_cnil: bool,
    // 7. Nature.
    /// Loss of confidentiality (data seen or taken by someone not entitled).
    pub confidentiality: bool,
    /// Loss of integrity (data changed).
    pub integrity: bool,
    /// Loss of availability (data lost or unreachable).
    pub availability: bool,
    /// Origin and cause.
    pub cause: Cause,
    /// How the data were exposed: on a device or medium lost, stolen or switched off, or by a system
    /// in use ([`Exposure`]). Left out of the event's bytes when unknown (see above).
    #[serde(skip_serializing_if = "Exposure::is_unknown")]
    pub exposure: Exposure,
    /// Internal or external (CNIL form, "origine"). Left out of the event's bytes when unknown.
    #[serde(skip_serializing_if = "Origin::is_unknown")]
    pub origin: Origin,
    /// Accidental or malicious. Left out of the event's bytes when unknown.
    #[serde(skip_serializing_if = "Intent::is_unknown")]
    pub intent: Intent,
    /// What happened, in a few sentences (no patient's name).
    pub description: String,
    /// Data were copied out by someone.
    pub copied_out: Known,
    /// The data were encrypted (on the device or medium, or the file itself).
    pub encrypted: Known,
    /// The encryption key (or the password that opens it) was compromised too; only "no" makes the
    /// data unintelligible (art. 34(3)(a)).
    pub key_compromised: Known,
    /// A backup existed and the data could be restored.
    pub backup: Known,
    /// How long the data were unavailable, in hours.
    pub unavailable_hours: Option<u32>,
    // 8. Data and people.
    /// Identity (name, date of birth).
    pub data_identity: bool,
    /// Contact details.
    pub data_contact: bool,
    /// Social-security number (NIR).
    pub data_nir: bool,
    /// Health data.
    pub data_health: bool,
    /// Medical images.
    pub data_images: bool,
    /// Financial or bank data.
    pub data_financial: bool,
    /// Other categories.
    pub data_other: String,
    /// Approximate number of records, as typed ("environ 25", "25 à 30", "plus de 1 000"). An exact
    /// number keeps the bytes it had before ranges existed (see [`Count`]).
    pub records: Option<Count>,
    /// Approximate number of people, as typed (see `records`).
    pub people: Option<Count>,
    /// Patients are concerned.
    pub people_patients: bool,
    /// Staff are concerned.
    pub people_staff: bool,
    /// Minors are concerned.
    pub minors: Known,
    /// Vulnerable people are concerned.
    pub vulnerable: Known,
    // 9–12. Measures and consequences.
    /// Security measures in place before the breach.
    pub measures_before: String,
    /// Likely consequences for the people.
    pub consequences: String,
    /// How severe the possible harm is.
    pub severity: Severity,
    /// Measures taken after the breach, to stop it and limit its effects.
    pub measures_after: String,
    /// Measures planned, not yet taken (CNIL form, item 12: taken and planned apart). Left out of the
    /// event's bytes when empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub measures_planned: String,
    /// Later measures removed the high risk for the people (art. 34(3)(b)).
    pub risk_removed: bool,
    /// Informing each person would take disproportionate effort (art. 34(3)(c)).
    pub people_unreachable: bool,
    // 5, 14. Others.
    /// Other organisations involved (processors, IT provider, host).
    pub processors: String,
    /// Cross-border aspects and other authorities notified.
    pub other_authorities: String,
    /// The contact person's role for this breach (CNIL form, item 4), when not the DPO's or the
    /// practitioner's by default. Left out of the event's bytes when empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact_role: String,
    /// The contact person's telephone, as written. Left out of the event's bytes when empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact_phone: String,
}

impl std::fmt::Debug for Details {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the free text: it may describe patients.
        f.debug_struct("Details")
            .field("aware_at", &self.aware_at)
            .field("cause", &self.cause)
            .finish_non_exhaustive()
    }
}

impl Details {
    /// Whether special-category or highly personal data are concerned (health, NIR, images).
    pub fn sensitive(&self) -> bool {
        self.data_health || self.data_nir || self.data_images
    }

    /// Whether any category of data is recorded.
    pub fn categories_known(&self) -> bool {
        self.data_identity
            || self.data_contact
            || self.data_nir
            || self.data_health
            || self.data_images
            || self.data_financial
            || !self.data_other.trim().is_empty()
    }

    /// How the data were exposed, from the answer and from the cause: a running system as soon as
    /// either says so (the cautious answer wins), on a device at rest as soon as either says so,
    /// unknown otherwise.
    pub fn assessed_exposure(&self) -> Exposure {
        let implied = self.cause.exposure();
        if self.exposure == Exposure::RunningSystem || implied == Exposure::RunningSystem {
            Exposure::RunningSystem
        } else if self.exposure == Exposure::AtRest || implied == Exposure::AtRest {
            Exposure::AtRest
        } else {
            Exposure::Unknown
        }
    }

    /// The first facts of a breach found by the PC checks: an imaging server that accepts anyone, the
    /// case the CNIL fined in 2020 (SAN-2020-014 and -015). Confidentiality lost, by a misconfiguration,
    /// from a running system (encryption at rest protects nothing), the images with the patients'
    /// identity and health data, the practice aware `now` (the 72 hours run); the rest to assess.
    pub fn exposed_imaging_server(now: Timestamp, how_discovered: String) -> Self {
        let now = whole_seconds(now);
        Self {
            discovered_at: Some(now),
            aware_at: Some(now),
            how_discovered,
            ongoing: true,
            confidentiality: true,
            cause: Cause::Misconfiguration,
            exposure: Exposure::RunningSystem,
            data_identity: true,
            data_health: true,
            data_images: true,
            people_patients: true,
            ..Self::default()
        }
    }

    /// Checks that the times follow each other (see [`BreachError::TimesOutOfOrder`] and
    /// [`BreachError::AwareAfterProcessorAlert`]), as a save of the facts does.
    pub fn check_times(&self, now: Timestamp) -> Result<(), BreachError> {
        check_times(self, now)
    }
}

/// The two decisions of a breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Question {
    /// Notify the CNIL (art. 33)?
    NotifyCnil,
    /// Inform the people concerned (art. 34)?
    InformPeople,
}

/// A notification's type (CNIL form, item 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NotificationKind {
    /// Initial, to be completed later (art. 33(4)).
    Initial,
    /// Complete, all at once.
    Complete,
    /// Complementary, after an initial one.
    Complementary,
}

/// What a file attached to a breach is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Purpose {
    /// The CNIL's acknowledgement (the summary PDF of the online service).
    CnilAcknowledgement,
    /// Evidence (a screenshot, a provider's report…).
    Evidence,
}

/// A document Vigie prepared for a breach, recorded when it is produced: a notification is recorded
/// only after its draft was prepared (or with the confirmation that it was filed another way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Prepared {
    /// The draft of the notification to the CNIL.
    CnilDraft,
    /// The letter to the patients (or the public notice).
    PatientLetter,
}

/// The patient-facing texts of the letter (art. 34(2): in plain language), as the doctor edited them.
/// Each edit is a new event; the letter is printed from the latest.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LetterText {
    /// What happened, in plain words.
    pub what_happened: String,
    /// What it means for the patient.
    pub what_it_means: String,
    /// What the practice did.
    pub what_we_did: String,
    /// What the patient can do.
    pub what_you_can_do: String,
    /// Whom to call (name and role).
    pub whom_to_call: String,
    /// The telephone number to call.
    pub phone: String,
}

impl std::fmt::Debug for LetterText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the texts: they may describe patients.
        f.debug_struct("LetterText").finish_non_exhaustive()
    }
}

impl LetterText {
    /// The texts, in the letter's order.
    pub fn parts(&self) -> [&str; 5] {
        [
            &self.what_happened,
            &self.what_it_means,
            &self.what_we_did,
            &self.what_you_can_do,
            &self.whom_to_call,
        ]
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One change to a breach. Every variant is an event of the chain.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// A new breach, with a short title (no patient's name).
    Opened {
        /// The title.
        title: String,
    },
    /// The facts as known now (the whole set; the previous version stays in the chain).
    Facts(Box<Details>),
    /// A new status (assessing, closed, reopened).
    Status(Status),
    /// A decision, with its reason and what Vigie recommended.
    Decision {
        /// Which question.
        question: Question,
        /// Yes (notify, inform) or no.
        yes: bool,
        /// Why.
        reason: String,
        /// What the helper recommended at that moment (yes or no).
        recommended: bool,
    },
    /// The CNIL was notified.
    Notified {
        /// Initial, complete or complementary.
        kind: NotificationKind,
        /// When.
        at: Timestamp,
        /// The CNIL's reference (notification number).
        reference: String,
        /// Why it comes after 72 hours, if it does.
        late_reasons: String,
        /// Filed on the CNIL's site without the draft Vigie prepares (confirmed by the user). Left
        /// out of the event's bytes when false, so that older events keep their hash.
        #[serde(default, skip_serializing_if = "is_false")]
        filed_other_way: bool,
    },
    /// The people concerned were informed.
    PeopleInformed {
        /// When.
        at: Timestamp,
        /// How (letter, e-mail, telephone, public notice).
        channel: String,
        /// How many were informed (approximate allowed). Left out of the event's bytes when unset,
        /// so that older events keep their hash; required for a new one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        people: Option<Count>,
    },
    /// Vigie prepared a document for the breach (the CNIL draft, the letter to the patients).
    Prepared(Prepared),
    /// The texts of the letter to the patients, as edited (the whole set; earlier versions stay).
    Letter(Box<LetterText>),
    /// A file was attached (its bytes are kept beside the chain, by hash).
    Attached {
        /// The file's name.
        name: String,
        /// What it is.
        purpose: Purpose,
        /// SHA-256 of its content, hexadecimal.
        sha256: String,
        /// Its size in bytes.
        size: u64,
    },
    /// A note.
    Note(String),
}

impl std::fmt::Debug for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Only the kind: the free text may describe patients.
        write!(f, "{:?}", self.kind())
    }
}

/// The kind of a change, without its content (for lists and logs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// [`Change::Opened`].
    Opened,
    /// [`Change::Facts`].
    Facts,
    /// [`Change::Status`].
    Status,
    /// [`Change::Decision`].
    Decision,
    /// [`Change::Notified`].
    Notified,
    /// [`Change::PeopleInformed`].
    PeopleInformed,
    /// [`Change::Attached`].
    Attached,
    /// [`Change::Note`].
    Note,
    /// [`Change::Prepared`].
    Prepared,
    /// [`Change::Letter`].
    Letter,
}

impl Change {
    /// What kind of change this is.
    pub fn kind(&self) -> ChangeKind {
        match self {
            Self::Opened { .. } => ChangeKind::Opened,
            Self::Facts(_) => ChangeKind::Facts,
            Self::Status(_) => ChangeKind::Status,
            Self::Decision { .. } => ChangeKind::Decision,
            Self::Notified { .. } => ChangeKind::Notified,
            Self::PeopleInformed { .. } => ChangeKind::PeopleInformed,
            Self::Attached { .. } => ChangeKind::Attached,
            Self::Note(_) => ChangeKind::Note,
            Self::Prepared(_) => ChangeKind::Prepared,
            Self::Letter(_) => ChangeKind::Letter,
        }
    }
}

/// A decision as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Yes or no.
    pub yes: bool,
    /// Why.
    pub reason: String,
    /// What Vigie recommended.
    pub recommended: bool,
    /// When, and by whom.
    pub at: Timestamp,
    /// Who decided.
    pub by: String,
}

/// A notification to the CNIL as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// Its type.
    pub kind: NotificationKind,
    /// When it was sent.
    pub at: Timestamp,
    /// The CNIL's reference.
    pub reference: String,
    /// Reasons for a delay beyond 72 hours.
    pub late_reasons: String,
    /// Filed without the draft Vigie prepares.
    pub filed_other_way: bool,
}

/// The information of the people as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Informed {
    /// When.
    pub at: Timestamp,
    /// How.
    pub channel: String,
    /// How many (unset in events recorded before it was asked).
    pub people: Option<Count>,
}

/// A file attached to a breach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentRef {
    /// Its name.
    pub name: String,
    /// What it is.
    pub purpose: Purpose,
    /// SHA-256, hexadecimal.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// When it was attached.
    pub at: Timestamp,
}

/// A breach as it stands: the fold of its events.
#[derive(Clone, PartialEq, Eq)]
pub struct Breach {
    /// Its number.
    pub id: BreachId,
    /// Its title.
    pub title: String,
    /// When it was recorded, and by whom.
    pub opened_at: Timestamp,
    /// Who recorded it.
    pub opened_by: String,
    /// The facts as last recorded.
    pub details: Details,
    /// Where it stands.
    pub status: Status,
    /// The latest decision on notifying the CNIL.
    pub notify: Option<Decision>,
    /// The latest decision on informing the people.
    pub inform: Option<Decision>,
    /// Notifications to the CNIL, in order.
    pub notifications: Vec<Notification>,
    /// When, how and how many people were informed.
    pub informed: Option<Informed>,
    /// When Vigie last prepared each document for this breach.
    pub prepared: Vec<(Prepared, Timestamp)>,
    /// The letter's texts as last edited, if they were.
    pub letter: Option<LetterText>,
    /// Files attached.
    pub attachments: Vec<AttachmentRef>,
    /// Notes.
    pub notes: Vec<(Timestamp, String)>,
    /// The numbers of its events, in order.
    pub events: Vec<u64>,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl std::fmt::Debug for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the title, the facts' text, the reasons or the notes: they may describe patients.
        f.debug_struct("Breach")
            .field("id", &self.id)
            .field("status", &self.status)
            .field("details", &self.details)
            .field("notifications", &self.notifications.len())
            .field("events", &self.events)
            .finish_non_exhaustive()
    }
}

impl Breach {
    fn opened(id: BreachId, title: &str, at: Timestamp, by: &str, seq: u64) -> Self {
        Self {
            id,
            title: title.to_owned(),
            opened_at: at,
            opened_by: by.to_owned(),
            details: Details::default(),
            status: Status::Discovered,
            notify: None,
            inform: None,
            notifications: Vec::new(),
            informed: None,
            prepared: Vec::new(),
            letter: None,
            attachments: Vec::new(),
            notes: Vec::new(),
            events: vec![seq],
            updated_at: at,
        }
    }

    fn fold(&mut self, event: &Event) {
        self.events.push(event.seq);
        self.updated_at = event.at;
        match &event.change {
            Change::Opened { title } => self.title.clone_from(title),
            Change::Facts(details) => self.details = (**details).clone(),
            Change::Status(status) => self.status = *status,
            Change::Decision {
                question,
                yes,
                reason,
                recommended,
            } => {
                let d = Decision {
                    yes: *yes,
                    reason: reason.clone(),
                    recommended: *recommended,
                    at: event.at,
                    by: event.by.clone(),
                };
                match question {
                    Question::NotifyCnil => self.notify = Some(d),
                    Question::InformPeople => self.inform = Some(d),
                }
            }
            Change::Notified {
                kind,
                at,
                reference,
                late_reasons,
                filed_other_way,
            } => {
                self.notifications.push(Notification {
                    kind: *kind,
                    at: *at,
                    reference: reference.clone(),
                    late_reasons: late_reasons.clone(),
                    filed_other_way: *filed_other_way,
                });
                if self.status < Status::CnilNotified {
                    self.status = Status::CnilNotified;
                }
            }
            Change::PeopleInformed {
                at,
                channel,
                people,
            } => {
                self.informed = Some(Informed {
                    at: *at,
                    channel: channel.clone(),
                    people: people.clone(),
                });
                if self.status < Status::PeopleInformed {
                    self.status = Status::PeopleInformed;
                }
            }
            Change::Attached {
                name,
                purpose,
                sha256,
                size,
            } => self.attachments.push(AttachmentRef {
                name: name.clone(),
                purpose: *purpose,
                sha256: sha256.clone(),
                size: *size,
                at: event.at,
            }),
            Change::Note(text) => self.notes.push((event.at, text.clone())),
            Change::Prepared(what) => {
                self.prepared.retain(|(w, _)| w != what);
                self.prepared.push((*what, event.at));
            }
            Change::Letter(text) => self.letter = Some((**text).clone()),
        }
    }

    /// Whether a 72-hour clock runs for this breach: open, aware, and the notification neither sent
    /// nor decided against; or an initial notification awaiting its complement.
    pub fn clock_running(&self) -> bool {
        let notification_due = self.first_notification().is_none()
            && self.details.aware_at.is_some()
            && self.notify.as_ref().is_none_or(|d| d.yes);
        self.status.is_open() && (notification_due || self.complement_pending())
    }

    /// When Vigie last prepared `what` for this breach, if it did.
    pub fn prepared_at(&self, what: Prepared) -> Option<Timestamp> {
        self.prepared
            .iter()
            .find(|(w, _)| *w == what)
            .map(|(_, at)| *at)
    }

    /// The first notification sent (initial or complete), if any.
    pub fn first_notification(&self) -> Option<&Notification> {
        self.notifications
            .iter()
            .find(|n| n.kind != NotificationKind::Complementary)
    }

    /// The CNIL's reference of the first notification, if notified.
    pub fn reference(&self) -> Option<&str> {
        self.first_notification().map(|n| n.reference.as_str())
    }

    /// Whether a complementary notification is still expected: an initial one was sent and no
    /// complementary one followed.
    pub fn complement_pending(&self) -> bool {
        let initial = self
            .notifications
            .iter()
            .any(|n| n.kind == NotificationKind::Initial);
        let complemented = self
            .notifications
            .iter()
            .any(|n| n.kind == NotificationKind::Complementary);
        initial && !complemented && self.status.is_open()
    }

    /// The statuses a user may choose next (the others follow from a notification or an information).
    pub fn next_statuses(&self) -> Vec<Status> {
        [Status::Assessing, Status::Closed]
            .into_iter()
            .filter(|s| self.check_status(*s).is_ok())
            .collect()
    }

    /// Whether the status may become `to` by hand.
    pub fn check_status(&self, to: Status) -> Result<(), BreachError> {
        let from = self.status;
        match to {
            // Forward from "discovered", or reopening a closed breach.
            Status::Assessing if matches!(from, Status::Discovered | Status::Closed) => Ok(()),
            Status::Closed if from != Status::Closed => {
                let Some(notify) = &self.notify else {
                    return Err(BreachError::CloseWithoutDecision(Question::NotifyCnil));
                };
                if notify.yes && self.first_notification().is_none() {
                    return Err(BreachError::CloseBeforeNotification);
                }
                let Some(inform) = &self.inform else {
                    return Err(BreachError::CloseWithoutDecision(Question::InformPeople));
                };
                if inform.yes && self.informed.is_none() {
                    return Err(BreachError::CloseBeforeInformation);
                }
                Ok(())
            }
            // "CNIL notified" and "people informed" follow from what was done, never by hand.
            _ => Err(BreachError::Transition { from, to }),
        }
    }
}

/// Why a change to the register was refused. Nothing was appended.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BreachError {
    /// No breach with this number.
    #[error("no breach number {0}")]
    NoSuchBreach(BreachId),
    /// The title is empty.
    #[error("the title is empty")]
    EmptyTitle,
    /// The title is too long.
    #[error("the title is too long")]
    TitleTooLong,
    /// This status change is not allowed.
    #[error("a breach cannot go from {from:?} to {to:?} by hand")]
    Transition {
        /// The current status.
        from: Status,
        /// The status asked for.
        to: Status,
    },
    /// Closing needs the decision first.
    #[error("decide {0:?} before closing")]
    CloseWithoutDecision(Question),
    /// Closing a breach decided "notify" needs the notification first.
    #[error("record the notification before closing")]
    CloseBeforeNotification,
    /// Closing a breach decided "inform" needs the information first.
    #[error("record the information of the people before closing")]
    CloseBeforeInformation,
    /// A decision needs its reason.
    #[error("a decision needs its reason")]
    NoReason,
    /// A decision against Vigie's recommendation needs the reason it departs from it.
    #[error("a decision against the recommendation needs its reason")]
    AgainstAdviceWithoutReason,
    /// A notification is recorded once its draft was prepared, or with the confirmation that it was
    /// filed on the CNIL's site another way.
    #[error("prepare the draft, or confirm the notification was filed another way")]
    NotificationWithoutDraft,
    /// A letter with no text.
    #[error("the letter has no text")]
    EmptyLetter,
    /// The information of the people needs how many were informed.
    #[error("say how many people were informed")]
    NoInformedCount,
    /// A notification needs the CNIL's reference.
    #[error("a notification needs the CNIL's reference")]
    NoReference,
    /// A notification after 72 hours needs the reasons for the delay (art. 33(1)).
    #[error("a notification after 72 hours needs the reasons for the delay")]
    LateWithoutReasons,
    /// A notification cannot precede the moment of awareness, nor be in the future.
    #[error("the notification's date is before awareness or in the future")]
    NotificationDate,
    /// The date of awareness must be known before notifying (the 72 hours run from it).
    #[error("the date of awareness is not known")]
    NoAwareness,
    /// A complementary notification needs an initial one.
    #[error("a complementary notification needs an initial one")]
    ComplementWithoutInitial,
    /// The information of people needs its channel.
    #[error("say how the people were informed")]
    NoChannel,
    /// An attached file is empty.
    #[error("the file is empty")]
    EmptyFile,
    /// An attached file is over [`MAX_ATTACHMENT_BYTES`].
    #[error("the file is {size} bytes, over the limit of {max}")]
    FileTooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// The times do not follow each other (awareness before discovery, end before start, a time in
    /// the future).
    #[error("the times are not in order")]
    TimesOutOfOrder,
    /// Awareness is recorded after a processor's alert without the reason: the practice is aware
    /// once its processor tells it (EDPB Guidelines 9/2022).
    #[error("awareness comes after the processor's alert, without a reason")]
    AwareAfterProcessorAlert,
}

/// A file kept with the register, by its hash.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    /// SHA-256 of the content, hexadecimal.
    pub sha256: String,
    /// The bytes. Shared (`Arc`), so that a copy of the vault's contents for a save costs nothing.
    #[serde(with = "crate::base64_field")]
    pub content: Arc<[u8]>,
}

impl std::fmt::Debug for StoredFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredFile")
            .field("sha256", &self.sha256)
            .field("size", &self.content.len())
            .finish()
    }
}

/// The register: the chain of events and the files attached. Stored in the vault.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BreachRegister {
    /// Every change, in order, chained.
    pub events: Vec<Event>,
    /// The attached files, by hash.
    pub files: Vec<StoredFile>,
}

/// A moment as recorded in the chain: whole seconds.
fn whole_seconds(at: Timestamp) -> Timestamp {
    Timestamp::from_second(at.as_second()).unwrap_or(at)
}

impl BreachRegister {
    /// Checks the chain, then every attached file against its hash; the head when all hold.
    pub fn verify(&self) -> Result<ChainHead, ChainBreak> {
        let head = chain::verify(&self.events)?;
        for e in &self.events {
            if let Change::Attached { name, sha256, .. } = &e.change {
                let intact = self
                    .files
                    .iter()
                    .find(|f| &f.sha256 == sha256)
                    .is_some_and(|f| crate::digest::sha256_hex(&f.content) == *sha256);
                if !intact {
                    return Err(ChainBreak::File { name: name.clone() });
                }
            }
        }
        Ok(head)
    }

    /// The head as stored (count and last hash), without checking.
    pub fn head(&self) -> ChainHead {
        ChainHead {
            count: self.events.len() as u64,
            hash: self.events.last().map_or(chain::GENESIS, |e| e.hash),
        }
    }

    /// Whether a 72-hour clock runs for any breach (see [`Breach::clock_running`]).
    pub fn clock_running(&self) -> bool {
        self.breaches().iter().any(Breach::clock_running)
    }

    /// Every breach as it stands, by number.
    pub fn breaches(&self) -> Vec<Breach> {
        let mut out: Vec<Breach> = Vec::new();
        for e in &self.events {
            if let Some(b) = out.iter_mut().find(|b| b.id == e.breach) {
                b.fold(e);
            } else if let Change::Opened { title } = &e.change {
                out.push(Breach::opened(e.breach, title, e.at, &e.by, e.seq));
            }
        }
        out.sort_by_key(|b| b.id);
        out
    }

    /// One breach as it stands.
    pub fn breach(&self, id: BreachId) -> Option<Breach> {
        self.breaches().into_iter().find(|b| b.id == id)
    }

    /// The event numbered `seq`.
    pub fn event(&self, seq: u64) -> Option<&Event> {
        self.events.iter().find(|e| e.seq == seq)
    }

    /// The bytes of an attached file.
    pub fn file(&self, sha256: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|f| f.sha256 == sha256)
            .map(|f| &f.content[..])
    }

    fn append(&mut self, breach: BreachId, at: Timestamp, by: &str, change: Change) {
        let head = self.head();
        let event = Event::new(
            head.count + 1,
            breach,
            whole_seconds(at),
            by.trim(),
            change,
            head.hash,
        );
        self.events.push(event);
    }

    /// Records a new breach; returns its number.
    pub fn open(&mut self, title: &str, by: &str, at: Timestamp) -> Result<BreachId, BreachError> {
        let title = title.trim();
        if title.is_empty() {
            return Err(BreachError::EmptyTitle);
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(BreachError::TitleTooLong);
        }
        let id = BreachId(self.events.iter().map(|e| e.breach.0).max().unwrap_or(0) + 1);
        self.append(
            id,
            at,
            by,
            Change::Opened {
                title: title.to_owned(),
            },
        );
        Ok(id)
    }

    /// Checks `change` against the breach as it stands, then appends it. On refusal nothing changes.
    pub fn apply(
        &mut self,
        id: BreachId,
        change: Change,
        by: &str,
        at: Timestamp,
    ) -> Result<(), BreachError> {
        let breach = self.breach(id).ok_or(BreachError::NoSuchBreach(id))?;
        let change = Self::checked(&breach, change, at)?;
        self.append(id, at, by, change);
        Ok(())
    }

    /// Attaches a file to a breach (the bytes are kept once, by hash).
    pub fn attach(
        &mut self,
        id: BreachId,
        name: &str,
        purpose: Purpose,
        content: Vec<u8>,
        by: &str,
        at: Timestamp,
    ) -> Result<(), BreachError> {
        self.attach_hashed(
            id,
            name,
            purpose,
            crate::digest::Hashed::new(content),
            by,
            at,
        )
    }

    /// [`BreachRegister::attach`] with the file already hashed (where it was read, off the window's
    /// thread).
    pub fn attach_hashed(
        &mut self,
        id: BreachId,
        name: &str,
        purpose: Purpose,
        file: crate::digest::Hashed,
        by: &str,
        at: Timestamp,
    ) -> Result<(), BreachError> {
        let (content, sha256) = file.into_parts();
        if content.is_empty() {
            return Err(BreachError::EmptyFile);
        }
        if content.len() > MAX_ATTACHMENT_BYTES {
            return Err(BreachError::FileTooLarge {
                size: content.len(),
                max: MAX_ATTACHMENT_BYTES,
            });
        }
        let change = Change::Attached {
            name: name.to_owned(),
            purpose,
            sha256: sha256.clone(),
            size: content.len() as u64,
        };
        self.apply(id, change, by, at)?;
        if !self.files.iter().any(|f| f.sha256 == sha256) {
            self.files.push(StoredFile {
                sha256,
                content: content.into(),
            });
        }
        Ok(())
    }

    fn checked(breach: &Breach, change: Change, now: Timestamp) -> Result<Change, BreachError> {
        match &change {
            Change::Opened { title } => {
                if title.trim().is_empty() {
                    return Err(BreachError::EmptyTitle);
                }
            }
            Change::Facts(d) => check_times(d, now)?,
            Change::Status(to) => breach.check_status(*to)?,
            Change::Decision {
                reason,
                yes,
                recommended,
                ..
            } => {
                if reason.trim().is_empty() {
                    return Err(if yes == recommended {
                        BreachError::NoReason
                    } else {
                        BreachError::AgainstAdviceWithoutReason
                    });
                }
            }
            Change::Notified {
                kind,
                at,
                reference,
                late_reasons,
                filed_other_way,
            } => {
                if reference.trim().is_empty() {
                    return Err(BreachError::NoReference);
                }
                if !filed_other_way && breach.prepared_at(Prepared::CnilDraft).is_none() {
                    return Err(BreachError::NotificationWithoutDraft);
                }
                let aware = breach.details.aware_at.ok_or(BreachError::NoAwareness)?;
                if *at < aware || *at > now {
                    return Err(BreachError::NotificationDate);
                }
                if *kind == NotificationKind::Complementary {
                    if breach.first_notification().is_none() {
                        return Err(BreachError::ComplementWithoutInitial);
                    }
                } else if clock::is_late(aware, *at) && late_reasons.trim().is_empty() {
                    return Err(BreachError::LateWithoutReasons);
                }
            }
            Change::PeopleInformed {
                channel,
                at,
                people,
            } => {
                if channel.trim().is_empty() {
                    return Err(BreachError::NoChannel);
                }
                if people.is_none() {
                    return Err(BreachError::NoInformedCount);
                }
                if *at > now {
                    return Err(BreachError::TimesOutOfOrder);
                }
            }
            Change::Letter(text) => {
                if text.parts().iter().all(|t| t.trim().is_empty()) {
                    return Err(BreachError::EmptyLetter);
                }
            }
            Change::Attached { .. } | Change::Note(_) | Change::Prepared(_) => {}
        }
        Ok(change)
    }
}

/// The times of a breach must follow each other: start ≤ end, discovery ≤ awareness, none in the future,
/// and awareness no later than a processor's alert unless the reason is given.
fn check_times(d: &Details, now: Timestamp) -> Result<(), BreachError> {
    let times = [
        d.started_at,
        d.ended_at,
        d.discovered_at,
        d.processor_alert_at,
        d.aware_at,
    ];
    if times.iter().flatten().any(|t| *t > now) {
        return Err(BreachError::TimesOutOfOrder);
    }
    let before = |a: Option<Timestamp>, b: Option<Timestamp>| match (a, b) {
        (Some(a), Some(b)) => a <= b,
        _ => true,
    };
    if !before(d.started_at, d.ended_at)
        || !before(d.started_at, d.discovered_at)
        || !before(d.discovered_at, d.aware_at)
    {
        return Err(BreachError::TimesOutOfOrder);
    }
    // The practice is aware once its processor tells it (EDPB 9/2022): a later awareness would delay
    // the 72 hours without a word, unless its reason is given.
    if let (Some(alert), Some(aware)) = (d.processor_alert_at, d.aware_at)
        && aware > alert
        && d.aware_after_alert_reason.trim().is_empty()
    {
        return Err(BreachError::AwareAfterProcessorAlert);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
