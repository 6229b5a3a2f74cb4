//! Loading a snapshot of every `communs.` key into a validated [`Store`],
//! with the writes that repair storage.
//!
//! Loading never fails: each value is parsed on its own, whatever cannot be
//! read is moved to quarantine (never deleted), schema v1 and v2 data are
//! migrated to v3, orphan keys get a recovered profile, and an unknown future schema
//! makes the store read-only without touching anything. A load followed by
//! its repairs is a fixpoint.
//!
//! What the learner is told comes back as [`ProblemCode`]s (the words are in
//! `communs-i18n`). The only French literals here are stored formats, kept
//! byte for byte: the reasons written into quarantine values (`"reason"`,
//! also in the downloaded quarantine file) and the pseudonym given to a
//! recovered profile (« Profil retrouvé N », stored in the index).

use super::codec::{self, ChunkFormat, Line, LineV1};
use super::schema::{self, classify, progress_needs_tables, read_meta, read_progress, KeyKind, MetaRead, Month, ProgressRead};
use super::write::batch_from;
use super::*;
use std::collections::{BTreeMap, BTreeSet};

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

struct Loader {
    desired: BTreeMap<String, String>,
    problems: Vec<Problem>,
    quarantined: Vec<Quarantined>,
}

impl Loader {
    fn problem(&mut self, key: Option<&str>, code: ProblemCode) {
        self.problems.push(Problem { key: key.map(str::to_string), code });
    }
    /// Copies `raw` (taken from `from`) to a quarantine key. The caller
    /// decides what happens to `from`.
    fn quarantine(&mut self, from: &str, reason: &str, raw: &str) {
        let q = Quarantined::new(from, reason, raw);
        self.desired.insert(q.key.clone(), q.value());
        self.quarantined.push(q);
    }
    /// Moves a whole value to quarantine.
    fn quarantine_key_value(&mut self, key: &str, reason: &str) {
        if let Some(raw) = self.desired.remove(key) {
            self.quarantine(key, reason, &raw);
            self.problem(Some(key), ProblemCode::Quarantined { reason: reason.to_string() });
        }
    }
}

