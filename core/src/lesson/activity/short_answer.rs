//! reponse-courte: the accepted answers, `reponses : A | B`, and whether a
//! typo is forgiven.

use super::lines::Lines;
use super::{typo_allowed, Lists, Rules};
use crate::lesson::context::{Builder, Origin};
use crate::lesson::model::ActivityKind;
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
                    b.error(f.line, f.col, format!("réponse acceptée vide une fois normalisée : « {a} »"));
                } else {
                    answers.push(a.to_string());
                }
            }
            if answers.is_empty() {
                b.error(f.line, f.col, "reponse-courte : au moins une réponse acceptée attendue (`reponses : A | B`)");
            }
        }
        None => b.error(at.line, at.col, "reponse-courte : `reponses :` manquante (réponses acceptées séparées par |)"),
    }
    ActivityKind::ReponseCourte { answers, typo }
}
