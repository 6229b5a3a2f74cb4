//! The activity parser: the content of a ```` ```activite <type> id=<id> ````
//! fence, in the line-based `clé : valeur` syntax of `docs/lesson-format.md`,
//! becomes a typed [`Activity`], with diagnostics at the real line of the
//! lesson file.

use std::collections::{BTreeMap, BTreeSet};

use super::markdown::{is_valid_id, Builder, Mode, Origin};
use super::model::{
    Activity, ActivityKind, Choice, CrcnRef, Pair, ScenarioChoice, ScenarioNode, TextPart, DEFAULT_ATTEMPTS,
    ActivityType,
};
use super::normalize::{fold, normalize_answer};
use crate::frameworks;

/// A value with the position where it starts.
#[derive(Clone, Debug, Default)]
struct Field {
    text: String,
    line: usize,
    col: usize,
}

impl Field {
    fn origin(&self) -> Origin {
        Origin { line: self.line, col: self.col }
    }
}

#[derive(Debug)]
struct RawChoice {
    /// `Some(true)` for `[x]`, `Some(false)` for `[ ]`, `None` for a plain `- item`.
    checked: Option<bool>,
    text: Field,
    feedback: Option<Field>,
}

#[derive(Debug)]
struct RawScenarioChoice {
    text: Field,
    target: String,
    feedback: Option<Field>,
}

#[derive(Debug)]
struct RawNode {
    id: String,
    line: usize,
    col: usize,
    end: Option<u8>,
    text: Option<Field>,
    choices: Vec<RawScenarioChoice>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    None,
    Key(&'static str),
    Hint(usize),
    Choice(usize),
    ChoiceFeedback(usize),
    Ordered(usize),
    NodeText(usize),
    NodeChoice(usize, usize),
    NodeChoiceFeedback(usize, usize),
}

const COMMON_KEYS: [&str; 6] = ["question", "crcn", "emi", "explication", "indice", "essais"];

fn type_keys(t: &str) -> &'static [&'static str] {
    match t {
        "vrai-faux" => &["reponse"],
        "reponse-courte" => &["reponses", "reponse", "faute-permise"],
        "texte-a-trous" => &["texte", "faute-permise"],
        "nuage-de-mots" => &["mots"],
        "remue-meninges" => &["categories"],
        _ => &[],
    }
}

fn static_key(k: &str) -> Option<&'static str> {
    const ALL: [&str; 12] = [
        "question", "crcn", "emi", "explication", "indice", "essais", "reponse", "reponses", "faute-permise", "texte", "mots", "categories",
    ];
    ALL.iter().copied().find(|a| *a == k)
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

