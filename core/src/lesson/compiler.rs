//! The lesson compiler: front matter (TOML between two `+++` lines) and body
//! (Markdown with callouts, glossary, images and activities) → a validated,
//! sanitised [`CompiledLesson`] plus [`Diagnostic`]s. Also the whole-folder
//! entry point [`compile_dir`] with the cross-lesson checks (duplicate ids,
//! `lecon:` links, modules, glossary) and the index.
//!
//! No IO: callers read files and pass text in.

use crate::lesson::DiagnosticCode;
use std::collections::{BTreeMap, BTreeSet};

use toml::{Table, Value};

use super::activity::check_crcn;
use super::context::{glossary_key, Builder, CompileContext, LessonLink, Origin, Publication};
use super::diagnostic::{self, Diagnostic};
use super::duration;
use super::markdown;
use super::model::{
    Audience, CompiledLesson, CrcnRef, GlossaryEntry, LessonHeader, LessonIndex, Module, RetiredLesson, Source, Theme,
};
use crate::frameworks;
use crate::text::{is_anchor_id, is_lesson_id, is_module_id};

/// Label used in diagnostics about `modules.toml`.
pub const MODULES_FILE: &str = "modules.toml";
/// Label used in diagnostics about `glossaire.toml`.
pub const GLOSSARY_FILE: &str = "glossaire.toml";

impl CompileContext {
    /// Parses `modules.toml` and `glossaire.toml` (diagnostics labelled
    /// [`MODULES_FILE`] / [`GLOSSARY_FILE`]) and records the image files
    /// (paths relative to the lessons folder; a bare name is taken as `images/name`).
    pub fn new(modules_toml: Option<&str>, glossary_toml: Option<&str>, image_files: &[String]) -> (Self, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let modules = modules_toml.map(|t| parse_modules(t, &mut diags));
        let retired_lessons = modules_toml.map(|t| parse_retired_lessons(t, &mut diags)).unwrap_or_default();
        let glossary = glossary_toml.map(|t| parse_glossary(t, &mut diags)).unwrap_or_default();
        let images = image_files
            .iter()
            .map(|p| {
                let p = p.replace('\\', "/");
                let p = p.trim_start_matches("./");
                if p.starts_with("images/") {
                    p.to_string()
                } else {
                    format!("images/{p}")
                }
            })
            .collect();
        (CompileContext { modules, glossary, images: Some(images), lessons: None, retired_lessons }, diags)
    }
}

/// 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset.min(text.len())).map(|s| s.matches('\n').count()).unwrap_or(0) + 1
}

/// Line of the first `key =` at the start of a line (after `from_line`), or `default`.
fn key_line(text: &str, key: &str, default: usize) -> usize {
    for (i, l) in text.lines().enumerate() {
        let t = l.trim_start();
        if let Some(rest) = t.strip_prefix(key) {
            if rest.trim_start().starts_with('=') {
                return i + 1;
            }
        }
    }
    default
}

/// Lines of every `[[name]]` header.
fn table_array_lines(text: &str, name: &str) -> Vec<usize> {
    let header = format!("[[{name}]]");
    text.lines().enumerate().filter(|(_, l)| l.trim() == header).map(|(i, _)| i + 1).collect()
}

fn parse_table(text: &str, file: &str, line_offset: usize, diags: &mut Vec<Diagnostic>) -> Option<Table> {
    match toml::from_str::<Table>(text) {
        Ok(t) => Some(t),
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1) + line_offset;
            let msg = e.message().trim().to_string();
            diags.push(Diagnostic::error(file, line, 1, DiagnosticCode::TomlInvalide { msg: msg.to_string() }));
            None
        }
    }
}

fn str_field(t: &Table, key: &str) -> Option<String> {
    t.get(key).and_then(Value::as_str).map(|s| s.trim().to_string())
}

