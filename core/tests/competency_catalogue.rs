//! The evidence catalogue against real and hand-made lessons (what counts,
//! EMI inheritance, participation left out), the compact JSON form, the
//! framework data the tracker shows (descriptions in « tu », verification
//! flags), and an ignored timing print for 10,000 attempts.

#[path = "competency_common.rs"]
mod common;

use common::{attempt, time, Rng};
use communs_core::competency::*;
use communs_core::frameworks::{self, Verified};
use communs_core::lesson::{compile_dir, CompiledLesson};
use communs_core::storage::Attempt;

/// The project's lessons/ folder, compiled (None when absent).
/// The course's lessons, compiled; a missing or unreadable `lessons/` fails
/// the test (it must not pass by checking nothing).
fn course() -> Vec<CompiledLesson> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons");
    let lessons = match communs_core::fs::read_lessons(&dir) {
        Ok(folder) => folder.compile().lessons,
        Err(e) => panic!("{}: {e}", dir.display()),
    };
    assert!(!lessons.is_empty(), "no lesson compiled from {}", dir.display());
    lessons
}

#[test]
fn catalogue_of_the_course() {
    let lessons = course();
    let list = ActivityEvidence::from_lessons(&lessons);
    let cat = EvidenceCatalogue::from_lessons(&lessons);
    assert_eq!(EvidenceCatalogue::from_evidence(&list), cat);
    assert_eq!(cat.len(), list.len(), "every code the compiler accepted is known to the tracker");
    for l in &lessons {
        for a in &l.activities {
            let ev = list.iter().find(|e| e.lesson == l.header.id && e.activity == a.id);
            if a.participation_only() {
                assert!(ev.is_none(), "{}/{}: participation listed", l.header.id, a.id);
                continue;
            }
            let emi = if a.emi.is_empty() { &l.header.emi } else { &a.emi };
            match ev {
                Some(ev) => {
                    let crcn: Vec<(String, u8)> = a.crcn.iter().map(|r| (r.code.clone(), r.level)).collect();
                    assert_eq!(ev.crcn, crcn, "{}/{}", l.header.id, a.id);
                    assert_eq!(&ev.emi, emi, "{}/{}: EMI of the activity, else of the lesson", l.header.id, a.id);
                }
                None => assert!(a.crcn.is_empty() && emi.is_empty(), "{}/{} missing", l.header.id, a.id),
            }
        }
    }
    // the compact form, as the index would ship it
    let json = serde_json::to_string(&list).unwrap();
    let back: Vec<ActivityEvidence> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, list);
    println!("evidence of the course: {} activities, {} bytes of JSON", list.len(), json.len());
    for c in frameworks::crcn_competences() {
        let counts: Vec<usize> = (1..=8).map(|l| cat.available(c.code, l)).collect();
        if counts.iter().any(|&n| n > 0) {
            println!("  {} niveaux 1–8 : {counts:?}", c.code);
        }
    }
    for g in frameworks::EMI_GOALS {
        println!("  {} : {} activités", g.id, cat.emi_available(g.id));
    }

    // A learner who succeeds at everything reaches the highest level the
    // course can prove for each competence.
    let mut rng = Rng(1);
    let t = time("2025-03-10T09:00");
    let all: Vec<Attempt> = list.iter().map(|e| attempt(&mut rng, &e.lesson, &e.activity, t, 100)).collect();
    let p = profile(&all, &cat);
    for c in &p.crcn {
        let top = (1..=8u8).rev().find(|&l| cat.available(c.code, l) > 0).unwrap_or(0);
        assert_eq!((c.level, c.score, c.next_level_progress), (top, top as u16 * 8, None), "{}", c.code);
    }
    for g in &p.emi {
        let n = cat.emi_available(g.code) as u32;
        assert_eq!(g.mastery, Mastery::from_counts(n, n), "{}", g.code);
    }
    // … and one who fails everything stays at 0 with everything « insuffisante ».
    let none: Vec<Attempt> = list.iter().map(|e| attempt(&mut rng, &e.lesson, &e.activity, t, 0)).collect();
    let p = profile(&none, &cat);
    assert_eq!(p.total_score, 0);
    assert!(p.emi.iter().all(|g| matches!(g.mastery, Mastery::Insuffisante | Mastery::NonEvalue)));
}

