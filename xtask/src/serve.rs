//! A small static file server for `dist/` on the loopback interface.
//!
//! It behaves like a plain static host: no rewrite rules and no fallback to
//! `index.html` (a folder serves its own `index.html`, a missing file is a
//! 404), optionally under a path prefix such as `/communs/`. `cargo xtask
//! serve` uses it for development (and serves `404.html` for missing files,
//! as many hosts do); the end-to-end tests use it with no fallback at all.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::util::{flag, opt, root, step, Res};

#[derive(Clone)]
pub struct Site {
    pub dir: PathBuf,
    /// `""` or a prefix like `"/communs"` (no trailing slash).
    pub prefix: String,
    /// Serve `404.html` (with status 404) for missing files, like many hosts.
    pub honour_404: bool,
}

/// Starts serving in background threads; returns the port.
pub fn spawn(site: Site, port: u16) -> Res<u16> {
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("127.0.0.1:{port} : {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let site = Arc::new(site);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = Arc::clone(&site);
            std::thread::spawn(move || {
                let _ = handle(&site, stream);
            });
        }
    });
    Ok(port)
}

pub fn run(args: &[String]) -> Res {
    let port: u16 = opt(args, "--port").and_then(|p| p.parse().ok()).unwrap_or(8080);
    let out = root().join("dist");
    let extra: Vec<PathBuf> = opt(args, "--extra-lessons").map(PathBuf::from).into_iter().collect();
    let opts = crate::dist::Options { out: out.clone(), extra_lessons: extra };
    crate::dist::build(&opts)?;
    let site = Site { dir: out, prefix: String::new(), honour_404: true };
    let port = spawn(site, port)?;
    println!("Communs est servi sur http://127.0.0.1:{port}/ (Ctrl+C pour arrêter)");
    if flag(args, "--no-watch") {
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    }
    println!("Les modifications de src/, core/, style/, public/ et lessons/ relancent la construction.");
    let mut last = newest_change();
    loop {
        std::thread::sleep(Duration::from_millis(800));
        let now = newest_change();
        if now > last {
            last = now;
            step("changement détecté : reconstruction");
            match crate::dist::build(&opts) {
                Ok(()) => println!("reconstruit : rechargez la page"),
                Err(e) => eprintln!("la reconstruction a échoué : {e}"),
            }
            last = last.max(newest_change());
        }
    }
}

fn newest_change() -> SystemTime {
    let mut newest = SystemTime::UNIX_EPOCH;
    for dir in ["src", "core/src", "style", "public", "lessons"] {
        let base = root().join(dir);
        for f in crate::util::list_files(&base) {
            if let Ok(m) = std::fs::metadata(base.join(&f)).and_then(|m| m.modified()) {
                newest = newest.max(m);
            }
        }
    }
    newest
}

fn handle(site: &Site, stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return respond(&mut out, 405, "text/plain; charset=utf-8", b"405", method == "HEAD");
    }
    if let Some(location) = needs_slash(site, target) {
        let header =
            format!("HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        out.write_all(header.as_bytes())?;
        return out.flush();
    }
    match resolve(site, target) {
        Some(path) => match std::fs::read(&path) {
            Ok(body) => respond(&mut out, 200, content_type(&path), &body, method == "HEAD"),
            Err(_) => not_found(site, &mut out, method == "HEAD"),
        },
        None => not_found(site, &mut out, method == "HEAD"),
    }
}

fn not_found(site: &Site, out: &mut TcpStream, head: bool) -> std::io::Result<()> {
    if site.honour_404 {
        if let Ok(body) = std::fs::read(site.dir.join("404.html")) {
            return respond(out, 404, "text/html; charset=utf-8", &body, head);
        }
    }
    respond(out, 404, "text/plain; charset=utf-8", b"404 Not Found", head)
}