fn parse_modules(text: &str, diags: &mut Vec<Diagnostic>) -> (Vec<Theme>, Vec<Module>) {
    let f = MODULES_FILE;
    let Some(table) = parse_table(text, f, 0, diags) else { return (Vec::new(), Vec::new()) };
    let mut themes = Vec::new();
    let theme_lines = table_array_lines(text, "themes");
    for (i, v) in table.get("themes").and_then(Value::as_array).map(|a| a.as_slice()).unwrap_or(&[]).iter().enumerate() {
        let line = theme_lines.get(i).copied().unwrap_or(1);
        let Some(t) = v.as_table() else { continue };
        match (str_field(t, "id"), str_field(t, "title")) {
            (Some(id), Some(title)) if is_module_id(&id) && !title.is_empty() => {
                if themes.iter().any(|x: &Theme| x.id == id) {
                    diags.push(Diagnostic::error(f, line, 1, DiagnosticCode::ThemeDouble { id: id.to_string() }));
                }
                themes.push(Theme { id, title })
            }
            _ => diags.push(Diagnostic::error(f, line, 1, DiagnosticCode::ThemeIdZ09Title)),
        }
    }
    let mut modules = Vec::new();
    let module_lines = table_array_lines(text, "modules");
    for (i, v) in table.get("modules").and_then(Value::as_array).map(|a| a.as_slice()).unwrap_or(&[]).iter().enumerate() {
        let line = module_lines.get(i).copied().unwrap_or(1);
        let Some(t) = v.as_table() else { continue };
        match (str_field(t, "id"), str_field(t, "theme"), str_field(t, "title")) {
            (Some(id), Some(theme), Some(title)) if is_module_id(&id) && !title.is_empty() => {
                if modules.iter().any(|m: &Module| m.id == id) {
                    diags.push(Diagnostic::error(f, line, 1, DiagnosticCode::ModuleDouble { id: id.to_string() }));
                }
                if !themes.iter().any(|x| x.id == theme) {
                    diags.push(Diagnostic::error(
                        f,
                        line,
                        1,
                        DiagnosticCode::ModuleThemeInconnu { id: id.to_string(), theme: theme.to_string() },
                    ));
                }
                let summary = str_field(t, "summary").unwrap_or_default();
                modules.push(Module { id, theme, title, summary });
            }
            _ => diags.push(Diagnostic::error(f, line, 1, DiagnosticCode::ModuleIdZ09Theme)),
        }
    }
    for k in table.keys() {
        if k != "themes" && k != "modules" && k != RETIRED_LESSONS {
            diags.push(Diagnostic::warning(
                f,
                key_line(text, k, 1),
                1,
                DiagnosticCode::CleInconnueAttenduThemesModules { k: k.to_string() },
            ));
        }
    }
    (themes, modules)
}

/// The table of retired lesson ids in `modules.toml`.
const RETIRED_LESSONS: &str = "lecons-retirees";

/// `[[lecons-retirees]] id = "ancien-id"  vers = "nouvel-id#ancre"`: the
/// entries whose form is right (their targets are checked by
/// [`compile_dir`], which knows the lessons), with their line.
fn parse_retired_lessons(text: &str, diags: &mut Vec<Diagnostic>) -> Vec<(RetiredLesson, usize)> {
    let f = MODULES_FILE;
    let Ok(table) = toml::from_str::<Table>(text) else { return Vec::new() };
    let lines = table_array_lines(text, RETIRED_LESSONS);
    let mut out: Vec<(RetiredLesson, usize)> = Vec::new();
    for (i, v) in table.get(RETIRED_LESSONS).and_then(Value::as_array).map(|a| a.as_slice()).unwrap_or(&[]).iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let (Some(id), Some(vers)) = (v.get("id").and_then(Value::as_str), v.get("vers").and_then(Value::as_str)) else {
            diags.push(Diagnostic::error(f, line, 1, DiagnosticCode::LeconRetireeIdVersObligatoires));
            continue;
        };
        let (id, vers) = (id.trim(), vers.trim());
        if !is_lesson_id(id) {
            diags.push(Diagnostic::error(f, line, 1, DiagnosticCode::LeconRetireeIdInvalide { id: id.to_string() }));
            continue;
        }
        let (to, anchor) = match vers.split_once('#') {
            Some((to, a)) => (to, Some(a)),
            None => (vers, None),
        };
        if !is_lesson_id(to) || anchor.is_some_and(|a| !is_anchor_id(a)) {
            diags.push(Diagnostic::error(f, line, 1, DiagnosticCode::LeconRetireeVersInvalide { vers: vers.to_string() }));
            continue;
        }
        if out.iter().any(|(r, _)| r.id == id) {
            diags.push(Diagnostic::error(f, line, 1, DiagnosticCode::LeconRetireeDouble { id: id.to_string() }));
            continue;
        }
        out.push((RetiredLesson { id: id.to_string(), to: to.to_string(), anchor: anchor.map(str::to_string) }, line));
    }
    out
}

