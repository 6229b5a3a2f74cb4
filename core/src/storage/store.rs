//! Loading a snapshot into a validated [`Store`], planning every change as a
//! [`WriteBatch`], and applying batches (ours or another tab's) to the
//! in-memory view.
//!
//! Loading never fails: each value is parsed on its own, whatever cannot be
//! read is moved to a quarantine key (never deleted), schema v1 data is
//! migrated to v2, orphan keys get a recovered profile, and an unknown future
//! schema makes the store read-only without touching anything.

use super::codec::{self, Line, LineV1};
use super::*;
use crate::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A value set aside because it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    /// The quarantine key holding it (`communs.q.…`).
    pub key: String,
    /// The key it came from.
    pub from: String,
    /// Why, in French.
    pub reason: String,
    /// The raw text, exactly as it was.
    pub raw: String,
}

/// The result of [`load`].
#[derive(Clone, Debug)]
pub struct LoadReport {
    /// The validated store, as it will be once `repairs` are applied.
    pub store: Store,
    /// What was found, in French (empty when all is well).
    pub problems: Vec<Problem>,
    /// Values moved to quarantine by this load (the store lists all of them,
    /// old ones included, in [`Store::quarantined`]).
    pub quarantined: Vec<Quarantined>,
    /// The schema version migrated from, when a migration happened.
    pub migrated_from: Option<u32>,
    /// Writes that bring `localStorage` to the state of `store`: migration,
    /// quarantine moves, clean-ups. Apply all or nothing; if they cannot be
    /// applied the store still works and the next load tries again.
    pub repairs: WriteBatch,
}

/// The v2 meta as written (field order is the documented one).
#[derive(Serialize)]
struct MetaV2 {
    v: u32,
    profiles: Vec<ProfileV2>,
    current: Option<String>,
    lessons: Vec<String>,
    acts: Vec<(u32, String)>,
}

