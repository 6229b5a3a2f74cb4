//! Ids that stay valid. A retired activity (`retiree : oui`, optionally
//! `remplacee-par :`) is compiled and checked, left out of the page, the
//! count and the duration, and kept in the evidence catalogue so that old
//! attempts keep counting; a retired lesson id (`[[lecons-retirees]]` of
//! `modules.toml`) must lead to a published lesson.

#[path = "common_lessons.rs"]
mod common;

use common::*;
use communs_core::competency::{profile, ActivityEvidence, EvidenceCatalogue};
use communs_core::lesson::{compile_dir, duration, ActivityKind, RetiredLesson, Segment, Severity, MODULES_FILE};
use communs_core::response::Response;
use communs_core::storage::{Attempt, AttemptId};

/// The old version of `licence` (its expected answer changed), retired and
/// replaced by `licence-v2`.
const BODY: &str = "## Partie

Texte.

```activite vrai-faux id=licence
question : Une photo sous CC BY peut être publiée sur Wikimedia Commons.
crcn : 2.2 niveau 2
reponse : vrai
explication : Commons accepte CC BY.
retiree : oui
remplacee-par : licence-v2
```

```activite vrai-faux id=licence-v2
question : Une photo sous CC BY-ND peut être publiée sur Wikimedia Commons.
crcn : 2.2 niveau 2
reponse : faux
explication : Commons refuse ND.
```
";

#[test]
fn a_retired_activity_is_compiled_but_not_shown_counted_or_timed() {
    let (lesson, diags) = compile_body(BODY);
    assert!(errors(&diags).is_empty(), "{diags:?}");
    let lesson = lesson.expect("compiled");
    let live: Vec<&str> = lesson.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(live, ["licence-v2"]);
    let retired = &lesson.retired_activities;
    assert_eq!(retired.len(), 1);
    assert!(retired[0].retired);
    assert_eq!(retired[0].replaced_by.as_deref(), Some("licence-v2"));
    assert_eq!(retired[0].kind, ActivityKind::VraiFaux { answer: true }, "its expected answer stays");
    assert_eq!(lesson.any_activity("licence").map(|a| a.id.as_str()), Some("licence"));
    assert!(lesson.activity("licence").is_none(), "not an activity of the page");
    let places: Vec<&str> = lesson
        .body
        .iter()
        .filter_map(|s| match s {
            Segment::Activity { id } => Some(id.as_str()),
            Segment::Html(_) => None,
        })
        .collect();
    assert_eq!(places, ["licence-v2"], "the page has no place for the retired activity");
    assert!(!lesson.body_preview().contains("id=licence]"));
    let summary = lesson.summary_entry();
    assert_eq!((summary.activity_count, summary.activities.clone()), (1, vec!["licence-v2".to_string()]));
    assert_eq!(duration::estimate(&lesson).activities, 1);
    // the JSON the app reads: the flag and the replacement, compactly
    let json = serde_json::to_value(&lesson).unwrap();
    assert_eq!(json["retired_activities"][0]["retired"], true);
    assert_eq!(json["retired_activities"][0]["replaced_by"], "licence-v2");
    assert!(json["activities"][0].get("retired").is_none() && json["activities"][0].get("replaced_by").is_none());
    // a lesson without retired activities has no such key
    let (plain, _) = compile_body("## Partie\n\nTexte.\n");
    assert!(serde_json::to_value(plain.unwrap()).unwrap().get("retired_activities").is_none());
}

fn attempt(activity: &str, score: u8, n: u64) -> Attempt {
    Attempt {
        id: AttemptId::from_random(n),
        at: 1_700_000_000 + n as i64,
        lesson: "essai".into(),
        activity: activity.into(),
        score,
        duration: 20,
        response: Response::Bool(true),
    }
}

