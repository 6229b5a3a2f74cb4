//! choix-unique and choix-multiples: `- [ ] choice` / `- [x] choice` lines,
//! each with an optional `> feedback`.

use super::lines::{Checkbox, Lines};
use super::{Lists, Rules};
use crate::lesson::context::{Builder, Origin};
use crate::lesson::model::{ActivityKind, ActivityType, Choice};

pub(super) const RULES: Rules = Rules { keys: &[], lists: Lists::Checkboxes, question_required: true, explanation_expected: true };

/// choix-unique: exactly one right choice.
pub(super) fn single(b: &mut Builder, lines: &Lines, at: Origin) -> ActivityKind {
    let choices = parse_choices(b, lines, at, ActivityType::ChoixUnique);
    let n_right = choices.iter().filter(|c| c.correct).count();
    if n_right != 1 {
        b.error(at.line, at.col, format!("choix-unique : exactement un choix `[x]` attendu (trouvé {n_right})"));
    }
    ActivityKind::ChoixUnique { choices }
}

/// choix-multiples: at least one right choice.
pub(super) fn multiple(b: &mut Builder, lines: &Lines, at: Origin) -> ActivityKind {
    let choices = parse_choices(b, lines, at, ActivityType::ChoixMultiples);
    if !choices.iter().any(|c| c.correct) {
        b.error(at.line, at.col, "choix-multiples : au moins un choix `[x]` attendu");
    }
    ActivityKind::ChoixMultiples { choices }
}

fn parse_choices(b: &mut Builder, lines: &Lines, at: Origin, t: ActivityType) -> Vec<Choice> {
    let mut out = Vec::new();
    for c in &lines.items {
        if c.checkbox == Checkbox::Absent {
            b.error(c.text.line, 1, "choix sans case : écris `- [ ] texte` ou `- [x] texte` (bonne réponse)");
        }
        if c.text.text.trim().is_empty() {
            b.error(c.text.line, c.text.col, "choix vide");
        }
        let html = b.render_inline(c.text.text.trim(), c.text.origin());
        let feedback = c.feedback.as_ref().map(|f| b.render_inline(f.text.trim(), f.origin()));
        out.push(Choice { html, correct: c.checkbox == Checkbox::Ticked, feedback });
    }
    if out.len() < 2 {
        b.error(at.line, at.col, format!("activité {} : au moins deux choix attendus (trouvé {})", t.as_str(), out.len()));
    }
    out
}
