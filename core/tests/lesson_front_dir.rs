//! Front matter checks and whole-folder compilation (cross-lesson checks,
//! drafts, index), plus the `lessons` CLI.

#[path = "common_lessons.rs"]
mod common;

use common::*;
use communs_core::lesson::{compile_dir, compile_lesson, Severity, MODULES_FILE};

const BODY: &str = "## Partie\n\nTexte.\n";

fn front(fields: &str) -> String {
    format!("+++\n{fields}\n+++\n{BODY}")
}

const OK_FIELDS: &str = "id = \"essai\"\ntitle = \"T\"\nsummary = \"S\"\nmodule = \"essais\"\norder = 1\naudience = \"cycle4\"\nduration = 10\n[[sources]]\ntitle = \"Src\"\nurl = \"https://example.org\"";

#[test]
fn front_matter_cases() {
    // (case, source, expected (file line, fragment); empty: no error)
    type FrontCase = (&'static str, String, Vec<(usize, &'static str)>);
    let cases: Vec<FrontCase> = vec![
        ("ok", front(OK_FIELDS), vec![]),
        ("no front matter", "## Titre\n".to_string(), vec![(1, "doit commencer par un en-tête")]),
        ("unclosed", "+++\nid = \"x\"\n".to_string(), vec![(1, "non fermé")]),
        ("bad toml", front("id = \"essai\"\ntitle = \n"), vec![(3, "TOML invalide")]),
        (
            "missing sources",
            front(&OK_FIELDS.replace("[[sources]]\ntitle = \"Src\"\nurl = \"https://example.org\"", "")),
            vec![(1, "au moins une source")],
        ),
        (
            "source without url",
            front(&OK_FIELDS.replace("url = \"https://example.org\"", "")),
            vec![(9, "un `url` (http ou https) ou une `reference`")],
        ),
        ("source js url", front(&OK_FIELDS.replace("https://example.org", "javascript:alert(1)")), vec![(9, "http ou https")]),
        (
            "source reference ok",
            front(&OK_FIELDS.replace("url = \"https://example.org\"", "reference = \"Code civil, art. 9\"")),
            vec![],
        ),
        ("missing title", front(&OK_FIELDS.replace("title = \"T\"\n", "")), vec![(1, "`title`")]),
        ("bad id", front(&OK_FIELDS.replace("\"essai\"", "\"Essai_1\"")), vec![(2, "identifiant « Essai_1 » invalide")]),
        ("short id", front(&OK_FIELDS.replace("\"essai\"", "\"ab\"")), vec![(2, "de 3 à 60")]),
        ("unknown module", front(&OK_FIELDS.replace("\"essais\"", "\"nulle-part\"")), vec![(5, "module inconnu « nulle-part »")]),
        ("bad audience", front(&OK_FIELDS.replace("cycle4", "college")), vec![(7, "cycle3, cycle4 ou lycee")]),
        ("duration 0", front(&OK_FIELDS.replace("duration = 10", "duration = 0")), vec![(8, "de 1 à 240")]),
        ("duration 300", front(&OK_FIELDS.replace("duration = 10", "duration = 300")), vec![(8, "de 1 à 240")]),
        ("duration string", front(&OK_FIELDS.replace("duration = 10", "duration = \"10\"")), vec![(8, "de 1 à 240")]),
        ("negative order", front(&OK_FIELDS.replace("order = 1", "order = -1")), vec![(6, "entier positif")]),
        ("unknown field", front(&format!("brouillon = true\n{OK_FIELDS}")), vec![(2, "champ inconnu « brouillon »")]),
        ("license spelling", front(&format!("license = \"CC0\"\n{OK_FIELDS}")), vec![(2, "licence")]),
        (
            "unknown crcn",
            front(&format!("crcn = [{{ code = \"6.1\", level = 2 }}]\n{OK_FIELDS}")),
            vec![(2, "compétence CRCN inconnue « 6.1 »")],
        ),
        ("crcn level", front(&format!("crcn = [{{ code = \"2.2\", level = 12 }}]\n{OK_FIELDS}")), vec![(2, "niveau CRCN invalide")]),
        ("crcn shape", front(&format!("crcn = [\"2.2\"]\n{OK_FIELDS}")), vec![(2, "{ code = ")]),
        ("unknown emi", front(&format!("emi = [\"EMI3.2\", \"EMI7\"]\n{OK_FIELDS}")), vec![(2, "code EMI inconnu « EMI7 »")]),
        ("keywords not list", front(&format!("keywords = \"a\"\n{OK_FIELDS}")), vec![(2, "liste de textes")]),
        ("draft not bool", front(&format!("draft = \"oui\"\n{OK_FIELDS}")), vec![(2, "true ou false")]),
    ];
    for (case, src, expected) in cases {
        let (lesson, diags) = compile_lesson("x.md", &src, &ctx());
        if expected.is_empty() {
            assert!(errors(&diags).is_empty(), "[{case}] {diags:?}");
            let l = lesson.unwrap_or_else(|| panic!("[{case}] lesson expected"));
            assert_eq!(l.language, "fr");
            assert_eq!(l.licence, "CC BY-SA 4.0");
        }
        for (line, frag) in expected {
            assert!(
                diags.iter().any(|d| d.severity == Severity::Erreur && d.line == line && d.message.contains(frag)),
                "[{case}] expected error at line {line} containing {frag:?}; got {diags:#?}"
            );
        }
    }
}

