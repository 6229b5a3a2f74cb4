//! The honest length of a lesson: an estimate of the minutes a class needs,
//! from the words the pupils read and the activities they do, that
//! `lessons check` compares with the stated `duration` (an error when the
//! stated time is shorter). The model is documented in
//! `docs/lesson-format.md` (« Durée ») and lives here as pure functions on the
//! compiled lesson:
//!
//! - reading: the words of the pupil text at [`words_per_minute`] (100 in
//!   cycle 3, 150 in cycle 4, 200 in lycée). The pupil text is the body as the
//!   pupil sees it (after Markdown: headings, prose, lists, tables,
//!   callouts, image credits, footnotes), without the activities (counted
//!   below), without the teacher notes (the `##` section whose heading
//!   [`is_teacher_heading`], up to the next `##`), without the hidden text for
//!   screen readers and without the glossary definitions (folded until the
//!   pupil opens one). A word is a run of letters or digits; an apostrophe or
//!   a hyphen between two of them joins them (« l’auteur », « peut-être »
//!   are one word each), any other character separates words;
//! - activities: [`activity_half_minutes`] per activity type, for the live
//!   activities only (retired ones are not done any more);
//! - plus 20 %, rounded up to the whole minute.
//!
//! The arithmetic is exact (integers), so the same lesson always gives the
//! same estimate.

use super::model::{ActivityType, Audience, CompiledLesson, Segment};
use serde::{Deserialize, Serialize};

use crate::text::html_to_text;

/// Reading speed assumed for an audience, in words per minute.
pub fn words_per_minute(audience: Audience) -> u32 {
    match audience {
        Audience::Cycle3 => 100,
        Audience::Cycle4 => 150,
        Audience::Lycee => 200,
    }
}

/// Time given to one activity of this type, in half-minutes (1 min for a
/// choice or a true/false, 1.5 min for a short answer or a gap text, 2 min
/// for matching or ordering, 3 min for a poll, a word cloud or a
/// brainstorm, 4 min for a scenario).
pub fn activity_half_minutes(kind: ActivityType) -> u32 {
    match kind {
        ActivityType::ChoixUnique | ActivityType::ChoixMultiples | ActivityType::VraiFaux => 2,
        ActivityType::ReponseCourte | ActivityType::TexteATrous => 3,
        ActivityType::Appariement | ActivityType::RemiseEnOrdre => 4,
        ActivityType::Sondage | ActivityType::NuageDeMots | ActivityType::RemueMeninges => 6,
        ActivityType::Scenario => 8,
    }
}

/// Whether a `##` heading opens the teacher notes: after lower-casing and
/// reading ’ as ', its words begin with « pour », then « l' », « le », « la »
/// or « les », then a word beginning with « enseignant » or « professeur »
/// (« Pour l’enseignant », « Pour les enseignantes et les enseignants »,
/// « Pour l’enseignante ou l’enseignant », « Pour le professeur »…).
pub fn is_teacher_heading(title: &str) -> bool {
    let t = title.to_lowercase().replace(['’', 'ʼ'], "'").replace("l'", "l' ");
    let mut words = t.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty());
    if words.next() != Some("pour") {
        return false;
    }
    if !matches!(words.next(), Some("l'" | "le" | "la" | "les")) {
        return false;
    }
    words.next().is_some_and(|w| w.starts_with("enseignant") || w.starts_with("professeur"))
}

/// Whether `c` may join two letters or digits into one word.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '-' | '\u{2011}')
}

/// The number of words of a plain text (see the module documentation).
pub fn count_words(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut n = 0;
    let mut in_word = false;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            if !in_word {
                n += 1;
                in_word = true;
            }
        } else if in_word && is_joiner(c) && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric()) {
            // stays in the word
        } else {
            in_word = false;
        }
    }
    n
}

/// What the pupils read, as plain text: the HTML pieces of the body, without
/// the teacher notes, the screen-reader-only text and the glossary
/// definitions. Activities are not in `body`'s HTML (they are segments of
/// their own).
pub fn pupil_text(body: &[Segment]) -> String {
    let mut html = String::new();
    for seg in body {
        if let Segment::Html(h) = seg {
            html.push_str(h.as_str());
            html.push('\n');
        }
    }
    let html = remove_between(&html, r#"<span class="sr-only">"#, "</span>");
    let html = remove_between(&html, "</summary><span>", "</span></details>");
    let mut out = String::new();
    let mut teacher = false;
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<h2") {
        if !teacher {
            out.push_str(&rest[..start]);
        }
        let after = &rest[start..];
        let end = after.find("</h2>").map(|e| e + "</h2>".len()).unwrap_or(after.len());
        let heading = html_to_text(&after[..end]);
        teacher = is_teacher_heading(heading.trim());
        if !teacher {
            out.push_str(&after[..end]);
        }
        rest = &after[end..];
    }
    if !teacher {
        out.push_str(rest);
    }
    html_to_text(&tags_to_spaces(&out))
}

