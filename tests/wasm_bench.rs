//! Browser measurement of the competency profile (wasm-bindgen-test in
//! headless Chromium, release build): `communs_core::competency::profile` on
//! 10,000 generated attempts over a generated evidence catalogue the size of
//! the course (600 activities), timed with `performance.now()` over enough
//! repetitions to beat the timer's resolution; and, reported separately,
//! decoding those attempts from their stored form (`storage::load` of the
//! chunk strings, then `Store::attempts`). Figures only: nothing is asserted
//! about time. Ignored by the normal test run; `cargo xtask bench` runs it
//! with `--include-ignored` and prints the lines logged here.
#![cfg(target_arch = "wasm32")]

use communs_core::competency::{history, profile, ActivityEvidence, EvidenceCatalogue};
use communs_core::response::Response;
use communs_core::storage::{import, load, AttemptId, ImportLimits};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Attempts of the measured profile.
const ATTEMPTS: usize = 10_000;
/// Keep repeating until at least this long has elapsed (ms).
const MIN_ELAPSED_MS: f64 = 200.0;
/// Timed batches (the median of their per-call times is printed).
const BATCHES: usize = 7;

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        communs_core::text::splitmix64(&mut self.0)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `performance.now()`, read through `js_sys` (web-sys's `Performance`
/// feature is not enabled for the app).
fn now() -> f64 {
    use wasm_bindgen::JsCast;
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).expect("performance");
    let f: js_sys::Function = js_sys::Reflect::get(&perf, &"now".into()).expect("now").unchecked_into();
    f.call0(&perf).ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
}

/// 40 lessons of 15 activities, codes and levels as in the course.
fn catalogue(rng: &mut Rng) -> Vec<ActivityEvidence> {
    let codes = ["1.1", "2.2", "2.3", "3.2", "3.3", "4.2", "5.2"];
    let mut list = Vec::new();
    for l in 0..40 {
        for a in 0..15 {
            list.push(ActivityEvidence {
                lesson: format!("lecon-numero-{l}"),
                activity: format!("activite-{a}"),
                crcn: vec![(codes[rng.below(codes.len() as u64) as usize].to_string(), 1 + rng.below(4) as u8)],
                emi: vec![format!("EMI{}", 1 + rng.below(4))],
                participation_only: rng.below(20) == 0,
                retired: false,
            });
        }
    }
    list
}

/// The stored form of one profile with `n` attempts over a school year:
/// the `localStorage` pairs written by importing them (the same encoding as
/// one `record_attempt` per answer).
fn stored_pairs(rng: &mut Rng, list: &[ActivityEvidence], n: usize) -> (Vec<(String, String)>, String) {
    let start: i64 = 1_725_264_000; // 2024-09-02
    let mut store = load(Vec::new()).store;
    let (id, batch) = store.create_profile("Renard bleu", 0, 0, start, rng.next()).expect("profile");
    store.apply(&batch);
    let mut attempts = Vec::with_capacity(n);
    for _ in 0..n {
        let e = &list[rng.below(list.len() as u64) as usize];
        let response = match rng.below(3) {
            0 => Response::Choices(vec![rng.below(4) as u8]),
            1 => Response::Bool(rng.below(2) == 0),
            _ => Response::Texts(vec!["droit d’auteur".to_string()]),
        };
        let score = if rng.below(10) < 6 { 100 } else { rng.below(101) };
        attempts.push(serde_json::json!({
            "id": AttemptId::from_random(rng.next()).as_str(),
            "at": start + rng.below(300 * 86_400) as i64,
            "lesson": e.lesson, "activity": e.activity,
            "score": score, "duration": 5 + rng.below(150),
            "response": response,
        }));
    }
    let export = serde_json::json!({
        "format": "communs-export", "version": 1, "exported_at": start + 300 * 86_400,
        "pseudonym": "Renard bleu",
        "profile": {"id": id.as_str(), "pseudonym": "Renard bleu", "colour": 0, "avatar": 0, "created": start},
        "progress": [], "attempts": attempts,
    })
    .to_string();
    let (batch, report) = import(&store, &export, &ImportLimits::default()).expect("import");
    assert_eq!(report.skipped, 0, "{:?}", report.problems);
    store.apply(&batch);
    let pairs = store.raw_pairs().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    (pairs, id.as_str().to_string())
}

/// Runs `f` in batches, each repeated until [`MIN_ELAPSED_MS`] has elapsed;
/// returns (median ms per call, calls per batch).
fn measure(mut f: impl FnMut() -> u32) -> (f64, u32) {
    // Warm-up, and how many calls fill one batch.
    let mut calls = 0u32;
    let t0 = now();
    while now() - t0 < MIN_ELAPSED_MS {
        std::hint::black_box(f());
        calls += 1;
    }
    let mut per_call: Vec<f64> = (0..BATCHES)
        .map(|_| {
            let t = now();
            for _ in 0..calls {
                std::hint::black_box(f());
            }
            (now() - t) / f64::from(calls)
        })
        .collect();
    per_call.sort_by(|a, b| a.total_cmp(b));
    (per_call[BATCHES / 2], calls)
}

#[wasm_bindgen_test]
#[ignore = "measurement: run by cargo xtask bench"]
fn bench_competency_profile() {
    let mut rng = Rng(42);
    let list = catalogue(&mut rng);
    let cat = EvidenceCatalogue::from_evidence(&list);
    let (pairs, id) = stored_pairs(&mut rng, &list, ATTEMPTS);
    let chars: usize = pairs.iter().map(|(k, v)| k.len() + v.len()).sum();

    // Loading from storage: decode every chunk, then the profile's attempts.
    let (load_ms, load_calls) = measure(|| {
        let store = load(std::hint::black_box(pairs.clone())).store;
        let pid = store.current().cloned().expect("current profile");
        store.attempts(&pid).len() as u32
    });
    let store = load(pairs.clone()).store;
    let pid = store.current().cloned().expect("current profile");
    assert_eq!(pid.as_str(), id);
    let attempts = store.attempts(&pid);
    assert_eq!(attempts.len(), ATTEMPTS);

    // The computation alone.
    let (profile_ms, profile_calls) = measure(|| u32::from(profile(std::hint::black_box(&attempts), &cat).total_score));
    let (history_ms, _) = measure(|| history(std::hint::black_box(&attempts), &cat, "2.2").len() as u32);
    let (catalogue_ms, _) = measure(|| EvidenceCatalogue::from_evidence(std::hint::black_box(&list)).len() as u32);

    console_log!(
        "BENCH profil de compétences : {ATTEMPTS} réponses, {} activités au catalogue : {profile_ms:.3} ms par calcul (médiane de {BATCHES} séries de {profile_calls} calculs ; objectif ≤ 5 ms)",
        cat.len()
    );
    console_log!("BENCH historique d’une compétence (2.2) : {history_ms:.3} ms par calcul");
    console_log!("BENCH catalogue des preuves (from_evidence, {} lignes) : {catalogue_ms:.3} ms", list.len());
    console_log!(
        "BENCH chargement depuis le stockage (load de {} clés, {chars} caractères, puis attempts) : {load_ms:.3} ms (médiane de {BATCHES} séries de {load_calls})",
        pairs.len()
    );
}
