//! Markdown → sanitised HTML for lesson bodies, callouts and activity texts.
//!
//! [`markdown_options`] is the single place where pulldown-cmark is
//! configured. The renderer walks pulldown-cmark's events itself (it never
//! uses pulldown-cmark's HTML writer) so that every tag and attribute that
//! reaches the page is one written here: raw HTML is escaped and reported,
//! comments are dropped, only `http`, `https`, `mailto` and `lecon:` links
//! survive, images must be local and credited, no `style` attribute is ever
//! written (table alignment becomes a class). The lesson body comes out as
//! [`Segment`]s: HTML, cut where each activity goes.

use crate::lesson::DiagnosticCode;
use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::context::{Builder, CompileContext, LessonLink, Mode, Origin};
use super::html::SafeHtml;
use super::model::{ImageCredit, Section, Segment};
use crate::text::{fold, is_anchor_id, is_lesson_id, slug};

/// The pulldown-cmark options used for every piece of lesson Markdown:
/// tables, footnotes, strikethrough. Nothing else (no raw HTML passthrough:
/// the renderer escapes HTML events).
pub fn markdown_options() -> Options {
    let mut o = Options::empty();
    o.insert(Options::ENABLE_TABLES);
    o.insert(Options::ENABLE_FOOTNOTES);
    o.insert(Options::ENABLE_STRIKETHROUGH);
    o
}

pub use crate::text::escape_html as escape;

use crate::text::escape_html_into as escape_into;

/// The screen-reader text added at the end of an external link.
pub const EXTERNAL_LINK_MARKER: &str = r#"<span class="sr-only"> (nouvel onglet, quitte Communs)</span>"#;

/// The URL prefix of lesson images in the app (`images/x.svg` → `lecons/images/x.svg`).
pub const IMAGE_URL_PREFIX: &str = "lecons/";

/// What a link destination turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlKind {
    /// `http:` or `https:` (cleaned URL).
    Web(String),
    /// `mailto:` (cleaned URL).
    Mail(String),
    /// `lecon:<id>` with an optional `#fragment`.
    Lecon { id: String, fragment: Option<String> },
}

/// Classifies a link destination. Browsers drop tabs and newlines anywhere in
/// a URL and leading/trailing control characters and spaces; we do the same
/// before looking at the scheme, so `java\tscript:` and ` JaVaScRiPt:` are
/// seen as what they are. Entities were already decoded by pulldown-cmark.
pub fn classify_url(raw: &str) -> Result<UrlKind, DiagnosticCode> {
    let no_tabs: String = raw.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let cleaned = no_tabs.trim_matches(|c: char| c <= ' ');
    if cleaned.is_empty() {
        return Err(DiagnosticCode::LienVide);
    }
    if cleaned
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || ('\u{200b}'..='\u{200f}').contains(&c) || c == '\u{feff}' || c == '\u{2060}')
    {
        return Err(DiagnosticCode::AdresseLienContenantEspacesCaracteres);
    }
    let scheme_end = cleaned.find(':');
    let scheme = scheme_end.map(|i| &cleaned[..i]).filter(|s| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let Some(scheme) = scheme else {
        return Err(DiagnosticCode::LienSansSchemaSeulsHttp { cleaned: short(cleaned).to_string() });
    };
    let rest = &cleaned[scheme.len() + 1..];
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => {
            let host = rest.strip_prefix("//").unwrap_or("");
            if host.is_empty() || host.starts_with('/') {
                return Err(DiagnosticCode::AdresseWebIncomplete { cleaned: short(cleaned).to_string() });
            }
            Ok(UrlKind::Web(cleaned.to_string()))
        }
        "mailto" => {
            if rest.is_empty() {
                return Err(DiagnosticCode::AdresseMailtoVide);
            }
            Ok(UrlKind::Mail(cleaned.to_string()))
        }
        "lecon" => {
            let (id, fragment) = match rest.split_once('#') {
                Some((id, f)) => (id, Some(f.to_string())),
                None => (rest, None),
            };
            if !is_lesson_id(id) {
                return Err(DiagnosticCode::IdentifiantLeconInvalide { cleaned: short(cleaned).to_string() });
            }
            if let Some(f) = &fragment {
                if f.is_empty() || !is_anchor_id(f) {
                    return Err(DiagnosticCode::AncreInvalide { cleaned: short(cleaned).to_string() });
                }
            }
            Ok(UrlKind::Lecon { id: id.to_string(), fragment })
        }
        other => Err(DiagnosticCode::LienSupprimeSchemaInterditSeuls { other: other.to_string() }),
    }
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// Validates a local image path; returns the path relative to the lessons
/// folder (`images/x.svg`).
pub fn check_image_path(raw: &str) -> Result<String, DiagnosticCode> {
    let p = raw.trim();
    let p = p.strip_prefix("./").unwrap_or(p);
    let lower = p.to_ascii_lowercase();
    if lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//") {
        return Err(DiagnosticCode::ImageDistanteInterditeCopieFichier { p: short(p).to_string() });
    }
    if p.contains(':') {
        return Err(DiagnosticCode::AdresseImageInterdite { p: short(p).to_string() });
    }
    if !p.starts_with("images/") {
        return Err(DiagnosticCode::ImageDoitEtreImagesChemin { p: short(p).to_string() });
    }
    if p.split('/').any(|seg| seg.is_empty() || seg == ".." || seg == ".") {
        return Err(DiagnosticCode::CheminImageInvalide { p: short(p).to_string() });
    }
    if !p.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.')) {
        return Err(DiagnosticCode::NomImageSeulementLettresSans { p: short(p).to_string() });
    }
    Ok(p.to_string())
}

