//! The one reader of a lessons folder and the one writer of compiled lessons,
//! for the host tools: the `lessons` command, `cargo xtask` (dist, test,
//! bench) and the tests that compile the real `lessons/`.
//!
//! This is IO, so it is not the domain: it sits behind the `fs` feature (on by
//! default, off in the app, which depends on `core` without default features)
//! and is exempt by name from the no-IO invariant that `cargo xtask test`
//! checks (`xtask/src/invariants.rs`). It only moves text between the disk and
//! memory; everything it reads is compiled by [`crate::lesson::compile_dir`].

use std::path::{Path, PathBuf};

use crate::lesson::{compile_dir, CompileOutput};

/// A lessons folder read into memory: what [`compile_dir`] wants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LessonsFolder {
    /// Every `*.md` file outside `images/` (at any depth, hidden files left
    /// out): path relative to the folder with `/`, and its text (invalid
    /// UTF-8 replaced, so that the compiler reports it at its place).
    pub lessons: Vec<(String, String)>,
    /// `modules.toml`, if present.
    pub modules: Option<String>,
    /// `glossaire.toml`, if present.
    pub glossary: Option<String>,
    /// Every file below `images/`, as `images/<path>`.
    pub images: Vec<String>,
}

impl LessonsFolder {
    /// The folder's lessons, compiled.
    pub fn compile(&self) -> CompileOutput {
        compile_dir(&self.lessons, self.modules.as_deref(), self.glossary.as_deref(), &self.images)
    }
}

/// Reads a lessons folder. Files come in name order, so diagnostics and the
/// compiled output do not depend on the file system.
pub fn read_lessons(dir: &Path) -> Result<LessonsFolder, String> {
    let err = |e: std::io::Error| format!("{} : {e}", dir.display());
    let mut files = Vec::new();
    walk(dir, "", &mut files).map_err(err)?;
    let mut folder = LessonsFolder::default();
    for (rel, path) in files {
        if rel.starts_with("images/") {
            folder.images.push(rel);
        } else if rel.ends_with(".md") {
            let bytes = std::fs::read(&path).map_err(|e| format!("{} : {e}", path.display()))?;
            folder.lessons.push((rel, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    folder.modules = read_optional(&dir.join("modules.toml"))?;
    folder.glossary = read_optional(&dir.join("glossaire.toml"))?;
    Ok(folder)
}

/// Writes `index.json` and one `<id>.json` per lesson into `out` (created if
/// needed); returns the ids written, in order.
pub fn write_compiled(output: &CompileOutput, out: &Path) -> Result<Vec<String>, String> {
    let err = |e: std::io::Error| format!("{} : {e}", out.display());
    std::fs::create_dir_all(out).map_err(err)?;
    std::fs::write(out.join("index.json"), to_json(&output.index)?).map_err(err)?;
    let mut ids = Vec::new();
    for lesson in &output.lessons {
        std::fs::write(out.join(format!("{}.json", lesson.header.id)), to_json(lesson)?).map_err(err)?;
        ids.push(lesson.header.id.clone());
    }
    Ok(ids)
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

fn read_optional(p: &Path) -> Result<Option<String>, String> {
    match std::fs::read_to_string(p) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{} : {e}", p.display())),
    }
}

/// Every file below `dir` (hidden ones left out), sorted by path.
fn walk(dir: &Path, rel: &str, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let r = if rel.is_empty() { name } else { format!("{rel}/{name}") };
        if e.file_type()?.is_dir() {
            walk(&e.path(), &r, out)?;
        } else {
            out.push((r, e.path()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("communs-fs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    fn put(root: &Path, rel: &str, text: &[u8]) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn reads_a_folder_in_name_order() {
        let d = tmp("read");
        put(&d, "b.md", b"B");
        put(&d, "a.md", b"A\xff");
        put(&d, "sous/c.md", b"C");
        put(&d, ".cache/x.md", b"hidden");
        put(&d, "images/z.svg", b"<svg/>");
        put(&d, "images/deux/y.png", b"png");
        put(&d, "images/notes.md", b"not a lesson");
        put(&d, "modules.toml", b"[[modules]]");
        put(&d, "LICENSE", b"CC");
        let f = read_lessons(&d).unwrap();
        let names: Vec<&str> = f.lessons.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a.md", "b.md", "sous/c.md"]);
        assert_eq!(f.lessons[0].1, "A\u{fffd}");
        assert_eq!(f.images, ["images/deux/y.png", "images/notes.md", "images/z.svg"]);
        assert_eq!(f.modules.as_deref(), Some("[[modules]]"));
        assert_eq!(f.glossary, None);
        assert!(read_lessons(&d.join("absent")).unwrap_err().contains("absent"));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn writes_the_index_and_one_file_per_lesson() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/test-lessons");
        let out = read_lessons(&src).unwrap().compile();
        assert!(!out.lessons.is_empty() && !out.diagnostics.iter().any(|d| d.is_error()), "{:?}", out.diagnostics);
        let d = tmp("write");
        let ids = write_compiled(&out, &d.join("lecons")).unwrap();
        assert_eq!(ids, out.lessons.iter().map(|l| l.header.id.clone()).collect::<Vec<_>>());
        let index: crate::lesson::LessonIndex =
            serde_json::from_str(&std::fs::read_to_string(d.join("lecons/index.json")).unwrap()).unwrap();
        assert_eq!(index, out.index);
        for l in &out.lessons {
            let back: crate::lesson::CompiledLesson =
                serde_json::from_str(&std::fs::read_to_string(d.join(format!("lecons/{}.json", l.header.id))).unwrap()).unwrap();
            assert_eq!(&back, l);
        }
        let _ = std::fs::remove_dir_all(&d);
    }
}
