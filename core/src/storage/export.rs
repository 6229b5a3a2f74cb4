//! Export of one profile as a self-contained JSON document, import of such a
//! document (hostile input: size, depth, format and every field are checked)
//! merging by attempt id, and the teacher's class file built from several
//! pupils' exports.
//!
//! Exports never depend on the intern table: lessons and activities are
//! written as their string ids. Format (`version` 1):
//! `{"format":"communs-export","version":1,"exported_at":…,"pseudonym":…,
//! "profile":{…},"progress":[…],"attempts":[…]}` — see `docs/storage.md`.

use super::*;
use crate::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `format` of a profile export.
pub const EXPORT_FORMAT: &str = "communs-export";
/// `format` of a class file.
pub const CLASS_FORMAT: &str = "communs-class";
/// Version of the export and class formats written here.
pub const EXPORT_VERSION: u32 = 1;

/// Largest file a user may choose to import, in bytes (the default of
/// [`ImportLimits::max_bytes`]; the app refuses bigger files before reading them).
pub const MAX_IMPORT_BYTES: usize = 8_000_000;

/// Bounds for reading a file chosen by a user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportLimits {
    /// Largest file, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects.
    pub max_depth: usize,
    /// Most attempts in one file.
    pub max_attempts: usize,
}

impl Default for ImportLimits {
    fn default() -> Self {
        ImportLimits { max_bytes: MAX_IMPORT_BYTES, max_depth: 8, max_attempts: 100_000 }
    }
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    /// The profile imported into.
    pub profile: ProfileId,
    /// True when the profile was created by this import.
    pub created: bool,
    /// Attempts added.
    pub added: usize,
    /// Attempts already stored (kept as they were).
    pub already_present: usize,
    /// Attempts or entries of the file that were invalid and skipped.
    pub skipped: usize,
    /// Remarks, in French.
    pub problems: Vec<ProblemCode>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportProfile {
    id: String,
    pseudonym: String,
    colour: u8,
    avatar: u8,
    created: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportProgress {
    lesson: String,
    status: String,
    position: u32,
    updated: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportAttempt {
    id: String,
    at: i64,
    lesson: String,
    activity: String,
    score: u8,
    duration: u32,
    response: Response,
}

fn status_name(s: LessonStatus) -> &'static str {
    match s {
        LessonStatus::InProgress => "en_cours",
        LessonStatus::Done => "terminee",
    }
}

fn progress_json(progress: &BTreeMap<String, LessonProgress>) -> Vec<ExportProgress> {
    progress
        .iter()
        .map(|(lesson, p)| ExportProgress {
            lesson: lesson.clone(),
            status: status_name(p.status).into(),
            position: p.position,
            updated: p.updated,
        })
        .collect()
}

fn attempts_json(attempts: &[Attempt]) -> Vec<ExportAttempt> {
    attempts
        .iter()
        .map(|a| ExportAttempt {
            id: a.id.as_str().into(),
            at: a.at,
            lesson: a.lesson.clone(),
            activity: a.activity.clone(),
            score: a.score,
            duration: a.duration,
            response: a.response.clone(),
        })
        .collect()
}

impl Store {
    /// The export document of one profile (pretty enough to read, compact
    /// enough to mail). Record the export with [`Store::mark_exported`].
    pub fn export_profile(&self, id: &ProfileId, now: Timestamp) -> Result<String, StorageError> {
        let Some(p) = self.profile(id) else { return err(StorageError::UnknownProfile) };
        let doc = serde_json::json!({
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_at": now,
            "pseudonym": p.pseudonym,
            "profile": ExportProfile {
                id: p.id.as_str().into(),
                pseudonym: p.pseudonym.clone(),
                colour: p.colour,
                avatar: p.avatar,
                created: p.created,
            },
            "progress": progress_json(&self.progress(id)),
            "attempts": attempts_json(&self.attempts(id)),
        });
        serde_json::to_string(&doc).map_err(|_| StorageError::ExportFailed)
    }
}

/// Deepest nesting of `[`/`{` outside strings (scan without parsing).
fn json_depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_str, mut esc) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// A validated export file.
struct ValidExport {
    profile: Profile,
    exported_at: Timestamp,
    attempts: Vec<Attempt>,
    progress: BTreeMap<String, LessonProgress>,
    skipped: usize,
    problems: Vec<ProblemCode>,
}

const MAX_LISTED_PROBLEMS: usize = 10;

fn read_export(text: &str, limits: &ImportLimits) -> Result<ValidExport, StorageError> {
    if text.len() > limits.max_bytes {
        return err(StorageError::FileTooLarge { max_mb: limits.max_bytes.div_ceil(1_000_000) });
    }
    if json_depth(text) > limits.max_depth {
        return err(StorageError::TooDeep);
    }
    let Ok(v) = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) else {
        return err(StorageError::BadJson);
    };
    if v.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return err(StorageError::UnknownFormat);
    }
    match v.get("version").and_then(Value::as_u64) {
        Some(1) => {}
        Some(n) if n > u64::from(EXPORT_VERSION) => return err(StorageError::NewerExport { format: n }),
        _ => return err(StorageError::NoVersion),
    }
    let Some(p) = v.get("profile").and_then(|p| serde_json::from_value::<ExportProfile>(p.clone()).ok()) else {
        return err(StorageError::BadProfileRecord);
    };
    let Some(id) = ProfileId::parse(&p.id) else { return err(StorageError::BadProfileId) };
    let Some(pseudonym) = valid_pseudonym(&p.pseudonym) else {
        return err(StorageError::BadPseudonym);
    };
    let exported_at = v.get("exported_at").and_then(Value::as_i64).filter(|t| valid_time(*t));
    let Some(exported_at) = exported_at else { return err(StorageError::BadExportDate) };
    let profile = Profile {
        id,
        pseudonym,
        colour: valid_colour(p.colour),
        avatar: valid_avatar(p.avatar),
        created: if valid_time(p.created) { p.created } else { exported_at },
        last_export: Some(exported_at),
    };
    let mut problems = Vec::new();
    let mut skipped = 0;
    let note = |problems: &mut Vec<ProblemCode>, m: ProblemCode| {
        if problems.len() < MAX_LISTED_PROBLEMS {
            problems.push(m);
        }
    };
    let attempts_v = v.get("attempts").and_then(Value::as_array).cloned().unwrap_or_default();
    if attempts_v.len() > limits.max_attempts {
        return err(StorageError::TooManyAttempts { max: limits.max_attempts });
    }
    // In the order of the file: an export lists attempts in the order they
    // were made, which gives the rank of attempts made in the same second.
    let mut attempts: Vec<Attempt> = Vec::new();
    let mut ids: std::collections::BTreeSet<AttemptId> = std::collections::BTreeSet::new();
    for (i, a) in attempts_v.into_iter().enumerate() {
        let parsed = serde_json::from_value::<ExportAttempt>(a).ok().and_then(|a| {
            let ok = valid_content_id(&a.lesson) && valid_content_id(&a.activity) && a.score <= MAX_SCORE && valid_time(a.at);
            let id = AttemptId::parse(&a.id)?;
            ok.then(|| Attempt {
                id,
                at: a.at,
                lesson: a.lesson,
                activity: a.activity,
                score: a.score,
                duration: a.duration.min(MAX_DURATION_SECS),
                // Capped like a new attempt (a file may come from a version with other caps).
                response: Store::cap(&a.response),
            })
        });
        match parsed {
            Some(a) if !ids.contains(&a.id) => {
                ids.insert(a.id.clone());
                attempts.push(a);
            }
            Some(_) => {
                skipped += 1;
                note(&mut problems, ProblemCode::DuplicateAttempt { n: i + 1 });
            }
            None => {
                skipped += 1;
                note(&mut problems, ProblemCode::InvalidAttempt { n: i + 1 });
            }
        }
    }
    let mut progress = BTreeMap::new();
    let progress_v = v.get("progress").and_then(Value::as_array).cloned().unwrap_or_default();
    if progress_v.len() > limits.max_attempts {
        return err(StorageError::ProgressTooLong);
    }
    for (i, e) in progress_v.into_iter().enumerate() {
        let parsed = serde_json::from_value::<ExportProgress>(e).ok().and_then(|e| {
            let status = match e.status.as_str() {
                "en_cours" => LessonStatus::InProgress,
                "terminee" => LessonStatus::Done,
                _ => return None,
            };
            (valid_content_id(&e.lesson) && valid_time(e.updated))
                .then_some((e.lesson, LessonProgress { status, position: e.position, updated: e.updated }))
        });
        match parsed {
            Some((lesson, p)) => {
                let merged = match progress.get(&lesson) {
                    Some(old) => LessonProgress::merge(old, &p),
                    None => p,
                };
                progress.insert(lesson, merged);
            }
            None => {
                skipped += 1;
                note(&mut problems, ProblemCode::InvalidProgress { n: i + 1 });
            }
        }
    }
    if skipped > MAX_LISTED_PROBLEMS {
        problems.push(ProblemCode::SkippedTotal { count: skipped });
    }
    // Made in that order: by time, the file's order within a second.
    attempts.sort_by_key(|a| a.at);
    Ok(ValidExport { profile, exported_at, attempts, progress, skipped, problems })
}

