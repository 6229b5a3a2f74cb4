//! reponse-courte: the accepted answers, `reponses : A | B`, and whether a
//! typo is forgiven.

use super::lines::Lines;
use super::{typo_allowed, Lists, Rules};
use crate::lesson::context::{Builder, Origin};
use crate::lesson::model::ActivityKind;
use crate::lesson::DiagnosticCode;
use crate::text::answer_form;

pub(super) const RULES: Rules =
    Rules { keys: &["reponses", "reponse", "faute-permise"], lists: Lists::None, question_required: true, explanation_expected: true };

pub(super) fn parse(b: &mut Builder, lines: &Lines, at: Origin) -> ActivityKind {
    let typo = typo_allowed(b, lines);
    let mut answers = Vec::new();
    match lines.key("reponses").or_else(|| lines.key("reponse")) {
        Some(f) => {
            for a in f.text.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                if answer_form(a).is_empty() {
                    b.error(f.line, f.col, DiagnosticCode::ReponseAccepteeVideFoisNormalisee { a: a.to_string() });
                } else {
                    answers.push(a.to_string());
                }
            }
            if answers.is_empty() {
                b.error(f.line, f.col, DiagnosticCode::ReponseCourteMoinsReponseAcceptee);
            }
        }
        None => b.error(at.line, at.col, DiagnosticCode::ReponseCourteReponsesManquanteReponses),
    }
    ActivityKind::ReponseCourte { answers, typo }
}
