//! Messages of the catalogue (`/parcours`) and of the lesson page
//! (`/lecon/<id>`), and the words of the lessons' audiences.

use communs_core::lesson::model::Audience;

use super::Text;

keys! {
    /// A message of the catalogue and lesson pages.
    pub enum LessonMsg {
        NavCatalogue,
        CatalogueTitle,
        CatalogueIntro,
        FiltersLabel,
        SearchLabel,
        SearchHint,
        AudienceLabel,
        AudienceAll,
        CompetenceLabel,
        CompetenceAll,
        ResetFilters,
        NoResult,
        Loading,
        ErrorNotFound,
        ErrorNetwork,
        ErrorInvalid,
        BackToCatalogue,
        StatusNotStarted,
        StatusInProgress,
        StatusDone,
        DurationLabel,
        AudienceField,
        ActivitiesLabel,
        CompetencesLabel,
        ObjectivesTitle,
        TocTitle,
        Resume,
        SummaryTitle,
        SourcesTitle,
        CreditsTitle,
        LicenceLabel,
        AuthorsLabel,
        ImageCreditsLabel,
        MarkDone,
        MarkedDone,
        DoneNoProfile,
        Previous,
        Next,
        Print,
        ActivityMissing,
        Breadcrumb,
        ExternalLink,
    }
}

impl Text for LessonMsg {
    fn fr(self) -> &'static str {
        match self {
            LessonMsg::NavCatalogue => "Parcours",
            LessonMsg::CatalogueTitle => "Le parcours",
            LessonMsg::CatalogueIntro => "Choisis une leçon. Chaque leçon dure entre un quart d’heure et une demi-heure et se termine par des activités pour t’entraîner.",
            LessonMsg::FiltersLabel => "Filtrer les leçons",
            LessonMsg::SearchLabel => "Rechercher",
            LessonMsg::SearchHint => "Un mot du titre ou un mot-clé, par exemple « licence »",
            LessonMsg::AudienceLabel => "Public",
            LessonMsg::AudienceAll => "Tous les publics",
            LessonMsg::CompetenceLabel => "Compétence",
            LessonMsg::CompetenceAll => "Toutes les compétences",
            LessonMsg::ResetFilters => "Effacer les filtres",
            LessonMsg::NoResult => "Aucune leçon ne correspond à ces filtres.",
            LessonMsg::Loading => "Chargement…",
            LessonMsg::ErrorNotFound => "Cette leçon n’existe pas, ou plus sous cette adresse.",
            LessonMsg::ErrorNetwork => "Impossible de charger ce contenu : vérifie la connexion, puis recharge la page. Après une première visite complète, Communs fonctionne sans réseau.",
            LessonMsg::ErrorInvalid => "Ce contenu est illisible pour cette version de Communs. Recharge la page pour obtenir la dernière version.",
            LessonMsg::BackToCatalogue => "Revenir au parcours",
            LessonMsg::StatusNotStarted => "Pas commencée",
            LessonMsg::StatusInProgress => "En cours",
            LessonMsg::StatusDone => "Terminée",
            LessonMsg::DurationLabel => "Durée",
            LessonMsg::AudienceField => "Public",
            LessonMsg::ActivitiesLabel => "Activités",
            LessonMsg::CompetencesLabel => "Compétences travaillées",
            LessonMsg::ObjectivesTitle => "Objectifs",
            LessonMsg::TocTitle => "Sommaire",
            LessonMsg::Resume => "Reprendre là où tu t’étais arrêté",
            LessonMsg::SummaryTitle => "À retenir",
            LessonMsg::SourcesTitle => "Sources",
            LessonMsg::CreditsTitle => "Licence et crédits",
            LessonMsg::LicenceLabel => "Licence de la leçon",
            LessonMsg::AuthorsLabel => "Auteurs",
            LessonMsg::ImageCreditsLabel => "Crédits des images",
            LessonMsg::MarkDone => "J’ai terminé cette leçon",
            LessonMsg::MarkedDone => "Leçon terminée",
            LessonMsg::DoneNoProfile => "Crée un profil pour garder ta progression.",
            LessonMsg::Previous => "Leçon précédente",
            LessonMsg::Next => "Leçon suivante",
            LessonMsg::Print => "Imprimer la leçon",
            LessonMsg::ActivityMissing => "Cette activité est introuvable dans la leçon.",
            LessonMsg::Breadcrumb => "Fil d’Ariane",
            LessonMsg::ExternalLink => " (nouvel onglet, quitte Communs)",
        }
    }
}

/// An audience of the lessons, as the catalogue's filter and cards say it.
impl Text for Audience {
    fn fr(self) -> &'static str {
        match self {
            Audience::Cycle3 => "Cycle 3",
            Audience::Cycle4 => "Cycle 4",
            Audience::Lycee => "Lycée",
        }
    }
}

/// Every audience, in the order of the catalogue's filter.
pub fn all_audiences() -> Vec<Audience> {
    super::chain(|a| match a {
        None => Some(Audience::Cycle3),
        Some(Audience::Cycle3) => Some(Audience::Cycle4),
        Some(Audience::Cycle4) => Some(Audience::Lycee),
        Some(Audience::Lycee) => None,
    })
}

/// « 20 min ».
pub fn minutes(n: u16) -> String {
    format!("{n}\u{a0}min")
}

/// « 1 activité », « 12 activités ».
pub fn activities(n: usize) -> String {
    if n <= 1 {
        format!("{n}\u{a0}activité")
    } else {
        format!("{n}\u{a0}activités")
    }
}

/// « 1 leçon », « 8 leçons » (announced when filters change).
pub fn lessons_found(n: usize) -> String {
    match n {
        0 => LessonMsg::NoResult.fr().to_string(),
        1 => "1\u{a0}leçon".to_string(),
        n => format!("{n}\u{a0}leçons"),
    }
}

/// « Niveau 2 » for a CRCN level chip.
pub fn level(n: u8) -> String {
    format!("niveau\u{a0}{n}")
}
