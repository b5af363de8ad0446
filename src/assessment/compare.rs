//! Two assessments side by side: the score of each theme then and now, the answers that changed, the
//! actions done in between.

use jiff::Timestamp;

use super::document::{AssessmentDocument, Bilingual};
use crate::binder::RegisterField;
use crate::checklist::{ActionStatus, AnswerValue};

/// What changed in an activity of the record of processing activities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterChangeKind {
    /// The activity is in the register now, not then.
    Added,
    /// The activity was in the register then, not now.
    Removed,
    /// A field's text changed (the texts in French and English, then and now).
    Field {
        /// Which field.
        field: RegisterField,
        /// Its text then.
        then: Bilingual,
        /// Its text now.
        now: Bilingual,
    },
}

/// A change of the record of processing activities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterChange {
    /// The activity's name.
    pub activity: Bilingual,
    /// What changed.
    pub kind: RegisterChangeKind,
}

/// The record of processing activities then and now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterComparison {
    /// One of the two documents froze no register (signed before version 3): nothing to compare.
    NotFrozen,
    /// The changes, activity by activity (none: the same register).
    Changes(Vec<RegisterChange>),
}

/// What changed about a processor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcessorChangeKind {
    /// A processor now, not then.
    Added,
    /// A processor then, not now.
    Removed,
    /// The HDS certificate (number or expiry) changed.
    Hds,
    /// The clauses of art. 28 read in the contract changed.
    Clauses,
    /// The contract attached changed.
    Contract,
    /// What it processes, whether it keeps health data, or the note changed.
    Facts,
}

/// A change of the processors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessorChange {
    /// The processor's role and name.
    pub processor: Bilingual,
    /// What changed.
    pub kind: ProcessorChangeKind,
}

/// The processors of `then` and `now` compared (matched by role and name); `None` when one of the
/// two froze none (signed before version 3).
pub fn compare_processors(
    then: &AssessmentDocument,
    now: &AssessmentDocument,
) -> Option<Vec<ProcessorChange>> {
    let (a, b) = (
        &then.binder.as_ref()?.processors,
        &now.binder.as_ref()?.processors,
    );
    let label = |p: &super::document::ProcessorDoc| Bilingual {
        fr: format!("{} ({})", p.role.fr, p.name.fr),
        en: format!("{} ({})", p.role.en, p.name.en),
    };
    let same = |x: &super::document::ProcessorDoc, y: &super::document::ProcessorDoc| {
        x.role == y.role && x.name == y.name
    };
    let mut out = Vec::new();
    for new in b {
        let Some(old) = a.iter().find(|o| same(o, new)) else {
            out.push(ProcessorChange {
                processor: label(new),
                kind: ProcessorChangeKind::Added,
            });
            continue;
        };
        for (differs, kind) in [
            (
                old.hds_number != new.hds_number || old.hds_expires != new.hds_expires,
                ProcessorChangeKind::Hds,
            ),
            (old.clauses != new.clauses, ProcessorChangeKind::Clauses),
            (old.contract != new.contract, ProcessorChangeKind::Contract),
            (
                old.processes != new.processes
                    || old.hosts_health_data != new.hosts_health_data
                    || old.note != new.note
                    || old.kind != new.kind,
                ProcessorChangeKind::Facts,
            ),
        ] {
            if differs {
                out.push(ProcessorChange {
                    processor: label(new),
                    kind,
                });
            }
        }
    }
    for old in a {
        if !b.iter().any(|n| same(old, n)) {
            out.push(ProcessorChange {
                processor: label(old),
                kind: ProcessorChangeKind::Removed,
            });
        }
    }
    Some(out)
}

