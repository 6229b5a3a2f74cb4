//! The order of attempts made in the same second (schema v3 ranks them), an
//! answer and its lesson position planned as one batch, and « Effacer ma
//! progression », which keeps the profile.

#[path = "storage_common.rs"]
mod common;

use common::*;
use communs_core::response::Response;
use communs_core::storage::*;
use std::collections::BTreeMap;

const NOW: i64 = 1_760_000_000; // 2025-10-09

fn answer(lesson: &str, activity: &str, at: i64, score: u8) -> NewAttempt {
    NewAttempt { at, lesson: lesson.into(), activity: activity.into(), score, duration: 3, response: Response::Choices(vec![1]) }
}

fn fresh() -> (BTreeMap<String, String>, Store, ProfileId) {
    let mut map = BTreeMap::new();
    let mut s = load(Vec::new()).store;
    let (p, b) = s.create_profile("Renard bleu", 4, 0, NOW, 1).unwrap();
    commit(&mut map, &mut s, &b);
    (map, s, p)
}

/// Random numbers whose attempt ids sort in the given direction.
fn randoms_with_descending_ids(n: usize) -> Vec<u64> {
    let mut r: Vec<u64> = (0..200).collect();
    r.sort_by_key(|x| std::cmp::Reverse(AttemptId::from_random(*x)));
    r.truncate(n);
    r
}

#[test]
fn attempts_in_the_same_second_keep_the_order_they_were_made_in() {
    let (mut map, mut s, p) = fresh();
    // Ids made to sort the other way round: the old order (time, then id)
    // would show the last answer first.
    let randoms = randoms_with_descending_ids(5);
    for (i, r) in randoms.iter().enumerate() {
        let (_, b) = s.record_attempt(&p, answer("fractions-1", "q1", NOW, i as u8 * 10), *r).unwrap();
        commit(&mut map, &mut s, &b);
    }
    let scores: Vec<u8> = s.attempts(&p).iter().map(|a| a.score).collect();
    assert_eq!(scores, [0, 10, 20, 30, 40]);
    let at: Vec<u8> = s.attempts_at(&p, "fractions-1", "q1").iter().map(|a| a.score).collect();
    assert_eq!(at, [0, 10, 20, 30, 40]);
    // A new load reads the same order; so does an export imported elsewhere.
    let again = load(pairs(&map));
    assert!(again.repairs.is_empty() && again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.store.attempts(&p), s.attempts(&p));
    let doc = s.export_profile(&p, NOW + 10).unwrap();
    let (b, report) = import(&load(Vec::new()).store, &doc, &ImportLimits::default()).unwrap();
    assert_eq!(report.added, 5);
    let mut other = load(Vec::new()).store;
    other.apply(&b);
    let scores: Vec<u8> = other.attempts(&p).iter().map(|a| a.score).collect();
    assert_eq!(scores, [0, 10, 20, 30, 40]);
    // The class file keeps it too.
    let class = build_class_file(&[&doc]);
    let v: serde_json::Value = serde_json::from_str(&class.text).unwrap();
    let scores: Vec<u64> = v["pupils"][0]["attempts"].as_array().unwrap().iter().map(|a| a["score"].as_u64().unwrap()).collect();
    assert_eq!(scores, [0, 10, 20, 30, 40]);
    // Ranks cost nothing when the second holds one attempt only.
    let chunk = map.iter().find(|(k, _)| k.starts_with("communs.p.") && !k.ends_with("progress")).unwrap().1;
    assert_eq!(chunk.lines().filter(|l| l.contains('.')).count(), 4, "{chunk}");
}

#[test]
fn a_merge_of_two_tabs_keeps_the_ranks() {
    let (mut map, mut s, p) = fresh();
    for (i, r) in randoms_with_descending_ids(3).iter().enumerate() {
        let (_, b) = s.record_attempt(&p, answer("fractions-1", "q1", NOW, i as u8), *r).unwrap();
        commit(&mut map, &mut s, &b);
    }
    let key = map.keys().find(|k| k.ends_with("2025-10")).unwrap().clone();
    let merged = merge_chunks(&map[&key], "#3\n");
    let b = WriteBatch { ops: vec![WriteOp { key: key.clone(), value: Some(merged) }], undo: Vec::new() };
    commit(&mut map, &mut s, &b);
    let scores: Vec<u8> = s.attempts(&p).iter().map(|a| a.score).collect();
    assert_eq!(scores, [0, 1, 2]);
}

