//! The security checklist: the catalog (loaded from `assets/checklist/`), applicability from the practice
//! profile, the answers and evidence, the scores and the prioritised action plan.

pub mod applicability;
pub mod catalog;
pub mod glossary;
mod item_id;
pub mod migrate;
pub mod plan;
pub mod record;
pub mod scoring;
pub mod sources;

pub use catalog::{Catalog, Item, Migration, Rule, Term, Text, Theme};
pub use item_id::ItemId;
pub use record::{
    Action, ActionKind, ActionStatus, Answer, AnswerValue, ChecklistRecord, Respondent,
};

use std::sync::OnceLock;

/// Why the catalog is not acceptable (a broken build: the test suite refuses it first).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    /// The RON could not be read.
    #[error("catalog syntax: {0}")]
    Syntax(String),
    /// A newer catalog format.
    #[error("catalog version {0} is newer than this build reads")]
    Version(u32),
    /// A rule broken.
    #[error("catalog: {0}")]
    Invalid(String),
}

/// The automatic checks an item may name (`checks`): the folder scan's and the PC checks'.
pub const KNOWN_CHECKS: &[&str] = &[
    "upnp-mappings",
    "listening-ports",
    "remote-desktop",
    "orthanc-config",
    "firewall",
    "disk-encryption",
    "image-scan",
    "cloud-sync",
    "remote-maintenance",
    "os-end-of-life",
    "os-updates",
    "screen-lock",
    "antivirus",
    "admin-use",
];

/// The Vigie screens a "how to check" text may send the user to (`screens`), by id. The window maps
/// each one to its page and title (a test in `ui` checks that every id has one).
pub const KNOWN_SCREENS: &[&str] = &[
    "dashboard",
    "checklist",
    "scan",
    "actions",
    "reports",
    "profile",
    "settings",
    "signed",
    "breaches",
];

/// The longest sentence allowed in the doctor's text (question, action, why, how), in words.
pub const MAX_SENTENCE_WORDS: usize = 30;

/// Words a doctor cannot be expected to know: a question using one must have it in the glossary, so
/// that it is underlined and explained.
pub const JARGON: &[&str] = &[
    "NAS", "PACS", "DICOM", "UPnP", "DMZ", "VPN", "AE", "HDS", "CPS", "e-CPS", "CPE", "WPS", "TLS",
    "DPA", "NAT", "PAT", "DPO", "AIPD", "INS", "MSSanté", "SPF", "DKIM", "DMARC", "WPA2", "WPA3",
];

/// Parses and validates a catalog; the French texts are then given their typography
/// ([`crate::locale::french_typography`]).
pub fn parse(text: &str) -> Result<Catalog, CatalogError> {
    let mut catalog: Catalog =
        ron::from_str(text).map_err(|e| CatalogError::Syntax(e.to_string()))?;
    if catalog.version > catalog::CATALOG_VERSION {
        return Err(CatalogError::Version(catalog.version));
    }
    let problems = validate(&catalog);
    if let Some(first) = problems.first() {
        return Err(CatalogError::Invalid(format!(
            "{first} (and {} more)",
            problems.len() - 1
        )));
    }
    catalog.typeset();
    Ok(catalog)
}

/// The sentences of `text` longer than [`MAX_SENTENCE_WORDS`] words. Sentences end at `.`, `!`, `?`
/// or `;` followed by a space, and at each line; a step number ("3.") and signs alone are not words.
pub fn long_sentences(text: &str) -> Vec<String> {
    let mut long = Vec::new();
    for line in text.lines() {
        let line = line.trim_start_matches(|c: char| c.is_ascii_digit());
        let line = line.strip_prefix(". ").unwrap_or(line);
        let mut sentence = Vec::new();
        for word in line.split_whitespace() {
            if word.chars().any(char::is_alphanumeric) {
                sentence.push(word);
            }
            if word.ends_with(['.', '!', '?', ';']) || matches!(word, "?" | "!" | ";") {
                if sentence.len() > MAX_SENTENCE_WORDS {
                    long.push(sentence.join(" "));
                }
                sentence.clear();
            }
        }
        if sentence.len() > MAX_SENTENCE_WORDS {
            long.push(sentence.join(" "));
        }
    }
    long
}

