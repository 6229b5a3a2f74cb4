//! Planned writes: profiles, attempts, progress, erase, export reminder,
//! pseudonym advice, external changes from another tab, export/import and
//! the class file, and `merge_chunks` properties over seeded random data.

#[path = "storage_common.rs"]
mod common;

use common::*;
use communs_core::response::{Response, MAX_TEXT_CHARS};
use communs_core::storage::*;
use std::collections::BTreeMap;

const NOW: i64 = 1_760_000_000; // 2025-10-09

fn fresh() -> (BTreeMap<String, String>, Store) {
    (BTreeMap::new(), load(Vec::new()).store)
}

fn new_profile(map: &mut BTreeMap<String, String>, s: &mut Store, name: &str, r: u64) -> ProfileId {
    let (id, b) = s.create_profile(name, 2, 3, NOW, r).expect("created");
    commit(map, s, &b);
    id
}

fn attempt(at: i64, lesson: &str, activity: &str, response: Response) -> NewAttempt {
    NewAttempt { at, lesson: lesson.into(), activity: activity.into(), score: 100, duration: 10, response }
}

#[test]
fn profile_lifecycle() {
    let (mut map, mut s) = fresh();
    let a = new_profile(&mut map, &mut s, "  Renard   bleu ", 1);
    assert_eq!(a.as_str().len(), 8);
    assert_eq!(s.profile(&a).map(|p| p.pseudonym.as_str()), Some("Renard bleu"));
    assert_eq!(s.current(), Some(&a));
    let b = new_profile(&mut map, &mut s, "Chat", 1); // same random: another id
    assert_ne!(a, b);
    assert_eq!(s.current(), Some(&b));
    {
        let b = s.switch_profile(Some(&a)).unwrap();
        commit(&mut map, &mut s, &b);
    }
    assert_eq!(s.current(), Some(&a));
    {
        let b = s.rename_profile(&a, "Hibou malin").unwrap();
        commit(&mut map, &mut s, &b);
    }
    {
        let b = s.restyle_profile(&a, 7, 11).unwrap();
        commit(&mut map, &mut s, &b);
    }
    let p = s.profile(&a).unwrap();
    assert_eq!((p.pseudonym.as_str(), p.colour, p.avatar, p.created), ("Hibou malin", 7, 11, NOW));
    assert!(s.rename_profile(&a, "").is_err());
    assert!(s.rename_profile(&a, &"x".repeat(41)).is_err());
    assert!(s.restyle_profile(&a, 8, 0).is_err());
    assert!(s.restyle_profile(&a, 0, 12).is_err());
    assert!(s.create_profile("\u{0}", 0, 0, NOW, 3).is_err());
    let ghost = ProfileId::from_random(999);
    assert!(s.switch_profile(Some(&ghost)).is_err());
    assert!(s.rename_profile(&ghost, "x").is_err());
    // Everything survives a reload.
    let r = load(pairs(&map));
    assert!(r.repairs.is_empty() && r.problems.is_empty());
    assert_eq!(r.store.profiles(), s.profiles());
    assert_eq!(r.store.current(), Some(&a));
}