/// Parses one activity fence. `info` is what follows `activite` on the fence
/// line; `first_line` is the file line of the first content line.
pub fn parse_activity(b: &mut Builder, info: &str, text: &str, fence_line: usize, fence_col: usize, first_line: usize) -> Option<Activity> {
    let errors_before = b.diags.iter().filter(|d| d.is_error()).count();
    let mut tokens = info.split_whitespace();
    let Some(kind_raw) = tokens.next() else {
        b.error(fence_line, fence_col, format!("type d'activité manquant : ```activite <type> id=<identifiant> (types : {})", ActivityType::names()));
        return None;
    };
    let kind_folded = fold(kind_raw);
    let Some(activity_type) = ActivityType::parse(&kind_folded) else {
        b.error(fence_line, fence_col, format!("type d'activité inconnu « {kind_raw} » (types : {})", ActivityType::names()));
        return None;
    };
    let kind = activity_type.as_str();
    let mut id: Option<String> = None;
    for tok in tokens {
        match tok.split_once('=') {
            Some(("id", v)) => id = Some(v.trim_matches(['"', '\'']).to_string()),
            _ => b.warn(fence_line, fence_col, format!("« {tok} » ignoré sur la ligne de l'activité (seul id=… est attendu)")),
        }
    }
    let Some(id) = id else {
        b.error(fence_line, fence_col, "identifiant d'activité manquant : ajoute id=<identifiant> après le type");
        return None;
    };
    if !is_valid_id(&id, 1, 60) {
        b.error(fence_line, fence_col, format!("identifiant d'activité invalide « {id} » : minuscules, chiffres et tirets, 60 caractères au plus"));
        return None;
    }
    let participation = matches!(kind, "sondage" | "nuage-de-mots" | "remue-meninges");
    let is_choice = matches!(kind, "choix-unique" | "choix-multiples");
    let is_scenario = kind == "scenario";

    let mut keys: BTreeMap<&'static str, Field> = BTreeMap::new();
    let mut hints: Vec<Field> = Vec::new();
    let mut choices: Vec<RawChoice> = Vec::new();
    let mut ordered: Vec<Field> = Vec::new();
    let mut nodes: Vec<RawNode> = Vec::new();
    let mut target = Target::None;

    for (i, raw_line) in text.split('\n').enumerate() {
        let line_no = first_line + i;
        let line = raw_line.trim_end_matches(['\r', ' ', '\t']);
        if line.trim().is_empty() {
            // keep paragraph breaks inside multi-line values
            match target {
                Target::Key(k) => {
                    if let Some(f) = keys.get_mut(k) {
                        append(f, "")
                    }
                }
                Target::NodeText(n) => {
                    if let Some(f) = nodes.get_mut(n).and_then(|n| n.text.as_mut()) {
                        append(f, "")
                    }
                }
                _ => {}
            }
            continue;
        }
        // scenario situations
        if is_scenario {
            if let Some((nid, rest)) = node_header(line) {
                let col = 2;
                let mut end = None;
                if !rest.is_empty() {
                    let r = fold(rest);
                    match r.strip_prefix("fin") {
                        Some(num) if num.starts_with(' ') || num.is_empty() => match num.trim().parse::<i64>() {
                            Ok(v) if (0..=100).contains(&v) => end = Some(v as u8),
                            _ => b.error(line_no, col, format!("score de fin invalide « {} » : un nombre de 0 à 100", num.trim())),
                        },
                        _ => b.error(line_no, col, format!("après [{nid}], seul « fin N » est permis (trouvé « {rest} »)")),
                    }
                }
                if !is_valid_id(nid, 1, 60) {
                    b.error(line_no, col, format!("identifiant de situation invalide « {nid} » : minuscules, chiffres et tirets"));
                }
                nodes.push(RawNode { id: nid.to_string(), line: line_no, col, end, text: None, choices: Vec::new() });
                target = Target::NodeText(nodes.len() - 1);
                continue;
            }
            if let Some(n) = nodes.len().checked_sub(1) {
                if let Some(fb) = line.trim_start().strip_prefix('>') {
                    let fb = fb.trim();
                    let col = line.len() - fb.len() + 1;
                    let last = nodes[n].choices.len().checked_sub(1);
                    match last {
                        Some(c) if nodes[n].choices[c].feedback.is_none() => {
                            nodes[n].choices[c].feedback = Some(Field { text: fb.to_string(), line: line_no, col });
                            target = Target::NodeChoiceFeedback(n, c);
                        }
                        Some(c) => {
                            if let Some(f) = nodes[n].choices[c].feedback.as_mut() {
                                append(f, fb)
                            }
                        }
                        None => b.error(line_no, 1, "retour `>` sans choix au-dessus"),
                    }
                    continue;
                }
                if let Some((item, col)) = list_item(line) {
                    match split_arrow(item) {
                        Some((t, tgt)) if !t.is_empty() && !tgt.is_empty() => {
                            nodes[n].choices.push(RawScenarioChoice {
                                text: Field { text: t.to_string(), line: line_no, col },
                                target: tgt.to_string(),
                                feedback: None,
                            });
                            target = Target::NodeChoice(n, nodes[n].choices.len() - 1);
                        }
                        _ => b.error(line_no, col, "choix de scénario sans cible : écris `- texte du choix -> identifiant-de-situation`"),
                    }
                    continue;
                }
                // situation text
                match target {
                    Target::NodeText(t) if t == n => {
                        let node = &mut nodes[n];
                        match node.text.as_mut() {
                            Some(f) => append(f, line),
                            None => node.text = Some(Field { text: line.to_string(), line: line_no, col: 1 }),
                        }
                    }
                    Target::NodeChoice(nn, c) if nn == n => {
                        if let Some(ch) = nodes[n].choices.get_mut(c) {
                            append(&mut ch.text, line.trim())
                        }
                    }
                    Target::NodeChoiceFeedback(nn, c) if nn == n => {
                        if let Some(f) = nodes[n].choices.get_mut(c).and_then(|ch| ch.feedback.as_mut()) {
                            append(f, line.trim())
                        }
                    }
                    _ => b.error(line_no, 1, "texte de situation après ses choix : écris le texte juste sous [identifiant]"),
                }
                continue;
            }
        }
        // `clé : valeur`
        if let Some((key, value, col)) = split_key(line) {
            let known_here = COMMON_KEYS.contains(&key.as_str()) || type_keys(kind).contains(&key.as_str());
            if known_here {
                let Some(k) = static_key(&key) else { continue };
                let field = Field { text: value.to_string(), line: line_no, col };
                if k == "indice" {
                    hints.push(field);
                    target = Target::Hint(hints.len() - 1);
                } else if keys.contains_key(k) {
                    b.error(line_no, 1, format!("clé « {k} » répétée"));
                } else {
                    keys.insert(k, field);
                    target = Target::Key(k);
                }
            } else if static_key(&key).is_some() {
                b.error(line_no, 1, format!("clé « {key} » sans objet pour une activité {kind}"));
                target = Target::None;
            } else {
                b.error(
                    line_no,
                    1,
                    format!("clé inconnue « {key} » (pour continuer le texte de la ligne précédente, ne commence pas la ligne par « mot : »)"),
                );
                target = Target::None;
            }
            continue;
        }
        // per-choice feedback
        if let Some(fb) = line.trim_start().strip_prefix('>') {
            let fb = fb.trim();
            let col = line.len() - fb.len() + 1;
            match target {
                Target::Choice(c) | Target::ChoiceFeedback(c) if c < choices.len() => {
                    match choices[c].feedback.as_mut() {
                        Some(f) => append(f, fb),
                        None => choices[c].feedback = Some(Field { text: fb.to_string(), line: line_no, col }),
                    }
                    if choices[c].checked.is_none() || !is_choice {
                        b.error(line_no, col, format!("un retour `>` n'est possible que sous un choix `- [ ]` / `- [x]` (activité {kind})"));
                    }
                    target = Target::ChoiceFeedback(c);
                }
                _ => b.error(line_no, col, "retour `>` sans choix au-dessus"),
            }
            continue;
        }
        if let Some((item, col)) = list_item(line) {
            let (checked, text, col) = match checkbox(item) {
                Some((c, t)) => (Some(c), t, col + (item.len() - t.len())),
                None => (None, item, col),
            };
            choices.push(RawChoice { checked, text: Field { text: text.to_string(), line: line_no, col }, feedback: None });
            target = Target::Choice(choices.len() - 1);
            continue;
        }
        if let Some((item, col)) = ordered_item(line) {
            ordered.push(Field { text: item.to_string(), line: line_no, col });
            target = Target::Ordered(ordered.len() - 1);
            continue;
        }
        // continuation line
        let cont = line.trim();
        match target {
            Target::Key(k) => {
                if let Some(f) = keys.get_mut(k) {
                    append(f, cont)
                }
            }
            Target::Hint(h) => {
                if let Some(f) = hints.get_mut(h) {
                    append(f, cont)
                }
            }
            Target::Choice(c) => {
                if let Some(ch) = choices.get_mut(c) {
                    append(&mut ch.text, cont)
                }
            }
            Target::ChoiceFeedback(c) => {
                if let Some(f) = choices.get_mut(c).and_then(|ch| ch.feedback.as_mut()) {
                    append(f, cont)
                }
            }
            Target::Ordered(o) => {
                if let Some(f) = ordered.get_mut(o) {
                    append(f, cont)
                }
            }
            _ => {
                if is_scenario {
                    b.error(line_no, 1, format!("ligne non reconnue avant la première situation : « {} »", cont));
                } else {
                    b.error(line_no, 1, format!("ligne non reconnue : « {} » (attendu : `clé : valeur` ou une liste)", cont));
                }
            }
        }
    }

    // ---- common fields ----
    let question = match keys.get("question") {
        Some(f) if !f.text.trim().is_empty() => b.render_inline(f.text.trim(), f.origin()),
        _ => {
            if !matches!(kind, "texte-a-trous" | "scenario") {
                b.error(fence_line, fence_col, format!("`question :` manquante pour l'activité « {id} »"));
            }
            String::new()
        }
    };
    let mut crcn = Vec::new();
    if let Some(f) = keys.get("crcn").cloned() {
        if participation {
            b.error(f.line, 1, format!("`crcn :` refusé pour une activité {kind} : elle recueille la participation et n'est jamais une preuve de niveau"));
        } else {
            crcn = parse_crcn_list(b, &f);
        }
    }
    let mut emi = Vec::new();
    if let Some(f) = keys.get("emi").cloned() {
        for code in f.text.split([';', ',', ' ', '\n']).map(str::trim).filter(|s| !s.is_empty()) {
            if frameworks::is_emi(code) {
                if !emi.iter().any(|e| e == code) {
                    emi.push(code.to_string());
                }
            } else {
                b.error(f.line, f.col, format!("code EMI inconnu « {code} » (EMI1 … EMI4, ou un item comme EMI3.2)"));
            }
        }
    }
    let explanation = match keys.get("explication") {
        Some(f) if !f.text.trim().is_empty() => b.render(f.text.trim(), f.origin(), Mode::Nested).trim().to_string(),
        _ => {
            if !participation && !is_scenario {
                b.warn(fence_line, fence_col, format!("activité « {id} » sans `explication :` : dis pourquoi la réponse est juste"));
            }
            String::new()
        }
    };
    let hint_html: Vec<String> = hints.iter().map(|h| b.render_inline(h.text.trim(), h.origin())).collect();
    let mut attempts = DEFAULT_ATTEMPTS;
    if let Some(f) = keys.get("essais") {
        match f.text.trim().parse::<u8>() {
            Ok(n) if (1..=10).contains(&n) => attempts = n,
            _ => b.error(f.line, f.col, format!("`essais :` attend un nombre de 1 à 10 (trouvé « {} »)", f.text.trim())),
        }
    }
    let typo = match keys.get("faute-permise") {
        None => false,
        Some(f) => match fold(f.text.trim()).as_str() {
            "oui" => true,
            "non" => false,
            other => {
                b.error(f.line, f.col, format!("`faute-permise :` attend oui ou non (trouvé « {other} »)"));
                false
            }
        },
    };

    // lists that this type does not use
    let uses_choices = is_choice || matches!(kind, "appariement" | "sondage" | "remise-en-ordre");
    if !uses_choices {
        if let Some(c) = choices.first() {
            b.error(c.text.line, 1, format!("liste inattendue dans une activité {kind}"));
        }
    }
    if kind != "remise-en-ordre" {
        if let Some(o) = ordered.first() {
            b.error(o.line, 1, format!("liste numérotée inattendue dans une activité {kind}"));
        }
    }

    let kind_value = match kind {
        "choix-unique" | "choix-multiples" => {
            let mut out = Vec::new();
            for c in &choices {
                if c.checked.is_none() {
                    b.error(c.text.line, 1, "choix sans case : écris `- [ ] texte` ou `- [x] texte` (bonne réponse)");
                }
                if c.text.text.trim().is_empty() {
                    b.error(c.text.line, c.text.col, "choix vide");
                }
                let html = b.render_inline(c.text.text.trim(), c.text.origin());
                let feedback = c.feedback.as_ref().map(|f| b.render_inline(f.text.trim(), f.origin()));
                out.push(Choice { html, correct: c.checked == Some(true), feedback });
            }
            let n_right = out.iter().filter(|c| c.correct).count();
            if out.len() < 2 {
                b.error(fence_line, fence_col, format!("activité {kind} : au moins deux choix attendus (trouvé {})", out.len()));
            }
            if kind == "choix-unique" {
                if n_right != 1 {
                    b.error(fence_line, fence_col, format!("choix-unique : exactement un choix `[x]` attendu (trouvé {n_right})"));
                }
                ActivityKind::ChoixUnique { choices: out }
            } else {
                if n_right == 0 {
                    b.error(fence_line, fence_col, "choix-multiples : au moins un choix `[x]` attendu");
                }
                ActivityKind::ChoixMultiples { choices: out }
            }
        }
        "vrai-faux" => {
            let answer = match keys.get("reponse") {
                Some(f) => match fold(f.text.trim()).as_str() {
                    "vrai" => Some(true),
                    "faux" => Some(false),
                    other => {
                        b.error(f.line, f.col, format!("vrai-faux : `reponse :` attend vrai ou faux (trouvé « {other} »)"));
                        None
                    }
                },
                None => {
                    b.error(fence_line, fence_col, "vrai-faux : `reponse : vrai` ou `reponse : faux` manquante");
                    None
                }
            };
            ActivityKind::VraiFaux { answer: answer.unwrap_or(true) }
        }
        "reponse-courte" => {
            let field = keys.get("reponses").or_else(|| keys.get("reponse")).cloned();
            let mut answers = Vec::new();
            match field {
                Some(f) => {
                    for a in f.text.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                        if normalize_answer(a).is_empty() {
                            b.error(f.line, f.col, format!("réponse acceptée vide une fois normalisée : « {a} »"));
                        } else {
                            answers.push(a.to_string());
                        }
                    }
                    if answers.is_empty() {
                        b.error(f.line, f.col, "reponse-courte : au moins une réponse acceptée attendue (`reponses : A | B`)");
                    }
                }
                None => b.error(fence_line, fence_col, "reponse-courte : `reponses :` manquante (réponses acceptées séparées par |)"),
            }
            ActivityKind::ReponseCourte { answers, typo }
        }
        "texte-a-trous" => {
            let parts = match keys.get("texte").cloned() {
                Some(f) => parse_gaps(b, &f),
                None => {
                    b.error(fence_line, fence_col, "texte-a-trous : `texte :` manquant");
                    Vec::new()
                }
            };
            ActivityKind::TexteATrous { parts, typo }
        }
        "appariement" => {
            let mut pairs = Vec::new();
            for c in &choices {
                let t = c.text.text.trim();
                let split = t.split_once(" = ").or_else(|| t.split_once('='));
                match split {
                    Some((l, r)) if !l.trim().is_empty() && !r.trim().is_empty() && c.checked.is_none() => {
                        let left = b.render_inline(l.trim(), c.text.origin());
                        let right = b.render_inline(r.trim(), c.text.origin());
                        pairs.push(Pair { left, right });
                    }
                    _ => b.error(c.text.line, c.text.col, "appariement : chaque ligne s'écrit `- gauche = droite`"),
                }
            }
            if pairs.len() < 2 {
                b.error(fence_line, fence_col, format!("appariement : au moins deux paires attendues (trouvé {})", pairs.len()));
            }
            let mut seen = BTreeSet::new();
            for p in &pairs {
                if !seen.insert(&p.left) {
                    b.error(fence_line, fence_col, format!("appariement : élément de gauche en double « {} »", p.left));
                }
            }
            ActivityKind::Appariement { pairs }
        }
        "remise-en-ordre" => {
            let src: Vec<Field> = if ordered.is_empty() { choices.iter().map(|c| c.text.clone()).collect() } else { ordered.clone() };
            if !ordered.is_empty() {
                if let Some(c) = choices.first() {
                    b.error(c.text.line, 1, "remise-en-ordre : n'écris qu'une seule liste (numérotée)");
                }
            }
            let items: Vec<String> = src.iter().map(|f| b.render_inline(f.text.trim(), f.origin())).collect();
            if items.len() < 2 {
                b.error(fence_line, fence_col, format!("remise-en-ordre : au moins deux éléments attendus (trouvé {})", items.len()));
            }
            let mut seen = BTreeSet::new();
            for (it, f) in items.iter().zip(&src) {
                if !seen.insert(it.clone()) {
                    b.warn(f.line, f.col, "remise-en-ordre : élément en double, l'ordre est ambigu");
                }
            }
            ActivityKind::RemiseEnOrdre { items }
        }
        "sondage" => {
            let mut options = Vec::new();
            for c in &choices {
                if c.checked.is_some() {
                    b.error(c.text.line, 1, "sondage : pas de case `[x]`, un sondage n'a pas de bonne réponse");
                }
                options.push(b.render_inline(c.text.text.trim(), c.text.origin()));
            }
            if options.len() < 2 {
                b.error(fence_line, fence_col, format!("sondage : au moins deux options attendues (trouvé {})", options.len()));
            }
            ActivityKind::Sondage { options }
        }
        "nuage-de-mots" => {
            let words = match keys.get("mots") {
                None => 3,
                Some(f) => match f.text.trim().parse::<u8>() {
                    Ok(n) if (1..=10).contains(&n) => n,
                    _ => {
                        b.error(f.line, f.col, format!("`mots :` attend un nombre de 1 à 10 (trouvé « {} »)", f.text.trim()));
                        3
                    }
                },
            };
            ActivityKind::NuageDeMots { words }
        }
        "remue-meninges" => {
            let categories = keys
                .get("categories")
                .map(|f| f.text.split('|').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
                .unwrap_or_default();
            ActivityKind::RemueMeninges { categories }
        }
        "scenario" => ActivityKind::Scenario { nodes: build_scenario(b, &nodes, fence_line, fence_col) },
        _ => return None,
    };

    let errors_after = b.diags.iter().filter(|d| d.is_error()).count();
    if errors_after > errors_before {
        return None;
    }
    Some(Activity { id, question, crcn, emi, explanation, hints: hint_html, attempts, kind: kind_value })
}

