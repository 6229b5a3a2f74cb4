//! The app's WebAssembly for `dist/`, cut into chunks at the lazy pages'
//! split points (`src/app/split.rs`), and what each entry page preloads.
//!
//! Steps, in the order the split needs: `cargo rustc` of the app for wasm32
//! (profile `wasm-release`, feature `split`) with `-C link-arg=--emit-relocs`
//! given to the final link only (so the dependencies keep their cache); the
//! split of the raw output by `wasm_split_cli_support::transform` (a main
//! module, one module per split point, shared chunks, and the loader script
//! `__wasm_split.js`); wasm-bindgen (=0.2.130, web target, keeping the
//! linker's exports and the mangled names the chunks link against) on the
//! main module only; npm's wasm-opt on every `.wasm`.
//!
//! Every file of one build goes into one folder, `app-<build id>/`, the id
//! being a hash of the raw wasm: the scripts and the chunks refer to each
//! other by relative names inside it, so a page can never load a chunk of
//! another build (a new build is a new folder; the old one is gone or
//! still whole). Only `start.js`, written here, names the folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{cargo, read, run, step, target_dir, write, Res};

/// The app as built into `dist/`.
pub struct App {
    /// `app-<build id>`, relative to `dist/`.
    pub dir: String,
    /// Split point name → the chunk files it needs, relative to `dist/`.
    pub chunks: BTreeMap<String, Vec<String>>,
}

/// The lazy page (split point of `src/app/split.rs`) an entry page opens
/// with, from its folder (`""`, `"parcours"`, `"lecon/<id>"`…).
pub fn split_of_route(route: &str) -> &'static str {
    match route.trim_matches('/') {
        "" => "home",
        "parcours" => "catalogue",
        "profils" => "profiles",
        "competences" => "competences",
        "a-propos" => "about",
        r if r.starts_with("lecon/") => "lesson",
        _ => "not_found",
    }
}

impl App {
    /// The bindings, the loader and the main wasm: what every page starts.
    pub fn main_files(&self) -> Vec<String> {
        ["communs.js", "__wasm_split.js", "communs_bg.wasm"].iter().map(|f| format!("{}/{f}", self.dir)).collect()
    }

    /// The chunks of `split` (none if the build has no such split point).
    pub fn chunks_of(&self, split: &str) -> &[String] {
        self.chunks.get(split).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The `<link>` lines of an entry page's head (URLs starting with
    /// `%ROOT%`, filled in per page): the module scripts as
    /// `modulepreload`, the wasm files and the page's data as
    /// `preload as="fetch" crossorigin` (what `fetch()` in the bindings and
    /// in the split loader asks for, so the browser reuses the preload).
    /// `data` are the JSON files the page fetches at start.
    pub fn preload_links(&self, route: &str, data: &[String]) -> String {
        let mut lines = vec!["<link rel=\"modulepreload\" href=\"%ROOT%start.js\">".to_string()];
        let mut fetches = Vec::new();
        for f in self.main_files().into_iter().chain(self.chunks_of(split_of_route(route)).iter().cloned()) {
            if f.ends_with(".js") {
                lines.push(format!("<link rel=\"modulepreload\" href=\"%ROOT%{f}\">"));
            } else {
                fetches.push(f);
            }
        }
        fetches.extend(data.iter().cloned());
        for f in fetches {
            lines.push(format!("<link rel=\"preload\" href=\"%ROOT%{f}\" as=\"fetch\" crossorigin>"));
        }
        lines.join("\n")
    }
}

/// Builds, cuts, binds and shrinks the app into `out/app-<id>/`.
pub fn build_app(out: &Path, wasm_opt: &Path) -> Res<App> {
    step("compilation de l'application pour wasm32 (profil wasm-release, découpage par page)");
    run(cargo().args(["rustc", "--target", "wasm32-unknown-unknown", "--profile", "wasm-release", "-p", "communs"]).args([
        "--bin",
        "communs",
        "--features",
        "split",
        "--",
        "-C",
        "link-arg=--emit-relocs",
    ]))?;
    let raw_path = target_dir().join("wasm32-unknown-unknown/wasm-release/communs.wasm");
    let raw = std::fs::read(&raw_path).map_err(|e| format!("{}: {e}", raw_path.display()))?;
    let dir = format!("app-{}", build_id(&raw));
    let app_dir = out.join(&dir);

    step("découpage du wasm (wasm_split_cli_support)");
    let work = target_dir().join("wasm-split");
    if work.exists() {
        std::fs::remove_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    }
    let main_in = work.join("communs_main.wasm");
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&raw);
        opts.output_dir = work.as_path();
        opts.main_out_path = main_in.as_path();
        opts.link_name = "./__wasm_split.js";
        opts.main_module = "./communs.js";
        opts
    })
    .map_err(|e| format!("découpage du wasm : {e:#}"))?;

    step("wasm-bindgen (bibliothèque =0.2.130) sur le module principal");
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&main_in)
        .out_name("communs")
        .web(true)
        .map_err(|e| e.to_string())?
        .typescript(false)
        .keep_lld_exports(true)
        .demangle(false)
        .generate(&app_dir)
        .map_err(|e| format!("wasm-bindgen : {e:#}"))?;

    let mut wasm_files = vec![app_dir.join("communs_bg.wasm")];
    let copy = |from: &Path| -> Res<PathBuf> {
        let name = from.file_name().ok_or_else(|| format!("{} : pas de nom de fichier", from.display()))?;
        let to = app_dir.join(name);
        std::fs::copy(from, &to).map_err(|e| format!("{}: {e}", from.display()))?;
        Ok(to)
    };
    copy(&work.join("__wasm_split.js"))?;
    for chunk in &split.split_modules {
        wasm_files.push(copy(chunk)?);
    }

    step(&format!("wasm-opt -Oz (npm binaryen) sur {} fichier(s)", wasm_files.len()));
    for f in &wasm_files {
        optimise(wasm_opt, f)?;
    }

    let chunks = split
        .prefetch_map
        .into_iter()
        .map(|(name, stems)| (name, stems.into_iter().map(|s| format!("{dir}/{s}.wasm")).collect()))
        .collect();
    Ok(App { dir, chunks })
}

