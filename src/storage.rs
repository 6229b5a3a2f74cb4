//! The one module that touches `localStorage`.
//!
//! At start ([`provide_storage`]) it reads every `communs.` key, hands the
//! pairs to [`communs_core::storage::load`], writes the repairs it returns
//! (migration, quarantine moves) and keeps the validated [`Store`] in a
//! signal. Every change is planned by `core` as a [`WriteBatch`]; this module
//! checks the quota, writes all of it or nothing (rolling back the keys
//! already written when `setItem` throws), then updates the store.
//!
//! When `localStorage` cannot be used at all (disabled, private mode, an
//! iframe with blocked storage), the app keeps working **in memory** and says
//! so. Another tab's writes arrive through the `storage` event and are merged
//! by attempt id (see [`Store::on_external_change`]). Answers are written
//! after the feedback is painted: [`Storage::record_attempt`] (or
//! [`Storage::record_answer`], which moves the lesson's progress position in
//! the same batch) queues them and a `requestAnimationFrame` followed by a
//! 0-ms timeout writes the queue.
//!
//! The current profile's attempts are read through one memo
//! ([`CurrentAttempts`]), rebuilt once per change of the store: activities
//! and pages look up their attempts there instead of each asking the store
//! to clone and sort every attempt.
//!
//! Exceptions are caught everywhere: touching `window.localStorage` itself
//! throws in a sandboxed iframe.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

pub mod idb; // the teacher's space, in IndexedDB
pub mod settings; // the display settings

use communs_core::response::Response;
use communs_core::storage::{
    self as domain, Attempt, ExternalChange, ImportLimits, ImportReport, LessonStatus, NewAttempt, Profile, ProfileId, Snapshot,
    Store, Timestamp, Usage, WriteBatch,
};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A key written then removed at start to learn whether writing works. It is
/// outside the `communs.` prefix, so a load never sees it.
const PROBE_KEY: &str = "communs-sonde";

/// Where the data lives this session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// In `localStorage`: kept after the tab is closed.
    #[default]
    Local,
    /// In memory only: lost when the tab is closed (storage unavailable).
    Memory,
}

/// Whether the browser promised to keep the data (`navigator.storage.persisted()`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Persistence {
    /// Not known (yet, or the browser has no storage manager).
    #[default]
    Unknown,
    /// The browser will not evict the data without asking.
    Persisted,
    /// The browser may evict the data when space runs short.
    NotPersisted,
}

impl Persistence {
    fn from_answer(answer: Option<bool>) -> Persistence {
        match answer {
            None => Persistence::Unknown,
            Some(true) => Persistence::Persisted,
            Some(false) => Persistence::NotPersisted,
        }
    }
}

/// What the storage status banner and the profiles page show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StorageState {
    /// Local storage or memory only.
    pub mode: Mode,
    /// What the start-up load found, in French (empty when all was well).
    pub load_problems: Vec<String>,
    /// How many values this load set aside (quarantine).
    pub newly_quarantined: usize,
    /// Why the data is read-only (future schema), in French.
    pub read_only: Option<String>,
    /// The last write was refused for lack of space.
    pub full: bool,
    /// Answers or progress waiting to be written (storage full).
    pub unsaved: usize,
    /// The last write failed for another reason (French, for the banner).
    pub write_failed: bool,
    /// `navigator.storage.persisted()`, once known.
    pub persisted: Persistence,
}

/// Why a change was not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// Not enough space: nothing was written.
    Full,
    /// The domain refused the change (a code of `core`, in words from the catalogue).
    Refused(domain::StorageError),
    /// `localStorage` threw something else: nothing was written.
    Failed,
}

impl StorageError {
    /// The message to show, in French.
    pub fn message(&self) -> String {
        use crate::i18n::t;
        use crate::i18n::{profiles::ProfileMsg, storage};
        match self {
            StorageError::Full => t(ProfileMsg::ErrorFull).to_string(),
            StorageError::Refused(e) => storage::error(e),
            StorageError::Failed => t(ProfileMsg::ErrorWriteFailed).to_string(),
        }
    }
}