/// Every tag replaced by a space, so that the text of two cells or two
/// blocks never runs into one word.
fn tags_to_spaces(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// `s` without every piece that starts with `open` and ends with the next `close`.
fn remove_between(s: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        let after = &rest[i + open.len()..];
        match after.find(close) {
            Some(j) => rest = &after[j + close.len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The estimate of a lesson and its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DurationEstimate {
    /// Words of the pupil text.
    pub words: u32,
    /// Reading speed used, words per minute.
    pub words_per_minute: u32,
    /// Number of activities counted.
    pub activities: u32,
    /// Time of the activities, in half-minutes.
    pub activity_half_minutes: u32,
    /// The estimate: (reading + activities) × 1.2, rounded up to the minute.
    pub minutes: u32,
}

impl DurationEstimate {
    /// Reading time in tenths of a minute, rounded up.
    pub fn reading_tenths(&self) -> u32 {
        (self.words * 10).div_ceil(self.words_per_minute.max(1))
    }
    /// (reading + activities) before the 20 %, in tenths of a minute, rounded up.
    pub fn subtotal_tenths(&self) -> u32 {
        let wpm = self.words_per_minute.max(1);
        (self.words * 10 + self.activity_half_minutes * 5 * wpm).div_ceil(wpm)
    }
}

/// The estimate from its inputs: `words` read at `wpm`, and the activities'
/// types.
pub fn estimate_parts(words: u32, wpm: u32, kinds: impl IntoIterator<Item = ActivityType>) -> DurationEstimate {
    let (mut activities, mut halves) = (0u32, 0u32);
    for k in kinds {
        activities += 1;
        halves += activity_half_minutes(k);
    }
    let wpm = wpm.max(1);
    // minutes = (words / wpm + halves / 2) × 6 / 5 = 3 (2 words + halves wpm) / (5 wpm)
    let num = 3 * (2 * u64::from(words) + u64::from(halves) * u64::from(wpm));
    let minutes = num.div_ceil(5 * u64::from(wpm));
    DurationEstimate {
        words,
        words_per_minute: wpm,
        activities,
        activity_half_minutes: halves,
        minutes: u32::try_from(minutes).unwrap_or(u32::MAX),
    }
}

/// The estimate of a compiled lesson.
pub fn estimate(lesson: &CompiledLesson) -> DurationEstimate {
    let words = u32::try_from(count_words(&pupil_text(&lesson.body))).unwrap_or(u32::MAX);
    estimate_parts(
        words,
        words_per_minute(lesson.header.audience),
        // the live activities: retired ones are in `retired_activities`
        lesson.activities.iter().map(|a| a.kind.activity_type()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::SafeHtml;

    #[test]
    fn words_are_runs_of_letters_or_digits() {
        let cases = [
            ("", 0),
            ("Un commun", 2),
            ("l’auteur et l'œuvre", 3),
            ("peut-être", 1),
            ("CC BY-SA 4.0", 4),
            ("70 ans, après la mort !", 5),
            ("« Oui » — non…", 2),
            ("fin- -début", 2),
            ("L.122-5", 2),
            ("élève\u{a0}: ça", 2),
        ];
        for (text, want) in cases {
            assert_eq!(count_words(text), want, "{text}");
        }
    }

    #[test]
    fn teacher_headings() {
        let cases = [
            ("Pour l’enseignant", true),
            ("Pour l'enseignant", true),
            ("Pour les enseignants", true),
            ("Pour l’enseignante ou l’enseignant", true),
            ("Pour les enseignantes et les enseignants", true),
            ("pour le professeur", true),
            ("Pour la professeure documentaliste", true),
            ("Pour aller plus loin", false),
            ("Pour l’élève", false),
            ("Notes pour l’enseignant", false),
            ("Pour", false),
        ];
        for (title, want) in cases {
            assert_eq!(is_teacher_heading(title), want, "{title}");
        }
    }

    #[cfg(feature = "compiler")]
    fn html(s: &str) -> Segment {
        Segment::Html(SafeHtml::sanitised(s.to_string()))
    }

    #[cfg(feature = "compiler")]
    #[test]
    fn pupil_text_leaves_out_teacher_notes_hidden_text_and_definitions() {
        let body = vec![
            html("<h2 id=\"a\">Partie</h2>\n<p>Un deux <a href=\"https://x\">trois<span class=\"sr-only\"> (nouvel onglet, quitte Communs)</span></a>.</p>\n"),
            Segment::Activity { id: "q".into() },
            html("<div class=\"paragraphe\"><details class=\"glossaire\"><summary>quatre</summary><span>longue définition cachée</span></details> cinq</div>\n"),
            html("<h2 id=\"pour-l-enseignant\">Pour l’enseignant</h2>\n<p>notes que l&#39;élève ne lit pas</p>\n<h3 id=\"b\">Détail</h3><p>encore</p>\n"),
            html("<h2 id=\"c\">Sources</h2>\n<p>six &amp; sept</p>\n"),
        ];
        let text = pupil_text(&body);
        assert_eq!(count_words(&text), 9, "{text}");
        assert!(!text.contains("notes") && !text.contains("cachée") && !text.contains("onglet"), "{text}");
    }

    #[test]
    fn estimates() {
        use ActivityType as T;
        // (words, wpm, activities, minutes)
        let cases: Vec<(u32, u32, Vec<ActivityType>, u32)> = vec![
            (0, 150, vec![], 0),
            (100, 100, vec![], 2),                                                          // 1 × 1.2 = 1.2 → 2
            (500, 100, vec![], 6),                                                          // 5 × 1.2 = 6
            (1500, 150, vec![T::ChoixUnique], 14),                                          // (10 + 1) × 1.2 = 13.2 → 14
            (0, 200, vec![T::Scenario, T::ReponseCourte], 7),                               // 5.5 × 1.2 = 6.6 → 7
            (1000, 200, vec![T::Sondage, T::Appariement, T::VraiFaux, T::TexteATrous], 15), // (5 + 7.5) × 1.2 = 15
        ];
        for (words, wpm, kinds, want) in cases {
            let e = estimate_parts(words, wpm, kinds.clone());
            assert_eq!(e.minutes, want, "{words} {wpm} {kinds:?}");
        }
        let e = estimate_parts(1234, 150, [T::RemiseEnOrdre, T::NuageDeMots]);
        assert_eq!((e.activities, e.activity_half_minutes, e.reading_tenths(), e.subtotal_tenths()), (2, 10, 83, 133));
    }
}
