//! The recovery code: a second key to the vault, shown once at creation, written down or printed.
//!
//! 32 characters in 8 groups of 4 (`7K2M-…`), from Crockford's base-32 alphabet (no I, L, O, U, so that
//! nothing reads as another letter). Each group is 3 random characters and 1 check character, so the code
//! holds 120 random bits and a typo is caught *and located* ("group 3") before any slow key derivation.
//!
//! The check character is the Damm algorithm over the field GF(32) (x ∗ y = 2·x + y): it catches every
//! single wrong character and every swap of two neighbours. The running value starts from the group's
//! number, so two swapped groups are caught too. It is a dozen lines; no maintained crate offers a check
//! digit over base 32, so it is written here.

use std::fmt;
use zeroize::Zeroizing;

/// Crockford's base-32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Number of groups in a code.
pub const GROUPS: usize = 8;
/// Characters per group, the last one being the check character.
pub const GROUP_LEN: usize = 4;
const DATA_PER_GROUP: usize = GROUP_LEN - 1;

/// A complete, well-formed recovery code (its check characters are right).
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode {
    /// 32 symbols, each 0..32.
    symbols: Zeroizing<Vec<u8>>,
}

/// Why a typed recovery code was refused before trying it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecoveryCodeError {
    /// Too few or too many characters.
    #[error("a recovery code has {expected} characters, not {found}")]
    WrongLength {
        /// Characters expected (letters and digits, separators not counted).
        expected: usize,
        /// Characters found.
        found: usize,
    },
    /// A character that cannot appear in a code.
    #[error("the character {0:?} cannot appear in a recovery code")]
    BadCharacter(char),
    /// The check character of this group (counted from 1) does not match.
    #[error("group {0} is mistyped")]
    GroupMistyped(usize),
}

/// Multiplication by 2 in GF(32) with the polynomial x⁵ + x² + 1.
fn double(x: u8) -> u8 {
    let shifted = x << 1;
    if shifted & 0x20 != 0 {
        (shifted ^ 0x25) & 0x1f
    } else {
        shifted
    }
}

/// The Damm running value after `symbols`, starting from the group number.
fn damm(group: usize, symbols: &[u8]) -> u8 {
    // group < 8, so the start value fits in 5 bits.
    let mut interim = (group as u8 + 1) & 0x1f;
    for &s in symbols {
        interim = double(interim) ^ s;
    }
    interim
}

fn symbol_of(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|&a| a as char == c)
        .map(|p| p as u8)
}

impl RecoveryCode {
    /// A fresh code from the system's random number generator.
    pub fn generate() -> Result<Self, getrandom::Error> {
        let mut random = Zeroizing::new([0u8; GROUPS * DATA_PER_GROUP]);
        getrandom::fill(random.as_mut_slice())?;
        let mut symbols = Zeroizing::new(Vec::with_capacity(GROUPS * GROUP_LEN));
        for (g, chunk) in random.chunks(DATA_PER_GROUP).enumerate() {
            let data: Vec<u8> = chunk.iter().map(|b| b & 0x1f).collect();
            symbols.extend_from_slice(&data);
            symbols.push(double(damm(g, &data)));
        }
        Ok(Self { symbols })
    }

    /// Reads a code as a person typed it: case, spaces, dashes and the look-alikes O/0, I/L/1 do not matter.
    pub fn parse(text: &str) -> Result<Self, RecoveryCodeError> {
        let mut symbols = Zeroizing::new(Vec::with_capacity(GROUPS * GROUP_LEN));
        for c in text.chars() {
            if c.is_whitespace() || c == '-' || c == '.' {
                continue;
            }
            symbols.push(symbol_of(c).ok_or(RecoveryCodeError::BadCharacter(c))?);
        }
        if symbols.len() != GROUPS * GROUP_LEN {
            return Err(RecoveryCodeError::WrongLength {
                expected: GROUPS * GROUP_LEN,
                found: symbols.len(),
            });
        }
        for (g, group) in symbols.chunks(GROUP_LEN).enumerate() {
            if damm(g, group) != 0 {
                return Err(RecoveryCodeError::GroupMistyped(g + 1));
            }
        }
        Ok(Self { symbols })
    }

    /// The canonical text, `XXXX-XXXX-…`, used both for display and as key material.
    pub fn to_text(&self) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::with_capacity(GROUPS * (GROUP_LEN + 1)));
        for (i, &s) in self.symbols.iter().enumerate() {
            if i > 0 && i % GROUP_LEN == 0 {
                out.push('-');
            }
            out.push(ALPHABET[s as usize] as char);
        }
        out
    }

    /// The code's groups, for a large display.
    pub fn groups(&self) -> Vec<String> {
        self.to_text().split('-').map(str::to_owned).collect()
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_parse_back() {
        for _ in 0..200 {
            let code = RecoveryCode::generate().expect("rng");
            let text = code.to_text();
            assert_eq!(text.len(), GROUPS * GROUP_LEN + GROUPS - 1);
            assert_eq!(RecoveryCode::parse(&text).expect("valid"), code);
            let sloppy = text.to_lowercase().replace('-', " ").replace('0', "o");
            assert_eq!(RecoveryCode::parse(&sloppy).expect("lenient"), code);
        }
    }

    #[test]
    fn every_single_substitution_is_caught_and_located() {
        let code = RecoveryCode::generate().expect("rng");
        let text: Vec<char> = code.to_text().chars().filter(|c| *c != '-').collect();
        for pos in 0..text.len() {
            for &replacement in ALPHABET {
                let replacement = replacement as char;
                if replacement == text[pos] {
                    continue;
                }
                let mut typo = text.clone();
                typo[pos] = replacement;
                let typed: String = typo.into_iter().collect();
                assert_eq!(
                    RecoveryCode::parse(&typed),
                    Err(RecoveryCodeError::GroupMistyped(pos / GROUP_LEN + 1)),
                    "substitution at {pos} not caught"
                );
            }
        }
    }

    #[test]
    fn every_adjacent_swap_and_group_swap_is_caught() {
        for _ in 0..50 {
            let code = RecoveryCode::generate().expect("rng");
            let text: Vec<char> = code.to_text().chars().filter(|c| *c != '-').collect();
            for pos in 0..text.len() - 1 {
                if text[pos] == text[pos + 1] {
                    continue;
                }
                let mut typo = text.clone();
                typo.swap(pos, pos + 1);
                let typed: String = typo.into_iter().collect();
                assert!(
                    RecoveryCode::parse(&typed).is_err(),
                    "swap at {pos} not caught"
                );
            }
            let groups = code.groups();
            if groups[0] != groups[1] {
                let swapped = [&groups[1], &groups[0]]
                    .into_iter()
                    .chain(&groups[2..])
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("-");
                assert!(RecoveryCode::parse(&swapped).is_err());
            }
        }
    }

    #[test]
    fn wrong_length_and_characters_are_named() {
        assert!(matches!(
            RecoveryCode::parse("ABCD-EFGH"),
            Err(RecoveryCodeError::WrongLength { found: 8, .. })
        ));
        assert_eq!(
            RecoveryCode::parse("ABCU"),
            Err(RecoveryCodeError::BadCharacter('U'))
        );
    }
}
