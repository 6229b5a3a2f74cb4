//! Messages of the competency tracker (`/competences`): the CRCN levels and
//! scores, the EMI goals and their mastery steps, « Pourquoi ce niveau ? »
//! and « Pour progresser ». Pupils are addressed with « tu ».

use communs_core::competency::Mastery;

use super::Text;

keys! {
    /// A message of the competency tracker.
    pub enum CompetenceMsg {
        NavCompetences,
        Title,
        EstimateLabel,
        Disclaimer,
        Intro,
        NoProfile,
        NoProfileLink,
        NoAttempts,
        NoAttemptsLink,
        TotalTitle,
        TotalHint,
        CrcnTitle,
        BarLegend,
        NoLevel,
        NotTargeted,
        WhyTitle,
        WhyRule,
        NoEvidence,
        EvidenceTitle,
        HistoryTitle,
        Success,
        Retry,
        Counts,
        EmiTitle,
        EmiIntro,
        ProgressTitle,
        ProgressIntro,
        ProgressNone,
        NextLevelPrefix,
        SuggestedLessons,
        LessonLabel,
        DateLabel,
        ResultLabel,
        WordingNote,
    }
}

impl Text for CompetenceMsg {
    fn fr(self) -> &'static str {
        match self {
            CompetenceMsg::NavCompetences => "Compétences",
            CompetenceMsg::Title => "Tes compétences",
            CompetenceMsg::EstimateLabel => "Positionnement estimé, non certifiant",
            CompetenceMsg::Disclaimer => "Ce positionnement est estimé par Communs à partir de tes réponses. Ce n’est pas une certification Pix.",
            CompetenceMsg::Intro => "Où tu en es dans le cadre de référence des compétences numériques (CRCN) et en éducation aux médias et à l’information (EMI), d’après tes réponses aux activités des leçons.",
            CompetenceMsg::NoProfile => "Pour voir tes compétences, choisis d’abord ton profil ou crée-le. Tes réponses aux activités sont enregistrées dans ton profil.",
            CompetenceMsg::NoProfileLink => "Choisir ou créer un profil",
            CompetenceMsg::NoAttempts => "Tu n’as encore répondu à aucune activité. Chaque réponse aux activités des leçons construit ton positionnement, compétence par compétence.",
            CompetenceMsg::NoAttemptsLink => "Choisir une leçon dans le parcours",
            CompetenceMsg::TotalTitle => "Score total",
            CompetenceMsg::TotalHint => "8 points par niveau atteint dans chacune des 16 compétences, plus des points pour le niveau suivant.",
            CompetenceMsg::CrcnTitle => "Compétences numériques (CRCN)",
            CompetenceMsg::BarLegend => "Dans chaque barre, la partie pleine montre les niveaux atteints, la partie hachurée les points gagnés vers le niveau suivant. Un trait sépare chaque niveau (8 points).",
            CompetenceMsg::NoLevel => "pas encore de niveau",
            CompetenceMsg::NotTargeted => "Aucune leçon de Communs ne travaille encore cette compétence.",
            CompetenceMsg::WhyTitle => "Pourquoi ce niveau\u{202f}?",
            CompetenceMsg::WhyRule => "Une activité est réussie à partir de 80\u{a0}%. Pour atteindre un niveau, tu dois réussir au moins 2 activités différentes de ce niveau (ou toutes, s’il y en a moins de 2) et avoir atteint les niveaux en dessous. Pour chaque activité, seule ta meilleure réponse compte.",
            CompetenceMsg::NoEvidence => "Aucune de tes réponses ne compte encore ici\u{a0}: réponds aux activités des leçons qui travaillent ce point.",
            CompetenceMsg::EvidenceTitle => "Tes réponses prises en compte",
            CompetenceMsg::HistoryTitle => "Ton niveau au fil du temps",
            CompetenceMsg::Success => "Réussie",
            CompetenceMsg::Retry => "À retravailler",
            CompetenceMsg::Counts => "compte pour ton niveau",
            CompetenceMsg::EmiTitle => "Éducation aux médias et à l’information (EMI)",
            CompetenceMsg::EmiIntro => "Les 4 objectifs du cycle 4, avec l’échelle de maîtrise du livret scolaire. Chaque activité différente compte une fois, par ta meilleure réponse.",
            CompetenceMsg::ProgressTitle => "Pour progresser",
            CompetenceMsg::ProgressIntro => "Les compétences où tu as le moins de points, et des leçons pour les travailler.",
            CompetenceMsg::ProgressNone => "Tu as atteint tous les niveaux que les leçons de Communs permettent de prouver. Bravo\u{202f}!",
            CompetenceMsg::NextLevelPrefix => "Prochain niveau\u{a0}: ",
            CompetenceMsg::SuggestedLessons => "Leçons à suivre",
            CompetenceMsg::LessonLabel => "Leçon",
            CompetenceMsg::DateLabel => "Date",
            CompetenceMsg::ResultLabel => "Résultat",
            CompetenceMsg::WordingNote => "Les intitulés officiels affichés ici ont été lus dans un texte officiel. Une compétence dont l’intitulé n’a pas encore pu y être lu est désignée par son numéro, avec la description écrite par Communs. Les niveaux sont donnés par leur numéro, de 1 à 8.",
        }
    }
}

