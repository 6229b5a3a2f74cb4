//! Set-up steps, run by the commands that need them: idempotent, quick when
//! everything is present, and saying what they do when they act.

use std::path::Path;
use std::process::Command;

use crate::util::{root, run, step, Res};

/// `rustup target add wasm32-unknown-unknown` unless it is installed.
pub fn wasm_target() -> Res {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown"))
        .unwrap_or(false);
    if !installed {
        step("installation de la cible wasm32-unknown-unknown (rustup)");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// `rustup component add rustfmt clippy` for those missing (the style layers
/// of `cargo xtask test` run `cargo fmt` and `cargo clippy`).
pub fn rust_components() -> Res {
    let installed = Command::new("rustup")
        .args(["component", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let missing: Vec<&str> =
        ["rustfmt", "clippy"].into_iter().filter(|c| !installed.lines().any(|l| l.starts_with(&format!("{c}-")))).collect();
    if !missing.is_empty() {
        step(&format!("installation des composants Rust : {} (rustup)", missing.join(", ")));
        run(Command::new("rustup").args(["component", "add"]).args(&missing))?;
    }
    Ok(())
}

/// `npm ci` when `node_modules` is missing or older than `package-lock.json`.
/// The packages are pinned by the lock file: wasm-opt (npm `binaryen`),
/// Playwright (without its browser download) and axe-core.
pub fn npm() -> Res {
    let root = root();
    let lock = root.join("package-lock.json");
    let stamp = root.join("node_modules/.package-lock.json");
    let lock_text = std::fs::read(&lock).map_err(|e| format!("{}: {e}", lock.display()))?;
    let stamp_file = root.join("node_modules/.communs-lock");
    let fresh = stamp.exists() && std::fs::read(&stamp_file).map(|s| s == lock_text).unwrap_or(false);
    if !fresh {
        step("installation des paquets npm verrouillés (npm ci)");
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]))?;
        std::fs::write(&stamp_file, &lock_text).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The path of npm's `wasm-opt` (from the `binaryen` package; Debian's breaks the app).
pub fn wasm_opt() -> Res<std::path::PathBuf> {
    npm()?;
    let p = root().join("node_modules/.bin/wasm-opt");
    if p.exists() {
        Ok(p)
    } else {
        Err("wasm-opt introuvable dans node_modules/.bin : le paquet npm binaryen manque".into())
    }
}

/// Debian's Chromium and ChromeDriver, for the browser tests.
pub fn chromium() -> Res {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    step("installation de Chromium et ChromeDriver (paquets Debian)");
    let sudo = !is_root();
    let apt = |args: &[&str]| {
        let mut cmd = if sudo { Command::new("sudo") } else { Command::new("apt-get") };
        if sudo {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update", "-qq"])?;
    apt(&["install", "-y", "-qq", "chromium", "chromium-driver"])
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}
