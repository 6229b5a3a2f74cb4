//! Scoring of a learner's [`Response`] to an [`Activity`]: pure, total (never
//! panics), with the partial-credit rules of `docs/lesson-format.md`.
//!
//! A response of the wrong shape for the activity (wrong variant, index out
//! of range, wrong length, duplicates, empty) scores 0 with `malformed: true`.
//! Participation activities (sondage, nuage-de-mots, remue-meninges) score
//! 100 with `correct: true` when the learner took part, and always have
//! `participation_only: true`: they are never evidence of a level.
//! A scenario is `correct` when its end is worth the best end reachable
//! ([`crate::activity::scenario::best_path`], the rule the view shows too).

use super::model::{Activity, ActivityKind, Choice, TextPart};
use crate::activity::scenario::{best_path, walk, Place};
use crate::response::Response;
use crate::text::{answer_form, letter_count, within_one_typo};
use serde::{Deserialize, Serialize};

/// Per-item result, for feedback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mark {
    /// Chosen (or filled) and right.
    Right,
    /// Chosen (or filled) and wrong.
    Wrong,
    /// A right choice that was not chosen.
    Missed,
    /// Not chosen and not a right choice; or no right/wrong (participation, scenario step).
    Neutral,
}

/// The result of scoring one response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// 0 to 100.
    pub score_percent: u8,
    /// Fully right (score 100 for questions; the best end for a scenario).
    pub correct: bool,
    /// Sondage, nuage-de-mots, remue-meninges: no right answer, never evidence.
    pub participation_only: bool,
    /// The response did not fit the activity (scored 0).
    pub malformed: bool,
    /// Per item, in author order: choices (choix-unique, choix-multiples,
    /// sondage), blanks (texte-a-trous), left items (appariement), positions
    /// (remise-en-ordre), steps (scenario), or the single answer (vrai-faux,
    /// reponse-courte).
    pub items: Vec<Mark>,
    /// The short answer or blanks accepted with one typo, in item order.
    pub typos: Vec<Typo>,
    /// Scenario: index of the end reached.
    pub end: Option<usize>,
}

/// An answer accepted with one typo: what was typed and the accepted
/// spelling it matched (shown as « Attention à l’orthographe »).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Typo {
    /// The item (blank of texte-a-trous; 0 for reponse-courte).
    pub item: usize,
    /// The accepted answer, as the author wrote it.
    pub expected: String,
    /// What the learner typed.
    pub given: String,
}

/// What the result of an answer says at first sight (an icon and a word in
/// the app, never colour alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Fully right.
    Right,
    /// Some credit, not all.
    Partial,
    /// No credit.
    Wrong,
    /// A participation: thanks, no right or wrong.
    Thanks,
}

impl Outcome {
    /// The verdict announced for this outcome.
    pub fn verdict(&self) -> Verdict {
        if self.participation_only {
            Verdict::Thanks
        } else if self.correct {
            Verdict::Right
        } else if self.score_percent > 0 {
            Verdict::Partial
        } else {
            Verdict::Wrong
        }
    }
    fn malformed(participation_only: bool) -> Outcome {
        Outcome {
            score_percent: 0,
            correct: false,
            participation_only,
            malformed: true,
            items: Vec::new(),
            typos: Vec::new(),
            end: None,
        }
    }
    fn graded(fraction: f64, items: Vec<Mark>) -> Outcome {
        let f = if fraction.is_finite() { fraction.clamp(0.0, 1.0) } else { 0.0 };
        let score = (f * 100.0).round() as u8;
        Outcome {
            score_percent: score,
            correct: score == 100,
            participation_only: false,
            malformed: false,
            items,
            typos: Vec::new(),
            end: None,
        }
    }
    fn participated(items: Vec<Mark>) -> Outcome {
        Outcome { score_percent: 100, correct: true, participation_only: true, malformed: false, items, typos: Vec::new(), end: None }
    }
}

/// How a typed answer matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerMatch {
    Exact,
    Typo,
    No,
}

/// How a typed answer matched, with the accepted spelling of a typo match.
enum Matched<'a> {
    Exact,
    Typo(&'a str),
    No,
}

