//! Whoever reads a record recomputes its results: each attempt rescored
//! from its stored response (retired activities included), levels from the
//! rescored attempts, never from what the file says; attempts at
//! activities this build does not know kept and reported, not counted.

#[path = "record_common.rs"]
mod common;

use common::*;
use communs_core::competency::Mastery;
use communs_core::record::{assess, read_record, write_record, BuildInfo};
use communs_core::response::Response;
use serde_json::json;

fn build() -> BuildInfo {
    BuildInfo { app_version: "0.1.0".into(), build: "test".into() }
}

#[test]
fn levels_come_from_the_rescored_attempts() {
    let cat = catalogue();
    let a = assess(&data("Renard bleu", good_attempts()), &cat);
    let c22 = a.profile.competence("2.2").unwrap();
    assert_eq!((c22.level, c22.score), (2, 16));
    let c33 = a.profile.competence("3.3").unwrap();
    assert_eq!((c33.level, c33.score), (1, 8));
    // EMI3: cu-licence (its own emi) and the five others (the lesson's)
    // were tried; all but vf-gratuit succeeded.
    let emi3 = a.profile.emi_goal("EMI3").unwrap();
    assert_eq!((emi3.successes, emi3.evaluated), (5, 6));
    assert_eq!(emi3.mastery, Mastery::TresBonne);
    assert_eq!(a.attempts.len(), 6);
    assert_eq!(a.unknown.len(), 1);
    assert_eq!(a.unknown[0].attempt.lesson, "lecon-locale-inconnue");
    assert_eq!(a.rescored, 0);
    assert_eq!(a.lessons_done, vec![LESSON.to_string()]);
}

#[test]
fn a_retired_activity_is_rescored_against_its_own_answer() {
    let cat = catalogue();
    let right = attempt("b0000001", T0, "vf-vendre", 0, Response::Bool(true));
    let a = assess(&data("Renard bleu", vec![right]), &cat);
    assert_eq!(a.attempts[0].score, 100);
    assert_eq!(a.rescored, 1);
    let c22 = a.profile.competence("2.2").unwrap();
    assert!(c22.evidence.iter().any(|e| e.activity == "vf-vendre" && e.success), "{:?}", c22.evidence);
    // One success of the two needed at level 2: half way, 4 points.
    assert_eq!((c22.level, c22.score), (0, 4));
}

#[test]
fn unknown_activities_are_kept_and_not_counted() {
    let cat = catalogue();
    let mut attempts = good_attempts();
    attempts.push(attempt("a0000008", T0 + 500, "activite-disparue", 100, Response::Bool(true)));
    let d = data("Renard bleu", attempts);
    let a = assess(&d, &cat);
    let unknown: Vec<&str> = a.unknown.iter().map(|u| u.attempt.id.as_str()).collect();
    assert_eq!(unknown, vec!["a0000007", "a0000008"]);
    // Still in the record written from it, listed as unknown.
    let text = write_record(&d, &cat, &build(), T0 + 3_600);
    let back = read_record(text.as_bytes()).unwrap();
    assert_eq!(back.attempts.len(), 8);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["results"]["unknown"], json!(["a0000007", "a0000008"]));
    // Not evidence of anything.
    assert!(a.profile.crcn.iter().flat_map(|c| &c.evidence).all(|e| e.lesson == LESSON && e.activity != "activite-disparue"));
}

/// A pupil edits the file: every score to 100 with wrong answers, and the
/// written results to level 8. Reading it gives the rescored levels.
#[test]
fn an_edited_file_with_inflated_levels_and_scores_is_rescored() {
    let cat = catalogue();
    let wrong = vec![
        attempt("c0000001", T0, "cu-licence", 0, Response::Choices(vec![0])),
        attempt("c0000002", T0 + 60, "cm-libertes", 0, Response::Choices(vec![2])),
        attempt("c0000003", T0 + 120, "ap-symboles", 0, Response::Order(vec![2, 0, 1])),
        attempt("c0000004", T0 + 180, "sc-photo", 0, Response::Path(vec![0])),
    ];
    let honest = write_record(&data("Renard bleu", wrong), &cat, &build(), T0 + 3_600);
    let mut v: serde_json::Value = serde_json::from_str(&honest).unwrap();
    for a in v["attempts"].as_array_mut().unwrap() {
        a["score"] = json!(100);
    }
    v["results"]["crcn"] = json!([{ "code": "2.2", "level": 8, "score": 64, "evidence": [] }]);
    v["results"]["total_score"] = json!(1024);
    let edited = serde_json::to_string_pretty(&v).unwrap();
    assert_golden("inflated.json", &(edited.clone() + "\n"));
    let d = read_record(edited.as_bytes()).expect("an edited file is still a record");
    assert!(d.attempts.iter().all(|a| a.score == 100), "the file's scores are read as written…");
    let a = assess(&d, &cat);
    assert!(a.attempts.iter().all(|a| a.score < 80), "…and rescored: {:?}", a.attempts);
    assert_eq!(a.rescored, 4);
    assert_eq!(a.profile.competence("2.2").unwrap().level, 0);
    assert_eq!(a.profile.competence("3.3").unwrap().level, 0);
    assert_eq!(a.profile.total_score, 0);
}
