//! The lines of an activity fence, sorted: `clé : valeur` fields (a value
//! goes on over the following lines), hints, list items with their check box
//! and `>` feedback, numbered items and, for a scenario, situations with
//! their choices. What each type then makes of them is in its own module.

use crate::lesson::DiagnosticCode;
use std::collections::BTreeMap;

use super::{rules, Lists, Rules};
use crate::lesson::context::{Builder, Origin};
use crate::lesson::model::ActivityType;
use crate::text::fold;

/// A value with the position where it starts.
#[derive(Clone, Debug, Default)]
pub(super) struct Field {
    pub text: String,
    pub line: usize,
    pub col: usize,
}

impl Field {
    pub fn origin(&self) -> Origin {
        Origin { line: self.line, col: self.col }
    }
}

/// The check box of a list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Checkbox {
    /// `- [x] item`: a right choice.
    Ticked,
    /// `- [ ] item`.
    Empty,
    /// `- item`.
    Absent,
}

/// A `- item` line, with its `>` feedback.
#[derive(Debug)]
pub(super) struct Item {
    pub checkbox: Checkbox,
    pub text: Field,
    pub feedback: Option<Field>,
}

/// A `- choice -> target` line of a scenario situation.
#[derive(Debug)]
pub(super) struct SituationChoice {
    pub text: Field,
    pub target: String,
    pub feedback: Option<Field>,
}

/// A `[id]` (or `[id] fin N`) situation of a scenario.
#[derive(Debug)]
pub(super) struct Situation {
    pub id: String,
    pub line: usize,
    pub col: usize,
    pub end: Option<u8>,
    pub text: Option<Field>,
    pub choices: Vec<SituationChoice>,
}

/// The sorted lines of one activity.
#[derive(Debug, Default)]
pub(super) struct Lines {
    keys: BTreeMap<&'static str, Field>,
    pub hints: Vec<Field>,
    pub items: Vec<Item>,
    pub ordered: Vec<Field>,
    pub situations: Vec<Situation>,
}

impl Lines {
    /// The `key :` field, if written.
    pub fn key(&self, key: &str) -> Option<&Field> {
        self.keys.get(key)
    }
}

/// What the next continuation line goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    None,
    Key(&'static str),
    Hint(usize),
    Item(usize),
    ItemFeedback(usize),
    Ordered(usize),
    SituationText,
    SituationChoice,
    SituationFeedback,
}

/// The keys of every activity.
pub(super) const COMMON_KEYS: [&str; 8] = ["question", "crcn", "emi", "explication", "indice", "essais", "retiree", "remplacee-par"];

/// `key` if some activity type knows it.
fn known_key(key: &str) -> Option<&'static str> {
    let type_keys = ActivityType::ALL.iter().flat_map(|t| rules(*t).keys.iter());
    COMMON_KEYS.iter().chain(type_keys).copied().find(|k| *k == key)
}

/// `clé : valeur` → (folded key, value, value column). Accepts `clé:` and
/// `clé :` with a space, no-break space or narrow no-break space before the colon.
fn split_key(line: &str) -> Option<(String, &str, usize)> {
    let key_end = line.find(|c: char| !(c.is_alphabetic() || c == '-' || c == '_'))?;
    if key_end == 0 {
        return None;
    }
    let key = &line[..key_end];
    let after = &line[key_end..];
    let after_ws = after.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}']);
    let rest = after_ws.strip_prefix(':')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t', '\u{a0}', '\u{202f}'])) {
        return None;
    }
    let value = rest.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}']);
    let col = line[..line.len() - value.len()].chars().count() + 1;
    Some((fold(key).replace('_', "-"), value.trim_end(), col))
}

fn list_item(line: &str) -> Option<(&str, usize)> {
    let rest = line.trim_start().strip_prefix(['-', '*', '+'])?;
    if !(rest.starts_with(' ') || rest.starts_with('\t')) {
        return None;
    }
    let v = rest.trim_start();
    Some((v, line[..line.len() - v.len()].chars().count() + 1))
}

fn ordered_item(line: &str) -> Option<(&str, usize)> {
    let t = line.trim_start();
    let digits = t.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = t[digits..].strip_prefix(['.', ')'])?;
    if !(rest.starts_with(' ') || rest.starts_with('\t')) {
        return None;
    }
    let v = rest.trim_start();
    Some((v, line[..line.len() - v.len()].chars().count() + 1))
}