#[test]
fn attempts_round_trip_through_storage() {
    let (mut map, mut s) = fresh();
    let p = new_profile(&mut map, &mut s, "Renard bleu", 7);
    let long = "é".repeat(MAX_TEXT_CHARS + 50);
    let responses = vec![
        Response::Choices(vec![]),
        Response::Choices(vec![0, 63, 64, 255]),
        Response::Bool(true),
        Response::Bool(false),
        Response::Texts(vec![]),
        Response::Texts(vec![String::new()]),
        Response::Texts(vec!["a|b".into(), "c\\d".into(), "ligne\nsuivante\r\t".into(), "\u{1}\u{7f}".into()]),
        Response::Texts(vec!["« L’été » — 3,5 € 😀".into()]),
        Response::Order(vec![3, 1, 0, 2]),
        Response::Path(vec![0, 2, 1]),
    ];
    let mut ids = Vec::new();
    for (i, r) in responses.iter().enumerate() {
        let (id, b) = s.record_attempt(&p, attempt(NOW + i as i64 * 30, "lecon-1", &format!("q{i}"), r.clone()), 42).unwrap();
        assert!(!ids.contains(&id), "ids unique even with the same random");
        ids.push(id);
        commit(&mut map, &mut s, &b);
    }
    // Capped on the way in.
    let (_, b) = s
        .record_attempt(
            &p,
            NewAttempt {
                at: NOW + 1000,
                lesson: "lecon-1".into(),
                activity: "long".into(),
                score: 250,
                duration: 99_999,
                response: Response::Texts(vec![long.clone(); 70]),
            },
            43,
        )
        .unwrap();
    commit(&mut map, &mut s, &b);
    let reloaded = load(pairs(&map));
    assert!(reloaded.problems.is_empty(), "{:?}", reloaded.problems);
    let got = reloaded.store.attempts(&p);
    assert_eq!(got, s.attempts(&p));
    for (i, r) in responses.iter().enumerate() {
        assert_eq!(&got[i].response, r, "response {i}");
        assert_eq!(got[i].at, NOW + i as i64 * 30);
        assert_eq!(got[i].activity, format!("q{i}"));
    }
    let capped = got.last().unwrap();
    assert_eq!(capped.score, 100);
    assert_eq!(capped.duration, MAX_DURATION_SECS);
    let Response::Texts(t) = &capped.response else { panic!("texts") };
    assert_eq!(t.len(), MAX_LIST_LEN);
    assert_eq!(t[0].chars().count(), MAX_TEXT_CHARS);
    // Appended, not rewritten: the previous chunk value is a prefix of the new one.
    let key = format!("communs.p.{p}.2025-10");
    let before = map[&key].clone();
    let (_, b) = s.record_attempt(&p, attempt(NOW + 2000, "lecon-1", "q0", Response::Bool(true)), 5).unwrap();
    let op = b.ops.iter().find(|o| o.key == key).unwrap();
    assert!(op.value.as_ref().unwrap().starts_with(&before));
    assert_eq!(b.ops.len(), 1, "no index write when ids are already interned");
    // Invalid attempts are refused, not stored.
    assert!(s.record_attempt(&p, attempt(0, "l", "a", Response::Bool(true)), 1).is_err());
    assert!(s.record_attempt(&p, attempt(NOW, "", "a", Response::Bool(true)), 1).is_err());
    assert!(s.record_attempt(&p, attempt(NOW, &"l".repeat(81), "a", Response::Bool(true)), 1).is_err());
    assert!(s.record_attempt(&ProfileId::from_random(5), attempt(NOW, "l", "a", Response::Bool(true)), 1).is_err());
}

#[test]
fn attempts_go_to_their_month_chunk() {
    let (mut map, mut s) = fresh();
    let p = new_profile(&mut map, &mut s, "Renard bleu", 7);
    // 2025-10-31T23:59:59Z, 2025-11-01T00:00:00Z, 2024-02-29T12:00:00Z
    for (i, t) in [1_761_955_199i64, 1_761_955_200, 1_709_208_000].into_iter().enumerate() {
        let (_, b) = s.record_attempt(&p, attempt(t, "l", "a", Response::Bool(true)), i as u64).unwrap();
        commit(&mut map, &mut s, &b);
    }
    for month in ["2025-10", "2025-11", "2024-02"] {
        assert!(map.contains_key(&format!("communs.p.{p}.{month}")), "{month}");
    }
    assert_eq!(load(pairs(&map)).store.attempts(&p).len(), 3);
}

