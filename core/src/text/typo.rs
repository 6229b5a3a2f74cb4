//! Typo tolerance: [`within_one_typo`], the Damerau–Levenshtein "one edit"
//! test behind `faute-permise : oui`.

/// True when `a` and `b` are equal or differ by exactly one edit: one
/// character inserted, deleted or replaced, or two neighbouring characters
/// swapped (Damerau–Levenshtein distance ≤ 1, counted in characters).
///
/// Compares the strings as given: put both in
/// [`crate::text::answer_form`] first for a tolerant comparison. Linear time,
/// no allocation beyond two character vectors.
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
    let i = short.iter().zip(long.iter()).position(|(x, y)| x != y).unwrap_or(short.len());
    fn tail(s: &[char], from: usize) -> &[char] {
        s.get(from..).unwrap_or(&[])
    }
    if short.len() == long.len() {
        if i >= short.len() {
            return true;
        }
        // Substitution at i.
        if tail(short, i + 1) == tail(long, i + 1) {
            return true;
        }
        // Transposition of i and i + 1.
        short.get(i).is_some_and(|c| long.get(i + 1) == Some(c))
            && short.get(i + 1).is_some_and(|c| long.get(i) == Some(c))
            && tail(short, i + 2) == tail(long, i + 2)
    } else {
        // One extra character in `long`, at position i.
        tail(short, i) == tail(long, i + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::splitmix64;

    #[test]
    fn typo_table() {
        let cases: &[(&str, &str, bool)] = &[
            ("", "", true),
            ("", "a", true),
            ("", "ab", false),
            ("chat", "chat", true),
            ("chat", "chats", true),
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
            ("licence", "lisence", true),
            ("licence", "licnece", true),
            ("licence", "licencee", true),
            ("licence", "licenc", true),
            ("licence", "ilcence", true),
            ("licence", "lisense", false),
            ("licence", "licen", false),
            ("ab", "cd", false),
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
}
