//! Table-driven scoring tests, on the activities of the e2e test lesson
//! (`fixtures/test-lessons/essai-activites.md`): right, wrong, partial,
//! empty and malformed responses for every type.

#[path = "common_lessons.rs"]
mod common;
#[path = "common/rng.rs"]
mod rng;

use common::*;
use communs_core::lesson::scoring::{match_answer, AnswerMatch, Typo};
use communs_core::lesson::{compile_dir, score, CompiledLesson, Mark};
use communs_core::response::Response;
use rng::Rng;

fn lesson() -> CompiledLesson {
    let out = compile_dir(
        &[("essai-activites.md".into(), read("test-lessons/essai-activites.md"))],
        Some(&read("test-lessons/modules.toml")),
        Some(&read("test-lessons/glossaire.toml")),
        &["images/schema-essai.svg".into()],
    );
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    out.lessons.into_iter().next().unwrap()
}

fn c(v: &[u8]) -> Response {
    Response::Choices(v.to_vec())
}
fn t(v: &[&str]) -> Response {
    Response::Texts(v.iter().map(|s| s.to_string()).collect())
}
fn o(v: &[u8]) -> Response {
    Response::Order(v.to_vec())
}
fn p(v: &[u8]) -> Response {
    Response::Path(v.to_vec())
}

const MAL: i16 = -1;

