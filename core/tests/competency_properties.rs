//! Properties of the mastery model over seeded pseudo-random catalogues and
//! attempt sets: the order of attempts does not matter, more successes never
//! lower anything, retrying one activity cannot raise a level beyond what
//! distinct activities justify, participation-only activities never count,
//! every level shown is justified by its evidence, history ends at the
//! profile's level, and bad input is ignored without panicking.

#[path = "competency_common.rs"]
mod common;

use common::*;
use communs_core::competency::*;
use communs_core::storage::Attempt;

const CASES: u64 = 300;

/// Levels, scores and masteries only (evidence details aside).
fn summary(p: &Profile) -> (Vec<(u8, u16)>, Vec<Mastery>, u16) {
    (p.crcn.iter().map(|c| (c.level, c.score)).collect(), p.emi.iter().map(|e| e.mastery).collect(), p.total_score)
}

fn assert_not_lower(before: &Profile, after: &Profile, case: &str) {
    for (b, a) in before.crcn.iter().zip(&after.crcn) {
        assert!(a.level >= b.level, "{case}: {} level {} -> {}", a.code, b.level, a.level);
        assert!(a.score >= b.score, "{case}: {} score {} -> {}", a.code, b.score, a.score);
    }
    for (b, a) in before.emi.iter().zip(&after.emi) {
        assert!(a.mastery >= b.mastery, "{case}: {} {:?} -> {:?}", a.code, b.mastery, a.mastery);
    }
    assert!(after.total_score >= before.total_score, "{case}: total");
}

/// Catalogue entries that can be evidence (not participation-only).
fn gradable(list: &[communs_core::competency::ActivityEvidence]) -> Vec<communs_core::competency::ActivityEvidence> {
    list.iter().filter(|e| !e.participation_only).cloned().collect()
}

#[test]
fn storage_order_does_not_matter() {
    for seed in 0..CASES {
        let mut rng = Rng(seed);
        let list = random_catalogue(&mut rng);
        let cat = EvidenceCatalogue::from_evidence(&list);
        let n = rng.below(120) as usize;
        let mut attempts = random_attempts(&mut rng, &list, n);
        // identical times and scores on purpose: ties must not depend on order
        if attempts.len() > 3 {
            let (a0, s0) = (attempts[0].at, attempts[0].score);
            attempts[1].at = a0;
            attempts[2].at = a0;
            attempts[2].score = s0;
        }
        let p = profile(&attempts, &cat);
        let histories: Vec<_> = CODES.iter().map(|c| history(&attempts, &cat, c)).collect();
        for _ in 0..3 {
            rng.shuffle(&mut attempts);
            assert_eq!(profile(&attempts, &cat), p, "seed {seed}: shuffled profile differs");
            let again: Vec<_> = CODES.iter().map(|c| history(&attempts, &cat, c)).collect();
            assert_eq!(again, histories, "seed {seed}: shuffled history differs");
        }
        // the catalogue's order does not matter either (no duplicates in it)
        let mut shuffled = list.clone();
        rng.shuffle(&mut shuffled);
        assert_eq!(
            summary(&profile(&attempts, &EvidenceCatalogue::from_evidence(&shuffled))),
            summary(&p),
            "seed {seed}: catalogue order"
        );
    }
}

#[test]
fn more_successes_never_lower_anything() {
    for seed in 0..CASES {
        let mut rng = Rng(1_000 + seed);
        let list = random_catalogue(&mut rng);
        let cat = EvidenceCatalogue::from_evidence(&list);
        let n = rng.below(80) as usize;
        let mut attempts = random_attempts(&mut rng, &list, n);
        let mut before = profile(&attempts, &cat);
        for step in 0..10 {
            let case = format!("seed {seed}, step {step}");
            if rng.chance(50) || attempts.is_empty() {
                // a new successful attempt, at any time
                let ev = rng.pick(&list).clone();
                let at = time("2025-01-01T00:00") + rng.below(90 * 86_400) as i64;
                let score = 80 + rng.below(21) as u8;
                attempts.push(attempt(&mut rng, &ev.lesson, &ev.activity, at, score));
            } else {
                // an existing attempt turned into a success
                let i = rng.below(attempts.len() as u64) as usize;
                if attempts[i].score <= 100 {
                    attempts[i].score = attempts[i].score.max(80 + rng.below(21) as u8);
                }
            }
            let after = profile(&attempts, &cat);
            assert_not_lower(&before, &after, &case);
            before = after;
        }
    }
}

