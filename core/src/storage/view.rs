//! The [`Store`]: the validated in-memory view of Communs' storage, always
//! consistent with the raw key-value map it was derived from, and its
//! queries (profiles, attempts, progress, quarantine). [`Store::apply`]
//! brings the view up to date after a batch was written; loading is in
//! `load`, planning in `write`, other tabs' changes in `merge`.

use super::codec::{self, ActRef, ChunkFormat};
use super::schema::{
    self, classify, meta_json, read_meta, read_progress, KeyKind, LessonRef, MetaParse, MetaRead, Month, ProgressEntry, ProgressRead,
};
use super::*;
use crate::response::Response;
use std::collections::{BTreeMap, BTreeSet};

/// The attempts of one chunk, each with its rank in its second.
#[derive(Clone, Debug, Default)]
struct ChunkView {
    attempts: Vec<(u32, Attempt)>,
}

/// The validated in-memory view of Communs' storage, always consistent with
/// the raw key-value map it was derived from.
#[derive(Clone, Debug, Default)]
pub struct Store {
    pub(super) raw: BTreeMap<String, String>,
    pub(super) read_only: Option<StorageError>,
    pub(crate) profiles: Vec<Profile>,
    pub(crate) current: Option<ProfileId>,
    pub(super) lessons: Vec<String>,
    pub(super) acts: Vec<(u32, String)>,
    lesson_index: BTreeMap<String, u32>,
    act_index: BTreeMap<(u32, String), u32>,
    chunks: BTreeMap<(ProfileId, Month), ChunkView>,
    progress: BTreeMap<ProfileId, BTreeMap<String, LessonProgress>>,
    quarantined: Vec<Quarantined>,
}

// ---------------------------------------------------------------- id tables and encodings

impl Store {
    pub(super) fn set_meta(&mut self, m: MetaParse) {
        self.profiles = m.profiles;
        self.current = m.current;
        self.lessons = m.lessons;
        self.acts = m.acts;
        self.rebuild_indexes();
    }

    pub(super) fn rebuild_indexes(&mut self) {
        self.lesson_index = self.lessons.iter().enumerate().map(|(i, l)| (l.clone(), i as u32)).collect();
        self.act_index = self.acts.iter().enumerate().map(|(i, a)| (a.clone(), i as u32)).collect();
    }

    pub(super) fn intern_lesson(&mut self, lesson: &str) -> u32 {
        if let Some(&i) = self.lesson_index.get(lesson) {
            return i;
        }
        let i = self.lessons.len() as u32;
        self.lessons.push(lesson.to_string());
        self.lesson_index.insert(lesson.to_string(), i);
        i
    }

    pub(super) fn intern_act(&mut self, lesson: &str, activity: &str) -> u32 {
        let l = self.intern_lesson(lesson);
        let key = (l, activity.to_string());
        if let Some(&i) = self.act_index.get(&key) {
            return i;
        }
        let i = self.acts.len() as u32;
        self.acts.push(key.clone());
        self.act_index.insert(key, i);
        i
    }

    /// The reference a new line makes to an activity: its position when the
    /// entry is one of the first `known` of the table (there before the
    /// batch being planned), its ids when the batch adds it (another tab may
    /// be giving that position another meaning at the same moment: see
    /// `docs/storage.md`, « Deux onglets »). The entry is added either way.
    pub(super) fn act_ref(&mut self, lesson: &str, activity: &str, known: usize) -> ActRef {
        let i = self.intern_act(lesson, activity);
        if (i as usize) < known {
            ActRef::Index(i)
        } else {
            ActRef::Ids { lesson: lesson.to_string(), activity: activity.to_string() }
        }
    }

