//! choix-unique and choix-multiples: `- [ ] choice` / `- [x] choice` lines,
//! each with an optional `> feedback`.

use super::lines::{Checkbox, Lines};
use super::{Lists, Rules};
use crate::lesson::context::{Builder, Origin};
use crate::lesson::model::{ActivityKind, ActivityType, Choice};
use crate::lesson::DiagnosticCode;

pub(super) const RULES: Rules = Rules { keys: &[], lists: Lists::Checkboxes, question_required: true, explanation_expected: true };

/// choix-unique: exactly one right choice.
pub(super) fn single(b: &mut Builder, lines: &Lines, at: Origin) -> ActivityKind {
    let choices = parse_choices(b, lines, at, ActivityType::ChoixUnique);
    let n_right = choices.iter().filter(|c| c.correct).count();
    if n_right != 1 {
        b.error(at.line, at.col, DiagnosticCode::ChoixUniqueExactementChoixX { n_right: n_right.to_string() });
    }
    ActivityKind::ChoixUnique { choices }
}

/// choix-multiples: at least one right choice.
pub(super) fn multiple(b: &mut Builder, lines: &Lines, at: Origin) -> ActivityKind {
    let choices = parse_choices(b, lines, at, ActivityType::ChoixMultiples);
    if !choices.iter().any(|c| c.correct) {
        b.error(at.line, at.col, DiagnosticCode::ChoixMultiplesMoinsChoixX);
    }
    ActivityKind::ChoixMultiples { choices }
}

fn parse_choices(b: &mut Builder, lines: &Lines, at: Origin, t: ActivityType) -> Vec<Choice> {
    let mut out = Vec::new();
    for c in &lines.items {
        if c.checkbox == Checkbox::Absent {
            b.error(c.text.line, 1, DiagnosticCode::ChoixSansCaseEcrisTexte);
        }
        if c.text.text.trim().is_empty() {
            b.error(c.text.line, c.text.col, DiagnosticCode::ChoixVide);
        }
        let html = b.render_inline(c.text.text.trim(), c.text.origin());
        let feedback = c.feedback.as_ref().map(|f| b.render_inline(f.text.trim(), f.origin()));
        out.push(Choice { html, correct: c.checkbox == Checkbox::Ticked, feedback });
    }
    if out.len() < 2 {
        b.error(
            at.line,
            at.col,
            DiagnosticCode::ActiviteMoinsDeuxChoixAttendus { t: t.as_str().to_string(), out_count: out.len().to_string() },
        );
    }
    out
}