#[test]
fn retrying_one_activity_counts_once() {
    for seed in 0..CASES {
        let mut rng = Rng(2_000 + seed);
        let list = random_catalogue(&mut rng);
        let targets = gradable(&list);
        if targets.is_empty() {
            continue;
        }
        let cat = EvidenceCatalogue::from_evidence(&list);
        let n = rng.below(60) as usize;
        let base = random_attempts(&mut rng, &list, n);
        let x = rng.pick(&targets).clone();
        let t = time("2025-02-01T10:00");
        let mut once = base.clone();
        once.push(attempt(&mut rng, &x.lesson, &x.activity, t, 100));
        let mut many = base.clone();
        for k in 0..1 + rng.below(40) {
            let score = 80 + rng.below(21) as u8;
            many.push(attempt(&mut rng, &x.lesson, &x.activity, t + k as i64 * 60, score));
        }
        many.push(attempt(&mut rng, &x.lesson, &x.activity, t + 99_999, 100));
        assert_eq!(summary(&profile(&many, &cat)), summary(&profile(&once, &cat)), "seed {seed}: retries counted more than once");

        // On its own, one activity proves at most the levels where it is the
        // only activity: it cannot reach a level that has two or more.
        let alone = profile(&many[base.len()..], &cat);
        for c in &alone.crcn {
            for l in 1..=c.level {
                let avail = cat.available(c.code, l);
                assert!(avail <= 1, "seed {seed}: {} level {} reached by one activity among {avail}", c.code, l);
            }
        }
        for g in &alone.emi {
            assert!(g.evaluated <= 1, "seed {seed}: {} counts one activity {} times", g.code, g.evaluated);
            assert!(g.mastery <= Mastery::Satisfaisante, "seed {seed}: one activity gives at most « satisfaisante »");
        }
    }
}

#[test]
fn participation_never_counts() {
    for seed in 0..CASES {
        let mut rng = Rng(3_000 + seed);
        let mut list = random_catalogue(&mut rng);
        // participation activities carry codes, as a hostile index could
        for e in list.iter_mut().filter(|e| e.participation_only) {
            e.crcn = vec![("2.2".into(), 1), ("4.2".into(), 1)];
            e.emi = vec!["EMI3".into()];
        }
        let cat = EvidenceCatalogue::from_evidence(&list);
        let n = rng.below(100) as usize;
        let attempts = random_attempts(&mut rng, &list, n);
        let is_participation =
            |a: &Attempt| list.iter().any(|e| e.participation_only && e.lesson == a.lesson && e.activity == a.activity);
        let without: Vec<Attempt> = attempts.iter().filter(|a| !is_participation(a)).cloned().collect();
        assert_eq!(profile(&attempts, &cat), profile(&without, &cat), "seed {seed}");
        assert_eq!(
            cat.len(),
            list.iter().filter(|e| !e.participation_only && (!e.crcn.is_empty() || !e.emi.is_empty())).count(),
            "seed {seed}"
        );
        // and the same activities marked participation in compiled form are
        // left out of `ActivityEvidence::from_lessons` (see competency_catalogue.rs)
    }
}

