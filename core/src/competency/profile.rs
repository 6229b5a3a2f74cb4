//! The mastery model itself: from attempts and an evidence catalogue to a
//! [`Profile`] (a level and a Pix-like score per CRCN competence, a mastery
//! step per EMI goal, each with its evidence), a competence's level over time
//! ([`history`]) and the competences to work on next ([`weakest`]). Each
//! activity counts once, through its best attempt, so retrying one activity
//! cannot raise a level on its own; the order of the attempts never matters.
//! What the competences page shows is computed here too: the parts of a
//! score's bar, the evidence that justifies a level, the competences to work
//! on with lessons for each ([`to_work_on`]). The rule is documented in
//! `docs/competency-model.md`.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::catalogue::{competence_index, Entry, EvidenceCatalogue, LessonActivities, LEVELS, N_COMPETENCES, N_EMI};
use super::{
    EMI_FRAGILE_PERCENT, EMI_SATISFAISANTE_PERCENT, EMI_TRES_BONNE_MIN_ACTIVITIES, EMI_TRES_BONNE_PERCENT, MAX_COMPETENCE_SCORE,
    POINTS_PER_LEVEL, REQUIRED_SUCCESSES, SUCCESS_THRESHOLD,
};
use crate::frameworks::{self, CrcnLevelGroup, CRCN_LEVEL_MAX, EMI_GOALS};
use crate::storage::{Attempt, Timestamp, MAX_SCORE};

/// Where a learner stands on every CRCN competence and EMI goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// The 16 CRCN competences, in official order.
    pub crcn: Vec<CompetenceResult>,
    /// Sum of the competences' scores (0 to 1024).
    pub total_score: u16,
    /// The 4 EMI goals, in official order.
    pub emi: Vec<EmiResult>,
}

/// One CRCN competence of a profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CompetenceResult {
    /// `"2.2"`.
    pub code: &'static str,
    /// Official title.
    pub title: &'static str,
    /// Domain code (`"2"`).
    pub domain: &'static str,
    /// Level reached, 0 (none yet) to 8.
    pub level: u8,
    /// Pix-like score: 8 per level reached, plus the partial points of the
    /// next level (`level * 8 + next_level_progress.points`).
    pub score: u16,
    /// Whether any activity of the catalogue is evidence of this competence.
    pub targeted: bool,
    /// The next level that activities of the catalogue can prove, and how far
    /// the learner is on it; `None` when no activity targets a higher level.
    pub next_level_progress: Option<NextLevel>,
    /// One item per activity tried that is evidence of this competence (its
    /// best attempt), sorted by level, date, lesson and activity.
    pub evidence: Vec<EvidenceItem>,
}

/// Progress towards the next level of a competence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NextLevel {
    /// The level (1 to 8).
    pub level: u8,
    /// Distinct activities of that level succeeded (never more than `needed`).
    pub successes: u32,
    /// Distinct activities of that level needed to reach it (1 or 2).
    pub needed: u32,
    /// Partial points: `8 * successes / needed`, rounded down (0 to 7).
    pub points: u16,
}

/// An attempt behind a result: the best attempt of one activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EvidenceItem {
    pub lesson: String,
    pub activity: String,
    /// When that attempt was made.
    pub at: Timestamp,
    /// Its score (0–100).
    pub score: u8,
    /// `score >= SUCCESS_THRESHOLD`.
    pub success: bool,
    /// The CRCN level the activity is evidence of; 0 for EMI evidence (EMI
    /// goals have no levels).
    pub level_targeted: u8,
    /// How many attempts the learner made at this activity (only the best counts).
    pub attempts: u32,
}

/// One EMI goal of a profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EmiResult {
    /// `"EMI3"`.
    pub code: &'static str,
    /// Official title.
    pub title: &'static str,
    pub mastery: Mastery,
    /// Distinct activities succeeded.
    pub successes: u32,
    /// Distinct activities tried.
    pub evaluated: u32,
    /// One item per activity tried that is tied to the goal or one of its
    /// items, sorted by date, lesson and activity.
    pub evidence: Vec<EvidenceItem>,
}

/// A mastery step of the school record (LSU), or « non évalué ». Ordered
/// from `NonEvalue` (lowest) to `TresBonne`. Its words (« Maîtrise
/// fragile »…) are in the message catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Mastery {
    NonEvalue,
    Insuffisante,
    Fragile,
    Satisfaisante,
    TresBonne,
}

