//! scenario: `[id]` situations, each with its text and `- choice -> id`
//! lines (with an optional `> feedback`), or an end `[id] fin N` scored from
//! 0 to 100. Every situation must be reachable from the first, without loops,
//! and at least one must be an end.

use crate::lesson::DiagnosticCode;
use std::collections::BTreeMap;

use super::lines::{Lines, Situation};
use super::{Lists, Rules};
use crate::lesson::context::{Builder, Origin};
use crate::lesson::html::SafeHtml;
use crate::lesson::model::{ActivityKind, ScenarioChoice, ScenarioNode};

pub(super) const RULES: Rules = Rules { keys: &[], lists: Lists::Situations, question_required: false, explanation_expected: false };

pub(super) fn parse(b: &mut Builder, lines: &Lines, at: Origin) -> ActivityKind {
    ActivityKind::Scenario { nodes: build_scenario(b, &lines.situations, at.line, at.col) }
}

/// Builds and checks the situations of a scenario.
fn build_scenario(b: &mut Builder, raw: &[Situation], fence_line: usize, fence_col: usize) -> Vec<ScenarioNode> {
    if raw.is_empty() {
        b.error(fence_line, fence_col, DiagnosticCode::ScenarioAucuneSituationIdentifiant);
        return Vec::new();
    }
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, n) in raw.iter().enumerate() {
        if index.insert(n.id.as_str(), i).is_some() {
            b.error(n.line, n.col, DiagnosticCode::ScenarioSituationDefinieDeuxFois { n_id: n.id.to_string() });
        }
    }
    let mut nodes = Vec::new();
    let mut edges: Vec<Vec<(usize, usize)>> = Vec::new(); // (target, line)
    for n in raw {
        let html = match &n.text {
            Some(f) if !f.text.trim().is_empty() => b.render_nested(f.text.trim(), f.origin()),
            _ => {
                b.warn(n.line, n.col, DiagnosticCode::ScenarioSituationPasTexte { n_id: n.id.to_string() });
                SafeHtml::default()
            }
        };
        if n.end.is_some() && !n.choices.is_empty() {
            b.error(n.line, n.col, DiagnosticCode::ScenarioFinNePeutPas { n_id: n.id.to_string() });
        }
        if n.end.is_none() && n.choices.is_empty() {
            b.error(n.line, n.col, DiagnosticCode::ScenarioImpasseSituationPasChoix { n_id: n.id.to_string() });
        }
        let mut choices = Vec::new();
        let mut out_edges = Vec::new();
        for c in &n.choices {
            let target = match index.get(c.target.as_str()) {
                Some(&t) => t,
                None => {
                    b.error(c.text.line, c.text.col, DiagnosticCode::ScenarioCibleInconnue { c_target: c.target.to_string() });
                    continue;
                }
            };
            out_edges.push((target, c.text.line));
            let html = b.render_inline(c.text.text.trim(), c.text.origin());
            let feedback = c.feedback.as_ref().map(|f| b.render_inline(f.text.trim(), f.origin()));
            choices.push(ScenarioChoice { html, target, feedback });
        }
        edges.push(out_edges);
        nodes.push(ScenarioNode { id: n.id.clone(), html, choices, end: n.end });
    }
    check_paths(b, raw, &edges);
    if !raw.iter().any(|r| r.end.is_some()) {
        b.error(fence_line, fence_col, DiagnosticCode::ScenarioAucuneFinIdentifiantFin);
    }
    nodes
}

/// Where a situation is in the walk of [`check_paths`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Visit {
    NotYet,
    /// On the current path from the start.
    OnPath,
    Done,
}

/// Reachability and loops: a depth-first walk from the first situation.
/// `edges[i]`: (target, line) of each choice of situation `i`.
fn check_paths(b: &mut Builder, raw: &[Situation], edges: &[Vec<(usize, usize)>]) {
    let Some(start) = raw.first() else { return };
    let id = |i: usize| raw.get(i).map(|r| r.id.as_str()).unwrap_or("");
    let mut visit = vec![Visit::NotYet; raw.len()];
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    if let Some(v) = visit.first_mut() {
        *v = Visit::OnPath;
    }
    while let Some(&mut (node, ref mut next)) = stack.last_mut() {
        if let Some(&(t, line)) = edges.get(node).and_then(|e| e.get(*next)) {
            *next += 1;
            match visit.get(t).copied() {
                Some(Visit::NotYet) => {
                    if let Some(v) = visit.get_mut(t) {
                        *v = Visit::OnPath;
                    }
                    stack.push((t, 0));
                }
                Some(Visit::OnPath) => b.error(
                    line,
                    1,
                    DiagnosticCode::ScenarioBoucleCeChoixRamene { id_node: id(node).to_string(), id_t: id(t).to_string() },
                ),
                Some(Visit::Done) | None => {}
            }
        } else {
            if let Some(v) = visit.get_mut(node) {
                *v = Visit::Done;
            }
            stack.pop();
        }
    }
    for (r, v) in raw.iter().zip(&visit) {
        if *v == Visit::NotYet {
            b.error(
                r.line,
                r.col,
                DiagnosticCode::ScenarioSituationInaccessibleDepuisDepart { r_id: r.id.to_string(), start_id: start.id.to_string() },
            );
        }
    }
}
