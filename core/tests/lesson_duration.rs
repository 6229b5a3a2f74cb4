//! The length check of `lessons check`: a lesson whose stated `duration` is
//! under the estimate of `lesson::duration` fails with an error that gives
//! the estimate and its parts; stated long enough, it passes. Teacher notes
//! and activity texts are not read time.

#[path = "common_lessons.rs"]
mod common;

use common::*;
use communs_core::lesson::{compile_dir, compile_lesson, duration, DiagnosticCode};

const VRAI_FAUX: &str = "```activite vrai-faux id=vf\nquestion : Un commun est une ressource partagée.\nreponse : vrai\nexplication : C'est la définition.\n```\n";
const SONDAGE: &str = "```activite sondage id=sondage\nquestion : As-tu déjà utilisé Wikipédia ?\n- Oui\n- Non\n```\n";
const SCENARIO: &str = "```activite scenario id=scenario\n[debut]\nTu trouves une photo.\n- Je cherche sa licence -> bravo\n  > Bon réflexe.\n- Je la copie -> perdu\n[bravo] fin 100\nBien.\n[perdu] fin 0\nDommage.\n```\n";
const TROUS: &str = "```activite texte-a-trous id=trous\ntexte : La condition {BY} oblige à citer l'auteur.\nexplication : BY veut dire attribution.\n```\n";
const ORDRE: &str =
    "```activite remise-en-ordre id=ordre\nquestion : Remets dans l'ordre.\n1. Un\n2. Deux\nexplication : Un puis deux.\n```\n";

/// A lesson: `words` words of pupil text (a one-word heading and a
/// paragraph), the given activities, then teacher notes of 2000 words that
/// must not count.
fn lesson(audience: &str, stated: u32, words: usize, activities: &[&str]) -> String {
    let prose = vec!["mot"; words - 1].join(" ");
    let notes = vec!["note"; 2000].join(" ");
    format!(
        "+++\nid = \"essai\"\ntitle = \"Essai\"\nsummary = \"Résumé.\"\nmodule = \"essais\"\norder = 1\naudience = \"{audience}\"\nduration = {stated}\n[[sources]]\ntitle = \"Source\"\nurl = \"https://example.org\"\n+++\n## Lecture\n\n{prose}\n\n{}\n## Pour l’enseignant\n\n{notes}\n",
        activities.join("\n")
    )
}

#[test]
fn check_fails_when_the_stated_duration_is_under_the_estimate() {
    // (audience, words, activities, estimate, reading and activity parts of the message)
    let cases: [(&str, usize, Vec<&str>, u32, &str); 5] = [
        // 3 + (1 + 3 + 4) = 11 min, × 1.2 = 13.2 → 14
        (
            "cycle3",
            300,
            vec![VRAI_FAUX, SONDAGE, SCENARIO],
            14,
            "lecture 3 min (300 mots à 100 mots/min) + activités 8 min (3 activités) = 11 min",
        ),
        // 2 + 8 = 10, × 1.2 = 12
        (
            "cycle4",
            300,
            vec![VRAI_FAUX, SONDAGE, SCENARIO],
            12,
            "lecture 2 min (300 mots à 150 mots/min) + activités 8 min (3 activités) = 10 min",
        ),
        // 1.5 + 8 = 9.5, × 1.2 = 11.4 → 12
        (
            "lycee",
            300,
            vec![VRAI_FAUX, SONDAGE, SCENARIO],
            12,
            "lecture 1,5 min (300 mots à 200 mots/min) + activités 8 min (3 activités) = 9,5 min",
        ),
        // 12.5 + 3.5 = 16, × 1.2 = 19.2 → 20
        (
            "cycle4",
            1875,
            vec![TROUS, ORDRE],
            20,
            "lecture 12,5 min (1875 mots à 150 mots/min) + activités 3,5 min (2 activités) = 16 min",
        ),
        // 0.1 + 0, × 1.2 = 0.12 → 1
        ("lycee", 20, vec![], 1, "lecture 0,1 min (20 mots à 200 mots/min) + activités 0 min (0 activité) = 0,1 min"),
    ];
    for (audience, words, activities, estimate, parts) in cases {
        let case = format!("{audience} {words} mots, {} activités", activities.len());
        let (compiled, diags) = compile_lesson("essai.md", &lesson(audience, estimate, words, &activities), &ctx());
        assert!(errors(&diags).is_empty(), "[{case}] stated {estimate}: {diags:?}");
        let e = duration::estimate(&compiled.expect("compiled"));
        assert_eq!((e.words as usize, e.minutes), (words, estimate), "[{case}]");

        if estimate > 1 {
            let (_, diags) = compile_lesson("essai.md", &lesson(audience, estimate - 1, words, &activities), &ctx());
            let errs = errors(&diags);
            assert_eq!(errs.len(), 1, "[{case}] {diags:?}");
            assert!(matches!(errs[0].code, DiagnosticCode::DureeSousEstimation { .. }), "[{case}]");
            assert_eq!(errs[0].line, 8, "[{case}] the line of `duration =`");
            let msg = text(errs[0]);
            let want = format!(
                "durée annoncée {} min, plus courte que l'estimation de {estimate} min ({parts}, plus 20\u{a0}%)",
                estimate - 1
            );
            assert!(msg.starts_with(&want), "[{case}]\n{msg}\n{want}");
            assert!(msg.contains(&format!("`duration = {estimate}`")), "[{case}] {msg}");
        }
    }
}

#[test]
fn the_folder_check_reports_it_for_published_lessons_and_drafts() {
    let modules = read("test-lessons/modules.toml");
    for draft in [false, true] {
        let src = lesson("cycle3", 5, 300, &[SCENARIO, SCENARIO.replace("id=scenario", "id=autre").as_str()]);
        let src = if draft { src.replace("duration = 5", "duration = 5\ndraft = true") } else { src };
        let out = compile_dir(&[("essai.md".into(), src)], Some(&modules), None, &[]);
        assert!(out.has_errors(), "draft {draft}");
        let errs = errors(&out.diagnostics);
        assert!(
            errs.iter().any(|d| text(d).starts_with("durée annoncée 5 min, plus courte que l'estimation de 14 min")),
            "draft {draft}: {:?}",
            errs.iter().map(|d| text(d)).collect::<Vec<_>>()
        );
    }
}
