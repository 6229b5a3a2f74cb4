//! `lessons`: check, render and build the lessons of a folder.
//!
//! ```text
//! lessons check DIR        every diagnostic, the estimated length of each
//!                          published lesson; exit code 1 if there is an error
//! lessons render FILE      the HTML of the lesson body, as the app inserts it
//! lessons build DIR OUT    OUT/index.json and OUT/<id>.json (exit 1 on error)
//! ```
//!
//! All the work is done by `communs_core::lesson` (the same functions that
//! `cargo xtask` calls); this binary reads and writes files through
//! `communs_core::fs`, the one reader of a lessons folder and writer of the
//! compiled JSON; the diagnostics are printed in the words of the catalogue
//! (`communs_i18n::render_diagnostic`). This crate does IO by design: it is a
//! host tool, not a domain crate, so the no-IO invariant does not cover it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use communs_core::fs::{read_lessons, write_compiled, LessonsFolder};
use communs_core::lesson::{compile_lesson, duration, lesson_id, CompileContext, CompileOutput, Diagnostic, Severity};
use communs_i18n::{duration_summary, render_diagnostic};

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

fn label(dir: &Path, rel: &str) -> String {
    let d = dir.to_string_lossy();
    let d = d.trim_end_matches('/');
    if d.is_empty() || d == "." {
        rel.to_string()
    } else {
        format!("{d}/{rel}")
    }
}

fn print_diags(dir: &Path, diags: &[Diagnostic]) -> (usize, usize) {
    let (mut e, mut w) = (0, 0);
    for d in diags {
        let mut d = d.clone();
        d.file = label(dir, &d.file);
        eprintln!("{}", render_diagnostic(&d));
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

fn compile_folder(dir: &Path) -> Result<(LessonsFolder, CompileOutput), String> {
    let f = read_lessons(dir)?;
    let out = f.compile();
    Ok((f, out))
}

fn check(dir: &Path) -> Result<bool, String> {
    let (f, out) = compile_folder(dir)?;
    let (e, w) = print_diags(dir, &out.diagnostics);
    let drafts = f.lessons.len().saturating_sub(out.lessons.len());
    for l in &out.lessons {
        println!("{}", duration_summary(&l.header.id, u32::from(l.header.duration), &duration::estimate(l)));
    }
    println!(
        "{} : {}, {} hors construction, {}, {}.",
        plural(f.lessons.len(), "fichier vérifié", "fichiers vérifiés"),
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
    let folder = read_lessons(&dir)?;
    let (mut ctx, ctx_diags) = CompileContext::new(folder.modules.as_deref(), folder.glossary.as_deref(), &folder.images);
    ctx.lessons = Some(folder.lessons.iter().filter_map(|(_, s)| lesson_id(s)).collect());
    let (lesson, diags) = compile_lesson(&file.to_string_lossy(), &source, &ctx);
    let mut all = ctx_diags
        .into_iter()
        .map(|mut d| {
            d.file = label(&dir, &d.file);
            d
        })
        .collect::<Vec<_>>();
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
    write_compiled(&out, out_dir)?;
    println!(
        "{} écrites dans {} ({}).",
        plural(out.lessons.len(), "leçon", "leçons"),
        out_dir.display(),
        plural(w, "avertissement", "avertissements")
    );
    Ok(true)
}
