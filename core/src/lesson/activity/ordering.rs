//! remise-en-ordre: one list (numbered or not) of the items in the right order.

use crate::lesson::DiagnosticCode;
use std::collections::BTreeSet;

use super::lines::{Field, Lines};
use super::{Lists, Rules};
use crate::lesson::context::{Builder, Origin};
use crate::lesson::html::SafeHtml;
use crate::lesson::model::ActivityKind;

pub(super) const RULES: Rules =
    Rules { keys: &[], lists: Lists::BulletsOrNumbered, question_required: true, explanation_expected: true };

pub(super) fn parse(b: &mut Builder, lines: &Lines, at: Origin) -> ActivityKind {
    let src: Vec<Field> =
        if lines.ordered.is_empty() { lines.items.iter().map(|c| c.text.clone()).collect() } else { lines.ordered.clone() };
    if !lines.ordered.is_empty() {
        if let Some(c) = lines.items.first() {
            b.error(c.text.line, 1, DiagnosticCode::RemiseOrdreEcrisSeuleListe);
        }
    }
    let items: Vec<SafeHtml> = src.iter().map(|f| b.render_inline(f.text.trim(), f.origin())).collect();
    if items.len() < 2 {
        b.error(at.line, at.col, DiagnosticCode::RemiseOrdreMoinsDeuxElements { items_count: items.len().to_string() });
    }
    let mut seen = BTreeSet::new();
    for (it, f) in items.iter().zip(&src) {
        if !seen.insert(it) {
            b.warn(f.line, f.col, DiagnosticCode::RemiseOrdreElementDoubleOrdre);
        }
    }
    ActivityKind::RemiseEnOrdre { items }
}
