//! xAPI 1.0.3: the specification's own example statements, objects,
//! actors and interaction definitions pass the validator
//! (`fixtures/record/xapi-spec-examples.json`, copied from the
//! specification with its source); statements derived from its MUST rules
//! fail it with the rule they break (`xapi-invalid.json`); and every
//! statement Communs writes passes it.

#[path = "record_common.rs"]
mod common;

use common::*;
use communs_core::record::{
    assess, is_iso8601_duration, is_iso8601_timestamp, statements, validate_statement, validate_statements, RecordError, XapiOptions,
    VERB_ANSWERED, VERB_COMPLETED,
};
use communs_core::response::Response;
use serde_json::{json, Value};

fn fixture(name: &str) -> Value {
    serde_json::from_slice(&bytes(&format!("record/{name}"))).expect("fixture is JSON")
}

fn statement_with_object(object: &Value) -> Value {
    json!({ "actor": { "mbox": "mailto:xapi@adlnet.gov" }, "verb": { "id": "http://adlnet.gov/expapi/verbs/created" }, "object": object })
}

#[test]
fn the_specification_s_examples_pass() {
    let spec = fixture("xapi-spec-examples.json");
    let mut n = 0;
    for s in spec["statements"].as_array().unwrap() {
        assert_eq!(validate_statement(&s["statement"]), vec![], "{}", s["from"]);
        n += 1;
    }
    for o in spec["objects"].as_array().unwrap() {
        assert_eq!(validate_statement(&statement_with_object(&o["object"])), vec![], "{}", o["from"]);
        n += 1;
    }
    for d in spec["interaction_definitions"].as_array().unwrap() {
        let object = json!({ "id": "http://example.com/question", "definition": d["definition"] });
        assert_eq!(validate_statement(&statement_with_object(&object)), vec![], "{}", d["from"]);
        n += 1;
    }
    for a in spec["actors"].as_array().unwrap() {
        let mut s = statement_with_object(&json!({ "id": "http://example.com/a" }));
        s["actor"] = a["actor"].clone();
        assert_eq!(validate_statement(&s), vec![], "{}", a["from"]);
        n += 1;
    }
    assert_eq!(n, 7 + 4 + 10 + 1);
    // The durations and timestamps of the specification's tables and examples.
    for d in ["PT4H35M59.14S", "P3Y1M29DT4H35M59.14S", "P3Y", "P4W", "PT1234S", "PT1H0M0S"] {
        assert!(is_iso8601_duration(d), "{d}");
    }
    for t in ["2015-11-18T12:17:00+00:00", "2013-05-18T05:32:34.804+00:00", "2026-09-01T08:00:00Z", "2026-09-01T08:00:00.123-0530"] {
        assert!(is_iso8601_timestamp(t), "{t}");
    }
}

/// RFC 6901: `/a/b` in `v`, created when missing (objects only).
fn set(v: &mut Value, pointer: &str, value: Option<Value>) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = if parent.is_empty() { v } else { v.pointer_mut(parent).unwrap_or_else(|| panic!("{parent}")) };
    let map = target.as_object_mut().unwrap();
    match value {
        Some(x) => {
            map.insert(key.to_string(), x);
        }
        None => {
            map.remove(key);
        }
    }
}

#[test]
fn statements_that_break_a_must_rule_fail() {
    let spec = fixture("xapi-spec-examples.json");
    let invalid = fixture("xapi-invalid.json");
    let mut base =
        spec["statements"].as_array().unwrap().iter().find(|s| s["from"] == "Appendix A, example 2").unwrap()["statement"].clone();
    base["context"] = invalid["base_context"].clone();
    assert_eq!(validate_statement(&base), vec![]);
    let cases = invalid["cases"].as_array().unwrap();
    assert!(cases.len() >= 40);
    for c in cases {
        let mut s = base.clone();
        let value = if c["remove"] == true { None } else { Some(c["value"].clone()) };
        set(&mut s, c["pointer"].as_str().unwrap(), value);
        let problems = validate_statement(&s);
        let rule = c["rule"].as_str().unwrap();
        assert!(
            problems.iter().any(|p| format!("{:?}", p.rule) == rule),
            "{} ({}): want {rule}, got {problems:?}",
            c["why"],
            c["spec"]
        );
    }
    // Not an object at all; an array of statements, one of them bad.
    assert!(!validate_statement(&json!("statement")).is_empty());
    let problems = validate_statements(&json!([base, { "verb": base["verb"], "object": base["object"] }]));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "[1].actor");
}

