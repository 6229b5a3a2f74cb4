//! Advice on pseudonyms: whether what a learner typed looks like a real
//! « Prénom Nom », so the app can suggest a pseudonym instead. Advice only:
//! storage accepts any valid pseudonym.

/// Advice for the UI: true when a pseudonym has the shape of a real
/// "Prénom Nom": at least two capitalised alphabetic words (accents, inner
/// hyphens and apostrophes allowed: "Léa Martin", "Jean-Pierre Dupont",
/// "Chloé O'Neil"), optionally with lowercase particles between them ("Jean
/// de La Fontaine", "Jeanne d'Arc"). "Renard bleu", "lea42", "Chat",
/// "LÉA MARTIN" are not.
pub fn looks_like_real_name(pseudonym: &str) -> bool {
    const PARTICLES: [&str; 8] = ["de", "du", "des", "le", "la", "van", "von", "di"];
    let words: Vec<&str> = pseudonym.split_whitespace().collect();
    let mut capitalised = 0;
    for (i, w) in words.iter().enumerate() {
        let inner = i > 0;
        let w = w.replace('\u{2019}', "'");
        if is_capitalised_name_word(&w) {
            capitalised += 1;
        } else if let Some(rest) = w.strip_prefix("d'").filter(|_| inner) {
            if !is_capitalised_name_word(rest) {
                return false;
            }
            capitalised += 1;
        } else if !(inner && i + 1 < words.len() && PARTICLES.contains(&w.as_str())) {
            return false;
        }
    }
    capitalised >= 2
}

/// "Martin", "Jean-Pierre", "O'Neil": hyphen-separated parts, each an
/// uppercase letter then lowercase letters; a single uppercase letter may
/// precede an apostrophe.
fn is_capitalised_name_word(w: &str) -> bool {
    w.split('-').all(|part| {
        let subs: Vec<&str> = part.split('\'').collect();
        let n = subs.len();
        n <= 2
            && subs.iter().enumerate().all(|(i, sub)| {
                let mut chars = sub.chars();
                let Some(first) = chars.next() else { return false };
                let rest: Vec<char> = chars.collect();
                let short_ok = i + 1 < n; // "O" in "O'Neil"
                first.is_alphabetic()
                    && first.is_uppercase()
                    && (!rest.is_empty() || short_ok)
                    && rest.iter().all(|c| c.is_alphabetic() && c.is_lowercase())
            })
    })
}
