//! Comparison forms of text: [`fold`] (case and accents), [`loose_form`]
//! (also typography and spacing) and [`answer_form`] (also quotes and final
//! punctuation, for scoring), built on one accent-folding table.
//!
//! Every form is for comparison only, never for display, and each one is the
//! previous one plus a few more things that do not count, so two texts equal
//! under a form are equal under the next one.

/// Lowercase, then accents folded (`é` → `e`, `ç` → `c`, `œ` → `oe`, `æ` →
/// `ae`, `ß` → `ss`; combining diacritical marks dropped, so decomposed input
/// folds the same way). Nothing else changes: spaces, punctuation and
/// apostrophes stay as written.
///
/// For the keywords authors write (activity types, field names, callout and
/// glossary names) and for [`crate::text::slug`].
///
/// ```
/// use communs_core::text::fold;
/// assert_eq!(fold("Activité ÉCRITE"), "activite ecrite");
/// assert_eq!(fold("Œuvre d’Ælla"), "oeuvre d’aella");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            fold_accent(l, &mut out);
        }
    }
    out
}

/// Loose comparison form of free text: [`fold`], plus
/// 1. every Unicode whitespace (including NBSP U+00A0, NNBSP U+202F, thin
///    spaces, tabs, newlines) becomes a plain space; zero-width characters and
///    soft hyphens are dropped;
/// 2. typographic variants are unified: `’ ‘ ‛ ′ ʼ`, backquote and acute
///    accent → `'`, `« » “ ” „ ‟ ‹ › ″` → `"`, `– — ‐ ‑ ‒ − ―` → `-`,
///    `…` → `...`;
/// 3. spaces trimmed, runs of spaces collapsed to one, and spaces next to
///    punctuation (`, . ; : ! ? ' " - ( ) [ ] { } /`) removed, so that
///    « l’eau » and "l' eau" compare equal.
///
/// For the catalogue search and for grouping the words of a word cloud; the
/// base of [`answer_form`].
///
/// ```
/// use communs_core::text::loose_form;
/// assert_eq!(loose_form("  L’Été\u{a0}! "), "l'ete!");
/// assert_eq!(loose_form("« Bonjour »"), "\"bonjour\"");
/// assert_eq!(loose_form("peut – être"), "peut-etre");
/// ```
pub fn loose_form(input: &str) -> String {
    // Pass 1: map characters, whitespace to plain spaces.
    let mut mapped = String::with_capacity(input.len());
    for c in input.chars() {
        if c.is_whitespace() {
            mapped.push(' ');
            continue;
        }
        match c {
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            '\u{2019}' | '\u{2018}' | '\u{201b}' | '\u{2032}' | '\u{2bc}' | '`' | '\u{b4}' => mapped.push('\''),
            '\u{ab}' | '\u{bb}' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2039}' | '\u{203a}' | '\u{2033}' => {
                mapped.push('"')
            }
            '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' | '\u{2015}' => mapped.push('-'),
            '\u{2026}' => mapped.push_str("..."),
            _ => {
                for l in c.to_lowercase() {
                    fold_accent(l, &mut mapped);
                }
            }
        }
    }
    // Pass 2: collapse spaces, drop spaces at the ends and next to punctuation.
    let mut out = String::with_capacity(mapped.len());
    let mut pending_space = false;
    for c in mapped.chars() {
        if c == ' ' {
            pending_space = true;
            continue;
        }
        if pending_space {
            let prev_is_punct = out.chars().next_back().is_some_and(is_spacing_punct);
            if !out.is_empty() && !prev_is_punct && !is_spacing_punct(c) {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// What scoring compares: [`loose_form`], then quotes and guillemets dropped
/// and final punctuation (`. ! ? ; : ,`) ignored, so that « Oui ! » and oui
/// compare equal.
///
/// For a learner's typed answer (short answer, fill-in blank) and the
/// accepted answers it is compared with; an accepted answer whose form is
/// empty can never be given, and the compiler reports it. Quotes are
/// replaced after the spaces next to punctuation were removed, so `a "-" b`
/// keeps its spaces (`a - b`): kept as it is, so that every answer accepted
/// so far stays accepted.
///
/// ```
/// use communs_core::text::answer_form;
/// assert_eq!(answer_form("« Wikipédia » !"), "wikipedia");
/// assert_eq!(answer_form("L’auteur."), "l'auteur");
/// ```
pub fn answer_form(s: &str) -> String {
    let base = loose_form(s).replace('"', " ");
    let words: Vec<&str> = base.split(' ').filter(|w| !w.is_empty()).collect();
    let joined = words.join(" ");
    joined.trim_end_matches(['.', '!', '?', ';', ':', ',', ' ']).trim_start().to_string()
}

/// Number of letters and digits in `s` (scoring allows a typo only in
/// accepted answers long enough).
pub fn letter_count(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Punctuation next to which spaces are not significant.
fn is_spacing_punct(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '\'' | '"' | '-' | '(' | ')' | '[' | ']' | '{' | '}' | '/')
}

/// The one accent-folding table: pushes the folded form of a lowercase
/// character. Latin letters with diacritics lose them, ligatures are spelt
/// out (`œ` → `oe`, `æ` → `ae`, `ß` → `ss`, `þ` → `th`); everything else is
/// kept as it is.
fn fold_accent(c: char, out: &mut String) {
    // Combining diacritical marks (decomposed input): dropped.
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return;
    }
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'æ' => "ae",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::splitmix64;

    #[test]
    fn fold_table() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("Activité", "activite"),
            ("ÉCRITE", "ecrite"),
            ("à â ä ç é è ê ë î ï ô ö ù û ü ÿ", "a a a c e e e e i i o o u u u y"),
            ("ŒUVRE Cæsar Straße", "oeuvre caesar strasse"),
            ("Łódź Þór Ðis Țara", "lodz thor dis tara"),
            ("e\u{301}te\u{301}", "ete"),
            // Only case and accents: spaces, apostrophes and quotes stay.
            ("  L’Été\u{a0}! ", "  l’ete\u{a0}! "),
            ("« a »", "« a »"),
            ("日本", "日本"),
        ];
        crate::text::assert_table("fold", fold, cases);
    }

    #[test]
    fn loose_form_table() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("   ", ""),
            ("Bonjour", "bonjour"),
            ("  Léa  ", "lea"),
            ("L’eau", "l'eau"),
            ("l' eau", "l'eau"),
            ("l ‘eau", "l'eau"),
            ("lʼeau l`eau l´eau", "l'eau l'eau l'eau"),
            ("« Bonjour »", "\"bonjour\""),
            ("“Bonjour”", "\"bonjour\""),
            ("\"bonjour\"", "\"bonjour\""),
            ("peut–être", "peut-etre"),
            ("peut — être", "peut-etre"),
            ("peut‐être", "peut-etre"),
            ("Quoi\u{a0}?", "quoi?"),
            ("Quoi\u{202f}!", "quoi!"),
            ("Quoi ?", "quoi?"),
            ("a\t\tb", "a b"),
            ("a \n b", "a b"),
            ("a , b", "a,b"),
            ("a, b", "a,b"),
            ("a ,b", "a,b"),
            ("3,5", "3,5"),
            ("( x )", "(x)"),
            ("ŒUVRE", "oeuvre"),
            ("Cæsar", "caesar"),
            ("Straße", "strasse"),
            ("ÇA", "ca"),
            ("e\u{301}te\u{301}", "ete"),
            ("Noël à l’école", "noel a l'ecole"),
            ("Et puis…", "et puis..."),
            ("zéro\u{200b}width", "zerowidth"),
            ("co\u{ad}opérer", "cooperer"),
            ("un   deux    trois", "un deux trois"),
            ("ÀÉÎÕÜ Ÿ", "aeiou y"),
            ("12 − 3", "12-3"),
            ("日本", "日本"),
        ];
        crate::text::assert_table("loose_form", loose_form, cases);
    }

    #[test]
    fn answer_form_table() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("  Soixante\u{a0}DIX ", "soixante dix"),
            ("l’auteur", "l'auteur"),
            ("l' auteur", "l'auteur"),
            ("« Wikipédia »", "wikipedia"),
            ("\"Wikipedia\"", "wikipedia"),
            ("“Wikipédia”", "wikipedia"),
            ("CC BY – NC", "cc by-nc"),
            ("CC BY—NC", "cc by-nc"),
            ("cc by-nc.", "cc by-nc"),
            ("Oui !", "oui"),
            ("oui ?!…", "oui"),
            ("Vrai ; ", "vrai"),
            ("3,5", "3,5"),
            ("un, deux,", "un,deux"),
            ("le « domaine » public", "le domaine public"),
            ("Œuvre", "oeuvre"),
            ("e\u{301}te\u{301}", "ete"),
            ("a\u{202f}!", "a"),
            ("« »", ""),
            ("?!", ""),
        ];
        crate::text::assert_table("answer_form", answer_form, cases);
    }

    #[test]
    fn letter_count_table() {
        let cases: &[(&str, usize)] = &[("", 0), ("l'eau", 4), ("cc by-nc", 6), ("été 2024", 7), ("« ! »", 0)];
        for (input, expected) in cases {
            assert_eq!(letter_count(input), *expected, "input {input:?}");
        }
    }

    #[test]
    fn forms_are_trimmed_and_loose_form_is_idempotent() {
        let mut state = 7u64;
        let alphabet: Vec<char> = "aé E’«» -,.?!\u{a0}\t'\"œ(x)".chars().collect();
        for _ in 0..2000 {
            let n = (splitmix64(&mut state) % 12) as usize;
            let s: String = (0..n).filter_map(|_| alphabet.get((splitmix64(&mut state) % alphabet.len() as u64) as usize)).collect();
            let once = loose_form(&s);
            assert_eq!(loose_form(&once), once, "sample {s:?}");
            for form in [&once, &answer_form(&s)] {
                assert!(!form.starts_with(' ') && !form.ends_with(' ') && !form.contains("  "), "sample {s:?}");
            }
            // Each form only adds things that do not count.
            assert_eq!(answer_form(&loose_form(&s)), answer_form(&s), "sample {s:?}");
            assert_eq!(loose_form(&fold(&s)), loose_form(&s), "sample {s:?}");
        }
    }
}
