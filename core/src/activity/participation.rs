//! Tallies of participation answers (no right answer): the distribution of a
//! poll, the words of a word cloud grouped by their normalised form, and the
//! ideas of a brainstorm wall grouped by category. Each is a plain function
//! from a list of stored responses to counts, so the same tallies serve one
//! device's answers today and a class projection later. Responses of another
//! shape are skipped.

use std::collections::BTreeMap;

use crate::response::{decode_idea, Response};
use crate::text::loose_form;

/// A poll's distribution: answers per option (author order) and in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollTally {
    pub counts: Vec<usize>,
    /// The sum of `counts`.
    pub total: usize,
}

/// Counts the choices of poll `responses` for a poll of `options` options
/// (indices out of range are skipped).
pub fn tally_poll(options: usize, responses: &[Response]) -> PollTally {
    let mut counts = vec![0usize; options];
    for r in responses {
        let Response::Choices(v) = r else { continue };
        for &i in v {
            if let Some(c) = counts.get_mut(usize::from(i)) {
                *c += 1;
            }
        }
    }
    let total = counts.iter().sum();
    PollTally { counts, total }
}

/// A word of the cloud: how it is shown, how often it was given, and whether
/// the learner gave it in the latest answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CloudWord {
    pub shown: String,
    pub count: usize,
    pub mine: bool,
}

/// Groups words by their normalised form (case, accents, spaces and
/// typographic variants do not count), in alphabetical order of that form;
/// each is shown in its most frequent spelling (spaces collapsed; ties are
/// broken by the spelling itself, never by the order of the answers). `mine`
/// are the words of the learner's latest answer (empty for a projection).
pub fn aggregate_words(responses: &[Response], mine: &[String]) -> Vec<CloudWord> {
    let mut map: BTreeMap<String, (usize, Vec<(String, usize)>)> = BTreeMap::new();
    for r in responses {
        let Response::Texts(words) = r else { continue };
        for w in words {
            let key = loose_form(w);
            if key.is_empty() {
                continue;
            }
            let spelling = w.split_whitespace().collect::<Vec<_>>().join(" ");
            let (count, spellings) = map.entry(key).or_default();
            *count += 1;
            match spellings.iter_mut().find(|(s, _)| *s == spelling) {
                Some((_, n)) => *n += 1,
                None => spellings.push((spelling, 1)),
            }
        }
    }
    let mine: Vec<String> = mine.iter().map(|w| loose_form(w)).collect();
    map.into_iter()
        .map(|(key, (count, spellings))| {
            let best = spellings.iter().min_by(|a, b| b.1.cmp(&a.1).then_with(|| spelling_rank(&a.0).cmp(&spelling_rank(&b.0))));
            CloudWord { shown: best.map(|b| b.0.clone()).unwrap_or_default(), count, mine: mine.contains(&key) }
        })
        .collect()
}

/// The order of preference between spellings given as often: all
/// lowercase, then a capital first letter only, then any other case;
/// unaccented before accented; then alphabetical.
fn spelling_rank(s: &str) -> (u8, bool, String) {
    let lower = s.to_lowercase();
    let mut chars = s.chars();
    let title = chars.next().map(|c| c.to_lowercase().collect::<String>() + chars.as_str()) == Some(lower.clone());
    let case = if lower == s {
        0
    } else if title {
        1
    } else {
        2
    };
    (case, loose_form(s) != lower, s.to_string())
}

/// The same words most given first (then alphabetically): the cloud as a list.
pub fn by_frequency(words: &[CloudWord]) -> Vec<CloudWord> {
    let mut v = words.to_vec();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| loose_form(&a.shown).cmp(&loose_form(&b.shown))));
    v
}

/// Size bucket 1 to 5 of a word given `count` times when the most given was given `max` times.
pub fn size_bucket(count: usize, max: usize) -> usize {
    if max <= 1 {
        return 3;
    }
    (1 + (count.saturating_sub(1).saturating_mul(4) + (max - 1) / 2) / (max - 1)).min(5)
}

/// A column of the idea wall.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WallColumn {
    /// Index into the activity's categories; `None` for ideas without one.
    pub category: Option<usize>,
    /// The ideas, in the order they were given.
    pub ideas: Vec<String>,
}

/// The brainstorm wall: one column per category of the author (even empty),
/// then a column of ideas without a category when there are some.
pub fn wall(categories: &[String], responses: &[Response]) -> Vec<WallColumn> {
    let mut columns: Vec<WallColumn> = (0..categories.len()).map(|i| WallColumn { category: Some(i), ideas: Vec::new() }).collect();
    let mut other = WallColumn { category: None, ideas: Vec::new() };
    for r in responses {
        let Response::Texts(v) = r else { continue };
        for s in v {
            let idea = decode_idea(categories, s);
            if idea.text.is_empty() {
                continue;
            }
            match idea.category.and_then(|c| columns.get_mut(c)) {
                Some(col) => col.ideas.push(idea.text.to_string()),
                None => other.ideas.push(idea.text.to_string()),
            }
        }
    }
    if !other.ideas.is_empty() {
        columns.push(other);
    }
    columns
}
