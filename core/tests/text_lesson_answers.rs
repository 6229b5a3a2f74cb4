//! `core::text` against the real lessons (`lessons/`) and the test lessons
//! (`fixtures/test-lessons/`): every accepted answer of a short answer or a
//! blank is still accepted when typed with another case, without accents,
//! with the other apostrophe, with no-break spaces, guillemets or a final
//! `!`; and every id the compiler wrote follows the rule the app checks.

use communs_core::lesson::scoring::{match_answer, AnswerMatch};
use communs_core::lesson::{compile_dir, ActivityKind, CompiledLesson, TextPart};
use communs_core::text::{answer_form, fold, is_activity_id, is_anchor_id, is_lesson_id, letter_count};
use std::path::{Path, PathBuf};

/// Compiles a lessons folder (Markdown, modules, glossary, images) with no error.
fn compile_folder(dir: &Path) -> Vec<CompiledLesson> {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).ok();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    files.sort();
    let mut images = Vec::new();
    let mut stack = vec![dir.join("images")];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                images.push(path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let out = compile_dir(&files, read("modules.toml").as_deref(), read("glossaire.toml").as_deref(), &images);
    assert!(!out.has_errors(), "{}: {:#?}", dir.display(), out.diagnostics);
    assert!(!out.lessons.is_empty(), "{}: no lesson", dir.display());
    out.lessons
}

fn folders() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    vec![root.join("../lessons"), root.join("tests/fixtures/test-lessons")]
}

/// (where, accepted answers, typo allowed) of every typed answer.
fn typed_answers(lessons: &[CompiledLesson]) -> Vec<(String, Vec<String>, bool)> {
    let mut out = Vec::new();
    for l in lessons {
        for a in &l.activities {
            let at = format!("{}/{}", l.header.id, a.id);
            match &a.kind {
                ActivityKind::ReponseCourte { answers, typo } => out.push((at, answers.clone(), *typo)),
                ActivityKind::TexteATrous { parts, typo } => {
                    for p in parts {
                        if let TextPart::Gap { answers } = p {
                            out.push((at.clone(), answers.clone(), *typo));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Ways a learner may type `a` that must count as `a` itself.
fn variants(a: &str) -> Vec<(&'static str, String)> {
    vec![
        ("as written", a.to_string()),
        ("uppercase", a.to_uppercase()),
        ("no accents", fold(a)),
        ("typographic apostrophe", a.replace('\'', "\u{2019}")),
        ("straight apostrophe", a.replace('\u{2019}', "'")),
        ("no-break spaces", a.replace(' ', "\u{a0}")),
        ("extra spaces", format!("  {}  ", a.replace(' ', "   "))),
        ("guillemets and a final !", format!("«\u{a0}{a}\u{a0}»\u{a0}!")),
        ("final period", format!("{a}.")),
    ]
}

#[test]
fn accepted_answers_stay_accepted_however_they_are_typed() {
    let mut checked = 0;
    for dir in folders() {
        for (at, answers, typo) in typed_answers(&compile_folder(&dir)) {
            for a in &answers {
                assert!(!answer_form(a).is_empty(), "{at}: {a:?}");
                for (how, typed) in variants(a) {
                    assert_eq!(match_answer(&typed, &answers, typo), AnswerMatch::Exact, "{at}: {a:?} typed {how}: {typed:?}");
                    checked += 1;
                }
                // One swap of two different neighbouring letters is a typo,
                // accepted when allowed and the answer is long enough.
                let form: Vec<char> = answer_form(a).chars().collect();
                if let Some(i) = (0..form.len().saturating_sub(1))
                    .find(|&i| form[i] != form[i + 1] && form[i].is_alphabetic() && form[i + 1].is_alphabetic())
                {
                    let mut swapped = form.clone();
                    swapped.swap(i, i + 1);
                    let swapped: String = swapped.into_iter().collect();
                    if answers.iter().any(|b| answer_form(b) == swapped) {
                        continue;
                    }
                    let expected = match (typo, letter_count(&answer_form(a)) >= 5) {
                        (true, true) => AnswerMatch::Typo,
                        (false, _) => AnswerMatch::No,
                        (true, false) => continue, // another accepted answer may be close
                    };
                    assert_eq!(match_answer(&swapped, &answers, typo), expected, "{at}: {a:?} typed {swapped:?}");
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} checks: lessons not found?");
}

#[test]
fn compiled_ids_follow_the_id_rules() {
    for dir in folders() {
        for l in compile_folder(&dir) {
            assert!(is_lesson_id(&l.header.id), "lesson {:?}", l.header.id);
            for a in &l.activities {
                assert!(is_activity_id(&a.id), "{}: activity {:?}", l.header.id, a.id);
            }
            for s in &l.sections {
                assert!(is_anchor_id(&s.id), "{}: heading anchor {:?}", l.header.id, s.id);
            }
        }
    }
}
