//! Lessons: the compiled model that the app downloads ([`model`], its HTML
//! always a [`html::SafeHtml`]), the scoring of answers ([`scoring`]), the
//! estimate of a lesson's length ([`duration`]), diagnostics, and — behind
//! the `compiler` feature, on the build machine only — the compiler from the Markdown format of `docs/lesson-format.md` to
//! that model ([`compile_lesson`], [`compile_dir`]).
//!
//! Inside the compiler, dependencies go one way: `compiler` (front matter,
//! folder checks, index) → `markdown` (the body, callouts, glossary, images,
//! links) → `activity` (one parser per [`ActivityType`]) → `context` (the
//! compile state, [`CompileContext`] and the `Builder`, through which the
//! activity parser renders its texts).

pub mod diagnostic;
pub mod duration;
pub mod html;
pub mod model;
pub mod scoring;

#[cfg(feature = "compiler")]
mod activity;
#[cfg(feature = "compiler")]
mod compiler;
#[cfg(feature = "compiler")]
mod context;
#[cfg(feature = "compiler")]
pub mod markdown;

pub use diagnostic::{Diagnostic, DiagnosticCode, Severity};
pub use model::*;
pub use scoring::{score, Mark, Outcome};

#[cfg(feature = "compiler")]
pub use compiler::{compile_dir, compile_lesson, lesson_id, CompileOutput, GLOSSARY_FILE, MODULES_FILE};
#[cfg(feature = "compiler")]
pub use context::{CompileContext, Publication};
