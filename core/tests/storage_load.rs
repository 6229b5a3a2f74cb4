//! Loading every fixture of `tests/fixtures/storage/`: each schema version,
//! corrupt and foreign data, a future schema, orphans; plus random hostile
//! snapshots. Loading must never panic, never lose a value, and reach a
//! fixpoint once its repairs are applied.

#[path = "storage_common.rs"]
mod common;

use common::*;
use communs_core::response::Response;
use communs_core::storage::*;
use std::collections::BTreeMap;

fn pid(s: &str) -> ProfileId {
    ProfileId::parse(s).expect("valid id")
}

/// Every original value must survive somewhere: unchanged, or quarantined
/// raw, or (for attempt chunks) line by line in the new chunk or quarantine.
fn assert_nothing_lost(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>, store: &Store) {
    let quarantine: Vec<&str> = store.quarantined().iter().map(|q| q.raw.as_str()).collect();
    for (k, v) in before.iter().filter(|(k, _)| k.starts_with(PREFIX)) {
        if after.get(k) == Some(v) || quarantine.contains(&v.as_str()) {
            continue;
        }
        if k.starts_with(PROFILE_PREFIX) && !k.ends_with(".progress") {
            // A chunk: each line is kept (maybe re-encoded) or quarantined.
            let new_ids: Vec<String> =
                after.get(k).map(|v| v.lines().map(|l| l.chars().take(8).collect()).collect()).unwrap_or_default();
            for line in v.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
                let id_v2: String = line.chars().take(8).collect();
                let id_v1 = serde_json::from_str::<serde_json::Value>(line)
                    .ok()
                    .and_then(|j| j.get("id").and_then(|i| i.as_str()).map(str::to_string));
                let kept = new_ids.contains(&id_v2) || id_v1.is_some_and(|i| new_ids.contains(&i));
                let set_aside = quarantine.iter().any(|q| q.lines().any(|ql| ql == line));
                assert!(kept || set_aside, "line lost from {k}: {line:?}");
            }
            continue;
        }
        if k == META_KEY || k.ends_with(".progress") {
            // Rewritten in v2: the v1 or partly bad original must be quarantined
            // or the data re-encoded (checked by the specific tests).
            continue;
        }
        panic!("value of {k} lost");
    }
}

#[test]
fn v3_fixture_loads_clean() {
    let mut map = fixture("v3.json");
    let before = map.clone();
    let r = load_and_repair(&mut map);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r.repairs.is_empty(), "{:?}", r.repairs.ops);
    assert_eq!(map, before);
    let s = &r.store;
    assert_eq!(s.profiles().len(), 2);
    assert_eq!(s.current(), Some(&pid("rEnArd01")));
    let a = s.attempts(&pid("rEnArd01"));
    assert_eq!(a.len(), 4);
    assert_eq!(a[0].lesson, "fractions-1");
    assert_eq!(a[0].activity, "q1");
    assert_eq!(a[0].at, 1_757_925_000);
    assert_eq!(a[0].response, Response::Choices(vec![1]));
    assert_eq!(a[1].response, Response::Texts(vec!["trois quarts | ou \\ pas".into(), "2".into()]));
    assert_eq!(a[2].lesson, "l’eau");
    assert_eq!(a[2].response, Response::Bool(true));
    assert_eq!(a[3].response, Response::Order(vec![2, 0, 1]));
    let hibou = s.attempts(&pid("h1b0u002"));
    assert_eq!(hibou.len(), 1);
    assert_eq!(hibou[0].at, 1_761_955_199, "last second of October stays in October");
    assert_eq!(hibou[0].response, Response::Path(vec![0, 1]));
    assert_eq!(s.profile(&pid("h1b0u002")).and_then(|p| p.last_export), Some(1_761_000_000));
    let p = s.progress(&pid("rEnArd01"));
    assert_eq!(p["fractions-1"].status, LessonStatus::Done);
    assert_eq!(p["l’eau"], LessonProgress { status: LessonStatus::InProgress, position: 2, updated: 1_758_016_900 });
    assert_eq!(s.raw_value("communs.settings"), Some("{\"theme\":\"sombre\"}"));
}

