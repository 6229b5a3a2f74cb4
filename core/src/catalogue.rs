//! The catalogue of lessons as the app shows it: filtering by audience,
//! competence and search words, grouping by theme and module, and neighbours
//! in a module. Pure functions over the compiled index; the app only lays the
//! result out. (A lesson's body comes cut at its activities from the
//! compiler, `CompiledLesson::body`; its URLs are rebased by
//! `SafeHtml::rebase_urls`.)

use crate::frameworks;
use crate::lesson::model::{Audience, LessonIndex, LessonSummary, Module, Theme};
use crate::text::loose_form;

/// What the learner filters the catalogue by. Each field is one query
/// parameter of `/parcours` (`public`, `competence`, `q`), so a filtered
/// catalogue is a link (the competency page uses it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub audience: Option<Audience>,
    /// A CRCN competence code (`"2.2"`) or an EMI code (`"EMI3"`).
    pub competence: Option<String>,
    /// Free words, matched against title, summary and keywords.
    pub query: String,
}

impl Filter {
    /// Reads the query parameters; unknown or malformed values are ignored.
    pub fn from_params<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Filter {
        Filter {
            audience: get("public").and_then(Audience::parse),
            competence: get("competence")
                .map(str::trim)
                .filter(|c| !c.is_empty() && c.len() <= 12 && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '.'))
                .map(str::to_string),
            query: get("q").map(|q| q.chars().take(100).collect()).unwrap_or_default(),
        }
    }

    /// The query string for this filter (`"public=cycle4&q=licence"`), empty when nothing is filtered.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(a) = self.audience {
            parts.push(format!("public={}", a.as_str()));
        }
        if let Some(c) = &self.competence {
            parts.push(format!("competence={}", encode(c)));
        }
        if !self.query.trim().is_empty() {
            parts.push(format!("q={}", encode(self.query.trim())));
        }
        parts.join("&")
    }

    pub fn is_empty(&self) -> bool {
        self.audience.is_none() && self.competence.is_none() && self.query.trim().is_empty()
    }

    /// Whether a lesson passes the filter.
    pub fn matches(&self, lesson: &LessonSummary) -> bool {
        if self.audience.is_some_and(|a| a != lesson.header.audience) {
            return false;
        }
        if let Some(c) = &self.competence {
            let in_crcn = lesson.header.crcn.iter().any(|r| &r.code == c);
            // An EMI goal matches its items too (`EMI3` finds `EMI3.2`); old
            // ids are resolved (`EMI1.8` is found by `EMI2`, not `EMI1`).
            let in_emi = frameworks::emi(c).is_some_and(|want| {
                lesson
                    .header
                    .emi
                    .iter()
                    .filter_map(|e| frameworks::emi(e))
                    .any(|have| have.id() == want.id() || matches!(want, frameworks::EmiRef::Goal(g) if have.goal().id == g.id))
            });
            if !in_crcn && !in_emi {
                return false;
            }
        }
        let words: Vec<String> = loose_form(&self.query).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
        if words.is_empty() {
            return true;
        }
        let haystack = loose_form(&format!("{} {} {}", lesson.header.title, lesson.header.summary, lesson.header.keywords.join(" ")));
        words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

/// Percent-encodes a query value (UTF-8 bytes outside unreserved characters).
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A theme and its modules, for display.
#[derive(Debug, PartialEq)]
pub struct ThemeGroup<'a> {
    pub theme: &'a Theme,
    pub modules: Vec<ModuleGroup<'a>>,
}

/// A module and its lessons that pass the filter, in order.
#[derive(Debug, PartialEq)]
pub struct ModuleGroup<'a> {
    pub module: &'a Module,
    pub lessons: Vec<&'a LessonSummary>,
}

