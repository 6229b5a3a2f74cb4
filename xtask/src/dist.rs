//! `cargo xtask dist`: the release folder, ready for any static host.
//!
//! Steps: build the app for wasm32 with the size profile, cut it into chunks
//! per page, run wasm-bindgen as a library and shrink with npm's wasm-opt
//! (all three in [`crate::split`]), compile the lessons (one JSON file each
//! plus a small index), copy `public/` and `style/`, then write an entry page
//! into every route folder (relative asset URLs, so the same folder works at
//! `/` and under a sub-path; each preloads its page's chunks and data), a
//! page that leads on at every retired lesson address, a `404.html`, and the service worker with the list of files it
//! precaches.

use std::path::{Path, PathBuf};

use crate::setup;
use crate::util::{copy_dir, list_files, opt, read, root, step, write, Res};

pub struct Options {
    pub out: PathBuf,
    /// More lesson folders to serve (test lessons), never shipped by default.
    pub extra_lessons: Vec<PathBuf>,
}

pub fn run_cli(args: &[String]) -> Res {
    let opts = Options {
        out: opt(args, "--out").map(PathBuf::from).unwrap_or_else(|| root().join("dist")),
        extra_lessons: opt(args, "--extra-lessons").map(PathBuf::from).into_iter().collect(),
    };
    build(&opts)?;
    println!("dist prêt : {}", opts.out.display());
    Ok(())
}

pub fn build(opts: &Options) -> Res {
    setup::wasm_target()?;
    let wasm_opt = setup::wasm_opt()?;
    let out = &opts.out;
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;

    let app = crate::split::build_app(out, &wasm_opt)?;

    step("compilation des leçons");
    let mut dirs = vec![root().join("lessons")];
    dirs.extend(opts.extra_lessons.iter().cloned());
    let compiled = crate::dist::lessons::compile_into(&dirs, &out.join("lecons"))?;

    step("fichiers statiques, pages d'entrée, service worker");
    let public = root().join("public");
    copy_dir(&public, out)?;
    app.write_start(out)?;
    write(&out.join("style.css"), stylesheet()?)?;
    let template = read(&public.join("index.html"))?;
    if !template.contains(PRELOAD) {
        return Err(format!("public/index.html : le repère {PRELOAD} (préchargements) manque"));
    }
    let index = ["lecons/index.json".to_string()];
    let mut routes: Vec<String> = communs_core::routes::STATIC_PAGES.iter().map(|s| s.to_string()).collect();
    routes.extend(compiled.ids.iter().map(|id| communs_core::routes::lesson_page(id)));
    for route in &routes {
        let depth = communs_core::routes::depth(route);
        let mut data = index.to_vec();
        if let Some(id) = route.strip_prefix("lecon/") {
            data.push(format!("lecons/{id}.json"));
        }
        let page = template.replace(PRELOAD, &app.preload_links(route, &data)).replace("%ROOT%", &"../".repeat(depth));
        write(&out.join(route).join("index.html"), page)?;
    }
    for (retired, title) in &compiled.retired {
        let route = communs_core::routes::lesson_page(&retired.id);
        write(&out.join(route).join("index.html"), retired_lesson_page(&template, retired, title)?)?;
    }
    write(&out.join("404.html"), not_found_page(&template.replace(PRELOAD, &app.preload_links("404", &index))))?;
    write_service_worker(out)?;
    Ok(())
}

/// The line of `public/index.html`'s head that becomes each entry page's
/// `<link rel="modulepreload">` / `<link rel="preload">` lines.
const PRELOAD: &str = "<!-- %PRELOAD% -->";

/// One stylesheet for the browser: `style/main.css` first, then every other
/// `style/*.css` in name order (one file per area of the app).
fn stylesheet() -> Res<String> {
    let dir = root().join("style");
    let mut names: Vec<String> = list_files(&dir).into_iter().filter(|f| f.ends_with(".css") && !f.contains('/')).collect();
    names.sort_by_key(|n| (n != "main.css", n.clone()));
    let mut css = String::new();
    for n in names {
        css.push_str(&format!("/* {n} */\n"));
        css.push_str(&read(&dir.join(&n))?);
        css.push('\n');
    }
    Ok(css)
}

/// The page hosts serve for unknown addresses when they honour `404.html`
/// (served at any depth, so its URLs start from the host's root), and the
/// message it shows if the app's files cannot be found from there.
fn not_found_page(template: &str) -> String {
    template.replace("%ROOT%", "/").replace(
        "<p id=\"demarrage-message\">Chargement de Communs…</p>",
        "<p id=\"demarrage-message\">Page introuvable : cette adresse ne correspond à aucune page de Communs. \
         <a href=\"/\">Revenir à l’accueil</a>.</p>",
    )
}

