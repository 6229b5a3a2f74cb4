//! Helpers shared by the record tests (included with `#[path]`): the test
//! lessons as this build's catalogue, attempts and records to build cases
//! from, fixture files and goldens.
#![allow(dead_code)]

use communs_core::record::{Catalogue, RecordData, RecordSource};
use communs_core::response::Response;
use communs_core::storage::{Attempt, AttemptId, LessonProgress, LessonStatus, Profile, ProfileId};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The lesson of the test-lessons folder: one activity of each type, a
/// retired one (`vf-vendre`), CRCN 2.2 niveau 2 and 3.3 niveau 1, EMI3.
pub const LESSON: &str = "essai-activites";

/// 2026-09-01T08:00:00Z.
pub const T0: i64 = 1_788_249_600;

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn bytes(path: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn catalogue() -> Catalogue {
    let folder = communs_core::fs::read_lessons(&fixtures().join("test-lessons")).expect("test lessons readable");
    let out = folder.compile();
    assert!(!out.lessons.is_empty());
    Catalogue::from_lessons(&out.lessons)
}

pub fn attempt(id: &str, at: i64, activity: &str, score: u8, response: Response) -> Attempt {
    Attempt {
        id: AttemptId::parse(id).expect("valid attempt id"),
        at,
        lesson: LESSON.into(),
        activity: activity.into(),
        score,
        duration: 30,
        response,
    }
}

/// A learner who answered right the activities that prove 2.2 niveau 2 and
/// 3.3 niveau 1, the retired one, and one of a lesson this build never saw.
pub fn good_attempts() -> Vec<Attempt> {
    vec![
        attempt("a0000001", T0, "cu-licence", 100, Response::Choices(vec![1])),
        attempt("a0000002", T0 + 60, "cm-libertes", 100, Response::Choices(vec![0, 1, 3])),
        attempt("a0000003", T0 + 120, "ap-symboles", 100, Response::Order(vec![0, 1, 2])),
        attempt("a0000004", T0 + 180, "vf-vendre", 100, Response::Bool(true)),
        attempt("a0000005", T0 + 240, "vf-gratuit", 0, Response::Bool(true)),
        attempt("a0000006", T0 + 300, "sc-photo", 100, Response::Path(vec![1, 0])),
        Attempt { lesson: "lecon-locale-inconnue".into(), ..attempt("a0000007", T0 + 360, "q1", 100, Response::Choices(vec![0])) },
    ]
}

pub fn profile(id: &str, pseudonym: &str) -> Profile {
    Profile {
        id: ProfileId::parse(id).expect("valid profile id"),
        pseudonym: pseudonym.into(),
        colour: 4,
        avatar: 2,
        created: T0 - 86_400,
        last_export: None,
    }
}

pub fn data(pseudonym: &str, attempts: Vec<Attempt>) -> RecordData {
    let mut progress = BTreeMap::new();
    progress.insert(LESSON.to_string(), LessonProgress { status: LessonStatus::Done, position: 12, updated: T0 + 400 });
    RecordData {
        source: RecordSource::Record { version: 1, app_version: "0.1.0".into(), build: "test".into() },
        profile: Profile { last_export: Some(T0 + 3_600), ..profile("rEnArd01", pseudonym) },
        exported_at: T0 + 3_600,
        progress,
        attempts,
        warnings: Vec::new(),
    }
}

/// Compares with a golden file of `fixtures/record/`; on a difference,
/// writes what was produced next to the test binaries and fails.
pub fn assert_golden(name: &str, actual: &str) {
    let path = fixtures().join("record").join(name);
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let out = format!("{}/{name}", env!("CARGO_TARGET_TMPDIR"));
        let _ = std::fs::write(&out, actual);
        panic!("{name} differs from what was produced (written to {out})");
    }
}