    /// A chunk value whose lines refer to activity positions from `from` on
    /// rewritten with the ids those positions have in this store's table
    /// (`None` when no line needs it): before another tab's index, which
    /// gives those positions other meanings, is taken in.
    pub(super) fn chunk_with_ids_from(&self, value: &str, from: usize) -> Option<String> {
        let format = codec::chunk_format(value);
        if format != ChunkFormat::V3 {
            return None;
        }
        let mut changed = false;
        let lines: Vec<String> = codec::v2_lines(value)
            .map(|raw| {
                let Some(mut line) = codec::decode_line(raw) else { return raw.to_string() };
                let ActRef::Index(i) = line.act else { return raw.to_string() };
                let entry = self.acts.get(i as usize).and_then(|(l, a)| Some((self.lessons.get(*l as usize)?, a)));
                match entry {
                    Some((lesson, activity)) if i as usize >= from => {
                        changed = true;
                        line.act = ActRef::Ids { lesson: lesson.clone(), activity: activity.clone() };
                        codec::encode_line(&line)
                    }
                    _ => raw.to_string(),
                }
            })
            .collect();
        changed.then(|| codec::chunk_from_lines(lines.iter().map(String::as_str)))
    }

    /// A copy holding the index only (profiles, current profile, id
    /// tables), to plan a change of the index on.
    pub(super) fn index_only(&self) -> Store {
        Store {
            profiles: self.profiles.clone(),
            current: self.current.clone(),
            lessons: self.lessons.clone(),
            acts: self.acts.clone(),
            lesson_index: self.lesson_index.clone(),
            act_index: self.act_index.clone(),
            ..Store::default()
        }
    }

    /// The index value of this store (profiles, current, tables).
    pub(super) fn meta_json(&self) -> String {
        meta_json(&self.profiles, self.current.as_ref(), &self.lessons, &self.acts)
    }

    /// The progress value of these entries: a lesson among the first
    /// `known` of the table by its position, another (added by the batch
    /// being planned) by its id.
    pub(super) fn progress_json(&self, entries: &BTreeMap<String, LessonProgress>, known: usize) -> String {
        let l = entries
            .iter()
            .map(|(lesson, p)| {
                let r = match self.lesson_index.get(lesson) {
                    Some(&i) if (i as usize) < known => LessonRef::Index(i),
                    _ => LessonRef::Id(lesson.clone()),
                };
                ProgressEntry::new(r, p)
            })
            .collect();
        schema::progress_json(l)
    }

    /// Progress entries of a stored value, read with this store's tables.
    pub(super) fn read_progress(&self, value: &str) -> BTreeMap<String, LessonProgress> {
        read_progress(value, &self.lessons).entries()
    }
}

// ---------------------------------------------------------------- deriving the view

impl Store {
    /// Re-derives everything from `raw` (which must be v3, as after a load).
    pub(super) fn derive_all(&mut self) {
        self.chunks.clear();
        self.progress.clear();
        self.quarantined.clear();
        if let Some(meta) = self.raw.get(META_KEY) {
            if let MetaRead::Tables(m, _) = read_meta(meta) {
                self.set_meta(m);
            }
        }
        let keys: Vec<String> = self.raw.keys().cloned().collect();
        for k in keys {
            self.derive_key(&k);
        }
    }

    fn attempt_from_line(&self, raw: &str, month: Month, format: ChunkFormat) -> Option<(u32, Attempt)> {
        let line = codec::decode_line_in(raw, format)?;
        let (lesson, activity) = match line.act {
            ActRef::Index(i) => {
                let (l, a) = self.acts.get(i as usize)?;
                (self.lessons.get(*l as usize)?.clone(), a.clone())
            }
            ActRef::Ids { lesson, activity } => (lesson, activity),
        };
        let attempt = Attempt {
            id: line.id,
            at: month.start() + line.rel as i64,
            lesson,
            activity,
            score: line.score,
            duration: line.duration,
            response: line.response,
        };
        Some((line.tie, attempt))
    }

    fn derive_key(&mut self, key: &str) {
        let value = self.raw.get(key).cloned();
        match classify(key) {
            KeyKind::Chunk(pid, month) => {
                self.chunks.remove(&(pid.clone(), month));
                let Some(value) = value else { return };
                let format = codec::chunk_format(&value);
                if !matches!(format, ChunkFormat::V2 | ChunkFormat::V3) {
                    return;
                }
                let mut view = ChunkView::default();
                let mut seen = BTreeSet::new();
                for (tie, a) in codec::v2_lines(&value).filter_map(|l| self.attempt_from_line(l, month, format)) {
                    if seen.insert(a.id.clone()) {
                        view.attempts.push((tie, a));
                    }
                }
                self.chunks.insert((pid, month), view);
            }
            KeyKind::Progress(pid) => {
                self.progress.remove(&pid);
                let read = value.map(|v| read_progress(&v, &self.lessons));
                if let Some(ProgressRead::Whole(entries) | ProgressRead::Partial(entries)) = read {
                    self.progress.insert(pid, entries);
                }
            }
            KeyKind::Quarantine => {
                self.quarantined.retain(|q| q.key != key);
                if let Some(v) = value {
                    self.quarantined.push(Quarantined::read(key, &v));
                }
            }
            _ => {}
        }
    }

