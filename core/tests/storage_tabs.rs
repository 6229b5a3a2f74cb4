//! Two tabs of one browser sharing `localStorage`, simulated
//! deterministically: each tab has its own [`Store`], writes go to one map,
//! and every write is queued as a `storage` event for the other tab, to be
//! delivered when the test says so. The race of issue #14 — both tabs adding
//! a new activity to the id tables at the same moment, so that one position
//! gets two meanings — is forced in every order, and both answers must end
//! under their own activity, in both tabs and after a new load.

#[path = "storage_common.rs"]
mod common;

use common::*;
use communs_core::response::Response;
use communs_core::storage::*;
use std::collections::{BTreeMap, VecDeque};

const NOW: i64 = 1_760_000_000; // 2025-10-09

/// One `localStorage` and two tabs with their pending `storage` events.
struct Browser {
    disk: BTreeMap<String, String>,
    tabs: [Store; 2],
    events: [VecDeque<(String, Option<String>)>; 2],
}

impl Browser {
    /// Two tabs opened on the same storage.
    fn open(disk: BTreeMap<String, String>) -> Browser {
        let a = load(pairs(&disk)).store;
        let b = load(pairs(&disk)).store;
        Browser { disk, tabs: [a, b], events: [VecDeque::new(), VecDeque::new()] }
    }

    /// Tab `t` writes a batch it planned (maybe on an old view): the map
    /// changes, the tab's view too, and the other tab gets one event per op.
    fn write(&mut self, t: usize, batch: &WriteBatch) {
        apply_ops(&mut self.disk, &batch.ops);
        self.tabs[t].apply(batch);
        for op in &batch.ops {
            self.events[1 - t].push_back((op.key.clone(), op.value.clone()));
        }
    }

    /// What the app does before planning (`change_with` in `src/storage.rs`):
    /// reads the index again and takes it in when another tab changed it
    /// (its event may still be on its way, or be older than the value).
    fn catch_up(&mut self, t: usize) {
        let on_disk = self.disk.get(META_KEY).cloned();
        if self.tabs[t].raw_value(META_KEY) != on_disk.as_deref() {
            let fix = self.tabs[t].on_external_change(META_KEY, on_disk.as_deref());
            if !fix.is_empty() {
                self.write(t, &fix);
            }
        }
    }

    /// Delivers the pending events, in order, one tab after the other as
    /// `first` says, writing back what `on_external_change` asks, until
    /// nothing is left.
    fn settle(&mut self, first: usize) {
        for _ in 0..100 {
            if self.events.iter().all(VecDeque::is_empty) {
                return;
            }
            for t in [first, 1 - first] {
                while let Some((key, value)) = self.events[t].pop_front() {
                    let fix = self.tabs[t].on_external_change(&key, value.as_deref());
                    if !fix.is_empty() {
                        self.write(t, &fix);
                    }
                }
            }
        }
        panic!("the tabs never stop writing to each other");
    }
}

/// A known storage: the v2 fixture (two profiles) migrated by a first load.
fn start() -> BTreeMap<String, String> {
    let mut disk = fixture("v3.json");
    load_and_repair(&mut disk);
    disk
}

fn answer(lesson: &str, activity: &str, at: i64, score: u8) -> NewAttempt {
    NewAttempt { at, lesson: lesson.into(), activity: activity.into(), score, duration: 7, response: Response::Bool(true) }
}

/// (lesson, activity, score) of one attempt.
type Answer = (String, String, u8);

/// (lesson, activity, score) of every attempt of a profile, in order.
fn answers(s: &Store, id: &ProfileId) -> Vec<Answer> {
    s.attempts(id).into_iter().map(|a| (a.lesson, a.activity, a.score)).collect()
}

