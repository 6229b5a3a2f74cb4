//! The teacher's space in IndexedDB (database `communs-enseignant`, schema
//! in [`communs_core::space::teacher`]): the one place of the app that
//! touches IndexedDB, as `storage.rs` is for `localStorage`.
//!
//! [`Teacher::connect`] opens the database (creating its two stores on the
//! first open), reads every record and every file's size, hands them to
//! [`load_teacher`] and writes the repairs (quarantine moves) it returns.
//! Every change is planned by `core` (budget checked first: over it, nothing
//! is written) and written in **one** transaction over both stores, so an
//! aborted write (full disk, quota) leaves the database as it was; only then
//! is the in-memory space updated. Files are stored as blobs, so reading the
//! sizes at start does not read the bytes.
//!
//! When IndexedDB cannot be used — none in this browser or blocked (private
//! browsing, a sandboxed frame), an open that fails or takes more than 10 s,
//! an open **blocked** by another tab holding an older version, or this
//! tab's connection closed because another tab upgrades the database — the
//! space keeps working **in memory** (files too) and [`TeacherState::mode`]
//! says why, for a French message (« vous »). Nothing already saved is
//! touched. A database of a newer version is opened read-only.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

use communs_core::space::{
    effective_teacher_budget, load_teacher, AreaUsage, FileKind, KeptFile, Record, SpaceError, TeacherBatch, TeacherOp, TeacherSpace,
    DB_NAME, FILES_STORE, RECORDS_STORE, TEACHER_VERSION,
};
use communs_core::storage::{quarantine_document, Quarantined};
use js_sys::{Array, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbFactory, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

use super::{now_secs, random_u64, warn, Persistence};

/// How long an open may take before the space goes to memory.
const OPEN_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the teacher's space is kept in memory this session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemoryWhy {
    /// This browser has no IndexedDB or refuses it (private browsing, blocked storage).
    Unavailable,
    /// The open failed (database error, full disk) or took too long.
    OpenFailed,
    /// Another tab holds an older version of the database open.
    Blocked,
    /// Another tab upgraded the database: this tab closed its connection.
    ClosedByUpgrade,
}

/// Where the teacher's space lives this session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TeacherMode {
    /// Not open yet.
    #[default]
    Opening,
    /// In IndexedDB: kept after the tab is closed.
    Stored,
    /// In memory only, and why.
    Memory(MemoryWhy),
}

/// What the teacher's pages show about their space.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeacherState {
    pub mode: TeacherMode,
    /// What the load found, in French.
    pub problems: Vec<String>,
    /// How many values the load set aside.
    pub newly_quarantined: usize,
    /// Why the space is read-only (newer version), in French.
    pub read_only: Option<String>,
    /// `navigator.storage.estimate()`: (quota, usage) of the whole origin, in bytes.
    pub estimate: Option<(u64, u64)>,
    /// `navigator.storage.persisted()`, once known.
    pub persisted: Persistence,
    /// The last write failed for lack of room (full disk, browser quota).
    pub full: bool,
    /// The last write failed for another reason.
    pub write_failed: bool,
}

impl TeacherState {
    /// What to tell the teacher about the space (« vous »): why it is in
    /// memory, the last failed write, or whether the browser keeps it.
    pub fn message(&self) -> Option<&'static str> {
        use crate::i18n::storage::SpaceMsg;
        use crate::i18n::t;
        match self.mode {
            TeacherMode::Opening => None,
            TeacherMode::Memory(why) => Some(t(match why {
                MemoryWhy::Unavailable => SpaceMsg::TeacherUnavailable,
                MemoryWhy::OpenFailed => SpaceMsg::TeacherOpenFailed,
                MemoryWhy::Blocked => SpaceMsg::TeacherBlocked,
                MemoryWhy::ClosedByUpgrade => SpaceMsg::TeacherClosedByUpgrade,
            })),
            TeacherMode::Stored if self.full => Some(t(SpaceMsg::TeacherFull)),
            TeacherMode::Stored if self.write_failed => Some(t(SpaceMsg::TeacherWriteFailed)),
            TeacherMode::Stored => match self.persisted {
                Persistence::Persisted => Some(t(SpaceMsg::TeacherPersisted)),
                Persistence::NotPersisted => Some(t(SpaceMsg::TeacherNotPersisted)),
                Persistence::Unknown => None,
            },
        }
    }
}

/// Why a change of the teacher's space was not made (nothing was written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeacherError {
    /// `core` refused it (over budget, too large, invalid, read-only).
    Refused(SpaceError),
    /// The browser refused it for lack of room.
    Full,
    /// The browser refused it for another reason.
    Failed,
}

