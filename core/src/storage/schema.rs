//! The storage schema: the keys (`communs.meta`, `communs.p.<id>.<yyyy-mm>`,
//! `communs.p.<id>.progress`, `communs.q.<hash>`), the schema version, and
//! the JSON values of the index and of progress in every version — v3 as
//! written, v2 and v1 as read for migration. Attempt lines are in `codec`.
//!
//! Readers are total: a value that cannot be read gives a variant saying so
//! (with a French reason), never a panic.

use super::codec;
use super::{
    valid_avatar, valid_colour, valid_content_id, valid_pseudonym, valid_time, LessonProgress, LessonStatus, Profile, ProfileId,
    Timestamp, MAX_PROFILES, MIN_TIMESTAMP,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Every key of Communs starts with this prefix.
pub const PREFIX: &str = "communs.";
/// The key of the index: schema version, profiles, id tables.
pub const META_KEY: &str = "communs.meta";
/// Prefix of per-profile keys: `communs.p.<profileId>.<yyyy-mm>` and
/// `communs.p.<profileId>.progress`.
pub const PROFILE_PREFIX: &str = "communs.p.";
/// Prefix of quarantined values: `communs.q.<hash>`.
pub const QUARANTINE_PREFIX: &str = "communs.q.";
/// The schema version this crate writes.
pub const SCHEMA_VERSION: u32 = 3;
/// Longest value read at all, in bytes; longer values are quarantined.
pub const MAX_VALUE_BYTES: usize = 2_000_000;

// ---------------------------------------------------------------- keys

/// The month of an attempt chunk (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Month {
    pub year: i64,
    pub month: u32,
}

impl Month {
    /// Sorts before every real month (start of a range).
    pub(crate) const FIRST: Month = Month { year: i64::MIN, month: 0 };

