//! The checklist in words, for the window and the documents: the text to show for an action, and the
//! evidence that contradicts an answer.

use crate::checklist::{ActionKind, AnswerValue, Item};
use crate::i18n::{Lang, T, tr};
use crate::practice_file::VaultContents;

/// What an action of the plan says to do: the item's action sentence to put a measure in place; for
/// "find out", the question to clear up.
pub fn action_text(item: &Item, kind: ActionKind, lang: Lang) -> String {
    match kind {
        ActionKind::Fix => item.action.get(lang).to_owned(),
        ActionKind::FindOut => tr::find_out_question(lang, item.question.get(lang)),
    }
}

/// The checks whose findings speak about images lying unprotected.
const SCAN_CHECKS: [&str; 2] = ["image-scan", "cloud-sync"];

/// Evidence that contradicts a "yes": the last folder scan found high-risk files, or a scan report
/// attached to this item was made when the scan found some, or a PC check linked to it failed at the
/// last run. Each in a sentence.
pub fn contradictions(item: &Item, contents: &VaultContents, lang: Lang) -> Vec<String> {
    let yes = contents
        .checklist
        .answers
        .get(&item.id)
        .is_some_and(|a| a.value == AnswerValue::Yes);
    if !yes {
        return Vec::new();
    }
    let mut out = Vec::new();
    // A check linked to this item that failed at the last run.
    if let Some(last) = &contents.system.last {
        for result in &last.results {
            if result.status == crate::system::Status::Fail
                && crate::system::catalog::items_of(result.id).contains(&item.id.as_str())
            {
                out.push(tr::contradiction_system(
                    lang,
                    crate::i18n::format_date(crate::i18n::date_of(last.checked_at), lang),
                    super::system::summary(result, lang),
                ));
            }
        }
    }
    if !item
        .checks
        .iter()
        .any(|c| SCAN_CHECKS.contains(&c.as_str()))
    {
        return out;
    }
    if let Some(last) = &contents.scans.last {
        let high = last.counts().high;
        if high > 0 {
            out.push(tr::contradiction_scan(lang, high));
        }
    }
    // A scan report attached here: named by the scan screen and the scan's date (see the app's
    // `attach_scan_report`); an earlier scan is found among the digests.
    for e in contents.checklist.evidence_for(&item.id) {
        let scans = contents
            .scans
            .last
            .iter()
            .map(|s| (s.started_at, s.counts().high))
            .chain(
                contents
                    .scans
                    .earlier
                    .iter()
                    .map(|d| (d.started_at, d.counts.high)),
            );
        for (at, high) in scans {
            let date = crate::i18n::date_of(at).to_string();
            let report = [Lang::Fr, Lang::En].iter().any(|l| {
                e.name == format!("{}-{date}.pdf", crate::paths::slug(T::NavScan.get(*l)))
            });
            if report && high > 0 {
                out.push(tr::contradiction_evidence(lang, high));
                break;
            }
        }
    }
    out
}