#[test]
fn every_level_has_its_evidence() {
    // how often the random sets reach each level / mastery: the property
    // must not hold merely because nothing is ever reached
    let mut reached = [0u32; 9];
    let mut masteries = [0u32; 5];
    for seed in 0..CASES {
        let mut rng = Rng(4_000 + seed);
        let list = random_catalogue(&mut rng);
        let cat = EvidenceCatalogue::from_evidence(&list);
        let n = rng.below(150) as usize;
        let attempts = random_attempts(&mut rng, &list, n);
        let p = profile(&attempts, &cat);
        let mut total = 0;
        for c in &p.crcn {
            let case = format!("seed {seed}: {}", c.code);
            assert!(c.level <= 8 && c.score <= MAX_COMPETENCE_SCORE, "{case}");
            assert_eq!(c.score, c.level as u16 * 8 + c.next_level_progress.map_or(0, |n| n.points), "{case}");
            assert_eq!(c.targeted, (1..=8).any(|l| cat.available(c.code, l) > 0), "{case}");
            for l in 1..=c.level {
                let avail = cat.available(c.code, l);
                if avail == 0 {
                    continue;
                }
                let shown = c.justifying().filter(|e| e.level_targeted == l).count();
                assert!(shown >= avail.min(2), "{case}: level {l} shown with {shown} successes of {avail}");
            }
            if let Some(next) = c.next_level_progress {
                assert!(next.level > c.level && next.successes < next.needed && next.points < 8, "{case}");
                let s = c.evidence.iter().filter(|e| e.success && e.level_targeted == next.level).count() as u32;
                assert_eq!(next.successes, s.min(next.needed), "{case}");
            }
            for e in &c.evidence {
                assert_eq!(e.success, e.score >= SUCCESS_THRESHOLD, "{case}");
                assert!(e.score <= 100 && e.attempts >= 1, "{case}");
                let real =
                    attempts.iter().any(|a| a.lesson == e.lesson && a.activity == e.activity && a.at == e.at && a.score == e.score);
                assert!(real, "{case}: evidence {e:?} is not an attempt");
                let best = attempts
                    .iter()
                    .filter(|a| a.lesson == e.lesson && a.activity == e.activity && a.score <= 100)
                    .map(|a| a.score)
                    .max();
                assert_eq!(best, Some(e.score), "{case}: evidence is the best attempt");
            }
            total += c.score;
            reached[c.level as usize] += 1;
        }
        assert_eq!(total, p.total_score);
        for g in &p.emi {
            assert_eq!(g.evaluated as usize, g.evidence.len());
            assert_eq!(g.successes as usize, g.evidence.iter().filter(|e| e.success).count());
            assert_eq!(g.mastery, Mastery::from_counts(g.successes, g.evaluated));
            masteries[g.mastery as usize] += 1;
        }
    }
    assert!(reached[1..=5].iter().all(|&n| n > 0), "levels reached: {reached:?}");
    assert!(masteries.iter().all(|&n| n > 0), "masteries: {masteries:?}");
}

#[test]
fn history_climbs_to_the_profile_level() {
    for seed in 0..CASES {
        let mut rng = Rng(5_000 + seed);
        let list = random_catalogue(&mut rng);
        let cat = EvidenceCatalogue::from_evidence(&list);
        let n = rng.below(150) as usize;
        let attempts = random_attempts(&mut rng, &list, n);
        let p = profile(&attempts, &cat);
        for c in &p.crcn {
            let h = history(&attempts, &cat, c.code);
            let case = format!("seed {seed}: {}", c.code);
            match h.last() {
                Some(&(_, level)) => assert_eq!(level, c.level, "{case}"),
                None => assert!(c.evidence.is_empty() && c.level == 0, "{case}"),
            }
            assert!(h.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1), "{case}: {h:?}");
            // history up to a time is the profile of the attempts up to then
            for &(t, level) in &h {
                let upto: Vec<Attempt> = attempts.iter().filter(|a| a.at <= t).cloned().collect();
                assert_eq!(profile(&upto, &cat).competence(c.code).map(|r| r.level), Some(level), "{case} at {t}");
            }
        }
        assert!(history(&attempts, &cat, "9.9").is_empty());
        assert!(history(&attempts, &cat, "").is_empty());
    }
}

#[test]
fn weakest_are_targeted_and_lowest() {
    for seed in 0..CASES {
        let mut rng = Rng(6_000 + seed);
        let list = random_catalogue(&mut rng);
        let cat = EvidenceCatalogue::from_evidence(&list);
        let n = rng.below(150) as usize;
        let p = profile(&random_attempts(&mut rng, &list, n), &cat);
        let k = rng.below(6) as usize;
        let w = weakest(&p, k);
        let open: Vec<_> = p.crcn.iter().filter(|c| c.targeted && c.next_level_progress.is_some()).collect();
        assert_eq!(w.len(), k.min(open.len()), "seed {seed}");
        let scores: Vec<u16> = w.iter().map(|code| p.competence(code).unwrap().score).collect();
        assert!(scores.windows(2).all(|s| s[0] <= s[1]), "seed {seed}");
        for code in &w {
            assert!(cat.targets(code), "seed {seed}: {code}");
            let next = p.competence(code).unwrap().next_level_progress.unwrap();
            assert!(!cat.lessons_for(code, next.level).is_empty(), "seed {seed}: a lesson to suggest for {code}");
        }
        if let Some(max) = scores.last() {
            assert!(open.iter().filter(|c| !w.contains(&c.code)).all(|c| c.score >= *max), "seed {seed}");
        }
    }
}