#[test]
fn progress_updates() {
    let (mut map, mut s) = fresh();
    let p = new_profile(&mut map, &mut s, "Renard bleu", 7);
    {
        let b = s.set_progress(&p, "lecon-1", LessonStatus::InProgress, 2, NOW).unwrap();
        commit(&mut map, &mut s, &b);
    }
    {
        let b = s.set_progress(&p, "lecon-1", LessonStatus::Done, 9, NOW + 10).unwrap();
        commit(&mut map, &mut s, &b);
    }
    {
        let b = s.set_progress(&p, "lecon-1", LessonStatus::InProgress, 1, NOW + 20).unwrap();
        commit(&mut map, &mut s, &b);
    }
    {
        let b = s.set_progress(&p, "lecon-2", LessonStatus::InProgress, 4, NOW + 30).unwrap();
        commit(&mut map, &mut s, &b);
    }
    let pr = load(pairs(&map)).store.progress(&p);
    assert_eq!(pr["lecon-1"], LessonProgress { status: LessonStatus::Done, position: 1, updated: NOW + 20 });
    assert_eq!(pr["lecon-2"].position, 4);
    assert!(s.set_progress(&p, "", LessonStatus::Done, 0, NOW).is_err());
    assert!(s.set_progress(&p, "x", LessonStatus::Done, 0, -5).is_err());
    // The merge rule is commutative and idempotent.
    let a = LessonProgress { status: LessonStatus::Done, position: 3, updated: 5 };
    let b = LessonProgress { status: LessonStatus::InProgress, position: 7, updated: 9 };
    assert_eq!(a.merge(&b), b.merge(&a));
    assert_eq!(a.merge(&a), a);
    assert_eq!(a.merge(&b).status, LessonStatus::Done);
}

#[test]
fn erase_a_profile_and_roll_back() {
    let (mut map, mut s) = fresh();
    let a = new_profile(&mut map, &mut s, "Renard bleu", 7);
    let b = new_profile(&mut map, &mut s, "Chat", 8);
    let mut rng = Rng(1);
    for i in 0..40 {
        let who = if i % 2 == 0 { &a } else { &b };
        let (_, w) = s.record_attempt(who, sample_attempt(&mut rng, NOW + i * 86_400), rng.next_u64()).unwrap();
        commit(&mut map, &mut s, &w);
    }
    {
        let b = s.set_progress(&a, "l", LessonStatus::Done, 1, NOW).unwrap();
        commit(&mut map, &mut s, &b);
    }
    let snapshot = map.clone();
    let del = s.delete_profile(&a).unwrap();
    assert_eq!(del.ops[0].key, META_KEY, "index first");
    let mut erased = map.clone();
    apply_ops(&mut erased, &del.ops);
    assert!(erased.keys().all(|k| !k.contains(a.as_str())), "all keys of the profile removed");
    assert!(erased.keys().any(|k| k.contains(b.as_str())));
    assert!(del.delta_chars() < 0);
    // Roll back after a failure half-way: the undo restores everything.
    let mut half = map.clone();
    apply_ops(&mut half, &del.ops[..del.ops.len() / 2]);
    // Undo entries past the failure point are harmless re-sets of old values.
    apply_ops(&mut half, &del.undo);
    assert_eq!(half, snapshot);
    commit(&mut map, &mut s, &del);
    assert!(s.profile(&a).is_none() && s.current() != Some(&a));
    assert_eq!(s.attempts(&a).len(), 0);
    assert_eq!(s.attempts(&b).len(), 20);
}

#[test]
fn quota_check_before_applying() {
    let (mut map, mut s) = fresh();
    let p = new_profile(&mut map, &mut s, "Renard bleu", 7);
    let (_, b) = s.record_attempt(&p, attempt(NOW, "l", "a", Response::Bool(true)), 1).unwrap();
    let used = s.used_chars();
    assert!(b.delta_chars() > 0);
    assert!(s.fits(&b, used + b.delta_chars() as usize));
    assert!(!s.fits(&b, used + b.delta_chars() as usize - 1));
    commit(&mut map, &mut s, &b);
    assert_eq!(s.used_chars(), used + b.delta_chars() as usize);
    assert_eq!(utf16_len("é😀"), 3);
}