/// Validates a snapshot of every `communs.` key (other keys are ignored).
/// Never fails: see [`LoadReport`].
pub fn load(pairs: Vec<(String, String)>) -> LoadReport {
    let actual: BTreeMap<String, String> = pairs.into_iter().filter(|(k, _)| k.starts_with(PREFIX)).collect();
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
                    store.raw = actual;
                    store.read_only = Some(StorageError::ReadOnly { format: n });
                    return LoadReport {
                        store,
                        problems: vec![Problem { key: Some(META_KEY.into()), code: ProblemCode::ReadOnly { format: n } }],
                        quarantined: Vec::new(),
                        migrated_from: None,
                        repairs: WriteBatch::default(),
                    };
                }
                MetaRead::Corrupt(reason) => {
                    l.quarantine_key_value(META_KEY, &reason);
                    tables_lost = true;
                }
                MetaRead::V1(m) | MetaRead::Tables(m, _) if !m.dropped.is_empty() => {
                    let raw = meta.clone();
                    l.quarantine(META_KEY, "profils illisibles retirés de l'index", &raw);
                    for &n in &m.dropped {
                        l.problem(Some(META_KEY), ProblemCode::IndexEntryDropped { n });
                    }
                    migrated_from = match read_meta(meta) {
                        MetaRead::V1(_) => Some(1),
                        MetaRead::Tables(_, v) if v < SCHEMA_VERSION => Some(v),
                        _ => None,
                    };
                    store.set_meta(m);
                }
                MetaRead::V1(m) => {
                    migrated_from = Some(1);
                    store.set_meta(m);
                }
                MetaRead::Tables(m, v) => {
                    migrated_from = (v < SCHEMA_VERSION).then_some(v);
                    store.set_meta(m);
                }
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
        let created = chunk_keys.iter().filter(|(_, p, _)| p == &id).map(|(_, _, m)| m.start()).min().unwrap_or(MIN_TIMESTAMP);
        let pseudonym = format!("Profil retrouvé {}", n + 1);
        l.problem(None, ProblemCode::RecoveredProfile { pseudonym: pseudonym.clone() });
        store.profiles.push(Profile { id, pseudonym, colour: 0, avatar: 0, created, last_export: None });
    }

    // Chunks.
    for (key, _pid, month) in chunk_keys {
        let Some(value) = l.desired.get(&key).cloned() else { continue };
        let format = codec::chunk_format(&value);
        match format {
            ChunkFormat::Unknown => l.quarantine_key_value(&key, "format de tentatives inconnu"),
            ChunkFormat::V2 | ChunkFormat::V3 if tables_lost => {
                // A quarantine reason: stored format, kept byte for byte.
                l.quarantine_key_value(&key, "tentatives dont l'index des identifiants est perdu")
            }
            ChunkFormat::V1 | ChunkFormat::V2 | ChunkFormat::V3 => {
                let mut lines: Vec<String> = Vec::new();
                let mut bad: Vec<&str> = Vec::new();
                let mut seen: BTreeMap<String, usize> = BTreeMap::new();
                // Formats without ranks (v1, v2): the order of the lines, which
                // were appended as the attempts were made, gives the rank.
                let mut ranks: BTreeMap<u64, u32> = BTreeMap::new();
                for raw_line in codec::chunk_lines(&value, format) {
                    let line = match format {
                        ChunkFormat::V1 => store.line_from_v1(raw_line, month),
                        _ => codec::decode_line_in(raw_line, format).filter(|x| {
                            let act_ok = match x.act {
                                codec::ActRef::Index(i) => (i as usize) < store.acts.len(),
                                codec::ActRef::Ids { .. } => true,
                            };
                            act_ok && Month::of(month.start() + x.rel as i64) == month
                        }),
                    };
                    let line = line.map(|mut x| {
                        if format != ChunkFormat::V3 && !seen.contains_key(x.id.as_str()) {
                            let rank = ranks.entry(x.rel).or_insert(0);
                            x.tie = *rank;
                            *rank += 1;
                        }
                        x
                    });
                    match line {
                        Some(x) => {
                            let enc = codec::encode_line(&x);
                            match seen.get(x.id.as_str()).and_then(|&i| lines.get_mut(i)) {
                                Some(kept) => {
                                    if enc < *kept {
                                        *kept = enc;
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
                    l.problem(Some(&key), ProblemCode::UnreadableAttempts { count: bad.len() });
                }
                if lines.is_empty() {
                    l.desired.remove(&key);
                } else {
                    l.desired.insert(key.clone(), codec::chunk_from_lines(lines.iter().map(String::as_str)));
                }
            }
        }
    }

    // Progress.
    for (key, _pid) in progress_keys {
        let Some(value) = l.desired.get(&key).cloned() else { continue };
        if tables_lost && progress_needs_tables(&value) {
            l.quarantine_key_value(&key, "progression dont l'index des identifiants est perdu");
            continue;
        }
        let mut whole = false;
        let entries = match read_progress(&value, &store.lessons) {
            ProgressRead::Unreadable => {
                l.quarantine_key_value(&key, "progression illisible");
                continue;
            }
            ProgressRead::Partial(entries) => {
                l.quarantine(&key, "entrées de progression illisibles", &value);
                l.problem(Some(&key), ProblemCode::UnreadableProgress);
                entries
            }
            ProgressRead::Whole(entries) => {
                whole = true;
                entries
            }
        };
        for lesson in entries.keys() {
            store.intern_lesson(lesson);
        }
        // A whole v3 value stays as written (lessons named by id stay so);
        // anything else is written again as v3.
        if !(whole && schema::progress_version(&value) == Some(SCHEMA_VERSION)) {
            let encoded = store.progress_json(&entries, store.lessons.len());
            l.desired.insert(key, encoded);
        }
    }

    // The meta as it must be now (tables grown by the migration, recovered profiles).
    let needs_meta = !store.profiles.is_empty() || actual.contains_key(META_KEY) || !store.lessons.is_empty();
    if needs_meta {
        l.desired.insert(META_KEY.to_string(), store.meta_json());
    }
    if let Some(v) = migrated_from {
        l.problem(None, ProblemCode::Migrated { from: v, to: SCHEMA_VERSION });
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
    let mut changes: Vec<(String, Option<String>)> = sets.into_iter().map(|(_, k, v)| (k.clone(), Some(v.clone()))).collect();
    changes.extend(from.keys().filter(|k| !to.contains_key(*k)).map(|k| (k.clone(), None)));
    batch_from(from, changes)
}

impl Store {
    /// Migration of one v1 line (a JSON object): its ids are interned in
    /// the tables, its time made relative to the month.
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
        let act = codec::ActRef::Index(self.intern_act(&v.lesson, &v.activity));
        Some(Line {
            id,
            rel: u64::try_from(v.at - month.start()).ok()?,
            tie: 0,
            act,
            score: v.score,
            duration: v.duration.min(MAX_DURATION_SECS),
            response: v.response,
        })
    }
}
