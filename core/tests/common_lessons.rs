//! Helpers shared by the lesson compiler tests (included with `#[path]`).

#![allow(dead_code)]

use communs_core::lesson::Publication::{Draft, Published};
use communs_core::lesson::{compile_lesson, CompileContext, CompiledLesson, Diagnostic, Severity};
pub use communs_i18n::render_diagnostic;
use std::path::PathBuf;

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(fixtures().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The context of the test-lessons folder, plus a few known lesson ids.
pub fn ctx() -> CompileContext {
    let (mut ctx, diags) = CompileContext::new(
        Some(&read("test-lessons/modules.toml")),
        Some(&read("test-lessons/glossaire.toml")),
        &["images/schema-essai.svg".to_string()],
    );
    assert!(diags.is_empty(), "{diags:?}");
    ctx.lessons = Some(
        [("essai", Published), ("autre-lecon", Published), ("brouillon-x", Draft), ("essai-activites", Published)]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b))
            .collect(),
    );
    ctx
}

/// 13 lines of valid front matter: body line `k` is file line `FRONT_LINES + k`.
pub const FRONT: &str = r#"+++
id = "essai"
title = "Essai"
summary = "Résumé."
module = "essais"
order = 1
audience = "cycle4"
duration = 10
crcn = [{ code = "2.2", level = 2 }, { code = "3.3", level = 1 }]
[[sources]]
title = "Source"
url = "https://example.org"
+++
"#;
pub const FRONT_LINES: usize = 13;

pub fn compile_body(body: &str) -> (Option<CompiledLesson>, Vec<Diagnostic>) {
    compile_lesson("essai.md", &format!("{FRONT}{body}"), &ctx())
}

/// Asserts that a diagnostic at body line `line` (0: any line) contains `fragment`.
pub fn expect_diag(diags: &[Diagnostic], line: usize, severity: Severity, fragment: &str, case: &str) {
    let file_line = if line == 0 { 0 } else { FRONT_LINES + line };
    let found = diags.iter().any(|d| d.severity == severity && text(d).contains(fragment) && (line == 0 || d.line == file_line));
    assert!(
        found,
        "[{case}] expected {severity:?} at body line {line} (file line {file_line}) containing {fragment:?}; got:\n{}",
        diags.iter().map(|d| format!("  {}", render_diagnostic(d))).collect::<Vec<_>>().join("\n")
    );
}

/// The words of a diagnostic (the case tables quote them, with their values).
pub fn text(d: &Diagnostic) -> String {
    communs_i18n::diagnostic_text(&d.code)
}

pub fn errors(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags.iter().filter(|d| d.severity == Severity::Erreur).collect()
}

/// [`assert_safe_html`] for every piece of HTML of a lesson: body, « À
/// retenir », and every HTML field of its activities.
pub fn assert_safe_lesson(lesson: &CompiledLesson, case: &str) {
    for h in lesson.safe_html() {
        assert_safe_html(h.as_str(), case);
    }
}

/// Safety properties every compiled HTML must have.
pub fn assert_safe_html(html: &str, case: &str) {
    let lower = html.to_ascii_lowercase();
    // (author text may mention `style=` or `javascript:`: it is escaped, and the
    // attribute checks below make sure it never becomes an attribute)
    for bad in ["<script", "<iframe", "<object", "<embed", "<style", "<svg", "<math", "<form", "<input", "<base", "<meta", "<link"] {
        assert!(!lower.contains(bad), "[{case}] {bad:?} in html:\n{html}");
    }
    // every attribute that can navigate or load is one of ours
    for attr in ["href=\"", "src=\""] {
        for (i, _) in lower.match_indices(attr) {
            let v = &lower[i + attr.len()..];
            let ok = ["https://", "http://", "mailto:", "lecon/", "#note-", "lecons/images/"].iter().any(|p| v.starts_with(p));
            assert!(ok, "[{case}] unexpected {attr}{}", &v[..v.len().min(40)]);
        }
    }
    // every tag and attribute is one the renderer writes (author text is escaped)
    let allowed_tags = [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "span",
        "strong",
        "em",
        "del",
        "code",
        "pre",
        "ul",
        "ol",
        "li",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "figure",
        "img",
        "figcaption",
        "aside",
        "details",
        "summary",
        "sup",
        "sub",
        "br",
        "hr",
        "dl",
        "dt",
        "dd",
    ];
    let allowed_attrs =
        ["href", "src", "alt", "loading", "class", "id", "rel", "target", "title", "aria-label", "data-lecon", "start"];
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        i += 1;
        if i < b.len() && b[i] == b'/' {
            i += 1;
        }
        let s = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let name = &html[s..i];
        assert!(allowed_tags.contains(&name), "[{case}] unexpected tag <{name}> in:\n{html}");
        loop {
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let s = i;
            while i < b.len() && !matches!(b[i], b'=' | b' ' | b'>') {
                i += 1;
            }
            let attr = &html[s..i];
            assert!(allowed_attrs.contains(&attr), "[{case}] unexpected attribute {attr:?} in <{name}>:\n{html}");
            if i < b.len() && b[i] == b'=' {
                i += 1;
                assert!(i < b.len() && b[i] == b'"', "[{case}] unquoted attribute value");
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    assert!(b[i] != b'<', "[{case}] '<' in attribute value");
                    i += 1;
                }
                i += 1;
            }
        }
    }
}
