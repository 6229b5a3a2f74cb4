//! French typography, for every text shown to users: [`french_typography`]
//! puts plain text written with a keyboard (straight apostrophes, ordinary
//! spaces, as in `core`'s data and diagnostics) into French typography, and
//! [`typography_problems`] finds what breaks it (the catalogue's tests run
//! it on every French message; lesson checks and tools can run it too).

/// Plain text in French typography: ’ for ', no-break spaces before `:` and
/// inside « », narrow no-break spaces before `;`, `!`, `?`.
pub fn french_typography(s: &str) -> String {
    s.replace('\'', "’")
        .replace(" :", "\u{a0}:")
        .replace(" ;", "\u{202f};")
        .replace(" !", "\u{202f}!")
        .replace(" ?", "\u{202f}?")
        .replace("« ", "«\u{a0}")
        .replace(" »", "\u{a0}»")
}

/// A rule of French typography that a text breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypographyRule {
    /// `'` where French writes the apostrophe ’.
    StraightApostrophe,
    /// `"` where French writes « guillemets ».
    StraightQuote,
    /// An ordinary space before `:`, `;`, `!`, `?`, `%` or `»`, which lets the
    /// mark start a new line: French puts a no-break space there.
    BreakingSpaceBefore(char),
    /// An ordinary space after `«`.
    BreakingSpaceAfterGuillemet,
}

/// Where a text breaks a rule: the byte offset of the character at fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypographyProblem {
    pub at: usize,
    pub rule: TypographyRule,
}

/// Every place where `s` breaks French typography, in order; empty when it
/// follows it.
pub fn typography_problems(s: &str) -> Vec<TypographyProblem> {
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in s.char_indices() {
        let rule = match c {
            '\'' => Some(TypographyRule::StraightApostrophe),
            '"' => Some(TypographyRule::StraightQuote),
            ':' | ';' | '!' | '?' | '%' | '»' if previous == Some(' ') => Some(TypographyRule::BreakingSpaceBefore(c)),
            ' ' if previous == Some('«') => Some(TypographyRule::BreakingSpaceAfterGuillemet),
            _ => None,
        };
        if let Some(rule) = rule {
            let at = if matches!(rule, TypographyRule::BreakingSpaceBefore(_)) { at - 1 } else { at };
            out.push(TypographyProblem { at, rule });
        }
        previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use TypographyRule::*;

    #[test]
    fn plain_text_in_french_typography() {
        let cases = [
            ("Sauvegarde invalide : l'index « x » ?", "Sauvegarde invalide\u{a0}: l’index «\u{a0}x\u{a0}»\u{202f}?"),
            ("Bravo !", "Bravo\u{202f}!"),
            ("un ; deux", "un\u{202f}; deux"),
            ("rien à changer", "rien à changer"),
        ];
        for (plain, want) in cases {
            assert_eq!(french_typography(plain), want, "{plain:?}");
            assert_eq!(typography_problems(want), vec![], "{want:?}");
        }
    }

    #[test]
    fn problems_found() {
        let cases: &[(&str, &[(usize, TypographyRule)])] = &[
            ("l'école", &[(1, StraightApostrophe)]),
            ("un \"mot\"", &[(3, StraightQuote), (7, StraightQuote)]),
            ("Note : oui", &[(4, BreakingSpaceBefore(':'))]),
            ("Quoi ? Non !", &[(4, BreakingSpaceBefore('?')), (10, BreakingSpaceBefore('!'))]),
            ("50 %", &[(2, BreakingSpaceBefore('%'))]),
            ("« a »", &[(2, BreakingSpaceAfterGuillemet), (4, BreakingSpaceBefore('»'))]),
            ("Note\u{a0}: l’école\u{202f}!", &[]),
            ("", &[]),
        ];
        for (s, want) in cases {
            let got: Vec<(usize, TypographyRule)> = typography_problems(s).into_iter().map(|p| (p.at, p.rule)).collect();
            assert_eq!(got, *want, "{s:?}");
        }
    }
}
