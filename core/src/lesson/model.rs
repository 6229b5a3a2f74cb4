//! The compiled lesson model: plain data, serialised as JSON by the build
//! (`lecons/index.json` and `lecons/<id>.json`) and read by the app. It is
//! always compiled (no Markdown or TOML parser needed to use it). Every piece
//! of HTML in it is a [`SafeHtml`], produced by the lesson compiler;
//! [`CompiledLesson::safe_html`] lists them all.

use serde::{Deserialize, Serialize};

pub use super::html::SafeHtml;

/// The audience of a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// CM1 – 6e.
    Cycle3,
    /// 5e – 3e.
    Cycle4,
    /// Lycée.
    Lycee,
}

impl Audience {
    /// The value written in the front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Cycle3 => "cycle3",
            Audience::Cycle4 => "cycle4",
            Audience::Lycee => "lycee",
        }
    }
    /// Parses the front matter value.
    pub fn parse(s: &str) -> Option<Audience> {
        match s {
            "cycle3" => Some(Audience::Cycle3),
            "cycle4" => Some(Audience::Cycle4),
            "lycee" => Some(Audience::Lycee),
            _ => None,
        }
    }
}

/// A CRCN competence and level (`{"code":"2.2","level":2}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrcnRef {
    pub code: String,
    pub level: u8,
}

/// A theme (group of modules) from `lessons/modules.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub title: String,
}

/// A module (group of lessons) from `lessons/modules.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    pub id: String,
    pub theme: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
}

/// `lecons/index.json`: every published lesson, plus modules and themes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonIndex {
    pub lessons: Vec<LessonSummary>,
    pub modules: Vec<Module>,
    pub themes: Vec<Theme>,
    /// What each published activity is evidence of (CRCN, EMI), so that the
    /// app computes a competency profile without downloading every lesson.
    #[serde(default)]
    pub evidence: Vec<crate::competency::ActivityEvidence>,
}

/// A lesson id that is no longer a lesson (`[[lecons-retirees]]` of
/// `lessons/modules.toml`): its address keeps an entry page that leads to
/// the lesson that took its place, so bookmarks and QR codes keep working.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetiredLesson {
    /// The old id (no lesson has it any more).
    pub id: String,
    /// The published lesson it leads to.
    pub to: String,
    /// A heading of that lesson (without `#`), if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

impl RetiredLesson {
    /// The address of the new place, relative to the app's base
    /// (`lecon/nouvel-id/#partie`).
    pub fn target_path(&self) -> String {
        match &self.anchor {
            Some(a) => format!("lecon/{}/#{a}", self.to),
            None => format!("lecon/{}/", self.to),
        }
    }
}

/// What both the index and the lesson itself say about a lesson (flattened
/// in their JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonHeader {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub module: String,
    pub order: u32,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub audience: Audience,
    /// Minutes.
    pub duration: u16,
    #[serde(default)]
    pub crcn: Vec<CrcnRef>,
    #[serde(default)]
    pub emi: Vec<String>,
}

/// What the index says about one lesson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonSummary {
    #[serde(flatten)]
    pub header: LessonHeader,
    /// Number of activities (= `activities.len()`).
    pub activity_count: usize,
    /// Activity ids, in lesson order.
    #[serde(default)]
    pub activities: Vec<String>,
}

/// An entry of the lesson's table of contents (a `##`/`###` heading).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The `id` attribute of the heading in `html` (anchor without `#`).
    pub id: String,
    /// Plain text of the heading.
    pub title: String,
    /// 1 to 6 (normally 2 or 3).
    pub level: u8,
}

/// A glossary entry (from `lessons/glossaire.toml`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub term: String,
    /// Plain text.
    pub definition: String,
}

/// A source of the lesson.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// The credit of an image used in the lesson.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageCredit {
    /// The URL as emitted in `html` (`lecons/images/…`).
    pub src: String,
    /// Alternative text (empty for a decorative image).
    pub alt: String,
    pub author: String,
    pub licence: String,
    pub source: String,
}

/// A piece of a lesson's body, in order: HTML, or the place of an activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Segment {
    /// Whole blocks of the text (an activity stands at the top level of the
    /// text, never inside a list or a callout).
    Html(SafeHtml),
    /// The activity with this id (in [`CompiledLesson::activities`]).
    Activity { id: String },
}

