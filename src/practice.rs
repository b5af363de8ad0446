//! The practice profile: who the practice is and how it works. Its answers make checklist items
//! applicable or not (a practice without images has no PACS to secure).
//!
//! Identifiers are validated types ("parse, don't validate"): an [`Rpps`] can only hold 11 digits, a
//! [`Siret`] 14 digits that pass their Luhn check, an [`Email`] something shaped like an address. The
//! screens edit a [`ProfileDraft`] of plain strings and turn it into a [`Profile`] with
//! [`ProfileDraft::validate`], which names every field that is wrong.

use serde::{Deserialize, Serialize};

/// A reason why one field of the profile was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// A required field is empty.
    #[error("required")]
    Required,
    /// An RPPS number is 11 digits.
    #[error("an RPPS number has 11 digits")]
    RppsFormat,
    /// A SIRET number is 14 digits.
    #[error("a SIRET number has 14 digits")]
    SiretFormat,
    /// The 14 digits fail the SIRET's Luhn check: a digit is wrong.
    #[error("this SIRET number fails its check: a digit is probably wrong")]
    SiretChecksum,
    /// Not an e-mail address.
    #[error("not an e-mail address")]
    Email,
    /// Not a whole number in range.
    #[error("not a valid number")]
    Number,
    /// Too long.
    #[error("too long")]
    TooLong,
}

macro_rules! string_newtype_serde {
    ($t:ty) => {
        impl TryFrom<String> for $t {
            type Error = FieldError;
            fn try_from(s: String) -> Result<Self, FieldError> {
                Self::parse(&s)
            }
        }
        impl From<$t> for String {
            fn from(v: $t) -> String {
                v.0
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl $t {
            /// The value as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    };
}

fn digits_only(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect()
}

/// The practice's name as shown everywhere (non-empty, at most 120 characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PracticeName(String);

impl PracticeName {
    /// Trims and checks a practice name.
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(FieldError::Required);
        }
        if s.chars().count() > 120 {
            return Err(FieldError::TooLong);
        }
        Ok(Self(s.to_owned()))
    }
}
string_newtype_serde!(PracticeName);

/// A number of the Répertoire partagé des professionnels de santé: 11 digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rpps(String);

impl Rpps {
    /// Accepts 11 digits, ignoring spaces.
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let d = digits_only(s);
        if d.len() == 11 && d.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(d))
        } else {
            Err(FieldError::RppsFormat)
        }
    }
}
string_newtype_serde!(Rpps);

/// The Luhn check used by SIREN and SIRET numbers.
fn luhn_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let dd = d * 2;
                if dd > 9 { dd - 9 } else { dd }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A SIRET number: 14 digits with a Luhn check (La Poste's establishments, SIREN 356 000 000, use the
/// INSEE's exception: the sum of the digits is a multiple of 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Siret(String);

impl Siret {
    /// Accepts 14 digits, ignoring spaces, and checks them.
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let d = digits_only(s);
        if d.len() != 14 || !d.bytes().all(|b| b.is_ascii_digit()) {
            return Err(FieldError::SiretFormat);
        }
        let la_poste = d.starts_with("356000000")
            && d.bytes().map(|b| u32::from(b - b'0')).sum::<u32>() % 5 == 0;
        if luhn_ok(&d) || la_poste {
            Ok(Self(d))
        } else {
            Err(FieldError::SiretChecksum)
        }
    }
}
string_newtype_serde!(Siret);

/// An e-mail address: one `@`, something before it, a dotted domain after it, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// Checks the shape of an address (deliverability cannot be checked offline).
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        let ok = match s.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !s.chars().any(char::is_whitespace)
            }
            None => false,
        };
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(FieldError::Email)
        }
    }
}
string_newtype_serde!(Email);

/// The practitioner's specialty, as far as it changes the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Specialty {
    /// Médecine générale.
    #[default]
    GeneralPractice,
    /// Radiologie.
    Radiology,
    /// Chirurgie dentaire.
    Dentistry,
    /// Cardiologie.
    Cardiology,
    /// Gynécologie-obstétrique.
    Gynaecology,
    /// Ophtalmologie.
    Ophthalmology,
    /// Rhumatologie.
    Rheumatology,
    /// Another specialty.
    Other,
}

