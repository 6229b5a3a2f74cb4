//! vrai-faux: `reponse : vrai` or `reponse : faux`.

use super::lines::Lines;
use super::{Lists, Rules};
use crate::lesson::context::{Builder, Origin};
use crate::lesson::model::ActivityKind;
use crate::lesson::DiagnosticCode;
use crate::text::fold;

pub(super) const RULES: Rules = Rules { keys: &["reponse"], lists: Lists::None, question_required: true, explanation_expected: true };

pub(super) fn parse(b: &mut Builder, lines: &Lines, at: Origin) -> ActivityKind {
    let answer = match lines.key("reponse") {
        Some(f) => match fold(f.text.trim()).as_str() {
            "vrai" => true,
            "faux" => false,
            other => {
                b.error(f.line, f.col, DiagnosticCode::VraiFauxReponseAttendVrai { other: other.to_string() });
                true
            }
        },
        None => {
            b.error(at.line, at.col, DiagnosticCode::VraiFauxReponseVraiReponse);
            true
        }
    };
    ActivityKind::VraiFaux { answer }
}