/// The v2 progress value as written.
#[derive(Serialize)]
struct ProgressV2 {
    v: u32,
    /// `[lesson index, 0 en cours | 1 terminée, position, updated]`.
    l: Vec<(u32, u8, u32, i64)>,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Month {
    pub year: i64,
    pub month: u32,
}

impl Month {
    pub(crate) fn of(t: Timestamp) -> Month {
        let (year, month) = codec::civil_from_days(t.div_euclid(86_400));
        Month { year, month }
    }
    pub(crate) fn start(self) -> Timestamp {
        codec::days_from_civil(self.year, self.month, 1) * 86_400
    }
    fn parse(s: &str) -> Option<Month> {
        let b = s.as_bytes();
        if b.len() != 7 || b[4] != b'-' || !s.is_char_boundary(4) {
            return None;
        }
        let year: i64 = s[..4].parse().ok()?;
        let month: u32 = s[5..].parse().ok()?;
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

/// A lesson or activity id as stored: 1 to [`MAX_ID_CHARS`] characters, no
/// control character.
pub(crate) fn valid_content_id(s: &str) -> bool {
    let n = s.chars().count();
    (1..=MAX_ID_CHARS).contains(&n) && !s.chars().any(char::is_control)
}

pub(crate) fn valid_pseudonym(s: &str) -> Option<String> {
    let trimmed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = trimmed.chars().count();
    ((1..=MAX_PSEUDONYM_CHARS).contains(&n) && !trimmed.chars().any(char::is_control))
        .then_some(trimmed)
}

pub(crate) fn valid_time(t: i64) -> bool {
    (MIN_TIMESTAMP..MAX_TIMESTAMP).contains(&t)
}

#[derive(Clone, Debug, Default)]
struct ChunkView {
    attempts: Vec<Attempt>,
}

/// The validated in-memory view of Communs' storage, always consistent with
/// the raw key-value map it was derived from.
#[derive(Clone, Debug, Default)]
pub struct Store {
    raw: BTreeMap<String, String>,
    read_only: Option<String>,
    pub(crate) profiles: Vec<Profile>,
    pub(crate) current: Option<ProfileId>,
    lessons: Vec<String>,
    acts: Vec<(u32, String)>,
    lesson_index: BTreeMap<String, u32>,
    act_index: BTreeMap<(u32, String), u32>,
    chunks: BTreeMap<(ProfileId, Month), ChunkView>,
    progress: BTreeMap<ProfileId, BTreeMap<String, LessonProgress>>,
    quarantined: Vec<Quarantined>,
}

// ---------------------------------------------------------------- meta

struct MetaParse {
    profiles: Vec<Profile>,
    current: Option<ProfileId>,
    lessons: Vec<String>,
    acts: Vec<(u32, String)>,
    dropped: Vec<String>,
}

enum MetaRead {
    V1(MetaParse),
    V2(MetaParse),
    Future(u64),
    Corrupt(String),
}

fn read_meta(value: &str) -> MetaRead {
    let Ok(v) = serde_json::from_str::<Value>(value) else {
        return MetaRead::Corrupt("l'index n'est pas du JSON valide".into());
    };
    let version = v.get("v").or_else(|| v.get("version")).and_then(Value::as_u64);
    match version {
        Some(1) => {}
        Some(2) => {}
        Some(n) if n > u64::from(SCHEMA_VERSION) => return MetaRead::Future(n),
        _ => return MetaRead::Corrupt("l'index n'indique pas de version connue".into()),
    }
    let is_v1 = version == Some(1);
    let mut out = MetaParse {
        profiles: Vec::new(),
        current: None,
        lessons: Vec::new(),
        acts: Vec::new(),
        dropped: Vec::new(),
    };
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
                colour: if (p.colour as usize) < PALETTE.len() { p.colour } else { 0 },
                avatar: if (p.avatar as usize) < AVATARS.len() { p.avatar } else { 0 },
                created: if valid_time(p.created) { p.created } else { MIN_TIMESTAMP },
                last_export: p.exported.filter(|t| valid_time(*t)),
            })
        });
        match profile {
            Some(p) if out.profiles.iter().all(|q| q.id != p.id) && out.profiles.len() < MAX_PROFILES => {
                out.profiles.push(p)
            }
            _ => out.dropped.push(format!("profil n°{} illisible ou en double", i + 1)),
        }
    }
    let current_field = if is_v1 { "current_profile" } else { "current" };
    out.current = v
        .get(current_field)
        .and_then(Value::as_str)
        .and_then(ProfileId::parse)
        .filter(|id| out.profiles.iter().any(|p| &p.id == id));
    if !is_v1 {
        // Tables: any bad entry makes every later index meaningless, so the
        // whole meta is treated as corrupt rather than silently shifted.
        let lessons = v.get("lessons").cloned().unwrap_or(Value::Array(Vec::new()));
        let acts = v.get("acts").cloned().unwrap_or(Value::Array(Vec::new()));
        let (Ok(lessons), Ok(acts)) = (
            serde_json::from_value::<Vec<String>>(lessons),
            serde_json::from_value::<Vec<(u32, String)>>(acts),
        ) else {
            return MetaRead::Corrupt("les tables d'identifiants de l'index sont illisibles".into());
        };
        let lessons_ok = lessons.iter().all(|l| valid_content_id(l))
            && lessons.iter().collect::<BTreeSet<_>>().len() == lessons.len();
        let acts_ok = acts.iter().all(|(l, a)| (*l as usize) < lessons.len() && valid_content_id(a))
            && acts.iter().collect::<BTreeSet<_>>().len() == acts.len();
        if !lessons_ok || !acts_ok {
            return MetaRead::Corrupt("les tables d'identifiants de l'index sont incohérentes".into());
        }
        out.lessons = lessons;
        out.acts = acts;
        MetaRead::V2(out)
    } else {
        MetaRead::V1(out)
    }
}

fn meta_to_json(s: &Store) -> String {
    let profiles = s
        .profiles
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
    let m = MetaV2 {
        v: SCHEMA_VERSION,
        profiles,
        current: s.current.as_ref().map(|c| c.as_str().to_string()),
        lessons: s.lessons.clone(),
        acts: s.acts.clone(),
    };
    serde_json::to_string(&m).unwrap_or_default()
}

// ---------------------------------------------------------------- progress

fn status_code(s: LessonStatus) -> u8 {
    match s {
        LessonStatus::InProgress => 0,
        LessonStatus::Done => 1,
    }
}

