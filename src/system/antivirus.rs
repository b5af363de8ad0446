//! The antivirus, from Windows Security Center (WMI `ROOT\SecurityCenter2`, `AntiVirusProduct`). Under
//! Wine, and on macOS and Linux, Security Center is absent: "unknown", never a failure.

use super::{CheckId, CheckResult, Evidence, Finding, Reason, Status, Verdict};

/// A product's state, decoded from Security Center's `productState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProductState {
    /// Real-time protection on.
    pub on: bool,
    /// Signatures up to date.
    pub up_to_date: bool,
}

/// Decodes `productState` (decimal): the second byte's high nibble says on (1) or off (0), the low byte's
/// high nibble up to date (0) or out of date (1). `None` when it is not a number.
pub fn product_state(value: &str) -> Option<ProductState> {
    let n: u32 = value.trim().parse().ok()?;
    Some(ProductState {
        on: (n >> 12) & 0xF == 1,
        up_to_date: (n >> 4).trailing_zeros() >= 4,
    })
}

/// The products Security Center lists, each `(displayName, productState)`.
pub fn from_security_center(products: &[(String, String)]) -> Verdict {
    if products.is_empty() {
        return Verdict::new(Status::Fail, Finding::AntivirusNone);
    }
    let mut ok = Vec::new();
    let mut problems = Vec::new();
    for (name, state) in products {
        match product_state(state) {
            Some(ProductState {
                on: true,
                up_to_date: true,
            }) => ok.push(name.clone()),
            Some(s) => problems.push(format!(
                "{name} ({}{})",
                if s.on { "on" } else { "off" },
                if s.up_to_date { "" } else { ", out of date" }
            )),
            None => problems.push(format!("{name} (?)")),
        }
    }
    if !ok.is_empty() {
        Verdict::new(Status::Pass, Finding::AntivirusOk { products: ok })
    } else if products.iter().all(|(_, s)| product_state(s).is_none()) {
        Verdict::unknown(Reason::Unrecognized)
    } else {
        Verdict::new(
            Status::Fail,
            Finding::AntivirusProblem { products: problems },
        )
    }
}

/// Reads this PC's antivirus.
pub fn read() -> CheckResult {
    let (verdict, evidence) = read_platform();
    verdict.result(CheckId::Antivirus, evidence)
}

#[cfg(windows)]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    if super::windows::under_wine() {
        return (
            Verdict::unknown(Reason::NotReadable),
            vec![Evidence::new(
                "HKLM\\Software\\Wine",
                "(Wine: no Security Center)",
            )],
        );
    }
    let query = "SELECT displayName, productState FROM AntiVirusProduct";
    match super::windows::wmi_query("ROOT\\SecurityCenter2", query) {
        Ok(rows) => {
            let products: Vec<(String, String)> = rows
                .iter()
                .map(|r| {
                    (
                        r.get("displayName").cloned().unwrap_or_default(),
                        r.get("productState").cloned().unwrap_or_default(),
                    )
                })
                .collect();
            let value = products
                .iter()
                .map(|(n, s)| format!("{n}: {s}"))
                .collect::<Vec<_>>()
                .join("; ");
            (
                from_security_center(&products),
                vec![Evidence::new(
                    format!("WMI ROOT\\SecurityCenter2: {query}"),
                    if value.is_empty() { "(none)" } else { &value },
                )],
            )
        }
        // Absent under Wine and on Windows Server: unknown, not a failure.
        Err(e) => (
            Verdict::unknown(Reason::NotReadable),
            vec![Evidence::new("WMI ROOT\\SecurityCenter2", e)],
        ),
    }
}

#[cfg(not(windows))]
fn read_platform() -> (Verdict, Vec<Evidence>) {
    (Verdict::unknown(Reason::NotOnThisSystem), Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_states() {
        // Recorded values: Defender on and up to date, off, on but out of date.
        assert_eq!(
            product_state("397568"),
            Some(ProductState {
                on: true,
                up_to_date: true
            })
        );
        assert_eq!(product_state("393472").map(|s| s.on), Some(false));
        assert_eq!(product_state("397584").map(|s| s.up_to_date), Some(false));
        let named = |s: &str| vec![("Windows Defender".to_owned(), s.to_owned())];
        assert_eq!(from_security_center(&named("397568")).status, Status::Pass);
        assert_eq!(from_security_center(&named("393472")).status, Status::Fail);
        assert_eq!(from_security_center(&[]).status, Status::Fail);
        assert_eq!(from_security_center(&named("x")).status, Status::Unknown);
    }
}
