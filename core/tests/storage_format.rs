//! The stored and exported formats, byte for byte: a known store built by
//! planned writes (schema v3), the v2 fixture migrated to v3, the export of
//! the v2 fixture and a class file are compared with golden files of
//! `tests/fixtures/storage/`; v2 attempts made in the same second keep the
//! order of their lines when migrated. A change of
//! encoding, key or field order fails here; on a mismatch the text produced
//! is written next to the test's target directory to be inspected.

#[path = "storage_common.rs"]
mod common;

use common::*;
use communs_core::response::Response;
use communs_core::storage::*;
use std::collections::BTreeMap;

const NOW: i64 = 1_760_000_000; // 2025-10-09

/// Fails unless `actual` equals the golden file `name`; writes `actual`
/// under the target's temporary directory when it does not.
fn assert_golden(name: &str, actual: &str) {
    let path = format!("{}/tests/fixtures/storage/{name}", env!("CARGO_MANIFEST_DIR"));
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        let out = format!("{}/{name}", env!("CARGO_TARGET_TMPDIR"));
        let _ = std::fs::write(&out, actual);
        panic!("{name} differs from what was produced (written to {out})");
    }
}

fn pretty(map: &BTreeMap<String, String>) -> String {
    serde_json::to_string_pretty(map).expect("a map of strings") + "\n"
}

/// Two profiles, attempts of every response kind (with characters that
/// need escaping) over two months, progress, a rename, an export mark. Two
/// sessions: the first adds every activity to the tables (its lines name
/// them by their ids), the second, after a new load, refers to them by
/// position, and answers twice in one second.
fn known_store() -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let mut s = load(Vec::new()).store;
    let (renard, b) = s.create_profile("Renard bleu", 4, 0, NOW, 1).expect("created");
    commit(&mut map, &mut s, &b);
    let (hibou, b) = s.create_profile("  Hibou   gris ", 1, 2, NOW + 60, 2).expect("created");
    commit(&mut map, &mut s, &b);
    let attempts = [
        (&renard, NOW - 40 * 86_400, "fractions-1", "q1", 100, Response::Choices(vec![1])),
        (&renard, NOW + 10, "fractions-1", "q2", 50, Response::Texts(vec!["trois quarts | ou \\ pas".into(), "2\n".into()])),
        (&renard, NOW + 20, "l’eau", "vf-1", 0, Response::Bool(false)),
        (&renard, NOW + 30, "l’eau", "ordre", 100, Response::Order(vec![2, 0, 1])),
        (&hibou, NOW + 40, "l’eau", "vf-1", 100, Response::Bool(true)),
        (&hibou, NOW + 50, "scenario", "s", 80, Response::Path(vec![0, 1, 70])),
        (&hibou, NOW + 60, "fractions-1", "vide", 0, Response::Texts(Vec::new())),
    ];
    for (i, (p, at, lesson, activity, score, response)) in attempts.into_iter().enumerate() {
        let a = NewAttempt { at, lesson: lesson.into(), activity: activity.into(), score, duration: 12, response };
        let (_, b) = s.record_attempt(p, a, 100 + i as u64).expect("recorded");
        commit(&mut map, &mut s, &b);
    }
    // A new session: the tables are known now.
    let r = load(pairs(&map));
    assert!(r.repairs.is_empty(), "{:?}", r.repairs);
    s = r.store;
    for (i, score) in [30, 70].into_iter().enumerate() {
        let a = NewAttempt {
            at: NOW + 70,
            lesson: "l’eau".into(),
            activity: "vf-1".into(),
            score,
            duration: 1,
            response: Response::Bool(i == 1),
        };
        let (_, b) = s.record_attempt(&renard, a, 200 + i as u64).expect("recorded");
        commit(&mut map, &mut s, &b);
    }
    for (p, lesson, status, position, at) in [
        (&renard, "fractions-1", LessonStatus::Done, 9, NOW + 100),
        (&renard, "l’eau", LessonStatus::InProgress, 2, NOW + 110),
        (&hibou, "scenario", LessonStatus::InProgress, 1, NOW + 120),
    ] {
        let b = s.set_progress(p, lesson, status, position, at).expect("progress");
        commit(&mut map, &mut s, &b);
    }
    let b = s.rename_profile(&hibou, "Hibou").expect("renamed");
    commit(&mut map, &mut s, &b);
    let b = s.mark_exported(&hibou, NOW + 200).expect("marked");
    commit(&mut map, &mut s, &b);
    let b = s.switch_profile(Some(&renard)).expect("switched");
    commit(&mut map, &mut s, &b);
    map
}