/// A compiled lesson written by hand, bypassing the compiler's checks.
fn lesson(id: &str, emi: &[&str], activities: serde_json::Value) -> CompiledLesson {
    serde_json::from_value(serde_json::json!({
        "id": id, "title": "T", "summary": "S", "module": "m", "order": 1, "audience": "cycle4",
        "duration": 10, "language": "fr", "licence": "CC-BY-SA-4.0", "emi": emi,
        "sections": [], "html": "", "sources": [{"title": "s"}], "activities": activities
    }))
    .expect("a valid compiled lesson")
}

#[test]
fn what_counts_in_compiled_lessons() {
    let a = lesson(
        "a",
        &["EMI3", "EMI3.2"],
        serde_json::json!([
            {"id": "own", "type": "vrai-faux", "answer": true, "crcn": [{"code": "2.2", "level": 1}], "emi": ["EMI4"]},
            {"id": "inherits", "type": "vrai-faux", "answer": true, "crcn": [{"code": "4.2", "level": 2}]},
            {"id": "emi-only", "type": "vrai-faux", "answer": false},
            {"id": "sondage", "type": "sondage", "options": ["x", "y"], "crcn": [{"code": "2.2", "level": 1}]},
            {"id": "nuage", "type": "nuage-de-mots", "words": 3, "emi": ["EMI3"]},
            {"id": "remue", "type": "remue-meninges"},
            {"id": "bad", "type": "vrai-faux", "answer": true, "crcn": [{"code": "7.7", "level": 1}, {"code": "2.2", "level": 9}]}
        ]),
    );
    let b = lesson("b", &[], serde_json::json!([{"id": "nothing", "type": "vrai-faux", "answer": true}]));
    let list = ActivityEvidence::from_lessons(&[a.clone(), b]);
    let ids: Vec<&str> = list.iter().map(|e| e.activity.as_str()).collect();
    assert_eq!(ids, ["own", "inherits", "emi-only", "bad"], "participation and tied-to-nothing activities left out");
    assert_eq!(list[0].emi, ["EMI4"]);
    assert_eq!(list[1].emi, ["EMI3", "EMI3.2"]);
    let cat = EvidenceCatalogue::from_lessons(&[a]);
    assert_eq!(cat.len(), 4, "`bad` keeps its inherited EMI goal");
    assert_eq!(cat.available("2.2", 1), 1, "the sondage is not evidence");
    assert_eq!(cat.available("2.2", 9), 0);
    assert_eq!(cat.emi_available("EMI3"), 3);
    let mut rng = Rng(3);
    let t = time("2025-03-10T09:00");
    let attempts: Vec<Attempt> = ["sondage", "nuage", "remue"].iter().map(|id| attempt(&mut rng, "a", id, t, 100)).collect();
    let p = profile(&attempts, &cat);
    assert_eq!(p.total_score, 0);
    assert!(p.emi.iter().all(|g| g.mastery == Mastery::NonEvalue));
}