#[test]
fn v1_fixture_migrates_to_v3() {
    let mut map = fixture("v1.json");
    let before = map.clone();
    let r = load_and_repair(&mut map);
    assert_eq!(r.migrated_from, Some(1));
    assert_eq!(r.problems.len(), 1, "only the migration note: {:?}", r.problems);
    assert_eq!(r.problems[0].code, ProblemCode::Migrated { from: 1, to: 3 });
    assert!(r.quarantined.is_empty());
    // Same learner data as the hand-written v2 fixture.
    let v2 = load(pairs(&fixture("v2.json"))).store;
    for id in ["rEnArd01", "h1b0u002"] {
        assert_eq!(r.store.attempts(&pid(id)), v2.attempts(&pid(id)), "{id}");
        assert_eq!(r.store.progress(&pid(id)), v2.progress(&pid(id)), "{id}");
    }
    assert_eq!(r.store.profiles()[0].pseudonym, "Renard bleu");
    assert_eq!(r.store.current(), Some(&pid("rEnArd01")));
    // The migrated storage is v3 and smaller.
    assert!(map[META_KEY].starts_with("{\"v\":3"));
    assert!(map["communs.p.rEnArd01.2025-09"].starts_with("#3\n"));
    let size = |m: &BTreeMap<String, String>| m.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>();
    assert!(size(&map) < size(&before), "{} !< {}", size(&map), size(&before));
    // Undo gives back the v1 snapshot exactly.
    let mut undone = map.clone();
    apply_ops(&mut undone, &r.repairs.undo);
    assert_eq!(undone, before);
    assert_nothing_lost(&before, &map, &r.store);
}

#[test]
fn interrupted_migration_is_finished_by_the_next_load() {
    // The app wrote the v2 meta and one chunk, then the tab closed.
    let before = fixture("v1.json");
    let r = load(pairs(&before));
    for n in 1..r.repairs.ops.len() {
        let mut map = before.clone();
        apply_ops(&mut map, &r.repairs.ops[..n]);
        let r2 = load_and_repair(&mut map);
        for id in ["rEnArd01", "h1b0u002"] {
            assert_eq!(r2.store.attempts(&pid(id)), r.store.attempts(&pid(id)), "after {n} ops, {id}");
            assert_eq!(r2.store.progress(&pid(id)), r.store.progress(&pid(id)), "after {n} ops, {id}");
        }
    }
}

#[test]
fn corrupt_fixture_keeps_the_good_and_quarantines_the_rest() {
    let mut map = fixture("corrupt.json");
    let before = map.clone();
    let r = load_and_repair(&mut map);
    let s = &r.store;
    assert_eq!(s.profiles().len(), 1);
    let ids: Vec<String> = s.attempts(&pid("rEnArd01")).iter().map(|a| a.id.to_string()).collect();
    assert_eq!(ids, vec!["a0000001", "a0000007"]);
    // Meta (bad profiles), chunk lines, 2 unreadable chunks, progress, 2 bad keys.
    assert_eq!(r.quarantined.len(), 7, "{:#?}", r.quarantined);
    let bad_lines = r.quarantined.iter().find(|q| q.reason.contains("lignes")).expect("bad lines set aside");
    assert_eq!(bad_lines.raw.lines().count(), 6);
    assert!(r.problems.iter().any(|p| p.code == ProblemCode::UnreadableAttempts { count: 6 }), "{:#?}", r.problems);
    // Not ours: untouched. Unknown communs key: untouched.
    assert_eq!(map["autre.application"], "ne pas toucher");
    assert_eq!(map["communs.settings"], "{\"theme\":\"sombre\"}");
    assert!(!map.contains_key("communs.p.rEnArd01.bogus"));
    assert_eq!(s.quarantined().len(), 7);
    assert_nothing_lost(&before, &map, s);
    // Quarantine survives later loads and stays listed.
    let again = load(pairs(&map));
    assert_eq!(again.store.quarantined().len(), 7);
    assert!(again.store.quarantined().iter().any(|q| q.raw == "pas du json"));
}