/// Reads a profile export and plans merging it into the store: attempts are
/// merged by id into the profile with the same id (created if absent, made
/// current), progress entries by lesson. Nothing stored is replaced: an
/// attempt id already present keeps its stored version.
pub fn import(store: &Store, text: &str, limits: &ImportLimits) -> Result<(WriteBatch, ImportReport), StorageError> {
    if let Some(r) = store.read_only_reason() {
        return err(r.clone());
    }
    let file = read_export(text, limits)?;
    let id = file.profile.id.clone();
    let existing = store.profile(&id).cloned();
    let created = existing.is_none();
    if created && store.profiles().len() >= MAX_PROFILES {
        return err(StorageError::ProfileLimit);
    }
    let stored: std::collections::BTreeSet<AttemptId> = store.attempts(&id).into_iter().map(|a| a.id).collect();
    let (new, old): (Vec<Attempt>, Vec<Attempt>) = file.attempts.into_iter().partition(|a| !stored.contains(&a.id));
    let mut problems = file.problems;
    if let Some(p) = &existing {
        if p.pseudonym != file.profile.pseudonym {
            problems.push(ProblemCode::PseudonymKept { file: file.profile.pseudonym.clone(), here: p.pseudonym.clone() });
        }
    }
    let profile = file.profile;
    let batch = store.plan_attempts_with(&id, &new, &file.progress, |s| {
        // An existing profile keeps its pseudonym, look and last export.
        if s.profiles.iter().all(|p| p.id != id) {
            s.profiles.push(profile);
        }
        s.current = Some(id.clone());
    });
    let report = ImportReport { profile: id, created, added: new.len(), already_present: old.len(), skipped: file.skipped, problems };
    Ok((batch, report))
}

