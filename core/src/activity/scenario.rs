//! Scenarios: where a path of choices leads through the situations of a
//! `scenario` activity ([`walk`]), and its best path ([`best_path`]) — the one
//! rule that says which end is best, used by scoring (`Outcome::correct` is
//! reaching an end worth the best one) and by the view (« Le meilleur
//! chemin »). The best end is the highest-scored end *reachable from the
//! start*; on a tie, the first choice in author order wins. Both functions are
//! total and linear in the size of the scenario, loops included (the compiler
//! refuses loops, but lesson files are untrusted).

use crate::lesson::model::ScenarioNode;

/// One choice taken: the situation (index in `nodes`) and the choice index in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub node: usize,
    pub choice: usize,
}

/// Where a walk stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A situation that asks for a choice (index in `nodes`).
    Situation(usize),
    /// An end, or a situation without any choice: the walk is over.
    End(usize),
    /// The last choice led to no situation (or the scenario is empty).
    Nowhere,
}

/// The steps a path of choices took, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    pub steps: Vec<Step>,
    pub place: Place,
}

impl Walk {
    /// The path of choice indices taken, as stored in `Response::Path`.
    pub fn path(&self) -> Vec<u8> {
        self.steps.iter().map(|s| u8::try_from(s.choice).unwrap_or(u8::MAX)).collect()
    }
}

/// Where `nodes[at]` puts a walk.
fn place(nodes: &[ScenarioNode], at: usize) -> Place {
    match nodes.get(at) {
        Some(n) if n.end.is_some() || n.choices.is_empty() => Place::End(at),
        Some(_) => Place::Situation(at),
        None => Place::Nowhere,
    }
}

/// Follows `path` from the start (situation 0). It stops at an end, where a
/// choice does not exist (the rest of the path is ignored) or where a choice
/// leads nowhere.
pub fn walk(nodes: &[ScenarioNode], path: &[u8]) -> Walk {
    let mut steps = Vec::with_capacity(path.len());
    let mut at = place(nodes, 0);
    for &c in path {
        let Place::Situation(n) = at else { break };
        let choice = usize::from(c);
        let Some(target) = nodes.get(n).and_then(|node| node.choices.get(choice)).map(|ch| ch.target) else { break };
        steps.push(Step { node: n, choice });
        at = place(nodes, target);
    }
    Walk { steps, place: at }
}

/// The best path: the steps to the best end, that end and its score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BestPath {
    pub steps: Vec<Step>,
    /// Index of the end in `nodes`.
    pub end: usize,
    /// The end's score as written by the author.
    pub score: u8,
}

/// What the search knows of a situation.
#[derive(Clone, Copy)]
enum Seen {
    Unseen,
    /// On the current search path (reaching it again is a loop: ignored).
    Open,
    /// The best score reachable from here, and the choice leading to it
    /// (`None` at an end).
    Done(Option<(u8, Option<usize>)>),
}

/// The path to the highest-scored end reachable from the start, or `None`
/// when no end can be reached.
pub fn best_path(nodes: &[ScenarioNode]) -> Option<BestPath> {
    let mut seen = vec![Seen::Unseen; nodes.len()];
    // Depth-first, post-order, with an explicit stack (no recursion depth
    // limit on untrusted input): (situation, next choice to look at).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    if let Some(s) = seen.get_mut(0) {
        *s = Seen::Open;
        stack.push((0, 0));
    }
    while let Some(top) = stack.last_mut() {
        let (at, next) = *top;
        let Some(node) = nodes.get(at) else {
            stack.pop();
            continue;
        };
        let result = if let Some(score) = node.end {
            Some((score, None))
        } else if let Some(choice) = node.choices.get(next) {
            top.1 += 1;
            if let Some(s @ Seen::Unseen) = seen.get_mut(choice.target) {
                *s = Seen::Open;
                stack.push((choice.target, 0));
            }
            continue;
        } else {
            let mut best: Option<(u8, Option<usize>)> = None;
            for (i, c) in node.choices.iter().enumerate() {
                if let Some(Seen::Done(Some((score, _)))) = seen.get(c.target) {
                    if best.is_none_or(|(b, _)| *score > b) {
                        best = Some((*score, Some(i)));
                    }
                }
            }
            best
        };
        if let Some(s) = seen.get_mut(at) {
            *s = Seen::Done(result);
        }
        stack.pop();
    }
    // Follow the best choices; each leads to a situation finished earlier,
    // so this ends, but stay bounded anyway.
    let mut steps = Vec::new();
    let mut at = 0usize;
    for _ in 0..=nodes.len() {
        match seen.get(at) {
            Some(Seen::Done(Some((score, None)))) => return Some(BestPath { steps, end: at, score: *score }),
            Some(Seen::Done(Some((_, Some(choice))))) => {
                steps.push(Step { node: at, choice: *choice });
                at = nodes.get(at).and_then(|n| n.choices.get(*choice)).map(|c| c.target)?;
            }
            _ => return None,
        }
    }
    None
}
