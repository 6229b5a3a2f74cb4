//! `cargo xtask bench`: figures, never pass/fail.
//!
//! Builds `dist/` and prints, per file and in total, the raw, gzip (level 9)
//! and brotli (quality 11) sizes of what a first visit downloads for each of
//! the three first pages (home, catalogue, a lesson from a shared link: the
//! files its entry page names and preloads), a summary per page and per
//! chunk, then what the service worker precaches, the first
//! visit with generated lessons, and the browser measurements of
//! `tests/wasm_bench.rs` (competency profile of 10,000 attempts, loading them
//! from storage).

use std::io::Write;
use std::path::Path;

use crate::util::{list_files, root, Res};

/// The three pages a pupil opens first, as (label, entry page folder): the
/// home page, the catalogue and a lesson opened from a shared link.
fn first_pages(out: &Path) -> Vec<(String, String)> {
    let lesson = ["communs-numeriques"]
        .into_iter()
        .map(str::to_string)
        .chain(list_files(&out.join("lecon")).into_iter().filter_map(|f| f.strip_suffix("/index.html").map(str::to_string)))
        .find(|id| out.join("lecons").join(format!("{id}.json")).exists())
        .unwrap_or_default();
    vec![
        ("/ (accueil)".into(), String::new()),
        ("/parcours/".into(), "parcours".into()),
        (format!("/lecon/{lesson}/ (lien partagé)"), format!("lecon/{lesson}")),
    ]
}

/// What the browser fetches for a first visit of an entry page, as paths
/// relative to `dist/`: the page, everything its head names (`href`,
/// `src`: icon, manifest, stylesheet, boot script, and the preloaded start
/// script, bindings, split loader, main wasm and the page's chunks), and the
/// JSON it preloads, apart (content, not the app).
fn route_files(out: &Path, route: &str) -> Res<(Vec<String>, Vec<String>)> {
    let page = if route.is_empty() { "index.html".to_string() } else { format!("{route}/index.html") };
    let html = crate::util::read(&out.join(&page))?;
    let mut app = vec![page];
    let mut data = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for piece in html.split(attr).skip(1) {
            let Some(url) = piece.split('"').next() else { continue };
            if url.starts_with('#') || url.contains(':') || url.is_empty() {
                continue;
            }
            let mut parts: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
            for seg in url.split('/') {
                match seg {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    s => parts.push(s),
                }
            }
            let file = parts.join("/");
            let list = if file.ends_with(".json") { &mut data } else { &mut app };
            if out.join(&file).is_file() && !list.contains(&file) {
                list.push(file);
            }
        }
    }
    Ok((app, data))
}

/// The per-route figures: each first page's files (brotli), its total for
/// html + js + wasm + css (the budget: ≤ 120 KB) and its JSON apart; then
/// every chunk of the build.
fn first_visit(out: &Path) -> Res {
    let mut summary = Vec::new();
    let mut every_file: Vec<String> = Vec::new();
    for (label, route) in first_pages(out) {
        let (files, data) = route_files(out, &route)?;
        println!();
        println!("Première visite de {label}");
        table(out, files.clone())?;
        let counted: Vec<&String> =
            files.iter().filter(|f| [".html", ".js", ".wasm", ".css"].iter().any(|e| f.ends_with(e))).collect();
        let mut budget = 0;
        for f in &counted {
            budget += brotli_len(&std::fs::read(out.join(f)).map_err(|e| format!("{f}: {e}"))?)?;
        }
        let mut data_b = 0;
        for f in &data {
            data_b += brotli_len(&std::fs::read(out.join(f)).map_err(|e| format!("{f}: {e}"))?)?;
        }
        summary.push((label, budget, data.join(", "), data_b));
        every_file.extend(files.into_iter().chain(data).filter(|f| !every_file.contains(f)).collect::<Vec<_>>());
    }
    println!();
    println!("Par page (brotli, html + js + wasm + css ; objectif ≤ 120 Ko ; données JSON à part)");
    for (label, budget, data, data_b) in &summary {
        println!("  {label:<44} {:>10}   + {} ({data})", kb(*budget), kb(*data_b));
    }
    println!();
    println!("Morceaux du wasm (un dossier par build)");
    let chunks: Vec<String> =
        list_files(out).into_iter().filter(|f| f.starts_with("app-") && (f.ends_with(".wasm") || f.ends_with(".js"))).collect();
    table(out, chunks)?;
    println!();
    println!("Première visite, tous fichiers des trois pages");
    table(out, every_file)
}

pub fn run(_args: &[String]) -> Res {
    let out = root().join("dist");
    crate::dist::build(&crate::dist::Options { out: out.clone(), extra_lessons: vec![] })?;
    first_visit(&out)?;
    println!();
    println!("Précache du service worker (téléchargé en arrière-plan après la première visite)");
    let sw = crate::util::read(&out.join("sw.js"))?;
    let precached: Vec<String> = list_files(&out)
        .into_iter()
        .filter(|f| {
            let url = f.strip_suffix("index.html").unwrap_or(f);
            let url = if url.is_empty() { "./" } else { url };
            sw.contains(&format!("\"{url}\""))
        })
        .collect();
    table(&out, precached)?;
    println!();
    generated_lessons(&out)?;
    println!();
    browser_measurements()
}