/// The storage's final state, seen by both tabs and by a new load.
fn check(b: &Browser, expect: &[(&ProfileId, Vec<Answer>)]) {
    let fresh = load(pairs(&b.disk));
    assert!(fresh.problems.is_empty(), "{:?}", fresh.problems);
    for (id, want) in expect {
        let got = answers(&fresh.store, id);
        for w in want {
            assert!(got.contains(w), "a new load lost or misfiled {w:?}: {got:?}");
        }
        for (t, tab) in b.tabs.iter().enumerate() {
            assert_eq!(answers(tab, id), got, "tab {t} and storage disagree on {id}");
        }
    }
}

fn triple(lesson: &str, activity: &str, score: u8) -> Answer {
    (lesson.to_string(), activity.to_string(), score)
}

/// Both tabs plan from the same view, both write before either hears of the
/// other (in both orders), then the events arrive (in both orders). The
/// same profile (same chunk) and two profiles (two chunks) are tried.
#[test]
fn two_tabs_adding_activities_at_the_same_moment_keep_both_answers() {
    let renard = ProfileId::parse("rEnArd01").unwrap();
    let hibou = ProfileId::parse("h1b0u002").unwrap();
    for (pa, pb) in [(&renard, &renard), (&renard, &hibou)] {
        for writer_last in [0, 1] {
            for first_heard in [0, 1] {
                let mut b = Browser::open(start());
                let before_a = answers(&b.tabs[0], pa).len();
                let (_, wa) = b.tabs[0].record_attempt(pa, answer("nouvelle", "x", NOW + 10, 11), 1).unwrap();
                let (_, wb) = b.tabs[1].record_attempt(pb, answer("nouvelle", "y", NOW + 10, 22), 2).unwrap();
                // Both add an entry at the same position of the same table.
                assert!(wa.ops.iter().chain(&wb.ops).any(|o| o.key == META_KEY));
                if writer_last == 1 {
                    b.write(0, &wa);
                    b.write(1, &wb);
                } else {
                    b.write(1, &wb);
                    b.write(0, &wa);
                }
                b.settle(first_heard);
                let x = triple("nouvelle", "x", 11);
                let y = triple("nouvelle", "y", 22);
                if pa == pb {
                    check(&b, &[(pa, vec![x, y])]);
                    assert_eq!(answers(&b.tabs[0], pa).len(), before_a + 2);
                } else {
                    check(&b, &[(pa, vec![x]), (pb, vec![y])]);
                    let fresh = load(pairs(&b.disk)).store;
                    assert!(answers(&fresh, pb).iter().all(|(_, a, _)| a != "x"), "x filed under the other profile");
                }
            }
        }
    }
}

/// Tab A plans, tab B writes its table (a new activity), then A commits the
/// batch it planned on the old view; the events arrive afterwards. Then each
/// tab answers its activity again, by its position this time.
#[test]
fn a_batch_planned_before_the_other_tabs_table_was_written_stays_right() {
    let renard = ProfileId::parse("rEnArd01").unwrap();
    let mut b = Browser::open(start());
    let (_, wa) = b.tabs[0].record_attempt(&renard, answer("l’eau", "nouvelle-a", NOW + 5, 40), 3).unwrap();
    let (_, wb) = b.tabs[1].record_attempt(&renard, answer("l’eau", "nouvelle-b", NOW + 6, 60), 4).unwrap();
    b.write(1, &wb);
    b.write(0, &wa);
    b.settle(1);
    check(&b, &[(&renard, vec![triple("l’eau", "nouvelle-a", 40), triple("l’eau", "nouvelle-b", 60)])]);
    // Later answers to the same activities use the table, whatever it became.
    let (_, wa) = b.tabs[0].record_attempt(&renard, answer("l’eau", "nouvelle-a", NOW + 60, 41), 5).unwrap();
    b.write(0, &wa);
    b.settle(0);
    let (_, wb) = b.tabs[1].record_attempt(&renard, answer("l’eau", "nouvelle-b", NOW + 70, 61), 6).unwrap();
    b.write(1, &wb);
    b.settle(1);
    check(
        &b,
        &[(
            &renard,
            vec![
                triple("l’eau", "nouvelle-a", 40),
                triple("l’eau", "nouvelle-b", 60),
                triple("l’eau", "nouvelle-a", 41),
                triple("l’eau", "nouvelle-b", 61),
            ],
        )],
    );
}

