//! Front matter checks and whole-folder compilation (cross-lesson checks,
//! drafts, index); the `lessons` command is tested in `cli/tests/`.

#[path = "common_lessons.rs"]
mod common;

use common::*;
use communs_core::lesson::{compile_dir, compile_lesson, Diagnostic, DiagnosticCode as C, Severity, MODULES_FILE};

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
                diags.iter().any(|d| d.severity == Severity::Erreur && d.line == line && text(d).contains(frag)),
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
    let has = |file: &str, code: &dyn Fn(&C) -> bool| out.diagnostics.iter().any(|d| d.file == file && code(&d.code));
    assert!(
        has("sub/double.md", &|c| c == &C::IdentifiantLeconDejaUtilisePar { id: "lecon-a".into(), other: "z.md".into() }),
        "{:#?}",
        out.diagnostics
    );
    assert!(has("brouillon.md", &|c| c == &C::LienVersLeconInconnueLecon { id: "absente".into() }), "drafts are checked");
    assert!(has("lien-brouillon.md", &|c| c == &C::LienVersLeconQuiBrouillon { id: "lecon-d".into() }), "link to a draft");
    assert!(has("module.md", &|c| c == &C::ModuleInconnuDecrireLessonsModules { m: "inconnu".into() }));
    assert!(has("images/inutile.png", &|c| c == &C::ImageUtiliseeParAucuneLecon));
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
    let any = |diags: &[Diagnostic], file: &str, line: usize, code: &dyn Fn(&C) -> bool| {
        diags.iter().any(|d| d.file == file && (line == 0 || d.line == line) && code(&d.code))
    };
    let out = compile_dir(&[], None, Some("[[termes]]\nterme = \"a\"\n\n[[termes]]\nterme = \"a\"\ndefinition = \"b\"\n"), &[]);
    assert!(any(&out.diagnostics, MODULES_FILE, 0, &|c| c == &C::FichierModulesTomlManquantModules));
    assert!(any(&out.diagnostics, "glossaire.toml", 1, &|c| c == &C::TermeTermeDefinitionObligatoires));
    let bad_modules = "[[themes]]\nid = \"t\"\ntitle = \"T\"\n\n[[modules]]\nid = \"m\"\ntheme = \"autre\"\ntitle = \"M\"\n";
    let out = compile_dir(&[], Some(bad_modules), None, &[]);
    assert!(
        any(&out.diagnostics, MODULES_FILE, 5, &|c| c == &C::ModuleThemeInconnu { id: "m".into(), theme: "autre".into() }),
        "{:?}",
        out.diagnostics
    );
    let out = compile_dir(&[], Some("[[modules]\n"), None, &[]);
    assert!(any(&out.diagnostics, MODULES_FILE, 0, &|c| matches!(c, C::TomlInvalide { .. })));
}
