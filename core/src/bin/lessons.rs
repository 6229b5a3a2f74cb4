//! `lessons`: check, render and build the lessons of a folder.
//!
//! ```text
//! lessons check DIR        every diagnostic; exit code 1 if there is an error
//! lessons render FILE      the HTML of the lesson body, as the app inserts it
//! lessons build DIR OUT    OUT/index.json and OUT/<id>.json (exit 1 on error)
//! ```
//!
//! All the work is done by `communs_core::lesson` (the same functions that
//! `cargo xtask` calls); this binary only reads and writes files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use communs_core::lesson::{compile_dir, compile_lesson, lesson_id, CompileContext, CompileOutput, Diagnostic, Severity};

const USAGE: &str = "usage :\n  lessons check DOSSIER\n  lessons render FICHIER.md\n  lessons build DOSSIER SORTIE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["check", dir] => check(Path::new(dir)),
        ["render", file] => render(Path::new(file)),
        ["build", dir, out] => build(Path::new(dir), Path::new(out)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("lessons : {e}");
            ExitCode::from(2)
        }
    }
}

/// Files of a lessons folder, read into memory.
struct Folder {
    md: Vec<(String, String)>,
    modules: Option<String>,
    glossary: Option<String>,
    images: Vec<String>,
}

fn walk(dir: &Path, rel: &str, out: &mut Vec<(String, PathBuf)>, skip_images: bool) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = e.path();
        let r = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
        if e.file_type()?.is_dir() {
            if skip_images && rel.is_empty() && name == "images" {
                continue;
            }
            walk(&path, &r, out, skip_images)?;
        } else {
            out.push((r, path));
        }
    }
    Ok(())
}

fn read_optional(p: &Path) -> std::io::Result<Option<String>> {
    match std::fs::read_to_string(p) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn read_folder(dir: &Path) -> Result<Folder, String> {
    let err = |e: std::io::Error| format!("{} : {e}", dir.display());
    let mut files = Vec::new();
    walk(dir, "", &mut files, true).map_err(err)?;
    let mut md = Vec::new();
    for (rel, path) in files {
        if rel.ends_with(".md") {
            let text = std::fs::read(&path).map_err(err)?;
            md.push((rel, String::from_utf8_lossy(&text).into_owned()));
        }
    }
    let mut images = Vec::new();
    let img_dir = dir.join("images");
    if img_dir.is_dir() {
        let mut list = Vec::new();
        walk(&img_dir, "images", &mut list, false).map_err(err)?;
        images = list.into_iter().map(|(r, _)| r).collect();
    }
    Ok(Folder {
        md,
        modules: read_optional(&dir.join("modules.toml")).map_err(err)?,
        glossary: read_optional(&dir.join("glossaire.toml")).map_err(err)?,
        images,
    })
}

fn label(dir: &Path, rel: &str) -> String {
    let d = dir.to_string_lossy();
    let d = d.trim_end_matches('/');
    if d.is_empty() || d == "." { rel.to_string() } else { format!("{d}/{rel}") }
}

fn print_diags(dir: &Path, diags: &[Diagnostic]) -> (usize, usize) {
    let (mut e, mut w) = (0, 0);
    for d in diags {
        let mut d = d.clone();
        d.file = label(dir, &d.file);
        eprintln!("{d}");
        match d.severity {
            Severity::Erreur => e += 1,
            Severity::Avertissement => w += 1,
        }
    }
    (e, w)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

fn compile_folder(dir: &Path) -> Result<(Folder, CompileOutput), String> {
    let f = read_folder(dir)?;
    let out = compile_dir(&f.md, f.modules.as_deref(), f.glossary.as_deref(), &f.images);
    Ok((f, out))
}

fn check(dir: &Path) -> Result<bool, String> {
    let (f, out) = compile_folder(dir)?;
    let (e, w) = print_diags(dir, &out.diagnostics);
    let drafts = f.md.len().saturating_sub(out.lessons.len());
    println!(
        "{} : {}, {} hors construction, {}, {}.",
        plural(f.md.len(), "fichier vérifié", "fichiers vérifiés"),
        plural(out.lessons.len(), "leçon publiable", "leçons publiables"),
        drafts,
        plural(e, "erreur", "erreurs"),
        plural(w, "avertissement", "avertissements"),
    );
    Ok(e == 0)
}

fn render(file: &Path) -> Result<bool, String> {
    let source = std::fs::read(file).map_err(|e| format!("{} : {e}", file.display()))?;
    let source = String::from_utf8_lossy(&source).into_owned();
    let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
    let folder = read_folder(&dir)?;
    let (mut ctx, ctx_diags) = CompileContext::new(folder.modules.as_deref(), folder.glossary.as_deref(), &folder.images);
    ctx.lessons = Some(folder.md.iter().filter_map(|(_, s)| lesson_id(s)).collect());
    let (lesson, diags) = compile_lesson(&file.to_string_lossy(), &source, &ctx);
    let mut all = ctx_diags.into_iter().map(|mut d| {
        d.file = label(&dir, &d.file);
        d
    }).collect::<Vec<_>>();
    all.extend(diags);
    let (e, _) = print_diags(Path::new(""), &all);
    match lesson {
        Some(l) => {
            print!("{}", l.body_preview());
            Ok(e == 0)
        }
        None => Ok(false),
    }
}

fn build(dir: &Path, out_dir: &Path) -> Result<bool, String> {
    let (_, out) = compile_folder(dir)?;
    let (e, w) = print_diags(dir, &out.diagnostics);
    if e > 0 {
        eprintln!("{} : rien n'est écrit.", plural(e, "erreur", "erreurs"));
        return Ok(false);
    }
    let err = |e: std::io::Error| format!("{} : {e}", out_dir.display());
    std::fs::create_dir_all(out_dir).map_err(err)?;
    let json = serde_json::to_string(&out.index).map_err(|e| e.to_string())?;
    std::fs::write(out_dir.join("index.json"), json).map_err(err)?;
    for l in &out.lessons {
        let json = serde_json::to_string(l).map_err(|e| e.to_string())?;
        std::fs::write(out_dir.join(format!("{}.json", l.header.id)), json).map_err(err)?;
    }
    println!("{} écrites dans {} ({}).", plural(out.lessons.len(), "leçon", "leçons"), out_dir.display(), plural(w, "avertissement", "avertissements"));
    Ok(true)
}