#[test]
fn an_attempt_at_a_retired_activity_still_counts() {
    let (lesson, _) = compile_body(BODY);
    let lesson = lesson.expect("compiled");
    let evidence = ActivityEvidence::from_lessons(std::slice::from_ref(&lesson));
    let flags: Vec<(&str, bool)> = evidence.iter().map(|e| (e.activity.as_str(), e.retired)).collect();
    assert_eq!(flags, [("licence-v2", false), ("licence", true)]);
    // through the compact form the app ships, and back
    let shipped: Vec<ActivityEvidence> = serde_json::from_str(&serde_json::to_string(&evidence).unwrap()).unwrap();
    let cat = EvidenceCatalogue::from_evidence(&shipped);
    assert_eq!(cat.to_evidence().iter().filter(|e| e.retired).count(), 1);
    assert_eq!(cat.available("2.2", 2), 1, "only the live version can still be done");
    assert_eq!(cat.lessons_for("2.2", 1), ["essai"]);

    // (attempts, level of 2.2, evidence items)
    let cases: Vec<(Vec<Attempt>, u8, usize)> = vec![
        (vec![], 0, 0),
        // the old answer, right when it was given: level 2 as it was
        (vec![attempt("licence", 100, 1)], 2, 1),
        (vec![attempt("licence", 0, 1)], 0, 1),
        (vec![attempt("licence-v2", 100, 2)], 2, 1),
        (vec![attempt("licence", 100, 1), attempt("licence-v2", 0, 2)], 2, 2),
    ];
    for (attempts, level, items) in cases {
        let p = profile(&attempts, &cat);
        let c = p.competence("2.2").expect("2.2");
        assert_eq!((c.level, c.evidence.len()), (level, items), "{attempts:?}");
        assert!(c.targeted);
    }
    let p = profile(&[attempt("licence", 100, 1)], &cat);
    assert_eq!(p.competence("2.2").unwrap().evidence[0].activity, "licence");
    assert_eq!(p.emi_goal("EMI1").map(|g| g.evaluated), Some(0));

    // a catalogue whose only activity of a level is retired: the level is
    // no longer offered, yet the old success stays in the evidence
    let only_retired: Vec<ActivityEvidence> = shipped.iter().filter(|e| e.retired).cloned().collect();
    let cat = EvidenceCatalogue::from_evidence(&only_retired);
    assert_eq!((cat.len(), cat.available("2.2", 2), cat.targets("2.2")), (1, 0, false));
    assert!(cat.lessons_for("2.2", 1).is_empty(), "a retired activity is never suggested");
    let p = profile(&[attempt("licence", 100, 1)], &cat);
    assert_eq!(p.competence("2.2").unwrap().evidence.len(), 1);
}

#[test]
fn bad_retirement_keys_are_errors() {
    let retired = |extra: &str| {
        format!(
            "## Partie\n\n```activite vrai-faux id=ancienne\nquestion : Q ?\nreponse : vrai\nexplication : E.\n{extra}\n```\n\n```activite vrai-faux id=autre-ancienne\nquestion : Q ?\nreponse : vrai\nexplication : E.\nretiree : oui\n```\n\n```activite vrai-faux id=nouvelle\nquestion : Q ?\nreponse : faux\nexplication : E.\n```\n"
        )
    };
    // (case, lines after `explication :` of `ancienne` (body line 7), expected error at body line, fragment)
    let cases = [
        ("retiree", "retiree : oui", 0, ""),
        ("accents", "retirée : oui\nremplacée-par : nouvelle", 0, ""),
        ("retiree non", "retiree : non", 0, ""),
        ("yes no", "retiree : peut-être", 7, "`retiree :` attend oui ou non (trouvé « peut-etre »)"),
        (
            "unknown",
            "retiree : oui\nremplacee-par : absente",
            8,
            "remplacée par « absente », qui n'est pas une activité de cette leçon",
        ),
        ("itself", "retiree : oui\nremplacee-par : ancienne", 8, "« ancienne » ne peut pas être remplacée par elle-même"),
        ("retired", "retiree : oui\nremplacee-par : autre-ancienne", 8, "« autre-ancienne », qui est elle aussi retirée"),
        ("not retired", "remplacee-par : nouvelle", 7, "`remplacee-par :` sur l'activité « ancienne », qui n'est pas retirée"),
        ("repeated", "retiree : oui\nretiree : oui", 8, "clé « retiree » répétée"),
    ];
    for (case, extra, line, fragment) in cases {
        let (lesson, diags) = compile_body(&retired(extra));
        if fragment.is_empty() {
            assert!(errors(&diags).is_empty(), "[{case}] {diags:?}");
            let lesson = lesson.expect("compiled");
            let live = lesson.activities.iter().any(|a| a.id == "ancienne");
            assert_eq!(live, case == "retiree non", "[{case}]");
        } else {
            expect_diag(&diags, line, Severity::Erreur, fragment, case);
        }
    }
    // one id for two activities, even if one is retired
    let twice = retired("retiree : oui").replace("id=nouvelle", "id=ancienne");
    expect_diag(&compile_body(&twice).1, 0, Severity::Erreur, "identifiant d'activité en double : « ancienne »", "double");
}

