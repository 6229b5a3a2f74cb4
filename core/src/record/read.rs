//! Reading a file chosen by a user into [`RecordData`]: a record (format
//! `communs-record`, version 1) or a backup file of `/profils` (format
//! `communs-export`, version 1 — the only version it ever wrote, whatever
//! the storage schema behind it: v1, v2 or v3). Everything goes through the
//! bounded parser first. A record is read strictly: any field of the wrong
//! type or with an impossible value refuses the file, with its path. A
//! backup file is read as `/profils` has always read it: the envelope
//! strictly, then an invalid or duplicate attempt or progress entry is
//! skipped with a [`RecordWarning`]. Levels, scores of the results and
//! evidence written in a file are never read: `assess` recomputes them.

use super::json::{parse_bounded, JsonLimits};
use super::time::parse_iso_utc;
use super::{Expected, RecordError, MAX_RECORD_ATTEMPTS, RECORD_FORMAT, RECORD_VERSION};
use crate::response::Response;
use crate::storage::{
    valid_avatar, valid_colour, valid_content_id, valid_pseudonym, valid_time, Attempt, AttemptId, LessonProgress, LessonStatus,
    Profile, ProfileId, Store, Timestamp, MAX_DURATION_SECS, MAX_SCORE,
};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// `format` of the backup files of `/profils`.
pub(crate) const BACKUP_FORMAT: &str = "communs-export";

/// Longest app version or build id kept, in characters.
const MAX_BUILD_CHARS: usize = 64;

/// Where the data of a [`RecordData`] came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordSource {
    /// A record (`communs-record`), with the app version and build id that wrote it.
    Record { version: u64, app_version: String, build: String },
    /// A backup file of `/profils` (`communs-export`).
    Backup { version: u64 },
}

/// Something of a backup file that was skipped (the rest was read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordWarning {
    /// Attempt `n` (from 1) is invalid, skipped.
    InvalidAttempt { n: usize },
    /// Attempt `n` (from 1) repeats the id of an earlier one, skipped.
    DuplicateAttempt { n: usize },
    /// Progress entry `n` (from 1) is invalid, skipped.
    InvalidProgress { n: usize },
}

/// What a record or backup file holds, validated. Scores are those written
/// in the file: untrusted until `assess` rescores them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordData {
    pub source: RecordSource,
    /// Id, pseudonym, colour and avatar, creation; `last_export` is the export date.
    pub profile: Profile,
    /// When the file was written.
    pub exported_at: Timestamp,
    /// Progress per lesson id.
    pub progress: BTreeMap<String, LessonProgress>,
    /// Attempts in the order they were made (by time, then the file's order).
    pub attempts: Vec<Attempt>,
    /// What was skipped (backup files only).
    pub warnings: Vec<RecordWarning>,
}

impl RecordData {
    /// Lessons marked done, in id order.
    pub fn lessons_done(&self) -> Vec<&str> {
        self.progress.iter().filter(|(_, p)| p.status == LessonStatus::Done).map(|(l, _)| l.as_str()).collect()
    }
}

/// Adds one progress entry, merged with an entry of the same lesson.
pub(crate) fn add_progress(map: &mut BTreeMap<String, LessonProgress>, lesson: String, p: LessonProgress) {
    let merged = match map.get(&lesson) {
        Some(old) => old.merge(&p),
        None => p,
    };
    map.insert(lesson, merged);
}

fn bad<T>(path: impl Into<String>, expected: Expected) -> Result<T, RecordError> {
    Err(RecordError::BadField { path: path.into(), expected })
}

fn get<'a>(obj: &'a Map<String, Value>, key: &str, path: &str, expected: Expected) -> Result<&'a Value, RecordError> {
    match obj.get(key) {
        Some(v) => Ok(v),
        None => bad(join(path, key), expected),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn text<'a>(obj: &'a Map<String, Value>, key: &str, path: &str) -> Result<&'a str, RecordError> {
    get(obj, key, path, Expected::Text)?.as_str().map_or_else(|| bad(join(path, key), Expected::Text), Ok)
}

fn integer(obj: &Map<String, Value>, key: &str, path: &str, max: u64) -> Result<u64, RecordError> {
    match get(obj, key, path, Expected::Integer)?.as_u64() {
        Some(n) if n <= max => Ok(n),
        _ => bad(join(path, key), Expected::Integer),
    }
}

