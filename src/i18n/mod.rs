//! French and English texts. French first: it is the default and the fallback.
//!
//! Every user-facing string is a variant of [`T`], declared once with both languages side by side in
//! `texts.rs`; the `texts!` macro makes a missing language a compile error, and a test refuses empty texts
//! and placeholders that differ between the two languages. Texts with `{name}` placeholders are filled
//! with [`T::fill`].

mod errors;
pub mod names;
mod texts;

pub use errors::{Localize, io_error, io_reason};
pub use texts::T;

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// Français (default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Both languages, French first.
    pub const ALL: [Self; 2] = [Self::Fr, Self::En];

    /// The language of the system: English if the system is in English, French otherwise.
    pub fn from_system() -> Self {
        sys_locale::get_locale()
            .as_deref()
            .and_then(Self::from_locale)
            .unwrap_or_default()
    }

    /// The language for a locale name such as `fr-FR`, `en_GB.UTF-8`; `None` for other languages.
    pub fn from_locale(locale: &str) -> Option<Self> {
        let lower = locale.to_ascii_lowercase();
        if lower.starts_with("fr") {
            Some(Self::Fr)
        } else if lower.starts_with("en") {
            Some(Self::En)
        } else {
            None
        }
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Fr => "fr",
            Self::En => "en",
        }
    }

    /// The language's own name.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Fr => "Français",
            Self::En => "English",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "fr" => Ok(Self::Fr),
            "en" => Ok(Self::En),
            other => Err(format!("unknown language {other:?} (fr or en)")),
        }
    }
}

/// A moment as the user reads it, in French time (Europe/Paris), whatever the computer's time zone:
/// the practice is in France and its records must read the same on every machine.
pub fn format_datetime(at: jiff::Timestamp, lang: Lang) -> String {
    let zoned = match jiff::tz::TimeZone::get("Europe/Paris") {
        Ok(tz) => at.to_zoned_datetime(tz),
        Err(_) => at.to_zoned_datetime(jiff::tz::TimeZone::UTC),
    };
    match lang {
        Lang::Fr => zoned.strftime("%d/%m/%Y à %H:%M (%Z)").to_string(),
        Lang::En => zoned.strftime("%Y-%m-%d %H:%M (%Z)").to_string(),
    }
}

/// The date of a moment in France (Europe/Paris).
pub fn date_of(at: jiff::Timestamp) -> jiff::civil::Date {
    match jiff::tz::TimeZone::get("Europe/Paris") {
        Ok(tz) => at.to_zoned_datetime(tz).date(),
        Err(_) => at.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
    }
}

/// Today's date in France, where due dates and deadlines are counted.
pub fn today() -> jiff::civil::Date {
    date_of(jiff::Timestamp::now())
}

/// A calendar date as the user reads it (`28/11/2026` in French, `2026-11-28` in English).
pub fn format_date(date: jiff::civil::Date, lang: Lang) -> String {
    match lang {
        Lang::Fr => date.strftime("%d/%m/%Y").to_string(),
        Lang::En => date.strftime("%Y-%m-%d").to_string(),
    }
}

/// Reads a date typed as `jj/mm/aaaa` (or `aaaa-mm-jj`).
pub fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    jiff::civil::Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// A size in bytes as the user reads it (`2,4 Mo`, `2.4 MB`).
pub fn format_size(bytes: u64, lang: Lang) -> String {
    let (value, fr, en) = if bytes >= 1024 * 1024 {
        (bytes as f64 / (1024.0 * 1024.0), "Mo", "MB")
    } else if bytes >= 1024 {
        (bytes as f64 / 1024.0, "Ko", "KB")
    } else {
        return match lang {
            Lang::Fr => format!("{bytes} o"),
            Lang::En => format!("{bytes} B"),
        };
    };
    match lang {
        Lang::Fr => format!("{value:.1} {fr}").replace('.', ","),
        Lang::En => format!("{value:.1} {en}"),
    }
}

impl T {
    /// Fills the `{name}` placeholders of this text.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        let mut out = self.get(lang).to_owned();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// The `{name}` placeholders of a text, sorted.
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
    fn every_text_exists_in_both_languages_with_the_same_placeholders() {
        let mut missing = Vec::new();
        for &t in T::ALL {
            let (fr, en) = (t.get(Lang::Fr), t.get(Lang::En));
            if fr.trim().is_empty() {
                missing.push(format!("{t:?}: French missing"));
            }
            if en.trim().is_empty() {
                missing.push(format!("{t:?}: English missing"));
            }
            if placeholders(fr) != placeholders(en) {
                missing.push(format!("{t:?}: placeholders differ"));
            }
        }
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn french_is_the_fallback() {
        assert_eq!(Lang::from_locale("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("de-DE"), None);
        assert_eq!(Lang::default(), Lang::Fr);
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(placeholders("{a} et {b}"), vec!["a", "b"]);
        let s = T::AutoLockMinutes.fill(Lang::Fr, &[("n", "10")]);
        assert!(s.contains("10") && !s.contains('{'), "{s}");
    }
}