/// The French name and the CSS suffix of a callout.
pub fn callout(name: &str) -> Option<(&'static str, &'static str)> {
    match fold(name).as_str() {
        "definition" => Some(("definition", "Définition")),
        "a-retenir" => Some(("a-retenir", "À retenir")),
        "attention" => Some(("attention", "Attention")),
        "exemple" => Some(("exemple", "Exemple")),
        _ => None,
    }
}

/// A builder for one lesson file that renders Markdown with this module.
pub fn builder<'c>(ctx: &'c CompileContext, file: &str) -> Builder<'c> {
    Builder::new(ctx, file, render)
}

/// Renders a piece of Markdown (not the body: see [`render_body`]).
fn render(b: &mut Builder, src: &str, origin: Origin, mode: Mode) -> String {
    let (segments, rest) = b.run(src, origin, mode);
    let mut out = String::new();
    for seg in segments {
        if let Segment::Html(h) = seg {
            out.push_str(h.as_str());
        }
    }
    out.push_str(&rest);
    out
}

/// Renders the lesson body: HTML, cut where each activity goes (blank pieces
/// left out).
pub fn render_body(b: &mut Builder, src: &str, origin: Origin) -> Vec<Segment> {
    let (mut segments, rest) = b.run(src, origin, Mode::Body);
    if !rest.trim().is_empty() {
        segments.push(Segment::Html(SafeHtml::sanitised(rest)));
    }
    segments
}

enum LinkOut {
    Open(&'static str),
    Dropped,
}

struct ImageState {
    dest: String,
    title: String,
    alt: String,
    line: usize,
    col: usize,
}

struct CodeState {
    info: String,
    text: String,
    fenced: bool,
    first_text: Option<usize>,
    start: usize,
}

#[derive(Default)]
struct ParaState {
    blocky: bool,
    images: usize,
    other: bool,
}

struct TableState {
    aligns: Vec<Alignment>,
    in_head: bool,
    cell: usize,
}

/// State of one `render` call.
struct Run<'s> {
    src: &'s str,
    origin: Origin,
    mode: Mode,
    line_starts: Vec<usize>,
    bufs: Vec<String>,
    pending: String,
    pending_start: usize,
    para: Option<ParaState>,
    heading: Option<(u8, String, usize)>,
    image: Option<ImageState>,
    code: Option<CodeState>,
    html_block: Option<(String, usize)>,
    links: Vec<LinkOut>,
    table: Option<TableState>,
    paragraphs: usize,
    /// Lists, items, block quotes and footnotes currently open: an activity
    /// must stand at the top level of the text (the body is cut where an
    /// activity goes, so one inside a list would cut the list in two).
    containers: usize,
    /// The body before the last activity, cut at each activity.
    segments: Vec<Segment>,
}

