//! Import as a plan: merged by attempt id without duplicates, progress by
//! the storage's rule, another learner's file refused, nothing decided
//! before everything is validated (the plan is a pure value).

#[path = "record_common.rs"]
mod common;

use common::*;
use communs_core::record::{plan_merge, read_record, write_record, BuildInfo, RecordError};
use communs_core::storage::{LessonProgress, LessonStatus};

#[test]
fn merging_adds_what_is_missing_once() {
    let all = good_attempts();
    let here = data("Renard bleu", all[..3].to_vec());
    let mut file = data("Renard (autre appareil)", all[2..].to_vec());
    file.progress.insert("autre-lecon".into(), LessonProgress { status: LessonStatus::InProgress, position: 2, updated: T0 });
    let plan = plan_merge(Some(&here), &file).expect("same profile");
    assert!(!plan.created);
    assert_eq!(plan.already_present, 1);
    let added: Vec<&str> = plan.added.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(added, vec!["a0000004", "a0000005", "a0000006", "a0000007"]);
    assert_eq!(plan.merged.attempts, all);
    // The pseudonym here is kept; new progress comes in, the same stays out.
    assert_eq!(plan.merged.profile.pseudonym, "Renard bleu");
    assert_eq!(plan.progress.keys().collect::<Vec<_>>(), vec!["autre-lecon"]);
    // Importing the result again changes nothing.
    let again = plan_merge(Some(&plan.merged), &file).unwrap();
    assert!(again.added.is_empty() && again.progress.is_empty());
    assert_eq!(again.merged, plan.merged);
}

#[test]
fn a_new_profile_is_created_with_the_whole_file() {
    let file = data("Renard bleu", good_attempts());
    let plan = plan_merge(None, &file).unwrap();
    assert!(plan.created);
    assert_eq!(plan.added.len(), 7);
    assert_eq!(plan.merged, file);
}

#[test]
fn another_learner_s_file_is_refused() {
    let here = data("Renard bleu", good_attempts());
    let mut other = data("Hibou", Vec::new());
    other.profile.id = communs_core::storage::ProfileId::parse("h1b0u002").unwrap();
    assert_eq!(plan_merge(Some(&here), &other), Err(RecordError::OtherProfile));
}

#[test]
fn export_then_import_on_another_device_gives_the_same_data() {
    let cat = catalogue();
    let build = BuildInfo { app_version: "0.1.0".into(), build: "test".into() };
    let mine = data("Renard bleu", good_attempts());
    let file = write_record(&mine, &cat, &build, T0 + 3_600);
    let read = read_record(file.as_bytes()).unwrap();
    let plan = plan_merge(None, &read).unwrap();
    assert_eq!(plan.merged, mine);
}