/// Whether a French question asks two things: two inverted subjects ("sont-ils … et … est-elle ?")
/// joined by "et", which makes "en partie" meaningless. "rendez-vous" is not an inversion.
pub fn two_part(question: &str) -> bool {
    let q = question.replace("rendez-vous", "");
    let inversions = ["il", "elle", "ils", "elles", "vous", "on"]
        .iter()
        .map(|p| {
            q.match_indices(&format!("-{p}"))
                .filter(|(i, m)| {
                    q[i + m.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
                })
                .count()
        })
        .sum::<usize>();
    inversions >= 2 && q.contains(" et ")
}

/// Everything wrong with a catalog: unique ids, both languages non-empty, an action, known sources,
/// checks and screens, weights 1–3, rules naming known facts only, every theme present and used, short
/// sentences, jargon explained by the glossary, migrations pointing at existing items.
pub fn validate(c: &Catalog) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for theme in &c.themes {
        if !seen.insert(theme.id.as_str()) {
            problems.push(format!("duplicate theme id {}", theme.id));
        }
        for (what, t) in [("title", &theme.title), ("intro", &theme.intro)] {
            if t.fr.trim().is_empty() || t.en.trim().is_empty() {
                problems.push(format!("theme {}: empty {what}", theme.id));
            }
        }
        if !c.items.iter().any(|i| i.theme == theme.id) {
            problems.push(format!("theme {} has no item", theme.id));
        }
    }
    let mut ids = std::collections::HashSet::new();
    for item in &c.items {
        let id = &item.id;
        if !ids.insert(id.as_str()) {
            problems.push(format!("duplicate item id {id}"));
        }
        if !c.themes.iter().any(|t| t.id == item.theme) {
            problems.push(format!("{id}: unknown theme {}", item.theme));
        }
        for (what, t) in [
            ("question", &item.question),
            ("action", &item.action),
            ("why", &item.why),
            ("how", &item.how),
        ] {
            if t.fr.trim().is_empty() || t.en.trim().is_empty() {
                problems.push(format!("{id}: empty {what} in a language"));
            }
            for sentence in long_sentences(&t.fr)
                .into_iter()
                .chain(long_sentences(&t.en))
            {
                problems.push(format!(
                    "{id}: a sentence of the {what} is over {MAX_SENTENCE_WORDS} words: {sentence}"
                ));
            }
        }
        if item.question.fr.trim_end().ends_with('?') != item.question.en.trim_end().ends_with('?')
            || !item.question.fr.trim_end().ends_with('?')
        {
            problems.push(format!("{id}: the question must end with a question mark"));
        }
        if two_part(&item.question.fr) {
            problems.push(format!(
                "{id}: the question asks two things (\"…-t-il … et …-elle ?\"): split it"
            ));
        }
        if item.action.fr.trim_end().ends_with('?') || item.action.en.trim_end().ends_with('?') {
            problems.push(format!("{id}: the action is a question"));
        }
        if let Some(p) = &item.provider
            && (p.fr.trim().is_empty() || p.en.trim().is_empty())
        {
            problems.push(format!("{id}: empty provider part in a language"));
        }
        if item.sources.is_empty() {
            problems.push(format!("{id}: no source"));
        }
        for source in &item.sources {
            if !sources::is_known(source) {
                problems.push(format!("{id}: unknown source {source}"));
            }
        }
        for check in &item.checks {
            if !KNOWN_CHECKS.contains(&check.as_str()) {
                problems.push(format!("{id}: unknown check {check}"));
            }
        }
        for screen in &item.screens {
            if !KNOWN_SCREENS.contains(&screen.as_str()) {
                problems.push(format!("{id}: unknown screen {screen}"));
            }
        }
        if (item.how.fr.contains("Vigie") || item.how.en.contains("Vigie"))
            && item.checks.is_empty()
            && item.screens.is_empty()
        {
            problems.push(format!(
                "{id}: the how text points to Vigie without naming a screen or a check"
            ));
        }
        for lang in [crate::locale::Lang::Fr, crate::locale::Lang::En] {
            for word in glossary::unexplained(item.question.get(lang), &c.glossary, JARGON) {
                problems.push(format!(
                    "{id}: {word} in the question is not in the glossary"
                ));
            }
        }
        if !(1..=3).contains(&item.weight) {
            problems.push(format!("{id}: weight {} out of 1–3", item.weight));
        }
        for fact in applicability::facts_named(&item.applies) {
            if !applicability::KNOWN_FACTS.contains(&fact) {
                problems.push(format!("{id}: rule names unknown profile fact {fact}"));
            }
        }
        if item.applies != Rule::Always && item.not_applicable_because.is_none() {
            problems.push(format!(
                "{id}: a conditional item needs not_applicable_because"
            ));
        }
        if item.evidence.is_empty() {
            problems.push(format!("{id}: no evidence kind"));
        }
    }
    for b in &c.boxes {
        for t in [&b.port_forwarding, &b.upnp, &b.wifi, &b.admin] {
            for sentence in long_sentences(&t.fr)
                .into_iter()
                .chain(long_sentences(&t.en))
            {
                problems.push(format!(
                    "box {}: a sentence is over {MAX_SENTENCE_WORDS} words: {sentence}",
                    b.name
                ));
            }
        }
    }
    for m in &c.migrations {
        if !(2..=c.version).contains(&m.version) {
            problems.push(format!(
                "migration from {}: step to version {} outside 2–{}",
                m.from, m.version, c.version
            ));
        }
        if m.to.is_empty() {
            problems.push(format!("migration from {}: no target", m.from));
        }
        for to in &m.to {
            if !ids.contains(to.as_str()) {
                problems.push(format!("migration from {}: unknown item {to}", m.from));
            }
        }
        if ids.contains(m.from.as_str()) && !m.to.contains(&m.from) {
            problems.push(format!(
                "migration from {}: the id is still used for another item",
                m.from
            ));
        }
        if let Some(r) = &m.review
            && (r.fr.trim().is_empty() || r.en.trim().is_empty())
        {
            problems.push(format!("migration from {}: empty reason", m.from));
        }
    }
    let mut terms = std::collections::HashSet::new();
    for t in &c.glossary {
        if !terms.insert(t.id.as_str()) {
            problems.push(format!("duplicate glossary term {}", t.id));
        }
        if t.forms.iter().any(|f| f.trim().is_empty()) || t.forms.is_empty() {
            problems.push(format!("glossary {}: empty form", t.id));
        }
        for x in [&t.term, &t.definition] {
            if x.fr.trim().is_empty() || x.en.trim().is_empty() {
                problems.push(format!("glossary {}: empty text in a language", t.id));
            }
        }
    }
    problems
}