impl App {
    /// `out/start.js` from `public/start.js`, pointing at this build's folder.
    pub fn write_start(&self, out: &Path) -> Res {
        let start = read(&crate::util::root().join("public/start.js"))?;
        if !start.contains("%APP%") {
            return Err("public/start.js : le repère %APP% (dossier de l'application) manque".into());
        }
        write(&out.join("start.js"), start.replace("%APP%", &self.dir))
    }
}

fn optimise(wasm_opt: &Path, file: &Path) -> Res {
    run(Command::new(wasm_opt).arg(file).arg("-o").arg(file).args([
        "-Oz",
        "--enable-bulk-memory",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-mutable-globals",
        "--enable-reference-types",
        "--enable-multivalue",
    ]))
}

/// 16 hex digits of a 64-bit FNV-1a hash of the raw wasm: the same sources
/// and tools give the same id, any change gives another.
fn build_id(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let chunks = [("catalogue", vec!["app-1/chunk_3.wasm", "app-1/split_catalogue.wasm"]), ("home", vec![])]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.into_iter().map(str::to_string).collect()))
            .collect();
        App { dir: "app-1".into(), chunks }
    }

    #[test]
    fn each_entry_page_opens_with_its_split_point() {
        // (route folder, split point)
        let cases = [
            ("", "home"),
            ("parcours", "catalogue"),
            ("lecon/droit-auteur", "lesson"),
            ("profils", "profiles"),
            ("competences", "competences"),
            ("a-propos", "about"),
            ("nimporte-quoi", "not_found"),
        ];
        for (route, split) in cases {
            assert_eq!(split_of_route(route), split, "{route}");
        }
        for route in communs_core::routes::STATIC_PAGES {
            assert_ne!(split_of_route(route), "not_found", "{route} has a page of its own");
        }
    }

    #[test]
    fn preload_links_name_the_page_chunks_with_relative_urls() {
        let links = app().preload_links("parcours", &["lecons/index.json".to_string()]);
        let expected = "<link rel=\"modulepreload\" href=\"%ROOT%start.js\">\n\
            <link rel=\"modulepreload\" href=\"%ROOT%app-1/communs.js\">\n\
            <link rel=\"modulepreload\" href=\"%ROOT%app-1/__wasm_split.js\">\n\
            <link rel=\"preload\" href=\"%ROOT%app-1/communs_bg.wasm\" as=\"fetch\" crossorigin>\n\
            <link rel=\"preload\" href=\"%ROOT%app-1/chunk_3.wasm\" as=\"fetch\" crossorigin>\n\
            <link rel=\"preload\" href=\"%ROOT%app-1/split_catalogue.wasm\" as=\"fetch\" crossorigin>\n\
            <link rel=\"preload\" href=\"%ROOT%lecons/index.json\" as=\"fetch\" crossorigin>";
        assert_eq!(links, expected);
        let home = app().preload_links("", &[]);
        assert!(!home.contains("split_") && home.contains("communs_bg.wasm"), "{home}");
    }

    #[test]
    fn build_ids_follow_the_bytes() {
        assert_eq!(build_id(b"abc"), build_id(b"abc"));
        assert_ne!(build_id(b"abc"), build_id(b"abd"));
        assert_eq!(build_id(b"").len(), 16);
    }
}