impl<'s> Run<'s> {
    fn pos(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(idx).copied().unwrap_or(0);
        let col = self.src.get(start..offset).map(|s| s.chars().count()).unwrap_or(0) + 1;
        let col = if idx == 0 { col + self.origin.col - 1 } else { col };
        (self.origin.line + idx, col)
    }
    fn out(&mut self) -> &mut String {
        if self.bufs.is_empty() {
            self.bufs.push(String::new());
        }
        let n = self.bufs.len() - 1;
        &mut self.bufs[n]
    }
    fn w(&mut self, s: &str) {
        self.out().push_str(s);
    }
    /// Ends the HTML written so far (at the top level of the body) and puts
    /// the activity `id` after it.
    fn cut_for_activity(&mut self, id: String) {
        let html: String = self.bufs.iter_mut().map(std::mem::take).collect();
        if !html.trim().is_empty() {
            self.segments.push(Segment::Html(SafeHtml::sanitised(html)));
        }
        self.segments.push(Segment::Activity { id });
    }
}

impl<'c> Builder<'c> {
    fn unique_id(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        let mut id = base.to_string();
        let mut n = 2;
        while self.element_ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.element_ids.insert(id.clone());
        id
    }

    fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        let n = *self.footnotes.entry(label.to_string()).or_insert(next);
        if n == next {
            self.element_ids.insert(format!("note-{n}"));
            self.element_ids.insert(format!("appel-note-{n}"));
        }
        n
    }

    /// Renders Markdown to sanitised HTML, reporting problems: the segments
    /// cut at activities (body only), then the HTML after the last one.
    fn run(&mut self, src: &str, origin: Origin, mode: Mode) -> (Vec<Segment>, String) {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        let mut run = Run {
            src,
            origin,
            mode,
            line_starts,
            bufs: vec![String::new()],
            pending: String::new(),
            pending_start: 0,
            para: None,
            heading: None,
            image: None,
            code: None,
            html_block: None,
            links: Vec::new(),
            table: None,
            paragraphs: 0,
            containers: 0,
            segments: Vec::new(),
        };
        let parser = Parser::new_ext(src, markdown_options()).into_offset_iter();
        for (ev, range) in parser {
            if let Event::Text(t) = &ev {
                if let Some(code) = run.code.as_mut() {
                    if code.first_text.is_none() {
                        code.first_text = Some(range.start);
                    }
                    code.text.push_str(t);
                    continue;
                }
                if run.pending.is_empty() {
                    run.pending_start = range.start;
                }
                run.pending.push_str(t);
                continue;
            }
            self.flush_text(&mut run);
            self.event(&mut run, ev, range.start);
        }
        self.flush_text(&mut run);
        let rest: String = run.bufs.concat();
        (run.segments, rest)
    }

    fn flush_text(&mut self, run: &mut Run) {
        if run.pending.is_empty() {
            return;
        }
        let text = std::mem::take(&mut run.pending);
        if let Some(img) = run.image.as_mut() {
            img.alt.push_str(&text);
            return;
        }
        if let Some(h) = run.heading.as_mut() {
            h.1.push_str(&glossary_display_text(&text));
        }
        if let Some(html) = run.html_block.as_mut() {
            html.0.push_str(&text);
            return;
        }
        if !text.trim().is_empty() {
            if let Some(p) = run.para.as_mut() {
                p.other = true;
            }
        }
        // glossary references
        let mut out = String::new();
        let mut rest: &str = &text;
        let mut consumed = 0usize;
        while let Some(start) = rest.find("[[") {
            let after = &rest[start + 2..];
            let Some(end) = after.find("]]") else { break };
            let inner = &after[..end];
            if inner.trim().is_empty() || inner.contains('[') {
                escape_into(&rest[..start + 2], &mut out);
                consumed += start + 2;
                rest = after;
                continue;
            }
            escape_into(&rest[..start], &mut out);
            let (display, term) = match inner.split_once('|') {
                Some((d, t)) => (d.trim(), t.trim()),
                None => (inner.trim(), inner.trim()),
            };
            let (line, col) = run.pos(run.pending_start + consumed + start);
            match self.ctx.glossary_entry(term) {
                Some(entry) => {
                    if !self.glossary_used.iter().any(|e| e.term == entry.term) {
                        self.glossary_used.push(entry.clone());
                    }
                    out.push_str(r#"<details class="glossaire"><summary>"#);
                    escape_into(display, &mut out);
                    out.push_str("</summary><span>");
                    escape_into(&entry.definition, &mut out);
                    out.push_str("</span></details>");
                    if let Some(p) = run.para.as_mut() {
                        p.blocky = true;
                    }
                }
                None => {
                    self.error(line, col, DiagnosticCode::TermeInconnuGlossaireDefinirLessons { term: term.to_string() });
                    escape_into(display, &mut out);
                }
            }
            consumed += start + 2 + end + 2;
            rest = &after[end + 2..];
        }
        escape_into(rest, &mut out);
        run.w(&out);
    }

    fn event(&mut self, run: &mut Run, ev: Event, offset: usize) {
        // inside an image, only the alt text matters
        if run.image.is_some() {
            match ev {
                Event::End(TagEnd::Image) => self.end_image(run),
                Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                    if let Some(i) = run.image.as_mut() {
                        i.alt.push_str(&t)
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(i) = run.image.as_mut() {
                        i.alt.push(' ')
                    }
                }
                _ => {}
            }
            return;
        }
        if let Some(code) = run.code.as_mut() {
            if let Event::End(TagEnd::CodeBlock) = ev {
                self.end_code(run);
            } else if let Event::Html(t) | Event::InlineHtml(t) = ev {
                code.text.push_str(&t);
            }
            return;
        }
        if run.html_block.is_some() {
            match ev {
                Event::Html(t) | Event::InlineHtml(t) => {
                    if let Some(h) = run.html_block.as_mut() {
                        h.0.push_str(&t)
                    }
                }
                Event::End(TagEnd::HtmlBlock) => self.end_html_block(run),
                _ => {}
            }
            return;
        }
        match ev {
            Event::Start(tag) => self.start(run, tag, offset),
            Event::End(tag) => self.end(run, tag),
            Event::Text(_) => {}
            Event::Code(t) => {
                if let Some(p) = run.para.as_mut() {
                    p.other = true;
                }
                if let Some(h) = run.heading.as_mut() {
                    h.1.push_str(&t);
                }
                let s = format!("<code>{}</code>", escape(&t));
                run.w(&s);
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                let s = escape(&t);
                run.w(&s);
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                let (line, col) = run.pos(offset);
                let stripped = strip_comments(&t);
                if !stripped.trim().is_empty() {
                    self.warn(
                        line,
                        col,
                        DiagnosticCode::HtmlBrutInterditAfficheComme { short_stripped: short(stripped.trim()).to_string() },
                    );
                    if let Some(p) = run.para.as_mut() {
                        p.other = true;
                    }
                    let s = escape(&stripped);
                    run.w(&s);
                }
            }
            Event::FootnoteReference(label) => {
                let n = self.footnote_number(&label);
                let first = self.footnote_refs_seen.insert(n);
                if let Some(p) = run.para.as_mut() {
                    p.other = true;
                }
                let id = if first { format!(r#" id="appel-note-{n}""#) } else { String::new() };
                let s = format!(r##"<sup class="appel-note"><a href="#note-{n}"{id}>{n}</a></sup>"##);
                run.w(&s);
            }
            Event::SoftBreak => run.w("\n"),
            Event::HardBreak => run.w("<br>\n"),
            Event::Rule => run.w("<hr>\n"),
            Event::TaskListMarker(done) => run.w(if done { "[x] " } else { "[ ] " }),
        }
    }

    fn start(&mut self, run: &mut Run, tag: Tag, offset: usize) {
        if matches!(tag, Tag::List(_) | Tag::Item | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_)) {
            run.containers += 1;
        }
        match tag {
            Tag::Paragraph => {
                run.para = Some(ParaState::default());
                run.bufs.push(String::new());
            }
            Tag::Heading { level, .. } => {
                let lvl = heading_level(level);
                if run.mode == Mode::Body {
                    let (line, col) = run.pos(offset);
                    if lvl == 1 {
                        self.warn(line, col, DiagnosticCode::TitreNiveau1CorpsTitre);
                    } else if lvl > self.last_heading_level + 1 {
                        self.warn(
                            line,
                            col,
                            DiagnosticCode::NiveauTitreSauteApresTitre {
                                repeat_lvl_as_usize: "#".repeat(lvl as usize).to_string(),
                                self_last_heading_level: self.last_heading_level.to_string(),
                            },
                        );
                    }
                    self.last_heading_level = lvl;
                }
                run.heading = Some((lvl, String::new(), offset));
                run.bufs.push(String::new());
            }
            Tag::BlockQuote(_) => run.w("<blockquote>\n"),
            Tag::CodeBlock(kind) => {
                let (info, fenced) = match kind {
                    CodeBlockKind::Fenced(info) => (info.to_string(), true),
                    CodeBlockKind::Indented => (String::new(), false),
                };
                run.code = Some(CodeState { info, text: String::new(), fenced, first_text: None, start: offset });
            }
            Tag::HtmlBlock => run.html_block = Some((String::new(), offset)),
            Tag::List(Some(1)) => run.w("<ol>\n"),
            Tag::List(Some(n)) => {
                let s = format!("<ol start=\"{n}\">\n");
                run.w(&s)
            }
            Tag::List(None) => run.w("<ul>\n"),
            Tag::Item => run.w("<li>"),
            Tag::FootnoteDefinition(label) => {
                let n = self.footnote_number(&label);
                let s = format!(r#"<div class="note" id="note-{n}"><span class="note-numero">{n}.</span>"#);
                run.w(&s);
                run.w("\n");
            }
            Tag::DefinitionList => run.w("<dl>\n"),
            Tag::DefinitionListTitle => run.w("<dt>"),
            Tag::DefinitionListDefinition => run.w("<dd>"),
            Tag::Table(aligns) => {
                run.table = Some(TableState { aligns, in_head: false, cell: 0 });
                run.w("<div class=\"tableau\"><table>\n");
            }
            Tag::TableHead => {
                if let Some(t) = run.table.as_mut() {
                    t.in_head = true;
                    t.cell = 0;
                }
                run.w("<thead><tr>");
            }
            Tag::TableRow => {
                if let Some(t) = run.table.as_mut() {
                    t.cell = 0;
                }
                run.w("<tr>");
            }
            Tag::TableCell => {
                let (name, class) = match run.table.as_ref() {
                    Some(t) => (
                        if t.in_head { "th" } else { "td" },
                        match t.aligns.get(t.cell) {
                            Some(Alignment::Left) => " class=\"aligne-gauche\"",
                            Some(Alignment::Center) => " class=\"aligne-centre\"",
                            Some(Alignment::Right) => " class=\"aligne-droite\"",
                            _ => "",
                        },
                    ),
                    None => ("td", ""),
                };
                let s = format!("<{name}{class}>");
                run.w(&s);
            }
            Tag::Emphasis => run.w("<em>"),
            Tag::Strong => run.w("<strong>"),
            Tag::Strikethrough => run.w("<del>"),
            Tag::Superscript => run.w("<sup>"),
            Tag::Subscript => run.w("<sub>"),
            Tag::Link { link_type, dest_url, title, .. } => {
                let (line, col) = run.pos(offset);
                let dest = if link_type == LinkType::Email { format!("mailto:{dest_url}") } else { dest_url.to_string() };
                if let Some(p) = run.para.as_mut() {
                    p.other = true;
                }
                let title_attr = if title.is_empty() { String::new() } else { format!(" title=\"{}\"", escape(&title)) };
                match classify_url(&dest) {
                    Ok(UrlKind::Web(url)) => {
                        let s = format!(
                            r#"<a href="{}"{title_attr} class="lien-externe" rel="noopener noreferrer" target="_blank">"#,
                            escape(&url)
                        );
                        run.w(&s);
                        run.links.push(LinkOut::Open(EXTERNAL_LINK_MARKER));
                    }
                    Ok(UrlKind::Mail(url)) => {
                        let s = format!(r#"<a href="{}"{title_attr} class="lien-courriel">"#, escape(&url));
                        run.w(&s);
                        run.links.push(LinkOut::Open(""));
                    }
                    Ok(UrlKind::Lecon { id, fragment }) => {
                        let frag = fragment.map(|f| format!("#{f}")).unwrap_or_default();
                        let s = format!(r#"<a href="lecon/{id}{frag}"{title_attr} data-lecon="{id}">"#);
                        run.w(&s);
                        self.lesson_links.push(LessonLink { id, line, col });
                        run.links.push(LinkOut::Open(""));
                    }
                    Err(msg) => {
                        self.error(line, col, msg);
                        run.links.push(LinkOut::Dropped);
                    }
                }
            }
            Tag::Image { dest_url, title, .. } => {
                let (line, col) = run.pos(offset);
                run.image = Some(ImageState { dest: dest_url.to_string(), title: title.to_string(), alt: String::new(), line, col });
            }
            Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, run: &mut Run, tag: TagEnd) {
        if matches!(tag, TagEnd::List(_) | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition) {
            run.containers = run.containers.saturating_sub(1);
        }
        match tag {
            TagEnd::Paragraph => {
                let buf = if run.bufs.len() > 1 { run.bufs.pop().unwrap_or_default() } else { String::new() };
                let p = run.para.take().unwrap_or_default();
                run.paragraphs += 1;
                if run.mode == Mode::Inline {
                    if run.paragraphs > 1 {
                        run.w("<br>\n");
                    }
                    run.w(&buf);
                } else if p.images > 0 && !p.other {
                    run.w(buf.trim());
                    run.w("\n");
                } else if p.blocky || p.images > 0 {
                    let s = format!("<div class=\"paragraphe\">{buf}</div>\n");
                    run.w(&s);
                } else {
                    let s = format!("<p>{buf}</p>\n");
                    run.w(&s);
                }
            }
            TagEnd::Heading(_) => {
                let buf = if run.bufs.len() > 1 { run.bufs.pop().unwrap_or_default() } else { String::new() };
                let Some((lvl, text, _)) = run.heading.take() else { return };
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                match run.mode {
                    Mode::Body => {
                        let id = self.unique_id(&slug(&text));
                        self.sections.push(Section { id: id.clone(), title: text, level: lvl });
                        let s = format!("<h{lvl} id=\"{id}\">{buf}</h{lvl}>\n");
                        run.w(&s);
                    }
                    Mode::Nested => {
                        let s = format!("<h{lvl}>{buf}</h{lvl}>\n");
                        run.w(&s);
                    }
                    Mode::Inline => {
                        let s = format!("<strong>{buf}</strong>");
                        run.w(&s);
                    }
                }
            }
            TagEnd::BlockQuote(_) => run.w("</blockquote>\n"),
            TagEnd::CodeBlock => {}
            TagEnd::HtmlBlock => {}
            TagEnd::List(true) => run.w("</ol>\n"),
            TagEnd::List(false) => run.w("</ul>\n"),
            TagEnd::Item => run.w("</li>\n"),
            TagEnd::FootnoteDefinition => run.w("</div>\n"),
            TagEnd::DefinitionList => run.w("</dl>\n"),
            TagEnd::DefinitionListTitle => run.w("</dt>\n"),
            TagEnd::DefinitionListDefinition => run.w("</dd>\n"),
            TagEnd::Table => {
                run.table = None;
                run.w("</tbody></table></div>\n");
            }
            TagEnd::TableHead => {
                if let Some(t) = run.table.as_mut() {
                    t.in_head = false;
                }
                run.w("</tr></thead>\n<tbody>\n");
            }
            TagEnd::TableRow => run.w("</tr>\n"),
            TagEnd::TableCell => {
                let name = match run.table.as_mut() {
                    Some(t) => {
                        t.cell += 1;
                        if t.in_head {
                            "th"
                        } else {
                            "td"
                        }
                    }
                    None => "td",
                };
                let s = format!("</{name}>");
                run.w(&s);
            }
            TagEnd::Emphasis => run.w("</em>"),
            TagEnd::Strong => run.w("</strong>"),
            TagEnd::Strikethrough => run.w("</del>"),
            TagEnd::Superscript => run.w("</sup>"),
            TagEnd::Subscript => run.w("</sub>"),
            TagEnd::Link => {
                if let Some(LinkOut::Open(marker)) = run.links.pop() {
                    run.w(marker);
                    run.w("</a>");
                }
            }
            TagEnd::Image => {}
            TagEnd::MetadataBlock(_) => {}
        }
    }

    fn end_image(&mut self, run: &mut Run) {
        let Some(img) = run.image.take() else { return };
        let (line, col) = (img.line, img.col);
        if run.mode == Mode::Inline {
            self.error(line, col, DiagnosticCode::PasImageQuestionChoixRetour);
            return;
        }
        let alt_raw = img.alt.split_whitespace().collect::<Vec<_>>().join(" ");
        let alt = if alt_raw == "-" { String::new() } else { alt_raw.clone() };
        if alt_raw.is_empty() {
            self.error(line, col, DiagnosticCode::TexteAlternatifObligatoireDisQuoi);
        }
        let credit_parts: Vec<String> = img.title.split(" — ").map(|s| s.trim().to_string()).collect();
        let credit_ok = credit_parts.len() == 3 && credit_parts.iter().all(|s| !s.is_empty());
        if !credit_ok {
            self.error(line, col, DiagnosticCode::CreditImageObligatoireTitreAuteur);
        }
        let path = match check_image_path(&img.dest) {
            Ok(p) => p,
            Err(msg) => {
                self.error(line, col, msg);
                return;
            }
        };
        if let Some(images) = &self.ctx.images {
            if !images.contains(&path) {
                self.error(line, col, DiagnosticCode::ImageIntrouvableLessons { path: path.to_string() });
            }
        }
        self.images_used.insert(path.clone());
        let src = format!("{IMAGE_URL_PREFIX}{path}");
        if credit_ok {
            self.credits.push(ImageCredit {
                src: src.clone(),
                alt: alt.clone(),
                author: credit_parts[0].clone(),
                licence: credit_parts[1].clone(),
                source: credit_parts[2].clone(),
            });
        }
        if let Some(p) = run.para.as_mut() {
            p.images += 1;
        }
        let caption =
            if img.title.trim().is_empty() { String::new() } else { format!("<figcaption>{}</figcaption>", escape(img.title.trim())) };
        let s = format!(r#"<figure><img src="{}" alt="{}" loading="lazy">{caption}</figure>"#, escape(&src), escape(&alt));
        run.w(&s);
    }

    fn end_html_block(&mut self, run: &mut Run) {
        let Some((text, start)) = run.html_block.take() else { return };
        let stripped = strip_comments(&text);
        if stripped.trim().is_empty() {
            return;
        }
        let (line, col) = run.pos(start);
        self.warn(line, col, DiagnosticCode::HtmlBrutInterditAfficheComme { short_stripped: short(stripped.trim()).to_string() });
        let s = format!("<p class=\"html-brut\">{}</p>\n", escape(stripped.trim()));
        run.w(&s);
    }

    fn end_code(&mut self, run: &mut Run) {
        let Some(code) = run.code.take() else { return };
        let (fence_line, fence_col) = run.pos(code.start);
        let content_origin = match code.first_text {
            Some(o) => {
                let (l, _) = run.pos(o);
                Origin { line: l, col: 1 }
            }
            None => Origin { line: fence_line + 1, col: 1 },
        };
        let info = code.info.trim();
        let first = info.split_whitespace().next().unwrap_or("");
        let rest = info[first.len()..].trim();
        let first_folded = fold(first);
        if code.fenced {
            if let Some((name, label)) = callout(first) {
                if run.mode != Mode::Body {
                    self.error(fence_line, fence_col, DiagnosticCode::EncadreNePeutPasEtre { name: name.to_string() });
                } else {
                    let full_label = if rest.is_empty() { label.to_string() } else { format!("{label}\u{a0}: {rest}") };
                    let inner = render(self, &code.text, content_origin, Mode::Nested);
                    if inner.trim().is_empty() {
                        self.warn(fence_line, fence_col, DiagnosticCode::EncadreVide { name: name.to_string() });
                    }
                    if name == "a-retenir" {
                        self.a_retenir.push(SafeHtml::sanitised(inner.clone()));
                    }
                    // no accessible name: inside the lesson's <article> the box is then
                    // not a landmark (a lesson has several « À retenir », and landmarks
                    // must have unique names); its visible title is read first
                    let s = format!(
                        "<aside class=\"encadre encadre-{name}\"><p class=\"encadre-titre\">{}</p>\n{inner}</aside>\n",
                        escape(&full_label)
                    );
                    run.w(&s);
                    return;
                }
            } else if first_folded == "activite" || first_folded.starts_with("activit") {
                if run.mode != Mode::Body {
                    self.error(fence_line, fence_col, DiagnosticCode::ActiviteNePeutPasEtre);
                } else if run.containers > 0 {
                    self.error(fence_line, fence_col, DiagnosticCode::ActiviteDoitEtrePlaceeRacine);
                } else if first_folded != "activite" {
                    self.error(fence_line, fence_col, DiagnosticCode::BlocInconnuEcrisActiviteType { first: first.to_string() });
                } else {
                    let act = super::activity::parse_activity(self, rest, &code.text, fence_line, fence_col, content_origin.line);
                    if let Some(act) = act {
                        if self.has_activity(&act.id) {
                            self.error(
                                fence_line,
                                fence_col,
                                DiagnosticCode::IdentifiantActiviteDouble { act_id: act.id.to_string() },
                            );
                        } else if act.retired {
                            // kept for old attempts, never shown: no place in the body
                            self.retired_activities.push(act);
                        } else {
                            run.cut_for_activity(act.id.clone());
                            self.activities.push(act);
                        }
                    }
                    return;
                }
            }
        }
        let lang: String = first.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '.')).collect();
        let class = if lang.is_empty() || !code.fenced { String::new() } else { format!(" class=\"language-{lang}\"") };
        let s = format!("<pre><code{class}>{}</code></pre>\n", escape(&code.text));
        run.w(&s);
    }
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `[[a|b]]` → `a`, `[[b]]` → `b`, for plain-text uses (table of contents).
fn glossary_display_text(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(start) = rest.find("[[") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("]]") else { break };
        out.push_str(&rest[..start]);
        let inner = &after[..end];
        out.push_str(inner.split('|').next().unwrap_or("").trim());
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// Removes HTML comments (an unterminated comment runs to the end).
pub fn strip_comments(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i + 4..].find("-->") {
            Some(j) => rest = &rest[i + 4 + j + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(matches!(classify_url("https://fr.wikipedia.org/wiki/Commun"), Ok(UrlKind::Web(_))));
        assert!(matches!(classify_url("HTTPS://x.fr"), Ok(UrlKind::Web(_))));
        assert!(matches!(classify_url("mailto:a@b.fr"), Ok(UrlKind::Mail(_))));
        assert_eq!(classify_url("lecon:droit-auteur"), Ok(UrlKind::Lecon { id: "droit-auteur".into(), fragment: None }));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            " \u{1}javascript:alert(1)",
            "vbscript:x",
            "data:text/html,<script>",
            "file:///etc/passwd",
            "java\u{200b}script:x",
            "//evil.example/x",
            "autre.md",
            "#ancre",
            "http:/x",
            "lecon:A",
            "",
        ] {
            assert!(classify_url(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn image_paths() {
        assert_eq!(check_image_path("images/a.svg").as_deref(), Ok("images/a.svg"));
        assert_eq!(check_image_path("./images/x/a-b_c.png").as_deref(), Ok("images/x/a-b_c.png"));
        for bad in [
            "https://x.fr/a.png",
            "//x.fr/a.png",
            "images/../a.png",
            "/images/a.png",
            "a.png",
            "images/é.png",
            "data:image/png;base64,AA",
            "images//a.png",
        ] {
            assert!(check_image_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn comments() {
        assert_eq!(strip_comments("a<!-- b -->c<!-- d"), "ac");
    }
}
