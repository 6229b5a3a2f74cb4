//! Architecture invariants that a machine checks: a small source scanner run
//! by `cargo xtask test` (quick and full), one counted layer per rule.
//!
//! - only the storage module (`src/storage.rs` and its children in
//!   `src/storage/`) names `localStorage` (`local_storage`,
//!   `web_sys::Storage`) or IndexedDB (`indexedDB`, `indexed_db`, the
//!   `Idb…` types) in the app;
//! - `core`'s library does no IO: no `std::fs`, `std::env`, `std::process`,
//!   `std::net`, `std::time::SystemTime` or `Instant`. Exempt by design:
//!   `core/src/fs.rs` (the one reader of a lessons folder and writer of the
//!   compiled JSON, behind the `fs` feature, which the app turns off); the
//!   `lessons` command lives in `cli/`, a host tool outside the domain;
//! - `core/src` never panics: no `unwrap`, `expect`, `unwrap_err`,
//!   `expect_err`, `panic!`, `unreachable!`, `todo!` or `unimplemented!`.
//!
//! The scanner is a lexer of Rust text, not a parser: it blanks comments and
//! (for the rules about code) string and char literals, keeping every line
//! break so that it reports `file:line`, and it skips the item that follows
//! `#[cfg(test)]` (a test module, a test-only function). Indexing (`x[i]`)
//! and `assert!` are out of its scope.

use std::path::Path;

/// One broken rule at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub file: String,
    pub line: usize,
    pub what: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.what)
    }
}

/// A rule: which files it reads (paths relative to the workspace root, with
/// `/`), whether it looks inside string literals, and what it forbids.
pub struct Rule {
    pub name: &'static str,
    /// Folders scanned (relative to the workspace root).
    pub dirs: &'static [&'static str],
    pub applies: fn(&str) -> bool,
    /// True: string literals are scanned too (`"localStorage"` in a
    /// `Reflect::get` names the storage as surely as a method does).
    pub strings: bool,
    pub forbidden: fn(&str) -> Vec<(usize, String)>,
}

/// The sources of the domain crates (ARCHITECTURE.md, "Room to grow"): each
/// is bound by core's rules (no IO, no panic); a new domain crate is added here.
pub const DOMAIN_DIRS: &[&str] = &["core/src", "i18n/src"];

pub const RULES: &[Rule] = &[
    Rule {
        name: "seul le module de stockage (src/storage.rs, src/storage/) touche localStorage et IndexedDB",
        dirs: &["src"],
        applies: |f| !is_storage_module(f),
        strings: true,
        forbidden: storage_names,
    },
    Rule {
        name: "le domaine (core, i18n) ne fait aucune entrée-sortie",
        dirs: DOMAIN_DIRS,
        applies: |f| f != "core/src/fs.rs",
        strings: false,
        forbidden: io_names,
    },
    Rule {
        name: "le domaine (core, i18n) ne panique pas (unwrap, expect, panic!…)",
        dirs: DOMAIN_DIRS,
        applies: |_| true,
        strings: false,
        forbidden: panics,
    },
];

/// The storage module: `src/storage.rs` and the files of `src/storage/`.
fn is_storage_module(file: &str) -> bool {
    file == "src/storage.rs" || file.starts_with("src/storage/")
}

