//! Text normalisation for comparing learners' answers and for building
//! French slugs: case, accents, extra spaces and French typographic variants
//! (apostrophes, guillemets, dashes, no-break spaces) do not count. Also the
//! Damerau–Levenshtein "one typo" test used by `faute-permise : oui`.
//!
//! Answer comparison builds on `crate::text` (one normaliser, one typo
//! test for the whole crate) and adds what scoring needs on top: quotes and
//! final punctuation do not count.

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

/// Normalises an answer for comparison: [`crate::text::normalize_answer`]
/// (case, accents, typographic variants, spaces), then quotes and guillemets
/// dropped and final punctuation (`. ! ? ; : ,`) ignored, so that « Oui ! »
/// and oui compare equal.
pub fn normalize_answer(s: &str) -> String {
    let base = crate::text::normalize_answer(s).replace('"', " ");
    let collapsed: Vec<&str> = base.split(' ').filter(|w| !w.is_empty()).collect();
    let joined = collapsed.join(" ");
    joined.trim_end_matches(['.', '!', '?', ';', ':', ',', ' ']).trim_start().to_string()
}

/// Number of letters and digits in `s`.
pub fn letter_count(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

pub use crate::text::within_one_typo;

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
