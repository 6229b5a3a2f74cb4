//! appariement: `- left = right` lines.

use crate::lesson::DiagnosticCode;
use std::collections::BTreeSet;

use super::lines::{Checkbox, Lines};
use super::{Lists, Rules};
use crate::lesson::context::{Builder, Origin};
use crate::lesson::model::{ActivityKind, Pair};

pub(super) const RULES: Rules = Rules { keys: &[], lists: Lists::Bullets, question_required: true, explanation_expected: true };

pub(super) fn parse(b: &mut Builder, lines: &Lines, at: Origin) -> ActivityKind {
    let mut pairs = Vec::new();
    for c in &lines.items {
        let t = c.text.text.trim();
        let split = t.split_once(" = ").or_else(|| t.split_once('='));
        match split {
            Some((l, r)) if !l.trim().is_empty() && !r.trim().is_empty() && c.checkbox == Checkbox::Absent => {
                let left = b.render_inline(l.trim(), c.text.origin());
                let right = b.render_inline(r.trim(), c.text.origin());
                pairs.push(Pair { left, right });
            }
            _ => b.error(c.text.line, c.text.col, DiagnosticCode::AppariementChaqueLigneEcritGauche),
        }
    }
    if pairs.len() < 2 {
        b.error(at.line, at.col, DiagnosticCode::AppariementMoinsDeuxPairesAttendues { pairs_count: pairs.len().to_string() });
    }
    let mut seen = BTreeSet::new();
    for p in &pairs {
        if !seen.insert(&p.left) {
            b.error(at.line, at.col, DiagnosticCode::AppariementElementGaucheDouble { p_left: p.left.as_str().to_string() });
        }
    }
    ActivityKind::Appariement { pairs }
}