#[test]
fn a_known_store_is_encoded_as_the_golden_file() {
    let map = known_store();
    assert_golden("encoded-v3.json", &pretty(&map));
    // And it loads back clean.
    let again = load(pairs(&map));
    assert!(again.repairs.is_empty() && again.problems.is_empty(), "{:?}", again.problems);
}

#[test]
fn the_v2_fixture_migrates_as_the_golden_file() {
    let mut map = fixture("v2.json");
    let r = load_and_repair(&mut map);
    assert_eq!(r.migrated_from, Some(2));
    assert_eq!(r.problems.iter().map(|p| &p.code).collect::<Vec<_>>(), [&ProblemCode::Migrated { from: 2, to: 3 }]);
    assert!(r.quarantined.is_empty());
    assert_golden("migrated-from-v2.json", &pretty(&map));
    // Nothing lost: the same attempts and progress as read from v2.
    let before = fixture("v2.json");
    for id in ["rEnArd01", "h1b0u002"] {
        let id = ProfileId::parse(id).expect("valid id");
        assert_eq!(r.store.attempts(&id).len(), if id.as_str() == "rEnArd01" { 4 } else { 1 });
        let v3 = load(pairs(&map)).store;
        assert_eq!(v3.attempts(&id), r.store.attempts(&id));
        assert_eq!(v3.progress(&id), r.store.progress(&id));
    }
    assert_eq!(map["communs.settings"], before["communs.settings"]);
    // Undo gives back the v2 snapshot exactly.
    let mut undone = map.clone();
    apply_ops(&mut undone, &r.repairs.undo);
    assert_eq!(undone, before);
}

#[test]
fn v2_attempts_of_the_same_second_keep_the_order_of_their_lines() {
    let mut map = fixture("v2-same-second.json");
    let r = load_and_repair(&mut map);
    assert_eq!(r.migrated_from, Some(2));
    let id = ProfileId::parse("rEnArd01").expect("valid id");
    // Lines c…, b…, a… in the chunk (appended in that order); v2 read them
    // back by id (a, b, c). v3 stores their rank: the order they were made.
    let ids: Vec<String> = r.store.attempts(&id).iter().map(|a| a.id.as_str().to_string()).collect();
    assert_eq!(ids, ["c0000001", "b0000002", "a0000003", "a0000004"]);
    assert_eq!(
        map["communs.p.rEnArd01.2025-09"],
        "#3\nc00000014KO8 0 0 5 c1\nb00000024KO8.1 0 1A 5 c0\na00000034KO8.2 0 u 5 c2\na00000044KP4 0 1A 5 c0\n"
    );
    assert_eq!(map["communs.p.rEnArd01.progress"], "{\"v\":3,\"l\":[[0,0,1,1757925000]]}");
    let again = load(pairs(&map)).store;
    assert_eq!(again.attempts(&id), r.store.attempts(&id));
}

#[test]
fn the_v2_fixture_exports_as_the_golden_file() {
    let s = load(pairs(&fixture("v2.json"))).store;
    let id = ProfileId::parse("rEnArd01").expect("valid id");
    let doc = s.export_profile(&id, NOW).expect("exported");
    assert_golden("export-of-v2.json", &(doc + "\n"));
}

#[test]
fn a_class_file_is_written_as_the_golden_file() {
    let s = load(pairs(&fixture("v2.json"))).store;
    let hibou = s.export_profile(&ProfileId::parse("h1b0u002").expect("valid id"), NOW).expect("exported");
    let class = build_class_file(&[&fixture_text("export-v1.json"), &hibou]);
    assert_eq!(class.pupils, 2);
    // The fixture export holds two invalid attempts on purpose.
    let files: Vec<usize> = class.problems.iter().map(|(i, _)| *i).collect();
    assert_eq!(files, vec![0, 0]);
    assert_golden("class-of-fixtures.json", &(class.text + "\n"));
}
