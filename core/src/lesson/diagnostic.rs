//! Diagnostics of the lesson compiler: a file, a position and a French
//! message, displayed as `lessons/x.md:12:3: erreur : message`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a diagnostic is. Any `Erreur` fails `lessons check` and the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    Erreur,
    Avertissement,
}

impl Severity {
    /// `"erreur"` or `"avertissement"`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Erreur => "erreur",
            Severity::Avertissement => "avertissement",
        }
    }
}

/// One problem found in a lesson or a configuration file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The label of the file, as given by the caller (e.g. `lessons/x.md`).
    pub file: String,
    /// 1-based line (0 when the problem concerns the whole file).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    pub severity: Severity,
    /// French message.
    pub message: String,
}

impl Diagnostic {
    /// An error.
    pub fn error(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic { file: file.to_string(), line, column, severity: Severity::Erreur, message: message.into() }
    }
    /// A warning.
    pub fn warning(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic { file: file.to_string(), line, column, severity: Severity::Avertissement, message: message.into() }
    }
    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Erreur
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {} : {}", self.file, self.line, self.column, self.severity.label(), self.message)
    }
}

/// Whether any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(Diagnostic::is_error)
}

/// Sorts diagnostics by file, line, column (stable for equal positions).
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn display() {
        let d = Diagnostic::error("lessons/x.md", 12, 3, "message");
        assert_eq!(d.to_string(), "lessons/x.md:12:3: erreur : message");
        let w = Diagnostic::warning("a.md", 1, 1, "m");
        assert_eq!(w.to_string(), "a.md:1:1: avertissement : m");
    }
}