/// Each retired id is no lesson's id any more and leads to a published
/// lesson that is not itself retired (no chains). Returns the valid ones.
fn check_retired_lessons(
    ctx: &CompileContext,
    ids: &BTreeMap<String, Publication>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<RetiredLesson> {
    let f = MODULES_FILE;
    let mut out = Vec::new();
    for (r, line) in &ctx.retired_lessons {
        let (id, vers) = (r.id.to_string(), r.to.to_string());
        let code = if ids.contains_key(&r.id) {
            DiagnosticCode::LeconRetireeEncorePubliee { id }
        } else if ctx.retired_lessons.iter().any(|(o, _)| o.id == r.to) {
            DiagnosticCode::LeconRetireeChaine { id, vers }
        } else {
            match ids.get(&r.to) {
                None => DiagnosticCode::LeconRetireeCibleInconnue { id, vers },
                Some(Publication::Draft) => DiagnosticCode::LeconRetireeCibleBrouillon { id, vers },
                Some(Publication::Published) => {
                    out.push(r.clone());
                    continue;
                }
            }
        };
        diags.push(Diagnostic::error(f, *line, 1, code));
    }
    out
}

fn parse_glossary(text: &str, diags: &mut Vec<Diagnostic>) -> Vec<GlossaryEntry> {
    let f = GLOSSARY_FILE;
    let Some(table) = parse_table(text, f, 0, diags) else { return Vec::new() };
    let lines = table_array_lines(text, "termes");
    let mut out: Vec<GlossaryEntry> = Vec::new();
    for (i, v) in table.get("termes").and_then(Value::as_array).map(|a| a.as_slice()).unwrap_or(&[]).iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let Some(t) = v.as_table() else { continue };
        match (str_field(t, "terme"), str_field(t, "definition")) {
            (Some(term), Some(def)) if !term.is_empty() && !def.is_empty() => {
                if out.iter().any(|e| glossary_key(&e.term) == glossary_key(&term)) {
                    diags.push(Diagnostic::error(f, line, 1, DiagnosticCode::TermeDefiniDeuxFois { term: term.to_string() }));
                } else {
                    out.push(GlossaryEntry { term, definition: def });
                }
            }
            _ => diags.push(Diagnostic::error(f, line, 1, DiagnosticCode::TermeTermeDefinitionObligatoires)),
        }
    }
    out
}

/// The raw front matter of a lesson and where the body starts.
struct Split<'a> {
    front: &'a str,
    /// 1-based line of the first front matter line.
    front_line: usize,
    body: &'a str,
    body_line: usize,
}

fn split_front_matter(source: &str) -> Result<Split<'_>, (usize, DiagnosticCode)> {
    let src = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut offset = 0;
    let mut lines = src.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err((1, DiagnosticCode::LeconDoitCommencerParTete));
    }
    offset += first.len();
    let front_start = offset;
    let mut line_no = 1;
    for l in lines {
        line_no += 1;
        if l.trim_end() == "+++" {
            let front = &src[front_start..offset];
            let body_start = offset + l.len();
            return Ok(Split { front, front_line: 2, body: &src[body_start..], body_line: line_no + 1 });
        }
        offset += l.len();
    }
    Err((1, DiagnosticCode::TeteNonFermeIlManque))
}

/// The lesson id in a source, if its front matter can be read (used to list
/// the lessons of a folder before compiling them).
pub fn lesson_id(source: &str) -> Option<(String, Publication)> {
    let split = split_front_matter(source).ok()?;
    let t: Table = toml::from_str(split.front).ok()?;
    let id = t.get("id")?.as_str()?.to_string();
    let draft = t.get("draft").and_then(Value::as_bool).unwrap_or(false);
    Some((id, Publication::from_draft(draft)))
}

