//! Table-driven tests of `communs_core::activity`: scenario walks and the
//! best-path rule (and that scoring follows it), the attempts policy as a
//! state machine, participation tallies and the stored idea format, display
//! orders, and the resume point of a lesson.
#![allow(clippy::type_complexity)] // the case tables are tuples, one row a case

use communs_core::activity::attempts::{Phase, Tries};
use communs_core::activity::order::{display_order, ordering_start};
use communs_core::activity::participation::{aggregate_words, by_frequency, size_bucket, tally_poll, wall, WallColumn};
use communs_core::activity::resume::{resume_point, ResumePoint};
use communs_core::activity::scenario::{best_path, walk, Place, Step};
use communs_core::lesson::scoring::Verdict;
use communs_core::lesson::{score, Activity, ActivityKind, Mark, Outcome, SafeHtml, ScenarioChoice, ScenarioNode};
use communs_core::response::{decode_idea, encode_idea, Idea, Response};
use communs_core::storage::{Attempt, AttemptId, LessonStatus};
use communs_core::text::seeded_shuffle;

// ---------------------------------------------------------------- scenario

fn node(id: &str, targets: &[usize], end: Option<u8>) -> ScenarioNode {
    ScenarioNode {
        id: id.into(),
        html: SafeHtml::escape(id),
        choices: targets
            .iter()
            .map(|&t| ScenarioChoice { html: SafeHtml::escape(&format!("→{t}")), target: t, feedback: None })
            .collect(),
        end,
    }
}

/// debut -(0)-> sans (0) ; debut -(1)-> licence ; licence -(0)-> bravo (100) ; licence -(1)-> oubli (50).
fn photo() -> Vec<ScenarioNode> {
    vec![
        node("debut", &[3, 1], None),
        node("licence", &[4, 2], None),
        node("oubli", &[], Some(50)),
        node("sans", &[], Some(0)),
        node("bravo", &[], Some(100)),
    ]
}

fn steps(v: &[(usize, usize)]) -> Vec<Step> {
    v.iter().map(|&(node, choice)| Step { node, choice }).collect()
}

#[test]
fn walks_follow_the_choices_and_stop_where_they_cannot() {
    let nodes = photo();
    // (path, steps taken, place reached)
    let cases: Vec<(Vec<u8>, Vec<(usize, usize)>, Place)> = vec![
        (vec![], vec![], Place::Situation(0)),
        (vec![1], vec![(0, 1)], Place::Situation(1)),
        (vec![1, 0], vec![(0, 1), (1, 0)], Place::End(4)),
        (vec![1, 1], vec![(0, 1), (1, 1)], Place::End(2)),
        (vec![0], vec![(0, 0)], Place::End(3)),
        // steps after an end are not taken
        (vec![0, 0, 1], vec![(0, 0)], Place::End(3)),
        // a choice that does not exist stops the walk where it is
        (vec![7], vec![], Place::Situation(0)),
        (vec![1, 2, 0], vec![(0, 1)], Place::Situation(1)),
    ];
    for (path, expected, place) in cases {
        let w = walk(&nodes, &path);
        assert_eq!(w.steps, steps(&expected), "{path:?}");
        assert_eq!(w.place, place, "{path:?}");
        assert_eq!(w.path(), path[..expected.len()].to_vec(), "{path:?}");
    }
    // a choice leading to no situation, an empty scenario, a situation without choices
    assert_eq!(walk(&[node("a", &[9], None)], &[0]).place, Place::Nowhere);
    assert_eq!(walk(&[], &[0]), communs_core::activity::scenario::Walk { steps: vec![], place: Place::Nowhere });
    assert_eq!(walk(&[node("a", &[], None)], &[]).place, Place::End(0));
}

