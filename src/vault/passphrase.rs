//! The passphrase policy for *new* passphrases, as a type: a [`NewPassphrase`] can only hold an acceptable one.
//!
//! Opening a vault accepts whatever the user types; only creating a vault or changing its passphrase goes
//! through this policy. Strength is estimated with `zxcvbn` (Dropbox's estimator), which knows common
//! passwords, keyboard patterns and dates, rather than counting character classes.

use zeroize::Zeroizing;

/// Fewest characters accepted for a new passphrase.
pub const MIN_CHARS: usize = 12;
/// Lowest zxcvbn score (0–4) accepted for a new passphrase.
pub const MIN_SCORE: u8 = 3;

/// A passphrase that meets the policy, wiped from memory when dropped.
#[derive(Clone)]
pub struct NewPassphrase(Zeroizing<String>);

/// Why a new passphrase was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseProblem {
    /// Shorter than [`MIN_CHARS`].
    #[error("it has {0} characters; at least {MIN_CHARS} are needed")]
    TooShort(usize),
    /// Long enough but easy to guess (a common phrase, a pattern, a date…).
    #[error("it is too easy to guess (strength {0} of 4; {MIN_SCORE} needed)")]
    TooGuessable(u8),
    /// The confirmation differs from the passphrase.
    #[error("the two passphrases differ")]
    Mismatch,
}

/// An estimate of a passphrase's strength, for the strength meter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strength {
    /// zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess).
    pub score: u8,
    /// Characters counted.
    pub chars: usize,
}

/// Estimates a passphrase's strength. `context` holds words the user is likely to reuse (practice name,
/// practitioner's name) and that should not count as strength.
pub fn strength(passphrase: &str, context: &[&str]) -> Strength {
    let chars = passphrase.chars().count();
    let score = if passphrase.is_empty() {
        0
    } else {
        u8::from(zxcvbn::zxcvbn(passphrase, context).score())
    };
    Strength { score, chars }
}

/// `text` in Unicode normalization form C (composed: "é" as one character).
pub fn nfc(text: &str) -> Zeroizing<String> {
    use unicode_normalization::UnicodeNormalization as _;
    Zeroizing::new(text.nfc().collect())
}

impl NewPassphrase {
    /// Accepts a passphrase and its confirmation if they match and meet the policy.
    pub fn parse(
        passphrase: &str,
        confirmation: &str,
        context: &[&str],
    ) -> Result<Self, PassphraseProblem> {
        // The same passphrase typed on two keyboards (an accent as one character, or as a letter and a
        // combining accent) is the same passphrase: compared and kept in Unicode NFC.
        let passphrase = nfc(passphrase);
        if *passphrase != *nfc(confirmation) {
            return Err(PassphraseProblem::Mismatch);
        }
        let passphrase: &str = &passphrase;
        let s = strength(passphrase, context);
        if s.chars < MIN_CHARS {
            return Err(PassphraseProblem::TooShort(s.chars));
        }
        if s.score < MIN_SCORE {
            return Err(PassphraseProblem::TooGuessable(s.score));
        }
        Ok(Self(Zeroizing::new(passphrase.to_owned())))
    }

    /// The passphrase's text.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassphrase(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy() {
        assert_eq!(
            NewPassphrase::parse("short", "short", &[]).map(|_| ()),
            Err(PassphraseProblem::TooShort(5))
        );
        assert!(matches!(
            NewPassphrase::parse("passwordpassword", "passwordpassword", &[]),
            Err(PassphraseProblem::TooGuessable(_))
        ));
        assert_eq!(
            NewPassphrase::parse("cheval-agrafe-lune-27", "cheval-agrafe-lune-28", &[]).map(|_| ()),
            Err(PassphraseProblem::Mismatch)
        );
        assert!(
            NewPassphrase::parse("cheval-agrafe-lune-27", "cheval-agrafe-lune-27", &[]).is_ok()
        );
    }

    #[test]
    fn context_words_do_not_count() {
        let alone = strength("CabinetDupont2026", &[]);
        let with_context = strength("CabinetDupont2026", &["Cabinet", "Dupont"]);
        assert!(with_context.score <= alone.score);
    }
}
