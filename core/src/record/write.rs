//! Writing a record (version 1, `docs/record-format.md`): the learner's
//! data as read or stored, plus — for people and tools that read it without
//! Communs — the results this build computed when writing it: levels,
//! scores and mastery with the attempts behind them, and the attempts it
//! could not assess. Whoever reads the record recomputes those results (see
//! `assess`); they are written, never trusted. The app version, the build id
//! and the export date are parameters.

use super::assess::{assess, Assessment, Catalogue};
use super::read::{RecordData, RecordSource};
use super::time::iso_utc;
use super::{RECORD_FORMAT, RECORD_VERSION};
use crate::competency::EvidenceItem;
use crate::storage::{Attempt, LessonStatus, Profile, Store, Timestamp};
use serde_json::{json, Value};

/// Who writes a record: the app's version and build id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildInfo {
    /// The app's version (`0.1.0`).
    pub app_version: String,
    /// The build id (a commit, a date: set when `dist` is built).
    pub build: String,
}

fn attempt_json(a: &Attempt) -> Value {
    json!({
        "id": a.id.as_str(),
        "at": iso_utc(a.at),
        "lesson": a.lesson,
        "activity": a.activity,
        "score": a.score,
        "duration": a.duration,
        "response": a.response,
    })
}

/// The id of the attempt behind an evidence item (its best attempt).
fn attempt_of<'a>(e: &EvidenceItem, attempts: &'a [Attempt]) -> Option<&'a str> {
    attempts
        .iter()
        .filter(|a| a.lesson == e.lesson && a.activity == e.activity && a.at == e.at && a.score == e.score)
        .map(|a| a.id.as_str())
        .min()
}

fn evidence_json(e: &EvidenceItem, attempts: &[Attempt], with_level: bool) -> Value {
    let mut v = json!({
        "attempt": attempt_of(e, attempts),
        "lesson": e.lesson,
        "activity": e.activity,
        "score": e.score,
        "success": e.success,
        "attempts": e.attempts,
    });
    if with_level {
        v["level"] = json!(e.level_targeted);
    }
    v
}

fn results_json(a: &Assessment) -> Value {
    let crcn: Vec<Value> = a
        .profile
        .crcn
        .iter()
        .filter(|c| !c.evidence.is_empty())
        .map(|c| {
            json!({
                "code": c.code,
                "level": c.level,
                "score": c.score,
                "evidence": c.evidence.iter().map(|e| evidence_json(e, &a.attempts, true)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let emi: Vec<Value> = a
        .profile
        .emi
        .iter()
        .filter(|e| e.evaluated > 0)
        .map(|g| {
            json!({
                "code": g.code,
                "mastery": g.mastery.lsu_code(),
                "successes": g.successes,
                "evaluated": g.evaluated,
                "evidence": g.evidence.iter().map(|e| evidence_json(e, &a.attempts, false)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "total_score": a.profile.total_score,
        "crcn": crcn,
        "emi": emi,
        "unknown": a.unknown.iter().map(|u| u.attempt.id.as_str()).collect::<Vec<_>>(),
    })
}

/// A record of `data` (as read, or built from storage by
/// [`record_of_store`]), assessed with `catalogue`, written by `build` at
/// `now`. The attempts keep the scores of `data`; the results are this
/// build's.
pub fn write_record(data: &RecordData, catalogue: &Catalogue, build: &BuildInfo, now: Timestamp) -> String {
    let assessed = assess(data, catalogue);
    let p: &Profile = &data.profile;
    let progress: Vec<Value> = data
        .progress
        .iter()
        .map(|(lesson, e)| {
            json!({
                "lesson": lesson,
                "status": if e.status == LessonStatus::Done { "terminee" } else { "en_cours" },
                "position": e.position,
                "updated": iso_utc(e.updated),
            })
        })
        .collect();
    let doc = json!({
        "format": RECORD_FORMAT,
        "version": RECORD_VERSION,
        "app": { "name": "Communs", "version": build.app_version, "build": build.build },
        "exported_at": iso_utc(now),
        "pseudonym": p.pseudonym,
        "profile": { "id": p.id.as_str(), "colour": p.colour, "avatar": p.avatar, "created": iso_utc(p.created) },
        "lessons_done": data.lessons_done(),
        "progress": progress,
        "attempts": data.attempts.iter().map(attempt_json).collect::<Vec<_>>(),
        "results": results_json(&assessed),
    });
    // A `Value` with string keys always serialises.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// The data of one stored profile, ready for [`write_record`]; `None` for
/// an unknown profile.
pub fn record_of_store(store: &Store, id: &crate::storage::ProfileId, build: &BuildInfo, now: Timestamp) -> Option<RecordData> {
    let profile = store.profile(id)?.clone();
    Some(RecordData {
        source: RecordSource::Record { version: RECORD_VERSION, app_version: build.app_version.clone(), build: build.build.clone() },
        profile,
        exported_at: now,
        progress: store.progress(id),
        attempts: store.attempts(id),
        warnings: Vec::new(),
    })
}
