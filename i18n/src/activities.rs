//! Messages of the activities (`src/activities`): the eleven types, the
//! result, the feedback, hints, the solution and the participation views.
//! Pupils are addressed with « tu ».

use communs_core::lesson::model::ActivityType;

use super::{t, Text};

keys! {
    /// A message of the activities.
    pub enum ActivityMsg {
        HeadingPrefix,
        TypeChoixUnique,
        TypeChoixMultiples,
        TypeVraiFaux,
        TypeReponseCourte,
        TypeTexteATrous,
        TypeAppariement,
        TypeRemiseEnOrdre,
        TypeSondage,
        TypeNuageDeMots,
        TypeRemueMeninges,
        TypeScenario,
        Validate,
        Retry,
        ShowHint,
        ShowAnotherHint,
        HintsTitle,
        HintPrefix,
        VerdictRight,
        VerdictPartial,
        VerdictWrong,
        VerdictThanks,
        ScorePrefix,
        ExplanationTitle,
        SolutionTitle,
        SolutionPrefix,
        TypoPrefix,
        NotSaved,
        NotSavedLink,
        ChooseFirst,
        AnswerFirst,
        CompleteAll,
        MarkRight,
        MarkWrong,
        MarkMissed,
        True,
        False,
        CheckAllThatApply,
        YourAnswer,
        ListPlaceholder,
        PairPlaceholder,
        PairsHelp,
        MoveUp,
        MoveDown,
        OrderHelp,
        RightOrder,
        PollResultsTitle,
        CloudTitle,
        CloudListTitle,
        CloudHelp,
        IdeaLabel,
        CategoryLabel,
        AddIdea,
        RemoveIdea,
        YourIdeas,
        WallTitle,
        NoCategory,
        IdeasHelp,
        ScenarioChoicesLabel,
        ScenarioYourChoice,
        ScenarioPathTitle,
        ScenarioBestEnd,
        ScenarioNotBestEnd,
        ScenarioBestPath,
        ParticipationSaved,
        NothingYet,
    }
}

impl ActivityMsg {
    /// The label of an activity type.
    pub fn type_label(activity_type: ActivityType) -> ActivityMsg {
        match activity_type {
            ActivityType::ChoixUnique => ActivityMsg::TypeChoixUnique,
            ActivityType::ChoixMultiples => ActivityMsg::TypeChoixMultiples,
            ActivityType::VraiFaux => ActivityMsg::TypeVraiFaux,
            ActivityType::ReponseCourte => ActivityMsg::TypeReponseCourte,
            ActivityType::TexteATrous => ActivityMsg::TypeTexteATrous,
            ActivityType::Appariement => ActivityMsg::TypeAppariement,
            ActivityType::RemiseEnOrdre => ActivityMsg::TypeRemiseEnOrdre,
            ActivityType::Sondage => ActivityMsg::TypeSondage,
            ActivityType::NuageDeMots => ActivityMsg::TypeNuageDeMots,
            ActivityType::RemueMeninges => ActivityMsg::TypeRemueMeninges,
            ActivityType::Scenario => ActivityMsg::TypeScenario,
        }
    }
}

impl Text for ActivityMsg {
    fn fr(self) -> &'static str {
        match self {
            ActivityMsg::HeadingPrefix => "Activité\u{a0}:",
            ActivityMsg::TypeChoixUnique => "choix unique",
            ActivityMsg::TypeChoixMultiples => "choix multiples",
            ActivityMsg::TypeVraiFaux => "vrai ou faux",
            ActivityMsg::TypeReponseCourte => "réponse courte",
            ActivityMsg::TypeTexteATrous => "texte à trous",
            ActivityMsg::TypeAppariement => "appariement",
            ActivityMsg::TypeRemiseEnOrdre => "remise en ordre",
            ActivityMsg::TypeSondage => "sondage",
            ActivityMsg::TypeNuageDeMots => "nuage de mots",
            ActivityMsg::TypeRemueMeninges => "remue-méninges",
            ActivityMsg::TypeScenario => "scénario",
            ActivityMsg::Validate => "Valider",
            ActivityMsg::Retry => "Recommencer",
            ActivityMsg::ShowHint => "Afficher un indice",
            ActivityMsg::ShowAnotherHint => "Afficher un autre indice",
            ActivityMsg::HintsTitle => "Indices",
            ActivityMsg::HintPrefix => "Indice\u{a0}:",
            ActivityMsg::VerdictRight => "Juste",
            ActivityMsg::VerdictPartial => "Pas tout à fait",
            ActivityMsg::VerdictWrong => "Faux",
            ActivityMsg::VerdictThanks => "Merci pour ta participation",
            ActivityMsg::ScorePrefix => "Score\u{a0}:",
            ActivityMsg::ExplanationTitle => "Explication",
            ActivityMsg::SolutionTitle => "La solution",
            ActivityMsg::SolutionPrefix => "La bonne réponse\u{a0}:",
            ActivityMsg::TypoPrefix => "Réponse acceptée, mais attention à l’orthographe\u{a0}: on écrit",
            ActivityMsg::NotSaved => "Ta réponse n’est pas enregistrée, car aucun profil n’est choisi.",
            ActivityMsg::NotSavedLink => "Crée un profil pour garder ta progression",
            ActivityMsg::ChooseFirst => "Choisis une réponse avant de valider.",
            ActivityMsg::AnswerFirst => "Écris ou choisis ta réponse avant de valider.",
            ActivityMsg::CompleteAll => "Choisis une réponse pour chaque élément avant de valider.",
            ActivityMsg::MarkRight => "juste",
            ActivityMsg::MarkWrong => "faux",
            ActivityMsg::MarkMissed => "à choisir aussi",
            ActivityMsg::True => "Vrai",
            ActivityMsg::False => "Faux",
            ActivityMsg::CheckAllThatApply => "Coche toutes les bonnes réponses.",
            ActivityMsg::YourAnswer => "Ta réponse",
            ActivityMsg::ListPlaceholder => "— choisis —",
            ActivityMsg::PairPlaceholder => "— choisis —",
            ActivityMsg::PairsHelp => "Pour chaque élément, choisis dans la liste ce qui lui correspond.",
            ActivityMsg::MoveUp => "Monter",
            ActivityMsg::MoveDown => "Descendre",
            ActivityMsg::OrderHelp => {
                "Utilise les boutons «\u{a0}Monter\u{a0}» et «\u{a0}Descendre\u{a0}» pour ranger les éléments, du premier au dernier."
            }
            ActivityMsg::RightOrder => "Le bon ordre\u{a0}:",
            ActivityMsg::PollResultsTitle => "Les réponses données sur cet appareil",
            ActivityMsg::CloudTitle => "Le nuage de mots de cet appareil",
            ActivityMsg::CloudListTitle => "Les mots, du plus cité au moins cité",
            ActivityMsg::CloudHelp => "Un mot par case. Majuscules, accents et espaces ne comptent pas dans le nuage.",
            ActivityMsg::IdeaLabel => "Ton idée",
            ActivityMsg::CategoryLabel => "Catégorie",
            ActivityMsg::AddIdea => "Ajouter l’idée",
            ActivityMsg::RemoveIdea => "Retirer",
            ActivityMsg::YourIdeas => "Tes idées, pas encore publiées",
            ActivityMsg::WallTitle => "Le mur des idées de cet appareil",
            ActivityMsg::NoCategory => "Sans catégorie",
            ActivityMsg::IdeasHelp => "Écris une idée courte, ajoute-la, puis valide pour la publier sur le mur.",
            ActivityMsg::ScenarioChoicesLabel => "Choix possibles",
            ActivityMsg::ScenarioYourChoice => "Ton choix\u{a0}:",
            ActivityMsg::ScenarioPathTitle => "Ton parcours",
            ActivityMsg::ScenarioBestEnd => "C’est la meilleure fin possible.",
            ActivityMsg::ScenarioNotBestEnd => "Il existe une meilleure fin.",
            ActivityMsg::ScenarioBestPath => "Le meilleur chemin\u{a0}:",
            ActivityMsg::ParticipationSaved => "Ta participation est enregistrée.",
            ActivityMsg::NothingYet => "Aucune réponse pour l’instant.",
        }
    }
}

