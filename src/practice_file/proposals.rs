//! The checklist answers proposed by the last PC checks, as the practice sees them: only for the
//! questions that concern it, in a stable order, each with where it stands. Rows never disappear
//! during a run's life, so confirming one never moves another under the pointer.

use crate::checklist::AnswerValue;
use crate::checklist::applicability::applies;
use crate::system::CheckResult;
use crate::system::record::{Proposed, keep_box_rules_first, proposal_for};

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
            for item in crate::system::catalog::items_of(r.id) {
                let Some(proposed) = proposal_for(r, item) else {
                    continue;
                };
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
        keep_box_rules_first(&mut out, |row| (row.item, row.result.id));
        out
    }
}

/// The checklist item whose action the archiving of a scan's findings completes.
pub const STRAY_IMAGES_ITEM: &str = "imaging.stray-images";

/// An open action of the plan that the archives made from the last scan appear to complete: the
/// doctor confirms it (never marked done without them).
#[derive(Debug, Clone, Copy)]
pub struct DoneByArchive<'a> {
    /// The item whose action it is.
    pub item: &'static str,
    /// The last archive made from the scan's findings.
    pub archive: &'a crate::archive::ArchiveRecord,
    /// Findings archived and whose originals were deleted.
    pub removed: u64,
}

impl VaultContents {
    /// The stray-images action, proposed as done once the last scan's high-risk findings were all
    /// archived in verified archives and their originals deleted (from the same
    /// [`crate::scan::record::ScanRecord::remaining`] the dashboard and the scan PDF count); `None`
    /// when something remains, when nothing was archived, or when the action is already done.
    pub fn action_done_by_archive(&self) -> Option<DoneByArchive<'_>> {
        let last = self.scans.last.as_ref()?;
        let (removed, _) = last.remediated();
        if removed == 0 || last.remaining().high > 0 {
            return None;
        }
        let action = self
            .checklist
            .actions
            .iter()
            .find(|a| a.item == STRAY_IMAGES_ITEM)?;
        if action.status == crate::checklist::ActionStatus::Done {
            return None;
        }
        let note = last.archived.last()?;
        let archive = self
            .archives
            .records
            .iter()
            .rev()
            .find(|r| r.created_at == note.at)?;
        Some(DoneByArchive {
            item: STRAY_IMAGES_ITEM,
            archive,
            removed,
        })
    }
}