#[test]
fn two_tabs_on_the_same_profile_keep_both_attempts() {
    let (mut map, mut tab1) = fresh();
    let p = new_profile(&mut map, &mut tab1, "Renard bleu", 7);
    let (_, w) = tab1.record_attempt(&p, attempt(NOW, "l", "a", Response::Bool(true)), 1).unwrap();
    commit(&mut map, &mut tab1, &w);
    let mut tab2 = load(pairs(&map)).store;
    // Both write the same chunk from the same state; tab2 writes last.
    let (id1, w1) = tab1.record_attempt(&p, attempt(NOW + 5, "l", "b", Response::Bool(true)), 11).unwrap();
    let (id2, w2) = tab2.record_attempt(&p, attempt(NOW + 6, "l", "c", Response::Bool(false)), 22).unwrap();
    apply_ops(&mut map, &w1.ops);
    tab1.apply(&w1);
    apply_ops(&mut map, &w2.ops);
    tab2.apply(&w2);
    // Tab 1 hears about tab 2's writes (storage events), in order.
    let mut fix = WriteBatch::default();
    for op in &w2.ops {
        fix = fix.then(tab1.on_external_change(&op.key, op.value.as_deref()));
    }
    assert!(!fix.is_empty(), "tab 1 must restore its lost attempt");
    commit(&mut map, &mut tab1, &fix);
    for op in &fix.ops {
        let _ = tab2.on_external_change(&op.key, op.value.as_deref());
    }
    let ids: Vec<AttemptId> = load(pairs(&map)).store.attempts(&p).into_iter().map(|a| a.id).collect();
    assert!(ids.contains(&id1) && ids.contains(&id2), "{ids:?}");
    assert_eq!(ids.len(), 3);
    assert_eq!(tab2.attempts(&p).len(), 3);
}

#[test]
fn merge_chunks_properties() {
    let (mut map, mut s) = fresh();
    let p = new_profile(&mut map, &mut s, "Renard bleu", 7);
    let mut rng = Rng(77);
    // A pool of real encoded lines, from real attempts.
    let mut pool: Vec<String> = Vec::new();
    for i in 0..200 {
        let (_, w) = s.record_attempt(&p, sample_attempt(&mut rng, NOW + i * 60), rng.next_u64()).unwrap();
        commit(&mut map, &mut s, &w);
    }
    for (k, v) in &map {
        if k.ends_with("2025-10") {
            pool.extend(v.lines().skip(1).map(str::to_string));
        }
    }
    pool.push("ligne abîmée".into());
    pool.push("AAAAAAAA0 0 0 0 x".into());
    // Same id, different content: a deterministic winner.
    let first = pool[0].clone();
    pool.push(format!("{}{}", &first[..first.len() - 1], "9"));
    let chunk = |rng: &mut Rng| -> String {
        let n = rng.below(30);
        let mut v = String::from("#3\n");
        for _ in 0..n {
            let l: &String = rng.pick(&pool);
            v.push_str(l);
            v.push('\n');
        }
        v
    };
    for _ in 0..500 {
        let (a, b, c) = (chunk(&mut rng), chunk(&mut rng), chunk(&mut rng));
        let ab = merge_chunks(&a, &b);
        assert_eq!(ab, merge_chunks(&b, &a), "commutative");
        assert_eq!(merge_chunks(&ab, &ab), ab, "idempotent");
        assert_eq!(merge_chunks(&ab, &a), ab, "absorbs its inputs");
        assert_eq!(merge_chunks(&merge_chunks(&a, &b), &c), merge_chunks(&a, &merge_chunks(&b, &c)), "associative");
        // Union: every id of a and b is in ab, once.
        let ids = |v: &str| -> std::collections::BTreeSet<String> { v.lines().skip(1).map(|l| l.chars().take(8).collect()).collect() };
        let union: std::collections::BTreeSet<String> = ids(&a).union(&ids(&b)).cloned().collect();
        assert_eq!(ids(&ab), union);
        let lines: Vec<&str> = ab.lines().skip(1).collect();
        let distinct: std::collections::BTreeSet<&&str> = lines.iter().collect();
        assert_eq!(distinct.len(), lines.len(), "no line twice");
    }
    // Foreign values are kept as lines, not dropped.
    let m = merge_chunks("", "n'importe quoi");
    assert!(m.contains("n'importe quoi"));
}

