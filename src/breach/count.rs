//! An approximate number, as the CNIL asks for ("nombre approximatif de personnes"): what the user typed
//! ("environ 25", "25 à 30", "plus de 1 000") kept word for word, with the range it means.
//!
//! An exact number whose text is just its digits is written in the chain as a bare JSON number, as the
//! register wrote counts before ranges existed, so that those events keep their bytes and their hash;
//! any other count is written as `{"low":…,"high":…,"text":"…"}` (`high` left out when there is no
//! upper bound).

use serde::{Deserialize, Serialize};

/// The largest count accepted (far beyond any practice's patients).
pub const MAX_COUNT: u64 = 1_000_000_000_000;

/// An approximate number: a range and the text typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Count {
    /// The lowest value meant ("plus de 1 000": 1 000).
    pub low: u64,
    /// The highest value meant; `None` when open ("plus de 1 000").
    pub high: Option<u64>,
    /// The text as typed, trimmed ("environ 25"); the digits alone for an exact number.
    pub text: String,
}

/// Why a count does not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CountError {
    /// No number in it, or words Vigie does not understand.
    #[error("not a number, an approximate number or a range")]
    NotACount,
    /// A range whose end is below its start.
    #[error("the range ends below its start")]
    Reversed,
    /// Beyond [`MAX_COUNT`].
    #[error("the number is too large")]
    TooLarge,
}

impl Count {
    /// An exact number.
    pub fn exact(n: u64) -> Self {
        Self {
            low: n,
            high: Some(n),
            text: n.to_string(),
        }
    }

    /// Whether this is an exact number typed as its digits (written as a bare number in the chain).
    pub fn is_plain(&self) -> bool {
        self.high == Some(self.low) && self.text == self.low.to_string()
    }

    /// Reads what the user typed: a number ("25", "1 800", "1.800"), an approximate one ("environ 25",
    /// "about 25", "~25", "25 env."), a range ("25 à 30", "25-30", "between 25 and 30"), a lower bound
    /// ("plus de 1 000", "au moins 1000", "> 1000", "over 1,000") or an upper one ("moins de 50").
    /// `None` for an empty text.
    pub fn parse(text: &str) -> Result<Option<Self>, CountError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let lower = text.to_lowercase();
        let numbers = numbers(&lower)?;
        let words: String = lower
            .chars()
            .map(|c| {
                if c.is_alphabetic() || c == '>' || c == '<' {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        let words: Vec<&str> = words.split_whitespace().collect();
        let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
        let known = [
            "environ",
            "env",
            "about",
            "around",
            "approximately",
            "approx",
            "circa",
            "ca",
            "à",
            "a",
            "to",
            "and",
            "et",
            "entre",
            "between",
            "plus",
            "de",
            "more",
            "than",
            "over",
            "au",
            "moins",
            "at",
            "least",
            "less",
            "under",
            "fewer",
            "up",
            "jusqu",
            "qu",
            ">",
            "<",
            "personnes",
            "people",
            "patients",
            "dossiers",
            "records",
            "fichiers",
            "files",
            "images",
            "examens",
        ];
        if words.iter().any(|w| !known.contains(w)) {
            return Err(CountError::NotACount);
        }
        let upper_only =
            has(&["moins", "less", "under", "fewer", "<", "jusqu"]) && !has(&["au", "least"]);
        let lower_only = has(&["plus", "more", "over", ">"]) || has(&["least"]) || {
            // "au moins" (at least).
            has(&["au"]) && has(&["moins"])
        };
        let (low, high) = match numbers.as_slice() {
            [n] if lower_only => (*n, None),
            [n] if upper_only => (0, Some(*n)),
            [n] => (*n, Some(*n)),
            [a, b] if !lower_only && !upper_only => {
                if b < a {
                    return Err(CountError::Reversed);
                }
                (*a, Some(*b))
            }
            _ => return Err(CountError::NotACount),
        };
        let plain = numbers.len() == 1 && words.is_empty() && !lower.contains('~');
        Ok(Some(Self {
            low,
            high,
            text: if plain {
                low.to_string()
            } else {
                text.to_owned()
            },
        }))
    }
}

/// The numbers in `text`: digits with spaces, dots, commas or apostrophes between groups of three
/// ("1 000", "1.000", "1,000", "1'000"); a dash between two numbers is a range.
fn numbers(text: &str) -> Result<Vec<u64>, CountError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                digits.push(c);
                i += 1;
            } else if matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '.' | ',' | '\'')
                && chars.get(i + 1..i + 4).is_some_and(|g| {
                    g.iter().all(char::is_ascii_digit)
                        && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
                })
            {
                // A thousands separator: exactly three digits follow.
                i += 1;
            } else {
                break;
            }
        }
        let n: u64 = digits.parse().map_err(|_err| CountError::TooLarge)?;
        if n > MAX_COUNT {
            return Err(CountError::TooLarge);
        }
        out.push(n);
    }
    if out.is_empty() {
        return Err(CountError::NotACount);
    }
    Ok(out)
}

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[derive(Serialize, Deserialize)]
struct Ranged<'a> {
    low: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    high: Option<u64>,
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
}

