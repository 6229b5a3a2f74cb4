//! Planning writes: every change to storage is computed by a `&Store`
//! method as a [`WriteBatch`] — the operations in order and the old values
//! to roll back — which the app checks against the quota, applies all or
//! nothing, then hands to [`Store::apply`]. Profiles (create, rename,
//! restyle, switch, mark exported, erase progress, delete), attempts and
//! progress (apart or together) are planned here; imports reuse
//! [`Store::plan_attempts_with`].

use super::codec::{self, ChunkFormat, Line};
use super::schema::{chunk_key, classify, merge_progress_entry, progress_key, KeyKind, Month};
use super::*;
use crate::response::Response;
use std::collections::BTreeMap;
use std::collections::BTreeSet;

/// One operation for the app: `setItem(key, value)` or `removeItem(key)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteOp {
    /// The key.
    pub key: String,
    /// `Some(value)` to set, `None` to remove.
    pub value: Option<String>,
}

/// Writes to apply in order, all or nothing, with the old values to restore
/// (in `undo`, to apply in order) if any write fails.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteBatch {
    /// Operations, in the order to apply.
    pub ops: Vec<WriteOp>,
    /// The reverse operations, in the order to apply for a rollback.
    pub undo: Vec<WriteOp>,
}

impl WriteBatch {
    /// True when there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
    /// Change in used storage (UTF-16 code units of keys and values) once
    /// applied; negative when the batch frees space.
    pub fn delta_chars(&self) -> i64 {
        let size = |op: &WriteOp| op.value.as_ref().map_or(0, |v| (utf16_len(&op.key) + utf16_len(v)) as i64);
        self.ops.iter().map(size).sum::<i64>() - self.undo.iter().map(size).sum::<i64>()
    }
    /// Appends another batch after this one (ops in order, undo reversed).
    pub fn then(mut self, other: WriteBatch) -> WriteBatch {
        self.ops.extend(other.ops);
        let mut undo = other.undo;
        undo.extend(self.undo);
        self.undo = undo;
        self
    }
}

/// The batch applying `changes` to `current` (unchanged keys skipped), with
/// the old values in rollback order.
pub(super) fn batch_from(current: &BTreeMap<String, String>, changes: Vec<(String, Option<String>)>) -> WriteBatch {
    let mut b = WriteBatch::default();
    for (key, value) in changes {
        let old = current.get(&key).cloned();
        if old == value {
            continue;
        }
        b.undo.push(WriteOp { key: key.clone(), value: old });
        b.ops.push(WriteOp { key, value });
    }
    b.undo.reverse();
    b
}

impl Store {
    fn writable(&self) -> Result<(), StorageError> {
        match &self.read_only {
            Some(r) => err(r.clone()),
            None => Ok(()),
        }
    }

    fn known(&self, id: &ProfileId) -> Result<&Profile, StorageError> {
        self.profile(id).ok_or(StorageError::UnknownProfile)
    }

    fn with_meta(&self, f: impl FnOnce(&mut Store)) -> (Store, Option<String>) {
        let mut s = self.index_only();
        f(&mut s);
        let json = s.meta_json();
        let changed = self.raw.get(META_KEY) != Some(&json);
        (s, changed.then_some(json))
    }

