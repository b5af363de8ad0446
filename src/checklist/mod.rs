//! The security checklist: the catalog (loaded from `assets/checklist/`), applicability from the practice
//! profile, the answers and evidence, the scores and the prioritised action plan.

pub mod applicability;
pub mod catalog;
pub mod plan;
pub mod record;
pub mod scoring;

pub use catalog::{Catalog, Item, Rule, Text, Theme};
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

/// Parses and validates a catalog.
pub fn parse(text: &str) -> Result<Catalog, CatalogError> {
    let catalog: Catalog = ron::from_str(text).map_err(|e| CatalogError::Syntax(e.to_string()))?;
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
    Ok(catalog)
}

/// Everything wrong with a catalog: unique ids, both languages non-empty, at least one source, weights
/// 1–3, rules naming known facts only, every theme present and used.
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
            ("why", &item.why),
            ("how", &item.how),
        ] {
            if t.fr.trim().is_empty() || t.en.trim().is_empty() {
                problems.push(format!("{id}: empty {what} in a language"));
            }
        }
        if item.sources.is_empty() {
            problems.push(format!("{id}: no source"));
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
    /// Whether the item is behind the 2020 sanctions (cited as such in its sources).
    pub fn behind_sanctions(&self) -> bool {
        self.sources.iter().any(|s| s.starts_with("Sanctions 2020"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalog_is_valid() {
        let c = parse(catalog::CATALOG_RON).expect("the embedded catalog parses and validates");
        assert_eq!(c.themes.len(), 9);
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
        let problems = validate(&c);
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
