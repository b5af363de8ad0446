//! The box's rules in words (issue 34): each rule that lets the Internet in as a plain sentence (the
//! 2020 case in its own words), why a box could not be read, the fix steps for that family, and the
//! command line's text and JSON.

use std::io::Write;

use crate::i18n::{Lang, T, tr};
use crate::system::boxes::risk::{Level, PortKind, Risk};
use crate::system::boxes::{BoxError, BoxKind, Forward, Origin, http::HttpError};
use crate::system::{CheckResult, Finding};

/// The fix steps for a family of boxes.
pub fn fix(kind: BoxKind) -> T {
    match kind {
        BoxKind::Freebox => T::BoxFixFreebox,
        BoxKind::Livebox => T::BoxFixLivebox,
        BoxKind::Bbox => T::BoxFixBbox,
        BoxKind::Other => T::BoxFixOther,
    }
}

fn origin(o: Origin) -> T {
    match o {
        Origin::Manual => T::BoxOriginManual,
        Origin::Upnp => T::BoxOriginUpnp,
        Origin::Unknown => T::BoxOriginUnknown,
    }
}

fn port_kind(k: PortKind) -> T {
    match k {
        PortKind::Imaging => T::BoxKindImaging,
        PortKind::WebViewer => T::BoxKindWebViewer,
        PortKind::RemoteDesktop => T::BoxKindRemoteDesktop,
        PortKind::FileSharing => T::BoxKindFileSharing,
        PortKind::Ssh => T::BoxKindSsh,
    }
}

fn host(h: &str, this_pc: bool, lang: Lang) -> String {
    if this_pc {
        format!("{} ({h})", T::BoxThisPc.get(lang))
    } else {
        h.to_owned()
    }
}

fn rule_parts(
    f: &Forward,
    port: Option<(u16, PortKind)>,
    this_pc: bool,
    lang: Lang,
) -> (String, String, String, &'static str) {
    let kind = port.map_or(String::new(), |(_, k)| {
        format!(" ({})", port_kind(k).get(lang))
    });
    (
        f.external.to_string(),
        host(&f.internal_host, this_pc, lang),
        kind,
        origin(f.origin).get(lang),
    )
}

/// A rule in one plain sentence.
pub fn risk(r: &Risk, lang: Lang) -> String {
    match r {
        Risk::Forward {
            forward,
            port,
            this_pc,
        } => {
            if *this_pc && let Some(p) = r.imaging_port() {
                return tr::box_case_2020(lang, p);
            }
            let (p, h, k, o) = rule_parts(forward, *port, *this_pc, lang);
            tr::box_forward(lang, p, h, k, o)
        }
        Risk::Pinhole {
            forward,
            port,
            this_pc,
        } => {
            let (p, h, k, o) = rule_parts(forward, *port, *this_pc, lang);
            tr::box_pinhole(lang, p, h, k, o)
        }
        Risk::Dmz { host: h, this_pc } => {
            tr::box_dmz(lang, host(h.as_deref().unwrap_or("?"), *this_pc, lang))
        }
        Risk::Ipv6Open { level } => tr::box_ipv6_open(lang, level),
        Risk::Ipv4Open { level } => tr::box_ipv4_open(lang, level),
        Risk::UpnpOn => T::BoxUpnpOn.get(lang).to_owned(),
        Risk::Service { service } => tr::box_service(
            lang,
            &service.name,
            service
                .port
                .map_or(String::new(), |p| format!(" (port {p})")),
        ),
    }
}