/// `lecons/<id>.json`: one compiled, validated, sanitised lesson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompiledLesson {
    #[serde(flatten)]
    pub header: LessonHeader,
    pub language: String,
    pub licence: String,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub objectives: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// Table of contents (headings of the body, in order).
    pub sections: Vec<Section>,
    /// The sanitised body: HTML cut where each activity goes.
    #[serde(default)]
    pub body: Vec<Segment>,
    /// The live activities, in lesson order (each has its place in `body`).
    pub activities: Vec<Activity>,
    /// The retired activities (`retiree : oui`), in lesson order: compiled
    /// and checked like the others, so their expected answers stay, but
    /// never shown, counted or walked; they remain in the evidence
    /// catalogue so that old attempts keep counting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired_activities: Vec<Activity>,
    /// Inner HTML of each `a-retenir` callout, in order.
    #[serde(default)]
    pub a_retenir: Vec<SafeHtml>,
    /// Glossary entries used by this lesson, in order of first use.
    #[serde(default)]
    pub glossary: Vec<GlossaryEntry>,
    pub sources: Vec<Source>,
    /// Credits of the images, in order of appearance.
    #[serde(default)]
    pub credits: Vec<ImageCredit>,
}

impl CompiledLesson {
    /// The index entry for this lesson.
    pub fn summary_entry(&self) -> LessonSummary {
        LessonSummary {
            header: self.header.clone(),
            activity_count: self.activities.len(),
            activities: self.activities.iter().map(|a| a.id.clone()).collect(),
        }
    }

    /// The live activity with this id.
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    /// The activity with this id, live or retired (what an old attempt may
    /// refer to).
    pub fn any_activity(&self, id: &str) -> Option<&Activity> {
        self.activity(id).or_else(|| self.retired_activities.iter().find(|a| a.id == id))
    }

    /// The body as one piece of HTML for reading (what `lessons render`
    /// prints): each activity is a visible line,
    /// `<p class="apercu-activite">[activite choix-unique id=q1]</p>`.
    pub fn body_preview(&self) -> String {
        let mut out = String::new();
        for seg in &self.body {
            match seg {
                Segment::Html(h) => out.push_str(h.as_str()),
                Segment::Activity { id } => {
                    let kind = self.activity(id).map(|a| a.kind.activity_type().as_str()).unwrap_or("?");
                    let id = SafeHtml::escape(id);
                    out.push_str(&format!("<p class=\"apercu-activite\">[activite {kind} id={}]</p>\n", id.as_str()));
                }
            }
        }
        out
    }

    /// Every piece of HTML of the lesson: its body, « À retenir » and every
    /// HTML field of every activity, so that a check over them all (the fuzz
    /// test) cannot forget one.
    pub fn safe_html(&self) -> Vec<&SafeHtml> {
        let mut out: Vec<&SafeHtml> = Vec::new();
        for seg in &self.body {
            match seg {
                Segment::Html(h) => out.push(h),
                Segment::Activity { .. } => {}
            }
        }
        out.extend(&self.a_retenir);
        for a in self.activities.iter().chain(&self.retired_activities) {
            a.push_safe_html(&mut out);
        }
        out
    }
}

/// Default number of attempts before the solution is shown.
pub const DEFAULT_ATTEMPTS: u8 = 2;

fn default_attempts() -> u8 {
    DEFAULT_ATTEMPTS
}

/// One activity of a lesson: the common fields, then the type-specific ones
/// (flattened in JSON, with `"type": "choix-unique"` etc.).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: String,
    /// Statement (inline HTML). May be empty for `texte-a-trous` and `scenario`.
    #[serde(default, skip_serializing_if = "SafeHtml::is_empty")]
    pub question: SafeHtml,
    /// Competences and levels this activity is evidence of (never for
    /// participation types).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crcn: Vec<CrcnRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emi: Vec<String>,
    /// General explanation shown after answering (HTML), may be empty.
    #[serde(default, skip_serializing_if = "SafeHtml::is_empty")]
    pub explanation: SafeHtml,
    /// Hints (inline HTML), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<SafeHtml>,
    /// Attempts before the solution is shown (default 2).
    #[serde(default = "default_attempts")]
    pub attempts: u8,
    /// `retiree : oui`: kept for old attempts, never shown (then the
    /// activity is in [`CompiledLesson::retired_activities`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
    /// `remplacee-par :` the live activity of the same lesson that replaces
    /// this retired one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<String>,
    #[serde(flatten)]
    pub kind: ActivityKind,
}

impl Activity {
    /// `true` for sondage, nuage-de-mots and remue-meninges.
    pub fn participation_only(&self) -> bool {
        self.kind.participation_only()
    }