fn options() -> XapiOptions<'static> {
    XapiOptions {
        namespace: "https://college.example.org/communs/xapi/",
        home_page: "https://college.example.org/communs/",
        build: "test",
    }
}

#[test]
fn every_statement_communs_writes_passes() {
    let cat = catalogue();
    let mut attempts = good_attempts();
    attempts.push(attempt("a0000010", T0 + 600, "so-usage", 100, Response::Choices(vec![1])));
    attempts.push(attempt("a0000011", T0 + 660, "nm-communs", 100, Response::Texts(vec!["partage".into(), "a[,]b".into()])));
    attempts.push(attempt("a0000012", T0 + 720, "tt-conditions", 50, Response::Texts(vec!["BY".into(), "0".into()])));
    attempts.push(attempt("a0000013", T0 + 780, "ro-etapes", 100, Response::Order(vec![0, 1, 2])));
    attempts.push(attempt("a0000014", T0 + 840, "rm-idees", 100, Response::Texts(vec!["Dans la classe\u{a0}: un wiki".into()])));
    attempts.push(attempt("a0000015", T0 + 900, "rc-duree", 100, Response::Texts(vec!["70".into()])));
    let d = data("Renard bleu", attempts);
    let a = assess(&d, &cat);
    let list = statements(&d, &a, &cat, &options()).unwrap();
    for s in &list {
        assert_eq!(validate_statement(s), vec![], "{s:#}");
    }
    // One `answered` per attempt at a known activity, one `completed` per lesson done.
    let verbs: Vec<&str> = list.iter().map(|s| s["verb"]["id"].as_str().unwrap()).collect();
    assert_eq!(verbs.iter().filter(|v| **v == VERB_ANSWERED).count(), 12);
    assert_eq!(verbs.iter().filter(|v| **v == VERB_COMPLETED).count(), 1);
    let first = &list[0];
    assert_eq!(first["actor"]["account"], json!({ "homePage": "https://college.example.org/communs/", "name": "rEnArd01" }));
    assert_eq!(first["object"]["id"], "https://college.example.org/communs/xapi/lecons/essai-activites/activites/cu-licence");
    assert_eq!(first["object"]["definition"]["interactionType"], "choice");
    assert_eq!(
        first["result"],
        json!({ "response": "1", "duration": "PT30S", "score": { "scaled": 1.0, "raw": 100, "min": 0, "max": 100 }, "success": true })
    );
    assert_eq!(first["timestamp"], "2026-09-01T08:00:00Z");
    let by_activity = |id: &str| list.iter().find(|s| s["object"]["id"].as_str().unwrap().ends_with(id)).unwrap();
    assert_eq!(by_activity("ap-symboles")["result"]["response"], "0[.]0[,]1[.]1[,]2[.]2");
    assert_eq!(by_activity("ap-symboles")["object"]["definition"]["interactionType"], "matching");
    assert_eq!(by_activity("ro-etapes")["object"]["definition"]["interactionType"], "sequencing");
    assert_eq!(by_activity("vf-vendre")["result"]["response"], "true");
    // A participation has no score; a typed separator is not one.
    let poll = by_activity("nm-communs");
    assert!(poll["result"].get("score").is_none() && poll["result"].get("success").is_none());
    assert_eq!(poll["result"]["response"], "partage[,]a, b");
    // The unknown activity is not stated.
    assert!(list.iter().all(|s| !s["object"]["id"].as_str().unwrap().contains("lecon-locale-inconnue")));
}

#[test]
fn lesson_and_activity_ids_are_percent_encoded_and_the_namespace_checked() {
    let cat = catalogue();
    let mut d = data("Renard bleu", Vec::new());
    d.progress.insert("l’eau".into(), d.progress[LESSON].clone());
    let a = assess(&d, &cat);
    let list = statements(&d, &a, &cat, &options()).unwrap();
    assert!(list.iter().any(|s| s["object"]["id"] == "https://college.example.org/communs/xapi/lecons/l%E2%80%99eau"));
    assert_eq!(validate_statements(&Value::Array(list)), vec![]);
    for bad in ["college.example.org/xapi/", "https://college.example.org/xapi", "https://exemple .org/"] {
        let o = XapiOptions { namespace: bad, ..options() };
        assert_eq!(statements(&d, &a, &cat, &o), Err(RecordError::BadNamespace), "{bad}");
    }
}