#[test]
fn an_answer_and_its_lesson_position_are_one_batch() {
    let (mut map, mut s, p) = fresh();
    let order: Vec<String> = ["q1", "q2", "q3"].iter().map(|s| s.to_string()).collect();
    // Lesson opened: en cours at 0.
    let b = s.set_progress(&p, "fractions-1", LessonStatus::InProgress, 0, NOW).unwrap();
    commit(&mut map, &mut s, &b);
    // Answering q2: the attempt and the position 2 (next activity) together.
    let (id, b) = s.record_answer(&p, answer("fractions-1", "q2", NOW + 5, 100), 9, &order).unwrap();
    let keys: Vec<&str> = b.ops.iter().map(|o| o.key.as_str()).collect();
    assert!(keys.iter().any(|k| k.ends_with(".progress")), "{keys:?}");
    assert!(keys.iter().any(|k| k.ends_with(".2025-10")), "{keys:?}");
    commit(&mut map, &mut s, &b);
    assert!(s.has_attempt(&p, &id));
    assert_eq!(s.lesson_progress(&p, "fractions-1").map(|l| (l.status, l.position)), Some((LessonStatus::InProgress, 2)));
    // Answering q1 afterwards does not move it back; no progress write.
    let (_, b) = s.record_answer(&p, answer("fractions-1", "q1", NOW + 9, 100), 10, &order).unwrap();
    assert!(b.ops.iter().all(|o| !o.key.ends_with(".progress")));
    commit(&mut map, &mut s, &b);
    // The last activity: the position stays on it.
    let (_, b) = s.record_answer(&p, answer("fractions-1", "q3", NOW + 12, 0), 11, &order).unwrap();
    commit(&mut map, &mut s, &b);
    assert_eq!(s.lesson_progress(&p, "fractions-1").map(|l| l.position), Some(2));
    // A finished lesson is left as it is.
    let b = s.set_progress(&p, "fractions-1", LessonStatus::Done, 3, NOW + 20).unwrap();
    commit(&mut map, &mut s, &b);
    let (_, b) = s.record_answer(&p, answer("fractions-1", "q1", NOW + 30, 50), 12, &order).unwrap();
    assert_eq!(b.ops.len(), 1, "the attempt only");
    commit(&mut map, &mut s, &b);
    assert_eq!(s.lesson_progress(&p, "fractions-1").map(|l| (l.status, l.position)), Some((LessonStatus::Done, 3)));
    // Without progress yet, answering starts the lesson at the next activity.
    let (_, b) = s.record_answer(&p, answer("l’eau", "vf", NOW + 40, 50), 13, &["vf".to_string(), "fin".to_string()]).unwrap();
    commit(&mut map, &mut s, &b);
    assert_eq!(s.lesson_progress(&p, "l’eau").map(|l| (l.status, l.position)), Some((LessonStatus::InProgress, 1)));
    assert_eq!(s.attempts(&p).len(), 5);
}

#[test]
fn erasing_the_progress_keeps_the_profile() {
    let mut map = fixture("v3.json");
    let r = load_and_repair(&mut map);
    let mut s = r.store;
    let renard = ProfileId::parse("rEnArd01").unwrap();
    let hibou = ProfileId::parse("h1b0u002").unwrap();
    let before = s.profile(&renard).cloned().unwrap();
    let hibou_before = (s.attempts(&hibou), s.progress(&hibou));
    assert!(!s.attempts(&renard).is_empty() && !s.progress(&renard).is_empty());
    let b = s.erase_progress(&renard).unwrap();
    // Only removals of the profile's own keys; the index is not touched.
    assert!(b.ops.iter().all(|o| o.value.is_none() && o.key.starts_with("communs.p.rEnArd01.")), "{:?}", b.ops);
    assert_eq!(b.ops.len(), 3);
    commit(&mut map, &mut s, &b);
    assert!(s.attempts(&renard).is_empty());
    assert!(s.progress(&renard).is_empty());
    assert_eq!(s.profile(&renard), Some(&before));
    assert_eq!(s.current(), Some(&renard));
    assert_eq!((s.attempts(&hibou), s.progress(&hibou)), hibou_before);
    assert_eq!(s.attempts_since_export(&renard), 0);
    // A new load agrees, and the undo gives everything back.
    let again = load(pairs(&map));
    assert!(again.repairs.is_empty() && again.problems.is_empty());
    assert_eq!(again.store.profile(&renard), Some(&before));
    let mut undone = map.clone();
    apply_ops(&mut undone, &b.undo);
    assert_eq!(load(pairs(&undone)).store.attempts(&renard).len(), 4);
    // Unknown profile, read-only store: refused.
    assert_eq!(s.erase_progress(&ProfileId::parse("inconnu1").unwrap()), Err(StorageError::UnknownProfile));
    let future = load(pairs(&fixture("future.json"))).store;
    assert!(matches!(future.erase_progress(&renard), Err(StorageError::ReadOnly { .. })));
    // Erasing an empty profile plans nothing.
    assert!(s.erase_progress(&renard).unwrap().is_empty());
}
