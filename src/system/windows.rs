//! The Windows readers' tools: registry values (winreg) and WMI queries, each WMI query on a thread of
//! its own (the connection is not `Send` and initialises COM, which must never happen on the window's
//! thread) with a deadline.

use std::collections::BTreeMap;
use std::time::Duration;

use winreg::RegKey;
use winreg::enums::{HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE};

use super::Evidence;

/// A registry hive.
#[derive(Debug, Clone, Copy)]
pub enum Hive {
    /// HKEY_LOCAL_MACHINE.
    Machine,
    /// HKEY_CURRENT_USER.
    User,
}

impl Hive {
    fn key(self) -> RegKey {
        match self {
            Self::Machine => RegKey::predef(HKEY_LOCAL_MACHINE),
            Self::User => RegKey::predef(HKEY_CURRENT_USER),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Machine => "HKLM",
            Self::User => "HKCU",
        }
    }
}

/// Whether this runs under Wine (its registry key `HKLM\Software\Wine`): Security Center is absent
/// there, so its readings are "unknown", never a failure.
pub fn under_wine() -> bool {
    Hive::Machine.key().open_subkey("Software\\Wine").is_ok()
}

/// A DWORD value, and the evidence of it (the value, or "absent").
pub fn reg_u32(hive: Hive, path: &str, name: &str) -> (Option<u32>, Evidence) {
    let value = hive
        .key()
        .open_subkey(path)
        .and_then(|k| k.get_value::<u32, _>(name))
        .ok();
    let source = format!("{}\\{path}\\{name}", hive.name());
    let shown = value.map_or_else(|| "(absent)".to_owned(), |v| v.to_string());
    (value, Evidence::new(source, shown))
}

/// A string value (REG_SZ), and the evidence of it.
pub fn reg_string(hive: Hive, path: &str, name: &str) -> (Option<String>, Evidence) {
    let value = hive
        .key()
        .open_subkey(path)
        .and_then(|k| k.get_value::<String, _>(name))
        .ok();
    let source = format!("{}\\{path}\\{name}", hive.name());
    let shown = value.clone().unwrap_or_else(|| "(absent)".to_owned());
    (value, Evidence::new(source, shown))
}

/// The rows of a WMI query, each property as text; `Err` with the reason as text when WMI or the
/// namespace is absent (as under Wine), access is denied, or it does not answer within 15 seconds.
pub fn wmi_query(namespace: &str, query: &str) -> Result<Vec<BTreeMap<String, String>>, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let ns = namespace.to_owned();
    let q = query.to_owned();
    let spawned = std::thread::Builder::new()
        .name("vigie-wmi".to_owned())
        .spawn(move || {
            let rows = wmi::WMIConnection::with_namespace_path(&ns)
                .and_then(|c| c.raw_query::<std::collections::HashMap<String, wmi::Variant>>(&q))
                .map(|rows| {
                    rows.into_iter()
                        .map(|row| {
                            row.into_iter()
                                .map(|(k, v)| (k, variant_text(&v)))
                                .collect::<BTreeMap<_, _>>()
                        })
                        .collect::<Vec<_>>()
                })
                .map_err(|e| e.to_string());
            let _ = tx.send(rows);
        });
    if spawned.is_err() {
        return Err("thread".to_owned());
    }
    rx.recv_timeout(Duration::from_secs(15))
        .unwrap_or_else(|_| Err("no answer within 15 s".to_owned()))
}

fn variant_text(v: &wmi::Variant) -> String {
    use wmi::Variant as V;
    match v {
        V::String(s) => s.clone(),
        V::I1(n) => n.to_string(),
        V::I2(n) => n.to_string(),
        V::I4(n) => n.to_string(),
        V::I8(n) => n.to_string(),
        V::UI1(n) => n.to_string(),
        V::UI2(n) => n.to_string(),
        V::UI4(n) => n.to_string(),
        V::UI8(n) => n.to_string(),
        V::Bool(b) => b.to_string(),
        V::R4(n) => n.to_string(),
        V::R8(n) => n.to_string(),
        _ => String::new(),
    }
}
