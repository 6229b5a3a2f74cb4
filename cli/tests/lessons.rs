//! The `lessons` command, run as a binary on the fixtures of `core`: `render`
//! prints the compiled HTML, `check` exits 1 on an error and prints it in the
//! catalogue's words, `build` writes what `compile_dir` gives.

use std::path::PathBuf;

use communs_core::lesson::compile_dir;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(fixtures().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn cli_render_is_the_compiled_html_and_check_exits_1_on_error() {
    let exe = env!("CARGO_BIN_EXE_lessons");
    let dir = fixtures().join("test-lessons");
    let file = dir.join("essai-activites.md");
    let out = std::process::Command::new(exe).arg("render").arg(&file).output().expect("run lessons render");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rendered = String::from_utf8(out.stdout).unwrap();
    let compiled = compile_dir(
        &[("essai-activites.md".into(), read("test-lessons/essai-activites.md"))],
        Some(&read("test-lessons/modules.toml")),
        Some(&read("test-lessons/glossaire.toml")),
        &["images/schema-essai.svg".into()],
    );
    assert_eq!(rendered, compiled.lessons[0].body_preview());
    assert!(rendered.contains("<p class=\"apercu-activite\">[activite choix-unique id="), "{rendered}");

    let out = std::process::Command::new(exe).arg("check").arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("0 erreur"), "{stdout}");
    // the length of each published lesson: stated, estimated, and the parts
    assert!(stdout.contains("essai-activites : 31 min annoncées, estimation 31 min (lecture "), "{stdout}");
    assert!(stdout.contains("(12 activités) = 25,1 min, plus 20\u{a0}%) : suffisant"), "{stdout}");

    let out = std::process::Command::new(exe).arg("check").arg(fixtures().join("lessons")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("hostile.md:29:1: erreur : lien supprimé"), "{err}");

    let tmp = std::env::temp_dir().join(format!("communs-lessons-build-{}", std::process::id()));
    let out = std::process::Command::new(exe).arg("build").arg(&dir).arg(&tmp).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let index: communs_core::lesson::LessonIndex =
        serde_json::from_str(&std::fs::read_to_string(tmp.join("index.json")).unwrap()).unwrap();
    assert_eq!(index.lessons[0].header.id, "essai-activites");
    let lesson: communs_core::lesson::CompiledLesson =
        serde_json::from_str(&std::fs::read_to_string(tmp.join("essai-activites.json")).unwrap()).unwrap();
    assert_eq!(lesson, compiled.lessons[0]);
    let _ = std::fs::remove_dir_all(&tmp);
}