/// Every violation of `rule` below `root` (the workspace root).
pub fn check_tree(root: &Path, rule: &Rule) -> Result<Vec<Violation>, String> {
    let mut out = Vec::new();
    for dir in rule.dirs {
        let mut files = Vec::new();
        rust_files(&root.join(dir), &mut files).map_err(|e| format!("{dir} : {e}"))?;
        files.sort();
        for path in files {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            if !(rule.applies)(&rel) {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{rel} : {e}"))?;
            out.extend(check_source(&rel, &text, rule));
        }
    }
    Ok(out)
}

/// The violations of `rule` in one file's text.
pub fn check_source(file: &str, text: &str, rule: &Rule) -> Vec<Violation> {
    // test items are found in the fully blanked text (a `"}"` cannot close them)
    let tests = test_ranges(&blank(text, true));
    let code = wipe_ranges(&blank(text, !rule.strings), &tests);
    let mut out: Vec<Violation> = (rule.forbidden)(&code)
        .into_iter()
        .map(|(at, what)| Violation { file: file.to_string(), line: line_of(&code, at), what })
        .collect();
    out.dedup_by_key(|v| v.line);
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            rust_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes().iter().take(at).filter(|b| **b == b'\n').count() + 1
}

/// The text with comments (and, if `strings`, the contents of string and
/// char literals) replaced by spaces; line breaks and byte offsets are kept.
pub fn blank(text: &str, strings: bool) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    let wipe = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in out.iter_mut().take(to.min(b.len())).skip(from) {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            let end = rest.iter().position(|c| *c == b'\n').map_or(b.len(), |p| i + p);
            wipe(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let (mut depth, mut j) = (1, i + 2);
            while j < b.len() && depth > 0 {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            wipe(&mut out, i, j);
            i = j;
        } else if let Some((open, hashes)) = raw_string_start(b, i) {
            let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
            let body = open;
            let end = b[body..].windows(close.len()).position(|w| w == close.as_slice()).map_or(b.len(), |p| body + p);
            if strings {
                wipe(&mut out, body, end);
            }
            i = end + close.len();
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            if strings {
                wipe(&mut out, i + 1, j);
            }
            i = j + 1;
        } else if b[i] == b'\'' {
            // a char literal ('a', '\n', '\u{e9}', '"') or a lifetime ('a)
            let end = if b.get(i + 1) == Some(&b'\\') {
                b.get(i + 3..).and_then(|r| r.iter().position(|c| *c == b'\'')).map(|p| i + 3 + p)
            } else {
                let len = text.get(i + 1..).and_then(|s| s.chars().next()).map_or(1, char::len_utf8);
                (b.get(i + 1 + len) == Some(&b'\'')).then_some(i + 1 + len)
            };
            match end {
                Some(end) => {
                    if strings {
                        wipe(&mut out, i + 1, end);
                    }
                    i = end + 1;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `r"`, `r#"`, `br"`…: the offset just after the opening quote and the number of `#`.
fn raw_string_start(b: &[u8], i: usize) -> Option<(usize, usize)> {
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') {
        return None;
    }
    let mut j = i;
    if b.get(j) == Some(&b'b') {
        j += 1;
    }
    if b.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = b[j..].iter().take_while(|c| **c == b'#').count();
    j += hashes;
    (b.get(j) == Some(&b'"')).then_some((j + 1, hashes))
}

/// The byte ranges of the items after each `#[cfg(test)]`: up to the `;`
/// that ends one or the brace that closes its body.
pub fn test_ranges(code: &str) -> Vec<(usize, usize)> {
    let b = code.as_bytes();
    let mut ranges = Vec::new();
    let mut from = 0;
    while let Some(p) = find_attr(code, from) {
        let mut depth = 0usize;
        let mut end = b.len();
        for (j, c) in b.iter().enumerate().skip(p) {
            match c {
                b';' if depth == 0 => {
                    end = j + 1;
                    break;
                }
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = j + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        ranges.push((p, end));
        from = end;
    }
    ranges
}

fn wipe_ranges(code: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = code.as_bytes().to_vec();
    for (from, to) in ranges {
        for c in out.iter_mut().take(*to).skip(*from) {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The offset of the next `#[cfg(test)]` (spaces allowed inside) at or after `from`.
fn find_attr(code: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(p) = code.get(at..)?.find("#[") {
        let start = at + p;
        let squeezed: String = code[start..].chars().take(40).filter(|c| !c.is_whitespace()).collect();
        if squeezed.starts_with("#[cfg(test)]") {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

/// `(offset, text)` of each path `a::b::c` in `code`, with spaces around
/// `::` ignored and `use a::{b, c::d}` groups expanded.
fn paths(code: &str) -> Vec<(usize, String)> {
    let b = code.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let skip_ws = |mut j: usize| {
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        j
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !ident(b[i]) || (i > 0 && (ident(b[i - 1]) || b[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let start = i;
        let mut path = String::new();
        let mut j = i;
        loop {
            let s = j;
            while j < b.len() && ident(b[j]) {
                j += 1;
            }
            path.push_str(&code[s..j]);
            let k = skip_ws(j);
            if !b[k..].starts_with(b"::") {
                break;
            }
            let k = skip_ws(k + 2);
            if b.get(k) == Some(&b'{') {
                let close = matching_brace(b, k);
                for (_, inner) in paths(&code[k + 1..close]) {
                    out.push((start, format!("{path}::{inner}")));
                }
                j = close;
                break;
            }
            if b.get(k).copied().is_some_and(ident) {
                path.push_str("::");
                j = k;
            } else {
                break;
            }
        }
        out.push((start, path));
        i = j.max(i + 1);
    }
    out
}

fn matching_brace(b: &[u8], open: usize) -> usize {
    let mut depth = 0;
    for (j, c) in b.iter().enumerate().skip(open) {
        match c {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    b.len()
}

/// Whole-word occurrences of `word` in `code`, followed (after spaces) by `next` if given.
fn words(code: &str, word: &str, next: Option<char>) -> Vec<usize> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(word)
        .filter(|(p, _)| {
            let before = code[..*p].chars().next_back();
            let after = code[p + word.len()..].trim_start().chars().next();
            !before.is_some_and(ident)
                && !code[p + word.len()..].chars().next().is_some_and(ident)
                && next.is_none_or(|n| after == Some(n))
        })
        .map(|(p, _)| p)
        .collect()
}

fn storage_names(code: &str) -> Vec<(usize, String)> {
    const WHERE: &str = "hors du module de stockage (src/storage.rs, src/storage/)";
    let mut out: Vec<(usize, String)> = Vec::new();
    for w in ["localStorage", "local_storage", "indexedDB", "indexed_db"] {
        out.extend(words(code, w, None).into_iter().map(|p| (p, format!("« {w} » {WHERE}"))));
    }
    for (p, path) in paths(code) {
        if path == "web_sys::Storage" || path.starts_with("web_sys::Storage::") {
            out.push((p, format!("« {path} » {WHERE}")));
        }
    }
    // The IndexedDB types of web-sys: `IdbDatabase`, `IdbFactory`, `IdbObjectStore`…
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    for (p, _) in code.match_indices("Idb") {
        let before = code[..p].chars().next_back();
        let after = code[p + 3..].chars().next();
        if !before.is_some_and(ident) && after.is_some_and(|c| c.is_ascii_uppercase()) {
            let name: String = code[p..].chars().take_while(|c| ident(*c)).collect();
            out.push((p, format!("« {name} » {WHERE}")));
        }
    }
    out.sort();
    out
}

const IO_PATHS: &[&str] = &["std::fs", "std::env", "std::process", "std::net", "std::time::SystemTime", "std::time::Instant"];

fn io_names(code: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (p, path) in paths(code) {
        let forbidden = IO_PATHS.iter().find(|f| path == **f || path.starts_with(&format!("{f}::")));
        if let Some(f) = forbidden {
            out.push((p, format!("« {f} » dans la bibliothèque core (pas d'entrée-sortie)")));
        }
    }
    for w in ["SystemTime", "Instant"] {
        let what = format!("« {w} » dans la bibliothèque core (l'heure vient de l'appelant)");
        out.extend(words(code, w, None).into_iter().map(|p| (p, what.clone())));
    }
    out.sort();
    out
}

fn panics(code: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for m in ["unwrap", "expect", "unwrap_err", "expect_err"] {
        for p in words(code, m, Some('(')) {
            if code[..p].trim_end().ends_with('.') {
                out.push((p, format!("« .{m}() » peut paniquer : renvoyer un diagnostic")));
            }
        }
    }
    for m in ["panic", "unreachable", "todo", "unimplemented"] {
        out.extend(words(code, m, Some('!')).into_iter().map(|p| (p, format!("« {m}! » dans core/src"))));
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(name_part: &str) -> &'static Rule {
        RULES.iter().find(|r| r.name.contains(name_part)).expect("rule")
    }

    /// (rule, file, source, lines reported).
    const CASES: &[(&str, &str, &str, &[usize])] = &[
        // storage
        ("localStorage", "src/pages/x.rs", "fn f() { let s = window().local_storage(); }", &[1]),
        ("localStorage", "src/pages/x.rs", "fn f() {}\nlet s: web_sys::Storage = s;", &[2]),
        ("localStorage", "src/pages/x.rs", "use web_sys::{Window,\n Storage};", &[1]),
        ("localStorage", "src/pages/x.rs", "let v = Reflect::get(&w, &\"localStorage\".into());", &[1]),
        ("localStorage", "src/pages/x.rs", "// localStorage in a comment\nuse crate::storage::Storage;\n/* local_storage */", &[]),
        ("localStorage", "src/pages/x.rs", "fn f() { let local_storage_free = 1; }", &[]),
        ("localStorage", "src/storage.rs", "fn f() { window().local_storage() }", &[]),
        ("localStorage", "src/pages/x.rs", "#[cfg(test)]\nmod tests {\n fn t() { local_storage(); }\n}", &[]),
        // storage: IndexedDB, and the children of the storage module
        ("localStorage", "src/pages/x.rs", "fn f() {}\nlet f = window().indexed_db();", &[2]),
        ("localStorage", "src/pages/x.rs", "let v = Reflect::get(&w, &\"indexedDB\".into());", &[1]),
        ("localStorage", "src/pages/x.rs", "fn f(db: &IdbDatabase) {}", &[1]),
        (
            "localStorage",
            "src/pages/x.rs",
            "use web_sys::{Window,\n IdbFactory};\nlet m = web_sys::IdbTransactionMode::Readwrite;",
            &[2, 3],
        ),
        ("localStorage", "src/pages/x.rs", "// indexedDB, IdbDatabase\nlet idb_free = 1; struct Idbx; let my_IdbX = 2;", &[]),
        (
            "localStorage",
            "src/components/storage_areas.rs",
            "use crate::storage::idb::use_teacher_space;\nlet s = window().local_storage();",
            &[2],
        ),
        ("localStorage", "src/storage/idb.rs", "fn f(d: IdbDatabase) { window().indexed_db() }", &[]),
        ("localStorage", "src/storage/settings.rs", "fn f() { window().local_storage() }", &[]),
        ("localStorage", "src/storage2.rs", "fn f() { window().local_storage() }", &[1]),
        // IO
        ("entrée-sortie", "core/src/a.rs", "fn f() { std::fs::read(\"x\"); }", &[1]),
        ("entrée-sortie", "core/src/a.rs", "use std::{collections::HashMap,\n  env};", &[1]),
        ("entrée-sortie", "core/src/a.rs", "use std :: process :: Command;", &[1]),
        ("entrée-sortie", "core/src/a.rs", "fn f() {}\n\nfn g() { let t = std::time::Instant::now(); }", &[3]),
        ("entrée-sortie", "core/src/a.rs", "use std::time::{Duration, SystemTime};", &[1]),
        ("entrée-sortie", "core/src/a.rs", "use std::net::TcpStream;", &[1]),
        ("entrée-sortie", "core/src/a.rs", "let x = SystemTime::now();", &[1]),
        ("entrée-sortie", "core/src/a.rs", "use std::time::Duration; // std::fs later\nlet s = \"std::env\";", &[]),
        ("entrée-sortie", "core/src/a.rs", "let d = env!(\"CARGO_MANIFEST_DIR\"); let i = Instantly; use mystd::fs;", &[]),
        ("entrée-sortie", "core/src/bin/lessons.rs", "fn main() { std::fs::read(\"x\"); }", &[1]),
        ("entrée-sortie", "core/src/fs.rs", "use std::fs;", &[]),
        (
            "entrée-sortie",
            "core/src/a.rs",
            "#[cfg(test)]\nmod tests {\n  use std::fs;\n  fn t() { std::env::args(); }\n}\nuse std::fs;",
            &[6],
        ),
        // panics
        ("panique", "core/src/a.rs", "fn f(x: Option<u8>) -> u8 { x.unwrap() }", &[1]),
        ("panique", "core/src/a.rs", "fn f(x: Option<u8>) -> u8 {\n  x\n    .expect(\"some\")\n}", &[3]),
        ("panique", "core/src/a.rs", "fn f() { panic!(\"no\") }\nfn g() { unreachable!() }", &[1, 2]),
        (
            "panique",
            "core/src/a.rs",
            "fn f() { todo!() }\nfn g() { unimplemented!() }\nfn h(r: Result<u8, u8>) { r.unwrap_err(); }",
            &[1, 2, 3],
        ),
        ("panique", "core/src/a.rs", "fn f(x: Option<u8>) -> u8 { x.unwrap_or(0) + x.unwrap_or_default() }", &[]),
        (
            "panique",
            "core/src/a.rs",
            "// x.unwrap()\n/* panic!() /* nested */ x.expect(1) */\nlet s = \"todo!()\"; let r = r#\"a.unwrap()\"#;",
            &[],
        ),
        ("panique", "core/src/a.rs", "fn expect(x: u8) {}\nfn f() { expect(1); let c = '\"'; let l: &'static str = \"\"; }", &[]),
        (
            "panique",
            "core/src/a.rs",
            "#[cfg(test)]\nmod tests {\n  fn t() { None::<u8>.unwrap(); panic!(); }\n}\nfn f() { todo!() }",
            &[5],
        ),
        (
            "panique",
            "core/src/a.rs",
            "#[cfg(test)]\nfn helper() -> u8 { Some(1).unwrap() }\nfn f(x: Option<u8>) { x.unwrap(); }",
            &[3],
        ),
        (
            "panique",
            "core/src/a.rs",
            "let c = '{'; let s = \"}\";\n#[cfg(test)]\nmod t { fn a() { let s = \"}\"; x.unwrap(); } }\nfn f() { y.unwrap() }",
            &[4],
        ),
    ];

    #[test]
    fn each_rule_fails_on_planted_violations_and_passes_clean_code() {
        for (name, file, src, lines) in CASES {
            let r = rule(name);
            let got: Vec<usize> = if (r.applies)(file) { check_source(file, src, r).iter().map(|v| v.line).collect() } else { vec![] };
            assert_eq!(&got, lines, "rule {name:?}, {file}: {src:?}");
        }
        // every rule is shown to fail at least once
        for r in RULES {
            assert!(CASES.iter().any(|(n, _, _, l)| r.name.contains(n) && !l.is_empty()), "{} never fails", r.name);
        }
    }

    #[test]
    fn blanking_keeps_lines_and_offsets() {
        let src = "a // b\n/* c\n d */ \"e\" 'f' r#\"g\"# x";
        let code = blank(src, true);
        assert_eq!(code.len(), src.len());
        assert_eq!(code.matches('\n').count(), 2);
        for gone in ['b', 'c', 'd', 'e', 'f', 'g'] {
            assert!(!code.contains(gone), "{gone} in {code:?}");
        }
        assert!(code.starts_with('a') && code.ends_with('x'));
        assert!(blank(src, false).contains("\"e\""), "strings kept when asked");
    }

    /// A planted file in a temporary tree is reported with its path and line;
    /// the same tree without it passes every rule.
    #[test]
    fn tree_scan_reports_planted_files() {
        let root = std::env::temp_dir().join(format!("communs-invariants-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let put = |rel: &str, text: &str| {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, text).expect("write");
        };
        put("src/storage.rs", "fn s() { window().local_storage() }\n");
        put("src/storage/idb.rs", "fn o(f: IdbFactory) { window().indexed_db() }\n");
        put("src/pages/ok.rs", "//! A page.\nfn p() {}\n");
        put("core/src/lib.rs", "//! Core.\npub fn f(x: Option<u8>) -> u8 { x.unwrap_or(0) }\n");
        put("core/src/fs.rs", "use std::fs;\n");
        put("i18n/src/lib.rs", "//! Words.\npub fn w() -> &'static str { \"mot\" }\n");
        for r in RULES {
            assert_eq!(check_tree(&root, r).expect("scan"), vec![], "{}", r.name);
        }
        put("src/pages/bad.rs", "//! Bad.\n\nfn p() { let _ = window().local_storage(); }\n");
        put("src/pages/worse.rs", "//! Worse.\nfn p(db: web_sys::IdbDatabase) {}\n");
        put("core/src/deep/bad.rs", "//! Bad.\nuse std::env;\nfn f(x: Option<u8>) -> u8 { x.expect(\"x\") }\n");
        put("i18n/src/bad.rs", "//! Bad.\nfn w() -> ! { panic!(\"mot\") }\n");
        let found: Vec<String> =
            RULES.iter().flat_map(|r| check_tree(&root, r).expect("scan")).map(|v| format!("{}:{}", v.file, v.line)).collect();
        assert_eq!(
            found,
            ["src/pages/bad.rs:3", "src/pages/worse.rs:2", "core/src/deep/bad.rs:2", "core/src/deep/bad.rs:3", "i18n/src/bad.rs:2"]
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn the_real_tree_passes() {
        for r in RULES {
            let v = check_tree(&crate::util::root(), r).expect("scan");
            assert!(v.is_empty(), "{}:\n{}", r.name, v.iter().map(|v| format!("  {v}\n")).collect::<String>());
        }
    }
}