/// Parses a progress value (v1 or v2). Returns the entries and whether
/// anything was dropped.
fn read_progress(value: &str, lessons: &[String]) -> Option<(BTreeMap<String, LessonProgress>, bool)> {
    let v: Value = serde_json::from_str(value).ok()?;
    let mut out = BTreeMap::new();
    let mut dropped = false;
    if v.get("v").and_then(Value::as_u64) == Some(2) {
        for e in v.get("l")?.as_array()? {
            let entry = serde_json::from_value::<(u32, u8, u32, i64)>(e.clone()).ok();
            match entry {
                Some((l, st, position, updated))
                    if (l as usize) < lessons.len() && st <= 1 && valid_time(updated) =>
                {
                    let status = if st == 1 { LessonStatus::Done } else { LessonStatus::InProgress };
                    let p = LessonProgress { status, position, updated };
                    merge_progress_entry(&mut out, &lessons[l as usize], p);
                }
                _ => dropped = true,
            }
        }
    } else {
        for (lesson, e) in v.get("lessons")?.as_object()? {
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
    Some((out, dropped))
}

fn merge_progress_entry(map: &mut BTreeMap<String, LessonProgress>, lesson: &str, p: LessonProgress) {
    let merged = match map.get(lesson) {
        Some(old) => old.merge(&p),
        None => p,
    };
    map.insert(lesson.to_string(), merged);
}

// ---------------------------------------------------------------- load

fn quarantine_key(from: &str, raw: &str) -> String {
    let h = crate::text::hash_seed(&[from, raw]);
    format!("{QUARANTINE_PREFIX}{}", codec::id_from_random(h))
}

fn quarantine_value(from: &str, reason: &str, raw: &str) -> String {
    serde_json::json!({ "from": from, "reason": reason, "raw": raw }).to_string()
}

fn read_quarantine(key: &str, value: &str) -> Quarantined {
    let v: Option<Value> = serde_json::from_str(value).ok();
    let field = |name: &str| v.as_ref().and_then(|v| v.get(name)).and_then(Value::as_str).map(str::to_string);
    match (field("from"), field("raw")) {
        (Some(from), Some(raw)) => Quarantined {
            key: key.to_string(),
            from,
            reason: field("reason").unwrap_or_default(),
            raw,
        },
        _ => Quarantined { key: key.to_string(), from: key.to_string(), reason: String::new(), raw: value.to_string() },
    }
}

struct Loader {
    desired: BTreeMap<String, String>,
    problems: Vec<Problem>,
    quarantined: Vec<Quarantined>,
}

impl Loader {
    fn problem(&mut self, key: Option<&str>, message: String) {
        self.problems.push(Problem { key: key.map(str::to_string), message });
    }
    /// Copies `raw` (taken from `from`) to a quarantine key. The caller
    /// decides what happens to `from`.
    fn quarantine(&mut self, from: &str, reason: &str, raw: &str) {
        let key = quarantine_key(from, raw);
        self.desired.insert(key.clone(), quarantine_value(from, reason, raw));
        self.quarantined.push(Quarantined {
            key,
            from: from.to_string(),
            reason: reason.to_string(),
            raw: raw.to_string(),
        });
    }
    /// Moves a whole value to quarantine.
    fn quarantine_key_value(&mut self, key: &str, reason: &str) {
        if let Some(raw) = self.desired.remove(key) {
            self.quarantine(key, reason, &raw);
            self.problem(
                Some(key),
                format!("Donnée illisible mise de côté ({reason}) : elle n'est pas effacée et peut être téléchargée."),
            );
        }
    }
}

/// Validates a snapshot of every `communs.` key (other keys are ignored).
/// Never fails: see [`LoadReport`].
pub fn load(pairs: Vec<(String, String)>) -> LoadReport {
    let actual: BTreeMap<String, String> =
        pairs.into_iter().filter(|(k, _)| k.starts_with(PREFIX)).collect();
    let mut l = Loader { desired: actual.clone(), problems: Vec::new(), quarantined: Vec::new() };
    let mut store = Store::default();

    // Meta first: an unknown future version stops everything.
    let mut migrated_from = None;
    let mut tables_lost = false;
    if let Some(meta) = actual.get(META_KEY) {
        if meta.len() > MAX_VALUE_BYTES {
            l.quarantine_key_value(META_KEY, "index trop volumineux");
            tables_lost = true;
        } else {
            match read_meta(meta) {
                MetaRead::Future(n) => {
                    let reason = format!(
                        "Ces données ont été enregistrées par une version plus récente de Communs (format {n}). \
                         Elles ne sont pas modifiées : cette page est en lecture seule. Utilise la dernière version de Communs."
                    );
                    store.raw = actual;
                    store.read_only = Some(reason.clone());
                    return LoadReport {
                        store,
                        problems: vec![Problem { key: Some(META_KEY.into()), message: reason }],
                        quarantined: Vec::new(),
                        migrated_from: None,
                        repairs: WriteBatch::default(),
                    };
                }
                MetaRead::Corrupt(reason) => {
                    l.quarantine_key_value(META_KEY, &reason);
                    tables_lost = true;
                }
                MetaRead::V1(m) | MetaRead::V2(m) if !m.dropped.is_empty() => {
                    let raw = meta.clone();
                    l.quarantine(META_KEY, "profils illisibles retirés de l'index", &raw);
                    for d in &m.dropped {
                        l.problem(Some(META_KEY), format!("Index : {d}, mis de côté."));
                    }
                    migrated_from = matches!(read_meta(meta), MetaRead::V1(_)).then_some(1);
                    store.set_meta(m);
                }
                MetaRead::V1(m) => {
                    migrated_from = Some(1);
                    store.set_meta(m);
                }
                MetaRead::V2(m) => store.set_meta(m),
            }
        }
    }

    // Classify the other keys.
    let keys: Vec<String> = l.desired.keys().cloned().collect();
    let mut chunk_keys = Vec::new();
    let mut progress_keys = Vec::new();
    for key in keys {
        let too_big = l.desired.get(&key).is_some_and(|v| v.len() > MAX_VALUE_BYTES);
        match classify(&key) {
            KeyKind::Meta | KeyKind::Quarantine | KeyKind::Other => {}
            KeyKind::BadProfileKey => l.quarantine_key_value(&key, "clé inconnue"),
            _ if too_big => l.quarantine_key_value(&key, "valeur trop volumineuse"),
            KeyKind::Chunk(p, m) => chunk_keys.push((key, p, m)),
            KeyKind::Progress(p) => progress_keys.push((key, p)),
        }
    }

    // Orphans: keys of a profile the index does not know.
    let orphan_ids: BTreeSet<ProfileId> = chunk_keys
        .iter()
        .map(|(_, p, _)| p.clone())
        .chain(progress_keys.iter().map(|(_, p)| p.clone()))
        .filter(|p| store.profiles.iter().all(|q| &q.id != p))
        .collect();
    for (n, id) in orphan_ids.into_iter().enumerate() {
        let created = chunk_keys
            .iter()
            .filter(|(_, p, _)| p == &id)
            .map(|(_, _, m)| m.start())
            .min()
            .unwrap_or(MIN_TIMESTAMP);
        let pseudonym = format!("Profil retrouvé {}", n + 1);
        l.problem(
            None,
            format!("Des données sans profil ont été retrouvées : elles sont rattachées à « {pseudonym} », que tu peux renommer."),
        );
        store.profiles.push(Profile { id, pseudonym, colour: 0, avatar: 0, created, last_export: None });
    }

    // Chunks.
    for (key, pid, month) in chunk_keys {
        let Some(value) = l.desired.get(&key).cloned() else { continue };
        match codec::chunk_format(&value) {
            None => l.quarantine_key_value(&key, "format de tentatives inconnu"),
            Some(true) if tables_lost => {
                l.quarantine_key_value(&key, "tentatives dont l'index des identifiants est perdu")
            }
            Some(is_v2) => {
                let mut lines: Vec<String> = Vec::new();
                let mut bad: Vec<&str> = Vec::new();
                let mut seen: BTreeMap<String, usize> = BTreeMap::new();
                let raw_lines: Vec<&str> = if is_v2 {
                    codec::v2_lines(&value).collect()
                } else {
                    value.lines().filter(|x| !x.trim().is_empty()).collect()
                };
                for raw_line in raw_lines {
                    let line = if is_v2 {
                        codec::decode_line(raw_line).filter(|x| {
                            (x.act as usize) < store.acts.len()
                                && Month::of(month.start() + x.rel as i64) == month
                        })
                    } else {
                        store.line_from_v1(raw_line, month)
                    };
                    match line {
                        Some(x) => {
                            let enc = codec::encode_line(&x);
                            match seen.get(x.id.as_str()) {
                                Some(&i) => {
                                    if enc < lines[i] {
                                        lines[i] = enc;
                                    }
                                }
                                None => {
                                    seen.insert(x.id.as_str().to_string(), lines.len());
                                    lines.push(enc);
                                }
                            }
                        }
                        None => bad.push(raw_line),
                    }
                }
                if !bad.is_empty() {
                    let raw = bad.join("\n");
                    l.quarantine(&key, "lignes de tentatives illisibles", &raw);
                    l.problem(
                        Some(&key),
                        format!(
                            "{} tentative(s) illisible(s) mise(s) de côté ; les autres sont conservées.",
                            bad.len()
                        ),
                    );
                }
                let new_value = codec::chunk_from_lines(lines.iter().map(String::as_str));
                if lines.is_empty() {
                    l.desired.remove(&key);
                } else {
                    l.desired.insert(key.clone(), new_value);
                }
                let _ = pid;
            }
        }
    }

    // Progress.
    for (key, _pid) in progress_keys {
        let Some(value) = l.desired.get(&key).cloned() else { continue };
        let is_v2 = serde_json::from_str::<Value>(&value)
            .ok()
            .and_then(|v| v.get("v").and_then(Value::as_u64))
            == Some(2);
        if is_v2 && tables_lost {
            l.quarantine_key_value(&key, "progression dont l'index des identifiants est perdu");
            continue;
        }
        match read_progress(&value, &store.lessons) {
            None => l.quarantine_key_value(&key, "progression illisible"),
            Some((entries, dropped)) => {
                if dropped {
                    l.quarantine(&key, "entrées de progression illisibles", &value);
                    l.problem(Some(&key), "Des entrées de progression illisibles ont été mises de côté.".into());
                }
                for lesson in entries.keys() {
                    store.intern_lesson(lesson);
                }
                let encoded = store.progress_json(&entries);
                l.desired.insert(key, encoded);
            }
        }
    }

    // The meta as it must be now (tables grown by the migration, recovered profiles).
    let needs_meta = !store.profiles.is_empty() || actual.contains_key(META_KEY) || !store.lessons.is_empty();
    if needs_meta {
        l.desired.insert(META_KEY.to_string(), meta_to_json(&store));
    }
    if let Some(v) = migrated_from {
        l.problem(None, format!("Les données ont été mises à jour du format {v} au format {SCHEMA_VERSION}."));
    }

    let repairs = diff(&actual, &l.desired);
    store.raw = l.desired;
    store.derive_all();
    LoadReport { store, problems: l.problems, quarantined: l.quarantined, migrated_from, repairs }
}

/// Writes turning `from` into `to`: quarantine copies first, then the meta,
/// then other values, then removals; undo in reverse order.
fn diff(from: &BTreeMap<String, String>, to: &BTreeMap<String, String>) -> WriteBatch {
    let mut sets: Vec<(u8, &String, &String)> = to
        .iter()
        .filter(|(k, v)| from.get(*k) != Some(v))
        .map(|(k, v)| {
            let rank = match classify(k) {
                KeyKind::Quarantine => 0,
                KeyKind::Meta => 1,
                _ => 2,
            };
            (rank, k, v)
        })
        .collect();
    sets.sort();
    let mut changes: Vec<(String, Option<String>)> =
        sets.into_iter().map(|(_, k, v)| (k.clone(), Some(v.clone()))).collect();
    changes.extend(from.keys().filter(|k| !to.contains_key(*k)).map(|k| (k.clone(), None)));
    batch_from(from, changes)
}

fn batch_from(current: &BTreeMap<String, String>, changes: Vec<(String, Option<String>)>) -> WriteBatch {
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

// ---------------------------------------------------------------- the store

impl Store {
    fn set_meta(&mut self, m: MetaParse) {
        self.profiles = m.profiles;
        self.current = m.current;
        self.lessons = m.lessons;
        self.acts = m.acts;
        self.rebuild_indexes();
    }

    fn rebuild_indexes(&mut self) {
        self.lesson_index = self.lessons.iter().enumerate().map(|(i, l)| (l.clone(), i as u32)).collect();
        self.act_index = self.acts.iter().enumerate().map(|(i, a)| (a.clone(), i as u32)).collect();
    }

    fn intern_lesson(&mut self, lesson: &str) -> u32 {
        if let Some(&i) = self.lesson_index.get(lesson) {
            return i;
        }
        let i = self.lessons.len() as u32;
        self.lessons.push(lesson.to_string());
        self.lesson_index.insert(lesson.to_string(), i);
        i
    }

    fn intern_act(&mut self, lesson: &str, activity: &str) -> u32 {
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

    fn line_from_v1(&mut self, raw: &str, month: Month) -> Option<Line> {
        let v: LineV1 = serde_json::from_str(raw).ok()?;
        let ok = valid_content_id(&v.lesson)
            && valid_content_id(&v.activity)
            && v.score <= MAX_SCORE
            && valid_time(v.at)
            && Month::of(v.at) == month
            && codec::response_within_caps(&v.response);
        if !ok {
            return None;
        }
        let id = AttemptId::parse(&v.id)?;
        let act = self.intern_act(&v.lesson, &v.activity);
        Some(Line {
            id,
            rel: u64::try_from(v.at - month.start()).ok()?,
            act,
            score: v.score,
            duration: v.duration.min(MAX_DURATION_SECS),
            response: v.response,
        })
    }

    fn progress_json(&self, entries: &BTreeMap<String, LessonProgress>) -> String {
        let l: Vec<(u32, u8, u32, i64)> = entries
            .iter()
            .filter_map(|(lesson, p)| {
                let i = *self.lesson_index.get(lesson)?;
                Some((i, status_code(p.status), p.position, p.updated))
            })
            .collect();
        serde_json::to_string(&ProgressV2 { v: SCHEMA_VERSION, l }).unwrap_or_default()
    }

    /// Re-derives everything from `raw` (which must be v2, as after a load).
    fn derive_all(&mut self) {
        self.chunks.clear();
        self.progress.clear();
        self.quarantined.clear();
        if let Some(meta) = self.raw.get(META_KEY) {
            if let MetaRead::V2(m) = read_meta(meta) {
                self.set_meta(m);
            }
        }
        let keys: Vec<String> = self.raw.keys().cloned().collect();
        for k in keys {
            self.derive_key(&k);
        }
    }

    fn attempt_from_line(&self, raw: &str, month: Month) -> Option<Attempt> {
        let line = codec::decode_line(raw)?;
        let (l, a) = self.acts.get(line.act as usize)?;
        let lesson = self.lessons.get(*l as usize)?;
        Some(Attempt {
            id: line.id,
            at: month.start() + line.rel as i64,
            lesson: lesson.clone(),
            activity: a.clone(),
            score: line.score,
            duration: line.duration,
            response: line.response,
        })
    }

    fn derive_key(&mut self, key: &str) {
        let value = self.raw.get(key).cloned();
        match classify(key) {
            KeyKind::Chunk(pid, month) => {
                self.chunks.remove(&(pid.clone(), month));
                let Some(value) = value else { return };
                if codec::chunk_format(&value) != Some(true) {
                    return;
                }
                let mut view = ChunkView::default();
                let mut seen = BTreeSet::new();
                for a in codec::v2_lines(&value).filter_map(|l| self.attempt_from_line(l, month)) {
                    if seen.insert(a.id.clone()) {
                        view.attempts.push(a);
                    }
                }
                self.chunks.insert((pid, month), view);
            }
            KeyKind::Progress(pid) => {
                self.progress.remove(&pid);
                if let Some((entries, _)) = value.and_then(|v| read_progress(&v, &self.lessons)) {
                    self.progress.insert(pid, entries);
                }
            }
            KeyKind::Quarantine => {
                self.quarantined.retain(|q| q.key != key);
                if let Some(v) = value {
                    self.quarantined.push(read_quarantine(key, &v));
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
                if prev.ends_with('\n') && new.len() > prev.len() && new.starts_with(prev.as_str()) {
                    appended.push((pid, month, new[prev.len()..].to_string()));
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
                Some(MetaRead::V2(m)) if m.lessons.starts_with(&self.lessons) && m.acts.starts_with(&self.acts) => {
                    self.set_meta(m);
                }
                _ => {
                    self.derive_all();
                    return;
                }
            }
        }
        for (pid, month, tail) in appended {
            let key = chunk_key(&pid, month);
            if full.contains(&key) || !self.chunks.contains_key(&(pid.clone(), month)) {
                full.insert(key);
                continue;
            }
            let new: Vec<Attempt> = tail.lines().filter_map(|l| self.attempt_from_line(l, month)).collect();
            if let Some(view) = self.chunks.get_mut(&(pid, month)) {
                for a in new {
                    if view.attempts.iter().all(|b| b.id != a.id) {
                        view.attempts.push(a);
                    }
                }
            }
        }
        for k in full {
            self.derive_key(&k);
        }
    }

    /// Another tab changed `key` (the `storage` event). Returns the writes
    /// that restore anything this tab had and the other tab's value lost
    /// (attempts are merged by id, progress entries by lesson); apply them,
    /// then [`Store::apply`] them too. The view is updated with the other
    /// tab's value at once.
    pub fn on_external_change(&mut self, key: &str, new_value: Option<&str>) -> WriteBatch {
        if self.read_only.is_some() || !key.starts_with(PREFIX) {
            return WriteBatch::default();
        }
        let ours = self.raw.get(key).cloned();
        let external = WriteBatch {
            ops: vec![WriteOp { key: key.to_string(), value: new_value.map(str::to_string) }],
            undo: Vec::new(),
        };
        // Work out the union before taking their value.
        let union: Option<String> = match (classify(key), &ours, new_value) {
            (KeyKind::Chunk(pid, _), Some(o), Some(t)) if self.profile(&pid).is_some() => {
                Some(codec::merge_chunks(o, t))
            }
            (KeyKind::Progress(_), Some(o), Some(t)) => {
                let a = read_progress(o, &self.lessons).map(|x| x.0).unwrap_or_default();
                self.apply(&external);
                let b = read_progress(t, &self.lessons).map(|x| x.0).unwrap_or_default();
                let mut merged = b;
                for (lesson, p) in a {
                    merge_progress_entry(&mut merged, &lesson, p);
                }
                Some(self.progress_json(&merged))
            }
            (KeyKind::Meta, Some(o), Some(t)) => {
                // Keep their profile list; keep our id tables if they extend theirs.
                match (read_meta(o), read_meta(t)) {
                    (MetaRead::V2(a), MetaRead::V2(b))
                        if a.lessons.len() >= b.lessons.len()
                            && a.acts.len() >= b.acts.len()
                            && a.lessons.starts_with(&b.lessons)
                            && a.acts.starts_with(&b.acts)
                            && (a.lessons.len() > b.lessons.len() || a.acts.len() > b.acts.len()) =>
                    {
                        self.apply(&external);
                        self.lessons = a.lessons;
                        self.acts = a.acts;
                        self.rebuild_indexes();
                        Some(meta_to_json(self))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        self.apply(&external);
        match union {
            Some(u) if Some(u.as_str()) != new_value => batch_from(&self.raw, vec![(key.to_string(), Some(u))]),
            _ => WriteBatch::default(),
        }
    }

    // ------------------------------------------------------------ queries

    /// Why the store is read-only, in French (`None` when writable).
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
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
    /// Every attempt of a profile, by time then id.
    pub fn attempts(&self, id: &ProfileId) -> Vec<Attempt> {
        let mut v: Vec<Attempt> = self
            .chunks
            .range((id.clone(), Month { year: i64::MIN, month: 0 })..)
            .take_while(|((p, _), _)| p == id)
            .flat_map(|(_, c)| c.attempts.iter().cloned())
            .collect();
        v.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        v
    }
    /// True when the profile already has an attempt with this id.
    pub fn has_attempt(&self, profile: &ProfileId, id: &AttemptId) -> bool {
        self.chunks
            .range((profile.clone(), Month { year: i64::MIN, month: 0 })..)
            .take_while(|((p, _), _)| p == profile)
            .any(|(_, c)| c.attempts.iter().any(|a| &a.id == id))
    }
    /// Lesson progress of a profile, by lesson id.
    pub fn progress(&self, id: &ProfileId) -> BTreeMap<String, LessonProgress> {
        self.progress.get(id).cloned().unwrap_or_default()
    }
    /// Attempts made after the last export (all when never exported).
    pub fn attempts_since_export(&self, id: &ProfileId) -> usize {
        let since = self.profile(id).and_then(|p| p.last_export).unwrap_or(i64::MIN);
        self.attempts(id).iter().filter(|a| a.at > since).count()
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
    /// Storage used by `communs.` keys, in UTF-16 code units of keys plus values.
    pub fn used_chars(&self) -> usize {
        self.raw.iter().map(|(k, v)| utf16_len(k) + utf16_len(v)).sum()
    }
    /// True when `batch` would stay within `quota` (UTF-16 code units,
    /// e.g. [`QUOTA_CHARS`]); other origins' keys are not counted.
    pub fn fits(&self, batch: &WriteBatch, quota: usize) -> bool {
        self.used_chars() as i64 + batch.delta_chars() <= quota as i64
    }

    // ------------------------------------------------------------ planning

    fn writable(&self) -> Result<(), FrenchError> {
        match &self.read_only {
            Some(r) => err(r.clone()),
            None => Ok(()),
        }
    }

    fn known(&self, id: &ProfileId) -> Result<&Profile, FrenchError> {
        self.profile(id).ok_or_else(|| FrenchError("Ce profil n'existe pas (ou plus).".into()))
    }

    fn with_meta(&self, f: impl FnOnce(&mut Store)) -> (Store, Option<String>) {
        let mut s = Store {
            raw: BTreeMap::new(),
            profiles: self.profiles.clone(),
            current: self.current.clone(),
            lessons: self.lessons.clone(),
            acts: self.acts.clone(),
            lesson_index: self.lesson_index.clone(),
            act_index: self.act_index.clone(),
            ..Store::default()
        };
        f(&mut s);
        let json = meta_to_json(&s);
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
    ) -> Result<(ProfileId, WriteBatch), FrenchError> {
        self.writable()?;
        let Some(pseudonym) = valid_pseudonym(pseudonym) else {
            return err(format!("Le pseudonyme doit faire entre 1 et {MAX_PSEUDONYM_CHARS} caractères."));
        };
        if self.profiles.len() >= MAX_PROFILES {
            return err("Il y a déjà trop de profils dans ce navigateur.");
        }
        if (colour as usize) >= PALETTE.len() || (avatar as usize) >= AVATARS.len() {
            return err("Couleur ou avatar inconnu.");
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
    pub fn rename_profile(&self, id: &ProfileId, pseudonym: &str) -> Result<WriteBatch, FrenchError> {
        self.writable()?;
        self.known(id)?;
        let Some(pseudonym) = valid_pseudonym(pseudonym) else {
            return err(format!("Le pseudonyme doit faire entre 1 et {MAX_PSEUDONYM_CHARS} caractères."));
        };
        self.meta_change(|s| {
            if let Some(p) = s.profiles.iter_mut().find(|p| &p.id == id) {
                p.pseudonym = pseudonym;
            }
        })
    }

    /// Plans a change of colour and avatar.
    pub fn restyle_profile(&self, id: &ProfileId, colour: u8, avatar: u8) -> Result<WriteBatch, FrenchError> {
        self.writable()?;
        self.known(id)?;
        if (colour as usize) >= PALETTE.len() || (avatar as usize) >= AVATARS.len() {
            return err("Couleur ou avatar inconnu.");
        }
        self.meta_change(|s| {
            if let Some(p) = s.profiles.iter_mut().find(|p| &p.id == id) {
                p.colour = colour;
                p.avatar = avatar;
            }
        })
    }

    /// Plans a switch of the current profile (`None`: nobody).
    pub fn switch_profile(&self, id: Option<&ProfileId>) -> Result<WriteBatch, FrenchError> {
        self.writable()?;
        if let Some(id) = id {
            self.known(id)?;
        }
        self.meta_change(|s| s.current = id.cloned())
    }

    /// Plans recording "dernière sauvegarde" after a successful export.
    pub fn mark_exported(&self, id: &ProfileId, now: Timestamp) -> Result<WriteBatch, FrenchError> {
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
    pub fn delete_profile(&self, id: &ProfileId) -> Result<WriteBatch, FrenchError> {
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

    fn meta_change(&self, f: impl FnOnce(&mut Store)) -> Result<WriteBatch, FrenchError> {
        let (_, meta) = self.with_meta(f);
        Ok(self.plan(meta.map(|m| (META_KEY.to_string(), Some(m))).into_iter().collect()))
    }

    pub(crate) fn plan(&self, changes: Vec<(String, Option<String>)>) -> WriteBatch {
        batch_from(&self.raw, changes)
    }

    /// Validates and caps a new attempt.
    pub(crate) fn check_attempt(a: &NewAttempt) -> Result<(), FrenchError> {
        if !valid_content_id(&a.lesson) || !valid_content_id(&a.activity) {
            return err("Identifiant de leçon ou d'activité invalide.");
        }
        if !valid_time(a.at) {
            return err("Date de la tentative invalide (horloge de l'ordinateur ?).");
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
    ) -> Result<(AttemptId, WriteBatch), FrenchError> {
        self.writable()?;
        self.known(profile)?;
        Self::check_attempt(&attempt)?;
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
        Ok((id, self.plan_attempts_with(profile, &[full], &BTreeMap::new(), |_| {})))
    }

    /// Plans adding attempts (already validated) and progress entries to a
    /// profile, merging by attempt id with what is stored. `extra_meta`
    /// changes the index in the same batch.
    pub(crate) fn plan_attempts_with(
        &self,
        profile: &ProfileId,
        attempts: &[Attempt],
        progress: &BTreeMap<String, LessonProgress>,
        meta_edit: impl FnOnce(&mut Store),
    ) -> WriteBatch {
        let mut progress_change = None;
        let mut lines_by_month: BTreeMap<Month, Vec<String>> = BTreeMap::new();
        let (meta_store, meta) = self.with_meta(|s| {
            meta_edit(s);
            for a in attempts {
                let month = Month::of(a.at);
                let act = s.intern_act(&a.lesson, &a.activity);
                let line = Line {
                    id: a.id.clone(),
                    rel: (a.at - month.start()).max(0) as u64,
                    act,
                    score: a.score,
                    duration: a.duration,
                    response: a.response.clone(),
                };
                lines_by_month.entry(month).or_default().push(codec::encode_line(&line));
            }
            if !progress.is_empty() {
                let mut merged = self.progress(profile);
                for (lesson, p) in progress {
                    s.intern_lesson(lesson);
                    merge_progress_entry(&mut merged, lesson, p.clone());
                }
                progress_change = Some(merged);
            }
        });
        let mut changes: Vec<(String, Option<String>)> = meta.map(|m| (META_KEY.to_string(), Some(m))).into_iter().collect();
        for (month, lines) in lines_by_month {
            let key = chunk_key(profile, month);
            let value = match self.raw.get(&key) {
                // The common case: one new line, appended (callers guarantee its
            // id is new for the profile).
                Some(old) if lines.len() == 1 && codec::chunk_format(old) == Some(true) => {
                    let mut v = old.clone();
                    if !v.ends_with('\n') {
                        v.push('\n');
                    }
                    v.push_str(&lines[0]);
                    v.push('\n');
                    v
                }
                Some(old) => codec::merge_chunks(old, &codec::chunk_from_lines(lines.iter().map(String::as_str))),
                None => codec::chunk_from_lines(lines.iter().map(String::as_str)),
            };
            changes.push((key, Some(value)));
        }
        if let Some(p) = progress_change {
            changes.push((progress_key(profile), Some(meta_store.progress_json(&p))));
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
    ) -> Result<WriteBatch, FrenchError> {
        self.writable()?;
        self.known(profile)?;
        if !valid_content_id(lesson) {
            return err("Identifiant de leçon invalide.");
        }
        if !valid_time(now) {
            return err("Date invalide (horloge de l'ordinateur ?).");
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