/// Compares a learner's typed answer with accepted answers: case, accents,
/// extra spaces and typographic variants never count; with `typo`, one typo
/// is allowed for accepted answers of at least 5 letters.
pub fn match_answer(given: &str, accepted: &[String], typo: bool) -> AnswerMatch {
    match find_match(given, accepted, typo) {
        Matched::Exact => AnswerMatch::Exact,
        Matched::Typo(_) => AnswerMatch::Typo,
        Matched::No => AnswerMatch::No,
    }
}

/// [`match_answer`], keeping the first accepted answer matched with a typo
/// (an exact match with any accepted answer wins over typos).
fn find_match<'a>(given: &str, accepted: &'a [String], typo: bool) -> Matched<'a> {
    let g = answer_form(given);
    if g.is_empty() {
        return Matched::No;
    }
    let mut best = Matched::No;
    for original in accepted {
        let a = answer_form(original);
        if a.is_empty() {
            continue;
        }
        if a == g {
            return Matched::Exact;
        }
        if typo && matches!(best, Matched::No) && letter_count(&a) >= 5 && within_one_typo(&a, &g) {
            best = Matched::Typo(original);
        }
    }
    best
}

/// Distinct indices all below `n`, or `None`.
fn distinct_indices(v: &[u8], n: usize) -> Option<Vec<usize>> {
    let mut seen = vec![false; n];
    let mut out = Vec::with_capacity(v.len());
    for &i in v {
        let i = usize::from(i);
        if i >= n || seen[i] {
            return None;
        }
        seen[i] = true;
        out.push(i);
    }
    Some(out)
}

fn choice_marks(choices: &[Choice], picked: &[usize]) -> Vec<Mark> {
    choices
        .iter()
        .enumerate()
        .map(|(i, c)| match (picked.contains(&i), c.correct) {
            (true, true) => Mark::Right,
            (true, false) => Mark::Wrong,
            (false, true) => Mark::Missed,
            (false, false) => Mark::Neutral,
        })
        .collect()
}

