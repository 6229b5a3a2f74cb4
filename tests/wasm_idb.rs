//! Browser tests of the storage areas against the real IndexedDB and
//! `localStorage` (wasm-bindgen-test in headless Chromium): a 5 MB file
//! written and read back, the teacher's space filled to its budget (refused
//! cleanly, the other areas untouched), an open blocked by another
//! connection, a failing open, another tab's upgrade, a newer database, an
//! unreadable record and unreadable display settings set aside. Each test
//! uses a database of its own. On the host this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use communs::storage::idb::{MemoryWhy, Teacher, TeacherError, TeacherMode};
use communs::storage::settings::use_settings;
use communs::storage::{provide_storage, use_storage};
use communs_core::space::{Area, DisplaySettings, FileKind, Record, Sequence, SequenceStep, SpaceError, Theme, SETTINGS_KEY};
use js_sys::{Array, Promise};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

wasm_bindgen_test_configure!(run_in_browser);

const NOW: i64 = 1_765_000_000;

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn local_pairs() -> Vec<(String, String)> {
    let ls = local();
    let mut out: Vec<(String, String)> =
        (0..ls.length().unwrap()).filter_map(|i| ls.key(i).unwrap()).map(|k| (k.clone(), ls.get_item(&k).unwrap().unwrap())).collect();
    out.sort();
    out
}

async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves with `req.result` on success, with `"blocked"` when blocked.
async fn settle(req: &IdbRequest, blocked: Option<&IdbOpenDbRequest>) -> Result<JsValue, JsValue> {
    let r = req.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let (r1, res) = (r.clone(), resolve.clone());
        let ok = Closure::once_into_js(move |_: JsValue| drop(res.call1(&JsValue::NULL, &r1.result().unwrap())));
        let ko = Closure::once_into_js(move |_: JsValue| drop(reject.call1(&JsValue::NULL, &"error".into())));
        r.set_onsuccess(Some(ok.unchecked_ref()));
        r.set_onerror(Some(ko.unchecked_ref()));
        if let Some(b) = blocked {
            let res = resolve.clone();
            let on_blocked = Closure::once_into_js(move |_: JsValue| drop(res.call1(&JsValue::NULL, &"blocked".into())));
            b.set_onblocked(Some(on_blocked.unchecked_ref()));
        }
    });
    JsFuture::from(promise).await
}

fn factory() -> web_sys::IdbFactory {
    web_sys::window().unwrap().indexed_db().unwrap().unwrap()
}

async fn delete_db(name: &str) {
    let req = factory().delete_database(name).unwrap();
    let _ = settle(&req, None).await;
}

/// A connection of "another tab": it never closes by itself on `versionchange`.
/// Version 0 means "no version".
async fn raw_open(name: &str, version: u32, stores: &'static [&'static str]) -> IdbDatabase {
    let req = if version == 0 { factory().open(name).unwrap() } else { factory().open_with_u32(name, version).unwrap() };
    let r = req.clone();
    let up = Closure::once_into_js(move |_: JsValue| {
        let db: IdbDatabase = r.result().unwrap().unchecked_into();
        for s in stores {
            if !db.object_store_names().contains(s) {
                db.create_object_store(s).unwrap();
            }
        }
    });
    req.set_onupgradeneeded(Some(up.unchecked_ref()));
    settle(&req, None).await.expect("raw open").unchecked_into()
}

/// Every key of a store, as strings.
async fn keys_of(db: &IdbDatabase, store: &str) -> Vec<String> {
    let tx = db.transaction_with_str_and_mode(store, IdbTransactionMode::Readonly).unwrap();
    let keys = settle(&tx.object_store(store).unwrap().get_all_keys().unwrap(), None).await.unwrap();
    Array::from(&keys).iter().filter_map(|k| k.as_string()).collect()
}

async fn put_raw(db: &IdbDatabase, store: &str, key: &str, value: &str) {
    let tx = db.transaction_with_str_and_mode(store, IdbTransactionMode::Readwrite).unwrap();
    let req = tx.object_store(store).unwrap().put_with_key(&value.into(), &key.into()).unwrap();
    settle(&req, None).await.unwrap();
}

fn teacher(owner: &Owner, name: &str, budget: Option<u64>) -> Teacher {
    owner.with(|| Teacher::new(name, budget))
}

fn sequence(n: usize, steps: usize) -> Record {
    Record::Sequence(Sequence {
        id: format!("seq{n:05}"),
        title: format!("Séance {n}"),
        steps: (0..steps).map(|i| SequenceStep { lesson: format!("lecon-numero-{i}"), anchor: Some(format!("q{i}")) }).collect(),
        updated: NOW,
    })
}