fn date(obj: &Map<String, Value>, key: &str, path: &str) -> Result<Timestamp, RecordError> {
    get(obj, key, path, Expected::Date)?.as_str().and_then(parse_iso_utc).map_or_else(|| bad(join(path, key), Expected::Date), Ok)
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, RecordError> {
    v.as_object().map_or_else(|| bad(path, Expected::Object), Ok)
}

fn list<'a>(obj: &'a Map<String, Value>, key: &str) -> Result<&'a [Value], RecordError> {
    match obj.get(key) {
        None => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => bad(key, Expected::List),
    }
}

fn status(s: &str) -> Option<LessonStatus> {
    match s {
        "en_cours" => Some(LessonStatus::InProgress),
        "terminee" => Some(LessonStatus::Done),
        _ => None,
    }
}

/// Reads a record or a backup file of `/profils` (see the module's text).
pub fn read_record(bytes: &[u8]) -> Result<RecordData, RecordError> {
    let v = parse_bounded(bytes, &JsonLimits::default())?;
    let Some(root) = v.as_object() else { return Err(RecordError::NotAnObject) };
    let format = root.get("format").and_then(Value::as_str);
    if !matches!(format, Some(RECORD_FORMAT | BACKUP_FORMAT)) {
        return Err(RecordError::UnknownFormat);
    }
    match (format, root.get("version").and_then(Value::as_u64)) {
        (_, None | Some(0)) => Err(RecordError::BadVersion),
        (Some(RECORD_FORMAT), Some(RECORD_VERSION)) => read_v1(root),
        (Some(BACKUP_FORMAT), Some(1)) => read_backup(root),
        (_, Some(n)) => Err(RecordError::FutureVersion { version: n }),
    }
}

fn build_text(obj: &Map<String, Value>, key: &str) -> Result<String, RecordError> {
    let s = text(obj, key, "app")?;
    if s.is_empty() || s.chars().count() > MAX_BUILD_CHARS || s.chars().any(char::is_control) {
        return bad(join("app", key), Expected::Text);
    }
    Ok(s.to_string())
}

fn read_v1(root: &Map<String, Value>) -> Result<RecordData, RecordError> {
    let app = object(get(root, "app", "", Expected::Object)?, "app")?;
    let source =
        RecordSource::Record { version: RECORD_VERSION, app_version: build_text(app, "version")?, build: build_text(app, "build")? };
    let exported_at = date(root, "exported_at", "")?;
    let p = object(get(root, "profile", "", Expected::Object)?, "profile")?;
    let Some(id) = ProfileId::parse(text(p, "id", "profile")?) else { return bad("profile.id", Expected::Id) };
    let Some(pseudonym) = valid_pseudonym(text(root, "pseudonym", "")?) else { return bad("pseudonym", Expected::Pseudonym) };
    let profile = Profile {
        id,
        pseudonym,
        colour: valid_colour(integer(p, "colour", "profile", 255)? as u8),
        avatar: valid_avatar(integer(p, "avatar", "profile", 255)? as u8),
        created: date(p, "created", "profile")?,
        last_export: Some(exported_at),
    };
    let mut progress = BTreeMap::new();
    for (i, e) in list(root, "progress")?.iter().enumerate() {
        let path = format!("progress[{i}]");
        let (lesson, entry) = progress_entry(e, &path, date)?;
        add_progress(&mut progress, lesson, entry);
    }
    let attempts_v = list(root, "attempts")?;
    if attempts_v.len() > MAX_RECORD_ATTEMPTS {
        return Err(RecordError::TooManyAttempts { max: MAX_RECORD_ATTEMPTS });
    }
    let mut attempts = Vec::with_capacity(attempts_v.len());
    let mut ids = BTreeSet::new();
    for (i, a) in attempts_v.iter().enumerate() {
        let path = format!("attempts[{i}]");
        let a = attempt(a, &path, date)?;
        if !ids.insert(a.id.clone()) {
            return bad(format!("{path}.id"), Expected::Id);
        }
        attempts.push(a);
    }
    attempts.sort_by_key(|a| a.at);
    Ok(RecordData { source, profile, exported_at, progress, attempts, warnings: Vec::new() })
}

type DateReader = fn(&Map<String, Value>, &str, &str) -> Result<Timestamp, RecordError>;

/// A backup's dates: seconds since 1970, in the storage's range.
fn seconds(obj: &Map<String, Value>, key: &str, path: &str) -> Result<Timestamp, RecordError> {
    match get(obj, key, path, Expected::Date)?.as_i64() {
        Some(t) if valid_time(t) => Ok(t),
        _ => bad(join(path, key), Expected::Date),
    }
}

