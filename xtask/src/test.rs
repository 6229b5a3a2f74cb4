//! `cargo xtask test`: every test layer, in order, each timed (`phase … : 12.3 s`),
//! then a table of the durations and one closing line `N passed, N failed`.
//!
//! 1. house style: `cargo fmt --check`, `cargo clippy` (host, all targets, and
//!    the app for wasm32) with `-D warnings`;
//! 2. host tests: `cargo test` of the app and `core` in debug, except the heavy
//!    ones ([`HEAVY`]: fuzzing, simulations, large data), which run in one
//!    `--release` pass; then xtask's own tests;
//! 3. architecture: `core` depends on no browser crate (`cargo tree`), and
//!    the source invariants of [`crate::invariants`], one layer each;
//! 4. every lesson in `lessons/` compiles with no error;
//! 5. wasm-bindgen-test tests in headless Chromium (runner built from the workspace);
//! 6. end-to-end tests: `dist/` with the test lessons, served on loopback with
//!    no fallback (at `/` and under `/communs/`), driven by Playwright; the
//!    runner prints each spec file's duration, which joins the table.
//!
//! `--quick` runs 1 to 4 only, for the inner loop.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use crate::serve::{spawn, Site};
use crate::setup;
use crate::util::{cargo, flag, root, run_capture, step, target_dir, Res};

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    broken: Vec<String>,
    /// (phase, seconds, ok), in the order they ran.
    phases: Vec<(String, f64, bool)>,
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

    /// Runs one layer, prints and records its duration, and counts its
    /// `(passed, failed, ok)`.
    fn layer(&mut self, name: &str, run: impl FnOnce() -> Res<(u64, u64, bool)>) -> Res {
        step(name);
        let start = Instant::now();
        let (p, f, ok) = run()?;
        let secs = start.elapsed().as_secs_f64();
        println!("phase {name} : {secs:.1} s");
        self.phases.push((name.to_string(), secs, ok && f == 0));
        self.add(name, p, f, ok);
        Ok(())
    }

    /// A layer that is one check: 1 passed or 1 failed.
    fn check(&mut self, name: &str, run: impl FnOnce() -> Res<bool>) -> Res {
        self.layer(name, || run().map(|ok| (u64::from(ok), u64::from(!ok), ok)))
    }

    fn durations(&self) -> String {
        let width = self.phases.iter().map(|(n, _, _)| n.chars().count()).max().unwrap_or(0);
        let mut out = String::from("Durées :\n");
        for (name, secs, ok) in &self.phases {
            let pad = width - name.chars().count();
            out.push_str(&format!("  {name}{} {secs:>7.1} s{}\n", " ".repeat(pad), if *ok { "" } else { "  (échec)" }));
        }
        let total: f64 = self.phases.iter().filter(|(n, _, _)| !n.starts_with("  ")).map(|(_, s, _)| s).sum();
        out.push_str(&format!("  {:width$} {total:>7.1} s\n", "total"));
        out
    }
}

/// Host tests slow enough in debug to be worth their own `--release` pass:
/// (test target of `core`, test function). The debug pass skips them by
/// exact name; the release pass fails if it does not run each of them, so a
/// renamed test cannot silently leave both passes.
pub const HEAVY: &[(&str, &str)] = &[
    // seconds in debug → release, measured on 2026-12-01 (2 shared cores)
    ("storage_size", "a_school_year_of_100_pupils_fits_in_5_mb"), // 64 → 14
    ("storage_size", "chars_per_attempt_on_a_realistic_mix"),     // (same run) → 5
    ("lesson_fuzz", "mutated_lessons_never_panic"),               // 7.4 → 1.0
    ("lesson_fuzz", "random_markdown_pieces_never_panic"),        // 4.5 → 0.4
    ("lesson_fuzz", "random_bytes_never_panic"),                  // 2.5 → 0.2
    ("competency_properties", "bad_input_is_ignored_without_panic"), // 2.9 → 0.5
    ("competency_properties", "storage_order_does_not_matter"),   // 1.0 → 0.1
    ("storage_ops", "random_mutations_of_an_export_never_panic"), // 2.8 → 0.5
    ("storage_ops", "merge_chunks_properties"),                   // 2.0 → 0.3
    ("storage_load", "oversized_values_are_quarantined"),         // 1.4 → 0.3
    ("storage_load", "random_hostile_snapshots"),                 // 1.2 → 0.2
    ("record_hostile", "mutated_records_never_panic"),            // proptest, 2,000 cases
];

