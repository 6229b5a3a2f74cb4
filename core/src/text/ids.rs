//! Names: the id rules (which strings may name a lesson, an activity, a
//! module or a heading anchor) and [`slug`], the one way text becomes a name
//! (heading anchors, download file names).
//!
//! Every id is made of `[a-z0-9-]` only, so it is safe unescaped in a URL, a
//! file name, an HTML attribute and a storage key; the rules differ only in
//! length. The compiler decides which ids exist with these rules, and the app
//! checks an id from an address with the same rule before fetching anything.

/// Longest lesson, activity or module id, in bytes (all ASCII).
pub const MAX_ID_LEN: usize = 60;
/// Longest heading anchor (`lecon:id#anchor`), in bytes.
pub const MAX_ANCHOR_LEN: usize = 100;

/// `[a-z0-9-]`, `min..=max` bytes.
fn is_id_within(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A lesson id (the `id` of the front matter, `lecon:<id>`, `/lecon/<id>`):
/// `[a-z0-9-]`, 3 to 60 characters.
///
/// ```
/// use communs_core::text::is_lesson_id;
/// assert!(is_lesson_id("droit-auteur"));
/// assert!(!is_lesson_id("ab"));
/// assert!(!is_lesson_id("Droit_auteur"));
/// ```
pub fn is_lesson_id(s: &str) -> bool {
    is_id_within(s, 3, MAX_ID_LEN)
}

/// An activity id (`id=` of an activity fence), also the rule of the steps
/// of a scenario: `[a-z0-9-]`, 1 to 60 characters.
pub fn is_activity_id(s: &str) -> bool {
    is_id_within(s, 1, MAX_ID_LEN)
}

/// A module or theme id of `modules.toml`: `[a-z0-9-]`, 1 to 60 characters.
pub fn is_module_id(s: &str) -> bool {
    is_id_within(s, 1, MAX_ID_LEN)
}

/// A heading anchor in a `lecon:<id>#<anchor>` link: `[a-z0-9-]`, 1 to 100
/// characters.
pub fn is_anchor_id(s: &str) -> bool {
    is_id_within(s, 1, MAX_ANCHOR_LEN)
}

/// A French slug: [`crate::text::fold`] (lowercase, accents folded), ASCII
/// letters and digits kept, every other run of characters becomes one `-`, no
/// `-` at either end. May be empty (`"!!!"`, a name in another script): the
/// caller picks its fallback.
///
/// ```
/// use communs_core::text::slug;
/// assert_eq!(slug("Qu’est-ce qu’un « commun » ?"), "qu-est-ce-qu-un-commun");
/// assert_eq!(slug("Renard bleu"), "renard-bleu");
/// ```
pub fn slug(s: &str) -> String {
    let folded = super::fold(s);
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
    fn id_rules_table() {
        let long = "a".repeat(60);
        let too_long = "a".repeat(61);
        let anchor = "a".repeat(100);
        let too_long_anchor = "a".repeat(101);
        // (input, lesson, activity, module, anchor)
        let cases: &[(&str, bool, bool, bool, bool)] = &[
            ("", false, false, false, false),
            ("a", false, true, true, true),
            ("ab", false, true, true, true),
            ("abc", true, true, true, true),
            ("droit-auteur", true, true, true, true),
            ("q1", false, true, true, true),
            ("2024-x", true, true, true, true),
            ("---", true, true, true, true),
            (&long, true, true, true, true),
            (&too_long, false, false, false, true),
            (&anchor, false, false, false, true),
            (&too_long_anchor, false, false, false, false),
            ("Droit", false, false, false, false),
            ("droit_auteur", false, false, false, false),
            ("droit auteur", false, false, false, false),
            ("été", false, false, false, false),
            ("a/b", false, false, false, false),
            ("a.json", false, false, false, false),
            ("..", false, false, false, false),
            ("a#b", false, false, false, false),
        ];
        for (s, lesson, activity, module, anchor) in cases {
            assert_eq!(is_lesson_id(s), *lesson, "lesson {s:?}");
            assert_eq!(is_activity_id(s), *activity, "activity {s:?}");
            assert_eq!(is_module_id(s), *module, "module {s:?}");
            assert_eq!(is_anchor_id(s), *anchor, "anchor {s:?}");
        }
    }

    #[test]
    fn slug_table() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("!!!", ""),
            ("Qu’est-ce qu’un « commun » ?", "qu-est-ce-qu-un-commun"),
            ("À retenir", "a-retenir"),
            ("Œuvres & Données", "oeuvres-donnees"),
            ("Renard bleu", "renard-bleu"),
            ("  Éloïse  ", "eloise"),
            ("Ça\u{a0}va — ou pas…", "ca-va-ou-pas"),
            ("Article L. 122-5", "article-l-122-5"),
            ("CC BY-SA 4.0", "cc-by-sa-4-0"),
            ("Łódź", "lodz"),
            ("e\u{301}te\u{301}", "ete"),
            ("chat_123", "chat-123"),
            ("日本", ""),
            ("Léa 日本 2", "lea-2"),
        ];
        for (input, expected) in cases {
            let s = slug(input);
            assert_eq!(s, *expected, "input {input:?}");
            assert!(s.is_empty() || is_anchor_id(&s), "a slug is an anchor id: {s:?}");
        }
    }
}
