//! The language and how numbers, sizes and dates read in it. A leaf: it imports nothing from the crate.
//!
//! One number formatter ([`format_number`], with [`format_int`] for exact integers) groups digits and
//! writes the decimal separator of the language: French `48 213` (a NARROW NO-BREAK SPACE, U+202F,
//! between thousands) and `2,4`; English `48,213` and `2.4`. Sizes, percentages and the counts in texts
//! are built on it. Dates and moments read in French time (Europe/Paris).

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

    /// The thousands separator: U+202F NARROW NO-BREAK SPACE in French, a comma in English.
    pub fn group_separator(self) -> char {
        match self {
            Self::Fr => '\u{202F}',
            Self::En => ',',
        }
    }

    /// The decimal separator: a comma in French, a point in English.
    pub fn decimal_separator(self) -> char {
        match self {
            Self::Fr => ',',
            Self::En => '.',
        }
    }

    /// Whether `n` takes the singular ("one") form (CLDR): 0 and 1 in French, 1 only in English.
    pub fn plural_is_one(self, n: i128) -> bool {
        match self {
            Self::Fr => n == 0 || n == 1,
            Self::En => n == 1,
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

/// A whole number that [`format_int`] and the counts of texts accept.
pub trait Integer: Copy {
    /// The value, exactly.
    fn to_i128(self) -> i128;
}

macro_rules! integer {
    ($($t:ty),*) => {$(
        impl Integer for $t {
            fn to_i128(self) -> i128 {
                i128::from(self)
            }
        }
    )*};
}
integer!(u8, u16, u32, u64, i8, i16, i32, i64);

impl Integer for usize {
    fn to_i128(self) -> i128 {
        // usize is at most 64 bits on every target Rust supports, so it always fits.
        self as i128
    }
}

impl Integer for isize {
    fn to_i128(self) -> i128 {
        self as i128
    }
}

/// The digits `int` (ASCII, no sign) grouped by three, with the sign and decimals added.
fn assemble(negative: bool, int: &str, decimals: Option<&str>, lang: Lang) -> String {
    let mut out = String::with_capacity(int.len() * 2 + 4);
    if negative {
        out.push('-');
    }
    let first = int.len() % 3;
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (i + 3 - first).is_multiple_of(3) {
            out.push(lang.group_separator());
        }
        out.push(c);
    }
    if let Some(decimals) = decimals {
        out.push(lang.decimal_separator());
        out.push_str(decimals);
    }
    out
}

/// A number as the user reads it, rounded to `decimals` places: `1 234 567,9` (U+202F between
/// thousands) in French, `1,234,567.9` in English. Not-a-number and infinities are written as Rust does.
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let plain = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain.as_str(), None),
    };
    // A value that rounds to zero has no sign: -0.04 reads 0.0.
    let negative = value < 0.0 && plain.bytes().any(|b| matches!(b, b'1'..=b'9'));
    assemble(negative, int, frac, lang)
}

/// A whole number as the user reads it, exactly, digits grouped: `48 213` (U+202F) in French,
/// `48,213` in English.
pub fn format_int(value: impl Integer, lang: Lang) -> String {
    let value = value.to_i128();
    assemble(value < 0, &value.unsigned_abs().to_string(), None, lang)
}

/// A percentage (`42` → `42 %` with U+202F in French, `42%` in English), rounded to `decimals` places.
pub fn format_percent(value: f64, decimals: usize, lang: Lang) -> String {
    let number = format_number(value, decimals, lang);
    match lang {
        Lang::Fr => format!("{number}\u{202F}%"),
        Lang::En => format!("{number}%"),
    }
}

/// A size in bytes as the user reads it (`2,4 Mo`, `2.4 MB`; `1 023 o`, `1,023 B` below a kibibyte).
pub fn format_size(bytes: u64, lang: Lang) -> String {
    const UNITS: [(u64, &str, &str); 3] = [
        (1 << 30, "Go", "GB"),
        (1 << 20, "Mo", "MB"),
        (1 << 10, "Ko", "KB"),
    ];
    for (scale, fr, en) in UNITS {
        if bytes >= scale {
            let unit = if lang == Lang::Fr { fr } else { en };
            let value = format_number(bytes as f64 / scale as f64, 1, lang);
            return format!("{value} {unit}");
        }
    }
    let unit = if lang == Lang::Fr { "o" } else { "B" };
    format!("{} {unit}", format_int(bytes, lang))
}

/// A duration in seconds with one decimal, from milliseconds (`12,3 s`, `12.3 s`).
pub fn format_seconds(ms: u64, lang: Lang) -> String {
    format!("{} s", format_number(ms as f64 / 1000.0, 1, lang))
}

/// The time zone of French practices (UTC if the system has no time-zone database).
pub fn paris() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get("Europe/Paris").unwrap_or(jiff::tz::TimeZone::UTC)
}

