//! Import as a plan: what merging a record into the learner's data would
//! give, computed and validated entirely before anything changes. Attempts
//! are merged by id (an id already present keeps its stored version, so
//! importing the same file twice adds nothing), progress by lesson with the
//! storage's rule (terminée wins, then the latest update). The app applies
//! the plan afterwards, all or nothing, through storage's planned writes.

use super::read::{add_progress, RecordData};
use super::{RecordError, MAX_RECORD_ATTEMPTS};
use crate::storage::{Attempt, AttemptId, LessonProgress, ProfileId};
use std::collections::{BTreeMap, BTreeSet};

/// The planned result of an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergePlan {
    /// The profile imported into.
    pub profile: ProfileId,
    /// True when no data existed for it (the profile is created).
    pub created: bool,
    /// Attempts of the file not stored yet, in the order they were made.
    pub added: Vec<Attempt>,
    /// Attempts of the file already stored (kept as stored).
    pub already_present: usize,
    /// Progress entries that the import changes or adds, as merged.
    pub progress: BTreeMap<String, LessonProgress>,
    /// The whole result: the existing data (pseudonym, look) with the file merged in.
    pub merged: RecordData,
}

/// Plans merging `incoming` into `existing` (the same learner's data on
/// this device, if any). Refused when the file is another profile's or
/// when the result would hold more than the most attempts a record may.
pub fn plan_merge(existing: Option<&RecordData>, incoming: &RecordData) -> Result<MergePlan, RecordError> {
    let Some(base) = existing else {
        if incoming.attempts.len() > MAX_RECORD_ATTEMPTS {
            return Err(RecordError::TooManyAttempts { max: MAX_RECORD_ATTEMPTS });
        }
        return Ok(MergePlan {
            profile: incoming.profile.id.clone(),
            created: true,
            added: incoming.attempts.clone(),
            already_present: 0,
            progress: incoming.progress.clone(),
            merged: incoming.clone(),
        });
    };
    if base.profile.id != incoming.profile.id {
        return Err(RecordError::OtherProfile);
    }
    let stored: BTreeSet<&AttemptId> = base.attempts.iter().map(|a| &a.id).collect();
    let (added, old): (Vec<&Attempt>, Vec<&Attempt>) = incoming.attempts.iter().partition(|a| !stored.contains(&a.id));
    if base.attempts.len() + added.len() > MAX_RECORD_ATTEMPTS {
        return Err(RecordError::TooManyAttempts { max: MAX_RECORD_ATTEMPTS });
    }
    let added: Vec<Attempt> = added.into_iter().cloned().collect();
    let mut merged = base.clone();
    merged.attempts.extend(added.iter().cloned());
    // Stable: within a second, the stored attempts first, then the file's.
    merged.attempts.sort_by_key(|a| a.at);
    let mut progress = BTreeMap::new();
    for (lesson, p) in &incoming.progress {
        let before = merged.progress.get(lesson).cloned();
        add_progress(&mut merged.progress, lesson.clone(), p.clone());
        let after = merged.progress.get(lesson).cloned();
        if let (true, Some(after)) = (before != after, after) {
            progress.insert(lesson.clone(), after);
        }
    }
    merged.exported_at = merged.exported_at.max(incoming.exported_at);
    Ok(MergePlan { profile: base.profile.id.clone(), created: false, added, already_present: old.len(), progress, merged })
}