/// The entry page kept at a retired lesson's address (`lecon/<ancien-id>/`):
/// it leads to the new place at once (`<meta http-equiv="refresh">`) and
/// shows a link to it, with no script, the app's CSP and relative URLs (so
/// it works at `/` and under a sub-path).
fn retired_lesson_page(template: &str, retired: &communs_core::lesson::RetiredLesson, title: &str) -> Res<String> {
    let csp = template
        .lines()
        .find(|l| l.contains("http-equiv=\"Content-Security-Policy\""))
        .ok_or("public/index.html : la balise meta de la CSP manque")?;
    let root = "../".repeat(communs_core::routes::depth(&communs_core::routes::lesson_page(&retired.id)));
    let target = communs_core::text::escape_html(&format!("{root}{}", retired.target_path()));
    let title = communs_core::text::escape_html(title);
    Ok(format!(
        "<!doctype html>
<html lang=\"fr\" dir=\"ltr\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
{csp}
<meta name=\"referrer\" content=\"no-referrer\">
<meta http-equiv=\"refresh\" content=\"0; url={target}\">
<title>Cette leçon a changé d’adresse — Communs</title>
<link rel=\"icon\" href=\"{root}icons/communs.svg\" type=\"image/svg+xml\">
<link rel=\"stylesheet\" href=\"{root}style.css\">
</head>
<body>
<main class=\"demarrage\">
<h1 class=\"demarrage-titre\">Cette leçon a changé d’adresse</h1>
<p>Elle se trouve maintenant ici\u{a0}: <a href=\"{target}\" data-testid=\"lecon-deplacee\">{title}</a>.</p>
</main>
</body>
</html>
"
    ))
}