#[test]
fn corrupt_meta_recovers_profiles_from_keys() {
    let mut map = fixture("corrupt-meta.json");
    let before = map.clone();
    let r = load_and_repair(&mut map);
    let s = &r.store;
    assert_eq!(s.profiles().len(), 1);
    assert_eq!(s.profiles()[0].pseudonym, "Profil retrouvé 1");
    // The v1 chunk is self-describing: recovered. The v2 one needs the lost
    // table: quarantined with the meta.
    let a = s.attempts(&pid("rEnArd01"));
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].id.as_str(), "a0000004");
    assert_eq!(a[0].lesson, "fractions-1");
    assert_eq!(r.quarantined.len(), 2);
    assert!(s.quarantined().iter().any(|q| q.from == META_KEY && q.raw == before[META_KEY]));
    assert_nothing_lost(&before, &map, s);
}

#[test]
fn future_schema_is_read_only_and_untouched() {
    let map = fixture("future.json");
    let r = load(pairs(&map));
    let s = &r.store;
    assert!(r.repairs.is_empty());
    let reason = s.read_only_reason().expect("read-only");
    assert_eq!(reason, &StorageError::ReadOnly { format: 4 });
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].code, ProblemCode::ReadOnly { format: 4 });
    let id = pid("rEnArd01");
    assert!(s.create_profile("Chat", 0, 0, 1_760_000_000, 1).is_err());
    assert!(s.rename_profile(&id, "Chat").is_err());
    assert!(s.delete_profile(&id).is_err());
    assert!(s.switch_profile(None).is_err());
    assert!(import(s, &fixture_text("export-v1.json"), &ImportLimits::default()).is_err());
    assert_eq!(s.raw_value("communs.p.rEnArd01.2025-09"), Some("#4\nAAAAAAAA quelque chose de nouveau\n"));
}

#[test]
fn foreign_fixture() {
    let mut map = fixture("foreign.json");
    let before = map.clone();
    let r = load_and_repair(&mut map);
    let s = &r.store;
    assert_eq!(map["communs.ui.theme"], "sombre");
    assert_eq!(map["communsX"], "pas à nous");
    assert_eq!(map["localforage.key"], "x");
    assert!(s.raw_value("communsX").is_none(), "only `communs.` keys are ours");
    assert_eq!(s.profiles().len(), 1);
    let a = s.attempts(&pid("0rphan00"));
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].response, Response::Texts(vec!["soleil".into(), "mer".into()]));
    assert!(!map.contains_key("communs.p.0rphan00.2025-09"), "empty chunk dropped");
    assert!(s.quarantined().iter().any(|q| q.raw == "[1,2,3]"));
    assert_nothing_lost(&before, &map, s);
}

#[test]
fn orphan_keys_get_a_recovered_profile() {
    let mut map = fixture("orphan.json");
    let r = load_and_repair(&mut map);
    let s = &r.store;
    assert_eq!(s.profiles().len(), 2);
    let orphan = pid("0rphan00");
    assert_eq!(s.profile(&orphan).map(|p| p.pseudonym.as_str()), Some("Profil retrouvé 1"));
    assert_eq!(s.attempts(&orphan).len(), 1);
    assert_eq!(s.progress(&orphan)["ecrire"].position, 1);
    assert!(r.problems.iter().any(|p| p.code == ProblemCode::RecoveredProfile { pseudonym: "Profil retrouvé 1".into() }));
}

