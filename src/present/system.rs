//! The PC checks in words: each check's name, the plain sentence of its result, why it cannot tell,
//! what to do; the command line's text and JSON (one entry per check: `id`, `status`, `summary`,
//! `evidence`, `checked_at`).

use std::io::Write;

use crate::i18n::{Lang, T, tr};
use crate::system::orthanc::Issue;
use crate::system::probe::Outcome;
use crate::system::record::{Proposed, SystemRecord};
use crate::system::{CheckId, CheckResult, Finding, Reason, Status, SystemReport};

/// The note written on an answer confirmed from the last PC check's proposal for `item`: the check's
/// date and what it found. None when no PC check was recorded.
pub fn proposal_note(record: &SystemRecord, item: &str, lang: Lang) -> Option<String> {
    let last = record.last.as_ref()?;
    let date = crate::i18n::format_date(crate::i18n::date_of(last.checked_at), lang);
    let summary = last
        .results
        .iter()
        .filter(|r| crate::system::catalog::items_of(r.id).contains(&item))
        .max_by_key(|r| r.id == CheckId::BoxRules)
        .map(|r| summary(r, lang))
        .unwrap_or_default();
    Some(tr::sys_note(lang, date, summary))
}

/// The check's name.
pub fn name(id: CheckId) -> T {
    match id {
        CheckId::DiskEncryption => T::SysCheckDiskEncryption,
        CheckId::Firewall => T::SysCheckFirewall,
        CheckId::Antivirus => T::SysCheckAntivirus,
        CheckId::OsEndOfLife => T::SysCheckOsEndOfLife,
        CheckId::ScreenLock => T::SysCheckScreenLock,
        CheckId::AdminUse => T::SysCheckAdminUse,
        CheckId::ListeningPorts => T::SysCheckListeningPorts,
        CheckId::RemoteDesktop => T::SysCheckRemoteDesktop,
        CheckId::OrthancConfig => T::SysCheckOrthancConfig,
        CheckId::RemoteMaintenance => T::SysCheckRemoteMaintenance,
        CheckId::CloudSync => T::SysCheckCloudSync,
        CheckId::ImagingExposure => T::SysCheckImagingExposure,
        CheckId::BoxMappings => T::SysCheckBoxMappings,
        CheckId::BoxRules => T::SysCheckBoxRules,
    }
}

/// The status in words.
pub fn status(s: Status) -> T {
    match s {
        Status::Fail => T::SysStatusFail,
        Status::Warning => T::SysStatusWarning,
        Status::Unknown => T::SysStatusUnknown,
        Status::Pass => T::SysStatusPass,
    }
}

/// The status as written in JSON.
pub fn status_id(s: Status) -> &'static str {
    match s {
        Status::Fail => "fail",
        Status::Warning => "warning",
        Status::Unknown => "unknown",
        Status::Pass => "pass",
    }
}

/// Why a check cannot tell.
pub fn reason(r: Reason) -> T {
    match r {
        Reason::NeedsAdmin => T::SysReasonNeedsAdmin,
        Reason::NotOnThisSystem => T::SysReasonNotOnThisSystem,
        Reason::NotReadable => T::SysReasonNotReadable,
        Reason::Unrecognized => T::SysReasonUnrecognized,
        Reason::Blocked => T::SysReasonBlocked,
        Reason::NotRequested => T::SysReasonNotRequested,
        Reason::NotInTable => T::SysReasonNotInTable,
        Reason::NoGateway => T::SysReasonNoGateway,
        Reason::NoSession => T::SysReasonNoSession,
    }
}

/// What to do about a check that did not pass.
pub fn fix(id: CheckId) -> T {
    match id {
        CheckId::DiskEncryption => T::SysFixDiskEncryption,
        CheckId::Firewall => T::SysFixFirewall,
        CheckId::Antivirus => T::SysFixAntivirus,
        CheckId::OsEndOfLife => T::SysFixOsEndOfLife,
        CheckId::ScreenLock => T::SysFixScreenLock,
        CheckId::AdminUse => T::SysFixAdminUse,
        CheckId::ListeningPorts => T::SysFixListeningPorts,
        CheckId::RemoteDesktop => T::SysFixRemoteDesktop,
        CheckId::OrthancConfig => T::SysFixOrthanc,
        CheckId::RemoteMaintenance => T::SysFixRemoteTools,
        CheckId::CloudSync => T::SysFixCloudSync,
        CheckId::ImagingExposure => T::SysFixExposure,
        CheckId::BoxMappings => T::SysFixUpnp,
        CheckId::BoxRules => T::BoxFixOther,
    }
}

/// A proposed answer in words (the checklist's own answer names).
pub fn proposed(p: Proposed) -> T {
    match p {
        Proposed::Yes => T::AnswerYes,
        Proposed::Partly => T::AnswerPartly,
        Proposed::No => T::AnswerNo,
    }
}