#[test]
fn the_best_path_leads_to_the_best_reachable_end() {
    // (scenario, expected best steps, end, score)
    let cases: Vec<(&str, Vec<ScenarioNode>, Option<(Vec<(usize, usize)>, usize, u8)>)> = vec![
        ("photo", photo(), Some((vec![(0, 1), (1, 0)], 4, 100))),
        ("start is an end", vec![node("fin", &[], Some(40))], Some((vec![], 0, 40))),
        // a tie: the first choice in author order
        ("tie", vec![node("d", &[1, 2], None), node("a", &[], Some(70)), node("b", &[], Some(70))], Some((vec![(0, 0)], 1, 70))),
        // an unreachable end worth more does not count
        (
            "unreachable",
            vec![node("d", &[1], None), node("a", &[], Some(60)), node("orphan", &[], Some(100))],
            Some((vec![(0, 0)], 1, 60)),
        ),
        // two paths joining: the shared situation is searched once
        (
            "join",
            vec![
                node("d", &[1, 2], None),
                node("x", &[3], None),
                node("y", &[3, 4], None),
                node("z", &[], Some(80)),
                node("w", &[], Some(90)),
            ],
            Some((vec![(0, 1), (2, 1)], 4, 90)),
        ),
        // a loop is ignored, the way out is found
        ("loop", vec![node("d", &[1], None), node("e", &[0, 2], None), node("f", &[], Some(30))], Some((vec![(0, 0), (1, 1)], 2, 30))),
        ("only a loop", vec![node("d", &[1], None), node("e", &[0], None)], None),
        ("no end", vec![node("d", &[1], None), node("e", &[], None)], None),
        ("dangling", vec![node("d", &[5], None)], None),
        ("empty", vec![], None),
    ];
    for (name, nodes, expected) in cases {
        let got = best_path(&nodes).map(|b| (b.steps, b.end, b.score));
        let expected = expected.map(|(s, e, sc)| (steps(&s), e, sc));
        assert_eq!(got, expected, "{name}");
        // the best path, walked, ends at that end
        if let Some((s, end, _)) = got {
            let path: Vec<u8> = s.iter().map(|s| s.choice as u8).collect();
            assert_eq!(walk(&nodes, &path).place, Place::End(end), "{name}");
        }
    }
}

#[test]
fn the_best_path_of_a_long_chain_needs_no_deep_recursion() {
    let n = 200_000;
    let mut nodes: Vec<ScenarioNode> = (0..n).map(|i| node("n", &[i + 1], None)).collect();
    nodes.push(node("fin", &[], Some(100)));
    let best = best_path(&nodes).expect("a path");
    assert_eq!((best.steps.len(), best.end, best.score), (n, n, 100));
}

fn scenario(nodes: Vec<ScenarioNode>) -> Activity {
    Activity {
        id: "sc".into(),
        question: SafeHtml::default(),
        crcn: vec![],
        emi: vec![],
        explanation: SafeHtml::default(),
        hints: vec![],
        attempts: 2,
        retired: false,
        replaced_by: None,
        kind: ActivityKind::Scenario { nodes },
    }
}

#[test]
fn scoring_calls_correct_the_end_of_the_best_path() {
    // (scenario, path, score, correct)
    let cases: Vec<(&str, Vec<ScenarioNode>, Vec<u8>, u8, bool)> = vec![
        ("photo best", photo(), vec![1, 0], 100, true),
        ("photo half", photo(), vec![1, 1], 50, false),
        ("photo worst", photo(), vec![0], 0, false),
        // the best reachable end is 60: reaching it is right, whatever an orphan end says
        (
            "orphan",
            vec![node("d", &[1, 2], None), node("a", &[], Some(60)), node("b", &[], Some(20)), node("o", &[], Some(100))],
            vec![0],
            60,
            true,
        ),
        (
            "orphan low",
            vec![node("d", &[1, 2], None), node("a", &[], Some(60)), node("b", &[], Some(20)), node("o", &[], Some(100))],
            vec![1],
            20,
            false,
        ),
        // a tie: either end is the best
        ("tie second", vec![node("d", &[1, 2], None), node("a", &[], Some(70)), node("b", &[], Some(70))], vec![1], 70, true),
    ];
    for (name, nodes, path, expected, correct) in cases {
        let a = scenario(nodes.clone());
        let out = score(&a, &Response::Path(path.clone()));
        assert!(!out.malformed, "{name}");
        assert_eq!((out.score_percent, out.correct), (expected, correct), "{name}");
        let best = best_path(&nodes).expect("best");
        assert_eq!(out.correct, nodes[out.end.unwrap()].end == Some(best.score), "{name}: scoring and the view agree");
        assert_eq!(out.items, vec![Mark::Neutral; path.len()], "{name}");
    }
}

// ---------------------------------------------------------------- attempts

fn outcome(score_percent: u8, correct: bool, participation_only: bool, malformed: bool) -> Outcome {
    Outcome { score_percent, correct, participation_only, malformed, items: vec![], typos: vec![], end: None }
}

#[derive(Clone, Copy, Debug)]
enum Event {
    Right,
    Partial,
    Wrong,
    Participate,
    Malformed,
    Retry,
}