impl Specialty {
    /// Every specialty, in display order.
    pub const ALL: [Self; 8] = [
        Self::GeneralPractice,
        Self::Radiology,
        Self::Dentistry,
        Self::Cardiology,
        Self::Gynaecology,
        Self::Ophthalmology,
        Self::Rheumatology,
        Self::Other,
    ];
}

/// Where the patient-record software keeps its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RecordsHosting {
    /// Installed on the practice's PC or server.
    #[default]
    Local,
    /// Online software hosted by a certified health-data host (HDS).
    Cloud,
    /// Paper records only.
    Paper,
}

impl RecordsHosting {
    /// Every choice, in display order.
    pub const ALL: [Self; 3] = [Self::Local, Self::Cloud, Self::Paper];
}

/// Who works in the practice besides the practitioner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    /// A secretary or medical assistant with access to the PC.
    pub secretary: bool,
    /// Locum doctors (remplaçants).
    pub locums: bool,
    /// Assistants or other employees.
    pub assistants: bool,
}

impl Staff {
    /// The practitioner works alone.
    pub fn alone(&self) -> bool {
        !(self.secretary || self.locums || self.assistants)
    }
}

/// The data protection officer, if the practice has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dpo {
    /// Name (a person or a firm).
    pub name: String,
    /// E-mail address.
    pub email: Option<Email>,
    /// Telephone, as written.
    pub phone: String,
}

/// Where the practice keeps medical images (produced or received): any number of places.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImageKeeping {
    /// On this PC or another workstation of the practice (a folder, the record software).
    pub on_pc: bool,
    /// On a NAS or an imaging server (PACS) in the practice.
    pub on_server: bool,
    /// At a host (online imaging platform, teleradiology, HDS-certified host).
    pub at_host: bool,
}

impl ImageKeeping {
    /// Images are kept somewhere.
    pub fn any(self) -> bool {
        self.on_pc || self.on_server || self.at_host
    }

    /// Images are kept nowhere (for serde's `skip_serializing_if`, which passes a reference).
    pub fn is_none(&self) -> bool {
        !self.any()
    }
}

/// What the practice does with medical images: three separate facts (producing, keeping, receiving)
/// that any practice may combine — a GP who receives images by e-mail and keeps some on the PC, a
/// radiologist who produces them and keeps them on a PACS. [`Setup::imaging`] gives it; the
/// checklist's rules, the dashboard and the PDFs all read this one summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imaging {
    /// Images are produced in the practice (its own devices).
    pub produces: bool,
    /// Where images are kept.
    pub keeps: ImageKeeping,
    /// Images are received from others (e-mail, CD or USB stick, platform).
    pub receives: bool,
    /// An imaging server (PACS) or viewer reachable from other devices, among the practice's machines.
    pub server: bool,
}

impl Imaging {
    /// The practice has images in its care: it produces or keeps some.
    pub fn in_care(self) -> bool {
        self.produces || self.keeps.any()
    }

    /// The practice meets medical images in any way (produces, keeps or receives them).
    pub fn any(self) -> bool {
        self.in_care() || self.receives
    }
}