/// The embedded catalog, parsed once.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        // The embedded catalog is validated by the test suite (`embedded_catalog_is_valid`), so this
        // cannot fail in a tested build.
        #[expect(
            clippy::expect_used,
            reason = "the embedded catalog is checked by the test suite"
        )]
        parse(catalog::CATALOG_RON).expect("embedded catalog is valid")
    })
}

impl Catalog {
    /// The French texts with their typography (applied once, by [`parse`]).
    fn typeset(&mut self) {
        fn fr(t: &mut Text) {
            t.fr = crate::locale::french_typography(&t.fr);
        }
        for theme in &mut self.themes {
            fr(&mut theme.title);
            fr(&mut theme.intro);
        }
        for item in &mut self.items {
            for t in [
                &mut item.question,
                &mut item.action,
                &mut item.why,
                &mut item.how,
            ] {
                fr(t);
            }
            if let Some(t) = item.provider.as_mut() {
                fr(t);
            }
            if let Some(t) = item.not_applicable_because.as_mut() {
                fr(t);
            }
        }
        for m in &mut self.migrations {
            if let Some(t) = m.review.as_mut() {
                fr(t);
            }
        }
        for g in &mut self.glossary {
            fr(&mut g.term);
            fr(&mut g.definition);
        }
        for b in &mut self.boxes {
            for t in [
                &mut b.port_forwarding,
                &mut b.upnp,
                &mut b.wifi,
                &mut b.admin,
            ] {
                fr(t);
            }
        }
    }

    /// The number an item is shown with: its place in the catalog, from 1 (unique by construction).
    pub fn number(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id).map(|i| i + 1)
    }

    /// The latest migration that brought answers to `id` from an earlier version, if any.
    pub fn migration_to(&self, id: &str) -> Option<&Migration> {
        self.migrations
            .iter()
            .rev()
            .find(|m| m.to.iter().any(|t| t == id))
    }

    /// A glossary term by id.
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.glossary.iter().find(|t| t.id == id)
    }

    /// The items of a theme, in order.
    pub fn items_of<'a>(&'a self, theme: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.theme == theme)
    }

    /// An item by id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// A theme by id.
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
}