/// Why a box could not be read, in words (never a secret: the errors carry none).
pub fn error(e: &BoxError, lang: Lang) -> String {
    match e {
        BoxError::Http(h) => match h {
            HttpError::Unreachable => T::BoxErrUnreachable,
            HttpError::Timeout => T::BoxErrTimeout,
            HttpError::TooLarge => T::BoxErrTooLarge,
            HttpError::Malformed => T::BoxErrMalformed,
            HttpError::Redirect => T::BoxErrRedirect,
            HttpError::Certificate => T::BoxErrCertificate,
            HttpError::Tls => T::BoxErrTls,
        }
        .get(lang)
        .to_owned(),
        BoxError::Unexpected(_) => T::BoxErrUnexpected.get(lang).to_owned(),
        BoxError::Status { call, status } => tr::box_status(lang, call, status),
        BoxError::WrongPassword => T::BoxErrWrongPassword.get(lang).to_owned(),
        BoxError::PasswordNeeded => T::BoxErrPasswordNeeded.get(lang).to_owned(),
        BoxError::AuthPending => T::BoxErrAuthPending.get(lang).to_owned(),
        BoxError::AuthDenied => T::BoxErrAuthDenied.get(lang).to_owned(),
        BoxError::AuthTimeout => T::BoxErrAuthTimeout.get(lang).to_owned(),
        BoxError::TokenRefused => T::BoxErrTokenRefused.get(lang).to_owned(),
        BoxError::MissingRight(right) => tr::box_missing_right(lang, right),
        BoxError::NoApi => T::BoxErrNoApi.get(lang).to_owned(),
    }
}

/// The sentence of a reading with no rule letting the Internet in: nothing open (pass), or, when the
/// forwards or the DMZ were not seen (a record by hand), that it cannot tell.
pub fn nothing_open(finding: &Finding) -> T {
    match finding {
        Finding::BoxRules {
            forwards_read: false,
            ..
        } => T::BoxManualIncomplete,
        _ => T::BoxNothingOpen,
    }
}

/// The plain sentence of a box result (the PC checks' summary line).
pub fn summary(finding: &Finding, lang: Lang) -> Option<String> {
    Some(match finding {
        Finding::BoxRules {
            kind,
            address,
            risks,
            ..
        } => {
            if risks.is_empty() {
                nothing_open(finding).get(lang).to_owned()
            } else {
                let head = tr::box_summary(lang, kind.product(), address, risks.len());
                let worst = risks.first().map(|r| risk(r, lang)).unwrap_or_default();
                format!("{head} {worst}")
            }
        }
        Finding::BoxUnread {
            kind,
            address,
            error: e,
        } => tr::box_unread(lang, kind.product(), address, error(e, lang)),
        _ => return None,
    })
}

/// The box result as readable text: the rules by risk, high first, each with its sentence, the fix
/// steps and the technical detail.
pub fn text(out: &mut dyn Write, r: &CheckResult, lang: Lang) -> std::io::Result<()> {
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    writeln!(out, "{}", T::SysCheckBoxRules.get(lang))?;
    writeln!(
        out,
        "{}",
        tr::sys_last_run(lang, crate::i18n::format_datetime(r.checked_at, lang))
    )?;
    writeln!(out, "{}", summary(&r.finding, lang).unwrap_or_default())?;
    if let Finding::BoxRules { kind, risks, .. } = &r.finding {
        for x in risks {
            let level = match x.level() {
                Level::High => T::SysStatusFail,
                Level::Medium => T::SysStatusWarning,
            };
            writeln!(out, "\n[{}] {}", level.get(lang), risk(x, lang))?;
            if x.imaging_port().is_some() {
                writeln!(out, "    {}", T::BoxBreachHint.get(lang))?;
            }
        }
        if !risks.is_empty() {
            writeln!(
                out,
                "\n{}{colon} {}",
                T::SysFix.get(lang),
                fix(*kind).get(lang)
            )?;
        }
    }
    writeln!(out)?;
    for e in &r.evidence {
        writeln!(out, "    · {}{colon} {}", e.source, e.value)?;
    }
    Ok(())
}

/// The last reading of the box, in one line for the dashboard (date, the plain summary) with
/// its status; `None` when the box was never read.
pub fn dashboard_line(
    record: &crate::system::SystemRecord,
    lang: Lang,
) -> Option<(String, crate::system::Status)> {
    let r = record.last.as_ref()?.results.iter().find(|r| {
        matches!(
            r.finding,
            Finding::BoxRules { .. } | Finding::BoxUnread { .. }
        )
    })?;
    let date = crate::i18n::format_date(crate::i18n::date_of(r.checked_at), lang);
    let summary = summary(&r.finding, lang).unwrap_or_default();
    Some((tr::box_dashboard(lang, date, summary), r.status))
}