impl Serialize for Count {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_plain() {
            s.serialize_u64(self.low)
        } else {
            Ranged {
                low: self.low,
                high: self.high,
                text: std::borrow::Cow::Borrowed(&self.text),
            }
            .serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Plain(u64),
            Ranged {
                low: u64,
                #[serde(default)]
                high: Option<u64>,
                text: String,
            },
        }
        Ok(match Either::deserialize(d)? {
            Either::Plain(n) => Self::exact(n),
            Either::Ranged { low, high, text } => Self { low, high, text },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(text: &str) -> (u64, Option<u64>, String) {
        let c = Count::parse(text).expect("reads").expect("not empty");
        (c.low, c.high, c.text)
    }

    #[test]
    fn exact_approximate_ranges_and_bounds_are_read_and_kept_as_typed() {
        assert_eq!(range("25"), (25, Some(25), "25".into()));
        assert_eq!(range(" 1 800 "), (1800, Some(1800), "1800".into()));
        assert_eq!(range("environ 25"), (25, Some(25), "environ 25".into()));
        assert_eq!(range("~25"), (25, Some(25), "~25".into()));
        assert_eq!(range("25 à 30"), (25, Some(30), "25 à 30".into()));
        assert_eq!(range("25-30"), (25, Some(30), "25-30".into()));
        assert_eq!(range("plus de 1 000"), (1000, None, "plus de 1 000".into()));
        assert_eq!(
            range("au moins 1.000"),
            (1000, None, "au moins 1.000".into())
        );
        assert_eq!(
            range("more than 1,000"),
            (1000, None, "more than 1,000".into())
        );
        assert_eq!(range("moins de 50"), (0, Some(50), "moins de 50".into()));
        assert_eq!(Count::parse("  "), Ok(None));
        assert_eq!(Count::parse("beaucoup"), Err(CountError::NotACount));
        assert_eq!(Count::parse("30 à 25"), Err(CountError::Reversed));
        assert_eq!(Count::parse("1 2 3"), Err(CountError::NotACount));
        assert_eq!(
            Count::parse("99999999999999999999999"),
            Err(CountError::TooLarge)
        );
    }

    #[test]
    fn a_plain_number_keeps_the_bytes_of_the_old_format_and_a_range_round_trips() {
        let plain = Count::parse("60").expect("reads").expect("some");
        assert_eq!(serde_json::to_string(&plain).expect("json"), "60");
        let old: Count = serde_json::from_str("60").expect("old format");
        assert_eq!(old, plain);
        let ranged = Count::parse("plus de 1 000").expect("reads").expect("some");
        let json = serde_json::to_string(&ranged).expect("json");
        assert_eq!(json, r#"{"low":1000,"text":"plus de 1 000"}"#);
        assert_eq!(serde_json::from_str::<Count>(&json).expect("back"), ranged);
        let about = Count::parse("environ 25").expect("reads").expect("some");
        let json = serde_json::to_string(&about).expect("json");
        assert_eq!(json, r#"{"low":25,"high":25,"text":"environ 25"}"#);
        let ron = ron::to_string(&about).expect("ron");
        assert_eq!(ron::from_str::<Count>(&ron).expect("back"), about);
        let ron = ron::to_string(&plain).expect("ron");
        assert_eq!(ron::from_str::<Count>(&ron).expect("back"), plain);
    }
}
