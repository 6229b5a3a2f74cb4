//! Text normalisation for comparing learners' answers and for building
//! French slugs: case, accents, extra spaces and French typographic variants
//! (apostrophes, guillemets, dashes, no-break spaces) do not count. Also the
//! Damerau–Levenshtein "one typo" test used by `faute-permise : oui`.
//!
//! This is private to the lesson code so that the compiler and the scorer
//! agree; it does not depend on `crate::text`.

/// Folds one lowercase character to its unaccented form, pushing the result.
fn fold_char(c: char, out: &mut String) {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ţ' | 'ť' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        // combining diacritical marks (decomposed input)
        '\u{0300}'..='\u{036f}' => "",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(s);
}

/// Lowercase + accent folding, nothing else.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            fold_char(l, &mut out);
        }
    }
    out
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\u{200a}' | '\u{2060}' | '\u{feff}')
}

/// Normalises an answer for comparison: lowercase, no accents, typographic
/// apostrophes → `'`, dashes → `-` (without spaces around), guillemets and
/// quotes removed, any run of spaces (including no-break spaces) → one space,
/// trimmed, and final punctuation (`. ! ? ; : ,`) dropped.
pub fn normalize_answer(s: &str) -> String {
    let folded = fold(s);
    let mut tmp = String::with_capacity(folded.len());
    for c in folded.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}' | '`' | '\u{00b4}' | '\u{201b}' => tmp.push('\''),
            '«' | '»' | '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2039}' | '\u{203a}' => tmp.push(' '),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => tmp.push('-'),
            c if is_space(c) => tmp.push(' '),
            c if c.is_control() => {}
            c => tmp.push(c),
        }
    }
    // collapse spaces, drop spaces around dashes and after apostrophes
    let mut out = String::with_capacity(tmp.len());
    for word in tmp.split(' ').filter(|w| !w.is_empty()) {
        let glue = out.ends_with('-') || out.ends_with('\'') || word.starts_with('-');
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(word);
    }
    let trimmed = out.trim_end_matches(['.', '!', '?', ';', ':', ',', ' ', '…']);
    trimmed.trim_start().to_string()
}

/// Number of letters and digits in `s`.
pub fn letter_count(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Whether `a` and `b` are at most one edit apart (insertion, deletion,
/// substitution or transposition of two adjacent characters).
pub fn within_one_typo(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    // common prefix
    let mut i = 0;
    while i < la && i < lb && a[i] == b[i] {
        i += 1;
    }
    if la == lb {
        // substitution
        if a[i + 1..] == b[i + 1..] {
            return true;
        }
        // transposition
        i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
    } else if la > lb {
        a[i + 1..] == b[i..]
    } else {
        a[i..] == b[i + 1..]
    }
}

/// A French slug: folded, letters and digits kept, everything else becomes
/// one `-`, no leading or trailing `-`.
pub fn slug(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers() {
        let cases = [
            ("  Soixante\u{a0}DIX ", "soixante dix"),
            ("l’auteur", "l'auteur"),
            ("l' auteur", "l'auteur"),
            ("« Wikipédia »", "wikipedia"),
            ("\"Wikipedia\"", "wikipedia"),
            ("CC BY – NC", "cc by-nc"),
            ("CC BY—NC", "cc by-nc"),
            ("cc by-nc.", "cc by-nc"),
            ("Œuvre", "oeuvre"),
            ("e\u{301}te\u{301}", "ete"),
            ("a\u{202f}!", "a"),
            ("", ""),
        ];
        for (a, b) in cases {
            assert_eq!(normalize_answer(a), b, "{a:?}");
        }
    }

    #[test]
    fn typos() {
        assert!(within_one_typo("licence", "licence"));
        assert!(within_one_typo("licence", "lisence"));
        assert!(within_one_typo("licence", "licnece"));
        assert!(within_one_typo("licence", "licencee"));
        assert!(within_one_typo("licence", "licenc"));
        assert!(within_one_typo("licence", "ilcence"));
        assert!(!within_one_typo("licence", "lisense"));
        assert!(!within_one_typo("licence", "licen"));
        assert!(within_one_typo("", "a"));
        assert!(!within_one_typo("ab", "cd"));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Qu’est-ce qu’un « commun » ?"), "qu-est-ce-qu-un-commun");
        assert_eq!(slug("À retenir"), "a-retenir");
        assert_eq!(slug("!!!"), "");
        assert_eq!(slug("Œuvres & Données"), "oeuvres-donnees");
    }
}
