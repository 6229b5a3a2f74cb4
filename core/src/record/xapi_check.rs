//! A validator of xAPI 1.0.3 statements for the rules of the
//! specification (`xAPI-Data.md`, section numbers in the comments) that the
//! statements of `xapi` rely on, plus the shape rules an LRS must enforce:
//! actor, verb and object present (2.2.s2.b3), no null outside extensions
//! (2.2.s4.b1.b1), the right types, no property the specification does not
//! define (2.2.s4.b1.b7), absolute IRIs (2.2.s4.b1.b8, best effort as
//! 2.2.s4.b6 allows), UUIDs, agents with exactly one inverse functional
//! identifier (2.4.2.1.s2), accounts with `homePage` and `name` (2.4.2.4),
//! groups (2.4.2.2), interaction types and components (2.4.4.1),
//! sub-statements (2.4.4.3.s8), `score.scaled` in [-1, 1] and raw within
//! min and max (2.4.5.1), context rules (2.4.6), ISO 8601 timestamps
//! (4.5) and durations (4.6: the format of ISO 8601:2004 4.4.3.2, weeks
//! alone), versions `1.0.x` (2.4.10). It returns every problem found, each
//! with the JSON path of the value concerned; an empty list means valid.

use serde_json::{Map, Value};

/// The rule a value breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum XapiRule {
    /// Not a JSON object where one is required (a statement, an actor…).
    NotAnObject,
    /// Not an array where one is required.
    NotAnArray,
    /// A required property is missing (`actor`, `verb`, `object`, `id`…).
    Missing(&'static str),
    /// A property the specification does not define here.
    UnknownProperty(String),
    /// A null value outside extensions.
    Null,
    /// A string was required.
    NotString,
    /// A boolean was required.
    NotBool,
    /// A number was required.
    NotNumber,
    /// Not an absolute IRI (a scheme, then no space).
    NotIri,
    /// Not a `mailto:` IRI.
    NotMailto,
    /// Not a UUID.
    NotUuid,
    /// Not 40 hexadecimal digits.
    NotSha1,
    /// Not an ISO 8601 timestamp.
    NotTimestamp,
    /// Not an ISO 8601 duration.
    NotDuration,
    /// Not an RFC 5646 language tag (map key).
    NotLanguageTag,
    /// `objectType` with a value not allowed here.
    BadObjectType,
    /// An agent or identified group without exactly one inverse functional identifier.
    IdentifierCount,
    /// An anonymous group without `member`.
    AnonymousGroupWithoutMembers,
    /// A group inside a group's members.
    GroupInGroup,
    /// `score.scaled` outside [-1, 1].
    ScaledOutOfRange,
    /// `score.raw` outside [min, max], or min not below max.
    RawOutOfRange,
    /// An `interactionType` the specification does not list.
    BadInteractionType,
    /// Two interaction components with the same id.
    DuplicateComponentId,
    /// A sub-statement inside a sub-statement.
    NestedSubStatement,
    /// A property a sub-statement must not have (`id`, `stored`, `version`, `authority`).
    ForbiddenInSubStatement(&'static str),
    /// `revision` or `platform` in the context of a statement whose object is not an activity.
    ContextNeedsActivity(&'static str),
    /// A `contextActivities` key other than parent, grouping, category, other.
    BadContextActivitiesKey,
    /// A version that does not start with `1.0.`.
    BadVersion,
}

/// A rule broken at a place of the statement (`object.definition.type`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XapiProblem {
    pub path: String,
    pub rule: XapiRule,
}

/// The problems of a statement, or of each statement of an array (paths
/// then start with `[i]`).
pub fn validate_statements(v: &Value) -> Vec<XapiProblem> {
    let mut c = Checker { problems: Vec::new() };
    match v {
        Value::Array(list) => {
            for (i, s) in list.iter().enumerate() {
                c.statement(s, &format!("[{i}]"), false);
            }
        }
        _ => c.statement(v, "", false),
    }
    c.problems
}

/// The problems of one statement.
pub fn validate_statement(v: &Value) -> Vec<XapiProblem> {
    let mut c = Checker { problems: Vec::new() };
    c.statement(v, "", false);
    c.problems
}

/// Best effort, as 2.2.s4.b6 allows: a scheme (a letter, then letters,
/// digits, `+`, `-`, `.`), a colon, then at least one character and no
/// space, control character or `<>"{}|\^` backtick.
pub fn is_absolute_iri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let mut sc = scheme.chars();
    let scheme_ok =
        sc.next().is_some_and(|c| c.is_ascii_alphabetic()) && sc.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    scheme_ok
        && !rest.is_empty()
        && !rest
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`'))
}

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36 && b.iter().enumerate().all(|(i, &c)| if matches!(i, 8 | 13 | 18 | 23) { c == b'-' } else { c.is_ascii_hexdigit() })
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// ISO 8601 combined date and time, extended format:
/// `AAAA-MM-JJThh:mm[:ss[.f…]]` then `Z`, `±hh:mm`, `±hhmm`, `±hh` or nothing
/// (local time, which ISO 8601 allows; 4.5.s1.b4 only recommends a zone).
pub fn is_iso8601_timestamp(s: &str) -> bool {
    let Some((date, time)) = s.split_once('T') else { return false };
    let mut d = date.split('-');
    let (Some(y), Some(m), Some(day), None) = (d.next(), d.next(), d.next(), d.next()) else { return false };
    let (Some(y), Some(m), Some(day)) = (digits(y, 4), digits(m, 2), digits(day, 2)) else { return false };
    if !(1..=12).contains(&m) || day == 0 || day > super::time::month_days(i64::from(y), m) {
        return false;
    }
    let (clock, zone) = match time.find(['Z', '+', '-']) {
        Some(i) => time.split_at(i),
        None => (time, ""),
    };
    let zone_ok = match zone {
        "" | "Z" => true,
        z => {
            let z = &z[1..];
            let (h, mm) = match z.len() {
                2 => (digits(z, 2), Some(0)),
                4 => (z.get(..2).and_then(|h| digits(h, 2)), z.get(2..).and_then(|m| digits(m, 2))),
                5 if z.as_bytes()[2] == b':' => (z.get(..2).and_then(|h| digits(h, 2)), z.get(3..).and_then(|m| digits(m, 2))),
                _ => (None, None),
            };
            matches!((h, mm), (Some(h), Some(mm)) if h <= 23 && mm <= 59)
        }
    };
    let (hms, fraction) = match clock.split_once(['.', ',']) {
        Some((hms, f)) => (hms, Some(f)),
        None => (clock, None),
    };
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let parts: Vec<&str> = hms.split(':').collect();
    let ok = match parts.as_slice() {
        [h, mi] => fraction.is_none() && matches!((digits(h, 2), digits(mi, 2)), (Some(h), Some(mi)) if h <= 24 && mi <= 59),
        // 60: a leap second.
        [h, mi, se] => {
            matches!((digits(h, 2), digits(mi, 2), digits(se, 2)), (Some(h), Some(mi), Some(se)) if h <= 24 && mi <= 59 && se <= 60)
        }
        _ => false,
    };
    ok && zone_ok
}

/// ISO 8601:2004 4.4.3.2: `P[nY][nM][nD][T[nH][nM][nS]]` with at least one
/// part, a `T` only before a time part, a decimal fraction only on the last
/// part, or `PnW` alone.
pub fn is_iso8601_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('P') else { return false };
    if let Some(w) = rest.strip_suffix('W') {
        return number_part(w).is_some();
    }
    let (date, time) = match rest.split_once('T') {
        Some((_, "")) => return false,
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let mut parts: Vec<bool> = Vec::new();
    if !units(date, &['Y', 'M', 'D'], &mut parts) || !time.is_none_or(|t| units(t, &['H', 'M', 'S'], &mut parts)) {
        return false;
    }
    // A fraction only on the last (lowest-order) part given.
    !parts.is_empty() && !parts[..parts.len() - 1].iter().any(|&fraction| fraction)
}

/// A non-negative number `n`, `n.n` or `n,n`: whether it has a fraction.
fn number_part(s: &str) -> Option<bool> {
    let (int, frac) = match s.split_once(['.', ',']) {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let int_ok = !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit());
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    (int_ok && frac_ok).then_some(frac.is_some())
}

/// Parts such as `3Y1M29D` with units in this order, each at most once.
fn units(s: &str, order: &[char], parts: &mut Vec<bool>) -> bool {
    let mut next = 0;
    let mut rest = s;
    while !rest.is_empty() {
        let Some(i) = rest.find(|c: char| c.is_ascii_alphabetic()) else { return false };
        let (num, tail) = rest.split_at(i);
        let Some(unit) = tail.chars().next() else { return false };
        let Some(k) = order.iter().skip(next).position(|&u| u == unit) else { return false };
        next += k + 1;
        let Some(fraction) = number_part(num) else { return false };
        parts.push(fraction);
        rest = &tail[unit.len_utf8()..];
    }
    true
}

/// Best effort, as 2.2.s4.b7 allows: subtags of 1 to 8 letters or digits
/// joined by `-`, the first of 2 to 8 letters (or `x` / `i` for private
/// and grandfathered tags).
fn is_language_tag(s: &str) -> bool {
    let mut tags = s.split('-');
    let first_ok = tags.next().is_some_and(|t| {
        ((2..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphabetic()))
            || t.eq_ignore_ascii_case("x")
            || t.eq_ignore_ascii_case("i")
    });
    first_ok && tags.all(|t| (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()))
}

const STATEMENT_KEYS: &[&str] = &[
    "id",
    "actor",
    "verb",
    "object",
    "result",
    "context",
    "timestamp",
    "stored",
    "authority",
    "version",
    "attachments",
    "objectType",
];
const AGENT_KEYS: &[&str] = &["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"];
const IFIS: &[&str] = &["mbox", "mbox_sha1sum", "openid", "account"];
const INTERACTION_TYPES: &[&str] =
    &["true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other"];
const COMPONENT_LISTS: &[&str] = &["choices", "scale", "source", "target", "steps"];

struct Checker {
    problems: Vec<XapiProblem>,
}

fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Checker {
    fn fail(&mut self, path: &str, rule: XapiRule) {
        self.problems.push(XapiProblem { path: path.to_string(), rule });
    }

    fn object<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            Value::Null => {
                self.fail(path, XapiRule::Null);
                None
            }
            _ => {
                self.fail(path, XapiRule::NotAnObject);
                None
            }
        }
    }

    /// Flags keys outside `allowed` and null values.
    fn keys(&mut self, m: &Map<String, Value>, path: &str, allowed: &[&str]) {
        for (k, v) in m {
            if !allowed.contains(&k.as_str()) {
                self.fail(&at(path, k), XapiRule::UnknownProperty(k.chars().take(60).collect()));
            } else if v.is_null() {
                self.fail(&at(path, k), XapiRule::Null);
            }
        }
    }

    fn string<'a>(&mut self, m: &'a Map<String, Value>, key: &str, path: &str) -> Option<&'a str> {
        match m.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(_) => {
                self.fail(&at(path, key), XapiRule::NotString);
                None
            }
        }
    }

    fn iri(&mut self, m: &Map<String, Value>, key: &str, path: &str) {
        if let Some(s) = self.string(m, key, path) {
            if !is_absolute_iri(s) {
                self.fail(&at(path, key), XapiRule::NotIri);
            }
        }
    }

    fn boolean(&mut self, m: &Map<String, Value>, key: &str, path: &str) {
        if let Some(v) = m.get(key) {
            if !v.is_boolean() && !v.is_null() {
                self.fail(&at(path, key), XapiRule::NotBool);
            }
        }
    }

    fn number(&mut self, m: &Map<String, Value>, key: &str, path: &str) -> Option<f64> {
        match m.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => n.as_f64(),
            Some(_) => {
                self.fail(&at(path, key), XapiRule::NotNumber);
                None
            }
        }
    }

    fn language_map(&mut self, m: &Map<String, Value>, key: &str, path: &str) {
        let Some(v) = m.get(key) else { return };
        let p = at(path, key);
        let Some(map) = self.object(v, &p) else { return };
        for (tag, text) in map {
            if !is_language_tag(tag) {
                self.fail(&at(&p, tag), XapiRule::NotLanguageTag);
            }
            if !text.is_string() {
                self.fail(&at(&p, tag), if text.is_null() { XapiRule::Null } else { XapiRule::NotString });
            }
        }
    }

    fn extensions(&mut self, m: &Map<String, Value>, path: &str) {
        let Some(v) = m.get("extensions") else { return };
        let p = at(path, "extensions");
        let Some(map) = self.object(v, &p) else { return };
        for k in map.keys() {
            if !is_absolute_iri(k) {
                self.fail(&at(&p, k), XapiRule::NotIri);
            }
        }
    }

    fn statement(&mut self, v: &Value, path: &str, sub: bool) {
        let Some(m) = self.object(v, path) else { return };
        self.keys(m, path, STATEMENT_KEYS);
        for key in ["actor", "verb", "object"] {
            if !m.contains_key(key) {
                self.fail(&at(path, key), XapiRule::Missing(key));
            }
        }
        if sub {
            for key in ["id", "stored", "version", "authority"] {
                if m.contains_key(key) {
                    self.fail(&at(path, key), XapiRule::ForbiddenInSubStatement(key));
                }
            }
            if self.string(m, "objectType", path) != Some("SubStatement") {
                self.fail(&at(path, "objectType"), XapiRule::BadObjectType);
            }
        } else if m.contains_key("objectType") {
            self.fail(&at(path, "objectType"), XapiRule::UnknownProperty("objectType".into()));
        }
        if let Some(id) = self.string(m, "id", path) {
            if !is_uuid(id) {
                self.fail(&at(path, "id"), XapiRule::NotUuid);
            }
        }
        if let Some(a) = m.get("actor") {
            self.actor(a, &at(path, "actor"), false);
        }
        if let Some(verb) = m.get("verb") {
            let p = at(path, "verb");
            if let Some(vm) = self.object(verb, &p) {
                self.keys(vm, &p, &["id", "display"]);
                if !vm.contains_key("id") {
                    self.fail(&at(&p, "id"), XapiRule::Missing("id"));
                }
                self.iri(vm, "id", &p);
                self.language_map(vm, "display", &p);
            }
        }
        let mut object_is_activity = false;
        if let Some(o) = m.get("object") {
            object_is_activity = self.statement_object(o, &at(path, "object"), sub);
        }
        if let Some(r) = m.get("result") {
            self.result(r, &at(path, "result"));
        }
        if let Some(c) = m.get("context") {
            self.context(c, &at(path, "context"), object_is_activity);
        }
        for key in ["timestamp", "stored"] {
            if let Some(t) = self.string(m, key, path) {
                if !is_iso8601_timestamp(t) {
                    self.fail(&at(path, key), XapiRule::NotTimestamp);
                }
            }
        }
        if let Some(a) = m.get("authority") {
            self.actor(a, &at(path, "authority"), false);
        }
        if let Some(version) = self.string(m, "version", path) {
            let ok = version.strip_prefix("1.0.").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                self.fail(&at(path, "version"), XapiRule::BadVersion);
            }
        }
        if let Some(list) = m.get("attachments") {
            self.attachments(list, &at(path, "attachments"));
        }
    }

    /// An Agent or a Group (`as_object`: the statement's object, where
    /// `objectType` is required).
    fn actor(&mut self, v: &Value, path: &str, as_object: bool) {
        let Some(m) = self.object(v, path) else { return };
        self.keys(m, path, AGENT_KEYS);
        let kind = self.string(m, "objectType", path);
        if as_object && kind.is_none() {
            self.fail(&at(path, "objectType"), XapiRule::Missing("objectType"));
        }
        let group = match kind {
            None | Some("Agent") => false,
            Some("Group") => true,
            Some(_) => {
                self.fail(&at(path, "objectType"), XapiRule::BadObjectType);
                return;
            }
        };
        self.string(m, "name", path);
        let ifis = IFIS.iter().filter(|k| m.contains_key(**k)).count();
        if let Some(mbox) = self.string(m, "mbox", path) {
            if !mbox.strip_prefix("mailto:").is_some_and(|a| a.contains('@') && !a.contains(char::is_whitespace)) {
                self.fail(&at(path, "mbox"), XapiRule::NotMailto);
            }
        }
        if let Some(sha) = self.string(m, "mbox_sha1sum", path) {
            if sha.len() != 40 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
                self.fail(&at(path, "mbox_sha1sum"), XapiRule::NotSha1);
            }
        }
        self.iri(m, "openid", path);
        if let Some(acc) = m.get("account") {
            let p = at(path, "account");
            if let Some(am) = self.object(acc, &p) {
                self.keys(am, &p, &["homePage", "name"]);
                for key in ["homePage", "name"] {
                    if !am.contains_key(key) {
                        self.fail(&at(&p, key), XapiRule::Missing(key));
                    }
                }
                self.iri(am, "homePage", &p);
                self.string(am, "name", &p);
            }
        }
        if !group {
            if m.contains_key("member") {
                self.fail(&at(path, "member"), XapiRule::UnknownProperty("member".into()));
            }
            if ifis != 1 {
                self.fail(path, XapiRule::IdentifierCount);
            }
            return;
        }
        match m.get("member") {
            None if ifis == 0 => self.fail(path, XapiRule::AnonymousGroupWithoutMembers),
            None => {}
            Some(Value::Array(members)) => {
                for (i, member) in members.iter().enumerate() {
                    let p = format!("{}[{i}]", at(path, "member"));
                    if member.get("objectType").and_then(Value::as_str) == Some("Group") {
                        self.fail(&p, XapiRule::GroupInGroup);
                    } else {
                        self.actor(member, &p, false);
                    }
                }
            }
            Some(_) => self.fail(&at(path, "member"), XapiRule::NotAnArray),
        }
        if ifis > 1 {
            self.fail(path, XapiRule::IdentifierCount);
        }
    }

    /// The statement's object; whether it is an Activity.
    fn statement_object(&mut self, v: &Value, path: &str, in_sub: bool) -> bool {
        let Some(m) = self.object(v, path) else { return false };
        let kind = match m.get("objectType") {
            None => None,
            Some(Value::String(s)) => Some(s.as_str()),
            Some(_) => Some(""),
        };
        match kind {
            None | Some("Activity") => {
                self.activity(m, path);
                true
            }
            Some("Agent" | "Group") => {
                self.actor(v, path, true);
                false
            }
            Some("StatementRef") => {
                self.keys(m, path, &["objectType", "id"]);
                match self.string(m, "id", path) {
                    Some(id) if is_uuid(id) => {}
                    Some(_) => self.fail(&at(path, "id"), XapiRule::NotUuid),
                    None => self.fail(&at(path, "id"), XapiRule::Missing("id")),
                }
                false
            }
            Some("SubStatement") => {
                if in_sub {
                    self.fail(path, XapiRule::NestedSubStatement);
                } else {
                    self.statement(v, path, true);
                }
                false
            }
            Some(_) => {
                self.fail(&at(path, "objectType"), XapiRule::BadObjectType);
                false
            }
        }
    }

    fn activity(&mut self, m: &Map<String, Value>, path: &str) {
        self.keys(m, path, &["objectType", "id", "definition"]);
        if !m.contains_key("id") {
            self.fail(&at(path, "id"), XapiRule::Missing("id"));
        }
        self.iri(m, "id", path);
        if let Some(d) = m.get("definition") {
            self.definition(d, &at(path, "definition"));
        }
    }

    fn definition(&mut self, v: &Value, path: &str) {
        let Some(d) = self.object(v, path) else { return };
        let mut allowed = vec!["name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern"];
        allowed.extend_from_slice(COMPONENT_LISTS);
        self.keys(d, path, &allowed);
        self.language_map(d, "name", path);
        self.language_map(d, "description", path);
        self.iri(d, "type", path);
        self.iri(d, "moreInfo", path);
        self.extensions(d, path);
        if let Some(t) = self.string(d, "interactionType", path) {
            if !INTERACTION_TYPES.contains(&t) {
                self.fail(&at(path, "interactionType"), XapiRule::BadInteractionType);
            }
        }
        if let Some(p) = d.get("correctResponsesPattern") {
            let p_path = at(path, "correctResponsesPattern");
            match p {
                Value::Array(list) => {
                    for (i, s) in list.iter().enumerate() {
                        if !s.is_string() {
                            self.fail(&format!("{p_path}[{i}]"), XapiRule::NotString);
                        }
                    }
                }
                _ => self.fail(&p_path, XapiRule::NotAnArray),
            }
        }
        for key in COMPONENT_LISTS {
            let Some(list) = d.get(*key) else { continue };
            let lp = at(path, key);
            let Value::Array(list) = list else {
                self.fail(&lp, XapiRule::NotAnArray);
                continue;
            };
            let mut seen: Vec<&str> = Vec::new();
            for (i, c) in list.iter().enumerate() {
                let cp = format!("{lp}[{i}]");
                let Some(cm) = self.object(c, &cp) else { continue };
                self.keys(cm, &cp, &["id", "description"]);
                match self.string(cm, "id", &cp) {
                    Some(id) if seen.contains(&id) => self.fail(&at(&cp, "id"), XapiRule::DuplicateComponentId),
                    Some(id) => seen.push(id),
                    None => self.fail(&at(&cp, "id"), XapiRule::Missing("id")),
                }
                self.language_map(cm, "description", &cp);
            }
        }
    }

    fn result(&mut self, v: &Value, path: &str) {
        let Some(m) = self.object(v, path) else { return };
        self.keys(m, path, &["score", "success", "completion", "response", "duration", "extensions"]);
        self.boolean(m, "success", path);
        self.boolean(m, "completion", path);
        self.string(m, "response", path);
        if let Some(d) = self.string(m, "duration", path) {
            if !is_iso8601_duration(d) {
                self.fail(&at(path, "duration"), XapiRule::NotDuration);
            }
        }
        self.extensions(m, path);
        if let Some(s) = m.get("score") {
            let p = at(path, "score");
            let Some(sm) = self.object(s, &p) else { return };
            self.keys(sm, &p, &["scaled", "raw", "min", "max"]);
            if let Some(scaled) = self.number(sm, "scaled", &p) {
                if !(-1.0..=1.0).contains(&scaled) {
                    self.fail(&at(&p, "scaled"), XapiRule::ScaledOutOfRange);
                }
            }
            let (raw, min, max) = (self.number(sm, "raw", &p), self.number(sm, "min", &p), self.number(sm, "max", &p));
            let below_min = matches!((raw, min), (Some(r), Some(lo)) if r < lo);
            let above_max = matches!((raw, max), (Some(r), Some(hi)) if r > hi);
            let min_max = matches!((min, max), (Some(lo), Some(hi)) if lo >= hi);
            if below_min || above_max || min_max {
                self.fail(&p, XapiRule::RawOutOfRange);
            }
        }
    }

    fn context(&mut self, v: &Value, path: &str, object_is_activity: bool) {
        let Some(m) = self.object(v, path) else { return };
        self.keys(
            m,
            path,
            &[
                "registration",
                "instructor",
                "team",
                "contextActivities",
                "revision",
                "platform",
                "language",
                "statement",
                "extensions",
            ],
        );
        if let Some(r) = self.string(m, "registration", path) {
            if !is_uuid(r) {
                self.fail(&at(path, "registration"), XapiRule::NotUuid);
            }
        }
        if let Some(i) = m.get("instructor") {
            self.actor(i, &at(path, "instructor"), false);
        }
        if let Some(t) = m.get("team") {
            let p = at(path, "team");
            if t.get("objectType").and_then(Value::as_str) != Some("Group") {
                self.fail(&at(&p, "objectType"), XapiRule::BadObjectType);
            }
            self.actor(t, &p, false);
        }
        for key in ["revision", "platform"] {
            if m.contains_key(key) {
                self.string(m, key, path);
                if !object_is_activity {
                    self.fail(&at(path, key), XapiRule::ContextNeedsActivity(key));
                }
            }
        }
        if let Some(lang) = self.string(m, "language", path) {
            if !is_language_tag(lang) {
                self.fail(&at(path, "language"), XapiRule::NotLanguageTag);
            }
        }
        if let Some(s) = m.get("statement") {
            let p = at(path, "statement");
            if s.get("objectType").and_then(Value::as_str) != Some("StatementRef") {
                self.fail(&at(&p, "objectType"), XapiRule::BadObjectType);
            } else {
                self.statement_object(s, &p, true);
            }
        }
        self.extensions(m, path);
        if let Some(ca) = m.get("contextActivities") {
            let p = at(path, "contextActivities");
            let Some(cm) = self.object(ca, &p) else { return };
            for (k, v) in cm {
                let kp = at(&p, k);
                if !matches!(k.as_str(), "parent" | "grouping" | "category" | "other") {
                    self.fail(&kp, XapiRule::BadContextActivitiesKey);
                    continue;
                }
                let list: Vec<&Value> = match v {
                    Value::Array(a) => a.iter().collect(),
                    other => vec![other],
                };
                for (i, a) in list.into_iter().enumerate() {
                    let ap = format!("{kp}[{i}]");
                    let Some(am) = self.object(a, &ap) else { continue };
                    match am.get("objectType").and_then(Value::as_str) {
                        None | Some("Activity") => self.activity(am, &ap),
                        Some(_) => self.fail(&at(&ap, "objectType"), XapiRule::BadObjectType),
                    }
                }
            }
        }
    }

    fn attachments(&mut self, v: &Value, path: &str) {
        let Value::Array(list) = v else {
            self.fail(path, XapiRule::NotAnArray);
            return;
        };
        for (i, a) in list.iter().enumerate() {
            let p = format!("{path}[{i}]");
            let Some(m) = self.object(a, &p) else { continue };
            self.keys(m, &p, &["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"]);
            for key in ["usageType", "display", "contentType", "length", "sha2"] {
                if !m.contains_key(key) {
                    self.fail(&at(&p, key), XapiRule::Missing(key));
                }
            }
            self.iri(m, "usageType", &p);
            self.language_map(m, "display", &p);
            self.language_map(m, "description", &p);
            self.string(m, "contentType", &p);
            self.string(m, "sha2", &p);
            self.iri(m, "fileUrl", &p);
            if m.get("length").is_some_and(|l| !l.is_u64()) {
                self.fail(&at(&p, "length"), XapiRule::NotNumber);
            }
        }
    }
}