fn progress_entry(e: &Value, path: &str, date: DateReader) -> Result<(String, LessonProgress), RecordError> {
    let e = object(e, path)?;
    let lesson = text(e, "lesson", path)?;
    if !valid_content_id(lesson) {
        return bad(join(path, "lesson"), Expected::ContentId);
    }
    let Some(status) = status(text(e, "status", path)?) else { return bad(join(path, "status"), Expected::Status) };
    let position = integer(e, "position", path, u64::from(u32::MAX))? as u32;
    let updated = date(e, "updated", path)?;
    Ok((lesson.to_string(), LessonProgress { status, position, updated }))
}

fn attempt(a: &Value, path: &str, date: DateReader) -> Result<Attempt, RecordError> {
    let a = object(a, path)?;
    let Some(id) = AttemptId::parse(text(a, "id", path)?) else { return bad(join(path, "id"), Expected::Id) };
    let at = date(a, "at", path)?;
    let lesson = text(a, "lesson", path)?;
    let activity = text(a, "activity", path)?;
    if !valid_content_id(lesson) {
        return bad(join(path, "lesson"), Expected::ContentId);
    }
    if !valid_content_id(activity) {
        return bad(join(path, "activity"), Expected::ContentId);
    }
    let score = match get(a, "score", path, Expected::Score)?.as_u64() {
        Some(s) if s <= u64::from(MAX_SCORE) => s as u8,
        _ => return bad(join(path, "score"), Expected::Score),
    };
    let duration = integer(a, "duration", path, u64::from(u32::MAX))? as u32;
    let response = get(a, "response", path, Expected::Response)?;
    let Ok(response) = serde_json::from_value::<Response>(response.clone()) else {
        return bad(join(path, "response"), Expected::Response);
    };
    Ok(Attempt {
        id,
        at,
        lesson: lesson.to_string(),
        activity: activity.to_string(),
        score,
        duration: duration.min(MAX_DURATION_SECS),
        // Capped like a new attempt (a file may come from a version with other caps).
        response: Store::cap(&response),
    })
}

fn read_backup(root: &Map<String, Value>) -> Result<RecordData, RecordError> {
    let exported_at = seconds(root, "exported_at", "")?;
    let p = object(get(root, "profile", "", Expected::Object)?, "profile")?;
    let Some(id) = ProfileId::parse(text(p, "id", "profile")?) else { return bad("profile.id", Expected::Id) };
    let Some(pseudonym) = valid_pseudonym(text(p, "pseudonym", "profile")?) else {
        return bad("profile.pseudonym", Expected::Pseudonym);
    };
    let created = p.get("created").and_then(Value::as_i64).filter(|t| valid_time(*t)).unwrap_or(exported_at);
    let look = |key: &str| p.get(key).and_then(Value::as_u64).and_then(|n| u8::try_from(n).ok()).unwrap_or(0);
    let profile = Profile {
        id,
        pseudonym,
        colour: valid_colour(look("colour")),
        avatar: valid_avatar(look("avatar")),
        created,
        last_export: Some(exported_at),
    };
    let mut warnings = Vec::new();
    let attempts_v = list(root, "attempts")?;
    if attempts_v.len() > MAX_RECORD_ATTEMPTS {
        return Err(RecordError::TooManyAttempts { max: MAX_RECORD_ATTEMPTS });
    }
    let mut attempts = Vec::with_capacity(attempts_v.len());
    let mut ids = BTreeSet::new();
    for (i, a) in attempts_v.iter().enumerate() {
        match attempt(a, "", seconds) {
            Ok(a) if ids.insert(a.id.clone()) => attempts.push(a),
            Ok(_) => warnings.push(RecordWarning::DuplicateAttempt { n: i + 1 }),
            Err(_) => warnings.push(RecordWarning::InvalidAttempt { n: i + 1 }),
        }
    }
    let mut progress = BTreeMap::new();
    for (i, e) in list(root, "progress")?.iter().enumerate() {
        match progress_entry(e, "", seconds) {
            Ok((lesson, entry)) => add_progress(&mut progress, lesson, entry),
            Err(_) => warnings.push(RecordWarning::InvalidProgress { n: i + 1 }),
        }
    }
    attempts.sort_by_key(|a| a.at);
    Ok(RecordData { source: RecordSource::Backup { version: 1 }, profile, exported_at, progress, attempts, warnings })
}