/// A mastery step of the school record, in its usual words.
impl Text for Mastery {
    fn fr(self) -> &'static str {
        match self {
            Mastery::NonEvalue => "Non évalué",
            Mastery::Insuffisante => "Maîtrise insuffisante",
            Mastery::Fragile => "Maîtrise fragile",
            Mastery::Satisfaisante => "Maîtrise satisfaisante",
            Mastery::TresBonne => "Très bonne maîtrise",
        }
    }
}

/// Every mastery step, lowest first.
#[cfg(test)]
pub(crate) fn all_mastery() -> Vec<Mastery> {
    super::chain(|m| match m {
        None => Some(Mastery::NonEvalue),
        Some(Mastery::NonEvalue) => Some(Mastery::Insuffisante),
        Some(Mastery::Insuffisante) => Some(Mastery::Fragile),
        Some(Mastery::Fragile) => Some(Mastery::Satisfaisante),
        Some(Mastery::Satisfaisante) => Some(Mastery::TresBonne),
        Some(Mastery::TresBonne) => None,
    })
}

const MONTHS: [&str; 12] =
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/// « 23 novembre 2026 », « 1er mars 2026 » (`month`: 1 to 12).
pub fn date(day: u32, month: u32, year: i32) -> String {
    let m = MONTHS.get(month.saturating_sub(1) as usize).copied().unwrap_or("");
    if day == 1 {
        format!("1er\u{a0}{m} {year}")
    } else {
        format!("{day}\u{a0}{m} {year}")
    }
}