impl Mastery {
    /// The step for `successes` distinct activities succeeded out of
    /// `evaluated` tried (see the EMI constants of [`crate::competency`]).
    pub fn from_counts(successes: u32, evaluated: u32) -> Mastery {
        if evaluated == 0 {
            return Mastery::NonEvalue;
        }
        let s = u64::from(successes.min(evaluated)) * 100;
        let n = u64::from(evaluated);
        if s >= u64::from(EMI_TRES_BONNE_PERCENT) * n && evaluated >= EMI_TRES_BONNE_MIN_ACTIVITIES {
            Mastery::TresBonne
        } else if s >= u64::from(EMI_SATISFAISANTE_PERCENT) * n {
            Mastery::Satisfaisante
        } else if s >= u64::from(EMI_FRAGILE_PERCENT) * n {
            Mastery::Fragile
        } else {
            Mastery::Insuffisante
        }
    }

    /// LSU code (`MI`, `MF`, `MS`, `TBM`); `None` when not evaluated.
    pub fn lsu_code(self) -> Option<&'static str> {
        match self {
            Mastery::NonEvalue => None,
            Mastery::Insuffisante => Some("MI"),
            Mastery::Fragile => Some("MF"),
            Mastery::Satisfaisante => Some("MS"),
            Mastery::TresBonne => Some("TBM"),
        }
    }

    /// LSU value (1 to 4); `None` when not evaluated.
    pub fn value(self) -> Option<u8> {
        match self {
            Mastery::NonEvalue => None,
            Mastery::Insuffisante => Some(1),
            Mastery::Fragile => Some(2),
            Mastery::Satisfaisante => Some(3),
            Mastery::TresBonne => Some(4),
        }
    }
}

impl Profile {
    /// The result of one competence (`"2.2"`).
    pub fn competence(&self, code: &str) -> Option<&CompetenceResult> {
        self.crcn.iter().find(|c| c.code == code)
    }

    /// The result of one EMI goal (`"EMI3"`; an item code gives its goal).
    pub fn emi_goal(&self, code: &str) -> Option<&EmiResult> {
        let goal = match frameworks::emi(code)? {
            frameworks::EmiRef::Goal(g) | frameworks::EmiRef::Item(g, _) => g.id,
        };
        self.emi.iter().find(|e| e.code == goal)
    }

    /// The highest total score: [`MAX_COMPETENCE_SCORE`] for each competence.
    pub fn max_total_score(&self) -> u16 {
        MAX_COMPETENCE_SCORE.saturating_mul(self.crcn.len() as u16)
    }
}

impl CompetenceResult {
    /// Novice, Indépendant, Avancé or Expert; `None` at level 0.
    pub fn level_group(&self) -> Option<&'static CrcnLevelGroup> {
        frameworks::crcn_level_group(self.level)
    }

    /// The evidence that justifies the level: successes at levels up to it.
    pub fn justifying(&self) -> impl Iterator<Item = &EvidenceItem> {
        self.evidence.iter().filter(move |e| e.justifies(self.level))
    }

    /// The points of the levels reached ([`POINTS_PER_LEVEL`] each): the
    /// full part of the score's bar.
    pub fn level_points(&self) -> u16 {
        u16::from(self.level) * POINTS_PER_LEVEL
    }

    /// The partial points towards the next level: the rest of the score
    /// (`score = level_points + partial_points`).
    pub fn partial_points(&self) -> u16 {
        self.score.saturating_sub(self.level_points())
    }
}

impl EvidenceItem {
    /// Whether this item is one that justifies a competence at `level`: a
    /// success at that level or below.
    pub fn justifies(&self, level: u8) -> bool {
        self.success && self.level_targeted <= level
    }
}

/// The scores at which a competence's bar crosses into the next level (8,
/// 16 … 56): where the bar draws its ticks.
pub fn level_boundaries() -> impl Iterator<Item = u16> {
    (1..u16::from(CRCN_LEVEL_MAX)).map(|l| l * POINTS_PER_LEVEL)
}

/// The best attempt of one activity, and how many attempts it had.
#[derive(Clone, Copy)]
struct Best {
    attempt: usize,
    count: u32,
}

/// Whether attempt `a` is a better representative of its activity than `b`:
/// higher score, then earlier, then smaller id (a total order, so the choice
/// does not depend on the order of the attempts).
fn better(a: &Attempt, b: &Attempt) -> bool {
    a.score.cmp(&b.score).then_with(|| b.at.cmp(&a.at)).then_with(|| b.id.cmp(&a.id)) == Ordering::Greater
}

