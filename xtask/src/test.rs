//! `cargo xtask test`: every test layer, in order, with one closing line
//! `N passed, N failed`.
//!
//! 1. host tests (`cargo test`) of the app, `core` and xtask;
//! 2. the architecture check: `core` depends on no browser crate;
//! 3. every lesson in `lessons/` compiles with no error;
//! 4. wasm-bindgen-test tests in headless Chromium (runner built from the workspace);
//! 5. end-to-end tests: `dist/` with the test lessons, served on loopback with
//!    no fallback (at `/` and under `/communs/`), driven by Playwright.
//!
//! `--quick` runs 1 to 3 only, for the inner loop.

use std::path::PathBuf;
use std::process::Command;

use crate::serve::{spawn, Site};
use crate::setup;
use crate::util::{cargo, flag, root, run_capture, step, target_dir, Res};

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    broken: Vec<String>,
}

impl Tally {
    fn add(&mut self, layer: &str, passed: u64, failed: u64, ok: bool) {
        self.passed += passed;
        self.failed += failed;
        if !ok || failed > 0 {
            if failed == 0 {
                self.failed += 1;
            }
            self.broken.push(layer.to_string());
        }
    }
}

pub fn run(args: &[String]) -> Res {
    let quick = flag(args, "--quick");
    let mut tally = Tally::default();

    step("tests hôte : cargo test (app, core)");
    let (ok, out) = run_capture(cargo().args(["test", "--workspace", "--exclude", "xtask"]))?;
    let (p, f) = cargo_counts(&out);
    tally.add("tests hôte", p, f, ok);

    step("tests hôte : xtask (serveur, construction)");
    let (ok, out) = run_capture(cargo().args(["test", "--release", "-p", "xtask"]))?;
    let (p, f) = cargo_counts(&out);
    tally.add("tests xtask", p, f, ok);

    step("architecture : core ne dépend d'aucun crate du navigateur");
    let ok = check_core_dependencies()?;
    tally.add("architecture de core", u64::from(ok), u64::from(!ok), ok);

    step("leçons : lessons check lessons/");
    let ok = crate::dist::lessons::check(&[root().join("lessons")]);
    tally.add("vérification des leçons", u64::from(ok), u64::from(!ok), ok);

    if !quick {
        setup::chromium()?;
        wasm_tests(&mut tally)?;
        e2e_tests(&mut tally)?;
    }

    println!();
    if !tally.broken.is_empty() {
        println!("Échecs : {}", tally.broken.join(", "));
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 {
        Ok(())
    } else {
        Err("des tests ont échoué".into())
    }
}

/// Sums every `test result: … N passed; M failed` line of cargo's output.
pub fn cargo_counts(out: &str) -> (u64, u64) {
    let mut passed = 0;
    let mut failed = 0;
    for line in out.lines().filter(|l| l.contains("test result:")) {
        passed += number_before(line, " passed").unwrap_or(0);
        failed += number_before(line, " failed").unwrap_or(0);
    }
    (passed, failed)
}

fn number_before(line: &str, word: &str) -> Option<u64> {
    let end = line.find(word)?;
    let start = line[..end].rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| i + 1);
    line[start..end].parse().ok()
}

const BROWSER_CRATES: &[&str] = &["leptos", "web-sys", "js-sys", "wasm-bindgen", "gloo"];

fn check_core_dependencies() -> Res<bool> {
    let mut clean = true;
    for features in [&[][..], &["--no-default-features"][..]] {
        let out = cargo()
            .current_dir(root())
            .args(["tree", "-p", "communs-core", "-e", "normal", "--prefix", "none"])
            .args(features)
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
            return Ok(false);
        }
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let name = line.split_whitespace().next().unwrap_or("");
            if BROWSER_CRATES.iter().any(|b| name == *b || name.starts_with(&format!("{b}-")) || name.starts_with(&format!("{b}_"))) {
                eprintln!("core dépend de {name} : interdit (voir ARCHITECTURE.md)");
                clean = false;
            }
        }
    }
    Ok(clean)
}

/// `cargo test` of the app for wasm32, run in headless Chromium by the
/// wasm-bindgen test runner built from this crate (also used by
/// `cargo xtask bench` for the browser measurements, with `release`).
/// Tests marked `#[ignore]` (the measurements) run only with `--include-ignored`.
pub fn wasm_test_command(release: bool) -> Res<Command> {
    setup::wasm_target()?;
    crate::util::run(cargo().args(["build", "--release", "-p", "xtask", "--bin", "wasm-bindgen-test-runner"]))?;
    let runner = target_dir().join("release/wasm-bindgen-test-runner");
    let mut cmd = cargo();
    cmd.arg("test");
    if release {
        cmd.arg("--release");
    }
    cmd.args(["--target", "wasm32-unknown-unknown", "-p", "communs"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", &runner)
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", root().join("webdriver.json"))
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    Ok(cmd)
}

fn wasm_tests(tally: &mut Tally) -> Res {
    step("tests dans le navigateur : wasm-bindgen-test (Chromium sans interface)");
    let (ok, out) = run_capture(&mut wasm_test_command(false)?)?;
    let (p, f) = cargo_counts(&out);
    tally.add("tests wasm", p, f, ok && p > 0);
    Ok(())
}

fn e2e_tests(tally: &mut Tally) -> Res {
    step("bout en bout : dist/ avec les leçons de test, Playwright + Chromium");
    let out = target_dir().join("e2e-dist");
    crate::dist::build(&crate::dist::Options {
        out: out.clone(),
        extra_lessons: vec![root().join("core/tests/fixtures/test-lessons")],
    })?;
    let root_port = spawn(Site { dir: out.clone(), prefix: String::new(), honour_404: false }, 0)?;
    let sub_port = spawn(Site { dir: out, prefix: "/communs".into(), honour_404: false }, 0)?;
    let artifacts: PathBuf = root().join("tests/e2e/artifacts");
    let (ok, out) = run_capture(
        Command::new("node")
            .arg("tests/e2e/run.mjs")
            .current_dir(root())
            .env("COMMUNS_URL", format!("http://127.0.0.1:{root_port}/"))
            .env("COMMUNS_SUBPATH_URL", format!("http://127.0.0.1:{sub_port}/communs/"))
            .env("E2E_ARTIFACTS", &artifacts),
    )?;
    let (p, f) = e2e_counts(&out);
    tally.add("bout en bout", p, f, ok && p > 0);
    Ok(())
}

/// The `e2e: N passed, N failed` line of the end-to-end runner.
fn e2e_counts(out: &str) -> (u64, u64) {
    out.lines()
        .rev()
        .find(|l| l.trim_start().starts_with("e2e:"))
        .map(|l| (number_before(l, " passed").unwrap_or(0), number_before(l, " failed").unwrap_or(0)))
        .unwrap_or((0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_results() {
        let out = "running 3 tests\ntest result: ok. 3 passed; 0 failed; 0 ignored\n\
                   test result: FAILED. 10 passed; 2 failed; 1 ignored\n";
        assert_eq!(cargo_counts(out), (13, 2));
        assert_eq!(cargo_counts("nothing"), (0, 0));
    }

    #[test]
    fn counts_e2e_results() {
        assert_eq!(e2e_counts("ok - a\ne2e: 12 passed, 1 failed\n"), (12, 1));
        assert_eq!(e2e_counts("crash"), (0, 0));
    }
}
