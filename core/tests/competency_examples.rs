//! The worked examples of `docs/competency-model.md`, read from the document
//! itself: the catalogue of the examples (section 6), the EMI threshold table
//! (section 4) and the two tables « Les exemples en tableaux » (the attempts
//! of each example, then every number the document states for it: levels,
//! scores, next levels, EMI mastery, totals, history, competences to work on,
//! evidence). Each row is checked against core's computation, so a change of
//! the document or of the rule that makes them disagree fails here.

#[path = "competency_common.rs"]
mod common;

use common::{attempt, time, Rng};
use communs_core::competency::*;
use communs_core::storage::Timestamp;

const DOC: &str = include_str!("../../docs/competency-model.md");

/// The rows of the Markdown table whose header row is `header`, each as its
/// trimmed cells; panics (test data) when the table is missing.
fn table(header: &str) -> Vec<Vec<&'static str>> {
    let mut lines = DOC.lines().skip_while(|l| l.trim() != header);
    assert!(lines.next().is_some(), "docs/competency-model.md has no table « {header} »");
    let rows: Vec<Vec<&str>> = lines
        .skip(1) // |---|---|
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.trim().trim_matches('|').split('|').map(str::trim).collect())
        .collect();
    assert!(!rows.is_empty(), "table « {header} » is empty");
    rows
}

/// « 10/03 09:05 » (2025, UTC).
fn date(s: &str) -> Timestamp {
    let (day, hour) = s.split_once(' ').unwrap_or_else(|| panic!("bad date {s:?}"));
    let (d, m) = day.split_once('/').unwrap_or_else(|| panic!("bad date {s:?}"));
    time(&format!("2025-{m}-{d}T{hour}"))
}

/// « image-1 / q3 ».
fn activity(s: &str) -> (&str, &str) {
    s.split_once(" / ").unwrap_or_else(|| panic!("bad activity {s:?}"))
}

fn number<T: std::str::FromStr>(s: &str) -> T {
    s.trim().parse().unwrap_or_else(|_| panic!("bad number {s:?}"))
}

/// The catalogue of section 6: « 4.2 niveau 1 et 2.2 niveau 1 », « EMI3.2
/// (compte pour EMI3) », a poll in italics.
fn catalogue() -> EvidenceCatalogue {
    let rows = table("| leçon / activité | CRCN | EMI |");
    let list: Vec<ActivityEvidence> = rows
        .iter()
        .map(|r| {
            let (lesson, act) = activity(r[0]);
            let participation_only = r[1].contains("sondage");
            let crcn = if participation_only {
                Vec::new()
            } else {
                r[1].split(" et ")
                    .map(|c| {
                        let (code, level) = c.split_once(" niveau ").unwrap_or_else(|| panic!("bad CRCN {c:?}"));
                        (code.to_string(), number(level))
                    })
                    .collect()
            };
            let emi = r.get(2).and_then(|e| e.split_whitespace().next()).map(|e| vec![e.to_string()]).unwrap_or_default();
            ActivityEvidence { lesson: lesson.into(), activity: act.into(), crcn, emi, participation_only, retired: false }
        })
        .collect();
    assert_eq!(list.len(), 9, "the catalogue of the examples has 9 activities");
    EvidenceCatalogue::from_evidence(&list)
}

/// « maîtrise fragile », « très bonne », « non évalué » … (with or without « maîtrise »).
fn mastery(words: &str) -> Mastery {
    let w = words.trim_start_matches("maîtrise ").trim_end_matches(" maîtrise");
    match w {
        "non évalué" => Mastery::NonEvalue,
        "insuffisante" => Mastery::Insuffisante,
        "fragile" => Mastery::Fragile,
        "satisfaisante" => Mastery::Satisfaisante,
        "très bonne" => Mastery::TresBonne,
        other => panic!("unknown mastery {other:?}"),
    }
}

/// The attempts of every example, by example (« 1 », « 4a » …), in document order.
fn attempts() -> Vec<(&'static str, Vec<communs_core::storage::Attempt>)> {
    let mut rng = Rng(7);
    let mut out: Vec<(&str, Vec<_>)> = Vec::new();
    for r in table("| exemple | date (UTC) | leçon / activité | score |") {
        let (lesson, act) = activity(r[2]);
        let a = attempt(&mut rng, lesson, act, date(r[1]), number(r[3]));
        match out.last_mut() {
            Some((ex, list)) if *ex == r[0] => list.push(a),
            _ => out.push((r[0], vec![a])),
        }
    }
    out
}

