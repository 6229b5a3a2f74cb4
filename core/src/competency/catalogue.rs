//! The evidence catalogue: for each activity (lesson id, activity id), the
//! CRCN competences and levels and the EMI goals it is evidence of, plus how
//! many activities exist for each competence and level. It is built from the
//! compiled lessons or from [`ActivityEvidence`], the compact serialisable
//! form the app ships in the lesson index so that a profile can be computed
//! without downloading every lesson. Building it cleans its input: unknown
//! codes, impossible levels, duplicate activities and participation-only
//! activities are left out, so the profile never sees them. A retired
//! activity (`retiree : oui`) stays in the catalogue, marked, so that old
//! attempts at it keep counting as the evidence they were; it is no longer
//! counted among the activities available for a level or suggested.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::frameworks::{self, EmiRef, CRCN_DOMAINS, CRCN_LEVEL_MAX, EMI_GOALS};
use crate::lesson::model::CompiledLesson;

/// Number of CRCN competences (16).
pub(crate) const N_COMPETENCES: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < CRCN_DOMAINS.len() {
        n += CRCN_DOMAINS[i].competences.len();
        i += 1;
    }
    n
};

/// Number of EMI goals (4).
pub(crate) const N_EMI: usize = EMI_GOALS.len();
const _: () = assert!(N_EMI <= 32, "EMI goals are stored as bits of a u32");

/// Index of a level in per-level arrays (0 unused, 1 to 8).
pub(crate) const LEVELS: usize = CRCN_LEVEL_MAX as usize + 1;

/// What one activity is evidence of, in the compact form shipped in the
/// lesson index (JSON: `{"l":"droit-image","a":"q3","c":[["4.2",2]],"e":["EMI3"]}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityEvidence {
    /// Lesson id.
    #[serde(rename = "l")]
    pub lesson: String,
    /// Activity id within the lesson.
    #[serde(rename = "a")]
    pub activity: String,
    /// CRCN competence codes and the level each is evidence of.
    #[serde(rename = "c", default, skip_serializing_if = "Vec::is_empty")]
    pub crcn: Vec<(String, u8)>,
    /// EMI goals or items (`"EMI3"`, `"EMI3.2"`); an item counts for its goal.
    #[serde(rename = "e", default, skip_serializing_if = "Vec::is_empty")]
    pub emi: Vec<String>,
    /// A participation activity (sondage, nuage de mots, remue-méninges):
    /// never evidence, whatever the other fields say.
    #[serde(rename = "p", default, skip_serializing_if = "is_false")]
    pub participation_only: bool,
    /// A retired activity (`retiree : oui`): no longer shown, so not counted
    /// among the activities available for a level, but old attempts at it
    /// keep counting as the evidence they were.
    #[serde(rename = "r", default, skip_serializing_if = "is_false")]
    pub retired: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl ActivityEvidence {
    /// The evidence of every activity of these lessons that can be evidence
    /// (participation activities and activities tied to nothing are left
    /// out). An activity's EMI goals are its own `emi` list, or the
    /// lesson's when the activity has none; its CRCN references are its own
    /// only (the lesson's `crcn` summarises them and says no level per
    /// activity).
    pub fn from_lessons(lessons: &[CompiledLesson]) -> Vec<ActivityEvidence> {
        let mut out = Vec::new();
        for lesson in lessons {
            let live = lesson.activities.iter().map(|a| (a, false));
            for (a, retired) in live.chain(lesson.retired_activities.iter().map(|a| (a, true))) {
                if a.participation_only() {
                    continue;
                }
                let emi = if a.emi.is_empty() { &lesson.header.emi } else { &a.emi };
                if a.crcn.is_empty() && emi.is_empty() {
                    continue;
                }
                out.push(ActivityEvidence {
                    lesson: lesson.header.id.clone(),
                    activity: a.id.clone(),
                    crcn: a.crcn.iter().map(|r| (r.code.clone(), r.level)).collect(),
                    emi: emi.clone(),
                    participation_only: false,
                    retired,
                });
            }
        }
        out
    }
}

/// One activity of the catalogue, with codes resolved to indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub lesson: String,
    pub activity: String,
    /// (competence index in official order, level 1 to 8), one per competence.
    pub crcn: Vec<(u8, u8)>,
    /// Bit `g` set: evidence of EMI goal `g` (index in [`EMI_GOALS`]).
    pub emi: u32,
    /// A retired activity: its attempts count, it is not available any more.
    pub retired: bool,
}

impl Entry {
    /// The level this activity is evidence of for competence `c`, if any.
    pub fn level_for(&self, c: usize) -> Option<u8> {
        self.crcn.iter().find(|(i, _)| usize::from(*i) == c).map(|(_, l)| *l)
    }
}

/// Which activity is evidence of what, ready for [`crate::competency::profile`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvidenceCatalogue {
    pub(crate) entries: Vec<Entry>,
    /// lesson id → activity id → index in `entries`.
    index: HashMap<String, LessonActivities, FxBuild>,
    /// Activities per competence (official order) and level (1 to 8).
    pub(crate) available: [[u32; LEVELS]; N_COMPETENCES],
    /// Activities per EMI goal.
    pub(crate) emi_available: [u32; N_EMI],
}

/// Index of a CRCN competence in official order.
pub(crate) fn competence_index(code: &str) -> Option<usize> {
    frameworks::crcn_competences().position(|c| c.code == code)
}

