//! The checklist answers proposed by the last PC checks, as the practice sees them: only for the
//! questions that concern it, in a stable order, each with where it stands. Rows never disappear
//! during a run's life, so confirming one never moves another under the pointer.

use crate::checklist::AnswerValue;
use crate::checklist::applicability::applies;
use crate::system::CheckResult;
use crate::system::record::{Proposed, proposal};

use super::VaultContents;

/// Where a proposal of the last run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalState {
    /// Waiting for the doctor: confirm, or correct in the checklist.
    Open,
    /// Confirmed as proposed.
    Confirmed,
    /// Answered in the checklist since the run (the answer given there).
    Answered(AnswerValue),
}

/// One proposal of the last run.
#[derive(Debug, Clone, Copy)]
pub struct ProposalRow<'a> {
    /// The checklist item.
    pub item: &'static str,
    /// The answer the check proposes.
    pub proposed: Proposed,
    /// The result it comes from.
    pub result: &'a CheckResult,
    /// Where it stands.
    pub state: ProposalState,
}

impl ProposalRow<'_> {
    /// Still waiting for the doctor.
    pub fn is_open(&self) -> bool {
        self.state == ProposalState::Open
    }
}

impl VaultContents {
    /// The last run's proposals for this practice, in the checks' order: none for a question that
    /// does not apply to the practice (its profile) or that was answered "not applicable"; a
    /// proposal confirmed, or answered in the checklist since the run, stays in its place, marked.
    pub fn proposals(&self) -> Vec<ProposalRow<'_>> {
        let system = &self.system;
        let Some(last) = &system.last else {
            return Vec::new();
        };
        let catalog = crate::checklist::catalog();
        let mut out = Vec::new();
        for r in &last.results {
            let Some(proposed) = proposal(r) else {
                continue;
            };
            for item in crate::system::catalog::items_of(r.id) {
                let Some(it) = catalog.item(item) else {
                    continue;
                };
                if !applies(&it.applies, &self.practice) {
                    continue;
                }
                let answer = self.checklist.answers.get(*item);
                if answer.is_some_and(|a| a.value == AnswerValue::NotApplicable) {
                    continue;
                }
                let state = if system.settled.get(*item) == Some(&last.checked_at) {
                    ProposalState::Confirmed
                } else if let Some(a) = answer.filter(|a| a.at >= last.checked_at && !a.to_review) {
                    ProposalState::Answered(a.value)
                } else {
                    ProposalState::Open
                };
                out.push(ProposalRow {
                    item,
                    proposed,
                    result: r,
                    state,
                });
            }
        }
        out
    }
}