/// The registers of `then` and `now` compared.
pub fn compare_registers(
    then: &AssessmentDocument,
    now: &AssessmentDocument,
) -> RegisterComparison {
    let (Some(a), Some(b)) = (&then.binder, &now.binder) else {
        return RegisterComparison::NotFrozen;
    };
    let (a, b) = (&a.register.activities, &b.register.activities);
    let mut changes = Vec::new();
    for new in b {
        let Some(old) = a.iter().find(|o| o.kind == new.kind) else {
            changes.push(RegisterChange {
                activity: new.name.clone(),
                kind: RegisterChangeKind::Added,
            });
            continue;
        };
        for f in &new.fields {
            let before = old.fields.iter().find(|o| o.field == f.field);
            if before.map(|o| &o.text) != Some(&f.text) {
                changes.push(RegisterChange {
                    activity: new.name.clone(),
                    kind: RegisterChangeKind::Field {
                        field: f.field,
                        then: before.map_or_else(
                            || Bilingual {
                                fr: String::new(),
                                en: String::new(),
                            },
                            |o| o.text.clone(),
                        ),
                        now: f.text.clone(),
                    },
                });
            }
        }
    }
    for old in a {
        if !b.iter().any(|n| n.kind == old.kind) {
            changes.push(RegisterChange {
                activity: old.name.clone(),
                kind: RegisterChangeKind::Removed,
            });
        }
    }
    RegisterComparison::Changes(changes)
}

/// A theme's score then and now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeChange {
    /// The theme's title (today's, or the earlier one's for a theme that is gone).
    pub title: Bilingual,
    /// Whole percentage then.
    pub then: Option<u32>,
    /// Whole percentage now.
    pub now: Option<u32>,
}

/// An answer that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChange {
    /// The item's id.
    pub item: String,
    /// The question.
    pub question: Bilingual,
    /// The answer then.
    pub then: Option<AnswerValue>,
    /// The answer now.
    pub now: Option<AnswerValue>,
}

/// An action done since the earlier assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionDone {
    /// The item's id.
    pub item: String,
    /// The question it answers.
    pub question: Bilingual,
    /// When it was marked done.
    pub done_at: Option<Timestamp>,
}

/// The comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// When the earlier one was completed.
    pub then_at: Timestamp,
    /// When the later one was completed (or frozen, for a draft).
    pub now_at: Timestamp,
    /// Overall score then.
    pub overall_then: Option<u32>,
    /// Overall score now.
    pub overall_now: Option<u32>,
    /// Every theme of either, in the later one's order.
    pub themes: Vec<ThemeChange>,
    /// Answers that differ.
    pub answers: Vec<AnswerChange>,
    /// Actions done since.
    pub actions_done: Vec<ActionDone>,
    /// The record of processing activities then and now.
    pub register: RegisterComparison,
    /// The processors' changes; `None` when one of the two froze none.
    pub processors: Option<Vec<ProcessorChange>>,
}