impl Item {
    /// Whether the item is behind the 2020 sanctions (SAN-2020-014 or SAN-2020-015 among its sources).
    pub fn behind_sanctions(&self) -> bool {
        self.sources.iter().any(|s| s.starts_with("SAN-2020-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalog_is_valid() {
        let raw: Catalog = ron::from_str(catalog::CATALOG_RON).expect("the catalog's syntax");
        let problems = validate(&raw);
        assert!(problems.is_empty(), "{problems:#?}");
        let c = parse(catalog::CATALOG_RON).expect("the embedded catalog parses and validates");
        assert_eq!(c.version, catalog::CATALOG_VERSION);
        assert_eq!(c.themes.len(), 10);
        let ids: Vec<&str> = c.themes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "box",
                "imaging",
                "workstation",
                "accounts",
                "backups",
                "updates",
                "hosting",
                "software",
                "physical",
                "governance"
            ]
        );
        // Every line of the content brief is covered.
        let mut covered: Vec<u32> = c
            .items
            .iter()
            .flat_map(|i| i.brief.iter().copied())
            .collect();
        covered.sort_unstable();
        covered.dedup();
        assert_eq!(covered, (1..=54).collect::<Vec<_>>());
        // The items behind the 2020 sanctions weigh most.
        for n in [1, 6, 10, 14, 15, 19] {
            let item = c
                .items
                .iter()
                .find(|i| i.brief.contains(&n))
                .expect("covered");
            assert_eq!(item.weight, 3, "{}", item.id);
        }
        assert_eq!(c.boxes.len(), 4);
    }

    #[test]
    fn two_part_questions_are_found() {
        assert!(two_part(
            "Les comptes sont-ils désactivés, et passez-vous les comptes en revue ?"
        ));
        assert!(!two_part(
            "Tenez-vous un registre (rendez-vous, facturation) et à jour ?"
        ));
        assert!(!two_part(
            "Êtes-vous abonné aux alertes, ou votre prestataire les suit-il pour vous ?"
        ));
        assert!(!two_part(
            "Le pare-feu de chaque ordinateur est-il activé ?"
        ));
    }

    #[test]
    fn validation_names_each_problem() {
        let mut c = catalog().clone();
        c.items[1].id = c.items[0].id.clone();
        c.items[2].question.en = " ".into();
        c.items[3].sources.clear();
        c.items[4].applies = Rule::If("has_unicorns".into());
        c.items[4].not_applicable_because = Some(Text {
            fr: "x".into(),
            en: "x".into(),
        });
        c.items[5].sources = vec!["Sanctions 2020".into()];
        c.items[6].action.fr = String::new();
        c.items[7].why.en = vec!["word"; 31].join(" ");
        c.items[8].question.fr = "Votre routeur a-t-il un SPOOKY ou un PACS ?".into();
        c.glossary.retain(|t| t.id != "pacs");
        c.items[9].checks = vec!["no-such-check".into()];
        c.items[10].screens = vec!["no-such-screen".into()];
        c.migrations[0].to = vec!["no.such-item".into()];
        c.items[11].question.fr =
            "Les disques sont-ils chiffrés, et l’exécution automatique est-elle coupée ?".into();
        let problems = validate(&c);
        for expected in [
            "unknown source Sanctions 2020",
            "empty action",
            "a sentence of the why is over 30 words",
            "PACS in the question is not in the glossary",
            "unknown check no-such-check",
            "unknown screen no-such-screen",
            "unknown item no.such-item",
            "the question asks two things",
        ] {
            assert!(
                problems.iter().any(|p| p.contains(expected)),
                "{expected}: {problems:?}"
            );
        }
        assert!(
            problems.iter().any(|p| p.starts_with("duplicate item id")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("empty question")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("no source")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("unknown profile fact has_unicorns")),
            "{problems:?}"
        );
        assert!(matches!(
            parse("Catalog(version: 99, themes: [], items: [], boxes: [])"),
            Err(CatalogError::Version(99))
        ));
        assert!(matches!(parse("not ron"), Err(CatalogError::Syntax(_))));
    }
}