#[test]
fn scoring_table() {
    let l = lesson();
    // (activity id, response, expected score or MAL for malformed, expected correct)
    let cases: Vec<(&str, Response, i16, bool)> = vec![
        // choix-unique: B is right
        ("cu-licence", c(&[1]), 100, true),
        ("cu-licence", c(&[0]), 0, false),
        ("cu-licence", c(&[]), MAL, false),
        ("cu-licence", c(&[0, 1]), MAL, false),
        ("cu-licence", c(&[9]), MAL, false),
        ("cu-licence", c(&[255]), MAL, false),
        ("cu-licence", Response::Bool(true), MAL, false),
        // choix-multiples: 0, 1, 3 right; 2 wrong
        ("cm-libertes", c(&[0, 1, 3]), 100, true),
        ("cm-libertes", c(&[3, 1, 0]), 100, true),
        ("cm-libertes", c(&[0, 1]), 67, false),
        ("cm-libertes", c(&[0]), 33, false),
        ("cm-libertes", c(&[0, 1, 2]), 33, false),
        ("cm-libertes", c(&[0, 1, 2, 3]), 67, false),
        ("cm-libertes", c(&[2]), 0, false),
        ("cm-libertes", c(&[0, 2]), 0, false),
        ("cm-libertes", c(&[]), MAL, false),
        ("cm-libertes", c(&[0, 0]), MAL, false),
        ("cm-libertes", c(&[4]), MAL, false),
        // vrai-faux: faux
        ("vf-gratuit", Response::Bool(false), 100, true),
        ("vf-gratuit", Response::Bool(true), 0, false),
        ("vf-gratuit", c(&[0]), MAL, false),
        // reponse-courte: 70 | soixante-dix, no typo
        ("rc-duree", t(&["70"]), 100, true),
        ("rc-duree", t(&[" 70 ans"]), 0, false),
        ("rc-duree", t(&["Soixante–Dix"]), 100, true),
        ("rc-duree", t(&["soixante\u{a0}-\u{a0}dix."]), 100, true),
        ("rc-duree", t(&["soixante-dis"]), 0, false),
        ("rc-duree", t(&["71"]), 0, false),
        ("rc-duree", t(&[""]), MAL, false),
        ("rc-duree", t(&["   "]), MAL, false),
        ("rc-duree", t(&[]), MAL, false),
        ("rc-duree", t(&["70", "70"]), MAL, false),
        ("rc-duree", Response::Bool(true), MAL, false),
        // reponse-courte with one typo allowed: Wikipédia
        ("rc-wikipedia", t(&["wikipedia"]), 100, true),
        ("rc-wikipedia", t(&["« Wikipédia »"]), 100, true),
        ("rc-wikipedia", t(&["wikipdia"]), 100, true),
        ("rc-wikipedia", t(&["wikiepdia"]), 100, true),
        ("rc-wikipedia", t(&["wikipedias"]), 100, true),
        ("rc-wikipedia", t(&["wikpdia"]), 0, false),
        ("rc-wikipedia", t(&["vikidia"]), 0, false),
        // texte-a-trous: {BY|attribution}, {liste: SA | *NC | ND}
        ("tt-conditions", t(&["by", "1"]), 100, true),
        ("tt-conditions", t(&["Attribution", "1"]), 100, true),
        ("tt-conditions", t(&["by", "0"]), 50, false),
        ("tt-conditions", t(&["sa", "1"]), 50, false),
        ("tt-conditions", t(&["sa", "2"]), 0, false),
        ("tt-conditions", t(&["by", "nc"]), 50, false),
        ("tt-conditions", t(&["by", "7"]), MAL, false),
        ("tt-conditions", t(&["by"]), MAL, false),
        ("tt-conditions", t(&["", ""]), MAL, false),
        ("tt-conditions", c(&[1]), MAL, false),
        // appariement: 3 pairs
        ("ap-symboles", o(&[0, 1, 2]), 100, true),
        ("ap-symboles", o(&[1, 0, 2]), 33, false),
        ("ap-symboles", o(&[1, 2, 0]), 0, false),
        ("ap-symboles", o(&[0, 0, 0]), 33, false),
        ("ap-symboles", o(&[0, 1]), MAL, false),
        ("ap-symboles", o(&[0, 1, 3]), MAL, false),
        ("ap-symboles", o(&[]), MAL, false),
        // remise-en-ordre: 3 items
        ("ro-etapes", o(&[0, 1, 2]), 100, true),
        ("ro-etapes", o(&[0, 2, 1]), 33, false),
        ("ro-etapes", o(&[2, 0, 1]), 0, false),
        ("ro-etapes", o(&[0, 0, 1]), MAL, false),
        ("ro-etapes", o(&[0, 1, 2, 3]), MAL, false),
        ("ro-etapes", p(&[0, 1, 2]), MAL, false),
        // sondage: participation
        ("so-usage", c(&[2]), 100, true),
        ("so-usage", c(&[]), MAL, false),
        ("so-usage", c(&[3]), MAL, false),
        // nuage-de-mots: up to 3 words
        ("nm-communs", t(&["partage"]), 100, true),
        ("nm-communs", t(&["partage", "wiki", "règles"]), 100, true),
        ("nm-communs", t(&["a", "b", "c", "d"]), MAL, false),
        ("nm-communs", t(&[" "]), MAL, false),
        // remue-méninges
        ("rm-idees", t(&["le CDI", "les manuels"]), 100, true),
        ("rm-idees", t(&[]), MAL, false),
        // scenario: debut -(1)-> licence -(0)-> bravo (100) ; -(1)-> oubli (50) ; debut -(0)-> sans-licence (0)
        ("sc-photo", p(&[1, 0]), 100, true),
        ("sc-photo", p(&[1, 1]), 50, false),
        ("sc-photo", p(&[0]), 0, false),
        ("sc-photo", p(&[1]), MAL, false),
        ("sc-photo", p(&[]), MAL, false),
        ("sc-photo", p(&[1, 0, 0]), MAL, false),
        ("sc-photo", p(&[5]), MAL, false),
        ("sc-photo", o(&[1, 0]), MAL, false),
    ];
    for (id, resp, expected, correct) in cases {
        let a = l.activity(id).unwrap_or_else(|| panic!("no activity {id}"));
        let out = score(a, &resp);
        let case = format!("{id} {resp:?}");
        if expected == MAL {
            assert!(out.malformed, "[{case}] malformed expected: {out:?}");
            assert_eq!(out.score_percent, 0, "[{case}]");
            assert!(!out.correct, "[{case}]");
        } else {
            assert!(!out.malformed, "[{case}] {out:?}");
            assert_eq!(i16::from(out.score_percent), expected, "[{case}] {out:?}");
            assert_eq!(out.correct, correct, "[{case}] {out:?}");
        }
        assert_eq!(out.participation_only, a.participation_only(), "[{case}]");
    }
}

#[test]
fn per_item_feedback() {
    let l = lesson();
    let out = score(l.activity("cm-libertes").unwrap(), &c(&[0, 2]));
    assert_eq!(out.items, vec![Mark::Right, Mark::Missed, Mark::Wrong, Mark::Missed]);
    let out = score(l.activity("tt-conditions").unwrap(), &t(&["by", "0"]));
    assert_eq!(out.items, vec![Mark::Right, Mark::Wrong]);
    let out = score(l.activity("rc-wikipedia").unwrap(), &t(&["wikipdia"]));
    assert_eq!(out.typos, vec![Typo { item: 0, expected: "Wikipédia".into(), given: "wikipdia".into() }]);
    let out = score(l.activity("sc-photo").unwrap(), &p(&[1, 1]));
    assert_eq!(out.end, Some(3));
    let out = score(l.activity("ro-etapes").unwrap(), &o(&[0, 2, 1]));
    assert_eq!(out.items, vec![Mark::Right, Mark::Wrong, Mark::Wrong]);
}