    pub(crate) fn of(t: Timestamp) -> Month {
        let (year, month) = codec::civil_from_days(t.div_euclid(86_400));
        Month { year, month }
    }
    pub(crate) fn start(self) -> Timestamp {
        codec::days_from_civil(self.year, self.month, 1) * 86_400
    }
    fn parse(s: &str) -> Option<Month> {
        let (year, month) = s.split_once('-')?;
        let year: i64 = year.parse().ok()?;
        let month: u32 = month.parse().ok()?;
        let m = Month { year, month };
        ((1..=12).contains(&month) && (2000..2200).contains(&year) && m.key_part() == s).then_some(m)
    }
    fn key_part(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// What a `communs.` key is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum KeyKind {
    Meta,
    Chunk(ProfileId, Month),
    Progress(ProfileId),
    Quarantine,
    /// Under `communs.p.` but not a key of this schema.
    BadProfileKey,
    /// Another `communs.` key (app settings…): left alone.
    Other,
}

pub(crate) fn classify(key: &str) -> KeyKind {
    if key == META_KEY {
        return KeyKind::Meta;
    }
    if key.starts_with(QUARANTINE_PREFIX) {
        return KeyKind::Quarantine;
    }
    let Some(rest) = key.strip_prefix(PROFILE_PREFIX) else { return KeyKind::Other };
    let Some((pid, tail)) = rest.split_once('.') else { return KeyKind::BadProfileKey };
    let Some(pid) = ProfileId::parse(pid) else { return KeyKind::BadProfileKey };
    if tail == "progress" {
        return KeyKind::Progress(pid);
    }
    match Month::parse(tail) {
        Some(m) => KeyKind::Chunk(pid, m),
        None => KeyKind::BadProfileKey,
    }
}

pub(crate) fn chunk_key(pid: &ProfileId, m: Month) -> String {
    format!("{PROFILE_PREFIX}{}.{}", pid.as_str(), m.key_part())
}

pub(crate) fn progress_key(pid: &ProfileId) -> String {
    format!("{PROFILE_PREFIX}{}.progress", pid.as_str())
}

// ---------------------------------------------------------------- meta

/// The meta as written (v3; field order is the documented one, the same as
/// in v2).
#[derive(Serialize)]
struct MetaV3<'a> {
    v: u32,
    profiles: Vec<ProfileV2>,
    current: Option<&'a str>,
    lessons: &'a [String],
    acts: &'a [(u32, String)],
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileV2 {
    id: String,
    name: String,
    colour: u8,
    avatar: u8,
    created: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exported: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileV1 {
    id: String,
    pseudonym: String,
    colour: u8,
    avatar: u8,
    created_at: i64,
    #[serde(default)]
    last_export: Option<i64>,
}

/// A readable index: profiles, current profile, id tables (empty in v1), and
/// the profiles that could not be read.
pub(crate) struct MetaParse {
    pub profiles: Vec<Profile>,
    pub current: Option<ProfileId>,
    pub lessons: Vec<String>,
    pub acts: Vec<(u32, String)>,
    pub dropped: Vec<usize>,
}

/// What an index value is.
pub(crate) enum MetaRead {
    V1(MetaParse),
    /// Version 2 or 3 (the same index value; v3 changed chunks and progress).
    Tables(MetaParse, u32),
    /// A version this crate does not know yet: read-only.
    Future(u64),
    /// Unreadable, with the reason in French.
    Corrupt(String),
}

pub(crate) fn read_meta(value: &str) -> MetaRead {
    let Ok(v) = serde_json::from_str::<Value>(value) else {
        return MetaRead::Corrupt("l'index n'est pas du JSON valide".into());
    };
    let version = v.get("v").or_else(|| v.get("version")).and_then(Value::as_u64);
    match version {
        Some(1..=3) => {}
        Some(n) if n > u64::from(SCHEMA_VERSION) => return MetaRead::Future(n),
        _ => return MetaRead::Corrupt("l'index n'indique pas de version connue".into()),
    }
    let is_v1 = version == Some(1);
    let mut out = MetaParse { profiles: Vec::new(), current: None, lessons: Vec::new(), acts: Vec::new(), dropped: Vec::new() };
    let Some(list) = v.get("profiles").and_then(Value::as_array) else {
        return MetaRead::Corrupt("l'index n'a pas de liste de profils".into());
    };
    for (i, p) in list.iter().enumerate() {
        let parsed = if is_v1 {
            serde_json::from_value::<ProfileV1>(p.clone()).ok().map(|p| ProfileV2 {
                id: p.id,
                name: p.pseudonym,
                colour: p.colour,
                avatar: p.avatar,
                created: p.created_at,
                exported: p.last_export,
            })
        } else {
            serde_json::from_value::<ProfileV2>(p.clone()).ok()
        };
        let profile = parsed.and_then(|p| {
            let id = ProfileId::parse(&p.id)?;
            let pseudonym = valid_pseudonym(&p.name)?;
            Some(Profile {
                id,
                pseudonym,
                colour: valid_colour(p.colour),
                avatar: valid_avatar(p.avatar),
                created: if valid_time(p.created) { p.created } else { MIN_TIMESTAMP },
                last_export: p.exported.filter(|t| valid_time(*t)),
            })
        });
        match profile {
            Some(p) if out.profiles.iter().all(|q| q.id != p.id) && out.profiles.len() < MAX_PROFILES => out.profiles.push(p),
            _ => out.dropped.push(i + 1),
        }
    }
    let current_field = if is_v1 { "current_profile" } else { "current" };
    out.current =
        v.get(current_field).and_then(Value::as_str).and_then(ProfileId::parse).filter(|id| out.profiles.iter().any(|p| &p.id == id));
    if !is_v1 {
        // Tables: any bad entry makes every later index meaningless, so the
        // whole meta is treated as corrupt rather than silently shifted.
        let lessons = v.get("lessons").cloned().unwrap_or(Value::Array(Vec::new()));
        let acts = v.get("acts").cloned().unwrap_or(Value::Array(Vec::new()));
        let (Ok(lessons), Ok(acts)) =
            (serde_json::from_value::<Vec<String>>(lessons), serde_json::from_value::<Vec<(u32, String)>>(acts))
        else {
            // A quarantine reason: stored format, kept byte for byte.
            return MetaRead::Corrupt("les tables d'identifiants de l'index sont illisibles".into());
        };
        let lessons_ok = lessons.iter().all(|l| valid_content_id(l)) && lessons.iter().collect::<BTreeSet<_>>().len() == lessons.len();
        let acts_ok = acts.iter().all(|(l, a)| (*l as usize) < lessons.len() && valid_content_id(a))
            && acts.iter().collect::<BTreeSet<_>>().len() == acts.len();
        if !lessons_ok || !acts_ok {
            // A quarantine reason: stored format, kept byte for byte.
            return MetaRead::Corrupt("les tables d'identifiants de l'index sont incohérentes".into());
        }
        out.lessons = lessons;
        out.acts = acts;
        MetaRead::Tables(out, version.and_then(|v| u32::try_from(v).ok()).unwrap_or(SCHEMA_VERSION))
    } else {
        MetaRead::V1(out)
    }
}

/// The index value (v3).
pub(crate) fn meta_json(profiles: &[Profile], current: Option<&ProfileId>, lessons: &[String], acts: &[(u32, String)]) -> String {
    let profiles = profiles
        .iter()
        .map(|p| ProfileV2 {
            id: p.id.as_str().to_string(),
            name: p.pseudonym.clone(),
            colour: p.colour,
            avatar: p.avatar,
            created: p.created,
            exported: p.last_export,
        })
        .collect();
    let m = MetaV3 { v: SCHEMA_VERSION, profiles, current: current.map(ProfileId::as_str), lessons, acts };
    serde_json::to_string(&m).unwrap_or_default()
}

// ---------------------------------------------------------------- progress

/// The progress value as written (v3).
#[derive(Serialize)]
struct ProgressV3 {
    v: u32,
    l: Vec<ProgressEntry>,
}

/// The lesson of a progress entry: its index in the lesson table, or (v3,
/// for a lesson this tab added to the table during its session) its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub(crate) enum LessonRef {
    Index(u32),
    Id(String),
}

/// One progress entry, written as the array `[lesson, 0 en cours | 1
/// terminée, position, updated]`, `lesson` being an index (v2, v3) or an id
/// (v3).
#[derive(Serialize, Deserialize)]
pub(crate) struct ProgressEntry(pub LessonRef, pub u8, pub u32, pub i64);

impl ProgressEntry {
    pub(crate) fn new(lesson: LessonRef, p: &LessonProgress) -> ProgressEntry {
        let status = match p.status {
            LessonStatus::InProgress => 0,
            LessonStatus::Done => 1,
        };
        ProgressEntry(lesson, status, p.position, p.updated)
    }
}

/// The progress value of these entries.
pub(crate) fn progress_json(entries: Vec<ProgressEntry>) -> String {
    serde_json::to_string(&ProgressV3 { v: SCHEMA_VERSION, l: entries }).unwrap_or_default()
}

/// True for a v2 or v3 progress value: its lesson indexes need the id tables.
pub(crate) fn progress_needs_tables(value: &str) -> bool {
    matches!(progress_version(value), Some(2 | 3))
}

/// The `v` of a progress value (none for v1, which has no `v`).
pub(crate) fn progress_version(value: &str) -> Option<u32> {
    serde_json::from_str::<Value>(value).ok()?.get("v")?.as_u64().and_then(|v| u32::try_from(v).ok())
}

/// What a progress value (v1, v2 or v3) holds.
pub(crate) enum ProgressRead {
    /// Not a progress value at all.
    Unreadable,
    /// Every entry read.
    Whole(BTreeMap<String, LessonProgress>),
    /// Some entries could not be read and were dropped.
    Partial(BTreeMap<String, LessonProgress>),
}

impl ProgressRead {
    /// The entries read (none when unreadable).
    pub(crate) fn entries(self) -> BTreeMap<String, LessonProgress> {
        match self {
            ProgressRead::Unreadable => BTreeMap::new(),
            ProgressRead::Whole(e) | ProgressRead::Partial(e) => e,
        }
    }
}

/// Reads a progress value; `lessons` is the lesson table of the index.
pub(crate) fn read_progress(value: &str, lessons: &[String]) -> ProgressRead {
    let Ok(v) = serde_json::from_str::<Value>(value) else { return ProgressRead::Unreadable };
    let mut out = BTreeMap::new();
    let mut dropped = false;
    let version = v.get("v").and_then(Value::as_u64);
    if matches!(version, Some(2 | 3)) {
        let Some(list) = v.get("l").and_then(Value::as_array) else { return ProgressRead::Unreadable };
        for e in list {
            let entry = serde_json::from_value::<ProgressEntry>(e.clone()).ok();
            let lesson = entry.as_ref().and_then(|e| match &e.0 {
                LessonRef::Index(i) => lessons.get(*i as usize).cloned(),
                LessonRef::Id(id) if version == Some(3) && valid_content_id(id) => Some(id.clone()),
                LessonRef::Id(_) => None,
            });
            match (entry, lesson) {
                (Some(ProgressEntry(_, st, position, updated)), Some(lesson)) if st <= 1 && valid_time(updated) => {
                    let status = if st == 1 { LessonStatus::Done } else { LessonStatus::InProgress };
                    merge_progress_entry(&mut out, &lesson, LessonProgress { status, position, updated });
                }
                _ => dropped = true,
            }
        }
    } else {
        let Some(map) = v.get("lessons").and_then(Value::as_object) else { return ProgressRead::Unreadable };
        for (lesson, e) in map {
            let status = match e.get("status").and_then(Value::as_str) {
                Some("en_cours") => Some(LessonStatus::InProgress),
                Some("terminee") => Some(LessonStatus::Done),
                _ => None,
            };
            let position = e.get("position").and_then(Value::as_u64).and_then(|p| u32::try_from(p).ok());
            let updated = e.get("updated").and_then(Value::as_i64).filter(|t| valid_time(*t));
            match (status, position, updated) {
                (Some(status), Some(position), Some(updated)) if valid_content_id(lesson) => {
                    merge_progress_entry(&mut out, lesson, LessonProgress { status, position, updated });
                }
                _ => dropped = true,
            }
        }
    }
    if dropped {
        ProgressRead::Partial(out)
    } else {
        ProgressRead::Whole(out)
    }
}

/// Adds one entry, merged with the entry of the same lesson if any.
pub(crate) fn merge_progress_entry(map: &mut BTreeMap<String, LessonProgress>, lesson: &str, p: LessonProgress) {
    let merged = match map.get(lesson) {
        Some(old) => old.merge(&p),
        None => p,
    };
    map.insert(lesson.to_string(), merged);
}