/// Seeded random schedules: at each step both tabs (or one) read the index,
/// plan an answer or a progress change (new or known activities and
/// lessons, one profile or the other), then write in a random order before
/// hearing of each other; the events arrive, in a random order, before the
/// next step.
#[test]
fn random_schedules_of_two_tabs_lose_and_misfile_nothing() {
    let renard = ProfileId::parse("rEnArd01").unwrap();
    let hibou = ProfileId::parse("h1b0u002").unwrap();
    let mut rng = Rng(14);
    for round in 0..200 {
        let mut b = Browser::open(start());
        let mut expected: BTreeMap<ProfileId, Vec<Answer>> = BTreeMap::new();
        for step in 0..8u64 {
            // Both tabs read the index, plan, and only then write: the race.
            let mut planned = Vec::new();
            for t in [0, 1] {
                if rng.chance(30) {
                    continue;
                }
                b.catch_up(t);
                let p = if rng.chance(50) { &renard } else { &hibou };
                let lesson = format!("lecon-{}", rng.below(4));
                let activity = format!("{}-{}", ["a", "b"][t], rng.below(5));
                let score = (round % 50 + step * 2 + t as u64) as u8;
                let at = NOW + 20 + rng.below(3) as i64;
                if rng.chance(20) {
                    let w = b.tabs[t].set_progress(p, &lesson, LessonStatus::InProgress, step as u32, at).unwrap();
                    planned.push((t, w));
                } else {
                    let (_, w) = b.tabs[t].record_attempt(p, answer(&lesson, &activity, at, score), rng.next_u64()).unwrap();
                    planned.push((t, w));
                    expected.entry(p.clone()).or_default().push((lesson, activity, score));
                }
            }
            if rng.chance(50) {
                planned.reverse();
            }
            for (t, w) in planned {
                b.write(t, &w);
            }
            // The events arrive before the next answers (a few milliseconds
            // against seconds between two answers; see docs/storage.md).
            b.settle(rng.below(2) as usize);
        }
        b.settle(rng.below(2) as usize);
        let want: Vec<(&ProfileId, Vec<Answer>)> = expected.iter().map(|(p, v)| (p, v.clone())).collect();
        check(&b, &want);
        for (p, v) in &expected {
            let fresh = load(pairs(&b.disk)).store;
            let stored = answers(&fresh, p);
            let new: Vec<_> = stored.iter().filter(|(l, _, _)| l.starts_with("lecon-")).cloned().collect();
            let mut new_sorted = new.clone();
            new_sorted.sort();
            let mut want_sorted = v.clone();
            want_sorted.sort();
            assert_eq!(new_sorted, want_sorted, "round {round}: {p}");
        }
    }
}

/// The lesson of a progress entry added in the same batch is written by its
/// id, so a racing index cannot move it to another lesson either.
#[test]
fn progress_of_a_new_lesson_survives_the_race() {
    let renard = ProfileId::parse("rEnArd01").unwrap();
    let hibou = ProfileId::parse("h1b0u002").unwrap();
    let mut b = Browser::open(start());
    let wa = b.tabs[0].set_progress(&renard, "lecon-a", LessonStatus::Done, 3, NOW).unwrap();
    let wb = b.tabs[1].set_progress(&hibou, "lecon-b", LessonStatus::InProgress, 1, NOW).unwrap();
    b.write(0, &wa);
    b.write(1, &wb);
    b.settle(0);
    let fresh = load(pairs(&b.disk)).store;
    assert_eq!(fresh.lesson_progress(&renard, "lecon-a").map(|p| p.status), Some(LessonStatus::Done));
    assert!(fresh.lesson_progress(&renard, "lecon-b").is_none());
    assert_eq!(fresh.lesson_progress(&hibou, "lecon-b").map(|p| p.position), Some(1));
    assert!(fresh.lesson_progress(&hibou, "lecon-a").is_none());
}
