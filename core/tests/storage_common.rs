//! Shared helpers of the storage tests (included with `#[path]`).
#![allow(dead_code)]

use communs_core::response::Response;
use communs_core::storage::*;
use std::collections::BTreeMap;

pub fn fixture(name: &str) -> BTreeMap<String, String> {
    let path = format!("{}/tests/fixtures/storage/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    serde_json::from_str(&text).expect("fixture is a JSON object of strings")
}

pub fn fixture_text(name: &str) -> String {
    let path = format!("{}/tests/fixtures/storage/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).expect("fixture readable")
}

pub fn pairs(map: &BTreeMap<String, String>) -> Vec<(String, String)> {
    map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// What localStorage does with a list of operations.
pub fn apply_ops(map: &mut BTreeMap<String, String>, ops: &[WriteOp]) {
    for op in ops {
        match &op.value {
            Some(v) => map.insert(op.key.clone(), v.clone()),
            None => map.remove(&op.key),
        };
    }
}

/// Applies a batch to both the simulated localStorage and the store.
pub fn commit(map: &mut BTreeMap<String, String>, store: &mut Store, batch: &WriteBatch) {
    apply_ops(map, &batch.ops);
    store.apply(batch);
    // The store's view of raw storage must match localStorage's communs keys.
    let ours: BTreeMap<String, String> = store.raw_pairs().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let theirs: BTreeMap<String, String> =
        map.iter().filter(|(k, _)| k.starts_with(PREFIX)).map(|(k, v)| (k.clone(), v.clone())).collect();
    assert_eq!(ours, theirs, "store view and storage diverged");
}

/// Loads, applies the repairs, and checks that loading again is a fixpoint.
pub fn load_and_repair(map: &mut BTreeMap<String, String>) -> LoadReport {
    let report = load(pairs(map));
    apply_ops(map, &report.repairs.ops);
    let again = load(pairs(map));
    assert!(again.repairs.is_empty(), "second load still repairs: {:?}", again.repairs.ops);
    if report.store.read_only_reason().is_none() {
        assert!(again.problems.is_empty(), "second load still reports: {:?}", again.problems);
    }
    report
}

#[path = "common/rng.rs"]
mod rng;
pub use rng::Rng;

const WORDS: &[&str] = &[
    "soleil",
    "la mer",
    "trois quarts",
    "l’eau",
    "photosynthèse",
    "Paris",
    "12",
    "3,5",
    "un demi",
    "Jules Verne",
    "les volcans",
    "respirer",
    "« liberté »",
    "égalité",
    "fraternité",
    "ça",
    "où",
    "la Loire",
    "1789",
    "coopérer",
    "un triangle",
    "vrai",
    "parce que la lumière",
    "a|b",
    "x\\y",
];

/// A realistic response for an activity kind (0..=9).
pub fn realistic_response(rng: &mut Rng, kind: u64) -> Response {
    match kind {
        // choix unique (most common), 4 options
        0..=2 => Response::Choices(vec![rng.below(4) as u8]),
        // choix multiples
        3 => Response::Choices((0..1 + rng.below(3)).map(|i| (i * 2 + rng.below(2)) as u8).collect()),
        // vrai ou faux
        4 => Response::Bool(rng.chance(50)),
        // réponse courte
        5 => Response::Texts(vec![rng.pick(WORDS).to_string()]),
        // texte à trous, 2 to 4 blanks
        6 => Response::Texts((0..2 + rng.below(3)).map(|_| rng.pick(WORDS).to_string()).collect()),
        // appariement / remise en ordre, 4 to 6 items
        7 => {
            let n = 4 + rng.below(3) as usize;
            Response::Order(communs_core::text::seeded_shuffle(n, rng.next_u64()).into_iter().map(|i| i as u8).collect())
        }
        // scénario
        8 => Response::Path((0..2 + rng.below(3)).map(|_| rng.below(3) as u8).collect()),
        // remue-méninges / nuage de mots: a sentence, sometimes long
        _ => {
            let n = if rng.chance(20) { 8 + rng.below(12) } else { 1 + rng.below(4) };
            let s: Vec<&str> = (0..n).map(|_| *rng.pick(WORDS)).collect();
            Response::Texts(vec![s.join(" ")])
        }
    }
}

pub fn sample_attempt(rng: &mut Rng, at: i64) -> NewAttempt {
    let kind = rng.below(10);
    NewAttempt {
        at,
        lesson: format!("lecon-{:02}-{}", rng.below(40), rng.pick(&["fractions", "eau", "volcans"])),
        activity: format!("q{}", rng.below(12)),
        score: if rng.chance(60) { 100 } else { rng.below(101) as u8 },
        duration: 5 + rng.below(120) as u32,
        response: realistic_response(rng, kind),
    }
}