/// Measurements made in headless Chromium on the release build
/// (`tests/wasm_bench.rs`, ignored by `cargo xtask test`): the competency
/// profile of 10,000 attempts, and loading those attempts from storage.
/// Figures only: the lines the test logged, prefixed with `BENCH`.
fn browser_measurements() -> Res {
    crate::util::step("mesures dans le navigateur : tests/wasm_bench.rs (build release, Chromium sans interface)");
    let mut cmd = crate::test::wasm_test_command(true)?;
    cmd.args(["--test", "wasm_bench", "--", "--include-ignored", "--nocapture"]);
    let (ok, log) = crate::util::run_capture(&mut cmd)?;
    let lines: Vec<&str> = log.lines().filter_map(|l| l.trim().strip_prefix("BENCH ")).collect();
    if !ok || lines.is_empty() {
        return Err("mesures dans le navigateur : le test wasm_bench a échoué ou n'a rien imprimé".into());
    }
    println!();
    println!("Mesures dans le navigateur (Chromium sans interface, build release)");
    for l in lines {
        println!("  {l}");
    }
    Ok(())
}

/// The first visit with 1 and with 100 generated lessons: the app's files do
/// not change, only the catalogue index grows; each lesson is its own file,
/// downloaded when it is opened.
fn generated_lessons(out: &Path) -> Res {
    let input = crate::dist::lessons::read_dirs(&[root().join("lessons")])?;
    let Some((_, template)) = input.files.iter().find(|(p, _)| p.ends_with("communs-numeriques.md")) else {
        return Err("leçon modèle communs-numeriques.md introuvable".into());
    };
    let (fixed, _) = route_files(out, "parcours")?;
    let (mut fr, mut fg, mut fb) = (0, 0, 0);
    for f in &fixed {
        let bytes = std::fs::read(out.join(f)).map_err(|e| format!("{f}: {e}"))?;
        fr += bytes.len();
        fg += gzip_len(&bytes)?;
        fb += brotli_len(&bytes)?;
    }
    println!("Première visite selon le nombre de leçons (leçons générées à partir de communs-numeriques.md)");
    println!("{:<46} {:>10} {:>10} {:>10}", "", "brut", "gzip", "brotli");
    for n in [1usize, 100] {
        let files: Vec<(String, String)> = (0..n)
            .map(|i| {
                // Links to other lessons become outside links: the generated set has no other lesson.
                let text = template
                    .replacen("id = \"communs-numeriques\"", &format!("id = \"genere-{i:03}\""), 1)
                    .replace("](lecon:", "](https://exemple.org/");
                (format!("lessons/genere-{i:03}.md"), text)
            })
            .collect();
        let output = communs_core::lesson::compile_dir(&files, Some(&input.modules), Some(&input.glossary), &input.images);
        let errors = output.diagnostics.iter().filter(|d| d.is_error()).count();
        if errors > 0 || output.lessons.len() != n {
            for d in output.diagnostics.iter().filter(|d| d.is_error()).take(5) {
                eprintln!("{}", communs_i18n::render_diagnostic(d));
            }
            return Err(format!("leçons générées : {errors} erreur(s), {} leçon(s)", output.lessons.len()));
        }
        let index = serde_json::to_vec(&output.index).map_err(|e| e.to_string())?;
        let (ir, ig, ib) = (index.len(), gzip_len(&index)?, brotli_len(&index)?);
        println!("{:<46} {:>10} {:>10} {:>10}", format!("{n} leçon(s) : index seul"), kb(ir), kb(ig), kb(ib));
        println!("{:<46} {:>10} {:>10} {:>10}", format!("{n} leçon(s) : première visite"), kb(fr + ir), kb(fg + ig), kb(fb + ib));
        if n == 1 {
            let lesson = serde_json::to_vec(&output.lessons[0]).map_err(|e| e.to_string())?;
            println!(
                "{:<46} {:>10} {:>10} {:>10}",
                "une leçon ouverte (son fichier)",
                kb(lesson.len()),
                kb(gzip_len(&lesson)?),
                kb(brotli_len(&lesson)?)
            );
        }
    }
    Ok(())
}

fn table(dir: &Path, files: Vec<String>) -> Res {
    let (mut tr, mut tg, mut tb) = (0usize, 0usize, 0usize);
    println!("{:<46} {:>10} {:>10} {:>10}", "fichier", "brut", "gzip", "brotli");
    for f in &files {
        let bytes = std::fs::read(dir.join(f)).map_err(|e| format!("{f}: {e}"))?;
        let (r, g, b) = (bytes.len(), gzip_len(&bytes)?, brotli_len(&bytes)?);
        tr += r;
        tg += g;
        tb += b;
        println!("{f:<46} {:>10} {:>10} {:>10}", kb(r), kb(g), kb(b));
    }
    println!("{:<46} {:>10} {:>10} {:>10}", format!("total ({} fichiers)", files.len()), kb(tr), kb(tg), kb(tb));
    Ok(())
}

fn kb(n: usize) -> String {
    format!("{:.1} Ko", n as f64 / 1000.0)
}

pub fn gzip_len(bytes: &[u8]) -> Res<usize> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).map_err(|e| e.to_string())?;
    Ok(enc.finish().map_err(|e| e.to_string())?.len())
}

pub fn brotli_len(bytes: &[u8]) -> Res<usize> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out.len())
}