pub fn run(args: &[String]) -> Res {
    let quick = flag(args, "--quick");
    let mut tally = Tally::default();
    setup::rust_components()?;

    tally.layer("style : cargo fmt --check", fmt_check)?;
    tally.check("style : cargo clippy (hôte, toutes les cibles)", || {
        cargo_ok(cargo().args(["clippy", "--workspace", "--all-targets", "--keep-going", "--", "-D", "warnings"]))
    })?;
    tally.check("style : cargo clippy (application, wasm32)", || {
        setup::wasm_target()?;
        let wasm = ["--target", "wasm32-unknown-unknown", "-p", "communs"];
        cargo_ok(cargo().arg("clippy").args(wasm).args(["--all-targets", "--keep-going", "--", "-D", "warnings"]))
    })?;

    tally.layer("tests hôte : cargo test (app, core)", || {
        let mut cmd = cargo();
        cmd.args(["test", "--workspace", "--exclude", "xtask", "--", "--exact"]);
        for (_, name) in HEAVY {
            cmd.args(["--skip", name]);
        }
        cargo_tests(&mut cmd)
    })?;
    tally.layer("tests hôte lourds : cargo test --release (fuzz, tailles)", heavy_tests)?;
    tally.layer("tests hôte : xtask (serveur, construction, invariants)", || {
        cargo_tests(cargo().args(["test", "--release", "-p", "xtask"]))
    })?;

    tally.check("architecture : le domaine (core, i18n) ne dépend d'aucun crate du navigateur", check_core_dependencies)?;
    for rule in crate::invariants::RULES {
        tally.check(&format!("architecture : {}", rule.name), || {
            let found = crate::invariants::check_tree(&root(), rule)?;
            for v in &found {
                eprintln!("{v}");
            }
            Ok(found.is_empty())
        })?;
    }

    tally.check("leçons : lessons check lessons/", || Ok(crate::dist::lessons::check(&[root().join("lessons")])))?;

    if !quick {
        setup::chromium()?;
        tally.layer("tests dans le navigateur : wasm-bindgen-test (Chromium sans interface)", || {
            let (p, f, ok) = cargo_tests(&mut wasm_test_command(false)?)?;
            Ok((p, f, ok && p > 0))
        })?;
        e2e_tests(&mut tally)?;
    }

    println!();
    print!("{}", tally.durations());
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

/// Runs a cargo command that tests; its counts and whether it succeeded.
fn cargo_tests(cmd: &mut Command) -> Res<(u64, u64, bool)> {
    let (ok, out) = run_capture(cmd)?;
    let (p, f) = cargo_counts(&out);
    Ok((p, f, ok))
}

fn cargo_ok(cmd: &mut Command) -> Res<bool> {
    Ok(run_capture(cmd)?.0)
}

/// `cargo fmt --check`: one failed check when the code differs from
/// rustfmt (with `rustfmt.toml`), saying how many hunks differ.
fn fmt_check() -> Res<(u64, u64, bool)> {
    let out = cargo().args(["fmt", "--all", "--check"]).current_dir(root()).output().map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&out.stdout);
    let hunks = text.lines().filter(|l| l.starts_with("Diff in ")).count();
    if !out.status.success() {
        let root = format!("{}/", root().display());
        let files: std::collections::BTreeSet<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("Diff in "))
            .filter_map(|l| l.split(':').next())
            .map(|f| f.strip_prefix(root.as_str()).unwrap_or(f))
            .collect();
        for f in &files {
            eprintln!("  à reformater : {f}");
        }
        eprintln!("{hunks} passage(s) diffèrent de rustfmt dans {} fichier(s) : lancez `cargo fmt`", files.len());
        eprint!("{}", String::from_utf8_lossy(&out.stderr));
    }
    let ok = out.status.success();
    Ok((u64::from(ok), u64::from(!ok), ok))
}