    /// Updates the view after the app applied `batch` (or after another tab
    /// changed keys: pass their new values as a batch of ops).
    pub fn apply(&mut self, batch: &WriteBatch) {
        if self.read_only.is_some() {
            return;
        }
        let mut meta_changed = false;
        // Chunks that only grew: decode the new lines only.
        let mut appended: Vec<(ProfileId, Month, String)> = Vec::new();
        let mut full: BTreeSet<String> = BTreeSet::new();
        for op in &batch.ops {
            if !op.key.starts_with(PREFIX) {
                continue;
            }
            let previous = match &op.value {
                Some(v) => self.raw.insert(op.key.clone(), v.clone()),
                None => self.raw.remove(&op.key),
            };
            meta_changed |= op.key == META_KEY;
            if let (Some(prev), Some(new), KeyKind::Chunk(pid, month)) = (previous, &op.value, classify(&op.key)) {
                if let Some(tail) = new.strip_prefix(prev.as_str()).filter(|t| prev.ends_with('\n') && !t.is_empty()) {
                    appended.push((pid, month, tail.to_string()));
                    continue;
                }
            }
            full.insert(op.key.clone());
        }
        if meta_changed {
            // Tables only grow: existing chunks keep their meaning, only the
            // touched keys need a new look. Anything else: derive everything.
            let parsed = self.raw.get(META_KEY).map(|m| read_meta(m));
            match parsed {
                Some(MetaRead::Tables(m, _)) if m.lessons.starts_with(&self.lessons) && m.acts.starts_with(&self.acts) => {
                    self.set_meta(m);
                }
                _ => {
                    self.derive_all();
                    return;
                }
            }
        }
        for (pid, month, tail) in appended {
            let key = schema::chunk_key(&pid, month);
            if full.contains(&key) || !self.chunks.contains_key(&(pid.clone(), month)) {
                full.insert(key);
                continue;
            }
            let new: Vec<(u32, Attempt)> = tail.lines().filter_map(|l| self.attempt_from_line(l, month, ChunkFormat::V3)).collect();
            if let Some(view) = self.chunks.get_mut(&(pid, month)) {
                for a in new {
                    if view.attempts.iter().all(|(_, b)| b.id != a.1.id) {
                        view.attempts.push(a);
                    }
                }
            }
        }
        for k in full {
            self.derive_key(&k);
        }
    }
}

// ---------------------------------------------------------------- queries