/// For each catalogue entry, its best attempt: one pass, no allocation but
/// the result. Attempts at unknown activities or with a score above 100 are
/// ignored.
fn best_attempts(attempts: &[Attempt], catalogue: &EvidenceCatalogue) -> Vec<Option<Best>> {
    let mut best: Vec<Option<Best>> = vec![None; catalogue.entries.len()];
    // Attempts of one lesson usually follow each other: remember the last
    // lesson's activities to skip one look-up.
    let mut last: Option<(&str, Option<&LessonActivities>)> = None;
    for (i, a) in attempts.iter().enumerate() {
        if a.score > MAX_SCORE {
            continue;
        }
        let activities = match last {
            Some((lesson, acts)) if lesson == a.lesson => acts,
            _ => {
                let acts = catalogue.lesson(&a.lesson);
                last = Some((a.lesson.as_str(), acts));
                acts
            }
        };
        let Some(&e) = activities.and_then(|m| m.get(a.activity.as_str())) else { continue };
        match &mut best[e] {
            slot @ None => *slot = Some(Best { attempt: i, count: 1 }),
            Some(b) => {
                b.count = b.count.saturating_add(1);
                if better(a, &attempts[b.attempt]) {
                    b.attempt = i;
                }
            }
        }
    }
    best
}

/// The level reached and the progress towards the next one, from the
/// activities available and succeeded per level (index 1 to 8). Levels with
/// no activity in the catalogue are skipped: they are reached with the next
/// level that has some.
fn level_of(available: &[u32; LEVELS], successes: &[u32; LEVELS]) -> (u8, Option<NextLevel>) {
    let mut level = 0u8;
    for l in 1..LEVELS {
        if available[l] == 0 {
            continue;
        }
        let needed = available[l].min(REQUIRED_SUCCESSES);
        let s = successes[l].min(needed);
        if s < needed {
            let points = (u32::from(POINTS_PER_LEVEL) * s / needed) as u16;
            return (level, Some(NextLevel { level: l as u8, successes: s, needed, points }));
        }
        level = l as u8;
    }
    (level, None)
}

fn item(e: &Entry, a: &Attempt, success: bool, level_targeted: u8, attempts: u32) -> EvidenceItem {
    EvidenceItem {
        lesson: e.lesson.clone(),
        activity: e.activity.clone(),
        at: a.at,
        score: a.score,
        success,
        level_targeted,
        attempts,
    }
}

/// The learner's profile: every CRCN competence and EMI goal, with evidence.
/// The order of `attempts` does not matter; attempts at activities the
/// catalogue does not know, and scores above 100, are ignored.
pub fn profile(attempts: &[Attempt], catalogue: &EvidenceCatalogue) -> Profile {
    let best = best_attempts(attempts, catalogue);
    let mut successes = [[0u32; LEVELS]; N_COMPETENCES];
    let mut crcn_evidence: Vec<Vec<EvidenceItem>> = (0..N_COMPETENCES).map(|_| Vec::new()).collect();
    let mut emi_successes = [0u32; N_EMI];
    let mut emi_evaluated = [0u32; N_EMI];
    let mut emi_evidence: Vec<Vec<EvidenceItem>> = (0..N_EMI).map(|_| Vec::new()).collect();

    for (e, b) in catalogue.entries.iter().zip(&best) {
        let Some(b) = b else { continue };
        let Some(a) = attempts.get(b.attempt) else { continue };
        let success = a.score >= SUCCESS_THRESHOLD;
        for &(c, l) in &e.crcn {
            let (c, l) = (usize::from(c), usize::from(l));
            if success {
                successes[c][l] += 1;
            }
            crcn_evidence[c].push(item(e, a, success, l as u8, b.count));
        }
        for g in 0..N_EMI {
            if e.emi & (1 << g) != 0 {
                emi_evaluated[g] += 1;
                emi_successes[g] += u32::from(success);
                emi_evidence[g].push(item(e, a, success, 0, b.count));
            }
        }
    }

    let mut crcn = Vec::with_capacity(N_COMPETENCES);
    let mut total_score = 0u16;
    for ((c, comp), mut evidence) in frameworks::crcn_competences().enumerate().zip(crcn_evidence) {
        let (level, next) = level_of(&catalogue.available[c], &successes[c]);
        let score = u16::from(level) * POINTS_PER_LEVEL + next.map_or(0, |n| n.points);
        total_score = total_score.saturating_add(score);
        evidence.sort_unstable_by(|x, y| {
            (x.level_targeted, x.at, &x.lesson, &x.activity).cmp(&(y.level_targeted, y.at, &y.lesson, &y.activity))
        });
        crcn.push(CompetenceResult {
            code: comp.code,
            title: comp.title,
            domain: comp.domain,
            level,
            score,
            targeted: catalogue.available[c].iter().any(|&n| n > 0),
            next_level_progress: next,
            evidence,
        });
    }

    let emi = EMI_GOALS
        .iter()
        .zip(emi_evidence)
        .enumerate()
        .map(|(g, (goal, mut evidence))| {
            evidence.sort_unstable_by(|x, y| (x.at, &x.lesson, &x.activity).cmp(&(y.at, &y.lesson, &y.activity)));
            EmiResult {
                code: goal.id,
                title: goal.title,
                mastery: Mastery::from_counts(emi_successes[g], emi_evaluated[g]),
                successes: emi_successes[g],
                evaluated: emi_evaluated[g],
                evidence,
            }
        })
        .collect();

    Profile { crcn, total_score, emi }
}