/// The catalogue grouped by theme then module (the order of `modules.toml`),
/// lessons sorted by their `order`; empty modules and themes are left out.
pub fn group<'a>(index: &'a LessonIndex, filter: &Filter) -> Vec<ThemeGroup<'a>> {
    index
        .themes
        .iter()
        .filter_map(|theme| {
            let modules: Vec<ModuleGroup<'a>> = index
                .modules
                .iter()
                .filter(|m| m.theme == theme.id)
                .filter_map(|module| {
                    let mut lessons: Vec<&LessonSummary> =
                        index.lessons.iter().filter(|l| l.header.module == module.id && filter.matches(l)).collect();
                    lessons.sort_by(|a, b| (a.header.order, &a.header.id).cmp(&(b.header.order, &b.header.id)));
                    (!lessons.is_empty()).then_some(ModuleGroup { module, lessons })
                })
                .collect();
            (!modules.is_empty()).then_some(ThemeGroup { theme, modules })
        })
        .collect()
}

/// How many lessons pass the filter.
pub fn count(index: &LessonIndex, filter: &Filter) -> usize {
    index.lessons.iter().filter(|l| filter.matches(l)).count()
}

/// The CRCN codes used by at least one lesson, in framework order.
pub fn crcn_codes_used(index: &LessonIndex) -> Vec<&'static str> {
    crate::frameworks::crcn_competences()
        .map(|c| c.code)
        .filter(|code| index.lessons.iter().any(|l| l.header.crcn.iter().any(|r| r.code == *code)))
        .collect()
}

