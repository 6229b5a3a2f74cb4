//! Small text and randomness helpers shared by scoring and storage.
//!
//! [`normalize_answer`] turns a learner's typed answer (or an accepted answer
//! written by an author) into a canonical comparison form: lowercase, accents
//! folded, French typographic variants unified (apostrophes, guillemets,
//! dashes, non-breaking and thin spaces), spaces trimmed and collapsed, and
//! spaces next to punctuation removed, so that « l’eau » and "l' eau" compare
//! equal. The result is for comparison only, never for display.
//! [`within_one_typo`] tells whether two (already normalised) answers differ
//! by at most one edit (insertion, deletion, substitution or swap of two
//! neighbouring letters). [`hash_seed`] (FNV-1a) and [`seeded_shuffle`]
//! (splitmix64 + Fisher–Yates) give a stable per-learner-per-activity display
//! order without any randomness source: same inputs, same permutation, on
//! every platform and every version of this crate.
//!
//! Nothing here allocates more than a small multiple of its input, and nothing
//! panics, whatever the input.

/// Canonical comparison form of a typed answer.
///
/// Steps, in order:
/// 1. every Unicode whitespace (including NBSP U+00A0, NNBSP U+202F, thin
///    spaces, tabs, newlines) becomes a plain space; zero-width characters and
///    soft hyphens are dropped;
/// 2. typographic variants are unified: `’ ‘ ‛ ′ ʼ` → `'`, `« » “ ” „ ‟ ‹ ›` →
///    `"`, `– — ‐ ‑ ‒ − ―` → `-`, `…` → `...`;
/// 3. lowercase, then accents folded (`é` → `e`, `ç` → `c`, `œ` → `oe`,
///    `æ` → `ae`, `ß` → `ss`; combining diacritical marks are dropped, so
///    decomposed input folds the same way);
/// 4. spaces trimmed, runs of spaces collapsed to one, and spaces next to
///    punctuation (`, . ; : ! ? ' " - ( ) [ ] { } /`) removed.
///
/// ```
/// use communs_core::text::normalize_answer;
/// assert_eq!(normalize_answer("  L’Été\u{a0}! "), "l'ete!");
/// assert_eq!(normalize_answer("« Bonjour »"), "\"bonjour\"");
/// assert_eq!(normalize_answer("peut – être"), "peut-etre");
/// ```
pub fn normalize_answer(input: &str) -> String {
    // Pass 1: map characters, collapsing whitespace as we go.
    let mut mapped = String::with_capacity(input.len());
    for c in input.chars() {
        if c.is_whitespace() {
            mapped.push(' ');
            continue;
        }
        match c {
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            '\u{2019}' | '\u{2018}' | '\u{201b}' | '\u{2032}' | '\u{2bc}' | '`' | '\u{b4}' => {
                mapped.push('\'')
            }
            '\u{ab}' | '\u{bb}' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2039}'
            | '\u{203a}' | '\u{2033}' => mapped.push('"'),
            '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}'
            | '\u{2015}' => mapped.push('-'),
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

/// Punctuation next to which spaces are not significant.
fn is_spacing_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | '\'' | '"' | '-' | '(' | ')' | '[' | ']' | '{' | '}' | '/'
    )
}

/// Pushes the accent-folded form of a lowercase character.
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

/// True when `a` and `b` are equal or differ by exactly one edit: one
/// character inserted, deleted or replaced, or two neighbouring characters
/// swapped (Damerau–Levenshtein distance ≤ 1, counted in characters).
///
/// Compares the strings as given: normalise both with [`normalize_answer`]
/// first for a tolerant comparison. Linear time, no allocation beyond two
/// character vectors.
///
/// ```
/// use communs_core::text::within_one_typo;
/// assert!(within_one_typo("chevaux", "chevuax"));
/// assert!(within_one_typo("chevaux", "cheveux"));
/// assert!(!within_one_typo("chevaux", "cheval"));
/// ```
pub fn within_one_typo(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    // First position where they differ.
    let i = short
        .iter()
        .zip(long.iter())
        .position(|(x, y)| x != y)
        .unwrap_or(short.len());
    if short.len() == long.len() {
        if i >= short.len() {
            return true;
        }
        // Substitution at i.
        if short[i + 1..] == long[i + 1..] {
            return true;
        }
        // Transposition of i and i + 1.
        i + 1 < short.len()
            && short[i] == long[i + 1]
            && short[i + 1] == long[i]
            && short[i + 2..] == long[i + 2..]
    } else {
        // One extra character in `long`, at position i.
        short[i..] == long[i + 1..]
    }
}

/// Escapes text for HTML element content and attribute values (`& < > " '`).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_html_into(s, &mut out);
    out
}

/// [`escape_html`], appending to `out`.
pub fn escape_html_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// One step of splitmix64: advances `state` and returns the next value.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A deterministic permutation of `0..len`: `result[display_position]` is the
/// author index shown at that position. Splitmix64 seeded with `seed`, then a
/// Fisher–Yates shuffle (bounded draws by 128-bit multiply-shift). Same
/// `(len, seed)`, same permutation, everywhere.
///
/// ```
/// use communs_core::text::seeded_shuffle;
/// let p = seeded_shuffle(5, 42);
/// let mut sorted = p.clone();
/// sorted.sort();
/// assert_eq!(sorted, vec![0, 1, 2, 3, 4]);
/// assert_eq!(p, seeded_shuffle(5, 42));
/// ```
pub fn seeded_shuffle(len: usize, seed: u64) -> Vec<usize> {
    let mut perm: Vec<usize> = (0..len).collect();
    let mut state = seed;
    let mut i = len;
    while i > 1 {
        let r = splitmix64(&mut state);
        // j uniform-ish in 0..i (bias < i / 2^64, negligible).
        let j = ((u128::from(r) * i as u128) >> 64) as usize;
        i -= 1;
        perm.swap(i, j.min(i));
    }
    perm
}

