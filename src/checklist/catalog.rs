//! The checklist catalog: themes and items, loaded from `assets/checklist/catalog.ron` (embedded in the
//! binary), versioned. The texts are the project's own words, in French and English.

use serde::{Deserialize, Serialize};

use crate::locale::Lang;

/// The catalog format version this build reads.
///
/// 2: an action per item, the "for your IT provider" part, the Vigie screens a text names, the
/// migrations from version 1 (items split, moved or changed in meaning) and the glossary.
pub const CATALOG_VERSION: u32 = 3;

/// The embedded catalog.
pub static CATALOG_RON: &str = include_str!("../../assets/checklist/catalog.ron");

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// A theme of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable identifier, e.g. `box`.
    pub id: String,
    /// Title.
    pub title: Text,
    /// One or two sentences on what the theme covers and why.
    pub intro: Text,
}

/// When an item applies, from the practice profile. Field names are those of [`crate::practice::Setup`]
/// and a few derived facts (see [`crate::checklist::applicability`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// Every practice.
    Always,
    /// When the named profile fact is true.
    If(String),
    /// When the named profile fact is false.
    Unless(String),
    /// When any of the rules holds.
    AnyOf(Vec<Self>),
    /// When all of the rules hold.
    AllOf(Vec<Self>),
}

/// The kinds of evidence an item accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvidenceKind {
    /// A written note.
    Note,
    /// A document (contract, certificate, procedure…).
    Document,
    /// A screenshot or a photo.
    Screenshot,
    /// The result of an automatic check or scan by Vigie.
    Automatic,
}

/// One item of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Stable identifier, `theme.short-name`; never reused for another meaning.
    pub id: String,
    /// The numbers of the content brief's lines this item covers.
    pub brief: Vec<u32>,
    /// The theme's id.
    pub theme: String,
    /// 1 (useful) to 3 (essential); the items behind the 2020 sanctions are 3.
    pub weight: u8,
    /// The question, answerable by yes / partly / no: one measure, never two joined by "and".
    pub question: Text,
    /// What to do, as a short imperative sentence ("Supprimez toute redirection de port…"): what the
    /// action plan, the dashboard and the PDFs show.
    pub action: Text,
    /// Why it matters, in plain words.
    pub why: Text,
    /// How to check and how to fix, as concrete steps, in the doctor's words.
    pub how: Text,
    /// Configuration keys and commands, for the IT provider (shown folded, "Pour votre prestataire").
    #[serde(default)]
    pub provider: Option<Text>,
    /// Sources, e.g. `CNIL 2024 7.2`, `ANSSI 31`, `GDPR 33(5)`, `Sanctions 2020`.
    pub sources: Vec<String>,
    /// When the item applies.
    pub applies: Rule,
    /// Why it does not apply, shown when the rule excludes it.
    #[serde(default)]
    pub not_applicable_because: Option<Text>,
    /// Evidence accepted.
    pub evidence: Vec<EvidenceKind>,
    /// Identifiers of automatic checks that inform this item (filled by the system checks).
    #[serde(default)]
    pub checks: Vec<String>,
    /// The Vigie screens the "how" text sends the user to, by id ([`super::KNOWN_SCREENS`]); the text
    /// names each one by its title (a test checks both).
    #[serde(default)]
    pub screens: Vec<String>,
    /// Why brief lines were merged or split here, if they were.
    #[serde(default)]
    pub note: Option<String>,
}

/// How to do the box steps on one of the four French Internet boxes (editable data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoxGuide {
    /// Commercial name, e.g. `Livebox (Orange)`.
    pub name: String,
    /// Address of the administration page.
    pub admin_address: String,
    /// Where port forwarding (NAT/PAT) and DMZ are found.
    pub port_forwarding: Text,
    /// Where UPnP is switched off.
    pub upnp: Text,
    /// Where the Wi-Fi security and the guest network are set.
    pub wifi: Text,
    /// Where the administration password and remote administration are set.
    pub admin: Text,
}

/// How answers given on the previous version carry over: an item renamed, split or changed in meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Migration {
    /// The catalog version this step leads to (2: from version 1; 3: from version 2). Answers given on
    /// an older version go through every later step, in order.
    #[serde(default = "Migration::first_step")]
    pub version: u32,
    /// The item's id in the previous version.
    pub from: String,
    /// The items that take its answer, note and evidence (the first one takes the evidence and the
    /// action); `from` itself when the id is kept but the meaning changed.
    pub to: Vec<String>,
    /// Why the answer must be looked at again; the carried answers are marked "to review" with it.
    #[serde(default)]
    pub review: Option<Text>,
}

impl Migration {
    /// The steps written before steps were numbered lead to version 2.
    fn first_step() -> u32 {
        2
    }
}

/// A word of the glossary: underlined where it appears, explained in a window and in the report's annex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// Stable identifier.
    pub id: String,
    /// The forms found in the texts (exact, whole words), in either language.
    pub forms: Vec<String>,
    /// The term as the glossary titles it.
    pub term: Text,
    /// Its explanation, in plain words.
    pub definition: Text,
}

/// The whole catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    /// Format version.
    pub version: u32,
    /// Themes, in order.
    pub themes: Vec<Theme>,
    /// Items, in order within their themes.
    pub items: Vec<Item>,
    /// Box-specific steps.
    pub boxes: Vec<BoxGuide>,
    /// From the previous version's ids to this one's.
    #[serde(default)]
    pub migrations: Vec<Migration>,
    /// The glossary, in display order.
    #[serde(default)]
    pub glossary: Vec<Term>,
}