#[derive(Serialize)]
struct ClassPupil {
    id: String,
    pseudonym: String,
    exported_at: Timestamp,
    progress: Vec<ExportProgress>,
    attempts: Vec<ExportAttempt>,
}

/// The teacher's class file built by [`build_class_file`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassFile {
    /// The JSON document.
    pub text: String,
    /// How many pupils it holds (0: no valid export was given).
    pub pupils: usize,
    /// Per rejected or partly invalid file (index in the exports given), a
    /// problem code.
    pub problems: Vec<(usize, ClassProblem)>,
}

/// A problem of one file given to [`build_class_file`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassProblem {
    /// The file was rejected.
    Rejected(StorageError),
    /// The file was read, but something in the export of `pseudonym` was skipped.
    Skipped { pseudonym: String, problem: ProblemCode },
}

/// Builds the teacher's class file from pupils' export files: one entry per
/// profile id (two saves of the same pupil are merged by attempt id), sorted
/// by pseudonym, with the problems of each file.
pub fn build_class_file(exports: &[&str]) -> ClassFile {
    let limits = ImportLimits::default();
    let mut problems = Vec::new();
    let mut pupils: BTreeMap<ProfileId, ValidExport> = BTreeMap::new();
    for (i, text) in exports.iter().enumerate() {
        match read_export(text, &limits) {
            Err(e) => problems.push((i, ClassProblem::Rejected(e))),
            Ok(file) => {
                for p in &file.problems {
                    problems.push((i, ClassProblem::Skipped { pseudonym: file.profile.pseudonym.clone(), problem: p.clone() }));
                }
                match pupils.get_mut(&file.profile.id) {
                    None => {
                        pupils.insert(file.profile.id.clone(), file);
                    }
                    Some(known) => {
                        let ids: std::collections::BTreeSet<AttemptId> = known.attempts.iter().map(|a| a.id.clone()).collect();
                        known.attempts.extend(file.attempts.into_iter().filter(|a| !ids.contains(&a.id)));
                        for (lesson, p) in file.progress {
                            let merged = match known.progress.get(&lesson) {
                                Some(old) => old.merge(&p),
                                None => p,
                            };
                            known.progress.insert(lesson, merged);
                        }
                        if file.exported_at > known.exported_at {
                            known.exported_at = file.exported_at;
                            known.profile.pseudonym = file.profile.pseudonym;
                        }
                    }
                }
            }
        }
    }
    let mut list: Vec<ClassPupil> = pupils
        .into_values()
        .map(|mut f| {
            // Stable: within a second, the order of the first save, then the next.
            f.attempts.sort_by_key(|a| a.at);
            ClassPupil {
                id: f.profile.id.as_str().into(),
                pseudonym: f.profile.pseudonym,
                exported_at: f.exported_at,
                progress: progress_json(&f.progress),
                attempts: attempts_json(&f.attempts),
            }
        })
        .collect();
    list.sort_by(|a, b| (a.pseudonym.to_lowercase(), &a.id).cmp(&(b.pseudonym.to_lowercase(), &b.id)));
    let pupils = list.len();
    let doc = serde_json::json!({ "format": CLASS_FORMAT, "version": EXPORT_VERSION, "pupils": list });
    ClassFile { text: serde_json::to_string(&doc).unwrap_or_default(), pupils, problems }
}
