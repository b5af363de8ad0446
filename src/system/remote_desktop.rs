//! Remote desktop and screen sharing: on Windows the setting `fDenyTSConnections` (0: connections
//! allowed), everywhere a listener on 3389 (RDP) or 5900 (VNC, macOS screen sharing) on the network.

use super::ports::Listener;
use super::{CheckId, CheckResult, Evidence, Finding, Reason, Status, Verdict};

/// The registry key holding `fDenyTSConnections`.
pub const TERMINAL_SERVER: &str = "SYSTEM\\CurrentControlSet\\Control\\Terminal Server";

/// `deny` is `fDenyTSConnections` (Windows only; `None` elsewhere or when absent); `listening` the
/// network listeners seen (`None` when they could not be read).
pub fn interpret(deny: Option<u32>, listening: Option<&[Listener]>) -> Verdict {
    let ports: Vec<u16> = listening
        .unwrap_or(&[])
        .iter()
        .map(|l| l.port)
        .filter(|p| matches!(p, 3389 | 5900))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if deny == Some(0) || !ports.is_empty() {
        Verdict::new(Status::Fail, Finding::RemoteDesktopOn { ports })
    } else if listening.is_none() && deny.is_none() {
        Verdict::unknown(Reason::NotReadable)
    } else {
        Verdict::new(Status::Pass, Finding::RemoteDesktopOff)
    }
}

/// Reads the setting (Windows) and uses the listeners already read.
pub fn read(listening: &[Listener]) -> CheckResult {
    #[cfg(windows)]
    let (deny, evidence) = {
        let (v, e) = super::windows::reg_u32(
            super::windows::Hive::Machine,
            TERMINAL_SERVER,
            "fDenyTSConnections",
        );
        (v, vec![e])
    };
    #[cfg(not(windows))]
    let (deny, evidence): (Option<u32>, Vec<Evidence>) = (None, Vec::new());
    let mut evidence = evidence;
    let seen: Vec<String> = listening
        .iter()
        .filter(|l| matches!(l.port, 3389 | 5900))
        .map(|l| format!("{}:{}", l.address, l.port))
        .collect();
    evidence.push(Evidence::new(
        "listening ports 3389, 5900",
        if seen.is_empty() {
            "(none on the network)".to_owned()
        } else {
            seen.join(", ")
        },
    ));
    interpret(deny, Some(listening)).result(CheckId::RemoteDesktop, evidence)
}