fn checkbox(item: &str) -> Option<(bool, &str)> {
    let rest = item.strip_prefix('[')?;
    let mut chars = rest.chars();
    let mark = chars.next()?;
    let rest = chars.as_str().strip_prefix(']')?;
    let checked = match mark {
        ' ' => false,
        'x' | 'X' => true,
        _ => return None,
    };
    Some((checked, rest.trim_start()))
}

fn node_header(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('[')?;
    let end = rest.find(']')?;
    Some((rest[..end].trim(), rest[end + 1..].trim()))
}

fn split_arrow(s: &str) -> Option<(&str, &str)> {
    let (i, len) = match (s.rfind("->"), s.rfind('→')) {
        (Some(a), Some(b)) => {
            if a > b {
                (a, 2)
            } else {
                (b, '→'.len_utf8())
            }
        }
        (Some(a), None) => (a, 2),
        (None, Some(b)) => (b, '→'.len_utf8()),
        (None, None) => return None,
    };
    Some((s[..i].trim_end(), s[i + len..].trim()))
}

fn append(f: &mut Field, text: &str) {
    f.text.push('\n');
    f.text.push_str(text);
}

/// Sorts the lines of an activity of type `t`; `first_line` is the file line
/// of the first one.
pub(super) fn scan(b: &mut Builder, t: ActivityType, text: &str, first_line: usize) -> Lines {
    let rules: &Rules = rules(t);
    let kind = t.as_str();
    let is_scenario = rules.lists == Lists::Situations;
    let mut out = Lines::default();
    let mut target = Target::None;

    for (i, raw_line) in text.split('\n').enumerate() {
        let line_no = first_line + i;
        let line = raw_line.trim_end_matches(['\r', ' ', '\t']);
        if line.trim().is_empty() {
            // keep paragraph breaks inside multi-line values
            match target {
                Target::Key(k) => {
                    if let Some(f) = out.keys.get_mut(k) {
                        append(f, "")
                    }
                }
                Target::SituationText => {
                    if let Some(f) = out.situations.last_mut().and_then(|n| n.text.as_mut()) {
                        append(f, "")
                    }
                }
                _ => {}
            }
            continue;
        }
        if is_scenario {
            if let Some(t) = scan_situation_line(b, &mut out.situations, target, line, line_no) {
                target = t;
                continue;
            }
        }
        // `clé : valeur`
        if let Some((key, value, col)) = split_key(line) {
            let known_here = COMMON_KEYS.contains(&key.as_str()) || rules.keys.contains(&key.as_str());
            match known_key(&key) {
                Some(k) if known_here => {
                    let field = Field { text: value.to_string(), line: line_no, col };
                    if k == "indice" {
                        out.hints.push(field);
                        target = Target::Hint(out.hints.len() - 1);
                    } else if out.keys.contains_key(k) {
                        b.error(line_no, 1, DiagnosticCode::CleRepetee { k: k.to_string() });
                    } else {
                        out.keys.insert(k, field);
                        target = Target::Key(k);
                    }
                }
                Some(_) => {
                    b.error(line_no, 1, DiagnosticCode::CleSansObjetPourActivite { key: key.to_string(), kind: kind.to_string() });
                    target = Target::None;
                }
                None => {
                    b.error(line_no, 1, DiagnosticCode::CleInconnuePourContinuerTexte { key: key.to_string() });
                    target = Target::None;
                }
            }
            continue;
        }
        // per-choice feedback
        if let Some(fb) = line.trim_start().strip_prefix('>') {
            let fb = fb.trim();
            let col = line.len() - fb.len() + 1;
            match target {
                Target::Item(c) | Target::ItemFeedback(c) if c < out.items.len() => {
                    if let Some(item) = out.items.get_mut(c) {
                        match item.feedback.as_mut() {
                            Some(f) => append(f, fb),
                            None => item.feedback = Some(Field { text: fb.to_string(), line: line_no, col }),
                        }
                        if item.checkbox == Checkbox::Absent || rules.lists != Lists::Checkboxes {
                            b.error(line_no, col, DiagnosticCode::RetourPossibleQueSousChoix { kind: kind.to_string() });
                        }
                    }
                    target = Target::ItemFeedback(c);
                }
                _ => b.error(line_no, col, DiagnosticCode::RetourSansChoixDessus),
            }
            continue;
        }
        if let Some((item, col)) = list_item(line) {
            let (checkbox, text, col) = match checkbox(item) {
                Some((true, t)) => (Checkbox::Ticked, t, col + (item.len() - t.len())),
                Some((false, t)) => (Checkbox::Empty, t, col + (item.len() - t.len())),
                None => (Checkbox::Absent, item, col),
            };
            out.items.push(Item { checkbox, text: Field { text: text.to_string(), line: line_no, col }, feedback: None });
            target = Target::Item(out.items.len() - 1);
            continue;
        }
        if let Some((item, col)) = ordered_item(line) {
            out.ordered.push(Field { text: item.to_string(), line: line_no, col });
            target = Target::Ordered(out.ordered.len() - 1);
            continue;
        }
        // continuation line
        let cont = line.trim();
        let field = match target {
            Target::Key(k) => out.keys.get_mut(k),
            Target::Hint(h) => out.hints.get_mut(h),
            Target::Item(c) => out.items.get_mut(c).map(|it| &mut it.text),
            Target::ItemFeedback(c) => out.items.get_mut(c).and_then(|it| it.feedback.as_mut()),
            Target::Ordered(o) => out.ordered.get_mut(o),
            _ => {
                if is_scenario {
                    b.error(line_no, 1, DiagnosticCode::LigneNonReconnueAvantPremiere { cont: cont.to_string() });
                } else {
                    b.error(line_no, 1, DiagnosticCode::LigneNonReconnueAttenduCle { cont: cont.to_string() });
                }
                None
            }
        };
        if let Some(f) = field {
            append(f, cont)
        }
    }
    out
}