/// How the practice works: the answers that make checklist items applicable or not. Plain choices, so
/// the same type serves the form and the validated profile.
///
/// Profiles written before the imaging facts were separated hold `has_images` ("produces or keeps");
/// they are read through [`SetupOnDisk`]: such a practice is taken as producing images and keeping
/// them on its PC (so that every item that applied still applies) and `imaging_to_confirm` asks the
/// doctor to check the new answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "SetupOnDisk", into = "SetupOnDisk")]
pub struct Setup {
    /// Staff.
    pub staff: Staff,
    /// The practice produces medical images (radiology, dentistry, ultrasound…).
    pub produces_images: bool,
    /// Where the practice keeps medical images, produced or received.
    pub keeps_images: ImageKeeping,
    /// The practice runs an imaging server (PACS) or a viewer that other machines reach.
    pub has_imaging_server: bool,
    /// Where the patient records live.
    pub records: RecordsHosting,
    /// Online booking service.
    pub online_booking: bool,
    /// Wi-Fi offered to patients.
    pub patient_wifi: bool,
    /// The practitioner reaches the practice's PC from home or elsewhere.
    pub remote_access: bool,
    /// The practice receives medical images from others (e-mail, CD or USB stick, platform), whether
    /// or not it also produces or keeps images.
    pub receives_images: bool,
    /// The practitioner does teleconsultations.
    pub teleconsultation: bool,
    /// Video surveillance in the premises.
    pub video_surveillance: bool,
    /// The practice's e-mail uses a domain name of its own (not a webmail address).
    pub own_email_domain: bool,
    /// The imaging answers were derived from an older profile's single "produces or keeps images"
    /// and await the doctor's check (cleared when the profile is saved from the form).
    pub imaging_to_confirm: bool,
}

impl Setup {
    /// The one summary of the practice's imaging, read by the checklist's rules, the dashboard and
    /// the PDFs. A server counts only when the practice has images in its care.
    pub fn imaging(&self) -> Imaging {
        let keeps = self.keeps_images;
        let in_care = self.produces_images || keeps.any();
        Imaging {
            produces: self.produces_images,
            keeps,
            receives: self.receives_images,
            server: self.has_imaging_server && in_care,
        }
    }
}

/// [`Setup`] as stored. `has_images` ("produces or keeps", the one field of older profiles) is
/// still written, in its old place, as [`Imaging::in_care`]: documents signed before the split keep
/// their exact layout and older versions of Vigie still read the profile. The new facts follow, left
/// out when false.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
#[expect(missing_docs, reason = "the fields of Setup, as stored")]
pub struct SetupOnDisk {
    pub staff: Staff,
    /// Before the imaging facts were separated: "produces or keeps medical images".
    pub has_images: bool,
    pub has_imaging_server: bool,
    pub records: RecordsHosting,
    pub online_booking: bool,
    pub patient_wifi: bool,
    pub remote_access: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub receives_images: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub teleconsultation: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub video_surveillance: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub own_email_domain: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub produces_images: bool,
    #[serde(skip_serializing_if = "ImageKeeping::is_none")]
    pub keeps_images: ImageKeeping,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub imaging_to_confirm: bool,
}

impl From<Setup> for SetupOnDisk {
    fn from(s: Setup) -> Self {
        Self {
            has_images: s.imaging().in_care(),
            staff: s.staff,
            has_imaging_server: s.has_imaging_server,
            records: s.records,
            online_booking: s.online_booking,
            patient_wifi: s.patient_wifi,
            remote_access: s.remote_access,
            receives_images: s.receives_images,
            teleconsultation: s.teleconsultation,
            video_surveillance: s.video_surveillance,
            own_email_domain: s.own_email_domain,
            produces_images: s.produces_images,
            keeps_images: s.keeps_images,
            imaging_to_confirm: s.imaging_to_confirm,
        }
    }
}

impl From<SetupOnDisk> for Setup {
    fn from(d: SetupOnDisk) -> Self {
        // "Produces or keeps" from an older profile: which one is unknown, so both, and nothing that
        // applied is lost; a server, if ticked, is where the images are kept.
        let older = d.has_images && !d.produces_images && !d.keeps_images.any();
        let (produces_images, keeps_images, imaging_to_confirm) = if older {
            let keeps = ImageKeeping {
                on_pc: true,
                on_server: d.has_imaging_server,
                at_host: false,
            };
            (true, keeps, true)
        } else {
            (d.produces_images, d.keeps_images, d.imaging_to_confirm)
        };
        Self {
            staff: d.staff,
            produces_images,
            keeps_images,
            has_imaging_server: d.has_imaging_server,
            records: d.records,
            online_booking: d.online_booking,
            patient_wifi: d.patient_wifi,
            remote_access: d.remote_access,
            receives_images: d.receives_images,
            teleconsultation: d.teleconsultation,
            video_surveillance: d.video_surveillance,
            own_email_domain: d.own_email_domain,
            imaging_to_confirm,
        }
    }
}

