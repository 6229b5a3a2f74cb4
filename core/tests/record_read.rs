//! Reading every file a learner may bring: the backup files `/profils` has
//! written over every storage schema (v1, v2 and v3 stores, the hand-made
//! fixture with bad entries), and records of version 1 — with round trips
//! (write → read gives the same data) and the record's golden file.

#[path = "record_common.rs"]
mod common;

use common::*;
use communs_core::record::{read_record, write_record, BuildInfo, RecordSource, RecordWarning, RECORD_FORMAT};
use communs_core::storage::{load, Store};
use std::collections::BTreeMap;

fn store_fixture(name: &str) -> Store {
    let text = String::from_utf8(bytes(&format!("storage/{name}"))).expect("utf-8");
    let map: BTreeMap<String, String> = serde_json::from_str(&text).expect("fixture is a map of strings");
    load(map.into_iter().collect()).store
}

fn build() -> BuildInfo {
    BuildInfo { app_version: "0.1.0".into(), build: "test".into() }
}

#[test]
fn backups_of_every_storage_schema_read_with_the_same_data() {
    // A store of each schema, exported as `/profils` does, then read.
    for name in ["v1.json", "v2.json", "v3.json", "encoded-v3.json", "v2-same-second.json"] {
        let store = store_fixture(name);
        assert!(!store.profiles().is_empty(), "{name}: no profile");
        for p in store.profiles() {
            let text = store.export_profile(&p.id, T0).expect("export");
            let data = read_record(text.as_bytes()).unwrap_or_else(|e| panic!("{name} {}: {e:?}", p.id));
            assert_eq!(data.source, RecordSource::Backup { version: 1 }, "{name}");
            assert_eq!(data.profile.id, p.id, "{name}");
            assert_eq!(data.profile.pseudonym, p.pseudonym, "{name}");
            assert_eq!((data.profile.colour, data.profile.avatar), (p.colour, p.avatar), "{name}");
            assert_eq!(data.exported_at, T0, "{name}");
            assert_eq!(data.attempts, store.attempts(&p.id), "{name} {}", p.id);
            assert_eq!(data.progress, store.progress(&p.id), "{name} {}", p.id);
            assert!(data.warnings.is_empty(), "{name}: {:?}", data.warnings);
        }
    }
}

#[test]
fn backup_fixtures_read_as_profils_reads_them() {
    // The export golden of the storage tests (a v2 store exported).
    let data = read_record(&bytes("storage/export-of-v2.json")).expect("export of v2");
    assert_eq!(data.profile.pseudonym, "Renard bleu");
    assert_eq!(data.attempts.len(), 4);
    assert_eq!(data.progress.len(), 2);
    // The hand-made backup: a bad id and a score of 255 are skipped, as the
    // import of `/profils` skips them.
    let data = read_record(&bytes("storage/export-v1.json")).expect("export v1");
    assert_eq!(data.attempts.len(), 2);
    assert_eq!(data.warnings, vec![RecordWarning::InvalidAttempt { n: 3 }, RecordWarning::InvalidAttempt { n: 4 }]);
    assert_eq!(data.lessons_done(), vec!["fractions-1"]);
}

#[test]
fn a_record_round_trips_and_matches_its_golden_file() {
    let data = data("Renard bleu", good_attempts());
    let text = write_record(&data, &catalogue(), &build(), T0 + 3_600);
    assert_golden("record-v1.json", &(text.clone() + "\n"));
    let back = read_record(text.as_bytes()).expect("a record reads back");
    assert_eq!(back, data);
    // Written again from what was read: the same file.
    assert_eq!(write_record(&back, &catalogue(), &build(), T0 + 3_600), text);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], RECORD_FORMAT);
    assert_eq!(v["version"], 1);
    assert_eq!(v["app"]["build"], "test");
    assert_eq!(v["exported_at"], "2026-09-01T09:00:00Z");
    assert_eq!(v["lessons_done"], serde_json::json!(["essai-activites"]));
    assert_eq!(v["results"]["unknown"], serde_json::json!(["a0000007"]));
}

#[test]
fn a_backup_becomes_a_record_with_the_same_data() {
    let backup = read_record(&bytes("storage/export-of-v2.json")).expect("backup");
    let text = write_record(&backup, &catalogue(), &build(), T0);
    let record = read_record(text.as_bytes()).expect("record");
    assert_eq!(record.attempts, backup.attempts);
    assert_eq!(record.progress, backup.progress);
    assert_eq!(
        communs_core::storage::Profile { last_export: None, ..record.profile.clone() },
        communs_core::storage::Profile { last_export: None, ..backup.profile.clone() }
    );
    assert_eq!(record.exported_at, T0);
    assert_eq!(record.source, RecordSource::Record { version: 1, app_version: "0.1.0".into(), build: "test".into() });
}

#[test]
fn a_record_of_a_store_has_the_store_s_data() {
    let store = store_fixture("v3.json");
    let p = &store.profiles()[0];
    let data = communs_core::record::record_of_store(&store, &p.id, &build(), T0).expect("a known profile");
    let back = read_record(write_record(&data, &catalogue(), &build(), T0).as_bytes()).expect("reads");
    assert_eq!(back.attempts, store.attempts(&p.id));
    assert_eq!(back.progress, store.progress(&p.id));
    assert_eq!(back.profile.pseudonym, p.pseudonym);
}