impl TeacherError {
    /// The message to show, in French (« vous »).
    pub fn message(&self) -> String {
        use crate::i18n::storage::{space_error, SpaceMsg};
        use crate::i18n::t;
        match self {
            TeacherError::Refused(e) => space_error(e),
            TeacherError::Full => t(SpaceMsg::TeacherFull).to_string(),
            TeacherError::Failed => t(SpaceMsg::TeacherWriteFailed).to_string(),
        }
    }
}

/// The teacher's space of this tab: a copyable handle on signals.
#[derive(Clone, Copy)]
pub struct Teacher {
    space: RwSignal<TeacherSpace>,
    state: RwSignal<TeacherState>,
    db: StoredValue<Option<IdbDatabase>, LocalStorage>,
    /// The bytes of files kept while in memory.
    memory_files: StoredValue<BTreeMap<String, Vec<u8>>, LocalStorage>,
    name: StoredValue<String>,
    /// A fixed budget instead of the documented one (tests).
    budget: StoredValue<Option<u64>>,
}

/// Opens the teacher's space (in the background) and provides it.
pub fn provide_teacher_space() {
    let teacher = Teacher::new(DB_NAME, None);
    provide_context(teacher);
    wasm_bindgen_futures::spawn_local(teacher.connect(TEACHER_VERSION));
}

/// The space provided by [`provide_teacher_space`].
pub fn use_teacher_space() -> Teacher {
    expect_context::<Teacher>()
}

// ------------------------------------------------------------------ browser

fn factory() -> Option<IdbFactory> {
    web_sys::window().and_then(|w| w.indexed_db().ok().flatten())
}

