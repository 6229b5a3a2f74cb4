//! The teacher's space as the app keeps it in IndexedDB: database
//! [`DB_NAME`], version [`TEACHER_VERSION`], two object stores —
//! [`RECORDS_STORE`] (string keys, JSON text values: the records of
//! [`super::records`], `q.<hash>` for values set aside) and [`FILES_STORE`]
//! (the bytes of kept files, as blobs, under the file's id).
//!
//! [`load_teacher`] takes what the app read (every record as text, every
//! file's size) and never fails: an unreadable record is moved to
//! quarantine (never deleted), a file without a description gets one
//! (« fichier retrouvé »), a description without bytes is set aside, a record
//! of a newer version makes the space read-only and nothing is touched.
//! Every change is planned by a `&TeacherSpace` method as a [`TeacherBatch`]
//! the app writes in **one** IndexedDB transaction (all or nothing), after
//! the planning checked the budget: over it, nothing is planned.

use std::collections::BTreeMap;

use super::area::{check_write, Area, AreaUsage, SpaceError, SpaceProblem, LARGE_RECORD_BYTES, MAX_FILE_BYTES};
use super::records::{file_key, key_kind, record_id, Decode, FileKind, KeptFile, KeyKind, LocalLesson, Record, Roster, Sequence};
use super::records::{TeacherSettings, SETTINGS_RECORD_KEY};
use crate::storage::{Quarantined, Timestamp, QUARANTINE_PREFIX};

/// The IndexedDB database of the teacher's space.
pub const DB_NAME: &str = "communs-enseignant";
/// Its version: the schema of this module (v1: the two stores below).
pub const TEACHER_VERSION: u32 = 1;
/// The store of records (JSON text under string keys).
pub const RECORDS_STORE: &str = "enregistrements";
/// The store of file bytes (blobs under the file id).
pub const FILES_STORE: &str = "fichiers";

/// One write of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeacherOp {
    /// Put JSON text under `key` in [`RECORDS_STORE`].
    PutRecord { key: String, value: String },
    /// Delete `key` from [`RECORDS_STORE`].
    DeleteRecord { key: String },
    /// Put the file's bytes (given by the app; `size` of them) under `id`
    /// in [`FILES_STORE`].
    PutFile { id: String, size: u64 },
    /// Delete the bytes of `id` from [`FILES_STORE`].
    DeleteFile { id: String },
}

/// Writes to make in one transaction, in order. An aborted transaction
/// leaves the database as it was, so no undo is needed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeacherBatch {
    pub ops: Vec<TeacherOp>,
}

impl TeacherBatch {
    /// True when there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
}

/// The teacher's space as read, and as changed by applied batches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeacherSpace {
    /// Stored text of every key of the records store (quarantine included).
    raw: BTreeMap<String, String>,
    /// The readable records, by key.
    records: BTreeMap<String, Record>,
    /// Size of the bytes of every file, by id.
    files: BTreeMap<String, u64>,
    /// Values set aside.
    quarantined: Vec<Quarantined>,
    /// A record or the database is of this newer version: read only.
    read_only: Option<u32>,
}

/// What [`load_teacher`] returns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeacherLoad {
    /// The space after the repairs.
    pub space: TeacherSpace,
    /// What was found and done.
    pub problems: Vec<SpaceProblem>,
    /// The writes bringing the database to the state of `space` (quarantine
    /// first, then recovered descriptions, then removals).
    pub repairs: TeacherBatch,
}

fn size_of(key: &str, value: &str) -> u64 {
    (key.len() + value.len()) as u64
}

/// The quarantine entry of a record of this space, keyed `q.<hash>`.
fn quarantine(key: &str, reason: &str, raw: &str) -> Quarantined {
    let mut q = Quarantined::new(&format!("{DB_NAME}/{key}"), reason, raw);
    q.key = format!("q.{}", q.key.strip_prefix(QUARANTINE_PREFIX).unwrap_or(&q.key));
    q
}

