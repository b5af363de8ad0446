//! Finding the glossary's terms in a text: the window underlines them (a click opens the explanation),
//! the catalog test refuses a question whose jargon the glossary does not explain.

use super::catalog::Term;

/// A piece of a text: plain, or a glossary term as written in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Ordinary text.
    Plain(&'a str),
    /// A term of the glossary, as written, and the entry it refers to.
    Term(&'a str, &'a Term),
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// `text` cut into plain pieces and glossary terms: whole words only, the longest form first, and only
/// the first occurrence of each term (one underline per term and text is enough).
pub fn segments<'a>(text: &'a str, glossary: &'a [Term]) -> Vec<Segment<'a>> {
    let mut forms: Vec<(&str, &Term)> = glossary
        .iter()
        .flat_map(|t| t.forms.iter().map(move |f| (f.as_str(), t)))
        .collect();
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    while i < text.len() {
        let at_word_start = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let found = at_word_start
            .then(|| {
                forms.iter().find(|(f, t)| {
                    text[i..].starts_with(f)
                        && text[i + f.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !is_word_char(c))
                        && !seen.contains(&t.id.as_str())
                })
            })
            .flatten();
        if let Some(&(form, term)) = found {
            if plain_start < i {
                out.push(Segment::Plain(&text[plain_start..i]));
            }
            out.push(Segment::Term(&text[i..i + form.len()], term));
            seen.push(term.id.as_str());
            i += form.len();
            plain_start = i;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if plain_start < text.len() {
        out.push(Segment::Plain(&text[plain_start..]));
    }
    out
}

/// The words of `jargon` found in `text` (whole words) that no glossary term covers.
pub fn unexplained<'a>(text: &str, glossary: &[Term], jargon: &[&'a str]) -> Vec<&'a str> {
    // Every occurrence counts here, not only the first: blank out each covered form, then look.
    let mut rest = text.to_owned();
    let mut forms: Vec<&str> = glossary
        .iter()
        .flat_map(|t| t.forms.iter().map(String::as_str))
        .collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    for f in forms {
        rest = replace_words(&rest, f);
    }
    jargon
        .iter()
        .copied()
        .filter(|w| !replace_words(&rest, w).eq(&rest))
        .collect()
}

/// `text` with every whole-word occurrence of `word` blanked out.
fn replace_words(text: &str, word: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let before_ok = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        if before_ok
            && text[i..].starts_with(word)
            && text[i + word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c))
        {
            out.push_str(&" ".repeat(word.len()));
            i += word.len();
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Text;

    fn term(id: &str, forms: &[&str]) -> Term {
        let t = Text {
            fr: id.into(),
            en: id.into(),
        };
        Term {
            id: id.into(),
            forms: forms.iter().map(|f| (*f).to_owned()).collect(),
            term: t.clone(),
            definition: t,
        }
    }

    #[test]
    fn terms_are_whole_words_longest_first_once() {
        let g = [term("cps", &["CPS", "e-CPS"]), term("nas", &["NAS"])];
        let s = segments("Votre e-CPS, votre NAS et le NASDAQ, encore un NAS.", &g);
        assert_eq!(
            s,
            [
                Segment::Plain("Votre "),
                Segment::Term("e-CPS", &g[0]),
                Segment::Plain(", votre "),
                Segment::Term("NAS", &g[1]),
                Segment::Plain(" et le NASDAQ, encore un NAS."),
            ]
        );
        assert_eq!(segments("", &g), []);
        assert_eq!(
            unexplained("Un NAS et un PACS ?", &g, &["NAS", "PACS", "VPN"]),
            ["PACS"]
        );
        assert!(unexplained("NASDAQ", &g, &["NAS"]).is_empty());
    }
}
