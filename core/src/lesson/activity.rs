//! The activity parser: the content of a ```` ```activite <type> id=<id> ````
//! fence, in the line-based `clé : valeur` syntax of `docs/lesson-format.md`,
//! becomes a typed [`Activity`], with diagnostics at the real line of the
//! lesson file. The common part is here: the fence line (type and id) and the
//! fields every type has (question, crcn, emi, explication, indice, essais).
//! [`lines`] sorts the lines of the fence; then one module per
//! [`ActivityType`] checks what it needs and makes its [`ActivityKind`],
//! following its [`Rules`].

mod choices;
mod gaps;
mod lines;
mod matching;
mod ordering;
mod participation;
mod scenario;
mod short_answer;
mod true_false;

use crate::lesson::DiagnosticCode;
use lines::{Field, Lines};

use super::context::{Builder, Origin, Replacement};
use super::html::SafeHtml;
use super::model::{Activity, ActivityKind, ActivityType, CrcnRef, DEFAULT_ATTEMPTS};
use crate::frameworks;
use crate::text::{fold, is_activity_id};

/// The lists an activity type takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lists {
    None,
    /// `- item` lines.
    Bullets,
    /// `- [ ] choice` / `- [x] choice` lines, each with an optional `> feedback`.
    Checkboxes,
    /// One list, `- item` or `1. item`.
    BulletsOrNumbered,
    /// `[id]` situations with their `- choice -> id` lines.
    Situations,
}

/// What the fence of one type may hold besides the common keys.
struct Rules {
    /// Its own `clé :` keys.
    keys: &'static [&'static str],
    lists: Lists,
    /// Whether `question :` must be written.
    question_required: bool,
    /// Whether a missing `explication :` is worth a warning.
    explanation_expected: bool,
}

/// The rules of a type, from its module.
fn rules(t: ActivityType) -> &'static Rules {
    match t {
        ActivityType::ChoixUnique | ActivityType::ChoixMultiples => &choices::RULES,
        ActivityType::VraiFaux => &true_false::RULES,
        ActivityType::ReponseCourte => &short_answer::RULES,
        ActivityType::TexteATrous => &gaps::RULES,
        ActivityType::Appariement => &matching::RULES,
        ActivityType::RemiseEnOrdre => &ordering::RULES,
        ActivityType::Sondage => &participation::POLL,
        ActivityType::NuageDeMots => &participation::WORD_CLOUD,
        ActivityType::RemueMeninges => &participation::BRAINSTORM,
        ActivityType::Scenario => &scenario::RULES,
    }
}

/// The type-specific part, by the type's own parser. `at`: the fence line,
/// where problems of the activity as a whole are reported.
fn parse_kind(b: &mut Builder, t: ActivityType, lines: &Lines, at: Origin) -> ActivityKind {
    match t {
        ActivityType::ChoixUnique => choices::single(b, lines, at),
        ActivityType::ChoixMultiples => choices::multiple(b, lines, at),
        ActivityType::VraiFaux => true_false::parse(b, lines, at),
        ActivityType::ReponseCourte => short_answer::parse(b, lines, at),
        ActivityType::TexteATrous => gaps::parse(b, lines, at),
        ActivityType::Appariement => matching::parse(b, lines, at),
        ActivityType::RemiseEnOrdre => ordering::parse(b, lines, at),
        ActivityType::Sondage => participation::poll(b, lines, at),
        ActivityType::NuageDeMots => participation::word_cloud(b, lines),
        ActivityType::RemueMeninges => participation::brainstorm(lines),
        ActivityType::Scenario => scenario::parse(b, lines, at),
    }
}

/// Parses one activity fence. `info` is what follows `activite` on the fence
/// line; `first_line` is the file line of the first content line.
pub fn parse_activity(
    b: &mut Builder,
    info: &str,
    text: &str,
    fence_line: usize,
    fence_col: usize,
    first_line: usize,
) -> Option<Activity> {
    let errors_before = b.error_count();
    let at = Origin { line: fence_line, col: fence_col };
    let (activity_type, id) = parse_fence(b, info, at)?;
    let lines = lines::scan(b, activity_type, text, first_line);
    let common = common_fields(b, activity_type, &lines, &id, at);
    check_lists(b, activity_type, &lines);
    let kind = parse_kind(b, activity_type, &lines, at);
    if b.error_count() > errors_before {
        return None;
    }
    let Common { question, crcn, emi, explanation, hints, attempts, retired, replaced_by } = common;
    if let Some(f) = &replaced_by {
        b.replacements.push(Replacement { activity: id.clone(), target: f.text.clone(), line: f.line, col: f.col });
    }
    let replaced_by = replaced_by.map(|f| f.text);
    Some(Activity { id, question, crcn, emi, explanation, hints, attempts, retired, replaced_by, kind })
}

