//! Answers given on an earlier catalog version brought to this one: every answer, note, evidence file
//! and action is kept; items renamed or split take them by the catalog's `migrations` table, and an
//! item whose meaning changed is marked "to review" with the reason.

use super::catalog::Catalog;
use super::record::ChecklistRecord;

/// What a migration did, for the journal and the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    /// The catalog version the answers were given on.
    pub from: u32,
    /// The catalog version they now refer to.
    pub to: u32,
    /// The items whose answers are now "to review".
    pub to_review: Vec<String>,
}

/// Brings `record` to the catalog's version; `None` when it is already there. Idempotent.
pub fn migrate(catalog: &Catalog, record: &mut ChecklistRecord) -> Option<Migrated> {
    let from = record.answered_on();
    if from >= catalog.version {
        return None;
    }
    let mut to_review = Vec::new();
    // Every step after the version answered on, in order (v1 → v2, then v2 → v3).
    for m in catalog.migrations.iter().filter(|m| m.version > from) {
        let moved = !m.to.contains(&m.from);
        let Some(first) = m.to.first() else {
            continue;
        };
        if let Some(old) = record.answers.get(&m.from).cloned() {
            if moved {
                record.answers.remove(&m.from);
            }
            for to in &m.to {
                let answer = record
                    .answers
                    .entry(to.clone())
                    .or_insert_with(|| old.clone());
                if let Some(reason) = &m.review {
                    answer.to_review = true;
                    answer.review_reason = Some(reason.clone());
                    to_review.push(to.clone());
                }
            }
        }
        if moved {
            for e in record.evidence.iter_mut().filter(|e| e.item == m.from) {
                e.item.clone_from(first);
            }
            for a in record.actions.iter_mut().filter(|a| a.item == m.from) {
                a.item.clone_from(first);
            }
        }
    }
    record.catalog_version = catalog.version;
    record.migrated_from = Some(from);
    Some(Migrated {
        from,
        to: catalog.version,
        to_review,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::record::{Action, ActionKind, ActionStatus};
    use crate::checklist::{AnswerValue, Respondent, catalog};
    use jiff::Timestamp;

    #[test]
    fn answers_on_v1_are_kept_split_moved_and_marked() {
        let c = catalog();
        let mut r = ChecklistRecord::default();
        let at = Timestamp::UNIX_EPOCH;
        for (id, v) in [
            ("box.admin-password", AnswerValue::Yes),
            ("imaging.remote-maintenance", AnswerValue::Partly),
            ("box.upnp", AnswerValue::No),
        ] {
            r.answer(id, v, Respondent::Doctor, at);
        }
        r.answers
            .get_mut("imaging.remote-maintenance")
            .expect("answered")
            .note = "TeamViewer permanent".into();
        r.attach(
            "imaging.remote-maintenance",
            "main-courante.txt",
            b"x".to_vec(),
        )
        .expect("attach");
        r.actions.push(Action {
            item: "imaging.remote-maintenance".into(),
            kind: ActionKind::Fix,
            owner: "Dr Martin".into(),
            due: None,
            status: ActionStatus::InProgress,
            created_at: at,
            done_at: None,
        });
        assert_eq!(
            r.answered_on(),
            1,
            "a record without a version was answered on v1"
        );

        let m = migrate(c, &mut r).expect("migrated");
        assert_eq!((m.from, m.to), (1, c.version));
        // Split: both halves take the answer, to review, with the reason.
        for id in ["box.admin-password", "box.remote-admin"] {
            let a = &r.answers[id];
            assert_eq!(a.value, AnswerValue::Yes, "{id}");
            assert!(a.to_review, "{id}");
            assert!(a.review_reason.is_some(), "{id}");
        }
        // Moved: the answer, its note, the evidence and the action follow the new id.
        assert!(!r.answers.contains_key("imaging.remote-maintenance"));
        let moved = &r.answers["workstation.remote-maintenance"];
        assert_eq!(moved.value, AnswerValue::Partly);
        assert_eq!(moved.note, "TeamViewer permanent");
        assert_eq!(r.evidence[0].item, "workstation.remote-maintenance");
        assert_eq!(r.actions[0].item, "workstation.remote-maintenance");
        assert_eq!(r.actions[0].owner, "Dr Martin");
        // Unchanged: as it was.
        assert_eq!(r.answers["box.upnp"].value, AnswerValue::No);
        assert!(!r.answers["box.upnp"].to_review);
        assert_eq!(r.answered_on(), c.version);
        assert_eq!(r.migrated_from, Some(1));
        // Every id answered exists in the catalog.
        for id in r.answers.keys() {
            assert!(c.item(id).is_some(), "{id}");
        }
        // Twice changes nothing.
        let again = r.clone();
        assert_eq!(migrate(c, &mut r), None);
        assert_eq!(r, again);
    }

    /// Catalog v3 (the second review): answers given on v2 are split, kept or marked "to review" with
    /// the reason; nothing is lost, and the v1 steps are not replayed.
    #[test]
    fn answers_on_v2_are_split_and_marked() {
        let c = catalog();
        let mut r = ChecklistRecord {
            catalog_version: 2,
            ..ChecklistRecord::default()
        };
        let at = Timestamp::UNIX_EPOCH;
        for (id, v) in [
            ("software.teleconsultation-conduct", AnswerValue::Yes),
            ("governance.dpo-dpia", AnswerValue::Yes),
            ("physical.video-surveillance", AnswerValue::Partly),
            ("accounts.password-policy", AnswerValue::Yes),
            ("box.upnp", AnswerValue::No),
            // Answered on v2 after the v1 step marked it: not marked again by the v1 step.
            ("workstation.screen-lock", AnswerValue::Yes),
        ] {
            r.answer(id, v, Respondent::Doctor, at);
        }
        r.answers
            .get_mut("software.teleconsultation-conduct")
            .expect("answered")
            .note = "Vérifié sur carte d'identité".into();
        let m = migrate(c, &mut r).expect("migrated");
        assert_eq!((m.from, m.to), (2, 3));
        for id in [
            "software.teleconsultation-conduct",
            "software.teleconsultation-privacy",
            "software.teleconsultation-recording",
            "software.teleconsultation-report",
        ] {
            let a = &r.answers[id];
            assert_eq!(a.value, AnswerValue::Yes, "{id}");
            assert_eq!(a.note, "Vérifié sur carte d'identité", "{id}");
            assert!(a.to_review && a.review_reason.is_some(), "{id}");
        }
        for id in ["governance.dpo-dpia", "governance.dpia"] {
            assert!(r.answers[id].to_review, "{id}");
        }
        assert_eq!(
            r.answers["physical.video-formalities"].value,
            AnswerValue::Partly
        );
        assert!(
            r.answers["accounts.password-policy"].to_review,
            "meaning changed"
        );
        assert!(!r.answers["box.upnp"].to_review, "unchanged");
        assert!(
            !r.answers["workstation.screen-lock"].to_review,
            "the v1 step is not replayed"
        );
        for id in r.answers.keys() {
            assert!(c.item(id).is_some(), "{id}");
        }
        assert_eq!(migrate(c, &mut r), None, "once only");
    }
}