/// Garbage catalogue entries: unknown codes, impossible levels, empty and
/// huge ids, duplicates.
fn hostile_catalogue(rng: &mut Rng) -> Vec<ActivityEvidence> {
    let codes = ["2.2", "9.9", "", "2.2 ", "1.1.1", "EMI3", "0", "٢.٢"];
    let emi = ["EMI3", "EMI9", "emi3", "EMI3.9", "", "EMI", "3.2", "EMI1.1"];
    let huge = "é".repeat(5_000);
    let mut out = Vec::new();
    for i in 0..30 {
        let lesson = match rng.below(4) {
            0 => String::new(),
            1 => huge.clone(),
            _ => format!("l{}", rng.below(3)),
        };
        out.push(ActivityEvidence {
            lesson,
            activity: format!("a{}", i % 7),
            crcn: (0..rng.below(4)).map(|_| (rng.pick(&codes).to_string(), rng.below(256) as u8)).collect(),
            emi: (0..rng.below(4)).map(|_| rng.pick(&emi).to_string()).collect(),
            participation_only: rng.chance(10),
            retired: false,
        });
    }
    out
}

#[test]
fn bad_input_is_ignored_without_panic() {
    for seed in 0..CASES {
        let mut rng = Rng(7_000 + seed);
        let list = hostile_catalogue(&mut rng);
        let cat = EvidenceCatalogue::from_evidence(&list);
        let n = rng.below(200) as usize;
        let mut attempts = random_attempts(&mut rng, &list, n);
        for a in attempts.iter_mut().take(10) {
            a.at = [i64::MIN, i64::MAX, 0, -1][rng.below(4) as usize];
        }
        let p = profile(&attempts, &cat);
        // what the catalogue kept is valid: known codes, levels 1 to 8
        for ev in cat.to_evidence() {
            assert!(!ev.participation_only);
            for (code, level) in &ev.crcn {
                assert!(communs_core::frameworks::crcn_competence(code).is_some() && (1..=8).contains(level));
            }
            for code in &ev.emi {
                assert!(["EMI1", "EMI2", "EMI3", "EMI4"].contains(&code.as_str()));
            }
        }
        // scores above 100 and unknown activities change nothing
        let clean: Vec<Attempt> = attempts.iter().filter(|a| a.score <= 100 && cat_knows(&cat, a)).cloned().collect();
        assert_eq!(profile(&clean, &cat), p, "seed {seed}");
        for c in &p.crcn {
            let _ = history(&attempts, &cat, c.code);
        }
        let _ = weakest(&p, usize::MAX);
        // rebuilding from the normalised list gives the same catalogue
        assert_eq!(EvidenceCatalogue::from_evidence(&cat.to_evidence()), cat, "seed {seed}");
    }
    // empty everything
    let empty = EvidenceCatalogue::from_evidence(&[]);
    let p = profile(&[], &empty);
    assert!(p.crcn.iter().all(|c| c.level == 0 && c.score == 0 && !c.targeted && c.next_level_progress.is_none()));
    assert!(p.emi.iter().all(|e| e.mastery == Mastery::NonEvalue));
    assert!(weakest(&p, 5).is_empty());
    assert_eq!(empty.available("2.2", 0), 0);
    assert_eq!(empty.available("2.2", 200), 0);
}

fn cat_knows(cat: &EvidenceCatalogue, a: &Attempt) -> bool {
    cat.to_evidence().iter().any(|e| e.lesson == a.lesson && e.activity == a.activity)
}

#[test]
fn duplicate_entries_keep_the_first() {
    let list: Vec<ActivityEvidence> = serde_json::from_str(
        r#"[{"l":"x","a":"1","c":[["2.2",1],["2.2",3]]},{"l":"x","a":"1","c":[["2.2",5]]},{"l":"x","a":"2","c":[["2.2",1]],"e":["EMI3.2","EMI3"]}]"#,
    )
    .unwrap();
    let cat = EvidenceCatalogue::from_evidence(&list);
    assert_eq!(cat.len(), 2);
    assert_eq!((cat.available("2.2", 1), cat.available("2.2", 3), cat.available("2.2", 5)), (2, 0, 0));
    assert_eq!(cat.emi_available("EMI3"), 1, "an item and its goal count once");
}
