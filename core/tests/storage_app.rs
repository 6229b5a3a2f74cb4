//! What the app shows or downloads, computed by core: the file of values set
//! aside (quarantine), download file names, the split of a `localStorage`
//! snapshot and the quota left, `storage` events, and the store queries the
//! pages lay out (answers of every profile, attempts at one activity,
//! whether the export reminder is due).

#[path = "storage_common.rs"]
mod common;

use common::*;
use communs_core::response::Response;
use communs_core::storage::*;
use serde_json::Value;
use std::collections::BTreeMap;

const NOW: i64 = 1_760_000_000; // 2025-10-09

#[test]
fn quarantine_document_lists_every_value_set_aside() {
    let mut map = fixture("corrupt.json");
    let report = load_and_repair(&mut map);
    let values = report.store.quarantined();
    assert!(values.len() >= 4, "{values:?}");
    let doc: Value = serde_json::from_str(&quarantine_document(values)).expect("JSON");
    assert_eq!(doc["format"], QUARANTINE_FILE_FORMAT);
    let list = doc["valeurs"].as_array().expect("a list");
    assert_eq!(list.len(), values.len());
    for (entry, q) in list.iter().zip(values) {
        let fields = [("cle", &q.key), ("origine", &q.from), ("raison", &q.reason), ("donnees", &q.raw)];
        for (name, want) in fields {
            assert_eq!(entry[name].as_str(), Some(want.as_str()), "{name} of {}", q.key);
        }
    }
    // Binary garbage survives the trip through the file, byte for byte.
    assert!(list.iter().any(|e| e["donnees"] == "\u{0}\u{1}ÿ binaire"));
}