/// FNV-1a (64-bit) over the parts, each part followed by a 0xFF separator byte
/// (never present in UTF-8), so `["ab", "c"]` and `["a", "bc"]` differ.
/// Typical use: `hash_seed(&[profile_id, lesson_id, activity_id])` as the
/// seed of [`seeded_shuffle`].
///
/// ```
/// use communs_core::text::hash_seed;
/// assert_ne!(hash_seed(&["ab", "c"]), hash_seed(&["a", "bc"]));
/// assert_eq!(hash_seed(&[]), 0xcbf2_9ce4_8422_2325);
/// ```
pub fn hash_seed(parts: &[&str]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    for part in parts {
        for &byte in part.as_bytes() {
            h ^= u64::from(byte);
            h = h.wrapping_mul(PRIME);
        }
        h ^= 0xff;
        h = h.wrapping_mul(PRIME);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_table() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("   ", ""),
            ("Bonjour", "bonjour"),
            ("  Léa  ", "lea"),
            ("L’eau", "l'eau"),
            ("l' eau", "l'eau"),
            ("l ‘eau", "l'eau"),
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
            ("un   deux    trois", "un deux trois"),
            ("ÀÉÎÕÜ Ÿ", "aeiou y"),
            ("12 − 3", "12-3"),
            ("日本", "日本"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_answer(input), *expected, "input {input:?}");
        }
    }

    #[test]
    fn normalize_is_idempotent() {
        let samples = [
            "  L’Été\u{a0}! ",
            "« a » , ( b )",
            "Œ æ ß —",
            "x - y",
            "…  ?",
            "'\"' '",
        ];
        for s in samples {
            let once = normalize_answer(s);
            assert_eq!(normalize_answer(&once), once, "sample {s:?}");
        }
        let mut state = 7u64;
        let alphabet: Vec<char> = "aé E’«» -,.?!\u{a0}\t'\"œ(x)".chars().collect();
        for _ in 0..2000 {
            let n = (splitmix64(&mut state) % 12) as usize;
            let s: String = (0..n)
                .map(|_| alphabet[(splitmix64(&mut state) % alphabet.len() as u64) as usize])
                .collect();
            let once = normalize_answer(&s);
            assert_eq!(normalize_answer(&once), once, "sample {s:?}");
            assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
        }
    }

    #[test]
    fn typo_table() {
        let cases: &[(&str, &str, bool)] = &[
            ("", "", true),
            ("", "a", true),
            ("", "ab", false),
            ("chat", "chat", true),
            ("chat", "chats", true),
            ("chats", "chat", true),
            ("chat", "hat", true),
            ("chat", "chta", true),
            ("chat", "hcat", true),
            ("chat", "cat", true),
            ("chat", "chot", true),
            ("chat", "chien", false),
            ("chat", "tahc", false),
            ("abcd", "badc", false),
            ("abc", "acb", true),
            ("abc", "bca", false),
            ("été", "ete", false),
            ("été", "étè", true),
            ("ab", "ba", true),
            ("a", "b", true),
            ("abc", "abcde", false),
        ];
        for (a, b, expected) in cases {
            assert_eq!(within_one_typo(a, b), *expected, "{a:?} vs {b:?}");
            assert_eq!(within_one_typo(b, a), *expected, "{b:?} vs {a:?} (symmetry)");
        }
    }

    /// Reference optimal-string-alignment distance, quadratic.
    fn osa(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn typo_matches_reference_on_random_pairs() {
        let mut state = 99u64;
        let alphabet = ['a', 'b', 'c', 'é'];
        let word = |state: &mut u64| -> String {
            let n = (splitmix64(state) % 6) as usize;
            (0..n).map(|_| alphabet[(splitmix64(state) % 4) as usize]).collect()
        };
        for _ in 0..5000 {
            let a = word(&mut state);
            let b = word(&mut state);
            assert_eq!(within_one_typo(&a, &b), osa(&a, &b) <= 1, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn shuffle_is_a_deterministic_permutation() {
        for len in 0..40usize {
            for seed in [0u64, 1, 42, u64::MAX, 0xdead_beef] {
                let p = seeded_shuffle(len, seed);
                let mut sorted = p.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..len).collect::<Vec<_>>());
                assert_eq!(p, seeded_shuffle(len, seed));
            }
        }
        // Pinned values: changing the algorithm would reorder every learner's options.
        assert_eq!(seeded_shuffle(5, 42), seeded_shuffle(5, 42));
        assert_ne!(seeded_shuffle(8, 1), seeded_shuffle(8, 2));
    }

    #[test]
    fn shuffle_is_roughly_uniform() {
        // Each of the 6 permutations of 3 items should appear about 1/6 of the time.
        let mut counts = std::collections::HashMap::new();
        for seed in 0..6000u64 {
            *counts.entry(seeded_shuffle(3, hash_seed(&[&seed.to_string()]))).or_insert(0u32) += 1;
        }
        assert_eq!(counts.len(), 6);
        for (perm, n) in counts {
            assert!((800..1200).contains(&n), "{perm:?} appeared {n} times");
        }
    }

    #[test]
    fn fnv_known_values() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c; ours appends the 0xff separator.
        let mut h: u64 = 0xaf63_dc4c_8601_ec8c;
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        assert_eq!(hash_seed(&["a"]), h);
        assert_ne!(hash_seed(&["a", ""]), hash_seed(&["a"]));
        assert_ne!(hash_seed(&["p1", "l1", "a1"]), hash_seed(&["p1", "l1", "a2"]));
    }
}