impl Store {
    /// Why the store is read-only, in French (`None` when writable).
    pub fn read_only_reason(&self) -> Option<&StorageError> {
        self.read_only.as_ref()
    }
    /// All profiles, in creation order.
    pub fn profiles(&self) -> &[Profile] {
        &self.profiles
    }
    /// One profile.
    pub fn profile(&self, id: &ProfileId) -> Option<&Profile> {
        self.profiles.iter().find(|p| &p.id == id)
    }
    /// The current profile, if one is chosen.
    pub fn current(&self) -> Option<&ProfileId> {
        self.current.as_ref()
    }
    /// The current profile's record, if one is chosen.
    pub fn current_profile(&self) -> Option<&Profile> {
        self.current().and_then(|id| self.profile(id))
    }
    fn chunks_of<'a>(&'a self, id: &'a ProfileId) -> impl Iterator<Item = &'a ChunkView> + 'a {
        self.chunks.range((id.clone(), Month::FIRST)..).take_while(move |((p, _), _)| p == id).map(|(_, c)| c)
    }
    /// Every attempt of a profile, in the order they were made (time, rank
    /// in the second, then id), borrowed.
    pub fn attempts_ordered<'a>(&'a self, id: &'a ProfileId) -> Vec<&'a Attempt> {
        let mut v: Vec<(u32, &Attempt)> = self.chunks_of(id).flat_map(|c| c.attempts.iter().map(|(t, a)| (*t, a))).collect();
        v.sort_by(|(ta, a), (tb, b)| (a.at, ta, &a.id).cmp(&(b.at, tb, &b.id)));
        v.into_iter().map(|(_, a)| a).collect()
    }
    /// Every attempt of a profile, in the order they were made (time, rank
    /// in the second, then id).
    pub fn attempts(&self, id: &ProfileId) -> Vec<Attempt> {
        self.attempts_ordered(id).into_iter().cloned().collect()
    }
    /// A profile's attempts at one activity, in the order they were made.
    pub fn attempts_at(&self, id: &ProfileId, lesson: &str, activity: &str) -> Vec<Attempt> {
        self.attempts_ordered(id).into_iter().filter(|a| a.lesson == lesson && a.activity == activity).cloned().collect()
    }
    /// The answers of every profile of this browser to one activity (polls,
    /// word clouds), by time, rank in the second, then attempt id.
    pub fn device_responses(&self, lesson: &str, activity: &str) -> Vec<Response> {
        let mut all: Vec<(i64, u32, &AttemptId, &Response)> = self
            .profiles
            .iter()
            .flat_map(|p| self.chunks_of(&p.id))
            .flat_map(|c| c.attempts.iter())
            .filter(|(_, a)| a.lesson == lesson && a.activity == activity)
            .map(|(t, a)| (a.at, *t, &a.id, &a.response))
            .collect();
        all.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
        all.into_iter().map(|(_, _, _, r)| r.clone()).collect()
    }
    /// True when the profile already has an attempt with this id.
    pub fn has_attempt(&self, profile: &ProfileId, id: &AttemptId) -> bool {
        self.chunks_of(profile).any(|c| c.attempts.iter().any(|(_, a)| &a.id == id))
    }
    /// The activities of `lesson` the profile answered at least once.
    pub(super) fn activities_answered<'a>(&'a self, profile: &'a ProfileId, lesson: &str) -> BTreeSet<&'a str> {
        self.chunks_of(profile)
            .flat_map(|c| c.attempts.iter())
            .filter(|(_, a)| a.lesson == lesson)
            .map(|(_, a)| a.activity.as_str())
            .collect()
    }
    /// The rank a new attempt of `profile` made at `at` takes in its second:
    /// one more than the highest rank stored for that second (0 when none).
    pub(super) fn next_tie(&self, profile: &ProfileId, at: Timestamp) -> u32 {
        let month = Month::of(at);
        self.chunks
            .get(&(profile.clone(), month))
            .and_then(|c| c.attempts.iter().filter(|(_, a)| a.at == at).map(|(t, _)| t.saturating_add(1)).max())
            .unwrap_or(0)
    }
    /// Lesson progress of a profile, by lesson id.
    pub fn progress(&self, id: &ProfileId) -> BTreeMap<String, LessonProgress> {
        self.progress.get(id).cloned().unwrap_or_default()
    }
    /// Progress of a profile in one lesson.
    pub fn lesson_progress(&self, id: &ProfileId, lesson: &str) -> Option<&LessonProgress> {
        self.progress.get(id).and_then(|p| p.get(lesson))
    }
    /// Attempts made after the last export (all when never exported).
    pub fn attempts_since_export(&self, id: &ProfileId) -> usize {
        let since = self.profile(id).and_then(|p| p.last_export).unwrap_or(i64::MIN);
        self.chunks_of(id).flat_map(|c| c.attempts.iter()).filter(|(_, a)| a.at > since).count()
    }
    /// Values in quarantine, to offer for download.
    pub fn quarantined(&self) -> &[Quarantined] {
        &self.quarantined
    }
    /// The raw value of a key, as the store believes it is stored.
    pub fn raw_value(&self, key: &str) -> Option<&str> {
        self.raw.get(key).map(String::as_str)
    }
    /// All raw pairs, as the store believes they are stored.
    pub fn raw_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.raw.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}