fn play(t: Tries, e: Event) -> Tries {
    match e {
        Event::Right => t.answer(&outcome(100, true, false, false)),
        Event::Partial => t.answer(&outcome(50, false, false, false)),
        Event::Wrong => t.answer(&outcome(0, false, false, false)),
        Event::Participate => t.answer(&outcome(100, true, true, false)),
        Event::Malformed => t.answer(&outcome(0, false, false, true)),
        Event::Retry => t.retry(),
    }
}

#[test]
fn the_attempts_policy_as_a_table() {
    use Event::*;
    // (tries allowed, events, phase after each event)
    let cases: Vec<(u8, Vec<Event>, Vec<Phase>)> = vec![
        (2, vec![Right], vec![Phase::Revealed { found: true }]),
        (2, vec![Wrong, Retry, Wrong], vec![Phase::TryAgain { left: 1 }, Phase::Open, Phase::Revealed { found: false }]),
        (
            3,
            vec![Partial, Retry, Wrong, Retry, Right],
            vec![Phase::TryAgain { left: 2 }, Phase::Open, Phase::TryAgain { left: 1 }, Phase::Open, Phase::Revealed { found: true }],
        ),
        // after the solution, another try reveals it again at once
        (
            2,
            vec![Wrong, Retry, Wrong, Retry, Wrong],
            vec![
                Phase::TryAgain { left: 1 },
                Phase::Open,
                Phase::Revealed { found: false },
                Phase::Open,
                Phase::Revealed { found: false },
            ],
        ),
        // one try allowed, and 0 counts as 1
        (1, vec![Wrong], vec![Phase::Revealed { found: false }]),
        (0, vec![Partial], vec![Phase::Revealed { found: false }]),
        // a malformed answer is not a try
        (2, vec![Malformed, Wrong], vec![Phase::Open, Phase::TryAgain { left: 1 }]),
        // nothing changes while locked; retry when open does nothing
        (
            2,
            vec![Wrong, Right, Retry, Retry],
            vec![Phase::TryAgain { left: 1 }, Phase::TryAgain { left: 1 }, Phase::Open, Phase::Open],
        ),
        (2, vec![Participate, Retry, Participate], vec![Phase::Participated, Phase::Open, Phase::Participated]),
    ];
    for (allowed, events, phases) in cases {
        let mut t = Tries::new(allowed);
        assert_eq!(t.phase(), Phase::Open);
        for (k, (e, expected)) in events.iter().zip(&phases).enumerate() {
            t = play(t, *e);
            let case = format!("allowed {allowed}, events {events:?}, after #{k}");
            assert_eq!(t.phase(), *expected, "{case}");
            // the derived questions follow the phase
            assert_eq!(t.answered(), *expected != Phase::Open, "{case}");
            assert_eq!(t.revealed(), matches!(expected, Phase::Revealed { .. }), "{case}");
            assert_eq!(t.explained(), matches!(expected, Phase::Revealed { .. } | Phase::Participated), "{case}");
            let left = match expected {
                Phase::TryAgain { left } => Some(*left),
                _ => None,
            };
            assert_eq!(t.tries_left(), left, "{case}");
        }
    }
    let t = [Event::Malformed, Event::Wrong, Event::Retry, Event::Right].into_iter().fold(Tries::new(2), play);
    assert_eq!(t.tries(), 2, "answers counted, malformed ones not");
}

#[test]
fn verdicts() {
    let cases = [
        (outcome(100, true, false, false), Verdict::Right),
        (outcome(99, false, false, false), Verdict::Partial),
        (outcome(0, false, false, false), Verdict::Wrong),
        (outcome(100, true, true, false), Verdict::Thanks),
        (outcome(0, false, true, false), Verdict::Thanks),
    ];
    for (o, v) in cases {
        assert_eq!(o.verdict(), v, "{o:?}");
    }
}

// ---------------------------------------------------------------- participation

fn texts(v: &[&str]) -> Response {
    Response::Texts(v.iter().map(|s| s.to_string()).collect())
}

