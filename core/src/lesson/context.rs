//! The state of a compilation, shared by the compiler, the Markdown renderer
//! and the activity parser without their depending on each other in a
//! circle: [`CompileContext`] (what a lesson is checked against: modules,
//! glossary, images, other lessons) and [`Builder`] (everything collected
//! while one lesson is compiled: diagnostics, sections, activities…). The
//! Markdown renderer hands the builder its rendering function when it makes
//! one ([`super::markdown::builder`]), so the activity parser renders its
//! texts through the builder and never calls the renderer's module.

use std::collections::{BTreeMap, BTreeSet};

use super::diagnostic::{Diagnostic, DiagnosticCode};
use super::html::SafeHtml;
use super::model::{Activity, CrcnRef, GlossaryEntry, ImageCredit, Module, RetiredLesson, Section, Theme};
use crate::text::fold;

/// What a lesson is checked against. Build it with [`CompileContext::new`].
#[derive(Clone, Debug, Default)]
pub struct CompileContext {
    /// Modules and themes; `None`: the module of a lesson is not checked.
    pub modules: Option<(Vec<Theme>, Vec<Module>)>,
    /// Glossary entries (empty: every `[[terme]]` is unknown).
    pub glossary: Vec<GlossaryEntry>,
    /// Image files, relative to the lessons folder (`images/x.svg`);
    /// `None`: existence is not checked.
    pub images: Option<BTreeSet<String>>,
    /// Known lesson ids and whether each one is published; `None`: `lecon:`
    /// links are not checked.
    pub lessons: Option<BTreeMap<String, Publication>>,
    /// The `[[lecons-retirees]]` of `modules.toml`, with their line there
    /// (checked against the lessons by [`super::compile_dir`]).
    pub retired_lessons: Vec<(RetiredLesson, usize)>,
}

/// Whether a lesson is part of the build (`draft = false`) or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Publication {
    Published,
    /// `draft = true`: left out of the build.
    Draft,
}

impl Publication {
    /// From the `draft` field of the front matter.
    pub fn from_draft(draft: bool) -> Publication {
        if draft {
            Publication::Draft
        } else {
            Publication::Published
        }
    }
}

/// The key a glossary term is looked up by (case, accents and spaces ignored).
pub(crate) fn glossary_key(s: &str) -> String {
    fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

impl CompileContext {
    /// The glossary entry for a term (case, accents and spaces ignored).
    pub fn glossary_entry(&self, term: &str) -> Option<&GlossaryEntry> {
        let k = glossary_key(term);
        self.glossary.iter().find(|e| glossary_key(&e.term) == k)
    }
}

/// Where a piece of Markdown starts in the lesson file (1-based).
#[derive(Clone, Copy, Debug)]
pub struct Origin {
    pub line: usize,
    pub col: usize,
}

/// What kind of Markdown is being rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The lesson body: headings go to the table of contents, callouts and
    /// activities are allowed.
    Body,
    /// Content of a callout, an explanation, a scenario situation: blocks,
    /// but no callouts, no activities, headings without anchors.
    Nested,
    /// A question, choice, hint or feedback: paragraphs are unwrapped.
    Inline,
}

/// A `lecon:` link of the lesson, where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonLink {
    pub id: String,
    pub line: usize,
    pub col: usize,
}

/// A `remplacee-par :` of a retired activity, where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    /// The retired activity.
    pub activity: String,
    /// The id it names.
    pub target: String,
    pub line: usize,
    pub col: usize,
}

/// The Markdown renderer, as given to [`Builder::new`]: sanitised HTML.
pub type Render = for<'b, 'c> fn(&'b mut Builder<'c>, &str, Origin, Mode) -> String;

/// Everything collected while compiling one lesson.
pub struct Builder<'c> {
    pub ctx: &'c CompileContext,
    pub file: String,
    pub diags: Vec<Diagnostic>,
    pub sections: Vec<Section>,
    pub element_ids: BTreeSet<String>,
    pub glossary_used: Vec<GlossaryEntry>,
    pub credits: Vec<ImageCredit>,
    pub a_retenir: Vec<SafeHtml>,
    pub activities: Vec<Activity>,
    /// The activities marked `retiree : oui`, in lesson order.
    pub retired_activities: Vec<Activity>,
    /// Every `remplacee-par :` of the lesson, checked once all its
    /// activities are known.
    pub replacements: Vec<Replacement>,
    pub lesson_links: Vec<LessonLink>,
    pub images_used: BTreeSet<String>,
    pub lesson_crcn: Vec<CrcnRef>,
    /// Footnote label → number, in order of first use (renderer state).
    pub(super) footnotes: BTreeMap<String, usize>,
    pub(super) footnote_refs_seen: BTreeSet<usize>,
    pub(super) last_heading_level: u8,
    render: Render,
}

impl<'c> Builder<'c> {
    /// A builder for one lesson file that renders Markdown with `render`.
    pub fn new(ctx: &'c CompileContext, file: &str, render: Render) -> Self {
        Builder {
            ctx,
            file: file.to_string(),
            diags: Vec::new(),
            sections: Vec::new(),
            element_ids: BTreeSet::new(),
            glossary_used: Vec::new(),
            credits: Vec::new(),
            a_retenir: Vec::new(),
            activities: Vec::new(),
            retired_activities: Vec::new(),
            replacements: Vec::new(),
            lesson_links: Vec::new(),
            images_used: BTreeSet::new(),
            lesson_crcn: Vec::new(),
            footnotes: BTreeMap::new(),
            footnote_refs_seen: BTreeSet::new(),
            last_heading_level: 1,
            render,
        }
    }

    /// Reports an error at `line`, `col`.
    pub fn error(&mut self, line: usize, col: usize, code: DiagnosticCode) {
        let d = Diagnostic::error(&self.file, line, col, code);
        self.diags.push(d);
    }

    /// Reports a warning at `line`, `col`.
    pub fn warn(&mut self, line: usize, col: usize, code: DiagnosticCode) {
        let d = Diagnostic::warning(&self.file, line, col, code);
        self.diags.push(d);
    }

    /// Whether an activity (live or retired) already has this id.
    pub fn has_activity(&self, id: &str) -> bool {
        self.activities.iter().chain(&self.retired_activities).any(|a| a.id == id)
    }

    /// How many errors were reported so far.
    pub fn error_count(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }

    /// Renders inline Markdown (question, choice, feedback, hint), trimmed.
    pub fn render_inline(&mut self, src: &str, origin: Origin) -> SafeHtml {
        let html = (self.render)(self, src, origin, Mode::Inline);
        SafeHtml::sanitised(html.trim().to_string())
    }

    /// Renders block Markdown (explanation, scenario situation), trimmed.
    pub fn render_nested(&mut self, src: &str, origin: Origin) -> SafeHtml {
        let html = (self.render)(self, src, origin, Mode::Nested);
        SafeHtml::sanitised(html.trim().to_string())
    }
}
