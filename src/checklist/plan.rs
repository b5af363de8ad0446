//! The action plan: one action per item answered "no", "partly" (fix it) or "don't know" (find out),
//! kept in step with the answers and ordered so that the most important measures come first.

use jiff::Timestamp;

use super::applicability::applies;
use super::{Action, ActionKind, ActionStatus, AnswerValue, Catalog, ChecklistRecord};
use crate::practice::Profile;

/// Brings the plan in line with the answers: creates the missing actions, closes the actions of items now
/// answered "yes" or "not applicable", reopens a closed one when the answer falls back. Owners, due dates
/// and statuses set by the user are kept.
pub fn sync(catalog: &Catalog, profile: &Profile, record: &mut ChecklistRecord, now: Timestamp) {
    for item in &catalog.items {
        let wanted = if applies(&item.applies, profile) {
            match record.answers.get(&item.id).map(|a| a.value) {
                Some(AnswerValue::No | AnswerValue::Partly) => Some(ActionKind::Fix),
                Some(AnswerValue::DontKnow) => Some(ActionKind::FindOut),
                Some(AnswerValue::Yes | AnswerValue::NotApplicable) | None => None,
            }
        } else {
            None
        };
        let existing = record.actions.iter_mut().rev().find(|a| a.item == item.id);
        match (wanted, existing) {
            (Some(kind), Some(action)) => {
                action.kind = kind;
                // The answer fell back after the action was closed: the measure needs work again.
                let answered = record.answers.get(&item.id).map_or(now, |a| a.at);
                if action.status == ActionStatus::Done
                    && action.done_at.is_some_and(|d| d <= answered)
                {
                    action.status = ActionStatus::Todo;
                    action.done_at = None;
                }
            }
            (Some(kind), None) => record.actions.push(Action {
                item: item.id.clone(),
                kind,
                owner: String::new(),
                due: None,
                status: ActionStatus::Todo,
                created_at: now,
                done_at: None,
            }),
            (None, Some(action)) => {
                if action.status != ActionStatus::Done && record.answers.contains_key(&item.id) {
                    action.status = ActionStatus::Done;
                    action.done_at = Some(now);
                }
            }
            (None, None) => {}
        }
    }
}

/// The order of importance of an action: open before done, then weight (the 2020 sanction items weigh
/// 3), then the sanction items, then "no" before "don't know" before "partly", then catalog order.
fn priority(
    catalog: &Catalog,
    record: &ChecklistRecord,
    action: &Action,
) -> (u8, u8, u8, u8, usize) {
    let index = catalog
        .items
        .iter()
        .position(|i| i.id == action.item)
        .unwrap_or(usize::MAX);
    let item = catalog.items.get(index);
    let weight = item.map_or(0, |i| i.weight);
    let sanctions = item.is_some_and(|i| i.behind_sanctions());
    let answer_rank = match record.answers.get(&action.item).map(|a| a.value) {
        Some(AnswerValue::No) => 0,
        Some(AnswerValue::DontKnow) => 1,
        _ => 2,
    };
    let done = u8::from(action.status == ActionStatus::Done);
    (done, 3 - weight, u8::from(!sanctions), answer_rank, index)
}

/// The actions in the order to do them: open ones by priority, then the done ones.
pub fn ordered<'a>(catalog: &Catalog, record: &'a ChecklistRecord) -> Vec<&'a Action> {
    let mut actions: Vec<&Action> = record.actions.iter().collect();
    actions.sort_by_key(|a| priority(catalog, record, a));
    actions
}

/// The open actions, most important first.
pub fn open<'a>(catalog: &Catalog, record: &'a ChecklistRecord) -> Vec<&'a Action> {
    ordered(catalog, record)
        .into_iter()
        .filter(|a| a.status != ActionStatus::Done)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::scoring::tests::{answer, small_catalog};
    use crate::practice::{PracticeName, Profile};

    fn profile() -> Profile {
        Profile::named(PracticeName::parse("Cabinet").expect("name"))
    }

    #[test]
    fn actions_follow_the_answers() {
        let c = small_catalog();
        let p = profile();
        let mut r = ChecklistRecord::default();
        answer(&mut r, "a.3", AnswerValue::Partly);
        answer(&mut r, "a.1", AnswerValue::No);
        answer(&mut r, "b.1", AnswerValue::DontKnow);
        answer(&mut r, "a.2", AnswerValue::Yes);
        sync(&c, &p, &mut r, Timestamp::UNIX_EPOCH);
        let kinds: Vec<(&str, ActionKind)> = r
            .actions
            .iter()
            .map(|a| (a.item.as_str(), a.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("a.1", ActionKind::Fix),
                ("a.3", ActionKind::Fix),
                ("b.1", ActionKind::FindOut)
            ]
        );

        // The owner set by the user survives; answering "yes" closes the action.
        r.actions[0].owner = "Dr Martin".into();
        answer(&mut r, "a.1", AnswerValue::Yes);
        sync(&c, &p, &mut r, Timestamp::UNIX_EPOCH);
        assert_eq!(r.actions[0].status, ActionStatus::Done);
        assert_eq!(r.actions[0].owner, "Dr Martin");
        assert_eq!(r.actions.len(), 3, "no duplicate");
    }

    #[test]
    fn order_puts_weight_then_no_then_dont_know_then_partly() {
        let c = small_catalog();
        let p = profile();
        let mut r = ChecklistRecord::default();
        answer(&mut r, "a.3", AnswerValue::No); // weight 1
        answer(&mut r, "b.1", AnswerValue::Partly); // weight 2, partly
        answer(&mut r, "a.2", AnswerValue::DontKnow); // weight 2, don't know
        answer(&mut r, "a.1", AnswerValue::Partly); // weight 3
        sync(&c, &p, &mut r, Timestamp::UNIX_EPOCH);
        let order: Vec<&str> = open(&c, &r).iter().map(|a| a.item.as_str()).collect();
        assert_eq!(order, ["a.1", "a.2", "b.1", "a.3"]);

        // Done actions leave the open list; the rest keep their order.
        r.actions
            .iter_mut()
            .find(|a| a.item == "a.3")
            .expect("a.3")
            .status = ActionStatus::InProgress;
        r.actions
            .iter_mut()
            .find(|a| a.item == "a.1")
            .expect("a.1")
            .status = ActionStatus::Done;
        let order: Vec<&str> = open(&c, &r).iter().map(|a| a.item.as_str()).collect();
        assert_eq!(order, ["a.2", "b.1", "a.3"]);
        assert_eq!(ordered(&c, &r).last().map(|a| a.item.as_str()), Some("a.1"));
    }
}