/// The heavy host tests in one `--release` invocation of their targets, with
/// their exact names as filters; fails unless every one of them ran.
fn heavy_tests() -> Res<(u64, u64, bool)> {
    let mut cmd = cargo();
    // `-p xtask` as well: features then resolve as for xtask's own release
    // build, so the release `communs-core` and its dependencies are shared
    // with it and only the test files are compiled here
    cmd.args(["test", "--release", "-p", "xtask", "-p", "communs-core"]);
    let mut targets: Vec<&str> = HEAVY.iter().map(|(t, _)| *t).collect();
    targets.dedup();
    for t in targets {
        cmd.args(["--test", t]);
    }
    cmd.args(["--", "--exact"]);
    cmd.args(HEAVY.iter().map(|(_, name)| *name));
    let (p, f, ok) = cargo_tests(&mut cmd)?;
    let ran = p + f;
    let expected = HEAVY.len() as u64;
    if ran != expected {
        eprintln!("{ran} test(s) lourd(s) lancés sur {expected} : la liste HEAVY de xtask/src/test.rs n'est plus à jour");
    }
    Ok((p, f, ok && ran == expected))
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

/// The domain crates and the feature sets checked for each: none of them may
/// depend on a browser crate (ARCHITECTURE.md, "Room to grow").
const DOMAIN_CRATES: &[(&str, &[&str])] =
    &[("communs-core", &[]), ("communs-core", &["--no-default-features"]), ("communs-i18n", &[])];

fn check_core_dependencies() -> Res<bool> {
    let mut clean = true;
    for (package, features) in DOMAIN_CRATES {
        let out = cargo()
            .current_dir(root())
            .args(["tree", "-p", package, "-e", "normal", "--prefix", "none"])
            .args(*features)
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
            return Ok(false);
        }
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let name = line.split_whitespace().next().unwrap_or("");
            if BROWSER_CRATES.iter().any(|b| name == *b || name.starts_with(&format!("{b}-")) || name.starts_with(&format!("{b}_"))) {
                eprintln!("{package} dépend de {name} : interdit (voir ARCHITECTURE.md)");
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

fn e2e_tests(tally: &mut Tally) -> Res {
    let out = target_dir().join("e2e-dist");
    tally.check("bout en bout : construction de dist/ avec les leçons de test", || {
        crate::dist::build(&crate::dist::Options {
            out: out.clone(),
            extra_lessons: vec![root().join("core/tests/fixtures/test-lessons")],
        })?;
        Ok(true)
    })?;
    let root_port = spawn(Site { dir: out.clone(), prefix: String::new(), honour_404: false }, 0)?;
    let sub_port = spawn(Site { dir: out, prefix: "/communs".into(), honour_404: false }, 0)?;
    let artifacts: PathBuf = root().join("tests/e2e/artifacts");
    let mut printed = String::new();
    tally.layer("bout en bout : Playwright + Chromium", || {
        let (ok, out) = run_capture(
            Command::new("node")
                .arg("tests/e2e/run.mjs")
                .current_dir(root())
                .env("COMMUNS_URL", format!("http://127.0.0.1:{root_port}/"))
                .env("COMMUNS_SUBPATH_URL", format!("http://127.0.0.1:{sub_port}/communs/"))
                .env("E2E_ARTIFACTS", &artifacts),
        )?;
        let (p, f) = e2e_counts(&out);
        printed = out;
        Ok((p, f, ok && p > 0))
    })?;
    // the runner's per-file durations, under the layer in the table
    tally.phases.extend(e2e_phases(&printed).into_iter().map(|(name, secs)| (format!("  {name}"), secs, true)));
    Ok(())
}

/// The `# phase e2e <file> : 12.3 s` lines of the end-to-end runner.
fn e2e_phases(out: &str) -> Vec<(String, f64)> {
    out.lines()
        .filter_map(|l| l.strip_prefix("# phase "))
        .filter_map(|l| {
            let (name, secs) = l.rsplit_once(" : ")?;
            Some((name.to_string(), secs.strip_suffix(" s")?.replace(',', ".").parse().ok()?))
        })
        .collect()
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

    #[test]
    fn reads_e2e_phases() {
        let out =
            "ok  - a (12 ms)\n# phase e2e walk.spec.mjs : 41.5 s\n# phase e2e auto-tests : 3.0 s\n# phase cassée\n# durée : 50.0 s\n";
        assert_eq!(e2e_phases(out), vec![("e2e walk.spec.mjs".to_string(), 41.5), ("e2e auto-tests".to_string(), 3.0)]);
        assert_eq!(e2e_phases("e2e: 1 passed, 0 failed"), vec![]);
    }

    #[test]
    fn durations_table_totals_top_level_phases() {
        let mut t = Tally::default();
        t.layer("a", || Ok((1, 0, true))).unwrap();
        t.layer("longer name", || Ok((0, 1, true))).unwrap();
        t.phases.push(("  sub".into(), 100.0, true));
        let table = t.durations();
        assert!(table.contains("  longer name") && table.contains("(échec)"), "{table}");
        assert!(table.contains("    sub"), "{table}");
        let total: f64 =
            table.lines().last().unwrap().trim().trim_start_matches("total").trim().trim_end_matches(" s").parse().unwrap();
        assert!(total < 100.0, "sub-phases are not counted twice: {table}");
        assert_eq!((t.passed, t.failed, t.broken.clone()), (1, 1, vec!["longer name".to_string()]));
    }
}