    /// Plans a new profile (made current). `random` comes from the app.
    pub fn create_profile(
        &self,
        pseudonym: &str,
        colour: u8,
        avatar: u8,
        now: Timestamp,
        random: u64,
    ) -> Result<(ProfileId, WriteBatch), StorageError> {
        self.writable()?;
        let Some(pseudonym) = valid_pseudonym(pseudonym) else {
            return err(StorageError::PseudonymLength { max: MAX_PSEUDONYM_CHARS });
        };
        if self.profiles.len() >= MAX_PROFILES {
            return err(StorageError::ProfileLimit);
        }
        if (colour as usize) >= PALETTE.len() || (avatar as usize) >= AVATARS.len() {
            return err(StorageError::UnknownLook);
        }
        let mut state = random;
        let mut id = ProfileId::from_random(state);
        while self.profile(&id).is_some() {
            id = ProfileId::from_random(crate::text::splitmix64(&mut state));
        }
        let created = now.clamp(MIN_TIMESTAMP, MAX_TIMESTAMP - 1);
        let new = Profile { id: id.clone(), pseudonym, colour, avatar, created, last_export: None };
        let (_, meta) = self.with_meta(|s| {
            s.profiles.push(new);
            s.current = Some(id.clone());
        });
        Ok((id, self.plan(meta.map(|m| (META_KEY.to_string(), Some(m))).into_iter().collect())))
    }

    /// Plans a change of pseudonym.
    pub fn rename_profile(&self, id: &ProfileId, pseudonym: &str) -> Result<WriteBatch, StorageError> {
        self.writable()?;
        self.known(id)?;
        let Some(pseudonym) = valid_pseudonym(pseudonym) else {
            return err(StorageError::PseudonymLength { max: MAX_PSEUDONYM_CHARS });
        };
        self.meta_change(|s| {
            if let Some(p) = s.profiles.iter_mut().find(|p| &p.id == id) {
                p.pseudonym = pseudonym;
            }
        })
    }

    /// Plans a change of colour and avatar.
    pub fn restyle_profile(&self, id: &ProfileId, colour: u8, avatar: u8) -> Result<WriteBatch, StorageError> {
        self.writable()?;
        self.known(id)?;
        if (colour as usize) >= PALETTE.len() || (avatar as usize) >= AVATARS.len() {
            return err(StorageError::UnknownLook);
        }
        self.meta_change(|s| {
            if let Some(p) = s.profiles.iter_mut().find(|p| &p.id == id) {
                p.colour = colour;
                p.avatar = avatar;
            }
        })
    }

    /// Plans a switch of the current profile (`None`: nobody).
    pub fn switch_profile(&self, id: Option<&ProfileId>) -> Result<WriteBatch, StorageError> {
        self.writable()?;
        if let Some(id) = id {
            self.known(id)?;
        }
        self.meta_change(|s| s.current = id.cloned())
    }

    /// Plans recording "dernière sauvegarde" after a successful export.
    pub fn mark_exported(&self, id: &ProfileId, now: Timestamp) -> Result<WriteBatch, StorageError> {
        self.writable()?;
        self.known(id)?;
        self.meta_change(|s| {
            if let Some(p) = s.profiles.iter_mut().find(|p| &p.id == id) {
                p.last_export = Some(now.clamp(MIN_TIMESTAMP, MAX_TIMESTAMP - 1));
            }
        })
    }

    /// Plans erasing a profile: the index entry first, then every key of the
    /// profile (attempts, progress).
    pub fn delete_profile(&self, id: &ProfileId) -> Result<WriteBatch, StorageError> {
        self.writable()?;
        self.known(id)?;
        let (_, meta) = self.with_meta(|s| {
            s.profiles.retain(|p| &p.id != id);
            if s.current.as_ref() == Some(id) {
                s.current = None;
            }
        });
        let mut changes: Vec<(String, Option<String>)> = meta.map(|m| (META_KEY.to_string(), Some(m))).into_iter().collect();
        for key in self.raw.keys() {
            match classify(key) {
                KeyKind::Chunk(p, _) | KeyKind::Progress(p) if &p == id => changes.push((key.clone(), None)),
                _ => {}
            }
        }
        Ok(self.plan(changes))
    }