/// A fact the doctor may not have given yet: "not known" until answered, never taken as reassuring.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Known {
    /// Not answered yet.
    #[default]
    Unknown,
    /// Yes.
    Yes,
    /// No.
    No,
}

impl Known {
    /// Whether the answer is "yes".
    pub fn is_yes(self) -> bool {
        self == Self::Yes
    }
}

/// How the practitioner works, as the CNIL's list of processing exempt from an impact assessment
/// (délibération n° 2019-118) distinguishes it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Exercise {
    /// Not answered yet.
    #[default]
    Unknown,
    /// One practitioner working on his or her own (staff or locums may help).
    Individual,
    /// Several practitioners sharing records: group practice, health centre, network.
    Group,
}

/// Who processes the practice's data for it, and where: the facts the record of processing activities
/// (GDPR art. 30) and the patients' notice need. Everything starts "not known" (empty names, unknown
/// answers); profiles written before these facts existed read as such.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Processing {
    /// Individual or group practice.
    pub exercise: Exercise,
    /// The patient-record software's vendor (name), if given.
    pub records_vendor: String,
    /// The host of the patient records (name), when they are hosted outside the practice.
    pub host: String,
    /// Whether that host is certified to host health data (HDS, CSP L.1111-8).
    pub host_hds: Known,
    /// The teleconsultation tool's vendor (name), if any.
    pub teleconsultation_vendor: String,
    /// The teleradiology or imaging platform partner (name), if any.
    pub imaging_partner: String,
    /// Whether any of these sends data outside the European Union.
    pub transfers_outside_eu: Known,
}

impl Processing {
    /// Nothing given yet (for serde's `skip_serializing_if`: older profiles and signed documents keep
    /// their exact layout).
    pub fn is_unknown(&self) -> bool {
        *self == Self::default()
    }
}

/// The practice profile, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Name of the practice.
    pub name: PracticeName,
    /// Practitioner's full name.
    pub practitioner: String,
    /// RPPS number, once given.
    pub rpps: Option<Rpps>,
    /// Specialty.
    pub specialty: Specialty,
    /// Postal address.
    pub address: String,
    /// SIRET, optional.
    pub siret: Option<Siret>,
    /// Practice e-mail address.
    pub email: Option<Email>,
    /// How the practice works (staff, images, software, access): what makes checklist items apply.
    pub setup: Setup,
    /// IT provider (name and contact), if any.
    pub it_provider: String,
    /// Data protection officer, if any.
    pub dpo: Option<Dpo>,
    /// Patients seen per year, if known.
    pub patients_per_year: Option<u32>,
    /// Who processes the data and where (vendors, host, transfers): read by the record of processing
    /// activities. Left out when nothing is given.
    #[serde(default, skip_serializing_if = "Processing::is_unknown")]
    pub processing: Processing,
}

impl Profile {
    /// A profile with only a name, as made by `vigie vault init`; the rest is asked on first opening.
    pub fn named(name: PracticeName) -> Self {
        Self {
            name,
            practitioner: String::new(),
            rpps: None,
            specialty: Specialty::default(),
            address: String::new(),
            siret: None,
            email: None,
            setup: Setup::default(),
            it_provider: String::new(),
            dpo: None,
            patients_per_year: None,
            processing: Processing::default(),
        }
    }

    /// The editable form of this profile.
    pub fn to_draft(&self) -> ProfileDraft {
        let opt = |o: Option<&str>| o.unwrap_or_default().to_owned();
        ProfileDraft {
            name: self.name.to_string(),
            practitioner: self.practitioner.clone(),
            rpps: opt(self.rpps.as_ref().map(Rpps::as_str)),
            specialty: self.specialty,
            address: self.address.clone(),
            siret: opt(self.siret.as_ref().map(Siret::as_str)),
            email: opt(self.email.as_ref().map(Email::as_str)),
            setup: self.setup.clone(),
            it_provider: self.it_provider.clone(),
            dpo_name: self
                .dpo
                .as_ref()
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            dpo_email: opt(self
                .dpo
                .as_ref()
                .and_then(|d| d.email.as_ref())
                .map(Email::as_str)),
            dpo_phone: self
                .dpo
                .as_ref()
                .map(|d| d.phone.clone())
                .unwrap_or_default(),
            patients_per_year: self
                .patients_per_year
                .map(|n| n.to_string())
                .unwrap_or_default(),
            processing: self.processing.clone(),
        }
    }
}