/// Maps a request target to a file of the site, or `None` (outside the
/// prefix, `..`, a folder without `index.html`, a missing file).
pub fn resolve(site: &Site, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let rest = if site.prefix.is_empty() {
        decoded.as_str()
    } else {
        let r = decoded.strip_prefix(&site.prefix)?;
        if !(r.is_empty() || r.starts_with('/')) {
            return None;
        }
        r
    };
    let mut file = site.dir.clone();
    for seg in rest.split('/').filter(|s| !s.is_empty()) {
        if seg == ".." || seg == "." || seg.contains('\\') || seg.contains('\0') {
            return None;
        }
        file.push(seg);
    }
    if file.is_dir() {
        // A folder serves its own index.html, never a fallback.
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

/// A folder asked without its trailing slash is redirected to it, as
/// `python3 -m http.server` and most static hosts do, so relative URLs in
/// its `index.html` resolve from the folder: the new location, if so.
pub fn needs_slash(site: &Site, target: &str) -> Option<String> {
    let (path, query) = match target.find('?') {
        Some(i) => (&target[..i], &target[i..]),
        None => (target, ""),
    };
    if path.ends_with('/') {
        return None;
    }
    let file = resolve(site, path)?;
    (file.file_name()? == "index.html" && !path.ends_with("index.html")).then(|| format!("{path}/{query}"))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn respond(out: &mut TcpStream, status: u16, ctype: &str, body: &[u8], head: bool) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    out.write_all(header.as_bytes())?;
    if !head {
        out.write_all(body)?;
    }
    out.flush()
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json; charset=utf-8",
        "webmanifest" => "application/manifest+json; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(prefix: &str) -> (Site, PathBuf) {
        let dir = std::env::temp_dir().join(format!("communs-serve-test-{}-{}", std::process::id(), prefix.len()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("a-propos")).unwrap();
        std::fs::write(dir.join("index.html"), "root").unwrap();
        std::fs::write(dir.join("a-propos/index.html"), "about").unwrap();
        std::fs::write(dir.join("app.wasm"), "w").unwrap();
        std::fs::create_dir_all(dir.join("vide")).unwrap();
        (Site { dir: dir.clone(), prefix: prefix.into(), honour_404: false }, dir)
    }

    #[test]
    fn resolves_like_a_plain_static_host() {
        let (s, dir) = site("");
        let cases: &[(&str, Option<&str>)] = &[
            ("/", Some("index.html")),
            ("/?x=1", Some("index.html")),
            ("/a-propos/", Some("a-propos/index.html")),
            ("/a-propos", Some("a-propos/index.html")),
            ("/app.wasm", Some("app.wasm")),
            ("/parcours", None),
            ("/vide/", None),
            ("/../etc/passwd", None),
            ("/%2e%2e/etc/passwd", None),
            ("/a%2", None),
        ];
        for (target, want) in cases {
            assert_eq!(resolve(&s, target), want.map(|w| dir.join(w)), "{target}");
        }
    }

    #[test]
    fn folders_are_redirected_to_their_trailing_slash() {
        let (s, _dir) = site("/communs");
        assert_eq!(needs_slash(&s, "/communs/a-propos"), Some("/communs/a-propos/".into()));
        assert_eq!(needs_slash(&s, "/communs/a-propos?x=1"), Some("/communs/a-propos/?x=1".into()));
        assert_eq!(needs_slash(&s, "/communs"), Some("/communs/".into()));
        assert_eq!(needs_slash(&s, "/communs/a-propos/"), None);
        assert_eq!(needs_slash(&s, "/communs/app.wasm"), None);
        assert_eq!(needs_slash(&s, "/communs/nope"), None);
    }

    #[test]
    fn serves_under_a_prefix_only() {
        let (s, dir) = site("/communs");
        assert_eq!(resolve(&s, "/communs/"), Some(dir.join("index.html")));
        assert_eq!(resolve(&s, "/communs/a-propos/"), Some(dir.join("a-propos/index.html")));
        assert_eq!(resolve(&s, "/"), None);
        assert_eq!(resolve(&s, "/communsx/"), None);
    }

    #[test]
    fn wasm_has_its_mime_type() {
        assert_eq!(content_type(Path::new("x/communs_bg.wasm")), "application/wasm");
    }
}
