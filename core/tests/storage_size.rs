//! Size figures of the v3 encoding: characters per stored attempt on a
//! realistic mix of responses, and a full school year of 100 pupils on one
//! class computer against the 5,000,000-character budget. Run with
//! `--nocapture` to see the figures.

#[path = "storage_common.rs"]
mod common;

use common::*;
use communs_core::response::Response;
use communs_core::storage::*;
use std::collections::BTreeMap;

/// 2025-09-01T00:00:00Z, a Monday: the school year starts.
const YEAR_START: i64 = 1_756_684_800;
const WEEK: i64 = 7 * 86_400;

fn percentile(sorted: &[usize], p: f64) -> usize {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[test]
fn chars_per_attempt_on_a_realistic_mix() {
    let mut map = BTreeMap::new();
    let mut s = load(Vec::new()).store;
    let (p, b) = s.create_profile("Renard bleu", 0, 0, YEAR_START, 1).unwrap();
    commit(&mut map, &mut s, &b);
    let mut rng = Rng(2025);
    let mut sizes = Vec::new();
    let mut by_kind: BTreeMap<char, Vec<usize>> = BTreeMap::new();
    for i in 0..3000 {
        let at = YEAR_START + i * 6_000; // about 8 months
        let a = sample_attempt(&mut rng, at);
        let kind = match &a.response {
            Response::Choices(_) => 'c',
            Response::Bool(_) => 'b',
            Response::Texts(_) => 't',
            Response::Order(_) => 'o',
            Response::Path(_) => 'p',
        };
        let (_, w) = s.record_attempt(&p, a, rng.next_u64()).unwrap();
        // The chunk grows by exactly one line and its newline.
        let op = w.ops.iter().find(|o| o.key != META_KEY).unwrap();
        let old = s.raw_value(&op.key).map_or(3, str::len); // "#3\n" for a new chunk
        let added = utf16_len(&op.value.as_deref().unwrap()[old..]);
        sizes.push(added);
        by_kind.entry(kind).or_default().push(added);
        commit(&mut map, &mut s, &w);
    }
    sizes.sort_unstable();
    let median = percentile(&sizes, 0.5);
    let p95 = percentile(&sizes, 0.95);
    println!(
        "chars per stored attempt (line + newline), {} attempts: median {median}, p95 {p95}, max {}",
        sizes.len(),
        sizes[sizes.len() - 1]
    );
    for (k, mut v) in by_kind {
        v.sort_unstable();
        println!("  kind {k}: n={} median {} p95 {}", v.len(), percentile(&v, 0.5), percentile(&v, 0.95));
    }
    assert!(median <= 120 && p95 <= 120, "goal: ≤ 120 characters per attempt");
    assert!(median <= 40, "regression: median {median}");
}

#[test]
fn a_school_year_of_100_pupils_fits_in_5_mb() {
    // Assumptions (documented in docs/storage.md): 36 weeks; each pupil does
    // 2 or 3 lessons a week on this computer (~90 lessons a year) out of a
    // catalogue of 120 lessons of 8–12 activities; 30% of activities retried
    // once, 10% twice; one progress entry per lesson; saved pseudonyms.
    let lessons: Vec<(String, Vec<(String, u64)>)> = {
        let mut rng = Rng(1);
        let subjects = [
            "fractions",
            "cycle-de-l-eau",
            "volcans",
            "revolution-francaise",
            "droit-auteur",
            "poesie",
            "geometrie-plane",
            "education-aux-medias",
        ];
        (0..120)
            .map(|i| {
                let id = format!("{}-{}", subjects[i % subjects.len()], i / subjects.len() + 1);
                let acts = (0..8 + rng.below(5)).map(|j| (format!("activite-{}", j + 1), rng.below(10))).collect();
                (id, acts)
            })
            .collect()
    };
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    let mut s = load(Vec::new()).store;
    let mut rng = Rng(36);
    let mut attempts_total = 0usize;
    let names = ["Renard", "Chat", "Hibou", "Tortue", "Baleine", "Abeille", "Ours", "Lapin", "Escargot", "Étoile"];
    for pupil in 0..100u64 {
        let pseudo = format!(
            "{} {}",
            names[pupil as usize % 10],
            ["bleu", "rouge", "vert", "malin", "rapide", "joyeux", "calme", "curieux", "sage", "doré"][pupil as usize / 10]
        );
        let (p, w) = s.create_profile(&pseudo, (pupil % 8) as u8, (pupil % 12) as u8, YEAR_START, rng.next_u64()).unwrap();
        commit(&mut map, &mut s, &w);
        // Build the pupil's year as an export file and import it in one batch
        // (the same encoding as one record_attempt per answer, far quicker).
        let mut attempts = Vec::new();
        let mut progress = Vec::new();
        let mut order: Vec<usize> = communs_core::text::seeded_shuffle(lessons.len(), pupil);
        order.truncate(36 * 3);
        let mut next = order.into_iter();
        for week in 0..36 {
            for session in 0..2 + rng.below(2) {
                let Some(li) = next.next() else { break };
                let (lesson, acts) = &lessons[li];
                let mut t = YEAR_START + week * WEEK + (session as i64 * 2 + 1) * 86_400 + 8 * 3_600 + rng.below(8 * 3_600) as i64;
                for (activity, kind) in acts {
                    let tries = 1 + u64::from(rng.chance(30)) + u64::from(rng.chance(10));
                    for _ in 0..tries {
                        t += 20 + rng.below(100) as i64;
                        let response = realistic_response(&mut rng, *kind);
                        let score = if rng.chance(60) { 100 } else { rng.below(101) };
                        attempts.push(serde_json::json!({
                            "id": AttemptId::from_random(rng.next_u64()).as_str(),
                            "at": t, "lesson": lesson, "activity": activity,
                            "score": score, "duration": 5 + rng.below(150),
                            "response": response,
                        }));
                    }
                }
                progress.push(serde_json::json!({"lesson": lesson, "status": "terminee", "position": acts.len(), "updated": t}));
            }
        }
        attempts_total += attempts.len();
        let export = serde_json::json!({
            "format": "communs-export", "version": 1, "exported_at": YEAR_START + 300 * 86_400,
            "pseudonym": pseudo,
            "profile": {"id": p.as_str(), "pseudonym": pseudo, "colour": 0, "avatar": 0, "created": YEAR_START},
            "progress": progress, "attempts": attempts,
        })
        .to_string();
        let (w, report) = import(&s, &export, &ImportLimits::default()).unwrap();
        assert_eq!(report.skipped, 0, "{:?}", report.problems);
        assert!(s.fits(&w, QUOTA_CHARS), "pupil {pupil} does not fit");
        commit(&mut map, &mut s, &w);
    }
    let total = s.used_chars();
    let meta = utf16_len(META_KEY) + utf16_len(s.raw_value(META_KEY).unwrap());
    let progress: usize = s.raw_pairs().filter(|(k, _)| k.ends_with(".progress")).map(|(k, v)| utf16_len(k) + utf16_len(v)).sum();
    let keys = s.raw_pairs().count();
    println!(
        "100 pupils × 36 weeks: {attempts_total} attempts ({} per pupil), {keys} keys, total {total} UTF-16 code units \
         ({:.1} % of {QUOTA_CHARS}); per attempt incl. keys {:.1}; meta {meta}, progress {progress}",
        attempts_total / 100,
        total as f64 * 100.0 / QUOTA_CHARS as f64,
        (total - meta - progress) as f64 / attempts_total as f64,
    );
    assert!(total <= QUOTA_CHARS, "{total} > {QUOTA_CHARS}");
    // And it reloads cleanly.
    let r = load(pairs(&map));
    assert!(r.problems.is_empty() && r.repairs.is_empty());
    let first = &r.store.profiles()[0].id;
    assert_eq!(r.store.attempts(first).len(), s.attempts(first).len());
}
