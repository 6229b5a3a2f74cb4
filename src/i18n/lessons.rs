//! Messages of the catalogue (`/parcours`) and of the lesson page (`/lecon/<id>`).

use super::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

impl LessonMsg {
    pub const ALL: &'static [LessonMsg] = &[
        LessonMsg::NavCatalogue,
        LessonMsg::CatalogueTitle,
        LessonMsg::CatalogueIntro,
        LessonMsg::FiltersLabel,
        LessonMsg::SearchLabel,
        LessonMsg::SearchHint,
        LessonMsg::AudienceLabel,
        LessonMsg::AudienceAll,
        LessonMsg::CompetenceLabel,
        LessonMsg::CompetenceAll,
        LessonMsg::ResetFilters,
        LessonMsg::NoResult,
        LessonMsg::Loading,
        LessonMsg::ErrorNotFound,
        LessonMsg::ErrorNetwork,
        LessonMsg::ErrorInvalid,
        LessonMsg::BackToCatalogue,
        LessonMsg::StatusNotStarted,
        LessonMsg::StatusInProgress,
        LessonMsg::StatusDone,
        LessonMsg::DurationLabel,
        LessonMsg::AudienceField,
        LessonMsg::ActivitiesLabel,
        LessonMsg::CompetencesLabel,
        LessonMsg::ObjectivesTitle,
        LessonMsg::TocTitle,
        LessonMsg::Resume,
        LessonMsg::SummaryTitle,
        LessonMsg::SourcesTitle,
        LessonMsg::CreditsTitle,
        LessonMsg::LicenceLabel,
        LessonMsg::AuthorsLabel,
        LessonMsg::ImageCreditsLabel,
        LessonMsg::MarkDone,
        LessonMsg::MarkedDone,
        LessonMsg::DoneNoProfile,
        LessonMsg::Previous,
        LessonMsg::Next,
        LessonMsg::Print,
        LessonMsg::ActivityMissing,
        LessonMsg::Breadcrumb,
        LessonMsg::ExternalLink,
    ];
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