/// The last reading of the box as the assessment PDF's "Box Internet" section shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxSection {
    /// When it was read, in words.
    pub read_at: String,
    /// The box: family, model, address (none when it could not be read).
    pub which: Option<String>,
    /// "Typed by the doctor", for a record by hand.
    pub by_hand: Option<&'static str>,
    /// Each finding: its risk (high, medium) and its sentence, worst first.
    pub rows: Vec<(&'static str, String)>,
    /// When there is no finding: nothing open, or cannot tell.
    pub nothing: Option<&'static str>,
    /// Why it could not be read.
    pub unread: Option<String>,
}

/// The "Box Internet" section of the last reading kept with the PC checks; `None` when the box was
/// never read.
pub fn section(record: &crate::system::SystemRecord, lang: Lang) -> Option<BoxSection> {
    let r = record.last.as_ref()?.results.iter().find(|r| {
        matches!(
            r.finding,
            Finding::BoxRules { .. } | Finding::BoxUnread { .. }
        )
    })?;
    let read_at = crate::i18n::format_datetime(r.checked_at, lang);
    Some(match &r.finding {
        Finding::BoxRules {
            kind,
            address,
            model,
            risks,
            by_hand,
            ..
        } => BoxSection {
            read_at,
            which: Some(match model {
                Some(m) => format!("{} — {m} ({address})", kind.product()),
                None => format!("{} ({address})", kind.product()),
            }),
            by_hand: by_hand.then(|| T::BoxManualByHand.get(lang)),
            rows: risks
                .iter()
                .map(|x| {
                    let level = match x.level() {
                        Level::High => T::PdfBoxHigh,
                        Level::Medium => T::PdfBoxMedium,
                    };
                    (level.get(lang), risk(x, lang))
                })
                .collect(),
            nothing: risks.is_empty().then(|| nothing_open(&r.finding).get(lang)),
            unread: None,
        },
        _ => BoxSection {
            read_at,
            which: None,
            by_hand: None,
            rows: Vec::new(),
            nothing: None,
            unread: summary(&r.finding, lang),
        },
    })
}

/// The box result as a plain text file, to attach to a breach as evidence (what [`text`] prints).
pub fn evidence_text(r: &CheckResult, lang: Lang) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = text(&mut out, r, lang);
    String::from_utf8_lossy(&out).into_owned()
}

/// The first facts of a breach opened from the box's 2020 case, and nothing assessed: when it was
/// found (now: the 72 hours run), how (the reading's date and each forward to the imaging server, in
/// words), still open, a setting of the box (misconfiguration) on a running system. What data and whom
/// it concerns are left to the doctor.
pub fn breach_facts(r: &CheckResult, now: jiff::Timestamp, lang: Lang) -> crate::breach::Details {
    let now = jiff::Timestamp::from_second(now.as_second()).unwrap_or(now);
    let mut how = tr::box_breach_how(lang, crate::i18n::format_datetime(r.checked_at, lang));
    if let Finding::BoxRules { risks, .. } = &r.finding {
        for x in risks.iter().filter(|x| x.imaging_port().is_some()) {
            how.push(' ');
            how.push_str(&risk(x, lang));
        }
    }
    crate::breach::Details {
        discovered_at: Some(now),
        aware_at: Some(now),
        how_discovered: how,
        ongoing: true,
        cause: crate::breach::Cause::Misconfiguration,
        exposure: crate::breach::Exposure::RunningSystem,
        ..crate::breach::Details::default()
    }
}

/// The box result as one JSON document: `{ id, status, summary, risks: [{ level, summary, rule }],
/// evidence, checked_at, finding }`.
pub fn json(out: &mut dyn Write, r: &CheckResult, lang: Lang) -> std::io::Result<()> {
    let risks: Vec<serde_json::Value> = match &r.finding {
        Finding::BoxRules { risks, .. } => risks
            .iter()
            .map(|x| {
                serde_json::json!({
                    "level": x.level(),
                    "summary": risk(x, lang),
                    "rule": x,
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    let doc = serde_json::json!({
        "id": r.id.as_str(),
        "status": super::system::status_id(r.status),
        "summary": summary(&r.finding, lang),
        "risks": risks,
        "evidence": r.evidence,
        "checked_at": r.checked_at.to_string(),
        "finding": r.finding,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
