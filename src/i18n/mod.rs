//! French and English texts. French first: it is the default and the fallback.
//!
//! Every user-facing string is declared once in `texts.rs`, both languages side by side:
//! - a plain text is a variant of [`T`]: `T::Cancel.get(lang)`;
//! - a text with arguments is a function of [`tr`], the language first: `tr::exported_to(lang, path)`,
//!   `tr::scan_errors_count(lang, n)` (`n` a whole number, written with grouped digits, that chooses
//!   the singular or plural form). Call them as `tr::name(…)` (import the module, not the functions:
//!   the test that every text is used looks for `tr::name`).
//!
//! A missing language or argument does not compile; a test refuses empty texts, placeholders that differ
//! between the languages and texts used nowhere. Numbers, sizes and dates come from [`crate::locale`]
//! (re-exported here). A plain text never holds a `{name}` placeholder (a test checks it).

mod archive;
mod errors;
pub mod names;
mod texts;

pub use errors::{Localize, chain_break, io_error, io_reason};
pub use texts::{Forms, T, TYPED, TypedText, tr};

pub use crate::locale::{
    Lang, date_of, format_date, format_datetime, format_int, format_number, format_size,
    parse_date, today,
};

/// The `{name}` placeholders of a text, sorted (for the tests of the table).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plain_text_exists_in_both_languages_without_placeholders() {
        let mut missing = Vec::new();
        for &t in T::ALL {
            let (fr, en) = (t.get(Lang::Fr), t.get(Lang::En));
            if fr.trim().is_empty() {
                missing.push(format!("{t:?}: French missing"));
            }
            if en.trim().is_empty() {
                missing.push(format!("{t:?}: English missing"));
            }
            if !placeholders(fr).is_empty() || !placeholders(en).is_empty() {
                missing.push(format!("{t:?}: a text with arguments belongs in `tr`"));
            }
        }
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn every_typed_text_has_both_languages_every_form_and_the_same_placeholders() {
        let mut wrong = Vec::new();
        for t in TYPED {
            let mut declared: Vec<&str> = t.args.iter().map(|(name, _)| *name).collect();
            declared.sort_unstable();
            let counts = t.args.iter().filter(|(_, kind)| *kind == "count").count();
            let plural = [t.fr, t.en]
                .iter()
                .any(|f| matches!(f, Forms::Plural { .. }));
            if plural && counts != 1 {
                wrong.push(format!(
                    "{}: a plural text needs exactly one `count` argument",
                    t.name
                ));
            }
            for (lang, forms) in [("French", t.fr), ("English", t.en)] {
                let all = forms.all();
                if all.iter().any(|s| s.trim().is_empty()) {
                    wrong.push(format!("{}: {lang} missing", t.name));
                }
                // Every form names every argument.
                for s in &all {
                    let mut found = placeholders(s);
                    found.dedup();
                    if found != declared {
                        wrong.push(format!("{}: {lang} {s:?} has {found:?}", t.name));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// French goes through the one typography function, plain and typed texts alike; English does not.
    #[test]
    fn french_texts_are_typeset() {
        for &t in T::ALL {
            let fr = t.get(Lang::Fr);
            assert_eq!(
                fr,
                crate::locale::french_typography(t.raw(Lang::Fr)),
                "{t:?}"
            );
            for sign in [" ?", " !", " ;", " :", "« ", " »"] {
                assert!(!fr.contains(sign), "{t:?}: {fr:?}");
            }
            assert_eq!(t.get(Lang::En), t.raw(Lang::En));
        }
        assert_eq!(
            T::StaffHeading.get(Lang::Fr),
            "Qui travaille au cabinet\u{202F}?"
        );
        assert!(tr::exported_to(Lang::Fr, "x.pdf").contains("\u{a0}:"));
    }

    #[test]
    fn placeholders_are_found_and_sorted() {
        assert_eq!(placeholders("{b} et {a}"), vec!["a", "b"]);
        assert!(placeholders("sans argument").is_empty());
    }

    #[test]
    fn typed_texts_substitute_once_and_choose_plurals() {
        let s = tr::err_io(Lang::Fr, "/tmp/{detail}", "{path}");
        assert_eq!(s, "Impossible d'accéder à /tmp/{detail}\u{a0}: {path}");
        assert_eq!(tr::scan_errors_count(Lang::Fr, 0), "0 chemin illisible");
        assert_eq!(tr::scan_errors_count(Lang::Fr, 1u8), "1 chemin illisible");
        assert_eq!(
            tr::scan_errors_count(Lang::Fr, 2usize),
            "2 chemins illisibles"
        );
        assert_eq!(tr::scan_errors_count(Lang::En, 0), "0 unreadable paths");
        assert_eq!(tr::scan_errors_count(Lang::En, 1), "1 unreadable path");
        assert_eq!(tr::scan_errors_count(Lang::En, 2), "2 unreadable paths");
        assert_eq!(
            tr::files_count(Lang::Fr, 48_213u64),
            "48\u{202F}213 fichiers"
        );
        assert_eq!(tr::files_count(Lang::En, 48_213u64), "48,213 files");
        assert_eq!(
            tr::progress_answered(Lang::En, 1, 1234),
            "1 of 1,234 answered"
        );
    }

    /// Every text is used somewhere in `src/` outside the table: `T::Name` for a plain text, `tr::name`
    /// for a text with arguments.
    #[test]
    fn every_text_is_used() {
        fn sources(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).expect("src/ is readable") {
                let path = entry.expect("src/ is readable").path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("i18n/texts.rs")
                {
                    out.push_str(&std::fs::read_to_string(&path).expect("a source file is UTF-8"));
                }
            }
        }
        let mut code = String::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut code,
        );
        let used = |name: &str| {
            code.match_indices(name).any(|(i, _)| {
                !code[i + name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            })
        };
        let mut unused = Vec::new();
        for t in T::ALL {
            if !used(&format!("T::{t:?}")) {
                unused.push(format!("T::{t:?}"));
            }
        }
        for t in TYPED {
            if !used(&format!("tr::{}", t.name)) {
                unused.push(format!("tr::{}", t.name));
            }
        }
        assert!(unused.is_empty(), "unused texts: {unused:#?}");
    }
}
