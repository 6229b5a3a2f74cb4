//! The participation types, which have no right answer: sondage (`- option`
//! lines), nuage-de-mots (`mots : N`) and remue-meninges (`categories : A | B`).

use super::lines::{Checkbox, Lines};
use super::{Lists, Rules};
use crate::lesson::context::{Builder, Origin};
use crate::lesson::model::ActivityKind;
use crate::lesson::DiagnosticCode;

pub(super) const POLL: Rules = Rules { keys: &[], lists: Lists::Bullets, question_required: true, explanation_expected: false };
pub(super) const WORD_CLOUD: Rules =
    Rules { keys: &["mots"], lists: Lists::None, question_required: true, explanation_expected: false };
pub(super) const BRAINSTORM: Rules =
    Rules { keys: &["categories"], lists: Lists::None, question_required: true, explanation_expected: false };

/// How many words a learner gives when `mots :` is not written.
const DEFAULT_WORDS: u8 = 3;

/// sondage: at least two options, none ticked.
pub(super) fn poll(b: &mut Builder, lines: &Lines, at: Origin) -> ActivityKind {
    let mut options = Vec::new();
    for c in &lines.items {
        if c.checkbox != Checkbox::Absent {
            b.error(c.text.line, 1, DiagnosticCode::SondagePasCaseXSondage);
        }
        options.push(b.render_inline(c.text.text.trim(), c.text.origin()));
    }
    if options.len() < 2 {
        b.error(at.line, at.col, DiagnosticCode::SondageMoinsDeuxOptionsAttendues { options_count: options.len().to_string() });
    }
    ActivityKind::Sondage { options }
}

/// nuage-de-mots: `mots :` from 1 to 10.
pub(super) fn word_cloud(b: &mut Builder, lines: &Lines) -> ActivityKind {
    let words = match lines.key("mots") {
        None => DEFAULT_WORDS,
        Some(f) => match f.text.trim().parse::<u8>() {
            Ok(n) if (1..=10).contains(&n) => n,
            _ => {
                b.error(f.line, f.col, DiagnosticCode::MotsAttendNombre110 { f_text: f.text.trim().to_string() });
                DEFAULT_WORDS
            }
        },
    };
    ActivityKind::NuageDeMots { words }
}

/// remue-meninges: optional categories.
pub(super) fn brainstorm(lines: &Lines) -> ActivityKind {
    let categories = lines
        .key("categories")
        .map(|f| f.text.split('|').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    ActivityKind::RemueMeninges { categories }
}
