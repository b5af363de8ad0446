//! Scores per theme and overall, weighted by each item's weight.
//!
//! An item earns its weight × 1 for "yes", × ½ for "partly", × 0 for "no" and "don't know". Items that
//! do not apply (by the profile, or answered "not applicable") are left out, and so are items not answered
//! yet, which show in the progress instead. A score is `None` until something is answered.

use super::applicability::applies;
use super::{Catalog, ChecklistRecord, Item};
use crate::practice::Profile;

/// The score of one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeScore {
    /// The theme's id.
    pub theme: String,
    /// 0.0 to 1.0; `None` when nothing is answered.
    pub score: Option<f64>,
    /// Applicable items answered.
    pub answered: usize,
    /// Items that apply to the practice.
    pub applicable: usize,
}

/// All scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Per theme, in catalog order.
    pub themes: Vec<ThemeScore>,
    /// Overall, weighted across all items.
    pub overall: Option<f64>,
    /// Applicable items answered.
    pub answered: usize,
    /// Items that apply.
    pub applicable: usize,
}

impl ThemeScore {
    /// Fewer than half of the theme's questions answered: its score says little yet.
    pub fn few_answers(&self) -> bool {
        self.applicable > 0 && self.answered * 2 < self.applicable
    }
}

impl Scores {
    /// Share of applicable items answered, 0.0 to 1.0.
    pub fn progress(&self) -> f64 {
        if self.applicable == 0 {
            0.0
        } else {
            self.answered as f64 / self.applicable as f64
        }
    }

    /// A theme's score by id.
    pub fn theme(&self, id: &str) -> Option<&ThemeScore> {
        self.themes.iter().find(|t| t.theme == id)
    }
}

/// Sums of earned and possible weight.
#[derive(Default)]
struct Tally {
    earned: f64,
    possible: f64,
    answered: usize,
    applicable: usize,
}

impl Tally {
    fn add(&mut self, item: &Item, profile: &Profile, record: &ChecklistRecord) {
        if !applies(&item.applies, profile) {
            return;
        }
        self.applicable += 1;
        let Some(answer) = record.answers.get(&item.id) else {
            return;
        };
        self.answered += 1;
        if let Some(credit) = answer.value.credit() {
            let w = f64::from(item.weight);
            self.earned += w * credit;
            self.possible += w;
        }
    }

    fn score(&self) -> Option<f64> {
        (self.possible > 0.0).then(|| self.earned / self.possible)
    }
}

/// Computes the scores of `record` for `profile`.
pub fn compute(catalog: &Catalog, profile: &Profile, record: &ChecklistRecord) -> Scores {
    let mut overall = Tally::default();
    let themes = catalog
        .themes
        .iter()
        .map(|theme| {
            let mut t = Tally::default();
            for item in catalog.items_of(&theme.id) {
                t.add(item, profile, record);
                overall.add(item, profile, record);
            }
            ThemeScore {
                theme: theme.id.clone(),
                score: t.score(),
                answered: t.answered,
                applicable: t.applicable,
            }
        })
        .collect();
    Scores {
        themes,
        overall: overall.score(),
        answered: overall.answered,
        applicable: overall.applicable,
    }
}

/// What a signature would cover without the doctor having looked at it: the questions that apply
/// and have no answer, and the answers carried over from the last signed assessment and not reviewed
/// since. The signing page counts them and the signed PDF lists them, from this one function.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenPoints<'a> {
    /// Applicable questions with no answer, in catalog order.
    pub unanswered: Vec<&'a Item>,
    /// Applicable questions whose answer was carried over and not reviewed, in catalog order.
    pub carried_over: Vec<&'a Item>,
}

/// The open points of `record` for `profile` (see [`OpenPoints`]).
pub fn open_points<'a>(
    catalog: &'a Catalog,
    profile: &Profile,
    record: &ChecklistRecord,
) -> OpenPoints<'a> {
    let mut out = OpenPoints::default();
    for item in catalog
        .items
        .iter()
        .filter(|i| applies(&i.applies, profile))
    {
        match record.answers.get(&item.id) {
            None => out.unanswered.push(item),
            Some(a) if a.to_review => out.carried_over.push(item),
            Some(_) => {}
        }
    }
    out
}

