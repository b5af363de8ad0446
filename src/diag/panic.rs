//! Panics in the log: where, and what — under a policy that keeps data out.
//!
//! **The policy.** A panic's message is kept only when it is a `&'static str`: a text written in the
//! code (`panic!("…")` without arguments, `unwrap()` on `None`), which cannot hold anything typed or
//! read at run time. A message built at run time (`panic!("… {x}")`, `expect` on a `Result`, whose
//! message carries the error's `Debug`, often a path) is withheld: the log says so, with its length.
//! The place (file, line, column) is always kept; a file outside the crate (a dependency, the
//! standard library) is cut to its last three parts, so that the build machine's folders do not
//! appear. Either way, every character outside printable ASCII becomes `?` and a kept message is cut
//! at [`MAX_MESSAGE`] characters.

use std::any::Any;
use std::panic::Location;

/// The longest panic message kept, in characters.
pub(super) const MAX_MESSAGE: usize = 160;

/// What the log keeps of a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PanicReport {
    /// The message when it is a text of the code (see the module's policy), cleaned.
    pub(super) message: Option<String>,
    /// The length in bytes of a withheld message.
    pub(super) withheld_len: usize,
    /// The source file (within the crate, or its last three parts).
    pub(super) file: String,
    /// Line and column.
    pub(super) line: u32,
    /// Column.
    pub(super) column: u32,
}

/// The report of a panic's payload and place (the panic hook's `info.payload()` and `info.location()`).
pub(super) fn report(payload: &(dyn Any + Send), location: Option<&Location<'_>>) -> PanicReport {
    let (message, withheld_len) = if let Some(text) = payload.downcast_ref::<&'static str>() {
        (Some(clean(text, MAX_MESSAGE)), 0)
    } else if let Some(text) = payload.downcast_ref::<String>() {
        (None, text.len())
    } else {
        (None, 0)
    };
    let (file, line, column) = location.map_or_else(
        || (String::from("?"), 0, 0),
        |l| (place(l.file()), l.line(), l.column()),
    );
    PanicReport {
        message,
        withheld_len,
        file,
        line,
        column,
    }
}

/// A source file as the log names it: a relative path (the crate's own `src/…`) as it is, an absolute
/// one (a dependency built from the registry, the standard library) by its last three parts.
fn place(file: &str) -> String {
    let absolute = file.starts_with(['/', '\\']) || file.get(1..2) == Some(":");
    let kept = if absolute {
        let parts: Vec<&str> = file.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
        format!("…/{}", parts[parts.len().saturating_sub(3)..].join("/"))
    } else {
        file.to_owned()
    };
    clean(&kept, 200)
}

/// Printable ASCII only (anything else `?`), at most `max` characters.
fn clean(text: &str, max: usize) -> String {
    text.chars()
        .take(max)
        .map(|c| {
            if c == '…' || c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '?'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A real panic's payload, as the hook receives it.
    fn payload_of(f: impl FnOnce() + std::panic::UnwindSafe) -> Box<dyn Any + Send> {
        std::panic::catch_unwind(f).expect_err("it panics")
    }

    #[test]
    fn a_message_written_in_the_code_is_kept() {
        let p = payload_of(|| panic!("the scan's channel closed"));
        let r = report(p.as_ref(), Some(Location::caller()));
        assert_eq!(r.message.as_deref(), Some("the scan's channel closed"));
        assert_eq!(r.file, "src/diag/panic.rs");
        assert!(r.line > 0 && r.column > 0);

        let none: Option<u8> = None;
        let p = payload_of(move || {
            std::hint::black_box(none).unwrap();
        });
        let r = report(p.as_ref(), None);
        assert!(
            r.message.as_deref().is_some_and(|m| m.contains("None")),
            "{r:?}"
        );
    }

    #[test]
    fn a_message_built_at_run_time_is_withheld() {
        let name = String::from("Cabinet du Dr Lefèvre");
        let path = std::path::PathBuf::from("/home/secretariat/patients/DUPONT Jean.dcm");
        let p = payload_of(move || panic!("could not open {} for {name}", path.display()));
        let r = report(p.as_ref(), Some(Location::caller()));
        assert_eq!(r.message, None);
        assert!(r.withheld_len > 20, "{r:?}");

        // `expect` on a `Result` carries the error's Debug (a path, often): withheld too.
        let p = payload_of(|| {
            let r: Result<(), std::io::Error> = Err(std::io::Error::other("/home/x/DUPONT"));
            std::hint::black_box(r).expect("read the file");
        });
        assert_eq!(report(p.as_ref(), None).message, None);
    }

    #[test]
    fn places_outside_the_crate_keep_only_their_last_parts() {
        assert_eq!(place("src/scan/mod.rs"), "src/scan/mod.rs");
        assert_eq!(
            place("/home/builder/.cargo/registry/src/index.crates.io-1/zip-9.0.0/src/read.rs"),
            "…/zip-9.0.0/src/read.rs"
        );
        assert_eq!(
            place(r"C:\Users\Dupont\.cargo\registry\src\i\age-0.12\src\lib.rs"),
            "…/age-0.12/src/lib.rs"
        );
        assert_eq!(
            place("/rustc/abc/library/core/src/option.rs"),
            "…/core/src/option.rs"
        );
    }

    #[test]
    fn kept_messages_are_printable_and_short() {
        let long = "x\n\u{1b}[31mé";
        let r = report(&long, None);
        assert_eq!(r.message.as_deref(), Some("x??[31m?"));
        let huge: &'static str = Box::leak("a".repeat(1000).into_boxed_str());
        let r = report(&huge, None);
        assert_eq!(r.message.map(|m| m.len()), Some(MAX_MESSAGE));
    }
}