#[test]
fn compact_json_form() {
    let ev = ActivityEvidence {
        lesson: "droit-image".into(),
        activity: "q3".into(),
        crcn: vec![("4.2".into(), 2)],
        emi: vec!["EMI3".into()],
        participation_only: false,
        retired: false,
    };
    assert_eq!(serde_json::to_string(&ev).unwrap(), r#"{"l":"droit-image","a":"q3","c":[["4.2",2]],"e":["EMI3"]}"#);
    let retired = ActivityEvidence { retired: true, ..ev.clone() };
    assert_eq!(serde_json::to_string(&retired).unwrap(), r#"{"l":"droit-image","a":"q3","c":[["4.2",2]],"e":["EMI3"],"r":true}"#);
    assert_eq!(
        serde_json::from_str::<ActivityEvidence>(r#"{"l":"droit-image","a":"q3","c":[["4.2",2]],"e":["EMI3"],"r":true}"#).unwrap(),
        retired
    );
    let bare = ActivityEvidence { crcn: vec![], emi: vec![], participation_only: true, ..ev.clone() };
    assert_eq!(serde_json::to_string(&bare).unwrap(), r#"{"l":"droit-image","a":"q3","p":true}"#);
    let min: ActivityEvidence = serde_json::from_str(r#"{"l":"x","a":"y"}"#).unwrap();
    assert!(min.crcn.is_empty() && min.emi.is_empty() && !min.participation_only && !min.retired);
    // a malformed entry is a serde error, never a panic
    assert!(serde_json::from_str::<ActivityEvidence>(r#"{"l":"x","a":"y","c":[["2.2",300]]}"#).is_err());
    assert!(serde_json::from_str::<ActivityEvidence>(r#"{"l":"x"}"#).is_err());
    // the profile serialises (for a teacher's export, say)
    let json = serde_json::to_string(&profile(&[], &EvidenceCatalogue::default())).unwrap();
    assert!(json.contains(r#""total_score":0"#), "{json}");
    assert!(json.contains(r#""mastery":"NonEvalue""#));
}

#[test]
fn framework_data_for_the_tracker() {
    let pupil = |s: &str, what: &str| {
        assert!(s.starts_with("Tu "), "{what}: starts with « Tu »");
        assert!(s.ends_with('.'), "{what}: a sentence");
        assert!(s.chars().count() <= 130, "{what}: short ({} characters)", s.chars().count());
        assert!(!s.contains(" :") && !s.contains(" ;"), "{what}: no-break space before « : » and « ; »");
        assert!(!s.contains("L'individu"), "{what}: in our own words");
    };
    let comps: Vec<_> = frameworks::crcn_competences().collect();
    assert_eq!(comps.len(), 16);
    let codes: Vec<&str> = comps.iter().map(|c| c.code).collect();
    assert_eq!(
        codes,
        ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2"]
    );
    for c in &comps {
        pupil(c.description, c.code);
        assert!(frameworks::crcn_domain(c.domain).is_some());
    }
    for l in 1..=8 {
        let level = frameworks::crcn_level(l).unwrap();
        pupil(level.description, level.label);
        assert_eq!(level.verified == Verified::Oui, level.text.is_some(), "level {l}: verified when the official text is there");
    }
    let groups: Vec<_> = frameworks::CRCN_LEVEL_GROUPS.iter().map(|g| (g.name, g.levels)).collect();
    assert_eq!(groups, [("Novice", [1, 2]), ("Indépendant", [3, 4]), ("Avancé", [5, 6]), ("Expert", [7, 8])]);
    // what is not verified (see docs/competency-model.md)
    let unverified: Vec<&str> = comps.iter().filter(|c| c.title_verified != Verified::Oui).map(|c| c.code).collect();
    assert_eq!(unverified, ["4.3", "5.2"]);
    let domains: Vec<&str> = frameworks::CRCN_DOMAINS.iter().filter(|d| d.title_verified != Verified::Oui).map(|d| d.code).collect();
    assert_eq!(domains, ["3"]);
    let goals: Vec<&str> = frameworks::EMI_GOALS.iter().filter(|g| g.title_verified != Verified::Oui).map(|g| g.id).collect();
    assert_eq!(goals, ["EMI2", "EMI3", "EMI4"]);
    assert_eq!(frameworks::SOCLE_DOMAINS.len(), 5);
}

/// Prints the time of a profile from 10,000 attempts on the host
/// (`cargo test --release -p communs-core --test competency_catalogue -- --ignored --nocapture`).
/// The browser figure comes from `cargo xtask bench`.
#[test]
#[ignore]
fn timing_10000_attempts() {
    let mut rng = Rng(42);
    let codes = ["1.1", "2.2", "3.3", "4.2", "5.2", "2.4", "4.1"];
    let mut list = Vec::new();
    for l in 0..40 {
        for a in 0..15 {
            list.push(ActivityEvidence {
                lesson: format!("lecon-numero-{l}"),
                activity: format!("activite-{a}"),
                crcn: vec![(rng.pick(&codes).to_string(), 1 + rng.below(5) as u8)],
                emi: vec![format!("EMI{}", 1 + rng.below(4))],
                participation_only: rng.chance(5),
                retired: false,
            });
        }
    }
    let cat = EvidenceCatalogue::from_evidence(&list);
    let t0 = time("2024-09-02T08:00");
    let attempts: Vec<Attempt> = (0..10_000)
        .map(|_| {
            let e = rng.pick(&list).clone();
            let at = t0 + rng.below(300 * 86_400) as i64;
            let score = common::random_score(&mut rng);
            attempt(&mut rng, &e.lesson, &e.activity, at, score)
        })
        .collect();
    let runs = 200;
    let start = std::time::Instant::now();
    let mut total = 0u32;
    for _ in 0..runs {
        total += u32::from(std::hint::black_box(profile(std::hint::black_box(&attempts), &cat)).total_score);
    }
    let per = start.elapsed() / runs;
    let start = std::time::Instant::now();
    for c in codes {
        std::hint::black_box(history(&attempts, &cat, c));
    }
    let hist = start.elapsed() / codes.len() as u32;
    println!(
        "profile of 10,000 attempts ({} activities): {per:?} per run; history of one competence: {hist:?} (checksum {total})",
        cat.len()
    );
}

/// The lesson index carries the evidence: one entry per published activity
/// that can be evidence (graded and tied to a CRCN or EMI code), none for
/// participation activities nor for draft lessons.
#[test]
fn index_carries_one_evidence_entry_per_activity() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/test-lessons");
    let src = std::fs::read_to_string(dir.join("essai-activites.md")).unwrap();
    let draft = src.replacen("id = \"essai-activites\"", "id = \"essai-brouillon\"\ndraft = true", 1);
    let modules = std::fs::read_to_string(dir.join("modules.toml")).unwrap();
    let glossary = std::fs::read_to_string(dir.join("glossaire.toml")).unwrap();
    let out = compile_dir(
        &[("essai-activites.md".into(), src), ("essai-brouillon.md".into(), draft)],
        Some(&modules),
        Some(&glossary),
        &["images/schema-essai.svg".into()],
    );
    assert_eq!(out.lessons.len(), 1, "the draft is not published");
    let l = &out.lessons[0];
    let graded: Vec<&str> = l.activities.iter().filter(|a| !a.participation_only()).map(|a| a.id.as_str()).collect();
    assert!(graded.len() < l.activities.len(), "the fixture has participation activities");
    // the lesson has EMI goals, so every graded activity is evidence
    // … then its retired activities, marked, so that old attempts keep counting
    let retired: Vec<&str> = l.retired_activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(retired, ["vf-vendre"], "the fixture has a retired activity");
    let listed: Vec<&str> = out.index.evidence.iter().map(|e| e.activity.as_str()).collect();
    assert_eq!(listed, [graded, retired.clone()].concat());
    assert!(out.index.evidence.iter().all(|e| e.retired == retired.contains(&e.activity.as_str())));
    assert!(serde_json::to_string(&out.index.evidence)
        .unwrap()
        .contains(r#"{"l":"essai-activites","a":"vf-vendre","c":[["2.2",2]],"e":["EMI3.3"],"r":true}"#));
    assert!(out.index.evidence.iter().all(|e| e.lesson == "essai-activites"));
    assert_eq!(out.index.evidence, ActivityEvidence::from_lessons(&out.lessons));
    // the index round-trips through JSON, and an older index without it still reads
    let json = serde_json::to_string(&out.index).unwrap();
    assert!(json.contains("\"evidence\":[{\"l\":\"essai-activites\""));
    let back: communs_core::lesson::LessonIndex = serde_json::from_str(&json).unwrap();
    assert_eq!(back, out.index);
    let old: communs_core::lesson::LessonIndex = serde_json::from_str(r#"{"lessons":[],"modules":[],"themes":[]}"#).unwrap();
    assert!(old.evidence.is_empty());
}