/// `2.2 niveau 2; 3.3 niveau 1`.
fn parse_crcn_list(b: &mut Builder, f: &Field) -> Vec<CrcnRef> {
    let mut out: Vec<CrcnRef> = Vec::new();
    for part in f.text.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let (code, level) = match words.as_slice() {
            [code, niv, level] if matches!(fold(niv).as_str(), "niveau" | "niv" | "niv.") => (*code, *level),
            _ => {
                b.error(f.line, f.col, format!("`crcn :` mal écrit « {part} » : écris par exemple `2.2 niveau 2` (plusieurs : séparés par ;)"));
                continue;
            }
        };
        if let Some(r) = check_crcn(b, code, level.parse::<i64>().ok(), f.line, f.col) {
            if !b.lesson_crcn.iter().any(|c| c.code == r.code) {
                b.warn(f.line, f.col, format!("la compétence {} de l'activité n'est pas dans le `crcn` de l'en-tête", r.code));
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
        b.error(line, col, format!("compétence CRCN inconnue « {code} » (les 16 compétences vont de 1.1 à 5.2)"));
        ok = false;
    }
    let level = match level {
        Some(l) if frameworks::is_crcn_level(l) => l as u8,
        other => {
            let shown = other.map(|l| l.to_string()).unwrap_or_else(|| "?".into());
            b.error(line, col, format!("niveau CRCN invalide « {shown} » pour {code} : de 1 à 8"));
            return None;
        }
    };
    if level > frameworks::CRCN_SCHOOL_LEVEL_MAX {
        b.warn(line, col, format!("niveau {level} pour {code} : les niveaux 1 à 5 sont ceux de l'école, du collège et du lycée"));
    }
    ok.then(|| CrcnRef { code: code.to_string(), level })
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
        let html = if core.is_empty() { String::new() } else { b.render_inline(core, f.origin()) };
        parts.push(TextPart::Text { html: format!("{lead}{html}{trail}") });
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
                    b.error(f.line, f.col, "texte-a-trous : accolade `{` non fermée (ou trou dans un trou)");
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
                            b.error(f.line, f.col, format!("texte-a-trous : option vide dans « {{{inner}}} »"));
                            continue;
                        }
                        if star {
                            stars += 1;
                            answer = Some(options.len());
                        }
                        options.push(o.to_string());
                    }
                    if stars != 1 {
                        b.error(f.line, f.col, format!("texte-a-trous : la liste « {{{inner}}} » doit avoir exactement une bonne réponse marquée `*` (trouvé {stars})"));
                    }
                    if options.len() < 2 {
                        b.error(f.line, f.col, format!("texte-a-trous : la liste « {{{inner}}} » doit avoir au moins deux options"));
                    }
                    parts.push(TextPart::List { options, answer: answer.unwrap_or(0) });
                } else {
                    let answers: Vec<String> = inner.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
                    if answers.is_empty() || answers.iter().any(|a| normalize_answer(a).is_empty()) {
                        b.error(f.line, f.col, format!("texte-a-trous : trou vide « {{{inner}}} »"));
                    }
                    parts.push(TextPart::Gap { answers });
                }
            }
            '}' => {
                b.error(f.line, f.col, "texte-a-trous : accolade `}` sans `{`");
                return Vec::new();
            }
            c => text.push(c),
        }
    }
    push_text(b, &mut parts, &mut text);
    if n_blanks == 0 {
        b.error(f.line, f.col, "texte-a-trous : au moins un trou attendu, écrit `{réponse}` ou `{liste: A | *B | C}`");
    }
    parts
}

