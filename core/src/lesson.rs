//! Lessons: the compiled model that the app downloads ([`model`]), the
//! scoring of answers ([`scoring`]), diagnostics, and — behind the `compiler`
//! feature, on the build machine only — the compiler from the Markdown
//! format of `docs/lesson-format.md` to that model ([`compile_lesson`],
//! [`compile_dir`]).

pub mod diagnostic;
pub mod model;
pub mod scoring;

#[cfg(feature = "compiler")]
mod activity;
#[cfg(feature = "compiler")]
mod compiler;
#[cfg(feature = "compiler")]
pub mod markdown;

pub use diagnostic::{Diagnostic, Severity};
pub use model::*;
pub use scoring::{score, Mark, Outcome};

#[cfg(feature = "compiler")]
pub use compiler::{compile_dir, compile_lesson, lesson_id, CompileContext, CompileOutput, GLOSSARY_FILE, MODULES_FILE};