fn lesson_src(id: &str, draft: bool) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"Leçon {id}\"\nsummary = \"S\"\nmodule = \"essais\"\norder = 1\naudience = \"cycle4\"\nduration = 10\ndraft = {draft}\n[[sources]]\ntitle = \"Src\"\nurl = \"https://example.org\"\n+++\n## Partie\n\nTexte.\n"
    )
}

#[test]
fn retired_lesson_ids_lead_to_a_published_lesson() {
    // the fixture's modules and themes, without its own retired lesson
    let modules = read("test-lessons/modules.toml").split("[[lecons-retirees]]").next().unwrap_or_default().to_string();
    let files = vec![
        ("nouvelle.md".to_string(), lesson_src("nouvelle", false)),
        ("suite.md".to_string(), lesson_src("suite", false)),
        ("brouillon.md".to_string(), lesson_src("brouillon", true)),
    ];
    let entry = |id: &str, vers: &str| format!("\n[[lecons-retirees]]\nid = \"{id}\"\nvers = \"{vers}\"\n");
    let first = modules.lines().count() + 2;
    // (case, entries, expected error fragment (empty: none), retired ids kept)
    let cases: Vec<(&str, String, &str, Vec<&str>)> = vec![
        ("ok", entry("ancienne", "nouvelle"), "", vec!["ancienne"]),
        ("anchor", entry("ancienne", "nouvelle#partie"), "", vec!["ancienne"]),
        ("two", entry("ancienne", "nouvelle") + &entry("vieille", "suite"), "", vec!["ancienne", "vieille"]),
        ("unknown", entry("ancienne", "absente"), "mène vers « absente », qui n'est pas une leçon", vec![]),
        ("draft", entry("ancienne", "brouillon"), "qui est un brouillon", vec![]),
        ("still a lesson", entry("suite", "nouvelle"), "« suite » est retiré, mais une leçon porte encore cet identifiant", vec![]),
        ("still a draft", entry("brouillon", "nouvelle"), "une leçon porte encore cet identifiant", vec![]),
        (
            "chain",
            entry("ancienne", "vieille") + &entry("vieille", "nouvelle"),
            "« ancienne » mène vers « vieille », qui est elle aussi retirée",
            vec!["vieille"],
        ),
        ("bad anchor", entry("ancienne", "nouvelle#Partie 1"), "`vers` invalide « nouvelle#Partie 1 »", vec![]),
        ("bad id", entry("Ancienne", "nouvelle"), "identifiant « Ancienne » invalide", vec![]),
        (
            "double",
            entry("ancienne", "nouvelle") + &entry("ancienne", "suite"),
            "leçon retirée « ancienne » en double",
            vec!["ancienne"],
        ),
        ("missing vers", "\n[[lecons-retirees]]\nid = \"ancienne\"\n".to_string(), "`id` (l'ancien identifiant) et `vers`", vec![]),
    ];
    for (case, entries, fragment, kept) in cases {
        let out = compile_dir(&files, Some(&format!("{modules}{entries}")), None, &[]);
        let errs: Vec<String> = errors(&out.diagnostics).iter().map(|d| format!("{}:{}: {}", d.file, d.line, text(d))).collect();
        if fragment.is_empty() {
            assert!(errs.is_empty(), "[{case}] {errs:?}");
        } else {
            assert_eq!(errs.len(), 1, "[{case}] {errs:?}");
            assert!(errs[0].contains(fragment) && errs[0].starts_with(MODULES_FILE), "[{case}] {errs:?}");
            assert!(
                errs[0].contains(&format!(":{}", first)) || errs[0].contains(&format!(":{}", first + 4)),
                "[{case}] line: {errs:?}"
            );
        }
        let ids: Vec<&str> = out.retired.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, kept, "[{case}]");
        let warnings: Vec<String> = out.diagnostics.iter().filter(|d| d.severity == Severity::Avertissement).map(text).collect();
        assert!(warnings.iter().all(|w| !w.contains("lecons-retirees")), "[{case}] no unknown-key warning: {warnings:?}");
    }
    let out = compile_dir(&files, Some(&format!("{modules}{}", entry("ancienne", "nouvelle#partie"))), None, &[]);
    assert_eq!(out.retired, [RetiredLesson { id: "ancienne".into(), to: "nouvelle".into(), anchor: Some("partie".into()) }]);
    assert_eq!(out.retired[0].target_path(), "lecon/nouvelle/#partie");
}