/// A score as a whole percentage.
pub fn percent(score: f64) -> u32 {
    (score * 100.0).round().clamp(0.0, 100.0) as u32
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::checklist::catalog::{EvidenceKind, Rule, Text, Theme};
    use crate::checklist::{Answer, AnswerValue, Respondent};
    use crate::practice::PracticeName;

    fn text(s: &str) -> Text {
        Text {
            fr: s.into(),
            en: s.into(),
        }
    }

    pub(crate) fn item(id: &str, theme: &str, weight: u8, applies: Rule) -> Item {
        Item {
            id: id.into(),
            brief: vec![],
            theme: theme.into(),
            weight,
            question: text("q"),
            action: text("a"),
            why: text("w"),
            how: text("h"),
            provider: None,
            sources: vec!["ANSSI 1".into()],
            applies,
            not_applicable_because: None,
            evidence: vec![EvidenceKind::Note],
            checks: vec![],
            screens: vec![],
            note: None,
        }
    }

    /// A small catalog: theme a (weights 3, 2, 1), theme b (weight 2, and one item for images only).
    pub(crate) fn small_catalog() -> Catalog {
        Catalog {
            version: 1,
            themes: vec![
                Theme {
                    id: "a".into(),
                    title: text("A"),
                    intro: text("A"),
                },
                Theme {
                    id: "b".into(),
                    title: text("B"),
                    intro: text("B"),
                },
            ],
            items: vec![
                item("a.1", "a", 3, Rule::Always),
                item("a.2", "a", 2, Rule::Always),
                item("a.3", "a", 1, Rule::Always),
                item("b.1", "b", 2, Rule::Always),
                item("b.images", "b", 3, Rule::If("has_images".into())),
            ],
            boxes: vec![],
            migrations: vec![],
            glossary: vec![],
        }
    }

    pub(crate) fn answer(record: &mut ChecklistRecord, id: &str, value: AnswerValue) {
        record.answers.insert(
            id.into(),
            Answer {
                value,
                note: String::new(),
                by: Respondent::Doctor,
                at: jiff::Timestamp::UNIX_EPOCH,
                to_review: false,
                review_reason: None,
            },
        );
    }

    fn profile() -> Profile {
        Profile::named(PracticeName::parse("Cabinet").expect("name"))
    }

    #[test]
    fn nothing_answered_has_no_score() {
        let s = compute(&small_catalog(), &profile(), &ChecklistRecord::default());
        assert_eq!(s.overall, None);
        assert_eq!(
            (s.answered, s.applicable),
            (0, 4),
            "the images item does not apply"
        );
    }

    #[test]
    fn weights_partly_and_dont_know() {
        let c = small_catalog();
        let mut r = ChecklistRecord::default();
        answer(&mut r, "a.1", AnswerValue::Yes); // 3 × 1
        answer(&mut r, "a.2", AnswerValue::Partly); // 2 × ½
        answer(&mut r, "a.3", AnswerValue::DontKnow); // 1 × 0, counts as no
        answer(&mut r, "b.1", AnswerValue::No); // 2 × 0
        let s = compute(&c, &profile(), &r);
        // Theme a: (3 + 1 + 0) / 6.
        assert!((s.theme("a").and_then(|t| t.score).expect("a") - 4.0 / 6.0).abs() < 1e-9);
        assert_eq!(s.theme("b").and_then(|t| t.score), Some(0.0));
        // Overall: 4 / 8.
        assert_eq!(s.overall, Some(0.5));
        assert_eq!(percent(4.0 / 6.0), 67);
    }

    #[test]
    fn not_applicable_is_excluded_both_ways() {
        let c = small_catalog();
        let mut r = ChecklistRecord::default();
        answer(&mut r, "a.1", AnswerValue::NotApplicable);
        answer(&mut r, "a.2", AnswerValue::Yes);
        // Answered for images, but the profile has none: left out.
        answer(&mut r, "b.images", AnswerValue::No);
        let mut p = profile();
        let s = compute(&c, &p, &r);
        assert_eq!(s.theme("a").and_then(|t| t.score), Some(1.0));
        assert_eq!(s.theme("b").and_then(|t| t.score), None);
        assert_eq!(s.answered, 2);
        // Once the practice has images, the item counts.
        p.setup.produces_images = true;
        let s = compute(&c, &p, &r);
        assert_eq!(s.theme("b").and_then(|t| t.score), Some(0.0));
        assert_eq!(s.overall, Some(2.0 / 5.0));
    }

    #[test]
    fn open_points_list_the_unanswered_and_the_unreviewed() {
        let c = small_catalog();
        let mut r = ChecklistRecord::default();
        answer(&mut r, "a.1", AnswerValue::Yes);
        answer(&mut r, "a.2", AnswerValue::NotApplicable);
        if let Some(a) = r.answers.get_mut("a.1") {
            a.to_review = true;
        }
        let open = open_points(&c, &profile(), &r);
        let ids = |v: &[&Item]| v.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(&open.unanswered),
            ["a.3", "b.1"],
            "b.images does not apply"
        );
        assert_eq!(ids(&open.carried_over), ["a.1"]);
    }
}