/// A change asked for but not yet written (written after the next paint, or
/// kept until space is freed when storage is full).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pending {
    /// An answer; with `order` (the lesson's activity ids) the lesson's
    /// progress position is planned in the same batch.
    Attempt {
        profile: ProfileId,
        attempt: NewAttempt,
        random: u64,
        order: Option<Arc<[String]>>,
    },
    Progress {
        profile: ProfileId,
        lesson: String,
        status: LessonStatus,
        position: u32,
        at: Timestamp,
    },
}

impl Pending {
    fn profile(&self) -> &ProfileId {
        match self {
            Pending::Attempt { profile, .. } | Pending::Progress { profile, .. } => profile,
        }
    }
    fn plan(&self, store: &Store) -> Result<WriteBatch, domain::StorageError> {
        match self {
            Pending::Attempt { profile, attempt, random, order: None } => {
                store.record_attempt(profile, attempt.clone(), *random).map(|(_, b)| b)
            }
            Pending::Attempt { profile, attempt, random, order: Some(order) } => {
                store.record_answer(profile, attempt.clone(), *random, order).map(|(_, b)| b)
            }
            Pending::Progress { profile, lesson, status, position, at } => {
                store.set_progress(profile, lesson, *status, *position, *at)
            }
        }
    }
}

/// The current profile's attempts, in the order they were made, with an
/// index by activity: rebuilt once when the store changes, read by every
/// activity of a page.
#[derive(Debug, Default, PartialEq)]
pub struct CurrentAttempts {
    /// The profile they belong to (`None`: no current profile).
    pub profile: Option<ProfileId>,
    /// Every attempt of the profile, oldest first.
    pub all: Vec<Attempt>,
    /// Positions in `all` of each (lesson, activity)'s attempts, oldest first.
    by_activity: HashMap<(String, String), Vec<usize>>,
}

impl CurrentAttempts {
    fn of(store: &Store) -> CurrentAttempts {
        let Some(profile) = store.current().cloned() else { return CurrentAttempts::default() };
        let all: Vec<Attempt> = store.attempts_ordered(&profile).into_iter().cloned().collect();
        let mut by_activity: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (i, a) in all.iter().enumerate() {
            by_activity.entry((a.lesson.clone(), a.activity.clone())).or_default().push(i);
        }
        CurrentAttempts { profile: Some(profile), all, by_activity }
    }
    /// The attempts at one activity, oldest first.
    pub fn at<'a>(&'a self, lesson: &str, activity: &str) -> impl Iterator<Item = &'a Attempt> + 'a {
        let positions = self.by_activity.get(&(lesson.to_string(), activity.to_string()));
        positions.into_iter().flatten().filter_map(move |&i| self.all.get(i))
    }
}

/// The learner storage of this tab: a copyable handle on signals.
#[derive(Clone, Copy)]
pub struct Storage {
    store: RwSignal<Store>,
    /// The current profile's attempts, rebuilt once per change of the store.
    current_attempts: Memo<Arc<CurrentAttempts>>,
    state: RwSignal<StorageState>,
    pending: RwSignal<Vec<Pending>>,
    flush_scheduled: StoredValue<bool>,
    /// Characters other keys of this origin take (outside `communs.`).
    other_chars: StoredValue<usize>,
    /// False while the load's repairs are not written: `localStorage` then
    /// differs from the store on purpose, and is not read back.
    in_sync: StoredValue<bool>,
}

/// Reads storage, applies the load's repairs, listens to other tabs and asks
/// the browser to keep the data. Call once, at the top of the app.
pub fn provide_storage() {
    settings::provide_settings(); // first: its quarantine moves are then part of the learners' load
    let storage = Storage::open();
    provide_context(storage);
    storage.listen();
    storage.ask_persistence(false);
    idb::provide_teacher_space();
}

/// The storage provided by [`provide_storage`].
pub fn use_storage() -> Storage {
    expect_context::<Storage>()
}

// ------------------------------------------------------------------ browser