/// A moment as the user reads it, in French time (Europe/Paris), whatever the computer's time zone:
/// the practice is in France and its records must read the same on every machine.
pub fn format_datetime(at: jiff::Timestamp, lang: Lang) -> String {
    let zoned = at.to_zoned_datetime(paris());
    match lang {
        Lang::Fr => zoned.strftime("%d/%m/%Y à %H:%M (%Z)").to_string(),
        Lang::En => zoned.strftime("%d/%m/%Y %H:%M (%Z)").to_string(),
    }
}

/// The date of a moment in France (Europe/Paris).
pub fn date_of(at: jiff::Timestamp) -> jiff::civil::Date {
    at.to_zoned_datetime(paris()).date()
}

/// Today's date in France, where due dates and deadlines are counted.
pub fn today() -> jiff::civil::Date {
    date_of(jiff::Timestamp::now())
}

/// A calendar date as the user reads it: `28/11/2026` in both languages, the format the date fields
/// take (one date format per language in the texts; the English of a French practice is British).
pub fn format_date(date: jiff::civil::Date, _lang: Lang) -> String {
    date.strftime("%d/%m/%Y").to_string()
}

/// The separator between the items of a list that hold commas: " ; " in French (the space before
/// is French typography's), "; " in English.
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " ; ",
        Lang::En => "; ",
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

/// The narrow no-break space (U+202F) French puts before `?`, `!`, `;` and inside `« »`.
pub const NARROW_NBSP: char = '\u{202F}';
/// The no-break space (U+00A0) French puts before `:`.
pub const NBSP: char = '\u{A0}';

/// French typography, the one function every French text of the window and the documents goes through
/// (the texts' table, the catalog, the PDFs): a narrow no-break space (U+202F) before `?`, `!`, `;` and
/// inside `« »`, a no-break space (U+00A0) before `:`, so that punctuation never wraps alone. An ordinary
/// space already there is replaced; a missing one is added only after a letter, a digit, `)` or `»`, and
/// only when the sign ends a word (so `http://`, `10:30`, `a;b` and `"clé": 1` are left as they are).
/// Applying it twice changes nothing. Other languages are returned unchanged by [`typeset`].
pub fn french_typography(text: &str) -> String {
    fn is_space(c: char) -> bool {
        matches!(c, ' ' | NBSP | NARROW_NBSP)
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let ends_word =
            next.is_none_or(|n| n.is_whitespace() || matches!(n, '»' | ')' | '"' | '\''));
        match c {
            '?' | '!' | ';' | ':' => {
                let space = if c == ':' { NBSP } else { NARROW_NBSP };
                let before = out.chars().last();
                if before.is_some_and(is_space) {
                    out.pop();
                    out.push(space);
                } else if ends_word
                    && before.is_some_and(|b| b.is_alphanumeric() || matches!(b, ')' | '»' | '…'))
                {
                    // After another sign ("?!"), nothing: one space before the first sign only.
                    out.push(space);
                }
                out.push(c);
            }
            '«' => {
                out.push(c);
                if next.is_some_and(|n| !is_space(n) && !n.is_whitespace()) {
                    out.push(NARROW_NBSP);
                }
            }
            '»' => {
                if out.chars().last().is_some_and(is_space) {
                    out.pop();
                    out.push(NARROW_NBSP);
                } else if !out.is_empty() && !out.ends_with(char::is_whitespace) {
                    out.push(NARROW_NBSP);
                }
                out.push(c);
            }
            ' ' | NBSP | NARROW_NBSP if out.ends_with('«') => out.push(NARROW_NBSP),
            _ => out.push(c),
        }
    }
    out
}