/// Index of the EMI goal of a goal or item code.
fn emi_goal_index(code: &str) -> Option<usize> {
    let goal = match frameworks::emi(code)? {
        EmiRef::Goal(g) | EmiRef::Item(g, _) => g,
    };
    EMI_GOALS.iter().position(|g| g.id == goal.id)
}

impl EvidenceCatalogue {
    /// The catalogue of these compiled lessons (see
    /// [`ActivityEvidence::from_lessons`] for what counts).
    pub fn from_lessons(lessons: &[CompiledLesson]) -> EvidenceCatalogue {
        EvidenceCatalogue::from_evidence(&ActivityEvidence::from_lessons(lessons))
    }

    /// The catalogue of a compact evidence list. Never fails: entries marked
    /// participation-only, unknown CRCN or EMI codes, levels outside 1–8 and
    /// a second entry for the same (lesson, activity) are ignored; for a
    /// competence listed twice in one entry the first level is kept; an entry
    /// left with nothing is dropped.
    pub fn from_evidence(list: &[ActivityEvidence]) -> EvidenceCatalogue {
        let mut cat = EvidenceCatalogue::default();
        for ev in list {
            if ev.participation_only {
                continue;
            }
            let mut crcn: Vec<(u8, u8)> = Vec::with_capacity(ev.crcn.len());
            for (code, level) in &ev.crcn {
                let Some(c) = competence_index(code) else { continue };
                if !frameworks::is_crcn_level(i64::from(*level)) {
                    continue;
                }
                if crcn.iter().any(|(i, _)| usize::from(*i) == c) {
                    continue;
                }
                // c < 16 and level <= 8: both fit in u8.
                crcn.push((c as u8, *level));
            }
            let mut emi = 0u32;
            for code in &ev.emi {
                if let Some(g) = emi_goal_index(code) {
                    emi |= 1 << g;
                }
            }
            if crcn.is_empty() && emi == 0 {
                continue;
            }
            let activities = cat.index.entry(ev.lesson.clone()).or_default();
            if activities.contains_key(ev.activity.as_str()) {
                continue;
            }
            activities.insert(ev.activity.clone(), cat.entries.len());
            if !ev.retired {
                for &(c, l) in &crcn {
                    cat.available[usize::from(c)][usize::from(l)] += 1;
                }
                for (g, n) in cat.emi_available.iter_mut().enumerate() {
                    if emi & (1 << g) != 0 {
                        *n += 1;
                    }
                }
            }
            cat.entries.push(Entry { lesson: ev.lesson.clone(), activity: ev.activity.clone(), crcn, emi, retired: ev.retired });
        }
        cat
    }

    /// The catalogue as a compact list again (codes normalised: EMI items
    /// become their goal), in the order it was built.
    pub fn to_evidence(&self) -> Vec<ActivityEvidence> {
        let comps: Vec<_> = frameworks::crcn_competences().collect();
        self.entries
            .iter()
            .map(|e| ActivityEvidence {
                lesson: e.lesson.clone(),
                activity: e.activity.clone(),
                crcn: e.crcn.iter().map(|&(c, l)| (comps[usize::from(c)].code.to_string(), l)).collect(),
                emi: EMI_GOALS
                    .iter()
                    .enumerate()
                    .filter(|(g, _)| e.emi & (1 << g) != 0)
                    .map(|(_, goal)| goal.id.to_string())
                    .collect(),
                participation_only: false,
                retired: e.retired,
            })
            .collect()
    }

    /// Number of activities that are evidence of something.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no activity is evidence of anything.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of live activities that are evidence of this competence at
    /// this level (retired ones are not available any more).
    pub fn available(&self, code: &str, level: u8) -> usize {
        match competence_index(code) {
            Some(c) if usize::from(level) < LEVELS => self.available[c][usize::from(level)] as usize,
            _ => 0,
        }
    }

    /// Whether any activity is evidence of this competence.
    pub fn targets(&self, code: &str) -> bool {
        competence_index(code).is_some_and(|c| self.available[c].iter().any(|&n| n > 0))
    }

    /// Number of activities that are evidence of this EMI goal (or one of its
    /// items; an item code counts for its goal).
    pub fn emi_available(&self, code: &str) -> usize {
        emi_goal_index(code).map_or(0, |g| self.emi_available[g] as usize)
    }

    /// Lessons (in catalogue order, each once) with an activity that is
    /// evidence of this competence at `min_level` or above: what to suggest
    /// for a competence returned by [`crate::competency::weakest`].
    pub fn lessons_for(&self, code: &str, min_level: u8) -> Vec<&str> {
        let Some(c) = competence_index(code) else { return Vec::new() };
        let mut out: Vec<&str> = Vec::new();
        for e in &self.entries {
            if !e.retired && e.level_for(c).is_some_and(|l| l >= min_level) && !out.contains(&e.lesson.as_str()) {
                out.push(&e.lesson);
            }
        }
        out
    }

    /// The entries of one lesson, for repeated look-ups of its activities.
    pub(crate) fn lesson(&self, lesson: &str) -> Option<&LessonActivities> {
        self.index.get(lesson)
    }

    /// The entry of an activity.
    pub(crate) fn lookup(&self, lesson: &str, activity: &str) -> Option<usize> {
        self.index.get(lesson)?.get(activity).copied()
    }
}

/// A fast, non-cryptographic hasher for short ids (the Fx hash of rustc):
/// ids come from our own lessons, so there is no flooding to resist, and
/// SipHash would dominate the profile's cost.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// Activity id → index of its entry, for one lesson.
pub(crate) type LessonActivities = HashMap<String, usize, FxBuild>;

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}
