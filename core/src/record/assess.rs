//! What a record is worth on this build: every attempt is **rescored from
//! its stored response** against the activity this build knows under the
//! same lesson and activity ids (live or retired: a retired activity keeps
//! its answer, so old attempts score as they did), then the competency
//! profile is computed from the rescored attempts with the evidence
//! catalogue of the same lessons. A score, level or piece of evidence
//! written in a file is never used. An attempt at an activity this build
//! does not know (a local lesson it has never seen, a lesson removed since)
//! is kept in the record and listed as unknown, never counted.

use super::read::RecordData;
use crate::competency::{self, EvidenceCatalogue};
use crate::lesson::model::{Activity, CompiledLesson};
use crate::lesson::scoring::score;
use crate::storage::Attempt;
use std::collections::HashMap;

/// What this build knows: the activities of its lessons (with their
/// answers, retired ones included) and their evidence catalogue.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    activities: HashMap<String, HashMap<String, Activity>>,
    evidence: EvidenceCatalogue,
}

impl Catalogue {
    /// The catalogue of these compiled lessons.
    pub fn from_lessons(lessons: &[CompiledLesson]) -> Catalogue {
        let mut activities: HashMap<String, HashMap<String, Activity>> = HashMap::new();
        for l in lessons {
            let acts = activities.entry(l.header.id.clone()).or_default();
            for a in l.activities.iter().chain(&l.retired_activities) {
                acts.entry(a.id.clone()).or_insert_with(|| a.clone());
            }
        }
        Catalogue { activities, evidence: EvidenceCatalogue::from_lessons(lessons) }
    }

    /// The activity of a lesson, live or retired.
    pub fn activity(&self, lesson: &str, activity: &str) -> Option<&Activity> {
        self.activities.get(lesson)?.get(activity)
    }

    /// The evidence catalogue of the same lessons.
    pub fn evidence(&self) -> &EvidenceCatalogue {
        &self.evidence
    }
}

/// An attempt this build could not rescore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownAttempt {
    /// The attempt, kept as it was read.
    pub attempt: Attempt,
}

/// A record as this build assesses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// Attempts at known activities, each with its **rescored** score, in the
    /// order of the record.
    pub attempts: Vec<Attempt>,
    /// Attempts at activities this build does not know: kept, not counted.
    pub unknown: Vec<UnknownAttempt>,
    /// How many known attempts had another score written in the file (an
    /// edited file, or a scoring rule that changed).
    pub rescored: usize,
    /// CRCN levels and EMI mastery from the rescored attempts.
    pub profile: competency::Profile,
    /// Lessons marked done (ids).
    pub lessons_done: Vec<String>,
}

/// Rescores every attempt of `data` and computes its profile.
pub fn assess(data: &RecordData, catalogue: &Catalogue) -> Assessment {
    let mut attempts = Vec::with_capacity(data.attempts.len());
    let mut unknown = Vec::new();
    let mut rescored = 0;
    for a in &data.attempts {
        match catalogue.activity(&a.lesson, &a.activity) {
            Some(activity) => {
                let outcome = score(activity, &a.response);
                if outcome.score_percent != a.score {
                    rescored += 1;
                }
                attempts.push(Attempt { score: outcome.score_percent, ..a.clone() });
            }
            None => unknown.push(UnknownAttempt { attempt: a.clone() }),
        }
    }
    let profile = competency::profile(&attempts, &catalogue.evidence);
    let lessons_done = data.lessons_done().into_iter().map(str::to_string).collect();
    Assessment { attempts, unknown, rescored, profile, lessons_done }
}