#[test]
fn answer_matching() {
    let acc = vec!["l’auteur".to_string(), "domaine public".to_string()];
    assert_eq!(match_answer("L'AUTEUR", &acc, false), AnswerMatch::Exact);
    assert_eq!(match_answer("  domaine   public ", &acc, false), AnswerMatch::Exact);
    assert_eq!(match_answer("domaine\u{202f}public !", &acc, false), AnswerMatch::Exact);
    assert_eq!(match_answer("domaine pubilc", &acc, false), AnswerMatch::No);
    assert_eq!(match_answer("domaine pubilc", &acc, true), AnswerMatch::Typo);
    // short answers never get a typo
    let short = vec!["NC".to_string(), "lien".to_string()];
    assert_eq!(match_answer("ND", &short, true), AnswerMatch::No);
    assert_eq!(match_answer("lein", &short, true), AnswerMatch::No);
    assert_eq!(match_answer("", &short, true), AnswerMatch::No);
}

#[test]
fn scoring_never_panics_on_garbage_responses() {
    let l = lesson();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut next = move || rng.next_u64();
    for _ in 0..3000 {
        for a in &l.activities {
            let n = (next() % 6) as usize;
            let bytes: Vec<u8> = (0..n).map(|_| next() as u8).collect();
            let texts: Vec<String> =
                (0..n).map(|_| ["", "1", "by", "9999999999999", "-1", "é", "\u{0}"][(next() % 7) as usize].to_string()).collect();
            for r in [
                Response::Choices(bytes.clone()),
                Response::Order(bytes.clone()),
                Response::Path(bytes.clone()),
                Response::Texts(texts),
                Response::Bool(next() % 2 == 0),
            ] {
                let out = score(a, &r);
                assert!(out.score_percent <= 100);
            }
        }
    }
}

#[test]
fn typos_say_what_matched() {
    use communs_core::lesson::{Activity, ActivityKind, SafeHtml, TextPart};
    let mk = |kind| Activity {
        id: "a".into(),
        question: SafeHtml::escape("Q"),
        crcn: vec![],
        emi: vec![],
        explanation: SafeHtml::default(),
        hints: vec![],
        attempts: 2,
        retired: false,
        replaced_by: None,
        kind,
    };
    let words = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let short = mk(ActivityKind::ReponseCourte { answers: words(&["Wikipédia", "Vikidia", "Wikipedia FR"]), typo: true });
    let strict = mk(ActivityKind::ReponseCourte { answers: words(&["Wikipédia"]), typo: false });
    let blanks = mk(ActivityKind::TexteATrous {
        parts: vec![
            TextPart::Gap { answers: words(&["attribution", "BY"]) },
            TextPart::Text { html: SafeHtml::escape(" et ") },
            TextPart::List { options: words(&["SA", "NC"]), answer: 1 },
            TextPart::Gap { answers: words(&["partage"]) },
        ],
        typo: true,
    });
    let typo = |item: usize, expected: &str, given: &str| Typo { item, expected: expected.into(), given: given.into() };
    // (activity, response, score, typos)
    let cases: Vec<(&Activity, Response, u8, Vec<Typo>)> = vec![
        (&short, t(&["wikipdia"]), 100, vec![typo(0, "Wikipédia", "wikipdia")]),
        (&short, t(&["vikidiaa"]), 100, vec![typo(0, "Vikidia", "vikidiaa")]),
        // an exact match with any accepted answer is not a typo
        (&short, t(&["vikidia"]), 100, vec![]),
        (&short, t(&["wikipedia"]), 100, vec![]),
        (&short, t(&["wkpdia"]), 0, vec![]),
        (&strict, t(&["wikipdia"]), 0, vec![]),
        (&blanks, t(&["atribution", "1", "partag"]), 100, vec![typo(0, "attribution", "atribution"), typo(2, "partage", "partag")]),
        (&blanks, t(&["by", "1", "partagr"]), 100, vec![typo(2, "partage", "partagr")]),
        (&blanks, t(&["by", "0", "partage"]), 67, vec![]),
    ];
    for (a, r, expected, typos) in cases {
        let out = score(a, &r);
        assert_eq!(out.score_percent, expected, "{r:?}");
        assert_eq!(out.typos, typos, "{r:?}");
    }
}