/// « Activité : choix unique » (the heading of an activity).
pub fn heading(activity_type: ActivityType) -> String {
    format!("{} {}", t(ActivityMsg::HeadingPrefix), t(ActivityMsg::type_label(activity_type)))
}

/// « Score : 67 % ».
pub fn score(percent: u8) -> String {
    format!("{} {percent}\u{a0}%", t(ActivityMsg::ScorePrefix))
}

/// « Il te reste 1 essai avant la solution. »
pub fn tries_left(n: u32) -> String {
    match n {
        1 => "Il te reste 1 essai avant la solution.".to_string(),
        n => format!("Il te reste {n} essais avant la solution."),
    }
}

/// « Trou 1 sur 3 ».
pub fn blank_label(i: usize, n: usize) -> String {
    format!("Trou {} sur {n}", i + 1)
}

/// « Mot 2 sur 3 ».
pub fn word_label(i: usize, n: usize) -> String {
    format!("Mot {} sur {n}", i + 1)
}

/// « Monter : Retirer la localisation » (a move button's accessible name).
pub fn move_label(up: bool, item: &str) -> String {
    let verb = if up { t(ActivityMsg::MoveUp) } else { t(ActivityMsg::MoveDown) };
    format!("{verb}\u{a0}: {item}")
}

/// « Retirer la localisation : position 2 sur 3 » (announced after a move).
pub fn moved(item: &str, pos: usize, n: usize) -> String {
    format!("{item}\u{a0}: position {} sur {n}", pos + 1)
}

/// « 2 réponses sur 5 (40 %) ».
pub fn votes(count: usize, total: usize) -> String {
    let pct = (count * 100 + total / 2).checked_div(total).unwrap_or(0);
    let word = if count > 1 { "réponses" } else { "réponse" };
    format!("{count} {word} sur {total} ({pct}\u{a0}%)")
}

/// « 3 fois » (how often a word was given).
pub fn times(count: usize) -> String {
    format!("{count}\u{a0}fois")
}

/// « Fin du scénario : 50 sur 100 ».
pub fn scenario_end(score: u8) -> String {
    format!("Fin du scénario\u{a0}: {score} sur 100")
}

/// « Étape 2 » (a step of the scenario path).
pub fn step(i: usize) -> String {
    format!("Étape {}", i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_messages_follow_french_typography() {
        for s in [
            heading(ActivityType::ChoixUnique),
            score(67),
            tries_left(1),
            tries_left(2),
            blank_label(0, 2),
            word_label(0, 3),
            move_label(true, "A"),
            moved("A", 1, 3),
            votes(2, 5),
            times(3),
            scenario_end(50),
            step(0),
        ] {
            assert_eq!(crate::typography_problems(&s), vec![], "{s:?}");
        }
        assert_eq!(heading(ActivityType::Scenario), "Activité\u{a0}: scénario");
        assert_eq!(votes(2, 5), "2 réponses sur 5 (40\u{a0}%)");
    }

    #[test]
    fn every_type_has_its_own_label() {
        let labels: std::collections::HashSet<&str> = ActivityType::ALL.iter().map(|n| t(ActivityMsg::type_label(*n))).collect();
        assert_eq!(labels.len(), 11);
    }
}