#[test]
fn oversized_values_are_quarantined() {
    let mut map = fixture("v3.json");
    let huge = "x".repeat(MAX_VALUE_BYTES + 1);
    map.insert("communs.p.rEnArd01.2025-12".into(), huge.clone());
    map.insert("communs.p.rEnArd01.progress".into(), format!("{{\"v\":2,\"l\":[],\"x\":\"{huge}\"}}"));
    let r = load_and_repair(&mut map);
    assert_eq!(r.quarantined.len(), 2);
    assert!(r.problems.iter().all(|p| p.code == ProblemCode::Quarantined { reason: "valeur trop volumineuse".into() }));
    assert_eq!(r.store.attempts(&pid("rEnArd01")).len(), 4);
    // Big meta too.
    let mut map = fixture("v3.json");
    map.insert(META_KEY.into(), format!("{{\"v\":2,\"x\":\"{huge}\"}}"));
    let r = load_and_repair(&mut map);
    assert!(r.store.quarantined().iter().any(|q| q.from == META_KEY));
}

#[test]
fn empty_storage() {
    let r = load(Vec::new());
    assert!(r.problems.is_empty() && r.repairs.is_empty());
    assert!(r.store.profiles().is_empty());
    assert_eq!(r.store.used_chars(), 0);
}

/// Random hostile snapshots: mutated fixtures and garbage. No panic, and
/// the repairs reach a fixpoint.
#[test]
fn random_hostile_snapshots() {
    let bases =
        ["v1.json", "v2.json", "v3.json", "v2-same-second.json", "corrupt.json", "foreign.json", "orphan.json", "corrupt-meta.json"];
    let garbage = [
        "",
        "#2",
        "#2\n",
        "{",
        "null",
        "[]",
        "{}",
        "\u{feff}",
        "#2\n\n\n",
        "#2\nAAAAAAAA0 0 0 0 c\n",
        "{\"v\":2}",
        "{\"v\":2,\"profiles\":[]}",
        "{\"v\":1,\"profiles\":{}}",
        "{\"v\":-1}",
        "{\"v\":2.5}",
        "{\"v\":2,\"l\":[[0,1,2]]}",
        "{\"lessons\":{\"a\":{}}}",
        "#2\nAAAAAAAA\u{0} 0 0 0 t\n",
        "é#2\n",
    ];
    let keys = [
        "communs.meta",
        "communs.p.rEnArd01.2025-09",
        "communs.p.rEnArd01.progress",
        "communs.p.NEW00000.2030-01",
        "communs.p.rEnArd01.1999-12",
        "communs.p..",
        "communs.p.",
        "communs.q.xx",
        "communs.p.rEnArd01.2025-9",
    ];
    let mut rng = Rng(2024);
    for round in 0..600 {
        let base: &str = bases[rng.below(bases.len() as u64) as usize];
        let mut map = fixture(base);
        for _ in 0..1 + rng.below(4) {
            let key = rng.pick(&keys).to_string();
            let value = match rng.below(4) {
                0 => rng.pick(&garbage).to_string(),
                1 => {
                    // Flip characters of an existing value.
                    let v = map.values().nth(rng.below(map.len() as u64) as usize).cloned().unwrap_or_default();
                    let mut chars: Vec<char> = v.chars().collect();
                    for _ in 0..1 + rng.below(5) {
                        if !chars.is_empty() {
                            let i = rng.below(chars.len() as u64) as usize;
                            chars[i] = *rng.pick(&['#', '{', '"', ' ', '\n', '0', 'Z', '\\', '|', 'é', '\u{0}']);
                        }
                    }
                    chars.into_iter().collect()
                }
                2 => {
                    // Truncate an existing value.
                    let v = map.values().nth(rng.below(map.len() as u64) as usize).cloned().unwrap_or_default();
                    v.chars().take(rng.below(v.chars().count() as u64 + 1) as usize).collect()
                }
                _ => (0..rng.below(40)).map(|_| char::from_u32(rng.below(0x3000) as u32).unwrap_or('?')).collect(),
            };
            map.insert(key, value);
        }
        let before = map.clone();
        let r = load_and_repair(&mut map);
        if r.store.read_only_reason().is_none() {
            assert_nothing_lost(&before, &map, &r.store);
        }
        let _ = round;
    }
}