fn issue(i: &Issue, lang: Lang) -> String {
    match i {
        Issue::RemoteWithoutPassword => T::SysOrthancRemoteNoPassword.get(lang).to_owned(),
        Issue::DefaultAccount { user } => tr::sys_orthanc_default_account(lang, user),
        Issue::DicomAlwaysAllow { settings } => {
            format!(
                "{} ({})",
                T::SysOrthancDicomAlways.get(lang),
                settings.join(", ")
            )
        }
        Issue::RemoteWithoutHttps => T::SysOrthancNoHttps.get(lang).to_owned(),
        Issue::CalledAetNotChecked => T::SysOrthancCalledAet.get(lang).to_owned(),
        Issue::ModalityHostNotChecked => T::SysOrthancModalityHost.get(lang).to_owned(),
        Issue::DicomWithoutTls => T::SysOrthancNoTls.get(lang).to_owned(),
    }
}

/// An answer of the knock in words.
pub fn outcome(o: &Outcome, lang: Lang) -> String {
    match o {
        Outcome::AcceptsAnyone => T::SysOutcomeAcceptsAnyone.get(lang).to_owned(),
        Outcome::AsksPassword => T::SysOutcomeAsksPassword.get(lang).to_owned(),
        Outcome::DefaultPassword { user } => tr::sys_outcome_default_password(lang, user),
        Outcome::RefusesUnknownCallers => T::SysOutcomeRefuses.get(lang).to_owned(),
        Outcome::AssociationAccepted => T::SysOutcomeAssociation.get(lang).to_owned(),
        Outcome::WebServer => T::SysOutcomeWebServer.get(lang).to_owned(),
        Outcome::Closed => T::SysOutcomeClosed.get(lang).to_owned(),
        Outcome::NoAnswer => T::SysOutcomeNoAnswer.get(lang).to_owned(),
    }
}