const FRONT_KEYS: [&str; 17] = [
    "id",
    "title",
    "summary",
    "module",
    "order",
    "keywords",
    "audience",
    "duration",
    "language",
    "licence",
    "authors",
    "objectives",
    "crcn",
    "emi",
    "draft",
    "sources",
    "license",
];

struct Front {
    header: LessonHeader,
    language: String,
    licence: String,
    authors: Vec<String>,
    objectives: Vec<String>,
    draft: bool,
    sources: Vec<Source>,
}

fn string_list(b: &mut Builder, t: &Table, key: &str, line: usize) -> Vec<String> {
    match t.get(key) {
        None => Vec::new(),
        Some(Value::Array(a)) => {
            let mut out = Vec::new();
            for v in a {
                match v.as_str() {
                    Some(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                    _ => b.error(line, 1, DiagnosticCode::ListeTextesNonVidesAttendue { key: key.to_string() }),
                }
            }
            out
        }
        Some(_) => {
            b.error(line, 1, DiagnosticCode::ListeTextesAttendueParExemple { key: key.to_string() });
            Vec::new()
        }
    }
}

fn parse_front(b: &mut Builder, split: &Split) -> Option<Front> {
    let off = split.front_line - 1;
    let table = {
        let mut d = Vec::new();
        let t = parse_table(split.front, &b.file, off, &mut d);
        b.diags.extend(d);
        t?
    };
    let fl = |key: &str| key_line(split.front, key, 0) + off;
    let header_line = 1;
    for k in table.keys() {
        if !FRONT_KEYS.contains(&k.as_str()) {
            let l = key_line(split.front, k, 0) + off;
            b.error(l.max(1), 1, DiagnosticCode::ChampInconnuTete { k: k.to_string() });
        }
    }
    if table.contains_key("license") {
        b.error(fl("license"), 1, DiagnosticCode::EcrisLicenceOrthographeFrancaisePas);
    }
    let req_str = |b: &mut Builder, key: &str| -> Option<String> {
        match table.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(_) => {
                b.error(fl(key), 1, DiagnosticCode::TexteNonVideAttendu { key: key.to_string() });
                None
            }
            None => {
                b.error(header_line, 1, DiagnosticCode::ChampObligatoireManquantTete { key: key.to_string() });
                None
            }
        }
    };
    let id = req_str(b, "id");
    let title = req_str(b, "title");
    let summary = req_str(b, "summary");
    let module = req_str(b, "module");
    let audience_s = req_str(b, "audience");
    if let Some(id) = &id {
        if !is_lesson_id(id) {
            b.error(fl("id"), 1, DiagnosticCode::IdentifiantInvalideMinusculesChiffresTirets { id: id.to_string() });
        }
    }
    let audience = audience_s.and_then(|a| {
        let r = Audience::parse(&a);
        if r.is_none() {
            b.error(fl("audience"), 1, DiagnosticCode::AudienceCycle3Cycle4LyceeTrouve { a: a.to_string() });
        }
        r
    });
    if let (Some(m), Some((_, modules))) = (&module, &b.ctx.modules) {
        if !modules.iter().any(|x| &x.id == m) {
            b.error(fl("module"), 1, DiagnosticCode::ModuleInconnuDecrireLessonsModules { m: m.to_string() });
        }
    }
    let order = match table.get("order") {
        Some(Value::Integer(n)) if (0..=100_000).contains(n) => Some(*n as u32),
        Some(_) => {
            b.error(fl("order"), 1, DiagnosticCode::OrderNombreEntierPositifAttendu);
            None
        }
        None => {
            b.error(header_line, 1, DiagnosticCode::ChampObligatoireManquantTeteOrder);
            None
        }
    };
    let duration = match table.get("duration") {
        Some(Value::Integer(n)) if (1..=240).contains(n) => Some(*n as u16),
        Some(_) => {
            b.error(fl("duration"), 1, DiagnosticCode::DurationDureeMinutes1240);
            None
        }
        None => {
            b.error(header_line, 1, DiagnosticCode::ChampObligatoireManquantTeteDuration);
            None
        }
    };
    let language = match table.get("language") {
        None => "fr".to_string(),
        Some(Value::String(s)) if s.len() <= 8 && !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic() || c == '-') => s.clone(),
        Some(_) => {
            b.error(fl("language"), 1, DiagnosticCode::LanguageCodeLangueCommeFr);
            "fr".into()
        }
    };
    let licence = match table.get("licence") {
        None => "CC BY-SA 4.0".to_string(),
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(_) => {
            b.error(fl("licence"), 1, DiagnosticCode::LicenceTexteParExempleCc);
            "CC BY-SA 4.0".into()
        }
    };
    let keywords = string_list(b, &table, "keywords", fl("keywords"));
    let authors = string_list(b, &table, "authors", fl("authors"));
    let objectives = string_list(b, &table, "objectives", fl("objectives"));
    let draft = match table.get("draft") {
        None => false,
        Some(Value::Boolean(v)) => *v,
        Some(_) => {
            b.error(fl("draft"), 1, DiagnosticCode::DraftTrueFalse);
            false
        }
    };
    // crcn
    let mut crcn: Vec<CrcnRef> = Vec::new();
    if let Some(v) = table.get("crcn") {
        let line = fl("crcn");
        match v.as_array() {
            Some(items) => {
                for it in items {
                    let code = it.get("code").and_then(Value::as_str);
                    let level = it.get("level").and_then(Value::as_integer);
                    match code {
                        Some(code) => {
                            if let Some(r) = check_crcn(b, code, level, line, 1) {
                                if crcn.iter().any(|c| c.code == r.code) {
                                    b.error(line, 1, DiagnosticCode::CompetenceDoubleCrcn { r_code: r.code.to_string() });
                                } else {
                                    crcn.push(r);
                                }
                            }
                        }
                        None => b.error(line, 1, DiagnosticCode::CrcnChaqueElementEcrit),
                    }
                }
            }
            None => b.error(line, 1, DiagnosticCode::CrcnListeAttendueParExemple),
        }
    }
    // emi
    let mut emi = Vec::new();
    for code in string_list(b, &table, "emi", fl("emi")) {
        if frameworks::is_emi(&code) {
            emi.push(code);
        } else {
            b.error(fl("emi"), 1, DiagnosticCode::CodeEmiInconnuEmi1Emi4 { code: code.to_string() });
        }
    }
    // sources
    let mut sources = Vec::new();
    let source_lines = table_array_lines(split.front, "sources");
    match table.get("sources") {
        None => b.error(header_line, 1, DiagnosticCode::MoinsSourceObligatoireSourcesAvec),
        Some(Value::Array(items)) => {
            if items.is_empty() {
                b.error(fl("sources"), 1, DiagnosticCode::MoinsSourceObligatoire);
            }
            for (i, it) in items.iter().enumerate() {
                let line = source_lines.get(i).map(|l| l + off).unwrap_or_else(|| fl("sources"));
                let Some(t) = it.as_table() else {
                    b.error(line, 1, DiagnosticCode::SourceTableAvecTitleUrl);
                    continue;
                };
                let title = str_field(t, "title").filter(|s| !s.is_empty());
                let url = str_field(t, "url").filter(|s| !s.is_empty());
                let reference = str_field(t, "reference").filter(|s| !s.is_empty());
                if title.is_none() {
                    b.error(line, 1, DiagnosticCode::SourceSansTitle);
                }
                if let Some(u) = &url {
                    let l = u.to_ascii_lowercase();
                    if !(l.starts_with("https://") || l.starts_with("http://"))
                        || u.chars().any(|c| c.is_whitespace() || c.is_control())
                    {
                        b.error(line, 1, DiagnosticCode::SourceUrlDoitEtreAdresse { u: u.to_string() });
                    }
                }
                if url.is_none() && reference.is_none() {
                    b.error(line, 1, DiagnosticCode::SourceUrlHttpHttpsReference);
                }
                for k in t.keys() {
                    if !matches!(k.as_str(), "title" | "url" | "reference") {
                        b.warn(line, 1, DiagnosticCode::SourceChampInconnu { k: k.to_string() });
                    }
                }
                if let Some(title) = title {
                    sources.push(Source { title, url, reference });
                }
            }
        }
        Some(_) => b.error(fl("sources"), 1, DiagnosticCode::SourcesEcrisChaqueSourceBloc),
    }
    Some(Front {
        header: LessonHeader {
            id: id?,
            title: title?,
            summary: summary?,
            module: module?,
            order: order?,
            keywords,
            audience: audience?,
            duration: duration?,
            crcn,
            emi,
        },
        language,
        licence,
        authors,
        objectives,
        draft,
        sources,
    })
}