/// The level of one competence over time: `(time, level)` at the learner's
/// first relevant attempt, then each time the level changes (levels only go
/// up: each activity counts once it has succeeded). The last point is the
/// level of [`profile`]. Computed with the current catalogue; empty for an
/// unknown code or when no attempt is evidence of the competence.
pub fn history(attempts: &[Attempt], catalogue: &EvidenceCatalogue, code: &str) -> Vec<(Timestamp, u8)> {
    let Some(c) = competence_index(code) else { return Vec::new() };
    if !catalogue.available[c].iter().any(|&n| n > 0) {
        return Vec::new();
    }
    // (time, entry, level, success) of every attempt that is evidence of `c`.
    let mut events: Vec<(Timestamp, usize, u8, bool)> = attempts
        .iter()
        .filter(|a| a.score <= MAX_SCORE)
        .filter_map(|a| {
            let e = catalogue.lookup(&a.lesson, &a.activity)?;
            let level = catalogue.entries.get(e)?.level_for(c)?;
            Some((a.at, e, level, a.score >= SUCCESS_THRESHOLD))
        })
        .collect();
    events.sort_unstable_by_key(|ev| ev.0);
    let mut succeeded = vec![false; catalogue.entries.len()];
    let mut successes = [0u32; LEVELS];
    let mut out: Vec<(Timestamp, u8)> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let t = events[i].0;
        // Everything at the same instant is applied together, so the result
        // does not depend on how ties were ordered.
        while let Some(&(at, e, level, success)) = events.get(i) {
            if at != t {
                break;
            }
            if success && !succeeded[e] {
                succeeded[e] = true;
                successes[usize::from(level)] += 1;
            }
            i += 1;
        }
        let (level, _) = level_of(&catalogue.available[c], &successes);
        if out.last().map(|&(_, l)| l) != Some(level) {
            out.push((t, level));
        }
    }
    out
}

/// Up to `n` competence codes to work on next: competences that activities
/// of the catalogue target and that still have a level to reach, lowest
/// score first (ties: official order). Use
/// [`EvidenceCatalogue::lessons_for`] to find the lessons.
pub fn weakest(profile: &Profile, n: usize) -> Vec<&'static str> {
    let mut candidates: Vec<(u16, usize, &'static str)> = profile
        .crcn
        .iter()
        .enumerate()
        .filter(|(_, r)| r.targeted && r.next_level_progress.is_some())
        .map(|(i, r)| (r.score, i, r.code))
        .collect();
    candidates.sort_unstable();
    candidates.into_iter().take(n).map(|(_, _, code)| code).collect()
}

/// A competence to work on next ([`to_work_on`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkOn<'a> {
    /// `"2.2"`.
    pub code: &'static str,
    /// The next level to prove and how far the learner is on it.
    pub next: NextLevel,
    /// Lessons with activities of that level or above, in catalogue order.
    pub lessons: Vec<&'a str>,
}

/// « Pour progresser »: up to `n` competences to work on ([`weakest`]), each
/// with its next level and up to `lessons_each` lessons that can prove it.
pub fn to_work_on<'a>(profile: &Profile, catalogue: &'a EvidenceCatalogue, n: usize, lessons_each: usize) -> Vec<WorkOn<'a>> {
    weakest(profile, n)
        .into_iter()
        .filter_map(|code| {
            let next = profile.competence(code)?.next_level_progress?;
            let mut lessons = catalogue.lessons_for(code, next.level);
            lessons.truncate(lessons_each);
            Some(WorkOn { code, next, lessons })
        })
        .collect()
}
