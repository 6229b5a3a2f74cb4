//! Helpers shared by the competency tests (included with `#[path]`): a tiny
//! seeded generator, attempts, times written `yyyy-mm-ddThh:mm`, and random
//! catalogues and attempt sets.
#![allow(dead_code)]

use communs_core::competency::ActivityEvidence;
use communs_core::response::Response;
use communs_core::storage::{Attempt, AttemptId, Timestamp};

#[path = "common/rng.rs"]
mod rng;
pub use rng::Rng;

/// An attempt with a random id.
pub fn attempt(rng: &mut Rng, lesson: &str, activity: &str, at: Timestamp, score: u8) -> Attempt {
    Attempt {
        id: AttemptId::from_random(rng.next_u64()),
        at,
        lesson: lesson.to_string(),
        activity: activity.to_string(),
        score,
        duration: 30,
        response: Response::Bool(true),
    }
}

/// `2025-03-10T09:00` (UTC) as seconds since 1970.
pub fn time(s: &str) -> Timestamp {
    let n = |r: std::ops::Range<usize>| s[r].parse::<i64>().unwrap_or_else(|_| panic!("bad time {s}"));
    assert_eq!(s.len(), 16, "bad time {s}");
    let (y, m, d, h, min) = (n(0..4), n(5..7), n(8..10), n(11..13), n(14..16));
    // days from civil (Howard Hinnant)
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + h * 3_600 + min * 60
}

/// Competences used by random catalogues (a few, so that levels fill up).
pub const CODES: [&str; 5] = ["1.1", "2.2", "3.3", "4.2", "5.2"];
/// EMI codes used by random catalogues (goals and items).
pub const EMI_CODES: [&str; 6] = ["EMI1", "EMI2.1", "EMI3", "EMI3.2", "EMI4", "EMI4.5"];

/// A random, valid catalogue: 1–5 lessons of 1–12 activities, levels 1–5,
/// about one activity in ten participation-only (with codes all the same).
pub fn random_catalogue(rng: &mut Rng) -> Vec<ActivityEvidence> {
    let mut out = Vec::new();
    for l in 0..1 + rng.below(5) {
        for a in 0..1 + rng.below(12) {
            let mut crcn: Vec<(String, u8)> = Vec::new();
            for _ in 0..rng.below(3) {
                let code = rng.pick(&CODES).to_string();
                if !crcn.iter().any(|(c, _)| *c == code) {
                    crcn.push((code, 1 + rng.below(5) as u8));
                }
            }
            let emi = (0..rng.below(3)).map(|_| rng.pick(&EMI_CODES).to_string()).collect();
            out.push(ActivityEvidence {
                lesson: format!("lecon-{l}"),
                activity: format!("a{a}"),
                crcn,
                emi,
                participation_only: rng.chance(10),
                retired: false,
            });
        }
    }
    out
}

/// A score: mostly right or wrong, sometimes in between.
pub fn random_score(rng: &mut Rng) -> u8 {
    match rng.below(4) {
        0 => 100,
        1 => 0,
        _ => rng.below(101) as u8,
    }
}

/// Random attempts at the catalogue's activities (participation ones too),
/// with a few at unknown activities and a few scores above 100.
pub fn random_attempts(rng: &mut Rng, catalogue: &[ActivityEvidence], n: usize) -> Vec<Attempt> {
    let t0 = time("2025-01-06T08:00");
    (0..n)
        .map(|_| {
            let at = t0 + rng.below(60 * 86_400) as i64;
            if catalogue.is_empty() || rng.chance(3) {
                attempt(rng, "inconnue", "x", at, 100)
            } else if rng.chance(2) {
                let ev = rng.pick(catalogue).clone();
                let score = 101 + rng.below(155) as u8;
                attempt(rng, &ev.lesson, &ev.activity, at, score)
            } else {
                let ev = rng.pick(catalogue).clone();
                let score = random_score(rng);
                attempt(rng, &ev.lesson, &ev.activity, at, score)
            }
        })
        .collect()
}
