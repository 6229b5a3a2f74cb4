//! `cargo xtask`: the one entry point to build, serve, test and measure Communs.
//!
//! Every command sets up what it needs first (the wasm target, rustfmt and
//! clippy, npm packages, Chromium for tests), idempotently and saying what it
//! does, so the README's two commands work on a fresh machine. Nothing is
//! downloaded from anywhere but the package registries.

mod bench;
mod dist;
mod invariants;
mod serve;
mod setup;
mod split;
mod test;
mod util;

use std::process::ExitCode;

const USAGE: &str = "\
usage : cargo xtask <commande> [options]

  serve [--port N] [--extra-lessons DIR]   construit l'application et la sert sur http://127.0.0.1:8080
  dist [--out DIR] [--extra-lessons DIR]   construit le dossier publiable dist/
  test [--quick]                           lance tous les tests (hôte, navigateur, bout en bout)
  bench                                    construit dist/ et affiche les tailles à télécharger
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("dist") => dist::run_cli(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("-h" | "--help" | "help") | None => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("commande inconnue : {other}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("xtask : {msg}");
            ExitCode::FAILURE
        }
    }
}
