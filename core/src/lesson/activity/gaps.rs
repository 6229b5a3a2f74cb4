//! texte-a-trous: `texte :` with blanks to type in, `{réponse | autre}`, or
//! to choose, `{liste: A | *B | C}`, and whether a typo is forgiven.

use super::lines::{Field, Lines};
use super::{typo_allowed, Lists, Rules};
use crate::lesson::context::{Builder, Origin};
use crate::lesson::html::SafeHtml;
use crate::lesson::model::{ActivityKind, TextPart};
use crate::lesson::DiagnosticCode;
use crate::text::{answer_form, fold};

pub(super) const RULES: Rules =
    Rules { keys: &["texte", "faute-permise"], lists: Lists::None, question_required: false, explanation_expected: true };

pub(super) fn parse(b: &mut Builder, lines: &Lines, at: Origin) -> ActivityKind {
    let typo = typo_allowed(b, lines);
    let parts = match lines.key("texte") {
        Some(f) => parse_gaps(b, f),
        None => {
            b.error(at.line, at.col, DiagnosticCode::TexteTrousTexteManquant);
            Vec::new()
        }
    };
    ActivityKind::TexteATrous { parts, typo }
}

/// Parses the `texte :` of a texte-a-trous into text parts and blanks.
fn parse_gaps(b: &mut Builder, f: &Field) -> Vec<TextPart> {
    let src = f.text.trim();
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut chars = src.char_indices().peekable();
    let mut n_blanks = 0;
    let push_text = |b: &mut Builder, parts: &mut Vec<TextPart>, text: &mut String| {
        if text.is_empty() {
            return;
        }
        let lead = if text.starts_with(char::is_whitespace) { " " } else { "" };
        let trail = if text.ends_with(char::is_whitespace) && !text.trim().is_empty() { " " } else { "" };
        let core = text.trim();
        let html = if core.is_empty() { SafeHtml::default() } else { b.render_inline(core, f.origin()) };
        parts.push(TextPart::Text { html: SafeHtml::sanitised(format!("{lead}{}{trail}", html.as_str())) });
        text.clear();
    };
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some((_, '{')) | Some((_, '}'))) => {
                if let Some((_, n)) = chars.next() {
                    text.push('\\');
                    text.push(n);
                }
            }
            '{' => {
                let rest = &src[i + 1..];
                let Some(end) = rest.find(['}', '{']).filter(|&e| rest[e..].starts_with('}')) else {
                    b.error(f.line, f.col, DiagnosticCode::TexteTrousAccoladeNonFermee);
                    return Vec::new();
                };
                let inner = &rest[..end];
                for _ in 0..inner.chars().count() + 1 {
                    chars.next();
                }
                push_text(b, &mut parts, &mut text);
                n_blanks += 1;
                let folded = fold(inner.trim_start());
                if let Some(list) = folded.strip_prefix("liste").map(str::trim_start).and_then(|r| r.strip_prefix(':')) {
                    // use the original text after the first ':'
                    let _ = list;
                    let original = inner.split_once(':').map(|x| x.1).unwrap_or("");
                    let mut options = Vec::new();
                    let mut answer = None;
                    let mut stars = 0;
                    for opt in original.split('|').map(str::trim) {
                        let (star, o) = match opt.strip_prefix('*') {
                            Some(o) => (true, o.trim()),
                            None => (false, opt),
                        };
                        if o.is_empty() {
                            b.error(f.line, f.col, DiagnosticCode::TexteTrousOptionVide { inner: inner.to_string() });
                            continue;
                        }
                        if star {
                            stars += 1;
                            answer = Some(options.len());
                        }
                        options.push(o.to_string());
                    }
                    if stars != 1 {
                        b.error(
                            f.line,
                            f.col,
                            DiagnosticCode::TexteTrousListeDoitAvoir { inner: inner.to_string(), stars: stars.to_string() },
                        );
                    }
                    if options.len() < 2 {
                        b.error(f.line, f.col, DiagnosticCode::TexteTrousListeDoitAvoir2 { inner: inner.to_string() });
                    }
                    parts.push(TextPart::List { options, answer: answer.unwrap_or(0) });
                } else {
                    let answers: Vec<String> = inner.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
                    if answers.is_empty() || answers.iter().any(|a| answer_form(a).is_empty()) {
                        b.error(f.line, f.col, DiagnosticCode::TexteTrousTrouVide { inner: inner.to_string() });
                    }
                    parts.push(TextPart::Gap { answers });
                }
            }
            '}' => {
                b.error(f.line, f.col, DiagnosticCode::TexteTrousAccoladeSans);
                return Vec::new();
            }
            c => text.push(c),
        }
    }
    push_text(b, &mut parts, &mut text);
    if n_blanks == 0 {
        b.error(f.line, f.col, DiagnosticCode::TexteTrousMoinsTrouAttendu);
    }
    parts
}