/// `sw.js` from `public/sw.js`: the list of every file of `dist/` and a
/// version derived from their contents, so a new build replaces the cache.
fn write_service_worker(out: &Path) -> Res {
    let template = read(&root().join("public/sw.js"))?;
    let files: Vec<String> = list_files(out).into_iter().filter(|f| f != "sw.js" && f != "404.html").collect();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        let bytes = std::fs::read(out.join(f)).map_err(|e| e.to_string())?;
        for b in f.as_bytes().iter().chain(bytes.iter()) {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let list: Vec<String> = files
        .iter()
        .map(|f| {
            let url = f.strip_suffix("index.html").unwrap_or(f);
            serde_json::to_string(if url.is_empty() { "./" } else { url }).unwrap_or_default()
        })
        .collect();
    let sw = template
        .replace("\"%VERSION%\"", &format!("\"{hash:016x}\""))
        .replace("[] /* %PRECACHE% */", &format!("[\n  {}\n]", list.join(",\n  ")));
    write(&out.join("sw.js"), sw)
}

pub mod lessons {
    //! Lessons from `lessons/` (and test folders) into `dist/lecons/`: a small
    //! `index.json` for the catalogue and one `<id>.json` per lesson, fetched
    //! when the lesson is opened, plus the images the lessons use. Each folder
    //! is read by `communs_core::fs::read_lessons` and the JSON written by
    //! `communs_core::fs::write_compiled` (the ones the `lessons` command
    //! uses); merging several folders happens here; compiling is
    //! `communs_core::lesson::compile_dir`.

    use super::*;

    /// The text of every lesson folder, as `compile_dir` wants it. Several
    /// folders (the shipped lessons and test lessons) are read as one: their
    /// `modules.toml` and `glossaire.toml` are concatenated.
    pub struct Input {
        pub files: Vec<(String, String)>,
        pub modules: String,
        pub glossary: String,
        pub images: Vec<String>,
    }

    pub fn read_dirs(dirs: &[PathBuf]) -> Res<Input> {
        let mut input = Input { files: Vec::new(), modules: String::new(), glossary: String::new(), images: Vec::new() };
        for dir in dirs {
            let label = dir.strip_prefix(root()).unwrap_or(dir).to_string_lossy().replace('\\', "/");
            let folder = communs_core::fs::read_lessons(dir)?;
            input.files.extend(folder.lessons.into_iter().map(|(f, text)| (format!("{label}/{f}"), text)));
            input.images.extend(folder.images);
            for (name, into, text) in
                [("modules.toml", &mut input.modules, folder.modules), ("glossaire.toml", &mut input.glossary, folder.glossary)]
            {
                if let Some(text) = text {
                    *into = merge_toml(into, &text, name)?;
                }
            }
        }
        Ok(input)
    }

    /// Adds the arrays of tables of `extra` (`[[themes]]`, `[[modules]]`,
    /// `[[termes]]`) to those of `base`, leaving out entries whose `id` or
    /// `terme` the first folder already defines: test lessons bring their own
    /// glossary and modules, and the shipped ones win.
    fn merge_toml(base: &str, extra: &str, name: &str) -> Res<String> {
        if base.trim().is_empty() {
            return Ok(extra.to_string());
        }
        let parse = |s: &str| s.parse::<toml::Table>().map_err(|e| format!("{name} : {e}"));
        let mut merged = parse(base)?;
        for (key, value) in parse(extra)? {
            let (Some(toml::Value::Array(into)), toml::Value::Array(items)) = (merged.get_mut(&key), &value) else {
                merged.entry(key).or_insert(value);
                continue;
            };
            let ident = |v: &toml::Value| v.get("id").or_else(|| v.get("terme")).and_then(|x| x.as_str()).map(str::to_string);
            let known: Vec<String> = into.iter().filter_map(ident).collect();
            into.extend(items.iter().filter(|v| ident(v).is_none_or(|i| !known.contains(&i))).cloned());
        }
        toml::to_string(&merged).map_err(|e| format!("{name} : {e}"))
    }

    fn compile(dirs: &[PathBuf]) -> Res<communs_core::lesson::CompileOutput> {
        let input = read_dirs(dirs)?;
        Ok(communs_core::lesson::compile_dir(&input.files, Some(&input.modules), Some(&input.glossary), &input.images))
    }

    /// `lessons check` for the test run: prints every diagnostic, true when none is an error.
    pub fn check(dirs: &[PathBuf]) -> bool {
        match compile(dirs) {
            Ok(output) => {
                for d in &output.diagnostics {
                    eprintln!("{}", communs_i18n::render_diagnostic(d));
                }
                println!("{} leçon(s), {} diagnostic(s)", output.lessons.len(), output.diagnostics.len());
                !output.diagnostics.iter().any(|d| d.is_error())
            }
            Err(e) => {
                eprintln!("{e}");
                false
            }
        }
    }

    /// What [`compile_into`] wrote.
    pub struct Compiled {
        /// The ids of the lessons written.
        pub ids: Vec<String>,
        /// The retired lesson ids, each with the title of the lesson it leads to.
        pub retired: Vec<(communs_core::lesson::RetiredLesson, String)>,
    }

    /// Compiles every lesson folder; fails with every diagnostic if any is an
    /// error.
    pub fn compile_into(dirs: &[PathBuf], out: &Path) -> Res<Compiled> {
        let output = compile(dirs)?;
        let errors = output.diagnostics.iter().filter(|d| d.is_error()).count();
        for d in &output.diagnostics {
            eprintln!("{}", communs_i18n::render_diagnostic(d));
        }
        if errors > 0 {
            return Err(format!("{errors} erreur(s) dans les leçons"));
        }
        let ids = communs_core::fs::write_compiled(&output, out)?;
        for dir in dirs {
            let images = dir.join("images");
            if images.is_dir() {
                copy_dir(&images, &out.join("images"))?;
            }
        }
        let title = |id: &str| output.lessons.iter().find(|l| l.header.id == id).map(|l| l.header.title.clone());
        let retired = output.retired.iter().map(|r| (r.clone(), title(&r.to).unwrap_or_else(|| r.to.clone()))).collect();
        Ok(Compiled { ids, retired })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use communs_core::lesson::RetiredLesson;

    #[test]
    fn a_retired_lesson_page_leads_on_without_script() {
        let template = read(&root().join("public/index.html")).expect("public/index.html");
        let csp = template.lines().find(|l| l.contains("Content-Security-Policy")).expect("the CSP line").to_string();
        // (anchor, target URL)
        let cases = [(None, "../../lecon/nouvelle/"), (Some("partie-2"), "../../lecon/nouvelle/#partie-2")];
        for (anchor, url) in cases {
            let r = RetiredLesson { id: "ancienne".into(), to: "nouvelle".into(), anchor: anchor.map(str::to_string) };
            let page = retired_lesson_page(&template, &r, "Le « droit » & l’image").expect("page");
            assert!(page.contains(&csp), "{page}");
            assert!(page.contains(&format!("<meta http-equiv=\"refresh\" content=\"0; url={url}\">")), "{page}");
            assert!(
                page.contains(&format!("<a href=\"{url}\" data-testid=\"lecon-deplacee\">Le « droit » &amp; l’image</a>")),
                "{page}"
            );
            assert!(!page.to_ascii_lowercase().contains("<script"), "{page}");
            assert!(!page.contains("style=") && !page.contains("%ROOT%"), "{page}");
            assert!(!page.contains("href=\"/") && !page.contains("url=/"), "relative URLs only: {page}");
        }
        assert!(
            retired_lesson_page("<html></html>", &RetiredLesson { id: "abc".into(), to: "def".into(), anchor: None }, "T").is_err()
        );
    }
}