#[test]
fn quarantine_document_layout() {
    let one =
        Quarantined { key: "communs.q.abc".into(), from: "communs.p.x".into(), reason: "clé inconnue".into(), raw: "a\"b".into() };
    let cases: [(&[Quarantined], &str); 2] = [
        (&[], r#"{"format":"communs-donnees-mises-de-cote","valeurs":[]}"#),
        (
            std::slice::from_ref(&one),
            r#"{"format":"communs-donnees-mises-de-cote","valeurs":[{"cle":"communs.q.abc","donnees":"a\"b","origine":"communs.p.x","raison":"clé inconnue"}]}"#,
        ),
    ];
    for (values, want) in cases {
        assert_eq!(quarantine_document(values), want);
    }
}

#[test]
fn download_file_names() {
    let slugs = [
        ("Renard bleu", "renard-bleu"),
        ("  Léa   Martin !! ", "lea-martin"),
        ("Élève_2", "eleve-2"),
        ("l’eau", "l-eau"),
        ("???", "profil"),
        ("", "profil"),
    ];
    for (pseudonym, want) in slugs {
        assert_eq!(file_slug(pseudonym), want, "{pseudonym:?}");
    }
    let names = [
        (export_file_name("Baleine", "2026-12-01"), "communs-sauvegarde-baleine-2026-12-01.json"),
        (class_file_name("2026-12-01"), "communs-classe-2026-12-01.json"),
        (quarantine_file_name("2026-12-01"), "communs-donnees-mises-de-cote-2026-12-01.json"),
    ];
    for (got, want) in names {
        assert_eq!(got, want);
    }
}

#[test]
fn snapshot_splits_ours_from_the_others() {
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    let cases = [
        (vec![], 0, 0),
        (vec![pair("communs.meta", "{}"), pair("communs.ui.theme", "sombre")], 2, 0),
        // "communs-sonde" and "communs" are not under the `communs.` prefix.
        (vec![pair("communs-sonde", "1"), pair("communs", "")], 0, 21),
        // Sizes in UTF-16 code units: é is one, 😀 two.
        (vec![pair("autre", "é😀"), pair("communs.meta", "x")], 1, 8),
    ];
    for (all, ours, other_chars) in cases {
        let s = Snapshot::of(all.clone());
        assert_eq!((s.ours.len(), s.other_chars), (ours, other_chars), "{all:?}");
        assert!(s.ours.iter().all(|(k, _)| k.starts_with(PREFIX)));
    }
    let quotas = [(0, QUOTA_CHARS), (1_000, QUOTA_CHARS - 1_000), (QUOTA_CHARS + 5, 0)];
    for (other, want) in quotas {
        assert_eq!(quota_for_communs(other), want);
        assert_eq!(load(Vec::new()).store.usage(other), Usage { used: 0, quota: want });
    }
}

#[test]
fn storage_events_are_sorted_by_key() {
    let cases = [
        (None, ExternalChange::Cleared),
        (Some("communs.meta"), ExternalChange::Ours("communs.meta")),
        (Some("communs.p.rEnArd01.2025-10"), ExternalChange::Ours("communs.p.rEnArd01.2025-10")),
        (Some("communs"), ExternalChange::NotOurs),
        (Some("autre.application"), ExternalChange::NotOurs),
    ];
    for (key, want) in cases {
        assert_eq!(ExternalChange::of(key), want, "{key:?}");
    }
}

fn answer(at: i64, lesson: &str, activity: &str, response: Response) -> NewAttempt {
    NewAttempt { at, lesson: lesson.into(), activity: activity.into(), score: 100, duration: 5, response }
}

#[test]
fn queries_the_pages_lay_out() {
    let mut map = BTreeMap::new();
    let mut s = load(Vec::new()).store;
    let mut ids = Vec::new();
    for (i, name) in ["Renard", "Hibou"].iter().enumerate() {
        let (id, b) = s.create_profile(name, 0, 0, NOW, i as u64).expect("created");
        commit(&mut map, &mut s, &b);
        ids.push(id);
    }
    // (profile, time, activity, answer): the two learners answer in turns.
    let answers = [
        (0, NOW + 30, "sondage", Response::Choices(vec![2])),
        (1, NOW + 10, "sondage", Response::Choices(vec![0])),
        (0, NOW + 20, "autre", Response::Bool(true)),
        (1, NOW + 40, "sondage", Response::Choices(vec![1])),
        (0, NOW + 50, "sondage", Response::Choices(vec![3])),
    ];
    for (i, (who, at, activity, response)) in answers.into_iter().enumerate() {
        let (_, b) = s.record_attempt(&ids[who], answer(at, "l", activity, response), 10 + i as u64).expect("recorded");
        commit(&mut map, &mut s, &b);
    }
    let choices = |v: &[u8]| Response::Choices(v.to_vec());
    assert_eq!(s.device_responses("l", "sondage"), vec![choices(&[0]), choices(&[2]), choices(&[1]), choices(&[3])]);
    assert!(s.device_responses("l", "inconnue").is_empty());
    let times: Vec<i64> = s.attempts_at(&ids[0], "l", "sondage").iter().map(|a| a.at).collect();
    assert_eq!(times, vec![NOW + 30, NOW + 50]);
    assert_eq!(s.attempts_at(&ids[1], "l", "autre"), Vec::new());
    assert_eq!(s.current_profile().map(|p| p.pseudonym.as_str()), Some("Hibou"));

    // The reminder of a profile never exported comes after 10 attempts.
    for i in 0..7 {
        assert!(!s.export_reminder_due(&ids[0], NOW + 100), "only {} attempts", 3 + i);
        let (_, b) =
            s.record_attempt(&ids[0], answer(NOW + 60 + i, "l", "q", Response::Bool(false)), 50 + i as u64).expect("recorded");
        commit(&mut map, &mut s, &b);
    }
    assert!(s.export_reminder_due(&ids[0], NOW + 100));
    let b = s.mark_exported(&ids[0], NOW + 100).expect("marked");
    commit(&mut map, &mut s, &b);
    assert!(!s.export_reminder_due(&ids[0], NOW + 101));
    let unknown = ProfileId::parse("zzzzzzzz").expect("valid id");
    assert!(!s.export_reminder_due(&unknown, NOW + 100));
    assert_eq!(s.lesson_progress(&ids[0], "l"), None);
}
