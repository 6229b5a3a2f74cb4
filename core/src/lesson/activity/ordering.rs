//! remise-en-ordre: one list (numbered or not) of the items in the right order.

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
            b.error(c.text.line, 1, "remise-en-ordre : n'écris qu'une seule liste (numérotée)");
        }
    }
    let items: Vec<SafeHtml> = src.iter().map(|f| b.render_inline(f.text.trim(), f.origin())).collect();
    if items.len() < 2 {
        b.error(at.line, at.col, format!("remise-en-ordre : au moins deux éléments attendus (trouvé {})", items.len()));
    }
    let mut seen = BTreeSet::new();
    for (it, f) in items.iter().zip(&src) {
        if !seen.insert(it) {
            b.warn(f.line, f.col, "remise-en-ordre : élément en double, l'ordre est ambigu");
        }
    }
    ActivityKind::RemiseEnOrdre { items }
}