/// Reads the teacher's space: `db_version` as opened, every `(key, text)` of
/// the records store, every `(id, size)` of the files store; `now` dates a
/// recovered file's description.
pub fn load_teacher(db_version: u32, records: Vec<(String, String)>, files: Vec<(String, u64)>, now: Timestamp) -> TeacherLoad {
    let mut out = TeacherLoad::default();
    let space = &mut out.space;
    space.files = files.into_iter().collect();
    if db_version > TEACHER_VERSION {
        space.read_only = Some(db_version);
    }
    let mut set_aside: Vec<(String, Quarantined)> = Vec::new();
    for (key, raw) in records {
        match key_kind(&key) {
            KeyKind::Quarantine => space.quarantined.push(Quarantined::read(&key, &raw)),
            KeyKind::Unknown => set_aside.push((key.clone(), quarantine(&key, "clé inconnue", &raw))),
            KeyKind::Record(_) => match Record::decode(&key, &raw) {
                Ok(r) => {
                    space.records.insert(key.clone(), r);
                }
                Err(Decode::Newer(v)) => {
                    space.read_only = Some(space.read_only.unwrap_or(0).max(u32::try_from(v).unwrap_or(u32::MAX)));
                }
                Err(Decode::Bad(reason)) => set_aside.push((key.clone(), quarantine(&key, reason, &raw))),
            },
        }
        space.raw.insert(key, raw);
    }
    if let Some(version) = space.read_only {
        // Nothing is touched: a newer version will read it all.
        out.problems.push(SpaceProblem::ReadOnly { version });
        return out;
    }
    // A description whose bytes are missing is set aside like any unreadable value.
    for (key, record) in &space.records {
        if let Record::File(f) = record {
            if !space.files.contains_key(&f.id) {
                let raw = space.raw.get(key).cloned().unwrap_or_default();
                set_aside.push((key.clone(), quarantine(key, "fichier absent", &raw)));
            }
        }
    }
    let mut removals = Vec::new();
    for (key, q) in set_aside {
        out.problems.push(SpaceProblem::Quarantined { area: Area::Teacher, reason: q.reason.clone() });
        out.repairs.ops.push(TeacherOp::PutRecord { key: q.key.clone(), value: q.value() });
        space.records.remove(&key);
        space.raw.remove(&key);
        space.raw.insert(q.key.clone(), q.value());
        if !space.quarantined.iter().any(|have| have.key == q.key) {
            space.quarantined.push(q);
        }
        removals.push(TeacherOp::DeleteRecord { key });
    }
    // Bytes without a description get one.
    let described: Vec<String> = space.files().map(|f| f.id.clone()).collect();
    let orphans: Vec<(String, u64)> =
        space.files.iter().filter(|(id, _)| !described.iter().any(|d| d == *id)).map(|(i, s)| (i.clone(), *s)).collect();
    if !orphans.is_empty() {
        out.problems.push(SpaceProblem::RecoveredFiles { count: orphans.len() });
    }
    for (id, size) in orphans {
        let valid_id = super::records::valid_record_id(&id);
        let record = Record::File(KeptFile {
            id: id.clone(),
            kind: FileKind::Other,
            name: format!("fichier retrouvé {id}").chars().take(super::records::MAX_NAME_CHARS).collect(),
            mime: "application/octet-stream".into(),
            size,
            added: now,
        });
        if !valid_id || record.validate().is_err() {
            continue; // an id this version cannot name: left as it is, counted in the usage
        }
        let value = record.encode();
        out.repairs.ops.push(TeacherOp::PutRecord { key: record.key(), value: value.clone() });
        space.raw.insert(record.key(), value);
        space.records.insert(record.key(), record);
    }
    out.repairs.ops.extend(removals);
    out.space.quarantined.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

impl TeacherSpace {
    /// Why nothing may be changed: the schema version of newer data.
    pub fn read_only(&self) -> Option<u32> {
        self.read_only
    }

    /// Bytes used: keys and JSON text of every record (quarantine
    /// included), plus the bytes of every file.
    pub fn used_bytes(&self) -> u64 {
        self.raw.iter().map(|(k, v)| size_of(k, v)).sum::<u64>() + self.files.values().sum::<u64>()
    }

    /// What the space uses against `budget`.
    pub fn usage(&self, budget: u64) -> AreaUsage {
        AreaUsage { area: Area::Teacher, used: self.used_bytes(), budget }
    }

    /// The values set aside, for download ([`crate::storage::quarantine_document`]).
    pub fn quarantined(&self) -> &[Quarantined] {
        &self.quarantined
    }

    /// The record stored under `key`.
    pub fn record(&self, key: &str) -> Option<&Record> {
        self.records.get(key)
    }

    /// Every projection sequence, by key.
    pub fn sequences(&self) -> impl Iterator<Item = &Sequence> {
        self.records.values().filter_map(|r| if let Record::Sequence(s) = r { Some(s) } else { None })
    }

    /// Every class roster, by key.
    pub fn rosters(&self) -> impl Iterator<Item = &Roster> {
        self.records.values().filter_map(|r| if let Record::Roster(s) = r { Some(s) } else { None })
    }

    /// Every local lesson, by key.
    pub fn lessons(&self) -> impl Iterator<Item = &LocalLesson> {
        self.records.values().filter_map(|r| if let Record::Lesson(s) = r { Some(s) } else { None })
    }

    /// Every kept file's description, by key.
    pub fn files(&self) -> impl Iterator<Item = &KeptFile> {
        self.records.values().filter_map(|r| if let Record::File(s) = r { Some(s) } else { None })
    }

    /// The teacher's settings (defaults when none are stored).
    pub fn settings(&self) -> TeacherSettings {
        match self.records.get(SETTINGS_RECORD_KEY) {
            Some(Record::Settings(s)) => s.clone(),
            _ => TeacherSettings::default(),
        }
    }

    /// A fresh record id from `random` (another one while it is taken).
    pub fn new_id(&self, random: u64) -> String {
        let taken = |id: &str| self.files.contains_key(id) || self.records.values().any(|r| r.id() == id);
        (0..64u64).map(|i| record_id(random.wrapping_add(i))).find(|id| !taken(id)).unwrap_or_else(|| record_id(!random))
    }

    fn writable(&self) -> Result<(), SpaceError> {
        match self.read_only {
            Some(version) => Err(SpaceError::ReadOnly { version }),
            None => Ok(()),
        }
    }

    /// Plans storing a record (new or replacing the one with its key),
    /// within `budget` bytes. A record whose JSON passes
    /// [`LARGE_RECORD_BYTES`] is refused ([`SpaceError::RecordTooLarge`]):
    /// keep it as a file. A file's description may only be renamed or
    /// retyped here (its bytes come with [`TeacherSpace::plan_keep_file`]).
    pub fn plan_put(&self, record: Record, budget: u64) -> Result<TeacherBatch, SpaceError> {
        self.writable()?;
        record.validate()?;
        if let Record::File(f) = &record {
            if self.files.get(&f.id) != Some(&f.size) {
                return Err(SpaceError::Unknown);
            }
        }
        let (key, value) = (record.key(), record.encode());
        if value.len() as u64 > LARGE_RECORD_BYTES {
            return Err(SpaceError::RecordTooLarge { max: LARGE_RECORD_BYTES });
        }
        if self.raw.get(&key) == Some(&value) {
            return Ok(TeacherBatch::default());
        }
        let old = self.raw.get(&key).map_or(0, |v| size_of(&key, v));
        check_write(Area::Teacher, self.used_bytes(), size_of(&key, &value) as i64 - old as i64, budget)?;
        Ok(TeacherBatch { ops: vec![TeacherOp::PutRecord { key, value }] })
    }

    /// Plans keeping a file of `size` bytes (the app holds them) with its
    /// description, within `budget` bytes; returns the description.
    #[allow(clippy::too_many_arguments)]
    pub fn plan_keep_file(
        &self,
        kind: FileKind,
        name: &str,
        mime: &str,
        size: u64,
        now: Timestamp,
        random: u64,
        budget: u64,
    ) -> Result<(KeptFile, TeacherBatch), SpaceError> {
        self.writable()?;
        if size > MAX_FILE_BYTES {
            return Err(SpaceError::FileTooLarge { max: MAX_FILE_BYTES });
        }
        let file = KeptFile { id: self.new_id(random), kind, name: name.to_string(), mime: mime.to_string(), size, added: now };
        let record = Record::File(file.clone());
        record.validate()?;
        let (key, value) = (record.key(), record.encode());
        let delta = size + size_of(&key, &value);
        check_write(Area::Teacher, self.used_bytes(), delta as i64, budget)?;
        let ops = vec![TeacherOp::PutFile { id: file.id.clone(), size }, TeacherOp::PutRecord { key, value }];
        Ok((file, TeacherBatch { ops }))
    }

    /// Plans deleting the record under `key`: a file's description takes its
    /// bytes with it; a local lesson takes the images no other lesson uses.
    pub fn plan_delete(&self, key: &str) -> Result<TeacherBatch, SpaceError> {
        self.writable()?;
        let Some(record) = self.records.get(key) else { return Err(SpaceError::Unknown) };
        let mut ops = vec![TeacherOp::DeleteRecord { key: key.to_string() }];
        match record {
            Record::File(f) => ops.push(TeacherOp::DeleteFile { id: f.id.clone() }),
            Record::Lesson(l) => {
                let used_elsewhere = |img: &str| self.lessons().any(|o| o.id != l.id && o.images.iter().any(|i| i == img));
                for img in l.images.iter().filter(|i| !used_elsewhere(i)) {
                    let fk = file_key(img);
                    if self.records.contains_key(&fk) {
                        ops.push(TeacherOp::DeleteRecord { key: fk });
                    }
                    if self.files.contains_key(img) {
                        ops.push(TeacherOp::DeleteFile { id: img.clone() });
                    }
                }
            }
            _ => {}
        }
        Ok(TeacherBatch { ops })
    }

    /// Takes a written batch in.
    pub fn apply(&mut self, batch: &TeacherBatch) {
        for op in &batch.ops {
            match op {
                TeacherOp::PutRecord { key, value } => {
                    match key_kind(key) {
                        KeyKind::Quarantine => {
                            let q = Quarantined::read(key, value);
                            self.quarantined.retain(|have| have.key != q.key);
                            self.quarantined.push(q);
                            self.quarantined.sort_by(|a, b| a.key.cmp(&b.key));
                        }
                        _ => match Record::decode(key, value) {
                            Ok(r) => {
                                self.records.insert(key.clone(), r);
                            }
                            Err(_) => {
                                self.records.remove(key);
                            }
                        },
                    }
                    self.raw.insert(key.clone(), value.clone());
                }
                TeacherOp::DeleteRecord { key } => {
                    self.raw.remove(key);
                    self.records.remove(key);
                }
                TeacherOp::PutFile { id, size } => {
                    self.files.insert(id.clone(), *size);
                }
                TeacherOp::DeleteFile { id } => {
                    self.files.remove(id);
                }
            }
        }
    }

    /// Every `(key, text)` of the records store, as this space believes it
    /// (for the golden tests and a re-load).
    pub fn stored_records(&self) -> Vec<(String, String)> {
        self.raw.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}