#[test]
fn catalogue_of_the_examples() {
    let cat = catalogue();
    assert_eq!(cat.len(), 8, "the poll is left out");
    let cases: &[(&str, u8, usize)] =
        &[("4.2", 1, 3), ("4.2", 2, 2), ("2.2", 1, 1), ("2.2", 2, 1), ("2.2", 3, 1), ("1.1", 1, 0), ("1.1", 2, 1)];
    for &(code, level, n) in cases {
        assert_eq!(cat.available(code, level), n, "available({code}, {level}), as « Activités disponibles » says");
    }
    assert_eq!((cat.emi_available("EMI3"), cat.emi_available("EMI3.2"), cat.emi_available("EMI4")), (5, 5, 3));
    assert_eq!(cat.lessons_for("4.2", 1), vec!["image-1", "image-2"]);
    assert_eq!(cat.lessons_for("4.2", 2), vec!["image-2"]);
    assert!(cat.lessons_for("3.3", 1).is_empty());
}

#[test]
fn emi_threshold_table() {
    let rows = table("| réussies / faites | maîtrise |");
    assert!(rows.len() >= 10);
    for r in rows {
        let (s, n) = r[0].split_once(" / ").unwrap_or_else(|| panic!("bad row {r:?}"));
        let (s, n) = (number(s), number(n));
        assert_eq!(Mastery::from_counts(s, n), mastery(r[1]), "{s} of {n}");
    }
}

/// Checks one row of « Ce que Communs calcule »; returns the competence or
/// goal code it states a level or mastery for.
fn check_row(
    ex: &str,
    what: &str,
    want: &str,
    attempts: &[communs_core::storage::Attempt],
    cat: &EvidenceCatalogue,
    p: &Profile,
) -> Option<&'static str> {
    let case = format!("exemple {ex}, {what}");
    if what == "total" {
        assert_eq!(p.total_score, number::<u16>(want), "{case}");
    } else if let Some(code) = what.strip_prefix("historique de ") {
        let points: Vec<(Timestamp, u8)> = want
            .split(", ")
            .map(|pt| {
                let (level, at) = pt.trim_start_matches("niveau ").split_once(" le ").unwrap_or_else(|| panic!("{case}: {pt:?}"));
                (date(at), number(level))
            })
            .collect();
        assert_eq!(history(attempts, cat, code), points, "{case}");
    } else if let Some(n) = what.strip_prefix("à travailler (") {
        let want: Vec<&str> = want.split(", ").collect();
        assert_eq!(weakest(p, number(n.trim_end_matches(')'))), want, "{case}");
    } else if let Some(code) = what.strip_prefix("preuves de ") {
        let got: Vec<(String, String, u8, Timestamp, u32)> = p
            .competence(code)
            .unwrap_or_else(|| panic!("{case}: unknown code"))
            .evidence
            .iter()
            .map(|e| (e.lesson.clone(), e.activity.clone(), e.score, e.at, e.attempts))
            .collect();
        let want: Vec<(String, String, u8, Timestamp, u32)> = want
            .split(" ; ")
            .map(|item| {
                let (act, rest) = item.split_once(" : ").unwrap_or_else(|| panic!("{case}: {item:?}"));
                let (score, rest) = rest.split_once(" le ").unwrap_or_else(|| panic!("{case}: {item:?}"));
                let (at, n) = rest.split_once(", ").unwrap_or_else(|| panic!("{case}: {item:?}"));
                let (lesson, activity) = self::activity(act);
                let n = n.split_whitespace().next().unwrap_or("");
                (lesson.to_string(), activity.to_string(), number(score), date(at), number(n))
            })
            .collect();
        assert_eq!(got, want, "{case}");
    } else if let Some(g) = p.emi_goal(what).filter(|g| g.code == what) {
        let (words, counts) = want.split_once(", ").unwrap_or((want, ""));
        assert_eq!(g.mastery, mastery(words), "{case}");
        if let Some((s, n)) = counts.split_once(" sur ") {
            assert_eq!((g.successes, g.evaluated), (number(s), number(n)), "{case}");
        }
        return Some(g.code);
    } else {
        let c = p.competence(what).unwrap_or_else(|| panic!("{case}: unknown result"));
        let parts: Vec<&str> = want.split(", ").collect();
        assert_eq!(parts.len(), 3, "{case}: « niveau N, score S, prochain niveau … »");
        assert_eq!(c.level, number::<u8>(parts[0].trim_start_matches("niveau ")), "{case}: level");
        assert_eq!(c.score, number::<u16>(parts[1].trim_start_matches("score ")), "{case}: score");
        let next = c.next_level_progress.map(|n| format!("prochain niveau {} ({} sur {})", n.level, n.successes, n.needed));
        assert_eq!(next.as_deref().unwrap_or("pas de prochain niveau"), parts[2], "{case}: next level");
        assert_eq!(c.score, c.level_points() + c.partial_points(), "{case}");
        assert_eq!(c.partial_points(), c.next_level_progress.map_or(0, |n| n.points), "{case}");
        assert!(c.level == 0 || c.justifying().count() > 0, "{case}: a level has its evidence");
        return Some(c.code);
    }
    None
}