    /// Plans « Effacer ma progression »: every attempt and the lesson
    /// progress of the profile are removed; the profile itself (pseudonym,
    /// colour, avatar, last export) stays, current or not as it was.
    pub fn erase_progress(&self, id: &ProfileId) -> Result<WriteBatch, StorageError> {
        self.writable()?;
        self.known(id)?;
        let changes = self
            .raw
            .keys()
            .filter(|key| matches!(classify(key), KeyKind::Chunk(p, _) | KeyKind::Progress(p) if &p == id))
            .map(|key| (key.clone(), None))
            .collect();
        Ok(self.plan(changes))
    }

    fn meta_change(&self, f: impl FnOnce(&mut Store)) -> Result<WriteBatch, StorageError> {
        let (_, meta) = self.with_meta(f);
        Ok(self.plan(meta.map(|m| (META_KEY.to_string(), Some(m))).into_iter().collect()))
    }

    pub(crate) fn plan(&self, changes: Vec<(String, Option<String>)>) -> WriteBatch {
        batch_from(&self.raw, changes)
    }

    /// Validates and caps a new attempt.
    pub(crate) fn check_attempt(a: &NewAttempt) -> Result<(), StorageError> {
        if !valid_content_id(&a.lesson) || !valid_content_id(&a.activity) {
            return err(StorageError::BadAttemptIds);
        }
        if !valid_time(a.at) {
            return err(StorageError::BadAttemptDate);
        }
        Ok(())
    }

    /// Plans appending one attempt: the chunk of its month gets one more
    /// line (and the index its new ids, if any). `random` comes from the app.
    pub fn record_attempt(
        &self,
        profile: &ProfileId,
        attempt: NewAttempt,
        random: u64,
    ) -> Result<(AttemptId, WriteBatch), StorageError> {
        self.plan_answer(profile, attempt, random, None)
    }

    /// Plans an answer given in a lesson page: the attempt, and in the same
    /// batch the lesson's progress position (the activity after the last one
    /// answered, in `order`, the lesson's activity ids), when the lesson is
    /// not finished and the position changes. One plan, one write.
    pub fn record_answer(
        &self,
        profile: &ProfileId,
        attempt: NewAttempt,
        random: u64,
        order: &[String],
    ) -> Result<(AttemptId, WriteBatch), StorageError> {
        self.plan_answer(profile, attempt, random, Some(order))
    }

    fn plan_answer(
        &self,
        profile: &ProfileId,
        attempt: NewAttempt,
        random: u64,
        order: Option<&[String]>,
    ) -> Result<(AttemptId, WriteBatch), StorageError> {
        self.writable()?;
        self.known(profile)?;
        Self::check_attempt(&attempt)?;
        let mut progress = BTreeMap::new();
        if let Some(order) = order {
            let mut answered: BTreeSet<&str> = self.activities_answered(profile, &attempt.lesson);
            answered.insert(attempt.activity.as_str());
            let stored = self.lesson_progress(profile, &attempt.lesson);
            if let Some(last) = order.iter().rposition(|a| answered.contains(a.as_str())) {
                let position = u32::try_from((last + 1).min(order.len().saturating_sub(1))).unwrap_or(u32::MAX);
                let done = stored.is_some_and(|p| p.status == LessonStatus::Done);
                if !done && stored.map(|p| p.position) != Some(position) {
                    let updated = attempt.at.max(stored.map_or(i64::MIN, |p| p.updated));
                    progress.insert(attempt.lesson.clone(), LessonProgress { status: LessonStatus::InProgress, position, updated });
                }
            }
        }
        let mut state = random;
        let mut id = AttemptId::from_random(state);
        while self.has_attempt(profile, &id) {
            id = AttemptId::from_random(crate::text::splitmix64(&mut state));
        }
        let full = Attempt {
            id: id.clone(),
            at: attempt.at,
            lesson: attempt.lesson,
            activity: attempt.activity,
            score: attempt.score.min(MAX_SCORE),
            duration: attempt.duration.min(MAX_DURATION_SECS),
            response: codec::cap_response(&attempt.response),
        };
        Ok((id, self.plan_attempts_with(profile, &[full], &progress, |_| {})))
    }