/// The type and the id on the fence line.
fn parse_fence(b: &mut Builder, info: &str, at: Origin) -> Option<(ActivityType, String)> {
    let mut tokens = info.split_whitespace();
    let Some(kind_raw) = tokens.next() else {
        b.error(
            at.line,
            at.col,
            DiagnosticCode::TypeActiviteManquantActiviteType { activitytype_names: ActivityType::names().to_string() },
        );
        return None;
    };
    let Some(activity_type) = ActivityType::parse(&fold(kind_raw)) else {
        b.error(
            at.line,
            at.col,
            DiagnosticCode::TypeActiviteInconnuTypes {
                kind_raw: kind_raw.to_string(),
                activitytype_names: ActivityType::names().to_string(),
            },
        );
        return None;
    };
    let mut id: Option<String> = None;
    for tok in tokens {
        match tok.split_once('=') {
            Some(("id", v)) => id = Some(v.trim_matches(['"', '\'']).to_string()),
            _ => b.warn(at.line, at.col, DiagnosticCode::IgnoreSurLigneActiviteSeul { tok: tok.to_string() }),
        }
    }
    let Some(id) = id else {
        b.error(at.line, at.col, DiagnosticCode::IdentifiantActiviteManquantAjouteId);
        return None;
    };
    if !is_activity_id(&id) {
        b.error(at.line, at.col, DiagnosticCode::IdentifiantActiviteInvalideMinusculesChiffres { id: id.to_string() });
        return None;
    }
    Some((activity_type, id))
}

/// The fields every activity has.
struct Common {
    question: SafeHtml,
    crcn: Vec<CrcnRef>,
    emi: Vec<String>,
    explanation: SafeHtml,
    hints: Vec<SafeHtml>,
    attempts: u8,
    /// `retiree : oui`.
    retired: bool,
    /// `remplacee-par :` (only on a retired activity), trimmed.
    replaced_by: Option<Field>,
}

fn common_fields(b: &mut Builder, t: ActivityType, lines: &Lines, id: &str, at: Origin) -> Common {
    let rules = rules(t);
    let kind = t.as_str();
    let question = match lines.key("question") {
        Some(f) if !f.text.trim().is_empty() => b.render_inline(f.text.trim(), f.origin()),
        _ => {
            if rules.question_required {
                b.error(at.line, at.col, DiagnosticCode::QuestionManquantePourActivite { id: id.to_string() });
            }
            SafeHtml::default()
        }
    };
    let mut crcn = Vec::new();
    if let Some(f) = lines.key("crcn") {
        if t.participation_only() {
            b.error(f.line, 1, DiagnosticCode::CrcnRefusePourActiviteElle { kind: kind.to_string() });
        } else {
            crcn = parse_crcn_list(b, f);
        }
    }
    let mut emi = Vec::new();
    if let Some(f) = lines.key("emi") {
        for code in f.text.split([';', ',', ' ', '\n']).map(str::trim).filter(|s| !s.is_empty()) {
            if frameworks::is_emi(code) {
                if !emi.iter().any(|e| e == code) {
                    emi.push(code.to_string());
                }
            } else {
                b.error(f.line, f.col, DiagnosticCode::CodeEmiInconnuEmi1Emi4 { code: code.to_string() });
            }
        }
    }
    let explanation = match lines.key("explication") {
        Some(f) if !f.text.trim().is_empty() => b.render_nested(f.text.trim(), f.origin()),
        _ => {
            if rules.explanation_expected {
                b.warn(at.line, at.col, DiagnosticCode::ActiviteSansExplicationDisPourquoi { id: id.to_string() });
            }
            SafeHtml::default()
        }
    };
    let hints = lines.hints.iter().map(|h| b.render_inline(h.text.trim(), h.origin())).collect();
    let mut attempts = DEFAULT_ATTEMPTS;
    if let Some(f) = lines.key("essais") {
        match f.text.trim().parse::<u8>() {
            Ok(n) if (1..=10).contains(&n) => attempts = n,
            _ => b.error(f.line, f.col, DiagnosticCode::EssaisAttendNombre110 { f_text: f.text.trim().to_string() }),
        }
    }
    let retired = yes_no(b, lines, "retiree", |other| DiagnosticCode::RetireeAttendOuiNon { other });
    let replaced_by = lines.key("remplacee-par").map(|f| Field { text: f.text.trim().to_string(), line: f.line, col: f.col });
    if let Some(f) = &replaced_by {
        if !retired {
            b.error(f.line, f.col, DiagnosticCode::RemplaceeParSansRetiree { id: id.to_string() });
        }
    }
    Common { question, crcn, emi, explanation, hints, attempts, retired, replaced_by }
}