/// `text` with the typography of `lang` ([`french_typography`] for French; English unchanged).
pub fn typeset(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => french_typography(text),
        Lang::En => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NNBSP: char = '\u{202F}';

    #[test]
    fn french_typography_puts_the_right_space_before_high_signs() {
        let t = french_typography;
        assert_eq!(
            t("Avez-vous vérifié ? Oui ! Bien ; ensuite : rien."),
            "Avez-vous vérifié\u{202F}? Oui\u{202F}! Bien\u{202F}; ensuite\u{A0}: rien."
        );
        // A missing space is added after a word, a number, a parenthesis or a closing quote.
        assert_eq!(t("Prêt?"), "Prêt\u{202F}?");
        assert_eq!(t("(NAS): voir"), "(NAS)\u{A0}: voir");
        assert_eq!(t("2020: deux"), "2020\u{A0}: deux");
        // Quotes: a narrow no-break space inside, whether a space was there or not.
        assert_eq!(t("« DMZ »"), "«\u{202F}DMZ\u{202F}»");
        assert_eq!(t("«DMZ»"), "«\u{202F}DMZ\u{202F}»");
        assert_eq!(
            t("page « NAT/PAT » :"),
            "page «\u{202F}NAT/PAT\u{202F}»\u{A0}:"
        );
        // Addresses, times, code and the signs inside a word are left alone.
        for kept in [
            "http://192.168.1.1",
            "10:30",
            "a;b",
            "\"AuthenticationEnabled\": true",
            "net accounts /lockoutthreshold:5",
            "mafreebox.freebox.fr/api?x=1",
        ] {
            assert_eq!(t(kept), kept);
        }
        // A space is never doubled, and applying it twice changes nothing.
        let once = t("Quoi ?! « Bien » : oui ; non !");
        assert_eq!(t(&once), once);
        assert_eq!(
            once,
            "Quoi\u{202F}?! «\u{202F}Bien\u{202F}»\u{A0}: oui\u{202F}; non\u{202F}!"
        );
        // English is untouched.
        assert_eq!(typeset("Ready? Yes: “DMZ”", Lang::En), "Ready? Yes: “DMZ”");
        assert_eq!(typeset("Prêt ?", Lang::Fr), "Prêt\u{202F}?");
    }

    #[test]
    fn integers_are_grouped_by_three() {
        assert_eq!(format_int(48_213u32, Lang::Fr), format!("48{NNBSP}213"));
        assert_eq!(format_int(48_213u32, Lang::En), "48,213");
        assert_eq!(format_int(0u8, Lang::Fr), "0");
        assert_eq!(format_int(999usize, Lang::En), "999");
        assert_eq!(format_int(1000usize, Lang::En), "1,000");
        assert_eq!(format_int(-1_234_567i64, Lang::En), "-1,234,567");
        assert_eq!(
            format_int(-1_234_567i64, Lang::Fr),
            format!("-1{NNBSP}234{NNBSP}567")
        );
        assert_eq!(format_int(u64::MAX, Lang::En), "18,446,744,073,709,551,615");
        assert_eq!(format_int(i64::MIN, Lang::En), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn decimals_use_the_language_separator() {
        assert_eq!(
            format_number(1_234_567.891, 1, Lang::Fr),
            format!("1{NNBSP}234{NNBSP}567,9")
        );
        assert_eq!(format_number(1_234_567.891, 1, Lang::En), "1,234,567.9");
        assert_eq!(format_number(2.4, 1, Lang::Fr), "2,4");
        assert_eq!(format_number(2.4, 1, Lang::En), "2.4");
        assert_eq!(format_number(-2.45, 2, Lang::Fr), "-2,45");
        assert_eq!(format_number(-1234.5, 0, Lang::En), "-1,234");
        assert_eq!(format_number(0.0, 0, Lang::Fr), "0");
        assert_eq!(format_number(0.0, 1, Lang::Fr), "0,0");
        assert_eq!(format_number(-0.04, 1, Lang::En), "0.0");
        assert_eq!(format_number(999.96, 1, Lang::En), "1,000.0");
        assert_eq!(format_number(f64::NAN, 1, Lang::En), "NaN");
    }

    #[test]
    fn sizes_percentages_and_seconds() {
        assert_eq!(format_size(2_516_582, Lang::Fr), "2,4 Mo");
        assert_eq!(format_size(2_516_582, Lang::En), "2.4 MB");
        assert_eq!(format_size(1023, Lang::Fr), format!("1{NNBSP}023 o"));
        assert_eq!(format_size(1024, Lang::En), "1.0 KB");
        assert_eq!(format_size(8 * 1024 * 1024, Lang::Fr), "8,0 Mo");
        assert_eq!(format_size(5 << 30, Lang::En), "5.0 GB");
        assert_eq!(format_percent(42.0, 0, Lang::Fr), format!("42{NNBSP}%"));
        assert_eq!(format_percent(42.0, 0, Lang::En), "42%");
        assert_eq!(format_seconds(12_345, Lang::Fr), "12,3 s");
        assert_eq!(format_seconds(1_234_567, Lang::En), "1,234.6 s");
    }

    #[test]
    fn plural_forms_follow_cldr() {
        assert!(Lang::Fr.plural_is_one(0));
        assert!(Lang::Fr.plural_is_one(1));
        assert!(!Lang::Fr.plural_is_one(2));
        assert!(!Lang::En.plural_is_one(0));
        assert!(Lang::En.plural_is_one(1));
        assert!(!Lang::En.plural_is_one(2));
    }

    #[test]
    fn dates_read_in_each_language() {
        let date = jiff::civil::date(2026, 11, 28);
        assert_eq!(format_date(date, Lang::Fr), "28/11/2026");
        // One format per language, the one the date fields take (dd/mm/yyyy in English too).
        assert_eq!(format_date(date, Lang::En), "28/11/2026");
        assert_eq!(parse_date(" 28/11/2026 "), Some(date));
        assert_eq!(parse_date("2026-11-28"), Some(date));
        assert_eq!(parse_date("28/13/2026"), None);
        let at: jiff::Timestamp = "2026-07-01T10:00:00Z".parse().expect("a valid timestamp");
        assert_eq!(format_datetime(at, Lang::Fr), "01/07/2026 à 12:00 (CEST)");
        assert_eq!(format_datetime(at, Lang::En), "01/07/2026 12:00 (CEST)");
        assert_eq!(["a, b", "c"].join(list_separator(Lang::En)), "a, b; c");
        assert_eq!(date_of(at), jiff::civil::date(2026, 7, 1));
    }

    #[test]
    fn french_is_the_fallback() {
        assert_eq!(Lang::from_locale("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("de-DE"), None);
        assert_eq!(Lang::default(), Lang::Fr);
    }
}