#[test]
fn worked_examples() {
    let cat = catalogue();
    let all_attempts = attempts();
    assert_eq!(all_attempts.iter().map(|(ex, _)| *ex).collect::<Vec<_>>(), ["1", "2", "3", "4a", "4b"]);
    let rows = table("| exemple | résultat | attendu |");
    let mut checked = 0;
    for (ex, attempts) in &all_attempts {
        let p = profile(attempts, &cat);
        let mut stated: Vec<&str> = Vec::new();
        for r in rows.iter().filter(|r| r[0] == *ex) {
            stated.extend(check_row(ex, r[1], r[2], attempts, &cat, &p));
            checked += 1;
        }
        assert!(stated.len() >= 3, "exemple {ex}: too few results stated");
        // What the document does not state is level 0, score 0, « non évalué ».
        for c in p.crcn.iter().filter(|c| !stated.contains(&c.code)) {
            assert_eq!((c.level, c.score), (0, 0), "exemple {ex}, {}: not in the document, so 0", c.code);
        }
        for g in p.emi.iter().filter(|g| !stated.contains(&g.code)) {
            assert_eq!(g.mastery, Mastery::NonEvalue, "exemple {ex}, {}: not in the document", g.code);
        }
        assert_eq!(p.max_total_score(), 1024);
    }
    assert_eq!(checked, rows.len(), "every row names an example that has attempts");
}

#[test]
fn what_to_work_on_in_example_1() {
    let cat = catalogue();
    let (_, attempts) = attempts().into_iter().next().expect("example 1");
    let p = profile(&attempts, &cat);
    // (competences asked, lessons each) → (code, next level, lessons) of each
    type Expected = &'static [(&'static str, u8, &'static [&'static str])];
    let cases: &[(usize, usize, Expected)] = &[
        (2, 1, &[("1.1", 2, &["auteur"]), ("2.2", 1, &["image-1"])]),
        (3, 3, &[("1.1", 2, &["auteur"]), ("2.2", 1, &["image-1", "image-2", "auteur"]), ("4.2", 2, &["image-2"])]),
        (1, 0, &[("1.1", 2, &[])]),
        (0, 3, &[]),
    ];
    for &(n, each, want) in cases {
        let got: Vec<(&str, u8, Vec<&str>)> =
            to_work_on(&p, &cat, n, each).into_iter().map(|w| (w.code, w.next.level, w.lessons)).collect();
        let want: Vec<(&str, u8, Vec<&str>)> = want.iter().map(|&(c, l, ls)| (c, l, ls.to_vec())).collect();
        assert_eq!(got, want, "{n} competences, {each} lessons each");
    }
}

#[test]
fn evidence_that_justifies_a_level() {
    // (success, level targeted, level of the competence) → justifies
    let cases = [(true, 1, 1, true), (true, 2, 1, false), (false, 1, 2, false), (true, 1, 0, false), (true, 3, 3, true)];
    for (success, level_targeted, level, want) in cases {
        let e = EvidenceItem {
            lesson: "l".into(),
            activity: "a".into(),
            at: 0,
            score: if success { 100 } else { 0 },
            success,
            level_targeted,
            attempts: 1,
        };
        assert_eq!(e.justifies(level), want, "success {success}, level {level_targeted}, at level {level}");
    }
}

#[test]
fn the_numbers_of_the_document() {
    let cases: &[(&str, u32)] = &[
        ("score est **d'au moins 80** sur 100", u32::from(SUCCESS_THRESHOLD)),
        ("au moins **2 activités différentes**", REQUIRED_SUCCESSES),
        ("8 points par niveau atteint", u32::from(POINTS_PER_LEVEL)),
        ("Le score d'une compétence va de 0 à 64", u32::from(MAX_COMPETENCE_SCORE)),
        ("| moins de 30 % |", EMI_FRAGILE_PERCENT),
        ("| de 30 % à moins de 60 % |", EMI_SATISFAISANTE_PERCENT),
        ("| 80 % ou plus, **et au moins 3 activités différentes** |", EMI_TRES_BONNE_PERCENT),
        ("| 80 % ou plus, **et au moins 3 activités différentes** |", EMI_TRES_BONNE_MIN_ACTIVITIES),
    ];
    for &(sentence, value) in cases {
        assert!(DOC.contains(sentence), "the document no longer says « {sentence} »");
        assert!(sentence.contains(&value.to_string()), "« {sentence} » does not say {value}");
    }
    let boundaries: Vec<u16> = level_boundaries().collect();
    assert_eq!(boundaries, [8, 16, 24, 32, 40, 48, 56]);
}