fn dom_name(e: &JsValue) -> String {
    Reflect::get(e, &"name".into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// Resolves with the request's result, rejects with its error.
fn request_done(req: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move |_: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req.clone();
        let ko = Closure::once_into_js(move |_: JsValue| {
            let e = r.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(ko.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Resolves when the transaction commits, rejects with its error when it aborts.
fn transaction_done(tx: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_: JsValue| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        let ko = Closure::once_into_js(move |_: JsValue| {
            let e = t.error().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onabort(Some(ko.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Why an open did not give a database.
enum OpenFailure {
    Blocked,
    /// The database on disk is newer than asked (`VersionError`).
    Newer,
    Failed,
}

/// Opens `name` at `version` (any version when `None`), creating the
/// stores of schema v1 when they are missing (first open, or an upgrade).
async fn open_db(factory: &IdbFactory, name: &str, version: Option<u32>) -> Result<IdbDatabase, OpenFailure> {
    let req: IdbOpenDbRequest = match version {
        Some(v) => factory.open_with_u32(name, v),
        None => factory.open(name),
    }
    .map_err(|_| OpenFailure::Failed)?;
    let upgrade_req = req.clone();
    let on_upgrade = Closure::once_into_js(move |_: JsValue| {
        let Ok(db) = upgrade_req.result().map(|v| v.unchecked_into::<IdbDatabase>()) else { return };
        // Migrations go here, one step per version; v1 creates the two stores.
        for store in [RECORDS_STORE, FILES_STORE] {
            if !db.object_store_names().contains(store) {
                let _ = db.create_object_store(store);
            }
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let given_up = Rc::new(Cell::new(false));
    let promise = Promise::new(&mut |resolve, reject| {
        let (r, gone) = (req.clone(), given_up.clone());
        let ok = Closure::once_into_js(move |_: JsValue| {
            let db = r.result().unwrap_or(JsValue::UNDEFINED);
            if gone.get() {
                // Opened after we stopped waiting: let the other tab go on.
                db.unchecked_into::<IdbDatabase>().close();
            } else {
                let _ = resolve.call1(&JsValue::NULL, &db);
            }
        });
        let (r, rej) = (req.clone(), reject.clone());
        let ko = Closure::once_into_js(move |_: JsValue| {
            let e = r.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
            let _ = rej.call1(&JsValue::NULL, &e);
        });
        let (gone, rej) = (given_up.clone(), reject.clone());
        let blocked = Closure::once_into_js(move |_: JsValue| {
            gone.set(true);
            let _ = rej.call1(&JsValue::NULL, &"blocked".into());
        });
        let gone = given_up.clone();
        set_timeout(
            move || {
                gone.set(true);
                let _ = reject.call1(&JsValue::NULL, &"timeout".into());
            },
            OPEN_TIMEOUT,
        );
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(ko.unchecked_ref()));
        req.set_onblocked(Some(blocked.unchecked_ref()));
    });
    match JsFuture::from(promise).await {
        Ok(db) => {
            given_up.set(true);
            Ok(db.unchecked_into())
        }
        Err(e) if e.as_string().as_deref() == Some("blocked") => Err(OpenFailure::Blocked),
        Err(e) if dom_name(&e) == "VersionError" => Err(OpenFailure::Newer),
        Err(_) => Err(OpenFailure::Failed),
    }
}

fn both_stores() -> JsValue {
    Array::of2(&RECORDS_STORE.into(), &FILES_STORE.into()).into()
}

/// Every `(key, text)` of the records store and `(id, size)` of the files store.
async fn read_all(db: &IdbDatabase) -> Result<(Vec<(String, String)>, Vec<(String, u64)>), JsValue> {
    let tx = db.transaction_with_str_sequence_and_mode(&both_stores(), IdbTransactionMode::Readonly)?;
    let (records, files) = (tx.object_store(RECORDS_STORE)?, tx.object_store(FILES_STORE)?);
    let (rk, rv) = (request_done(&records.get_all_keys()?), request_done(&records.get_all()?));
    let (fk, fv) = (request_done(&files.get_all_keys()?), request_done(&files.get_all()?));
    let texts = |v: JsValue| Array::from(&v).iter().collect::<Vec<JsValue>>();
    let (rk, rv, fk, fv) = (texts(rk.await?), texts(rv.await?), texts(fk.await?), texts(fv.await?));
    // A key or value that is not a string (written by hand) is read as its
    // JSON text, so that the loader can set it aside.
    let text = |v: &JsValue| v.as_string().unwrap_or_else(|| js_sys::JSON::stringify(v).ok().map(String::from).unwrap_or_default());
    let pairs = rk.iter().zip(&rv).map(|(k, v)| (text(k), text(v))).collect();
    let size = |v: &JsValue| -> u64 {
        if let Some(b) = v.dyn_ref::<web_sys::Blob>() {
            b.size() as u64
        } else {
            Reflect::get(v, &"byteLength".into()).ok().and_then(|n| n.as_f64()).unwrap_or(0.0) as u64
        }
    };
    let sizes = fk.iter().zip(&fv).map(|(k, v)| (text(k), size(v))).collect();
    Ok((pairs, sizes))
}

/// The storage manager (`navigator.storage`), when the browser has one.
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let m = Reflect::get(&navigator, &"storage".into()).ok().filter(|m| !m.is_undefined() && !m.is_null())?;
    Some(m.unchecked_into())
}

async fn answer(p: Result<Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(p.ok()?).await.ok()
}

// ------------------------------------------------------------------ space

impl Teacher {
    /// A space named `name` (the database), not yet open. `budget`: a fixed
    /// budget in bytes instead of the documented one (tests).
    pub fn new(name: &str, budget: Option<u64>) -> Teacher {
        Teacher {
            space: RwSignal::new(TeacherSpace::default()),
            state: RwSignal::new(TeacherState::default()),
            db: StoredValue::new_local(None),
            memory_files: StoredValue::new_local(BTreeMap::new()),
            name: StoredValue::new(name.to_string()),
            budget: StoredValue::new(budget),
        }
    }

    fn to_memory(self, why: MemoryWhy) {
        let text = match why {
            MemoryWhy::Unavailable => "l’espace enseignant est indisponible",
            MemoryWhy::OpenFailed => "l’espace enseignant n’a pas pu être ouvert",
            MemoryWhy::Blocked => "un autre onglet bloque l’espace enseignant",
            MemoryWhy::ClosedByUpgrade => "un autre onglet a mis à jour l’espace enseignant",
        };
        warn(&format!("Communs : {text}, il reste en mémoire."));
        self.state.update(|s| s.mode = TeacherMode::Memory(why));
    }

    /// Opens the database at `version`, loads it and writes its repairs;
    /// goes to memory (with the reason) when that fails.
    pub async fn connect(self, version: u32) {
        let Some(factory) = factory() else { return self.to_memory(MemoryWhy::Unavailable) };
        let name = self.name.get_value();
        let db = match open_db(&factory, &name, Some(version)).await {
            Ok(db) => db,
            Err(OpenFailure::Blocked) => return self.to_memory(MemoryWhy::Blocked),
            // A newer version's database: opened as it is, read only.
            Err(OpenFailure::Newer) => match open_db(&factory, &name, None).await {
                Ok(db) => db,
                Err(_) => return self.to_memory(MemoryWhy::OpenFailed),
            },
            Err(OpenFailure::Failed) => return self.to_memory(MemoryWhy::OpenFailed),
        };
        let on_change = Closure::once_into_js({
            let db = db.clone();
            move |_: JsValue| {
                db.close();
                self.db.set_value(None);
                self.to_memory(MemoryWhy::ClosedByUpgrade);
            }
        });
        db.set_onversionchange(Some(on_change.unchecked_ref()));
        let (records, files) = match read_all(&db).await {
            Ok(all) => all,
            Err(_) => {
                db.close();
                return self.to_memory(MemoryWhy::OpenFailed);
            }
        };
        let report = load_teacher(db.version() as u32, records, files, now_secs());
        let problems: Vec<String> = report.problems.iter().map(crate::i18n::storage::space_problem).collect();
        for p in &problems {
            warn(&format!("Communs : {p}"));
        }
        let read_only = report.space.read_only().map(|version| crate::i18n::storage::space_error(&SpaceError::ReadOnly { version }));
        let newly_quarantined =
            report.problems.iter().filter(|p| matches!(p, communs_core::space::SpaceProblem::Quarantined { .. })).count();
        let has_data = report.space.used_bytes() > 0;
        self.db.set_value(Some(db));
        self.space.set(report.space);
        self.state.update(|s| {
            s.mode = TeacherMode::Stored;
            s.problems = problems;
            s.newly_quarantined = newly_quarantined;
            s.read_only = read_only;
        });
        if !report.repairs.is_empty() && self.write(&report.repairs, None).await.is_err() {
            warn("Communs : réparations de l’espace enseignant non écrites (le prochain démarrage réessaie).");
        }
        self.refresh_estimate(has_data).await;
    }

    /// Reads `navigator.storage.estimate()` again, and asks for persistence
    /// (`persist()`) once the space holds something.
    async fn refresh_estimate(self, ask: bool) {
        let Some(manager) = storage_manager() else { return };
        let estimate = answer(manager.estimate()).await.and_then(|e| {
            let field = |n: &str| Reflect::get(&e, &n.into()).ok().and_then(|v| v.as_f64()).map(|f| f as u64);
            Some((field("quota")?, field("usage")?))
        });
        let mut persisted = answer(manager.persisted()).await.and_then(|v| v.as_bool());
        if ask && persisted == Some(false) {
            persisted = answer(manager.persist()).await.and_then(|v| v.as_bool());
        }
        self.state.update(|s| {
            s.estimate = estimate;
            s.persisted = match persisted {
                None => Persistence::Unknown,
                Some(true) => Persistence::Persisted,
                Some(false) => Persistence::NotPersisted,
            };
        });
    }

    /// Waits until the open has settled (stored or in memory).
    async fn ready(self) {
        while self.state.with_untracked(|s| s.mode == TeacherMode::Opening) {
            let p = Promise::new(&mut |resolve, _| {
                set_timeout(move || drop(resolve.call0(&JsValue::NULL)), Duration::from_millis(10));
            });
            let _ = JsFuture::from(p).await;
        }
    }

    /// Writes a batch in one transaction (`bytes`: those of its `PutFile`),
    /// or keeps it in memory; then updates the space.
    async fn write(self, batch: &TeacherBatch, bytes: Option<&[u8]>) -> Result<(), TeacherError> {
        if batch.is_empty() {
            return Ok(());
        }
        let result = match self.db.get_value() {
            Some(db) => write_db(&db, batch, bytes).await,
            None => {
                self.memory_files.update_value(|files| {
                    for op in &batch.ops {
                        match op {
                            TeacherOp::PutFile { id, .. } => drop(files.insert(id.clone(), bytes.unwrap_or_default().to_vec())),
                            TeacherOp::DeleteFile { id } => drop(files.remove(id)),
                            _ => {}
                        }
                    }
                });
                Ok(())
            }
        };
        match &result {
            Ok(()) => {
                self.space.update(|s| s.apply(batch));
                self.state.update(|s| {
                    s.full = false;
                    s.write_failed = false;
                });
            }
            Err(e) => {
                warn(&format!("Communs : écriture de l’espace enseignant refusée, rien n’a été modifié ({e:?})."));
                self.state.update(|s| match e {
                    TeacherError::Full => s.full = true,
                    _ => s.write_failed = true,
                });
            }
        }
        result
    }

    async fn commit(self, plan: impl Fn(&TeacherSpace, u64) -> Result<TeacherBatch, SpaceError>) -> Result<(), TeacherError> {
        self.ready().await;
        let budget = self.budget_bytes();
        let batch = self.space.with_untracked(|s| plan(s, budget)).map_err(TeacherError::Refused)?;
        self.write(&batch, None).await
    }

    // -------------------------------------------------------------- reading

    /// Reads the space (reactive).
    pub fn with_space<R>(&self, f: impl FnOnce(&TeacherSpace) -> R) -> R {
        self.space.with(f)
    }

    /// The state of the space (reactive).
    pub fn state(&self) -> TeacherState {
        self.state.get()
    }

    /// The budget this session: the fixed one, or the documented one capped
    /// by what the browser says is left.
    fn budget_bytes(&self) -> u64 {
        self.budget.get_value().unwrap_or_else(|| {
            let estimate = self.state.with_untracked(|s| s.estimate);
            effective_teacher_budget(estimate, self.space.with_untracked(TeacherSpace::used_bytes))
        })
    }

    /// What the space uses against its budget (reactive).
    pub fn usage(&self) -> AreaUsage {
        self.state.track();
        let budget = self.budget_bytes();
        self.space.with(|s| s.usage(budget))
    }

    /// The values set aside by this space.
    pub fn quarantined(&self) -> Vec<Quarantined> {
        self.space.with_untracked(|s| s.quarantined().to_vec())
    }

    /// The values set aside, as the file to download.
    pub fn quarantine_document(&self) -> String {
        quarantine_document(&self.quarantined())
    }

    /// The bytes of a kept file.
    pub async fn read_file(self, id: &str) -> Option<Vec<u8>> {
        self.ready().await;
        let Some(db) = self.db.get_value() else { return self.memory_files.with_value(|f| f.get(id).cloned()) };
        let tx = db.transaction_with_str_and_mode(FILES_STORE, IdbTransactionMode::Readonly).ok()?;
        let value = request_done(&tx.object_store(FILES_STORE).ok()?.get(&id.into()).ok()?).await.ok()?;
        let blob = value.dyn_into::<web_sys::Blob>().ok()?;
        let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
        Some(Uint8Array::new(&buffer).to_vec())
    }

    // -------------------------------------------------------------- changes

    /// Stores a record (sequence, roster, local lesson, settings, or a
    /// file's new name).
    pub async fn save(self, record: Record) -> Result<(), TeacherError> {
        self.commit(move |s, budget| s.plan_put(record.clone(), budget)).await
    }

    /// Deletes the record under `key` (a file's bytes with its description).
    pub async fn delete(self, key: &str) -> Result<(), TeacherError> {
        self.commit(|s, _| s.plan_delete(key)).await
    }

    /// Keeps a file (its bytes in the files store, its description among the records).
    pub async fn keep_file(self, kind: FileKind, name: &str, mime: &str, bytes: &[u8]) -> Result<KeptFile, TeacherError> {
        self.ready().await;
        let budget = self.budget_bytes();
        let (file, batch) = self
            .space
            .with_untracked(|s| s.plan_keep_file(kind, name, mime, bytes.len() as u64, now_secs(), random_u64(), budget))
            .map_err(TeacherError::Refused)?;
        self.write(&batch, Some(bytes)).await?;
        Ok(file)
    }
}

/// Writes `batch` in one readwrite transaction over both stores.
async fn write_db(db: &IdbDatabase, batch: &TeacherBatch, bytes: Option<&[u8]>) -> Result<(), TeacherError> {
    let tx =
        db.transaction_with_str_sequence_and_mode(&both_stores(), IdbTransactionMode::Readwrite).map_err(|_| TeacherError::Failed)?;
    let done = transaction_done(&tx);
    let (Ok(records), Ok(files)) = (tx.object_store(RECORDS_STORE), tx.object_store(FILES_STORE)) else {
        let _ = tx.abort();
        return Err(TeacherError::Failed);
    };
    for op in &batch.ops {
        let queued = match op {
            TeacherOp::PutRecord { key, value } => records.put_with_key(&value.into(), &key.into()).map(drop),
            TeacherOp::DeleteRecord { key } => records.delete(&key.into()).map(drop),
            TeacherOp::PutFile { id, .. } => {
                let parts = Array::of1(&Uint8Array::from(bytes.unwrap_or_default()));
                web_sys::Blob::new_with_u8_array_sequence(&parts).and_then(|blob| files.put_with_key(&blob, &id.into())).map(drop)
            }
            TeacherOp::DeleteFile { id } => files.delete(&id.into()).map(drop),
        };
        if queued.is_err() {
            let _ = tx.abort();
            let _ = done.await;
            return Err(TeacherError::Failed);
        }
    }
    done.await.map(drop).map_err(|e| if dom_name(&e) == "QuotaExceededError" { TeacherError::Full } else { TeacherError::Failed })
}