/// Compiles one lesson. Returns the lesson whenever its front matter could be
/// read (even if the body has errors: check the diagnostics before
/// publishing), and every diagnostic, sorted, labelled `path_label`.
pub fn compile_lesson(path_label: &str, source: &str, ctx: &CompileContext) -> (Option<CompiledLesson>, Vec<Diagnostic>) {
    let mut b = markdown::builder(ctx, path_label);
    let lesson = compile_with(&mut b, source);
    let mut diags = std::mem::take(&mut b.diags);
    diagnostic::sort(&mut diags);
    (lesson, diags)
}

fn compile_with(b: &mut Builder, source: &str) -> Option<CompiledLesson> {
    let split = match split_front_matter(source) {
        Ok(s) => s,
        Err((line, msg)) => {
            b.error(line, 1, msg);
            return None;
        }
    };
    let front = parse_front(b, &split);
    if let Some(f) = &front {
        b.lesson_crcn = f.header.crcn.clone();
    }
    let body = markdown::render_body(b, split.body, Origin { line: split.body_line, col: 1 });
    // lecon: links
    if let Some(lessons) = &b.ctx.lessons {
        let links = std::mem::take(&mut b.lesson_links);
        for LessonLink { id, line, col } in &links {
            match lessons.get(id) {
                None => b.error(*line, *col, DiagnosticCode::LienVersLeconInconnueLecon { id: id.to_string() }),
                Some(Publication::Draft) if !front.as_ref().is_some_and(|f| f.draft) => {
                    b.error(*line, *col, DiagnosticCode::LienVersLeconQuiBrouillon { id: id.to_string() })
                }
                _ => {}
            }
        }
        b.lesson_links = links;
    }
    check_replacements(b);
    let f = front?;
    let duration_line = key_line(split.front, "duration", 0) + split.front_line - 1;
    let lesson = CompiledLesson {
        header: f.header,
        language: f.language,
        licence: f.licence,
        authors: f.authors,
        objectives: f.objectives,
        draft: f.draft,
        sections: std::mem::take(&mut b.sections),
        body,
        activities: std::mem::take(&mut b.activities),
        retired_activities: std::mem::take(&mut b.retired_activities),
        a_retenir: std::mem::take(&mut b.a_retenir),
        glossary: std::mem::take(&mut b.glossary_used),
        sources: f.sources,
        credits: std::mem::take(&mut b.credits),
    };
    check_duration(b, &lesson, duration_line);
    Some(lesson)
}