/// « 1 024 » (narrow no-break space between thousands).
pub fn number(n: u32) -> String {
    if n >= 1000 {
        format!("{}\u{202f}{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

/// « 36 points sur 1 024 ».
pub fn total(score: u16, max: u16) -> String {
    let s = if score > 1 { "s" } else { "" };
    format!("{score}\u{a0}point{s} sur {}", number(u32::from(max)))
}

/// The visible line under a bar: « niveau 2 · 16/64 », « niveau 2 – Novice ·
/// 16/64 » when a group name may be shown, « niveau 0 – pas encore de
/// niveau · 4/64 ».
pub fn level_line(level: u8, group: Option<&str>, score: u16, max: u16) -> String {
    match (level, group) {
        (0, _) => format!("niveau\u{a0}0 – {} · {score}/{max}", CompetenceMsg::NoLevel.fr()),
        (_, Some(group)) => format!("niveau\u{a0}{level} – {group} · {score}/{max}"),
        (_, None) => format!("niveau\u{a0}{level} · {score}/{max}"),
    }
}

/// « 2.2 Partager et publier », or « Compétence 1.2 » when its official
/// title may not be shown.
pub fn competence_heading(code: &str, title: Option<&str>) -> String {
    match title {
        Some(title) => format!("{code} {title}"),
        None => format!("Compétence {code}"),
    }
}

/// « 2 – Communication et collaboration », or « Domaine 2 ».
pub fn domain_heading(code: &str, title: Option<&str>) -> String {
    match title {
        Some(title) => format!("{code} – {title}"),
        None => format!("Domaine {code}"),
    }
}

/// « EMI3 – Utiliser les médias de manière responsable », or « EMI3 ».
pub fn emi_goal_heading(code: &str, title: Option<&str>) -> String {
    match title {
        Some(title) => format!("{code} – {title}"),
        None => code.to_string(),
    }
}

/// The text alternative of a bar: « 2.2 Partager et publier : niveau 2 sur 8,
/// 16 points sur 64. » (the group in brackets after « sur 8 » when it may be
/// shown; « (pas encore de niveau) » at level 0).
pub fn bar_alt(code: &str, title: Option<&str>, level: u8, group: Option<&str>, score: u16, max: u16) -> String {
    let heading = competence_heading(code, title);
    let group = match (level, group) {
        (0, _) => format!(" ({})", CompetenceMsg::NoLevel.fr()),
        (_, Some(group)) => format!(" ({group})"),
        (_, None) => String::new(),
    };
    format!("{heading}\u{a0}: niveau\u{a0}{level} sur 8{group}, {score}\u{a0}points sur {max}.")
}

/// « Réussie (90 %) », « À retravailler (40 %) ».
pub fn result(success: bool, score: u8) -> String {
    let word = if success { CompetenceMsg::Success } else { CompetenceMsg::Retry };
    format!("{} ({score}\u{a0}%)", word.fr())
}

/// « Activité 3 » (its place in the lesson), with its id when the place is unknown.
pub fn activity(position: Option<usize>, id: &str) -> String {
    match position {
        Some(p) => format!("Activité {}", p + 1),
        None => format!("Activité «\u{a0}{id}\u{a0}»"),
    }
}

/// « 1 tentative », « 3 tentatives ».
pub fn attempts(n: u32) -> String {
    let s = if n > 1 { "s" } else { "" };
    format!("{n}\u{a0}tentative{s}")
}

/// « niveau visé : 2 ».
pub fn level_targeted(level: u8) -> String {
    format!("niveau visé\u{a0}: {level}")
}

/// « niveau 3 (1 réussite sur 2) ».
pub fn next_level(level: u8, successes: u32, needed: u32) -> String {
    let s = if successes > 1 { "s" } else { "" };
    format!("niveau\u{a0}{level} ({successes}\u{a0}réussite{s} sur {needed})")
}

/// « 3 activités réussies sur 4 ».
pub fn emi_counts(successes: u32, evaluated: u32) -> String {
    if evaluated == 0 {
        return "Aucune activité faite pour cet objectif.".to_string();
    }
    let s = if successes > 1 { "s" } else { "" };
    format!("{successes}\u{a0}activité{s} réussie{s} sur {evaluated}")
}

/// « le 23 novembre 2026 : niveau 1 ».
pub fn history_point(date: &str, level: u8) -> String {
    format!("{date}\u{a0}: niveau\u{a0}{level}")
}

/// « Toutes les leçons de la compétence 2.2 ».
pub fn all_lessons_for(code: &str) -> String {
    format!("Toutes les leçons de la compétence {code}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_messages() {
        assert_eq!(date(23, 11, 2026), "23\u{a0}novembre 2026");
        assert_eq!(date(1, 3, 2026), "1er\u{a0}mars 2026");
        assert_eq!(total(36, 1024), "36\u{a0}points sur 1\u{202f}024");
        assert_eq!(total(0, 1024), "0\u{a0}point sur 1\u{202f}024");
        assert_eq!(level_line(2, Some("Novice"), 16, 64), "niveau\u{a0}2 – Novice · 16/64");
        assert_eq!(level_line(0, None, 4, 64), "niveau\u{a0}0 – pas encore de niveau · 4/64");
        assert_eq!(level_line(2, None, 16, 64), "niveau\u{a0}2 · 16/64");
        assert_eq!(level_line(0, Some("Novice"), 4, 64), "niveau\u{a0}0 – pas encore de niveau · 4/64");
        assert_eq!(
            bar_alt("2.2", Some("Partager et publier"), 2, None, 16, 64),
            "2.2 Partager et publier\u{a0}: niveau\u{a0}2 sur 8, 16\u{a0}points sur 64."
        );
        assert_eq!(
            bar_alt("1.2", None, 0, None, 0, 64),
            "Compétence 1.2\u{a0}: niveau\u{a0}0 sur 8 (pas encore de niveau), 0\u{a0}points sur 64."
        );
        assert_eq!(
            bar_alt("2.2", Some("Partager et publier"), 2, Some("Novice"), 16, 64),
            "2.2 Partager et publier\u{a0}: niveau\u{a0}2 sur 8 (Novice), 16\u{a0}points sur 64."
        );
        assert_eq!(domain_heading("3", None), "Domaine 3");
        assert_eq!(
            emi_goal_heading("EMI2", Some("Exploiter l’information de manière raisonnée")),
            "EMI2 – Exploiter l’information de manière raisonnée"
        );
        assert_eq!(result(true, 90), "Réussie (90\u{a0}%)");
        assert_eq!(result(false, 40), "À retravailler (40\u{a0}%)");
        assert_eq!(activity(Some(2), "q3"), "Activité 3");
        assert_eq!(next_level(3, 1, 2), "niveau\u{a0}3 (1\u{a0}réussite sur 2)");
        assert_eq!(emi_counts(3, 4), "3\u{a0}activités réussies sur 4");
        assert_eq!(emi_counts(1, 1), "1\u{a0}activité réussie sur 1");
        assert_eq!(attempts(2), "2\u{a0}tentatives");
    }

    #[test]
    fn values_follow_french_typography() {
        for s in [
            bar_alt("2.2", Some("Partager et publier"), 2, Some("Novice"), 16, 64),
            bar_alt("1.2", None, 0, None, 0, 64),
            competence_heading("1.2", None),
            history_point("1er\u{a0}mars 2026", 1),
            level_targeted(2),
            activity(None, "q3"),
            level_line(0, None, 0, 64),
            total(1024, 1024),
            result(false, 40),
            next_level(3, 1, 2),
            emi_counts(0, 0),
            emi_counts(2, 3),
            attempts(1),
            all_lessons_for("2.2"),
        ] {
            assert_eq!(crate::typography_problems(&s), vec![], "{s:?}");
        }
    }

    /// The numbers that messages write in words are the numbers of the rule.
    #[test]
    fn messages_say_the_numbers_of_the_rule() {
        use communs_core::competency::{POINTS_PER_LEVEL, REQUIRED_SUCCESSES, SUCCESS_THRESHOLD};
        let cases = [
            (CompetenceMsg::TotalHint, format!("{POINTS_PER_LEVEL} points par niveau")),
            (CompetenceMsg::BarLegend, format!("({POINTS_PER_LEVEL} points)")),
            (CompetenceMsg::WhyRule, format!("à partir de {SUCCESS_THRESHOLD}\u{a0}%")),
            (CompetenceMsg::WhyRule, format!("au moins {REQUIRED_SUCCESSES} activités différentes")),
            (CompetenceMsg::WhyRule, format!("s’il y en a moins de {REQUIRED_SUCCESSES}")),
        ];
        for (msg, want) in cases {
            assert!(msg.fr().contains(&want), "{msg:?} should say {want:?}");
        }
    }

    #[test]
    fn mastery_in_words() {
        let words: Vec<&str> = all_mastery().into_iter().map(Text::fr).collect();
        assert_eq!(
            words,
            ["Non évalué", "Maîtrise insuffisante", "Maîtrise fragile", "Maîtrise satisfaisante", "Très bonne maîtrise"]
        );
    }
}