#[test]
fn poll_tallies() {
    // (options, responses, counts)
    let cases: Vec<(usize, Vec<Response>, Vec<usize>)> = vec![
        (3, vec![], vec![0, 0, 0]),
        (3, vec![Response::Choices(vec![1]), Response::Choices(vec![1]), Response::Choices(vec![2])], vec![0, 2, 1]),
        // other shapes and indices out of range are skipped
        (2, vec![Response::Choices(vec![0, 9]), texts(&["1"]), Response::Bool(true), Response::Choices(vec![1])], vec![1, 1]),
        (0, vec![Response::Choices(vec![0])], vec![]),
    ];
    for (n, responses, counts) in cases {
        let t = tally_poll(n, &responses);
        assert_eq!(t.counts, counts, "{responses:?}");
        assert_eq!(t.total, counts.iter().sum::<usize>(), "{responses:?}");
    }
}

#[test]
fn words_are_grouped_without_case_accents_or_spaces() {
    let r = vec![
        texts(&["Partage", " Libre "]),
        texts(&["partagé", "LIBRE", ""]),
        texts(&["Open  Street Map", "open street map", "Partage"]),
        Response::Choices(vec![1]),
    ];
    let w = aggregate_words(&r, &["libre".into()]);
    let got: Vec<(&str, usize, bool)> = w.iter().map(|w| (w.shown.as_str(), w.count, w.mine)).collect();
    assert_eq!(got, vec![("Libre", 2, true), ("open street map", 2, false), ("Partage", 3, false)]);
    let list: Vec<String> = by_frequency(&w).into_iter().map(|w| w.shown).collect();
    assert_eq!(list, vec!["Partage", "Libre", "open street map"]);
}

#[test]
fn a_word_is_spelt_the_same_whatever_the_order_of_answers() {
    // (answers, spelling shown)
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["Partage", "partage"], "partage"),
        (vec!["PARTAGE", "Partage"], "Partage"),
        (vec!["partagé", "partage"], "partage"),
        (vec!["Partage", "Partage", "partage"], "Partage"),
    ];
    for (answers, shown) in cases {
        for rev in [false, true] {
            let mut a = answers.clone();
            if rev {
                a.reverse();
            }
            let responses: Vec<Response> = a.iter().map(|w| texts(&[w])).collect();
            let w = aggregate_words(&responses, &[]);
            assert_eq!(w.len(), 1, "{a:?}");
            assert_eq!((w[0].shown.as_str(), w[0].count, w[0].mine), (shown, answers.len(), false), "{a:?}");
        }
    }
}

#[test]
fn sizes_span_five_buckets() {
    let cases = [(1, 1, 3), (1, 9, 1), (9, 9, 5), (5, 9, 3), (0, 4, 1), (3, 2, 5)];
    for (count, max, bucket) in cases {
        assert_eq!(size_bucket(count, max), bucket, "{count}/{max}");
    }
    assert!((0..=20).all(|c| (1..=5).contains(&size_bucket(c, 20))));
}

#[test]
fn ideas_keep_their_category() {
    let cats = vec!["Dans la classe".to_string(), "En ligne".to_string()];
    // (stored, category, text)
    let cases: Vec<(String, Option<usize>, &str)> = vec![
        (encode_idea(Some("En ligne"), "Un wiki"), Some(1), "Un wiki"),
        (encode_idea(None, " Un blog "), None, "Un blog"),
        ("Dans la classe : le CDI".into(), Some(0), "le CDI"),
        ("Dans la classe: le CDI".into(), Some(0), "le CDI"),
        ("Wikipédia : une encyclopédie".into(), None, "Wikipédia : une encyclopédie"),
        ("En lignes : x".into(), None, "En lignes : x"),
    ];
    for (stored, category, text) in cases {
        assert_eq!(decode_idea(&cats, &stored), Idea { category, text }, "{stored}");
    }
    assert_eq!(encode_idea(Some("En ligne"), "Un wiki"), "En ligne\u{a0}: Un wiki");
    assert_eq!(decode_idea(&[], "idée"), Idea { category: None, text: "idée" });
}

#[test]
fn the_wall_groups_ideas_by_category() {
    let cats = vec!["Classe".to_string(), "En ligne".to_string()];
    let col = |category: Option<usize>, ideas: &[&str]| WallColumn { category, ideas: ideas.iter().map(|s| s.to_string()).collect() };
    // (responses, columns)
    let cases: Vec<(Vec<Response>, Vec<WallColumn>)> = vec![
        (vec![], vec![col(Some(0), &[]), col(Some(1), &[])]),
        (
            vec![
                texts(&["En ligne\u{a0}: Un wiki", "Classe : le CDI"]),
                texts(&["En ligne : un forum", "  "]),
                Response::Choices(vec![0]),
            ],
            vec![col(Some(0), &["le CDI"]), col(Some(1), &["Un wiki", "un forum"])],
        ),
        // ideas without a known category come last, in their own column
        (
            vec![texts(&["Ailleurs : rien", "Classe : x"])],
            vec![col(Some(0), &["x"]), col(Some(1), &[]), col(None, &["Ailleurs : rien"])],
        ),
    ];
    for (responses, columns) in cases {
        assert_eq!(wall(&cats, &responses), columns, "{responses:?}");
    }
    assert_eq!(wall(&[], &[texts(&["a"])]), vec![col(None, &["a"])]);
}