/// Each `remplacee-par :` names a live activity of the lesson, other than
/// the retired one itself.
fn check_replacements(b: &mut Builder) {
    for r in std::mem::take(&mut b.replacements) {
        let code = if r.target == r.activity {
            DiagnosticCode::RemplaceeParElleMeme { id: r.activity.clone() }
        } else if b.retired_activities.iter().any(|a| a.id == r.target) {
            DiagnosticCode::RemplaceeParRetiree { id: r.activity.clone(), target: r.target.clone() }
        } else if !b.activities.iter().any(|a| a.id == r.target) {
            DiagnosticCode::RemplaceeParInconnue { id: r.activity.clone(), target: r.target.clone() }
        } else {
            continue;
        };
        b.error(r.line, r.col, code);
    }
}

/// An error when the stated `duration` is shorter than the estimate of
/// [`duration::estimate`], with the estimate's parts.
fn check_duration(b: &mut Builder, lesson: &CompiledLesson, line: usize) {
    let e = duration::estimate(lesson);
    let stated = u32::from(lesson.header.duration);
    if stated < e.minutes {
        b.error(line.max(1), 1, DiagnosticCode::DureeSousEstimation { stated, estimate: e });
    }
}

/// Everything [`compile_dir`] produces.
#[derive(Clone, Debug, Default)]
pub struct CompileOutput {
    /// Published lessons (drafts excluded), in index order.
    pub index: LessonIndex,
    /// Published lessons, same order as `index.lessons`.
    pub lessons: Vec<crate::lesson::model::CompiledLesson>,
    /// Every diagnostic of every file, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The retired lesson ids whose entry is valid (each leads to a
    /// published lesson), in `modules.toml` order.
    pub retired: Vec<RetiredLesson>,
}