    /// Appends every HTML field of the activity to `out`.
    fn push_safe_html<'a>(&'a self, out: &mut Vec<&'a SafeHtml>) {
        out.push(&self.question);
        out.push(&self.explanation);
        out.extend(&self.hints);
        match &self.kind {
            ActivityKind::ChoixUnique { choices } | ActivityKind::ChoixMultiples { choices } => {
                for c in choices {
                    out.push(&c.html);
                    out.extend(&c.feedback);
                }
            }
            ActivityKind::TexteATrous { parts, .. } => {
                for p in parts {
                    match p {
                        TextPart::Text { html } => out.push(html),
                        TextPart::Gap { .. } | TextPart::List { .. } => {}
                    }
                }
            }
            ActivityKind::Appariement { pairs } => {
                for p in pairs {
                    out.push(&p.left);
                    out.push(&p.right);
                }
            }
            ActivityKind::RemiseEnOrdre { items } => out.extend(items),
            ActivityKind::Sondage { options } => out.extend(options),
            ActivityKind::Scenario { nodes } => {
                for n in nodes {
                    out.push(&n.html);
                    for c in &n.choices {
                        out.push(&c.html);
                        out.extend(&c.feedback);
                    }
                }
            }
            ActivityKind::VraiFaux { .. }
            | ActivityKind::ReponseCourte { .. }
            | ActivityKind::NuageDeMots { .. }
            | ActivityKind::RemueMeninges { .. } => {}
        }
    }
}

/// The type-specific part of an activity. Its `"type"` in JSON is the
/// variant's name in kebab case, the same as [`ActivityType::as_str`] (the
/// compiler tests check it for every type).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ActivityKind {
    ChoixUnique {
        choices: Vec<Choice>,
    },
    ChoixMultiples {
        choices: Vec<Choice>,
    },
    VraiFaux {
        answer: bool,
    },
    ReponseCourte {
        /// Accepted answers as written by the author (compare with
        /// [`crate::lesson::scoring`], which normalises).
        answers: Vec<String>,
        /// `faute-permise : oui`.
        #[serde(default)]
        typo: bool,
    },
    TexteATrous {
        parts: Vec<TextPart>,
        #[serde(default)]
        typo: bool,
    },
    Appariement {
        pairs: Vec<Pair>,
    },
    RemiseEnOrdre {
        /// Items (inline HTML) in the right order.
        items: Vec<SafeHtml>,
    },
    Sondage {
        /// Options (inline HTML).
        options: Vec<SafeHtml>,
    },
    NuageDeMots {
        /// How many words a learner may give (1 to 10, default 3).
        words: u8,
    },
    RemueMeninges {
        /// Optional categories (plain text).
        #[serde(default)]
        categories: Vec<String>,
    },
    Scenario {
        /// Situations; the first is the start.
        nodes: Vec<ScenarioNode>,
    },
}

impl ActivityKind {
    /// The type of this activity.
    pub fn activity_type(&self) -> ActivityType {
        match self {
            ActivityKind::ChoixUnique { .. } => ActivityType::ChoixUnique,
            ActivityKind::ChoixMultiples { .. } => ActivityType::ChoixMultiples,
            ActivityKind::VraiFaux { .. } => ActivityType::VraiFaux,
            ActivityKind::ReponseCourte { .. } => ActivityType::ReponseCourte,
            ActivityKind::TexteATrous { .. } => ActivityType::TexteATrous,
            ActivityKind::Appariement { .. } => ActivityType::Appariement,
            ActivityKind::RemiseEnOrdre { .. } => ActivityType::RemiseEnOrdre,
            ActivityKind::Sondage { .. } => ActivityType::Sondage,
            ActivityKind::NuageDeMots { .. } => ActivityType::NuageDeMots,
            ActivityKind::RemueMeninges { .. } => ActivityType::RemueMeninges,
            ActivityKind::Scenario { .. } => ActivityType::Scenario,
        }
    }

    /// `true` for the participation types (no right answer, never evidence).
    pub fn participation_only(&self) -> bool {
        self.activity_type().participation_only()
    }
}

/// Declares [`ActivityType`] and its [`ActivityType::ALL`] and
/// [`ActivityType::as_str`] from one list, so that a new type cannot be left
/// out of any of them.
macro_rules! activity_types {
    ($($(#[$doc:meta])* $variant:ident => $name:literal,)*) => {
        /// The type of an activity, as written after ```` ```activite ````
        /// (`choix-unique`…) and as the `"type"` of an activity in the JSON.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum ActivityType {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)*
        }

        impl ActivityType {
            /// Every type, in the order of `docs/lesson-format.md`.
            pub const ALL: &'static [ActivityType] = &[$(ActivityType::$variant,)*];

            /// The name written in the lesson (`"choix-unique"`…).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ActivityType::$variant => $name,)*
                }
            }
        }
    };
}