fn listeners(l: &[crate::system::ports::Listener]) -> String {
    l.iter()
        .map(|l| match &l.process {
            Some(p) => format!("{} ({}:{})", p, l.address, l.port),
            None => format!("{}:{}", l.address, l.port),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The plain sentence of a result.
pub fn summary(r: &CheckResult, lang: Lang) -> String {
    let date = |d: jiff::civil::Date| crate::i18n::format_date(d, lang);
    match &r.finding {
        Finding::Unknown { reason: why } => reason(*why).get(lang).to_owned(),
        Finding::DiskEncrypted { method } => tr::sys_disk_encrypted(lang, method),
        Finding::DiskNotEncrypted => T::SysDiskNotEncrypted.get(lang).to_owned(),
        Finding::DiskEncryptionInProgress => T::SysDiskInProgress.get(lang).to_owned(),
        Finding::FirewallOn { name } => tr::sys_firewall_on(lang, name),
        Finding::FirewallOff { name } => tr::sys_firewall_off(lang, name),
        Finding::AntivirusOk { products } => tr::sys_antivirus_ok(lang, products.join(", ")),
        Finding::AntivirusProblem { products } => {
            tr::sys_antivirus_problem(lang, products.join(", "))
        }
        Finding::AntivirusNone => T::SysAntivirusNone.get(lang).to_owned(),
        Finding::OsSupported { name, until } => match until {
            Some(d) => tr::sys_os_supported_until(lang, name, date(*d)),
            None => tr::sys_os_supported(lang, name),
        },
        Finding::OsEndsSoon { name, until } => tr::sys_os_ends_soon(lang, name, date(*until)),
        Finding::OsUnsupported { name, since } => tr::sys_os_unsupported(lang, name, date(*since)),
        Finding::ScreenLockOk { minutes } => tr::sys_screen_lock_ok(lang, *minutes),
        Finding::ScreenLockSlow { minutes } => tr::sys_screen_lock_slow(lang, *minutes),
        Finding::ScreenLockOff => T::SysScreenLockOff.get(lang).to_owned(),
        Finding::DailyAdmin => T::SysDailyAdmin.get(lang).to_owned(),
        Finding::DailySudo => T::SysDailySudo.get(lang).to_owned(),
        Finding::DailyStandard => T::SysDailyStandard.get(lang).to_owned(),
        Finding::RemoteDesktopOff => T::SysRemoteDesktopOff.get(lang).to_owned(),
        Finding::RemoteDesktopOn { ports } => {
            let ports = if ports.is_empty() {
                String::new()
            } else {
                format!(
                    " ({})",
                    ports
                        .iter()
                        .map(u16::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            tr::sys_remote_desktop_on(lang, ports)
        }
        Finding::NoExposedPorts => T::SysNoExposedPorts.get(lang).to_owned(),
        Finding::ExposedPorts { sensitive, other } => {
            let mut parts = Vec::new();
            if !sensitive.is_empty() {
                parts.push(tr::sys_exposed_ports(
                    lang,
                    sensitive.len(),
                    listeners(sensitive),
                ));
            }
            if !other.is_empty() {
                parts.push(tr::sys_other_ports(lang, other.len(), listeners(other)));
            }
            parts.join(" ")
        }
        Finding::OrthancAbsent => T::SysOrthancAbsent.get(lang).to_owned(),
        Finding::OrthancOk => T::SysOrthancOk.get(lang).to_owned(),
        Finding::OrthancRisky { issues } => tr::sys_orthanc_risky(
            lang,
            issues
                .iter()
                .map(|i| issue(i, lang))
                .collect::<Vec<_>>()
                .join(crate::locale::list_separator(lang)),
        ),
        Finding::NoRemoteTools => T::SysNoRemoteTools.get(lang).to_owned(),
        Finding::RemoteTools { names } => tr::sys_remote_tools(lang, names.join(", ")),
        Finding::NoCloudFolders => T::SysNoCloudFolders.get(lang).to_owned(),
        Finding::CloudFolders { services } => tr::sys_cloud_folders(lang, services.join(", ")),
        Finding::ProbeNothingToKnock => T::SysProbeNothing.get(lang).to_owned(),
        Finding::Probe { address, answers } => tr::sys_probe_summary(
            lang,
            address,
            answers
                .iter()
                .map(|a| tr::sys_probe_line(lang, a.port, outcome(&a.outcome, lang)))
                .collect::<Vec<_>>()
                .join(crate::locale::list_separator(lang)),
        ),
        Finding::Upnp {
            gateway, mappings, ..
        } => {
            let line = if mappings.is_empty() {
                tr::sys_upnp_none(lang, gateway)
            } else {
                tr::sys_upnp_mappings(
                    lang,
                    gateway,
                    mappings.len(),
                    mappings
                        .iter()
                        .map(|m| {
                            format!(
                                "{} {} → {}:{}",
                                m.protocol, m.external_port, m.internal_client, m.internal_port
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            };
            format!("{line} {}", T::SysUpnpInvisible.get(lang))
        }
        Finding::BoxRules { .. } | Finding::BoxUnread { .. } => {
            super::boxes::summary(&r.finding, lang).unwrap_or_default()
        }
    }
}

/// The report as readable text.
pub fn text(out: &mut dyn Write, report: &SystemReport, lang: Lang) -> std::io::Result<()> {
    // French puts a space before the colon.
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    writeln!(out, "{}", T::SysTitle.get(lang))?;
    writeln!(out, "{}", T::SysIntro.get(lang))?;
    writeln!(out, "{}", tr::sys_system(lang, &report.system))?;
    writeln!(
        out,
        "{}",
        tr::sys_last_run(lang, crate::i18n::format_datetime(report.checked_at, lang))
    )?;
    let [f, w, u, p] = report.counts();
    writeln!(out, "{}", tr::sys_counts(lang, f, w, u, p))?;
    for r in &report.results {
        writeln!(out)?;
        writeln!(
            out,
            "[{}] {}",
            status(r.status).get(lang),
            name(r.id).get(lang)
        )?;
        writeln!(out, "    {}", summary(r, lang))?;
        if matches!(r.status, Status::Fail | Status::Warning) {
            writeln!(
                out,
                "    {}{colon} {}",
                T::SysFix.get(lang),
                fix(r.id).get(lang)
            )?;
        }
        for e in &r.evidence {
            writeln!(
                out,
                "    · {}{colon} {}",
                e.source,
                e.value.replace('\n', " ⏎ ")
            )?;
        }
    }
    Ok(())
}

/// The report as one JSON document: `{ system, checked_at, results: [{ id, status, summary, evidence,
/// checked_at, finding }] }`.
pub fn json(out: &mut dyn Write, report: &SystemReport, lang: Lang) -> std::io::Result<()> {
    let results: Vec<serde_json::Value> = report
        .results
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id.as_str(),
                "status": status_id(r.status),
                "summary": summary(r, lang),
                "evidence": r.evidence,
                "checked_at": r.checked_at.to_string(),
                "finding": r.finding,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "system": report.system,
        "checked_at": report.checked_at.to_string(),
        "results": results,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// The line a checklist item can show when the last PC check proposes its answer ("Proposed from the PC
/// check of 01/12/2026: No"), `None` when there is none waiting (not applicable, confirmed, or
/// answered since the run). For the checklist's item card.
pub fn proposal_line(
    contents: &crate::practice_file::VaultContents,
    item: &str,
    lang: Lang,
) -> Option<(String, Proposed)> {
    let last = contents.system.last.as_ref()?;
    let row = contents
        .proposals()
        .into_iter()
        .find(|row| row.item == item && row.is_open())?;
    let date = crate::i18n::format_date(crate::i18n::date_of(last.checked_at), lang);
    Some((
        tr::sys_proposed(lang, date, proposed(row.proposed).get(lang)),
        row.proposed,
    ))
}

/// A check's result as a plain text file, to attach to a breach as evidence: the check, its verdict and
/// summary, what was seen and where, and when.
pub fn evidence_text(r: &CheckResult, lang: Lang) -> String {
    let mut out = format!(
        "{}\n{}\n{}\n{}\n",
        name(r.id).get(lang),
        status(r.status).get(lang),
        summary(r, lang),
        crate::i18n::format_datetime(r.checked_at, lang)
    );
    for line in r
        .evidence
        .iter()
        .map(|e| format!("{}: {}\n", e.source, e.value))
    {
        out.push_str(&line);
    }
    out
}
