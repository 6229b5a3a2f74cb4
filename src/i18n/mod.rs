//! The message catalogue: every word the interface shows, in one place.
//!
//! French is the only language for now. A message is a variant of an enum
//! that implements [`Text`]: [`Msg`] for the frame and the simple pages, and
//! one enum per area in the submodules (so that areas can grow side by side).
//! [`t`] gives a message's text; messages with values are functions of the
//! area's module. Adding English later means adding an `en` method next to
//! each `fr` and a language switch in [`t`], nothing in the pages.
//! Pupils are addressed with « tu », teachers with « vous ».

pub mod activities;
pub mod competences;
pub mod lessons;
pub mod profiles;

/// A message of the catalogue.
pub trait Text: Copy + std::fmt::Debug + 'static {
    /// The French text (typographic apostrophes, no-break space before `:`
    /// and narrow no-break spaces before `;`, `!`, `?`).
    fn fr(self) -> &'static str;
}

/// Every message of every area, for the catalogue's own tests.
#[cfg(test)]
pub(crate) fn all_texts() -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Msg::ALL.iter().map(|m| (format!("{m:?}"), m.fr())).collect();
    out.extend(extra_texts());
    out
}

/// The messages of the area modules (each area lists its own).
#[cfg(test)]
fn extra_texts() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    out.extend(profiles::ProfileMsg::ALL.iter().map(|m| (format!("ProfileMsg::{m:?}"), m.fr())));
    out.extend(activities::ActivityMsg::ALL.iter().map(|m| (format!("ActivityMsg::{m:?}"), m.fr())));
    out.extend(lessons::LessonMsg::ALL.iter().map(|m| (format!("LessonMsg::{m:?}"), m.fr())));
    out.extend(competences::CompetenceMsg::ALL.iter().map(|m| (format!("CompetenceMsg::{m:?}"), m.fr())));
    out
}

/// A message of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    AppName,
    AppTagline,
    SkipToContent,
    MainNavigation,
    NavHome,
    NavAbout,
    FooterLicence,
    FooterPrivacy,
    HomeTitle,
    HomeIntro,
    HomeLessonsTitle,
    HomeLessonsText,
    HomeActivitiesTitle,
    HomeActivitiesText,
    HomeTrackerTitle,
    HomeTrackerText,
    HomePrivacyTitle,
    HomePrivacyText,
    HomeOfflineTitle,
    HomeOfflineText,
    HomeAboutLink,
    HomeStart,
    HomeChooseProfile,
    AboutTitle,
    AboutIntro,
    AboutPrivacyTitle,
    AboutPrivacyNoAccount,
    AboutPrivacyLocal,
    AboutPrivacyNoRequest,
    AboutPrivacyShared,
    AboutLicencesTitle,
    AboutLicencesCode,
    AboutLicencesLessons,
    AboutBrowsersTitle,
    AboutBrowsersText,
    AboutFrameworksTitle,
    AboutFrameworksText,
    NotFoundTitle,
    NotFoundText,
    NotFoundBackHome,
    PageTitleSuffix,
}

impl Msg {
    /// Every message, for the catalogue's own tests.
    pub const ALL: &'static [Msg] = &[
        Msg::AppName,
        Msg::AppTagline,
        Msg::SkipToContent,
        Msg::MainNavigation,
        Msg::NavHome,
        Msg::NavAbout,
        Msg::FooterLicence,
        Msg::FooterPrivacy,
        Msg::HomeTitle,
        Msg::HomeIntro,
        Msg::HomeLessonsTitle,
        Msg::HomeLessonsText,
        Msg::HomeActivitiesTitle,
        Msg::HomeActivitiesText,
        Msg::HomeTrackerTitle,
        Msg::HomeTrackerText,
        Msg::HomePrivacyTitle,
        Msg::HomePrivacyText,
        Msg::HomeOfflineTitle,
        Msg::HomeOfflineText,
        Msg::HomeAboutLink,
        Msg::HomeStart,
        Msg::HomeChooseProfile,
        Msg::AboutTitle,
        Msg::AboutIntro,
        Msg::AboutPrivacyTitle,
        Msg::AboutPrivacyNoAccount,
        Msg::AboutPrivacyLocal,
        Msg::AboutPrivacyNoRequest,
        Msg::AboutPrivacyShared,
        Msg::AboutLicencesTitle,
        Msg::AboutLicencesCode,
        Msg::AboutLicencesLessons,
        Msg::AboutBrowsersTitle,
        Msg::AboutBrowsersText,
        Msg::AboutFrameworksTitle,
        Msg::AboutFrameworksText,
        Msg::NotFoundTitle,
        Msg::NotFoundText,
        Msg::NotFoundBackHome,
        Msg::PageTitleSuffix,
    ];

}