/// A line of a scenario once a situation is open (or a situation header):
/// what the next continuation line goes on, or `None` when the line is not
/// the situation's (a `clé : valeur` before the first situation…).
fn scan_situation_line(
    b: &mut Builder,
    situations: &mut Vec<Situation>,
    target: Target,
    line: &str,
    line_no: usize,
) -> Option<Target> {
    if let Some((nid, rest)) = node_header(line) {
        let col = 2;
        let mut end = None;
        if !rest.is_empty() {
            let r = fold(rest);
            match r.strip_prefix("fin") {
                Some(num) if num.starts_with(' ') || num.is_empty() => match num.trim().parse::<i64>() {
                    Ok(v) if (0..=100).contains(&v) => end = Some(v as u8),
                    _ => b.error(line_no, col, DiagnosticCode::ScoreFinInvalideNombre0 { num: num.trim().to_string() }),
                },
                _ => b.error(line_no, col, DiagnosticCode::ApresSeulFinPermisTrouve { nid: nid.to_string(), rest: rest.to_string() }),
            }
        }
        if !crate::text::is_activity_id(nid) {
            b.error(line_no, col, DiagnosticCode::IdentifiantSituationInvalideMinusculesChiffres { nid: nid.to_string() });
        }
        situations.push(Situation { id: nid.to_string(), line: line_no, col, end, text: None, choices: Vec::new() });
        return Some(Target::SituationText);
    }
    let node = situations.last_mut()?;
    if let Some(fb) = line.trim_start().strip_prefix('>') {
        let fb = fb.trim();
        let col = line.len() - fb.len() + 1;
        match node.choices.last_mut() {
            Some(c) => match c.feedback.as_mut() {
                Some(f) => append(f, fb),
                None => c.feedback = Some(Field { text: fb.to_string(), line: line_no, col }),
            },
            None => b.error(line_no, 1, DiagnosticCode::RetourSansChoixDessus),
        }
        return Some(if node.choices.is_empty() { target } else { Target::SituationFeedback });
    }
    if let Some((item, col)) = list_item(line) {
        match split_arrow(item) {
            Some((t, tgt)) if !t.is_empty() && !tgt.is_empty() => {
                node.choices.push(SituationChoice {
                    text: Field { text: t.to_string(), line: line_no, col },
                    target: tgt.to_string(),
                    feedback: None,
                });
                return Some(Target::SituationChoice);
            }
            _ => b.error(line_no, col, DiagnosticCode::ChoixScenarioSansCibleEcris),
        }
        return Some(target);
    }
    // situation text
    match target {
        Target::SituationText => match node.text.as_mut() {
            Some(f) => append(f, line),
            None => node.text = Some(Field { text: line.to_string(), line: line_no, col: 1 }),
        },
        Target::SituationChoice => {
            if let Some(c) = node.choices.last_mut() {
                append(&mut c.text, line.trim())
            }
        }
        Target::SituationFeedback => {
            if let Some(f) = node.choices.last_mut().and_then(|c| c.feedback.as_mut()) {
                append(f, line.trim())
            }
        }
        _ => b.error(line_no, 1, DiagnosticCode::TexteSituationApresSesChoix),
    }
    Some(target)
}