#[test]
fn real_name_advice() {
    let yes =
        ["Léa Martin", "Jean-Pierre Dupont", "Chloé O'Neil", "Jean de La Fontaine", "Jeanne d’Arc", "Émile Zola", "Ana María López"];
    let no = [
        "Renard bleu",
        "lea42",
        "Chat",
        "LÉA MARTIN",
        "léa martin",
        "Léa",
        "Renard Bleu42",
        "",
        "  ",
        "Léa-",
        "Léa  -Martin",
        "de Gaulle",
        "Capitaine 1",
    ];
    for n in yes {
        assert!(looks_like_real_name(n), "{n}");
    }
    for n in no {
        assert!(!looks_like_real_name(n), "{n}");
    }
}

#[test]
fn export_reminder() {
    let day = 86_400;
    let cases = [
        (NOW, None, 0, false),
        (NOW, None, 9, false),
        (NOW, None, 10, true),
        (NOW, Some(NOW - day), 3, false),
        (NOW, Some(NOW - 7 * day), 1, true),
        (NOW, Some(NOW - 7 * day), 0, false),
        (NOW, Some(NOW - day), 50, true),
        (NOW, Some(NOW + 30 * day), 1, true),
        (i64::MIN, Some(i64::MAX), 1, true),
        (i64::MAX, Some(i64::MIN), 1, true),
    ];
    for (now, last, n, want) in cases {
        assert_eq!(export_reminder_due(now, last, n), want, "{now} {last:?} {n}");
    }
    let (mut map, mut s) = fresh();
    let p = new_profile(&mut map, &mut s, "Renard bleu", 7);
    for i in 0..3 {
        let (_, w) = s.record_attempt(&p, attempt(NOW + i, "l", "a", Response::Bool(true)), i as u64).unwrap();
        commit(&mut map, &mut s, &w);
    }
    assert_eq!(s.attempts_since_export(&p), 3);
    {
        let b = s.mark_exported(&p, NOW + 10).unwrap();
        commit(&mut map, &mut s, &b);
    }
    assert_eq!(s.attempts_since_export(&p), 0);
    assert_eq!(load(pairs(&map)).store.profile(&p).unwrap().last_export, Some(NOW + 10));
}

#[test]
fn export_then_import_elsewhere() {
    let (mut map, mut s) = fresh();
    let p = new_profile(&mut map, &mut s, "Renard bleu", 7);
    let mut rng = Rng(3);
    for i in 0..120 {
        let (_, w) = s.record_attempt(&p, sample_attempt(&mut rng, NOW + i * 3_600), rng.next_u64()).unwrap();
        commit(&mut map, &mut s, &w);
    }
    {
        let b = s.set_progress(&p, "lecon-01-eau", LessonStatus::Done, 8, NOW).unwrap();
        commit(&mut map, &mut s, &b);
    }
    let text = s.export_profile(&p, NOW + 999_999).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format"], "communs-export");
    assert_eq!(doc["pseudonym"], "Renard bleu");
    assert!(doc["attempts"][0]["lesson"].is_string(), "ids as strings, not interned");
    // Another computer with its own profiles and id table.
    let (mut map2, mut s2) = fresh();
    let other = new_profile(&mut map2, &mut s2, "Chat", 9);
    let (_, w) = s2.record_attempt(&other, attempt(NOW, "autre-lecon", "z", Response::Bool(true)), 1).unwrap();
    commit(&mut map2, &mut s2, &w);
    let (w, report) = import(&s2, &text, &ImportLimits::default()).unwrap();
    assert!(report.created);
    assert_eq!((report.added, report.already_present, report.skipped), (120, 0, 0));
    commit(&mut map2, &mut s2, &w);
    let s2r = load(pairs(&map2)).store;
    assert_eq!(s2r.attempts(&p), s.attempts(&p));
    assert_eq!(s2r.progress(&p), s.progress(&p));
    assert_eq!(s2r.attempts(&other).len(), 1, "nothing already stored is lost");
    assert_eq!(s2r.current(), Some(&p));
    assert_eq!(s2r.profile(&p).unwrap().last_export, Some(NOW + 999_999));
    // Importing again adds nothing; importing into the source adds nothing.
    let (w, report) = import(&s2, &text, &ImportLimits::default()).unwrap();
    assert_eq!((report.added, report.already_present), (0, 120));
    assert!(w.ops.iter().all(|o| o.key == META_KEY), "only `current` may change: {:?}", w.ops.len());
    let (_, report) = import(&s, &text, &ImportLimits::default()).unwrap();
    assert_eq!(report.added, 0);
}