fn lesson_src(id: &str, module: &str, order: u32, extra: &str, body: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"Leçon {id}\"\nsummary = \"S\"\nmodule = \"{module}\"\norder = {order}\naudience = \"cycle4\"\nduration = 10\n{extra}\n[[sources]]\ntitle = \"Src\"\nurl = \"https://example.org\"\n+++\n{body}"
    )
}

const MODULES: &str = "[[themes]]\nid = \"t\"\ntitle = \"Thème\"\n\n[[modules]]\nid = \"b-mod\"\ntheme = \"t\"\ntitle = \"B\"\n\n[[modules]]\nid = \"a-mod\"\ntheme = \"t\"\ntitle = \"A\"\n";

#[test]
fn folder_cross_checks_drafts_and_index() {
    let files = vec![
        ("z.md".to_string(), lesson_src("lecon-a", "a-mod", 2, "", "Voir [b](lecon:lecon-b) et [[commun]].\n")),
        ("y.md".to_string(), lesson_src("lecon-b", "b-mod", 1, "", "Voir [a](lecon:lecon-a).\n")),
        ("x.md".to_string(), lesson_src("lecon-c", "a-mod", 1, "", "Texte.\n")),
        ("brouillon.md".to_string(), lesson_src("lecon-d", "a-mod", 3, "draft = true", "Voir [x](lecon:absente).\n")),
        ("sub/double.md".to_string(), lesson_src("lecon-a", "a-mod", 4, "", "Doublon.\n")),
        ("lien-brouillon.md".to_string(), lesson_src("lecon-e", "a-mod", 5, "", "Voir [d](lecon:lecon-d).\n")),
        ("module.md".to_string(), lesson_src("lecon-f", "inconnu", 1, "", "Texte.\n")),
    ];
    let glossary = "[[termes]]\nterme = \"commun\"\ndefinition = \"Une ressource partagée.\"\n";
    let out = compile_dir(&files, Some(MODULES), Some(glossary), &["images/inutile.png".into()]);
    let has = |file: &str, frag: &str| out.diagnostics.iter().any(|d| d.file == file && d.message.contains(frag));
    assert!(has("sub/double.md", "déjà utilisé par z.md"), "{:#?}", out.diagnostics);
    assert!(has("brouillon.md", "leçon inconnue : « lecon:absente »"), "drafts are checked");
    assert!(has("lien-brouillon.md", "brouillon"), "link to a draft");
    assert!(has("module.md", "module inconnu"));
    assert!(has("images/inutile.png", "image utilisée par aucune"));
    assert!(out.has_errors());
    let ids: Vec<&str> = out.index.lessons.iter().map(|l| l.header.id.as_str()).collect();
    // modules in modules.toml order (b-mod, a-mod), then order; drafts excluded; duplicate kept once
    assert_eq!(ids, vec!["lecon-b", "lecon-c", "lecon-a", "lecon-e", "lecon-f"]);
    assert_eq!(out.lessons.len(), out.index.lessons.len());
    assert_eq!(out.index.modules.len(), 2);
    assert_eq!(out.index.themes.len(), 1);
    assert_eq!(out.lessons.iter().find(|l| l.header.id == "lecon-a").map(|l| l.glossary.len()), Some(1));
}

#[test]
fn config_files_are_checked() {
    let out = compile_dir(&[], None, Some("[[termes]]\nterme = \"a\"\n\n[[termes]]\nterme = \"a\"\ndefinition = \"b\"\n"), &[]);
    assert!(out.diagnostics.iter().any(|d| d.file == MODULES_FILE && d.message.contains("manquant")));
    assert!(out.diagnostics.iter().any(|d| d.file == "glossaire.toml" && d.line == 1 && d.message.contains("obligatoires")));
    let bad_modules = "[[themes]]\nid = \"t\"\ntitle = \"T\"\n\n[[modules]]\nid = \"m\"\ntheme = \"autre\"\ntitle = \"M\"\n";
    let out = compile_dir(&[], Some(bad_modules), None, &[]);
    assert!(
        out.diagnostics.iter().any(|d| d.file == MODULES_FILE && d.line == 5 && d.message.contains("thème inconnu")),
        "{:?}",
        out.diagnostics
    );
    let out = compile_dir(&[], Some("[[modules]\n"), None, &[]);
    assert!(out.diagnostics.iter().any(|d| d.file == MODULES_FILE && d.message.contains("TOML invalide")));
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
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 erreur"));

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