/// Reports the lists that this type does not use.
fn check_lists(b: &mut Builder, t: ActivityType, lines: &Lines) {
    let kind = t.as_str();
    let lists = rules(t).lists;
    if matches!(lists, Lists::None | Lists::Situations) {
        if let Some(c) = lines.items.first() {
            b.error(c.text.line, 1, DiagnosticCode::ListeInattendueActivite { kind: kind.to_string() });
        }
    }
    if lists != Lists::BulletsOrNumbered {
        if let Some(o) = lines.ordered.first() {
            b.error(o.line, 1, DiagnosticCode::ListeNumeroteeInattendueActivite { kind: kind.to_string() });
        }
    }
}

/// `faute-permise : oui | non` (default: no).
fn typo_allowed(b: &mut Builder, lines: &Lines) -> bool {
    yes_no(b, lines, "faute-permise", |other| DiagnosticCode::FautePermiseAttendOuiNon { other })
}

/// `key : oui | non` (default: no); anything else is the error `code`.
fn yes_no(b: &mut Builder, lines: &Lines, key: &str, code: fn(String) -> DiagnosticCode) -> bool {
    match lines.key(key) {
        None => false,
        Some(f) => match fold(f.text.trim()).as_str() {
            "oui" => true,
            "non" => false,
            other => {
                b.error(f.line, f.col, code(other.to_string()));
                false
            }
        },
    }
}

/// `2.2 niveau 2; 3.3 niveau 1`.
fn parse_crcn_list(b: &mut Builder, f: &Field) -> Vec<CrcnRef> {
    let mut out: Vec<CrcnRef> = Vec::new();
    for part in f.text.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let (code, level) = match words.as_slice() {
            [code, niv, level] if matches!(fold(niv).as_str(), "niveau" | "niv" | "niv.") => (*code, *level),
            _ => {
                b.error(f.line, f.col, DiagnosticCode::CrcnMalEcritEcrisPar { part: part.to_string() });
                continue;
            }
        };
        if let Some(r) = check_crcn(b, code, level.parse::<i64>().ok(), f.line, f.col) {
            if !b.lesson_crcn.iter().any(|c| c.code == r.code) {
                b.warn(f.line, f.col, DiagnosticCode::CompetenceActivitePasCrcnTete { r_code: r.code.to_string() });
            }
            if !out.iter().any(|c| c.code == r.code) {
                out.push(r);
            }
        }
    }
    out
}

/// Checks a CRCN code and level, reporting problems; shared with the front matter.
pub fn check_crcn(b: &mut Builder, code: &str, level: Option<i64>, line: usize, col: usize) -> Option<CrcnRef> {
    let mut ok = true;
    if frameworks::crcn_competence(code).is_none() {
        b.error(line, col, DiagnosticCode::CompetenceCrcnInconnue16Competences { code: code.to_string() });
        ok = false;
    }
    let level = match level {
        Some(l) if frameworks::is_crcn_level(l) => l as u8,
        other => {
            let shown = other.map(|l| l.to_string()).unwrap_or_else(|| "?".into());
            b.error(line, col, DiagnosticCode::NiveauCrcnInvalidePour1 { shown: shown.to_string(), code: code.to_string() });
            return None;
        }
    };
    if level > frameworks::CRCN_SCHOOL_LEVEL_MAX {
        b.warn(line, col, DiagnosticCode::NiveauPourNiveaux15 { level: level.to_string(), code: code.to_string() });
    }
    ok.then(|| CrcnRef { code: code.to_string(), level })
}
