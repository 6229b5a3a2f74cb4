//! The worked examples of `docs/competency-model.md`, read from
//! `fixtures/competency/examples.json`: catalogue, attempts, and every number
//! the document states (levels, scores, progress, evidence, EMI mastery,
//! history, weakest competences), plus the EMI threshold table.

#[path = "competency_common.rs"]
mod common;

use common::{attempt, time, Rng};
use communs_core::competency::*;
use communs_core::frameworks;
use serde_json::Value;

fn fixture() -> Value {
    let path = format!("{}/tests/fixtures/competency/examples.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture readable")).expect("fixture is JSON")
}

fn catalogue(fx: &Value) -> EvidenceCatalogue {
    let list: Vec<ActivityEvidence> = serde_json::from_value(fx["catalogue"].clone()).expect("catalogue");
    EvidenceCatalogue::from_evidence(&list)
}

fn mastery(name: &str) -> Mastery {
    match name {
        "NonEvalue" => Mastery::NonEvalue,
        "Insuffisante" => Mastery::Insuffisante,
        "Fragile" => Mastery::Fragile,
        "Satisfaisante" => Mastery::Satisfaisante,
        "TresBonne" => Mastery::TresBonne,
        other => panic!("unknown mastery {other}"),
    }
}

fn evidence(rows: &Value) -> Vec<EvidenceItem> {
    rows.as_array()
        .expect("evidence rows")
        .iter()
        .map(|r| EvidenceItem {
            lesson: r[0].as_str().unwrap().to_string(),
            activity: r[1].as_str().unwrap().to_string(),
            at: time(r[2].as_str().unwrap()),
            score: r[3].as_u64().unwrap() as u8,
            success: r[4].as_bool().unwrap(),
            level_targeted: r[5].as_u64().unwrap() as u8,
            attempts: r[6].as_u64().unwrap() as u32,
        })
        .collect()
}

#[test]
fn catalogue_of_the_examples() {
    let fx = fixture();
    let cat = catalogue(&fx);
    assert_eq!(cat.len(), 8, "the participation activity is left out");
    for row in fx["available"].as_array().unwrap() {
        let (code, level, n) = (row[0].as_str().unwrap(), row[1].as_u64().unwrap() as u8, row[2].as_u64().unwrap() as usize);
        assert_eq!(cat.available(code, level), n, "available({code}, {level})");
    }
    assert_eq!(cat.emi_available("EMI3"), 5);
    assert_eq!(cat.emi_available("EMI3.2"), 5, "an item gives its goal");
    assert_eq!(cat.emi_available("EMI4"), 3);
    assert_eq!(cat.emi_available("EMI1"), 0);
    assert!(cat.targets("4.2") && cat.targets("1.1") && !cat.targets("3.3") && !cat.targets("9.9"));
    assert_eq!(cat.lessons_for("4.2", 1), vec!["image-1", "image-2"]);
    assert_eq!(cat.lessons_for("4.2", 2), vec!["image-2"]);
    assert_eq!(cat.lessons_for("2.2", 3), vec!["auteur"]);
    assert!(cat.lessons_for("3.3", 1).is_empty());
}