#[test]
fn import_fixture_merges_into_existing_profile() {
    let mut map = fixture("v3.json");
    let mut s = load(pairs(&map)).store;
    let (w, report) = import(&s, &fixture_text("export-v1.json"), &ImportLimits::default()).unwrap();
    assert!(!report.created);
    assert_eq!((report.added, report.already_present, report.skipped), (1, 1, 2));
    assert_eq!(report.problems.len(), 2);
    commit(&mut map, &mut s, &w);
    let p = ProfileId::parse("rEnArd01").unwrap();
    let a = s.attempts(&p);
    assert_eq!(a.len(), 5);
    assert!(a.iter().any(|x| x.lesson == "fractions-2" && x.response == Response::Texts(vec!["« un demi »".into()])));
    assert_eq!(a[0].duration, 12, "the stored version of a0000001 is kept");
    assert_eq!(s.profile(&p).unwrap().pseudonym, "Renard bleu");
}

#[test]
fn hostile_imports_are_refused_cleanly() {
    let s = load(pairs(&fixture("v3.json"))).store;
    let good = fixture_text("export-v1.json");
    let limits = ImportLimits::default();
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let very_deep_in_field = good.replacen("\"attempts\":", &format!("\"x\":{}1{},\"attempts\":", "[".repeat(20), "]".repeat(20)), 1);
    let cases: Vec<(String, StorageError)> = vec![
        (String::new(), StorageError::BadJson),
        ("pas du json".into(), StorageError::BadJson),
        ("null".into(), StorageError::UnknownFormat),
        ("[]".into(), StorageError::UnknownFormat),
        (deep, StorageError::TooDeep),
        (very_deep_in_field, StorageError::TooDeep),
        (good.replace("communs-export", "autre-chose"), StorageError::UnknownFormat),
        (good.replace("\"version\": 1", "\"version\": 99"), StorageError::NewerExport { format: 99 }),
        (good.replace("\"version\": 1", "\"version\": \"1\""), StorageError::NoVersion),
        (good.replace("\"id\": \"rEnArd01\"", "\"id\": \"../../etc\""), StorageError::BadProfileId),
        (
            good.replace("\"pseudonym\": \"Renard bleu\",\n  \"colour\"", "\"pseudonym\": \"\",\n  \"colour\""),
            StorageError::BadPseudonym,
        ),
        (good.replace("\"exported_at\": 1761000000", "\"exported_at\": -1"), StorageError::BadExportDate),
        (good.replace("\"colour\": 4", "\"colour\": \"rouge\""), StorageError::BadProfileRecord),
        (
            format!("{{\"format\":\"communs-export\",\"version\":1,\"x\":\"{}\"}}", "a".repeat(9_000_000)),
            StorageError::FileTooLarge { max_mb: 8 },
        ),
    ];
    for (text, expect) in cases {
        match import(&s, &text, &limits) {
            Ok(_) => panic!("accepted: {}", text.chars().take(80).collect::<String>()),
            Err(e) => assert_eq!(e, expect, "{}", text.chars().take(80).collect::<String>()),
        }
    }
    let tight = ImportLimits { max_attempts: 2, ..limits };
    assert!(import(&s, &good, &tight).is_err());
    // Junk in the attempts list is skipped, the rest imported.
    let junk = good.replace("\"attempts\": [", "\"attempts\": [1, \"x\", null, {}, [], {\"id\":\"zzzzzzzz\"},");
    let (_, report) = import(&s, &junk, &limits).unwrap();
    assert_eq!(report.skipped, 8);
    assert_eq!(report.added, 1);
}