impl Text for Msg {
    fn fr(self) -> &'static str {
        match self {
            Msg::AppName => "Communs",
            Msg::AppTagline => "Apprendre les communs numériques, le droit d’auteur et les licences libres, même sans réseau.",
            Msg::SkipToContent => "Aller au contenu",
            Msg::MainNavigation => "Navigation principale",
            Msg::NavHome => "Accueil",
            Msg::NavAbout => "À propos",
            Msg::FooterLicence => "Code sous licence EUPL-1.2 · leçons sous licence CC BY-SA 4.0",
            Msg::FooterPrivacy => "Aucun compte, aucun cookie, aucune donnée envoyée : tout reste dans ce navigateur.",
            Msg::HomeTitle => "Bienvenue dans Communs",
            Msg::HomeIntro => "Communs propose des leçons courtes et des activités pour comprendre les communs numériques, le droit d’auteur, les licences Creative Commons, le droit à l’image et la publication en ligne. Tout fonctionne dans ce navigateur, même quand le réseau de l’école est lent ou coupé.",
            Msg::HomeLessonsTitle => "Des leçons à lire en classe",
            Msg::HomeLessonsText => "Chaque leçon part d’une situation concrète, explique les notions avec des mots simples et cite ses sources.",
            Msg::HomeActivitiesTitle => "Des activités qui expliquent",
            Msg::HomeActivitiesText => "Quiz, textes à trous, scénarios : chaque réponse reçoit une explication, juste ou fausse.",
            Msg::HomeTrackerTitle => "Tes compétences numériques",
            Msg::HomeTrackerText => "Tes réussites sont rattachées au CRCN, le cadre de référence des compétences numériques, et à l’éducation aux médias et à l’information.",
            Msg::HomePrivacyTitle => "Tes données restent ici",
            Msg::HomePrivacyText => "Pas de compte, pas de cookie : ta progression est enregistrée sous un pseudonyme, dans ce navigateur seulement. Tu peux l’exporter ou l’effacer quand tu veux.",
            Msg::HomeOfflineTitle => "Sans réseau",
            Msg::HomeOfflineText => "Une fois la page ouverte, Communs n’a plus besoin d’Internet.",
            Msg::HomeAboutLink => "En savoir plus sur Communs et la confidentialité",
            Msg::HomeStart => "Voir les leçons",
            Msg::HomeChooseProfile => "Choisir mon profil",
            Msg::AboutTitle => "À propos de Communs",
            Msg::AboutIntro => "Communs est un moteur de cours libre, conçu pour les écoles, les collèges et les lycées. Il fonctionne entièrement dans le navigateur : aucun serveur ne reçoit les réponses des élèves.",
            Msg::AboutPrivacyTitle => "Confidentialité",
            Msg::AboutPrivacyNoAccount => "Aucun compte n’est créé et aucun cookie n’est déposé.",
            Msg::AboutPrivacyLocal => "La progression est enregistrée dans le stockage local de ce navigateur, sous un pseudonyme choisi par l’élève.",
            Msg::AboutPrivacyNoRequest => "L’application ne contacte aucun autre site que celui qui l’héberge : pas de mesure d’audience, pas de police ni de script externe.",
            Msg::AboutPrivacyShared => "Sur un ordinateur partagé, les profils ne sont pas protégés les uns des autres : toute personne qui utilise ce navigateur peut les voir.",
            Msg::AboutLicencesTitle => "Licences",
            Msg::AboutLicencesCode => "Le code de l’application est publié sous licence EUPL-1.2, la licence libre de l’Union européenne.",
            Msg::AboutLicencesLessons => "Les leçons sont publiées sous licence Creative Commons Attribution - Partage dans les Mêmes Conditions 4.0 International (CC BY-SA 4.0) : vous pouvez les adapter et les partager en citant leurs auteurs.",
            Msg::AboutBrowsersTitle => "Navigateurs pris en charge",
            Msg::AboutBrowsersText => "Chrome et Edge 97 ou plus récents, Firefox ESR 102 ou plus récent, Safari et iPadOS 16 ou plus récents.",
            Msg::AboutFrameworksTitle => "Cadres de référence",
            Msg::AboutFrameworksText => "Les activités sont rattachées au cadre de référence des compétences numériques (CRCN) et aux objectifs de l’éducation aux médias et à l’information (EMI). Les niveaux affichés sont un positionnement estimé, non certifiant : ce n’est pas une certification Pix.",
            Msg::NotFoundTitle => "Page introuvable",
            Msg::NotFoundText => "Cette adresse ne correspond à aucune page de Communs. Le lien est peut-être incomplet, ou la page a changé de nom.",
            Msg::NotFoundBackHome => "Revenir à l’accueil",
            Msg::PageTitleSuffix => " · Communs",
        }
    }
}

/// The text of a message in the interface's language.
pub fn t(msg: impl Text) -> &'static str {
    msg.fr()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_written() {
        for (name, s) in all_texts() {
            assert!(!s.trim().is_empty(), "{name} is empty");
        }
    }

    #[test]
    fn french_typography() {
        for (m, s) in all_texts() {
            assert!(!s.contains('\''), "{m:?}: use the typographic apostrophe ’");
            assert!(!s.contains('"'), "{m:?}: use « guillemets »");
            for (i, c) in s.char_indices() {
                if matches!(c, ';' | '!' | '?' | ':') && i > 0 {
                    let before = s[..i].chars().last();
                    assert!(
                        before != Some(' '),
                        "{m:?}: a plain space before {c:?} breaks at line ends; use a no-break space"
                    );
                }
            }
        }
    }

    #[test]
    fn catalogue_lists_every_message_once() {
        let mut seen = std::collections::HashSet::new();
        for (name, _) in all_texts() {
            assert!(seen.insert(name.clone()), "{name} listed twice");
        }
    }
}