#[wasm_bindgen_test]
async fn a_5_mb_file_is_written_and_read_back() {
    let name = "communs-test-5mo";
    delete_db(name).await;
    let owner = Owner::new();
    let t = teacher(&owner, name, None);
    t.connect(1).await;
    assert_eq!(t.state().mode, TeacherMode::Stored);
    let bytes: Vec<u8> = (0..5 * 1024 * 1024u32).map(|i| (i.wrapping_mul(31) % 251) as u8).collect();
    let file = t.keep_file(FileKind::Image, "photo.jpg", "image/jpeg", &bytes).await.expect("kept");
    assert_eq!(file.size, bytes.len() as u64);
    assert!(t.usage().used > bytes.len() as u64);

    // A new start reads the size without the bytes, then the bytes on demand.
    let again = teacher(&owner, name, None);
    again.connect(1).await;
    assert_eq!(again.state().problems, Vec::<String>::new());
    let sizes: Vec<(String, u64)> = again.with_space(|s| s.files().map(|f| (f.id.clone(), f.size)).collect());
    assert_eq!(sizes, vec![(file.id.clone(), bytes.len() as u64)]);
    let back = again.read_file(&file.id).await.expect("read back");
    assert_eq!(back.len(), bytes.len());
    assert!(back == bytes, "same bytes");

    // Deleting it takes the bytes along.
    again.delete(&format!("fichier.{}", file.id)).await.expect("deleted");
    assert_eq!(again.read_file(&file.id).await, None);
    assert_eq!(again.usage().used, 0);
}

#[wasm_bindgen_test]
async fn filling_the_teacher_space_is_refused_cleanly_and_other_areas_are_untouched() {
    local().clear().unwrap();
    let owner = Owner::new();
    // The pupils' area and the display settings hold something.
    let (storage, settings) = owner.with(|| {
        provide_storage();
        (use_storage(), use_settings())
    });
    storage.create_profile("Renard bleu", 2, 0).expect("profile");
    settings.save(DisplaySettings { theme: Theme::Dark, ..DisplaySettings::defaults() }).expect("settings");
    let before = local_pairs();
    assert!(before.iter().any(|(k, _)| k == SETTINGS_KEY) && before.iter().any(|(k, _)| k == "communs.meta"));

    let name = "communs-test-plein";
    delete_db(name).await;
    let budget = 20_000;
    let t = teacher(&owner, name, Some(budget));
    t.connect(1).await;
    let mut saved = 0;
    let refusal = loop {
        match t.save(sequence(saved, 40)).await {
            Ok(()) => saved += 1,
            Err(e) => break e,
        }
        assert!(saved < 100, "the budget must be reached");
    };
    assert!(saved > 0);
    let TeacherError::Refused(SpaceError::OverBudget { area: Area::Teacher, used, budget: b, needed }) = refusal.clone() else {
        panic!("{refusal:?}")
    };
    assert_eq!(b, budget);
    assert!(used <= budget && needed > 0, "{used} {needed}");
    let words = refusal.message();
    assert!(words.contains("Exportez puis supprimez") && words.contains("Rien n’a été enregistré"), "{words}");
    // A file too big for what is left is refused too, and nothing is written.
    let big = vec![7u8; 30_000];
    assert!(matches!(t.keep_file(FileKind::ClassFile, "classe.json", "application/json", &big).await, Err(TeacherError::Refused(_))));
    assert!(t.usage().used <= budget);

    // The database holds exactly what was accepted.
    let db = raw_open(name, 0, &[]).await;
    assert_eq!(keys_of(&db, "enregistrements").await.len(), saved);
    assert_eq!(keys_of(&db, "fichiers").await.len(), 0);
    db.close();
    // The other areas are untouched.
    assert_eq!(local_pairs(), before);
    assert_eq!(storage.profiles().len(), 1);
    assert_eq!(settings.get().theme, Theme::Dark);
}

