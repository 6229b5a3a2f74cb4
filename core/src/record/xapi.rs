//! xAPI 1.0.3 statements of an assessed record, for schools with a
//! Learning Record Store: one `answered` statement per attempt this build
//! could rescore (an attempt at an unknown activity has no meaning to
//! state) and one `completed` statement per lesson done. The actor is
//! pseudonymous: an `account` whose `name` is the profile id and whose
//! `homePage` is the school's address for Communs, with the pseudonym as
//! the agent's name. Activities are `cmi.interaction` activities with their
//! `interactionType`, identified by IRIs under a namespace given by the
//! caller (`<namespace>lecons/<lesson>/activites/<activity>`, lesson and
//! activity ids percent-encoded), the lesson as their parent; the result
//! holds the rescored score (`scaled` in [0, 1]), success, the response in
//! the characterstring form of the specification and the duration. Every
//! statement written here passes [`super::validate_statement`]; the build
//! id goes in a context extension.

use super::assess::{Assessment, Catalogue};
use super::read::RecordData;
use super::time::iso_utc;
use super::xapi_check::is_absolute_iri;
use super::RecordError;
use crate::competency::SUCCESS_THRESHOLD;
use crate::lesson::model::ActivityKind;
use crate::response::Response;
use serde_json::{json, Value};

/// ADL's verb for an answer to a question.
pub const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
/// ADL's verb for a lesson completed.
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
/// ADL's activity type of a question.
pub const ACTIVITY_TYPE_INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
/// ADL's activity type of a lesson.
pub const ACTIVITY_TYPE_LESSON: &str = "http://adlnet.gov/expapi/activities/lesson";

/// Where the statements' IRIs point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct XapiOptions<'a> {
    /// Absolute IRI ending with `/` under which lesson and activity IRIs
    /// are made (set when `dist` is built: the school's address for Communs).
    pub namespace: &'a str,
    /// `homePage` of the learners' accounts (an absolute IRI).
    pub home_page: &'a str,
    /// The build id, written in the context's extensions.
    pub build: &'a str,
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn interaction_type(kind: &ActivityKind) -> &'static str {
    match kind {
        ActivityKind::ChoixUnique { .. } | ActivityKind::ChoixMultiples { .. } | ActivityKind::Sondage { .. } => "choice",
        ActivityKind::VraiFaux { .. } => "true-false",
        ActivityKind::ReponseCourte { .. } | ActivityKind::TexteATrous { .. } | ActivityKind::NuageDeMots { .. } => "fill-in",
        ActivityKind::RemueMeninges { .. } => "long-fill-in",
        ActivityKind::Appariement { .. } => "matching",
        ActivityKind::RemiseEnOrdre { .. } => "sequencing",
        ActivityKind::Scenario { .. } => "other",
    }
}

/// The response as the specification's characterstring: items joined by
/// `[,]`, a matching's pairs as `source[.]target`.
fn response_string(kind: &ActivityKind, r: &Response) -> String {
    let join = |items: Vec<String>| items.join("[,]");
    match r {
        Response::Choices(v) | Response::Path(v) => join(v.iter().map(u8::to_string).collect()),
        Response::Bool(b) => b.to_string(),
        // A typed `[,]` would read as a separator.
        Response::Texts(t) => join(t.iter().map(|s| s.replace("[,]", ", ").replace("[.]", ". ")).collect()),
        Response::Order(v) => match kind {
            ActivityKind::Appariement { .. } => join(v.iter().enumerate().map(|(i, t)| format!("{i}[.]{t}")).collect()),
            _ => join(v.iter().map(u8::to_string).collect()),
        },
    }
}

/// The statements of `data` as assessed by `assessment` (from
/// [`super::assess`] with `catalogue`); refused when the namespace or the
/// home page is not an absolute IRI.
pub fn statements(
    data: &RecordData,
    assessment: &Assessment,
    catalogue: &Catalogue,
    options: &XapiOptions,
) -> Result<Vec<Value>, RecordError> {
    if !is_absolute_iri(options.namespace) || !options.namespace.ends_with('/') || !is_absolute_iri(options.home_page) {
        return Err(RecordError::BadNamespace);
    }
    let ns = options.namespace;
    let actor = json!({
        "objectType": "Agent",
        "name": data.profile.pseudonym,
        "account": { "homePage": options.home_page, "name": data.profile.id.as_str() },
    });
    let lesson_iri = |lesson: &str| format!("{ns}lecons/{}", segment(lesson));
    let context = |parent: Option<&str>| {
        let mut extensions = serde_json::Map::new();
        extensions.insert(format!("{ns}extensions/build"), json!(options.build));
        let mut c = json!({ "platform": "Communs", "extensions": extensions });
        if let Some(p) = parent {
            c["contextActivities"] = json!({ "parent": [{ "objectType": "Activity", "id": p }] });
        }
        c
    };
    let mut out = Vec::new();
    for a in &assessment.attempts {
        let Some(activity) = catalogue.activity(&a.lesson, &a.activity) else { continue };
        let lesson = lesson_iri(&a.lesson);
        let mut result = json!({
            "response": response_string(&activity.kind, &a.response),
            "duration": format!("PT{}S", a.duration),
        });
        if !activity.participation_only() {
            result["score"] = json!({ "scaled": f64::from(a.score) / 100.0, "raw": a.score, "min": 0, "max": 100 });
            result["success"] = json!(a.score >= SUCCESS_THRESHOLD);
        }
        out.push(json!({
            "actor": actor,
            "verb": { "id": VERB_ANSWERED, "display": { "en-US": "answered" } },
            "object": {
                "objectType": "Activity",
                "id": format!("{lesson}/activites/{}", segment(&a.activity)),
                "definition": { "type": ACTIVITY_TYPE_INTERACTION, "interactionType": interaction_type(&activity.kind) },
            },
            "result": result,
            "context": context(Some(&lesson)),
            "timestamp": iso_utc(a.at),
        }));
    }
    for (lesson, p) in &data.progress {
        if p.status != crate::storage::LessonStatus::Done {
            continue;
        }
        out.push(json!({
            "actor": actor,
            "verb": { "id": VERB_COMPLETED, "display": { "en-US": "completed" } },
            "object": { "objectType": "Activity", "id": lesson_iri(lesson), "definition": { "type": ACTIVITY_TYPE_LESSON } },
            "result": { "completion": true },
            "context": context(None),
            "timestamp": iso_utc(p.updated),
        }));
    }
    Ok(out)
}