/// The lessons before and after `id` in its module.
pub fn neighbours<'a>(index: &'a LessonIndex, id: &str) -> (Option<&'a LessonSummary>, Option<&'a LessonSummary>) {
    let Some(me) = index.lessons.iter().find(|l| l.header.id == id) else {
        return (None, None);
    };
    let mut same: Vec<&LessonSummary> = index.lessons.iter().filter(|l| l.header.module == me.header.module).collect();
    same.sort_by(|a, b| (a.header.order, &a.header.id).cmp(&(b.header.order, &b.header.id)));
    let pos = same.iter().position(|l| l.header.id == id).unwrap_or(0);
    let prev = pos.checked_sub(1).and_then(|p| same.get(p)).copied();
    (prev, same.get(pos + 1).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::model::{CrcnRef, LessonHeader};

    fn lesson(id: &str, module: &str, order: u32, audience: Audience, crcn: &[&str], emi: &[&str], kw: &[&str]) -> LessonSummary {
        LessonSummary {
            header: LessonHeader {
                id: id.into(),
                title: format!("Leçon {id}"),
                summary: "Un résumé".into(),
                module: module.into(),
                order,
                keywords: kw.iter().map(|s| s.to_string()).collect(),
                audience,
                duration: 20,
                crcn: crcn.iter().map(|c| CrcnRef { code: c.to_string(), level: 2 }).collect(),
                emi: emi.iter().map(|s| s.to_string()).collect(),
            },
            activity_count: 0,
            activities: vec![],
        }
    }

    fn index() -> LessonIndex {
        LessonIndex {
            lessons: vec![
                lesson("b", "m1", 2, Audience::Cycle4, &["2.2"], &["EMI3.2"], &["Licence"]),
                lesson("a", "m1", 1, Audience::Cycle3, &["3.3"], &[], &["Droit d’auteur"]),
                lesson("c", "m2", 1, Audience::Lycee, &["2.2", "3.3"], &["EMI4"], &["Wikimédia"]),
            ],
            modules: vec![
                Module { id: "m1".into(), theme: "t1".into(), title: "M1".into(), summary: String::new() },
                Module { id: "m2".into(), theme: "t2".into(), title: "M2".into(), summary: String::new() },
                Module { id: "vide".into(), theme: "t1".into(), title: "Vide".into(), summary: String::new() },
            ],
            themes: vec![Theme { id: "t1".into(), title: "T1".into() }, Theme { id: "t2".into(), title: "T2".into() }],
            evidence: vec![],
        }
    }

    fn ids(groups: &[ThemeGroup]) -> Vec<Vec<Vec<String>>> {
        groups.iter().map(|t| t.modules.iter().map(|m| m.lessons.iter().map(|l| l.header.id.clone()).collect()).collect()).collect()
    }

    #[test]
    fn filters() {
        let idx = index();
        let cases: &[(Filter, &[&str])] = &[
            (Filter::default(), &["a", "b", "c"]),
            (Filter { audience: Some(Audience::Cycle4), ..Default::default() }, &["b"]),
            (Filter { competence: Some("3.3".into()), ..Default::default() }, &["a", "c"]),
            (Filter { competence: Some("EMI3".into()), ..Default::default() }, &["b"]),
            (Filter { competence: Some("EMI4".into()), ..Default::default() }, &["c"]),
            (Filter { query: "licence".into(), ..Default::default() }, &["b"]),
            (Filter { query: "WIKIMEDIA".into(), ..Default::default() }, &["c"]),
            (Filter { query: "droit d'auteur".into(), ..Default::default() }, &["a"]),
            (Filter { query: "leçon résumé".into(), ..Default::default() }, &["a", "b", "c"]),
            (Filter { query: "introuvable".into(), ..Default::default() }, &[]),
            (Filter { audience: Some(Audience::Lycee), competence: Some("2.2".into()), query: "lecon".into() }, &["c"]),
        ];
        for (f, want) in cases {
            let got: Vec<&str> = idx.lessons.iter().filter(|l| f.matches(l)).map(|l| l.header.id.as_str()).collect();
            let mut got = got;
            got.sort();
            assert_eq!(&got, want, "{f:?}");
            assert_eq!(count(&idx, f), want.len());
        }
    }

    /// An index written before EMI1.8 became EMI2.4: the lesson is found
    /// under what the old id means now.
    #[test]
    fn old_emi_ids_filter_as_what_they_mean_now() {
        let old = lesson("d", "m2", 2, Audience::Cycle4, &[], &["EMI1.8", "EMI4.3"], &[]);
        for (code, found) in
            [("EMI2", true), ("EMI2.4", true), ("EMI1.8", true), ("EMI4", true), ("EMI1", false), ("EMI2.5", false), ("EMI4.1", false)]
        {
            let f = Filter { competence: Some(code.into()), ..Default::default() };
            assert_eq!(f.matches(&old), found, "{code}");
        }
    }

    #[test]
    fn groups_by_theme_and_module_in_order_without_empty_ones() {
        let idx = index();
        assert_eq!(ids(&group(&idx, &Filter::default())), vec![vec![vec!["a", "b"]], vec![vec!["c"]]]);
        let f = Filter { audience: Some(Audience::Lycee), ..Default::default() };
        let g = group(&idx, &f);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].theme.id, "t2");
    }

    #[test]
    fn query_round_trip() {
        let f = Filter { audience: Some(Audience::Cycle4), competence: Some("2.2".into()), query: "droit d’auteur".into() };
        let q = f.to_query();
        assert!(q.starts_with("public=cycle4&competence=2.2&q=droit+d%E2%80%99auteur"), "{q}");
        assert_eq!(Filter::default().to_query(), "");
        let params = [("public", "cycle4"), ("competence", "2.2"), ("q", "droit d’auteur")];
        let back = Filter::from_params(|k| params.iter().find(|(n, _)| *n == k).map(|(_, v)| *v));
        assert_eq!(back, f);
    }

    #[test]
    fn hostile_params_are_ignored() {
        let params = [("public", "cycle9"), ("competence", "<script>"), ("q", &*"x".repeat(500))];
        let f = Filter::from_params(|k| params.iter().find(|(n, _)| *n == k).map(|(_, v)| *v));
        assert_eq!(f.audience, None);
        assert_eq!(f.competence, None);
        assert_eq!(f.query.chars().count(), 100);
    }

    #[test]
    fn neighbours_in_a_module() {
        let idx = index();
        let (p, n) = neighbours(&idx, "a");
        assert_eq!((p.map(|l| l.header.id.as_str()), n.map(|l| l.header.id.as_str())), (None, Some("b")));
        let (p, n) = neighbours(&idx, "b");
        assert_eq!((p.map(|l| l.header.id.as_str()), n.map(|l| l.header.id.as_str())), (Some("a"), None));
        assert_eq!(neighbours(&idx, "c"), (None, None));
        assert_eq!(neighbours(&idx, "nope"), (None, None));
    }
}