    /// Plans adding attempts (already validated, in the order they were
    /// made) and progress entries to a profile, merging by attempt id with
    /// what is stored. Each attempt takes the next rank in its second; an
    /// activity or lesson this batch adds to the tables is written by its
    /// ids, not its new position.
    /// `meta_edit` changes the index in the same batch.
    pub(crate) fn plan_attempts_with(
        &self,
        profile: &ProfileId,
        attempts: &[Attempt],
        progress: &BTreeMap<String, LessonProgress>,
        meta_edit: impl FnOnce(&mut Store),
    ) -> WriteBatch {
        let mut progress_change = None;
        let mut lines_by_month: BTreeMap<Month, Vec<String>> = BTreeMap::new();
        let mut ties: BTreeMap<Timestamp, u32> = BTreeMap::new();
        let (meta_store, meta) = self.with_meta(|s| {
            meta_edit(s);
            for a in attempts {
                let month = Month::of(a.at);
                let act = s.act_ref(&a.lesson, &a.activity, self.acts.len());
                let tie = ties.entry(a.at).or_insert_with(|| self.next_tie(profile, a.at));
                let line = Line {
                    id: a.id.clone(),
                    rel: (a.at - month.start()).max(0) as u64,
                    tie: *tie,
                    act,
                    score: a.score,
                    duration: a.duration,
                    response: a.response.clone(),
                };
                *tie = tie.saturating_add(1);
                lines_by_month.entry(month).or_default().push(codec::encode_line(&line));
            }
            if !progress.is_empty() {
                let mut merged = self.progress(profile);
                for (lesson, p) in progress {
                    s.intern_lesson(lesson);
                    merge_progress_entry(&mut merged, lesson, p.clone());
                }
                // Nothing new: the stored value stays as it is written.
                if merged != self.progress(profile) {
                    progress_change = Some(merged);
                }
            }
        });
        let mut changes: Vec<(String, Option<String>)> = meta.map(|m| (META_KEY.to_string(), Some(m))).into_iter().collect();
        for (month, lines) in lines_by_month {
            let key = chunk_key(profile, month);
            let value = match (self.raw.get(&key), lines.as_slice()) {
                // The common case: one new line, appended (callers guarantee its
                // id is new for the profile).
                (Some(old), [line]) if codec::chunk_format(old) == ChunkFormat::V3 => {
                    let mut v = old.clone();
                    if !v.ends_with('\n') {
                        v.push('\n');
                    }
                    v.push_str(line);
                    v.push('\n');
                    v
                }
                (Some(old), _) => codec::merge_chunks(old, &codec::chunk_from_lines(lines.iter().map(String::as_str))),
                (None, _) => codec::chunk_from_lines(lines.iter().map(String::as_str)),
            };
            changes.push((key, Some(value)));
        }
        if let Some(p) = progress_change {
            changes.push((progress_key(profile), Some(meta_store.progress_json(&p, self.lessons.len()))));
        }
        self.plan(changes)
    }

    /// Plans a progress update: terminée stays terminée; position and time
    /// from the latest update.
    pub fn set_progress(
        &self,
        profile: &ProfileId,
        lesson: &str,
        status: LessonStatus,
        position: u32,
        now: Timestamp,
    ) -> Result<WriteBatch, StorageError> {
        self.writable()?;
        self.known(profile)?;
        if !valid_content_id(lesson) {
            return err(StorageError::BadLessonId);
        }
        if !valid_time(now) {
            return err(StorageError::BadDate);
        }
        let mut p = BTreeMap::new();
        p.insert(lesson.to_string(), LessonProgress { status, position, updated: now });
        Ok(self.plan_attempts_with(profile, &[], &p, |_| {}))
    }

    /// A response as storage keeps it (see [`MAX_LIST_LEN`]).
    pub(crate) fn cap(r: &Response) -> Response {
        codec::cap_response(r)
    }
}