impl CompileOutput {
    /// Whether any diagnostic is an error (then nothing should be published).
    pub fn has_errors(&self) -> bool {
        diagnostic::has_errors(&self.diagnostics)
    }
}

/// Compiles a whole lessons folder. `files`: (path relative to the folder,
/// content) of every `.md` file; `image_files`: files under `images/`
/// (relative to the folder, e.g. `images/carte.svg`). Diagnostics are labelled
/// with the given relative paths, [`MODULES_FILE`] and [`GLOSSARY_FILE`].
pub fn compile_dir(
    files: &[(String, String)],
    modules_toml: Option<&str>,
    glossary_toml: Option<&str>,
    image_files: &[String],
) -> CompileOutput {
    let (mut ctx, mut diags) = CompileContext::new(modules_toml, glossary_toml, image_files);
    if modules_toml.is_none() {
        diags.push(Diagnostic::error(MODULES_FILE, 0, 0, DiagnosticCode::FichierModulesTomlManquantModules));
    }
    // first pass: ids
    let mut ids: BTreeMap<String, Publication> = BTreeMap::new();
    let mut first_file: BTreeMap<String, String> = BTreeMap::new();
    for (path, src) in files {
        if let Some((id, draft)) = lesson_id(src) {
            if let Some(other) = first_file.get(&id) {
                diags.push(Diagnostic::error(
                    path,
                    0,
                    0,
                    DiagnosticCode::IdentifiantLeconDejaUtilisePar { id: id.to_string(), other: other.to_string() },
                ));
            } else {
                first_file.insert(id.clone(), path.clone());
                ids.insert(id, draft);
            }
        }
    }
    let retired = check_retired_lessons(&ctx, &ids, &mut diags);
    ctx.lessons = Some(ids);
    let mut lessons = Vec::new();
    let mut used_images: BTreeSet<String> = BTreeSet::new();
    for (path, src) in files {
        let mut b = markdown::builder(&ctx, path);
        let lesson = compile_with(&mut b, src);
        used_images.extend(std::mem::take(&mut b.images_used));
        diags.append(&mut b.diags);
        if let Some(l) = lesson {
            if first_file.get(&l.header.id) != Some(path) {
                continue;
            }
            if !l.draft {
                lessons.push(l);
            }
        }
    }
    if let Some(images) = &ctx.images {
        for img in images.difference(&used_images) {
            diags.push(Diagnostic::warning(img, 0, 0, DiagnosticCode::ImageUtiliseeParAucuneLecon));
        }
    }
    let (themes, modules) = ctx.modules.clone().unwrap_or_default();
    // order: modules as listed, then `order`, then id
    let module_rank = |m: &str| modules.iter().position(|x| x.id == m).unwrap_or(usize::MAX);
    lessons.sort_by(|a, b| {
        (module_rank(&a.header.module), a.header.order, &a.header.id).cmp(&(
            module_rank(&b.header.module),
            b.header.order,
            &b.header.id,
        ))
    });
    // same order twice in a module
    for w in lessons.windows(2) {
        if w[0].header.module == w[1].header.module && w[0].header.order == w[1].header.order {
            diags.push(Diagnostic::warning(
                &first_file.get(&w[1].header.id).cloned().unwrap_or_default(),
                0,
                0,
                DiagnosticCode::LeconsOntMemeOrderModule {
                    w_0_header_id: w[0].header.id.to_string(),
                    w_1_header_id: w[1].header.id.to_string(),
                    w_1_header_module: w[1].header.module.to_string(),
                },
            ));
        }
    }
    diagnostic::sort(&mut diags);
    let evidence = crate::competency::ActivityEvidence::from_lessons(&lessons);
    let index = LessonIndex { lessons: lessons.iter().map(|l| l.summary_entry()).collect(), modules, themes, evidence };
    CompileOutput { index, lessons, diagnostics: diags, retired }
}