#[wasm_bindgen_test]
async fn a_blocked_open_keeps_the_space_in_memory_with_the_message() {
    let name = "communs-test-bloque";
    delete_db(name).await;
    // "Another tab" holds version 1 open and does not close on versionchange.
    let other = raw_open(name, 1, &["enregistrements", "fichiers"]).await;
    put_raw(&other, "enregistrements", "sequence.old00001", &sequence(1, 1).encode().replace("seq00001", "old00001")).await;
    let owner = Owner::new();
    let t = teacher(&owner, name, None);
    t.connect(2).await;
    assert_eq!(t.state().mode, TeacherMode::Memory(MemoryWhy::Blocked));
    let said = t.state().message().unwrap_or_default();
    assert!(said.contains("Fermez les autres onglets") && said.contains("en mémoire"), "{said}");
    // The app keeps working, in memory.
    t.save(sequence(2, 2)).await.expect("in memory");
    let file = t.keep_file(FileKind::Image, "a.png", "image/png", &[1, 2, 3]).await.expect("in memory");
    assert_eq!(t.read_file(&file.id).await, Some(vec![1, 2, 3]));
    assert_eq!(t.with_space(|s| s.sequences().count()), 1);
    // Once the other tab closes, the late open is let go at once: nothing saved was lost.
    other.close();
    sleep(200).await;
    let db = raw_open(name, 0, &[]).await;
    assert_eq!(keys_of(&db, "enregistrements").await, ["sequence.old00001"]);
    db.close();
}

#[wasm_bindgen_test]
async fn another_tabs_upgrade_closes_this_connection_and_nothing_is_lost() {
    let name = "communs-test-mise-a-jour";
    delete_db(name).await;
    let owner = Owner::new();
    let t = teacher(&owner, name, None);
    t.connect(1).await;
    t.save(sequence(1, 1)).await.expect("saved");
    // A newer version opens in "another tab": it is not blocked, this tab lets go.
    let newer = raw_open(name, 2, &["enregistrements", "fichiers"]).await;
    assert_eq!(t.state().mode, TeacherMode::Memory(MemoryWhy::ClosedByUpgrade));
    assert!(t.state().message().unwrap_or_default().contains("Rechargez la page"));
    t.save(sequence(2, 1)).await.expect("kept in memory");
    assert_eq!(keys_of(&newer, "enregistrements").await, ["sequence.seq00001"]);
    newer.close();
}

#[wasm_bindgen_test]
async fn a_failing_open_keeps_the_space_in_memory() {
    let owner = Owner::new();
    let t = teacher(&owner, "communs-test-echec", None);
    // Version 0 is refused by `indexedDB.open` (a TypeError).
    t.connect(0).await;
    assert_eq!(t.state().mode, TeacherMode::Memory(MemoryWhy::OpenFailed));
    assert!(t.state().message().unwrap_or_default().contains("Vous travaillez en mémoire"));
    t.save(sequence(1, 1)).await.expect("in memory");
    assert_eq!(t.with_space(|s| s.sequences().count()), 1);
}

#[wasm_bindgen_test]
async fn a_newer_database_is_read_only() {
    let name = "communs-test-plus-recent";
    delete_db(name).await;
    raw_open(name, 5, &["enregistrements", "fichiers"]).await.close();
    let owner = Owner::new();
    let t = teacher(&owner, name, None);
    t.connect(1).await;
    let state = t.state();
    assert_eq!(state.mode, TeacherMode::Stored);
    assert!(state.read_only.as_deref().is_some_and(|r| r.contains("format 5")), "{state:?}");
    assert_eq!(t.save(sequence(1, 1)).await, Err(TeacherError::Refused(SpaceError::ReadOnly { version: 5 })));
}

#[wasm_bindgen_test]
async fn an_unreadable_record_is_set_aside_not_deleted() {
    let name = "communs-test-illisible";
    delete_db(name).await;
    let db = raw_open(name, 1, &["enregistrements", "fichiers"]).await;
    put_raw(&db, "enregistrements", "sequence.bad00001", "{pas du json").await;
    let owner = Owner::new();
    let t = teacher(&owner, name, None);
    t.connect(1).await;
    assert_eq!(t.state().newly_quarantined, 1);
    assert!(t.quarantine_document().contains("{pas du json"));
    let keys = keys_of(&db, "enregistrements").await;
    assert_eq!(keys.len(), 1);
    assert!(keys[0].starts_with("q."), "{keys:?}");
    db.close();
}

#[wasm_bindgen_test]
async fn unreadable_display_settings_join_the_learners_quarantine() {
    local().clear().unwrap();
    local().set_item(SETTINGS_KEY, "{illisible").unwrap();
    let owner = Owner::new();
    let (storage, settings) = owner.with(|| {
        provide_storage();
        (use_storage(), use_settings())
    });
    assert_eq!(settings.get(), DisplaySettings::defaults());
    assert_eq!(settings.problems().len(), 1);
    assert_eq!(local().get_item(SETTINGS_KEY).unwrap(), None);
    assert!(storage.quarantine_document().contains("{illisible"), "listed with the learners' values set aside");
    settings.save(DisplaySettings { animations: false, ..DisplaySettings::defaults() }).expect("saved");
    assert!(local().get_item(SETTINGS_KEY).unwrap().unwrap().contains("\"animations\":false"));
}