#[test]
fn worked_examples() {
    let fx = fixture();
    let cat = catalogue(&fx);
    let mut rng = Rng(7);
    for ex in fx["examples"].as_array().unwrap() {
        let name = ex["name"].as_str().unwrap();
        let attempts: Vec<_> = ex["attempts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                attempt(
                    &mut rng,
                    a["l"].as_str().unwrap(),
                    a["a"].as_str().unwrap(),
                    time(a["at"].as_str().unwrap()),
                    a["score"].as_u64().unwrap() as u8,
                )
            })
            .collect();
        let p = profile(&attempts, &cat);
        assert_eq!(p.total_score as u64, ex["total"].as_u64().unwrap(), "{name}: total");
        assert_eq!(p.crcn.len(), 16);
        assert_eq!(p.emi.len(), 4);
        for c in &p.crcn {
            let case = format!("{name}: {}", c.code);
            match ex["crcn"].get(c.code) {
                Some(e) => {
                    assert_eq!(c.level as u64, e["level"].as_u64().unwrap(), "{case}: level");
                    assert_eq!(c.score as u64, e["score"].as_u64().unwrap(), "{case}: score");
                    let next = c.next_level_progress.map(|n| vec![n.level as u64, n.successes as u64, n.needed as u64, n.points as u64]);
                    let want: Option<Vec<u64>> = e["next"].as_array().map(|v| v.iter().map(|x| x.as_u64().unwrap()).collect());
                    assert_eq!(next, want, "{case}: next level");
                    assert_eq!(c.evidence, evidence(&e["evidence"]), "{case}: evidence");
                }
                None => {
                    assert_eq!((c.level, c.score), (0, 0), "{case}");
                    assert!(c.evidence.is_empty(), "{case}");
                }
            }
            assert_eq!(c.score, c.level as u16 * 8 + c.next_level_progress.map_or(0, |n| n.points), "{case}");
            assert_eq!(frameworks::crcn_competence(c.code).map(|f| f.title), Some(c.title));
        }
        for g in &p.emi {
            let case = format!("{name}: {}", g.code);
            match ex["emi"].get(g.code) {
                Some(e) => {
                    assert_eq!(g.mastery, mastery(e["mastery"].as_str().unwrap()), "{case}: mastery");
                    assert_eq!(g.successes as u64, e["successes"].as_u64().unwrap(), "{case}");
                    assert_eq!(g.evaluated as u64, e["evaluated"].as_u64().unwrap(), "{case}");
                    assert_eq!(g.evidence, evidence(&e["evidence"]), "{case}: evidence");
                }
                None => {
                    assert_eq!(g.mastery, Mastery::NonEvalue, "{case}");
                    assert!(g.evidence.is_empty() && g.evaluated == 0, "{case}");
                }
            }
        }
        if let Some(h) = ex["history"].as_object() {
            for (code, points) in h {
                let want: Vec<(i64, u8)> = points
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| (time(p[0].as_str().unwrap()), p[1].as_u64().unwrap() as u8))
                    .collect();
                assert_eq!(history(&attempts, &cat, code), want, "{name}: history of {code}");
            }
        }
        let w = &ex["weakest"];
        let want: Vec<&str> = w[1].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
        assert_eq!(weakest(&p, w[0].as_u64().unwrap() as usize), want, "{name}: weakest");
    }
}

#[test]
fn emi_threshold_table() {
    for row in fixture()["emi_table"].as_array().unwrap() {
        let (s, n) = (row[0].as_u64().unwrap() as u32, row[1].as_u64().unwrap() as u32);
        assert_eq!(Mastery::from_counts(s, n), mastery(row[2].as_str().unwrap()), "{s} of {n}");
    }
}

#[test]
fn mastery_codes() {
    let all = [Mastery::NonEvalue, Mastery::Insuffisante, Mastery::Fragile, Mastery::Satisfaisante, Mastery::TresBonne];
    let codes: Vec<_> = all.iter().map(|m| m.lsu_code()).collect();
    assert_eq!(codes, [None, Some("MI"), Some("MF"), Some("MS"), Some("TBM")]);
    let values: Vec<_> = all.iter().map(|m| m.value()).collect();
    assert_eq!(values, [None, Some(1), Some(2), Some(3), Some(4)]);
    assert!(all.windows(2).all(|w| w[0] < w[1]), "ordered from non évalué to très bonne");
}

#[test]
fn the_numbers_of_the_document() {
    assert_eq!(SUCCESS_THRESHOLD, 80);
    assert_eq!(REQUIRED_SUCCESSES, 2);
    assert_eq!(POINTS_PER_LEVEL, 8);
    assert_eq!(MAX_COMPETENCE_SCORE, 64);
    assert_eq!((EMI_FRAGILE_PERCENT, EMI_SATISFAISANTE_PERCENT, EMI_TRES_BONNE_PERCENT), (30, 60, 80));
    assert_eq!(EMI_TRES_BONNE_MIN_ACTIVITIES, 3);
}