// ---------------------------------------------------------------- orders

#[test]
fn display_orders_are_seeded_and_salted() {
    for seed in [0u64, 1, 42, u64::MAX] {
        assert_eq!(display_order(seed, 8, 0), seeded_shuffle(8, seed), "the main list is the activity's shuffle");
        for salt in [1usize, 2, 7] {
            let mut o = display_order(seed, 8, salt);
            assert_eq!(o, display_order(seed, 8, salt), "stable");
            o.sort_unstable();
            assert_eq!(o, (0..8).collect::<Vec<_>>(), "a permutation");
        }
    }
    assert_ne!(display_order(42, 8, 1), display_order(42, 8, 2), "each list its own order");
}

#[test]
fn an_ordering_never_starts_right() {
    let cases: Vec<Vec<&str>> = vec![vec!["a", "b"], vec!["a", "b", "c"], vec!["a", "a", "b"], vec!["x", "y", "z", "t"]];
    for items in cases {
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        for seed in 0..200u64 {
            let start = ordering_start(&items, seed);
            let mut sorted = start.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..items.len()).collect::<Vec<_>>(), "{items:?} {seed}");
            assert!(start.iter().enumerate().any(|(p, &a)| items[a] != items[p]), "{items:?} {seed}: {start:?}");
        }
    }
    assert_eq!(ordering_start(&["seul".to_string()], 3), vec![0]);
    assert_eq!(ordering_start(&["a".to_string(), "a".to_string()], 3).len(), 2, "all equal: any order is right, nothing to turn");
}

// ---------------------------------------------------------------- resume

fn attempt(lesson: &str, activity: &str) -> Attempt {
    Attempt {
        id: AttemptId::from_random(activity.len() as u64),
        at: 1_757_925_000,
        lesson: lesson.into(),
        activity: activity.into(),
        score: 50,
        duration: 10,
        response: Response::Bool(true),
    }
}

#[test]
fn the_resume_point_follows_the_last_activity_answered() {
    let order: Vec<String> = ["q1", "q2", "q3"].iter().map(|s| s.to_string()).collect();
    // (attempts as (lesson, activity), resume index)
    let cases: Vec<(Vec<(&str, &str)>, Option<usize>)> = vec![
        (vec![], None),
        (vec![("autre", "q1")], None),
        (vec![("l", "q1")], Some(1)),
        (vec![("l", "q2"), ("l", "q1")], Some(2)),
        // the last in the lesson's order, not in time
        (vec![("l", "q3"), ("l", "q1")], Some(2)),
        (vec![("l", "q3")], Some(2)),
        (vec![("l", "inconnue")], None),
        (vec![("autre", "q3"), ("l", "q1")], Some(1)),
    ];
    for (attempts, expected) in cases {
        let attempts: Vec<Attempt> = attempts.iter().map(|(l, a)| attempt(l, a)).collect();
        let got = resume_point("l", &order, &attempts);
        let expected = expected.map(|index| ResumePoint { index, activity: order[index].clone() });
        assert_eq!(got, expected, "{attempts:?}");
    }
    assert_eq!(resume_point("l", &[], &[attempt("l", "q1")]), None);
}

#[test]
fn the_stored_position_follows_the_resume_point_while_in_progress() {
    let p = ResumePoint { index: 2, activity: "q3".into() };
    // (status, stored position, position to store)
    let cases = [
        (Some(LessonStatus::InProgress), Some(1), Some(2)),
        (Some(LessonStatus::InProgress), None, Some(2)),
        (Some(LessonStatus::InProgress), Some(2), None),
        (Some(LessonStatus::Done), Some(1), None),
        (None, None, None),
    ];
    for (status, stored, expected) in cases {
        assert_eq!(p.position_to_store(status, stored), expected, "{status:?} {stored:?}");
    }
}