/// Compares `then` with `now`.
pub fn compare(then: &AssessmentDocument, now: &AssessmentDocument) -> Comparison {
    let mut themes: Vec<ThemeChange> = now
        .scores
        .themes
        .iter()
        .map(|t| ThemeChange {
            title: t.title.clone(),
            then: then
                .scores
                .themes
                .iter()
                .find(|o| o.id == t.id)
                .and_then(|o| o.percent),
            now: t.percent,
        })
        .collect();
    for old in &then.scores.themes {
        if !now.scores.themes.iter().any(|t| t.id == old.id) {
            themes.push(ThemeChange {
                title: old.title.clone(),
                then: old.percent,
                now: None,
            });
        }
    }
    let value = |d: &AssessmentDocument, id: &str| d.answer(id).map(|a| a.value);
    let mut answers: Vec<AnswerChange> = now
        .items
        .iter()
        .filter(|i| value(then, &i.id) != value(now, &i.id))
        .map(|i| AnswerChange {
            item: i.id.clone(),
            question: i.question.clone(),
            then: value(then, &i.id),
            now: value(now, &i.id),
        })
        .collect();
    for old in &then.items {
        if old.answer.is_some() && !now.items.iter().any(|i| i.id == old.id) {
            answers.push(AnswerChange {
                item: old.id.clone(),
                question: old.question.clone(),
                then: value(then, &old.id),
                now: None,
            });
        }
    }
    let was_done = |item: &str| {
        then.actions
            .iter()
            .any(|a| a.item == item && a.status == ActionStatus::Done)
    };
    let actions_done = now
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done && !was_done(&a.item))
        .map(|a| ActionDone {
            item: a.item.clone(),
            question: now.items.iter().find(|i| i.id == a.item).map_or_else(
                || Bilingual {
                    fr: a.item.clone(),
                    en: a.item.clone(),
                },
                |i| i.question.clone(),
            ),
            done_at: a.done_at,
        })
        .collect();
    Comparison {
        then_at: then.completed_at,
        now_at: now.completed_at,
        overall_then: then.scores.overall_percent,
        overall_now: now.scores.overall_percent,
        themes,
        answers,
        actions_done,
        register: compare_registers(then, now),
        processors: compare_processors(then, now),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::document::{self, FreezeInput, Witnessed};
    use crate::binder::processors::{ProcessorEdit, ProcessorId, Processors, Source};
    use crate::binder::{ActivityKind, Register};
    use crate::checklist::ChecklistRecord;
    use crate::practice::{PracticeName, Profile};

    fn doc(register: &Register, processors: &Processors, frozen: bool) -> AssessmentDocument {
        let practice = Profile::named(PracticeName::parse("Cabinet du Dr Martin").expect("name"));
        let record = ChecklistRecord::new();
        let signer = crate::assessment::Signer::from_seed(
            &[3; 32],
            "Dr Anne Martin",
            crate::assessment::Role::Doctor,
            "",
        );
        let binder = document::freeze_binder(
            register,
            processors,
            &practice,
            &record,
            jiff::civil::date(2026, 12, 7),
        );
        document::freeze(&FreezeInput {
            practice: &practice,
            record: &record,
            scans: &crate::scan::record::ScanHistory::default(),
            signer: &signer.identity,
            previous: None,
            now: jiff::Timestamp::UNIX_EPOCH,
            nonce: 1,
            witnessed: Some(Witnessed {
                breach_register: document::RegisterHeadDoc {
                    count: 0,
                    hash: "0".repeat(64),
                },
                scan: None,
                system_checks: None,
                box_reading: None,
            }),
            binder: frozen.then_some(binder),
        })
    }

    #[test]
    fn registers_and_processors_are_compared_when_both_are_frozen() {
        let at = jiff::Timestamp::UNIX_EPOCH;
        let (register, processors) = (Register::default(), Processors::default());
        let then = doc(&register, &processors, true);
        assert_eq!(
            compare(&then, &then).register,
            RegisterComparison::Changes(Vec::new())
        );
        let mut changed = register.clone();
        changed.edit(
            ActivityKind::Billing,
            RegisterField::Retention,
            "10 ans",
            at,
        );
        changed.include(ActivityKind::Staff, Some(true), at);
        let mut vendor = processors.clone();
        vendor
            .edit(
                ProcessorId::Profile(Source::RecordsSoftware),
                ProcessorEdit::HdsNumber("HDS-1".into()),
                at,
            )
            .expect("edit");
        let now = doc(&changed, &vendor, true);
        let c = compare(&then, &now);
        let RegisterComparison::Changes(changes) = &c.register else {
            panic!("{:?}", c.register);
        };
        assert!(
            changes
                .iter()
                .any(|ch| ch.kind == RegisterChangeKind::Added)
        );
        assert!(changes.iter().any(|ch| matches!(
            &ch.kind,
            RegisterChangeKind::Field { field: RegisterField::Retention, now, .. } if now.fr == "10 ans"
        )));
        let processors = c.processors.expect("both frozen");
        assert_eq!(processors.len(), 1);
        assert_eq!(processors[0].kind, ProcessorChangeKind::Hds);
        // A document that froze nothing: nothing to compare, said so.
        let old = doc(&register, &processors_default(), false);
        assert_eq!(compare(&old, &now).register, RegisterComparison::NotFrozen);
        assert!(compare(&old, &now).processors.is_none());
    }

    fn processors_default() -> Processors {
        Processors::default()
    }
}