/// The fields of the profile form, for error reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Practice name.
    Name,
    /// RPPS.
    Rpps,
    /// SIRET.
    Siret,
    /// Practice e-mail.
    Email,
    /// DPO e-mail.
    DpoEmail,
    /// Patients per year.
    PatientsPerYear,
}

/// The profile as typed in the form: plain strings, checked by [`ProfileDraft::validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[expect(
    missing_docs,
    reason = "one field per form field, named as the profile's"
)]
pub struct ProfileDraft {
    pub name: String,
    pub practitioner: String,
    pub rpps: String,
    pub specialty: Specialty,
    pub address: String,
    pub siret: String,
    pub email: String,
    pub setup: Setup,
    pub it_provider: String,
    pub dpo_name: String,
    pub dpo_email: String,
    pub dpo_phone: String,
    pub patients_per_year: String,
    pub processing: Processing,
}

fn optional<T>(
    s: &str,
    field: Field,
    parse: impl Fn(&str) -> Result<T, FieldError>,
    errors: &mut Vec<(Field, FieldError)>,
) -> Option<T> {
    if s.trim().is_empty() {
        return None;
    }
    parse(s).map_err(|e| errors.push((field, e))).ok()
}

impl ProfileDraft {
    /// Checks every field; on failure, lists each wrong field with its reason.
    pub fn validate(&self) -> Result<Profile, Vec<(Field, FieldError)>> {
        let mut errors = Vec::new();
        let name = PracticeName::parse(&self.name).map_err(|e| errors.push((Field::Name, e)));
        let rpps = optional(&self.rpps, Field::Rpps, Rpps::parse, &mut errors);
        let siret = optional(&self.siret, Field::Siret, Siret::parse, &mut errors);
        let email = optional(&self.email, Field::Email, Email::parse, &mut errors);
        let dpo_email = optional(&self.dpo_email, Field::DpoEmail, Email::parse, &mut errors);
        let patients = optional(
            &self.patients_per_year,
            Field::PatientsPerYear,
            |s| digits_only(s).parse::<u32>().ok().ok_or(FieldError::Number),
            &mut errors,
        );
        let Ok(name) = name else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let dpo_given = !(self.dpo_name.trim().is_empty()
            && dpo_email.is_none()
            && self.dpo_phone.trim().is_empty());
        Ok(Profile {
            name,
            practitioner: self.practitioner.trim().to_owned(),
            rpps,
            specialty: self.specialty,
            address: self.address.trim().to_owned(),
            siret,
            email,
            setup: self.setup.clone(),
            it_provider: self.it_provider.trim().to_owned(),
            dpo: dpo_given.then(|| Dpo {
                name: self.dpo_name.trim().to_owned(),
                email: dpo_email,
                phone: self.dpo_phone.trim().to_owned(),
            }),
            patients_per_year: patients,
            processing: self.processing.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rpps_is_eleven_digits() {
        assert_eq!(
            Rpps::parse("10 10 123 4567").map(|r| r.0),
            Ok("10101234567".into())
        );
        assert_eq!(Rpps::parse("1010123456"), Err(FieldError::RppsFormat));
        assert_eq!(Rpps::parse("1010123456A"), Err(FieldError::RppsFormat));
    }

    #[test]
    fn siret_luhn() {
        // SIRET of the INSEE's head office, a published valid number.
        assert!(Siret::parse("120 027 016 00019").is_ok());
        assert_eq!(
            Siret::parse("12002701600018"),
            Err(FieldError::SiretChecksum)
        );
        assert_eq!(Siret::parse("1200270160001"), Err(FieldError::SiretFormat));
        // La Poste: Luhn fails but the digit sum is a multiple of 5.
        assert!(Siret::parse("35600000000015").is_ok());
    }

    #[test]
    fn email_shape() {
        assert!(Email::parse("dr.martin@cabinet-exemple.fr").is_ok());
        for bad in ["", "martin", "a@b", "a@@b.fr", "a b@c.fr", "@c.fr", "a@.fr"] {
            assert_eq!(Email::parse(bad), Err(FieldError::Email), "{bad}");
        }
    }

    #[test]
    fn draft_lists_every_wrong_field() {
        let draft = ProfileDraft {
            name: "  ".into(),
            rpps: "123".into(),
            email: "nope".into(),
            patients_per_year: "beaucoup".into(),
            ..Default::default()
        };
        let errors = draft.validate().expect_err("invalid");
        let fields: Vec<Field> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                Field::Name,
                Field::Rpps,
                Field::Email,
                Field::PatientsPerYear
            ]
        );
    }

    /// The GP of issue 33: receives images by e-mail and keeps some on the PC, produces none.
    #[test]
    fn a_gp_receives_and_keeps_images() {
        let setup = Setup {
            receives_images: true,
            keeps_images: ImageKeeping {
                on_pc: true,
                ..ImageKeeping::default()
            },
            ..Setup::default()
        };
        let imaging = setup.imaging();
        assert!(imaging.in_care() && imaging.receives && !imaging.produces);
        assert!(!imaging.server);
        let ron = ron::to_string(&setup).expect("serialize");
        assert_eq!(ron::from_str::<Setup>(&ron).expect("deserialize"), setup);
    }

    #[test]
    fn older_profiles_keep_their_imaging_answers() {
        // Before the split: "produces or keeps" in one box, receiving only without producing.
        let old: Setup =
            ron::from_str("(has_images: true, has_imaging_server: true, records: Local)")
                .expect("old setup");
        assert!(old.produces_images && old.keeps_images.on_pc && old.keeps_images.on_server);
        assert!(old.imaging().server && old.imaging_to_confirm);
        let receiving: Setup =
            ron::from_str("(has_images: false, receives_images: true)").expect("old setup");
        let imaging = receiving.imaging();
        assert!(imaging.receives && !imaging.in_care() && !receiving.imaging_to_confirm);
        let none: Setup = ron::from_str("(has_images: false)").expect("old setup");
        assert_eq!(none, Setup::default());
        // Written again (has_images kept for older readers), the answers stay.
        let again: Setup = ron::from_str(&ron::to_string(&old).expect("ser")).expect("de");
        assert_eq!(again, old);
    }

    #[test]
    fn older_profiles_read_the_processing_facts_as_not_known() {
        let p = Profile::named(PracticeName::parse("Cabinet").expect("name"));
        let ron = ron::to_string(&p).expect("serialize");
        assert!(
            !ron.contains("processing"),
            "left out when not given: {ron}"
        );
        let back: Profile = ron::from_str(&ron).expect("deserialize");
        assert_eq!(back.processing.host_hds, Known::Unknown);
        assert_eq!(back.processing.exercise, Exercise::Unknown);
        let mut given = p;
        given.processing.host = "Hébergeur".into();
        given.processing.host_hds = Known::Yes;
        let again: Profile = ron::from_str(&ron::to_string(&given).expect("ser")).expect("de");
        assert_eq!(again, given);
    }

    #[test]
    fn draft_round_trip() {
        let draft = ProfileDraft {
            name: "Cabinet du Dr Martin".into(),
            rpps: "10101234567".into(),
            siret: "12002701600019".into(),
            patients_per_year: "3 200".into(),
            dpo_name: "Cabinet Conseil".into(),
            ..Default::default()
        };
        let profile = draft.validate().expect("valid");
        assert_eq!(profile.patients_per_year, Some(3200));
        assert_eq!(profile.to_draft().validate().expect("still valid"), profile);
        let ron = ron::to_string(&profile).expect("serialize");
        assert_eq!(
            ron::from_str::<Profile>(&ron).expect("deserialize"),
            profile
        );
    }
}