#[test]
fn random_mutations_of_an_export_never_panic() {
    let s = load(pairs(&fixture("v3.json"))).store;
    let good = fixture_text("export-v1.json");
    let mut rng = Rng(5);
    let chars: Vec<char> = good.chars().collect();
    for _ in 0..2000 {
        let mut c = chars.clone();
        for _ in 0..1 + rng.below(4) {
            let i = rng.below(c.len() as u64) as usize;
            match rng.below(3) {
                0 => c[i] = *rng.pick(&['{', '}', '[', ']', '"', ',', '0', '9', '-', 'x', ':', '\\']),
                1 => {
                    c.remove(i);
                }
                _ => c.insert(i, *rng.pick(&['{', '[', '"', '1', 'é'])),
            }
        }
        let text: String = c.into_iter().collect();
        if let Ok((w, _)) = import(&s, &text, &ImportLimits::default()) {
            let mut map = fixture("v3.json");
            apply_ops(&mut map, &w.ops);
            let r = load(pairs(&map));
            assert!(r.repairs.is_empty(), "an import wrote something load wants to repair: {:?}", r.repairs.ops);
        }
        let _ = build_class_file(&[&text, &good]);
    }
}

#[test]
fn class_file_from_several_exports() {
    let (mut map, mut s) = fresh();
    let mut rng = Rng(8);
    let mut exports = Vec::new();
    for (i, name) in ["Renard bleu", "chat", "Abeille"].iter().enumerate() {
        let p = new_profile(&mut map, &mut s, name, 100 + i as u64);
        for j in 0..10 {
            let (_, w) = s.record_attempt(&p, sample_attempt(&mut rng, NOW + j * 60), rng.next_u64()).unwrap();
            commit(&mut map, &mut s, &w);
        }
        exports.push(s.export_profile(&p, NOW + 1000).unwrap());
    }
    // The same pupil saved twice, later with more attempts.
    let renard = s.profiles()[0].id.clone();
    let (_, w) = s.record_attempt(&renard, sample_attempt(&mut rng, NOW + 5000), rng.next_u64()).unwrap();
    commit(&mut map, &mut s, &w);
    exports.push(s.export_profile(&renard, NOW + 6000).unwrap());
    exports.push("pas un export".into());
    exports.push(fixture_text("export-v1.json"));
    let refs: Vec<&str> = exports.iter().map(String::as_str).collect();
    let class = build_class_file(&refs);
    let problems = class.problems;
    let doc: serde_json::Value = serde_json::from_str(&class.text).unwrap();
    assert_eq!(doc["format"], "communs-class");
    let pupils = doc["pupils"].as_array().unwrap();
    // Renard bleu (twice) and the fixture's rEnArd01 are different profile ids.
    assert_eq!(pupils.len(), 4);
    assert_eq!(class.pupils, 4);
    let names: Vec<&str> = pupils.iter().map(|p| p["pseudonym"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Abeille", "chat", "Renard bleu", "Renard bleu"]);
    let merged = pupils.iter().find(|p| p["id"] == renard.as_str()).unwrap();
    assert_eq!(merged["attempts"].as_array().unwrap().len(), 11);
    assert!(problems.iter().any(|(i, m)| *i == 4 && *m == ClassProblem::Rejected(StorageError::BadJson)));
    assert!(problems.iter().any(|(i, _)| *i == 5), "partly invalid file reported");
    assert!(problems.iter().all(|(i, _)| *i >= 4));
    let empty = build_class_file(&[]);
    assert!(empty.text.contains("\"pupils\":[]") && empty.problems.is_empty() && empty.pupils == 0);
}