/// Builds and checks the situations of a scenario.
fn build_scenario(b: &mut Builder, raw: &[RawNode], fence_line: usize, fence_col: usize) -> Vec<ScenarioNode> {
    if raw.is_empty() {
        b.error(fence_line, fence_col, "scenario : aucune situation `[identifiant]`");
        return Vec::new();
    }
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, n) in raw.iter().enumerate() {
        if index.insert(n.id.as_str(), i).is_some() {
            b.error(n.line, n.col, format!("scenario : situation « {} » définie deux fois", n.id));
        }
    }
    let mut nodes = Vec::new();
    let mut edges: Vec<Vec<(usize, usize)>> = Vec::new(); // (target, line)
    for n in raw {
        let html = match &n.text {
            Some(f) if !f.text.trim().is_empty() => b.render(f.text.trim(), f.origin(), Mode::Nested).trim().to_string(),
            _ => {
                b.warn(n.line, n.col, format!("scenario : la situation « {} » n'a pas de texte", n.id));
                String::new()
            }
        };
        if n.end.is_some() && !n.choices.is_empty() {
            b.error(n.line, n.col, format!("scenario : la fin « {} » ne peut pas avoir de choix", n.id));
        }
        if n.end.is_none() && n.choices.is_empty() {
            b.error(n.line, n.col, format!("scenario : impasse, la situation « {} » n'a pas de choix et n'est pas une fin (`[{}] fin 100`)", n.id, n.id));
        }
        let mut choices = Vec::new();
        let mut out_edges = Vec::new();
        for c in &n.choices {
            let target = match index.get(c.target.as_str()) {
                Some(&t) => t,
                None => {
                    b.error(c.text.line, c.text.col, format!("scenario : cible inconnue « {} »", c.target));
                    continue;
                }
            };
            out_edges.push((target, c.text.line));
            let html = b.render_inline(c.text.text.trim(), c.text.origin());
            let feedback = c.feedback.as_ref().map(|f| b.render_inline(f.text.trim(), f.origin()));
            choices.push(ScenarioChoice { html, target, feedback });
        }
        edges.push(out_edges);
        nodes.push(ScenarioNode { id: n.id.clone(), html, choices, end: n.end });
    }
    // reachability and cycles: iterative DFS from the start
    let n = raw.len();
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    state[0] = 1;
    while let Some(&mut (node, ref mut next)) = stack.last_mut() {
        if let Some(&(t, line)) = edges[node].get(*next) {
            *next += 1;
            match state[t] {
                0 => {
                    state[t] = 1;
                    stack.push((t, 0));
                }
                1 => b.error(line, 1, format!("scenario : boucle, ce choix ramène de « {} » à « {} »", raw[node].id, raw[t].id)),
                _ => {}
            }
        } else {
            state[node] = 2;
            stack.pop();
        }
    }
    for (i, s) in state.iter().enumerate() {
        if *s == 0 {
            b.error(raw[i].line, raw[i].col, format!("scenario : la situation « {} » est inaccessible depuis le départ « {} »", raw[i].id, raw[0].id));
        }
    }
    if !raw.iter().any(|r| r.end.is_some()) {
        b.error(fence_line, fence_col, "scenario : aucune fin `[identifiant] fin N`");
    }
    nodes
}