activity_types! {
    /// One right choice among several (radio buttons).
    ChoixUnique => "choix-unique",
    /// One or more right choices (check boxes).
    ChoixMultiples => "choix-multiples",
    /// A statement that is true or false.
    VraiFaux => "vrai-faux",
    /// A short typed answer.
    ReponseCourte => "reponse-courte",
    /// A text with blanks to type in or to choose.
    TexteATrous => "texte-a-trous",
    /// Pairs to match.
    Appariement => "appariement",
    /// Items to put back in order.
    RemiseEnOrdre => "remise-en-ordre",
    /// A poll (participation).
    Sondage => "sondage",
    /// A word cloud (participation).
    NuageDeMots => "nuage-de-mots",
    /// A brainstorm wall (participation).
    RemueMeninges => "remue-meninges",
    /// A branching story.
    Scenario => "scenario",
}

impl ActivityType {
    /// The type named `name` exactly (`"choix-unique"`…).
    pub fn parse(name: &str) -> Option<ActivityType> {
        ActivityType::ALL.iter().copied().find(|t| t.as_str() == name)
    }

    /// `true` for sondage, nuage-de-mots and remue-meninges: no right
    /// answer, never evidence of a level.
    pub fn participation_only(self) -> bool {
        matches!(self, ActivityType::Sondage | ActivityType::NuageDeMots | ActivityType::RemueMeninges)
    }

    /// The type names separated by commas, for messages.
    pub fn names() -> String {
        ActivityType::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ")
    }
}

/// A choice of a choix-unique / choix-multiples activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Inline HTML.
    pub html: SafeHtml,
    #[serde(default)]
    pub correct: bool,
    /// Feedback for this choice (inline HTML), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<SafeHtml>,
}

/// A piece of a texte-a-trous: text or a blank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "k")]
pub enum TextPart {
    /// Text between blanks (inline HTML).
    #[serde(rename = "texte")]
    Text { html: SafeHtml },
    /// A blank to type in: accepted answers (plain text, as written).
    #[serde(rename = "trou")]
    Gap { answers: Vec<String> },
    /// A blank with a list: options (plain text) and the index of the right one.
    #[serde(rename = "liste")]
    List { options: Vec<String>, answer: usize },
}

/// A pair of an appariement activity (inline HTML on each side).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub left: SafeHtml,
    pub right: SafeHtml,
}

/// A situation of a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioNode {
    pub id: String,
    /// The situation (HTML).
    pub html: SafeHtml,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<ScenarioChoice>,
    /// `Some(score)` (0 to 100) for an end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u8>,
}

/// A choice in a scenario situation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioChoice {
    /// Inline HTML.
    pub html: SafeHtml,
    /// Index of the target situation in `nodes`.
    pub target: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<SafeHtml>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_type_names_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for t in ActivityType::ALL {
            assert_eq!(ActivityType::parse(t.as_str()), Some(*t));
            assert_eq!(serde_json::to_value(t).ok(), Some(serde_json::Value::String(t.as_str().into())), "{t:?}");
            assert!(seen.insert(t.as_str()), "{t:?} named twice");
        }
        assert_eq!(seen.len(), 11);
        for bad in ["", "Choix-unique", "choix unique", "quiz", "scénario"] {
            assert_eq!(ActivityType::parse(bad), None, "{bad}");
        }
        let participation: Vec<&str> = ActivityType::ALL.iter().filter(|t| t.participation_only()).map(|t| t.as_str()).collect();
        assert_eq!(participation, ["sondage", "nuage-de-mots", "remue-meninges"]);
    }

    #[test]
    fn the_header_is_flat_in_the_json() {
        let json = r#"{"id":"a","title":"T","summary":"S","module":"m","order":2,"audience":"cycle3","duration":5,"emi":["EMI1"],"activity_count":0}"#;
        let summary: LessonSummary = serde_json::from_str(json).expect("a summary");
        assert_eq!((summary.header.id.as_str(), summary.header.order, summary.header.audience), ("a", 2, Audience::Cycle3));
        let back = serde_json::to_value(&summary).expect("json");
        for key in ["id", "title", "summary", "module", "order", "keywords", "audience", "duration", "crcn", "emi", "activity_count"] {
            assert!(back.get(key).is_some(), "{key} in {back}");
        }
        assert!(back.get("header").is_none(), "{back}");
    }
}