fn warn(msg: &str) {
    web_sys::console::warn_1(&JsValue::from_str(msg));
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// True when a thrown value is a quota error (`QuotaExceededError`, Firefox's
/// `NS_ERROR_DOM_QUOTA_REACHED`, or the legacy codes 22 and 1014).
fn is_quota_error(e: &JsValue) -> bool {
    let name = js_sys::Reflect::get(e, &"name".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let code = js_sys::Reflect::get(e, &"code".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == 22.0 || code == 1014.0
}

/// Every key and value of `localStorage`, or `None` when it cannot be read.
fn read_all(ls: &web_sys::Storage) -> Option<Vec<(String, String)>> {
    let n = ls.length().ok()?;
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n {
        let Some(key) = ls.key(i).ok()? else { continue };
        if let Some(value) = ls.get_item(&key).ok()? {
            out.push((key, value));
        }
    }
    Some(out)
}

/// Now, in seconds since 1970.
pub fn now_secs() -> Timestamp {
    (js_sys::Date::now() / 1000.0).floor() as Timestamp
}

/// 64 random bits from `crypto.getRandomValues` (or `Math.random` if the
/// browser has no crypto, which only makes ids less random).
pub fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    let ok = web_sys::window().and_then(|w| w.crypto().ok()).is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if ok {
        u64::from_le_bytes(bytes)
    } else {
        let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
        let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
        (hi << 32) | lo
    }
}

/// Runs `f` after the next paint: `requestAnimationFrame` then a 0-ms
/// timeout. A tab in the background gets no animation frame, so a longer
/// timeout runs `f` too; `f` must be harmless to run twice.
fn after_paint(f: impl Fn() + Clone + 'static) {
    let g = f.clone();
    request_animation_frame(move || set_timeout(g, Duration::ZERO));
    set_timeout(f, Duration::from_millis(250));
}

// ------------------------------------------------------------------ storage

impl Storage {
    fn open() -> Storage {
        let mut state = StorageState::default();
        let mut other_chars = 0;
        let pairs = match local_storage() {
            None => {
                warn("Communs : le stockage local est indisponible, les données restent en mémoire.");
                state.mode = Mode::Memory;
                Vec::new()
            }
            Some(ls) => match read_all(&ls) {
                None => {
                    warn("Communs : le stockage local est illisible, les données restent en mémoire.");
                    state.mode = Mode::Memory;
                    Vec::new()
                }
                Some(all) => {
                    // Can we write? Old Safari private mode reads fine but has a quota of 0.
                    match ls.set_item(PROBE_KEY, "1") {
                        Ok(()) => {
                            let _ = ls.remove_item(PROBE_KEY);
                        }
                        Err(e) if is_quota_error(&e) && !all.is_empty() => {
                            warn("Communs : le stockage local est plein.");
                            state.full = true;
                        }
                        Err(_) => {
                            warn("Communs : le stockage local refuse l’écriture, les données restent en mémoire.");
                            state.mode = Mode::Memory;
                        }
                    }
                    let snapshot = Snapshot::of(all);
                    other_chars = snapshot.other_chars;
                    snapshot.ours
                }
            },
        };
        let report = domain::load(pairs);
        state.load_problems = report.problems.iter().map(|p| crate::i18n::storage::problem(&p.code)).collect();
        state.newly_quarantined = report.quarantined.len();
        state.read_only = report.store.read_only_reason().map(crate::i18n::storage::error);
        for p in &state.load_problems {
            warn(&format!("Communs : {p}"));
        }
        // The store describes the state *after* the repairs: start from the
        // raw snapshot's view, then write the repairs like any other batch.
        let store = RwSignal::new(report.store);
        let storage = Storage {
            store,
            current_attempts: Memo::new(move |_| Arc::new(store.with(CurrentAttempts::of))),
            state: RwSignal::new(state),
            pending: RwSignal::new(Vec::new()),
            flush_scheduled: StoredValue::new(false),
            other_chars: StoredValue::new(other_chars),
            in_sync: StoredValue::new(true),
        };
        if !report.repairs.is_empty() {
            if let Err(e) = storage.write_only(&report.repairs) {
                // The store still works; the next load tries again.
                warn(&format!("Communs : réparations non écrites ({e:?})."));
                storage.in_sync.set_value(false);
            }
        }
        storage
    }

    /// Listens to other tabs (`storage` event) and writes what is queued
    /// when the tab is hidden or closed.
    fn listen(self) {
        let Some(window) = web_sys::window() else { return };
        if self.state.with_untracked(|s| s.mode) == Mode::Local {
            let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                self.on_storage_event(&ev);
            });
            let _ = window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
            on_storage.forget();
        }
        let on_hide = Closure::<dyn Fn()>::new(move || self.flush());
        let _ = window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        on_hide.forget();
    }

    fn on_storage_event(self, ev: &web_sys::StorageEvent) {
        if self.state.with_untracked(|s| s.read_only.is_some()) {
            return;
        }
        let key = ev.key();
        match ExternalChange::of(key.as_deref()) {
            // `localStorage.clear()` in another tab: read everything again.
            ExternalChange::Cleared => self.reload(),
            ExternalChange::Ours(key) => self.external(key, ev.new_value().as_deref()),
            ExternalChange::NotOurs => {}
        }
    }

    /// Takes another tab's value of `key` (merged by attempt id by `core`)
    /// and writes back what our value had and theirs lost.
    fn external(self, key: &str, new_value: Option<&str>) {
        let fix = self.store.try_update(|s| s.on_external_change(key, new_value));
        if let Some(fix) = fix.filter(|f| !f.is_empty()) {
            if let Err(e) = self.commit(&fix) {
                warn(&format!("Communs : fusion avec l’autre onglet non écrite ({e:?})."));
            }
        }
    }

    /// True when `localStorage` holds another value for `key` than the
    /// store believes: another tab wrote it and its `storage` event has not
    /// arrived yet. Then the store takes it in now.
    fn catch_up(self, key: &str) -> bool {
        if !self.in_sync.get_value() || self.state.with_untracked(|s| s.mode == Mode::Memory || s.read_only.is_some()) {
            return false;
        }
        let Some(on_disk) = local_storage().and_then(|ls| ls.get_item(key).ok()) else { return false };
        if self.store.with_untracked(|s| s.raw_value(key) == on_disk.as_deref()) {
            return false;
        }
        self.external(key, on_disk.as_deref());
        true
    }

    /// Reads `localStorage` again (after another tab cleared it).
    fn reload(self) {
        let Some(pairs) = local_storage().and_then(|ls| read_all(&ls)) else { return };
        let snapshot = Snapshot::of(pairs);
        self.other_chars.set_value(snapshot.other_chars);
        let report = domain::load(snapshot.ours);
        self.store.set(report.store);
        let written = report.repairs.is_empty() || self.write_only(&report.repairs).is_ok();
        self.in_sync.set_value(written);
    }

    /// Asks the browser not to evict the data (`navigator.storage.persist()`),
    /// once there is something to keep; records whether it is persisted.
    fn ask_persistence(self, force: bool) {
        if self.state.with_untracked(|s| s.mode) == Mode::Memory {
            return;
        }
        let has_data = force || self.store.with_untracked(|s| !s.profiles().is_empty());
        let Some(manager) = web_sys::window()
            .map(|w| w.navigator())
            .and_then(|n| js_sys::Reflect::get(&n, &"storage".into()).ok())
            .filter(|m| !m.is_undefined() && !m.is_null())
            .map(|m| m.unchecked_into::<web_sys::StorageManager>())
        else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let persisted = match manager.persisted() {
                Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
                Err(_) => None,
            };
            let persisted = match persisted {
                Some(false) if has_data => match manager.persist() {
                    Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
                    Err(_) => Some(false),
                },
                other => other,
            };
            self.state.update(|s| s.persisted = Persistence::from_answer(persisted));
        });
    }

    /// Writes a batch to `localStorage`, all or nothing (no store update).
    fn write_only(&self, batch: &WriteBatch) -> Result<(), StorageError> {
        if batch.is_empty() || self.state.with_untracked(|s| s.mode) == Mode::Memory {
            return Ok(());
        }
        let Some(ls) = local_storage() else { return Err(StorageError::Failed) };
        let quota = domain::quota_for_communs(self.other_chars.get_value());
        if batch.delta_chars() > 0 && !self.store.with_untracked(|s| s.fits(batch, quota)) {
            return Err(StorageError::Full);
        }
        let mut written: Vec<&str> = Vec::new();
        for op in &batch.ops {
            let result = match &op.value {
                Some(v) => ls.set_item(&op.key, v),
                None => ls.remove_item(&op.key),
            };
            if let Err(e) = result {
                // Roll back the keys already written, in the batch's undo order.
                for undo in batch.undo.iter().filter(|u| written.contains(&u.key.as_str())) {
                    let _ = match &undo.value {
                        Some(v) => ls.set_item(&undo.key, v),
                        None => ls.remove_item(&undo.key),
                    };
                }
                return Err(if is_quota_error(&e) { StorageError::Full } else { StorageError::Failed });
            }
            written.push(&op.key);
        }
        Ok(())
    }

    /// Writes a batch (all or nothing) then updates the store; records a
    /// full storage in the state.
    fn commit(&self, batch: &WriteBatch) -> Result<(), StorageError> {
        if batch.is_empty() {
            return Ok(());
        }
        match self.write_only(batch) {
            Ok(()) => {
                self.store.update(|s| s.apply(batch));
                let freed = batch.delta_chars() < 0;
                self.state.update(|s| {
                    if s.full || s.write_failed {
                        s.full = false;
                        s.write_failed = false;
                    }
                });
                if freed && self.pending.with_untracked(|p| !p.is_empty()) {
                    self.schedule_flush();
                }
                Ok(())
            }
            Err(e) => {
                warn(&format!("Communs : écriture refusée, rien n’a été modifié ({e:?})."));
                self.state.update(|s| match e {
                    StorageError::Full => s.full = true,
                    _ => s.write_failed = true,
                });
                Err(e)
            }
        }
    }

    /// Plans with the current store, then commits.
    fn change(&self, plan: impl Fn(&Store) -> Result<WriteBatch, domain::StorageError>) -> Result<(), StorageError> {
        self.change_with(|s| plan(s).map(|b| ((), b)))
    }

    /// Plans with the current store and commits. Before planning, the index
    /// is read again, and after planning, every key the batch writes: when
    /// another tab changed one and its `storage` event is still on its way,
    /// the store takes the change in and the batch is planned again, so new
    /// lesson and activity ids are added after the other tab's, never beside
    /// them, and no line of the other tab is overwritten.
    fn change_with<T>(&self, plan: impl Fn(&Store) -> Result<(T, WriteBatch), domain::StorageError>) -> Result<T, StorageError> {
        self.catch_up(domain::META_KEY);
        let mut planned = self.store.with_untracked(&plan).map_err(StorageError::Refused)?;
        for _ in 0..3 {
            let keys: Vec<String> = planned.1.ops.iter().map(|op| op.key.clone()).collect();
            let mut stale = false;
            for key in keys {
                stale |= self.catch_up(&key);
            }
            if !stale {
                break;
            }
            planned = self.store.with_untracked(&plan).map_err(StorageError::Refused)?;
        }
        self.commit(&planned.1)?;
        Ok(planned.0)
    }

    fn schedule_flush(&self) {
        if self.flush_scheduled.get_value() {
            return;
        }
        self.flush_scheduled.set_value(true);
        let this = *self;
        after_paint(move || this.flush());
    }

    /// Writes what is queued, in order. What does not fit stays queued (and
    /// counted in [`StorageState::unsaved`]) until space is freed.
    fn flush(&self) {
        self.flush_scheduled.set_value(false);
        let queue = self.pending.try_update(std::mem::take).unwrap_or_default();
        if queue.is_empty() {
            return;
        }
        let mut kept = Vec::new();
        for item in queue {
            if !kept.is_empty() {
                // Keep the order: once one is refused, the later ones wait too.
                kept.push(item);
                continue;
            }
            match self.change(|s| item.plan(s)) {
                Ok(()) => {}
                Err(StorageError::Refused(e)) => {
                    warn(&format!("Communs : réponse non enregistrée : {}", crate::i18n::storage::error(&e)))
                }
                Err(_) => kept.push(item),
            }
        }
        let unsaved = kept.len();
        self.pending.set(kept);
        self.state.update(|s| s.unsaved = unsaved);
    }

    fn queue(&self, item: Pending) {
        self.pending.update(|q| q.push(item));
        self.schedule_flush();
    }

    // -------------------------------------------------------------- reading

    /// Reads the store (reactive).
    pub fn with_store<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        self.store.with(f)
    }

    /// The storage status (reactive).
    pub fn state(&self) -> StorageState {
        self.state.get()
    }

    /// Every profile, in creation order (reactive).
    pub fn profiles(&self) -> Vec<Profile> {
        self.store.with(|s| s.profiles().to_vec())
    }

    /// The current profile, if one is chosen (reactive).
    pub fn current_profile(&self) -> Option<Profile> {
        self.store.with(|s| s.current_profile().cloned())
    }

    /// The current profile, read without subscribing (event handlers).
    pub fn current_profile_untracked(&self) -> Option<Profile> {
        self.store.with_untracked(|s| s.current_profile().cloned())
    }

    /// Where the current profile is in a lesson (reactive).
    pub fn lesson_status(&self, lesson: &str) -> Option<LessonStatus> {
        self.store.with(|s| s.current().and_then(|id| s.lesson_progress(id, lesson)).map(|p| p.status))
    }

    /// The last position reached by the current profile in a lesson (reactive).
    pub fn lesson_position(&self, lesson: &str) -> Option<u32> {
        self.store.with(|s| s.current().and_then(|id| s.lesson_progress(id, lesson)).map(|p| p.position))
    }

    /// Records where the current profile is in a lesson (after the next
    /// paint). No-op without a profile; « terminée » never goes back.
    pub fn set_progress(&self, lesson: &str, status: LessonStatus, position: u32) {
        let Some(profile) = self.store.with_untracked(|s| s.current().cloned()) else { return };
        self.queue(Pending::Progress { profile, lesson: lesson.to_string(), status, position, at: now_secs() });
    }

    /// Record an answer for the current profile. Schedules the write after the next paint
    /// (requestAnimationFrame then a 0-ms timeout); returns false (and changes nothing) when there is no current profile.
    pub fn record_attempt(&self, lesson: &str, activity: &str, response: Response, score: u8, duration_secs: u32) -> bool {
        self.queue_answer(lesson, activity, response, score, duration_secs, None)
    }

    /// Records an answer given in a lesson whose activities are `order`:
    /// like [`Storage::record_attempt`], and the lesson's progress position
    /// (the activity after the last one answered) is written in the same
    /// batch, planned by `core` in one go.
    pub fn record_answer(
        &self,
        lesson: &str,
        activity: &str,
        response: Response,
        score: u8,
        duration_secs: u32,
        order: Arc<[String]>,
    ) -> bool {
        self.queue_answer(lesson, activity, response, score, duration_secs, Some(order))
    }

    fn queue_answer(
        &self,
        lesson: &str,
        activity: &str,
        response: Response,
        score: u8,
        duration_secs: u32,
        order: Option<Arc<[String]>>,
    ) -> bool {
        let (profile, read_only) = self.store.with_untracked(|s| (s.current().cloned(), s.read_only_reason().is_some()));
        let Some(profile) = profile.filter(|_| !read_only) else { return false };
        let attempt = NewAttempt {
            at: now_secs(),
            lesson: lesson.to_string(),
            activity: activity.to_string(),
            score,
            duration: duration_secs,
            response,
        };
        self.queue(Pending::Attempt { profile, attempt, random: random_u64(), order });
        true
    }

    /// Reads the current profile's attempts (reactive; rebuilt once per
    /// change of the store, shared by every reader).
    pub fn with_attempts<R>(&self, f: impl FnOnce(&CurrentAttempts) -> R) -> R {
        self.current_attempts.with(|a| f(a))
    }

    /// The number of the current profile's attempts at one activity and the
    /// score of the latest (reactive, nothing cloned).
    pub fn activity_summary(&self, lesson: &str, activity: &str) -> (usize, Option<u8>) {
        self.with_attempts(|a| a.at(lesson, activity).fold((0, None), |(n, _), t| (n + 1, Some(t.score))))
    }

    /// The current profile's attempts at one activity, oldest first (reactive).
    pub fn attempts_for(&self, lesson: &str, activity: &str) -> Vec<Attempt> {
        self.with_attempts(|a| a.at(lesson, activity).cloned().collect())
    }

    /// Every attempt of the current profile, oldest first (reactive).
    pub fn attempts(&self) -> Vec<Attempt> {
        self.with_attempts(|a| a.all.clone())
    }

    /// The answers of every profile of this browser to one activity (polls,
    /// word clouds), oldest first (reactive).
    pub fn device_responses(&self, lesson: &str, activity: &str) -> Vec<Response> {
        self.store.with(|s| s.device_responses(lesson, activity))
    }

    /// A seed for shuffles, stable per learner and activity (reactive).
    pub fn seed_for(&self, lesson: &str, activity: &str) -> u64 {
        let id = self.store.with(|s| s.current().map(|p| p.as_str().to_string())).unwrap_or_default();
        communs_core::text::hash_seed(&[&id, lesson, activity])
    }

    /// Whether to remind the current profile to save (export) its progress
    /// (reactive; `false` without a profile).
    pub fn export_reminder_due(&self) -> bool {
        let now = now_secs();
        self.store.with(|s| s.current().is_some_and(|id| s.export_reminder_due(id, now)))
    }

    /// Storage used by Communs, in UTF-16 code units, and the budget assumed
    /// for it (reactive).
    pub fn usage(&self) -> Usage {
        let other_chars = self.other_chars.get_value();
        self.store.with(|s| s.usage(other_chars))
    }

    // -------------------------------------------------------------- changes

    /// Creates a profile and makes it current.
    pub fn create_profile(&self, pseudonym: &str, colour: u8, avatar: u8) -> Result<ProfileId, StorageError> {
        let (now, random) = (now_secs(), random_u64());
        let id = self.change_with(|s| s.create_profile(pseudonym, colour, avatar, now, random))?;
        self.ask_persistence(true);
        Ok(id)
    }

    /// Changes a profile's pseudonym.
    pub fn rename_profile(&self, id: &ProfileId, pseudonym: &str) -> Result<(), StorageError> {
        self.change(|s| s.rename_profile(id, pseudonym))
    }

    /// Changes a profile's colour and avatar.
    pub fn restyle_profile(&self, id: &ProfileId, colour: u8, avatar: u8) -> Result<(), StorageError> {
        self.change(|s| s.restyle_profile(id, colour, avatar))
    }

    /// Makes a profile current (`None`: nobody).
    pub fn switch_profile(&self, id: Option<&ProfileId>) -> Result<(), StorageError> {
        self.flush();
        self.change(|s| s.switch_profile(id))
    }

    /// Erases a profile and everything it did (its queued answers too).
    pub fn delete_profile(&self, id: &ProfileId) -> Result<(), StorageError> {
        self.change(|s| s.delete_profile(id))?;
        self.drop_pending(id);
        Ok(())
    }

    /// « Effacer ma progression »: erases a profile's attempts and progress
    /// (its queued answers too); the profile stays.
    pub fn erase_progress(&self, id: &ProfileId) -> Result<(), StorageError> {
        self.change(|s| s.erase_progress(id))?;
        self.drop_pending(id);
        Ok(())
    }

    fn drop_pending(&self, id: &ProfileId) {
        self.pending.update(|q| q.retain(|p| p.profile() != id));
        let unsaved = self.pending.with_untracked(Vec::len);
        self.state.update(|s| s.unsaved = unsaved);
    }

    /// The export document of a profile, answers not yet written included.
    /// Call [`Storage::mark_exported`] once the file is offered.
    pub fn export_profile(&self, id: &ProfileId) -> Result<String, StorageError> {
        self.flush();
        let now = now_secs();
        let pending = self.pending.get_untracked();
        self.store.with_untracked(|s| {
            let mut copy;
            let store = if pending.iter().any(|p| p.profile() == id) {
                copy = s.clone();
                for item in pending.iter().filter(|p| p.profile() == id) {
                    if let Ok(b) = item.plan(&copy) {
                        copy.apply(&b);
                    }
                }
                &copy
            } else {
                s
            };
            store.export_profile(id, now).map_err(StorageError::Refused)
        })
    }

    /// Records « dernière sauvegarde » for a profile.
    pub fn mark_exported(&self, id: &ProfileId) -> Result<(), StorageError> {
        let now = now_secs();
        self.change(|s| s.mark_exported(id, now))
    }

    /// Imports a profile export (merged by attempt id; the profile becomes current).
    pub fn import(&self, text: &str) -> Result<ImportReport, StorageError> {
        self.flush();
        self.change_with(|s| domain::import(s, text, &ImportLimits::default()).map(|(b, r)| (r, b)))
    }

    /// The values set aside, as the JSON document to download
    /// ([`domain::quarantine_document`]).
    pub fn quarantine_document(&self) -> String {
        self.store.with_untracked(|s| domain::quarantine_document(s.quarantined()))
    }

    /// Writes what is queued now (before leaving a lesson, for instance).
    pub fn flush_now(&self) {
        self.flush();
    }
}
