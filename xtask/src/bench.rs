//! `cargo xtask bench`: figures, never pass/fail.
//!
//! Builds `dist/` and prints, per file and in total, the raw, gzip (level 9)
//! and brotli (quality 11) sizes of what a first visit downloads until the
//! catalogue is usable, then what the service worker precaches.

use std::io::Write;
use std::path::Path;

use crate::util::{list_files, root, Res};

/// What the browser fetches before the first page is usable: the entry page,
/// the boot and start scripts, the bindings, the wasm, the stylesheet, the
/// icon, the manifest and the lesson index.
const FIRST_VISIT: &[&str] = &[
    "index.html",
    "boot.js",
    "start.js",
    "communs.js",
    "communs_bg.wasm",
    "style.css",
    "icons/communs.svg",
    "manifest.webmanifest",
    "lecons/index.json",
];

pub fn run(_args: &[String]) -> Res {
    let out = root().join("dist");
    crate::dist::build(&crate::dist::Options { out: out.clone(), extra_lessons: vec![] })?;
    println!();
    println!("Première visite (jusqu'au catalogue utilisable)");
    table(&out, FIRST_VISIT.iter().map(|s| s.to_string()).filter(|f| out.join(f).exists()).collect())?;
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
    table(&out, precached)
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