/// Scores `response` against `activity`. Never panics.
pub fn score(activity: &Activity, response: &Response) -> Outcome {
    let participation = activity.participation_only();
    let bad = || Outcome::malformed(participation);
    match (&activity.kind, response) {
        (ActivityKind::ChoixUnique { choices }, Response::Choices(v)) => {
            let Some(picked) = distinct_indices(v, choices.len()) else { return bad() };
            if picked.len() != 1 {
                return bad();
            }
            let right = choices.get(picked[0]).is_some_and(|c| c.correct);
            Outcome::graded(if right { 1.0 } else { 0.0 }, choice_marks(choices, &picked))
        }
        (ActivityKind::ChoixMultiples { choices }, Response::Choices(v)) => {
            let Some(picked) = distinct_indices(v, choices.len()) else { return bad() };
            if picked.is_empty() {
                return bad();
            }
            let n_right = choices.iter().filter(|c| c.correct).count();
            if n_right == 0 {
                return bad();
            }
            let good = picked.iter().filter(|&&i| choices[i].correct).count() as f64;
            let wrong = picked.len() as f64 - good;
            Outcome::graded((good - wrong) / n_right as f64, choice_marks(choices, &picked))
        }
        (ActivityKind::VraiFaux { answer }, Response::Bool(b)) => {
            let right = b == answer;
            Outcome::graded(if right { 1.0 } else { 0.0 }, vec![if right { Mark::Right } else { Mark::Wrong }])
        }
        (ActivityKind::ReponseCourte { answers, typo }, Response::Texts(t)) => {
            let [given] = t.as_slice() else { return bad() };
            if answer_form(given).is_empty() {
                return bad();
            }
            match find_match(given, answers, *typo) {
                Matched::Exact => Outcome::graded(1.0, vec![Mark::Right]),
                Matched::Typo(expected) => Outcome {
                    typos: vec![Typo { item: 0, expected: expected.to_string(), given: given.clone() }],
                    ..Outcome::graded(1.0, vec![Mark::Right])
                },
                Matched::No => Outcome::graded(0.0, vec![Mark::Wrong]),
            }
        }
        (ActivityKind::TexteATrous { parts, typo }, Response::Texts(t)) => {
            let blanks: Vec<&TextPart> = parts.iter().filter(|p| !matches!(p, TextPart::Text { .. })).collect();
            if blanks.is_empty() || t.len() != blanks.len() || t.iter().all(|s| s.trim().is_empty()) {
                return bad();
            }
            let mut marks = Vec::with_capacity(blanks.len());
            let mut typos = Vec::new();
            for (item, (blank, given)) in blanks.iter().zip(t).enumerate() {
                let ok = match blank {
                    TextPart::Gap { answers } => match find_match(given, answers, *typo) {
                        Matched::Exact => true,
                        Matched::Typo(expected) => {
                            typos.push(Typo { item, expected: expected.to_string(), given: given.clone() });
                            true
                        }
                        Matched::No => false,
                    },
                    TextPart::List { options, answer } => match given.trim().parse::<usize>() {
                        Ok(i) if i < options.len() => i == *answer,
                        Ok(_) => return bad(),
                        Err(_) => false,
                    },
                    TextPart::Text { .. } => false,
                };
                marks.push(if ok { Mark::Right } else { Mark::Wrong });
            }
            let n = marks.len() as f64;
            let good = marks.iter().filter(|m| **m == Mark::Right).count() as f64;
            Outcome { typos, ..Outcome::graded(good / n, marks) }
        }
        (ActivityKind::Appariement { pairs }, Response::Order(v)) => {
            if pairs.is_empty() || v.len() != pairs.len() || v.iter().any(|&i| usize::from(i) >= pairs.len()) {
                return bad();
            }
            let marks: Vec<Mark> = v
                .iter()
                .enumerate()
                .map(|(i, &j)| {
                    let j = usize::from(j);
                    // two identical right-hand texts are interchangeable
                    if j == i || pairs.get(j).map(|p| &p.right) == pairs.get(i).map(|p| &p.right) {
                        Mark::Right
                    } else {
                        Mark::Wrong
                    }
                })
                .collect();
            let good = marks.iter().filter(|m| **m == Mark::Right).count() as f64;
            Outcome::graded(good / pairs.len() as f64, marks)
        }
        (ActivityKind::RemiseEnOrdre { items }, Response::Order(v)) => {
            if items.is_empty() || v.len() != items.len() {
                return bad();
            }
            let Some(order) = distinct_indices(v, items.len()) else { return bad() };
            let marks: Vec<Mark> = order
                .iter()
                .enumerate()
                .map(|(pos, &j)| if j == pos || items[j] == items[pos] { Mark::Right } else { Mark::Wrong })
                .collect();
            let good = marks.iter().filter(|m| **m == Mark::Right).count() as f64;
            Outcome::graded(good / items.len() as f64, marks)
        }
        (ActivityKind::Sondage { options }, Response::Choices(v)) => {
            let Some(picked) = distinct_indices(v, options.len()) else { return bad() };
            if picked.is_empty() {
                return bad();
            }
            let marks = (0..options.len()).map(|i| if picked.contains(&i) { Mark::Right } else { Mark::Neutral }).collect();
            Outcome::participated(marks)
        }
        (ActivityKind::NuageDeMots { words }, Response::Texts(t)) => {
            let n = t.iter().filter(|s| !s.trim().is_empty()).count();
            if n == 0 || n > usize::from(*words).max(1) {
                return bad();
            }
            Outcome::participated(vec![Mark::Neutral; n])
        }
        (ActivityKind::RemueMeninges { .. }, Response::Texts(t)) => {
            let n = t.iter().filter(|s| !s.trim().is_empty()).count();
            if n == 0 {
                return bad();
            }
            Outcome::participated(vec![Mark::Neutral; n])
        }
        (ActivityKind::Scenario { nodes }, Response::Path(path)) => {
            // Every step taken (none after an end), and an end with a score reached.
            let w = walk(nodes, path);
            if w.steps.len() != path.len() {
                return bad();
            }
            let Place::End(at) = w.place else { return bad() };
            let Some(end) = nodes.get(at).and_then(|n| n.end) else { return bad() };
            let best = best_path(nodes).map_or(end, |b| b.score);
            Outcome {
                score_percent: end.min(100),
                correct: end >= best,
                participation_only: false,
                malformed: false,
                items: vec![Mark::Neutral; path.len()],
                typos: Vec::new(),
                end: Some(at),
            }
        }
        _ => bad(),
    }
}
